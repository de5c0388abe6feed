"""Plays a card's `[sound:…]` files, one after another, from the collection's media folder.

The QMediaPlayer is created on the first sound, not before: loading the multimedia backend
costs time and, on machines without an audio device, logs warnings; cards without sound
never need it.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from ..note_html import media_file


class AudioPlayer(QObject):
    """A queue of media files played in order; `play()` replaces whatever was playing."""

    missing_files = Signal(list)  # names not found in the media folder

    def __init__(self, media_folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.media_folder = Path(media_folder)
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._queue: list[QUrl] = []
        self.sources: list[QUrl] = []  # what the last `play()` asked for, in order

    @property
    def player(self) -> QMediaPlayer:
        if self._player is None:
            self._player = QMediaPlayer(self)
            self._output = QAudioOutput(self)
            self._player.setAudioOutput(self._output)
            self._player.mediaStatusChanged.connect(self._on_player_media_status_changed)
        return self._player

    def media_path(self, name: str) -> Path | None:
        """The file a sound tag names, only when it is a plain file inside the media folder."""
        return media_file(self.media_folder, name)

    def play(self, names: Sequence[str]) -> None:
        self.stop()
        paths = [(name, self.media_path(name)) for name in names]
        missing = [name for name, path in paths if path is None]
        if missing:
            self.missing_files.emit(missing)
        self.sources = [QUrl.fromLocalFile(str(path)) for _, path in paths if path is not None]
        self._queue = list(self.sources)
        self._play_next()

    def stop(self) -> None:
        self._queue = []
        if self._player is not None:
            self._player.stop()

    def _play_next(self) -> None:
        if not self._queue:
            return
        self.player.setSource(self._queue.pop(0))
        self.player.play()

    def _on_player_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
            self._play_next()
