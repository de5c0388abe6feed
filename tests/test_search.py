"""Anki's search syntax: the parser (heatcards.search) and its SQL (heatcards.storage.search_sql)."""
from __future__ import annotations

import math
import re
import sqlite3
from datetime import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heatcards.clock import DayCalendar
from heatcards.errors import SearchSyntaxError
from heatcards.model import Card, CardState, CardTemplate, Note, NoteType, NoteTypeKind, Preset, ReviewKind, ReviewLogEntry
from heatcards.search import (
    MAX_NESTING,
    MAX_TERMS,
    And,
    Not,
    Or,
    SearchContext,
    Term,
    fold,
    glob_matcher,
    parse_search,
    strip_html,
)
from heatcards.storage import Store
from heatcards.scheduling import DEFAULT_DECAY
from heatcards.storage import search_sql
from heatcards.storage.search_sql import compile_search

NOON = 1772452800  # 2026-03-02 12:00 UTC
DAY = 86400
CALENDAR = DayCalendar(tz=timezone.utc, rollover_hour=4)
TODAY_START = NOON - 8 * 3600  # 04:00 UTC
CONTEXT = SearchContext(now=NOON, calendar=CALENDAR)
CUSTOM_DECAY = 0.5


def text(value: str) -> Term:
    return Term("text", value)


# --- parser: the tree ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", And(())),
        ("   ", And(())),
        ("dog", text("dog")),
        ("dog cat", And((text("dog"), text("cat")))),
        ("dog and cat", And((text("dog"), text("cat")))),
        ("dog AND cat", And((text("dog"), text("cat")))),
        ("dog or cat", Or((text("dog"), text("cat")))),
        ("dog Or cat", Or((text("dog"), text("cat")))),
        # AND binds tighter than OR, as in Anki (whose SQL relies on SQL's precedence)
        ("a or b c", Or((text("a"), And((text("b"), text("c")))))),
        ("a b or c", Or((And((text("a"), text("b"))), text("c")))),
        ("-dog", Not(text("dog"))),
        ("-(a or b) c", And((Not(Or((text("a"), text("b")))), text("c")))),
        ("(a b) (c)", And((text("a"), text("b"), text("c")))),
        ("((a))", text("a")),
        ('"a dog"', text("a dog")),
        ('"and"', text("and")),
        ('-"a b"', Not(text("a b"))),
        ('a"b"(c)', And((text("a"), text("b"), text("c")))),
        ("a-b", text("a-b")),
        ("-", text("-")),
        ("--a", Not(text("-a"))),
        (r"\-a", text("-a")),
        ("d*g d_g", And((text("d*g"), text("d_g")))),
        # glob escapes stay escaped in values; parser escapes are resolved
        (r"\*\_\\", text(r"\*\_\\")),
        (r"\"\:\(\)", text('":()')),
        (r'"a \" b"', text('a " b')),
        ("front:dog", Term("field", "dog", name="front")),
        ("Front:*dog*", Term("field", "*dog*", name="Front")),
        ("front:", Term("field", "", name="front")),
        ('front:"a b"', Term("field", "a b", name="front")),
        ("front:re:^d.g$", Term("field_regex", "^d.g$", name="front")),
        ("front:nc:ete", Term("field_nc", "ete", name="front")),
        ("front:a:b", Term("field", "a:b", name="front")),
        (r"a\:b", text("a:b")),
        ("deck:French", Term("deck", "French")),
        ('"deck:My Deck"', Term("deck", "My Deck")),
        ('deck:"My Deck"', Term("deck", "My Deck")),
        ('-deck:"My Deck"', Not(Term("deck", "My Deck"))),
        ("DECK:a::b*", Term("deck", "a::b*")),
        ("tag:animal", Term("tag", "animal")),
        ("tag:none", Term("untagged")),
        ("tag:re:^a", Term("tag_regex", "^a")),
        ("note:Basic", Term("note", "Basic")),
        ("card:2", Term("card", number=2)),
        ('"card:Card 2"', Term("card", "Card 2")),
        ("is:due", Term("is", "due")),
        ("is:Suspended", Term("is", "suspended")),
        ("flag:0", Term("flag", number=0)),
        ("flag:7", Term("flag", number=7)),
        ("prop:ivl>=10", Term("prop", name="ivl", op=">=", number=10)),
        ("prop:due<=-1", Term("prop", name="due", op="<=", number=-1)),
        ("prop:lapses>3", Term("prop", name="lapses", op=">", number=3)),
        ("prop:reps!=10", Term("prop", name="reps", op="!=", number=10)),
        ("prop:s>21", Term("prop", name="s", op=">", number=21.0)),
        ("prop:d=0.3", Term("prop", name="d", op="=", number=0.3)),
        ("prop:r<.9", Term("prop", name="r", op="<", number=0.9)),
        ("added:7", Term("added", number=7)),
        ("added:0", Term("added", number=1)),
        ("edited:3", Term("edited", number=3)),
        ("introduced:2", Term("introduced", number=2)),
        ("rated:7", Term("rated", number=7)),
        ("rated:7:1", Term("rated", number=7, rating=1)),
        ("resched:2", Term("resched", number=2)),
        ("nid:1,2,3", Term("nid", ids=(1, 2, 3))),
        ("cid:4", Term("cid", ids=(4,))),
        ("did:5", Term("did", ids=(5,))),
        ("mid:6", Term("mid", ids=(6,))),
        ("re:d.g", Term("regex", "d.g")),
        (r're:"\bd\"g"', Term("regex", r'\bd"g')),
        ("nc:ete", Term("nc", "ete")),
        ("w:dog*", Term("word", "dog*")),
        ("preset:Default", Term("preset", "Default")),
        ("dog\u3000cat", And((text("dog"), text("cat")))),
    ],
)
def test_parse(query, expected):
    assert parse_search(query) == expected


