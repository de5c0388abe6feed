"""What every importer produces and every exporter consumes: plain heatcards records, no SQL.

A reader (Anki package, CSV/TSV, review-log CSV, heatcards deck file) turns a file into an
`Exchange`; `Collection.import_exchange` merges one into the collection; `Collection.export_exchange`
builds one that a writer turns into a file. Ids inside an `Exchange` are local to it: notes refer to
its note types, cards to its notes and decks, decks to its presets, reviews to its cards. The
collection maps them to its own ids when it merges (notes by GUID, note types by name and fields,
decks by name, presets by name).

Times follow the collection's conventions (unix seconds, review due dates at the start of a local
day, see `clock.DayCalendar`): a reader converts foreign conventions (Anki's day numbers) on the way in.
"""
from __future__ import annotations

import enum
from abc import abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ..model import Card, Deck, Note, NoteType, Preset, ReviewLogEntry

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) during long reads, writes and merges; it may raise
`errors.CancelledError` to stop (a merge then leaves the collection as it was)."""


def no_progress(stage: str, done: int, total: int) -> None:
    """The progress callback for callers that do not show any."""


PROGRESS_EVERY = 2000  # items between two progress calls (each may cancel)
_Item = TypeVar("_Item")


def in_batches(items: Sequence[_Item], stage: str, progress: Progress) -> Iterator[Sequence[_Item]]:
    """`items` in batches of `PROGRESS_EVERY`, calling `progress(stage, done, total)` after each."""
    for start in range(0, len(items), PROGRESS_EVERY):
        yield items[start : start + PROGRESS_EVERY]
        progress(stage, min(start + PROGRESS_EVERY, len(items)), len(items))


class StoredRecords(Sequence[_Item]):
    """Records left in a SQLite file until they are asked for: an Anki package's review log on
    import, the collection's notes, cards and reviews on export. A hundred thousand notes or a
    million reviews take seconds to make and seconds more to turn back into rows, so the merge and
    the Anki package writer copy these table to table in SQL instead (the subclasses say how);
    anything else reads them as records, once."""

    def __init__(self, total: int):
        self._total = total
        self._entries: list[_Item] | None = None

    @abstractmethod
    def _read(self) -> list[_Item]:
        """All of them as records, in their order (as many as `len` says)."""

    def entries(self) -> list[_Item]:
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, index):  # noqa: ANN001, ANN204 (Sequence's int or slice)
        return self.entries()[index]

    def __iter__(self) -> Iterator[_Item]:
        return iter(self.entries())


class StoredReviews(StoredRecords[ReviewLogEntry]):
    """A review log left in a SQLite file, read as records in time order only when asked."""


@dataclass(frozen=True)
class MediaFile:
    """A media file by name; `read()` loads its bytes only when a merge or writer needs them."""

    name: str
    read: Callable[[], bytes]


@dataclass(frozen=True)
class ExchangeDocument:
    """A document notes were built from; `text` is None when only its identity travels."""

    id: int
    title: str
    file_name: str
    sha256: str
    text: str | None = None
    paragraphs: tuple[tuple[int, int], ...] = ()  # [start, end) character offsets
    key: str = ""  # the name a deck file gave it, kept so a file read and written again keeps it


@dataclass(frozen=True)
class Exchange:
    notetypes: tuple[NoteType, ...] = ()
    presets: tuple[Preset, ...] = ()
    decks: tuple[Deck, ...] = ()
    notes: tuple[Note, ...] | StoredRecords[Note] = ()
    cards: tuple[Card, ...] | StoredRecords[Card] = ()
    # Notes listed without cards get the cards a new note would get, in this deck (local deck id).
    new_note_decks: Mapping[int, int] = field(default_factory=dict)
    reviews: tuple[ReviewLogEntry, ...] | StoredReviews = ()
    media: tuple[MediaFile, ...] = ()
    documents: tuple[ExchangeDocument, ...] = ()  # notes' SourceLink.document_id refers to these
    # False when cards carry no scheduling (exported without it): they arrive as new cards.
    scheduling: bool = True


class DuplicatePolicy(enum.Enum):
    """What to do with an incoming note whose GUID is already in the collection."""

    UPDATE = "update"  # take the incoming fields and tags when they differ; progress is kept
    SKIP = "skip"  # leave the collection's note as it is
    DUPLICATE = "duplicate"  # add the incoming note as a new note with a new GUID


@dataclass(frozen=True)
class ImportReport:
    """What a merge did, for the summary a person reads."""

    source: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    cards_added: int = 0
    reviews_added: int = 0
    media_added: int = 0
    notes: tuple[str, ...] = ()  # one line per thing worth saying ("12 notes skipped: GUID already present")
