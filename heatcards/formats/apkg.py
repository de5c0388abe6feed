"""Anki packages (.apkg, .colpkg) to and from an `Exchange`, in every generation Anki has written.

* Modern (Anki 2.1.50+): `meta` says version 3; `collection.anki21b` is a zstd-compressed SQLite
  collection of schema 18 whose note types, decks and presets are protobuf messages in their own
  tables; media members are zstd-compressed and listed by a zstd protobuf `media` map.
* Legacy 2: `meta` says version 2 (or is missing beside a `collection.anki21`); schema 11, with
  note types, decks and presets as JSON in the `col` row; a JSON media map.
* Legacy 1 (Anki 2.0, genanki): only `collection.anki2`, otherwise like legacy 2.

A .colpkg has the same layout holding a whole collection. This module handles the zip, the protobuf
and JSON settings and the conversions between Anki's conventions and heatcards' model; the SQLite
file inside a package is read and written by `heatcards.storage.anki_collection`.
docs/anki-packages.md lists what is converted how and what is lost.
"""
from __future__ import annotations

import enum
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import threading
import weakref
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from operator import attrgetter
from pathlib import Path
from typing import Any, Protocol, TypeVar

import zstandard

from ..clock import LATEST_TIME, SECONDS_PER_DAY, DayCalendar
from ..errors import CancelledError, ImportFileError, InvalidInputError
from ..model import (
    Card,
    CardState,
    CardTemplate,
    Deck,
    LeechAction,
    Note,
    NoteType,
    NoteTypeKind,
    Preset,
    ReviewKind,
    ReviewLogEntry,
)
from ..note_html import duplicate_key
from ..presets import MAXIMUM_INTERVAL_LIMIT, RETENTION_MAX, RETENTION_MIN, validate_parameters
from ..rendering import card_ordinals
from ..scheduling import decay_of
from ..storage import Store
from ..storage.anki_collection import (
    LEGACY_SCHEMA,
    MODERN_SCHEMA,
    AnkiCollectionFile,
    CollectionReviews,
    CountedRows,
    RevlogConversion,
    Row,
    insert_package_revlog,
    open_anki_collection,
    write_anki_collection,
    write_scratch_rows,
)
from ..storage.transfer_rows import (
    CARD_DUE,
    CARD_MODIFIED,
    CARD_NOTE,
    CARD_STATE,
    NOTE_CREATED,
    NOTE_MODIFIED,
    NOTE_TAGS,
    CollectionCards,
    CollectionNotes,
    stored_card_row,
    stored_note_row,
)
from . import anki_proto as proto
from .exchange import Exchange, MediaFile, Progress, StoredReviews, in_batches, no_progress

META_MEMBER = "meta"
MEDIA_MEMBER = "media"
MODERN_COLLECTION = "collection.anki21b"
LEGACY2_COLLECTION = "collection.anki21"
LEGACY1_COLLECTION = "collection.anki2"  # also the "please update Anki" stub in newer packages

# Against zip bombs: what a member of a package may expand to. A member expanding past
# RATIO_FREE_BYTES must also stay within MAX_EXPANSION_RATIO times its size in the package (real
# collections and media compress 2 to 20 times; a bomb, hundreds or thousands of times).
MAX_COLLECTION_BYTES = 4 << 30
MAX_MEDIA_FILE_BYTES = 1 << 30  # a media file is held in memory while it is written
MAX_LIST_BYTES = 64 << 20  # the `meta` and `media` members
MAX_EXPANSION_RATIO = 100
RATIO_FREE_BYTES = 16 << 20
_ZSTD_INPUT_STEP = 2048  # zstd turns one input byte into at most 32 KiB: this bounds each step's output
# Names Windows reserves for devices, with or without an extension: a media folder synced or
# copied to Windows could not hold them (and opening one there opens the device).
_RESERVED_MEDIA_NAME = re.compile(r"(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\..*)?", re.IGNORECASE)


class PackageVersion(enum.IntEnum):
    """The `version` of Anki's `PackageMetadata` (`meta` member)."""

    LEGACY_1 = 1
    LEGACY_2 = 2
    LATEST = 3


class _Queue(enum.IntEnum):
    """`cards.queue`: where a card waits in Anki."""

    NEW = 0
    LEARN = 1  # due in unix seconds
    REVIEW = 2  # due in Anki day numbers
    DAY_LEARN = 3  # a learning step that crosses a day boundary: due in day numbers
    PREVIEW = 4
    SUSPENDED = -1
    SIBLING_BURIED = -2
    MANUALLY_BURIED = -3


_BURIED_QUEUES = (_Queue.SIBLING_BURIED, _Queue.MANUALLY_BURIED)
# A learning card whose queue does not tell (suspended, buried, filtered) has its due in unix
# seconds when above this, else in day numbers: Anki's own rule when it restores such a queue.
_LEARNING_DUE_IS_SECONDS_ABOVE = 1_000_000_000

# revlog.type <-> ReviewKind
_KIND_OF_REVLOG_TYPE = {
    0: ReviewKind.LEARN,
    1: ReviewKind.REVIEW,
    2: ReviewKind.RELEARN,
    3: ReviewKind.FILTERED,
    4: ReviewKind.MANUAL,
    5: ReviewKind.RESCHEDULED,
}
_REVLOG_TYPE_OF_KIND = {kind: number for number, kind in _KIND_OF_REVLOG_TYPE.items()}
_REVLOG_TYPE_OF_KIND_VALUE = {kind.value: number for kind, number in _REVLOG_TYPE_OF_KIND.items()}  # (see _written_fields)
_ANKI_EASES = range(0, 5)  # revlog.ease: 0 (no answer: a manual entry) or an answer button 1 to 4
_REVIEW_TIMES_MS = range(0, (LATEST_TIME + 1) * 1000)  # revlog.id: unix milliseconds, 1970 to 9999

# FSRS answers store the difficulty in revlog.factor: round(100 + 1000·(D − 1)/9), D in 1..10.
_DIFFICULTY_FACTOR_MIN, _DIFFICULTY_FACTOR_MAX = 100, 1100
# fsrs-rs runs FSRS-5 parameters as FSRS-6 ones with these two appended (no same-day stability
# damping, FSRS-5's fixed decay), so that is how they are carried over.
_FSRS5_AS_FSRS6_SUFFIX = (0.0, 0.5)

DEFAULT_DECK_ID = 1  # Anki's "Default" deck, present in every collection
DEFAULT_PRESET_ID = 1  # Anki's "Default" preset, likewise
# Written packages count Anki's days from 2000-01-01: before any review heatcards can hold, and
# always in the past, which Anki needs to shift due dates into the importing collection.
WRITTEN_DAY_ZERO = date(2000, 1, 1)
# Anki's defaults for the SM-2 settings heatcards has no use for: an Anki user who turns FSRS off
# gets working values instead of zeros.
_SM2_DEFAULTS: dict[str, Any] = {
    "initial_ease": 2.5,
    "easy_multiplier": 1.3,
    "hard_multiplier": 1.2,
    "lapse_multiplier": 0.0,
    "interval_multiplier": 1.0,
    "minimum_lapse_interval": 1,
    "graduating_interval_good": 1,
    "graduating_interval_easy": 4,
    "cap_answer_time_to_secs": 60,
}
_SM2_STARTING_EASE = 2500  # cards.factor of a studied card (SM-2's ease ×1000); FSRS ignores it
_FIELD_FONT = {"font_name": "Arial", "font_size": 20}  # what Anki's editor shows a field in


# --- Anki's days ----------------------------------------------------------------------


class _AnkiDays:
    """Anki's day numbers: day 0 is the local date the collection was created (`col.crt`).

    The calendar's answers are remembered, as a package asks about the same few hundred days up to
    a million times: the start of each day, the Anki day of each time asked by `number` (cards'
    due dates: mostly the starts of a few hundred days), and the bounds of the last day a time fell
    in (when it lasts 24 hours, so that no clock change inside it can make the bounds lie), which
    serves a review log read in time order almost always."""

    def __init__(self, calendar: DayCalendar, day_zero: int):
        self.calendar = calendar
        self.day_zero = day_zero  # the heatcards day number (`DayCalendar.day`) of Anki's day 0
        self._starts: dict[int, int] = {}
        self._numbers: dict[int, int] = {}
        self._last_day = (0, 0, 0)  # first second, first second after, day number

    def start(self, anki_day: int) -> int:
        """The first second of Anki day `anki_day`, as heatcards stores review due dates."""
        return self.local_start(self.day_zero + anki_day)

    def number(self, timestamp: int) -> int:
        """The Anki day number of the local day holding `timestamp`."""
        number = self._numbers.get(timestamp)
        if number is None:
            number = self._numbers[timestamp] = self.local_day(timestamp) - self.day_zero
        return number

    def local_start(self, day: int) -> int:
        """`DayCalendar.day_start`."""
        start = self._starts.get(day)
        if start is None:
            start = self._starts[day] = self.calendar.day_start(day)
        return start

    def local_day(self, timestamp: int) -> int:
        """`DayCalendar.day`."""
        start, end, day = self._last_day
        if start <= timestamp < end:
            return day
        day = self.calendar.day(timestamp)
        start, end = self.local_start(day), self.local_start(day + 1)
        if end - start == SECONDS_PER_DAY and start <= timestamp < end:
            self._last_day = (start, end, day)
        return day


