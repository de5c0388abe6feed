"""FSRS-6 scheduling, with Anki's learning steps and interval rules.

The only module that imports fsrs-rs-python, the Rust FSRS engine Anki uses: the scheduler
below, and the door to the library's optimiser, evaluation and workload simulator (the end of
the module; `heatcards.optimizing` builds what goes through it).
Days are the learner's local calendar days (see `clock.DayCalendar`); the
interval shown on a button is the interval applied, because fuzz is drawn from
a generator seeded by the card id and its review count.
"""
from __future__ import annotations

import functools
import math
import struct
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import TypeVar

import fsrs_rs_python as fsrs
import numpy as np

from .clock import SECONDS_PER_DAY, DayCalendar
from .errors import HeatcardsError, InvalidInputError
from .model import ButtonPreview, Card, CardState, Preset, Rating, ReviewKind

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(fsrs.DEFAULT_PARAMETERS)
DEFAULT_DECAY = DEFAULT_PARAMETERS[20]

# Anki's fuzz: the interval may move by a share of itself that shrinks as it grows.
_FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, math.inf, 0.05))
# fsrs-rs holds the GIL through a call: the calibration's replay of 80,000 histories in one call
# (~0.3 s) froze the statistics window's UI thread; in calls of this many, each takes ~10 ms
REPLAY_HISTORIES_PER_CALL = 2048


def retrievability(stability: float, elapsed_days: float, decay: float = DEFAULT_DECAY) -> float:
    """Probability of recall after `elapsed_days` (a negative time counts as none): R = (1 + F·t/S)^(−decay).
    Of numbers, or elementwise of numpy arrays (the statistics' calibration scores every answer at once)."""
    factor = 0.9 ** (-1 / decay) - 1
    days = elapsed_days * (elapsed_days > 0)  # max(elapsed_days, 0), for arrays as well
    return (1 + factor * days / stability) ** (-decay)


def decay_of(parameters: Sequence[float]) -> float:
    return parameters[20] if len(parameters) == 21 else DEFAULT_DECAY


@dataclass(frozen=True)
class Answer:
    """A card after one rating, and what the review log records about it."""

    card: Card
    kind: ReviewKind
    leech: bool  # lapses just reached the preset's leech threshold (or a multiple past it)


_REVIEW_KINDS = {
    CardState.NEW: ReviewKind.LEARN,
    CardState.LEARNING: ReviewKind.LEARN,
    CardState.REVIEW: ReviewKind.REVIEW,
    CardState.RELEARNING: ReviewKind.RELEARN,
}


def review_kind(state: CardState) -> ReviewKind:
    return _REVIEW_KINDS[state]


def round_half_up(x: float) -> int:
    """Round as Anki does (half away from zero; intervals are never negative)."""
    return math.floor(x + 0.5)


def fuzz_bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    """The days a fuzzed interval may land on, bounded as Anki bounds them."""
    interval = min(max(interval, 1.0), float(maximum))
    delta = 0.0
    if interval >= 2.5:
        delta = 1.0
        for start, end, share in _FUZZ_RANGES:  # a loop, not sum() over a generator: a third of the time
            if interval > start:
                delta += share * (min(interval, end) - start)
    lower = min(max(round_half_up(interval - delta), minimum), maximum)
    upper = min(max(round_half_up(interval + delta), minimum), maximum)
    if lower == upper and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


_BITS_64 = (1 << 64) - 1


def fuzz_number(card_id: int, reps: int) -> float:
    """A number in [0, 1) that looks random but is the same for the same card and review count
    (so a button shows the interval its answer applies): the pair mixed by SplitMix64's finaliser,
    which spreads neighbouring seeds evenly; its top 53 bits make the fraction. A seeded
    `random.Random` would do as well, but seeding one costs several times more, at every answer."""
    x = (card_id * 1_000_003 + reps + 0x9E3779B97F4A7C15) & _BITS_64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _BITS_64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _BITS_64
    return ((x ^ (x >> 31)) >> 11) / 2.0**53


