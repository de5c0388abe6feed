"""The browser: search, a lazily filled table of cards or notes, a side panel, an editor, bulk actions.

The table model holds only the list of ids a search returned (sorted in SQL); rows are
read from the collection in batches as they scroll into view, so 100k cards open at once.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..browsing import (
    COLUMNS,
    COLUMNS_BY_KEY,
    DEFAULT_COLUMNS,
    RENDERED_COLUMNS,
    cell_text,
    search_for,
    split_tags,
)
from ..collection import Collection
from ..errors import HeatcardsError, NothingToUndoError, SearchSyntaxError
from ..model import FLAG_NAMES, Changes
from .app import APPLICATION, ORGANISATION
from .editor import NoteEditor
from .import_export import ExportDialog

BATCH_SIZE = 200  # ids per query when rows scroll into view
CACHE_LIMIT = 5000  # rows kept; beyond this the cache starts afresh
DELETED = "(deleted)"
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # side panel: the search an item runs
SelectionFlag = QItemSelectionModel.SelectionFlag
STATES = (("New", "is:new"), ("Learning", "is:learn"), ("Review", "is:review"), ("Due", "is:due"),
          ("Suspended", "is:suspended"), ("Buried", "is:buried"))


def _default_width(key: str) -> int:
    if key in ("sort_field", "question", "answer"):
        return 280
    return 95 if COLUMNS_BY_KEY[key].numeric else 130


class BrowserTableModel(QAbstractTableModel):
    """Rows for a list of card ids (or note ids in notes mode), fetched in batches when shown."""

    def __init__(self, collection: Collection, columns: list[str], parent=None):
        super().__init__(parent)
        self.collection = collection
        self.columns = list(columns)
        self.notes_mode = False
        self.query = ""
        self.order: str | None = None
        self.descending = False
        self._ids: list[int] = []
        self._cache: dict[int, tuple] = {}  # id -> (row, cell texts); None row: deleted
        self._context = collection.cell_context()

    # --- what the table shows ---------------------------------------------------------------
    def search(self, query: str, *, notes_mode: bool | None = None) -> None:
        """Run `query` (raises SearchSyntaxError, the model unchanged) and show its rows."""
        notes = self.notes_mode if notes_mode is None else notes_mode
        ids = self._find(query, notes)
        self.beginResetModel()
        self.query, self.notes_mode, self._ids = query, notes, ids
        self._forget_rows()
        self.endResetModel()

    def _find(self, query: str, notes: bool) -> list[int]:
        find = self.collection.find_notes if notes else self.collection.find_cards
        return find(query, order=self.order, descending=self.descending)

    def set_columns(self, keys: list[str]) -> None:
        self.beginResetModel()
        self.columns = list(keys)
        self._forget_rows()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, item_id: int) -> int | None:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return None

    def note_id_at(self, row: int) -> int | None:
        """The note of the row (None when it was deleted)."""
        record = self._row(row)
        return record[0].note_id if record[0] is not None else None

    def invalidate(self) -> None:
        """Read every row again when next shown (after the collection changed)."""
        self._forget_rows()
        if self._ids and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, len(self._ids) - 1))

    def _forget_rows(self) -> None:
        self._cache.clear()
        self._context = self.collection.cell_context()

    def _row(self, row: int) -> tuple:
        """(BrowserRow or None if deleted, cell texts) for a row, reading its batch if needed."""
        item_id = self._ids[row]
        cached = self._cache.get(item_id)
        if cached is None:
            self._fetch(row - row % BATCH_SIZE)
            cached = self._cache[item_id]
        return cached

    def _fetch(self, start: int) -> None:
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        wanted = self._ids[start:start + BATCH_SIZE]
        rendered = any(key in RENDERED_COLUMNS for key in self.columns)
        rows = self.collection.browser_rows(wanted, notes=self.notes_mode, rendered=rendered)
        for row in rows:
            self._cache[row.id] = (row, tuple(cell_text(key, row, self._context) for key in self.columns))
        missing = (None, (DELETED,) * len(self.columns))
        for item_id in wanted:
            self._cache.setdefault(item_id, missing)

    # --- sorting (in SQL) --------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # Qt's name
        try:
            if not 0 <= column < len(self.columns):
                return
            self.order = self.columns[column]
            self.descending = order == Qt.SortOrder.DescendingOrder
            ids = self._find(self.query, self.notes_mode)
        except HeatcardsError:
            return  # the current query was valid when it ran; leave the rows as they are
        self.layoutAboutToBeChanged.emit()
        new_rows = {item_id: row for row, item_id in enumerate(ids)}
        old_ids = self._ids
        moved_from, moved_to = [], []
        for index in self.persistentIndexList():
            moved_from.append(index)
            row = new_rows.get(old_ids[index.row()]) if index.row() < len(old_ids) else None
            moved_to.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self._ids = ids
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    # --- Qt's model interface (a Python exception here would crash: keep them safe) -------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        try:
            if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(self.columns):
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._row(index.row())[1][index.column()]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                numeric = COLUMNS_BY_KEY[self.columns[index.column()]].numeric
                horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
                return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.FontRole:
                row = self._row(index.row())[0]
                if row is None or row.suspended or row.buried_until > self._context.now:
                    font = QFont()
                    font.setItalic(True)
                    return font
        except Exception:  # noqa: BLE001 - a model must answer something rather than crash
            return None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        try:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
                return COLUMNS_BY_KEY[self.columns[section]].title_in(self.notes_mode)
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
                return str(section + 1)
        except Exception:  # noqa: BLE001
            return None
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class FindReplaceDialog(QDialog):
    """Find and replace in the fields of the selected notes (or of every note)."""

    def __init__(self, field_names: list[str], selected: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Find and Replace")
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName("Find")
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName("Replace with")
        self.field_combo = QComboBox()
        self.field_combo.setAccessibleName("In field")
        self.field_combo.addItem("All fields", None)
        for name in field_names:
            self.field_combo.addItem(name, name)
        self.selected_only = QCheckBox(f"Selected notes only ({selected})")
        self.selected_only.setAccessibleName("Selected notes only")
        self.selected_only.setChecked(selected > 0)
        self.selected_only.setEnabled(selected > 0)
        self.regex_box = QCheckBox("Treat input as a regular expression")
        self.regex_box.setAccessibleName("Regular expression")
        self.case_box = QCheckBox("Match case")
        self.case_box.setAccessibleName("Match case")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Find:", self.find_edit)
        form.addRow("&Replace with:", self.replace_edit)
        form.addRow("&In:", self.field_combo)
        form.addRow(self.selected_only)
        form.addRow(self.regex_box)
        form.addRow(self.case_box)
        form.addRow(buttons)


class BrowserWindow(QMainWindow):
    """Search, look at and change many cards at once."""

    changed = Signal(object)  # Changes
    info_requested = Signal(object)  # card id (object: ids exceed 32 bits)

    def __init__(self, collection: Collection, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)
        self.setWindowTitle("Browse")
        self.resize(1200, 720)

        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName("Search")
        self.search_edit.setPlaceholderText("Search (Anki syntax: words, deck:, tag:, is:due, prop:ivl>10 …) and press Enter")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self._on_search_edit_returnPressed)
        self.error_label = QLabel()
        self.error_label.setAccessibleName("Search error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName("Show cards or notes")
        self.mode_combo.addItems(["Cards", "Notes"])
        self.mode_combo.setToolTip("Show one row per card or one per note (Ctrl+Alt+T)")
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_currentIndexChanged)

        columns = self._saved_columns()
        self.model = BrowserTableModel(collection, columns, self)
        self.table = QTableView()
        self.table.setAccessibleName("Cards")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionsMovable(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_customContextMenuRequested)
        header.sectionResized.connect(self._on_header_sectionResized)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_customContextMenuRequested)

        self.sidebar_model = QStandardItemModel(self)
        self.sidebar = QTreeView()
        self.sidebar.setAccessibleName("Decks, tags, note types, flags, states and saved searches")
        self.sidebar.setHeaderHidden(True)
        self.sidebar.setModel(self.sidebar_model)
        self.sidebar.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sidebar.clicked.connect(self._on_sidebar_activated)
        self.sidebar.activated.connect(self._on_sidebar_activated)
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar.customContextMenuRequested.connect(self._on_sidebar_customContextMenuRequested)

        self.editor = NoteEditor(collection)
        self.editor.setAccessibleName("Note editor")
        self.editor.changed.connect(self._on_editor_changed)
        self.editor_placeholder = QLabel()
        self.editor_placeholder.setAccessibleName("Editor status")
        self.editor_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.editor_placeholder)
        self.editor_stack.addWidget(self.editor)

        search_row = QHBoxLayout()
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.mode_combo)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(search_row)
        top_layout.addWidget(self.error_label)
        top_layout.addWidget(self.table, 1)

        self.table_splitter = QSplitter(Qt.Orientation.Vertical)
        self.table_splitter.addWidget(top)
        self.table_splitter.addWidget(self.editor_stack)
        self.table_splitter.setStretchFactor(0, 3)
        self.table_splitter.setStretchFactor(1, 2)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(self.table_splitter)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 4)
        self.main_splitter.setSizes([240, 960])
        self.table_splitter.setSizes([440, 280])
        for splitter, key in ((self.main_splitter, "browser/main_splitter"), (self.table_splitter, "browser/table_splitter")):
            saved = self.settings.value(key)
            if saved is not None:
                splitter.restoreState(saved)
            splitter.splitterMoved.connect(self._on_splitter_splitterMoved)
        self.setCentralWidget(self.main_splitter)

        self._build_actions()
        self.table.selectionModel().selectionChanged.connect(self._on_table_selectionChanged)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_currentRowChanged)
        self._restore_sorting()
        self._restore_widths()
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(1 if self.settings.value("browser/notes_mode", "false") == "true" else 0)
        self.mode_combo.blockSignals(False)
        self._editing_note: int | None = None
        self._refreshed_for: Changes | None = None
        self.rebuild_sidebar()
        self.search(self.settings.value("browser/last_search", "deck:*") or "")
        self.table.setFocus()

    # --- actions -----------------------------------------------------------------------------
    def export_search(self) -> None:
        """Anki's Notes ▸ Export Notes: the export dialog, limited to this search."""
        dialog = ExportDialog(self.collection, search=self.model.query, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _build_actions(self) -> None:
        menus = {name: self.menuBar().addMenu(title) for name, title in
                 (("edit", "&Edit"), ("go", "&Go"), ("notes", "&Notes"), ("cards", "&Cards"), ("view", "&View"))}
        toolbar = QToolBar("Actions")
        toolbar.setAccessibleName("Browser actions")
        toolbar.setObjectName("browser_toolbar")
        self.addToolBar(toolbar)
        self.actions_by_name: dict[str, QAction] = {}

        def add(name, menu, text, shortcut, slot, tip, on_toolbar=False):
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                shown = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
                tip = f"{tip} ({shown})"
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(slot)
            menus[menu].addAction(action)
            if on_toolbar:
                toolbar.addAction(action)
            self.addAction(action)
            self.actions_by_name[name] = action
            return action

        add("undo", "edit", "&Undo", "Ctrl+Z", self.undo, "Undo the last change")
        add("select_all", "edit", "Select &All", "Ctrl+Alt+A", self.table.selectAll, "Select every row")
        add("focus_search", "go", "&Search", "Ctrl+F", self._focus_search, "Go to the search box")
        add("focus_table", "go", "&Table", "Ctrl+Shift+F", self.table.setFocus, "Go to the table")
        add("focus_sidebar", "go", "Side &Panel", "Ctrl+Shift+R", self.sidebar.setFocus, "Go to the side panel")
        add("add_tags", "notes", "&Add Tags…", "Ctrl+Shift+A", self.add_tags_to_selection, "Add tags to the selected notes", True)
        add("remove_tags", "notes", "&Remove Tags…", "Ctrl+Alt+Shift+A", self.remove_tags_from_selection,
            "Remove tags from the selected notes", True)
        add("find_replace", "notes", "&Find and Replace…", "Ctrl+Alt+F", self.open_find_replace,
            "Replace text in the fields of the selected notes", True)
        add("export", "notes", "&Export Notes…", "Ctrl+Shift+E", self.export_search, "Export the cards this search finds")
        add("delete", "notes", "&Delete", "Ctrl+Delete", self.delete_selection, "Delete the selected notes (undo with Ctrl+Z)", True)
        add("change_deck", "cards", "Change &Deck…", "Ctrl+D", self.change_deck_of_selection,
            "Move the selected cards to another deck", True)
        add("suspend", "cards", "Toggle &Suspend", "Ctrl+J", self.toggle_suspend_selection, "Suspend or unsuspend the selected cards", True)
        add("bury", "cards", "Toggle &Bury", "Ctrl+Shift+J", self.toggle_bury_selection, "Bury or unbury the selected cards")
        add("forget", "cards", "&Forget", "Ctrl+Alt+N", self.forget_selection, "Reset the selected cards to new", True)
        add("set_due", "cards", "Set Due &Date…", "Ctrl+Shift+D", self.set_due_date_of_selection,
            "Make the selected cards due in a number of days", True)
        add("info", "cards", "Card &Info", "Ctrl+Shift+I", self.request_info, "Show the current card's details and history", True)
        flag_menu = menus["cards"].addMenu("F&lag")
        for number, name in enumerate(FLAG_NAMES[1:], 1):
            action = add(f"flag_{number}", "cards", f"{name} flag", f"Ctrl+{number}",
                         lambda _checked=False, n=number: self.toggle_flag_of_selection(n), f"Toggle the {name.lower()} flag")
            menus["cards"].removeAction(action)
            flag_menu.addAction(action)
        add("toggle_mode", "view", "Toggle &Cards/Notes", "Ctrl+Alt+T", self.toggle_notes_mode, "Show one row per card or per note")
        add("save_search", "view", "&Save Current Search…", "", self.save_current_search, "Keep this search in the side panel")

    # --- searching ------------------------------------------------------------------------------
    def search(self, query: str) -> bool:
        """Show the cards (or notes) matching `query`; a syntax error is shown beside the box."""
        self._save_editor()
        self.search_edit.setText(query)
        try:
            self.model.search(query, notes_mode=self.mode_combo.currentIndex() == 1)
        except SearchSyntaxError as error:
            self._show_search_error(error)
            return False
        self.error_label.hide()
        self.error_label.clear()
        self.settings.setValue("browser/last_search", query)
        self._after_reset()
        return True

    def _show_search_error(self, error: SearchSyntaxError) -> None:
        offset = getattr(error, "offset", None)
        self.error_label.setText(f"⚠ {error}")
        self.error_label.show()
        if offset is not None:
            self.search_edit.setCursorPosition(offset)
            self.search_edit.setSelection(offset, 1)
        self.search_edit.setFocus()

    def _on_search_edit_returnPressed(self) -> None:
        if self.search(self.search_edit.text()):
            self.table.setFocus()

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def set_notes_mode(self, notes: bool) -> None:
        self.mode_combo.setCurrentIndex(1 if notes else 0)

    def toggle_notes_mode(self) -> None:
        self.set_notes_mode(self.mode_combo.currentIndex() == 0)

    def _on_mode_combo_currentIndexChanged(self, index: int) -> None:
        notes = index == 1
        self.settings.setValue("browser/notes_mode", "true" if notes else "false")
        self.table.setAccessibleName("Notes" if notes else "Cards")
        selected = self.selected_note_ids() if notes else self.selected_card_ids()
        self._save_editor()
        try:
            self.model.search(self.model.query, notes_mode=notes)
        except SearchSyntaxError as error:
            self._show_search_error(error)
            return
        self._after_reset(selected)

    def _after_reset(self, select_ids: list[int] | None = None) -> None:
        """Select the given ids (else the first row) after the rows were replaced."""
        self._update_status()
        rows = [r for r in (self.model.row_of(i) for i in select_ids or []) if r is not None]
        if not rows and self.model.rowCount():
            rows = [0]
        self.select_rows(rows)

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = SelectionFlag.Select | SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, 0), flags)
        if rows:
            selection.setCurrentIndex(self.model.index(rows[0], 0), SelectionFlag.NoUpdate)
            self.table.scrollTo(self.model.index(rows[0], 0))
        self._update_editor()

    # --- selection ----------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_ids(self) -> list[int]:
        return [self.model.id_at(r) for r in self.selected_rows()]

    def selected_card_ids(self) -> list[int]:
        ids = self.selected_ids()
        if not self.model.notes_mode or not ids:
            return ids
        return self.collection.find_cards("nid:" + ",".join(map(str, ids)))

    def selected_note_ids(self) -> list[int]:
        ids = self.selected_ids()
        if self.model.notes_mode or not ids:
            return ids
        return self.collection.find_notes("cid:" + ",".join(map(str, ids)))

    def current_card_id(self) -> int | None:
        row = self.table.currentIndex().row()
        if row < 0:
            return None
        if not self.model.notes_mode:
            return self.model.id_at(row)
        cards = self.collection.find_cards(f"nid:{self.model.id_at(row)}")
        return cards[0] if cards else None

    def _on_table_selectionChanged(self, *_args) -> None:
        self._update_status()
        self._update_editor()

    def _on_table_currentRowChanged(self, *_args) -> None:
        self._update_editor()

    def _update_status(self) -> None:
        what = "notes" if self.model.notes_mode else "cards"
        count = self.model.rowCount()
        self.statusBar().showMessage(f"{count:,} {what} shown, {len(self.table.selectionModel().selectedRows()):,} selected")

    def _update_editor(self) -> None:
        """Edit the note of the only selected row; say what is selected otherwise."""
        rows = self.selected_rows()
        note_id = self.model.note_id_at(rows[0]) if len(rows) == 1 else None
        if note_id == self._editing_note and note_id is not None:
            return
        self._save_editor()
        if note_id is None:
            self._editing_note = None
            self.editor_placeholder.setText(
                "Select a card to edit its note" if not rows else f"{len(rows):,} rows selected: select one to edit its note"
            )
            self.editor_stack.setCurrentWidget(self.editor_placeholder)
            return
        try:
            self.editor.load_note(note_id)
        except HeatcardsError as error:
            self._editing_note = None
            self.editor_placeholder.setText(str(error))
            self.editor_stack.setCurrentWidget(self.editor_placeholder)
            return
        self._editing_note = note_id
        self.editor_stack.setCurrentWidget(self.editor)

    def _save_editor(self) -> None:
        """Keep what was typed in the editor before showing something else."""
        if getattr(self, "_editing_note", None) is None:
            return
        try:
            self.editor.save()
        except HeatcardsError as error:
            QMessageBox.warning(self, "The note was not saved", str(error))

    def _on_editor_changed(self, changes: Changes) -> None:
        self.model.invalidate()
        self._refreshed_for = changes
        self.changed.emit(changes)

    # --- bulk actions ------------------------------------------------------------------------------
    def _apply(self, operation, *args, reselect: bool = False, **kwargs) -> Changes | None:
        """Run a collection operation on the selection; show its error, refresh, keep focus."""
        self._save_editor()
        try:
            changes = operation(*args, **kwargs)
        except HeatcardsError as error:
            QMessageBox.warning(self, "Browse", str(error))
            return None
        finally:
            self.table.setFocus()
        if reselect:
            self._rerun_search()
        self.refresh(changes)
        self.changed.emit(changes)
        return changes

    def _rerun_search(self) -> None:
        """Search again (rows were deleted or restored), keeping the selection where it can."""
        selected, first = self.selected_ids(), (self.selected_rows() or [0])[0]
        try:
            self.model.search(self.model.query)
        except SearchSyntaxError:
            return
        self._update_status()
        rows = [r for r in (self.model.row_of(i) for i in selected) if r is not None]
        if not rows and self.model.rowCount():
            rows = [min(first, self.model.rowCount() - 1)]
        self.select_rows(rows)

    def _selected_or_say(self, ids: list[int]) -> bool:
        if not ids:
            self.statusBar().showMessage("Select some rows first")
        return bool(ids)

    def change_deck_of_selection(self) -> None:
        cards = self.selected_card_ids()
        if not self._selected_or_say(cards):
            return
        names = [d.name for d in self.collection.decks()]
        current = self.collection.card(cards[0]).deck_id
        current_name = next((d.name for d in self.collection.decks() if d.id == current), names[0])
        name, ok = QInputDialog.getItem(self, "Change Deck", f"Move {len(cards):,} cards to the deck:", names,
                                        names.index(current_name), True)
        if not ok or not name.strip():
            return
        try:
            deck = self.collection.add_deck(name) if self.collection.store.deck_by_name(name.strip()) is None else \
                self.collection.deck_named(name.strip())
        except HeatcardsError as error:
            QMessageBox.warning(self, "Browse", str(error))
            return
        self._apply(self.collection.set_deck, cards, deck.id)
        self.rebuild_sidebar()

    def add_tags_to_selection(self) -> None:
        notes = self.selected_note_ids()
        if not self._selected_or_say(notes):
            return
        text, ok = QInputDialog.getText(self, "Add Tags", f"Tags to add to {len(notes):,} notes (separated by spaces):")
        if ok and split_tags(text):
            self._apply(self.collection.add_tags, notes, split_tags(text))

    def remove_tags_from_selection(self) -> None:
        notes = self.selected_note_ids()
        if not self._selected_or_say(notes):
            return
        text, ok = QInputDialog.getText(self, "Remove Tags", f"Tags to remove from {len(notes):,} notes (separated by spaces):")
        if ok and split_tags(text):
            self._apply(self.collection.remove_tags, notes, split_tags(text))

    def toggle_suspend_selection(self) -> None:
        cards = self.selected_card_ids()
        if self._selected_or_say(cards):
            suspend = not all(c.suspended for c in self.collection.store.cards(cards))
            self._apply(self.collection.suspend, cards, suspend)

    def toggle_bury_selection(self) -> None:
        cards = self.selected_card_ids()
        if self._selected_or_say(cards):
            now = self.collection.now()
            if all(c.is_buried(now) for c in self.collection.store.cards(cards)):
                self._apply(self.collection.unbury, cards)
            else:
                self._apply(self.collection.bury, cards)

    def toggle_flag_of_selection(self, flag: int) -> None:
        """Ctrl+1…7: set the flag, or clear it when every selected card has it already (as in Anki)."""
        cards = self.selected_card_ids()
        if self._selected_or_say(cards):
            clear = all(c.flag == flag for c in self.collection.store.cards(cards))
            self._apply(self.collection.set_flag, cards, 0 if clear else flag)

    def forget_selection(self) -> None:
        cards = self.selected_card_ids()
        if self._selected_or_say(cards):
            self._apply(self.collection.forget, cards)

    def set_due_date_of_selection(self) -> None:
        cards = self.selected_card_ids()
        if not self._selected_or_say(cards):
            return
        days, ok = QInputDialog.getInt(self, "Set Due Date", f"Make {len(cards):,} cards due in how many days (0 = today)?",
                                       0, 0, 36500)
        if ok:
            self._apply(self.collection.set_due_date, cards, days)

    def delete_selection(self) -> None:
        notes = self.selected_note_ids()
        if self._selected_or_say(notes):
            if self._apply(self.collection.delete_notes, notes, reselect=True) is not None:
                self.statusBar().showMessage(f"Deleted {len(notes):,} notes (Ctrl+Z puts them back)")

    def open_find_replace(self) -> FindReplaceDialog:
        """Open the find and replace dialog (window-modal); it acts when accepted."""
        notes = self.selected_note_ids()
        field_names = list(dict.fromkeys(f for n in self.collection.notetypes() for f in n.fields))
        dialog = FindReplaceDialog(field_names, len(notes), self)
        dialog.accepted.connect(lambda: self._on_find_replace_accepted(dialog, notes))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _on_find_replace_accepted(self, dialog: FindReplaceDialog, notes: list[int]) -> None:
        targets = notes if dialog.selected_only.isChecked() else self.collection.find_notes("")
        self._save_editor()
        try:
            result = self.collection.find_and_replace(
                targets, dialog.find_edit.text(), dialog.replace_edit.text(), field=dialog.field_combo.currentData(),
                regex=dialog.regex_box.isChecked(), match_case=dialog.case_box.isChecked())
        except HeatcardsError as error:
            QMessageBox.warning(self, "Find and Replace", str(error))
            return
        finally:
            self.table.setFocus()
        self.refresh(result.changes)
        self.changed.emit(result.changes)
        self.statusBar().showMessage(f"{result.notes_changed:,} notes changed")

    def undo(self) -> None:
        self._save_editor()
        try:
            label = self.collection.undo()
        except NothingToUndoError:
            self.statusBar().showMessage("Nothing to undo")
            return
        except HeatcardsError as error:
            QMessageBox.warning(self, "Undo", str(error))
            return
        changes = Changes(decks=True, queue=True, stats=True, notes=frozenset(self.model.ids()) if self.model.notes_mode else frozenset())
        self._editing_note = None
        self._rerun_search()
        self.refresh(changes)
        self.changed.emit(changes)
        self.statusBar().showMessage(f"Undone: {label}")

    def request_info(self) -> None:
        card_id = self.current_card_id()
        if card_id is not None:
            self.info_requested.emit(card_id)

    # --- refreshing ----------------------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        """The collection changed (here or elsewhere): show the rows and side panel as they are now.
        A record this window already showed (the main window passes every change back) is skipped."""
        if changes is self._refreshed_for:
            return
        self._refreshed_for = changes
        self.model.invalidate()
        if changes.decks or changes.notes:
            self.rebuild_sidebar()
        if self._editing_note is not None and not self.editor.is_modified():
            try:
                self.editor.load_note(self._editing_note)
            except HeatcardsError:
                self._editing_note = None
                self._update_editor()

    # --- side panel ------------------------------------------------------------------------------
    def rebuild_sidebar(self) -> None:
        expanded = {self.sidebar_model.item(r).text() for r in range(self.sidebar_model.rowCount())
                    if self.sidebar.isExpanded(self.sidebar_model.index(r, 0))}
        self.sidebar_model.clear()
        root = self.sidebar_model.invisibleRootItem()
        sections = []

        def section(title: str) -> QStandardItem:
            item = QStandardItem(title)
            item.setEditable(False)
            item.setSelectable(False)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            root.appendRow(item)
            sections.append(item)
            return item

        def leaf(parent: QStandardItem, text: str, query: str, tip: str = "") -> QStandardItem:
            item = QStandardItem(text)
            item.setEditable(False)
            item.setData(query, SEARCH_ROLE)
            item.setToolTip(tip or query)
            parent.appendRow(item)
            return item

        saved = section("Saved searches")
        for name, query in self.collection.saved_searches().items():
            leaf(saved, name, query)
        states = section("Card states")
        for text, query in STATES:
            leaf(states, text, query)
        flags = section("Flags")
        leaf(flags, "Any flag", "-flag:0")
        for number, name in enumerate(FLAG_NAMES[1:], 1):
            leaf(flags, name, f"flag:{number}")
        decks = section("Decks")
        self._tree(decks, [d.name for d in self.collection.decks()], "deck", leaf)
        notetypes = section("Note types")
        for notetype in self.collection.notetypes():
            leaf(notetypes, notetype.name, search_for("note", notetype.name))
        tags = section("Tags")
        leaf(tags, "Untagged", "tag:none")
        self._tree(tags, self.collection.all_tags(), "tag", leaf)
        for item in sections:
            if not expanded or item.text() in expanded:
                self.sidebar.expand(item.index())

    @staticmethod
    def _tree(parent: QStandardItem, paths: list[str], key: str, leaf) -> None:
        """Items for "A::B::C" paths under `parent`, each searching its path (children included)."""
        items: dict[str, QStandardItem] = {}
        for path in sorted(paths, key=str.casefold):
            parts = path.split("::")
            for depth in range(1, len(parts) + 1):
                prefix = "::".join(parts[:depth])
                if prefix.casefold() not in items:
                    above = items.get("::".join(parts[: depth - 1]).casefold(), parent) if depth > 1 else parent
                    items[prefix.casefold()] = leaf(above, parts[depth - 1], search_for(key, prefix))

    def _on_sidebar_activated(self, index: QModelIndex) -> None:
        query = index.data(SEARCH_ROLE)
        if query is not None:
            self.search(query)

    def _on_sidebar_customContextMenuRequested(self, position) -> None:
        index = self.sidebar.indexAt(position)
        parent = index.parent()
        if not index.isValid() or not parent.isValid() or parent.data() != "Saved searches":
            return
        menu = QMenu(self)
        remove = menu.addAction(f"Remove saved search {index.data()!r}")
        if menu.exec(self.sidebar.viewport().mapToGlobal(position)) is remove:
            self.remove_saved_search(index.data())

    def save_current_search(self) -> None:
        name, ok = QInputDialog.getText(self, "Save Search", "Name for this search:")
        if ok and name.strip():
            try:
                self.collection.save_search(name, self.search_edit.text())
            except HeatcardsError as error:
                QMessageBox.warning(self, "Save Search", str(error))
                return
            self.rebuild_sidebar()

    def remove_saved_search(self, name: str) -> None:
        try:
            self.collection.remove_saved_search(name)
        except HeatcardsError as error:
            QMessageBox.warning(self, "Saved searches", str(error))
        self.rebuild_sidebar()

    # --- columns and persistence --------------------------------------------------------------------
    def _saved_columns(self) -> list[str]:
        try:
            keys = [k for k in json.loads(self.settings.value("browser/columns", "[]")) if k in COLUMNS_BY_KEY]
        except (TypeError, ValueError):
            keys = []
        return keys or list(DEFAULT_COLUMNS)

    def set_columns(self, keys: list[str]) -> None:
        """Show these columns (browser column keys), in this order."""
        keys = [k for k in dict.fromkeys(keys) if k in COLUMNS_BY_KEY]
        if not keys:
            return
        selected = self.selected_ids()
        self.model.set_columns(keys)
        self.settings.setValue("browser/columns", json.dumps(keys))
        self._restore_widths()
        self._restore_sorting()
        self._after_reset(selected)

    def toggle_column(self, key: str) -> None:
        keys = self.model.columns
        if key in keys:
            if len(keys) > 1:
                self.set_columns([k for k in keys if k != key])
        else:
            order = [c.key for c in COLUMNS]
            self.set_columns(sorted([*keys, key], key=order.index))

    def _on_header_customContextMenuRequested(self, position) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def column_menu(self) -> QMenu:
        """The header's menu: one checkable entry per column."""
        menu = QMenu("Columns", self)
        menu.setAccessibleName("Columns")
        for column in COLUMNS:
            action = menu.addAction(column.title_in(self.model.notes_mode))
            action.setCheckable(True)
            action.setChecked(column.key in self.model.columns)
            action.setEnabled(not (column.key in self.model.columns and len(self.model.columns) == 1))
            action.triggered.connect(lambda _checked=False, key=column.key: self.toggle_column(key))
        return menu

    def _on_table_customContextMenuRequested(self, position) -> None:
        menu = QMenu(self)
        for name in ("change_deck", "set_due", "suspend", "bury", "forget", "info", None,
                     "add_tags", "remove_tags", "find_replace", "delete"):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions_by_name[name])
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _restore_sorting(self) -> None:
        key = self.settings.value("browser/sort_column", "")
        descending = self.settings.value("browser/sort_descending", "false") == "true"
        header = self.table.horizontalHeader()
        self.table.setSortingEnabled(False)
        if key in self.model.columns:
            self.model.order, self.model.descending = key, descending
            header.setSortIndicator(self.model.columns.index(key),
                                    Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        else:
            self.model.order = None
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._on_header_sortIndicatorChanged, Qt.ConnectionType.UniqueConnection)
        header.setSectionsClickable(True)

    def _on_header_sortIndicatorChanged(self, section: int, order: Qt.SortOrder) -> None:
        if not 0 <= section < len(self.model.columns):
            return
        self.model.sort(section, order)
        self.settings.setValue("browser/sort_column", self.model.columns[section])
        self.settings.setValue("browser/sort_descending", "true" if order == Qt.SortOrder.DescendingOrder else "false")
        rows = self.selected_rows()
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def _widths(self) -> dict[str, int]:
        try:
            return dict(json.loads(self.settings.value("browser/column_widths", "{}")))
        except (TypeError, ValueError):
            return {}

    def _restore_widths(self) -> None:
        widths = self._widths()
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        for section, key in enumerate(self.model.columns):
            header.resizeSection(section, int(widths.get(key, _default_width(key))))
        header.blockSignals(False)

    def _on_header_sectionResized(self, section: int, _old: int, new: int) -> None:
        if 0 <= section < len(self.model.columns) and new > 0:
            widths = self._widths()
            widths[self.model.columns[section]] = new
            self.settings.setValue("browser/column_widths", json.dumps(widths))

    def _on_splitter_splitterMoved(self, *_args) -> None:
        self.settings.setValue("browser/main_splitter", self.main_splitter.saveState())
        self.settings.setValue("browser/table_splitter", self.table_splitter.saveState())

    def closeEvent(self, event) -> None:  # Qt's name
        try:
            self._save_editor()
            self._on_splitter_splitterMoved()
        finally:
            super().closeEvent(event)

