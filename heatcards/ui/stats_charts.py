"""The statistics window's charts, drawn with pyqtgraph in the app's palette.

`ChartView` is one chart of a panel whose bars (or calendar cells) each know how to search for
their cards: a click asks for the search (`search_requested`) and hovering says what the bar counts.
The `draw_*` functions turn a panel of `heatcards.stats` into bars, with Anki's kinds of chart: bars per day,
bars stacked by kind, a year's heatmap, histograms with their average or median marked, counts
with a share on a second axis.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import methodcaller
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette, QPen
from PySide6.QtWidgets import QWidget

from .. import stats

# The most bars a histogram draws; wider ranges are grouped into bars of several days.
MOST_BARS = 60
# Days a calendar shows at most: a year of whole weeks.
CALENDAR_DAYS = 53 * 7
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Series colours as (light theme, dark theme): Anki's hues, each lighter on a dark background.
_SERIES = {
    "new": ("#1f5fc8", "#6cb4ff"),
    "learn": ("#c02f1d", "#ff806b"),
    "relearn": ("#d98c00", "#ffb347"),
    "young": ("#6dbe70", "#a5e3a0"),
    "mature": ("#1e7b34", "#4fb866"),
    "filtered": ("#7b52c7", "#b694ff"),
    "suspended": ("#b8a200", "#e8d44d"),
    "buried": ("#808080", "#9a9a9a"),
    "empty": ("#e4e6ea", "#34373c"),  # a calendar day without answers
    "again": ("#c02f1d", "#ff806b"),
    "hard": ("#d98c00", "#ffb347"),
    "good": ("#1e7b34", "#5fd07a"),
    "easy": ("#1f5fc8", "#6cb4ff"),
}
CARD_COUNT_SERIES = {
    "New": "new", "Learning": "learn", "Relearning": "relearn", "Young": "young", "Mature": "mature",
    "Suspended": "suspended", "Buried": "buried",
}


@dataclass(frozen=True)
class ChartColours:
    """The colours of one chart, taken from the palette it is drawn in."""

    background: QColor
    text: QColor
    muted: QColor
    accent: QColor
    dark: bool

    @classmethod
    def of(cls, palette: QPalette) -> "ChartColours":
        return cls(
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Text),
            palette.color(QPalette.ColorRole.PlaceholderText),
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.Window).lightness() < 128,
        )

    def series(self, name: str) -> QColor:
        return QColor(_SERIES[name][self.dark])


@dataclass(frozen=True)
class Bar:
    """Where a click lands on one bar (or cell), what it counts and how to search for its cards: a
    function of the panel the chart shows (`ChartView.panel`), so that a panel of another scope
    with equal numbers takes the place of the one drawn without drawing it again (`rescope`)."""

    x: float  # centre
    width: float
    tip: str
    search: Callable[[Any], str] | None
    y: float | None = None  # a cell's centre and height; None: the whole column
    height: float = 1.0

    def contains(self, point: QPointF) -> bool:
        inside_column = abs(point.x() - self.x) <= self.width / 2
        return inside_column and (self.y is None or abs(point.y() - self.y) <= self.height / 2)


CHART_HEIGHT = 240  # pixels, every chart but the calendar's
_LEGEND_OFFSET = (-8, 4)  # pixels from the plot's top right corner
_BOTTOM_AXIS_HEIGHT = 40  # pixels a chart's bottom axis takes, with its label
_LABEL_OVERHANG = 100  # pixels a horizontal axis's label may reach past an end of the plot before it is moved in


class ChartAxis(pg.AxisItem):
    """An axis of a chart. Its numbers (counts, days, shares) never take an SI prefix, and its grid
    lines are drawn opaque, in the colour their translucent pen gives over the chart's `background`:
    Qt's raster engine draws thin translucent lines some 25 times slower than opaque ones (~2 ms a
    chart at every paint). The chart lays its axes beneath its bars, which the lines would cross.
    An axis of `whole_numbers` (cards, answers, days) has no tick between two whole numbers ("0.5
    cards" over an empty chart). The right axis (a share beside counts) draws no grid lines: they
    would fall between the left axis's. A horizontal axis moves a label that would reach past either
    end of the plot to end there, where pyqtgraph would leave it out ("today" under the last bar)."""

    def __init__(self, orientation: str):
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        self.background = QColor(Qt.GlobalColor.white)  # the chart's, set by the chart
        self.whole_numbers = False

    def setGrid(self, grid):  # pyqtgraph's name
        super().setGrid(False if self.orientation == "right" else grid)

    def tickValues(self, minVal, maxVal, size):  # pyqtgraph's name
        levels = super().tickValues(minVal, maxVal, size)
        if not self.whole_numbers:
            return levels
        return [(spacing, [v for v in values if float(v).is_integer()]) for spacing, values in levels]

    def tickStrings(self, values, scale, spacing):  # pyqtgraph's name
        if not self.whole_numbers:
            return super().tickStrings(values, scale, spacing)
        return [f"{value * scale:.0f}" for value in values]  # "1", not "1.0" where the spacing was 0.2

    def boundingRect(self):  # pyqtgraph's name: the labels it keeps lie within it
        rect = super().boundingRect()
        if self.orientation in ("bottom", "top"):  # room for a label past an end, which `generateDrawSpecs` moves in
            return rect.adjusted(-_LABEL_OVERHANG, 0, _LABEL_OVERHANG, 0)
        return rect

    def generateDrawSpecs(self, p):  # pyqtgraph's name
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return specs
        axis, ticks, texts = specs
        if self.orientation in ("bottom", "top"):
            texts = [(self._within_ends(rect), flags, text) for rect, flags, text in texts]
        if self.grid is False:
            return axis, ticks, texts
        opaque: dict[int, QPen] = {}  # the ticks of one level share their pen
        for pen, _start, _stop in ticks:
            if id(pen) not in opaque:
                opaque[id(pen)] = self._opaque(pen)
        return axis, [(opaque[id(pen)], start, stop) for pen, start, stop in ticks], texts

    def _within_ends(self, rect: QRectF) -> QRectF:
        """`rect` moved sideways to lie between the axis's ends (it is narrower than the axis)."""
        ends = self.mapRectFromParent(self.geometry())
        return rect.translated(max(ends.left() - rect.left(), 0) + min(ends.right() - rect.right(), 0), 0)

    def _opaque(self, pen: QPen) -> QPen:
        colour = pen.color()
        alpha = colour.alphaF()
        blended = (b + (c - b) * alpha for c, b in zip(colour.getRgbF()[:3], self.background.getRgbF()[:3]))
        opaque = QPen(pen)
        opaque.setColor(QColor.fromRgbF(*blended))
        return opaque


class ChartBox(pg.ViewBox):
    """A chart's view box, which notes the axes whose range a drawing sets (`ranges_set`): the chart
    auto-ranges the others after the drawing. Auto-range enabled before it had every drawing compute
    its items' bounds, and set the range from them, at the first range it set, for an axis it set."""

    def __init__(self):
        super().__init__(enableMenu=False)
        self.ranges_set: set[int] = set()  # of `pg.ViewBox.XAxis`, `pg.ViewBox.YAxis`

    def setRange(self, rect=None, xRange=None, yRange=None, padding=None, update=True, disableAutoRange=True):  # pyqtgraph's name
        if disableAutoRange:  # a range set, not one auto-range found
            self.ranges_set.update(
                axis for axis, given in ((self.XAxis, xRange), (self.YAxis, yRange)) if given is not None or rect is not None
            )
        super().setRange(rect, xRange, yRange, padding, update, disableAutoRange)


class ChartView(pg.PlotWidget):
    """One chart of the statistics window; `draw(drawing, panel)` clears it and lets
    `drawing(chart, panel)` draw, again whenever the palette changes (a theme switch)."""

    search_requested = Signal(str)
    _drawing: Callable[["ChartView", Any], None] | None = None  # here already when pyqtgraph's constructor changes the palette

    def __init__(self, name: str, parent: QWidget | None = None):
        axes = {name: ChartAxis(name) for name in ("left", "bottom", "right", "top")}
        super().__init__(parent, enableMenu=False, axisItems=axes, viewBox=ChartBox())  # no context menu: not even built
        for axis in axes.values():
            axis.setZValue(-101)  # beneath the view boxes (-100) and their bars: the grid lines too
        self.getPlotItem().hideAxis("top")  # made only so that it takes no SI prefix either
        self.setAccessibleName(name)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setFixedHeight(CHART_HEIGHT)
        self._bars: list[Bar] = []
        self._bars_to_describe: list[Iterable[Bar]] = []
        self._kept: dict[str, pg.GraphicsObject] = {}  # items the drawing keeps from one drawing to the next (`kept`)
        self._kept_drawn: set[str] = set()  # the keys of those it drew since the last clearing
        self.panel: Any = None  # what the chart shows, which its bars' searches are read from
        self._right: pg.ViewBox | None = None
        self._right_drawn = False  # whether the drawing showed the right axis (`share_axis`)
        self._labels: dict[str, tuple[str, str | None] | None] = {}  # the axes' labels shown: text and colour (None: to set again)
        self._labels_drawn: set[str] = set()  # the axes the drawing labelled
        self._highest_bar: float | None = None  # the top of the bars `add_bars` drew since the last clearing
        self._layers = 0  # the layers of bars `add_bars` drew since the last clearing
        self._legend_entries = 0  # the legend's entries it named since the last clearing
        self._take_colours()
        self.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    # --- drawing ---------------------------------------------------------------------------------
    def draw(self, drawing: Callable[["ChartView", Any], None], panel: Any = None) -> None:
        if drawing is not self._drawing:
            self._forget_kept_items()
        self._drawing = drawing
        self.panel = panel
        self._redraw()

    def rescope(self, panel: Any) -> None:
        """Show `panel`, whose numbers are those of the panel drawn and whose scope is another, without
        drawing it again: the bars stand, and their searches are now its scope's."""
        self.panel = panel

    @property
    def bars(self) -> list[Bar]:
        """The bars a click or a hover finds, built from their descriptions (`describe_bars`) when
        first looked for: most drawings are never hovered, and writing what each of a year's days
        counts takes a tenth to a third of drawing the calendar, the reviews or the cards added."""
        while self._bars_to_describe:
            self._bars.extend(self._bars_to_describe.pop(0))
        return self._bars

    def describe_bars(self, bars: Iterable[Bar]) -> None:
        """Add `bars`, a generator the drawing hands over unread (what it reads must not change after)."""
        self._bars_to_describe.append(bars)

    def search_for(self, bar: Bar) -> str | None:
        """The search for the cards of `bar`, in the scope of the panel shown."""
        return None if bar.search is None else bar.search(self.panel)

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._drawing is not None:
            self._redraw()

    def kept(self, key: str, make: Callable[[], pg.GraphicsObject], box: pg.ViewBox | None = None) -> Any:
        """The item `key` of this chart's drawing, made by `make` (in the chart's colours) and added to
        the plot (or to `box`, the shares' `share_axis`) at its first drawing and kept for the next,
        which sets its data and place again (a new palette makes it again): removing an item from the
        plot and building it again costs several times more (the card counts' seven bars and labels,
        ~10 of ~18 ms a drawing; the answer buttons' four layers of bars and their legend, ~10 of ~14
        ms). A kept item a drawing does not ask for is removed."""
        if key not in self._kept:
            self._kept[key] = make()
            (box or self.getPlotItem()).addItem(self._kept[key])
        self._kept_drawn.add(key)
        return self._kept[key]

    def _remove_kept(self, kept: pg.GraphicsObject) -> None:
        """Take a kept item off the plot, or off the shares' view box it was added to."""
        if kept in self.getPlotItem().items:
            self.getPlotItem().removeItem(kept)
        else:
            self._right.removeItem(kept)

    def _forget_kept_items(self) -> None:
        """Remove the kept items and the legend, which names some of them."""
        for kept in self._kept.values():
            self._remove_kept(kept)
        self._kept = {}
        if self.getPlotItem().legend is not None:
            self._remove_legend()

    def _remove_kept_items_not_drawn(self) -> None:
        """Remove the kept items the last drawing drew and this one did not (a median, a kind of answers)."""
        for key in self._kept.keys() - self._kept_drawn:
            self._remove_kept(self._kept.pop(key))
        self._remove_legend_entries_not_drawn()

    def _remove_legend_entries_not_drawn(self) -> None:
        item = self.getPlotItem()
        if item.legend is not None:
            for sample, _label in item.legend.items[self._legend_entries :]:
                item.legend.removeItem(sample.item)
            if not item.legend.items:
                self._remove_legend()

    def _remove_legend(self) -> None:
        item = self.getPlotItem()
        if item.legend.scene() is not None:
            item.legend.scene().removeItem(item.legend)
        item.legend = None

    def _redraw(self) -> None:
        item = self.getPlotItem()
        kept = set(map(id, self._kept.values()))
        for plotted in list(item.items):
            if id(plotted) not in kept:
                item.removeItem(plotted)
        item.getViewBox().invertY(False)
        self._bars, self._bars_to_describe = [], []
        if ChartColours.of(self.palette()) != self.colours:
            self._take_colours()
            self._forget_kept_items()  # the legend keeps the colours it was made with
            self._labels = dict.fromkeys(self._labels)  # the right axis's label keeps its colour
        for name in ("left", "bottom", "right"):
            axis = item.getAxis(name)
            axis.setTicks(None)
            axis.whole_numbers = name == "left"  # counts, but for the reviews' minutes
        self._highest_bar = None
        self._layers = self._legend_entries = 0
        self._kept_drawn, self._labels_drawn, self._right_drawn = set(), set(), False
        item.showGrid(x=False, y=True, alpha=0.15)
        box = item.getViewBox()
        box.ranges_set = set()
        self._drawing(self, self.panel)
        self._remove_kept_items_not_drawn()
        # what the drawing left out is hidden after it: hidden before it, a label or the right axis
        # the drawing shows again would have the plot laid out twice at each drawing
        for axis in self._labels.keys() - self._labels_drawn:
            item.getAxis(axis).showLabel(False)
            del self._labels[axis]
        if not self._right_drawn:
            item.hideAxis("right")
        if self._highest_bar is not None and box.YAxis not in box.ranges_set:  # bars, and no height set
            self.start_y_at_zero(self._highest_bar)
        free = {box.XAxis, box.YAxis} - box.ranges_set
        for axis in free:
            box.enableAutoRange(axis)
        if free:
            box.updateAutoRange()  # a free axis's range too is the drawing's once it returns

    def _take_colours(self) -> None:
        """The palette's colours for the background and the axes (set again only when they change:
        each setting makes an axis lay out its label again)."""
        self.colours = ChartColours.of(self.palette())
        self.setBackground(self.colours.background)
        for name in ("left", "bottom", "right"):
            axis = self.getPlotItem().getAxis(name)
            axis.background = self.colours.background
            axis.setPen(pg.mkPen(self.colours.muted))
            axis.setTextPen(pg.mkPen(self.colours.text))

    def add_bars(
        self, xs: Sequence[float], heights: Sequence[float], colour: QColor, width: float,
        bottoms: Sequence[float] | None = None, name: str | None = None,
    ) -> None:
        """Bars of one colour (a stack's layer when `bottoms` are given), in the legend when `name` is given."""
        item = self.getPlotItem()
        bottoms = list(bottoms or [0] * len(xs))
        bars = self.kept(f"layer {self._layers}", lambda: pg.BarGraphItem(x=[], height=[], width=width, pen=pg.mkPen(None)))
        bars.setOpts(x=list(xs), height=list(heights), width=width, y0=bottoms, brush=colour)
        self._layers += 1
        self._highest_bar = max(self._highest_bar or 0.0, max((b + h for b, h in zip(bottoms, heights)), default=0.0))
        if name is not None:
            self._name_in_legend(bars, name)

    def _name_in_legend(self, bars: pg.BarGraphItem, name: str) -> None:
        """The legend's next entry: `bars` named `name`, kept when the last drawing had it there,
        otherwise added in place of that entry and those after it."""
        item = self.getPlotItem()
        if item.legend is None:
            item.addLegend(
                offset=_LEGEND_OFFSET, colCount=5, labelTextColor=self.colours.text,
                brush=pg.mkBrush(self.colours.background), pen=pg.mkPen(self.colours.muted),
            )
        entries = item.legend.items[self._legend_entries :]
        if entries and (entries[0][0].item is not bars or entries[0][1].text != name):
            for sample, _label in entries:
                item.legend.removeItem(sample.item)
            entries = []
        if not entries:
            item.legend.addItem(bars, name)
        self._legend_entries += 1

    def set_label(self, axis: str, text: str, colour: str | None = None) -> None:
        """Label `axis` with `text` (in `colour`, or the axis's), unless it has that label already."""
        self._labels_drawn.add(axis)
        if self._labels.get(axis) != (text, colour):
            self.getPlotItem().setLabel(axis, text, **({"color": colour} if colour is not None else {}))
            self._labels[axis] = (text, colour)

    def start_y_at_zero(self, highest: float) -> None:
        """The y axis from 0 to the highest bar, or to 1 when every bar is 0 (rather than around 0)."""
        self.getPlotItem().setYRange(0, highest or 1, padding=0.05)

    def leave_room_for_legend(self, highest: float) -> None:
        """The y axis from 0 to above the highest bar by the legend's height (its offset and a few
        pixels more), so the legend covers no bar: a share of the plot's height, as laid out or, before
        the chart is laid out (when pyqtgraph's default is larger), the widget's less its bottom axis.
        Called after the drawing's last bars: the legend names those alone."""
        self._remove_legend_entries_not_drawn()
        item = self.getPlotItem()
        room = item.legend.boundingRect().height() + _LEGEND_OFFSET[1] + 4 if item.legend is not None else 0
        plot_height = max(min(item.vb.height(), self.height() - _BOTTOM_AXIS_HEIGHT), 2 * room, 1)
        item.setYRange(0, (highest or 1) / (1 - room / plot_height), padding=0)

    def add_marker(self, x: float, text: str) -> None:
        """A dashed vertical line at `x` (a median, an average), labelled at the top on a see-through
        backing: an opaque one hid the tops of the bars beside the line."""
        backing = QColor(self.colours.background)
        backing.setAlpha(150)
        line = self.kept(
            "marker",
            lambda: pg.InfiniteLine(
                angle=90,
                pen=pg.mkPen(self.colours.text, width=1, style=Qt.PenStyle.DashLine),
                label=text,
                labelOpts={"position": 0.92, "color": self.colours.text, "fill": pg.mkBrush(backing)},
            ),
        )
        line.setPos(x)
        line.label.setFormat(text)

    def set_ticks(self, axis: str, ticks: Sequence[tuple[float, str]]) -> None:
        self.getPlotItem().getAxis(axis).setTicks([list(ticks)])

    def share_axis(self, label: str) -> pg.ViewBox:
        """A second view box for shares from 0 to 100 % on the right axis, sharing the x axis."""
        item = self.getPlotItem()
        if self._right is None:
            self._right = pg.ViewBox(enableMouse=False, enableMenu=False)
            self._right.setZValue(1)  # above the plot item, its bars and its grid lines
            self.scene().addItem(self._right)
            item.getAxis("right").linkToView(self._right)
            self._right.setXLink(item)
            self._right.setYRange(0, 100, padding=0.02)
            item.vb.sigResized.connect(lambda box: self._right.setGeometry(box.sceneBoundingRect()))
        self._right.setGeometry(item.vb.sceneBoundingRect())
        item.showAxis("right")
        self._right_drawn = True
        self.set_label("right", label, self.colours.text.name())
        return self._right

    # --- clicking and hovering -----------------------------------------------------------------------
    def bar_at(self, scene_position: QPointF) -> Bar | None:
        box = self.getPlotItem().vb
        if not box.sceneBoundingRect().contains(scene_position):
            return None
        point = box.mapSceneToView(scene_position)
        return next((bar for bar in self.bars if bar.contains(point)), None)

    def scene_position_of(self, bar: Bar) -> QPointF:
        """Where the middle of `bar` is on the scene (what a test clicks)."""
        box = self.getPlotItem().vb
        y = bar.y if bar.y is not None else sum(box.viewRange()[1]) / 2
        return box.mapViewToScene(QPointF(bar.x, y))

    def _on_scene_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        bar = self.bar_at(event.scenePos())
        search = None if bar is None else self.search_for(bar)
        if search is not None:
            self.search_requested.emit(search)

    def _on_scene_mouse_moved(self, scene_position: QPointF) -> None:
        bar = self.bar_at(scene_position)
        self.setToolTip("" if bar is None else bar.tip + ("\nClick to browse these cards" if bar.search is not None else ""))
        clickable = bar is not None and bar.search is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)


