"""The Collection facade: everything a front end (command line, desktop) does goes through here.

Every mutation is one transaction, committed durably before it returns, and
returns a `Changes` record naming what changed.
"""
from __future__ import annotations

import os
import secrets
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from . import queue
from .clock import SECONDS_PER_DAY, Clock, DayCalendar
from .errors import HeatcardsError, InvalidInputError, NothingToUndoError, NotFoundError
from .formats.heatdeck import DeckFile, read_deck_file
from .model import (
    ButtonPreview,
    Card,
    CardInfo,
    CardState,
    Changes,
    Deck,
    DeckCounts,
    LeechAction,
    Note,
    NoteType,
    Preset,
    QueueCounts,
    Rating,
    ReviewKind,
    ReviewLogEntry,
    SourceLink,
)
from .notetypes import BUILTIN_NOTETYPES
from .rendering import RenderedCard, card_ordinals, render_card
from .scheduling import Answer, Scheduler
from .search import SearchContext, parse_search
from .storage import Store, UndoStep
from .storage.search_sql import compile_search

COLLECTION_ENV = "HEATCARDS_COLLECTION"
DEFAULT_DECK = "Default"
DEFAULT_PRESET = "Default"
BUNDLED_DECKS = Path(__file__).resolve().parent.parent / "decks"
HEAT_DECK_FILE = BUNDLED_DECKS / "heat.heatdeck.toml"
MARKED_TAG = "marked"
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


