"""The SQLite file inside an Anki package (.apkg, .colpkg): Anki's own database, in the two schemas
Anki 2 writes. Schema 11 (Anki 2.0, and 2.1 before 2.1.50) keeps note types, decks and presets as
JSON in the `col` row; schema 18 (Anki 2.1.50+) keeps them as protobuf blobs in tables of their own.

This module holds all the SQL that touches such a file: `open_anki_collection` opens one for
reading and hands out its rows, `write_anki_collection` creates one in either schema from rows.
Rows are dicts keyed by Anki's column names. What they mean and how they become heatcards' notes,
cards and settings is the business of `heatcards.formats.apkg` (see docs/anki-packages.md).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from ..errors import ImportFileError
from ..formats.exchange import StoredReviews
from ..model import CardState, ReviewKind, ReviewLogEntry
from . import _REVLOG_COLUMNS as _HEATCARDS_REVLOG_COLUMNS, Store, _revlog_from_row

LEGACY_SCHEMA = 11
MODERN_SCHEMA = 18

Row = dict[str, Any]

# The errors of the sqlite3 module sqlite-utils runs on (pysqlite3 instead, when it is installed).
_DatabaseError = sqlite_utils.utils.sqlite3.DatabaseError
_IntegrityError = sqlite_utils.utils.sqlite3.IntegrityError


BATCH_ROWS = 2000  # rows handed out at a time: a reader reports progress (which may cancel) between batches


@dataclass(frozen=True)
class CountedRows:
    """The rows of a table as tuples (in the columns the reading method names), in batches of up
    to `BATCH_ROWS` as they are read from the file, and how many there are (to report progress)."""

    total: int
    batches: Iterator[list[tuple]]


# --- reading ------------------------------------------------------------------------------


@contextmanager
def open_anki_collection(file: Path, where: str) -> Iterator[AnkiCollectionFile]:
    """Open the Anki collection in `file` for reading, for the duration of a `with` block.

    `where` names the file in error messages. An `ImportFileError` says that the file is no
    Anki collection, has no `col` row, or has a schema heatcards does not read; SQLite errors
    raised inside the block, also while rows are read, become one too."""
    try:
        database = sqlite_utils.Database(file)
        try:
            database.conn.create_collation("unicase", _unicase)
            yield AnkiCollectionFile(database, where, file)
        finally:
            database.close()
    except _DatabaseError as error:
        raise ImportFileError(f"{where}: not a readable Anki collection ({error})") from error


class AnkiCollectionFile:
    """An Anki collection open for reading (see `open_anki_collection`).

    `file` is the file; `crt` the creation time in unix seconds (Anki counts days from its date);
    `has_settings_tables` tells where note types, decks and presets are: in tables of their own
    (schema 18, read with `read_notetypes` and the like) or as JSON in the `col` row
    (schema 11, `read_col_settings`). Rows come in id order; fields and templates by note
    type, then position."""

    def __init__(self, database: sqlite_utils.Database, where: str, file: Path):
        rows = list(database.query("SELECT crt, ver FROM col"))
        if not rows:
            raise ImportFileError(f"{where}: the collection has no 'col' row")
        self.crt, schema = int(rows[0]["crt"]), int(rows[0]["ver"])
        if schema > MODERN_SCHEMA:
            raise ImportFileError(f"{where}: collection schema {schema} is newer than heatcards reads ({MODERN_SCHEMA}); update heatcards, or export from Anki with 'Support older Anki versions'")
        if schema < LEGACY_SCHEMA:
            raise ImportFileError(f"{where}: collection schema {schema} is older than any Anki 2 package")
        missing = [table for table in _TABLES_OF_SCHEMA.get(schema, _CORE_TABLE_NAMES) if not database[table].exists()]
        if missing:
            listed = ", ".join(repr(table) for table in missing)
            tables = "table" if len(missing) == 1 else "tables"
            raise ImportFileError(f"{where}: not a readable Anki collection (it has no {listed} {tables}, which schema {schema} requires)")
        self.has_settings_tables = database["notetypes"].exists()
        self.file = file
        self._database = database
        self._where = where
        self._check_types(where)

    def _check_types(self, where: str) -> None:
        """Refuse values of a type Anki never writes in the settings tables' columns (a blob or a
        real number where Anki writes a whole number, anything but text where it writes text): the
        reader takes those as they are, and a name that is no text would reach the collection."""
        for table, (integers, texts) in _COLUMN_TYPES.items():
            if not self._database[table].exists():
                continue
            wrong = " OR ".join([f"typeof({c}) != 'integer'" for c in integers] + [f"typeof({c}) != 'text'" for c in texts])
            columns = ", ".join(f"typeof({c}) AS {c}" for c in (*integers, *texts))
            key = "ntid" if table in _WITHOUT_ROWID else "rowid"
            for row in self._database.query(f"SELECT {key} AS row_key, {columns} FROM {table} WHERE {wrong} LIMIT 1"):
                column, kind = next((c, row[c]) for c in (*integers, *texts) if row[c] != ("integer" if c in integers else "text"))
                wanted = "a whole number" if column in integers else "text"
                place = f"a row of {table} of note type {row['row_key']}" if table in _WITHOUT_ROWID else f"{table} row {row['row_key']}"
                raise ImportFileError(f"{where}: {place} holds {_SQL_TYPE_NAMES.get(kind, kind)} in column {column!r}, where Anki writes {wanted}")

    def allow_other_connections(self) -> None:
        """Let other connections read and write the file while this one reads it (write-ahead
        logging, which changes the file: for a scratch copy)."""
        self._database.conn.execute("PRAGMA journal_mode = WAL")

    def read_notes(self) -> CountedRows:
        """`notes`: id, guid, mid (note type), mod, tags (space-separated), flds (fields joined by \\x1f)."""
        return self._counted("notes", "id", "guid:text", "mid", "mod", "tags:text", "flds:text")

    def read_cards(self) -> CountedRows:
        """`cards`: id, nid, did, ord, mod, type, queue, due, ivl, reps, lapses, left, odue, odid, flags, data."""
        return self._counted(
            "cards", "id", "nid", "did", "ord", "mod", "type", "queue", "due", "ivl", "reps", "lapses", "left", "odue", "odid", "flags", "data:text"
        )

    def read_col_settings(self) -> Row:
        """Schema 11: the JSON texts conf (collection settings), models, decks and dconf (presets)."""
        return next(iter(self._database.query("SELECT conf, models, decks, dconf FROM col")))

    def read_config_value(self, key: str) -> bytes | str | None:
        """Schema 18: the JSON value of one collection setting, None when it is not set."""
        rows = list(self._database.query("SELECT val FROM config WHERE KEY = ?", [key]))
        return rows[0]["val"] if rows else None

    def read_notetypes(self) -> Iterator[Row]:
        """Schema 18: id, name, config (protobuf `Notetype.Config`)."""
        return self._database.query("SELECT id, name, config FROM notetypes ORDER BY id")

    def read_fields(self) -> Iterator[Row]:
        """Schema 18: ntid (note type) and name of each field, in field order within a note type."""
        return self._database.query("SELECT ntid, name FROM fields ORDER BY ntid, ord")

    def read_templates(self) -> Iterator[Row]:
        """Schema 18: ntid, name, config (protobuf `Template.Config`), in template order."""
        return self._database.query("SELECT ntid, name, config FROM templates ORDER BY ntid, ord")

    def read_decks(self) -> Iterator[Row]:
        """Schema 18: id, name (levels joined by \\x1f), kind (protobuf `Deck.KindContainer`)."""
        return self._database.query("SELECT id, name, kind FROM decks ORDER BY id")

    def read_deck_configs(self) -> Iterator[Row]:
        """Schema 18: id, name, config (protobuf `DeckConfig.Config`) of each preset."""
        return self._database.query("SELECT id, name, config FROM deck_config ORDER BY id")

    def _counted(self, table: str, *columns: str) -> CountedRows:
        """The `columns` of `table`'s rows in id order: as text when marked `:text` (NULL reads as
        ""), else as integers (a real cut to one, as `int` does). A number column holding
        anything but a number makes an `ImportFileError`, found by one scan in SQLite before the
        rows are read (cheaper than a conversion of every value here)."""
        conn = self._database.conn
        named = [(name, kind == "text") for name, _, kind in (column.partition(":") for column in columns)]
        self._refuse_non_numbers(table, [name for name, text in named if not text])
        total = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        typed = [f"CAST(ifnull({name}, '') AS TEXT)" if text else f"CAST({name} AS INTEGER)" for name, text in named]
        cursor = conn.execute(f"SELECT {', '.join(typed)} FROM {table} ORDER BY id")
        return CountedRows(total, iter(lambda: cursor.fetchmany(BATCH_ROWS), []))


    def _refuse_non_numbers(self, table: str, numbers: Sequence[str]) -> None:
        """An `ImportFileError` when a column of `numbers` holds anything but a number (one scan)."""
        not_a_number = " OR ".join(f"typeof({name}) NOT IN ('integer', 'real')" for name in numbers)
        bad = self._database.conn.execute(f"SELECT rowid, {', '.join(numbers)} FROM {table} WHERE {not_a_number} LIMIT 1").fetchone()
        if bad is not None:
            name, value = next((n, v) for n, v in zip(numbers, bad[1:]) if not isinstance(v, (int, float)))
            raise ImportFileError(f"{self._where}: {table} row {bad[0]} holds {value!r} as its {name}, which must be a number")

    # --- the review log, in SQL ---------------------------------------------------------
    # A package's review log can hold a million rows: it is checked, summed up and converted to
    # heatcards' rows by SQLite (`converted_revlog_sql`) rather than read into Python row by row.

    def prepare_revlog(self) -> int:
        """Check that the review log's columns (id as time in ms, cid, ease, ivl, lastIvl, factor,
        time as duration in ms, type) hold numbers; returns how many reviews the file's cards have.

        The file must be a scratch copy: real numbers in those columns are stored as the integers
        `_counted` would read (cut to whole numbers), and an index to find a card's reviews is
        added when the file has none, so that the SQL that converts the log (`converted_revlog_sql`)
        can use the columns as they are."""
        conn = self._database.conn
        not_integer = " OR ".join(f"typeof({c}) != 'integer'" for c in _REVLOG_NUMBERS)
        if conn.execute(f"SELECT 1 FROM revlog WHERE {not_integer} LIMIT 1").fetchone() is not None:  # not as Anki writes it
            self._refuse_non_numbers("revlog", _REVLOG_NUMBERS)
            conn.execute(f"UPDATE revlog SET {', '.join(f'{c} = CAST({c} AS INTEGER)' for c in _REVLOG_NUMBERS)} WHERE {not_integer}")
        by_card = conn.execute(
            "SELECT 1 FROM pragma_index_list('revlog') AS list, pragma_index_info(list.name) AS info WHERE info.seqno = 0 AND info.name = 'cid'"
        ).fetchone()
        if by_card is None:
            conn.execute("CREATE INDEX heatcards_revlog_cid ON revlog (cid)")
        return conn.execute(f"SELECT count(*) FROM revlog WHERE {_OF_THE_FILES_CARDS}").fetchone()[0]

    def scheduled_extent(self) -> tuple[int, int, int] | None:
        """Of the reviews that set an interval in days (ivl > 0): the least and greatest id (their
        times in ms) and the longest interval; None when there are none."""
        least, greatest, longest = self._database.conn.execute("SELECT min(id), max(id), max(ivl) FROM revlog WHERE ivl > 0").fetchone()
        return None if least is None else (least, greatest, longest)

    def latest_answers(self, card_ids: Iterable[int]) -> dict[int, int]:
        """Card id -> id (ms) of the card's latest review with an answer button that is no manual
        entry, for those of `card_ids` that have one."""
        rows = self._database.conn.execute(
            f"SELECT cid, max(id) FROM revlog WHERE cid IN (SELECT value FROM json_each(?)) AND ease != 0 AND type != {_MANUAL_TYPE} GROUP BY cid",
            (json.dumps(list(card_ids)),),
        )
        return dict(rows.fetchall())

    def first_review_outside(self, types: Iterable[int], eases: range, times: range) -> tuple[int, int, int] | None:
        """(id, type, ease) of the first review of a card of the file (in id order) whose type is
        not one of `types`, whose ease is outside `eases` or whose id (its time in ms) is outside
        `times`; None when there is none."""
        known = ", ".join(str(int(t)) for t in types)
        return self._database.conn.execute(
            f"SELECT id, type, ease FROM revlog WHERE (type NOT IN ({known}) OR ease NOT BETWEEN {eases.start} AND {eases.stop - 1} "
            f"OR id NOT BETWEEN {times.start} AND {times.stop - 1}) "
            f"AND +{_OF_THE_FILES_CARDS} ORDER BY id LIMIT 1"  # +: a scan (cheap), not a search per card
        ).fetchone()

    def is_damaged(self) -> bool:
        """Whether SQLite finds the file inconsistent, its indexes included (a check of the whole
        file: for when reading it has failed, to tell a damaged package from a damaged collection)."""
        return self._database.conn.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok"

    def read_revlog_entries(self, cards: Iterable[tuple[int, int, str]], conversion: RevlogConversion) -> list[ReviewLogEntry]:
        """The reviews of `cards` converted as `converted_revlog_sql` says, in id order."""
        conn = self._database.conn
        with _revlog_cards(conn, cards), _day_starts(conn, conversion):
            return [_revlog_from_row(row) for row in conn.execute(converted_revlog_sql("main", conversion))]


@dataclass(frozen=True)
class RevlogConversion:
    """How a revlog row becomes a row of heatcards' revlog (`converted_revlog_sql`)."""

    kinds: Mapping[int, ReviewKind]  # revlog.type -> what heatcards calls it
    # (first second, day number) of each local day that a review setting an interval in days
    # (ivl > 0) fell on, and of each day such an interval can end on, in any order
    day_starts: Callable[[], Iterable[tuple[int, int]]]


