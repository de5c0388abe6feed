"""The SQL side of checking a collection: one function per kind of problem, finding the rows it
concerns, and the repairs that put those rows right.

`heatcards.checking` runs the finders in the order of `CHECKS`, which is also the order that
makes repairs safe (a deck gets a preset before cards move to it; a note gets the right number
of fields before its missing cards are made). Each finder returns None when all is well.
"""
from __future__ import annotations

import enum
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from ..clock import LATEST_TIME
from ..model import Card, ReviewKind, ReviewLogEntry
from . import _CARD_COLUMNS, _REVLOG_COLUMNS, FIELD_SEPARATOR, Store, _card_from_row, _in_clause, _revlog_from_row
from .browse_sql import NOTE_TAG_ROWS
from .faults import is_damage

_INTEGRITY_LINES = 20  # PRAGMA integrity_check stops after this many problems
_KNOWN_KINDS = ", ".join(f"'{kind.value}'" for kind in ReviewKind)


class FindingKind(enum.Enum):
    INTEGRITY = "damaged database file"
    DECKS_WITHOUT_PRESET = "decks without preset"
    CARDS_WITHOUT_DECK = "cards without deck"
    CARDS_WITHOUT_NOTE = "cards without note"
    NOTES_WITHOUT_NOTETYPE = "notes without note type"
    NOTES_WITH_MISSING_DOCUMENT = "notes citing a missing document"
    WRONG_FIELD_COUNT = "notes with a wrong number of fields"
    NOTES_WITHOUT_CARDS = "notes without cards"
    INVALID_CARD_STATE = "cards in an invalid state"
    INVALID_DUE = "cards with an invalid due date"
    REVIEWS_WITHOUT_CARD = "review-log entries without card"
    MEMORY_STATE = "memory states that disagree with the history"
    MISSING_MEDIA = "missing media files"
    UNUSED_MEDIA = "unused media files"
    SEARCH_INDEX = "stale search index"


@dataclass(frozen=True)
class Finding:
    """One kind of problem: how many rows (or files) it concerns, one line saying what it is and
    what repairing does, whether `check --repair` can repair it, and the rows' ids (card, note,
    deck or review ids; media file names)."""

    kind: FindingKind
    count: int
    message: str
    repairable: bool
    ids: tuple[int | str, ...] = ()


def counted(count: int, one: str, many: str) -> str:
    """`count` with the words that go with it: counted(1, "card is", "cards are") == "1 card is"."""
    return f"{count} {one if count == 1 else many}"


def found(
    kind: FindingKind, ids: tuple[int | str, ...], subject: tuple[str, str], rest: str, *, repairable: bool = True
) -> Finding | None:
    """The finding for `ids` (None when there are none), its message `subject` (singular and
    plural, verb included) counted, then `rest`."""
    if not ids:
        return None
    return Finding(kind, len(ids), f"{counted(len(ids), *subject)} {rest}", repairable, ids)


def _ids(store: Store, sql: str, params: Sequence = ()) -> tuple:
    """The first column of every row `sql` gives."""
    return tuple(row[0] for row in store.db.conn.execute(sql, params))


# --- finders -------------------------------------------------------------------------------
def find_damage(store: Store) -> Finding | None:
    """SQLite's integrity check of the whole file (pages, indexes, constraints)."""
    try:
        problems = [row[0] for row in store.db.conn.execute(f"PRAGMA integrity_check({_INTEGRITY_LINES})")]
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    if problems == ["ok"]:
        return None
    more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
    return Finding(
        FindingKind.INTEGRITY,
        len(problems),
        f"the database file is damaged ({problems[0]}{more}); repair cannot fix this: restore the newest good "
        "backup ('heatcards backups' lists them, 'heatcards restore BACKUP' puts one back)",
        repairable=False,
    )


def _broken_references(store: Store, table: str, parent: str) -> tuple[int, ...]:
    """Ids of the rows of `table` whose reference to `parent` points at nothing (SQLite's own
    foreign key check, which also finds rows written while foreign keys were not enforced)."""
    rows = store.db.conn.execute(f"PRAGMA foreign_key_check({table})")
    return tuple(sorted({row[1] for row in rows if row[2] == parent}))


