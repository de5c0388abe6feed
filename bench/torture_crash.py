#!/usr/bin/env python3
"""Crash test: kill a process that is studying at random moments; nothing it committed may be lost.

A child process opens a collection of new cards and studies it as fast as it can (random
ratings; a clock of its own that moves on by seconds to minutes per answer, so cards go through
learning into review). Each time `Collection.answer` returns, the answer is committed, and the
child appends "card_id time_ms" to a report file with one unbuffered write. The parent waits for
the child's first answer, then kills it with SIGKILL at a random moment, and checks the collection:

* SQLite's integrity check is ok;
* every answer the child reported is in the review log (an answer committed but killed before
  its report may be there too: that is not a loss);
* no answer is half applied: every studied card agrees with its review log (as many reviews as
  its repetitions, and due date, interval, memory state and last review as the last entry says).

After the last kill the whole `heatcards check` runs on the collection. Prints the figures;
`tests/test_crash.py` runs the same `run_crash_test` with fewer kills and cards.

Usage:
  .venv/bin/python bench/torture_crash.py [--kills 200] [--cards 10000] [--seed 1] [--work DIR]
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from heatcards.backups import BackupReason, Backups  # noqa: E402
from heatcards.checking import check_collection  # noqa: E402
from heatcards.clock import FixedClock  # noqa: E402
from heatcards.collection import Collection  # noqa: E402
from heatcards.model import Card, CardState, Note, Rating, ReviewLogEntry  # noqa: E402

DECK = "Crash"
START = 1772452800  # 2026-03-02 12:00 UTC, the tests' noon
FIRST_ANSWER_TIMEOUT = 60.0  # seconds a child may take to start and commit its first answer


@dataclass(frozen=True)
class KillCheck:
    """What the parent found after one kill."""

    integrity_ok: bool
    reported: int  # answers the child reported as committed
    lost: int  # reported answers missing from the review log
    half_applied: int  # studied cards that disagree with their review log
    reviews: int  # entries in the review log
    latest_review: int  # unix seconds of the latest answer in the collection


@dataclass(frozen=True)
class CrashReport:
    kills: int
    answers_reported: int
    answers_committed: int  # review-log entries at the end
    answers_lost: int
    integrity_failures: int
    half_applied: int
    answers_per_run_median: float
    problems_after: tuple[str, ...]  # what `heatcards check` found at the end
    seconds: float

    @property
    def passed(self) -> bool:
        return (
            self.answers_lost == 0
            and self.integrity_failures == 0
            and self.half_applied == 0
            and not self.problems_after
            and self.answers_reported > 0
        )


# --- the collection ------------------------------------------------------------------------
def open_collection(path: Path, now: int) -> Collection:
    return Collection(path, clock=FixedClock(now), calendar_tz=timezone.utc, install_heat_deck=False)


def build_collection(path: Path, cards: int) -> None:
    """A collection of `cards` new Basic cards in deck "Crash", with daily limits above them all."""
    collection = open_collection(path, START)
    try:
        deck = collection.add_deck(DECK)
        preset = collection.preset_of(deck)
        collection.update_preset(replace(preset, new_per_day=cards, reviews_per_day=cards * 10))
        basic = collection.notetype_named("Basic")
        notes = [
            Note(i, uuid.uuid4().hex, basic.id, (f"question {i}", f"answer {i}"), (), START, START)
            for i in range(1, cards + 1)
        ]
        with collection.store.transaction():
            collection.store.insert_notes(notes)
            collection.store.insert_cards(Card(i, i, deck.id, 0, due=i, modified=START) for i in range(1, cards + 1))
    finally:
        collection.close()


# --- the child -----------------------------------------------------------------------------
def study_until_killed(path: Path, report: Path, start: int) -> None:
    """Answer cards for ever, reporting each committed answer; the parent ends it with SIGKILL."""
    rng = random.Random(os.getpid())
    collection = open_collection(path, start)
    clock = collection.clock
    deck = collection.deck_named(DECK)
    out = os.open(report, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    while True:
        clock.advance(rng.randint(1, 900))
        card, _ = collection.next_card(deck)
        if card is None:
            clock.advance(3600)
            continue
        rating = rng.choices(list(Rating), weights=(10, 10, 70, 10))[0]
        collection.answer(card.id, rating)
        os.write(out, f"{card.id} {int(clock.now() * 1000)}\n".encode())


# --- the parent ----------------------------------------------------------------------------
def read_report(report: Path) -> list[tuple[int, int]]:
    """(card id, answer time in ms) of each answer the child reported, whole lines only."""
    if not report.exists():
        return []
    lines = report.read_text().split("\n")[:-1]  # the text after the last newline is no whole line
    return [(int(card), int(when)) for card, when in (line.split() for line in lines)]


def agrees_with_log(card: Card, log: list[ReviewLogEntry]) -> bool:
    """A studied card is exactly what its last answer made it (every answer logs one entry)."""
    if not log or card.reps != len(log):
        return False
    last = log[-1]
    interval = card.interval if card.state is CardState.REVIEW else 0
    return (
        card.due == last.due_after
        and interval == last.interval_after
        and card.stability == last.stability
        and card.difficulty == last.difficulty
        and card.last_review == last.time // 1000
    )


def check_after_kill(path: Path, reported: list[tuple[int, int]]) -> KillCheck:
    """Open the collection the child left and compare it with what the child reported."""
    collection = open_collection(path, START)
    try:
        store = collection.store
        integrity_ok = store.integrity_check() == "ok"
        studied = collection.find_cards("-is:new")
        cards = store.cards(studied)
        logs: dict[int, list[ReviewLogEntry]] = {card_id: [] for card_id in studied}
        for entry in store.reviews_of_cards(studied):
            logs.setdefault(entry.card_id, []).append(entry)
        logged = {(entry.card_id, entry.time) for entries in logs.values() for entry in entries}
        return KillCheck(
            integrity_ok=integrity_ok,
            reported=len(reported),
            lost=sum(1 for answer in reported if answer not in logged),
            half_applied=sum(1 for card in cards if not agrees_with_log(card, logs[card.id])),
            reviews=store.review_count(),
            latest_review=max((card.last_review or 0 for card in cards), default=0),
        )
    finally:
        collection.close()


def kill_while_studying(path: Path, report: Path, start: int, delay: float) -> None:
    """Start a child, wait for its first committed answer, let it study `delay` seconds more, SIGKILL it."""
    report.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [sys.executable, __file__, "--child", str(path), str(report), str(start)], stderr=errors
        )
        deadline = time.monotonic() + FIRST_ANSWER_TIMEOUT
        while not (report.exists() and report.stat().st_size) and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        if child.poll() is not None:
            errors.seek(0)
            raise RuntimeError(f"the studying process ended by itself:\n{errors.read().decode(errors='replace')}")
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()


def run_crash_test(
    folder: Path,
    kills: int,
    *,
    cards: int = 10_000,
    seed: int = 1,
    max_delay: float = 0.3,
    progress: Callable[[int, KillCheck], None] | None = None,
) -> CrashReport:
    """Build a collection of `cards` cards in `folder`, kill a child studying it `kills` times,
    check the collection after each kill and once more at the end."""
    started = time.perf_counter()
    rng = random.Random(seed)
    path = folder / "crash.heatcards"
    build_collection(path, cards)
    latest, previous_reviews = START, 0
    reported_total = integrity_failures = lost = half_applied = 0
    per_run = []
    for kill in range(1, kills + 1):
        report = folder / "answers.txt"
        kill_while_studying(path, report, latest + 1, rng.uniform(0, max_delay))
        reported = read_report(report)
        result = check_after_kill(path, reported)
        reported_total += result.reported
        integrity_failures += not result.integrity_ok
        lost += result.lost
        half_applied += result.half_applied
        per_run.append(result.reviews - previous_reviews)
        previous_reviews, latest = result.reviews, max(latest, result.latest_review)
        if progress is not None:
            progress(kill, result)
    with open_collection(path, latest + 1) as collection:
        problems = tuple(f.message for f in check_collection(collection).findings)
    return CrashReport(
        kills=kills,
        answers_reported=reported_total,
        answers_committed=previous_reviews,
        answers_lost=lost,
        integrity_failures=integrity_failures,
        half_applied=half_applied,
        answers_per_run_median=statistics.median(per_run) if per_run else 0.0,
        problems_after=problems,
        seconds=time.perf_counter() - started,
    )


def measure_backup(path: Path) -> tuple[float, int, int]:
    """(seconds, backup bytes, collection bytes) of one backup of the collection at `path`,
    restored afterwards into a copy that must pass the check."""
    with open_collection(path, START) as collection:
        backups = Backups(path, collection.clock)
        began = time.perf_counter()
        backup = backups.create(collection.store, BackupReason.MANUAL)
        seconds = time.perf_counter() - began
        size = collection.path.stat().st_size
    copy = path.with_name("restored.heatcards")
    Backups(copy, collection.clock).restore(backup.path)
    with open_collection(copy, START) as restored:
        if check_collection(restored).findings:
            raise RuntimeError("the restored backup does not pass the check")
    return seconds, backup.size, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="folder for the collection (default: a temporary one)")
    parser.add_argument("--child", nargs=3, metavar=("COLLECTION", "REPORT", "START"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        study_until_killed(Path(args.child[0]), Path(args.child[1]), int(args.child[2]))
        return 0
    with tempfile.TemporaryDirectory(dir=args.work) as work:
        folder = Path(work)

        def show(kill: int, result: KillCheck) -> None:
            if kill % 20 == 0 or not result.integrity_ok or result.lost or result.half_applied:
                print(f"  kill {kill}: {result.reviews} reviews logged, {result.lost} lost, "
                      f"{result.half_applied} half applied")

        report = run_crash_test(folder, args.kills, cards=args.cards, seed=args.seed, progress=show)
        seconds, backup_bytes, collection_bytes = measure_backup(folder / "crash.heatcards")
    print(f"\nCrash test: {args.cards} cards, {report.kills} SIGKILLs, {report.seconds:.0f} s")
    print(f"  answers reported as committed: {report.answers_reported}")
    print(f"  answers in the review log:     {report.answers_committed} "
          f"({report.answers_committed - report.answers_reported} committed, killed before reporting)")
    print(f"  answers lost:                  {report.answers_lost} (must be 0)")
    print(f"  integrity check failures:      {report.integrity_failures} (must be 0)")
    print(f"  cards half applied:            {report.half_applied} (must be 0)")
    print(f"  answers per run (median):      {report.answers_per_run_median:.0f}")
    print(f"  heatcards check at the end:    {'; '.join(report.problems_after) or 'no problems'}")
    print(f"Backup of the final collection: {seconds * 1000:.0f} ms, "
          f"{backup_bytes / 1e6:.2f} MB compressed from {collection_bytes / 1e6:.2f} MB")
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
