"""Deck options presets as a person types them: steps, FSRS parameters, validation, warnings.

Pure functions, no storage and no Qt. Steps are kept in minutes (as `model.Preset` stores them)
and written in Anki's text format: durations with a unit, separated by spaces ("1m 10m", "1d").
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence

from .errors import InvalidInputError
from .model import Preset

MINUTES_PER_UNIT = {"s": 1 / 60, "m": 1.0, "h": 60.0, "d": 1440.0}
MINUTES_PER_DAY = MINUTES_PER_UNIT["d"]
FSRS6_PARAMETER_COUNT = 21
# Desired retention: the range Anki's deck options accept.
RETENTION_MIN, RETENTION_MAX = 0.70, 0.99
# Above this the number of reviews per day grows very fast for little gain (Anki warns too).
RETENTION_WARNING_ABOVE = 0.97
MAXIMUM_INTERVAL_LIMIT = 36500

_STEP = re.compile(r"(\d+(?:\.\d*)?|\.\d+)([smhd]?)", re.IGNORECASE)

# The range FSRS-6 keeps each parameter in (S is stability in days, D difficulty).
_PARAMETER_BOUNDS: tuple[tuple[float, float], ...] = (
    (0.001, 100.0),  # w0: first stability after Again
    (0.001, 100.0),  # w1: ... after Hard
    (0.001, 100.0),  # w2: ... after Good
    (0.001, 100.0),  # w3: ... after Easy
    (1.0, 10.0),  # w4: first difficulty after Good
    (0.001, 4.0),  # w5: how much the first rating moves the first difficulty
    (0.001, 4.0),  # w6: how much each rating moves difficulty
    (0.001, 0.75),  # w7: difficulty's pull back toward its default
    (0.0, 4.5),  # w8: stability growth after a pass
    (0.0, 0.8),  # w9: growth shrinking as stability grows
    (0.001, 3.5),  # w10: growth when recall was unlikely
    (0.001, 5.0),  # w11: stability after a lapse
    (0.001, 0.25),  # w12: ... its dependence on difficulty
    (0.001, 0.9),  # w13: ... on the stability before
    (0.0, 4.0),  # w14: ... on retrievability
    (0.0, 1.0),  # w15: Hard's penalty
    (1.0, 6.0),  # w16: Easy's bonus
    (0.0, 2.0),  # w17: same-day reviews
    (0.0, 2.0),  # w18: same-day reviews
    (0.0, 0.8),  # w19: same-day reviews of stable cards
    (0.1, 0.8),  # w20: decay of the forgetting curve
)


LEARNING_STEPS = "learning step"
RELEARNING_STEPS = "relearning step"


def parse_steps(text: str, what: str = LEARNING_STEPS) -> tuple[float, ...]:
    """ "1m 10m" -> (1.0, 10.0) minutes. A number without a unit is minutes (Anki's old format).

    Steps may be separated by spaces or commas; empty text means no steps."""
    steps = []
    for position, word in enumerate(text.replace(",", " ").split(), start=1):
        match = _STEP.fullmatch(word)
        if match is None:
            raise InvalidInputError(f"{what} {position}, {word!r}, is not a duration like 10m, 1h or 2d")
        minutes = float(match.group(1)) * MINUTES_PER_UNIT[(match.group(2) or "m").lower()]
        if minutes <= 0:
            raise InvalidInputError(f"{what} {position}, {word!r}, must be longer than zero")
        steps.append(minutes)
    return tuple(steps)


def format_step(minutes: float) -> str:
    """The largest unit that writes the step as a whole number, else seconds (Anki's style)."""
    for unit in ("d", "h", "m"):
        count = minutes / MINUTES_PER_UNIT[unit]
        if count >= 1 and math.isclose(count, round(count), abs_tol=1e-9):
            return f"{round(count)}{unit}"
    seconds = minutes * 60
    if math.isclose(seconds, round(seconds), abs_tol=1e-9):
        return f"{round(seconds)}s"
    return f"{seconds:g}s"


def format_steps(steps: Sequence[float]) -> str:
    return " ".join(format_step(m) for m in steps)


def parse_parameters(text: str) -> tuple[float, ...]:
    """FSRS-6 parameters: 21 numbers separated by commas (or spaces). Empty text means the defaults."""
    words = text.replace(",", " ").split()
    if not words:
        return ()
    values = []
    for position, word in enumerate(words):
        try:
            value = float(word)
        except ValueError:
            raise InvalidInputError(f"FSRS parameter {position + 1}, {word!r}, is not a number") from None
        if not math.isfinite(value):
            raise InvalidInputError(f"FSRS parameter {position + 1}, {word!r}, is not a finite number")
        values.append(value)
    return validate_parameters(values)


def validate_parameters(values: Sequence[float]) -> tuple[float, ...]:
    """The parameters as a tuple, or an error naming the first one FSRS-6 cannot use."""
    if not values:
        return ()
    if len(values) != FSRS6_PARAMETER_COUNT:
        raise InvalidInputError(
            f"FSRS-6 needs {FSRS6_PARAMETER_COUNT} parameters, got {len(values)}; "
            "paste all of them, or reset to the defaults"
        )
    for position, (value, (low, high)) in enumerate(zip(values, _PARAMETER_BOUNDS)):
        if not low <= value <= high:
            raise InvalidInputError(f"FSRS parameter {position + 1} is {value:g}; it must be between {low:g} and {high:g}")
    return tuple(float(v) for v in values)


def format_parameters(values: Sequence[float]) -> str:
    return ", ".join(f"{v:.4f}" for v in values)


def validate_preset(preset: Preset) -> Preset:
    """Raise InvalidInputError naming the first setting the scheduler cannot use; return the preset."""
    if not preset.name.strip():
        raise InvalidInputError("a preset needs a name")
    if not RETENTION_MIN <= preset.desired_retention <= RETENTION_MAX:
        raise InvalidInputError(
            f"desired retention must be between {RETENTION_MIN:.2f} and {RETENTION_MAX:.2f}, not {preset.desired_retention:g}"
        )
    if not 1 <= preset.maximum_interval <= MAXIMUM_INTERVAL_LIMIT:
        raise InvalidInputError(f"the maximum interval must be 1 to {MAXIMUM_INTERVAL_LIMIT} days, not {preset.maximum_interval}")
    if preset.new_per_day < 0 or preset.reviews_per_day < 0:
        raise InvalidInputError("daily limits cannot be negative")
    if preset.leech_threshold < 1:
        raise InvalidInputError(f"the leech threshold must be at least 1 lapse, not {preset.leech_threshold}")
    for what, steps in ((LEARNING_STEPS, preset.learning_steps), (RELEARNING_STEPS, preset.relearning_steps)):
        for position, minutes in enumerate(steps, start=1):
            if not (math.isfinite(minutes) and minutes > 0):
                raise InvalidInputError(f"{what} {position} must be longer than zero")
    validate_parameters(preset.parameters)
    return preset


def preset_warnings(preset: Preset) -> list[str]:
    """Settings that are allowed but known to hurt, each as a sentence for the learner."""
    found = (
        steps_warning("Learning", preset.learning_steps),
        steps_warning("Relearning", preset.relearning_steps),
        retention_warning(preset.desired_retention),
    )
    return [w for w in found if w]


def steps_warning(what: str, steps: Sequence[float]) -> str | None:
    """A warning when any step is a day or longer (FSRS schedules days itself; Anki warns too)."""
    if not any(m >= MINUTES_PER_DAY for m in steps):
        return None
    return (
        f"{what} steps of a day or more keep FSRS from scheduling those days itself and make its "
        "predictions worse: keep steps under a day (for example 1m 10m)."
    )


def retention_warning(retention: float) -> str | None:
    if retention <= RETENTION_WARNING_ABOVE:
        return None
    return (
        f"A desired retention of {retention:.2f} makes the number of reviews grow very fast "
        f"for little gain; most people stay between 0.80 and {RETENTION_WARNING_ABOVE:.2f}."
    )
