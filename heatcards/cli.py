"""The `heatcards` command line."""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .collection import Collection, default_collection_path
from .errors import HeatcardsError, NothingToUndoError
from .model import Card, CardInfo, CardState, Deck, Rating
from .rendering import html_to_text

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from .ui.app import run  # Qt is loaded only for the desktop app

        return run(args.collection, getattr(args, "deck", None))
    try:
        with Collection(args.collection) as collection:
            return COMMANDS[args.command](collection, args)
    except HeatcardsError as error:
        print(f"heatcards: error: {error}", file=sys.stderr)
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
            break


def _default_study_deck(collection: Collection) -> Deck:
    """The top-level deck with the most to study today (the Heat deck on a fresh collection)."""
    top_level = [row for row in collection.deck_counts() if row.deck.depth == 0]
    return max(top_level, key=lambda row: row.counts.total).deck


COMMANDS = {"decks": run_decks, "cards": run_cards, "study": run_study, "info": run_info}
