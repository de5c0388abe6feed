"""Answers' undo steps live in memory, as Anki keeps its undo: they reach `undo_steps` before any other
step, when undo asks for the last step and at close; a rollback leaves them as they were; and after a
process died holding some, undo never reaches past the answers whose steps died with it."""
import signal
import subprocess
import sys
import textwrap
from datetime import timezone

import pytest

from heatcards import storage
from heatcards.collection import Collection
from heatcards.errors import NothingToUndoError
from heatcards.model import Rating
from heatcards.storage import UndoStep
from heatcards.storage.faults import DiskFullError

from .conftest import NOON

MINUTE = 60


def open_collection(path, clock):
    return Collection(path, clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)


def add_cards(collection, count):
    """`count` new Basic cards in the deck Films, in their order."""
    notes = [collection.add_note("Basic", [f"q{i}", f"a{i}"], "Films") for i in range(count)]
    return [collection.store.cards_of_note(note.id)[0] for note in notes]


def answer(collection, clock, card, rating=Rating.GOOD):
    """Answer `card` a minute later; returns it as it was before the answer."""
    clock.advance(MINUTE)
    before = collection.card(card.id)
    collection.answer(card.id, rating)
    return before


def undo_steps_in_table(collection):
    return collection.store.db.conn.execute("SELECT count(*) FROM undo_steps").fetchone()[0]


def walk_back(collection):
    """Undo until nothing is left; the labels undone, newest first."""
    labels = []
    while True:
        try:
            labels.append(collection.undo())
        except NothingToUndoError:
            return labels


def test_answers_write_no_undo_row_and_undo_walks_them_back_from_memory(collection, clock):
    cards = add_cards(collection, 3)
    before = [answer(collection, clock, card) for card in cards]
    assert undo_steps_in_table(collection) == 0
    for card, original in reversed(list(zip(cards, before))):
        assert collection.undo() == "answer"
        assert collection.card(card.id) == original
        assert collection.card_info(card.id).history == ()


def test_another_step_comes_after_the_answers_held_before_it(collection, clock):
    first, second, third = add_cards(collection, 3)
    answer(collection, clock, first)
    answer(collection, clock, second)
    collection.set_flag([first.id], 2)  # writes the two answers' steps, then its own
    answer(collection, clock, third)
    assert [collection.undo() for _ in range(4)] == ["answer", "flag", "answer", "answer"]
    assert [collection.card(c.id) for c in (first, second, third)] == [first, second, third]
    assert walk_back(collection) == []


def test_a_rolled_back_transaction_leaves_the_held_steps_as_they_were(collection, clock):
    first, second = add_cards(collection, 2)
    answer(collection, clock, first)
    after_first = collection.card(first.id)
    with pytest.raises(RuntimeError), collection.store.transaction():
        collection.store.push_undo(UndoStep("flag", cards_before=(after_first,)), NOON)  # writes the held step
        collection.store.hold_undo(UndoStep("answer", cards_before=(second,)), NOON)
        raise RuntimeError("rolled back")
    assert undo_steps_in_table(collection) == 0
    assert walk_back(collection) == ["answer"]  # neither the flag nor the second answer was kept
    assert collection.card(first.id) == first


def test_an_answer_refused_by_a_full_disk_holds_no_undo_step(collection, clock):
    [card] = add_cards(collection, 1)
    connection = collection.store.db.conn
    connection.execute(f"PRAGMA max_page_count = {connection.execute('PRAGMA page_count').fetchone()[0]}")
    answered = []  # the card before each answer that was saved
    with pytest.raises(DiskFullError):
        for _ in range(500):  # Again: the card comes back, and its review log fills the pages
            answered.append(answer(collection, clock, card, Rating.AGAIN))
    connection.execute("PRAGMA max_page_count = 1073741823")
    assert collection.undo() == "answer"  # the last answer that was saved, not the refused one
    assert collection.card(card.id) == answered[-1]
    assert len(collection.card_info(card.id).history) == len(answered) - 1


def test_held_steps_are_written_at_close_and_undo_walks_back_after_reopening(tmp_path, clock):
    path = tmp_path / "col.heatcards"
    with open_collection(path, clock) as collection:
        cards = add_cards(collection, 2)
        collection.set_flag([cards[0].id], 1)
        flagged = collection.card(cards[0].id)
        for card in cards:
            answer(collection, clock, card)
    with open_collection(path, clock) as collection:
        assert undo_steps_in_table(collection) == 3  # the flag, the two answers
        assert [collection.undo() for _ in range(2)] == ["answer", "answer"]
        assert [collection.card(c.id) for c in cards] == [flagged, cards[1]]
        assert walk_back(collection) == ["flag"]


