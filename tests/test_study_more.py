"""Core behind the reviewer: deleting notes with undo, the congratulations data, "study more",
the review session, source passages, sounds and readable colours. No Qt."""
import importlib.util
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from heatcards.clock import SECONDS_PER_DAY
from heatcards.errors import InvalidInputError, NotFoundError
from heatcards.model import CardState, Rating, SourceLink, SourceStatus
from heatcards.reviewing import (
    ReviewSession,
    StudyMore,
    answer_sounds,
    contrast,
    parse_colour,
    passage_around,
    readable_inline_colours,
    replace_sound_tags,
    sound_files,
    text_paragraphs,
)

from .conftest import NOON, needs_shared


def add_basic(collection, i, deck="Films"):
    return collection.add_note("Basic", {"Front": f"q{i}", "Back": f"a{i}"}, deck)


def rows(collection, sql):
    """Whole rows straight from the file, to compare a restored collection exactly."""
    with collection.share_for_reading():
        connection = sqlite3.connect(collection.path)
        try:
            return sorted(connection.execute(sql).fetchall())
        finally:
            connection.close()


def snapshot(collection):
    return [rows(collection, f"SELECT * FROM {table}") for table in ("notes", "cards", "revlog")]


def graduate(collection, clock, card_id):
    """New card -> review card due tomorrow (Good through both learning steps)."""
    collection.answer(card_id, Rating.GOOD)
    clock.advance(600)
    collection.answer(card_id, Rating.GOOD)
    return collection.card(card_id)


# --- delete_notes --------------------------------------------------------------------
def test_delete_notes_removes_cards_and_history_and_undo_restores_every_row(collection, clock):
    keep, gone, reversed_note = add_basic(collection, 1), add_basic(collection, 2), None
    reversed_note = collection.add_note("Basic (and reversed card)", ["front", "back"], "Films")
    for note in (keep, gone, reversed_note):
        for card in collection.store.cards_of_note(note.id):
            collection.answer(card.id, Rating.AGAIN, 1500)
    before = snapshot(collection)
    gone_cards = {c.id for n in (gone, reversed_note) for c in collection.store.cards_of_note(n.id)}

    changes = collection.delete_notes([gone.id, reversed_note.id])

    assert changes.notes == {gone.id, reversed_note.id} and changes.cards == gone_cards and changes.queue
    notes, cards, revlog = snapshot(collection)
    assert [r[0] for r in notes] == [keep.id]
    assert {r[1] for r in cards} == {keep.id}
    assert not {r[1] for r in revlog} & gone_cards and len(revlog) == 1
    with pytest.raises(NotFoundError):
        collection.note(gone.id)

    assert collection.undo_preview().label == "delete notes"
    assert collection.undo() == "delete notes"
    assert snapshot(collection) == before
    # the answers before the deletion can still be undone, one by one
    assert collection.undo() == "answer"
    assert len(collection.store.reviews_of_card(collection.store.cards_of_note(reversed_note.id)[1].id)) == 0


def test_delete_notes_updates_counts_and_refuses_unknown_notes(collection):
    films = collection.add_deck("Films")
    notes = [add_basic(collection, i) for i in range(3)]
    assert collection.counts(films).new == 3
    collection.delete_notes([notes[0].id])
    assert collection.counts(films).new == 2
    with pytest.raises(NotFoundError, match="no note with id 12345"):
        collection.delete_notes([notes[1].id, 12345])
    assert collection.note(notes[1].id) == notes[1]  # nothing deleted when one id is unknown
    collection.undo()
    assert collection.counts(films).new == 3


def test_undo_preview_names_the_next_undo(collection):
    assert collection.undo_preview() is None
    note = add_basic(collection, 1)
    card = collection.store.cards_of_note(note.id)[0]
    collection.set_flag([card.id], 2)
    preview = collection.undo_preview()
    assert (preview.label, preview.card_ids, preview.note_ids) == ("flag", (card.id,), ())
    assert preview.changes().cards == {card.id}


