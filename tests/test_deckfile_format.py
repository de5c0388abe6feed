"""The heatcards deck file, version 2: text <-> DeckFile <-> Exchange, without a collection."""
import re
import tomllib
from dataclasses import fields, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heatcards.clock import DayCalendar
from heatcards.errors import DeckFileError, ImportFileError
from heatcards.formats.exchange import Exchange, ExchangeDocument
from heatcards.formats.heatdeck import (
    FORMAT_VERSION,
    NO_PRESET,
    DeckFile,
    DeckFileCard,
    DeckFileDeck,
    DeckFileDocument,
    DeckFileNote,
    DeckFileReview,
    DeckFileSource,
    deck_file_text,
    deck_file_to_exchange,
    exchange_to_deck_file,
    parse_deck_data,
    read_deck_file,
    write_deck_file,
)
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
    ReviewKind,
    ReviewLogEntry,
    SourceLink,
)
from heatcards.notetypes import BASIC, BUILTIN_NOTETYPES, CLOZE
from heatcards.scheduling import DEFAULT_PARAMETERS

REPO = Path(__file__).resolve().parents[1]
HEAT_DECK_FILE = REPO / "decks" / "heat.heatdeck.toml"
UTC_CALENDAR = DayCalendar(timezone.utc)
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
HEADER = 'format = "heatcards-deck"\nversion = 2\n[deck]\nname = "Main"\n'

# --- strategies ---------------------------------------------------------------------
# Characters a TOML writer must escape, or that change meaning in multi-line strings, come often.
tricky = st.sampled_from(['"', '"""', "\\", "\n", "\r\n", "\r", "\t", "\x7f", "\x00", "'", "é", "😀", " "])
text = st.lists(tricky | st.characters(blacklist_categories=("Cs",)), max_size=12).map("".join)
name = text.filter(lambda s: s.strip())
word = st.text(st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=10)
deck_part = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=":"), min_size=1, max_size=6).filter(str.strip)
deck_name = st.lists(deck_part, min_size=1, max_size=3).map("::".join)
unix_seconds = st.integers(1, 4_102_444_800)  # 1970 .. 2100
positive = st.floats(0.001, 1000, allow_nan=False)


def utc(seconds: float) -> datetime:
    return EPOCH + timedelta(seconds=seconds)


utc_second = unix_seconds.map(utc)
utc_millisecond = st.integers(1, 4_102_444_800_000).map(lambda ms: EPOCH + timedelta(milliseconds=ms))
local_date = st.dates(date(1971, 1, 1), date(2099, 12, 31))


def unique_by(key, elements, **kwargs):
    return st.lists(elements, unique_by=key, **kwargs)


presets = st.builds(
    Preset,
    id=st.none(),
    name=name,
    desired_retention=st.floats(0.70, 0.99),
    parameters=st.sampled_from([(), DEFAULT_PARAMETERS]),
    learning_steps=st.lists(st.floats(0.01, 2000), max_size=3).map(tuple),
    relearning_steps=st.lists(st.floats(0.01, 2000), max_size=2).map(tuple),
    maximum_interval=st.integers(1, 36500),
    new_per_day=st.integers(0, 9999),
    reviews_per_day=st.integers(0, 9999),
    bury_new_siblings=st.booleans(),
    bury_review_siblings=st.booleans(),
    bury_interday_learning_siblings=st.booleans(),
    leech_threshold=st.integers(1, 99),
    leech_action=st.sampled_from(LeechAction),
)


@st.composite
def custom_notetypes(draw, names=name):
    kind = draw(st.sampled_from(NoteTypeKind))
    templates = draw(
        unique_by(lambda t: t.name, st.builds(CardTemplate, name=name, front=text, back=text), min_size=1, max_size=1 if kind is NoteTypeKind.CLOZE else 3)
    )
    field_names = draw(st.lists(name, min_size=1, max_size=4, unique=True))
    return NoteType(id=None, name=draw(names), kind=kind, fields=tuple(field_names), templates=tuple(templates), css=draw(text))


@st.composite
def file_reviews(draw, review_id):
    return DeckFileReview(
        id=review_id,
        time=draw(utc_millisecond),
        rating=draw(st.integers(0, 4)),
        kind=draw(st.sampled_from(ReviewKind)),
        state_before=draw(st.sampled_from(CardState)),
        due_after=draw(utc_second),
        interval_before=draw(st.integers(0, 40000)),
        interval_after=draw(st.integers(0, 40000)),
        stability=draw(st.none() | positive),
        difficulty=draw(st.none() | positive),
        duration_ms=draw(st.integers(0, 10**7)),
    )


FILE_DUE = {
    CardState.NEW: st.integers(0, 10**6),
    CardState.LEARNING: utc_second,
    CardState.REVIEW: local_date,
    CardState.RELEARNING: utc_second,
}


