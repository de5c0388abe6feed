"""File ▸ Import… and File ▸ Export…: Anki packages, CSV/TSV files and heatcards deck files.

`heatcards.transfer` reads and writes the files; these dialogs gather its options, run it with a
progress dialog that can cancel, and say what happened. Both touch the collection, whose SQLite
connection belongs to the UI thread, so they run there: the core's progress callback moves the bar,
lets Qt paint and handle the Cancel button, and raises `CancelledError` once Cancel was pressed —
the core then rolls the import back, or leaves no exported file behind.
"""
from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import transfer
from ..collection import Collection
from ..errors import CancelledError, HeatcardsError
from ..formats.exchange import DuplicatePolicy, ImportReport
from ..formats.text import IGNORED_COLUMN, TextPreview, detect_columns
from ..model import NoteType
from ..transfer import ExportReport, FileFormat
from .message_line import MessageLine

PROGRESS_DELAY_MS = 300  # work shorter than this shows no progress dialog
EVENTS_EVERY_SECONDS = 0.05  # how often the progress callback lets Qt paint and see Cancel

# "Existing notes" as Anki words it, with what each choice does.
EXISTING_NOTES = (
    (DuplicatePolicy.UPDATE, "Update", "Notes already in the collection take the file's fields and tags; study progress is kept."),
    (DuplicatePolicy.SKIP, "Skip", "Notes already in the collection stay as they are; only new notes are added."),
    (DuplicatePolicy.DUPLICATE, "Keep both", "Notes already in the collection stay; the file's copies are added as new notes."),
)

COLUMNS_THAT_FIT = 5  # a column map with more columns scrolls sideways
COLUMN_WIDTH = 150

# What a text file's column can be besides a field of the note type (`formats.text` column-map entries).
SPECIAL_TARGETS = (("Tags", "tags"), ("Deck", "deck"), ("GUID", "guid"), ("Ignore", IGNORED_COLUMN))

# Export options per format: None lets the person choose; True/False is fixed (shown, greyed out).
# Order: include scheduling, include media, support older Anki versions.
EXPORT_OPTIONS: dict[str, tuple[bool | None, bool | None, bool | None]] = {
    transfer.APKG.key: (None, None, None),
    transfer.COLPKG.key: (True, None, None),
    transfer.CSV.key: (False, False, False),
    transfer.TSV.key: (False, False, False),
    transfer.HEATDECK.key: (None, False, False),
    transfer.CSV_CARDS.key: (True, False, False),
    transfer.TSV_CARDS.key: (True, False, False),
}
WHOLE_COLLECTION_ONLY = (transfer.COLPKG.key,)
EXPORT_HINTS = {
    transfer.APKG.key: "A deck package: notes, cards and note types for Anki (2.1.50 and later, or older with the legacy format) and heatcards.",
    transfer.COLPKG.key: "A collection package holds the whole collection. Anki replaces its collection with it; heatcards merges it.",
    transfer.CSV.key: "One row per note, with Anki's header lines: Anki and heatcards import it again.",
    transfer.TSV.key: "One row per note, with Anki's header lines: Anki and heatcards import it again.",
    transfer.HEATDECK.key: "A readable text file of one deck (see docs/deck-format.md), to share or keep in version control.",
    transfer.CSV_CARDS.key: "One row per card as it looks, with its due date: for reading in a spreadsheet, not for importing.",
    transfer.TSV_CARDS.key: "One row per card as it looks, with its due date: for reading in a spreadsheet, not for importing.",
}
WHOLE_COLLECTION = "whole collection"
DECK = "deck"
SEARCH = "search"

CANCELLED = "Cancelled."
NOT_REACHED = "Not imported: the import was cancelled before this file."
UNCHANGED = "The collection was left unchanged for this file."
REPORT_ROWS = (
    ("Notes added", "added"),
    ("Notes updated", "updated"),
    ("Notes unchanged", "unchanged"),
    ("Notes skipped", "skipped"),
    ("Cards added", "cards_added"),
    ("Reviews added", "reviews_added"),
    ("Media files added", "media_added"),
)


def file_dialog_filter(formats: tuple[FileFormat, ...], *, all_supported: bool) -> str:
    """A QFileDialog filter: one entry per format (optionally led by "All supported files"), then "All files"."""
    entries = [f"{f.description} ({' '.join(f.patterns)})" for f in formats]
    if all_supported:
        patterns = dict.fromkeys(p for f in formats for p in f.patterns)
        entries.insert(0, f"All supported files ({' '.join(patterns)})")
    return ";;".join([*entries, "All files (*)"])


