#!/usr/bin/env python3
"""Study-loop benchmark: heatcards beside Anki, in one run, on the same data.

1. Builds (or reuses, cached in --work) a synthetic Anki collection of N notes
   with a year of history, using the Anki peer's synth.py, exported as synthetic.apkg.
2. Imports that synthetic.apkg (with scheduling) into a fresh heatcards collection
   (`transfer.import_file`, as `heatcards import` does) and into a fresh Anki collection.
3. On a real disk and on /dev/shm, for each engine: open the collection, time
   the first due card, then answer --answers cards (10/10/70/10 Again/Hard/
   Good/Easy, seeded) timing fetch, answer and the cycle (answer + next card).
   The two engines' loops are interleaved in blocks of --block answers, and the
   disk's fsync latency is sampled between blocks, so that both see the same
   disk and machine load (absolute times drift on a shared machine).
4. Prints a markdown table (heatcards / Anki ratio, < 1 = heatcards faster)
   and writes --json.

Usage:
  .venv/bin/python bench/bench_study.py --notes 10000 [--answers 1000]
        [--work /tmp/heatcards-bench] [--json out.json] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # /work/main
PEER = ROOT.parent / "shared" / "peer"
sys.path.insert(0, str(ROOT))

from heatcards import transfer  # noqa: E402
from heatcards.collection import Collection  # noqa: E402
from heatcards.model import Rating  # noqa: E402

DECK = "Synthetic"
RATING_WEIGHTS = (10, 10, 70, 10)  # Again, Hard, Good, Easy: as bench_anki.py


# --- helpers -------------------------------------------------------------------
def timed(fn, *a, **kw):
    t = time.perf_counter()
    r = fn(*a, **kw)
    return time.perf_counter() - t, r


def pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(xs) - 1)
    return xs[f] + (xs[c] - xs[f]) * (k - f)


def rating_choices(values):
    """The same 100-entry list bench_anki.py draws from, so one seed gives the same sequence."""
    out = []
    for value, weight in zip(values, RATING_WEIGHTS):
        out += [value] * weight
    return out


def latency_stats(prefix: str, lat: dict[str, list[float]], R: dict) -> None:
    for name, xs in lat.items():
        if xs:
            R[f"{prefix}lat.{name}.p50_ms"] = pct(xs, 50) * 1000
            R[f"{prefix}lat.{name}.p99_ms"] = pct(xs, 99) * 1000
            R[f"{prefix}lat.{name}.mean_ms"] = statistics.mean(xs) * 1000


def copy_sqlite(src: Path, dst: Path) -> None:
    """Copy a closed SQLite file (and any -wal/-shm left beside it) to `dst`."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        stale = Path(str(dst) + suffix)
        if stale.exists():
            stale.unlink()
    shutil.copyfile(src, dst)
    for suffix in ("-wal", "-shm"):
        side = Path(str(src) + suffix)
        if side.exists():
            shutil.copyfile(side, Path(str(dst) + suffix))


def show_and_save(table: str, record: dict, json_path: Path | None) -> None:
    """Print a benchmark's table and, when asked, write `record` (the table included) as JSON."""
    print()
    print(table)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps({**record, "table": table}, indent=1))
        print(f"\nwrote {json_path}")