@st.composite
def file_cards(draw, ordinal, decks, review_ids):
    state = draw(st.sampled_from(CardState))
    return DeckFileCard(
        ordinal=ordinal,
        deck=draw(st.none() | st.sampled_from(decks)),
        state=state,
        due=draw(FILE_DUE[state]),
        interval=draw(st.integers(0, 40000)),
        stability=draw(st.none() | positive),
        difficulty=draw(st.none() | positive),
        remaining_steps=draw(st.integers(0, 5)),
        reps=draw(st.integers(0, 500)),
        lapses=draw(st.integers(0, 50)),
        last_review=draw(st.none() | utc_second),
        suspended=draw(st.booleans()),
        buried_until=draw(st.none() | utc_second),
        flag=draw(st.integers(0, 7)),
        reviews=tuple(draw(file_reviews(next(review_ids))) for _ in range(draw(st.integers(0, 3)))),
    )


@st.composite
def deck_files(draw):
    """Any valid deck file: the parser's view, so note types and fields need not match."""
    file_presets = draw(unique_by(lambda p: p.name, presets, max_size=2))
    preset_name = st.none() | st.sampled_from([p.name for p in file_presets]) if file_presets else st.none()
    main = draw(deck_name)
    decks = draw(unique_by(lambda d: d.name, st.builds(DeckFileDeck, name=deck_name.filter(lambda n: n != main), description=text, preset=preset_name), max_size=2))
    documents = tuple(DeckFileDocument(key=f"doc{i}", title=draw(text), file=draw(text), sha256=draw(text)) for i in range(draw(st.integers(0, 2))))
    review_ids = iter(f"r{i}" for i in range(10**6))
    notes = []
    for i in range(draw(st.integers(0, 4))):
        source = None
        if documents and draw(st.booleans()):
            start = draw(st.integers(0, 1000))
            source = DeckFileSource(
                document=draw(st.sampled_from(documents)).key,
                paragraph=draw(st.none() | st.integers(1, 50)),
                span=draw(st.none() | st.just((start, start + draw(st.integers(0, 100))))),
            )
        ordinals = draw(st.lists(st.integers(0, 20), max_size=3, unique=True))
        card_decks = [main, *(d.name for d in decks), "Elsewhere::Sub"]
        notes.append(
            DeckFileNote(
                guid=f"g{i}-{draw(text)}",
                notetype=draw(st.sampled_from(["Basic", "Cloze", "My type"])),
                fields={field: draw(text) for field in draw(st.lists(text, max_size=4, unique=True))},
                tags=tuple(draw(st.lists(word, max_size=3))),
                deck=draw(st.none() | st.just("A::B")),
                source=source,
                created=draw(st.none() | utc_second),
                modified=draw(st.none() | utc_second),
                cards=tuple(draw(file_cards(o, card_decks, review_ids)) for o in ordinals),
            )
        )
    return DeckFile(
        name=main,
        description=draw(text),
        documents=documents,
        notes=tuple(notes),
        preset=draw(preset_name),
        decks=tuple(decks),
        presets=tuple(file_presets),
        notetypes=tuple(draw(unique_by(lambda n: n.name, custom_notetypes(), max_size=2))),
    )


calendars = st.builds(
    DayCalendar,
    tz=st.sampled_from([timezone.utc, timezone(timedelta(hours=-5)), ZoneInfo("Europe/Berlin"), ZoneInfo("Asia/Kolkata")]),
    rollover_hour=st.integers(0, 23),
)


@st.composite
def exchanges(draw, calendar):
    """Exchanges in heatcards' conventions (review cards due at a local day's start), with arbitrary ids."""
    ids = iter(draw(st.lists(st.integers(1, 10**9), min_size=100, max_size=100, unique=True)))  # enough for every record
    custom_names = name.filter(lambda n: n not in {b.name for b in BUILTIN_NOTETYPES})
    customs = [replace(n, id=next(ids)) for n in draw(unique_by(lambda n: n.name, custom_notetypes(custom_names), max_size=2))]
    builtins = [replace(n, id=next(ids)) for n in draw(st.lists(st.sampled_from(BUILTIN_NOTETYPES), min_size=1, max_size=3, unique=True))]
    notetypes = [*customs, *builtins]
    exchange_presets = [replace(p, id=next(ids)) for p in draw(unique_by(lambda p: p.name, presets, max_size=2))]
    preset_id = st.sampled_from([NO_PRESET, *(p.id for p in exchange_presets)])
    decks = [
        Deck(id=next(ids), name=n, preset_id=draw(preset_id), description=draw(text))
        for n in draw(st.lists(deck_name, min_size=1, max_size=3, unique=True))
    ]
    documents = [
        ExchangeDocument(id=next(ids), title=draw(text), file_name=draw(text), sha256=draw(text), key=f"document-{i}")
        for i in range(draw(st.integers(0, 2)))
    ]
    notes, cards, reviews, new_note_decks = [], [], [], {}
    # every built-in note type is used by a note (a file names them only there); custom ones need not be
    note_types = draw(st.permutations([*builtins, *draw(st.lists(st.sampled_from(notetypes), max_size=3))]))
    for i, notetype in enumerate(note_types):
        note = Note(
            id=next(ids),
            guid=f"n{i}{draw(text)}",
            notetype_id=notetype.id,
            fields=tuple(draw(text) for _ in notetype.fields),
            tags=tuple(draw(st.lists(word, max_size=3))),
            created=draw(st.sampled_from([0]) | unix_seconds),
            modified=draw(st.sampled_from([0]) | unix_seconds),
            source=draw(st.none() | sources(documents)) if documents else None,
        )
        notes.append(note)
        highest = len(notetype.templates) - 1 if notetype.kind is NoteTypeKind.STANDARD else 30
        ordinals = draw(st.lists(st.integers(0, highest), max_size=3, unique=True))
        if not ordinals:
            new_note_decks[note.id] = draw(st.sampled_from(decks)).id
        for ordinal in ordinals:
            card = draw(exchange_cards(next(ids), note.id, ordinal, decks, calendar))
            cards.append(card)
            reviews += [draw(exchange_reviews(f"{card.id}-{k}", card.id)) for k in range(draw(st.integers(0, 2)))]
    return Exchange(
        notetypes=tuple(notetypes),
        presets=tuple(exchange_presets),
        decks=tuple(decks),
        notes=tuple(notes),
        cards=tuple(cards),
        new_note_decks=new_note_decks,
        reviews=tuple(reviews),
        documents=tuple(documents),
    )


