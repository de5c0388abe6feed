"""heatcards' native deck file (`.heatdeck.toml`): TOML, versioned, human-readable and diffable.

See docs/deck-format.md for the format. Two layers:

- `read_deck_file` / `parse_deck_data` check a file and give a `DeckFile` that says what the file
  says (names, local dates, UTC times); `deck_file_text` / `write_deck_file` write one back.
- `deck_file_to_exchange` / `exchange_to_deck_file` translate between a `DeckFile` and the `Exchange`
  every importer and exporter shares: names become local ids, review dates become local days.

Keys in the file are the field names of the dataclasses below, and a key left out means the field's
default, so the writer leaves out every default and a file without cards is a plain deck.
"""
from __future__ import annotations

import enum
import math
import re
import tomllib
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import MISSING, dataclass, fields, is_dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Final, NoReturn, TypeVar

from ..clock import DayCalendar
from ..errors import DeckFileError, InvalidInputError
from ..model import (
    Card,
    CardState,
    CardTemplate,
    Deck,
    Note,
    NoteType,
    NoteTypeKind,
    Preset,
    ReviewKind,
    ReviewLogEntry,
    SourceLink,
)
from ..notetypes import BUILTIN_NOTETYPES
from ..presets import validate_preset
from .exchange import Exchange, ExchangeDocument

FORMAT_NAME = "heatcards-deck"
FORMAT_VERSION = 2

NO_PRESET: Final = 0
"""`Deck.preset_id` of a deck the file names no preset for: no preset of the exchange has this id,
so the collection keeps the deck's own preset, or gives a new deck its default one."""

_HEADER = "# heatcards deck file; format described in docs/deck-format.md\n"
_SECOND = timedelta(seconds=1)
_MILLISECOND = timedelta(milliseconds=1)
_UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_HIGHEST_FLAG = 7
_HIGHEST_RATING = 4


# --- what a file says ---------------------------------------------------------------
@dataclass(frozen=True)
class DeckFileDeck:
    """A deck with the options preset its cards are scheduled with (a name under [[presets]])."""

    name: str  # full path, "Parent::Child"
    description: str = ""
    preset: str | None = None  # None: the file does not say; the collection chooses


@dataclass(frozen=True)
class DeckFileDocument:
    key: str  # how notes of this file refer to the document
    title: str
    file: str = ""  # the original file name
    sha256: str = ""  # of the document's bytes; identifies it across collections


@dataclass(frozen=True)
class DeckFileSource:
    document: str  # a DeckFileDocument.key
    paragraph: int | None = None  # numbered from 1
    span: tuple[int, int] | None = None  # [start, end) character offsets into the document


@dataclass(frozen=True)
class DeckFileReview:
    """One entry of a card's review history; times in UTC, `due_after` to the second."""

    id: str  # globally unique
    time: datetime  # to the millisecond
    rating: int  # 1..4, 0 for entries without an answer (manual, rescheduled)
    kind: ReviewKind
    state_before: CardState
    due_after: datetime
    interval_before: int = 0  # days
    interval_after: int = 0  # days
    stability: float | None = None
    difficulty: float | None = None
    duration_ms: int = 0


@dataclass(frozen=True)
class DeckFileCard:
    """A card with its study progress.

    `due` depends on the state: the position in the new queue for new cards, the local date for
    review cards (so a file moved to another time zone keeps its due dates), and the UTC time to
    the second for learning and relearning cards.
    """

    ordinal: int  # 0-based: the template's index, or the cloze number minus one
    deck: str | None = None  # None: the note's deck
    state: CardState = CardState.NEW
    due: int | date | datetime = 0
    interval: int = 0  # days
    stability: float | None = None
    difficulty: float | None = None
    remaining_steps: int = 0
    reps: int = 0
    lapses: int = 0
    last_review: datetime | None = None
    suspended: bool = False
    buried_until: datetime | None = None
    flag: int = 0
    reviews: tuple[DeckFileReview, ...] = ()


@dataclass(frozen=True)
class DeckFileNote:
    guid: str
    notetype: str  # a name under [[notetypes]], or a note type every collection has
    fields: dict[str, str]  # field name -> HTML; fields left out are empty
    tags: tuple[str, ...] = ()
    deck: str | None = None  # None: the file's main deck
    source: DeckFileSource | None = None
    created: datetime | None = None
    modified: datetime | None = None
    cards: tuple[DeckFileCard, ...] = ()  # none: the note arrives with the new cards it makes


@dataclass(frozen=True)
class DeckFile:
    name: str  # the main deck: notes that name no deck go there
    description: str = ""
    documents: tuple[DeckFileDocument, ...] = ()
    notes: tuple[DeckFileNote, ...] = ()
    version: int = FORMAT_VERSION  # of the file read; files are always written in FORMAT_VERSION
    preset: str | None = None  # the main deck's preset
    decks: tuple[DeckFileDeck, ...] = ()  # other decks, so their descriptions and presets travel
    presets: tuple[Preset, ...] = ()  # ids are None
    notetypes: tuple[NoteType, ...] = ()  # note types that are not built in; ids are None


