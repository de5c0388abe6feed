"""Check and repair: each kind of damage is found, explained, and repaired only when asked, after a backup."""
import sqlite3
from datetime import timezone

import pytest

from heatcards.backups import Backups
from heatcards.checking import check_collection, find_problems
from heatcards.collection import Collection
from heatcards.errors import NothingToUndoError
from heatcards.model import CardState, SourceLink, SourceStatus
from heatcards.storage.check import FindingKind
from tests.studying import study_randomly

from .conftest import NOON


def add_basic(collection, front, back="back", deck="Films"):
    return collection.add_note("Basic", [front, back], deck)


def damage(collection, *statements):
    """Write rows as a bug or another program might: foreign keys not enforced."""
    conn = collection.store.db.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        sql, *params = statement if isinstance(statement, tuple) else (statement,)
        conn.execute(sql, params)
    conn.execute("PRAGMA foreign_keys = ON")


def finding(findings, kind):
    [found] = [f for f in findings if f.kind is kind]
    return found


def kinds(findings):
    return {f.kind for f in findings}


@pytest.fixture
def studied(collection, clock):
    """A collection with 20 notes, studied for a while, some cards forgotten or rescheduled."""
    for i in range(20):
        add_basic(collection, f"question {i}", f"answer {i}")
    study_randomly(collection, clock, 120, longest_pause=5000)
    cards = collection.find_cards()
    collection.forget(cards[:2])
    collection.set_due_date(cards[2:4], 3)
    collection.suspend(cards[4:5])
    return collection


def test_a_studied_collection_has_no_problems(studied):
    report = check_collection(studied)
    assert report.findings == () and report.remaining == () and report.backup is None


def test_heat_deck_collection_has_no_problems(heat_collection):
    assert check_collection(heat_collection).findings == ()


def test_checking_alone_changes_nothing(studied):
    card = studied.find_cards()[6]
    damage(
        studied,
        ("UPDATE cards SET state = 9 WHERE id = ?", card),
        "UPDATE notes SET fields = 'only one field' WHERE id = (SELECT min(id) FROM notes)",
    )
    backups = Backups(studied.path, studied.clock)
    before = list(studied.store.db.conn.iterdump()), backups.list()
    report = check_collection(studied, backups=backups)
    assert kinds(report.findings) == {FindingKind.INVALID_CARD_STATE, FindingKind.WRONG_FIELD_COUNT}
    assert report.remaining == report.findings and report.backup is None
    assert (list(studied.store.db.conn.iterdump()), backups.list()) == before


def test_repair_backs_up_first_and_the_backup_holds_the_damage(studied, clock):
    card = studied.find_cards()[6]
    damage(studied, ("UPDATE cards SET state = 9 WHERE id = ?", card))
    report = check_collection(studied, repair=True)
    assert report.remaining == ()
    assert [f.kind for f in report.repaired] == [FindingKind.INVALID_CARD_STATE]
    assert report.backup.reason == "before repair" and report.backup.path.exists()
    assert card in report.changes.cards and report.changes.queue
    path = studied.path
    studied.close()
    Backups(path, clock).restore(report.backup.path)
    with Collection(path, clock=clock, calendar_tz=timezone.utc, install_heat_deck=False) as restored:
        assert kinds(find_problems(restored)) == {FindingKind.INVALID_CARD_STATE}


def test_repair_cannot_be_undone_the_backup_is_the_way_back(studied):
    damage(studied, ("UPDATE cards SET due = -1 WHERE id = ?", studied.find_cards("-is:new")[0]))
    check_collection(studied, repair=True)
    with pytest.raises(NothingToUndoError):
        studied.undo()


# --- foreign keys ---------------------------------------------------------------------------
FOREIGN_KEYS_CHECKED = {
    ("decks", "presets"),
    ("cards", "decks"),
    ("cards", "notes"),
    ("notes", "notetypes"),
    ("notes", "documents"),
}


def test_every_foreign_key_of_the_schema_is_checked(collection):
    conn = collection.store.db.conn
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
    declared = {(table, row[2]) for table in tables for row in conn.execute(f"PRAGMA foreign_key_list({table})")}
    assert declared == FOREIGN_KEYS_CHECKED  # a new reference needs a finding of its own


