"""Tried as a new user would: open the app on the Heat deck, study ten cards by keyboard, add a card,
find it in the browser and look at its info — through the main window only, by keys and clicks."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from heatcards.ui.browser import BrowserWindow
from heatcards.ui.card_info import CardInfoDialog
from heatcards.ui.editor import AddDialog
from heatcards.ui.main_window import MainWindow
from heatcards.ui.reviewer import ReviewerView

HEAT = "Heat (1995)"


def opened(qtbot, cls):
    """The window the last key opened, once it is the active one (as it is for a person)."""
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def window(qtbot, heat_collection, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(heat_collection, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_study_ten_add_one_find_it_and_see_its_info(window, heat_collection, qtbot, clock):
    assert window.overview.title.text() == HEAT

    # s: study. Space shows the answer; 3 (or Space again) answers Good.
    qtbot.keyClick(window, Qt.Key.Key_S)
    reviewer = window.reviewer
    assert isinstance(reviewer, ReviewerView) and window.pages.currentWidget() is reviewer
    for answered in range(10):
        qtbot.keyClick(reviewer, Qt.Key.Key_Space)
        qtbot.keyClick(reviewer, Qt.Key.Key_3 if answered % 2 else Qt.Key.Key_Space)
        clock.advance(5)
    assert heat_collection.store.review_count() == 10
    assert heat_collection.counts(heat_collection.deck_named(HEAT)).new == 10

    # Esc back to the decks: the deck list shows what is left.
    qtbot.keyClick(reviewer, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.splitter
    heat_index = window.deck_model.index_of_deck(heat_collection.deck_named(HEAT).id)
    assert window.deck_model.index(heat_index.row(), 1).data() == "10"

    # a: add a note to the Heat deck.
    qtbot.keyClick(window, Qt.Key.Key_A)
    add = opened(qtbot, AddDialog)
    qtbot.keyClicks(add.editor.field_editors()[0].text_widget(), "Who plays Vincent Hanna's wife Justine?")
    qtbot.keyClick(add.editor.field_editors()[0].text_widget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(add.editor.field_editors()[1].text_widget(), "Diane Venora")
    qtbot.keyClick(add.editor.field_editors()[1].text_widget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [card_id] = heat_collection.find_cards('"Diane Venora"')
    assert heat_collection.deck(heat_collection.card(card_id).deck_id).name == HEAT
    assert window.deck_model.index(heat_index.row(), 1).data() == "10"  # still today's limit of 20 new
    add.close()
    window.activateWindow()  # back in the main window
    qtbot.waitUntil(window.isActiveWindow)

    # b: browse, search for it.
    qtbot.keyClick(window, Qt.Key.Key_B)
    browser = opened(qtbot, BrowserWindow)
    browser.search_edit.clear()
    qtbot.keyClicks(browser.search_edit, "venora")
    qtbot.keyClick(browser.search_edit, Qt.Key.Key_Return)
    assert browser.model.ids() == [card_id]
    browser.select_rows([0])

    # Card info from the browser (Ctrl+Shift+I).
    qtbot.keyClick(browser, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    info = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CardInfoDialog) and w.isVisible())
    assert info.card_id == card_id
    browser.close()
    info.close()


def test_suspending_the_studied_card_in_another_window_moves_the_reviewer_on(window, heat_collection, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_S)
    reviewer = window.reviewer
    studied = reviewer.session.card.id
    window.apply_changes(heat_collection.suspend([studied]))  # as the browser reports it
    assert reviewer.session.card is not None and reviewer.session.card.id != studied
