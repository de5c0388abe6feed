"""What the browser shows, without Qt or SQL: its columns, the rows it reads, and how cells read.

A browser table holds a list of card (or note) ids; the rows of the part on screen are read
through `Collection.browser_rows` and turned into cell text here. Sorting happens in SQL
(`Collection.find_cards(query, order=key)`), so every column here names a sort order there.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from .clock import DayCalendar
from .model import CardState, Changes, describe_delay
from .rendering import answer_without_question
from .search import fold, strip_html

SAVED_SEARCHES_KEY = "browser.saved_searches"
PLAIN_TEXT_LIMIT = 300  # characters of a question/answer/field a cell shows


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    numeric: bool = False  # right-aligned
    notes_title: str = ""  # the title in notes mode, where card values are summed or averaged

    def title_in(self, notes_mode: bool) -> str:
        return self.notes_title if notes_mode and self.notes_title else self.title


COLUMNS: tuple[Column, ...] = (
    Column("sort_field", "Sort field"),
    Column("question", "Question"),
    Column("answer", "Answer"),
    Column("deck", "Deck"),
    Column("notetype", "Note type"),
    Column("tags", "Tags"),
    Column("due", "Due", notes_title="Due (soonest)"),
    Column("interval", "Interval", True, "Interval (avg)"),
    Column("stability", "Stability", True, "Stability (avg)"),
    Column("difficulty", "Difficulty", True, "Difficulty (avg)"),
    Column("retrievability", "Retrievability", True, "Retrievability (avg)"),
    Column("reviews", "Reviews", True, "Reviews (total)"),
    Column("lapses", "Lapses", True, "Lapses (total)"),
    Column("created", "Created"),
    Column("modified", "Modified"),
    Column("source", "Source document"),
)
COLUMNS_BY_KEY = {c.key: c for c in COLUMNS}
DEFAULT_COLUMNS = ("sort_field", "deck", "due", "interval", "retrievability", "tags")
RENDERED_COLUMNS = frozenset({"question", "answer"})


@dataclass(frozen=True)
class BrowserRow:
    """One table row: a card, or in notes mode a note with its cards' values combined
    (deck and ordinal of its first card, soonest due, averages, totals)."""

    id: int  # card id, or note id in notes mode
    note_id: int
    card_count: int
    ordinal: int
    deck: str
    deck_count: int
    state: CardState
    due: int
    interval: float
    stability: float | None
    difficulty: float | None
    retrievability: float | None
    reviews: int
    lapses: int
    suspended: bool
    buried_until: int
    flag: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    notetype_id: int
    notetype: str
    created: int
    modified: int
    source: str
    question: str = ""  # plain text, filled only when a rendered column is shown
    answer: str = ""


def row_from_record(record: Sequence) -> BrowserRow:
    """A row from the storage layer's record (the order of `BrowserRow`'s fields up to `source`)."""
    (id_, note_id, card_count, ordinal, deck, deck_count, state, due, interval, stability, difficulty,
     retrievability, reviews, lapses, suspended, buried_until, flag, fields, tags, notetype_id, notetype,
     created, modified, source) = record
    return BrowserRow(
        id=id_, note_id=note_id, card_count=card_count, ordinal=ordinal, deck=deck, deck_count=deck_count,
        state=CardState(state), due=due, interval=interval or 0, stability=stability, difficulty=difficulty,
        retrievability=retrievability, reviews=reviews, lapses=lapses, suspended=bool(suspended),
        buried_until=buried_until, flag=flag, fields=tuple(fields.split("\x1f")), tags=tuple(tags.split()),
        notetype_id=notetype_id, notetype=notetype, created=created, modified=modified, source=source,
    )


# --- cell text -----------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def plain_text(html: str) -> str:
    """HTML as one line of readable text, cut to `PLAIN_TEXT_LIMIT` characters."""
    text = _SPACES.sub(" ", strip_html(html)).strip()
    return text if len(text) <= PLAIN_TEXT_LIMIT else text[: PLAIN_TEXT_LIMIT - 1] + "…"


def answer_text(question_html: str, answer_html: str) -> str:
    """The answer without the question it repeats, as plain text for a table cell."""
    return plain_text(answer_without_question(question_html, answer_html))


def days_text(days: float) -> str:
    """A duration in days, as short as Anki writes it: 0.4d, 3.5d, 12d, 2.1mo, 1.5y."""
    if days < 10:
        return f"{days:.1f}d"
    return describe_delay(0, round(days))


@dataclass(frozen=True)
class CellContext:
    """What turns times into the dates a learner reads."""

    now: int
    calendar: DayCalendar

    def date(self, timestamp: int) -> str:
        return datetime.fromtimestamp(timestamp, self.calendar.tz).date().isoformat()

    def date_time(self, timestamp: int) -> str:
        return datetime.fromtimestamp(timestamp, self.calendar.tz).strftime("%Y-%m-%d %H:%M")


def due_text(row: BrowserRow, context: CellContext) -> str:
    """New #position; the due day for reviews; day and time for (re)learning. In parentheses
    while suspended or buried (the card is not in any queue), as in Anki."""
    if row.state is CardState.NEW:
        text = f"New #{row.due}"
    elif row.state is CardState.REVIEW:
        text = context.calendar.date_of_day(context.calendar.day(row.due)).isoformat()
    else:
        text = context.date_time(row.due)
    if row.suspended or row.buried_until > context.now:
        return f"({text})"
    return text


def cell_text(key: str, row: BrowserRow, context: CellContext) -> str:
    """What the browser shows in column `key` for `row`."""
    if key == "sort_field":
        return plain_text(row.fields[0]) if row.fields else ""
    if key == "question":
        return row.question
    if key == "answer":
        return row.answer
    if key == "deck":
        return row.deck if row.deck_count <= 1 else f"({row.deck_count} decks)"
    if key == "notetype":
        return row.notetype
    if key == "tags":
        return " ".join(row.tags)
    if key == "due":
        return due_text(row, context)
    if key == "interval":
        if row.state is CardState.NEW:
            return ""
        return days_text(row.interval) if row.interval > 0 else "(learning)"
    if key == "stability":
        return days_text(row.stability) if row.stability is not None else ""
    if key == "difficulty":  # shown 0-100 % as Anki does: (D - 1) / 9
        return f"{(row.difficulty - 1) / 9 * 100:.0f}%" if row.difficulty is not None else ""
    if key == "retrievability":
        return f"{row.retrievability * 100:.0f}%" if row.retrievability is not None else ""
    if key == "reviews":
        return str(row.reviews)
    if key == "lapses":
        return str(row.lapses)
    if key == "created":
        return context.date(row.created)
    if key == "modified":
        return context.date(row.modified)
    if key == "source":
        return row.source
    raise KeyError(f"no browser column {key!r}")


# --- searches the side panel runs ---------------------------------------------------------

_SEARCH_SPECIALS = re.compile(r'([\\"*_:()\-])')


def quoted(value: str) -> str:
    """`value` as one exact search value: every special character escaped, in quotes."""
    return '"' + _SEARCH_SPECIALS.sub(r"\\\1", value) + '"'


def search_for(key: str, value: str) -> str:
    """The search for one side-panel item: `deck:"A::B"`, `tag:"x"`, `note:"Basic"`, `flag:1`, `is:new`."""
    if key in ("flag", "is"):
        return f"{key}:{value}"
    return f"{key}:{quoted(value)}"


# --- bulk edits ----------------------------------------------------------------------------


def tags_added(tags: Sequence[str], new: Iterable[str]) -> tuple[str, ...]:
    """`tags` followed by those of `new` it lacks (compared case-insensitively)."""
    seen = {fold(t) for t in tags}
    result = list(tags)
    for tag in new:
        if fold(tag) not in seen:
            seen.add(fold(tag))
            result.append(tag)
    return tuple(result)


def tags_removed(tags: Sequence[str], unwanted: Iterable[str]) -> tuple[str, ...]:
    """`tags` without those in `unwanted` (compared case-insensitively; children are kept)."""
    drop = {fold(t) for t in unwanted}
    return tuple(t for t in tags if fold(t) not in drop)


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed into a box: separated by spaces or commas."""
    return tuple(t for t in re.split(r"[\s,]+", text) if t)


def replacer(find: str, replacement: str, *, regex: bool, match_case: bool):
    """A function applying one find & replace to a field's text, or re.error for a bad pattern.

    Without `regex`, `find` and `replacement` are literal text."""
    pattern = re.compile(find if regex else re.escape(find), 0 if match_case else re.IGNORECASE)
    if regex:
        return lambda text: pattern.sub(replacement, text)
    return lambda text: pattern.sub(lambda _match: replacement, text)


@dataclass(frozen=True)
class FindReplaceResult:
    changes: Changes
    notes_changed: int
