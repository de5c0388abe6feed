"""The add and edit screens, driven by keys the way a person uses them."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit

from heatcards.model import Rating
from heatcards.note_html import clean_field_html
from heatcards.ui.editor import AddDialog, EditNoteDialog, NoteEditor
from tests.test_notes_core import html_soup

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

# the offscreen platform says this whenever a top-level window is shown; it is not about our code
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def add_dialog(collection, qtbot):
    dialog = AddDialog(collection, collection.deck_named("Default").id)
    show_active(qtbot, dialog)
    return dialog


def show_active(qtbot, window) -> None:
    """Show a window and make it the active one, as it is when a person works in it."""
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def first_field(dialog):
    return dialog.editor.field_editors()[0].rich


def select_left(qtbot, widget, count: int) -> None:
    for _ in range(count):
        qtbot.keyClick(widget, Qt.Key.Key_Left, SHIFT)


def test_add_cloze_note_with_two_deletions_by_keys(qtbot, add_dialog, collection):
    add_dialog.choose_notetype("Cloze")
    field = first_field(add_dialog)
    assert field.hasFocus()
    qtbot.keyClicks(field, "Pacino and De Niro")
    qtbot.keyClick(field, Qt.Key.Key_Home)
    for _ in range(6):
        qtbot.keyClick(field, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(field, Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.keyClick(field, Qt.Key.Key_End)
    select_left(qtbot, field, 7)
    qtbot.keyClick(field, Qt.Key.Key_C, CTRL | SHIFT)
    assert add_dialog.editor.fields()[0] == "{{c1::Pacino}} and {{c2::De Niro}}"

    with qtbot.waitSignal(add_dialog.changed) as signal:
        qtbot.keyClick(field, Qt.Key.Key_Return, CTRL)
    cards = sorted((collection.card(i) for i in signal.args[0].cards), key=lambda c: c.ordinal)
    assert [c.ordinal for c in cards] == [0, 1]
    assert collection.note(cards[0].note_id).fields[0] == "{{c1::Pacino}} and {{c2::De Niro}}"
    assert add_dialog.status_label.text() == "Added 2 cards."
    assert add_dialog.editor.fields() == ["", ""]  # cleared for the next note
    assert first_field(add_dialog).hasFocus()
    assert add_dialog.notetype_combo.currentText() == "Cloze"  # remembered


def test_same_number_cloze_and_empty_deletion(qtbot, add_dialog):
    add_dialog.choose_notetype("Cloze")
    field = first_field(add_dialog)
    qtbot.keyClicks(field, "a b")
    select_left(qtbot, field, 1)
    qtbot.keyClick(field, Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClick(field, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(field, Qt.Key.Key_C, CTRL | SHIFT | ALT)
    assert add_dialog.editor.fields()[0] == "{{c1::a}} {{c1::b}}"
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field, Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.keyClicks(field, "x")  # the cursor waits inside the new, empty deletion
    assert add_dialog.editor.fields()[0] == "{{c1::a}} {{c1::b}}{{c2::x}}"


def test_add_basic_and_reversed_note(qtbot, add_dialog, collection):
    add_dialog.choose_notetype("Basic (and reversed card)")
    deck = collection.add_deck("Films")
    add_dialog.deck_combo.addItem(deck.name, deck.id)
    add_dialog.deck_combo.setCurrentIndex(add_dialog.deck_combo.findData(deck.id))
    field = first_field(add_dialog)
    field.setFocus()
    qtbot.keyClicks(field, "Heat")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    back = add_dialog.editor.field_editors()[1].rich
    assert back.hasFocus()
    qtbot.keyClicks(back, "1995")
    qtbot.keyClicks(add_dialog.editor.tag_edit, "film crime")
    with qtbot.waitSignal(add_dialog.changed) as signal:
        qtbot.keyClick(back, Qt.Key.Key_Enter, CTRL)
    cards = [collection.card(i) for i in signal.args[0].cards]
    assert sorted(c.ordinal for c in cards) == [0, 1]
    assert {c.deck_id for c in cards} == {deck.id}
    note = collection.note(cards[0].note_id)
    assert note.fields == ("Heat", "1995") and note.tags == ("film", "crime")
    assert add_dialog.editor.tags() == ["film", "crime"]  # tags stay for the next note, as in Anki
    assert add_dialog.deck_combo.currentData() == deck.id


def test_bold_italic_underline_by_keys_are_stored_as_tags(qtbot, add_dialog):
    field = first_field(add_dialog)
    qtbot.keyClicks(field, "plain ")
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(field, "bold")
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(field, " ")
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    qtbot.keyClicks(field, "it")
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_U, CTRL)
    qtbot.keyClicks(field, "u")
    assert add_dialog.editor.fields()[0] == "plain <b>bold</b> <i>it</i><u>u</u>"


def test_lists_colour_and_clear_formatting(qtbot, add_dialog):
    editor = add_dialog.editor
    field = first_field(add_dialog)
    qtbot.keyClicks(field, "one")
    qtbot.keyClick(field, Qt.Key.Key_U, CTRL | SHIFT)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "two")
    assert editor.fields()[0] == "<ul><li>one</li><li>two</li></ul>"
    qtbot.keyClick(field, Qt.Key.Key_U, CTRL | SHIFT)
    assert editor.fields()[0] == "<ul><li>one</li></ul>two"
    qtbot.keyClick(field, Qt.Key.Key_O, CTRL | SHIFT)
    assert editor.fields()[0] == "<ul><li>one</li></ul><ol><li>two</li></ol>"

    select_left(qtbot, field, 3)
    editor.set_text_colour(QColor("#0055aa"))
    assert editor.fields()[0].endswith('<ol><li><span style="color:#0055aa">two</span></li></ol>')
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_R, CTRL)
    assert editor.fields()[0].endswith("<ol><li>two</li></ol>")


def test_html_source_toggle_round_trip(qtbot, add_dialog):
    editor_field = add_dialog.editor.field_editors()[0]
    field = editor_field.rich
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(field, "bold")
    qtbot.keyClick(field, Qt.Key.Key_X, CTRL | SHIFT)
    assert editor_field.showing_source() and editor_field.source.hasFocus()
    assert editor_field.source.toPlainText() == "<b>bold</b>"
    qtbot.keyClick(editor_field.source, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor_field.source, "<i>it</i> &amp; <u>u</u>")
    qtbot.keyClick(editor_field.source, Qt.Key.Key_X, CTRL | SHIFT)
    assert not editor_field.showing_source() and field.hasFocus()
    assert field.toPlainText() == "it & u"
    assert add_dialog.editor.fields()[0] == "<i>it</i> &amp; <u>u</u>"
    qtbot.keyClick(field, Qt.Key.Key_X, CTRL | SHIFT)
    assert editor_field.source.toPlainText() == "<i>it</i> &amp; <u>u</u>"


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_tag_completion_offers_existing_tags(qtbot, heat_collection):
    dialog = AddDialog(heat_collection)
    show_active(qtbot, dialog)
    tag_edit = dialog.editor.tag_edit
    tag_edit.setFocus()
    qtbot.keyClicks(tag_edit, "crime pro")
    completer = tag_edit.completer_for_word()
    offered = [completer.completionModel().index(r, 0).data() for r in range(completer.completionModel().rowCount())]
    assert "production" in offered and all(t.lower().startswith("pro") for t in offered)
    assert completer.popup().isVisible()
    completer.activated.emit("production")  # what choosing it in the popup does
    assert tag_edit.text() == "crime production "
    assert tag_edit.cursorPosition() == len(tag_edit.text())


def test_tag_model_is_valid(qtmodeltester, heat_collection, qtbot):
    editor = NoteEditor(heat_collection)
    qtbot.addWidget(editor)
    editor.new_note(heat_collection.notetype_named("Basic").id, heat_collection.decks()[0].id)
    qtmodeltester.check(editor.tag_edit.completer_for_word().model())
    assert editor.tag_edit.completer_for_word().model().rowCount() == len(heat_collection.all_tags()) > 0


def test_duplicate_warning_appears_and_disappears(qtbot, add_dialog, collection):
    collection.add_note("Basic", ["<b>Heat</b>", "1995"], "Default")
    field = first_field(add_dialog)
    warning = add_dialog.editor.duplicate_label
    qtbot.keyClicks(field, "Heat")
    qtbot.waitUntil(warning.isVisible)
    assert "Front" in warning.text()
    qtbot.keyClicks(field, "!")
    qtbot.waitUntil(lambda: not warning.isVisible())


def test_pasting_an_image_stores_it_in_the_media_folder(qtbot, add_dialog, collection):
    image = QImage(6, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    mime = QMimeData()
    mime.setImageData(image)
    QApplication.clipboard().setMimeData(mime)
    try:
        field = first_field(add_dialog)
        qtbot.keyClicks(field, "look ")
        qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
        stored = add_dialog.editor.fields()[0]
        files = list(collection.media_folder.iterdir())
        assert len(files) == 1 and files[0].suffix == ".png"
        assert stored == f'look <img src="{files[0].name}">'
        assert QImage(str(files[0])).size() == image.size()
        qtbot.keyClick(field, Qt.Key.Key_V, CTRL)  # the same image again is not stored twice
        assert list(collection.media_folder.iterdir()) == files
    finally:
        # Data left on the clipboard is destroyed after Python at exit, which crashes the interpreter.
        QApplication.clipboard().clear()


def test_live_preview_shows_every_card(qtbot, add_dialog):
    add_dialog.choose_notetype("Cloze")
    preview = add_dialog.editor.preview
    assert preview.tabText(0) == "No cards" and "Ctrl+Shift+C" in add_dialog.editor.preview.empty_label.text()
    field = first_field(add_dialog)
    qtbot.keyClicks(field, "{{c1::Mann}} directed {{c2::Heat}}")
    qtbot.waitUntil(lambda: preview.count() == 2)
    assert [preview.tabText(i) for i in range(2)] == ["Cloze 1", "Cloze 2"]
    (q1, a1), (q2, a2) = preview.card_views()
    assert "[...] directed Heat" in q1.toPlainText() and "Mann directed Heat" in a1.toPlainText()
    assert "Mann directed [...]" in q2.toPlainText()
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClicks(field, "X")
    qtbot.waitUntil(lambda: "X[...]" in preview.card_views()[0][0].toPlainText())


def test_editing_a_reviewed_note_keeps_its_progress(qtbot, heat_collection):
    card_id = heat_collection.find_cards("")[0]
    heat_collection.answer(card_id, Rating.GOOD)
    heat_collection.answer(card_id, Rating.EASY)
    before = heat_collection.card(card_id)
    note = heat_collection.note(before.note_id)
    dialog = EditNoteDialog(heat_collection, note.id)
    show_active(qtbot, dialog)
    back = dialog.editor.field_editors()[1].rich
    back.setFocus()
    qtbot.keyClick(back, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(back, " (edited)")
    with qtbot.waitSignal(dialog.changed) as signal:
        qtbot.keyClick(back, Qt.Key.Key_Return, CTRL)
    assert note.id in signal.args[0].notes
    after = heat_collection.card(card_id)
    assert (after.stability, after.difficulty, after.due, after.reps, after.state) == (
        before.stability, before.difficulty, before.due, before.reps, before.state
    )
    edited = heat_collection.note(note.id)
    assert edited.fields[1].endswith(" (edited)")
    assert edited.fields[0] == note.fields[0]  # untouched field kept exactly as it was
    assert not dialog.isVisible()


def test_untouched_fields_keep_markup_the_editor_cannot_show(qtbot, collection):
    note = collection.add_note("Basic", ['<div class="x">kept <table><tr><td>as is</td></tr></table></div>', "b"], "Default")
    editor = NoteEditor(collection)
    qtbot.addWidget(editor)
    editor.load_note(note.id)
    assert editor.save() is None  # nothing changed, nothing written
    editor.tag_edit.setText("new")
    changes = editor.save()
    assert changes is not None and collection.note(note.id).fields == note.fields
    assert collection.note(note.id).tags == ("new",)


def test_a_note_without_cards_is_refused_with_a_message(qtbot, add_dialog, collection, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: shown.append(text))
    add_dialog.choose_notetype("Cloze")
    field = first_field(add_dialog)
    qtbot.keyClicks(field, "no deletion")
    qtbot.keyClick(field, Qt.Key.Key_Return, CTRL)
    assert len(shown) == 1 and "cloze deletion" in shown[0] and "Ctrl+Shift+C" in shown[0]
    assert collection.find_cards("") == []
    assert add_dialog.editor.fields()[0] == "no deletion"  # nothing lost
    assert field.hasFocus()


def test_closing_the_edit_dialog_saves_as_anki_does(qtbot, collection):
    note = collection.add_note("Basic", ["front", "back"], "Default")
    dialog = EditNoteDialog(collection, note.id)
    show_active(qtbot, dialog)
    field = dialog.editor.field_editors()[0].rich
    qtbot.keyClicks(field, "new ")
    with qtbot.waitSignal(dialog.changed):
        qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and collection.note(note.id).fields == ("new front", "back")


@pytest.fixture(scope="module")
def round_trip_editor(qapp):
    edit = QTextEdit()
    yield edit
    edit.deleteLater()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(html_soup())
@example("<ul>1</ul><b>\xa0")  # blank text after a list: Qt would read it into the list's last item
@example("<ul>1</ul><div></div>b")  # a blank line after a list, then text
@example('<ul>1</ul><img src="a.png"><b>1')  # an image right after a list: Qt would read it into the list's last item
@example('<ul>1</ul><p><img src="a.png">x</p><p>y</p><ul>z</ul>w')  # and the paragraphs after it, up to the next list
@example('<ul>1</ul><img src="a.png"><div>1')  # an image alone after a list, then a paragraph
def test_stored_html_survives_qt_load_and_save(round_trip_editor, source):
    """load → save → load gives the same stored HTML: Qt's rich text keeps everything the cleaner keeps."""
    stored = clean_field_html(source)
    round_trip_editor.setHtml(stored)
    assert clean_field_html(round_trip_editor.toHtml()) == stored