_REVLOG_NUMBERS = ("id", "cid", "ease", "ivl", "lastIvl", "factor", "time", "type")
_MANUAL_TYPE = 4  # revlog.type of a manual entry (reset, set due date): no answer
_OF_THE_FILES_CARDS = "cid IN (SELECT CAST(id AS INTEGER) FROM cards)"  # reviews of cards the file holds


def converted_revlog_sql(schema: str, conversion: RevlogConversion, condition: str = "true") -> str:
    """A SELECT of the reviews in `schema`.revlog of the cards in temp.heatcards_revlog_cards (those
    meeting `condition` too, SQL about `r`, the revlog row) as rows of heatcards' revlog
    (`_REVLOG_COLUMNS`, the card id being the table's `target`), in id order.

    A review's id is its revlog id (its time in ms) in 12 hex digits followed by its card's `key`
    (20 hex digits, the same in every package: see `formats.apkg.anki_review_id`).

    The rules (docs/anki-packages.md): a learning answer found the card new unless the card's
    previous entry was a learning answer too; review and relearning answers found it in review
    and relearning; other entries in review when the card had an interval, else new. Intervals
    below 0 (learning steps, in seconds) become 0; a learning step's due date is the time plus
    its seconds; a day interval's, the start of the local day that many days on (two lookups in
    the conversion's `day_starts`). `factor` 100 to 1100 is an FSRS difficulty
    (1 + 9·(factor − 100)/1000); Anki stores no stability. Needs `_day_starts` filled."""
    kind_of = _case("r.type", {number: f"'{kind.value}'" for number, kind in conversion.kinds.items()})
    learn = next(number for number, kind in conversion.kinds.items() if kind is ReviewKind.LEARN)
    state_of_kind = {ReviewKind.REVIEW: CardState.REVIEW, ReviewKind.RELEARN: CardState.RELEARNING}
    previous_type = f"(SELECT p.type FROM {schema}.revlog AS p WHERE p.cid = r.cid AND p.id < r.id ORDER BY p.id DESC LIMIT 1)"
    state_before = _case(
        "r.type",
        {
            learn: f"CASE WHEN {previous_type} = {learn} THEN {int(CardState.LEARNING)} ELSE {int(CardState.NEW)} END",
            **{number: str(int(state_of_kind[kind])) for number, kind in conversion.kinds.items() if kind in state_of_kind},
        },
        otherwise=f"CASE WHEN r.lastIvl > 0 THEN {int(CardState.REVIEW)} ELSE {int(CardState.NEW)} END",
    )
    seconds = _floor_division("r.id", 1000)
    review_day = f"(SELECT d.day FROM temp.heatcards_day_starts AS d WHERE d.start <= {seconds} ORDER BY d.start DESC LIMIT 1)"
    due_day_start = f"(SELECT d.start FROM temp.heatcards_day_starts AS d WHERE d.day = {review_day} + r.ivl)"
    return f"""
        SELECT printf('%012x', r.id) || m.key, m.target, r.id, r.ease, {state_before},
            max(r.lastIvl, 0), max(r.ivl, 0),
            CASE WHEN r.ivl > 0 THEN {due_day_start} ELSE {seconds} - r.ivl END,
            NULL, CASE WHEN r.factor BETWEEN 100 AND 1100 THEN 1 + 9 * (r.factor - 100) / 1000.0 END,
            max(r.time, 0), {kind_of}
        FROM {schema}.revlog AS r JOIN temp.heatcards_revlog_cards AS m ON m.card_id = r.cid
        WHERE {condition}
        ORDER BY r.id"""


