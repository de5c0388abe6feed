"""Notes and cards as delimited text (CSV/TSV), in the format Anki reads and writes.

A file is optional header lines (``#separator:tab``, ``#html:true``, ``#notetype column:2`` …)
followed by one row per note. Cells are separated by one character; a cell that holds the
separator, a quote or a line break is written in double quotes, a quote inside doubled.
docs/text-import.md describes the headers, how columns become fields and how notes get their GUIDs.

Reading gives an `Exchange` of notes without cards (the collection makes their cards); writing takes
one that `Collection.export_exchange` built. Nothing here touches a collection.
"""
from __future__ import annotations

import hashlib
from html import escape as escape_html
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..clock import DayCalendar
from ..errors import ImportFileError
from ..model import Card, CardState, Deck, Note, NoteType
from ..rendering import answer_without_question, field_is_empty, html_to_text, render_card
from .exchange import Exchange

__all__ = [
    "CARD_COLUMNS",
    "DEFAULT_NOTETYPE",
    "PREVIEW_ROWS",
    "IGNORED_COLUMN",
    "SEPARATORS",
    "SPECIAL_COLUMNS",
    "TextHeaders",
    "TextPreview",
    "detect_columns",
    "generated_guid",
    "read_text_notes",
    "read_utf8_text",
    "separator_for",
    "write_text_cards",
    "write_text_notes",
]

SEPARATORS: Mapping[str, str] = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
"""The separators Anki knows, by the name a ``#separator:`` header gives them."""

SPECIAL_COLUMNS = ("tags", "deck", "notetype", "guid")
"""Column-map entries that name a note's tags, deck, note type or GUID instead of a field."""

IGNORED_COLUMN = "_"
"""Column-map entry (like an empty one) for a column to leave out."""

DEFAULT_NOTETYPE = "Basic"
PREVIEW_ROWS = 10

# When no header names the separator, the first in this order that splits every sampled row into
# the same number (> 1) of cells wins: tabs and pipes rarely occur in text, commas often do.
_DETECTION_ORDER = ("\t", "|", ";", ",", ":", " ")
_DETECTION_SAMPLE = 20

