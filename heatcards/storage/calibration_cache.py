"""What the statistics' calibration derived per card, kept in a SQLite file beside the collection.

Everything the calibration computes for an answer depends only on its card's history up to that
answer and on the parameters of the card's preset, so `heatcards.stats` keeps, per card, the numbers
it derived from all its answers (numpy records of its type; only their time is read here) with
what they were derived from: the key of the parameters they were derived with and a fingerprint of
the card's review-log entries. A later calibration derives again only the cards whose entries or
parameters changed.

A card is held with every answer it has, or from a day on (`held_since`): a period that found a card
of its scope without an answer in it holds the card with none from the period's first day, its
earlier answers not derived, so that a later period starting on or after that day needs neither to
derive the card nor to read which cards it answered (a read of the log's index over the period: a
card never answered, or answered only before the period, would otherwise be looked for at every
calibration until a period that scores it). Such a card has no fingerprint (nothing of its entries
was read): when the entries up to the mark are no longer as they were, it counts as changed.

Which cards' entries changed is told by a mark of the log as the cache last saw it (its last entry,
that entry's id and how many entries it held): when the entries up to the mark are as they were,
the cards with an entry after it are the changed ones (a few milliseconds); when one of them went
(an answer undone, a card deleted), each card's fingerprint (how many entries it has, its last
entry, the sums of their times and of their answer codes) is compared, read for the whole log in
one pass over the index on (card_id, time). Review-log entries are never edited in place, only
added and deleted; a deleted entry written again in its place with the same time, answer code and
card is the same entry as far as the calibration can tell, but for a reset and another manual
entry (neither has an answer code).

The cards' rows are the cache; a read takes them from a copy of them all, made at once, as numpy
bytes in one row (`snapshot`), and from their rows only for the cards written or dropped since that
copy (`changed`): SQLite hands a row over in ~1 µs and a number as text in ~0.1 µs, so the rows of
the 100,000 cards of a year took ~90 ms to read, the one row ~10. A write makes the copy again when
the cards changed since it are more than an eighth of those it holds.

The calibration weighs each answer by its place in time order, and sorting 600,000 answers by time
costs ~30 ms at each reading. So the copy keeps, beside its answers (one card's after another's),
each one's place in the time order of them all (`time_order`: equal times by card, then in the
card's order), sorted once when the copy is made: the answers of any part of the copy keep their
order among themselves, and those of a period, the latest, are at consecutive places.

The file is a kept file (`storage.kept_file`: not part of the collection, deleted and rebuilt when
damaged, every failure read as nothing cached and never an error for the user, written only by the
statistics, so answering a card costs nothing more).
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .kept_file import KeptFile, LogMark, log_stands, marked, one_snapshot, prepare_file, stored_mark, transaction
from .stats_sql import joined_integers

_FORMAT = "heatcards calibration cache 4"
_SUFFIX = "-calibration"
_SCHEMA = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
    CREATE TABLE cards (
        card_id INTEGER PRIMARY KEY,
        parameters INTEGER NOT NULL,  -- the key of the parameters its answers were derived with
        entries INTEGER NOT NULL,     -- its fingerprint: how many review-log entries it had,
        last_entry INTEGER NOT NULL,  -- the rowid of the last (0 for none)
        time_sum INTEGER NOT NULL,    -- the sum of their times
        code_sum INTEGER NOT NULL,    -- and of their answer codes
        held_since INTEGER NOT NULL,  -- the first local day whose answers it holds (WHOLE_HISTORY: every one)
        last_day INTEGER NOT NULL,    -- the local day of its last derived answer (-1 for none)
        answers BLOB NOT NULL
    );
    -- every card of `cards` at one moment, ascending, each column's values as numpy bytes (int64,
    -- and the answers one card's after another's, with each answer's place in their time order)
    CREATE TABLE snapshot (
        cards BLOB, parameters BLOB, held_since BLOB, last_days BLOB, answer_sizes BLOB, answers BLOB, time_places BLOB
    );
    CREATE TABLE changed (card_id INTEGER PRIMARY KEY);  -- the cards written or dropped since then
"""
_COPY_COLUMNS = ("cards", "parameters", "held_since", "last_days", "answer_sizes", "answers", "time_places")
# the `held_since` of a card held with every answer it has: before any day
WHOLE_HISTORY = int(np.iinfo(np.int64).min)
# the copy is made again when the cards changed since it are more than this share of those it holds
_CHANGED_SHARE = 1 / 8
# SQLite reads a value page by page: the copy's 15 MB of answers of a year of 100,000 cards are read
# in ~4 ms from pages of 64 KiB, ~7 ms from pages of 4 (writing fifty cards' rows takes ~2 ms more)
_PAGE_SIZE = 65536


