"""`from_values` (`MadeFromValues`), the fast way rows and answers become cards and log entries, makes
the same records as their constructors."""
import dataclasses
import pickle

import pytest
from hypothesis import given, settings, strategies as st

from heatcards import model
from heatcards.model import Card, CardState, MadeFromValues, ReviewKind, ReviewLogEntry
from heatcards.storage import Store, _card_from_row

ids = st.integers(min_value=1, max_value=2**62)
times = st.integers(min_value=0, max_value=2**40)
floats = st.none() | st.floats(min_value=0.001, max_value=1e5, allow_nan=False)
card_values = st.tuples(
    ids, ids, ids, st.integers(0, 500),  # id, note_id, deck_id, ordinal
    st.sampled_from(CardState), times, st.integers(0, 36500), floats, floats, st.integers(0, 20),
    st.integers(0, 10_000), st.integers(0, 1000), st.none() | times,  # reps, lapses, last_review
    st.booleans(), times, st.integers(0, 7), times,  # suspended, buried_until, flag, modified
)


@given(card_values)
def test_a_card_from_its_values_is_the_card_its_constructor_makes(values):
    fast, made = Card.from_values(values), Card(*values)
    assert fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    assert {fast, made} == {made}
    assert pickle.loads(pickle.dumps(fast)) == made
    assert dataclasses.replace(fast, due=values[5] + 1) == dataclasses.replace(made, due=values[5] + 1)
    assert fast != dataclasses.replace(made, flag=values[15] + 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.due = 0


@settings(max_examples=50)
@given(card_values)
def test_a_card_read_from_its_row_is_the_card_written(values):
    card = Card(*values)
    row = (*values[:4], int(values[4]), *values[5:13], int(values[13]), *values[14:])  # as SQLite returns it
    assert _card_from_row(row) == card
    assert type(_card_from_row(row).state) is CardState and type(_card_from_row(row).suspended) is bool
    store = Store(":memory:")
    try:
        store.db.conn.execute("PRAGMA foreign_keys = OFF")  # the card alone, without its note and deck
        store.insert_card(card)
        assert store.card(card.id) == card
        assert store.cards([card.id]) == [card]
    finally:
        store.close()


def test_values_of_the_wrong_length_make_no_card():
    values = (1, 2, 3, 0, CardState.NEW, 0, 0, None, None, 0, 0, 0, None, False, 0, 0, 0)
    for wrong in (values[:-1], (*values, 0)):
        with pytest.raises(ValueError):
            Card.from_values(wrong)


def test_a_log_entry_from_its_values_is_the_entry_its_constructor_makes():
    values = ("0190a1b2c3d4" + "ab" * 10, 7, 1_700_000_000_123, 3, CardState.REVIEW, 12, 30, 1_702_592_000, 20.5, 5.25, 4000, ReviewKind.REVIEW)
    fast, made = ReviewLogEntry.from_values(values), ReviewLogEntry(*values)
    assert fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.rating = 1
    for wrong in (values[:-1], (*values, 0)):
        with pytest.raises(ValueError):
            ReviewLogEntry.from_values(wrong)


def test_the_records_made_from_values_declare_nothing_but_their_fields():
    """`from_values` names the values by `__dataclass_fields__`, which would list a ClassVar or InitVar too."""
    made_from_values = [c for c in vars(model).values() if isinstance(c, type) and issubclass(c, MadeFromValues) and c is not MadeFromValues]
    assert {Card, ReviewLogEntry} <= set(made_from_values)
    for record in made_from_values:
        assert list(record.__dataclass_fields__) == [f.name for f in dataclasses.fields(record)]