# --- reading ---------------------------------------------------------------------
def read_deck_file(path: Path | str) -> DeckFile:
    """The deck file at `path`; `DeckFileError` naming the file and the place when it is not valid."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise DeckFileError(f"cannot read deck file {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise DeckFileError(f"{path}: not UTF-8 text (byte {error.start})") from error
    except tomllib.TOMLDecodeError as error:
        raise DeckFileError(f"{path}: {error}") from error
    return parse_deck_data(data, str(path))


def parse_deck_data(data: dict, where: str) -> DeckFile:
    """Check parsed TOML of any version up to FORMAT_VERSION; `where` starts every error message."""
    if data.get("format") != FORMAT_NAME:
        raise DeckFileError(f"{where}: not a heatcards deck file (format = {FORMAT_NAME!r} is missing)")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DeckFileError(f"{where}: 'version' must be a positive integer")
    if version > FORMAT_VERSION:
        raise DeckFileError(f"{where}: deck file version {version} is newer than this heatcards reads ({FORMAT_VERSION})")
    if not isinstance(data.get("deck"), dict):
        raise DeckFileError(f"{where}: a [deck] table is required")
    top = _Table(data, where, _TOP_KEYS)
    main = _deck(data["deck"], f"{where} [deck]")
    presets = tuple(_preset(raw, f"{where} presets[{i}]") for i, raw in enumerate(top.tables("presets")))
    decks = tuple(_deck(raw, f"{where} decks[{i}]") for i, raw in enumerate(top.tables("decks")))
    notetypes = tuple(_notetype(raw, f"{where} notetypes[{i}]") for i, raw in enumerate(top.tables("notetypes")))
    documents = tuple(_document(raw, f"{where} documents[{i}]") for i, raw in enumerate(top.tables("documents")))
    _check_unique((p.name for p in presets), "preset", where)
    _check_unique((d.name for d in (main, *decks)), "deck", where)
    _check_unique((n.name for n in notetypes), "note type", where)
    _check_unique((d.key for d in documents), "document key", where)
    _check_presets_listed((main, *decks), presets, where)
    document_keys = {d.key for d in documents}
    notes = tuple(_note(raw, f"{where} notes[{i}]", document_keys) for i, raw in enumerate(top.tables("notes")))
    _check_unique((n.guid for n in notes), "guid", where)
    _check_unique((r.id for n in notes for c in n.cards for r in c.reviews), "review id", where)
    return DeckFile(
        name=main.name,
        description=main.description,
        documents=documents,
        notes=notes,
        version=version,
        preset=main.preset,
        decks=decks,
        presets=presets,
        notetypes=notetypes,
    )


def _keys(record_type: type, *left_out: str) -> frozenset[str]:
    """The keys a table for `record_type` may have: its field names."""
    return frozenset(f.name for f in fields(record_type)) - set(left_out)


_TOP_KEYS = frozenset({"format", "version", "deck", "presets", "decks", "notetypes", "documents", "notes"})
_STATES = {state.name.lower(): state for state in CardState}
_REVIEW_KINDS = {kind.value: kind for kind in ReviewKind}
_NOTETYPE_KINDS = {kind.value: kind for kind in NoteTypeKind}
_REQUIRED: Final = object()
_Choice = TypeVar("_Choice")


class _Table:
    """One table of the file: typed look-ups whose errors say which table, which key and what is wrong.

    Each look-up returns `default` when the key is absent, and fails when there is no default."""

    def __init__(self, raw: object, where: str, keys: frozenset[str], label: str | None = None):
        if not isinstance(raw, dict):
            raise DeckFileError(f"{where}: must be a table")
        if label is not None and isinstance(raw.get(label), (str, int)):
            where = f"{where} ({label} {raw[label]})"
        unknown = sorted(set(raw) - keys)
        if unknown:
            raise DeckFileError(f"{where}: unknown key {unknown[0]!r} (a table here has {', '.join(sorted(keys))})")
        self.raw = raw
        self.where = where

    def fail(self, message: str) -> NoReturn:
        raise DeckFileError(f"{self.where}: {message}")

    def _absent(self, key: str, default: object, expected: str) -> object:
        if default is _REQUIRED:
            self.fail(f"{key!r} must be {expected}")
        return default

    def text(self, key: str, default: object = _REQUIRED) -> str:
        if key not in self.raw:
            return self._absent(key, default, "a string")
        if not isinstance(self.raw[key], str):
            self.fail(f"{key!r} must be a string")
        return self.raw[key]

    def name(self, key: str) -> str:
        """A name of a preset, note type or template: not blank."""
        value = self.text(key)
        if not value.strip():
            self.fail(f"{key!r} must not be empty")
        return value

    def integer(self, key: str, default: object = _REQUIRED, *, minimum: int = 0, maximum: int | None = None) -> int:
        expected = f"a whole number from {minimum}" + (f" to {maximum}" if maximum is not None else "")
        if key not in self.raw:
            return self._absent(key, default, expected)
        value = self.raw[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum or (maximum is not None and value > maximum):
            self.fail(f"{key!r} must be {expected}")
        return value

    def number(self, key: str, default: object = _REQUIRED) -> float:
        if key not in self.raw:
            return self._absent(key, default, "a number")
        if not _is_finite_number(self.raw[key]):
            self.fail(f"{key!r} must be a number")
        return float(self.raw[key])

    def positive_number(self, key: str) -> float | None:
        """An FSRS memory state value (stability, difficulty): absent when unknown."""
        number = self.number(key, None)
        if number is not None and number <= 0:
            self.fail(f"{key!r} must be a number above zero")
        return number

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"{key!r} must be true or false")
        return value

    def choice(self, key: str, options: Mapping[str, _Choice], default: object = _REQUIRED) -> _Choice:
        expected = "one of " + ", ".join(f'"{o}"' for o in options)
        if key not in self.raw:
            return self._absent(key, default, expected)
        value = self.raw[key]
        if not isinstance(value, str) or value not in options:
            self.fail(f"{key!r} must be {expected}")
        return options[value]

    def moment(self, key: str, precision: timedelta, default: object = None) -> datetime:
        """A time with a UTC offset (2026-03-02T14:30:00Z), to the second or millisecond, in UTC."""
        unit = "second" if precision == _SECOND else "millisecond"
        expected = f"a time with its UTC offset, like 2026-03-02T14:30:00Z, to the {unit}"
        if key not in self.raw:
            return self._absent(key, default, expected)
        value = self.raw[key]
        if not isinstance(value, datetime) or value.tzinfo is None or (value - _UNIX_EPOCH) % precision:
            self.fail(f"{key!r} must be {expected}")
        return value.astimezone(timezone.utc)

    def local_date(self, key: str) -> date:
        value = self.raw.get(key)
        if not isinstance(value, date) or isinstance(value, datetime):
            self.fail(f"{key!r} must be a date like 2026-03-02")
        return value

    def texts(self, key: str, default: object = _REQUIRED) -> tuple[str, ...]:
        if key not in self.raw:
            return self._absent(key, default, "a list of strings")
        value = self.raw[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{key!r} must be a list of strings")
        return tuple(value)

    def numbers(self, key: str, default: object = _REQUIRED) -> tuple[float, ...]:
        if key not in self.raw:
            return self._absent(key, default, "a list of numbers")
        value = self.raw[key]
        if not isinstance(value, list) or not all(_is_finite_number(v) for v in value):
            self.fail(f"{key!r} must be a list of numbers")
        return tuple(float(v) for v in value)

    def tables(self, key: str) -> list[object]:
        value = self.raw.get(key, [])
        if not isinstance(value, list):
            self.fail(f"'{key}' must be an array of tables ([[{key}]])")
        return value


def _is_finite_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_unique(names: Iterable[Hashable], what: str, where: str) -> None:
    seen: set[Hashable] = set()
    for name in names:
        if name in seen:
            raise DeckFileError(f"{where}: {what} {name!r} appears twice")
        seen.add(name)


def _check_deck_name(table: _Table, name: str) -> str:
    if not name.strip() or any(not part.strip() for part in name.split("::")):
        table.fail(f"deck name {name!r} has an empty part")
    return name


def _check_presets_listed(decks: Iterable[DeckFileDeck], presets: Sequence[Preset], where: str) -> None:
    listed = {p.name for p in presets}
    for deck in decks:
        if deck.preset is not None and deck.preset not in listed:
            raise DeckFileError(f"{where}: deck {deck.name!r} uses preset {deck.preset!r}, which is not listed under [[presets]]")


def _deck(raw: object, where: str) -> DeckFileDeck:
    table = _Table(raw, where, _keys(DeckFileDeck), label="name")
    return DeckFileDeck(
        name=_check_deck_name(table, table.text("name")),
        description=table.text("description", ""),
        preset=table.text("preset", None),
    )


_PRESET_SETTINGS = tuple(f for f in fields(Preset) if f.name not in ("id", "name"))


def _preset(raw: object, where: str) -> Preset:
    table = _Table(raw, where, _keys(Preset, "id"), label="name")
    settings = {f.name: _preset_setting(table, f.name, f.default) for f in _PRESET_SETTINGS}
    try:
        return validate_preset(Preset(id=None, name=table.name("name"), **settings))
    except InvalidInputError as error:
        raise DeckFileError(f"{table.where}: {error}") from None


def _preset_setting(table: _Table, key: str, default: object) -> object:
    """A preset setting, read as the type of its default (steps and parameters are lists of numbers)."""
    if isinstance(default, bool):
        return table.boolean(key, default)
    if isinstance(default, int):
        return table.integer(key, default)
    if isinstance(default, float):
        return table.number(key, default)
    if isinstance(default, tuple):
        return table.numbers(key, default)
    if isinstance(default, enum.Enum):
        return table.choice(key, {member.value: member for member in type(default)}, default)
    raise TypeError(f"no reader for the preset setting {key!r}")


def _notetype(raw: object, where: str) -> NoteType:
    table = _Table(raw, where, _keys(NoteType, "id"), label="name")
    field_names = table.texts("fields")
    if not field_names or any(not name.strip() for name in field_names):
        table.fail("'fields' must list at least one field, each with a name")
    _check_unique(field_names, "field", table.where)
    templates = tuple(_template(t, f"{table.where} templates[{i}]") for i, t in enumerate(table.tables("templates")))
    _check_unique((t.name for t in templates), "template", table.where)
    kind = table.choice("kind", _NOTETYPE_KINDS)
    if not templates:
        table.fail("a note type needs at least one [[notetypes.templates]]")
    if kind is NoteTypeKind.CLOZE and len(templates) != 1:
        table.fail("a cloze note type has exactly one template")
    return NoteType(id=None, name=table.name("name"), kind=kind, fields=field_names, templates=templates, css=table.text("css", ""))


def _template(raw: object, where: str) -> CardTemplate:
    table = _Table(raw, where, _keys(CardTemplate), label="name")
    return CardTemplate(name=table.name("name"), front=table.text("front"), back=table.text("back"))


def _document(raw: object, where: str) -> DeckFileDocument:
    table = _Table(raw, where, _keys(DeckFileDocument), label="key")
    return DeckFileDocument(
        key=table.text("key"), title=table.text("title"), file=table.text("file", ""), sha256=table.text("sha256", "")
    )


def _note(raw: object, where: str, document_keys: set[str]) -> DeckFileNote:
    table = _Table(raw, where, _keys(DeckFileNote), label="guid")
    guid = table.text("guid")
    if not guid.strip():
        table.fail("guid is empty")
    fields_table = table.raw.get("fields")
    if not isinstance(fields_table, dict) or not all(isinstance(v, str) for v in fields_table.values()):
        table.fail("'fields' must be a table of strings")
    tags = table.texts("tags", ())
    if not all(tag and not any(c.isspace() for c in tag) for tag in tags):
        table.fail("'tags' must be a list of words without spaces")
    deck = table.text("deck", None)
    cards = tuple(_card(c, f"{table.where} cards[{i}]") for i, c in enumerate(table.tables("cards")))
    _check_unique((c.ordinal for c in cards), "card ordinal", table.where)
    return DeckFileNote(
        guid=guid,
        notetype=table.text("notetype"),
        fields=dict(fields_table),
        tags=tags,
        deck=None if deck is None else _check_deck_name(table, deck),
        source=_source(table.raw.get("source"), table, document_keys),
        created=table.moment("created", _SECOND),
        modified=table.moment("modified", _SECOND),
        cards=cards,
    )


def _source(raw: object, note: _Table, document_keys: set[str]) -> DeckFileSource | None:
    if raw is None:
        return None
    table = _Table(raw, f"{note.where} source", _keys(DeckFileSource))
    document = table.text("document")
    if document not in document_keys:
        note.fail(f"source document {document!r} is not listed under [[documents]]")
    paragraph = table.integer("paragraph", None, minimum=1)
    span = table.raw.get("span")
    if span is not None:
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in span) and 0 <= span[0] <= span[1]):
            note.fail("source span must be [start, end] with 0 <= start <= end")
        span = (span[0], span[1])
    return DeckFileSource(document=document, paragraph=paragraph, span=span)


def _card(raw: object, where: str) -> DeckFileCard:
    table = _Table(raw, where, _keys(DeckFileCard), label="ordinal")
    state = table.choice("state", _STATES, CardState.NEW)
    deck = table.text("deck", None)
    reviews = tuple(_review(r, f"{table.where} reviews[{i}]") for i, r in enumerate(table.tables("reviews")))
    return DeckFileCard(
        ordinal=table.integer("ordinal"),
        deck=None if deck is None else _check_deck_name(table, deck),
        state=state,
        due=_due(table, state),
        interval=table.integer("interval", 0),
        stability=table.positive_number("stability"),
        difficulty=table.positive_number("difficulty"),
        remaining_steps=table.integer("remaining_steps", 0),
        reps=table.integer("reps", 0),
        lapses=table.integer("lapses", 0),
        last_review=table.moment("last_review", _SECOND),
        suspended=table.boolean("suspended"),
        buried_until=table.moment("buried_until", _SECOND),
        flag=table.integer("flag", 0, maximum=_HIGHEST_FLAG),
        reviews=reviews,
    )


def _due(card: _Table, state: CardState) -> int | date | datetime:
    """A new card's queue position, a review card's local date, a (re)learning card's UTC time."""
    if state is CardState.NEW:
        return card.integer("due", 0)
    if state is CardState.REVIEW:
        return card.local_date("due")
    return card.moment("due", _SECOND, _REQUIRED)


