"""Backups of a collection: when one is due, what the files are called, which ones to keep, and
putting one back.

The rules live here; the SQLite side (a consistent online copy, zstd compression, the integrity
check before a restore) is `storage.backup`. A collection's backups sit in a folder of their own
(by default `backups` beside the collection file), one file per backup, named after the
collection and the UTC time it was made: ``collection-2026-03-02T12-00-00.000Z.heatcards.zst``.
`zstd -d` turns one back into a collection file that heatcards opens as it is.

When: opening the collection makes one if the newest is a day old; studying makes one every 30
minutes; an operation that is hard to take back (import, bulk delete, forget, schema upgrade,
repair, restore) makes one first, always. Which are kept: the 12 newest, the newest of each of
the last 7 days, 4 weeks and 12 months that have any (UTC calendar periods), so recent backups
are dense and old ones sparse, and a long break from studying never deletes the old ones.
"""
from __future__ import annotations

import enum
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .clock import Clock
from .errors import NotFoundError
from .storage import Store
from .storage.backup import (
    BackupContents,
    BackupError,
    closed_collection,
    read_contents,
    restore_backup,
    set_aside,
    write_backup,
)
from .storage.faults import CorruptCollectionError, raise_storage_error

BACKUP_FOLDER = "backups"
BACKUP_SUFFIX = ".heatcards.zst"
DAMAGED_SUFFIX = ".damaged.heatcards"  # a damaged collection moved aside by a restore: never pruned
_STAMP = "%Y-%m-%dT%H-%M-%S"
_STAMP_PATTERN = r"(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2})\.(\d{3})Z"


class BackupReason(enum.Enum):
    """Why a backup was made; the value is what the list of backups shows."""

    OPENED = "opened"
    STUDY = "while studying"
    MANUAL = "backed up by hand"
    IMPORT = "before import"
    BULK_DELETE = "before deleting"
    FORGET = "before forget"
    MIGRATION = "before schema upgrade"
    REPAIR = "before repair"
    RESTORE = "before restore"


# How old the newest backup must be before another is due; reasons not listed are always due.
DUE_AFTER = {BackupReason.OPENED: timedelta(days=1), BackupReason.STUDY: timedelta(minutes=30)}


def is_backup_due(last_backup: datetime | None, now: datetime, reason: BackupReason) -> bool:
    """Whether to make a backup now, the newest being from `last_backup` (None: there is none)."""
    wait = DUE_AFTER.get(reason)
    return wait is None or last_backup is None or now - last_backup >= wait


@dataclass(frozen=True)
class Rotation:
    """How many backups `backups_to_keep` keeps: the newest ones, and the newest of each recent
    day, week and month that has one."""

    recent: int = 12
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def backups_to_keep(times: Iterable[datetime], rotation: Rotation = Rotation()) -> set[datetime]:
    """Which of the backups made at `times` to keep (each rule on its own; a backup kept by any stays)."""
    newest_first = sorted(set(times), reverse=True)
    keep = set(newest_first[: rotation.recent])
    keep |= _newest_per_period(newest_first, _utc_day, rotation.daily)
    keep |= _newest_per_period(newest_first, _utc_week, rotation.weekly)
    keep |= _newest_per_period(newest_first, _utc_month, rotation.monthly)
    return keep


def _newest_per_period(
    newest_first: list[datetime], period: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    """The newest time in each of the `count` latest periods that hold any of `newest_first`."""
    newest: dict[Hashable, datetime] = {}
    for time in newest_first:
        key = period(time)
        if key not in newest:
            if len(newest) == count:
                break
            newest[key] = time
    return set(newest.values())


def _utc_day(time: datetime) -> Hashable:
    return time.astimezone(timezone.utc).date()


def _utc_week(time: datetime) -> Hashable:
    return time.astimezone(timezone.utc).isocalendar()[:2]


def _utc_month(time: datetime) -> Hashable:
    utc = time.astimezone(timezone.utc)
    return utc.year, utc.month


def backup_file_name(collection_name: str, created: datetime) -> str:
    """The file name of a backup of collection `collection_name` (its file's stem) made at `created`."""
    return _stamped(collection_name, created) + BACKUP_SUFFIX


def _stamped(collection_name: str, created: datetime) -> str:
    utc = created.astimezone(timezone.utc)
    return f"{collection_name}-{utc.strftime(_STAMP)}.{utc.microsecond // 1000:03d}Z"


def backup_time(file_name: str, collection_name: str) -> datetime | None:
    """When the backup named `file_name` was made; None when it is no backup of `collection_name`."""
    match = re.fullmatch(re.escape(collection_name) + "-" + _STAMP_PATTERN + re.escape(BACKUP_SUFFIX), file_name)
    if match is None:
        return None
    try:
        stamp = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=timezone.utc)
    except ValueError:  # 2026-13-45: looks like a backup, is not one
        return None
    return stamp + timedelta(milliseconds=int(match.group(2)))


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, as the list of backups shows it. The counts and reason come from the
    file's header; they are None when the header cannot be read (the file is damaged)."""

    path: Path
    created: datetime  # UTC
    size: int  # bytes on disk
    cards: int | None
    notes: int | None
    reviews: int | None
    reason: str | None

    @classmethod
    def of(cls, path: Path, created: datetime, contents: BackupContents | None) -> BackupInfo:
        size = path.stat().st_size
        if contents is None:
            return cls(path, created, size, None, None, None, None)
        return cls(path, created, size, contents.cards, contents.notes, contents.reviews, contents.reason)


