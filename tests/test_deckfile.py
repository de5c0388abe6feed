"""The native deck format and the bundled Heat deck."""
import subprocess
import sys
from dataclasses import replace
from datetime import timezone
from pathlib import Path

import pytest

from heatcards.collection import HEAT_DECK_FILE, Collection
from heatcards.errors import DeckFileError
from heatcards.formats.heatdeck import DeckFile, DeckFileNote, exchange_to_deck_file, read_deck_file, write_deck_file
from heatcards.model import CardState, Rating

from .conftest import needs_shared

REPO = Path(__file__).resolve().parents[1]


# --- installing (the format itself: tests/test_deckfile_format.py) ---------------
def test_installing_a_bad_file_changes_nothing(collection, tmp_path):
    deck = DeckFile(name="X", notes=(DeckFileNote("g1", "Basic", {"Front": "q", "Back": "a"}), DeckFileNote("g2", "Nope", {})))
    with pytest.raises(DeckFileError, match="unknown note type 'Nope'"):
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


def test_a_deck_file_with_progress_installs_it_once(heat_collection, tmp_path, clock):
    """A deck file written with its cards' progress and reviews brings them to another collection;
    installing it again changes nothing."""
    deck = heat_collection.deck_named("Heat (1995)")
    for rating in (Rating.GOOD, Rating.EASY, Rating.AGAIN):
        card, _ = heat_collection.next_card(deck)
        heat_collection.answer(card.id, rating)
        clock.advance(30)
    exchange = heat_collection.export_exchange(deck="Heat (1995)")
    write_deck_file(exchange_to_deck_file(exchange, heat_collection.calendar, name="Heat (1995)"), tmp_path / "heat.heatdeck.toml")
    with Collection(tmp_path / "other.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False) as other:
        report = other.install_deck_file(tmp_path / "heat.heatdeck.toml")
        assert (report.added, report.reviews_added) == (len(exchange.notes), 3)
        studied = heat_collection.store.cards(heat_collection.find_cards("rated:1"))
        for ours in studied:  # a deck file knows cards by note and template, not by id
            note = other.store.note_by_guid(heat_collection.note(ours.note_id).guid)
            (theirs,) = [c for c in other.store.cards_of_note(note.id) if c.ordinal == ours.ordinal]
            assert replace(theirs, id=ours.id, deck_id=ours.deck_id, note_id=ours.note_id, modified=ours.modified) == ours
            assert [replace(r, card_id=ours.id) for r in other.store.reviews_of_card(theirs.id)] == heat_collection.store.reviews_of_card(ours.id)
        again = other.install_deck_file(tmp_path / "heat.heatdeck.toml")
        assert (again.added, again.updated, again.cards_added, again.reviews_added) == (0, 0, 0, 0)
        assert again.unchanged == len(exchange.notes)
