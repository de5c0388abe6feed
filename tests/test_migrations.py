"""Schema migrations: a collection written before a migration opens, is migrated, and keeps its data."""
from __future__ import annotations

import sqlite3
from datetime import timezone
from zoneinfo import ZoneInfo

from heatcards import stats
from heatcards.clock import FixedClock
from heatcards.collection import Collection
from heatcards.model import CardState, ReviewKind, ReviewLogEntry
from heatcards.storage.schema import review_hour
from tests.conftest import NOON

DAY = 86400


def open_collection(path) -> Collection:
    return Collection(path, clock=FixedClock(NOON), calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)


def index_columns(path, name: str) -> list[str]:
    with sqlite3.connect(path) as raw:
        return [row[2] for row in raw.execute("SELECT * FROM pragma_index_xinfo(?) WHERE key = 1", (name,))]


def fill(collection: Collection) -> None:
    """Two tagged notes of ten, each card answered on several days."""
    notes = [collection.add_note("Basic", {"Front": f"front {number}", "Back": "back"}, "Default") for number in range(10)]
    collection.add_tags([note.id for note in notes[:2]], ["few"])
    with collection.store.transaction():
        for card_id in collection.store.card_ids():
            for day in range(1, 6):
                collection.store.insert_review(
                    ReviewLogEntry(
                        f"{card_id}-{day}", card_id, (NOON - day * DAY) * 1000, 1 + day % 4, CardState.REVIEW,
                        day * 10, day * 10, NOON, None, None, 1000 * day, ReviewKind.REVIEW,
                    )
                )


def filled_and_rewound(path, before_the_migration: str) -> tuple[stats.Scope, dict]:
    """A collection at `path` filled by `fill`, with its statistics of the tag "few" for every period, then the file
    put back as a version before a migration left it (`before_the_migration`, SQL run on the raw file)."""
    with open_collection(path) as collection:
        fill(collection)
        scope = stats.Scope.matching("tag:few")
        expected = {period: stats.collect(collection, scope, period) for period in stats.Period}
    with sqlite3.connect(path) as raw:
        raw.executescript(before_the_migration)
    return scope, expected


def last_migration(path) -> str:
    with sqlite3.connect(path) as raw:
        return raw.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid DESC LIMIT 1").fetchone()[0]


def test_a_collection_from_before_0007_is_migrated_and_its_statistics_are_unchanged(tmp_path):
    path = tmp_path / "old.heatcards"
    scope, expected = filled_and_rewound(
        path,
        """
        DROP INDEX revlog_by_card_time;
        CREATE INDEX revlog_by_card_time ON revlog (card_id, time);
        DELETE FROM _sqlite_migrations WHERE name = '0007_card_reviews_for_statistics';
        """,
    )
    assert index_columns(path, "revlog_by_card_time") == ["card_id", "time"]

    with open_collection(path) as collection:
        assert collection.store.review_count() == 50
        for period in stats.Period:
            assert stats.collect(collection, scope, period) == expected[period]
        assert stats.collect(collection, scope, stats.Period.ALL).reviews.answers == 10
    assert index_columns(path, "revlog_by_card_time") == ["card_id", "time", "stats_hour", "stats_code", "duration_ms"]
    assert last_migration(path) == "0007_card_reviews_for_statistics"


def test_a_few_cards_statistics_read_no_review_row(tmp_path):
    """The scoped answers' query is answered from the index alone (SQLite may still open the table:
    a deferred seek that is never taken)."""
    path = tmp_path / "c.heatcards"
    with open_collection(path) as collection:
        fill(collection)
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TEMP TABLE few (id INTEGER PRIMARY KEY)")
        plan = raw.execute(
            "EXPLAIN SELECT r.stats_hour, r.stats_code, count(*), total(r.duration_ms) "
            "FROM few s CROSS JOIN revlog r ON r.card_id = s.id WHERE r.stats_hour >= 0 AND r.stats_code IS NOT NULL "
            "GROUP BY r.stats_hour, r.stats_code"
        ).fetchall()
        revlog_root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'revlog'").fetchone()[0]
    cursors = {row[3]: row[2] for row in plan if row[1] == "OpenRead"}  # root page -> cursor
    index_root = [row for row in plan if row[1] == "OpenRead" and row[3] != revlog_root]
    assert revlog_root in cursors and index_root
    assert [row for row in plan if row[1] == "Column" and row[2] == cursors[revlog_root]] == []


