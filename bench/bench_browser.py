#!/usr/bin/env python3
"""Browser benchmark: heatcards beside Anki, in one run, on the same synthetic collection.

Reuses bench_study.py's synthetic collection and loaders (cached in --work), copies both
collections aside, then times, for each engine, the work behind the browser:

  open       all cards, sorted by the sort field (what opening the browser on deck:* runs)
  search     a plain word in ~11 notes, and a phrase in ~11% of the notes
  sort       all cards by due, and by the sort field descending
  screen     the rows of one screen (40 rows, the default card columns) at 20 places, as
             scrolling reads them: heatcards `browser_rows` + cell text; Anki `browser_row_for_id`

Each figure is the median of --repeat runs; the engines alternate run by run.

Usage:
  .venv/bin/python bench/bench_browser.py --notes 100000 [--work /tmp/heatcards-bench] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from bench_study import copy_sqlite, ensure_synth, import_anki, load_anki_peer, load_heatcards, synthetic_arguments

from heatcards.browsing import DEFAULT_COLUMNS, cell_text
from heatcards.collection import Collection

SCREEN_ROWS = 40
SCREENS = 20
ANKI_COLUMNS = ["noteFld", "template", "cardDue", "deck"]  # Anki's default card columns


def median_ms(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, result


class HeatcardsBrowser:
    name = "heatcards"

    def __init__(self, path: Path):
        self.col = Collection(path, install_heat_deck=False)
        self.context = self.col.cell_context()

    def find(self, query: str, order: str, descending: bool = False) -> list[int]:
        return self.col.find_cards(query, order=order, descending=descending)

    def work(self) -> dict:
        return {
            "open": lambda: self.find("deck:*", "sort_field"),
            "search_word": lambda: self.find("word4242", "sort_field"),
            "search_phrase": lambda: self.find('"meaning of word9"', "sort_field"),
            "sort_due": lambda: self.find("deck:*", "due"),
            "sort_text_desc": lambda: self.find("deck:*", "sort_field", True),
        }

    def screen(self, ids: list[int]) -> list[list[str]]:
        rows = self.col.browser_rows(ids)
        return [[cell_text(key, row, self.context) for key in DEFAULT_COLUMNS] for row in rows]

    def close(self) -> None:
        self.col.close()


class AnkiBrowser:
    name = "Anki"

    def __init__(self, path: Path):
        from anki.collection import Collection as AnkiCollection

        self.col = AnkiCollection(str(path))
        self.col.set_browser_card_columns(ANKI_COLUMNS)
        self.columns = {key: self.col.get_browser_column(key) for key in ("noteFld", "cardDue")}

    def find(self, query: str, order: str, descending: bool = False) -> list[int]:
        return list(self.col.find_cards(query, order=self.columns[order], reverse=descending))

    def work(self) -> dict:
        return {
            "open": lambda: self.find("deck:*", "noteFld"),
            "search_word": lambda: self.find("word4242", "noteFld"),
            "search_phrase": lambda: self.find('"meaning of word9"', "noteFld"),
            "sort_due": lambda: self.find("deck:*", "cardDue"),
            "sort_text_desc": lambda: self.find("deck:*", "noteFld", True),
        }

    def screen(self, ids: list[int]) -> list[list[str]]:
        return [[cell[0] for cell in self.col.browser_row_for_id(i)[0]] for i in ids]

    def close(self) -> None:
        self.col.close()


def run(engines: list, repeat: int, seed: int) -> dict[str, dict]:
    results: dict[str, dict] = {e.name: {} for e in engines}
    for task in engines[0].work():
        samples: dict[str, list[float]] = {e.name: [] for e in engines}
        counts = {}
        for _ in range(repeat):
            for engine in engines:
                ms, found = median_ms(engine.work()[task], 1)
                samples[engine.name].append(ms)
                counts[engine.name] = len(found)
        for engine in engines:
            results[engine.name][task] = statistics.median(samples[engine.name])
            results[engine.name][f"{task}.rows"] = counts[engine.name]
    for engine in engines:
        ids = engine.find("deck:*", "sort_field" if engine.name == "heatcards" else "noteFld")
        places = random.Random(seed).sample(range(0, len(ids) - SCREEN_ROWS), SCREENS)
        times = []
        for start in places:
            ms, rows = median_ms(lambda: engine.screen(ids[start:start + SCREEN_ROWS]), 1)
            assert len(rows) == SCREEN_ROWS
            times.append(ms)
        results[engine.name]["screen"] = statistics.median(times)
        results[engine.name]["screen.p90"] = sorted(times)[int(len(times) * 0.9) - 1]
    return results


LABELS = [
    ("open", "open: all cards sorted by sort field"),
    ("search_word", "search a word (few notes)"),
    ("search_phrase", "search a phrase (~11% of notes)"),
    ("sort_due", "sort all cards by due"),
    ("sort_text_desc", "sort all cards by sort field, descending"),
    ("screen", f"rows of one screen ({SCREEN_ROWS} rows), median of {SCREENS} places"),
    ("screen.p90", "rows of one screen, p90"),
]


def report(results: dict, notes: int) -> str:
    h, a = results["heatcards"], results["Anki"]
    lines = [f"N = {notes:,} notes ({h['open.rows']:,} cards in heatcards, {a['open.rows']:,} in Anki)", "",
             "| work | heatcards | Anki | ratio |", "|---|---|---|---|"]
    for key, label in LABELS:
        rows = f" ({h[key + '.rows']:,} / {a[key + '.rows']:,} rows)" if key + ".rows" in h else ""
        lines.append(f"| {label}{rows} | {h[key]:.1f} ms | {a[key]:.1f} ms | {h[key] / a[key]:.2f} |")
    lines.append("")
    lines.append("ratio = heatcards / Anki (< 1: heatcards faster); medians.")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    synthetic_arguments(ap)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    if not load_anki_peer():
        return 2

    work = a.work / f"n{a.notes}"
    synth = ensure_synth(a.notes, a.days, a.seed, a.work)
    hc_pristine = work / "heatcards" / "pristine.heatcards"
    anki_pristine = work / "anki" / "pristine" / "collection.anki2"
    if not hc_pristine.exists():
        load_heatcards(synth / "synthetic.apkg", hc_pristine)
    if not anki_pristine.exists():
        import_anki(synth / "synthetic.apkg", anki_pristine)
    hc = work / "browser" / "heatcards" / "collection.heatcards"
    ak = work / "browser" / "anki" / "collection.anki2"
    if not hc.exists():  # the first open runs heatcards' migrations (the full-text index): kept for later runs
        copy_sqlite(hc_pristine, hc)
        t = time.perf_counter()
        Collection(hc, install_heat_deck=False).close()
        print(f"heatcards: migrated the copy in {time.perf_counter() - t:.1f} s (once)")
    copy_sqlite(anki_pristine, ak)

    engines = [HeatcardsBrowser(hc), AnkiBrowser(ak)]
    try:
        results = run(engines, a.repeat, a.seed)
    finally:
        for engine in engines:
            engine.close()
    table = report(results, a.notes)
    print(table)
    if a.json:
        a.json.write_text(json.dumps({"notes": a.notes, "results": results, "table": table}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
