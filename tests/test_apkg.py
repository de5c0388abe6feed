"""Anki packages: heatcards' reader and writer checked against Anki itself (the `anki` package),
against genanki's legacy packages, by round trips and with hostile input; and the protobuf codec
against Anki's generated protobuf classes."""
from __future__ import annotations

import tests.anki_oracle  # noqa: F401,I001  (first: TZ=UTC and ANKI_TEST_MODE before anki loads)

import io
import json
import math
import os
import sqlite3
import struct
import tempfile
import threading
import zipfile
from dataclasses import dataclass, replace
from datetime import timezone
from pathlib import Path
from typing import Any

import genanki
import pytest
import zstandard
from anki import deck_config_pb2, decks_pb2, import_export_pb2, notetypes_pb2
from anki._backend import RustBackend
from anki.collection import Collection, ExportAnkiPackageOptions, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from google.protobuf.descriptor import FieldDescriptor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heatcards.clock import DayCalendar
from heatcards.errors import CancelledError, ImportFileError
from heatcards.formats import anki_proto as proto
from heatcards.formats.apkg import anki_review_id, read_package, write_package
from heatcards.formats.exchange import Exchange, MediaFile
from heatcards.model import (
    Card,
    CardState,
    CardTemplate,
    Deck,
    LeechAction,
    Note,
    NoteType,
    NoteTypeKind,
    Preset,
    Rating,
    ReviewKind,
    ReviewLogEntry,
)
from heatcards.notetypes import BASIC, CLOZE
from heatcards.transfer import export_file
from tests.anki_oracle import _anki_now

# anki_oracle runs Anki in UTC with the day starting at 4:00, so heatcards counts days the same way.
CALENDAR = DayCalendar(timezone.utc, 4)
DAY = 86400
# FSRS-6 parameters an Anki preset carries (each within FSRS-6's bounds, exact as 32-bit floats' shortest decimals).
PARAMETERS = (0.3, 1.4, 2.5, 9.0, 6.5, 0.8, 3.0, 0.002, 1.9, 0.17, 0.8, 1.5, 0.06, 0.27, 1.6, 0.6, 1.9, 0.55, 0.1, 0.07, 0.2)
REVLOG_KINDS = {0: ReviewKind.LEARN, 1: ReviewKind.REVIEW, 2: ReviewKind.RELEARN, 3: ReviewKind.FILTERED, 4: ReviewKind.MANUAL, 5: ReviewKind.RESCHEDULED}


def difficulty_of_factor(factor: int) -> float | None:
    """Anki's revlog.factor of an FSRS answer (100..1100) as the difficulty it encodes."""
    return 1 + 9 * (factor - 100) / 1000 if 100 <= factor <= 1100 else None


# ======================================================================================
# Anki -> heatcards: packages Anki writes, read back and compared with what Anki says
# ======================================================================================


@dataclass(frozen=True)
class AnkiSource:
    """Packages exported by Anki from one collection, and Anki's own account of its contents."""

    packages: dict[str, Path]
    notetypes: dict[str, tuple]  # name -> (kind, fields, templates, css)
    notes: dict[str, tuple]  # guid -> (notetype name, fields, tags, created, modified)
    cards: dict[tuple[str, int], dict[str, Any]]  # (guid, ord) -> facts
    revlog: dict[tuple[str, int], list[tuple]]  # (guid, ord) -> [(id, ease, ivl, lastIvl, factor, time, type)]
    decks: set[str]
    media: dict[str, bytes]


def _vocab_notetype(col: Collection) -> None:
    models = col.models
    vocab = models.new("Vocab")
    for name in ("Word", "Meaning", "Example"):
        models.add_field(vocab, models.new_field(name))
    for name, front, back in (
        ("Recognise", "{{Word}}", "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}"),
        ("Recall", "{{Meaning}}", "{{FrontSide}}<hr id=answer>{{Word}}"),
    ):
        template = models.new_template(name)
        template["qfmt"], template["afmt"] = front, back
        models.add_template(vocab, template)
    vocab["css"] = ".card { color: navy; }"
    models.add(vocab)


def _intense_preset(col: Collection, deck_id: int) -> None:
    """A preset with FSRS parameters and steps of its own (a 1-day step makes day-learning cards)."""
    config = col.decks.add_config("Intense")
    config["new"].update(delays=[2.0, 1440.0], perDay=33, bury=True)
    config["rev"].update(perDay=444, maxIvl=4000)
    config["lapse"].update(delays=[5.0], leechFails=5, leechAction=0)
    config["desiredRetention"] = 0.85
    config["fsrsParams6"] = list(PARAMETERS)
    col.decks.update_config(config)
    deck = col.decks.get(deck_id)
    deck["conf"] = config["id"]
    col.decks.save(deck)


def _study(col: Collection) -> None:
    """Cards in every state Anki has, all answered by Anki's own scheduler."""
    sched = col.sched

    def answer(card_id: int, *eases: int) -> None:
        for ease in eases:
            card = col.get_card(card_id)
            card.start_timer()
            sched.answerCard(card, ease)

    geo = {col.get_note(n)["Front"]: col.get_note(n).card_ids()[0] for n in col.find_notes("note:Basic")}
    cloze = col.get_note(col.find_notes("note:Cloze")[0]).card_ids()
    vocab = [col.get_note(n).card_ids() for n in col.find_notes("note:Vocab")]
    answer(geo["Capital of France?"], 4)  # review
    answer(geo["Capital of Spain?"], 4, 1)  # relearning
    answer(geo["Capital of Italy?"], 4)
    sched.suspend_cards([geo["Capital of Italy?"]])  # suspended review card
    answer(geo["Capital of Peru?"], 4)
    sched.set_due_date([geo["Capital of Peru?"]], "5")  # a manual revlog entry
    sched.bury_cards([cloze[1]])  # manually buried new card
    answer(cloze[0], 4)  # review card, later moved into a filtered deck
    answer(vocab[0][0], 1)  # learning: first step (2 minutes); its new sibling gets buried
    answer(vocab[1][0], 3)  # day-learning: the 1-day step
    col.set_user_flag_for_cards(3, [vocab[2][0]])
    cram = col.decks.new_filtered("Cram")
    deck = col.decks.get(cram)
    deck["terms"] = [["note:Cloze is:review", 100, 0]]
    deck["resched"] = True
    col.decks.save(deck)
    sched.rebuild_filtered_deck(cram)


def _fill_anki_collection(col: Collection) -> None:
    col.set_config("fsrs", True)
    _vocab_notetype(col)
    geo, verbs = col.decks.id("Geo"), col.decks.id("Lang::French::Verbs")
    _intense_preset(col, verbs)
    picture = col.media.write_data("paris.jpg", b"\xff\xd8 a picture of Paris")
    sound = col.media.write_data("chat.mp3", b"ID3 miaou")
    basic = col.models.by_name("Basic")
    for front, back, tags in (
        ("Capital of France?", f'Paris <img src="{picture}">', ["geo", "europe::france"]),
        ("Capital of Spain?", "Madrid", ["geo"]),
        ("Capital of Italy?", "Rome", []),
        ("Capital of Peru?", "Lima", ["geo", "americas"]),
    ):
        note = col.new_note(basic)
        note["Front"], note["Back"], note.tags = front, back, tags
        col.add_note(note, geo)
    note = col.new_note(col.models.by_name("Cloze"))
    note["Text"] = "{{c1::Canberra}} is the capital of {{c2::Australia}}"
    note.tags = ["geo", "oceania"]
    col.add_note(note, geo)
    vocab = col.models.by_name("Vocab")
    for word, meaning, example in (
        ("le chat", f"the cat [sound:{sound}]", "Le chat dort."),
        ("manger", "to eat", "Nous mangeons à midi."),
        ("être", "to be", "Je suis là — «ici»."),
    ):
        note = col.new_note(vocab)
        note["Word"], note["Meaning"], note["Example"] = word, meaning, example
        note.tags = ["french", "verb" if word != "le chat" else "noun"]
        col.add_note(note, verbs)
    _study(col)


