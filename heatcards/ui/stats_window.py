"""The statistics window (`t`): every panel of `heatcards.stats` for a scope and a period, drawn as
Anki draws them, with the numbers beside each chart.

The numbers are computed in two worker threads, each from a read-only connection of its own
(`Collection.open_read_only`): in one, the cheap panels first (today's answers and the card counts
arrive in a fraction of a second), then the panels that read the whole review log; in the other,
beside them once the first panels are computed, calibration. A new scope or period supersedes the
computation under way: its remaining stages are skipped and what it still hands back is dropped.
An in-memory collection has no file a second connection could read, so its (small) statistics are
computed in the UI thread, stage by stage.

A click on a bar or a calendar day asks for the browser on the cards behind it
(`search_requested`); every panel saves its picture (PNG) and its numbers (`stats.panel_csv`).
"""
from __future__ import annotations

import dataclasses
import html
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import stats
from ..collection import Collection
from ..errors import SearchSyntaxError
from ..search import parse_search
from . import stats_charts as charts
from .list_table_model import TextTableModel
from .tasks import BackgroundTasks

PERIODS = ((stats.Period.MONTH, "1 month"), (stats.Period.YEAR, "1 year"), (stats.Period.ALL, "All time"))
GLANCE_PANELS = ("today", "card_counts")  # the panels `stats.glance` computes, shown first


def format_value(value: int | float | None, unit: str = "") -> str:
    """A panel's number as the window shows it: thousands grouped, one decimal, "–" for nothing."""
    if value is None:
        return "–"
    if unit == "%":
        return f"{value:.1f} %"
    if isinstance(value, int):
        text = f"{value:,}"
    else:
        text = f"{value:,.1f}" if unit else f"{value:.4f}"
    return f"{text} {unit}" if unit else text


def numbers_html(measures: tuple[stats.Measure, ...]) -> str:
    """The headline numbers as a two-column table; a number whose cards a search selects is a link
    (its href is the measure's index)."""
    rows = []
    for index, measure in enumerate(measures):
        value = html.escape(format_value(measure.value, measure.unit))
        if measure.search is not None:
            value = f"<a href='{index}'>{value}</a>"
        rows.append(f"<tr><td>{html.escape(measure.label)}</td><td align='right' style='padding-left: 12px'><b>{value}</b></td></tr>")
    return f"<table cellspacing='2'>{''.join(rows)}</table>"


def numbers_equal(panel: stats.Panel, other: stats.Panel | None) -> bool:
    """Whether `panel` holds the numbers `other` holds, whatever the scope of each."""
    return other is not None and dataclasses.replace(panel, scope=other.scope) == other


class PanelTableModel(TextTableModel):
    """A panel's table (`stats.Table`) as rows, without its search column; numbers aligned right."""

    def set_table(self, table: stats.Table) -> None:
        shown = [i for i, name in enumerate(table.columns) if name != "search"]
        self.right_aligned = frozenset(range(1, len(shown)))
        self.set_rows(
            [tuple(self._cell(row[i], table.columns[i]) for i in shown) for row in table.rows],
            [table.columns[i] for i in shown],
        )

    @staticmethod
    def _cell(value: str | int | float | None, column: str) -> str:
        if isinstance(value, str):
            return value
        return format_value(value, "%" if column.endswith("%") else "")


