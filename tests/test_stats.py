"""Statistics (`heatcards.stats`): every panel on hand-built histories with a fixed clock, the edges
(rollover hour, the 21-day young/mature boundary, same-day answers in true retention, manual entries,
daylight saving time), the searches behind bars, CSV, calibration against fsrs-rs, the command line,
and properties that hold for any collection."""
from __future__ import annotations

import csv
import io
import json
import math
import sqlite3
import threading
from contextlib import closing
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import fsrs_rs_python as fsrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heatcards import cli
from heatcards.clock import FixedClock
from heatcards.collection import Collection
from heatcards.errors import SearchSyntaxError
from heatcards.model import Card, CardState, Preset, Rating, ReviewKind, ReviewLogEntry
from heatcards.scheduling import DEFAULT_PARAMETERS, decay_of, retrievability
from heatcards.search import parse_search
from heatcards.stats import (
    CARD_COUNT_SEARCHES,
    SHARE_BINS,
    KindCounts,
    Period,
    RetentionRow,
    Scope,
    Today,
    calibration,
    collect,
    glance,
    panel_csv,
    quote_search_value,
    retention_spans,
    share_thresholds,
    statistics_record,
    _AnswerHistories,
    _answers_by_day,
    _buttons,
    _joined,
    _local_timeline,
    _reader,
    _reviews_per_day,
    _time_places,
    _today,
    _true_retention_rows,
)
from heatcards.storage import stats_sql
from heatcards.storage.answer_hours import KeptAnswerHours, KeptAnswers, answer_hours_path
from heatcards.storage.calibration_cache import time_order
from heatcards.storage.stats_sql import AnswerChains, AnswerGroups, StatsReader, _share_bin_sql, _share_scale
from heatcards.transfer import import_file
from tests.anki_history import DECK as ANKI_DECK
from tests.anki_history import LEARN, MANUAL, REVIEW, AnkiEntry, anki_histories, anki_package
from tests.conftest import NOON

DAY = 86400
HOUR = 3600
KINDS = [ReviewKind.LEARN, ReviewKind.REVIEW, ReviewKind.RELEARN, ReviewKind.FILTERED, ReviewKind.MANUAL, ReviewKind.RESCHEDULED]
_counter = iter(range(10**9))


# --- building histories by hand -----------------------------------------------------------------------


def add_card(collection: Collection, deck: str = "Default", **state) -> Card:
    """A new Basic card in `deck`, then given `state` (state, due, interval, stability...) as it is."""
    note = collection.add_note("Basic", {"Front": f"front {next(_counter)}", "Back": "back"}, deck)
    card = collection.store.cards_of_note(note.id)[0]
    if state:
        card = replace(card, **state)
        with collection.store.transaction():
            collection.store.save_card(card)
    return card


def log(
    collection: Collection,
    card: Card,
    at: int,
    rating: int = 3,
    kind: ReviewKind = ReviewKind.REVIEW,
    interval_before: int = 10,
    interval_after: int = 10,
    duration_ms: int = 5000,
    stability: float | None = None,
) -> None:
    """One review-log entry of `card` at unix second `at`."""
    state_before = {
        ReviewKind.LEARN: CardState.LEARNING,
        ReviewKind.RELEARN: CardState.RELEARNING,
    }.get(kind, CardState.REVIEW)
    entry = ReviewLogEntry(
        f"{next(_counter):032x}", card.id, at * 1000, rating, state_before, interval_before, interval_after,
        at + interval_after * DAY, stability, None, duration_ms, kind,
    )
    with collection.store.transaction():
        collection.store.insert_review(entry)


def today_start(collection: Collection, offset: int = 0) -> int:
    """The first second of the local day `offset` days from today."""
    return collection.calendar.day_start(collection.calendar.day(collection.now()) + offset)


def found(collection: Collection, search: str) -> set[int]:
    return set(collection.find_cards(search))


def kept_answer_hours(collection: Collection) -> KeptAnswers | None:
    """The whole log's answers by hour kept beside `collection`, if any."""
    with KeptAnswerHours.open(answer_hours_path(collection.path)) as kept:
        return kept.read()


# --- scope ---------------------------------------------------------------------------------------------


def test_scope_searches_combine_with_bar_searches():
    assert Scope().search_for("prop:due=1") == "prop:due=1"
    assert Scope.matching("  ").search == ""
    scope = Scope.matching("tag:a or tag:b")
    assert scope.search_for("prop:due=1") == "(tag:a or tag:b) prop:due=1"
    assert scope.search_for("") == "tag:a or tag:b"


@pytest.mark.parametrize("name", ['Plain', 'Under_score', 'Star*s', 'Quote "q"', 'Back\\slash', 'Colon: (x) -y'])
def test_deck_scope_selects_the_deck_and_its_subdecks_whatever_its_name(collection, name):
    inside = add_card(collection, name)
    child = add_card(collection, f"{name}::Child")
    add_card(collection, "Other")
    add_card(collection, f"{name}x")
    assert found(collection, Scope.deck(name).search) == {inside.id, child.id}
    assert parse_search(f'deck:"{quote_search_value(name)}"')


def test_deck_scope_counts_only_its_cards_and_their_reviews(collection):
    mine = add_card(collection, "Mine", state=CardState.REVIEW, due=NOON + DAY, interval=3)
    other = add_card(collection, "Other", state=CardState.REVIEW, due=NOON + DAY, interval=3)
    log(collection, mine, NOON - HOUR)
    log(collection, other, NOON - HOUR)
    log(collection, other, NOON - 2 * HOUR)
    stats = collect(collection, Scope.deck("Mine"))
    assert stats.card_counts.total == 1
    assert stats.today.answers == 1
    assert stats.future_due.cards_by_day == {1: 1}
    whole = collect(collection)
    assert whole.today.answers == 3 and whole.card_counts.total == 2


def test_a_search_that_does_not_parse_is_refused(collection):
    with pytest.raises(SearchSyntaxError):
        collect(collection, Scope.matching("prop:nonsense>1"))


# --- today -------------------------------------------------------------------------------------------------


def test_today_counts_answers_by_kind_and_leaves_out_manual_entries(collection):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=30)
    start = today_start(collection)
    log(collection, card, start + 10, rating=1, kind=ReviewKind.LEARN, interval_before=0, duration_ms=2000)
    log(collection, card, start + 20, rating=3, kind=ReviewKind.LEARN, interval_before=0, duration_ms=3000)
    log(collection, card, start + 30, rating=1, kind=ReviewKind.REVIEW, interval_before=21, duration_ms=4000)
    log(collection, card, start + 40, rating=3, kind=ReviewKind.RELEARN, interval_before=1, duration_ms=5000)
    log(collection, card, start + 50, rating=4, kind=ReviewKind.REVIEW, interval_before=20, duration_ms=6000)
    log(collection, card, start + 60, rating=2, kind=ReviewKind.FILTERED, interval_before=40, duration_ms=7000)
    log(collection, card, start + 70, rating=0, kind=ReviewKind.MANUAL, duration_ms=0)
    log(collection, card, start + 80, rating=0, kind=ReviewKind.RESCHEDULED, duration_ms=0)
    log(collection, card, start - 1, rating=1)  # the last second of yesterday
    today = collect(collection).today
    assert (today.answers, today.again, today.duration_ms) == (6, 2, 27000)
    assert (today.learn, today.review, today.relearn, today.filtered) == (2, 2, 1, 1)
    # mature: an interval of 21 days or more before the answer (20 is young)
    assert (today.mature_answers, today.mature_again) == (2, 1)
    measures = {m.label: m for m in today.summary()}
    assert measures["Again share"].value == pytest.approx(100 * 2 / 6)
    assert measures["Mature correct share"].value == 50
    assert measures["Time per card"].value == pytest.approx(4.5)
    assert measures["Cards studied"].search == "rated:1" and measures["Again"].search == "rated:1:1"


