"""The collection side of import and export: merging an Exchange, and building one."""
import importlib.util
import os
from dataclasses import replace
from datetime import timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heatcards.clock import SECONDS_PER_DAY, FixedClock
from heatcards.collection import Collection
from heatcards.errors import CancelledError, InvalidInputError
from heatcards.formats.exchange import DuplicatePolicy, Exchange, ExchangeDocument, MediaFile
from heatcards.importing import memory_history, media_references, rename_media_references
from heatcards.transfer import APKG, CSV, HEATDECK, REVIEW_LOG, export_file, import_file, import_format
from heatcards.model import (
    Card,
    CardState,
    CardTemplate,
    Deck,
    Note,
    NoteType,
    NoteTypeKind,
    Preset,
    Rating,
    ReviewKind,
    ReviewLogEntry,
    SourceLink,
)

from .conftest import NOON, needs_shared

DAY = SECONDS_PER_DAY
SPANISH = Deck(1, "Spanish", 0)


# --- building exchanges ----------------------------------------------------------------------
def basic(collection, local_id=1):
    return replace(collection.notetype_named("Basic"), id=local_id)


def note(note_id, guid, front="hola", back="hello", tags=(), notetype_id=1):
    return Note(note_id, guid, notetype_id, (front, back), tuple(tags), NOON - 10 * DAY, NOON - 10 * DAY)


def review_card(card_id, note_id, *, last_review, deck_id=1, stability=5.0, difficulty=4.0, interval=5):
    return Card(
        card_id, note_id, deck_id, 0, state=CardState.REVIEW, due=last_review + interval * DAY, interval=interval,
        stability=stability, difficulty=difficulty, reps=3, last_review=last_review, modified=last_review,
    )


def entry(entry_id, card_id, seconds, rating, kind=ReviewKind.REVIEW, *, interval_after=3, stability=None):
    state = CardState.NEW if kind is ReviewKind.LEARN else CardState.REVIEW
    return ReviewLogEntry(entry_id, card_id, seconds * 1000, rating, state, 0, interval_after, seconds + DAY, stability, None, 5000, kind)


def package(collection, notes, cards=(), *, decks=(SPANISH,), reviews=(), media=(), presets=(), notetypes=None, **extra):
    return Exchange(
        notetypes=(basic(collection),) if notetypes is None else tuple(notetypes),
        presets=tuple(presets),
        decks=tuple(decks),
        notes=tuple(notes),
        cards=tuple(cards),
        reviews=tuple(reviews),
        media=tuple(media),
        **extra,
    )


def media(name, data):
    return MediaFile(name, lambda: data)


def snapshot(collection):
    """Everything an import may change, to compare before and after."""
    store = collection.store
    card_ids = store.card_ids()
    return (
        [d.name for d in collection.decks()],
        [n.name for n in collection.notetypes()],
        [p.name for p in collection.presets()],
        store.cards(card_ids),
        sorted(store.notes({c.note_id for c in store.cards(card_ids)}).values(), key=lambda n: n.id),
        store.reviews_of_cards(card_ids),
        sorted(p.name for p in collection.media_folder.iterdir()),
        collection.document_titles(),
        store._secondary_indexes("revlog"),  # a large import rebuilds them; a rollback puts them back
    )


# --- notes, cards and ids --------------------------------------------------------------------
def test_new_notes_arrive_with_their_ids_cards_decks_and_history(collection):
    incoming = package(
        collection,
        [note(5, "g5", tags=["verbs"])],
        [review_card(7, 5, last_review=NOON - 2 * DAY)],
        decks=[Deck(1, "Spanish::Verbs", 0)],
        reviews=[entry("r1", 7, NOON - 3 * DAY, 3, ReviewKind.LEARN), entry("r2", 7, NOON - 2 * DAY, 3)],
    )
    indexes = collection.store._secondary_indexes("revlog")
    report, changes = collection.import_exchange(incoming, source="spanish.apkg")
    assert (report.source, report.added, report.cards_added, report.reviews_added) == ("spanish.apkg", 1, 1, 2)
    assert collection.store._secondary_indexes("revlog") == indexes  # rebuilt after the (larger) log arrived
    assert changes.notes == {5} and changes.cards == {7} and changes.decks and changes.queue
    assert [d.name for d in collection.decks()] == ["Default", "Spanish", "Spanish::Verbs"]
    card = collection.card(7)
    assert card == replace(incoming.cards[0], deck_id=collection.deck_named("Spanish::Verbs").id)
    assert collection.note(5).tags == ("verbs",)
    assert [e.id for e in collection.store.reviews_of_card(7)] == ["r1", "r2"]


def test_ids_taken_in_the_collection_are_replaced_and_reviews_follow(collection):
    mine = collection.add_note("Basic", ["mine", ""], "Default")
    my_card = collection.store.cards_of_note(mine.id)[0]
    incoming = package(
        collection,
        [note(mine.id, "theirs")],
        [review_card(my_card.id, mine.id, last_review=NOON - DAY)],
        reviews=[entry("r1", my_card.id, NOON - DAY, 3)],
    )
    report, _ = collection.import_exchange(incoming)
    assert report.added == 1
    theirs = collection.store.note_by_guid("theirs")
    assert theirs.id != mine.id
    their_card = collection.store.cards_of_note(theirs.id)[0]
    assert their_card.id != my_card.id and their_card.state is CardState.REVIEW
    assert [e.card_id for e in collection.store.reviews_of_card(their_card.id)] == [their_card.id]
    assert collection.store.reviews_of_card(my_card.id) == []
    assert collection.note(mine.id).fields == ("mine", "")