def test_deck_without_preset_gets_the_default_preset(studied):
    deck = studied.deck_named("Films")
    damage(studied, ("UPDATE decks SET preset_id = 999 WHERE id = ?", deck.id))
    found = finding(find_problems(studied), FindingKind.DECKS_WITHOUT_PRESET)
    assert (found.count, found.ids, found.repairable) == (1, (deck.id,), True)
    assert found.message == (
        "1 deck uses a deck options preset that no longer exists; repair gives them the Default preset"
    )
    assert check_collection(studied, repair=True).remaining == ()
    assert studied.deck(deck.id).preset_id == studied.default_preset().id


def test_cards_without_deck_move_to_the_default_deck(studied):
    cards = studied.find_cards()[:3]
    damage(studied, f"UPDATE cards SET deck_id = 999 WHERE id IN ({','.join(map(str, cards))})")
    found = finding(find_problems(studied), FindingKind.CARDS_WITHOUT_DECK)
    assert found.ids == tuple(cards) and "3 cards belong to a deck that no longer exists" in found.message
    assert check_collection(studied, repair=True).remaining == ()
    default = studied.deck_named("Default")
    assert {studied.card(c).deck_id for c in cards} == {default.id}


def test_cards_without_note_are_deleted_with_their_history(studied):
    card = studied.card(studied.find_cards("-is:new")[0])
    damage(studied, ("DELETE FROM notes WHERE id = ?", card.note_id))
    found = finding(find_problems(studied), FindingKind.CARDS_WITHOUT_NOTE)
    assert found.ids == (card.id,) and "repair deletes them and their review history" in found.message
    assert check_collection(studied, repair=True).remaining == ()
    assert card.id not in studied.find_cards() and studied.store.reviews_of_card(card.id) == []


def test_notes_without_note_type_are_reported_not_repaired(studied):
    note = studied.find_notes()[0]
    damage(studied, ("UPDATE notes SET notetype_id = 999 WHERE id = ?", note))
    report = check_collection(studied, repair=True)
    found = finding(report.findings, FindingKind.NOTES_WITHOUT_NOTETYPE)
    assert (found.ids, found.repairable) == ((note,), False)
    assert "restore a backup from before the note type was lost" in found.message
    assert report.remaining == report.findings and report.backup is None  # nothing to repair: no backup


def test_notes_citing_a_missing_document_say_it_was_deleted(collection):
    document = collection.store.insert_document("Heat", "heat.txt", "ab" * 32, "Some text.", [(0, 10)], NOON)
    note = collection.add_note("Basic", ["q", "a"], "Films", source=SourceLink(document, 0, 4, 1))
    damage(collection, ("DELETE FROM documents WHERE id = ?", document))
    found = finding(find_problems(collection), FindingKind.NOTES_WITH_MISSING_DOCUMENT)
    assert found.ids == (note.id,)
    assert check_collection(collection, repair=True).remaining == ()
    [card] = collection.store.cards_of_note(note.id)
    assert collection.source_passage(card.id).status is SourceStatus.DOCUMENT_DELETED


# --- notes and cards ------------------------------------------------------------------------
def test_wrong_field_counts_are_fitted_without_losing_text(collection):
    short = add_basic(collection, "short")
    long = add_basic(collection, "long")
    damage(
        collection,
        ("UPDATE notes SET fields = 'only front' WHERE id = ?", short.id),
        ("UPDATE notes SET fields = ? WHERE id = ?", "front\x1fback\x1fextra", long.id),
    )
    found = finding(find_problems(collection), FindingKind.WRONG_FIELD_COUNT)
    assert found.ids == (short.id, long.id)
    assert check_collection(collection, repair=True).remaining == ()
    assert collection.note(short.id).fields == ("only front", "")
    assert collection.note(long.id).fields == ("front", "back<br>extra")


