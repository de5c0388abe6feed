"""Exporting the collection to an Anki package on two threads: the note and card rows are made by
a worker thread while the collection's review log is copied into the package in SQL
(`formats.apkg._made_while`). Whatever fails or is cancelled, the caller gets that error, no file
is left half written, and no worker thread is left running."""
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
    threads = []
    make_card_rows = apkg._card_rows

    def card_rows(*args):
        threads.append(threading.current_thread().name)
        return make_card_rows(*args)

    monkeypatch.setattr(apkg, "_card_rows", card_rows)
    report = export_file(studied, folder / "all.apkg")
    assert threads and threads[0].startswith(WORKER_NAME)  # else the tests below would test nothing
    assert (report.notes, report.cards, report.reviews) == (3, 3, 6)
    assert workers() == []
    with Collection(tmp_path / "other.heatcards", clock=clock, install_heat_deck=False) as other:
        imported, _ = import_file(other, folder / "all.apkg")
        assert (imported.added, imported.cards_added, imported.reviews_added) == (3, 3, 6)


def test_an_error_making_the_rows_reaches_the_caller_as_it_was_raised(studied, folder, monkeypatch):
    raised = ValueError("a note the writer cannot make")

    def failing(*args):
        raise raised

    monkeypatch.setattr(apkg, "_note_rows", failing)
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
