"""Start the desktop app: one QApplication, one collection, one main window, one app per collection."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from ..backups import BackupReason
from ..collection import Collection, default_collection_path
from ..errors import HeatcardsError
from ..storage.faults import CorruptCollectionError
from .backups_dialog import restore_after_damage
from .main_window import MainWindow
from .single_instance import InstanceServer, ask_running_instance_to_show
from .theme import DEFAULT_INTERFACE_SIZE, apply_interface_size, apply_theme

ORGANISATION = "heatcards"
APPLICATION = "heatcards"


def apply_saved_appearance(app: QApplication, settings: QSettings) -> None:
    apply_theme(app, str(settings.value("theme", "system")))
    apply_interface_size(app, int(settings.value("interface_size", DEFAULT_INTERFACE_SIZE)))


def open_collection(path: Path) -> Collection | None:
    """The collection at `path`, or None when it cannot be opened (the person was told why). A
    damaged file is not a dead end: its newest good backup is offered."""
    try:
        try:
            return Collection(path)
        except CorruptCollectionError as error:
            if not restore_after_damage(path, error):
                return None
        return Collection(path)
    except HeatcardsError as error:
        QMessageBox.critical(None, "heatcards cannot open the collection", str(error))
        return None


def run(collection_path: Path | None = None, deck_name: str | None = None, settings: QSettings | None = None) -> int:
    """Open the collection in a window; returns the process exit code. When an app already has
    the collection open, it is brought to the front instead, and this one exits at once.

    `settings` holds per-machine choices (theme, size, window geometry); default: the user's."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("heatcards")
    path = Path(collection_path) if collection_path is not None else default_collection_path()
    if ask_running_instance_to_show(path):
        return 0
    settings = settings or QSettings(ORGANISATION, APPLICATION)
    apply_saved_appearance(app, settings)
    collection = open_collection(path)
    if collection is None:
        return 1
    window: MainWindow | None = None
    try:
        window = MainWindow(collection, settings)
        InstanceServer(path, window).show_requested.connect(window.bring_to_front)
        if deck_name:
            window.select_deck(collection.deck_named(deck_name).id)
        window.show()
        window.back_up_if_due(BackupReason.OPENED)
        window.welcome_if_new()
        return app.exec()
    except HeatcardsError as error:
        QMessageBox.critical(None, "heatcards", str(error))
        return 1
    finally:
        (window.collection if window is not None else collection).close()
