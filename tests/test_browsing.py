"""Browser core (no Qt): full-text search, sorting in SQL, rows and cell text, bulk edits, saved searches."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from heatcards.browsing import (
    COLUMNS,
    CellContext,
    answer_text,
    cell_text,
    days_text,
    search_for,
    split_tags,
)
from heatcards.errors import InvalidInputError, NotFoundError
from heatcards.model import Card, CardState, Note, Rating
from heatcards.search import SearchContext, fold, parse_search, strip_html
from heatcards.storage.browse_sql import CARD_ORDER, NOTE_ORDER, fts_query
from heatcards.storage.search_sql import compile_search

TEXTS = [
    "Straße in <b>Köln</b>", "STRASSE", "Ünïcödé résumé", "ΣΊΣΥΦΟΣ and σίσυφος", "plain dog cat",
    "dog&amp;cat", "d<i>o</i>g house", "İstanbul", "ﬁsh ﬂour", "e\u0301clair", "éclair", "a_b*c", 'say "hi"',
    "x" * 50, "", "1995 Heat", "heat-wave", "déjà vu", "naïve café",
]


def add(collection, front, back="", deck="Films", tags=(), notetype="Basic"):
    return collection.add_note(notetype, {"Front": front, "Back": back}, deck, tags=tags)


@pytest.fixture
def texts(collection):
    for i, text in enumerate(TEXTS):
        add(collection, text or "empty front", TEXTS[-1 - i], tags=[f"t{i % 3}"])
    return collection


def ids_without_fts(collection, query: str) -> list[int]:
    where, params = compile_search(
        parse_search(query), collection.store,
        SearchContext(now=collection.now(), calendar=collection.calendar), use_fts=False,
    )
    return collection.store.card_ids(where, params)


def substring_reference(collection, word: str) -> set[int]:
    """Anki's plain-word semantics computed in Python: any field, markup removed, case-folded."""
    wanted = fold(word)
    found = set()
    for card_id in collection.find_cards(""):
        note = collection.note(collection.card(card_id).note_id)
        if any(wanted in fold(strip_html(value)) for value in note.fields):
            found.add(card_id)
    return found


# --- full-text search --------------------------------------------------------------------

def test_plain_word_search_uses_the_fts_index(texts):
    where, params = compile_search(parse_search("köln"), texts.store, SearchContext(texts.now(), texts.calendar))
    assert "notes_text MATCH" in where
    assert "köln" in params[0]
    short, _ = compile_search(parse_search("ko"), texts.store, SearchContext(texts.now(), texts.calendar))
    assert "notes_text" not in short  # two characters: no trigram to look up


@pytest.mark.parametrize("word", ["straße", "strasse", "KÖLN", "σίσυφος", "ΣΊΣΥΦΟΣ", "istanbul", "fish", "éclair",
                                  "dog&cat", "dog", "og hou", "a\\_b\\*c", "d*g", "he_t", "\"say \\\"hi\"", "déjà",
                                  "xxxxxxxxxx", "dog cat", "-dog", "front:*köln*", "back:*dog*"])
def test_fts_gives_the_same_cards_as_the_substring_path(texts, word):
    assert texts.find_cards(word) == ids_without_fts(texts, word)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.one_of(
    st.sampled_from([t[i:i + n] for t in TEXTS for i in range(len(t)) for n in (3, 4, 6) if len(t[i:i + n]) == n]),
    st.text(alphabet="abcdeéßsSΣσςkölnÖ<>&; *_\"", min_size=1, max_size=8),
))
def test_fts_equals_substring_search_for_random_words(texts, word):
    query = '"' + word.replace("\\", "\\\\").replace('"', '\\"').replace("*", "\\*").replace("_", "\\_") + '"'
    if not word.strip():
        return
    found = texts.find_cards(query)
    assert found == ids_without_fts(texts, query)
    assert set(found) == substring_reference(texts, word)


def test_fts_query_takes_the_literal_runs_of_a_glob():
    assert fts_query("dog") == '"dog"'
    assert fts_query("do") is None
    assert fts_query("ab*cde_fgh") == '"cde" AND "fgh"'
    assert fts_query('say"x') == '"say""x"'
    assert fts_query("STRAßE") == '"strasse"'  # folded as the exact test folds