def _review(raw: object, where: str) -> DeckFileReview:
    table = _Table(raw, where, _keys(DeckFileReview), label="id")
    review_id = table.text("id")
    if not review_id.strip():
        table.fail("'id' is empty")
    return DeckFileReview(
        id=review_id,
        time=table.moment("time", _MILLISECOND, _REQUIRED),
        rating=table.integer("rating", maximum=_HIGHEST_RATING),
        kind=table.choice("kind", _REVIEW_KINDS),
        state_before=table.choice("state_before", _STATES),
        due_after=table.moment("due_after", _SECOND, _REQUIRED),
        interval_before=table.integer("interval_before", 0),
        interval_after=table.integer("interval_after", 0),
        stability=table.positive_number("stability"),
        difficulty=table.positive_number("difficulty"),
        duration_ms=table.integer("duration_ms", 0),
    )


# --- writing ---------------------------------------------------------------------
def write_deck_file(deck: DeckFile, path: Path | str) -> None:
    Path(path).write_text(deck_file_text(deck), encoding="utf-8")


def deck_file_text(deck: DeckFile) -> str:
    """The file's TOML, in FORMAT_VERSION, leaving out every value that is at its default.

    Note fields, and everything else inside inline tables, are single-line strings ("\\n" escaped);
    descriptions, templates and CSS that span lines are written as multi-line strings.
    """
    main = DeckFileDeck(deck.name, deck.description, deck.preset)
    parts = [_HEADER, _assignments({"format": FORMAT_NAME, "version": FORMAT_VERSION}), _table("[deck]", _record(main))]
    parts += (_table("[[presets]]", _record(p, leave_out=("id",))) for p in deck.presets)
    parts += (_table("[[decks]]", _record(d)) for d in deck.decks)
    for notetype in deck.notetypes:
        parts.append(_table("[[notetypes]]", _record(notetype, leave_out=("id", "templates"))))
        parts += (_table("[[notetypes.templates]]", _record(t)) for t in notetype.templates)
    parts += (_table("[[documents]]", _record(d)) for d in deck.documents)
    for note in deck.notes:
        parts.append(_table("[[notes]]", _note_record(note)))
        parts += (_table("[[notes.cards]]", _record(c)) for c in note.cards)
    return "".join(parts)