@st.composite
def sources(draw, documents):
    span = draw(st.none() | st.tuples(st.integers(0, 500), st.integers(0, 500)).map(sorted))
    start, end = span or (None, None)
    return SourceLink(draw(st.sampled_from(documents)).id, start, end, draw(st.none() | st.integers(1, 50)))


@st.composite
def exchange_cards(draw, card_id, note_id, ordinal, decks, calendar):
    state = draw(st.sampled_from(CardState))
    due = {
        CardState.NEW: st.integers(0, 10**6),
        CardState.REVIEW: st.integers(1, 47000).map(calendar.day_start),
    }.get(state, unix_seconds)
    return Card(
        id=card_id,
        note_id=note_id,
        deck_id=draw(st.sampled_from(decks)).id,
        ordinal=ordinal,
        state=state,
        due=draw(due),
        interval=draw(st.integers(0, 40000)),
        stability=draw(st.none() | positive),
        difficulty=draw(st.none() | positive),
        remaining_steps=draw(st.integers(0, 5)),
        reps=draw(st.integers(0, 500)),
        lapses=draw(st.integers(0, 50)),
        last_review=draw(st.none() | unix_seconds),
        suspended=draw(st.booleans()),
        buried_until=draw(st.sampled_from([0]) | unix_seconds),
        flag=draw(st.integers(0, 7)),
    )


@st.composite
def exchange_reviews(draw, review_id, card_id):
    return ReviewLogEntry(
        id=review_id,
        card_id=card_id,
        time=draw(st.integers(1, 4_102_444_800_000)),
        rating=draw(st.integers(0, 4)),
        state_before=draw(st.sampled_from(CardState)),
        interval_before=draw(st.integers(0, 40000)),
        interval_after=draw(st.integers(0, 40000)),
        due_after=draw(unix_seconds),
        stability=draw(st.none() | positive),
        difficulty=draw(st.none() | positive),
        duration_ms=draw(st.integers(0, 10**7)),
        kind=draw(st.sampled_from(ReviewKind)),
    )


def without_local_ids(exchange: Exchange) -> dict:
    """What an exchange says, with every local id replaced by the name, GUID or id it stands for."""
    notetypes = {n.id: n.name for n in exchange.notetypes}
    presets = {p.id: p.name for p in exchange.presets}
    decks = {d.id: d.name for d in exchange.decks}
    documents = {d.id: replace(d, id=0) for d in exchange.documents}
    guids = {n.id: n.guid for n in exchange.notes}
    card_keys = {c.id: (guids[c.note_id], c.ordinal) for c in exchange.cards}

    def source(link):
        return link and replace(link, document_id=documents[link.document_id])

    return {
        "notetypes": sorted((replace(n, id=None) for n in exchange.notetypes), key=lambda n: n.name),
        "presets": sorted((replace(p, id=None) for p in exchange.presets), key=lambda p: p.name),
        "decks": sorted((d.name, d.description, presets.get(d.preset_id)) for d in exchange.decks),
        "documents": sorted(map(repr, documents.values())),
        "notes": {n.guid: (notetypes[n.notetype_id], replace(n, id=0, notetype_id=0, source=source(n.source))) for n in exchange.notes},
        "cards": {card_keys[c.id]: (decks[c.deck_id], replace(c, id=0, note_id=0, deck_id=0)) for c in exchange.cards},
        "new_note_decks": {guids[n]: decks[d] for n, d in exchange.new_note_decks.items()},
        "reviews": {r.id: (card_keys[r.card_id], replace(r, card_id=0)) for r in exchange.reviews},
        "media": exchange.media,
        "scheduling": exchange.scheduling and bool(exchange.cards),
    }


def parse(content: str) -> DeckFile:
    return parse_deck_data(tomllib.loads(content), "test.heatdeck.toml")


def exchange_of(content: str, calendar: DayCalendar = UTC_CALENDAR) -> Exchange:
    return deck_file_to_exchange(parse(content), BUILTIN_NOTETYPES, calendar)


# --- round trips -----------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(deck_files())
def test_any_deck_file_survives_text_and_back(deck):
    assert parse(deck_file_text(deck)) == deck


