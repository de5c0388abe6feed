"""The review log moved table to table in SQL, on import and export, and notes and cards carried as
the collection's rows rather than records: what the faster paths must keep.

An Anki package's log goes into the collection in slices (progress moves, and may cancel, between
them); reviews a card already has at that time are found before anything is computed, whatever
ids they were stored under; due dates come from a table of local day starts, right across clock
changes; on export, reviews take their time as Anki id in one insert unless two share a
millisecond, and then the same ids as the records path gives.
"""
import sqlite3
import tempfile
import zipfile
from dataclasses import replace
from datetime import timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heatcards.clock import DayCalendar, FixedClock
from heatcards.collection import Collection
from heatcards.errors import CancelledError
from heatcards.formats.apkg import PackageReviews, read_package, write_package
from heatcards.formats.exchange import Exchange
from heatcards.model import Card, CardState, Deck, Note, Preset, ReviewKind
from heatcards.storage import anki_collection
from heatcards.storage.anki_collection import CollectionReviews
from heatcards.storage.browse_sql import sort_key
from heatcards.storage.transfer_rows import CollectionCards, CollectionNotes

from .conftest import NOON
from .test_import_export import DAY, entry, note, package, review_card


def open_collection(path: Path) -> Collection:
    return Collection(path, clock=FixedClock(NOON), calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)


def studied(collection: Collection, review_times: list[list[int]]) -> Exchange:
    """An exchange of one studied card per list in `review_times`, each reviewed at those unix
    milliseconds (its review log as records)."""
    notes = [note(n + 1, f"g{n + 1}") for n in range(len(review_times))]
    cards = [review_card(100 + n, n + 1, last_review=NOON - DAY) for n in range(len(review_times))]
    reviews = [
        replace(entry(f"r{n}-{k}", 100 + n, 0, 3), time=time_ms, due_after=time_ms // 1000 + DAY)
        for n, times in enumerate(review_times)
        for k, time_ms in enumerate(times)
    ]
    return package(collection, notes, cards, decks=[Deck(1, "Spanish", 0)], presets=[Preset(0, "Spanish")], reviews=reviews)


def studied_package(collection: Collection, path: Path, review_times: list[list[int]]) -> Path:
    """`studied` written as an Anki package."""
    write_package(studied(collection, review_times), path, collection.calendar)
    return path


def package_revlog(path: Path) -> list[tuple]:
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as scratch:
        file = Path(scratch) / "collection.anki21"
        file.write_bytes(archive.read("collection.anki21"))
        connection = sqlite3.connect(file)
        try:
            return connection.execute("SELECT * FROM revlog ORDER BY id").fetchall()
        finally:
            connection.close()


SPREAD_TIMES = [[NOON * 1000 - k * 3_600_000 - n for k in range(4)] for n in range(6)]  # 24 reviews, all apart


def test_package_log_goes_in_by_slices_with_progress_between(collection, tmp_path, monkeypatch):
    monkeypatch.setattr(anki_collection, "REVLOG_SLICE_ROWS", 5)
    path = studied_package(collection, tmp_path / "p.apkg", SPREAD_TIMES)
    seen = []
    report, _ = collection.import_exchange(
        read_package(path, collection.calendar), progress=lambda stage, done, total: seen.append((done, total)) if stage == "reviews" else None
    )
    assert report.reviews_added == 24 == collection.store.review_count()
    done = [d for d, _ in seen]
    assert len(set(done)) >= 5, seen  # 24 reviews in slices of about 5: the bar moves several times
    assert done == sorted(done) and done[0] == 0 and done[-1] == 24 and {t for _, t in seen} == {24}


def test_cancelling_in_the_middle_of_the_log_leaves_the_collection_as_it_was(collection, tmp_path, monkeypatch):
    monkeypatch.setattr(anki_collection, "REVLOG_SLICE_ROWS", 5)
    path = studied_package(collection, tmp_path / "p.apkg", SPREAD_TIMES)

    def cancel_halfway(stage, done, total):
        if stage == "reviews" and 0 < done < total:
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        collection.import_exchange(read_package(path, collection.calendar), progress=cancel_halfway)
    assert collection.store.review_count() == 0 and collection.store.card_ids() == []
    assert collection.import_exchange(read_package(path, collection.calendar))[0].reviews_added == 24


def test_a_second_import_finds_reviews_stored_under_other_ids(collection, tmp_path):
    """Reviews imported before (by an older heatcards, whose ids were made otherwise) are known by
    their card and time: the package's log adds nothing a second time, and what is new still goes in."""
    path = studied_package(collection, tmp_path / "p.apkg", SPREAD_TIMES)
    assert collection.import_exchange(read_package(path, collection.calendar))[0].reviews_added == 24
    conn = collection.store.db.conn
    with collection.store.transaction():
        conn.execute("UPDATE revlog SET id = 'older-' || id")
    conn.execute("DELETE FROM revlog WHERE rowid IN (SELECT rowid FROM revlog ORDER BY time LIMIT 3)")
    again = collection.import_exchange(read_package(path, collection.calendar))[0]
    assert again.reviews_added == 3 and collection.store.review_count() == 24
    assert conn.execute("SELECT count(*) FROM revlog WHERE id LIKE 'older-%'").fetchone()[0] == 21


def test_a_package_imported_again_is_found_whole_by_one_count(collection, tmp_path):
    """When the collection holds every review of the package (it was imported before), one count
    says so: no table of present reviews is made and no slice is inserted."""
    path = studied_package(collection, tmp_path / "p.apkg", SPREAD_TIMES)
    assert collection.import_exchange(read_package(path, collection.calendar))[0].reviews_added == 24
    statements = []
    collection.store.db.conn.set_trace_callback(statements.append)
    again = collection.import_exchange(read_package(path, collection.calendar))[0]
    collection.store.db.conn.set_trace_callback(None)
    assert again.reviews_added == 0 and collection.store.review_count() == 24
    assert not [s for s in statements if "heatcards_revlog_present" in s or "INSERT INTO main.revlog" in s]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(0, 6), min_size=1, max_size=5), min_size=1, max_size=4))