def test_importing_twice_changes_nothing_the_second_time(collection):
    incoming = package(
        collection,
        [note(1, "a"), note(2, "b", front="adiós")],
        [review_card(10, 1, last_review=NOON - DAY), Card(11, 2, 1, 0, due=1)],
        reviews=[entry("r1", 10, NOON - DAY, 3)],
        media=[media("a.png", b"png")],
    )
    collection.import_exchange(incoming)
    before = snapshot(collection)
    report, changes = collection.import_exchange(incoming)
    assert (report.added, report.updated, report.unchanged, report.cards_added, report.reviews_added, report.media_added) == (0, 0, 2, 0, 0, 0)
    assert snapshot(collection) == before
    assert not changes.decks and not changes.cards


def test_notes_imported_again_unchanged_are_compared_as_stored_rows_without_records(collection, monkeypatch):
    """An unchanged note is matched on its stored row alone; one that changes, or whose fields
    cannot fit its note type, still goes through `_local_note` (which refuses the latter)."""
    from heatcards import importing

    incoming = package(collection, [note(1, "a"), note(2, "b", front="adiós")], [Card(10, 1, 1, 0, due=1), Card(11, 2, 1, 0, due=2)])
    collection.import_exchange(incoming)
    localised = []
    local_note = importing._Merge._local_note
    monkeypatch.setattr(importing._Merge, "_local_note", lambda merge, note: localised.append(note.guid) or local_note(merge, note))
    report, _ = collection.import_exchange(incoming)
    assert (report.unchanged, localised) == (2, [])
    changed = replace(incoming, notes=(note(1, "a"), note(2, "b", front="adiós", tags=["new"])))
    report, _ = collection.import_exchange(changed)
    assert (report.unchanged, report.updated, localised) == (1, 1, ["b"])
    one_field = replace(incoming, notes=(note(1, "a"), replace(note(2, "b", tags=["new"]), fields=("adiós\x1fhello",))))
    with pytest.raises(InvalidInputError, match="has 1 fields"):
        collection.import_exchange(one_field)


def test_update_takes_changed_fields_and_tags_and_keeps_newer_local_progress(collection, clock):
    first = package(collection, [note(1, "g")], [review_card(10, 1, last_review=NOON - 5 * DAY)])
    collection.import_exchange(first)
    collection.suspend([10])
    collection.set_flag([10], 3)
    clock.advance(DAY)
    collection.answer(10, Rating.GOOD)  # studied here after the package was made
    studied = collection.card(10)
    older = package(collection, [note(1, "g", back="hello!", tags=["new"])], [review_card(10, 1, last_review=NOON - 2 * DAY, stability=50.0)])
    report, changes = collection.import_exchange(older)
    assert (report.updated, report.unchanged) == (1, 0)
    assert changes.notes == {1} and changes.cards == frozenset()
    assert collection.note(1).fields == ("hola", "hello!") and collection.note(1).tags == ("new",)
    assert collection.card(10) == studied


def test_update_takes_progress_made_later_elsewhere_but_keeps_local_deck_suspension_and_flag(collection, clock):
    collection.import_exchange(package(collection, [note(1, "g")], [review_card(10, 1, last_review=NOON - 5 * DAY)]))
    collection.add_deck("Mine")
    collection.set_deck([10], collection.deck_named("Mine").id)
    collection.set_flag([10], 2)
    later = review_card(10, 1, last_review=NOON - DAY, stability=42.0, difficulty=6.5, interval=40)
    later = replace(later, reps=9, lapses=1)
    report, changes = collection.import_exchange(package(collection, [note(1, "g")], [later]))
    card = collection.card(10)
    assert changes.cards == {10} and report.unchanged == 1
    assert any("studied more recently there" in line for line in report.notes)
    assert (card.stability, card.difficulty, card.interval, card.reps, card.lapses, card.last_review, card.due) == (
        42.0, 6.5, 40, 9, 1, NOON - DAY, later.due,
    )
    assert card.deck_id == collection.deck_named("Mine").id and card.flag == 2


def test_skip_leaves_the_collections_note_and_its_cards_alone(collection):
    collection.import_exchange(package(collection, [note(1, "g")], [review_card(10, 1, last_review=NOON - 5 * DAY)]))
    before = snapshot(collection)
    newer = package(
        collection, [note(1, "g", back="changed")], [review_card(10, 1, last_review=NOON - DAY)], reviews=[entry("r9", 10, NOON - DAY, 4)]
    )
    report, _ = collection.import_exchange(newer, policy=DuplicatePolicy.SKIP)
    assert (report.added, report.updated, report.skipped, report.reviews_added) == (0, 0, 1, 0)
    assert report.notes == ("1 notes skipped: already in the collection",)
    assert snapshot(collection) == before


def test_duplicate_adds_a_copy_with_a_new_guid_and_new_ids(collection):
    incoming = package(collection, [note(1, "g")], [review_card(10, 1, last_review=NOON - DAY)], reviews=[entry("r1", 10, NOON - DAY, 3)])
    collection.import_exchange(incoming)
    report, _ = collection.import_exchange(replace(incoming, reviews=()), policy=DuplicatePolicy.DUPLICATE)
    assert report.added == 1 and report.cards_added == 1
    assert collection.store.note_by_guid("g") is not None  # the note imported first keeps its GUID
    assert len(collection.find_notes("")) == 2
    copy = next(collection.note(i) for i in collection.find_notes("") if i != 1)
    assert copy.guid != "g" and copy.fields == ("hola", "hello")


def test_a_field_holding_the_field_separator_is_refused(collection):
    with pytest.raises(InvalidInputError, match="U\\+001F"):
        collection.add_note("Basic", ["a\x1fb", ""], "Default")
    with pytest.raises(InvalidInputError, match="note a: a field holds the control character U\\+001F"):
        collection.import_exchange(package(collection, [note(1, "a", front="x\x1fy")], [Card(10, 1, 1, 0, due=1)]))
    assert collection.find_notes("") == []