def cache_path(collection_path: Path) -> Path:
    """Where the calibration cache of the collection at `collection_path` is kept."""
    return collection_path.with_name(collection_path.name + _SUFFIX)


# --- the review log, as the cache sees it ----------------------------------------------------------


class EntryFingerprints(NamedTuple):
    """Each card's review-log entries in a few numbers, one array entry per card (ascending)."""

    cards: np.ndarray
    entries: np.ndarray
    last_entries: np.ndarray  # rowids
    time_sums: np.ndarray
    code_sums: np.ndarray  # of their `stats_code`s, -1 where none has one


def cards_entered_after(conn: sqlite3.Connection, held: LogMark, now: LogMark | None) -> np.ndarray | None:
    """The cards with a review-log entry after `held` (ascending), or None when the entries up to
    it are no longer those it saw (`kept_file.log_stands`); `now` is the log's mark at this moment
    (`log_mark`, in the same read transaction)."""
    if not log_stands(conn, held, now):
        return None
    later = [row[0] for row in conn.execute("SELECT card_id FROM revlog WHERE rowid > ?", (held.rowid,))]
    return np.unique(np.array(later, dtype=np.int64))


def entry_fingerprints(conn: sqlite3.Connection, cards: np.ndarray | None = None) -> EntryFingerprints:
    """The fingerprints of `cards` (ids, ascending) or of every card with an entry; a card without
    an entry has none. Read from the index on (card_id, time) alone."""
    if cards is None:
        source, params = "revlog r", {}
    else:
        source, params = "json_each(:cards) s CROSS JOIN revlog r ON r.card_id = s.value", {"cards": json.dumps(cards.tolist())}
    columns = conn.execute(
        "SELECT group_concat(card_id), group_concat(entries), group_concat(last_entry), group_concat(time_sum), "
        "group_concat(code_sum) FROM ("
        f"SELECT r.card_id, count(*) AS entries, max(r.rowid) AS last_entry, sum(r.time) AS time_sum, "
        f"coalesce(sum(r.stats_code), -1) AS code_sum FROM {source} GROUP BY r.card_id ORDER BY r.card_id)",
        params,
    ).fetchone()
    return EntryFingerprints(*map(joined_integers, columns))


# --- the cache file ---------------------------------------------------------------------------------


class CachedCards(NamedTuple):
    """What the cache holds."""

    mark: LogMark | None  # None: nothing it holds can be trusted
    # the cards of the copy that did not change since it, and those read from their rows (no card in both)
    parts: tuple[HeldCards, ...]


class DerivedCards(NamedTuple):
    """Cards derived again, with every answer, to be kept: one array entry per card (ascending)."""

    cards: np.ndarray
    parameters: np.ndarray
    fingerprints: EntryFingerprints  # of these cards (a card without an entry has none)
    last_days: np.ndarray  # the local day of each card's last derived answer, or -1
    answers: list[bytes]


class UnansweredCards(NamedTuple):
    """Cards found without an answer from a local day on, to be kept with none from that day (their
    earlier answers not derived, their entries not fingerprinted): one array entry per card."""

    cards: np.ndarray
    parameters: np.ndarray
    since_day: int


