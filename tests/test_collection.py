"""The collection facade: notes, cards, the study queue, answers, undo and card operations."""
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import timezone

import pytest

from heatcards.clock import SECONDS_PER_DAY, FixedClock
from heatcards.collection import Collection
from heatcards.errors import CollectionInUseError, InvalidInputError, NothingToUndoError, NotFoundError, SchemaTooNewError
from heatcards.model import CardState, Rating, ReviewKind

from .conftest import NOON


def add_basic(collection, front="Who directed Heat?", back="Michael Mann", deck="Films", tags=()):
    return collection.add_note("Basic", {"Front": front, "Back": back}, deck, tags=tags)


def test_new_collection_has_defaults_and_builtin_notetypes(collection):
    assert [d.name for d in collection.decks()] == ["Default"]
    names = {n.name for n in collection.notetypes()}
    assert names == {
        "Basic",
        "Basic (and reversed card)",
        "Basic (optional reversed card)",
        "Cloze",
        "Basic (type in the answer)",
    }


def test_collection_path_and_missing_folders_are_created(tmp_path, clock):
    path = tmp_path / "a" / "b" / "my.heatcards"
    with Collection(path, clock=clock, install_heat_deck=False):
        pass
    assert path.exists()
    assert (tmp_path / "a" / "b" / "my.media").is_dir()


def test_add_note_makes_one_card_per_template_and_cloze_number(collection):
    basic = add_basic(collection)
    reversed_note = collection.add_note("Basic (and reversed card)", ["De Niro", "Neil McCauley"], "Films")
    cloze = collection.add_note("Cloze", ["{{c1::Mann}} made {{c2::Heat}} in {{c1::1995}}", ""], "Films")
    assert len(collection.store.cards_of_note(basic.id)) == 1
    assert [c.ordinal for c in collection.store.cards_of_note(reversed_note.id)] == [0, 1]
    assert [c.ordinal for c in collection.store.cards_of_note(cloze.id)] == [0, 1]


def test_add_note_rejects_unknown_field_and_empty_note(collection):
    with pytest.raises(InvalidInputError, match="no field 'Answer'"):
        collection.add_note("Basic", {"Front": "x", "Answer": "y"}, "Films")
    with pytest.raises(InvalidInputError, match="no cards"):
        collection.add_note("Basic", {"Front": "", "Back": "y"}, "Films")
    with pytest.raises(NotFoundError, match="no note type named 'Nope'"):
        collection.add_note("Nope", [], "Films")


def test_subdecks_are_created_with_parents_and_counted(collection):
    collection.add_note("Basic", ["q1", "a1"], "Films::Heat")
    collection.add_note("Basic", ["q2", "a2"], "Films::Thief")
    counts = {row.deck.name: row.counts for row in collection.deck_counts()}
    assert counts["Films"].new == 2
    assert counts["Films::Heat"].new == 1
    assert counts["Default"].new == 0


def test_queue_order_learning_then_review_then_new_with_limits(collection, clock):
    films = collection.add_deck("Films")
    notes = [add_basic(collection, front=f"q{i}", back=f"a{i}") for i in range(25)]
    card, counts = collection.next_card(films)
    assert (counts.new, counts.learning, counts.review) == (20, 0, 0)  # new cards/day = 20
    assert card.note_id == notes[0].id
    collection.answer(card.id, Rating.AGAIN)
    card2, counts = collection.next_card(films)
    assert (counts.new, counts.learning) == (19, 1)
    assert card2.note_id == notes[1].id  # the learning card is not due for a minute
    clock.advance(61)
    card3, _ = collection.next_card(films)
    assert card3.id == card.id  # learning card due now comes first


