#!/usr/bin/env python3
"""Statistics benchmark: heatcards' panels beside Anki's `graphs()`, in one run, on the same data.

Both engines import the same synthetic package (../shared/peer/synth.py via bench_study.py's cache):
heatcards with `heatcards.transfer.import_file`, Anki with its own import. Both collections are
cached in --work and copied aside before timing. For each period (month, year, all time) and scope
(the whole collection, the deck, a tag holding a tenth of the cards) the script times:

  heatcards   stats.collect(collection, scope, period): every panel Anki's statistics screen has
  Anki        col._backend.graphs(search, days): the data behind Anki's screen (30, 365, 0 days)
  calibration stats.calibration(collection, scope, period), heatcards only (Anki has no such panel;
              the synthetic history is imported, so it records no memory states to score)

Each figure is the median of --repeat runs; the engines alternate run by run, so both see the same
machine. ratio = heatcards / Anki; the issue's goal is at most 0.5.

Usage:
  .venv/bin/python bench/bench_stats.py --notes 100000 [--work /tmp/heatcards-bench] [--repeat 5] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from bench_study import DECK, copy_sqlite, ensure_synth, import_anki, load_heatcards

from heatcards import stats
from heatcards.collection import Collection

# (label, heatcards scope, Anki search)
SCOPES = (
    ("whole collection", stats.Scope(), ""),
    (f"deck {DECK}", stats.Scope.deck(DECK), f"deck:{DECK}"),
    ("tag:lvl3 (a tenth of the cards)", stats.Scope.matching("tag:lvl3"), "tag:lvl3"),
)
ANKI_DAYS = {stats.Period.MONTH: 30, stats.Period.YEAR: 365, stats.Period.ALL: 0}


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


def run(work: Path, notes: int, days: int, seed: int, repeat: int) -> dict:
    synth = ensure_synth(notes, days, seed, work)
    cache = work / f"n{notes}" / "stats"
    heat_cached, anki_cached = cache / "heatcards" / "collection.heatcards", cache / "anki" / "collection.anki2"
    cached(load_heatcards, synth / "synthetic.apkg", heat_cached)
    cached(import_anki, synth / "synthetic.apkg", anki_cached)
    heat_path, anki_path = cache / "run" / "heatcards.heatcards", cache / "run" / "anki" / "collection.anki2"
    copy_sqlite(heat_cached, heat_path)
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
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=100000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/heatcards-bench"))
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