def test_nodes_are_frozen_and_hashable():
    node = parse_search("a (b or -c)")
    assert hash(node) == hash(parse_search("a (b or -c)"))
    with pytest.raises(AttributeError):
        node.children = ()  # type: ignore[misc]


# --- parser: errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, message",
    [
        ("(a b", "unbalanced parenthesis at position 1: this '(' is never closed"),
        ("a (b (c)", "unbalanced parenthesis at position 3: this '(' is never closed"),
        ("a b) c", "unbalanced parenthesis at position 4: this ')' has no matching '('"),
        ("(a) b)", "unbalanced parenthesis at position 6"),
        ("a ( ) b", "empty parentheses at position 3"),
        ("and a", "misplaced 'and' at position 1"),
        ("a or", "misplaced 'or' at position 3"),
        ("a and or b", "misplaced 'or' at position 7"),
        ("(a or) b", "misplaced 'or' at position 4"),
        ('a "b c', "unclosed quote at position 3"),
        ('deck:"b c', "unclosed quote at position 6"),
        ('x ""', 'empty quotes "" at position 3'),
        ('deck:""', 'empty quotes "" at position 6'),
        ("a :b", "missing field name or keyword before ':' at position 3"),
        ("a\\", "lone backslash at position 2"),
        (r"a \q", r"unknown escape '\q' at position 3"),
        (r'"a \ b"', r"unknown escape '\ ' at position 4"),
        ("is:xyz", "is:xyz is not a known state at position 1"),
        ("a is:", "is: is not a known state at position 3"),
        ("prop:foo>3", "unknown property 'foo' in prop:foo>3 at position 1"),
        ("prop:ease>2", "unknown property 'ease' in prop:ease>2 at position 1"),
        ("prop:ivl", "missing comparison in prop:ivl at position 1"),
        ("prop:ivl~3", "missing comparison in prop:ivl~3 at position 1"),
        ("prop:ivl>1.5", "invalid number '1.5' in prop:ivl>1.5 at position 1"),
        ("prop:reps>-1", "invalid number '-1' in prop:reps>-1 at position 1"),
        ("prop:due<x", "invalid number 'x' in prop:due<x at position 1"),
        ("prop:s>", "invalid number '' in prop:s> at position 1"),
        ("prop:rated=1", "invalid day '1' in prop:rated=1 at position 1"),
        ("prop:resched>x", "invalid day 'x' in prop:resched>x at position 1"),
        ("flag:8", "invalid flag in flag:8 at position 1"),
        ("flag:-1", "invalid flag in flag:-1 at position 1"),
        ("added:x", "invalid number of days in added:x at position 1"),
        ("edited:-2", "invalid number of days in edited:-2 at position 1"),
        ("rated:7:5", "invalid answer in rated:7:5 at position 1"),
        ("rated:x", "invalid number of days in rated:x at position 1"),
        ("nid:1,,2", "invalid id list in nid:1,,2 at position 1"),
        ("cid:", "invalid id list in cid: at position 1"),
        ("deck:", "missing value in deck: at position 1"),
        ("tag:", "missing value in tag: at position 1"),
        ("re:[a", "invalid regular expression in re:[a at position 1"),
        ("front:re:[", "invalid regular expression in front:re:[ at position 1"),
        ("front:re:(", "missing regular expression in front:re: at position 1"),
        ("dupe:1,x", "dupe: searches are not supported at position 1"),
        ("a \ud800", "invalid character (a lone surrogate) at position 3"),
    ],
)
def test_syntax_errors_say_what_and_where(query, message):
    with pytest.raises(SearchSyntaxError) as caught:
        parse_search(query)
    assert message in str(caught.value)
    position = int(str(caught.value).split(" at position ")[1].split(":")[0])
    assert caught.value.offset == position - 1


def test_limits_are_syntax_errors():
    parse_search("(" * MAX_NESTING + "a" + ")" * MAX_NESTING)
    with pytest.raises(SearchSyntaxError, match="nested"):
        parse_search("(" * (MAX_NESTING + 1) + "a" + ")" * (MAX_NESTING + 1))
    with pytest.raises(SearchSyntaxError, match="nested"):
        parse_search("(" * 5000)
    parse_search(" ".join(["a"] * MAX_TERMS))
    with pytest.raises(SearchSyntaxError, match="more than"):
        parse_search(" ".join(["a"] * (MAX_TERMS + 1)))


@pytest.mark.parametrize("key", ["nid:", "cid:", "flag:", "card:", "added:", "rated:", "rated:1:", "prop:ivl>", "prop:due<-", "prop:r<", "prop:rated>-"])
def test_enormous_numbers_are_not_a_crash(store, key):
    query = key + "9" * 5000
    try:
        node = parse_search(query)
    except SearchSyntaxError:
        return
    where, params = compile_search(node, store, CONTEXT)
    store.card_ids(where, params)


