"""Answering reuses what studying already read (the card `next_card` handed out, its deck's preset id)
only while nothing but answers wrote since: any other change in between is seen by the answer."""
from __future__ import annotations

import itertools
import tempfile
from dataclasses import replace
from datetime import timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from heatcards.clock import FixedClock
from heatcards.collection import Collection
from heatcards.errors import NothingToUndoError
from heatcards.model import CardState, Rating
from heatcards.queue import LEARN_AHEAD_SECONDS

from .conftest import NOON


def add_cards(collection, count, deck="Films"):
    for i in range(count):
        collection.add_note("Basic (and reversed card)", [f"question {i}", f"answer {i}"], deck)


def second_preset(collection, steps=(3.0, 30.0)):
    """A preset whose first learning step (3 minutes by default) tells it from the default's (1 minute)."""
    preset = collection.add_preset("Slow")
    collection.update_preset(replace(preset, learning_steps=steps))
    return collection.preset(preset.id)


def test_a_change_to_the_card_handed_out_is_seen_by_its_answer(collection, clock):
    add_cards(collection, 2)
    deck = collection.deck_named("Films")
    card, _ = collection.next_card(deck)
    collection.answer(card.id, Rating.GOOD)  # the deck's preset id is now known
    card, _ = collection.next_card(deck)
    collection.set_flag([card.id], 2)
    collection.answer(card.id, Rating.GOOD)
    assert collection.card(card.id).flag == 2  # not written back as it was when handed out

    clock.advance(600)
    card, _ = collection.next_card(deck)
    collection.answer(card.id, Rating.GOOD)
    card, _ = collection.next_card(deck)  # the sibling, or the first one again
    collection.forget([card.id])
    collection.answer(card.id, Rating.AGAIN)
    assert collection.card_info(card.id).history[-1].state_before is CardState.NEW


def test_a_deck_given_another_preset_between_answers_is_answered_with_it(collection, clock):
    add_cards(collection, 3)
    deck = collection.deck_named("Films")
    slow = second_preset(collection)
    card, _ = collection.next_card(deck)
    collection.answer(card.id, Rating.AGAIN)
    assert collection.card(card.id).due == NOON + 60  # the default preset's first step
    collection.set_deck_preset(deck.id, slow.id)
    card, _ = collection.next_card(deck)
    collection.answer(card.id, Rating.AGAIN)
    assert collection.card(card.id).due == NOON + 180


def test_a_preset_edited_between_answers_is_answered_with_its_new_steps(collection, clock):
    add_cards(collection, 3)
    deck = collection.deck_named("Films")
    card, _ = collection.next_card(deck)
    collection.answer(card.id, Rating.AGAIN)
    collection.update_preset(replace(collection.preset_of(deck), learning_steps=(7.0,)))
    card, _ = collection.next_card(deck)
    collection.answer(card.id, Rating.AGAIN)
    assert collection.card(card.id).due == NOON + 420


def test_a_card_moved_to_a_deck_with_another_preset_after_being_handed_out(collection, clock):
    add_cards(collection, 2)
    films = collection.deck_named("Films")
    other = collection.add_deck("Other")
    collection.set_deck_preset(other.id, second_preset(collection).id)
    card, _ = collection.next_card(films)
    collection.answer(card.id, Rating.AGAIN)  # the default preset's id is now known for Films
    card, _ = collection.next_card(films)
    collection.set_deck([card.id], other.id)
    collection.answer(card.id, Rating.AGAIN)
    assert collection.card(card.id).due == NOON + 180


# --- the time before which no learning card is shown: kept by answers, read again after any other write ---
def asked_parts(collection) -> list[list[str]]:
    """The kinds of cards each of the queue's statements asks for, from now on."""
    asked = []
    first_queued_card = collection.store.first_queued_card

    def spy(deck_ids, now, parts):
        asked.append([kind for kind, _ in parts])
        return first_queued_card(deck_ids, now, parts)

    collection.store.first_queued_card = spy
    return asked


def test_no_statement_looks_for_learning_cards_while_none_can_be_shown(collection, clock):
    add_cards(collection, 3)
    deck = collection.deck_named("Films")
    collection.update_preset(replace(collection.preset_of(deck), learning_steps=(30.0,)))  # past the learn-ahead limit
    asked = asked_parts(collection)
    for _ in range(3):
        card, _ = collection.next_card(deck)
        collection.answer(card.id, Rating.AGAIN)  # learning, due in 30 minutes
    # The first card: a learning card due now, else a new one, else a learning card due soon; the
    # answers since put cards in learning, and told when they can be shown.
    assert asked == [["learning"], ["new", "learning"], ["new"], ["new"]]
    asked.clear()
    clock.advance(30 * 60 - LEARN_AHEAD_SECONDS + 1)  # the first answered is due within the learn-ahead limit
    collection.next_card(deck)
    clock.advance(LEARN_AHEAD_SECONDS - 1)  # and now due
    card, _ = collection.next_card(deck)
    assert asked == [["new", "learning"], ["learning"]] and card.state is CardState.LEARNING