def synthetic_arguments(ap: argparse.ArgumentParser) -> None:
    """The options that choose and cache the synthetic collection (`ensure_synth`): --notes, --days,
    --seed, --work."""
    ap.add_argument("--notes", type=int, default=100000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/heatcards-bench"))


def load_anki_peer() -> bool:
    """Put the Anki peer scripts on the path and load Anki's collection module; False (after saying
    why) when ../shared/peer is missing."""
    if not PEER.is_dir():
        print(f"error: the Anki peer scripts are missing: expected {PEER} (../shared/peer beside {ROOT})", file=sys.stderr)
        return False
    sys.path.insert(0, str(PEER))
    import anki.collection  # noqa: F401  (before anki.cards, see the peer README)

    return True


def peer_python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


# --- 1. synthetic Anki collection (cached) ----------------------------------------
def ensure_synth(n: int, days: int, seed: int, work: Path) -> Path:
    out = work / f"n{n}" / "synth"
    stamp = out / "bench_params.json"  # written once synth.py has finished
    params = {"notes": n, "days": days, "seed": seed}
    if stamp.exists() and json.loads(stamp.read_text()) == params:
        print(f"reusing synthetic collection {out}")
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    print(f"building synthetic Anki collection: {n} notes, {days} days -> {out}")
    cmd = [peer_python(), "synth.py", "--notes", str(n), "--days", str(days), "--seed", str(seed), "--out", str(out)]
    subprocess.run(cmd, cwd=PEER, check=True)
    stamp.write_text(json.dumps(params))
    return out


# --- 2. the same package into both ------------------------------------------------
def load_heatcards(apkg: Path, path: Path) -> dict:
    """A fresh heatcards collection at `path` holding synthetic.apkg (with scheduling), imported as
    `heatcards import` does it: like-for-like with Anki's import below."""
    for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        if p.exists():
            p.unlink()
    col = Collection(path, install_heat_deck=False)
    R: dict = {}
    try:
        R["import_s"], (report, _) = timed(transfer.import_file, col, apkg)
    finally:
        col.close()
    R["notes"], R["cards"], R["reviews"] = report.added, report.cards_added, report.reviews_added
    R["size_bytes"] = path.stat().st_size
    print(f"  heatcards: imported synthetic.apkg in {R['import_s']:.2f}s ({R['notes']} notes, {R['cards']} cards, "
          f"{R['reviews']} reviews, {R['size_bytes'] / 1e6:.1f} MB)")
    return R


def import_anki(apkg: Path, path: Path) -> dict:
    """A fresh Anki collection at `path` holding synthetic.apkg (with scheduling), as bench_anki.py imports it."""
    from anki.collection import Collection as AnkiCollection, ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageOptions

    if path.parent.exists():
        shutil.rmtree(path.parent)
    path.parent.mkdir(parents=True)
    col = AnkiCollection(str(path))
    R: dict = {}
    R["import_s"], _ = timed(col.import_anki_package, ImportAnkiPackageRequest(
        package_path=str(apkg), options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)))
    R["reviews"] = col.db.scalar("select count() from revlog")
    R["fsrs_enabled"] = bool(col.get_config("fsrs", False))
    col.close()
    R["size_bytes"] = path.stat().st_size
    print(f"  Anki: imported synthetic.apkg in {R['import_s']:.2f}s ({R['reviews']} reviews, "
          f"fsrs={R['fsrs_enabled']}, {R['size_bytes'] / 1e6:.1f} MB)")
    return R


# --- 3./4. the study loop, one runner per engine ----------------------------------
# Both runners do the same work: open, first due card, lift the daily limits (and
# pull reviews forward if fewer than `answers` are due), then answer cards. The
# driver interleaves them in blocks so that both see the same disk weather.
class HeatcardsRunner:
    name = "heatcards"

    def __init__(self, path: Path, seed: int):
        self.path = path
        self.rng = random.Random(seed)
        self.ratings = rating_choices(list(Rating))

    def open(self) -> float:
        t, self.col = timed(Collection, self.path, install_heat_deck=False)
        self.deck = self.col.deck_named(DECK)
        return t

    def first_queue(self) -> tuple[float, list[int]]:
        t, (_card, counts) = timed(self.col.next_card, self.deck)
        return t, [counts.new, counts.learning, counts.review]

    def prepare(self, answers: int) -> dict:
        col, deck = self.col, self.deck
        col.update_preset(replace(col.preset_of(deck), new_per_day=answers, reviews_per_day=9999))
        counts = col.counts(deck)
        R = {}
        if counts.total < answers:
            now, tree = col.now(), col.deck_tree_ids(deck)
            due_today = set(col.store.review_ids_due_before(tree, now, col.calendar.next_day_start(now)))
            ahead = col.store.review_ids_due_before(tree, now, 2**62)[: counts.review + answers - counts.total]
            extra = [card_id for card_id in ahead if card_id not in due_today]
            col.set_due_date(extra, 0)
            R["pulled_forward"] = len(extra)
        R["queue_after_changes_s"], (_card, counts) = timed(col.next_card, deck)
        R["counts_for_answer_loop"] = [counts.new, counts.learning, counts.review]
        return R

    def step(self) -> tuple[float, float] | None:
        t0 = time.perf_counter()
        card, _ = self.col.next_card(self.deck)
        if card is None:
            return None
        t1 = time.perf_counter()
        self.col.answer(card.id, self.rng.choice(self.ratings), 5000)
        return t1 - t0, time.perf_counter() - t1

    def close(self) -> None:
        self.col.close()