def _case(subject: str, values: Mapping[int, str], otherwise: str = "NULL") -> str:
    return f"CASE {subject} {' '.join(f'WHEN {key} THEN {value}' for key, value in values.items())} ELSE {otherwise} END"


def _floor_division(expression: str, divisor: int) -> str:
    """SQL for Python's `expression // divisor` (SQLite's `/` rounds towards zero)."""
    return f"({expression} / {divisor} - ({expression} % {divisor} < 0))"


# KiB of page cache the temporary tables may use while a package's log is converted: a review's
# card is looked up in temp.heatcards_revlog_cards in time order, at random; 100,000 cards take
# ~4 MB, more than SQLite's default 2 MB, which made the lookups read pages back from the temporary
# file. SQLite takes the memory only as pages are read.
_CARD_MAP_CACHE_KIB = 65536


@contextmanager
def _revlog_cards(conn: sqlite3.Connection, cards: Iterable[tuple[int, int, str]]) -> Iterator[None]:
    """temp.heatcards_revlog_cards holding `cards`: (card id in the file, id the rows get, key of its
    review ids), with a page cache for the temporary tables that holds it whole during the block,
    then the collection's own size again (that of main, which SQLite gives temp at first; temp's
    own setting reads 0 until the temporary schema is first used, so it cannot be read back)."""
    conn.execute(f"PRAGMA temp.cache_size = {-_CARD_MAP_CACHE_KIB}")
    conn.execute("CREATE TEMP TABLE heatcards_revlog_cards (card_id INTEGER PRIMARY KEY, target INTEGER NOT NULL, key TEXT NOT NULL)")
    try:
        conn.executemany("INSERT INTO temp.heatcards_revlog_cards VALUES (?, ?, ?)", cards)
        yield
    finally:
        conn.execute("DROP TABLE temp.heatcards_revlog_cards")
        conn.execute(f"PRAGMA temp.cache_size = {conn.execute('PRAGMA main.cache_size').fetchone()[0]}")


