"""FSRS scheduling in isolation: golden sequences (fuzz off) and properties."""
import math
from dataclasses import replace
from datetime import timezone

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heatcards import scheduling
from heatcards.clock import SECONDS_PER_DAY, DayCalendar
from heatcards.errors import InvalidInputError
from heatcards.model import Card, CardState, Preset, Rating
from heatcards.scheduling import DEFAULT_PARAMETERS, Scheduler, fuzz_bounds, fuzz_number, retrievability

from .conftest import NOON

CALENDAR = DayCalendar(timezone.utc, 4)


def scheduler(fuzz=False, **options) -> Scheduler:
    return Scheduler(Preset(id=1, name="t", **options), CALENDAR, fuzz=fuzz)


def test_new_card_buttons_follow_learning_steps():
    previews = scheduler().previews(Card(1, 1, 1, 0), NOON)
    assert [p.state for p in previews] == [CardState.LEARNING, CardState.LEARNING, CardState.LEARNING, CardState.REVIEW]
    assert [p.delay_seconds for p in previews[:3]] == [60, 330, 600]  # 1m, halfway to 10m, 10m
    assert [p.label() for p in previews[:3]] == ["1m", "6m", "10m"]
    # Easy graduates straight away with FSRS-6's initial Easy stability (about 8.3 days)
    assert previews[3].interval_days == round(DEFAULT_PARAMETERS[3])


def test_a_step_that_reaches_the_rollover_waits_for_the_day_it_reaches_as_in_anki():
    """Anki turns a step that reaches the next day's rollover into whole days (rslib
    `maybe_as_days`): due at the start of day ((delay - seconds to the rollover) // 1 day) + 1."""
    s = scheduler(learning_steps=(1.0, 10.0, 2880.0))
    tomorrow = CALENDAR.next_day_start(NOON)  # 04:00:01, the second after the rollover
    rollover = tomorrow - 1
    now = rollover - 299  # 03:55:01
    again, hard, good, _ = s.previews(Card(1, 1, 1, 0), now)
    assert (again.due, again.label()) == (now + 60, "1m")  # before the rollover: minutes
    assert (hard.due, hard.label()) == (tomorrow, "1d")  # 5.5 minutes reach 04:00:31
    assert (good.due, good.label()) == (tomorrow, "1d")
    assert s.answer(Card(1, 1, 1, 0), Rating.GOOD, now).card.due == tomorrow
    second_step = Card(1, 1, 1, 0, state=CardState.LEARNING, due=now, remaining_steps=2, last_review=now - 600, reps=2)
    third = s.answer(second_step, Rating.GOOD, now).card  # two days from 03:55 pass two rollovers
    assert (third.state, third.remaining_steps, third.due) == (CardState.LEARNING, 1, CALENDAR.day_start(CALENDAR.day(now) + 2))
    # a step due one second before the rollover stays in seconds; one due on it does not
    assert s.answer(Card(1, 1, 1, 0), Rating.AGAIN, rollover - 61).card.due == rollover - 1
    assert s.answer(Card(1, 1, 1, 0), Rating.AGAIN, rollover - 60).card.due == tomorrow


def test_steps_are_whole_seconds_of_32_bit_minutes_as_in_anki():
    """Anki keeps steps in 32-bit minutes: 0.35 minutes is 21 s there, where 64 bits give 20.99... s."""
    assert scheduler(learning_steps=(0.35,)).answer(Card(1, 1, 1, 0), Rating.AGAIN, NOON).card.due == NOON + 21


def test_golden_sequence_default_parameters():
    """Pinned with fuzz off: new -> Good, Good (10 min later), then reviews on the due day."""
    s = scheduler()
    card, now, seen = Card(7, 1, 1, 0), NOON, []
    for rating in (Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.GOOD):
        card = s.answer(card, rating, now).card
        seen.append((card.state.name, card.interval, round(card.stability, 4), round(card.difficulty, 4)))
        now = card.due if card.state is not CardState.REVIEW else card.due + 8 * 3600
    assert [x[:2] for x in seen] == [
        ("LEARNING", 0),
        ("REVIEW", 2),
        ("REVIEW", 11),
        ("REVIEW", 46),
        ("RELEARNING", 3),
        ("REVIEW", 3),
        ("REVIEW", 8),
    ]
    assert seen[0][2:] == (2.3065, 2.1181)