def _anki_facts(col: Collection) -> dict[str, Any]:
    notetypes = {}
    for entry in col.models.all_names_and_ids():
        model = col.models.get(entry.id)
        notetypes[model["name"]] = (
            NoteTypeKind.CLOZE if model["type"] == 1 else NoteTypeKind.STANDARD,
            tuple(f["name"] for f in model["flds"]),
            tuple((t["name"], t["qfmt"], t["afmt"]) for t in model["tmpls"]),
            model["css"],
        )
    notes, cards, revlog = {}, {}, {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        notes[note.guid] = (note.note_type()["name"], tuple(note.fields), tuple(note.tags), note.id // 1000, note.mod)
        for card in note.cards():
            key = (note.guid, card.ord)
            stats = col.card_stats_data(card.id)
            memory = card.memory_state
            cards[key] = {
                "deck": col.decks.name(card.odid or card.did),
                "state": CardState(card.type),
                "queue": card.queue,
                "due_date": stats.due_date if stats.HasField("due_date") else None,
                "position": (card.odue if card.odid and card.odue else card.due) if card.type == 0 else None,
                "interval": card.ivl,
                "remaining_steps": card.left % 1000,
                "reps": card.reps,
                "lapses": card.lapses,
                "flag": card.user_flag(),
                "memory": (memory.stability, memory.difficulty) if memory else None,
                "last_review": card.last_review_time,
                "modified": card.mod,
                "in_filtered_deck": card.odid != 0,
            }
            revlog[key] = [tuple(r) for r in col.db.all("SELECT id, ease, ivl, lastIvl, factor, time, type FROM revlog WHERE cid = ? ORDER BY id", card.id)]
    media = {name: (Path(col.media.dir()) / name).read_bytes() for name in os.listdir(col.media.dir())}
    decks = {d.name for d in col.decks.all_names_and_ids() if not col.decks.is_filtered(d.id) and d.id != 1}
    return {"notetypes": notetypes, "notes": notes, "cards": cards, "revlog": revlog, "media": media, "decks": decks}


def _legacy1_copy(legacy: Path, target: Path) -> Path:
    """An Anki 2.0-style package: the legacy export's collection as `collection.anki2`, no `meta`."""
    with zipfile.ZipFile(legacy) as source, zipfile.ZipFile(target, "w") as out:
        for name in source.namelist():
            if name in ("meta", "collection.anki2"):
                continue
            out.writestr("collection.anki2" if name == "collection.anki21" else name, source.read(name))
    return target


@pytest.fixture(scope="module")
def anki_source(tmp_path_factory) -> AnkiSource:
    folder = tmp_path_factory.mktemp("anki-source")
    source = str(folder / "source.anki2")
    col = Collection(source)
    try:
        _fill_anki_collection(col)
        facts = _anki_facts(col)
        for name in ("modern", "legacy"):
            options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=name == "legacy")
            col.export_anki_package(out_path=str(folder / f"{name}.apkg"), options=options, limit=None)
    finally:
        col.close()
    for name in ("modern", "legacy"):  # exporting a whole collection closes it
        Collection(source).export_collection_package(str(folder / f"{name}.colpkg"), include_media=True, legacy=name == "legacy")
    packages = {f"{name}.{suffix}": folder / f"{name}.{suffix}" for name in ("modern", "legacy") for suffix in ("apkg", "colpkg")}
    packages["legacy1.apkg"] = _legacy1_copy(packages["legacy.apkg"], folder / "legacy1.apkg")
    return AnkiSource(packages=packages, **facts)


ANKI_PACKAGES = ["modern.apkg", "legacy.apkg", "modern.colpkg", "legacy.colpkg", "legacy1.apkg"]


@pytest.mark.parametrize("package", ANKI_PACKAGES)
def test_notes_note_types_decks_and_media_are_what_anki_says(anki_source, package):
    exchange = read_package(anki_source.packages[package], CALENDAR)

    notetypes = {n.id: n for n in exchange.notetypes}
    read_notes = {
        n.guid: (notetypes[n.notetype_id].name, n.fields, n.tags, n.created, n.modified) for n in exchange.notes
    }
    assert read_notes == anki_source.notes
    for notetype in exchange.notetypes:
        templates = tuple((t.name, t.front, t.back) for t in notetype.templates)
        assert (notetype.kind, notetype.fields, templates, notetype.css) == anki_source.notetypes[notetype.name]
    assert {n.name for n in exchange.notetypes} == {"Basic", "Cloze", "Vocab"}  # only the ones notes use
    assert {d.name for d in exchange.decks} == anki_source.decks  # no empty Default, no filtered deck
    assert {m.name: m.read() for m in exchange.media} == anki_source.media
    assert exchange.scheduling


@pytest.mark.parametrize("package", ANKI_PACKAGES)
def test_presets_carry_steps_limits_and_fsrs_parameters(anki_source, package):
    exchange = read_package(anki_source.packages[package], CALENDAR)
    presets = {p.id: p for p in exchange.presets}
    verbs = next(d for d in exchange.decks if d.name == "Lang::French::Verbs")
    geo = next(d for d in exchange.decks if d.name == "Geo")

    assert replace(presets[verbs.preset_id], id=None) == Preset(
        id=None,
        name="Intense",
        desired_retention=0.85,
        parameters=PARAMETERS,
        learning_steps=(2.0, 1440.0),
        relearning_steps=(5.0,),
        maximum_interval=4000,
        new_per_day=33,
        reviews_per_day=444,
        bury_new_siblings=True,
        leech_threshold=5,
        leech_action=LeechAction.SUSPEND,
    )
    assert replace(presets[geo.preset_id], id=None) == Preset(id=None, name="Default")


@pytest.mark.parametrize("package", ANKI_PACKAGES)
def test_cards_have_the_state_and_due_dates_anki_gives_them(anki_source, package):
    exchange = read_package(anki_source.packages[package], CALENDAR)
    guids = {n.id: n.guid for n in exchange.notes}
    decks = {d.id: d.name for d in exchange.decks}
    assert len(exchange.cards) == len(anki_source.cards)
    for card in exchange.cards:
        anki = anki_source.cards[(guids[card.note_id], card.ordinal)]
        assert decks[card.deck_id] == anki["deck"]
        assert card.state is anki["state"]
        assert card.suspended == (anki["queue"] == -1)
        assert card.buried_until == (CALENDAR.next_day_start(anki["modified"]) if anki["queue"] in (-2, -3) else 0)
        assert (card.reps, card.lapses, card.flag) == (anki["reps"], anki["lapses"], anki["flag"])
        assert card.modified == anki["modified"]
        if card.state is CardState.NEW:
            assert card.due == anki["position"]
            assert (card.stability, card.difficulty, card.last_review) == (None, None, None)
            continue
        assert (card.stability, card.difficulty) == pytest.approx(anki["memory"], abs=1e-6)
        assert card.last_review == anki["last_review"]
        if anki["queue"] == 1:  # intraday (re)learning: Anki's due is the exact second
            assert card.due == anki["due_date"]
        else:  # review and day-learning cards are due on a local day
            assert CALENDAR.day(card.due) == CALENDAR.day(anki["due_date"])
            assert card.due == CALENDAR.day_start(CALENDAR.day(card.due))
        expected_interval = anki["interval"] if card.state in (CardState.REVIEW, CardState.RELEARNING) else 0
        assert card.interval == expected_interval
        expected_steps = anki["remaining_steps"] if card.state in (CardState.LEARNING, CardState.RELEARNING) else 0
        assert card.remaining_steps == expected_steps


def test_the_fixture_holds_every_kind_of_card(anki_source):
    """The comparisons above only mean something if Anki made cards in all these states."""
    queues = {(c["state"], c["queue"]) for c in anki_source.cards.values()}
    assert {
        (CardState.NEW, 0),
        (CardState.NEW, -2),
        (CardState.NEW, -3),
        (CardState.LEARNING, 1),
        (CardState.LEARNING, 3),
        (CardState.REVIEW, 2),
        (CardState.REVIEW, -1),
        (CardState.RELEARNING, 1),
    } <= queues
    assert any(c["in_filtered_deck"] and c["state"] is CardState.REVIEW for c in anki_source.cards.values())
    assert any(c["flag"] for c in anki_source.cards.values())
    assert any(row[-1] == 4 for rows in anki_source.revlog.values() for row in rows)  # a manual entry


@pytest.mark.parametrize("package", ANKI_PACKAGES)
def test_review_log_is_anki_revlog(anki_source, package):
    exchange = read_package(anki_source.packages[package], CALENDAR)
    guids = {n.id: n.guid for n in exchange.notes}
    keys = {c.id: (guids[c.note_id], c.ordinal) for c in exchange.cards}
    read: dict[tuple[str, int], list[ReviewLogEntry]] = {}
    for entry in exchange.reviews:
        read.setdefault(keys[entry.card_id], []).append(entry)
    assert {k: len(v) for k, v in read.items()} == {k: len(v) for k, v in anki_source.revlog.items() if v}
    for key, rows in anki_source.revlog.items():
        for entry, (revlog_id, ease, ivl, last_ivl, factor, time_ms, kind) in zip(read.get(key, []), rows, strict=True):
            assert entry.time == revlog_id
            assert entry.id == anki_review_id(key[0], key[1], revlog_id)
            assert entry.rating == ease
            assert entry.kind is REVLOG_KINDS[kind]
            assert entry.duration_ms == time_ms
            assert (entry.interval_after, entry.interval_before) == (max(ivl, 0), max(last_ivl, 0))
            assert entry.difficulty == pytest.approx(difficulty_of_factor(factor))
            assert entry.stability is None
            if ivl > 0:
                assert CALENDAR.day(entry.due_after) == CALENDAR.day(revlog_id // 1000) + ivl
            else:
                assert entry.due_after == revlog_id // 1000 - ivl
        first = read.get(key, [None])[0]
        if first is not None and first.kind is ReviewKind.LEARN:
            assert first.state_before is CardState.NEW


def test_the_same_review_gets_the_same_id_from_every_package(anki_source):
    """Importing the same history twice (or from another export of it) must not duplicate it."""
    ids = [{r.id for r in read_package(anki_source.packages[p], CALENDAR).reviews} for p in ANKI_PACKAGES]
    assert all(i == ids[0] for i in ids) and len(ids[0]) == sum(len(v) for v in anki_source.revlog.values())


@pytest.mark.parametrize(
    ("crt_hour", "minutes_west"),
    [(4, 0), (2, 0), (23, 0), (20, -600), (3, 300)],
)
def test_anki_day_zero_is_the_creation_date(tmp_path, crt_hour, minutes_west):
    """Anki counts days from the calendar date of `crt` in the creation UTC offset: check that a
    review card Anki says is due in 5 days reads as due in 5 days, whatever hour crt has."""
    path = tmp_path / "days.anki2"
    col = Collection(str(path))
    note = col.new_note(col.models.by_name("Basic"))
    note["Front"] = "q"
    col.add_note(note, 1)
    created = 1_700_000_000 // DAY * DAY + crt_hour * 3600 - 30 * DAY
    col.db.execute("UPDATE col SET crt = ?", created)
    col.set_config("creationOffset", minutes_west)
    col.close()
    col = Collection(str(path))
    try:
        today = col.sched.today
        col.db.execute("UPDATE cards SET type = 2, queue = 2, ivl = 9, due = ?, data = '{}'", today + 5)
        col.export_anki_package(
            out_path=str(tmp_path / "days.apkg"),
            options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=False, legacy=True),
            limit=None,
        )
    finally:
        col.close()
    (card,) = read_package(tmp_path / "days.apkg", CALENDAR).cards
    assert CALENDAR.day(card.due) == CALENDAR.day(_anki_now()) + 5


def test_genanki_package_is_read(tmp_path):
    """Legacy 1 as genanki writes it: no `meta`, a child deck without its parent, empty card data."""
    model = genanki.Model(
        1607392319,
        "Vocab",
        fields=[{"name": "Word"}, {"name": "Meaning"}],
        templates=[{"name": "Card 1", "qfmt": "{{Word}}", "afmt": "{{FrontSide}}<hr id=answer>{{Meaning}}"}],
        css=".card { color: red; }",
    )
    deck = genanki.Deck(2059400110, "Lang::French")
    deck.add_note(genanki.Note(model=model, fields=['chat <img src="cat.png">', "cat"], tags=["animal"], guid="abc123"))
    deck.add_note(genanki.Note(model=model, fields=["chien", "dog"], tags=[], guid="def456"))
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG a cat")
    package = genanki.Package(deck)
    package.media_files = [str(picture)]  # stored under its base name
    package.write_to_file(str(tmp_path / "genanki.apkg"))

    exchange = read_package(tmp_path / "genanki.apkg", CALENDAR)

    (notetype,) = exchange.notetypes
    assert (notetype.name, notetype.fields, notetype.css) == ("Vocab", ("Word", "Meaning"), ".card { color: red; }")
    assert notetype.templates == (CardTemplate("Card 1", "{{Word}}", "{{FrontSide}}<hr id=answer>{{Meaning}}"),)
    assert {(n.guid, n.fields, n.tags) for n in exchange.notes} == {
        ("abc123", ('chat <img src="cat.png">', "cat"), ("animal",)),
        ("def456", ("chien", "dog"), ()),
    }
    assert [d.name for d in exchange.decks] == ["Lang::French"]
    assert [(c.state, c.deck_id) for c in exchange.cards] == [(CardState.NEW, 2059400110)] * 2
    assert [(m.name, m.read()) for m in exchange.media] == [("cat.png", b"\x89PNG a cat")]
    assert not exchange.scheduling and exchange.reviews == ()

    # Anki itself reads the same notes from it
    col = Collection(str(tmp_path / "check.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(tmp_path / "genanki.apkg"), options=ImportAnkiPackageOptions()))
        anki_notes = {(n.guid, tuple(n.fields), tuple(n.tags)) for n in map(col.get_note, col.find_notes(""))}
    finally:
        col.close()
    assert anki_notes == {(n.guid, n.fields, n.tags) for n in exchange.notes}


# ======================================================================================
# heatcards -> Anki: packages we write, imported by Anki and compared with what we wrote
# ======================================================================================

# Yesterday at noon: in the past, and far from the rollover, so a 10-minute step stays on its day.
NOW = CALENDAR.day_start(CALENDAR.day(_anki_now()) - 1) + 8 * 3600
TODAY = CALENDAR.day(NOW)
MINE = Preset(
    id=7,
    name="Mine",
    desired_retention=0.87,
    parameters=PARAMETERS,
    learning_steps=(2.0, 20.0),
    relearning_steps=(5.0,),
    maximum_interval=3650,
    new_per_day=15,
    reviews_per_day=150,
    bury_new_siblings=True,
    leech_threshold=4,
    leech_action=LeechAction.SUSPEND,
)


def _review(review_id: str, card_id: int, seconds_ago: int, rating: int, kind: ReviewKind, interval_after: int, due_after: int, difficulty: float | None) -> ReviewLogEntry:
    before = {ReviewKind.LEARN: CardState.LEARNING, ReviewKind.REVIEW: CardState.REVIEW, ReviewKind.RELEARN: CardState.RELEARNING}.get(kind, CardState.REVIEW)
    return ReviewLogEntry(
        id=review_id, card_id=card_id, time=(NOW - seconds_ago) * 1000, rating=rating, state_before=before,
        interval_before=0, interval_after=interval_after, due_after=due_after, stability=None,
        difficulty=difficulty, duration_ms=4200, kind=kind,
    )


def heatcards_exchange() -> Exchange:
    """A small collection with cards in every state heatcards has, and their history."""
    vocab = NoteType(id=None, name="Unused", kind=NoteTypeKind.STANDARD, fields=("A",), templates=(CardTemplate("C", "{{A}}", "{{A}}"),))
    created = NOW - 40 * DAY
    notes = (
        Note(11, "guid-basic", 1, ('Paris <img src="paris.jpg">', "France"), ("geo", "europe::france"), created, NOW - 500),
        Note(12, "guid-cloze", 2, ("{{c1::Canberra}} is in {{c2::Australia}}", "extra"), ("geo",), created + 1, NOW - 500),
        Note(13, "guid-more", 1, ("Lima", "Peru"), (), created + 2, NOW - 500),
        Note(14, "guid-last", 1, ("Quito", "Ecuador"), ("americas",), created + 3, NOW - 500),
        Note(15, "guid-kept", 1, ("Bogotá", "Colombia"), (), created + 4, NOW - 500),
    )
    cards = (
        Card(21, 11, 31, 0, CardState.REVIEW, due=CALENDAR.day_start(TODAY + 3), interval=7, stability=7.5, difficulty=5.25, reps=3, lapses=1, last_review=NOW - 4 * DAY, modified=NOW - 400),
        Card(22, 12, 32, 0, CardState.LEARNING, due=NOW + 600, stability=1.2, difficulty=6.0, remaining_steps=1, reps=1, last_review=NOW - 60, flag=3, modified=NOW - 60),
        Card(23, 12, 32, 1, CardState.NEW, due=5, buried_until=CALENDAR.next_day_start(NOW), modified=NOW - 10),
        Card(24, 13, 31, 0, CardState.RELEARNING, due=NOW + 300, interval=5, stability=3.1, difficulty=7.5, remaining_steps=1, reps=5, lapses=2, last_review=NOW, modified=NOW),
        Card(25, 14, 31, 0, CardState.LEARNING, due=CALENDAR.day_start(TODAY + 1), stability=2.0, difficulty=5.0, remaining_steps=1, reps=1, last_review=NOW - 30, modified=NOW - 30),
        Card(26, 15, 31, 0, CardState.REVIEW, due=CALENDAR.day_start(TODAY + 20), interval=30, stability=40.0, difficulty=3.0, reps=4, last_review=NOW - 10 * DAY, suspended=True, modified=NOW - 50),
    )
    reviews = (
        _review("a", 21, 20 * DAY, 3, ReviewKind.LEARN, 0, NOW - 20 * DAY + 600, 5.0),
        _review("b", 21, 20 * DAY - 600, 3, ReviewKind.LEARN, 2, 0, 5.1),
        _review("c", 21, 4 * DAY, 3, ReviewKind.REVIEW, 7, 0, 5.25),
        _review("d", 22, 60, 3, ReviewKind.LEARN, 0, NOW + 600, 6.0),
        _review("e", 24, 0, 1, ReviewKind.RELEARN, 0, NOW + 300, 7.5),
        _review("f", 24, DAY, 0, ReviewKind.MANUAL, 5, 0, None),
    )
    return Exchange(
        notetypes=(replace(BASIC, id=1), replace(CLOZE, id=2), vocab),
        presets=(MINE, Preset(id=8, name="Plain")),
        decks=(Deck(31, "Top::Sub", 7, "Sub-deck <b>notes</b>"), Deck(32, "Top", 8)),
        notes=notes,
        cards=cards,
        reviews=reviews,
        media=(MediaFile("paris.jpg", lambda: b"\xff\xd8 JPEG bytes"),),
    )


def _import_into_anki(package: Path, folder: Path) -> Collection:
    """A fresh Anki collection holding the package: an .apkg imported with its scheduling, a
    .colpkg restored as the whole collection."""
    path = folder / "anki.anki2"
    if package.suffix == ".colpkg":
        col = Collection(str(path))
        media_folder, media_db = col.media.dir(), str(path.with_suffix(".media.db2"))
        col.close()
        RustBackend().import_collection_package(col_path=str(path), backup_path=str(package), media_folder=media_folder, media_db=media_db)
        return Collection(str(path))
    col = Collection(str(path))
    options = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))
    return col


@pytest.fixture(params=["modern.apkg", "legacy.apkg", "modern.colpkg", "legacy.colpkg"])
def anki_import(request, tmp_path):
    """(Anki collection, the Exchange written into it) for each kind of package we write."""
    exchange = heatcards_exchange()
    package = tmp_path / request.param
    write_package(exchange, package, CALENDAR, legacy=request.param.startswith("legacy"))
    col = _import_into_anki(package, tmp_path)
    yield col, exchange
    col.close()


def test_anki_imports_notes_decks_presets_and_media(anki_import):
    col, exchange = anki_import
    notetypes = {n.id: n for n in exchange.notetypes}
    anki_notes = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        model = note.note_type()
        kind = NoteTypeKind.CLOZE if model["type"] == 1 else NoteTypeKind.STANDARD
        templates = tuple(CardTemplate(t["name"], t["qfmt"], t["afmt"]) for t in model["tmpls"])
        shape = (kind, tuple(f["name"] for f in model["flds"]), templates, model["css"])
        anki_notes[note.guid] = (shape, tuple(note.fields), tuple(sorted(note.tags)), note.id // 1000)
    # (Anki renames a note type whose name it already has for another one: "Basic" becomes "Basic+")
    assert anki_notes == {
        n.guid: ((t.kind, t.fields, t.templates, t.css), n.fields, tuple(sorted(n.tags)), n.created)
        for n in exchange.notes
        for t in [notetypes[n.notetype_id]]
    }
    assert {d.name for d in col.decks.all_names_and_ids()} == {"Default", "Top", "Top::Sub"}
    assert col.decks.get(col.decks.id_for_name("Top::Sub"))["desc"] == "Sub-deck <b>notes</b>"
    config = col.decks.config_dict_for_deck_id(col.decks.id_for_name("Top::Sub"))
    assert config["name"] == "Mine"
    assert (config["new"]["delays"], config["lapse"]["delays"]) == ([2.0, 20.0], [5.0])
    assert (config["new"]["perDay"], config["rev"]["perDay"], config["rev"]["maxIvl"]) == (15, 150, 3650)
    assert (config["new"]["bury"], config["lapse"]["leechFails"], config["lapse"]["leechAction"]) == (True, 4, 0)
    assert config["desiredRetention"] == pytest.approx(0.87)
    assert config["fsrsParams6"] == pytest.approx(PARAMETERS)
    assert (Path(col.media.dir()) / "paris.jpg").read_bytes() == b"\xff\xd8 JPEG bytes"
    card = col.get_card(col.find_cards('"deck:Top::Sub" card:1 Paris')[0])
    assert "Paris" in card.question() and "France" in card.answer()


def test_anki_imports_card_states_and_due_dates(anki_import):
    col, exchange = anki_import
    guids = {n.id: n.guid for n in exchange.notes}
    decks = {d.id: d.name for d in exchange.decks}
    ours = {(guids[c.note_id], c.ordinal): c for c in exchange.cards}
    anki_cards = {}
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        anki_cards[(card.note().guid, card.ord)] = card
    assert anki_cards.keys() == ours.keys()
    expected_queue = {21: 2, 22: 1, 23: -3, 24: 1, 25: 3, 26: -1}
    for key, card in ours.items():
        anki = anki_cards[key]
        assert col.decks.name(anki.did) == decks[card.deck_id]
        assert (anki.type, anki.queue) == (int(card.state), expected_queue[card.id])
        assert (anki.reps, anki.lapses, anki.user_flag()) == (card.reps, card.lapses, card.flag)
        expected_interval = card.interval if card.state in (CardState.REVIEW, CardState.RELEARNING) else 0
        assert anki.ivl == expected_interval
        if card.state is CardState.NEW:
            assert anki.due == card.due and anki.memory_state is None
            continue
        assert (anki.memory_state.stability, anki.memory_state.difficulty) == pytest.approx((card.stability, card.difficulty), abs=1e-4)
        assert anki.last_review_time == card.last_review
        assert anki.left % 1000 == card.remaining_steps
        due_date = col.card_stats_data(anki.id).due_date
        if expected_queue[card.id] == 1:
            assert due_date == card.due
        else:
            assert CALENDAR.day(due_date) == CALENDAR.day(card.due)


def test_anki_imports_the_review_log(anki_import):
    col, exchange = anki_import
    guids = {n.id: n.guid for n in exchange.notes}
    keys = {c.id: (guids[c.note_id], c.ordinal) for c in exchange.cards}
    rows = col.db.all("SELECT r.id, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type, c.nid, c.ord FROM revlog r JOIN cards c ON c.id = r.cid ORDER BY r.id")
    assert len(rows) == len(exchange.reviews)
    for review, (revlog_id, ease, ivl, last_ivl, factor, time_ms, kind, note_id, ordinal) in zip(sorted(exchange.reviews, key=lambda r: r.time), rows, strict=True):
        assert (col.get_note(note_id).guid, ordinal) == keys[review.card_id]
        assert (revlog_id, ease, time_ms, REVLOG_KINDS[kind]) == (review.time, review.rating, review.duration_ms, review.kind)
        assert last_ivl == review.interval_before
        if review.interval_after > 0:
            assert ivl == review.interval_after
        else:  # learning steps: Anki's negative seconds until due
            assert ivl == -max(0, review.due_after - review.time // 1000)
        if review.difficulty is None:
            assert factor == 0
        else:
            assert difficulty_of_factor(factor) == pytest.approx(review.difficulty, abs=0.005)


@pytest.mark.parametrize("legacy", [False, True], ids=["modern", "legacy"])
def test_collection_packages_pass_anki_database_check(tmp_path, legacy):
    """A .colpkg becomes the whole collection: Anki's Check Database must find nothing to fix."""
    write_package(heatcards_exchange(), tmp_path / "whole.colpkg", CALENDAR, legacy=legacy)
    col = _import_into_anki(tmp_path / "whole.colpkg", tmp_path)
    try:
        message, ok = col.fix_integrity()
        assert ok and message == "Database rebuilt and optimized."
        assert col.get_config("fsrs") is True
        assert col.models.by_name("Unused") is not None  # a note type without an id still gets one
    finally:
        col.close()


def test_writing_is_deterministic(tmp_path):
    """The same exchange gives the same bytes: ids (of note types without one, too) are stable."""
    for legacy in (False, True):
        write_package(heatcards_exchange(), tmp_path / "one.apkg", CALENDAR, legacy=legacy)
        write_package(heatcards_exchange(), tmp_path / "two.apkg", CALENDAR, legacy=legacy)
        assert (tmp_path / "one.apkg").read_bytes() == (tmp_path / "two.apkg").read_bytes()


def test_package_layout_is_anki_s(tmp_path):
    write_package(heatcards_exchange(), tmp_path / "modern.apkg", CALENDAR)
    write_package(heatcards_exchange(), tmp_path / "legacy.apkg", CALENDAR, legacy=True)
    with zipfile.ZipFile(tmp_path / "modern.apkg") as archive:
        assert archive.read("meta") == b"\x08\x03"
        assert {i.filename: i.compress_type for i in archive.infolist()} == dict.fromkeys(
            ["meta", "collection.anki21b", "collection.anki2", "0", "media"], zipfile.ZIP_STORED
        )
        media = import_export_pb2.MediaEntries.FromString(zstandard.ZstdDecompressor().decompressobj().decompress(archive.read("media")))
        assert [(e.name, e.size) for e in media.entries] == [("paris.jpg", 13)]
        database = tmp_path / "modern.sqlite"
        database.write_bytes(zstandard.ZstdDecompressor().decompressobj().decompress(archive.read("collection.anki21b")))
        assert sqlite3.connect(database).execute("SELECT ver FROM col").fetchone() == (18,)
    with zipfile.ZipFile(tmp_path / "legacy.apkg") as archive:
        assert archive.read("meta") == b"\x08\x02"
        assert json.loads(archive.read("media")) == {"0": "paris.jpg"}
        assert archive.read("0") == b"\xff\xd8 JPEG bytes"
        assert archive.getinfo("collection.anki21").compress_type == zipfile.ZIP_DEFLATED


def _indexes(database: Path) -> set[tuple[str, str, tuple[str, ...]]]:
    """(name, table, columns) of each index a SQLite file declares."""
    connection = sqlite3.connect(database)
    try:
        named = connection.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
        return {(name, table, tuple(row[2] for row in connection.execute(f"PRAGMA index_info({name})"))) for name, table in named}
    finally:
        connection.close()


def test_a_package_holds_the_indexes_of_a_collection_anki_creates(tmp_path, collection, clock):
    """The big tables' indexes are built once their rows are in: by the writer, and for an export
    of the collection, the review log's by the copy of the collection's log. Either way the package
    has each index Anki 26.9 gives a new collection."""
    note = collection.add_note("Basic", ["front", "back"], "Default")
    for card in collection.store.cards_of_note(note.id):
        collection.answer(card.id, Rating.GOOD)
        clock.advance(60)
    export_file(collection, tmp_path / "collection.apkg")
    write_package(heatcards_exchange(), tmp_path / "records.apkg", CALENDAR)
    anki = Collection(str(tmp_path / "anki.anki2"))
    anki.close()
    expected = _indexes(tmp_path / "anki.anki2")
    assert {table for _, table, _ in expected} >= {"notes", "cards", "revlog"}
    for name in ("collection", "records"):
        with zipfile.ZipFile(tmp_path / f"{name}.apkg") as archive:
            database = tmp_path / f"{name}.sqlite"
            database.write_bytes(zstandard.ZstdDecompressor().decompressobj().decompress(archive.read("collection.anki21b")))
        assert _indexes(database) == expected, name


def test_old_anki_finds_an_update_notice(tmp_path):
    """Anki before 2.1.50 reads only collection.anki2: it must hold a note saying what to do."""
    write_package(heatcards_exchange(), tmp_path / "modern.apkg", CALENDAR)
    with zipfile.ZipFile(tmp_path / "modern.apkg") as archive:
        stub = tmp_path / "stub.anki2"
        stub.write_bytes(archive.read("collection.anki2"))
    (fields,) = sqlite3.connect(stub).execute("SELECT flds FROM notes").fetchall()
    assert "update Anki" in fields[0]


def test_unscheduled_exchange_is_written_as_new_cards(tmp_path):
    exchange = replace(heatcards_exchange(), scheduling=False)
    write_package(exchange, tmp_path / "plain.apkg", CALENDAR)
    col = _import_into_anki(tmp_path / "plain.apkg", tmp_path)
    try:
        states = {(c.type, c.queue, c.reps, c.ivl) for c in map(col.get_card, col.find_cards(""))}
        positions = sorted(col.get_card(c).due for c in col.find_cards(""))
        revlog = col.db.scalar("SELECT count(*) FROM revlog")
    finally:
        col.close()
    assert states == {(0, 0, 0, 0)}
    assert revlog == 0
    assert positions == [5, 6, 7, 8, 9, 10]  # the new card keeps its place, the others follow it
    assert not read_package(tmp_path / "plain.apkg", CALENDAR).scheduling


def test_notes_without_cards_get_the_cards_their_note_type_makes(tmp_path):
    exchange = heatcards_exchange()
    exchange = replace(exchange, cards=(), reviews=(), new_note_decks={n.id: 32 for n in exchange.notes})
    write_package(exchange, tmp_path / "new.apkg", CALENDAR)
    read = read_package(tmp_path / "new.apkg", CALENDAR)
    guids = {n.id: n.guid for n in read.notes}
    assert sorted((guids[c.note_id], c.ordinal) for c in read.cards) == [
        ("guid-basic", 0), ("guid-cloze", 0), ("guid-cloze", 1), ("guid-kept", 0), ("guid-last", 0), ("guid-more", 0)
    ]
    assert {c.state for c in read.cards} == {CardState.NEW}
    assert sorted(c.due for c in read.cards) == [1, 2, 3, 4, 5, 6]


def test_notes_created_in_the_same_second_keep_distinct_ids(tmp_path):
    """Anki's note and card ids are creation times in ms: a thousand notes made in one second fill it."""
    basic = replace(BASIC, id=1)
    notes = tuple(Note(i, f"g{i}", 1, (f"q{i}", "a"), (), NOW, NOW) for i in range(1, 2501))
    cards = tuple(Card(i, i, 1, 0, due=i, modified=NOW) for i in range(1, 2501))
    exchange = Exchange((basic,), (Preset(1, "P"),), (Deck(1, "D", 1),), notes, cards)
    write_package(exchange, tmp_path / "many.apkg", CALENDAR)
    read = read_package(tmp_path / "many.apkg", CALENDAR)
    assert len({n.id for n in read.notes}) == len({c.id for c in read.cards}) == 2500
    assert {n.created for n in read.notes} == {NOW, NOW + 1, NOW + 2}  # the ids spill into the next seconds
    assert sorted(n.guid for n in read.notes) == sorted(n.guid for n in notes)


def test_progress_reports_stages_and_can_cancel(tmp_path):
    seen: list[str] = []
    write_package(heatcards_exchange(), tmp_path / "p.apkg", CALENDAR, progress=lambda stage, done, total: seen.append(stage))
    assert {"notes", "cards", "reviews", "media"} <= set(seen)
    seen.clear()
    read_package(tmp_path / "p.apkg", CALENDAR, progress=lambda stage, done, total: seen.append(stage))
    assert {"notes", "cards", "reviews"} <= set(seen)

    def cancel(stage: str, done: int, total: int) -> None:
        if stage == "media":
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        write_package(heatcards_exchange(), tmp_path / "cancelled.apkg", CALENDAR, progress=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.apkg"]  # no partial file left


# ======================================================================================
# Round trips: any exchange written and read back is the same, modulo documented conversions
# ======================================================================================

SECONDS = st.integers(1_000_000_000 + 86400 * 400, 2_000_000_000)  # 2002 .. 2033: learning dues need > 1e9
NAME_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=8)
FIELD_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x1f", exclude_categories=("Cs",)), max_size=30)
DECIMAL = st.integers(1, 99_999).map(lambda n: n / 100)  # few digits: exact through Anki's 32-bit floats


def _unique_names(count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(NAME_TEXT.filter(lambda n: n.casefold() != "default" and "::" not in n), min_size=count, max_size=count, unique_by=str.casefold)


@st.composite
def presets(draw, preset_id: int) -> Preset:
    bounds = [(0.001, 100.0)] * 4 + [(1.0, 10.0), (0.001, 4.0), (0.001, 4.0), (0.001, 0.75), (0.0, 4.5), (0.0, 0.8), (0.001, 3.5), (0.001, 5.0), (0.001, 0.25), (0.001, 0.9), (0.0, 4.0), (0.0, 1.0), (1.0, 6.0), (0.0, 2.0), (0.0, 2.0), (0.0, 0.8), (0.1, 0.8)]
    parameters = draw(st.one_of(st.just(()), st.tuples(*(st.integers(math.ceil(lo * 1000), math.floor(hi * 1000)).map(lambda n: n / 1000) for lo, hi in bounds))))
    return Preset(
        id=preset_id,
        name=draw(NAME_TEXT),
        desired_retention=draw(st.integers(70, 99)) / 100,
        parameters=parameters,
        learning_steps=tuple(draw(st.lists(DECIMAL, max_size=3))),
        relearning_steps=tuple(draw(st.lists(DECIMAL, max_size=2))),
        maximum_interval=draw(st.integers(1, 36500)),
        new_per_day=draw(st.integers(0, 9999)),
        reviews_per_day=draw(st.integers(0, 9999)),
        bury_new_siblings=draw(st.booleans()),
        bury_review_siblings=draw(st.booleans()),
        bury_interday_learning_siblings=draw(st.booleans()),
        leech_threshold=draw(st.integers(1, 99)),
        leech_action=draw(st.sampled_from(LeechAction)),
    )


@st.composite
def cards_of(draw, card_id: int, note: Note, ordinal: int, deck_ids: list[int]) -> Card:
    state = draw(st.sampled_from(CardState))
    modified = draw(SECONDS)
    common = dict(
        id=card_id, note_id=note.id, deck_id=draw(st.sampled_from(deck_ids)), ordinal=ordinal, state=state,
        suspended=draw(st.booleans()), flag=draw(st.integers(0, 7)), modified=modified,
        buried_until=draw(st.sampled_from([0, modified - 10, CALENDAR.next_day_start(modified)])),
        reps=draw(st.integers(0, 500)), lapses=draw(st.integers(0, 50)),
    )
    if state is CardState.NEW:
        return Card(**common, due=draw(st.integers(1, 100_000)))
    last_review = draw(st.one_of(st.none(), SECONDS))
    memory = draw(st.one_of(st.none(), st.tuples(st.floats(0.01, 36500), st.floats(1, 10))))
    stability, difficulty = memory or (None, None)
    interval = draw(st.integers(1, 36500))
    if state is CardState.REVIEW:
        due = CALENDAR.day_start(draw(st.integers(CALENDAR.day(1_100_000_000), CALENDAR.day(2_000_000_000))))
    else:
        due = draw(SECONDS) if last_review is None else last_review + draw(st.integers(0, 3 * DAY))
    return Card(
        **common, due=due, interval=interval if state is not CardState.LEARNING else 0, stability=stability,
        difficulty=difficulty, remaining_steps=draw(st.integers(0, 9)) if state in (CardState.LEARNING, CardState.RELEARNING) else 0,
        last_review=last_review,
    )


@st.composite
def exchanges(draw) -> Exchange:
    notetypes = []
    for index, name in enumerate(draw(_unique_names(draw(st.integers(1, 2))))):
        fields = tuple(draw(_unique_names(draw(st.integers(1, 3)))))
        templates = tuple(CardTemplate(t, draw(FIELD_TEXT), draw(FIELD_TEXT)) for t in draw(_unique_names(draw(st.integers(1, 2)))))
        notetypes.append(NoteType(index + 1, name, draw(st.sampled_from(NoteTypeKind)), fields, templates, draw(FIELD_TEXT)))
    preset_list = [draw(presets(i + 1)) for i in range(draw(st.integers(1, 2)))]
    deck_names = draw(_unique_names(draw(st.integers(1, 3))))
    decks = [Deck(i + 1, "::".join(deck_names[: i + 1]), draw(st.sampled_from(preset_list)).id, draw(FIELD_TEXT)) for i in range(len(deck_names))]
    notes, cards = [], []
    guids = draw(st.lists(st.text(st.characters(codec="ascii", categories=("L", "N", "P")), min_size=1, max_size=10), max_size=4, unique=True))
    for note_id, guid in enumerate(guids, start=1):
        notetype = draw(st.sampled_from(notetypes))
        created = draw(SECONDS)
        fields = tuple(draw(FIELD_TEXT) for _ in notetype.fields)
        tags = tuple(draw(st.lists(st.text(st.characters(codec="ascii", categories=("L", "N")), min_size=1, max_size=6), max_size=3, unique=True)))
        note = Note(note_id, guid, notetype.id, fields, tags, created, draw(SECONDS))
        notes.append(note)
        for ordinal in range(draw(st.integers(1, 2))):
            cards.append(draw(cards_of(100 * note_id + ordinal, note, ordinal, [d.id for d in decks])))
    times = draw(st.lists(SECONDS.map(lambda s: s * 1000), max_size=6, unique=True)) if cards else []
    reviews = []
    for number, time_ms in enumerate(times):
        kind = draw(st.sampled_from(ReviewKind))
        interval_after = draw(st.integers(0, 400))
        reviews.append(
            ReviewLogEntry(
                id=f"r{number}", card_id=draw(st.sampled_from(cards)).id, time=time_ms, rating=draw(st.integers(0, 4)),
                state_before=draw(st.sampled_from(CardState)), interval_before=draw(st.integers(0, 400)),
                interval_after=interval_after,
                due_after=time_ms // 1000 + draw(st.integers(0, 86400)) if interval_after == 0 else CALENDAR.day_start(CALENDAR.day(time_ms // 1000) + interval_after),
                stability=None, difficulty=draw(st.one_of(st.none(), st.floats(1, 10))),
                duration_ms=draw(st.integers(0, 600_000)), kind=kind,
            )
        )
    media = [MediaFile(name, (lambda data: lambda: data)(draw(st.binary(max_size=50)))) for name in draw(st.lists(st.sampled_from(["a.png", "b c.mp3", "é.jpg", "x"]), unique=True, max_size=3))]
    return Exchange(tuple(notetypes), tuple(preset_list), tuple(decks), tuple(notes), tuple(cards), reviews=tuple(reviews), media=tuple(media), scheduling=draw(st.booleans()))


def canonical(exchange: Exchange) -> dict[str, Any]:
    """An exchange with its local ids replaced by what identifies things across packages.

    A review's `state_before` is left out: the reader infers it (tested on Anki's own logs above)."""
    notetypes = {n.id: n for n in exchange.notetypes}
    used_notetypes = {n.notetype_id for n in exchange.notes}
    presets = {p.id: replace(p, id=None) for p in exchange.presets}
    decks = {d.id: d.name for d in exchange.decks}
    notes = {n.id: n for n in exchange.notes}
    cards = {c.id: (notes[c.note_id].guid, c.ordinal) for c in exchange.cards}
    return {
        "notetypes": {replace(notetypes[i], id=None) for i in used_notetypes},
        "decks": {(d.name, presets[d.preset_id], d.description) for d in exchange.decks},
        "notes": {(n.guid, notetypes[n.notetype_id].name, n.fields, n.tags, n.created, n.modified) for n in exchange.notes},
        "cards": {cards[c.id]: replace(c, id=0, note_id=0, deck_id=0) for c in exchange.cards},
        "card_decks": {cards[c.id]: decks[c.deck_id] for c in exchange.cards},
        "reviews": sorted(
            ((cards[r.card_id], replace(r, id="", card_id=0, state_before=CardState.NEW)) for r in exchange.reviews),
            key=lambda item: (item[0], item[1].time),
        ),
        "review_ids": sorted((cards[r.card_id], r.time, r.id) for r in exchange.reviews),
        "media": {m.name: m.read() for m in exchange.media},
        "scheduling": exchange.scheduling,
    }


def expected_after_round_trip(exchange: Exchange) -> Exchange:
    """What a package written from `exchange` reads back as (docs/anki-packages.md explains each)."""
    cards = []
    position = max((c.due for c in exchange.cards if c.state is CardState.NEW), default=0)
    for card in exchange.cards:
        if not exchange.scheduling:  # new cards without progress, suspension or burial; flags stay
            if card.state is not CardState.NEW:
                position += 1
            due = card.due if card.state is CardState.NEW else position
            card = Card(card.id, card.note_id, card.deck_id, card.ordinal, due=due, flag=card.flag, modified=card.modified)
        cards.append(_card_as_read(card, exchange))
    reviews = tuple(_review_as_read(r, exchange) for r in exchange.reviews) if exchange.scheduling else ()
    used_presets = {d.preset_id for d in exchange.decks}
    return replace(
        exchange,
        presets=tuple(p for p in exchange.presets if p.id in used_presets),
        cards=tuple(cards),
        reviews=reviews,
        scheduling=bool(reviews) or any(c.state is not CardState.NEW for c in cards),
    )


def _card_as_read(card: Card, exchange: Exchange) -> Card:
    buried_until = CALENDAR.next_day_start(card.modified) if card.buried_until > card.modified and not card.suspended else 0
    card = replace(card, buried_until=buried_until)
    if card.state is CardState.NEW:
        return replace(card, interval=0, stability=None, difficulty=None, remaining_steps=0, last_review=None)
    crosses_day = card.last_review is not None and CALENDAR.day(card.due) > CALENDAR.day(card.last_review)
    if card.state is CardState.REVIEW or crosses_day:
        card = replace(card, due=CALENDAR.day_start(CALENDAR.day(card.due)))
    if card.last_review is None:
        graded = [r.time // 1000 for r in exchange.reviews if r.card_id == card.id and 1 <= r.rating <= 4 and r.kind is not ReviewKind.MANUAL]
        card = replace(card, last_review=max(graded) if graded and exchange.scheduling else None)
    if card.state is CardState.LEARNING:
        card = replace(card, interval=0)
    if card.state is CardState.REVIEW:
        card = replace(card, remaining_steps=0)
    return card


def _review_as_read(review: ReviewLogEntry, exchange: Exchange) -> ReviewLogEntry:
    notes = {n.id: n for n in exchange.notes}
    card = next(c for c in exchange.cards if c.id == review.card_id)
    factor = None if review.difficulty is None else round(100 + 1000 * (review.difficulty - 1) / 9)
    return replace(
        review,
        id=anki_review_id(notes[card.note_id].guid, card.ordinal, review.time),
        difficulty=None if factor is None else 1 + 9 * (factor - 100) / 1000,
    )


@pytest.mark.parametrize("legacy", [False, True], ids=["modern", "legacy"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(exchange=exchanges())
def test_round_trip(tmp_path, legacy, exchange):
    path = tmp_path / "round.apkg"
    write_package(exchange, path, CALENDAR, legacy=legacy)
    read = read_package(path, CALENDAR)
    expected = canonical(expected_after_round_trip(exchange))
    actual = canonical(read)
    for key in expected:
        assert actual[key] == expected[key], key


# ======================================================================================
# Hostile input: whatever the file holds, only ImportFileError escapes, and no file is left
# ======================================================================================


@pytest.fixture
def scratch_dir(tmp_path, monkeypatch) -> Path:
    """Where the reader's temporary files go, to check that it removes them."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _read_hostile(path: Path, scratch: Path) -> None:
    try:
        media = read_package(path, CALENDAR).media  # the exchange's review log stays in a scratch file while it is held
        for file in media:
            file.read()
    except ImportFileError as error:
        assert path.name in str(error)
    assert list(scratch.iterdir()) == []


def _small_package(tmp_path: Path, legacy: bool) -> bytes:
    path = tmp_path / ("small-legacy.apkg" if legacy else "small.apkg")
    if not path.exists():
        write_package(heatcards_exchange(), path, CALENDAR, legacy=legacy)
    return path.read_bytes()


def _zip_with(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path, scratch_dir, data):
    (tmp_path / "random.apkg").write_bytes(data)
    _read_hostile(tmp_path / "random.apkg", scratch_dir)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(legacy=st.booleans(), cut=st.floats(0, 1, exclude_max=True))
def test_truncated_packages(tmp_path, scratch_dir, legacy, cut):
    data = _small_package(tmp_path, legacy)
    (tmp_path / "cut.apkg").write_bytes(data[: int(len(data) * cut)])
    _read_hostile(tmp_path / "cut.apkg", scratch_dir)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), legacy=st.booleans())
def test_damaged_members(tmp_path, scratch_dir, data, legacy):
    """A zip that opens, with one member's bytes overwritten somewhere."""
    with zipfile.ZipFile(io.BytesIO(_small_package(tmp_path, legacy))) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(members)))
    content = bytearray(members[name])
    start = data.draw(st.integers(0, max(0, len(content) - 1)))
    patch = data.draw(st.binary(min_size=1, max_size=64))
    content[start : start + len(patch)] = patch
    members[name] = bytes(content)
    (tmp_path / "damaged.apkg").write_bytes(_zip_with(members))
    _read_hostile(tmp_path / "damaged.apkg", scratch_dir)


def _legacy_collection(tmp_path: Path) -> tuple[dict[str, bytes], Path]:
    with zipfile.ZipFile(io.BytesIO(_small_package(tmp_path, legacy=True))) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    database = tmp_path / "edit.sqlite"
    database.write_bytes(members["collection.anki21"])
    return members, database


def _legacy_package_after(tmp_path: Path, script: str, name: str) -> tuple[Path, Path]:
    """A legacy package whose collection had `script` run on it, and that collection's database."""
    members, database = _legacy_collection(tmp_path)
    connection = sqlite3.connect(database)
    connection.executescript(script)
    connection.commit()
    connection.close()
    members["collection.anki21"] = database.read_bytes()
    package = tmp_path / name
    package.write_bytes(_zip_with(members))
    return package, database

@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("UPDATE col SET ver = 19", "schema 19 is newer"),
        ("UPDATE col SET models = '{not json'", "cannot be decoded"),
        ("UPDATE notes SET flds = 'only one field' WHERE guid = 'guid-more'", "has 1 fields, but its note type 'Basic' has 2"),
        ("UPDATE cards SET type = 9", "unknown type 9"),
        ("UPDATE revlog SET ease = 7", "answer button 7"),
        ("UPDATE revlog SET id = 253402300800000 WHERE id = (SELECT max(id) FROM revlog)", "review 253402300800000 is dated outside the years 1970 to 9999"),
        ("UPDATE revlog SET id = -5 WHERE id = (SELECT min(id) FROM revlog)", "review -5 is dated outside the years 1970 to 9999"),
        ("DROP TABLE notes", "not a readable Anki collection"),
        ("UPDATE cards SET data = '{'", "not JSON"),
        ("UPDATE cards SET queue = -3, mod = 1000000000000000000", "malformed"),
        ("UPDATE revlog SET id = id * 1000000", "dated outside the years 1970 to 9999"),
        ("UPDATE col SET crt = -100000000000000", "malformed"),
    ],
)
def test_corrupt_collections_are_named(tmp_path, scratch_dir, sql, message):
    package, database = _legacy_package_after(tmp_path, sql, "corrupt.apkg")
    with pytest.raises(ImportFileError, match=message) as raised:
        read_package(package, CALENDAR)
    assert "corrupt.apkg" in str(raised.value)
    if "fields" in message:
        note_id = sqlite3.connect(database).execute("SELECT id FROM notes WHERE guid = 'guid-more'").fetchone()[0]
        assert f"note {note_id}" in str(raised.value)
    assert list(scratch_dir.iterdir()) == []


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("UPDATE revlog SET ease = 7; UPDATE cards SET type = 9", "answer button 7"),
        ("UPDATE revlog SET ease = 7; UPDATE cards SET data = '{'", "answer button 7"),
        ("UPDATE revlog SET ease = 7; UPDATE cards SET nid = 4242 WHERE id = (SELECT min(id) FROM cards)", "belongs to note 4242"),
        ("UPDATE revlog SET ease = 7; UPDATE notes SET flds = 'only one field' WHERE guid = 'guid-more'", "has 1 fields"),
    ],
)
def test_problems_found_on_two_threads_are_told_in_the_order_of_the_checks(tmp_path, scratch_dir, sql, message):
    """The review log is checked beside the notes and cards: its problem is told after those of
    the notes and of the cards' notes, before those of the cards, as when one thread did it all."""
    package, _database = _legacy_package_after(tmp_path, sql, "two.apkg")
    with pytest.raises(ImportFileError, match=message):
        read_package(package, CALENDAR)
    assert list(scratch_dir.iterdir()) == []


def test_the_review_log_is_checked_on_a_worker_thread_beside_notes_and_cards(tmp_path, monkeypatch):
    """Its scans run on a connection of their own, in another thread than the notes and cards
    (else the package would be read on one core); the package still reads whole."""
    from heatcards.storage.anki_collection import AnkiCollectionFile

    threads: dict[str, set[str]] = {}
    for name in ("read_notes", "read_cards", "prepare_revlog", "first_review_outside", "scheduled_extent"):
        method = getattr(AnkiCollectionFile, name)
        monkeypatch.setattr(AnkiCollectionFile, name, _noting_thread(threads, name, method))
    (tmp_path / "small.apkg").write_bytes(_small_package(tmp_path, legacy=False))
    exchange = read_package(tmp_path / "small.apkg", CALENDAR)
    reader = threads["read_notes"] | threads["read_cards"]
    log = threads["prepare_revlog"] | threads["first_review_outside"] | threads["scheduled_extent"]
    assert len(reader) == 1 and len(log) == 1 and reader != log and next(iter(log)).startswith("heatcards-apkg-log")
    assert len(exchange.reviews) == len(heatcards_exchange().reviews) > 0


def test_reading_cancelled_beside_the_review_log_leaves_no_thread_and_no_scratch_file(tmp_path, scratch_dir):
    def cancel(stage: str, done: int, total: int) -> None:
        if stage == "cards":
            raise CancelledError("cancelled")

    (tmp_path / "small.apkg").write_bytes(_small_package(tmp_path, legacy=False))
    with pytest.raises(CancelledError):
        read_package(tmp_path / "small.apkg", CALENDAR, cancel)
    assert [t for t in threading.enumerate() if t.name.startswith("heatcards-apkg-log")] == []
    assert list(scratch_dir.iterdir()) == []


def _noting_thread(threads: dict[str, set[str]], name: str, method):
    def noted(*args, **kwargs):
        threads.setdefault(name, set()).add(threading.current_thread().name)
        return method(*args, **kwargs)

    return noted


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"meta": b"\x08\x03"}, "no 'collection.anki21b' member"),
        ({"meta": b"\x08\x04", "collection.anki21b": b""}, "version 4 is newer"),
        ({"meta": b"\x08", "collection.anki21b": b""}, "'meta' member is not valid"),
        ({"meta": b"\x08\x03", "collection.anki21b": b"not zstd"}, "not zstd-compressed"),
        ({"collection.anki21": b"SQLite format 3\x00 but not really"}, "not a readable Anki collection"),
        ({"collection.anki2": b""}, "no 'col' row|not a readable"),
        ({"other.txt": b"hello"}, "no 'collection.anki2' member"),
    ],
)
def test_broken_packages_are_named(tmp_path, scratch_dir, members, message):
    (tmp_path / "broken.apkg").write_bytes(_zip_with(members))
    with pytest.raises(ImportFileError, match=message):
        read_package(tmp_path / "broken.apkg", CALENDAR)
    assert list(scratch_dir.iterdir()) == []


