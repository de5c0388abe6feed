"""`heatcards generate` (cards suggested from documents) and `heatcards documents` (list, delete) on
the command line. `register` adds their parsers; `COMMANDS` holds their handlers, which take the open
collection and the parsed arguments, as `cli.COMMANDS` does."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .authoring.engines import ENGINE_NAMES, engine_named
from .authoring.model import DEFAULT_CARDS_PER_1000_WORDS, DocumentText, Suggestion, SuggestionEngine
from .authoring.reading import MAX_DOCUMENT_BYTES, SUPPORTED_SUFFIXES, read_document
from .collection import Collection
from .errors import HeatcardsError


def _positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"it must be more than 0, not {text}")
    return value


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `generate` and `documents` commands to the `heatcards` parser's subcommands."""
    generate = commands.add_parser(
        "generate",
        help="suggest cards from documents and add them, each citing its passage; a document that fails is reported",
        description=f"Read documents ({', '.join(SUPPORTED_SUFFIXES)}; at most {MAX_DOCUMENT_BYTES // 1024 // 1024} MB "
        "each), keep them in the collection, suggest cards from each and add them to a deck (by default one named "
        "after the document), every card citing the passage it came from. --dry-run shows the "
        "suggestions without changing anything. A document already in the collection with cards "
        "is skipped.",
    )
    generate.add_argument("documents", nargs="+", type=Path, metavar="DOC")
    generate.add_argument("--deck", metavar="NAME", help="the deck to add the cards to (default: the document's title)")
    generate.add_argument(
        "--backend", choices=ENGINE_NAMES, default=ENGINE_NAMES[0],
        help="what suggests the cards: rules (the default: offline and fast), spacy (needs heatcards[nlp]) "
        "or llm (a local language model server, see --llm-url)",
    )
    generate.add_argument(
        "--max-per-1000-words", type=_positive_number, default=DEFAULT_CARDS_PER_1000_WORDS, metavar="N",
        help=f"at most about N cards per 1,000 words of a document, the best first (default {DEFAULT_CARDS_PER_1000_WORDS:g})",
    )
    generate.add_argument("--tags", nargs="+", default=[], metavar="T", help="tags for the cards (put them after the documents)")
    generate.add_argument("--dry-run", action="store_true", help="only show the suggestions: nothing is added")
    generate.add_argument("--json", action="store_true", help="print JSON")
    generate.add_argument(
        "--llm-url", metavar="URL",
        help="--backend llm: the OpenAI-compatible server, e.g. http://localhost:11434 (default: the one set in Preferences)",
    )
    generate.add_argument("--llm-model", metavar="NAME", help="--backend llm: the model to ask, e.g. llama3.1:8b")

    documents = commands.add_parser(
        "documents", help="list the documents cards were made from; 'documents delete ID' deletes one (its cards stay)"
    )
    documents.add_argument("--json", action="store_true", help="print JSON")
    actions = documents.add_subparsers(dest="documents_action", metavar="ACTION")
    delete = actions.add_parser(
        "delete", help="delete a document after a backup; its cards stay, their source then says it was deleted"
    )
    delete.add_argument("document_id", type=int, metavar="ID")


def _engine(collection: Collection, args: argparse.Namespace) -> SuggestionEngine:
    settings = None
    if args.backend == "llm" and not (args.llm_url and args.llm_model):
        settings = collection.language_model_settings()
    return engine_named(args.backend, llm_url=args.llm_url, llm_model=args.llm_model, settings=settings)


def _suggestion_record(path: Path, document: DocumentText, suggestion: Suggestion) -> dict:
    return {
        "front": suggestion.front,
        "back": suggestion.back,
        "kind": suggestion.kind.value,
        "document": str(path),
        "title": document.title,
        "span": [suggestion.start, suggestion.end],
        "rule": suggestion.rule,
        "answer": suggestion.answer,
        "score": suggestion.score,
    }


def run_generate(collection: Collection, args: argparse.Namespace) -> int:
    engine = _engine(collection, args)
    records: list[dict] = []
    failed = False
    for path in args.documents:
        try:
            records += _generate_one(collection, engine, path, args)
        except HeatcardsError as error:
            print(f"heatcards: error: {error}", file=sys.stderr)
            failed = True
    if args.json:
        print(json.dumps(records, indent=2, ensure_ascii=False))
    return 1 if failed else 0


def _generate_one(collection: Collection, engine: SuggestionEngine, path: Path, args: argparse.Namespace) -> list[dict]:
    """Suggest cards from one document and add them (a dry run only shows them). Returns what the
    JSON output lists for it: the suggestions of a dry run, else one record of what was added."""
    document = read_document(path)
    started = time.perf_counter()
    suggestions = engine.suggest(document, cards_per_1000_words=args.max_per_1000_words)
    seconds = time.perf_counter() - started
    if args.dry_run:
        if not args.json:
            print(f"{path}: {len(suggestions)} suggested cards from {document.word_count} words ({engine.name}, {seconds:.1f} s)")
            for suggestion in suggestions:
                answer = f"  ->  {suggestion.back}" if suggestion.back else ""
                print(f"  [{suggestion.rule}] {suggestion.front}{answer}")
        return [_suggestion_record(path, document, s) for s in suggestions]
    deck = args.deck or document.title
    cited = {d.id: d.note_count for d in collection.documents()}
    document_id, existed = collection.add_document(document)
    record = {"document": str(path), "title": document.title, "document_id": document_id, "deck": deck}
    if existed and cited.get(document_id):
        if not args.json:
            print(
                f"{path}: already in the collection (document {document_id}) with {cited[document_id]} notes; skipped "
                f"(to make its cards again, 'heatcards documents delete {document_id}' first)"
            )
        return [{**record, "skipped": True, "cards_added": 0}]
    changes = collection.add_suggestions(document_id, suggestions, deck_name=deck, tags=args.tags)
    if not args.json:
        count = len(changes.cards)
        print(f"{path}: {count} card{'s' if count != 1 else ''} added to deck {deck!r} (document {document_id}; {engine.name}, {seconds:.1f} s)")
    return [{**record, "skipped": False, "cards_added": len(changes.cards)}]


def run_documents(collection: Collection, args: argparse.Namespace) -> int:
    if args.documents_action == "delete":
        changes = collection.delete_document(args.document_id)
        print(f"Deleted document {args.document_id}; its {len(changes.notes)} notes and their cards stay, without it.")
        return 0
    documents = collection.documents()
    if args.json:
        print(json.dumps([
            {
                "id": d.id,
                "title": d.title,
                "file_name": d.file_name,
                "added": time.strftime("%Y-%m-%d %H:%M", time.localtime(d.added)),
                "words": d.word_count,
                "notes": d.note_count,
                "text_stored": d.text_stored,
            }
            for d in documents
        ], indent=2, ensure_ascii=False))
        return 0
    print(f"{'ID':>4}  {'Added':<10}{'Words':>7}{'Notes':>7}  Title (file)")
    for d in documents:
        words = str(d.word_count) if d.text_stored else "-"
        added = time.strftime("%Y-%m-%d", time.localtime(d.added))
        print(f"{d.id:>4}  {added:<10}{words:>7}{d.note_count:>7}  {d.title} ({d.file_name})")
    print(f"{len(documents)} document{'s' if len(documents) != 1 else ''}")
    return 0


COMMANDS = {"generate": run_generate, "documents": run_documents}