@contextmanager
def _day_starts(conn: sqlite3.Connection, conversion: RevlogConversion) -> Iterator[None]:
    """temp.heatcards_day_starts holding the conversion's `day_starts`, for `converted_revlog_sql`."""
    conn.execute("CREATE TEMP TABLE heatcards_day_starts (start INTEGER PRIMARY KEY, day INTEGER NOT NULL UNIQUE)")
    try:
        conn.executemany("INSERT INTO temp.heatcards_day_starts VALUES (?, ?)", conversion.day_starts())
        yield
    finally:
        conn.execute("DROP TABLE temp.heatcards_day_starts")


def insert_package_revlog(
    store: Store,
    package: Path,
    cards: Iterable[tuple[int, int, str]],
    conversion: RevlogConversion,
    incoming: int,
    progress: Callable[[int], None],
    where: str,
) -> int:
    """Add to the collection's log the reviews in the Anki collection file `package` (a scratch
    copy that `prepare_revlog` has seen) of `cards` (file's card id, collection's card id, key),
    converted as `converted_revlog_sql` says; `incoming` says how many the file's cards have.
    Returns how many were added. Call inside `Store.transaction()`. `where` names the file in the
    `ImportFileError` that says it is damaged, when SQLite finds so only now.

    A review is left out when its card already has a review at that time (imported before, under
    whatever id) or its id is taken. Those are counted first, card by card (the package's cards
    without reviews here cost one lookup each): when every review is here (a package imported
    again), nothing more is done; else they are found again and set aside, so that nothing is
    computed for them. The rest go in by slices of about `REVLOG_SLICE_ROWS` in id order, one
    statement each, with `progress(reviews passed so far)` after each: it may raise to stop the
    import."""
    conn = store.db.conn
    try:
        with store.attached(package) as schema, _revlog_cards(conn, cards), _day_starts(conn, conversion):
            # by card first: the rows arrive in that order (an index of ids alone would take them at random places)
            present_reviews = f"""
                SELECT r.cid, r.id FROM temp.heatcards_revlog_cards AS m CROSS JOIN {schema}.revlog AS r ON r.cid = m.card_id
                WHERE EXISTS (SELECT 1 FROM main.revlog AS x WHERE x.card_id = m.target)
                    AND EXISTS (SELECT 1 FROM main.revlog AS x WHERE x.card_id = m.target AND x.time = r.id)"""
            present = conn.execute(f"SELECT count(*) FROM ({present_reviews})").fetchone()[0]
            if present == incoming:
                return 0  # every one of them is here already (a package imported again)
            conn.execute("CREATE TEMP TABLE heatcards_revlog_present (cid INTEGER, id INTEGER, PRIMARY KEY (cid, id)) WITHOUT ROWID")
            try:
                if present:
                    conn.execute(f"INSERT OR IGNORE INTO temp.heatcards_revlog_present {present_reviews}")
                absent = "r.id BETWEEN ? AND ? AND (r.cid, r.id) NOT IN (SELECT cid, id FROM temp.heatcards_revlog_present)"
                insert = (
                    f"INSERT INTO main.revlog ({_HEATCARDS_REVLOG_COLUMNS}) SELECT * FROM ({converted_revlog_sql(schema, conversion, absent)}) "
                    "WHERE true ON CONFLICT (id) DO NOTHING"
                )
                added = 0
                with store.db.atomic(), store._indexes_built_after("revlog", incoming):
                    for first, last, passed in _revlog_slices(conn, schema):
                        added += conn.execute(insert, (first, last)).rowcount
                        progress(passed)
            finally:
                conn.execute("DROP TABLE temp.heatcards_revlog_present")
    except _DatabaseError as error:  # the caller's transaction is rolled back, the temporary tables with it
        with open_anki_collection(package, where) as file:
            if file.is_damaged():
                raise ImportFileError(f"{where}: the review log cannot be read, the file is damaged ({error})") from error
        raise
    return added


