"""The collection's notes and cards as the rows it stores, for imports and exports.

A hundred thousand notes and cards take longer to turn into records (and back) than the rest of a
transfer: an export hands the Anki package writer the rows (`CollectionNotes`, `CollectionCards`),
and an import compares what arrives with the rows of the notes and cards already here
(`stored_notes_of_guids`, `stored_cards_of_notes`), making records only of those it changes.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from ..formats.exchange import StoredRecords
from ..model import Card, Note
from . import _CARD_COLUMNS, _NOTE_COLUMNS, Store, _card_from_row, _card_to_row, _note_from_row, _note_to_row

# Places in a stored note row (`stored_note_row`) and a stored card row (`stored_card_row`).
NOTE_NOTETYPE, NOTE_FIELDS, NOTE_TAGS, NOTE_CREATED, NOTE_MODIFIED, NOTE_DOCUMENT = 2, 3, 4, 5, 6, 7
CARD_NOTE, CARD_DECK, CARD_ORDINAL, CARD_STATE, CARD_DUE, CARD_LAST_REVIEW, CARD_MODIFIED = 1, 2, 3, 4, 5, 12, 16


def stored_note_row(note: Note) -> tuple:
    """A note as the collection stores it: (id, guid, note type id, fields joined by \\x1f, tags as
    " tag1 tag2 ", created, modified, document id, span start, span end, paragraph)."""
    return _note_to_row(note)


def note_of_stored_row(row: Sequence) -> Note:
    """The record of a `stored_note_row`."""
    return _note_from_row(row)


def stored_card_row(card: Card) -> tuple:
    """A card as the collection stores it: its fields in order, as numbers."""
    return _card_to_row(card)


def card_of_stored_row(row: Sequence) -> Card:
    """The record of a `stored_card_row`."""
    return _card_from_row(row)


def stored_notes(store: Store, note_ids: Iterable[int]) -> list[tuple]:
    """The rows (`stored_note_row`) of the notes of these ids that exist, in id order."""
    return _rows_where(store, f"SELECT {_NOTE_COLUMNS} FROM notes", "id", note_ids)


def stored_notes_of_guids(store: Store, guids: Iterable[str]) -> list[tuple]:
    """The rows (`stored_note_row`) of the notes that have these GUIDs, in GUID order."""
    return _rows_where(store, f"SELECT {_NOTE_COLUMNS} FROM notes", "guid", guids)


def stored_cards_of_notes(store: Store, note_ids: Iterable[int]) -> list[tuple]:
    """The rows (`stored_card_row`) of the cards of these notes, by note id and ordinal."""
    return _rows_where(store, f"SELECT {_CARD_COLUMNS} FROM cards", "note_id", note_ids, ", ordinal")


def _rows_where(store: Store, select: str, column: str, values: Iterable[int] | Iterable[str], then_by: str = "") -> list[tuple]:
    """The rows of `select` (a SELECT … FROM one table) whose `column` is one of `values`, as
    tuples, in `column` order (then `then_by`)."""
    cursor = store.db.conn.cursor()
    cursor.row_factory = None
    sql = f"{select} WHERE {column} IN (SELECT value FROM json_each(?)) ORDER BY {column}{then_by}"
    return cursor.execute(sql, (json.dumps(list(values)),)).fetchall()


class CollectionNotes(StoredRecords[Note]):
    """The collection's notes of some ids, in id order, for an export: read once as stored rows
    (`rows`), which an Anki package writer turns into its own rows directly; as records only when
    asked."""

    def __init__(self, store: Store, note_ids: Iterable[int]):
        self._store = store
        self._note_ids = set(note_ids)
        self._rows: list[tuple] | None = None
        super().__init__(len(self._note_ids))

    def rows(self) -> list[tuple]:
        """Each note as `stored_note_row` gives it, in id order."""
        if self._rows is None:
            self._rows = stored_notes(self._store, self._note_ids)
        return self._rows

    def _read(self) -> list[Note]:
        return [_note_from_row(row) for row in self.rows()]


class CollectionCards(StoredRecords[Card]):
    """The collection's cards of some ids, in the order given, for an export: read once as stored
    rows (`rows`), which an Anki package writer turns into its own rows directly; as records only
    when asked."""

    def __init__(self, store: Store, card_ids: Sequence[int]):
        self._store = store
        self._card_ids = card_ids
        self._rows: list[tuple] | None = None
        super().__init__(len(card_ids))

    def rows(self) -> list[tuple]:
        """Each card as `stored_card_row` gives it, in the order given."""
        if self._rows is None:
            by_id = {row[0]: row for row in _rows_where(self._store, f"SELECT {_CARD_COLUMNS} FROM cards", "id", self._card_ids)}
            self._rows = [by_id[card_id] for card_id in self._card_ids]
        return self._rows

    def _read(self) -> list[Card]:
        return [_card_from_row(row) for row in self.rows()]