def test_new_cards_keep_their_order_after_the_collections_new_cards(collection):
    mine = collection.add_note("Basic", ["mine", ""], "Default")
    assert collection.store.cards_of_note(mine.id)[0].due == 1
    incoming = package(collection, [note(1, "a"), note(2, "b")], [Card(10, 1, 1, 0, due=1), Card(11, 2, 1, 0, due=5)])
    collection.import_exchange(incoming)
    assert (collection.card(10).due, collection.card(11).due) == (2, 6)


def test_a_note_with_another_note_type_is_skipped_and_a_repeated_guid_once(collection):
    collection.add_note("Cloze", ["{{c1::x}}", ""], "Default", guid="g")
    incoming = package(collection, [note(1, "g"), note(2, "h"), note(3, "h", front="again")], [Card(10, 2, 1, 0, due=1), Card(11, 3, 1, 0, due=2)])
    report, _ = collection.import_exchange(incoming)
    assert (report.added, report.skipped) == (1, 2)
    assert set(report.notes) == {
        "1 notes skipped: the collection has them with a different note type",
        "1 notes skipped: their GUID appears earlier in the file",
    }


# --- note types, presets and decks ------------------------------------------------------------
def test_note_types_are_reused_when_they_match_and_otherwise_renamed(collection):
    wider = NoteType(1, "Basic", NoteTypeKind.STANDARD, ("Front", "Back", "Extra"), (CardTemplate("Card 1", "{{Front}}", "{{Back}}"),))
    three = Note(1, "g1", 1, ("a", "b", "c"), (), NOON, NOON)
    report, _ = collection.import_exchange(package(collection, [three], [Card(10, 1, 1, 0, due=1)], notetypes=[wider]))
    assert report.notes == ("note type 'Basic' differs from the collection's: added as 'Basic (imported)'",)
    assert collection.note(1).notetype_id == collection.notetype_named("Basic (imported)").id
    again = Note(2, "g2", 1, ("d", "e", "f"), (), NOON, NOON)
    collection.import_exchange(package(collection, [again], [Card(11, 2, 1, 0, due=2)], notetypes=[wider]))
    assert collection.note(2).notetype_id == collection.notetype_named("Basic (imported)").id
    widest = replace(wider, fields=("Front", "Back", "Extra", "More"))
    four = Note(3, "g3", 1, ("a", "b", "c", "d"), (), NOON, NOON)
    collection.import_exchange(package(collection, [four], [Card(12, 3, 1, 0, due=3)], notetypes=[widest]))
    assert collection.note(3).notetype_id == collection.notetype_named("Basic (imported 2)").id
    plain = package(collection, [note(4, "g4")], [Card(13, 4, 1, 0, due=4)])
    collection.import_exchange(plain)
    assert collection.note(4).notetype_id == collection.notetype_named("Basic").id


def test_presets_are_matched_by_name_and_new_ones_added_to_their_decks(collection):
    collection.add_preset("Languages")
    mine = next(p for p in collection.presets() if p.name == "Languages")
    theirs = [Preset(1, "languages", desired_retention=0.8), Preset(2, "Cramming", desired_retention=0.95, learning_steps=(1.0,))]
    decks = [Deck(1, "Spanish", 1), Deck(2, "Exams", 2), Deck(3, "Loose", 0)]
    cards = [Card(10, 1, 1, 0, due=1), Card(11, 2, 2, 0, due=2), Card(12, 3, 3, 0, due=3)]
    collection.import_exchange(package(collection, [note(1, "a"), note(2, "b"), note(3, "c")], cards, decks=decks, presets=theirs))
    assert collection.deck_named("Spanish").preset_id == mine.id
    assert collection.preset(mine.id) == mine  # the collection's settings win
    cramming = collection.preset(collection.deck_named("Exams").preset_id)
    assert (cramming.name, cramming.desired_retention, cramming.learning_steps) == ("Cramming", 0.95, (1.0,))
    assert collection.deck_named("Loose").preset_id == collection.default_preset().id


def test_an_invalid_preset_falls_back_to_the_default_and_says_so(collection):
    bad = Preset(1, "Broken", desired_retention=1.5)
    report, _ = collection.import_exchange(package(collection, [note(1, "a")], [Card(10, 1, 1, 0, due=1)], decks=[Deck(1, "X", 1)], presets=[bad]))
    assert collection.deck_named("X").preset_id == collection.default_preset().id
    assert report.notes[0].startswith("preset 'Broken' not imported (desired retention must be")


def test_the_import_deck_replaces_every_top_level_deck(collection):
    decks = [Deck(1, "Spanish", 0), Deck(2, "Spanish::Verbs::Irregular", 0), Deck(3, "French", 0)]
    cards = [Card(10, 1, 1, 0, due=1), Card(11, 2, 2, 0, due=2), Card(12, 3, 3, 0, due=3)]
    collection.import_exchange(package(collection, [note(1, "a"), note(2, "b"), note(3, "c")], cards, decks=decks), deck="Languages")
    assert [d.name for d in collection.decks()] == ["Default", "Languages", "Languages::Verbs", "Languages::Verbs::Irregular"]
    assert collection.card(11).deck_id == collection.deck_named("Languages::Verbs::Irregular").id
    assert collection.card(12).deck_id == collection.deck_named("Languages").id


def test_decks_match_by_name_whatever_the_case(collection):
    collection.add_deck("Spanish")
    collection.import_exchange(package(collection, [note(1, "a")], [Card(10, 1, 1, 0, due=1)], decks=[Deck(1, "SPANISH", 0)]))
    assert [d.name for d in collection.decks()] == ["Default", "Spanish"]


