"""Card info: one card's note, progress, review history and forgetting curve (Anki's `i`)."""
from __future__ import annotations

import time

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..collection import Collection
from ..forgetting_curve import ForgettingCurve
from ..model import CardInfo, CardState, Rating, ReviewKind, ReviewLogEntry, describe_delay
from .card_view import CardView
from .list_table_model import TextTableModel

STATE_WORDS = {CardState.NEW: "New", CardState.LEARNING: "Learning", CardState.REVIEW: "Review", CardState.RELEARNING: "Relearning"}
KIND_WORDS = {ReviewKind.LEARN: "Learn", ReviewKind.REVIEW: "Review", ReviewKind.RELEARN: "Relearn", ReviewKind.MANUAL: "Manual", ReviewKind.FILTERED: "Filtered", ReviewKind.RESCHEDULED: "Rescheduled"}


def local_date(seconds: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(seconds))


def local_date_time(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds))


def days_in_words(days: float) -> str:
    """Anki's long form: "1 day", "12 days", "2.1 months", "1.5 years"; under a day in hours or minutes."""
    if days < 1 / 24:
        minutes = max(1, round(days * 1440))
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    if days < 1:
        return f"{days * 24:.3g} hours"
    if days < 30:
        rounded = round(days, 1)
        whole = rounded == int(rounded)
        return f"{int(rounded) if whole else rounded} day{'s' if rounded != 1 else ''}"
    if days < 365:
        return f"{days / 30:.2g} months"
    return f"{days / 365:.2g} years"


def seconds_in_words(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.3g} seconds"
    if seconds < 3600:
        return f"{seconds / 60:.3g} minutes"
    return f"{seconds / 3600:.3g} hours"


def difficulty_percent(difficulty: float) -> str:
    """FSRS difficulty 1–10 shown as Anki shows it, 0–100 %."""
    return f"{(difficulty - 1) / 9:.0%}"


class ReviewHistoryTableModel(TextTableModel):
    """A card's review log, newest first."""

    HEADERS = ("Date", "Type", "Rating", "Interval", "Stability", "Difficulty", "Time")

    def __init__(self, history: tuple[ReviewLogEntry, ...] = (), parent=None):
        super().__init__(self.HEADERS, right_aligned={3, 4, 5, 6}, parent=parent)
        self.set_history(history)

    def set_history(self, history: tuple[ReviewLogEntry, ...]) -> None:
        self.set_rows([self._format(e) for e in reversed(history)])

    @staticmethod
    def _format(entry: ReviewLogEntry) -> tuple[str, ...]:
        seconds = entry.time / 1000
        interval = describe_delay(max(0, entry.due_after - int(seconds)), entry.interval_after)
        return (
            local_date_time(seconds),
            KIND_WORDS[entry.kind],
            Rating(entry.rating).name.title() if entry.rating else "–",
            interval,
            f"{entry.stability:.1f} d" if entry.stability is not None else "–",
            difficulty_percent(entry.difficulty) if entry.difficulty is not None else "–",
            f"{entry.duration_ms / 1000:.1f} s" if entry.is_answer else "–",
        )


class DayAxisItem(pg.DateAxisItem):
    """Dates as "Mar 08" once ticks are a day or more apart (pyqtgraph alone shows "08")."""

    def tickStrings(self, values, scale, spacing):  # pyqtgraph's name
        if spacing < 86400 or spacing >= 60 * 86400:
            return super().tickStrings(values, scale, spacing)
        return [time.strftime("%b %d", time.localtime(value)) for value in values]


