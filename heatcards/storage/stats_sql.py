"""The rows the statistics (`heatcards.stats`) are built from, aggregated in SQL.

A `StatsReader` reads the cards a search selects (every card when the search is empty) and their
review log. Work that grows with the log is grouped in SQL, so a collection of 800,000 reviews hands
Python grouped numbers (as one row of text: `joined_integers`), never a row per review.

The answers are counted by UTC hour and a code of what they were (schema migration 0006), read from
the log's indexes and handed over as such (`HourlyAnswers`: ~55,000 pairs for a year of 800,000
reviews), then grouped by local day and local hour in numpy. Where local time is not UTC plus whole
hours (India, parts of Australia), each review's local day and hour are computed directly in SQL.

Local days and hours are computed from a `LocalTimeline`: the UTC offsets in force over the span a
query looks at, so that a day is the `clock.DayCalendar` day, daylight saving time included, and a
bar counts exactly the cards its search (`prop:due=3`, `added:2`...) finds.

Only integers produced here with `int()` are written into the SQL; everything else is a parameter.
"""
from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ..clock import SECONDS_PER_DAY
from .schema import review_hour, review_time_range
from .search_sql import preset_decay
from .search_sql import register_search_functions

if TYPE_CHECKING:
    from . import Store

MATURE_DAYS = 21  # an interval of 21 days or more makes a card mature (Anki's threshold)
# Added to a timestamp before integer division, so the division floors even for instants before 1970.
_FLOOR_SHIFT_DAYS = 1_000_000
# Answers by kind, numbered as `AnswerGroups.kinds` numbers them; manual and rescheduled entries are
# no answers (their rating is 0).
ANSWER_KINDS = ("learn", "relearn", "review", "filtered")
_LEARNING = ANSWER_KINDS.index("learn")
_FILTERED = ANSWER_KINDS.index("filtered")
# The review log's column `stats_code` (schema migration 0006) says what an answer was in one number,
# ((kind code) * 2 + mature) * 4 + rating - 1, NULL for entries that are no answer. The kind code is
# the kind's index in ANSWER_KINDS, plus 4 when true retention counts the answer. Anki's true retention
# counts the answers of cards that had an interval of a day or more: every review, and a learning
# answer after a step of a day or more (`interval_before` then holds it). A relearning answer is left
# out: heatcards records there the interval the card will get back, not the step before it.
_CODES = 64
_ANSWER = "r.stats_code IS NOT NULL"
_RESET = "(r.kind = 'manual' AND r.interval_after = 0)"
_SCOPE_TABLE = "hc_stats_scope"
_LEFT_OUT_TABLE = "hc_stats_left_out"
_ALL_REVIEWS = "revlog r"
# the whole log's entries in a range of the index by hour, those of the scope's table kept: for a
# scope read card by card, a short span (a day) costs its few thousand entries at most, where each
# of the scope's cards would be sought
_REVIEWS_BY_HOUR = "revlog r INDEXED BY revlog_by_hour"
_IN_SCOPE_TABLE = f"r.card_id IN temp.{_SCOPE_TABLE}"
_NO_END = 2**62  # a bound past every review time and UTC hour
_NOTE_COLUMN = re.compile(r"\bn\.")  # in SQL from `search_sql`, whose user values are all parameters
# A scope with fewer than this share of the cards reads their reviews card by card (through the
# review log's card index); a larger one scans the log and keeps the reviews of its cards.
_FEW_CARDS_SHARE = 0.3