def test_the_rollover_hour_decides_which_day_an_answer_belongs_to(tmp_path):
    # 03:30 local time is still yesterday when the day starts at 4, today when it starts at midnight
    clock = FixedClock(NOON)
    with Collection(tmp_path / "c.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as col:
        card = add_card(col, state=CardState.REVIEW, due=NOON + DAY, interval=5)
        midnight = NOON - 12 * HOUR
        log(col, card, midnight + 3 * HOUR + 1800)
        log(col, card, midnight + 4 * HOUR)  # the rollover instant itself belongs to the day before
        log(col, card, midnight + 4 * HOUR + 1)
        stats = collect(col)
        assert stats.today.answers == 1 and stats.calendar.answers_by_day == {0: 1, -1: 2}
        col.set_rollover_hour(0)
        stats = collect(col)
        assert stats.today.answers == 3 and stats.calendar.answers_by_day == {0: 3}


# --- future due --------------------------------------------------------------------------------------------


def test_future_due_counts_queued_cards_by_day_with_the_backlog(collection):
    start = today_start(collection)
    due = {"overdue": start - 3 * DAY + HOUR, "today": start + HOUR, "tomorrow": start + DAY + HOUR, "in 30": start + 30 * DAY,
           "in 31": start + 31 * DAY}
    cards = {
        "overdue": add_card(collection, state=CardState.REVIEW, due=due["overdue"], interval=2),
        "today": add_card(collection, state=CardState.REVIEW, due=due["today"], interval=4),
        "tomorrow": add_card(collection, state=CardState.REVIEW, due=due["tomorrow"], interval=10),
        "learning": add_card(collection, state=CardState.LEARNING, due=NOON + 600, interval=0),
        "in 30": add_card(collection, state=CardState.REVIEW, due=due["in 30"], interval=100),
        "in 31": add_card(collection, state=CardState.REVIEW, due=due["in 31"], interval=100),
        # not counted: suspended, new, and buried cards due today (they wait for tomorrow)
        "suspended": add_card(collection, state=CardState.REVIEW, due=due["today"], interval=1, suspended=True),
        "new": add_card(collection),
        "buried today": add_card(collection, state=CardState.REVIEW, due=due["today"], interval=5, buried_until=start + DAY),
        # counted: a buried card due tomorrow
        "buried tomorrow": add_card(collection, state=CardState.REVIEW, due=due["tomorrow"], interval=5, buried_until=start + DAY),
    }
    future = collect(collection, period=Period.MONTH).future_due
    assert dict(future.cards_by_day) == {-3: 1, 0: 2, 1: 2, 30: 1, 31: 1}
    assert future.last_day == 30
    assert (future.backlog, future.total, future.due_tomorrow) == (1, 6, 2)
    assert future.average_per_day == pytest.approx(6 / 31)
    # daily load: every queued card, buried ones included, 1 / max(interval, 1)
    assert future.daily_load == pytest.approx(1 / 2 + 1 / 4 + 1 / 10 + 1 + 1 / 100 + 1 / 100 + 1 / 5 + 1 / 5)
    assert found(collection, future.search_for_days(1, 1)) == {cards["tomorrow"].id}  # prop:due leaves buried cards out
    assert found(collection, future.search_for_days(0, 0)) == {cards["today"].id, cards["learning"].id}
    assert found(collection, future.search_for_days(-3, -3)) == {cards["overdue"].id}
    assert found(collection, future.search_for_days(2, 30)) == {cards["in 30"].id}
    assert collect(collection, period=Period.YEAR).future_due.total == 7
    assert collect(collection, period=Period.ALL).future_due.last_day == 31


def test_the_due_span_is_read_from_the_queue_s_index_as_a_bound_of_every_scope_s(collection):
    start = today_start(collection)
    collection.add_deck("Other")
    add_card(collection, state=CardState.REVIEW, due=start + 5 * DAY, interval=5)
    add_card(collection, "Other", state=CardState.RELEARNING, due=start - 9 * DAY, interval=1)
    add_card(collection, "Other", state=CardState.LEARNING, due=start + 40 * DAY, interval=0)
    add_card(collection, "Other", due=10**12)  # a new card's due is its place in the queue
    for scope in (Scope(), Scope.deck("Default")):
        with _reader(collection, scope, collection.now()) as reader:
            span, plan = _with_query_plan(collection, reader.due_span)
        assert span == (start - 9 * DAY, start + 40 * DAY)
        assert not [step for step in plan if step == "SCAN c" or step.startswith("SCAN cards")]  # no pass over the cards
    assert dict(collect(collection, Scope.deck("Default"), Period.MONTH).future_due.cards_by_day) == {5: 1}
    assert dict(collect(collection, Scope.deck("Other"), Period.MONTH).future_due.cards_by_day) == {-9: 1, 40: 1}


def test_the_scope_s_cards_are_read_by_id_with_their_decks(collection):
    """Whichever way a scope is read (every card, the few left out, a table of most or of few of them),
    its cards come ascending, each with its deck (the calibration reads them for its cache)."""
    collection.add_deck("Other")
    cards = [add_card(collection, "Other" if n % 3 else "Default") for n in range(12)]
    decks = {card.id: card.deck_id for card in cards}
    for search in ("", "deck:Other", "-deck:Other", f"cid:{cards[4].id},{cards[1].id}", "front -deck:Default"):
        with _reader(collection, Scope.matching(search) if search else Scope(), collection.now()) as reader:
            ids = sorted(found(collection, search))
            assert reader.card_ids().tolist() == ids
            assert [column.tolist() for column in reader.card_decks()] == [ids, [decks[card] for card in ids]]


# --- calendar and streaks -------------------------------------------------------------------------------------


def test_calendar_counts_days_studied_and_the_streak(collection):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=5)
    for offset in (0, -1, -2, -4, -5, -6, -7):
        log(collection, card, NOON + offset * DAY)
    log(collection, card, NOON - DAY + HOUR)
    calendar = collect(collection).calendar
    assert dict(calendar.answers_by_day) == {0: 1, -1: 2, -2: 1, -4: 1, -5: 1, -6: 1, -7: 1}
    assert (calendar.days_studied, calendar.current_streak, calendar.longest_streak) == (7, 3, 4)
    assert calendar.first_day == -29
    assert calendar.search_for_day(-1) == "prop:rated=-1"


def test_the_streak_holds_until_today_is_studied_and_reaches_before_the_period(collection):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=5)
    for offset in range(1, 41):  # 40 days in a row up to yesterday, nothing today yet
        log(collection, card, NOON - offset * DAY)
    log(collection, card, NOON - 50 * DAY)
    month = collect(collection, period=Period.MONTH).calendar
    assert (month.current_streak, month.days_studied, month.longest_streak) == (40, 29, 29)
    assert collect(collection, period=Period.ALL).calendar.longest_streak == 40


def test_the_streak_looks_up_no_day_that_ends_before_the_log_s_first_review(collection, monkeypatch):
    # a streak reaching back past the period's first day looks up the days before it one by one;
    # a day without answers costs a few cards a seek each, and before the log's first review
    # there is none to find
    collection.add_deck("Few")
    card = add_card(collection, "Few", state=CardState.REVIEW, due=NOON + DAY, interval=5)
    for _ in range(5):
        add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=5)
    for offset in range(35):  # every day from 34 days ago to today
        log(collection, card, NOON - offset * DAY)
    looked_up: list[int] = []
    answered_between = StatsReader.answered_between
    monkeypatch.setattr(StatsReader, "answered_between", lambda reader, start, end: looked_up.append(start) or answered_between(reader, start, end))
    for scope in (Scope(), Scope.matching("deck:Few -tag:absent")):
        looked_up.clear()
        assert collect(collection, scope, Period.MONTH).calendar.current_streak == 35
        assert looked_up == [today_start(collection, offset) for offset in range(-30, -35, -1)]  # not the day before the first review
        looked_up.clear()
        assert collect(collection, scope, Period.ALL).calendar.current_streak == 35
        assert looked_up == []


# --- reviews per day -----------------------------------------------------------------------------------------


def test_reviews_per_day_stack_by_kind_count_and_time(collection):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=30)
    log(collection, card, NOON - 2 * DAY, kind=ReviewKind.LEARN, interval_before=0, duration_ms=1000)
    log(collection, card, NOON - 2 * DAY, kind=ReviewKind.RELEARN, interval_before=3, duration_ms=2000)
    log(collection, card, NOON - 2 * DAY, kind=ReviewKind.REVIEW, interval_before=20, duration_ms=3000)
    log(collection, card, NOON - 2 * DAY, kind=ReviewKind.REVIEW, interval_before=21, duration_ms=4000)
    log(collection, card, NOON - 2 * DAY, kind=ReviewKind.FILTERED, interval_before=40, duration_ms=5000)
    log(collection, card, NOON - 2 * DAY, rating=0, kind=ReviewKind.MANUAL, duration_ms=6000)
    log(collection, card, NOON - 40 * DAY, kind=ReviewKind.REVIEW)
    reviews = collect(collection).reviews
    assert reviews.counts[-2].values() == (1, 1, 1, 1, 1)
    assert reviews.durations_ms[-2].values() == (1000, 2000, 3000, 4000, 5000)
    assert set(reviews.counts) == {-2}  # forty days ago is outside the month
    assert (reviews.answers, reviews.duration_ms, reviews.days_studied, reviews.period_days) == (5, 15000, 1, 30)
    whole = collect(collection, period=Period.ALL).reviews
    assert whole.answers == 6 and whole.first_day == -40 and whole.period_days == 41


# --- card counts, intervals -------------------------------------------------------------------------------------


def test_card_counts_put_suspended_and_buried_cards_apart(collection):
    later = NOON + 3 * DAY
    cards = {
        "New": [add_card(collection), add_card(collection)],
        "Learning": [add_card(collection, state=CardState.LEARNING, due=NOON + 60)],
        "Relearning": [add_card(collection, state=CardState.RELEARNING, due=NOON + 60, interval=3)],
        "Young": [add_card(collection, state=CardState.REVIEW, due=later, interval=20)],
        "Mature": [add_card(collection, state=CardState.REVIEW, due=later, interval=21)],
        "Suspended": [
            add_card(collection, state=CardState.REVIEW, due=later, interval=50, suspended=True),
            add_card(collection, suspended=True, buried_until=NOON + HOUR),  # suspended first, as in Anki
        ],
        "Buried": [add_card(collection, state=CardState.REVIEW, due=later, interval=5, buried_until=NOON + HOUR)],
    }
    add_card(collection, state=CardState.REVIEW, due=later, interval=5, buried_until=NOON)  # no longer buried: young
    counts = collect(collection).card_counts
    assert counts.by_name() == {name: len(c) for name, c in cards.items()} | {"Young": 2}
    assert counts.total == 10
    for name, expected in cards.items():
        if name != "Young":
            assert found(collection, counts.search_for(name)) == {c.id for c in expected}, name
    assert sum(row[1] for row in counts.table().rows) == counts.total


def test_intervals_of_review_and_relearning_cards(collection):
    for interval in (1, 3, 3, 10):
        add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=interval)
    relearning = add_card(collection, state=CardState.RELEARNING, due=NOON + 60, interval=7)
    add_card(collection, state=CardState.LEARNING, due=NOON + 60)
    intervals = collect(collection).intervals
    assert dict(intervals.cards_by_interval) == {1: 1, 3: 2, 7: 1, 10: 1}
    measures = {m.label: m.value for m in intervals.summary()}
    assert measures == {"Cards": 5, "Average interval": 24 / 5, "Median interval": 3, "Longest interval": 10}
    assert found(collection, intervals.search_for_days(5, 8)) == {relearning.id}
    add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=8)
    assert {m.label: m.value for m in collect(collection).intervals.summary()}["Median interval"] == 5


# --- memory states -----------------------------------------------------------------------------------------------


def test_difficulty_stability_and_retrievability_bin_like_their_searches(collection):
    custom = collection.add_preset("Steep")
    collection.update_preset(replace(custom, parameters=DEFAULT_PARAMETERS[:20] + (0.5,)))
    collection.add_deck("Steep")
    collection.set_deck_preset(collection.deck_named("Steep").id, custom.id)
    specs = [
        ("Default", 1.0, 1.0, 0), ("Default", 2.5, 4.15, 3), ("Default", 30.0, 10.0, 30), ("Default", 7.99, 5.5, 12),
        ("Steep", 10.0, 7.0, 10), ("Steep", 0.4, 3.0, 1),
    ]
    cards = [
        add_card(collection, deck, state=CardState.REVIEW, due=NOON + DAY, interval=max(1, days), stability=s,
                 difficulty=d, last_review=NOON - days * DAY)
        for deck, s, d, days in specs
    ]
    add_card(collection)  # new: no memory state
    stats = collect(collection)
    assert stats.difficulty.cards == stats.stability.summary()[0].value == stats.retrievability.cards == 6
    assert dict(stats.stability.cards_by_day) == {0: 1, 1: 1, 2: 1, 7: 1, 10: 1, 30: 1}
    assert stats.stability.average == pytest.approx(sum(s for _, s, _, _ in specs) / 6)
    assert stats.difficulty.average == pytest.approx(sum((d - 1) / 9 for _, _, d, _ in specs) / 6)
    expected_r = [collection.card_info(c.id).retrievability for c in cards]
    assert stats.retrievability.value_sum == pytest.approx(sum(expected_r), rel=1e-6)
    assert stats.retrievability.cards_by_bin[19] == 1  # reviewed just now: R = 1
    for histogram in (stats.difficulty, stats.retrievability):
        for index, count in enumerate(histogram.cards_by_bin):
            assert len(found(collection, histogram.search_for_bin(index))) == count, (histogram.title, index)
    for days, count in stats.stability.cards_by_day.items():
        assert len(found(collection, stats.stability.search_for_days(days, days))) == count


