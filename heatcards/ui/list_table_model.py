"""The part every flat table of the app shares: one Python object per row under fixed column titles."""
from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")


class ListTableModel(QAbstractTableModel, Generic[Row]):
    """Row and column counts and the column titles of a table over `rows`; subclasses say what a
    cell shows (`data`) and, when it is not the default, what can be done with it (`flags`)."""

    def __init__(self, columns: Sequence[str], rows: Sequence[Row] = (), parent=None):
        super().__init__(parent)
        self.columns = tuple(columns)
        self.rows: list[Row] = list(rows)

    def set_rows(self, rows: Sequence[Row], columns: Sequence[str] | None = None) -> None:
        """Show other rows (and, given, other columns)."""
        self.beginResetModel()
        self.rows = list(rows)
        if columns is not None:
            self.columns = tuple(columns)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # Qt's name
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # Qt's name
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section]
        return None


class TextTableModel(ListTableModel[tuple[str, ...]]):
    """A table of text formatted beforehand, so `data` only looks it up; the columns numbered in
    `right_aligned` (numbers) are aligned right."""

    def __init__(self, columns: Sequence[str] = (), right_aligned: Collection[int] = (), parent=None):
        super().__init__(columns, (), parent)
        self.right_aligned = frozenset(right_aligned)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # Qt's name
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
