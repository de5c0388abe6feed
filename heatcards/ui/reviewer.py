"""The study screen: question, answer, four rating buttons, and Anki's reviewer keys.

`ReviewerView` is a passive view over `heatcards.reviewing.ReviewSession`, which decides
which card comes next (the deck's queue, or a "study more" list) and which card an undo
brings back. When the deck is done, the view shows `CongratulationsView`.
"""
from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..collection import Collection
from ..errors import HeatcardsError, NothingToUndoError
from ..model import FLAG_NAMES, CardState, Changes, Rating
from ..rendering import TYPE_ANSWER_MARKER, RenderedCard
from ..reviewing import (
    ReviewSession,
    StudyMore,
    answer_sounds,
    describe_finished,
    readable_css,
    readable_inline_colours,
    replace_sound_tags,
    sound_files,
)
from .audio import AudioPlayer
from .card_view import CardView
from .source_view import SourceDialog
from .theme import count_colours, is_dark

# What each flag means is its colour, the same in both themes (as in Anki): these are data,
# not styling, and are mid-tone so that they read on a light and on a dark background.
FLAG_COLOURS = (None, "#e5484d", "#f76808", "#30a46c", "#0091ff", "#e93d82", "#12a594", "#8e4ec6")
MAXIMUM_ANSWER_MS = 60_000  # Anki's default cap on the time recorded for one answer
NOTICE_MS = 4000
RATING_NAMES = {Rating.AGAIN: "Again", Rating.HARD: "Hard", Rating.GOOD: "Good", Rating.EASY: "Easy"}
SOUND_LINK = "playsound"


