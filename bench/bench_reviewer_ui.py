"""The study screen against the "never freezes for more than 100 ms" goal, on a large collection.

    .venv/bin/python bench/bench_reviewer_ui.py [--notes 100000] [--answers 300]

Opens the main window offscreen on a copy of bench_study.py's synthetic collection
(built from ../shared/peer/synth.py), starts studying, and answers cards the way a
person does: Space (show the answer), then 3 (Good). Each step is timed from the key
press until the next screen has been painted. Anki's desktop reviewer is not in the
`anki` package (it lives in `aqt`, with a web view), so there is no peer in this
benchmark: the figure is judged against the 100 ms budget, and bench_study.py holds
the core's answer + next card beside Anki's.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_study import PEER, copy_sqlite, ensure_synth, load_heatcards, synthetic_arguments  # noqa: E402

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from heatcards.collection import Collection  # noqa: E402
from heatcards.ui.main_window import MainWindow  # noqa: E402

BUDGET_MS = 100


def painted_after(widget, key: Qt.Key) -> float:
    """Milliseconds from pressing `key` on `widget` until the window has repainted."""
    started = time.perf_counter()
    QTest.keyClick(widget, key)
    widget.window().repaint()
    QApplication.processEvents()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    synthetic_arguments(parser)
    parser.add_argument("--answers", type=int, default=300)
    args = parser.parse_args()
    if not PEER.is_dir():
        print(f"error: the Anki peer scripts are missing: expected {PEER}", file=sys.stderr)
        return 2
    synth = ensure_synth(args.notes, args.days, args.seed, args.work)
    pristine = args.work / f"n{args.notes}" / "heatcards" / "pristine.heatcards"
    if not pristine.exists():
        load_heatcards(synth / "synthetic.apkg", pristine)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(dir=args.work) as folder:
        path = Path(folder) / "collection.heatcards"
        copy_sqlite(pristine, path)
        collection = Collection(path, install_heat_deck=False)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        started = time.perf_counter()
        window = MainWindow(collection, settings)
        window.resize(900, 600)
        window.show()
        QApplication.processEvents()
        open_ms = (time.perf_counter() - started) * 1000
        window.select_deck(collection.deck_named("Synthetic").id)
        started = time.perf_counter()
        QTest.keyClick(window, Qt.Key.Key_S)
        QApplication.processEvents()
        study_ms = (time.perf_counter() - started) * 1000
        reviewer = window.reviewer
        show, answer = [], []
        for _ in range(args.answers):
            show.append(painted_after(reviewer, Qt.Key.Key_Space))
            answer.append(painted_after(reviewer, Qt.Key.Key_3))
        window.close()
        collection.close()
    del app

    def line(name: str, samples: list[float]) -> str:
        ordered = sorted(samples)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        return f"| {name} | {statistics.median(samples):.1f} | {p99:.1f} | {ordered[-1]:.1f} |"

    print(f"{args.notes} notes, {args.answers} answers, budget {BUDGET_MS} ms, disk at {args.work}")
    print(f"open the main window (deck counts): {open_ms:.0f} ms; open the study screen: {study_ms:.0f} ms")
    print("| step | median ms | p99 ms | max ms |\n|---|---|---|---|")
    print(line("Space: show the answer", show))
    print(line("3: answer Good, next card painted", answer))
    worst = max(max(show), max(answer))
    print(f"worst step {worst:.1f} ms: {'within' if worst <= BUDGET_MS else 'OVER'} the {BUDGET_MS} ms budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
