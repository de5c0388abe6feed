"""File ▸ Documents…: the documents in the collection, each opened read-only with the passages
its cards cite highlighted; cards are generated from one, or it is deleted (its cards stay)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..authoring.model import StoredDocument
from ..collection import Collection
from ..errors import HeatcardsError
from ..model import Changes, DocumentSummary
from .list_table_model import ListTableModel, choice_table_view

DOCUMENT_COLUMNS = ("Title", "File", "Added", "Words", "Notes")  # notes citing the document
MARKED_ALPHA = 90  # how strongly the passages that have cards are tinted (the current one is fully highlighted)


def added_date(added: int) -> str:
    """When a document was added, in the computer's time zone: "Mon 02 Mar 2026"."""
    return datetime.fromtimestamp(added).astimezone().strftime("%a %d %b %Y")


class DocumentTextView(QTextBrowser):
    """A document's plain text, read-only, with passages tinted (`mark_passages`) and one current
    passage highlighted and scrolled into view (`show_passage`). Spans are offsets into the text
    as Python counts characters."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self._text = ""
        self._wide = False  # the text has characters outside the BMP, which Qt counts twice
        self._marked: tuple[tuple[int, int], ...] = ()
        self._current: tuple[int, int] | None = None

    def show_text(self, text: str) -> None:
        self._text = text
        self._wide = len(text.encode("utf-16-le")) != 2 * len(text)
        self._marked, self._current = (), None
        self.setPlainText(text)
        self.setExtraSelections([])

    def mark_passages(self, spans: Sequence[tuple[int, int]]) -> None:
        self._marked = tuple(spans)
        self._update_highlights()

    def show_passage(self, start: int, end: int) -> None:
        """Highlight [start, end) and scroll it to the upper third of the view."""
        self._current = (start, end)
        self._update_highlights()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._position(start))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def clear_passage(self) -> None:
        self._current = None
        self._update_highlights()

    def highlighted_text(self) -> str:
        """The current passage's words (what tests and screen readers check)."""
        return self._text[self._current[0] : self._current[1]] if self._current else ""

    def marked_texts(self) -> list[str]:
        return [self._text[start:end] for start, end in self._marked]

    def _position(self, offset: int) -> int:
        """Qt's position of a Python character offset (Qt counts UTF-16 code units)."""
        offset = max(0, min(offset, len(self._text)))
        return len(self._text[:offset].encode("utf-16-le")) // 2 if self._wide else offset

    def _selection(self, start: int, end: int, char_format: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.document())
        selection.cursor.setPosition(self._position(start))
        selection.cursor.setPosition(self._position(end), QTextCursor.MoveMode.KeepAnchor)
        selection.format = char_format
        return selection

    def _update_highlights(self) -> None:
        palette = self.palette()
        tint = QColor(palette.color(QPalette.ColorRole.Highlight))
        tint.setAlpha(MARKED_ALPHA)
        marked = QTextCharFormat()
        marked.setBackground(tint)
        current = QTextCharFormat()
        current.setBackground(palette.color(QPalette.ColorRole.Highlight))
        current.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        selections = [self._selection(start, end, marked) for start, end in self._marked]
        if self._current is not None:
            selections.append(self._selection(*self._current, current))
        self.setExtraSelections(selections)


class DocumentTableModel(ListTableModel[DocumentSummary]):
    """The collection's documents, oldest first: title, file, when added, words, and the notes citing it."""

    def __init__(self, documents: list[DocumentSummary], parent=None):
        super().__init__(DOCUMENT_COLUMNS, documents, parent)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # Qt's name
        if not index.isValid():
            return None
        document, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(document, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and not document.text_stored:
            return "Known by its title only: it came with a deck that cites it without its text."
        return None

    @staticmethod
    def _text(document: DocumentSummary, column: int) -> str:
        if column == 0:
            return document.title
        if column == 1:
            return document.file_name
        if column == 2:
            return added_date(document.added)
        if column == 3:
            return f"{document.word_count:,}" if document.text_stored else "—"
        return f"{document.note_count:,}"


class DocumentDialog(QDialog):
    """One document, read-only, with the passages its cards cite highlighted."""

    def __init__(self, stored: StoredDocument, parent: QWidget | None = None):
        super().__init__(parent)
        document = stored.document
        self.setWindowTitle(document.title)
        self.setAccessibleName(f"Document {document.title}")
        cited = len(stored.note_spans)
        about = QLabel(
            f"{document.file_name} · {document.word_count:,} words · "
            + (f"{cited} highlighted passage{'s have' if cited != 1 else ' has'} cards" if cited else "no card cites it yet")
        )
        about.setWordWrap(True)
        self.text_view = DocumentTextView()
        self.text_view.setAccessibleName("Document text")
        self.text_view.show_text(document.text)
        self.text_view.mark_passages(stored.note_spans)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)


