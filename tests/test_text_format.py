"""CSV/TSV notes and cards (heatcards/formats/text.py): Anki's headers, quoting, column mapping,
errors that name the line; round trips through our writer and reader, and through Anki itself."""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heatcards.clock import DayCalendar
from heatcards.errors import ImportFileError
from heatcards.formats.exchange import Exchange
from heatcards.formats.text import (
    CARD_COLUMNS,
    detect_columns,
    generated_guid,
    read_text_notes,
    separator_for,
    write_text_cards,
    write_text_notes,
)
from heatcards.model import Card, CardState, CardTemplate, Deck, Note, NoteType, NoteTypeKind
from heatcards.notetypes import BUILTIN_NOTETYPES
from heatcards.rendering import field_is_empty

NOTETYPES = tuple(replace(notetype, id=index + 1) for index, notetype in enumerate(BUILTIN_NOTETYPES))
BY_NAME = {notetype.name: notetype for notetype in NOTETYPES}
BASIC, CLOZE, OPTIONAL_REVERSED = BY_NAME["Basic"], BY_NAME["Cloze"], BY_NAME["Basic (optional reversed card)"]
SINGLE = NoteType(id=40, name="Single", kind=NoteTypeKind.STANDARD, fields=("Word",), templates=(CardTemplate("Card 1", "{{Word}}", "{{Word}}"),))
ALL_NOTETYPES = (*NOTETYPES, SINGLE)
TRICKY_DECKS = ("Default", "Geo::Europe::Paris", 'Wörter, "quoted"', "#hash deck", "semi;colon|pipe:colon")


def write(tmp_path: Path, content: str | bytes, name: str = "notes.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def read(tmp_path: Path, content: str | bytes, **options) -> Exchange:
    return read_text_notes(write(tmp_path, content), ALL_NOTETYPES, **options)


def fields_of(exchange: Exchange) -> list[tuple[str, ...]]:
    return [note.fields for note in exchange.notes]


def deck_of(exchange: Exchange, note: Note) -> str:
    return next(deck.name for deck in exchange.decks if deck.id == exchange.new_note_decks[note.id])


def error_of(tmp_path: Path, content: str | bytes, **options) -> str:
    with pytest.raises(ImportFileError) as caught:
        read(tmp_path, content, **options)
    return str(caught.value)


# --- separators, quoting, lines ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "separator"),
    [
        ("a\tb\nc\td\n", "\t"),
        ("a,b\nc,d\n", ","),
        ("a;b\nc;d\n", ";"),
        ("a|b\nc|d\n", "|"),
        ("a:b\nc:d\n", ":"),
        ("a b\nc d\n", " "),
        ("Hello, world;Bonjour\nSee you;Au revoir\n", ";"),  # commas in text, semicolons split evenly
        ('"x;y",b\n"z;w",d\n', ","),  # a separator inside quotes does not count
        ("a\tb,c\n", "\t"),
    ],
)
def test_separator_is_detected_from_the_rows(tmp_path, content, separator):
    preview = detect_columns(write(tmp_path, content))
    assert preview.separator == separator
    assert preview.headers.separator is None
    assert preview.column_count == 2


@pytest.mark.parametrize(
    ("header", "separator"),
    [("Comma", ","), ("semicolon", ";"), ("TAB", "\t"), ("Space", " "), ("Pipe", "|"), ("Colon", ":"),
     (",", ","), ("\t", "\t"), (" ", " "), (" | ", "|")],
)
def test_separator_header_by_name_or_character(tmp_path, header, separator):
    preview = detect_columns(write(tmp_path, f"#separator:{header}\nx{separator}y\n"))
    assert (preview.separator, preview.headers.separator) == (separator, separator)
    assert preview.rows == (("x", "y"),)


def test_separator_header_overrides_what_the_rows_suggest(tmp_path):
    exchange = read(tmp_path, "#separator:Comma\na\tb,c\n")
    assert fields_of(exchange) == [("a\tb", "c")]


def test_quotes_doubled_quotes_and_line_breaks_inside_cells(tmp_path):
    content = '#separator:Comma\n#html:true\n"say ""hi"", then go","line 1\nline 2\r\nline 3"\nsay "hi" plainly,x\n'
    assert fields_of(read(tmp_path, content)) == [
        ('say "hi", then go', "line 1\nline 2\r\nline 3"),
        ('say "hi" plainly', "x"),
    ]


