"""Anki's search syntax for cards: a parser to a small typed tree. Pure: no SQL.

`parse_search(text)` returns a `SearchNode` (`And`, `Or`, `Not` or `Term`) or
raises `SearchSyntaxError`, whose message says what is wrong and where
("... at position 7", counting characters from 1) and whose `offset`
attribute is the 0-based index of that character, for placing a cursor.
`heatcards.storage.search_sql.compile_search` turns the tree into SQL.

Syntax (as Anki's):

    dog cat            both words (AND by juxtaposition), anywhere in any field
    dog and cat        the same; `and`/`or` are case-insensitive keywords
    dog or cat         either; AND binds tighter: `a or b c` is `a or (b and c)`
    -dog               not
    (dog or cat) -rat  grouping
    "a dog"            an exact phrase (quotes group words, they do not
                       disable wildcards); also "deck:My Deck", deck:"My Deck"
    d*g  d_g           `*` any characters, `_` one character
    \\* \\_ \\" \\\\ \\: \\( \\) \\-   a literal *, _, ", \\, :, (, ), -
    front:dog          field "front" is exactly "dog" (case-insensitive);
                       front:*dog* contains; front: empty; fr*:x several fields;
                       front:re:... regex, front:nc:... ignoring accents
    re:... nc:... w:...  regex (raw field text) / ignoring accents / whole words
    deck:name          the deck and its subdecks; wildcards; deck:* all
    tag:t              tag t and its children t::*; wildcards; tag:none untagged;
                       tag:re:... regex
    note:Name          note type;  card:2 / card:Name  template (number from 1)
    preset:Name        cards in decks using that options preset
    is:new|learn|review|due|suspended|buried|marked|leech
    flag:0..7
    prop:ivl>=10 prop:due<=-1 prop:pos<5 prop:reps<10 prop:lapses>3
    prop:s>21 prop:d>0.3 prop:r<0.9   (operators = != < > <= >=)
    prop:rated=-1 prop:resched>-7   (answered / rescheduled on a day: 0 today, -1 yesterday)
    added:7 edited:3 introduced:2 rated:7 rated:7:1 resched:7  (last N days)
    nid:1,2,3 cid:1,2 did:1 mid:1

Values of text-like terms are kept as *globs*: a string where an unescaped
`*` or `_` is a wildcard and `\\*`, `\\_`, `\\\\` stand for the literal characters;
every other character (and the parser-level escapes `\\" \\: \\( \\) \\-`) is
already resolved to itself. `glob_matcher` turns one into a matcher.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Union

from .clock import DayCalendar
from .errors import SearchSyntaxError

MAX_TERMS = 1000
MAX_NESTING = 50


# --- the tree -----------------------------------------------------------------------


@dataclass(frozen=True)
class And:
    children: tuple["SearchNode", ...]


@dataclass(frozen=True)
class Or:
    children: tuple["SearchNode", ...]


@dataclass(frozen=True)
class Not:
    child: "SearchNode"


@dataclass(frozen=True)
class Term:
    """One search condition. Which attributes matter depends on `kind`:

    text, nc, word        value: glob (substring; nc ignores accents; word: whole words)
    regex                 value: Python regular expression (raw field text)
    field, field_nc       name: field-name glob, value: glob matched against the whole field
    field_regex           name: field-name glob, value: regular expression
    deck, tag, note, preset   value: glob
    tag_regex             value: regular expression
    untagged              -
    card                  number: template number counted from 1, or value: template-name glob
    is                    value: new, learn, review, due, suspended, buried, marked or leech
    flag                  number: 0..7
    prop                  name: ivl, due, pos, reps, lapses, s, d, r, rated or resched; op; number
    added, edited, introduced, resched   number: days (1 = today)
    rated                 number: days; rating: None (any answer) or 1..4
    nid, cid, did, mid    ids
    """

    kind: str
    value: str = ""
    name: str = ""
    op: str = ""
    number: int | float | None = None
    rating: int | None = None
    ids: tuple[int, ...] = ()


SearchNode = Union[And, Or, Not, Term]

MATCH_ALL: SearchNode = And(())


@dataclass(frozen=True)
class SearchContext:
    """What day-relative filters need: the moment of the search and the learner's days."""

    now: int  # unix seconds
    calendar: DayCalendar


# --- errors -------------------------------------------------------------------------


def _fail(message: str, offset: int, hint: str = "") -> SearchSyntaxError:
    error = SearchSyntaxError(f"{message} at position {offset + 1}" + (f": {hint}" if hint else ""))
    error.offset = offset
    return error


