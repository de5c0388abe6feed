"""`heatcards optimize` and `heatcards simulate`: the FSRS optimiser and the workload simulator on
the command line (see `heatcards.optimizing`). `register` adds their parsers; `COMMANDS` holds
their handlers, which take the open collection and the parsed arguments, as `cli.COMMANDS` does."""
from __future__ import annotations

import argparse
import json

from .collection import Collection
from .errors import NotFoundError
from .model import Preset
from .optimizing import (
    MINIMUM_SCORED_REVIEWS,
    SIMULATED_DAYS,
    OptimizationResult,
    apply_if_better,
    simulate_preset_workload,
    start_optimizing_preset,
)
from .presets import format_parameters
from .scheduling import DEFAULT_PARAMETERS, ModelMetrics


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `optimize` and `simulate` commands to the `heatcards` parser's subcommands."""
    optimize = commands.add_parser(
        "optimize",
        help="fit a preset's FSRS parameters to its decks' review history; applied only when they predict it better",
        description="Fit FSRS-6 parameters to the review history of the decks that use a preset (it needs at least "
        f"{MINIMUM_SCORED_REVIEWS} reviews made a day or more after the card's previous one), and show how well the "
        "current and the optimised parameters predict that history (log loss and RMSE(bins), 5-fold time-series split). "
        "The optimised parameters are applied only when their log loss is lower. Ctrl+C stops it.",
    )
    optimize.add_argument("--preset", metavar="NAME", help="the preset to optimise (default: the Default preset)")
    applying = optimize.add_mutually_exclusive_group()
    applying.add_argument("--apply", dest="apply", action="store_true", help="apply them when they are better (the default)")
    applying.add_argument("--no-apply", dest="apply", action="store_false", help="only show them")
    optimize.set_defaults(apply=True)
    optimize.add_argument("--json", action="store_true", help="print JSON")

    simulate = commands.add_parser(
        "simulate",
        help="daily reviews, minutes and cards remembered at each desired retention from 0.70 to 0.99",
        description="Simulate studying a preset's cards at each desired retention from 0.70 to 0.99 with FSRS, "
        "using your own answer times and rating mix, and print the reviews and minutes a day and the cards "
        "remembered at the end.",
    )
    simulate.add_argument("--preset", metavar="NAME", help="the preset to simulate (default: the Default preset)")
    simulate.add_argument("--days", type=int, default=SIMULATED_DAYS, metavar="N", help=f"days to simulate (default {SIMULATED_DAYS})")
    simulate.add_argument("--json", action="store_true", help="print JSON")


def preset_named(collection: Collection, name: str | None) -> Preset:
    """The preset called `name` (case ignored), or the Default preset when `name` is None."""
    if name is None:
        return collection.default_preset()
    presets = collection.presets()
    found = next((p for p in presets if p.name.casefold() == name.strip().casefold()), None)
    if found is None:
        raise NotFoundError(f"no preset named {name!r}; the presets are: {', '.join(p.name for p in presets)}")
    return found


def _metrics_record(metrics: ModelMetrics) -> dict:
    return {"log_loss": metrics.log_loss, "rmse_bins": metrics.rmse_bins}


def run_optimize(collection: Collection, args: argparse.Namespace) -> int:
    preset = preset_named(collection, args.preset)
    run = start_optimizing_preset(collection, preset)
    try:
        result = run.result()
    except KeyboardInterrupt:
        run.cancel()
        raise
    applied = args.apply and result.better
    if applied:
        apply_if_better(collection, preset.id, result)
    if args.json:
        print(json.dumps({
            "preset": preset.name,
            "reviews": result.review_count,
            "scored_reviews": result.item_count,
            "current": _metrics_record(result.before),
            "optimised": _metrics_record(result.after),
            "current_parameters": list(result.current_parameters or DEFAULT_PARAMETERS),
            "optimised_parameters": list(result.parameters),
            "better": result.better,
            "applied": applied,
        }, indent=2, ensure_ascii=False))
        return 0
    print("\n".join(_optimization_lines(preset, result, applied)))
    return 0


def _optimization_lines(preset: Preset, result: OptimizationResult, applied: bool) -> list[str]:
    current = "current (defaults)" if not result.current_parameters else "current"
    lines = [
        f"Preset {preset.name}: {result.review_count} reviews, {result.item_count} of them a day or more after the previous one.",
        "Predicting those reviews (5-fold time-series split; lower is better):",
        f"  {'':<20}{'Log loss':>10}{'RMSE(bins)':>12}",
        f"  {current:<20}{result.before.log_loss:>10.4f}{result.before.rmse_bins:>12.4f}",
        f"  {'optimised':<20}{result.after.log_loss:>10.4f}{result.after.rmse_bins:>12.4f}",
        f"Current parameters:   {format_parameters(result.current_parameters or DEFAULT_PARAMETERS)}",
        f"Optimised parameters: {format_parameters(result.parameters)}",
    ]
    if applied:
        lines.append(f"Applied: preset {preset.name} now uses the optimised parameters.")
    elif result.better:
        lines.append("Not applied (--no-apply): 'heatcards optimize --apply' applies them.")
    else:
        lines.append("Not applied: the optimised parameters predict your reviews no better than the current ones.")
    return lines


def run_simulate(collection: Collection, args: argparse.Namespace) -> int:
    preset = preset_named(collection, args.preset)
    simulation = simulate_preset_workload(collection, preset, days=args.days)
    if args.json:
        print(json.dumps({
            "preset": preset.name,
            "cards": simulation.card_count,
            "days": simulation.days,
            "answers_measured": simulation.answers_measured,
            "habits_note": simulation.habits_note,
            "points": [
                {
                    "retention": p.retention,
                    "reviews_per_day": p.reviews_per_day,
                    "minutes_per_day": p.minutes_per_day,
                    "cards_remembered": p.cards_remembered,
                }
                for p in simulation.points
            ],
        }, indent=2, ensure_ascii=False))
        return 0
    print(
        f"Preset {preset.name}: {simulation.card_count} cards learned from new at {preset.new_per_day} a day, "
        f"at most {preset.reviews_per_day} reviews a day, for {simulation.days} days."
    )
    print(simulation.habits_note)
    print(f"{'Retention':>10}{'Reviews/day':>13}{'Minutes/day':>13}{'Remembered':>12}")
    for p in simulation.points:
        mark = "  <- current" if abs(p.retention - preset.desired_retention) < 0.005 else ""
        print(f"{p.retention:>10.2f}{p.reviews_per_day:>13.1f}{p.minutes_per_day:>13.1f}{p.cards_remembered:>12.0f}{mark}")
    return 0


COMMANDS = {"optimize": run_optimize, "simulate": run_simulate}
