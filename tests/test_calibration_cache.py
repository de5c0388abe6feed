"""The calibration's cache of what it derived per card (`storage.calibration_cache`): with it, the
calibration gives exactly the numbers derived from scratch, whatever changed since it was filled,
and derives again only the cards that changed."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from heatcards.clock import FixedClock
from heatcards.collection import Collection
from heatcards.formats.review_log import ReviewLogRow
from heatcards.stats import Calibration, Period, Scope, calibration
from heatcards.storage.calibration_cache import (
    WHOLE_HISTORY,
    CachedCards,
    CalibrationCache,
    DerivedCards,
    EntryFingerprints,
    UnansweredCards,
    cache_path,
)
from heatcards.storage.kept_file import LogMark
from heatcards.storage.stats_sql import StatsReader
from heatcards.transfer import import_file
from tests.anki_history import DECK as ANKI_DECK
from tests.anki_history import anki_histories, anki_package
from tests.conftest import NOON
from tests.test_stats import OWN_PARAMETERS, add_card, study

DAY = 86400


def cache_files(col: Collection) -> list[Path]:
    path = cache_path(col.path)
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm")]


def from_scratch(col: Collection, scope: Scope = Scope(), period: Period = Period.ALL) -> Calibration:
    """The calibration derived with no cache (the cache deleted first)."""
    for path in cache_files(col):
        path.unlink(missing_ok=True)
    return calibration(col, scope, period)


@pytest.fixture
def derived(monkeypatch) -> list:
    """What each calibration derived: None for every card of its scope, else the card ids."""
    asked = []
    answer_chains = StatsReader.answer_chains

    def spy(reader, timeline, cards=None):
        asked.append(None if cards is None else cards.tolist())
        return answer_chains(reader, timeline, cards)

    monkeypatch.setattr(StatsReader, "answer_chains", spy)
    return asked


@pytest.fixture
def asked(monkeypatch) -> list:
    """The times since which `StatsReader.cards_answered_since` was asked which cards were answered, in order."""
    times: list = []
    cards_answered_since = StatsReader.cards_answered_since
    monkeypatch.setattr(StatsReader, "cards_answered_since", lambda reader, since_ms: times.append(since_ms) or cards_answered_since(reader, since_ms))
    return times


def studied(tmp_path, clock: FixedClock) -> tuple[Collection, list[int]]:
    """A collection whose cards were answered in heatcards (memory states recorded) and imported from
    Anki (none recorded: replayed), the imported deck's preset with parameters of its own."""
    col = Collection(tmp_path / "c.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)
    import_file(col, anki_package(tmp_path, anki_histories(6, NOON - 200 * DAY, seed=4)))
    preset = col.preset_of(col.deck_named(ANKI_DECK))
    col.update_preset(replace(preset, parameters=OWN_PARAMETERS))
    clock.current = NOON - 60 * DAY
    cards = study(col, clock, [[3, 0, 3, 0, 0, 3, 0, 0, 0, 1, 3], [1, 3, 0, 0, 3, 0, 0, 0, 0, 0, 0, 4], [3, 3, 0, 0, 0, 2]])
    clock.current = NOON
    return col, [card.id for card in cards] + sorted(col.card_ids_in_deck(col.deck_named(ANKI_DECK).id))


def answer_a_day_later(col: Collection, clock: FixedClock, card_id: int, rating: int = 3) -> None:
    clock.advance(DAY)
    col.answer(card_id, rating)


def test_the_cache_derives_again_only_the_cards_whose_history_changed(tmp_path, derived):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        first = calibration(col, period=Period.ALL)
        assert derived == [None]  # nothing cached: every card of the scope derived
        assert calibration(col, period=Period.ALL) == first and derived[-1] == []
        answer_a_day_later(col, clock, cards[0])
        after = calibration(col, period=Period.ALL)
        assert derived[-1] == [cards[0]]
        assert after.reviews == first.reviews + 1
        assert after == from_scratch(col)


def test_the_cache_holds_every_period_and_scope(tmp_path, derived):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        deck = Scope.deck(ANKI_DECK)
        narrow = calibration(col, deck, Period.YEAR)  # fills the cache for the deck's cards alone
        expected = {(scope, period): from_scratch(col, scope, period) for scope in (Scope(), deck) for period in Period}
        from_scratch(col, deck, Period.YEAR)
        assert narrow == expected[deck, Period.YEAR]
        del derived[:]
        for (scope, period), fit in expected.items():
            assert calibration(col, scope, period) == fit
        each = [card for ids in derived for card in (cards if ids is None else ids)]
        assert sorted(each) == sorted(set(each))  # no card derived twice
        for (scope, period), fit in expected.items():
            assert calibration(col, scope, period) == fit
        assert derived[-len(expected) :] == [[]] * len(expected)  # every card of every period is held
        assert expected[Scope(), Period.ALL].reviews > expected[deck, Period.ALL].reviews > 0


def test_a_first_month_derives_only_the_cards_answered_in_it(tmp_path, derived):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        clock.advance(40 * DAY)
        answer_a_day_later(col, clock, cards[0])
        month = calibration(col, Scope(), Period.MONTH)
        assert derived == [[cards[0]]]  # the other cards were last answered before the month
        assert month == from_scratch(col, Scope(), Period.MONTH) and month.reviews == 1
        del derived[:]
        whole = calibration(col, Scope(), Period.ALL)
        assert derived == [None]  # the rest when a period needs them: most of the scope, so all of it in one read
        assert whole == from_scratch(col, Scope(), Period.ALL)


def test_a_period_reads_which_cards_it_answered_only_when_one_is_to_derive(tmp_path, asked):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        calibration(col, period=Period.ALL)  # every card held
        month = calibration(col, period=Period.MONTH)
        assert asked == []  # every card stands: which the month answered changes nothing
        answer_a_day_later(col, clock, cards[0])
        after = calibration(col, period=Period.MONTH)
        assert len(asked) == 1  # a card to derive again, if the month answered it
        assert after != month and after == from_scratch(col, period=Period.MONTH)


def test_new_parameters_leave_the_cards_a_period_did_not_answer_for_a_longer_period(tmp_path, derived, asked):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        deck = col.add_deck("Other")
        col.set_deck_preset(deck.id, col.add_preset("Other").id)
        col.set_deck([cards[0]], deck.id)
        clock.advance(40 * DAY)
        answer_a_day_later(col, clock, cards[0])  # the month's one answer, in a preset of its own
        calibration(col, period=Period.ALL)  # every card held
        steps = change_the_preset_s_parameters(col, clock, cards)  # the imported deck's, answered before the month
        next(steps)
        next(steps, None)
        del derived[:]
        month = calibration(col, period=Period.MONTH)
        assert derived == [[]] and asked == []  # nothing the month scores changed: nothing to derive or look up
        whole = calibration(col, period=Period.ALL)
        assert derived[-1] is None or set(cards[3:]) <= set(derived[-1])  # all time scores them: derived again
        assert month == from_scratch(col, period=Period.MONTH) and whole == from_scratch(col, period=Period.ALL)


def test_a_period_holds_the_cards_it_found_without_an_answer_and_reads_them_no_more(tmp_path, derived, asked):
    """A month holds the cards it did not answer with none from its first day, a year those it did not
    answer from its own: a period within a span held reads nothing of them (the statistics window
    reads a month, then a year, then the year of another scope of the same cards), and all time
    derives them."""
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        never = [add_card(col).id for _ in range(8)]  # as many as the answered cards a month leaves: each period derives apart
        clock.advance(40 * DAY)
        answer_a_day_later(col, clock, cards[0])
        month = calibration(col, period=Period.MONTH)
        assert len(asked) == 1 and derived == [[cards[0]]]
        assert calibration(col, period=Period.MONTH) == month
        assert len(asked) == 1 and derived[-1] == []  # the cards the month did not answer are held: nothing read again
        year = calibration(col, period=Period.YEAR)
        assert len(asked) == 2 and set(derived[-1]) == set(cards[1:])  # held from the month's first day only
        assert calibration(col, period=Period.YEAR) == year and calibration(col, period=Period.MONTH) == month
        assert len(asked) == 2 and derived[-2:] == [[], []]
        whole = calibration(col, period=Period.ALL)
        assert derived[-1] == never  # held from the year's first day only
        assert len(asked) == 2
        assert (month, year, whole) == tuple(from_scratch(col, period=period) for period in Period)
        assert year.reviews > month.reviews == 1


# answers as the cache takes them: records with a time (the calibration's have more fields)
ANSWER = np.dtype([("time", "<i8"), ("code", "V2")])


def answer_records(*answers: tuple[int, bytes]) -> bytes:
    return np.array(list(answers), dtype=ANSWER).tobytes()


def places_in_time_order(times: np.ndarray) -> list[int]:
    """Each of `times`' place in their stable sort."""
    places = np.empty(len(times), dtype=np.int64)
    places[np.argsort(times, kind="stable")] = np.arange(len(times))
    return places.tolist()


def held_cards(read: CachedCards) -> dict[int, tuple]:
    """Each card a read holds: its parameters' key, first day held, last day, answers (bytes) and their places in time order."""
    held = {}
    for part in read.parts:
        assert part.cards.tolist() == sorted(part.cards.tolist())
        ends = np.cumsum(part.answer_counts)
        for card, parameters, held_since, last_day, start, end in zip(
            part.cards.tolist(), part.parameters.tolist(), part.held_since.tolist(), part.last_days.tolist(),
            (ends - part.answer_counts).tolist(), ends.tolist(),
        ):
            assert card not in held  # in one part only
            held[card] = (parameters, held_since, last_day, part.answers[start:end].tobytes(), part.time_places[start:end].tolist())
    return held


def test_the_cache_reads_back_each_card_s_answers_as_written(tmp_path):
    answers = [  # NULs, commas, bytes no text decodes; equal times
        answer_records((20, b"\x00\x00"), (50, b"\xff,")),
        b"",
        answer_records((20, b"\x80\x80"), (30, b"\x00,")),
        answer_records((10, b"\xfe\x00")),
    ]
    cards = np.array([3, 5, 8, 13])
    nothing = np.empty(0, dtype=np.int64)
    cache = CalibrationCache.open(tmp_path / "c.heatcards-calibration", "test", ANSWER)
    with cache:
        cache.write(
            DerivedCards(cards, np.array([7, 7, 7, 9]), EntryFingerprints(*(nothing,) * 5), np.array([20, -1, 21, 19]), answers),
            None,
            LogMark(1, "entry", 1),
            UnansweredCards(np.array([21, 4, 34]), np.array([7, 9, 7]), 12),  # held with no answer from day 12
        )
        # the places of the answers' times: the earliest, card 13's, first; card 3's before card 8's at 20
        assert held_cards(cache.read()) == {
            3: (7, WHOLE_HISTORY, 20, answers[0], [1, 4]),
            4: (9, 12, -1, b"", []),
            5: (7, WHOLE_HISTORY, -1, b"", []),
            8: (7, WHOLE_HISTORY, 21, answers[2], [2, 3]),
            13: (9, WHOLE_HISTORY, 19, answers[3], [0]),
            21: (7, 12, -1, b"", []),
            34: (7, 12, -1, b"", []),
        }


def test_the_cards_changed_since_the_copy_are_read_from_their_rows(tmp_path):
    """A read takes the cards from their copy made at once, but those written or dropped since, from
    their rows; a write makes the copy again once those are more than an eighth of the cards. The
    answers of the copy come with their places in its time order, those read from rows without."""
    path = tmp_path / "c.heatcards-calibration"
    nothing = np.empty(0, dtype=np.int64)
    held = {  # parameters' key, last day, answers: times with ties across cards
        card: (card % 3, 20 + card % 5 if card % 4 else -1, answer_records(*((card * n % 70, bytes([card, n])) for n in range(card % 4))))
        for card in range(10, 170, 10)
    }
    since_copy = set()

    def write(cache, cards, dropped):
        for card in cards:
            held[card] = (9, 24, answer_records(*((card % 50 + step, bytes([card, 1])) for step in range(5))))
        for card in [] if dropped is None else dropped:
            del held[card]
        since_copy.update([*cards, *([] if dropped is None else dropped)])
        cards = np.array(sorted(cards))
        parameters, last_days, answers = zip(*(held[card] for card in cards.tolist()))
        derived = DerivedCards(cards, np.array(parameters), EntryFingerprints(*(nothing,) * 5), np.array(last_days), list(answers))
        cache.write(derived, None if dropped is None else np.array(dropped, dtype=np.int64), LogMark(1, "entry", 1))
        if changed() == 0:
            since_copy.clear()

    def changed() -> int:
        with closing(sqlite3.connect(path)) as raw:
            return raw.execute("SELECT count(*) FROM changed").fetchone()[0]

    def answers_held() -> int:
        return sum(len(answers) for _, _, answers in held.values()) // ANSWER.itemsize

    def assert_reads_what_is_held(cache):
        read = held_cards(cache.read())
        assert {card: (parameters, last_day, answers) for card, (parameters, _, last_day, answers, _) in read.items()} == held
        assert {values[1] for values in read.values()} == {WHOLE_HISTORY}
        # the copy's answers come in the order of their places (a stable sort of their times), the others' without
        copied = [card for card in sorted(read) if card not in since_copy]
        assert all(set(read[card][4]) <= {-1} for card in since_copy if card in read)
        times = np.frombuffer(b"".join(read[card][3] for card in copied), dtype=ANSWER)["time"]
        places = [place for card in copied for place in read[card][4]]
        assert places_in_time_order(np.array(places)) == places_in_time_order(times)
        return places

    cache = CalibrationCache.open(path, "test", ANSWER)
    with cache:
        write(cache, list(held), None)
        assert changed() == 0  # every card copied
        assert sorted(assert_reads_what_is_held(cache)) == list(range(answers_held()))  # every answer copied, at a place of its own
        write(cache, [50], [70])
        assert changed() == 2  # two of sixteen: read from their rows
        assert_reads_what_is_held(cache)
        write(cache, [30, 175], [])
        assert changed() == 0  # four of sixteen: copied again
        assert sorted(assert_reads_what_is_held(cache)) == list(range(answers_held()))  # every answer copied, at a place of its own


def test_a_cache_of_the_format_before_is_made_again(tmp_path, derived):
    """A cache whose cards hold no first day of their answers (format 3) is not read but made again."""
    clock = FixedClock(NOON)
    col, _cards = studied(tmp_path, clock)
    with col:
        fit = calibration(col, period=Period.ALL)
        with closing(sqlite3.connect(cache_path(col.path))) as raw, raw:
            raw.execute("UPDATE meta SET value = 'heatcards calibration cache 3' WHERE key = 'format'")
            raw.execute("ALTER TABLE cards DROP COLUMN held_since")
            raw.execute("ALTER TABLE snapshot DROP COLUMN held_since")
        assert calibration(col, period=Period.ALL) == fit and derived == [None, None]
        with closing(sqlite3.connect(cache_path(col.path))) as raw:
            assert raw.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() == ("heatcards calibration cache 4",)
            assert raw.execute("PRAGMA page_size").fetchone() == (65536,)  # made with pages that read its copy faster


def answer_then_undo(col, clock, cards):
    answer_a_day_later(col, clock, cards[1], 1)
    yield
    assert col.undo()


def undo_then_answer_again_at_the_same_moment(col, clock, cards):
    """The entry written again takes the undone one's rowid, at the same millisecond."""
    answer_a_day_later(col, clock, cards[1], 3)
    yield
    col.undo()
    col.answer(cards[1], 1)


def forget(col, clock, cards):
    """Answers after a reset start a history again, from the first state."""
    yield
    col.forget([cards[0], cards[4]])
    for card_id in (cards[0], cards[4]):
        answer_a_day_later(col, clock, card_id)
        answer_a_day_later(col, clock, card_id, 1)


def import_a_log_of_existing_cards(col, clock, cards):
    yield
    col.import_review_log(
        [ReviewLogRow(cards[2], 1, (NOON - 30 * DAY) * 1000, 4000), ReviewLogRow(cards[5], 3, (NOON - 3 * DAY) * 1000, 4000)],
        source_name="more.csv",
    )


def import_the_anki_package_again_with_more_answers(col, clock, cards):
    yield
    histories = anki_histories(6, NOON - 200 * DAY, seed=4)
    for history in histories:
        history.append((NOON - 2 * DAY, 1, history[-1][2]))
    folder = col.path.parent / "again"
    folder.mkdir()
    import_file(col, anki_package(folder, histories))


def change_the_preset_s_parameters(col, clock, cards):
    yield
    preset = col.preset_of(col.deck_named(ANKI_DECK))
    col.update_preset(replace(preset, parameters=tuple(p * 1.05 for p in OWN_PARAMETERS[:20]) + OWN_PARAMETERS[20:]))


def move_a_card_to_a_deck_of_another_preset(col, clock, cards):
    deck = col.add_deck("Other")
    col.set_deck_preset(deck.id, col.add_preset("Other").id)  # FSRS-6's default parameters
    yield
    col.set_deck([cards[5]], deck.id)


def delete_a_note(col, clock, cards):
    yield
    col.delete_notes([col.card(cards[4]).note_id])


def answer_imported_cards_in_heatcards(col, clock, cards):
    """Their later answers record memory states: predicted from those rather than replayed."""
    yield
    for card_id in cards[3:]:
        answer_a_day_later(col, clock, card_id, 3)
    clock.advance(20 * DAY)
    for card_id in cards[3:]:
        col.answer(card_id, 1)


CHANGES = [
    answer_then_undo,
    undo_then_answer_again_at_the_same_moment,
    forget,
    import_a_log_of_existing_cards,
    import_the_anki_package_again_with_more_answers,
    change_the_preset_s_parameters,
    move_a_card_to_a_deck_of_another_preset,
    delete_a_note,
    answer_imported_cards_in_heatcards,
]


@pytest.mark.parametrize("change", CHANGES)
def test_the_numbers_with_the_cache_are_those_derived_from_scratch_after(tmp_path, change):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        steps = change(col, clock, cards)
        next(steps)
        before = {period: calibration(col, period=period) for period in Period}
        next(steps, None)
        after = {period: calibration(col, period=period) for period in Period}
        assert after[Period.ALL] != before[Period.ALL]  # the change shows: a stale cache would not
        assert after == {period: from_scratch(col, period=period) for period in Period}


@pytest.mark.parametrize("change", CHANGES)
def test_the_cards_held_without_an_answer_give_the_numbers_derived_from_scratch_after(tmp_path, change, asked):
    """The cards the month did not answer (all but one, or all) are held with no answer from its
    first day when the collection changes."""
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        steps = change(col, clock, cards)
        next(steps)
        month = calibration(col, period=Period.MONTH)
        assert calibration(col, period=Period.MONTH) == month
        assert len(asked) == 1  # read once: the cards found without an answer are held
        next(steps, None)
        after = {period: calibration(col, period=period) for period in Period}
        assert after == {period: from_scratch(col, period=period) for period in Period}


def test_recorded_states_and_replays_are_told_apart_from_the_cache(tmp_path):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    with col:
        fit = calibration(col, period=Period.ALL)
        assert 0 < fit.replayed < fit.reviews
        assert calibration(col, period=Period.ALL) == fit == from_scratch(col)


def test_another_calendar_derives_the_days_again(tmp_path):
    clock = FixedClock(NOON)
    col, cards = studied(tmp_path, clock)
    clock.current = NOON - 3 * DAY - 10 * 3600  # 02:00 UTC: the day before in UTC (rollover at 04:00), not in Moscow
    col.answer(cards[0], 3)
    clock.current = NOON - DAY
    col.answer(cards[0], 1)
    clock.current = NOON
    col.close()
    fits = []
    for tz in (timezone.utc, ZoneInfo("Europe/Moscow"), timezone.utc):
        with Collection(col.path, clock=clock, calendar_tz=tz, fuzz=False, install_heat_deck=False) as reopened:
            fits.append((calibration(reopened, period=Period.MONTH), from_scratch(reopened, period=Period.MONTH)))
    assert fits[0][1] != fits[1][1]  # the days between the two answers differ
    assert [warm == cold for warm, cold in fits] == [True, True, True]


@pytest.mark.parametrize("content", [b"", b"garbage" * 1000, b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_damaged_cache_is_made_again(tmp_path, content):
    clock = FixedClock(NOON)
    col, _cards = studied(tmp_path, clock)
    with col:
        expected = from_scratch(col)
        cache_path(col.path).write_bytes(content)
        assert calibration(col, period=Period.ALL) == expected
        assert sqlite3.connect(cache_path(col.path)).execute("SELECT count(*) FROM cards").fetchone()[0] > 0
        assert calibration(col, period=Period.ALL) == expected


def test_a_foreign_sqlite_file_or_another_collection_s_cache_is_not_read(tmp_path):
    clock = FixedClock(NOON)
    col, _cards = studied(tmp_path, clock)
    with col:
        expected = from_scratch(col)
        for path in cache_files(col):
            path.unlink(missing_ok=True)
        with sqlite3.connect(cache_path(col.path)) as foreign:
            foreign.execute("CREATE TABLE meta (key, value)")
            foreign.execute("INSERT INTO meta VALUES ('format', 'something else')")
        foreign.close()
        assert calibration(col, period=Period.ALL) == expected
        other_clock = FixedClock(NOON)
        other, other_cards = studied(tmp_path / "other", other_clock)
        with other:
            answer_a_day_later(other, other_clock, other_cards[0], 1)
            other_fit = from_scratch(other)
            cache_path(col.path).unlink()
            cache_path(other.path).rename(cache_path(col.path))
        assert other_fit != expected
        assert calibration(col, period=Period.ALL) == expected


def test_a_deleted_cache_is_made_again(tmp_path, derived):
    clock = FixedClock(NOON)
    col, _cards = studied(tmp_path, clock)
    with col:
        fit = calibration(col, period=Period.ALL)
        for path in cache_files(col):
            path.unlink(missing_ok=True)
        assert calibration(col, period=Period.ALL) == fit and derived == [None, None]
        assert cache_path(col.path).exists()


def test_a_cache_another_process_holds_is_left_alone(tmp_path):
    clock = FixedClock(NOON)
    col, _cards = studied(tmp_path, clock)
    with col:
        expected = from_scratch(col)
        holder = sqlite3.connect(cache_path(col.path), isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            answer_a_day_later(col, clock, _cards[0])
            fit = calibration(col, period=Period.ALL)  # computed without the cache
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert fit != expected
        assert fit == calibration(col, period=Period.ALL) == from_scratch(col)


def test_the_cache_is_not_kept_for_an_in_memory_collection(collection, tmp_path):
    assert calibration(collection).reviews == 0
    assert not list(Path(".").glob(":memory:-calibration*"))
