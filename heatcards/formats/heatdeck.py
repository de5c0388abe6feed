"""heatcards' native deck file: TOML, versioned, human-readable and diffable.

See docs/deck-format.md for the format. This module only parses and writes;
the collection decides what to do with the notes.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from ..errors import DeckFileError

FORMAT_NAME = "heatcards-deck"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class DeckFileDocument:
    key: str
    title: str
    file: str
    sha256: str


@dataclass(frozen=True)
class DeckFileSource:
    document: str
    paragraph: int | None = None
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class DeckFileNote:
    guid: str
    notetype: str
    fields: dict[str, str]
    tags: tuple[str, ...] = ()
    deck: str | None = None
    source: DeckFileSource | None = None


@dataclass(frozen=True)
class DeckFile:
    name: str
    description: str = ""
    documents: tuple[DeckFileDocument, ...] = ()
    notes: tuple[DeckFileNote, ...] = ()
    version: int = FORMAT_VERSION


def read_deck_file(path: Path | str) -> DeckFile:
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
    if data.get("format") != FORMAT_NAME:
        raise DeckFileError(f"{where}: not a heatcards deck file (format = {FORMAT_NAME!r} is missing)")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise DeckFileError(f"{where}: 'version' must be a positive integer")
    if version > FORMAT_VERSION:
        raise DeckFileError(f"{where}: deck file version {version} is newer than this heatcards reads ({FORMAT_VERSION})")
    deck = _table(data, "deck", where)
    name = _text(deck, "name", f"{where} [deck]")
    if not name.strip() or any(not part.strip() for part in name.split("::")):
        raise DeckFileError(f"{where} [deck]: deck name {name!r} has an empty part")
    documents = tuple(_document(d, f"{where} documents[{i}]") for i, d in enumerate(_array(data, "documents", where)))
    keys = {d.key for d in documents}
    notes = []
    seen: set[str] = set()
    for i, raw in enumerate(_array(data, "notes", where)):
        note = _note(raw, f"{where} notes[{i}]", keys)
        if note.guid in seen:
            raise DeckFileError(f"{where} notes[{i}]: guid {note.guid!r} appears twice")
        seen.add(note.guid)
        notes.append(note)
    return DeckFile(
        name=name,
        description=str(deck.get("description", "")),
        documents=documents,
        notes=tuple(notes),
        version=version,
    )


def write_deck_file(deck: DeckFile, path: Path | str) -> None:
    Path(path).write_text(deck_file_text(deck), encoding="utf-8")


def deck_file_text(deck: DeckFile) -> str:
    data: dict = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "deck": {"name": deck.name, "description": deck.description},
    }
    if deck.documents:
        data["documents"] = [
            {"key": d.key, "title": d.title, "file": d.file, "sha256": d.sha256} for d in deck.documents
        ]
    data["notes"] = [_note_record(n) for n in deck.notes]
    header = "# heatcards deck file; format described in docs/deck-format.md\n"
    # single-line strings: TOML folds "\r\n" to "\n" inside multi-line strings, which would lose data
    return header + tomli_w.dumps(data)


def _note_record(note: DeckFileNote) -> dict:
    record: dict = {"guid": note.guid, "notetype": note.notetype}
    if note.deck is not None:
        record["deck"] = note.deck
    record["tags"] = list(note.tags)
    record["fields"] = dict(note.fields)
    if note.source is not None:
        source: dict = {"document": note.source.document}
        if note.source.paragraph is not None:
            source["paragraph"] = note.source.paragraph
        if note.source.span is not None:
            source["span"] = list(note.source.span)
        record["source"] = source
    return record


def _table(data: dict, key: str, where: str) -> dict:
    value = data.get(key)
    if not isinstance(value, dict):
        raise DeckFileError(f"{where}: a [{key}] table is required")
    return value


def _array(data: dict, key: str, where: str) -> list[dict]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DeckFileError(f"{where}: '{key}' must be an array of tables ([[{key}]])")
    return value


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise DeckFileError(f"{where}: '{key}' must be a string")
    return value


def _document(raw: dict, where: str) -> DeckFileDocument:
    return DeckFileDocument(
        key=_text(raw, "key", where),
        title=_text(raw, "title", where),
        file=str(raw.get("file", "")),
        sha256=str(raw.get("sha256", "")),
    )


def _note(raw: dict, where: str, document_keys: set[str]) -> DeckFileNote:
    guid = _text(raw, "guid", where)
    if not guid.strip():
        raise DeckFileError(f"{where}: guid is empty")
    fields = raw.get("fields")
    if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
        raise DeckFileError(f"{where} (guid {guid}): 'fields' must be a table of strings")
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and t and not any(c.isspace() for c in t) for t in tags):
        raise DeckFileError(f"{where} (guid {guid}): 'tags' must be a list of words without spaces")
    deck = raw.get("deck")
    if deck is not None and not isinstance(deck, str):
        raise DeckFileError(f"{where} (guid {guid}): 'deck' must be a string")
    return DeckFileNote(
        guid=guid,
        notetype=_text(raw, "notetype", where),
        fields=dict(fields),
        tags=tuple(tags),
        deck=deck,
        source=_source(raw.get("source"), f"{where} (guid {guid})", document_keys),
    )


def _source(raw, where: str, document_keys: set[str]) -> DeckFileSource | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise DeckFileError(f"{where}: 'source' must be a table")
    document = _text(raw, "document", f"{where} source")
    if document not in document_keys:
        raise DeckFileError(f"{where}: source document {document!r} is not listed under [[documents]]")
    paragraph = raw.get("paragraph")
    if paragraph is not None and (not isinstance(paragraph, int) or paragraph < 1):
        raise DeckFileError(f"{where}: source paragraph must be a positive integer")
    span = raw.get("span")
    if span is not None:
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span) and 0 <= span[0] <= span[1]):
            raise DeckFileError(f"{where}: source span must be [start, end] with 0 <= start <= end")
        span = (span[0], span[1])
    return DeckFileSource(document=document, paragraph=paragraph, span=span)
