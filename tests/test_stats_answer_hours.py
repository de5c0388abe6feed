"""The whole log's answers by hour kept beside the collection (`storage.answer_hours`): with them,
`stats.collect` of every card gives exactly the numbers read from the log, whatever changed since
they were kept, and reads only the log's entries after their mark while those up to it stand."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heatcards.clock import FixedClock
from heatcards.collection import Collection
from heatcards.formats.review_log import ReviewLogRow
from heatcards.model import CardState, ReviewKind, ReviewLogEntry
from heatcards import stats
from heatcards.stats import Period, Scope, collect
from heatcards.storage.answer_hours import answer_hours_path
from heatcards.storage.stats_sql import StatsReader
from tests.conftest import NOON
from tests.test_stats import KINDS, _counter, add_card, in_memory_copy, kept_answer_hours, log, study

DAY = 86400
HOUR = 3600
SCOPES = (Scope(), Scope.deck("Default"))  # every card, and a deck holding every card


def read_from_the_log(col: Collection, scopes=SCOPES, periods=tuple(Period)) -> dict:
    """`collect` of `scopes` and `periods` read from the log alone (an in-memory copy keeps nothing)."""
    with closing(in_memory_copy(col)) as copy:
        copy.set_rollover_hour(col.calendar.rollover_hour)
        return {(scope, period): collect(copy, scope, period) for scope in scopes for period in periods}


def collected(col: Collection) -> dict:
    return {(scope, period): collect(col, scope, period) for scope in SCOPES for period in Period}


@pytest.fixture
def reads(monkeypatch) -> list:
    """What each `collect` read of the log by hour: "whole" for a half of the whole log (a build),
    "after" for the entries after a mark."""
    done: list = []
    hourly_answers = StatsReader.hourly_answers
    entered_after = StatsReader.hourly_answers_entered_after
    monkeypatch.setattr(StatsReader, "hourly_answers", lambda reader, since=None, until=None: done.append("whole") or hourly_answers(reader, since, until))
    monkeypatch.setattr(StatsReader, "hourly_answers_entered_after", lambda reader, entry: done.append("after") or entered_after(reader, entry))
    return done


def studied(tmp_path: Path, clock: FixedClock, tz=timezone.utc) -> tuple[Collection, list[int]]:
    """A collection of cards answered by the scheduler over two months, up to today."""
    col = Collection(tmp_path / "c.heatcards", clock=clock, calendar_tz=tz, fuzz=False, install_heat_deck=False)
    clock.current = NOON - 60 * DAY
    cards = study(col, clock, [[3, 0, 3, 0, 0, 3, 0, 0, 0, 1, 3], [1, 3, 0, 0, 3, 0, 0, 0, 0, 0, 0, 4], [3, 3, 0, 0, 0, 2], [2, 2, 4]])
    clock.current = NOON - 2 * DAY
    for card in cards:
        col.answer(card.id, 3, duration_ms=4321)
    clock.current = NOON
    return col, [card.id for card in cards]


# --- every kind of change ------------------------------------------------------------------------------


def answer_more(col, clock, cards):
    yield
    for rating, card_id in zip((1, 3, 4), cards):
        clock.advance(HOUR)
        col.answer(card_id, rating, duration_ms=1234 * rating)


def answer_then_undo(col, clock, cards):
    clock.advance(HOUR)
    col.answer(cards[1], 1, duration_ms=777)
    yield
    assert col.undo()


def undo_then_answer_again_at_the_same_moment(col, clock, cards):
    """The entry written again takes the undone one's rowid, at the same millisecond."""
    clock.advance(HOUR)
    col.answer(cards[1], 3, duration_ms=777)
    yield
    col.undo()
    col.answer(cards[1], 1, duration_ms=888)


def delete_a_card(col, clock, cards):
    yield
    col.delete_notes([col.card(cards[0]).note_id])


def reset(col, clock, cards):
    """A reset writes a manual entry (no answer); the answers after it count."""
    yield
    col.forget([cards[2]])
    clock.advance(HOUR)
    col.answer(cards[2], 3, duration_ms=999)


def manual_entry(col, clock, cards):
    """A manual entry (a due date set) is no answer: only the answer after it counts."""
    yield
    col.set_due_date([cards[3]], 4)
    clock.advance(HOUR)
    col.answer(cards[0], 2, duration_ms=555)


def filtered_answer(col, clock, cards):
    """A filtered deck's answer counts by day but not by hour of the day."""
    yield
    log(col, col.card(cards[1]), NOON - 3 * HOUR, rating=1, kind=ReviewKind.FILTERED, duration_ms=2468)
    log(col, col.card(cards[2]), NOON - 2 * HOUR, rating=3, kind=ReviewKind.REVIEW, duration_ms=1357)