_NOTE_KEY_ORDER = ("guid", "notetype", "deck", "tags", "fields", "source", "created", "modified")


def _note_record(note: DeckFileNote) -> dict[str, object]:
    """A note's keys in the order a person reads them: what it is, where it goes, what it says."""
    record = _record(note, leave_out=("cards",))
    return {key: record[key] for key in _NOTE_KEY_ORDER if key in record}


def _record(item: object, *, leave_out: Collection[str] = ()) -> dict[str, object]:
    """A dataclass's fields as TOML values, leaving out those at their default (the reader puts them back)."""
    record: dict[str, object] = {}
    for field in fields(item):
        value = getattr(item, field.name)
        if field.name in leave_out or (field.default is not MISSING and value == field.default):
            continue
        record[field.name] = _plain(value)
    return record


def _plain(value: object) -> object:
    """`value` as the TOML value it is written as: states by name, enums by value, records as tables."""
    if isinstance(value, CardState):
        return value.name.lower()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return _record(value)
    return value


def _table(header: str, record: Mapping[str, object]) -> str:
    return f"\n{header}\n{_assignments(record)}"


def _assignments(record: Mapping[str, object]) -> str:
    return "".join(f"{_key(key)} = {_top_level_value(value)}\n" for key, value in record.items())


def _top_level_value(value: object) -> str:
    """Strings with line breaks as multi-line strings and lists of tables one table per line."""
    if isinstance(value, str) and "\n" in value:
        return _multiline_string(value)
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return "[\n" + "".join(f"    {_inline_value(v)},\n" for v in value) + "]"
    return _inline_value(value)