def test_the_memory_pass_computes_each_card_s_retrievability_once(collection, monkeypatch):
    # its bin and its sum read the one value (SQLite would evaluate the expression once per use)
    for days in (1, 5, 20):
        add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=days, stability=float(days), difficulty=5.0,
                 last_review=NOON - days * DAY)
    add_card(collection)  # new: no memory state
    bases = []
    monkeypatch.setattr(stats_sql, "_ensure_pow", lambda conn: None)  # `pow` is the one counting here
    collection.store.db.conn.create_function("pow", 2, lambda x, y: bases.append(x) or math.pow(x, y), deterministic=True)
    memory = StatsReader(collection.store).memory_histograms(SHARE_BINS, NOON)
    assert len(bases) == sum(memory.retrievability_bins) == 3
    assert memory.retrievability_sum == sum(math.pow(x, -decay_of(DEFAULT_PARAMETERS)) for x in bases)


def test_a_scope_read_on_one_connection_counts_its_card_panels_and_memory_states_in_one_pass(collection, monkeypatch):
    # the same numbers as the two passes (the sums added in the same order), each card and its
    # retrievability read once
    custom = collection.add_preset("Steep")
    collection.update_preset(replace(custom, parameters=DEFAULT_PARAMETERS[:20] + (0.5,)))
    collection.add_deck("Steep")
    collection.set_deck_preset(collection.deck_named("Steep").id, custom.id)
    cards = [
        add_card(collection, deck, state=CardState.REVIEW, due=NOON + days * DAY // 3, interval=max(1, days), stability=s,
                 difficulty=d, last_review=NOON - days * DAY, buried_until=NOON + HOUR if days == 3 else 0, suspended=days == 12)
        for deck, s, d, days in (
            ("Default", 1.0, 1.0, 0), ("Default", 2.5, 4.15, 3), ("Default", 30.0, 10.0, 30), ("Default", 7.99, 5.5, 12),
            ("Steep", 10.0, 7.0, 10), ("Steep", 0.4, 3.0, 1), ("Steep", 0.0, 6.0, 2),
        )
    ]
    cards.append(add_card(collection, "Steep", state=CardState.REVIEW, due=NOON - DAY, interval=4, stability=3.0, difficulty=None))
    cards.append(add_card(collection))  # new: no memory state
    add_card(collection)  # outside the scope
    due_timeline = _local_timeline(collection.calendar, NOON - 40 * DAY, NOON + 40 * DAY)
    added_timeline = _local_timeline(collection.calendar, NOON - 40 * DAY, NOON)
    arguments = (due_timeline, added_timeline, collection.calendar.day(NOON), NOON, NOON - 40 * DAY)
    monkeypatch.setattr(stats_sql, "_ensure_pow", lambda conn: None)  # `pow` is the one counting here
    bases = []
    collection.store.db.conn.create_function("pow", 2, lambda x, y: bases.append(x) or math.pow(x, y), deterministic=True)
    with StatsReader(collection.store, selected=np.array(sorted(card.id for card in cards))) as reader:
        for states in (None, reader.card_states(NOON)):
            apart = reader.card_panels(*arguments, states), reader.memory_histograms(SHARE_BINS, NOON)
            bases.clear()
            together, statements = _statements_run(collection, lambda: reader.card_panels_and_memory_histograms(*arguments, states, SHARE_BINS))
            assert together == apart
            assert len(bases) == sum(together[1].retrievability_bins) == 6
            assert len([statement for statement in statements if "cards c" in statement]) == 1


def test_share_thresholds_are_the_decimals_searches_read():
    assert share_thresholds()[:3] == ("0.05", "0.1", "0.15") and len(share_thresholds()) == 19
    assert [float(edge) for edge in share_thresholds()] == [k / SHARE_BINS for k in range(1, SHARE_BINS)]


def _edges_and_neighbours() -> list[float]:
    edges = [float(edge) for edge in share_thresholds()] + [0.0, 1.0]
    return [x for edge in edges for x in (math.nextafter(edge, -1.0), edge, math.nextafter(edge, 2.0))]


@given(st.one_of(st.sampled_from(_edges_and_neighbours()), st.floats(-1.0, 2.0)))
def test_the_share_bin_in_sql_is_the_number_of_edges_reached(value):
    """The closed form the memory histograms bin with counts the edges a search would (`prop:r>=0.45`)."""
    reached = sum(value >= float(edge) for edge in share_thresholds())
    with closing(sqlite3.connect(":memory:")) as conn:
        assert conn.execute(f"SELECT {_share_bin_sql('?', SHARE_BINS)}", (value,)).fetchone()[0] == reached
        assert conn.execute(f"SELECT {_share_bin_sql('?', SHARE_BINS)}", (None,)).fetchone()[0] is None


def test_the_plain_product_would_bin_the_float_below_an_edge_too_high():
    """Why the closed form is not value * 20: the float just below 0.45 times 20 rounds to 9."""
    below = math.nextafter(0.45, 0.0)
    assert math.floor(below * 20) == 9 and below < float("0.45")
    assert _share_scale(SHARE_BINS) != (SHARE_BINS, 1)


# --- hours, buttons, added ---------------------------------------------------------------------------------------------


def test_hours_are_local_and_leave_filtered_answers_out(tmp_path):
    berlin = ZoneInfo("Europe/Berlin")
    now = int(datetime(2026, 7, 10, 12, tzinfo=berlin).timestamp())
    with Collection(tmp_path / "c.heatcards", clock=FixedClock(now), calendar_tz=berlin, fuzz=False, install_heat_deck=False) as col:
        card = add_card(col, state=CardState.REVIEW, due=now + DAY, interval=5)
        nine = int(datetime(2026, 7, 9, 9, 30, tzinfo=berlin).timestamp())
        log(col, card, nine, rating=3)
        log(col, card, nine + 60, rating=1)
        log(col, card, nine + 120, rating=3, kind=ReviewKind.FILTERED)
        winter = int(datetime(2026, 1, 20, 23, 15, tzinfo=berlin).timestamp())
        log(col, card, winter, rating=2)
        hours = collect(col, period=Period.YEAR).hours
        assert hours.answers[9] == 2 and hours.correct[9] == 1 and hours.answers[23] == 1
        assert sum(hours.answers) == 3


def test_answer_buttons_by_group(collection):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=5)
    for rating, kind, interval in [
        (1, ReviewKind.LEARN, 0), (3, ReviewKind.LEARN, 0), (4, ReviewKind.RELEARN, 2), (2, ReviewKind.FILTERED, 30),
        (1, ReviewKind.REVIEW, 20), (3, ReviewKind.REVIEW, 20), (3, ReviewKind.REVIEW, 21), (4, ReviewKind.REVIEW, 400),
    ]:
        log(collection, card, NOON - DAY, rating=rating, kind=kind, interval_before=interval)
    log(collection, card, NOON - 31 * DAY, rating=1)  # before the month
    buttons = collect(collection).buttons
    assert dict(buttons.counts) == {"learning": (1, 1, 1, 1), "young": (1, 0, 1, 0), "mature": (0, 0, 1, 1)}
    assert (buttons.correct_share("learning"), buttons.correct_share("young"), buttons.correct_share("mature")) == (75, 50, 100)
    assert buttons.search_for_rating(1) == "rated:30:1"
    assert found(collection, buttons.search_for_rating(2)) == {card.id}


def test_cards_added_per_day_follow_the_added_search(collection, clock):
    clock.advance(-5 * DAY)
    five_days_ago = [add_card(collection), add_card(collection)]
    clock.advance(5 * DAY)
    today = add_card(collection)
    clock.advance(-45 * DAY)
    add_card(collection)
    clock.advance(45 * DAY)
    added = collect(collection).added
    assert dict(added.cards_by_day) == {-5: 2, 0: 1}
    assert found(collection, added.search_for_day(-5)) == {c.id for c in five_days_ago}
    assert found(collection, added.search_for_day(0)) == {today.id}
    assert {m.label: m.value for m in added.summary()}["Average"] == pytest.approx(3 / 30)
    everything = collect(collection, period=Period.ALL).added
    assert everything.cards == 4 and everything.first_day == -45


def test_all_time_starts_no_later_than_today_when_every_note_was_added_after_the_clock_s_moment(collection, clock):
    for days_ahead in (1, 2):
        clock.advance(days_ahead * DAY)
        add_card(collection)
        clock.advance(-days_ahead * DAY)
    added = collect(collection, period=Period.ALL).added
    assert {m.label: m.value for m in added.summary()} == {"Total": 2, "Average": 2.0}
    assert dict(added.cards_by_day) == {1: 1, 2: 1} and added.first_day == 0


# --- true retention ----------------------------------------------------------------------------------------------------


def test_true_retention_counts_answers_after_a_day_or_more(collection):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=5)
    # yesterday: a young review failed, then relearning steps the same day (left out)
    log(collection, card, NOON - DAY, rating=1, kind=ReviewKind.REVIEW, interval_before=5)
    log(collection, card, NOON - DAY + 600, rating=3, kind=ReviewKind.RELEARN, interval_before=1)
    # today: learning steps (left out), a learning answer after a one-day step (counted), a mature pass,
    # a second review the same day (counted, as Anki's code does), and a manual entry (no answer)
    log(collection, card, NOON - 3 * HOUR, rating=3, kind=ReviewKind.LEARN, interval_before=0)
    log(collection, card, NOON - 2 * HOUR, rating=3, kind=ReviewKind.LEARN, interval_before=1)
    log(collection, card, NOON - HOUR, rating=2, kind=ReviewKind.REVIEW, interval_before=21)
    log(collection, card, NOON - HOUR + 60, rating=1, kind=ReviewKind.REVIEW, interval_before=20)
    log(collection, card, NOON - 30, rating=0, kind=ReviewKind.MANUAL, interval_before=20)
    log(collection, card, NOON - 100 * DAY, rating=4, kind=ReviewKind.REVIEW, interval_before=60)
    log(collection, card, NOON - 400 * DAY, rating=1, kind=ReviewKind.REVIEW, interval_before=2)
    rows = {row.label: row for row in collect(collection, period=Period.ALL).true_retention.rows}
    counts = {label: (r.young_passed, r.young_failed, r.mature_passed, r.mature_failed) for label, r in rows.items()}
    assert counts == {
        "Today": (1, 1, 1, 0),
        "Yesterday": (0, 1, 0, 0),
        "Last week": (1, 2, 1, 0),
        "Last month": (1, 2, 1, 0),
        "Last year": (1, 2, 2, 0),
        "All time": (1, 3, 2, 0),
    }
    assert rows["Today"].retention == pytest.approx(200 / 3) and rows["Yesterday"].retention == 0
    # a shorter period shows the rows that fit in it, with the same numbers
    assert collect(collection, period=Period.YEAR).true_retention.rows == tuple(rows.values())[:5]
    assert collect(collection, period=Period.MONTH).true_retention.rows == tuple(rows.values())[:4]


