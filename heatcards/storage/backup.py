"""Backups on the SQLite side: a consistent copy of a collection, compressed; what a backup holds;
putting one back.

The copy is made with SQLite's online backup API (`sqlite3.Connection.backup`), never by copying
the file, so it is a consistent snapshot even while the collection is open and being written
(WAL). The snapshot goes to a temporary file beside the backup, is compressed with zstd and
renamed into place: a backup file is either complete or absent.

A backup file is a zstd skippable frame holding a small JSON header (format, counts of cards,
notes and reviews, the reason it was made), then one zstd frame (with a checksum) holding the
SQLite database. Listing backups reads only the header; `zstd -d` skips it and gives back a plain
collection file.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO, NoReturn

import zstandard

from ..errors import HeatcardsError
from . import CollectionLock, Store
from .faults import is_damage, raise_storage_error

FORMAT = 1
COMPRESSION_LEVEL = 1  # fast, for the backup an import waits for: see docs/backups-and-check.md for sizes and times
_HEADER_FRAME = struct.Struct("<II")  # magic, length (little-endian, as zstd frames are)
_HEADER_MAGIC = 0x184D2A5B  # one of zstd's sixteen skippable-frame magic numbers
_HEADER_LIMIT = 64 * 1024
_JOURNAL_SUFFIXES = ("-wal", "-shm")


class BackupError(HeatcardsError):
    """A backup cannot be used: it is damaged, or not a heatcards backup."""


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds, as its header says."""

    cards: int
    notes: int
    reviews: int
    reason: str


def write_backup(
    source: Store | Path, target: Path, reason: str, snapshot_taken: Callable[[], None] = lambda: None
) -> BackupContents:
    """Copy a collection (an open `Store`, or the file of a closed one) into the backup `target`.

    A `Path` source gets a connection of its own, so a worker thread can back up a collection
    the main thread has open and shares (`Collection.share_for_reading`). `snapshot_taken` is
    called once the copy has been read and that connection closed, before the copy is compressed:
    from then on the collection may change without changing the backup. The folder of `target`
    is created when missing."""
    folder = target.parent
    snapshot = folder / f".{target.name}.sqlite"
    partial = folder / f".{target.name}.partial"
    source_path = source.path if isinstance(source, Store) else source
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _connection_to(source) as connection:
            contents = _snapshot(connection, snapshot, reason)
        snapshot_taken()
        _compress(snapshot, partial, contents)
        _replace_durably(partial, target)
    except (sqlite3.Error, OSError) as error:
        _raise_fault(error, source_path, folder, "no backup was made")
    finally:
        _remove_quietly(snapshot, partial)
    return contents


def read_contents(backup: Path) -> BackupContents:
    """The counts and reason a backup's header records (reads a few hundred bytes)."""
    try:
        with open(backup, "rb") as stream:
            return _read_header(stream, backup)
    except OSError as error:
        _raise_fault(error, backup, backup.parent, "the backup could not be read")


@contextmanager
def closed_collection(collection_path: Path) -> Iterator[None]:
    """Hold the lock of a collection that nobody has open, so its file can be replaced.

    Raises `CollectionInUseError` while heatcards has it open anywhere."""
    lock = CollectionLock(collection_path)
    try:
        lock.acquire()
    except OSError as error:
        _raise_fault(error, collection_path, collection_path.parent, "the collection was not changed")
    try:
        yield
    finally:
        lock.release()


def set_aside(collection_path: Path, target: Path) -> None:
    """Move a collection file that cannot be backed up (it is damaged) to `target`, with its
    write-ahead log beside it, so that nothing of it is lost when a backup takes its place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(collection_path, target)
        wal = _journal_file(collection_path, "-wal")
        if wal.exists():
            shutil.move(wal, _journal_file(target, "-wal"))
    except OSError as error:
        _raise_fault(error, collection_path, target.parent, "the damaged collection was left where it was")


def restore_backup(backup: Path, collection_path: Path) -> BackupContents:
    """Put `backup` in the place of the collection file, atomically, once it passes SQLite's
    integrity check; a damaged backup leaves the collection as it was.

    The caller holds the collection's lock (`closed_collection`) and has backed up its current
    state: the collection's write-ahead log, if one is left, is discarded."""
    contents = read_contents(backup)
    restoring = collection_path.with_name(f".{collection_path.name}.restoring")
    try:
        _decompress(backup, restoring)
        _verify(restoring, backup)
        for suffix in _JOURNAL_SUFFIXES:
            _journal_file(collection_path, suffix).unlink(missing_ok=True)
        _replace_durably(restoring, collection_path)
    except (sqlite3.Error, OSError) as error:
        _raise_fault(error, collection_path, collection_path.parent, "the collection was not changed")
    finally:
        _remove_quietly(restoring)
    return contents


