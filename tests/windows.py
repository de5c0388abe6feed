"""Windows and dialogs as widget tests open them."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from heatcards.collection import Collection
from heatcards.ui.deck_options import DeckOptionsDialog
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


def open_deck_options(qtbot, collection: Collection, deck_name: str | None = None) -> DeckOptionsDialog:
    """The options of a deck (default: the first one other than Default), shown and active."""
    deck = collection.deck_named(deck_name) if deck_name else next(d for d in collection.decks() if d.name != "Default")
    dialog = DeckOptionsDialog(collection, deck.id)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog
