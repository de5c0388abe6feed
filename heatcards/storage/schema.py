"""The collection's tables and their forward migrations.

Each migration is applied once, in order, inside a transaction, and recorded
by sqlite-utils in `_sqlite_migrations`. A collection that records a migration
this version does not know was written by a newer heatcards and is refused.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..errors import SchemaTooNewError

MIGRATION_SET = "heatcards"
migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE config (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL               -- JSON
        );
        CREATE TABLE presets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            desired_retention REAL NOT NULL,
            parameters TEXT NOT NULL,         -- JSON list, empty = defaults
            learning_steps TEXT NOT NULL,     -- JSON list of minutes
            relearning_steps TEXT NOT NULL,
            maximum_interval INTEGER NOT NULL,
            new_per_day INTEGER NOT NULL,
            reviews_per_day INTEGER NOT NULL,
            bury_new_siblings INTEGER NOT NULL,
            bury_review_siblings INTEGER NOT NULL,
            bury_interday_learning_siblings INTEGER NOT NULL,
            leech_threshold INTEGER NOT NULL,
            leech_action TEXT NOT NULL
        );
        CREATE TABLE decks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,   -- "Parent::Child"
            preset_id INTEGER NOT NULL REFERENCES presets(id),
            description TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE notetypes (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,               -- standard | cloze
            fields TEXT NOT NULL,             -- JSON list of names
            templates TEXT NOT NULL,          -- JSON list of {name, front, back}
            css TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            text TEXT,                        -- NULL when not stored (bundled decks)
            paragraphs TEXT NOT NULL,         -- JSON list of [start, end) offsets
            added INTEGER NOT NULL
        );
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            guid TEXT NOT NULL UNIQUE,
            notetype_id INTEGER NOT NULL REFERENCES notetypes(id),
            fields TEXT NOT NULL,             -- fields joined by \x1f, as in Anki
            tags TEXT NOT NULL DEFAULT '',    -- " tag1 tag2 " (spaces around each)
            created INTEGER NOT NULL,
            modified INTEGER NOT NULL,
            document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            span_start INTEGER,
            span_end INTEGER,
            paragraph INTEGER
        );
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            deck_id INTEGER NOT NULL REFERENCES decks(id),
            ordinal INTEGER NOT NULL,
            state INTEGER NOT NULL,           -- 0 new, 1 learning, 2 review, 3 relearning
            due INTEGER NOT NULL,             -- unix seconds; new cards: queue position
            interval INTEGER NOT NULL,        -- days
            stability REAL,
            difficulty REAL,
            remaining_steps INTEGER NOT NULL,
            reps INTEGER NOT NULL,
            lapses INTEGER NOT NULL,
            last_review INTEGER,              -- unix seconds
            suspended INTEGER NOT NULL,
            buried_until INTEGER NOT NULL,    -- unix seconds
            flag INTEGER NOT NULL,
            modified INTEGER NOT NULL,
            UNIQUE (note_id, ordinal)
        );
        CREATE INDEX cards_by_deck_state_due ON cards (deck_id, state, due);
        CREATE TABLE revlog (
            id TEXT PRIMARY KEY,              -- uuid, unique across copies
            card_id INTEGER NOT NULL,
            time INTEGER NOT NULL,            -- unix milliseconds
            rating INTEGER NOT NULL,          -- 1..4; 0 for manual entries
            state_before INTEGER NOT NULL,
            interval_before INTEGER NOT NULL,
            interval_after INTEGER NOT NULL,
            due_after INTEGER NOT NULL,
            stability REAL,
            difficulty REAL,
            duration_ms INTEGER NOT NULL,
            kind TEXT NOT NULL                -- learn | review | relearn | manual
        );
        CREATE INDEX revlog_by_card_time ON revlog (card_id, time);
        CREATE INDEX revlog_by_time ON revlog (time);
        CREATE TABLE undo_steps (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            created INTEGER NOT NULL,
            cards_before TEXT NOT NULL,       -- JSON list of card rows to restore
            notes_before TEXT NOT NULL,       -- JSON list of note rows to restore
            revlog_ids TEXT NOT NULL          -- JSON list of revlog ids to remove
        );
        """
    )


@migrations(name="0002_covering_queue_index")
def _covering_queue_index(db: Database) -> None:
    """Queue counts read only this index, never the card rows."""
    db.executescript(
        """
        DROP INDEX cards_by_deck_state_due;
        CREATE INDEX cards_for_queue ON cards (deck_id, state, due, suspended, buried_until);
        """
    )


@migrations(name="0003_undo_restores_reviews")
def _undo_restores_reviews(db: Database) -> None:
    """Undoing a deletion puts the deleted review rows (and decks) back."""
    db.executescript(
        "ALTER TABLE undo_steps ADD COLUMN reviews_before TEXT NOT NULL DEFAULT '[]';"
        "ALTER TABLE undo_steps ADD COLUMN decks_before TEXT NOT NULL DEFAULT '[]';"
    )


