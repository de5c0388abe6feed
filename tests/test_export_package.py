"""Exporting the collection to an Anki package on two threads: the note and card rows are made and
written to a scratch file by a worker thread while the collection's review log is copied into the
package in SQL and indexed there (`formats.apkg._made_while`). Whatever fails or is cancelled, the
caller gets that error, no file is left half written, and no worker thread is left running."""
import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest

from heatcards.collection import Collection
from heatcards.errors import CancelledError
from heatcards.formats import apkg
from heatcards.model import Rating
from heatcards.storage.anki_collection import CollectionReviews
from heatcards.transfer import export_file, import_file

WORKER_NAME = "heatcards-apkg-rows"


def workers() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith(WORKER_NAME)]


@pytest.fixture
def studied(collection, clock):
    """A collection of 3 notes whose cards have 2 reviews each."""
    for index in range(3):
        note = collection.add_note("Basic", [f"front {index}", "back"], "Default")
        for card in collection.store.cards_of_note(note.id):
            for rating in (Rating.GOOD, Rating.AGAIN):
                collection.answer(card.id, rating)
                clock.advance(60)
    return collection


@pytest.fixture
def folder(tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    return exports


def test_the_rows_are_made_beside_the_review_log_and_the_package_holds_everything(studied, folder, monkeypatch, tmp_path, clock):
    threads = {}
    for name in ("_card_rows", "write_scratch_rows"):
        monkeypatch.setattr(apkg, name, on_thread(threads, name, getattr(apkg, name)))
    statements = []
    studied.store.db.conn.set_trace_callback(statements.append)
    report = export_file(studied, folder / "all.apkg")
    studied.store.db.conn.set_trace_callback(None)
    # made and written on the worker (else the tests below would test nothing)
    assert threads["_card_rows"].startswith(WORKER_NAME) and threads["write_scratch_rows"].startswith(WORKER_NAME)
    # the package is attached as the scratch file it is (no journal, no syncing), its review log's
    # indexes built there by the copy, on the collection's connection
    pragmas = [s.split(".")[-1] for s in statements if s.startswith("PRAGMA heatcards_attached")]
    assert pragmas == ["journal_mode = OFF", "synchronous = OFF"]
    indexes = [s for s in statements if s.startswith("CREATE INDEX")]
    assert [s.split(" ON ")[0].split(".")[-1] for s in indexes] == ["ix_revlog_usn", "ix_revlog_cid"]
    assert (report.notes, report.cards, report.reviews) == (3, 3, 6)
    assert workers() == []
    with Collection(tmp_path / "other.heatcards", clock=clock, install_heat_deck=False) as other:
        imported, _ = import_file(other, folder / "all.apkg")
        assert (imported.added, imported.cards_added, imported.reviews_added) == (3, 3, 6)


def on_thread(threads: dict[str, str], name: str, function):
    """`function`, noting in `threads` under `name` the thread that calls it first (the package's
    collection is written first; Anki's update notice after it, on this thread)."""

    def noted(*args):
        threads.setdefault(name, threading.current_thread().name)
        return function(*args)

    return noted


@pytest.mark.parametrize("failing", ["_note_rows", "write_scratch_rows"])
def test_an_error_making_the_rows_reaches_the_caller_as_it_was_raised(studied, folder, monkeypatch, failing):
    raised = ValueError("a row the writer cannot make")

    def fail(*args):
        raise raised

    monkeypatch.setattr(apkg, failing, fail)
    with pytest.raises(ValueError) as error:
        export_file(studied, folder / "all.apkg")
    assert error.value is raised
    assert list(folder.iterdir()) == [] and workers() == []


def test_an_error_copying_the_review_log_reaches_the_caller_and_stops_the_worker(studied, folder, monkeypatch):
    copying = CollectionReviews.copying_to_package

    @contextmanager
    def failing(*args):
        def copy():
            raise sqlite3.OperationalError("database or disk is full")

        with copying(*args):
            yield copy

    monkeypatch.setattr(CollectionReviews, "copying_to_package", failing)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        export_file(studied, folder / "all.apkg")
    assert list(folder.iterdir()) == [] and workers() == []


@pytest.mark.parametrize("stage", ["reviews", "notes", "cards", "media"])
def test_a_cancelled_export_leaves_no_file_and_no_thread(studied, folder, stage):
    seen = []

    def cancel(at: str, done: int, total: int) -> None:
        seen.append(at)
        if at == stage:
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        export_file(studied, folder / "all.apkg", progress=cancel)
    assert stage in seen
    assert list(folder.iterdir()) == [] and workers() == []


def test_the_worker_stops_at_its_next_progress_call_once_the_work_beside_it_fails():
    started, calls = threading.Event(), []

    def make(progress):
        started.set()
        for done in range(10_000):
            calls.append(done)
            progress("cards", done, 10_000)
            time.sleep(0.001)
        return "made"

    def work():
        started.wait(5)
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        apkg._made_while(work, make)
    assert workers() == [] and len(calls) < 10_000


def test_what_the_worker_made_is_returned_once_the_work_beside_it_is_done():
    done = []
    assert apkg._made_while(lambda: done.append("work"), lambda progress: "made") == "made"
    assert done == ["work"] and workers() == []
