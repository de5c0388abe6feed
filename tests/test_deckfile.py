"""The native deck format and the bundled Heat deck."""
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heatcards.collection import HEAT_DECK_FILE
from heatcards.errors import DeckFileError, InvalidInputError
from heatcards.formats.heatdeck import (
    DeckFile,
    DeckFileDocument,
    DeckFileNote,
    DeckFileSource,
    deck_file_text,
    read_deck_file,
    write_deck_file,
)
from heatcards.model import CardState, Rating

from .conftest import needs_shared

REPO = Path(__file__).resolve().parents[1]


# --- the format -----------------------------------------------------------------
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
tag = st.text(st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=10)
field_names = st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8), min_size=1, max_size=4, unique=True)


@st.composite
def deck_files(draw):
    documents = tuple(
        DeckFileDocument(key=f"doc{i}", title=draw(text), file=draw(text), sha256=draw(text)) for i in range(draw(st.integers(0, 2)))
    )
    notes = []
    for i in range(draw(st.integers(0, 5))):
        source = None
        if documents and draw(st.booleans()):
            start = draw(st.integers(0, 1000))
            source = DeckFileSource(
                document=draw(st.sampled_from(documents)).key,
                paragraph=draw(st.none() | st.integers(1, 50)),
                span=draw(st.none() | st.just((start, start + draw(st.integers(0, 100))))),
            )
        names = draw(field_names)
        notes.append(
            DeckFileNote(
                guid=f"g{i}-{draw(st.text(min_size=0, max_size=5))}",
                notetype=draw(st.sampled_from(["Basic", "Cloze", "My type"])),
                fields={name: draw(text) for name in names},
                tags=tuple(draw(st.lists(tag, max_size=3))),
                deck=draw(st.none() | st.just("A::B")),
                source=source,
            )
        )
    return DeckFile(name=draw(st.just("Top::Sub") | st.just("Heat")), description=draw(text), documents=documents, notes=tuple(notes))


@settings(max_examples=150, deadline=None)
@given(deck_files())
def test_deck_file_round_trips_losslessly(tmp_path_factory, deck):
    path = tmp_path_factory.mktemp("rt") / "deck.heatdeck.toml"
    write_deck_file(deck, path)
    assert read_deck_file(path) == deck