# --- parsing ------------------------------------------------------------------------


def parse_search(text: str) -> SearchNode:
    """Parse an Anki-style search; the empty search matches every card."""
    if not isinstance(text, str):
        raise SearchSyntaxError("a search must be text")
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise _fail("the search contains an invalid character (a lone surrogate)", surrogate.start())
    parser = _Parser(text)
    try:
        return parser.parse()
    except SearchSyntaxError:
        raise
    except RecursionError:
        raise _fail("the search is nested too deeply", parser.pos) from None


@dataclass
class _Raw:
    """A term's text with escapes kept, and where each of its characters came from."""

    text: str
    offsets: list[int]
    start: int
    end: int
    bare: bool  # not quoted at all (so `and`/`or` are keywords)


class _Operator:
    def __init__(self, word: str, offset: int):
        self.word = word
        self.offset = offset


_KEYS = {
    "deck", "tag", "note", "card", "is", "flag", "prop", "added", "edited", "introduced",
    "rated", "resched", "nid", "cid", "did", "mid", "re", "nc", "w", "preset",
}
_UNSUPPORTED_KEYS = {"dupe", "sc", "has-cd"}
_STATES = ("new", "learn", "review", "due", "suspended", "buried", "marked", "leech")
_PROPS = ("ivl", "due", "pos", "reps", "lapses", "s", "d", "r", "rated", "resched")
_WHOLE = re.compile(r"[0-9]+")
_SIGNED = re.compile(r"-?[0-9]+")
_REAL = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_ID_LIST = re.compile(r"[0-9]+(?:,[0-9]+)*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_PROP = re.compile(r"([A-Za-z]*)(<=|>=|!=|=|<|>)?(.*)", re.S)


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.terms = 0

    # scanning ------------------------------------------------------------------
    def _skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def _peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def parse(self) -> SearchNode:
        node = self._sequence(depth=0)
        self._skip_space()
        if self.pos < len(self.text):  # only an unmatched ')' stops a top-level sequence
            raise _fail("unbalanced parenthesis", self.pos, "this ')' has no matching '('")
        return MATCH_ALL if node is None else node

    def _sequence(self, depth: int) -> SearchNode | None:
        """Nodes up to the end or a ')', joined by explicit or implicit and/or."""
        items: list[SearchNode | _Operator] = []
        while True:
            self._skip_space()
            if self.pos >= len(self.text) or self._peek() == ")":
                break
            item = self._node(depth)
            if isinstance(item, _Operator):
                if not items or isinstance(items[-1], _Operator):
                    raise _fail(f"misplaced '{item.word}'", item.offset, "it needs a search term on each side")
            elif items and not isinstance(items[-1], _Operator):
                items.append(_Operator("and", -1))  # implicit
            items.append(item)
        if items and isinstance(items[-1], _Operator):
            raise _fail(f"misplaced '{items[-1].word}'", items[-1].offset, "it needs a search term on each side")
        if not items:
            return None
        alternatives: list[list[SearchNode]] = [[]]
        for item in items:
            if isinstance(item, _Operator):
                if item.word == "or":
                    alternatives.append([])
            else:
                alternatives[-1].append(item)
        return _either([_both(group) for group in alternatives])

    def _node(self, depth: int) -> SearchNode | _Operator:
        start = self.pos
        char = self._peek()
        if char == "-":
            following = self.text[start + 1] if start + 1 < len(self.text) else ""
            if following and not following.isspace() and following != ")":
                self.pos += 1
                if following == "(":
                    return Not(self._group(depth))
                return Not(self._term(self._read_term()))
        if char == "(":
            return self._group(depth)
        raw = self._read_term()
        if raw.bare and raw.text.lower() in ("and", "or"):
            return _Operator(raw.text.lower(), raw.start)
        return self._term(raw)

    def _group(self, depth: int) -> SearchNode:
        opened = self.pos
        if depth >= MAX_NESTING:
            raise _fail(f"parentheses are nested more than {MAX_NESTING} deep", opened)
        self.pos += 1
        inner = self._sequence(depth + 1)
        self._skip_space()
        if self._peek() != ")":
            raise _fail("unbalanced parenthesis", opened, "this '(' is never closed")
        if inner is None:
            raise _fail("empty parentheses", opened)
        self.pos += 1
        return inner

    def _read_term(self) -> _Raw:
        """Quoted or unquoted text, or key:"quoted value"."""
        start = self.pos
        chars: list[str] = []
        offsets: list[int] = []
        if self._peek() == '"':
            self._read_quoted(chars, offsets)
            if not chars:
                raise _fail('empty quotes ""', start)
            return _Raw("".join(chars), offsets, start, self.pos, bare=False)
        text = self.text
        bare = True
        last_escaped = False
        while self.pos < len(text):
            char = text[self.pos]
            if char.isspace() or char in "()":
                break
            if char == '"':
                if chars and chars[-1] == ":" and not last_escaped:  # key:"quoted value"
                    bare = False
                    quote = self.pos
                    self._read_quoted(chars, offsets)
                    if offsets and offsets[-1] < quote:
                        raise _fail('empty quotes ""', quote)
                break
            if char == "\\":
                following = text[self.pos + 1] if self.pos + 1 < len(text) else ""
                if not following or following.isspace():
                    raise _fail("lone backslash", self.pos, "write \\\\ to search for a backslash")
                chars += ["\\", following]
                offsets += [self.pos, self.pos + 1]
                self.pos += 2
                last_escaped = True
                continue
            chars.append(char)
            offsets.append(self.pos)
            self.pos += 1
            last_escaped = False
        return _Raw("".join(chars), offsets, start, self.pos, bare=bare)

    def _read_quoted(self, chars: list[str], offsets: list[int]) -> None:
        opened = self.pos
        text = self.text
        self.pos += 1
        while self.pos < len(text):
            char = text[self.pos]
            if char == '"':
                self.pos += 1
                return
            if char == "\\" and self.pos + 1 < len(text):
                chars += ["\\", text[self.pos + 1]]
                offsets += [self.pos, self.pos + 1]
                self.pos += 2
                continue
            chars.append(char)
            offsets.append(self.pos)
            self.pos += 1
        raise _fail("unclosed quote", opened)

    # terms ---------------------------------------------------------------------
    def _term(self, raw: _Raw) -> Term:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise _fail(f"the search has more than {MAX_TERMS} terms", raw.start)
        colon = _unescaped_colon(raw.text)
        if colon is None:
            return Term("text", _unescape(raw, 0, len(raw.text), glob=True))
        if colon == 0:
            raise _fail("missing field name or keyword before ':'", raw.offsets[0], "write \\: to search for a colon")
        key = _unescape(raw, 0, colon, glob=True)
        value_start = colon + 1
        shown = self.text[raw.start:raw.end]
        lowered = key.lower()
        if lowered in _UNSUPPORTED_KEYS:
            raise _fail(f"{lowered}: searches are not supported", raw.start)
        if lowered not in _KEYS:
            return self._field(raw, key, value_start)
        rest = raw.text[value_start:]

        def plain() -> str:
            return _unescape(raw, value_start, len(raw.text), glob=False)

        def glob() -> str:
            return _unescape(raw, value_start, len(raw.text), glob=True)

        def needs_value(what: str) -> None:
            if not rest:
                raise _fail(f"missing value in {shown}", raw.start, f"give {what}")

        if lowered in ("deck", "note", "preset"):
            needs_value({"deck": "a deck name", "note": "a note type name", "preset": "a preset name"}[lowered])
            return Term(lowered, glob())
        if lowered == "tag":
            needs_value("a tag, or none")
            if rest.startswith("re:"):
                return Term("tag_regex", self._regex(raw, value_start + 3, shown))
            value = glob()
            if value.lower() == "none":
                return Term("untagged")
            return Term("tag", value)
        if lowered == "card":
            needs_value("a template name or number")
            value = glob()
            if _WHOLE.fullmatch(value):
                return Term("card", number=_int(value))
            return Term("card", value)
        if lowered in ("re", "nc", "w"):
            needs_value("some text to look for")
            if lowered == "re":
                return Term("regex", self._regex(raw, value_start, shown))
            return Term({"nc": "nc", "w": "word"}[lowered], glob())
        value = plain()
        if lowered == "is":
            state = value.lower()
            if state not in _STATES:
                raise _fail(f"{shown} is not a known state", raw.start, f"use is:{', is:'.join(_STATES)}")
            return Term("is", state)
        if lowered == "flag":
            if not (_WHOLE.fullmatch(value) and _int(value) <= 7):
                raise _fail(f"invalid flag in {shown}", raw.start, "a flag is a number from 0 to 7")
            return Term("flag", number=_int(value))
        if lowered == "prop":
            return self._prop(value, shown, raw.start)
        if lowered in ("added", "edited", "introduced", "resched"):
            if not _WHOLE.fullmatch(value):
                raise _fail(f"invalid number of days in {shown}", raw.start, f"write, for example, {lowered}:7")
            return Term(lowered, number=max(1, _int(value)))
        if lowered == "rated":
            days, separator, rating = value.partition(":")
            if not _WHOLE.fullmatch(days):
                raise _fail(f"invalid number of days in {shown}", raw.start, "write, for example, rated:7 or rated:7:1")
            answer = None
            if separator:
                if not (_WHOLE.fullmatch(rating) and 1 <= _int(rating) <= 4):
                    raise _fail(f"invalid answer in {shown}", raw.start, "the answer after the days must be 1, 2, 3 or 4")
                answer = _int(rating)
            return Term("rated", number=max(1, _int(days)), rating=answer)
        # nid, cid, did, mid
        if not _ID_LIST.fullmatch(value):
            raise _fail(f"invalid id list in {shown}", raw.start, f"write ids separated by commas, such as {lowered}:12,34")
        return Term(lowered, ids=tuple(_int(i) for i in value.split(",")))

    def _field(self, raw: _Raw, name: str, value_start: int) -> Term:
        rest = raw.text[value_start:]
        if rest.startswith("re:"):
            return Term("field_regex", self._regex(raw, value_start + 3, self.text[raw.start:raw.end]), name=name)
        if rest.startswith("nc:"):
            return Term("field_nc", _unescape(raw, value_start + 3, len(raw.text), glob=True), name=name)
        return Term("field", _unescape(raw, value_start, len(raw.text), glob=True), name=name)

    def _regex(self, raw: _Raw, begin: int, shown: str) -> str:
        pattern = raw.text[begin:].replace('\\"', '"')
        if not pattern:
            raise _fail(f"missing regular expression in {shown}", raw.start)
        try:
            re.compile(pattern, re.IGNORECASE)
        except Exception as error:  # re.error, OverflowError, RecursionError...
            raise _fail(f"invalid regular expression in {shown}", raw.start, str(error)) from None
        return pattern

    def _prop(self, value: str, shown: str, start: int) -> Term:
        match = _PROP.fullmatch(value)
        assert match is not None  # the pattern accepts anything
        name, op, number = match.group(1).lower(), match.group(2), match.group(3)
        if name not in _PROPS:
            if name == "ease":
                raise _fail(f"unknown property 'ease' in {shown}", start, "heatcards schedules with FSRS and has no ease; try prop:d (difficulty)")
            raise _fail(f"unknown property '{match.group(1) or value}' in {shown}", start, f"use one of {', '.join(_PROPS)}")
        if op is None:
            raise _fail(f"missing comparison in {shown}", start, f"write, for example, prop:{name}>=3")
        if name in ("s", "d", "r"):
            if not _REAL.fullmatch(number):
                raise _fail(f"invalid number '{number}' in {shown}", start)
            return Term("prop", name=name, op=op, number=float(number))
        if name == "due":
            if not _SIGNED.fullmatch(number):
                raise _fail(f"invalid number '{number}' in {shown}", start, "expected a whole number of days")
        elif name in ("rated", "resched"):
            if not _SIGNED.fullmatch(number) or _int(number) > 0:
                raise _fail(
                    f"invalid day '{number}' in {shown}", start, "expected 0 (today) or a negative number of days: prop:rated=-1 is yesterday"
                )
        elif not _WHOLE.fullmatch(number):
            raise _fail(f"invalid number '{number}' in {shown}", start, "expected a whole number, 0 or more")
        return Term("prop", name=name, op=op, number=_int(number))


_HUGE = 10**30


def _int(digits: str) -> int:
    """An integer from validated digits; absurdly long numbers become +/-10**30 (Python refuses > 4300 digits)."""
    negative = digits.startswith("-")
    significant = digits.lstrip("-").lstrip("0")
    if len(significant) > 30:
        return -_HUGE if negative else _HUGE
    return int(digits)


def _unescaped_colon(text: str) -> int | None:
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == ":":
            return i
        i += 1
    return None


_PARSER_ESCAPES = '":()-'
_GLOB_ESCAPES = "\\*_"


def _unescape(raw: _Raw, begin: int, end: int, *, glob: bool) -> str:
    """Resolve escapes in raw.text[begin:end]; with `glob`, keep \\\\ \\* \\_ escaped."""
    out: list[str] = []
    text = raw.text
    i = begin
    while i < end:
        char = text[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        following = text[i + 1] if i + 1 < end else ""
        if following and following in _PARSER_ESCAPES:
            out.append(following)
        elif following and following in _GLOB_ESCAPES:
            out.append("\\" + following if glob else following)
        else:
            raise _fail(
                f"unknown escape '\\{following}'",
                raw.offsets[i],
                "the escapes are \\\\ \\* \\_ \\\" \\: \\( \\) \\-; write \\\\ to search for a backslash",
            )
        i += 2
    return "".join(out)


def _both(nodes: list[SearchNode]) -> SearchNode:
    flat: list[SearchNode] = []
    for node in nodes:
        flat.extend(node.children if isinstance(node, And) else (node,))
    return flat[0] if len(flat) == 1 else And(tuple(flat))


def _either(nodes: list[SearchNode]) -> SearchNode:
    flat: list[SearchNode] = []
    for node in nodes:
        flat.extend(node.children if isinstance(node, Or) else (node,))
    return flat[0] if len(flat) == 1 else Or(tuple(flat))


# --- matching text (shared by the SQL functions) --------------------------------------

_HTML_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_HTML_BREAK = re.compile(r"<\s*/?\s*(?:br|div|p|li|tr|td|th|h[1-6])\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z!][^>]*>")


def strip_html(text: str) -> str:
    """Field text as a reader sees it: tags removed, entities decoded."""
    if "<" in text:
        text = _HTML_DROP.sub("", text)
        text = _HTML_BREAK.sub(" ", text)
        text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text.replace("\xa0", " ")


def fold(text: str, *, no_combining: bool = False) -> str:
    """Caseless, normalized text for comparisons; optionally without accents."""
    text = unicodedata.normalize("NFC", text).casefold()
    if no_combining:
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text)


def glob_pieces(glob: str, no_combining: bool) -> list[list[str | None]]:
    """Split a glob at its `*`s into fixed-length segments of folded characters (None: `_`)."""
    segments: list[list[str | None]] = [[]]
    literal: list[str] = []

    def flush() -> None:
        if literal:
            segments[-1].extend(fold("".join(literal), no_combining=no_combining))
            literal.clear()

    i = 0
    while i < len(glob):
        char = glob[i]
        if char == "\\" and i + 1 < len(glob):
            literal.append(glob[i + 1])
            i += 2
            continue
        if char == "*":
            flush()
            segments.append([])
        elif char == "_":
            flush()
            segments[-1].append(None)
        else:
            literal.append(char)
        i += 1
    flush()
    return segments


def literal_runs(glob: str, *, no_combining: bool = False) -> list[str]:
    """The folded runs of literal characters in `glob` (between its wildcards), left to right: text
    that matches the glob contains every one of them. A NUL character ends a run too (SQLite's text
    functions stop at one), so each run can serve as a necessary condition in SQL."""
    runs: list[str] = []
    for segment in glob_pieces(glob, no_combining):
        run: list[str] = []
        for char in [*segment, None]:
            if char is None or char == "\x00":
                if run:
                    runs.append("".join(run))
                run = []
            else:
                run.append(char)
    return runs


def glob_to_regex(glob: str, *, star: str = ".*", one: str = ".", no_combining: bool = False) -> str:
    """A regular expression (no anchors, for folded text) equivalent to `glob`."""
    return star.join(
        "".join(one if c is None else re.escape(c) for c in segment) for segment in glob_pieces(glob, no_combining)
    )


@lru_cache(maxsize=512)
def glob_matcher(glob: str, *, whole: bool, no_combining: bool = False) -> Callable[[str], bool]:
    """A test of *folded* text against `glob`: the whole text, or anywhere in it.

    Matching walks the glob's fixed-length segments left to right, so no glob,
    however many `*` it has, can make it backtrack badly.
    """
    segments = [
        (re.compile("".join("." if c is None else re.escape(c) for c in seg), re.S), len(seg))
        for seg in glob_pieces(glob, no_combining)
    ]
    if len(segments) == 1:
        only = segments[0][0]
        return (lambda s: only.fullmatch(s) is not None) if whole else (lambda s: only.search(s) is not None)
    first, *middle, (last, last_length) = segments

    def matches(s: str) -> bool:
        if whole:
            found = first[0].match(s)
        else:
            found = first[0].search(s)
        if found is None:
            return False
        pos = found.end()
        for pattern, _ in middle:
            found = pattern.search(s, pos)
            if found is None:
                return False
            pos = found.end()
        if whole:
            tail = len(s) - last_length
            return tail >= pos and last.fullmatch(s, tail) is not None
        return last.search(s, pos) is not None

    return matches