def test_index_follows_edits_deletions_undo_and_bulk_loads(collection):
    note = add(collection, "original words")
    assert collection.find_cards("original")
    collection.update_note(note.id, {"Front": "replacement text", "Back": ""})
    assert not collection.find_cards("original")
    assert collection.find_cards("replacement")
    collection.find_and_replace([note.id], "replacement", "substitute")
    assert collection.find_cards("substitute") and not collection.find_cards("replacement")
    collection.undo()
    assert collection.find_cards("replacement") and not collection.find_cards("substitute")
    collection.delete_notes([note.id])
    assert not collection.find_cards("replacement")
    collection.undo()  # the note comes back, and with it its index entry
    assert collection.find_cards("replacement")
    bulk = Note(id=note.id + 1000, guid="bulk", notetype_id=note.notetype_id, fields=("bulk<b>loaded</b>", "x"),
                tags=(), created=1, modified=1)
    card = Card(id=note.id + 1000, note_id=bulk.id, deck_id=collection.deck_named("Films").id, ordinal=0, due=99)
    with collection.store.transaction():  # the path importers and benchmarks take
        collection.store.insert_notes([bulk])
        collection.store.insert_cards([card])
    assert collection.find_cards("BULKLOADED") == [card.id]
    assert collection.find_cards("", order="sort_field")[0] == card.id  # its sort key was written too


# --- sorting ----------------------------------------------------------------------------------

def test_every_column_sorts_in_sql_in_both_modes(heat_collection):
    everything = set(heat_collection.find_cards(""))
    notes = set(heat_collection.find_notes(""))
    for column in COLUMNS:
        assert column.key in CARD_ORDER and column.key in NOTE_ORDER
        for descending in (False, True):
            assert set(heat_collection.find_cards("", order=column.key, descending=descending)) == everything
            assert set(heat_collection.find_notes("", order=column.key, descending=descending)) == notes


def test_sort_orders(collection, clock):
    b = add(collection, "banana")
    a = add(collection, "<b>Apple</b>")
    c = add(collection, "cherry")
    card = lambda note: collection.find_cards(f"nid:{note.id}")[0]  # noqa: E731
    assert collection.find_cards("", order="sort_field") == [card(a), card(b), card(c)]
    assert collection.find_cards("", order="question", descending=True) == [card(c), card(b), card(a)]
    collection.answer(card(c), Rating.GOOD)
    collection.answer(card(c), Rating.GOOD)
    collection.answer(card(b), Rating.AGAIN)
    reviews = collection.find_cards("", order="reviews", descending=True)
    assert reviews[0] == card(c)
    due = collection.find_cards("", order="due")
    assert due[-1] == card(a)  # new cards after every scheduled one
    assert collection.find_cards("", order="due", descending=True)[0] == card(a)
    with pytest.raises(ValueError):
        collection.find_cards("", order="nonsense")


# --- rows and cells -----------------------------------------------------------------------------

def test_rows_in_cards_and_notes_mode(collection, clock):
    note = collection.add_note("Basic (and reversed card)", {"Front": "<b>Heat</b>", "Back": "Mann"}, "Films::1995",
                               tags=["film", "crime"])
    cards = collection.find_cards(f"nid:{note.id}")
    collection.answer(cards[0], Rating.GOOD)
    collection.set_deck([cards[1]], collection.add_deck("Other").id)
    clock.advance(3600)
    rows = collection.browser_rows(cards, rendered=True)
    assert [r.id for r in rows] == cards
    first = rows[0]
    context = collection.cell_context()
    assert first.question == "Heat" and first.answer == "Mann"
    assert cell_text("sort_field", first, context) == "Heat"
    assert cell_text("deck", first, context) == "Films::1995"
    assert cell_text("tags", first, context) == "film crime"
    assert cell_text("reviews", first, context) == "1"
    assert cell_text("due", rows[1], context) == "New #2"
    assert cell_text("interval", rows[1], context) == ""
    assert cell_text("retrievability", first, context).endswith("%")
    assert rows[1].question == "Mann"
    (combined,) = collection.browser_rows([note.id], notes=True)
    assert combined.card_count == 2 and combined.reviews == 1
    assert cell_text("deck", combined, context) == "(2 decks)"
    assert collection.browser_rows([12345]) == []  # gone: left out