def index_names(path) -> set[str]:
    with sqlite3.connect(path) as raw:
        return {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'revlog' AND sql IS NOT NULL")}


def reads_by_time(path) -> dict:
    """What every reader of the log by time or by hour answers: the statistics with local time UTC
    (counted by UTC hour) and India's (each review's local time computed), the daily limits, the
    forgotten cards, the log in time order."""
    got: dict = {}
    for timezone_name in ("UTC", "Asia/Kolkata"):
        with Collection(path, clock=FixedClock(NOON), calendar_tz=ZoneInfo(timezone_name), fuzz=False, install_heat_deck=False) as collection:
            for scope in (stats.Scope(), stats.Scope.deck("Default"), stats.Scope.matching("tag:few")):
                for period in stats.Period:
                    got[timezone_name, scope, period] = stats.collect(collection, scope, period)
    with open_collection(path) as collection:
        deck = collection.deck_named("Default")
        since_ms = (NOON - 5 * DAY) * 1000
        got["studied"] = collection.store.studied_since([deck.id], since_ms)
        got["forgotten"] = collection.store.forgotten_card_ids([deck.id], since_ms, NOON)
        got["log"] = collection.store.reviews_of_cards(collection.store.card_ids())
    return got


def test_a_collection_from_before_0008_is_migrated_to_one_index_by_time_with_the_same_answers(tmp_path):
    path = tmp_path / "old.heatcards"
    with open_collection(path) as collection:
        fill(collection)
    with sqlite3.connect(path) as raw:  # half the cards in review, so that some were forgotten
        raw.execute("UPDATE cards SET state = 2 WHERE id % 2 = 0")
    expected = reads_by_time(path)
    assert expected["studied"] == (0, 50) and len(expected["forgotten"]) == 5 and len(expected["log"]) == 50
    assert index_names(path) == {"revlog_by_card_time", "revlog_by_hour"}
    # the file as a version before migration 0008 left it
    with sqlite3.connect(path) as raw:
        raw.executescript(
            """
            DROP INDEX revlog_by_hour;
            CREATE INDEX revlog_by_time ON revlog (time);
            CREATE INDEX revlog_for_stats ON revlog (stats_hour, stats_code, duration_ms, card_id);
            DELETE FROM _sqlite_migrations WHERE name = '0008_one_index_by_time';
            """
        )
    assert index_names(path) == {"revlog_by_card_time", "revlog_by_time", "revlog_for_stats"}

    assert reads_by_time(path) == expected
    assert index_names(path) == {"revlog_by_card_time", "revlog_by_hour"}
    assert index_columns(path, "revlog_by_hour") == ["stats_hour", "stats_code", "duration_ms", "card_id", "time"]
    with sqlite3.connect(path) as raw:
        applied = [row[0] for row in raw.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    assert applied[-1] == "0008_one_index_by_time"


def test_the_reads_by_time_find_their_reviews_in_the_index_by_hour_with_no_scan_of_the_log(tmp_path):
    path = tmp_path / "c.heatcards"
    with open_collection(path) as collection:
        fill(collection)
    statements: list[str] = []
    with Collection(path, clock=FixedClock(NOON), calendar_tz=ZoneInfo("Asia/Kolkata"), install_heat_deck=False) as collection:
        connection = collection.store.db.conn
        connection.set_trace_callback(statements.append)
        deck = collection.deck_named("Default")
        collection.store.studied_since([deck.id], NOON * 1000)
        collection.store.forgotten_card_ids([deck.id], NOON * 1000, NOON)
        for period in (stats.Period.MONTH, stats.Period.ALL):  # by local time: answers in a window, first and last review
            stats.collect(collection, stats.Scope(), period)
        connection.set_trace_callback(None)
        by_time = [sql for sql in statements if "r.time >=" in sql or "r.stats_hour =" in sql]
        plans = {sql: [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql)] for sql in by_time}
    assert len(plans) >= 6
    for sql, plan in plans.items():
        assert any("revlog_by_hour" in step for step in plan), sql
        assert not [step for step in plan if step in ("SCAN r", "SCAN revlog")], sql


def test_review_hour_is_the_logs_stats_hour_and_never_decreases(tmp_path):
    hour = 3_600_000
    hours = (-5 * hour, 0, NOON * 1000, 1_795_226_935_633 // hour * hour)
    times = sorted({start + offset for start in hours for offset in (-1001, -1000, -999, -1, 0, 1, 999, 1000, 1001, hour - 1)})
    with open_collection(tmp_path / "c.heatcards") as collection:
        with collection.store.transaction():
            for number, time_ms in enumerate(times):
                collection.store.insert_review(
                    ReviewLogEntry(f"r{number}", 1, time_ms, 3, CardState.REVIEW, 1, 2, NOON, None, None, 1000, ReviewKind.REVIEW)
                )
        logged = collection.store.db.conn.execute("SELECT time, stats_hour FROM revlog ORDER BY time").fetchall()
    assert [(time_ms, review_hour(time_ms)) for time_ms in times] == [tuple(row) for row in logged]
    assert [review_hour(time_ms) for time_ms in times] == sorted(review_hour(time_ms) for time_ms in times)


def test_a_collection_from_before_0009_is_given_the_look_up_by_tag_of_every_note(tmp_path):
    path = tmp_path / "old.heatcards"
    # its tags written since then without a look-up
    scope, expected = filled_and_rewound(
        path,
        """
        DROP TRIGGER note_tags_after_insert;
        DROP TRIGGER note_tags_after_update;
        DROP TRIGGER note_tags_after_delete;
        DROP TABLE note_tags;
        DELETE FROM _sqlite_migrations WHERE name = '0009_note_tags';
        UPDATE notes SET tags = tags || 'Other::Child ' WHERE id = (SELECT max(id) FROM notes);
        """,
    )
    with sqlite3.connect(path) as raw:
        tagged = {(tag, note_id) for note_id, tags in raw.execute("SELECT id, tags FROM notes") for tag in tags.split()}
    assert len(tagged) == 3

    with open_collection(path) as collection:
        for period in stats.Period:
            assert stats.collect(collection, scope, period) == expected[period]
        assert len(collection.find_cards("tag:other")) == 1
    with sqlite3.connect(path) as raw:
        assert set(raw.execute("SELECT tag, note_id FROM note_tags")) == tagged
    assert last_migration(path) == "0009_note_tags"
