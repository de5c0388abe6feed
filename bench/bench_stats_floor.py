#!/usr/bin/env python3
"""How fast could the statistics window open? Its parts apart, beside Anki's `graphs()`, in one run.

Issue 5 asks the full statistics window for 100,000 cards and 800,000 reviews complete in at most
half of Anki's `col._backend.graphs()` time. An opening (the deck, 1 month: what `t` shows first)
is three kinds of work, two of which can overlap on two cores; this script times each alone, on a
copy of bench_stats.py's collections (made in --out, a fresh temporary folder by default), for the
opening's scope and period:

  workers     stats.glance, stats.collect and stats.calibration run as the window runs them: a
              `StatisticsRun` of two threads (`BackgroundTasks`' worker: glance then collect; the
              thread beside it: calibration), each on a read-only connection of its own, no window;
              wall time until all three are handed back to the UI thread (and until each is), and
              the process's CPU time meanwhile. The calibration cache is warm (one calibration of the scope first).
  alone       each of the three stages alone, one after another in the main thread: wall and
              process CPU time (`collect` reads on four connections at once).
  drawing     the UI thread alone: a window whose charts are built (opened once, closed, then
              `reopen`ed as the main window does), given the results the workers computed (the three
              stages return them at once, in the UI thread, as for an in-memory collection): time to
              every panel drawn (`all_panels_drawn`) and painted (until a turn of the event loop
              paints no chart). The reopening before showed the whole collection's numbers, so that
              every panel is drawn again (a panel whose numbers did not change is not).
  building    a fresh `StatisticsWindow`'s construction and the making of every panel's body (its
              twelve charts and the table), pyqtgraph already imported; the stages return at once.
  Anki        Anki's graphs() for the same search and days (deck:Synthetic, 30).

The floor of an opening is at least max(workers, drawing, (workers' CPU + drawing's CPU) / 2) with
the charts built before the person opens the window, and at least max(workers, building + drawing,
(workers' CPU + building + drawing's CPU) / 2) when the opening builds them: the UI thread builds
and draws one after the other, and two cores share all the work. Each figure is the median of --repeat runs, the four alternating.

Usage:
  .venv/bin/python bench/bench_stats_floor.py --notes 100000 [--repeat 5] [--out DIR] [--json out.json]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_stats import ANKI_DAYS, cached  # noqa: E402
from bench_study import DECK, copy_sqlite, ensure_synth, import_anki, load_heatcards, show_and_save, synthetic_arguments  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from heatcards import stats  # noqa: E402
from heatcards.collection import Collection  # noqa: E402
from heatcards.ui.stats_window import StatisticsRun, StatisticsWindow  # noqa: E402
from heatcards.ui.tasks import BackgroundTasks  # noqa: E402

SCOPE = stats.Scope.deck(DECK)
PERIOD = stats.Period.MONTH
ANKI_SEARCH = f"deck:{DECK}"


def ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


STAGES = ("glance", "collect", "calibration")


def workers(heat: Collection, tasks: BackgroundTasks) -> tuple[float, float, dict[str, float], tuple]:
    """(wall ms until the three stages are handed back, process CPU ms meanwhile, ms until each
    stage was handed back, their results)."""
    run = StatisticsRun(heat, SCOPE, PERIOD, threads=2)
    results: dict[str, object] = {}
    arrivals: dict[str, float] = {}
    errors: list[BaseException] = []
    loop = QEventLoop()

    def arrived(name: str):
        def done(result) -> None:
            results[name] = result
            arrivals[name] = ms_since(started)
            if len(results) == 3:
                loop.quit()
        return done

    def failed(error: BaseException) -> None:
        errors.append(error)
        loop.quit()

    started, cpu = time.perf_counter(), time.process_time()
    tasks.run_quietly(lambda: run.stage(lambda reader: stats.glance(reader, SCOPE)), arrived("glance"), failed)
    tasks.run_quietly(lambda: run.stage(lambda reader: stats.collect(reader, SCOPE, PERIOD), last=True), arrived("collect"), failed)
    tasks.run_beside(lambda: run.stage(lambda reader: stats.calibration(reader, SCOPE, PERIOD), last=True), arrived("calibration"), failed)
    loop.exec()
    wall, cpu = ms_since(started), (time.process_time() - cpu) * 1000
    if errors:
        raise errors[0]
    return wall, cpu, arrivals, tuple(results[name] for name in STAGES)


def alone(heat: Collection) -> dict[str, tuple[float, float]]:
    """Each stage alone on `heat` (in this thread, one after another): {stage: (wall ms, process CPU
    ms)}; `collect` reads on four connections at once, calibration on one."""
    stages = {
        "glance": lambda: stats.glance(heat, SCOPE),
        "collect": lambda: stats.collect(heat, SCOPE, PERIOD),
        "calibration": lambda: stats.calibration(heat, SCOPE, PERIOD),
    }
    measured = {}
    for stage, compute in stages.items():
        started, cpu = time.perf_counter(), time.process_time()
        compute()
        measured[stage] = (ms_since(started), (time.process_time() - cpu) * 1000)
    return measured


@contextmanager
def computed(results: tuple):
    """The window's three stages return `results` at once."""
    glance, statistics_, calibration = results
    with mock.patch.object(stats, "glance", lambda reader, scope: glance), \
            mock.patch.object(stats, "collect", lambda reader, scope, period: statistics_), \
            mock.patch.object(stats, "calibration", lambda reader, scope, period: calibration):
        yield