def test_bom_windows_line_endings_blank_lines_and_comments(tmp_path):
    content = "\ufeff#separator:tab\r\n# a comment\r\n\r\nfront\tback\r\n   \r\n#another comment\r\nf2\tb2\r\n"
    exchange = read(tmp_path, content.encode("utf-8"))
    assert fields_of(exchange) == [("front", "back"), ("f2", "b2")]


def test_a_header_after_the_first_row_is_a_comment(tmp_path):
    exchange = read(tmp_path, "a\tb\n#separator:Comma\nc\td\n")
    assert fields_of(exchange) == [("a", "b"), ("c", "d")]


def test_a_quoted_hash_is_data_not_a_comment(tmp_path):
    assert fields_of(read(tmp_path, '#html:true\n"#1 fact"\tback\n')) == [("#1 fact", "back")]


def test_cells_keep_their_spaces(tmp_path):
    assert fields_of(read(tmp_path, "#separator:tab\n a \t b \n")) == [(" a ", " b ")]


# --- html ----------------------------------------------------------------------------------------


def test_html_false_escapes_markup_and_turns_line_breaks_into_br(tmp_path):
    content = '#separator:tab\n#html:false\na<b>&amp;\t"x > y\nz"\n'
    assert fields_of(read(tmp_path, content)) == [("a&lt;b&gt;&amp;amp;", "x &gt; y<br>z")]


def test_html_true_keeps_cells_as_they_are(tmp_path):
    assert fields_of(read(tmp_path, "#separator:tab\n#html:true\na & b\t<i>x</i>\n")) == [("a & b", "<i>x</i>")]


def test_without_html_header_a_tag_anywhere_makes_every_cell_html(tmp_path):
    assert fields_of(read(tmp_path, "a & b\tc\nx\t<i>y</i>\n")) == [("a & b", "c"), ("x", "<i>y</i>")]
    assert fields_of(read(tmp_path, "a & b\tc < d\n")) == [("a &amp; b", "c &lt; d")]
    assert detect_columns(write(tmp_path, "a\t<br>\n")).html is True


# --- headers: tags, note type, deck, special columns ----------------------------------------------


def test_tags_header_and_tags_column_combine(tmp_path):
    exchange = read(tmp_path, "#separator:tab\n#tags:g1  g2\n#tags column:3\na\tb\tt1 g1  t2\nc\td\t\n")
    assert [note.tags for note in exchange.notes] == [("g1", "g2", "t1", "t2"), ("g1", "g2")]


def test_notetype_and_deck_headers(tmp_path):
    exchange = read(tmp_path, "#notetype:cloze\n#deck:Geo::Europe\n{{c1::Paris}} is in France\textra\n")
    assert exchange.notetypes == (CLOZE,)
    assert exchange.notes[0].notetype_id == CLOZE.id
    assert exchange.notes[0].fields == ("{{c1::Paris}} is in France", "extra")
    assert exchange.decks == (Deck(id=1, name="Geo::Europe", preset_id=0),)
    assert exchange.new_note_decks == {1: 1}
    assert exchange.cards == ()


def test_anki_style_columns_for_guid_notetype_deck_and_tags(tmp_path):
    content = (
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:7\n"
        "g-1\tBasic (optional reversed card)\tA::B\tf\tb\ty\tt1 t2\n"
        "g-2\tbasic\tc\tf2\tb2\t\t\n"
    )
    exchange = read(tmp_path, content)
    first, second = exchange.notes
    assert (first.guid, first.notetype_id, first.fields, first.tags) == ("g-1", OPTIONAL_REVERSED.id, ("f", "b", "y"), ("t1", "t2"))
    assert (second.guid, second.notetype_id, second.fields, second.tags) == ("g-2", BASIC.id, ("f2", "b2"), ())
    assert [deck_of(exchange, note) for note in exchange.notes] == ["A::B", "c"]
    assert exchange.notetypes == (OPTIONAL_REVERSED, BASIC)