def find_decks_without_preset(store: Store) -> Finding | None:
    return found(
        FindingKind.DECKS_WITHOUT_PRESET,
        _broken_references(store, "decks", "presets"),
        ("deck uses", "decks use"),
        "a deck options preset that no longer exists; repair gives them the Default preset",
    )


def find_cards_without_deck(store: Store) -> Finding | None:
    return found(
        FindingKind.CARDS_WITHOUT_DECK,
        _broken_references(store, "cards", "decks"),
        ("card belongs", "cards belong"),
        "to a deck that no longer exists; repair moves them to the Default deck",
    )


def find_cards_without_note(store: Store) -> Finding | None:
    return found(
        FindingKind.CARDS_WITHOUT_NOTE,
        _broken_references(store, "cards", "notes"),
        ("card belongs", "cards belong"),
        "to a note that no longer exists, so they have nothing to show; repair deletes them and their review history",
    )


def find_notes_without_notetype(store: Store) -> Finding | None:
    return found(
        FindingKind.NOTES_WITHOUT_NOTETYPE,
        _broken_references(store, "notes", "notetypes"),
        ("note uses", "notes use"),
        "a note type that no longer exists, so their cards cannot be shown; repair cannot fix this: "
        "restore a backup from before the note type was lost",
        repairable=False,
    )


def find_notes_with_missing_document(store: Store) -> Finding | None:
    return found(
        FindingKind.NOTES_WITH_MISSING_DOCUMENT,
        _broken_references(store, "notes", "documents"),
        ("note cites", "notes cite"),
        "a source document that no longer exists; repair marks their source as deleted",
    )


def find_wrong_field_counts(store: Store) -> Finding | None:
    ids = _ids(
        store,
        "SELECT n.id FROM notes n JOIN notetypes t ON t.id = n.notetype_id "
        "WHERE length(CAST(n.fields AS BLOB)) - length(CAST(replace(n.fields, char(31), '') AS BLOB)) + 1 "
        "!= json_array_length(t.fields) "
        "ORDER BY n.id",
    )
    return found(
        FindingKind.WRONG_FIELD_COUNT,
        ids,
        ("note has", "notes have"),
        "more or fewer fields than their note type; repair adds empty fields or joins the extra ones into the "
        "last field, so no text is lost",
    )


def find_notes_without_cards(store: Store) -> Finding | None:
    ids = _ids(
        store, "SELECT id FROM notes n WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.note_id = n.id) ORDER BY id"
    )
    return found(
        FindingKind.NOTES_WITHOUT_CARDS,
        ids,
        ("note has", "notes have"),
        "no cards, so they are never studied; repair makes the cards their fields call for (new, in the Default "
        "deck); a note that calls for none stays as it is",
    )


def find_invalid_card_states(store: Store) -> Finding | None:
    ids = _ids(store, "SELECT id FROM cards WHERE typeof(state) != 'integer' OR state NOT IN (0, 1, 2, 3) ORDER BY id")
    return found(
        FindingKind.INVALID_CARD_STATE,
        ids,
        ("card is", "cards are"),
        "in no known state (new, learning, review, relearning); repair makes those with reviews review cards "
        "due now, the others new cards",
    )


def find_invalid_due_dates(store: Store) -> Finding | None:
    ids = _ids(
        store,
        "SELECT id FROM cards WHERE state IN (0, 1, 2, 3) AND (typeof(due) != 'integer' "
        "OR (state = 0 AND due < 0) OR (state != 0 AND (due <= 0 OR due > ?))) ORDER BY id",
        (LATEST_TIME,),
    )
    return found(
        FindingKind.INVALID_DUE,
        ids,
        ("card has", "cards have"),
        "an impossible due date; repair makes studied cards due now and puts new cards at the end of the "
        "new-card queue",
    )


def find_reviews_without_card(store: Store) -> Finding | None:
    ids = _ids(
        store,
        "SELECT r.id FROM revlog r WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = r.card_id) ORDER BY r.time",
    )
    return found(
        FindingKind.REVIEWS_WITHOUT_CARD,
        ids,
        ("review-log entry belongs", "review-log entries belong"),
        "to cards that no longer exist; repair deletes them",
    )


