"""Which card to study next in a deck (with its subdecks), and how many remain today.

Order, as in Anki: (re)learning cards due now first, then reviews due today,
then new cards up to the daily limit, spread evenly among the reviews. When
nothing else is left, learning cards due within the next 20 minutes are shown
early (Anki's "learn ahead" limit), but not those waiting for another day.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .clock import DayCalendar
from .model import Card, CardState, Preset, QueueCounts
from .storage import Store

LEARN_AHEAD_SECONDS = 20 * 60


@dataclass(frozen=True)
class DailyLimits:
    new: int
    review: int


def remaining_limits(
    store: Store, deck_ids: Sequence[int], preset: Preset, calendar: DayCalendar, now: int, extra_new: int = 0
) -> DailyLimits:
    """The preset's daily limits (new cards raised by `extra_new` today) minus what was already
    studied today in these decks."""
    day_start_ms = calendar.day_start(calendar.day(now)) * 1000
    new_done, reviews_done = store.studied_since(deck_ids, day_start_ms)
    return DailyLimits(
        new=max(0, preset.new_per_day + extra_new - new_done),
        review=max(0, preset.reviews_per_day - reviews_done),
    )


def queue_counts(
    store: Store, deck_ids: Sequence[int], preset: Preset, calendar: DayCalendar, now: int, extra_new: int = 0
) -> QueueCounts:
    limits = remaining_limits(store, deck_ids, preset, calendar, now, extra_new)
    new, learning, review = store.due_counts(deck_ids, now, calendar.next_day_start(now), limits.new, limits.review)
    return QueueCounts(new=new, learning=learning, review=review)


def limit_counts(new: int, learning: int, review: int, limits: DailyLimits) -> QueueCounts:
    return QueueCounts(new=min(new, limits.new), learning=learning, review=min(review, limits.review))


def learning_due_from(store: Store, deck_ids: Sequence[int]) -> float:
    """A time before which no (re)learning card of these decks is shown: the earliest moment one
    that is not suspended is both due and unburied, or infinity when there is none. It stays true
    until a card is written, except that an answer that puts a card in (re)learning may bring it
    forward (`learning_due_after_answer`)."""
    earliest = store.earliest_learning_shown(deck_ids)
    return math.inf if earliest is None else earliest


def learning_due_after_answer(learning_from: float, after: Card) -> float:
    """`learning_due_from` of the answered card's decks once the card became `after` (a card that
    leaves (re)learning leaves it true, if no longer the earliest)."""
    if after.state in (CardState.LEARNING, CardState.RELEARNING):
        return min(learning_from, max(after.due, after.buried_until))
    return learning_from


def next_card(
    store: Store,
    deck_ids: Sequence[int],
    counts: QueueCounts,
    calendar: DayCalendar,
    now: int,
    learning_from: float = -math.inf,
) -> Card | None:
    """The card to show now, given today's remaining `counts` (None when the deck is done for the
    moment). `learning_from` (`learning_due_from`, if known) leaves out the looks for learning cards
    while none can be shown: in the study loop such a look cost about as much as the rest of the
    next card (bench/README.md, sixth round)."""
    day_end = calendar.next_day_start(now)
    reviews = [("review", day_end)] if counts.review else []
    new = [("new", None)] if counts.new else []
    first, second = (new, reviews) if reviews and new and _new_turn(counts) else (reviews, new)
    learn_ahead_until = min(now + LEARN_AHEAD_SECONDS, day_end)
    due_now = [("learning", now + 1)] if learning_from <= now else []
    due_soon = [("learning", learn_ahead_until)] if learning_from < learn_ahead_until else []
    # A learning card due now, else the kind whose turn it is, else the other, else a learning card
    # due within the learn-ahead limit: asked for in two statements of up to two parts each, the
    # second only when the first finds none (each part a statement holds costs microseconds, read or not).
    for parts in ([*due_now, *first], [*second, *due_soon]):
        card = store.first_queued_card(deck_ids, now, parts) if parts else None
        if card is not None:
            return card
    return None


def counts_after_answer(counts: QueueCounts, before: Card, after: Card, day_end: int) -> QueueCounts:
    """Today's counts once `before` was answered and became `after`, without asking the database."""
    new, learning, review = counts.new, counts.learning, counts.review
    if before.state is CardState.NEW:
        new -= 1
    elif before.state is CardState.REVIEW:
        if before.due < day_end:  # a review from "study more" ahead of time was not in today's count
            review -= 1
    elif before.due < day_end:
        learning -= 1
    if after.state in (CardState.LEARNING, CardState.RELEARNING) and after.due < day_end:
        learning += 1
    return QueueCounts(new=max(0, new), learning=max(0, learning), review=max(0, review))


def _new_turn(counts: QueueCounts) -> bool:
    """Spread new cards among the reviews: a new card whenever the reviews left
    are a multiple of (reviews per new card + 1)."""
    gap = math.ceil(counts.review / counts.new) + 1
    return counts.review % gap == 0
