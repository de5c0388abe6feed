"""Faults of the disk: a full disk, a read-only file or folder, a damaged database.

Each gives a `HeatcardsError` subclass whose message says what happened and what to do, and
nothing committed before is lost. A full disk is made with SQLite's `max_page_count` (anyone)
and with a small tmpfs of our own (root); a read-only file or folder with chmod (a normal user)
or a read-only bind mount (root, whom permissions do not stop).
"""
import os
import subprocess
from contextlib import contextmanager
from datetime import timezone
from pathlib import Path

import pytest

from heatcards.backups import BackupReason, Backups
from heatcards.checking import check_collection
from heatcards.collection import Collection
from heatcards.errors import HeatcardsError
from heatcards.model import Rating
from heatcards.storage.faults import CorruptCollectionError, DiskFullError, ReadOnlyError

NO_LIMIT = 1073741823  # SQLite's default max_page_count


def open_collection(path, clock):
    return Collection(path, clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)


def add_notes(collection, count, start=0):
    for i in range(start, start + count):
        collection.add_note("Basic", [f"question {i} " + "x" * 200, f"answer {i}"], "Films")


def answer_next(collection, clock, rating=Rating.GOOD):
    clock.advance(90)
    card, _ = collection.next_card(collection.deck_named("Films"))
    collection.answer(card.id, rating)
    return card.id


def snapshot(collection):
    """Everything an answer or a note could change, to compare before and after a failure."""
    store = collection.store
    cards = store.cards(collection.find_cards())
    return cards, store.reviews_of_cards([c.id for c in cards]), len(collection.find_notes())


def limit_pages(collection, pages):
    collection.store.db.conn.execute(f"PRAGMA max_page_count = {pages}")


def answer_until_full(collection, clock, tries=2000):
    """Answer cards until the disk is full; returns the error and what stood just before it.
    Again brings each card back, so the answers (their review log) go on until the disk is full."""
    for _ in range(tries):
        before = snapshot(collection)
        counts = collection.counts(collection.deck_named("Films"))
        try:
            answer_next(collection, clock, Rating.AGAIN)
        except DiskFullError as error:
            return error, before, counts
    pytest.fail(f"{tries} answers fitted in the limited database")


# --- a full disk ---------------------------------------------------------------------------
def test_a_full_disk_refuses_the_answer_and_keeps_every_earlier_one(collection, clock):
    add_notes(collection, 60)
    committed = [answer_next(collection, clock) for _ in range(10)]
    limit_pages(collection, collection.store.db.conn.execute("PRAGMA page_count").fetchone()[0])
    error, before, counts = answer_until_full(collection, clock)
    assert isinstance(error, HeatcardsError)
    assert str(error).startswith(f"the disk holding {collection.path} is full, so the change was not saved")
    assert "free some space" in str(error)
    # the answer is not done: card, log and today's counts are as they were
    assert snapshot(collection) == before
    assert collection.counts(collection.deck_named("Films")) == counts
    assert {r.card_id for r in before[1]} >= set(committed)
    # with space again, the same answer goes through
    limit_pages(collection, NO_LIMIT)
    answer_next(collection, clock)
    assert collection.store.review_count() == len(before[1]) + 1
    assert collection.store.integrity_check() == "ok"


def test_a_full_disk_adds_no_part_of_a_note(collection, clock):
    add_notes(collection, 5)
    limit_pages(collection, collection.store.db.conn.execute("PRAGMA page_count").fetchone()[0])
    before = snapshot(collection)
    with pytest.raises(DiskFullError, match="the change was not saved"):
        add_notes(collection, 500, start=5)
    after = snapshot(collection)
    assert after[2] == before[2] + len(after[0]) - len(before[0])  # as many notes as cards: none half made
    assert after[1] == before[1]
    limit_pages(collection, NO_LIMIT)
    assert check_collection(collection).findings == ()


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs of our own, mounted in tmp_path (root only)."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    command = ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here ({result.stderr.strip()}); max_page_count covers a disk full")
    yield mount
    subprocess.run(["umount", "--lazy", str(mount)], check=True)


