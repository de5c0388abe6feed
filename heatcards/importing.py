"""Merging an `Exchange` into the collection: the one path every import takes.

What the merge keeps and what it takes:

* Note types: the collection's note type of the same name, kind, fields and number of templates
  is reused (its templates and styling stay as they are); a different one of that name is added as
  "Name (imported)", "Name (imported 2)", ... (reused in turn when it matches on the next import).
* Presets by name (the collection's settings win); decks by name, case-insensitively, with missing
  parents created. An import `deck` replaces every top-level deck name: everything lands under it.
* Notes by GUID, under a `DuplicatePolicy`. With UPDATE, incoming fields and tags replace different
  ones, and a card takes the incoming scheduling only when the incoming card was reviewed more
  recently than the collection's (its `last_review` is later): progress made here is never lost.
  Suspension, flags and the card's deck stay as the collection has them.
* Ids: incoming note and card ids are kept while the collection does not use them (packages move
  between collections with their ids); otherwise, and for notes that arrive without cards (text
  files, deck files), new ids are made. Reviews keep their ids, so importing the same history twice
  adds it once.
* Media: a file of the same name and bytes is already there; a different file of that name is
  stored under a name holding its content hash, and the imported notes' fields are rewritten to it.
* Cards that arrive with review history but without a memory state get the one FSRS computes
  from that history (Anki's rules: see `memory_history`).

Everything but the media files happens in the caller's transaction. Media files are written last,
under hidden names in the media folder (`StagedMedia`), and get their names only once the caller's
transaction has committed; if anything fails first, the commit included, they are removed, so a
failed or cancelled import leaves the collection and its media folder as they were.
An import cannot be undone (it would mean keeping every row it replaced); it clears the undo steps,
which could otherwise put back rows the import has since changed.
"""
from __future__ import annotations

import html
import itertools
import os
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .errors import HeatcardsError, InvalidInputError
from .formats.apkg import PackageReviews
from .formats.exchange import DuplicatePolicy, Exchange, ImportReport, MediaFile, Progress, in_batches
from .model import Card, CardState, Changes, Deck, Note, NoteType, ReviewKind, ReviewLogEntry
from .note_html import media_file_name
from .presets import validate_preset
from .rendering import card_ordinals
from .scheduling import Scheduler
from .storage import FIELD_SEPARATOR
from .storage.transfer_rows import (
    CARD_DECK,
    CARD_LAST_REVIEW,
    CARD_NOTE,
    CARD_ORDINAL,
    NOTE_FIELDS,
    NOTE_NOTETYPE,
    NOTE_TAGS,
    card_of_stored_row,
    note_of_stored_row,
    stored_cards_of_notes,
    stored_notes_of_guids,
)

if TYPE_CHECKING:  # the collection calls in here; avoid a cycle at import time
    from .collection import Collection

_Record = TypeVar("_Record", Note, Card, ReviewLogEntry)
IMPORTED_SUFFIX = "imported"

# Anki's media references: the file attribute of these elements, and [sound:name].
_MEDIA_ATTRIBUTE = re.compile(
    r"(<(?:img|audio|video|source|object)\b[^>]*?\b(?:src|data)\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)",
    re.IGNORECASE | re.DOTALL,
)
_SOUND_TAG = re.compile(r"\[sound:([^\]]+)\]")
_NOT_A_MEDIA_FILE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)  # URLs, data:, absolute paths

# The card fields an incoming card's scheduling replaces (see the module's docstring).
_SCHEDULING_FIELDS = ("state", "due", "interval", "stability", "difficulty", "remaining_steps", "reps", "lapses", "last_review")
# Log entries that never take part in a memory-state history (see `memory_history`).
_UNSCORED_KINDS = (ReviewKind.MANUAL, ReviewKind.RESCHEDULED)


# --- media references ------------------------------------------------------------------
def _unquoted(value: str) -> str:
    return html.unescape(value[1:-1] if value[:1] in "\"'" else value)


def _is_media_name(name: str) -> bool:
    return bool(name) and not _NOT_A_MEDIA_FILE.match(name)


def media_references(text: str) -> list[str]:
    """The media folder files a field or template names (images, audio, video, [sound:…]), in order."""
    if "<" not in text and "[sound:" not in text:  # what both patterns start with: most fields have neither
        return []
    names = [_unquoted(m.group(2)) for m in _MEDIA_ATTRIBUTE.finditer(text)]
    names += [html.unescape(m.group(1)) for m in _SOUND_TAG.finditer(text)]
    return [name for name in names if _is_media_name(name)]