def test_answer_is_logged_and_card_progress_is_kept(collection, clock):
    add_basic(collection)
    deck = collection.deck_named("Films")
    card, _ = collection.next_card(deck)
    collection.answer(card.id, Rating.GOOD, duration_ms=4200)
    after = collection.card(card.id)
    assert after.state is CardState.LEARNING and after.remaining_steps == 1
    assert after.due == NOON + 600 and after.reps == 1
    clock.advance(600)
    collection.answer(card.id, Rating.GOOD, duration_ms=3000)
    graduated = collection.card(card.id)
    assert graduated.state is CardState.REVIEW and graduated.interval >= 1
    info = collection.card_info(card.id)
    assert [e.kind for e in info.history] == [ReviewKind.LEARN, ReviewKind.LEARN]
    assert [e.rating for e in info.history] == [3, 3]
    assert info.average_answer_seconds == pytest.approx(3.6)
    assert info.retrievability == pytest.approx(1.0)
    assert info.history[-1].stability == pytest.approx(graduated.stability)
    assert len({e.id for e in info.history}) == 2


def test_undo_restores_card_exactly_and_walks_back(collection, clock):
    add_basic(collection)
    deck = collection.deck_named("Films")
    card, _ = collection.next_card(deck)
    original = collection.card(card.id)
    collection.answer(card.id, Rating.GOOD)
    after_first = collection.card(card.id)
    clock.advance(600)
    collection.answer(card.id, Rating.EASY)
    assert collection.undo() == "answer"
    assert collection.card(card.id) == after_first
    assert len(collection.card_info(card.id).history) == 1
    collection.undo()
    assert collection.card(card.id) == original
    assert collection.card_info(card.id).history == ()
    with pytest.raises(NothingToUndoError):
        collection.undo()


def test_bury_suspend_flag_mark_and_their_undo(collection, clock):
    note = collection.add_note("Basic (and reversed card)", ["Pacino", "Vincent Hanna"], "Films")
    deck = collection.deck_named("Films")
    first, second = collection.store.cards_of_note(note.id)
    collection.bury([first.id])
    assert collection.card(first.id).is_buried(clock.now())
    assert collection.next_card(deck)[0].id == second.id
    clock.advance(SECONDS_PER_DAY)  # buried cards come back the next day
    assert not collection.card(first.id).is_buried(clock.now())
    collection.suspend_note(note.id)
    assert collection.next_card(deck)[0] is None
    collection.undo()
    assert not collection.card(second.id).suspended
    collection.set_flag([second.id], 3)
    assert collection.card(second.id).flag == 3
    with pytest.raises(InvalidInputError):
        collection.set_flag([second.id], 9)
    collection.toggle_mark(note.id)
    assert "marked" in collection.note(note.id).tags
    collection.undo()
    assert "marked" not in collection.note(note.id).tags


def test_bury_siblings_when_the_preset_asks(collection):
    from dataclasses import replace

    deck = collection.add_deck("Films")
    preset = collection.preset_of(deck)
    collection.update_preset(replace(preset, bury_new_siblings=True))
    note = collection.add_note("Basic (and reversed card)", ["Kilmer", "Chris"], "Films")
    first, second = collection.store.cards_of_note(note.id)
    collection.answer(first.id, Rating.GOOD)
    assert collection.card(second.id).is_buried(collection.now())


@pytest.mark.parametrize(
    "option, sibling_rating",
    [(None, None), ("bury_new_siblings", None), ("bury_review_siblings", Rating.EASY), ("bury_interday_learning_siblings", Rating.AGAIN)],
)
def test_each_bury_option_alone_buries_siblings_of_its_kind(collection, option, sibling_rating):
    """The sibling is new, made a review (Easy) or put in learning (Again) before the other card is answered."""
    from dataclasses import replace

    deck = collection.add_deck("Films")
    if option is not None:
        collection.update_preset(replace(collection.preset_of(deck), **{option: True}))
    note = collection.add_note("Basic (and reversed card)", ["Kilmer", "Chris"], "Films")
    first, second = collection.store.cards_of_note(note.id)
    if sibling_rating is not None:
        collection.answer(second.id, sibling_rating)
    collection.answer(first.id, Rating.GOOD)
    assert collection.card(second.id).is_buried(collection.now()) is (option is not None)


