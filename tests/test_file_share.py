"""The collection keeps its file to itself while it is open (SQLite's exclusive locking mode) and
shares it with other connections on request (`Collection.share_for_reading`)."""

import sqlite3
import threading
from pathlib import Path

import pytest

from heatcards.collection import Collection
from heatcards.model import Rating
from heatcards.storage import Store


def other_connection_reads(path: Path) -> bool:
    """Whether another connection (as another thread or program would) can read the file now."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0)
    try:
        connection.execute("SELECT count(*) FROM cards").fetchone()
        return True
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return False
    finally:
        connection.close()


def answer_next(collection: Collection, rating: Rating = Rating.GOOD) -> None:
    card, _ = collection.next_card(collection.deck_named("Heat (1995)"))
    collection.answer(card.id, rating, 4000)


@pytest.fixture
def collection(tmp_path):
    with Collection(tmp_path / "c.heatcards") as opened:
        yield opened


def test_the_file_is_kept_from_the_first_transaction_on(tmp_path):
    path = tmp_path / "c.heatcards"
    with Collection(path, install_heat_deck=False) as collection:
        collection.add_deck("Spanish")  # a transaction
        assert not other_connection_reads(path)
    assert other_connection_reads(path)  # closing lets it go


def test_a_share_lets_other_connections_read_until_it_is_released(collection):
    answer_next(collection)
    assert not other_connection_reads(collection.path)
    share = collection.share_for_reading()
    assert other_connection_reads(collection.path)
    answer_next(collection)  # the collection writes meanwhile, in normal locking
    assert other_connection_reads(collection.path)
    share.release()
    share.release()  # a second release changes nothing
    assert other_connection_reads(collection.path)  # until the next transaction takes the file back
    answer_next(collection)
    assert not other_connection_reads(collection.path)


def test_shares_are_counted(collection):
    first, second = collection.share_for_reading(), collection.share_for_reading()
    first.release()
    answer_next(collection)
    assert other_connection_reads(collection.path)
    second.release()
    answer_next(collection)
    assert not other_connection_reads(collection.path)


def test_a_read_only_collection_reads_in_another_thread_under_a_share(collection):
    answer_next(collection)
    seen = []

    def read() -> None:
        reader = collection.open_read_only()
        try:
            seen.append(reader.store.review_count())
        finally:
            reader.close()

    with collection.share_for_reading():
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
    assert seen == [1]
    answer_next(collection)
    assert not other_connection_reads(collection.path)


def test_a_connection_left_open_neither_blocks_nor_fails_an_answer(collection, monkeypatch):
    """A reader still open when the share goes (or another program's connection): the answer is
    saved without waiting, the file stays shared, and a later transaction takes it back once the
    connection is closed."""
    clock = {"now": 1000.0}
    monkeypatch.setattr("heatcards.storage.time.monotonic", lambda: clock["now"])
    share = collection.share_for_reading()
    other = sqlite3.connect(f"{collection.path.resolve().as_uri()}?mode=ro", uri=True)
    other.execute("SELECT count(*) FROM cards").fetchone()
    share.release()
    answer_next(collection)
    assert collection.store.review_count() == 1
    assert other_connection_reads(collection.path)
    other.close()
    answer_next(collection)  # the try to take it back waits a while after a failed one
    assert other_connection_reads(collection.path)
    clock["now"] += 10
    answer_next(collection)
    assert not other_connection_reads(collection.path)
    assert collection.store.review_count() == 3


def test_a_share_taken_inside_a_transaction_hands_the_file_back_at_its_end(collection):
    answer_next(collection)
    with collection.store.transaction():
        share = collection.share_for_reading()
    assert other_connection_reads(collection.path)
    share.release()


def test_in_memory_and_read_only_stores_share_without_effect(tmp_path):
    memory = Store(":memory:")
    try:
        with memory.share_file():
            memory.set_config("shared", True)
    finally:
        memory.close()
    path = tmp_path / "c.heatcards"
    with Collection(path) as collection, collection.share_for_reading():
        reader = collection.open_read_only()
        try:
            with reader.share_for_reading():
                assert reader.store.review_count() == 0
        finally:
            reader.close()


def test_statistics_of_the_open_collection_read_it_apart_and_give_it_back(collection):
    """`stats.collect` reads on connections of its own in threads, under a share of the file."""
    from heatcards import stats

    answer_next(collection)
    panels = stats.collect(collection)
    assert panels.today.answers == 1
    answer_next(collection)
    assert not other_connection_reads(collection.path)
