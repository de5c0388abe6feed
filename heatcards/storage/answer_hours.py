"""The whole review log's answers by UTC hour (`stats_sql.HourlyAnswers`), kept in a SQLite file beside
the collection with the mark of the log they were counted at (`kept_file.LogMark`).

The log is only added to and deleted from, so while the entries up to the mark stand, the answers of
the whole log are those kept plus those of the entries after the mark: a year of the whole
collection then reads ~55,000 kept pairs and a few entries, not the ~800,000 entries of its hours in
the log's index. The pairs are kept as numpy bytes in one row (a column each): SQLite hands over one
row of 1.7 MB in about a millisecond, where 55,000 rows would take ~50.

The file is a kept file (`storage.kept_file`: not part of the collection, deleted and rebuilt when
damaged, every failure read as nothing kept and never an error for the user, written only by the
statistics, so answering a card costs nothing more).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .kept_file import KeptFile, LogMark, marked, prepare_file, stored_mark, transaction
from .stats_sql import HourlyAnswers

_FORMAT = "heatcards answers by hour 1"
_SUFFIX = "-answer-hours"
_SCHEMA = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
    -- at most one row: `HourlyAnswers`' columns as numpy bytes (int64), counted at the meta's mark
    CREATE TABLE answers (hours BLOB NOT NULL, codes BLOB NOT NULL, answers BLOB NOT NULL, durations_ms BLOB NOT NULL);
"""


def answer_hours_path(collection_path: Path) -> Path:
    """Where the answers by hour of the collection at `collection_path` are kept."""
    return collection_path.with_name(collection_path.name + _SUFFIX)


class KeptAnswers(NamedTuple):
    """The whole log's answers by hour as they were at `mark`."""

    mark: LogMark
    answers: HourlyAnswers


class KeptAnswerHours(KeptFile):
    """The file of the answers by hour of one collection, open (use as a context manager; it belongs
    to the thread that opened it)."""

    @classmethod
    def open(cls, path: Path) -> KeptAnswerHours | None:
        """The file at `path`, created if missing; None when none can be kept there (`KeptFile.connect`)."""
        conn = cls.connect(path, lambda conn: prepare_file(conn, _FORMAT, _SCHEMA, {"mark": None}))
        return None if conn is None else cls(path, conn)

    def read(self) -> KeptAnswers | None:
        """The answers kept and their mark; None when none are kept or the file cannot be read (a
        damaged one is deleted)."""
        if self._conn is None:
            return None
        try:
            (mark,) = self._conn.execute("SELECT value FROM meta WHERE key = 'mark'").fetchone()
            row = self._conn.execute("SELECT hours, codes, answers, durations_ms FROM answers").fetchone()
        except sqlite3.Error as error:
            self._give_up(error)
            return None
        if mark is None or row is None:
            return None
        if len({len(column) for column in row}) != 1 or len(row[0]) % 8:  # not columns of one length
            self._give_up(sqlite3.DatabaseError("damaged answers by hour"))
            return None
        return KeptAnswers(stored_mark(mark), HourlyAnswers(*(np.frombuffer(column, dtype=np.int64) for column in row)))

    def write(self, answers: HourlyAnswers, mark: LogMark) -> None:
        """Keep `answers`, the whole log's at `mark`, in place of those kept. A write that fails
        leaves the file as it was."""
        if self._conn is None:
            return
        try:
            with transaction(self._conn):
                self._conn.execute("DELETE FROM answers")
                self._conn.execute(
                    "INSERT INTO answers VALUES (?, ?, ?, ?)", [np.ascontiguousarray(column, dtype=np.int64).tobytes() for column in answers]
                )
                self._conn.execute("UPDATE meta SET value = ? WHERE key = 'mark'", (marked(mark),))
        except sqlite3.Error as error:
            self._give_up(error)