@settings(max_examples=150, deadline=None)
@given(st.data(), calendars)
def test_any_exchange_survives_a_deck_file_and_back(data, calendar):
    exchange = data.draw(exchanges(calendar))
    main = data.draw(st.sampled_from(exchange.decks))
    deck = exchange_to_deck_file(exchange, calendar, name=main.name)
    again = deck_file_to_exchange(parse(deck_file_text(deck)), BUILTIN_NOTETYPES, calendar)
    assert without_local_ids(again) == without_local_ids(exchange)


@settings(max_examples=50, deadline=None)
@given(st.data(), calendars)
def test_local_ids_are_numbered_from_one_in_file_order(data, calendar):
    exchange = data.draw(exchanges(calendar))
    deck = exchange_to_deck_file(exchange, calendar, name=exchange.decks[0].name)
    again = deck_file_to_exchange(deck, BUILTIN_NOTETYPES, calendar)
    for records in (again.notetypes, again.presets, again.decks, again.notes, again.cards, again.documents):
        assert [r.id for r in records] == list(range(1, len(records) + 1))
    assert [n.guid for n in again.notes] == [n.guid for n in exchange.notes]
    assert deck_file_to_exchange(deck, BUILTIN_NOTETYPES, calendar) == again


def test_heat_deck_survives_an_exchange_unchanged():
    heat = read_deck_file(HEAT_DECK_FILE)
    exchange = deck_file_to_exchange(heat, BUILTIN_NOTETYPES, UTC_CALENDAR)
    back = exchange_to_deck_file(exchange, UTC_CALENDAR, name=heat.name, description=heat.description)
    assert deck_file_text(back) == deck_file_text(heat).replace("version = 1", f"version = {FORMAT_VERSION}", 1)
    assert back == replace(heat, version=FORMAT_VERSION)


def test_write_and_read_a_file(tmp_path):
    deck = parse(EXAMPLE)
    path = tmp_path / "deck.heatdeck.toml"
    write_deck_file(deck, path)
    assert read_deck_file(path) == deck
    assert path.read_text(encoding="utf-8").startswith("# heatcards deck file")


# --- version 1 -------------------------------------------------------------------
def test_the_heat_deck_is_version_1_and_reads_as_a_plain_deck():
    heat = read_deck_file(HEAT_DECK_FILE)
    assert heat.version == 1 and heat.name == "Heat (1995)" and len(heat.notes) == 77
    exchange = deck_file_to_exchange(heat, BUILTIN_NOTETYPES, UTC_CALENDAR)
    assert exchange.scheduling is False and exchange.cards == () and exchange.reviews == ()
    assert [d.name for d in exchange.decks] == ["Heat (1995)"] and exchange.decks[0].preset_id == NO_PRESET
    assert exchange.presets == ()
    assert exchange.new_note_decks == {n.id: 1 for n in exchange.notes}
    assert {n.name for n in exchange.notetypes} == {"Basic", "Basic (and reversed card)", "Basic (type in the answer)", "Cloze"}
    first = exchange.notes[0]
    assert first.guid == "heat-001" and first.created == 0
    assert first.source == SourceLink(document_id=2, start=10, end=57, paragraph=1)
    assert [d.title for d in exchange.documents] == ["How Michael Mann's research shaped Heat", "Eleven things to know about Heat"]
    assert all(d.text is None for d in exchange.documents)


def test_a_version_1_file_reads_with_defaults_for_everything_new():
    deck = parse(
        'format = "heatcards-deck"\nversion = 1\n[deck]\nname = "Old"\n'
        '[[notes]]\nguid = "a"\nnotetype = "Basic"\nfields = { Front = "q" }\n'
    )
    assert deck == DeckFile(name="Old", notes=(DeckFileNote("a", "Basic", {"Front": "q"}),), version=1)
    exchange = deck_file_to_exchange(deck, BUILTIN_NOTETYPES, UTC_CALENDAR)
    assert exchange.notes[0].fields == ("q", "")


# --- what the text looks like ------------------------------------------------------
def test_a_plain_deck_has_no_cards_and_leaves_defaults_out():
    deck = DeckFile(name="Plain", notes=(DeckFileNote("g", "Basic", {"Front": "q", "Back": "a"}),))
    assert deck_file_text(deck) == (
        "# heatcards deck file; format described in docs/deck-format.md\n"
        'format = "heatcards-deck"\nversion = 2\n\n[deck]\nname = "Plain"\n\n'
        '[[notes]]\nguid = "g"\nnotetype = "Basic"\nfields = { Front = "q", Back = "a" }\n'
    )


def test_cards_and_reviews_are_written_compactly():
    review = DeckFileReview(
        id="r1", time=utc(1772452800.25), rating=3, kind=ReviewKind.LEARN, state_before=CardState.NEW, due_after=utc(1772453400)
    )
    card = DeckFileCard(ordinal=1, state=CardState.REVIEW, due=date(2026, 3, 5), interval=3, stability=3.5, reps=1, reviews=(review,))
    deck = DeckFile(name="D", notes=(DeckFileNote("g", "Basic (and reversed card)", {}, cards=(DeckFileCard(ordinal=0), card)),))
    assert deck_file_text(deck).endswith(
        '[[notes]]\nguid = "g"\nnotetype = "Basic (and reversed card)"\nfields = {}\n\n'
        "[[notes.cards]]\nordinal = 0\n\n"
        '[[notes.cards]]\nordinal = 1\nstate = "review"\ndue = 2026-03-05\ninterval = 3\nstability = 3.5\nreps = 1\n'
        "reviews = [\n"
        '    { id = "r1", time = 2026-03-02T12:00:00.250Z, rating = 3, kind = "learn", state_before = "new", due_after = 2026-03-02T12:10:00Z },\n'
        "]\n"
    )