class Backups:
    """The backups of one collection, kept in one folder (by default `backups` beside it)."""

    def __init__(
        self, collection_path: Path, clock: Clock, *, folder: Path | None = None, rotation: Rotation = Rotation()
    ):
        self.collection_path = Path(collection_path)
        self.folder = Path(folder) if folder is not None else self.collection_path.parent / BACKUP_FOLDER
        self.collection_name = self.collection_path.stem
        self.clock = clock
        self.rotation = rotation
        self._newest: datetime | None = None  # read from the folder on first use
        self._newest_read = False

    # --- making backups ------------------------------------------------------------------
    def create(
        self, source: Store | Path, reason: BackupReason, snapshot_taken: Callable[[], None] = lambda: None
    ) -> BackupInfo:
        """Back up the collection, from its open `Store` or from its file (a connection of its own,
        for a worker thread; see `storage.backup.write_backup`, which calls `snapshot_taken` once
        the collection has been read), then remove the backups the rotation no longer keeps."""
        backup = self._write(source, reason, snapshot_taken)
        self.prune()
        return backup

    def create_if_due(self, source: Store | Path, reason: BackupReason) -> BackupInfo | None:
        """`create` when a backup for `reason` is due."""
        if not self.is_due(reason):
            return None
        return self.create(source, reason)

    def is_due(self, reason: BackupReason) -> bool:
        """Whether `is_backup_due` says so now (the newest backup is too old for `reason`)."""
        return is_backup_due(self.last_created(), self._now(), reason)

    def last_created(self) -> datetime | None:
        """When the newest backup was made (None: there is none). The folder is read once; the
        backups this object makes keep the answer current."""
        if not self._newest_read:
            self._newest = max((created for _, created in self._files()), default=None)
            self._newest_read = True
        return self._newest

    # --- listing and rotation ------------------------------------------------------------
    def list(self) -> list[BackupInfo]:
        """This collection's backups, newest first."""
        return [BackupInfo.of(path, created, self._contents(path)) for path, created in self._files()]

    def prune(self) -> list[Path]:
        """Remove the backups the rotation does not keep; returns the files removed."""
        files = self._files()
        keep = backups_to_keep((created for _, created in files), self.rotation)
        removed = [path for path, created in files if created not in keep]
        for path in removed:
            try:
                path.unlink()
            except OSError as error:
                raise_storage_error(error, self.folder, "old backups were not removed")
        return removed

    def find(self, name_or_path: str | Path) -> Path:
        """The backup a person names: a path to a backup file, or the name of one in this folder."""
        for candidate in (Path(name_or_path).expanduser(), self.folder / str(name_or_path)):
            if candidate.is_file():
                return candidate
        newest = self._files()[:1]
        hint = f"; the newest is {newest[0][0].name}" if newest else f"; there are none in {self.folder}"
        raise NotFoundError(f"no backup {name_or_path!r} ('heatcards backups' lists them{hint})")

    # --- restoring -----------------------------------------------------------------------
    def restore(self, backup: Path) -> Path | None:
        """Put `backup` (any backup file, this collection's or another's) in the place of the
        collection file; heatcards must not have the collection open.

        The collection as it is now is backed up first; when it is too damaged to back up, the
        file itself is moved into the backups folder instead. Returns that copy (None when there
        was no collection file). A damaged backup raises `BackupError` and changes nothing."""
        with closed_collection(self.collection_path):
            saved = self._save_current()
            restore_backup(backup, self.collection_path)
        self.prune()
        return saved

    def _save_current(self) -> Path | None:
        if not self.collection_path.exists():
            return None
        try:
            return self._write(self.collection_path, BackupReason.RESTORE).path
        except CorruptCollectionError:
            target = self.folder / (_stamped(self.collection_name, self._unused_time()) + DAMAGED_SUFFIX)
            set_aside(self.collection_path, target)
            return target

    # --- internals -----------------------------------------------------------------------
    def _write(self, source: Store | Path, reason: BackupReason, snapshot_taken: Callable[[], None] = lambda: None) -> BackupInfo:
        created = self._unused_time()
        path = self.folder / backup_file_name(self.collection_name, created)
        contents = write_backup(source, path, reason.value, snapshot_taken)
        self._newest = max(created, self.last_created() or created)
        return BackupInfo.of(path, created, contents)

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock.now(), timezone.utc)

    def _unused_time(self) -> datetime:
        """Now, to the millisecond; a millisecond later while a backup already has that name."""
        seconds, milliseconds = divmod(int(self.clock.now() * 1000), 1000)
        created = datetime.fromtimestamp(seconds, timezone.utc) + timedelta(milliseconds=milliseconds)
        while (self.folder / backup_file_name(self.collection_name, created)).exists():
            created += timedelta(milliseconds=1)
        return created

    def _files(self) -> list[tuple[Path, datetime]]:
        """(file, time made) of each backup of this collection in the folder, newest first."""
        try:
            entries = list(self.folder.iterdir())
        except (FileNotFoundError, NotADirectoryError):  # no backups folder (yet): no backups
            return []
        except OSError as error:
            raise_storage_error(error, self.folder, "the backups could not be listed")
        files = []
        for path in entries:
            created = backup_time(path.name, self.collection_name)
            if created is not None:
                files.append((path, created))
        return sorted(files, key=lambda item: item[1], reverse=True)

    @staticmethod
    def _contents(path: Path) -> BackupContents | None:
        try:
            return read_contents(path)
        except BackupError:
            return None
