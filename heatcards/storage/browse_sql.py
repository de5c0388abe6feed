"""SQL behind the browser: full-text search terms, sort orders and the rows of one screen.

Plain-word search reads `notes_text`, an FTS5 trigram index (migration 0004) of each
note's searchable text: every field without markup and case-folded, exactly the text
`search_sql.hc_match` compares, fields joined by \\x1f. Triggers keep it, each
note's `sort_key` and the tag search's look-up `note_tags` (migration 0009) up to
date whatever writes the notes; they call the Python functions registered here on
every connection the Store opens.
"""
from __future__ import annotations

import json
import sqlite3
from functools import lru_cache

from ..search import fold, literal_runs, strip_html

FIELD_SEPARATOR = "\x1f"
FTS_MIN_RUN = 3  # the trigram tokenizer matches substrings of 3 characters or more

# Browser column key -> ORDER BY expression over `cards c JOIN notes n`, per table mode.
# `:now` is bound to the moment of the search. Question and answer sort by the sort
# field, as in Anki (rendering every card to sort would be far too slow).
_RETRIEVABILITY = (
    "hc_retrievability(c.stability, c.last_review, :now, "
    "(SELECT p.parameters FROM decks dk JOIN presets p ON p.id = dk.preset_id WHERE dk.id = c.deck_id))"
)
_DECK_NAME = "(SELECT d.name FROM decks d WHERE d.id = c.deck_id)"
_NOTETYPE_NAME = "(SELECT t.name FROM notetypes t WHERE t.id = n.notetype_id)"
_DOCUMENT_TITLE = "(SELECT coalesce(doc.title, '') FROM documents doc WHERE doc.id = n.document_id)"
_DUE = "CASE WHEN c.state = 0 THEN NULL ELSE c.due END"  # new cards after every scheduled one

CARD_ORDER: dict[str, tuple[str, ...]] = {
    "sort_field": ("n.sort_key",),
    "question": ("n.sort_key",),
    "answer": ("n.sort_key",),
    "deck": (f"{_DECK_NAME} COLLATE NOCASE",),
    "notetype": (f"{_NOTETYPE_NAME} COLLATE NOCASE",),
    "tags": ("n.tags COLLATE NOCASE",),
    "due": ("c.state = 0", "c.due"),
    "interval": ("c.interval",),
    "stability": ("c.stability",),
    "difficulty": ("c.difficulty",),
    "retrievability": (_RETRIEVABILITY,),
    "reviews": ("c.reps",),
    "lapses": ("c.lapses",),
    "created": ("n.created",),
    "modified": ("n.modified",),
    "source": (f"{_DOCUMENT_TITLE} COLLATE NOCASE",),
}
NOTE_ORDER: dict[str, tuple[str, ...]] = {
    **CARD_ORDER,
    "deck": (f"min({_DECK_NAME}) COLLATE NOCASE",),
    "due": (f"min({_DUE}) IS NULL", f"min({_DUE})", "min(c.due)"),
    "interval": ("avg(c.interval)",),
    "stability": ("avg(c.stability)",),
    "difficulty": ("avg(c.difficulty)",),
    "retrievability": (f"avg({_RETRIEVABILITY})",),
    "reviews": ("sum(c.reps)",),
    "lapses": ("sum(c.lapses)",),
}


def order_by(expressions: tuple[str, ...], descending: bool, tie_breakers: tuple[str, ...]) -> str:
    """An ORDER BY clause (without the keywords): the expressions, then the ties, all in one direction
    (so sorting by the sort field can walk the notes' sort-key index either way instead of sorting)."""
    direction = " DESC" if descending else ""
    return ", ".join(f"{e}{direction}" for e in (*expressions, *tie_breakers))


