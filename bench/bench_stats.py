#!/usr/bin/env python3
"""Statistics benchmark: heatcards' panels beside Anki's `graphs()`, in one run, on the same data.

Both engines import the same synthetic package (../shared/peer/synth.py via bench_study.py's cache):
heatcards with `heatcards.transfer.import_file`, Anki with its own import. Both collections are
cached in --work and copied aside before timing. For each period (month, year, all time) and scope
(the whole collection, the deck, a tag holding a tenth of the cards) the script times:

  heatcards   stats.collect(collection, scope, period): every panel Anki's statistics screen has. The
              whole log's answers by hour kept beside the copy (`storage.answer_hours`) are deleted
              first: the untimed warm-up call of the first row long enough builds them (a month of
              this log's year is not), and every later timed call and the window read them (warm)
  Anki        col._backend.graphs(search, days): the data behind Anki's screen (30, 365, 0 days)
  calibration stats.calibration(collection, scope, period), heatcards only (Anki has no such panel;
              the synthetic history is imported without memory states, so they are replayed). The
              calibration cache beside the copy is deleted first: the first call (a month of the
              whole collection) derives every card; every later one reads the cache (warm)

Then the statistics window itself (offscreen) on the open collection, as a person uses it: opening
it (the deck, 1 month), choosing 1 year, choosing the whole collection, then typing a search
(`tag:lvl3`, a tenth of the cards: "Search…" chosen and the search typed untimed, the step timed from
its Enter), then closing it and opening it again (the main window keeps the window it closed: the
later opening finds its charts built, `StatisticsWindow.reopen`; the first opening builds them).
The synthetic deck holds every card, so the whole collection has the deck's numbers and no chart of
that step is drawn again; the search is a scope of other cards, and every chart has other numbers
to draw. Each step is timed to the
first useful paint (today and card counts drawn, `first_panels_drawn`) and to every panel drawn
(`all_panels_drawn`, calibration included), with the longest time the UI thread did not answer
meanwhile (the largest gap between ticks of a 5 ms timer), beside what Anki's own statistics screen
waits for in the same state: its page opens on `deck:current` with a year of history
(ts/routes/graphs/+page.svelte: `initialDays={365}`) and offers only a year or all history
(RangeBox.svelte: 365 or 0 days), changing a graph's 1-month/3-month/1-year choice on the fetched
data without asking again. So an opening, whatever heatcards' period, is set beside graphs(deck,
365), the whole collection over a year beside graphs("", 365) and the search beside
graphs("tag:lvl3", 365) (`ANKI_SCREEN_DAYS`). Anki's figure
leaves out the drawing of its web page, which heatcards' includes. The graphs() call for heatcards'
own period (30 days for a month, a call Anki's screen never makes) is reported beside it.

Each figure is the median of --repeat runs; the engines alternate run by run, so both see the same
machine. ratio = heatcards / Anki; the issue's goal is at most 0.5.

Usage:
  .venv/bin/python bench/bench_stats.py --notes 100000 [--work /tmp/heatcards-bench] [--repeat 5] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from bench_study import DECK, copy_sqlite, ensure_synth, import_anki, load_heatcards, synthetic_arguments

from heatcards import stats
from heatcards.collection import Collection
from heatcards.storage.answer_hours import answer_hours_path
from heatcards.storage.calibration_cache import cache_path
from heatcards.storage.kept_file import delete_kept_file

SEARCH = "tag:lvl3"  # a tenth of the synthetic cards
# (label, heatcards scope, Anki search)
SCOPES = (
    ("whole collection", stats.Scope(), ""),
    (f"deck {DECK}", stats.Scope.deck(DECK), f"deck:{DECK}"),
    (f"{SEARCH} (a tenth of the cards)", stats.Scope.matching(SEARCH), SEARCH),
)
ANKI_DAYS = {stats.Period.MONTH: 30, stats.Period.YEAR: 365, stats.Period.ALL: 0}
# the history Anki's statistics screen fetches for a period: a year, unless all history is chosen
ANKI_SCREEN_DAYS = {stats.Period.MONTH: 365, stats.Period.YEAR: 365, stats.Period.ALL: 0}


def elapsed_ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def cached(load, apkg: Path, path: Path) -> None:
    """`load(apkg, path)` (bench_study's importers) once: a stamp beside `path` says it finished."""
    stamp = path.with_name("imported.json")
    if stamp.exists() and json.loads(stamp.read_text()).get("package") == str(apkg):
        print(f"reusing {path}")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    load(apkg, path)
    stamp.write_text(json.dumps({"package": str(apkg)}))


def window_times(heat: Collection) -> list[tuple[float, float, float]]:
    """What a person waits for in the statistics window on `heat` (held open, as the app holds it):
    opening it (the deck over a month), then choosing 1 year, then the whole collection, then the
    search `SEARCH` (typed, then Enter), then closing it and opening it again (as the main window
    does). For each: (first useful paint, every panel drawn, longest time the UI thread did not
    answer), in ms."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from heatcards.ui.stats_window import StatisticsWindow
    from heatcards.ui.tasks import BackgroundTasks

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication.instance() or QApplication(sys.argv[:1])
    tasks = BackgroundTasks()
    ticks: list[float] = []
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    marks: dict[str, float] = {}
    loop = QEventLoop()
    measured = []

    def wait(change) -> None:
        marks.clear()
        ticks.clear()
        started = time.perf_counter()
        change()
        loop.exec()
        gaps = [b - a for a, b in zip([started, *ticks], ticks)]
        measured.append(((marks["first"] - started) * 1000, (marks["all"] - started) * 1000, max(gaps, default=0) * 1000))

    try:
        ticker.start()
        window = None

        def open_window() -> None:
            nonlocal window
            window = StatisticsWindow(heat, tasks, DECK)
            window.first_panels_drawn.connect(lambda: marks.setdefault("first", time.perf_counter()))
            window.all_panels_drawn.connect(lambda: (marks.setdefault("all", time.perf_counter()), loop.quit()))
            window.show()

        wait(open_window)
        wait(lambda: window.period_combo.setCurrentIndex(1))
        wait(lambda: window.scope_combo.setCurrentIndex(0))
        window.scope_combo.setCurrentIndex(window.scope_combo.findText("Search…"))
        QTest.keyClicks(window.search_edit, SEARCH)
        wait(lambda: QTest.keyClick(window.search_edit, Qt.Key.Key_Return))
        window.close()
        wait(lambda: window.reopen(DECK))
        window.close()
        ticker.stop()
        return measured
    finally:
        tasks.shutdown()


def run(work: Path, notes: int, days: int, seed: int, repeat: int) -> dict:
    synth = ensure_synth(notes, days, seed, work)
    cache = work / f"n{notes}" / "stats"
    heat_cached, anki_cached = cache / "heatcards" / "collection.heatcards", cache / "anki" / "collection.anki2"
    cached(load_heatcards, synth / "synthetic.apkg", heat_cached)
    cached(import_anki, synth / "synthetic.apkg", anki_cached)
    heat_path, anki_path = cache / "run" / "heatcards.heatcards", cache / "run" / "anki" / "collection.anki2"
    copy_sqlite(heat_cached, heat_path)
    delete_kept_file(cache_path(heat_path))
    delete_kept_file(answer_hours_path(heat_path))
    copy_sqlite(anki_cached, anki_path)

    from anki.collection import Collection as AnkiCollection

    heat = Collection(heat_path, install_heat_deck=False)
    anki = AnkiCollection(str(anki_path))
    results = {"notes": notes, "reviews": heat.store.review_count(), "repeat": repeat, "rows": []}
    try:
        for period in stats.Period:
            for label, scope, search in SCOPES:
                # warm both caches once, then alternate
                stats.collect(heat, scope, period)
                anki._backend.graphs(search=search, days=ANKI_DAYS[period])
                heat_ms, anki_ms, calibration_ms = [], [], []
                for _ in range(repeat):
                    heat_ms.append(elapsed_ms(lambda: stats.collect(heat, scope, period)))
                    anki_ms.append(elapsed_ms(lambda: anki._backend.graphs(search=search, days=ANKI_DAYS[period])))
                    calibration_ms.append(elapsed_ms(lambda: stats.calibration(heat, scope, period)))
                row = {
                    "period": period.value,
                    "scope": label,
                    "heatcards_ms": statistics.median(heat_ms),
                    "anki_ms": statistics.median(anki_ms),
                    "calibration_ms": statistics.median(calibration_ms),
                }
                row["ratio"] = row["heatcards_ms"] / row["anki_ms"]
                results["rows"].append(row)
                print(
                    f"{period.value:>5}  {label:<32} heatcards {row['heatcards_ms']:8.1f} ms   Anki {row['anki_ms']:8.1f} ms"
                    f"   ratio {row['ratio']:.2f}   calibration {row['calibration_ms']:.1f} ms",
                    flush=True,
                )
        results["window"] = []
        sessions = [window_times(heat) for _ in range(repeat)]
        month, year = stats.Period.MONTH, stats.Period.YEAR
        steps = (
            ("open: deck, 1 month", f"deck:{DECK}", month), ("then 1 year", f"deck:{DECK}", year), ("then whole collection", "", year),
            (f"then a search: {SEARCH}", SEARCH, year), ("closed, opened again", f"deck:{DECK}", month),
        )
        for index, (label, search, period) in enumerate(steps):
            screen_ms, same_period_ms = [], []
            for _ in range(repeat):
                screen_ms.append(elapsed_ms(lambda: anki._backend.graphs(search=search, days=ANKI_SCREEN_DAYS[period])))
                same_period_ms.append(elapsed_ms(lambda: anki._backend.graphs(search=search, days=ANKI_DAYS[period])))
            first, complete, freeze = (statistics.median(session[index][k] for session in sessions) for k in range(3))
            row = {
                "step": label, "first_ms": first, "complete_ms": complete, "freeze_ms": freeze,
                "anki_screen_days": ANKI_SCREEN_DAYS[period], "anki_ms": statistics.median(screen_ms),
                "anki_same_period_days": ANKI_DAYS[period], "anki_same_period_ms": statistics.median(same_period_ms),
            }
            results["window"].append(row)
            print(
                f"window {label:<24} first paint {first:7.1f} ms   complete {complete:8.1f} ms   longest freeze {freeze:6.1f} ms"
                f"   Anki's screen {row['anki_ms']:8.1f} ms   complete/Anki {complete / row['anki_ms']:.2f}"
                f"   (graphs for {ANKI_DAYS[period]} days {row['anki_same_period_ms']:.1f} ms: {complete / row['anki_same_period_ms']:.2f})",
                flush=True,
            )
    finally:
        heat.close()
        anki.close()
    return results


def report(results: dict) -> str:
    lines = [
        f"{results['notes']:,} notes, {results['reviews']:,} reviews; medians of {results['repeat']}; "
        "ratio = heatcards / Anki (< 1 is faster)",
        "",
        "| period | scope | heatcards | Anki | ratio | calibration |",
        "|---|---|---|---|---|---|",
    ]
    for r in results["rows"]:
        lines.append(
            f"| {r['period']} | {r['scope']} | {r['heatcards_ms']:.0f} ms | {r['anki_ms']:.0f} ms | {r['ratio']:.2f} "
            f"| {r['calibration_ms']:.0f} ms |"
        )
    lines += [
        "",
        "The statistics window (medians): time to the first useful paint, to every panel drawn, the longest",
        "the UI thread did not answer, beside the graphs() call Anki's own screen makes in the same state",
        "(the deck or the collection, 365 days unless all history) and, for reference, graphs() for heatcards' period:",
        "",
        "| step | first paint | complete | longest freeze | Anki's screen: graphs() | complete / Anki | graphs() for the period | complete / it |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results["window"]:
        lines.append(
            f"| {r['step']} | {r['first_ms']:.0f} ms | {r['complete_ms']:.0f} ms | {r['freeze_ms']:.0f} ms "
            f"| {r['anki_ms']:.0f} ms ({r['anki_screen_days']} days) | {r['complete_ms'] / r['anki_ms']:.2f} "
            f"| {r['anki_same_period_ms']:.0f} ms ({r['anki_same_period_days']} days) | {r['complete_ms'] / r['anki_same_period_ms']:.2f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    synthetic_arguments(parser)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    results = run(args.work, args.notes, args.days, args.seed, args.repeat)
    print()
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