# --- congratulations -------------------------------------------------------------------
def test_finished_deck_reports_next_learning_card_then_next_day_and_tomorrow(collection, clock):
    films = collection.add_deck("Films")
    first, second = add_basic(collection, 1), add_basic(collection, 2)
    a, b = (collection.store.cards_of_note(n.id)[0] for n in (first, second))
    collection.answer(a.id, Rating.GOOD)  # next step in 10 minutes
    collection.answer(b.id, Rating.EASY)  # review card due on a later day
    assert collection.next_card(films)[0] is not None  # 10 minutes is within the learn-ahead limit
    info = collection.finished_deck(films)
    assert info.next_is_learning and info.next_due == NOON + 600
    graduate_time = NOON + 600
    clock.current = graduate_time
    collection.answer(a.id, Rating.GOOD)  # graduates
    collection.set_due_date([a.id], 1)
    collection.set_due_date([b.id], 3)
    assert collection.next_card(films)[0] is None
    info = collection.finished_deck(films)
    tomorrow = collection.calendar.day_start(collection.calendar.day(NOON) + 1)
    assert not info.next_is_learning and info.next_due == tomorrow
    assert info.due_tomorrow == 1  # a is due tomorrow; b later
    assert info.new_tomorrow == 0 and info.new_over_limit == 0 and info.reviews_over_limit == 0


def test_finished_deck_counts_new_cards_held_back_by_the_limit(collection):
    films = collection.add_deck("Films")
    collection.update_preset(replace(collection.preset_of(films), new_per_day=2))
    for i in range(5):
        add_basic(collection, i)
    for _ in range(2):
        card, _ = collection.next_card(films)
        collection.answer(card.id, Rating.EASY)
    assert collection.next_card(films)[0] is None
    info = collection.finished_deck(films)
    assert info.new_over_limit == 3 and info.new_tomorrow == 2 and info.next_due is not None


# --- study more --------------------------------------------------------------------------
def test_extend_new_limit_adds_new_cards_today_only(collection, clock):
    films = collection.add_deck("Films")
    for i in range(25):
        add_basic(collection, i)
    assert collection.counts(films).new == 20
    changes = collection.extend_new_limit(films, 3)
    assert changes.queue and collection.counts(films).new == 23
    collection.extend_new_limit(films, 2)
    assert collection.counts(films).new == 25
    assert {row.deck.name: row.counts.new for row in collection.deck_counts()}["Films"] == 25
    clock.advance(SECONDS_PER_DAY)  # the next day: the extension has lapsed
    assert collection.counts(films).new == 20
    with pytest.raises(InvalidInputError):
        collection.extend_new_limit(films, 0)


def test_forgotten_cards_are_those_answered_again_within_the_days(collection, clock):
    films = collection.add_deck("Films")
    notes = [add_basic(collection, i) for i in range(4)]
    cards = [collection.store.cards_of_note(n.id)[0] for n in notes]
    collection.answer(cards[0].id, Rating.AGAIN)  # two days ago
    collection.answer(cards[1].id, Rating.GOOD)  # not forgotten
    clock.advance(2 * SECONDS_PER_DAY)
    collection.answer(cards[2].id, Rating.AGAIN)  # today
    collection.answer(cards[3].id, Rating.AGAIN)
    collection.bury([cards[3].id])
    assert collection.forgotten_cards(films, 1) == [cards[2].id]
    assert collection.forgotten_cards(films, 2) == [cards[2].id]
    assert set(collection.forgotten_cards(films, 3)) == {cards[0].id, cards[2].id}
    with pytest.raises(InvalidInputError):
        collection.forgotten_cards(films, 0)


def test_cards_due_ahead_are_review_cards_due_within_the_days(collection, clock):
    films = collection.add_deck("Films")
    notes = [add_basic(collection, i) for i in range(3)]
    cards = [collection.store.cards_of_note(n.id)[0] for n in notes]
    for card in cards:
        graduate(collection, clock, card.id)
    collection.set_due_date([cards[0].id, cards[2].id], 1)
    collection.set_due_date([cards[1].id], 5)
    due = {c.id: collection.calendar.day(collection.card(c.id).due) - collection.calendar.day(clock.now()) for c in cards}
    assert due == {cards[0].id: 1, cards[1].id: 5, cards[2].id: 1}
    assert collection.cards_due_ahead(films, 1) == [cards[0].id, cards[2].id]
    assert collection.cards_due_ahead(films, 5) == [cards[0].id, cards[2].id, cards[1].id]


