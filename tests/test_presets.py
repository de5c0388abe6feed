"""Deck options presets and collection preferences in the core (no Qt)."""
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatcards.errors import InvalidInputError, NotFoundError
from heatcards.model import CardState, Rating
from heatcards.presets import (
    format_parameters,
    format_step,
    format_steps,
    parse_parameters,
    parse_steps,
    preset_warnings,
    retention_warning,
    steps_warning,
    validate_preset,
)
from heatcards.scheduling import DEFAULT_PARAMETERS

from .conftest import NOON

HOUR = 3600


# --- steps ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, minutes",
    [
        ("1m 10m", (1.0, 10.0)),
        ("1d", (1440.0,)),
        ("30s 2h", (0.5, 120.0)),
        ("1.5h", (90.0,)),
        ("10", (10.0,)),
        ("1m,10m", (1.0, 10.0)),
        ("  5M   1H ", (5.0, 60.0)),
        ("", ()),
    ],
)
def test_steps_parse_in_ankis_format(text, minutes):
    assert parse_steps(text) == pytest.approx(minutes)


@pytest.mark.parametrize(
    "text, message",
    [
        ("1m 10x", "learning step 2, '10x', is not a duration like 10m, 1h or 2d"),
        ("m", "learning step 1, 'm', is not a duration"),
        ("1m -5m", "learning step 2, '-5m', is not a duration"),
        ("0m", "learning step 1, '0m', must be longer than zero"),
    ],
)
def test_bad_steps_say_which_step_is_wrong(text, message):
    with pytest.raises(InvalidInputError, match=message.replace("(", r"\(")):
        parse_steps(text)


def test_step_errors_name_the_setting():
    with pytest.raises(InvalidInputError, match="relearning step 1, '5y'"):
        parse_steps("5y", "relearning step")


@pytest.mark.parametrize(
    "minutes, text", [(1.0, "1m"), (10.0, "10m"), (60.0, "1h"), (90.0, "90m"), (1440.0, "1d"), (2880.0, "2d"), (0.5, "30s")]
)
def test_steps_format_with_the_largest_whole_unit(minutes, text):
    assert format_step(minutes) == text


@given(st.lists(st.integers(min_value=1, max_value=60 * 24 * 400), max_size=6))
def test_steps_round_trip_through_text(seconds):
    minutes = tuple(s / 60 for s in seconds)
    assert parse_steps(format_steps(minutes)) == pytest.approx(minutes)


# --- FSRS parameters ---------------------------------------------------------------
def test_parameters_round_trip_and_empty_means_defaults():
    text = format_parameters(DEFAULT_PARAMETERS)
    assert text.count(",") == 20
    assert parse_parameters(text) == pytest.approx(DEFAULT_PARAMETERS, abs=1e-4)
    assert parse_parameters("  ") == ()


@pytest.mark.parametrize(
    "text, message",
    [
        ("0.2, 1.3", "FSRS-6 needs 21 parameters, got 2"),
        (", ".join(["0.5"] * 20 + ["abc"]), "FSRS parameter 21, 'abc', is not a number"),
        (", ".join(["nan"] * 21), "FSRS parameter 1, 'nan', is not a finite number"),
        (", ".join(["0.5"] * 4 + ["11"] + ["0.5"] * 16), "FSRS parameter 5 is 11; it must be between 1 and 10"),
    ],
)
def test_bad_parameters_are_refused_with_the_reason(text, message):
    with pytest.raises(InvalidInputError, match=message):
        parse_parameters(text)


# --- whole presets -------------------------------------------------------------------
def test_validate_preset_refuses_what_the_scheduler_cannot_use(collection):
    preset = collection.default_preset()
    assert validate_preset(preset) is preset
    for change, message in (
        ({"desired_retention": 0.5}, "desired retention must be between 0.70 and 0.99"),
        ({"maximum_interval": 0}, "maximum interval"),
        ({"new_per_day": -1}, "cannot be negative"),
        ({"leech_threshold": 0}, "leech threshold"),
        ({"learning_steps": (0.0,)}, "learning step 1 must be longer than zero"),
        ({"parameters": (1.0,) * 3}, "needs 21 parameters"),
    ):
        with pytest.raises(InvalidInputError, match=message):
            validate_preset(replace(preset, **change))


def test_warnings_for_day_steps_and_high_retention(collection):
    preset = collection.default_preset()
    assert preset_warnings(preset) == []
    assert steps_warning("Learning", (1.0, 1440.0)) and steps_warning("Learning", (1.0, 1439.0)) is None
    assert retention_warning(0.98) and retention_warning(0.97) is None
    bad = replace(preset, learning_steps=(1440.0,), relearning_steps=(2880.0,), desired_retention=0.98)
    warnings = preset_warnings(bad)
    assert len(warnings) == 3
    assert warnings[0].startswith("Learning steps of a day or more")
    assert warnings[1].startswith("Relearning steps")
    assert "0.98" in warnings[2]


# --- presets through the collection ------------------------------------------------
def test_add_clone_rename_delete_presets(collection):
    default = collection.default_preset()
    deck = collection.add_deck("Spanish")
    added = collection.add_preset("Hard cards")
    assert added.id != default.id and added.name == "Hard cards"
    assert replace(added, id=None, name="x") == replace(default, id=None, name="x")
    collection.update_preset(replace(added, desired_retention=0.85, new_per_day=5))

    clone = collection.add_preset("Hard cards copy", based_on=added.id)
    assert (clone.desired_retention, clone.new_per_day) == (0.85, 5)

    changes = collection.set_deck_preset(deck.id, clone.id)
    assert changes.decks and changes.queue
    assert collection.deck(deck.id).preset_id == clone.id
    assert collection.preset_use_counts() == {default.id: 1, added.id: 0, clone.id: 1}

    assert collection.rename_preset(clone.id, "  Verbs   only ").decks
    assert collection.preset(clone.id).name == "Verbs only"

    changes = collection.delete_preset(clone.id)
    assert changes.decks and changes.queue
    assert collection.deck(deck.id).preset_id == default.id
    assert [p.id for p in collection.presets()] == [default.id, added.id]
    with pytest.raises(NotFoundError):
        collection.preset(clone.id)