def test_columns_header_maps_by_field_name_ignoring_case(tmp_path):
    exchange = read(tmp_path, "#separator:tab\n#columns:back\tFRONT\nthe back\tthe front\n")
    assert fields_of(exchange) == [("the front", "the back")]


def test_columns_header_labels_that_name_no_field_are_positional(tmp_path):
    exchange = read(tmp_path, "#separator:Comma\n#columns:Question,Answer\nq,a\n")
    assert fields_of(exchange) == [("q", "a")]


def test_columns_header_with_some_unknown_labels_needs_those_columns_empty(tmp_path):
    assert fields_of(read(tmp_path, "#separator:tab\n#columns:Front\tNotes\tBack\nf\t\tb\n")) == [("f", "b")]
    message = error_of(tmp_path, "#separator:tab\n#columns:Front\tNotes\tBack\nf\tx\tb\n")
    assert message.endswith("line 3, column 2: this column fills no field of 'Basic' (fields: Front, Back); map it to a field, to tags, or to _ to leave it out")


def test_notetype_precedence_argument_then_column_then_header(tmp_path):
    content = "#notetype:Cloze\n#notetype column:1\nBasic\tf\tb\n\t{{c1::x}}\ty\n"
    assert [n.notetype_id for n in read(tmp_path, content).notes] == [BASIC.id, CLOZE.id]
    forced = read(tmp_path, content.replace("{{c1::x}}", "g"), notetype="basic (and reversed card)")
    assert {n.notetype_id for n in forced.notes} == {BY_NAME["Basic (and reversed card)"].id}


def test_deck_precedence_argument_then_column_then_header_then_default(tmp_path):
    content = "#deck:Header deck\n#deck column:3\nf\tb\tColumn deck\nf2\tb2\t\n"
    exchange = read(tmp_path, content)
    assert [deck_of(exchange, n) for n in exchange.notes] == ["Column deck", "Header deck"]
    forced = read(tmp_path, content, deck="Chosen")
    assert [deck_of(forced, n) for n in forced.notes] == ["Chosen", "Chosen"]
    defaulted = read(tmp_path, "f\tb\n", default_deck="Mine")
    assert [deck_of(defaulted, n) for n in defaulted.notes] == ["Mine"]


def test_decks_are_shared_by_name_ignoring_case(tmp_path):
    exchange = read(tmp_path, "#deck column:3\na\tb\tGeo\nc\td\tgeo\ne\tf\tOther\n")
    assert [d.name for d in exchange.decks] == ["Geo", "Other"]
    assert exchange.new_note_decks == {1: 1, 2: 1, 3: 2}


# --- column map ----------------------------------------------------------------------------------


def test_column_map_names_fields_specials_and_ignored_columns(tmp_path):
    content = "#separator:Comma\nid-7,skip,the back,the front,t1 t2,Decks::Mine,basic,\n"
    exchange = read(tmp_path, content, column_map=["guid", "_", "Back", "front", "Tags", "deck", "notetype", ""])
    note = exchange.notes[0]
    assert (note.guid, note.fields, note.tags) == ("id-7", ("the front", "the back"), ("t1", "t2"))
    assert deck_of(exchange, note) == "Decks::Mine"


def test_column_map_replaces_column_headers(tmp_path):
    exchange = read(tmp_path, "#tags column:1\nfront\tback\n", column_map=["Front", "Back"])
    assert (exchange.notes[0].fields, exchange.notes[0].tags) == (("front", "back"), ())


def test_column_map_errors(tmp_path):
    assert error_of(tmp_path, "\n\na\tb\n", column_map=["Front"]).endswith(
        "line 3: the column map has 1 entries, but the row has 2 columns"
    )
    assert error_of(tmp_path, "a\tb\n", column_map=["Front", "Verso"]).endswith(
        "line 1: note type 'Basic' has no field 'Verso' (column 2; its fields: Front, Back)"
    )
    assert error_of(tmp_path, "a\tb\n", column_map=["Back", "back"]).endswith(
        "line 1: columns 1 and 2 both fill field 'Back' of note type 'Basic'"
    )
    assert error_of(tmp_path, "a\tb\n", column_map=["Back", "_"]).endswith(
        "line 1: no column fills 'Front', the first field of 'Basic'"
    )
    assert error_of(tmp_path, "a\tb\n", column_map=["tags", "Tags"]).endswith(
        "the column map names 'tags' twice (columns 1 and 2)"
    )