def import_older_answers(col, clock, cards):
    """Older answers imported: the log of each card they touch is written again in time order (the
    entries up to the mark went), and they count on their own days."""
    yield
    col.import_review_log(
        [ReviewLogRow(cards[2], 1, (NOON - 30 * DAY) * 1000, 4000), ReviewLogRow(cards[3], 3, (NOON - 200 * DAY) * 1000, 6000)],
        source_name="more.csv",
    )


@pytest.mark.parametrize(
    "change, read_after",
    [
        (answer_more, ["after"]),
        (answer_then_undo, ["whole", "whole"]),
        (undo_then_answer_again_at_the_same_moment, ["whole", "whole"]),
        (delete_a_card, ["whole", "whole"]),
        (reset, ["after"]),
        (manual_entry, ["after"]),
        (filtered_answer, ["after"]),
        (import_older_answers, ["whole", "whole"]),
    ],
)
def test_the_answers_kept_give_the_numbers_read_from_the_log_after(tmp_path, reads, change, read_after):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        steps = change(col, clock, cards)
        next(steps)
        before = collected(col)
        assert before == read_from_the_log(col)
        kept = kept_answer_hours(col)
        assert kept is not None and kept.answers.answers.sum() == before[Scope(), Period.ALL].reviews.answers
        next(steps, None)
        reads.clear()
        after = collected(col)
        # the reads after the change find what changed: the entries after the mark, or, when one up
        # to it went, the whole log read again (its two halves: by the first period long enough);
        # the later reads find the answers kept
        assert reads == read_after
        assert after != before  # the change shows: answers kept and not brought up to date would not
        assert after == read_from_the_log(col)
        assert kept_answer_hours(col).mark != kept.mark


@pytest.mark.parametrize("rollover", [0, 4, 23])
def test_an_answer_in_the_first_second_of_the_day_s_hour_counts_to_the_day_before(tmp_path, rollover):
    clock = FixedClock(NOON)
    with Collection(tmp_path / "c.heatcards", clock=clock, calendar_tz=ZoneInfo("Europe/Berlin"), fuzz=False, install_heat_deck=False) as col:
        col.set_rollover_hour(rollover)
        card = add_card(col, state=CardState.REVIEW, due=NOON + DAY, interval=5)
        day_start = col.calendar.day_start(col.calendar.day(NOON) - 5)
        log(col, card, day_start - 400 * DAY)  # so that a month is read from what is kept
        collect(col, period=Period.ALL)
        assert kept_answer_hours(col) is not None
        for offset in (-1, 0, 1, HOUR - 1):  # the rollover instant (`day_start` - 1) is the day before's
            log(col, card, day_start + offset, duration_ms=1000 + offset)
        stats = collected(col)
        assert stats == read_from_the_log(col)
        assert stats[Scope(), Period.MONTH].calendar.answers_by_day == {-6: 1, -5: 3}


def test_where_local_time_is_not_utc_plus_whole_hours_nothing_is_kept(tmp_path, reads):
    clock = FixedClock(NOON)
    col, _cards = studied(tmp_path, clock, tz=ZoneInfo("Asia/Kolkata"))
    with col:
        assert collected(col) == read_from_the_log(col)
        assert reads == [] and kept_answer_hours(col) is None


def test_a_month_of_a_long_log_is_read_from_the_log_until_a_longer_period_keeps_it(tmp_path, reads):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        log(col, col.card(cards[0]), NOON - 300 * DAY)
        month = collect(col, period=Period.MONTH)
        assert reads == [] and kept_answer_hours(col) is None  # a month is under half the log's span
        collect(col, period=Period.YEAR)
        assert reads == ["whole", "whole"] and kept_answer_hours(col) is not None
        assert collect(col, period=Period.MONTH) == month and reads == ["whole", "whole"]


def test_halves_of_the_log_read_at_two_marks_are_not_kept(tmp_path, monkeypatch):
    """An answer written between the reads of the log's two halves, on two connections."""
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        marked_hourly_answers = stats._marked_hourly_answers

        def answer_then_read(reader, until):
            with closing(sqlite3.connect(col.path)) as other, other:
                other.execute(
                    "INSERT INTO revlog (id, card_id, time, rating, state_before, interval_before, interval_after, due_after, "
                    "duration_ms, kind) VALUES ('written meanwhile', ?, ?, 3, 2, 5, 5, 0, 1000, 'review')",
                    (cards[0], (NOON - 55 * DAY) * 1000),  # in the older half
                )
            return marked_hourly_answers(reader, until)

        monkeypatch.setattr(stats, "_marked_hourly_answers", answer_then_read)
        collect(col, period=Period.ALL)
        monkeypatch.undo()
        assert kept_answer_hours(col) is None
        assert collected(col) == read_from_the_log(col)