def test_notes_without_cards_get_the_cards_add_note_would_make(collection):
    cloze = replace(collection.notetype_named("Cloze"), id=2)
    collection.add_note("Basic", ["existing", ""], "Default")  # a new card already waits at position 1
    incoming = package(
        collection,
        [note(1, "b"), Note(2, "c", 2, ("{{c1::Madrid}} is in {{c2::Spain}}", ""), (), 0, 0)],
        notetypes=[basic(collection), cloze],
        new_note_decks={1: 1, 2: 1},
    )
    report, changes = collection.import_exchange(incoming)
    assert (report.added, report.cards_added) == (2, 3)
    added = [collection.note(i) for i in changes.notes]
    assert all(n.id not in (1, 2) and n.created == NOON for n in added)  # new notes, as add_note makes them
    cards = collection.store.cards(sorted(changes.cards))
    assert sorted((c.ordinal, c.due) for c in cards) == [(0, 2), (0, 3), (1, 4)]
    assert {c.deck_id for c in cards} == {collection.deck_named("Spanish").id}


def test_an_updated_note_without_cards_gets_the_cards_its_new_fields_call_for(collection):
    first = collection.add_note("Cloze", ["{{c1::Madrid}}", ""], "Mine", guid="c")
    cloze = replace(collection.notetype_named("Cloze"), id=2)
    incoming = package(
        collection, [Note(9, "c", 2, ("{{c1::Madrid}} and {{c2::Spain}}", ""), (), 0, 0)], notetypes=[cloze], new_note_decks={9: 1}
    )
    report, _ = collection.import_exchange(incoming)
    assert (report.updated, report.cards_added) == (1, 1)
    cards = collection.store.cards_of_note(first.id)
    assert [c.ordinal for c in cards] == [0, 1]
    assert {c.deck_id for c in cards} == {collection.deck_named("Mine").id}


def test_documents_are_matched_by_hash(collection):
    document = ExchangeDocument(1, "Heat", "heat.txt", "abc123", "Once upon a time.", ((0, 17),))
    incoming = package(collection, [replace(note(1, "a"), source=SourceLink(1, 0, 4, 1))], [Card(10, 1, 1, 0, due=1)], documents=(document,))
    collection.import_exchange(incoming)
    document_id = collection.note(1).source.document_id
    assert collection.document_titles() == {document_id: "Heat"}
    assert collection.source_passage(10).text == "Once upon a time."
    collection.import_exchange(replace(incoming, notes=(replace(note(2, "b"), source=SourceLink(1)),), cards=(Card(11, 2, 1, 0, due=2),)))
    assert collection.note(2).source.document_id == document_id
    assert len(collection.document_titles()) == 1


# --- media --------------------------------------------------------------------------------------
def test_media_of_the_same_name_and_bytes_is_kept_and_a_different_one_renamed(collection):
    (collection.media_folder / "same.png").write_bytes(b"same")
    (collection.media_folder / "clash.png").write_bytes(b"mine")
    fields = ('<img src="clash.png"> <img src=same.png>', "[sound:clash.png] [sound:new.mp3]")
    incoming = package(
        collection,
        [replace(note(1, "a"), fields=fields)],
        [Card(10, 1, 1, 0, due=1)],
        media=[media("same.png", b"same"), media("clash.png", b"theirs"), media("new.mp3", b"mp3")],
    )
    report, _ = collection.import_exchange(incoming)
    renamed = next(p.name for p in collection.media_folder.iterdir() if p.name.startswith("clash-"))
    assert report.media_added == 2
    assert (collection.media_folder / renamed).read_bytes() == b"theirs"
    assert (collection.media_folder / "clash.png").read_bytes() == b"mine"
    assert (collection.media_folder / "new.mp3").read_bytes() == b"mp3"
    assert collection.note(1).fields == (f'<img src="{renamed}"> <img src=same.png>', f"[sound:{renamed}] [sound:new.mp3]")
    assert collection.import_exchange(incoming)[0].media_added == 0  # the renamed copy is found again


def test_a_media_name_that_is_not_a_plain_file_name_is_made_safe(collection):
    incoming = package(
        collection, [replace(note(1, "a"), fields=('<img src="../escape.png">', ""))], [Card(10, 1, 1, 0, due=1)], media=[media("../escape.png", b"x")]
    )
    collection.import_exchange(incoming)
    assert not (collection.media_folder.parent / "escape.png").exists()
    stored = [p.name for p in collection.media_folder.iterdir()]
    assert len(stored) == 1 and stored[0].startswith("escape-")
    assert collection.note(1).fields[0] == f'<img src="{stored[0]}">'


def test_media_references_name_files_in_the_media_folder_only():
    text = """<img src="a b.png"><IMG class=x SRC='c.jpg'> <img src=d.gif alt=1> <img src="https://x.org/e.png">
    <img src="data:image/png;base64,AAA"> [sound:f.mp3] <audio src="g&amp;h.ogg"></audio> <img src="/abs.png">"""
    assert media_references(text) == ["a b.png", "c.jpg", "d.gif", "g&h.ogg", "f.mp3"]


@given(st.text(st.characters(blacklist_characters="\"'<>[]&"), min_size=1, max_size=12).filter(lambda s: s.strip() == s and s))
def test_renaming_media_references_finds_them_again_under_the_new_name(name):
    text = f'x <img src="{name}"> [sound:{name}] <img src="other.png">'
    renamed = rename_media_references(text, {name: "new-name.png"})
    assert media_references(renamed) == ["new-name.png", "other.png", "new-name.png"]


# --- rollback ------------------------------------------------------------------------------------
def test_a_failing_import_leaves_the_collection_as_it_was(collection):
    collection.add_note("Basic", ["mine", ""], "Default")
    before = snapshot(collection)
    bad = package(
        collection,
        [note(1, "a"), Note(2, "b", 99, ("x", "y"), (), NOON, NOON)],
        [Card(10, 1, 1, 0, due=1)],
        decks=[Deck(1, "New::Deck", 0)],
        presets=[Preset(1, "New preset")],
        media=[media("pic.png", b"png")],
    )
    with pytest.raises(InvalidInputError, match="note b refers to note type 99"):
        collection.import_exchange(bad)
    assert snapshot(collection) == before
    collection.add_deck("New")  # the caches hold nothing of the rolled-back import
    assert collection.counts(collection.deck_named("New")).total == 0