class PaintCounter(QObject):
    """Counts the paints of the widgets it watches."""

    def __init__(self):
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event):  # Qt's name
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def reopened(window: StatisticsWindow, results: tuple, counter: PaintCounter) -> tuple[float, float]:
    """(ms to every panel drawn and painted, UI thread CPU ms) of `window.reopen` given `results`,
    computed in the UI thread as for an in-memory collection: no workers. A panel is drawn only
    when its numbers differ from those it shows (`PanelView.show_panel`)."""
    loop = QEventLoop()
    window.all_panels_drawn.connect(loop.quit)
    app = QApplication.instance()
    try:
        with computed(results):
            window._in_worker = False
            started, cpu = time.perf_counter(), time.thread_time()
            window.reopen(DECK)
            loop.exec()
            painted = time.perf_counter()
            while True:  # the paints the last panels asked for, and those they lead to
                before = counter.paints
                app.processEvents()
                if counter.paints == before:
                    break
                painted = time.perf_counter()
            return (painted - started) * 1000, (time.thread_time() - cpu) * 1000
    finally:
        window.all_panels_drawn.disconnect(loop.quit)
        window._in_worker = True
        window.close()


def drawing(window: StatisticsWindow, results: tuple, other: tuple) -> tuple[float, float]:
    """`reopened(window, results)` after a reopening that showed `other` (numbers that differ in
    every panel: each is drawn again)."""
    counter = PaintCounter()
    painted_widgets = [view.body.viewport() for view in window.panels.values() if view.body is not None]  # charts and the table
    for widget in painted_widgets:
        widget.installEventFilter(counter)
    try:
        reopened(window, other, counter)
        return reopened(window, results, counter)
    finally:
        for widget in painted_widgets:
            widget.removeEventFilter(counter)


def building(heat: Collection, tasks: BackgroundTasks, results: tuple) -> float:
    """ms to construct a fresh window and make every panel's body (charts, table)."""
    loop = QEventLoop()
    with computed(results):
        started = time.perf_counter()
        window = StatisticsWindow(heat, tasks, DECK)
        for view in window.panels.values():
            view.make_body()
        built = ms_since(started)
        window.all_panels_drawn.connect(loop.quit)
        window.show()
        loop.exec()  # the run it started ends before the window goes
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return built


