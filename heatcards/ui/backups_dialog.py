"""Choosing a backup to put back: Preferences ▸ Backups ▸ Restore…, and the offer made when the
collection cannot be opened because its file is damaged.

The list is `Backups.list()` (the counts come from each file's header); putting one back is
`Backups.restore`, which first backs up the collection as it is now. Restoring needs the
collection closed, so the dialogs only choose: the main window (or, at start, `app.run`) closes,
restores and opens again.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..backups import BackupInfo, Backups
from ..clock import Clock
from ..errors import HeatcardsError
from .list_table_model import ListTableModel, choice_table_view

BACKUP_COLUMNS = ("Made", "Cards", "Notes", "Reviews", "Size", "Why")
DAMAGED = "damaged: cannot be restored"
_COUNT_COLUMNS = {1: "cards", 2: "notes", 3: "reviews"}


def local_time(created: datetime) -> str:
    """When a backup was made, in the computer's time zone: "Mon 02 Mar 2026, 13:00"."""
    return created.astimezone().strftime("%a %d %b %Y, %H:%M")


def readable_size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(size / 1e3, 0.1):.1f} kB"


def describe_backup(backup: BackupInfo) -> str:
    """One line about a backup that can be restored: when, why, and what it holds."""
    return (
        f"{local_time(backup.created)} ({backup.reason}): {backup.cards:,} cards, "
        f"{backup.notes:,} notes, {backup.reviews:,} reviews"
    )


def is_restorable(backup: BackupInfo) -> bool:
    """Whether the header could be read; a backup whose header is damaged is listed but never offered."""
    return backup.cards is not None


class BackupTableModel(ListTableModel[BackupInfo]):
    """The backups, newest first: when (local time), what they hold, how big, why made."""

    def __init__(self, backups: list[BackupInfo], parent=None):
        super().__init__(BACKUP_COLUMNS, backups, parent)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:  # Qt's name
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if is_restorable(self.rows[index.row()]):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags  # shown greyed, passed over by the keys, never chosen

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # Qt's name
        if not index.isValid():
            return None
        backup, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(backup, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= column <= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        return None

    @staticmethod
    def _text(backup: BackupInfo, column: int) -> str:
        if column == 0:
            return local_time(backup.created)
        if column == 4:
            return readable_size(backup.size)
        if not is_restorable(backup):
            return DAMAGED if column == 5 else "—"
        if column == 5:
            return backup.reason
        return f"{getattr(backup, _COUNT_COLUMNS[column]):,}"


class RestoreDialog(QDialog):
    """The backups of the collection; Restore puts the chosen one back (after asking)."""

    restore_chosen = Signal(object)  # Path of the backup

    def __init__(self, backups: list[BackupInfo], folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore a backup")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        explanation = QLabel(
            f"Backups in {folder}, newest first. Restoring puts the chosen backup in the place of the "
            "collection; the collection as it is now is backed up first (\u201cbefore restore\u201d), "
            "so you can go back to it. Media files are not in backups and stay as they are."
        )
        explanation.setWordWrap(True)
        self.model = BackupTableModel(backups, self)
        self.table = choice_table_view(self.model, "Backups")
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty_label = QLabel("There are no backups yet: Back up now makes one.")
        self.empty_label.setVisible(not backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton("&Restore…", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setAccessibleName("Restore the chosen backup")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close without restoring")
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.activated.connect(self._on_table_activated)
        self.resize(720, 420)
        first = next((row for row, backup in enumerate(backups) if is_restorable(backup)), None)
        if first is not None:
            self.table.selectRow(first)
        self.table.setFocus()

    def chosen_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _on_table_selection_changed(self, _selected, _deselected) -> None:
        self.restore_button.setEnabled(self.chosen_backup() is not None)

    def _on_table_activated(self, _index: QModelIndex) -> None:
        if self.restore_button.isEnabled():
            self._on_restore_button_clicked()

    def _on_restore_button_clicked(self) -> None:
        backup = self.chosen_backup()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            "Restore a backup",
            f"Restore the backup of {describe_backup(backup)}?\n\n"
            "The collection as it is now is backed up first. Every open window closes; "
            "edits in them are saved before the backup is made.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()
            self.restore_chosen.emit(backup.path)


class DamagedCollectionDialog(QMessageBox):
    """The collection file is damaged: restore the newest good backup, or quit."""

    def __init__(self, problem: str, backup: BackupInfo, parent: QWidget | None = None):
        super().__init__(QMessageBox.Icon.Critical, "heatcards: the collection is damaged", problem, parent=parent)
        self.setInformativeText(
            f"The newest good backup is from {describe_backup(backup)}. Restore it? "
            "The damaged file is kept in the backups folder, not deleted."
        )
        self.restore_button = self.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button)


def restore_after_damage(collection_path: Path, error: HeatcardsError) -> bool:
    """Offer the good backups of a damaged collection, newest first, until one is restored (True)
    or the person quits (False). A backup that turns out damaged is said so, and the next one offered."""
    backups = Backups(collection_path, Clock())
    problem = str(error)
    try:
        candidates = [backup for backup in backups.list() if is_restorable(backup)]
    except HeatcardsError as failure:
        candidates, problem = [], f"{problem}\n\n{failure}"
    for backup in candidates:
        dialog = DamagedCollectionDialog(problem, backup)
        dialog.exec()
        if dialog.clickedButton() is not dialog.restore_button:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backups.restore(backup.path)
            return True
        except HeatcardsError as failure:
            problem = f"{problem}\n\n{failure}"
        finally:
            QApplication.restoreOverrideCursor()
    QMessageBox.critical(None, "heatcards: the collection is damaged", f"{problem}\n\nThere is no good backup in {backups.folder}.")
    return False