def test_non_text_is_refused_cleanly():
    with pytest.raises(SearchSyntaxError):
        parse_search(None)  # type: ignore[arg-type]


SEARCH_ALPHABET = st.sampled_from(list('ab:-()"\\*_ \u3000Éé,.<>=!01279') + ["and", "or", "deck:", "prop:", "is:"])


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.text(), st.lists(SEARCH_ALPHABET, max_size=30).map("".join)))
def test_any_text_parses_or_raises_search_syntax_error(query):
    try:
        node = parse_search(query)
    except SearchSyntaxError as error:
        assert 0 <= error.offset <= len(query)
        assert f"at position {error.offset + 1}" in str(error)
    else:
        assert isinstance(node, (And, Or, Not, Term))


# --- text helpers ------------------------------------------------------------------------


def test_strip_html_and_fold():
    assert strip_html("<b>chien</b> &amp; <i>chat</i>") == "chien & chat"
    assert strip_html("a<br>b") == "a b"
    assert strip_html("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2"
    assert strip_html("<style>.x{}</style>text<!-- note -->") == "text"
    assert fold("ÉTÉ") == fold("été") == "été"
    assert fold("Straße") == "strasse"
    assert fold("e\u0301te\u0301") == "été"
    assert fold("Été", no_combining=True) == "ete"


@pytest.mark.parametrize(
    "glob, whole, value, expected",
    [
        ("dog", False, "hot dog stand", True),
        ("dog", True, "hot dog stand", False),
        ("*dog*", True, "hot dog stand", True),
        ("d_g", True, "dig", True),
        ("d_g", True, "dg", False),
        ("d*g", True, "dg", True),
        (r"d\*g", True, "d*g", True),
        (r"d\*g", True, "dog", False),
        (r"a\_b", False, "xa_by", True),
        (r"a\_b", False, "xacby", False),
        (r"a\\b", True, "a\\b", True),
        ("", True, "", True),
        ("", True, "x", False),
        ("*a*a*a*a*a*a*a*b", True, "a" * 3000, False),
        ("*a*b*", True, "xxaxxbxx", True),
        ("a*b*c", True, "abbc", True),
        ("a*b*c", True, "abcb", False),
    ],
)
def test_glob_matcher(glob, whole, value, expected):
    assert glob_matcher(glob, whole=whole)(value) is expected


# --- SQL: a small collection -----------------------------------------------------------------


def build_store() -> tuple[Store, dict]:
    store = Store(":memory:")
    default_preset = store.save_preset(Preset(id=None, name="Default"))
    custom = store.save_preset(Preset(id=None, name="Custom", parameters=(0.4,) * 20 + (CUSTOM_DECAY,)))
    decks = {
        name: store.insert_deck(name, custom if name == "Language" else default_preset)
        for name in ("Default", "Lang", "Lang::French", "Lang::French::Verbs", "Language", "My Deck")
    }
    basic = store.insert_notetype(
        NoteType(None, "Basic", NoteTypeKind.STANDARD, ("Front", "Back"), (CardTemplate("Card 1", "{{Front}}", "{{Back}}"),))
    )
    reversed_ = store.insert_notetype(
        NoteType(
            None,
            "Basic (and reversed card)",
            NoteTypeKind.STANDARD,
            ("Front", "Back"),
            (CardTemplate("Card 1", "{{Front}}", "{{Back}}"), CardTemplate("Card 2", "{{Back}}", "{{Front}}")),
        )
    )
    cloze = store.insert_notetype(
        NoteType(None, "Cloze", NoteTypeKind.CLOZE, ("Text", "Extra"), (CardTemplate("Cloze", "{{cloze:Text}}", "{{cloze:Text}}"),))
    )
    notes = [
        # id, notetype, fields, tags, created, modified
        (1, basic, ("dog", "<b>chien</b>"), ("animal::mammal",), NOON - 3600, NOON - 3600),
        (2, basic, ("hot dog stand", "food"), ("food",), NOON - 3 * DAY, NOON - 3 * DAY),
        (3, basic, ("l'été", "summer &amp; sun"), ("Marked",), NOON - DAY, NOON - DAY),
        (4, reversed_, ("cat", "chat"), ("animal", "animal::feline", "leech"), NOON - 30 * DAY, NOON - 30 * DAY),
        (5, cloze, ("{{c1::Paris}} is in {{c2::France}}", ""), (), TODAY_START - 60, TODAY_START - 60),
        (6, basic, ("a*b_c", "under_score"), ("animals",), NOON - 10 * DAY, NOON - 100),
    ]
    for note_id, notetype, fields, tags, created, modified in notes:
        store.insert_note(Note(note_id, f"guid{note_id}", notetype, fields, tags, created, modified))
    cards = [
        Card(11, 1, decks["Default"], 0, CardState.NEW, due=1),
        Card(21, 2, decks["Lang::French"], 0, CardState.REVIEW, due=TODAY_START + 7200, interval=10, stability=12.0,
             difficulty=5.5, reps=5, lapses=1, last_review=NOON - 10 * DAY),
        Card(31, 3, decks["Lang::French::Verbs"], 0, CardState.LEARNING, due=NOON - 60, stability=0.5, difficulty=7.0,
             remaining_steps=1, reps=1, last_review=NOON - 600),
        Card(41, 4, decks["Language"], 0, CardState.REVIEW, due=TODAY_START - 3 * DAY + 3600, interval=30, stability=40.0,
             difficulty=2.0, reps=8, last_review=NOON - 33 * DAY),
        Card(42, 4, decks["Language"], 1, CardState.RELEARNING, due=NOON + DAY, interval=1, stability=2.0, difficulty=9.1,
             reps=12, lapses=4, last_review=NOON - 60, flag=1),
        Card(51, 5, decks["Default"], 0, CardState.NEW, due=2, buried_until=NOON + 3600),
        Card(52, 5, decks["Default"], 1, CardState.NEW, due=3, flag=3),
        Card(61, 6, decks["My Deck"], 0, CardState.REVIEW, due=TODAY_START - DAY + 60, interval=4, reps=3,
             last_review=NOON - 3 * DAY, suspended=True),
    ]
    for card in cards:
        store.insert_card(card)
    reviews = [
        ("r1", 21, NOON - 3600, 3, ReviewKind.REVIEW),
        ("r2", 21, NOON - 5 * DAY, 1, ReviewKind.REVIEW),
        ("r3", 41, NOON - 2 * DAY, 2, ReviewKind.REVIEW),
        ("r4", 11, NOON - 100, 0, ReviewKind.MANUAL),
        ("r5", 31, NOON - 600, 1, ReviewKind.LEARN),
        ("r6", 42, NOON - 60, 1, ReviewKind.RELEARN),
        ("r7", 42, NOON - 40 * DAY, 3, ReviewKind.LEARN),
    ]
    for review_id, card_id, time, rating, kind in reviews:
        store.insert_review(
            ReviewLogEntry(review_id, card_id, time * 1000, rating, CardState.REVIEW, 0, 0, 0, None, None, 1000, kind)
        )
    ids = {"decks": decks, "notetypes": {"basic": basic, "reversed": reversed_, "cloze": cloze}, "cards": cards}
    return store, ids


@pytest.fixture(scope="module")
def fixture():
    store, ids = build_store()
    yield store, ids
    store.close()


@pytest.fixture(scope="module")
def store(fixture):
    return fixture[0]


ALL = {11, 21, 31, 41, 42, 51, 52, 61}


def find(store: Store, query: str, context: SearchContext = CONTEXT) -> set[int]:
    where, params = compile_search(parse_search(query), store, context)
    return set(store.card_ids(where, params))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ALL),
        # words, anywhere in any field, case-insensitive, HTML ignored
        ("dog", {11, 21}),
        ("DOG", {11, 21}),
        ("chien", {11}),
        ("b", {61}),  # not the <b> tag of note 1
        ("&", {31}),
        ("amp", set()),
        ("ÉTÉ", {31}),
        ("Été", {31}),
        ("d_g", {11, 21}),
        ("d*d", {21}),
        ("*", ALL),
        (r"\*", {61}),
        (r"\_", {61}),
        ("under_score", {61}),
        ("paris france", {51, 52}),
        ('"hot dog"', {21}),
        ('"dog hot"', set()),
        ("dog hot", {21}),
        ("dog and hot", {21}),
        ("dog -hot", {11}),
        ("dog or cat", {11, 21, 41, 42}),
        ("DOG OR CAT", {11, 21, 41, 42}),
        ("(dog or cat) -hot", {11, 41, 42}),
        ("dog or cat hot", {11, 21}),
        ("-(dog or cat)", ALL - {11, 21, 41, 42}),
        ("-dog -cat", ALL - {11, 21, 41, 42}),
        ("nc:ete", {31}),
        ("w:dog", {11, 21}),
        ("w:do", set()),
        ("w:do*", {11, 21}),
        ("re:d.g", {11, 21}),
        ('re:"^hot d"', {21}),
        ("re:<b>", {11}),  # regular expressions see the raw field
        # fields: the whole field, wildcards for contains
        ("front:dog", {11}),
        ("FRONT:DOG", {11}),
        ("front:*dog*", {11, 21}),
        ("front:do", set()),
        ("back:chien", {11}),
        ("front:*ÉTÉ", {31}),
        ("front:nc:l'ete", {31}),
        ("extra:", {51, 52}),
        ("extra:_*", set()),
        ("text:*paris*", {51, 52}),
        ("fr*:cat", {41, 42}),
        ("*:chat", {41, 42}),
        ("nosuchfield:dog", set()),
        ("front:re:^d", {11}),
        ("back:re:^<b>", {11}),
        # decks include subdecks, case-insensitively, with wildcards
        ("deck:Lang", {21, 31}),
        ("deck:lang::french", {21, 31}),
        ("deck:Lang::French::Verbs", {31}),
        ("deck:Lang*", {21, 31, 41, 42}),
        ("deck:*verbs", {31}),
        ("deck:Default", {11, 51, 52}),
        ('"deck:My Deck"', {61}),
        ('deck:"my deck"', {61}),
        ("deck:My_Deck", {61}),
        ("deck:*", ALL),
        ("deck:nosuch", set()),
        ("-deck:Lang", ALL - {21, 31}),
        ("preset:custom", {41, 42}),
        # tags include children, not mere prefixes
        ("tag:animal", {11, 41, 42}),
        ("tag:ANIMAL::mammal", {11}),
        ("tag:animal::*", {11, 41, 42}),
        ("tag:anim*", {11, 41, 42, 61}),
        ("tag:animal_", {61}),
        ("tag:mammal", set()),
        ("tag:none", {51, 52}),
        ("-tag:none", ALL - {51, 52}),
        ("tag:marked", {31}),
        ("tag:re:^food$", {21}),
        ("tag:*", ALL),
        # note types and templates
        ("note:Basic", {11, 21, 31, 61}),
        ("note:basic*", {11, 21, 31, 41, 42, 61}),
        ('"note:Basic (and reversed card)"', {41, 42}),
        ("note:cloze", {51, 52}),
        ("card:1", {11, 21, 31, 41, 51, 61}),
        ("card:2", {42, 52}),
        ('"card:card 2"', {42}),
        ("card:Card*", {11, 21, 31, 41, 42, 61}),
        ("card:cloze", {51, 52}),
        # states
        ("is:new", {11, 51, 52}),
        ("is:learn", {31, 42}),
        ("is:review", {21, 41, 42, 61}),
        ("is:due", {21, 31, 41}),
        ("is:suspended", {61}),
        ("is:buried", {51}),
        ("is:marked", {31}),
        ("is:leech", {41, 42}),
        ("-is:new -is:suspended", {21, 31, 41, 42}),
        ("flag:0", {11, 21, 31, 41, 51, 61}),
        ("flag:1", {42}),
        ("flag:3", {52}),
        ("flag:3 or flag:1", {42, 52}),
        # properties
        ("prop:ivl>=10", {21, 41}),
        ("prop:ivl<10", {11, 31, 42, 51, 52, 61}),
        ("prop:due=0", {21, 31}),
        ("prop:due<=-1", {41}),
        ("prop:due<-3", set()),
        ("prop:due<=-3", {41}),
        ("prop:due>=0", {21, 31, 42}),
        ("prop:due=1", {42}),
        ("prop:due>0", {42}),
        ("prop:due!=0", {41, 42}),
        ("prop:pos<=2", {11, 51}),
        ("prop:reps<5", {11, 31, 51, 52, 61}),
        ("prop:lapses>3", {42}),
        ("prop:lapses=1", {21}),
        ("prop:s>10", {21, 41}),
        ("prop:s<1", {31}),
        ("-prop:s>10", ALL - {21, 41}),
        ("prop:d>0.5", {31, 42}),
        ("prop:d=0.5", {21}),
        ("prop:d!=0.5", {31, 41, 42}),
        ("prop:d<=0.2", {41}),
        ("prop:r<0.95", {21, 41}),
        ("prop:r>=0.95", {31, 42}),
        # days, with the 4 a.m. rollover: note 5 was added at 03:59 today, i.e. yesterday
        ("added:1", {11}),
        ("added:0", {11}),
        ("added:2", {11, 31, 51, 52}),
        ("added:3", {11, 31, 51, 52}),
        ("added:4", {11, 21, 31, 51, 52}),
        ("edited:1", {11, 61}),
        ("rated:1", {21, 31, 42}),
        ("rated:1:1", {31, 42}),
        ("rated:3", {21, 31, 41, 42}),
        ("rated:3:2", {41}),
        ("rated:6:1", {21, 31, 42}),
        ("resched:1", {11}),
        # answered (or rescheduled) on a day counted from today, as Anki's prop:rated / prop:resched
        ("prop:rated=0", {21, 31, 42}),
        ("prop:rated=-1", set()),
        ("prop:rated=-2", {41}),
        ("prop:rated>-1", {21, 31, 42}),
        ("prop:rated>=-2", {21, 31, 41, 42}),
        ("prop:rated<-1", {21, 41, 42}),
        ("prop:rated<=-5", {21, 42}),
        ("prop:rated!=0", {21, 41, 42}),
        ("prop:resched=0", {11}),
        ("prop:resched<0", set()),
        ("introduced:1", {31}),
        ("introduced:6", {21, 31, 41}),
        # ids
        ("nid:1,2", {11, 21}),
        ("cid:11,52,999", {11, 52}),
        ("nid:99999999999999999999999", set()),
        ("-cid:11", ALL - {11}),
    ],
)
def test_filters(store, query, expected):
    assert find(store, query) == expected