class Scheduler:
    """Answers cards for one deck preset."""

    def __init__(self, preset: Preset, calendar: DayCalendar, *, fuzz: bool = True):
        self.preset = preset
        self.calendar = calendar
        self.fuzz = fuzz
        self.parameters = tuple(preset.parameters) or DEFAULT_PARAMETERS
        self._fsrs = fsrs.FSRS(list(self.parameters))
        self.decay = decay_of(self.parameters)
        self.learning_steps = _step_seconds(preset.learning_steps)
        self.relearning_steps = _step_seconds(preset.relearning_steps)

    # --- public ------------------------------------------------------------
    def previews(self, card: Card, now: int) -> list[ButtonPreview]:
        """What each of the four buttons would do, exactly as `answer` will (one FSRS call for all four)."""
        context = self._context(card, now)
        result = []
        for rating in Rating:
            after = self._answer_in(context, rating).card
            if after.state is CardState.REVIEW:
                days = after.interval
            else:  # a step that waits for another day says how many days, as Anki's buttons do
                days = self.calendar.day(after.due) - context.today if after.due >= context.tomorrow else 0
            result.append(
                ButtonPreview(
                    rating=rating, state=after.state, due=after.due, interval_days=days, delay_seconds=max(0, after.due - now)
                )
            )
        return result

    def answer(self, card: Card, rating: Rating, now: int) -> Answer:
        return self._answer_in(self._context(card, now), _valid_rating(rating))

    def _context(self, card: Card, now: int) -> "_Context":
        if card.last_review is not None and now < card.last_review:
            raise InvalidInputError("a review cannot be earlier than the card's previous review")
        return _Context(self, card, now)

    def _answer_in(self, ctx: "_Context", rating: Rating) -> Answer:
        card = ctx.card
        if card.state is CardState.NEW or card.state is CardState.LEARNING:
            after = ctx.learning_step(rating, self.learning_steps, CardState.LEARNING)
        elif card.state is CardState.REVIEW:
            after = ctx.review(rating)
        else:
            after = ctx.learning_step(rating, self.relearning_steps, CardState.RELEARNING)
        lapsed = card.state is CardState.REVIEW and rating is Rating.AGAIN
        return Answer(after, review_kind(card.state), lapsed and self._is_leech(after.lapses))

    def memory_from_history(self, reviews: Iterable[tuple[int, int]]) -> tuple[float, float] | None:
        """(stability, difficulty) after a card's history of (unix seconds, rating), oldest first."""
        items, previous_day = [], None
        for when, rating in reviews:
            day = self.calendar.day(when)
            items.append(_library_review(rating, 0 if previous_day is None else day - previous_day))
            previous_day = day
        if not items:
            return None
        state = self._fsrs.memory_state(fsrs.FSRSItem(items))
        return state.stability, state.difficulty

    def replay_stabilities(
        self, ratings: np.ndarray, elapsed_days: np.ndarray, firsts: np.ndarray, states_before: np.ndarray
    ) -> np.ndarray:
        """The stability after each review of some histories, as FSRS computes it with the preset's
        parameters. The reviews of all the histories follow one another in `ratings` and
        `elapsed_days` (days since the previous review), each history's from its place in `firsts`
        on. `states_before` holds each history's (stability, difficulty) before its first review, or
        NaN: without one the first review sets the first state; with one the history continues from
        it, its first review's days counted from the review that left it. One library call for all;
        the reviews go over as arrays do, without a Python tuple each (there can be a million)."""
        if not len(ratings):
            return np.empty(0)
        for rating in (ratings.min(), ratings.max()):  # ratings are valid from 1 to 4: when the ends are, all are
            _valid_rating(rating)
        # one number for each (rating, days): the library copies a review into each item it is in, so
        # one object, made (and checked) once, serves them all
        codes = (elapsed_days * 8 + ratings).tolist()
        reviews = {code: _library_review(code % 8, code // 8) for code in set(codes)}
        bounds = [*firsts.tolist(), len(codes)]
        items = [
            fsrs.FSRSItem(list(map(reviews.__getitem__, codes[first:end]))) for first, end in zip(bounds, bounds[1:])
        ]
        starts = [
            None if math.isnan(stability) else fsrs.MemoryState(stability, difficulty)
            for stability, difficulty in states_before.tolist()
        ]
        states = []
        for first in range(0, len(items), REPLAY_HISTORIES_PER_CALL):  # the GIL is free between calls
            batch = slice(first, first + REPLAY_HISTORIES_PER_CALL)
            states += _library_call("replay review histories", lambda: self._fsrs.historical_memory_state_batch(items[batch], starts[batch]))
        sizes = np.fromiter(map(len, states), dtype=np.int64, count=len(states))
        skipped = sizes - np.diff(bounds)  # a history continued from a state gets that state first
        place_in_history = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        stabilities = np.fromiter(
            map(attrgetter("stability"), chain.from_iterable(states)), dtype=float, count=len(place_in_history)
        )
        return stabilities[place_in_history >= np.repeat(skipped, sizes)]

    def retrievability_now(self, card: Card, now: int) -> float | None:
        if card.stability is None or card.last_review is None:
            return None
        return retrievability(card.stability, (now - card.last_review) / SECONDS_PER_DAY, self.decay)

    # --- internals -----------------------------------------------------------
    def _is_leech(self, lapses: int) -> bool:
        threshold = self.preset.leech_threshold
        if threshold <= 0 or lapses < threshold:
            return False
        return (lapses - threshold) % max(1, math.ceil(threshold / 2)) == 0

    def next_memory_states(self, card: Card, days_elapsed: int):
        memory = None
        if card.stability is not None and card.difficulty is not None:
            memory = fsrs.MemoryState(card.stability, card.difficulty)
        return self._fsrs.next_states(memory, self.preset.desired_retention, days_elapsed)


class _Context:
    """One answer being computed: the card, the time and FSRS's four next states."""

    def __init__(self, scheduler: Scheduler, card: Card, now: int):
        self.scheduler = scheduler
        self.card = card
        self.now = now
        calendar = scheduler.calendar
        # today and the start of the next day (the second after the next rollover, asked for by steps), in one look-up
        self.today, self.tomorrow = calendar.day_and_next_start(now)
        elapsed = 0 if card.last_review is None else self.today - calendar.day(card.last_review)
        self.next_states = scheduler.next_memory_states(card, max(0, elapsed))
        self.maximum = max(1, scheduler.preset.maximum_interval)

    def _state_for(self, rating: Rating):
        states = self.next_states
        return (states.again, states.hard, states.good, states.easy)[rating - 1]

    def _scheduled(self, rating: Rating, state: CardState, due: int, interval: int, remaining_steps: int) -> Card:
        """The card after `rating`: its new schedule, FSRS's memory state for the rating, one more
        repetition (and lapse, for a review forgotten), reviewed now. Built in one go from its
        fields in order: copying a card with `dataclasses.replace` costs several times more, and
        keyword arguments twice as much."""
        card, memory = self.card, self._state_for(rating).memory
        lapsed = card.state is CardState.REVIEW and rating is Rating.AGAIN
        return Card.from_values((
            card.id, card.note_id, card.deck_id, card.ordinal,
            state, due, interval, memory.stability, memory.difficulty, remaining_steps,
            card.reps + 1, card.lapses + lapsed, self.now,  # reps, lapses, last_review
            card.suspended, card.buried_until, card.flag, self.now,  # suspended, buried_until, flag, modified
        ))

    def _days(self, interval: float, minimum: int) -> int:
        """Round, bound and (maybe) fuzz an FSRS interval in days."""
        minimum = max(1, min(minimum, self.maximum))
        if not self.scheduler.fuzz:
            return min(max(round_half_up(interval), minimum), self.maximum)
        lower, upper = fuzz_bounds(interval, minimum, self.maximum)
        return lower + int(self._fuzz_draw * (1 + upper - lower))

    @functools.cached_property
    def _fuzz_draw(self) -> float:
        """The card's fuzz number, worked out once for all its intervals in this answer (a review's
        Good and Easy intervals need the lower ones)."""
        return fuzz_number(self.card.id, self.card.reps)

    def _as_review(self, rating: Rating, days: int) -> Card:
        due = self.scheduler.calendar.day_start(self.today + days)
        return self._scheduled(rating, CardState.REVIEW, due, days, 0)

    def _as_step(self, rating: Rating, state: CardState, delay_seconds: int, remaining: int, interval: int) -> Card:
        return self._scheduled(rating, state, self._step_due(delay_seconds), interval, remaining)

    def _step_due(self, delay_seconds: int) -> int:
        """When a (re)learning step of `delay_seconds` is due. A step that reaches the next day's
        rollover waits in whole days instead, as in Anki (rslib `IntervalKind::maybe_as_days`): it
        is due at the start of day ((delay - seconds until the rollover) // 1 day) + 1 from today."""
        past_rollover = self.now + delay_seconds - (self.tomorrow - 1)  # the day starts the second after it
        if past_rollover < 0:
            return self.now + delay_seconds
        return self.scheduler.calendar.day_start(self.today + past_rollover // SECONDS_PER_DAY + 1)

    def _lapse_days(self) -> int:
        """Again's interval: FSRS's, at least a day, not bounded by the maximum interval (as Anki)."""
        return max(1, round_half_up(self.next_states.again.interval))

    def _graduate(self, rating: Rating) -> Card:
        good = self._days(self.next_states.good.interval, 1)
        if rating is Rating.EASY:
            return self._as_review(rating, self._days(self.next_states.easy.interval, good + 1))
        return self._as_review(rating, good)

    def _without_steps(self, rating: Rating, state: CardState) -> Card:
        """No (re)learning steps: FSRS decides; below half a day (except on Easy) the card stays in (re)learning."""
        interval = self._state_for(rating).interval
        if interval < 0.5 and rating is not Rating.EASY:
            kept = 0
            if state is CardState.RELEARNING:
                kept = self._lapse_days() if rating is Rating.AGAIN else self.card.interval
            return self._as_step(rating, state, int(_float32(interval * SECONDS_PER_DAY)), 0, kept)
        if rating is Rating.AGAIN:
            return self._as_review(rating, self._lapse_days())
        if rating is Rating.HARD:
            return self._as_review(rating, self._days(interval, 1))
        return self._graduate(rating)

    def learning_step(self, rating: Rating, steps: Sequence[int], state: CardState) -> Card:
        """New, learning and relearning cards walk through their steps (in seconds; Anki's rules)."""
        if not steps:
            return self._without_steps(rating, state)
        if rating is Rating.EASY:
            return self._graduate(rating)
        in_steps = self.card.state in (CardState.LEARNING, CardState.RELEARNING)
        remaining = self.card.remaining_steps if in_steps else len(steps)
        remaining = min(max(remaining, 1), len(steps))
        index = len(steps) - remaining
        # a relearning card keeps a review interval for later; a learning card has none yet
        interval = self.card.interval if state is CardState.RELEARNING else 0
        if rating is Rating.AGAIN:
            if state is CardState.RELEARNING:
                interval = self._lapse_days()
            return self._as_step(rating, state, steps[0], len(steps), interval)
        if rating is Rating.HARD:
            return self._as_step(rating, state, _hard_delay(steps, index), remaining, interval)
        if index + 1 < len(steps):
            return self._as_step(rating, state, steps[index + 1], remaining - 1, interval)
        return self._graduate(rating)

    def review(self, rating: Rating) -> Card:
        if rating is Rating.AGAIN:
            relearning = self.scheduler.relearning_steps
            if relearning:
                return self._as_step(rating, CardState.RELEARNING, relearning[0], len(relearning), self._lapse_days())
            return self._without_steps(rating, CardState.RELEARNING)
        states = self.next_states
        hard = self._days(states.hard.interval, max(1, self._keep_interval_floor(states.hard.interval)))
        if rating is Rating.HARD:
            return self._as_review(rating, hard)
        good = self._days(states.good.interval, max(hard + 1, self._keep_interval_floor(states.good.interval)))
        if rating is Rating.GOOD:
            return self._as_review(rating, good)
        easy = self._days(states.easy.interval, max(good + 1, self._keep_interval_floor(states.easy.interval)))
        return self._as_review(rating, easy)

    def _keep_interval_floor(self, interval: float) -> int:
        """Anki keeps a passed card's interval from shrinking below its current one while
        that is within the fuzz range of the new interval."""
        current = self.card.interval
        if round_half_up(interval) > current:
            return current + 1
        return current if current <= fuzz_bounds(interval, 1, self.maximum)[1] else 0


def _hard_delay(steps: Sequence[int], index: int) -> int:
    """Hard repeats the current step; on the first step it waits halfway to the next."""
    current = steps[index]
    if index == 0 and len(steps) > 1:
        return (steps[0] + steps[1]) // 2
    if index == 0:
        return min(current * 3 // 2, current + SECONDS_PER_DAY)
    return current


_RATINGS = {rating.value: rating for rating in Rating}  # a dict lookup: calling the enum costs ten times more


def _valid_rating(rating: int) -> Rating:
    try:
        return _RATINGS[int(rating)]
    except (KeyError, ValueError, TypeError):
        raise InvalidInputError(f"rating must be 1 (Again) to 4 (Easy), not {rating!r}") from None


def _step_seconds(steps_minutes: Sequence[float]) -> tuple[int, ...]:
    """(Re)learning steps in whole seconds, at least one each (Anki keeps minutes in 32 bits)."""
    return tuple(max(1, int(_float32(_float32(m) * 60))) for m in steps_minutes)


def _float32(value: float) -> float:
    """`value` rounded to the nearest 32-bit float. Anki computes delays in 32-bit floats and cuts
    them to whole seconds (`(x * 86_400.0) as u32`); a product of two 32-bit floats is exact in
    Python's 64 bits, so rounding it once gives Anki's product: 0.48226851 days is 41,668 s to
    Anki, where 64 bits make it 41,667.9995 s, cut to 41,667."""
    return struct.unpack("f", struct.pack("f", value))[0]


# --- the optimiser, its evaluation and the workload simulator -----------------------------------
_Result = TypeVar("_Result")
# A card's review history as the optimiser reads it: (rating 1-4, local days since the card's
# previous review; 0 for its first review and for reviews on the same day), oldest first.
ReviewHistory = Sequence[tuple[int, int]]
# fsrs-rs's time-series split cuts the items (in time order) into this many parts plus one; each
# of the last parts is predicted by parameters trained on all the parts before it.
TIME_SERIES_FOLDS = 5
FULL_TRAINING_MINIMUM = 64  # fsrs-rs fits only the first four parameters below this many items
_SIMULATION_TYPICAL = fsrs.default_simulator_config()


class FsrsFailedError(HeatcardsError):
    """The FSRS library failed on the data it was given; the message says what it was doing."""


def _library_call(what: str, call: Callable[[], _Result]) -> _Result:
    """`call()`, with any failure of the library as FsrsFailedError. fsrs-rs reports some bad
    input by panicking, which arrives as pyo3's PanicException: a BaseException, not an Exception."""
    try:
        return call()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        raise FsrsFailedError(f"FSRS could not {what}: {error}") from error


def _library_review(rating: int, delta_t: int) -> fsrs.FSRSReview:
    """One review for the library, checked first (the library hardly checks)."""
    if delta_t < 0:
        raise InvalidInputError("review history is not in time order")
    return fsrs.FSRSReview(int(_valid_rating(rating)), int(delta_t))


def _parameters_as_stored(values: Iterable[float]) -> tuple[float, ...]:
    """The library's float32 parameters to 7 significant digits, all a float32 holds (so a value
    clipped to a bound like 0.8 is 0.8 again, not 0.800000011920929, and passes `validate_parameters`)."""
    return tuple(float(f"{value:.7g}") for value in values)


@dataclass(frozen=True)
class ModelMetrics:
    """How well predicted recall matches what happened over scored reviews (those a day or more
    after the card's previous review), as fsrs-rs's time-series split measures it. Lower is better.

    `log_loss`: the mean over the reviews of −ln(p), p the predicted probability of what happened
    (recall for Hard, Good and Easy, forgetting for Again).
    `rmse_bins`: the reviews grouped by days since the previous review, number of reviews a day or
    more apart and lapses (each on a logarithmic scale, fsrs-rs's bins); per bin, the gap between the
    mean predicted recall and the share recalled; the root of the mean squared gap, bins weighted by
    their number of reviews."""

    log_loss: float
    rmse_bins: float


def _recall_bin(history: ReviewHistory) -> tuple[int, int, int]:
    """fsrs-rs's RMSE bin of an item: its last review's days since the previous one, its number of
    reviews a day or more apart (plus one) and its earlier lapses, each rounded down on a log scale."""
    days = history[-1][1]
    days_bin = round(2.48 * 3.62 ** math.floor(math.log(days, 3.62)) * 100)
    length = sum(1 for _, delta_t in history if delta_t > 0) + 1
    length_bin = round(1.99 * 1.89 ** math.floor(math.log(length, 1.89)))
    lapses = sum(1 for rating, delta_t in history[:-1] if rating == Rating.AGAIN and delta_t > 0)
    lapses_bin = round(1.65 * 1.73 ** math.floor(math.log(lapses, 1.73))) if lapses else 0
    return days_bin, length_bin, lapses_bin


def _model_metrics(predictions: Iterable[tuple[float, ReviewHistory]]) -> ModelMetrics:
    """`ModelMetrics` of (predicted recall of the last review, the item's history) pairs."""
    losses = []
    bins: dict[tuple[int, int, int], list[float]] = {}  # bin -> [predicted, recalled, reviews]
    for predicted, history in predictions:
        recalled = history[-1][0] > Rating.AGAIN
        predicted = min(max(predicted, 1e-7), 1 - 1e-7)  # a certain prediction that fails costs much, not infinitely
        losses.append(-math.log(predicted if recalled else 1 - predicted))
        totals = bins.setdefault(_recall_bin(history), [0.0, 0.0, 0.0])
        totals[0] += predicted
        totals[1] += recalled
        totals[2] += 1
    squared_gaps = sum((predicted - recalled) ** 2 / count for predicted, recalled, count in bins.values())
    return ModelMetrics(sum(losses) / len(losses), math.sqrt(squared_gaps / len(losses)))


class FsrsOptimizer:
    """fsrs-rs's optimiser and its evaluation for one set of items, each a card's history up to
    and including one scored review. The library's items are built (and checked) once."""

    def __init__(self, cards: Sequence[ReviewHistory], items: Sequence[tuple[int, int]], *, relearning_step_count: int = 1):
        """`cards`: every card's history; `items`: (index in `cards`, number of its reviews) for
        each item, in the time order of the item's last review (the split depends on it)."""
        self._cards = cards
        self._item_ends = items
        self._reviews = [[_library_review(rating, delta_t) for rating, delta_t in history] for history in cards]
        self._items = [fsrs.FSRSItem(self._reviews[card][:length]) for card, length in items]
        self._relearning_step_count = relearning_step_count

    def __len__(self) -> int:
        return len(self._items)

    def compute_parameters(self) -> tuple[float, ...]:
        """Parameters fitted to every item (fsrs-rs keeps its defaults below 8 items and fits only the
        first four below `FULL_TRAINING_MINIMUM`)."""
        model = fsrs.FSRS(list(DEFAULT_PARAMETERS))
        fitted = _library_call(
            "optimise the parameters",
            lambda: model.compute_parameters(self._items, num_relearning_steps=self._relearning_step_count),
        )
        return _parameters_as_stored(fitted)

    def evaluate_optimizer_by_time_series_split(self) -> ModelMetrics:
        """The optimiser's predictions of reviews it did not learn from: for each of the last
        `TIME_SERIES_FOLDS` parts of the items, parameters fitted to the parts before it predict it."""
        evaluation = _library_call(
            "evaluate the optimiser",
            lambda: fsrs.evaluate_with_time_series_splits(self._items, num_relearning_steps=self._relearning_step_count),
        )
        return ModelMetrics(evaluation.log_loss, evaluation.rmse_bins)

    def evaluate_parameters_by_time_series_split(self, parameters: Sequence[float]) -> ModelMetrics:
        """Fixed `parameters`' predictions of the reviews the time-series split scores (every part but
        the first), measured as the split measures them, so the two compare. (The library's own
        `FSRS.evaluate` weighs recent reviews more; the split does not.)"""
        first_scored = len(self._items) // (TIME_SERIES_FOLDS + 1)
        if first_scored == 0:
            raise InvalidInputError(f"a time-series split needs at least {TIME_SERIES_FOLDS + 1} items")
        scored = self._item_ends[first_scored:]
        model = fsrs.FSRS(list(parameters))
        before_each = [fsrs.FSRSItem(self._reviews[card][: length - 1]) for card, length in scored]
        states = _library_call("evaluate the parameters", lambda: model.memory_state_batch(before_each))
        decay = decay_of(parameters)
        return _model_metrics(
            (retrievability(state.stability, self._cards[card][length - 1][1], decay), self._cards[card][:length])
            for state, (card, length) in zip(states, scored)
        )


@dataclass(frozen=True)
class StudyHabits:
    """How a person answers, as the workload simulator uses it."""

    first_rating_mix: tuple[float, float, float, float]  # a new card's first rating: Again, Hard, Good, Easy
    review_rating_mix: tuple[float, float, float]  # Hard, Good, Easy among passed reviews
    # seconds per answer, by the card's state (learning, review, relearning), then by rating
    answer_seconds: tuple[tuple[float, float, float, float], ...]


TYPICAL_STUDY_HABITS = StudyHabits(
    first_rating_mix=tuple(_SIMULATION_TYPICAL.first_rating_prob),
    review_rating_mix=tuple(_SIMULATION_TYPICAL.review_rating_prob),
    answer_seconds=tuple(tuple(row) for row in _SIMULATION_TYPICAL.state_rating_costs),
)


@dataclass(frozen=True)
class WorkloadPlan:
    """What the workload simulator simulates: `card_count` cards learned from new at `new_per_day` a
    day, reviewed (at most `reviews_per_day` a day) for `days` days, by someone with `habits`."""

    card_count: int
    days: int
    new_per_day: int
    reviews_per_day: int
    maximum_interval: int
    learning_step_count: int
    relearning_step_count: int
    habits: StudyHabits


@dataclass(frozen=True)
class WorkloadPoint:
    """The simulated workload at one desired retention: means over the simulated days, and the
    number of cards remembered (their summed probability of recall) on the last day."""

    retention: float
    reviews_per_day: float  # reviews of cards already learned (not first answers of new cards)
    minutes_per_day: float  # all answers, new cards included
    cards_remembered: float


def simulated_workload(parameters: Sequence[float], desired_retention: float, plan: WorkloadPlan, seed: int) -> WorkloadPoint:
    """fsrs-rs's workload simulation of `plan` at `desired_retention` (the same seed gives the same days)."""
    if plan.card_count < 1 or plan.days < 1:
        raise InvalidInputError("a workload simulation needs at least one card and one day")
    config = fsrs.default_simulator_config()
    config.deck_size = plan.card_count
    config.learn_span = plan.days
    config.max_cost_perday = math.inf
    config.max_ivl = float(plan.maximum_interval)
    config.learn_limit = plan.new_per_day
    config.review_limit = plan.reviews_per_day
    config.learning_step_count = plan.learning_step_count
    config.relearning_step_count = plan.relearning_step_count
    config.first_rating_prob = list(plan.habits.first_rating_mix)
    config.review_rating_prob = list(plan.habits.review_rating_mix)
    config.state_rating_costs = [list(row) for row in plan.habits.answer_seconds]
    result = _library_call(
        "simulate the workload", lambda: fsrs.simulate(list(parameters), desired_retention, config, seed)
    )
    days = len(result.review_cnt_per_day)
    return WorkloadPoint(
        retention=desired_retention,
        reviews_per_day=sum(result.review_cnt_per_day) / days,
        minutes_per_day=sum(result.cost_per_day) / days / 60,
        cards_remembered=result.memorized_cnt_per_day[-1],
    )
