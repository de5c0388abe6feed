"""The workload simulator in deck options: what each desired retention from 0.70 to 0.99 would cost
(reviews and minutes a day) and bring (cards remembered), for the preset's cards and the learner's
own answer times and rating mix, with a marker at the retention the form shows.

fsrs-rs's simulator holds the GIL (about 0.1 s a retention at 20 new cards a day once a year's cards
are learned; more with more new cards), so it runs in a child process (`optimizing.WorkloadRun`)
that a newer request or closing the dialog kills.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QHideEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from ..collection import Collection
from ..errors import HeatcardsError
from ..model import Preset
from ..optimizing import WorkloadRun, WorkloadSimulation, start_simulating_preset
from ..scheduling import WorkloadPlan
from ..presets import RETENTION_MAX, RETENTION_MIN

POLL_MS = 100  # how often a running simulation is checked
SETTLE_MS = 500  # a setting typed in waits this long for the next keystroke before simulating
# (title, WorkloadPoint attribute), one small plot each
SERIES = (
    ("Reviews a day", "reviews_per_day"),
    ("Minutes a day", "minutes_per_day"),
    ("Cards remembered", "cards_remembered"),
)


def simulation_key(preset: Preset) -> tuple:
    """The settings the simulation depends on (desired retention is not one: every retention is simulated)."""
    return (
        preset.id,
        preset.parameters,
        preset.new_per_day,
        preset.reviews_per_day,
        preset.maximum_interval,
        len(preset.learning_steps),
        len(preset.relearning_steps),
    )


def daily_amount(value: float) -> str:
    """A daily amount as a person reads it: a decimal below 10 ("0.5", "2.4"), whole numbers above ("1,204")."""
    return f"{value:.1f}" if round(value, 1) < 10 else f"{value:,.0f}"


class WorkloadChartView(QWidget):
    """Three small plots against desired retention, a marker at the current one, and in words what
    they show and assume. `simulate(preset)` asks for a simulation (after a pause for typing);
    it runs while the view is shown."""

    def __init__(self, collection: Collection, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.preset: Preset | None = None  # what to simulate
        self.simulated_key: tuple | None = None  # what `simulation` (or the running one) is for
        self.simulation: WorkloadSimulation | None = None
        self.plan: WorkloadPlan | None = None  # what `simulation` simulated
        self.run: WorkloadRun | None = None
        self.retention = 0.9

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no percentage: fsrs-rs reports none
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setAccessibleName("Simulating the workload")
        self.busy.hide()
        self.graphs = pg.GraphicsLayoutWidget()
        self.graphs.setAccessibleName("Workload against desired retention")
        self.graphs.setFixedHeight(230)
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.markers: dict[str, pg.InfiniteLine] = {}
        for column, (title, attribute) in enumerate(SERIES):
            plot = self.graphs.addPlot(row=0, col=column)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setXRange(RETENTION_MIN, RETENTION_MAX, padding=0.08)  # room for the end ticks' labels
            plot.getAxis("bottom").setTicks([[(r / 100, f"{r / 100:.2f}") for r in (70, 80, 90, 99)]])
            self.plots[attribute] = plot
            self.curves[attribute] = plot.plot([], [])
            self.markers[attribute] = pg.InfiniteLine(pos=self.retention, angle=90)
            plot.addItem(self.markers[attribute])
            plot.getAxis("left").setWidth(44)  # equal widths, whatever the numbers' widths
            plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # 0.70 and 0.99 at the ends too
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Workload at the desired retention")
        self.assumptions = QLabel()
        self.assumptions.setWordWrap(True)
        self.assumptions.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.graphs)
        layout.addWidget(self.summary)
        layout.addWidget(self.assumptions)

        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self._on_settle_timeout)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._on_poll_timeout)
        self._style_plots()
        self._show_simulation()

    # --- what to simulate --------------------------------------------------------------
    def simulate(self, preset: Preset) -> None:
        """Simulate `preset` once typing pauses, unless what is shown (or running) already is for its settings."""
        self.preset = preset
        if simulation_key(preset) == self.simulated_key:
            self.settle.stop()
            return
        self._show_busy()
        self.settle.start()

    def set_retention(self, retention: float) -> None:
        """Move the markers (and the sentence under the plots) to `retention`."""
        self.retention = retention
        for marker in self.markers.values():
            marker.setValue(retention)
        self._show_summary()

    def cancel(self) -> None:
        """Kill a running simulation; what is shown then is out of date until the next one."""
        self.settle.stop()
        self.poll.stop()
        if self.run is not None:
            self.run.cancel()
            self.run = None
            self.simulated_key = None
        self.busy.hide()

    def _on_settle_timeout(self) -> None:
        if self.isVisible():
            self._start()

    def _start(self) -> None:
        if self.preset is None:
            return
        self.cancel()
        self.simulated_key = simulation_key(self.preset)
        try:
            self.run = start_simulating_preset(self.collection, self.preset)
        except HeatcardsError as error:
            self.simulation = None
            self._show_simulation(f"No simulation: {error}.")
            return
        self._show_busy()
        self.poll.start()

    def _on_poll_timeout(self) -> None:
        if self.run is None or not self.run.done():
            return
        run, self.run = self.run, None
        self.poll.stop()
        self.busy.hide()
        try:
            self.simulation, self.plan = run.result(), run.plan
        except HeatcardsError as error:
            self.simulation = None
            self._show_simulation(f"The simulation failed: {error}")
            return
        self._show_simulation()

    # --- showing -------------------------------------------------------------------------
    def _show_busy(self) -> None:
        """A simulation is on its way: the bar moves; the last graph (if any) stays until the new one is in."""
        self.busy.show()
        if self.simulation is None:
            self.status.setText("Simulating a year of study at each desired retention…")

    def _show_simulation(self, problem: str | None = None) -> None:
        simulation = self.simulation
        for attribute, curve in self.curves.items():
            points = simulation.points if simulation else ()
            curve.setData([p.retention for p in points], [getattr(p, attribute) for p in points])
            if points:
                self.plots[attribute].setYRange(0, max(getattr(p, attribute) for p in points), padding=0.06)
        self.graphs.setVisible(simulation is not None)
        self.summary.setVisible(simulation is not None)
        self.assumptions.setVisible(simulation is not None)
        if simulation is None:
            self.status.setText(problem or "Simulating a year of study at each desired retention…")
            return
        plan = self.plan
        self.status.setText(
            f"{simulation.card_count:,} cards (this preset's, not suspended) learned from new at {plan.new_per_day} a day "
            f"and reviewed (at most {plan.reviews_per_day} a day) for {simulation.days} days, simulated by FSRS at "
            f"each desired retention from {RETENTION_MIN:.2f} to {RETENTION_MAX:.2f}. "
            "Higher retention: more cards remembered, more reviews."
        )
        self.assumptions.setText(
            f"{simulation.habits_note} It assumes you keep answering as you have, study every day within "
            "the daily limits above, and that these parameters describe your memory. The vertical "
            "lines mark the desired retention set above; the simulation does not pick one for you."
        )
        self._show_summary()

    def _show_summary(self) -> None:
        simulation = self.simulation
        if simulation is None:
            return
        point = min(simulation.points, key=lambda p: abs(p.retention - self.retention))
        self.summary.setText(
            f"At {point.retention:.2f}: about {daily_amount(point.reviews_per_day)} reviews and "
            f"{daily_amount(point.minutes_per_day)} minutes a day; {point.cards_remembered:,.0f} of the "
            f"{simulation.card_count:,} cards remembered after {simulation.days} days."
        )

    def _style_plots(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        self.graphs.setBackground(palette.color(QPalette.ColorRole.Base))
        for title, attribute in SERIES:
            plot = self.plots[attribute]
            plot.setTitle(title, color=text.name(), size=f"{self.font().pointSizeF():g}pt")
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(muted))
                axis.setTextPen(pg.mkPen(text))
            self.curves[attribute].setPen(pg.mkPen(accent, width=2))
            self.curves[attribute].setSymbol("o")
            self.curves[attribute].setSymbolSize(4)
            self.curves[attribute].setSymbolPen(pg.mkPen(accent))
            self.curves[attribute].setSymbolBrush(pg.mkBrush(accent))
            self.markers[attribute].setPen(pg.mkPen(text, width=1))

    # --- Qt events -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_plots()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        if self.preset is not None and simulation_key(self.preset) != self.simulated_key:
            self._start()

    def hideEvent(self, event: QHideEvent) -> None:  # Qt's name
        self.cancel()  # the dialog closed: nothing is waiting for the child
        super().hideEvent(event)