def test_id_filters_use_real_ids(fixture):
    store, ids = fixture
    assert find(store, f"did:{ids['decks']['Lang::French']}") == {21}  # no subdecks, as Anki
    assert find(store, f"mid:{ids['notetypes']['cloze']}") == {51, 52}
    assert find(store, f"mid:{ids['notetypes']['cloze']},{ids['notetypes']['reversed']}") == {41, 42, 51, 52}


def reference_retrievability(stability: float, elapsed_seconds: float, decay: float) -> float:
    factor = 0.9 ** (-1 / decay) - 1
    return (1 + factor * (elapsed_seconds / DAY) / stability) ** (-decay)


def test_retrievability_uses_the_deck_presets_decay(fixture):
    store, ids = fixture
    with_default = reference_retrievability(40.0, 33 * DAY, DEFAULT_DECAY)
    with_custom = reference_retrievability(40.0, 33 * DAY, CUSTOM_DECAY)
    assert with_default < 0.914 < with_custom  # card 41's deck uses the custom preset
    assert 41 not in find(store, "prop:r<0.914")
    assert 41 in find(store, "prop:r>0.914")
    card_21 = reference_retrievability(12.0, 10 * DAY, DEFAULT_DECAY)
    assert find(store, f"prop:r<{card_21 + 1e-6:.7f}") >= {21}
    assert 21 not in find(store, f"prop:r<{card_21 - 1e-6:.7f}")


