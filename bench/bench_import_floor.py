#!/usr/bin/env python3
"""How fast could a fresh import be? The SQLite writing alone, beside Anki's whole import, in one run.

Issue 4 asks a fresh import of the 100,000-note synthetic package in at most half of Anki's time.
This script measures the part of a fresh import that no reader or converter can remove: writing the
rows into the collection. It imports the package into heatcards once (`transfer.import_file`), then,
run after run, copies those rows, already converted, table to table into a new file, and times:

  schema      a fresh collection with heatcards' schema (`Collection(path)`): notes (sort keys
              included), the full-text index's texts, cards, the review log with its indexes
              (dropped before the copy and built after it, as the importer does) and the commit.
              The triggers that fill the full-text index are set aside as the importer sets them aside.
  lean        the same rows into a schema as lean as Anki's: no full-text index, the log keyed by an
              integer, one index on the log (by card). What the writing would cost without the
              indexes heatcards' search, statistics and study rely on.
  Anki        Anki's own `import_anki_package` of the same package into a fresh collection (reading,
              converting and writing), the figure issue 4's goal is measured against.

Both copies start from a fresh file and read their source from the page cache (a copy before the
first run warms it). The engines alternate who goes first, run by run.

Usage:
  .venv/bin/python bench/bench_import_floor.py --notes 100000 [--repeat 3] [--work /tmp/heatcards-bench] [--json out.json]
"""
from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from bench_study import ensure_synth, load_anki_peer, show_and_save, synthetic_arguments
from bench_transfer import AnkiTransfer, HeatcardsTransfer, fresh_folder

from heatcards.collection import Collection

LEAN_SCHEMA = """
    CREATE TABLE notes AS SELECT * FROM source.notes WHERE 0;
    CREATE TABLE cards AS SELECT * FROM source.cards WHERE 0;
    CREATE TABLE revlog (
        id INTEGER PRIMARY KEY, card_id INTEGER NOT NULL, time INTEGER NOT NULL, rating INTEGER NOT NULL,
        state_before INTEGER NOT NULL, interval_before INTEGER NOT NULL, interval_after INTEGER NOT NULL,
        due_after INTEGER NOT NULL, stability REAL, difficulty REAL, duration_ms INTEGER NOT NULL, kind TEXT NOT NULL
    );
"""
# The log's integer key: its time in microseconds plus the row's place within a millisecond (the
# synthetic log has no two reviews of one card in one millisecond, and `INTEGER PRIMARY KEY` would
# refuse a repeated key).
LEAN_COPY = (
    "INSERT INTO notes SELECT * FROM source.notes",
    "INSERT INTO cards SELECT * FROM source.cards",
    "INSERT INTO revlog SELECT time * 1000 + rowid % 1000, card_id, time, rating, state_before, interval_before,"
    " interval_after, due_after, stability, difficulty, duration_ms, kind FROM source.revlog",
    "CREATE INDEX revlog_by_card ON revlog (card_id)",
)


def connect(path: Path, source: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("ATTACH ? AS source", (str(source),))
    return db


def timed_copy(db: sqlite3.Connection, statements: list[str]) -> float:
    started = time.perf_counter()
    db.execute("BEGIN")
    for statement in statements:
        db.execute(statement)
    db.execute("COMMIT")
    return time.perf_counter() - started


def schema_copy(source: Path, folder: Path) -> float:
    """Seconds to write `source`'s rows into a fresh collection with heatcards' schema."""
    path = fresh_folder(folder) / "collection.heatcards"
    Collection(path, install_heat_deck=False).close()
    db = connect(path, source)
    try:
        columns = ", ".join(row[1] for row in db.execute("PRAGMA main.table_xinfo(revlog)") if row[6] == 0)  # not generated
        indexes = db.execute(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = 'revlog' AND sql IS NOT NULL"
        ).fetchall()
        db.execute("BEGIN")
        db.execute("DROP TRIGGER notes_text_after_insert")
        for name, _ in indexes:
            db.execute(f"DROP INDEX {name}")
        db.execute("COMMIT")
        return timed_copy(db, [
            "INSERT INTO main.notes SELECT * FROM source.notes",
            "INSERT INTO main.notes_text (rowid, text) SELECT rowid, text FROM source.notes_text",
            "INSERT INTO main.cards SELECT * FROM source.cards",
            f"INSERT INTO main.revlog ({columns}) SELECT {columns} FROM source.revlog",
            *(sql for _, sql in indexes),
        ])
    finally:
        db.close()


def lean_copy(source: Path, folder: Path) -> float:
    """Seconds to write `source`'s rows into the lean schema."""
    path = fresh_folder(folder) / "lean.sqlite"
    db = connect(path, source)
    try:
        db.executescript(LEAN_SCHEMA)
        return timed_copy(db, list(LEAN_COPY))
    finally:
        db.close()


def anki_import(apkg: Path, folder: Path) -> float:
    anki = AnkiTransfer(folder)
    try:
        started = time.perf_counter()
        anki.import_package(apkg)
        return time.perf_counter() - started
    finally:
        anki.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    synthetic_arguments(ap)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    if not load_anki_peer():
        return 2

    apkg = ensure_synth(a.notes, a.days, a.seed, a.work) / "synthetic.apkg"
    work = a.work / f"n{a.notes}" / "import-floor"
    source = HeatcardsTransfer(work / "source")
    try:
        source.import_package(apkg)
    finally:
        source.close()
    source_path = source.folder / "collection.heatcards"
    schema_copy(source_path, work / "schema")  # warms the page cache with the source's pages

    measures = {"schema": lambda: schema_copy(source_path, work / "schema"),
                "lean": lambda: lean_copy(source_path, work / "lean"),
                "Anki": lambda: anki_import(apkg, work / "anki")}
    seconds: dict[str, list[float]] = {name: [] for name in measures}
    for run in range(a.repeat):
        for name in (list(measures) if run % 2 == 0 else list(measures)[::-1]):
            seconds[name].append(measures[name]())
            print(f"  run {run + 1}/{a.repeat} {name:6s} {seconds[name][-1]:6.2f} s", flush=True)

    anki = statistics.median(seconds["Anki"])
    lines = [f"{a.notes:,} notes; medians of {a.repeat} runs ({time.strftime('%Y-%m-%d %H:%M')})", "",
             "| work | seconds | / Anki's import |", "|---|---|---|"]
    for name, label in (("schema", "writing the rows, heatcards' schema"), ("lean", "writing the rows, a lean schema"),
                        ("Anki", "Anki's whole import")):
        median = statistics.median(seconds[name])
        lines.append(f"| {label} | {median:.2f} | {median / anki:.2f} |")
    show_and_save("\n".join(lines), {"notes": a.notes, "repeat": a.repeat, "seconds": seconds}, a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
