"""The study screen, driven by keys as a person would: answers, undo, card actions, typed
answers, audio, the congratulations page with "study more", and the source of a card."""
import wave
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QMessageBox

from heatcards.clock import SECONDS_PER_DAY
from heatcards.errors import NotFoundError
from heatcards.model import CardState, Rating, SourceLink
from heatcards.rendering import html_to_text
from heatcards.reviewing import StudyMore, describe_finished
from heatcards.ui.reviewer import CongratulationsView, ReviewerView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

KEYS = {1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3, 4: Qt.Key.Key_4}


def open_reviewer(qtbot, collection, deck_name):
    view = ReviewerView(collection, collection.deck_named(deck_name).id)
    qtbot.addWidget(view)
    view.resize(900, 560)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.setFocus()  # as the main window does when it shows the reviewer
    return view


def key(qtbot, view, k, modifier=Qt.KeyboardModifier.NoModifier):
    target = view.focusWidget() or view
    qtbot.keyClick(target, k, modifier)


def shown_counts(view):
    return [int(n) for n in html_to_text(view.counts_label.text()).split(" + ")]


def add_basic(collection, front, back, deck="Films", source=None):
    return collection.add_note("Basic", {"Front": front, "Back": back}, deck, source=source)


def graduate(collection, clock, card_id):
    collection.answer(card_id, Rating.GOOD)
    clock.advance(600)
    collection.answer(card_id, Rating.GOOD)


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """A warning box would block the test: record it instead, and fail."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: shown.append(text))
    yield shown
    assert shown == []


@pytest.fixture
def heat_reviewer(qtbot, heat_collection):
    return open_reviewer(qtbot, heat_collection, "Heat (1995)")


# --- studying ---------------------------------------------------------------------------
def test_full_study_session_by_keyboard(qtbot, heat_collection, heat_reviewer):
    view, col = heat_reviewer, heat_collection
    deck = col.deck_named("Heat (1995)")
    assert shown_counts(view) == [20, 0, 0]
    seen = []
    for i, rating in enumerate([1, 2, 3, 4, "space", 3, 1, 4, "space", 2]):
        card = view.session.card
        counts = col.counts(deck)
        assert shown_counts(view) == [counts.new, counts.learning, counts.review]
        assert not view.answer_shown and view.show_answer_button.isVisible()
        assert not any(b.isVisible() for b in view.answer_buttons.values())
        question = html_to_text(col.render(card).question).strip()
        if question:
            assert question.splitlines()[0] in view.card_view.toPlainText()
        assert view._clock.isActive()
        if view.type_row.isVisible():
            key(qtbot, view, Qt.Key.Key_Return)  # type-in card: Enter with nothing typed
        else:
            key(qtbot, view, Qt.Key.Key_Space if i % 2 else Qt.Key.Key_Return)
        assert view.answer_shown and not view._clock.isActive()
        labels = {p.rating: p.label() for p in col.previews(card)}
        for r, button in view.answer_buttons.items():
            assert button.isVisible() and button.text() == f"{button.text().split(chr(10))[0]}\n{labels[r]}"
        expected = col.scheduler_for(deck).answer(card, Rating.GOOD if rating == "space" else Rating(rating), col.now()).card
        key(qtbot, view, Qt.Key.Key_Space if rating == "space" else KEYS[rating])
        after = col.card(card.id)
        assert (after.state, after.due, after.stability) == (expected.state, expected.due, expected.stability)
        seen.append(card.id)
        assert view.progress.value() == i + 1
    history = [e for cid in set(seen) for e in col.store.reviews_of_card(cid)]
    assert len(history) == 10 and all(0 <= e.duration_ms <= 60_000 for e in history)
    assert shown_counts(view)[0] < 20


def test_ratings_are_ignored_until_the_answer_shows(qtbot, heat_collection, heat_reviewer):
    card = heat_reviewer.session.card
    key(qtbot, heat_reviewer, Qt.Key.Key_3)
    assert heat_reviewer.session.card == card and heat_collection.store.reviews_of_card(card.id) == []


def test_undo_brings_back_the_answered_card_and_counts(qtbot, heat_collection, heat_reviewer):
    view = heat_reviewer
    first = view.session.card
    key(qtbot, view, Qt.Key.Key_Space)
    key(qtbot, view, Qt.Key.Key_4)
    assert view.session.card.id != first.id and shown_counts(view) == [19, 0, 0]
    key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.session.card == first and not view.answer_shown
    assert shown_counts(view) == [20, 0, 0] and view.progress.value() == 0
    assert heat_collection.card(first.id) == first
    assert "Undone: answer" in view.notice_label.text()


@pytest.mark.parametrize(
    "k, modifier, what",
    [
        (Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier, "bury card"),
        (Qt.Key.Key_Equal, Qt.KeyboardModifier.NoModifier, "bury note"),
        (Qt.Key.Key_At, Qt.KeyboardModifier.ShiftModifier, "suspend card"),
        (Qt.Key.Key_Exclam, Qt.KeyboardModifier.ShiftModifier, "suspend note"),
    ],
)
def test_bury_and_suspend_move_on_and_undo_brings_the_card_back(qtbot, heat_collection, heat_reviewer, k, modifier, what):
    view, col = heat_reviewer, heat_collection
    card = view.session.card
    key(qtbot, view, k, modifier)
    stored = col.card(card.id)
    if what.startswith("bury"):
        assert stored.is_buried(col.now())
    else:
        assert stored.suspended
    assert view.session.card.id != card.id
    assert card.id not in col.find_cards("-is:suspended -is:buried")
    counts = col.counts(col.deck_named("Heat (1995)"))
    assert shown_counts(view) == [counts.new, counts.learning, counts.review]
    key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.session.card.id == card.id and col.card(card.id) == card
    assert card.id in col.find_cards("-is:suspended -is:buried")


def test_flags_toggle_show_their_colour_and_undo(qtbot, heat_collection, heat_reviewer):
    view, col = heat_reviewer, heat_collection
    card = view.session.card
    key(qtbot, view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert col.card(card.id).flag == 2 and view.flag_bar.isVisible() and "Orange" in view.state_label.text()
    key(qtbot, view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert col.card(card.id).flag == 0 and not view.flag_bar.isVisible()
    key(qtbot, view, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert col.card(card.id).flag == 7 and "Purple" in view.state_label.text()
    key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert col.card(card.id).flag == 0 and view.session.card.id == card.id and not view.flag_bar.isVisible()


def test_mark_toggles_the_marked_tag(qtbot, heat_collection, heat_reviewer):
    view, col = heat_reviewer, heat_collection
    note_id = view.session.card.note_id
    key(qtbot, view, Qt.Key.Key_Asterisk, Qt.KeyboardModifier.ShiftModifier)
    assert col.is_marked(col.note(note_id)) and "Marked" in view.state_label.text()
    key(qtbot, view, Qt.Key.Key_Asterisk)
    assert not col.is_marked(col.note(note_id)) and "Marked" not in view.state_label.text()


def test_delete_note_and_undo(qtbot, heat_collection, heat_reviewer):
    view, col = heat_reviewer, heat_collection
    card = view.session.card
    with qtbot.waitSignal(view.changed) as signal:
        key(qtbot, view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert card.note_id in signal.args[0].notes
    with pytest.raises(NotFoundError):
        col.note(card.note_id)
    assert view.session.card.id != card.id and "Ctrl+Z" in view.notice_label.text()
    key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert col.card(card.id) == card and view.session.card.id == card.id


def test_edit_info_and_escape_are_signalled(qtbot, heat_collection, heat_reviewer):
    view, col = heat_reviewer, heat_collection
    card = view.session.card
    with qtbot.waitSignal(view.edit_requested) as edit:
        key(qtbot, view, Qt.Key.Key_E)
    assert edit.args == [card.note_id]
    with qtbot.waitSignal(view.info_requested) as info:
        key(qtbot, view, Qt.Key.Key_I)
    assert info.args == [card.id]
    col.update_note(card.note_id, ["Who directed <b>Heat</b> in 1995?", "Michael Mann"])
    view.refresh_current()
    assert "Who directed Heat in 1995?" in view.card_view.toPlainText()
    with qtbot.waitSignal(view.closed):
        key(qtbot, view, Qt.Key.Key_Escape)


def test_the_more_menu_lists_the_actions_with_their_keys(heat_reviewer):
    texts = {a.text(): a.shortcut().toString() for a in heat_reviewer.more_menu.actions() if a.text()}
    assert texts["Edit note"] == "E" and texts["Bury card"] == "-" and texts["Delete note"] == "Ctrl+Del"
    assert texts["Show source"] == "Shift+S" and texts["Undo"] == "Ctrl+Z"
    flag_menu = next(a.menu() for a in heat_reviewer.more_menu.actions() if a.text() == "Flag")
    assert [a.shortcut().toString() for a in flag_menu.actions()] == [f"Ctrl+{n}" for n in range(1, 8)]


def test_typed_answer_is_compared_and_letters_reach_the_box(qtbot, collection):
    collection.add_note("Basic (type in the answer)", ["Who directed Heat?", "Michael Mann"], "Films")
    view = open_reviewer(qtbot, collection, "Films")
    assert view.type_row.isVisible() and view.type_edit.hasFocus()
    qtbot.keyClicks(view.type_edit, "Michael Man e")  # e, i and space must type, not act
    assert view.type_edit.text() == "Michael Man e" and not view.answer_shown
    qtbot.keyClick(view.type_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(view.type_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(view.type_edit, Qt.Key.Key_Return)
    assert view.answer_shown and not view.type_row.isVisible()
    assert "typeMissed" in view.rendered.answer and "Michael Man" in view.rendered.answer
    assert "\u2193" in view.card_view.toPlainText()  # typed line, arrow, expected line
    assert view.hasFocus()
    key(qtbot, view, Qt.Key.Key_1)
    assert collection.card(view.session.card.id).state is CardState.LEARNING


@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "Couldn't (load|resolve) va",
    "PulseAudioService",
    "No audio device",
    "qt.multimedia",
)
def test_sounds_play_from_the_media_folder_and_r_replays(qtbot, collection):
    for name in ("question.wav", "answer.wav"):
        with wave.open(str(collection.media_folder / name), "wb") as sound:
            sound.setnchannels(1)
            sound.setsampwidth(2)
            sound.setframerate(8000)
            sound.writeframes(b"\0\0" * 80)
    add_basic(collection, "Listen [sound:question.wav]", "[sound:answer.wav] Heat")
    view = open_reviewer(qtbot, collection, "Films")
    question = QUrl.fromLocalFile(str((collection.media_folder / "question.wav").resolve()))
    answer = QUrl.fromLocalFile(str((collection.media_folder / "answer.wav").resolve()))
    assert view.audio.sources == [question]
    assert "[sound:" not in view.card_view.toPlainText() and "\u25b6" in view.card_view.toPlainText()
    key(qtbot, view, Qt.Key.Key_Space)
    assert view.audio.sources == [answer]  # the answer side plays its own sound, not the question's again
    view.audio.sources = []
    key(qtbot, view, Qt.Key.Key_R)
    assert view.audio.sources == [question, answer]
    qtbot.waitUntil(
        lambda: view.audio.player.mediaStatus()
        in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.InvalidMedia),
        timeout=5000,
    )
    view.audio.stop()


def test_missing_sound_file_is_reported(qtbot, collection):
    add_basic(collection, "Listen [sound:nowhere.mp3]", "x")
    view = open_reviewer(qtbot, collection, "Films")
    assert view.audio.sources == [] and "nowhere.mp3" in view.notice_label.text()


# --- congratulations and study more --------------------------------------------------------
def limit_new_cards(collection, deck_name, per_day):
    deck = collection.deck_named(deck_name)
    collection.update_preset(replace(collection.preset_of(deck), new_per_day=per_day))


def test_congratulations_say_when_next_and_study_more_new_cards(qtbot, collection):
    for i in range(3):
        add_basic(collection, f"q{i}", f"a{i}")
    limit_new_cards(collection, "Films", 2)
    view = open_reviewer(qtbot, collection, "Films")
    for _ in range(2):
        key(qtbot, view, Qt.Key.Key_Space)
        key(qtbot, view, Qt.Key.Key_4)
    assert view.pages.currentWidget() is view.congratulations
    deck = collection.deck_named("Films")
    expected = describe_finished(collection.finished_deck(deck), collection.now(), collection.calendar)
    details = view.congratulations.details_label.text()
    assert details == "\n".join(expected)
    assert "The next card is due in" in details and "Tomorrow: 0 reviews and 1 new card." in details
    assert "1 more new card waiting beyond today's new card limit." in details
    assert "Congratulations" in view.congratulations.title_label.text()
    assert "(1 waiting)" in view.congratulations.radios[view.congratulations.CHOICES[0][0]].text()
    # keys on the finished page do nothing to cards; Enter starts "study more"
    key(qtbot, view, Qt.Key.Key_Minus)
    view.congratulations.spins[view.congratulations.CHOICES[0][0]].setValue(1)
    view.congratulations.study_button.setFocus()
    key(qtbot, view, Qt.Key.Key_Return)
    assert view.pages.currentWidget() is view.study_page
    assert view.session.card.state is CardState.NEW and shown_counts(view) == [1, 0, 0]
    key(qtbot, view, Qt.Key.Key_Space)
    key(qtbot, view, Qt.Key.Key_4)
    assert view.pages.currentWidget() is view.congratulations
    assert collection.counts(deck).new == 0
    key(qtbot, view, Qt.Key.Key_Return)  # no new card is left: the page says so and stays
    assert view.pages.currentWidget() is view.congratulations
    assert view.congratulations.notice_label.text() == "No new cards are left in this deck."


def finished_reviewer_with_reviews(qtbot, collection, clock):
    """Two review cards: one forgotten (Again, then relearnt) today, one remembered; nothing left today."""
    cards = [collection.store.cards_of_note(add_basic(collection, f"q{i}", f"a{i}").id)[0] for i in range(2)]
    for card in cards:
        graduate(collection, clock, card.id)
    clock.advance(3 * SECONDS_PER_DAY)
    collection.answer(cards[0].id, Rating.AGAIN)
    collection.answer(cards[1].id, Rating.GOOD)
    clock.advance(30 * 60)
    collection.answer(cards[0].id, Rating.GOOD)
    clock.advance(60 * 60)
    view = open_reviewer(qtbot, collection, "Films")
    assert view.pages.currentWidget() is view.congratulations
    return view, [c.id for c in cards]


def choose(qtbot, view, kind, amount):
    congratulations = view.congratulations
    qtbot.mouseClick(congratulations.radios[kind], Qt.MouseButton.LeftButton)
    congratulations.spins[kind].setValue(amount)
    qtbot.mouseClick(congratulations.study_button, Qt.MouseButton.LeftButton)


def test_study_more_forgotten_cards_schedules_as_the_scheduler_says(qtbot, collection, clock):
    view, (forgotten, remembered) = finished_reviewer_with_reviews(qtbot, collection, clock)
    choose(qtbot, view, StudyMore.FORGOTTEN, 1)
    card = view.session.card
    assert card.id == forgotten and shown_counts(view) == [0, 0, 1]
    expected = collection.scheduler_for(collection.deck(card.deck_id)).answer(card, Rating.HARD, collection.now()).card
    key(qtbot, view, Qt.Key.Key_Space)
    key(qtbot, view, Qt.Key.Key_2)
    assert collection.card(forgotten) == expected and collection.store.reviews_of_card(forgotten)[-1].rating == 2
    assert view.pages.currentWidget() is view.congratulations


def test_study_more_review_ahead_uses_real_elapsed_days(qtbot, collection, clock):
    view, (forgotten, remembered) = finished_reviewer_with_reviews(qtbot, collection, clock)
    before = collection.card(remembered)
    days_left = collection.calendar.day(before.due) - collection.calendar.day(collection.now())
    assert days_left > 1
    choose(qtbot, view, StudyMore.AHEAD, days_left)
    shown = [view.session.card.id]
    scheduler = collection.scheduler_for(collection.deck(before.deck_id))
    expected = {cid: scheduler.answer(collection.card(cid), Rating.GOOD, collection.now()).card for cid in (forgotten, remembered)}
    key(qtbot, view, Qt.Key.Key_Space)
    key(qtbot, view, Qt.Key.Key_Space)  # Space on the answer = Good
    if view.session.card is not None:
        shown.append(view.session.card.id)
        key(qtbot, view, Qt.Key.Key_Space)
        key(qtbot, view, Qt.Key.Key_3)
    assert remembered in shown
    after = collection.card(remembered)
    assert after == expected[remembered]
    elapsed = collection.calendar.day(collection.now()) - collection.calendar.day(before.last_review)
    assert after.stability == pytest.approx(scheduler.next_memory_states(before, elapsed).good.memory.stability)
    assert view.pages.currentWidget() is view.congratulations


def test_congratulations_view_alone_emits_the_choice(qtbot):
    view = CongratulationsView()
    qtbot.addWidget(view)
    view.show_finished("Films", ["The next card is due tomorrow."], 0)
    view.radios[StudyMore.FORGOTTEN].setChecked(True)
    view.spins[StudyMore.FORGOTTEN].setValue(3)
    with qtbot.waitSignal(view.study_more_chosen) as chosen:
        qtbot.mouseClick(view.study_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [StudyMore.FORGOTTEN, 3]
    view.spins[StudyMore.AHEAD].setValue(5)  # changing a number picks its choice
    assert view.chosen() == (StudyMore.AHEAD, 5)
    with qtbot.waitSignal(view.back_requested):
        qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)


# --- source ------------------------------------------------------------------------------
TEXT = "Heat opened in 1995.\n\nNeil McCauley was a real Chicago thief.\nChuck Adamson was the cop.\n\nThe end."


def test_show_source_highlights_the_span(qtbot, collection):
    document = collection.store.insert_document("Notes on Heat", "notes.txt", "f00d", TEXT, [], collection.now())
    start = TEXT.index("a real Chicago thief")
    add_basic(collection, "Who was McCauley?", "A thief", source=SourceLink(document, start, start + 20, 2))
    add_basic(collection, "No source here", "x")
    view = open_reviewer(qtbot, collection, "Films")
    assert view.source_button.isEnabled()
    key(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    dialog = view.source_dialog
    qtbot.waitExposed(dialog)
    assert dialog.highlighted_text() == "a real Chicago thief"
    assert dialog.text_view.toPlainText() == "Neil McCauley was a real Chicago thief.\nChuck Adamson was the cop."
    assert "Notes on Heat" in dialog.title_label.text() and "paragraph 2" in dialog.title_label.text()
    highlighted = []
    for position in range(1, len(dialog.text_view.toPlainText()) + 1):
        cursor = QTextCursor(dialog.text_view.document())
        cursor.setPosition(position)  # the format of the character before the position
        if cursor.charFormat().background().style() != Qt.BrushStyle.NoBrush:
            highlighted.append(position - 1)
    assert highlighted == list(range(18, 38))
    dialog.reject()
    qtbot.waitUntil(view.hasFocus)  # focus comes back to the card
    key(qtbot, view, Qt.Key.Key_Space)
    key(qtbot, view, Qt.Key.Key_3)
    assert view.card_view.toPlainText().startswith("No source here")
    assert not view.source_button.isEnabled() and not view.source_action.isEnabled()


def test_show_source_of_a_heat_card_says_the_text_is_not_stored(qtbot, heat_reviewer):
    heat_reviewer.show_source()
    dialog = heat_reviewer.source_dialog
    assert "title only" in dialog.message_label.text() and not dialog.text_view.isVisibleTo(dialog)
    assert dialog.title_label.text().startswith("Eleven things to know about Heat")
    dialog.reject()


def test_show_source_says_when_the_document_is_gone(qtbot, collection):
    document = collection.store.insert_document("Gone", "gone.txt", "dead", TEXT, [], collection.now())
    add_basic(collection, "q", "a", source=SourceLink(document, 0, 4, 1))
    with collection.store.transaction():
        collection.store.db.conn.execute("DELETE FROM documents WHERE id = ?", (document,))
    view = open_reviewer(qtbot, collection, "Films")
    view.show_source()
    assert view.source_dialog.title_label.text() == "The document is gone"
    view.source_dialog.reject()