def test_multi_line_text_is_written_as_multi_line_strings_and_read_back_exactly():
    css = '.card {\n  font-family: "Noto Sans";\n}\r\n"""end with a quote"'
    notetype = NoteType(None, "Mine", NoteTypeKind.STANDARD, ("A",), (CardTemplate("One", "{{A}}", "{{FrontSide}}\n<hr>\\"),), css)
    deck = DeckFile(name="D", description="line one\nline two", notetypes=(notetype,))
    written = deck_file_text(deck)
    assert 'description = """\nline one\nline two"""\n' in written
    # only quotes that would run into another quote or the closing delimiter are escaped
    assert 'css = """\n.card {\n  font-family: "Noto Sans";\n}\\r\n\\"\\""end with a quote\\""""\n' in written
    assert parse(written) == deck


def test_built_in_note_types_are_named_and_others_written_out():
    mine = NoteType(7, "Vocabulary", NoteTypeKind.STANDARD, ("Word", "Meaning"), (CardTemplate("Recognise", "{{Word}}", "{{Meaning}}"),))
    changed_basic = replace(BASIC, id=8, css=".card { color: red }")
    exchange = Exchange(
        notetypes=(replace(CLOZE, id=5), mine, changed_basic),
        decks=(Deck(1, "D", NO_PRESET),),
        notes=(
            Note(1, "c", 5, ("{{c1::x}}", ""), (), 0, 0),
            Note(2, "v", 7, ("hola", "hello"), (), 0, 0),
            Note(3, "b", 8, ("q", "a"), (), 0, 0),
        ),
        new_note_decks={1: 1, 2: 1, 3: 1},
    )
    deck = exchange_to_deck_file(exchange, UTC_CALENDAR, name="D")
    assert deck.notetypes == (replace(mine, id=None), replace(changed_basic, id=None))
    assert [n.notetype for n in deck.notes] == ["Cloze", "Vocabulary", "Basic"]
    # the file's own "Basic" wins over the collection's when read back
    again = deck_file_to_exchange(deck, BUILTIN_NOTETYPES, UTC_CALENDAR)
    assert [replace(n, id=None) for n in again.notetypes] == [replace(mine, id=None), replace(changed_basic, id=None), CLOZE]


# --- dates, times and days ----------------------------------------------------------
SCHEDULED = HEADER + (
    '[[notes]]\nguid = "g"\nnotetype = "Basic (and reversed card)"\nfields = { Front = "q", Back = "a" }\n'
    '[[notes.cards]]\nordinal = 0\nstate = "review"\ndue = 2026-03-05\ninterval = 4\nlast_review = 2026-03-01T10:00:00Z\n'
    'reviews = [{ id = "r", time = 2026-03-01T10:00:00.125+02:00, rating = 3, kind = "review", state_before = "review", due_after = 2026-03-05T04:00:01Z }]\n'
    '[[notes.cards]]\nordinal = 1\nstate = "relearning"\ndue = 2026-03-02T12:10:00Z\n'
)


def test_review_due_dates_are_local_days_and_other_times_exact():
    exchange = exchange_of(SCHEDULED)
    review, relearning = exchange.cards
    assert review.due == int(datetime(2026, 3, 5, 4, 0, 1, tzinfo=timezone.utc).timestamp())
    assert review.last_review == int(datetime(2026, 3, 1, 10, tzinfo=timezone.utc).timestamp())
    assert relearning.due == int(datetime(2026, 3, 2, 12, 10, tzinfo=timezone.utc).timestamp())
    assert exchange.reviews[0].time == int(datetime(2026, 3, 1, 8, tzinfo=timezone.utc).timestamp()) * 1000 + 125
    assert exchange.scheduling is True and exchange.new_note_decks == {}


def test_a_file_moved_to_another_time_zone_keeps_its_due_dates():
    new_york = DayCalendar(ZoneInfo("America/New_York"), rollover_hour=4)
    exchange = exchange_of(SCHEDULED, new_york)
    review = exchange.cards[0]
    assert review.due == int(datetime(2026, 3, 5, 4, 0, 1, tzinfo=ZoneInfo("America/New_York")).timestamp())
    assert new_york.date_of_day(new_york.day(review.due)) == date(2026, 3, 5)
    written = deck_file_text(exchange_to_deck_file(exchange, new_york, name="Main"))
    assert "due = 2026-03-05\n" in written
    assert "due = 2026-03-02T12:10:00Z\n" in written
    assert "time = 2026-03-01T08:00:00.125Z" in written