# --- days across a change of daylight saving time ------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]),
    rollover=st.integers(0, 23),
    moments=st.lists(st.integers(-400 * DAY, 0), min_size=1, max_size=12),
)
def test_days_and_hours_are_the_calendar_s_across_time_zone_changes(tmp_path_factory, zone, rollover, moments):
    tz = ZoneInfo(zone)
    now = int(datetime(2026, 4, 1, 12, tzinfo=timezone.utc).timestamp())
    path = tmp_path_factory.mktemp("dst") / "c.heatcards"
    with Collection(path, clock=FixedClock(now), calendar_tz=tz, fuzz=False, install_heat_deck=False) as col:
        col.set_rollover_hour(rollover)
        card = add_card(col, state=CardState.REVIEW, due=now + DAY, interval=5)
        for offset in moments:
            log(col, card, now + offset)
        stats = collect(col, period=Period.ALL)
        today = col.calendar.day(now)
        expected_days: dict[int, int] = {}
        expected_hours = [0] * 24
        for offset in moments:
            day = col.calendar.day(now + offset) - today
            expected_days[day] = expected_days.get(day, 0) + 1
            expected_hours[datetime.fromtimestamp(now + offset, tz).hour] += 1
        assert dict(stats.calendar.answers_by_day) == expected_days
        assert list(stats.hours.answers) == expected_hours


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "UTC"]),
    rollover=st.integers(0, 23),
    answers=st.lists(
        st.tuples(
            st.integers(-400, 0),  # days from today
            st.integers(0, 47),  # half hours after the day's first instant (the rollover hour)
            st.sampled_from([0, 999, 1000, 1001, 1_799_000]),  # milliseconds after it: its first second and after
            st.integers(0, 4),
            st.sampled_from(KINDS),
            st.integers(0, 40),
        ),
        min_size=1,
        max_size=25,
    ),
    period=st.sampled_from(list(Period)),
    split=st.integers(0, 402),
)
def test_answers_read_by_utc_hour_equal_answers_read_by_local_time(tmp_path_factory, zone, rollover, answers, period, split):
    # where local time is UTC plus whole hours the answers are grouped by UTC hour through the
    # statistics index; everywhere else by local day and hour in SQL: both must agree, and so must
    # the answers of two spans of days read apart and joined (as `collect` reads a period in halves)
    tz = ZoneInfo(zone)
    now = int(datetime(2026, 4, 1, 12, tzinfo=timezone.utc).timestamp())
    path = tmp_path_factory.mktemp("hours") / "c.heatcards"
    with Collection(path, clock=FixedClock(now), calendar_tz=tz, fuzz=False, install_heat_deck=False) as col:
        col.set_rollover_hour(rollover)
        card = add_card(col, state=CardState.REVIEW, due=now + DAY, interval=5)
        calendar = col.calendar
        today = calendar.day(now)
        moments = []
        for day, half_hours, ms, rating, kind, interval in answers:
            rating = 0 if kind in (ReviewKind.MANUAL, ReviewKind.RESCHEDULED) else max(1, rating)
            # the rollover instant itself (a second before the day's first whole second), then on
            at = calendar.day_start(today + day) - 1 + half_hours * 1800
            moments.append((at * 1000 + ms, kind))
            entry = ReviewLogEntry(
                f"{next(_counter):032x}", card.id, at * 1000 + ms, rating, CardState.REVIEW, interval, interval,
                at, None, None, 1000 + ms, kind,
            )
            with col.store.transaction():
                col.store.insert_review(entry)
        first_day = today - period.days + 1 if period.days else today - 401
        since = calendar.day_start(first_day)
        timeline = _local_timeline(calendar, since, now)
        assert timeline.whole_hours
        middle_day = max(first_day, today - split)
        middle = calendar.day_start(middle_day)
        with _reader(col, Scope(), now) as reader:
            by_utc_hour = reader._answers_by_utc_hour(timeline, today, since, None)
            by_local_time = reader._answers_by_local_time(timeline, first_day, today, since, None)
            halves_by_utc_hour = _joined(
                reader._answers_by_utc_hour(timeline, today, since, middle), reader._answers_by_utc_hour(timeline, today, middle, None)
            )
            halves_by_local_time = _joined(
                reader._answers_by_local_time(timeline, first_day, today, since, middle),
                reader._answers_by_local_time(timeline, middle_day, today, middle, None),
            )
        for answers_read in (by_local_time, halves_by_utc_hour, halves_by_local_time):
            assert _rows(by_utc_hour.groups) == _rows(answers_read.groups)
            assert sorted(by_utc_hour.hours) == sorted(answers_read.hours)
        expected: dict[int, int] = {}
        for time_ms, kind in moments:
            day = calendar.day(time_ms // 1000)
            if kind not in (ReviewKind.MANUAL, ReviewKind.RESCHEDULED) and time_ms >= since * 1000:
                expected[day - today] = expected.get(day - today, 0) + 1
        assert _answers_by_day(by_utc_hour.groups) == expected


# --- CSV, records, searches ---------------------------------------------------------------------------------------------


def test_every_panel_exports_its_table_as_csv(collection):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=30, stability=20.0, difficulty=5.0,
                    last_review=NOON - DAY)
    log(collection, card, NOON - DAY, rating=3, interval_before=12)
    stats = collect(collection)
    for name, panel in stats.panels().items():
        table = panel.table()
        rows = list(csv.reader(io.StringIO(panel_csv(panel))))
        assert rows[0] == list(table.columns), name
        assert len(rows) == len(table.rows) + 1
        for written, row in zip(rows[1:], table.rows):
            assert written == ["" if value is None else str(value) for value in row], name
    assert panel_csv(stats.card_counts).splitlines()[1] == "New,0,0.0,is:new -is:suspended -is:buried"
    record = json.loads(json.dumps(statistics_record(stats)))
    assert set(record["panels"]) == set(stats.panels()) and record["period"] == "month"


def test_every_bar_search_finds_the_cards_it_counts(collection):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=30, stability=20.0, difficulty=5.0,
                    last_review=NOON - DAY)
    log(collection, card, NOON - DAY, rating=3)
    stats = collect(collection, Scope.deck("Default"))
    searches = [m.search for panel in stats.panels().values() for m in panel.summary() if m.search]
    searches += [row[-1] for panel in stats.panels().values() for row in panel.table().rows
                 if panel.table().columns[-1] == "search"]
    searches += [stats.buttons.search_for_rating(r) for r in Rating] + list(CARD_COUNT_SEARCHES.values())
    assert any("prop:rated" in s for s in searches if s)
    for search in searches:
        if search is not None:
            collection.find_cards(search)
    assert collection.find_cards("prop:rated=-1") == [card.id]  # the answer logged yesterday
    assert collection.find_cards("prop:rated=0") == []


# --- calibration --------------------------------------------------------------------------------------------------------


def study(collection: Collection, clock: FixedClock, plan: list[list[int]]) -> list[Card]:
    """Cards answered by the scheduler: plan[i] is the ratings of card i, one answer a day (0: skip a day)."""
    cards = [add_card(collection) for _ in plan]
    for step in range(max(len(p) for p in plan)):
        for card, ratings in zip(cards, plan):
            if step < len(ratings) and ratings[step]:
                collection.answer(card.id, ratings[step])
        clock.advance(DAY)
    return cards


def fsrs_items(histories: list[list[tuple[int, int, int]]]) -> list[tuple[object, bool]]:
    """fsrs-rs items from histories of (unix ms, local day, rating), each with whether its last answer
    recalled: one per answer a day or more after the previous, holding the history up to it, in time
    order (cards in order for the same time)."""
    timed = []
    for card_index, history in enumerate(histories):
        reviews = []
        for index, (time_ms, day, rating) in enumerate(history):
            delta = 0 if index == 0 else day - history[index - 1][1]
            reviews.append(fsrs.FSRSReview(rating, delta))
            if delta > 0:
                timed.append(((time_ms, card_index), (fsrs.FSRSItem(list(reviews)), rating > 1)))
    return [item for _, item in sorted(timed, key=lambda pair: pair[0])]


def test_calibration_metrics_are_fsrs_rs_s(tmp_path):
    clock = FixedClock(NOON - 200 * DAY)
    with Collection(tmp_path / "c.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as col:
        plan = [
            [3, 3, 0, 3, 0, 0, 1, 3, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4],
            [1, 1, 3, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3, 0, 0, 3],
            [4, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3],
            [2, 3, 2, 3, 2, 3, 1, 0, 2, 0, 0, 2, 0, 0, 0, 0, 1],
        ]
        cards = study(col, clock, plan)
        col.answer(cards[0].id, 3)  # a second answer the same day: kept in the history, never scored
        clock.advance(3 * DAY)
        col.answer(cards[0].id, 3)
        clock.current = NOON
        fit = calibration(col, period=Period.ALL)
        histories = [
            [(e.time, col.calendar.day(e.time // 1000), e.rating) for e in col.store.reviews_of_card(c.id) if e.is_answer]
            for c in cards
        ]
        items = fsrs_items(histories)
        expected = fsrs.FSRS(DEFAULT_PARAMETERS).evaluate([item for item, _ in items])
        assert fit.reviews == len(items) > 20
        assert fit.log_loss == pytest.approx(expected.log_loss, abs=2e-5)
        assert fit.rmse_bins == pytest.approx(expected.rmse_bins, abs=2e-5)
        assert sum(b.recalled for b in fit.bins) == sum(recalled for _, recalled in items)
        for b in fit.bins:
            if b.reviews:
                assert b.low <= b.mean_predicted < b.high


def test_calibration_scores_the_period_and_restarts_after_a_reset(tmp_path):
    clock = FixedClock(NOON - 100 * DAY)
    with Collection(tmp_path / "c.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as col:
        card, other = study(col, clock, [[3, 0, 3, 0, 0, 3], [3, 3]])
        col.forget([card.id])  # answers after a reset start a new history
        col.answer(card.id, 3)
        clock.advance(2 * DAY)
        col.answer(card.id, 3)
        imported = add_card(col, state=CardState.REVIEW, due=NOON, interval=3)
        log(col, imported, NOON - 90 * DAY, rating=3)  # imported answers record no memory state: replayed
        log(col, imported, NOON - 80 * DAY, rating=3)
        clock.current = NOON
        fit = calibration(col, period=Period.ALL)
        assert (fit.reviews, fit.replayed) == (2 + 1 + 1 + 1, 1)
        clock.current = NOON - 100 * DAY + 40 * DAY
        month = calibration(col, period=Period.MONTH)
        assert (month.reviews, month.replayed) == (1, 1)  # the imported answer 80 days before NOON alone
        assert calibration(col, Scope.matching(f"cid:{other.id}"), Period.ALL).reviews == 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 40), max_size=60),
    st.sampled_from([1, 1000, 2**16 - 1, 2**16 + 1, 86_400_000, 2**47 + 3, 2**56]),
    st.integers(-(2**61), 2**61),
)
def test_the_time_order_is_a_stable_argsort_s(steps, scale, earliest):
    """The answers' order for their weights: times with ties, from a few apart to spans that take 1 to 4
    of its 16-bit passes, above or below 1970."""
    times = np.array([earliest + step * scale for step in steps], dtype=np.int64)
    assert time_order(times).tolist() == np.argsort(times, kind="stable").tolist()


def test_the_time_order_takes_times_spanning_the_whole_range_of_integers():
    times = np.array([2**63 - 1, -(2**63), 0, 2**63 - 1, -(2**63), -1], dtype=np.int64)
    assert time_order(times).tolist() == np.argsort(times, kind="stable").tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(["kept", "dropped", "other"])), max_size=40))
