"""Backups: when they are due, their names, the rotation, consistent copies, listing and restoring,
and the backup an import makes beside itself."""
import errno
import subprocess
import sys
import threading
import time
from pathlib import Path
from datetime import datetime, timedelta, timezone

import pytest
import zstandard

from heatcards.backups import (
    BACKUP_SUFFIX,
    DAMAGED_SUFFIX,
    BackupReason,
    Backups,
    Rotation,
    backup_file_name,
    backup_time,
    backups_to_keep,
    is_backup_due,
)
from heatcards import collection as collection_module
from heatcards.checking import check_collection
from heatcards.collection import Collection
from heatcards.errors import CollectionInUseError, HeatcardsError, NotFoundError
from heatcards.importing import merge_exchange
from heatcards.storage import backup as backup_storage
from heatcards.storage.backup import BackupError
from heatcards.storage.faults import StorageError
from heatcards.transfer import export_file, import_file
from tests.studying import study_randomly

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


def add_notes(collection, count, deck="Films"):
    return [collection.add_note("Basic", [f"question {i}", f"answer {i}"], deck) for i in range(count)]


def reopen(path, clock):
    return Collection(path, clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)


# --- when a backup is due -------------------------------------------------------------------
def test_opening_asks_for_a_backup_once_the_newest_is_a_day_old():
    assert is_backup_due(None, NOW, BackupReason.OPENED)
    assert not is_backup_due(NOW - timedelta(hours=23, minutes=59), NOW, BackupReason.OPENED)
    assert is_backup_due(NOW - timedelta(days=1), NOW, BackupReason.OPENED)


def test_studying_asks_for_a_backup_every_30_minutes():
    assert not is_backup_due(NOW - timedelta(minutes=29), NOW, BackupReason.STUDY)
    assert is_backup_due(NOW - timedelta(minutes=30), NOW, BackupReason.STUDY)


@pytest.mark.parametrize("reason", [r for r in BackupReason if r not in (BackupReason.OPENED, BackupReason.STUDY)])
def test_a_risky_operation_always_backs_up_first(reason):
    assert is_backup_due(NOW - timedelta(seconds=1), NOW, reason)


# --- names --------------------------------------------------------------------------------
def test_backup_names_carry_the_collection_and_utc_time_to_the_millisecond():
    local = datetime(2026, 3, 2, 13, 4, 5, 678_900, tzinfo=timezone(timedelta(hours=1)))
    name = backup_file_name("collection", local)
    assert name == "collection-2026-03-02T12-04-05.678Z" + BACKUP_SUFFIX
    assert backup_time(name, "collection") == datetime(2026, 3, 2, 12, 4, 5, 678_000, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "name",
    [
        "other-2026-03-02T12-04-05.678Z.heatcards.zst",  # another collection's
        "collection-2026-03-02T12-04-05.678Z.heatcards.zst.partial",
        ".collection-2026-03-02T12-04-05.678Z.heatcards.zst.sqlite",
        "collection-2026-13-45T12-04-05.678Z.heatcards.zst",  # no such date
        "collection-2026-03-02T12-04-05.678Z" + DAMAGED_SUFFIX,
    ],
)
def test_files_that_are_not_this_collections_backups_are_not_backups(name):
    assert backup_time(name, "collection") is None


# --- rotation -----------------------------------------------------------------------------
def test_rotation_keeps_everything_while_there_are_few_backups():
    times = [NOW - timedelta(days=40 * i) for i in range(12)]
    assert backups_to_keep(times) == set(times)