_ROW_FIELDS = (
    "n.fields, n.tags, n.notetype_id, t.name, n.created, n.modified, coalesce(doc.title, '')"
)
CARD_ROWS = (
    "SELECT c.id, c.note_id, 1, c.ordinal, d.name, 1, c.state, c.due, c.interval, c.stability, c.difficulty, "
    f"{_RETRIEVABILITY}, c.reps, c.lapses, c.suspended, c.buried_until, c.flag, {_ROW_FIELDS} "
    "FROM cards c JOIN notes n ON n.id = c.note_id JOIN decks d ON d.id = c.deck_id "
    "JOIN notetypes t ON t.id = n.notetype_id LEFT JOIN documents doc ON doc.id = n.document_id "
    "WHERE c.id IN ({ids})"
)
# One row per note: the first card's ordinal and deck; due is the soonest scheduled due
# (else the first new position); state/suspension/flag are those of the first card.
NOTE_ROWS = (
    "SELECT n.id, n.id, count(*), min(c.ordinal), min(d.name), count(DISTINCT c.deck_id), "
    "max(c.state), "
    f"coalesce(min({_DUE}), min(c.due)), avg(c.interval), avg(c.stability), avg(c.difficulty), "
    f"avg({_RETRIEVABILITY}), sum(c.reps), sum(c.lapses), min(c.suspended), min(c.buried_until), max(c.flag), "
    f"{_ROW_FIELDS} "
    "FROM cards c JOIN notes n ON n.id = c.note_id JOIN decks d ON d.id = c.deck_id "
    "JOIN notetypes t ON t.id = n.notetype_id LEFT JOIN documents doc ON doc.id = n.document_id "
    "WHERE n.id IN ({ids}) GROUP BY n.id"
)


def register_text_functions(conn: sqlite3.Connection) -> None:
    """The functions the notes triggers call; every connection that writes notes needs them."""
    conn.create_function("hc_note_text", 1, note_text, deterministic=True)
    conn.create_function("hc_sort_key", 1, sort_key, deterministic=True)
    conn.create_function("hc_note_tags", 1, note_tags, deterministic=True)
    conn.create_function("hc_note_tag", 2, note_tag, deterministic=True)


def note_text(fields) -> str:
    """What plain-word search looks in: each field without markup, case-folded, joined by \\x1f."""
    return FIELD_SEPARATOR.join(fold(strip_html(value)) for value in str(fields).split(FIELD_SEPARATOR))


def sort_key(fields) -> str:
    """The note's sort field (its first) without markup, case-folded, for sorting."""
    return fold(strip_html(str(fields).split(FIELD_SEPARATOR, 1)[0])).strip()


# The rows of `note_tags` that the notes (named `n`) define.
NOTE_TAG_ROWS = "SELECT hc_note_tag(n.tags, t.key) AS tag, n.id AS note_id FROM notes n, json_each(hc_note_tags(n.tags)) t"


def note_tags(tags) -> str:
    """A note's distinct tags (the words of its tags column), a JSON list: its rows of `note_tags`
    are each entry's position given to `note_tag`."""
    return json.dumps(_distinct_tags(str(tags)))


def note_tag(tags, position) -> str:
    """The tag at `position` in `note_tags(tags)`, as it is: SQLite's JSON functions end a text at
    a NUL, which a tag may hold."""
    return _distinct_tags(str(tags))[position]


@lru_cache(maxsize=256)  # a note's tags are asked for once per tag
def _distinct_tags(tags: str) -> tuple[str, ...]:
    return tuple(sorted(set(tags.split())))


def note_text_and_sort_key(fields: str) -> tuple[str, str]:
    """`note_text` and `sort_key` of the same fields, each field made plain once (for notes
    inserted in bulk: the sort key is the first field's text, stripped)."""
    texts = [fold(strip_html(value)) for value in fields.split(FIELD_SEPARATOR)]
    return FIELD_SEPARATOR.join(texts), texts[0].strip()


def fts_query(glob: str) -> str | None:
    """An FTS5 query every note matching the substring glob also matches, or None if the glob has
    no literal run of 3 characters or more (then only the exact test can decide).

    The runs are taken from the same folded pieces `glob_matcher` looks for, so the index
    narrows the candidates without ever dropping a match."""
    runs = [run for run in literal_runs(glob) if len(run) >= FTS_MIN_RUN]
    if not runs:
        return None
    return " AND ".join('"' + run.replace('"', '""') + '"' for run in runs)
