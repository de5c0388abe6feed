"""Search trees (`heatcards.search`) to a WHERE clause over `cards c JOIN notes n ON n.id = c.note_id`.

User values travel only as parameters; the only literals written into the SQL
are integers (ids, field and template indices) produced here with `int()`.
Text matching (unicode case folding, HTML stripping, wildcards, regular
expressions) and retrievability run in deterministic Python functions
registered on the connection. Every term yields 0 or 1, never NULL, so
`-term` always matches exactly the cards `term` does not.
"""
from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..scheduling import DEFAULT_DECAY, decay_of, retrievability
from .browse_sql import fts_query
from ..search import (
    And, Not, Or, SearchContext, SearchNode, Term, fold, glob_matcher, glob_to_regex, strip_html,
)

if TYPE_CHECKING:
    from . import Store

FIELD_SEPARATOR = "\x1f"
_DAY_LIMIT = 100_000  # days either side of today; beyond this every card is on one side
_INT_LIMIT = 2**62
_MAX_ID = 2**63 - 1
_FLOAT_TOLERANCE = 1e-9
_SQL_OPERATORS = {"=": "=", "!=": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">="}
# Each distinct tag of `note_tags` (migration 0009), found by one seek in its key per tag rather
# than a read of every row (SQLite's DISTINCT would read them all).
_DISTINCT_TAGS = (
    "WITH RECURSIVE distinct_tag(tag) AS (SELECT min(tag) FROM note_tags UNION ALL "
    "SELECT (SELECT min(tag) FROM note_tags WHERE tag > d.tag) FROM distinct_tag d WHERE d.tag IS NOT NULL) "
    "SELECT tag FROM distinct_tag WHERE tag IS NOT NULL"
)
_DECK_PRESET_PARAMETERS = (
    "(SELECT p.parameters FROM decks dk JOIN presets p ON p.id = dk.preset_id WHERE dk.id = c.deck_id)"
)


def compile_search(node: SearchNode, store: "Store", context: SearchContext, *, use_fts: bool = True) -> tuple[str, list]:
    """A WHERE clause (without the keyword) and its parameters. `use_fts=False` leaves out the
    full-text index (it only narrows the candidates: the results are the same)."""
    register_search_functions(store.db.conn)
    compiler = _Compiler(store, context, use_fts)
    return compiler.node(node), compiler.params


# --- SQL functions ------------------------------------------------------------------------


def register_search_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("hc_match", 5, _hc_match, deterministic=True)
    conn.create_function("hc_tags", 3, _hc_tags, deterministic=True)
    conn.create_function("hc_retrievability", 4, _hc_retrievability, deterministic=True)


def _hc_match(fields, notetype_id, spec, mode, pattern) -> int:
    """1 if any searched field of a note matches; `spec` '' searches every field."""
    try:
        values = str(fields).split(FIELD_SEPARATOR)
        if spec:
            indices = _field_spec(spec).get(notetype_id)
            if not indices:
                return 0
            values = [values[i] for i in indices if i < len(values)]
        test = _field_test(mode, pattern)
        return int(any(test(v) for v in values))
    except Exception:
        return 0


@lru_cache(maxsize=256)
def _field_spec(spec: str) -> dict[int, tuple[int, ...]]:
    return {int(k): tuple(v) for k, v in json.loads(spec).items()}


@lru_cache(maxsize=512)
def _field_test(mode: str, pattern: str) -> Callable[[str], bool]:
    if mode == "re":
        regex = re.compile(pattern, re.IGNORECASE)
        return lambda value: regex.search(value) is not None
    if mode == "word":
        regex = re.compile(r"\b" + glob_to_regex(pattern, star=r"\w*", one=r"\w") + r"\b")
        return lambda value: regex.search(_readable(value, False)) is not None
    no_combining = mode.endswith("nc")
    matcher = glob_matcher(pattern, whole=mode.startswith("whole"), no_combining=no_combining)
    return lambda value: matcher(_readable(value, no_combining))


