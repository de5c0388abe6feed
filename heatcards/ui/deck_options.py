"""Deck options: which preset a deck uses, and every setting of that preset the scheduler reads.

Edits stay in the dialog (one draft per preset) until Save, which writes them all and the deck's
choice of preset in one transaction. Adding, cloning, renaming and deleting presets act at once.
Beside desired retention, the workload simulator's graph; under the FSRS parameters, the optimiser
(whose parameters, once applied, are saved like any other edit).
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..collection import Collection
from ..errors import HeatcardsError
from ..model import LeechAction, Preset
from ..presets import (
    LEARNING_STEPS,
    MAXIMUM_INTERVAL_LIMIT,
    RELEARNING_STEPS,
    RETENTION_MAX,
    RETENTION_MIN,
    format_parameters,
    format_steps,
    parse_parameters,
    parse_steps,
    retention_warning,
    steps_warning,
    validate_preset,
)
from .message_line import MessageLine
from .optimizer_panel import OptimizerPanel, side_button
from .workload_chart import WorkloadChartView

LEECH_ACTIONS = ((LeechAction.TAG, "Tag it “leech”"), (LeechAction.SUSPEND, "Suspend it"))


class DeckOptionsDialog(QDialog):
    changed = Signal(object)  # Changes

    def __init__(self, collection: Collection, deck_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.deck = collection.deck(deck_id)
        self.drafts: dict[int, Preset] = {}  # presets edited here and not saved yet
        self.shown_id = self.deck.preset_id  # the preset whose settings the form shows
        self.setWindowTitle(f"Options for {self.deck.name}")
        self.resize(860, 760)

        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName("Preset")
        self.preset_combo.setMinimumContentsLength(24)
        self.usage_label = QLabel()
        self.usage_label.setWordWrap(True)
        self.usage_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.add_button = side_button("Add…", "Add a preset with the default settings", self._on_add_button_clicked)
        self.clone_button = side_button("Clone…", "Copy this preset's settings into a new preset", self._on_clone_button_clicked)
        self.rename_button = side_button("Rename…", "Rename this preset", self._on_rename_button_clicked)
        self.delete_button = side_button("Delete", "Delete this preset", self._on_delete_button_clicked)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel("&Preset:", buddy=self.preset_combo))
        chooser.addWidget(self.preset_combo, 1)
        for button in (self.add_button, self.clone_button, self.rename_button, self.delete_button):
            chooser.addWidget(button)

        self.new_per_day = self._spin_box("New cards/day", 0, 9999)
        self.reviews_per_day = self._spin_box("Maximum reviews/day", 0, 99999)
        self.learning_steps = self._line_edit("Learning steps", "e.g. 1m 10m")
        self.relearning_steps = self._line_edit("Relearning steps", "e.g. 10m")
        self.learning_message = MessageLine()
        self.relearning_message = MessageLine()
        self.desired_retention = QDoubleSpinBox()
        self.desired_retention.setAccessibleName("Desired retention")
        self.desired_retention.setRange(RETENTION_MIN, RETENTION_MAX)
        self.desired_retention.setDecimals(2)
        self.desired_retention.setSingleStep(0.01)
        self.retention_message = MessageLine()
        self.workload = WorkloadChartView(collection)
        self.maximum_interval = self._spin_box("Maximum interval", 1, MAXIMUM_INTERVAL_LIMIT)
        self.maximum_interval.setSuffix(" days")
        self.parameters = self._line_edit("FSRS parameters", "the FSRS-6 defaults")
        self.reset_parameters_button = side_button(
            "Reset to defaults", "Use the FSRS-6 default parameters", self._on_reset_parameters_button_clicked
        )
        self.parameters_message = MessageLine()
        self.optimizer = OptimizerPanel(collection, self.form_preset)
        self.leech_threshold = self._spin_box("Leech threshold", 1, 99)
        self.leech_threshold.setSuffix(" lapses")
        self.leech_action = QComboBox()
        self.leech_action.setAccessibleName("Leech action")
        for action, label in LEECH_ACTIONS:
            self.leech_action.addItem(label, action)
        self.bury_new = self._check_box("Bury new siblings")
        self.bury_review = self._check_box("Bury review siblings")
        self.bury_interday = self._check_box("Bury interday learning siblings")

        limits = _SettingsGroup("Daily limits")
        limits.add(self.new_per_day, "How many new cards to introduce each day.")
        limits.add(self.reviews_per_day, "The most reviews shown in a day; any beyond wait for the next day.")
        learning = _SettingsGroup("Learning")
        learning.add(
            self.learning_steps,
            "Waits before a new card comes back while you learn it (1m = a minute, 1h, 1d). "
            "After the last step FSRS schedules it in days.",
            self.learning_message,
        )
        learning.add(
            self.relearning_steps,
            "Waits before a card you forgot comes back. Empty: FSRS decides at once.",
            self.relearning_message,
        )
        fsrs = _SettingsGroup("FSRS scheduling")
        fsrs.add(
            self.desired_retention,
            "The chance of remembering a card you aim for when it comes back. "
            "Higher means shorter intervals and more reviews.",
            self.retention_message,
        )
        fsrs.add(
            self.workload,
            None,
            label="Workload",
            buddy=self.desired_retention,
            wide=True,
        )
        fsrs.add(self.maximum_interval, "The longest wait between two reviews of a card.")
        parameters_row = QWidget()
        row = QHBoxLayout(parameters_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.parameters, 1)
        row.addWidget(self.reset_parameters_button)
        fsrs.add(
            parameters_row,
            "21 numbers that model how you remember, comma separated. Leave empty for the defaults, "
            "or paste parameters optimised on your reviews.",
            self.parameters_message,
            label="FSRS parameters",
            buddy=self.parameters,
            wide=True,
        )
        fsrs.add(
            self.optimizer,
            None,
            label="Optimiser",
            buddy=self.optimizer.optimize_button,
            wide=True,
        )
        lapses = _SettingsGroup("Lapses")
        lapses.add(self.leech_threshold, "A card you forget this many times is a leech: it costs time without sticking.")
        lapses.add(self.leech_action, "What happens to a leech. Rewriting it usually helps more than reviewing it again.")
        burying = _SettingsGroup("Burying")
        burying.add(self.bury_new, "When you study a card, hide its new siblings (cards of the same note) until tomorrow.")
        burying.add(self.bury_review, "Likewise for siblings that are review cards due today.")
        burying.add(self.bury_interday, "Likewise for siblings in learning with steps of a day or more.")

        content = QWidget()
        form = QVBoxLayout(content)
        for group in (limits, learning, fsrs, lapses, burying):
            form.addWidget(group)
        form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.error_message = MessageLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save deck options")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.usage_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_message)
        layout.addWidget(self.buttons)

        self.learning_steps.textChanged.connect(self._on_learning_steps_text_changed)
        self.relearning_steps.textChanged.connect(self._on_relearning_steps_text_changed)
        self.desired_retention.valueChanged.connect(self._on_desired_retention_value_changed)
        self.parameters.textChanged.connect(self._on_parameters_text_changed)
        for box in (self.new_per_day, self.reviews_per_day, self.maximum_interval):
            box.valueChanged.connect(self._on_simulated_setting_changed)
        for edit in (self.learning_steps, self.relearning_steps, self.parameters):
            edit.textChanged.connect(self._on_simulated_setting_changed)
        self.optimizer.applied.connect(self._on_optimizer_applied)
        self._fill_presets(self.shown_id)
        self.preset_combo.currentIndexChanged.connect(self._on_preset_combo_current_index_changed)
        self._show_preset(self.shown_id)
        self.new_per_day.setFocus()

    # --- building ----------------------------------------------------------
    @staticmethod
    def _spin_box(name: str, low: int, high: int) -> QSpinBox:
        box = QSpinBox()
        box.setAccessibleName(name)
        box.setRange(low, high)
        return box

    @staticmethod
    def _line_edit(name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    @staticmethod
    def _check_box(name: str) -> QCheckBox:
        box = QCheckBox(name)
        box.setAccessibleName(name)
        return box

    # --- presets -----------------------------------------------------------
    def selected_preset_id(self) -> int:
        return int(self.preset_combo.currentData())

    def _usage(self, preset_id: int, selected_id: int) -> str:
        """How many decks use a preset, counting this deck with the preset selected for it."""
        used = self.collection.preset_use_counts().get(preset_id, 0)
        used += (preset_id == selected_id) - (preset_id == self.deck.preset_id)
        return f"{used} deck{'s' if used != 1 else ''}"

    def _fill_presets(self, select_id: int) -> None:
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        for preset in self.collection.presets():
            self.preset_combo.addItem(f"{preset.name} (used by {self._usage(preset.id, select_id)})", preset.id)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(select_id))
        self.preset_combo.blockSignals(False)

    def _show_preset(self, preset_id: int) -> None:
        self.shown_id = preset_id
        preset = self.drafts.get(preset_id) or self.collection.preset(preset_id)
        self.new_per_day.setValue(preset.new_per_day)
        self.reviews_per_day.setValue(preset.reviews_per_day)
        self.learning_steps.setText(format_steps(preset.learning_steps))
        self.relearning_steps.setText(format_steps(preset.relearning_steps))
        self.desired_retention.setValue(preset.desired_retention)
        self.maximum_interval.setValue(preset.maximum_interval)
        self.parameters.setText(format_parameters(preset.parameters))
        self.leech_threshold.setValue(preset.leech_threshold)
        self.leech_action.setCurrentIndex(self.leech_action.findData(preset.leech_action))
        self.bury_new.setChecked(preset.bury_new_siblings)
        self.bury_review.setChecked(preset.bury_review_siblings)
        self.bury_interday.setChecked(preset.bury_interday_learning_siblings)
        self.optimizer.show_preset(preset_id)
        self.workload.simulate(preset)
        self.workload.set_retention(preset.desired_retention)
        is_default = preset_id == self.collection.default_preset().id
        self.rename_button.setEnabled(not is_default)
        self.delete_button.setEnabled(not is_default)
        self.usage_label.setText(
            f"The “{preset.name}” preset is used by {self._usage(preset_id, preset_id)}. "
            "Its settings apply to every deck that uses it"
            + (" (the Default preset cannot be renamed or deleted: decks fall back to it)." if is_default else ".")
        )
        self.error_message.show_message(None)

    def form_preset(self) -> Preset:
        """The preset as the form shows it; raises InvalidInputError naming what is wrong."""
        base = self.drafts.get(self.shown_id) or self.collection.preset(self.shown_id)
        parameters_text = self.parameters.text()
        unchanged = parameters_text.strip() == format_parameters(base.parameters)
        return validate_preset(
            replace(
                base,
                new_per_day=self.new_per_day.value(),
                reviews_per_day=self.reviews_per_day.value(),
                learning_steps=parse_steps(self.learning_steps.text(), LEARNING_STEPS),
                relearning_steps=parse_steps(self.relearning_steps.text(), RELEARNING_STEPS),
                desired_retention=round(self.desired_retention.value(), 2),
                maximum_interval=self.maximum_interval.value(),
                parameters=base.parameters if unchanged else parse_parameters(parameters_text),
                leech_threshold=self.leech_threshold.value(),
                leech_action=self.leech_action.currentData(),
                bury_new_siblings=self.bury_new.isChecked(),
                bury_review_siblings=self.bury_review.isChecked(),
                bury_interday_learning_siblings=self.bury_interday.isChecked(),
            )
        )

    def _keep_draft(self, failure: str = "Fix this first") -> bool:
        """Remember the form as the shown preset's draft; False (with the error shown) when it is invalid."""
        try:
            self.drafts[self.shown_id] = self.form_preset()
        except HeatcardsError as error:
            self.error_message.show_message(f"{failure}: {error}", error=True)
            self._focus_first_error()
            return False
        return True

    def _focus_first_error(self) -> None:
        for message, field in (
            (self.learning_message, self.learning_steps),
            (self.relearning_message, self.relearning_steps),
            (self.parameters_message, self.parameters),
        ):
            if message.is_error:
                field.setFocus()
                field.selectAll()
                return

    def _on_preset_combo_current_index_changed(self, _index: int) -> None:
        chosen = self.selected_preset_id()
        if chosen == self.shown_id:
            return
        if not self._keep_draft():
            self._fill_presets(self.shown_id)
            return
        self._fill_presets(chosen)
        self._show_preset(chosen)

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        name, accepted = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return name if accepted and name.strip() else None

    def _add(self, title: str, based_on: int | None) -> None:
        if not self._keep_draft():
            return
        name = self._ask_name(title, "Name of the new preset:")
        if name is None:
            return
        try:
            preset = self.collection.add_preset(name, based_on)
        except HeatcardsError as error:
            self.error_message.show_message(str(error), error=True)
            return
        if based_on is not None:
            self.drafts[preset.id] = replace(self.drafts[based_on], id=preset.id, name=preset.name)
        self._fill_presets(preset.id)
        self._show_preset(preset.id)
        self.preset_combo.setFocus()

    def _on_add_button_clicked(self) -> None:
        self._add("Add preset", None)

    def _on_clone_button_clicked(self) -> None:
        self._add("Clone preset", self.shown_id)

    def _on_rename_button_clicked(self) -> None:
        if not self._keep_draft():
            return
        current = self.collection.preset(self.shown_id)
        name = self._ask_name("Rename preset", "New name:", current.name)
        if name is None:
            return
        try:
            changes = self.collection.rename_preset(current.id, name)
        except HeatcardsError as error:
            self.error_message.show_message(str(error), error=True)
            return
        if current.id in self.drafts:
            self.drafts[current.id] = replace(self.drafts[current.id], name=self.collection.preset(current.id).name)
        self._fill_presets(current.id)
        self._show_preset(current.id)
        self.changed.emit(changes)
        self.rename_button.setFocus()

    def _on_delete_button_clicked(self) -> None:
        preset = self.collection.preset(self.shown_id)
        used = self.collection.preset_use_counts().get(preset.id, 0)
        default = self.collection.default_preset()
        answer = QMessageBox.question(
            self,
            "Delete preset",
            f"Delete the preset “{preset.name}”? {used} deck{'s' if used != 1 else ''} use{'s' if used == 1 else ''} it "
            f"and will use “{default.name}” instead.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            changes = self.collection.delete_preset(preset.id)
        except HeatcardsError as error:
            self.error_message.show_message(str(error), error=True)
            return
        self.drafts.pop(preset.id, None)
        self.deck = self.collection.deck(self.deck.id)  # on Default now, if it used the deleted preset
        self._fill_presets(self.deck.preset_id)
        self._show_preset(self.deck.preset_id)
        self.changed.emit(changes)
        self.preset_combo.setFocus()

    # --- settings ----------------------------------------------------------
    def _on_learning_steps_text_changed(self, text: str) -> None:
        self._check_steps(text, LEARNING_STEPS, "Learning", self.learning_message)

    def _on_relearning_steps_text_changed(self, text: str) -> None:
        self._check_steps(text, RELEARNING_STEPS, "Relearning", self.relearning_message)

    @staticmethod
    def _check_steps(text: str, what: str, title: str, message: MessageLine) -> None:
        try:
            steps = parse_steps(text, what)
        except HeatcardsError as error:
            message.show_message(str(error), error=True)
            return
        message.show_message(steps_warning(title, steps))

    def _on_desired_retention_value_changed(self, value: float) -> None:
        self.retention_message.show_message(retention_warning(round(value, 2)))
        self.workload.set_retention(round(value, 2))

    def _on_simulated_setting_changed(self) -> None:
        try:
            preset = self.form_preset()
        except HeatcardsError:
            return  # the setting's own message says what is wrong; the graph stays as it was
        self.workload.simulate(preset)

    def _on_optimizer_applied(self, parameters: tuple[float, ...]) -> None:
        """Put the optimised parameters in the form, unrounded: the draft holds them, the field shows them."""
        if not self._keep_draft("Not applied"):
            return
        self.drafts[self.shown_id] = replace(self.drafts[self.shown_id], parameters=parameters)
        self.parameters.setText(format_parameters(parameters))

    def _on_parameters_text_changed(self, text: str) -> None:
        try:
            parse_parameters(text)
        except HeatcardsError as error:
            self.parameters_message.show_message(str(error), error=True)
            return
        self.parameters_message.show_message(None)

    def _on_reset_parameters_button_clicked(self) -> None:
        self.parameters.clear()
        self.parameters.setFocus()

    def _on_buttons_accepted(self) -> None:
        if not self._keep_draft("Not saved"):
            return
        stored = {p.id: p for p in self.collection.presets()}
        edited = [p for p in self.drafts.values() if p.id in stored and p != stored[p.id]]
        try:
            changes = self.collection.save_deck_options(self.deck.id, self.shown_id, edited)
        except HeatcardsError as error:
            self.error_message.show_message(f"Not saved: {error}", error=True)
            return
        self.changed.emit(changes)
        self.accept()


class _SettingsGroup(QGroupBox):
    """Rows of: name, the setting, a short explanation; a warning line under the setting when needed."""

    def __init__(self, title: str):
        super().__init__(title)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnMinimumWidth(0, 170)  # groups line up with each other
        self.grid.setColumnMinimumWidth(1, 170)
        self.grid.setHorizontalSpacing(14)
        self.rows = 0

    def add(
        self,
        setting: QWidget,
        explanation: str | None,
        message: MessageLine | None = None,
        *,
        label: str | None = None,
        buddy: QWidget | None = None,
        wide: bool = False,
    ) -> None:
        """`wide`: the setting takes the explanation's place too, and the explanation goes under it.
        No `explanation`: a wide setting that explains itself in words at its top (the name lines up with them)."""
        name = label or setting.accessibleName()
        if isinstance(setting, QCheckBox):
            self.grid.addWidget(setting, self.rows, 0, 1, 2)
        else:
            title = QLabel(f"{name}:")
            title.setBuddy(buddy or setting)
            self.grid.addWidget(title, self.rows, 0, Qt.AlignmentFlag.AlignTop if explanation is None else Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(setting, self.rows, 1, 1, 2 if wide else 1)
        if wide:
            self.rows += 1
        if explanation is None:
            return
        text = QLabel(explanation)
        text.setWordWrap(True)
        text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = QFont(text.font())
        font.setPointSizeF(font.pointSizeF() * 0.92)
        text.setFont(font)
        self.grid.addWidget(text, self.rows, 1 if wide else 2, 1, 2 if wide else 1)
        self.rows += 1
        if message is not None:
            self.grid.addWidget(message, self.rows, 1, 1, 2)
            self.rows += 1