def test_rotation_keeps_the_newest_and_one_per_day_week_and_month():
    # a backup every 6 hours for 400 days, until Monday 2026-03-02 12:00
    times = [NOW - timedelta(hours=6 * i) for i in range(4 * 400)]
    kept = backups_to_keep(times)

    def at(text):
        return datetime.fromisoformat(text + "+00:00")

    newest_first = sorted(times, reverse=True)
    assert set(newest_first[:12]) <= kept  # the 12 newest: the last 3 days
    # the newest of each of the last 7 days: now, then 18:00 of the 6 days before
    assert NOW in kept
    assert all((NOW - timedelta(days=day)).replace(hour=18) in kept for day in range(1, 7))
    assert at("2026-02-23T18:00") not in kept  # a Monday 7 days back: no day's, week's or month's newest
    # the newest of each of the last 4 ISO weeks (they end on Sunday)
    assert {at("2026-03-01T18:00"), at("2026-02-22T18:00"), at("2026-02-15T18:00")} <= kept
    assert at("2026-02-08T18:00") not in kept  # a fifth week back
    # the newest of each of the last 12 months: the last day of each, 18:00
    assert {at("2026-02-28T18:00"), at("2025-04-30T18:00")} <= kept
    assert at("2025-03-31T18:00") not in kept  # a thirteenth month back
    assert min(kept) == at("2025-04-30T18:00")
    assert len(kept) <= 12 + 7 + 4 + 12


def test_rotation_after_a_long_break_keeps_the_old_backups():
    old = [datetime(2024, month, 10, tzinfo=timezone.utc) for month in range(1, 13)]
    recent = [NOW - timedelta(minutes=30 * i) for i in range(20)]
    kept = backups_to_keep(old + recent)
    assert set(old[-11:]) <= kept  # 11 old months with a backup, beside March 2026
    assert old[0] not in kept


def test_rotation_limits_are_settable():
    times = [NOW - timedelta(hours=i) for i in range(10)]
    assert backups_to_keep(times, Rotation(recent=2, daily=1, weekly=0, monthly=0)) == {times[0], times[1]}


# --- making and listing backups -------------------------------------------------------------
def test_backup_is_a_compressed_consistent_copy_with_its_counts(collection, clock, tmp_path):
    add_notes(collection, 5)
    study_randomly(collection, clock, 7)
    backups = Backups(collection.path, clock, folder=tmp_path / "kept")
    backup = backups.create(collection.store, BackupReason.MANUAL)
    assert backup.path.parent == tmp_path / "kept"
    assert (backup.cards, backup.notes, backup.reviews) == (5, 5, 7)
    assert backup.reason == "backed up by hand"
    assert backup.size == backup.path.stat().st_size
    # any zstd reader gives back the SQLite file (it skips the header frame)
    with open(backup.path, "rb") as stream:
        database = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True).read()
    assert database.startswith(b"SQLite format 3\x00")
    assert len(database) > 3 * backup.size
    assert [p.name for p in backups.folder.iterdir()] == [backup.path.name]  # no temporary file left


def test_default_folder_is_backups_beside_the_collection(collection, clock):
    backups = Backups(collection.path, clock)
    assert backups.folder == collection.path.parent / "backups"
    backup = backups.create(collection.store, BackupReason.OPENED)
    assert backup.path.name.startswith("col-")


def test_backup_from_a_second_connection_sees_only_committed_changes(collection, clock, tmp_path):
    """A worker thread backs up from its own connection while the collection is being written."""
    add_notes(collection, 3)
    backups = Backups(collection.path, clock, folder=tmp_path / "kept")
    made = []
    with collection.share_for_reading(), collection.store.transaction():
        add_notes(collection, 2)  # not committed yet
        worker = threading.Thread(target=lambda: made.append(backups.create(collection.path, BackupReason.STUDY)))
        worker.start()
        worker.join()
    assert made[0].notes == 3
    clock.advance(1)
    with collection.share_for_reading():
        assert backups.create(collection.path, BackupReason.STUDY).notes == 5


def test_a_backup_from_the_path_of_a_collection_not_shared_is_refused_not_stalled(collection, clock, tmp_path):
    add_notes(collection, 1)  # a transaction: the collection keeps its file from here on
    backups = Backups(collection.path, clock, folder=tmp_path / "kept")
    with pytest.raises(HeatcardsError, match="keeps its file to itself"):
        backups.create(collection.path, BackupReason.STUDY)
    assert backups.list() == []