@lru_cache(maxsize=256)  # the terms of one search look at the same row's fields in turn
def _readable(value: str, no_combining: bool) -> str:
    return fold(strip_html(value), no_combining=no_combining)


def _hc_tags(tag, mode, pattern) -> int:
    """1 if a tag (of `note_tags`) matches: 'glob' (the tag or a parent), 'exact', or 're'."""
    try:
        return int(_tag_test(mode, pattern)(str(tag)))
    except Exception:
        return 0


@lru_cache(maxsize=256)
def _tag_test(mode: str, pattern: str) -> Callable[[str], bool]:
    if mode == "re":
        regex = re.compile(pattern, re.IGNORECASE)
        return lambda tag: regex.search(tag) is not None
    if mode == "exact":
        wanted = fold(pattern)
        return lambda tag: fold(tag) == wanted
    matcher = glob_matcher(pattern, whole=True)
    return lambda tag: _path_matches(fold(tag), matcher)


def _path_matches(path: str, matcher: Callable[[str], bool]) -> bool:
    """Whether `path` ("a::b::c") or one of its ancestors matches."""
    parts = path.split("::")
    return any(matcher("::".join(parts[:k])) for k in range(1, len(parts) + 1))


def _hc_retrievability(stability, last_review, now, parameters):
    """FSRS retrievability now; NULL for a card never reviewed."""
    try:
        if stability is None or last_review is None or stability <= 0:
            return None
        return retrievability(stability, (now - last_review) / 86400, preset_decay(parameters))
    except Exception:
        return None


@lru_cache(maxsize=64)
def preset_decay(parameters: str | None) -> float:
    """The decay of a preset's stored parameters (a JSON list; empty or unreadable: the default)."""
    try:
        values = json.loads(parameters) if parameters else []
        if len(values) == 21:
            decay = decay_of([float(v) for v in values])
            if math.isfinite(decay) and decay > 0:
                return decay
    except (ValueError, TypeError):
        pass
    return DEFAULT_DECAY


# --- the compiler ----------------------------------------------------------------------


