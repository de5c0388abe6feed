"""Statistics: every number of the statistics screen, for a scope of cards and a period.

Pure Python over the rows `storage.stats_sql` aggregates; no Qt. `collect(collection, scope, period)`
builds every panel Anki's statistics screen has; `calibration(collection, scope, period)` adds how
well the memory states predicted recall (it walks each card's history, so it is computed apart).

Definitions are Anki's (young < 21 days <= mature, answers are ratings 1-4, days are local days
starting at the "next day starts at" hour); docs/statistics.md says where heatcards differs and why.
Every panel can say which search selects the cards behind one of its bars or cells, already
narrowed to the scope, so a click can open the browser on them (`Scope.search_for`).
"""
from __future__ import annotations

import csv
import enum
import hashlib
import io
import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import partial
from typing import TYPE_CHECKING, ClassVar, NamedTuple, Protocol, TypeVar

import numpy as np

from .clock import SECONDS_PER_DAY, DayCalendar
from .scheduling import Scheduler, retrievability
from .search import SearchContext, parse_search
from .storage.answer_hours import KeptAnswerHours, answer_hours_path
from .storage.calibration_cache import (
    WHOLE_HISTORY,
    CalibrationCache,
    DerivedCards,
    EntryFingerprints,
    HeldCards,
    UnansweredCards,
    cache_path,
    cards_entered_after,
    entry_fingerprints,
    time_order,
)
from .storage.kept_file import LogMark, log_mark, log_stands, one_snapshot
from .storage.search_sql import compile_search
from .storage.stats_sql import (
    ANSWER_KINDS,
    MATURE_DAYS,
    AnswerChains,
    AnswerGroups,
    Answers,
    CardPanels,
    CardStates,
    HourlyAnswers,
    HourOfDay,
    LocalTimeline,
    MemoryHistograms,
    StatsReader,
)

if TYPE_CHECKING:
    from .collection import Collection

SHARE_BINS = 20  # difficulty, retrievability and calibration histograms: steps of 5%
# UTC offsets are sampled this far apart (every change of a real time zone is weeks from the next).
_OFFSET_SAMPLE_SECONDS = 7 * SECONDS_PER_DAY
# datetime cannot go past year 9999; due dates further out share the last offset found.
_LAST_SAMPLED_SECOND = int(datetime(9000, 1, 1, tzinfo=timezone.utc).timestamp())
_Read = TypeVar("_Read")


class Period(enum.Enum):
    """How far back the review panels look (and how far ahead future due does)."""

    MONTH = "month"
    YEAR = "year"
    ALL = "all"

    @property
    def days(self) -> int | None:
        """Days in the period, today included; None for all time."""
        return {Period.MONTH: 30, Period.YEAR: 365, Period.ALL: None}[self]


@dataclass(frozen=True)
class Scope:
    """The cards the statistics describe: every card (empty search), a deck with its subdecks, or a search."""

    search: str = ""
    name: str = "Whole collection"

    @classmethod
    def deck(cls, name: str) -> "Scope":
        return cls(f'deck:"{quote_search_value(name)}"', f"Deck {name}")

    @classmethod
    def matching(cls, query: str) -> "Scope":
        return cls(query.strip(), f"Search: {query.strip()}") if query.strip() else cls()

    def search_for(self, condition: str) -> str:
        """The search for this scope's cards that also meet `condition` (a search itself)."""
        if not self.search:
            return condition
        return f"({self.search}) {condition}" if condition else self.search


def quote_search_value(text: str) -> str:
    """`text` made literal inside a quoted search value ("...": no wildcards, quotes escaped)."""
    return "".join("\\" + char if char in '\\"*_' else char for char in text)


# --- what every panel offers --------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """One headline number of a panel (what Anki writes under a graph)."""

    label: str
    value: int | float | None  # None: nothing to measure (no cards, no answers)
    unit: str = ""  # "", "%", "s", "days", "cards/day"
    search: str | None = None  # the cards behind it, when a search can select them


@dataclass(frozen=True)
class Table:
    """A panel's numbers bar by bar (or row by row), for drawing and for CSV."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | int | float | None, ...], ...]


class Panel(Protocol):
    """A panel's numbers. A panel with something its reader must know beside them (how they were
    made) also has `note`, a sentence or None."""

    title: ClassVar[str]

    def summary(self) -> tuple[Measure, ...]: ...

    def table(self) -> Table: ...


def share(part: float, whole: float) -> float | None:
    """`part` as a percentage of `whole`; None when `whole` is zero."""
    return 100 * part / whole if whole else None


def panel_csv(panel: Panel) -> str:
    """The panel's table as CSV text (a header row, then one row per bar or cell)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    table = panel.table()
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return out.getvalue()


def _measures_table(measures: Iterable[Measure]) -> Table:
    return Table(("measure", "value", "unit", "search"), tuple((m.label, m.value, m.unit, m.search) for m in measures))


def _day_label(today: date, offset: int) -> str:
    return (today + timedelta(days=offset)).isoformat()


def _daily_table(today: date, counts: Mapping[int, int], counted: str, search_for_day: Callable[[int], str]) -> Table:
    """One row per day (days counted from today): its date, the count and the search for its cards."""
    rows = tuple((_day_label(today, day), day, n, search_for_day(day)) for day, n in sorted(counts.items()))
    return Table(("date", "days from today", counted, "search"), rows)


def _rated_on_day(day: int) -> str:
    """Anki's search for cards answered on one day (0 today, -1 yesterday)."""
    return f"prop:rated={day}"


# --- today ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Today:
    """Today's answers (ratings 1-4; manual entries are not answers)."""

    title: ClassVar[str] = "Today"
    scope: Scope
    answers: int
    duration_ms: int
    again: int
    learn: int
    review: int
    relearn: int
    filtered: int
    mature_answers: int  # answers to cards whose interval was 21 days or more
    mature_again: int

    def summary(self) -> tuple[Measure, ...]:
        seconds = self.duration_ms / 1000
        mature_correct = self.mature_answers - self.mature_again
        return (
            Measure("Cards studied", self.answers, "cards", self.scope.search_for("rated:1")),
            Measure("Time", seconds, "s"),
            Measure("Time per card", seconds / self.answers if self.answers else None, "s"),
            Measure("Again", self.again, "cards", self.scope.search_for("rated:1:1")),
            Measure("Again share", share(self.again, self.answers), "%"),
            Measure("Learn", self.learn, "cards"),
            Measure("Review", self.review, "cards"),
            Measure("Relearn", self.relearn, "cards"),
            Measure("Filtered", self.filtered, "cards"),
            Measure("Mature correct", mature_correct, "cards"),
            Measure("Mature answered", self.mature_answers, "cards"),
            Measure("Mature correct share", share(mature_correct, self.mature_answers), "%"),
        )

    def table(self) -> Table:
        return _measures_table(self.summary())


# --- future due ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FutureDue:
    """Cards in the queues (not new, not suspended) by the day they are due, with the overdue backlog."""

    title: ClassVar[str] = "Future due"
    scope: Scope
    today: date
    cards_by_day: Mapping[int, int]  # days from today -> cards; negative days are the backlog
    last_day: int  # the period ends this many days after today
    daily_load: float  # sum of 1 / max(interval, 1): reviews a day the cards cost in the long run

    @property
    def backlog(self) -> int:
        return sum(n for day, n in self.cards_by_day.items() if day < 0)

    @property
    def total(self) -> int:
        """Cards due by the end of the period, the backlog included."""
        return sum(n for day, n in self.cards_by_day.items() if day <= self.last_day)

    @property
    def average_per_day(self) -> float:
        return self.total / (self.last_day + 1)

    @property
    def due_tomorrow(self) -> int:
        return self.cards_by_day.get(1, 0)

    def search_for_days(self, first: int, last: int) -> str:
        """The cards due from `first` to `last` days from today (both included)."""
        if first == last:
            return self.scope.search_for(f"prop:due={first}")
        return self.scope.search_for(f"prop:due>={first} prop:due<={last}")

    def summary(self) -> tuple[Measure, ...]:
        backlog = self.scope.search_for("prop:due<0")
        return (
            Measure("Total", self.total, "cards", self.search_for_days(min((0, *self.cards_by_day)), self.last_day)),
            Measure("Backlog", self.backlog, "cards", backlog),
            Measure("Average", self.average_per_day, "cards/day"),
            Measure("Due tomorrow", self.due_tomorrow, "cards", self.search_for_days(1, 1)),
            Measure("Daily load", self.daily_load, "cards/day"),
        )

    def table(self) -> Table:
        rows, running = [], 0
        for day in sorted(d for d in self.cards_by_day if d <= self.last_day):
            running += self.cards_by_day[day]
            rows.append((_day_label(self.today, day), day, self.cards_by_day[day], running, self.search_for_days(day, day)))
        return Table(("date", "days from today", "cards", "running total", "search"), tuple(rows))


