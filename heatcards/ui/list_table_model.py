"""The part every flat table of the app shares: one Python object per row under fixed column titles,
shown in a read-only list where one row at a time is chosen."""
from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

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


def choice_table_view(model: QAbstractTableModel, accessible_name: str) -> QTableView:
    """A read-only table of `model` where one whole row at a time is chosen, columns sized to their contents."""
    table = QTableView()
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table