def test_notes_without_cards_get_the_cards_their_fields_call_for(collection):
    kept = add_basic(collection, "kept")
    lost = collection.add_note("Basic (and reversed card)", ["front", "back"], "Films")
    blank = add_basic(collection, "blank")
    damage(
        collection,
        ("DELETE FROM cards WHERE note_id IN (?, ?)", lost.id, blank.id),
        ("UPDATE notes SET fields = ? WHERE id = ?", "\x1fonly a back", blank.id),
    )
    found = finding(find_problems(collection), FindingKind.NOTES_WITHOUT_CARDS)
    assert found.ids == (lost.id, blank.id)
    report = check_collection(collection, repair=True)
    # the note whose fields call for no card stays as it is, and is still reported
    assert finding(report.remaining, FindingKind.NOTES_WITHOUT_CARDS).ids == (blank.id,)
    made = collection.store.cards_of_note(lost.id)
    assert [c.ordinal for c in made] == [0, 1]
    assert {c.deck_id for c in made} == {collection.deck_named("Default").id}
    assert all(c.state is CardState.NEW for c in made)
    [kept_card] = collection.store.cards_of_note(kept.id)
    assert min(c.due for c in made) > kept_card.due  # after every new card
    assert collection.note(blank.id).fields == ("", "only a back")


def test_cards_in_no_known_state_become_review_or_new_cards(studied, clock):
    reviewed = studied.find_cards("-is:new")[0]
    new = studied.find_cards("is:new")[0]
    damage(studied, f"UPDATE cards SET state = 7 WHERE id IN ({reviewed}, {new})")
    found = finding(find_problems(studied), FindingKind.INVALID_CARD_STATE)
    assert found.ids == tuple(sorted((reviewed, new)))
    assert check_collection(studied, repair=True).remaining == ()
    was_reviewed, was_new = studied.card(reviewed), studied.card(new)
    assert (was_reviewed.state, was_reviewed.due) == (CardState.REVIEW, clock.now())
    assert was_reviewed.interval >= 1
    assert was_new.state is CardState.NEW and was_new.stability is None
    assert was_new.due == max(studied.card(c).due for c in studied.find_cards("is:new"))


def test_impossible_due_dates_become_due_now_or_join_the_new_queue(studied, clock):
    review = studied.find_cards("is:review")[0]
    far = studied.find_cards("is:review")[1]
    new = studied.find_cards("is:new")[0]
    damage(
        studied,
        ("UPDATE cards SET due = 0 WHERE id = ?", review),
        ("UPDATE cards SET due = ? WHERE id = ?", 10**15, far),
        ("UPDATE cards SET due = -3 WHERE id = ?", new),
    )
    found = finding(find_problems(studied), FindingKind.INVALID_DUE)
    assert found.ids == tuple(sorted((review, far, new)))
    assert check_collection(studied, repair=True).remaining == ()
    assert studied.card(review).due == studied.card(far).due == clock.now()
    assert studied.card(new).due == max(studied.card(c).due for c in studied.find_cards("is:new"))


def test_review_log_entries_of_missing_cards_are_deleted(studied):
    damage(
        studied,
        "INSERT INTO revlog (id, card_id, time, rating, state_before, interval_before, interval_after, due_after, "
        "duration_ms, kind) VALUES ('orphan', 4242, 1, 3, 2, 1, 2, 3, 0, 'review')",
    )
    found = finding(find_problems(studied), FindingKind.REVIEWS_WITHOUT_CARD)
    assert found.ids == ("orphan",)
    assert found.message.startswith("1 review-log entry belongs to cards that no longer exist")
    reviews = studied.store.review_count()
    assert check_collection(studied, repair=True).remaining == ()
    assert studied.store.review_count() == reviews - 1


# --- memory states ---------------------------------------------------------------------------
def test_memory_states_that_disagree_with_the_history_are_recomputed(studied):
    card = studied.card(studied.find_cards("is:review")[0])
    damage(studied, ("UPDATE cards SET stability = stability * 2, difficulty = 9.5 WHERE id = ?", card.id))
    found = finding(find_problems(studied), FindingKind.MEMORY_STATE)
    assert found.ids == (card.id,)
    assert check_collection(studied, repair=True).remaining == ()
    repaired = studied.card(card.id)
    assert (repaired.stability, repaired.difficulty) == (card.stability, card.difficulty)
    assert repaired.due == card.due  # the schedule stays


def test_a_memory_state_without_history_is_not_questioned(collection):
    """Cards imported with a memory state but no review log keep it."""
    add_basic(collection, "q")
    [card] = collection.find_cards()
    damage(
        collection,
        ("UPDATE cards SET state = 2, due = ?, interval = 5, stability = 12.5, difficulty = 4.2 WHERE id = ?", NOON, card),
    )
    assert find_problems(collection) == []