def test_without_scheduling_no_cards_travel_and_notes_go_to_their_first_cards_deck():
    exchange = exchange_of(SCHEDULED.replace('ordinal = 0\n', 'ordinal = 0\ndeck = "Other"\n'))
    exchange = replace(exchange, cards=exchange.cards[::-1])  # first by ordinal, not by place in the exchange
    deck = exchange_to_deck_file(exchange, UTC_CALENDAR, name="Main", scheduling=False)
    assert [n.cards for n in deck.notes] == [()]
    assert deck.notes[0].deck == "Other"
    text = deck_file_text(deck)
    assert "[[notes.cards]]" not in text and "reviews" not in text
    assert deck_file_to_exchange(deck, BUILTIN_NOTETYPES, UTC_CALENDAR).scheduling is False


def test_an_exchange_without_scheduling_writes_no_cards():
    exchange = replace(exchange_of(SCHEDULED), scheduling=False)
    assert all(not n.cards for n in exchange_to_deck_file(exchange, UTC_CALENDAR, name="Main").notes)


def test_deck_options_travel_with_their_decks():
    exchange = exchange_of(
        HEADER.replace('name = "Main"\n', 'name = "Main"\npreset = "Slow"\n')
        + '[[presets]]\nname = "Slow"\nnew_per_day = 5\nlearning_steps = [1.5, 30]\nleech_action = "suspend"\n'
        + '[[decks]]\nname = "Main::Sub"\ndescription = "under"\n'
    )
    assert exchange.presets == (Preset(1, "Slow", new_per_day=5, learning_steps=(1.5, 30.0), leech_action=LeechAction.SUSPEND),)
    assert exchange.decks == (Deck(1, "Main", 1), Deck(2, "Main::Sub", NO_PRESET, "under"))
    deck = exchange_to_deck_file(exchange, UTC_CALENDAR, name="Main")
    assert deck.preset == "Slow" and deck.decks == (DeckFileDeck("Main::Sub", "under"),)
    assert '[[presets]]\nname = "Slow"\nlearning_steps = [1.5, 30.0]\nnew_per_day = 5\nleech_action = "suspend"\n' in deck_file_text(deck)


def test_the_main_deck_description_defaults_to_the_decks_own():
    exchange = exchange_of(HEADER.replace('name = "Main"\n', 'name = "Main"\ndescription = "mine"\n'))
    assert exchange_to_deck_file(exchange, UTC_CALENDAR, name="Main").description == "mine"
    assert exchange_to_deck_file(exchange, UTC_CALENDAR, name="Main", description="given").description == "given"


# --- the example in docs/deck-format.md ------------------------------------------------
EXAMPLE = re.search(r"```toml\n(.*?)```", (REPO / "docs" / "deck-format.md").read_text(encoding="utf-8"), re.S).group(1)


def test_the_documented_example_is_a_valid_deck_file():
    deck = parse(EXAMPLE)
    assert deck.version == FORMAT_VERSION
    assert deck.presets and deck.decks and deck.notetypes and deck.documents
    exchange = deck_file_to_exchange(deck, BUILTIN_NOTETYPES, UTC_CALENDAR)
    assert exchange.scheduling is True
    assert {c.state for c in exchange.cards} == set(CardState)
    assert {r.kind for r in exchange.reviews} >= {ReviewKind.LEARN, ReviewKind.REVIEW}
    assert exchange.new_note_decks  # the example also shows a note without cards
    assert parse(deck_file_text(deck)) == deck



def test_the_documented_example_shows_every_key():
    data = tomllib.loads(EXAMPLE)
    notes = data["notes"]
    cards = [c for n in notes for c in n.get("cards", [])]
    shown = {
        DeckFileDeck: [data["deck"], *data["decks"]],
        Preset: data["presets"],
        NoteType: data["notetypes"],
        CardTemplate: [t for n in data["notetypes"] for t in n["templates"]],
        DeckFileDocument: data["documents"],
        DeckFileNote: notes,
        DeckFileSource: [n["source"] for n in notes if "source" in n],
        DeckFileCard: cards,
        DeckFileReview: [r for c in cards for r in c.get("reviews", [])],
    }
    for record_type, tables in shown.items():
        keys = {f.name for f in fields(record_type)}
        if record_type in (Preset, NoteType):
            keys.remove("id")  # collection ids do not travel
        assert set().union(*tables) == keys, record_type.__name__
    assert set(data) == {"format", "version", "deck", "presets", "decks", "notetypes", "documents", "notes"}

# --- bad files -----------------------------------------------------------------------
NOTE = '[[notes]]\nguid = "a"\nnotetype = "Basic"\nfields = {}\n'
CARD = NOTE + "[[notes.cards]]\nordinal = 0\n"
REVIEW = 'id = "r", time = 2026-03-01T10:00:00Z, rating = 3, kind = "review", state_before = "review", due_after = 2026-03-05T04:00:01Z'


def reviewed(review: str) -> str:
    """A file whose one card has the review written as `review` (the inside of an inline table)."""
    return HEADER + CARD + "reviews = [{ " + review + " }]\n"