def test_unsafe_media_names_are_refused(tmp_path):
    members, _ = _legacy_collection(tmp_path)
    members["media"] = json.dumps({"0": "../escape.png"}).encode()
    (tmp_path / "media.apkg").write_bytes(_zip_with(members))
    with pytest.raises(ImportFileError, match="not a plain file name"):
        read_package(tmp_path / "media.apkg", CALENDAR)


def test_not_a_file(tmp_path):
    with pytest.raises(ImportFileError, match="missing.apkg: not an Anki package"):
        read_package(tmp_path / "missing.apkg", CALENDAR)


# ======================================================================================
# The protobuf codec against Anki's generated classes
# ======================================================================================

PB2_CLASSES = {
    proto.NOTETYPE_CONFIG: notetypes_pb2.Notetype.Config,
    proto.FIELD_CONFIG: notetypes_pb2.Notetype.Field.Config,
    proto.TEMPLATE_CONFIG: notetypes_pb2.Notetype.Template.Config,
    proto.NORMAL_DECK: decks_pb2.Deck.Normal,
    proto.FILTERED_DECK: decks_pb2.Deck.Filtered,
    proto.DECK_KIND: decks_pb2.Deck.KindContainer,
    proto.DECK_CONFIG: deck_config_pb2.DeckConfig.Config,
    proto.PACKAGE_METADATA: import_export_pb2.PackageMetadata,
    proto.MEDIA_ENTRY: import_export_pb2.MediaEntries.MediaEntry,
    proto.MEDIA_ENTRIES: import_export_pb2.MediaEntries,
}
PB2_TYPES = {
    FieldDescriptor.TYPE_INT32: proto.FieldType.INT32,
    FieldDescriptor.TYPE_INT64: proto.FieldType.INT64,
    FieldDescriptor.TYPE_UINT32: proto.FieldType.UINT32,
    FieldDescriptor.TYPE_UINT64: proto.FieldType.UINT64,
    FieldDescriptor.TYPE_BOOL: proto.FieldType.BOOL,
    FieldDescriptor.TYPE_ENUM: proto.FieldType.ENUM,
    FieldDescriptor.TYPE_FLOAT: proto.FieldType.FLOAT,
    FieldDescriptor.TYPE_DOUBLE: proto.FieldType.DOUBLE,
    FieldDescriptor.TYPE_STRING: proto.FieldType.STRING,
    FieldDescriptor.TYPE_BYTES: proto.FieldType.BYTES,
    FieldDescriptor.TYPE_MESSAGE: proto.FieldType.MESSAGE,
}
INTEGER_RANGES = {
    proto.FieldType.INT32: (-(2**31), 2**31 - 1),
    proto.FieldType.ENUM: (0, 5),  # Anki's enums are small, and protobuf's Python classes check them
    proto.FieldType.INT64: (-(2**63), 2**63 - 1),
    proto.FieldType.UINT32: (0, 2**32 - 1),
    proto.FieldType.UINT64: (0, 2**64 - 1),
}


