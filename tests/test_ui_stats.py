"""The statistics window driven as a person would: `t` from the main window, scope and period chosen
with the keyboard, a search typed, bars clicked, panels saved; its numbers are `stats.collect`'s."""
from __future__ import annotations

import math
import threading
from datetime import date, timezone

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QScrollArea

from heatcards import stats
from heatcards.backups import BackupReason
from heatcards.clock import SECONDS_PER_DAY, FixedClock
from heatcards.collection import Collection
from heatcards.errors import HeatcardsError, SearchSyntaxError
from heatcards.model import Rating
from heatcards.search import parse_search
from heatcards.transfer import import_file
from heatcards.ui.browser import BrowserWindow
from heatcards.ui.main_window import MainWindow
from heatcards.ui import stats_charts
from heatcards.ui.stats_charts import CHART_HEIGHT, ChartView, draw_added, draw_buttons, draw_hours
from heatcards.ui.stats_window import GLANCE_PANELS, PanelView, StatisticsWindow, format_value
from heatcards.ui.tasks import BackgroundTasks
from heatcards.ui.theme import apply_theme
from tests.anki_history import DECK as ANKI_DECK
from tests.anki_history import anki_histories, anki_package
from tests.conftest import NOON
from tests.studying import study_randomly
from tests.windows import open_main_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HEAT = "Heat (1995)"
DAY = SECONDS_PER_DAY


@pytest.fixture
def studied(heat_collection, clock):
    """The Heat deck studied over a few days, and a second deck with one card answered Again."""
    study_randomly(heat_collection, clock, 120, deck=HEAT)
    note = heat_collection.add_note("Basic", {"Front": "Who plays Vincent Hanna?", "Back": "Al Pacino"}, "Films")
    card = heat_collection.store.cards_of_note(note.id)[0]
    heat_collection.answer(card.id, Rating.AGAIN)
    return heat_collection


@pytest.fixture
def tasks():
    bridge = BackgroundTasks()
    yield bridge
    bridge.shutdown()


@pytest.fixture
def window(qtbot, studied, tasks):
    view = StatisticsWindow(studied, tasks, HEAT)
    qtbot.addWidget(view)
    view.show()
    wait_until_drawn(qtbot, view)
    return view


def wait_until_drawn(qtbot, view: StatisticsWindow) -> None:
    """Until every panel is drawn and the run has finished (its status said), which may be a turn of
    the event loop after the last panel."""
    qtbot.waitUntil(lambda: all(panel.panel is not None for panel in view.panels.values()) and not view._pending, timeout=20000)