def test_day_filters_follow_the_search_moment():
    store, _ = build_store()
    try:
        # at 03:00 the next morning it is still "today" (rollover at 4 a.m.)
        late = SearchContext(now=TODAY_START + DAY - 3600, calendar=CALENDAR)
        assert find(store, "added:1", late) == {11}
        assert find(store, "is:buried", late) == set()
        # after the rollover yesterday's review cards are overdue by one more day
        tomorrow = SearchContext(now=NOON + DAY, calendar=CALENDAR)
        assert find(store, "added:1", tomorrow) == set()
        assert find(store, "prop:due=-4", tomorrow) == {41}
        assert find(store, "is:due", tomorrow) == {21, 31, 41, 42}
        assert find(store, "is:buried", tomorrow) == set()
    finally:
        store.close()


def test_parameters_carry_user_text(store):
    query = "\"front:'); DROP TABLE cards; --\""
    where, params = compile_search(parse_search(query), store, CONTEXT)
    assert "DROP" not in where and "'); DROP TABLE cards; --" in params
    assert find(store, query) == set()
    assert find(store, "") == ALL


def test_long_and_deep_searches_run(store):
    wide = " or ".join(f"w{i}" for i in range(MAX_TERMS - 1)) + " or dog"
    assert find(store, wide) == {11, 21}
    deep = "(" * MAX_NESTING + "dog" + ")" * MAX_NESTING
    assert find(store, deep) == {11, 21}
    nested_negations = "".join("-(" for _ in range(MAX_NESTING)) + "dog" + ")" * MAX_NESTING
    assert find(store, nested_negations) == {11, 21}  # an even number of negations