def test_review_ahead_session_uses_the_real_elapsed_days(collection, clock):
    films = collection.add_deck("Films")
    card = collection.store.cards_of_note(add_basic(collection, 1).id)[0]
    graduated = graduate(collection, clock, card.id)
    clock.advance(SECONDS_PER_DAY)  # tomorrow: due today, answer it so it is due again later
    collection.answer(card.id, Rating.GOOD)
    reviewed = collection.card(card.id)
    assert reviewed.interval > 2
    clock.advance(SECONDS_PER_DAY)  # one day after that review, well before the card is due

    session = ReviewSession(collection, films.id)
    assert session.next_card() is None  # nothing due
    session.study_more(StudyMore.AHEAD, reviewed.interval)
    shown = session.next_card()
    assert shown.id == card.id and session.counts().review == 1
    scheduler = collection.scheduler_for(films)
    expected = scheduler.answer(shown, Rating.GOOD, collection.now()).card
    states = scheduler.next_memory_states(shown, 1)  # FSRS with the one day that really passed
    session.answer(Rating.GOOD, 3000)
    after = collection.card(card.id)
    assert after == expected
    assert after.stability == pytest.approx(states.good.memory.stability)
    assert after.stability < scheduler.next_memory_states(shown, reviewed.interval).good.memory.stability
    assert collection.store.reviews_of_card(card.id)[-1].duration_ms == 3000
    assert session.next_card() is None and session.progress() == (1, 1)
    assert graduated.state is CardState.REVIEW


def test_forgotten_session_then_the_deck_queue(collection, clock):
    films = collection.add_deck("Films")
    cards = [collection.store.cards_of_note(add_basic(collection, i).id)[0] for i in range(2)]
    for card in cards:
        graduate(collection, clock, card.id)
    clock.advance(SECONDS_PER_DAY)
    collection.answer(cards[0].id, Rating.AGAIN)  # lapses: relearning in 10 minutes
    collection.answer(cards[1].id, Rating.GOOD)
    clock.advance(30 * 60)
    collection.answer(cards[0].id, Rating.GOOD)  # relearnt: review card again, due tomorrow
    session = ReviewSession(collection, films.id)
    assert session.next_card() is None
    session.study_more(StudyMore.FORGOTTEN, 1)
    assert session.counts().review == 1
    shown = session.next_card()
    assert shown.id == cards[0].id
    expected = collection.scheduler_for(films).answer(shown, Rating.AGAIN, collection.now()).card
    session.answer(Rating.AGAIN, 1000)
    assert collection.card(cards[0].id) == expected and expected.state is CardState.RELEARNING
    # the list is done; the relearning card comes back from the deck's own queue when due
    assert session.next_card().id == cards[0].id and session.counts().learning == 1


def test_study_more_new_cards_through_the_session(collection):
    films = collection.add_deck("Films")
    for i in range(22):
        add_basic(collection, i)
    session = ReviewSession(collection, films.id)
    for _ in range(20):
        session.next_card()
        session.answer(Rating.EASY, 100)
    assert session.next_card() is None
    session.study_more(StudyMore.NEW, 5)
    assert session.counts().new == 2
    assert session.next_card().state is CardState.NEW


def test_session_undo_shows_the_answered_card_again_and_restores_counts(collection):
    films = collection.add_deck("Films")
    for i in range(3):
        add_basic(collection, i)
    session = ReviewSession(collection, films.id)
    first = session.next_card()
    session.answer(Rating.EASY, 100)
    second = session.next_card()
    assert second.id != first.id and session.counts().new == 2 and session.progress() == (1, 3)
    label, changes = session.undo()
    assert label == "answer" and first.id in changes.cards
    assert session.card == first and session.counts().new == 3 and session.progress() == (0, 3)
    session.answer(Rating.EASY, 100)
    assert session.next_card().id == second.id