def test_the_time_places_merge_answers_of_unknown_places_among_those_known(answers):
    """Answers of the cache's copy keep their places in its time order (some of its answers dropped);
    answers derived again are merged in: the places are those of a stable sort of them all, equal
    times (many here) in the answers' order."""
    copy = np.array([time for time, kind in answers if kind != "other"], dtype=np.int64)
    copy_places = np.empty(len(copy), dtype=np.int64)
    copy_places[np.argsort(copy, kind="stable")] = np.arange(len(copy))
    in_copy = iter(copy_places.tolist())
    known = [next(in_copy) if kind != "other" else -1 for time, kind in answers]
    taken = [kind != "dropped" for time, kind in answers]
    times = np.array([time for time, kind in answers], dtype=np.int64)[taken]
    places = _time_places(times, np.array(known, dtype=np.int64)[taken])
    expected = np.empty(len(times), dtype=np.int64)
    expected[np.argsort(times, kind="stable")] = np.arange(len(times))
    assert places.tolist() == expected.tolist()


def test_calibration_without_a_scored_answer_has_no_metrics(collection):
    fit = calibration(collection)
    assert (fit.reviews, fit.log_loss, fit.rmse_bins) == (0, None, None)
    assert [m.value for m in fit.summary()] == [0, 0, None, None, None, None]  # no review scored or replayed, no metric


@pytest.mark.parametrize("by_card", [False, True])
def test_answer_chains_hand_over_the_recorded_memory_states_exactly(collection, by_card):
    first, second = add_card(collection), add_card(collection)
    entries = [  # card, day before NOON, rating, kind, interval after, stability, difficulty
        (second, 5, 3, ReviewKind.LEARN, 1, 0.1 + 0.2, 1 / 3),  # SQLite's text for these reads back as other numbers
        (first, 3, 3, ReviewKind.REVIEW, 10, 2 / 3, 7.123456789012345),
        (first, 2, 0, ReviewKind.MANUAL, 0, None, None),  # a reset
        (first, 1, 1, ReviewKind.REVIEW, 10, None, None),  # imported: no memory state
    ]
    with collection.store.transaction():
        for card, days_before, rating, kind, interval_after, stability, difficulty in entries:
            at = NOON - days_before * DAY
            collection.store.insert_review(ReviewLogEntry(
                f"{next(_counter):032x}", card.id, at * 1000, rating, CardState.REVIEW, 10, interval_after,
                at + interval_after * DAY, stability, difficulty, 5000, kind,
            ))
    calendar = collection.calendar
    scope = Scope()
    if by_card:  # a scope of few cards reads their answers card by card: the recorded states come out of rowid order
        for _ in range(8):
            add_card(collection)
        scope = Scope.matching(f"cid:{first.id},{second.id}")
    with _reader(collection, scope, NOON) as reader:
        chains = reader.answer_chains(_local_timeline(calendar, NOON - 5 * DAY, NOON))
    assert chains.cards.tolist() == [first.id] * 3 + [second.id]
    assert chains.times.tolist() == [(NOON - d * DAY) * 1000 for d in (3, 2, 1, 5)]
    assert chains.days.tolist() == [calendar.day(NOON - d * DAY) for d in (3, 2, 1, 5)]
    assert (chains.ratings.tolist(), chains.learning.tolist()) == ([3, 0, 1, 3], [False, False, False, True])
    assert chains.stabilities[[0, 3]].tolist() == [2 / 3, 0.1 + 0.2]
    assert chains.difficulties[[0, 3]].tolist() == [7.123456789012345, 1 / 3]
    assert np.isnan(chains.stabilities[1:3]).all() and np.isnan(chains.difficulties[1:3]).all()


def test_answer_histories_start_at_each_card_reset_and_learning_answer_after_another_kind():
    nan = math.nan
    chains = AnswerChains(  # by entry: card, deck, time, day, rating (0: a reset), learning, recorded state
        cards=np.array([1, 1, 1, 1, 1, 1, 2, 2]),
        decks=np.array([10, 10, 10, 10, 10, 10, 20, 20]),
        times=np.array([100, 200, 300, 400, 500, 600, 700, 800]),
        days=np.array([1, 1, 4, 9, 10, 12, 12, 15]),
        ratings=np.array([3, 3, 3, 1, 0, 2, 4, 3]),
        learning=np.array([True, True, False, True, False, False, False, False]),
        stabilities=np.array([2.0, nan, 5.0, nan, nan, nan, 3.0, nan]),
        difficulties=np.array([4.0, nan, 6.0, nan, nan, nan, 7.0, nan]),
    )
    histories = _AnswerHistories.of(chains)
    # learning after learning goes on, learning after a review starts again, and so does an answer after a reset
    assert (histories.starts.tolist(), histories.decks.tolist()) == ([0, 3, 4, 5], [10, 10, 10, 20])
    assert histories.times.tolist() == [100, 200, 300, 400, 600, 700, 800]
    assert histories.days.tolist() == [1, 1, 4, 9, 12, 12, 15]
    assert histories.ratings.tolist() == [3, 3, 3, 1, 2, 4, 3]
    assert histories.elapsed.tolist() == [0, 0, 3, 0, 0, 0, 3]
    np.testing.assert_array_equal(histories.stabilities, [2.0, nan, 5.0, nan, nan, 3.0, nan])  # NaN matches NaN alone
    np.testing.assert_array_equal(histories.difficulties, [4.0, nan, 6.0, nan, nan, 7.0, nan])


# --- calibration of histories imported from Anki (no memory state recorded: replayed) ---------------------------------------

# FSRS-6 parameters other than the defaults, the imported deck's preset's after the import
OWN_PARAMETERS = (0.3, 1.4, 2.5, 9.0, 6.5, 0.8, 3.0, 0.002, 1.9, 0.17, 0.8, 1.5, 0.06, 0.27, 1.6, 0.6, 1.9, 0.55, 0.1, 0.07, 0.2)


