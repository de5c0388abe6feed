"""The FSRS optimiser in deck options: fit the preset's parameters to its decks' history in a child
process (fsrs-rs holds the GIL and cannot be interrupted; Cancel kills the child), then show how
well the current and the optimised parameters predict that history, and offer the new ones only
when they predict it better. Applying puts them in the form; the dialog's Save stores them.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ..collection import Collection
from ..errors import HeatcardsError
from ..model import Preset
from ..optimizing import OptimizationResult, OptimizationRun, start_optimizing_preset
from ..presets import format_parameters
from ..scheduling import TIME_SERIES_FOLDS

POLL_MS = 100  # how often the running child is checked


def side_button(text: str, accessible_name: str, slot) -> QPushButton:
    """A button beside a setting: clicking it runs `slot`; Enter in the dialog never presses it."""
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button


class OptimizerPanel(QWidget):
    """Optimize, a busy bar with Cancel while the child runs, then before/after figures, the new
    parameters, a verdict in words and Apply (enabled only when they are better)."""

    applied = Signal(object)  # the optimised parameters, a tuple of floats

    def __init__(self, collection: Collection, form_preset: Callable[[], Preset], parent: QWidget | None = None):
        """`form_preset()` is the preset as the dialog's form shows it (it raises HeatcardsError when invalid)."""
        super().__init__(parent)
        self.collection = collection
        self.form_preset = form_preset
        self.run: OptimizationRun | None = None
        self.result: OptimizationResult | None = None
        self.result_applied = False
        self.preset_id: int | None = None  # the preset the result or the run is for

        self.optimize_button = side_button("Optimize", "Optimize the FSRS parameters", self._on_optimize_button_clicked)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no percentage: fsrs-rs reports no progress
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setAccessibleName("Optimising")
        self.cancel_button = side_button("Cancel", "Cancel optimising", self._on_cancel_button_clicked)
        self.apply_button = side_button("Apply", "Apply the optimised parameters", self._on_apply_button_clicked)
        self.intro = QLabel(
            "Fits the parameters to the reviews of the decks that use this preset, in a separate process, "
            "and offers them only if they predict your reviews better than the current ones."
        )
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName("Optimiser")

        self.figures = QWidget()
        grid = QGridLayout(self.figures)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        self.figure_labels: dict[tuple[str, str], QLabel] = {}
        for column, heading in enumerate(("Log loss", "RMSE(bins)"), start=1):
            grid.addWidget(self._bold(QLabel(heading)), 0, column, Qt.AlignmentFlag.AlignRight)
        self.row_titles = {"before": QLabel(), "after": QLabel("Optimised")}
        for row, when in enumerate(("before", "after"), start=1):
            grid.addWidget(self.row_titles[when], row, 0)
            for column, metric in enumerate(("log_loss", "rmse_bins"), start=1):
                label = QLabel()
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
                label.setAccessibleName(f"{metric} {when}")
                self.figure_labels[when, metric] = label
                grid.addWidget(label, row, column)
        grid.setColumnStretch(3, 1)
        self.new_parameters = QLabel()
        self.new_parameters.setWordWrap(True)
        self.new_parameters.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_parameters.setAccessibleName("Optimised parameters")
        self.new_parameters.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Verdict")

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.optimize_button)
        buttons.addWidget(self.busy, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.figures)
        layout.addWidget(self.verdict)
        layout.addWidget(self.new_parameters)

        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._on_poll_timeout)
        self._show_state()

    @staticmethod
    def _bold(label: QLabel) -> QLabel:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    # --- the preset ------------------------------------------------------------------
    def show_preset(self, preset_id: int) -> None:
        """The dialog shows `preset_id`: a result or run for another preset no longer applies."""
        if preset_id != self.preset_id:
            self.cancel()
            self.preset_id = preset_id
            self.result = None
            self.status.clear()
            self._show_state()

    # --- running -----------------------------------------------------------------------
    def _on_optimize_button_clicked(self) -> None:
        self.result = None
        self.result_applied = False
        try:
            preset = self.form_preset()
            self.run = start_optimizing_preset(self.collection, preset)
        except HeatcardsError as error:
            self.status.setText(f"Not optimised: {error}")
            self._show_state()
            return
        self.preset_id = preset.id
        self.status.setText(
            "Fitting the parameters to the history of this preset's decks, then scoring them. "
            "fsrs-rs reports no progress; Cancel stops it and changes nothing."
        )
        self._show_state()
        self.cancel_button.setFocus()
        self.poll.start()

    def cancel(self) -> None:
        """Kill a running optimisation (nothing changes)."""
        self.poll.stop()
        if self.run is not None:
            self.run.cancel()
            self.run = None

    def _on_cancel_button_clicked(self) -> None:
        self.cancel()
        self.status.setText("Cancelled: nothing was changed; the parameters are as they were.")
        self._show_state()
        self.optimize_button.setFocus()

    def _on_poll_timeout(self) -> None:
        if self.run is None or not self.run.done():
            return
        run, self.run = self.run, None
        self.poll.stop()
        try:
            self.result = run.result()
        except HeatcardsError as error:
            self.status.setText(f"Not optimised: {error}")
        else:
            self.status.setText(self._scoring_note(self.result))
        self._show_state()
        (self.apply_button if self.apply_button.isEnabled() else self.optimize_button).setFocus()

    # --- the result ----------------------------------------------------------------------
    @staticmethod
    def _scoring_note(result: OptimizationResult) -> str:
        return (
            f"Scored on {result.item_count:,} of your {result.review_count:,} reviews (those a day or more after the "
            f"card's previous one), each predicted by parameters fitted only to earlier reviews "
            f"({TIME_SERIES_FOLDS}-fold time-series split). Lower is better."
        )

    def _verdict(self, result: OptimizationResult) -> str:
        if result.better:
            return (
                f"The optimised parameters predict your reviews better (log loss {result.after.log_loss:.4f} "
                f"against {result.before.log_loss:.4f}). Apply puts them in the FSRS parameters field; Save keeps them."
            )
        return (
            f"The current parameters are kept: the optimised ones predict your reviews no better (log loss "
            f"{result.after.log_loss:.4f} against {result.before.log_loss:.4f}). Optimise again after more reviews."
        )

    def _show_state(self) -> None:
        running = self.run is not None
        result = self.result
        self.optimize_button.setEnabled(not running)
        self.busy.setVisible(running)
        self.cancel_button.setVisible(running)
        self.apply_button.setVisible(result is not None)
        self.apply_button.setEnabled(result is not None and result.better and not self.result_applied)
        self.status.setVisible(bool(self.status.text()))
        for widget in (self.figures, self.verdict, self.new_parameters):
            widget.setVisible(result is not None)
        if result is None:
            return
        self.row_titles["before"].setText("Current (defaults)" if not result.current_parameters else "Current")
        for when, metrics in (("before", result.before), ("after", result.after)):
            self.figure_labels[when, "log_loss"].setText(f"{metrics.log_loss:.4f}")
            self.figure_labels[when, "rmse_bins"].setText(f"{metrics.rmse_bins:.4f}")
        self.verdict.setText(self._verdict(result))
        self.new_parameters.setText(f"Optimised parameters: {format_parameters(result.parameters)}")

    def _on_apply_button_clicked(self) -> None:
        result = self.result
        if result is None or not result.better or self.result_applied:
            return
        try:
            form_parameters = self.form_preset().parameters
        except HeatcardsError as error:
            self.status.setText(f"Not applied: {error}")
            self._show_state()
            return
        if tuple(form_parameters) != result.current_parameters:
            self.status.setText("Not applied: the FSRS parameters were edited after optimising began. Optimise again.")
            self._show_state()
            return
        self.applied.emit(result.parameters)
        self.status.setText("Applied: the optimised parameters are in the FSRS parameters field. Save keeps them.")
        self.result_applied = True
        self._show_state()
        self.optimize_button.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:  # Qt's name
        if self.run is not None:  # the dialog closed: the child's answer has no one to go to
            self._on_cancel_button_clicked()
        super().hideEvent(event)