class _Compiler:
    def __init__(self, store: "Store", context: SearchContext, use_fts: bool = True):
        self.store = store
        self.use_fts = use_fts
        self.now = int(context.now)
        self.calendar = context.calendar
        self.today = self.calendar.day(self.now)
        self.today_start = self.calendar.day_start(self.today)
        self.params: list = []
        self._decks = None
        self._notetypes = None

    def param(self, value) -> str:
        """A placeholder for `value`; callers must ask in the order the placeholders appear."""
        self.params.append(value)
        return "?"

    # lazily read, once per search
    def decks(self):
        if self._decks is None:
            self._decks = self.store.decks()
        return self._decks

    def notetypes(self):
        if self._notetypes is None:
            self._notetypes = self.store.notetypes()
        return self._notetypes

    def day_start(self, offset: int) -> int:
        """Start of the local day `offset` days from today (clamped far out)."""
        offset = max(-_DAY_LIMIT, min(_DAY_LIMIT, offset))
        try:
            return self.calendar.day_start(self.today + offset)
        except (ValueError, OverflowError, OSError):
            return self.today_start + offset * 86400

    # nodes ----------------------------------------------------------------------
    def node(self, node: SearchNode) -> str:
        if isinstance(node, Term):
            return self.term(node)
        if isinstance(node, Not):
            return f"NOT {self.node(node.child)}"
        if isinstance(node, And):
            return _balanced([self.node(c) for c in node.children], "AND") if node.children else "1"
        if isinstance(node, Or):
            return _balanced([self.node(c) for c in node.children], "OR") if node.children else "0"
        raise TypeError(f"not a search node: {node!r}")

    def term(self, term: Term) -> str:
        method = getattr(self, f"_{term.kind}", None)
        if method is None:
            raise ValueError(f"unknown search term kind {term.kind!r}")
        return f"({method(term)})"

    # note text --------------------------------------------------------------------
    def _match(self, spec: str, mode: str, pattern: str) -> str:
        spec_sql = self.param(spec) if spec else "''"
        return f"hc_match(n.fields, n.notetype_id, {spec_sql}, '{mode}', {self.param(pattern)})"

    def _indexed(self, glob: str) -> str:
        """`n.id IN (notes whose full-text index has the glob's literal runs) AND `, or '' when it has none.

        Every note that matches the glob has those runs in its indexed text, so the exact test
        that follows decides alone; the index only spares it most notes."""
        query = fts_query(glob) if self.use_fts else None
        if query is None:
            return ""
        return f"n.id IN (SELECT rowid FROM notes_text WHERE notes_text MATCH {self.param(query)}) AND "

    def _text(self, term: Term) -> str:
        return self._indexed(term.value) + self._match("", "sub", term.value)

    def _nc(self, term: Term) -> str:
        return self._match("", "subnc", term.value)

    def _word(self, term: Term) -> str:
        return self._match("", "word", term.value)

    def _regex(self, term: Term) -> str:
        return self._match("", "re", term.value)

    def _fields(self, name: str) -> str:
        """JSON {notetype id: [field indices]} for fields whose name matches the glob; '' if none."""
        matcher = glob_matcher(name, whole=True)
        spec = {}
        for notetype in self.notetypes():
            indices = [i for i, field in enumerate(notetype.fields) if matcher(fold(field))]
            if indices:
                spec[str(notetype.id)] = indices
        return json.dumps(spec, sort_keys=True) if spec else ""

    def _field_term(self, term: Term, mode: str) -> str:
        spec = self._fields(term.name)
        return self._match(spec, mode, term.value) if spec else "0"

    def _field(self, term: Term) -> str:
        spec = self._fields(term.name)
        return self._indexed(term.value) + self._match(spec, "whole", term.value) if spec else "0"

    def _field_nc(self, term: Term) -> str:
        return self._field_term(term, "wholenc")

    def _field_regex(self, term: Term) -> str:
        return self._field_term(term, "re")

    # tags --------------------------------------------------------------------------
    def _tag(self, term: Term) -> str:
        if term.value == "*":
            return "1"
        if any(c.isspace() for c in term.value):
            return "0"  # tags never contain spaces
        return self._tags_matching("glob", term.value)

    def _tags_matching(self, mode: str, pattern: str) -> str:
        """The cards of the notes with a tag that matches, looked up in `note_tags` by the tags that
        do: `hc_tags` (a Python function) tests each distinct tag of the collection once, where a
        test of each note's tags would read and test every note."""
        matching = f"SELECT tag FROM ({_DISTINCT_TAGS}) WHERE hc_tags(tag, '{mode}', {self.param(pattern)})"
        return f"c.note_id IN (SELECT note_id FROM note_tags WHERE tag IN ({matching}))"

    def _tag_regex(self, term: Term) -> str:
        return self._tags_matching("re", term.value)

    def _untagged(self, term: Term) -> str:
        return "trim(n.tags) = ''"

    # decks, note types, templates ----------------------------------------------------
    def _deck(self, term: Term) -> str:
        if term.value == "*":
            return "1"
        matcher = glob_matcher(term.value, whole=True)
        return _in("c.deck_id", [d.id for d in self.decks() if _path_matches(fold(d.name), matcher)])

    def _preset(self, term: Term) -> str:
        matcher = glob_matcher(term.value, whole=True)
        presets = {p.id for p in self.store.presets() if matcher(fold(p.name))}
        return _in("c.deck_id", [d.id for d in self.decks() if d.preset_id in presets])

    def _note(self, term: Term) -> str:
        matcher = glob_matcher(term.value, whole=True)
        return _in("n.notetype_id", [nt.id for nt in self.notetypes() if matcher(fold(nt.name))])

    def _card(self, term: Term) -> str:
        if term.number is not None:
            ordinal = min(max(int(term.number), 1) - 1, _INT_LIMIT)
            return f"c.ordinal = {self.param(ordinal)}"
        matcher = glob_matcher(term.value, whole=True)
        clauses = []
        for notetype in self.notetypes():
            if notetype.kind.value == "cloze":
                # one template makes every cloze card; its name selects them all
                if notetype.templates and matcher(fold(notetype.templates[0].name)):
                    clauses.append(f"n.notetype_id = {int(notetype.id)}")
                continue
            ordinals = [i for i, t in enumerate(notetype.templates) if matcher(fold(t.name))]
            if ordinals:
                clauses.append(f"(n.notetype_id = {int(notetype.id)} AND {_in('c.ordinal', ordinals)})")
        return _balanced(clauses, "OR") if clauses else "0"

    # card state -----------------------------------------------------------------------
    def _is(self, term: Term) -> str:
        state = term.value
        if state == "new":
            return "c.state = 0"
        if state == "learn":
            return "c.state IN (1, 3)"
        if state == "review":
            return "c.state IN (2, 3)"
        if state == "suspended":
            return "c.suspended != 0"
        if state == "buried":
            return f"c.buried_until > {self.param(self.now)}"
        if state in ("marked", "leech"):
            return self._tags_matching("exact", state)
        if state == "due":
            now = self.param(self.now)
            active = f"c.suspended = 0 AND c.buried_until <= {now}"
            tomorrow = self.param(self.day_start(1))
            now_again = self.param(self.now)
            return f"{active} AND ((c.state = 2 AND c.due < {tomorrow}) OR (c.state IN (1, 3) AND c.due <= {now_again}))"
        raise ValueError(f"unknown card state {state!r}")

    def _flag(self, term: Term) -> str:
        return f"c.flag = {self.param(int(term.number))}"

    def _prop(self, term: Term) -> str:
        name, op = term.name, _SQL_OPERATORS[term.op]
        if name == "due":
            return self._due(int(term.number), op)
        if name in ("rated", "resched"):
            return self._logged_on(int(term.number), op, answers=name == "rated")
        if name in ("ivl", "reps", "lapses", "pos"):
            value = self.param(_clamp(int(term.number)))
            column = {"ivl": "c.interval", "reps": "c.reps", "lapses": "c.lapses", "pos": "c.due"}[name]
            comparison = f"{column} {op} {value}"
            return f"c.state = 0 AND {comparison}" if name == "pos" else comparison
        number = float(term.number)
        if name == "s":
            return f"c.stability IS NOT NULL AND {self._compare('c.stability', op, number)}"
        if name == "d":
            return (
                "c.stability IS NOT NULL AND c.difficulty IS NOT NULL AND "
                + self._compare("(c.difficulty - 1) / 9.0", op, number)
            )
        if name == "r":
            now = self.param(self.now)
            expression = f"hc_retrievability(c.stability, c.last_review, {now}, {_DECK_PRESET_PARAMETERS})"
            return f"c.stability IS NOT NULL AND coalesce({self._compare(expression, op, number)}, 0)"
        raise ValueError(f"unknown property {name!r}")

    def _compare(self, expression: str, op: str, number: float) -> str:
        """`expression op number`, with float equality up to a rounding error."""
        if op == "=":
            return f"abs({expression} - {self.param(number)}) <= {_FLOAT_TOLERANCE}"
        if op == "!=":
            return f"abs({expression} - {self.param(number)}) > {_FLOAT_TOLERANCE}"
        return f"{expression} {op} {self.param(number)}"

    def _day_comparison(self, column: str, days: int, op: str, *, scale: int = 1) -> str:
        """`column` (a time in seconds times `scale`) falls on a local day that compares with the day
        `days` from today (0 today, -1 yesterday)."""
        if op in ("=", "!=", "<", ">="):
            lower = self.param(self.day_start(days) * scale)
        if op in ("=", "!=", "<=", ">"):
            upper = self.param(self.day_start(days + 1) * scale)
        return {
            "=": lambda: f"{column} >= {lower} AND {column} < {upper}",
            "!=": lambda: f"({column} < {lower} OR {column} >= {upper})",
            "<": lambda: f"{column} < {lower}",
            "<=": lambda: f"{column} < {upper}",
            ">": lambda: f"{column} >= {upper}",
            ">=": lambda: f"{column} >= {lower}",
        }[op]()

    def _due(self, days: int, op: str) -> str:
        """Cards in a queue whose due day, counted from today, compares with `days`."""
        queued = f"c.state != 0 AND c.suspended = 0 AND c.buried_until <= {self.param(self.now)}"
        return f"{queued} AND {self._day_comparison('c.due', days, op)}"

    def _logged_on(self, days: int, op: str, *, answers: bool) -> str:
        """Cards with an answer (or, answers=False, a manual reschedule) logged on a day comparing with
        `days` (Anki's prop:rated and prop:resched: prop:rated<-1 is "answered before yesterday")."""
        kind = "r.rating BETWEEN 1 AND 4" if answers else "r.rating = 0"
        when = self._day_comparison("r.time", days, op, scale=1000)
        return f"EXISTS (SELECT 1 FROM revlog r WHERE r.card_id = c.id AND {kind} AND {when})"

    # dates and history ------------------------------------------------------------------
    def _since(self, days: int) -> int:
        """Start of the window of the last `days` days, today included."""
        return self.day_start(1 - max(1, int(days)))

    def _added(self, term: Term) -> str:
        return f"n.created >= {self.param(self._since(term.number))}"

    def _edited(self, term: Term) -> str:
        return f"n.modified >= {self.param(self._since(term.number))}"

    # As in Anki, the rating decides what a log entry is: 1..4 an answer (whatever its kind, a
    # review in a filtered deck included), 0 a manual or bulk reschedule.
    def _rated(self, term: Term) -> str:
        since = self.param(self._since(term.number) * 1000)
        rating = f" AND r.rating = {self.param(int(term.rating))}" if term.rating is not None else ""
        return (
            "EXISTS (SELECT 1 FROM revlog r WHERE r.card_id = c.id AND r.time >= "
            f"{since} AND r.rating BETWEEN 1 AND 4{rating})"
        )

    def _resched(self, term: Term) -> str:
        since = self.param(self._since(term.number) * 1000)
        return f"EXISTS (SELECT 1 FROM revlog r WHERE r.card_id = c.id AND r.time >= {since} AND r.rating = 0)"

    def _introduced(self, term: Term) -> str:
        since = self.param(self._since(term.number) * 1000)
        return (
            "coalesce((SELECT min(r.time) FROM revlog r WHERE r.card_id = c.id AND r.rating != 0) "
            f">= {since}, 0)"
        )

    # ids ----------------------------------------------------------------------------------
    def _nid(self, term: Term) -> str:
        return _in("n.id", term.ids)

    def _cid(self, term: Term) -> str:
        return _in("c.id", term.ids)

    def _did(self, term: Term) -> str:
        return _in("c.deck_id", term.ids)

    def _mid(self, term: Term) -> str:
        return _in("n.notetype_id", term.ids)


def _in(column: str, ids: Sequence[int]) -> str:
    """`column IN (...)` with integer literals (ids outside SQLite's range cannot match)."""
    values = sorted({int(i) for i in ids if -_MAX_ID <= int(i) <= _MAX_ID})
    return f"{column} IN ({', '.join(str(v) for v in values)})" if values else "0"


def _clamp(value: int) -> int:
    return max(-_INT_LIMIT, min(_INT_LIMIT, value))


def _balanced(parts: list[str], word: str) -> str:
    """Join with AND/OR as a balanced tree, so long searches stay within SQLite's expression depth."""
    if len(parts) == 1:
        return parts[0]
    middle = len(parts) // 2
    return f"({_balanced(parts[:middle], word)} {word} {_balanced(parts[middle:], word)})"
