"""The main window as widget tests open it: on a collection, with settings in the test's own folder."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from heatcards.collection import Collection
from heatcards.ui.main_window import MainWindow


def open_main_window(qtbot, collection: Collection, folder: Path, *, active: bool = True) -> MainWindow:
    """The main window shown; `active`: also made the active window, which its shortcuts need."""
    window = MainWindow(collection, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if active:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    return window