# --- errors name the line ------------------------------------------------------------------------


def test_row_with_the_wrong_number_of_columns(tmp_path):
    content = '#separator:Comma\na,b\n"multi\nline",b\nc,d,e\n'
    assert error_of(tmp_path, content).endswith("line 5: 3 columns, expected 2 as on line 2")


def test_extra_column_beyond_the_fields_must_be_empty(tmp_path):
    assert fields_of(read(tmp_path, "a\tb\t\n")) == [("a", "b")]
    assert "line 1, column 3: this column fills no field of 'Basic'" in error_of(tmp_path, "a\tb\tc\n")


def test_empty_first_field(tmp_path):
    assert error_of(tmp_path, "a\tb\n\n<br>\tc\n").endswith("line 3: the first field (Front) is empty")


def test_unclosed_quote_names_the_line_where_it_opens(tmp_path):
    content = '#separator:Comma\na,b\nc,"never\nclosed\n'
    message = error_of(tmp_path, content)
    assert message.endswith('line 3, column 2: a quoted cell is never closed (a quote inside one is written twice: "")')


def test_text_after_a_closing_quote(tmp_path):
    assert "line 2, column 1: 'x' after the closing quote" in error_of(tmp_path, '#separator:tab\n"a"x\tb\n')


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("#separator:x\na\n", "line 1: unknown separator 'x' (use Tab, Comma, Semicolon, Space, Pipe, Colon)"),
        ("#separator:tab\n#html:yes\na\tb\n", "line 2: #html must be true or false, not 'yes'"),
        ("#tags column:last\na\tb\n", "line 1: #tags column must be a column number (1 is the first), not 'last'"),
        ("#tags column:3\na\tb\n", "line 1: #tags column:3, but the rows have 2 columns"),
        # a control character str.strip() takes and int() does not (found by the hostile-import property test)
        ("#tags column:\x1f3\na\tb\n", "but the rows have 2 columns"),
        ("#deck column:2\n#tags column:2\na\tb\n", "line 2: column 2 is already the deck column"),
        ("#separator:tab\n#columns:Front\na\tb\n", "line 2: #columns names 1 columns, but line 3 has 2"),
        ("#notetype:Vocabulary\na\tb\n", "line 1: unknown note type 'Vocabulary'"),
        ("#notetype column:1\nBasic\ta\tb\nNope\tc\td\n", "line 3: unknown note type 'Nope'"),
        ("#guid column:1\nx\ta\tb\nx\tc\td\n", "line 3: GUID 'x' is already used on line 2"),
        ("#deck column:3\na\tb\tGeo::::Europe\n", "line 2: deck name 'Geo::::Europe' has an empty part"),
        ("#tags column:1\n#deck column:2\nt\tD\n", "line 3: no column fills 'Front', the first field of 'Basic'"),
    ],
)
def test_bad_headers_and_cells_name_their_line(tmp_path, content, expected):
    message = error_of(tmp_path, content)
    assert message.startswith(str(tmp_path / "notes.txt"))
    assert expected in message


def test_unknown_notetype_argument_and_missing_basic(tmp_path):
    assert "unknown note type 'Vocabulary'" in error_of(tmp_path, "a\tb\n", notetype="Vocabulary")
    path = write(tmp_path, "a\tb\n")
    with pytest.raises(ImportFileError, match=r"notes.txt \(it names no note type\): unknown note type 'Basic' \(this collection has: Cloze\)"):
        read_text_notes(path, [CLOZE])


def test_unreadable_files(tmp_path):
    with pytest.raises(ImportFileError, match="cannot read .*missing.txt"):
        read_text_notes(tmp_path / "missing.txt", NOTETYPES)
    assert error_of(tmp_path, b"a\tb\nc\t\xff\n").endswith("line 2: not UTF-8 text (byte 6); save it as UTF-8")


def test_a_file_without_rows_gives_no_notes(tmp_path):
    assert read(tmp_path, "#separator:tab\n#tags column:3\n# nothing yet\n") == Exchange()


# --- GUIDs ---------------------------------------------------------------------------------------