class CalibrationCache(KeptFile):
    """The cache file of one collection, open (use as a context manager; it belongs to the thread
    that opened it)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, answer_type: np.dtype):
        super().__init__(path, conn)
        self._answer_type = answer_type

    @classmethod
    def open(cls, path: Path, derivation: str, answer_type: np.dtype) -> CalibrationCache | None:
        """The cache at `path`, created if missing, emptied when its answers were derived in another
        way than `derivation` says (another format of them, another calendar), deleted and made again
        when it is damaged or not a cache; None when no file can be kept there, or another process
        holds it longer than a second (`KeptFile.connect`). A card's answers are records of
        `answer_type` (numpy), each with its `time` (an integer)."""
        conn = cls.connect(path, lambda conn: _prepare(conn, derivation), _PAGE_SIZE)
        return None if conn is None else cls(path, conn, answer_type)

    def read(self) -> CachedCards:
        """Every card held, from the copy of the cards, but for those changed since, read from their
        rows. A cache that cannot be read holds nothing (and a damaged one is deleted)."""
        nothing = CachedCards(None, ())
        if self._conn is None:
            return nothing
        try:
            with one_snapshot(self._conn):
                mark = _stored_mark(self._conn)
                if mark is None:
                    return nothing
                copied = self._copied()
                (changed,) = self._conn.execute("SELECT group_concat(card_id) FROM changed").fetchone()
                rows = _held_rows(self._conn, "changed c CROSS JOIN cards k ON k.card_id = c.card_id", self._answer_type)
        except sqlite3.Error as error:
            self._give_up(error)
            return nothing
        copy = HeldCards.unpacked(copied, self._answer_type)
        if changed is None:  # every card is in the copy, as it is
            return CachedCards(mark, (copy,))
        return CachedCards(mark, (copy.of_cards(~np.isin(copy.cards, joined_integers(changed))), rows))

    def _copied(self) -> tuple[bytes, ...] | None:
        """The values of the copy's row (`snapshot`; None: there is none), each read as a BLOB
        (`blobopen`): a SELECT of them took three times as long (~35 ms against ~10 for the ~20 MB
        of a year of 100,000 cards)."""
        row = self._conn.execute("SELECT rowid FROM snapshot").fetchone()
        if row is None:
            return None
        values = []
        for column in _COPY_COLUMNS:
            with self._conn.blobopen("snapshot", column, row[0], readonly=True) as value:
                values.append(value.read())
        return tuple(values)

    def fingerprints(self) -> EntryFingerprints:
        """The fingerprints the cards held were derived from (none when the cache cannot be read)."""
        if self._conn is None:
            return EntryFingerprints(*(np.empty(0, dtype=np.int64),) * len(EntryFingerprints._fields))
        try:
            columns = self._conn.execute(
                "SELECT group_concat(card_id), group_concat(entries), group_concat(last_entry), group_concat(time_sum), "
                "group_concat(code_sum) FROM cards WHERE entries > 0"
            ).fetchone()
        except sqlite3.Error as error:
            self._give_up(error)
            columns = (None,) * len(EntryFingerprints._fields)
        return EntryFingerprints(*map(joined_integers, columns))

    def write(
        self, derived: DerivedCards, dropped: np.ndarray | None, mark: LogMark | None, unanswered: UnansweredCards | None = None
    ) -> None:
        """Keep `derived` and `unanswered`, forget the cards `dropped` (changed since the cache's
        mark, not kept again; None: every card it held, for a cache read without a mark), and
        remember `mark` (None: the log is empty) as what the cache now stands for. A write that fails
        leaves the cache as it was."""
        if self._conn is None:
            return
        fingerprints = derived.fingerprints
        entered = np.isin(derived.cards, fingerprints.cards)  # a card without an entry has no fingerprint
        at = np.searchsorted(fingerprints.cards, derived.cards[entered])

        def fingerprint(values: np.ndarray) -> list[int]:
            of_cards = np.zeros(len(derived.cards), dtype=np.int64)
            of_cards[entered] = values[at]
            return of_cards.tolist()

        rows = zip(
            derived.cards.tolist(),
            derived.parameters.tolist(),
            fingerprint(fingerprints.entries),
            fingerprint(fingerprints.last_entries),
            fingerprint(fingerprints.time_sums),
            fingerprint(fingerprints.code_sums),
            [WHOLE_HISTORY] * len(derived.cards),
            derived.last_days.tolist(),
            derived.answers,
        )
        try:
            with transaction(self._conn):
                if dropped is None:
                    _empty(self._conn)
                else:
                    self._conn.executemany("DELETE FROM cards WHERE card_id = ?", ((card,) for card in dropped.tolist()))
                    self._conn.executemany("INSERT OR IGNORE INTO changed VALUES (?)", ((card,) for card in dropped.tolist()))
                self._conn.executemany("INSERT OR REPLACE INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                self._conn.executemany("INSERT OR IGNORE INTO changed VALUES (?)", ((card,) for card in derived.cards.tolist()))
                if unanswered is not None:
                    self._keep_unanswered(unanswered)
                self._conn.execute("INSERT OR REPLACE INTO meta VALUES ('mark', ?)", (marked(mark),))
                (changed,) = self._conn.execute("SELECT count(*) FROM changed").fetchone()
                copied = self._conn.execute("SELECT length(cards) / 8 FROM snapshot").fetchone()
                if changed > _CHANGED_SHARE * (copied[0] if copied else 0):
                    self._copy_the_cards()
        except sqlite3.Error as error:
            self._give_up(error)

    def _keep_unanswered(self, unanswered: UnansweredCards) -> None:
        """Write the rows of `unanswered`, one statement for the cards of each parameters' key: they
        differ in nothing else, and a period may find tens of thousands (bound row by row from
        Python, the 67,422 of a first month of 100,000 cards added 0.4-0.6 s to its write)."""
        for key in np.unique(unanswered.parameters).tolist():
            cards = json.dumps(unanswered.cards[unanswered.parameters == key].tolist())
            self._conn.execute(
                "INSERT OR REPLACE INTO cards SELECT value, ?, 0, 0, 0, 0, ?, -1, x'' FROM json_each(?)", (key, unanswered.since_day, cards)
            )
            self._conn.execute("INSERT OR IGNORE INTO changed SELECT value FROM json_each(?)", (cards,))

    def _copy_the_cards(self) -> None:
        """Make the copy of every card held again (`snapshot`), with its answers' places in time
        order: none has changed since."""
        held = _held_rows(self._conn, "cards k", self._answer_type)
        places = np.empty(len(held.answers), dtype=np.int64)
        places[time_order(held.answers["time"])] = np.arange(len(held.answers))
        self._conn.execute("DELETE FROM snapshot")
        self._conn.execute("INSERT INTO snapshot VALUES (?, ?, ?, ?, ?, ?, ?)", held._replace(time_places=places).packed())
        self._conn.execute("DELETE FROM changed")


def time_order(times: np.ndarray) -> np.ndarray:
    """The places of `times` (integers) from the earliest on, equal times in the order they come:
    `np.argsort(times, kind="stable")`, sorted 16 bits at a time from the lowest (a radix sort).
    numpy sorts 16-bit integers stably by counting, in linear time: the three passes a year of
    milliseconds takes (35 bits above the earliest) cost a third to a half of a stable argsort of
    the times themselves, a sort by comparisons. Each pass keeps the order of the one before among
    equal digits, so the last leaves equal times in their first order."""
    if not len(times):
        return np.empty(0, dtype=np.intp)
    since_earliest = (times - times.min()).view(np.uint64)  # the true difference, even past 2⁶³
    order = np.argsort(since_earliest.astype(np.uint16), kind="stable")
    for shift in range(16, int(since_earliest.max()).bit_length(), 16):
        order = order[np.argsort((since_earliest[order] >> np.uint64(shift)).astype(np.uint16), kind="stable")]
    return order


class HeldCards(NamedTuple):
    """Cards held (ascending), each with its parameters' key, the first local day whose answers it
    holds (`WHOLE_HISTORY`: every one), the local day of its last derived answer (or -1) and how
    many answers it has; and those answers (records of the cache's answer type), one card's after
    another's, with each one's place in the time order of the copy's answers (-1 for answers read
    from their rows)."""

    cards: np.ndarray
    parameters: np.ndarray
    held_since: np.ndarray
    last_days: np.ndarray
    answer_counts: np.ndarray
    answers: np.ndarray
    time_places: np.ndarray

    @classmethod
    def unpacked(cls, copied: tuple | None, answer_type: np.dtype) -> HeldCards:
        """The cards of the copy (`snapshot`; None: there is none)."""
        if copied is None:
            return cls(*(np.empty(0, dtype=np.int64),) * 5, np.empty(0, dtype=answer_type), np.empty(0, dtype=np.int64))
        cards, parameters, held_since, last_days, answer_sizes, answers, time_places = copied
        return cls(
            *(np.frombuffer(column, dtype=np.int64) for column in (cards, parameters, held_since, last_days)),
            np.frombuffer(answer_sizes, dtype=np.int64) // answer_type.itemsize,
            np.frombuffer(answers, dtype=answer_type),
            np.frombuffer(time_places, dtype=np.int64),
        )

    def packed(self) -> tuple:
        """The row of the copy (`snapshot`) holding these cards."""
        answer_sizes = self.answer_counts * self.answers.dtype.itemsize
        columns = (self.cards, self.parameters, self.held_since, self.last_days, answer_sizes)
        integers = (np.ascontiguousarray(column, dtype=np.int64).tobytes() for column in columns)
        return (*integers, self.answers.tobytes(), self.time_places.tobytes())

    def of_cards(self, taken: np.ndarray) -> HeldCards:
        """The cards `taken` says (a mask), with their answers."""
        answers_taken = np.repeat(taken, self.answer_counts)
        return HeldCards(*(column[taken] for column in self[:5]), self.answers[answers_taken], self.time_places[answers_taken])


def _held_rows(conn: sqlite3.Connection, source: str, answer_type: np.dtype) -> HeldCards:
    """The cards of `source` (naming the cards table `k`) from their rows, ascending (their answers'
    places in time order unknown: -1)."""
    *columns, answers = conn.execute(
        "SELECT group_concat(card_id), group_concat(parameters), group_concat(held_since), group_concat(last_day), "
        "group_concat(length(answers)), CAST(group_concat(answers, '') AS BLOB) "
        f"FROM (SELECT k.card_id, k.parameters, k.held_since, k.last_day, k.answers FROM {source} ORDER BY k.card_id)"
    ).fetchone()
    cards, parameters, held_since, last_days, answer_sizes = map(joined_integers, columns)
    answers = np.frombuffer(answers or b"", dtype=answer_type)
    return HeldCards(
        cards, parameters, held_since, last_days, answer_sizes // answer_type.itemsize, answers, np.full(len(answers), -1, dtype=np.int64)
    )


def _empty(conn: sqlite3.Connection) -> None:
    """Forget every card."""
    for table in ("cards", "snapshot", "changed"):
        conn.execute(f"DELETE FROM {table}")


def _prepare(conn: sqlite3.Connection, derivation: str) -> None:
    """Make `conn`'s file a cache for `derivation`: create it, or empty it when it holds answers
    derived otherwise. DatabaseError for a file that is no cache."""
    stored = prepare_file(conn, _FORMAT, _SCHEMA, {"derivation": derivation, "mark": None})
    if stored.get("derivation") != derivation:
        _empty(conn)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'derivation'", (derivation,))
        conn.execute("UPDATE meta SET value = NULL WHERE key = 'mark'")


def _stored_mark(conn: sqlite3.Connection) -> LogMark | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'mark'").fetchone()
    return None if row is None else stored_mark(row[0])
