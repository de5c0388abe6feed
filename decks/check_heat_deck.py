#!/usr/bin/env python3
"""Validate a heatcards deck file (format "heatcards-deck", version 1).

Usage:
    python decks/check_heat_deck.py [DECK] [SEEDS_DIR]

DECK defaults to decks/heat.heatdeck.toml and SEEDS_DIR to ../shared/seeds,
both relative to the repository root (the parent of this script's folder).

Checks: top-level header, unique guids, allowed note types with their exact
field names, cloze deletions present in cloze notes, allowed tags, source
documents declared and their sha256 matching the files, paragraph numbers and
character spans valid, and that no field copies 8 or more consecutive words
from a source document (an error, or only a warning when the copied run sits
entirely inside quotation marks, e.g. film dialogue).

Exit status: 0 when clean (warnings allowed), 1 when any error was found.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DECK = REPO_ROOT / "decks" / "heat.heatdeck.toml"
DEFAULT_SEEDS = REPO_ROOT.parent / "shared" / "seeds"

NOTE_TYPES: dict[str, tuple[str, ...]] = {
    "Basic": ("Front", "Back"),
    "Basic (and reversed card)": ("Front", "Back"),
    "Basic (optional reversed card)": ("Front", "Back", "Add Reverse"),
    "Cloze": ("Text", "Back Extra"),
    "Basic (type in the answer)": ("Front", "Back"),
}
ALLOWED_TAGS = {
    "cast", "characters", "production", "real-story", "box-office", "research",
    "dialogue", "release", "locations", "sound", "reception", "casting",
}
CLOZE_RE = re.compile(r"\{\{c(\d+)::(.+?)\}\}", re.S)
WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z0-9]+)*")
QUOTE_RES = (
    re.compile(r'"[^"]*"'),
    re.compile(r"\u201c[^\u201d]*\u201d"),
    re.compile(r"(?<![A-Za-z0-9])'[^']*'(?![A-Za-z0-9])"),
)
MIN_RUN = 8


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) offsets of maximal runs of non-blank lines."""
    paras: list[tuple[int, int]] = []
    cur: list[int] | None = None
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.strip() == "":
            if cur is not None:
                paras.append((cur[0], cur[1]))
                cur = None
        elif cur is None:
            cur = [start, end]
        else:
            cur[1] = end
    if cur is not None:
        paras.append((cur[0], cur[1]))
    return paras


def cloze_numbers(text: str) -> set[int]:
    return {int(m.group(1)) for m in CLOZE_RE.finditer(text)}


def plain(text: str) -> str:
    """Field text as a reader sees it: cloze answers kept, hints and tags dropped."""
    text = CLOZE_RE.sub(lambda m: m.group(2).split("::", 1)[0], text)
    text = re.sub(r"<[^>]*>", "", text)
    return html.unescape(text)