def test_preset_names_must_be_new_and_default_stays(collection):
    default = collection.default_preset()
    other = collection.add_preset("Other")
    with pytest.raises(InvalidInputError, match="a preset named 'Other' already exists"):
        collection.add_preset("other")
    with pytest.raises(InvalidInputError, match="needs a name"):
        collection.rename_preset(other.id, "   ")
    with pytest.raises(InvalidInputError, match="cannot be deleted"):
        collection.delete_preset(default.id)
    with pytest.raises(InvalidInputError, match="cannot be renamed"):
        collection.rename_preset(default.id, "Mine")
    with pytest.raises(NotFoundError):
        collection.set_deck_preset(collection.deck_named("Default").id, 9999)
    assert [p.name for p in collection.presets()] == ["Default", "Other"]


def test_update_preset_refuses_invalid_settings(collection):
    preset = collection.default_preset()
    with pytest.raises(InvalidInputError):
        collection.update_preset(replace(preset, desired_retention=1.5))
    assert collection.preset(preset.id).desired_retention == 0.9


def _review_card(collection):
    """A card in review, answered Good through its steps and once more a few days later."""
    deck = collection.add_deck("Words")
    note = collection.add_note("Basic", {"Front": "hola", "Back": "hello"}, "Words")
    card_id = collection.find_cards(f"nid:{note.id}")[0]
    for _ in range(2):
        collection.answer(card_id, Rating.GOOD)
        collection.clock.advance(15 * 60)
    collection.clock.advance(3 * 86400)
    collection.answer(card_id, Rating.GOOD)
    card = collection.card(card_id)
    assert card.state is CardState.REVIEW
    collection.clock.advance(card.interval * 86400)
    return deck, collection.card(card_id)


def _good_interval(collection, card):
    return next(p for p in collection.previews(card) if p.rating is Rating.GOOD).interval_days


def test_saving_deck_options_changes_the_next_interval_at_once(collection):
    deck, card = _review_card(collection)
    before = _good_interval(collection, card)
    preset = collection.preset_of(deck)
    changes = collection.save_deck_options(deck.id, preset.id, [replace(preset, desired_retention=0.8)])
    assert changes.queue
    assert _good_interval(collection, card) > before
    collection.save_deck_options(deck.id, preset.id, [replace(preset, desired_retention=0.97)])
    assert _good_interval(collection, card) < before


def test_save_deck_options_switches_preset_and_keeps_stored_names(collection):
    deck, card = _review_card(collection)
    before = _good_interval(collection, card)
    other = collection.add_preset("Relaxed")
    collection.save_deck_options(deck.id, other.id, [replace(other, name="ignored", desired_retention=0.75)])
    assert collection.deck(deck.id).preset_id == other.id
    assert collection.preset(other.id).name == "Relaxed"
    assert _good_interval(collection, card) > before


def test_a_bad_preset_in_save_deck_options_saves_nothing(collection):
    deck = collection.deck_named("Default")
    default = collection.default_preset()
    other = collection.add_preset("Other")
    with pytest.raises(InvalidInputError):
        collection.save_deck_options(deck.id, other.id, [replace(default, new_per_day=7), replace(other, leech_threshold=0)])
    assert collection.preset(default.id).new_per_day == 20
    assert collection.deck(deck.id).preset_id == default.id


# --- preferences ---------------------------------------------------------------------
def test_rollover_hour_moves_the_day_boundary(collection):
    # NOON is 12:00 UTC; with days starting at 13:00, noon still belongs to the day before.
    day_at_4 = collection.calendar.day(NOON)
    changes = collection.set_rollover_hour(13)
    assert changes.queue and changes.decks
    assert collection.calendar.rollover_hour == 13
    assert collection.calendar.day(NOON) == day_at_4 - 1
    assert collection.calendar.next_day_start(NOON) == NOON + HOUR + 1
    assert collection.store.config("rollover_hour") == 13


def test_rollover_hour_reaches_schedulers_and_counts(collection):
    deck, card = _review_card(collection)
    # an hour before the card's due time (04:00:01): with days starting at 4 that is still
    # yesterday, so the card is not due; with days starting at 2 it is today, so it is
    collection.clock.current = card.due - HOUR
    assert collection.counts(deck).review == 0
    collection.set_rollover_hour(2)
    assert collection.scheduler_for(deck).calendar.rollover_hour == 2
    assert collection.counts(deck).review == 1


def test_rollover_hour_is_checked_and_kept_on_reopen(collection, clock):
    from heatcards.collection import Collection

    with pytest.raises(InvalidInputError, match="from 0 to 23"):
        collection.set_rollover_hour(24)
    collection.set_rollover_hour(0)
    collection.close()
    reopened = Collection(collection.path, clock=clock, install_heat_deck=False)
    try:
        assert reopened.calendar.rollover_hour == 0
    finally:
        reopened.close()


def test_automatic_backups_setting_defaults_on(collection):
    assert collection.automatic_backups() is True
    assert collection.set_automatic_backups(False) is not None
    assert collection.automatic_backups() is False