def test_session_undo_of_a_flag_keeps_the_card_and_undo_of_a_bury_brings_it_back(collection):
    films = collection.add_deck("Films")
    for i in range(2):
        add_basic(collection, i)
    session = ReviewSession(collection, films.id)
    card = session.next_card()
    collection.set_flag([card.id], 3)
    assert session.refresh_card().flag == 3
    session.undo()
    assert session.card.id == card.id and session.card.flag == 0
    collection.bury([card.id])
    other = session.next_card()
    assert other.id != card.id
    session.undo()
    assert session.card.id == card.id


def test_session_skips_list_cards_suspended_meanwhile(collection, clock):
    films = collection.add_deck("Films")
    cards = [collection.store.cards_of_note(add_basic(collection, i).id)[0] for i in range(2)]
    for card in cards:
        graduate(collection, clock, card.id)
    collection.set_due_date([c.id for c in cards], 1)
    session = ReviewSession(collection, films.id)
    session.study_more(StudyMore.AHEAD, 1)
    collection.suspend([cards[0].id])
    assert session.next_card().id == cards[1].id


# --- source passages ------------------------------------------------------------------------
TEXT = "First paragraph about Heat.\n\nNeil McCauley was a real thief.\nHe lived in Chicago.\n\nLast one."


def add_document(collection, text=TEXT, paragraphs=()):
    return collection.store.insert_document("Notes on Heat", "notes.txt", "abc123", text, list(paragraphs), NOON)


def test_source_passage_is_the_paragraph_around_the_span(collection):
    doc = add_document(collection)
    start = TEXT.index("a real thief")
    note = collection.add_note(
        "Basic", ["Who was McCauley?", "a thief"], "Films", source=SourceLink(doc, start, start + 12, 2)
    )
    card = collection.store.cards_of_note(note.id)[0]
    passage = collection.source_passage(card.id)
    assert passage.status is SourceStatus.FOUND and passage.document_title == "Notes on Heat"
    assert passage.text == "Neil McCauley was a real thief.\nHe lived in Chicago."
    assert passage.text[passage.span_start : passage.span_end] == "a real thief"
    assert passage.paragraph == 2


def test_source_passage_spanning_paragraphs_uses_stored_offsets(collection):
    paragraphs = [(0, 27), (29, 82), (84, 93)]
    doc = add_document(collection, paragraphs=paragraphs)
    start, end = TEXT.index("Heat."), TEXT.index("Neil") + 4
    note = collection.add_note("Basic", ["q", "a"], "Films", source=SourceLink(doc, start, end, 1))
    passage = collection.source_passage(collection.store.cards_of_note(note.id)[0].id)
    assert passage.text == TEXT[0:82]
    assert passage.text[passage.span_start : passage.span_end] == "Heat.\n\nNeil"


def test_source_passage_without_span_shows_the_paragraph(collection):
    doc = add_document(collection)
    note = collection.add_note("Basic", ["q", "a"], "Films", source=SourceLink(doc, None, None, 3))
    passage = collection.source_passage(collection.store.cards_of_note(note.id)[0].id)
    assert (passage.text, passage.span_start, passage.span_end) == ("Last one.", None, None)


def test_source_passage_none_without_source_and_says_when_document_is_gone(collection):
    plain = collection.store.cards_of_note(add_basic(collection, 1).id)[0]
    assert collection.source_passage(plain.id) is None
    doc = add_document(collection)
    note = collection.add_note("Basic", ["q", "a"], "Films", source=SourceLink(doc, 0, 5, 1))
    card = collection.store.cards_of_note(note.id)[0]
    with collection.store.transaction():
        collection.store.db.conn.execute("DELETE FROM documents WHERE id = ?", (doc,))
    passage = collection.source_passage(card.id)
    assert passage.status is SourceStatus.DOCUMENT_DELETED and passage.text == "" and passage.document_title == ""


def test_heat_deck_documents_are_cited_without_their_text(heat_collection):
    card_id = heat_collection.find_cards("")[0]
    passage = heat_collection.source_passage(card_id)
    assert passage.status is SourceStatus.TEXT_NOT_STORED
    assert passage.document_title in {"How Michael Mann's research shaped Heat", "Eleven things to know about Heat"}
    assert passage.text == "" and passage.paragraph >= 1