def words(text: str) -> list[tuple[str, int, int]]:
    """(normalised word, start, end); apostrophes are dropped so "Mann's" == "Manns"."""
    return [
        (re.sub(r"['\u2019]", "", m.group(0)).lower(), m.start(), m.end())
        for m in WORD_RE.finditer(text)
    ]


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def copied_runs(text: str, doc_grams: set[tuple[str, ...]]):
    """Yield (run_text, fully_quoted) for each maximal run of >= MIN_RUN copied words."""
    toks = words(text)
    norm = [t[0] for t in toks]
    hit = [False] * len(toks)
    for i in range(len(toks) - MIN_RUN + 1):
        if tuple(norm[i:i + MIN_RUN]) in doc_grams:
            for j in range(i, i + MIN_RUN):
                hit[j] = True
    quoted: list[tuple[int, int]] = []
    for rx in QUOTE_RES:
        quoted += [(m.start(), m.end()) for m in rx.finditer(text)]
    i = 0
    while i < len(toks):
        if not hit[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and hit[j + 1]:
            j += 1
        start, end = toks[i][1], toks[j][2]
        inside = all(
            any(qs <= s and e <= qe for qs, qe in quoted) for _, s, e in toks[i:j + 1]
        )
        yield text[start:end], inside
        i = j + 1


def check(deck_path: Path, seeds_dir: Path) -> int:
    errors: list[str] = []
    warnings: list[str] = []

    with open(deck_path, "rb") as fh:
        deck = tomllib.load(fh)

    if deck.get("format") != "heatcards-deck":
        errors.append(f"format must be 'heatcards-deck', got {deck.get('format')!r}")
    if deck.get("version") != 1:
        errors.append(f"version must be 1, got {deck.get('version')!r}")
    meta = deck.get("deck")
    if not isinstance(meta, dict) or not str(meta.get("name", "")).strip():
        errors.append("[deck] table with a non-empty name is required")
        meta = {}
    if not str(meta.get("description", "")).strip():
        warnings.append("[deck] has no description")

    # ---- documents ---------------------------------------------------------
    docs: dict[str, dict] = {}
    for i, d in enumerate(deck.get("documents", []), 1):
        key = d.get("key")
        where = f"documents[{i}] ({key!r})"
        if not isinstance(key, str) or not key:
            errors.append(f"{where}: missing key")
            continue
        if key in docs:
            errors.append(f"{where}: duplicate document key")
            continue
        path = seeds_dir / str(d.get("file", ""))
        if not d.get("file") or not path.is_file():
            errors.append(f"{where}: file not found: {path}")
            continue
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if str(d.get("sha256", "")).lower() != digest:
            errors.append(f"{where}: sha256 mismatch (file has {digest})")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            errors.append(f"{where}: not valid UTF-8: {exc}")
            continue
        toks = [w for w, _, _ in words(text)]
        docs[key] = {
            "text": text,
            "paras": paragraphs(text),
            "grams": ngrams(toks, MIN_RUN),
        }
    if not docs:
        errors.append("no usable [[documents]]")
    all_grams: set[tuple[str, ...]] = set()
    for d in docs.values():
        all_grams |= d["grams"]

    def copy_check(label: str, value: str) -> None:
        for run, quoted in copied_runs(plain(value), all_grams):
            msg = f"{label}: {len(words(run))} words copied from a source: {run!r}"
            (warnings if quoted else errors).append(msg + (" (inside quotes)" if quoted else ""))

    copy_check("deck.description", str(meta.get("description", "")))
    for d in deck.get("documents", []):
        copy_check(f"document {d.get('key')!r} title", str(d.get("title", "")))

    # ---- notes -------------------------------------------------------------
    seen_guids: set[str] = set()
    by_type: Counter[str] = Counter()
    by_tag: Counter[str] = Counter()
    cards_by_type: Counter[str] = Counter()
    notes = deck.get("notes", [])
    for i, note in enumerate(notes, 1):
        guid = note.get("guid")
        where = f"note {guid or '#' + str(i)}"
        if not isinstance(guid, str) or not guid.strip():
            errors.append(f"{where}: missing guid")
        elif guid in seen_guids:
            errors.append(f"{where}: duplicate guid")
        else:
            seen_guids.add(guid)

        nt = note.get("notetype")
        fields = note.get("fields")
        if nt not in NOTE_TYPES:
            errors.append(f"{where}: unknown note type {nt!r}")
            continue
        if not isinstance(fields, dict):
            errors.append(f"{where}: fields must be a table")
            continue
        expected = NOTE_TYPES[nt]
        if set(fields) != set(expected):
            errors.append(
                f"{where}: fields {sorted(fields)} do not match {nt!r} fields {list(expected)}"
            )
            continue
        bad = [k for k, v in fields.items() if not isinstance(v, str)]
        if bad:
            errors.append(f"{where}: non-string field(s) {bad}")
            continue
        if not fields[expected[0]].strip():
            errors.append(f"{where}: first field {expected[0]!r} is empty")

        if nt == "Cloze":
            nums = cloze_numbers(fields["Text"])
            if not nums:
                errors.append(f"{where}: cloze note has no {{{{cN::...}}}} deletion")
            n_cards = len(nums)
        else:
            if any(cloze_numbers(v) for v in fields.values()):
                warnings.append(f"{where}: cloze syntax in a non-cloze note")
            if nt == "Basic (and reversed card)":
                n_cards = 2
                if not fields["Back"].strip():
                    errors.append(f"{where}: reversed card needs a non-empty Back")
            elif nt == "Basic (optional reversed card)":
                n_cards = 2 if fields["Add Reverse"].strip() else 1
            else:
                n_cards = 1
                if not fields["Back"].strip():
                    errors.append(f"{where}: empty Back")
        by_type[nt] += 1
        cards_by_type[nt] += n_cards

        tags = note.get("tags")
        if not isinstance(tags, list) or not tags:
            errors.append(f"{where}: needs at least one tag")
            tags = []
        for t in tags:
            if t not in ALLOWED_TAGS:
                errors.append(f"{where}: tag {t!r} not allowed")
            by_tag[t] += 1
        if len(set(tags)) != len(tags):
            warnings.append(f"{where}: repeated tag")

        src = note.get("source")
        if not isinstance(src, dict):
            errors.append(f"{where}: missing source table")
        else:
            dk = src.get("document")
            doc = docs.get(dk)
            if doc is None:
                errors.append(f"{where}: source document {dk!r} is not declared (or unusable)")
            else:
                para = src.get("paragraph")
                span = src.get("span")
                paras = doc["paras"]
                if not isinstance(para, int) or isinstance(para, bool) or not 1 <= para <= len(paras):
                    errors.append(f"{where}: paragraph {para!r} out of range 1..{len(paras)}")
                elif (
                    not isinstance(span, list) or len(span) != 2
                    or not all(isinstance(x, int) and not isinstance(x, bool) for x in span)
                ):
                    errors.append(f"{where}: span must be [start, end] integers")
                else:
                    ps, pe = paras[para - 1]
                    s, e = span
                    if not s < e:
                        errors.append(f"{where}: empty or inverted span {span}")
                    elif not (ps <= s and e <= pe):
                        errors.append(
                            f"{where}: span {span} outside paragraph {para} [{ps}, {pe})"
                        )
                    elif not doc["text"][s:e].strip():
                        errors.append(f"{where}: span {span} covers only whitespace")

        for name, value in fields.items():
            copy_check(f"{where}.{name}", value)

    # ---- report ------------------------------------------------------------
    print(f"deck: {deck_path}")
    print(f"documents: {len(docs)}   notes: {len(notes)}   cards: {sum(cards_by_type.values())}")
    print("notes / cards per note type:")
    for nt in NOTE_TYPES:
        if by_type[nt]:
            print(f"  {nt:<32} {by_type[nt]:>4} notes {cards_by_type[nt]:>4} cards")
    print("notes per tag:")
    for tag, count in sorted(by_tag.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {tag:<14} {count:>4}")
    for w in warnings:
        print(f"WARNING: {w}")
    for e in errors:
        print(f"ERROR: {e}")
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("deck", nargs="?", type=Path, default=DEFAULT_DECK)
    ap.add_argument("seeds", nargs="?", type=Path, default=DEFAULT_SEEDS)
    args = ap.parse_args(argv)
    return check(args.deck, args.seeds)


if __name__ == "__main__":
    sys.exit(main())
