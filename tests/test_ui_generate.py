"""File ▸ Cards from Document… and documents dropped on the window, driven by keys and clicks: the
suggestions beside their document, accepting, leaving out and editing them, adding them in one
undoable step, cancelling, and documents that cannot be read. A fake engine with fixed suggestions
keeps these tests apart from the rules engine's tuning; one test runs the real rules engine."""
from __future__ import annotations

import threading
import time
from importlib.util import find_spec
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from heatcards.authoring.model import (
    DEFAULT_CARDS_PER_1000_WORDS,
    DocumentText,
    LanguageModelSettings,
    Progress,
    Suggestion,
    SuggestionKind,
)
from heatcards.model import SourceLink
from heatcards.ui import generate_dialog
from heatcards.ui.generate_dialog import BACK_COLUMN, FRONT_COLUMN, RULE_COLUMN, GenerateDialog, cloze_as_shown
from heatcards.ui.main_window import MainWindow
from tests.windows import open_main_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton
TEXT = (
    "Heat\n\n"
    "Heat is a crime film released in 1995.\n\n"
    "Michael Mann wrote and directed Heat. The film was shot in Los Angeles over 107 days.\n"
)
CARDS = (  # the sentence, and the card the fake engine makes from it
    ("Heat is a crime film released in 1995.", SuggestionKind.CLOZE, "Heat is a crime film released in {{c1::1995}}.", "", "cloze:year"),
    ("Michael Mann wrote and directed Heat.", SuggestionKind.QUESTION, "Who wrote and directed Heat?", "Michael Mann", "question:who"),
    ("The film was shot in Los Angeles over 107 days.", SuggestionKind.CLOZE, "The film was shot in Los Angeles over {{c1::107 days}}.", "", "cloze:duration"),
)


class FakeEngine:
    """The same three suggestions for TEXT every time, reporting progress after each."""

    name = "rules"

    def suggest(
        self, document: DocumentText, *, cards_per_1000_words: float = DEFAULT_CARDS_PER_1000_WORDS, progress: Progress | None = None
    ) -> list[Suggestion]:
        suggestions = []
        for number, (sentence, kind, front, back, rule) in enumerate(CARDS, 1):
            start = document.text.index(sentence)
            answer = back or front.split("{{c1::")[1].split("}}")[0]
            suggestions.append(Suggestion(kind, front, back, answer, start, start + len(sentence), rule, 1.0 / number))
            if progress is not None:
                progress("suggesting cards", number, len(CARDS))
        return suggestions


class EndlessEngine:
    """Keeps reporting progress until the progress callback stops it (or 30 s pass); `stopped` is set when it ends."""

    name = "rules"

    def __init__(self):
        self.stopped = threading.Event()

    def suggest(
        self, document: DocumentText, *, cards_per_1000_words: float = DEFAULT_CARDS_PER_1000_WORDS, progress: Progress | None = None
    ) -> list[Suggestion]:
        try:
            for done in range(3000):
                progress("reading sentences", done, 3000)
                time.sleep(0.01)
            return FakeEngine().suggest(document)
        finally:
            self.stopped.set()


@pytest.fixture
def fake_engine(monkeypatch):
    """The engines the dialog asked for, as (name, options); each gets a FakeEngine."""
    asked = []

    def engine_named(name, **options):
        asked.append((name, options))
        return FakeEngine()

    monkeypatch.setattr(generate_dialog, "engine_named", engine_named)
    return asked


@pytest.fixture
def window(qtbot, collection, tmp_path):
    return open_main_window(qtbot, collection, tmp_path)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "heat.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def opened(qtbot) -> GenerateDialog:
    """The generate dialog once it is on screen and active, as a person would see it."""
    qtbot.waitUntil(lambda: any(isinstance(w, GenerateDialog) and w.isVisible() for w in QApplication.topLevelWidgets()), timeout=10_000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, GenerateDialog) and w.isVisible())
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def suggested(qtbot, dialog: GenerateDialog, count: int = len(CARDS)) -> GenerateDialog:
    qtbot.waitUntil(lambda: dialog.model.rowCount() == count, timeout=10_000)
    return dialog


