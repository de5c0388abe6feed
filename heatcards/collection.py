"""The Collection facade: everything a front end (command line, desktop) does goes through here.

Every mutation is one transaction, committed durably before it returns, and
returns a `Changes` record naming what changed.
"""
from __future__ import annotations

import html
import itertools
import math
import os
import re
import secrets
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from . import queue
from .authoring.model import DocumentText, LanguageModelSettings, StoredDocument, Suggestion, SuggestionKind, count_words
from .backups import BackupInfo, BackupReason, Backups
from .browsing import (
    SAVED_SEARCHES_KEY,
    BrowserRow,
    CellContext,
    FindReplaceResult,
    answer_text,
    plain_text,
    replacer,
    row_from_record,
    tags_added,
    tags_removed,
)
from .checking import CheckReport, check_collection
from .clock import Clock, DayCalendar
from .errors import ConflictError, HeatcardsError, InvalidInputError, NothingToUndoError, NotFoundError
from .exporting import export_exchange
from .formats.exchange import DuplicatePolicy, Exchange, ImportReport, Progress, no_progress
from .formats.heatdeck import DeckFile, deck_file_to_exchange, read_deck_file
from .importing import StagedMedia, merge_exchange
from .model import (
    ButtonPreview,
    Card,
    CardInfo,
    CardState,
    Changes,
    Deck,
    DeckCounts,
    DocumentSummary,
    LeechAction,
    Note,
    NoteType,
    NoteTypeKind,
    Preset,
    QueueCounts,
    Rating,
    ReviewKind,
    ReviewLogEntry,
    SourceLink,
    UndoPreview,
    FinishedDeck,
    SourcePassage,
    SourceStatus,
)
from .forgetting_curve import ForgettingCurve
from .forgetting_curve import forgetting_curve as sample_forgetting_curve
from .note_html import duplicate_key, media_file_name
from .notetypes import BUILTIN_NOTETYPES
from .presets import validate_preset
from .rendering import RenderedCard, card_ordinals, render_card
from .reviewing import passage_around
from .scheduling import Answer, Scheduler
from .search import SearchContext, parse_search
from .storage import FIELD_SEPARATOR, FileShare, Store, UndoStep
from .storage.search_sql import compile_search

if TYPE_CHECKING:
    from .formats.review_log import ReviewLogRow

COLLECTION_ENV = "HEATCARDS_COLLECTION"
DEFAULT_DECK = "Default"
DEFAULT_PRESET = "Default"
BUNDLED_DECKS = Path(__file__).resolve().parent.parent / "decks"
HEAT_DECK_FILE = BUNDLED_DECKS / "heat.heatdeck.toml"
MARKED_TAG = "marked"
NEW_LIMIT_EXTENSIONS = "new_limit_extensions"  # config: today's extra new cards by deck
LANGUAGE_MODEL_KEY = "language_model"  # config: {"url": …, "model": …} of the endpoint for card generation
LEECH_TAG = "leech"


def default_collection_path() -> Path:
    """$HEATCARDS_COLLECTION, else the platform's user data folder."""
    configured = os.environ.get(COLLECTION_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("heatcards", appauthor=False)) / "collection.heatcards"


@dataclass
class _TodayCounts:
    day: int
    deck_ids: tuple[int, ...]
    counts: QueueCounts


@dataclass
class _StudyReads:
    """Rows studying reads again and again, kept while the store's change count is still
    `valid_at` (no row written since they were read) or only answers wrote, which leave them as
    they were: the card `next_card` handed out last (answered, it is read no second time), the
    preset ids of decks answered in, and by decks studied (a deck with its subdecks) the time
    before which none of their learning cards is shown (`queue.learning_due_from`), which answers
    keep true."""

    valid_at: int = -1
    card: Card | None = None
    preset_ids: dict[int, int] = field(default_factory=dict)
    learning_from: dict[tuple[int, ...], float] = field(default_factory=dict)

    def checked(self, change_count: int) -> _StudyReads:
        """These reads, forgotten first if any row was written since they were made."""
        if change_count != self.valid_at:
            self.valid_at, self.card, self.preset_ids, self.learning_from = change_count, None, {}, {}
        return self


