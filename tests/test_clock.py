"""Local days: a calendar that remembers the last day it was asked about answers exactly as one
asked once, in any zone, across daylight saving changes, and follows a change of the process's zone."""
from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heatcards.clock import DayCalendar

ZONES = [
    timezone.utc,
    ZoneInfo("America/New_York"),
    ZoneInfo("Europe/London"),
    ZoneInfo("Asia/Kolkata"),
    ZoneInfo("Australia/Lord_Howe"),  # daylight saving of half an hour
    ZoneInfo("America/Havana"),  # changes its clocks at midnight
]

# Times near one another (the same day asked for again and again, as studying does) and far apart.
timestamps = st.lists(
    st.one_of(st.integers(1_600_000_000, 1_900_000_000), st.integers(1_700_000_000, 1_700_400_000)).map(float),
    min_size=1,
    max_size=40,
)


def asked_once(tz, rollover_hour: int, timestamp: float) -> tuple[int, int]:
    fresh = DayCalendar(tz, rollover_hour)
    return fresh.day(timestamp), DayCalendar(tz, rollover_hour).next_day_start(timestamp)


@settings(max_examples=300, deadline=None)
@given(zone=st.sampled_from(ZONES), rollover_hour=st.integers(0, 23), times=timestamps, repeats=st.integers(1, 3))
def test_a_calendar_that_remembers_answers_as_one_asked_once(zone, rollover_hour, times, repeats):
    """Asked apart or together (`day_and_next_start`), the day and the next day's start are those of
    a fresh calendar."""
    calendar = DayCalendar(zone, rollover_hour)
    for timestamp in times:
        for _ in range(repeats):
            expected = asked_once(zone, rollover_hour, timestamp)
            assert (calendar.day(timestamp), calendar.next_day_start(timestamp)) == expected
            assert calendar.day_and_next_start(timestamp) == expected


@pytest.mark.parametrize("zone", ZONES, ids=str)
def test_every_second_of_a_day_change_is_numbered_as_once(zone):
    calendar = DayCalendar(zone, 4)
    start = calendar.day_start(calendar.day(1_710_000_000) + 1)  # a March night: daylight saving begins near it in some zones
    for timestamp in range(start - 3, start + 3):
        for fraction in (0.0, 0.5):
            assert calendar.day(timestamp + fraction) == asked_once(zone, 4, timestamp + fraction)[0]
    assert calendar.day(start - 1) + 1 == calendar.day(start)  # the rollover second is still the day before


def test_the_process_zone_is_followed_when_it_changes(monkeypatch):
    calendar = DayCalendar(None, 4)
    noon_utc = datetime(2026, 3, 2, 12, tzinfo=timezone.utc).timestamp()
    late_evening_utc = datetime(2026, 3, 2, 23, tzinfo=timezone.utc).timestamp()
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        assert calendar.day(noon_utc) == calendar.day(late_evening_utc)  # remembered: the same day twice
        os.environ["TZ"] = "Asia/Tokyo"  # 23:00 UTC is 08:00 the next morning in Tokyo
        time.tzset()
        assert calendar.day(late_evening_utc) == calendar.day(noon_utc) + 1
    finally:
        monkeypatch.undo()
        time.tzset()


@settings(max_examples=200, deadline=None)
@given(zone=st.sampled_from(ZONES), rollover_hour=st.integers(0, 23), today=st.integers(1_700_000_000, 1_700_400_000),
       steps=st.lists(st.tuples(st.integers(0, 600), st.integers(1_600_000_000, 1_900_000_000)), min_size=1, max_size=30))
def test_studying_pattern_answers_as_once(zone, rollover_hour, today, steps):
    """As an answer asks: today, a card's last review on some other day, today again (the day remembered
    must not be forgotten, nor answer for the other day)."""
    calendar = DayCalendar(zone, rollover_hour)
    for seconds_later, last_review in steps:
        today += seconds_later
        for timestamp in (today, last_review, today):
            assert (calendar.day(timestamp), calendar.next_day_start(timestamp)) == asked_once(zone, rollover_hour, timestamp)


def test_a_day_asked_for_once_in_between_keeps_today_remembered(monkeypatch):
    """Today's bounds are worked out once, not again after each card's last review is numbered."""
    calendar = DayCalendar(ZoneInfo("Europe/London"), 4)
    now = 1_700_000_000
    calendar.day(now), calendar.day(now + 1)  # today worked out twice: remembered
    tomorrow_start = asked_once(calendar.tz, 4, now)[1]
    worked_out = []
    original = DayCalendar.day_start
    monkeypatch.setattr(DayCalendar, "day_start", lambda self, day: worked_out.append(day) or original(self, day))
    for days_ago in (30, 200, 31):
        calendar.day(now - days_ago * 86400)  # a card's last review
        assert calendar.next_day_start(now + days_ago) == tomorrow_start
    assert worked_out == []


def test_a_last_review_day_asked_for_twice_in_a_row_keeps_today_remembered(monkeypatch):
    """Cards in a row often share their last review's day: that day becomes remembered beside today,
    which is not worked out again."""
    calendar = DayCalendar(ZoneInfo("Europe/London"), 4)
    now = 1_700_000_000
    calendar.day(now), calendar.day(now + 1)  # today worked out twice: remembered
    today, tomorrow_start = calendar.day(now), asked_once(calendar.tz, 4, now)[1]
    days_ago = (30, 30, 30, 200, 30, 31, 31)
    expected = [asked_once(calendar.tz, 4, now - ago * 86400)[0] for ago in days_ago]
    worked_out = []
    original = DayCalendar.day_start
    monkeypatch.setattr(DayCalendar, "day_start", lambda self, day: worked_out.append(day) or original(self, day))
    for ago, last_review_day in zip(days_ago, expected):
        assert calendar.day(now - ago * 86400) == last_review_day
        assert (calendar.day(now + ago), calendar.next_day_start(now + ago)) == (today, tomorrow_start)
    assert today not in worked_out and today + 1 not in worked_out
    assert len(worked_out) == 4  # the two days asked for twice in a row, each with the day after it