def find_stale_search_index(store: Store) -> Finding | None:
    """Notes whose search text or sort key is not what their fields give, or whose rows of the
    look-up by tag are not what their tags give, index rows of no note, and damage inside the
    full-text index itself."""
    ids = _ids(
        store,
        "SELECT n.id FROM notes n LEFT JOIN notes_text t ON t.rowid = n.id "
        "WHERE t.rowid IS NULL OR t.text IS NOT hc_note_text(n.fields) OR n.sort_key IS NOT hc_sort_key(n.fields) "
        "UNION SELECT t.rowid FROM notes_text t WHERE NOT EXISTS (SELECT 1 FROM notes n WHERE n.id = t.rowid) "
        f"UNION SELECT note_id FROM (SELECT tag, note_id FROM note_tags EXCEPT {NOTE_TAG_ROWS}) "
        f"UNION SELECT note_id FROM ({NOTE_TAG_ROWS} EXCEPT SELECT tag, note_id FROM note_tags) "
        "ORDER BY 1",
    )
    try:
        store.db.conn.execute("INSERT INTO notes_text (notes_text) VALUES ('integrity-check')")
        damaged = False
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        damaged = True
    if not ids and not damaged:
        return None
    if ids:
        what = counted(len(ids), "note is", "notes are") + " out of date in the search index"
    else:
        what = "the search index is damaged"
    return Finding(
        FindingKind.SEARCH_INDEX,
        max(len(ids), 1),
        f"{what}, so searches may miss them; repair rebuilds the index",
        True,
        ids,
    )


# The finders `heatcards.checking` runs on every collection, in the order it repairs them.
CHECKS: tuple[Callable[[Store], Finding | None], ...] = (
    find_decks_without_preset,
    find_cards_without_deck,
    find_cards_without_note,
    find_notes_without_notetype,
    find_notes_with_missing_document,
    find_wrong_field_counts,
    find_notes_without_cards,
    find_invalid_card_states,
    find_invalid_due_dates,
    find_reviews_without_card,
)


# --- what the checks outside SQL read ------------------------------------------------------
def note_fields(store: Store) -> Iterator[tuple[int, str]]:
    """(note id, its fields as stored, joined by \\x1f) of every note."""
    yield from store.db.conn.execute("SELECT id, fields FROM notes ORDER BY id")


def studied_cards_with_history(
    store: Store, card_ids: Sequence[int] | None = None
) -> Iterator[tuple[Card, list[ReviewLogEntry]]]:
    """Each learning, review and relearning card (of `card_ids`, default all) with its review log,
    oldest first; log entries of an unknown kind or state are left out. Cards and log are read
    side by side in card order, so a large collection's log is never all in memory."""
    studied = "state IN (1, 2, 3)" + ("" if card_ids is None else f" AND id IN ({_in_clause(card_ids)})")
    conn = store.db.conn
    cards = conn.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE {studied} ORDER BY id")
    logs = groupby(
        conn.execute(
            f"SELECT {_REVLOG_COLUMNS} FROM revlog WHERE kind IN ({_KNOWN_KINDS}) AND state_before IN (0, 1, 2, 3) "
            f"AND card_id IN (SELECT id FROM cards WHERE {studied}) ORDER BY card_id, time, rowid"
        ),
        key=itemgetter(1),
    )
    logged_card, log = next(logs, (None, ()))
    for row in cards:
        history = []
        if logged_card == row[0]:
            history = [_revlog_from_row(entry) for entry in log]
            logged_card, log = next(logs, (None, ()))
        yield _card_from_row(row), history


# --- repairs -------------------------------------------------------------------------------
def set_deck_preset(store: Store, deck_ids: Sequence[int], preset_id: int) -> None:
    store.db.conn.execute(f"UPDATE decks SET preset_id = ? WHERE id IN ({_in_clause(deck_ids)})", (preset_id,))


def move_cards_to_deck(store: Store, card_ids: Sequence[int], deck_id: int, now: int) -> None:
    store.db.conn.execute(
        f"UPDATE cards SET deck_id = ?, modified = ? WHERE id IN ({_in_clause(card_ids)})", (deck_id, now)
    )