# --- calendar ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Calendar:
    """Answers per day over the period (Anki's heatmap), with the study streak."""

    title: ClassVar[str] = "Calendar"
    scope: Scope
    today: date
    answers_by_day: Mapping[int, int]  # days from today (0 today, -1 yesterday) -> answers
    first_day: int  # the period's first day, counted from today
    current_streak: int  # days in a row with answers up to today (or yesterday, before today's first)

    @property
    def days_studied(self) -> int:
        return sum(1 for n in self.answers_by_day.values() if n)

    @property
    def longest_streak(self) -> int:
        """The most days in a row with answers within the period."""
        longest = run = 0
        for day in range(self.first_day, 1):
            run = run + 1 if self.answers_by_day.get(day) else 0
            longest = max(longest, run)
        return longest

    def search_for_day(self, day: int) -> str:
        return self.scope.search_for(_rated_on_day(day))

    def summary(self) -> tuple[Measure, ...]:
        period_days = 1 - self.first_day
        return (
            Measure("Days studied", self.days_studied, "days"),
            Measure("Days studied share", share(self.days_studied, period_days), "%"),
            Measure("Current streak", self.current_streak, "days"),
            Measure("Longest streak", self.longest_streak, "days"),
        )

    def table(self) -> Table:
        return _daily_table(self.today, self.answers_by_day, "answers", self.search_for_day)


# --- reviews per day ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KindCounts:
    """Answers (or their milliseconds) by kind: Anki's stacked bars."""

    learn: int = 0
    relearn: int = 0
    young: int = 0  # review answers of cards whose interval was under 21 days
    mature: int = 0
    filtered: int = 0  # answers in a filtered deck (imported from Anki)

    @property
    def total(self) -> int:
        return self.learn + self.relearn + self.young + self.mature + self.filtered

    def values(self) -> tuple[int, int, int, int, int]:
        return (self.learn, self.relearn, self.young, self.mature, self.filtered)


KIND_NAMES = ("learn", "relearn", "young", "mature", "filtered")


@dataclass(frozen=True)
class ReviewsPerDay:
    """Answers per day of the period, stacked by kind, by count and by time."""

    title: ClassVar[str] = "Reviews"
    scope: Scope
    today: date
    first_day: int  # the period's first day, counted from today
    counts: Mapping[int, KindCounts]  # days from today -> answers
    durations_ms: Mapping[int, KindCounts]

    @property
    def period_days(self) -> int:
        return 1 - self.first_day

    @property
    def answers(self) -> int:
        return sum(c.total for c in self.counts.values())

    @property
    def duration_ms(self) -> int:
        return sum(c.total for c in self.durations_ms.values())

    @property
    def days_studied(self) -> int:
        return sum(1 for c in self.counts.values() if c.total)

    def search_for_day(self, day: int) -> str:
        return self.scope.search_for(_rated_on_day(day))

    def summary(self) -> tuple[Measure, ...]:
        minutes = self.duration_ms / 60000
        return (
            Measure("Days studied", self.days_studied, "days"),
            Measure("Days studied share", share(self.days_studied, self.period_days), "%"),
            Measure("Total", self.answers, "answers"),
            Measure("Total time", minutes, "min"),
            Measure("Average over the period", self.answers / self.period_days, "answers/day"),
            Measure("Average for days studied", self.answers / self.days_studied if self.days_studied else None, "answers/day"),
            Measure("Average time over the period", minutes / self.period_days, "min/day"),
            Measure("Average answer time", self.duration_ms / 1000 / self.answers if self.answers else None, "s"),
        )

    def table(self) -> Table:
        columns = ("date", "days from today", *KIND_NAMES, "total", *(f"{k} seconds" for k in KIND_NAMES), "total seconds", "search")
        rows = []
        for day in sorted(self.counts):
            counts, durations = self.counts[day], self.durations_ms[day]
            rows.append(
                (
                    _day_label(self.today, day),
                    day,
                    *counts.values(),
                    counts.total,
                    *(ms / 1000 for ms in durations.values()),
                    durations.total / 1000,
                    self.search_for_day(day),
                )
            )
        return Table(columns, tuple(rows))


# --- card counts ------------------------------------------------------------------------------------------


# The state names Anki's card counts use, and heatcards' searches for the active cards in each.
_ACTIVE = "-is:suspended -is:buried"
CARD_COUNT_SEARCHES = {
    "New": f"is:new {_ACTIVE}",
    "Learning": f"is:learn -is:review {_ACTIVE}",
    "Relearning": f"is:learn is:review {_ACTIVE}",
    "Young": f"is:review -is:learn prop:ivl<{MATURE_DAYS} {_ACTIVE}",
    "Mature": f"is:review -is:learn prop:ivl>={MATURE_DAYS} {_ACTIVE}",
    "Suspended": "is:suspended",
    "Buried": "is:buried -is:suspended",
}


@dataclass(frozen=True)
class CardCounts:
    """Cards by state; suspended and buried cards are counted on their own, not in their state."""

    title: ClassVar[str] = "Card counts"
    scope: Scope
    new: int
    learning: int
    relearning: int
    young: int
    mature: int
    suspended: int
    buried: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.relearning + self.young + self.mature + self.suspended + self.buried

    def by_name(self) -> dict[str, int]:
        return {
            "New": self.new,
            "Learning": self.learning,
            "Relearning": self.relearning,
            "Young": self.young,
            "Mature": self.mature,
            "Suspended": self.suspended,
            "Buried": self.buried,
        }

    def search_for(self, name: str) -> str:
        return self.scope.search_for(CARD_COUNT_SEARCHES[name])

    def summary(self) -> tuple[Measure, ...]:
        return (Measure("Total", self.total, "cards", self.scope.search_for("")),)

    def table(self) -> Table:
        rows = tuple((name, n, share(n, self.total), self.search_for(name)) for name, n in self.by_name().items())
        return Table(("cards", "count", "share %", "search"), rows)


# --- intervals and stability ------------------------------------------------------------------------------


def _median(counts: Mapping[int, int]) -> float | None:
    """The median of a multiset given as value -> how many times (the mean of the two middle values when even)."""
    size = sum(counts.values())
    if not size:
        return None
    wanted = (size - 1) // 2, size // 2
    found, seen = [], 0
    for value in sorted(counts):
        seen += counts[value]
        while len(found) < 2 and seen > wanted[len(found)]:
            found.append(value)
    return (found[0] + found[1]) / 2


@dataclass(frozen=True)
class Intervals:
    """Review and relearning cards by their interval in days."""

    title: ClassVar[str] = "Review intervals"
    scope: Scope
    cards_by_interval: Mapping[int, int]

    @property
    def cards(self) -> int:
        return sum(self.cards_by_interval.values())

    @property
    def median(self) -> float | None:
        return _median(self.cards_by_interval)

    def search_for_days(self, first: int, last: int) -> str:
        """Review and relearning cards with an interval from `first` to `last` days."""
        if first == last:
            return self.scope.search_for(f"is:review prop:ivl={first}")
        return self.scope.search_for(f"is:review prop:ivl>={first} prop:ivl<={last}")

    def summary(self) -> tuple[Measure, ...]:
        total = sum(days * n for days, n in self.cards_by_interval.items())
        return (
            Measure("Cards", self.cards, "cards", self.scope.search_for("is:review")),
            Measure("Average interval", total / self.cards if self.cards else None, "days"),
            Measure("Median interval", self.median, "days"),
            Measure("Longest interval", max(self.cards_by_interval, default=None), "days"),
        )

    def table(self) -> Table:
        rows = tuple((days, n, self.search_for_days(days, days)) for days, n in sorted(self.cards_by_interval.items()))
        return Table(("interval (days)", "cards", "search"), rows)


@dataclass(frozen=True)
class Stability:
    """Cards with a memory state by their stability, in whole days (7 holds 7.0 to 7.99...)."""

    title: ClassVar[str] = "Stability"
    scope: Scope
    cards_by_day: Mapping[int, int]
    average: float | None  # days

    def search_for_days(self, first: int, last: int) -> str:
        """Cards whose stability is from `first` days up to (not including) `last` + 1 days."""
        return self.scope.search_for(f"prop:s>={first} prop:s<{last + 1}")

    def summary(self) -> tuple[Measure, ...]:
        return (
            Measure("Cards", sum(self.cards_by_day.values()), "cards", self.scope.search_for("prop:s>=0")),
            Measure("Average stability", self.average, "days"),
            Measure("Median stability (whole days)", _median(self.cards_by_day), "days"),
        )

    def table(self) -> Table:
        rows = tuple((days, n, self.search_for_days(days, days)) for days, n in sorted(self.cards_by_day.items()))
        return Table(("stability (whole days)", "cards", "search"), rows)


# --- difficulty and retrievability: shares in steps of 5% ----------------------------------------------------


def share_thresholds(bins: int = SHARE_BINS) -> tuple[str, ...]:
    """The inner edges of `bins` equal steps from 0 to 1, as the decimals searches write them."""
    return tuple(f"{k / bins:g}" for k in range(1, bins))


