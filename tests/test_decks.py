"""Deck operations behind the main window: rename (and move), delete with undo, card counts."""
from dataclasses import replace

import pytest

from heatcards.errors import InvalidInputError, NothingToUndoError
from heatcards.model import Rating


def names(collection):
    return [d.name for d in collection.decks()]


def test_rename_moves_subdecks_and_creates_missing_parents(collection):
    child = collection.add_deck("Films::Heat::Cast")
    films = collection.deck_named("Films")
    changes = collection.rename_deck(films.id, "Cinema::Crime")
    assert changes.decks
    assert names(collection) == ["Cinema", "Cinema::Crime", "Cinema::Crime::Heat", "Cinema::Crime::Heat::Cast", "Default"]
    assert collection.deck(child.id).name == "Cinema::Crime::Heat::Cast"
    assert collection.deck(films.id).name == "Cinema::Crime"


def test_rename_keeps_cards_and_counts(collection):
    collection.add_note("Basic", ["Q", "A"], "Films::Heat")
    heat = collection.deck_named("Films::Heat")
    collection.rename_deck(heat.id, "Heat")
    assert len(collection.card_ids_in_deck(heat.id)) == 1
    assert collection.counts(collection.deck(heat.id)).new == 1
    assert collection.card_ids_in_deck(collection.deck_named("Films").id) == []


@pytest.mark.parametrize(
    "new_name, message",
    [("Films::Heat::Inside", "inside itself"), ("Other", "already exists"), ("other", "already exists"), ("A::::B", "empty part")],
)
def test_rename_refuses_bad_names(collection, new_name, message):
    collection.add_deck("Films::Heat")
    collection.add_deck("Other")
    with pytest.raises(InvalidInputError, match=message):
        collection.rename_deck(collection.deck_named("Films::Heat").id, new_name)
    assert names(collection) == ["Default", "Films", "Films::Heat", "Other"]


def test_rename_case_only_is_allowed(collection):
    deck = collection.add_deck("films")
    collection.rename_deck(deck.id, "Films")
    assert collection.deck(deck.id).name == "Films"


def test_delete_deck_removes_subdecks_cards_and_history_and_undo_restores_all(collection):
    note = collection.add_note("Basic", ["Q1", "A1"], "Films::Heat")
    collection.add_note("Basic", ["Q2", "A2"], "Films")
    card = collection.store.cards_of_note(note.id)[0]
    collection.answer(card.id, Rating.GOOD)
    before_cards = {c: collection.card(c) for c in collection.find_cards("")}
    before_log = collection.store.reviews_of_card(card.id)
    films = collection.deck_named("Films")
    assert len(collection.card_ids_in_deck(films.id)) == 2

    changes = collection.delete_deck(films.id)
    assert changes.decks and len(changes.cards) == 2
    assert names(collection) == ["Default"]
    assert collection.find_cards("") == []
    assert collection.store.reviews_of_card(card.id) == []

    assert collection.undo() == "delete deck"
    assert names(collection) == ["Default", "Films", "Films::Heat"]
    assert {c: collection.card(c) for c in collection.find_cards("")} == before_cards
    assert collection.store.reviews_of_card(card.id) == before_log
    assert collection.note(note.id) == note


def test_delete_deck_keeps_notes_with_cards_elsewhere(collection):
    note = collection.add_note("Basic (and reversed card)", ["Front", "Back"], "Films")
    forward, backward = collection.store.cards_of_note(note.id)
    other = collection.add_deck("Other")
    collection.store.save_card(replace(backward, deck_id=other.id))
    collection.delete_deck(collection.deck_named("Films").id)
    assert collection.note(note.id).id == note.id
    assert [c.id for c in collection.store.cards_of_note(note.id)] == [backward.id]


def test_default_deck_cannot_be_deleted(collection):
    with pytest.raises(InvalidInputError, match="cannot be deleted"):
        collection.delete_deck(collection.deck_named("Default").id)


def test_undo_adding_a_note_from_the_add_screen_removes_it_and_its_cards(collection):
    notetype = collection.notetype_named("Cloze")
    deck = collection.add_deck("Films")
    changes = collection.create_note(notetype.id, deck.id, ["{{c1::Mann}} directed {{c2::Heat}}", ""])
    assert len(changes.cards) == 2
    assert collection.undo() == "add note"
    assert collection.find_cards("") == []
    assert collection.store.notes(changes.notes) == {}


def test_undo_an_edit_restores_fields_and_removes_cards_it_created(collection):
    note = collection.add_note("Cloze", ["{{c1::Mann}} directed Heat", ""], "Films")
    [first] = collection.store.cards_of_note(note.id)
    collection.answer(first.id, Rating.GOOD)
    answered = collection.card(first.id)
    collection.update_note(note.id, ["{{c1::Mann}} directed {{c2::Heat}}", "1995"], tags=["film"], undo_label="edit note")
    assert len(collection.store.cards_of_note(note.id)) == 2
    assert collection.undo() == "edit note"
    assert collection.note(note.id).fields == note.fields and collection.note(note.id).tags == note.tags
    assert collection.store.cards_of_note(note.id) == [answered]
    assert collection.card(first.id).reps == 1  # the answer before the edit is untouched


def test_an_undo_that_conflicts_with_later_changes_says_so_and_frees_older_steps(collection):
    note = collection.add_note("Basic", ["Q", "A"], "Films")
    [card] = collection.store.cards_of_note(note.id)
    collection.suspend([card.id])
    collection.add_note("Basic", ["Q2", "A2"], "Old")
    collection.delete_deck(collection.deck_named("Old").id)
    collection.add_deck("Spacer")  # takes the deleted deck's id
    collection.add_deck("Old")  # a new deck under the name undo would put back
    with pytest.raises(NothingToUndoError, match="cannot undo 'delete deck'"):
        collection.undo()
    assert names(collection) == ["Default", "Films", "Old", "Spacer"]
    assert collection.undo() == "suspend"  # the older step is still reachable
    assert not collection.card(card.id).suspended