def _days_of_collection(crt: int, creation_minutes_west: int | None, calendar: DayCalendar) -> _AnkiDays:
    """Anki counts days from the calendar date of `crt` in the UTC offset it was created in
    (`creationOffset`, minutes west of UTC); collections that do not record it use local time."""
    zone: tzinfo | None = calendar.tz
    if creation_minutes_west is not None:
        zone = timezone(timedelta(minutes=-creation_minutes_west))
    created = datetime.fromtimestamp(crt, zone).date()
    return _AnkiDays(calendar, (created - _EPOCH_DATE).days)


def _minutes_west_of_utc(timestamp: int, zone: tzinfo | None) -> int:
    offset = datetime.fromtimestamp(timestamp, zone).astimezone(zone).utcoffset() or timedelta(0)
    return -round(offset.total_seconds() / 60)


_EPOCH_DATE = date(1970, 1, 1)


# --- reading ----------------------------------------------------------------------------


def read_package(path: Path | str, calendar: DayCalendar, progress: Progress = no_progress) -> Exchange:
    """The notes, cards, review history, settings and media of an Anki package (any generation).

    Media files are read from the package only when their `read()` is called, so the file must
    stay where it is until the merge is done. The review log stays in a scratch copy of the
    package's collection (`PackageReviews`), removed once nothing refers to it."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise ImportFileError(f"{path.name}: not an Anki package ({error})") from error
    with archive:
        version = _package_version(archive, path.name)
        member = _collection_member(archive, version, path.name)
        where = f"{path.name} ({member})"
        scratch = Path(tempfile.mkdtemp(prefix="heatcards-apkg-"))
        try:
            collection = scratch / "collection.sqlite"
            _extract(archive, member, version is PackageVersion.LATEST, collection, where)
            exchange = _read_collection_file(collection, calendar, where, progress)
            media = _media_files(archive, path, version)
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise
    if not isinstance(exchange.reviews, PackageReviews):  # else the review log is read from the file later
        shutil.rmtree(scratch, ignore_errors=True)
    return replace(exchange, media=media)


def _package_version(archive: zipfile.ZipFile, name: str) -> PackageVersion:
    members = set(archive.namelist())
    if META_MEMBER not in members:
        return PackageVersion.LEGACY_2 if LEGACY2_COLLECTION in members else PackageVersion.LEGACY_1
    try:
        number = proto.decode(_read_member(archive, META_MEMBER, name), proto.PACKAGE_METADATA)["version"]
    except proto.DecodeError as error:
        raise ImportFileError(f"{name}: the '{META_MEMBER}' member is not valid ({error})") from error
    if number > PackageVersion.LATEST:
        raise ImportFileError(f"{name}: package version {number} is newer than heatcards reads (3); export it from Anki with 'Support older Anki versions'")
    try:
        return PackageVersion(number)
    except ValueError:
        raise ImportFileError(f"{name}: unknown package version {number} in '{META_MEMBER}'") from None


def _collection_member(archive: zipfile.ZipFile, version: PackageVersion, name: str) -> str:
    wanted = {
        PackageVersion.LATEST: MODERN_COLLECTION,
        PackageVersion.LEGACY_2: LEGACY2_COLLECTION,
        PackageVersion.LEGACY_1: LEGACY1_COLLECTION,
    }[version]
    if wanted not in archive.namelist():
        raise ImportFileError(f"{name}: not an Anki package (no '{wanted}' member)")
    return wanted


def _read_member(archive: zipfile.ZipFile, member: str, where: str, limit: int = MAX_LIST_BYTES) -> bytes:
    info = archive.getinfo(member)
    _check_expansion(info.file_size, info.compress_size, limit, f"{where}: member '{member}'")
    try:
        return archive.read(member)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as error:
        raise ImportFileError(f"{where}: member '{member}' cannot be read ({error})") from error


def _extract(archive: zipfile.ZipFile, member: str, compressed: bool, target: Path, where: str) -> None:
    """Copy a zip member to `target`, undoing zstd when the package says it is compressed; a
    member that would expand past `MAX_COLLECTION_BYTES` (or expands like a zip bomb), or whose
    zstd data ends early, is refused."""
    what = f"{where}: the collection"
    info = archive.getinfo(member)
    _check_expansion(info.file_size, info.compress_size, MAX_COLLECTION_BYTES, what)
    try:
        with archive.open(member) as source, target.open("wb") as out:
            if compressed:
                for chunk in _unzstd_chunks(source.read, info.compress_size, MAX_COLLECTION_BYTES, what):
                    out.write(chunk)
            else:
                shutil.copyfileobj(source, out)
    except zstandard.ZstdError as error:
        raise ImportFileError(f"{where}: not zstd-compressed data ({error})") from error
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:
        raise ImportFileError(f"{where}: the member cannot be read ({error})") from error


def _check_expansion(expanded: int, stored: int, limit: int, what: str) -> None:
    """Refuse a member that expands past `limit` bytes, or past MAX_EXPANSION_RATIO times the
    `stored` bytes it takes in the package; `what` names it."""
    if expanded > limit:
        raise ImportFileError(f"{what} expands to more than {limit >> 20} MiB: too large to import (a damaged or hostile package)")
    if expanded > RATIO_FREE_BYTES and expanded > MAX_EXPANSION_RATIO * max(stored, 1):
        raise ImportFileError(
            f"{what} expands to {expanded // max(stored, 1)} times its size in the package, "
            f"more than the {MAX_EXPANSION_RATIO} times any real package does (a zip bomb)"
        )


def _unzstd_chunks(read: Callable[[int], bytes], stored: int, limit: int, what: str) -> Iterator[bytes]:
    """The expanded bytes of one zstd frame read by `read`, a few KiB of input at a time so that
    `_check_expansion` stops a bomb before it is expanded; a frame that ends early is refused."""
    decompressor = zstandard.ZstdDecompressor().decompressobj()
    expanded = 0
    while not decompressor.eof:
        data = read(_ZSTD_INPUT_STEP)
        if not data:
            raise ImportFileError(f"{what} is truncated: its zstd data ends early")
        chunk = decompressor.decompress(data)
        expanded += len(chunk)
        _check_expansion(expanded, stored, limit, what)
        yield chunk


def _unzstd_bounded(data: bytes, limit: int, what: str) -> bytes:
    """`data`, one zstd frame, expanded (see `_unzstd_chunks`)."""
    return b"".join(_unzstd_chunks(io.BytesIO(data).read, len(data), limit, what))


def _read_collection_file(file: Path, calendar: DayCalendar, where: str, progress: Progress) -> Exchange:
    try:
        with open_anki_collection(file, where) as collection:
            return _CollectionReader(collection, calendar, where, progress).exchange()
    except (proto.DecodeError, json.JSONDecodeError) as error:
        raise ImportFileError(f"{where}: settings that cannot be decoded ({error})") from error
    # OSError and OverflowError: times outside the platform's range
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError, OSError) as error:
        raise ImportFileError(f"{where}: the collection is malformed ({type(error).__name__}: {error})") from error


class _Settings(Protocol):
    """Where a collection keeps note types, decks and presets: tables (schema 18) or JSON (11)."""

    def creation_minutes_west(self) -> int | None: ...
    def notetypes(self) -> list[NoteType]: ...
    def decks(self) -> tuple[list[Deck], set[int]]: ...  # normal decks, ids of filtered decks
    def presets(self) -> list[Preset]: ...


class _CollectionReader:
    """Turns one opened Anki collection into an `Exchange`."""

    def __init__(self, collection: AnkiCollectionFile, calendar: DayCalendar, where: str, progress: Progress):
        self.collection = collection
        self.calendar = calendar
        self.where = where
        self.progress = progress

    def exchange(self) -> Exchange:
        collection = self.collection
        settings: _Settings = _TableSettings(collection) if collection.has_settings_tables else _JsonSettings(collection)
        days = _days_of_collection(collection.crt, settings.creation_minutes_west(), self.calendar)
        notetypes = {n.id: n for n in settings.notetypes()}
        collection.allow_other_connections()
        # The review log is checked in SQL by a worker thread on a connection of its own while
        # this thread makes the notes and cards in Python (SQLite lets go of Python's lock as it
        # works): a package is read on two cores. Problems are told in the order of the checks:
        # notes, the cards' notes, the review log, decks, the cards.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="heatcards-apkg-log") as worker:
            log = worker.submit(self._review_log, _AnkiDays(replace(days.calendar), days.day_zero))
            notes = self._notes(notetypes)
            card_rows = self._card_rows({n.id for n in notes})
            try:
                decks, filtered = settings.decks()
                cards = [self._card(row, filtered, days) for row in card_rows]
            except BaseException:
                log.result()  # a problem of the review log comes first
                raise
            total, scheduled = log.result()
        self.progress("reviews", total, total)
        reviews: tuple[()] | PackageReviews = ()
        if total:
            guids = {n.id: n.guid for n in notes}
            keys = {row[0]: _review_id_key(guids[row[1]], row[3]) for row in card_rows}
            reviews = PackageReviews(self.collection.file, self.where, keys, days, total, scheduled)
        cards = self._with_last_answers(cards)
        decks = _decks_in_use(decks, cards, self.where)
        used_notetypes = {n.notetype_id for n in notes}
        return Exchange(
            notetypes=tuple(n for n in notetypes.values() if n.id in used_notetypes),
            presets=_presets_for(decks, settings.presets()),
            decks=tuple(decks),
            notes=tuple(notes),
            cards=tuple(cards),
            reviews=reviews,
            scheduling=bool(reviews) or any(c.state is not CardState.NEW for c in cards),
        )

    def _rows(self, stage: str, counted: CountedRows) -> Iterator[list[tuple]]:
        """The rows in batches, reporting progress under `stage` after each (and letting it cancel)."""
        self.progress(stage, 0, counted.total)
        done = 0
        for batch in counted.batches:
            yield batch
            done += len(batch)
            self.progress(stage, done, counted.total)

    def _notes(self, notetypes: Mapping[int, NoteType]) -> list[Note]:
        notes = []
        for batch in self._rows("notes", self.collection.read_notes()):
            for note_id, guid, notetype_id, modified, tags, joined_fields in batch:
                notetype = notetypes.get(notetype_id)
                if notetype is None:
                    raise ImportFileError(f"{self.where}: note {note_id} uses note type {notetype_id}, which the package does not define")
                fields = tuple(joined_fields.split("\x1f"))
                if len(fields) != len(notetype.fields):
                    raise ImportFileError(
                        f"{self.where}: note {note_id} has {len(fields)} fields, but its note type "
                        f"{notetype.name!r} has {len(notetype.fields)}"
                    )
                # by position, which is quicker; Anki's note id is its creation time in ms
                notes.append(Note(note_id, guid, notetype.id, fields, tuple(tags.split()), note_id // 1000, modified))
        return notes

    def _card_rows(self, note_ids: set[int]) -> list[tuple]:
        """The rows of `AnkiCollectionFile.read_cards`."""
        rows = [row for batch in self._rows("cards", self.collection.read_cards()) for row in batch]
        for row in rows:
            if row[1] not in note_ids:
                raise ImportFileError(f"{self.where}: card {row[0]} belongs to note {row[1]}, which the package does not hold")
        return rows

    def _review_log(self, days: _AnkiDays) -> tuple[int, range]:
        """Check the review log of the package's cards (its rows stay in the file: `PackageReviews`)
        on a connection of its own, so that another thread may do it (`days` must then be that
        thread's own: a calendar remembers the days it is asked about); returns how many reviews
        they have, and the local days (`DayCalendar.day`) its reviews that set an interval in days
        fell on or made them due on (see `_scheduled_days`)."""
        with open_anki_collection(self.collection.file, self.where) as collection:
            total = collection.prepare_revlog()
            bad = collection.first_review_outside(_KIND_OF_REVLOG_TYPE, _ANKI_EASES, _REVIEW_TIMES_MS)
            extent = collection.scheduled_extent()
        if bad is not None:
            time_ms, anki_type, ease = bad
            if time_ms not in _REVIEW_TIMES_MS:
                raise ImportFileError(
                    f"{self.where}: review {time_ms} is dated outside the years 1970 to 9999 (a review's id is its unix time in milliseconds)"
                )
            if anki_type not in _KIND_OF_REVLOG_TYPE:
                raise ImportFileError(f"{self.where}: review {time_ms} has an unknown type {anki_type}")
            raise ImportFileError(f"{self.where}: review {time_ms} has an answer button {ease} (Anki's are 0 to 4)")
        return total, _scheduled_days(days, extent)

    def _with_last_answers(self, cards: list[Card]) -> list[Card]:
        """Studied cards whose data does not say when they were last reviewed get the time of
        their latest answer in the review log."""
        unknown = [c.id for c in cards if c.state is not CardState.NEW and c.last_review is None]
        if not unknown:
            return cards
        answered = self.collection.latest_answers(unknown)
        return [replace(c, last_review=answered[c.id] // 1000) if c.id in answered else c for c in cards]

    def _card(self, row: tuple, filtered: set[int], days: _AnkiDays) -> Card:
        (card_id, note_id, deck_id, ordinal, modified, anki_type, queue, due, interval, reps, lapses, left,
         original_due, original_deck_id, flags, data) = row
        in_filtered_deck = original_deck_id != 0 or deck_id in filtered
        state = _CARD_STATES.get(anki_type)
        if state is None:
            raise ImportFileError(f"{self.where}: card {card_id} has an unknown type {anki_type}")
        if state is CardState.NEW:  # new cards have no memory, whatever their data still says
            stability = difficulty = last_review = None
        else:  # without a last review, that of its latest answer (`_with_last_answers`)
            stability, difficulty, last_review = _card_memory(data, card_id, self.where)
        learning = state is CardState.LEARNING or state is CardState.RELEARNING
        anki_due = original_due if in_filtered_deck and original_due else due
        due_time = _due_time(state, None if in_filtered_deck else queue, anki_due, days)
        if state is not CardState.NEW and not 0 < due_time <= LATEST_TIME:
            raise ImportFileError(
                f"{self.where}: card {card_id} is due at {anki_due}, outside the years 1970 to 9999 "
                "(an Anki due date is a day number, or for a learning step a unix time)"
            )
        return Card.from_values((  # by position, in half the time of Card(...) (a package brings a hundred thousand cards)
            card_id,
            note_id,
            original_deck_id or deck_id,
            ordinal,
            state,
            due_time,
            interval if state is CardState.REVIEW or state is CardState.RELEARNING else 0,
            stability,
            difficulty,
            left % 1000 if learning else 0,  # remaining steps
            reps,
            lapses,
            last_review,
            queue == _Queue.SUSPENDED,
            self.calendar.next_day_start(modified) if queue in _BURIED_QUEUES else 0,  # buried until
            flags & 7,  # flag
            modified,
        ))


_CARD_STATES = {state.value: state for state in CardState}  # a dict lookup is much faster than CardState(...)


def _due_time(state: CardState, queue: int | None, due: int, days: _AnkiDays) -> int:
    """heatcards' `Card.due` for Anki's `due` (`queue` None: the queue does not tell)."""
    if state is CardState.NEW:
        return due  # position in the new queue
    if state is CardState.REVIEW:
        return days.start(due)
    if queue == _Queue.LEARN or (queue != _Queue.DAY_LEARN and due > _LEARNING_DUE_IS_SECONDS_ABOVE):
        return due
    return days.start(due)


_NO_MEMORY: tuple[None, None, None] = (None, None, None)


def _card_memory(data: str, card_id: int, where: str) -> tuple[float | None, float | None, int | None]:
    """What `cards.data` says about FSRS: stability, difficulty (both or neither) and the last
    review's time, each None when it does not say."""
    if not data:
        return _NO_MEMORY
    try:
        values = json.loads(data)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"{where}: card {card_id} has data that is not JSON ({error})") from error
    if not isinstance(values, dict):
        return _NO_MEMORY
    stability, difficulty, last_review = values.get("s"), values.get("d"), values.get("lrt")
    if not (_is_number(stability) and _is_number(difficulty) and stability > 0):
        stability = difficulty = None
    return (
        float(stability) if stability is not None else None,
        float(difficulty) if difficulty is not None else None,
        int(last_review) if _is_number(last_review) and last_review > 0 else None,
    )


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _scheduled_days(days: _AnkiDays, extent: tuple[int, int, int] | None) -> range:
    """The local days (`DayCalendar.day`) from that of the first review setting an interval in
    days to the last day such an interval ends on (the last such review's day plus the longest
    interval), of the review log's `AnkiCollectionFile.scheduled_extent`. A due date is the start
    of the local day that many days after the review's; the first and last can be computed (else
    an error is raised here), so can all between."""
    if extent is None:
        return range(0)
    least, greatest, longest = extent
    first, last = days.local_day(least // 1000), days.local_day(greatest // 1000) + longest
    days.local_start(first), days.local_start(last)
    return range(first, last + 1)


class PackageReviews(StoredReviews):
    """The review log of a package's cards, left in the scratch copy of its collection (removed
    once this is no longer used): a merge inserts it into the collection in SQL (`insert_into`);
    read as records only when asked (`entries`, `of_cards`).

    Each review's id comes from its note's GUID, its card's ordinal and its time (`anki_review_id`),
    the same in every package; a second import of a package adds no history (a card's review at
    a time already in the collection is left out, whatever its id)."""

    def __init__(self, file: Path, where: str, keys: Mapping[int, str], days: _AnkiDays, total: int, scheduled: range):
        super().__init__(total)
        self._file = file
        self._where = where
        self._keys = keys  # card id in the package -> the end of its reviews' ids (`_review_id_key`)
        self._days = days
        self._scheduled = scheduled  # the local days due dates are worked out on (`_scheduled_days`)
        self._remove = weakref.finalize(self, shutil.rmtree, file.parent, ignore_errors=True)

    def close(self) -> None:
        """Remove the scratch file now (else once nothing refers to this): reading fails after."""
        self._remove()

    def _conversion(self) -> RevlogConversion:
        days, scheduled = self._days, self._scheduled
        return RevlogConversion(_KIND_OF_REVLOG_TYPE, lambda: ((days.calendar.day_start(day), day) for day in scheduled))

    def _read(self) -> list[ReviewLogEntry]:
        return self._entries_of(self._keys)

    def of_cards(self, card_ids: Iterable[int]) -> dict[int, list[ReviewLogEntry]]:
        """The reviews of these cards (package ids) by card, oldest first."""
        history: dict[int, list[ReviewLogEntry]] = {card_id: [] for card_id in card_ids}
        for entry in self._entries_of({card_id: self._keys[card_id] for card_id in history if card_id in self._keys}):
            history[entry.card_id].append(entry)
        return history

    def _entries_of(self, keys: Mapping[int, str]) -> list[ReviewLogEntry]:
        with open_anki_collection(self._file, self._where) as collection:
            return collection.read_revlog_entries(((card_id, card_id, key) for card_id, key in keys.items()), self._conversion())

    def insert_into(self, store: Store, card_ids: Mapping[int, int], progress: Progress) -> int:
        """Add the reviews of the cards `card_ids` maps (package id -> collection id) to the
        collection's log, but those it holds already (see `insert_package_revlog`); returns how
        many were added. Inside the caller's transaction; `progress` is called as the reviews go in."""
        keys, total = self._keys, len(self)
        cards = ((local_id, card_id, keys[local_id]) for local_id, card_id in card_ids.items() if local_id in keys)
        progress("reviews", 0, total)
        added = insert_package_revlog(
            store, self._file, cards, self._conversion(), total, lambda passed: progress("reviews", min(passed, total), total), self._where
        )
        progress("reviews", total, total)
        return added


def anki_review_id(guid: str, ordinal: int, revlog_id: int) -> str:
    """The id of an imported Anki review: the same for the same review in every package, so a
    second import of a package adds no history; time-ordered like heatcards' own review ids
    (`collection.review_id`): the revlog id (its time in ms) in 12 hex digits, then 20 that
    stand for the card (`_review_id_key`). Anki's log holds one review per card and millisecond."""
    return "%012x%s" % (revlog_id, _review_id_key(guid, ordinal))


def _review_id_key(guid: str, ordinal: int) -> str:
    """The last 20 hex digits of the ids of a card's reviews (`anki_review_id`): from its note's
    GUID and its ordinal, the same in every package."""
    return hashlib.sha1(f"{guid}\x1f{ordinal}".encode()).hexdigest()[:20]


def _decks_in_use(decks: list[Deck], cards: Sequence[Card], where: str) -> list[Deck]:
    """The package's decks without Anki's empty Default deck; every card's deck must be there."""
    known = {d.id for d in decks}
    used = {c.deck_id for c in cards}
    for card in cards:
        if card.deck_id not in known:
            raise ImportFileError(f"{where}: card {card.id} is in deck {card.deck_id}, which the package does not define")
    return [d for d in decks if d.id != DEFAULT_DECK_ID or d.id in used]


def _presets_for(decks: Sequence[Deck], presets: Sequence[Preset]) -> tuple[Preset, ...]:
    """The presets the decks use; a deck whose preset is missing gets heatcards' default settings."""
    by_id = {p.id: p for p in presets}
    used = []
    for preset_id in sorted({d.preset_id for d in decks}):
        used.append(by_id.get(preset_id) or Preset(id=preset_id, name=f"Anki preset {preset_id}"))
    return tuple(used)


class _TableSettings:
    """Schema 18: note types, decks and presets as protobuf blobs in their own tables."""

    def __init__(self, collection: AnkiCollectionFile):
        self.collection = collection

    def creation_minutes_west(self) -> int | None:
        value = self.collection.read_config_value("creationOffset")
        return _json_int(value) if value is not None else None

    def notetypes(self) -> list[NoteType]:
        fields: dict[int, list[str]] = defaultdict(list)
        for row in self.collection.read_fields():
            fields[row["ntid"]].append(row["name"])
        templates: dict[int, list[CardTemplate]] = defaultdict(list)
        for row in self.collection.read_templates():
            config = proto.decode(row["config"], proto.TEMPLATE_CONFIG)
            templates[row["ntid"]].append(CardTemplate(row["name"], config["q_format"], config["a_format"]))
        notetypes = []
        for row in self.collection.read_notetypes():
            config = proto.decode(row["config"], proto.NOTETYPE_CONFIG)
            notetypes.append(
                NoteType(
                    id=int(row["id"]),
                    name=str(row["name"]),
                    kind=NoteTypeKind.CLOZE if config["kind"] == proto.NOTETYPE_KIND_CLOZE else NoteTypeKind.STANDARD,
                    fields=tuple(fields[row["id"]]),
                    templates=tuple(templates[row["id"]]),
                    css=config["css"],
                )
            )
        return notetypes

    def decks(self) -> tuple[list[Deck], set[int]]:
        decks, filtered = [], set()
        for row in self.collection.read_decks():
            kind = proto.decode(row["kind"], proto.DECK_KIND)
            if kind["normal"] is None:
                filtered.add(int(row["id"]))
                continue
            name = str(row["name"]).replace("\x1f", "::")
            decks.append(Deck(int(row["id"]), name, int(kind["normal"]["config_id"]), kind["normal"]["description"]))
        return decks, filtered

    def presets(self) -> list[Preset]:
        return [
            _preset(int(row["id"]), str(row["name"]), proto.decode(row["config"], proto.DECK_CONFIG))
            for row in self.collection.read_deck_configs()
        ]


class _JsonSettings:
    """Schema 11: note types, decks and presets as JSON in the `col` row."""

    def __init__(self, collection: AnkiCollectionFile):
        row = collection.read_col_settings()
        self.conf = _json_object(row["conf"], "col.conf")
        self.models = _json_object(row["models"], "col.models")
        self.deck_json = _json_object(row["decks"], "col.decks")
        self.dconf = _json_object(row["dconf"], "col.dconf")

    def creation_minutes_west(self) -> int | None:
        offset = self.conf.get("creationOffset")
        return int(offset) if _is_number(offset) else None

    def notetypes(self) -> list[NoteType]:
        notetypes = []
        for model in self.models.values():
            fields = sorted(model["flds"], key=lambda f: f["ord"])
            templates = sorted(model["tmpls"], key=lambda t: t["ord"])
            notetypes.append(
                NoteType(
                    id=int(model["id"]),
                    name=str(model["name"]),
                    kind=NoteTypeKind.CLOZE if model.get("type") == proto.NOTETYPE_KIND_CLOZE else NoteTypeKind.STANDARD,
                    fields=tuple(str(f["name"]) for f in fields),
                    templates=tuple(CardTemplate(str(t["name"]), str(t["qfmt"]), str(t["afmt"])) for t in templates),
                    css=str(model.get("css", "")),
                )
            )
        return notetypes

    def decks(self) -> tuple[list[Deck], set[int]]:
        decks, filtered = [], set()
        for deck in self.deck_json.values():
            if deck.get("dyn"):
                filtered.add(int(deck["id"]))
                continue
            decks.append(Deck(int(deck["id"]), str(deck["name"]), int(deck.get("conf", DEFAULT_PRESET_ID)), str(deck.get("desc", ""))))
        return decks, filtered

    def presets(self) -> list[Preset]:
        return [_preset(int(conf["id"]), str(conf.get("name", "")), _flat_legacy_config(conf)) for conf in self.dconf.values()]


def _json_object(text: str, where: str) -> dict[str, Any]:
    value = json.loads(text or "{}")
    if not isinstance(value, dict):
        raise ValueError(f"{where} is not a JSON object")
    return value


def _json_int(raw: bytes | str) -> int | None:
    value = json.loads(raw)
    return int(value) if _is_number(value) else None


def _flat_legacy_config(conf: Mapping[str, Any]) -> dict[str, Any]:
    """A schema-11 preset in the field names of `anki_proto.DECK_CONFIG` (only those it has)."""
    new, review, lapse = conf.get("new", {}), conf.get("rev", {}), conf.get("lapse", {})
    places = {
        "learn_steps": (new, "delays"),
        "relearn_steps": (lapse, "delays"),
        "new_per_day": (new, "perDay"),
        "reviews_per_day": (review, "perDay"),
        "maximum_review_interval": (review, "maxIvl"),
        "leech_action": (lapse, "leechAction"),
        "leech_threshold": (lapse, "leechFails"),
        "bury_new": (new, "bury"),
        "bury_reviews": (review, "bury"),
        "bury_interday_learning": (conf, "buryInterdayLearning"),
        "desired_retention": (conf, "desiredRetention"),
        "fsrs_params_5": (conf, "fsrsParams5"),
        "fsrs_params_6": (conf, "fsrsParams6"),
    }
    return {name: group[key] for name, (group, key) in places.items() if key in group}


def _preset(preset_id: int, name: str, config: Mapping[str, Any]) -> Preset:
    """A heatcards preset from Anki's settings; values heatcards cannot use become its defaults."""
    default = Preset(id=preset_id, name=name.strip() or f"Anki preset {preset_id}")
    return replace(
        default,
        desired_retention=_within(config.get("desired_retention"), RETENTION_MIN, RETENTION_MAX, default.desired_retention),
        parameters=_fsrs6_parameters(config),
        learning_steps=_steps(config.get("learn_steps"), default.learning_steps),
        relearning_steps=_steps(config.get("relearn_steps"), default.relearning_steps),
        maximum_interval=int(_within(config.get("maximum_review_interval"), 1, MAXIMUM_INTERVAL_LIMIT, default.maximum_interval)),
        new_per_day=int(_within(config.get("new_per_day"), 0, 1 << 32, default.new_per_day)),
        reviews_per_day=int(_within(config.get("reviews_per_day"), 0, 1 << 32, default.reviews_per_day)),
        bury_new_siblings=bool(config.get("bury_new", False)),
        bury_review_siblings=bool(config.get("bury_reviews", False)),
        bury_interday_learning_siblings=bool(config.get("bury_interday_learning", False)),
        leech_threshold=int(_within(config.get("leech_threshold"), 1, 1 << 32, default.leech_threshold)),
        leech_action=LeechAction.SUSPEND if config.get("leech_action") == proto.LEECH_ACTION_SUSPEND else LeechAction.TAG,
    )


def _within(value: object, low: float, high: float, default: float) -> float:
    """`value` when it is a number from `low` to `high`, else `default`."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high:
        return value
    return default


def _steps(value: object, default: tuple[float, ...]) -> tuple[float, ...]:
    if not isinstance(value, list) or not all(_is_number(v) and 0 < v < float("inf") for v in value):
        return default
    return tuple(float(v) for v in value)


def _fsrs6_parameters(config: Mapping[str, Any]) -> tuple[float, ...]:
    """FSRS-6 parameters if the preset has usable ones, else FSRS-5 ones as FSRS-6, else ()
    (FSRS-6 defaults). FSRS-4.5 parameters are dropped: their difficulty formula differs."""
    candidates = (
        tuple(config.get("fsrs_params_6") or ()),
        tuple(config.get("fsrs_params_5") or ()) + _FSRS5_AS_FSRS6_SUFFIX,
    )
    for values in candidates:
        try:
            return validate_parameters(values)
        except (InvalidInputError, TypeError):
            continue
    return ()


# --- media ---------------------------------------------------------------------------


def _media_files(archive: zipfile.ZipFile, path: Path, version: PackageVersion) -> tuple[MediaFile, ...]:
    """The package's media files, each read from the package when it is needed; names that are
    no plain file name, that Windows reserves or that the list gives twice are refused, and so are
    files that would expand past `MAX_MEDIA_FILE_BYTES` (or like a zip bomb)."""
    where = f"{path.name} ({MEDIA_MEMBER})"
    members = set(archive.namelist())
    if MEDIA_MEMBER not in members:
        return ()
    compressed = version is PackageVersion.LATEST
    listing = _read_member(archive, MEDIA_MEMBER, path.name)
    try:
        entries = _modern_media_entries(listing, where) if compressed else _legacy_media_entries(listing)
    except (zstandard.ZstdError, proto.DecodeError, json.JSONDecodeError, ValueError, AttributeError) as error:
        raise ImportFileError(f"{where}: the media list cannot be read ({error})") from error
    package = _PackageMedia(path, compressed)
    files = []
    seen: dict[str, str] = {}
    for entry in entries:
        member, name = entry.member, entry.name
        if member not in members:
            raise ImportFileError(f"{where}: media file {name!r} (member '{member}') is missing from the package")
        if not name or name in (".", "..") or any(c in name for c in "/\\\x00"):
            raise ImportFileError(f"{where}: media file name {name!r} (member '{member}') is not a plain file name")
        if _RESERVED_MEDIA_NAME.fullmatch(name):
            raise ImportFileError(f"{where}: media file name {name!r} (member '{member}') is a name Windows reserves for a device")
        if name in seen:
            raise ImportFileError(f"{where}: media file name {name!r} is listed twice (members '{seen[name]}' and '{member}')")
        seen[name] = member
        info = archive.getinfo(member)
        what = f"{path.name} (media file {name!r}, member '{member}')"
        _check_expansion(max(info.file_size, entry.size or 0), info.compress_size, MAX_MEDIA_FILE_BYTES, what)
        files.append(MediaFile(name, _member_reader(package, entry, what)))
    return tuple(files)


@dataclass(frozen=True)
class _MediaEntry:
    """One file of a package's media list; modern lists also give its size and SHA-1."""

    member: str
    name: str
    size: int | None = None
    sha1: bytes | None = None


def _modern_media_entries(listing: bytes, where: str) -> list[_MediaEntry]:
    entries = proto.decode(_unzstd_bounded(listing, MAX_LIST_BYTES, f"{where}: the media list"), proto.MEDIA_ENTRIES)["entries"]
    return [_MediaEntry(str(index), entry["name"], entry["size"], entry["sha1"] or None) for index, entry in enumerate(entries)]


def _legacy_media_entries(listing: bytes) -> list[_MediaEntry]:
    mapping = json.loads(listing.decode("utf-8") or "{}")
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        raise ValueError("not a JSON object of file names")
    return [_MediaEntry(str(member), name) for member, name in mapping.items()]


def _member_reader(package: _PackageMedia, entry: _MediaEntry, what: str) -> Callable[[], bytes]:
    return lambda: package.read(entry, what)


class _PackageMedia:
    """Reads media members from a package on demand, keeping the zip open between reads (one
    lock: merges may read from a worker thread); the zip closes when nothing refers to it."""

    def __init__(self, path: Path, compressed: bool):
        self.path = path
        self.compressed = compressed
        self._lock = threading.Lock()
        self._archive: zipfile.ZipFile | None = None

    def read(self, entry: _MediaEntry, what: str) -> bytes:
        """The file's bytes, checked against the size and SHA-1 the media list gives."""
        with self._lock:
            try:
                if self._archive is None:
                    self._archive = zipfile.ZipFile(self.path)
                    weakref.finalize(self, self._archive.close)
                data = self._archive.read(entry.member)
                if self.compressed:
                    data = _unzstd_bounded(data, min(MAX_MEDIA_FILE_BYTES, entry.size or MAX_MEDIA_FILE_BYTES), what)
            except (zipfile.BadZipFile, zlib.error, zstandard.ZstdError, EOFError, OSError, KeyError, ValueError) as error:
                raise ImportFileError(f"{what}: cannot be read ({error})") from error
        if entry.size is not None and len(data) != entry.size:
            raise ImportFileError(f"{what}: {len(data)} bytes where the media list says {entry.size}: the file is damaged or cut short")
        if entry.sha1 is not None and hashlib.sha1(data).digest() != entry.sha1:
            raise ImportFileError(f"{what}: its content is not what the media list says (its SHA-1 differs): the file is damaged")
        return data


# --- writing ------------------------------------------------------------------------------


def write_package(
    exchange: Exchange,
    path: Path | str,
    calendar: DayCalendar,
    *,
    legacy: bool = False,
    progress: Progress = no_progress,
) -> None:
    """Write `exchange` as an Anki package: modern (Anki 2.1.50+) or, with `legacy`, schema 11
    that Anki 2.1 before 2.1.50 reads too. A .colpkg has the same layout as an .apkg.

    The file appears whole or not at all: it is written beside `path` and moved into place."""
    path = Path(path)
    version = PackageVersion.LEGACY_2 if legacy else PackageVersion.LATEST
    collection = _AnkiCollection.of(exchange, calendar, progress)
    partial = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False)
    try:
        with tempfile.TemporaryDirectory(prefix="heatcards-apkg-") as scratch:
            database = Path(scratch) / "collection.sqlite"
            stub = Path(scratch) / "stub.sqlite"
            _write_database(collection, database, version, progress)
            _write_database(_AnkiCollection.of(_UPDATE_NOTICE, calendar, no_progress), stub, PackageVersion.LEGACY_2, no_progress)
            with partial, zipfile.ZipFile(partial, "w") as archive:
                _write_members(archive, version, database, stub, exchange.media, progress)
        os.replace(partial.name, path)
    except BaseException:
        Path(partial.name).unlink(missing_ok=True)
        raise