# --- hypothesis: compiled SQL always runs, and negation is a complement -------------------

TERMS = st.sampled_from(
    [
        "dog", "ÉTÉ", "d_g", "*", r"\*", '"hot dog"', "front:dog", "front:*dog*", "back:", "fr*:c*", "nc:ete",
        "w:do*", "re:d.g", "front:re:^d", "deck:Lang", "deck:lang*", '"deck:My Deck"', "deck:*", "tag:animal",
        "tag:none", "tag:anim*", "tag:re:a", "note:basic*", "card:1", "card:2", "card:Card*", "is:new", "is:learn",
        "is:review", "is:due", "is:suspended", "is:buried", "is:marked", "flag:0", "flag:3", "prop:ivl>=10",
        "prop:due<=-1", "prop:due=0", "prop:due!=1", "prop:pos<3", "prop:reps<5", "prop:lapses>0", "prop:s>10",
        "prop:d>0.5", "prop:r<0.95", "prop:r=0.5", "added:2", "edited:1", "rated:3", "rated:1:1", "resched:1",
        "introduced:6", "nid:1,2", "cid:11,52", "did:3", "mid:1", "preset:Default", "prop:due>99999999999",
        "prop:ivl>99999999999999999999999999", "added:99999999999999", "card:99999999999999999999",
        "prop:s>1" + "0" * 400,
    ]
)


@st.composite
def queries(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 3 and draw(st.booleans()) and draw(st.booleans()):
            part = "(" + draw(queries(depth + 1)) + ")"
        else:
            part = draw(TERMS)
        if draw(st.booleans()) and draw(st.booleans()):
            part = "-" + part
        parts.append(part)
        parts.append(draw(st.sampled_from([" ", " and ", " or ", " OR "])))
    return "".join(parts[:-1])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(queries())
def test_compiled_sql_runs_and_negation_is_the_complement(store, query):
    node = parse_search(query)
    matched = find(store, query)
    where, params = compile_search(Not(node), store, CONTEXT)
    assert set(store.card_ids(where, params)) == ALL - matched


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=40), st.lists(SEARCH_ALPHABET, max_size=25).map("".join)))
def test_any_accepted_search_compiles_to_sql_that_runs(store, query):
    try:
        node = parse_search(query)
    except SearchSyntaxError:
        return
    try:
        where, params = compile_search(node, store, CONTEXT)
        store.card_ids(where, params)
    except sqlite3.Error as error:  # pragma: no cover - the failure report
        pytest.fail(f"{query!r} gave an SQLite error: {error}")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12))
def test_a_quoted_escaped_phrase_is_literal_text_that_finds_itself(phrase):
    escaped = "".join("\\" + c if c in '\\"*_:' else c for c in phrase)
    node = parse_search(f'"{escaped}"')
    assert node == Term("text", "".join("\\" + c if c in "\\*_" else c for c in phrase))
    assert glob_matcher(node.value, whole=False)(fold(f" {phrase.upper()} "))


# --- tags: the look-up by tag finds exactly the notes whose tags match -----------------------------

# Pieces of tags: ASCII in both cases, characters that fold to ASCII (Kelvin sign, long s, sharp s),
# accents precomposed and combining, LIKE's own wildcards and escape, colons of tag paths, NUL.
TAG_PIECES = ["a", "A", "k", "K", "\u212a", "s", "S", "\u017f", "ß", "SS", "é", "É", "e\u0301", ":", "::", "%", "_", "\\", "\x00", "marked", "MarKed"]
TAG_GLOB_PIECES = TAG_PIECES + ["*", "_", "\\*", "\\_", "\\\\"]