def full_text_state(collection):
    """The notes' full-text index, sort keys, and the triggers and indexes that keep them."""
    conn = collection.store.db.conn
    return (
        [tuple(row) for row in conn.execute("SELECT rowid, text FROM notes_text ORDER BY rowid")],
        [tuple(row) for row in conn.execute("SELECT id, sort_key FROM notes ORDER BY id")],
        [tuple(row) for row in conn.execute("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'notes' ORDER BY name")],
    )


def test_a_fresh_imports_notes_are_found_by_a_word_and_by_a_field_search(collection):
    incoming = package(
        collection,
        [note(1, "a", "<b>Hola</b> amigo", "hello&nbsp;friend"), note(2, "b", "Adi&oacute;s", "<i>goodbye</i>"), note(3, "c", "gato")],
        [Card(10, 1, 1, 0, due=1), Card(11, 2, 1, 0, due=2), Card(12, 3, 1, 0, due=3)],
    )
    collection.import_exchange(incoming)
    assert collection.find_notes("hola") == [1]
    assert collection.find_notes("front:*hola*") == [1]
    assert collection.find_notes("adiós") == [2]
    assert collection.find_notes("back:goodbye") == [2]
    assert collection.find_notes("back:*friend") == [1]
    assert collection.find_notes("gat") == [3]
    assert collection.find_notes("", order="sort_field") == [2, 3, 1]  # "adiós", "gato", "hola amigo"
    collection.add_note("Basic", ["hola otra vez", ""], "Default")  # the triggers are back for single edits
    assert len(collection.find_notes("hola")) == 2


@pytest.mark.parametrize("stage", ["cards", "reviews", "failure"])
def test_an_import_stopped_after_its_notes_leaves_the_full_text_index_and_notes_as_they_were(collection, stage):
    """The notes go in with their triggers set aside and their index rebuilt: a cancelled or failed
    import puts all of it back as it was."""
    collection.add_note("Basic", ["mine", "<b>own</b>"], "Default")
    before = snapshot(collection), full_text_state(collection)
    incoming = package(
        collection,
        [note(1, "a", "hola"), note(2, "b", "adiós")],
        [
            review_card(10, 1, last_review=NOON - DAY),
            Card(11, 2, 1, 0, due=1),
            *([Card(12, 1, 99, 1, due=2)] if stage == "failure" else []),  # a deck the file does not describe
        ],
        reviews=[entry("r1", 10, NOON - DAY, 3)],
    )

    def progress(name, done, total):
        if name == stage and done == total:
            raise CancelledError("cancelled")

    with pytest.raises(InvalidInputError if stage == "failure" else CancelledError):
        collection.import_exchange(incoming, progress=progress)
    assert (snapshot(collection), full_text_state(collection)) == before
    assert collection.find_notes("hola") == [] and collection.find_notes("own") == collection.find_notes("front:mine")
    collection.add_note("Basic", ["hola", ""], "Default")
    assert len(collection.find_notes("hola")) == 1


@pytest.mark.parametrize("stage", ["notes", "cards", "reviews", "media"])
def test_cancelling_at_any_stage_leaves_the_collection_as_it_was(collection, stage):
    collection.add_note("Basic", ["mine", ""], "Default")
    undo_before = collection.undo_preview()
    before = snapshot(collection)
    incoming = package(
        collection,
        [note(1, "a"), note(2, "b")],
        [review_card(10, 1, last_review=NOON - DAY), Card(11, 2, 1, 0, due=1)],
        reviews=[entry("r1", 10, NOON - DAY, 3)],
        media=[media("one.png", b"1"), media("two.png", b"2")],
    )
    seen = []

    def progress(name, done, total):
        seen.append(name)
        if name == stage and done == total:
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        collection.import_exchange(incoming, progress=progress)
    assert stage in seen
    assert snapshot(collection) == before
    assert collection.undo_preview() == undo_before


def test_an_import_that_changes_something_cannot_be_undone_and_clears_undo(collection):
    collection.add_note("Basic", ["mine", ""], "Default", undo_label="add note")
    assert collection.undo_preview() is not None
    collection.import_exchange(package(collection, [note(1, "a")], [Card(10, 1, 1, 0, due=1)]))
    assert collection.undo_preview() is None


# --- memory states from history -------------------------------------------------------------------
def test_memory_history_follows_ankis_rules():
    day = NOON
    history = [
        entry("a", 1, day, 3, ReviewKind.LEARN),
        entry("b", 1, day + DAY, 1),
        entry("reset", 1, day + 2 * DAY, 0, ReviewKind.MANUAL, interval_after=0),
        entry("c", 1, day + 3 * DAY, 2, ReviewKind.LEARN),
        entry("d", 1, day + 4 * DAY, 3),
        entry("due", 1, day + 5 * DAY, 0, ReviewKind.MANUAL, interval_after=9),  # set due date: not a reset
        entry("resched", 1, day + 6 * DAY, 0, ReviewKind.RESCHEDULED),
        entry("cram", 1, day + 7 * DAY, 0, ReviewKind.FILTERED),
        entry("filtered", 1, day + 8 * DAY, 4, ReviewKind.FILTERED),
        entry("e", 1, day + 9 * DAY, 3, ReviewKind.LEARN),  # relearnt from scratch: a new learning run
        entry("f", 1, day + 9 * DAY + 600, 3, ReviewKind.LEARN),
        entry("g", 1, day + 11 * DAY, 3),
    ]
    assert memory_history(history) == [(day + 9 * DAY, 3), (day + 9 * DAY + 600, 3), (day + 11 * DAY, 3)]
    assert memory_history(history[:6]) == [(day + 3 * DAY, 2), (day + 4 * DAY, 3)]
    assert memory_history(history[3:9]) == [(day + 3 * DAY, 2), (day + 4 * DAY, 3), (day + 8 * DAY, 4)]
    no_learning = [entry("x", 1, day, 3), entry("y", 1, day + DAY, 1)]
    assert memory_history(no_learning) == [(day, 3), (day + DAY, 1)]