class AnkiRunner:
    """bench_anki.bench_one's open / queue / answer loop, on an already imported collection."""

    name = "Anki"

    def __init__(self, path: Path, seed: int):
        from anki.scheduler.v3 import CardAnswer

        self.path = path
        self.rng = random.Random(seed)
        self.ratings = rating_choices([CardAnswer.AGAIN, CardAnswer.HARD, CardAnswer.GOOD, CardAnswer.EASY])

    def open(self) -> float:
        from anki.collection import Collection as AnkiCollection

        t, self.col = timed(AnkiCollection, str(self.path))
        self.did = self.col.decks.id_for_name(DECK)
        self.col.decks.select(self.did)
        return t

    def first_queue(self) -> tuple[float, list[int]]:
        t, q = timed(self.col.sched.get_queued_cards, fetch_limit=1)
        return t, [q.new_count, q.learning_count, q.review_count]

    def prepare(self, answers: int) -> dict:
        from synth import set_fsrs

        col = self.col
        set_fsrs(col, self.did, True, desired_retention=0.9, new_per_day=min(answers, 9999), reviews_per_day=9999)
        q = col.sched.get_queued_cards(fetch_limit=1)
        avail = q.new_count + q.review_count + q.learning_count
        R = {}
        if avail < answers:
            cids = col.db.list("select id from cards where queue=2 and due>? order by due limit ?",
                               col.sched.today, answers - avail)
            col.sched.set_due_date(cids, "0")
            R["pulled_forward"] = len(cids)
        R["queue_after_changes_s"], q = timed(col.sched.get_queued_cards, fetch_limit=1)
        R["counts_for_answer_loop"] = [q.new_count, q.learning_count, q.review_count]
        return R

    def step(self) -> tuple[float, float] | None:
        from anki.cards import Card as AnkiCard

        col = self.col
        t0 = time.perf_counter()
        qs = col.sched.get_queued_cards(fetch_limit=1)
        if not qs.cards:
            return None
        qc = qs.cards[0]
        card = AnkiCard(col, backend_card=qc.card)
        card.start_timer()
        t1 = time.perf_counter()
        ans = col.sched.build_answer(card=card, states=qc.states, rating=self.rng.choice(self.ratings))
        col.sched.answer_card(ans)
        return t1 - t0, time.perf_counter() - t1

    def close(self) -> None:
        self.col.close()


def fsync_samples(d: Path, n: int) -> list[float]:
    """n fsync latencies (s) of a 4 KiB rewrite in `d`, as bench_anki.fsync_probe takes them."""
    p = d / "_fsync_sample.bin"
    fd = os.open(p, os.O_WRONLY | os.O_CREAT, 0o600)
    xs = []
    try:
        for i in range(n):
            os.pwrite(fd, os.urandom(4096), (i % 16) * 4096)
            t = time.perf_counter()
            os.fsync(fd)
            xs.append(time.perf_counter() - t)
    finally:
        os.close(fd)
        p.unlink()
    return xs


def run_place(runners: list, answers: int, probe_dir: Path | None, block: int) -> dict[str, dict]:
    """Open, first queue, prepare, then answer in interleaved blocks; one result dict per runner."""
    from bench_anki import fsync_probe

    R: dict[str, dict] = {r.name: {} for r in runners}
    for r in runners:
        R[r.name]["open_s"] = r.open()
    try:
        for r in runners:
            R[r.name]["first_queue_s"], R[r.name]["counts_default_limits"] = r.first_queue()
        for r in runners:
            R[r.name].update(r.prepare(answers))
        if probe_dir is not None:
            os.sync()
            p50, p99 = fsync_probe(str(probe_dir))
            for r in runners:
                R[r.name]["fsync_p50_ms"], R[r.name]["fsync_p99_ms"] = p50, p99
        lat = {r.name: {"fetch": [], "answer": [], "cycle": []} for r in runners}
        fsyncs: list[float] = []
        active = list(runners)
        loop_s = {r.name: 0.0 for r in runners}
        turn = 0
        while active:
            for r in (active if turn % 2 == 0 else active[::-1]):  # alternate who goes first
                t = time.perf_counter()
                for _ in range(block):
                    if len(lat[r.name]["cycle"]) >= answers:
                        break
                    got = r.step()
                    if got is None:
                        print(f"  {r.name} queue empty after {len(lat[r.name]['cycle'])}")
                        R[r.name]["queue_ran_dry"] = True
                        break
                    fetch, answer = got
                    lat[r.name]["fetch"].append(fetch)
                    lat[r.name]["answer"].append(answer)
                    lat[r.name]["cycle"].append(fetch + answer)
                loop_s[r.name] += time.perf_counter() - t
                if probe_dir is not None:
                    fsyncs += fsync_samples(probe_dir, 4)
            active = [r for r in active if len(lat[r.name]["cycle"]) < answers and not R[r.name].get("queue_ran_dry")]
            turn += 1
        for r in runners:
            R[r.name]["answer_loop_s"] = loop_s[r.name]
            R[r.name]["answers_done"] = len(lat[r.name]["cycle"])
            latency_stats("", lat[r.name], R[r.name])
            if fsyncs:
                R[r.name]["fsync_during_p50_ms"] = pct(fsyncs, 50) * 1000
                R[r.name]["fsync_during_p99_ms"] = pct(fsyncs, 99) * 1000
    finally:
        for r in runners:
            r.close()
    return R