REVLOG_SLICE_ROWS = 20000  # rows of a package's log inserted by one statement, between two progress calls


def _revlog_slices(conn: sqlite3.Connection, schema: str) -> Iterator[tuple[int, int, int]]:
    """(first id, last id, rows up to the last) of consecutive slices of `schema`.revlog of about
    `REVLOG_SLICE_ROWS` rows each (more when many rows share a narrow span of ids), in id order,
    covering it all. Found with one scan that counts the rows in narrow, equal spans of ids."""
    least, greatest, total = conn.execute(f"SELECT min(id), max(id), count(*) FROM {schema}.revlog").fetchone()
    if not total:
        return
    span = (greatest - least) // (8 * (total // REVLOG_SLICE_ROWS + 1)) + 1
    spans = conn.execute(f"SELECT max(id), count(*) FROM {schema}.revlog GROUP BY (id - ?) / ? ORDER BY 1", (least, span))
    first, passed, in_slice = least, 0, 0
    for last, count in spans:
        passed += count
        in_slice += count
        if in_slice >= REVLOG_SLICE_ROWS or passed == total:
            yield first, last, passed
            first, in_slice = last + 1, 0


class CollectionReviews(StoredReviews):
    """The collection's reviews of some cards, for an export: an Anki package writer copies them
    into its revlog in SQL (`copying_to_package`); anything else reads them as records."""

    def __init__(self, store: Store, card_ids: Sequence[int]):
        self._store = store
        self._card_ids = card_ids
        total, latest = store.db.conn.execute(
            "SELECT count(*), max(time) FROM revlog WHERE card_id IN (SELECT value FROM json_each(?))", (json.dumps(list(card_ids)),)
        ).fetchone()
        super().__init__(total)
        self.latest_time: int | None = latest  # unix ms of the newest review

    def _read(self) -> list[ReviewLogEntry]:
        return self._store.reviews_of_cards(self._card_ids)

    def copying_to_package(
        self, package: Path, anki_card_ids: Mapping[int, int], types: Mapping[ReviewKind, int]
    ) -> AbstractContextManager[Callable[[], None]]:
        """What fills the package file's empty revlog (see `copying_revlog_to_package`);
        `anki_card_ids` maps the collection's card ids to the package's, for these cards at least."""
        return copying_revlog_to_package(self._store, package, anki_card_ids.items(), types)