def test_a_studied_card_without_memory_state_gets_it_from_its_history(collection):
    reviews = [
        entry("l1", 10, NOON - 20 * DAY, 3, ReviewKind.LEARN),
        entry("l2", 10, NOON - 20 * DAY + 600, 3, ReviewKind.LEARN),
        entry("m", 10, NOON - 15 * DAY, 0, ReviewKind.MANUAL, interval_after=7),
        entry("r1", 10, NOON - 10 * DAY, 2),
        entry("r2", 10, NOON - 3 * DAY, 3),
    ]
    bare = replace(review_card(10, 1, last_review=NOON - 3 * DAY), stability=None, difficulty=None, last_review=None)
    report, _ = collection.import_exchange(package(collection, [note(1, "a")], [bare], reviews=reviews))
    card = collection.card(10)
    expected = collection.scheduler_for(collection.deck_named("Spanish")).memory_from_history(
        [(NOON - 20 * DAY, 3), (NOON - 20 * DAY + 600, 3), (NOON - 10 * DAY, 2), (NOON - 3 * DAY, 3)]
    )
    assert (card.stability, card.difficulty) == expected
    assert card.last_review == NOON - 3 * DAY
    assert report.reviews_added == 5


# --- review kinds from Anki -----------------------------------------------------------------------
def test_filtered_and_rescheduled_entries_count_as_anki_counts_them(collection):
    """Today's limits count only answers that scheduled; rated: counts any answer (a cram review
    in a filtered deck too); resched: counts entries without an answer (manual and bulk)."""
    today = NOON - 60
    incoming = package(
        collection,
        [note(1, "a"), note(2, "b"), note(3, "c")],
        [review_card(10, 1, last_review=NOON - DAY), review_card(11, 2, last_review=NOON - DAY), review_card(12, 3, last_review=NOON - DAY)],
        reviews=[
            entry("cram", 10, today, 3, ReviewKind.FILTERED),
            entry("bulk", 11, today, 0, ReviewKind.RESCHEDULED),
            entry("answer", 12, today, 3, ReviewKind.REVIEW),
        ],
    )
    collection.import_exchange(incoming)
    since = collection.calendar.day_start(collection.calendar.day(NOON)) * 1000
    assert collection.store.studied_since([collection.deck_named("Spanish").id], since) == (0, 1)
    assert sorted(collection.find_cards("rated:1")) == [10, 12]
    assert collection.find_cards("resched:1") == [11]
    assert sorted(collection.find_cards("introduced:30")) == [10, 12]


# --- export ----------------------------------------------------------------------------------------
@pytest.fixture
def studied(collection, clock):
    """A collection with decks A, A::B and C, a note with media, a leech and some history."""
    (collection.media_folder / "pic.png").write_bytes(b"png")
    (collection.media_folder / "unused.png").write_bytes(b"unused")
    collection.add_preset("Slow")
    slow = next(p for p in collection.presets() if p.name == "Slow")
    collection.add_deck("A::B")
    collection.set_deck_preset(collection.deck_named("A::B").id, slow.id)
    collection.add_deck("Empty")
    a = collection.add_note("Basic", ['<img src="pic.png">', "a"], "A", tags=["leech", "keep", "marked"])
    b = collection.add_note("Basic (and reversed card)", ["b", "bee"], "A::B")
    c = collection.add_note("Cloze", ["{{c1::c}}", ""], "C")
    for note_id in (a.id, b.id):
        for card in collection.store.cards_of_note(note_id):
            collection.answer(card.id, Rating.EASY)
            clock.advance(60)
    collection.set_flag([collection.store.cards_of_note(a.id)[0].id], 4)
    return collection, (a, b, c)


def test_export_of_a_deck_holds_its_subdecks_and_only_what_they_use(studied):
    collection, (a, b, _) = studied
    exchange = collection.export_exchange(deck="A")
    assert [d.name for d in exchange.decks] == ["A", "A::B"]
    assert sorted(n.id for n in exchange.notes) == [a.id, b.id]
    assert len(exchange.cards) == 3 and len(exchange.reviews) == 3
    assert {n.name for n in exchange.notetypes} == {"Basic", "Basic (and reversed card)"}
    assert {p.name for p in exchange.presets} == {"Default", "Slow"}
    assert [(m.name, m.read()) for m in exchange.media] == [("pic.png", b"png")]
    assert exchange.scheduling


def test_export_of_a_search_and_of_everything(studied):
    collection, (a, _, _) = studied
    found = collection.export_exchange(search="tag:keep")
    assert [n.id for n in found.notes] == [a.id] and [d.name for d in found.decks] == ["A"]
    everything = collection.export_exchange(media=False)
    assert [d.name for d in everything.decks] == [d.name for d in collection.decks()]
    assert len(everything.notes) == 3 and len(everything.cards) == 4 and everything.media == ()
    with pytest.raises(InvalidInputError, match="not both"):
        collection.export_exchange(deck="A", search="tag:keep")


def test_export_without_scheduling_makes_a_deck_to_share(studied):
    collection, (a, _, _) = studied
    exchange = collection.export_exchange(scheduling=False)
    assert not exchange.scheduling and exchange.reviews == ()
    assert all(card.state is CardState.NEW and card.flag == 0 and card.reps == 0 for card in exchange.cards)
    assert len({card.due for card in exchange.cards}) == 4
    assert next(n for n in exchange.notes if n.id == a.id).tags == ("keep",)


