"""File ▸ Cards from Document… (or a document dropped on the window): suggested cards, reviewed
beside the document before any is added.

The document is read and the engine run in the worker of `tasks.BackgroundTasks` (the engine gets
only the document's text, never the collection), with a progress dialog that can cancel. Each
suggestion is then accepted or left out, and edited if need be; "Add N cards" stores the document
(unless it is there already) and adds the accepted cards in one undoable step. Closing or cancelling
before that leaves the collection exactly as it was: nothing is stored, not even the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from importlib.util import find_spec
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..authoring.engines import ENGINE_NAMES, engine_named
from ..authoring.model import DEFAULT_CARDS_PER_1000_WORDS, DocumentText, LanguageModelSettings, Suggestion, SuggestionKind
from ..authoring.reading import read_document
from ..collection import Collection
from ..errors import CancelledError, HeatcardsError
from ..model import NoteTypeKind
from ..rendering import cloze_numbers
from .message_line import MessageLine
from .documents_dialog import DocumentTextView
from .list_table_model import ListTableModel
from .tasks import BackgroundTasks

SUGGESTION_COLUMNS = ("Kind", "Front", "Back", "Rule")
MAX_CARDS_PER_1000_WORDS = 200  # the most the number box allows (about one card per sentence)
KIND_COLUMN, FRONT_COLUMN, BACK_COLUMN, RULE_COLUMN = range(len(SUGGESTION_COLUMNS))
ENGINE_LABELS = {
    "rules": "Rules (built in, offline)",
    "spacy": "spaCy (parses each sentence)",
    "llm": "Local language model",
}
_CLOZE_DELETION = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.DOTALL)


def cloze_as_shown(front: str) -> str:
    """A cloze front as the list shows it: each deletion's text in brackets."""
    return _CLOZE_DELETION.sub(r"[\1]", front)


@dataclass
class SuggestedCard:
    """A suggestion as the person left it: accepted or not, and edited or not."""

    suggestion: Suggestion
    accepted: bool = True
    edited: bool = False

    def problem(self) -> str | None:
        """What keeps an edited card from being added, said plainly (None: it can be added)."""
        suggestion = self.suggestion
        if not suggestion.front.strip():
            return "its front is empty"
        if suggestion.kind is SuggestionKind.CLOZE and not cloze_numbers(suggestion.front):
            return "a cloze card needs a {{c1::…}} deletion"
        if suggestion.kind is SuggestionKind.QUESTION and not suggestion.back.strip():
            return "a question card needs an answer"
        return None


class SuggestionTableModel(ListTableModel[SuggestedCard]):
    """The suggestions, best first: kind (checked when accepted), front, back and the rule that made
    it. Front and back can be edited; the edit replaces the suggestion's text and is kept."""

    def __init__(self, parent=None):
        super().__init__(SUGGESTION_COLUMNS, (), parent)

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.set_rows([SuggestedCard(suggestion) for suggestion in suggestions])

    def accepted_suggestions(self) -> list[Suggestion]:
        return [card.suggestion for card in self.rows if card.accepted]

    def set_all_accepted(self, accepted: bool) -> None:
        for card in self.rows:
            card.accepted = accepted
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(SUGGESTION_COLUMNS) - 1))

    def toggle(self, row: int) -> None:
        self.setData(self.index(row, KIND_COLUMN), self.rows[row].accepted is False, Qt.ItemDataRole.CheckStateRole)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:  # Qt's name
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == KIND_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (FRONT_COLUMN, BACK_COLUMN):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # Qt's name
        if not index.isValid():
            return None
        card, column = self.rows[index.row()], index.column()
        suggestion = card.suggestion
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KIND_COLUMN:
                return suggestion.kind.value
            if column == FRONT_COLUMN:
                return cloze_as_shown(suggestion.front) if suggestion.kind is SuggestionKind.CLOZE else suggestion.front
            if column == BACK_COLUMN:
                return suggestion.back
            return f"{suggestion.rule}, edited" if card.edited else suggestion.rule
        if role == Qt.ItemDataRole.EditRole and column in (FRONT_COLUMN, BACK_COLUMN):
            return suggestion.front if column == FRONT_COLUMN else suggestion.back
        if role == Qt.ItemDataRole.CheckStateRole and column == KIND_COLUMN:
            return Qt.CheckState.Checked if card.accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column in (FRONT_COLUMN, BACK_COLUMN):
            return suggestion.front if column == FRONT_COLUMN else suggestion.back
        if role == Qt.ItemDataRole.ForegroundRole and not card.accepted:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and not card.accepted and column in (FRONT_COLUMN, BACK_COLUMN):
            font = QFont(QApplication.font())
            font.setStrikeOut(True)  # left out: plain to see in either theme, whatever the check box looks like
            return font
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # Qt's name
        if not index.isValid():
            return False
        card, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == KIND_COLUMN:
            card.accepted = value is True or Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and column in (FRONT_COLUMN, BACK_COLUMN):
            text = str(value)
            current = card.suggestion.front if column == FRONT_COLUMN else card.suggestion.back
            if text == current:
                return True
            field = "front" if column == FRONT_COLUMN else "back"
            card.suggestion = replace(card.suggestion, **{field: text})
            card.edited = True
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(SUGGESTION_COLUMNS) - 1))
        return True