def profile_heatcards(path: Path, answers: int, seed: int, out: Path) -> str:
    """cProfile of heatcards' answer loop alone (after the same preparation)."""
    r = HeatcardsRunner(path, seed)
    r.open()
    try:
        r.first_queue()
        r.prepare(answers)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(answers):
            if r.step() is None:
                break
        profiler.disable()
    finally:
        r.close()
    profiler.dump_stats(str(out))
    text = io.StringIO()
    stats = pstats.Stats(str(out), stream=text)
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(15)
    return text.getvalue()


# --- 5. report --------------------------------------------------------------------
ROWS = [
    # label, place, key, unit
    ("import synthetic.apkg into a fresh collection", "load", "import_s", "s"),
    ("open collection", "disk", "open_s", "ms"),
    ("first due queue", "disk", "first_queue_s", "ms"),
    ("answer + next card p50", "disk", "lat.cycle.p50_ms", "msv"),
    ("answer + next card p99", "disk", "lat.cycle.p99_ms", "msv"),
    ("  next card p50", "disk", "lat.fetch.p50_ms", "msv"),
    ("  answer p50", "disk", "lat.answer.p50_ms", "msv"),
    ("open collection", "shm", "open_s", "ms"),
    ("first due queue", "shm", "first_queue_s", "ms"),
    ("answer + next card p50", "shm", "lat.cycle.p50_ms", "msv"),
    ("answer + next card p99", "shm", "lat.cycle.p99_ms", "msv"),
    ("  next card p50", "shm", "lat.fetch.p50_ms", "msv"),
    ("  answer p50", "shm", "lat.answer.p50_ms", "msv"),
]


def fmt(v, unit):
    if v is None:
        return "-"
    if unit == "s":
        return f"{v:.2f} s"
    if unit == "ms":
        return f"{v * 1000:.2f} ms"
    return f"{v:.2f} ms"


def report(res: dict) -> str:
    H, A = res["heatcards"], res["anki"]
    place_name = {"disk": "disk", "shm": "/dev/shm"}
    lines = [f"N = {res['notes']:,} notes, {H['load']['reviews']:,} reviews, {res['answers']} answers "
             f"(anki {res['anki_version']}, {res['started']})", "",
             "| metric | heatcards | Anki | ratio |", "|---|---|---|---|"]
    for label, place, key, unit in ROWS:
        if place == "load":
            h, a, name = H["load"][key], A["load"][key], label
        else:
            h, a, name = H[place].get(key), A[place].get(key), f"{label} ({place_name[place]})"
        ratio = f"{h / a:.2f}" if h is not None and a else "-"
        lines.append(f"| {name} | {fmt(h, unit)} | {fmt(a, unit)} | {ratio} |")
    d = H["disk"]
    lines.append(f"| disk fsync p50 / p99: probe before the loop | {d.get('fsync_p50_ms', 0):.2f} / "
                 f"{d.get('fsync_p99_ms', 0):.2f} ms | (same disk) | |")
    lines.append(f"| disk fsync p50 / p99: sampled between answer blocks | {d.get('fsync_during_p50_ms', 0):.2f} / "
                 f"{d.get('fsync_during_p99_ms', 0):.2f} ms | (same disk) | |")
    lines.append("")
    lines.append("ratio = heatcards / Anki (< 1: heatcards faster).")
    lines.append("")
    lines.append("What dominates: " + dominates(H, A))
    return "\n".join(lines)