def test_list_is_newest_first_and_ignores_other_files(collection, clock, tmp_path):
    backups = Backups(collection.path, clock, folder=tmp_path / "kept")
    first = backups.create(collection.store, BackupReason.OPENED)
    clock.advance(60)
    add_notes(collection, 1)
    second = backups.create(collection.store, BackupReason.IMPORT)
    (backups.folder / "notes.txt").write_text("mine")
    (backups.folder / "other-2026-03-02T12-00-00.000Z.heatcards.zst").write_bytes(first.path.read_bytes())
    listed = backups.list()
    assert [b.path for b in listed] == [second.path, first.path]
    assert [(b.notes, b.reason) for b in listed] == [(1, "before import"), (0, "opened")]
    assert backups.last_created() == second.created


def test_a_damaged_backup_is_listed_without_counts(collection, clock, tmp_path):
    backups = Backups(collection.path, clock, folder=tmp_path / "kept")
    backup = backups.create(collection.store, BackupReason.MANUAL)
    backup.path.write_bytes(b"not a backup at all")
    [listed] = backups.list()
    assert listed.path == backup.path and listed.cards is None and listed.reason is None


def test_two_backups_in_one_millisecond_get_two_names(collection, clock, tmp_path):
    backups = Backups(collection.path, clock, folder=tmp_path / "kept")
    first = backups.create(collection.store, BackupReason.MANUAL)
    second = backups.create(collection.store, BackupReason.MANUAL)
    assert second.created - first.created == timedelta(milliseconds=1)
    assert len(backups.list()) == 2


def test_create_if_due_follows_the_newest_backup(collection, clock, tmp_path):
    backups = Backups(collection.path, clock, folder=tmp_path / "kept")
    assert backups.create_if_due(collection.store, BackupReason.OPENED) is not None
    clock.advance(29 * 60)
    assert backups.create_if_due(collection.store, BackupReason.STUDY) is None
    clock.advance(60)
    assert backups.create_if_due(collection.store, BackupReason.STUDY) is not None
    assert backups.create_if_due(collection.store, BackupReason.OPENED) is None
    # a new Backups object reads the newest time from the folder
    assert Backups(collection.path, clock, folder=tmp_path / "kept").last_created() == backups.last_created()


def test_creating_backups_prunes_by_the_rotation(collection, clock, tmp_path):
    backups = Backups(collection.path, clock, folder=tmp_path / "kept")
    made = []
    for _ in range(40):
        made.append(backups.create(collection.store, BackupReason.STUDY).created)
        clock.advance(7 * 3600)
    listed = [b.created for b in backups.list()]
    assert set(listed) == backups_to_keep(made)
    assert len(listed) < len(made)


def test_find_takes_a_path_or_a_name_in_the_folder(collection, clock, tmp_path):
    backups = Backups(collection.path, clock, folder=tmp_path / "kept")
    backup = backups.create(collection.store, BackupReason.MANUAL)
    assert backups.find(backup.path.name) == backup.path
    assert backups.find(str(backup.path)) == backup.path
    with pytest.raises(NotFoundError, match=f"no backup 'nope'.*newest is {backup.path.name}"):
        backups.find("nope")


# --- restoring ------------------------------------------------------------------------------
def test_restore_backs_up_the_current_state_first(collection, clock, tmp_path):
    path = collection.path
    add_notes(collection, 2)
    backups = Backups(path, clock)
    old = backups.create(collection.store, BackupReason.MANUAL)
    clock.advance(60)
    add_notes(collection, 3)
    collection.close()
    saved = backups.restore(old.path)
    assert saved.parent == backups.folder
    with reopen(path, clock) as restored:
        assert len(restored.find_notes()) == 2
    [current] = [b for b in backups.list() if b.path == saved]
    assert (current.notes, current.reason) == (5, "before restore")
    # and that backup brings the later state back
    backups.restore(saved)
    with reopen(path, clock) as again:
        assert len(again.find_notes()) == 5