def test_past_the_steps_kept_in_memory_the_older_steps_are_unreachable(collection, clock, monkeypatch):
    monkeypatch.setattr(storage, "UNDO_STEPS_KEPT", 3)
    [card] = add_cards(collection, 1)
    collection.set_flag([card.id], 1)
    answers = [answer(collection, clock, card, Rating.AGAIN) for _ in range(4)]
    assert walk_back(collection) == ["answer"] * 3  # neither the first answer nor the flag before it
    assert collection.card(card.id) == answers[1]


def test_steps_held_past_twice_the_kept_ones_leave_only_the_older_ones_unreachable(collection, clock, monkeypatch):
    monkeypatch.setattr(storage, "UNDO_STEPS_KEPT", 2)
    [card] = add_cards(collection, 1)
    answers = [answer(collection, clock, card, Rating.AGAIN) for _ in range(7)]  # the held list is cut at the fifth
    assert walk_back(collection) == ["answer"] * 2
    assert collection.card(card.id) == answers[5]


def test_rolled_back_answers_leave_the_held_steps_as_they_were_whether_they_cut_them_or_not(collection, clock, monkeypatch):
    monkeypatch.setattr(storage, "UNDO_STEPS_KEPT", 2)
    [card] = add_cards(collection, 1)
    answers = []
    for held in (3, 4):  # the held list is cut when it holds 4 steps, at the fifth
        answers += [answer(collection, clock, card, Rating.AGAIN) for _ in range(held - len(answers))]
        with pytest.raises(RuntimeError), collection.store.transaction():
            collection.store.hold_undo(UndoStep("flag", cards_before=(card,)), NOON)
            raise RuntimeError("rolled back")
    assert walk_back(collection) == ["answer"] * 2
    assert collection.card(card.id) == answers[2]


def test_a_close_that_cannot_write_the_held_steps_leaves_the_older_ones_unreachable(tmp_path, clock):
    path = tmp_path / "col.heatcards"
    with open_collection(path, clock) as collection:
        [card] = add_cards(collection, 1)
        collection.set_flag([card.id], 1)
        connection = collection.store.db.conn
        connection.execute(f"PRAGMA max_page_count = {connection.execute('PRAGMA page_count').fetchone()[0]}")
        with pytest.raises(DiskFullError):
            for _ in range(500):
                answer(collection, clock, card, Rating.AGAIN)
        reviews = collection.store.review_count()
    with open_collection(path, clock) as collection:
        assert collection.store.review_count() == reviews
        with pytest.raises(NothingToUndoError):  # the flag's step would skip every answer
            collection.undo()


def test_a_killed_process_leaves_no_undo_that_skips_its_answers(tmp_path, clock):
    path = tmp_path / "col.heatcards"
    with open_collection(path, clock) as collection:
        cards = add_cards(collection, 3)
        collection.set_flag([cards[0].id], 1)
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os, signal
            from datetime import timezone
            from heatcards.clock import FixedClock
            from heatcards.collection import Collection
            col = Collection(
                {str(path)!r}, clock=FixedClock({NOON + MINUTE}), calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False
            )
            for card_id in {[c.id for c in cards]!r}:
                col.answer(card_id, 3)
            os.kill(os.getpid(), signal.SIGKILL)
        """)],
        capture_output=True, text=True, timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    with open_collection(path, clock) as collection:
        assert collection.store.review_count() == 3  # every answer was committed
        with pytest.raises(NothingToUndoError):
            collection.undo()
        answer(collection, clock, cards[0])  # and undo works again from there
        assert collection.undo() == "answer"


def test_clearing_undo_forgets_the_held_steps_too(collection, clock):
    [card] = add_cards(collection, 1)
    answer(collection, clock, card)
    with collection.store.transaction():
        collection.store.clear_undo()
    assert collection.undo_preview() is None


def test_a_backup_taken_while_steps_are_held_restores_without_an_undo_that_skips_answers(tmp_path, clock):
    path = tmp_path / "col.heatcards"
    with open_collection(path, clock) as collection:
        [card] = add_cards(collection, 1)
        collection.set_flag([card.id], 1)
        answer(collection, clock, card)
        backup = collection.backup()  # holds the answer, not its undo step
        clock.advance(MINUTE)
    collection.backups.restore(backup.path)
    with open_collection(path, clock) as restored:
        assert restored.store.review_count() == 1
        with pytest.raises(NothingToUndoError):  # the flag's step would skip the answer
            restored.undo()