def test_a_shared_deck_arrives_new_in_another_collection(studied, tmp_path, clock):
    collection, _ = studied
    exchange = collection.export_exchange(deck="A", scheduling=False)
    with Collection(tmp_path / "other.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as other:
        report, _ = other.import_exchange(exchange)
        assert (report.added, report.cards_added, report.reviews_added) == (2, 3, 0)
        assert other.counts(other.deck_named("A")).new == 3


# --- files ---------------------------------------------------------------------------------------------
def test_a_csv_is_a_review_log_when_its_header_says_so(tmp_path):
    notes, log = tmp_path / "notes.csv", tmp_path / "log.csv"
    notes.write_text("card_id,rating\n1,3\n", encoding="utf-8")
    log.write_text("card_id,review_rating,review_time,review_duration\n", encoding="utf-8")
    assert (import_format(notes), import_format(log)) == (CSV, REVIEW_LOG)
    assert import_format(tmp_path / "deck.heatdeck.toml") is HEATDECK and import_format(tmp_path / "A.APKG") is APKG


def test_a_cancelled_export_leaves_no_file_and_an_older_one_as_it_was(studied, tmp_path):
    collection, _ = studied
    folder = tmp_path / "exports"
    folder.mkdir()
    older = folder / "heat.apkg"
    older.write_bytes(b"older")

    def cancel(stage, done, total):
        raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        export_file(collection, older, progress=cancel)
    with pytest.raises(CancelledError):
        export_file(collection, folder / "new.apkg", progress=cancel)
    assert [p.name for p in folder.iterdir()] == ["heat.apkg"]
    assert older.read_bytes() == b"older"


def test_export_reports_what_it_wrote_and_the_file_imports_back(studied, tmp_path, clock):
    collection, _ = studied
    report = export_file(collection, tmp_path / "a.apkg", deck="A")
    assert (report.format, report.notes, report.cards, report.reviews, report.media) == ("apkg", 2, 3, 3, 1)
    with Collection(tmp_path / "other.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as other:
        imported, _ = import_file(other, tmp_path / "a.apkg")
        assert (imported.added, imported.cards_added, imported.reviews_added, imported.media_added) == (2, 3, 3, 1)
        assert (other.media_folder / "pic.png").read_bytes() == b"png"


# --- round trips -------------------------------------------------------------------------------------
studies = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from(list(Rating)), st.integers(1, 3 * DAY)), max_size=25
)


fronts = st.text(st.characters(blacklist_characters="\x1f", blacklist_categories=("Cs",)), min_size=1, max_size=10)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(notes=st.lists(st.tuples(st.sampled_from(["A", "A::B", "C"]), fronts), min_size=1, max_size=6), study=studies)
def test_export_then_import_into_a_new_collection_keeps_everything(tmp_path_factory, notes, study):
    folder = tmp_path_factory.mktemp("round-trip")
    clock = FixedClock(NOON)

    def open_collection(name):
        return Collection(folder / name, clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False, durable=False)

    with open_collection("source.heatcards") as source, open_collection("target.heatcards") as target:
        for deck, front in notes:
            source.add_note("Basic (and reversed card)", [front, "back"], deck, tags=["t"])
        card_ids = source.find_cards("")
        for index, rating, wait in study:
            clock.advance(wait)
            source.answer(card_ids[index % len(card_ids)], rating)
        source.suspend(card_ids[:1])
        report, _ = target.import_exchange(source.export_exchange())
        assert report.added == len(notes) and report.cards_added == len(card_ids)

        def state(collection):
            deck_names = {d.id: d.name for d in collection.decks()}
            cards = [replace(c, deck_id=deck_names[c.deck_id]) for c in collection.store.cards(card_ids)]
            notes = collection.store.notes({c.note_id for c in cards})
            return cards, notes, collection.store.reviews_of_cards(card_ids), sorted(deck_names.values())

        assert state(target) == state(source)


# --- Anki as the oracle ------------------------------------------------------------------------------
def _anki():
    """The anki package, made to count days in UTC from 4:00 like the collections here."""
    pytest.importorskip("tests.anki_oracle", reason="the anki package (test extra) is not installed")
    from anki import collection as anki_collection

    return anki_collection


def _studied_anki_collection(path):
    """An Anki collection with FSRS on, two presets, subdecks, three note types, media, and cards
    in every state, each answered, reset, rescheduled, suspended, buried or flagged by Anki itself."""
    col = _anki().Collection(str(path))
    col.set_config("fsrs", True)
    spanish, films = col.decks.id("Languages::Spanish"), col.decks.id("Films")
    slow = col.decks.add_config("Slow")
    slow["desiredRetention"] = 0.85
    slow["new"]["delays"] = [1.0, 30.0]
    col.decks.update_config(slow)
    deck = col.decks.get(films)
    deck["conf"] = slow["id"]
    col.decks.save(deck)
    picture = col.media.write_data("heat.jpg", b"\xff\xd8 De Niro")
    cards = {}
    for word, meaning in (("gato", "cat"), ("perro", "dog"), ("casa", "house"), ("libro", "book"), ("agua", "water")):
        note = col.new_note(col.models.by_name("Basic"))
        note["Front"], note["Back"], note.tags = word, meaning, ["spanish", "noun"]
        col.add_note(note, spanish)
        cards[word] = note.card_ids()[0]
    note = col.new_note(col.models.by_name("Basic (and reversed card)"))
    note["Front"], note["Back"] = "Neil McCauley", f'Robert De Niro <img src="{picture}">'
    col.add_note(note, films)
    cards["forward"], cards["backward"] = note.card_ids()
    note = col.new_note(col.models.by_name("Cloze"))
    note["Text"] = "{{c1::Michael Mann}} directed {{c2::Heat}}"
    col.add_note(note, films)
    cards["c1"], cards["c2"] = note.card_ids()

    def answer(name, *eases):
        for ease in eases:
            card = col.get_card(cards[name])
            card.start_timer()
            col.sched.answerCard(card, ease)

    answer("gato", 3, 3)  # learnt
    answer("perro", 4, 1)  # lapsed: relearning
    answer("casa", 4)
    col.sched.set_due_date([cards["casa"]], "3")  # a manual entry
    answer("libro", 4)
    col.sched.schedule_cards_as_new([cards["libro"]])  # a reset
    answer("libro", 3)
    answer("forward", 1)  # first learning step
    answer("c1", 4)
    col.sched.suspend_cards([cards["c1"]])
    col.sched.bury_cards([cards["c2"]])
    col.set_user_flag_for_cards(5, [cards["backward"]])
    return col