@dataclass(frozen=True)
class InstallReport:
    deck: str
    added: int
    updated: int
    unchanged: int


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
    ):
        self.path = Path(path) if path is not None else default_collection_path()
        self.clock = clock or Clock()
        self.fuzz = fuzz
        self.store = Store(self.path, durable=durable)
        self.media_folder = self.path.with_name(self.path.stem + ".media")
        try:
            self.media_folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.store.close()
            raise HeatcardsError(f"cannot create the media folder {self.media_folder}: {error.strerror or error}") from error
        self.calendar = DayCalendar(calendar_tz, self.store.config("rollover_hour", 4))
        self._schedulers: dict[int, Scheduler] = {}
        self._today: dict[int, _TodayCounts] = {}
        self._next_ids: dict[str, int] = {}
        if not self.store.config("initialised", False):
            self._initialise(install_heat_deck)

    # --- lifetime ------------------------------------------------------------
    def close(self) -> None:
        self.store.close()

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
        with self.store.transaction():
            self.store.save_preset(preset)
        self._forget_today_counts()
        self._schedulers.pop(preset.id, None)
        return Changes(decks=True, queue=True)

    def scheduler_for(self, deck: Deck) -> Scheduler:
        scheduler = self._schedulers.get(deck.preset_id)
        if scheduler is None:
            scheduler = Scheduler(self.store.preset(deck.preset_id), self.calendar, fuzz=self.fuzz)
            self._schedulers[deck.preset_id] = scheduler
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

    def deck_tree_ids(self, deck: Deck, decks: Sequence[Deck] | None = None) -> list[int]:
        """The deck and all its subdecks (among `decks`, default: all decks)."""
        prefix = deck.name.casefold() + "::"
        return [d.id for d in decks or self.decks() if d.id == deck.id or d.name.casefold().startswith(prefix)]

    def deck_counts(self) -> list[DeckCounts]:
        """Every deck with today's new / learning / review counts, subdecks included."""
        now = self.now()
        per_deck = self.store.due_counts_by_deck(now, self.calendar.next_day_start(now))
        decks = self.decks()
        result = []
        for deck in decks:
            tree = self.deck_tree_ids(deck, decks)
            totals = [sum(per_deck.get(i, (0, 0, 0))[k] for i in tree) for k in range(3)]
            limits = queue.remaining_limits(self.store, tree, self.preset_of(deck), self.calendar, now)
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
            return tuple(fields.get(name, "") for name in notetype.fields)
        if len(fields) != len(notetype.fields):
            raise InvalidInputError(f"note type {notetype.name!r} needs {len(notetype.fields)} fields, got {len(fields)}")
        return tuple(fields)

    def add_note(
        self,
        notetype_name: str,
        fields: Mapping[str, str] | Sequence[str],
        deck_name: str,
        *,
        tags: Sequence[str] = (),
        guid: str | None = None,
        source: SourceLink | None = None,
    ) -> Note:
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
            self._add_cards(note, ordinals, deck.id, now)
        self._forget_today_counts()
        return note

    def _add_cards(self, note: Note, ordinals: Sequence[int], deck_id: int, now: int) -> None:
        position = self.store.max_new_position()
        for ordinal in ordinals:
            position += 1
            card = Card(id=self._new_id("cards"), note_id=note.id, deck_id=deck_id, ordinal=ordinal, due=position, modified=now)
            self.store.insert_card(card)

    def update_note(
        self,
        note_id: int,
        fields: Mapping[str, str] | Sequence[str],
        *,
        tags: Sequence[str] | None = None,
        source: SourceLink | None = None,
    ) -> Changes:
        """Change a note's fields and tags; every existing card keeps its progress."""
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
        missing = [o for o in card_ordinals(notetype, values) if o not in {c.ordinal for c in cards}]
        with self.store.transaction():
            self.store.update_note(updated)
            if missing:
                deck_id = cards[0].deck_id if cards else self.deck_named(DEFAULT_DECK).id
                self._add_cards(updated, missing, deck_id, updated.modified)
        self._forget_today_counts()
        return Changes(notes=frozenset({note_id}), cards=frozenset(c.id for c in cards), queue=bool(missing))

    def note(self, note_id: int) -> Note:
        return self.store.note(note_id)

    # --- cards -------------------------------------------------------------------
    def card(self, card_id: int) -> Card:
        return self.store.card(card_id)

    def find_cards(self, query: str = "") -> list[int]:
        """Card ids matching an Anki-style search (empty: all cards)."""
        node = parse_search(query)
        where, params = compile_search(node, self.store, SearchContext(now=self.now(), calendar=self.calendar))
        return self.store.card_ids(where, params)

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
        today = self._today_in(deck)
        return queue.next_card(self.store, today.deck_ids, today.counts, self.calendar, self.now()), today.counts

    def counts(self, deck: Deck) -> QueueCounts:
        """Today's remaining new / learning / review counts in `deck` (subdecks included)."""
        return self._today_in(deck).counts

    def _today_in(self, deck: Deck) -> _TodayCounts:
        """Counts are taken from the database once a day (or after a change), then kept
        up to date from each answer, as Anki does."""
        now = self.now()
        day = self.calendar.day(now)
        today = self._today.get(deck.id)
        if today is None or today.day != day:
            tree = self.deck_tree_ids(deck)
            counts = queue.queue_counts(self.store, tree, self.preset_of(deck), self.calendar, now)
            today = self._today[deck.id] = _TodayCounts(day, tuple(tree), counts)
        return today

    def _forget_today_counts(self) -> None:
        """Anything but an answer may change what is due: counts are taken afresh next time."""
        self._today.clear()

    def previews(self, card: Card) -> list[ButtonPreview]:
        return self.scheduler_for(self.store.deck(card.deck_id)).previews(card, self.now())

    def answer(self, card_id: int, rating: Rating | int, duration_ms: int = 0) -> Changes:
        """Rate a card; the review is on disk when this returns."""
        card = self.store.card(card_id)
        deck = self.store.deck(card.deck_id)
        now_ms = int(self.clock.now() * 1000)
        now = now_ms // 1000
        result = self.scheduler_for(deck).answer(card, rating, now)
        entry = _log_entry(card, result, int(rating), now_ms, duration_ms)
        note_before = self.store.note(card.note_id) if result.leech else None
        siblings = self._siblings_to_bury(card, deck, now)
        with self.store.transaction():
            after = result.card
            if result.leech and self.preset_of(deck).leech_action is LeechAction.SUSPEND:
                after = replace(after, suspended=True)
            self.store.save_card(after)
            self.store.insert_review(entry)
            buried_until = self.calendar.next_day_start(now)
            for sibling in siblings:
                self.store.save_card(replace(sibling, buried_until=buried_until, modified=now))
            if note_before is not None:
                self.store.update_note(replace(note_before, tags=_clean_tags((*note_before.tags, LEECH_TAG)), modified=now))
            self.store.push_undo(
                UndoStep(
                    label="answer",
                    cards_before=(card, *siblings),
                    notes_before=(note_before,) if note_before else (),
                    revlog_ids=(entry.id,),
                ),
                now,
            )
        if siblings or after.suspended:
            self._forget_today_counts()
        day_end = self.calendar.next_day_start(now)
        for today in self._today.values():
            if card.deck_id in today.deck_ids:
                today.counts = queue.counts_after_answer(today.counts, card, after, day_end)
        return Changes(cards=frozenset({card.id, *(s.id for s in siblings)}), queue=True, stats=True, decks=True)

    def _siblings_to_bury(self, card: Card, deck: Deck, now: int) -> list[Card]:
        preset = self.preset_of(deck)
        wanted = {
            CardState.NEW: preset.bury_new_siblings,
            CardState.REVIEW: preset.bury_review_siblings,
            CardState.LEARNING: preset.bury_interday_learning_siblings,
            CardState.RELEARNING: preset.bury_interday_learning_siblings,
        }
        if not any(wanted.values()):
            return []
        siblings = self.store.cards(self.store.sibling_ids(card))
        return [s for s in siblings if wanted[s.state] and not s.suspended and not s.is_buried(now)]

    def undo(self) -> str:
        """Undo the last answer or card operation; returns what was undone. Repeat to walk back."""
        last = self.store.last_undo()
        if last is None:
            raise NothingToUndoError("nothing to undo")
        undo_id, step = last
        with self.store.transaction():
            for card in step.cards_before:
                self.store.save_card(card)
            for note in step.notes_before:
                self.store.update_note(note)
            self.store.delete_reviews(step.revlog_ids)
            self.store.delete_undo(undo_id)
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
        """Reset cards to new (history kept; a manual entry marks the reset)."""
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

    # --- deck files ------------------------------------------------------------------
    def install_deck_file(self, path: Path | str) -> InstallReport:
        """Add a heatcards deck file's notes, or update them by GUID; progress is never lost."""
        return self.install_deck(read_deck_file(path))

    def install_deck(self, deck_file: DeckFile) -> InstallReport:
        notetypes = {n.name: n for n in self.notetypes()}
        for i, note in enumerate(deck_file.notes):
            notetype = notetypes.get(note.notetype)
            if notetype is None:
                raise InvalidInputError(f"deck {deck_file.name!r} note {note.guid}: unknown note type {note.notetype!r}")
            self._field_values(notetype, note.fields)
        added = updated = unchanged = 0
        with self.store.transaction():
            deck = self.add_deck(deck_file.name)
            if deck_file.description and deck.description != deck_file.description:
                self.store.update_deck(replace(deck, description=deck_file.description))
            document_ids = self._install_documents(deck_file)
            for note in deck_file.notes:
                source = None
                if note.source is not None:
                    span = note.source.span or (None, None)
                    source = SourceLink(document_ids[note.source.document], span[0], span[1], note.source.paragraph)
                existing = self.store.note_by_guid(note.guid)
                if existing is None:
                    self.add_note(note.notetype, note.fields, note.deck or deck_file.name, tags=note.tags, guid=note.guid, source=source)
                    added += 1
                    continue
                values = self._field_values(notetypes[note.notetype], note.fields)
                if existing.fields == values and existing.tags == _clean_tags(note.tags) and existing.source == source:
                    unchanged += 1
                    continue
                self.update_note(existing.id, values, tags=note.tags, source=source)
                updated += 1
        return InstallReport(deck_file.name, added, updated, unchanged)

    def _install_documents(self, deck_file: DeckFile) -> dict[str, int]:
        ids = {}
        for document in deck_file.documents:
            existing = self.store.document_id_by_hash(document.sha256)
            ids[document.key] = existing or self.store.insert_document(
                document.title, document.file, document.sha256, None, [], self.now()
            )
        return ids


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
    """Globally unique and time-ordered (like a UUIDv7): 12 hex digits of milliseconds, 20 random.

    Time order keeps the review log's index appends cheap; the random part keeps copies mergeable."""
    return f"{time_ms:012x}{secrets.token_hex(10)}"


def _log_entry(card: Card, result: Answer, rating: int, now_ms: int, duration_ms: int) -> ReviewLogEntry:
    after = result.card
    return ReviewLogEntry(
        id=review_id(now_ms),
        card_id=card.id,
        time=now_ms,
        rating=rating,
        state_before=card.state,
        interval_before=card.interval,
        interval_after=after.interval if after.state is CardState.REVIEW else 0,
        due_after=after.due,
        stability=after.stability,
        difficulty=after.difficulty,
        duration_ms=max(0, int(duration_ms)),
        kind=result.kind,
    )


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
