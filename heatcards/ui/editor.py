"""Adding and editing notes: one rich-text editor per field, tags, and a live preview.

`NoteEditor` is the reusable part (the add and edit dialogs and the browser's editor
pane embed it); `AddDialog` and `EditNoteDialog` wrap it with choosers and buttons.

Fields are stored as the minimal HTML `heatcards.note_html.clean_field_html` makes
from Qt's rich text. A field the person did not touch is saved exactly as it was
loaded, so opening a note never rewrites markup the editor cannot show.
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStringListModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QFontDatabase, QImage, QKeySequence, QTextCharFormat, QTextCursor, QTextDocument, QTextListFormat
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..collection import Collection
from ..errors import HeatcardsError
from ..model import Changes, NoteTypeKind
from ..note_html import clean_field_html, media_file, next_cloze_number
from .card_view import CardView

PREVIEW_DELAY_MS = 150
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg"}


def _media_image(media_folder: Path, url: QUrl) -> QImage | None:
    """The image a field's <img src="name"> shows: only plain names inside the media folder."""
    path = None if url.scheme() or url.host() else media_file(media_folder, url.path())
    if path is None:
        return None
    image = QImage(str(path))
    return None if image.isNull() else image


class FieldTextEdit(QTextEdit):
    """Rich text for one field. Pasted images go into the media folder; images show only
    from the media folder. Tab moves to the next field, as in Anki."""

    focused = Signal()
    media_failed = Signal(str)

    def __init__(self, collection: Collection, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.setTabChangesFocus(True)
        self.setAcceptRichText(True)

    # Qt virtuals: an exception escaping one of these would crash the process.
    def focusInEvent(self, event) -> None:  # Qt's name
        super().focusInEvent(event)
        self.focused.emit()

    def canInsertFromMimeData(self, source) -> bool:  # Qt's name
        try:
            return source.hasImage() or bool(self._local_images(source)) or super().canInsertFromMimeData(source)
        except Exception:  # noqa: BLE001 - see above
            return False

    def insertFromMimeData(self, source) -> None:  # Qt's name
        try:
            if source.hasImage():
                self.insert_image(_png_bytes(source.imageData()), "paste.png")
                return
            images = self._local_images(source)
            if images:
                for path in images:
                    self.insert_image(path.read_bytes(), path.name)
                return
            super().insertFromMimeData(source)
        except (HeatcardsError, OSError) as error:
            self.media_failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - see above
            self.media_failed.emit(f"could not paste: {error}")

    def loadResource(self, resource_type: int, url: QUrl):  # Qt's name
        try:
            if resource_type == QTextDocument.ResourceType.ImageResource.value:
                return _media_image(self.collection.media_folder, url)
            return None
        except Exception:  # noqa: BLE001 - see above
            return None

    def insert_image(self, data: bytes, suggested_name: str) -> str:
        """Store `data` in the media folder and insert it at the cursor; returns its file name."""
        name = self.collection.add_media(data, suggested_name)
        self.textCursor().insertHtml(f'<img src="{html.escape(name, quote=True)}">')
        return name

    @staticmethod
    def _local_images(source) -> list[Path]:
        if not source.hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
        if paths and len(paths) == len(source.urls()) and all(p.suffix.lower() in _IMAGE_SUFFIXES for p in paths):
            return paths
        return []


def _png_bytes(image) -> bytes:
    image = image if isinstance(image, QImage) else QImage(image)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class FieldEditor(QWidget):
    """One field: its name, the rich-text editor, and the HTML source (Ctrl+Shift+X)."""

    edited = Signal()

    def __init__(self, collection: Collection, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self._original = ""
        self.label = QLabel(name)
        self.rich = FieldTextEdit(collection)
        self.rich.setAccessibleName(f"{name} field")
        self.source = QPlainTextEdit()
        self.source.setAccessibleName(f"{name} field, HTML source")
        self.source.setTabChangesFocus(True)
        self.source.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source.hide()
        self.label.setBuddy(self.rich)
        # As tall as its text needs, never taller: spare room in the editor goes below the last field.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.rich)
        layout.addWidget(self.source)
        self.rich.textChanged.connect(self._on_rich_textChanged)
        self.source.textChanged.connect(self._on_source_textChanged)
        self.rich.document().documentLayout().documentSizeChanged.connect(self._on_rich_layout_documentSizeChanged)

    def _on_rich_layout_documentSizeChanged(self, size) -> None:
        """Grow with the text, from three lines up to about twelve (then scroll)."""
        line = self.rich.fontMetrics().lineSpacing()
        frame = 2 * self.rich.frameWidth() + 2 * int(self.rich.document().documentMargin())
        height = max(3 * line, min(12 * line, int(size.height()))) + frame
        self.rich.setFixedHeight(height)
        self.source.setFixedHeight(max(height, 4 * line + frame))

    def set_value(self, value: str) -> None:
        """Show a stored field value; the field counts as untouched until the person edits it."""
        self._original = value
        self.rich.blockSignals(True)
        self.rich.setHtml(value)
        self.rich.blockSignals(False)
        self.rich.document().setModified(False)
        if self.showing_source():
            self.source.blockSignals(True)
            self.source.setPlainText(value)
            self.source.blockSignals(False)

    def value(self) -> str:
        """The field as it will be stored."""
        if not self.is_modified():
            return self._original
        return clean_field_html(self.rich.toHtml())

    def is_modified(self) -> bool:
        return self.rich.document().isModified()

    def showing_source(self) -> bool:
        return not self.source.isHidden()

    def text_widget(self) -> QTextEdit | QPlainTextEdit:
        """The editor the person types in now (rich text or HTML source)."""
        return self.source if self.showing_source() else self.rich

    def has_focus(self) -> bool:
        return self.rich.hasFocus() or self.source.hasFocus()

    def toggle_source(self) -> None:
        """Switch between rich text and its HTML source, keeping the focus in the field."""
        if self.showing_source():
            self.source.hide()
            self.rich.show()
            self.rich.setFocus()
        else:
            self.source.blockSignals(True)
            self.source.setPlainText(self.value())
            self.source.blockSignals(False)
            self.rich.hide()
            self.source.show()
            self.source.setFocus()

    def _on_rich_textChanged(self) -> None:
        self.edited.emit()

    def _on_source_textChanged(self) -> None:
        self.rich.blockSignals(True)
        self.rich.setHtml(self.source.toPlainText())
        self.rich.blockSignals(False)
        self.rich.document().setModified(True)
        self.edited.emit()


class TagEdit(QLineEdit):
    """Space-separated tags; completes the word under the cursor from the collection's tags."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Tags")
        self.setPlaceholderText("tags, separated by spaces")
        self._known = QStringListModel(self)
        self._completer = QCompleter(self._known, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.setWidget(self)
        self._completer.activated[str].connect(self._on_completer_activated)
        self.textEdited.connect(self._on_self_textEdited)

    def completer_for_word(self) -> QCompleter:
        return self._completer

    def set_known_tags(self, tags: Sequence[str]) -> None:
        self._known.setStringList(list(tags))

    def set_tags(self, tags: Sequence[str]) -> None:
        self.setText(" ".join(tags))

    def tags(self) -> list[str]:
        return self.text().split()

    def _word_bounds(self) -> tuple[int, int]:
        text, cursor = self.text(), self.cursorPosition()
        start = text.rfind(" ", 0, cursor) + 1
        end = text.find(" ", cursor)
        return start, len(text) if end < 0 else end

    def _on_self_textEdited(self, text: str) -> None:
        start, _ = self._word_bounds()
        prefix = text[start:self.cursorPosition()]
        if not prefix:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount() == 0:
            self._completer.popup().hide()
            return
        self._completer.complete()

    def _on_completer_activated(self, completion: str) -> None:
        start, end = self._word_bounds()
        text = self.text()
        rest = text[end:].lstrip(" ")
        self.setText(f"{text[:start]}{completion} {rest}")
        self.setCursorPosition(start + len(completion) + 1)


class NotePreviewView(QTabWidget):
    """Each card the note will make: a tab per card with its question and answer."""

    def __init__(self, media_folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.media_folder = media_folder
        self.setAccessibleName("Card preview")
        self.setDocumentMode(True)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages: list[tuple[CardView, CardView]] = []

    def show_cards(self, cards: Sequence[tuple[str, object]], empty_message: str) -> None:
        """`cards`: (card name, RenderedCard) pairs; `empty_message` when there are none."""
        if not cards:
            while self.count():
                self.removeTab(0)
            self._pages.clear()
            self.addTab(self.empty_label, "No cards")
            self.empty_label.setText(empty_message)
            return
        if self.indexOf(self.empty_label) >= 0:
            self.removeTab(self.indexOf(self.empty_label))
        while len(self._pages) > len(cards):
            self._pages.pop()
            self.removeTab(len(self._pages))
        while len(self._pages) < len(cards):
            self._pages.append(self._add_page())
        for index, ((name, rendered), (question, answer)) in enumerate(zip(cards, self._pages)):
            self.setTabText(index, name)
            question.show_card(rendered.question, rendered.css)
            answer.show_card(rendered.answer, rendered.css)

    def card_views(self) -> list[tuple[CardView, CardView]]:
        """(question view, answer view) of each card tab."""
        return list(self._pages)

    def _add_page(self) -> tuple[CardView, CardView]:
        splitter = QSplitter(Qt.Orientation.Vertical)
        views = []
        for side in ("Front", "Back"):
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 4, 0, 0)
            layout.setSpacing(2)
            layout.addWidget(QLabel(side))
            view = CardView(self.media_folder)
            view.setAccessibleName(f"Preview, {side.lower()} of card {len(self._pages) + 1}")
            layout.addWidget(view)
            splitter.addWidget(box)
            views.append(view)
        self.addTab(splitter, "")
        return views[0], views[1]


class NoteEditor(QWidget):
    """Edit one note: a new one (`new_note`) or an existing one (`load_note`)."""

    changed = Signal(object)  # Changes, after save()

    def __init__(self, collection: Collection, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.note_id: int | None = None
        self.notetype_id: int | None = None
        self.deck_id: int | None = None
        self._field_editors: list[FieldEditor] = []
        self._current: FieldEditor | None = None
        self._original_tags: list[str] = []
        self._text_colour = QColor(Qt.GlobalColor.red)

        self.toolbar = QToolBar("Formatting")
        self.toolbar.setAccessibleName("Formatting")
        self._actions: dict[str, QAction] = {}
        for key, label, description, shortcut, slot in (
            ("bold", "B", "Bold", "Ctrl+B", self._on_bold_triggered),
            ("italic", "I", "Italic", "Ctrl+I", self._on_italic_triggered),
            ("underline", "U", "Underline", "Ctrl+U", self._on_underline_triggered),
            ("bullets", "• List", "Bulleted list", "Ctrl+Shift+U", self._on_bullets_triggered),
            ("numbers", "1. List", "Numbered list", "Ctrl+Shift+O", self._on_numbers_triggered),
            ("colour", "Colour", "Text colour", "F8", self._on_colour_triggered),
            ("clear", "Clear", "Clear formatting", "Ctrl+R", self._on_clear_triggered),
            ("cloze", "Cloze", "Cloze deletion, next number", "Ctrl+Shift+C", self._on_cloze_triggered),
            ("cloze_same", "Cloze", "Cloze deletion, same number", "Ctrl+Shift+Alt+C", self._on_cloze_same_triggered),
            ("html", "HTML", "Show or hide the HTML source", "Ctrl+Shift+X", self._on_html_triggered),
        ):
            action = QAction(label, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{description} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
            action.setStatusTip(description)
            action.triggered.connect(slot)
            self.addAction(action)
            if key != "cloze_same":
                self.toolbar.addAction(action)
            self._actions[key] = action
        for action in ("bold", "italic", "underline"):
            font = self._actions[action].font()
            font.setBold(action == "bold")
            font.setItalic(action == "italic")
            font.setUnderline(action == "underline")
            self._actions[action].setFont(font)

        self._fields_box = QWidget()
        self._fields_layout = QVBoxLayout(self._fields_box)
        self._fields_layout.setContentsMargins(0, 0, 0, 0)
        self.duplicate_label = QLabel()
        self.duplicate_label.setAccessibleName("Duplicate warning")
        self.duplicate_label.setWordWrap(True)
        self._duplicate_box = QWidget()
        duplicate_icon = QLabel()
        duplicate_icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16))
        duplicate_row = QHBoxLayout(self._duplicate_box)
        duplicate_row.setContentsMargins(0, 0, 0, 4)
        duplicate_row.addWidget(duplicate_icon, 0, Qt.AlignmentFlag.AlignTop)
        duplicate_row.addWidget(self.duplicate_label, 1)
        self._duplicate_box.hide()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._fields_box)

        self.tag_edit = TagEdit()
        self.tag_edit.textEdited.connect(self._on_tag_edit_textEdited)
        tags_row = QHBoxLayout()
        tags_label = QLabel("&Tags")
        tags_label.setBuddy(self.tag_edit)
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tag_edit)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.toolbar)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(tags_row)

        self.preview = NotePreviewView(collection.media_folder)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([540, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(PREVIEW_DELAY_MS)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)

    def hideEvent(self, event) -> None:  # Qt's name
        self._refresh_timer.stop()  # nothing to show a hidden editor's preview to
        super().hideEvent(event)

    # --- loading -------------------------------------------------------------------
    def load_note(self, note_id: int) -> None:
        """Edit an existing note."""
        note = self.collection.note(note_id)
        card_ids = self.collection.find_cards(f"nid:{note_id}")
        self.note_id = note_id
        self.deck_id = self.collection.card(card_ids[0]).deck_id if card_ids else None
        self._build_fields(note.notetype_id, note.fields)
        self._original_tags = list(note.tags)
        self.tag_edit.set_tags(note.tags)
        self._refresh_now()

    def new_note(self, notetype_id: int, deck_id: int) -> None:
        """Start a blank note of this type, to be added to this deck. Tags typed so far stay."""
        self.note_id = None
        self.deck_id = deck_id
        self._build_fields(notetype_id, [""] * len(self._notetype_fields(notetype_id)))
        self._original_tags = []
        self._refresh_now()

    def set_deck(self, deck_id: int) -> None:
        """The deck a new note goes to (its name shows in previews using {{Deck}})."""
        self.deck_id = deck_id
        self._refresh_timer.start()

    def set_notetype(self, notetype_id: int) -> None:
        """Switch a new note to another note type, keeping field contents by position."""
        values = self.fields()
        count = len(self._notetype_fields(notetype_id))
        self._build_fields(notetype_id, (values + [""] * count)[:count])
        for editor, value in zip(self._field_editors, values):
            if value:
                editor.rich.document().setModified(True)
        self._refresh_now()

    def clear_fields(self) -> None:
        """Empty every field (after adding), keeping the tags, and focus the first field."""
        for editor in self._field_editors:
            editor.set_value("")
        self.focus_first_field()
        self._refresh_now()

    def focus_first_field(self) -> None:
        if self._field_editors:
            self._field_editors[0].text_widget().setFocus()

    # --- reading ---------------------------------------------------------------------
    def field_editors(self) -> list[FieldEditor]:
        return list(self._field_editors)

    def fields(self) -> list[str]:
        return [editor.value() for editor in self._field_editors]

    def tags(self) -> list[str]:
        return self.tag_edit.tags()

    def is_modified(self) -> bool:
        return any(e.is_modified() for e in self._field_editors) or self.tags() != self._original_tags

    def duplicates(self) -> list[int]:
        """Notes of this type whose first field equals this note's (Anki's duplicate rule)."""
        if self.notetype_id is None or not self._field_editors:
            return []
        return self.collection.duplicate_of_first_field(self.notetype_id, self.fields()[0], self.note_id)

    # --- saving ----------------------------------------------------------------------
    def save(self) -> Changes | None:
        """Add the new note, or save the edited one keeping every card's progress.
        None when an existing note has no changes. Raises HeatcardsError (nothing saved)."""
        if self.notetype_id is None:
            return None
        if self.note_id is None:
            if self.deck_id is None:
                raise HeatcardsError("choose a deck for the new note")
            changes = self.collection.create_note(self.notetype_id, self.deck_id, self.fields(), tags=self.tags())
        else:
            if not self.is_modified():
                return None
            changes = self.collection.update_note(self.note_id, self.fields(), tags=self.tags(), undo_label="edit note")
            self.load_note(self.note_id)
        self.tag_edit.set_known_tags(self.collection.all_tags())
        self.changed.emit(changes)
        return changes

    # --- formatting --------------------------------------------------------------------
    def current_field(self) -> FieldEditor | None:
        """The field with the focus, else the one focused last, else the first."""
        for editor in self._field_editors:
            if editor.has_focus():
                return editor
        if self._current in self._field_editors:
            return self._current
        return self._field_editors[0] if self._field_editors else None

    def set_text_colour(self, colour: QColor) -> None:
        """Colour the selection in the current field (also what the Colour… button applies)."""
        self._text_colour = QColor(colour)
        fmt = QTextCharFormat()
        fmt.setForeground(self._text_colour)
        self._merge_format(fmt)

    def _rich_cursor(self) -> tuple[FieldTextEdit, QTextCursor] | None:
        field = self.current_field()
        if field is None or field.showing_source():
            return None
        return field.rich, field.rich.textCursor()

    def _merge_format(self, fmt: QTextCharFormat) -> None:
        target = self._rich_cursor()
        if target is not None:
            target[0].mergeCurrentCharFormat(fmt)
            target[0].setFocus()

    def _on_bold_triggered(self) -> None:
        target = self._rich_cursor()
        if target is not None:
            fmt = QTextCharFormat()
            bold = target[1].charFormat().fontWeight() >= 600
            fmt.setFontWeight(400 if bold else 700)
            self._merge_format(fmt)

    def _on_italic_triggered(self) -> None:
        target = self._rich_cursor()
        if target is not None:
            fmt = QTextCharFormat()
            fmt.setFontItalic(not target[1].charFormat().fontItalic())
            self._merge_format(fmt)

    def _on_underline_triggered(self) -> None:
        target = self._rich_cursor()
        if target is not None:
            fmt = QTextCharFormat()
            fmt.setFontUnderline(not target[1].charFormat().fontUnderline())
            self._merge_format(fmt)

    def _toggle_list(self, style: QTextListFormat.Style) -> None:
        target = self._rich_cursor()
        if target is None:
            return
        edit, cursor = target
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            block = edit.document().findBlock(cursor.selectionStart())
            last = edit.document().findBlock(cursor.selectionEnd())
            while block.isValid():
                if block.textList() is not None:
                    block.textList().remove(block)
                if block == last:
                    break
                block = block.next()
            block_format = cursor.blockFormat()
            block_format.setIndent(0)
            cursor.setBlockFormat(block_format)
        else:
            cursor.createList(style)
        cursor.endEditBlock()
        edit.setFocus()

    def _on_bullets_triggered(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDisc)

    def _on_numbers_triggered(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDecimal)

    def _on_colour_triggered(self) -> None:
        colour = QColorDialog.getColor(self._text_colour, self, "Text colour")
        if colour.isValid():
            self.set_text_colour(colour)

    def _on_clear_triggered(self) -> None:
        target = self._rich_cursor()
        if target is not None and target[1].hasSelection():
            target[1].setCharFormat(QTextCharFormat())
            target[0].setFocus()

    def _on_html_triggered(self) -> None:
        field = self.current_field()
        if field is not None:
            field.toggle_source()

    def _on_cloze_triggered(self) -> None:
        self.wrap_in_cloze(same_number=False)

    def _on_cloze_same_triggered(self) -> None:
        self.wrap_in_cloze(same_number=True)

    def wrap_in_cloze(self, *, same_number: bool) -> None:
        """Wrap the selection of the current field in {{cN::…}}: N is one past the highest
        number in any field (or, with `same_number`, the highest); no selection: an empty deletion."""
        field = self.current_field()
        if field is None:
            return
        number = next_cloze_number(self.fields(), same=same_number)
        widget = field.text_widget()
        cursor = widget.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.beginEditBlock()
        cursor.setPosition(end)
        cursor.insertText("}}")
        cursor.setPosition(start)
        cursor.insertText(f"{{{{c{number}::")
        cursor.endEditBlock()
        inside = start + len(f"{{{{c{number}::") + (end - start)
        cursor.setPosition(inside if start == end else inside + 2)
        widget.setTextCursor(cursor)
        widget.setFocus()

    # --- building and refreshing ------------------------------------------------------------
    def _notetype_fields(self, notetype_id: int) -> tuple[str, ...]:
        return next(n.fields for n in self.collection.notetypes() if n.id == notetype_id)

    def _build_fields(self, notetype_id: int, values: Sequence[str]) -> None:
        self.notetype_id = notetype_id
        for editor in self._field_editors:
            editor.setParent(None)
            editor.deleteLater()
        self._field_editors = []
        self._current = None
        while self._fields_layout.count():
            self._fields_layout.takeAt(0)
        for index, (name, value) in enumerate(zip(self._notetype_fields(notetype_id), values)):
            editor = FieldEditor(self.collection, name)
            editor.set_value(value)
            editor.edited.connect(self._on_field_edited)
            editor.rich.focused.connect(self._on_field_focused)
            editor.rich.media_failed.connect(self._on_field_media_failed, Qt.ConnectionType.QueuedConnection)
            self._fields_layout.addWidget(editor)
            editor.show()  # now, not when the event loop next runs: Tab and focus work at once
            self._field_editors.append(editor)
            if index == 0:
                self._fields_layout.addWidget(self._duplicate_box)
        self._fields_layout.addStretch(1)
        self.tag_edit.set_known_tags(self.collection.all_tags())

    def _on_field_edited(self) -> None:
        self._refresh_timer.start()

    def _on_tag_edit_textEdited(self, _text: str) -> None:
        self._refresh_timer.start()

    def _on_field_focused(self) -> None:
        sender = self.sender()
        self._current = next((e for e in self._field_editors if e.rich is sender), self._current)

    def _on_field_media_failed(self, message: str) -> None:
        QMessageBox.warning(self, "Cannot paste", message)

    def _on_refresh_timer_timeout(self) -> None:
        self._refresh_now()

    def _refresh_now(self) -> None:
        """Update the preview and the duplicate warning from the fields as they are now."""
        self._refresh_timer.stop()
        if self.notetype_id is None:
            return
        values = self.fields()
        duplicates = self.duplicates()
        if duplicates:
            others = "another note" if len(duplicates) == 1 else f"{len(duplicates)} other notes"
            self.duplicate_label.setText(f"Duplicate: {others} of this note type already has this {self._field_editors[0].name}.")
            self.duplicate_label.setToolTip("Duplicate of note " + ", ".join(str(i) for i in duplicates))
        self._duplicate_box.setVisible(bool(duplicates))
        try:
            cards = self.collection.preview_note(self.notetype_id, values, deck_id=self.deck_id, tags=self.tags())
        except HeatcardsError as error:
            self.preview.show_cards([], str(error))
            return
        self.preview.show_cards(cards, self._no_cards_message())

    def _no_cards_message(self) -> str:
        notetype = next(n for n in self.collection.notetypes() if n.id == self.notetype_id)
        if notetype.kind is NoteTypeKind.CLOZE:
            return "No cards yet: select text in a field and press Ctrl+Shift+C to make a cloze deletion."
        return f"No cards yet: fill in the {notetype.fields[0]} field."


def _show_error(parent: QWidget, title: str, error: HeatcardsError) -> None:
    QMessageBox.warning(parent, title, str(error))


class AddDialog(QDialog):
    """Add notes one after another: choose the note type and deck, fill in, Ctrl+Enter."""

    changed = Signal(object)  # Changes of each added note

    def __init__(self, collection: Collection, deck_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.setWindowTitle("Add")
        self.setAccessibleName("Add notes")
        self.notetype_combo = QComboBox()
        self.notetype_combo.setAccessibleName("Note type")
        for notetype in collection.notetypes():
            self.notetype_combo.addItem(notetype.name, notetype.id)
        self.deck_combo = QComboBox()
        self.deck_combo.setAccessibleName("Deck")
        for deck in collection.decks():
            self.deck_combo.addItem(deck.name, deck.id)
        if deck_id is not None:
            self.deck_combo.setCurrentIndex(max(0, self.deck_combo.findData(deck_id)))
        choosers = QFormLayout()
        choosers.addRow("&Type", self.notetype_combo)
        choosers.addRow("&Deck", self.deck_combo)

        self.editor = NoteEditor(collection)
        self.editor.changed.connect(self.changed)
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Status")
        self.add_button = QPushButton("&Add")
        self.add_button.setAccessibleName("Add note")
        self.add_button.setToolTip("Add the note (Ctrl+Enter)")
        self.add_button.setDefault(False)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        close_button = QPushButton("Close")
        close_button.setAccessibleName("Close")
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.close)
        for shortcut in ("Ctrl+Return", "Ctrl+Enter"):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(self._on_add_button_clicked)
            self.addAction(action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(choosers)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        self.resize(960, 620)

        self.editor.new_note(self.notetype_combo.currentData(), self.deck_combo.currentData())
        self.notetype_combo.currentIndexChanged.connect(self._on_notetype_combo_currentIndexChanged)
        self.deck_combo.currentIndexChanged.connect(self._on_deck_combo_currentIndexChanged)
        self.editor.focus_first_field()

    def choose_notetype(self, name: str) -> None:
        """Select a note type by name (as picking it in the chooser does)."""
        index = self.notetype_combo.findText(name)
        if index < 0:
            raise HeatcardsError(f"no note type named {name!r}")
        self.notetype_combo.setCurrentIndex(index)

    def add(self) -> Changes | None:
        """Add the note as filled in; on success the fields clear for the next one."""
        try:
            changes = self.editor.save()
        except HeatcardsError as error:
            _show_error(self, "Cannot add this note", error)
            self.editor.focus_first_field()
            return None
        if changes is not None:
            count = len(changes.cards)
            self.status_label.setText(f"Added {count} card{'s' if count != 1 else ''}.")
            self.editor.clear_fields()
        return changes

    def _on_add_button_clicked(self) -> None:
        self.add()

    def _on_notetype_combo_currentIndexChanged(self, _index: int) -> None:
        self.editor.set_notetype(self.notetype_combo.currentData())
        self.editor.focus_first_field()

    def _on_deck_combo_currentIndexChanged(self, _index: int) -> None:
        self.editor.set_deck(self.deck_combo.currentData())


class EditNoteDialog(QDialog):
    """Edit one note; Save (Ctrl+Enter) keeps every card's progress."""

    changed = Signal(object)  # Changes

    def __init__(self, collection: Collection, note_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.setWindowTitle("Edit note")
        self.setAccessibleName("Edit note")
        self.editor = NoteEditor(collection)
        self.editor.changed.connect(self.changed)
        self.editor.load_note(note_id)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setAccessibleName("Save")
        save_button.setToolTip("Save the note (Ctrl+Enter)")
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
        save_button.clicked.connect(self._on_save_button_clicked)
        self.buttons.rejected.connect(self.reject)
        for shortcut in ("Ctrl+Return", "Ctrl+Enter"):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(self._on_save_button_clicked)
            self.addAction(action)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.resize(960, 560)
        self.editor.focus_first_field()

    def save(self) -> bool:
        """Save the note and close; False (dialog stays open) when the core refused it."""
        try:
            self.editor.save()
        except HeatcardsError as error:
            _show_error(self, "Cannot save this note", error)
            return False
        self.accept()
        return True

    def _on_save_button_clicked(self) -> None:
        self.save()

    def reject(self) -> None:  # Qt's name: Close, Escape, the window's close button
        """Closing saves what was changed, as Anki's edit window does."""
        if self.editor.is_modified():
            self.save()
            return
        super().reject()
