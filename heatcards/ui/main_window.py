"""The main window: deck list and overview, the reviewer, and the doors to every other screen."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .. import transfer
from ..authoring.reading import SUPPORTED_SUFFIXES
from ..backups import BackupInfo, BackupReason
from ..collection import Collection
from ..errors import HeatcardsError, NothingToUndoError
from ..model import Changes, Deck, QueueCounts
from .deck_tree import DECK_ID_ROLE, DeckTreeModel
from .import_export import ExportDialog, ImportDialog, ImportResult, ImportSource, file_dialog_filter, inspect_import_file
from .tasks import BackgroundTasks
from .theme import count_colours

if TYPE_CHECKING:  # imported when the window is first opened (open_statistics), not at start
    from .stats_window import StatisticsWindow

KEYS_THAT_MATTER = (
    ("s", "study the selected deck"),
    ("Space", "show the answer, then answer Good"),
    ("1 – 4", "answer Again, Hard, Good or Easy"),
    ("Ctrl+Z", "undo the last answer or action"),
    ("a", "add a card"),
)


def show_error(parent: QWidget, title: str, error: BaseException) -> None:
    QMessageBox.warning(parent, title, str(error))


def restored_message(backup: Path, saved: Path | None) -> str:
    """What a finished restore says: the backup put back, and where the collection as it was went."""
    kept = f"; the collection as it was is saved as {saved.name}" if saved is not None else ""
    return f"Restored {backup.name}{kept}."


class DeckOverviewView(QWidget):
    """What the selected deck holds for today, and the way in."""

    study_requested = Signal()
    options_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.study_button = QPushButton("Study now")
        self.study_button.setAccessibleName("Study the selected deck")
        self.study_button.setToolTip("Study this deck (s)")
        self.study_button.setDefault(True)
        self.study_button.clicked.connect(self.study_requested)
        self.options_button = QPushButton("Options…")
        self.options_button.setAccessibleName("Deck options")
        self.options_button.clicked.connect(self.options_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.study_button)
        buttons.addWidget(self.options_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.counts_label)
        layout.addLayout(buttons)
        layout.addWidget(self.description)
        layout.addStretch(1)

    def show_deck(self, deck: Deck, counts: QueueCounts) -> None:
        new, learn, review = (colour.name() for colour in count_colours(QApplication.instance()))
        self.title.setText(deck.name.replace("::", " › "))
        self.counts_label.setText(
            "<table cellspacing='6'>"
            f"<tr><td>New</td><td align='right' style='color:{new}'><b>{counts.new}</b></td></tr>"
            f"<tr><td>Learning</td><td align='right' style='color:{learn}'><b>{counts.learning}</b></td></tr>"
            f"<tr><td>To review</td><td align='right' style='color:{review}'><b>{counts.review}</b></td></tr>"
            "</table>"
        )
        self.description.setText(deck.description)
        self.study_button.setEnabled(True)
        if counts.total == 0:
            self.study_button.setText("Study (nothing due — see what's next)")
        else:
            self.study_button.setText(f"Study now ({counts.total} today)")


class WelcomeDialog(QDialog):
    """The first screen on a new collection: what heatcards is, and the five keys that matter."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Welcome to heatcards")
        rows = "".join(f"<tr><td align='right'><b>{key}</b></td><td>{what}</td></tr>" for key, what in KEYS_THAT_MATTER)
        text = QLabel(
            "<h2>Welcome to heatcards</h2>"
            "<p>heatcards shows you flashcards just before you would forget them. It schedules with FSRS, "
            "the algorithm Anki uses, and keeps every card's history. Cards built from a document keep a link to the passage they came from.</p>"
            "<p>A deck about Michael Mann's film <i>Heat</i> (1995) is ready to study.</p>"
            f"<p>The five keys that matter:</p><table cellspacing='6'>{rows}</table>"
            "<p>F1 lists every shortcut.</p>"
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


class DeckSwitcherDialog(QDialog):
    """`/`: type part of a deck name, Enter to go there."""

    def __init__(self, decks: list[Deck], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Switch deck")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Type to filter decks")
        self.filter_edit.setAccessibleName("Deck filter")
        self.deck_list = QListWidget()
        self.deck_list.setAccessibleName("Decks")
        for deck in decks:
            item = QListWidgetItem(deck.name)
            item.setData(DECK_ID_ROLE, deck.id)
            self.deck_list.addItem(item)
        self.deck_list.setCurrentRow(0)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self.accept)
        self.deck_list.itemActivated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.deck_list)
        self.resize(360, 320)

    def _on_filter_edit_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        first_visible = None
        for row in range(self.deck_list.count()):
            item = self.deck_list.item(row)
            hidden = not all(word in item.text().casefold() for word in words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        if first_visible is not None:
            self.deck_list.setCurrentRow(first_visible)

    def chosen_deck_id(self) -> int | None:
        item = self.deck_list.currentItem()
        return None if item is None or item.isHidden() else item.data(DECK_ID_ROLE)


class MainWindow(QMainWindow):
    """The window of one open collection. `open_collection(path)` opens it again after a restore
    (which needs it closed): from then on `collection` is the new one, which whoever opened the
    first closes at the end."""

    collection_changed = Signal(object)  # Changes
    imported = Signal(object)  # ImportResult
    backup_made = Signal(object)  # BackupInfo
    backup_failed = Signal(str)  # what went wrong

    def __init__(
        self,
        collection: Collection,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        open_collection: Callable[[Path], Collection] = Collection,
    ):
        super().__init__(parent)
        self.collection = collection
        self.settings = settings
        self._open_collection = open_collection
        self._backups_running = 0
        self._restoring = False  # the collection is closed while a backup takes its place
        self.setWindowTitle("heatcards")
        self.setAcceptDrops(True)
        self.reviewer = None
        self._windows: list[QWidget] = []  # non-modal dialogs and the browser, kept alive while open
        self._statistics: StatisticsWindow | None = None  # kept when closed, opened again
        self.tasks = BackgroundTasks(self)

        self.deck_model = DeckTreeModel(self)
        self.deck_tree = QTreeView()
        self.deck_tree.setModel(self.deck_model)
        self.deck_tree.setAccessibleName("Decks")
        self.deck_tree.setUniformRowHeights(True)
        self.deck_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.deck_tree.customContextMenuRequested.connect(self._on_deck_tree_context_menu)
        self.deck_tree.activated.connect(self._on_deck_tree_activated)
        header = self.deck_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.overview = DeckOverviewView()
        self.overview.study_requested.connect(self.study)
        self.overview.options_requested.connect(self.open_deck_options)
        self.add_deck_button = QPushButton("Create deck…")
        self.add_deck_button.setAccessibleName("Create deck")
        self.add_deck_button.clicked.connect(self.create_deck)
        deck_side = QWidget()
        deck_layout = QVBoxLayout(deck_side)
        deck_layout.setContentsMargins(0, 0, 0, 0)
        deck_layout.addWidget(self.deck_tree)
        deck_layout.addWidget(self.add_deck_button)
        self.splitter = QSplitter()
        self.splitter.addWidget(deck_side)
        self.splitter.addWidget(self.overview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)

        self._build_actions()
        self.refresh_decks()
        self.deck_tree.selectionModel().currentChanged.connect(self._on_deck_selection_current_changed)
        self.deck_tree.expandAll()
        self._restore_state()
        self.select_deck(self._initial_deck_id())

    # --- actions, menus, toolbar ------------------------------------------------
    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: Callable, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{tip or text} ({QKeySequence(shortcut).toString()})" if shortcut else tip or text)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.decks_action = a("Decks", "D", self.show_decks, "Go to the deck list")
        self.study_action = a("Study", "S", self.study, "Study the selected deck")
        self.add_action = a("Add", "A", self.open_add, "Add a note")
        self.browse_action = a("Browse", "B", self.open_browser, "Browse and search cards")
        self.stats_action = a("Statistics", "T", self.open_statistics)
        self.switch_action = a("Switch deck…", "/", self.switch_deck)
        self.undo_action = a("Undo", QKeySequence.StandardKey.Undo, self.undo)
        self.import_action = a("Import…", "Ctrl+Shift+I", self.import_file_dialog, "Import Anki packages, CSV/TSV files or deck files")
        self.export_action = a("Export…", "Ctrl+E", self.open_export, "Export to an Anki package, CSV/TSV or a deck file")
        self.generate_action = a(
            "Cards from Document…", "Ctrl+Shift+G", self.generate_from_document, "Suggest cards from a text, Markdown, HTML or PDF document"
        )
        self.documents_action = a("Documents…", None, self.open_documents, "The documents cards were made from")
        self.preferences_action = a("Preferences…", "Ctrl+P", self.open_preferences)
        self.check_database_action = a("Check Database", None, self.check_database, "Look for problems in the collection and repair them")
        self.help_action = a("Keyboard shortcuts", QKeySequence.StandardKey.HelpContents, self.show_help)
        self.welcome_action = a("Welcome", None, self.show_welcome)
        self.create_deck_action = a("Create deck…", None, self.create_deck)
        self.rename_deck_action = a("Rename deck…", "F2", self.rename_deck)
        self.delete_deck_action = a("Delete deck…", None, self.delete_deck)
        self.deck_options_action = a("Deck options…", None, self.open_deck_options)
        self.quit_action = a("Quit", QKeySequence.StandardKey.Quit, self.close)
        # F2 only where the deck list has focus; elsewhere F2 belongs to text fields.
        self.rename_deck_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.deck_tree.addAction(self.rename_deck_action)

        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        for action in (self.import_action, self.export_action, None, self.generate_action, self.documents_action, None, self.quit_action):
            file_menu.addAction(action) if action else file_menu.addSeparator()
        edit_menu = menus.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        go_menu = menus.addMenu("&Go")
        for action in (self.decks_action, self.study_action, self.switch_action, self.add_action, self.browse_action, self.stats_action):
            go_menu.addAction(action)
        decks_menu = menus.addMenu("&Decks")
        for action in (self.create_deck_action, self.rename_deck_action, self.delete_deck_action, self.deck_options_action):
            decks_menu.addAction(action)
        tools_menu = menus.addMenu("&Tools")
        tools_menu.addAction(self.check_database_action)
        tools_menu.addAction(self.preferences_action)
        help_menu = menus.addMenu("&Help")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.welcome_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for action in (
            self.decks_action,
            self.add_action,
            self.browse_action,
            self.stats_action,
            self.import_action,
            self.export_action,
            self.generate_action,
            self.preferences_action,
            self.help_action,
        ):
            toolbar.addAction(action)
        self.help_action.setIconText("Help")
        self.generate_action.setIconText("Generate")
        self.preferences_action.setIconText("Preferences")
        self.import_action.setIconText("Import")
        self.export_action.setIconText("Export")

    # --- state -----------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(900, 600)
        splitter = self.settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _save_state(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        deck_id = self.current_deck_id()
        if deck_id is not None:
            self.settings.setValue("main/deck", deck_id)
        self.settings.sync()

    def _initial_deck_id(self) -> int | None:
        remembered = self.settings.value("main/deck")
        decks = self.collection.decks()
        ids = {deck.id for deck in decks}
        if remembered is not None and int(remembered) in ids:
            return int(remembered)
        # First start: the deck with the most cards to study today (the Heat deck on a new collection).
        counts = self.collection.deck_counts()
        top_level = [entry for entry in counts if entry.deck.depth == 0] or counts
        best = max(top_level, key=lambda entry: (entry.counts.total, entry.deck.name != "Default"), default=None)
        return None if best is None else best.deck.id

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        """A theme switch changes the palette: the deck counts take the new theme's colours (at
        once, or when a restore opens the collection again)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "deck_model") and not self._restoring:
            self.refresh_decks()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        self.tasks.shutdown()
        self._save_state()
        for window in list(self._windows):
            window.close()
        self._drop_statistics()
        super().closeEvent(event)

    # --- decks -------------------------------------------------------------------
    def refresh_decks(self) -> None:
        self.deck_model.count_colours = count_colours(QApplication.instance())
        selected = self.current_deck_id()
        self.deck_model.set_decks(self.collection.deck_counts())
        if selected is not None:
            self.select_deck(selected)
        self._show_overview()

    def current_deck_id(self) -> int | None:
        index = self.deck_tree.currentIndex()
        return index.data(DECK_ID_ROLE) if index.isValid() else None

    def select_deck(self, deck_id: int | None) -> None:
        if deck_id is None:
            return
        index = self.deck_model.index_of_deck(deck_id)
        if index.isValid():
            self.deck_tree.setCurrentIndex(index)
            self.deck_tree.scrollTo(index)

    def _on_deck_selection_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_overview()

    def _on_deck_tree_activated(self, index: QModelIndex) -> None:
        self.study()

    def _show_overview(self) -> None:
        deck_id = self.current_deck_id()
        if deck_id is None:
            return
        self.overview.show_deck(self.collection.deck(deck_id), self.deck_model.counts_of(deck_id) or QueueCounts())

    def _on_deck_tree_context_menu(self, position) -> None:
        menu = QMenu(self)
        for action in (self.study_action, self.rename_deck_action, self.deck_options_action, self.delete_deck_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.create_deck_action)
        menu.popup(self.deck_tree.viewport().mapToGlobal(position))

    def _change_decks(self, title: str, operation: Callable[[], Changes], select: Callable[[], int | None]) -> None:
        """Run a deck operation; show its error, or refresh and select the deck `select` names."""
        try:
            changes = operation()
        except HeatcardsError as error:
            show_error(self, title, error)
            return
        self.apply_changes(changes)
        self.select_deck(select())
        self.deck_tree.setFocus()

    def create_deck(self) -> None:
        name, ok = QInputDialog.getText(self, "Create deck", "Name (use :: for a subdeck, e.g. Films::Heat):")
        if not ok or not name.strip():
            return
        created: list[Deck] = []

        def create() -> Changes:
            created.append(self.collection.add_deck(name))
            return Changes(decks=True)

        self._change_decks("Create deck", create, lambda: created[0].id)

    def rename_deck(self) -> None:
        deck_id = self.current_deck_id()
        if deck_id is None:
            return
        name, ok = QInputDialog.getText(
            self,
            "Rename deck",
            "New name (A::B moves the deck under A):",
            QLineEdit.EchoMode.Normal,
            self.collection.deck(deck_id).name,
        )
        if ok:
            self._change_decks("Rename deck", lambda: self.collection.rename_deck(deck_id, name), lambda: deck_id)

    def delete_deck(self) -> None:
        deck_id = self.current_deck_id()
        if deck_id is None:
            return
        deck = self.collection.deck(deck_id)
        card_count = len(self.collection.card_ids_in_deck(deck_id))
        answer = QMessageBox.question(
            self,
            "Delete deck",
            f"Delete {deck.name!r}, its subdecks and the {card_count} card{'s' if card_count != 1 else ''} in them?\n"
            "Ctrl+Z undoes it.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._change_decks("Delete deck", lambda: self.collection.delete_deck(deck_id), self._initial_deck_id)

    def switch_deck(self) -> None:
        dialog = DeckSwitcherDialog(self.collection.decks(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_deck_id() is not None:
            self.show_decks()
            self.select_deck(dialog.chosen_deck_id())

    # --- changes -------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """Every screen reports what it changed here; the deck list refreshes when decks or counts
        changed, other windows are told."""
        if changes.decks or changes.queue:
            self.refresh_decks()
        self._refresh_reviewer(changes)
        self.collection_changed.emit(changes)

    def _refresh_reviewer(self, changes: Changes) -> None:
        """Another window changed the card being studied (edited, suspended, deleted): show it as it is now."""
        card = self.reviewer.session.card if self.reviewer is not None else None
        if card is not None and (card.id in changes.cards or card.note_id in changes.notes):
            self.reviewer.refresh_current()

    # --- pages ---------------------------------------------------------------------
    def show_decks(self) -> None:
        if self.reviewer is not None:
            self.pages.removeWidget(self.reviewer)
            self.reviewer.deleteLater()
            self.reviewer = None
        self.undo_action.setEnabled(True)
        self.pages.setCurrentWidget(self.splitter)
        self.refresh_decks()
        self.deck_tree.setFocus()

    def study(self) -> None:
        from .reviewer import ReviewerView

        deck_id = self.current_deck_id()
        if deck_id is None:
            return
        if self.reviewer is not None:
            self.show_decks()
        self.reviewer = ReviewerView(self.collection, deck_id, self)
        self.reviewer.changed.connect(self.collection_changed)
        self.reviewer.changed.connect(self._on_reviewer_changed)
        self.reviewer.edit_requested.connect(self.open_editor)
        self.reviewer.info_requested.connect(self.open_card_info)
        self.reviewer.closed.connect(self.show_decks)
        self.pages.addWidget(self.reviewer)
        self.pages.setCurrentWidget(self.reviewer)
        # The reviewer owns Ctrl+Z while it is shown (it also brings the undone card back).
        self.undo_action.setEnabled(False)
        self.reviewer.setFocus()

    def _on_reviewer_changed(self, _changes: Changes) -> None:
        self.back_up_if_due(BackupReason.STUDY)

    def _keep_open(self, window: QWidget) -> QWidget:
        self._windows.append(window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda: self._windows.remove(window) if window in self._windows else None)
        if hasattr(window, "changed"):
            window.changed.connect(self.apply_changes)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_add(self) -> None:
        from .editor import AddDialog

        self._keep_open(AddDialog(self.collection, self.current_deck_id(), self))

    def open_editor(self, note_id: int) -> None:
        from .editor import EditNoteDialog

        self._keep_open(EditNoteDialog(self.collection, note_id, self))

    def open_browser(self) -> QWidget:
        """The browser, opened or brought forward."""
        from .browser import BrowserWindow

        existing = next((w for w in self._windows if isinstance(w, BrowserWindow)), None)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        browser = BrowserWindow(self.collection, self.settings)
        browser.info_requested.connect(self.open_card_info)
        self.collection_changed.connect(browser.refresh)
        return self._keep_open(browser)

    def browse_search(self, query: str) -> None:
        """The browser on the cards `query` finds (a statistics bar that was clicked)."""
        self.open_browser().search(query)

    def open_card_info(self, card_id: int) -> None:
        from .card_info import CardInfoDialog

        self._keep_open(CardInfoDialog(self.collection, card_id, self))

    def open_deck_options(self) -> None:
        from .deck_options import DeckOptionsDialog

        deck_id = self.current_deck_id()
        if deck_id is not None:
            self._keep_open(DeckOptionsDialog(self.collection, deck_id, self))

    def open_preferences(self) -> None:
        from .preferences import PreferencesDialog

        preferences = PreferencesDialog(self.collection, self.settings, self)
        preferences.backup_requested.connect(self.back_up_now)
        preferences.restore_requested.connect(self.restore_backup)
        self.backup_made.connect(preferences.show_backup_made)
        self.backup_failed.connect(preferences.show_backup_failed)
        self._keep_open(preferences)

    def check_database(self) -> None:
        from .check_dialog import CheckDatabaseDialog

        dialog = self._keep_open(CheckDatabaseDialog(self.collection, self))
        dialog.check()

    def open_statistics(self) -> None:
        """The statistics window, on the selected deck (or brought forward). Closed, it is kept and
        opened again (`StatisticsWindow.reopen`): its charts are built once per collection opened."""
        from .stats_window import StatisticsWindow

        window = self._statistics
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        deck_id = self.current_deck_id()
        deck_name = self.collection.deck(deck_id).name if deck_id is not None else None
        if window is not None:
            window.reopen(deck_name)
            return
        self._statistics = StatisticsWindow(self.collection, self.tasks, deck_name, self)
        self._statistics.search_requested.connect(self.browse_search)
        self._statistics.show()

    def _drop_statistics(self) -> None:
        """Close the statistics window for good (the collection it reads is closing)."""
        if self._statistics is not None:
            self._statistics.close()
            self._statistics.deleteLater()
            self._statistics = None

    def generate_from_document(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Cards from a document", "", f"Documents ({' '.join('*' + suffix for suffix in SUPPORTED_SUFFIXES)});;All files (*)"
        )
        if path:
            self.open_generate(Path(path))

    def open_generate(self, source: Path | int) -> None:
        """Suggest cards from a document file, or from a document in the collection (its id), for review."""
        from .generate_dialog import GenerateDialog

        dialog = GenerateDialog(self.collection, self.tasks, self)
        dialog.cards_added.connect(self._on_generate_dialog_cards_added)
        self._keep_open(dialog)
        if isinstance(source, Path):
            dialog.generate_from_file(source)
        else:
            dialog.generate_from_document(source)

    def _on_generate_dialog_cards_added(self, count: int, deck_name: str) -> None:
        self.select_deck(self.collection.deck_named(deck_name).id)
        self.statusBar().showMessage(f"Added {count} card{'s' if count != 1 else ''} to {deck_name}. Ctrl+Z undoes it.", 5000)

    def open_documents(self) -> None:
        from .documents_dialog import DocumentsDialog

        existing = next((w for w in self._windows if isinstance(w, DocumentsDialog)), None)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return
        documents = DocumentsDialog(self.collection, self)
        documents.generate_requested.connect(self.open_generate)
        self.collection_changed.connect(documents.refresh)
        self._keep_open(documents)

    def show_help(self) -> None:
        rows = (
            ("Main window", "d decks · s study · a add · b browse · t statistics · / switch deck · Ctrl+Z undo · "
             "Ctrl+Shift+I import · Ctrl+E export · Ctrl+Shift+G cards from a document · Ctrl+P preferences · F1 this help"),
            ("Studying", "Space/Enter show answer, then Good · 1 Again · 2 Hard · 3 Good · 4 Easy · e edit · i card info · "
             "* mark · - bury card · = bury note · @ suspend card · ! suspend note · Ctrl+1…7 flag · r replay audio · "
             "Ctrl+Z undo · Ctrl+Delete delete note · Esc back to the decks"),
            ("Adding", "Ctrl+Enter add · Ctrl+Shift+C cloze · Ctrl+B/I/U bold/italic/underline · Ctrl+Shift+X HTML"),
            ("Cards from a document", "Space accept or reject the card · ↑/↓ next card · F2 edit in the list · "
             "Alt+A accept all · Alt+R reject all · Ctrl+Enter add the accepted cards"),
        )
        QMessageBox.information(
            self,
            "Keyboard shortcuts",
            "".join(f"<p><b>{where}</b><br>{keys}</p>" for where, keys in rows)
            + "<p>Hard counts as a pass for FSRS: use Again only when you forgot.</p>",
        )

    def show_welcome(self) -> None:
        WelcomeDialog(self).exec()
        self.settings.setValue("main/welcomed", True)

    def welcome_if_new(self) -> None:
        """The welcome screen, once per machine, after the window is on screen."""
        if not self.settings.value("main/welcomed", False, type=bool):
            QTimer.singleShot(0, self.show_welcome)

    def bring_to_front(self) -> None:
        """Another start of the app on this collection asked for this window."""
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    # --- backups -------------------------------------------------------------------------
    def back_up_if_due(self, reason: BackupReason) -> None:
        """An automatic backup: when they are switched on, none is under way, and the newest backup
        is old enough for `reason` (see `heatcards.backups`)."""
        if not self._backups_running and self.collection.automatic_backups() and self.collection.backups.is_due(reason):
            self._back_up(reason)

    def back_up_now(self) -> None:
        self._back_up(BackupReason.MANUAL)

    def _back_up(self, reason: BackupReason) -> None:
        """Back up in the worker, from a connection of its own (a large collection takes seconds);
        study goes on meanwhile (sharing the file), and a failure is a warning in the status bar."""
        backups, path = self.collection.backups, self.collection.path
        self._backups_running += 1
        share = self.collection.share_for_reading()

        def back_up() -> BackupInfo:
            with share:
                return backups.create(path, reason)

        self.tasks.run_quietly(back_up, self._on_backup_done, self._on_backup_failed)

    def _on_backup_done(self, backup: BackupInfo) -> None:
        self._backups_running -= 1
        self.statusBar().showMessage(f"Backed up the collection ({backup.reason}).", 5000)
        self.backup_made.emit(backup)

    def _on_backup_failed(self, error: BaseException) -> None:
        self._backups_running -= 1
        self.statusBar().showMessage(f"Backup failed: {error}")  # stays until the next message
        self.backup_failed.emit(str(error))

    def restore_backup(self, backup: Path) -> None:
        """Put `backup` in the place of the collection: every window on the collection closes (the
        editors save first), the collection closes, the worker restores (backing up the collection
        as it is now), and the collection opens again in this window."""
        self.show_decks()
        for window in list(self._windows):
            window.close()
        self._drop_statistics()
        backups, path = self.collection.backups, self.collection.path
        self.collection.close()
        self._restoring = True
        self.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.statusBar().showMessage(f"Restoring {backup.name}…")
        self.tasks.run_quietly(
            lambda: backups.restore(backup),
            lambda saved: self._on_restore_finished(path, restored_message(backup, saved)),
            lambda error: self._on_restore_finished(path, "", error),
        )

    def _on_restore_finished(self, path: Path, outcome: str, error: BaseException | None = None) -> None:
        """Open the collection again, restored or (on `error`) as it was."""
        QApplication.restoreOverrideCursor()
        try:
            self.collection = self._open_collection(path)
        except HeatcardsError as failure:
            show_error(self, "heatcards cannot open the collection", failure)
            self.close()
            return
        self._restoring = False
        self.setEnabled(True)
        self.statusBar().showMessage(outcome)
        self.apply_changes(Changes(decks=True, queue=True, stats=True))
        self.select_deck(self._initial_deck_id())
        self.deck_tree.setFocus()
        if error is not None:
            show_error(self, "Restore", error)

    # --- undo ------------------------------------------------------------------------
    def undo(self) -> None:
        try:
            what = self.collection.undo()
        except NothingToUndoError:
            self.statusBar().showMessage("Nothing to undo", 3000)
            return
        except HeatcardsError as error:
            show_error(self, "Undo", error)
            return
        self.statusBar().showMessage(f"Undone: {what}", 3000)
        self.apply_changes(Changes(decks=True, queue=True, stats=True))

    # --- import and export -------------------------------------------------------------------
    def import_file_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import", "", file_dialog_filter(transfer.IMPORT_FORMATS, all_supported=True))
        if paths:
            self.import_files([Path(path) for path in paths])

    def import_files(self, paths: list[Path]) -> None:
        """Find out what each file is (off the UI thread: a text file is read whole), then ask how to import them."""
        self.tasks.run(
            self,
            "Reading the files to import…",
            lambda cancel: [inspect_import_file(path) for path in paths if not cancel.is_set()],
            self._open_import_dialog,
            lambda error: show_error(self, "Import", error),
        )

    def _open_import_dialog(self, sources: list[ImportSource]) -> None:
        deck_id = self.current_deck_id()
        current_deck = self.collection.deck(deck_id).name if deck_id is not None else None
        dialog = ImportDialog(self.collection, sources, current_deck=current_deck, parent=self)
        dialog.imported.connect(self._on_import_dialog_imported)
        self._keep_open(dialog)

    def _on_import_dialog_imported(self, result: ImportResult) -> None:
        self.select_deck(result.deck_id)
        self.imported.emit(result)

    def open_export(self) -> None:
        self._keep_open(ExportDialog(self.collection, deck_id=self.current_deck_id(), parent=self))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt's name
        if event.mimeData().hasUrls() and all(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt's name
        """Documents (text, Markdown, HTML, PDF) open for cards to be suggested; other files are imported."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        documents = [path for path in paths if path.suffix.lower() in SUPPORTED_SUFFIXES]
        others = [path for path in paths if path not in documents]
        for document in documents:
            QTimer.singleShot(0, lambda document=document: self.open_generate(document))
        if others:
            QTimer.singleShot(0, lambda: self.import_files(others))