@dataclass(frozen=True)
class ShareHistogram:
    """Cards by a value from 0 to 1 in steps of 5%: bin k holds values from k/20 up to (k+1)/20."""

    title: ClassVar[str] = ""
    prop: ClassVar[str] = ""  # the search property: prop:d, prop:r
    scope: Scope
    cards_by_bin: tuple[int, ...]  # SHARE_BINS counts
    value_sum: float

    @property
    def cards(self) -> int:
        return sum(self.cards_by_bin)

    @property
    def average(self) -> float | None:
        return self.value_sum / self.cards if self.cards else None

    def search_for_bin(self, index: int) -> str:
        edges = share_thresholds(len(self.cards_by_bin))
        conditions = []
        if index > 0:
            conditions.append(f"prop:{self.prop}>={edges[index - 1]}")
        if index < len(edges):
            conditions.append(f"prop:{self.prop}<{edges[index]}")
        return self.scope.search_for(" ".join(conditions) or f"prop:{self.prop}>=0")

    def table(self) -> Table:
        size = len(self.cards_by_bin)
        rows = tuple(
            (100 * k / size, 100 * (k + 1) / size, n, self.search_for_bin(k)) for k, n in enumerate(self.cards_by_bin)
        )
        return Table(("from %", "below %", "cards", "search"), rows)


@dataclass(frozen=True)
class Difficulty(ShareHistogram):
    """Cards with a memory state by difficulty, 0% (D = 1) to 100% (D = 10), as `prop:d` reads it."""

    title: ClassVar[str] = "Difficulty"
    prop: ClassVar[str] = "d"

    def summary(self) -> tuple[Measure, ...]:
        average = None if self.average is None else 100 * self.average
        return (Measure("Cards", self.cards, "cards"), Measure("Average difficulty", average, "%"))


@dataclass(frozen=True)
class Retrievability(ShareHistogram):
    """Cards with a memory state by the probability of recalling them now; the sum estimates how
    many of them you know."""

    title: ClassVar[str] = "Retrievability"
    prop: ClassVar[str] = "r"

    def summary(self) -> tuple[Measure, ...]:
        average = None if self.average is None else 100 * self.average
        return (
            Measure("Cards", self.cards, "cards"),
            Measure("Average retrievability", average, "%"),
            Measure("Estimated total knowledge", self.value_sum, "cards"),
        )


# --- hours and buttons -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hours:
    """Answers over the period by local hour of the day (filtered-deck answers left out, as in Anki)."""

    title: ClassVar[str] = "Hourly breakdown"
    scope: Scope
    answers: tuple[int, ...]  # 24 counts, midnight first
    correct: tuple[int, ...]  # of those, rated Hard, Good or Easy

    def summary(self) -> tuple[Measure, ...]:
        return (
            Measure("Answers", sum(self.answers), "answers"),
            Measure("Correct share", share(sum(self.correct), sum(self.answers)), "%"),
        )

    def table(self) -> Table:
        rows = tuple((h, self.answers[h], self.correct[h], share(self.correct[h], self.answers[h])) for h in range(24))
        return Table(("hour", "answers", "correct", "correct %"), rows)


RATING_NAMES = ("again", "hard", "good", "easy")
BUTTON_GROUPS = ("learning", "young", "mature")


@dataclass(frozen=True)
class Buttons:
    """Answers over the period by button, for learning cards (learning, relearning and filtered-deck
    answers), young and mature review cards."""

    title: ClassVar[str] = "Answer buttons"
    scope: Scope
    period_days: int
    counts: Mapping[str, tuple[int, int, int, int]]  # group -> answers per rating, Again first

    def search_for_rating(self, rating: int) -> str:
        """Cards rated `rating` during the period (searches cannot tell the groups apart)."""
        return self.scope.search_for(f"rated:{self.period_days}:{rating}")

    def correct_share(self, group: str) -> float | None:
        counts = self.counts[group]
        return share(sum(counts) - counts[0], sum(counts))

    def summary(self) -> tuple[Measure, ...]:
        return tuple(Measure(f"Correct, {group}", self.correct_share(group), "%") for group in BUTTON_GROUPS)

    def table(self) -> Table:
        rows = tuple((g, *self.counts[g], sum(self.counts[g]), self.correct_share(g)) for g in BUTTON_GROUPS)
        return Table(("cards", *RATING_NAMES, "total", "correct %"), rows)


# --- cards added ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Added:
    """Cards by the day their note was added, over the period."""

    title: ClassVar[str] = "Added"
    scope: Scope
    today: date
    first_day: int
    cards_by_day: Mapping[int, int]  # days from today -> cards

    @property
    def cards(self) -> int:
        return sum(self.cards_by_day.values())

    def search_for_day(self, day: int) -> str:
        if day == 0:
            return self.scope.search_for("added:1")
        return self.scope.search_for(f"added:{1 - day} -added:{-day}")

    def summary(self) -> tuple[Measure, ...]:
        return (
            Measure("Total", self.cards, "cards", self.scope.search_for(f"added:{1 - self.first_day}")),
            Measure("Average", self.cards / (1 - self.first_day), "cards/day"),
        )

    def table(self) -> Table:
        return _daily_table(self.today, self.cards_by_day, "cards", self.search_for_day)


# --- true retention -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionRow:
    label: str
    young_passed: int = 0
    young_failed: int = 0
    mature_passed: int = 0
    mature_failed: int = 0

    @property
    def young_retention(self) -> float | None:
        return share(self.young_passed, self.young_passed + self.young_failed)

    @property
    def mature_retention(self) -> float | None:
        return share(self.mature_passed, self.mature_passed + self.mature_failed)

    @property
    def passed(self) -> int:
        return self.young_passed + self.mature_passed

    @property
    def failed(self) -> int:
        return self.young_failed + self.mature_failed

    @property
    def retention(self) -> float | None:
        return share(self.passed, self.passed + self.failed)


# (label, first day counted from today; None: all time) of each row of the table
RETENTION_SPANS = (("Today", 0), ("Yesterday", -1), ("Last week", -6), ("Last month", -29), ("Last year", -364), ("All time", None))


def retention_spans(period: Period) -> tuple[tuple[str, int | None], ...]:
    """The spans of `RETENTION_SPANS` the true retention table shows for `period`: those that fit in it."""
    return tuple((label, first) for label, first in RETENTION_SPANS if period.days is None or (first is not None and -first < period.days))


@dataclass(frozen=True)
class TrueRetention:
    """Pass rates of answers to cards that had an interval of at least a day (Anki's code: every
    review, and learning answers after a step of a day or more), young and mature apart.
    Hard, Good and Easy pass; Again fails. Only the rows whose span fits in the period are shown
    (all six for all time): Anki computes every row from the period's answers, so its longer rows
    would hold the period's numbers."""

    title: ClassVar[str] = "True retention"
    scope: Scope
    rows: tuple[RetentionRow, ...]

    def summary(self) -> tuple[Measure, ...]:
        return tuple(Measure(row.label, row.retention, "%") for row in self.rows)

    def table(self) -> Table:
        columns = (
            "period", "young passed", "young failed", "young %", "mature passed", "mature failed", "mature %",
            "passed", "failed", "total %",
        )
        rows = tuple(
            (
                r.label, r.young_passed, r.young_failed, r.young_retention, r.mature_passed, r.mature_failed,
                r.mature_retention, r.passed, r.failed, r.retention,
            )
            for r in self.rows
        )
        return Table(columns, rows)


# --- all panels ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Statistics:
    scope: Scope
    period: Period
    now: int  # unix seconds the numbers were computed at
    today: Today
    future_due: FutureDue
    calendar: Calendar
    reviews: ReviewsPerDay
    card_counts: CardCounts
    intervals: Intervals
    difficulty: Difficulty
    stability: Stability
    retrievability: Retrievability
    hours: Hours
    buttons: Buttons
    added: Added
    true_retention: TrueRetention

    def panels(self) -> dict[str, Panel]:
        """Every panel by a short name, in the order the statistics screen shows them."""
        names = (
            "today", "future_due", "calendar", "reviews", "card_counts", "intervals", "difficulty", "stability",
            "retrievability", "hours", "buttons", "added", "true_retention",
        )
        return {name: getattr(self, name) for name in names}