@migrations(name="0004_full_text_search")
def _full_text_search(db: Database) -> None:
    """Plain-word search reads an FTS5 trigram index of each note's text (fields without markup,
    case-folded: see `browse_sql.note_text`); the browser sorts notes by `sort_key`. Triggers keep
    both current whatever writes the notes (single edits, bulk loads, undo restores, deletions)."""
    db.executescript(
        """
        ALTER TABLE notes ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
        CREATE VIRTUAL TABLE notes_text USING fts5(text, tokenize = 'trigram case_sensitive 1');
        INSERT INTO notes_text (rowid, text) SELECT id, hc_note_text(fields) FROM notes;
        UPDATE notes SET sort_key = hc_sort_key(fields);
        CREATE INDEX notes_by_sort_key ON notes (sort_key);
        CREATE TRIGGER notes_text_after_insert AFTER INSERT ON notes BEGIN
            INSERT INTO notes_text (rowid, text) VALUES (new.id, hc_note_text(new.fields));
            UPDATE notes SET sort_key = hc_sort_key(new.fields) WHERE id = new.id;
        END;
        CREATE TRIGGER notes_text_after_update AFTER UPDATE OF fields ON notes BEGIN
            UPDATE notes_text SET text = hc_note_text(new.fields) WHERE rowid = new.id;
            UPDATE notes SET sort_key = hc_sort_key(new.fields) WHERE id = new.id;
        END;
        CREATE TRIGGER notes_text_after_delete AFTER DELETE ON notes BEGIN
            DELETE FROM notes_text WHERE rowid = old.id;
        END;
        """
    )


@migrations(name="0005_undo_removes_created")
def _undo_removes_created(db: Database) -> None:
    """Undoing an added note (or an edit that made new cards) removes what it created."""
    db.executescript(
        "ALTER TABLE undo_steps ADD COLUMN notes_created TEXT NOT NULL DEFAULT '[]';"
        "ALTER TABLE undo_steps ADD COLUMN cards_created TEXT NOT NULL DEFAULT '[]';"
    )


@migrations(name="0006_statistics_index")
def _statistics_index(db: Database) -> None:
    """The statistics read the review log through one covering index, in its order, with no sort.

    Two columns computed from each row (never stored) make its key. `stats_hour` is the UTC hour
    of the review (hours since 1970, floored), times two, plus one unless the review falls in the
    hour's first second (which a local day starting on that hour leaves to the day before); the
    reviews from an hour's second second on are then one range of the index.
    `stats_code` packs what a statistic needs to know of an answer: ((kind code) * 2 + mature) * 4
    + rating - 1, where the kind code is the kind's index (learn 0, relearn 1, review 2, filtered
    3) plus 4 when true retention counts the answer (every review; a learning answer after a step
    of a day or more), and mature means an interval of 21 days or more before the answer. It is
    NULL for entries that are no answer (manual ones, ratings outside 1-4)."""
    db.executescript(
        """
        ALTER TABLE revlog ADD COLUMN stats_hour INTEGER GENERATED ALWAYS AS (
            ((time + 86400000000000) / 3600000 - 24000000) * 2 + ((time + 86400000000000) % 3600000 >= 1000)
        ) VIRTUAL;
        ALTER TABLE revlog ADD COLUMN stats_code INTEGER GENERATED ALWAYS AS (
            CASE WHEN rating BETWEEN 1 AND 4 THEN
                ((CASE kind WHEN 'review' THEN 6 WHEN 'learn' THEN 4 * (interval_before >= 1)
                    WHEN 'relearn' THEN 1 WHEN 'filtered' THEN 3 END) * 2 + (interval_before >= 21)) * 4 + rating - 1
            END
        ) VIRTUAL;
        CREATE INDEX revlog_for_stats ON revlog (stats_hour, stats_code, duration_ms, card_id);
        """
    )


@migrations(name="0007_card_reviews_for_statistics")
def _card_reviews_for_statistics(db: Database) -> None:
    """The statistics of a few cards (a tag, a small deck) read their reviews card by card from the
    index on (card_id, time) alone: it now also holds what the statistics index holds (the UTC hour,
    the answer's code, its duration), so no review row is read. The columns added after `time`
    change no order, so every query that used the narrower index uses this one as before."""
    db.executescript(
        """
        DROP INDEX revlog_by_card_time;
        CREATE INDEX revlog_by_card_time ON revlog (card_id, time, stats_hour, stats_code, duration_ms);
        """
    )


