"""Our FSRS scheduling against Anki 26.9's own engine (the `anki` package), fuzz off.

1. Memory states: thousands of random review histories (same-day reviews, lapses,
   long gaps, reviews on the rollover second) give the stability and difficulty
   Anki computes, to 1e-4 relative.
2. Next states: random study walks through learning, review and relearning; at
   every step, each of the four buttons gives Anki's state, step, delay or
   interval, and memory state.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import timezone

import pytest

anki_oracle = pytest.importorskip("tests.anki_oracle", reason="the anki package (test extra) is not installed")

from heatcards.clock import SECONDS_PER_DAY, DayCalendar  # noqa: E402
from heatcards.model import Card, CardState, Preset, Rating  # noqa: E402
from heatcards.scheduling import DEFAULT_PARAMETERS, Scheduler  # noqa: E402

AnkiOracle, OraclePreset, OracleCardState = anki_oracle.AnkiOracle, anki_oracle.OraclePreset, anki_oracle.OracleCardState

# A second, plausible FSRS-6 parameter set (an optimiser's output on real data would look like this).
TUNED_PARAMETERS = (
    0.35, 1.4, 3.1, 12.5, 6.9, 0.6, 2.3, 0.004, 1.7, 0.12, 1.0, 1.8, 0.09, 0.3, 2.2, 0.25, 2.9, 0.6, 0.4, 0.1, 0.2,
)
STATE_NAMES = {CardState.LEARNING: "learning", CardState.REVIEW: "review", CardState.RELEARNING: "relearning"}
KIND_OF_STATE = {CardState.NEW: "new", **STATE_NAMES}

PRESETS = [
    Preset(id=1, name="defaults"),
    Preset(id=2, name="tuned", parameters=TUNED_PARAMETERS, desired_retention=0.85),
    Preset(id=3, name="one step", learning_steps=(10.0,), relearning_steps=(), desired_retention=0.95),
    Preset(id=4, name="three steps", learning_steps=(1.0, 10.0, 60.0), relearning_steps=(5.0, 20.0), desired_retention=0.8),
    Preset(id=5, name="no steps", learning_steps=(), relearning_steps=(), desired_retention=0.9),
]


def oracle_preset(preset: Preset, rollover: int) -> OraclePreset:
    return OraclePreset(
        parameters=tuple(preset.parameters) or DEFAULT_PARAMETERS,
        desired_retention=preset.desired_retention,
        learning_steps_minutes=preset.learning_steps,
        relearning_steps_minutes=preset.relearning_steps,
        maximum_interval_days=preset.maximum_interval,
        rollover_hour=rollover,
    )


def random_history(rng: random.Random, now: int) -> list[tuple[int, int]]:
    """Reviews in the past: learning on day one, then gaps from minutes to a year."""
    count = rng.randint(1, 14)
    t = now - rng.randint(2, 900) * SECONDS_PER_DAY - rng.randint(0, SECONDS_PER_DAY)
    history = []
    for i in range(count):
        history.append((t, rng.choices([1, 2, 3, 4], weights=[2, 1, 6, 1])[0]))
        roll = rng.random()
        if roll < 0.25:
            gap = rng.randint(60, 3600)  # same day
        elif roll < 0.3:
            gap = SECONDS_PER_DAY - (t % SECONDS_PER_DAY) + rng.choice([0, 1, -1]) + 4 * 3600  # around the rollover
        else:
            gap = rng.randint(1, 120) * SECONDS_PER_DAY + rng.randint(-7200, 7200)
        t += max(gap, 1)
        if t >= now - 60:
            break
    return history


@pytest.mark.parametrize("rollover", [4, 0])
@pytest.mark.parametrize("preset", PRESETS[:2], ids=lambda p: p.name)
def test_memory_state_from_history_matches_anki(preset, rollover):
    rng = random.Random(f"{preset.name}-{rollover}")
    calendar = DayCalendar(timezone.utc, rollover)
    scheduler = Scheduler(preset, calendar, fuzz=False)
    compared = 0
    with AnkiOracle(oracle_preset(preset, rollover)) as oracle:
        for _ in range(600):
            history = random_history(rng, oracle.now())
            theirs = oracle.memory_state(history)
            ours = scheduler.memory_from_history(history)
            assert theirs is not None
            assert ours[0] == pytest.approx(theirs[0], rel=1e-4), history
            assert ours[1] == pytest.approx(theirs[1], rel=1e-4), history
            # the answer path (one review at a time) reaches the same state
            card = Card(1, 1, 1, 0)
            for when, rating in history:
                card = scheduler.answer(card, Rating(rating), when).card
            assert card.stability == pytest.approx(theirs[0], rel=1e-4)
            assert card.difficulty == pytest.approx(theirs[1], rel=1e-4)
            compared += 1
    assert compared == 600


def as_oracle_state(card: Card) -> OracleCardState:
    return OracleCardState(
        kind=KIND_OF_STATE[card.state],
        remaining_steps=card.remaining_steps,
        stability=card.stability,
        difficulty=card.difficulty,
        last_review=card.last_review,
        interval_days=card.interval,
        due=card.due if card.state is not CardState.NEW else None,
        lapses=card.lapses,
        reps=card.reps,
    )


def shifted(card: Card, seconds: int) -> Card:
    """The same card moved in time, with memory rounded as Anki stores it."""
    if card.state is CardState.NEW:
        return card
    return replace(
        card,
        due=card.due + seconds,
        last_review=card.last_review + seconds,
        stability=round(card.stability, 4),
        difficulty=round(card.difficulty, 3),
    )


def applied_step_due(calendar: DayCalendar, now: int, scheduled_seconds: int) -> int:
    """When Anki makes a (re)learning step of `scheduled_seconds` due once answered: a step that
    reaches the rollover becomes whole days (rslib `IntervalKind::maybe_as_days`), due on day
    ((seconds - seconds until the rollover) // 1 day) + 1 from today, which starts the second
    after that day's rollover in heatcards' calendar."""
    until_rollover = calendar.next_day_start(now) - 1 - now
    if scheduled_seconds < until_rollover:
        return now + scheduled_seconds
    return calendar.day_start(calendar.day(now) + (scheduled_seconds - until_rollover) // SECONDS_PER_DAY + 1)


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_next_states_match_anki_along_random_study_walks(preset):
    rng = random.Random(preset.name)
    calendar = DayCalendar(timezone.utc, 4)
    scheduler = Scheduler(preset, calendar, fuzz=False)
    compared = 0
    with AnkiOracle(oracle_preset(preset, 4)) as oracle:
        for walk in range(40):
            card, virtual_now = Card(walk + 1, 1, 1, 0), 1_700_000_000 + rng.randint(0, 10**7)
            for _ in range(12):
                now = oracle.now()
                current = shifted(card, now - virtual_now)
                theirs = oracle.next_outcomes(as_oracle_state(current))
                for rating in Rating:
                    ours = scheduler.answer(current, rating, now).card
                    expected = theirs[int(rating)]
                    context = (preset.name, current, rating)
                    assert STATE_NAMES[ours.state] == expected.kind, context
                    if ours.state is CardState.REVIEW:
                        assert ours.interval == expected.interval_days, context
                    else:
                        assert ours.remaining_steps == expected.remaining_steps, context
                        assert ours.due == applied_step_due(calendar, now, expected.scheduled_seconds), context
                        if ours.state is CardState.RELEARNING:
                            assert ours.interval == expected.interval_days, context
                    assert ours.stability == pytest.approx(expected.stability, rel=1e-4), context
                    assert ours.difficulty == pytest.approx(expected.difficulty, rel=1e-4), context
                    compared += 1
                # walk on: answer at the virtual time, then come back on time, late or (rarely) early
                rating = rng.choices(list(Rating), weights=[2, 1, 6, 1])[0]
                card = scheduler.answer(card, rating, virtual_now).card
                if card.state is CardState.REVIEW:
                    lateness = rng.choice([0, 0, 0, 1, 3, 20]) * SECONDS_PER_DAY if rng.random() > 0.1 else -SECONDS_PER_DAY
                    virtual_now = max(card.due, virtual_now + 60) + lateness + rng.randint(0, 12 * 3600)
                else:
                    virtual_now = card.due + rng.randint(0, 3600)
                virtual_now = max(virtual_now, card.last_review)
    assert compared == 40 * 12 * 4
