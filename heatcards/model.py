"""Plain data the rest of heatcards passes around: no SQL, no Qt, no I/O."""
from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Self


class Rating(enum.IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class CardState(enum.IntEnum):
    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class ReviewKind(enum.Enum):
    LEARN = "learn"
    REVIEW = "review"
    RELEARN = "relearn"
    MANUAL = "manual"  # set due date, forget: no rating, never part of a memory-state history
    FILTERED = "filtered"  # Anki's cram review in a filtered deck (kept from imported logs)
    RESCHEDULED = "rescheduled"  # Anki's bulk reschedule entries (kept from imported logs)


class LeechAction(enum.Enum):
    TAG = "tag"
    SUSPEND = "suspend"


class NoteTypeKind(enum.Enum):
    STANDARD = "standard"
    CLOZE = "cloze"


@dataclass(frozen=True)
class CardTemplate:
    name: str
    front: str
    back: str


@dataclass(frozen=True)
class NoteType:
    id: int | None
    name: str
    kind: NoteTypeKind
    fields: tuple[str, ...]
    templates: tuple[CardTemplate, ...]
    css: str = ""

    def field_index(self, name: str) -> int:
        return self.fields.index(name)


@dataclass(frozen=True)
class Preset:
    """Deck options shared by any number of decks (Anki's "preset")."""

    id: int | None
    name: str
    desired_retention: float = 0.9
    parameters: tuple[float, ...] = ()  # empty: FSRS-6 defaults
    learning_steps: tuple[float, ...] = (1.0, 10.0)  # minutes
    relearning_steps: tuple[float, ...] = (10.0,)  # minutes
    maximum_interval: int = 36500  # days
    new_per_day: int = 20
    reviews_per_day: int = 200
    bury_new_siblings: bool = False
    bury_review_siblings: bool = False
    bury_interday_learning_siblings: bool = False
    leech_threshold: int = 8
    leech_action: LeechAction = LeechAction.TAG


@dataclass(frozen=True)
class Deck:
    id: int
    name: str  # full path, "Parent::Child"
    preset_id: int
    description: str = ""

    @property
    def depth(self) -> int:
        return self.name.count("::")

    @property
    def leaf_name(self) -> str:
        return self.name.rsplit("::", 1)[-1]


@dataclass(frozen=True)
class SourceLink:
    """Where in a document a note's fact comes from."""

    document_id: int | None  # None when the document was deleted
    start: int | None = None
    end: int | None = None
    paragraph: int | None = None


@dataclass(frozen=True)
class Note:
    id: int
    guid: str
    notetype_id: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    created: int  # unix seconds
    modified: int
    source: SourceLink | None = None


class MadeFromValues:
    """A frozen dataclass that can also be made by `from_values`, for the records made by the
    thousand (rows read, answers)."""

    __slots__ = ()

    @classmethod
    def from_values(cls, values: Sequence) -> Self:
        """The record whose fields, in the order declared, are `values`: the same record as
        `cls(*values)` (equal, hashable, frozen), made in half to two thirds of the time. The
        `__init__` a frozen dataclass is given sets its fields one `object.__setattr__` call at a
        time; this fills the new record's attributes in one update (which gives it a dict of its
        own, ~64 bytes more while it lives). Like `__init__`, it checks no types; values of another
        length raise ValueError. The names are those of `__dataclass_fields__`, which lists the
        fields in order (no `ClassVar` or `InitVar` may be declared: they would be listed too)."""
        names = cls.__dataclass_fields__
        if len(values) != len(names):  # checked apart: zip's strict=True takes longer
            raise ValueError(f"{cls.__name__} has {len(names)} fields, not {len(values)}")
        made = object.__new__(cls)
        made.__dict__.update(zip(names, values))
        return made


@dataclass(frozen=True)
class Card(MadeFromValues):
    id: int
    note_id: int
    deck_id: int
    ordinal: int
    state: CardState = CardState.NEW
    due: int = 0  # unix seconds; for new cards, the position in the new queue
    interval: int = 0  # scheduled days (review and relearning cards)
    stability: float | None = None
    difficulty: float | None = None
    remaining_steps: int = 0  # learning/relearning steps still to go
    reps: int = 0
    lapses: int = 0
    last_review: int | None = None  # unix seconds
    suspended: bool = False
    buried_until: int = 0  # unix seconds; buried while now < buried_until
    flag: int = 0
    modified: int = 0

    def is_buried(self, now: int) -> bool:
        return now < self.buried_until


@dataclass(frozen=True)
class ReviewLogEntry(MadeFromValues):
    id: str  # globally unique (uuid hex)
    card_id: int
    time: int  # unix milliseconds
    rating: int  # 1..4, 0 for manual entries
    state_before: CardState
    interval_before: int  # days
    interval_after: int  # days (0 while in (re)learning)
    due_after: int  # unix seconds
    stability: float | None
    difficulty: float | None
    duration_ms: int
    kind: ReviewKind

    @property
    def is_answer(self) -> bool:
        """A person rated the card (as opposed to a reset, a set due date or a bulk reschedule)."""
        return self.rating > 0

    @property
    def is_reset(self) -> bool:
        """A reset to new ("forget"): a manual entry that leaves no interval (setting a due date does)."""
        return self.kind is ReviewKind.MANUAL and self.interval_after == 0


@dataclass(frozen=True)
class QueueCounts:
    new: int = 0
    learning: int = 0
    review: int = 0

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


@dataclass(frozen=True)
class DeckCounts:
    deck: Deck
    counts: QueueCounts


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so views refresh only what they show."""

    cards: frozenset[int] = frozenset()
    notes: frozenset[int] = frozenset()
    decks: bool = False
    queue: bool = False
    stats: bool = False


@dataclass(frozen=True)
class ButtonPreview:
    rating: Rating
    state: CardState
    due: int  # unix seconds
    interval_days: int  # a review's interval, or the days a step waits past the rollover; 0 for a step today
    delay_seconds: int  # until due, from the answer time

    def label(self) -> str:
        return describe_delay(self.delay_seconds, self.interval_days)


def describe_delay(seconds: int, days: int) -> str:
    """Anki-style short label: 1m, 10m, 1h, 3d, 2.1mo, 1.5y."""
    if days <= 0:
        if seconds < 3600:
            return f"{max(1, round(seconds / 60))}m"
        if seconds < 86400:
            return f"{seconds / 3600:.3g}h"
        days = max(1, round(seconds / 86400))
    if days < 30:
        return f"{days}d"
    if days < 365:
        return f"{days / 30:.2g}mo"
    return f"{days / 365:.2g}y"


@dataclass(frozen=True)
class CardInfo:
    card: Card
    note: Note
    notetype: NoteType
    deck: Deck
    question: str
    answer: str
    retrievability: float | None
    due_day: str  # ISO date as the learner sees it, "" for new cards
    history: tuple[ReviewLogEntry, ...] = field(default_factory=tuple)

    @property
    def average_answer_seconds(self) -> float | None:
        timed = [e.duration_ms for e in self.history if e.is_answer]
        return sum(timed) / len(timed) / 1000 if timed else None


# --- reviewer -------------------------------------------------------------------
FLAG_NAMES = ("No flag", "Red", "Orange", "Green", "Blue", "Pink", "Turquoise", "Purple")  # Anki's, by number


@dataclass(frozen=True)
class UndoPreview:
    """The operation `Collection.undo()` would undo next."""

    label: str  # "answer", "bury", "delete note", ...
    card_ids: tuple[int, ...]  # cards it puts back as they were
    note_ids: tuple[int, ...]  # notes it puts back as they were

    def changes(self) -> Changes:
        """What undoing it changes."""
        return Changes(cards=frozenset(self.card_ids), notes=frozenset(self.note_ids), decks=True, queue=True, stats=True)


@dataclass(frozen=True)
class FinishedDeck:
    """What the congratulations screen says once a deck (with its subdecks) is done for now."""

    next_due: int | None  # unix seconds when the next card becomes due; None when none is scheduled
    next_is_learning: bool  # that card is a learning card due later today (else: a later day)
    due_tomorrow: int  # reviews due by the end of tomorrow and learning cards due tomorrow
    new_tomorrow: int  # new cards tomorrow's new card limit will bring
    reviews_over_limit: int  # reviews due today that today's review limit holds back
    new_over_limit: int  # new cards left beyond today's new card limit (what "study more" can add)


@dataclass(frozen=True)
class DocumentSummary:
    """A document in the collection as the list of documents shows it."""

    id: int
    title: str
    file_name: str
    added: int  # unix seconds
    word_count: int  # 0 when the text is not stored
    note_count: int  # notes citing it
    text_stored: bool = True  # False: known by title only (it came with a deck file without its text)


class SourceStatus(enum.Enum):
    FOUND = "found"
    TEXT_NOT_STORED = "text not stored"  # the document is known by title only (bundled decks)
    DOCUMENT_DELETED = "document deleted"


@dataclass(frozen=True)
class SourcePassage:
    """The passage of a document a card's note was made from."""

    status: SourceStatus
    document_title: str  # "" when the document was deleted
    text: str  # the paragraph(s) around the span; "" unless FOUND
    span_start: int | None  # the note's span within `text` (None: the note cites no span)
    span_end: int | None
    paragraph: int | None  # the paragraph the note cites, numbered from 1