# --- media ----------------------------------------------------------------------------------
def test_missing_and_unused_media_are_listed_and_never_deleted(collection):
    folder = collection.media_folder
    for name in ("present.png", "unused.jpg", "_template-font.woff", ".being-written.partial"):
        (folder / name).write_bytes(b"data")
    add_basic(collection, '<img src="present.png"> <img src="gone.png">', "[sound:gone.mp3]")
    add_basic(collection, "<img src='gone.png'>")
    add_basic(collection, "broken", "back")
    damage(collection, "UPDATE cards SET state = 8 WHERE note_id = (SELECT max(id) FROM notes)")
    report = check_collection(collection, repair=True)  # the broken card makes the repair run
    missing = finding(report.remaining, FindingKind.MISSING_MEDIA)
    assert (missing.ids, missing.repairable) == (("gone.mp3", "gone.png"), False)
    assert missing.message.startswith(f"2 media files are missing from {folder} (gone.mp3, gone.png), named by 2 notes")
    unused = finding(report.remaining, FindingKind.UNUSED_MEDIA)
    assert (unused.ids, unused.repairable) == (("unused.jpg",), False)
    assert unused.message.startswith("1 media file is used by no note (unused.jpg); they are left in")
    assert (folder / "unused.jpg").exists()
    assert kinds(report.remaining) == {FindingKind.MISSING_MEDIA, FindingKind.UNUSED_MEDIA}


def test_media_named_by_a_template_is_in_use(collection):
    (collection.media_folder / "logo.png").write_bytes(b"png")
    basic = collection.notetype_named("Basic")
    damage(collection, ("UPDATE notetypes SET css = ? WHERE id = ?", '.card { } <img src="logo.png">', basic.id))
    assert find_problems(collection) == []


# --- the search index ------------------------------------------------------------------------
def test_a_stale_search_index_is_rebuilt(collection):
    note = add_basic(collection, "Neil McCauley")
    other = add_basic(collection, "Vincent Hanna")
    damage(
        collection,
        ("DELETE FROM notes_text WHERE rowid = ?", note.id),
        ("UPDATE notes SET sort_key = 'zzz' WHERE id = ?", other.id),
    )
    assert collection.find_notes("mccauley") == []
    found = finding(find_problems(collection), FindingKind.SEARCH_INDEX)
    assert found.ids == (note.id, other.id)
    assert check_collection(collection, repair=True).remaining == ()
    assert collection.find_notes("mccauley") == [note.id]
    assert collection.find_notes(order="sort_field") == [note.id, other.id]


def test_a_stale_look_up_by_tag_is_found_and_rebuilt(collection):
    tagged = collection.add_note("Basic", {"Front": "Neil McCauley", "Back": ""}, "Default", tags=["crew"])
    other = collection.add_note("Basic", {"Front": "Vincent Hanna", "Back": ""}, "Default", tags=["police"])
    damage(
        collection,
        ("DELETE FROM note_tags WHERE note_id = ?", tagged.id),
        ("INSERT INTO note_tags (tag, note_id) VALUES ('crew', ?)", other.id),
    )
    assert collection.find_notes("tag:crew") == [other.id]
    found = finding(find_problems(collection), FindingKind.SEARCH_INDEX)
    assert found.ids == (tagged.id, other.id)
    assert check_collection(collection, repair=True).remaining == ()
    assert collection.find_notes("tag:crew") == [tagged.id]
    assert collection.find_notes("tag:police") == [other.id]


# --- a damaged file ---------------------------------------------------------------------------
def test_a_damaged_file_is_reported_and_never_repaired(studied, clock):
    path = studied.path
    studied.close()
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA writable_schema = ON")
    raw.execute("UPDATE sqlite_schema SET sql = replace(sql, '(card_id, time', '(time, card_id') WHERE name = 'revlog_by_card_time'")
    raw.close()
    with Collection(path, clock=clock, calendar_tz=timezone.utc, install_heat_deck=False) as damaged:
        report = check_collection(damaged, repair=True)
        [found] = report.findings
        assert found.kind is FindingKind.INTEGRITY and not found.repairable
        assert "missing from index revlog_by_card_time" in found.message
        assert "restore the newest good backup" in found.message
        assert report.backup is None and report.remaining == report.findings
