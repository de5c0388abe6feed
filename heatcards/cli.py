"""The `heatcards` command line."""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__, cli_generate, cli_optimize
from .backups import BackupReason, Backups
from .clock import Clock
from .collection import Collection, default_collection_path
from .errors import HeatcardsError, NothingToUndoError
from .formats.exchange import DuplicatePolicy, ImportReport
from .model import Card, CardInfo, CardState, Deck, Rating
from .rendering import html_to_text
from .stats import Panel, Period, Scope, calibration, collect, panel_record, statistics_record
from .storage.faults import CorruptCollectionError
from .transfer import EXPORT_FORMATS, IMPORT_FORMATS, export_file, import_file, suffixes_of

STATE_NAMES = {CardState.NEW: "new", CardState.LEARNING: "learning", CardState.REVIEW: "review", CardState.RELEARNING: "relearning"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="heatcards", description="Flashcards with FSRS scheduling, built from documents.")
    parser.add_argument("--version", action="version", version=f"heatcards {__version__}")
    parser.add_argument(
        "--collection",
        metavar="PATH",
        type=Path,
        help=f"collection file (default: $HEATCARDS_COLLECTION or {default_collection_path()})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the desktop app (the default when no command is given)")
    gui.add_argument("--deck", metavar="NAME", help="deck to select (default: the last one used, or the Heat deck)")

    decks = commands.add_parser("decks", help="list decks with new / learning / due counts")
    decks.add_argument("--json", action="store_true", help="print JSON")

    cards = commands.add_parser("cards", help="list cards with their progress")
    cards.add_argument("--search", default="", metavar="QUERY", help="Anki-style search, e.g. 'deck:Heat tag:cast is:due'")
    cards.add_argument("--json", action="store_true", help="print JSON")

    study = commands.add_parser("study", help="study in the terminal (Enter: answer, 1-4: rate, u: undo, q: quit)")
    study.add_argument("--deck", metavar="NAME", help="deck to study (default: the top-level deck with most cards due)")

    info = commands.add_parser("info", help="a card's progress and review history")
    info.add_argument("card_id", type=int, metavar="CARD_ID")
    info.add_argument("--json", action="store_true", help="print JSON")

    imports = commands.add_parser(
        "import",
        help=f"import files ({suffixes_of(IMPORT_FORMATS)}); a file that fails is reported and the others still import",
        description="Import Anki packages, text files of notes, review logs and heatcards deck files. Notes "
        "already in the collection (same GUID) are updated by default; cards keep the progress made here.",
    )
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imports.add_argument("--deck", metavar="NAME", help="put everything under this deck instead of the file's top-level decks")
    policy = imports.add_mutually_exclusive_group()
    for flag, choice, text in (
        ("--update", DuplicatePolicy.UPDATE, "update notes already here with the file's fields and tags (the default)"),
        ("--skip", DuplicatePolicy.SKIP, "leave notes already here as they are"),
        ("--duplicate", DuplicatePolicy.DUPLICATE, "add notes already here again, as copies"),
    ):
        policy.add_argument(flag, dest="policy", action="store_const", const=choice, help=text)
    imports.set_defaults(policy=DuplicatePolicy.UPDATE)
    imports.add_argument(
        "--map",
        metavar="COLS",
        type=lambda text: [column.strip() for column in text.split(",")],
        help="text files: what each column is, comma-separated: a field name, tags, deck, notetype, guid, or _ to skip one",
    )
    imports.add_argument("--notetype", metavar="NAME", help="text files: the note type of every note")
    imports.add_argument("--json", action="store_true", help="print JSON")

    export = commands.add_parser("export", help="export the collection, a deck or a search to a file")
    export.add_argument("out", type=Path, metavar="OUT")
    limit = export.add_mutually_exclusive_group()
    limit.add_argument("--deck", metavar="NAME", help="this deck and its subdecks")
    limit.add_argument("--search", metavar="QUERY", help="the cards this search finds")
    export.add_argument(
        "--format",
        choices=[f.key for f in EXPORT_FORMATS],
        help=f"default: from OUT's name ({suffixes_of(EXPORT_FORMATS)})",
    )
    export.add_argument("--no-scheduling", dest="scheduling", action="store_false", help="cards leave as new cards, without history")
    export.add_argument("--no-media", dest="media", action="store_false", help="leave out images and sounds")
    export.add_argument("--legacy", action="store_true", help="Anki packages readable by Anki 2.1 before 2.1.50")

    stats = commands.add_parser("stats", help="statistics of the collection, a deck or a search (Anki's, and calibration)")
    scope = stats.add_mutually_exclusive_group()
    scope.add_argument("--deck", metavar="NAME", help="this deck and its subdecks")
    scope.add_argument("--search", metavar="QUERY", help="the cards this search finds")
    stats.add_argument(
        "--period",
        choices=[p.value for p in Period],
        default=Period.MONTH.value,
        help="how far back the review panels look and how far ahead future due does (default: month)",
    )
    stats.add_argument("--json", action="store_true", help="print JSON: every panel's headline numbers and table")

    commands.add_parser("backup", help="back up the collection now (into the backups folder beside it)")
    commands.add_parser("backups", help="list the collection's backups, newest first")
    restore = commands.add_parser(
        "restore", help="put a backup in the place of the collection (the collection as it is now is backed up first)"
    )
    restore.add_argument("backup", metavar="BACKUP", help="a file name 'heatcards backups' lists, or a backup's path")
    check = commands.add_parser("check", help="check the collection for problems; --repair mends them after a backup")
    check.add_argument("--repair", action="store_true", help="back up the collection, then repair what can be repaired")
    cli_optimize.register(commands)
    cli_generate.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from .ui.app import run  # Qt is loaded only for the desktop app

        return run(args.collection, getattr(args, "deck", None))
    path = args.collection or default_collection_path()
    try:
        if args.command in BACKUP_COMMANDS:  # these work on a closed, perhaps damaged, collection
            return BACKUP_COMMANDS[args.command](Backups(path, Clock()), args)
        with Collection(path) as collection:
            _back_up_if_due(collection, BackupReason.OPENED)
            return COMMANDS[args.command](collection, args)
    except HeatcardsError as error:
        print(f"heatcards: error: {error}", file=sys.stderr)
        if isinstance(error, CorruptCollectionError):
            _suggest_newest_backup(path)
        return 1
    except KeyboardInterrupt:
        return 130


