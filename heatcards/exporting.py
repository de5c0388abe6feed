"""Building an `Exchange` from the collection, for the writers to turn into files.

An export holds the chosen cards (a deck with its subdecks, a search, or everything), their notes,
and only the note types, decks, presets, documents and media files those use. Ids are the
collection's own: they are unique, and packages carry them to the next collection (see `importing`).

Without scheduling, cards leave as new cards in their new-queue order, without flags, and notes
lose the `leech` and `marked` tags, as Anki exports them: a deck to share, not a study record.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .errors import InvalidInputError
from .formats.exchange import Exchange, MediaFile
from .importing import media_references
from .model import Card, CardState, Note, NoteType
from .note_html import media_file
from .storage import FIELD_SEPARATOR
from .storage.anki_collection import CollectionReviews
from .storage.transfer_rows import CARD_DECK, CARD_NOTE, NOTE_DOCUMENT, NOTE_FIELDS, NOTE_NOTETYPE, CollectionCards, CollectionNotes

if TYPE_CHECKING:  # the collection calls in here; avoid a cycle at import time
    from .collection import Collection

STUDY_TAGS = ("leech", "marked")  # tags that record studying; dropped when scheduling is not exported


def export_exchange(
    collection: Collection,
    *,
    deck: str | None = None,
    search: str | None = None,
    scheduling: bool = True,
    media: bool = True,
) -> Exchange:
    """The cards of `deck` (subdecks included), or those `search` finds, or the whole collection."""
    if deck is not None and search is not None:
        raise InvalidInputError("export a deck or the cards a search finds, not both")
    store = collection.store
    if deck is not None:
        chosen = collection.deck_named(deck)
        card_ids = collection.card_ids_in_deck(chosen.id)
        decks = [d for d in collection.decks() if d.id in set(collection.deck_tree_ids(chosen))]
    elif search is not None:
        card_ids = collection.find_cards(search)
        decks = None
    else:
        card_ids = store.card_ids()
        decks = collection.decks()
    # Notes and cards stay the collection's rows until a writer asks (records only if it needs them).
    stored_cards = CollectionCards(store, card_ids)
    stored_notes = CollectionNotes(store, {row[CARD_NOTE] for row in stored_cards.rows()})
    if decks is None:
        used = {row[CARD_DECK] for row in stored_cards.rows()}
        decks = [d for d in collection.decks() if d.id in used]
    used_notetypes = {row[NOTE_NOTETYPE] for row in stored_notes.rows()}
    notetypes = [n for n in collection.notetypes() if n.id in used_notetypes]
    used_presets = {d.preset_id for d in decks}
    documents = store.documents({row[NOTE_DOCUMENT] for row in stored_notes.rows() if row[NOTE_DOCUMENT] is not None})
    notes: tuple[Note, ...] | CollectionNotes = stored_notes
    cards: tuple[Card, ...] | CollectionCards = stored_cards
    reviews: tuple[()] | CollectionReviews = ()
    if scheduling:
        reviews = CollectionReviews(store, card_ids)
        reviews = reviews if len(reviews) else ()
    else:
        cards, notes = tuple(_as_new(stored_cards)), tuple(_without_study_tags(n) for n in stored_notes)
    return Exchange(
        notetypes=tuple(notetypes),
        presets=tuple(p for p in collection.presets() if p.id in used_presets),
        decks=tuple(decks),
        notes=notes,
        cards=cards,
        reviews=reviews,
        media=tuple(_media_files(collection, stored_notes, notetypes)) if media else (),
        documents=tuple(documents),
        scheduling=scheduling,
    )


def _as_new(cards: Sequence[Card]) -> list[Card]:
    """The cards reset to new: new cards keep their places, the others follow in card order."""
    last = max((c.due for c in cards if c.state is CardState.NEW), default=0)
    reset = []
    for card in cards:
        if card.state is CardState.NEW:
            due = card.due
        else:
            last += 1
            due = last
        reset.append(Card(card.id, card.note_id, card.deck_id, card.ordinal, due=due, modified=card.modified))
    return reset


def _without_study_tags(note: Note) -> Note:
    return replace(note, tags=tuple(t for t in note.tags if t.casefold() not in STUDY_TAGS))


def _media_files(collection: Collection, notes: CollectionNotes, notetypes: Iterable[NoteType]) -> list[MediaFile]:
    """The media folder's files that the notes' fields or their note types' templates name."""
    # a field that names a file holds "<" or "[sound:" (see `media_references`): most notes hold neither
    joined = (row[NOTE_FIELDS] for row in notes.rows())
    texts = [value for fields in joined if "<" in fields or "[sound:" in fields for value in fields.split(FIELD_SEPARATOR)]
    texts += [side for notetype in notetypes for template in notetype.templates for side in (template.front, template.back)]
    names = dict.fromkeys(name for text in texts for name in media_references(text))
    files = []
    for name in names:
        path = media_file(collection.media_folder, name)
        if path is not None:
            files.append(MediaFile(name, path.read_bytes))
    return files