# --- grouping ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """Values from `first` to `last` (whole numbers, both included) and the cards among them."""

    first: int
    last: int
    count: int

    @property
    def centre(self) -> float:
        return (self.first + self.last) / 2

    @property
    def width(self) -> int:
        return self.last - self.first + 1


def grouped(counts: Mapping[int, int], most: int = MOST_BARS) -> list[Group]:
    """`counts` (value -> count) in groups of equal width, so that at most `most` bars cover the
    range; groups never straddle zero (a backlog stays apart from today)."""
    if not counts:
        return []
    low, high = min(counts), max(counts)
    width = max(1, math.ceil((high - low + 1) / most))
    sums: dict[int, int] = {}
    for value, count in counts.items():
        sums[value // width] = sums.get(value // width, 0) + count
    return [Group(k * width, k * width + width - 1, n) for k, n in sorted(sums.items())]


def _days(first: int, last: int) -> str:
    return f"{first} day{'s' if first != 1 else ''}" if first == last else f"{first}–{last} days"


def _date(today: date, offset: int) -> str:
    return (today + timedelta(days=offset)).strftime("%a %d %b %Y")


def _day_ticks(chart: ChartView, first: int, last: int) -> None:
    """Ticks in days from today, "today" at 0."""
    step = max(1, (last - first) // 6)
    chart.set_ticks("bottom", [(day, "today" if day == 0 else f"{day:+d}") for day in range(first - first % step, last + 1, step) if first <= day <= last])


# --- one drawing per panel -------------------------------------------------------------------------------------


def draw_future_due(chart: ChartView, panel: stats.FutureDue) -> None:
    shown = {day: n for day, n in panel.cards_by_day.items() if day <= panel.last_day}
    groups = grouped(shown)
    for backlog, colour in ((True, chart.colours.series("learn")), (False, chart.colours.accent)):
        chosen = [g for g in groups if (g.first < 0) == backlog]
        chart.add_bars([g.centre for g in chosen], [g.count for g in chosen], colour, width=0.85 * (chosen[0].width if chosen else 1))
    chart.describe_bars(
        Bar(g.centre, g.width, f"{g.count:,} cards due {_due_when(g)}", methodcaller("search_for_days", g.first, g.last)) for g in groups
    )
    chart.set_label("left", "cards")
    chart.set_label("bottom", "days from today (red: overdue)")
    chart.getPlotItem().getAxis("bottom").whole_numbers = True


def _due_when(group: Group) -> str:
    if group.first < 0:
        return "overdue " + _days(-group.last, -group.first)
    return "today" if group.last == 0 else "in " + _days(group.first, group.last)


def draw_calendar(chart: ChartView, panel: stats.Calendar) -> None:
    """A heatmap of answers per day: a column per week, Monday on top; darker is more."""
    first = 1 - CALENDAR_DAYS + (6 - panel.today.weekday())  # a Monday, 53 weeks back
    busiest = max((n for day, n in panel.answers_by_day.items() if day >= first), default=0)
    low, high = chart.colours.series("empty"), chart.colours.series("good")
    brushes_by_answers: dict[int, QBrush] = {}  # days of as many answers share a brush (the days without, most)
    xs, ys, brushes = [], [], []
    month_ticks = []
    for day in range(first, 1):
        when = panel.today + timedelta(days=day)
        week, weekday = divmod(day - first, 7)
        answers = panel.answers_by_day.get(day, 0)
        xs.append(week)
        ys.append(weekday)
        if answers not in brushes_by_answers:
            brushes_by_answers[answers] = QBrush(_heat(low, high, answers / busiest if busiest else 0))  # pg.mkBrush's, without its parsing
        brushes.append(brushes_by_answers[answers])
        if when.day == 1:
            month_ticks.append((week, f"{when:%b}" if when.month != 1 else f"{when:%b %Y}"))
    cells = chart.kept("cells", lambda: pg.BarGraphItem(x=[], height=[], width=0.86, pen=pg.mkPen(None)))
    cells.setOpts(x=xs, y=ys, height=0.86, brushes=brushes)
    chart.describe_bars(_calendar_days(panel, first))
    chart.getPlotItem().getViewBox().invertY(True)
    chart.getPlotItem().showGrid(x=False, y=False)
    chart.getPlotItem().setXRange(-0.5, xs[-1] + 0.5, padding=0.01)
    chart.getPlotItem().setYRange(-0.5, 6.5, padding=0.02)
    chart.set_ticks("bottom", month_ticks)
    chart.set_ticks("left", [(row, WEEKDAYS[row]) for row in (0, 2, 4, 6)])


def _calendar_days(panel: stats.Calendar, first: int) -> Iterator[Bar]:
    """The calendar's cells from local day `first` (a Monday, from today) to today, a column a week."""
    for day in range(first, 1):
        answers = panel.answers_by_day.get(day, 0)
        week, weekday = divmod(day - first, 7)
        tip = f"{panel.today + timedelta(days=day):%a %d %b %Y}: " + (f"{answers:,} answers" if day >= panel.first_day else "before the period")
        yield Bar(week, 1, tip, methodcaller("search_for_day", day) if answers else None, y=weekday)


def _heat(low: QColor, high: QColor, amount: float) -> QColor:
    """From `low` (no answers) towards `high`; any answer is visibly above none."""
    if amount <= 0:
        return low
    t = 0.25 + 0.75 * math.sqrt(amount)
    return QColor.fromRgbF(*(a + (b - a) * t for a, b in zip(low.getRgbF()[:3], high.getRgbF()[:3])))


def draw_reviews(chart: ChartView, panel: stats.ReviewsPerDay, by_time: bool) -> None:
    """Answers per day stacked by kind (young and mature reviews, learning, relearning, filtered),
    by count or by minutes."""
    values = panel.durations_ms if by_time else panel.counts
    scale = 60000 if by_time else 1
    chart.getPlotItem().getAxis("left").whole_numbers = not by_time
    days = sorted(values)
    bottoms = [0.0] * len(days)
    for kind in ("mature", "young", "relearn", "learn", "filtered"):
        heights = [getattr(values[day], kind) / scale for day in days]
        if any(heights):
            chart.add_bars(days, heights, chart.colours.series(kind), width=0.85, bottoms=bottoms, name=kind.title())
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    chart.leave_room_for_legend(max(bottoms, default=0))
    unit = "minutes" if by_time else "answers"
    chart.describe_bars(_days_of_reviews(panel.today, values, scale, unit, days, bottoms))
    _day_ticks(chart, panel.first_day, 0)
    chart.getPlotItem().setXRange(panel.first_day - 1, 1, padding=0)
    chart.set_label("left", unit)


def _days_of_reviews(
    today: date, values: Mapping[int, stats.KindCounts], scale: int, unit: str, days: Sequence[int], totals: Sequence[float]
) -> Iterator[Bar]:
    """The reviews' bars: `values` (by count or by time, in units of `scale`) on each of `days`."""
    decimals = 0 if scale == 1 else 1
    for day, total in zip(days, totals):
        parts = ", ".join(f"{getattr(values[day], k) / scale:,.{decimals}f} {k}" for k in stats.KIND_NAMES if getattr(values[day], k))
        yield Bar(day, 1, f"{_date(today, day)}: {total:,.{decimals}f} {unit} ({parts})", methodcaller("search_for_day", day))


def draw_card_counts(chart: ChartView, panel: stats.CardCounts) -> None:
    """A bar per state, New on top, each labelled with its count and share."""
    item = chart.getPlotItem()
    counts = panel.by_name()
    longest = max(counts.values(), default=0) or 1
    brushes = [pg.mkBrush(chart.colours.series(CARD_COUNT_SERIES[name])) for name in counts]
    bars = chart.kept("bars", lambda: pg.BarGraphItem(x0=0, y=list(range(len(counts))), width=0, height=0.7, brushes=brushes, pen=pg.mkPen(None)))
    bars.setOpts(width=list(counts.values()))
    for row, (name, count) in enumerate(counts.items()):
        share = stats.share(count, panel.total)
        text = f"{count:,}" + (f" ({share:.0f} %)" if share is not None else "")
        label = chart.kept(f"label {name}", lambda: pg.TextItem(color=chart.colours.text, anchor=(0, 0.5)))
        label.setText(text)
        label.setPos(count + 0.02 * longest, row)
        chart.describe_bars([Bar(0.725 * longest, 1.45 * longest, f"{name}: {text} cards", methodcaller("search_for", name), y=row)])
    item.getViewBox().invertY(True)
    item.showGrid(x=True, y=False, alpha=0.15)
    chart.set_ticks("left", list(enumerate(counts)))
    item.setXRange(0, 1.45 * longest, padding=0)
    chart.set_label("bottom", "cards")


def _day_histogram(chart: ChartView, counts: Mapping[int, int], what: str) -> None:
    """Cards by days (`counts`), each bar's search the panel's `search_for_days`."""
    groups = grouped(counts)
    width = groups[0].width if groups else 1
    chart.add_bars([g.centre for g in groups], [g.count for g in groups], chart.colours.accent, width=0.85 * width)
    chart.describe_bars(
        Bar(g.centre, g.width, f"{g.count:,} cards with {what} of {_days(g.first, g.last)}", methodcaller("search_for_days", g.first, g.last))
        for g in groups
    )
    chart.set_label("left", "cards")
    chart.set_label("bottom", f"{what} (days)")
    chart.getPlotItem().getAxis("bottom").whole_numbers = True


def draw_intervals(chart: ChartView, panel: stats.Intervals) -> None:
    _day_histogram(chart, panel.cards_by_interval, "an interval")
    if panel.median is not None:
        chart.add_marker(panel.median, f"median {panel.median:g} d")


def draw_stability(chart: ChartView, panel: stats.Stability) -> None:
    _day_histogram(chart, panel.cards_by_day, "a stability")
    if panel.average is not None:
        chart.add_marker(panel.average, f"average {panel.average:.1f} d")


def draw_share_histogram(chart: ChartView, panel: stats.ShareHistogram) -> None:
    """Difficulty or retrievability in steps of 5 %, the average marked."""
    step = 100 / len(panel.cards_by_bin)
    xs = [step * (k + 0.5) for k in range(len(panel.cards_by_bin))]
    chart.add_bars(xs, panel.cards_by_bin, chart.colours.accent, width=0.85 * step)
    what = panel.title.lower()
    chart.describe_bars(
        Bar(x, step, f"{n:,} cards with {what} {k * step:g}–{(k + 1) * step:g} %", methodcaller("search_for_bin", k))
        for k, (x, n) in enumerate(zip(xs, panel.cards_by_bin))
    )
    if panel.average is not None:
        chart.add_marker(100 * panel.average, f"average {100 * panel.average:.0f} %")
    chart.getPlotItem().setXRange(0, 100, padding=0.02)
    chart.set_label("left", "cards")
    chart.set_label("bottom", f"{what} (%)")


def draw_hours(chart: ChartView, panel: stats.Hours) -> None:
    """Answers by hour of the day, and the share answered correctly on the right axis."""
    hours = list(range(24))
    chart.add_bars(hours, panel.answers, chart.colours.accent, width=0.8)
    shares = [stats.share(c, n) for c, n in zip(panel.correct, panel.answers)]
    right = chart.share_axis("% correct")
    if any(s is not None for s in shares):  # no line (and no all-NaN bounds) for a period without answers
        good = chart.colours.series("good")
        line = chart.kept("share", lambda: pg.PlotDataItem(pen=pg.mkPen(good, width=2), symbol="o", symbolSize=5, symbolBrush=good, connect="finite"), right)
        line.setData(hours, [math.nan if s is None else s for s in shares])
    chart.describe_bars(
        Bar(hour, 1, f"{hour:02d}:00–{hour:02d}:59: {n:,} answers" + (f", {s:.0f} % correct" if s is not None else ""), None)
        for hour, n, s in zip(hours, panel.answers, shares)
    )
    chart.set_ticks("bottom", [(h, f"{h:02d}") for h in range(0, 24, 3)])
    chart.start_y_at_zero(max(panel.answers))
    chart.set_label("left", "answers")


def draw_buttons(chart: ChartView, panel: stats.Buttons) -> None:
    """Answers by button (Again, Hard, Good, Easy) in three groups: learning, young and mature cards."""
    for index, rating in enumerate(stats.RATING_NAMES):
        xs = [5 * g + index for g in range(len(stats.BUTTON_GROUPS))]
        chart.add_bars(xs, [panel.counts[group][index] for group in stats.BUTTON_GROUPS], chart.colours.series(rating), width=0.8, name=rating.title())
        chart.describe_bars(_buttons_of_rating(panel, index, xs))
    chart.set_ticks("bottom", [(5 * g + 1.5, group.title()) for g, group in enumerate(stats.BUTTON_GROUPS)])
    chart.getPlotItem().setXRange(-1, 5 * len(stats.BUTTON_GROUPS) - 1, padding=0)
    chart.leave_room_for_legend(max((max(c) for c in panel.counts.values()), default=0))
    chart.set_label("left", "answers")


def _buttons_of_rating(panel: stats.Buttons, index: int, xs: Sequence[float]) -> Iterator[Bar]:
    """The bars of the rating `index` (0: Again), one per group of cards, at `xs`."""
    rating = stats.RATING_NAMES[index]
    for x, group in zip(xs, stats.BUTTON_GROUPS):
        counts = panel.counts[group]
        share = stats.share(counts[index], sum(counts))
        tip = f"{group.title()} cards, {rating.title()}: {counts[index]:,} answers" + (f" ({share:.1f} %)" if share is not None else "")
        yield Bar(x, 1, tip, methodcaller("search_for_rating", index + 1))


def draw_added(chart: ChartView, panel: stats.Added) -> None:
    days = sorted(panel.cards_by_day)
    chart.add_bars(days, [panel.cards_by_day[d] for d in days], chart.colours.series("new"), width=0.85)
    chart.describe_bars(
        Bar(day, 1, f"{_date(panel.today, day)}: {panel.cards_by_day[day]:,} cards added", methodcaller("search_for_day", day)) for day in days
    )
    _day_ticks(chart, panel.first_day, 0)
    chart.getPlotItem().setXRange(panel.first_day - 1, 1, padding=0)
    chart.set_label("left", "cards")


def _calibration_tip(b: stats.CalibrationBin) -> str:
    tip = f"predicted {100 * b.low:g}–{100 * b.high:g} %: {b.reviews:,} reviews"
    if b.reviews:
        tip += f", mean prediction {100 * b.mean_predicted:.1f} %, recalled {100 * b.actual:.1f} %"
    return tip


def draw_calibration(chart: ChartView, panel: stats.Calibration) -> None:
    """Scored reviews by predicted recall (bars, left axis), and the share actually recalled at
    each bin's mean prediction (right axis) beside the diagonal a perfect prediction would follow
    (the panel's note, under its numbers, says how many predictions come from a replayed history)."""
    xs = [50 * (b.low + b.high) for b in panel.bins]
    step = 100 * (panel.bins[0].high - panel.bins[0].low)
    chart.add_bars(xs, [b.reviews for b in panel.bins], chart.colours.muted, width=0.85 * step)
    right = chart.share_axis("actual recall (%)")
    chart.kept("diagonal", lambda: pg.PlotDataItem([0, 100], [0, 100], pen=pg.mkPen(chart.colours.text, width=1, style=Qt.PenStyle.DashLine)), right)
    scored = [b for b in panel.bins if b.reviews]
    accent = chart.colours.accent
    points = chart.kept("recalled", lambda: pg.PlotDataItem(pen=pg.mkPen(accent, width=2), symbol="o", symbolSize=7, symbolBrush=accent), right)
    points.setData([100 * b.mean_predicted for b in scored], [100 * b.actual for b in scored])
    chart.describe_bars(Bar(x, step, _calibration_tip(b), None) for x, b in zip(xs, panel.bins))
    chart.getPlotItem().setXRange(0, 100, padding=0.02)
    chart.start_y_at_zero(max(b.reviews for b in panel.bins))
    chart.set_label("left", "scored reviews")
    chart.set_label("bottom", "predicted recall (%)")