def test_exported_ids_are_those_of_the_records_even_when_reviews_share_a_millisecond(offsets):
    """Anki ids on export: each review's time, moved up past the id before it when taken. The
    collection's reviews here fall on a few milliseconds, often the same for several cards; SQL
    and records must agree."""
    times = [sorted({NOON * 1000 - 10 * DAY * 1000 + k * 60_000 + offset for k, offset in enumerate(card)}) for card in offsets]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        collection = open_collection(folder / "c.heatcards")
        try:
            collection.import_exchange(studied(collection, times))
            written = {}
            for way in ("sql", "records"):
                exported = collection.export_exchange()
                assert isinstance(exported.reviews, CollectionReviews)
                if way == "records":
                    exported = replace(exported, reviews=tuple(exported.reviews))
                write_package(exported, folder / f"{way}.apkg", collection.calendar, legacy=True)
                written[way] = package_revlog(folder / f"{way}.apkg")
        finally:
            collection.close()
    assert written["sql"] == written["records"]
    ids = [row[0] for row in written["sql"]]
    assert len(ids) == sum(map(len, times)) and len(set(ids)) == len(ids)
    assert sorted(r[0] for r in written["sql"]) == ids and ids[0] == min(t for card in times for t in card)


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(-(1 << 63), (1 << 63) - 1), max_size=300), st.integers(1, 50))
def test_slices_of_a_log_cover_it_once_in_order(ids, slice_rows):
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE revlog (id INTEGER PRIMARY KEY)")
    connection.executemany("INSERT INTO revlog VALUES (?)", [(i,) for i in ids])
    original = anki_collection.REVLOG_SLICE_ROWS
    anki_collection.REVLOG_SLICE_ROWS = slice_rows
    try:
        slices = list(anki_collection._revlog_slices(connection, "main"))
    finally:
        anki_collection.REVLOG_SLICE_ROWS = original
    covered = [i for first, last, _ in slices for (i,) in connection.execute("SELECT id FROM revlog WHERE id BETWEEN ? AND ? ORDER BY id", (first, last))]
    assert covered == sorted(ids)
    assert [passed for _, _, passed in slices] == [sum(1 for i in ids if i <= last) for _, last, _ in slices]
    assert all(a[1] < b[0] for a, b in zip(slices, slices[1:]))
    assert slices == [] if not ids else slices[-1][2] == len(ids)