def tag_matches_glob(tag: str, glob: str) -> bool:
    """The definition: the tag, or one of its ancestors ("a" and "a::b" of "a::b::c"), matches the glob, ignoring case."""
    parts = fold(tag).split("::")
    return any(glob_matcher(glob, whole=True)("::".join(parts[:k])) for k in range(1, len(parts) + 1))


@settings(max_examples=150, deadline=None)
def _store_with_a_basic_note_type() -> tuple[Store, int, int]:
    """An empty store with a deck and the Basic note type: (store, deck id, note type id)."""
    store = Store(":memory:")
    preset = store.save_preset(Preset(id=None, name="Default"))
    deck = store.insert_deck("Default", preset)
    basic = store.insert_notetype(
        NoteType(None, "Basic", NoteTypeKind.STANDARD, ("Front", "Back"), (CardTemplate("Card 1", "{{Front}}", "{{Back}}"),))
    )
    return store, deck, basic


@given(
    st.lists(st.lists(st.lists(st.sampled_from(TAG_PIECES), min_size=1, max_size=4).map("".join), max_size=3), min_size=1, max_size=6),
    st.lists(st.sampled_from(TAG_GLOB_PIECES), min_size=1, max_size=4).map("".join),
)
def test_tag_searches_find_exactly_the_notes_whose_tags_match(tag_lists, glob):
    store, deck, basic = _store_with_a_basic_note_type()
    try:
        for note_id, tags in enumerate(tag_lists, start=1):
            store.insert_note(Note(note_id, f"guid{note_id}", basic, ("front", "back"), tuple(tags), NOON, NOON))
            store.insert_card(Card(note_id, note_id, deck, 0, CardState.NEW, due=note_id))

        def found(node) -> set[int]:
            where, params = compile_search(node, store, CONTEXT)
            return set(store.card_ids(where, params))

        if glob != "*" and not any(c.isspace() for c in glob):
            expected = {i for i, tags in enumerate(tag_lists, start=1) if any(tag_matches_glob(t, glob) for t in tags)}
            assert found(Term("tag", glob)) == expected
        marked = {i for i, tags in enumerate(tag_lists, start=1) if any(fold(t) == "marked" for t in tags)}
        assert found(Term("is", "marked")) == marked
    finally:
        store.close()


def tag_look_up(store: Store) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """The rows of the look-up by tag (`note_tags`), and those the notes' tags define: (tag, note id)
    for each word of a note's tags column."""
    conn = store.db.conn
    held = {(tag, note_id) for tag, note_id in conn.execute("SELECT tag, note_id FROM note_tags")}
    defined = {(tag, note_id) for note_id, tags in conn.execute("SELECT id, tags FROM notes") for tag in tags.split()}
    return held, defined


def scanned(store: Store, matches) -> set[int]:
    """The cards of the notes with a tag (a word of their tags column, read now) that `matches`."""
    rows = store.db.conn.execute("SELECT c.id, n.tags FROM cards c JOIN notes n ON n.id = c.note_id")
    return {card_id for card_id, tags in rows if any(matches(tag) for tag in tags.split())}


TAG_WRITES = ("edit", "restore", "delete")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    # tab and \x1f split a tag in two when its note is read back, as any whitespace does
    st.lists(st.lists(st.lists(st.sampled_from(TAG_PIECES + ["\t", "\x1f"]), min_size=1, max_size=4).map("".join), max_size=3), min_size=1, max_size=6),
    st.booleans(),
    st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from(TAG_WRITES), st.lists(st.lists(st.sampled_from(TAG_PIECES), min_size=1, max_size=3).map("".join), max_size=3)),
        max_size=6,
    ),
    st.lists(st.sampled_from(TAG_GLOB_PIECES), min_size=1, max_size=4).map("".join),
)
def test_the_tag_look_up_after_any_writes_finds_what_a_scan_of_the_tags_finds(tag_lists, in_bulk, writes, glob):
    store, deck, basic = _store_with_a_basic_note_type()
    try:
        notes = [Note(note_id, f"guid{note_id}", basic, ("front", "back"), tuple(tags), NOON, NOON) for note_id, tags in enumerate(tag_lists, start=1)]
        cards = [Card(note.id, note.id, deck, 0, CardState.NEW, due=note.id) for note in notes]
        with store.transaction():
            if in_bulk:  # the importers' path: the notes triggers are set aside
                store.insert_notes(notes)
                store.insert_cards(cards)
            else:
                for note, card in zip(notes, cards):
                    store.insert_note(note)
                    store.insert_card(card)
        for index, write, tags in writes:
            note = Note(*astuple_of(notes[index % len(notes)])[:4], tuple(tags), NOON, NOON)
            with store.transaction():
                if write == "edit" and store.notes([note.id]):
                    store.update_notes([note])
                elif write == "restore":  # undo: the note as it was, whether it is still here or not
                    store.restore_notes([note])
                    store.restore_cards([cards[index % len(notes)]])
                else:
                    store.delete_notes([note.id])
            held, defined = tag_look_up(store)
            assert held == defined

        def found(node) -> set[int]:
            where, params = compile_search(node, store, CONTEXT)
            return set(store.card_ids(where, params))

        if glob != "*" and not any(c.isspace() for c in glob):
            expected = scanned(store, lambda tag: tag_matches_glob(tag, glob))
            assert found(Term("tag", glob)) == expected
            assert found(Not(Term("tag", glob))) == set(store.card_ids()) - expected
        assert found(Term("is", "marked")) == scanned(store, lambda tag: fold(tag) == "marked")
        assert found(Term("tag_regex", "s$|^k")) == scanned(store, lambda tag: re.search("s$|^k", tag, re.IGNORECASE) is not None)
        held, defined = tag_look_up(store)
        assert held == defined
    finally:
        store.close()