def choose(qtbot, combo, text: str) -> None:
    """Pick `text` in a combo box with the arrow keys, as a person would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not in the box"


def assert_shows(view: StatisticsWindow, collection: Collection, scope: stats.Scope, period: stats.Period) -> None:
    expected = stats.collect(collection, scope, period)
    for key, panel in expected.panels().items():
        assert view.panels[key].panel == panel, key
        for measure in panel.summary():
            assert format_value(measure.value, measure.unit) in view.panels[key].numbers.text()
    assert view.panels["calibration"].panel == stats.calibration(collection, scope, period)


def click_bar(qtbot, chart, bar) -> None:
    position = chart.mapFromScene(chart.scene_position_of(bar))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position.x(), position.y()))


def test_t_opens_the_statistics_of_the_selected_deck(qtbot, studied, tmp_path):
    main = open_main_window(qtbot, studied, tmp_path)
    main.select_deck(studied.deck_named(HEAT).id)
    qtbot.keyClick(main, Qt.Key.Key_T)
    view = main._statistics
    wait_until_drawn(qtbot, view)
    assert view.scope_combo.currentText() == f"Deck {HEAT} with its subdecks"
    assert view.period_combo.currentText() == "1 month"
    assert_shows(view, studied, stats.Scope.deck(HEAT), stats.Period.MONTH)
    assert view.panels["card_counts"].panel.total == len(studied.find_cards(f'"deck:{HEAT}"'))
    assert view.panels["reviews"].panel.answers == 120
    qtbot.keyClick(main, Qt.Key.Key_T)  # a second `t` brings the same window forward
    assert main._statistics is view and view.isVisible()
    assert view.panels["reviews"].panel is not None  # nothing computed again
    main.tasks.shutdown()


def test_statistics_closed_then_opened_again_keep_their_charts_and_show_the_new_numbers(qtbot, studied, clock, tmp_path):
    main = open_main_window(qtbot, studied, tmp_path)
    main.select_deck(studied.deck_named(HEAT).id)
    qtbot.keyClick(main, Qt.Key.Key_T)
    view = main._statistics
    wait_until_drawn(qtbot, view)
    choose(qtbot, view.period_combo, "1 year")
    wait_until_drawn(qtbot, view)
    choose(qtbot, view.by_time_combo, "Time")
    charts = {key: panel.body for key, panel in view.panels.items()}
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    films_answers = stats.collect(studied, stats.Scope.deck("Films")).reviews.answers
    study_randomly(studied, clock, 7, deck="Films")  # the collection changes while the window is closed
    main.select_deck(studied.deck_named("Films").id)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    qtbot.keyClick(main, Qt.Key.Key_T)
    assert main._statistics is view and view.isVisible()
    assert {key: panel.body for key, panel in view.panels.items()} == charts  # built once
    assert view.scope_combo.currentText() == "Deck Films with its subdecks"
    assert [view.scope_combo.itemText(i) for i in range(view.scope_combo.count())] == ["Whole collection", "Deck Films with its subdecks", "Search…"]
    assert view.period_combo.currentText() == "1 month" and view.by_time_combo.currentText() == "Count"  # as a new window opens
    wait_until_drawn(qtbot, view)
    assert "answers" in view.panels["reviews"].body.bars[-1].tip
    assert_shows(view, studied, stats.Scope.deck("Films"), stats.Period.MONTH)
    assert view.panels["reviews"].panel.answers > films_answers
    assert view.status_label.text() == "Deck Films · 1 month"
    main.tasks.shutdown()


def test_a_restore_closes_the_kept_statistics_window_and_the_next_one_reads_the_restored_collection(qtbot, studied, clock, tmp_path):
    backup = studied.backup(BackupReason.MANUAL)
    main = MainWindow(
        studied, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        open_collection=lambda path: Collection(path, clock=clock, calendar_tz=timezone.utc, fuzz=False),
    )
    qtbot.addWidget(main)
    main.show()
    main.open_statistics()
    kept = main._statistics
    wait_until_drawn(qtbot, kept)
    kept.close()
    with qtbot.waitSignals([main.collection_changed, kept.destroyed], timeout=10_000):
        main.restore_backup(backup.path)
    restored = main.collection
    try:
        assert restored is not studied and main._statistics is None
        main.open_statistics()
        view = main._statistics
        assert view.collection is restored
        wait_until_drawn(qtbot, view)
        assert_shows(view, restored, view.chosen_scope(), stats.Period.MONTH)
    finally:
        main.tasks.shutdown()
        restored.close()


def test_the_first_panels_are_the_glance_of_the_full_statistics(qtbot, studied, tasks):
    glance = stats.glance(studied, stats.Scope.deck(HEAT))
    full = stats.collect(studied, stats.Scope.deck(HEAT))
    assert (glance.today, glance.card_counts) == (full.today, full.card_counts)
    view = StatisticsWindow(studied, tasks, HEAT)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.first_panels_drawn, timeout=20000):
        view.show()
    assert view.panels["today"].panel == glance.today
    assert view.panels["card_counts"].panel == glance.card_counts
    wait_until_drawn(qtbot, view)


def test_the_full_statistics_take_the_moment_and_card_states_of_the_glance(qtbot, studied, tasks, monkeypatch):
    glances, glance, collect = [], stats.glance, stats.collect
    monkeypatch.setattr(stats, "glance", lambda *args: glances.append(glance(*args)) or glances[-1])
    taken = []
    monkeypatch.setattr(stats, "collect", lambda collection, scope, period, glanced=None: taken.append(glanced) or collect(collection, scope, period, glanced))
    view = StatisticsWindow(studied, tasks, HEAT)
    qtbot.addWidget(view)
    view.show()
    wait_until_drawn(qtbot, view)
    assert len(glances) == 1 and taken == glances


def test_the_first_panels_chart_is_built_while_its_numbers_are_computed(qtbot, studied, tasks, monkeypatch):
    computing, collecting = threading.Event(), threading.Event()
    glance, collect = stats.glance, stats.collect

    def held_glance(*args, **kwargs):
        computing.wait(20)  # the numbers arrive only once the window has been looked at
        return glance(*args, **kwargs)

    def held_collect(*args, **kwargs):
        collecting.wait(20)
        return collect(*args, **kwargs)

    monkeypatch.setattr(stats, "glance", held_glance)
    monkeypatch.setattr(stats, "collect", held_collect)
    view = StatisticsWindow(studied, tasks, HEAT)
    qtbot.addWidget(view)
    try:
        assert view.panels["card_counts"].body is not None and view.panels["card_counts"].panel is None
        assert view.panels["future_due"].body is None  # the other charts wait for the first panels to be drawn
        computing.set()
        with qtbot.waitSignal(view.first_panels_drawn, timeout=20000):
            view.show()
        assert view.panels["card_counts"].body.bars  # drawn in the chart made beforehand
        # then the other charts, one per turn of the event loop, while their numbers are computed
        qtbot.waitUntil(lambda: all(v.body is not None for k, v in view.panels.items() if k != "today"), timeout=20000)
        assert all(v.panel is None for k, v in view.panels.items() if k not in (*GLANCE_PANELS, "calibration"))
    finally:
        computing.set()
        collecting.set()
    wait_until_drawn(qtbot, view)


def test_scope_and_period_are_chosen_by_keyboard(qtbot, window, studied):
    with qtbot.waitSignal(window.all_panels_drawn, timeout=20000):
        choose(qtbot, window.scope_combo, "Whole collection")
    assert_shows(window, studied, stats.Scope(), stats.Period.MONTH)
    assert window.panels["card_counts"].panel.total == len(studied.find_cards(""))
    for label, period in (("1 year", stats.Period.YEAR), ("All time", stats.Period.ALL)):
        with qtbot.waitSignal(window.all_panels_drawn, timeout=20000):
            choose(qtbot, window.period_combo, label)
        assert_shows(window, studied, stats.Scope(), period)
    assert window.status_label.text() == "Whole collection · all time"


def test_a_typed_search_is_the_scope_and_a_syntax_error_says_what_is_wrong(qtbot, window, studied):
    choose(qtbot, window.scope_combo, "Search…")
    assert window.search_edit.isVisible() and window.search_edit.hasFocus()
    with qtbot.waitSignal(window.all_panels_drawn, timeout=20000):
        qtbot.keyClicks(window.search_edit, "deck:Films or is:review")
        qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert_shows(window, studied, stats.Scope.matching("deck:Films or is:review"), stats.Period.MONTH)
    assert not window.error_label.isVisible()

    shown = window.panels["card_counts"].panel
    window.search_edit.clear()
    qtbot.keyClicks(window.search_edit, "(tag:heat")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    with pytest.raises(SearchSyntaxError) as error:
        parse_search("(tag:heat")
    assert window.error_label.isVisible()
    assert window.error_label.text() == f"⚠ {error.value}"
    assert window.panels["card_counts"].panel == shown  # the last good numbers stay


def test_clicking_a_bar_opens_the_browser_on_its_cards(qtbot, studied, tmp_path):
    main = open_main_window(qtbot, studied, tmp_path, active=False)
    main.select_deck(studied.deck_named(HEAT).id)
    main.open_statistics()
    view = main._statistics
    wait_until_drawn(qtbot, view)

    future_due = view.panels["future_due"]
    chart = future_due.body
    bar = next(b for b in chart.bars if chart.search_for(b) == future_due.panel.search_for_days(1, 1))
    click_bar(qtbot, chart, bar)
    browser = next(w for w in main._windows if isinstance(w, BrowserWindow))
    expected = f'(deck:"{HEAT}") prop:due=1'
    assert browser.search_edit.text() == expected
    assert sorted(browser.model.ids()) == sorted(studied.find_cards(expected))
    assert len(browser.model.ids()) == future_due.panel.due_tomorrow > 0

    counts = view.panels["card_counts"]
    young = next(b for b in counts.body.bars if b.tip.startswith("Young"))
    click_bar(qtbot, counts.body, young)
    assert browser.search_edit.text() == counts.panel.search_for("Young")
    assert len(browser.model.ids()) == counts.panel.young > 0
    main.tasks.shutdown()


def test_a_chart_writes_what_its_bars_count_when_they_are_first_looked_for(qtbot, monkeypatch):
    # a year's calendar has some 370 cells: their tips are written when a bar is hovered, not at each drawing
    built = []
    bar = stats_charts.Bar

    def counted_bar(*args, **kwargs):
        built.append(bar(*args, **kwargs))
        return built[-1]

    monkeypatch.setattr(stats_charts, "Bar", counted_bar)
    chart = ChartView("Calendar chart")
    qtbot.addWidget(chart)
    today = date(2026, 4, 1)  # a Wednesday
    panel = stats.Calendar(stats.Scope(), today, {0: 2, -1: 5, -400: 1}, -364, 2)
    chart.draw(stats_charts.draw_calendar, panel)
    assert built == []
    bars = chart.bars
    assert len(built) == len(bars) == stats_charts.CALENDAR_DAYS - 6 + today.weekday()
    assert bars[-1].tip == "Wed 01 Apr 2026: 2 answers" and chart.search_for(bars[-1]) == "prop:rated=0"
    assert bars[-2].tip == "Tue 31 Mar 2026: 5 answers"
    assert bars[0].tip.endswith("before the period") and bars[0].search is None
    assert (bars[-1].x, bars[-1].y) == (52, 2) and (bars[0].x, bars[0].y) == (0, 0)
    chart._on_scene_mouse_moved(chart.scene_position_of(bars[-1]))
    assert chart.toolTip() == "Wed 01 Apr 2026: 2 answers\nClick to browse these cards"
    chart.draw(stats_charts.draw_calendar, panel)  # drawn again: described again when looked for
    assert len(chart.bars) == len(bars) and len(built) == 2 * len(bars)


def test_each_panel_saves_its_picture_and_its_numbers(qtbot, window, tmp_path, monkeypatch):
    for key in ("future_due", "true_retention", "today"):
        panel_view = window.panels[key]
        picture, numbers = tmp_path / f"{key}.png", tmp_path / f"{key}.csv"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, path=picture: (str(path), "PNG images (*.png)"))
        qtbot.mouseClick(panel_view.save_picture_button, Qt.MouseButton.LeftButton)
        image = QImage(str(picture))
        assert not image.isNull() and image.width() > 200 and image.height() > 100
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, path=numbers: (str(path), "CSV files (*.csv)"))
        qtbot.mouseClick(panel_view.save_numbers_button, Qt.MouseButton.LeftButton)
        assert numbers.read_text(encoding="utf-8") == stats.panel_csv(panel_view.panel)


def test_true_retention_table_is_a_valid_model_with_the_panels_rows(window, qtmodeltester):
    model = window.retention_model
    qtmodeltester.check(model)
    table = window.panels["true_retention"].panel.table()
    assert model.rowCount() == len(table.rows) == 4  # today, yesterday, last week, last month
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [row[0] for row in table.rows]
    assert model.index(3, 1).data() == f"{table.rows[3][1]:,}"



def test_the_true_retention_table_takes_its_panel_s_width_and_shows_whole_headers(window):
    """The table has no numbers beside it: no empty column is kept for them, and each header is
    wide enough for its title ("mature passed" was cut short in a window 1,200 pixels wide)."""
    window.resize(1200, 900)
    QApplication.processEvents()
    panel = window.panels["true_retention"]
    table = panel.body
    assert table.width() >= panel.stack.width() - 2
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for section in range(header.count()):
        title = table.model().headerData(section, Qt.Orientation.Horizontal)
        assert header.sectionSize(section) > metrics.horizontalAdvance(title), title


def test_the_true_retention_table_is_as_high_as_the_rows_of_its_period(qtbot, window, monkeypatch):
    """No room kept under its last row (a month shows 4 of the 6 rows of all time) and no row cut
    off; the page keeps the height it takes for the period while the panels arrive."""
    page = window.findChild(QScrollArea).widget()
    table = window.panels["true_retention"].body
    collecting = threading.Event()
    collect = stats.collect

    def held_collect(*args, **kwargs):
        collecting.wait(20)
        return collect(*args, **kwargs)

    monkeypatch.setattr(stats, "collect", held_collect)
    for period in ("All time", "1 year", "1 month"):
        collecting.clear()
        choose(qtbot, window.period_combo, period)
        qtbot.wait(50)  # the layout settles in later turns of the event loop
        waiting_height = page.height()
        with qtbot.waitSignal(window.all_panels_drawn, timeout=20000):
            collecting.set()
        qtbot.wait(50)
        rows = window.retention_model.rowCount()
        assert rows == len(stats.retention_spans(window.chosen_period())), period
        assert table.viewport().height() == table.verticalHeader().length() == rows * table.rowHeight(0), period
        assert page.height() == waiting_height, period


def test_reviews_by_time_and_the_dark_theme_redraw_the_charts(qtbot, window):
    reviews = window.panels["reviews"]
    heights_by_count = max(reviews.body.getPlotItem().getViewBox().viewRange()[1])
    choose(qtbot, window.by_time_combo, "Time")
    assert "minutes" in reviews.body.bars[-1].tip
    assert max(reviews.body.getPlotItem().getViewBox().viewRange()[1]) != heights_by_count
    app = QApplication.instance()
    try:
        apply_theme(app, "dark")
        chart = window.panels["calibration"].body
        qtbot.waitUntil(lambda: chart.colours.dark)  # the palette change arrives as an event
        assert chart.backgroundBrush().color() == app.palette().color(QPalette.ColorRole.Base)
        assert not window.grab().isNull()
    finally:
        apply_theme(app, "light")
    qtbot.waitUntil(lambda: not window.panels["calibration"].body.colours.dark)


def test_the_calibration_of_an_anki_history_says_its_predictions_are_replayed(qtbot, tasks, tmp_path):
    collection = Collection(tmp_path / "c.heatcards", clock=FixedClock(NOON), calendar_tz=timezone.utc, install_heat_deck=False)
    try:
        import_file(collection, anki_package(tmp_path, anki_histories(12, NOON - 132 * DAY, seed=4)))
        view = StatisticsWindow(collection, tasks, ANKI_DECK)
        qtbot.addWidget(view)
        view.show()
        wait_until_drawn(qtbot, view)
        panel = view.panels["calibration"]
        assert panel.panel.reviews == 0  # nothing answered in the last month: no note
        assert not panel.note_label.isVisible()
        with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
            choose(qtbot, view.period_combo, "All time")
        fit = panel.panel
        assert fit == stats.calibration(collection, stats.Scope.deck(ANKI_DECK), stats.Period.ALL)
        assert fit.replayed == fit.reviews > 30
        assert panel.note_label.isVisible()
        assert panel.note_label.text() == (
            f"{fit.reviews:,} of {fit.reviews:,} predictions replayed with the preset's current parameters: "
            "history imported without memory states"
        )
        assert "Predictions replayed" in panel.numbers.text()
        view.close()
    finally:
        collection.close()


def test_a_new_choice_supersedes_the_computation_under_way(qtbot, window, studied):
    choose(qtbot, window.period_combo, "1 year")
    first_run = window._run
    with qtbot.waitSignal(window.all_panels_drawn, timeout=20000):
        choose(qtbot, window.period_combo, "All time")
    assert first_run.superseded.is_set()
    assert_shows(window, studied, stats.Scope.deck(HEAT), stats.Period.ALL)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert window._run is None


def test_calibration_is_computed_beside_the_other_panels(qtbot, studied, tasks, monkeypatch):
    calibrating = threading.Event()
    seen = {}
    collect, calibration = stats.collect, stats.calibration

    def waiting_collect(*args, **kwargs):
        seen["collect"] = threading.current_thread()
        seen["calibrating meanwhile"] = calibrating.wait(10)  # one worker would run calibration after this
        return collect(*args, **kwargs)

    def noted_calibration(*args, **kwargs):
        seen["calibration"] = threading.current_thread()
        calibrating.set()
        return calibration(*args, **kwargs)

    monkeypatch.setattr(stats, "collect", waiting_collect)
    monkeypatch.setattr(stats, "calibration", noted_calibration)
    view = StatisticsWindow(studied, tasks, HEAT)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        view.show()
    assert seen["calibrating meanwhile"] and seen["collect"] is not seen["calibration"]
    monkeypatch.undo()
    assert_shows(view, studied, stats.Scope.deck(HEAT), stats.Period.MONTH)


def test_a_typed_search_is_run_once_and_calibration_starts_after_the_glance_with_its_cards(qtbot, window, studied, monkeypatch):
    events = []  # in the order they happened, in either worker
    lock = threading.Lock()

    def noted(name, compute):
        def run(*args):
            with lock:
                events.append(f"{name} starts")
            result = compute(*args)
            with lock:
                events.append(f"{name} ends")
            return result

        return run

    compile_search, glance, calibration = stats.compile_search, stats.glance, stats.calibration
    monkeypatch.setattr(stats, "compile_search", lambda *args: events.append("search") or compile_search(*args))
    monkeypatch.setattr(stats, "glance", noted("glance", glance))
    glances_taken = []
    monkeypatch.setattr(stats, "calibration", noted("calibration", lambda *args: glances_taken.append(args[3:]) or calibration(*args)))
    choose(qtbot, window.scope_combo, "Search…")  # passing by the other scopes, each computed
    wait_until_drawn(qtbot, window)
    events.clear()
    glances_taken.clear()
    search = "Pacino"  # a search of notes selecting a few cards: run into a table of them
    with qtbot.waitSignal(window.all_panels_drawn, timeout=20000):
        qtbot.keyClicks(window.search_edit, search)
        qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert events.count("search") == 1  # by the glance alone
    assert events.index("glance ends") < events.index("calibration starts")
    assert len(glances_taken) == 1 and glances_taken[0][0].scope_cards is not None
    monkeypatch.undo()
    assert_shows(window, studied, stats.Scope.matching(search), stats.Period.MONTH)


def test_a_new_choice_while_both_workers_compute_drops_what_they_hand_back(qtbot, studied, tasks, monkeypatch):
    release = threading.Event()
    started = []
    readers = []  # each read-only connection: the thread that opened it and whether it was closed
    open_read_only = studied.open_read_only

    def tracked_reader() -> Collection:
        reader, entry = open_read_only(), {"thread": threading.current_thread().name, "closed": False}
        close = reader.close
        reader.close = lambda: (entry.update(closed=True), close())
        readers.append(entry)
        return reader

    def held(compute):
        def run(collection, scope, period, *glance):
            started.append((compute.__name__, scope))
            if scope == stats.Scope.deck(HEAT):
                release.wait(20)
            return compute(collection, scope, period, *glance)

        return run

    shares = []  # for each share of the file: the readers still open when it was released, or None while held
    share_for_reading = studied.share_for_reading

    def tracked_share():
        share, at = share_for_reading(), len(shares)
        shares.append(None)
        release = share.release
        share.release = lambda: (shares.__setitem__(at, sum(not entry["closed"] for entry in readers)), release())
        return share

    monkeypatch.setattr(studied, "open_read_only", tracked_reader)
    monkeypatch.setattr(studied, "share_for_reading", tracked_share)
    monkeypatch.setattr(stats, "collect", held(stats.collect))
    monkeypatch.setattr(stats, "calibration", held(stats.calibration))
    view = StatisticsWindow(studied, tasks, HEAT)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: len(started) == 2, timeout=20000)  # both computing the deck, at once
    shown = []
    show_panel = PanelView.show_panel
    monkeypatch.setattr(PanelView, "show_panel", lambda panel_view, panel: (shown.append(panel), show_panel(panel_view, panel)))
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        choose(qtbot, view.scope_combo, "Whole collection")
        release.set()
    assert shown and all(panel.scope == stats.Scope() for panel in shown)  # nothing of the deck's drawn
    qtbot.waitUntil(lambda: all(entry["closed"] for entry in readers) and None not in shares, timeout=20000)
    assert len(readers) == 4 and {entry["thread"].split("_")[0] for entry in readers} == {"heatcards-work", "heatcards-beside"}
    assert len(shares) == 2 and shares[1] == 0  # one share a run, given back once both threads' readers closed
    monkeypatch.undo()
    assert_shows(view, studied, stats.Scope(), stats.Period.MONTH)


def _charts_drawn(monkeypatch) -> list[str]:
    """The names of the charts drawn from now on, in order (ChartView.draw still draws)."""
    drawn = []
    draw = ChartView.draw
    monkeypatch.setattr(
        ChartView, "draw", lambda chart, drawing, panel=None: (drawn.append(chart.accessibleName()), draw(chart, drawing, panel))
    )
    return drawn


def test_a_panel_is_drawn_again_only_when_its_numbers_change(qtbot, studied, tasks, monkeypatch):
    drawn = _charts_drawn(monkeypatch)
    view = StatisticsWindow(studied, tasks, HEAT)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        view.show()
    assert drawn.count("Card counts chart") == 1  # by `glance`; `collect`'s equal panel is not drawn again
    del drawn[:]
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        choose(qtbot, view.period_combo, "1 year")
    period_free = ("Card counts", "Review intervals", "Difficulty", "Stability", "Retrievability")
    assert not set(drawn) & {f"{title} chart" for title in period_free}
    assert "Reviews chart" in drawn  # it starts on the period's first day
    del drawn[:]
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        view.refresh()
    assert drawn == []
    note = studied.add_note("Basic", {"Front": "Who plays Neil McCauley?", "Back": "Robert De Niro"}, HEAT)
    studied.answer(studied.store.cards_of_note(note.id)[0].id, Rating.GOOD)
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        view.refresh()
    assert {"Card counts chart", "Reviews chart", "Calendar chart"} <= set(drawn)
    assert_shows(view, studied, stats.Scope.deck(HEAT), stats.Period.YEAR)


def test_a_new_scope_of_the_same_cards_draws_no_chart_again_and_its_bars_search_it(qtbot, heat_collection, clock, tasks, monkeypatch):
    """The Heat deck holds every card: the whole collection has its numbers, so no chart is drawn
    again, and a click on a bar searches the whole collection, not the deck."""
    study_randomly(heat_collection, clock, 120, deck=HEAT)
    assert heat_collection.find_cards(f'"deck:{HEAT}"') == heat_collection.find_cards("")
    drawn = _charts_drawn(monkeypatch)
    view = StatisticsWindow(heat_collection, tasks, HEAT)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        view.show()
    del drawn[:]
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        choose(qtbot, view.scope_combo, "Whole collection")
    assert drawn == []
    assert_shows(view, heat_collection, stats.Scope(), stats.Period.MONTH)
    future_due = view.panels["future_due"]
    chart = future_due.body
    bar = next(b for b in chart.bars if chart.search_for(b) == future_due.panel.search_for_days(1, 1))
    with qtbot.waitSignal(view.search_requested, timeout=5000) as clicked:
        click_bar(qtbot, chart, bar)
    assert clicked.args == ["prop:due=1"]
    charts = [view.panels[key].body for key in ("calendar", "reviews", "card_counts", "intervals")]
    searches = [chart.search_for(bar) for chart in charts for bar in chart.bars]
    assert searches and not [search for search in searches if search is not None and "deck:" in search]

    heat_collection.add_note("Basic", {"Front": "Who plays Vincent Hanna?", "Back": "Al Pacino"}, "Films")
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        choose(qtbot, view.scope_combo, f"Deck {HEAT} with its subdecks")
    assert drawn == []  # the deck's numbers are those shown
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        choose(qtbot, view.scope_combo, "Whole collection")
    assert "Card counts chart" in drawn  # the deck no longer holds every card
    assert_shows(view, heat_collection, stats.Scope(), stats.Period.MONTH)


def test_an_in_memory_collection_is_computed_in_the_ui_thread(qtbot, tasks, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the media folder of ":memory:" lands here
    clock = FixedClock(NOON)
    collection = Collection(":memory:", clock=clock, calendar_tz=timezone.utc, fuzz=False)
    try:
        study_randomly(collection, clock, 30, deck=HEAT)
        with pytest.raises(HeatcardsError, match="in-memory"):
            collection.open_read_only()
        view = StatisticsWindow(collection, tasks, HEAT)
        qtbot.addWidget(view)
        wait_until_drawn(qtbot, view)
        assert_shows(view, collection, stats.Scope.deck(HEAT), stats.Period.MONTH)
    finally:
        collection.close()


def test_a_read_only_copy_reads_from_another_thread_while_the_collection_writes(studied):
    seen = {}

    def read() -> None:
        reader = studied.open_read_only()
        try:
            seen["counts"] = stats.glance(reader).card_counts
            with pytest.raises(HeatcardsError):
                reader.add_deck("Written by a reader")
        finally:
            reader.close()

    with studied.share_for_reading():
        worker = threading.Thread(target=read)
        worker.start()
        worker.join()
    assert seen["counts"] == stats.collect(studied).card_counts
    studied.add_deck("Written by the owner")  # the lock is still the owner's
    assert studied.deck_named("Written by the owner") is not None


def test_the_card_counts_set_new_numbers_on_the_items_they_drew(qtbot):
    chart = ChartView("card counts")
    qtbot.addWidget(chart)
    chart.draw(stats_charts.draw_card_counts, stats.CardCounts(stats.Scope(), 5, 0, 1, 20, 70, 3, 1))
    drawn = list(chart.getPlotItem().items)
    chart.draw(stats_charts.draw_card_counts, stats.CardCounts(stats.Scope.matching("tag:few"), 2, 1, 0, 4, 9, 0, 0))
    assert chart.getPlotItem().items == drawn  # neither removed nor built again
    (bars,) = [item for item in drawn if isinstance(item, pg.BarGraphItem)]
    assert list(bars.opts["width"]) == [2, 1, 0, 4, 9, 0, 0] and list(bars.opts["y"]) == list(range(7))
    brushes = [brush.color().name() for brush in bars.opts["brushes"]]
    assert brushes == [chart.colours.series(series).name() for series in stats_charts.CARD_COUNT_SERIES.values()]
    labels = [item.toPlainText() for item in drawn if isinstance(item, pg.TextItem)]
    assert labels == ["2 (12 %)", "1 (6 %)", "0 (0 %)", "4 (25 %)", "9 (56 %)", "0 (0 %)", "0 (0 %)"]
    mature = next(bar for bar in chart.bars if bar.y == 4)
    assert mature.tip == "Mature: 9 (56 %) cards" and chart.search_for(mature) == stats.Scope.matching("tag:few").search_for(
        stats.CARD_COUNT_SEARCHES["Mature"]
    )


def test_a_chart_drawn_again_sets_new_data_on_its_layers_and_its_legend_names_the_kinds_drawn(qtbot):
    def reviews(**by_kind) -> stats.ReviewsPerDay:
        counts = {-1: stats.KindCounts(**by_kind), 0: stats.KindCounts(**{kind: 2 * n for kind, n in by_kind.items()})}
        return stats.ReviewsPerDay(stats.Scope(), date(2026, 11, 22), -29, counts, counts)

    def drawn(chart: ChartView) -> tuple:
        item = chart.getPlotItem()
        layers = [(list(bars.opts["x"]), list(bars.opts["height"]), list(bars.opts["y0"]), bars.opts["brush"].name())
                  for bars in item.items if isinstance(bars, pg.BarGraphItem)]
        legend = [] if item.legend is None else [label.text for _sample, label in item.legend.items]
        return layers, legend, item.viewRange()[1]

    def by_count(chart: ChartView, panel: stats.ReviewsPerDay) -> None:
        stats_charts.draw_reviews(chart, panel, False)

    kept = ChartView("reviews")
    qtbot.addWidget(kept)
    kept.resize(600, CHART_HEIGHT)
    first = None
    for panel in (reviews(mature=4, young=3, learn=1), reviews(young=5, relearn=2), reviews(), reviews(mature=1, young=1, learn=6)):
        kept.draw(by_count, panel)
        fresh = ChartView("reviews")
        qtbot.addWidget(fresh)
        fresh.resize(600, CHART_HEIGHT)
        fresh.draw(by_count, panel)
        assert drawn(kept) == drawn(fresh)
        layers = [bars for bars in kept.getPlotItem().items if isinstance(bars, pg.BarGraphItem)]
        first = first or layers[0]
        if panel.counts[0].young == 10:  # the second drawing set new data on the first's layers
            assert layers[0] is first
    assert drawn(kept)[1] == ["Mature", "Young", "Learn"]


def test_a_histogram_moves_its_marker_and_leaves_it_out_when_there_is_no_median(qtbot):
    chart = ChartView("intervals")
    qtbot.addWidget(chart)

    def markers() -> list[tuple[float, str]]:
        return [(item.value(), item.label.toPlainText()) for item in chart.getPlotItem().items if isinstance(item, pg.InfiniteLine)]

    chart.draw(stats_charts.draw_intervals, stats.Intervals(stats.Scope(), {3: 2, 10: 5}))
    (first,) = [item for item in chart.getPlotItem().items if isinstance(item, pg.InfiniteLine)]
    assert markers() == [(10, "median 10 d")]
    chart.draw(stats_charts.draw_intervals, stats.Intervals(stats.Scope(), {4: 5, 30: 1}))
    assert markers() == [(4, "median 4 d")] and first in chart.getPlotItem().items  # moved, not built again
    chart.draw(stats_charts.draw_intervals, stats.Intervals(stats.Scope(), {}))
    assert markers() == []
    chart.draw(stats_charts.draw_intervals, stats.Intervals(stats.Scope(), {7: 1}))
    assert markers() == [(7, "median 7 d")]


def test_a_marker_s_label_lets_the_bars_behind_it_show(qtbot):
    # an opaque backing hid the tops of the bars next to the median's line
    chart = ChartView("intervals")
    qtbot.addWidget(chart)
    chart.draw(stats_charts.draw_intervals, stats.Intervals(stats.Scope(), {3: 2, 10: 5, 11: 5}))
    (line,) = [item for item in chart.getPlotItem().items if isinstance(item, pg.InfiniteLine)]
    assert line.label.fill.color().alpha() < 255


@pytest.mark.parametrize("answers", [0, 5])
def test_the_hourly_share_line_is_drawn_only_when_an_hour_has_answers(qtbot, answers):
    chart = ChartView("hours")
    qtbot.addWidget(chart)
    counts = tuple(answers if hour == 9 else 0 for hour in range(24))
    chart.draw(draw_hours, stats.Hours(stats.Scope(), counts, tuple(min(n, 3) for n in counts)))
    lines = [item for item in chart.share_axis("% correct").addedItems if isinstance(item, pg.PlotDataItem)]
    assert len(lines) == (1 if answers else 0)
    low, high = chart.getPlotItem().viewRange()[1]
    assert -0.1 * high < low <= 0 and high >= max(answers, 1)  # from 0, not centred on 0 when every hour is empty


def _hours(answers_by_hour) -> stats.Hours:
    counts = tuple(answers_by_hour(hour) for hour in range(24))
    return stats.Hours(stats.Scope(), counts, tuple(n // 2 for n in counts))


def test_the_hourly_share_line_drawn_again_takes_the_new_shares(qtbot):
    chart = ChartView("hours")
    qtbot.addWidget(chart)

    def lines() -> list[pg.PlotDataItem]:
        return [item for item in chart.share_axis("% correct").addedItems if isinstance(item, pg.PlotDataItem)]

    chart.draw(draw_hours, _hours(lambda hour: 10 * (hour % 3)))
    (line,) = lines()
    chart.draw(draw_hours, _hours(lambda hour: 4 if hour == 9 else 0))
    assert lines() == [line]  # set new data, not built again
    assert line.yData[9] == 50 and all(math.isnan(share) for hour, share in enumerate(line.yData) if hour != 9)
    chart.draw(draw_hours, _hours(lambda hour: 0))
    assert lines() == []
    chart.draw(draw_hours, _hours(lambda hour: 6))
    (line,) = lines()
    assert list(line.yData) == [50] * 24


def test_a_chart_drawn_again_neither_hides_nor_shows_its_labels_and_axes_again(qtbot, monkeypatch):
    # hidden before each drawing and shown again by it, a label or the right axis laid the plot out twice
    chart = ChartView("hours")
    qtbot.addWidget(chart)
    chart.draw(draw_hours, _hours(lambda hour: hour))
    item = chart.getPlotItem()
    toggled: list[tuple] = []
    show_label, hide_axis = pg.AxisItem.showLabel, pg.PlotItem.hideAxis
    monkeypatch.setattr(pg.AxisItem, "showLabel", lambda axis, show=True: toggled.append((axis.orientation, show)) or show_label(axis, show))
    monkeypatch.setattr(pg.PlotItem, "hideAxis", lambda plot, name: toggled.append(("hidden", name)) or hide_axis(plot, name))
    chart.draw(draw_hours, _hours(lambda hour: 2 * hour))
    assert toggled == []
    assert item.getAxis("right").isVisible() and item.getAxis("right").labelText == "% correct"
    assert item.getAxis("left").label.isVisible() and item.getAxis("left").labelText == "answers"

    # another drawing shows the labels it sets and hides the others, and the right axis when it has none
    chart.draw(stats_charts.draw_intervals, stats.Intervals(stats.Scope(), {3: 2, 10: 5}))
    assert not item.getAxis("right").isVisible()
    assert item.getAxis("bottom").label.isVisible() and item.getAxis("bottom").labelText == "an interval (days)"
    chart.draw(draw_hours, _hours(lambda hour: hour))
    assert item.getAxis("right").isVisible() and not item.getAxis("bottom").label.isVisible()


def test_the_calendar_sets_each_day_s_heat_on_the_cells_it_drew(qtbot):
    chart = ChartView("calendar")
    qtbot.addWidget(chart)
    today = date(2026, 11, 22)

    def cells() -> list[pg.BarGraphItem]:
        return [item for item in chart.getPlotItem().items if isinstance(item, pg.BarGraphItem)]

    chart.draw(stats_charts.draw_calendar, stats.Calendar(stats.Scope(), today, {0: 2, -1: 5, -2: 5}, -364, 3))
    (drawn,) = cells()
    chart.draw(stats_charts.draw_calendar, stats.Calendar(stats.Scope(), today, {0: 4, -3: 1}, -364, 1))
    assert cells() == [drawn]  # the same cells, with the new heat
    fresh = ChartView("calendar")
    qtbot.addWidget(fresh)
    fresh.draw(stats_charts.draw_calendar, stats.Calendar(stats.Scope(), today, {0: 4, -3: 1}, -364, 1))
    (expected,) = [item for item in fresh.getPlotItem().items if isinstance(item, pg.BarGraphItem)]
    heat = [brush.color().name() for brush in drawn.opts["brushes"]]
    assert heat == [brush.color().name() for brush in expected.opts["brushes"]]
    assert (list(drawn.opts["x"]), list(drawn.opts["y"])) == (list(expected.opts["x"]), list(expected.opts["y"]))
    assert len(set(heat)) == 3  # no answers, one, four


def test_a_chart_with_a_share_axis_draws_the_grid_lines_of_its_left_axis_alone(qtbot):
    """The lines of the right axis (% correct) would fall between those of the left (answers)."""
    chart = ChartView("hours")
    qtbot.addWidget(chart)
    chart.resize(400, CHART_HEIGHT)
    chart.show()
    counts = tuple(10 * hour for hour in range(24))
    hours = stats.Hours(stats.Scope(), counts, tuple(n // 2 for n in counts))
    chart.draw(draw_hours, hours)
    chart.getPlotItem().showGrid(y=False)  # as a chart without grid lines leaves it (the calendar)
    chart.draw(draw_hours, hours)
    qtbot.waitExposed(chart)
    image = QImage(chart.size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        lengths = {
            name: [abs(start.x() - stop.x()) for _pen, start, stop in chart.getPlotItem().getAxis(name).generateDrawSpecs(painter)[1]]
            for name in ("left", "right")
        }
    finally:
        painter.end()
    plot_width = chart.getPlotItem().vb.width()
    assert lengths["left"] and all(length > plot_width - 2 for length in lengths["left"])  # across the plot
    assert lengths["right"] and all(length < 10 for length in lengths["right"])  # ticks only


@pytest.mark.parametrize("days", [30, 365])
def test_a_chart_of_days_labels_today_under_its_last_bar_within_the_plot(qtbot, days):
    """The label of the last tick reaches past the plot's right end by half its width, where
    pyqtgraph would leave it out: it is moved in to end there."""
    chart = ChartView("added")
    qtbot.addWidget(chart)
    chart.resize(370, CHART_HEIGHT)  # as in a panel half the window wide, beside its numbers
    chart.show()
    chart.draw(draw_added, stats.Added(stats.Scope(), date(2026, 3, 2), 1 - days, {0: 3, -4: 2}))
    qtbot.waitExposed(chart)
    axis = chart.getPlotItem().getAxis("bottom")
    image = QImage(chart.size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        texts = axis.generateDrawSpecs(painter)[2]
    finally:
        painter.end()
    ends = axis.mapRectFromParent(axis.geometry())
    assert "today" in [text for _rect, _flags, text in texts]
    assert all(ends.left() <= rect.left() and rect.right() <= ends.right() for rect, _flags, _text in texts)
    rects = sorted((rect for rect, _flags, _text in texts), key=QRectF.left)
    assert all(a.right() < b.left() for a, b in zip(rects, rects[1:]))  # no two labels overlap


def test_a_chart_builds_no_context_menu(qtbot):
    chart = ChartView("hours")
    qtbot.addWidget(chart)
    assert chart.getViewBox().menu is None and chart.share_axis("% correct").menu is None


def test_panels_side_by_side_share_the_width_equally(window):
    """The two columns do not follow the width of the numbers beside the charts (which would move
    and paint again the panels drawn before as each later panel arrives)."""
    for left, right in (("today", "card_counts"), ("intervals", "stability"), ("hours", "buttons"), ("added", "calibration")):
        assert abs(window.panels[left].width() - window.panels[right].width()) <= 1, (left, right)


def test_the_panels_arriving_lengthen_no_page(qtbot, studied, tasks):
    """Each panel keeps its place while it waits: the page keeps its height as the panels arrive (a
    longer page would resize and paint again every chart in view, the last panel's too)."""
    view = StatisticsWindow(studied, tasks, HEAT)
    qtbot.addWidget(view)
    page = view.findChild(QScrollArea).widget()
    heights = []
    view.first_panels_drawn.connect(lambda: heights.append(page.height()))
    with qtbot.waitSignal(view.all_panels_drawn, timeout=20000):
        view.show()
    qtbot.wait(50)  # the layout settles in later turns of the event loop
    heights.append(page.height())
    assert heights[0] == heights[-1]


def test_grid_lines_are_drawn_opaque_beneath_the_bars(qtbot):
    """In the colour their translucent pen gives over the background, so that the chart looks as it
    did, and beneath the bars, which hide them."""
    chart = ChartView("grid")
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.show()
    bar_colour = QColor("#1f5fc8")

    def paint(view, _panel):
        view.add_bars([0], [100], bar_colour, width=1.0)
        view.getPlotItem().setXRange(-1, 1, padding=0)
        view.start_y_at_zero(100)

    chart.draw(paint)
    qtbot.waitExposed(chart)
    axis = chart.getPlotItem().getAxis("left")
    image = QImage(chart.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(chart.colours.background)
    painter = QPainter(image)
    _line, ticks, _texts = axis.generateDrawSpecs(painter)
    painter.end()
    assert ticks and all(pen.color().alpha() == 255 for pen, _start, _stop in ticks)
    assert any(pen.color() != chart.colours.background for pen, _start, _stop in ticks)
    picture = chart.grab().toImage()
    box = chart.getPlotItem().vb
    for value in (20, 40, 60, 80):  # a grid line at each (major ticks of 0-100), inside the bar
        on_bar = chart.mapFromScene(box.mapViewToScene(QPointF(0, value)))
        assert picture.pixelColor(on_bar.x(), on_bar.y()) == bar_colour, value
        beside = chart.mapFromScene(box.mapViewToScene(QPointF(-0.75, value)))
        line = [picture.pixelColor(beside.x(), y) for y in range(beside.y() - 1, beside.y() + 2)]
        assert any(colour != chart.colours.background for colour in line), value


def test_an_axis_label_takes_no_si_prefix(qtbot):
    chart = ChartView("billions")
    qtbot.addWidget(chart)
    chart.draw(lambda view, _panel: (view.add_bars([0], [3e9], view.colours.accent, width=0.8), view.getPlotItem().setLabel("left", "cards")))
    chart.show()
    axis = chart.getPlotItem().getAxis("left")
    assert axis.labelString().endswith(">cards </span>")  # not "cards (x1e-09)"


def test_a_chart_of_counts_shows_whole_numbers_from_zero_even_with_nothing_to_show(qtbot):
    """No "0.2 cards" and no axis below zero over an empty histogram; a chart of minutes keeps its
    fractions; a chart that sets its own height keeps it."""
    chart = ChartView("counts")
    qtbot.addWidget(chart)
    chart.resize(400, CHART_HEIGHT)
    chart.show()

    def left_ticks() -> list[float]:
        axis = chart.getPlotItem().getAxis("left")
        low, high = chart.getPlotItem().getViewBox().viewRange()[1]
        return [v for _spacing, values in axis.tickValues(low, high, CHART_HEIGHT) for v in values]

    chart.draw(lambda view, _panel: view.add_bars([], [], view.colours.accent, width=0.8))
    low, high = chart.getPlotItem().getViewBox().viewRange()[1]
    assert low >= -0.1 and 1 <= high < 1.2
    assert left_ticks() and all(float(v).is_integer() for v in left_ticks())
    assert chart.getPlotItem().getAxis("left").tickStrings([0.0, 1.0], 1, 0.2) == ["0", "1"]

    chart.draw(lambda view, _panel: view.add_bars([0, 1], [3, 5], view.colours.accent, width=0.8, bottoms=[0, 2]))
    low, high = chart.getPlotItem().getViewBox().viewRange()[1]
    assert low <= 0 and 7 <= high < 8  # the top of the highest stack

    def minutes(view, _panel):
        view.add_bars([0], [0.5], view.colours.accent, width=0.8)
        view.getPlotItem().getAxis("left").whole_numbers = False
    chart.draw(minutes)
    assert any(not float(v).is_integer() for v in left_ticks())

    chart.draw(lambda view, _panel: (view.add_bars([0], [2], view.colours.accent, width=0.8), view.getPlotItem().setYRange(0, 10, padding=0)))
    assert chart.getPlotItem().getViewBox().viewRange()[1] == [0, 10]


def test_a_drawing_that_sets_both_ranges_computes_no_auto_range(qtbot, monkeypatch):
    """Auto-range is enabled after a drawing on the axes it left free, not before it: before, each
    drawing's first range set computed its items' bounds for an axis it then set. An axis the
    drawing leaves free is still auto-ranged to its items."""
    chart = ChartView("ranges")
    qtbot.addWidget(chart)
    chart.resize(400, CHART_HEIGHT)
    chart.show()

    def both_set(view, _panel):
        view.add_bars([0, 1, 2], [3, 5, 4], view.colours.accent, width=0.8)
        view.getPlotItem().setXRange(-1, 3, padding=0)
        view.start_y_at_zero(5)

    chart.draw(both_set)  # the first drawing: a new view box auto-ranges both axes until they are set
    auto_ranges = []
    update_auto_range = pg.ViewBox.updateAutoRange
    monkeypatch.setattr(pg.ViewBox, "updateAutoRange", lambda box: (auto_ranges.append(box), update_auto_range(box)))
    for _ in range(2):
        chart.draw(both_set)
        assert auto_ranges == []
        assert chart.getPlotItem().getViewBox().viewRange() == [[-1, 3], [-0.25, 5.25]]
        assert chart.getPlotItem().getViewBox().autoRangeEnabled() == [False, False]

    chart.draw(lambda view, _panel: (view.add_bars([10, 20], [3, 5], view.colours.accent, width=0.8), view.start_y_at_zero(5)))
    low, high = chart.getPlotItem().getViewBox().viewRange()[0]  # x: auto-ranged to the bars, from 9.6 to 20.4
    assert chart.getPlotItem().getViewBox().autoRangeEnabled()[0] and low < 9.6 and 20.4 < high < 22


@pytest.mark.parametrize("shown_first", [True, False])
@pytest.mark.parametrize("highest", [1, 10, 400])
def test_the_legend_covers_no_bar(qtbot, highest, shown_first):
    """The answer buttons' legend sits in the room left above the highest bar, at the chart's size in
    the window, whatever the counts, and whether the chart was laid out before it was drawn or not."""
    chart = ChartView("buttons")
    qtbot.addWidget(chart)
    chart.resize(400, CHART_HEIGHT)
    counts = {"learning": (highest // 2, 0, highest, 0), "young": (0, 0, 0, 0), "mature": (0, 0, 0, 0)}
    if shown_first:
        chart.show()
    chart.draw(draw_buttons, stats.Buttons(stats.Scope(), 30, counts))
    chart.show()
    qtbot.waitExposed(chart)
    qtbot.wait(50)  # the legend is placed once the chart is laid out
    item = chart.getPlotItem()
    legend_bottom = item.legend.mapRectToScene(item.legend.boundingRect()).bottom()
    assert item.vb.mapSceneToView(QPointF(0, legend_bottom)).y() > highest
