"""Schema migrations: a collection written before a migration opens, is migrated, and keeps its data."""
from __future__ import annotations

import sqlite3
from datetime import timezone

from heatcards import stats
from heatcards.clock import FixedClock
from heatcards.collection import Collection
from heatcards.model import CardState, ReviewKind, ReviewLogEntry
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


def test_a_collection_from_before_0007_is_migrated_and_its_statistics_are_unchanged(tmp_path):
    path = tmp_path / "old.heatcards"
    with open_collection(path) as collection:
        fill(collection)
        scope = stats.Scope.matching("tag:few")
        expected = {period: stats.collect(collection, scope, period) for period in stats.Period}
    # the file as a version before migration 0007 left it
    with sqlite3.connect(path) as raw:
        raw.executescript(
            """
            DROP INDEX revlog_by_card_time;
            CREATE INDEX revlog_by_card_time ON revlog (card_id, time);
            DELETE FROM _sqlite_migrations WHERE name = '0007_card_reviews_for_statistics';
            """
        )
    assert index_columns(path, "revlog_by_card_time") == ["card_id", "time"]

    with open_collection(path) as collection:
        assert collection.store.review_count() == 50
        for period in stats.Period:
            assert stats.collect(collection, scope, period) == expected[period]
        assert stats.collect(collection, scope, stats.Period.ALL).reviews.answers == 10
    assert index_columns(path, "revlog_by_card_time") == ["card_id", "time", "stats_hour", "stats_code", "duration_ms"]
    with sqlite3.connect(path) as raw:
        applied = [row[0] for row in raw.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    assert applied[-1] == "0007_card_reviews_for_statistics"


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
