"""Importing and exporting files: which reader or writer a file needs, and running it.

`FORMATS` lists every kind of file heatcards reads or writes, in one place, for the command line's
messages and the desktop app's file dialogs. A file to import is recognised by its name (a .csv
that starts with a review-log header is a review log); an export's format is named, or taken from
the file's name.

`deck` means the same for every import that has decks: each top-level deck of the file is replaced
by it, so everything lands under it (a text file's notes without a deck column land in it).
"""
from __future__ import annotations

import gc
import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .backups import BackupInfo, BackupReason
from .collection import Collection
from .errors import ConflictError, DeckFileError, HeatcardsError, ImportFileError, InvalidInputError, NotFoundError
from .formats.apkg import PackageReviews, read_package, write_package
from .formats.exchange import DuplicatePolicy, Exchange, ImportReport, Progress, no_progress
from .formats.heatdeck import deck_file_to_exchange, exchange_to_deck_file, read_deck_file, write_deck_file
from .formats.review_log import is_review_log, read_review_log
from .formats.text import read_text_notes, write_text_cards, write_text_notes
from .model import Changes
from .storage import FileShare

DECK_FILE_SUFFIX = ".heatdeck.toml"


@dataclass(frozen=True)
class FileFormat:
    """A kind of file heatcards reads or writes, and the file names that say so."""

    key: str  # what `export_file(format=...)` and `heatcards export --format` take
    description: str  # for file dialogs and messages
    suffixes: tuple[str, ...]  # file names it is recognised by; an export should end in one of them
    imports: bool
    exports: bool

    @property
    def patterns(self) -> tuple[str, ...]:
        """Shell patterns for a file dialog: ("*.apkg",)."""
        return tuple(f"*{suffix}" for suffix in self.suffixes)

    def names(self, path: Path) -> bool:
        """Whether `path`'s name ends in one of this format's suffixes (in any case)."""
        return any(path.name.casefold().endswith(suffix) for suffix in self.suffixes)


APKG = FileFormat("apkg", "Anki deck package", (".apkg",), imports=True, exports=True)
COLPKG = FileFormat("colpkg", "Anki collection package", (".colpkg",), imports=True, exports=True)
CSV = FileFormat("csv", "Notes as comma-separated text", (".csv",), imports=True, exports=True)
TSV = FileFormat("tsv", "Notes as tab-separated text", (".tsv", ".txt"), imports=True, exports=True)
REVIEW_LOG = FileFormat("review-log", "Review log (card_id, review_rating, review_time, review_duration)", (".csv",), imports=True, exports=False)
HEATDECK = FileFormat("heatdeck", "heatcards deck file", (DECK_FILE_SUFFIX, ".toml"), imports=True, exports=True)
# Cards as they look, for reading elsewhere (a spreadsheet): only exported, only when named.
CSV_CARDS = FileFormat("csv-cards", "Cards as comma-separated text (to read, not to import)", (".csv",), imports=False, exports=True)
TSV_CARDS = FileFormat("tsv-cards", "Cards as tab-separated text (to read, not to import)", (".tsv", ".txt"), imports=False, exports=True)

FORMATS: tuple[FileFormat, ...] = (APKG, COLPKG, CSV, TSV, REVIEW_LOG, HEATDECK, CSV_CARDS, TSV_CARDS)
"""Every format, the first of those sharing a file name being the one that name picks for export."""