class ReviewerView(QWidget):
    """Study `deck_id` (with its subdecks). The main window shows it in its stacked area."""

    changed = Signal(object)  # Changes
    # ids are millisecond timestamps, too big for a C++ int: carried as Python ints
    edit_requested = Signal(object)  # note id
    info_requested = Signal(object)  # card id
    closed = Signal()

    def __init__(self, collection: Collection, deck_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.session = ReviewSession(collection, deck_id)
        self.answer_shown = False
        self.rendered: RenderedCard | None = None
        self.source_dialog: SourceDialog | None = None
        self.answer_ms = 0
        self._has_type_answer = False
        self._elapsed = QElapsedTimer()
        self.audio = AudioPlayer(collection.media_folder, self)
        self.audio.missing_files.connect(self._on_audio_missing_files)
        self.setAccessibleName("Study")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self._build_actions()
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.notice_label.clear)
        self.show_next_card()

    # --- construction ----------------------------------------------------------------
    def _build(self) -> None:
        self.deck_label = QLabel(self.session.deck.name)
        self.deck_label.setAccessibleName("Deck being studied")
        self.state_label = QLabel()
        self.state_label.setAccessibleName("Flag and mark of this card")
        self.elapsed_label = QLabel("0:00")
        self.elapsed_label.setAccessibleName("Time on this card")
        self.elapsed_label.setToolTip("Time spent on this card (stops when the answer shows)")
        top = QHBoxLayout()
        top.addWidget(self.deck_label)
        top.addStretch(1)
        top.addWidget(self.state_label)
        top.addSpacing(12)
        top.addWidget(self.elapsed_label)

        self.flag_bar = QFrame()
        self.flag_bar.setFixedHeight(5)
        self.flag_bar.setAutoFillBackground(True)
        self.flag_bar.hide()
        self.card_view = CardView(self.collection.media_folder, self)
        self.card_view.setAccessibleName("Card")
        self.card_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the reviewer (Space = Good)
        self.card_view.anchorClicked.connect(self._on_card_view_anchor_clicked)

        self.type_label = QLabel("Type the answer, then press Enter:")
        self.type_edit = QLineEdit()
        self.type_edit.setAccessibleName("Typed answer")
        self.type_edit.setPlaceholderText("your answer")
        self.type_edit.returnPressed.connect(self._on_type_edit_return_pressed)
        self.type_label.setBuddy(self.type_edit)
        self.type_row = QWidget()
        type_layout = QHBoxLayout(self.type_row)
        type_layout.setContentsMargins(0, 0, 0, 0)
        type_layout.addWidget(self.type_label)
        type_layout.addWidget(self.type_edit, 1)
        self.type_row.hide()

        self.notice_label = QLabel()
        self.notice_label.setAccessibleName("Notice")

        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Cards left: new, learning, review")
        self.counts_label.setToolTip("Cards left today: new + learning + review (the current card's kind is underlined)")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress of this session")
        self.progress.setFormat("%v of %m")
        self.progress.setMaximumWidth(220)

        self.show_answer_button = self._button("Show answer", "Show the answer (Space or Enter)", self.show_answer)
        self.answer_buttons: dict[Rating, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.show_answer_button)
        for rating in Rating:
            keys = f"{int(rating)}" + (", Space or Enter" if rating is Rating.GOOD else "")
            tip = f"{RATING_NAMES[rating]} ({keys})"
            if rating is Rating.HARD:
                tip += ": a pass that was hard; FSRS does not count it as forgotten"
            button = self._button(RATING_NAMES[rating], tip, lambda _=False, r=rating: self.answer_card(r))
            button.setMinimumWidth(90)
            button.hide()
            self.answer_buttons[rating] = button
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.source_button = QToolButton()
        self.source_button.setText("Source")
        self.source_button.setAccessibleName("Show source")
        self.source_button.setToolTip("Show the passage this card was made from (Shift+S)")
        self.source_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.source_button.clicked.connect(self.show_source)
        self.more_button = QToolButton()
        self.more_button.setText("More")
        self.more_button.setAccessibleName("More actions")
        self.more_button.setToolTip("Actions on this card, with their keys")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        bottom = QHBoxLayout()
        bottom.addWidget(self.counts_label)
        bottom.addWidget(self.progress)
        bottom.addLayout(buttons, 1)
        bottom.addWidget(self.source_button)
        bottom.addWidget(self.more_button)

        study = QWidget()
        study_layout = QVBoxLayout(study)
        study_layout.setContentsMargins(0, 0, 0, 0)
        study_layout.addLayout(top)
        study_layout.addWidget(self.flag_bar)
        study_layout.addWidget(self.card_view, 1)
        study_layout.addWidget(self.type_row)
        study_layout.addWidget(self.notice_label)
        study_layout.addLayout(bottom)
        self.study_page = study

        self.congratulations = CongratulationsView(self)
        self.congratulations.study_more_chosen.connect(self._on_congratulations_study_more_chosen)
        self.congratulations.back_requested.connect(self.closed)
        self.pages = QStackedWidget()
        self.pages.addWidget(study)
        self.pages.addWidget(self.congratulations)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def _button(self, text: str, tip: str, slot: Callable) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        # Buttons never take focus: Space must stay "Good", not "press the focused button".
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # room for two lines (rating and interval) on every button, so the bar never jumps
        button.setMinimumHeight(button.fontMetrics().lineSpacing() * 2 + 14)
        button.clicked.connect(slot)
        return button

    def _action(self, text: str, keys: str | list[str], slot: Callable, *, card_action: bool = True) -> QAction:
        action = QAction(text, self)
        sequences = [QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)]
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        if card_action:
            self._card_actions.append(action)
        return action

    def _build_actions(self) -> None:
        self._card_actions: list[QAction] = []
        a = self._action
        # Space, Enter and 1-4: "*" and the other symbol keys are also listed with Shift,
        # since that is how most keyboards type them.
        self.space_action = a("Show answer / Good", ["Space", "Return", "Enter"], self._on_space_action_triggered)
        self.rating_actions = [a(RATING_NAMES[r], str(int(r)), lambda _=False, r=r: self.answer_card(r)) for r in Rating]
        self.edit_action = a("Edit note", "E", self._on_edit_action_triggered)
        self.info_action = a("Card info", "I", self._on_info_action_triggered)
        self.mark_action = a("Mark note", ["*", "Shift+*"], self.toggle_mark)
        self.bury_action = a("Bury card", "-", self.bury_card)
        self.bury_note_action = a("Bury note", ["=", "Shift+="], self.bury_note)
        self.suspend_action = a("Suspend card", ["@", "Shift+@"], self.suspend_card)
        self.suspend_note_action = a("Suspend note", ["!", "Shift+!"], self.suspend_note)
        self.flag_actions = [
            a(f"{FLAG_NAMES[n]} flag", f"Ctrl+{n}", lambda _=False, n=n: self.toggle_flag(n)) for n in range(1, 8)
        ]
        self.delete_action = a("Delete note", "Ctrl+Delete", self.delete_note)
        self.source_action = a("Show source", "Shift+S", self.show_source)
        self.replay_action = a("Replay audio", "R", self.replay_audio)
        self.scroll_actions = [
            a("Scroll up", "Up", lambda: self._scroll(-1)),
            a("Scroll down", "Down", lambda: self._scroll(1)),
            a("Page up", "PgUp", lambda: self._scroll(-10)),
            a("Page down", "PgDown", lambda: self._scroll(10)),
        ]
        self.undo_action = a("Undo", "Ctrl+Z", self.undo, card_action=False)
        self.close_action = a("Back to decks", "Escape", self.closed, card_action=False)

        menu = QMenu(self)
        for action in (self.edit_action, self.info_action, self.source_action, self.replay_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.mark_action, self.bury_action, self.bury_note_action, self.suspend_action, self.suspend_note_action):
            menu.addAction(action)
        flags = menu.addMenu("Flag")
        for action in self.flag_actions:
            flags.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.addAction(self.undo_action)
        menu.addAction(self.close_action)
        self.more_button.setMenu(menu)
        self.more_menu = menu

    # --- showing cards ----------------------------------------------------------------------
    def show_next_card(self) -> None:
        """Move on to the next card, or to the congratulations page when none is left."""
        card = self.session.next_card()
        if card is None:
            self._show_congratulations()
        else:
            self._show_question()

    def _show_question(self) -> None:
        card = self.session.card
        self.pages.setCurrentWidget(self.study_page)
        self._set_card_actions_enabled(True)
        self.answer_shown = False
        self.rendered = self.collection.render(card)
        question = self.rendered.question
        self._has_type_answer = TYPE_ANSWER_MARKER in question
        self._display(question.replace(TYPE_ANSWER_MARKER, ""))
        self.type_edit.clear()
        self.type_row.setVisible(self._has_type_answer)
        self.show_answer_button.show()
        for button in self.answer_buttons.values():
            button.hide()
        self._update_status()
        self._elapsed.start()
        self.elapsed_label.setText("0:00")
        self._clock.start()
        # Whoever focuses the reviewer (the main window does) lands in the answer box when there is one.
        self.setFocusProxy(self.type_edit if self._has_type_answer else None)
        self.setFocus()
        self.audio.play(sound_files(question))

    def show_answer(self) -> None:
        card = self.session.card
        if card is None or self.answer_shown:
            return
        self.answer_shown = True
        self._clock.stop()
        self.answer_ms = min(self._elapsed.elapsed(), MAXIMUM_ANSWER_MS)
        self._on_clock_timeout()
        if self._has_type_answer:
            self.rendered = self.collection.render(card, typed_answer=self.type_edit.text())
        self._display(self.rendered.answer)
        self.setFocusProxy(None)
        self.type_row.hide()
        self.show_answer_button.hide()
        for preview in self.collection.previews(card):
            button = self.answer_buttons[preview.rating]
            button.setText(f"{RATING_NAMES[preview.rating]}\n{preview.label()}")
            button.setAccessibleName(f"{RATING_NAMES[preview.rating]}, next in {preview.label()}")
            button.show()
        self.setFocus()
        self.audio.play(answer_sounds(self.rendered.question, self.rendered.answer))

    def answer_card(self, rating: Rating) -> None:
        """Rate the card on screen (only once its answer shows, as in Anki)."""
        if self.session.card is None or not self.answer_shown:
            return
        if not self._run(lambda: self.session.answer(rating, self.answer_ms)):
            return
        self.show_next_card()

    def refresh_current(self) -> None:
        """Show the current card again as it now is (after the note was edited elsewhere)."""
        if self.session.card is None:
            return
        if self.session.refresh_card() is None:
            self.show_next_card()
            return
        answer_was_shown, typed = self.answer_shown, self.type_edit.text()
        self.rendered = self.collection.render(self.session.card, typed_answer=typed if self._has_type_answer else None)
        if answer_was_shown:
            self._display(self.rendered.answer)
        else:
            self._display(self.rendered.question.replace(TYPE_ANSWER_MARKER, ""))
        self._update_status()

    def _display(self, card_html: str) -> None:
        """Show card HTML on the theme's background; colours hard to read there are adjusted
        (see `reviewing.readable_css`) and the template's night-mode rules apply in a dark theme."""
        card = self.session.card
        background = self.card_view.palette().color(QPalette.ColorRole.Base)
        rgb = (background.red(), background.green(), background.blue())
        body = replace_sound_tags(card_html, _sound_link)
        body = readable_inline_colours(body, rgb)
        classes = f"card card{card.ordinal + 1}" + (" nightMode" if is_dark(QApplication.instance()) else "")
        self.card_view.show_card(f'<div class="{classes}">{body}</div>', readable_css(self.rendered.css, rgb))

    def _update_status(self) -> None:
        card = self.session.card
        note = self.collection.note(card.note_id)
        parts = []
        if card.flag:
            parts.append(f"⚑ {FLAG_NAMES[card.flag]} flag")
            palette = self.flag_bar.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(FLAG_COLOURS[card.flag]))
            self.flag_bar.setPalette(palette)
        self.flag_bar.setVisible(bool(card.flag))
        if self.collection.is_marked(note):
            parts.append("★ Marked")
        self.state_label.setText("   ".join(parts))
        has_source = note.source is not None
        self.source_button.setEnabled(has_source)
        self.source_action.setEnabled(has_source)
        self._update_counts()

    def _update_counts(self) -> None:
        counts = self.session.counts()
        new, learning, review = (c.name() for c in count_colours(QApplication.instance()))
        current = self.session.card.state if self.session.card is not None else None
        kinds = (
            (counts.new, new, current is CardState.NEW),
            (counts.learning, learning, current in (CardState.LEARNING, CardState.RELEARNING)),
            (counts.review, review, current is CardState.REVIEW),
        )
        parts = [f'<span style="color:{colour}">{f"<u><b>{n}</b></u>" if on else n}</span>' for n, colour, on in kinds]
        self.counts_label.setText(" + ".join(parts))
        done, total = self.session.progress()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _show_congratulations(self) -> None:
        self._clock.stop()
        self.audio.stop()
        self._set_card_actions_enabled(False)
        info = self.collection.finished_deck(self.session.deck)
        lines = describe_finished(info, self.collection.now(), self.collection.calendar)
        self.congratulations.show_finished(self.session.deck.name, lines, info.new_over_limit)
        self.pages.setCurrentWidget(self.congratulations)
        self.setFocusProxy(self.congratulations)
        self.setFocus()

    def _set_card_actions_enabled(self, enabled: bool) -> None:
        for action in self._card_actions:
            action.setEnabled(enabled)

    # --- actions on the card ------------------------------------------------------------------
    def _run(self, operation: Callable[[], Changes]) -> bool:
        """Do a collection operation, report its changes; a HeatcardsError is shown, never raised."""
        try:
            changes = operation()
        except HeatcardsError as error:
            QMessageBox.warning(self, "heatcards", str(error))
            return False
        self.changed.emit(changes)
        return True

    def _card_operation(self, operation: Callable[[], Changes], notice: str, *, moves_on: bool) -> None:
        if self.session.card is None or not self._run(operation):
            return
        self.show_notice(notice)
        if moves_on:
            self.show_next_card()
        else:
            self.session.refresh_card()
            self._update_status()

    def bury_card(self) -> None:
        card = self.session.card
        self._card_operation(lambda: self.collection.bury([card.id]), "Card buried until tomorrow.", moves_on=True)

    def bury_note(self) -> None:
        card = self.session.card
        self._card_operation(lambda: self.collection.bury_note(card.note_id), "Note buried until tomorrow.", moves_on=True)

    def suspend_card(self) -> None:
        card = self.session.card
        self._card_operation(lambda: self.collection.suspend([card.id]), "Card suspended.", moves_on=True)

    def suspend_note(self) -> None:
        card = self.session.card
        self._card_operation(lambda: self.collection.suspend_note(card.note_id), "Note suspended.", moves_on=True)

    def delete_note(self) -> None:
        card = self.session.card
        self._card_operation(
            lambda: self.collection.delete_notes([card.note_id]), "Note deleted. Ctrl+Z brings it back.", moves_on=True
        )

    def toggle_mark(self) -> None:
        card = self.session.card
        if card is None:
            return
        marked = self.collection.is_marked(self.collection.note(card.note_id))
        self._card_operation(lambda: self.collection.toggle_mark(card.note_id), "Unmarked." if marked else "Marked.", moves_on=False)

    def toggle_flag(self, flag: int) -> None:
        """Set flag 1–7 on the card; the same flag again removes it (as in Anki)."""
        card = self.session.card
        if card is None:
            return
        new = 0 if card.flag == flag else flag
        notice = "Flag removed." if new == 0 else f"{FLAG_NAMES[new]} flag."
        self._card_operation(lambda: self.collection.set_flag([card.id], new), notice, moves_on=False)

    def undo(self) -> None:
        before = self.session.card
        try:
            label, changes = self.session.undo()
        except NothingToUndoError:
            self.show_notice("Nothing to undo.")
            return
        except HeatcardsError as error:
            QMessageBox.warning(self, "heatcards", str(error))
            return
        self.changed.emit(changes)
        self.show_notice(f"Undone: {label}.")
        if self.session.card is None:
            self._show_congratulations()
        elif before is None or self.session.card.id != before.id or label == "answer":
            self._show_question()
        else:
            self._update_status()

    def show_source(self) -> None:
        card = self.session.card
        if card is None:
            return
        try:
            passage = self.collection.source_passage(card.id)
        except HeatcardsError as error:
            QMessageBox.warning(self, "heatcards", str(error))
            return
        if passage is None:
            self.show_notice("This card was not made from a document.")
            return
        self.source_dialog = SourceDialog(passage, self)
        self.source_dialog.finished.connect(self._on_source_dialog_finished)
        self.source_dialog.open()

    def replay_audio(self) -> None:
        if self.rendered is not None and self.session.card is not None:
            self.audio.play(sound_files(self.rendered.answer if self.answer_shown else self.rendered.question))

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self._notice_timer.start(NOTICE_MS)

    def _scroll(self, steps: int) -> None:
        bar = self.card_view.verticalScrollBar()
        bar.setValue(bar.value() + steps * bar.singleStep())

    # --- slots ---------------------------------------------------------------------------------
    def _on_space_action_triggered(self) -> None:
        if self.answer_shown:
            self.answer_card(Rating.GOOD)
        else:
            self.show_answer()

    def _on_type_edit_return_pressed(self) -> None:
        self.show_answer()

    def _on_edit_action_triggered(self) -> None:
        if self.session.card is not None:
            self.edit_requested.emit(self.session.card.note_id)

    def _on_info_action_triggered(self) -> None:
        if self.session.card is not None:
            self.info_requested.emit(self.session.card.id)

    def _on_clock_timeout(self) -> None:
        seconds = (self.answer_ms if self.answer_shown else self._elapsed.elapsed()) // 1000
        self.elapsed_label.setText(f"{seconds // 60}:{seconds % 60:02d}")

    def _on_card_view_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() != SOUND_LINK or self.rendered is None:
            return
        names = sound_files(self.rendered.answer if self.answer_shown else self.rendered.question)
        index = int(url.path()) if url.path().isdigit() else -1
        if 0 <= index < len(names):
            self.audio.play([names[index]])

    def _on_source_dialog_finished(self) -> None:
        self.activateWindow()
        self.setFocus()

    def _on_audio_missing_files(self, names: list) -> None:
        self.show_notice(f"Not in the media folder: {', '.join(names)}")

    def _on_congratulations_study_more_chosen(self, kind: StudyMore, amount: int) -> None:
        if not self._run(lambda: self.session.study_more(kind, amount)):
            return
        if self.session.next_card() is None:
            self.congratulations.show_notice(_NOTHING_MORE[kind].format(n=amount))
            return
        self._show_question()

    def showEvent(self, event) -> None:  # Qt's name
        # the card clock runs again when the window comes back (it stops while hidden)
        if self.session.card is not None and not self.answer_shown and self.pages.currentWidget() is self.study_page:
            self._clock.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # Qt's name
        # A Python exception escaping a Qt virtual crashes the process: keep this trivial.
        self.audio.stop()
        self._clock.stop()
        super().hideEvent(event)


