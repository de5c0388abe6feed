#!/usr/bin/env python3
"""Quality and speed of card suggestions, measured the way the documents issue will check them.

For every document with key facts in bench/authoring/keyfacts/ (the held-out articles in
bench/authoring/articles/, and the two seed articles in ../shared/seeds/, skipped with a message
when ../shared is absent), the document is read with `read_document`, an engine makes its
suggestions, and the table reports:

  per 1,000 words   suggestions per 1,000 words of the document
  coverage          the share of the document's key facts that some suggestion covers: its answer
                    equals the fact's answer or one of its `also` forms (ignoring case and
                    punctuation), or its passage overlaps the fact's sentence and the fact's answer
                    appears in its answer (the cloze deletion or the answer to the question)
  keep, keepable    from bench/authoring/judgments/<name>.toml: the share of the judged suggestions
                    a careful learner keeps unchanged (keep), and keeps after a small edit
                    (keep + edit); suggestions nobody has judged are added there with verdict = ""
                    and counted as unjudged (judging rules: bench/authoring/README.md)
  ms                reading the file and suggesting, median of --repeat runs

Usage:
  .venv/bin/python bench/bench_authoring.py [--engine rules|spacy|llm] [--llm-url URL --llm-model NAME]
      [--cards-per-1000-words N] [--repeat 5] [--only NAME] [--json out.json]
  .venv/bin/python bench/bench_authoring.py --check-keyfacts   # every fact's answer is inside its sentence
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import statistics
import sys
import time
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # /work/main
BENCH = ROOT / "bench" / "authoring"
ARTICLES = BENCH / "articles"
KEYFACTS = BENCH / "keyfacts"
JUDGMENTS = BENCH / "judgments"
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))

from heatcards.authoring.engines import ENGINE_NAMES, engine_named  # noqa: E402
from heatcards.authoring.model import DEFAULT_CARDS_PER_1000_WORDS, DocumentText, Suggestion  # noqa: E402
from heatcards.authoring.reading import read_document  # noqa: E402
from heatcards.errors import HeatcardsError  # noqa: E402

VERDICTS = ("keep", "edit", "reject")
SPEED_WORDS = 5000  # the speed goal: suggestions for a 5,000-word article in under 2 s
SPEED_GOAL_S = 2.0
_LIST_MARKER = re.compile(r"^(?:\d+[.)]|[-*+])\s*")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class KeyFact:
    answer: str
    also: tuple[str, ...]
    start: int  # [start, end) of the sentence stating it, in the file as stored
    end: int

    @property
    def forms(self) -> set[str]:
        return {comparable(self.answer), *(comparable(form) for form in self.also)}


@dataclass(frozen=True)
class Subject:
    """A document the bench measures, with its key facts."""

    name: str  # the key facts' file name without .toml; also names the judgments file
    path: Path
    sha256: str  # of the file the key facts' spans were computed from
    facts: tuple[KeyFact, ...]


def comparable(text: str) -> str:
    """`text` without case, punctuation or spacing differences: 'The "Dark Knight"' -> 'the dark knight'."""
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).casefold()).split())


def contains(text: str, part: str) -> bool:
    """Whether `part` occurs in `text` as whole words (both already comparable)."""
    return bool(part) and f" {part} " in f" {text} "


def load_subjects(only: str | None) -> tuple[list[Subject], list[str]]:
    """The documents with key facts, and a message for each one that cannot be measured here."""
    subjects, skipped = [], []
    for path in sorted(KEYFACTS.glob("*.toml")):
        name = path.stem
        if only and name != only:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if "article" in data:
            document = ARTICLES / data["article"]
        else:
            document = SEEDS / data["seed"]
            if not document.exists():
                skipped.append(f"{name}: skipped, the seed {data['seed']} is not in {SEEDS} (../shared is absent)")
                continue
        facts = tuple(
            KeyFact(fact["answer"], tuple(fact.get("also", ())), fact["sentence"][0], fact["sentence"][1])
            for fact in data["facts"]
        )
        subjects.append(Subject(name, document, data["sha256"], facts))
    if only and not subjects and not skipped:
        raise SystemExit(f"error: no key facts called {only!r} in {KEYFACTS}")
    return subjects, skipped


def check_keyfacts(subjects: list[Subject]) -> list[str]:
    """What is wrong with the key facts: a file changed since its spans were computed, a span out of
    the file, or an answer that is not inside its sentence."""
    problems = []
    for subject in subjects:
        data = subject.path.read_bytes()
        if hashlib.sha256(data).hexdigest() != subject.sha256:
            problems.append(f"{subject.name}: {subject.path.name} changed since its key facts were written; "
                            "recompute their sentence spans and the sha256")
            continue
        text = data.decode("utf-8")
        for number, fact in enumerate(subject.facts, 1):
            where = f"{subject.name}, fact {number} ({fact.answer!r})"
            if not 0 <= fact.start < fact.end <= len(text):
                problems.append(f"{where}: sentence [{fact.start}, {fact.end}] is outside the file's "
                                f"{len(text)} characters")
            elif not contains(comparable(text[fact.start:fact.end]), comparable(fact.answer)):
                problems.append(f"{where}: the answer is not in its sentence {text[fact.start:fact.end]!r}")
    return problems


def sentence_spans(subject: Subject, document: DocumentText) -> list[tuple[int, int] | None]:
    """Each fact's sentence located in the document's text (a reader may drop markup and collapse
    spaces, moving offsets); None when the reader changed the sentence beyond recognition."""
    raw = subject.path.read_text(encoding="utf-8")
    spans = []
    for fact in subject.facts:
        sentence = raw[fact.start:fact.end]
        if subject.path.suffix.lower() in (".html", ".htm"):  # as the reader shows it: no tags, entities decoded
            sentence = html.unescape(_TAG.sub("", sentence))
        at = document.text.find(sentence)
        if at >= 0:
            spans.append((at, at + len(sentence)))
            continue
        words = re.findall(r"\w+", _LIST_MARKER.sub("", sentence))  # Markdown's reader drops "1. " and "- "
        found = re.search(r"\W+".join(map(re.escape, words)), document.text) if words else None
        spans.append(found.span() if found else None)
    return spans


def covers(suggestion: Suggestion, fact: KeyFact, span: tuple[int, int] | None) -> bool:
    answer = comparable(suggestion.answer)
    if answer in fact.forms:
        return True
    overlaps = span is not None and suggestion.start < span[1] and span[0] < suggestion.end
    return overlaps and any(contains(answer, form) for form in fact.forms)


def judgments_path(subject: Subject) -> Path:
    return JUDGMENTS / f"{subject.name}.toml"


def load_judgments(subject: Subject) -> list[dict]:
    path = judgments_path(subject)
    if not path.exists():
        return []
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("judgments", [])
    for number, entry in enumerate(entries, 1):
        if entry.get("verdict", "") not in (*VERDICTS, ""):
            raise SystemExit(f"error: {path}, judgment {number}: verdict {entry['verdict']!r} is not one of "
                             f"{', '.join(VERDICTS)} (or \"\" for not judged yet)")
    return entries


def toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, except that TOML also wants DEL escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def save_judgments(subject: Subject, entries: list[dict]) -> None:
    lines = [
        f"# Judgments of the suggestions made from {subject.name}, keyed by the exact front and back.",
        "# verdict = \"keep\" | \"edit\" | \"reject\" (\"\" = not judged yet); the rules are in ../README.md.",
        "# bench_authoring.py adds the suggestions it has not seen; judgments of suggestions an engine no",
        "# longer makes stay here, in case it makes them again.",
    ]
    for entry in entries:
        lines += ["", "[[judgments]]"]
        lines += [f"{key} = {toml_string(entry[key])}" for key in ("front", "back", "rule", "verdict", "why")]
    JUDGMENTS.mkdir(parents=True, exist_ok=True)
    judgments_path(subject).write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(subject: Subject, engine, per_1000: float, repeat: int) -> dict:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        document = read_document(subject.path)
        suggestions = engine.suggest(document, cards_per_1000_words=per_1000)
        times.append(time.perf_counter() - started)

    spans = sentence_spans(subject, document)
    covered = [any(covers(s, fact, span) for s in suggestions) for fact, span in zip(subject.facts, spans)]

    entries = load_judgments(subject)
    known = {(entry["front"], entry["back"]): entry for entry in entries}
    new = [
        {"front": s.front, "back": s.back, "rule": s.rule, "verdict": "", "why": ""}
        for s in suggestions
        if (s.front, s.back) not in known
    ]
    if new:
        save_judgments(subject, entries + new)
        known.update({(entry["front"], entry["back"]): entry for entry in new})
    verdicts = [known[(s.front, s.back)]["verdict"] for s in suggestions]
    counts = {verdict: verdicts.count(verdict) for verdict in VERDICTS}
    judged = sum(counts.values())

    return {
        "name": subject.name,
        "file": subject.path.name,
        "words": document.word_count,
        "suggestions": len(suggestions),
        "per_1000_words": 1000 * len(suggestions) / document.word_count,
        "facts": len(subject.facts),
        "covered": sum(covered),
        "coverage": sum(covered) / len(subject.facts),
        "facts_not_located": sum(span is None for span in spans),
        "missed": [fact.answer for fact, hit in zip(subject.facts, covered) if not hit],
        "judged": judged,
        **counts,
        "unjudged": len(suggestions) - judged,
        "keep_share": counts["keep"] / judged if judged else None,
        "keepable_share": (counts["keep"] + counts["edit"]) / judged if judged else None,
        "seconds": statistics.median(times),
        "runs": repeat,
        "cards": [
            {
                "front": s.front, "back": s.back, "answer": s.answer, "kind": s.kind.value, "rule": s.rule,
                "span": [s.start, s.end], "passage": document.text[s.start:s.end], "verdict": verdict,
            }
            for s, verdict in zip(suggestions, verdicts)
        ],
    }


def overall(rows: list[dict]) -> dict:
    keys = ("words", "suggestions", "facts", "covered", "judged", *VERDICTS, "unjudged")
    total = {key: sum(row[key] for row in rows) for key in keys}
    judged = total["judged"]
    return {
        **total,
        "per_1000_words": 1000 * total["suggestions"] / total["words"],
        "coverage": total["covered"] / total["facts"],
        "keep_share": total["keep"] / judged if judged else None,
        "keepable_share": (total["keep"] + total["edit"]) / judged if judged else None,
    }


def percent(share: float | None) -> str:
    return "-" if share is None else f"{100 * share:.0f} %"


def print_table(rows: list[dict], total: dict) -> None:
    print("| document | words | suggestions | per 1,000 words | key facts covered | coverage | judged "
          "| keep | keepable | unjudged | read + suggest |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['name']} | {row['words']:,} | {row['suggestions']} | {row['per_1000_words']:.1f} "
              f"| {row['covered']}/{row['facts']} | {percent(row['coverage'])} | {row['judged']} "
              f"| {percent(row['keep_share'])} | {percent(row['keepable_share'])} | {row['unjudged']} "
              f"| {1000 * row['seconds']:.0f} ms |")
    print(f"| all | {total['words']:,} | {total['suggestions']} | {total['per_1000_words']:.1f} "
          f"| {total['covered']}/{total['facts']} | {percent(total['coverage'])} | {total['judged']} "
          f"| {percent(total['keep_share'])} | {percent(total['keepable_share'])} | {total['unjudged']} | |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engine", choices=ENGINE_NAMES, default="rules")
    ap.add_argument("--llm-url", default=None)
    ap.add_argument("--llm-model", default=None)
    ap.add_argument("--cards-per-1000-words", type=float, default=DEFAULT_CARDS_PER_1000_WORDS)
    ap.add_argument("--repeat", type=int, default=5, help="runs per document; the time reported is their median")
    ap.add_argument("--only", default=None, help="measure one document (its key facts' file name without .toml)")
    ap.add_argument("--json", type=Path, default=None, help="also write the results, every card included, here")
    ap.add_argument("--check-keyfacts", action="store_true", help="only check the key facts against their files")
    a = ap.parse_args()

    subjects, skipped = load_subjects(a.only)
    for message in skipped:
        print(message)
    problems = check_keyfacts(subjects)
    if a.check_keyfacts or problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        if not problems:
            print(f"key facts ok: {sum(len(s.facts) for s in subjects)} facts in {len(subjects)} documents")
        return 1 if problems else 0

    try:
        engine = engine_named(a.engine, llm_url=a.llm_url, llm_model=a.llm_model)
        rows = [measure(subject, engine, a.cards_per_1000_words, max(1, a.repeat)) for subject in subjects]
    except HeatcardsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    total = overall(rows)

    print(f"engine: {a.engine}, {a.cards_per_1000_words:g} cards per 1,000 words asked for; "
          f"times are medians of {max(1, a.repeat)} runs\n")
    print_table(rows, total)
    for row in rows:
        if row["words"] >= SPEED_WORDS:
            verdict = "met" if row["seconds"] < SPEED_GOAL_S else "NOT met"
            print(f"\nspeed: {row['name']} ({row['words']:,} words) read and suggested in {row['seconds']:.2f} s "
                  f"(goal < {SPEED_GOAL_S:g} s: {verdict})")
    for row in rows:
        if row["facts_not_located"]:
            print(f"note: {row['name']}: {row['facts_not_located']} key facts' sentences were not found in the text "
                  "read; only an equal answer covers them")
    if total["unjudged"]:
        print(f"\n{total['unjudged']} suggestions are not judged yet: fill in their verdict in {JUDGMENTS}")

    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps({
            "engine": a.engine, "cards_per_1000_words": a.cards_per_1000_words, "documents": rows,
            "overall": total, "skipped": skipped,
        }, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {a.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