def test_paragraphs_and_passages_agree_with_the_heat_deck_checker(heat_collection):
    seeds = needs_shared("seeds")
    spec = importlib.util.spec_from_file_location("check_heat_deck", Path(__file__).parents[1] / "decks" / "check_heat_deck.py")
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    files = {
        "How Michael Mann's research shaped Heat": seeds / "000_a390ae67ee3d9b6f.txt",
        "Eleven things to know about Heat": seeds / "001_e1a4045579987424.txt",
    }
    texts = {title: path.read_text(encoding="utf-8") for title, path in files.items()}
    for text in texts.values():
        assert text_paragraphs(text) == checker.paragraphs(text)
    titles = heat_collection.document_titles()
    checked = 0
    for card_id in heat_collection.find_cards(""):
        source = heat_collection.note(heat_collection.card(card_id).note_id).source
        text = texts[titles[source.document_id]]
        passage, start, end = passage_around(text, [], source.start, source.end, source.paragraph)
        assert passage[start:end] == text[source.start : source.end]
        paragraph = text_paragraphs(text)[source.paragraph - 1]
        assert text[paragraph[0] : paragraph[1]] in passage
        checked += 1
    assert checked == 83


# --- sounds and colours ----------------------------------------------------------------------
def test_sound_tags_are_found_and_the_answer_plays_only_its_own():
    question = "Listen [sound:a.mp3] and [sound: b.ogg ]"
    answer = question + "<hr id=answer>[sound:c.mp3]"
    assert sound_files(question) == ["a.mp3", "b.ogg"]
    assert answer_sounds(question, answer) == ["c.mp3"]
    assert answer_sounds("[sound:a.mp3]", "[sound:x.mp3]") == ["x.mp3"]
    assert replace_sound_tags(answer, lambda i, name: f"<{i}:{name}>") == "Listen <0:a.mp3> and <1:b.ogg><hr id=answer><2:c.mp3>"


def test_inline_colours_hard_to_read_on_the_background_are_flipped():
    dark = (43, 43, 43)
    html = (
        '<span style="color: black; font-weight: bold">x</span>'
        '<span style="color:#ffeb3b">y</span>'
        '<font color="navy">z</font>'
        '<span style="background-color: yellow; color: black">w</span>'
        '<span style="color: transparent">v</span>'
    )
    fixed = readable_inline_colours(html, dark)
    assert '<span style="color: #ffffff; font-weight: bold">x</span>' in fixed
    assert '<span style="color:#ffeb3b">y</span>' in fixed  # already readable on dark
    navy = parse_colour(fixed.split('<font color="')[1].split('"')[0])
    assert contrast(navy, dark) >= 3 and navy[2] > navy[0]  # still blue, now light
    assert '<span style="background-color: yellow; color: black">w</span>' in fixed
    assert 'color: transparent' in fixed  # colours it cannot read are left alone
    assert readable_inline_colours(html, (255, 255, 255)).startswith('<span style="color: black;')


def test_parse_colour_forms():
    assert parse_colour("#FFF") == (255, 255, 255)
    assert parse_colour("rgb(1, 2, 3)") == (1, 2, 3)
    assert parse_colour("rgba(1,2,3,0.5)") == (1, 2, 3)
    assert parse_colour(" Navy !important") == (0, 0, 128)
    assert parse_colour("hsl(0, 0%, 0%)") is None


def test_answering_a_review_ahead_of_time_keeps_todays_review_count():
    from heatcards.model import Card, CardState, QueueCounts
    from heatcards.queue import counts_after_answer

    day_end = 1_000_000
    ahead = Card(id=1, note_id=1, deck_id=1, ordinal=0, state=CardState.REVIEW, due=day_end + 3 * 86400)
    due_today = Card(id=2, note_id=1, deck_id=1, ordinal=1, state=CardState.REVIEW, due=day_end - 10)
    later = Card(id=1, note_id=1, deck_id=1, ordinal=0, state=CardState.REVIEW, due=day_end + 9 * 86400)
    counts = QueueCounts(new=0, learning=0, review=1)
    assert counts_after_answer(counts, ahead, later, day_end) == counts
    assert counts_after_answer(counts, due_today, later, day_end).review == 0
