"""Preferences: appearance (per computer, in QSettings), the collection's own settings (the day's
start, the language model that may write suggested cards), and its backups.

Every change applies at once; there is nothing to confirm. Backing up and restoring are the main
window's work (in its worker, and a restore closes every window): this dialog asks for them with
`backup_requested` and `restore_requested`, and shows what `show_backup_made`/`show_backup_failed` tell it.
Testing the language model's connection touches no collection: the dialog runs it in a worker of its own.
"""
from __future__ import annotations

from pathlib import Path

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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..authoring.llm import check_connection
from ..authoring.model import LanguageModelSettings
from ..backups import BackupInfo
from ..collection import Collection
from ..errors import HeatcardsError
from .backups_dialog import RestoreDialog, describe_backup, is_restorable
from .tasks import BackgroundTasks
from .theme import DEFAULT_INTERFACE_SIZE, INTERFACE_SIZES, THEMES, apply_interface_size, apply_theme

THEME_NAMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class PreferencesDialog(QDialog):
    changed = Signal(object)  # Changes
    backup_requested = Signal()
    restore_requested = Signal(object)  # Path of the backup to put back

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
        collection_section = _Section("Scheduling (this collection)")
        collection_section.add(
            "&Next day starts at:",
            self.rollover_hour,
            "Cards due tomorrow become due at this hour, and reviews done after midnight but before it "
            "count for the day before. One setting for the whole collection, as in Anki.",
        )

        self.tasks = BackgroundTasks(self)
        language_model = collection.language_model_settings()
        self.language_model_url = QLineEdit(language_model.url if language_model else "")
        self.language_model_url.setAccessibleName("Language model URL")
        self.language_model_url.setPlaceholderText("e.g. http://localhost:11434")
        self.language_model_url.setMinimumWidth(320)
        self.language_model_name = QLineEdit(language_model.model if language_model else "")
        self.language_model_name.setAccessibleName("Language model name")
        self.language_model_name.setPlaceholderText("e.g. llama3.1:8b")
        self.language_model_name.setMinimumWidth(320)
        self.test_connection_button = QPushButton("Test conn&ection")
        self.test_connection_button.setAccessibleName("Test the language model connection")
        self.test_connection_button.setAutoDefault(False)
        self.connection_result = QLabel()
        self.connection_result.setAccessibleName("Connection test result")
        self.connection_result.setWordWrap(True)
        self.connection_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.connection_result.hide()
        generation_section = _Section("Card generation (this collection)")
        model_row = QWidget()
        model_row_layout = QHBoxLayout(model_row)
        model_row_layout.setContentsMargins(0, 0, 0, 0)
        model_row_layout.addWidget(self.language_model_name)
        model_row_layout.addWidget(self.test_connection_button)
        generation_section.add(
            "Language model &URL:",
            self.language_model_url,
            "Optional: a local Ollama, llama.cpp or LM Studio server to write suggested cards. "
            "Left empty, nothing is ever sent anywhere.",
        )
        generation_section.add("&Model:", model_row, "The name the server knows the model by (docs/language-models.md).")
        generation_section.add(None, self.connection_result, "")

        self.automatic_backups = QCheckBox("Back up the collection automatically")
        self.automatic_backups.setAccessibleName("Automatic backups")
        self.automatic_backups.setChecked(collection.automatic_backups())
        self.backup_folder = QLabel(str(collection.backups.folder))
        self.backup_folder.setAccessibleName("Backup folder")
        self.backup_folder.setWordWrap(True)
        self.backup_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.newest_backup = QLabel()
        self.newest_backup.setAccessibleName("Newest backup")
        self.newest_backup.setWordWrap(True)
        self.back_up_button = QPushButton("&Back up now")
        self.back_up_button.setAccessibleName("Back up now")
        self.back_up_button.setAutoDefault(False)
        self.restore_button = QPushButton("&Restore…")
        self.restore_button.setAccessibleName("Restore a backup")
        self.restore_button.setAutoDefault(False)
        self.open_backup_folder_button = QPushButton("Open backup fo&lder")
        self.open_backup_folder_button.setAccessibleName("Open the backup folder")
        self.open_backup_folder_button.setAutoDefault(False)
        backup_buttons = QWidget()
        backup_buttons_layout = QHBoxLayout(backup_buttons)
        backup_buttons_layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.back_up_button, self.restore_button, self.open_backup_folder_button):
            backup_buttons_layout.addWidget(button)
        backups_section = _Section("Backups (this collection)")
        backups_section.add(
            None,
            self.automatic_backups,
            "When the collection opens (once a day) and every 30 minutes while you study. An import, a deletion, "
            "a repair or a restore always backs up first, switched on or not.",
        )
        backups_section.add("Folder:", self.backup_folder, "")
        backups_section.add(
            "Newest:",
            self.newest_backup,
            "The 12 newest are kept, and the newest of each of the last 7 days, 4 weeks and 12 months. "
            "Media files are not in backups.",
        )
        backups_section.add(None, backup_buttons, "")
        self._show_newest_backup()

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
        for section in (appearance, collection_section, generation_section, backups_section, location_section):
            layout.addWidget(section)
        layout.addStretch(1)
        layout.addWidget(self.error_message)
        layout.addWidget(buttons)

        self.theme.currentIndexChanged.connect(self._on_theme_current_index_changed)
        self.interface_size.currentIndexChanged.connect(self._on_interface_size_current_index_changed)
        self.rollover_hour.valueChanged.connect(self._on_rollover_hour_value_changed)
        self.automatic_backups.toggled.connect(self._on_automatic_backups_toggled)
        self.language_model_url.editingFinished.connect(self._on_language_model_editing_finished)
        self.language_model_name.editingFinished.connect(self._on_language_model_editing_finished)
        self.test_connection_button.clicked.connect(self._on_test_connection_button_clicked)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        self.back_up_button.clicked.connect(self._on_back_up_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.open_backup_folder_button.clicked.connect(self._on_open_backup_folder_button_clicked)
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

    def _on_language_model_editing_finished(self) -> None:
        """Both fields empty forget the language model; otherwise they are saved once they are valid."""
        url, model = self.language_model_url.text().strip(), self.language_model_name.text().strip()
        if not url and not model:
            self._apply(lambda: self.collection.set_language_model_settings(None))
        elif url and model:
            self._apply(lambda: self.collection.set_language_model_settings(LanguageModelSettings(url, model)))

    def _on_test_connection_button_clicked(self) -> None:
        url, model = self.language_model_url.text().strip(), self.language_model_name.text().strip()
        try:
            settings = LanguageModelSettings(url, model)
        except HeatcardsError as error:
            self._show_connection_result(f"Cannot test: {error}")
            return
        self.test_connection_button.setEnabled(False)
        self.connection_result.hide()
        self.tasks.run(
            self,
            f"Asking {url} for its models…",
            lambda _cancel: check_connection(settings),
            self._on_connection_checked,
            self._on_connection_check_failed,
        ).canceled.connect(lambda: self.test_connection_button.setEnabled(True))

    def _on_connection_checked(self, message: str) -> None:
        self.test_connection_button.setEnabled(True)
        self._show_connection_result(message)

    def _on_connection_check_failed(self, error: BaseException) -> None:
        self.test_connection_button.setEnabled(True)
        self._show_connection_result(f"Connection failed: {error}")

    def _show_connection_result(self, text: str) -> None:
        self.connection_result.setText(text)
        self.connection_result.show()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))  # room for the message

    def _apply(self, change) -> None:
        try:
            changes = change()
        except HeatcardsError as error:
            self._show_error(str(error))
            return
        self.error_message.hide()
        self.changed.emit(changes)

    def _show_error(self, text: str) -> None:
        self.error_message.setText(text)
        self.error_message.show()

    def _on_open_folder_button_clicked(self) -> None:
        self._open_folder(self.collection.path.parent)

    def _on_open_backup_folder_button_clicked(self) -> None:
        folder = self.collection.backups.folder
        if folder.is_dir():
            self._open_folder(folder)
        else:
            self._show_error(f"{folder} does not exist yet: the first backup makes it.")

    def _open_folder(self, folder: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._show_error(f"Could not open {folder}; open it in your file manager.")

    # --- backups ---------------------------------------------------------------------------
    def _show_newest_backup(self) -> None:
        try:
            backups = self.collection.backups.list()
        except HeatcardsError as error:
            self.newest_backup.setText(str(error))
            return
        if not backups:
            self.newest_backup.setText("No backup yet.")
            return
        newest = backups[0]
        described = describe_backup(newest) if is_restorable(newest) else f"{newest.path.name} (damaged)"
        self.newest_backup.setText(f"{described}. {len(backups)} backup{'s' if len(backups) != 1 else ''} in all.")

    def _on_back_up_button_clicked(self) -> None:
        self.back_up_button.setEnabled(False)
        self.back_up_button.setText("Backing up…")
        self.error_message.hide()
        self.backup_requested.emit()

    def show_backup_made(self, _backup: BackupInfo) -> None:
        self._backup_finished()
        self._show_newest_backup()

    def show_backup_failed(self, message: str) -> None:
        self._backup_finished()
        self._show_error(f"Backup failed: {message}")

    def _backup_finished(self) -> None:
        self.back_up_button.setEnabled(True)
        self.back_up_button.setText("&Back up now")

    def _on_restore_button_clicked(self) -> None:
        try:
            backups = self.collection.backups.list()
        except HeatcardsError as error:
            self._show_error(str(error))
            return
        dialog = RestoreDialog(backups, self.collection.backups.folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_chosen.connect(self.restore_requested)
        dialog.open()


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