def collect(collection: "Collection", scope: Scope = Scope(), period: Period = Period.MONTH, glance: Glance | None = None) -> Statistics:
    """Every panel's numbers for `scope` and `period`, at the collection's current time, or at the
    moment of `glance`, the scope's computed on this collection just before (as the statistics
    window does): its card states, and the cards its search selected, are taken, not found again.

    A search that does not parse raises `SearchSyntaxError`.

    When the scope holds every card, or a search of cards alone selects most of them (a deck), the
    reads are shared among worker threads and this one, on read-only connections of their own
    (`Collection.open_read_only`, under a share of the file; SQLite runs without Python's lock):
    card states and days on one, memory states on another, the answers of the period's older half
    on a third while this one reads the newer half, each setting the scope up again, which costs a
    few milliseconds there. For every card, the answers are the whole log's kept by hour beside the
    collection where they stand (`_whole_log_by_hour`), where local time is UTC plus whole hours.
    Each connection reads the collection as it is when it starts: a change saved meanwhile may show
    in some panels and not yet in others. Any other scope is read on one connection, which has run
    its search (another would have to run it again), its card panels and memory states in one pass
    over its cards, and so is an in-memory collection, which no second connection can open."""
    _check_glance(glance, scope)
    now = collection.now() if glance is None else glance.now
    calendar: DayCalendar = collection.calendar
    today = calendar.day(now)
    today_date = calendar.date_of_day(today)
    first_day = today - period.days + 1 if period.days else None  # all time: the first answer's day
    added_since = calendar.day_start(first_day) if first_day is not None else 0
    states = None if glance is None else glance.card_states
    card_reads = (
        partial(_card_panels, calendar=calendar, today=today, now=now, added_since=added_since, states=states),
        partial(StatsReader.memory_histograms, bins=SHARE_BINS, now=now),
    )
    # a search that does not parse fails in `_reader`, before any thread starts; the threads'
    # connections are closed when the pool is, before the share of the file goes
    with (
        collection.share_for_reading(),
        ThreadPoolExecutor(max_workers=len(card_reads) + 1, thread_name_prefix="heatcards-stats") as pool,
        _reader(collection, scope, now, None if glance is None else glance.scope_cards) as reader,
    ):
        apart = None
        if (reader.every_card or reader.rerun_is_cheap) and not collection.in_memory:
            apart = [pool.submit(_read_apart, collection, scope, now, read) for read in card_reads]
        if first_day is None:  # a period's first day needs no look-up
            # for a few cards, the whole log's first review, which bounds theirs: a read from its day finds
            # the same answers, and all time's first day is that of the answers found
            first_review = reader.first_review()
            first_day = today if first_review is None else min(today, calendar.day(first_review))
        since = calendar.day_start(first_day)
        last_review = reader.last_review()
        review_timeline = _local_timeline(calendar, since, max(now, last_review or now))
        whole_log = None
        if reader.every_card and apart is not None and review_timeline.utc_hours_fit(since, None):
            whole_log = _whole_log_by_hour(collection, reader, pool, now, since, last_review)
        if whole_log is not None:
            groups, hours = whole_log.since(since).grouped(review_timeline, today)
        elif apart is None:
            groups, hours = reader.answers(review_timeline, first_day, today, since)
        else:
            middle_day = first_day + (today - first_day + 1) // 2
            middle = calendar.day_start(middle_day)
            older = pool.submit(
                _read_apart, collection, scope, now,
                partial(StatsReader.answers, timeline=review_timeline, first_day=first_day, today=today, since=since, until=middle),
            )
            newer = reader.answers(review_timeline, middle_day, today, middle)
            groups, hours = _joined(older.result(), newer)
        streak = _current_streak(set(groups.days.tolist()), first_day, today, reader, calendar)
        if apart is not None:
            cards, memory = [done.result() for done in apart]
        else:
            timelines = _card_timelines(reader, calendar, now, added_since)
            cards, memory = reader.card_panels_and_memory_histograms(*timelines, today, now, added_since, states, SHARE_BINS)
    # all time starts on the first day with something to show, and no later than today: notes created
    # after the clock's moment (a clock set back, an import from another machine) are counted in days to come
    answers_first = first_day - today if period.days else (int(groups.days.min()) if len(groups.days) else 0)
    added_first = first_day - today if period.days else min([0, *cards.added_cards_by_day])
    return Statistics(
        scope=scope,
        period=period,
        now=now,
        today=_today(scope, groups),
        future_due=_future_due(scope, today_date, cards.due_cards_by_day, cards.daily_load, period),
        calendar=Calendar(scope, today_date, _answers_by_day(groups), answers_first, streak),
        reviews=_reviews_per_day(scope, today_date, answers_first, groups),
        card_counts=CardCounts(scope, *cards.states.counts),
        intervals=Intervals(scope, cards.states.intervals),
        difficulty=Difficulty(scope, memory.difficulty_bins, memory.difficulty_sum),
        stability=_stability(scope, memory),
        retrievability=Retrievability(scope, memory.retrievability_bins, memory.retrievability_sum),
        hours=_hours(scope, hours),
        buttons=_buttons(scope, 1 - answers_first, groups),
        added=Added(scope, today_date, added_first, cards.added_cards_by_day),
        true_retention=TrueRetention(scope, _true_retention_rows(groups, period)),
    )


@dataclass(frozen=True)
class Glance:
    """The panels that take little time at any size (today's answers, the cards by state): what the
    statistics window shows first while `collect` reads the whole log. They equal `collect`'s."""

    today: Today
    card_counts: CardCounts
    now: int  # unix seconds they were computed at
    card_states: CardStates  # the cards by state and by interval, which `collect` can take
    # the ids of the cards the scope's search selected, which `collect` and `calibration` can take
    # rather than run it again (~50 ms for a tag at 100,000 notes); None where setting the scope up costs little
    # (every card, or a deck of most cards: `StatsReader.selected_cards`)
    scope_cards: np.ndarray | None = field(default=None, repr=False, compare=False)


def glance(collection: "Collection", scope: Scope = Scope()) -> Glance:
    """Today's answers and the card counts of `scope`: today's reviews and one pass over the cards.

    A search that does not parse raises `SearchSyntaxError`."""
    now = collection.now()
    calendar: DayCalendar = collection.calendar
    today = calendar.day(now)
    since = calendar.day_start(today)
    with _reader(collection, scope, now) as reader:
        groups = reader.answers(_local_timeline(calendar, since, now), today, today, since).groups
        states = reader.card_states(now)
        scope_cards = reader.selected_cards()
    return Glance(_today(scope, groups), CardCounts(scope, *states.counts), now, states, scope_cards)


def _check_glance(glance: Glance | None, scope: Scope) -> None:
    if glance is not None and glance.today.scope != scope:
        raise ValueError(f"a glance of {glance.today.scope.name}, not of {scope.name}")


def _reader(collection: "Collection", scope: Scope, now: int, selected: np.ndarray | None = None) -> StatsReader:
    """A reader of the cards of `scope` at `now`, or of the cards a reader of it `selected` there."""
    if selected is not None:
        return StatsReader(collection.store, selected=selected)
    if not scope.search:
        return StatsReader(collection.store)
    context = SearchContext(now=now, calendar=collection.calendar)
    where, params = compile_search(parse_search(scope.search), collection.store, context)
    return StatsReader(collection.store, where, params)


def _read_apart(collection: "Collection", scope: Scope, now: int, read: Callable[[StatsReader], _Read]) -> _Read:
    """`read(reader)` of the scope's cards, on a read-only connection opened (and closed) in the
    calling thread: a SQLite connection belongs to the thread that opened it. For a scope that is
    not every card, the connection sets the scope up again (`StatsReader.rerun_is_cheap`)."""
    apart = collection.open_read_only()
    try:
        with _reader(apart, scope, now) as reader:
            return read(reader)
    finally:
        apart.close()


def _whole_log_by_hour(
    collection: "Collection", reader: StatsReader, pool: ThreadPoolExecutor, now: int, since: int, last_review: int | None
) -> HourlyAnswers | None:
    """The whole log's answers by UTC hour, for a period of every card from `since` (unix seconds)
    whose last review is at `last_review`: those kept beside the collection (`storage.answer_hours`)
    with those of the log's entries after their mark; or, when none stand (an entry up to the mark
    went, or none are kept), read from the log (its older half in `pool`, on a connection of its
    own) and kept, if the period reads at least half the span of the log anyway. None when nothing
    stands and the period is shorter, or no file can be kept: the period is read from the log.
    What stands is kept with the log's mark now, in the worker that computes the statistics: the
    read that finds it has it at hand, and answering a card costs nothing more. The log's halves
    read on two connections are kept only when both read the log at the same mark."""
    kept_file = KeptAnswerHours.open(answer_hours_path(collection.path))
    if kept_file is None:
        return None
    with kept_file, one_snapshot(reader.conn):  # the mark kept must stand for what was read
        kept = kept_file.read()
        mark = log_mark(reader.conn)
        if kept is not None and log_stands(reader.conn, kept.mark, mark):
            if mark == kept.mark:
                return kept.answers
            answers = HourlyAnswers.summed(kept.answers, reader.hourly_answers_entered_after(kept.mark.rowid))
        else:
            first_review = reader.first_review()
            if first_review is None or since > (first_review + last_review) // 2:
                return None
            middle = (first_review + last_review) // 2 // 3600 * 3600  # on the hour
            older = pool.submit(_read_apart, collection, Scope(), now, partial(_marked_hourly_answers, until=middle))
            newer = reader.hourly_answers(since=middle)
            older_mark, older_answers = older.result()
            answers = HourlyAnswers.summed(older_answers, newer)
            if older_mark != mark:  # the log changed between the two reads
                return answers
        kept_file.write(answers, mark)
    return answers