def fill(disk: Path) -> Path:
    """Take every free byte of `disk` with one file; returns it (delete it to free the space)."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


def test_a_really_full_disk_refuses_answers_and_backups_and_keeps_everything(small_disk, clock):
    collection = open_collection(small_disk / "col.heatcards", clock)
    try:
        add_notes(collection, 40)
        answer_next(collection, clock)
        backups = Backups(collection.path, clock, folder=small_disk / "kept")
        kept = backups.create(collection.store, BackupReason.MANUAL)
        filler = fill(small_disk)
        error, before, _ = answer_until_full(collection, clock)
        assert str(error).startswith(f"the disk holding {collection.path} is full")
        assert snapshot(collection) == before
        clock.advance(3600)
        with pytest.raises(DiskFullError, match="is full, so no backup was made"):
            backups.create(collection.store, BackupReason.STUDY)
        assert [b.path for b in backups.list()] == [kept.path]
        assert sorted(p.name for p in backups.folder.iterdir()) == [kept.path.name]  # no temporary file left
        filler.unlink()
        answer_next(collection, clock)
        assert collection.store.integrity_check() == "ok"
    finally:
        collection.close()


# --- read-only files and folders -----------------------------------------------------------
@contextmanager
def read_only(path: Path):
    """`path` (a file or a folder) cannot be written while inside the block."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    for args in (["--bind", str(path), str(path)], ["-o", "remount,bind,ro", str(path)]):
        result = subprocess.run(["mount", *args], capture_output=True, text=True)
        if result.returncode != 0:
            subprocess.run(["umount", "--lazy", str(path)], capture_output=True)
            pytest.skip(f"root cannot make {path} read-only here ({result.stderr.strip()})")
    try:
        yield
    finally:
        subprocess.run(["umount", "--lazy", str(path)], check=True)


@pytest.fixture
def closed_collection(tmp_path, clock):
    """A collection with studied notes and one backup, closed."""
    path = tmp_path / "data" / "col.heatcards"
    with open_collection(path, clock) as collection:
        add_notes(collection, 10)
        for _ in range(4):
            answer_next(collection, clock)
        Backups(path, clock, folder=tmp_path / "elsewhere").create(collection.store, BackupReason.MANUAL)
    return path


def test_a_read_only_collection_file_is_refused_with_a_clear_message(closed_collection, clock):
    before = closed_collection.read_bytes()
    with read_only(closed_collection):
        with pytest.raises(ReadOnlyError) as refused:
            open_collection(closed_collection, clock)
    message = str(refused.value)
    assert message.startswith(f"{closed_collection} cannot be written")
    assert "copy the collection to a writable folder" in message
    assert closed_collection.read_bytes() == before
    with open_collection(closed_collection, clock) as collection:
        assert collection.store.review_count() == 4


def test_a_read_only_folder_is_refused_with_a_clear_message(closed_collection, clock):
    with read_only(closed_collection.parent):
        with pytest.raises(ReadOnlyError, match="cannot be written .* so the collection was not opened"):
            open_collection(closed_collection, clock)
    with open_collection(closed_collection, clock) as collection:
        assert collection.store.review_count() == 4


def test_no_backup_and_no_repair_into_a_read_only_folder(closed_collection, clock, tmp_path):
    folder = tmp_path / "elsewhere"
    with open_collection(closed_collection, clock) as collection:
        card = collection.find_cards()[0]
        collection.store.db.conn.execute("UPDATE cards SET state = 9 WHERE id = ?", (card,))
        backups = Backups(closed_collection, clock, folder=folder)
        with read_only(folder):
            with pytest.raises(ReadOnlyError, match="so no backup was made"):
                backups.create(collection.store, BackupReason.MANUAL)
            with pytest.raises(ReadOnlyError):
                check_collection(collection, repair=True, backups=backups)
        assert collection.store.db.conn.execute("SELECT state FROM cards WHERE id = ?", (card,)).fetchone()[0] == 9
    assert len(list(folder.iterdir())) == 1