def _write_members(
    archive: zipfile.ZipFile,
    version: PackageVersion,
    database: Path,
    stub: Path,
    media: Sequence[MediaFile],
    progress: Progress,
) -> None:
    modern = version is PackageVersion.LATEST
    # modern payloads are zstd already, so the zip stores them; legacy ones are deflated
    method = zipfile.ZIP_STORED if modern else zipfile.ZIP_DEFLATED
    archive.writestr(_member(META_MEMBER, method), proto.encode({"version": int(version)}, proto.PACKAGE_METADATA))
    with database.open("rb") as source, archive.open(_member(MODERN_COLLECTION if modern else LEGACY2_COLLECTION, method), "w") as out:
        if modern:
            zstandard.ZstdCompressor(threads=-1).copy_stream(source, out)
        else:
            shutil.copyfileobj(source, out)
    archive.writestr(_member(LEGACY1_COLLECTION, method), stub.read_bytes())
    entries = []
    progress("media", 0, len(media))
    for index, file in enumerate(media):
        data = file.read()
        archive.writestr(_member(str(index), method), _zstd(data) if modern else data)
        entries.append({"name": file.name, "size": len(data), "sha1": hashlib.sha1(data).digest()})
        progress("media", index + 1, len(media))
    if modern:
        listing = _zstd(proto.encode({"entries": entries}, proto.MEDIA_ENTRIES))
    else:
        listing = json.dumps({str(i): e["name"] for i, e in enumerate(entries)}).encode()
    archive.writestr(_member(MEDIA_MEMBER, method), listing)


