"""The passage of a document a card was made from, with the card's span highlighted."""
from __future__ import annotations

from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..model import SourcePassage, SourceStatus


class SourceDialog(QDialog):
    def __init__(self, passage: SourcePassage, parent: QWidget | None = None):
        super().__init__(parent)
        self.passage = passage
        self.setWindowTitle("Source of this card")
        self.setAccessibleName("Source of this card")
        self.title_label = QLabel()
        self.title_label.setAccessibleName("Document")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.message_label = QLabel()
        self.message_label.setAccessibleName("About this passage")
        self.message_label.setWordWrap(True)
        self.text_view = QTextBrowser()
        self.text_view.setAccessibleName("Passage")
        self.text_view.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(buttons)
        self.resize(560, 360)
        self._show(passage)

    def _show(self, passage: SourcePassage) -> None:
        where = f"paragraph {passage.paragraph}" if passage.paragraph is not None else ""
        if passage.status is SourceStatus.DOCUMENT_DELETED:
            self.title_label.setText("The document is gone")
            self.message_label.setText(
                "This card was made from a document that has since been deleted from the collection, "
                "so its passage cannot be shown."
            )
            self.text_view.hide()
            return
        self.title_label.setText(passage.document_title + (f" — {where}" if where else ""))
        if passage.status is SourceStatus.TEXT_NOT_STORED:
            self.message_label.setText(
                "This collection knows this document by its title only: its text was not stored "
                "(bundled decks cite their articles without including them), so the passage cannot be shown."
            )
            self.text_view.hide()
            return
        if not passage.text:
            self.message_label.setText("The note cites the document as a whole, not a passage of it.")
            self.text_view.hide()
            return
        self.text_view.setPlainText(passage.text)
        if passage.span_start is None or passage.span_end is None:
            self.message_label.setText("The note cites this paragraph as a whole.")
            return
        self.message_label.setText("The highlighted words are what the card is about.")
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(passage.span_start)
        cursor.setPosition(passage.span_end, QTextCursor.MoveMode.KeepAnchor)
        highlight = QTextCharFormat()
        highlight.setBackground(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setForeground(self.palette().color(QPalette.ColorRole.HighlightedText))
        cursor.mergeCharFormat(highlight)
        cursor.setPosition(passage.span_start)
        self.text_view.setTextCursor(cursor)
        self.text_view.ensureCursorVisible()

    def highlighted_text(self) -> str:
        """The words shown highlighted (what tests and screen readers check)."""
        if self.passage.span_start is None or not self.text_view.isVisibleTo(self):
            return ""
        return self.text_view.toPlainText()[self.passage.span_start : self.passage.span_end]