def _anki_state(col):
    """What must survive a round trip, keyed by note GUID (and card ordinal)."""
    today = col.sched.today
    notes, cards, reviews = {}, {}, {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        notes[note.guid] = (note.note_type()["name"], tuple(note.fields), tuple(note.tags))
        for card in note.cards():
            if card.type == 0:
                due = ("position", card.due)
            elif card.type in (1, 3) and card.due > 1_000_000_000:
                due = ("at", card.due)
            else:
                due = ("in days", card.due - today)
            memory = card.memory_state
            config = col.decks.config_dict_for_deck_id(card.did)
            cards[(note.guid, card.ord)] = (
                col.decks.name(card.did), config["name"], config["desiredRetention"], tuple(config["new"]["delays"]),
                card.type, card.queue, due, card.ivl, card.left % 1000, card.reps, card.lapses, card.user_flag(),
                (round(memory.stability, 4), round(memory.difficulty, 3)) if memory else None, card.last_review_time,
            )
            reviews[(note.guid, card.ord)] = col.db.all(
                "SELECT id, ease, ivl, max(lastIvl, 0), time, type FROM revlog WHERE cid = ? ORDER BY id", card.id
            )
    media = {name: (Path(col.media.dir()) / name).read_bytes() for name in os.listdir(col.media.dir())}
    return notes, cards, reviews, media


def _state_after_anki_imports(package, path):
    """The state of a fresh Anki collection at `path` after Anki imports `package`."""
    anki = _anki()
    col = anki.Collection(str(path))
    try:
        options = anki.ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)
        col.import_anki_package(anki.ImportAnkiPackageRequest(package_path=str(package), options=options))
        return _anki_state(col)
    finally:
        col.close()


@pytest.mark.parametrize("legacy", [False, True], ids=["modern", "legacy"])
def test_anki_collection_through_heatcards_into_a_fresh_anki_collection(tmp_path, legacy):
    """Anki → .apkg → heatcards → .apkg → a fresh Anki holds what the fresh Anki holds when it imports
    the first package itself (Anki's own import names a note type "Basic+" beside its own "Basic")."""
    anki = _anki()
    source = _studied_anki_collection(tmp_path / "source.anki2")
    options = anki.ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy)
    source.export_anki_package(out_path=str(tmp_path / "from-anki.apkg"), options=options, limit=None)
    source.close()
    with Collection(tmp_path / "hc.heatcards", calendar_tz=timezone.utc, install_heat_deck=False) as ours:
        report, _ = import_file(ours, tmp_path / "from-anki.apkg")
        assert (report.added, report.cards_added, report.media_added) == (7, 9, 1)
        assert all(ours.card(i).stability is not None for i in ours.find_cards("-is:new"))
        export_file(ours, tmp_path / "from-heatcards.apkg", legacy=legacy)
    expected = _state_after_anki_imports(tmp_path / "from-anki.apkg", tmp_path / "direct.anki2")
    notes, cards, reviews, media = _state_after_anki_imports(tmp_path / "from-heatcards.apkg", tmp_path / "through-heatcards.anki2")
    assert notes == expected[0]
    assert cards == expected[1]
    assert reviews == expected[2]
    assert media == expected[3]


def test_memory_states_from_a_years_history_are_the_ones_anki_computes(tmp_path):
    """An SM-2 collection (no memory states) with a simulated year of reviews: the states heatcards
    computes on import are those Anki computes when FSRS is switched on."""
    anki = _anki()
    spec = importlib.util.spec_from_file_location("synth", needs_shared("peer/synth.py"))
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    path = str(tmp_path / "sm2.anki2")
    deck_id = synth.build_collection(path, 300, days=365, seed=3, fsrs=False, log=lambda *_: None)["info"]["did"]
    source = anki.Collection(path)
    options = anki.ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=False, legacy=False)
    source.export_anki_package(out_path=str(tmp_path / "sm2.apkg"), options=options, limit=None)
    synth.set_fsrs(source, deck_id, True)
    theirs = {
        (source.get_note(card.nid).guid, card.ord): card.memory_state
        for card in (source.get_card(i) for i in source.find_cards("-is:new"))
    }
    source.close()
    with Collection(tmp_path / "hc.heatcards", calendar_tz=timezone.utc, install_heat_deck=False) as ours:
        import_file(ours, tmp_path / "sm2.apkg")
        ours_by_key = {(ours.note(c.note_id).guid, c.ordinal): c for c in ours.store.cards(ours.find_cards("-is:new"))}
    assert len(theirs) > 200 and ours_by_key.keys() == theirs.keys()
    for key, memory in theirs.items():
        card = ours_by_key[key]
        assert card.stability == pytest.approx(memory.stability, rel=1e-3, abs=1e-3), key
        assert card.difficulty == pytest.approx(memory.difficulty, rel=1e-3, abs=1e-3), key