def imported_collection(tmp_path, histories: list[list[AnkiEntry]], clock: FixedClock) -> Collection:
    col = Collection(tmp_path / "c.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)
    import_file(col, anki_package(tmp_path, histories))
    return col


def answers_by_card(col: Collection) -> list[list[ReviewLogEntry]]:
    """The log of each card of the imported deck, oldest first (cards by id)."""
    return [col.store.reviews_of_card(card_id) for card_id in sorted(col.card_ids_in_deck(col.deck_named(ANKI_DECK).id))]


def fsrs_history(col: Collection, entries: list[ReviewLogEntry]) -> list[tuple[int, int, int]]:
    """(unix ms, local day, rating) of the answers among `entries`, as `fsrs_items` reads them."""
    return [(e.time, col.calendar.day(e.time // 1000), e.rating) for e in entries if e.is_answer]


def use_own_parameters(col: Collection) -> None:
    preset = col.preset_of(col.deck_named(ANKI_DECK))
    col.update_preset(replace(preset, parameters=OWN_PARAMETERS))


def test_an_anki_history_is_scored_with_states_replayed_with_the_preset_s_parameters_now(tmp_path):
    clock = FixedClock(NOON)
    with imported_collection(tmp_path, anki_histories(8, NOON - 200 * DAY, seed=1), clock) as col:
        logs = answers_by_card(col)
        assert all(e.stability is None for log in logs for e in log)  # Anki's log records no memory state
        use_own_parameters(col)
        fit = calibration(col, period=Period.ALL)
        items = fsrs_items([fsrs_history(col, log) for log in logs])
        expected = fsrs.FSRS(list(OWN_PARAMETERS)).evaluate([item for item, _ in items])
        assert fit.reviews == fit.replayed == len(items) > 40
        assert fit.log_loss == pytest.approx(expected.log_loss, abs=2e-5)
        assert fit.rmse_bins == pytest.approx(expected.rmse_bins, abs=2e-5)
        assert sum(b.recalled for b in fit.bins) == sum(recalled for _, recalled in items)
        with_defaults = fsrs.FSRS(list(DEFAULT_PARAMETERS)).evaluate([item for item, _ in items])
        assert abs(with_defaults.log_loss - expected.log_loss) > 1e-3  # the parameters make a difference
        assert fit.note == (
            f"{fit.replayed:,} of {fit.reviews:,} predictions replayed with the preset's current parameters: "
            "history imported without memory states"
        )


def expected_predictions(log: list[ReviewLogEntry], calendar, parameters) -> list[tuple[float, bool]]:
    """(predicted recall, recorded state used) of each answer a day or more after the previous one:
    from the state the log records after the previous answer, or else the one fsrs-rs reaches from
    the state before it, answer by answer."""
    model, decay = fsrs.FSRS(list(parameters)), decay_of(parameters)
    state, previous, predictions = None, None, []
    for entry in log:
        day = calendar.day(entry.time // 1000)
        if previous is not None and day > previous[0]:
            predictions.append((retrievability(state.stability, day - previous[0], decay), previous[1]))
        if entry.stability is not None:
            state = fsrs.MemoryState(entry.stability, entry.difficulty)
        else:
            step = fsrs.FSRSItem([fsrs.FSRSReview(entry.rating, 0 if previous is None else day - previous[0])])
            state = model.historical_memory_states(step, state)[-1]
        previous = (day, entry.stability is not None)
    return predictions


def test_a_mixed_history_uses_the_states_the_log_records_and_replays_the_others_from_them(tmp_path):
    """Imported from Anki, then answered in heatcards (states recorded with the parameters of then),
    then imported again (from a device that has no states): scored with the recorded states where
    there are, replayed from them with the parameters of now elsewhere."""
    clock = FixedClock(NOON - 60 * DAY)
    with imported_collection(tmp_path, anki_histories(6, NOON - 200 * DAY, seed=2), clock) as col:
        card_ids = sorted(col.card_ids_in_deck(col.deck_named(ANKI_DECK).id))
        for days in (0, 3, 10, 11, 25):
            clock.current = NOON - 60 * DAY + days * DAY
            for card_id, rating in zip(card_ids, [3, 1, 3, 4, 2, 3]):
                col.answer(card_id, rating)
        for card_id in card_ids[:3]:
            card = col.card(card_id)
            log(col, card, NOON - 20 * DAY, rating=3)  # no state: replayed from the last recorded one
            log(col, card, NOON - 5 * DAY, rating=1)
        clock.current = NOON
        use_own_parameters(col)
        fit = calibration(col, period=Period.ALL)
        expected = [p for entries in answers_by_card(col) for p in expected_predictions(entries, col.calendar, OWN_PARAMETERS)]
        assert fit.reviews == len(expected) > 40
        assert fit.replayed == sum(not recorded for _, recorded in expected)
        assert 0 < fit.replayed < fit.reviews - 6 * 4  # each card's last four heatcards answers predicted from recorded states
        assert sum(b.predicted_sum for b in fit.bins) == pytest.approx(sum(p for p, _ in expected), rel=1e-5)
        assert [b.reviews for b in fit.bins] == [sum(b.low <= p < b.high for p, _ in expected) for b in fit.bins]
        items = fsrs_items([fsrs_history(col, log) for log in answers_by_card(col)])
        all_replayed = fsrs.FSRS(list(OWN_PARAMETERS)).evaluate([item for item, _ in items])
        assert abs(all_replayed.log_loss - fit.log_loss) > 1e-4  # replaying the recorded answers too would score otherwise


def test_a_reset_and_a_relearning_from_new_restart_the_replay(tmp_path):
    """After a reset, and where a learning answer follows reviews (Anki's FSRS reads the log so: a card
    forgotten before Anki logged resets), the history starts again: its first answer is not scored
    and sets the first state."""
    start = NOON - 150 * DAY
    histories = anki_histories(4, start, seed=3)
    histories[0] += [(start + 140 * DAY, 0, MANUAL), (start + 141 * DAY, 3, LEARN), (start + 143 * DAY, 3, REVIEW)]
    histories[0] += [(start + 145 * DAY, 1, REVIEW)]
    histories[1] += [(start + 142 * DAY, 1, LEARN), (start + 144 * DAY, 3, REVIEW), (start + 146 * DAY, 3, REVIEW)]
    clock = FixedClock(NOON)
    with imported_collection(tmp_path, histories, clock) as col:
        use_own_parameters(col)
        logs = answers_by_card(col)
        assert [e.rating for e in logs[0] if e.is_reset] == [0]
        segments = []  # each card's history split where it starts again
        for log_ in logs:
            segments.append([])
            for e in log_:
                if e.is_reset or (e.kind is ReviewKind.LEARN and segments[-1] and segments[-1][-1].kind is not ReviewKind.LEARN):
                    segments.append([])
                if e.is_answer:
                    segments[-1].append(e)
        assert len(segments) == 4 + 2
        items = fsrs_items([fsrs_history(col, segment) for segment in segments if segment])
        expected = fsrs.FSRS(list(OWN_PARAMETERS)).evaluate([item for item, _ in items])
        fit = calibration(col, period=Period.ALL)
        assert fit.reviews == fit.replayed == len(items)
        assert fit.log_loss == pytest.approx(expected.log_loss, abs=2e-5)
        assert fit.rmse_bins == pytest.approx(expected.rmse_bins, abs=2e-5)


# --- the command line ------------------------------------------------------------------------------------------------------


def test_stats_command_prints_text_and_json(tmp_path, capsys):
    path = tmp_path / "c.heatcards"
    with Collection(path, calendar_tz=timezone.utc, install_heat_deck=False) as col:
        card = add_card(col, "French::Verbs", state=CardState.REVIEW, due=col.now() + DAY, interval=30)
        add_card(col, "German")
        log(col, card, col.now() - 40 * DAY, rating=3, kind=ReviewKind.LEARN, interval_before=0)  # imported: no state
        today_start = col.calendar.day_start(col.calendar.day(col.now()))
        log(col, card, max(today_start, col.now() - 60), rating=1, interval_before=30)  # today, even just after the rollover
    assert cli.main(["--collection", str(path), "stats", "--deck", "French"]) == 0
    text = capsys.readouterr().out
    assert "Statistics of Deck French, last 30 days" in text
    assert "  Cards studied: 1 cards" in text and "  Again share: 100.0%" in text
    assert ["Mature", "1", "100.0%"] in [line.split() for line in text.splitlines()]
    assert cli.main(["--collection", str(path), "stats", "--search", "deck:German", "--period", "all", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["period"] == "all" and record["scope"]["search"] == "deck:German"
    counts = {row[0]: row[1] for row in record["panels"]["card_counts"]["rows"]}
    assert counts["New"] == 1 and counts["Mature"] == 0
    assert cli.main(["--collection", str(path), "stats", "--deck", "French", "--period", "all", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)["panels"]["calibration"]["summary"]
    calibration_numbers = {m["label"]: m["value"] for m in summary}
    assert calibration_numbers["Scored reviews"] == calibration_numbers["Predictions replayed"] == 1  # the lapse, from a replay
    assert cli.main(["--collection", str(path), "stats", "--deck", "Nope"]) == 1
    assert "no deck named 'Nope'" in capsys.readouterr().err


# --- properties -------------------------------------------------------------------------------------------------------------

card_specs = st.lists(
    st.tuples(
        st.sampled_from(list(CardState)),
        st.integers(-60, 400),  # due, days from now
        st.integers(0, 60),  # interval
        st.booleans(),  # suspended
        st.booleans(),  # buried
        st.sampled_from(["Default", "A", "A::B"]),
    ),
    min_size=0,
    max_size=12,
)
review_specs = st.lists(
    st.tuples(st.integers(0, 11), st.integers(-500 * DAY, 0), st.integers(0, 4), st.sampled_from(KINDS), st.integers(0, 40)),
    max_size=30,
)


def _fill(col, cards, reviews, remembered=()):
    """Add the drawn cards (`card_specs`, then `memory_specs` with a memory state) and log the drawn
    reviews (`review_specs`) against them."""
    made = []
    for state, due_days, interval, suspended, buried, deck in cards:
        queued = {"state": state, "due": NOON + due_days * DAY, "interval": interval} if state is not CardState.NEW else {}
        made.append(add_card(col, deck, suspended=suspended, buried_until=NOON + HOUR if buried else 0, **queued))
    for state, due_days, interval, stability, difficulty, days_ago, deck in remembered:
        made.append(add_card(
            col, deck, state=state, due=NOON + due_days * DAY, interval=interval, stability=stability,
            difficulty=difficulty, last_review=NOON - days_ago * DAY,
        ))
    for index, at, rating, kind, interval in reviews:
        if made:
            rating = 0 if kind in (ReviewKind.MANUAL, ReviewKind.RESCHEDULED) else max(1, rating)
            log(col, made[index % len(made)], NOON + at, rating=rating, kind=kind, interval_before=interval)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cards=card_specs, reviews=review_specs, period=st.sampled_from(list(Period)),
       scope=st.sampled_from([Scope(), Scope.deck("A"), Scope.matching("is:review or is:new")]))
def test_properties_of_any_collection(tmp_path_factory, cards, reviews, period, scope):
    path = tmp_path_factory.mktemp("prop") / "c.heatcards"
    with Collection(path, clock=FixedClock(NOON), calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as col:
        _fill(col, cards, reviews)
        stats = collect(col, scope, period)
        in_scope = found(col, scope.search)
        # counts are never negative
        for panel in stats.panels().values():
            for row in panel.table().rows:
                counts = [v for column, v in zip(panel.table().columns, row) if column != "days from today"]
                assert all(v >= 0 for v in counts if isinstance(v, (int, float))), panel.title
            assert all(m.value is None or m.value >= 0 for m in panel.summary()), panel.title
        # card counts sum to the cards in scope
        assert stats.card_counts.total == len(in_scope)
        # reviews per day add up to the answers in the period
        today = col.calendar.day(NOON)
        first = -10**9 if period.days is None else today - period.days + 1
        answers = [
            e for e in col.store.reviews_of_cards(sorted(in_scope))
            if e.is_answer and e.kind not in (ReviewKind.MANUAL, ReviewKind.RESCHEDULED)
            and col.calendar.day(e.time // 1000) >= first
        ]
        assert stats.reviews.answers == len(answers) == sum(stats.calendar.answers_by_day.values())
        assert stats.reviews.duration_ms == sum(e.duration_ms for e in answers)
        # future due: queued cards due in the period plus the backlog
        last = stats.future_due.last_day
        due = [
            c for c in col.store.cards(sorted(in_scope))
            if c.state is not CardState.NEW and not c.suspended
            and col.calendar.day(c.due) - today <= last
            and not (c.is_buried(NOON) and col.calendar.day(c.due) <= today)
        ]
        assert stats.future_due.total == len(due)
        assert stats.future_due.backlog == sum(1 for c in due if col.calendar.day(c.due) < today)


# --- the cards read on connections of their own -------------------------------------------------------


def in_memory_copy(collection: Collection) -> Collection:
    """The same collection in memory, where `collect` reads everything on one connection."""
    copy = Collection(":memory:", clock=collection.clock, calendar_tz=collection.calendar.tz, fuzz=False, install_heat_deck=False)
    collection.store.db.conn.backup(copy.store.db.conn)
    return copy


memory_specs = st.lists(
    st.tuples(
        st.sampled_from([CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING]),
        st.integers(-60, 400),  # due, days from now
        st.integers(0, 60),  # interval
        st.floats(0.01, 400),  # stability
        st.floats(1, 10),  # difficulty
        st.integers(0, 90),  # last review, days ago
        st.sampled_from(["Default", "A", "A::B"]),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cards=card_specs, remembered=memory_specs, reviews=review_specs, period=st.sampled_from(list(Period)),
       scope=st.sampled_from([Scope(), Scope.deck("A"), Scope.matching("is:review or is:new"), Scope.matching("front")]))
def test_a_file_read_on_several_connections_gives_the_numbers_of_one(tmp_path_factory, cards, remembered, reviews, period, scope):
    path = tmp_path_factory.mktemp("apart") / "c.heatcards"
    with Collection(path, clock=FixedClock(NOON), calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as col:
        _fill(col, cards, reviews, remembered)
        with closing(in_memory_copy(col)) as copy:
            assert collect(col, scope, period) == collect(copy, scope, period)


def test_every_card_of_a_file_is_read_in_other_threads_on_connections_of_their_own(collection, monkeypatch):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=3, stability=4.0, difficulty=5.0, last_review=NOON - DAY)
    log(collection, card, NOON - DAY)
    threads, connections = {}, {}
    for name in ("card_panels", "memory_histograms", "card_panels_and_memory_histograms", "answers", "hourly_answers"):
        def spy(self, *args, _read=getattr(StatsReader, name), _name=name, **kwargs):
            threads.setdefault(_name, set()).add(threading.get_ident())
            connections.setdefault(_name, []).append(self.conn)
            return _read(self, *args, **kwargs)
        monkeypatch.setattr(StatsReader, name, spy)
    # every card, nothing kept: the whole log's answers by hour, its newer half read here, its older
    # half in a worker (then kept); each card read on a connection of its own
    collect(collection, Scope())
    assert threading.get_ident() in threads["hourly_answers"] and len(threads["hourly_answers"]) == 2
    assert "answers" not in threads
    assert threading.get_ident() not in threads["card_panels"] | threads["memory_histograms"]
    assert len({id(conn) for conns in connections.values() for conn in conns}) == 4
    # a deck of every card: the answers kept stand, so no log is read by hour
    threads.clear()
    connections.clear()
    collect(collection, Scope.deck("Default"))
    assert threads.keys() == {"card_panels", "memory_histograms"} and threading.get_ident() not in threads["card_panels"] | threads["memory_histograms"]
    assert len({id(conn) for conns in connections.values() for conn in conns}) == 2
    add_card(collection, "Other")
    # a deck holding half the cards: the worker connections set its scope up again, as they do a
    # tag's (looked up in `note_tags`); a search that reads notes is run once, and its cards' panels
    # and memory states read in one pass
    for scope, apart in ((Scope.deck("Default"), True), (Scope.matching("deck:Default -tag:absent"), True), (Scope.matching("deck:Default -absent"), False)):
        threads.clear()
        connections.clear()
        collect(collection, scope)
        if apart:
            assert threading.get_ident() not in threads["card_panels"] | threads["memory_histograms"]
            assert "card_panels_and_memory_histograms" not in threads
        else:
            assert threads["card_panels_and_memory_histograms"] == {threading.get_ident()}
            assert not {"card_panels", "memory_histograms"} & threads.keys()
        assert len({id(conn) for conns in connections.values() for conn in conns}) == (4 if apart else 1)
    add_card(collection, "Other")
    threads.clear()
    connections.clear()
    collect(collection, Scope.deck("Default"))  # a third of the cards: read on the connection that ran the search
    assert threads == {name: {threading.get_ident()} for name in ("card_panels_and_memory_histograms", "answers")}
    assert len({id(conn) for conns in connections.values() for conn in conns}) == 1


def test_a_deck_of_most_cards_counts_as_the_same_cards_copied_one_by_one(tmp_path):
    """A search of cards alone that selects most of them is scoped by the cards it leaves out; a
    search that reads notes copies the ids it selects. The same cards give the same numbers."""
    collection = Collection(tmp_path / "c.heatcards", clock=FixedClock(NOON), install_heat_deck=False)
    for index in range(12):
        deck = "Most" if index % 4 else "Few"
        card = add_card(collection, deck, state=CardState.REVIEW, due=NOON + index * DAY, interval=3 + index,
                        stability=2.0 + index, difficulty=3.0 + index % 5, last_review=NOON - (index + 1) * DAY)
        for days_ago in range(1, index + 2, 3):
            log(collection, card, NOON - days_ago * DAY - index * 600, rating=1 + index % 4)
    for period in (Period.MONTH, Period.YEAR, Period.ALL):
        left_out = collect(collection, Scope.deck("Most"), period)
        copied = collect(collection, Scope.matching("deck:Most -absent"), period)
        assert left_out.card_counts.total == 9
        assert _panels_without_scope(left_out) == _panels_without_scope(copied)


def _panels_without_scope(statistics) -> dict:
    return {name: replace(panel, scope=None) for name, panel in statistics.panels().items()}


def test_a_few_cards_over_all_time_start_at_their_first_answer(collection):
    early = add_card(collection)
    for days_ago in range(300, 0, -50):
        log(collection, early, NOON - days_ago * DAY)
    few = [add_card(collection, "A") for _ in range(2)]
    log(collection, few[0], NOON - 120 * DAY, rating=1)
    log(collection, few[1], NOON - 7 * DAY)
    for _ in range(8):  # so that deck A holds under a third of the cards: read card by card
        add_card(collection)
    stats = collect(collection, Scope.deck("A"), Period.ALL)
    assert stats.reviews.first_day == -120
    assert stats.calendar.answers_by_day == {-120: 1, -7: 1}
    assert stats.buttons.counts["young"] == (1, 0, 1, 0)


def test_only_all_time_looks_up_the_first_review(collection, monkeypatch):
    card = add_card(collection)
    log(collection, card, NOON - 400 * DAY)
    log(collection, card, NOON - 3 * DAY)
    for _ in range(3):  # so that deck Default holds under a third of the cards: read card by card
        add_card(collection, "A")
    looked_up = []
    first_review = StatsReader.first_review
    monkeypatch.setattr(StatsReader, "first_review", lambda self: looked_up.append(1) or first_review(self))
    # every card with no answers by hour kept: whether the period reads at least half the log's span
    # (then the whole log is read and kept) needs the first review: a month does not, a year does
    assert collect(collection, Scope(), Period.MONTH).calendar.answers_by_day == {-3: 1}
    assert looked_up == [1] and not kept_answer_hours(collection)
    assert collect(collection, Scope(), Period.YEAR).reviews.first_day == -364
    assert looked_up == [1, 1] and kept_answer_hours(collection)
    for scope in (Scope(), Scope.deck("Default")):  # every card (with answers kept), and a few read card by card
        looked_up.clear()
        assert collect(collection, scope, Period.MONTH).calendar.answers_by_day == {-3: 1}
        assert collect(collection, scope, Period.YEAR).reviews.first_day == -364
        assert looked_up == []
        assert collect(collection, scope, Period.ALL).reviews.first_day == -400
        assert looked_up == [1]


def test_collect_takes_the_moment_and_the_card_states_of_a_glance(collection, clock):
    for index in range(6):
        card = add_card(collection, "A" if index % 2 else "Default", state=CardState.REVIEW, due=NOON + index * DAY,
                        interval=3 + 10 * index, stability=2.0 + index, difficulty=5.0, last_review=NOON - DAY,
                        buried_until=NOON + HOUR if index == 4 else 0)
        log(collection, card, NOON - index * DAY - HOUR, rating=1 + index % 4)
    for scope in (Scope(), Scope.deck("A"), Scope.matching("is:review")):
        glanced = glance(collection, scope)
        clock.advance(2 * HOUR)  # the buried card is not, now
        for period in Period:
            taken = collect(collection, scope, period, glanced)
            clock.current = NOON
            assert taken == collect(collection, scope, period)
            clock.advance(2 * HOUR)
        clock.current = NOON
    states = glance(collection).card_states
    made_up = replace(glance(collection), card_states=states._replace(intervals={99: 1}))
    assert collect(collection, Scope(), Period.MONTH, made_up).intervals.cards_by_interval == {99: 1}  # not counted again
    with pytest.raises(ValueError):
        collect(collection, Scope.deck("A"), Period.MONTH, glance(collection))


def test_collect_after_a_glance_takes_the_cards_its_search_selected(collection):
    # a search selecting 2 cards of 10 is run into a table of them; `collect` after the
    # glance fills its table with the glance's cards rather than run the search again
    collection.add_deck("Few")
    for index in range(10):
        card = add_card(collection, "Few" if index < 2 else "Default", state=CardState.REVIEW, due=NOON + index * DAY,
                        interval=3 + 10 * index, stability=2.0 + index, difficulty=5.0, last_review=NOON - DAY)
        log(collection, card, NOON - index * DAY - HOUR, rating=1 + index % 4)
    scope = Scope.matching("deck:Few -tag:absent")
    glanced = glance(collection, scope)
    assert glanced.scope_cards.tolist() == sorted(found(collection, scope.search))
    for period in Period:
        taken, statements = _statements_run(collection, lambda: collect(collection, scope, period, glanced))
        assert not [statement for statement in statements if "hc_tags" in statement]  # no search run
        assert taken == collect(collection, scope, period)
    # where the scope is set up again in a few milliseconds, nothing is handed over
    assert glance(collection).scope_cards is None
    assert glance(collection, Scope.deck("Default")).scope_cards is None


def test_calibration_after_a_glance_takes_its_moment_and_the_cards_its_search_selected(collection, clock):
    # the window's calibration starts after the glance and takes the cards its search selected (a
    # search selecting 2 cards of 10) rather than run the search again, at the glance's moment
    collection.add_deck("Few")
    for index in range(10):
        card = add_card(collection, "Few" if index < 2 else "Default", state=CardState.REVIEW, due=NOON + DAY, interval=5)
        for days_ago in (60, 40, 25, 3 + index):
            log(collection, card, NOON - days_ago * DAY - HOUR, rating=1 + (index + days_ago) % 4)
    scope = Scope.matching("deck:Few -tag:absent")
    glanced = glance(collection, scope)
    clock.advance(20 * DAY)  # the month would hold other answers now
    for period in Period:
        taken, statements = _statements_run(collection, lambda: calibration(collection, scope, period, glanced))
        assert not [statement for statement in statements if "hc_tags" in statement]  # no search run
        clock.current = NOON
        assert taken == calibration(collection, scope, period)
        clock.advance(20 * DAY)
    assert taken.reviews == 6  # the two cards' answers after their first
    with pytest.raises(ValueError):
        calibration(collection, Scope(), Period.MONTH, glanced)


def _few_cards_answered(collection) -> list[Card]:
    """Three cards of deck Few (a tenth: read card by card) answered 40 days ago and later, among
    cards answered since 100 days ago."""
    collection.add_deck("Few")
    few = [add_card(collection, "Few") for _ in range(3)]
    for index in range(27):
        log(collection, add_card(collection), NOON - (100 - index) * DAY)
    for index, card in enumerate(few):
        log(collection, card, NOON - (40 - index) * DAY)
    return few


def test_the_first_review_of_a_few_cards_is_bounded_by_the_log_s_first_without_a_seek_per_card(collection):
    # all time and calibration's days need a bound before the scope's first review, not that review:
    # the whole log's first is found at one end of the index by hour, where each card would be sought
    _few_cards_answered(collection)
    with _reader(collection, Scope.matching("deck:Few -tag:absent"), collection.now()) as reader:
        assert reader._reviews_by_card
        first, plan = _with_query_plan(collection, reader.first_review)
    assert first == NOON - 100 * DAY
    assert not [step for step in plan if "revlog_by_card_time" in step]
    stats = collect(collection, Scope.matching("deck:Few -tag:absent"), Period.ALL)
    assert (stats.reviews.first_day, stats.added.first_day) == (-40, 0)
    assert stats.calendar.answers_by_day == {-40: 1, -39: 1, -38: 1}


def test_a_few_cards_ids_are_read_in_the_order_of_the_scope_s_table_without_a_sort(collection):
    few = _few_cards_answered(collection)
    with _reader(collection, Scope.matching("deck:Few -tag:absent"), collection.now()) as reader:
        assert reader._reviews_by_card
        ids, ids_plan = _with_query_plan(collection, reader.card_ids)
        (with_ids, decks), decks_plan = _with_query_plan(collection, reader.card_decks)
    assert ids.tolist() == with_ids.tolist() == sorted(card.id for card in few)
    assert decks.tolist() == [collection.deck_named("Few").id] * 3
    assert not [step for step in ids_plan + decks_plan if "TEMP B-TREE" in step]


def test_a_day_before_the_period_is_looked_up_for_a_few_cards_in_the_day_s_entries(collection):
    # the streak's look-up of a day: the day's entries of the whole log, those of the scope's cards
    # kept, where each card would be sought (and all of them on a day without)
    _few_cards_answered(collection)
    log(collection, add_card(collection), today_start(collection, -41) + HOUR)
    with _reader(collection, Scope.matching("deck:Few -tag:absent"), collection.now()) as reader:
        assert reader._reviews_by_card
        answered, plan = _with_query_plan(collection, lambda: reader.answered_between(today_start(collection, -39), today_start(collection, -38)))
        assert answered
        assert not reader.answered_between(today_start(collection, -41), today_start(collection, -40))  # others answered then
        assert not reader.answered_between(today_start(collection, -37), today_start(collection, -36))
    assert [step for step in plan if "revlog_by_hour" in step] and not [step for step in plan if "revlog_by_card_time" in step]


@settings(max_examples=60, deadline=None)
@given(
    groups=st.dictionaries(st.tuples(st.integers(-400, 0), st.integers(0, 63)), st.tuples(st.integers(1, 50), st.integers(0, 10**7)), max_size=80),
    period=st.sampled_from(list(Period)),
)
def test_the_answer_panels_count_each_group_as_its_code_says(groups, period):
    # the panels are sums over the groups' arrays: they equal a count group by group of what each
    # `stats_code` says (kind, maturity, rating, counted for true retention)
    keys = sorted(groups)
    columns = ([day for day, _ in keys], [code for _, code in keys], [groups[k][0] for k in keys], [groups[k][1] for k in keys])
    arrays = AnswerGroups(*(np.array(column, dtype=np.int64) for column in columns))
    today = {"answers": 0, "duration_ms": 0, "again": 0, "learn": 0, "review": 0, "relearn": 0, "filtered": 0, "mature_answers": 0, "mature_again": 0}
    by_day, counts, durations = {}, {}, {}
    buttons = {group: [0, 0, 0, 0] for group in ("learning", "young", "mature")}
    spans = retention_spans(period)
    retention = {label: [0, 0, 0, 0] for label, _ in spans}
    for (day, code), (answers, ms) in groups.items():
        kind, mature, rating, retained = ("learn", "relearn", "review", "filtered")[code // 8 % 4], code // 4 % 2, code % 4 + 1, code >= 32
        name = ("mature" if mature else "young") if kind == "review" else kind
        if day == 0:
            for field, counted in (("answers", True), ("again", rating == 1), (kind, True), ("mature_answers", mature), ("mature_again", mature and rating == 1)):
                today[field] += answers if counted else 0
            today["duration_ms"] += ms
        by_day[day] = by_day.get(day, 0) + answers
        counts.setdefault(day, {}).setdefault(name, 0)
        counts[day][name] += answers
        durations.setdefault(day, {}).setdefault(name, 0)
        durations[day][name] += ms
        buttons[name if kind == "review" else "learning"][rating - 1] += answers
        for label, first in spans:
            if retained and (first is None or day >= first) and (label != "Yesterday" or day == -1):
                retention[label][2 * mature + (rating == 1)] += answers
    scope, first_day = Scope(), -400
    assert _today(scope, arrays) == Today(scope, **today)
    assert _answers_by_day(arrays) == by_day
    reviews = _reviews_per_day(scope, date(2026, 11, 23), first_day, arrays)
    assert reviews.counts == {day: KindCounts(**c) for day, c in counts.items()}
    assert reviews.durations_ms == {day: KindCounts(**d) for day, d in durations.items()}
    assert _buttons(scope, 401, arrays).counts == {group: tuple(c) for group, c in buttons.items()}
    assert _true_retention_rows(arrays, period) == tuple(RetentionRow(label, *retention[label]) for label, _ in spans)


def _rows(groups: AnswerGroups) -> list[tuple[int, int, int, int]]:
    """The answer groups as rows (day, code, answers, milliseconds), in their order."""
    return list(zip(*(column.tolist() for column in groups)))


def _statements_run(collection, read):
    """What `read()` returns, and the SQL statements it ran."""
    connection = collection.store.db.conn
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    try:
        return read(), statements
    finally:
        connection.set_trace_callback(None)


def _with_query_plan(collection, read):
    """What `read()` returns, and the steps of the query plans of the statements it ran."""
    result, statements = _statements_run(collection, read)
    connection = collection.store.db.conn
    return result, [row[3] for statement in statements for row in connection.execute("EXPLAIN QUERY PLAN " + statement)]


def test_the_answers_of_a_few_cards_are_counted_without_sqlite_s_sorter(collection):
    # read card by card, a scope's reviews come in the order of their cards: numpy counts them by
    # hour and code (a GROUP BY would sort them all in SQLite); the numbers are those SQL groups by
    # local time
    collection.add_deck("Few")
    kinds = [ReviewKind.LEARN, ReviewKind.REVIEW, ReviewKind.RELEARN, ReviewKind.FILTERED, ReviewKind.MANUAL]
    for index in range(10):
        card = add_card(collection, "Few" if index < 2 else "Default", state=CardState.REVIEW, due=NOON + DAY, interval=5)
        for offset in range(index + 4):
            kind = kinds[(index + offset) % len(kinds)]
            log(collection, card, NOON - offset * DAY - index * HOUR - offset * 61, rating=0 if kind == ReviewKind.MANUAL else 1 + offset % 4,
                kind=kind, interval_before=offset * 7, duration_ms=1000 + 7 * offset)
    now, calendar = collection.now(), collection.calendar
    today = calendar.day(now)
    for days in (1, 3, 30):
        first_day = today - days + 1
        since = calendar.day_start(first_day)
        timeline = _local_timeline(calendar, since, now)
        with _reader(collection, Scope.matching("deck:Few -tag:absent"), now) as reader:
            assert reader._reviews_by_card
            by_utc_hour, plan = _with_query_plan(collection, lambda: reader._answers_by_utc_hour(timeline, today, since, None))
            by_local_time = reader._answers_by_local_time(timeline, first_day, today, since, None)
        assert _rows(by_utc_hour.groups)
        assert _rows(by_utc_hour.groups) == _rows(by_local_time.groups)
        assert sorted(by_utc_hour.hours) == sorted(by_local_time.hours)
        assert not [step for step in plan if "TEMP B-TREE" in step]


def test_today_of_a_few_cards_is_read_from_the_day_s_entries_not_card_by_card(collection):
    # the scope's cards each sought in the index on (card_id, time) cost more than the day's entries of
    # the whole log read in one range of the index by hour
    collection.add_deck("Few")
    start = today_start(collection)
    for index in range(12):  # a quarter of the cards: read card by card
        card = add_card(collection, "Few" if index < 3 else "Default", state=CardState.REVIEW, due=NOON + DAY, interval=5)
        for offset, kind in enumerate(KINDS):
            log(collection, card, start + 60 * index + 7 * offset, rating=0 if kind in (ReviewKind.MANUAL, ReviewKind.RESCHEDULED) else 1 + offset % 4, kind=kind,
                interval_before=10 * offset, duration_ms=1000 + index)
        log(collection, card, start - 1 - index)  # yesterday
    scope = Scope.matching("deck:Few -tag:absent")
    now, calendar = collection.now(), collection.calendar
    today = calendar.day(now)
    timeline = _local_timeline(calendar, start, now)
    with _reader(collection, scope, now) as reader:
        assert reader._reviews_by_card
        by_utc_hour, plan = _with_query_plan(collection, lambda: reader.answers(timeline, today, today, start))
        by_local_time = reader._answers_by_local_time(timeline, today, today, start, None)
    assert [step for step in plan if "revlog_by_hour" in step] and not [step for step in plan if "revlog_by_card_time" in step]
    assert _rows(by_utc_hour.groups) == _rows(by_local_time.groups)
    assert sorted(by_utc_hour.hours) == sorted(by_local_time.hours)
    seen = glance(collection, scope)
    assert seen.today == _today(scope, by_local_time.groups)
    assert (seen.today.answers, seen.today.duration_ms) == (12, 4 * (1000 + 1001 + 1002))


def test_a_fraction_where_the_file_should_hold_whole_numbers_leaves_the_statistics_standing(collection):
    card = add_card(collection, state=CardState.REVIEW, due=NOON + DAY, interval=3)
    with collection.store.transaction():  # as a damaged file could hold them
        collection.store.db.conn.execute("UPDATE cards SET interval = 2.5, due = due + 0.5 WHERE id = ?", (card.id,))
    stats = collect(collection)
    assert stats.card_counts.young == 1
    assert stats.future_due.cards_by_day == {1: 1}
