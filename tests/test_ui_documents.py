"""File ▸ Documents…, driven by keys and clicks: the documents listed, one opened with the passages
its cards cite highlighted, cards generated from it again, and deleting it (its cards stay)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from heatcards.authoring.model import Suggestion, SuggestionKind
from heatcards.authoring.reading import read_document
from heatcards.model import SourceStatus
from heatcards.ui import generate_dialog
from heatcards.ui.documents_dialog import DocumentDialog, DocumentsDialog, added_date
from heatcards.ui.generate_dialog import GenerateDialog
from tests.test_ui_generate import TEXT, FakeEngine
from tests.windows import open_main_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LEFT = Qt.MouseButton.LeftButton
CITED = ("Heat is a crime film released in 1995.", "The film was shot in Los Angeles over 107 days.")
ANSWERS = ("1995", "107 days")


@pytest.fixture
def document_id(collection, tmp_path) -> int:
    """heat.txt in the collection, with a cloze card from each sentence in CITED."""
    path = tmp_path / "heat.txt"
    path.write_text(TEXT, encoding="utf-8")
    document_id, _known = collection.add_document(read_document(path))
    suggestions = []
    for sentence, answer in zip(CITED, ANSWERS):
        start = TEXT.index(sentence)
        front = sentence.replace(answer, "{{c1::" + answer + "}}")
        suggestions.append(Suggestion(SuggestionKind.CLOZE, front, "", answer, start, start + len(sentence), "cloze:test"))
    collection.add_suggestions(document_id, suggestions, deck_name="Heat")
    return document_id


@pytest.fixture
def window(qtbot, collection, tmp_path):
    return open_main_window(qtbot, collection, tmp_path, active=False)


def opened(qtbot, cls):
    qtbot.waitUntil(lambda: any(isinstance(w, cls) and w.isVisible() for w in QApplication.topLevelWidgets()), timeout=10_000)
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    return window


def rows(dialog: DocumentsDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(row, column).data() for column in range(model.columnCount())] for row in range(model.rowCount())]


def test_documents_are_listed_and_one_opens_with_the_passages_its_cards_cite(window, collection, document_id, qtbot, qtmodeltester):
    window.documents_action.trigger()
    dialog = opened(qtbot, DocumentsDialog)
    qtmodeltester.check(dialog.model)
    added = collection.documents()[0].added
    assert rows(dialog) == [["Heat", "heat.txt", added_date(added), "25", "2"]]
    assert dialog.open_button.isEnabled() and dialog.generate_button.isEnabled() and not dialog.empty_label.isVisible()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    viewer = opened(qtbot, DocumentDialog)
    assert viewer.windowTitle() == "Heat"
    assert viewer.text_view.toPlainText() == TEXT.strip()
    assert viewer.text_view.marked_texts() == list(CITED)
    window.documents_action.trigger()  # a second time: the same list comes forward
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentsDialog) and w.isVisible()] == [dialog]


def test_generate_cards_from_a_listed_document(window, collection, document_id, qtbot, monkeypatch):
    monkeypatch.setattr(generate_dialog, "engine_named", lambda name, **options: FakeEngine())
    window.documents_action.trigger()
    dialog = opened(qtbot, DocumentsDialog)
    qtbot.mouseClick(dialog.generate_button, LEFT)
    generate = opened(qtbot, GenerateDialog)
    qtbot.waitUntil(lambda: generate.model.rowCount() == 3)
    qtbot.mouseClick(generate.add_button, LEFT)
    qtbot.waitUntil(lambda: rows(dialog)[0][4] == "5")  # the list follows the collection
    assert len(collection.documents()) == 1
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(dialog)[0][4] == "2"  # and its undo


def test_deleting_a_document_asks_first_and_keeps_its_cards(window, collection, document_id, qtbot, monkeypatch):
    asked = []
    answers = iter((QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(text) or next(answers))
    window.documents_action.trigger()
    dialog = opened(qtbot, DocumentsDialog)
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert len(collection.documents()) == 1  # "No" keeps it
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert asked[0] == (
        "Delete the document 'Heat'?\n\nIts 2 notes stay; their source will say the document is gone. "
        "Ctrl+Z cannot bring the document back, but a backup is made first."
    )
    assert collection.documents() == [] and rows(dialog) == []
    assert dialog.empty_label.isVisible() and not dialog.open_button.isEnabled() and not dialog.delete_button.isEnabled()
    cards = collection.find_cards("")
    assert len(cards) == 2
    assert {collection.source_passage(card).status for card in cards} == {SourceStatus.DOCUMENT_DELETED}


def test_documents_known_by_title_only_cannot_be_opened(heat_collection, qtbot, qtmodeltester):
    dialog = DocumentsDialog(heat_collection)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert [row[3] for row in rows(dialog)] == ["—", "—"]  # the bundled deck cites its articles without their text
    assert "title only" in dialog.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert not dialog.open_button.isEnabled() and not dialog.generate_button.isEnabled() and dialog.delete_button.isEnabled()