def test_forget_resets_to_new_and_keeps_history(collection, clock):
    add_basic(collection)
    card, _ = collection.next_card(collection.deck_named("Films"))
    collection.answer(card.id, Rating.EASY)
    collection.forget([card.id])
    reset = collection.card(card.id)
    assert reset.state is CardState.NEW and reset.stability is None and reset.reps == 0
    kinds = [e.kind for e in collection.card_info(card.id).history]
    assert kinds == [ReviewKind.LEARN, ReviewKind.MANUAL]


def test_set_due_date(collection, clock):
    add_basic(collection)
    card, _ = collection.next_card(collection.deck_named("Films"))
    collection.set_due_date([card.id], 3)
    moved = collection.card(card.id)
    assert moved.state is CardState.REVIEW
    assert collection.calendar.day(moved.due) == collection.calendar.day(NOON) + 3
    with pytest.raises(InvalidInputError):
        collection.set_due_date([card.id], -1)


def test_edit_note_keeps_progress_and_adds_new_cards(collection):
    note = collection.add_note("Basic (optional reversed card)", ["Trejo", "Ex-con cast in Heat", ""], "Films")
    (card,) = collection.store.cards_of_note(note.id)
    collection.answer(card.id, Rating.EASY)
    studied = collection.card(card.id)
    collection.update_note(note.id, ["Danny Trejo", "Ex-con cast in Heat", "y"], tags=["cast"])
    cards = collection.store.cards_of_note(note.id)
    assert [c.ordinal for c in cards] == [0, 1]
    assert cards[0] == studied
    assert collection.note(note.id).fields[0] == "Danny Trejo"
    assert collection.note(note.id).tags == ("cast",)


def test_leech_is_tagged_after_threshold_lapses(collection, clock):
    from dataclasses import replace

    deck = collection.add_deck("Films")
    collection.update_preset(replace(collection.preset_of(deck), leech_threshold=2, relearning_steps=()))
    note = add_basic(collection)
    (card,) = collection.store.cards_of_note(note.id)
    collection.answer(card.id, Rating.EASY)
    for _ in range(2):
        clock.advance(30 * SECONDS_PER_DAY)
        collection.answer(card.id, Rating.AGAIN)
    assert collection.card(card.id).lapses == 2
    assert "leech" in collection.note(note.id).tags


def test_every_answer_is_on_disk_before_answer_returns(tmp_path, clock):
    path = tmp_path / "durable.heatcards"
    col = Collection(path, clock=clock, install_heat_deck=False)
    add_basic(col)
    card, _ = col.next_card(col.deck_named("Films"))
    col.answer(card.id, Rating.GOOD)
    # a second, independent reader sees the committed review while the writer is still open
    with col.share_for_reading():
        reader = sqlite3.connect(path)
        assert reader.execute("SELECT count(*) FROM revlog").fetchone()[0] == 1
        assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        reader.close()
    col.close()


