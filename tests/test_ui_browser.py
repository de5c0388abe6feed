"""The browser driven as a person would: typing searches, clicking headers and the side panel, shortcuts."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from heatcards.model import Rating
from heatcards.ui import browser as browser_module
from heatcards.ui.browser import BATCH_SIZE, BrowserTableModel, BrowserWindow, FindReplaceDialog

# the offscreen platform says this of every top-level window; it is not about the browser
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def ini(tmp_path):
    return QSettings(str(tmp_path / "browser.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: shown.append(args[2]))
    return shown


@pytest.fixture
def browser(qtbot, heat_collection, ini, warnings):
    window = BrowserWindow(heat_collection, ini)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def type_search(qtbot, browser, text):
    browser.search_edit.clear()
    qtbot.keyClicks(browser.search_edit, text)
    qtbot.keyClick(browser.search_edit, Qt.Key.Key_Return)


def shortcut(qtbot, browser, key, modifiers):
    browser.table.setFocus()
    qtbot.keyClick(browser.table, key, modifiers)


def click_header(qtbot, browser, key):
    header = browser.table.horizontalHeader()
    section = browser.model.columns.index(key)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def shown_texts(browser, key):
    column = browser.model.columns.index(key)
    return [browser.model.index(r, column).data() for r in range(browser.model.rowCount())]


def test_typing_a_search_shows_its_cards(qtbot, browser, heat_collection, qtmodeltester):
    type_search(qtbot, browser, "tag:cast")
    expected = heat_collection.find_cards("tag:cast")
    assert browser.model.ids() == expected and expected
    assert browser.error_label.isHidden()
    assert browser.table.hasFocus()
    assert f"{len(expected)} cards shown" in browser.statusBar().currentMessage()
    qtmodeltester.check(browser.model)
    qtmodeltester.check(browser.sidebar_model)


def test_a_syntax_error_says_where_and_keeps_the_rows(qtbot, browser):
    before = browser.model.ids()
    type_search(qtbot, browser, "deck:Heat* (pacino")
    assert browser.error_label.isVisible()
    assert "position 12" in browser.error_label.text()
    assert browser.search_edit.hasFocus() and browser.search_edit.cursorPosition() in (11, 12)
    assert browser.model.ids() == before
    type_search(qtbot, browser, "pacino")
    assert browser.error_label.isHidden()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
       | st.text(alphabet='ab:*_"()-\\ deck:tag:is:prop<>=', max_size=30))
def test_any_text_in_the_box_keeps_the_model_valid(qtbot, browser, qtmodeltester, text):
    browser.search_edit.setText(text)
    qtbot.keyClick(browser.search_edit, Qt.Key.Key_Return)  # a non-search error would fail the test
    if browser.error_label.isVisible():
        assert "at position" in browser.error_label.text()
    qtmodeltester.check(browser.model)


def test_clicking_headers_sorts_in_sql(qtbot, browser, heat_collection, ini):
    type_search(qtbot, browser, "deck:Heat*")
    click_header(qtbot, browser, "sort_field")
    ascending = heat_collection.find_cards("deck:Heat*", order="sort_field")
    descending = heat_collection.find_cards("deck:Heat*", order="sort_field", descending=True)
    assert browser.model.ids() in (ascending, descending)
    first = browser.model.ids()
    click_header(qtbot, browser, "sort_field")
    assert browser.model.ids() == (descending if first == ascending else ascending)
    assert ini.value("browser/sort_column") == "sort_field"
    texts = [t.casefold() for t in shown_texts(browser, "sort_field")]
    assert texts in (sorted(texts), sorted(texts, reverse=True))


def test_sorting_keeps_the_selection(qtbot, browser):
    browser.select_rows([3])
    chosen = browser.selected_ids()
    click_header(qtbot, browser, "due")
    assert browser.selected_ids() == chosen


def test_toggling_cards_and_notes(qtbot, browser, heat_collection, qtmodeltester):
    type_search(qtbot, browser, "tag:cast")
    shortcut(qtbot, browser, Qt.Key.Key_T, CTRL | ALT)
    assert browser.model.notes_mode
    assert browser.model.ids() == heat_collection.find_notes("tag:cast")
    assert browser.model.rowCount() < len(heat_collection.find_cards("tag:cast"))  # reversed cards: 2 per note
    assert "notes shown" in browser.statusBar().currentMessage()
    qtmodeltester.check(browser.model)
    browser.mode_combo.setCurrentIndex(0)
    assert not browser.model.notes_mode and browser.model.ids() == heat_collection.find_cards("tag:cast")


def test_column_chooser_adds_and_removes_columns_and_remembers(qtbot, browser, heat_collection, ini, qtmodeltester):
    menu = browser.column_menu()
    action = next(a for a in menu.actions() if a.text() == "Lapses")
    assert not action.isChecked()
    action.trigger()
    assert browser.model.columns[-1] != "lapses" or "lapses" in browser.model.columns
    assert "lapses" in browser.model.columns
    qtmodeltester.check(browser.model)
    next(a for a in browser.column_menu().actions() if a.text() == "Tags").trigger()
    assert "tags" not in browser.model.columns
    assert json.loads(ini.value("browser/columns")) == browser.model.columns
    browser.table.horizontalHeader().resizeSection(0, 333)
    again = BrowserWindow(heat_collection, ini)
    qtbot.addWidget(again)
    assert again.model.columns == browser.model.columns
    assert again.table.horizontalHeader().sectionSize(0) == 333


def test_the_last_column_cannot_be_removed(browser):
    browser.set_columns(["deck"])
    (deck,) = [a for a in browser.column_menu().actions() if a.isChecked()]
    assert not deck.isEnabled()


def test_splitter_sizes_persist(qtbot, browser, heat_collection, ini):
    browser.main_splitter.setSizes([300, 900])
    browser.main_splitter.splitterMoved.emit(300, 1)
    again = BrowserWindow(heat_collection, ini)
    qtbot.addWidget(again)
    again.resize(browser.size())
    assert again.main_splitter.saveState() == browser.main_splitter.saveState()


def sidebar_item(browser, section, text):
    model = browser.sidebar_model
    top = next(model.item(r) for r in range(model.rowCount()) if model.item(r).text() == section)
    stack = [top]
    while stack:
        item = stack.pop()
        if item.text() == text and item is not top:
            return item
        stack.extend(item.child(r) for r in range(item.rowCount()))
    raise LookupError(text)


def test_clicking_the_side_panel_searches(qtbot, browser, heat_collection):
    for section, text, query in (("Tags", "cast", "tag:cast"), ("Decks", "Heat (1995)", "deck:Heat*"),
                                 ("Card states", "New", "is:new"), ("Note types", "Basic", "note:Basic")):
        index = sidebar_item(browser, section, text).index()
        browser.sidebar.scrollTo(index)
        rect = browser.sidebar.visualRect(index)
        qtbot.mouseClick(browser.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert browser.model.ids() == heat_collection.find_cards(query), text
    assert browser.search_edit.text() == 'note:"Basic"'


def test_saved_searches_in_the_side_panel(qtbot, browser, heat_collection, monkeypatch):
    type_search(qtbot, browser, "tag:cast is:new")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("New cast", True))
    browser.actions_by_name["save_search"].trigger()
    item = sidebar_item(browser, "Saved searches", "New cast")
    type_search(qtbot, browser, "")
    browser.sidebar.activated.emit(item.index())
    assert browser.search_edit.text() == "tag:cast is:new"
    browser.remove_saved_search("New cast")
    with pytest.raises(LookupError):
        sidebar_item(browser, "Saved searches", "New cast")


def select_search(qtbot, browser, query, rows):
    type_search(qtbot, browser, query)
    browser.select_rows(rows)
    return browser.selected_card_ids()


def test_change_deck_from_its_shortcut(qtbot, browser, heat_collection, monkeypatch):
    cards = select_search(qtbot, browser, "tag:cast", [0, 1])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Heat::Cast", True))
    with qtbot.waitSignal(browser.changed) as emitted:
        shortcut(qtbot, browser, Qt.Key.Key_D, CTRL)
    deck = heat_collection.deck_named("Heat::Cast")
    assert {heat_collection.card(c).deck_id for c in cards} == {deck.id}
    assert emitted.args[0].cards == frozenset(cards)
    assert shown_texts(browser, "deck")[:2] == ["Heat::Cast", "Heat::Cast"]
    sidebar_item(browser, "Decks", "Cast")
    assert browser.table.hasFocus()


def test_tags_from_their_shortcuts(qtbot, browser, heat_collection, monkeypatch):
    select_search(qtbot, browser, "tag:cast", [0])
    note_id = browser.selected_note_ids()[0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("favourite  watched", True))
    shortcut(qtbot, browser, Qt.Key.Key_A, CTRL | SHIFT)
    assert {"favourite", "watched"} <= set(heat_collection.note(note_id).tags)
    assert "favourite" in browser.model.index(0, browser.model.columns.index("tags")).data()
    assert browser.editor.tags()[-2:] == ["favourite", "watched"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("watched cast", True))
    shortcut(qtbot, browser, Qt.Key.Key_A, CTRL | ALT | SHIFT)
    assert not {"watched", "cast"} & set(heat_collection.note(note_id).tags)
    sidebar_item(browser, "Tags", "favourite")


def test_suspend_bury_flag_forget_due_date_from_shortcuts(qtbot, browser, heat_collection, monkeypatch):
    cards = select_search(qtbot, browser, "deck:Heat*", [0, 2])
    shortcut(qtbot, browser, Qt.Key.Key_J, CTRL)
    assert all(heat_collection.card(c).suspended for c in cards)
    assert shown_texts(browser, "due")[0].startswith("(")
    shortcut(qtbot, browser, Qt.Key.Key_J, CTRL)
    assert not any(heat_collection.card(c).suspended for c in cards)
    shortcut(qtbot, browser, Qt.Key.Key_J, CTRL | SHIFT)
    assert heat_collection.find_cards("is:buried") == sorted(cards)
    shortcut(qtbot, browser, Qt.Key.Key_J, CTRL | SHIFT)
    assert heat_collection.find_cards("is:buried") == []
    shortcut(qtbot, browser, Qt.Key.Key_3, CTRL)
    assert heat_collection.find_cards("flag:3") == sorted(cards)
    shortcut(qtbot, browser, Qt.Key.Key_3, CTRL)  # again: the flag comes off
    assert heat_collection.find_cards("flag:3") == []
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (5, True))
    shortcut(qtbot, browser, Qt.Key.Key_D, CTRL | SHIFT)
    assert all(heat_collection.card(c).interval >= 5 for c in cards)
    assert heat_collection.find_cards("prop:due=5") == sorted(cards)
    shortcut(qtbot, browser, Qt.Key.Key_N, CTRL | ALT)
    assert heat_collection.find_cards("is:new cid:" + ",".join(map(str, cards))) == sorted(cards)


def test_undo_of_a_bulk_action(qtbot, browser, heat_collection):
    cards = select_search(qtbot, browser, "deck:Heat*", [0, 1, 2])
    shortcut(qtbot, browser, Qt.Key.Key_J, CTRL)
    assert all(heat_collection.card(c).suspended for c in cards)
    shortcut(qtbot, browser, Qt.Key.Key_Z, CTRL)
    assert not any(heat_collection.card(c).suspended for c in cards)
    assert "Undone: suspend" in browser.statusBar().currentMessage()
    assert browser.selected_ids() == cards


def test_delete_and_undo(qtbot, browser, heat_collection):
    select_search(qtbot, browser, "tag:cast", [0])
    note_id = browser.selected_note_ids()[0]
    count = browser.model.rowCount()
    shortcut(qtbot, browser, Qt.Key.Key_Delete, CTRL)
    assert note_id not in heat_collection.find_notes("")
    assert browser.model.rowCount() < count and browser.selected_rows() == [0]
    shortcut(qtbot, browser, Qt.Key.Key_Z, CTRL)
    assert note_id in heat_collection.find_notes("")
    assert browser.model.rowCount() == count


def test_find_and_replace_dialog(qtbot, browser, heat_collection):
    select_search(qtbot, browser, "pacino", [0])
    note_id = browser.selected_note_ids()[0]
    shortcut(qtbot, browser, Qt.Key.Key_F, CTRL | ALT)
    dialog = browser.findChild(FindReplaceDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.find_edit, "al pacino")
    qtbot.keyClicks(dialog.replace_edit, "Alfredo James Pacino")
    with qtbot.waitSignal(browser.changed):
        qtbot.keyClick(dialog.replace_edit, Qt.Key.Key_Return)
    assert "Alfredo James Pacino" in " ".join(heat_collection.note(note_id).fields)
    assert "1 notes changed" in browser.statusBar().currentMessage()
    shortcut(qtbot, browser, Qt.Key.Key_Z, CTRL)
    assert "Alfredo" not in " ".join(heat_collection.note(note_id).fields)


def test_a_bad_regular_expression_is_reported(qtbot, browser, warnings):
    select_search(qtbot, browser, "pacino", [0])
    dialog = browser.open_find_replace()
    dialog.find_edit.setText("(")
    dialog.regex_box.setChecked(True)
    dialog.accept()
    assert warnings and "regular expression" in warnings[-1]


def test_card_info_shortcut(qtbot, browser):
    select_search(qtbot, browser, "tag:cast", [1])
    with qtbot.waitSignal(browser.info_requested) as emitted:
        shortcut(qtbot, browser, Qt.Key.Key_I, CTRL | SHIFT)
    assert emitted.args == [browser.model.id_at(1)]


def test_editor_pane_edits_the_selected_note(qtbot, browser, heat_collection):
    select_search(qtbot, browser, "tag:cast", [0])
    note_id = browser.selected_note_ids()[0]
    assert browser.editor_stack.currentWidget() is browser.editor
    field = browser.editor.field_editors()[1].text_widget()
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " EDITED")
    with qtbot.waitSignal(browser.changed):
        browser.select_rows([1])  # moving on saves it
    assert heat_collection.note(note_id).fields[1].endswith(" EDITED")
    browser.select_rows([0, 1])
    assert browser.editor_stack.currentWidget() is browser.editor_placeholder
    assert "2 rows selected" in browser.editor_placeholder.text()


def test_refresh_from_the_main_window_shows_changes_made_elsewhere(qtbot, browser, heat_collection):
    type_search(qtbot, browser, "deck:Heat*")
    first = browser.model.id_at(0)
    column = browser.model.columns.index("due")
    before = browser.model.index(0, column).data()
    changes = heat_collection.answer(first, Rating.GOOD)
    browser.refresh(changes)
    assert browser.model.index(0, column).data() != before


def test_rows_are_fetched_lazily_in_batches(qtbot, heat_collection, ini, monkeypatch):
    for i in range(3 * BATCH_SIZE):
        heat_collection.add_note("Basic", {"Front": f"bulk {i:04d}", "Back": "x"}, "Bulk")
    asked: list[int] = []
    real = heat_collection.browser_rows
    monkeypatch.setattr(heat_collection, "browser_rows", lambda ids, **kw: asked.append(len(ids)) or real(ids, **kw))
    window = BrowserWindow(heat_collection, ini)
    qtbot.addWidget(window)
    window.show()
    window.search("deck:Bulk")
    assert window.model.rowCount() == 3 * BATCH_SIZE
    asked.clear()
    for row in range(0, 3 * BATCH_SIZE, 7):
        window.table.scrollTo(window.model.index(row, 0))
        qtbot.wait(1)
    assert asked and all(n <= BATCH_SIZE for n in asked)
    assert len(asked) <= 3 + 1  # one query per batch of rows (plus the editor's reload), never one per row
    assert window.model.index(3 * BATCH_SIZE - 1, 0).data() == "bulk 0599"


def test_the_model_alone(qtmodeltester, heat_collection):
    model = BrowserTableModel(heat_collection, ["sort_field", "question", "answer", "due", "retrievability"])
    model.search("deck:Heat*")
    qtmodeltester.check(model)
    model.search("", notes_mode=True)
    qtmodeltester.check(model)
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Retrievability (avg)"
    with pytest.raises(Exception, match="position"):
        model.search("(")
    assert model.rowCount() == len(heat_collection.find_notes(""))


def test_deleted_rows_read_as_deleted(qtmodeltester, heat_collection):
    model = BrowserTableModel(heat_collection, ["sort_field", "deck"])
    model.search("tag:cast")
    heat_collection.delete_notes([heat_collection.card(model.id_at(0)).note_id])
    model.invalidate()
    assert model.index(0, 1).data() == browser_module.DELETED
    qtmodeltester.check(model)


def test_export_notes_from_the_browser_limits_the_export_to_its_search(qtbot, browser):
    from heatcards.ui.import_export import ExportDialog

    type_search(qtbot, browser, "Hanna")
    shortcut(qtbot, browser, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = browser.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.include_combo.currentText() == "Cards found by the search: Hanna"
    dialog.close()
