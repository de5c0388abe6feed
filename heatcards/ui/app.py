"""Start the desktop app: one QApplication, one collection, one main window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from ..collection import Collection
from ..errors import HeatcardsError
from .main_window import MainWindow
from .theme import DEFAULT_INTERFACE_SIZE, apply_interface_size, apply_theme

ORGANISATION = "heatcards"
APPLICATION = "heatcards"


def apply_saved_appearance(app: QApplication, settings: QSettings) -> None:
    apply_theme(app, str(settings.value("theme", "system")))
    apply_interface_size(app, int(settings.value("interface_size", DEFAULT_INTERFACE_SIZE)))


def run(collection_path: Path | None = None, deck_name: str | None = None, settings: QSettings | None = None) -> int:
    """Open the collection in a window; returns the process exit code.

    `settings` holds per-machine choices (theme, size, window geometry); default: the user's."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("heatcards")
    settings = settings or QSettings(ORGANISATION, APPLICATION)
    apply_saved_appearance(app, settings)
    try:
        collection = Collection(collection_path)
    except HeatcardsError as error:
        QMessageBox.critical(None, "heatcards cannot open the collection", str(error))
        return 1
    try:
        window = MainWindow(collection, settings)
        if deck_name:
            window.select_deck(collection.deck_named(deck_name).id)
        window.show()
        window.welcome_if_new()
        return app.exec()
    except HeatcardsError as error:
        QMessageBox.critical(None, "heatcards", str(error))
        return 1
    finally:
        collection.close()