def test_second_process_gets_in_use_error_naming_the_first(tmp_path):
    path = tmp_path / "locked.heatcards"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from heatcards.collection import Collection
            col = Collection({str(path)!r}, install_heat_deck=False)
            print("open", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(CollectionInUseError, match=f"in use by process {holder.pid}"):
            Collection(path, install_heat_deck=False)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Collection(path, install_heat_deck=False):  # released when the holder exits
        pass


def test_collection_from_a_newer_schema_is_refused(tmp_path, clock):
    path = tmp_path / "future.heatcards"
    Collection(path, clock=clock, install_heat_deck=False).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('heatcards', '9999_future', 'x')")
    db.commit()
    db.close()
    with pytest.raises(SchemaTooNewError, match="newer heatcards"):
        Collection(path, clock=clock)


def test_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "garbage.heatcards"
    path.write_bytes(b"this is not sqlite" * 100)
    from heatcards.storage.faults import CorruptCollectionError

    with pytest.raises(CorruptCollectionError, match="is damaged .*restore the newest good backup"):
        Collection(path)


def test_environment_variable_chooses_the_collection(tmp_path, monkeypatch):
    from heatcards.collection import default_collection_path

    monkeypatch.setenv("HEATCARDS_COLLECTION", str(tmp_path / "env.heatcards"))
    assert default_collection_path() == tmp_path / "env.heatcards"


def test_days_follow_the_rollover_hour(tmp_path):
    clock = FixedClock(NOON)
    col = Collection(tmp_path / "c.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)
    add_basic(col)
    card, _ = col.next_card(col.deck_named("Films"))
    col.set_due_date([card.id], 1)
    deck = col.deck_named("Films")
    clock.current = NOON + 12 * 3600 + 3 * 3600  # 03:00 next calendar day: still "today" before the 4 a.m. rollover
    assert col.counts(deck).review == 0
    clock.current = NOON + 16 * 3600 + 60  # 04:01: the new day has started
    assert col.counts(deck).review == 1
    col.close()


def test_counts_kept_in_memory_equal_counts_from_the_database(collection, clock):
    import random

    from heatcards import queue

    deck = collection.add_deck("Films")
    for i in range(40):
        collection.add_note("Basic (and reversed card)", [f"q{i}", f"a{i}"], "Films::Sub" if i % 3 else "Films")
    rng = random.Random(3)
    for step in range(120):
        card, counts = collection.next_card(deck)
        if card is None:
            clock.advance(rng.choice([60, 600, SECONDS_PER_DAY]))
            continue
        collection.answer(card.id, rng.choice(list(Rating)))
        clock.advance(rng.choice([5, 60, 700]))
        fresh = queue.queue_counts(collection.store, collection.deck_tree_ids(deck), collection.preset_of(deck), collection.calendar, collection.now())
        assert collection.counts(deck) == fresh, step


def test_bury_note_buries_every_card_of_the_note_until_tomorrow(collection, clock):
    note = collection.add_note("Basic (and reversed card)", ["Sizemore", "Michael Cheritto"], "Films")
    collection.bury_note(note.id)
    assert all(c.is_buried(clock.now()) for c in collection.store.cards_of_note(note.id))
    assert collection.next_card(collection.deck_named("Films"))[0] is None
    clock.advance(SECONDS_PER_DAY)
    assert collection.next_card(collection.deck_named("Films"))[0] is not None


def test_an_answer_logs_every_field_of_its_review(collection, clock):
    note = collection.add_note("Basic", ["q", "a"], "Films")
    [card] = collection.store.cards_of_note(note.id)
    clock.advance(0.25)  # the log keeps milliseconds
    collection.answer(card.id, Rating.EASY, duration_ms=4321)  # graduates at once: a review card
    review = collection.card(card.id)
    clock.advance(review.interval * SECONDS_PER_DAY)
    collection.answer(card.id, Rating.HARD, duration_ms=-5)
    first, second = collection.card_info(card.id).history
    assert (first.card_id, first.time, first.rating, first.state_before, first.interval_before) == (card.id, NOON * 1000 + 250, 4, CardState.NEW, 0)
    assert (first.interval_after, first.due_after, first.duration_ms, first.kind) == (review.interval, review.due, 4321, ReviewKind.LEARN)
    assert (first.stability, first.difficulty) == (review.stability, review.difficulty)
    after = collection.card(card.id)
    assert (second.rating, second.state_before, second.interval_before, second.interval_after) == (2, CardState.REVIEW, review.interval, after.interval)
    assert (second.due_after, second.duration_ms, second.kind) == (after.due, 0, ReviewKind.REVIEW)
    assert first.id[:12] == f"{NOON * 1000 + 250:012x}" and len(first.id) == 32 and first.id != second.id


def test_an_in_memory_collection_keeps_its_media_in_a_folder_of_its_own_removed_at_close(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    collection = Collection(":memory:", install_heat_deck=False)
    name = collection.add_media(b"\x89PNG not really", "still.png")
    assert (collection.media_folder / name).read_bytes() == b"\x89PNG not really"
    collection.close()
    assert list(tmp_path.iterdir()) == []  # no ":memory:.media" in the working directory
    assert not collection.media_folder.exists()