IMPORT_FORMATS = tuple(f for f in FORMATS if f.imports)
EXPORT_FORMATS = tuple(f for f in FORMATS if f.exports)


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote, for the message a person reads."""

    path: Path
    format: str  # a FileFormat.key
    notes: int
    cards: int
    reviews: int
    media: int


def suffixes_of(formats: Sequence[FileFormat]) -> str:
    """The file name endings of `formats`, once each, for messages: ".apkg, .colpkg, .csv"."""
    return ", ".join(dict.fromkeys(suffix for f in formats for suffix in f.suffixes))


# --- import ------------------------------------------------------------------------------------
def import_format(path: Path | str) -> FileFormat:
    """The format of a file to import, from its name (and for .csv, its header row)."""
    path = Path(path)
    if CSV.names(path) and is_review_log(path):
        return REVIEW_LOG
    for candidate in IMPORT_FORMATS:
        if candidate.names(path):
            return candidate
    raise ImportFileError(f"{path}: heatcards cannot import this kind of file (it imports {suffixes_of(IMPORT_FORMATS)})")


def import_file(
    collection: Collection,
    path: Path | str,
    *,
    policy: DuplicatePolicy = DuplicatePolicy.UPDATE,
    deck: str | None = None,
    column_map: Sequence[str] | None = None,
    notetype: str | None = None,
    progress: Progress = no_progress,
) -> tuple[ImportReport, Changes]:
    """Read `path` with the reader its name calls for and merge it into `collection`.

    `column_map` and `notetype` are for text files only (see `formats.text.read_text_notes`)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    file_format = import_format(path)
    if (column_map is not None or notetype is not None) and file_format not in (CSV, TSV):
        raise InvalidInputError(f"{path}: a column map and a note type apply to text files of notes only")
    try:
        with _many_objects(), _ImportBackup(collection) as backup:
            if file_format is REVIEW_LOG:
                rows = read_review_log(path)
                backup.wait_until_taken()
                backup.wait_until_made()
                return collection.import_review_log(rows, source_name=path.name, deck=deck, progress=progress)
            exchange = _read_exchange(collection, path, file_format, column_map, notetype, progress)
            try:
                backup.wait_until_taken()
                return collection.import_exchange(
                    exchange, policy=policy, deck=deck, source=path.name, progress=progress, before_commit=backup.wait_until_made
                )
            finally:
                if isinstance(exchange.reviews, PackageReviews):  # its scratch file goes now, even if an error is kept
                    exchange.reviews.close()
    except (InvalidInputError, NotFoundError, ConflictError) as error:  # the merge's; readers name the file already
        raise ImportFileError(f"{path}: {error}") from error


class _ImportBackup:
    """The "before import" backup, made beside the import by a worker thread: it copies the
    collection's file through a connection of its own (under a share of the file) while the file is
    read, then compresses the copy while the merge runs (SQLite and zstd leave Python's lock while
    they work, so the import and its backup share the cores). Nothing writes to the collection
    until the merge, which waits for the copy (`wait_until_taken`); nothing is committed before
    the backup file is there (`wait_until_made`, the import's `before_commit`). A failed backup
    stops the import; a failed or cancelled import still waits for the backup (a "before import"
    backup is the one file a failed import may leave). An in-memory collection is backed up by
    `wait_until_taken`, in this thread."""

    def __init__(self, collection: Collection):
        self._collection = collection
        self._taken = threading.Event()
        self._share: FileShare | None = None
        self._worker: ThreadPoolExecutor | None = None
        self._made: Future[BackupInfo] | None = None

    def __enter__(self) -> _ImportBackup:
        collection = self._collection
        if collection.in_memory:
            return self
        self._share = collection.share_for_reading()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heatcards-import-backup")
        self._made = self._worker.submit(collection.backups.create, collection.path, BackupReason.IMPORT, self._taken.set)
        self._made.add_done_callback(lambda _: self._taken.set())  # a backup that failed before its copy
        return self

    def wait_until_taken(self) -> None:
        """Return once the backup no longer reads the collection's file: it may change from now on
        (an in-memory collection is backed up now). Raises the backup's error if it failed."""
        if self._made is None:
            self._collection.backup(BackupReason.IMPORT)
            return
        self._taken.wait()
        self._release_share()
        if self._made.done():
            self._made.result()

    def wait_until_made(self) -> None:
        """After `wait_until_taken`: return once the backup file is complete; raise its error if it failed."""
        if self._made is not None:
            self._made.result()

    def _release_share(self) -> None:
        if self._share is not None:
            self._share.release()

    def __exit__(self, *exc) -> None:
        if self._worker is not None:
            self._worker.shutdown(wait=True)  # an error of the backup is raised by the waits above, if at all
        self._release_share()


def _read_exchange(
    collection: Collection,
    path: Path,
    file_format: FileFormat,
    column_map: Sequence[str] | None,
    notetype: str | None,
    progress: Progress,
) -> Exchange:
    if file_format in (APKG, COLPKG):
        return read_package(path, collection.calendar, progress)
    if file_format is HEATDECK:
        deck_file = read_deck_file(path)
        try:
            return deck_file_to_exchange(deck_file, collection.notetypes(), collection.calendar)
        except DeckFileError as error:  # it names the deck, not the file
            raise DeckFileError(f"{path}: {error}") from error
    return read_text_notes(path, collection.notetypes(), column_map=column_map, notetype=notetype)