def _member(name: str, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.compress_type = method
    return info


def _zstd(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


class _UniqueIds:
    """Anki-style ids: a wanted millisecond time, moved up past ids already given out.

    Each id given out points at a higher candidate, and lookups shorten those chains, so many
    notes created in the same second do not make this quadratic."""

    def __init__(self, reserved: Iterable[int] = ()) -> None:
        self._next_candidate: dict[int, int] = {r: r + 1 for r in reserved}

    def take(self, wanted: int) -> int:
        free = self._first_free(max(wanted, 1))
        self._next_candidate[free] = free + 1
        return free

    def _first_free(self, candidate: int) -> int:
        passed = []
        while candidate in self._next_candidate:
            passed.append(candidate)
            candidate = self._next_candidate[candidate]
        for taken in passed:
            self._next_candidate[taken] = candidate
        return candidate


def _stable_id(*parts: str) -> int:
    """An id that is the same every time the same thing is exported, above Anki's fixed id 1."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).digest()
    return int.from_bytes(digest[:7], "big") % (1 << 52) + 2


@dataclass(frozen=True)
class _AnkiCollection:
    """An Exchange as the rows of an Anki collection, before they are put in either schema. The
    rows of notes and cards are made when the file is written (`note_and_card_rows`), beside the
    copy of the collection's review log when there is one (`_table_rows`)."""

    days: _AnkiDays
    modified: int  # unix seconds: the newest change in the exchange
    notetypes: tuple[tuple[int, NoteType], ...]
    decks: tuple[tuple[int, Deck, int], ...]  # Anki id, deck, Anki preset id
    presets: tuple[tuple[int, Preset], ...]
    # rows in the order of NOTES_COLUMNS and CARDS_COLUMNS: plain Python work, no SQLite
    note_and_card_rows: Callable[[Progress], tuple[list[tuple], list[tuple]]]
    revlog: list[tuple]  # REVLOG_COLUMNS
    tags: tuple[str, ...]
    next_position: int
    # the copy of the collection's reviews into a package file, in SQL, instead of `revlog`
    revlog_copy: Callable[[Path], AbstractContextManager[Callable[[], None]]] | None = None

    @property
    def crt(self) -> int:
        """`col.crt`: the rollover instant that begins Anki's day 0."""
        return self.days.start(0) - 1

    @classmethod
    def of(cls, exchange: Exchange, calendar: DayCalendar, progress: Progress) -> _AnkiCollection:
        day_zero = (WRITTEN_DAY_ZERO - _EPOCH_DATE).days
        days = _AnkiDays(calendar, day_zero)
        unique = _UniqueIds()
        notetype_ids = [unique.take(_stable_id("notetype", n.name, n.kind.value, *n.fields)) for n in exchange.notetypes]
        anki_notetype = {n.id: anki_id for n, anki_id in zip(exchange.notetypes, notetype_ids, strict=True) if n.id is not None}
        presets = _anki_presets(exchange.presets)
        decks = _anki_decks(exchange.decks, presets)
        deck_ids = {deck.id: anki_id for anki_id, deck, _ in decks}
        preset_by_anki_id = dict(presets)
        preset_of_deck = {deck.id: preset_by_anki_id[preset_id] for _, deck, preset_id in decks}
        # Notes and cards in the layout the collection stores them in: the collection's own as it
        # hands them over (records of a hundred thousand notes and cards would cost more than the
        # rest of the work), others made from their records.
        if isinstance(exchange.notes, CollectionNotes):
            stored_notes = exchange.notes.rows()
        else:
            stored_notes = [stored_note_row(n) for n in exchange.notes]
        if isinstance(exchange.cards, CollectionCards) and exchange.scheduling and not exchange.new_note_decks:
            stored_cards = exchange.cards.rows()
        else:
            stored_cards = [stored_card_row(c) for c in _cards_to_write(exchange)]
        positions = _new_positions(stored_cards)
        note_ids = _anki_note_ids(stored_notes)
        card_ids = _anki_card_ids(stored_cards, note_ids)

        def note_and_card_rows(progress: Progress) -> tuple[list[tuple], list[tuple]]:
            return (
                _note_rows(stored_notes, note_ids, anki_notetype, progress),
                _card_rows(stored_cards, card_ids, positions, note_ids, deck_ids, preset_of_deck, days, progress),
            )

        reviews = exchange.reviews
        revlog_copy = None
        if isinstance(reviews, CollectionReviews):  # the collection's own log: copied table to table
            revlog_rows = []
            if exchange.scheduling:
                revlog_copy = _revlog_copy(reviews, card_ids, progress)
            review_times = [] if reviews.latest_time is None else [reviews.latest_time // 1000]
        else:
            revlog_rows = _revlog_rows(reviews, card_ids, progress) if exchange.scheduling else []
            review_times = [r.time // 1000 for r in reviews]
        times = [row[NOTE_MODIFIED] for row in stored_notes] + [row[CARD_MODIFIED] for row in stored_cards] + review_times
        new_cards = (row for row in stored_cards if row[CARD_STATE] == CardState.NEW)
        return cls(
            days=days,
            modified=max(times, default=days.start(0)),
            notetypes=tuple(zip(notetype_ids, exchange.notetypes, strict=True)),
            decks=tuple(decks),
            presets=tuple(presets),
            note_and_card_rows=note_and_card_rows,
            revlog=revlog_rows,
            tags=_registered_tags(row[NOTE_TAGS].split() for row in stored_notes),
            next_position=max((positions.get(row[0], row[CARD_DUE]) for row in new_cards), default=0) + 1,
            revlog_copy=revlog_copy,
        )


def _revlog_copy(
    reviews: CollectionReviews, card_ids: Mapping[int, int], progress: Progress
) -> Callable[[Path], AbstractContextManager[Callable[[], None]]]:
    """For a package file, what fills its revlog with the collection's `reviews` (as `_revlog_rows`
    does) inside a block (see `CollectionReviews.copying_to_package`)."""

    @contextmanager
    def copying(file: Path) -> Iterator[Callable[[], None]]:
        progress("reviews", 0, len(reviews))
        with reviews.copying_to_package(file, card_ids, _REVLOG_TYPE_OF_KIND) as copy:
            yield copy
        progress("reviews", len(reviews), len(reviews))

    return copying


def _registered_tags(tags_of_notes: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """Each tag once, ignoring case as Anki's tag list does (the first spelling seen wins)."""
    spellings: dict[str, str] = {}
    for tags in tags_of_notes:
        for tag in tags:
            spellings.setdefault(tag.casefold(), tag)
    return tuple(sorted(spellings.values()))


def _anki_presets(presets: Sequence[Preset]) -> list[tuple[int, Preset]]:
    """Anki ids for the presets, plus Anki's Default preset (id 1) that every collection has."""
    unique = _UniqueIds(reserved=[DEFAULT_PRESET_ID])
    ids = [(unique.take(_stable_id("preset", p.name)), p) for p in presets]
    return [(DEFAULT_PRESET_ID, Preset(id=None, name="Default")), *ids]


def _anki_decks(decks: Sequence[Deck], presets: Sequence[tuple[int, Preset]]) -> list[tuple[int, Deck, int]]:
    """Anki ids for the decks: a deck named Default becomes Anki's deck 1, which is added
    (empty, as Anki's exports have it) when there is none."""
    preset_ids = {p.id: anki_id for anki_id, p in presets if p.id is not None}
    unique = _UniqueIds(reserved=[DEFAULT_DECK_ID])
    result = []
    for deck in decks:
        anki_id = DEFAULT_DECK_ID if deck.name.casefold() == "default" else unique.take(_stable_id("deck", deck.name))
        result.append((anki_id, deck, preset_ids[deck.preset_id]))
    if all(anki_id != DEFAULT_DECK_ID for anki_id, _, _ in result):
        result.insert(0, (DEFAULT_DECK_ID, Deck(id=0, name="Default", preset_id=0), DEFAULT_PRESET_ID))
    return result


def _cards_to_write(exchange: Exchange) -> list[Card]:
    """The exchange's cards, plus new cards for the notes it lists without any; all of them new
    cards when the exchange carries no scheduling."""
    cards = list(exchange.cards)
    if exchange.new_note_decks:
        with_cards = {c.note_id for c in cards}
        notetypes = {n.id: n for n in exchange.notetypes}
        next_id = max((c.id for c in cards), default=0) + 1
        for note in exchange.notes:
            deck_id = exchange.new_note_decks.get(note.id)
            if note.id in with_cards or deck_id is None:
                continue
            for ordinal in card_ordinals(notetypes[note.notetype_id], note.fields):
                cards.append(Card(id=next_id, note_id=note.id, deck_id=deck_id, ordinal=ordinal, modified=note.modified))
                next_id += 1
    return cards if exchange.scheduling else [_unscheduled(c) for c in cards]


def _new_positions(stored_cards: Sequence[tuple]) -> dict[int, int]:
    """Positions in the new queue, by card id, for the new cards without one (due 0 or less: added
    above, or unscheduled), after every other new card's, in card order."""
    new = [(row[0], row[CARD_DUE]) for row in stored_cards if row[CARD_STATE] == CardState.NEW]
    position = max((due for _, due in new), default=0)
    positions = {}
    for card_id, due in new:
        if due <= 0:
            position += 1
            positions[card_id] = position
    return positions


def _unscheduled(card: Card) -> Card:
    """The card as a new card: no progress, suspension or burial (its flag stays); a card that
    was not new loses its position too."""
    position = card.due if card.state is CardState.NEW else 0
    return Card(id=card.id, note_id=card.note_id, deck_id=card.deck_id, ordinal=card.ordinal, due=position, flag=card.flag, modified=card.modified)


def _anki_note_ids(stored_notes: Sequence[tuple]) -> dict[int, int]:
    """Anki ids by note id of notes as `stored_note_row` gives them: each is the note's creation
    time in ms, moved up past ids taken."""
    ids = _UniqueIds()
    return {row[0]: ids.take(row[NOTE_CREATED] * 1000) for row in stored_notes}


def _anki_card_ids(stored_cards: Sequence[tuple], note_ids: Mapping[int, int]) -> dict[int, int]:
    """Anki ids by card id of cards as `stored_card_row` gives them. Anki's card ids are creation
    times too: each is its note's Anki id (`note_ids`) moved up past ids taken."""
    ids = _UniqueIds()
    return {row[0]: ids.take(note_ids[row[CARD_NOTE]]) for row in stored_cards}


def _note_rows(
    stored_notes: Sequence[tuple], anki_ids: Mapping[int, int], anki_notetype: Mapping[int | None, int], progress: Progress
) -> list[tuple]:
    """Anki rows of notes as `stored_note_row` gives them, with Anki ids by note id."""
    rows = []
    for batch in in_batches(stored_notes, "notes", progress):
        for note_id, guid, notetype_id, fields, tags, _, modified, *_ in batch:
            sort_text = duplicate_key(fields.split("\x1f", 1)[0])
            words = tags.split()
            rows.append(
                (  # NOTES_COLUMNS
                    anki_ids[note_id],
                    guid,
                    anki_notetype[notetype_id],  # mid
                    modified,  # mod
                    -1,  # usn
                    f" {' '.join(words)} " if words else "",  # tags
                    fields,  # flds
                    sort_text,  # sfld
                    int(hashlib.sha1(sort_text.encode()).hexdigest()[:8], 16),  # csum
                    0,  # flags
                    "",  # data
                )
            )
    return rows


def _card_rows(
    stored_cards: Sequence[tuple],
    anki_ids: Mapping[int, int],
    positions: Mapping[int, int],
    note_ids: Mapping[int, int],
    deck_ids: Mapping[int, int],
    preset_of_deck: Mapping[int, Preset],
    days: _AnkiDays,
    progress: Progress,
) -> list[tuple]:
    """Anki rows of cards as `stored_card_row` gives them, with Anki ids by card id and by note
    id, new cards without a place taking theirs from `positions`."""
    calendar = days.calendar
    memory_settings = {deck_id: (p.desired_retention, decay_of(p.parameters)) for deck_id, p in preset_of_deck.items()}
    rows = []
    for batch in in_batches(stored_cards, "cards", progress):
        for (card_id, note_id, deck_id, ordinal, state, due, interval, stability, difficulty, steps, reps, lapses, last_review,
             suspended, buried_until, flag, modified) in batch:
            due = positions.get(card_id, due)
            active = _active_queue(state, due, last_review, calendar)
            if suspended:
                queue = _Queue.SUSPENDED
            elif buried_until > modified:  # buried when it was last changed, until a later day
                queue = _Queue.MANUALLY_BURIED
            else:
                queue = active
            new = state == CardState.NEW
            learning = state == CardState.LEARNING or state == CardState.RELEARNING
            rows.append(
                (  # CARDS_COLUMNS
                    anki_ids[card_id],
                    note_ids[note_id],  # nid
                    deck_ids[deck_id],  # did
                    ordinal,  # ord
                    modified,  # mod
                    -1,  # usn
                    int(state),  # type
                    int(queue),  # queue
                    due if new or active is _Queue.LEARN else days.number(due),  # due
                    interval if state == CardState.REVIEW or state == CardState.RELEARNING else 0,  # ivl
                    0 if new else _SM2_STARTING_EASE,  # factor
                    reps,
                    lapses,
                    steps if learning else 0,  # left
                    0,  # odue
                    0,  # odid
                    flag,  # flags
                    "{}" if new else _card_data(stability, difficulty, last_review, memory_settings[deck_id]),  # data
                )
            )
    return rows


def _active_queue(state: int, due: int, last_review: int | None, calendar: DayCalendar) -> _Queue:
    """The queue of a card neither suspended nor buried."""
    if state == CardState.NEW:
        return _Queue.NEW
    if state == CardState.REVIEW:
        return _Queue.REVIEW
    crosses_day = last_review is not None and calendar.day(due) > calendar.day(last_review)
    return _Queue.DAY_LEARN if crosses_day else _Queue.LEARN


def _card_data(stability: float | None, difficulty: float | None, last_review: int | None, memory_settings: tuple[float, float]) -> str:
    """`cards.data` of a studied card: its FSRS memory state with the retention and decay it was
    scheduled with (`memory_settings`, its preset's), and its last review's time."""
    data: dict[str, Any] = {}
    if stability is not None and difficulty is not None:
        desired_retention, decay = memory_settings
        data.update(s=stability, d=difficulty, dr=desired_retention, decay=decay)
    if last_review is not None:
        data["lrt"] = last_review
    return json.dumps(data)


def _revlog_rows(reviews: Sequence[ReviewLogEntry], card_ids: Mapping[int, int], progress: Progress) -> list[tuple]:
    """The rows in time order; each id is its review's time in ms, moved up past the id before it
    when that is taken (what `_UniqueIds` gives for times in order, without remembering them)."""
    rows = []
    last_id = 0
    for batch in in_batches(sorted(reviews, key=attrgetter("time", "id")), "reviews", progress):
        for time_ms, card_id, rating, interval_before, interval_after, due_after, difficulty, duration_ms, kind in map(_written_fields, batch):
            last_id = time_ms if time_ms > last_id else last_id + 1
            if interval_after > 0:
                interval = interval_after
            else:
                interval = -max(0, due_after - time_ms // 1000)  # a learning step: negative seconds
            rows.append(
                (  # REVLOG_COLUMNS
                    last_id,
                    card_ids[card_id],  # cid
                    -1,  # usn
                    rating,  # ease
                    interval,  # ivl
                    interval_before,  # lastIvl
                    _factor_of_difficulty(difficulty),  # factor
                    duration_ms,  # time
                    _REVLOG_TYPE_OF_KIND_VALUE[kind],  # type
                )
            )
    return rows


# The fields a review's revlog row is made of, read at once; the kind as the member's `_value_`
# attribute (Enum members hash, and read `value`, in Python: slowly, for a million of them).
_written_fields = attrgetter(
    "time", "card_id", "rating", "interval_before", "interval_after", "due_after", "difficulty", "duration_ms", "kind._value_"
)


def _factor_of_difficulty(difficulty: float | None) -> int:
    """`revlog.factor` of an FSRS answer: the difficulty after it (0 when there is none)."""
    if difficulty is None:
        return 0
    return round(_DIFFICULTY_FACTOR_MIN + 1000 * (min(max(difficulty, 1.0), 10.0) - 1) / 9)


# --- the collection's tables -------------------------------------------------------------


def _write_database(collection: _AnkiCollection, file: Path, version: PackageVersion, progress: Progress) -> None:
    settings = _ModernSettingsWriter(collection) if version is PackageVersion.LATEST else _LegacySettingsWriter(collection)
    tables = {"col": [settings.col_row()], **settings.tables()}
    write_anki_collection(file, settings.schema, tables, lambda file: _table_rows(collection, file, progress))


def _table_rows(collection: _AnkiCollection, file: Path, progress: Progress) -> tuple[Path, list[tuple]]:
    """A scratch file beside `file` holding the rows of notes and cards to put in it
    (`write_scratch_rows`), and the rows of revlog. When the collection's own review log is copied
    into `file` (`revlog_copy`: SQLite's work), a worker thread makes and writes the note and card
    rows meanwhile: the export then runs on two cores."""
    scratch = file.with_name(f"{file.stem}-rows{file.suffix}")

    def write_rows(progress: Progress) -> tuple[int, int]:
        notes, cards = collection.note_and_card_rows(progress)
        write_scratch_rows(scratch, notes, cards)
        return len(notes), len(cards)

    if collection.revlog_copy is None:
        write_rows(progress)
        return scratch, collection.revlog
    with collection.revlog_copy(file) as copy:
        notes, cards = _made_while(copy, write_rows)
    progress("notes", notes, notes)
    progress("cards", cards, cards)
    return scratch, collection.revlog


_Made = TypeVar("_Made")


def _made_while(work: Callable[[], None], make: Callable[[Progress], _Made]) -> _Made:
    """What `make` returns, made by a worker thread while `work()` runs in this one: for a `work`
    that spends its time in one long SQLite statement, which lets other threads run Python
    meanwhile. (Not for many short ones: after each, this thread waits for the worker to let go
    of the interpreter, up to `sys.getswitchinterval()`.)

    `make` gets a progress callback that shows nothing (the caller's may belong to this thread,
    as a window's does) and stops it at its next call once `work` has failed. Whatever happens,
    this returns (or raises `work`'s error, else `make`'s) only once the worker has finished."""
    failed = threading.Event()

    def unless_failed(stage: str, done: int, total: int) -> None:
        if failed.is_set():
            raise CancelledError(f"{stage}: stopped, the work beside it failed")

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="heatcards-apkg-rows") as worker:
        made = worker.submit(make, unless_failed)
        try:
            work()
        except BaseException:
            failed.set()
            raise
        return made.result()


def _col_row(collection: _AnkiCollection, schema: int, **settings_json: str) -> Row:
    modified_ms = max(collection.modified, collection.crt) * 1000
    return {
        "id": 1, "crt": collection.crt, "mod": modified_ms, "scm": modified_ms, "ver": schema, "dty": 0, "usn": 0, "ls": 0,
        "conf": "", "models": "", "decks": "", "dconf": "", "tags": "",
        **settings_json,
    }


def _collection_config(collection: _AnkiCollection) -> dict[str, Any]:
    """The collection settings Anki needs to count days and schedule as heatcards did."""
    return {
        "schedVer": 2,
        "sched2021": True,
        "fsrs": True,
        "rollover": collection.days.calendar.rollover_hour,
        "creationOffset": _minutes_west_of_utc(collection.crt, collection.days.calendar.tz),
        "nextPos": collection.next_position,
        "curDeck": DEFAULT_DECK_ID,
        "activeDecks": [DEFAULT_DECK_ID],
    }


def _preset_config(preset: Preset) -> dict[str, Any]:
    """A preset in the field names of `anki_proto.DECK_CONFIG`."""
    return {
        "learn_steps": list(preset.learning_steps),
        "relearn_steps": list(preset.relearning_steps),
        "fsrs_params_6": list(preset.parameters),
        "new_per_day": preset.new_per_day,
        "reviews_per_day": preset.reviews_per_day,
        "maximum_review_interval": preset.maximum_interval,
        "leech_action": proto.LEECH_ACTION_SUSPEND if preset.leech_action is LeechAction.SUSPEND else proto.LEECH_ACTION_TAG_ONLY,
        "leech_threshold": preset.leech_threshold,
        "bury_new": preset.bury_new_siblings,
        "bury_reviews": preset.bury_review_siblings,
        "bury_interday_learning": preset.bury_interday_learning_siblings,
        "desired_retention": preset.desired_retention,
        **_SM2_DEFAULTS,
    }


class _ModernSettingsWriter:
    """Schema 18: settings as protobuf blobs in their own tables."""

    schema = MODERN_SCHEMA

    def __init__(self, collection: _AnkiCollection):
        self.collection = collection

    def col_row(self) -> Row:
        return _col_row(self.collection, self.schema)

    def tables(self) -> dict[str, list[Row]]:
        """The rows of the settings tables, by table."""
        collection, mtime = self.collection, self.collection.modified
        return {
            "config": [
                {"KEY": key, "usn": 0, "mtime_secs": mtime, "val": json.dumps(value).encode()}
                for key, value in _collection_config(collection).items()
            ],
            "deck_config": [
                {"id": anki_id, "name": p.name, "mtime_secs": mtime, "usn": -1, "config": proto.encode(_preset_config(p), proto.DECK_CONFIG)}
                for anki_id, p in collection.presets
            ],
            "decks": [
                {
                    "id": anki_id, "name": deck.name.replace("::", "\x1f"), "mtime_secs": mtime, "usn": -1, "common": b"",
                    "kind": proto.encode({"normal": {"config_id": preset_id, "description": deck.description}}, proto.DECK_KIND),
                }
                for anki_id, deck, preset_id in collection.decks
            ],
            "notetypes": [
                {
                    "id": anki_id, "name": n.name, "mtime_secs": mtime, "usn": -1,
                    "config": proto.encode({"kind": _anki_kind(n), "css": n.css}, proto.NOTETYPE_CONFIG),
                }
                for anki_id, n in collection.notetypes
            ],
            "fields": [
                {"ntid": anki_id, "ord": ordinal, "name": name, "config": proto.encode(_FIELD_FONT, proto.FIELD_CONFIG)}
                for anki_id, n in collection.notetypes
                for ordinal, name in enumerate(n.fields)
            ],
            "templates": [
                {
                    "ntid": anki_id, "ord": ordinal, "name": t.name, "mtime_secs": mtime, "usn": -1,
                    "config": proto.encode({"q_format": t.front, "a_format": t.back}, proto.TEMPLATE_CONFIG),
                }
                for anki_id, n in collection.notetypes
                for ordinal, t in enumerate(n.templates)
            ],
            "tags": [{"tag": tag, "usn": -1, "collapsed": False, "config": None} for tag in collection.tags],
        }


class _LegacySettingsWriter:
    """Schema 11: settings as JSON in the `col` row, with every key Anki requires."""

    schema = LEGACY_SCHEMA

    def __init__(self, collection: _AnkiCollection):
        self.collection = collection

    def col_row(self) -> Row:
        collection = self.collection
        return _col_row(
            collection,
            self.schema,
            conf=json.dumps(_collection_config(collection)),
            models=json.dumps({str(anki_id): self._model(anki_id, n) for anki_id, n in collection.notetypes}),
            decks=json.dumps({str(anki_id): self._deck(anki_id, d, p) for anki_id, d, p in collection.decks}),
            dconf=json.dumps({str(anki_id): self._deck_config(anki_id, p) for anki_id, p in collection.presets}),
            tags=json.dumps({tag: -1 for tag in collection.tags}),
        )

    def tables(self) -> dict[str, list[Row]]:
        """None: schema 11 has no settings tables."""
        return {}

    def _model(self, anki_id: int, notetype: NoteType) -> dict[str, Any]:
        return {
            "id": anki_id, "name": notetype.name, "type": _anki_kind(notetype), "mod": self.collection.modified,
            "usn": -1, "sortf": 0, "did": None, "css": notetype.css, "latexPre": "", "latexPost": "", "latexsvg": False,
            "flds": [
                {"name": name, "ord": ordinal, "sticky": False, "rtl": False, "font": _FIELD_FONT["font_name"], "size": _FIELD_FONT["font_size"]}
                for ordinal, name in enumerate(notetype.fields)
            ],
            "tmpls": [
                {"name": t.name, "ord": ordinal, "qfmt": t.front, "afmt": t.back, "bqfmt": "", "bafmt": "", "did": None, "bfont": "", "bsize": 0}
                for ordinal, t in enumerate(notetype.templates)
            ],
        }

    def _deck(self, anki_id: int, deck: Deck, preset_id: int) -> dict[str, Any]:
        return {
            "id": anki_id, "name": deck.name, "mod": self.collection.modified, "usn": -1, "desc": deck.description,
            "dyn": 0, "conf": preset_id, "collapsed": False, "browserCollapsed": False, "extendNew": 0, "extendRev": 0,
            "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
        }

    def _deck_config(self, anki_id: int, preset: Preset) -> dict[str, Any]:
        """The schema-11 layout of `_preset_config` (the inverse of `_flat_legacy_config`)."""
        c = _preset_config(preset)
        return {
            "id": anki_id, "name": preset.name, "mod": self.collection.modified, "usn": -1,
            "maxTaken": c["cap_answer_time_to_secs"], "autoplay": True, "timer": 0, "replayq": True, "dyn": False,
            "new": {
                "delays": c["learn_steps"], "perDay": c["new_per_day"], "bury": c["bury_new"], "order": 1,
                "initialFactor": round(c["initial_ease"] * 1000),
                "ints": [c["graduating_interval_good"], c["graduating_interval_easy"], 0],
            },
            "rev": {
                "perDay": c["reviews_per_day"], "maxIvl": c["maximum_review_interval"], "bury": c["bury_reviews"],
                "ease4": c["easy_multiplier"], "ivlFct": c["interval_multiplier"], "hardFactor": c["hard_multiplier"],
            },
            "lapse": {
                "delays": c["relearn_steps"], "leechAction": c["leech_action"], "leechFails": c["leech_threshold"],
                "minInt": c["minimum_lapse_interval"], "mult": c["lapse_multiplier"],
            },
            "buryInterdayLearning": c["bury_interday_learning"],
            "desiredRetention": c["desired_retention"],
            "fsrsParams6": c["fsrs_params_6"],
        }


def _anki_kind(notetype: NoteType) -> int:
    return proto.NOTETYPE_KIND_CLOZE if notetype.kind is NoteTypeKind.CLOZE else 0


# What Anki versions before 2.1.50 find in `collection.anki2` of a package they cannot read.
_UPDATE_NOTICE = Exchange(
    notetypes=(NoteType(id=1, name="Basic", kind=NoteTypeKind.STANDARD, fields=("Front", "Back"), templates=(CardTemplate("Card 1", "{{Front}}", "{{Back}}"),)),),
    presets=(Preset(id=1, name="Default"),),
    decks=(Deck(id=1, name="Default", preset_id=1),),
    notes=(
        Note(
            id=1,
            guid="heatcards-update-notice",
            notetype_id=1,
            fields=("This package needs a newer Anki: update Anki (2.1.50 or later), then import the file again.", ""),
            tags=(),
            created=0,
            modified=0,
        ),
    ),
    cards=(Card(id=1, note_id=1, deck_id=1, ordinal=0, due=1),),
)