# --- internals ---------------------------------------------------------------------------
@contextmanager
def _connection_to(source: Store | Path) -> Iterator[sqlite3.Connection]:
    if isinstance(source, Store):
        yield source.db.conn
        return
    # mode=rw: a missing file is an error, not a new empty database
    connection = sqlite3.connect(f"{source.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)
    try:
        try:
            connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise
            # refused now (after the busy timeout): the backup's copy would wait for the file forever
            raise HeatcardsError(
                f"cannot back up {source}: the collection is open and keeps its file to itself (it was not shared for reading)"
            ) from error
        yield connection
    finally:
        connection.close()


def _snapshot(connection: sqlite3.Connection, snapshot: Path, reason: str) -> BackupContents:
    """Copy the database into `snapshot` in one step (one consistent read) and count what it holds."""
    copy = sqlite3.connect(snapshot, isolation_level=None)
    try:
        connection.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # a self-contained file, no -wal beside it
        cards, notes, reviews = copy.execute(
            "SELECT (SELECT count(*) FROM cards), (SELECT count(*) FROM notes), (SELECT count(*) FROM revlog)"
        ).fetchone()
    finally:
        copy.close()
    return BackupContents(cards=cards, notes=notes, reviews=reviews, reason=reason)


def _compress(snapshot: Path, partial: Path, contents: BackupContents) -> None:
    header = json.dumps({"format": FORMAT, **asdict(contents)}).encode()
    with open(snapshot, "rb") as database, open(partial, "wb") as out:
        out.write(_HEADER_FRAME.pack(_HEADER_MAGIC, len(header)))
        out.write(header)
        # threads: zstd compresses parts of the file on every core (the same frame; half the time
        # on two cores, which an import's backup of a large collection notices)
        compressor = zstandard.ZstdCompressor(level=COMPRESSION_LEVEL, write_checksum=True, threads=-1)
        compressor.copy_stream(database, out, size=snapshot.stat().st_size)
        out.flush()
        os.fsync(out.fileno())


def _read_header(stream: BinaryIO, backup: Path) -> BackupContents:
    """The header at the start of `stream`, which is left at the compressed database."""
    frame = stream.read(_HEADER_FRAME.size)
    magic, length = _HEADER_FRAME.unpack(frame) if len(frame) == _HEADER_FRAME.size else (None, 0)
    if magic != _HEADER_MAGIC or length > _HEADER_LIMIT:
        raise BackupError(f"{backup} is not a heatcards backup (it does not start with a backup header)")
    try:
        header = json.loads(stream.read(length))
        if header["format"] > FORMAT:
            raise BackupError(
                f"{backup} was made by a newer heatcards (backup format {header['format']}); upgrade heatcards"
            )
        return BackupContents(
            cards=int(header["cards"]),
            notes=int(header["notes"]),
            reviews=int(header["reviews"]),
            reason=str(header["reason"]),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{backup} has a damaged header ({error}); choose another backup") from error


def _decompress(backup: Path, target: Path) -> None:
    with open(backup, "rb") as stream, open(target, "wb") as out:
        _read_header(stream, backup)
        try:
            zstandard.ZstdDecompressor().copy_stream(stream, out)
        except zstandard.ZstdError as error:
            raise _damaged_backup(backup, str(error)) from error
        out.flush()
        os.fsync(out.fileno())


def _verify(database: Path, backup: Path) -> None:
    """SQLite's integrity check on a restored copy, and the tables every collection has."""
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        connection.execute("SELECT count(*) FROM cards JOIN notes ON notes.id = cards.note_id").fetchone()
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    finally:
        connection.close()
    if problems != ["ok"]:
        raise _damaged_backup(backup, problems[0])


def _damaged_backup(backup: Path, detail: str) -> BackupError:
    return BackupError(f"{backup} is damaged ({detail}); the collection was not changed: choose an older backup")


def _replace_durably(source: Path, target: Path) -> None:
    """Rename `source` to `target` and flush the folder, so the rename survives a power cut."""
    os.replace(source, target)
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _journal_file(database: Path, suffix: str) -> Path:
    return database.with_name(database.name + suffix)


def _remove_quietly(*paths: Path) -> None:
    """Remove temporary files; on a disk that went away or turned read-only there is nothing to do."""
    for path in paths:
        with suppress(OSError):
            path.unlink(missing_ok=True)


def _raise_fault(error: sqlite3.Error | OSError, database: Path, folder: Path, consequence: str) -> NoReturn:
    """Raise the `StorageError` for `error`: about `database` when it is damaged, else about
    `folder` (full, read-only, gone). An error that is no fault of the disk is raised as it is."""
    raise_storage_error(error, database if is_damage(error) else folder, consequence)