# --- decks ---------------------------------------------------------------------
def run_decks(collection: Collection, args: argparse.Namespace) -> int:
    rows = collection.deck_counts()
    if args.json:
        print(json.dumps([
            {"id": r.deck.id, "name": r.deck.name, "new": r.counts.new, "learning": r.counts.learning, "due": r.counts.review}
            for r in rows
        ], indent=2, ensure_ascii=False))
        return 0
    width = max((len(r.deck.leaf_name) + 2 * r.deck.depth for r in rows), default=4) + 2
    print(f"{'Deck':<{width}}{'New':>6}{'Learn':>7}{'Due':>6}")
    for r in rows:
        label = "  " * r.deck.depth + r.deck.leaf_name
        print(f"{label:<{width}}{r.counts.new:>6}{r.counts.learning:>7}{r.counts.review:>6}")
    return 0


# --- cards ---------------------------------------------------------------------
def card_record(collection: Collection, info: CardInfo, documents: dict[int, str]) -> dict:
    card, note = info.card, info.note
    source = None
    if note.source is not None:
        source = {
            "document": documents.get(note.source.document_id, "(document deleted)") if note.source.document_id else "(document deleted)",
            "paragraph": note.source.paragraph,
            "span": [note.source.start, note.source.end] if note.source.start is not None else None,
        }
    return {
        "id": card.id,
        "note_id": note.id,
        "guid": note.guid,
        "deck": info.deck.name,
        "notetype": info.notetype.name,
        "template": info.notetype.templates[min(card.ordinal, len(info.notetype.templates) - 1)].name,
        "fields": dict(zip(info.notetype.fields, note.fields)),
        "question": html_to_text(info.question),
        "answer": html_to_text(info.answer),
        "tags": list(note.tags),
        "state": STATE_NAMES[card.state],
        "suspended": card.suspended,
        "buried": card.is_buried(collection.now()),
        "flag": card.flag,
        "due": info.due_day or None,
        "interval_days": card.interval,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "retrievability": info.retrievability,
        "reps": card.reps,
        "lapses": card.lapses,
        "source": source,
    }


