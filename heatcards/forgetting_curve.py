"""A card's forgetting curve: its retrievability over time, from its review history.

After each review FSRS gives the card a stability S; until the next review the chance of
recall falls along R(t) = (1 + F·t/S)^(−decay) (see `scheduling.retrievability`) and jumps
back to 1 when the card is reviewed. The memory state after each review is the one the
review log recorded, so the curve is the one the scheduler used.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .clock import SECONDS_PER_DAY
from .model import ReviewLogEntry
from .scheduling import retrievability

# The plot goes on past the due date (or now, if later) by this share of the span shown.
MARGIN_SHARE = 0.25


@dataclass(frozen=True)
class CurveSegment:
    """Retrievability from one review until the next (or the end of the plot)."""

    start: int  # unix seconds: the review
    end: int
    stability: float  # days
    times: tuple[int, ...]  # unix seconds, start..end
    values: tuple[float, ...]  # retrievability at each time


@dataclass(frozen=True)
class CurveReview:
    """A review on the curve: when, how it was rated, and how likely recall was just before."""

    time: int  # unix seconds
    rating: int
    retrievability_before: float | None  # None for the first review (or the first after a reset)
    stability_after: float


@dataclass(frozen=True)
class ForgettingCurve:
    segments: tuple[CurveSegment, ...]
    reviews: tuple[CurveReview, ...]
    desired_retention: float
    decay: float
    now: int
    due: int | None  # unix seconds; None for a card without a memory state
    start: int
    end: int

    def retrievability_at(self, when: int) -> float | None:
        """R at `when` on this curve, or None where the card has no memory state."""
        for segment in reversed(self.segments):
            if segment.start <= when <= segment.end:
                return retrievability(segment.stability, (when - segment.start) / SECONDS_PER_DAY, self.decay)
        return None


def forgetting_curve(
    history: Sequence[ReviewLogEntry],
    *,
    decay: float,
    desired_retention: float,
    now: int,
    due: int | None,
    points: int = 200,
) -> ForgettingCurve:
    """Sample the curve of a card's history (oldest first) with about `points` points in all.

    A reset to new ("forget") ends the curve until the card is studied again; a manual or bulk
    reschedule keeps the memory state, so the curve goes on."""
    if points < 2:
        raise ValueError("a curve needs at least two points")
    memory: list[tuple[int, float]] = []  # (time, stability): each moment the memory state changed
    reviews: list[CurveReview] = []
    for entry in history:
        when = entry.time // 1000
        if not entry.is_answer:
            if entry.is_reset:
                memory.append((when, 0.0))
            continue
        if entry.stability is None:
            continue
        before = _value_at(memory, when, decay)
        reviews.append(CurveReview(when, entry.rating, before, entry.stability))
        memory.append((when, entry.stability))
    if not reviews:
        return ForgettingCurve((), (), desired_retention, decay, now, due, now, now)
    start = reviews[0].time
    last = max(now, due or now, memory[-1][0])
    end = last + max(SECONDS_PER_DAY, int((last - start) * MARGIN_SHARE))
    step = (end - start) / (points - 1)
    segments = []
    for index, (begin, stability) in enumerate(memory):
        if stability <= 0:
            continue
        finish = memory[index + 1][0] if index + 1 < len(memory) else end
        inner = [int(start + k * step) for k in range(points) if begin < start + k * step < finish]
        times = (begin, *inner, finish)
        values = tuple(retrievability(stability, (t - begin) / SECONDS_PER_DAY, decay) for t in times)
        segments.append(CurveSegment(begin, finish, stability, times, values))
    return ForgettingCurve(tuple(segments), tuple(reviews), desired_retention, decay, now, due, start, end)


def _value_at(memory: Sequence[tuple[int, float]], when: int, decay: float) -> float | None:
    if not memory or memory[-1][1] <= 0:
        return None
    since, stability = memory[-1]
    return retrievability(stability, (when - since) / SECONDS_PER_DAY, decay)