@contextmanager
def copying_revlog_to_package(
    store: Store, package: Path, cards: Iterable[tuple[int, int]], types: Mapping[ReviewKind, int]
) -> Iterator[Callable[[], None]]:
    """For the block, what fills the empty revlog of the Anki collection file `package` (without
    its indexes) with the collection's reviews of `cards` (collection's card id, Anki's card id),
    then builds the log's indexes: a call that runs one statement per index and one to copy (two
    when reviews share a millisecond) and so spends its time in SQLite, where CPython lets other
    threads run Python. What it needs is made before the block (the card map, the file attached)
    and taken down after it.

    Rows go in time order (then review id); each id is the review's time in ms, moved up past
    the id before it when that is taken. A learning step's interval is the seconds to its due
    date, negated; `factor` holds the difficulty (round(100 + 1000·(D − 1)/9), D within 1 to 10,
    rounding halves to even as Python does), 0 without one; `types` gives revlog.type by kind.

    When no two of the reviews share a millisecond (always in a log that came from Anki), each id
    is the review's time, and one plain insert does it; otherwise that insert breaks the table's
    key, and a slower statement (two window functions over the rows in order) moves ids up."""
    conn = store.db.conn
    seconds = _floor_division("time", 1000)
    factor = "(100 + 1000 * (min(max(difficulty, 1.0), 10.0) - 1) / 9)"
    whole = f"CAST({factor} AS INTEGER)"
    rounded = f"({whole} + ({factor} - {whole} > 0.5 OR ({factor} - {whole} = 0.5 AND {whole} % 2 = 1)))"
    kind_type = _case("kind", {f"'{kind.value}'": str(number) for kind, number in types.items()})
    converted = f"""target, -1, rating, CASE WHEN interval_after > 0 THEN interval_after ELSE -max(0, due_after - {seconds}) END,
        interval_before, CASE WHEN difficulty IS NULL THEN 0 ELSE {rounded} END, duration_ms, {kind_type}"""
    reviews = """SELECT r.id, r.time, r.rating, r.interval_before, r.interval_after, r.due_after, r.difficulty, r.duration_ms, r.kind, m.target
        FROM main.revlog AS r JOIN temp.heatcards_export_cards AS m ON m.card_id = r.card_id"""
    conn.execute("CREATE TEMP TABLE heatcards_export_cards (card_id INTEGER PRIMARY KEY, target INTEGER NOT NULL)")
    try:
        with store.db.atomic():  # one transaction: a commit per row would take many times longer
            conn.executemany("INSERT INTO temp.heatcards_export_cards VALUES (?, ?)", cards)
        with store.attached(package) as schema:
            for pragma in _SCRATCH_FILE_PRAGMAS:
                conn.execute(f"PRAGMA {schema}.{pragma}")
            insert = f"INSERT INTO {schema}.revlog ({', '.join(REVLOG_COLUMNS)})"

            def copy() -> None:
                try:
                    conn.execute(f"{insert} SELECT time, {converted} FROM ({reviews} ORDER BY r.time)")
                except _IntegrityError:  # two reviews in the same millisecond
                    conn.execute(f"DELETE FROM {schema}.revlog")
                    conn.execute(f"""{insert} SELECT n + max(0, max(time - n) OVER (ORDER BY n ROWS UNBOUNDED PRECEDING)), {converted}
                        FROM (SELECT *, row_number() OVER (ORDER BY time, id) AS n FROM ({reviews}))""")
                for name, indexed in _REVLOG_INDEXES.items():
                    conn.execute(f"CREATE INDEX {schema}.{name} ON {indexed}")

            yield copy
    finally:
        conn.execute("DROP TABLE temp.heatcards_export_cards")