_HEADER_KEYS = frozenset(
    {"separator", "html", "tags", "columns", "notetype", "deck", "notetype column", "deck column", "tags column", "guid column"}
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HTML_TAG = re.compile(r"</?[a-z][^<>]*>", re.IGNORECASE)


# --- what a file says --------------------------------------------------------------------------


@dataclass(frozen=True)
class TextHeaders:
    """The header lines a file starts with; column numbers here are 0-based (the file counts from 1)."""

    separator: str | None = None  # the character; None when no header names it
    html: bool | None = None  # None: no header (guessed from the cells)
    tags: tuple[str, ...] = ()  # added to every note
    columns: tuple[str, ...] = ()  # column labels
    notetype: str | None = None
    deck: str | None = None
    notetype_column: int | None = None
    deck_column: int | None = None
    tags_column: int | None = None
    guid_column: int | None = None


@dataclass(frozen=True)
class TextPreview:
    """What a person needs to see before mapping columns to fields."""

    separator: str  # the character, declared or detected
    html: bool  # cells are HTML (declared, or guessed: some cell holds a tag)
    headers: TextHeaders
    column_count: int
    rows: tuple[tuple[str, ...], ...]  # the first PREVIEW_ROWS rows
    row_count: int


@dataclass(frozen=True)
class _Row:
    line: int  # physical line of the file (1-based) where the row starts
    cells: tuple[str, ...]


@dataclass(frozen=True)
class _TextFile:
    where: str  # the file, as error messages name it
    headers: TextHeaders
    header_lines: Mapping[str, int]  # header key -> its line
    separator: str
    rows: tuple[_Row, ...]


def read_utf8_text(path: Path) -> str:
    """A text file's content, with or without a UTF-8 byte order mark; unreadable files raise
    `ImportFileError` saying why (and for bad bytes, on which line)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"cannot read {path}: {error.strerror or error}") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportFileError(f"{path} line {line}: not UTF-8 text (byte {error.start}); save it as UTF-8") from error


def detect_columns(path: Path | str) -> TextPreview:
    """The separator, headers and first rows of a text file, for choosing which column is which."""
    source = _load(Path(path))
    layout = _layout(source, None)
    return TextPreview(
        separator=source.separator,
        html=_cells_are_html(source, layout),
        headers=source.headers,
        column_count=layout.column_count,
        rows=tuple(row.cells for row in source.rows[:PREVIEW_ROWS]),
        row_count=len(source.rows),
    )


def separator_for(path: Path | str) -> str:
    """The separator a file's extension suggests: comma for .csv, tab otherwise (.tsv, .txt)."""
    return "," if Path(path).suffix.casefold() == ".csv" else "\t"


# --- splitting a file into rows ------------------------------------------------------------------


class _LineNumbers:
    """Physical line numbers (1-based) of positions in a text; \\r\\n, \\r and \\n each end a line."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def of(self, position: int) -> int:
        return bisect_right(self._starts, position)


def _physical_line(text: str, position: int) -> tuple[str, int]:
    """The line starting at `position` (without its line break) and where the next one starts."""
    found = _LINE_BREAK.search(text, position)
    if found is None:
        return text[position:], len(text)
    return text[position:found.start()], found.end()


def _cell_pattern(separator: str) -> re.Pattern[str]:
    """One cell: quoted (quotes inside doubled, line breaks allowed) or plain (up to the separator
    or line end; a quote counts as a quote only at its start)."""
    stop = re.escape(separator)
    return re.compile(rf'"(?P<quoted>[^"]*(?:""[^"]*)*)"|(?P<plain>(?:[^"{stop}\r\n][^{stop}\r\n]*)?)')


def _parse_rows(
    text: str, start: int, separator: str, lines: _LineNumbers, where: str, limit: int | None = None
) -> list[_Row]:
    """The rows from `start` on; blank lines and lines starting with ``#`` (comments) are skipped."""
    pattern = _cell_pattern(separator)
    rows: list[_Row] = []
    position = start
    while position < len(text) and (limit is None or len(rows) < limit):
        content, next_line = _physical_line(text, position)
        if content.startswith("#") or not content.strip():
            position = next_line
            continue
        cells, end = _parse_row(text, position, pattern, separator, lines, where)
        rows.append(_Row(lines.of(position), cells))
        position = end
    return rows


def _parse_row(
    text: str, position: int, pattern: re.Pattern[str], separator: str, lines: _LineNumbers, where: str
) -> tuple[tuple[str, ...], int]:
    """The cells of the row starting at `position`, and where the next row starts."""
    cells: list[str] = []
    while True:
        cell_start = position
        match = pattern.match(text, position)
        assert match is not None  # the plain alternative matches the empty string
        quoted = match.group("quoted")
        cells.append(match.group("plain") if quoted is None else quoted.replace('""', '"'))
        position = match.end()
        if position == len(text):
            return tuple(cells), position
        if text[position] == separator:
            position += 1
            continue
        if text[position] in "\r\n":
            return tuple(cells), position + (2 if text.startswith("\r\n", position) else 1)
        place = f"{where} line {lines.of(cell_start)}, column {len(cells)}"
        if quoted is None:
            raise ImportFileError(f"{place}: a quoted cell is never closed (a quote inside one is written twice: \"\")")
        raise ImportFileError(
            f"{place}: {text[position]!r} after the closing quote; "
            "a quote inside a quoted cell is written twice (\"\") and a quoted cell ends at the separator"
        )


# --- headers ------------------------------------------------------------------------------------


def _header_block(text: str) -> tuple[list[tuple[int, str]], int]:
    """The ``#`` lines (with their line numbers) before the first row, and where that row starts."""
    found: list[tuple[int, str]] = []
    position, line = 0, 1
    while position < len(text):
        content, next_line = _physical_line(text, position)
        if content.startswith("#"):
            found.append((line, content))
        elif content.strip():
            break
        position, line = next_line, line + 1
    return found, position


def _header_entries(lines: Iterable[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Known ``#key:value`` headers by key (case ignored): their line and raw value. Other ``#``
    lines are comments; a key given twice keeps its last value."""
    entries: dict[str, tuple[int, str]] = {}
    for line, content in lines:
        key, colon, value = content[1:].partition(":")
        key = key.strip().casefold()
        if colon and key in _HEADER_KEYS:
            entries[key] = (line, value)
    return entries


def _declared_separator(entries: Mapping[str, tuple[int, str]], where: str) -> str | None:
    if "separator" not in entries:
        return None
    line, value = entries["separator"]
    if value in SEPARATORS.values():  # a literal tab or space, before trimming removes it
        return value
    name = value.strip().casefold()
    if name in SEPARATORS.values():
        return name
    if name in SEPARATORS:
        return SEPARATORS[name]
    known = ", ".join(name.capitalize() for name in SEPARATORS)
    raise ImportFileError(f"{where} line {line}: unknown separator {value.strip()!r} (use {known})")


def _detected_separator(text: str, start: int, lines: _LineNumbers, where: str) -> str:
    """The separator that splits the first rows evenly; else the first that splits the first row;
    else tab (one column)."""
    fallback = None
    for separator in _DETECTION_ORDER:
        try:
            rows = _parse_rows(text, start, separator, lines, where, limit=_DETECTION_SAMPLE)
        except ImportFileError:
            continue
        widths = {len(row.cells) for row in rows}
        if len(widths) == 1 and widths.pop() > 1:
            return separator
        if fallback is None and rows and len(rows[0].cells) > 1:
            fallback = separator
    return fallback or "\t"


def _headers(entries: Mapping[str, tuple[int, str]], separator: str, where: str) -> TextHeaders:
    def text(key: str) -> str | None:
        """The header's trimmed value; None when absent or empty."""
        value = entries[key][1].strip() if key in entries else ""
        return value or None

    def column(key: str) -> int | None:
        if key not in entries:
            return None
        line, value = entries[key]
        # str.strip() also takes the control characters \x1c-\x1f, which int() refuses around a number
        value = value.strip()
        if not value.isdecimal():
            raise ImportFileError(f"{where} line {line}: #{key} must be a column number (1 is the first), not {value!r}")
        number = int(value)
        return number - 1 if number > 0 else None

    html_value = text("html")
    if html_value is not None and html_value.casefold() not in ("true", "false"):
        raise ImportFileError(f"{where} line {entries['html'][0]}: #html must be true or false, not {html_value!r}")
    # trim the labels' spaces, but not a leading separator (an unlabelled first column)
    columns = entries["columns"][1].strip(" \t".replace(separator, "")).split(separator) if "columns" in entries else ()
    return TextHeaders(
        separator=separator if "separator" in entries else None,
        html=None if html_value is None else html_value.casefold() == "true",
        tags=tuple((text("tags") or "").split()),
        columns=tuple(label.strip() for label in columns),
        notetype=text("notetype"),
        deck=text("deck"),
        notetype_column=column("notetype column"),
        deck_column=column("deck column"),
        tags_column=column("tags column"),
        guid_column=column("guid column"),
    )


def _load(path: Path) -> _TextFile:
    where = str(path)
    text = read_utf8_text(path)
    lines = _LineNumbers(text)
    header_lines, data_start = _header_block(text)
    entries = _header_entries(header_lines)
    separator = _declared_separator(entries, where) or _detected_separator(text, data_start, lines, where)
    return _TextFile(
        where=where,
        headers=_headers(entries, separator, where),
        header_lines={key: line for key, (line, _) in entries.items()},
        separator=separator,
        rows=tuple(_parse_rows(text, data_start, separator, lines, where)),
    )


# --- which column is which -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """The role of each column, before knowing a row's note type."""

    column_count: int
    guid: int | None
    notetype: int | None
    deck: int | None
    tags: int | None
    field_columns: tuple[int, ...]  # columns that may fill fields, left to right
    labels: tuple[str, ...] | None  # the field name of each field column; None: by position
    labels_required: bool  # every label must name a field (a column map), or may match none (#columns)


@dataclass(frozen=True)
class _FieldSources:
    """For one note type: the column that fills each field (None: nothing does), and the field
    columns that fill none (they must be empty)."""

    columns: tuple[int | None, ...]
    unused: tuple[int, ...]


def _layout(source: _TextFile, column_map: Sequence[str] | None) -> _Layout:
    if column_map is not None:
        return _layout_from_map(source, tuple(column_map))
    headers = source.headers
    count = len(source.rows[0].cells) if source.rows else len(headers.columns)
    if headers.columns and len(headers.columns) != count:
        raise ImportFileError(
            f"{source.where} line {source.header_lines['columns']}: #columns names {len(headers.columns)} columns, "
            f"but line {source.rows[0].line} has {count}"
        )
    special: dict[str, int | None] = {
        "guid": headers.guid_column,
        "notetype": headers.notetype_column,
        "deck": headers.deck_column,
        "tags": headers.tags_column,
    }
    taken: dict[int, str] = {}
    for role, index in special.items():
        if index is None:
            continue
        line = source.header_lines[f"{role} column"]
        if source.rows and index >= count:
            raise ImportFileError(f"{source.where} line {line}: #{role} column:{index + 1}, but the rows have {count} columns")
        if index in taken:
            raise ImportFileError(f"{source.where} line {line}: column {index + 1} is already the {taken[index]} column")
        taken[index] = role
    field_columns = tuple(i for i in range(count) if i not in taken)
    return _Layout(
        column_count=count,
        field_columns=field_columns,
        labels=tuple(headers.columns[i] for i in field_columns) if headers.columns else None,
        labels_required=False,
        **special,
    )


def _layout_from_map(source: _TextFile, column_map: tuple[str, ...]) -> _Layout:
    """A column map replaces every column header: one entry per column."""
    if source.rows and len(column_map) != len(source.rows[0].cells):
        raise ImportFileError(
            f"{source.where} line {source.rows[0].line}: the column map has {len(column_map)} entries, "
            f"but the row has {len(source.rows[0].cells)} columns"
        )
    special: dict[str, int | None] = dict.fromkeys(SPECIAL_COLUMNS)
    fields: dict[int, str] = {}
    for index, entry in enumerate(column_map):
        name = entry.strip()
        role = name.casefold()
        if role in special:
            if special[role] is not None:
                raise ImportFileError(f"{source.where}: the column map names {role!r} twice (columns {special[role] + 1} and {index + 1})")
            special[role] = index
        elif name and name != IGNORED_COLUMN:
            fields[index] = name
    return _Layout(
        column_count=len(column_map),
        field_columns=tuple(fields),
        labels=tuple(fields.values()),
        labels_required=True,
        **special,
    )


def _field_named(notetype: NoteType, label: str) -> int | None:
    """The field called `label`: exactly, else ignoring case."""
    if label in notetype.fields:
        return notetype.field_index(label)
    folded = [name.casefold() for name in notetype.fields]
    return folded.index(label.casefold()) if label.casefold() in folded else None


def _sources_by_position(layout: _Layout, notetype: NoteType) -> _FieldSources:
    count = len(notetype.fields)
    columns: list[int | None] = list(layout.field_columns[:count])
    columns += [None] * (count - len(columns))
    return _FieldSources(tuple(columns), layout.field_columns[count:])


def _sources_by_label(layout: _Layout, labels: tuple[str, ...], notetype: NoteType, line: int, where: str) -> _FieldSources:
    columns: list[int | None] = [None] * len(notetype.fields)
    unused: list[int] = []
    for column, label in zip(layout.field_columns, labels):
        index = _field_named(notetype, label)
        if index is None:
            if layout.labels_required:
                raise ImportFileError(
                    f"{where} line {line}: note type {notetype.name!r} has no field {label!r} "
                    f"(column {column + 1}; its fields: {', '.join(notetype.fields)})"
                )
            unused.append(column)
        elif columns[index] is not None:
            raise ImportFileError(
                f"{where} line {line}: columns {columns[index] + 1} and {column + 1} both fill field "
                f"{notetype.fields[index]!r} of note type {notetype.name!r}"
            )
        else:
            columns[index] = column
    return _FieldSources(tuple(columns), tuple(unused))


def _field_sources(layout: _Layout, notetype: NoteType, line: int, where: str) -> _FieldSources:
    """Which column fills which field of `notetype`: by label when a column map gives them or when
    some #columns label names a field of it, else by position. `line` is the first row of this type."""
    labels = layout.labels
    if labels is None or (not layout.labels_required and all(_field_named(notetype, label) is None for label in labels)):
        sources = _sources_by_position(layout, notetype)
    else:
        sources = _sources_by_label(layout, labels, notetype, line, where)
    if sources.columns[0] is None:
        raise ImportFileError(f"{where} line {line}: no column fills {notetype.fields[0]!r}, the first field of {notetype.name!r}")
    return sources


def _cells_are_html(source: _TextFile, layout: _Layout) -> bool:
    """As declared by #html; without it, whether any field cell holds something like a tag (as Anki guesses)."""
    if source.headers.html is not None:
        return source.headers.html
    return any(_HTML_TAG.search(row.cells[c]) for row in source.rows for c in layout.field_columns if c < len(row.cells))


def _plain_text_as_html(text: str) -> str:
    """Plain text as field HTML: markup characters escaped, line breaks as <br>."""
    return _LINE_BREAK.sub("<br>", escape_html(text, quote=False))


# --- rows into notes -----------------------------------------------------------------------------


def _id_of(notetype: NoteType) -> int:
    if notetype.id is None:
        raise ValueError(f"note type {notetype.name!r} has no id: pass the collection's note types")
    return notetype.id


def generated_guid(notetype_name: str, first_field: str, occurrence: int) -> str:
    """The GUID of a note that arrives without one: the same file gives the same GUIDs, so importing
    it again updates the notes it made instead of adding copies. `occurrence` counts the earlier rows
    with the same note type and first field."""
    digest = hashlib.sha256(f"{notetype_name}\x1f{first_field}\x1f{occurrence}".encode()).hexdigest()
    return digest[:32]


def _trimmed_cell(row: _Row, column: int | None) -> str:
    """A name-like cell (note type, deck, GUID) without surrounding spaces; "" when there is no such column."""
    return row.cells[column].strip() if column is not None else ""


class _NoteCollector:
    """Turns rows into notes, collecting the note types and decks they use."""

    def __init__(
        self,
        source: _TextFile,
        layout: _Layout,
        notetypes: Sequence[NoteType],
        notetype: str | None,
        deck: str | None,
        default_deck: str,
    ) -> None:
        self._source = source
        self._layout = layout
        self._html = _cells_are_html(source, layout)
        self._by_name: dict[str, NoteType] = {}
        for candidate in notetypes:
            self._by_name.setdefault(candidate.name.casefold(), candidate)
        self._fixed_notetype = self._notetype(notetype, source.where) if notetype else None
        self._fixed_deck = deck
        self._default_deck = default_deck
        self._sources: dict[str, _FieldSources] = {}  # by note type name
        self._used_notetypes: dict[str, NoteType] = {}
        self._decks: dict[str, Deck] = {}
        self._notes: list[Note] = []
        self._note_decks: dict[int, int] = {}
        self._guid_lines: dict[str, int] = {}
        self._occurrences: dict[tuple[str, str], int] = {}

    def add(self, row: _Row) -> None:
        where = self._source.where
        if len(row.cells) != self._layout.column_count:
            first = self._source.rows[0].line
            raise ImportFileError(f"{where} line {row.line}: {len(row.cells)} columns, expected {self._layout.column_count} as on line {first}")
        notetype = self._row_notetype(row)
        sources = self._sources.get(notetype.name)
        if sources is None:
            sources = self._sources[notetype.name] = _field_sources(self._layout, notetype, row.line, where)
        fields = self._fields(row, notetype, sources)
        if field_is_empty(fields[0]):
            raise ImportFileError(f"{where} line {row.line}: the first field ({notetype.fields[0]}) is empty")
        note_id = len(self._notes) + 1
        self._notes.append(
            Note(
                id=note_id,
                guid=self._guid(row, notetype, fields[0]),
                notetype_id=_id_of(notetype),
                fields=fields,
                tags=self._tags(row),
                created=0,
                modified=0,
            )
        )
        self._used_notetypes.setdefault(notetype.name, notetype)
        self._note_decks[note_id] = self._deck_id(self._deck_name(row), row.line)

    def exchange(self) -> Exchange:
        return Exchange(
            notetypes=tuple(self._used_notetypes.values()),
            decks=tuple(self._decks.values()),
            notes=tuple(self._notes),
            new_note_decks=dict(self._note_decks),
        )

    def _notetype(self, name: str, place: str) -> NoteType:
        """The note type called `name` (case ignored); `place` says where the file names it."""
        found = self._by_name.get(name.casefold())
        if found is None:
            known = ", ".join(sorted(n.name for n in self._by_name.values()))
            raise ImportFileError(f"{place}: unknown note type {name!r} (this collection has: {known})")
        return found

    def _row_notetype(self, row: _Row) -> NoteType:
        if self._fixed_notetype is not None:
            return self._fixed_notetype
        where = self._source.where
        cell = _trimmed_cell(row, self._layout.notetype)
        if cell:
            return self._notetype(cell, f"{where} line {row.line}")
        header = self._source.headers.notetype
        if header is not None:
            return self._notetype(header, f"{where} line {self._source.header_lines['notetype']}")
        return self._notetype(DEFAULT_NOTETYPE, f"{where} (it names no note type)")

    def _fields(self, row: _Row, notetype: NoteType, sources: _FieldSources) -> tuple[str, ...]:
        for column in sources.unused:
            if row.cells[column].strip():
                raise ImportFileError(
                    f"{self._source.where} line {row.line}, column {column + 1}: this column fills no field of "
                    f"{notetype.name!r} (fields: {', '.join(notetype.fields)}); "
                    "map it to a field, to tags, or to _ to leave it out"
                )
        cells = (row.cells[column] if column is not None else "" for column in sources.columns)
        return tuple(cells) if self._html else tuple(_plain_text_as_html(cell) for cell in cells)

    def _tags(self, row: _Row) -> tuple[str, ...]:
        own = row.cells[self._layout.tags].split() if self._layout.tags is not None else []
        return tuple(dict.fromkeys((*self._source.headers.tags, *own)))

    def _guid(self, row: _Row, notetype: NoteType, first_field: str) -> str:
        guid = _trimmed_cell(row, self._layout.guid)
        if not guid:
            key = (notetype.name, first_field)
            occurrence = self._occurrences.get(key, 0)
            self._occurrences[key] = occurrence + 1
            return generated_guid(notetype.name, first_field, occurrence)
        if guid in self._guid_lines:
            raise ImportFileError(f"{self._source.where} line {row.line}: GUID {guid!r} is already used on line {self._guid_lines[guid]}")
        self._guid_lines[guid] = row.line
        return guid

    def _deck_name(self, row: _Row) -> str:
        return self._fixed_deck or _trimmed_cell(row, self._layout.deck) or self._source.headers.deck or self._default_deck

    def _deck_id(self, name: str, line: int) -> int:
        if any(not part.strip() for part in name.split("::")):
            raise ImportFileError(f"{self._source.where} line {line}: deck name {name!r} has an empty part")
        deck = self._decks.get(name.casefold())
        if deck is None:
            deck = self._decks[name.casefold()] = Deck(id=len(self._decks) + 1, name=name, preset_id=0)
        return deck.id


def read_text_notes(
    path: Path | str,
    notetypes: Sequence[NoteType],
    *,
    column_map: Sequence[str] | None = None,
    notetype: str | None = None,
    deck: str | None = None,
    default_deck: str = "Default",
) -> Exchange:
    """The notes of a CSV/TSV file, as Anki reads it, without cards.

    `notetypes` are the collection's (with ids); a note's type is `notetype`, else its row's
    note type column, else the #notetype header, else Basic. Its deck is `deck`, else its row's
    deck column, else the #deck header, else `default_deck`. `column_map`, one entry per column
    (a field name, one of `SPECIAL_COLUMNS`, or "" / "_" to leave the column out), replaces the
    file's column headers. Decks have local ids and preset 0 ("the collection decides"); notes
    have local ids and created/modified 0 (the collection stamps them when it adds them).
    """
    source = _load(Path(path))
    collector = _NoteCollector(source, _layout(source, column_map), notetypes, notetype, deck, default_deck)
    for row in source.rows:
        collector.add(row)
    return collector.exchange()


# --- writing -----------------------------------------------------------------------------------


def _separator_name(separator: str) -> str:
    for name, character in SEPARATORS.items():
        if character == separator:
            return name
    raise ValueError(f"separator {separator!r} is not one of {', '.join(map(repr, SEPARATORS.values()))}")


def _quoted(cell: str, separator: str) -> str:
    """A cell as written: quoted when it holds the separator, a quote or a line break, or starts
    with ``#`` (which would make its line a comment)."""
    if cell.startswith("#") or any(c in cell for c in (separator, '"', "\r", "\n")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _row_text(cells: Iterable[str], separator: str) -> str:
    return separator.join(_quoted(cell, separator) for cell in cells)


def _write_lines(path: Path | str, lines: Iterable[str]) -> None:
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8", newline="")


def _note_deck_ids(exchange: Exchange) -> dict[int, int]:
    """Each note's deck: its first card's (lowest ordinal), else the one it is to get cards in."""
    decks: dict[int, int] = dict(exchange.new_note_decks)
    for card in sorted(exchange.cards, key=lambda c: c.ordinal, reverse=True):
        decks[card.note_id] = card.deck_id
    return decks


def write_text_notes(exchange: Exchange, path: Path | str, *, separator: str = "\t", html: bool = True) -> None:
    """One row per note (GUID, note type, deck, fields, tags) under the headers Anki writes, so
    Anki and `read_text_notes` read it back. `html=False` writes fields as plain text."""
    notetypes = {notetype.id: notetype for notetype in exchange.notetypes}
    deck_names = {deck.id: deck.name for deck in exchange.decks}
    note_decks = _note_deck_ids(exchange)
    width = max((len(notetypes[note.notetype_id].fields) for note in exchange.notes), default=1)
    headers = [
        f"#separator:{_separator_name(separator)}",
        f"#html:{'true' if html else 'false'}",
        "#guid column:1",
        "#notetype column:2",
        "#deck column:3",
        f"#tags column:{4 + width}",
    ]

    def row(note: Note) -> str:
        fields = note.fields if html else tuple(html_to_text(field) for field in note.fields)
        padding = ("",) * (width - len(fields))
        deck = deck_names.get(note_decks.get(note.id, 0), "")
        cells = (note.guid, notetypes[note.notetype_id].name, deck, *fields, *padding, " ".join(note.tags))
        return _row_text(cells, separator)

    _write_lines(path, [*headers, *(row(note) for note in exchange.notes)])


CARD_COLUMNS = ("Question", "Answer", "Deck", "Due", "Interval", "Reps", "Lapses", "Stability", "Difficulty")


def write_text_cards(
    exchange: Exchange, path: Path | str, *, separator: str = "\t", calendar: DayCalendar = DayCalendar()
) -> None:
    """One row per card, under a row of column names (`CARD_COLUMNS`): its rendered question and
    answer as plain text, deck, due date (ISO, the learner's day under `calendar`; empty for new
    cards), interval in days, reviews, lapses, stability and difficulty. For reading, not importing."""
    _separator_name(separator)
    notes = {note.id: note for note in exchange.notes}
    notetypes = {notetype.id: notetype for notetype in exchange.notetypes}
    decks = {deck.id: deck.name for deck in exchange.decks}

    def row(card: Card) -> str:
        note = notes[card.note_id]
        deck = decks.get(card.deck_id, "")
        rendered = render_card(notetypes[note.notetype_id], note.fields, card.ordinal, tags=note.tags, deck_name=deck, flag=card.flag)
        due = "" if card.state is CardState.NEW else calendar.date_of_day(calendar.day(card.due)).isoformat()
        cells = (
            html_to_text(rendered.question),
            html_to_text(answer_without_question(rendered.question, rendered.answer)),
            deck,
            due,
            str(card.interval),
            str(card.reps),
            str(card.lapses),
            "" if card.stability is None else f"{card.stability:.2f}",
            "" if card.difficulty is None else f"{card.difficulty:.2f}",
        )
        return _row_text(cells, separator)

    _write_lines(path, [_row_text(CARD_COLUMNS, separator), *(row(card) for card in exchange.cards)])