def test_cell_text_formats():
    from dataclasses import replace
    from datetime import timezone

    from heatcards.browsing import BrowserRow
    from heatcards.clock import DayCalendar

    row = BrowserRow(id=1, note_id=1, card_count=1, ordinal=0, deck="D", deck_count=1, state=CardState.REVIEW,
                     due=1772452800 + 86400, interval=45, stability=12.345, difficulty=5.5, retrievability=0.876,
                     reviews=3, lapses=1, suspended=False, buried_until=0, flag=0, fields=("<i>x</i> &amp; y",),
                     tags=(), notetype_id=1, notetype="Basic", created=1772452800, modified=1772452800, source="")
    context = CellContext(1772452800, DayCalendar(timezone.utc, 4))
    assert cell_text("due", row, context) == "2026-03-03"
    assert cell_text("due", replace(row, suspended=True), context) == "(2026-03-03)"
    assert cell_text("interval", row, context) == "1.5mo"
    assert cell_text("stability", row, context) == "12d"
    assert cell_text("difficulty", row, context) == "50%"
    assert cell_text("retrievability", row, context) == "88%"
    assert cell_text("sort_field", row, context) == "x & y"
    assert cell_text("created", row, context) == "2026-03-02"
    assert cell_text("due", replace(row, state=CardState.LEARNING, due=1772452800 + 600), context) == "2026-03-02 12:10"
    assert days_text(0.44) == "0.4d"
    with pytest.raises(KeyError):
        cell_text("nope", row, context)


def test_answer_text_drops_the_repeated_question():
    assert answer_text("Q", "Q<hr id=answer>A <b>b</b>") == "A b"
    assert answer_text("Q", "Q and A") == "and A"
    assert answer_text("Q", "Other") == "Other"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(alphabet='ab:_*"()-\\ é', min_size=1, max_size=10).filter(lambda n: n.strip() and "::" not in n
                                                                          and all(p.strip() for p in n.split("::"))))
def test_side_panel_searches_match_exactly_that_deck(collection, name):
    try:
        deck = collection.add_deck(name)
    except InvalidInputError:
        return
    note = add(collection, f"card in {deck.id}", deck=deck.name)
    add(collection, "elsewhere", deck="Elsewhere")
    found = collection.find_cards(search_for("deck", deck.name))
    assert collection.find_cards(f"nid:{note.id}")[0] in found
    assert all(collection.card(c).deck_id in collection.deck_tree_ids(deck) for c in found)


def test_side_panel_searches_for_tags_and_note_types(collection):
    tagged = add(collection, "one", tags=["a::b*c"])
    add(collection, "two", tags=["a::bxc"])
    assert collection.find_notes(search_for("tag", "a::b*c")) == [tagged.id]
    assert len(collection.find_notes(search_for("tag", "a"))) == 2
    assert len(collection.find_notes(search_for("note", "Basic"))) == 2
    assert search_for("flag", "3") == "flag:3"


# --- bulk edits --------------------------------------------------------------------------------

def test_set_deck_is_one_undoable_step(collection):
    notes = [add(collection, f"n{i}") for i in range(3)]
    cards = collection.find_cards("")
    other = collection.add_deck("Other")
    changes = collection.set_deck(cards[:2], other.id)
    assert changes.cards == frozenset(cards[:2]) and changes.decks
    assert [collection.card(c).deck_id for c in cards].count(other.id) == 2
    assert collection.undo() == "change deck"
    assert all(collection.card(c).deck_id != other.id for c in cards)
    with pytest.raises(NotFoundError):
        collection.set_deck(cards, 987654)
    assert len(notes) == 3