@pytest.mark.parametrize("message", PB2_CLASSES, ids=lambda m: m.name)
def test_descriptions_match_anki_s_definitions(message):
    descriptor = PB2_CLASSES[message].DESCRIPTOR
    assert descriptor.full_name == message.name
    for described in message.fields:
        actual = descriptor.fields_by_number[described.number]
        assert (actual.name, PB2_TYPES[actual.type], actual.is_repeated) == (described.name, described.type, described.repeated)
        if described.message is not None:
            assert actual.message_type.full_name == described.message.name


def scalar_values(field: proto.Field) -> st.SearchStrategy[Any]:
    kind = field.type
    if kind is proto.FieldType.MESSAGE:
        return message_values(field.message)
    if kind is proto.FieldType.BOOL:
        return st.booleans()
    if kind is proto.FieldType.STRING:
        return st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
    if kind is proto.FieldType.BYTES:
        return st.binary(max_size=20)
    if kind is proto.FieldType.FLOAT:
        return st.floats(width=32, allow_nan=False)
    if kind is proto.FieldType.DOUBLE:
        return st.floats(allow_nan=False)
    return st.integers(*INTEGER_RANGES[kind])


def message_values(message: proto.Message) -> st.SearchStrategy[dict[str, Any]]:
    def field_values(field: proto.Field) -> st.SearchStrategy[Any]:
        if field.repeated:
            return st.lists(scalar_values(field), max_size=4)
        if field.type is proto.FieldType.MESSAGE:
            return st.one_of(st.none(), scalar_values(field))
        return scalar_values(field)

    return st.deferred(lambda: st.fixed_dictionaries({f.name: field_values(f) for f in message.fields}))


