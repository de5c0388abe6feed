"""What the disk and SQLite report when a file cannot be used, told as errors a person can act on.

A full disk, a read-only file or folder, a drive that went away and a damaged database each
get their own `StorageError` subclass, so a front end can offer the right way out (free some
space; make the folder writable; reconnect the drive; restore a backup). Every message names
the file, what happened, what it means for the data (`consequence`) and what to do.
"""
from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import NoReturn

from ..errors import HeatcardsError


class StorageError(HeatcardsError):
    """A file of the collection (or of its backups) cannot be read or written."""


class DiskFullError(StorageError):
    """The disk (or the database's size limit) is full."""


class ReadOnlyError(StorageError):
    """The file, its folder or its whole disk cannot be written."""


class CorruptCollectionError(StorageError):
    """The database file is damaged; a backup is the way back."""


_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
_GONE_ERRNOS = frozenset({errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOENT, errno.ENOTDIR})

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_FULL = frozenset({sqlite3.SQLITE_FULL})
_SQLITE_READ_ONLY = frozenset({sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN})
_SQLITE_CORRUPT = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_SQLITE_GONE = frozenset({sqlite3.SQLITE_IOERR})


def _disk_full(path: Path, consequence: str) -> DiskFullError:
    return DiskFullError(f"the disk holding {path} is full, so {consequence}; free some space on it and try again")


def _read_only(path: Path, consequence: str) -> ReadOnlyError:
    return ReadOnlyError(
        f"{path} cannot be written (the file, its folder or its disk is read-only, or you lack permission), "
        f"so {consequence}; make it writable, or copy the collection to a writable folder and open it there"
    )


def _corrupt(path: Path, detail: str, consequence: str) -> CorruptCollectionError:
    return CorruptCollectionError(
        f"{path} is damaged ({detail}), so {consequence}; restore the newest good backup "
        "('heatcards backups' lists them, 'heatcards restore BACKUP' puts one back)"
    )


def _unreachable(path: Path, detail: str, consequence: str) -> StorageError:
    return StorageError(
        f"{path} cannot be reached ({detail}), so {consequence}; "
        "if its drive was removed or its network share lost, reconnect it and try again"
    )


def is_damage(error: BaseException) -> bool:
    """True for SQLite's report of a damaged database file (or a file that is no database)."""
    return isinstance(error, sqlite3.DatabaseError) and _primary_code(error) in _SQLITE_CORRUPT


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def raise_storage_error(error: sqlite3.Error | OSError, path: Path, consequence: str) -> NoReturn:
    """Raise the `StorageError` for `error`, met while using `path`; `consequence` says what the
    failure means for the data, e.g. "the answer was not saved". An error that is no fault of the
    file or its disk (a bug, a busy lock) is raised again as it is.

    Call it from an ``except`` block."""
    fault = storage_error(error, path, consequence)
    if fault is None:
        raise error
    raise fault from error


def storage_error(error: sqlite3.Error | OSError, path: Path, consequence: str) -> StorageError | None:
    """The `StorageError` for `error`, met while using `path`; None when `error` is no fault of the
    file or its disk, for callers with an error of their own for the rest."""
    if isinstance(error, OSError):
        return _from_errno(error, path, consequence)
    primary = _primary_code(error)
    if primary in _SQLITE_FULL:
        return _disk_full(path, consequence)
    if primary in _SQLITE_READ_ONLY:
        return _read_only(path, consequence)
    if primary in _SQLITE_CORRUPT:
        return _corrupt(path, str(error), consequence)
    if primary in _SQLITE_GONE:
        return _unreachable(path, str(error), consequence)
    return None


def _from_errno(error: OSError, path: Path, consequence: str) -> StorageError | None:
    if error.errno in _FULL_ERRNOS:
        return _disk_full(path, consequence)
    if error.errno in _READ_ONLY_ERRNOS:
        return _read_only(path, consequence)
    if error.errno in _GONE_ERRNOS:
        return _unreachable(path, error.strerror or str(error), consequence)
    return None