@migrations(name="0008_one_index_by_time")
def _one_index_by_time(db: Database) -> None:
    """An answer writes one review-log index fewer: the index on `time` goes, and the statistics
    index, renamed for what it is ordered by, ends with `time`, so that it serves the reads by time
    too. `stats_hour` never decreases as `time` grows (`review_hour`), so a read of the reviews
    from `a` to before `b` says both `stats_hour BETWEEN review_hour(a) AND review_hour(b)`, one
    range of the index, and `time >= a AND time < b`, checked on the index's entries
    (`review_time_range`); a read in time order sorts by `stats_hour, time`, which the index holds
    sorted but for the few reviews of each hour."""
    db.executescript(
        """
        DROP INDEX revlog_by_time;
        DROP INDEX revlog_for_stats;
        CREATE INDEX revlog_by_hour ON revlog (stats_hour, stats_code, duration_ms, card_id, time);
        """
    )


@migrations(name="0009_note_tags")
def _note_tags(db: Database) -> None:
    """A tag search looks its notes up by tag: `note_tags` holds one row per distinct tag of each
    note (the words of its `tags`, as `str.split` gives them, case and all), so a search tests each
    distinct tag of the collection once (`search_sql`) rather than every note's tags. Triggers keep
    it current whatever writes the notes, as they keep the full-text index (0004), and leave it be
    when an edit writes the tags it found (an edit of fields); a deletion finds the rows by the
    note's tags, so the table needs no second index."""
    db.executescript(
        """
        CREATE TABLE note_tags (
            tag TEXT NOT NULL,
            note_id INTEGER NOT NULL,
            PRIMARY KEY (tag, note_id)
        ) WITHOUT ROWID;
        INSERT INTO note_tags (tag, note_id) SELECT hc_note_tag(n.tags, t.key), n.id FROM notes n, json_each(hc_note_tags(n.tags)) t;
        CREATE TRIGGER note_tags_after_insert AFTER INSERT ON notes BEGIN
            INSERT INTO note_tags (tag, note_id) SELECT hc_note_tag(new.tags, key), new.id FROM json_each(hc_note_tags(new.tags));
        END;
        CREATE TRIGGER note_tags_after_update AFTER UPDATE OF id, tags ON notes
        WHEN old.tags IS NOT new.tags OR old.id IS NOT new.id BEGIN
            DELETE FROM note_tags WHERE tag IN (SELECT hc_note_tag(old.tags, key) FROM json_each(hc_note_tags(old.tags)))
                AND note_id = old.id;
            INSERT INTO note_tags (tag, note_id) SELECT hc_note_tag(new.tags, key), new.id FROM json_each(hc_note_tags(new.tags));
        END;
        CREATE TRIGGER note_tags_after_delete AFTER DELETE ON notes BEGIN
            DELETE FROM note_tags WHERE tag IN (SELECT hc_note_tag(old.tags, key) FROM json_each(hc_note_tags(old.tags)))
                AND note_id = old.id;
        END;
        """
    )


def review_hour(time_ms: int) -> int:
    """The review log's `stats_hour` of a review at `time_ms` (unix milliseconds), as migration 0006
    computes it. It never decreases as the time grows: the reviews at `a` or later have a
    `stats_hour` of `review_hour(a)` or more, those before `b` one of `review_hour(b)` or less."""
    return time_ms // 3_600_000 * 2 + (time_ms % 3_600_000 >= 1000)


def review_time_range(since_ms: int | None, until_ms: int | None = None) -> tuple[str, dict[str, int]]:
    """A condition on the review log (named `r`) for `since_ms <= r.time < until_ms` (a bound that
    is None: none), and its parameters (`since_hour`, `since_ms`, `until_hour`, `until_ms`). It
    bounds `r.stats_hour` too, so that the index by hour finds the reviews as one range."""
    conditions, params = [], {}
    if since_ms is not None:
        conditions.append("r.stats_hour >= :since_hour AND r.time >= :since_ms")
        params.update(since_hour=review_hour(since_ms), since_ms=since_ms)
    if until_ms is not None:
        conditions.append("r.stats_hour <= :until_hour AND r.time < :until_ms")
        params.update(until_hour=review_hour(until_ms), until_ms=until_ms)
    return " AND ".join(conditions) or "1", params


def migrate(db: Database, before_upgrade: Callable[[], None] | None = None) -> None:
    """Bring `db` to the current schema, or refuse one written by a newer version.

    `before_upgrade` runs first when an existing collection (not a new file) is about to change."""
    known = {m.name for m in migrations.pending(Database(memory=True))}
    applied = migrations.applied(db)
    unknown = [m.name for m in applied if m.name not in known]
    if unknown:
        raise SchemaTooNewError(
            "this collection was written by a newer heatcards "
            f"(schema step {unknown[-1]!r} is unknown here); please upgrade heatcards"
        )
    if before_upgrade is not None and applied and migrations.pending(db):
        before_upgrade()
    migrations.apply(db)
