"""Core rules behind the note editor: field HTML cleaning, duplicates, cloze numbers,
media, tags, and adding/editing notes without losing progress. No Qt."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from heatcards.errors import InvalidInputError
from heatcards.model import Rating
from heatcards.note_html import clean_field_html, duplicate_key, media_file_name, next_cloze_number

QT_DOCUMENT = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN" "http://www.w3.org/TR/REC-html40/strict.dtd">\n'
    '<html><head><meta name="qrichtext" content="1" /><meta charset="utf-8" /><style type="text/css">\n'
    "p, li { white-space: pre-wrap; }\n</style></head>"
    "<body style=\" font-family:'Sans Serif'; font-size:9pt; font-weight:400; font-style:normal;\">\n"
    '<p style=" margin-top:0px; -qt-block-indent:0; text-indent:0px;">Plain <span style=" font-weight:700;">bold</span> '
    '<span style=" font-style:italic;">it</span><span style=" font-style:italic; text-decoration: underline;">alic</span>'
    ' <span style=" color:#FF0000;">red</span> 1 &lt; 2 &amp; a\xa0b</p>\n'
    '<p style="-qt-paragraph-type:empty; margin-top:0px;"><br /></p>\n'
    '<p style=" margin-top:0px;">line<br />break <img src="cat.png" width="20" /></p>\n'
    '<ul style="margin-top: 0px; -qt-list-indent: 1;">\n<li style=" margin-top:12px;">one</li>\n'
    '<li style=" margin-top:0px;">two</li></ul>\n'
    '<ol style="-qt-list-indent: 1;"><li>first</li></ol></body></html>'
)


def test_qt_document_becomes_minimal_inline_html():
    assert clean_field_html(QT_DOCUMENT) == (
        'Plain <b>bold</b> <i>it<u>alic</u></i> <span style="color:#ff0000">red</span> 1 &lt; 2 &amp; a&nbsp;b'
        '<br><br>line<br>break <img src="cat.png">'
        "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
    )


@pytest.mark.parametrize(
    "source, clean",
    [
        ("", ""),
        ("<b>a</b> <i>b</i>", "<b>a</b> <i>b</i>"),
        ("<strong>x</strong><em>y</em>", "<b>x</b><i>y</i>"),
        ("<b>x<span style='font-weight:400'>y</span></b>", "<b>x</b>y"),
        ("<div>a</div><div>b</div>", "a<br>b"),
        ("  spaced \n  out  ", "spaced out"),
        ("<font color='#0a0'>g</font>", '<span style="color:#00aa00">g</span>'),
        ("<span style='color: rgb(1, 2, 3)'>c</span>", '<span style="color:#010203">c</span>'),
        ("<a href='https://x.org'>link</a>", "link"),
        ("<script>alert(1)</script>safe<style>p{}</style>", "safe"),
        ("{{c1::Paris}} is in <b>{{c2::France}}</b>", "{{c1::Paris}} is in <b>{{c2::France}}</b>"),
        ('<img src="https://example.org/x.png"><img src="../up.png"><img src="ok.png">', '<img src="ok.png">'),
        ("a\x1fb\x00c", "abc"),
        ("<ul><li></li></ul>", ""),
    ],
)
def test_cleaning_examples(source, clean):
    assert clean_field_html(source) == clean


_TAGS = ["b", "i", "u", "strong", "em", "span", "div", "p", "ul", "ol", "li", "font", "a", "h1", "table", "td", "br", "img"]
_STYLE = st.sampled_from(
    ["", "font-weight:700", "font-weight:400", "font-style:italic", "text-decoration: underline", "color:#AbC", "color:red"]
)


@st.composite
def html_soup(draw) -> str:
    """Random, often malformed, HTML from the tags and styles field HTML meets."""
    parts = []
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            style = draw(_STYLE)
            src = f' src="{draw(st.sampled_from(["a.png", "b c.jpg", "x/y.png"]))}"' if tag == "img" else ""
            parts.append(f"<{tag}{src}" + (f' style="{style}"' if style else "") + ">")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.text(st.sampled_from(list("ab <>&;\xa0\n\t{}:c1")), max_size=8)))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(html_soup())
@example("</b><ul><br></b></ul><div><div>")  # an empty block after a list: no <br> may follow the block keeping it out
@example('<ul>1</ul><img src="a.png"><div>1')  # an image alone after a list, then a paragraph: the image is no blank line
def test_cleaning_is_stable(source):
    """What the editor stores, cleaned again, is unchanged (load → save → load is a fixed point)."""
    once = clean_field_html(source)
    assert clean_field_html(once) == once
    assert "\x1f" not in once


def test_duplicate_key_follows_anki():
    assert duplicate_key("<b>Heat</b>&nbsp;1995") == "Heat 1995"
    assert duplicate_key('A <img src="cat.png"> B') == "A  cat.png  B"
    assert duplicate_key("1 &lt; 2") == "1 < 2"
    assert duplicate_key("Heat") != duplicate_key("heat")


def test_next_cloze_number_uses_every_field():
    assert next_cloze_number(["plain", ""]) == 1
    assert next_cloze_number(["plain", ""], same=True) == 1
    assert next_cloze_number(["{{c1::a}} {{c3::b}}", "{{c4::x}}"]) == 5
    assert next_cloze_number(["{{c1::a}} {{c3::b}}", "{{c4::x}}"], same=True) == 4


def test_media_file_names_are_safe_and_content_addressed():
    name = media_file_name(b"png bytes", "../../etc/My Photo!.PNG")
    assert name.startswith("My-Photo") and name.endswith(".png") and "/" not in name
    assert name == media_file_name(b"png bytes", "My Photo!.png")
    assert name != media_file_name(b"other bytes", "My Photo!.png")
    assert media_file_name(b"x", "").startswith("media-")


def test_add_media_stores_each_content_once(collection):
    first = collection.add_media(b"\x89PNG data", "paste.png")
    again = collection.add_media(b"\x89PNG data", "paste.png")
    other = collection.add_media(b"\x89PNG other", "paste.png")
    assert first == again != other
    assert (collection.media_folder / first).read_bytes() == b"\x89PNG data"
    assert sorted(p.name for p in collection.media_folder.iterdir()) == sorted([first, other])


def test_all_tags_are_distinct_and_sorted(collection):
    collection.add_note("Basic", ["a", "b"], "Default", tags=["zeta", "Alpha"])
    collection.add_note("Basic", ["c", "d"], "Default", tags=["alpha", "beta"])
    assert collection.all_tags() == ["Alpha", "beta", "zeta"]


def test_duplicate_of_first_field(collection):
    basic = collection.notetype_named("Basic")
    note = collection.add_note("Basic", ["<b>Heat</b>", "1995"], "Default")
    assert collection.duplicate_of_first_field(basic.id, "Heat") == [note.id]
    assert collection.duplicate_of_first_field(basic.id, "<i>Heat</i>") == [note.id]
    assert collection.duplicate_of_first_field(basic.id, "heat") == []
    assert collection.duplicate_of_first_field(basic.id, "Heat", exclude_note_id=note.id) == []
    reversed_type = collection.notetype_named("Basic (and reversed card)")
    assert collection.duplicate_of_first_field(reversed_type.id, "Heat") == []
    assert collection.duplicate_of_first_field(basic.id, "  ") == []


def test_create_note_refuses_a_note_without_cards(collection):
    cloze = collection.notetype_named("Cloze")
    basic = collection.notetype_named("Basic")
    deck = collection.deck_named("Default")
    with pytest.raises(InvalidInputError, match="Ctrl\\+Shift\\+C"):
        collection.create_note(cloze.id, deck.id, ["no deletion here", ""])
    with pytest.raises(InvalidInputError, match="fill in the Front field"):
        collection.create_note(basic.id, deck.id, ["", "only a back"])
    assert collection.find_cards("") == []


def test_create_note_reports_its_cards(collection):
    reversed_type = collection.notetype_named("Basic (and reversed card)")
    deck = collection.add_deck("Films")
    changes = collection.create_note(reversed_type.id, deck.id, ["Heat", "1995"], tags=["film"])
    cards = [collection.card(i) for i in changes.cards]
    assert sorted(c.ordinal for c in cards) == [0, 1]
    assert {c.deck_id for c in cards} == {deck.id}
    assert collection.note(next(iter(changes.notes))).tags == ("film",)
    assert changes.decks and changes.queue


def test_preview_note_names_each_card(collection):
    cloze = collection.notetype_named("Cloze")
    previews = collection.preview_note(cloze.id, ["{{c1::Mann}} directed {{c2::Heat}}", ""])
    assert [name for name, _ in previews] == ["Cloze 1", "Cloze 2"]
    assert "[...]" in previews[0][1].question and "Mann" in previews[0][1].answer
    reversed_type = collection.notetype_named("Basic (and reversed card)")
    assert [n for n, _ in collection.preview_note(reversed_type.id, ["a", "b"])] == ["Card 1", "Card 2"]
    assert collection.preview_note(reversed_type.id, ["a", ""])[0][0] == "Card 1"


def test_update_note_keeps_progress_and_follows_anki_on_cloze_changes(collection):
    note = collection.add_note("Cloze", ["{{c1::Pacino}} and De Niro", ""], "Default")
    (card_id,) = collection.find_cards(f"nid:{note.id}")
    collection.answer(card_id, Rating.GOOD)
    collection.answer(card_id, Rating.GOOD)
    before = collection.card(card_id)
    assert before.reps == 2 and before.stability is not None

    collection.update_note(note.id, ["{{c1::Pacino}} and {{c2::De Niro}}", "extra"])
    assert collection.card(card_id) == before  # fields changed: progress untouched
    ids = collection.find_cards(f"nid:{note.id}")
    assert len(ids) == 2 and collection.card(ids[1]).ordinal == 1  # a new deletion makes a new card

    collection.update_note(note.id, ["Pacino and {{c2::De Niro}}", "extra"])
    assert collection.find_cards(f"nid:{note.id}") == ids  # as in Anki, a removed deletion keeps its card
    assert collection.card(card_id) == before


def test_media_file_accepts_only_plain_files_directly_in_the_folder(tmp_path):
    from heatcards.note_html import media_file

    folder = tmp_path / "media"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"x")
    (tmp_path / "outside.png").write_bytes(b"x")
    (folder / "link.png").symlink_to(tmp_path / "outside.png")
    (folder / "sub").mkdir()
    assert media_file(folder, "a.png") == (folder / "a.png").resolve()
    for name in ("../outside.png", "link.png", "sub", "missing.png", "a%00b.png", "a\x00b.png", "", "/etc/passwd"):
        assert media_file(folder, name) is None, name