@dataclass(frozen=True)
class LocalTimeline:
    """How SQL turns unix seconds into the learner's local day numbers and hours of the day.

    `utc_offsets` holds (since, offset) pairs in time order: from `since` (unix seconds) on, local
    time is UTC plus `offset` seconds; the first pair also holds before its `since`. A day starts
    `rollover_hour` hours after local midnight, and that instant belongs to the day before, as in
    `clock.DayCalendar`."""

    utc_offsets: tuple[tuple[int, int], ...]
    rollover_hour: int

    def day_sql(self, seconds: str) -> str:
        """SQL for the local day number (days since 1970-01-01) of the unix time `seconds`."""
        shift = _FLOOR_SHIFT_DAYS * SECONDS_PER_DAY - self.rollover_hour * 3600 - 1
        return self._piecewise(
            seconds, lambda offset: f"(({seconds} + {int(offset + shift)}) / {SECONDS_PER_DAY} - {_FLOOR_SHIFT_DAYS})"
        )

    def hour_sql(self, seconds: str) -> str:
        """SQL for the local hour of the day (0-23, midnight to midnight) of the unix time `seconds`."""
        shift = _FLOOR_SHIFT_DAYS * SECONDS_PER_DAY
        return self._piecewise(seconds, lambda offset: f"((({seconds} + {int(offset + shift)}) / 3600) % 24)")

    @property
    def whole_hours(self) -> bool:
        """Whether local time is UTC plus whole hours throughout, changing only on the hour: then every
        UTC hour lies within one local hour and one local day."""
        changes = self.utc_offsets[1:]
        return all(offset % 3600 == 0 for _, offset in self.utc_offsets) and all(since % 3600 == 0 for since, _ in changes)

    def utc_hours_fit(self, since: int, until: int | None) -> bool:
        """Whether the answers from `since` to before `until` (unix seconds, each the start of a local
        day; None: no end) can be counted by UTC hour (`HourlyAnswers`): local time is UTC plus whole
        hours (`whole_hours`) and the bounds are on the hour, or one second after."""
        return self.whole_hours and since % 3600 <= 1 and (until is None or until % 3600 <= 1)

    def local_hours(self, utc_hours: np.ndarray) -> np.ndarray:
        """The local hours since 1970 at the start of each of `utc_hours` (hours since 1970), when
        `whole_hours`: the offset in force at that instant, as `_piecewise` chooses it."""
        changes = np.array([since for since, _ in self.utc_offsets[1:]], dtype=np.int64)
        hours_ahead = np.array([offset // 3600 for _, offset in self.utc_offsets], dtype=np.int64)
        return utc_hours + hours_ahead[np.searchsorted(changes, utc_hours * 3600, side="right")]

    def _piecewise(self, seconds: str, expression: Callable[[int], str]) -> str:
        """`expression` of the offset in force at `seconds`: a balanced tree of comparisons."""

        def tree(pairs: Sequence[tuple[int, int]]) -> str:
            if len(pairs) == 1:
                return expression(pairs[0][1])
            middle = len(pairs) // 2
            return f"(CASE WHEN {seconds} < {int(pairs[middle][0])} THEN {tree(pairs[:middle])} ELSE {tree(pairs[middle:])} END)"

        return tree(self.utc_offsets)


# --- what the reader returns ------------------------------------------------------------------------


class CardStateCounts(NamedTuple):
    """Cards by state; suspended cards (buried or not) and buried ones are counted apart from the states."""

    new: int
    learning: int
    relearning: int
    young: int
    mature: int
    suspended: int
    buried: int


class CardStates(NamedTuple):
    """The cards by state, and by interval."""

    counts: CardStateCounts
    intervals: dict[int, int]  # review and relearning cards by interval in days


class MemoryHistograms(NamedTuple):
    """The cards with a memory state by whole days of stability, by difficulty bin and by
    retrievability bin, with the sums of the values counted (for the averages)."""

    cards_by_stability_day: dict[int, int]
    stability_sum: float
    difficulty_bins: tuple[int, ...]  # cards with a difficulty (0-1)
    difficulty_sum: float
    retrievability_bins: tuple[int, ...]  # cards ever reviewed
    retrievability_sum: float


class CardPanels(NamedTuple):
    """What the card counts, intervals, future due and added panels count, read in one pass over the cards."""

    states: CardStates
    due_cards_by_day: dict[int, int]  # cards in the queues (not new, not suspended) by due day from today
    # (negative: overdue); buried cards due today or earlier are not counted (they wait for tomorrow)
    daily_load: float  # sum over those cards (buried ones included) of 1 / max(interval, 1)
    added_cards_by_day: dict[int, int]  # cards by the day (from today) their note was created


class AnswerGroups(NamedTuple):
    """Answers (ratings 1-4) counted by local day and what they were (`stats_code`): one array entry
    per day and code, in the order of days, then codes. What a code says is read from it for every
    group at once (`kinds`, `mature`, `ratings`, `count_for_retention`)."""

    days: np.ndarray  # days from today
    codes: np.ndarray  # `stats_code`s
    answers: np.ndarray
    durations_ms: np.ndarray

    @property
    def kinds(self) -> np.ndarray:
        """Indexes into ANSWER_KINDS."""
        return self.codes // 8 % 4

    @property
    def mature(self) -> np.ndarray:
        """1 where the card's interval before the answer was MATURE_DAYS or more, else 0."""
        return self.codes // 4 % 2

    @property
    def ratings(self) -> np.ndarray:
        """1-4."""
        return self.codes % 4 + 1

    @property
    def count_for_retention(self) -> np.ndarray:
        """Whether true retention counts the answers."""
        return self.codes // 8 >= 4


class HourOfDay(NamedTuple):
    """Answers (filtered-deck ones left out) in one local hour of the day."""

    hour: int  # 0-23
    answers: int
    correct: int  # rated Hard, Good or Easy


class Answers(NamedTuple):
    """A period's answers: by day and what they were, and by local hour of the day."""

    groups: AnswerGroups
    hours: list[HourOfDay]


class HourlyAnswers(NamedTuple):
    """Answers counted by UTC hour and what they were (the review log's `stats_hour` and `stats_code`,
    schema migration 0006), one array entry per pair, in the order of the pairs, with their total
    duration. Local time UTC plus whole hours puts each UTC hour in one local hour of one local day
    (`grouped`); `stats_hour` tells apart an hour's first second, which a day starting on that hour
    leaves to the day before."""

    hours: np.ndarray  # `stats_hour`s
    codes: np.ndarray  # `stats_code`s
    answers: np.ndarray
    durations_ms: np.ndarray

    @classmethod
    def summed(cls, *parts: HourlyAnswers) -> HourlyAnswers:
        """The answers of `parts` together: those of one hour and code in more than one added up."""
        hours, codes, answers, durations_ms = (np.concatenate(column) for column in zip(*parts))
        keys, answers, durations_ms = _sums_by_key(hours * _CODES + codes, answers, durations_ms)
        hours, codes = np.divmod(keys, _CODES)
        return cls(hours, codes, answers, durations_ms)

    def since(self, since: int) -> HourlyAnswers:
        """The answers from `since` (unix seconds, on the hour or one second after) on."""
        first = np.searchsorted(self.hours, review_hour(since * 1000))
        return HourlyAnswers(*(column[first:] for column in self))

    def grouped(self, timeline: LocalTimeline, today: int) -> Answers:
        """The answers by local day (counted from `today`) and what they were, and by local hour of
        the day (filtered-deck answers left out), local time being UTC plus whole hours
        (`LocalTimeline.whole_hours`). The sums are of integers, exact."""
        local = timeline.local_hours(self.hours >> 1)
        # the hour's first second belongs to the day before when a day starts on that hour
        days = (local - (timeline.rollover_hour + 1) + (self.hours & 1)) // 24 - today
        keys, answers, durations_ms = _sums_by_key(days * _CODES + self.codes, self.answers, self.durations_ms)
        groups = AnswerGroups(*np.divmod(keys, _CODES), answers, durations_ms)
        # answers in filtered decks are left out of the hours (as in Anki)
        counted = self.codes // 8 % 4 != _FILTERED
        answers = self.answers[counted]
        correct = answers * (self.codes[counted] % 4 > 0)
        hours, answers, correct = _sums_by_key(local[counted] % 24, answers, correct)
        return Answers(groups, [HourOfDay(*hour) for hour in zip(hours.tolist(), answers.tolist(), correct.tolist())])


class AnswerChains(NamedTuple):
    """The answers and resets of cards (`StatsReader.answer_chains`), by card, oldest first, one
    array entry each."""

    cards: np.ndarray  # card ids
    decks: np.ndarray  # the deck of each card
    times: np.ndarray  # unix milliseconds
    days: np.ndarray  # local day numbers
    ratings: np.ndarray  # 0 for a reset
    # whether it is a learning answer (after answers of other kinds, Anki's FSRS starts a card's
    # history again there)
    learning: np.ndarray
    # the stability and difficulty it left when the log records both (an answer given in heatcards),
    # else NaN
    stabilities: np.ndarray
    difficulties: np.ndarray


# The earliest and latest due time of the queued cards (every state but new: learning, review,
# relearning), deck by deck: each deck found after the one before and each bound read from the queue's
# index (`cards_for_queue`, on deck_id, state, due), with no card row read.
_DUE_SPAN_SQL = """
    WITH RECURSIVE deck(id) AS (
        SELECT min(deck_id) FROM cards
        UNION ALL SELECT (SELECT min(deck_id) FROM cards WHERE deck_id > deck.id) FROM deck WHERE deck.id IS NOT NULL
    )
    SELECT min(earliest), max(latest) FROM (
        SELECT (SELECT min(due) FROM cards WHERE deck_id = deck.id AND state = queued.state) AS earliest,
            (SELECT max(due) FROM cards WHERE deck_id = deck.id AND state = queued.state) AS latest
        FROM deck, (SELECT 1 AS state UNION ALL SELECT 2 UNION ALL SELECT 3) queued WHERE deck.id IS NOT NULL
    )
"""


class StatsReader:
    """Reads the statistics' rows for the cards of one search (and their reviews).

    Use as a context manager: a search is run once, into a temporary table of card ids that the
    later reads join: the ids it selects, or, for a search of cards alone that selects most of
    them, the ids it leaves out (a search that selects every card is dropped: `every_card` then
    says so). The ids a reader of the same search selected (`selected_cards`) can be given as
    `selected` instead: the table is then filled with them, and the search is not run again."""

    def __init__(self, store: "Store", where_sql: str = "", params: Sequence = (), selected: np.ndarray | None = None):
        self.conn = store.db.conn
        self._where_sql = where_sql
        self._params = list(params)
        self._selected = selected
        self._temp_table = ""  # the temporary table of card ids the scope's reads join, if any
        self._cards = "cards c"  # the FROM clause of the scope's cards...
        self._card_order = "c.id"  # ...the id of the table that read goes through in turn...
        self._reviews = _ALL_REVIEWS  # ...and of their reviews
        self._reviews_by_card = False  # read card by card, through the index on (card_id, time)
        self.every_card = True  # whether the scope holds every card, once entered
        self.rerun_is_cheap = False  # whether another connection sets the same scope up in a few ms

    def __enter__(self) -> "StatsReader":
        if self._selected is not None:
            self._temp_table = self._new_temp_table(_SCOPE_TABLE)
            self.conn.execute(f"INSERT INTO temp.{_SCOPE_TABLE} (id) SELECT value FROM json_each(?)", (json.dumps(self._selected.tolist()),))
            self._join_selected(len(self._selected), self.conn.execute("SELECT count(*) FROM cards").fetchone()[0])
            return self
        if not self._where_sql:
            return self
        register_search_functions(self.conn)
        total = self.conn.execute("SELECT count(*) FROM cards").fetchone()[0]
        # the search's SQL names the notes table `n`; a search of cards alone (a deck) spares the join,
        # and costs so little that counting its cards first is cheaper than keeping them all
        reads_notes = _NOTE_COLUMN.search(self._where_sql) is not None
        if not reads_notes:
            selected = self._cards_selected()
            if selected == total:
                return self
            if selected >= total - selected:
                self._leave_out_unselected()
                return self
        source = "cards c JOIN notes n ON n.id = c.note_id" if reads_notes else "cards c"
        self._temp_table = self._new_temp_table(_SCOPE_TABLE)
        selected = self.conn.execute(
            f"INSERT INTO temp.{_SCOPE_TABLE} (id) SELECT c.id FROM {source} WHERE {self._where_sql}", self._params
        ).rowcount
        self._join_selected(selected, total)
        return self

    def _join_selected(self, selected: int, total: int) -> None:
        """Scope the reads by the table of the `selected` cards (of `total`), unless it holds every card."""
        if selected == total:
            return
        self.every_card = False
        # CROSS JOIN fixes which table drives the loop
        if selected < _FEW_CARDS_SHARE * total:
            self._cards = f"temp.{_SCOPE_TABLE} s CROSS JOIN cards c ON c.id = s.id"
            self._card_order = "s.id"
            self._reviews = f"temp.{_SCOPE_TABLE} s CROSS JOIN revlog r ON r.card_id = s.id"
            self._reviews_by_card = True
        else:
            self._cards = f"cards c CROSS JOIN temp.{_SCOPE_TABLE} s ON s.id = c.id"
            self._reviews = f"revlog r CROSS JOIN temp.{_SCOPE_TABLE} s ON s.id = r.card_id"

    def selected_cards(self) -> np.ndarray | None:
        """The ids of the scope's cards, ascending, where its search was run into a table of the
        cards it selects (which another reader of the scope can take as `selected`); None where
        it holds every card or left out a few (cheap to set up again)."""
        if self.every_card or self._temp_table != _SCOPE_TABLE:
            return None
        (ids,) = self.conn.execute(f"SELECT group_concat(id) FROM temp.{_SCOPE_TABLE}").fetchone()
        return joined_integers(ids)

    def _leave_out_unselected(self) -> None:
        """Scope the reads by the cards a search of cards alone leaves out, the fewer: a deck holding
        most cards keeps a handful of ids rather than copying all of its own (~70 ms per 100,000),
        and the reads keep their plans, each card or review checked against the few left out. Such
        a scope is cheap to set up again on another connection (`rerun_is_cheap`)."""
        self._temp_table = self._new_temp_table(_LEFT_OUT_TABLE)
        self.conn.execute(
            f"INSERT INTO temp.{_LEFT_OUT_TABLE} (id) SELECT c.id FROM cards c "
            f"WHERE CASE WHEN {self._where_sql} THEN 0 ELSE 1 END",
            self._params,
        )
        # the reviews' rowid orders those of a card answered twice in one millisecond
        self._cards = f"(SELECT * FROM cards WHERE id NOT IN temp.{_LEFT_OUT_TABLE}) c"
        self._reviews = f"(SELECT rowid AS rowid, * FROM revlog WHERE card_id NOT IN temp.{_LEFT_OUT_TABLE}) r"
        self.every_card = False
        self.rerun_is_cheap = True

    def _new_temp_table(self, name: str) -> str:
        self.conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
        self.conn.execute(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")
        return name

    def _cards_selected(self) -> int:
        """How many cards a search that reads no note selects."""
        return self.conn.execute(f"SELECT count(*) FROM cards c WHERE {self._where_sql}", self._params).fetchone()[0]

    def __exit__(self, *exc) -> None:
        if self._temp_table:
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{self._temp_table}")

    # --- spans ----------------------------------------------------------------------------------
    def review_span(self) -> tuple[int, int] | None:
        """(first, last) unix second of the scope's reviews, or of bounds of them (`first_review`,
        `last_review`), None without one."""
        first = self.first_review()
        return None if first is None else (first, self.last_review())

    def first_review(self) -> int | None:
        """The unix second of the scope's first review, None without one: the index by hour finds it
        (`_outermost_review_sql`). For a few cards, a bound: the whole log's first review (as much as
        the local timelines and all time's reads need; each card's first review would be sought, ~15
        ms for 10,000 cards)."""
        reviews = _ALL_REVIEWS if self._reviews_by_card else self._reviews
        return _seconds(self.conn.execute(_outermost_review_sql(reviews, last=False)).fetchone())

    def first_review_in_log(self) -> int | None:
        """The unix second of the whole log's first review (whatever the scope), None without one:
        a bound before every review of the scope, found in the index by hour."""
        return _seconds(self.conn.execute(_outermost_review_sql(_ALL_REVIEWS, last=False)).fetchone())

    def last_review(self) -> int | None:
        """The unix second of the scope's last review, None without one. For a few cards, a bound:
        the whole log's last review (as much as the local timelines need; each card's last review
        would cost as much as its first)."""
        reviews = _ALL_REVIEWS if self._reviews_by_card else self._reviews
        return _seconds(self.conn.execute(_outermost_review_sql(reviews, last=True)).fetchone())

    def due_span(self) -> tuple[int, int] | None:
        """(earliest, latest) due time of the cards in the queues of every deck, so from before to
        after the scope's, None without one: a few look-ups in the queue's index on (deck_id, state,
        due) for each deck, where the scope's own span would cost a pass over its cards (~8 ms at
        100,000)."""
        row = self.conn.execute(_DUE_SPAN_SQL).fetchone()
        return None if row[0] is None else (row[0], row[1])

    # --- cards ----------------------------------------------------------------------------------
    def card_states(self, now: int) -> CardStates:
        """The cards by state, and the review and relearning cards by interval."""
        keys = self.conn.execute(f"SELECT group_concat({_STATE_KEY}) FROM {self._cards}", {"now": now}).fetchone()[0]
        return _card_states(_tally(keys))

    def card_panels(
        self, due_timeline: LocalTimeline, added_timeline: LocalTimeline, today: int, now: int, added_since: int, states: CardStates | None = None
    ) -> CardPanels:
        """Card states (unless known: `states`, as `card_states` counts them at `now`), due days and
        added days in one pass over the cards (and their notes, for the day each was added, counted
        from `added_since`, unix seconds).

        Each panel's key is computed per card and handed back as one text (`group_concat`), counted
        by `_tally` (numpy): SQLite would sort every card once per GROUP BY, and the keys have few
        distinct values."""
        state_key, due_key, load, added_key = _card_panel_values(due_timeline, added_timeline, states)
        row = self.conn.execute(
            f"SELECT group_concat({state_key}), group_concat({due_key}), total({load}), group_concat({added_key}) "
            f"FROM {self._cards} JOIN notes n ON n.id = c.note_id",
            {"today": today, "now": now, "added_since": added_since},
        ).fetchone()
        return _card_panels_of(row, states)

    def memory_histograms(self, bins: int, now: int) -> MemoryHistograms:
        """The cards with a memory state by whole days of stability and by the bin (of `bins` equal
        steps from 0 to 1: bin k from k/bins up to (k+1)/bins) of their difficulty (0-1, as `prop:d`)
        and of their retrievability now, with the sums: one pass over the cards for three panels,
        its keys counted by numpy as in `card_panels`.

        Retrievability is `prop:r`'s (`search_sql._hc_retrievability`, i.e. `scheduling.retrievability`:
        each preset's decay, the same operations in the same order), computed here by SQLite's own
        `pow`; a value's bin is the number of edges k/bins it reaches, as the searches compare
        (`_share_bin_sql`)."""
        found = self._retrievability_sql(now)
        if found is None:  # no deck, so no card
            return MemoryHistograms({}, 0.0, (0,) * bins, 0.0, (0,) * bins, 0.0)
        retrievability, params = found
        stability, difficulty, retrievability = _memory_values(retrievability)
        # each card's values come from a subquery SQLite runs beside the aggregate rather than flattening
        # into it (a subquery with a LIMIT is not flattened into an aggregate), so that retrievability
        # (a `pow`) and difficulty are computed once per card, not once per use
        row = self.conn.execute(
            f"SELECT group_concat({_memory_key(bins)}), total(s), total(d), total(r) FROM ("
            f"SELECT {stability} AS s, {difficulty} AS d, {retrievability} AS r FROM {self._cards} WHERE c.stability IS NOT NULL LIMIT -1)",
            params,
        ).fetchone()
        return _memory_histograms_of(row, bins)

    def card_panels_and_memory_histograms(
        self, due_timeline: LocalTimeline, added_timeline: LocalTimeline, today: int, now: int, added_since: int,
        states: CardStates | None, bins: int,
    ) -> tuple[CardPanels, MemoryHistograms]:
        """`card_panels` and `memory_histograms` in one pass over the cards, for a scope read on one
        connection: ~3 ms (~10 %) less for 10,000 cards. (Read apart, in two threads, each pass keeps
        its own statement: written as this one, which computes every card's values in a subquery and
        tests each card's stability where the memory states' pass skips the cards without one, the
        card panels of every card took ~15 % longer, and their memory states 10-20 %.)"""
        found = self._retrievability_sql(now)
        if found is None:  # no deck, so no card
            return self.card_panels(due_timeline, added_timeline, today, now, added_since, states), self.memory_histograms(bins, now)
        retrievability, params = found
        state_key, due_key, load, added_key = _card_panel_values(due_timeline, added_timeline, states)
        stability, difficulty, retrievability = _memory_values(retrievability)
        # the memory states of the cards with a stability, as `memory_histograms` counts them: the others'
        # values are NULL, which `total` leaves out (the sums add the same values in the same order)
        row = self.conn.execute(
            "SELECT group_concat(state_key), group_concat(due_key), total(load), group_concat(added_key), "
            f"group_concat(CASE WHEN s IS NOT NULL THEN {_memory_key(bins)} END), total(s), total(d), total(r) FROM ("
            f"SELECT {state_key} AS state_key, {due_key} AS due_key, {load} AS load, {added_key} AS added_key, "
            f"{stability} AS s, CASE WHEN c.stability IS NOT NULL THEN {difficulty} END AS d, {retrievability} AS r "
            f"FROM {self._cards} JOIN notes n ON n.id = c.note_id LIMIT -1)",
            {"today": today, "now": now, "added_since": added_since, **params},
        ).fetchone()
        return _card_panels_of(row[:4], states), _memory_histograms_of(row[4:], bins)

    def _retrievability_sql(self, now: int) -> tuple[str, dict] | None:
        """SQL for a card's retrievability at `now` (unix seconds), defined where it has a stability
        above 0 and a last review, with its parameters; None without a deck. Each deck has its
        preset's decay; the largest set of decks sharing one is the default, so the usual collection
        (one decay) tests nothing per card."""
        _ensure_pow(self.conn)
        decks_by_decay: dict[float, list[int]] = {}
        for deck_id, parameters in self.conn.execute("SELECT dk.id, p.parameters FROM decks dk JOIN presets p ON p.id = dk.preset_id"):
            decks_by_decay.setdefault(preset_decay(parameters), []).append(int(deck_id))
        if not decks_by_decay:
            return None
        *others, (usual, _) = sorted(decks_by_decay.items(), key=lambda item: len(item[1]))
        params: dict = {"now": now, "factor": 0.9 ** (-1 / usual) - 1, "exponent": -usual}
        factor, exponent = ":factor", ":exponent"
        for index, (decay, deck_ids) in enumerate(others):
            params[f"factor{index}"], params[f"exponent{index}"] = 0.9 ** (-1 / decay) - 1, -decay
            decks = f"c.deck_id IN ({', '.join(str(deck_id) for deck_id in deck_ids)})"
            factor = f"CASE WHEN {decks} THEN :factor{index} ELSE {factor} END"
            exponent = f"CASE WHEN {decks} THEN :exponent{index} ELSE {exponent} END"
        elapsed = "max(0.0, (:now - c.last_review) / 86400.0)"
        return f"pow(1 + {factor} * {elapsed} / c.stability, {exponent})", params

    # --- reviews --------------------------------------------------------------------------------
    def answers(self, timeline: LocalTimeline, first_day: int, today: int, since: int, until: int | None = None) -> Answers:
        """The answers since `since` (unix seconds, the start of local day `first_day`), and before
        `until` (the start of a later local day) when given, grouped."""
        if timeline.utc_hours_fit(since, until):
            return self._answers_by_utc_hour(timeline, today, since, until, today_alone=first_day == today and until is None)
        return self._answers_by_local_time(timeline, first_day, today, since, until)

    def _answers_by_local_time(self, timeline: LocalTimeline, first_day: int, today: int, since: int, until: int | None) -> Answers:
        """`answers` with each review's local day and hour computed in SQL (two passes, each sorting)."""
        window, params = review_time_range(since * 1000, None if until is None else until * 1000)
        # one integer key: day, then the answer's code
        key = f"({timeline.day_sql('r.time / 1000')} - :first_day) * {_CODES} + r.stats_code"
        rows = self.conn.execute(
            f"SELECT {key} AS k, count(*), total(r.duration_ms) FROM {self._reviews} WHERE {window} AND {_ANSWER} GROUP BY k",
            {"first_day": first_day, **params},
        ).fetchall()
        # the durations' totals (floats, as `total` gives them) cut to whole milliseconds
        keys, answers, durations_ms = np.array(rows, dtype=np.int64).reshape(-1, 3).T
        days, codes = np.divmod(keys, _CODES)
        groups = AnswerGroups(first_day + days - today, codes, answers, durations_ms)
        # answers in filtered decks are left out of the hours (as in Anki)
        rows = self.conn.execute(
            f"SELECT {timeline.hour_sql('r.time / 1000')} AS hour, count(*), total(r.stats_code % 4 > 0) FROM {self._reviews} "
            f"WHERE {window} AND r.stats_code / 8 % 4 != {_FILTERED} GROUP BY hour",
            params,
        )
        return Answers(groups, [HourOfDay(hour, n, int(correct)) for hour, n, correct in rows])

    def _answers_by_utc_hour(self, timeline: LocalTimeline, today: int, since: int, until: int | None, today_alone: bool = False) -> Answers:
        """`answers` counted by UTC hour and code, then grouped by local day and by local hour
        (`HourlyAnswers.grouped`)."""
        condition = "r.stats_hour >= :since AND r.stats_hour < :until"
        params = {"since": review_hour(since * 1000), "until": _NO_END if until is None else review_hour(until * 1000)}
        if self._reviews_by_card and today_alone:
            # a day's entries (`_REVIEWS_BY_HOUR`), where the scope's cards would each be sought (~14 ms for 10,000 cards)
            hourly = self._hourly_answers(_REVIEWS_BY_HOUR, f"{condition} AND {_IN_SCOPE_TABLE}", params)
        elif self._reviews_by_card:
            # `since` is on the hour or one second after, so `r.time >= :since_ms` selects the same
            # reviews: it makes each card's reviews a shorter range of the index
            hourly = self._hourly_answers_by_card(f"r.time >= :since_ms AND {condition}", {**params, "since_ms": since * 1000})
        else:
            hourly = self._hourly_answers(self._reviews, condition, params)
        return hourly.grouped(timeline, today)

    def hourly_answers(self, since: int | None = None, until: int | None = None) -> HourlyAnswers:
        """The answers of the whole log from `since` and before `until` (unix seconds, each on the
        hour or one second after; None: no bound), read from the index by hour alone."""
        params = {
            "since": -_NO_END if since is None else review_hour(since * 1000),
            "until": _NO_END if until is None else review_hour(until * 1000),
        }
        return self._hourly_answers(_ALL_REVIEWS, "r.stats_hour >= :since AND r.stats_hour < :until", params)

    def hourly_answers_entered_after(self, entry: int) -> HourlyAnswers:
        """The answers of the whole log's entries after `entry` (a rowid), whatever their time."""
        return self._hourly_answers(_ALL_REVIEWS, "r.rowid > :entry", {"entry": entry})

    def _hourly_answers_by_card(self, condition: str, params: dict) -> HourlyAnswers:
        """`_hourly_answers` of the scope's reviews read card by card, counted in numpy: they come in
        the order of their cards, so a GROUP BY would have SQLite sort them all (~55 ms of ~100 for
        the 80,000 of a tenth of the synthetic cards), where numpy's sort of one integer key each
        takes a few. The key is `_CODES` times the hour plus the code, so the keys' order is the
        pairs' (`HourlyAnswers.summed` reads them back the same way)."""
        keys, durations_ms = self.conn.execute(
            f"SELECT group_concat(r.stats_hour * {_CODES} + r.stats_code), group_concat(CAST(r.duration_ms AS INTEGER)) "
            f"FROM {self._reviews} WHERE {condition} AND {_ANSWER}",
            params,
        ).fetchone()
        keys = joined_integers(keys)
        keys, answers, durations_ms = _sums_by_key(keys, np.ones(len(keys), dtype=np.int64), joined_integers(durations_ms))
        hours, codes = np.divmod(keys, _CODES)
        return HourlyAnswers(hours, codes, answers, durations_ms)

    def _hourly_answers(self, reviews: str, condition: str, params: dict) -> HourlyAnswers:
        """The answers of `reviews` (a FROM clause naming the log `r`) meeting `condition`, counted by
        UTC hour and code, handed over as one row (`joined_integers`)."""
        columns = self.conn.execute(
            "SELECT group_concat(stats_hour), group_concat(stats_code), group_concat(answers), group_concat(duration_ms) FROM ("
            "SELECT r.stats_hour, r.stats_code, count(*) AS answers, sum(CAST(r.duration_ms AS INTEGER)) AS duration_ms "
            f"FROM {reviews} WHERE {condition} AND {_ANSWER} GROUP BY r.stats_hour, r.stats_code ORDER BY r.stats_hour, r.stats_code)",
            params,
        ).fetchone()
        return HourlyAnswers(*map(joined_integers, columns))

    def answered_between(self, start: int, end: int) -> bool:
        """Whether a card of the scope was answered from `start` to before `end` (unix seconds, a day
        at most: for a few cards, the span's entries are read through the index by hour)."""
        window, params = review_time_range(start * 1000, end * 1000)
        reviews = self._reviews
        if self._reviews_by_card:
            # a day's entries (`_REVIEWS_BY_HOUR`): a tenth of the synthetic cards has an answer within
            # the first ten or so, where their cards were sought ~45 at a time, and all 10,000 on a day without
            reviews, window = _REVIEWS_BY_HOUR, f"{window} AND {_IN_SCOPE_TABLE}"
        row = self.conn.execute(f"SELECT 1 FROM {reviews} WHERE {window} AND {_ANSWER} LIMIT 1", params).fetchone()
        return row is not None

    def cards_answered_since(self, since_ms: int) -> np.ndarray:
        """The ids of the scope's cards answered at `since_ms` (unix milliseconds) or later, ascending."""
        window, params = review_time_range(since_ms)
        (ids,) = self.conn.execute(
            f"SELECT group_concat(card_id) FROM (SELECT DISTINCT r.card_id FROM {self._reviews} WHERE {window} AND {_ANSWER} ORDER BY r.card_id)",
            params,
        ).fetchone()
        return joined_integers(ids)

    def card_ids(self) -> np.ndarray:
        """The ids of the scope's cards, ascending."""
        (ids,) = self._card_columns("c.id")
        return ids

    def card_decks(self) -> tuple[np.ndarray, np.ndarray]:
        """The ids of the scope's cards, ascending, and the deck of each."""
        return self._card_columns("c.id", "c.deck_id")

    def _card_columns(self, *columns: str) -> tuple[np.ndarray, ...]:
        """The integer `columns` (SQL of `c`, the cards table) of the scope's cards, by id. The read
        goes through the cards table, or the scope's table of a few cards, in turn: SQLite hands them
        over in that order, its rowid's, and nothing is sorted when ordered by that table's id (by
        `c.id` where the scope's table leads, SQLite sorts them again); reading each card's id alone
        (its rowid) costs two thirds of reading it with its deck."""
        named = ", ".join(f"{column} AS k{number}" for number, column in enumerate(columns))
        joined = ", ".join(f"group_concat(k{number})" for number in range(len(columns)))
        row = self.conn.execute(f"SELECT {joined} FROM (SELECT {named} FROM {self._cards} ORDER BY {self._card_order})").fetchone()
        return tuple(map(joined_integers, row))

    def answer_chains(self, timeline: LocalTimeline, cards: np.ndarray | None = None) -> AnswerChains:
        """Answers and resets of every card of the scope, or of `cards` (ids of some of its cards),
        by card, oldest first.

        SQLite hands them over as one row: each column's values joined by commas (`joined_integers`
        splits them), in the order of the subquery that sorts them (an ORDER BY within
        `group_concat` needs SQLite 3.44), where a Python tuple per answer and a step over each cost
        ~2 µs. The answers come from the index on (card_id, time) alone: its answer code holds the
        rating and the kind. The memory states the log records are read apart, as numbers (SQLite's
        text for a REAL does not always give back the same number), in one pass over the log, and
        put on the answers by their rowids: looking up each answer's row for them, or joining a
        table of them to the sorted answers, costs several times as much. `cards` are read card by
        card, from a JSON list of their ids."""
        if cards is None:
            reviews, params = self._reviews, {}
        else:
            reviews, params = "json_each(:cards) s CROSS JOIN revlog r ON r.card_id = s.value", {"cards": json.dumps(cards.tolist())}
        cursor = self.conn.cursor()
        cursor.row_factory = None
        try:
            recorded = np.fromiter(
                cursor.execute(
                    f"SELECT r.rowid, r.stability, r.difficulty FROM {reviews} WHERE r.stability IS NOT NULL AND r.difficulty IS NOT NULL",
                    params,
                ),
                dtype=_RECORDED_STATE,
            )
            day = timeline.day_sql("r.time / 1000")
            columns = cursor.execute(
                "SELECT group_concat(card_id), group_concat(deck_id), group_concat(time), group_concat(day), "
                "group_concat(rating), group_concat(learning), group_concat(id) FROM ("
                # a reset has no answer code: rating 0, not learning
                f"SELECT r.card_id, c.deck_id, r.time, {day} AS day, coalesce(r.stats_code % 4 + 1, 0) AS rating, "
                f"coalesce(r.stats_code / 8 % 4 = {_LEARNING}, 0) AS learning, r.rowid AS id "
                f"FROM {reviews} JOIN cards c ON c.id = r.card_id "
                f"WHERE ({_ANSWER}) OR {_RESET} ORDER BY r.card_id, r.time, r.rowid)",
                params,
            ).fetchone()
        finally:
            cursor.close()  # a read left unfinished would lock the table
        cards, decks, times, days, ratings, learning, rowids = (joined_integers(column) for column in columns)
        stabilities, difficulties = _states_of(rowids, recorded)
        return AnswerChains(cards, decks, times, days, ratings, learning.astype(bool), stabilities, difficulties)


# A memory state the review log records, with the rowid of its entry.
_RECORDED_STATE = np.dtype([("rowid", np.int64), ("stability", np.float64), ("difficulty", np.float64)])


def _states_of(rowids: np.ndarray, recorded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The stability and the difficulty `recorded` (of `_RECORDED_STATE`) holds for each of `rowids`,
    NaN where it holds none."""
    stabilities, difficulties = np.full(len(rowids), np.nan), np.full(len(rowids), np.nan)
    if len(recorded):
        recorded = recorded[np.argsort(recorded["rowid"], kind="stable")]  # a scope read card by card is not in rowid order
        at = np.minimum(np.searchsorted(recorded["rowid"], rowids), len(recorded) - 1)
        found = recorded["rowid"][at] == rowids
        stabilities[found], difficulties[found] = recorded["stability"][at[found]], recorded["difficulty"][at[found]]
    return stabilities, difficulties


# A card's state key: its interval, state, whether it is suspended and whether it is buried at :now
# (whole numbers even where a damaged file holds a fraction: `_tally` reads integers).
_STATE_KEY = "CAST(c.interval AS INTEGER) * 16 + CAST(c.state AS INTEGER) * 4 + (c.suspended != 0) * 2 + (c.buried_until > :now)"


def _card_panel_values(due_timeline: LocalTimeline, added_timeline: LocalTimeline, states: CardStates | None) -> tuple[str, str, str, str]:
    """SQL for what the card panels count of a card `c` and its note `n` (parameters :today, :now,
    :added_since): its state key (`_STATE_KEY`; NULL when the `states` are known), its due key, its
    share of the daily load and its added key."""
    queued = "c.state != 0 AND c.suspended = 0"
    # the due day from today, doubled, plus one for a card not buried now (whole seconds even
    # where a damaged file holds a fraction: `_tally` reads integers)
    due_day = due_timeline.day_sql("CAST(c.due AS INTEGER)")
    due_key = f"CASE WHEN {queued} THEN ({due_day} - :today) * 2 + (c.buried_until <= :now) END"
    added_key = f"CASE WHEN n.created >= :added_since THEN {added_timeline.day_sql('CAST(n.created AS INTEGER)')} - :today END"
    load = f"CASE WHEN {queued} THEN 1.0 / max(c.interval, 1) END"
    return "NULL" if states is not None else _STATE_KEY, due_key, load, added_key


def _card_panels_of(row: tuple, states: CardStates | None) -> CardPanels:
    """The card panels from the aggregates of `_card_panel_values` (the states' counted unless `states`)."""
    state_keys, due_keys, daily_load, added_keys = row
    due_cards: dict[int, int] = {}
    for key, cards in _tally(due_keys).items():
        day, not_buried = divmod(key, 2)
        if day > 0 or not_buried:
            due_cards[day] = due_cards.get(day, 0) + cards
    counted = _card_states(_tally(state_keys)) if states is None else states
    return CardPanels(counted, due_cards, daily_load, _tally(added_keys))


def _memory_values(retrievability: str) -> tuple[str, str, str]:
    """SQL for a card's stability, difficulty (0-1) and retrievability (`retrievability`, where it has one)."""
    has_retrievability = "c.stability > 0 AND c.last_review IS NOT NULL"
    return "c.stability", "(c.difficulty - 1) / 9.0", f"CASE WHEN {has_retrievability} THEN {retrievability} END"


def _memory_key(bins: int) -> str:
    """SQL for one integer key of a card's memory state, from its values `s`, `d` and `r`: whole days of
    stability, then the difficulty bin, then the retrievability bin, in base `bins` + 1 (the digit
    `bins` for no value)."""
    base = bins + 1
    return f"(CAST(s AS INTEGER) * {base} + ifnull({_share_bin_sql('d', bins)}, {bins})) * {base} + ifnull({_share_bin_sql('r', bins)}, {bins})"


def _memory_histograms_of(row: tuple, bins: int) -> MemoryHistograms:
    """The memory histograms from the keys (`_memory_key`) and the sums of the values."""
    keys, stability_sum, difficulty_sum, retrievability_sum = row
    base = bins + 1
    rest, retrievability_index = np.divmod(joined_integers(keys), base)
    day, difficulty_index = np.divmod(rest, base)
    return MemoryHistograms(
        _counts(day),
        stability_sum,
        tuple(np.bincount(difficulty_index, minlength=base)[:bins].tolist()),
        difficulty_sum,
        tuple(np.bincount(retrievability_index, minlength=base)[:bins].tolist()),
        retrievability_sum,
    )


def _card_states(cards_by_key: dict[int, int]) -> CardStates:
    """The card states from the cards counted by `_STATE_KEY`."""
    counts = [0] * 7  # new, learning, relearning, young, mature, suspended, buried
    intervals: dict[int, int] = {}
    for key, cards in cards_by_key.items():
        interval, low = divmod(key, 16)
        state, suspended, buried = low // 4, low & 2, low & 1
        if state in (2, 3):
            intervals[interval] = intervals.get(interval, 0) + cards
        if suspended:
            counts[5] += cards
        elif buried:
            counts[6] += cards
        else:
            counts[(0, 1, 3 + (interval >= MATURE_DAYS), 2)[state]] += cards
    return CardStates(CardStateCounts(*counts), intervals)


def joined_integers(keys: str | None) -> np.ndarray:
    """The integers in `keys`, joined by commas (`group_concat`, which leaves NULLs out; None when
    every key was NULL): one C call, where splitting the text and counting the parts in Python
    would cost ~0.15 µs a key, and a GROUP BY would have SQLite sort every row."""
    return np.fromstring(keys or "", dtype=np.int64, sep=",")


def _sums_by_key(keys: np.ndarray, *values: np.ndarray) -> tuple[np.ndarray, ...]:
    """The distinct `keys` (integers, ascending) and, for each, the sum of each of `values` (integers,
    one per key) over its entries: integer sums, exact."""
    if not len(keys):
        return (keys, *values)
    # integer sums do not depend on the order of their terms, so the sort need not be stable:
    # numpy's default sort takes a third of the time of its stable one on 80,000 keys
    order = np.argsort(keys)
    keys = keys[order]
    firsts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    return (keys[firsts], *(np.add.reduceat(column[order], firsts) for column in values))


def _counts(values: np.ndarray) -> dict[int, int]:
    """How many times each integer occurs in `values`."""
    distinct, counts = np.unique(values, return_counts=True)
    return dict(zip(distinct.tolist(), counts.tolist()))


def _tally(keys: str | None) -> dict[int, int]:
    """How many times each integer occurs in `keys` (as `joined_integers` reads them)."""
    return _counts(joined_integers(keys))


def _outermost_review_sql(reviews: str, last: bool) -> str:
    """SQL for the time of the first (or the `last`) of the reviews in `reviews` (a FROM clause that
    names the log `r`): the index by hour finds the hour of that review at one end of its order
    (`stats_hour` never decreases as `time` grows), then the earliest (latest) time in that hour."""
    aggregate, order = ("max", " DESC") if last else ("min", "")
    return (
        f"SELECT {aggregate}(r.time) FROM {reviews} "
        f"WHERE r.stats_hour = (SELECT r.stats_hour FROM {reviews} ORDER BY r.stats_hour{order} LIMIT 1)"
    )


def _seconds(row: sqlite3.Row | tuple | None) -> int | None:
    """The unix second of a row holding one time in milliseconds; None for no row or no time."""
    return None if row is None or row[0] is None else row[0] // 1000


def _ensure_pow(conn: sqlite3.Connection) -> None:
    """SQLite's math functions are built into most of its builds; where `pow` is missing, C's (as
    Python's `math.pow`) stands in."""
    try:
        conn.execute("SELECT pow(2.0, 0.5)")
    except sqlite3.OperationalError:
        conn.create_function("pow", 2, math.pow, deterministic=True)


def _share_bin_sql(value: str, bins: int) -> str:
    """SQL for the bin of `value` among `bins` equal steps from 0 to 1: how many of the edges k/bins
    (k = 1 ... bins - 1, as the searches compare them) it reaches; NULL for a NULL value.

    A closed form evaluates `value` once (a chain of comparisons would evaluate it at each one):
    `value * multiplier / divisor` truncated to an integer, with the pair `_share_scale` proves exact."""
    multiplier, divisor = _share_scale(bins)
    return f"min(max(CAST({value} * {multiplier} / {divisor} AS INTEGER), 0), {bins - 1})"


@cache
def _share_scale(bins: int) -> tuple[int, int]:
    """(multiplier, divisor), the multiplier `bins` times the divisor, such that for every float x,
    floor(x * multiplier / divisor) computed in floating point reaches k exactly when x >= k / bins.

    x * 20 alone is not exact: the float just below 0.45 times 20 rounds up to 9. The rounded scaling
    never decreases as x grows, so the x whose scaled value reaches k are all those from some float
    on; that float is the edge itself when the edge reaches k and the float just below it does not,
    which is checked here for every edge."""

    def scaled(x: float, multiplier: int, divisor: int) -> int:
        return math.floor(x * multiplier / divisor)

    edges = [k / bins for k in range(1, bins)]
    for divisor in range(1, 64):
        multiplier = bins * divisor
        if all(
            scaled(edge, multiplier, divisor) >= k > scaled(math.nextafter(edge, 0.0), multiplier, divisor)
            for k, edge in enumerate(edges, start=1)
        ):
            return multiplier, divisor
    raise ValueError(f"no exact closed form for {bins} bins")