def run_cards(collection: Collection, args: argparse.Namespace) -> int:
    documents = collection.document_titles()
    records = [card_record(collection, collection.card_info(i), documents) for i in collection.find_cards(args.search)]
    if args.json:
        print(json.dumps(records, indent=2, ensure_ascii=False))
        return 0
    for r in records:
        question = " ".join(r["question"].split())
        print(f"{r['id']}  {r['state']:<10} {r['due'] or '-':<16} {r['deck']}  {question[:70]}")
    print(f"{len(records)} card{'s' if len(records) != 1 else ''}")
    return 0


# --- info ----------------------------------------------------------------------
def run_info(collection: Collection, args: argparse.Namespace) -> int:
    info = collection.card_info(args.card_id)
    record = card_record(collection, info, collection.document_titles())
    history = [
        {
            "time": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(e.time / 1000)),
            "kind": e.kind.value,
            "rating": e.rating,
            "state_before": STATE_NAMES[e.state_before],
            "interval_before": e.interval_before,
            "interval_after": e.interval_after,
            "stability": e.stability,
            "difficulty": e.difficulty,
            "duration_seconds": e.duration_ms / 1000,
        }
        for e in info.history
    ]
    record["average_answer_seconds"] = info.average_answer_seconds
    record["history"] = history
    if args.json:
        print(json.dumps(record, indent=2, ensure_ascii=False))
        return 0
    print(f"Card {record['id']} ({record['notetype']}, {record['template']}) in {record['deck']}")
    print(f"Question:  {' '.join(record['question'].split())}")
    print(f"Answer:    {' '.join(record['answer'].split())}")
    print(f"State:     {record['state']}{' (suspended)' if record['suspended'] else ''}")
    print(f"Due:       {record['due'] or '-'}")
    for label, key, fmt in (("Stability", "stability", "{:.2f} days"), ("Difficulty", "difficulty", "{:.2f} / 10"), ("Recall now", "retrievability", "{:.1%}")):
        value = record[key]
        print(f"{label + ':':<11}{fmt.format(value) if value is not None else '-'}")
    print(f"Reviews:   {record['reps']}   Lapses: {record['lapses']}")
    if info.average_answer_seconds is not None:
        print(f"Average answer time: {info.average_answer_seconds:.1f} s")
    if record["source"]:
        s = record["source"]
        print(f"Source:    {s['document']}, paragraph {s['paragraph']}")
    if history:
        print("History:")
        for h in history:
            rating = Rating(h["rating"]).name.title() if h["rating"] else "-"
            print(f"  {h['time']}  {h['kind']:<8} {rating:<6} interval {h['interval_after']}d  "
                  f"S {h['stability'] or 0:.2f}  D {h['difficulty'] or 0:.2f}  {h['duration_seconds']:.1f}s")
    return 0


# --- study ---------------------------------------------------------------------
def _line_reader(stream: TextIO) -> Callable[[], str | None]:
    def read() -> str | None:
        line = stream.readline()
        return None if line == "" else line.rstrip("\r\n").strip()
    return read


def _key_reader(stream: TextIO) -> Callable[[], str | None]:
    """Single key presses on a terminal (Enter arrives as an empty command)."""
    import termios
    import tty

    def read() -> str | None:
        fd = stream.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)
            key = stream.read(1)
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        if key in ("", "\x04"):
            return None
        return "" if key in ("\r", "\n", " ") else key
    return read


def _counts_line(counts, card: Card) -> str:
    current = {CardState.NEW: 0, CardState.LEARNING: 1, CardState.RELEARNING: 1, CardState.REVIEW: 2}[card.state]
    parts = [("New", counts.new), ("Learning", counts.learning), ("Review", counts.review)]
    return "  ".join(f"[{name} {n}]" if i == current else f" {name} {n} " for i, (name, n) in enumerate(parts))