def _marked_hourly_answers(reader: StatsReader, until: int) -> tuple[LogMark | None, HourlyAnswers]:
    """The whole log's answers by UTC hour before `until` (unix seconds, on the hour), and the mark
    of the log they were read at."""
    with one_snapshot(reader.conn):
        return log_mark(reader.conn), reader.hourly_answers(until=until)


def _joined(older: Answers, newer: Answers) -> Answers:
    """The answers of two spans of days that follow one another: their groups (no day is in both)
    and their hours added up."""
    answers, correct = [0] * 24, [0] * 24
    for h in (*older.hours, *newer.hours):
        answers[h.hour] += h.answers
        correct[h.hour] += h.correct
    hours = [HourOfDay(hour, answers[hour], correct[hour]) for hour in range(24) if answers[hour]]
    return Answers(AnswerGroups(*(np.concatenate(columns) for columns in zip(older.groups, newer.groups))), hours)


def _card_panels(
    reader: StatsReader, *, calendar: DayCalendar, today: int, now: int, added_since: int, states: CardStates | None
) -> CardPanels:
    """Card counts, intervals (`states` when known), future due and added (notes created since `added_since`)."""
    return reader.card_panels(*_card_timelines(reader, calendar, now, added_since), today, now, added_since, states)


def _card_timelines(reader: StatsReader, calendar: DayCalendar, now: int, added_since: int) -> tuple[LocalTimeline, LocalTimeline]:
    """The local timelines the card panels read: of the cards' due times, and of the creation of
    notes since `added_since` (unix seconds)."""
    dues = reader.due_span() or (now, now)
    return _local_timeline(calendar, *dues), _local_timeline(calendar, added_since, now)


# --- local time ---------------------------------------------------------------------------------------------------------


def _utc_offset(calendar: DayCalendar, moment: int) -> int:
    """Seconds local time is ahead of UTC at `moment` in the calendar's time zone."""
    utc = datetime.fromtimestamp(moment, timezone.utc)
    local = utc.astimezone(calendar.tz) if calendar.tz is not None else utc.astimezone()
    return int(local.utcoffset().total_seconds())


def _local_timeline(calendar: DayCalendar, start: int, end: int) -> LocalTimeline:
    """The calendar's UTC offsets from `start` to `end` (unix seconds): sampled every week, each
    change narrowed down to its second."""
    start = max(0, min(start, _LAST_SAMPLED_SECOND))
    end = max(start, min(end, _LAST_SAMPLED_SECOND))
    offsets = [(start, _utc_offset(calendar, start))]
    moment = start
    while moment < end:
        following = min(moment + _OFFSET_SAMPLE_SECONDS, end)
        offset = _utc_offset(calendar, following)
        if offset != offsets[-1][1]:
            before, after = moment, following
            while after - before > 1:
                middle = (before + after) // 2
                if _utc_offset(calendar, middle) == offsets[-1][1]:
                    before = middle
                else:
                    after = middle
            offsets.append((after, offset))
        moment = following
    return LocalTimeline(tuple(offsets), calendar.rollover_hour)


# --- building the panels -------------------------------------------------------------------------------------------------

_LEARN, _RELEARN, _REVIEW, _FILTERED = (ANSWER_KINDS.index(k) for k in ("learn", "relearn", "review", "filtered"))


def _today(scope: Scope, groups: AnswerGroups) -> Today:
    """The answers of `groups` on day 0."""
    on_today, kinds, mature, again = groups.days == 0, groups.kinds, groups.mature == 1, groups.ratings == 1

    def count(keep: np.ndarray | bool) -> int:
        return int(groups.answers[on_today & keep].sum())

    return Today(
        scope=scope,
        answers=count(True),
        duration_ms=int(groups.durations_ms[on_today].sum()),
        again=count(again),
        learn=count(kinds == _LEARN),
        review=count(kinds == _REVIEW),
        relearn=count(kinds == _RELEARN),
        filtered=count(kinds == _FILTERED),
        mature_answers=count(mature),
        mature_again=count(mature & again),
    )


def _future_due(scope: Scope, today: date, cards_by_day: Mapping[int, int], daily_load: float, period: Period) -> FutureDue:
    last_day = period.days if period.days is not None else max((0, *cards_by_day))
    return FutureDue(scope, today, cards_by_day, last_day, daily_load)


def _answers_by_day(groups: AnswerGroups) -> dict[int, int]:
    days, at = np.unique(groups.days, return_inverse=True)
    return dict(zip(days.tolist(), _totals(at, groups.answers, len(days)).tolist()))


def _totals(places: np.ndarray | tuple[np.ndarray, ...], values: np.ndarray, shape: int | tuple[int, ...]) -> np.ndarray:
    """The sums of `values` (integers, exact) at their `places` (indexes into an array of `shape`)."""
    totals = np.zeros(shape, dtype=np.int64)
    np.add.at(totals, places, values)
    return totals


def _current_streak(answer_days: set[int], first_day: int, today: int, reader: StatsReader, calendar: DayCalendar) -> int:
    """Days in a row with answers up to today, or up to yesterday while today has none yet. Days
    before the period (which starts on local day `first_day`) are looked up one by one, only when
    the streak reaches back to its first day, and only those that end after the log's first review:
    the look-up of a day without answers of a few cards seeks each card's reviews (~15 ms for
    10,000 cards), and the period of a log's whole span would end on one."""
    day = 0 if 0 in answer_days else -1
    while day >= first_day - today and day in answer_days:
        day -= 1
    if day < first_day - today:
        log_starts = reader.first_review_in_log()
        while (
            log_starts is not None
            and calendar.day_start(today + day + 1) > log_starts
            and reader.answered_between(calendar.day_start(today + day), calendar.day_start(today + day + 1))
        ):
            day -= 1
    return (0 if 0 in answer_days else -1) - day


# where each kind of answer (ANSWER_KINDS) is counted among KIND_NAMES; a review's place is young's,
# or the next, mature, for a mature card's
_KIND_PLACES = np.array([KIND_NAMES.index("young" if kind == "review" else kind) for kind in ANSWER_KINDS])


def _reviews_per_day(scope: Scope, today: date, first_day: int, groups: AnswerGroups) -> ReviewsPerDay:
    places = _KIND_PLACES[groups.kinds] + (groups.kinds == _REVIEW) * groups.mature
    days, at = np.unique(groups.days, return_inverse=True)
    shape = (len(days), len(KIND_NAMES))
    counts = _totals((at, places), groups.answers, shape).tolist()
    durations = _totals((at, places), groups.durations_ms, shape).tolist()
    days = days.tolist()
    return ReviewsPerDay(
        scope,
        today,
        first_day,
        {day: KindCounts(*c) for day, c in zip(days, counts)},
        {day: KindCounts(*d) for day, d in zip(days, durations)},
    )


def _stability(scope: Scope, memory: MemoryHistograms) -> Stability:
    cards = sum(memory.cards_by_stability_day.values())
    return Stability(scope, memory.cards_by_stability_day, memory.stability_sum / cards if cards else None)


def _hours(scope: Scope, hours: Iterable[HourOfDay]) -> Hours:
    answers, correct = [0] * 24, [0] * 24
    for h in hours:
        answers[h.hour], correct[h.hour] = h.answers, h.correct
    return Hours(scope, tuple(answers), tuple(correct))


def _buttons(scope: Scope, period_days: int, groups: AnswerGroups) -> Buttons:
    # BUTTON_GROUPS: learning (every answer but a review), young, mature
    button_groups = np.where(groups.kinds == _REVIEW, 1 + groups.mature, 0)
    counts = _totals((button_groups, groups.ratings - 1), groups.answers, (len(BUTTON_GROUPS), 4)).tolist()
    return Buttons(scope, period_days, {group: tuple(c) for group, c in zip(BUTTON_GROUPS, counts)})


def _true_retention_rows(groups: AnswerGroups, period: Period) -> tuple[RetentionRow, ...]:
    """The rows whose span fits in the period, from the period's answers."""
    # young passed, young failed, mature passed, mature failed
    places = 2 * groups.mature + (groups.ratings == 1)
    rows = []
    for label, first in retention_spans(period):
        counted = groups.count_for_retention
        if first is not None:
            counted = counted & (groups.days >= first)
        if label == "Yesterday":
            counted = counted & (groups.days == -1)
        rows.append(RetentionRow(label, *_totals(places[counted], groups.answers[counted], 4).tolist()))
    return tuple(rows)


# --- calibration -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalibrationBin:
    """Scored reviews whose predicted recall fell from `low` up to `high`."""

    low: float
    high: float
    reviews: int = 0
    predicted_sum: float = 0.0
    recalled: int = 0

    @property
    def mean_predicted(self) -> float | None:
        return self.predicted_sum / self.reviews if self.reviews else None

    @property
    def actual(self) -> float | None:
        return self.recalled / self.reviews if self.reviews else None