class PanelView(QFrame):
    """One panel: its title, its chart or table, its numbers beside it, and the two ways to save it."""

    search_requested = Signal(str)

    def __init__(
        self,
        key: str,
        title: str,
        make_body: Callable[[], QWidget] | None = None,
        render: Callable[[Any, Any], None] | None = None,
        *,
        rescope: Callable[[Any, Any], None] | None = None,
        body_height: int = 0,
        show_numbers: bool = True,
    ):
        """The body `make_body()` makes (a chart, a table) shows the panel as `render(body, panel)`
        draws it; without one, or beside it unless `show_numbers` is False, the headline numbers.
        A panel whose numbers are those drawn but whose scope is another (a deck holding every card,
        then the whole collection) is shown by `rescope(body, panel)` without drawing it again, where
        the body can (a chart: its bars' searches), and drawn again otherwise.
        The body is made when the first panel arrives (or `make_body` is called): a chart takes
        ~20 ms to build, and a window that built its twelve before showing anything would make a
        person wait for all of them. `body_height` keeps its place meanwhile."""
        super().__init__()
        self.key = key
        self.panel: stats.Panel | None = None
        self.body: QWidget | None = None
        self._drawn: stats.Panel | None = None  # what the numbers and the body show, kept while waiting
        self._make_body = make_body
        self._render = render
        self._rescope = rescope
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.header = QHBoxLayout()
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        self.waiting_label = QLabel("Computing…")
        self.waiting_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting_label.setMinimumHeight(body_height)
        self.numbers = QLabel()
        self.numbers.setAccessibleName(f"{title} numbers")
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.numbers.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.numbers.linkActivated.connect(self._on_numbers_linkActivated)
        self.note_label = QLabel()  # under the numbers: what a reader must know beside them (`Panel` note)
        self.note_label.setAccessibleName(f"{title} note")
        self.note_label.setWordWrap(True)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.note_label.setVisible(False)
        beside = QVBoxLayout()
        beside.addWidget(self.numbers)
        beside.addWidget(self.note_label)
        beside.addStretch(1)
        content = QWidget()
        self._content_layout = QHBoxLayout(content)
        self._content_layout.setContentsMargins(0, 0, 0, 0)
        self._content_layout.addLayout(beside, 1 if make_body is not None and show_numbers else 0)
        self.numbers.setVisible(show_numbers)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.waiting_label)
        self.stack.addWidget(content)
        # the picture a person saves: the title and what is under it, not the buttons
        self.picture = QWidget()
        picture_layout = QVBoxLayout(self.picture)
        picture_layout.setContentsMargins(0, 0, 0, 0)
        picture_layout.addLayout(self.header)
        picture_layout.addWidget(self.stack, 1)
        self.save_picture_button = QPushButton("Save picture…")
        self.save_picture_button.setAccessibleName(f"Save the {title} panel as a picture")
        self.save_picture_button.clicked.connect(self.save_picture)
        self.save_numbers_button = QPushButton("Save numbers…")
        self.save_numbers_button.setAccessibleName(f"Save the numbers of the {title} panel as CSV")
        self.save_numbers_button.clicked.connect(self.save_numbers)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_picture_button, self.save_numbers_button):
            button.setFlat(True)
            button.setAutoDefault(False)  # Enter in the search box searches, it saves nothing
            button.setEnabled(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addLayout(buttons)

    def show_waiting(self, text: str = "Computing…") -> None:
        """Say `text` in the body's place, as high as the body is now (the true retention table's
        height follows the period): the body, hidden meanwhile, would not move the page."""
        self.panel = None
        if self.body is not None:
            self.waiting_label.setMinimumHeight(self.body.minimumHeight())
        self.waiting_label.setText(text)
        self.stack.setCurrentWidget(self.waiting_label)
        self.save_picture_button.setEnabled(False)
        self.save_numbers_button.setEnabled(False)

    def make_body(self) -> None:
        """Make the body (once), before a panel arrives to draw in it."""
        if self._make_body is not None and self.body is None:
            self.body = self._make_body()
            self._content_layout.insertWidget(0, self.body, 3)

    def show_panel(self, panel: stats.Panel) -> None:
        """Show `panel`, drawing its numbers and its body only when they are not those drawn last
        (a new period leaves the card panels as they were; `collect` repeats `glance`'s panels; a
        new scope that selects the same cards leaves every number as it was)."""
        self.panel = panel
        if panel != self._drawn:
            self.numbers.setText(numbers_html(panel.summary()))
            note = getattr(panel, "note", None)
            self.note_label.setText(note or "")
            self.note_label.setVisible(note is not None)
            self.make_body()
            if self._rescope is not None and numbers_equal(panel, self._drawn):
                self._rescope(self.body, panel)
            elif self._render is not None:
                self._render(self.body, panel)
            self._drawn = panel
        self.stack.setCurrentIndex(1)
        self.save_picture_button.setEnabled(True)
        self.save_numbers_button.setEnabled(True)

    def redraw(self) -> None:
        """Draw the panel again (a choice in its header changed)."""
        if self.panel is not None and self._render is not None:
            self._render(self.body, self.panel)

    def _on_numbers_linkActivated(self, link: str) -> None:
        search = self.panel.summary()[int(link)].search if self.panel is not None else None
        if search is not None:
            self.search_requested.emit(search)

    def save_picture(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save picture", f"heatcards-{self.key}.png", "PNG images (*.png)")
        if path and not self.picture.grab().save(path, "PNG"):
            QMessageBox.warning(self, "Save picture", f"The picture could not be written to {path}.")

    def save_numbers(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save numbers", f"heatcards-{self.key}.csv", "CSV files (*.csv)")
        if not path or self.panel is None:
            return
        try:
            Path(path).write_text(stats.panel_csv(self.panel), encoding="utf-8", newline="")
        except OSError as error:
            QMessageBox.warning(self, "Save numbers", f"The numbers could not be written to {path}: {error.strerror or error}")


class StatisticsRun:
    """One scope and period, computed stage by stage in `threads` worker threads, each on a
    read-only connection of its own: a thread's first stage opens it; that thread's last stage, or
    its first one after the run was superseded, closes it (in the thread that opened it). The
    collection's file is shared for reading (`Collection.share_for_reading`, taken here, in the
    collection's thread) until the last of the threads' last stages. With no threads (an
    in-memory collection, computed in the UI thread) the run only tells whether it was superseded."""

    def __init__(self, collection: Collection, scope: stats.Scope, period: stats.Period, threads: int):
        self.scope = scope
        self.period = period
        self.superseded = threading.Event()
        self._open = collection.open_read_only
        self._readers = threading.local()  # `reader`: the calling thread's connection, while open
        self._share = collection.share_for_reading() if threads else None
        self._threads_left = threads
        self._threads_lock = threading.Lock()

    def stage(self, compute: Callable[[Collection], Any], *, last: bool = False) -> Any:
        """`compute(reader)` in a worker, `last` of the stages this thread runs; None once the run
        is superseded."""
        reader: Collection | None = getattr(self._readers, "reader", None)
        try:
            if self.superseded.is_set():
                return None
            if reader is None:
                reader = self._readers.reader = self._open()
            return compute(reader)
        finally:
            if (last or self.superseded.is_set()) and reader is not None:
                reader.close()
                self._readers.reader = None
            if last:
                self._thread_done()

    def _thread_done(self) -> None:
        with self._threads_lock:
            self._threads_left -= 1
            every_thread_done = self._threads_left == 0
        if every_thread_done and self._share is not None:
            self._share.release()


class StatisticsWindow(QDialog):
    """Statistics of the whole collection, the current deck or a search, over a month, a year or all time."""

    search_requested = Signal(str)  # the browser on these cards, please
    first_panels_drawn = Signal()  # today and the card counts of the current choice are on screen
    all_panels_drawn = Signal()

    def __init__(self, collection: Collection, tasks: BackgroundTasks, deck_name: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.tasks = tasks
        self._in_worker = not collection.in_memory
        self._run: StatisticsRun | None = None
        self._drawing: list[Callable[[], None]] = []  # panels waiting for their turn to be drawn
        self._pending: set[str] = set()  # what the current run has still to draw
        self.setWindowTitle("Statistics")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)

        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName("Scope")
        self._offer_scopes(deck_name)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_combo_currentIndexChanged)
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName("Search")
        self.search_edit.setPlaceholderText("Anki search, e.g. deck:French tag:verbs, then Enter")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.refresh)
        self.search_edit.hide()
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName("Period")
        for period, label in PERIODS:
            self.period_combo.addItem(label, period)
        self.period_combo.currentIndexChanged.connect(self.refresh)
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Status")
        self.error_label = QLabel()
        self.error_label.setAccessibleName("Search error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Cards:"))
        bar.addWidget(self.scope_combo)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(QLabel("Period:"))
        bar.addWidget(self.period_combo)
        bar.addStretch(0)
        bar.addWidget(self.status_label)
        self.retention_model = PanelTableModel(parent=self)
        self.retention_model.set_table(stats.TrueRetention(stats.Scope(), ()).table())  # its columns: a header of some height
        self.retention_table = QTableView()
        self.retention_table.setAccessibleName("True retention table")
        self.retention_table.setModel(self.retention_model)
        self.retention_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.retention_table.verticalHeader().hide()
        self.retention_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # the worker starts on the first numbers while the charts are built (a tenth of a second)
        self.panels: dict[str, PanelView] = {}
        self.refresh()

        self.by_time_combo = QComboBox()
        self.by_time_combo.setAccessibleName("Reviews by count or by time")
        self.by_time_combo.addItems(["Count", "Time"])
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for row, keys in enumerate(
            (
                ("today", "card_counts"), ("future_due",), ("calendar",), ("reviews",), ("intervals", "stability"),
                ("difficulty", "retrievability"), ("hours", "buttons"), ("true_retention",), ("added", "calibration"),
            )
        ):
            for column, key in enumerate(keys):
                grid.addWidget(self._panel(key), row, column, 1, 3 - len(keys))
        # the first panels' charts are built while the worker computes their numbers, not after;
        # the others once those are drawn, one per turn of the event loop, while it computes theirs;
        # the true retention table (built already) at once
        made_at_once = (*GLANCE_PANELS, "true_retention")
        for key in made_at_once:
            self.panels[key].make_body()
        self._bodies_to_make = [view for key, view in self.panels.items() if key not in made_at_once]
        self.by_time_combo.currentIndexChanged.connect(self.panels["reviews"].redraw)
        self.panels["reviews"].header.addWidget(self.by_time_combo)
        page = QWidget()
        page.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(scroll, 1)
        self.resize(1240, 900)

    # --- the panels ---------------------------------------------------------------------------------
    def _panel(self, key: str) -> PanelView:
        titles = {
            "today": "Today", "future_due": "Future due", "calendar": "Calendar", "reviews": "Reviews", "card_counts": "Card counts",
            "intervals": "Review intervals", "difficulty": "Difficulty", "stability": "Stability", "retrievability": "Retrievability",
            "hours": "Hourly breakdown", "buttons": "Answer buttons", "added": "Added", "true_retention": "True retention",
            "calibration": "Calibration: predicted against actual recall",
        }
        drawings = {
            "future_due": charts.draw_future_due, "calendar": charts.draw_calendar, "card_counts": charts.draw_card_counts,
            "intervals": charts.draw_intervals, "difficulty": charts.draw_share_histogram, "stability": charts.draw_stability,
            "retrievability": charts.draw_share_histogram, "hours": charts.draw_hours, "buttons": charts.draw_buttons,
            "added": charts.draw_added, "calibration": charts.draw_calibration,
            "reviews": lambda chart, panel: charts.draw_reviews(chart, panel, self.by_time_combo.currentIndex() == 1),
        }
        if key in drawings:
            height = 180 if key == "calendar" else charts.CHART_HEIGHT

            def make_chart() -> charts.ChartView:
                chart = charts.ChartView(f"{titles[key]} chart")
                chart.search_requested.connect(self.search_requested)
                chart.setFixedHeight(height)
                return chart

            view = PanelView(
                key, titles[key], make_chart, lambda chart, panel: chart.draw(drawings[key], panel),
                rescope=charts.ChartView.rescope, body_height=height,
            )
        elif key == "true_retention":
            # the table holds the headline numbers (each row's total %) already; it is made at once, so its
            # place is kept while it waits, or its arrival, last of all, would lengthen the page and repaint
            # every chart in view
            view = PanelView(
                key, titles[key], lambda: self.retention_table, lambda _table, panel: self.retention_model.set_table(panel.table()),
                show_numbers=False,
            )
        else:
            view = PanelView(key, titles[key])
        view.search_requested.connect(self.search_requested)
        view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.panels[key] = view
        return view

    def _fit_retention_table(self, period: stats.Period) -> None:
        """The true retention table exactly as high as its header and the rows `period` shows."""
        table = self.retention_table
        rows = len(stats.retention_spans(period))
        table.setFixedHeight(
            rows * table.verticalHeader().defaultSectionSize() + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        )

    def _make_next_body(self) -> None:
        """Make one more panel's body before its numbers arrive (they then only draw in it), and
        the next one at the following turn of the event loop."""
        if self._bodies_to_make:
            self._bodies_to_make.pop(0).make_body()
            QTimer.singleShot(0, self, self._make_next_body)

    # --- choosing ----------------------------------------------------------------------------------
    def _offer_scopes(self, deck_name: str | None) -> None:
        """The scopes to choose from: the whole collection, the deck `deck_name` with its subdecks
        (chosen) when there is one, and a search."""
        self.scope_combo.clear()
        self.scope_combo.addItem("Whole collection", stats.Scope())
        if deck_name is not None:
            self.scope_combo.addItem(f"Deck {deck_name} with its subdecks", stats.Scope.deck(deck_name))
            self.scope_combo.setCurrentIndex(1)
        self.scope_combo.addItem("Search…", None)

    def reopen(self, deck_name: str | None) -> None:
        """Open the window again as a new one would open (on the deck `deck_name`, or the whole
        collection; over a month; reviews by count), with the charts it has built: the main window
        keeps its statistics window from one opening to the next. Every number is computed again."""
        with QSignalBlocker(self.scope_combo), QSignalBlocker(self.period_combo), QSignalBlocker(self.by_time_combo):
            self._offer_scopes(deck_name)
            self.period_combo.setCurrentIndex(0)
            self.by_time_combo.setCurrentIndex(0)
        self.search_edit.hide()
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()

    def chosen_scope(self) -> stats.Scope:
        """The scope the bar names; SearchSyntaxError for a search that does not parse."""
        scope = self.scope_combo.currentData()
        if scope is not None:
            return scope
        parse_search(self.search_edit.text())
        return stats.Scope.matching(self.search_edit.text())

    def chosen_period(self) -> stats.Period:
        return self.period_combo.currentData()

    def _on_scope_combo_currentIndexChanged(self, _index: int) -> None:
        searching = self.scope_combo.currentData() is None
        self.search_edit.setVisible(searching)
        if searching:
            self.search_edit.setFocus()
            self.search_edit.selectAll()
        else:
            self.refresh()

    # --- computing ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Compute the chosen scope and period again, superseding the computation under way."""
        try:
            scope = self.chosen_scope()
        except SearchSyntaxError as error:
            self.error_label.setText(f"⚠ {error}")
            self.error_label.show()
            self.search_edit.setFocus()
            return
        self.error_label.hide()
        self._supersede()
        period = self.chosen_period()
        run = StatisticsRun(self.collection, scope, period, threads=2 if self._in_worker else 0)  # the worker and the one beside it
        self._run = run
        self._pending = {"statistics", "calibration"}
        self._fit_retention_table(period)
        for view in self.panels.values():
            view.show_waiting()
        self.status_label.setText("Computing…")
        # the stages run in turn: `collect` takes the glance's moment, card states and cards (unless it
        # failed); calibration, beside `collect`, starts after the glance to take its moment and cards
        # rather than run the scope's search again beside it, on the same two cores
        glanced: list[stats.Glance] = []

        def glance(reader) -> stats.Glance:
            glanced.append(stats.glance(reader, scope))
            return glanced[0]

        def calibrate() -> None:
            self._submit(
                run, lambda reader: stats.calibration(reader, scope, period, glanced[0] if glanced else None),
                self._show_calibration, last=True, beside=True,
            )

        self._submit(run, glance, self._show_glance, then=calibrate)
        self._submit(
            run, lambda reader: stats.collect(reader, scope, period, glanced[0] if glanced else None), self._show_statistics, last=True
        )

    def _submit(
        self,
        run: StatisticsRun,
        compute: Callable[[Collection], Any],
        show: Callable[[Any], None],
        *,
        last: bool = False,
        beside: bool = False,
        then: Callable[[], None] | None = None,
    ) -> None:
        """`show(compute(reader))` unless `run` was superseded meanwhile: in the worker, or beside it
        (`BackgroundTasks.run_beside`) when `beside`, where `last` closes the thread's reader; for
        an in-memory collection, in this thread at the next turn of the event loop. `then()` follows
        the stage in its thread, whether it ran, failed or was skipped (a thread it submits to must
        run its last stage, which closes its reader and lets the share of the file go)."""

        def done(result: Any) -> None:
            if run is self._run and result is not None:
                show(result)

        def failed(error: BaseException) -> None:
            if run is self._run:
                self._show_failure(error)

        def stage() -> Any:
            try:
                return run.stage(compute, last=last)
            finally:
                if then is not None:
                    then()

        if self._in_worker:
            (self.tasks.run_beside if beside else self.tasks.run_quietly)(stage, done, failed)
            return

        def in_this_thread() -> None:
            try:
                if run is not self._run:
                    return
                result = compute(self.collection)
            except Exception as error:  # shown as the worker's errors are
                failed(error)
            else:
                done(result)
            finally:
                if then is not None:
                    then()

        QTimer.singleShot(0, self, in_this_thread)

    def _supersede(self) -> None:
        if self._run is not None:
            self._run.superseded.set()
        self._run = None
        self._drawing = []

    def _show_glance(self, glance: stats.Glance) -> None:
        for key in GLANCE_PANELS:
            self.panels[key].show_panel(getattr(glance, key))
        self.first_panels_drawn.emit()
        QTimer.singleShot(0, self, self._make_next_body)

    def _show_statistics(self, statistics: stats.Statistics) -> None:
        """Draw the panels one per turn of the event loop, so the window keeps answering."""
        self._drawing = [lambda view=self.panels[key], panel=panel: view.show_panel(panel) for key, panel in statistics.panels().items()]
        self._drawing.append(lambda: self._finished("statistics"))
        self._draw_next()

    def _draw_next(self) -> None:
        if self._drawing:
            self._drawing.pop(0)()
            QTimer.singleShot(0, self, self._draw_next)

    def _show_calibration(self, calibration: stats.Calibration) -> None:
        self.panels["calibration"].show_panel(calibration)
        self._finished("calibration")

    def _finished(self, part: str) -> None:
        self._pending.discard(part)
        if not self._pending and self._run is not None:
            self.status_label.setText(f"{self._run.scope.name} · {dict(PERIODS)[self._run.period].lower()}")
            self.all_panels_drawn.emit()

    def _show_failure(self, error: BaseException) -> None:
        self._supersede()
        self.status_label.setText("Not computed")
        self.error_label.setText(f"⚠ The statistics could not be computed: {error}")
        self.error_label.show()
        for view in self.panels.values():
            if view.panel is None:
                view.show_waiting("Not computed")

    def done(self, result: int) -> None:  # Qt's name; closing the window and Esc both end here
        self._supersede()
        super().done(result)