def run_study(collection: Collection, args: argparse.Namespace, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    deck = collection.deck_named(args.deck) if args.deck else _default_study_deck(collection)
    read = _key_reader(stdin) if stdin.isatty() else _line_reader(stdin)

    def say(text: str = "") -> None:
        print(text, file=out, flush=True)

    say(f"Studying {deck.name}.  Enter: show answer / Good   1-4: Again Hard Good Easy   u: undo   q: quit")
    while True:
        card, counts = collection.next_card(deck)
        if card is None:
            say(f"\nCongratulations! {deck.name} is done for now.")
            return 0
        rendered = collection.render(card)
        say(f"\n{_counts_line(counts, card)}")
        say(html_to_text(rendered.question))
        shown_at = time.monotonic()
        answer_shown = False
        while True:
            command = read()
            if command is None or command == "q":
                return 0
            if command == "u":
                try:
                    say(f"(undid {collection.undo()})")
                except NothingToUndoError as error:
                    say(f"({error})")
                break
            if not answer_shown:
                if command == "":
                    answer_shown = True
                    say("-" * 40)
                    say(html_to_text(rendered.answer))
                    say("   ".join(f"{p.rating.value} {p.rating.name.title()} ({p.label()})" for p in collection.previews(card)))
                elif command in "1234":
                    say("(press Enter to show the answer first)")
                else:
                    say(f"(unknown command {command!r}: Enter, 1-4, u or q)")
                continue
            rating = {"": Rating.GOOD, "1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY}.get(command)
            if rating is None:
                say(f"(unknown command {command!r}: 1-4 to rate, Enter for Good, u or q)")
                continue
            collection.answer(card.id, rating, int((time.monotonic() - shown_at) * 1000))
            say(f"-> {rating.name.title()}")
            _back_up_if_due(collection, BackupReason.STUDY)
            break


# --- import and export ---------------------------------------------------------------
def _report_record(path: Path, report: ImportReport) -> dict:
    return {
        "file": str(path),
        "ok": True,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": report.skipped,
        "cards_added": report.cards_added,
        "reviews_added": report.reviews_added,
        "media_added": report.media_added,
        "notes": list(report.notes),
    }


def _report_lines(record: dict) -> list[str]:
    counts = f"{record['added']} notes added, {record['updated']} updated, {record['unchanged']} unchanged, {record['skipped']} skipped"
    extras = f"{record['cards_added']} cards, {record['reviews_added']} reviews, {record['media_added']} media files added"
    return [f"{record['file']}: {counts}; {extras}", *(f"  {line}" for line in record["notes"])]


def run_import(collection: Collection, args: argparse.Namespace) -> int:
    """Each file on its own: one that fails is reported and leaves the collection as it was."""
    records = []
    for path in args.files:
        try:
            report, _ = import_file(
                collection, path, policy=args.policy, deck=args.deck, column_map=args.map, notetype=args.notetype
            )
        except HeatcardsError as error:
            records.append({"file": str(path), "ok": False, "error": str(error)})
            if not args.json:
                print(f"heatcards: error: {error}", file=sys.stderr)
            continue
        records.append(_report_record(path, report))
        if not args.json:
            print("\n".join(_report_lines(records[-1])))
    if args.json:
        print(json.dumps(records, indent=2, ensure_ascii=False))
    return 0 if all(r["ok"] for r in records) else 1


def run_export(collection: Collection, args: argparse.Namespace) -> int:
    report = export_file(
        collection,
        args.out,
        format=args.format,
        deck=args.deck,
        search=args.search,
        scheduling=args.scheduling,
        media=args.media,
        legacy=args.legacy,
    )
    print(
        f"Exported {report.notes} notes, {report.cards} cards, {report.reviews} reviews and {report.media} media files "
        f"to {report.path} ({report.format})"
    )
    return 0


# --- statistics ----------------------------------------------------------------------
# Panels whose whole table reads well in a terminal; the others show their headline numbers.
_STATS_TABLES_SHOWN = ("card_counts", "hours", "buttons", "true_retention")


def run_stats(collection: Collection, args: argparse.Namespace) -> int:
    if args.deck:
        scope = Scope.deck(collection.deck_named(args.deck).name)
    else:
        scope = Scope.matching(args.search or "")
    period = Period(args.period)
    statistics = collect(collection, scope, period)
    fit = calibration(collection, scope, period)
    if args.json:
        record = statistics_record(statistics)
        record["panels"]["calibration"] = panel_record(fit)
        print(json.dumps(record, indent=2, ensure_ascii=False))
        return 0
    days = f"last {period.days} days" if period.days else "all time"
    print(f"Statistics of {scope.name}, {days}, computed {time.strftime('%Y-%m-%d %H:%M', time.localtime(statistics.now))}")
    for name, panel in [*statistics.panels().items(), ("calibration", fit)]:
        print(f"\n{panel.title}")
        for measure in panel.summary():
            print(f"  {measure.label}: {_stats_value(measure.value, measure.unit)}")
        if name in _STATS_TABLES_SHOWN:
            print("\n".join("  " + line for line in _stats_table_lines(panel)))
    return 0


def _stats_value(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if unit == "%":
        return f"{value:.1f}%"
    text = f"{value:.4g}" if isinstance(value, float) else str(value)
    return f"{text} {unit}" if unit else text


def _stats_table_lines(panel: Panel) -> list[str]:
    """The panel's table without its search column, in aligned columns."""
    table = panel.table()
    shown = [i for i, column in enumerate(table.columns) if column != "search"]
    cells = [[table.columns[i] for i in shown]]
    cells += [[_stats_value(row[i], "%" if table.columns[i].endswith("%") else "") for i in shown] for row in table.rows]
    widths = [max(len(row[k]) for row in cells) for k in range(len(shown))]
    return ["  ".join(cell.rjust(width) if k else cell.ljust(width) for k, (cell, width) in enumerate(zip(row, widths))) for row in cells]


# --- backups and check -------------------------------------------------------------
def _back_up_if_due(collection: Collection, reason: BackupReason) -> None:
    """An automatic backup; one that fails is reported, and what was being done goes on."""
    try:
        collection.backup_if_due(reason)
    except HeatcardsError as error:
        print(f"heatcards: warning: {error}", file=sys.stderr)


def _suggest_newest_backup(collection_path: Path) -> None:
    try:
        newest = Backups(collection_path, Clock()).list()[:1]
    except HeatcardsError:
        return
    if newest:
        name = newest[0].path.name
        print(f"heatcards: the newest backup is {name}: heatcards restore {name}", file=sys.stderr)


def run_backup(collection: Collection, args: argparse.Namespace) -> int:
    backup = collection.backup()
    print(f"Backed up {backup.cards} cards, {backup.notes} notes and {backup.reviews} reviews to {backup.path}")
    return 0


def run_backups(backups: Backups, args: argparse.Namespace) -> int:
    listed = backups.list()
    if not listed:
        print(f"No backups in {backups.folder}")
        return 0
    print(f"Backups in {backups.folder}, newest first:")
    print(f"{'Made':<17}{'Cards':>8}{'Notes':>8}{'Reviews':>9}{'Size':>11}  {'Why':<22}File")
    for b in listed:
        made = b.created.astimezone().strftime("%Y-%m-%d %H:%M")
        counts = f"{b.cards:>8}{b.notes:>8}{b.reviews:>9}" if b.cards is not None else f"{'(damaged)':>25}"
        print(f"{made:<17}{counts}{b.size / 1e6:>8.2f} MB  {b.reason or '':<22}{b.path.name}")
    return 0


def run_restore(backups: Backups, args: argparse.Namespace) -> int:
    backup = backups.find(args.backup)
    saved = backups.restore(backup)
    print(f"Restored {backup.name}" + (f"; the collection as it was is saved as {saved}" if saved else ""))
    return 0


def run_check(collection: Collection, args: argparse.Namespace) -> int:
    report = collection.check(repair=args.repair)
    if not report.findings:
        print("No problems found.")
        return 0
    for finding in report.findings:
        print(f"- {finding.message}")
    if report.backup is not None:
        print(f"Backed up to {report.backup.path}, then repaired {len(report.repaired)} of {len(report.findings)} problems.")
        for finding in report.remaining:
            print(f"Still: {finding.message}")
    elif args.repair:
        print("Nothing was repaired.")
    else:
        print("Run 'heatcards check --repair' to repair what can be repaired (a backup is made first).")
    return 1 if report.remaining else 0


def _default_study_deck(collection: Collection) -> Deck:
    """The top-level deck with the most to study today (the Heat deck on a fresh collection)."""
    top_level = [row for row in collection.deck_counts() if row.deck.depth == 0]
    return max(top_level, key=lambda row: row.counts.total).deck


COMMANDS = {
    "decks": run_decks,
    "cards": run_cards,
    "study": run_study,
    "info": run_info,
    "import": run_import,
    "export": run_export,
    "stats": run_stats,
    "backup": run_backup,
    "check": run_check,
}
COMMANDS.update(cli_optimize.COMMANDS)
COMMANDS.update(cli_generate.COMMANDS)
BACKUP_COMMANDS = {"backups": run_backups, "restore": run_restore}