def test_reading_the_log_as_records_still_works_after_the_sql_import(collection, tmp_path):
    path = studied_package(collection, tmp_path / "p.apkg", SPREAD_TIMES)
    exchange = read_package(path, collection.calendar)
    assert isinstance(exchange.reviews, PackageReviews)
    records = list(exchange.reviews)
    collection.import_exchange(exchange)
    stored = collection.store.reviews_of_cards(collection.store.card_ids())
    assert sorted(r.id for r in records) == sorted(r.id for r in stored)
    assert all(r.kind is ReviewKind.REVIEW for r in stored)


BERLIN = ZoneInfo("Europe/Berlin")
SUMMER_TIME_2026 = (1774746000, 1792890000)  # 2026-03-29 01:00 UTC and 2026-10-25 01:00 UTC: the clocks change


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(st.integers(-3 * DAY, 3 * DAY), st.sampled_from(SUMMER_TIME_2026), st.integers(1, 400)), min_size=1, max_size=12))
def test_due_dates_of_day_intervals_are_local_day_starts_across_clock_changes(reviews):
    """A review that set an interval of n days is due at the start of the local day n days after
    its own (the rollover hour, in the collection's time zone), also when the clocks change between
    the two or on either day; as read, and as inserted."""
    calendar = DayCalendar(BERLIN)
    times = sorted({(change + offset) * 1000 for offset, change, _ in reviews})
    intervals = dict(zip(times, (interval for _, _, interval in reviews)))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        collection = Collection(folder / "c.heatcards", clock=FixedClock(NOON), calendar_tz=BERLIN, fuzz=False, install_heat_deck=False)
        try:
            exchange = studied(collection, [times])
            exchange = replace(exchange, reviews=tuple(replace(r, interval_after=intervals[r.time]) for r in exchange.reviews))
            write_package(exchange, folder / "p.apkg", calendar)
            read = read_package(folder / "p.apkg", calendar)
            expected = [calendar.day_start(calendar.day(t // 1000) + intervals[t]) for t in times]
            assert [r.due_after for r in read.reviews] == expected
            collection.import_exchange(read)
            assert [r.due_after for r in collection.store.reviews_of_cards(collection.store.card_ids())] == expected
        finally:
            collection.close()


# --- notes and cards as the collection's rows --------------------------------------------------------
FIELD_PIECES = ["<b>", "</b>", "<br>", "<div>", "</div>", "<img src='a.png'>", "<script>x</script>", "<!-- c -->", "&amp;", "&#31;",
                "&#x1f;", "&nbsp;", "\xa0", " ", "\t", "\x1f", "A", "ß", "İ", "Σ", "e\u0301", "ﬁ"]


STATES = st.sampled_from(list(CardState))


@st.composite
def stored_cards(draw):
    """Notes and cards in every state a collection can hold them (new cards without a place
    among them, learning steps that cross a day or not, suspended, buried, flagged), several
    notes created in the same second, tags differing only in case."""
    count = draw(st.integers(1, 12))
    notes, cards = [], []
    for n in range(count):
        created = NOON - 5 * DAY + draw(st.integers(0, 3))
        tags = tuple(dict.fromkeys(draw(st.lists(st.sampled_from(["leech", "Leech", "keep", "verb"]), max_size=3))))
        notes.append(Note(n + 1, f"g{n}", 1, (draw(st.sampled_from(["<b>Hola</b>", "hola", "&amp; x"])), "hello"), tags, created, created))
        state = draw(STATES)
        last_review = None if state is CardState.NEW else draw(st.none() | st.integers(NOON - 3 * DAY, NOON))
        due = draw(st.integers(-1, 4)) if state is CardState.NEW else NOON + draw(st.integers(-2 * DAY, 20 * DAY))
        memory = state is not CardState.NEW and draw(st.booleans())
        modified = NOON - draw(st.integers(0, DAY))
        cards.append(Card(
            100 + n, n + 1, 1, 0, state, due, draw(st.integers(0, 30)), 3.5 + n if memory else None, 5.25 if memory else None,
            draw(st.integers(0, 2)), draw(st.integers(0, 9)), draw(st.integers(0, 3)), last_review, draw(st.booleans()),
            modified + draw(st.sampled_from([0, DAY])), draw(st.integers(0, 7)), modified,
        ))
    return notes, cards


def package_tables(path: Path) -> dict[str, list[tuple]]:
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as scratch:
        file = Path(scratch) / "collection.anki21"
        file.write_bytes(archive.read("collection.anki21"))
        connection = sqlite3.connect(file)
        try:
            return {table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in ("col", "notes", "cards")}
        finally:
            connection.close()


@settings(max_examples=40, deadline=None)
@given(stored_cards())
def test_a_package_written_from_the_collections_rows_is_the_one_its_records_give(drawn):
    """An export hands the writer the collection's notes and cards as the rows it stores
    (`CollectionNotes`, `CollectionCards`), not records: the package is the same either way."""
    notes, cards = drawn
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        collection = open_collection(folder / "c.heatcards")
        try:
            deck = collection.add_deck("Spanish")
            basic = collection.notetype_named("Basic")
            with collection.store.transaction():
                collection.store.insert_notes(replace(n, notetype_id=basic.id) for n in notes)
                collection.store.insert_cards(replace(c, deck_id=deck.id) for c in cards)
            exported = collection.export_exchange()
            assert isinstance(exported.notes, CollectionNotes) and isinstance(exported.cards, CollectionCards)
            records = replace(exported, notes=tuple(exported.notes), cards=tuple(exported.cards))
            write_package(exported, folder / "rows.apkg", collection.calendar, legacy=True)
            write_package(records, folder / "records.apkg", collection.calendar, legacy=True)
            written = {way: package_tables(folder / f"{way}.apkg") for way in ("rows", "records")}
        finally:
            collection.close()
    assert written["rows"] == written["records"]
    assert len(written["rows"]["cards"]) == len(cards) and len({row[0] for row in written["rows"]["notes"]}) == len(notes)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FIELD_PIECES), st.text(max_size=5)), min_size=1, max_size=6))