def _comparable(value: Any) -> Any:
    """Floats as their 32-bit pattern (our decoder gives the shortest decimal, protobuf the double)."""
    if isinstance(value, float):
        try:
            return struct.pack("<f", value)
        except OverflowError:  # a double beyond 32 bits
            return value
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _pb2_values(instance: Any, message: proto.Message) -> dict[str, Any]:
    """A protobuf object as `proto.decode` presents it: only the described fields."""
    values = {}
    for field in message.fields:
        value = getattr(instance, field.name)
        if field.type is proto.FieldType.MESSAGE:
            if field.repeated:
                value = [_pb2_values(v, field.message) for v in value]
            else:
                value = _pb2_values(value, field.message) if instance.HasField(field.name) else None
        elif field.repeated:
            value = list(value)
        values[field.name] = value
    return values


@pytest.mark.parametrize("message", [m for m in PB2_CLASSES if m is not proto.DECK_KIND], ids=lambda m: m.name)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_encode_is_what_protobuf_writes_and_decode_reads_it(message, data):
    values = data.draw(message_values(message))
    ours = proto.encode(values, message)
    theirs = PB2_CLASSES[message]()
    theirs.ParseFromString(ours)
    assert _comparable(_pb2_values(theirs, message)) == _comparable(values)
    assert ours == theirs.SerializeToString()  # the same bytes protobuf writes
    assert _comparable(proto.decode(ours, message)) == _comparable(values)