class GenerateDialog(QDialog):
    """Suggested cards beside their document: accept, edit or leave out each, then add them."""

    changed = Signal(object)  # Changes
    cards_added = Signal(int, str)  # how many notes were added, and to which deck
    _progress_reported = Signal(str, int, int)  # from the worker: stage, done, total

    def __init__(self, collection: Collection, tasks: BackgroundTasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.tasks = tasks
        self.language_model = collection.language_model_settings()  # set in Preferences; None: not offered
        self.document: DocumentText | None = None
        self.document_id: int | None = None  # known when the document is in the collection already
        self._source: Path | DocumentText | None = None  # what the engine works on: a file until it was read
        self._progress: QProgressDialog | None = None
        self._progress_label = ""
        self._showing_problem = False  # the message line tells why an accepted card cannot be added
        self.setWindowTitle("Cards from a document")

        self.heading = QLabel()
        self.heading.setAccessibleName("Document")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        heading_font = self.heading.font()
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.engine_combo = QComboBox()
        self.engine_combo.setAccessibleName("Suggestion engine")
        for name in available_engines(self.language_model):
            model = f" ({self.language_model.model})" if name == "llm" else ""
            self.engine_combo.addItem(ENGINE_LABELS[name] + model, name)
        engine_label = QLabel("&Suggested by")
        engine_label.setBuddy(self.engine_combo)
        self.cap_spin = QSpinBox()
        self.cap_spin.setAccessibleName("At most this many cards per 1,000 words")
        self.cap_spin.setRange(1, MAX_CARDS_PER_1000_WORDS)
        self.cap_spin.setValue(round(DEFAULT_CARDS_PER_1000_WORDS))
        self.cap_spin.setSuffix(" per 1,000 words")
        self.cap_spin.setKeyboardTracking(False)  # suggest again when the number is entered, not at each digit
        cap_label = QLabel("at &most")
        cap_label.setBuddy(self.cap_spin)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(engine_label)
        top.addWidget(self.engine_combo)
        top.addWidget(cap_label)
        top.addWidget(self.cap_spin)

        self.model = SuggestionTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Suggested cards")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(KIND_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FRONT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RULE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.installEventFilter(self)
        keys = QLabel("Space adds or leaves out the card · ↑/↓ next card · F2 edits in place · Ctrl+Enter adds the cards")
        keys.setWordWrap(True)
        keys.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.front_edit = QPlainTextEdit()
        self.front_edit.setTabChangesFocus(True)
        self.back_edit = QPlainTextEdit()
        self.back_edit.setTabChangesFocus(True)
        for edit in (self.front_edit, self.back_edit):
            edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 4)
        self.front_label = QLabel("&Front")
        self.front_label.setBuddy(self.front_edit)
        self.back_label = QLabel("&Back")
        self.back_label.setBuddy(self.back_edit)
        edit_pane = QFormLayout()
        edit_pane.addRow(self.front_label, self.front_edit)
        edit_pane.addRow(self.back_label, self.back_edit)
        cards_side = QWidget()
        cards_layout = QVBoxLayout(cards_side)
        cards_layout.setContentsMargins(0, 0, 0, 0)
        cards_layout.addWidget(self.table, 1)
        cards_layout.addWidget(keys)
        cards_layout.addLayout(edit_pane)
        self.text_view = DocumentTextView()
        self.text_view.setAccessibleName("Document text")
        self.splitter = QSplitter()
        self.splitter.addWidget(cards_side)
        self.splitter.addWidget(self.text_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.deck_combo = QComboBox()
        self.deck_combo.setEditable(True)
        self.deck_combo.setAccessibleName("Deck")
        self.deck_combo.addItems(sorted(deck.name for deck in collection.decks()))
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName("Tags")
        self.tags_edit.setPlaceholderText("separated by spaces")
        self.cloze_combo = QComboBox()
        self.cloze_combo.setAccessibleName("Note type for cloze cards")
        self.question_combo = QComboBox()
        self.question_combo.setAccessibleName("Note type for question cards")
        for notetype in collection.notetypes():
            combo = self.cloze_combo if notetype.kind is NoteTypeKind.CLOZE else self.question_combo
            combo.addItem(notetype.name)
        self.cloze_combo.setCurrentText("Cloze")
        self.question_combo.setCurrentText("Basic")
        options = QGridLayout()
        for row, column, text, widget in (
            (0, 0, "&Deck", self.deck_combo),
            (0, 2, "&Tags", self.tags_edit),
            (1, 0, "C&loze note type", self.cloze_combo),
            (1, 2, "&Question note type", self.question_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            options.addWidget(label, row, column)
            options.addWidget(widget, row, column + 1)
        options.setColumnStretch(1, 1)
        options.setColumnStretch(3, 1)

        self.message = MessageLine()
        self.accept_all_button = QPushButton("&Accept all")
        self.reject_all_button = QPushButton("&Reject all")
        self.add_button = QPushButton()
        self.add_button.setAccessibleName("Add the accepted cards")
        self.add_button.setToolTip("Add the accepted cards in one step; Ctrl+Z in the main window undoes it (Ctrl+Enter)")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Close without adding cards")
        for button in (self.accept_all_button, self.reject_all_button, self.add_button, self.cancel_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_all_button)
        buttons.addWidget(self.reject_all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        for shortcut in ("Ctrl+Return", "Ctrl+Enter"):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(self.add_cards)
            self.addAction(action)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(options)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1100, 700)

        self.accept_all_button.clicked.connect(lambda: self.model.set_all_accepted(True))
        self.reject_all_button.clicked.connect(lambda: self.model.set_all_accepted(False))
        self.add_button.clicked.connect(self.add_cards)
        self.cancel_button.clicked.connect(self.reject)
        self.model.dataChanged.connect(self._on_model_data_changed)
        self.model.modelReset.connect(self._update_add_button)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.front_edit.textChanged.connect(lambda: self._on_edit_text_changed(FRONT_COLUMN, self.front_edit))
        self.back_edit.textChanged.connect(lambda: self._on_edit_text_changed(BACK_COLUMN, self.back_edit))
        self.deck_combo.currentTextChanged.connect(self._update_add_button)
        self.engine_combo.currentIndexChanged.connect(self._on_engine_combo_currentIndexChanged)
        self.cap_spin.valueChanged.connect(self._on_cap_spin_valueChanged)
        self._progress_reported.connect(self._on_progress_reported)
        self._show_card(None)
        self._update_add_button()

    # --- what to make cards from ---------------------------------------------------------------
    def generate_from_file(self, path: Path) -> None:
        """Read `path` and suggest cards from it (both in the worker)."""
        self.document, self.document_id, self._source = None, None, path
        self.heading.setText(path.name)
        self.setWindowTitle(f"Cards from {path.name}")
        self._suggest(path)

    def generate_from_document(self, document_id: int) -> None:
        """Suggest cards from a document the collection holds (more cards from it, or with another engine)."""
        try:
            stored = self.collection.stored_document(document_id)
        except HeatcardsError as error:
            self.message.show_message(str(error), error=True)
            return
        self.document_id = document_id
        self._show_document(stored.document)
        self._suggest(stored.document)

    def _suggest(self, source: Path | DocumentText) -> None:
        engine_name, language_model, cap = self.engine_combo.currentData(), self.language_model, self.cap_spin.value()
        name = source.name if isinstance(source, Path) else source.title
        self._progress_label = f"Suggesting cards from {name}…"
        self.model.set_suggestions([])
        self.message.show_message(None)
        self._set_busy(True)

        def work(cancel) -> tuple[DocumentText, list[Suggestion]]:
            def report(stage: str, done: int, total: int) -> None:
                if cancel.is_set():
                    raise CancelledError("suggesting cards was cancelled")
                self._progress_reported.emit(stage, done, total)

            document = read_document(source) if isinstance(source, Path) else source
            engine = engine_named(engine_name, settings=language_model)
            return document, engine.suggest(document, cards_per_1000_words=cap, progress=report)

        self._progress = self.tasks.run(self, self._progress_label, work, self._on_suggested, self._on_suggest_failed)
        self._progress.canceled.connect(self._on_progress_canceled)

    def _on_progress_reported(self, stage: str, done: int, total: int) -> None:
        if self._progress is None:
            return
        self._progress.setLabelText(f"{self._progress_label}\n{stage.capitalize()}: {done:,} of {total:,}" if total else self._progress_label)
        self._progress.setMaximum(max(total, 0))
        self._progress.setValue(min(done, total))

    def _on_suggested(self, result: tuple[DocumentText, list[Suggestion]]) -> None:
        document, suggestions = result
        self._progress = None
        self._set_busy(False)
        if self.document is None:
            self._show_document(document)
        self.model.set_suggestions(suggestions)
        if suggestions:
            self.table.selectRow(0)
            self.table.setFocus()
        else:
            self.message.show_message(f"No card to suggest from {document.title!r}: no sentence holds a fact the engine can ask about.")

    def _on_suggest_failed(self, error: BaseException) -> None:
        self._progress = None
        self._set_busy(False)
        what = str(error) if isinstance(error, HeatcardsError) else f"{type(error).__name__}: {error}"
        self.message.show_message(f"{what}\nNothing was added.", error=True)

    def _on_progress_canceled(self) -> None:
        self._progress = None
        self._set_busy(False)
        self.message.show_message("Cancelled: no cards were suggested and nothing was added.")

    def _show_document(self, document: DocumentText) -> None:
        self.document = self._source = document
        self.heading.setText(f"{document.title} — {document.file_name}, {document.word_count:,} words")
        self.setWindowTitle(f"Cards from {document.title}")
        self.text_view.show_text(document.text)
        if not self.deck_combo.currentText().strip() or self.deck_combo.findText(self.deck_combo.currentText()) >= 0:
            self.deck_combo.setCurrentText(document.title)

    def _set_busy(self, busy: bool) -> None:
        self.engine_combo.setEnabled(not busy)
        self.cap_spin.setEnabled(not busy)
        self._update_add_button()

    def _on_engine_combo_currentIndexChanged(self, _index: int) -> None:
        self._suggest_again()

    def _on_cap_spin_valueChanged(self, _value: int) -> None:
        self._suggest_again()

    def _suggest_again(self) -> None:
        """Suggest again with the chosen engine and number (after a failure or a cancel, too); edits made so far are dropped."""
        if self._source is not None:
            self._suggest(self._source)

    # --- reviewing the suggestions -----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        """Space on the list accepts or leaves out the current card, whichever column is current."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Space and not event.modifiers():
            current = self.table.currentIndex()
            if current.isValid():
                self.model.toggle(current.row())
            return True
        return super().eventFilter(watched, event)

    def current_row(self) -> int | None:
        current = self.table.currentIndex()
        return current.row() if current.isValid() else None

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_card(current.row() if current.isValid() else None)

    def _show_card(self, row: int | None) -> None:
        """Put the card of `row` in the edit pane and highlight its passage in the document."""
        card = self.model.rows[row] if row is not None else None
        for edit in (self.front_edit, self.back_edit):
            edit.setEnabled(card is not None)
        if card is None:
            for edit in (self.front_edit, self.back_edit):
                edit.blockSignals(True)
                edit.clear()
                edit.blockSignals(False)
            self.text_view.clear_passage()
            return
        cloze = card.suggestion.kind is SuggestionKind.CLOZE
        self.front_label.setText("&Text" if cloze else "&Front")
        self.back_label.setText("&Extra" if cloze else "&Back")
        self.front_edit.setToolTip("Keep one {{c1::…}} deletion: it is what the card asks for" if cloze else "The question")
        self.back_edit.setToolTip("Shown with the answer (optional)" if cloze else "The answer")
        self._load_edit_pane(card.suggestion)
        self.text_view.show_passage(card.suggestion.start, card.suggestion.end)

    def _load_edit_pane(self, suggestion: Suggestion) -> None:
        for edit, text in ((self.front_edit, suggestion.front), (self.back_edit, suggestion.back)):
            if edit.toPlainText() != text:
                edit.blockSignals(True)
                edit.setPlainText(text)
                edit.blockSignals(False)

    def _on_edit_text_changed(self, column: int, edit: QPlainTextEdit) -> None:
        row = self.current_row()
        if row is not None:
            self.model.setData(self.model.index(row, column), edit.toPlainText())

    def _on_model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles=()) -> None:
        row = self.current_row()
        if row is not None and top_left.row() <= row <= bottom_right.row():
            self._load_edit_pane(self.model.rows[row].suggestion)  # an edit made in the list itself
        self._update_add_button()

    def _update_add_button(self) -> None:
        count = len(self.model.accepted_suggestions())
        self.add_button.setText(f"A&dd {count} card{'s' if count != 1 else ''}")
        problem = next(
            (f"Card {row}: {card.problem()}. Mend it or leave the card out." for row, card in enumerate(self.model.rows, 1) if card.accepted and card.problem()),
            None,
        )
        if problem is not None or self._showing_problem:
            self.message.show_message(problem)
            self._showing_problem = problem is not None
        ready = self._progress is None and self.document is not None and problem is None
        self.add_button.setEnabled(ready and count > 0 and bool(self.deck_combo.currentText().strip()))
        for button in (self.accept_all_button, self.reject_all_button):
            button.setEnabled(ready and bool(self.model.rows))

    # --- adding ----------------------------------------------------------------------------------
    def add_cards(self) -> None:
        """Store the document (once) and add the accepted cards to the chosen deck, in one undoable step."""
        if not self.add_button.isEnabled() or self.document is None:
            return
        accepted = self.model.accepted_suggestions()
        deck_name = self.deck_combo.currentText().strip()
        try:
            if self.document_id is None:
                self.document_id, _known = self.collection.add_document(self.document)
            changes = self.collection.add_suggestions(
                self.document_id,
                accepted,
                deck_name=deck_name,
                tags=self.tags_edit.text().split(),
                cloze_notetype=self.cloze_combo.currentText(),
                question_notetype=self.question_combo.currentText(),
            )
        except HeatcardsError as error:
            self.message.show_message(f"{error}", error=True)
            return
        self.changed.emit(changes)
        self.cards_added.emit(len(changes.notes), deck_name)
        self.accept()


def available_engines(language_model: LanguageModelSettings | None) -> list[str]:
    """The engines worth offering: the rules always, spaCy when it is installed, the language model when one is set up."""
    return [
        name
        for name in ENGINE_NAMES
        if name == "rules" or (name == "spacy" and find_spec("spacy") is not None) or (name == "llm" and language_model is not None)
    ]