def test_add_and_remove_tags(collection):
    a = add(collection, "a", tags=["Keep", "old"])
    b = add(collection, "b")
    changes = collection.add_tags([a.id, b.id], ["new", "keep", "x::y"])
    assert changes.notes == {a.id, b.id}
    assert collection.note(a.id).tags == ("Keep", "old", "new", "x::y")
    assert collection.note(b.id).tags == ("new", "keep", "x::y")
    assert collection.add_tags([a.id], ["NEW"]).notes == frozenset()  # nothing to do: no step
    collection.remove_tags([a.id, b.id], ["OLD", "x"])
    assert collection.note(a.id).tags == ("Keep", "new", "x::y")
    assert collection.undo() == "remove tags"
    assert collection.note(a.id).tags == ("Keep", "old", "new", "x::y")
    assert collection.undo() == "add tags"
    assert collection.note(b.id).tags == ()
    with pytest.raises(NotFoundError):
        collection.add_tags([424242], ["t"])


def test_find_and_replace(collection):
    a = add(collection, "The Dog barks", "dog food")
    b = add(collection, "no match here", "cat")
    result = collection.find_and_replace([a.id, b.id], "dog", "cat")
    assert result.notes_changed == 1 and result.changes.notes == {a.id}
    assert collection.note(a.id).fields == ("The cat barks", "cat food")
    collection.undo()
    assert collection.find_and_replace([a.id], "dog", "cat", match_case=True).notes_changed == 1
    assert collection.note(a.id).fields == ("The Dog barks", "cat food")
    collection.undo()
    collection.find_and_replace([a.id], "dog", "wolf", field="Front")
    assert collection.note(a.id).fields == ("The wolf barks", "dog food")
    collection.find_and_replace([a.id], r"(\w+) (barks)", r"\2 \1", regex=True)
    assert collection.note(a.id).fields[0] == "The barks wolf"
    collection.find_and_replace([a.id], "The", r"\1")  # literal: backslashes stay as typed
    assert collection.note(a.id).fields[0] == r"\1 barks wolf"
    with pytest.raises(InvalidInputError, match="regular expression"):
        collection.find_and_replace([a.id], "(", "x", regex=True)
    with pytest.raises(InvalidInputError, match="regular expression"):
        collection.find_and_replace([a.id], "a", r"\9", regex=True)
    with pytest.raises(InvalidInputError, match="no note type has a field"):
        collection.find_and_replace([a.id], "a", "b", field="Nope")
    with pytest.raises(InvalidInputError):
        collection.find_and_replace([a.id], "", "b")


def test_unbury(collection):
    add(collection, "x")
    cards = collection.find_cards("")
    collection.bury(cards)
    assert collection.find_cards("is:buried") == cards
    collection.unbury(cards)
    assert collection.find_cards("is:buried") == []
    assert collection.undo() == "unbury"


def test_saved_searches(collection):
    collection.save_search("Due soon", "prop:due<=3")
    collection.save_search("Cast", "tag:cast")
    assert collection.saved_searches() == {"Due soon": "prop:due<=3", "Cast": "tag:cast"}
    collection.save_search("Cast", "tag:cast -is:new")
    assert collection.saved_searches()["Cast"] == "tag:cast -is:new"
    collection.remove_saved_search("Due soon")
    assert list(collection.saved_searches()) == ["Cast"]
    with pytest.raises(NotFoundError):
        collection.remove_saved_search("Due soon")
    with pytest.raises(InvalidInputError):
        collection.save_search("  ", "x")
    from heatcards.errors import SearchSyntaxError
    with pytest.raises(SearchSyntaxError):
        collection.save_search("Broken", "(")


def test_split_tags():
    assert split_tags(" a, b  c,,d ") == ("a", "b", "c", "d")


def test_find_and_replace_that_adds_a_cloze_number_adds_its_card_and_undo_removes_it(collection):
    note = collection.add_note("Cloze", ["{{c1::Paris}} is in France", ""], "Geo")
    result = collection.find_and_replace([note.id], "France", "{{c2::France}}")
    assert result.notes_changed == 1
    cards = collection.store.cards_of_note(note.id)
    assert [c.ordinal for c in cards] == [0, 1]
    assert result.changes.cards == {cards[1].id}
    assert collection.counts(collection.deck_named("Geo")).new == 2
    collection.undo()
    assert [c.ordinal for c in collection.store.cards_of_note(note.id)] == [0]
    assert collection.note(note.id).fields[0] == "{{c1::Paris}} is in France"
