"""Light and dark themes, and the interface size.

The app uses Qt's Fusion style everywhere so both themes look the same on every
platform; widgets take their colours from the palette, so switching the palette
is all a theme change needs. "system" follows the desktop's colour scheme.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")
DEFAULT_INTERFACE_SIZE = 100
INTERFACE_SIZES = (80, 90, 100, 110, 125, 150, 175, 200)

_BASE_POINT_SIZE = "heatcards_base_point_size"  # application property: the font size at 100 %


def _dark_palette() -> QPalette:
    palette = QPalette()
    window, base, text = QColor(0x2B, 0x2D, 0x31), QColor(0x1F, 0x20, 0x23), QColor(0xE6, 0xE6, 0xE6)
    disabled_text = QColor(0x80, 0x80, 0x80)
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor(0x26, 0x28, 0x2B)),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, disabled_text),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor(0x35, 0x37, 0x3C)),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.BrightText, QColor(0xFF, 0x6B, 0x6B)),
        (QPalette.ColorRole.Link, QColor(0x6C, 0xB4, 0xFF)),
        (QPalette.ColorRole.Highlight, QColor(0x3D, 0x7E, 0xD8)),
        (QPalette.ColorRole.HighlightedText, QColor(0xFF, 0xFF, 0xFF)),
        (QPalette.ColorRole.Light, QColor(0x4A, 0x4D, 0x52)),
        (QPalette.ColorRole.Midlight, QColor(0x3E, 0x41, 0x46)),
        (QPalette.ColorRole.Mid, QColor(0x2F, 0x31, 0x35)),
        (QPalette.ColorRole.Dark, QColor(0x18, 0x19, 0x1B)),
        (QPalette.ColorRole.Shadow, QColor(0x00, 0x00, 0x00)),
    ):
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled_text)
    return palette


def system_prefers_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, mode: str) -> None:
    """Switch the whole app to `mode` ("system", "light" or "dark") at once."""
    if mode not in THEMES:
        raise ValueError(f"unknown theme {mode!r} (choose one of {', '.join(THEMES)})")
    fusion = QStyleFactory.create("Fusion")
    app.setStyle(fusion)
    dark = mode == "dark" or (mode == "system" and system_prefers_dark(app))
    app.setPalette(_dark_palette() if dark else fusion.standardPalette())
    app.setProperty("heatcards_theme", mode)


def is_dark(app: QApplication) -> bool:
    """Whether the current palette is dark (what card views use to keep inline colours readable)."""
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply_interface_size(app: QApplication, percent: int) -> None:
    """Scale the application font to `percent` of the size the app started with."""
    if not 50 <= percent <= 300:
        raise ValueError(f"interface size {percent} % is outside 50–300 %")
    base = app.property(_BASE_POINT_SIZE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_POINT_SIZE, base)
    font = QFont(app.font())
    font.setPointSizeF(float(base) * percent / 100)
    app.setFont(font)


def count_colours(app: QApplication) -> tuple[QColor, QColor, QColor]:
    """Anki's colours for new / learning / review counts, tuned to stay readable on the current palette."""
    if is_dark(app):
        return QColor(0x6C, 0xB4, 0xFF), QColor(0xFF, 0x80, 0x6B), QColor(0x5F, 0xD0, 0x7A)
    return QColor(0x1F, 0x5F, 0xC8), QColor(0xC0, 0x2F, 0x1D), QColor(0x1E, 0x7B, 0x34)