def test_restore_refuses_while_the_collection_is_open(collection, clock):
    backups = Backups(collection.path, clock)
    backup = backups.create(collection.store, BackupReason.MANUAL)
    with pytest.raises(CollectionInUseError, match="close it there first"):
        backups.restore(backup.path)


def test_a_damaged_backup_is_refused_and_the_collection_left_as_it_was(collection, clock):
    path = collection.path
    add_notes(collection, 4)
    backups = Backups(path, clock)
    backup = backups.create(collection.store, BackupReason.MANUAL)
    collection.close()
    data = bytearray(backup.path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte in the compressed database
    backup.path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(BackupError, match="is damaged.*the collection was not changed: choose an older backup"):
        backups.restore(backup.path)
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*restoring"))


def test_a_file_that_is_no_backup_is_refused(collection, clock, tmp_path):
    path = collection.path
    collection.close()
    stranger = tmp_path / "holiday.zst"
    stranger.write_bytes(zstandard.ZstdCompressor().compress(b"photos"))
    with pytest.raises(BackupError, match="is not a heatcards backup"):
        Backups(path, clock).restore(stranger)


def test_a_damaged_collection_is_moved_aside_when_a_backup_replaces_it(collection, clock):
    path = collection.path
    add_notes(collection, 3)
    backups = Backups(path, clock)
    good = backups.create(collection.store, BackupReason.MANUAL)
    collection.close()
    damaged_bytes = b"this was a collection" * 500
    path.write_bytes(damaged_bytes)
    saved = backups.restore(good.path)
    assert saved.name.endswith(DAMAGED_SUFFIX) and saved.read_bytes() == damaged_bytes
    with reopen(path, clock) as restored:
        assert len(restored.find_notes()) == 3


def test_restoring_every_backup_of_a_rotation_gives_a_collection_that_passes_check(collection, clock, tmp_path):
    """Study for weeks with backups on opening, during study and before risky operations; then
    each backup the rotation kept restores to a collection that `heatcards check` finds sound."""
    path = collection.path
    backups = Backups(path, clock)
    add_notes(collection, 30)
    expected = {}
    for day in range(30):
        backups.create_if_due(collection.store, BackupReason.OPENED)
        study_randomly(collection, clock, 15, seed=day)
        made = backups.create_if_due(collection.store, BackupReason.STUDY)
        if day % 7 == 3:
            made = backups.create(collection.store, BackupReason.FORGET)
            collection.forget(collection.find_cards()[:2])
        if made is not None:
            expected[made.path] = (made.cards, made.notes, made.reviews)
        clock.advance(20 * 3600)
    collection.close()
    kept = backups.list()
    assert len(kept) > 12
    target = tmp_path / "restored.heatcards"
    for backup in kept:
        Backups(target, clock).restore(backup.path)
        with reopen(target, clock) as restored:
            report = check_collection(restored)
            assert report.findings == (), (backup.path.name, report.findings)
            counts = (len(restored.find_cards()), len(restored.find_notes()), restored.store.review_count())
            assert counts == (backup.cards, backup.notes, backup.reviews)
            assert expected.get(backup.path, counts) == counts


# --- the "before import" backup ---------------------------------------------------------------
def package_of_notes(tmp_path, clock, count):
    """An .apkg of `count` Basic notes, exported from a collection of its own."""
    with Collection(tmp_path / "source" / "source.heatcards", clock=clock, install_heat_deck=False) as source:
        add_notes(source, count, deck="Imported")
        return export_file(source, tmp_path / "notes.apkg").path


def merge_then_setting(merged: threading.Event):
    """`merge_exchange`, which sets `merged` once it has merged: a test's other thread can wait for it."""

    def merge(*args, **kwargs):
        result = merge_exchange(*args, **kwargs)
        merged.set()
        return result

    return merge


def test_an_import_merges_while_its_backup_is_compressed(collection, clock, tmp_path, monkeypatch):
    add_notes(collection, 2)
    package = package_of_notes(tmp_path, clock, 3)
    compressing, merged = threading.Event(), threading.Event()
    compress = backup_storage._compress

    def slow_compress(*args):
        compressing.set()
        assert merged.wait(10), "the merge waited for the compression"
        compress(*args)

    monkeypatch.setattr(backup_storage, "_compress", slow_compress)
    monkeypatch.setattr(collection_module, "merge_exchange", merge_then_setting(merged))
    report, _ = import_file(collection, package)
    assert compressing.is_set() and report.added == 3
    [backup] = collection.backups.list()
    assert (backup.reason, backup.notes) == ("before import", 2)  # the collection before the merge
    assert len(collection.store.card_ids()) == 5


def test_an_import_whose_backup_fails_while_it_merges_changes_nothing(collection, clock, tmp_path, monkeypatch):
    add_notes(collection, 2)
    package = package_of_notes(tmp_path, clock, 3)
    merged = threading.Event()

    def full_disk_once_merged(*args):
        merged.wait(10)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_storage, "_compress", full_disk_once_merged)
    monkeypatch.setattr(collection_module, "merge_exchange", merge_then_setting(merged))
    with pytest.raises(StorageError, match="no backup was made"):
        import_file(collection, package)
    assert merged.is_set() and len(collection.store.card_ids()) == 2  # merged, then rolled back
    assert collection.backups.list() == []
    assert not any(collection.backups.folder.iterdir())  # no copy left behind


