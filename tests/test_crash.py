"""Killing a process that is studying loses nothing it committed (the fast run of bench/torture_crash.py)."""
from dataclasses import replace

import pytest

from bench.torture_crash import (
    START,
    agrees_with_log,
    build_collection,
    check_after_kill,
    open_collection,
    run_crash_test,
)
from heatcards.model import Rating

KILLS = 15  # bench/torture_crash.py runs 200 kills on 10,000 cards
CARDS = 2000


@pytest.mark.slow
def test_sigkill_while_studying_loses_no_committed_answer(tmp_path):
    report = run_crash_test(tmp_path, KILLS, cards=CARDS, seed=7)
    assert report.kills == KILLS
    assert report.answers_reported > KILLS  # the child studied between kills
    assert report.answers_lost == 0
    assert report.integrity_failures == 0
    assert report.half_applied == 0
    assert report.problems_after == ()
    # an answer committed but killed before its report is there too, never the other way round
    assert report.answers_reported <= report.answers_committed <= report.answers_reported + KILLS
    assert report.passed


def answered_collection(tmp_path, answers=5):
    """A crash-test collection with a few answers, as a child would leave it."""
    path = tmp_path / "crash.heatcards"
    build_collection(path, 20)
    reported = []
    with open_collection(path, START) as collection:
        deck = collection.deck_named("Crash")
        for _ in range(answers):
            collection.clock.advance(60)
            card, _ = collection.next_card(deck)
            collection.answer(card.id, Rating.GOOD)
            reported.append((card.id, int(collection.clock.now() * 1000)))
    return path, reported


def test_the_check_after_a_kill_passes_a_sound_collection(tmp_path):
    path, reported = answered_collection(tmp_path)
    result = check_after_kill(path, reported)
    assert (result.integrity_ok, result.reported, result.lost, result.half_applied) == (True, 5, 0, 0)
    assert result.reviews == 5 and result.latest_review == reported[-1][1] // 1000


def test_the_check_after_a_kill_finds_a_lost_answer(tmp_path):
    path, reported = answered_collection(tmp_path)
    with open_collection(path, START) as collection:
        collection.store.delete_reviews([collection.store.reviews_of_card(reported[-1][0])[-1].id])
    result = check_after_kill(path, reported)
    assert result.lost == 1
    assert result.half_applied == 1  # the card moved on without its log entry


def test_the_check_after_a_kill_finds_a_half_applied_answer(tmp_path):
    path, reported = answered_collection(tmp_path)
    card_id = reported[0][0]
    with open_collection(path, START) as collection:
        card = collection.card(card_id)
        with collection.store.transaction():
            collection.store.save_card(replace(card, due=card.due + 600, reps=card.reps + 1))
    assert check_after_kill(path, reported).half_applied == 1


def test_a_card_agrees_with_its_log_only_when_its_last_entry_made_it(tmp_path):
    path, reported = answered_collection(tmp_path, answers=1)
    with open_collection(path, START) as collection:
        card = collection.card(reported[0][0])
        log = collection.store.reviews_of_card(card.id)
    assert agrees_with_log(card, log)
    assert not agrees_with_log(replace(card, stability=card.stability + 1), log)
    assert not agrees_with_log(card, [])
