"""The only place with SQL: opening a collection file and reading/writing its rows."""
from __future__ import annotations

import fcntl
import functools
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import astuple, dataclass, fields as dataclass_fields
from operator import attrgetter
from pathlib import Path

from sqlite_utils import Database

from ..errors import CollectionInUseError, ConflictError, HeatcardsError, NotFoundError
from ..formats.exchange import ExchangeDocument
from ..model import (
    Card,
    CardState,
    CardTemplate,
    Deck,
    LeechAction,
    Note,
    NoteType,
    NoteTypeKind,
    Preset,
    ReviewKind,
    ReviewLogEntry,
    SourceLink,
)
from . import browse_sql
from .browse_sql import register_text_functions
from .faults import StorageError, raise_storage_error, storage_error
from .search_sql import register_search_functions
from .schema import migrate, review_time_range

FIELD_SEPARATOR = "\x1f"
_RETAKE_FILE_SECONDS = 10  # between tries to take the file back while another connection has it open
UNDO_STEPS_KEPT = 200  # at least; up to _UNDO_TRIMMED_EVERY more between trims
_UNDO_TRIMMED_EVERY = 50
# A config key present while answers' undo steps are held in memory (`Store.hold_undo`), committed
# with the first of them: found at open, it says the steps died with the process that held them.
_UNDO_HELD_KEY = "undo_steps_held_in_memory"

_CARD_COLUMNS = (
    "id, note_id, deck_id, ordinal, state, due, interval, stability, difficulty, "
    "remaining_steps, reps, lapses, last_review, suspended, buried_until, flag, modified"
)
_SCHEDULE_START = 4  # the columns from `state` on are what studying changes


def _card_update(first_column: int) -> str:
    """UPDATE of a card's columns from the `first_column`-th of `_CARD_COLUMNS` on, by id."""
    columns = _CARD_COLUMNS.split(", ")[first_column:]
    return f"UPDATE cards SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?"


_UPDATE_CARD = _card_update(1)
# An answer leaves the card's note, deck and template alone, and an UPDATE that does not name them
# leaves their index entries and reference checks alone too.
_UPDATE_SCHEDULE = _card_update(_SCHEDULE_START)
# The kinds of cards the study queue is made of (`Store.first_queued_card`), each in its order.
_QUEUE_PARTS = {
    "learning": "state IN (1, 3) AND due < {until} ORDER BY due, id",
    "review": "state = 2 AND due < {until} ORDER BY due",
    "new": "state = 0 ORDER BY due",
}
_NOTE_COLUMNS = (
    "id, guid, notetype_id, fields, tags, created, modified, document_id, span_start, span_end, paragraph"
)
_REVLOG_COLUMNS = (
    "id, card_id, time, rating, state_before, interval_before, interval_after, due_after, "
    "stability, difficulty, duration_ms, kind"
)
_INSERT_REVIEW = f"INSERT INTO revlog ({_REVLOG_COLUMNS}) VALUES ({','.join('?' * 12)})"
_PRESET_COLUMNS = tuple(f.name for f in dataclass_fields(Preset))


@dataclass(frozen=True)
class UndoStep:
    """What to put back to undo one operation."""

    label: str
    cards_before: tuple[Card, ...] = ()  # put back as they were (re-inserted when deleted)
    notes_before: tuple[Note, ...] = ()  # likewise; restored before the cards
    revlog_ids: tuple[str, ...] = ()  # review rows the step added
    reviews_before: tuple[ReviewLogEntry, ...] = ()  # review rows the step deleted
    decks_before: tuple[Deck, ...] = ()  # decks the step deleted
    notes_created: tuple[int, ...] = ()  # notes the step added, removed on undo
    cards_created: tuple[int, ...] = ()  # cards the step added, removed on undo


class FileShare:
    """Other connections may read the collection's file until `release()` (or the end of a `with`
    block), from any thread; see `Store.share_file`."""

    def __init__(self, on_release: Callable[[], None]):
        self._on_release: Callable[[], None] | None = on_release

    def release(self) -> None:
        """Idempotent: a second call does nothing."""
        on_release, self._on_release = self._on_release, None
        if on_release is not None:
            on_release()

    def __enter__(self) -> FileShare:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


class CollectionLock:
    """An exclusive advisory lock beside the collection file, naming its owner.

    The kernel releases it when the owning process dies, so a crash never
    leaves a stale lock behind.
    """

    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 32, 0).decode(errors="replace").strip()
            os.close(fd)
            raise CollectionInUseError(str(self.path.with_suffix("")), int(owner) if owner.isdigit() else None)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


# sqlite3 binds None (NULL) only after looking for a way to adapt it, through lookups that fail,
# which costs several times binding a number; a registered adapter is found first. Same NULL, and
# an import of a million reviews (two NULLs each) saves about a second.
sqlite3.register_adapter(type(None), lambda value: value)

# Enum members by stored value: a dict lookup is many times faster than calling the enum, which
# counts when a log of a million entries is read.
_CARD_STATES = {state.value: state for state in CardState}
_REVIEW_KINDS = {kind.value: kind for kind in ReviewKind}


# The records below are made from rows by passing the fields by position (cards through
# `Card.from_values`): half the time of keyword arguments, which reading a whole collection notices.
def _card_from_row(row: Sequence) -> Card:
    """A card from the `_CARD_COLUMNS` of a row, which are its fields in order."""
    values = list(row)
    values[4] = _CARD_STATES[values[4]]  # state
    values[13] = bool(values[13])  # suspended
    return Card.from_values(values)


# Rows from flat dataclasses: attrgetter is ~50x faster than dataclasses.astuple (which
# deep-copies every field). CardState is an IntEnum and bools are ints, so sqlite3 and
# json take them as they are; only the review log's ReviewKind needs its value, read as the
# member's `_value_` attribute (Enum's `value` property takes four times as long as the rest).
_card_to_row = attrgetter(*(f.name for f in dataclass_fields(Card)))
_revlog_to_row = attrgetter(*(f.name if f.name != "kind" else "kind._value_" for f in dataclass_fields(ReviewLogEntry)))


def _note_from_row(row: Sequence) -> Note:
    """A note from the `_NOTE_COLUMNS` of a row."""
    note_id, guid, notetype_id, fields, tags, created, modified, document_id, span_start, span_end, paragraph = row
    source = None
    if document_id is not None or span_start is not None or paragraph is not None:
        source = SourceLink(document_id, span_start, span_end, paragraph)
    return Note(note_id, guid, notetype_id, tuple(fields.split(FIELD_SEPARATOR)), tuple(tags.split()), created, modified, source)


_NO_SOURCE = SourceLink(None)