@pytest.mark.parametrize(
    "content, message",
    [
        ('format = "other"\nversion = 1\n', "not a heatcards deck file"),
        ('format = "heatcards-deck"\nversion = 99\n[deck]\nname = "x"\n', "deck file version 99 is newer than this heatcards reads (2)"),
        ('format = "heatcards-deck"\nversion = "2"\n[deck]\nname = "x"\n', "'version' must be a positive integer"),
        ('format = "heatcards-deck"\nversion = 2\n', "a [deck] table is required"),
        ('format = "heatcards-deck"\nversion = 2\n[deck]\nname = "a::"\n', "[deck] (name a::): deck name 'a::' has an empty part"),
        ('format = "heatcards-deck"\nversion = 2\n[deck]\n', "[deck]: 'name' must be a string"),
        ('format = "heatcards-deck"\nversion = 1\n[deck\n', "line 3"),
        ("extra = 1\n" + HEADER, "bad.heatdeck.toml: unknown key 'extra'"),
        (HEADER + "extra = 1\n", "[deck] (name Main): unknown key 'extra'"),
        ("notes = 3\n" + HEADER, "'notes' must be an array of tables ([[notes]])"),
        (HEADER + '[[notes]]\nguid = "a"\nnotetype = "Basic"\nfields = { Front = 1 }\n', "notes[0] (guid a): 'fields' must be a table of strings"),
        (HEADER + NOTE + 'source = { document = "nope" }\n', "notes[0] (guid a): source document 'nope' is not listed"),
        (HEADER + NOTE + NOTE, "guid 'a' appears twice"),
        (HEADER + NOTE.replace("fields", 'tags = ["two words"]\nfields'), "notes[0] (guid a): 'tags' must be a list of words without spaces"),
        (HEADER + NOTE.replace("fields", 'deck = "x::::y"\nfields'), "notes[0] (guid a): deck name 'x::::y' has an empty part"),
        (HEADER + NOTE.replace("fields", "created = 2026-03-01T10:00:00\nfields"), "notes[0] (guid a): 'created' must be a time with its UTC offset"),
        (HEADER + NOTE.replace("fields", "modified = 2026-03-01T10:00:00.5Z\nfields"), "'modified' must be a time with its UTC offset, like 2026-03-02T14:30:00Z, to the second"),
        (HEADER + NOTE.replace("fields", "ordinal = 0\nfields"), "notes[0] (guid a): unknown key 'ordinal'"),
        (HEADER + CARD + "ordinal = 0\n", "Cannot overwrite a value"),
        (HEADER + CARD + "[[notes.cards]]\nordinal = 0\n", "notes[0] (guid a): card ordinal 0 appears twice"),
        (HEADER + NOTE + "[[notes.cards]]\nordinal = -1\n", "notes[0] (guid a) cards[0] (ordinal -1): 'ordinal' must be a whole number from 0"),
        (HEADER + CARD + 'state = "lapsed"\n', 'cards[0] (ordinal 0): \'state\' must be one of "new", "learning", "review", "relearning"'),
        (HEADER + CARD + 'state = "review"\n', "cards[0] (ordinal 0): 'due' must be a date like 2026-03-02"),
        (HEADER + CARD + 'state = "review"\ndue = 2026-03-05T00:00:00Z\n', "'due' must be a date like 2026-03-02"),
        (HEADER + CARD + 'state = "learning"\ndue = 2026-03-05\n', "cards[0] (ordinal 0): 'due' must be a time with its UTC offset"),
        (HEADER + CARD + 'state = "learning"\n', "cards[0] (ordinal 0): 'due' must be a time with its UTC offset"),
        (HEADER + CARD + "due = 2026-03-05\n", "cards[0] (ordinal 0): 'due' must be a whole number from 0"),
        (HEADER + CARD + "flag = 8\n", "'flag' must be a whole number from 0 to 7"),
        (HEADER + CARD + "reps = true\n", "'reps' must be a whole number from 0"),
        (HEADER + CARD + "stability = 0\n", "'stability' must be a number above zero"),
        (HEADER + CARD + "difficulty = nan\n", "'difficulty' must be a number"),
        (HEADER + CARD + 'suspended = "yes"\n', "'suspended' must be true or false"),
        (HEADER + CARD + 'deck = "a::"\n', "cards[0] (ordinal 0): deck name 'a::' has an empty part"),
        (HEADER + CARD + "interval_days = 3\n", "cards[0] (ordinal 0): unknown key 'interval_days'"),
        (reviewed(REVIEW + ", rating = 5"), "Duplicate inline table key 'rating' (at line 11"),
        (reviewed(REVIEW.replace('rating = 3', 'rating = 5')), "cards[0] (ordinal 0) reviews[0] (id r): 'rating' must be a whole number from 0 to 4"),
        (reviewed(REVIEW.replace('review', 'cram', 1)), "reviews[0] (id r): 'kind' must be one of \"learn\", \"review\", \"relearn\", \"manual\", \"filtered\", \"rescheduled\""),
        (reviewed(REVIEW.replace(':00Z', ':00.0001Z', 1)), "reviews[0] (id r): 'time' must be a time with its UTC offset, like 2026-03-02T14:30:00Z, to the millisecond"),
        (reviewed(REVIEW.replace(', due_after = 2026-03-05T04:00:01Z', '')), "reviews[0] (id r): 'due_after' must be a time"),
        (reviewed(REVIEW) + "[[notes.cards]]\nordinal = 1\nreviews = [{ " + REVIEW + " }]\n", "review id 'r' appears twice"),
        (reviewed(REVIEW.replace('id = "r"', 'id = " "')), "reviews[0] (id  ): 'id' is empty"),
        (HEADER + CARD + "reviews = [1]\n", "reviews[0]: must be a table"),
        (HEADER + "[[presets]]\nname = \"P\"\ndesired_retention = 1.5\n", "presets[0] (name P): desired retention must be between 0.70 and 0.99"),
        (HEADER + "[[presets]]\nname = \"P\"\nlearning_steps = [\"1m\"]\n", "presets[0] (name P): 'learning_steps' must be a list of numbers"),
        (HEADER + "[[presets]]\nname = \"P\"\nleech_action = \"delete\"\n", "'leech_action' must be one of \"tag\", \"suspend\""),
        (HEADER + "[[presets]]\nname = \"P\"\n[[presets]]\nname = \"P\"\n", "preset 'P' appears twice"),
        (HEADER + "[[presets]]\nname = \" \"\n", "presets[0] (name  ): 'name' must not be empty"),
        (HEADER + "[[decks]]\nname = \"Main\"\n", "deck 'Main' appears twice"),
        (HEADER + "[[decks]]\nname = \"Sub\"\npreset = \"Fast\"\n", "deck 'Sub' uses preset 'Fast', which is not listed under [[presets]]"),
        (HEADER.replace('name = "Main"\n', 'name = "Main"\npreset = "Fast"\n'), "deck 'Main' uses preset 'Fast'"),
        (HEADER + '[[notetypes]]\nname = "T"\nkind = "standard"\nfields = ["A"]\n', "notetypes[0] (name T): a note type needs at least one [[notetypes.templates]]"),
        (HEADER + '[[notetypes]]\nname = "T"\nkind = "cloze"\nfields = ["A"]\n[[notetypes.templates]]\nname = "1"\nfront = ""\nback = ""\n[[notetypes.templates]]\nname = "2"\nfront = ""\nback = ""\n', "notetypes[0] (name T): a cloze note type has exactly one template"),
        (HEADER + '[[notetypes]]\nname = "T"\nkind = "list"\nfields = ["A"]\n', "notetypes[0] (name T): 'kind' must be one of \"standard\", \"cloze\""),
        (HEADER + '[[notetypes]]\nname = "T"\nkind = "standard"\nfields = ["A", "A"]\n', "notetypes[0] (name T): field 'A' appears twice"),
        (HEADER + '[[notetypes]]\nname = "T"\nkind = "standard"\nfields = []\n', "notetypes[0] (name T): 'fields' must list at least one field"),
        (HEADER + '[[notetypes]]\nname = "T"\nkind = "standard"\nfields = ["A"]\n[[notetypes.templates]]\nname = "1"\nfront = ""\n', "notetypes[0] (name T) templates[0] (name 1): 'back' must be a string"),
        (HEADER + '[[documents]]\nkey = "d"\ntitle = "t"\n[[documents]]\nkey = "d"\ntitle = "u"\n', "document key 'd' appears twice"),
    ],
)
def test_bad_deck_files_say_what_and_where(tmp_path, content, message):
    path = tmp_path / "bad.heatdeck.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DeckFileError) as error:
        read_deck_file(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    "content, message",
    [
        (HEADER + NOTE.replace("Basic", "Nope"), "deck file 'Main' notes[0] (guid a): unknown note type 'Nope'"),
        (HEADER + NOTE.replace("{}", '{ Front = "q", Verso = "a" }'), "notes[0] (guid a): note type 'Basic' has no field 'Verso' (its fields: Front, Back)"),
        (HEADER + NOTE + "[[notes.cards]]\nordinal = 1\n", "notes[0] (guid a): card ordinal 1 needs template 2, but note type 'Basic' has 1"),
    ],
)
def test_notes_that_do_not_fit_their_note_type_are_refused(content, message):
    with pytest.raises(DeckFileError) as error:
        exchange_of(content)
    assert message in str(error.value)