def test_relearning_card_keeps_lapse_interval_and_counts_lapse():
    s = scheduler()
    review = Card(3, 1, 1, 0, state=CardState.REVIEW, due=NOON, interval=20, stability=20.0, difficulty=5.0, last_review=NOON - 20 * SECONDS_PER_DAY, reps=5)
    answer = s.answer(review, Rating.AGAIN, NOON)
    assert answer.card.state is CardState.RELEARNING
    assert answer.card.lapses == 1
    assert answer.card.due == NOON + 600
    assert answer.kind.value == "review"


def test_review_intervals_are_ordered_and_bounded():
    s = scheduler(maximum_interval=30)
    review = Card(3, 1, 1, 0, state=CardState.REVIEW, due=NOON, interval=20, stability=25.0, difficulty=5.0, last_review=NOON - 20 * SECONDS_PER_DAY, reps=5)
    hard, good, easy = (p.interval_days for p in s.previews(review, NOON)[1:])
    assert hard <= good <= easy <= 30


def test_fuzz_preview_equals_applied_and_stays_in_bounds():
    s = scheduler(fuzz=True)
    for card_id in range(1, 200):
        review = Card(card_id, 1, 1, 0, state=CardState.REVIEW, due=NOON, interval=30, stability=40.0, difficulty=5.0, last_review=NOON - 30 * SECONDS_PER_DAY, reps=4)
        previews = s.previews(review, NOON)
        for preview in previews:
            assert s.answer(review, preview.rating, NOON).card.due == preview.due
    # delta = 1 + 0.15·4.5 + 0.1·13 + 0.05·20 = 3.975 days around 40
    assert fuzz_bounds(40.0, 1, 36500) == (36, 44)
    assert fuzz_bounds(40.0, 41, 36500) == (41, 44)
    assert fuzz_bounds(2.0, 1, 36500) == (2, 2)


def test_fuzz_spreads_intervals():
    s = scheduler(fuzz=True)
    goods = set()
    for card_id in range(1, 100):
        review = Card(card_id, 1, 1, 0, state=CardState.REVIEW, due=NOON, interval=30, stability=40.0, difficulty=5.0, last_review=NOON - 30 * SECONDS_PER_DAY, reps=4)
        goods.add(s.previews(review, NOON)[2].interval_days)
    assert len(goods) > 3


def test_fuzz_number_is_fixed_per_card_and_review_and_spread_evenly():
    """Consecutive card ids (and review counts) fill each tenth of [0, 1) about equally."""
    numbers = [fuzz_number(card_id, reps) for card_id in range(1_700_000_000_000, 1_700_000_002_000) for reps in range(5)]
    assert all(0.0 <= n < 1.0 for n in numbers)
    assert fuzz_number(1_700_000_000_123, 4) == fuzz_number(1_700_000_000_123, 4) != fuzz_number(1_700_000_000_123, 5)
    tenths = [0] * 10
    for n in numbers:
        tenths[int(n * 10)] += 1
    assert all(abs(count - 1000) < 120 for count in tenths), tenths  # 10,000 draws; ~4 standard deviations
    assert len(set(numbers)) == len(numbers)


def test_ratings_are_validated():
    for wrong in (0, 5, -1, "x", None, 2.5j):
        with pytest.raises(InvalidInputError, match="rating must be 1"):
            scheduler().answer(Card(1, 1, 1, 0), wrong, NOON)
    for value in (1, 2, 3, 4, "3"):
        assert scheduler().answer(Card(1, 1, 1, 0), value, NOON).card.reps == 1


def test_retrievability_formula():
    assert retrievability(10.0, 10.0) == pytest.approx(0.9)
    assert retrievability(10.0, 0.0) == 1.0
    assert retrievability(10.0, 100.0) < retrievability(10.0, 50.0)


ratings = st.lists(st.sampled_from(list(Rating)), min_size=1, max_size=25)
gaps = st.lists(st.integers(min_value=0, max_value=400 * SECONDS_PER_DAY), min_size=25, max_size=25)


@settings(max_examples=200, deadline=None)
@given(ratings, gaps, st.booleans())
def test_any_sequence_keeps_due_after_review_and_memory_consistent(sequence, waits, fuzz):
    s = scheduler(fuzz=fuzz)
    card, now, history = Card(11, 1, 1, 0), NOON, []
    for rating, wait in zip(sequence, waits):
        card = s.answer(card, rating, now).card
        history.append((now, int(rating)))
        assert card.due >= now
        assert card.last_review == now
        assert 1 <= card.difficulty <= 10 and card.stability > 0
        if card.state is CardState.REVIEW:
            assert 1 <= card.interval <= 36500
        now = now + wait
    # replaying the whole history at once gives the memory state reached step by step
    stability, difficulty = s.memory_from_history(history)
    assert stability == pytest.approx(card.stability, rel=1e-5)
    assert difficulty == pytest.approx(card.difficulty, rel=1e-5)