def test_a_card_answered_into_learning_is_shown_when_due(collection, clock):
    add_cards(collection, 3)
    deck = collection.deck_named("Films")
    first, _ = collection.next_card(deck)
    collection.answer(first.id, Rating.AGAIN)  # due in a minute
    card, _ = collection.next_card(deck)
    collection.answer(card.id, Rating.GOOD)
    clock.advance(61)
    card, _ = collection.next_card(deck)
    assert card.id == first.id and card.state is CardState.LEARNING


def test_a_learning_card_is_shown_when_its_burial_ends_with_only_answers_between(collection, clock):
    add_cards(collection, 3)
    deck = collection.deck_named("Films")
    buried, _ = collection.next_card(deck)
    collection.answer(buried.id, Rating.AGAIN)  # due in a minute...
    with collection.store.transaction():  # ...and buried until an hour from now (a deck file can say so)
        collection.store.save_card(replace(collection.card(buried.id), buried_until=NOON + 3600))
    card, _ = collection.next_card(deck)
    assert card.id != buried.id
    collection.answer(card.id, Rating.EASY)
    clock.advance(3600)
    card, _ = collection.next_card(deck)
    assert card.id == buried.id


# --- the same operations with and without the reuse: the same collection ---------------------
operations = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), st.sampled_from(list(Rating))),
        st.tuples(st.just("wait"), st.sampled_from([30, 600, 3600, 86400])),
        st.tuples(st.just("flag"), st.integers(0, 7)),
        st.tuples(st.just("forget"), st.none()),
        st.tuples(st.just("bury"), st.none()),
        st.tuples(st.just("switch preset"), st.none()),
        st.tuples(st.just("edit preset"), st.sampled_from([(1.0,), (2.0, 20.0), ()])),
        st.tuples(st.just("move"), st.none()),
        st.tuples(st.just("undo"), st.none()),
    ),
    min_size=1,
    max_size=40,
)


def run(operations, folder: Path, *, reuse: bool):
    """Cards handed out, then cards and review log (without the random review ids) after `operations`.
    As studying does, a card is handed out by `next_card` and answered, maybe after other operations."""
    clock = FixedClock(NOON)
    collection = Collection(folder / "col.heatcards", clock=clock, calendar_tz=timezone.utc, install_heat_deck=False)
    if not reuse:  # a change count never seen twice: every answer reads the card and its deck again
        counter = itertools.count()
        collection.store.change_count = lambda: next(counter)
    try:
        add_cards(collection, 4)
        films = collection.deck_named("Films")
        other = collection.add_deck("Films::Other")
        presets = [collection.preset_of(films).id, second_preset(collection).id]
        handed_out, shown = None, []
        for kind, value in operations:
            if kind == "answer":  # the card handed out before the operations since, if any
                if handed_out is None:
                    handed_out, _ = collection.next_card(films)
                if handed_out is not None:
                    collection.answer(handed_out.id, value)
                    handed_out, _ = collection.next_card(films)
                shown.append(handed_out)
            elif kind == "wait":
                clock.advance(value)
            elif kind == "undo":
                try:
                    collection.undo()
                except NothingToUndoError:
                    pass
            elif kind == "switch preset":
                presets.reverse()
                collection.set_deck_preset(films.id, presets[0])
            elif kind == "edit preset":
                collection.update_preset(replace(collection.preset_of(films), learning_steps=value))
            elif handed_out is not None:
                if kind == "flag":
                    collection.set_flag([handed_out.id], value)
                elif kind == "forget":
                    collection.forget([handed_out.id])
                elif kind == "bury":
                    collection.bury([handed_out.id])
                elif kind == "move":
                    collection.set_deck([handed_out.id], other.id)
        cards = collection.store.cards(collection.store.card_ids())
        log = [replace(entry, id="") for card in cards for entry in collection.store.reviews_of_card(card.id)]
        return shown, cards, log
    finally:
        collection.close()


@settings(max_examples=40, deadline=None)
@given(operations=operations)
def test_reusing_reads_changes_nothing(operations):
    with tempfile.TemporaryDirectory() as reused, tempfile.TemporaryDirectory() as read_again:
        assert run(operations, Path(reused), reuse=True) == run(operations, Path(read_again), reuse=False)
