"""A line under a setting or a form that says what is wrong with it (deck options, import, generate)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget


class MessageLine(QWidget):
    """An icon and a sentence under a setting: a warning, or an error that blocks saving. Hidden when empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.is_error = False
        self.hide()

    def show_message(self, message: str | None, *, error: bool = False) -> None:
        self.is_error = bool(message) and error
        if not message:
            self.text.clear()
            self.hide()
            return
        kind = QStyle.StandardPixmap.SP_MessageBoxCritical if error else QStyle.StandardPixmap.SP_MessageBoxWarning
        size = self.fontMetrics().height()
        self.icon.setPixmap(self.style().standardIcon(kind).pixmap(size, size))
        self.text.setText(message)
        self.text.setAccessibleName("Error" if error else "Warning")
        self.show()