# FSRS-6 parameters other than the defaults (a preset's own)
OWN_PARAMETERS = (0.3, 1.4, 2.5, 9.0, 6.5, 0.8, 3.0, 0.002, 1.9, 0.17, 0.8, 1.5, 0.06, 0.27, 1.6, 0.6, 1.9, 0.55, 0.1, 0.07, 0.2)


@settings(max_examples=100, deadline=None)
@given(ratings, gaps, st.integers(min_value=1, max_value=24), st.sampled_from([(), OWN_PARAMETERS]))
def test_a_replay_gives_the_state_each_answer_left(sequence, waits, split, parameters):
    """What the statistics' calibration replays where the log records no state: the stabilities
    answering the card left, one by one, the last one `memory_from_history`'s; continued from one of
    the states (in the same call), the replay gives the stabilities after it."""
    s = scheduler(parameters=parameters)
    card, now, recorded, history, timed = Card(11, 1, 1, 0), NOON, [], [], []
    for rating, wait in zip(sequence, waits):
        card = s.answer(card, rating, now).card
        recorded.append((card.stability, card.difficulty))
        history.append((int(rating), 0 if not timed else CALENDAR.day(now) - CALENDAR.day(timed[-1][0])))
        timed.append((now, int(rating)))
        now = now + wait
    split = min(split, len(history) - 1)
    continued = history[split:] if split else []
    ratings, elapsed = np.array([*history, *continued]).reshape(-1, 2).T
    states_before = [(math.nan, math.nan), recorded[split - 1]] if split else [(math.nan, math.nan)]
    firsts = np.array([0, len(history)][: len(states_before)])
    replayed = s.replay_stabilities(ratings, elapsed, firsts, np.array(states_before))
    assert len(replayed) == len(history) + len(continued)
    stabilities = replayed[: len(history)].tolist()
    assert stabilities == pytest.approx([stability for stability, _ in recorded], rel=1e-5)
    assert stabilities[-1] == pytest.approx(s.memory_from_history(timed)[0], rel=1e-5)
    assert replayed[len(history) :].tolist() == pytest.approx(stabilities[len(history) - len(continued) :], rel=1e-5)



def test_a_replay_in_several_library_calls_gives_what_one_call_gives(monkeypatch):
    """The replay goes to fsrs-rs in batches of histories (the library holds the GIL through a call)."""
    histories = [[(3, 0), (3, 2), (1, 5)], [(4, 0)], [(2, 0), (3, 1)], [(3, 0), (1, 3), (3, 1), (4, 7)]]
    ratings, elapsed = np.array([review for history in histories for review in history]).T
    firsts = np.cumsum([0, *map(len, histories)])[:-1]
    states_before = np.array([(math.nan, math.nan), (5.0, 6.0), (math.nan, math.nan), (2.5, 4.0)])
    s = scheduler()
    at_once = s.replay_stabilities(ratings, elapsed, firsts, states_before)
    monkeypatch.setattr(scheduling, "REPLAY_HISTORIES_PER_CALL", 1)
    assert s.replay_stabilities(ratings, elapsed, firsts, states_before).tolist() == at_once.tolist()
    assert len(at_once) == len(ratings)

def replay(s: Scheduler, history: list[tuple[int, int]]) -> list[float]:
    ratings, elapsed = np.array(history).T
    return s.replay_stabilities(ratings, elapsed, np.array([0]), np.full((1, 2), math.nan)).tolist()


def test_a_replay_checks_its_history():
    for ratings in ([3, 5], [0, 3], [3, 9]):
        with pytest.raises(InvalidInputError, match="rating must be 1"):
            replay(scheduler(), [(ratings[0], 0), (ratings[1], 2)])
    with pytest.raises(InvalidInputError, match="not in time order"):
        replay(scheduler(), [(3, 0), (3, -1)])
    nothing = np.array([], dtype=int)
    assert scheduler().replay_stabilities(nothing, nothing, nothing, np.empty((0, 2))).tolist() == []