def test_restoring_into_a_read_only_folder_changes_nothing(closed_collection, clock, tmp_path):
    backups = Backups(closed_collection, clock, folder=tmp_path / "elsewhere")
    [backup] = backups.list()
    before = closed_collection.read_bytes()
    with read_only(closed_collection.parent):
        with pytest.raises(ReadOnlyError, match="the collection was not changed"):
            backups.restore(backup.path)
    assert closed_collection.read_bytes() == before


# --- a damaged database --------------------------------------------------------------------
def test_a_damaged_collection_says_so_and_the_newest_good_backup_brings_it_back(closed_collection, clock, tmp_path):
    backups = Backups(closed_collection, clock, folder=tmp_path / "elsewhere")
    data = bytearray(closed_collection.read_bytes())
    data[:100] = os.urandom(100)  # the header: SQLite no longer sees a database
    closed_collection.write_bytes(bytes(data))
    with pytest.raises(CorruptCollectionError) as refused:
        open_collection(closed_collection, clock)
    assert str(refused.value).startswith(f"{closed_collection} is damaged")
    assert "restore the newest good backup" in str(refused.value)
    newest = backups.list()[0]
    saved = backups.restore(newest.path)
    assert saved.read_bytes() == bytes(data)  # the damaged file is kept, not overwritten
    with open_collection(closed_collection, clock) as collection:
        assert (len(collection.find_notes()), collection.store.review_count()) == (newest.notes, newest.reviews)
        assert check_collection(collection).findings == ()


# --- a drive that disappears -----------------------------------------------------------------
EXT4_IOC_SHUTDOWN = 0x8004587D  # _IOR('X', 125, __u32): the filesystem answers every access with EIO
EXT4_GOING_FLAGS_NOLOGFLUSH = 2  # as if the drive were pulled: nothing more reaches it


@pytest.fixture
def removable_drive(tmp_path):
    """An ext4 filesystem on a loop device of our own, mounted in tmp_path (root only); the test
    "pulls" it with ext4's shutdown ioctl, after which every read and write fails with EIO."""
    image, mount = tmp_path / "drive.img", tmp_path / "drive"
    mount.mkdir()
    subprocess.run(["truncate", "-s", "32M", str(image)], check=True)
    made = subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], capture_output=True, text=True)
    mounted = made.returncode == 0 and subprocess.run(
        ["mount", "-o", "loop", str(image), str(mount)], capture_output=True, text=True
    )
    if not mounted or mounted.returncode != 0:
        reason = made.stderr.strip() if made.returncode else mounted.stderr.strip()
        pytest.skip(f"cannot mount a loop-device filesystem here ({reason}); the other faults are covered")
    yield image, mount
    subprocess.run(["umount", "--lazy", str(mount)], capture_output=True)


def pull(mount: Path) -> None:
    import fcntl
    import struct

    folder = os.open(mount, os.O_RDONLY)
    try:
        fcntl.ioctl(folder, EXT4_IOC_SHUTDOWN, struct.pack("I", EXT4_GOING_FLAGS_NOLOGFLUSH))
    finally:
        os.close(folder)


def test_a_drive_that_disappears_refuses_the_answer_and_every_committed_one_survives(removable_drive, clock):
    image, mount = removable_drive
    collection = open_collection(mount / "col.heatcards", clock)
    add_notes(collection, 5)
    answered = [answer_next(collection, clock) for _ in range(3)]
    pull(mount)
    with pytest.raises(HeatcardsError, match=r"cannot be reached .*the change was not saved.*reconnect it"):
        answer_next(collection, clock)
    collection.close()
    subprocess.run(["umount", str(mount)], check=True)
    subprocess.run(["mount", "-o", "loop", str(image), str(mount)], check=True)  # plugged in again
    again = open_collection(mount / "col.heatcards", clock)
    try:
        assert again.store.integrity_check() == "ok"
        reviews = again.store.reviews_of_cards(answered)
        assert sorted(r.card_id for r in reviews) == sorted(answered)
        assert all(again.card(card_id).reps == 1 for card_id in answered)
        assert len(again.find_notes()) == 5
    finally:
        again.close()