def column(dialog: GenerateDialog, number: int) -> list[str]:
    return [dialog.model.index(row, number).data() for row in range(dialog.model.rowCount())]


def add_button_text(dialog: GenerateDialog) -> str:
    return dialog.add_button.text().replace("&", "")


def drop(window: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier))


def test_cloze_deletions_are_shown_in_brackets():
    assert cloze_as_shown("Heat ({{c1::1995}}) was directed by {{c1::Michael Mann::who}}.") == "Heat ([1995]) was directed by [Michael Mann]."


# --- reviewing and adding ---------------------------------------------------------------------------
def test_suggestions_beside_the_document_are_reviewed_by_keys_and_added_in_one_undoable_step(
    window, collection, qtbot, monkeypatch, article, fake_engine, qtmodeltester
):
    chosen = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: chosen.append(args[-1]) or (str(article), ""))
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL | SHIFT)
    dialog = suggested(qtbot, opened(qtbot))
    assert "*.txt" in chosen[0] and "*.pdf" in chosen[0]
    assert fake_engine == [("rules", {"settings": None})]
    qtmodeltester.check(dialog.model)
    assert column(dialog, FRONT_COLUMN) == [
        "Heat is a crime film released in [1995].",
        "Who wrote and directed Heat?",
        "The film was shot in Los Angeles over [107 days].",
    ]
    assert column(dialog, BACK_COLUMN) == ["", "Michael Mann", ""]
    assert dialog.heading.text() == "Heat — heat.txt, 25 words"
    assert dialog.text_view.toPlainText() == TEXT.strip()
    assert dialog.text_view.highlighted_text() == "Heat is a crime film released in 1995."
    assert dialog.deck_combo.currentText() == "Heat"  # the document's title
    assert add_button_text(dialog) == "Add 3 cards"
    assert dialog.table.hasFocus()

    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.text_view.highlighted_text() == "Michael Mann wrote and directed Heat."
    assert (dialog.front_label.text(), dialog.front_edit.toPlainText()) == ("&Front", "Who wrote and directed Heat?")
    assert dialog.back_edit.toPlainText() == "Michael Mann"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert [card.accepted for card in dialog.model.rows] == [True, False, True]
    assert add_button_text(dialog) == "Add 2 cards"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert add_button_text(dialog) == "Add 3 cards"

    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.text_view.highlighted_text() == "The film was shot in Los Angeles over 107 days."
    assert dialog.front_label.text() == "&Text"
    dialog.front_edit.setFocus()
    qtbot.keyClick(dialog.front_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.front_edit, "Heat was shot over {{c1::107 days}}.")
    assert dialog.model.index(2, FRONT_COLUMN).data() == "Heat was shot over [107 days]."
    assert dialog.model.index(2, RULE_COLUMN).data() == "cloze:duration, edited"

    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up)
    assert dialog.front_edit.toPlainText() == "Who wrote and directed Heat?"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.front_edit.toPlainText() == "Heat was shot over {{c1::107 days}}."  # the edit was kept

    qtbot.mouseClick(dialog.reject_all_button, LEFT)
    assert add_button_text(dialog) == "Add 0 cards" and not dialog.add_button.isEnabled()
    qtbot.mouseClick(dialog.accept_all_button, LEFT)
    assert add_button_text(dialog) == "Add 3 cards" and dialog.add_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the year card is left out
    qtmodeltester.check(dialog.model)

    dialog.deck_combo.setFocus()
    qtbot.keyClick(dialog.deck_combo.lineEdit(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.deck_combo.lineEdit(), "Films::Heat")
    qtbot.keyClicks(dialog.tags_edit, "heat film")
    with qtbot.waitSignal(window.collection_changed):
        qtbot.keyClick(dialog.tags_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [document] = collection.documents()
    assert (document.title, document.file_name, document.note_count) == ("Heat", "heat.txt", 2)
    notes = sorted(collection.store.notes(collection.find_notes('"deck:Films::Heat" tag:heat tag:film')).values(), key=lambda n: n.source.start)
    mann, shot = TEXT.index("Michael Mann"), TEXT.index("The film was shot")
    assert [note.fields[:2] for note in notes] == [
        ("Who wrote and directed Heat?", "Michael Mann"),
        ("Heat was shot over {{c1::107 days}}.", ""),
    ]
    assert [note.source for note in notes] == [
        SourceLink(document.id, mann, mann + len("Michael Mann wrote and directed Heat."), 3),
        SourceLink(document.id, shot, shot + len("The film was shot in Los Angeles over 107 days."), 3),
    ]
    assert window.current_deck_id() == collection.deck_named("Films::Heat").id  # the deck list shows the new deck
    assert "Added 2 cards to Films::Heat" in window.statusBar().currentMessage()

    window.activateWindow()  # back in the main window, as a click on it does
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert collection.find_notes("") == []
    assert "add cards from document" in window.statusBar().currentMessage()


def test_editing_in_the_list_and_a_cloze_without_deletion_blocks_adding_until_mended(window, collection, qtbot, article, fake_engine):
    window.open_generate(article)
    dialog = suggested(qtbot, opened(qtbot))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)  # the front column
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, "Heat came out in 1995.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.front_edit.toPlainText() == "Heat came out in 1995.")  # the edit pane follows the list
    assert dialog.message.text.text() == "Card 1: a cloze card needs a {{c1::…}} deletion. Mend it or leave the card out."
    assert not dialog.add_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert not dialog.message.isVisible() and add_button_text(dialog) == "Add 2 cards"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    dialog.front_edit.setFocus()
    qtbot.keyClick(dialog.front_edit, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.front_edit, " {{c1::Michael Mann}} directed it.")
    assert not dialog.message.isVisible() and add_button_text(dialog) == "Add 3 cards"
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert not dialog.isVisible()
    assert collection.store.notes(collection.find_notes('"came out"')).popitem()[1].fields[0] == (
        "Heat came out in 1995. {{c1::Michael Mann}} directed it."
    )


def test_the_engine_is_chosen_and_the_language_model_is_the_saved_one(collection, qtbot, tmp_path, article, fake_engine):
    saved = LanguageModelSettings("http://127.0.0.1:9", "tiny-model")
    collection.set_language_model_settings(saved)
    window = open_main_window(qtbot, collection, tmp_path, active=False)
    window.open_generate(article)
    dialog = suggested(qtbot, opened(qtbot))
    engines = [dialog.engine_combo.itemData(row) for row in range(dialog.engine_combo.count())]
    assert engines == ["rules", *(["spacy"] if find_spec("spacy") else []), "llm"]
    assert dialog.engine_combo.itemText(len(engines) - 1) == "Local language model (tiny-model)"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    dialog.engine_combo.setFocus()
    qtbot.keyClick(dialog.engine_combo, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: len(fake_engine) == 2)
    suggested(qtbot, dialog)
    assert fake_engine[1] == ("llm", {"settings": saved})
    assert all(card.accepted for card in dialog.model.rows)  # new suggestions, reviewed afresh
    assert dialog.text_view.highlighted_text() == "Heat is a crime film released in 1995."


def test_the_number_of_cards_per_1000_words_is_asked_for_again_when_changed(window, qtbot, article, fake_engine, monkeypatch):
    caps = []
    real_suggest = FakeEngine.suggest

    def suggest(self, document, *, cards_per_1000_words=DEFAULT_CARDS_PER_1000_WORDS, progress=None):
        caps.append(cards_per_1000_words)
        return real_suggest(self, document, cards_per_1000_words=cards_per_1000_words, progress=progress)

    monkeypatch.setattr(FakeEngine, "suggest", suggest)
    window.open_generate(article)
    dialog = suggested(qtbot, opened(qtbot))
    assert caps == [DEFAULT_CARDS_PER_1000_WORDS] and dialog.cap_spin.value() == DEFAULT_CARDS_PER_1000_WORDS
    dialog.cap_spin.setFocus()
    qtbot.keyClick(dialog.cap_spin, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.cap_spin, "15")
    assert caps == [DEFAULT_CARDS_PER_1000_WORDS]  # not at each digit
    qtbot.keyClick(dialog.cap_spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: caps == [DEFAULT_CARDS_PER_1000_WORDS, 15] and dialog.model.rowCount() == len(CARDS))
    qtbot.keyClick(dialog.cap_spin, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: caps[-1] == 16 and dialog.model.rowCount() == len(CARDS))


def test_without_a_saved_language_model_it_is_not_offered(window, qtbot, article, fake_engine):
    window.open_generate(article)
    dialog = suggested(qtbot, opened(qtbot))
    assert "llm" not in [dialog.engine_combo.itemData(row) for row in range(dialog.engine_combo.count())]


def test_a_document_that_cannot_be_read_says_why_and_adds_nothing(window, collection, qtbot, tmp_path, fake_engine):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    window.open_generate(empty)
    dialog = opened(qtbot)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.is_error
    assert dialog.message.text.text() == f"cannot read {empty}: the file is empty\nNothing was added."
    assert not dialog.add_button.isEnabled() and dialog.model.rowCount() == 0
    assert fake_engine == []  # no engine was asked
    assert collection.documents() == [] and collection.find_notes("") == []


def test_cancelling_while_cards_are_suggested_adds_nothing(window, collection, qtbot, article, monkeypatch):
    engine = EndlessEngine()
    monkeypatch.setattr(generate_dialog, "engine_named", lambda name, **options: engine)
    window.open_generate(article)
    qtbot.waitUntil(lambda: any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()), timeout=10_000)
    progress = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())
    qtbot.waitUntil(lambda: "Reading sentences:" in progress.labelText())
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, GenerateDialog))
    qtbot.mouseClick(next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel"), LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.text.text() == "Cancelled: no cards were suggested and nothing was added."
    assert dialog.model.rowCount() == 0 and not dialog.add_button.isEnabled()
    qtbot.waitUntil(engine.stopped.is_set, timeout=5_000)  # at its next progress report, not after 30 s
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert not dialog.isVisible()
    assert collection.documents() == [] and collection.find_notes("") == []


def test_closing_with_suggestions_shown_adds_nothing(window, collection, qtbot, article, fake_engine):
    window.open_generate(article)
    dialog = suggested(qtbot, opened(qtbot))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert collection.documents() == [] and collection.find_notes("") == []


def test_a_dropped_document_opens_the_dialog_and_other_files_are_imported(window, qtbot, tmp_path, fake_engine):
    markdown = tmp_path / "heat.md"
    markdown.write_text("# Heat\n\n" + TEXT.split("\n\n", 1)[1], encoding="utf-8")
    drop(window, markdown)
    dialog = suggested(qtbot, opened(qtbot))
    assert dialog.windowTitle() == "Cards from Heat"
    assert dialog.text_view.highlighted_text() == "Heat is a crime film released in 1995."


def test_more_cards_from_a_document_in_the_collection_cite_the_same_document(window, collection, qtbot, article, fake_engine):
    window.open_generate(article)
    dialog = suggested(qtbot, opened(qtbot))
    qtbot.mouseClick(dialog.add_button, LEFT)
    [document] = collection.documents()
    window.open_generate(document.id)
    again = suggested(qtbot, opened(qtbot))
    assert again is not dialog and again.heading.text() == "Heat — heat.txt, 25 words"
    qtbot.mouseClick(again.add_button, LEFT)
    [document] = collection.documents()
    assert document.note_count == 6
    assert {note.source.document_id for note in collection.store.notes(collection.find_notes("")).values()} == {document.id}


def test_the_rules_engine_suggests_cards_whose_passages_are_highlighted(window, qtbot, tmp_path):
    pytest.importorskip("heatcards.authoring.rules", reason="the rules engine (issue 6, part B) has not landed")
    path = tmp_path / "mann.txt"
    path.write_text(
        "Michael Mann\n\nMichael Mann was born in Chicago in 1943. He studied English at the University of Wisconsin. "
        "In 1995 Mann wrote and directed Heat, which earned $187 million worldwide. "
        "The film runs for 170 minutes.\n",
        encoding="utf-8",
    )
    window.open_generate(path)
    dialog = opened(qtbot)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    text = path.read_text(encoding="utf-8").strip()
    for row, card in enumerate(dialog.model.rows):
        dialog.table.selectRow(row)
        assert dialog.text_view.highlighted_text() == text[card.suggestion.start : card.suggestion.end]
        assert card.suggestion.answer in dialog.text_view.highlighted_text()
