"""The FSRS optimiser and the workload simulator, for one deck-options preset at a time.

Optimising: each card's review log becomes its FSRS history by `importing.memory_history`'s rules
(Anki's), and every review made a day or more after the card's previous one becomes an item: the
history up to and including it, the thing the optimiser learns to predict. fsrs-rs fits the
parameters and scores itself with a time-series split; the preset's current parameters are scored
on the same reviews, and the new ones are worth applying only when they predict better. fsrs-rs
holds the GIL for the whole run and cannot be interrupted, so the desktop app and the command line
run it in a child process (`run_optimization_in_subprocess`) they can kill. See docs/optimizer.md.

Simulating: the preset's cards studied for a year at each desired retention from 0.70 to 0.99, with
the learner's own answer times and rating mix, give the daily reviews, minutes and cards remembered
that each retention costs and brings. The desktop app runs it in a child process too
(`start_simulating_preset`): the simulator also holds the GIL.

Every call into the FSRS library goes through `heatcards.scheduling`.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .clock import DayCalendar
from .errors import CancelledError, ConflictError, HeatcardsError, InvalidInputError
from .importing import memory_history
from .model import Changes, Preset, ReviewKind, ReviewLogEntry
from .presets import RETENTION_MAX, RETENTION_MIN
from .scheduling import (
    DEFAULT_PARAMETERS,
    FULL_TRAINING_MINIMUM,
    TIME_SERIES_FOLDS,
    TYPICAL_STUDY_HABITS,
    FsrsOptimizer,
    ModelMetrics,
    ReviewHistory,
    StudyHabits,
    WorkloadPlan,
    WorkloadPoint,
    simulated_workload,
)
from .storage.history_sql import review_histories, unsuspended_card_count

if TYPE_CHECKING:
    from .collection import Collection

# Every one of the time-series split's trainings (the first on a sixth of the items) should fit all
# the parameters, which fsrs-rs does only from FULL_TRAINING_MINIMUM items.
MINIMUM_SCORED_REVIEWS = (TIME_SERIES_FOLDS + 1) * FULL_TRAINING_MINIMUM
DESIRED_RETENTIONS = tuple(
    round(RETENTION_MIN + hundredths / 100, 2) for hundredths in range(round((RETENTION_MAX - RETENTION_MIN) * 100) + 1)
)
SIMULATED_DAYS = 365
# One seed for every retention: the points then differ by the retention, not by the dice.
SIMULATION_SEED = 2024
# A measured habit counts as much as FSRS's typical one once it rests on this many answers (fsrs-rs's smoothing).
TYPICAL_HABIT_WEIGHT = 50
LONGEST_ANSWER_MS = 20 * 60 * 1000  # a longer answer time is a break, not thinking (fsrs-rs's limit)
_HABIT_STATES = {ReviewKind.LEARN: 0, ReviewKind.REVIEW: 1, ReviewKind.RELEARN: 2}  # StudyHabits.answer_seconds rows
_CHILD_MODULE = "heatcards.optimizing"


class NotEnoughReviewsError(HeatcardsError):
    """Too little history to optimise from; the message says how much is needed."""


class OptimizationFailedError(HeatcardsError):
    """The child process of the optimiser or the workload simulator failed; the message says why."""


# --- items -----------------------------------------------------------------------------
def training_entries(reviews: Sequence[ReviewLogEntry]) -> list[ReviewLogEntry]:
    """The entries of one card's log (oldest first) its FSRS history is made of, by
    `importing.memory_history`'s rules (nothing before the last reset, no manual or rescheduled
    entries, from the last run of learning answers on); none when that history does not start
    with a learning answer: as in Anki, a card whose learning the log lacks is left out of training."""
    # memory_history answers in (seconds, rating): given each entry's position as its time, it
    # answers with the positions of the entries it keeps
    by_position = [replace(entry, time=position * 1000) for position, entry in enumerate(reviews)]
    entries = [reviews[position] for position, _ in memory_history(by_position)]
    return entries if entries and entries[0].kind is ReviewKind.LEARN else []


@dataclass(frozen=True)
class TrainingSet:
    """What the optimiser learns from. `cards`: each card's history as (rating, local days since its
    previous review); `items`: (index in `cards`, number of reviews) for each review made a day or more
    after the card's previous one, in the time order of those reviews; `review_count`: reviews in `cards`."""

    cards: Sequence[ReviewHistory]
    items: Sequence[tuple[int, int]]
    review_count: int

    def to_json(self) -> dict:
        """For `json.dumps` (which writes the tuples as lists, quickly: no deep copy as `asdict` makes)."""
        return {"cards": self.cards, "items": self.items, "review_count": self.review_count}

    @classmethod
    def from_json(cls, data: dict) -> TrainingSet:
        return cls(**data)