def _note_to_row(note: Note) -> tuple:
    source = note.source or _NO_SOURCE
    return (
        note.id,
        note.guid,
        note.notetype_id,
        FIELD_SEPARATOR.join(note.fields),
        f" {' '.join(note.tags)} " if note.tags else "",
        note.created,
        note.modified,
        source.document_id,
        source.start,
        source.end,
        source.paragraph,
    )


def _revlog_from_row(row: Sequence) -> ReviewLogEntry:
    """An entry from the `_REVLOG_COLUMNS` of a row, which are its fields in order."""
    (entry_id, card_id, time, rating, state_before, interval_before, interval_after, due_after, stability, difficulty,
     duration_ms, kind) = row
    return ReviewLogEntry(
        entry_id, card_id, time, rating, _CARD_STATES[state_before], interval_before, interval_after, due_after, stability, difficulty,
        duration_ms, _REVIEW_KINDS[kind],
    )


def _preset_from_row(row: sqlite3.Row) -> Preset:
    return Preset(
        id=row["id"],
        name=row["name"],
        desired_retention=row["desired_retention"],
        parameters=tuple(json.loads(row["parameters"])),
        learning_steps=tuple(json.loads(row["learning_steps"])),
        relearning_steps=tuple(json.loads(row["relearning_steps"])),
        maximum_interval=row["maximum_interval"],
        new_per_day=row["new_per_day"],
        reviews_per_day=row["reviews_per_day"],
        bury_new_siblings=bool(row["bury_new_siblings"]),
        bury_review_siblings=bool(row["bury_review_siblings"]),
        bury_interday_learning_siblings=bool(row["bury_interday_learning_siblings"]),
        leech_threshold=row["leech_threshold"],
        leech_action=LeechAction(row["leech_action"]),
    )


def _preset_to_record(preset: Preset) -> dict:
    record = {name: getattr(preset, name) for name in _PRESET_COLUMNS}
    for name in ("parameters", "learning_steps", "relearning_steps"):
        record[name] = json.dumps(list(record[name]))
    record["leech_action"] = preset.leech_action.value
    if record["id"] is None:
        del record["id"]
    return record


def _notetype_from_row(row: sqlite3.Row) -> NoteType:
    return NoteType(
        id=row["id"],
        name=row["name"],
        kind=NoteTypeKind(row["kind"]),
        fields=tuple(json.loads(row["fields"])),
        templates=tuple(CardTemplate(**t) for t in json.loads(row["templates"])),
        css=row["css"],
    )


