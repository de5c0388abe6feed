"""Files the statistics keep beside the collection (SQLite), and the mark of the review log they keep.

A kept file holds what the statistics derived from the review log, with a mark of the log as it was
then (`LogMark`): the log is only added to and deleted from, never edited in place, so while the
entries up to the mark stand (`log_stands`), what was derived from them stands, and only the
entries after it are new.

Such a file is not part of the collection: backups and exports leave it out, it may be deleted at
any time (it is rebuilt), and a damaged or foreign file is deleted and rebuilt. Every failure to read
it reads as nothing kept, every failure to write it leaves it as it was: never an error for the user.
It is written only by the statistics, so answering a card costs nothing more.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, Self

# a write of a kept file waits this long for another process writing it, then gives up
_BUSY_TIMEOUT_SECONDS = 1.0


# --- the review log, as a kept file sees it -----------------------------------------------------------


class LogMark(NamedTuple):
    """The review log as a kept file last saw it."""

    rowid: int  # its last entry
    entry_id: str  # that entry's id: a uuid, so an entry written again in its place has another
    entries: int  # how many entries it held


def log_mark(conn: sqlite3.Connection) -> LogMark | None:
    """The mark of the log now (None while it is empty)."""
    row = conn.execute("SELECT rowid, id FROM revlog ORDER BY rowid DESC LIMIT 1").fetchone()
    if row is None:
        return None
    return LogMark(row[0], row[1], conn.execute("SELECT count(*) FROM revlog").fetchone()[0])


def log_stands(conn: sqlite3.Connection, held: LogMark, now: LogMark | None) -> bool:
    """Whether the entries up to `held` are those it saw (none was deleted); `now` is the log's mark
    at this moment (`log_mark`, in the same read transaction). A deleted entry's rowid is given
    again only to an entry written when no later one is left: then the held mark's own entry went,
    and its rowid holds another entry or none. Otherwise an entry up to the mark that went leaves
    the log with fewer entries than the mark's and those after it."""
    if now is None:
        return False
    entry = conn.execute("SELECT id FROM revlog WHERE rowid = ?", (held.rowid,)).fetchone()
    if entry is None or entry[0] != held.entry_id:
        return False
    (later,) = conn.execute("SELECT count(*) FROM revlog WHERE rowid > ?", (held.rowid,)).fetchone()
    return now.entries == held.entries + later


@contextmanager
def one_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """The reads within see `conn`'s database as one moment saw it (a read transaction): a mark of the
    log read with them stands for what they read."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


# --- the file --------------------------------------------------------------------------------------------


class KeptFile:
    """A kept file, open (use as a context manager; it belongs to the thread that opened it)."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self._conn: sqlite3.Connection | None = conn  # None once given up: reads nothing, writes nowhere

    @staticmethod
    def connect(path: Path, prepare: Callable[[sqlite3.Connection], None], page_size: int | None = None) -> sqlite3.Connection | None:
        """A connection to the file at `path`, created if missing and made ready by `prepare` (in a
        transaction; DatabaseError for a file that is not what it should be), deleted and made again
        when it is damaged or not such a file; None when no file can be kept there, or another
        process holds it longer than a second. A file made here has pages of `page_size` bytes (a
        power of two from 512 to 65536; None: SQLite's default)."""
        for _attempt in range(2):
            try:
                conn = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None)
            except sqlite3.Error:
                return None
            try:
                if page_size is not None:  # before WAL, which fixes the size of a new file's pages
                    conn.execute(f"PRAGMA page_size = {int(page_size)}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")  # a crash may lose the last write, never damage the file
                with transaction(conn):
                    prepare(conn)
                return conn
            except sqlite3.OperationalError as error:
                conn.close()
                if is_busy(error):
                    return None
                delete_kept_file(path)
            except sqlite3.DatabaseError:
                conn.close()
                delete_kept_file(path)
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        if self._conn is not None:
            self._conn.close()

    def _give_up(self, error: sqlite3.Error) -> None:
        """After a failed read or write: a file that another process holds is left to it; any other
        failure means the file is damaged, so it goes (the next statistics make it again)."""
        if not is_busy(error):
            self._conn.close()
            self._conn = None
            delete_kept_file(self.path)


def prepare_file(conn: sqlite3.Connection, file_format: str, schema: str, meta: Mapping[str, object]) -> dict:
    """Make `conn`'s file one of `file_format`: when it holds no table, create `schema` (which has a
    table `meta (key, value)`) with `meta` and the format in it. The meta the file holds;
    DatabaseError for a file of another format."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    if not tables:
        for statement in schema.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [("format", file_format), *meta.items()])
    stored = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if stored.get("format") != file_format:
        raise sqlite3.DatabaseError(f"not a {file_format}")
    return stored


def stored_mark(value: str | None) -> LogMark | None:
    """The mark a kept file holds as text (`marked`)."""
    return None if value is None else LogMark(*json.loads(value))


def marked(mark: LogMark | None) -> str | None:
    """`mark` as a kept file holds it."""
    return None if mark is None else json.dumps(mark)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def is_busy(error: sqlite3.Error) -> bool:
    # the primary code, in the low byte of an extended one (SQLITE_BUSY_SNAPSHOT...)
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def delete_kept_file(path: Path) -> None:
    """Delete the kept file at `path` with its WAL files (what cannot be deleted stays)."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            os.remove(name)
        except FileNotFoundError:
            pass
        except OSError:
            return