@dataclass(frozen=True)
class Calibration:
    """Predicted recall against actual recall for the answers of the period.

    An answer is scored when it came at least one local day after the card's previous answer (no
    restart between: a reset, or a learning answer after answers of other kinds, where Anki's FSRS
    starts a card's history again). The prediction is FSRS's retrievability
    R = (1 + F·t/S)^(−decay) with S the stability after that previous answer, t the whole days
    between, and the decay of the card's preset. S is the one the log recorded; where it recorded
    none (reviews imported from Anki), S is replayed: FSRS with the current parameters of the
    card's preset run over the card's answers since its start or restart, from the last recorded
    state before them if there is one. `replayed` counts the scored answers predicted so. Recall
    is Hard, Good or Easy. The bins count scored answers by prediction.

    `log_loss` and `rmse_bins` are what fsrs-rs's `evaluate` reports for the same answers, taken in
    time order: each answer weighs 0.25 + 0.75·(i/(n−1))³ (i its place, n the answers), so recent
    answers count most; the log loss is the weighted mean of −ln(R) for a recall and −ln(1−R) for a
    lapse; RMSE(bins) groups the answers by fsrs-rs's bins (`_rmse_group`) and is the square root
    of the mean, weighted by each group's total weight, of (mean R − recall rate)² over the groups.
    Both are None without a scored answer."""

    title: ClassVar[str] = "Calibration"
    scope: Scope
    bins: tuple[CalibrationBin, ...]
    log_loss: float | None
    rmse_bins: float | None
    replayed: int  # scored answers predicted from a replayed memory state

    @property
    def reviews(self) -> int:
        return sum(b.reviews for b in self.bins)

    @property
    def note(self) -> str | None:
        """What a reader of the panel must know when some predictions come from a replay."""
        if not self.replayed:
            return None
        return (
            f"{self.replayed:,} of {self.reviews:,} predictions replayed with the preset's current parameters: "
            "history imported without memory states"
        )

    def summary(self) -> tuple[Measure, ...]:
        recalled = sum(b.recalled for b in self.bins)
        predicted = sum(b.predicted_sum for b in self.bins)
        return (
            Measure("Scored reviews", self.reviews, "reviews"),
            Measure("Predictions replayed", self.replayed, "reviews"),
            Measure("Predicted recall", share(predicted, self.reviews), "%"),
            Measure("Actual recall", share(recalled, self.reviews), "%"),
            Measure("Log loss", self.log_loss),
            Measure("RMSE (bins)", None if self.rmse_bins is None else 100 * self.rmse_bins, "%"),
        )

    def table(self) -> Table:
        rows = tuple(
            (
                100 * b.low, 100 * b.high, b.reviews,
                None if b.mean_predicted is None else 100 * b.mean_predicted,
                None if b.actual is None else 100 * b.actual,
            )
            for b in self.bins
        )
        return Table(("predicted from %", "below %", "reviews", "mean predicted %", "actual recall %"), rows)


# A prediction of exactly 0 or 1 that turns out wrong would make the log loss infinite.
_SMALLEST_LIKELIHOOD = 1e-12


def calibration(collection: "Collection", scope: Scope = Scope(), period: Period = Period.MONTH, glance: Glance | None = None) -> Calibration:
    """How well the memory states predicted the answers of the period (see `Calibration`), at the
    collection's current time, or at the moment of `glance`, the scope's computed just before (as
    the statistics window does): the cards its search selected are taken, not found again.

    Each answer's prediction comes from its card's history (replayed where the log records no memory
    state), which costs more than `collect`. A collection with a file keeps what was derived per card
    in a cache beside it (`storage.calibration_cache`) and derives again only the cards whose history
    or preset parameters changed since; the numbers are those derived without it."""
    _check_glance(glance, scope)
    now = collection.now() if glance is None else glance.now
    calendar: DayCalendar = collection.calendar
    today = calendar.day(now)
    schedulers = {deck.id: collection.scheduler_for(deck) for deck in collection.decks()}
    first_day = None if period.days is None else today - period.days + 1
    with _reader(collection, scope, now, None if glance is None else glance.scope_cards) as reader:
        derivation = _Derivation(reader, _local_timeline(calendar, *(reader.review_span() or (now, now))), schedulers)
        cache = None if collection.in_memory else CalibrationCache.open(
            cache_path(collection.path), _derivation_key(calendar), _SCORED_ANSWER
        )
        if cache is None:
            answers, _cards = derivation.scored_answers()
            scored = _Scored.of(answers, _in_period(answers, first_day), np.full(len(answers), -1))
        else:
            with cache:
                scored = _scored_answers_through(cache, derivation, first_day, calendar)
    return _calibration_of(scope, scored)


# One scored answer (`_scored_answers`), as the calibration cache keeps it.
_SCORED_ANSWER = np.dtype(
    [("time", "<i8"), ("day", "<i4"), ("predicted", "<f8"), ("group", "<i4"), ("recalled", "?"), ("replayed", "?")]
)
_NO_DAY = -1  # the last day of a card without a scored answer


class _Scored(NamedTuple):
    """Scored answers, by card then time, as the fields of their `_SCORED_ANSWER` records the
    calibration reads, one array each: copying the fields of the answers taken costs a fifth of
    copying the records. Each answer's place in the time order of a set of answers holding it is
    known for some (those of the cache's copy: `storage.calibration_cache`) and -1 for the others
    (`_time_places`)."""

    times: np.ndarray
    predicted: np.ndarray
    groups: np.ndarray
    recalled: np.ndarray
    replayed: np.ndarray
    known_places: np.ndarray

    @classmethod
    def of(cls, answers: np.ndarray, taken: np.ndarray, known_places: np.ndarray) -> _Scored:
        """Those of the `_SCORED_ANSWER` records `answers` that `taken` (a mask) says, with their known
        places (`known_places`, one for each of `answers`)."""
        fields = (answers[field][taken] for field in ("time", "predicted", "group", "recalled", "replayed"))
        return cls(*fields, known_places[taken])

    @classmethod
    def by_card(cls, parts: Sequence[tuple[HeldCards, np.ndarray]]) -> _Scored:
        """The answers of each part (cards with their answers; no card in two) that its mask takes, by
        card then time."""
        parts = [(held, taken) for held, taken in parts if taken.any()] or parts[:1]
        scored = [cls.of(held.answers, taken, held.time_places) for held, taken in parts]
        if len(scored) == 1:
            return scored[0]
        answer_cards = np.concatenate([np.repeat(held.cards, held.answer_counts)[taken] for held, taken in parts])
        by_card = np.argsort(answer_cards, kind="stable")  # each card's answers keep their order
        return cls(*(np.concatenate(columns)[by_card] for columns in zip(*scored)))


def _derivation_key(calendar: DayCalendar) -> str:
    """What the cached answers were derived with besides the cards' histories and parameters: the
    form of a scored answer and the calendar that numbers the days."""
    zone = repr(calendar.tz) if calendar.tz is not None else f"local {time.tzname} {time.timezone} {time.altzone}"
    return f"calibration answers 1 {_SCORED_ANSWER.descr} {zone} rollover {calendar.rollover_hour}"