def build_training_set(histories: Iterable[Sequence[ReviewLogEntry]], calendar: DayCalendar) -> TrainingSet:
    """Items from review logs (one per card, oldest first) as the guide says: days are `calendar`'s
    local days (with its next-day-starts-at hour); same-day reviews stay in a history with 0 days but
    are never an item's predicted review; cards without a review on a later day are left out."""
    cards: list[ReviewHistory] = []
    timed_items: list[tuple[int, int, int]] = []  # (time of the predicted review, card index, length)
    review_count = 0
    for reviews in histories:
        entries = training_entries(reviews)
        days = [calendar.day(entry.time // 1000) for entry in entries]
        history = [(entry.rating, day - previous) for entry, day, previous in zip(entries, days, days[:1] + days)]
        ends = [
            (entry.time, length)
            for length, (entry, (_, delta_t)) in enumerate(zip(entries, history), start=1)
            if delta_t > 0
        ]
        if not ends:
            continue
        timed_items += [(time, len(cards), length) for time, length in ends]
        cards.append(tuple(history))
        review_count += len(history)
    timed_items.sort(key=lambda item: item[0])
    return TrainingSet(tuple(cards), tuple((card, length) for _, card, length in timed_items), review_count)


def require_enough_reviews(training: TrainingSet) -> None:
    """Raise NotEnoughReviewsError, saying how many are needed, when `training` is too small to optimise."""
    if len(training.items) < MINIMUM_SCORED_REVIEWS:
        raise NotEnoughReviewsError(
            f"Optimising needs at least {MINIMUM_SCORED_REVIEWS} reviews made a day or more after the card's "
            f"previous review; this history has {len(training.items)}. Keep studying and optimise later; "
            "the parameters stay as they are."
        )


# --- optimising ----------------------------------------------------------------------------
@dataclass(frozen=True)
class OptimizationResult:
    """What optimising found. `before`: the current parameters' predictions of the reviews the
    time-series split scores; `after`: the optimiser's, each part predicted by parameters fitted to
    the parts before it. `parameters` are fitted to the whole history."""

    parameters: tuple[float, ...]
    current_parameters: tuple[float, ...]  # as the preset had them (empty: the defaults)
    before: ModelMetrics
    after: ModelMetrics
    review_count: int  # reviews in the histories used
    item_count: int  # of those, the scored ones (made a day or more after the card's previous review)

    @property
    def better(self) -> bool:
        """The optimised parameters predict recall better (lower log loss, what the optimiser minimises)."""
        return self.after.log_loss < self.before.log_loss

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> OptimizationResult:
        return cls(
            parameters=tuple(data["parameters"]),
            current_parameters=tuple(data["current_parameters"]),
            before=ModelMetrics(**data["before"]),
            after=ModelMetrics(**data["after"]),
            review_count=data["review_count"],
            item_count=data["item_count"],
        )


def optimize_training_set(
    training: TrainingSet, current_parameters: Sequence[float], *, relearning_step_count: int = 1
) -> OptimizationResult:
    """Fit parameters to `training` and score them and the current ones (empty: the defaults)."""
    require_enough_reviews(training)
    optimizer = FsrsOptimizer(training.cards, training.items, relearning_step_count=relearning_step_count)
    return OptimizationResult(
        parameters=optimizer.compute_parameters(),
        current_parameters=tuple(current_parameters),
        before=optimizer.evaluate_parameters_by_time_series_split(tuple(current_parameters) or DEFAULT_PARAMETERS),
        after=optimizer.evaluate_optimizer_by_time_series_split(),
        review_count=training.review_count,
        item_count=len(training.items),
    )


def optimize(
    histories: Iterable[Sequence[ReviewLogEntry]],
    calendar: DayCalendar,
    current_parameters: Sequence[float],
    *,
    relearning_step_count: int = 1,
) -> OptimizationResult:
    """Optimise in this process (it blocks, GIL held, until done): review logs (one per card, oldest
    first) and the preset's parameters in, a result out."""
    return optimize_training_set(
        build_training_set(histories, calendar), current_parameters, relearning_step_count=relearning_step_count
    )


class ChildRun(ABC):
    """Work running in a child process (`python -m heatcards.optimizing`): `done()` polls it (from a
    timer), `result()` waits for it, `cancel()` kills it. fsrs-rs holds the GIL and cannot be
    interrupted, so the optimiser and the workload simulator run this way. Subclasses say what the
    request is and how to read the answer."""

    cancelled_message: str  # the CancelledError's message after `cancel()`

    def __init__(self, request: dict):
        self._folder = tempfile.TemporaryDirectory(prefix="heatcards-fsrs-")
        folder = Path(self._folder.name)
        request_path = folder / "request.json"
        request_path.write_text(json.dumps(request))
        self._answer = folder / "answer.json"
        self._errors = folder / "errors.txt"
        with open(self._errors, "wb") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-m", _CHILD_MODULE, str(request_path), str(self._answer)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=_child_environment(),
            )
        self._outcome = None  # the result, or the HeatcardsError to raise, once known

    @property
    def pid(self) -> int:
        return self.process.pid

    def done(self) -> bool:
        """Whether the child has finished (or was cancelled): `result()` will not wait."""
        return self._outcome is not None or self.process.poll() is not None

    def result(self):
        """Wait for the child and return what it found. Raises CancelledError after `cancel()`, and
        OptimizationFailedError when the child failed (with the message of the error it met)."""
        if self._outcome is None:
            self.process.wait()
            self._outcome = self._read_outcome()
        if isinstance(self._outcome, HeatcardsError):
            raise self._outcome
        return self._outcome

    def cancel(self) -> None:
        """Kill the child unless it has finished (and been collected); nothing was changed."""
        if self._outcome is not None:
            return
        self.process.kill()
        self.process.wait()
        self._folder.cleanup()
        self._outcome = CancelledError(self.cancelled_message)

    def _read_outcome(self):
        try:
            if not self._answer.exists():
                last_lines = self._errors.read_text(errors="replace").strip().splitlines()[-3:]
                return OptimizationFailedError(
                    f"the FSRS child process stopped unexpectedly (exit status {self.process.returncode})"
                    + (f": {' '.join(last_lines)}" if last_lines else "")
                )
            answer = json.loads(self._answer.read_text())
        finally:
            self._folder.cleanup()
        if "error" in answer:
            return OptimizationFailedError(answer["error"])
        return self._decode(answer["result"])

    @abstractmethod
    def _decode(self, result):
        """The child's answer (JSON) as the result `result()` returns."""


class OptimizationRun(ChildRun):
    """An optimisation running in a child process; `result()` gives an OptimizationResult. Made by
    `run_optimization_in_subprocess`."""

    cancelled_message = "optimising was cancelled; the parameters are as they were"

    def __init__(self, training: TrainingSet, current_parameters: Sequence[float], relearning_step_count: int):
        super().__init__({
            "task": "optimize",
            "training": training.to_json(),
            "current_parameters": list(current_parameters),
            "relearning_step_count": relearning_step_count,
        })

    def _decode(self, result: dict) -> OptimizationResult:
        return OptimizationResult.from_json(result)


def run_optimization_in_subprocess(
    histories: Iterable[Sequence[ReviewLogEntry]],
    calendar: DayCalendar,
    current_parameters: Sequence[float],
    *,
    relearning_step_count: int = 1,
) -> OptimizationRun:
    """Start optimising in a child process (`python -m heatcards.optimizing`) and return at once. The
    items are built here, so too little history is refused at once (NotEnoughReviewsError)."""
    training = build_training_set(histories, calendar)
    require_enough_reviews(training)
    return OptimizationRun(training, current_parameters, relearning_step_count)


def _child_environment() -> dict[str, str]:
    """This environment, with the folder holding the heatcards package first on the child's path
    (heatcards need not be installed)."""
    source_root = str(Path(__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": source_root + (os.pathsep + path if path else "")}


def _answer_request(request_path: str, answer_path: str) -> None:
    """The child's work: optimise or simulate as the request file asks, write the result (or the
    error) to the answer file."""
    request = json.loads(Path(request_path).read_text())
    try:
        if request["task"] == "simulate":
            points = simulated_points(
                request["parameters"], workload_plan_from_json(request["plan"]), request["retentions"]
            )
            answer = {"result": [asdict(point) for point in points]}
        else:
            result = optimize_training_set(
                TrainingSet.from_json(request["training"]),
                request["current_parameters"],
                relearning_step_count=request["relearning_step_count"],
            )
            answer = {"result": result.to_json()}
    except HeatcardsError as error:
        answer = {"error": str(error)}
    written = Path(answer_path + ".partial")
    written.write_text(json.dumps(answer))
    os.replace(written, answer_path)  # the answer appears whole or not at all


# --- presets -------------------------------------------------------------------------------
def preset_deck_ids(collection: Collection, preset: Preset) -> list[int]:
    """The decks that use `preset`."""
    return [deck.id for deck in collection.decks() if deck.preset_id == preset.id]


def preset_histories(collection: Collection, preset: Preset) -> list[list[ReviewLogEntry]]:
    """The review log of every card in the decks that use `preset`, each card's oldest first."""
    return review_histories(collection.store, preset_deck_ids(collection, preset))


def start_optimizing_preset(collection: Collection, preset: Preset) -> OptimizationRun:
    """Optimise `preset` from its decks' history in a child process (see `OptimizationRun`)."""
    return run_optimization_in_subprocess(
        preset_histories(collection, preset),
        collection.calendar,
        preset.parameters,
        relearning_step_count=len(preset.relearning_steps),
    )


def apply_if_better(collection: Collection, preset_id: int, result: OptimizationResult) -> Changes:
    """Give the preset the optimised parameters if they predict better than its current ones;
    otherwise change nothing (an empty Changes). Refuses (ConflictError) when the preset's
    parameters changed since optimising began."""
    if not result.better:
        return Changes()
    preset = collection.preset(preset_id)
    if tuple(preset.parameters) != result.current_parameters:
        raise ConflictError(f"the FSRS parameters of preset {preset.name!r} changed while optimising; optimise again")
    return collection.update_preset(replace(preset, parameters=result.parameters))


# --- the workload simulator ----------------------------------------------------------------
@dataclass(frozen=True)
class WorkloadSimulation:
    """The simulated workload at each desired retention, and what the simulation assumed."""

    points: tuple[WorkloadPoint, ...]
    card_count: int
    days: int
    answers_measured: int  # the learner's answers the habits were measured from
    habits: StudyHabits

    @property
    def habits_note(self) -> str:
        """Where the answer times and rating mix come from, as a sentence."""
        if self.answers_measured == 0:
            return "No answers yet: the simulation uses FSRS's typical answer times and rating mix."
        if self.answers_measured < TYPICAL_HABIT_WEIGHT:
            return (
                f"Only {self.answers_measured} answers so far: the simulation mostly uses FSRS's typical "
                "answer times and rating mix, blended with yours."
            )
        return f"Answer times and rating mix measured from your {self.answers_measured} answers."


def _blended_mix(counts: Sequence[int], typical: Sequence[float]) -> tuple[float, ...]:
    """Shares of `counts`, pulled toward the typical shares while there are few."""
    total = sum(counts)
    if total == 0:
        return tuple(typical)
    weight = total / (total + TYPICAL_HABIT_WEIGHT)
    return tuple(weight * count / total + (1 - weight) * share for count, share in zip(counts, typical))


def _blended_seconds(seconds: Sequence[float], typical: float) -> float:
    """The mean of `seconds`, pulled toward the typical time while there are few."""
    if not seconds:
        return typical
    weight = len(seconds) / (len(seconds) + TYPICAL_HABIT_WEIGHT)
    return weight * sum(seconds) / len(seconds) + (1 - weight) * typical


def measure_study_habits(histories: Iterable[Sequence[ReviewLogEntry]], calendar: DayCalendar) -> tuple[StudyHabits, int]:
    """The learner's habits from review logs (one per card, oldest first) and how many answers they
    rest on. Seconds per answer by state and rating (answers timed under 20 minutes); the first
    rating of a card each day it is in learning; Hard, Good and Easy of a card's first review each
    day it is due. Each is blended with FSRS's typical value while it rests on few answers."""
    seconds: list[list[list[float]]] = [[[] for _ in range(4)] for _ in _HABIT_STATES]
    first_ratings = [0, 0, 0, 0]
    review_passes = [0, 0, 0]
    answers = 0
    for reviews in histories:
        days_seen: set[int] = set()
        for entry in reviews:
            state = _HABIT_STATES.get(entry.kind)
            if state is None or not 1 <= entry.rating <= 4:
                continue
            answers += 1
            if 0 < entry.duration_ms < LONGEST_ANSWER_MS:
                seconds[state][entry.rating - 1].append(entry.duration_ms / 1000)
            day = calendar.day(entry.time // 1000)
            if day in days_seen:
                continue
            days_seen.add(day)
            if entry.kind is ReviewKind.LEARN:
                first_ratings[entry.rating - 1] += 1
            elif entry.kind is ReviewKind.REVIEW and entry.rating > 1:
                review_passes[entry.rating - 2] += 1
    typical = TYPICAL_STUDY_HABITS
    habits = StudyHabits(
        first_rating_mix=_blended_mix(first_ratings, typical.first_rating_mix),
        review_rating_mix=_blended_mix(review_passes, typical.review_rating_mix),
        answer_seconds=tuple(
            tuple(_blended_seconds(times, usual) for times, usual in zip(by_rating, typical_row))
            for by_rating, typical_row in zip(seconds, typical.answer_seconds)
        ),
    )
    return habits, answers


def workload_plan(
    histories: Iterable[Sequence[ReviewLogEntry]], calendar: DayCalendar, preset: Preset, card_count: int, days: int
) -> tuple[WorkloadPlan, int]:
    """What to simulate for `card_count` cards under `preset` for `days` days, answered with the
    habits measured from `histories`, and how many answers those habits rest on."""
    if card_count < 1:
        raise InvalidInputError("there are no cards to simulate: the preset's decks have none that are not suspended")
    if days < 1:
        raise InvalidInputError(f"simulate at least one day, not {days}")
    habits, answers = measure_study_habits(histories, calendar)
    plan = WorkloadPlan(
        card_count=card_count,
        days=days,
        new_per_day=preset.new_per_day,
        reviews_per_day=preset.reviews_per_day,
        maximum_interval=preset.maximum_interval,
        learning_step_count=len(preset.learning_steps),
        relearning_step_count=len(preset.relearning_steps),
        habits=habits,
    )
    return plan, answers


def workload_plan_from_json(data: dict) -> WorkloadPlan:
    """A plan from `dataclasses.asdict(plan)` read back from JSON (its lists as tuples again)."""
    habits = data["habits"]
    return WorkloadPlan(**{
        **data,
        "habits": StudyHabits(
            first_rating_mix=tuple(habits["first_rating_mix"]),
            review_rating_mix=tuple(habits["review_rating_mix"]),
            answer_seconds=tuple(tuple(row) for row in habits["answer_seconds"]),
        ),
    })


def simulated_points(parameters: Sequence[float], plan: WorkloadPlan, retentions: Sequence[float]) -> tuple[WorkloadPoint, ...]:
    """The workload of `plan` at each desired retention, with `parameters` (empty: the defaults)."""
    for retention in retentions:
        if not RETENTION_MIN <= retention <= RETENTION_MAX:
            raise InvalidInputError(
                f"desired retention must be between {RETENTION_MIN:.2f} and {RETENTION_MAX:.2f}, not {retention:g}"
            )
    return tuple(
        simulated_workload(tuple(parameters) or DEFAULT_PARAMETERS, retention, plan, SIMULATION_SEED)
        for retention in retentions
    )


def simulate_workload(
    histories: Iterable[Sequence[ReviewLogEntry]],
    calendar: DayCalendar,
    preset: Preset,
    card_count: int,
    *,
    retentions: Sequence[float] = DESIRED_RETENTIONS,
    days: int = SIMULATED_DAYS,
) -> WorkloadSimulation:
    """The workload of `card_count` cards under `preset` at each desired retention, in this process:
    learned from new at the preset's new cards a day (fsrs-rs's simulator starts from new cards; it
    takes no memory states), at most its reviews a day, answered with the habits measured from `histories`."""
    plan, answers = workload_plan(histories, calendar, preset, card_count, days)
    return WorkloadSimulation(simulated_points(preset.parameters, plan, retentions), card_count, days, answers, plan.habits)


def simulate_preset_workload(
    collection: Collection, preset: Preset, *, retentions: Sequence[float] = DESIRED_RETENTIONS, days: int = SIMULATED_DAYS
) -> WorkloadSimulation:
    """`simulate_workload` for the unsuspended cards of the decks that use `preset`, with their history."""
    plan, answers = preset_workload_plan(collection, preset, days)
    return WorkloadSimulation(simulated_points(preset.parameters, plan, retentions), plan.card_count, days, answers, plan.habits)


def preset_workload_plan(collection: Collection, preset: Preset, days: int) -> tuple[WorkloadPlan, int]:
    """`workload_plan` for the unsuspended cards of the decks that use `preset`, with their history."""
    deck_ids = preset_deck_ids(collection, preset)
    return workload_plan(
        review_histories(collection.store, deck_ids),
        collection.calendar,
        preset,
        unsuspended_card_count(collection.store, deck_ids),
        days,
    )


class WorkloadRun(ChildRun):
    """A workload simulation running in a child process; `result()` gives a WorkloadSimulation. Made
    by `start_simulating_preset`."""

    cancelled_message = "the workload simulation was cancelled"

    def __init__(self, parameters: Sequence[float], plan: WorkloadPlan, answers: int, retentions: Sequence[float]):
        self.plan = plan
        self.answers = answers
        super().__init__({"task": "simulate", "parameters": list(parameters), "plan": asdict(plan), "retentions": list(retentions)})

    def _decode(self, result: list) -> WorkloadSimulation:
        points = tuple(WorkloadPoint(**point) for point in result)
        return WorkloadSimulation(points, self.plan.card_count, self.plan.days, self.answers, self.plan.habits)


def start_simulating_preset(
    collection: Collection, preset: Preset, *, retentions: Sequence[float] = DESIRED_RETENTIONS, days: int = SIMULATED_DAYS
) -> WorkloadRun:
    """`simulate_preset_workload` in a child process (fsrs-rs's simulator holds the GIL: at 20 new
    cards a day, about 0.1 s a retention once a year's cards are learned), returning at once. The
    plan is made here, so a preset without cards is refused at once (InvalidInputError)."""
    plan, answers = preset_workload_plan(collection, preset, days)
    return WorkloadRun(preset.parameters, plan, answers, retentions)


if __name__ == "__main__":
    _answer_request(*sys.argv[1:])