@settings(max_examples=60, deadline=None)
@given(values=message_values(proto.DECK_KIND).filter(lambda v: (v["normal"] is None) != (v["filtered"] is None)))
def test_deck_kind_oneof(values):
    """A oneof holds one of its messages; protobuf keeps the last one it reads."""
    theirs = decks_pb2.Deck.KindContainer.FromString(proto.encode(values, proto.DECK_KIND))
    assert theirs.WhichOneof("kind") == ("normal" if values["normal"] is not None else "filtered")
    assert proto.decode(theirs.SerializeToString(), proto.DECK_KIND) == _pb2_values(theirs, proto.DECK_KIND)


@settings(max_examples=40, deadline=None)
@given(
    retention=st.floats(0.5, 0.75, width=32),
    easy_days=st.lists(st.floats(0, 1, width=32), max_size=7),
    search=st.text(max_size=10),
    other=st.binary(max_size=10),
    steps=st.lists(st.floats(0.125, 1e4, width=32), max_size=4),
)
def test_decode_skips_fields_it_does_not_describe(retention, easy_days, search, other, steps):
    config = deck_config_pb2.DeckConfig.Config(
        desired_retention=retention, easy_days_percentages=easy_days, param_search=search, other=other,
        learn_steps=steps, historical_retention=0.5, question_action=1, seconds_to_show_answer=2.5,
    )
    decoded = proto.decode(config.SerializeToString(), proto.DECK_CONFIG)
    assert _comparable(decoded) == _comparable(_pb2_values(config, proto.DECK_CONFIG))
    assert "param_search" not in decoded and "easy_days_percentages" not in decoded


