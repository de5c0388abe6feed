"""The deck list: a tree of decks (Parent::Child) with today's new / learning / due counts."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..model import DeckCounts, QueueCounts

DECK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Deck", "New", "Learn", "Due")


@dataclass
class _Node:
    deck_id: int
    name: str  # the leaf name shown in the tree
    counts: QueueCounts
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def row(self) -> int:
        siblings = self.parent.children if self.parent is not None else []
        return siblings.index(self)


class DeckTreeModel(QAbstractItemModel):
    """Rebuilt when decks change; counts alone are updated in place (dataChanged over the count columns)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._root = _Node(0, "", QueueCounts())
        self._by_id: dict[int, _Node] = {}
        self._names: tuple[str, ...] = ()
        self.count_colours: tuple[QColor, QColor, QColor] | None = None  # new, learning, review; set by the view

    # --- filling ------------------------------------------------------------
    def set_decks(self, deck_counts: list[DeckCounts]) -> None:
        names = tuple(entry.deck.name for entry in deck_counts)
        if names == self._names:
            self._update_counts(deck_counts)
            return
        self.beginResetModel()
        self._root = _Node(0, "", QueueCounts())
        self._by_id = {}
        by_name: dict[str, _Node] = {}
        for entry in sorted(deck_counts, key=lambda e: [part.casefold() for part in e.deck.name.split("::")]):
            parent_name = entry.deck.name.rpartition("::")[0]
            parent = by_name.get(parent_name, self._root)
            node = _Node(entry.deck.id, entry.deck.leaf_name, entry.counts, parent)
            parent.children.append(node)
            by_name[entry.deck.name] = node
            self._by_id[entry.deck.id] = node
        self._names = names
        self.endResetModel()

    def _update_counts(self, deck_counts: list[DeckCounts]) -> None:
        for entry in deck_counts:
            node = self._by_id[entry.deck.id]
            if node.counts != entry.counts:
                node.counts = entry.counts
                self.dataChanged.emit(
                    self.createIndex(node.row(), 1, node), self.createIndex(node.row(), len(COLUMNS) - 1, node)
                )

    def index_of_deck(self, deck_id: int) -> QModelIndex:
        node = self._by_id.get(deck_id)
        return QModelIndex() if node is None else self.createIndex(node.row(), 0, node)

    def counts_of(self, deck_id: int) -> QueueCounts | None:
        node = self._by_id.get(deck_id)
        return None if node is None else node.counts

    # --- QAbstractItemModel ---------------------------------------------------
    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._node(parent).children
        return self.createIndex(row, column, children[row]) if row < len(children) else QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()):  # Qt overload
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        column = index.column()
        if role == DECK_ID_ROLE:
            return node.deck_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return node.name
            return str((node.counts.new, node.counts.learning, node.counts.review)[column - 1])
        if role == Qt.ItemDataRole.ForegroundRole and column > 0 and self.count_colours is not None:
            return self.count_colours[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