def test_generated_guids_are_stable_and_distinct(tmp_path):
    content = "Paris\tFrance\nParis\tTexas\nRome\tItaly\n"
    first, again = read(tmp_path, content), read(tmp_path, content)
    guids = [note.guid for note in first.notes]
    assert guids == [note.guid for note in again.notes]
    assert len(set(guids)) == 3
    assert guids[0] == generated_guid("Basic", "Paris", 0) and guids[1] == generated_guid("Basic", "Paris", 1)
    as_reversed = read(tmp_path, content, notetype="Basic (and reversed card)")
    assert as_reversed.notes[0].guid == generated_guid("Basic (and reversed card)", "Paris", 0) != guids[0]


def test_generated_guid_uses_the_collections_notetype_name(tmp_path):
    lower, upper = read(tmp_path, "#notetype:basic\nx\ty\n"), read(tmp_path, "#notetype:BASIC\nx\ty\n")
    assert lower.notes[0].guid == upper.notes[0].guid == generated_guid("Basic", "x", 0)


def test_empty_guid_cell_gets_a_generated_guid(tmp_path):
    exchange = read(tmp_path, "#guid column:1\n\tfront\tback\n")
    assert exchange.notes[0].guid == generated_guid("Basic", "front", 0)


# --- preview -------------------------------------------------------------------------------------


def test_detect_columns_reports_headers_and_first_rows(tmp_path):
    rows = "".join(f"front {i};back {i};tag{i}\n" for i in range(15))
    content = "#separator:Semicolon\n#html:false\n#tags:all\n#columns:Front;Back;Tags\n#tags column:3\n#deck:D\n" + rows
    preview = detect_columns(write(tmp_path, content))
    assert preview.separator == ";"
    assert preview.html is False
    assert preview.headers.columns == ("Front", "Back", "Tags")
    assert (preview.headers.tags, preview.headers.tags_column, preview.headers.deck) == (("all",), 2, "D")
    assert preview.headers.notetype_column is None and preview.headers.guid_column is None
    assert preview.column_count == 3
    assert preview.row_count == 15
    assert preview.rows[:2] == (("front 0", "back 0", "tag0"), ("front 1", "back 1", "tag1"))
    assert len(preview.rows) == 10


@pytest.mark.parametrize(("name", "separator"), [("a.csv", ","), ("a.CSV", ","), ("a.tsv", "\t"), ("a.txt", "\t")])
def test_separator_for_extension(name, separator):
    assert separator_for(name) == separator


# --- writing -------------------------------------------------------------------------------------


def sample_exchange() -> Exchange:
    decks = (Deck(id=1, name="Geo", preset_id=0), Deck(id=2, name="Geo::Europe", preset_id=0))
    notes = (
        Note(id=1, guid="g1", notetype_id=BASIC.id, fields=("Capital of <b>France</b>?", "Paris"), tags=("geo", "eu"), created=0, modified=0),
        Note(id=2, guid="g2", notetype_id=OPTIONAL_REVERSED.id, fields=("a,b", 'say "x"', "y"), tags=(), created=0, modified=0),
        Note(id=3, guid="g3", notetype_id=CLOZE.id, fields=("{{c1::Rome}} is in Italy", ""), tags=(), created=0, modified=0),
    )
    cards = (
        Card(id=1, note_id=1, deck_id=2, ordinal=0, state=CardState.REVIEW, due=1772409601, interval=12, stability=13.456, difficulty=5.5, reps=4, lapses=1),
        Card(id=3, note_id=2, deck_id=2, ordinal=0),
        Card(id=2, note_id=2, deck_id=1, ordinal=1),  # the note's deck is its first card's (Geo::Europe), not its last
    )
    return Exchange(notetypes=(BASIC, OPTIONAL_REVERSED, CLOZE), decks=decks, notes=notes, cards=cards, new_note_decks={3: 1})


def test_write_text_notes_writes_anki_headers_and_padded_rows(tmp_path):
    path = tmp_path / "out.txt"
    write_text_notes(sample_exchange(), path)
    assert path.read_text(encoding="utf-8") == (
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:7\n"
        "g1\tBasic\tGeo::Europe\tCapital of <b>France</b>?\tParis\t\tgeo eu\n"
        'g2\tBasic (optional reversed card)\tGeo::Europe\ta,b\t"say ""x"""\ty\t\n'
        "g3\tCloze\tGeo\t{{c1::Rome}} is in Italy\t\t\t\n"
    )