def _sound_link(index: int, name: str) -> str:
    return f'<a href="{SOUND_LINK}:{index}" title="Play {html.escape(name)}">▶</a>'


_NOTHING_MORE = {
    StudyMore.NEW: "No new cards are left in this deck.",
    StudyMore.FORGOTTEN: "No card was answered Again in the last {n} day(s).",
    StudyMore.AHEAD: "No review card is due in the next {n} day(s).",
}


class CongratulationsView(QWidget):
    """The finished deck: when the next card is due, tomorrow's load, and "study more" choices."""

    study_more_chosen = Signal(object, int)  # StudyMore, the number of cards or days
    back_requested = Signal()

    CHOICES = (
        (StudyMore.NEW, "New cards beyond today's limit:", "more new cards", 10, 9999),
        (StudyMore.FORGOTTEN, "Forgotten cards (answered Again) in the last", "days", 1, 365),
        (StudyMore.AHEAD, "Review ahead: cards due in the next", "days", 1, 365),
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Congratulations")
        self.title_label = QLabel()
        self.title_label.setAccessibleName("Deck finished")
        self.title_label.setWordWrap(True)
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.details_label = QLabel()
        self.details_label.setAccessibleName("When the next cards are due")
        self.details_label.setWordWrap(True)

        heading = QLabel("Study more today")
        heading.setAccessibleName("Study more today")
        heading_font = heading.font()
        heading_font.setBold(True)
        heading.setFont(heading_font)
        self.choice_group = QButtonGroup(self)
        self.radios: dict[StudyMore, QRadioButton] = {}
        self.spins: dict[StudyMore, QSpinBox] = {}
        grid = QGridLayout()
        for row, (kind, text, unit, default, maximum) in enumerate(self.CHOICES):
            radio = QRadioButton(text)
            radio.setAccessibleName(text.rstrip(":"))
            spin = QSpinBox()
            spin.setRange(1, maximum)
            spin.setValue(default)
            spin.setAccessibleName(f"{text.rstrip(':')} ({unit})")
            spin.valueChanged.connect(lambda _=0, r=radio: r.setChecked(True))
            self.choice_group.addButton(radio)
            self.radios[kind], self.spins[kind] = radio, spin
            grid.addWidget(radio, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(QLabel(unit), row, 2)
        grid.setColumnStretch(3, 1)
        self.radios[StudyMore.NEW].setChecked(True)
        self.study_button = QPushButton("Study more")
        self.study_button.setAccessibleName("Study more")
        self.study_button.setDefault(True)
        self.study_button.clicked.connect(self._on_study_button_clicked)
        self.back_button = QPushButton("Back to decks")
        self.back_button.setAccessibleName("Back to decks")
        self.back_button.setToolTip("Back to the deck list (Escape)")
        self.back_button.clicked.connect(self.back_requested)
        self.notice_label = QLabel()
        self.notice_label.setAccessibleName("Study more result")
        self.notice_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.study_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)

        column = QVBoxLayout()
        column.addWidget(self.title_label)
        column.addWidget(self.details_label)
        column.addSpacing(16)
        column.addWidget(heading)
        column.addLayout(grid)
        column.addLayout(buttons)
        column.addWidget(self.notice_label)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.setFocusProxy(self.study_button)

    def show_finished(self, deck_name: str, lines: list[str], new_waiting: int) -> None:
        self.title_label.setText(f"Congratulations! You have finished {deck_name} for now.")
        self.details_label.setText("\n".join(lines))
        self.notice_label.clear()
        self.radios[StudyMore.NEW].setText(
            f"New cards beyond today's limit ({new_waiting} waiting):" if new_waiting else "New cards beyond today's limit:"
        )

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)

    def chosen(self) -> tuple[StudyMore, int]:
        kind = next(k for k, radio in self.radios.items() if radio.isChecked())
        return kind, self.spins[kind].value()

    def keyPressEvent(self, event) -> None:  # Qt's name
        # Enter anywhere on the page (a spin box, a choice) starts studying, as a dialog would.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.back_button.hasFocus():
            self._on_study_button_clicked()
            return
        super().keyPressEvent(event)

    def _on_study_button_clicked(self) -> None:
        self.study_more_chosen.emit(*self.chosen())