def rename_media_references(text: str, renames: Mapping[str, str]) -> str:
    """`text` with each reference to a file in `renames` pointing at its new name."""
    if not renames:
        return text

    def attribute(match: re.Match) -> str:
        new = renames.get(_unquoted(match.group(2)))
        if new is None:
            return match.group(0)
        return f'{match.group(1)}"{html.escape(new)}"'

    def sound(match: re.Match) -> str:
        new = renames.get(html.unescape(match.group(1)))
        return match.group(0) if new is None else f"[sound:{new}]"

    return _SOUND_TAG.sub(sound, _MEDIA_ATTRIBUTE.sub(attribute, text))


# --- memory states from history ----------------------------------------------------------
def memory_history(reviews: Sequence[ReviewLogEntry]) -> list[tuple[int, int]]:
    """(unix seconds, rating) of the reviews FSRS computes a card's memory state from, as Anki does:
    history before the last reset to new is dropped, then entries without a rating, manual and
    rescheduled ones; of the rest, the last unbroken run of learning answers and all after it."""
    start = 0
    for index, entry in enumerate(reviews):
        if entry.is_reset:
            start = index + 1
    scored = [e for e in reviews[start:] if 1 <= e.rating <= 4 and e.kind not in _UNSCORED_KINDS]
    first = 0
    for index in range(len(scored) - 1, -1, -1):
        if scored[index].kind is ReviewKind.LEARN:
            first = index
        elif first > index:
            break
    return [(entry.time // 1000, entry.rating) for entry in scored[first:]]


# --- the merge -------------------------------------------------------------------------------
def merge_exchange(
    collection: Collection,
    exchange: Exchange,
    *,
    policy: DuplicatePolicy,
    deck: str | None,
    source: str,
    progress: Progress,
    media: StagedMedia,
) -> tuple[ImportReport, Changes]:
    """Merge `exchange` into `collection` inside the caller's transaction (see the module's docstring);
    the media files it brings are staged in `media`, which the caller publishes once it has committed."""
    return _Merge(collection, exchange, policy, deck, progress, media).run(source)


class StagedMedia:
    """Media files written under hidden names in the media folder, given their own names only by
    `publish` (after the import's transaction has committed) or removed by `discard`."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._files: list[tuple[Path, Path]] = []  # (hidden file, its name to be)
        self._batch = uuid.uuid4().hex[:12]

    def __len__(self) -> int:
        return len(self._files)

    def stage(self, name: str, data: bytes) -> None:
        hidden = self.folder / f".heatcards-import-{self._batch}-{len(self._files)}.partial"
        self._files.append((hidden, self.folder / name))  # before it is written: a half-written file goes too
        try:
            hidden.write_bytes(data)
        except OSError as error:
            raise HeatcardsError(f"cannot save media in {self.folder}: {error.strerror or error}") from error

    def discard(self) -> None:
        for hidden, _ in self._files:
            hidden.unlink(missing_ok=True)
        self._files.clear()

    def publish(self) -> None:
        try:
            for hidden, final in self._files:
                os.replace(hidden, final)
        except OSError as error:
            self.discard()
            raise HeatcardsError(
                f"the import was saved, but its media files could not be put in {self.folder}: {error.strerror or error}"
            ) from error
        self._files.clear()


@dataclass
class _Tally:
    """What the merge did so far: the report's counts and lines, and the rows `Changes` names."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    cards_added: int = 0
    reviews_added: int = 0
    media_added: int = 0
    lines: list[str] = field(default_factory=list)
    note_ids: set[int] = field(default_factory=set)
    card_ids: set[int] = field(default_factory=set)
    structure_changed: bool = False  # note types, presets, decks or documents were added or changed

    def say(self, count: int, text: str) -> None:
        if count:
            self.lines.append(f"{count} {text}")


class _IdMaker:
    """Ids for rows that cannot keep theirs: past every id in use or arriving, time-like as usual."""

    def __init__(self, start: int):
        self._next = start

    def __call__(self) -> int:
        self._next += 1
        return self._next - 1


class _Merge:
    """One merge: the maps from the exchange's ids to the collection's, filled stage by stage."""

    def __init__(
        self, collection: Collection, exchange: Exchange, policy: DuplicatePolicy, deck: str | None, progress: Progress, media: StagedMedia
    ):
        self.collection = collection
        self.staged = media
        self.store = collection.store
        self.exchange = exchange
        self.policy = policy
        self.top_deck = _deck_path(deck) if deck is not None else None
        self.progress = progress
        self.now = collection.now()
        self.tally = _Tally()
        self.notetypes: dict[int, NoteType] = {}  # local id -> the collection's note type
        self.notetypes_by_id: dict[int, NoteType] = {}  # the same, by the collection's id
        self.presets: dict[int, int] = {}
        self.decks: dict[int, Deck] = {}
        self.documents: dict[int, int] = {}
        self.media_renames: dict[str, str] = {}
        self.media_to_write: list[tuple[MediaFile, str]] = []
        self.note_ids: dict[int, int] = {}  # local note id -> collection note id, for notes whose cards come along
        self.card_ids: dict[int, int] = {}  # local card id -> collection card id
        self.cards_here: list[int] = []  # the collection's cards that incoming cards matched
        self.schedulers: dict[int, Scheduler] = {}  # by the collection's deck id
        self.history: Mapping[int, list[ReviewLogEntry]] | None = None
        self.new_note_id = _IdMaker(max(self.now * 1000, self.store.max_id("notes") + 1, *(n.id + 1 for n in exchange.notes)))
        self.new_card_id = _IdMaker(max(self.now * 1000, self.store.max_id("cards") + 1, *(c.id + 1 for c in exchange.cards)))

    def run(self, source: str) -> tuple[ImportReport, Changes]:
        self._map_notetypes()
        self._map_presets()
        self._map_decks()
        self._map_documents()
        self._plan_media()
        existing_notes = self._merge_notes()
        self._merge_cards(existing_notes)
        self._merge_reviews()
        t = self.tally
        changed = bool(t.added or t.updated or t.cards_added or t.reviews_added or t.card_ids or t.structure_changed)
        if changed:
            self.store.clear_undo()
        self._write_media()
        report = ImportReport(
            source=source,
            added=t.added,
            updated=t.updated,
            unchanged=t.unchanged,
            skipped=t.skipped,
            cards_added=t.cards_added,
            reviews_added=t.reviews_added,
            media_added=t.media_added,
            notes=tuple(t.lines),
        )
        changes = Changes(
            cards=frozenset(t.card_ids), notes=frozenset(t.note_ids), decks=changed, queue=changed, stats=changed
        )
        return report, changes

    # --- note types, presets, decks, documents -----------------------------------------
    def _map_notetypes(self) -> None:
        known = self.store.notetypes()
        for incoming in self.exchange.notetypes:
            for name in _names_to_try(incoming.name):
                ours = next((n for n in known if n.name == name), None)
                if ours is None:
                    ours = replace(incoming, id=None, name=name)
                    ours = replace(ours, id=self.store.insert_notetype(ours))
                    known.append(ours)
                    self.tally.structure_changed = True
                    if name != incoming.name:
                        self.tally.lines.append(f"note type {incoming.name!r} differs from the collection's: added as {name!r}")
                if _same_shape(ours, incoming):
                    self._use_notetype(incoming, ours)
                    break

    def _use_notetype(self, incoming: NoteType, ours: NoteType) -> None:
        self.notetypes[incoming.id] = ours
        self.notetypes_by_id[ours.id] = ours

    def _map_presets(self) -> None:
        by_name = {p.name.casefold(): p.id for p in self.store.presets()}
        for incoming in self.exchange.presets:
            existing = by_name.get(incoming.name.strip().casefold())
            if existing is not None:
                self.presets[incoming.id] = existing
                continue
            try:
                preset = validate_preset(replace(incoming, id=None, name=" ".join(incoming.name.split())))
            except InvalidInputError as error:
                self.tally.lines.append(f"preset {incoming.name!r} not imported ({error}): its decks use the default preset")
                continue
            self.presets[incoming.id] = by_name[preset.name.casefold()] = self.store.save_preset(preset)
            self.tally.structure_changed = True

    def _map_decks(self) -> None:
        for incoming in sorted(self.exchange.decks, key=lambda d: d.name.count("::")):  # parents first
            name = self._deck_name(incoming.name)
            deck = self.store.deck_by_name(name)
            if deck is None:
                deck = self.collection.add_deck(name)
                self.tally.structure_changed = True
                preset_id = self.presets.get(incoming.preset_id)
                if preset_id is not None and preset_id != deck.preset_id:
                    deck = replace(deck, preset_id=preset_id)
                    self.store.update_deck(deck)
            if incoming.description and incoming.description != deck.description and self.policy is DuplicatePolicy.UPDATE:
                deck = replace(deck, description=incoming.description)
                self.store.update_deck(deck)
                self.tally.structure_changed = True
            self.decks[incoming.id] = deck

    def _deck_name(self, name: str) -> str:
        parts = _deck_path(name).split("::")
        if self.top_deck is None:
            return "::".join(parts)
        return "::".join((self.top_deck, *parts[1:]))

    def _deck(self, local_id: int, what: str) -> Deck:
        deck = self.decks.get(local_id)
        if deck is None:
            raise InvalidInputError(f"{what} refers to deck {local_id}, which the file does not describe")
        return deck

    def _map_documents(self) -> None:
        for document in self.exchange.documents:
            existing = self.store.document_id_by_hash(document.sha256)
            if existing is None:
                existing = self.store.insert_document(
                    document.title, document.file_name, document.sha256, document.text, list(document.paragraphs), self.now
                )
                self.tally.structure_changed = True
            self.documents[document.id] = existing

    # --- media -------------------------------------------------------------------------
    def _plan_media(self) -> None:
        """Decide each incoming file's name in the media folder (`_write_media` writes them)."""
        planned: set[str] = set()
        for media in self.exchange.media:
            name, write = self._media_name(media, planned)
            if name != media.name:
                self.media_renames[media.name] = name
            if write:
                planned.add(name)
                self.media_to_write.append((media, name))
        self.tally.say(len(self.media_renames), "media files renamed: another file had the same name (or it was not a plain file name)")

    def _media_name(self, media: MediaFile, planned: set[str]) -> tuple[str, bool]:
        """The name `media` will have in the media folder, and whether it still has to be written."""
        folder = self.collection.media_folder
        data = None
        if _is_plain_file_name(media.name) and media.name not in planned:
            target = folder / media.name
            if not target.exists():
                return media.name, True
            data = media.read()
            if _same_bytes(target, data):
                return media.name, False
        data = media.read() if data is None else data
        name = media_file_name(data, media.name)  # holds a hash of the content: equal names, equal bytes
        return name, name not in planned and not (folder / name).exists()

    def _write_media(self) -> None:
        """Stage the planned media files (the caller publishes them once the rows are committed)."""
        for done, (media, name) in enumerate(self.media_to_write, start=1):
            self.staged.stage(name, media.read())
            self.progress("media", done, len(self.media_to_write))
        self.tally.media_added = len(self.staged)

    # --- notes -------------------------------------------------------------------------
    def _merge_notes(self) -> set[int]:
        """Add, update or skip each incoming note; returns the ids of the collection's notes that matched.

        The notes already here are compared as the rows the collection stores: only those that
        change become records (a package imported again changes none of its notes)."""
        notes = self.exchange.notes
        stored = {row[0]: row for row in stored_notes_of_guids(self.store, (n.guid for n in notes))}
        found = {row[1]: row[0] for row in stored.values()}  # GUID -> note id
        duplicating = self.policy is DuplicatePolicy.DUPLICATE
        free_ids = self._free_ids("notes", [n.id for n in notes if duplicating or n.guid not in found])
        inserts: list[Note] = []
        updates: list[Note] = []
        matched: set[int] = set()
        seen: set[str] = set()
        present = repeated = other_notetype = duplicated = 0
        for batch in in_batches(notes, "notes", self.progress):
            for incoming in batch:
                if incoming.guid in seen:
                    repeated += 1
                    continue
                seen.add(incoming.guid)
                row = stored.get(found.get(incoming.guid, -1))
                if row is not None and self.policy is DuplicatePolicy.UPDATE and self._holds_as_it_is(row, incoming):
                    matched.add(row[0])
                    self.note_ids[incoming.id] = row[0]
                    self.tally.unchanged += 1
                    continue
                note = self._local_note(incoming)
                if row is not None and self.policy is DuplicatePolicy.DUPLICATE:
                    row, note = None, replace(note, guid=uuid.uuid4().hex)
                    duplicated += 1
                if row is None:
                    inserts.append(self._new_note(incoming, note, free_ids))
                elif self.policy is DuplicatePolicy.SKIP:
                    present += 1
                elif row[NOTE_NOTETYPE] != note.notetype_id:
                    other_notetype += 1
                else:
                    matched.add(row[0])
                    self.note_ids[incoming.id] = row[0]
                    if _holds(row, note):
                        self.tally.unchanged += 1
                        continue
                    existing = note_of_stored_row(row)
                    wanted = _changed(existing, fields=note.fields, tags=note.tags, source=note.source or existing.source)
                    if wanted == existing:
                        self.tally.unchanged += 1
                    else:
                        updates.append(_changed(wanted, modified=self.now))
        self.store.insert_notes(inserts)
        self.store.update_notes(updates)
        t = self.tally
        t.added, t.updated, t.skipped = len(inserts), len(updates), present + repeated + other_notetype
        t.note_ids.update(n.id for n in (*inserts, *updates))
        t.say(present, "notes skipped: already in the collection")
        t.say(other_notetype, "notes skipped: the collection has them with a different note type")
        t.say(repeated, "notes skipped: their GUID appears earlier in the file")
        t.say(duplicated, "notes added as duplicates with new GUIDs")
        return matched

    def _holds_as_it_is(self, row: tuple, incoming: Note) -> bool:
        """Whether the stored note `row` holds `incoming` unchanged, with nothing for `_local_note`
        to change or refuse (no media renamed, no source, a note type of the collection's with as
        many fields): a note imported again costs no record."""
        notetype = self.notetypes.get(incoming.notetype_id)
        return (
            notetype is not None
            and row[NOTE_NOTETYPE] == notetype.id
            and not self.media_renames
            and len(incoming.fields) == len(notetype.fields)
            and _holds(row, incoming)
        )

    def _free_ids(self, table: str, candidates: list[int]) -> set[int]:
        """Which of the incoming ids of the notes or cards (`table`) that may be added the
        collection does not use: those keep their ids."""
        return set(candidates) - self.store.existing_ids(table, candidates) if candidates else set()

    def _new_note(self, incoming: Note, note: Note, free_ids: set[int]) -> Note:
        """`note` as added: with its incoming id when free (notes arriving with their cards), else a
        new one; notes arriving without cards are new notes, created now."""
        if incoming.id in self.exchange.new_note_decks:
            note = _changed(note, id=self.new_note_id(), created=self.now, modified=self.now)
        elif note.id not in free_ids:
            note = _changed(note, id=self.new_note_id())
        free_ids.discard(note.id)
        self.note_ids[incoming.id] = note.id
        return note

    def _local_note(self, incoming: Note) -> Note:
        """The incoming note in the collection's terms: its note type, documents and media names."""
        notetype = self.notetypes.get(incoming.notetype_id)
        if notetype is None:
            raise InvalidInputError(f"note {incoming.guid} refers to note type {incoming.notetype_id}, which the file does not describe")
        if len(incoming.fields) != len(notetype.fields):
            raise InvalidInputError(
                f"note {incoming.guid} has {len(incoming.fields)} fields; note type {notetype.name!r} has {len(notetype.fields)}"
            )
        if any(FIELD_SEPARATOR in value for value in incoming.fields):
            raise InvalidInputError(f"note {incoming.guid}: a field holds the control character U+001F (it separates fields)")
        fields = incoming.fields
        if self.media_renames:
            fields = tuple(rename_media_references(value, self.media_renames) for value in fields)
        source = incoming.source
        if source is not None and source.document_id is not None:
            source = replace(source, document_id=self.documents.get(source.document_id))
        return _changed(incoming, notetype_id=notetype.id, fields=fields, source=source)

    # --- cards -------------------------------------------------------------------------
    def _merge_cards(self, existing_notes: set[int]) -> None:
        """Add the incoming cards of notes added, match those of notes already here (as the rows
        the collection stores; a record is made of a card only when it takes the incoming progress)."""
        exchange = self.exchange
        local_cards: defaultdict[int, dict[int, tuple]] = defaultdict(dict)  # note id -> ordinal -> stored row
        for row in stored_cards_of_notes(self.store, existing_notes):
            local_cards[row[CARD_NOTE]][row[CARD_ORDINAL]] = row
        position = _NewPositions(self.store.max_new_position(), exchange.cards if exchange.scheduling else ())
        of_notes_here = ((c, self.note_ids[c.note_id]) for c in exchange.cards if c.note_id in self.note_ids)
        free_ids = self._free_ids("cards", [c.id for c, note_id in of_notes_here if c.ordinal not in local_cards.get(note_id, ())])
        inserts: list[Card] = []
        taken: list[Card] = []
        for batch in in_batches(exchange.cards, "cards", self.progress):
            for incoming in batch:
                note_id = self.note_ids.get(incoming.note_id)
                if note_id is None:
                    continue
                local = local_cards[note_id].get(incoming.ordinal) if note_id in local_cards else None
                if local is not None:
                    self.card_ids[incoming.id] = local[0]
                    self.cards_here.append(local[0])
                    if exchange.scheduling and _studied_later(incoming, local[CARD_LAST_REVIEW]):
                        taken.append(self._with_memory(_scheduling_from(incoming, card_of_stored_row(local)), incoming.id))
                    continue
                card_id = incoming.id if incoming.id in free_ids else self.new_card_id()
                free_ids.discard(card_id)
                deck_id = self._deck(incoming.deck_id, f"card {incoming.id}").id
                if exchange.scheduling:
                    card = _changed(incoming, id=card_id, note_id=note_id, deck_id=deck_id, due=position.of(incoming))
                    card = self._with_memory(card, incoming.id)
                else:
                    card = Card(card_id, note_id, deck_id, incoming.ordinal, due=position.next(), modified=self.now)
                inserts.append(card)
                self.card_ids[incoming.id] = card_id
        inserts += self._cards_for_new_notes(local_cards, position)
        self.store.insert_cards(inserts)
        self.store.save_cards(taken)
        self.tally.cards_added = len(inserts)
        self.tally.card_ids.update(c.id for c in (*inserts, *taken))
        self.tally.say(len(taken), "cards took the incoming progress: they were studied more recently there")

    def _cards_for_new_notes(self, local_cards: Mapping[int, Mapping[int, tuple]], position: _NewPositions) -> list[Card]:
        """The cards `Collection.add_note` would make for notes that arrive without cards (for a
        note already here, those its new fields call for), in the deck the file names, or for a
        note already here, the deck of its other cards."""
        notes = {n.id: n for n in self.exchange.notes}
        cards = []
        for local_id, deck_local_id in self.exchange.new_note_decks.items():
            note_id = self.note_ids.get(local_id)
            if note_id is None:
                continue
            note = self._local_note(notes[local_id])
            siblings = local_cards.get(note_id, {})
            deck_id = next(iter(siblings.values()))[CARD_DECK] if siblings else self._deck(deck_local_id, f"note {note.guid}").id
            for ordinal in card_ordinals(self.notetypes_by_id[note.notetype_id], note.fields):
                if ordinal not in siblings:
                    cards.append(Card(self.new_card_id(), note_id, deck_id, ordinal, due=position.next(), modified=self.now))
        return cards

    def _with_memory(self, card: Card, local_id: int) -> Card:
        """A studied card without a memory state gets the one its incoming history gives (and the
        time of its last review, when missing)."""
        if not _lacks_memory(card):
            return card
        reviews = memory_history(self._incoming_history().get(local_id, ()))
        if not reviews:
            return card
        scheduler = self.schedulers.get(card.deck_id)
        if scheduler is None:
            scheduler = self.schedulers[card.deck_id] = self.collection.scheduler_for(self.store.deck(card.deck_id))
        stability, difficulty = scheduler.memory_from_history(reviews)
        return replace(card, stability=stability, difficulty=difficulty, last_review=card.last_review or reviews[-1][0])

    def _incoming_history(self) -> Mapping[int, list[ReviewLogEntry]]:
        """Incoming reviews by local card id, oldest first (gathered once, when first needed); of a
        package's log, only those of the cards that arrive studied without a memory state."""
        if self.history is None:
            reviews = self.exchange.reviews
            if isinstance(reviews, PackageReviews):
                self.history = reviews.of_cards(c.id for c in self.exchange.cards if _lacks_memory(c))
            else:
                self.history = defaultdict(list)
                for review in sorted(reviews, key=lambda r: r.time):
                    self.history[review.card_id].append(review)
        return self.history

    # --- reviews -------------------------------------------------------------------------
    def _merge_reviews(self) -> None:
        reviews = self.exchange.reviews if self.exchange.scheduling else ()
        ids = self.card_ids
        if isinstance(reviews, PackageReviews):  # the same, in one statement from the package's file
            self.tally.reviews_added = reviews.insert_into(self.store, ids, self.progress)
            return
        # Cards already here may have these reviews already: those are left out before the insert,
        # which would skip them too, but more slowly.
        present = self.store.review_ids_present(r.id for r in reviews) if self.cards_here else set()
        mapped: list[ReviewLogEntry] = []
        for batch in in_batches(reviews, "reviews", self.progress):
            mapped += [
                r if card_id == r.card_id else _changed(r, card_id=card_id)
                for r in batch
                if (card_id := ids.get(r.card_id)) is not None and r.id not in present
            ]
        self.tally.reviews_added = self.store.insert_reviews_not_present(mapped)


class _NewPositions:
    """Places in the new-card queue: incoming new cards keep their order after the collection's own."""

    def __init__(self, last_position: int, incoming: Iterable[Card]):
        first_incoming = min((c.due for c in incoming if c.state is CardState.NEW), default=last_position + 1)
        self._shift = max(0, last_position + 1 - first_incoming)
        self._last = last_position

    def of(self, card: Card) -> int:
        """An incoming card's due: shifted past the collection's new cards when it is new."""
        if card.state is not CardState.NEW:
            return card.due
        self._last = max(self._last, card.due + self._shift)
        return card.due + self._shift

    def next(self) -> int:
        """A place after every new card so far."""
        self._last += 1
        return self._last


def _deck_path(name: str) -> str:
    parts = [part.strip() for part in name.split("::")]
    if not all(parts):
        raise InvalidInputError(f"deck name {name!r} has an empty part")
    return "::".join(parts)


def _names_to_try(name: str) -> Iterator[str]:
    """Names for an incoming note type: its own, then "Name (imported)", "Name (imported 2)", ..."""
    yield name
    yield f"{name} ({IMPORTED_SUFFIX})"
    for number in itertools.count(2):
        yield f"{name} ({IMPORTED_SUFFIX} {number})"


def _same_shape(ours: NoteType, theirs: NoteType) -> bool:
    """Notes of `theirs` fit `ours` unchanged: same kind, same fields, as many templates."""
    return ours.kind is theirs.kind and ours.fields == theirs.fields and len(ours.templates) == len(theirs.templates)


# Longer names cannot be files on common file systems (255 bytes), with room to spare.
_MAX_MEDIA_NAME_BYTES = 200


def _is_plain_file_name(name: str) -> bool:
    return (
        bool(name)
        and name not in (".", "..")
        and not any(c in name for c in "/\\\x00")
        and name == name.strip()
        and len(name.encode("utf-8", "surrogatepass")) <= _MAX_MEDIA_NAME_BYTES
    )


def _same_bytes(path: Path, data: bytes) -> bool:
    return path.stat().st_size == len(data) and path.read_bytes() == data


def _lacks_memory(card: Card) -> bool:
    """A studied card without a memory state (FSRS computes it from the card's history)."""
    return card.state is not CardState.NEW and (card.stability is None or card.difficulty is None)


def _studied_later(incoming: Card, local_last_review: int | None) -> bool:
    return incoming.last_review is not None and (local_last_review is None or incoming.last_review > local_last_review)


def _holds(row: tuple, note: Note) -> bool:
    """Whether the stored note `row` already has the fields and tags of `note` (in the
    collection's terms: no field holds the separator), and `note` brings no source to change."""
    return note.source is None and row[NOTE_FIELDS] == FIELD_SEPARATOR.join(note.fields) and tuple(row[NOTE_TAGS].split()) == note.tags


def _changed(record: _Record, **changes: object) -> _Record:
    """`dataclasses.replace` for the plain frozen records of `heatcards.model` (no `__post_init__`
    to run again), in a fifth of the time: their fields copied straight into a new instance's
    dictionary, past the frozen `__setattr__` (which counts when a package brings a hundred
    thousand notes and cards)."""
    copy = object.__new__(type(record))
    fields = copy.__dict__
    fields.update(record.__dict__)
    fields.update(changes)
    return copy


def _scheduling_from(incoming: Card, local: Card) -> Card:
    return replace(local, **{name: getattr(incoming, name) for name in _SCHEDULING_FIELDS}, modified=incoming.modified)