_KILLED_IMPORT = """
import sys, threading, time
from pathlib import Path
from heatcards import collection as collection_module
from heatcards.collection import Collection
from heatcards.storage import backup as backup_storage
from heatcards.transfer import import_file

path, package, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
merge_exchange, compress, merged = collection_module.merge_exchange, backup_storage._compress, threading.Event()

def merge_then_tell(*args, **kwargs):
    result = merge_exchange(*args, **kwargs)
    merged.set()
    print("merged", flush=True)
    return result

def compress_after_the_merge(*args):
    merged.wait()
    if kill_at == "merged":  # the backup is still being made when the process is killed
        time.sleep(60)
    compress(*args)

collection_module.merge_exchange = merge_then_tell
backup_storage._compress = compress_after_the_merge
collection = Collection(path, install_heat_deck=False)
import_file(collection, package)
print("imported", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("kill_at", ["merged", "imported"])
def test_an_import_killed_at_any_point_leaves_a_usable_backup_or_the_collection_untouched(collection, clock, tmp_path, kill_at):
    """A process killed once its merge is done but its backup is still being compressed leaves the
    collection as it was (the import waits for its backup to commit); killed after the import, the
    backup it made holds the collection as it was before."""
    add_notes(collection, 2)
    collection.close()
    package = package_of_notes(tmp_path, clock, 3)
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_IMPORT, str(collection.path), str(package), kill_at],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        for line in child.stdout:
            if line.strip() == kill_at:
                break
        time.sleep(0.5)  # time to commit, if the import did not wait for its backup
        child.kill()
    finally:
        child.wait()
    with reopen(collection.path, clock) as after:
        notes = len(after.store.card_ids())  # one card each
        listed = after.backups.list()
        assert after.check().findings == ()
    if kill_at == "merged":
        assert notes == 2 and listed == []
        return
    assert notes == 5
    [backup] = listed
    assert (backup.reason, backup.notes) == ("before import", 2)
    Backups(collection.path, clock).restore(backup.path)
    with reopen(collection.path, clock) as restored:
        assert len(restored.store.card_ids()) == 2