def dominates(H: dict, A: dict) -> str:
    """Split each engine's disk cycle p50 into: waiting for the commit to reach the disk
    (disk − /dev/shm answer p50), and CPU (next card and answer on /dev/shm)."""
    parts = []
    for name, R in (("heatcards", H), ("Anki", A)):
        d, s = R["disk"], R["shm"]
        if "lat.cycle.p50_ms" not in d or "lat.cycle.p50_ms" not in s:
            continue
        commit = max(0.0, d["lat.answer.p50_ms"] - s["lat.answer.p50_ms"])
        shares = {"durable commit (fsync)": commit, "next card (CPU)": s["lat.fetch.p50_ms"],
                  "answer (CPU)": s["lat.answer.p50_ms"]}
        total = sum(shares.values()) or 1.0
        top = max(shares, key=shares.get)
        detail = ", ".join(f"{k} {v:.2f} ms ({v / total * 100:.0f}%)" for k, v in shares.items())
        parts.append(f"{name}: mostly {top} — {detail}")
    fs = H["disk"].get("fsync_during_p50_ms")
    tail = f"; disk fsync p50 during the loop {fs:.2f} ms" if fs is not None else ""
    return "; ".join(parts) + tail + "."


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    synthetic_arguments(ap)
    ap.add_argument("--answers", type=int, default=1000)
    ap.add_argument("--shm", type=Path, default=Path("/dev/shm"))
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--block", type=int, default=50, help="answers per engine before switching (interleaving)")
    ap.add_argument("--profile", action="store_true",
                    help="afterwards, profile heatcards' answer loop on /dev/shm with cProfile (prints the top)")
    a = ap.parse_args()
    if not load_anki_peer():
        return 2
    import anki.buildinfo

    work = a.work / f"n{a.notes}"
    shm = a.shm / f"heatcards-bench-{os.getpid()}"
    res: dict = {"notes": a.notes, "answers": a.answers, "seed": a.seed, "anki_version": anki.buildinfo.version,
                 "started": time.strftime("%Y-%m-%d %H:%M"), "work": str(work), "shm": str(shm),
                 "heatcards": {}, "anki": {}}
    synth = ensure_synth(a.notes, a.days, a.seed, a.work)
    H, A = res["heatcards"], res["anki"]
    try:
        print("loading")
        hc_pristine = work / "heatcards" / "pristine.heatcards"
        H["load"] = load_heatcards(synth / "synthetic.apkg", hc_pristine)
        anki_pristine = work / "anki" / "pristine" / "collection.anki2"
        A["load"] = import_anki(synth / "synthetic.apkg", anki_pristine)

        for place, base in (("disk", work), ("shm", shm)):
            hc = base / "heatcards" / place / "collection.heatcards"
            ak = base / "anki" / place / "collection.anki2"
            copy_sqlite(hc_pristine, hc)
            copy_sqlite(anki_pristine, ak)
            os.sync()  # the copies' write-back must not land inside the timed opens
            print(f"study loop on {place}: {hc.parent.parent.parent}")
            got = run_place([HeatcardsRunner(hc, a.seed), AnkiRunner(ak, a.seed)], a.answers,
                            base if place == "disk" else None, a.block)
            H[place], A[place] = got["heatcards"], got["Anki"]
            for name, R in got.items():
                print(f"  {name:9s} open {R['open_s'] * 1000:.1f} ms, first queue {R['first_queue_s'] * 1000:.2f} ms, "
                      f"cycle p50 {R.get('lat.cycle.p50_ms', 0):.2f} p99 {R.get('lat.cycle.p99_ms', 0):.2f} ms "
                      f"(next card p50 {R.get('lat.fetch.p50_ms', 0):.2f}, answer p50 {R.get('lat.answer.p50_ms', 0):.2f})")

        if a.profile:
            hc = shm / "heatcards" / "profile" / "collection.heatcards"
            copy_sqlite(hc_pristine, hc)
            prof = work / "heatcards_answer_loop.prof"
            print(f"profiling heatcards' answer loop on /dev/shm -> {prof}")
            print(profile_heatcards(hc, a.answers, a.seed, prof))
            res["profile"] = str(prof)
    finally:
        shutil.rmtree(shm, ignore_errors=True)

    show_and_save(report(res), res, a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