def unlink_documents(store: Store, note_ids: Sequence[int]) -> None:
    """Mark the notes' source document as deleted (what deleting a document does)."""
    store.db.conn.execute(f"UPDATE notes SET document_id = NULL WHERE id IN ({_in_clause(note_ids)})")


def fit_field_counts(store: Store, note_ids: Sequence[int], now: int) -> None:
    """Give each note as many fields as its note type: missing ones empty, extra ones joined into
    the last field with line breaks."""
    conn = store.db.conn
    rows = conn.execute(
        "SELECT n.id, n.fields, json_array_length(t.fields) FROM notes n JOIN notetypes t ON t.id = n.notetype_id "
        f"WHERE n.id IN ({_in_clause(note_ids)})"
    ).fetchall()
    conn.executemany(
        "UPDATE notes SET fields = ?, modified = ? WHERE id = ?",
        [(_fitted(fields.split(FIELD_SEPARATOR), count), now, note_id) for note_id, fields, count in rows],
    )


def _fitted(fields: list[str], count: int) -> str:
    if len(fields) < count:
        fields = fields + [""] * (count - len(fields))
    elif len(fields) > count:
        fields = fields[: count - 1] + ["<br>".join(fields[count - 1:])]
    return FIELD_SEPARATOR.join(fields)


def fix_card_states(store: Store, card_ids: Sequence[int], now: int) -> None:
    """A card in no known state becomes a review card due now when it was ever reviewed (its
    interval at least a day), else a new card at the end of the new-card queue."""
    studied = "reps > 0 OR last_review IS NOT NULL"
    store.db.conn.execute(
        "UPDATE cards SET state = CASE WHEN " + studied + " THEN 2 ELSE 0 END, "
        "interval = CASE WHEN " + studied + " THEN max(interval, 1) ELSE 0 END, "
        "stability = CASE WHEN " + studied + " THEN stability END, "
        "difficulty = CASE WHEN " + studied + " THEN difficulty END, "
        f"remaining_steps = 0 WHERE id IN ({_in_clause(card_ids)})"
    )
    requeue_cards(store, card_ids, now)


def requeue_cards(store: Store, card_ids: Sequence[int], now: int) -> None:
    """Studied cards become due now; new cards go to the end of the new-card queue, in id order."""
    conn = store.db.conn
    cards = _in_clause(card_ids)
    conn.execute(f"UPDATE cards SET due = ?, modified = ? WHERE id IN ({cards}) AND state != 0", (now, now))
    last = _ids(store, f"SELECT coalesce(max(due), 0) FROM cards WHERE state = 0 AND id NOT IN ({cards})")[0]
    new_cards = _ids(store, f"SELECT id FROM cards WHERE id IN ({cards}) AND state = 0 ORDER BY id")
    conn.executemany(
        "UPDATE cards SET due = ?, modified = ? WHERE id = ?",
        [(last + place, now, card_id) for place, card_id in enumerate(new_cards, start=1)],
    )


def set_memory_states(store: Store, states: Mapping[int, tuple[float, float]]) -> None:
    """Write (stability, difficulty) of cards; nothing else about them changes."""
    store.db.conn.executemany(
        "UPDATE cards SET stability = ?, difficulty = ? WHERE id = ?",
        [(stability, difficulty, card_id) for card_id, (stability, difficulty) in states.items()],
    )


def rebuild_search_index(store: Store) -> None:
    """Rebuild the full-text index (mending damage inside it), then refill it and the sort keys
    from the notes' fields, and the look-up by tag from their tags."""
    conn = store.db.conn
    conn.execute("INSERT INTO notes_text (notes_text) VALUES ('rebuild')")
    conn.execute("DELETE FROM notes_text")
    conn.execute("INSERT INTO notes_text (rowid, text) SELECT id, hc_note_text(fields) FROM notes")
    conn.execute("UPDATE notes SET sort_key = hc_sort_key(fields) WHERE sort_key IS NOT hc_sort_key(fields)")
    conn.execute("DELETE FROM note_tags")
    conn.execute(f"INSERT INTO note_tags (tag, note_id) {NOTE_TAG_ROWS}")
