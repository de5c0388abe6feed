"""Review log ids: 12 hex digits of milliseconds, then 20 counted up from a random start per process."""
import itertools
import os
import re
import subprocess
import sys
from datetime import timezone

from heatcards import collection as collection_module
from heatcards import transfer
from heatcards.collection import Collection, review_id
from heatcards.model import Rating

from .conftest import NOON

REVIEW_ID = re.compile(r"[0-9a-f]{32}")


def test_ids_of_one_millisecond_are_distinct_and_come_after_the_ones_before():
    earlier = [review_id(NOON * 1000) for _ in range(500)]
    later = [review_id(NOON * 1000 + 1) for _ in range(500)]
    assert all(REVIEW_ID.fullmatch(i) and i.startswith(f"{NOON * 1000:012x}") for i in earlier)
    assert len(set(earlier + later)) == 1000
    assert max(earlier) < min(later)


def test_the_counted_digits_stay_twenty_when_the_count_passes_the_last_one(monkeypatch):
    monkeypatch.setattr(collection_module._review_id_tails, "_count", itertools.count(16**20 - 1))
    assert [review_id(NOON * 1000)[12:] for _ in range(2)] == ["f" * 20, "0" * 20]


def test_a_forked_process_counts_from_a_start_of_its_own():
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child: its first id, then out at once
        os.write(writing, review_id(NOON * 1000).encode())
        os._exit(0)
    os.close(writing)
    os.waitpid(child, 0)
    with os.fdopen(reading) as pipe:
        childs = pipe.read()
    assert REVIEW_ID.fullmatch(childs) and childs != review_id(NOON * 1000)  # not the count it was forked with


def test_two_processes_draw_different_starts():
    program = f"from heatcards.collection import review_id; print(review_id({NOON * 1000}))"
    ids = {subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout.strip() for _ in range(2)}
    assert len(ids) == 2 and all(REVIEW_ID.fullmatch(i) for i in ids)


def test_answers_in_one_millisecond_log_distinct_ids_and_undo_removes_the_last_only(collection):
    for front in ("a", "b", "c"):
        collection.add_note("Basic", [front, "x"], "Films")
    answered = []
    for _ in range(3):
        card, _counts = collection.next_card(collection.deck_named("Films"))
        collection.answer(card.id, Rating.GOOD)
        answered.append(card.id)
    ids = [e.id for c in answered for e in collection.store.reviews_of_card(c)]
    assert len(set(ids)) == 3 and all(REVIEW_ID.fullmatch(i) and i.startswith(f"{NOON * 1000:012x}") for i in ids)
    collection.undo()
    assert [e.id for c in answered for e in collection.store.reviews_of_card(c)] == ids[:2]


def test_answered_reviews_keep_their_ids_through_a_deck_file_and_are_not_added_twice(collection, tmp_path, clock):
    collection.add_note("Basic", ["q", "a"], "Films")
    card, _counts = collection.next_card(collection.deck_named("Films"))
    collection.answer(card.id, Rating.AGAIN)
    clock.advance(60)
    collection.answer(card.id, Rating.GOOD)
    ids = [e.id for e in collection.store.reviews_of_card(card.id)]
    transfer.export_file(collection, tmp_path / "films.heatdeck.toml")
    other = Collection(tmp_path / "other.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)
    try:
        for _ in range(2):
            transfer.import_file(other, tmp_path / "films.heatdeck.toml")
            assert [e.id for e in other.store.reviews_of_cards(other.store.card_ids())] == ids
    finally:
        other.close()