# --- export ------------------------------------------------------------------------------------
def export_format(path: Path | str, key: str | None = None) -> FileFormat:
    """The export format named `key`, or the one the file name calls for; the name must fit it."""
    path = Path(path)
    if key is None:
        chosen = next((f for f in EXPORT_FORMATS if f.names(path)), None)
        if chosen is None:
            raise InvalidInputError(f"{path}: name the file for the format it is to have ({suffixes_of(EXPORT_FORMATS)})")
        return chosen
    chosen = next((f for f in EXPORT_FORMATS if f.key == key), None)
    if chosen is None:
        raise InvalidInputError(f"unknown export format {key!r} (formats: {', '.join(f.key for f in EXPORT_FORMATS)})")
    if not chosen.names(path):
        raise InvalidInputError(f"{path}: the format {chosen.key} needs a file name ending in {' or '.join(chosen.suffixes)}")
    return chosen


def export_file(
    collection: Collection,
    path: Path | str,
    *,
    format: str | None = None,
    deck: str | None = None,
    search: str | None = None,
    scheduling: bool = True,
    media: bool = True,
    legacy: bool = False,
    progress: Progress = no_progress,
) -> ExportReport:
    """Write the cards of `deck`, of `search` or of the whole collection to `path` in `format`
    (a `FileFormat.key`; None: from the file name). The file appears whole or not at all."""
    path = Path(path)
    file_format = export_format(path, format)
    if file_format is COLPKG and (deck is not None or search is not None):
        raise InvalidInputError("a .colpkg holds the whole collection: export a deck or a search as .apkg")
    if legacy and file_format not in (APKG, COLPKG):
        raise InvalidInputError("the legacy layout is for Anki packages (.apkg, .colpkg) only")
    with _many_objects():
        exchange = collection.export_exchange(deck=deck, search=search, scheduling=scheduling, media=media and file_format in (APKG, COLPKG))
        write = _writer(collection, file_format, exchange, deck, path, legacy, progress)
        _write_whole(path, write)
    return ExportReport(path, file_format.key, len(exchange.notes), len(exchange.cards), len(exchange.reviews), len(exchange.media))


def _writer(
    collection: Collection,
    file_format: FileFormat,
    exchange: Exchange,
    deck: str | None,
    path: Path,
    legacy: bool,
    progress: Progress,
) -> Callable[[Path], None]:
    """What writes `exchange` in `file_format` to a given path."""
    calendar = collection.calendar
    if file_format in (APKG, COLPKG):
        return lambda target: write_package(exchange, target, calendar, legacy=legacy, progress=progress)
    if file_format is HEATDECK:
        deck_file = exchange_to_deck_file(exchange, calendar, name=deck or _main_deck(exchange, path), scheduling=exchange.scheduling)
        return lambda target: write_deck_file(deck_file, target)
    separator = "," if file_format in (CSV, CSV_CARDS) else "\t"
    if file_format in (CSV_CARDS, TSV_CARDS):
        return lambda target: write_text_cards(exchange, target, separator=separator, calendar=calendar)
    return lambda target: write_text_notes(exchange, target, separator=separator)


def _main_deck(exchange: Exchange, path: Path) -> str:
    """A deck file's main deck when no deck was chosen: the one top-level deck the cards are in,
    else the file's name without its suffix."""
    names = {d.id: d.name for d in exchange.decks}
    tops = {names[c.deck_id].split("::")[0] for c in exchange.cards}
    if len(tops) == 1:
        return tops.pop()
    return path.name[: -len(DECK_FILE_SUFFIX)] if path.name.endswith(DECK_FILE_SUFFIX) else path.stem


@contextmanager
def _many_objects() -> Iterator[None]:
    """Cyclic garbage collection paused while an import or export holds a million records (a
    package's review log): they make no reference cycles, and the collector would walk them all
    over and over as they are made (13 full passes, an eighth of the time, for 100,000 notes).
    Reference counting still frees everything; the collector runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write_whole(path: Path, write: Callable[[Path], None]) -> None:
    """Run `write` on a file beside `path`, then move it into place: a failed or cancelled export
    leaves no partial file (and an older file of that name as it was)."""
    if not path.parent.is_dir():
        raise HeatcardsError(f"cannot export to {path}: the folder {path.parent} does not exist")
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".heatcards-export-") as scratch:
            partial = Path(scratch) / path.name
            write(partial)
            os.replace(partial, path)
    except OSError as error:
        raise HeatcardsError(f"cannot export to {path}: {error.strerror or error}") from error