def _unicase(left: str, right: str) -> int:
    """Anki's `unicase` collation: compare names without regard to case."""
    a, b = left.casefold(), right.casefold()
    return (a > b) - (a < b)


# --- writing ------------------------------------------------------------------------------


# The columns of the three big tables, in the order their rows give them.
NOTES_COLUMNS = ("id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data")
CARDS_COLUMNS = (
    "id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "left", "odue", "odid", "flags", "data",
)
REVLOG_COLUMNS = ("id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type")


def write_anki_collection(
    file: Path,
    schema: int,
    settings: Mapping[str, Iterable[Row]],
    rows: Callable[[Path], tuple[Path, Iterable[tuple]]],
) -> None:
    """Create an Anki collection of `schema` (LEGACY_SCHEMA or MODERN_SCHEMA) in the new file
    `file`, laid out as Anki 26.9 creates it, and fill it. `settings` maps the other tables of that
    schema to their rows (keyed by column name), inserted in the mapping's order; the `col` table
    wants exactly one row, whose `ver` is `schema`. `rows(file)`, called once those are in and the
    big tables stand empty without their indexes, gives a scratch file of `write_scratch_rows`
    holding the rows of notes and cards, which are copied from it, and the rows of revlog in the
    order of `REVLOG_COLUMNS`. It may meanwhile fill the review log and build its indexes from a
    connection of its own (`copying_revlog_to_package`), this one being idle.

    The file is meant as a scratch copy to put in a package: it is written without a journal and
    without waiting for the disk."""
    database = sqlite_utils.Database(file)
    try:
        conn = database.conn
        conn.create_collation("unicase", _unicase)
        database.executescript(_SCRATCH_FILE + _SCHEMAS[schema])
        for table, rows_of_table in settings.items():
            database[table].insert_all(rows_of_table)
        # The big tables' indexes are built again once the rows are in: one sort each, instead of
        # an insert at a random place for every row.
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('notes', 'cards', 'revlog')"
        ).fetchall()
        conn.execute("BEGIN")
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        conn.execute("COMMIT")
        scratch, revlog = rows(file)
        conn.execute("ATTACH DATABASE ? AS scratch", (str(scratch),))
        conn.execute("BEGIN")
        for table in ("notes", "cards"):  # tables laid out alike: SQLite copies their pages
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM scratch.{table}")
        conn.executemany(f"INSERT INTO revlog ({', '.join(REVLOG_COLUMNS)}) VALUES ({', '.join('?' * len(REVLOG_COLUMNS))})", revlog)
        built = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        for name, sql in indexes:
            if name not in built:
                conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE scratch")
    finally:
        database.close()


