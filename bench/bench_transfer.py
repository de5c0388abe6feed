#!/usr/bin/env python3
"""Import and export benchmark: heatcards beside Anki, in one run, on the same Anki package.

Reuses bench_study.py's synthetic collection (cached in --work; built by the Anki peer's synth.py)
and its `synthetic.apkg` (with scheduling). Each run, for each engine in turn (who goes first
alternates run by run):

  import     the package into a fresh collection: Anki `import_anki_package` with scheduling and
             deck presets; heatcards `transfer.import_file` into `Collection(path, install_heat_deck=False)`
  export     that whole collection to a new .apkg with scheduling and media: Anki
             `export_anki_package`; heatcards `transfer.export_file` (what `heatcards export` runs)
  reimport   the same package again into the collection that now holds it (the update path:
             every note is found by GUID, no review is added twice); skipped with --no-reimport

Only the call itself is timed (creating and closing the collections are not). Each figure is
the median of --repeat runs (default 3 at 10,000 notes or fewer, else 2).

Usage:
  .venv/bin/python bench/bench_transfer.py --notes 10000 [--repeat 3] [--work /tmp/heatcards-bench] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

from bench_study import ensure_synth, load_anki_peer, show_and_save, synthetic_arguments, timed

from heatcards import transfer
from heatcards.collection import Collection

TASKS = ("import", "export", "reimport")
LABELS = {
    "import": "import .apkg into a fresh collection",
    "export": "export the collection to .apkg (scheduling, media)",
    "reimport": "import the same .apkg again (update path)",
}


def fresh_folder(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


class HeatcardsTransfer:
    name = "heatcards"

    def __init__(self, folder: Path):
        self.folder = fresh_folder(folder)
        self.col = Collection(self.folder / "collection.heatcards", install_heat_deck=False)

    def import_package(self, apkg: Path) -> dict:
        report, _ = transfer.import_file(self.col, apkg)
        return {"notes_added": report.added, "notes_unchanged": report.unchanged, "reviews_added": report.reviews_added}

    def export_package(self) -> dict:
        out = self.folder / "exported.apkg"
        report = transfer.export_file(self.col, out)
        return {"notes": report.notes, "reviews": report.reviews, "bytes": out.stat().st_size}

    def close(self) -> None:
        self.col.close()


class AnkiTransfer:
    name = "Anki"

    def __init__(self, folder: Path):
        from anki.collection import Collection as AnkiCollection

        self.folder = fresh_folder(folder)
        self.col = AnkiCollection(str(self.folder / "collection.anki2"))

    def import_package(self, apkg: Path) -> dict:
        from anki.collection import ImportAnkiPackageRequest
        from anki.import_export_pb2 import ImportAnkiPackageOptions

        out = self.col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(apkg), options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)))
        return {"notes_added": len(out.log.new), "notes_unchanged": len(out.log.duplicate) + len(out.log.updated)}

    def export_package(self) -> dict:
        from anki.collection import ExportAnkiPackageOptions

        out = self.folder / "exported.apkg"
        notes = self.col.export_anki_package(out_path=str(out), options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False), limit=None)
        return {"notes": notes, "bytes": out.stat().st_size}

    def close(self) -> None:
        self.col.close()


def run(apkg: Path, work: Path, repeat: int, reimport: bool) -> dict[str, dict]:
    """{engine: {task: [seconds per run], task + ".result": what the last run reported}}."""
    engines = (HeatcardsTransfer, AnkiTransfer)
    results: dict[str, dict] = {e.name: {task: [] for task in TASKS} for e in engines}
    for run_number in range(repeat):
        order = engines if run_number % 2 == 0 else engines[::-1]
        for engine_type in order:
            R = results[engine_type.name]
            engine = engine_type(work / engine_type.name)
            try:
                steps = [("import", engine.import_package, (apkg,)), ("export", engine.export_package, ())]
                if reimport:
                    steps.append(("reimport", engine.import_package, (apkg,)))
                for task, call, args in steps:
                    seconds, R[f"{task}.result"] = timed(call, *args)
                    R[task].append(seconds)
                    print(f"  run {run_number + 1}/{repeat} {engine.name:9s} {task:8s} {seconds:6.2f} s  {R[f'{task}.result']}")
            finally:
                engine.close()
    return results


def report(results: dict[str, dict], notes: int, reviews: int, repeat: int, anki_version: str) -> str:
    H, A = results["heatcards"], results["Anki"]
    lines = [f"N = {notes:,} notes, {reviews:,} reviews; medians of {repeat} runs (anki {anki_version}, "
             f"{time.strftime('%Y-%m-%d %H:%M')})", "",
             "| work | heatcards | Anki | ratio |", "|---|---|---|---|"]
    for task in TASKS:
        if not H[task]:
            continue
        h, a = statistics.median(H[task]), statistics.median(A[task])
        lines.append(f"| {LABELS[task]} | {h:.2f} s | {a:.2f} s | {h / a:.2f} |")
    lines += ["", "ratio = heatcards / Anki (< 1: heatcards faster)."]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    synthetic_arguments(ap)
    ap.add_argument("--repeat", type=int, default=None, help="runs per figure (default 3, or 2 above 10,000 notes)")
    ap.add_argument("--no-reimport", dest="reimport", action="store_false", help="skip importing the package a second time")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    if not load_anki_peer():
        return 2
    import anki.buildinfo

    repeat = a.repeat or (3 if a.notes <= 10000 else 2)
    synth = ensure_synth(a.notes, a.days, a.seed, a.work)
    reviews = json.loads((synth / "synth_result.json").read_text())["info"]["revlog"]
    results = run(synth / "synthetic.apkg", a.work / f"n{a.notes}" / "transfer", repeat, a.reimport)
    table = report(results, a.notes, reviews, repeat, anki.buildinfo.version)
    show_and_save(table, {"notes": a.notes, "reviews": reviews, "repeat": repeat, "results": results}, a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
