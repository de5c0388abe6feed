"""Importing a review log: every card's history replayed through the scheduler."""
from collections import defaultdict
from dataclasses import replace
from datetime import timezone

import fsrs_rs_python as fsrs
import pytest

from heatcards.clock import SECONDS_PER_DAY, FixedClock
from heatcards.collection import Collection, imported_review_id
from heatcards.errors import CancelledError, InvalidInputError
from heatcards.formats.review_log import ReviewLogRow, read_review_log
from heatcards.model import CardState, Rating, ReviewKind
from heatcards.scheduling import DEFAULT_PARAMETERS

from .conftest import NOON, needs_shared

DAY = SECONDS_PER_DAY
CARD = 1711684180217


def rows_of(card_id, *answers, start=NOON - 30 * DAY):
    """ReviewLogRow for (days after `start`, rating) pairs."""
    return [ReviewLogRow(card_id, rating, (start + int(days * DAY)) * 1000, 4000) for days, rating in answers]


def comparable(entry):
    """A log entry without its id (a replay keeps ids; studying makes new ones)."""
    return replace(entry, id="")


@pytest.fixture
def josh():
    return read_review_log(needs_shared("data/py-fsrs_review_logs_josh.csv"))


def test_the_real_log_arrives_whole_with_fsrs_memory_states(collection, josh):
    report, changes = collection.import_review_log(josh, source_name="py-fsrs_review_logs_josh.csv")
    assert (report.added, report.cards_added, report.reviews_added) == (1205, 1205, 12580)
    assert len(changes.cards) == 1205
    deck = collection.deck_named("py-fsrs_review_logs_josh")
    assert len(collection.card_ids_in_deck(deck.id)) == 1205
    assert collection.store.review_count() == 12580
    model = fsrs.FSRS(list(DEFAULT_PARAMETERS))
    history = defaultdict(list)
    for row in josh:
        history[row.card_id].append(row)
    calendar = collection.calendar
    for card_id, reviews in history.items():
        card = collection.card(card_id)
        days = [calendar.day(r.time_ms // 1000) for r in reviews]
        item = fsrs.FSRSItem([fsrs.FSRSReview(r.rating, day - days[max(0, i - 1)]) for i, (r, day) in enumerate(zip(reviews, days))])
        expected = model.memory_state(item)
        assert card.stability == pytest.approx(expected.stability, rel=1e-4), card_id
        assert card.difficulty == pytest.approx(expected.difficulty, rel=1e-4), card_id
        assert card.reps == len(reviews) and card.last_review == reviews[-1].time_ms // 1000
        assert collection.note(card.note_id).fields == (str(card_id), "")
        if card.state is CardState.REVIEW:
            assert card.due == calendar.day_start(calendar.day(card.last_review) + card.interval)


def test_a_replayed_card_is_what_studying_it_would_have_made(collection, josh, tmp_path):
    rows = [r for r in josh if r.card_id == CARD]
    collection.import_review_log(rows, source_name="josh.csv")
    clock = FixedClock(rows[0].time_ms / 1000)
    with Collection(tmp_path / "studied.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as studied:
        card_id = studied.store.cards_of_note(studied.add_note("Basic", [str(CARD), ""], "josh").id)[0].id
        for row in rows:
            clock.current = row.time_ms / 1000
            studied.answer(card_id, row.rating, row.duration_ms)
        ours, theirs = collection.card(CARD), studied.card(card_id)
        assert replace(ours, id=card_id, note_id=theirs.note_id, deck_id=theirs.deck_id, due=ours.due) == replace(theirs, due=ours.due)
        assert ours.due == theirs.due
        expected = [replace(comparable(e), card_id=CARD) for e in studied.store.reviews_of_card(card_id)]
        assert [comparable(e) for e in collection.store.reviews_of_card(CARD)] == expected
    assert [e.id for e in collection.store.reviews_of_card(CARD)] == [imported_review_id(CARD, r.time_ms) for r in rows]


def test_importing_the_same_log_again_adds_nothing(collection, josh):
    collection.import_review_log(josh, source_name="josh.csv")
    cards = collection.store.cards(collection.store.card_ids())
    report, changes = collection.import_review_log(josh, source_name="josh.csv")
    assert (report.added, report.updated, report.unchanged, report.reviews_added) == (0, 0, 1205, 0)
    assert collection.store.review_count() == 12580
    assert collection.store.cards(collection.store.card_ids()) == cards
    assert changes.cards == frozenset() and not changes.queue


def test_a_log_in_two_parts_ends_as_the_whole_log(collection, tmp_path, clock):
    answers = [(0, 3), (0.01, 3), (2, 3), (7, 1), (7.01, 3), (9, 4), (25, 2)]
    whole = rows_of(7, *answers)
    collection.import_review_log(whole[::2], source_name="first.csv")  # every other review first
    report, _ = collection.import_review_log(whole, source_name="second.csv")
    assert (report.updated, report.reviews_added, report.cards_added) == (1, 3, 0)
    with Collection(tmp_path / "other.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as other:
        other.import_review_log(whole, source_name="first.csv")
        assert replace(collection.card(7), note_id=0) == replace(other.card(7), note_id=0)
        assert collection.store.reviews_of_card(7) == other.store.reviews_of_card(7)


def test_a_card_studied_here_gets_older_reviews_and_is_replayed_from_its_whole_history(collection, clock):
    note = collection.add_note("Basic", ["studied here", ""], "Default")
    card_id = collection.store.cards_of_note(note.id)[0].id
    collection.answer(card_id, Rating.GOOD)
    mine = collection.store.reviews_of_card(card_id)[0]
    older = rows_of(card_id, (0, 3), (0.01, 3), (5, 3))
    report, changes = collection.import_review_log(older, source_name="older.csv")
    assert (report.updated, report.reviews_added) == (1, 3)
    assert changes.cards == {card_id}
    log = collection.store.reviews_of_card(card_id)
    assert [e.id for e in log][-1] == mine.id and log[-1].time == mine.time
    assert log[-1].state_before is CardState.REVIEW and log[-1].kind is ReviewKind.REVIEW  # no longer its first answer
    card = collection.card(card_id)
    assert card.reps == 4 and card.last_review == NOON
    expected = collection.scheduler_for(collection.deck_named("Default")).memory_from_history(
        [(r.time_ms // 1000, r.rating) for r in older] + [(NOON, 3)]
    )
    assert (card.stability, card.difficulty) == pytest.approx(expected)


def test_a_reset_in_the_history_starts_the_card_again(collection, clock):
    note = collection.add_note("Basic", ["reset", ""], "Default")
    card_id = collection.store.cards_of_note(note.id)[0].id
    collection.import_review_log(rows_of(card_id, (0, 3), (0.01, 3), (4, 3), start=NOON - 40 * DAY), source_name="a.csv")
    collection.forget([card_id])
    clock.advance(60)
    collection.answer(card_id, Rating.AGAIN)
    collection.import_review_log(rows_of(card_id, (1, 3), start=NOON), source_name="b.csv")
    card = collection.card(card_id)
    assert card.reps == 2 and card.lapses == 0  # the answers after the reset only
    expected = collection.scheduler_for(collection.deck_named("Default")).memory_from_history([(NOON + 60, 1), (NOON + DAY, 3)])
    assert (card.stability, card.difficulty) == pytest.approx(expected)
    kinds = [e.kind for e in collection.store.reviews_of_card(card_id)]
    assert kinds == [ReviewKind.LEARN, ReviewKind.LEARN, ReviewKind.REVIEW, ReviewKind.MANUAL, ReviewKind.LEARN, ReviewKind.LEARN]


def test_the_deck_for_new_cards_can_be_chosen(collection):
    collection.import_review_log(rows_of(5, (0, 3)), source_name="log.csv", deck="Imported::History")
    assert collection.card(5).deck_id == collection.deck_named("Imported::History").id


@pytest.mark.parametrize("fail", ["bad rating", "cancel"])
def test_a_failed_or_cancelled_import_changes_nothing(collection, fail):
    note = collection.add_note("Basic", ["mine", ""], "Default")
    card_id = collection.store.cards_of_note(note.id)[0].id
    before = (collection.decks(), collection.store.cards(collection.store.card_ids()), collection.store.review_count())
    rows = rows_of(card_id, (0, 3)) + rows_of(99, (0, 3), (1, 3 if fail == "cancel" else 7))

    def progress(stage, done, total):
        if fail == "cancel" and done == total:
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError if fail == "cancel" else InvalidInputError):
        collection.import_review_log(rows, source_name="x.csv", progress=progress)
    assert (collection.decks(), collection.store.cards(collection.store.card_ids()), collection.store.review_count()) == before