def test_decode_reads_unpacked_repeated_numbers():
    """Protobuf readers accept repeated numbers one by one as well as packed."""
    unpacked = b"".join(b"\x0d" + struct.pack("<f", v) for v in (1.0, 10.0))  # field 1, wire type 5
    assert proto.decode(unpacked, proto.DECK_CONFIG)["learn_steps"] == [1.0, 10.0]


@pytest.mark.parametrize(
    "data",
    [b"\x0a\x05ab", b"\x08", b"\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", b"\x0b", b"\x1a\x02\xff\xfe", b"\x0d\x00"],
    ids=["short length", "missing varint", "long varint", "group", "bad utf-8", "short fixed32"],
)
def test_decode_errors(data):
    with pytest.raises(proto.DecodeError):
        proto.decode(data, proto.NOTETYPE_CONFIG)


def test_float_fields_read_back_as_written():
    """A 0.9 stored as a 32-bit float reads as 0.9, not 0.8999999761581421."""
    encoded = proto.encode({"desired_retention": 0.9, "learn_steps": [1.2, 10.0]}, proto.DECK_CONFIG)
    decoded = proto.decode(encoded, proto.DECK_CONFIG)
    assert (decoded["desired_retention"], decoded["learn_steps"]) == (0.9, [1.2, 10.0])


def test_encode_refuses_what_the_message_cannot_hold():
    with pytest.raises(ValueError, match="no field colour"):
        proto.encode({"colour": 1}, proto.DECK_CONFIG)
    with pytest.raises(ValueError, match="outside the uint32 range"):
        proto.encode({"new_per_day": -1}, proto.DECK_CONFIG)