class ForgettingCurveView(QWidget):
    """The card's chance of recall over time: falling between reviews, back to 100 % at each one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.curve: ForgettingCurve | None = None
        self.plot = pg.PlotWidget(axisItems={"bottom": DayAxisItem(orientation="bottom")})
        self.plot.setAccessibleName("Forgetting curve")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(240)
        self.plot.getPlotItem().setLabel("left", "Chance of recall (%)")
        self.empty_label = QLabel("No reviews yet: the curve starts at the card's first review.")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.empty_label)

    def show_curve(self, curve: ForgettingCurve) -> None:
        self.curve = curve
        self._draw()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.curve is not None:
            self._draw()

    def _draw(self) -> None:
        curve = self.curve
        item = self.plot.getPlotItem()
        item.clear()
        if item.legend is not None:
            if item.legend.scene() is not None:
                item.legend.scene().removeItem(item.legend)
            item.legend = None
        if curve is None or not curve.reviews:
            self.stack.setCurrentWidget(self.empty_label)
            return
        self.stack.setCurrentWidget(self.plot)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(muted))
            axis.setTextPen(pg.mkPen(text))
        legend = item.addLegend(offset=(-10, -30), labelTextColor=text, brush=pg.mkBrush(palette.color(QPalette.ColorRole.Window)))
        xs, ys = self._line(curve)
        item.plot(xs, ys, pen=pg.mkPen(accent, width=2), connect="finite", name="Chance of recall")
        passes = [r for r in curve.reviews if r.rating != Rating.AGAIN]
        lapses = [r for r in curve.reviews if r.rating == Rating.AGAIN]
        for reviews, symbol, name in ((passes, "o", "Review (passed)"), (lapses, "x", "Review (Again)")):
            if reviews:
                item.plot(
                    [r.time for r in reviews],
                    [100 * (r.retrievability_before if r.retrievability_before is not None else 1.0) for r in reviews],
                    pen=None,
                    symbol=symbol,
                    symbolSize=10,
                    symbolPen=pg.mkPen(text, width=1.5),
                    symbolBrush=pg.mkBrush(accent),
                    name=name,
                )
        retention = pg.InfiniteLine(
            pos=100 * curve.desired_retention,
            angle=0,
            pen=pg.mkPen(muted, style=Qt.PenStyle.DashLine),
            label=f"desired retention {curve.desired_retention:.0%}",
            labelOpts={"position": 0.02, "color": text, "anchors": [(0, 0), (0, 0)]},
        )
        item.addItem(retention)
        now = pg.InfiniteLine(
            pos=curve.now,
            angle=90,
            pen=pg.mkPen(text, style=Qt.PenStyle.DotLine),
            label="now",
            labelOpts={"position": 0.08, "color": text, "anchors": [(0, 0), (0, 0)]},
        )
        item.addItem(now)
        legend.setParentItem(item.vb)
        item.setXRange(curve.start, curve.end, padding=0.02)
        item.setYRange(0, 100, padding=0.04)

    @staticmethod
    def _line(curve: ForgettingCurve) -> tuple[list[float], list[float]]:
        """All segments as one line: a review joins the fall before it to the 100 % after it;
        a gap (a reset to new) is left open."""
        xs: list[float] = []
        ys: list[float] = []
        for segment in curve.segments:
            if xs and xs[-1] != segment.start:
                xs.append(float("nan"))
                ys.append(float("nan"))
            xs.extend(segment.times)
            ys.extend(100 * v for v in segment.values)
        return xs, ys


class CardInfoDialog(QDialog):
    """Everything known about one card. `show_card` switches to another card (the reviewer's next)."""

    FIELDS = (
        ("deck", "Deck"),
        ("notetype", "Note type"),
        ("state", "State"),
        ("added", "Added"),
        ("first_review", "First review"),
        ("latest_review", "Latest review"),
        ("due", "Due"),
        ("interval", "Interval"),
        ("stability", "Stability"),
        ("difficulty", "Difficulty"),
        ("retrievability", "Retrievability now"),
        ("reviews", "Reviews"),
        ("lapses", "Lapses"),
        ("average_time", "Average time"),
        ("total_time", "Total time"),
        ("ids", "Card / note id"),
    )

    def __init__(self, collection: Collection, card_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.card_id = card_id
        self.setWindowTitle("Card info")
        self.resize(860, 900)

        self.question_view = CardView(collection.media_folder, self)
        self.question_view.setAccessibleName("Card")
        self.question_view.setMinimumWidth(320)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        rows = (len(self.FIELDS) + 1) // 2
        for position, (key, label) in enumerate(self.FIELDS):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.values[key] = value
            row, column = position % rows, 2 * (position // rows)
            grid.addWidget(QLabel(f"{label}:"), row, column)
            grid.addWidget(value, row, column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(rows, 1)
        top = QHBoxLayout()
        top.addWidget(self.question_view, 1)
        top.addLayout(grid, 2)

        self.curve_view = ForgettingCurveView(self)
        self.curve_note = QLabel()
        self.curve_note.setWordWrap(True)
        self.curve_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.history_model = ReviewHistoryTableModel(parent=self)
        self.history_view = QTableView(self)
        self.history_view.setAccessibleName("Review history")
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().hide()
        self.history_view.setAlternatingRowColors(True)
        self.history_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.history_view.setMinimumHeight(160)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close card info")

        layout = QVBoxLayout(self)
        layout.addLayout(top, 0)
        layout.addWidget(_heading("Forgetting curve"))
        layout.addWidget(self.curve_note)
        layout.addWidget(self.curve_view, 3)
        layout.addWidget(_heading("Review history"))
        layout.addWidget(self.history_view, 2)
        layout.addWidget(buttons)
        self.show_card(card_id)
        self.close_button.setFocus()

    def show_card(self, card_id: int) -> None:
        self.card_id = card_id
        info = self.collection.card_info(card_id)
        self.question_view.show_card(info.answer, info.notetype.css)
        for key, text in self.describe(info).items():
            self.values[key].setText(text)
        curve = self.collection.forgetting_curve(card_id)
        self.curve_view.show_curve(curve)
        self.curve_note.setText(
            "The chance you would recall this card, as FSRS estimates it: it falls as time passes and goes "
            "back to 100 % at each review. Marks show how likely recall was at each review "
            f"(o passed, x Again); the dashed line is the desired retention ({curve.desired_retention:.0%})."
        )
        self.history_model.set_history(info.history)
        self.setWindowTitle(f"Card info — {self.values['deck'].text()}")

    def describe(self, info: CardInfo) -> dict[str, str]:
        """The text of each field, for `info` as the learner reads it."""
        card, note = info.card, info.note
        studied = [e for e in info.history if e.is_answer]
        template = info.notetype.templates[min(card.ordinal, len(info.notetype.templates) - 1)].name
        state = STATE_WORDS[card.state]
        if card.suspended:
            state += " (suspended)"
        elif card.is_buried(self.collection.now()):
            state += " (buried)"
        if card.state is CardState.NEW:
            due = f"new card #{card.due}"
        else:
            due = info.due_day
        total_ms = sum(e.duration_ms for e in studied)
        average = info.average_answer_seconds
        return {
            "deck": info.deck.name,
            "notetype": f"{info.notetype.name} ({template})",
            "state": state,
            "added": local_date(note.created),
            "first_review": local_date(studied[0].time / 1000) if studied else "–",
            "latest_review": local_date(studied[-1].time / 1000) if studied else "–",
            "due": due,
            "interval": days_in_words(card.interval) if card.state is CardState.REVIEW else "–",
            "stability": days_in_words(card.stability) if card.stability is not None else "–",
            "difficulty": difficulty_percent(card.difficulty) if card.difficulty is not None else "–",
            "retrievability": f"{info.retrievability:.0%}" if info.retrievability is not None else "–",
            "reviews": str(card.reps),
            "lapses": str(card.lapses),
            "average_time": seconds_in_words(average) if average is not None else "–",
            "total_time": seconds_in_words(total_ms / 1000) if studied else "–",
            "ids": f"{card.id} / {note.id}",
        }


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