def opened_window(heat: Collection, tasks: BackgroundTasks) -> StatisticsWindow:
    """A window opened once (its charts built, its first run complete), then closed, as the main window keeps it."""
    window = StatisticsWindow(heat, tasks, DECK)
    loop = QEventLoop()
    window.all_panels_drawn.connect(loop.quit)
    window.show()
    loop.exec()
    window.all_panels_drawn.disconnect(loop.quit)
    window.close()
    return window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    synthetic_arguments(parser)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None, help="where the copies go (default: a new temporary folder)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    synth = ensure_synth(args.notes, args.days, args.seed, args.work)
    cache = args.work / f"n{args.notes}" / "stats"  # bench_stats.py's collections
    heat_cached, anki_cached = cache / "heatcards" / "collection.heatcards", cache / "anki" / "collection.anki2"
    cached(load_heatcards, synth / "synthetic.apkg", heat_cached)
    cached(import_anki, synth / "synthetic.apkg", anki_cached)
    out = args.out or Path(tempfile.mkdtemp(prefix="heatcards-stats-floor-"))
    heat_path, anki_path = out / "heatcards" / "collection.heatcards", out / "anki" / "collection.anki2"
    copy_sqlite(heat_cached, heat_path)
    copy_sqlite(anki_cached, anki_path)
    print(f"copies in {out}", flush=True)

    from anki.collection import Collection as AnkiCollection

    QApplication.instance() or QApplication(sys.argv[:1])
    heat = Collection(heat_path, install_heat_deck=False)
    anki = AnkiCollection(str(anki_path))
    tasks = BackgroundTasks()
    names = (
        "workers", "workers_cpu", *(f"{stage}_arrives" for stage in STAGES), *(f"{stage}_alone{kind}" for stage in STAGES for kind in ("", "_cpu")),
        "drawing", "drawing_cpu", "building", "anki",
    )
    times: dict[str, list[float]] = {name: [] for name in names}
    try:
        stats.calibration(heat, SCOPE, PERIOD)  # the calibration cache made (all cards: a few seconds), then warm
        anki._backend.graphs(search=ANKI_SEARCH, days=ANKI_DAYS[PERIOD])
        window = opened_window(heat, tasks)
        whole = stats.Scope()  # the other numbers shown between two timed drawings
        other = (stats.glance(heat, whole), stats.collect(heat, whole, PERIOD), stats.calibration(heat, whole, PERIOD))
        for run in range(args.repeat):
            started = time.perf_counter()
            anki._backend.graphs(search=ANKI_SEARCH, days=ANKI_DAYS[PERIOD])
            times["anki"].append(ms_since(started))
            wall, cpu, arrivals, results = workers(heat, tasks)
            times["workers"].append(wall)
            times["workers_cpu"].append(cpu)
            for stage in STAGES:
                times[f"{stage}_arrives"].append(arrivals[stage])
            for stage, (wall, cpu) in alone(heat).items():
                times[f"{stage}_alone"].append(wall)
                times[f"{stage}_alone_cpu"].append(cpu)
            wall, cpu = drawing(window, results, other)
            times["drawing"].append(wall)
            times["drawing_cpu"].append(cpu)
            times["building"].append(building(heat, tasks, results))
            print(
                f"  run {run + 1}/{args.repeat}: Anki {times['anki'][-1]:6.1f}  workers {times['workers'][-1]:6.1f}"
                f" (CPU {times['workers_cpu'][-1]:6.1f})  drawing {times['drawing'][-1]:6.1f}  building {times['building'][-1]:6.1f} ms",
                flush=True,
            )
    finally:
        tasks.shutdown()
        heat.close()
        anki.close()

    median = {name: statistics.median(values) for name, values in times.items()}
    anki_ms = median["anki"]
    floor_built = max(median["workers"], median["drawing"], (median["workers_cpu"] + median["drawing_cpu"]) / 2)
    floor_fresh = max(
        median["workers"], median["building"] + median["drawing"],
        (median["workers_cpu"] + median["building"] + median["drawing_cpu"]) / 2,
    )
    rows = (
        ("workers: glance, collect and calibration, wall", median["workers"]),
        ("  their CPU time (both threads)", median["workers_cpu"]),
        *((f"  {stage} handed back", median[f"{stage}_arrives"]) for stage in STAGES),
        *(
            row for stage in STAGES
            for row in ((f"{stage} alone, wall", median[f"{stage}_alone"]), ("  its CPU time", median[f"{stage}_alone_cpu"]))
        ),
        ("drawing: a built window given the results, to every panel painted", median["drawing"]),
        ("  its UI thread's CPU time", median["drawing_cpu"]),
        ("building: a fresh window and its charts", median["building"]),
        ("floor with the charts built beforehand: max(workers, drawing, their CPU / 2)", floor_built),
        ("floor of a first opening: max(workers, building + drawing, all CPU / 2)", floor_fresh),
        ("Anki graphs() (deck, 30 days)", anki_ms),
    )
    lines = [
        f"{args.notes:,} notes; deck {DECK}, 1 month; medians of {args.repeat} runs ({time.strftime('%Y-%m-%d %H:%M')}); "
        f"load average {os.getloadavg()[0]:.1f}",
        "",
        "| part | ms | / Anki's graphs() |",
        "|---|---|---|",
        *(f"| {label} | {value:.0f} | {value / anki_ms:.2f} |" for label, value in rows),
    ]
    show_and_save("\n".join(lines), {"notes": args.notes, "repeat": args.repeat, "times": times}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