def test_write_text_notes_as_plain_text_csv(tmp_path):
    path = tmp_path / "out.csv"
    write_text_notes(sample_exchange(), path, separator=",", html=False)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["#separator:comma", "#html:false"]
    assert lines[6:8] == ["g1,Basic,Geo::Europe,Capital of France?,Paris,,geo eu", 'g2,Basic (optional reversed card),Geo::Europe,"a,b","say ""x""",y,']


def test_write_text_notes_rejects_an_unknown_separator(tmp_path):
    with pytest.raises(ValueError, match="separator '/'"):
        write_text_notes(sample_exchange(), tmp_path / "x.txt", separator="/")


def test_write_text_cards_one_row_per_card(tmp_path):
    calendar = DayCalendar(tz=timezone.utc)
    exchange = sample_exchange()
    due = calendar.day_start(calendar.day(1772452800))  # 2026-03-02
    exchange = replace(exchange, cards=(replace(exchange.cards[0], due=due), *exchange.cards[1:]))
    path = tmp_path / "cards.csv"
    write_text_cards(exchange, path, separator=",", calendar=calendar)
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(CARD_COLUMNS)
    assert detect_columns(path).rows == (
        CARD_COLUMNS,
        ("Capital of France?", "Paris", "Geo::Europe", "2026-03-02", "12", "4", "1", "13.46", "5.50"),
        ("a,b", 'say "x"', "Geo::Europe", "", "0", "0", "0", "", ""),
        ('say "x"', "a,b", "Geo", "", "0", "0", "0", "", ""),
    )


# --- round trips ---------------------------------------------------------------------------------

field_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
tag = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8).filter(lambda t: t.split() == [t])
guid = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(lambda g: g.strip() == g)


@st.composite
def note_sets(draw, notetypes=ALL_NOTETYPES, fields=field_text, tags=tag, guids=guid, decks=TRICKY_DECKS) -> Exchange:
    guid_list = draw(st.lists(guids, min_size=1, max_size=8, unique=True))
    deck_names = draw(st.lists(st.sampled_from(decks), min_size=1, max_size=3, unique=True))
    deck_records = tuple(Deck(id=i + 1, name=name, preset_id=0) for i, name in enumerate(deck_names))
    used: dict[int, NoteType] = {}
    notes, note_decks = [], {}
    for note_id, note_guid in enumerate(guid_list, start=1):
        notetype = draw(st.sampled_from(notetypes))
        used[notetype.id] = notetype
        first = draw(fields.filter(lambda text: not field_is_empty(text)))
        rest = tuple(draw(fields) for _ in notetype.fields[1:])
        note_tags = tuple(draw(st.lists(tags, max_size=4, unique=True)))
        notes.append(Note(id=note_id, guid=note_guid, notetype_id=notetype.id, fields=(first, *rest), tags=note_tags, created=0, modified=0))
        note_decks[note_id] = draw(st.sampled_from(deck_records)).id
    return Exchange(notetypes=tuple(used.values()), decks=deck_records, notes=tuple(notes), new_note_decks=note_decks)


def note_summary(exchange: Exchange) -> list[tuple]:
    names = {notetype.id: notetype.name for notetype in exchange.notetypes}
    decks = {deck.id: deck.name for deck in exchange.decks}
    return [
        (note.guid, names[note.notetype_id], note.fields, note.tags, decks[exchange.new_note_decks[note.id]])
        for note in exchange.notes
    ]


@pytest.mark.parametrize("separator", ["\t", ",", ";", " "])
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(exchange=note_sets())
def test_notes_round_trip_through_our_writer_and_reader(tmp_path, separator, exchange):
    path = tmp_path / "round.txt"
    write_text_notes(exchange, path, separator=separator)
    back = read_text_notes(path, ALL_NOTETYPES)
    assert note_summary(back) == note_summary(exchange)
    assert {notetype.id for notetype in back.notetypes} == {notetype.id for notetype in exchange.notetypes}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=300), st.text(st.sampled_from('ab,;\t|: "#\r\n\ufeff<>&:'), max_size=200)))