def _parameters_key(scheduler: Scheduler) -> int:
    """A number that differs for different FSRS parameters (all the calibration derives depends on)."""
    digest = hashlib.blake2b(np.asarray(scheduler.parameters, dtype=float).tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass(frozen=True)
class _Derivation:
    """How the scope's cards' answers are scored (`scored_answers`)."""

    reader: StatsReader
    timeline: LocalTimeline  # spans the scope's reviews
    schedulers: Mapping[int, Scheduler]  # by deck

    def scored_answers(self, cards: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The scored answers of `cards` (ids, ascending; None: every card of the scope) over all
        their history, in `_SCORED_ANSWER` records by card then time, and the card of each."""
        histories = _AnswerHistories.of(self.reader.answer_chains(self.timeline, cards))
        return _scored_answers(histories, _stabilities_after_answers(histories, self.schedulers), self.schedulers)

    def scope_cards(self) -> tuple[np.ndarray, np.ndarray]:
        """The ids of the scope's cards, ascending, and the key of the parameters of each one's preset
        (`_parameters_key`): read with each card's deck only when the decks' presets differ in them."""
        keys = {scheduler: _parameters_key(scheduler) for scheduler in set(self.schedulers.values())}
        if len(set(keys.values())) == 1:
            cards = self.reader.card_ids()
            return cards, np.full(len(cards), next(iter(keys.values())), dtype=np.int64)
        cards, decks = self.reader.card_decks()
        distinct, deck_of_cards = np.unique(decks, return_inverse=True)
        return cards, np.array([keys[self.schedulers[deck]] for deck in distinct.tolist()], dtype=np.int64)[deck_of_cards]


# Deriving again a part of the scope's cards above this share costs about what deriving all of them
# does, and each is read through a JSON list of ids: they are all derived, in one read of the scope.
_DERIVED_APART_SHARE = 0.5


def _scored_answers_through(cache: CalibrationCache, derivation: _Derivation, first_day: int | None, calendar: DayCalendar) -> _Scored:
    """The scored answers of the scope's cards on or after `first_day` (None: all time), as
    `_Derivation.scored_answers` gives them: the cache's, where they stand, and the others derived
    again (and kept in the cache with all their answers). Theirs stand for a card when the cache
    holds it over the period (`HeldCards.held_since`), its review-log entries did not change since
    (`storage.calibration_cache`) and, if it has an answer in the period, they were derived with the
    parameters its preset has now.
    For a period, only the cards answered in it are derived again: a first month reads what a month
    needs, and the other cards wait for a longer period, held meanwhile with no answer from the
    period's first day on, so that a period within that span reads nothing of them."""
    conn = derivation.reader.conn
    period_start = WHOLE_HISTORY if first_day is None else first_day
    cached = cache.read()
    with one_snapshot(conn):  # the mark kept must stand for what was derived
        mark = log_mark(conn)
        cards, parameters = derivation.scope_cards()
        changed = np.empty(0, dtype=np.int64)
        if cached.mark is not None:
            changed = cards_entered_after(conn, cached.mark, mark)
            if changed is None:  # an entry up to the mark went: which cards changed, each card's fingerprint says
                changed = _changed_cards(cache.fingerprints(), entry_fingerprints(conn))
        # a card held stands unless its history changed or, answered in the period, its parameters did
        # (a card the period did not answer scores nothing in it whatever its parameters)
        standing = np.zeros(len(cards), dtype=bool)
        positions_in_scope = [_positions_in(cards, held.cards) for held in cached.parts]  # of each card held
        for held, (at, in_scope) in zip(cached.parts, positions_in_scope):
            stands = in_scope.copy()
            over_the_period = held.held_since[in_scope] <= period_start
            answered = held.last_days[in_scope] >= (_NO_DAY + 1 if first_day is None else first_day)
            stands[in_scope] = over_the_period & (~answered | (held.parameters[in_scope] == parameters[at[in_scope]]))
            standing[at[stands]] = True
        standing &= ~np.isin(cards, changed)
        # which cards the period answered matters only when some do not stand (a read of its answers);
        # from a second early: an answer in a day's first second counts to the day before (see Period)
        wanted = np.ones(len(cards), dtype=bool)
        if first_day is not None and not standing.all():
            wanted = np.isin(cards, derivation.reader.cards_answered_since((calendar.day_start(first_day) - 1) * 1000))
        derived_apart = np.count_nonzero(~standing & wanted) <= _DERIVED_APART_SHARE * len(cards)
        deriving = ~standing & wanted if derived_apart else np.ones(len(cards), dtype=bool)
        unanswered = ~standing & ~deriving  # found without an answer in the period (empty unless its answers were read)
        standing &= ~deriving
        stale = cards[deriving]
        answers, answer_cards = derivation.scored_answers(stale if derived_apart else None)
        fingerprints = entry_fingerprints(conn, stale if derived_apart else None)
    last_days, answer_counts, answer_bytes = _by_card(answers, answer_cards, stale)
    cache.write(
        DerivedCards(stale, parameters[deriving], fingerprints, last_days, answer_bytes),
        None if cached.mark is None else np.setdiff1d(changed, np.concatenate([stale, cards[unanswered]])),
        mark,
        UnansweredCards(cards[unanswered], parameters[unanswered], period_start),
    )
    parts = []  # each with the answers taken: the period's, of the cards held that stand, and of those derived
    for held, (at, in_scope) in zip(cached.parts, positions_in_scope):
        held_standing = in_scope.copy()
        held_standing[in_scope] = standing[at[in_scope]]
        parts.append((held, np.repeat(held_standing, held.answer_counts) & _in_period(held.answers, first_day)))
    derived = HeldCards(
        stale, parameters[deriving], np.full(len(stale), WHOLE_HISTORY), last_days, answer_counts, answers, np.full(len(answers), -1)
    )
    return _Scored.by_card([*parts, (derived, _in_period(answers, first_day))])


def _in_period(answers: np.ndarray, first_day: int | None) -> np.ndarray:
    """Whether each of the `_SCORED_ANSWER` records `answers` is on or after `first_day` (None: all time)."""
    return np.ones(len(answers), dtype=bool) if first_day is None else answers["day"] >= first_day


def _changed_cards(held: EntryFingerprints, now: EntryFingerprints) -> np.ndarray:
    """The cards whose review-log entries are not those `held` fingerprints: a card's fingerprint is
    another, or it has entries only in one of the two."""
    at, same = _positions_in(held.cards, now.cards)
    for field in ("entries", "last_entries", "time_sums", "code_sums"):
        same[same] = getattr(held, field)[at[same]] == getattr(now, field)[same]
    return np.union1d(now.cards[~same], np.setdiff1d(held.cards, now.cards))


def _positions_in(held: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of `ids`, its position in `held` (ascending) and whether it is there: the position
    means something only where it is (`at[found]`)."""
    if not len(held):
        return np.zeros(len(ids), dtype=np.intp), np.zeros(len(ids), dtype=bool)
    at = np.minimum(np.searchsorted(held, ids), len(held) - 1)
    return at, held[at] == ids


def _by_card(answers: np.ndarray, answer_cards: np.ndarray, cards: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
    """For each of `cards` (ascending), the local day of its last scored answer (-1 for none), how
    many it has and their bytes, from `answers` (by card) and the card of each."""
    starts, ends = np.searchsorted(answer_cards, cards), np.searchsorted(answer_cards, cards, side="right")
    last_days = np.where(ends > starts, answers["day"][np.maximum(ends - 1, 0)] if len(answers) else 0, _NO_DAY)
    data, size = answers.tobytes(), _SCORED_ANSWER.itemsize
    return last_days, ends - starts, [data[start * size : end * size] for start, end in zip(starts.tolist(), ends.tolist())]


@dataclass(frozen=True)
class _AnswerHistories:
    """Every card's answer histories, each a card's answers from its first answer or its last restart
    on, oldest first: a reset starts a new history, and so does a learning answer after answers of
    other kinds (where Anki's FSRS starts a card's history again, `importing.memory_history`).

    The answers of all histories follow one another in numpy arrays, one entry each: there can be a
    million, and a Python step per answer costs ~1 µs."""

    starts: np.ndarray  # where each history starts in the arrays below
    cards: np.ndarray  # the card of each history
    decks: np.ndarray  # the deck of each history's card
    times: np.ndarray  # unix milliseconds
    days: np.ndarray  # local day numbers
    ratings: np.ndarray
    elapsed: np.ndarray  # days since the previous answer of the history (0 for its first)
    # the memory state after each answer as the log records it, NaN where it records none
    stabilities: np.ndarray
    difficulties: np.ndarray

    @classmethod
    def of(cls, chains: AnswerChains) -> _AnswerHistories:
        """The histories of the cards' answer chains."""
        answer = chains.ratings != 0
        # an answer goes on the history of the entry before it when that is an answer of the same card...
        follows = np.zeros(len(answer), dtype=bool)
        follows[1:] = (chains.cards[1:] == chains.cards[:-1]) & answer[:-1]
        # ...unless it is a learning answer after one of another kind
        follows[1:] &= chains.learning[:-1] | ~chains.learning[1:]
        answers = np.flatnonzero(answer)
        starts = np.flatnonzero(~follows[answers])
        days = chains.days[answers]
        elapsed = np.diff(days, prepend=days[:1])
        elapsed[starts] = 0
        return cls(
            starts,
            chains.cards[answers[starts]],
            chains.decks[answers[starts]],
            chains.times[answers],
            days,
            chains.ratings[answers],
            elapsed,
            chains.stabilities[answers],
            chains.difficulties[answers],
        )

    @property
    def lengths(self) -> np.ndarray:
        """The number of answers of each history."""
        return np.diff(self.starts, append=len(self.times))

    @property
    def history_of_answers(self) -> np.ndarray:
        """The history of each answer, as its place in `starts`."""
        return np.repeat(np.arange(len(self.starts)), self.lengths)


def _stabilities_after_answers(histories: _AnswerHistories, schedulers: Mapping[int, Scheduler]) -> np.ndarray:
    """The stability after each answer of the histories: the one the log records, or else the one
    the scheduler of the card's preset replays from the last recorded state before it, or from the
    history's first answer. Each scheduler replays all its histories' gaps at once."""
    stabilities = histories.stabilities.copy()  # the replays fill the gaps
    unrecorded = np.isnan(stabilities)
    first_of_history = np.zeros(len(unrecorded), dtype=bool)
    first_of_history[histories.starts] = True
    # the gaps: runs of answers without a recorded state, each within a history
    opens_gap = first_of_history.copy()
    opens_gap[1:] |= ~unrecorded[:-1]
    gap_firsts = np.flatnonzero(unrecorded & opens_gap)
    # the state a gap continues from: the one recorded with the answer before it, in its history
    continued = ~first_of_history[gap_firsts]
    states_before = np.full((len(gap_firsts), 2), np.nan)
    states_before[continued, 0] = histories.stabilities[gap_firsts[continued] - 1]
    states_before[continued, 1] = histories.difficulties[gap_firsts[continued] - 1]
    answer_decks = histories.decks[histories.history_of_answers]
    decks_by_scheduler: dict[Scheduler, list[int]] = {}
    for deck in np.unique(answer_decks[unrecorded]).tolist():
        decks_by_scheduler.setdefault(schedulers[deck], []).append(deck)
    for scheduler, decks in decks_by_scheduler.items():
        replayed = unrecorded & np.isin(answer_decks, decks)
        gaps = replayed[gap_firsts]
        # where each gap starts among the replayed answers
        firsts = np.cumsum(replayed)[gap_firsts[gaps]] - 1
        stabilities[replayed] = scheduler.replay_stabilities(
            histories.ratings[replayed], histories.elapsed[replayed], firsts, states_before[gaps]
        )
    return stabilities


def _scored_answers(
    histories: _AnswerHistories, stabilities: np.ndarray, schedulers: Mapping[int, Scheduler]
) -> tuple[np.ndarray, np.ndarray]:
    """Score each answer that came a day or more after the previous one of its history: its
    `_SCORED_ANSWER` record (in the histories' order) and its card."""
    # the first answer of a history has no days since a previous one: never long-term
    long_term = histories.elapsed > 0
    lapse = long_term & (histories.ratings == 1)
    history_of_answers = histories.history_of_answers
    history_starts = histories.starts[history_of_answers]
    long_term_so_far = np.cumsum(long_term)  # this one included
    lapses_so_far = np.cumsum(lapse)
    long_term_reviews = long_term_so_far - long_term_so_far[history_starts]
    lapses_before = lapses_so_far - lapse - lapses_so_far[history_starts]
    answers = np.flatnonzero(long_term)
    decks, deck_of_history = np.unique(histories.decks, return_inverse=True)
    decays = np.array([schedulers[deck].decay for deck in decks.tolist()], dtype=float)
    elapsed = histories.elapsed[answers]
    scored = np.empty(len(answers), dtype=_SCORED_ANSWER)
    scored["time"] = histories.times[answers]
    scored["day"] = histories.days[answers]
    scored["predicted"] = retrievability(stabilities[answers - 1], elapsed, decays[deck_of_history][history_of_answers[answers]])
    scored["group"] = _rmse_groups(elapsed, long_term_reviews[answers], lapses_before[answers])
    scored["recalled"] = histories.ratings[answers] > 1
    scored["replayed"] = np.isnan(histories.stabilities[answers - 1])  # the state predicted from was replayed
    return scored, histories.cards[history_of_answers[answers]]


def _rmse_groups(elapsed_days: np.ndarray, long_term_reviews: np.ndarray, lapses_before: np.ndarray) -> np.ndarray:
    """fsrs-rs's group for RMSE(bins) (`_rmse_group`) of each answer, as a number under 64³ whose
    order is the groups' (each part of a group is under 64 for any history: 64 steps of the
    smallest base, 1.73, exceed 10¹⁵). `_rmse_group` is asked once for each distinct triple of
    values."""
    shape = (elapsed_days.max(initial=0) + 1, long_term_reviews.max(initial=0) + 1, lapses_before.max(initial=0) + 1)
    triples, triple_of_answers = np.unique(
        np.ravel_multi_index((elapsed_days, long_term_reviews, lapses_before), shape), return_inverse=True
    )
    groups = [_rmse_group(*triple) for triple in zip(*(axis.tolist() for axis in np.unravel_index(triples, shape)))]
    numbers = np.array([(days * 64 + reviews) * 64 + lapses for days, reviews, lapses in groups], dtype=np.int32)
    return numbers[triple_of_answers.reshape(-1)]


def _rmse_group(elapsed_days: int, long_term_reviews: int, lapses_before: int) -> tuple[int, int, int]:
    """fsrs-rs's group for RMSE(bins): the days since the previous review on a base-3.62 logarithmic
    scale, the long-term reviews so far (this one included) plus one on a base-1.89 scale, and the
    earlier long-term lapses on a base-1.73 scale (no lapse is a group of its own)."""
    lapse_group = 1 + math.floor(math.log(lapses_before, 1.73)) if lapses_before else 0
    return (
        math.floor(math.log(elapsed_days, 3.62)),
        math.floor(math.log(long_term_reviews + 1, 1.89)),
        lapse_group,
    )


def _calibration_of(scope: Scope, scored: _Scored) -> Calibration:
    """The calibration of the answers `scored`."""
    count = len(scored.predicted)
    predicted, recalled = scored.predicted, scored.recalled
    chart_bins = np.minimum((predicted * SHARE_BINS).astype(np.int64), SHARE_BINS - 1)
    bins = zip(
        np.bincount(chart_bins, minlength=SHARE_BINS).tolist(),
        np.bincount(chart_bins, weights=predicted, minlength=SHARE_BINS).tolist(),
        np.bincount(chart_bins[recalled], minlength=SHARE_BINS).tolist(),
    )
    log_loss = rmse = None
    if count:
        # each answer's weight by its place in time order (answers at the same time keep their order: by card)
        weights = 0.25 + 0.75 * (_time_places(scored.times, scored.known_places) / max(count - 1, 1)) ** 3
        total_weight = weights.sum()
        likelihoods = np.where(recalled, predicted, 1 - predicted)
        log_loss = float(-(weights * np.log(np.maximum(likelihoods, _SMALLEST_LIKELIHOOD))).sum() / total_weight)
        # in each group, the gap between the mean prediction and the share recalled, weighted by the group's weight
        # (most group numbers have no answer)
        groups = scored.groups
        answers = np.bincount(groups)
        present = answers > 0
        answers = answers[present]

        def group_sums(values: np.ndarray) -> np.ndarray:
            return np.bincount(groups, weights=values)[present]

        gaps = group_sums(predicted) / answers - group_sums(recalled) / answers
        rmse = math.sqrt((group_sums(weights) * gaps**2).sum() / total_weight)
    return Calibration(
        scope,
        tuple(CalibrationBin(k / SHARE_BINS, (k + 1) / SHARE_BINS, *b) for k, b in enumerate(bins)),
        log_loss,
        rmse,
        int(np.count_nonzero(scored.replayed)),
    )


def _time_places(times: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Each answer's place in the time order of `times` (of answers by card, then time; `time_order`:
    equal times in the order they come), where `known` holds some answers' places in the time
    order of a set of answers holding them (-1 for the others): those keep their order among
    themselves, so only the others are sorted, then merged in. When the known are all and at
    consecutive places (the latest of the set: a period of it), they are the places already."""
    count = len(times)
    is_known = known >= 0
    if count and is_known.all() and known.max() - known.min() == count - 1:
        return known - known.min()
    # the known in time order: put at their places in a table, then read in turn
    table = np.full(known.max(initial=-1) + 1, -1)
    table[known[is_known]] = np.flatnonzero(is_known)
    known_order = table[table >= 0]
    others = np.flatnonzero(~is_known)
    others = others[time_order(times[others])]
    # how many of the known come before each of the others: those at an earlier time and, at the
    # same time, those of an earlier card (earlier in the answers)
    known_times, other_times = times[known_order], times[others]
    before = np.searchsorted(known_times, other_times)
    tied = before < len(known_times)
    tied[tied] = known_times[before[tied]] == other_times[tied]
    if tied.any():
        # the known at equal times run in the answers' order: (where their run starts, their
        # position) orders them all, and a tied other goes where its own pair would
        run_starts = np.ones(len(known_times), dtype=bool)
        run_starts[1:] = known_times[1:] != known_times[:-1]
        starts = np.flatnonzero(run_starts)
        keys = np.repeat(starts, np.diff(starts, append=len(known_times))) * count + known_order
        before[tied] = np.searchsorted(keys, before[tied] * count + others[tied])
    places = np.empty(count, dtype=np.intp)
    places[others] = np.arange(len(others)) + before
    # and how many of the others come before each of the known
    places[known_order] = np.arange(len(known_order)) + np.cumsum(np.bincount(before, minlength=len(known_order) + 1))[:-1]
    return places


# --- records for JSON ---------------------------------------------------------------------------------------------------


def panel_record(panel: Panel) -> dict:
    """A panel as plain JSON-ready data: title, headline numbers and table."""
    table = panel.table()
    return {
        "title": panel.title,
        "summary": [{"label": m.label, "value": m.value, "unit": m.unit, "search": m.search} for m in panel.summary()],
        "columns": list(table.columns),
        "rows": [list(row) for row in table.rows],
    }


def statistics_record(stats: Statistics) -> dict:
    return {
        "scope": {"name": stats.scope.name, "search": stats.scope.search},
        "period": stats.period.value,
        "computed_at": datetime.fromtimestamp(stats.now, timezone.utc).isoformat(),
        "panels": {name: panel_record(panel) for name, panel in stats.panels().items()},
    }