def write_scratch_rows(file: Path, notes: Iterable[tuple], cards: Iterable[tuple]) -> None:
    """Put rows of notes and cards (in the order of `NOTES_COLUMNS` and `CARDS_COLUMNS`) in a new
    scratch file, in tables laid out as a package's (without their indexes), for
    `write_anki_collection` to copy. A thread of its own may write it while the package is filled."""
    database = sqlite_utils.Database(file)
    try:
        conn = database.conn
        database.executescript(_SCRATCH_FILE + _NOTES_TABLE + _CARDS_TABLE)
        conn.execute("BEGIN")
        for table, columns, table_rows in (("notes", NOTES_COLUMNS, notes), ("cards", CARDS_COLUMNS, cards)):
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", table_rows)
        conn.execute("COMMIT")
    finally:
        database.close()


# The file is a scratch copy until it is zipped: no journal and no waiting for the disk.
_SCRATCH_FILE_PRAGMAS = ("journal_mode = OFF", "synchronous = OFF")
_SCRATCH_FILE = "".join(f"PRAGMA {pragma};\n" for pragma in _SCRATCH_FILE_PRAGMAS)

# The tables a collection must have for the reader: settings live in tables of their own in
# schema 18 (a collection of another schema is read the way its tables say).
_CORE_TABLE_NAMES = ("col", "notes", "cards", "revlog")
_TABLES_OF_SCHEMA = {
    LEGACY_SCHEMA: _CORE_TABLE_NAMES,
    MODERN_SCHEMA: (*_CORE_TABLE_NAMES, "notetypes", "fields", "templates", "decks", "deck_config", "config"),
}

# The settings tables' columns the reader takes as they are (`_counted` makes the big tables'
# values integers or text itself), by table: those holding whole numbers, and those holding text.
_COLUMN_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "notetypes": (("id",), ("name",)),
    "fields": (("ntid", "ord"), ("name",)),
    "templates": (("ntid", "ord"), ("name",)),
    "decks": (("id",), ("name",)),
    "deck_config": (("id",), ("name",)),
}
_WITHOUT_ROWID = {"fields", "templates"}
_SQL_TYPE_NAMES = {"null": "nothing (NULL)", "real": "a real number", "blob": "a blob", "text": "text", "integer": "a whole number"}

# The tables of notes and cards (as Anki 26.9 lays them out), also those of a scratch file of rows
# (`write_scratch_rows`), which SQLite then copies into a package page by page.
_NOTES_TABLE = """
CREATE TABLE notes (
  id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
  csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL
);"""
_CARDS_TABLE = """
CREATE TABLE cards (
  id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
  due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
  lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL
);"""
# The review log's indexes by name, with what they index: built by `copying_revlog_to_package`
# when it fills the log, else by `write_anki_collection`.
_REVLOG_INDEXES = {"ix_revlog_usn": "revlog (usn)", "ix_revlog_cid": "revlog (cid)"}

# Tables every Anki 2 collection has (schema 11 and 18 alike), as Anki 26.9 lays them out.
_CORE_TABLES = f"""
CREATE TABLE col (
  id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
  conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL
);{_NOTES_TABLE}{_CARDS_TABLE}
CREATE TABLE revlog (
  id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
  type integer NOT NULL
);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON {_REVLOG_INDEXES["ix_revlog_usn"]};
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON {_REVLOG_INDEXES["ix_revlog_cid"]};
CREATE INDEX ix_notes_csum ON notes (csum);
"""

_LEGACY_TABLES = """
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
"""

# Schema 18 keeps settings in tables of their own; `name` columns compare with Anki's `unicase`.
_MODERN_TABLES = """
CREATE TABLE deck_config (
  id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL
);
CREATE TABLE config (
  KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL, mtime_secs integer NOT NULL, val blob NOT NULL
) WITHOUT ROWID;
CREATE TABLE fields (
  ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)
) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (
  ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)
) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE INDEX idx_templates_usn ON templates (usn);
CREATE TABLE notetypes (
  id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL
);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE INDEX idx_notetypes_usn ON notetypes (usn);
CREATE TABLE decks (
  id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL
);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE INDEX idx_notes_mid ON notes (mid);
CREATE INDEX idx_cards_odid ON cards (odid) WHERE odid != 0;
CREATE TABLE tags (
  tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL,
  collapsed boolean NOT NULL, config blob NULL
) WITHOUT ROWID;
CREATE TABLE graves (
  oid integer NOT NULL, type integer NOT NULL, usn integer NOT NULL, PRIMARY KEY (oid, type)
) WITHOUT ROWID;
CREATE INDEX idx_graves_pending ON graves (usn);
"""

_SCHEMAS = {LEGACY_SCHEMA: _CORE_TABLES + _LEGACY_TABLES, MODERN_SCHEMA: _CORE_TABLES + _MODERN_TABLES}