def test_notes_inserted_in_bulk_get_the_text_and_sort_key_the_triggers_give(fronts):
    """`Store.insert_notes` sets the notes triggers aside and fills the sort keys and the
    full-text index itself (each note's text made once, its sort key taken from it): the same as
    the triggers make for notes added one by one."""
    fronts = [front.replace("\x1f", "") for front in fronts]
    found = {}
    with tempfile.TemporaryDirectory() as scratch:
        for way in ("one by one", "in bulk"):
            collection = open_collection(Path(scratch) / f"{way}.heatcards")
            try:
                basic = collection.notetype_named("Basic")
                notes = [Note(n + 1, f"g{n}", basic.id, (front, f"<i>{front}</i>"), (), NOON, NOON) for n, front in enumerate(fronts)]
                with collection.store.transaction():
                    if way == "in bulk":
                        collection.store.insert_notes(notes)
                    else:
                        for one in notes:
                            collection.store.insert_note(one)
                conn = collection.store.db.conn
                found[way] = (
                    [tuple(row) for row in conn.execute("SELECT id, sort_key FROM notes ORDER BY id")],
                    [tuple(row) for row in conn.execute("SELECT rowid, text FROM notes_text ORDER BY rowid")],
                )
            finally:
                collection.close()
    assert found["in bulk"] == found["one by one"]
    assert [key for _, key in found["in bulk"][0]] == [sort_key(f"{front}\x1f") for front in fronts]
