"""A read-only view of rendered card HTML that can only ever show local media.

Card HTML is already sanitised by the core (nh3: no scripts, only media-folder
names as sources). This view is the second wall: `loadResource` answers only
for files inside the collection's media folder, so a remote or absolute URL
that slipped through would still load nothing. QTextBrowser runs no scripts.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..note_html import media_file


class CardView(QTextBrowser):
    def __init__(self, media_folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.media_folder = Path(media_folder)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)

    def show_card(self, html: str, css: str = "") -> None:
        self.setHtml(f"<style>{css}</style>{html}" if css else html)

    def media_path(self, url: QUrl) -> Path | None:
        """The media file a URL names, or None when it is not a plain file in the media folder."""
        if url.scheme() not in ("", "file") or url.host():
            return None
        return media_file(self.media_folder, url.path())

    def loadResource(self, resource_type: int, url: QUrl):  # Qt's name
        # A Python exception escaping a Qt virtual crashes the process: answer None instead.
        try:
            path = self.media_path(url)
            if path is None:
                return None
            if resource_type == QTextDocument.ResourceType.ImageResource.value:
                return QImage(str(path))
            return path.read_text(encoding="utf-8", errors="replace")
        except Exception:
            return None
