"""Tools ▸ Check Database: what `Collection.check` finds, one line per problem, and Repair.

The check reads the collection through its SQLite connection, which belongs to the UI thread,
so it runs there, under a busy progress dialog (a collection of 10,000 notes takes a few seconds;
docs/backups-and-check.md has the figures). Repair backs the collection up first (the core does)
and says what it repaired and what is left. Media files are only ever listed: deleting an unused
one is the person's decision, and a missing one only the person can put back.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from ..checking import CheckReport, is_damaged
from ..collection import Collection
from ..errors import HeatcardsError
from ..storage.check import counted


class CheckDatabaseDialog(QDialog):
    """Run `check()` to look; the Repair button repairs what can be repaired."""

    changed = Signal(object)  # Changes, after a repair

    def __init__(self, collection: Collection, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.setWindowTitle("Check Database")
        self.summary = QLabel()
        self.summary.setAccessibleName("Summary of the check")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings = QListWidget()
        self.findings.setAccessibleName("Problems found")
        self.findings.setWordWrap(True)
        self.findings.setSpacing(3)
        self.findings.setAlternatingRowColors(True)
        self.findings.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.findings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.repair_button = buttons.addButton("&Repair", QDialogButtonBox.ButtonRole.ActionRole)
        self.repair_button.setAccessibleName("Repair the problems")
        self.repair_button.setToolTip("Back up the collection, then repair every problem that can be repaired")
        self.repair_button.setEnabled(False)
        self.repair_button.clicked.connect(self._on_repair_button_clicked)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close the check")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.findings, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def check(self) -> None:
        """Look for problems and show them; nothing is changed."""
        report = self._busy("Checking the collection…", self.collection.check)
        if report is not None:
            self._show_findings(report)

    def _on_repair_button_clicked(self) -> None:
        report = self._busy("Backing up, then repairing…", lambda: self.collection.check(repair=True))
        if report is not None:
            self._show_repairs(report)
            self.changed.emit(report.changes)

    def _busy(self, label: str, operation: Callable[[], CheckReport]) -> CheckReport | None:
        """Run `operation` under a busy progress dialog; its error is shown in the summary."""
        progress = QProgressDialog(label, "", 0, 0, self)
        progress.setWindowTitle("Check Database")
        progress.setCancelButton(None)  # SQLite cannot be interrupted halfway through a check
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()
        progress.setValue(0)  # paints it before the work holds the UI thread
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return operation()
        except HeatcardsError as error:
            self.summary.setText(f"The check did not finish: {error}")
            self.repair_button.setEnabled(False)
            return None
        finally:
            QApplication.restoreOverrideCursor()
            progress.reset()
            progress.deleteLater()

    def _show_findings(self, report: CheckReport) -> None:
        findings = report.findings
        repairable = [f for f in findings if f.repairable]
        if not findings:
            summary = "No problems found."
        elif is_damaged(findings):
            summary = (
                "The collection file is damaged, so nothing else was checked and nothing can be repaired. "
                "Restore the newest good backup: Preferences ▸ Backups ▸ Restore…"
            )
        elif repairable:
            which = f"{len(repairable)} of them" if len(repairable) < len(findings) else "it" if len(findings) == 1 else "them"
            summary = (
                f"{counted(len(findings), 'problem', 'problems')} found. Repair mends {which} after backing up "
                "the collection; media files are listed, never deleted."
            )
        else:
            summary = f"{counted(len(findings), 'problem', 'problems')} found; none can be repaired here: each line says what to do."
        self.summary.setText(summary)
        self._list([f.message for f in findings])
        self.repair_button.setEnabled(bool(repairable))  # a damaged file is never repairable

    def _show_repairs(self, report: CheckReport) -> None:
        if report.backup is None:
            self.summary.setText("Nothing was repaired.")
        else:
            self.summary.setText(
                f"Backed up to {report.backup.path.name}, then repaired {len(report.repaired)} of "
                f"{counted(len(report.findings), 'problem', 'problems')}. A repair cannot be undone with "
                "Ctrl+Z: restoring that backup is the way back."
            )
        self._list(
            [f"Repaired: {f.message}" for f in report.repaired] + [f"Still there: {f.message}" for f in report.remaining]
        )
        self.repair_button.setEnabled(False)

    def _list(self, lines: list[str]) -> None:
        self.findings.clear()
        for line in lines:
            self.findings.addItem(QListWidgetItem(line))
