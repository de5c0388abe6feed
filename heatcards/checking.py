"""Checking a collection and repairing what can be repaired (`heatcards check [--repair]`).

The checks, in the order they run (and repairs are made):

* SQLite's integrity check. A damaged file is not repaired: the other checks are skipped and
  the finding points to the newest good backup.
* Foreign keys, one finding per relation: decks without preset, cards without deck, cards
  without note, notes without note type, notes citing a missing document.
* Notes whose number of fields differs from their note type's; notes without cards.
* Cards in no known state; cards with an impossible due date.
* Review-log entries of cards that no longer exist.
* Memory states that disagree with the history: a studied card's stability and difficulty
  against what FSRS computes from its review log (`Scheduler.memory_from_history`, with the
  card's preset and the collection's day boundaries; history chosen as Anki does, see
  `importing.memory_history`).
* Media: files the notes name that are not in the media folder (listed; only the person can
  find them again), and files in the media folder that no note or note type names (listed,
  never deleted: removing them is the person's decision). Files starting with "_" count as used,
  as in Anki (templates load them).
* The search index (full-text text and sort keys) against the notes' fields.

Nothing is changed unless `repair` is asked for; then a backup is made first, every repair
runs in one transaction, and the collection is checked again. A repair cannot be undone (the
backup is the way back), so it clears the undo history.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .backups import BackupInfo, BackupReason, Backups
from .importing import media_references, memory_history
from .model import Card, Changes, Deck
from .rendering import card_ordinals
from .scheduling import Scheduler
from .storage import check
from .storage.check import Finding, FindingKind, counted, found

if TYPE_CHECKING:  # the collection may call in here: no import cycle at load time
    from .collection import Collection

REPAIR_ROUNDS = 3  # a repair can bring another problem to light (a fixed state shows its memory state)
# A memory state heatcards stored is the very number replaying the history gives; one imported
# from Anki is rounded to 4 decimals. Anything further apart came from another history or other
# parameters.
MEMORY_RELATIVE_TOLERANCE = 1e-3
MEMORY_ABSOLUTE_TOLERANCE = 1e-4
TEMPLATE_MEDIA_PREFIX = "_"  # Anki's convention: such files are for templates, never unused
_CARD_FINDINGS = {
    FindingKind.CARDS_WITHOUT_DECK,
    FindingKind.CARDS_WITHOUT_NOTE,
    FindingKind.INVALID_CARD_STATE,
    FindingKind.INVALID_DUE,
    FindingKind.MEMORY_STATE,
}
_NOTE_FINDINGS = {
    FindingKind.NOTES_WITH_MISSING_DOCUMENT,
    FindingKind.WRONG_FIELD_COUNT,
    FindingKind.NOTES_WITHOUT_CARDS,
    FindingKind.SEARCH_INDEX,
}


@dataclass(frozen=True)
class CheckReport:
    """What a check found, what a repair left, and the backup made before repairing."""

    findings: tuple[Finding, ...]  # found by the first check
    remaining: tuple[Finding, ...]  # still there after repairing (all of `findings` when not repairing)
    backup: BackupInfo | None = None  # made before repairing; None when nothing was repaired
    changes: Changes = field(default_factory=Changes)

    @property
    def repaired(self) -> tuple[Finding, ...]:
        """The findings the repair made go away."""
        left = {f.kind for f in self.remaining}
        return tuple(f for f in self.findings if f.kind not in left)


def check_collection(collection: Collection, *, repair: bool = False, backups: Backups | None = None) -> CheckReport:
    """Check the collection; with `repair`, back it up (into `backups`, default: the folder beside
    it) and repair every repairable finding, unless the file itself is damaged.

    A repair writes rows behind the collection's back: the collection must then forget what it
    keeps in memory (new ids, today's counts), which `Collection.check` does."""
    findings = find_problems(collection)
    if not repair or is_damaged(findings) or not any(f.repairable for f in findings):
        return CheckReport(tuple(findings), tuple(findings))
    backup = (backups or Backups(collection.path, collection.clock)).create(collection.store, BackupReason.REPAIR)
    remaining, changes, tried = findings, Changes(), []
    for _ in range(REPAIR_ROUNDS):
        repairable = [f for f in remaining if f.repairable]
        if not repairable or repairable == tried:  # nothing left that a repair can still change
            break
        changes = _merged(changes, repair_findings(collection, repairable))
        remaining, tried = find_problems(collection), repairable
    return CheckReport(tuple(findings), tuple(remaining), backup, changes)


def is_damaged(findings: Iterable[Finding]) -> bool:
    return any(f.kind is FindingKind.INTEGRITY for f in findings)


def find_problems(collection: Collection) -> list[Finding]:
    """Every check's finding, in repair order; only the integrity check's when the file is damaged."""
    store = collection.store
    damage = check.find_damage(store)
    if damage is not None:
        return [damage]
    found = [find(store) for find in check.CHECKS]
    found += [find_memory_state_problems(collection), *find_media_problems(collection)]
    found.append(check.find_stale_search_index(store))
    return [f for f in found if f is not None]


def repair_findings(collection: Collection, findings: Sequence[Finding]) -> Changes:
    """Repair these findings in one transaction (all or nothing); the caller has made a backup."""
    now = collection.now()
    store = collection.store
    with store.transaction():
        for finding in findings:
            _repair(collection, finding, now)
        store.clear_undo()
    return Changes(
        cards=frozenset(i for f in findings if f.kind in _CARD_FINDINGS for i in f.ids),
        notes=frozenset(i for f in findings if f.kind in _NOTE_FINDINGS for i in f.ids),
        decks=True,
        queue=True,
        stats=True,
    )


def _repair(collection: Collection, finding: Finding, now: int) -> None:
    store, ids = collection.store, finding.ids
    match finding.kind:
        case FindingKind.DECKS_WITHOUT_PRESET:
            check.set_deck_preset(store, ids, collection.default_preset().id)
        case FindingKind.CARDS_WITHOUT_DECK:
            check.move_cards_to_deck(store, ids, _fallback_deck(collection).id, now)
        case FindingKind.CARDS_WITHOUT_NOTE:
            store.delete_cards(ids)
        case FindingKind.NOTES_WITH_MISSING_DOCUMENT:
            check.unlink_documents(store, ids)
        case FindingKind.WRONG_FIELD_COUNT:
            check.fit_field_counts(store, ids, now)
        case FindingKind.NOTES_WITHOUT_CARDS:
            store.insert_cards(_missing_cards(collection, ids, now))
        case FindingKind.INVALID_CARD_STATE:
            check.fix_card_states(store, ids, now)
        case FindingKind.INVALID_DUE:
            check.requeue_cards(store, ids, now)
        case FindingKind.REVIEWS_WITHOUT_CARD:
            store.delete_reviews(ids)
        case FindingKind.MEMORY_STATE:
            check.set_memory_states(store, memory_states_from_history(collection, ids))
        case FindingKind.SEARCH_INDEX:
            check.rebuild_search_index(store)
        case _:
            raise ValueError(f"{finding.kind.value} cannot be repaired")


def _fallback_deck(collection: Collection) -> Deck:
    """Where cards without a deck (and new cards of notes without cards) go: the Default deck."""
    from .collection import DEFAULT_DECK  # here, not at the top: collection.py may import this module

    return collection.store.deck_by_name(DEFAULT_DECK) or collection.add_deck(DEFAULT_DECK)


def _missing_cards(collection: Collection, note_ids: Sequence[int], now: int) -> list[Card]:
    """New cards for notes that have none: those their fields call for, after every new card."""
    store = collection.store
    notetypes = {n.id: n for n in store.notetypes()}
    deck_id = _fallback_deck(collection).id
    next_id = max(store.max_id("cards") + 1, now * 1000)
    position = store.max_new_position()
    cards = []
    for note in store.notes(note_ids).values():
        notetype = notetypes.get(note.notetype_id)
        for ordinal in card_ordinals(notetype, note.fields) if notetype else ():
            position += 1
            cards.append(
                Card(id=next_id, note_id=note.id, deck_id=deck_id, ordinal=ordinal, due=position, modified=now)
            )
            next_id += 1
    return cards


# --- memory states ---------------------------------------------------------------------------
def memory_states_from_history(
    collection: Collection, card_ids: Sequence[int] | None = None
) -> dict[int, tuple[float, float]]:
    """(stability, difficulty) FSRS gives each studied card (of `card_ids`, default all) from its
    review history; cards without a scored review, or without a deck and preset, are left out."""
    return {card.id: state for card, state in _cards_with_memory_from_history(collection, card_ids)}


def _cards_with_memory_from_history(
    collection: Collection, card_ids: Sequence[int] | None = None
) -> Iterator[tuple[Card, tuple[float, float]]]:
    schedulers = _schedulers_by_deck(collection)
    for card, history in check.studied_cards_with_history(collection.store, card_ids):
        scheduler = schedulers.get(card.deck_id)
        reviews = memory_history(history)
        if scheduler is not None and reviews:
            yield card, scheduler.memory_from_history(reviews)


def _schedulers_by_deck(collection: Collection) -> dict[int, Scheduler]:
    """The scheduler of each deck whose preset exists (the others are findings of their own)."""
    presets = {p.id for p in collection.presets()}
    return {deck.id: collection.scheduler_for(deck) for deck in collection.decks() if deck.preset_id in presets}


def find_memory_state_problems(collection: Collection) -> Finding | None:
    """Studied cards whose stability and difficulty are not what their review history gives."""
    disagreeing = tuple(
        card.id
        for card, state in _cards_with_memory_from_history(collection)
        if not _agrees((card.stability, card.difficulty), state)
    )
    return found(
        FindingKind.MEMORY_STATE,
        disagreeing,
        ("card has", "cards have"),
        "a memory state (stability, difficulty) other than their review history gives with their preset's "
        "parameters; repair sets the one the history gives (due dates stay)",
    )


def _agrees(stored: tuple[float | None, float | None], expected: tuple[float, float]) -> bool:
    return all(
        s is not None and math.isclose(s, e, rel_tol=MEMORY_RELATIVE_TOLERANCE, abs_tol=MEMORY_ABSOLUTE_TOLERANCE)
        for s, e in zip(stored, expected)
    )


# --- media -----------------------------------------------------------------------------------
def find_media_problems(collection: Collection) -> list[Finding]:
    """Files the notes name that the media folder lacks, and files in it that nothing names."""
    used_by, used_by_templates = _media_references(collection)
    present = _media_files(collection)
    missing = tuple(sorted(set(used_by) - present))
    unnamed = present - set(used_by) - used_by_templates
    unused = tuple(sorted(name for name in unnamed if not name.startswith(TEMPLATE_MEDIA_PREFIX)))
    naming = len({note_id for name in missing for note_id in used_by[name]})
    findings = (
        found(
            FindingKind.MISSING_MEDIA,
            missing,
            ("media file is", "media files are"),
            f"missing from {collection.media_folder} ({_examples(missing)}), named by "
            f"{counted(naming, 'note', 'notes')}; repair cannot bring them back: put them in that folder",
            repairable=False,
        ),
        found(
            FindingKind.UNUSED_MEDIA,
            unused,
            ("media file is", "media files are"),
            f"used by no note ({_examples(unused)}); they are left in {collection.media_folder}: "
            "delete them yourself if you do not need them",
            repairable=False,
        ),
    )
    return [f for f in findings if f is not None]


def _media_references(collection: Collection) -> tuple[dict[str, list[int]], set[str]]:
    """The notes that name each media file, and the files the note types' templates and styling name."""
    used_by: dict[str, list[int]] = defaultdict(list)
    for note_id, fields in check.note_fields(collection.store):
        for name in media_references(fields):
            used_by[name].append(note_id)
    by_templates = {
        name
        for notetype in collection.notetypes()
        for text in (notetype.css, *(side for t in notetype.templates for side in (t.front, t.back)))
        for name in media_references(text)
    }
    return used_by, by_templates


def _media_files(collection: Collection) -> set[str]:
    """Names of the plain files in the media folder, leaving out hidden ones (a ".name.partial"
    is a file being written)."""
    folder = collection.media_folder
    if not folder.is_dir():
        return set()
    return {p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def _examples(names: Sequence[str], shown: int = 3) -> str:
    listed = ", ".join(names[:shown])
    return listed if len(names) <= shown else f"{listed} and {len(names) - shown} more"


def _merged(first: Changes, second: Changes) -> Changes:
    return Changes(
        cards=first.cards | second.cards,
        notes=first.notes | second.notes,
        decks=first.decks or second.decks,
        queue=first.queue or second.queue,
        stats=first.stats or second.stats,
    )