def test_hostile_input_raises_only_import_file_error(tmp_path, content):
    path = write(tmp_path, content)
    for action in (lambda: detect_columns(path), lambda: read_text_notes(path, ALL_NOTETYPES)):
        try:
            action()
        except ImportFileError:
            pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.text(st.sampled_from('ab,\t"\n#'), max_size=60),
    column_map=st.lists(st.sampled_from(["Front", "Back", "tags", "deck", "guid", "notetype", "_", "", "Text", "Nope"]), max_size=4),
)
def test_hostile_input_with_a_column_map_raises_only_import_file_error(tmp_path, content, column_map):
    try:
        read(tmp_path, content, column_map=column_map)
    except ImportFileError:
        pass


# --- Anki as the oracle --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def anki():
    """Anki's Collection class, after the oracle helper set TZ and the test mode Anki needs."""
    pytest.importorskip("tests.anki_oracle", reason="the anki package (test extra) is not installed")
    from anki.collection import Collection, ImportCsvRequest

    return Collection, ImportCsvRequest


ANKI_NOTETYPES = tuple(BY_NAME[name] for name in ("Basic", "Basic (and reversed card)", "Basic (optional reversed card)", "Cloze"))
# Anki stores fields NFC-normalised and drops control characters but tab and newline (\r too);
# tags and GUIDs come from alphabets Anki keeps as they are.
anki_field_text = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n"), max_size=30).filter(
    lambda text: unicodedata.is_normalized("NFC", text)
)
anki_tag = st.text(st.sampled_from("abcxyzÄé_-0123"), min_size=1, max_size=6)
anki_guid = st.text(st.sampled_from("abcdefghijXYZ0123456789+-/!#$%&()*,.:;<=>?@[]^_`{|}~"), min_size=1, max_size=10)
ANKI_DECKS = ("Default", "Geo::Europe", "Wörter, mit Komma", "#hash")


def anki_notes(collection) -> list[tuple]:
    """(guid, note type, fields, sorted tags, deck of the first card) of every note, by guid."""
    rows = []
    for note_id in collection.find_notes(""):
        note = collection.get_note(note_id)
        first_card = min(note.cards(), key=lambda card: card.ord)
        rows.append((note.guid, note.note_type()["name"], tuple(note.fields), tuple(sorted(note.tags)), collection.decks.name(first_card.did)))
    return sorted(rows)


def ours_as_anki_sees(exchange: Exchange) -> list[tuple]:
    return sorted((guid, name, fields, tuple(sorted(tags)), deck) for guid, name, fields, tags, deck in note_summary(exchange))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(exchange=note_sets(notetypes=ANKI_NOTETYPES, fields=anki_field_text, tags=anki_tag, guids=anki_guid, decks=ANKI_DECKS))
def test_anki_imports_what_we_write(tmp_path_factory, anki, exchange):
    Collection, ImportCsvRequest = anki
    folder = tmp_path_factory.mktemp("anki")
    path = folder / "ours.txt"
    write_text_notes(exchange, path)
    collection = Collection(str(folder / "collection.anki2"))
    try:
        metadata = collection.get_csv_metadata(str(path), None)
        collection.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))
        assert anki_notes(collection) == ours_as_anki_sees(exchange)
    finally:
        collection.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(exchange=note_sets(notetypes=ANKI_NOTETYPES, fields=anki_field_text, tags=anki_tag, guids=anki_guid, decks=ANKI_DECKS))
def test_we_read_what_anki_exports(tmp_path_factory, anki, exchange):
    Collection, _ = anki
    folder = tmp_path_factory.mktemp("anki")
    collection = Collection(str(folder / "collection.anki2"))
    try:
        for guid, name, fields, tags, deck in note_summary(exchange):
            note = collection.new_note(collection.models.by_name(name))
            note.fields[:] = fields
            note.tags = list(tags)
            note.guid = guid
            collection.add_note(note, collection.decks.id(deck))
        path = folder / "anki.txt"
        collection.export_note_csv(out_path=str(path), limit=None, with_html=True, with_tags=True, with_deck=True, with_notetype=True, with_guid=True)
        expected = anki_notes(collection)
    finally:
        collection.close()
    assert ours_as_anki_sees(read_text_notes(path, NOTETYPES)) == expected