class DocumentsDialog(QDialog):
    """The documents in the collection; Open, Generate cards… and Delete act on the selected one."""

    changed = Signal(object)  # Changes
    generate_requested = Signal(int)  # document id

    def __init__(self, collection: Collection, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.setWindowTitle("Documents")
        explanation = QLabel(
            "Documents you made cards from. Open shows a document with the passages that have cards "
            "highlighted. Deleting a document keeps its cards; their source then says the document is gone."
        )
        explanation.setWordWrap(True)
        self.model = DocumentTableModel(collection.documents(), self)
        self.table = choice_table_view(self.model, "Documents")
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel("There are no documents yet: File ▸ Cards from Document… (Ctrl+Shift+G) adds one.")
        self.empty_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton("&Open", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setAccessibleName("Open the selected document")
        self.generate_button = buttons.addButton("&Generate cards…", QDialogButtonBox.ButtonRole.ActionRole)
        self.generate_button.setAccessibleName("Generate cards from the selected document")
        self.delete_button = buttons.addButton("&Delete…", QDialogButtonBox.ButtonRole.ActionRole)
        self.delete_button.setAccessibleName("Delete the selected document")
        self.open_button.clicked.connect(self.open_document)
        self.generate_button.clicked.connect(self._on_generate_button_clicked)
        self.delete_button.clicked.connect(self.delete_document)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.open_button.setDefault(True)  # once in the dialog, which keeps track of its default button
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(self.open_document)  # Enter opens it too: Open is the default button
        self.resize(720, 420)
        self._select_row(next((row for row, document in enumerate(self.model.rows) if document.text_stored), 0))
        self.table.setFocus()

    def refresh(self, changes: Changes | None = None) -> None:
        """List the documents again (notes were added, deleted or undone), keeping the selection.
        Changes to cards alone (an answer, a flag) leave the list as it is."""
        if changes is not None and not (changes.notes or changes.decks):
            return
        chosen = self.chosen_document()
        self.model.set_rows(self.collection.documents())
        ids = [document.id for document in self.model.rows]
        self._select_row(ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0)

    def chosen_document(self) -> DocumentSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def open_document(self) -> None:
        chosen = self.chosen_document()
        if chosen is None or not chosen.text_stored:
            return
        try:
            stored = self.collection.stored_document(chosen.id)
        except HeatcardsError as error:
            QMessageBox.warning(self, "Open document", str(error))
            return
        viewer = DocumentDialog(stored, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()

    def delete_document(self) -> None:
        chosen = self.chosen_document()
        if chosen is None:
            return
        cards = f"Its {chosen.note_count} note{'s' if chosen.note_count != 1 else ''} stay" if chosen.note_count else "No note cites it"
        answer = QMessageBox.question(
            self,
            "Delete document",
            f"Delete the document {chosen.title!r}?\n\n{cards}; their source will say the document is gone. "
            "Ctrl+Z cannot bring the document back, but a backup is made first.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            changes = self.collection.delete_document(chosen.id)
        except HeatcardsError as error:
            QMessageBox.warning(self, "Delete document", str(error))
            return
        self.refresh()
        self.changed.emit(changes)

    def _on_generate_button_clicked(self) -> None:
        chosen = self.chosen_document()
        if chosen is not None and chosen.text_stored:
            self.generate_requested.emit(chosen.id)

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
        self._on_table_selection_changed()

    def _on_table_selection_changed(self, *_args) -> None:
        chosen = self.chosen_document()
        self.empty_label.setVisible(not self.model.rows)
        readable = chosen is not None and chosen.text_stored
        self.open_button.setEnabled(readable)
        self.generate_button.setEnabled(readable)
        self.delete_button.setEnabled(chosen is not None)