@pytest.mark.parametrize(
    "content, message",
    [
        ('format = "other"\nversion = 1\n', "not a heatcards deck file"),
        ('format = "heatcards-deck"\nversion = 99\n[deck]\nname = "x"\n', "newer than this heatcards reads"),
        ('format = "heatcards-deck"\nversion = 1\n', "a [deck] table is required"),
        ('format = "heatcards-deck"\nversion = 1\n[deck]\nname = "a::"\n', "empty part"),
        ('format = "heatcards-deck"\nversion = 1\n[deck]\nname = "x"\n[[notes]]\nguid = "a"\nnotetype = "Basic"\nfields = { Front = 1 }\n', "notes[0] (guid a): 'fields' must be a table of strings"),
        ('format = "heatcards-deck"\nversion = 1\n[deck]\nname = "x"\n[[notes]]\nguid = "a"\nnotetype = "Basic"\nfields = {}\nsource = { document = "nope" }\n', "source document 'nope' is not listed"),
        ('format = "heatcards-deck"\nversion = 1\n[deck]\nname = "x"\n[[notes]]\nguid = "a"\nnotetype = "B"\nfields = {}\n[[notes]]\nguid = "a"\nnotetype = "B"\nfields = {}\n', "guid 'a' appears twice"),
        ('format = "heatcards-deck"\nversion = 1\n[deck\n', "line 3"),
    ],
)
def test_bad_deck_files_say_what_and_where(tmp_path, content, message):
    path = tmp_path / "bad.heatdeck.toml"
    path.write_text(content)
    with pytest.raises(DeckFileError, match=None) as error:
        read_deck_file(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_missing_deck_file(tmp_path):
    with pytest.raises(DeckFileError, match="cannot read deck file"):
        read_deck_file(tmp_path / "absent.toml")


def test_installing_a_bad_file_changes_nothing(collection, tmp_path):
    deck = DeckFile(name="X", notes=(DeckFileNote("g1", "Basic", {"Front": "q", "Back": "a"}), DeckFileNote("g2", "Nope", {})))
    with pytest.raises(InvalidInputError, match="unknown note type 'Nope'"):
        collection.install_deck(deck)
    assert [d.name for d in collection.decks()] == ["Default"]
    assert collection.find_cards("") == []


# --- the Heat deck ---------------------------------------------------------------
def test_heat_deck_is_installed_on_first_run(heat_collection):
    deck = heat_collection.deck_named("Heat (1995)")
    card_ids = heat_collection.find_cards('"deck:Heat (1995)"')
    assert 60 <= len(card_ids) <= 120
    assert deck.description
    notetypes = {heat_collection.card_info(i).notetype.name for i in card_ids}
    assert {"Basic", "Basic (and reversed card)", "Cloze"} <= notetypes


def test_every_heat_note_is_tagged_and_cites_its_source(heat_collection):
    deck = read_deck_file(HEAT_DECK_FILE)
    documents = heat_collection.document_titles()
    assert len(documents) == 2
    for note_id in {heat_collection.card(i).note_id for i in heat_collection.find_cards("")}:
        note = heat_collection.note(note_id)
        assert note.tags, note.guid
        assert note.source is not None and note.source.document_id in documents, note.guid
        assert note.source.paragraph >= 1 and note.source.start < note.source.end
    assert len(deck.notes) == len({c for c in (heat_collection.card(i).note_id for i in heat_collection.find_cards(""))})


def test_heat_cards_are_self_contained(heat_collection):
    """No card leans on an unnamed 'the film' or starts with a bare pronoun."""
    for card_id in heat_collection.find_cards(""):
        info = heat_collection.card_info(card_id)
        front = info.note.fields[0].strip()
        assert not front.lower().startswith(("he ", "she ", "they ", "it ", "this ", "the film ")), front
        if any(phrase in front.lower() for phrase in ("the film", "the movie", "the picture")):
            assert "Heat" in front, front  # "the film" only where the film is named


def test_reinstalling_updates_by_guid_and_keeps_progress(heat_collection, clock):
    deck = heat_collection.deck_named("Heat (1995)")
    card, _ = heat_collection.next_card(deck)
    heat_collection.answer(card.id, Rating.EASY)
    studied = heat_collection.card(card.id)
    before = len(heat_collection.find_cards(""))
    report = heat_collection.install_deck_file(HEAT_DECK_FILE)
    assert (report.added, report.updated) == (0, 0)
    assert report.unchanged == len(read_deck_file(HEAT_DECK_FILE).notes)
    # a newer version of the file changes one note's wording and adds a note
    original = read_deck_file(HEAT_DECK_FILE)
    note = heat_collection.note(studied.note_id)
    changed = [
        replace(n, fields={**n.fields, "Back": n.fields["Back"] + " (revised)"}) if n.guid == note.guid else n
        for n in original.notes
    ]
    newer = replace(original, notes=(*changed, DeckFileNote("heat-new-1", "Basic", {"Front": "Which year did Heat (1995) open?", "Back": "1995"}, ("release",))))
    report = heat_collection.install_deck(newer)
    assert (report.added, report.updated) == (1, 1)
    assert len(heat_collection.find_cards("")) == before + 1
    assert heat_collection.card(studied.id) == studied
    assert heat_collection.note(note.id).fields[1].endswith("(revised)")
    assert studied.state is CardState.REVIEW


def test_heat_deck_matches_its_source_documents():
    seeds = needs_shared("seeds")
    result = subprocess.run(
        [sys.executable, str(REPO / "decks" / "check_heat_deck.py"), str(HEAT_DECK_FILE), str(seeds)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s)" in result.stdout