class ProgressReporter:
    """The core's progress callback, shown as a modal progress dialog on the UI thread.

    Each call moves the bar and, at most every `EVENTS_EVERY_SECONDS`, lets Qt paint and handle the
    Cancel button; once Cancel was pressed the call raises `CancelledError`, which makes the core stop
    and leave everything as it was. The dialog appears only when the work lasts `PROGRESS_DELAY_MS`."""

    def __init__(self, parent: QWidget, label: str):
        self.label = label
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle("heatcards")
        # Application-modal: while events are processed mid-import, no other window may change the collection.
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setMinimumWidth(360)
        self._started = time.monotonic()
        self._events_at = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._events_at >= EVENTS_EVERY_SECONDS:
            self._events_at = now
            self.dialog.setLabelText(f"{self.label}\n{stage.capitalize()}: {done:,} of {total:,}" if total else self.label)
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total))
            if not self.dialog.isVisible() and (now - self._started) * 1000 >= PROGRESS_DELAY_MS:
                self.dialog.show()
            QApplication.processEvents()
        if self.dialog.wasCanceled():
            raise CancelledError("cancelled")

    def close(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()


class TransferDialog(QDialog):
    """Options first, then — in the same window — what happened: the shape Import and Export share."""

    def __init__(self, title: str, action: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.options_page = QWidget()
        self.summary = QTextBrowser()
        self.summary.setAccessibleName("Summary")
        self.summary.setOpenLinks(False)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.options_page)
        self.pages.addWidget(self.summary)
        self.buttons = QDialogButtonBox()
        self.action_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.action_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

    def run(self) -> None:
        """The action button: do the work with the options chosen."""
        raise NotImplementedError

    def show_summary(self, summary_html: str) -> None:
        self.summary.setHtml(summary_html)
        self.pages.setCurrentWidget(self.summary)
        self.action_button.hide()
        self.close_button.setText("Close")
        self.close_button.setDefault(True)
        self.close_button.setFocus()


# --- import -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportSource:
    """A file chosen for import, as the dialog sees it before importing."""

    path: Path
    format: FileFormat | None  # None: not a kind of file heatcards imports
    preview: TextPreview | None = None  # text files of notes: their first rows
    problem: str | None = None  # why it cannot be imported (unknown kind, unreadable text)

    @property
    def needs_column_map(self) -> bool:
        """A text file of notes whose header lines do not say which column is which."""
        if self.preview is None:
            return False
        headers = self.preview.headers
        roles = (headers.notetype_column, headers.deck_column, headers.tags_column, headers.guid_column)
        return not headers.columns and all(role is None for role in roles)

    @property
    def kind(self) -> str:
        if self.problem is not None:
            return self.problem
        description = self.format.description
        if self.format is transfer.COLPKG:
            return f"{description} (merged into this collection; Anki would replace it)"
        if self.preview is not None:
            layout = "columns to map below" if self.needs_column_map else "header lines name the columns"
            return f"{description}: {self.preview.row_count:,} rows, {layout}"
        return description


def inspect_import_file(path: Path) -> ImportSource:
    """What `path` is, and for a text file of notes its separator, headers and first rows. Reads the
    file but not the collection: it may run off the UI thread."""
    try:
        file_format = transfer.import_format(path)
    except HeatcardsError as error:
        return ImportSource(path, None, problem=str(error))
    if file_format not in (transfer.CSV, transfer.TSV):
        return ImportSource(path, file_format)
    try:
        return ImportSource(path, file_format, preview=detect_columns(path))
    except HeatcardsError as error:
        return ImportSource(path, file_format, problem=str(error))


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one file: the core's report, or why nothing of it was imported."""

    path: Path
    report: ImportReport | None = None
    error: str | None = None


@dataclass(frozen=True)
class ImportResult:
    """Every file's outcome, and the deck to show afterwards: the shallowest deck the import created,
    else the deck everything was put under (None: neither)."""

    outcomes: tuple[ImportOutcome, ...]
    deck_id: int | None


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ColumnMapView(QWidget):
    """Which column of a text file is which: a note type, then one combo box per column (a field,
    Tags, Deck, GUID or Ignore) above the file's first rows."""

    map_changed = Signal()

    def __init__(self, preview: TextPreview, notetypes: list[NoteType], parent: QWidget | None = None):
        super().__init__(parent)
        self.notetypes = {notetype.name: notetype for notetype in notetypes}
        self.notetype_combo = QComboBox()
        self.notetype_combo.setAccessibleName("Note type")
        self.notetype_combo.addItems(list(self.notetypes))
        self.notetype_combo.setCurrentText("Basic")
        self.table = QTableWidget(1 + len(preview.rows), preview.column_count)
        self.table.setAccessibleName("Columns and the file's first rows")
        self.table.setHorizontalHeaderLabels([f"Column {n}" for n in range(1, preview.column_count + 1)])
        self.table.setVerticalHeaderLabels(["Import as", *(str(n) for n in range(1, len(preview.rows) + 1))])
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        if preview.column_count <= COLUMNS_THAT_FIT:
            self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        else:
            self.table.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        self.column_combos: list[QComboBox] = []
        for column in range(preview.column_count):
            combo = QComboBox()
            combo.setAccessibleName(f"Column {column + 1} is")
            combo.currentIndexChanged.connect(self.map_changed)
            self.table.setCellWidget(0, column, combo)
            self.column_combos.append(combo)
        for row, cells in enumerate(preview.rows, start=1):
            for column, cell in enumerate(cells):
                item = QTableWidgetItem(_one_line(cell))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(cell)
                self.table.setItem(row, column, item)
        self.table.resizeRowToContents(0)
        self.problem_line = MessageLine()
        self.notetype_combo.currentTextChanged.connect(self._on_notetype_combo_currentTextChanged)
        self.map_changed.connect(self._on_map_changed)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Note type:", self.notetype_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem_line)
        self._fill_combos(self.notetype())

    def notetype(self) -> NoteType:
        return self.notetypes[self.notetype_combo.currentText()]

    def column_map(self) -> list[str]:
        """One entry per column, as `transfer.import_file(column_map=...)` takes it."""
        return [combo.currentData() for combo in self.column_combos]

    def choose(self, column: int, label: str) -> None:
        """Make column `column` (0-based) import as `label` ("Back", "Tags", "Ignore"...)."""
        combo = self.column_combos[column]
        combo.setCurrentIndex(combo.findText(label))

    def problem(self) -> str | None:
        """Why this map cannot be imported (a field or role chosen twice, no first field), or None."""
        chosen: dict[str, list[int]] = {}
        for column, combo in enumerate(self.column_combos, start=1):
            if combo.currentData() != IGNORED_COLUMN:
                chosen.setdefault(combo.currentText(), []).append(column)
        for label, columns in chosen.items():
            if len(columns) > 1:
                listed = " and ".join(str(c) for c in columns)
                return f"{label} is chosen for columns {listed}: choose it for one column only."
        first = self.notetype().fields[0]
        if first not in chosen:
            return f"Choose a column for {first}, the first field of {self.notetype().name}."
        return None

    def _fill_combos(self, notetype: NoteType) -> None:
        """Offer `notetype`'s fields; columns map to them in order, the next column to Tags (as Anki does)."""
        defaults = [*notetype.fields, "Tags"]
        for column, combo in enumerate(self.column_combos):
            combo.blockSignals(True)
            combo.clear()
            for name in notetype.fields:
                combo.addItem(name, name)
            combo.insertSeparator(combo.count())
            for label, entry in SPECIAL_TARGETS:
                combo.addItem(label, entry)
            combo.setCurrentIndex(combo.findText(defaults[column] if column < len(defaults) else "Ignore"))
            combo.blockSignals(False)
        self.map_changed.emit()

    def _on_notetype_combo_currentTextChanged(self, _name: str) -> None:
        self._fill_combos(self.notetype())

    def _on_map_changed(self) -> None:
        self.problem_line.show_message(self.problem(), error=True)


class ImportDialog(TransferDialog):
    """The files chosen for import, what each is, and the options: what to do with notes already in the
    collection, a deck to put everything under, and for text files without header lines which column
    is which. Import runs them one by one; the summary says what each did."""

    changed = Signal(object)  # Changes, once per file imported
    imported = Signal(object)  # ImportResult, when every file was tried

    def __init__(
        self, collection: Collection, sources: list[ImportSource], *, current_deck: str | None = None, parent: QWidget | None = None
    ):
        super().__init__("Import", "Import", parent)
        self.collection = collection
        self.sources = sources
        self.files = QTreeWidget()
        self.files.setAccessibleName("Files to import")
        self.files.setHeaderLabels(["File", "What it is"])
        self.files.setRootIsDecorated(False)
        self.files.setUniformRowHeights(True)
        for source in sources:
            item = QTreeWidgetItem([source.path.name, source.kind])
            item.setToolTip(0, str(source.path))
            item.setToolTip(1, source.kind)
            if source.problem is not None:
                item.setDisabled(True)
            self.files.addTopLevelItem(item)
        self.files.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        rows_shown = min(len(sources), 5)
        self.files.setMaximumHeight(self.files.sizeHintForRow(0) * rows_shown + self.files.header().sizeHint().height() + 6)

        self.existing_combo = QComboBox()
        self.existing_combo.setAccessibleName("Existing notes")
        for policy, label, _help in EXISTING_NOTES:
            self.existing_combo.addItem(label, policy)
        self.existing_help = QLabel()  # one line: a wrapped label in a form row leaves gaps around it
        self.existing_combo.currentIndexChanged.connect(self._on_existing_combo_currentIndexChanged)
        self._on_existing_combo_currentIndexChanged(0)
        self.deck_combo = QComboBox()
        self.deck_combo.setAccessibleName("Deck")
        self.deck_combo.setEditable(True)
        self.deck_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.deck_combo.addItems([deck.name for deck in collection.decks()])
        self.deck_combo.lineEdit().setPlaceholderText("As in each file")
        self.deck_combo.setToolTip(
            "Put everything under this deck (a new name creates it) instead of each file's own top-level decks. "
            "Rows of a text file without a deck column go to this deck, else to Default."
        )
        # Text files land in the current deck, as in Anki; packages and deck files keep their own decks.
        text_notes_only = all(source.preview is not None for source in sources)
        self.deck_combo.setCurrentText(current_deck if text_notes_only and current_deck else "")
        options = QFormLayout()
        options.addRow("&Existing notes:", self.existing_combo)
        options.addRow("", self.existing_help)
        options.addRow("&Deck:", self.deck_combo)

        self.column_maps: dict[int, ColumnMapView] = {}
        self.column_pages = QStackedWidget()
        self.column_pages.addWidget(QLabel("Nothing to map: this file says where everything goes."))
        notetypes = collection.notetypes()
        for index, source in enumerate(sources):
            if source.needs_column_map:
                view = ColumnMapView(source.preview, notetypes)
                view.map_changed.connect(self._update_import_button)
                self.column_maps[index] = view
                self.column_pages.addWidget(view)
        self.columns_group = QGroupBox("Columns")
        columns_layout = QVBoxLayout(self.columns_group)
        columns_layout.addWidget(self.column_pages)
        self.columns_group.setVisible(bool(self.column_maps))
        self.files.currentItemChanged.connect(self._on_files_currentItemChanged)

        undo_note = QLabel("An import cannot be undone with Ctrl+Z.")
        undo_note.setEnabled(False)
        layout = QVBoxLayout(self.options_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files)
        layout.addLayout(options)
        layout.addWidget(self.columns_group, 1)
        layout.addWidget(undo_note)
        self.files.setCurrentItem(self.files.topLevelItem(min(self.column_maps, default=0)))
        self._update_import_button()
        self.resize(760, 580 if self.column_maps else 340)

    # --- options ---------------------------------------------------------------------------------
    def policy(self) -> DuplicatePolicy:
        return self.existing_combo.currentData()

    def target_deck(self) -> str | None:
        return self.deck_combo.currentText().strip() or None

    def column_map_of(self, name: str) -> ColumnMapView:
        """The column map of the file called `name`."""
        return next(view for index, view in self.column_maps.items() if self.sources[index].path.name == name)

    def _on_existing_combo_currentIndexChanged(self, index: int) -> None:
        self.existing_help.setText(EXISTING_NOTES[index][2])

    def _on_files_currentItemChanged(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        index = self.files.indexOfTopLevelItem(current) if current is not None else -1
        view = self.column_maps.get(index)
        self.column_pages.setCurrentWidget(view if view is not None else self.column_pages.widget(0))
        self.columns_group.setTitle(f"Columns of {self.sources[index].path.name}" if index >= 0 else "Columns")

    def _update_import_button(self) -> None:
        importable = any(source.problem is None for source in self.sources)
        mapped = all(view.problem() is None for view in self.column_maps.values())
        self.action_button.setEnabled(importable and mapped)

    # --- importing -------------------------------------------------------------------------------
    def run(self) -> None:
        """Import each file in turn. A file that fails leaves the collection as it was; Cancel rolls back
        the file being imported and stops (files imported before it stay)."""
        known_decks = {deck.id for deck in self.collection.decks()}
        outcomes: list[ImportOutcome] = []
        cancelled = False
        for index, source in enumerate(self.sources):
            if cancelled:
                outcomes.append(ImportOutcome(source.path, error=NOT_REACHED))
            elif source.problem is not None:
                outcomes.append(ImportOutcome(source.path, error=source.problem))
            else:
                try:
                    outcomes.append(self._import(source, self.column_maps.get(index)))
                except CancelledError:
                    outcomes.append(ImportOutcome(source.path, error=CANCELLED))
                    cancelled = True
        self.show_summary(import_summary_html(outcomes))
        self.imported.emit(ImportResult(tuple(outcomes), self._deck_to_show(known_decks)))

    def _import(self, source: ImportSource, column_map: ColumnMapView | None) -> ImportOutcome:
        progress = ProgressReporter(self, f"Importing {source.path.name}…")
        try:
            report, changes = transfer.import_file(
                self.collection,
                source.path,
                policy=self.policy(),
                deck=self.target_deck(),
                column_map=column_map.column_map() if column_map is not None else None,
                notetype=column_map.notetype().name if column_map is not None else None,
                progress=progress,
            )
        except CancelledError:
            raise
        except HeatcardsError as error:
            return ImportOutcome(source.path, error=str(error))
        finally:
            progress.close()
        self.changed.emit(changes)
        return ImportOutcome(source.path, report=report)

    def _deck_to_show(self, known_decks: set[int]) -> int | None:
        decks = self.collection.decks()
        created = [deck for deck in decks if deck.id not in known_decks]
        if created:
            return min(created, key=lambda deck: (deck.name.count("::"), deck.name.casefold())).id
        chosen = self.target_deck()
        return next((deck.id for deck in decks if chosen is not None and deck.name.casefold() == chosen.casefold()), None)


def import_summary_html(outcomes: list[ImportOutcome]) -> str:
    """One section per file: its counts and the core's remarks, or its error and that nothing changed."""
    sections = []
    for outcome in outcomes:
        title = f"<h3>{html.escape(outcome.path.name)}</h3>"
        if outcome.report is None:
            sections.append(f"{title}<p><b>{html.escape(outcome.error or '')}</b></p><p>{UNCHANGED}</p>")
            continue
        rows = "".join(
            f"<tr><td>{label}</td><td align='right'>{getattr(outcome.report, key):,}</td></tr>" for label, key in REPORT_ROWS
        )
        remarks = "".join(f"<li>{html.escape(line)}</li>" for line in outcome.report.notes)
        sections.append(f"{title}<table cellspacing='4'>{rows}</table>" + (f"<ul>{remarks}</ul>" if remarks else ""))
    return "".join(sections)


# --- export -----------------------------------------------------------------------------------------
class ExportDialog(TransferDialog):
    """What to export (the whole collection, a deck, or the browser's search), in which format, with
    which options; then where to save it. The summary says what the file holds."""

    exported = Signal(object)  # ExportReport

    def __init__(
        self, collection: Collection, *, deck_id: int | None = None, search: str | None = None, parent: QWidget | None = None
    ):
        super().__init__("Export", "Export…", parent)
        self.collection = collection
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName("Export format")
        for file_format in transfer.EXPORT_FORMATS:
            self.format_combo.addItem(f"{file_format.description} ({file_format.suffixes[0]})", file_format)
        self.include_combo = QComboBox()
        self.include_combo.setAccessibleName("Include")
        self.include_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.include_combo.setMinimumContentsLength(30)  # a long search does not widen the dialog
        self.include_combo.addItem("Whole collection", (WHOLE_COLLECTION, None))
        for deck in collection.decks():
            self.include_combo.addItem("    " * deck.name.count("::") + deck.name.split("::")[-1], (DECK, deck.name))
            if deck.id == deck_id:
                self.include_combo.setCurrentIndex(self.include_combo.count() - 1)
        if search is not None:
            self.include_combo.addItem(f"Cards found by the search: {search}", (SEARCH, search))
            self.include_combo.setCurrentIndex(self.include_combo.count() - 1)
        self.scheduling_box = QCheckBox("Include scheduling information")
        self.scheduling_box.setToolTip("Cards keep their due dates, memory states, flags and review history; without it they leave as new cards.")
        self.media_box = QCheckBox("Include media")
        self.media_box.setToolTip("Images and sounds the notes use travel inside the package.")
        self.legacy_box = QCheckBox("Support older Anki versions (legacy format)")
        self.legacy_box.setToolTip("A package Anki before 2.1.50 can read; larger and slower to import.")
        self.option_boxes = (self.scheduling_box, self.media_box, self.legacy_box)
        self.scheduling_box.setChecked(True)
        self.media_box.setChecked(True)
        # The person's choices, kept while a format fixes them (a .colpkg is always the whole collection).
        self._wanted_options = [box.isChecked() for box in self.option_boxes]
        self._wanted_include = self.include_combo.currentIndex()
        self.include_combo.currentIndexChanged.connect(self._on_include_combo_currentIndexChanged)
        for position, box in enumerate(self.option_boxes):
            box.toggled.connect(lambda checked, position=position: self._on_option_box_toggled(position, checked))
        self.format_hint = QLabel()
        self.format_hint.setWordWrap(True)
        self.format_hint.setEnabled(False)
        form = QFormLayout(self.options_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Export &format:", self.format_combo)
        form.addRow("&Include:", self.include_combo)
        for box in self.option_boxes:
            form.addRow("", box)
        form.addRow("", self.format_hint)
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_currentIndexChanged)
        self._on_format_combo_currentIndexChanged()
        self.resize(600, self.sizeHint().height())

    def chosen_format(self) -> FileFormat:
        return self.format_combo.currentData()

    def _on_option_box_toggled(self, position: int, checked: bool) -> None:
        if self.option_boxes[position].isEnabled():
            self._wanted_options[position] = checked

    def _on_include_combo_currentIndexChanged(self, index: int) -> None:
        if self.include_combo.isEnabled():
            self._wanted_include = index

    def _on_format_combo_currentIndexChanged(self, _index: int = 0) -> None:
        key = self.chosen_format().key
        for position, (box, fixed) in enumerate(zip(self.option_boxes, EXPORT_OPTIONS[key])):
            box.setEnabled(fixed is None)
            box.blockSignals(True)
            box.setChecked(self._wanted_options[position] if fixed is None else fixed)
            box.blockSignals(False)
        whole_only = key in WHOLE_COLLECTION_ONLY
        self.include_combo.setEnabled(not whole_only)
        self.include_combo.setCurrentIndex(0 if whole_only else self._wanted_include)
        self.format_hint.setText(EXPORT_HINTS[key])

    def _default_name(self) -> str:
        kind, value = self.include_combo.currentData()
        stem = "collection" if kind == WHOLE_COLLECTION else "search results" if kind == SEARCH else value.replace("::", " - ")
        return re.sub(r'[\\/:*?"<>|]', "_", stem) + self.chosen_format().suffixes[0]

    def run(self) -> None:
        """Ask where to save, then write the file (whole, or not at all) and say what it holds."""
        file_format = self.chosen_format()
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export", str(Path.home() / self._default_name()), file_dialog_filter((file_format,), all_supported=False)
        )
        if not chosen:
            return
        path = Path(chosen)
        if not file_format.names(path):
            path = path.with_name(path.name + file_format.suffixes[0])
        kind, value = self.include_combo.currentData()
        progress = ProgressReporter(self, f"Exporting {path.name}…")
        try:
            report = transfer.export_file(
                self.collection,
                path,
                format=file_format.key,
                deck=value if kind == DECK else None,
                search=value if kind == SEARCH else None,
                scheduling=self.scheduling_box.isChecked(),
                media=self.media_box.isChecked(),
                legacy=self.legacy_box.isChecked(),
                progress=progress,
            )
        except HeatcardsError as error:  # the core leaves no file behind, whole or partial
            reason = CANCELLED if isinstance(error, CancelledError) else str(error)
            self.show_summary(f"<h3>{html.escape(path.name)}</h3><p><b>{html.escape(reason)}</b></p><p>No file was written.</p>")
            return
        finally:
            progress.close()
        self.show_summary(export_summary_html(report))
        self.exported.emit(report)


def export_summary_html(report: ExportReport) -> str:
    """The file written, where, and how many notes, cards, reviews and media files it holds."""
    counts = (
        ("Notes", report.notes),
        ("Cards", report.cards),
        ("Reviews", report.reviews),
        ("Media files", report.media),
    )
    rows = "".join(f"<tr><td>{label}</td><td align='right'>{count:,}</td></tr>" for label, count in counts)
    return (
        f"<h3>{html.escape(report.path.name)}</h3>"
        f"<p>Written to {html.escape(str(report.path.parent))}</p>"
        f"<table cellspacing='4'>{rows}</table>"
    )