def test_a_deck_file_error_is_an_import_file_error():
    assert issubclass(DeckFileError, ImportFileError)


def test_missing_deck_file(tmp_path):
    with pytest.raises(DeckFileError, match="cannot read deck file"):
        read_deck_file(tmp_path / "absent.toml")


def test_a_file_that_is_not_utf8_says_where(tmp_path):
    path = tmp_path / "latin1.heatdeck.toml"
    path.write_bytes(HEADER.encode() + b'# caf\xe9\n')
    with pytest.raises(DeckFileError, match=rf"not UTF-8 text \(byte {len(HEADER) + 5}\)"):
        read_deck_file(path)


def test_documents_without_a_key_get_one_from_their_title():
    documents = (
        ExchangeDocument(id=7, title="Heat: the making of", file_name="a.txt", sha256="1"),
        ExchangeDocument(id=9, title="Heat: the making of", file_name="b.txt", sha256="2"),
        ExchangeDocument(id=11, title="", file_name="c.txt", sha256="3", key="kept"),
    )
    exchange = Exchange(decks=(Deck(id=1, name="Heat", preset_id=0),), documents=documents)
    deck = exchange_to_deck_file(exchange, UTC_CALENDAR, name="Heat")
    assert [d.key for d in deck.documents] == ["heat-the-making-of", "heat-the-making-of-2", "kept"]