# --- the file ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"garbage" * 1000, b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_damaged_file_is_made_again(tmp_path, content):
    clock = FixedClock(NOON)
    col, _cards = studied(tmp_path, clock)
    with col:
        expected = read_from_the_log(col)
        answer_hours_path(col.path).write_bytes(content)
        assert collected(col) == expected
        assert kept_answer_hours(col) is not None


def test_columns_of_another_length_are_not_read(tmp_path):
    clock = FixedClock(NOON)
    col, _cards = studied(tmp_path, clock)
    with col:
        collect(col, period=Period.ALL)
        with closing(sqlite3.connect(answer_hours_path(col.path))) as file, file:
            file.execute("UPDATE answers SET codes = substr(codes, 9)")
        assert collected(col) == read_from_the_log(col)
        assert kept_answer_hours(col) is not None  # made again


def test_a_foreign_sqlite_file_is_not_read(tmp_path):
    clock = FixedClock(NOON)
    col, _cards = studied(tmp_path, clock)
    with col:
        with closing(sqlite3.connect(answer_hours_path(col.path))) as foreign, foreign:
            foreign.execute("CREATE TABLE meta (key, value)")
            foreign.execute("INSERT INTO meta VALUES ('format', 'something else')")
        assert collected(col) == read_from_the_log(col)


def test_a_file_another_process_holds_is_left_alone(tmp_path):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        collect(col, period=Period.ALL)
        kept = kept_answer_hours(col)
        holder = sqlite3.connect(answer_hours_path(col.path), isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            clock.advance(HOUR)
            col.answer(cards[0], 1)
            assert collect(col, period=Period.ALL) == read_from_the_log(col, [Scope()], [Period.ALL])[Scope(), Period.ALL]
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert kept_answer_hours(col).mark == kept.mark  # written by nothing


def test_a_collection_opened_read_only_reads_and_keeps_the_answers(tmp_path, reads):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        expected = read_from_the_log(col)
        with col.share_for_reading(), closing(col.open_read_only()) as read_only:
            assert collected(read_only) == expected
            assert reads == ["whole", "whole"]
        clock.advance(HOUR)
        col.answer(cards[0], 1)
        with col.share_for_reading(), closing(col.open_read_only()) as read_only:
            assert collected(read_only) == read_from_the_log(col)
            assert reads == ["whole", "whole", "after"]
        assert kept_answer_hours(col).mark.entries == col.store.review_count()


def test_nothing_is_kept_for_an_in_memory_collection(collection):
    with closing(in_memory_copy(collection)) as copy:
        collect(copy, period=Period.ALL)
    assert not list(Path(".").glob(":memory:-answer-hours*"))


# --- any log, any changes ----------------------------------------------------------------------------------


entries = st.lists(
    st.tuples(
        st.integers(0, 5),  # card
        st.integers(-500 * DAY, 0),  # seconds from now
        st.sampled_from([0, 999, 1000, 1001]),  # milliseconds: the first second of an hour and after
        st.integers(1, 4),
        st.sampled_from(KINDS),
        st.integers(0, 40),  # interval before
        st.integers(0, 10**7),  # duration
    ),
    max_size=20,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "UTC"]),
    rollover=st.integers(0, 23),
    first=entries,
    deleted=st.sets(st.integers(0, 5), max_size=2),
    later=entries,
    period=st.sampled_from(list(Period)),
)
def test_any_log_changed_in_any_way_gives_the_numbers_read_from_it(tmp_path_factory, zone, rollover, first, deleted, later, period):
    now = int(datetime(2026, 4, 1, 12, tzinfo=timezone.utc).timestamp())
    path = tmp_path_factory.mktemp("kept") / "c.heatcards"
    with Collection(path, clock=FixedClock(now), calendar_tz=ZoneInfo(zone), fuzz=False, install_heat_deck=False) as col:
        col.set_rollover_hour(rollover)
        cards = [add_card(col, state=CardState.REVIEW, due=now + DAY, interval=5) for _ in range(6)]

        def write(drawn):
            for card, seconds, ms, rating, kind, interval, duration_ms in drawn:
                if card in deleted and drawn is later:
                    continue
                rating = 0 if kind in (ReviewKind.MANUAL, ReviewKind.RESCHEDULED) else rating
                entry = ReviewLogEntry(
                    f"{next(_counter):032x}", cards[card].id, (now + seconds) * 1000 + ms, rating, CardState.REVIEW, interval,
                    interval, now + seconds, None, None, duration_ms, kind,
                )
                with col.store.transaction():
                    col.store.insert_review(entry)

        write(first)
        collect(col, period=Period.ALL)
        col.delete_notes([cards[index].note_id for index in deleted])
        write(later)
        assert collect(col, Scope(), period) == read_from_the_log(col, [Scope()], [period])[Scope(), period]