def _in_clause(ids: Iterable[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _json_list(values: Iterable) -> str:
    """`values` as a JSON list; most undo steps leave most lists empty, and an answer should not
    pay the encoder for each of them."""
    items = list(values)
    return json.dumps(items) if items else "[]"


def _active(deck_ids: Sequence[int]) -> str:
    """Cards of these decks, neither suspended nor buried at `:now`."""
    return f"deck_id IN ({_in_clause(deck_ids)}) AND suspended = 0 AND buried_until <= :now"


@functools.lru_cache(maxsize=64)
def _queue_statement(deck_ids: tuple[int, ...], kinds: tuple[str, ...]) -> str:
    """`Store.first_queued_card`'s statement for these decks and parts (the `_QUEUE_PARTS` named
    by `kinds`, their bounds `:until0`, `:until1`...): the same few are asked for at every card."""
    active = _active(deck_ids)
    return " UNION ALL ".join(
        f"SELECT * FROM (SELECT {_CARD_COLUMNS} FROM cards WHERE {active} AND "
        f"{_QUEUE_PARTS[kind].format(until=f':until{position}')} LIMIT 1)"
        for position, kind in enumerate(kinds)
    )


class Store:
    """Rows of one collection file. Every write is a short transaction."""

    def __init__(
        self,
        path: Path | str,
        *,
        durable: bool = True,
        before_upgrade: Callable[[Store], None] | None = None,
        read_only: bool = False,
    ):
        """Open (or create) a collection file. `before_upgrade(store)` runs when an existing
        collection's schema is about to be upgraded (to back it up first).

        `read_only` opens a file that another store holds open a second time, to read it from
        another thread (a SQLite connection belongs to the thread that opened it; WAL lets it read
        while the other writes): it takes no lock and changes nothing, the schema included."""
        self.path = Path(path)
        self._lock: CollectionLock | None = None
        self._attached = 0  # files `attached` so far
        self._to_detach: list[str] = []  # their schemas left attached until a transaction ends
        # Answers' undo steps not yet in `undo_steps` (with their creation time), oldest first: the
        # last `UNDO_STEPS_KEPT` of them are kept (`hold_undo`). And whether older held steps were
        # dropped (the table's steps are then older still: unreachable).
        self._held_undo: list[tuple[UndoStep, int]] = []
        self._held_undo_dropped_older = False
        # The file's lock (`share_file`): whether this connection holds it, whether it should try to
        # take it at its first transaction from a moment on (monotonic), and how many shares are out.
        self._holds_file = False
        self._take_file_next = False
        self._take_file_from = 0.0
        self._shares = 0
        self._shares_lock = threading.Lock()
        if read_only and str(path) == ":memory:":
            raise HeatcardsError("an in-memory collection cannot be opened a second time (a new connection would see an empty database)")
        if str(path) != ":memory:" and not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._lock = CollectionLock(self.path)
                self._lock.acquire()
                if self.path.exists():  # a read-only file is refused now, not at the first answer
                    os.close(os.open(self.path, os.O_WRONLY))
            except OSError as error:
                self._release()
                fault = storage_error(error, self.path, "the collection was not opened")
                raise fault or HeatcardsError(f"cannot open collection {path}: {error.strerror or error}") from error
        try:
            self._connect(read_only, durable)
            if not read_only:
                migrate(self.db, (lambda: before_upgrade(self)) if before_upgrade else None)
                self._forget_undo_steps_of_a_lost_session()
                self._take_file_next = self._lock is not None  # the file is taken at the first transaction
        except sqlite3.DatabaseError as error:
            self._release()
            fault = storage_error(error, self.path, "the collection was not opened")
            raise fault or HeatcardsError(f"cannot open collection {path}: {error}") from error
        except BaseException:
            self._release()
            raise

    def _connect(self, read_only: bool, durable: bool) -> None:
        if read_only:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(str(self.path), isolation_level=None)
        conn.row_factory = sqlite3.Row
        self.db = Database(conn, execute_plugins=False)
        self._durable = durable
        c = self.db.conn
        register_text_functions(c)  # the notes triggers (full-text index, sort key) call them
        c.execute("PRAGMA foreign_keys = ON")
        if self._lock is not None:
            c.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit returns only once the WAL is on disk, so an answered
        # review survives a crash or power cut.
        c.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def close(self) -> None:
        """Close the file, writing the undo steps held in memory first. When they cannot be written
        (a full disk), they are lost, and the mark their first one left makes the next open forget
        the older steps too."""
        try:
            with suppress(StorageError):
                self._write_held_undo()
        finally:
            self._held_undo, self._held_undo_dropped_older = [], False
            try:
                self.db.conn.close()
            finally:
                self._release()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; a broken uniqueness or reference rule rolls back and raises ConflictError,
        a full, read-only, damaged or vanished disk a `faults.StorageError` (nothing was saved).
        Undo steps held in memory are rolled back with the rows (the list held is only ever
        appended to: the steps held before are its first ones)."""
        held = self._held_undo, len(self._held_undo), self._held_undo_dropped_older
        if self._take_file_next and not self.db.conn.in_transaction and time.monotonic() >= self._take_file_from:
            self._take_file()
        try:
            with self.db.atomic():
                yield
        except BaseException as error:
            steps, count, self._held_undo_dropped_older = held
            del steps[count:]
            self._held_undo = steps
            if isinstance(error, sqlite3.IntegrityError):
                raise ConflictError(str(error)) from error
            if isinstance(error, sqlite3.DatabaseError):
                raise_storage_error(error, self.path, "the change was not saved")
            raise
        finally:
            self._detach_after_transaction()

    def share_file(self) -> FileShare:
        """Let other connections read the file until the share is released. Call it in this
        store's thread; open the other connections after it and close them before the release.

        A store open for writing on a file keeps the file to itself (SQLite's exclusive locking
        mode, taken at the first transaction): its transactions then skip the WAL's shared-memory
        locks, about a tenth of an answer's time. Another connection cannot read the file meanwhile,
        not even open a read transaction, and this store cannot take the file back while another
        connection is open, idle or not. So a share hands the file back to SQLite's normal locking;
        once no share is out, the next transaction tries to take it again, without waiting: while
        another connection is still open (a reader not closed yet, another program reading the
        file), the locking stays normal and the first transaction `_RETAKE_FILE_SECONDS` later
        tries again."""
        with self._shares_lock:
            self._shares += 1
            self._take_file_next = False
        if self._holds_file:
            self.db.conn.execute("PRAGMA locking_mode = NORMAL")
            self.db.conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # the lock goes at the file's next access
            self._holds_file = False
        return FileShare(self._share_released)

    def _share_released(self) -> None:
        with self._shares_lock:
            self._shares -= 1
            self._take_file_next = self._shares == 0 and self._lock is not None
            self._take_file_from = 0.0

    def _take_file(self) -> None:
        """SQLite's exclusive locking mode, taken now by an empty write transaction. When another
        connection has the file open, the try fails at once and leaves on the file a lock that
        keeps new connections out (SQLite's PENDING lock, held until this connection closes): the
        connection is opened again, in normal locking, and the first transaction
        `_RETAKE_FILE_SECONDS` later tries again."""
        self._take_file_next = False
        conn = self.db.conn
        timeout_ms = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("COMMIT")
            self._holds_file = True
            conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        except sqlite3.OperationalError:
            conn.close()
            self._connect(read_only=False, durable=self._durable)
            self._take_file_next, self._take_file_from = True, time.monotonic() + _RETAKE_FILE_SECONDS

    @contextmanager
    def attached(self, file: Path) -> Iterator[str]:
        """Another SQLite file attached for the block under the schema name it yields, so one
        statement can copy rows between it and the collection (an import's or export's review
        log). SQLite cannot detach a file the open transaction has read: inside `transaction()`
        it stays attached until that ends."""
        self._detach_after_transaction()
        self._attached += 1
        name = f"heatcards_attached_{self._attached}"
        self.db.conn.execute(f"ATTACH DATABASE ? AS {name}", (str(file),))
        try:
            yield name
        finally:
            self._to_detach.append(name)
            self._detach_after_transaction()

    def _detach_after_transaction(self) -> None:
        if not self.db.conn.in_transaction:
            while self._to_detach:
                self.db.conn.execute("DETACH DATABASE " + self._to_detach.pop())

    def change_count(self) -> int:
        """Rows this connection has inserted, updated or deleted since it opened (SQLite's
        total_changes; a rolled-back change counts too). The same count twice: no row was written
        in between, the collection's lock keeping any other writer out."""
        return self.db.conn.total_changes

    def _one(self, sql: str, params: Sequence = ()) -> sqlite3.Row | None:
        return self.db.conn.execute(sql, params).fetchone()

    def _tuples(self, sql: str, params: Sequence = ()) -> sqlite3.Cursor:
        """The rows as plain tuples (without `sqlite3.Row`'s names), to read many of them quickly."""
        cursor = self.db.conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params)

    def _scalar(self, sql: str, params: Sequence = ()):
        row = self.db.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def integrity_check(self) -> str:
        return self._scalar("PRAGMA integrity_check")

    # --- config -----------------------------------------------------------
    def config(self, key: str, default=None):
        value = self._scalar("SELECT value FROM config WHERE key = ?", (key,))
        return default if value is None else json.loads(value)

    def set_config(self, key: str, value) -> None:
        self.db.conn.execute(
            "INSERT INTO config (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )

    def remove_config(self, key: str) -> None:
        """Forget a setting: `config(key, default)` gives the default again."""
        self.db.conn.execute("DELETE FROM config WHERE key = ?", (key,))

    # --- presets ----------------------------------------------------------
    def preset(self, preset_id: int) -> Preset:
        row = self._one("SELECT * FROM presets WHERE id = ?", (preset_id,))
        if row is None:
            raise NotFoundError(f"no deck options preset with id {preset_id}")
        return _preset_from_row(row)

    def presets(self) -> list[Preset]:
        return [_preset_from_row(r) for r in self.db.conn.execute("SELECT * FROM presets ORDER BY id")]

    def save_preset(self, preset: Preset) -> int:
        """Insert a new preset (id None) or replace an existing one; returns its id."""
        record = _preset_to_record(preset)
        columns = ", ".join(record)
        placeholders = ", ".join(f":{name}" for name in record)
        cursor = self.db.conn.execute(f"REPLACE INTO presets ({columns}) VALUES ({placeholders})", record)
        return preset.id if preset.id is not None else cursor.lastrowid

    # --- decks ------------------------------------------------------------
    def decks(self) -> list[Deck]:
        rows = self.db.conn.execute("SELECT id, name, preset_id, description FROM decks ORDER BY name")
        return [Deck(*r) for r in rows]

    def deck(self, deck_id: int) -> Deck:
        row = self._one("SELECT id, name, preset_id, description FROM decks WHERE id = ?", (deck_id,))
        if row is None:
            raise NotFoundError(f"no deck with id {deck_id}")
        return Deck(*row)

    def deck_by_name(self, name: str) -> Deck | None:
        row = self._one("SELECT id, name, preset_id, description FROM decks WHERE name = ?", (name,))
        return Deck(*row) if row else None

    def insert_deck(self, name: str, preset_id: int, description: str = "") -> int:
        cursor = self.db.conn.execute(
            "INSERT INTO decks (name, preset_id, description) VALUES (?, ?, ?)", (name, preset_id, description)
        )
        return cursor.lastrowid

    def delete_decks(self, deck_ids: Sequence[int]) -> None:
        self.db.conn.execute(f"DELETE FROM decks WHERE id IN ({_in_clause(deck_ids)})")

    def restore_decks(self, decks: Iterable[Deck]) -> None:
        self._upsert("decks", "id, name, preset_id, description", map(astuple, decks))

    def card_ids_in_decks(self, deck_ids: Sequence[int]) -> list[int]:
        rows = self.db.conn.execute(f"SELECT id FROM cards WHERE deck_id IN ({_in_clause(deck_ids)}) ORDER BY id")
        return [r[0] for r in rows]

    def delete_cards(self, card_ids: Sequence[int]) -> None:
        """Delete cards and their review log."""
        cards = _in_clause(card_ids)
        self.db.conn.execute(f"DELETE FROM revlog WHERE card_id IN ({cards})")
        self.db.conn.execute(f"DELETE FROM cards WHERE id IN ({cards})")

    def update_deck(self, deck: Deck) -> None:
        self.db.conn.execute(
            "UPDATE decks SET name = ?, preset_id = ?, description = ? WHERE id = ?",
            (deck.name, deck.preset_id, deck.description, deck.id),
        )

    # --- note types -------------------------------------------------------
    def notetypes(self) -> list[NoteType]:
        return [_notetype_from_row(r) for r in self.db.conn.execute("SELECT * FROM notetypes ORDER BY id")]

    def notetype(self, notetype_id: int) -> NoteType:
        row = self._one("SELECT * FROM notetypes WHERE id = ?", (notetype_id,))
        if row is None:
            raise NotFoundError(f"no note type with id {notetype_id}")
        return _notetype_from_row(row)

    def notetype_by_name(self, name: str) -> NoteType | None:
        row = self._one("SELECT * FROM notetypes WHERE name = ?", (name,))
        return _notetype_from_row(row) if row else None

    def insert_notetype(self, notetype: NoteType) -> int:
        cursor = self.db.conn.execute(
            "INSERT INTO notetypes (name, kind, fields, templates, css) VALUES (?, ?, ?, ?, ?)",
            (
                notetype.name,
                notetype.kind.value,
                json.dumps(list(notetype.fields)),
                json.dumps([t.__dict__ for t in notetype.templates]),
                notetype.css,
            ),
        )
        return cursor.lastrowid

    # --- documents --------------------------------------------------------
    def insert_document(
        self, title: str, file_name: str, sha256: str, text: str | None, paragraphs: list[tuple[int, int]], added: int
    ) -> int:
        cursor = self.db.conn.execute(
            "INSERT INTO documents (title, file_name, sha256, text, paragraphs, added) VALUES (?, ?, ?, ?, ?, ?)",
            (title, file_name, sha256, text, json.dumps(paragraphs), added),
        )
        return cursor.lastrowid

    def document_id_by_hash(self, sha256: str) -> int | None:
        return self._scalar("SELECT id FROM documents WHERE sha256 = ?", (sha256,))

    def documents(self, document_ids: Iterable[int]) -> list[ExchangeDocument]:
        """These documents with their text (None when not stored) and paragraph offsets."""
        rows = self.db.conn.execute(
            "SELECT id, title, file_name, sha256, text, paragraphs FROM documents "
            "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (json.dumps(list(document_ids)),),
        )
        return [
            ExchangeDocument(r[0], r[1], r[2], r[3], r[4], tuple(tuple(p) for p in json.loads(r[5]))) for r in rows
        ]

    def document_titles(self) -> dict[int, str]:
        return dict(self.db.conn.execute("SELECT id, title FROM documents").fetchall())

    def document_rows(self) -> list[tuple[int, str, str, int, str | None, int]]:
        """(id, title, file name, added, text or None, number of notes citing it) of every document, oldest first."""
        return self._tuples(
            "SELECT d.id, d.title, d.file_name, d.added, d.text, "
            "(SELECT count(*) FROM notes n WHERE n.document_id = d.id) FROM documents d ORDER BY d.added, d.id"
        ).fetchall()

    def store_document_text(self, document_id: int, text: str, paragraphs: list[tuple[int, int]]) -> None:
        """Give a document known by title only (from a deck file) its text."""
        self.db.conn.execute(
            "UPDATE documents SET text = ?, paragraphs = ? WHERE id = ?", (text, json.dumps(paragraphs), document_id)
        )

    def document_note_spans(self, document_id: int) -> list[tuple[int, int]]:
        """[start, end) of each note citing the document with a span, in text order."""
        rows = self._tuples(
            "SELECT span_start, span_end FROM notes WHERE document_id = ? AND span_start IS NOT NULL "
            "AND span_end IS NOT NULL ORDER BY span_start, span_end",
            (document_id,),
        )
        return rows.fetchall()

    def note_ids_citing(self, document_id: int) -> list[int]:
        return [r[0] for r in self._tuples("SELECT id FROM notes WHERE document_id = ? ORDER BY id", (document_id,))]

    def delete_document(self, document_id: int) -> None:
        """Delete a document; the notes citing it keep their span with no document (ON DELETE SET NULL)."""
        self.db.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    # --- notes ------------------------------------------------------------
    def insert_note(self, note: Note) -> None:
        self.db.conn.execute(f"INSERT INTO notes ({_NOTE_COLUMNS}) VALUES ({','.join('?' * 11)})", _note_to_row(note))

    def update_note(self, note: Note) -> None:
        self.update_notes((note,))

    def update_notes(self, notes: Iterable[Note]) -> None:
        """Write existing notes' current fields, tags and source."""
        self.db.conn.executemany(
            "UPDATE notes SET guid=?, notetype_id=?, fields=?, tags=?, created=?, modified=?, "
            "document_id=?, span_start=?, span_end=?, paragraph=? WHERE id=?",
            ((*row[1:], row[0]) for row in map(_note_to_row, notes)),
        )

    def note(self, note_id: int) -> Note:
        row = self._one(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?", (note_id,))
        if row is None:
            raise NotFoundError(f"no note with id {note_id}")
        return _note_from_row(row)

    def note_by_guid(self, guid: str) -> Note | None:
        row = self._one(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE guid = ?", (guid,))
        return _note_from_row(row) if row else None

    def existing_ids(self, table: str, ids: Iterable[int]) -> set[int]:
        """Which of `ids` a note or card (`table` "notes" or "cards") already has."""
        if table not in ("notes", "cards"):
            raise ValueError(table)
        rows = self.db.conn.execute(
            f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),)
        )
        return {r[0] for r in rows}

    def notes(self, note_ids: Iterable[int]) -> dict[int, Note]:
        rows = self._tuples(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id IN ({_in_clause(note_ids)})")
        return {r[0]: _note_from_row(r) for r in rows}

    def max_id(self, table: str) -> int:
        if table not in ("notes", "cards"):
            raise ValueError(table)
        return self._scalar(f"SELECT coalesce(max(id), 0) FROM {table}")

    # --- cards ------------------------------------------------------------
    def insert_card(self, card: Card) -> None:
        self.db.conn.execute(f"INSERT INTO cards ({_CARD_COLUMNS}) VALUES ({','.join('?' * 17)})", _card_to_row(card))

    def save_card(self, card: Card) -> None:
        """Write an existing card's current state."""
        row = _card_to_row(card)
        self.db.conn.execute(_UPDATE_CARD, (*row[1:], row[0]))

    def save_schedule(self, card: Card) -> None:
        """Write an existing card's scheduling (everything but its note, deck and template, which
        must be as stored): what an answer changes."""
        row = _card_to_row(card)
        self.db.conn.execute(_UPDATE_SCHEDULE, (*row[_SCHEDULE_START:], row[0]))

    def save_cards(self, cards: Iterable[Card]) -> None:
        """Write existing cards' current states (one prepared statement for all)."""
        self.db.conn.executemany(_UPDATE_CARD, ((*row[1:], row[0]) for row in map(_card_to_row, cards)))

    def card(self, card_id: int) -> Card:
        row = self._one(f"SELECT {_CARD_COLUMNS} FROM cards WHERE id = ?", (card_id,))
        if row is None:
            raise NotFoundError(f"no card with id {card_id}")
        return _card_from_row(row)

    def card_and_preset_id(self, card_id: int) -> tuple[Card, int]:
        """A card and its deck's preset id (what answering it needs), in one statement."""
        row = self._tuples(
            f"SELECT {_CARD_COLUMNS}, (SELECT preset_id FROM decks WHERE decks.id = cards.deck_id) FROM cards WHERE id = ?",
            (card_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no card with id {card_id}")
        return _card_from_row(row[:-1]), row[-1]

    def cards(self, card_ids: Sequence[int]) -> list[Card]:
        rows = self._tuples(f"SELECT {_CARD_COLUMNS} FROM cards WHERE id IN ({_in_clause(card_ids)})")
        by_id = {r[0]: _card_from_row(r) for r in rows}
        return [by_id[i] for i in card_ids if i in by_id]

    def cards_of_note(self, note_id: int) -> list[Card]:
        rows = self.db.conn.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE note_id = ? ORDER BY ordinal", (note_id,))
        return [_card_from_row(r) for r in rows]

    def max_new_position(self) -> int:
        return self._scalar("SELECT coalesce(max(due), 0) FROM cards WHERE state = 0")

    # --- queue ------------------------------------------------------------
    def first_queued_card(self, deck_ids: Sequence[int], now: int, parts: Sequence[tuple[str, int | None]]) -> Card | None:
        """The first card, not suspended or buried, of the first of `parts` that has one. A part is
        (kind, due before): "learning" ((re)learning cards due before it, soonest first), "review"
        (review cards due before it, soonest first) or "new" (new cards in their order; None).

        One statement: SQLite runs a UNION ALL's parts in turn and stops at the first row asked
        for, so the parts after the one that has a card are never read (each still costs a few
        microseconds to set up: keep `parts` short)."""
        params = {"now": now}
        for position, (_, until) in enumerate(parts):
            params[f"until{position}"] = until
        row = self._tuples(_queue_statement(tuple(deck_ids), tuple(kind for kind, _ in parts)), params).fetchone()
        return _card_from_row(row) if row is not None else None

    def earliest_learning_shown(self, deck_ids: Sequence[int]) -> int | None:
        """The earliest moment a (re)learning card of these decks that is not suspended is both due
        and unburied (the later of its due time and its burial's end); None without one."""
        return self._scalar(
            f"SELECT min(max(due, buried_until)) FROM cards "
            f"WHERE deck_id IN ({_in_clause(deck_ids)}) AND state IN (1, 3) AND suspended = 0"
        )

    def due_counts(
        self, deck_ids: Sequence[int], now: int, until: int, new_limit: int, review_limit: int
    ) -> tuple[int, int, int]:
        """(new up to `new_limit`, learning due before `until`, reviews due before `until` up to
        `review_limit`). Counting stops at the limits, so the cost does not grow with the deck."""
        active = _active(deck_ids)
        row = self._one(
            f"SELECT (SELECT count(*) FROM (SELECT 1 FROM cards WHERE {active} AND state = 0 LIMIT :new_limit)), "
            f"(SELECT count(*) FROM cards WHERE {active} AND state IN (1, 3) AND due < :until), "
            f"(SELECT count(*) FROM (SELECT 1 FROM cards WHERE {active} AND state = 2 AND due < :until LIMIT :review_limit))",
            {"now": now, "until": until, "new_limit": new_limit, "review_limit": review_limit},
        )
        return row[0], row[1], row[2]

    def due_counts_by_deck(self, now: int, until: int) -> dict[int, tuple[int, int, int]]:
        rows = self.db.conn.execute(
            "SELECT deck_id, sum(state = 0), sum(state IN (1, 3) AND due < :until), sum(state = 2 AND due < :until) "
            "FROM cards WHERE suspended = 0 AND buried_until <= :now GROUP BY deck_id",
            {"now": now, "until": until},
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def studied_since(self, deck_ids: Sequence[int], since_ms: int) -> tuple[int, int]:
        """(new cards introduced, review cards answered) since `since_ms` in these decks.

        Only answers that schedule count against the daily limits, as in Anki: not manual or
        rescheduled entries, nor reviews in a filtered deck that did not reschedule (cramming)."""
        since, params = review_time_range(since_ms)
        row = self._one(
            "SELECT coalesce(sum(r.state_before = 0), 0), coalesce(sum(r.state_before = 2), 0) "
            # CROSS JOIN keeps today's few reviews (by the index by hour) as the outer loop
            "FROM revlog r CROSS JOIN cards c ON c.id = r.card_id "
            f"WHERE {since} AND r.kind IN ('learn', 'review', 'relearn') AND c.deck_id IN ({_in_clause(deck_ids)})",
            params,
        )
        return row[0], row[1]

    def sibling_ids(self, card: Card) -> list[int]:
        return [r[0] for r in self.db.conn.execute("SELECT id FROM cards WHERE note_id = ? AND id != ?", (card.note_id, card.id))]

    # --- review log -------------------------------------------------------
    def insert_review(self, entry: ReviewLogEntry) -> None:
        self.db.conn.execute(_INSERT_REVIEW, _revlog_to_row(entry))

    def reviews_of_card(self, card_id: int) -> list[ReviewLogEntry]:
        rows = self.db.conn.execute(
            f"SELECT {_REVLOG_COLUMNS} FROM revlog WHERE card_id = ? ORDER BY time, rowid", (card_id,)
        )
        return [_revlog_from_row(r) for r in rows]

    def delete_reviews(self, review_ids: Sequence[str]) -> None:
        self.db.conn.executemany("DELETE FROM revlog WHERE id = ?", [(i,) for i in review_ids])

    def review_ids_present(self, review_ids: Iterable[str]) -> set[str]:
        """Which of these review ids the log holds (looked up in its primary key alone)."""
        rows = self._tuples(
            "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM revlog WHERE id = value)", (json.dumps(list(review_ids)),)
        )
        return {r[0] for r in rows}

    def review_count(self) -> int:
        return self._scalar("SELECT count(*) FROM revlog")

    # --- bulk loading (importers, benchmarks) --------------------------------
    # One prepared statement per table; call inside `transaction()` so a
    # whole load is one commit. Each accepts any iterable.
    def insert_notes(self, notes: Iterable[Note]) -> int:
        """Add notes with the sort keys, full-text entries and tag rows the notes triggers keep for
        single edits. The triggers are set aside meanwhile: they would write every note a second
        time, and the full-text index takes the notes in one statement instead (it writes out what
        it gathered at the end of each statement, and a segment per note costs several times the
        note itself). Each note's text is made once, in Python, and gives its sort key too; the
        statement takes the texts from a function that looks them up by note id."""
        rows, texts = [], {}
        for row in map(_note_to_row, notes):
            texts[row[0]], sort_key = browse_sql.note_text_and_sort_key(row[3])
            rows.append((*row, sort_key))
        if not rows:
            return 0
        conn = self.db.conn
        with self.db.atomic(), self._indexes_built_after("notes", len(rows)):
            triggers = self._schema_objects("trigger", "notes")
            for name, _ in triggers:
                conn.execute(f"DROP TRIGGER {name}")
            cursor = conn.executemany(f"INSERT INTO notes ({_NOTE_COLUMNS}, sort_key) VALUES ({','.join('?' * 12)})", rows)
            inserted_ids = json.dumps(list(texts))
            conn.create_function("hc_inserted_note_text", 1, texts.__getitem__)
            try:
                conn.execute(
                    "INSERT INTO notes_text (rowid, text) SELECT value, hc_inserted_note_text(value) FROM json_each(?)",
                    (inserted_ids,),
                )
            finally:
                conn.create_function("hc_inserted_note_text", 1, None)
            conn.execute(
                f"INSERT INTO note_tags (tag, note_id) {browse_sql.NOTE_TAG_ROWS} WHERE n.id IN (SELECT value FROM json_each(?))",
                (inserted_ids,),
            )
            for _, sql in triggers:
                conn.execute(sql)
        return cursor.rowcount

    def insert_cards(self, cards: Iterable[Card]) -> int:
        rows = list(map(_card_to_row, cards))
        with self.db.atomic(), self._indexes_built_after("cards", len(rows)):
            cursor = self.db.conn.executemany(f"INSERT INTO cards ({_CARD_COLUMNS}) VALUES ({','.join('?' * 17)})", rows)
        return cursor.rowcount

    def insert_reviews(self, entries: Iterable[ReviewLogEntry]) -> int:
        cursor = self.db.conn.executemany(
            f"INSERT INTO revlog ({_REVLOG_COLUMNS}) VALUES ({','.join('?' * 12)})", map(_revlog_to_row, entries)
        )
        return cursor.rowcount

    def insert_reviews_not_present(self, entries: Sequence[ReviewLogEntry]) -> int:
        """Insert the entries whose id the log does not hold yet; returns how many were new."""
        with self.db.atomic(), self._indexes_built_after("revlog", len(entries)):
            cursor = self.db.conn.executemany(
                f"INSERT INTO revlog ({_REVLOG_COLUMNS}) VALUES ({','.join('?' * 12)}) ON CONFLICT (id) DO NOTHING",
                map(_revlog_to_row, entries),
            )
        return cursor.rowcount

    @contextmanager
    def _indexes_built_after(self, table: str, incoming: int) -> Iterator[None]:
        """When more rows are about to arrive than `table` (notes, cards or revlog) holds, drop its
        secondary indexes and build them again afterwards: sorting once is cheaper than placing
        every row. Use inside a transaction (a failure then leaves the indexes as they were)."""
        if table not in ("notes", "cards", "revlog"):
            raise ValueError(table)
        if incoming <= self._scalar(f"SELECT count(*) FROM {table}"):
            yield
            return
        indexes = self._secondary_indexes(table)
        for name, _ in indexes:
            self.db.conn.execute(f"DROP INDEX {name}")
        yield
        for _, sql in indexes:
            self.db.conn.execute(sql)

    def _secondary_indexes(self, table: str) -> list[tuple[str, str]]:
        """(name, CREATE statement) of the indexes the schema made on `table`."""
        return self._schema_objects("index", table)

    def _schema_objects(self, kind: str, table: str) -> list[tuple[str, str]]:
        """(name, CREATE statement) of the indexes or triggers (`kind`) the schema made on `table`."""
        rows = self.db.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL", (kind, table)
        )
        return [(r[0], r[1]) for r in rows]

    # --- undo -------------------------------------------------------------
    # An answer's undo step stays in memory (`hold_undo`), as Anki keeps its undo: its JSON and its
    # insert took ~15 of an answer's ~110 µs (bench/README.md). Held steps go to `undo_steps` before
    # any other step is written there (so the table stays in order), when the last step is asked
    # for, and at close. A process that dies holding steps leaves the mark written with the first
    # of them (`_UNDO_HELD_KEY`); the next open then forgets the table's steps, so that an undo
    # never skips answers. The mark commits with the answer: unlike a `-wal` file left behind, it
    # survives a power cut, a connection that checkpoints and deletes the WAL, and a backup.
    def push_undo(self, step: UndoStep, created: int) -> None:
        """Write an undo step (after the steps held in memory). Inside `transaction()`."""
        self._write_held_undo()
        self._insert_undo(step, created)

    def hold_undo(self, step: UndoStep, created: int) -> None:
        """Keep an answer's undo step in memory, up to `UNDO_STEPS_KEPT` of them (then the oldest
        goes, and the table's older steps with it). Inside `transaction()`: a rollback forgets it.
        The steps past the kept ones are left out when the steps are written, and leave memory
        `UNDO_STEPS_KEPT` at a time, into a new list: a rollback cuts the list back to its length
        before (a copy of all the steps at every answer took ~1 µs of it)."""
        held = self._held_undo
        if not held:
            self.set_config(_UNDO_HELD_KEY, True)
        elif len(held) >= UNDO_STEPS_KEPT:
            self._held_undo_dropped_older = True
            if len(held) >= 2 * UNDO_STEPS_KEPT:
                held = self._held_undo = held[-UNDO_STEPS_KEPT:]
        held.append((step, created))

    def _write_held_undo(self) -> None:
        """Move the undo steps held in memory to the table, in a transaction (its own unless inside one)."""
        if not self._held_undo:
            return
        with self.transaction():
            if self._held_undo_dropped_older:
                self.db.conn.execute("DELETE FROM undo_steps")
            for step, created in self._held_undo[-UNDO_STEPS_KEPT:]:
                self._insert_undo(step, created)
            self.remove_config(_UNDO_HELD_KEY)
            self._held_undo, self._held_undo_dropped_older = [], False

    def _forget_undo_steps_of_a_lost_session(self) -> None:
        """At open: when the last session died holding undo steps, forget the table's (older) ones."""
        if self.config(_UNDO_HELD_KEY, False):
            with self.transaction():
                self.db.conn.execute("DELETE FROM undo_steps")
                self.remove_config(_UNDO_HELD_KEY)

    def _insert_undo(self, step: UndoStep, created: int) -> None:
        cursor = self.db.conn.execute(
            "INSERT INTO undo_steps (label, created, cards_before, notes_before, revlog_ids, reviews_before, decks_before, "
            "notes_created, cards_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                step.label,
                created,
                _json_list(_card_to_row(c) for c in step.cards_before),
                _json_list(_note_to_row(n) for n in step.notes_before),
                _json_list(step.revlog_ids),
                _json_list(_revlog_to_row(e) for e in step.reviews_before),
                _json_list(astuple(d) for d in step.decks_before),
                _json_list(step.notes_created),
                _json_list(step.cards_created),
            ),
        )
        if cursor.lastrowid % _UNDO_TRIMMED_EVERY == 0:  # not at every step: it would write one more page each time
            self.db.conn.execute("DELETE FROM undo_steps WHERE id <= ?", (cursor.lastrowid - UNDO_STEPS_KEPT,))

    def last_undo(self) -> tuple[int, UndoStep] | None:
        """The newest undo step and its id (the held steps are written to the table first)."""
        self._write_held_undo()
        row = self._one("SELECT * FROM undo_steps ORDER BY id DESC LIMIT 1")
        if row is None:
            return None
        step = UndoStep(
            label=row["label"],
            cards_before=tuple(_card_from_row(r) for r in json.loads(row["cards_before"])),
            notes_before=tuple(_note_from_row(r) for r in json.loads(row["notes_before"])),
            revlog_ids=tuple(json.loads(row["revlog_ids"])),
            reviews_before=tuple(_revlog_from_row(r) for r in json.loads(row["reviews_before"])),
            decks_before=tuple(Deck(*r) for r in json.loads(row["decks_before"])),
            notes_created=tuple(json.loads(row["notes_created"])),
            cards_created=tuple(json.loads(row["cards_created"])),
        )
        return row["id"], step

    def delete_undo(self, undo_id: int) -> None:
        self.db.conn.execute("DELETE FROM undo_steps WHERE id = ?", (undo_id,))

    def clear_undo(self) -> None:
        """Forget every undo step, those held in memory too (after a change that cannot be undone)."""
        self.db.conn.execute("DELETE FROM undo_steps")
        if self._held_undo:
            self.remove_config(_UNDO_HELD_KEY)
            self._held_undo, self._held_undo_dropped_older = [], False

    # --- listing ----------------------------------------------------------
    def card_ids(self, where_sql: str = "", params: Sequence = ()) -> list[int]:
        """Card ids matching a WHERE clause compiled by `search_sql` (joined with notes as n, cards as c)."""
        sql = "SELECT c.id FROM cards c JOIN notes n ON n.id = c.note_id"
        if where_sql:
            sql += f" WHERE {where_sql}"
        sql += " ORDER BY c.note_id, c.ordinal"
        return [r[0] for r in self.db.conn.execute(sql, params)]

    # --- reviewer: deleting notes, restoring rows, finished decks, sources ------
    def delete_notes(self, note_ids: Sequence[int]) -> None:
        """Delete notes, their cards (by cascade) and those cards' review log."""
        notes = _in_clause(note_ids)
        self.db.conn.execute(f"DELETE FROM revlog WHERE card_id IN (SELECT id FROM cards WHERE note_id IN ({notes}))")
        self.db.conn.execute(f"DELETE FROM notes WHERE id IN ({notes})")

    def cards_of_notes(self, note_ids: Sequence[int]) -> list[Card]:
        rows = self._tuples(f"SELECT {_CARD_COLUMNS} FROM cards WHERE note_id IN ({_in_clause(note_ids)}) ORDER BY note_id, ordinal")
        return [_card_from_row(r) for r in rows]

    def reviews_of_cards(self, card_ids: Sequence[int]) -> list[ReviewLogEntry]:
        """The reviews of these cards, oldest first. For half the cards or more, the whole log is read
        in time order and the other cards' reviews left out: cheaper than finding each card's
        reviews and sorting them. The log's index by hour holds it in that order but for the
        reviews of each hour, which are sorted apart (`stats_hour` never decreases as `time` grows)."""
        wanted = set(card_ids)
        if len(wanted) * 2 < self._scalar("SELECT count(*) FROM cards"):
            rows = self._tuples(f"SELECT {_REVLOG_COLUMNS} FROM revlog WHERE card_id IN ({_in_clause(wanted)}) ORDER BY time, rowid")
            return [_revlog_from_row(r) for r in rows]
        rows = self._tuples(f"SELECT {_REVLOG_COLUMNS} FROM revlog ORDER BY stats_hour, time, rowid")
        return [_revlog_from_row(r) for r in rows if r[1] in wanted]

    def _upsert(self, table: str, column_list: str, rows: Iterable[tuple]) -> None:
        """Write rows back exactly as given: update those that exist, insert those that were deleted."""
        columns = column_list.split(", ")
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
        self.db.conn.executemany(
            f"INSERT INTO {table} ({column_list}) VALUES ({','.join('?' * len(columns))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            rows,
        )

    def restore_notes(self, notes: Iterable[Note]) -> None:
        self._upsert("notes", _NOTE_COLUMNS, map(_note_to_row, notes))

    def restore_cards(self, cards: Iterable[Card]) -> None:
        self._upsert("cards", _CARD_COLUMNS, map(_card_to_row, cards))

    def finished_deck_row(self, deck_ids: Sequence[int], now: int, today_end: int, tomorrow_end: int) -> dict[str, int | None]:
        """What the congratulations screen reports about these decks, in one read:
        next_learning (soonest learning card due later today), next_due (soonest card due after today),
        next_due_state, due_tomorrow (reviews due by the end of tomorrow and learning cards due
        tomorrow), reviews_today (reviews due today), new_cards (new cards not suspended or buried)."""
        decks = _in_clause(deck_ids)
        live = f"deck_id IN ({decks}) AND suspended = 0"
        row = self._one(
            f"SELECT (SELECT min(due) FROM cards WHERE {live} AND buried_until <= :now AND state IN (1, 3) "
            "AND due >= :now AND due < :today_end) AS next_learning, "
            f"(SELECT min(due) FROM cards WHERE {live} AND state != 0 AND due >= :today_end) AS next_due, "
            f"(SELECT state FROM cards WHERE {live} AND state != 0 AND due >= :today_end ORDER BY due LIMIT 1) AS next_due_state, "
            f"(SELECT count(*) FROM cards WHERE {live} AND ((state = 2 AND due < :tomorrow_end) "
            "OR (state IN (1, 3) AND due >= :today_end AND due < :tomorrow_end))) AS due_tomorrow, "
            f"(SELECT count(*) FROM cards WHERE {live} AND buried_until <= :now AND state = 2 AND due < :today_end) AS reviews_today, "
            f"(SELECT count(*) FROM cards WHERE {live} AND buried_until <= :now AND state = 0) AS new_cards",
            {"now": now, "today_end": today_end, "tomorrow_end": tomorrow_end},
        )
        return dict(row)

    def document_source(self, document_id: int) -> tuple[str, str | None, list[tuple[int, int]]] | None:
        """(title, text or None when not stored, paragraph offsets) of a document, None when it is gone."""
        row = self._one("SELECT title, text, paragraphs FROM documents WHERE id = ?", (document_id,))
        if row is None:
            return None
        return row["title"], row["text"], [tuple(p) for p in json.loads(row["paragraphs"])]

    # --- presets and preferences (options) ----------------------------------
    def delete_preset(self, preset_id: int) -> None:
        self.db.conn.execute("DELETE FROM presets WHERE id = ?", (preset_id,))

    def move_decks_to_preset(self, from_preset_id: int, to_preset_id: int) -> None:
        self.db.conn.execute("UPDATE decks SET preset_id = ? WHERE preset_id = ?", (to_preset_id, from_preset_id))

    def deck_counts_by_preset(self) -> dict[int, int]:
        """How many decks use each preset that some deck uses."""
        return dict(self.db.conn.execute("SELECT preset_id, count(*) FROM decks GROUP BY preset_id").fetchall())

    def forgotten_card_ids(self, deck_ids: Sequence[int], since_ms: int, now: int) -> list[int]:
        """Cards of these decks answered Again since `since_ms`, not new, suspended or buried; soonest due first."""
        since, params = review_time_range(since_ms)
        rows = self.db.conn.execute(
            f"SELECT id FROM cards WHERE {_active(deck_ids)} AND state != 0 AND id IN "
            f"(SELECT r.card_id FROM revlog r WHERE {since} AND r.rating = 1) ORDER BY due, id",
            {"now": now, **params},
        )
        return [r[0] for r in rows]

    def review_ids_due_before(self, deck_ids: Sequence[int], now: int, until: int) -> list[int]:
        """Review cards of these decks due before `until`, not suspended or buried; soonest due first."""
        rows = self.db.conn.execute(
            f"SELECT id FROM cards WHERE {_active(deck_ids)} AND state = 2 AND due < :until ORDER BY due, id",
            {"now": now, "until": until},
        )
        return [r[0] for r in rows]

    # --- notes editing (editor) -------------------------------------------
    def all_tag_strings(self) -> list[str]:
        """Each distinct tags column value ("tag1 tag2"), for collecting every tag."""
        return [r[0] for r in self.db.conn.execute("SELECT DISTINCT tags FROM notes WHERE tags != ''")]

    def first_fields(self, notetype_id: int) -> list[tuple[int, str]]:
        """(note id, first field) of every note of a note type."""
        rows = self.db.conn.execute(
            "SELECT id, substr(fields, 1, instr(fields || char(31), char(31)) - 1) FROM notes WHERE notetype_id = ?",
            (notetype_id,),
        )
        return [(r[0], r[1]) for r in rows]

    # --- browsing (browser) -------------------------------------------------
    def browse_ids(
        self, where_sql: str, params: Sequence, *, notes: bool, order: str | None, descending: bool, now: int
    ) -> list[int]:
        """Card ids (or with `notes`, note ids) matching a WHERE clause from `search_sql`, sorted
        by a browser column (`browse_sql.CARD_ORDER` / `NOTE_ORDER`); None keeps note order."""
        orders = browse_sql.NOTE_ORDER if notes else browse_sql.CARD_ORDER
        if order is not None and order not in orders:
            raise ValueError(f"no sort order for browser column {order!r}")
        ties = ("n.id",) if notes else ("n.id", "c.ordinal")
        sql = f"SELECT {'n.id' if notes else 'c.id'} FROM cards c JOIN notes n ON n.id = c.note_id"
        if where_sql:
            sql += f" WHERE {where_sql}"
        if notes:
            sql += " GROUP BY n.id"
        if order is None:
            sql += f" ORDER BY {', '.join(ties)}"
        else:
            clause = browse_sql.order_by(orders[order], descending, ties)
            sql += " ORDER BY " + clause.replace(":now", str(int(now)))
        return [r[0] for r in self.db.conn.execute(sql, params)]

    def browser_records(self, ids: Sequence[int], *, notes: bool, now: int) -> list[tuple]:
        """The browser's raw rows for these card (or note) ids, in `browsing.BrowserRow` field order."""
        template = browse_sql.NOTE_ROWS if notes else browse_sql.CARD_ROWS
        register_search_functions(self.db.conn)
        sql = template.format(ids=_in_clause(ids)).replace(":now", str(int(now)))
        return [tuple(r) for r in self.db.conn.execute(sql)]