def _inline_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime):
        return _utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_inline_value(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a deck file")


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# TOML basic strings: escape quotes, backslashes and control characters (tabs too, to keep them visible)
_ESCAPES = {code: f"\\u{code:04x}" for code in (*range(0x20), 0x7F)} | {
    ord('"'): '\\"', ord("\\"): "\\\\", ord("\b"): "\\b", ord("\t"): "\\t", ord("\n"): "\\n", ord("\f"): "\\f", ord("\r"): "\\r",
}
# Multi-line strings keep line feeds and quotes; a quote that would close or merge with the delimiter is escaped.
_MULTILINE_ESCAPES = {code: text for code, text in _ESCAPES.items() if code not in (ord("\n"), ord('"'))}
_QUOTE_BEFORE_QUOTE_OR_END = re.compile(r'"(?="|\Z)')


def _key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else _string(name)


def _string(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"'


def _multiline_string(text: str) -> str:
    """A TOML multi-line string; carriage returns are escaped, so reading keeps "\\r\\n" as it was."""
    body = _QUOTE_BEFORE_QUOTE_OR_END.sub(r'\\"', text.translate(_MULTILINE_ESCAPES))
    return f'"""\n{body}"""'


def _utc_text(moment: datetime) -> str:
    """2026-03-02T14:30:00Z, with milliseconds when the time has them."""
    utc = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return utc.isoformat(timespec="milliseconds" if utc.microsecond else "seconds") + "Z"


# --- deck file <-> exchange ------------------------------------------------------
def deck_file_to_exchange(deck_file: DeckFile, notetypes: Sequence[NoteType], calendar: DayCalendar) -> Exchange:
    """The deck file's records with local ids numbered from 1 in the order the file lists them.

    `notetypes` are the collection's: a note type the file does not define is looked up among them
    by name. Review due dates become the start of that local day in `calendar`. Notes without cards
    go to `new_note_decks`; `scheduling` is True only when some note carries its cards.
    Raises `DeckFileError` naming the note for an unknown note type or field, or a card the note type cannot have.
    """
    presets = tuple(replace(p, id=i) for i, p in enumerate(deck_file.presets, start=1))
    decks = _LocalDecks(deck_file, {p.name: p.id for p in presets})
    local_notetypes = _LocalNoteTypes(deck_file.notetypes, notetypes)
    documents = tuple(
        ExchangeDocument(id=i, title=d.title, file_name=d.file, sha256=d.sha256, key=d.key) for i, d in enumerate(deck_file.documents, start=1)
    )
    document_ids = {d.key: i for i, d in enumerate(deck_file.documents, start=1)}
    notes: list[Note] = []
    cards: list[Card] = []
    reviews: list[ReviewLogEntry] = []
    new_note_decks: dict[int, int] = {}
    for note_id, file_note in enumerate(deck_file.notes, start=1):
        where = f"deck file {deck_file.name!r} notes[{note_id - 1}] (guid {file_note.guid})"
        notetype = local_notetypes.resolve(file_note.notetype, where)
        notes.append(_note_from_file(file_note, note_id, notetype, document_ids, where))
        note_deck = file_note.deck or deck_file.name
        if not file_note.cards:
            new_note_decks[note_id] = decks.id_of(note_deck)
        for file_card in file_note.cards:
            _check_ordinal(notetype, file_card.ordinal, where)
            card_id = len(cards) + 1
            cards.append(_card_from_file(file_card, card_id, note_id, decks.id_of(file_card.deck or note_deck), calendar))
            reviews += (_review_from_file(r, card_id) for r in file_card.reviews)
    return Exchange(
        notetypes=local_notetypes.used(),
        presets=presets,
        decks=decks.all(),
        notes=tuple(notes),
        cards=tuple(cards),
        new_note_decks=new_note_decks,
        reviews=tuple(reviews),
        documents=documents,
        scheduling=bool(cards),
    )


class _LocalDecks:
    """The exchange's decks by name, numbered in the order the file names them (main deck first)."""

    def __init__(self, deck_file: DeckFile, preset_ids: Mapping[str, int]):
        self._preset_ids = preset_ids
        self._decks: dict[str, Deck] = {}
        for listed in (DeckFileDeck(deck_file.name, deck_file.description, deck_file.preset), *deck_file.decks):
            self._add(listed)

    def _add(self, listed: DeckFileDeck) -> Deck:
        preset_id = NO_PRESET if listed.preset is None else self._preset_ids[listed.preset]
        deck = Deck(id=len(self._decks) + 1, name=listed.name, preset_id=preset_id, description=listed.description)
        self._decks[listed.name] = deck
        return deck

    def id_of(self, name: str) -> int:
        """The id of the deck called `name`; a deck only notes or cards name is added without options."""
        deck = self._decks.get(name) or self._add(DeckFileDeck(name))
        return deck.id

    def all(self) -> tuple[Deck, ...]:
        return tuple(self._decks.values())


class _LocalNoteTypes:
    """The file's own note types (ids from 1), then the collection's ones notes refer to by name."""

    def __init__(self, defined: Sequence[NoteType], known: Sequence[NoteType]):
        self._known = {n.name: n for n in known}
        self._used = {n.name: replace(n, id=i) for i, n in enumerate(defined, start=1)}

    def resolve(self, name: str, where: str) -> NoteType:
        notetype = self._used.get(name)
        if notetype is None:
            known = self._known.get(name)
            if known is None:
                raise DeckFileError(f"{where}: unknown note type {name!r} (define it under [[notetypes]])")
            notetype = self._used[name] = replace(known, id=len(self._used) + 1)
        return notetype

    def used(self) -> tuple[NoteType, ...]:
        return tuple(self._used.values())


def _note_from_file(note: DeckFileNote, note_id: int, notetype: NoteType, document_ids: Mapping[str, int], where: str) -> Note:
    unknown = [name for name in note.fields if name not in notetype.fields]
    if unknown:
        raise DeckFileError(f"{where}: note type {notetype.name!r} has no field {unknown[0]!r} (its fields: {', '.join(notetype.fields)})")
    source = None
    if note.source is not None:
        start, end = note.source.span or (None, None)
        source = SourceLink(document_ids[note.source.document], start, end, note.source.paragraph)
    return Note(
        id=note_id,
        guid=note.guid,
        notetype_id=notetype.id,
        fields=tuple(note.fields.get(name, "") for name in notetype.fields),
        tags=note.tags,
        created=_unix_or_zero(note.created, _SECOND),
        modified=_unix_or_zero(note.modified, _SECOND),
        source=source,
    )


def _check_ordinal(notetype: NoteType, ordinal: int, where: str) -> None:
    if notetype.kind is NoteTypeKind.STANDARD and ordinal >= len(notetype.templates):
        raise DeckFileError(
            f"{where}: card ordinal {ordinal} needs template {ordinal + 1}, but note type {notetype.name!r} has {len(notetype.templates)}"
        )


def _card_from_file(card: DeckFileCard, card_id: int, note_id: int, deck_id: int, calendar: DayCalendar) -> Card:
    return Card(
        id=card_id,
        note_id=note_id,
        deck_id=deck_id,
        ordinal=card.ordinal,
        state=card.state,
        due=_unix_due(card.due, calendar),
        interval=card.interval,
        stability=card.stability,
        difficulty=card.difficulty,
        remaining_steps=card.remaining_steps,
        reps=card.reps,
        lapses=card.lapses,
        last_review=None if card.last_review is None else _unix(card.last_review, _SECOND),
        suspended=card.suspended,
        buried_until=_unix_or_zero(card.buried_until, _SECOND),
        flag=card.flag,
    )


def _unix_due(due: int | date | datetime, calendar: DayCalendar) -> int:
    """A card's `due` as the collection keeps it: positions stay, dates become the start of that local day."""
    if isinstance(due, datetime):
        return _unix(due, _SECOND)
    if isinstance(due, date):
        return calendar.day_start((due - calendar.date_of_day(0)).days)
    return due


def _review_from_file(review: DeckFileReview, card_id: int) -> ReviewLogEntry:
    return ReviewLogEntry(
        id=review.id,
        card_id=card_id,
        time=_unix(review.time, _MILLISECOND),
        rating=review.rating,
        state_before=review.state_before,
        interval_before=review.interval_before,
        interval_after=review.interval_after,
        due_after=_unix(review.due_after, _SECOND),
        stability=review.stability,
        difficulty=review.difficulty,
        duration_ms=review.duration_ms,
        kind=review.kind,
    )


def exchange_to_deck_file(
    exchange: Exchange, calendar: DayCalendar, *, name: str, description: str = "", scheduling: bool = True
) -> DeckFile:
    """A deck file whose main deck is `name`, described by `description` (default: that deck's own).

    Built-in note types are referred to by name, others are written out. With `scheduling` (and an
    exchange that has it) each note lists its cards with their progress and reviews, review due
    dates being local days in `calendar`; without, a note goes to the deck of its first card and
    arrives as new. Documents get keys made from their titles; media and card modification times
    do not travel.
    """
    main = next((d for d in exchange.decks if d.name == name), None)
    preset_names = {p.id: p.name for p in exchange.presets}
    document_keys = _document_keys(exchange.documents)
    notes = _FileNotes(exchange, calendar, name, document_keys, with_cards=scheduling and exchange.scheduling)
    return DeckFile(
        name=name,
        description=description or (main.description if main else ""),
        documents=tuple(
            DeckFileDocument(key=document_keys[d.id], title=d.title, file=d.file_name, sha256=d.sha256) for d in exchange.documents
        ),
        notes=tuple(notes.note(n) for n in exchange.notes),
        preset=preset_names.get(main.preset_id) if main else None,
        decks=tuple(DeckFileDeck(d.name, d.description, preset_names.get(d.preset_id)) for d in exchange.decks if d is not main),
        presets=tuple(replace(p, id=None) for p in exchange.presets),
        notetypes=tuple(n for n in (replace(t, id=None) for t in exchange.notetypes) if n not in BUILTIN_NOTETYPES),
    )


def _document_keys(documents: Iterable[ExchangeDocument]) -> dict[int, str]:
    """Each document's key: the one a deck file gave it, else one made from the words of its title;
    unique within the file."""
    keys: dict[int, str] = {}
    for document in documents:
        base = document.key or "-".join(re.findall(r"\w+", document.title.casefold())) or "document"
        key, copy = base, 1
        while key in keys.values():
            copy += 1
            key = f"{base}-{copy}"
        keys[document.id] = key
    return keys


class _FileNotes:
    """Turns an exchange's notes, with their cards and reviews, into the notes of a deck file."""

    def __init__(self, exchange: Exchange, calendar: DayCalendar, main_deck: str, document_keys: Mapping[int, str], *, with_cards: bool):
        self._exchange = exchange
        self._calendar = calendar
        self._main_deck = main_deck
        self._document_keys = document_keys
        self._with_cards = with_cards
        self._deck_names = {d.id: d.name for d in exchange.decks}
        self._notetypes = {n.id: n for n in exchange.notetypes}
        self._cards_of_note: dict[int, list[Card]] = defaultdict(list)
        for card in sorted(exchange.cards, key=lambda c: c.ordinal):
            self._cards_of_note[card.note_id].append(card)
        self._reviews_of_card: dict[int, list[ReviewLogEntry]] = defaultdict(list)
        for review in exchange.reviews:
            self._reviews_of_card[review.card_id].append(review)

    def note(self, note: Note) -> DeckFileNote:
        """The note in the deck of its first card (or its `new_note_decks` deck), cards listed when they travel."""
        notetype = self._notetypes[note.notetype_id]
        cards = self._cards_of_note[note.id]
        home = self._deck_name(cards[0].deck_id if cards else self._exchange.new_note_decks.get(note.id))
        return DeckFileNote(
            guid=note.guid,
            notetype=notetype.name,
            fields=dict(zip(notetype.fields, note.fields)),
            tags=note.tags,
            deck=None if home == self._main_deck else home,
            source=self._source(note.source),
            created=_utc_or_none(note.created, _SECOND),
            modified=_utc_or_none(note.modified, _SECOND),
            cards=tuple(self._card(c, home) for c in cards) if self._with_cards else (),
        )

    def _deck_name(self, deck_id: int | None) -> str:
        return self._main_deck if deck_id is None else self._deck_names[deck_id]

    def _source(self, link: SourceLink | None) -> DeckFileSource | None:
        """The note's source; a link to no document (deleted) says nothing a file can carry."""
        if link is None or link.document_id is None:
            return None
        span = (link.start, link.end) if link.start is not None and link.end is not None else None
        return DeckFileSource(self._document_keys[link.document_id], link.paragraph, span)

    def _card(self, card: Card, note_deck: str) -> DeckFileCard:
        deck = self._deck_name(card.deck_id)
        return _card_to_file(card, None if deck == note_deck else deck, self._reviews_of_card[card.id], self._calendar)


def _card_to_file(card: Card, deck: str | None, reviews: Sequence[ReviewLogEntry], calendar: DayCalendar) -> DeckFileCard:
    return DeckFileCard(
        ordinal=card.ordinal,
        deck=deck,
        state=card.state,
        due=_file_due(card, calendar),
        interval=card.interval,
        stability=card.stability,
        difficulty=card.difficulty,
        remaining_steps=card.remaining_steps,
        reps=card.reps,
        lapses=card.lapses,
        last_review=None if card.last_review is None else _utc(card.last_review, _SECOND),
        suspended=card.suspended,
        buried_until=_utc_or_none(card.buried_until, _SECOND),
        flag=card.flag,
        reviews=tuple(_review_to_file(r) for r in reviews),
    )


def _file_due(card: Card, calendar: DayCalendar) -> int | date | datetime:
    """The inverse of `_unix_due` for the card's state."""
    if card.state is CardState.NEW:
        return card.due
    if card.state is CardState.REVIEW:
        return calendar.date_of_day(calendar.day(card.due))
    return _utc(card.due, _SECOND)


def _review_to_file(review: ReviewLogEntry) -> DeckFileReview:
    return DeckFileReview(
        id=review.id,
        time=_utc(review.time, _MILLISECOND),
        rating=review.rating,
        kind=review.kind,
        state_before=review.state_before,
        due_after=_utc(review.due_after, _SECOND),
        interval_before=review.interval_before,
        interval_after=review.interval_after,
        stability=review.stability,
        difficulty=review.difficulty,
        duration_ms=review.duration_ms,
    )


# --- unix times <-> UTC datetimes ----------------------------------------------------
def _unix(moment: datetime, unit: timedelta) -> int:
    """Whole `unit`s (seconds or milliseconds) since the unix epoch."""
    return (moment - _UNIX_EPOCH) // unit


def _utc(count: int, unit: timedelta) -> datetime:
    return _UNIX_EPOCH + count * unit


def _unix_or_zero(moment: datetime | None, unit: timedelta) -> int:
    """For times the collection keeps as 0 when unknown (note times, `buried_until`)."""
    return 0 if moment is None else _unix(moment, unit)


def _utc_or_none(count: int, unit: timedelta) -> datetime | None:
    return None if count == 0 else _utc(count, unit)