def astuple_of(note: Note) -> tuple:
    return (note.id, note.guid, note.notetype_id, note.fields)


def test_a_tag_search_tests_each_distinct_tag_once_and_reads_no_note(collection, monkeypatch):
    # 40 notes share 3 distinct tags: the search asks about 3 tags, where a scan asked about the notes
    for index in range(40):
        collection.add_note("Basic", {"Front": f"front {index}", "Back": ""}, "Default", tags=[f"lvl{index % 2}", "Shared::Child"])
    asked: list[str] = []
    test_tag = search_sql._hc_tags
    monkeypatch.setattr(search_sql, "_hc_tags", lambda tag, mode, pattern: asked.append(tag) or test_tag(tag, mode, pattern))
    assert len(collection.find_cards("tag:LVL1")) == 20
    assert sorted(asked) == ["Shared::Child", "lvl0", "lvl1"]
    where, params = compile_search(parse_search("tag:shared"), collection.store, CONTEXT)
    plan = [row[3] for row in collection.store.db.conn.execute(f"EXPLAIN QUERY PLAN SELECT c.id FROM cards c WHERE {where}", params)]
    assert [step for step in plan if "note_tags USING PRIMARY KEY (tag=?)" in step]
    assert not [step for step in plan if re.match(r"SCAN (c|cards|notes|note_tags)\b", step)]  # no note's tags read, no card scanned
    assert len(collection.find_cards("tag:shared")) == 40 and collection.find_cards("tag:shared::*") == collection.find_cards("tag:shared")


def test_the_tag_look_up_follows_every_write_path(collection):
    """Adding, editing, tagging, untagging, deleting, undoing each, importing and loading in bulk:
    the look-up holds each note's tags, and tag searches find what a scan of the tags finds."""
    from tests.test_import_export import note as incoming_note, package

    def check(expected: set[tuple[str, int]] | None = None) -> None:
        held, defined = tag_look_up(collection.store)
        assert held == defined
        if expected is not None:
            assert held == expected
        for query, matches in (("tag:verb", lambda tag: tag_matches_glob(tag, "verb")), ("tag:lvl*", lambda tag: tag_matches_glob(tag, "lvl*"))):
            assert set(collection.find_cards(query)) == scanned(collection.store, matches)

    a = collection.add_note("Basic", {"Front": "a", "Back": ""}, "Default", tags=["Verb", "lvl::1"])
    b = collection.add_note("Basic", {"Front": "b", "Back": ""}, "Default", undo_label="add note")
    check({("Verb", a.id), ("lvl::1", a.id)})
    collection.update_note(a.id, {"Front": "a", "Back": ""}, tags=["verb::past", "lvl2"], undo_label="edit note")
    check({("verb::past", a.id), ("lvl2", a.id)})
    collection.add_tags([a.id, b.id], ["lvl3", "VERB"])
    check({("verb::past", a.id), ("lvl2", a.id), ("lvl3", a.id), ("VERB", a.id), ("lvl3", b.id), ("VERB", b.id)})
    collection.remove_tags([a.id, b.id], ["lvl3"])
    check({("verb::past", a.id), ("lvl2", a.id), ("VERB", a.id), ("VERB", b.id)})
    collection.undo()  # the removal
    collection.undo()  # the addition
    check({("verb::past", a.id), ("lvl2", a.id)})
    collection.undo()  # the edit
    check({("Verb", a.id), ("lvl::1", a.id)})
    collection.delete_notes([a.id])
    check(set())
    collection.undo()  # the note comes back with its tags
    check({("Verb", a.id), ("lvl::1", a.id)})
    collection.undo()  # b's adding
    assert not collection.store.notes([b.id])
    check({("Verb", a.id), ("lvl::1", a.id)})
    collection.import_exchange(package(collection, [incoming_note(5, "g5", tags=["verb", "lvl9"])]))
    check({("Verb", a.id), ("lvl::1", a.id), ("verb", 5), ("lvl9", 5)})
    collection.import_exchange(package(collection, [incoming_note(5, "g5", front="changed", tags=["lvl8"])]))  # an update
    check({("Verb", a.id), ("lvl::1", a.id), ("lvl8", 5)})
    bulk = Note(900, "bulk", a.notetype_id, ("bulk", ""), ("verb", "lvl0"), NOON, NOON)
    with collection.store.transaction():  # the path large imports and benchmarks take
        collection.store.insert_notes([bulk])
        collection.store.insert_cards([Card(900, 900, collection.deck_named("Default").id, 0, CardState.NEW, due=900)])
    check({("Verb", a.id), ("lvl::1", a.id), ("lvl8", 5), ("verb", 900), ("lvl0", 900)})
    collection.update_note(900, {"Front": "bulk", "Back": ""}, tags=["lvl1"])  # its triggers stand again
    check({("Verb", a.id), ("lvl::1", a.id), ("lvl8", 5), ("lvl1", 900)})