class Collection:
    """One open collection file plus its media folder; one writer at a time."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        clock: Clock | None = None,
        calendar_tz=None,
        fuzz: bool = True,
        durable: bool = True,
        install_heat_deck: bool = True,
        read_only: bool = False,
    ):
        """Open (or create) the collection at `path`. `read_only`: see `open_read_only`."""
        self.path = Path(path) if path is not None else default_collection_path()
        self.clock = clock or Clock()
        self.fuzz = fuzz
        self.backups = Backups(self.path, self.clock)
        self.store = Store(
            self.path,
            durable=durable,
            before_upgrade=lambda store: self.backups.create(store, BackupReason.MIGRATION),
            read_only=read_only,
        )
        # an in-memory collection keeps its media only while it is open, in a folder of its own
        self._media_scratch = tempfile.TemporaryDirectory(prefix="heatcards-media-") if self.in_memory else None
        self.media_folder = Path(self._media_scratch.name) if self._media_scratch else self.path.with_name(self.path.stem + ".media")
        try:
            if not read_only:
                self.media_folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.store.close()
            raise HeatcardsError(f"cannot create the media folder {self.media_folder}: {error.strerror or error}") from error
        self.calendar = DayCalendar(calendar_tz, self.store.config("rollover_hour", 4))
        self._schedulers: dict[int, Scheduler] = {}
        self._today: dict[int, _TodayCounts] = {}
        self._study_reads = _StudyReads()
        self._next_ids: dict[str, int] = {}
        if not self.store.config("initialised", False):
            self._initialise(install_heat_deck)

    # --- lifetime ------------------------------------------------------------
    def close(self) -> None:
        self.store.close()
        if self._media_scratch:
            self._media_scratch.cleanup()

    @property
    def in_memory(self) -> bool:
        """Whether the collection has no file (opened at ":memory:"): no other connection can read it."""
        return str(self.path) == ":memory:"

    def share_for_reading(self) -> FileShare:
        """Let other connections read this collection's file (`open_read_only`, a backup made from
        the path) until the share is released. Take it in this collection's thread, before they
        open; release it, from any thread, once they are closed. Without a share, the file is this
        collection's alone while it is open: see `Store.share_file`."""
        return self.store.share_file()

    def open_read_only(self) -> "Collection":
        """This collection's file opened a second time, for reading only, with the same clock, time
        zone and fuzz, under a `share_for_reading()` taken first: long reads (statistics) run in a
        worker thread, which must open it there and close it (a SQLite connection belongs to the
        thread that opened it; WAL lets it read while this one writes). An in-memory collection has
        no file to open again: HeatcardsError."""
        return Collection(self.path, clock=self.clock, calendar_tz=self.calendar.tz, fuzz=self.fuzz, read_only=True)

    def __enter__(self) -> "Collection":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def now(self) -> int:
        return int(self.clock.now())

    def _initialise(self, install_heat_deck: bool) -> None:
        with self.store.transaction():
            preset_id = self.store.save_preset(Preset(id=None, name=DEFAULT_PRESET))
            self.store.insert_deck(DEFAULT_DECK, preset_id)
            for notetype in BUILTIN_NOTETYPES:
                self.store.insert_notetype(notetype)
            self.store.set_config("rollover_hour", 4)
            self.store.set_config("initialised", True)
        if install_heat_deck and HEAT_DECK_FILE.exists():
            self.install_deck_file(HEAT_DECK_FILE)

    def _new_id(self, table: str) -> int:
        """Millisecond-time ids like Anki's, unique within the collection."""
        candidate = max(int(self.clock.now() * 1000), self._next_ids.get(table) or self.store.max_id(table) + 1)
        self._next_ids[table] = candidate + 1
        return candidate

    # --- presets and scheduling ---------------------------------------------
    def preset_of(self, deck: Deck) -> Preset:
        return self.scheduler_for(deck).preset

    def update_preset(self, preset: Preset) -> Changes:
        validate_preset(preset)
        with self.store.transaction():
            self.store.save_preset(preset)
        self._forget_today_counts()
        self._schedulers.pop(preset.id, None)
        return Changes(decks=True, queue=True)

    def scheduler_for(self, deck: Deck) -> Scheduler:
        return self._scheduler_of_preset(deck.preset_id)

    def _scheduler_of_preset(self, preset_id: int) -> Scheduler:
        scheduler = self._schedulers.get(preset_id)
        if scheduler is None:
            scheduler = Scheduler(self.store.preset(preset_id), self.calendar, fuzz=self.fuzz)
            self._schedulers[preset_id] = scheduler
        return scheduler

    # --- decks -----------------------------------------------------------------
    def decks(self) -> list[Deck]:
        return self.store.decks()

    def deck(self, deck_id: int) -> Deck:
        return self.store.deck(deck_id)

    def deck_named(self, name: str) -> Deck:
        deck = self.store.deck_by_name(name)
        if deck is None:
            known = ", ".join(d.name for d in self.decks())
            raise NotFoundError(f"no deck named {name!r} (decks: {known})")
        return deck

    def add_deck(self, name: str) -> Deck:
        """Create `name` and any missing parents ("A::B::C"); returns the deck."""
        parts = [p.strip() for p in name.split("::")]
        if not all(parts):
            raise InvalidInputError(f"deck name {name!r} has an empty part")
        with self.store.transaction():
            for depth in range(1, len(parts) + 1):
                path = "::".join(parts[:depth])
                if self.store.deck_by_name(path) is None:
                    parent = self.store.deck_by_name("::".join(parts[: depth - 1])) if depth > 1 else None
                    preset_id = parent.preset_id if parent else self.store.presets()[0].id
                    self.store.insert_deck(path, preset_id)
        self._forget_today_counts()
        return self.deck_named("::".join(parts))

    def rename_deck(self, deck_id: int, new_name: str) -> Changes:
        """Rename a deck and its subdecks; "A::B" moves it under A (created if missing)."""
        deck = self.store.deck(deck_id)
        parts = [p.strip() for p in new_name.split("::")]
        if not all(parts):
            raise InvalidInputError(f"deck name {new_name!r} has an empty part")
        target = "::".join(parts)
        if target == deck.name:
            return Changes()
        folded, old_folded = target.casefold(), deck.name.casefold()
        if folded.startswith(old_folded + "::"):
            raise InvalidInputError(f"cannot move deck {deck.name!r} inside itself ({target!r})")
        decks = self.decks()
        moving = set(self.deck_tree_ids(deck, decks))
        clash = next((d for d in decks if d.name.casefold() == folded and d.id not in moving), None)
        if clash is not None:
            raise InvalidInputError(f"a deck named {clash.name!r} already exists")
        with self.store.transaction():
            for d in decks:
                if d.id in moving:
                    self.store.update_deck(replace(d, name=target + d.name[len(deck.name):]))
            for depth in range(1, len(parts)):
                parent = "::".join(parts[:depth])
                if self.store.deck_by_name(parent) is None:
                    self.store.insert_deck(parent, deck.preset_id)
        self._forget_today_counts()
        return Changes(decks=True, queue=True)

    def card_ids_in_deck(self, deck_id: int) -> list[int]:
        """Cards in the deck and its subdecks."""
        return self.store.card_ids_in_decks(self.deck_tree_ids(self.store.deck(deck_id)))

    def delete_deck(self, deck_id: int) -> Changes:
        """Delete a deck, its subdecks and their cards (with their history), in one undoable step.

        As in Anki, a note loses only the cards in these decks; a note left without cards is deleted."""
        deck = self.store.deck(deck_id)
        if deck.name == DEFAULT_DECK:
            raise InvalidInputError(f"the {DEFAULT_DECK!r} deck cannot be deleted (new notes go there when no deck is chosen)")
        decks = self.decks()
        deck_ids = set(self.deck_tree_ids(deck, decks))
        card_ids = self.store.card_ids_in_decks(sorted(deck_ids))
        cards = self.store.cards(card_ids)
        note_ids = sorted({c.note_id for c in cards})
        all_cards_of_notes = self.store.cards_of_notes(note_ids) if note_ids else []
        kept_notes = {c.note_id for c in all_cards_of_notes if c.deck_id not in deck_ids}
        emptied_notes = [i for i in note_ids if i not in kept_notes]
        notes = self.store.notes(emptied_notes)
        reviews = self.store.reviews_of_cards(card_ids) if card_ids else []
        if len(card_ids) > 1:
            self.backup(BackupReason.BULK_DELETE)
        with self.store.transaction():
            if card_ids:
                self.store.delete_cards(card_ids)
            if emptied_notes:
                self.store.delete_notes(emptied_notes)
            self.store.delete_decks(sorted(deck_ids))
            self.store.push_undo(
                UndoStep(
                    "delete deck",
                    cards_before=tuple(cards),
                    notes_before=tuple(notes[i] for i in emptied_notes),
                    reviews_before=tuple(reviews),
                    decks_before=tuple(d for d in decks if d.id in deck_ids),
                ),
                self.now(),
            )
        self._forget_today_counts()
        return Changes(cards=frozenset(card_ids), notes=frozenset(note_ids), decks=True, queue=True, stats=True)

    def deck_tree_ids(self, deck: Deck, decks: Sequence[Deck] | None = None) -> list[int]:
        """The deck and all its subdecks (among `decks`, default: all decks)."""
        prefix = deck.name.casefold() + "::"
        return [d.id for d in decks or self.decks() if d.id == deck.id or d.name.casefold().startswith(prefix)]

    def deck_counts(self) -> list[DeckCounts]:
        """Every deck with today's new / learning / review counts, subdecks included."""
        now = self.now()
        per_deck = self.store.due_counts_by_deck(now, self.calendar.next_day_start(now))
        decks = self.decks()
        extensions = self._new_limit_extensions(now)
        result = []
        for deck in decks:
            tree = self.deck_tree_ids(deck, decks)
            totals = [sum(per_deck.get(i, (0, 0, 0))[k] for i in tree) for k in range(3)]
            limits = queue.remaining_limits(
                self.store, tree, self.preset_of(deck), self.calendar, now, extensions.get(deck.id, 0)
            )
            result.append(DeckCounts(deck, queue.limit_counts(*totals, limits)))
        return result

    # --- notes -----------------------------------------------------------------
    def notetypes(self) -> list[NoteType]:
        return self.store.notetypes()

    def notetype_named(self, name: str) -> NoteType:
        notetype = self.store.notetype_by_name(name)
        if notetype is None:
            known = ", ".join(n.name for n in self.notetypes())
            raise NotFoundError(f"no note type named {name!r} (note types: {known})")
        return notetype

    def _field_values(self, notetype: NoteType, fields: Mapping[str, str] | Sequence[str]) -> tuple[str, ...]:
        if isinstance(fields, Mapping):
            unknown = set(fields) - set(notetype.fields)
            if unknown:
                raise InvalidInputError(
                    f"note type {notetype.name!r} has no field {sorted(unknown)[0]!r} (fields: {', '.join(notetype.fields)})"
                )
            values = tuple(fields.get(name, "") for name in notetype.fields)
        elif len(fields) != len(notetype.fields):
            raise InvalidInputError(f"note type {notetype.name!r} needs {len(notetype.fields)} fields, got {len(fields)}")
        else:
            values = tuple(fields)
        if any(FIELD_SEPARATOR in value for value in values):
            raise InvalidInputError("a field cannot hold the control character U+001F (it separates fields)")
        return values

    def add_note(
        self,
        notetype_name: str,
        fields: Mapping[str, str] | Sequence[str],
        deck_name: str,
        *,
        tags: Sequence[str] = (),
        guid: str | None = None,
        source: SourceLink | None = None,
        undo_label: str | None = None,
    ) -> Note:
        """Add a note and its cards; with `undo_label`, Ctrl+Z can take it back (the add screen)."""
        notetype = self.notetype_named(notetype_name)
        values = self._field_values(notetype, fields)
        ordinals = card_ordinals(notetype, values)
        if not ordinals:
            raise InvalidInputError(f"this {notetype.name} note would make no cards: fill in the field its front side shows")
        deck = self.store.deck_by_name(deck_name) or self.add_deck(deck_name)
        now = self.now()
        note = Note(
            id=self._new_id("notes"),
            guid=guid or uuid.uuid4().hex,
            notetype_id=notetype.id,
            fields=values,
            tags=_clean_tags(tags),
            created=now,
            modified=now,
            source=source,
        )
        with self.store.transaction():
            self.store.insert_note(note)
            card_ids = self._add_cards(note, ordinals, deck.id, now)
            if undo_label:
                self.store.push_undo(UndoStep(undo_label, notes_created=(note.id,), cards_created=tuple(card_ids)), now)
        self._forget_today_counts()
        return note

    def _add_cards(self, note: Note, ordinals: Sequence[int], deck_id: int, now: int) -> list[int]:
        position = self.store.max_new_position()
        card_ids = []
        for ordinal in ordinals:
            position += 1
            card = Card(id=self._new_id("cards"), note_id=note.id, deck_id=deck_id, ordinal=ordinal, due=position, modified=now)
            self.store.insert_card(card)
            card_ids.append(card.id)
        return card_ids

    def update_note(
        self,
        note_id: int,
        fields: Mapping[str, str] | Sequence[str],
        *,
        tags: Sequence[str] | None = None,
        source: SourceLink | None = None,
        undo_label: str | None = None,
    ) -> Changes:
        """Change a note's fields and tags; every existing card keeps its progress.
        With `undo_label`, Ctrl+Z can take it back (the edit screens)."""
        note = self.store.note(note_id)
        notetype = self.store.notetype(note.notetype_id)
        values = self._field_values(notetype, fields)
        updated = replace(
            note,
            fields=values,
            tags=note.tags if tags is None else _clean_tags(tags),
            source=source or note.source,
            modified=self.now(),
        )
        cards = self.store.cards_of_note(note_id)
        with self.store.transaction():
            created = self._write_note(updated, notetype, cards)
            if undo_label:
                self.store.push_undo(UndoStep(undo_label, notes_before=(note,), cards_created=tuple(created)), updated.modified)
        self._forget_today_counts()
        return Changes(notes=frozenset({note_id}), cards=frozenset(c.id for c in cards), queue=bool(created))

    def _write_note(self, note: Note, notetype: NoteType, cards: Sequence[Card]) -> list[int]:
        """Store an edited note and add the cards its fields now call for (a new cloze number);
        existing cards keep their progress. Returns the new cards' ids."""
        self.store.update_note(note)
        missing = [o for o in card_ordinals(notetype, note.fields) if o not in {c.ordinal for c in cards}]
        if not missing:
            return []
        deck_id = cards[0].deck_id if cards else self.deck_named(DEFAULT_DECK).id
        return self._add_cards(note, missing, deck_id, note.modified)

    def note(self, note_id: int) -> Note:
        return self.store.note(note_id)

    # --- cards -------------------------------------------------------------------
    def card(self, card_id: int) -> Card:
        return self.store.card(card_id)

    def find_cards(self, query: str = "", *, order: str | None = None, descending: bool = False) -> list[int]:
        """Card ids matching an Anki-style search (empty: all cards), in note order, or sorted in
        SQL by a browser column key (`heatcards.browsing.COLUMNS`)."""
        return self._find(query, notes=False, order=order, descending=descending)

    def render(self, card: Card, *, typed_answer: str | None = None) -> RenderedCard:
        note = self.store.note(card.note_id)
        return render_card(
            self.store.notetype(note.notetype_id),
            note.fields,
            card.ordinal,
            tags=note.tags,
            deck_name=self.store.deck(card.deck_id).name,
            typed_answer=typed_answer,
        )

    def card_info(self, card_id: int) -> CardInfo:
        card = self.store.card(card_id)
        note = self.store.note(card.note_id)
        deck = self.store.deck(card.deck_id)
        rendered = self.render(card)
        now = self.now()
        return CardInfo(
            card=card,
            note=note,
            notetype=self.store.notetype(note.notetype_id),
            deck=deck,
            question=rendered.question,
            answer=rendered.answer,
            retrievability=self.scheduler_for(deck).retrievability_now(card, now),
            due_day=self.due_description(card),
            history=tuple(self.store.reviews_of_card(card_id)),
        )

    def due_description(self, card: Card) -> str:
        """When the card is due as the learner reads it: an ISO date, or date and time for steps."""
        if card.state is CardState.NEW:
            return ""
        if card.state is CardState.REVIEW:
            return self.calendar.date_of_day(self.calendar.day(card.due)).isoformat()
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(card.due))

    def document_titles(self) -> dict[int, str]:
        return self.store.document_titles()

    # --- studying ------------------------------------------------------------------
    def next_card(self, deck: Deck) -> tuple[Card | None, QueueCounts]:
        """The card to show now in `deck` (subdecks included) and the counts left today."""
        now = self.now()
        today = self._today_in(deck, now)
        reads = self._study_reads.checked(self.store.change_count())
        learning_from = reads.learning_from.get(today.deck_ids, -math.inf)
        card = reads.card = queue.next_card(self.store, today.deck_ids, today.counts, self.calendar, now, learning_from)
        if learning_from <= now and (card is None or card.state not in (CardState.LEARNING, CardState.RELEARNING)):
            # The statement looked for a learning card and found none: learn when one can be shown,
            # so that the next ones need not look before then.
            reads.learning_from[today.deck_ids] = queue.learning_due_from(self.store, today.deck_ids)
        return card, today.counts

    def counts(self, deck: Deck) -> QueueCounts:
        """Today's remaining new / learning / review counts in `deck` (subdecks included)."""
        return self._today_in(deck, self.now()).counts

    def _today_in(self, deck: Deck, now: int) -> _TodayCounts:
        """Counts are taken from the database once a day (or after a change), then kept
        up to date from each answer, as Anki does."""
        day = self.calendar.day(now)
        today = self._today.get(deck.id)
        if today is None or today.day != day:
            tree = self.deck_tree_ids(deck)
            extra_new = self._new_limit_extensions(now).get(deck.id, 0)
            counts = queue.queue_counts(self.store, tree, self.preset_of(deck), self.calendar, now, extra_new)
            today = self._today[deck.id] = _TodayCounts(day, tuple(tree), counts)
        return today

    def _forget_today_counts(self) -> None:
        """Anything but an answer may change what is due: counts are taken afresh next time."""
        self._today.clear()

    def previews(self, card: Card) -> list[ButtonPreview]:
        return self.scheduler_for(self.store.deck(card.deck_id)).previews(card, self.now())

    def answer(self, card_id: int, rating: Rating | int, duration_ms: int = 0) -> Changes:
        """Rate a card; the review is on disk when this returns, its undo step in memory (`Store.hold_undo`)."""
        reads = self._study_reads.checked(self.store.change_count())
        held = reads.card if reads.card is not None and reads.card.id == card_id else None
        if held is not None and held.deck_id in reads.preset_ids:
            card, preset_id = held, reads.preset_ids[held.deck_id]
        else:
            card, preset_id = self.store.card_and_preset_id(card_id)
            reads.preset_ids[card.deck_id] = preset_id
        reads.card = None  # answered below: no longer as read
        scheduler = self._scheduler_of_preset(preset_id)
        now_ms = int(self.clock.now() * 1000)
        now = now_ms // 1000
        result = scheduler.answer(card, rating, now)
        entry = _log_entry(card, result, int(rating), now_ms, duration_ms, review_id(now_ms))
        note_before = self.store.note(card.note_id) if result.leech else None
        siblings = self._siblings_to_bury(card, scheduler.preset, now)
        day_end = self.calendar.next_day_start(now)  # where buried siblings come back
        with self.store.transaction():
            after = result.card
            if result.leech and scheduler.preset.leech_action is LeechAction.SUSPEND:
                after = replace(after, suspended=True)
            self.store.save_schedule(after)
            self.store.insert_review(entry)
            for sibling in siblings:
                self.store.save_schedule(replace(sibling, buried_until=day_end, modified=now))
            if note_before is not None:
                self.store.update_note(replace(note_before, tags=_clean_tags((*note_before.tags, LEECH_TAG)), modified=now))
            self.store.hold_undo(
                UndoStep(
                    label="answer",
                    cards_before=(card, *siblings),
                    notes_before=(note_before,) if note_before else (),
                    revlog_ids=(entry.id,),
                ),
                now,
            )
        reads.valid_at = self.store.change_count()  # what this answer wrote leaves the preset ids as they were
        for decks, learning_from in reads.learning_from.items():
            if card.deck_id in decks:
                reads.learning_from[decks] = queue.learning_due_after_answer(learning_from, after)
        if siblings or after.suspended:
            self._forget_today_counts()
        for today in self._today.values():
            if card.deck_id in today.deck_ids:
                today.counts = queue.counts_after_answer(today.counts, card, after, day_end)
        return Changes(cards=frozenset({card.id, *(s.id for s in siblings)}), queue=True, stats=True, decks=True)

    def _siblings_to_bury(self, card: Card, preset: Preset, now: int) -> list[Card]:
        if not (preset.bury_new_siblings or preset.bury_review_siblings or preset.bury_interday_learning_siblings):
            return []
        wanted = {
            CardState.NEW: preset.bury_new_siblings,
            CardState.REVIEW: preset.bury_review_siblings,
            CardState.LEARNING: preset.bury_interday_learning_siblings,
            CardState.RELEARNING: preset.bury_interday_learning_siblings,
        }
        siblings = self.store.cards(self.store.sibling_ids(card))
        return [s for s in siblings if wanted[s.state] and not s.suspended and not s.is_buried(now)]

    def undo(self) -> str:
        """Undo the last answer or card operation; returns what was undone. Repeat to walk back."""
        last = self.store.last_undo()
        if last is None:
            raise NothingToUndoError("nothing to undo")
        undo_id, step = last
        try:
            with self.store.transaction():
                if step.cards_created:
                    self.store.delete_cards(step.cards_created)
                if step.notes_created:
                    self.store.delete_notes(step.notes_created)
                self.store.restore_decks(step.decks_before)  # decks and notes first: restored cards refer to them
                self.store.restore_notes(step.notes_before)
                self.store.restore_cards(step.cards_before)
                self.store.delete_reviews(step.revlog_ids)
                self.store.insert_reviews(step.reviews_before)
                self.store.delete_undo(undo_id)
        except ConflictError as error:
            # Something done since (a new deck or note with the same name or GUID, a deleted preset)
            # stands where the step would put rows back. The transaction rolled back; drop the step
            # so the older ones stay reachable.
            self.store.delete_undo(undo_id)
            raise NothingToUndoError(
                f"cannot undo {step.label!r}: the collection changed since in a way that conflicts with it ({error})"
            ) from error
        self._forget_today_counts()
        return step.label

    def _change_cards(self, label: str, card_ids: Sequence[int], change, *, manual_log: bool = False) -> Changes:
        """Apply `change(card, now) -> Card` to cards in one undoable step."""
        now = self.now()
        before = self.store.cards(card_ids)
        if len(before) != len(set(card_ids)):
            missing = sorted(set(card_ids) - {c.id for c in before})
            raise NotFoundError(f"no card with id {missing[0]}")
        entries = []
        with self.store.transaction():
            for card in before:
                after = replace(change(card, now), modified=now)
                self.store.save_card(after)
                if manual_log:
                    entries.append(_manual_entry(card, after, now))
                    self.store.insert_review(entries[-1])
            self.store.push_undo(UndoStep(label, tuple(before), (), tuple(e.id for e in entries)), now)
        self._forget_today_counts()
        return Changes(cards=frozenset(c.id for c in before), queue=True, decks=True, stats=manual_log)

    def bury(self, card_ids: Sequence[int]) -> Changes:
        until = self.calendar.next_day_start(self.now())
        return self._change_cards("bury", card_ids, lambda c, now: replace(c, buried_until=until))

    def bury_note(self, note_id: int) -> Changes:
        return self.bury([c.id for c in self.store.cards_of_note(note_id)])

    def suspend(self, card_ids: Sequence[int], suspended: bool = True) -> Changes:
        return self._change_cards("suspend" if suspended else "unsuspend", card_ids, lambda c, now: replace(c, suspended=suspended))

    def suspend_note(self, note_id: int) -> Changes:
        return self.suspend([c.id for c in self.store.cards_of_note(note_id)])

    def set_flag(self, card_ids: Sequence[int], flag: int) -> Changes:
        if not 0 <= flag <= 7:
            raise InvalidInputError(f"flag must be 0 (none) to 7, not {flag}")
        return self._change_cards("flag", card_ids, lambda c, now: replace(c, flag=flag))

    def forget(self, card_ids: Sequence[int]) -> Changes:
        """Reset cards to new (history kept; a manual entry marks the reset); a backup first when
        it is more than one card (one is Ctrl+Z away)."""
        if len(card_ids) > 1:
            self.backup(BackupReason.FORGET)
        position = self.store.max_new_position()

        def reset(card: Card, now: int) -> Card:
            return Card(id=card.id, note_id=card.note_id, deck_id=card.deck_id, ordinal=card.ordinal, due=position + 1, flag=card.flag)

        return self._change_cards("forget", card_ids, reset, manual_log=True)

    def set_due_date(self, card_ids: Sequence[int], days_from_today: int) -> Changes:
        """Make cards review cards due in `days_from_today` days (0 = today)."""
        if days_from_today < 0:
            raise InvalidInputError("the due date must be today or later (days from today >= 0)")
        today = self.calendar.day(self.now())

        def reschedule(card: Card, now: int) -> Card:
            return replace(
                card,
                state=CardState.REVIEW,
                due=self.calendar.day_start(today + days_from_today),
                interval=max(card.interval, days_from_today, 1),
                remaining_steps=0,
            )

        return self._change_cards("set due date", card_ids, reschedule, manual_log=True)

    def toggle_mark(self, note_id: int) -> Changes:
        note = self.store.note(note_id)
        tags = [t for t in note.tags if t.casefold() != MARKED_TAG] if self.is_marked(note) else [*note.tags, MARKED_TAG]
        now = self.now()
        with self.store.transaction():
            self.store.update_note(replace(note, tags=_clean_tags(tags), modified=now))
            self.store.push_undo(UndoStep("mark", (), (note,), ()), now)
        return Changes(notes=frozenset({note_id}))

    @staticmethod
    def is_marked(note: Note) -> bool:
        return any(t.casefold() == MARKED_TAG for t in note.tags)

    # --- import and export -------------------------------------------------------------
    def import_exchange(
        self,
        exchange: Exchange,
        *,
        policy: DuplicatePolicy = DuplicatePolicy.UPDATE,
        deck: str | None = None,
        source: str = "",
        progress: Progress = no_progress,
        before_commit: Callable[[], None] = lambda: None,
    ) -> tuple[ImportReport, Changes]:
        """Merge what a reader read into the collection (the rules: `heatcards.importing`), in one
        transaction: a failure, or a `CancelledError` raised by `progress`, leaves the collection as
        it was. `deck` puts everything under that deck instead of the file's top-level decks.
        `before_commit` runs once the merge is done, inside the transaction (an error it raises
        rolls the import back). An import cannot be undone; it clears the undo steps."""
        exchange = replace(exchange, notes=tuple(_with_clean_tags(n) for n in exchange.notes))
        media = StagedMedia(self.media_folder)
        try:
            with self.store.transaction():
                result = merge_exchange(self, exchange, policy=policy, deck=deck, source=source, progress=progress, media=media)
                before_commit()
        except BaseException:
            media.discard()  # the rows were rolled back (or never committed): their media files go too
            raise
        finally:
            self._forget_cached_rows()
        media.publish()
        return result

    def _forget_cached_rows(self) -> None:
        """After a bulk change: presets, id counters and today's counts are read afresh."""
        self._schedulers.clear()
        self._next_ids.clear()
        self._forget_today_counts()

    def export_exchange(
        self, *, deck: str | None = None, search: str | None = None, scheduling: bool = True, media: bool = True
    ) -> Exchange:
        """What a writer needs to save the cards of `deck` (subdecks included), of a search, or (with
        neither) of the whole collection (see `heatcards.exporting`)."""
        return export_exchange(self, deck=deck, search=search, scheduling=scheduling, media=media)

    def install_deck_file(self, path: Path | str) -> ImportReport:
        """Add a heatcards deck file's notes, or update them by GUID; progress is never lost."""
        return self.install_deck(read_deck_file(path))

    def install_deck(self, deck_file: DeckFile) -> ImportReport:
        """Merge a deck file (already read) like any import: notes by GUID, updated in place."""
        exchange = deck_file_to_exchange(deck_file, self.notetypes(), self.calendar)
        return self.import_exchange(exchange, source=deck_file.name)[0]

    def import_review_log(
        self,
        rows: Sequence[ReviewLogRow],
        *,
        source_name: str,
        deck: str | None = None,
        progress: Progress = no_progress,
    ) -> tuple[ImportReport, Changes]:
        """Add reviews (card id, rating, time, duration) and rebuild each card they touch by going
        through its whole history again in time order, so its memory state, due date and log are
        what studying would have made. Cards the collection lacks become Basic notes (the card id as
        the front) in `deck`, by default a deck named after the file `source_name`, keeping their
        ids. Reviews are known by card and time: importing the same log twice adds nothing.
        One transaction, like `import_exchange`."""
        incoming: dict[int, list[ReviewLogEntry]] = {}
        for row in rows:
            entry = _answer_entry(row.card_id, row.rating, row.time_ms, row.duration_ms)
            incoming.setdefault(row.card_id, []).append(entry)
        source = Path(source_name)
        try:
            with self.store.transaction():
                return self._merge_review_log(incoming, source.name, deck or source.stem, progress)
        finally:
            self._forget_cached_rows()

    def _merge_review_log(
        self, incoming: dict[int, list[ReviewLogEntry]], source: str, deck_name: str, progress: Progress
    ) -> tuple[ImportReport, Changes]:
        existing = {c.id: c for c in self.store.cards(list(incoming))}
        new_cards = self._cards_for_review_log([i for i in incoming if i not in existing], deck_name, incoming)
        known_reviews: dict[int, list[ReviewLogEntry]] = {}
        for entry in self.store.reviews_of_cards(list(existing)):
            known_reviews.setdefault(entry.card_id, []).append(entry)
        known_ids = {e.id for entries in known_reviews.values() for e in entries}
        rebuilt: list[Card] = []
        replayed: list[ReviewLogEntry] = []
        added = unchanged = 0
        for done, (card_id, entries) in enumerate(incoming.items(), start=1):
            if done % 500 == 0 or done == len(incoming):
                progress("reviews", done, len(incoming))
            fresh = [e for e in entries if e.id not in known_ids]
            added += len(fresh)
            if not fresh:
                unchanged += 1
                continue
            card = existing.get(card_id) or new_cards[card_id]
            history = sorted([*known_reviews.get(card_id, ()), *fresh], key=lambda e: (e.time, e.id))
            card, log = self._replayed(card, history)
            rebuilt.append(card)
            replayed += log
        self.store.delete_reviews([e.id for e in replayed if e.id in known_ids])
        self.store.insert_reviews(replayed)
        self.store.save_cards(rebuilt)
        if rebuilt:
            self.store.clear_undo()
        lines = []
        if new_cards:
            lines.append(f"{len(new_cards)} cards were not in the collection: added as Basic notes in the deck {deck_name!r}")
        if unchanged:
            lines.append(f"{unchanged} cards skipped: all their reviews were already in the collection")
        report = ImportReport(
            source=source,
            added=len(new_cards),
            updated=len(rebuilt) - len(new_cards),
            unchanged=unchanged,
            cards_added=len(new_cards),
            reviews_added=added,
            notes=tuple(lines),
        )
        changes = Changes(
            cards=frozenset(c.id for c in rebuilt),
            notes=frozenset(c.note_id for c in new_cards.values()),
            decks=bool(rebuilt),
            queue=bool(rebuilt),
            stats=bool(rebuilt),
        )
        return report, changes

    def _cards_for_review_log(self, card_ids: Sequence[int], deck_name: str, incoming: Mapping[int, Sequence[ReviewLogEntry]]) -> dict[int, Card]:
        """New Basic notes, one per card id the collection lacks (the id as the front), with their
        cards (keeping those ids) as new cards, by card id; created at their first review."""
        if not card_ids:
            return {}
        notetype = self.notetype_named("Basic")
        deck = self.store.deck_by_name(deck_name) or self.add_deck(deck_name)
        position = self.store.max_new_position()
        notes, cards = [], {}
        for offset, card_id in enumerate(card_ids, start=1):
            first = incoming[card_id][0].time // 1000
            note = Note(self._new_id("notes"), uuid.uuid4().hex, notetype.id, (str(card_id), ""), (), first, first)
            notes.append(note)
            cards[card_id] = Card(card_id, note.id, deck.id, 0, due=position + offset, modified=first)
        self.store.insert_notes(notes)
        self.store.insert_cards(cards.values())
        return cards

    def _replayed(self, card: Card, history: Sequence[ReviewLogEntry]) -> tuple[Card, list[ReviewLogEntry]]:
        """The card after going through its history (oldest first) again: answers are answered anew
        (their log entries rewritten, ids, times and durations kept), a reset makes it new again, and
        a manual or bulk reschedule sets its due date, as each did when it happened."""
        scheduler = self.scheduler_for(self.store.deck(card.deck_id))
        position = card.due if card.state is CardState.NEW else self.store.max_new_position() + 1
        new = Card(card.id, card.note_id, card.deck_id, card.ordinal, due=position, suspended=card.suspended, flag=card.flag)
        card, log = new, []
        for entry in history:
            if entry.kind in _ANSWER_KINDS:
                result = scheduler.answer(card, entry.rating, entry.time // 1000)
                log.append(_log_entry(card, result, entry.rating, entry.time, entry.duration_ms, entry.id))
                card = result.card
            elif entry.is_reset:
                card = replace(new, due=position)
            elif entry.kind in (ReviewKind.MANUAL, ReviewKind.RESCHEDULED):
                card = replace(card, state=CardState.REVIEW, due=entry.due_after, interval=entry.interval_after, remaining_steps=0)
        return card, log

    # --- reviewer: deleting notes, undo preview, finished decks, study more, sources ---
    def delete_notes(self, note_ids: Sequence[int]) -> Changes:
        """Delete notes with their cards and those cards' review history, in one undoable step."""
        wanted = list(dict.fromkeys(note_ids))
        notes = self.store.notes(wanted)
        missing = [i for i in wanted if i not in notes]
        if missing:
            raise NotFoundError(f"no note with id {missing[0]} (was it deleted already?)")
        if len(wanted) > 1:
            self.backup(BackupReason.BULK_DELETE)
        cards = self.store.cards_of_notes(wanted)
        reviews = self.store.reviews_of_cards([c.id for c in cards])
        now = self.now()
        with self.store.transaction():
            self.store.delete_notes(wanted)
            label = "delete note" if len(wanted) == 1 else "delete notes"
            self.store.push_undo(
                UndoStep(label, cards_before=tuple(cards), notes_before=tuple(notes[i] for i in wanted), reviews_before=tuple(reviews)),
                now,
            )
        self._forget_today_counts()
        return Changes(cards=frozenset(c.id for c in cards), notes=frozenset(wanted), decks=True, queue=True, stats=True)

    def undo_preview(self) -> UndoPreview | None:
        """What `undo()` would undo now (None when nothing): its label and the cards and notes it restores."""
        last = self.store.last_undo()
        if last is None:
            return None
        step = last[1]
        return UndoPreview(step.label, tuple(c.id for c in step.cards_before), tuple(n.id for n in step.notes_before))

    def finished_deck(self, deck: Deck) -> FinishedDeck:
        """When `deck` (subdecks included) has more to study: its next due card and tomorrow's load."""
        now = self.now()
        today = self.calendar.day(now)
        row = self.store.finished_deck_row(
            self.deck_tree_ids(deck), now, self.calendar.day_start(today + 1), self.calendar.day_start(today + 2)
        )
        counts = self.counts(deck)
        if row["next_learning"] is not None:
            next_due, learning = row["next_learning"], True
        elif row["next_due"] is not None and row["next_due_state"] == CardState.REVIEW:
            next_due, learning = self.calendar.day_start(self.calendar.day(row["next_due"])), False
        else:
            next_due, learning = row["next_due"], False
        return FinishedDeck(
            next_due=next_due,
            next_is_learning=learning,
            due_tomorrow=row["due_tomorrow"],
            new_tomorrow=min(self.preset_of(deck).new_per_day, row["new_cards"]),
            reviews_over_limit=max(0, row["reviews_today"] - counts.review),
            new_over_limit=max(0, row["new_cards"] - counts.new),
        )

    def extend_new_limit(self, deck: Deck, extra: int) -> Changes:
        """Raise today's new card limit of `deck` by `extra` (Anki's custom study "increase today's
        new card limit"); the extension lapses when the next day starts."""
        if extra < 1:
            raise InvalidInputError("the number of extra new cards must be at least 1")
        now = self.now()
        extensions = self._new_limit_extensions(now)
        extensions[deck.id] = extensions.get(deck.id, 0) + extra
        with self.store.transaction():
            self.store.set_config(
                NEW_LIMIT_EXTENSIONS, {"day": self.calendar.day(now), "decks": {str(k): v for k, v in extensions.items()}}
            )
        self._forget_today_counts()
        return Changes(decks=True, queue=True)

    def _new_limit_extensions(self, now: int) -> dict[int, int]:
        """Today's extra new cards by deck id (empty once the day they were granted is over)."""
        saved = self.store.config(NEW_LIMIT_EXTENSIONS)
        if not saved or saved.get("day") != self.calendar.day(now):
            return {}
        return {int(k): int(v) for k, v in saved["decks"].items()}

    def forgotten_cards(self, deck: Deck, days: int) -> list[int]:
        """Cards of `deck` (subdecks included) answered Again in the last `days` days, today
        included (Anki's search rated:days:1), that are not suspended or buried."""
        if days < 1:
            raise InvalidInputError("the number of days must be at least 1")
        now = self.now()
        since = self.calendar.day_start(self.calendar.day(now) - days + 1)
        return self.store.forgotten_card_ids(self.deck_tree_ids(deck), since * 1000, now)

    def cards_due_ahead(self, deck: Deck, days: int) -> list[int]:
        """Review cards of `deck` (subdecks included) due by the end of the `days`-th day from
        today (Anki's prop:due<=days), not suspended or buried."""
        if days < 1:
            raise InvalidInputError("the number of days must be at least 1")
        now = self.now()
        until = self.calendar.day_start(self.calendar.day(now) + days + 1)
        return self.store.review_ids_due_before(self.deck_tree_ids(deck), now, until)

    def source_passage(self, card_id: int) -> SourcePassage | None:
        """The passage of the document the card's note was made from (None: the note cites none)."""
        source = self.store.note(self.store.card(card_id).note_id).source
        if source is None:
            return None
        document = self.store.document_source(source.document_id) if source.document_id is not None else None
        if document is None:
            return SourcePassage(SourceStatus.DOCUMENT_DELETED, "", "", None, None, source.paragraph)
        title, text, paragraphs = document
        if text is None:
            return SourcePassage(SourceStatus.TEXT_NOT_STORED, title, "", None, None, source.paragraph)
        passage, start, end = passage_around(text, paragraphs, source.start, source.end, source.paragraph)
        return SourcePassage(SourceStatus.FOUND, title, passage, start, end, source.paragraph)

    # --- documents and the cards suggested from them ------------------------------
    def add_document(self, document: DocumentText) -> tuple[int, bool]:
        """Keep a document read by `authoring.reading.read_document`; returns (its id, True when the
        same text was there already: then nothing is added, or only the text of a document a deck
        file named by title and hash)."""
        _check_paragraphs(document)
        existing = self.store.document_id_by_hash(document.sha256)
        with self.store.transaction():
            if existing is None:
                document_id = self.store.insert_document(
                    document.title, document.file_name, document.sha256, document.text, list(document.paragraphs), self.now()
                )
            elif self.store.document_source(existing)[1] is None:
                self.store.store_document_text(existing, document.text, list(document.paragraphs))
        return (document_id, False) if existing is None else (existing, True)

    def documents(self) -> list[DocumentSummary]:
        """Every document in the collection, oldest first."""
        return [
            DocumentSummary(document_id, title, file_name, added, count_words(text or ""), note_count, text is not None)
            for document_id, title, file_name, added, text, note_count in self.store.document_rows()
        ]

    def stored_document(self, document_id: int) -> StoredDocument:
        """A document's text with the spans its notes cite (NotFoundError when it was deleted or its
        text is not stored)."""
        found = self.store.documents([document_id])
        if not found:
            raise NotFoundError(f"no document with id {document_id} (was it deleted?)")
        stored = found[0]
        if stored.text is None:
            raise NotFoundError(
                f"the text of document {document_id} ({stored.title!r}) is not stored: it came with a deck file that "
                "names it only; add the document's file to read it here"
            )
        document = DocumentText(stored.title, stored.file_name, stored.text, stored.paragraphs)
        return StoredDocument(document_id, document, tuple(self.store.document_note_spans(document_id)))

    def delete_document(self, document_id: int) -> Changes:
        """Delete a document after a backup. The notes and cards made from it stay; their source then
        says the document was deleted. Not undoable (the backup keeps it)."""
        if self.store.document_source(document_id) is None:
            raise NotFoundError(f"no document with id {document_id} (was it deleted already?)")
        note_ids = self.store.note_ids_citing(document_id)
        self.backup(BackupReason.BULK_DELETE)
        with self.store.transaction():
            self.store.delete_document(document_id)
        cards = self.store.cards_of_notes(note_ids) if note_ids else []
        return Changes(cards=frozenset(c.id for c in cards), notes=frozenset(note_ids))

    def add_suggestions(
        self,
        document_id: int,
        suggestions: Sequence[Suggestion],
        *,
        deck_name: str,
        tags: Sequence[str] = (),
        cloze_notetype: str = "Cloze",
        question_notetype: str = "Basic",
    ) -> Changes:
        """Add one note per suggestion to `deck_name` (created if missing), each citing its passage of
        the document, in one transaction and one undoable step ("add cards from document").
        A cloze fills the cloze note type's first two fields (Text, Back Extra) with its front and back,
        a question the question note type's (Front, Back); both are plain text, escaped here."""
        stored = self.stored_document(document_id).document
        notetypes = {
            SuggestionKind.CLOZE: _suggestion_notetype(self.notetype_named(cloze_notetype), NoteTypeKind.CLOZE, "cloze"),
            SuggestionKind.QUESTION: _suggestion_notetype(self.notetype_named(question_notetype), NoteTypeKind.STANDARD, "question"),
        }
        planned = []
        for number, suggestion in enumerate(suggestions, 1):
            if not 0 <= suggestion.start < suggestion.end <= len(stored.text):
                raise InvalidInputError(
                    f"suggestion {number} ({suggestion.front[:40]!r}) cites characters {suggestion.start}-{suggestion.end}, "
                    f"outside document {document_id} ({len(stored.text)} characters long); nothing was added"
                )
            notetype = notetypes[suggestion.kind]
            values = [_plain_to_html(suggestion.front), _plain_to_html(suggestion.back)]
            values += [""] * (len(notetype.fields) - 2)
            ordinals = card_ordinals(notetype, values)
            if not ordinals:
                raise InvalidInputError(
                    f"suggestion {number} ({suggestion.front[:40]!r}) would make no {notetype.name} card"
                    f"{' (a cloze needs a {{c1::...}} deletion)' if suggestion.kind is SuggestionKind.CLOZE else ''}; nothing was added"
                )
            source = SourceLink(document_id, suggestion.start, suggestion.end, stored.paragraph_of(suggestion.start) or None)
            planned.append((notetype, tuple(values), ordinals, source))
        if not planned:
            return Changes()
        deck = self.store.deck_by_name(deck_name) or self.add_deck(deck_name)
        now = self.now()
        cleaned_tags = _clean_tags(tags)
        note_ids, card_ids = [], []
        with self.store.transaction():
            for notetype, values, ordinals, source in planned:
                note = Note(self._new_id("notes"), uuid.uuid4().hex, notetype.id, values, cleaned_tags, now, now, source)
                self.store.insert_note(note)
                note_ids.append(note.id)
                card_ids += self._add_cards(note, ordinals, deck.id, now)
            self.store.push_undo(
                UndoStep("add cards from document", notes_created=tuple(note_ids), cards_created=tuple(card_ids)), now
            )
        self._forget_today_counts()
        return Changes(cards=frozenset(card_ids), notes=frozenset(note_ids), decks=True, queue=True, stats=True)

    # --- presets and preferences (options) ----------------------------------
    def presets(self) -> list[Preset]:
        return self.store.presets()

    def preset(self, preset_id: int) -> Preset:
        return self.store.preset(preset_id)

    def default_preset(self) -> Preset:
        """The preset every collection starts with: decks fall back to it; it cannot be renamed or deleted."""
        return self.store.presets()[0]

    def preset_use_counts(self) -> dict[int, int]:
        """How many decks use each preset (0 for a preset no deck uses)."""
        used = self.store.deck_counts_by_preset()
        return {p.id: used.get(p.id, 0) for p in self.store.presets()}

    def add_preset(self, name: str, based_on: int | None = None) -> Preset:
        """A new preset with the default settings, or with those of preset `based_on` (a clone)."""
        name = self._unused_preset_name(name)
        template = self.store.preset(based_on) if based_on is not None else Preset(id=None, name=name)
        preset = validate_preset(replace(template, id=None, name=name))
        with self.store.transaction():
            preset_id = self.store.save_preset(preset)
        return replace(preset, id=preset_id)

    def rename_preset(self, preset_id: int, name: str) -> Changes:
        preset = self.store.preset(preset_id)
        self._refuse_default_preset(preset, "renamed")
        name = self._unused_preset_name(name, preset_id)
        with self.store.transaction():
            self.store.save_preset(replace(preset, name=name))
        self._schedulers.pop(preset_id, None)
        return Changes(decks=True)

    def delete_preset(self, preset_id: int) -> Changes:
        """Delete a preset; the decks that used it use the Default preset from now on."""
        preset = self.store.preset(preset_id)
        self._refuse_default_preset(preset, "deleted")
        with self.store.transaction():
            self.store.move_decks_to_preset(preset_id, self.default_preset().id)
            self.store.delete_preset(preset_id)
        self._schedulers.pop(preset_id, None)
        self._forget_today_counts()
        return Changes(decks=True, queue=True)

    def set_deck_preset(self, deck_id: int, preset_id: int) -> Changes:
        return self.save_deck_options(deck_id, preset_id, ())

    def save_deck_options(self, deck_id: int, preset_id: int, presets: Sequence[Preset]) -> Changes:
        """Save edited presets' settings and choose the deck's preset, in one transaction.

        Names are left as stored (`rename_preset` changes them). Scheduling changes at once."""
        deck = self.store.deck(deck_id)
        self.store.preset(preset_id)
        settings = [validate_preset(replace(p, name=self.store.preset(p.id).name)) for p in presets]
        with self.store.transaction():
            for preset in settings:
                self.store.save_preset(preset)
            if deck.preset_id != preset_id:
                self.store.update_deck(replace(deck, preset_id=preset_id))
        for preset in settings:
            self._schedulers.pop(preset.id, None)
        self._forget_today_counts()
        return Changes(decks=True, queue=True)

    def _unused_preset_name(self, name: str, preset_id: int | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise InvalidInputError("a preset needs a name")
        clash = next((p for p in self.store.presets() if p.name.casefold() == name.casefold() and p.id != preset_id), None)
        if clash is not None:
            raise InvalidInputError(f"a preset named {clash.name!r} already exists; choose another name")
        return name

    def _refuse_default_preset(self, preset: Preset, what: str) -> None:
        if preset.id == self.default_preset().id:
            raise InvalidInputError(f"the {preset.name} preset cannot be {what}: decks fall back to it")

    def forgetting_curve(self, card_id: int, points: int = 200) -> ForgettingCurve:
        """The card's retrievability over time from its first review to past its due date, with its
        reviews, using the memory states its reviews recorded and the decay of its deck's preset."""
        card = self.store.card(card_id)
        scheduler = self.scheduler_for(self.store.deck(card.deck_id))
        return sample_forgetting_curve(
            self.store.reviews_of_card(card_id),
            decay=scheduler.decay,
            desired_retention=scheduler.preset.desired_retention,
            now=self.now(),
            due=None if card.state is CardState.NEW else card.due,
            points=points,
        )

    def set_rollover_hour(self, hour: int) -> Changes:
        """Move the hour the next day starts at (0-23, for the whole collection); days change at once."""
        if isinstance(hour, bool) or not isinstance(hour, int) or not 0 <= hour <= 23:
            raise InvalidInputError(f"the next day starts at an hour from 0 to 23, not {hour!r}")
        with self.store.transaction():
            self.store.set_config("rollover_hour", hour)
        self.calendar = DayCalendar(self.calendar.tz, hour)
        self._schedulers.clear()  # each holds the calendar
        self._forget_today_counts()
        return Changes(decks=True, queue=True, stats=True)

    def automatic_backups(self) -> bool:
        return bool(self.store.config("automatic_backups", True))

    def set_automatic_backups(self, enabled: bool) -> Changes:
        with self.store.transaction():
            self.store.set_config("automatic_backups", bool(enabled))
        return Changes()

    def language_model_settings(self) -> LanguageModelSettings | None:
        """The local language model that may write suggested cards, or None (the default): without
        one, heatcards never sends a request anywhere."""
        saved = self.store.config(LANGUAGE_MODEL_KEY)
        return None if saved is None else LanguageModelSettings(saved["url"], saved["model"])

    def set_language_model_settings(self, settings: LanguageModelSettings | None) -> Changes:
        """Configure the language model endpoint (validated when `settings` was made), or forget it with None."""
        with self.store.transaction():
            if settings is None:
                self.store.remove_config(LANGUAGE_MODEL_KEY)
            else:
                self.store.set_config(LANGUAGE_MODEL_KEY, {"url": settings.url, "model": settings.model})
        return Changes()

    # --- backups and check ----------------------------------------------------------------
    def backup(self, reason: BackupReason = BackupReason.MANUAL) -> BackupInfo:
        """Back up the collection now into the backups folder beside it (see `heatcards.backups`)."""
        return self.backups.create(self.store, reason)

    def backup_if_due(self, reason: BackupReason) -> BackupInfo | None:
        """The automatic backups, unless switched off: front ends call this after opening the
        collection (`OPENED`) and after each answer (`STUDY`); a failure is theirs to show
        without undoing what succeeded."""
        if not self.automatic_backups():
            return None
        return self.backups.create_if_due(self.store, reason)

    def check(self, *, repair: bool = False) -> CheckReport:
        """Look for problems (`heatcards check`); with `repair`, back up and mend what can be mended."""
        report = check_collection(self, repair=repair, backups=self.backups)
        if report.backup is not None:  # a repair wrote rows behind the caches' back
            self._forget_cached_rows()
        return report

    # --- notes editing (editor) --------------------------------------------------------
    def all_tags(self) -> list[str]:
        """Every tag used by a note, once (case-insensitively), sorted."""
        return sorted(set(_clean_tags(self.store.all_tag_strings())), key=str.casefold)

    def duplicate_of_first_field(self, notetype_id: int, text: str, exclude_note_id: int | None = None) -> list[int]:
        """Notes of this note type whose first field is `text`, compared as Anki does: markup
        stripped (image names kept), entities decoded, case and spacing significant. An empty
        or blank first field duplicates nothing."""
        key = duplicate_key(text)
        if not key.strip():
            return []
        return [
            note_id
            for note_id, first in self.store.first_fields(notetype_id)
            if note_id != exclude_note_id and duplicate_key(first) == key
        ]

    def add_media(self, data: bytes, suggested_name: str) -> str:
        """Put `data` in the media folder under a name holding its content hash (see
        `note_html.media_file_name`); returns that name. The same content is stored once."""
        name = media_file_name(data, suggested_name)
        target = self.media_folder / name
        if target.exists() and target.read_bytes() == data:
            return name
        partial = target.with_name(f".{name}.partial")
        try:
            partial.write_bytes(data)
            os.replace(partial, target)
        except OSError as error:
            raise HeatcardsError(f"cannot save {name} in the media folder {self.media_folder}: {error.strerror or error}") from error
        return name

    def preview_note(
        self, notetype_id: int, fields: Sequence[str], *, deck_id: int | None = None, tags: Sequence[str] = ()
    ) -> list[tuple[str, RenderedCard]]:
        """Every card a note with these fields would have, as (card name, rendered card)."""
        notetype = self.store.notetype(notetype_id)
        values = self._field_values(notetype, fields)
        deck_name = self.store.deck(deck_id).name if deck_id is not None else DEFAULT_DECK
        previews = []
        for ordinal in card_ordinals(notetype, values):
            if notetype.kind is NoteTypeKind.CLOZE:
                name = f"Cloze {ordinal + 1}"
            else:
                name = notetype.templates[ordinal].name
            rendered = render_card(notetype, values, ordinal, tags=_clean_tags(tags), deck_name=deck_name)
            previews.append((name, rendered))
        return previews

    def create_note(self, notetype_id: int, deck_id: int, fields: Sequence[str], *, tags: Sequence[str] = ()) -> Changes:
        """Add a note to a deck (the add screen); a note that would make no card is refused
        with a message saying what to fill in."""
        notetype = self.store.notetype(notetype_id)
        values = self._field_values(notetype, fields)
        if not card_ordinals(notetype, values):
            if notetype.kind is NoteTypeKind.CLOZE:
                raise InvalidInputError(
                    f"this {notetype.name} note has no cloze deletion: select some text in a field and press "
                    "Ctrl+Shift+C to make one, e.g. {{c1::Paris}}"
                )
            raise InvalidInputError(f"this {notetype.name} note would make no cards: fill in the {notetype.fields[0]} field")
        note = self.add_note(notetype.name, values, self.store.deck(deck_id).name, tags=tags, undo_label="add note")
        cards = self.store.cards_of_note(note.id)
        return Changes(notes=frozenset({note.id}), cards=frozenset(c.id for c in cards), decks=True, queue=True)

    # --- browsing (browser) --------------------------------------------------------------
    def find_notes(self, query: str = "", *, order: str | None = None, descending: bool = False) -> list[int]:
        """Ids of the notes with a card matching the search, like `find_cards` (one per note)."""
        return self._find(query, notes=True, order=order, descending=descending)

    def _find(self, query: str, *, notes: bool, order: str | None, descending: bool) -> list[int]:
        now = self.now()
        where, params = compile_search(parse_search(query), self.store, SearchContext(now=now, calendar=self.calendar))
        return self.store.browse_ids(where, params, notes=notes, order=order, descending=descending, now=now)

    def browser_rows(self, ids: Sequence[int], *, notes: bool = False, rendered: bool = False) -> list[BrowserRow]:
        """The browser's rows for these card ids (note ids with `notes`), in the same order; ids that
        no longer exist are left out. `rendered` also fills in the question and answer text."""
        now = self.now()
        by_id = {r[0]: row_from_record(r) for r in self.store.browser_records(ids, notes=notes, now=now)}
        rows = [by_id[i] for i in ids if i in by_id]
        if not rendered:
            return rows
        notetypes = {n.id: n for n in self.notetypes()}
        return [self._with_rendering(row, notetypes[row.notetype_id]) for row in rows]

    @staticmethod
    def _with_rendering(row: BrowserRow, notetype: NoteType) -> BrowserRow:
        card = render_card(notetype, row.fields, row.ordinal, tags=row.tags, deck_name=row.deck)
        return replace(row, question=plain_text(card.question), answer=answer_text(card.question, card.answer))

    def cell_context(self) -> CellContext:
        return CellContext(self.now(), self.calendar)

    def set_deck(self, card_ids: Sequence[int], deck_id: int) -> Changes:
        """Move cards to another deck, in one undoable step (Anki's Change Deck)."""
        self.store.deck(deck_id)  # NotFoundError for a deck that is gone
        return self._change_cards("change deck", card_ids, lambda c, now: replace(c, deck_id=deck_id))

    def unbury(self, card_ids: Sequence[int]) -> Changes:
        """Put buried cards back in their queues today, in one undoable step."""
        return self._change_cards("unbury", card_ids, lambda c, now: replace(c, buried_until=0))

    def add_tags(self, note_ids: Sequence[int], tags: Sequence[str]) -> Changes:
        """Add tags to notes (those a note has already, in any case, are left as they are); undoable."""
        wanted = _clean_tags(tags)
        return self._change_notes("add tags", note_ids, lambda note: replace(note, tags=tags_added(note.tags, wanted)))

    def remove_tags(self, note_ids: Sequence[int], tags: Sequence[str]) -> Changes:
        """Remove tags from notes (matched case-insensitively; child tags stay); undoable."""
        unwanted = _clean_tags(tags)
        return self._change_notes("remove tags", note_ids, lambda note: replace(note, tags=tags_removed(note.tags, unwanted)))

    def find_and_replace(
        self,
        note_ids: Sequence[int],
        find: str,
        replacement: str,
        *,
        field: str | None = None,
        regex: bool = False,
        match_case: bool = False,
    ) -> FindReplaceResult:
        """Replace text in the fields of notes (all fields, or those named `field`), in one undoable
        step; the result says how many notes changed. Fields are edited as stored (HTML included)."""
        if not find:
            raise InvalidInputError("give the text to find")
        try:
            apply = replacer(find, replacement, regex=regex, match_case=match_case)
            apply("")  # a bad group reference in the replacement shows up here
        except (re.error, IndexError) as error:
            raise InvalidInputError(f"cannot use {find!r} → {replacement!r} as a regular expression: {error}") from None
        notetypes = {n.id: n for n in self.notetypes()}
        if field is not None and not any(field in n.fields for n in notetypes.values()):
            raise InvalidInputError(f"no note type has a field named {field!r}")

        def change(note: Note) -> Note:
            names = notetypes[note.notetype_id].fields
            fields = tuple(
                apply(value) if field is None or names[i] == field else value for i, value in enumerate(note.fields)
            )
            return replace(note, fields=fields)

        try:
            changes = self._change_notes("find and replace", note_ids, change)
        except re.error as error:
            raise InvalidInputError(f"cannot replace with {replacement!r}: {error}") from None
        return FindReplaceResult(changes, len(changes.notes))

    def _change_notes(self, label: str, note_ids: Sequence[int], change) -> Changes:
        """Apply `change(note) -> Note` to notes in one undoable step; only notes it alters are written."""
        wanted = list(dict.fromkeys(note_ids))
        before = self.store.notes(wanted)
        missing = [i for i in wanted if i not in before]
        if missing:
            raise NotFoundError(f"no note with id {missing[0]} (was it deleted?)")
        now = self.now()
        changed = []
        for note_id in wanted:
            note = before[note_id]
            after = change(note)
            if after != note:
                changed.append((note, replace(after, modified=now)))
        if not changed:
            return Changes()
        created: list[int] = []
        with self.store.transaction():
            for _note, after in changed:
                notetype = self.store.notetype(after.notetype_id)
                created += self._write_note(after, notetype, self.store.cards_of_note(after.id))
            self.store.push_undo(
                UndoStep(label, notes_before=tuple(n for n, _ in changed), cards_created=tuple(created)), now
            )
        if created:
            self._forget_today_counts()
        return Changes(notes=frozenset(n.id for n, _ in changed), cards=frozenset(created), queue=bool(created))

    def saved_searches(self) -> dict[str, str]:
        """Saved searches by name, in the order they were saved."""
        return dict(self.store.config(SAVED_SEARCHES_KEY, {}))

    def save_search(self, name: str, query: str) -> Changes:
        """Save (or replace) a named search; the query must parse."""
        name = name.strip()
        if not name:
            raise InvalidInputError("give the saved search a name")
        parse_search(query)
        searches = {**self.saved_searches(), name: query}
        with self.store.transaction():
            self.store.set_config(SAVED_SEARCHES_KEY, searches)
        return Changes()

    def remove_saved_search(self, name: str) -> Changes:
        searches = self.saved_searches()
        if name not in searches:
            raise NotFoundError(f"no saved search named {name!r}")
        del searches[name]
        with self.store.transaction():
            self.store.set_config(SAVED_SEARCHES_KEY, searches)
        return Changes()


_ANSWER_KINDS = (ReviewKind.LEARN, ReviewKind.REVIEW, ReviewKind.RELEARN)  # log entries the scheduler made


def _check_paragraphs(document: DocumentText) -> None:
    """Refuse a document with no text or whose paragraph offsets do not point into its text in order."""
    if not document.text.strip():
        raise InvalidInputError(f"document {document.file_name!r} has no text; nothing was added")
    previous_end = 0
    for start, end in document.paragraphs:
        if not previous_end <= start < end <= len(document.text):
            raise InvalidInputError(
                f"document {document.file_name!r}: paragraph [{start}, {end}) is out of order or outside its "
                f"{len(document.text)} characters; nothing was added"
            )
        previous_end = end


def _suggestion_notetype(notetype: NoteType, kind: NoteTypeKind, what: str) -> NoteType:
    """The note type suggested `what` cards go to: of the `kind` they need, with a front and a back field."""
    if notetype.kind is not kind or len(notetype.fields) < 2:
        needed = "a cloze note type" if kind is NoteTypeKind.CLOZE else "a standard (not cloze) note type"
        raise InvalidInputError(f"{what} cards need {needed} with at least two fields; {notetype.name!r} is not one")
    return notetype


def _plain_to_html(text: str) -> str:
    """Plain text as a field's HTML: markup characters escaped, line breaks kept."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def _with_clean_tags(note: Note) -> Note:
    tags = _clean_tags(note.tags)
    return note if tags == note.tags else replace(note, tags=tags)


def _clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Tags without duplicates (case-insensitively), in the given order."""
    seen, result = set(), []
    for tag in tags:
        for word in str(tag).split():
            if word.casefold() not in seen:
                seen.add(word.casefold())
                result.append(word)
    return tuple(result)


def review_id(time_ms: int) -> str:
    """Globally unique and time-ordered (like a UUIDv7): 12 hex digits of milliseconds, then 20 that
    count up from a random start (`_ReviewIdTails`).

    Time order keeps the review log's index appends cheap; the random part keeps copies mergeable."""
    return "%012x%020x" % (time_ms, _review_id_tails.next())


class _ReviewIdTails:
    """The last 20 hex digits of the review ids a process makes: a number drawn at random when it
    starts (again in a forked child), then one more for each id. Two processes' ids can meet only
    where their counts overlap, as unlikely as two draws of 80 random bits meeting; counting spares
    the system call a draw of random bits makes at each answer (~1 µs of it)."""

    def __init__(self):
        self.restart()
        os.register_at_fork(after_in_child=self.restart)

    def restart(self) -> None:
        self._count = itertools.count(secrets.randbelow(_REVIEW_ID_TAILS))

    def next(self) -> int:
        return next(self._count) % _REVIEW_ID_TAILS


_REVIEW_ID_TAILS = 16**20
_review_id_tails = _ReviewIdTails()


def imported_review_id(card_id: int, time_ms: int) -> str:
    """The id of a review that arrives without one: time-ordered like `review_id`, and the same for the
    same card and time, so importing the same history again finds it present."""
    return f"{time_ms:012x}{card_id % 16**20:020x}"


def _answer_entry(card_id: int, rating: int, time_ms: int, duration_ms: int) -> ReviewLogEntry:
    """An imported answer waiting to be replayed (`Collection._replayed`), which fills in the states."""
    return ReviewLogEntry(
        imported_review_id(card_id, time_ms), card_id, time_ms, rating, CardState.NEW, 0, 0, 0, None, None, duration_ms, ReviewKind.LEARN
    )


def _log_entry(card: Card, result: Answer, rating: int, now_ms: int, duration_ms: int, entry_id: str) -> ReviewLogEntry:
    """The log's row for an answer, made from its fields in order (keyword arguments take twice as long)."""
    after = result.card
    return ReviewLogEntry.from_values((
        entry_id, card.id, now_ms, rating,  # id, card_id, time, rating
        card.state, card.interval,  # state_before, interval_before
        after.interval if after.state is CardState.REVIEW else 0, after.due,  # interval_after, due_after
        after.stability, after.difficulty, max(0, int(duration_ms)), result.kind,  # stability, difficulty, duration_ms, kind
    ))


def _manual_entry(before: Card, after: Card, now: int) -> ReviewLogEntry:
    return ReviewLogEntry(
        id=review_id(now * 1000),
        card_id=before.id,
        time=now * 1000,
        rating=0,
        state_before=before.state,
        interval_before=before.interval,
        interval_after=after.interval,
        due_after=after.due,
        stability=after.stability,
        difficulty=after.difficulty,
        duration_ms=0,
        kind=ReviewKind.MANUAL,
    )
