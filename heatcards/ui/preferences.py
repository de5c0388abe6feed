"""Preferences: appearance (per computer, in QSettings) and the collection's own settings.

Every change applies at once; there is nothing to confirm.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..collection import Collection
from ..errors import HeatcardsError
from .theme import DEFAULT_INTERFACE_SIZE, INTERFACE_SIZES, THEMES, apply_interface_size, apply_theme

THEME_NAMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class PreferencesDialog(QDialog):
    changed = Signal(object)  # Changes

    def __init__(self, collection: Collection, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.settings = settings
        self.setWindowTitle("Preferences")

        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for mode in THEMES:
            self.theme.addItem(THEME_NAMES[mode], mode)
        self.theme.setCurrentIndex(max(0, self.theme.findData(str(settings.value("theme", "system")))))
        self.interface_size = QComboBox()
        self.interface_size.setAccessibleName("Interface size")
        for percent in INTERFACE_SIZES:
            self.interface_size.addItem(f"{percent} %", percent)
        size = int(settings.value("interface_size", DEFAULT_INTERFACE_SIZE))
        self.interface_size.setCurrentIndex(max(0, self.interface_size.findData(size)))
        appearance = _Section("Appearance (this computer)")
        appearance.add("&Theme:", self.theme, "Light or dark colours for the whole app, or those your desktop uses.")
        appearance.add("Interface &size:", self.interface_size, "The size of text and controls.")

        self.rollover_hour = QSpinBox()
        self.rollover_hour.setKeyboardTracking(False)  # one change when typing "12", not two
        self.rollover_hour.setAccessibleName("Next day starts at (hour)")
        self.rollover_hour.setRange(0, 23)
        self.rollover_hour.setSuffix(":00")
        self.rollover_hour.setValue(collection.calendar.rollover_hour)
        self.automatic_backups = QCheckBox("Back up the collection automatically")
        self.automatic_backups.setAccessibleName("Automatic backups")
        self.automatic_backups.setChecked(collection.automatic_backups())
        self.backups_note = QLabel(
            "Automatic backups are not implemented yet: nothing is backed up now. "
            "This choice is saved with the collection and will be used once they are."
        )
        self.backups_note.setWordWrap(True)
        collection_section = _Section("Scheduling and backups (this collection)")
        collection_section.add(
            "&Next day starts at:",
            self.rollover_hour,
            "Cards due tomorrow become due at this hour, and reviews done after midnight but before it "
            "count for the day before. One setting for the whole collection, as in Anki.",
        )
        collection_section.add(None, self.automatic_backups, "")
        collection_section.add(None, self.backups_note, "")

        self.location = QLabel(str(collection.path))
        self.location.setAccessibleName("Collection file")
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton("&Open folder")
        self.open_folder_button.setAccessibleName("Open the collection's folder")
        self.open_folder_button.setAutoDefault(False)
        location_section = _Section("Collection location")
        location_section.add("File:", self.location, "")
        location_section.add(None, self.open_folder_button, f"Media files are in {collection.media_folder.name} beside it.")

        self.error_message = QLabel()
        self.error_message.setWordWrap(True)
        self.error_message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close preferences")

        layout = QVBoxLayout(self)
        for section in (appearance, collection_section, location_section):
            layout.addWidget(section)
        layout.addStretch(1)
        layout.addWidget(self.error_message)
        layout.addWidget(buttons)

        self.theme.currentIndexChanged.connect(self._on_theme_current_index_changed)
        self.interface_size.currentIndexChanged.connect(self._on_interface_size_current_index_changed)
        self.rollover_hour.valueChanged.connect(self._on_rollover_hour_value_changed)
        self.automatic_backups.toggled.connect(self._on_automatic_backups_toggled)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        self.resize(640, self.sizeHint().height())
        self.theme.setFocus()

    def _on_theme_current_index_changed(self, _index: int) -> None:
        mode = self.theme.currentData()
        self.settings.setValue("theme", mode)
        apply_theme(QApplication.instance(), mode)

    def _on_interface_size_current_index_changed(self, _index: int) -> None:
        percent = int(self.interface_size.currentData())
        self.settings.setValue("interface_size", percent)
        apply_interface_size(QApplication.instance(), percent)

    def _on_rollover_hour_value_changed(self, hour: int) -> None:
        self._apply(lambda: self.collection.set_rollover_hour(hour))

    def _on_automatic_backups_toggled(self, enabled: bool) -> None:
        self._apply(lambda: self.collection.set_automatic_backups(enabled))

    def _apply(self, change) -> None:
        try:
            changes = change()
        except HeatcardsError as error:
            self.error_message.setText(str(error))
            self.error_message.show()
            return
        self.error_message.hide()
        self.changed.emit(changes)

    def _on_open_folder_button_clicked(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.collection.path.parent))):
            self.error_message.setText(f"Could not open {self.collection.path.parent}; open it in your file manager.")
            self.error_message.show()


class _Section(QGroupBox):
    """Rows of: name, the setting, and a short explanation under it."""

    def __init__(self, title: str):
        super().__init__(title)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(14)
        self.rows = 0

    def add(self, label: str | None, setting: QWidget, explanation: str) -> None:
        if label is not None:
            title = QLabel(label)
            title.setBuddy(setting)
            self.grid.addWidget(title, self.rows, 0)
        if isinstance(setting, QLabel):
            self.grid.addWidget(setting, self.rows, 1)
        else:
            self.grid.addWidget(setting, self.rows, 1, Qt.AlignmentFlag.AlignLeft)  # controls keep their natural width
        self.rows += 1
        if explanation:
            text = QLabel(explanation)
            text.setWordWrap(True)
            text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.grid.addWidget(text, self.rows, 1)
            self.rows += 1
