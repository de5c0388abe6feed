"""Documents: reading files into text with paragraphs, keeping them in the collection, adding the
cards suggested from them, and choosing a suggestion engine."""
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heatcards.authoring.engines import ENGINE_NAMES, engine_named
from heatcards.authoring.model import DocumentText, Suggestion, SuggestionKind
from heatcards.authoring.reading import MAX_DOCUMENT_BYTES, SUPPORTED_SUFFIXES, read_document
from heatcards.errors import DocumentError, GenerationError, InvalidInputError, NotFoundError
from heatcards.model import SourceStatus

from .conftest import needs_shared


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def paragraph_texts(document: DocumentText) -> list[str]:
    return [document.text[start:end] for start, end in document.paragraphs]


def pdf_bytes(pages: list[list[str]], title: str | None = None) -> bytes:
    """A small PDF whose pages draw these lines of text in Helvetica (a real text layer); an empty
    page list item makes a page with nothing on it."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        shown = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
        stream = f"BT /F1 12 Tf 72 720 Td {shown} ET" if lines else ""
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    if title is not None:
        objects.append(f"<< /Title ({title}) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    info = f" /Info {len(objects)} 0 R" if title is not None else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- plain text ----------------------------------------------------------------------------------
def test_plain_text_keeps_its_text_and_finds_paragraphs(tmp_path):
    path = write(tmp_path, "heat.txt", "Heat (1995)\r\n\r\nMichael Mann directed it.  \r\nIt is set in L.A.\r\n\r\n\r\n\r\nThe end.\r\n")
    document = read_document(path)
    assert document.text == "Heat (1995)\n\nMichael Mann directed it.\nIt is set in L.A.\n\nThe end."
    assert paragraph_texts(document) == ["Heat (1995)", "Michael Mann directed it.\nIt is set in L.A.", "The end."]
    assert document.title == "Heat (1995)"
    assert document.file_name == "heat.txt"
    assert document.paragraph_of(document.text.index("L.A.")) == 2


def test_a_long_first_line_is_cut_at_a_word_for_the_title(tmp_path):
    first = "word " * 60
    document = read_document(write(tmp_path, "long.txt", first + "\n\nMore."))
    assert document.title.endswith("…") and len(document.title) <= 121
    assert document.title[:-1] == document.title[:-1].rstrip() and first.startswith(document.title[:-1])


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16-le", "utf-16-be", "utf-32"])
def test_text_with_a_byte_order_mark_is_read(tmp_path, encoding):
    text = "Déjà vu in Zürich: 3 € and 東京.\n\nSecond paragraph."
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)
    document = read_document(write(tmp_path, "bom.txt", data))
    assert document.text == text
    assert len(document.paragraphs) == 2


@given(st.lists(st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1).map(str.strip).filter(bool), min_size=1, max_size=6))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_paragraphs_written_as_utf8_read_back_exactly(tmp_path, paragraphs):
    text = "\n\n".join(paragraphs)
    document = read_document(write(tmp_path, "any.txt", text))
    assert document.text == unicodedata.normalize("NFC", text)
    assert len(document.paragraphs) == len(paragraphs)


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_paragraph_offsets_always_point_at_the_text(tmp_path, text):
    for name in ("any.txt", "any.md", "any.html"):
        try:
            document = read_document(write(tmp_path, name, text.encode("utf-8", "surrogatepass")))
        except DocumentError as error:
            assert str(tmp_path / name) in str(error)
            continue
        assert document.paragraphs, name
        previous_end = 0
        for start, end in document.paragraphs:
            assert previous_end <= start < end <= len(document.text)
            paragraph = document.text[start:end]
            assert paragraph.strip() and "\n\n" not in paragraph
            assert document.text[previous_end:start].strip() == ""  # only blank lines between paragraphs
            previous_end = end
        assert previous_end == len(document.text)
        assert document.title


# --- Markdown ------------------------------------------------------------------------------------
MARKDOWN = """---
layout: post
title: "Making Heat"
---

# How *Heat* was made

Michael Mann **researched** for [ten years](https://example.org/years "years") and wrote
the script with `care`.

![a still](still.png)

- Robert De Niro plays _Neil McCauley_.
* Al Pacino plays Vincent Hanna.
2. Val Kilmer plays Chris.

> The film opened on December 15, 1995.

```python
print("not prose")
```

Shooting
--------

It cost $60 million \\*roughly\\*. See <https://example.org>.

[years]: https://example.org/ref
"""


def test_markdown_becomes_plain_text(tmp_path):
    document = read_document(write(tmp_path, "heat.md", MARKDOWN))
    assert document.title == "Making Heat"  # the front matter's title
    assert paragraph_texts(document) == [
        "How Heat was made",
        "Michael Mann researched for ten years and wrote the script with care.",
        "Robert De Niro plays Neil McCauley.",
        "Al Pacino plays Vincent Hanna.",
        "Val Kilmer plays Chris.",
        "The film opened on December 15, 1995.",
        "Shooting",
        "It cost $60 million *roughly*. See https://example.org.",
    ]


def test_markdown_title_is_the_first_heading(tmp_path):
    document = read_document(write(tmp_path, "notes.markdown", "Some intro.\n\n## The *first* heading\n\nText."))
    assert document.title == "The first heading"
    assert "snake_case_name" in read_document(write(tmp_path, "code.md", "Call snake_case_name now.")).text


# --- HTML ----------------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html><head><title>Heat (1995) &amp; its making</title>
<style>p { color: red }</style><script>var ignored = "script text";</script></head>
<body>
<header><h1>Site name</h1><nav><a href="/">Home</a> <a href="/films">Films</a></nav></header>
<aside>Related: other films</aside>
<main>
  <article>
    <h1>The making of <em>Heat</em></h1>
    <p>Michael Mann&#8217;s film opened on December&nbsp;15, 1995.<br>It cost $60&nbsp;million.</p>
    <ul><li>De Niro</li><li>Pacino</li></ul>
    <img src="still.jpg" alt="a still">
    <form><label>Subscribe</label><input name="e"></form>
    <noscript>Enable JavaScript</noscript>
    <svg><text>drawn text</text></svg>
    <template><p>template text</p></template>
    <table><tr><td>Budget</td><td>$60 million</td></tr></table>
  </article>
</main>
<footer>Copyright 2024</footer>
</body></html>"""


def test_html_main_text_only(tmp_path):
    document = read_document(write(tmp_path, "heat.html", PAGE))
    assert document.title == "Heat (1995) & its making"
    assert paragraph_texts(document) == [
        "The making of Heat",
        "Michael Mann’s film opened on December 15, 1995.",  # no-break spaces become spaces
        "It cost $60 million.",
        "De Niro",
        "Pacino",
        "Budget $60 million",
    ]
    for left_out in ("script text", "color", "Home", "Site name", "Related", "Subscribe", "JavaScript", "drawn", "template", "Copyright"):
        assert left_out not in document.text


def test_html_without_article_keeps_the_body_and_takes_the_title_from_the_first_heading(tmp_path):
    page = "<body><nav>Menu</nav><h1>Chicago  crews</h1><div>Neil McCauley robbed banks.<div>He was shot in 1964.</div></div></body>"
    document = read_document(write(tmp_path, "crews.htm", page))
    assert document.title == "Chicago crews"
    assert paragraph_texts(document) == ["Chicago crews", "Neil McCauley robbed banks.", "He was shot in 1964."]


def test_html_in_a_declared_encoding(tmp_path):
    page = '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>Cr\xe8me br\xfbl\xe9e € 5</p></body></html>'
    document = read_document(write(tmp_path, "cafe.html", page.encode("cp1252")))
    assert document.title == "Café"
    assert document.text == "Crème brûlée € 5"
    xhtml = '<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>na\xefve</p></body></html>'
    assert read_document(write(tmp_path, "page.xhtml", xhtml.encode("latin-1"))).text == "naïve"
    old_style = '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis"><p>\u6771\u4eac</p>'
    assert read_document(write(tmp_path, "tokyo.htm", old_style.encode("shift_jis"))).text == "東京"


def test_broken_html_is_read_leniently(tmp_path):
    page = "<html><head><title>Broken</title><body><p>First <b>bold <i>both</p><p>Second</div></span><li>Third"
    document = read_document(write(tmp_path, "broken.html", page))
    assert document.title == "Broken"
    assert paragraph_texts(document) == ["First bold both", "Second", "Third"]


@pytest.mark.parametrize("ending", ["</p", '<a href="notes', "<!-- unfinished comment", "<!DOCTYPE"])
def test_html_that_ends_inside_markup_drops_it(tmp_path, ending):
    page = "<p>The dam was completed in 1936. It is 726 feet " + ending
    document = read_document(write(tmp_path, "cut.html", page))
    assert paragraph_texts(document) == ["The dam was completed in 1936. It is 726 feet"]


def test_html_keeps_a_less_than_sign_that_starts_no_markup(tmp_path):
    document = read_document(write(tmp_path, "sign.html", "<p>In 1936 fewer than 3 <4 cells were counted; 3 < 4"))
    assert paragraph_texts(document) == ["In 1936 fewer than 3 <4 cells were counted; 3 < 4"]


# --- PDF -----------------------------------------------------------------------------------------
def test_pdf_text_layer(tmp_path):
    pages = [
        ["Heat is a 1995 crime film written and directed", "by Michael Mann.", "", "It stars Al Pacino and Robert De Niro."],
        ["The film cost $60 million to make."],
    ]
    document = read_document(write(tmp_path, "heat.pdf", pdf_bytes(pages, title="Heat notes")))
    assert document.title == "Heat notes"
    texts = paragraph_texts(document)
    assert "Heat is a 1995 crime film written and directed by Michael Mann." in texts
    assert "The film cost $60 million to make." in texts
    assert all("\n" not in t for t in texts)


def test_pdf_title_falls_back_to_the_first_line(tmp_path):
    document = read_document(write(tmp_path, "untitled.pdf", pdf_bytes([["Collateral (2004)"]])))
    assert document.title == "Collateral (2004)"


# --- refused -------------------------------------------------------------------------------------
def refused(path) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert str(path) in message  # every message names the file
    return message


def test_empty_file_is_refused(tmp_path):
    assert "empty" in refused(write(tmp_path, "empty.txt", b""))
    assert "no text" in refused(write(tmp_path, "blank.md", "  \n\n\t\n"))


def test_binary_file_is_refused(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
    assert "binary" in refused(write(tmp_path, "picture.txt", png))


def test_pdf_without_a_text_layer_is_refused(tmp_path):
    message = refused(write(tmp_path, "scan.pdf", pdf_bytes([[], []])))
    assert "no text layer" in message and "OCR" in message


def test_damaged_pdf_is_refused(tmp_path):
    assert "not a readable PDF" in refused(write(tmp_path, "damaged.pdf", b"%PDF-1.4\nthis is not really a PDF"))


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: nothing written
    opened = []
    monkeypatch.setattr(type(path), "open", lambda self, *a, **k: opened.append(self))
    message = refused(path)
    assert "50.0 MB" in message and f"{MAX_DOCUMENT_BYTES // 1024 // 1024} MB" in message
    assert opened == []


def test_html_with_no_text_is_refused(tmp_path):
    page = "<html><head><script>document.write('hello')</script></head><body><nav>Menu</nav><div><img src=x></div>"
    assert "no readable text" in refused(write(tmp_path, "app.html", page))


def test_unknown_encoding_names_the_byte_and_its_offset(tmp_path):
    message = refused(write(tmp_path, "latin.txt", "Café au lait".encode("latin-1")))
    assert "byte 0xE9 at offset 3 is not UTF-8" in message and "save it as UTF-8" in message
    undeclared = refused(write(tmp_path, "odd.html", b'<meta charset="klingon-8"><p>Qapla</p>'))
    assert "'klingon-8'" in undeclared and "not known" in undeclared


def test_unsupported_extension_lists_the_supported_ones(tmp_path):
    message = refused(write(tmp_path, "report.docx", b"PK\x03\x04"))
    assert "'.docx'" in message
    for suffix in (".txt", ".md", ".html", ".pdf"):
        assert suffix in SUPPORTED_SUFFIXES and suffix in message


def test_a_folder_or_a_missing_file_is_refused(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    assert "folder" in refused(tmp_path / "folder.txt")
    assert "No such file" in refused(tmp_path / "missing.txt")


# --- the collection: documents ---------------------------------------------------------------------
TEXT = "Heat is a 1995 crime film.\n\nMichael Mann directed it in Los Angeles.\n\nIt cost $60 million."
DOCUMENT = DocumentText("Heat", "heat.txt", TEXT, ((0, 26), (28, 68), (70, 90)))


def cloze(start: int, end: int, front: str = "Heat is a {{c1::1995}} crime film.") -> Suggestion:
    return Suggestion(SuggestionKind.CLOZE, front, "", "1995", start, end, "cloze:year")


def question(start: int, end: int) -> Suggestion:
    return Suggestion(SuggestionKind.QUESTION, "Who directed Heat?", "Michael <Mann> & co", "Michael Mann", start, end, "question:who")


def test_the_test_document_is_consistent():
    assert paragraph_texts(DOCUMENT) == TEXT.split("\n\n")


def test_adding_the_same_document_again_adds_nothing(collection):
    document_id, existed = collection.add_document(DOCUMENT)
    assert not existed
    assert collection.add_document(DocumentText("Other title", "copy.txt", TEXT, DOCUMENT.paragraphs)) == (document_id, True)
    [summary] = collection.documents()
    assert (summary.id, summary.title, summary.file_name, summary.word_count, summary.note_count) == (document_id, "Heat", "heat.txt", 17, 0)
    assert summary.added == collection.now() and summary.text_stored
    assert collection.stored_document(document_id).document == DOCUMENT


def test_a_document_with_bad_paragraphs_or_no_text_is_refused(collection):
    with pytest.raises(InvalidInputError, match="paragraph"):
        collection.add_document(DocumentText("Heat", "heat.txt", TEXT, ((0, 26), (20, 40))))
    with pytest.raises(InvalidInputError, match="no text"):
        collection.add_document(DocumentText("Empty", "empty.txt", " \n", ()))
    assert collection.documents() == []


def test_suggestions_become_notes_citing_their_passage_in_one_undoable_step(collection):
    document_id, _ = collection.add_document(DOCUMENT)
    changes = collection.add_suggestions(
        document_id, [cloze(0, 26), question(28, 68)], deck_name="Films::Heat", tags=["heat", "film"]
    )
    assert len(changes.notes) == 2 and len(changes.cards) == 2 and changes.queue
    notes = {collection.note(n).fields[0]: collection.note(n) for n in changes.notes}
    cloze_note, question_note = notes["Heat is a {{c1::1995}} crime film."], notes["Who directed Heat?"]
    assert question_note.fields == ("Who directed Heat?", "Michael &lt;Mann&gt; &amp; co")
    assert cloze_note.source.document_id == document_id and (cloze_note.source.start, cloze_note.source.end) == (0, 26)
    assert cloze_note.source.paragraph == 1 and question_note.source.paragraph == 2
    assert set(cloze_note.tags) == {"heat", "film"}
    assert {collection.deck(collection.card(c).deck_id).name for c in changes.cards} == {"Films::Heat"}
    card_id = next(c for c in changes.cards if collection.card(c).note_id == question_note.id)
    passage = collection.source_passage(card_id)
    assert passage.status is SourceStatus.FOUND and passage.text[passage.span_start:passage.span_end] == TEXT[28:68]
    stored = collection.stored_document(document_id)
    assert stored.note_spans == ((0, 26), (28, 68))
    assert collection.documents()[0].note_count == 2

    assert collection.undo_preview().label == "add cards from document"
    assert collection.undo() == "add cards from document"
    assert collection.find_cards() == [] and collection.stored_document(document_id).note_spans == ()


def test_a_suggestion_outside_the_document_is_refused_and_nothing_is_added(collection):
    document_id, _ = collection.add_document(DOCUMENT)
    for bad in (cloze(80, 95), cloze(-1, 5), cloze(10, 10)):
        with pytest.raises(InvalidInputError, match="outside document"):
            collection.add_suggestions(document_id, [cloze(0, 26), bad], deck_name="Heat")
    with pytest.raises(InvalidInputError, match="no Cloze card"):
        collection.add_suggestions(document_id, [cloze(0, 26, front="No deletion here.")], deck_name="Heat")
    assert collection.find_cards() == []


def test_note_types_must_suit_the_kind_of_card(collection):
    document_id, _ = collection.add_document(DOCUMENT)
    with pytest.raises(InvalidInputError, match="cloze note type"):
        collection.add_suggestions(document_id, [cloze(0, 26)], deck_name="Heat", cloze_notetype="Basic")
    with pytest.raises(InvalidInputError, match="standard"):
        collection.add_suggestions(document_id, [question(28, 68)], deck_name="Heat", question_notetype="Cloze")
    with pytest.raises(NotFoundError, match="no note type named"):
        collection.add_suggestions(document_id, [question(28, 68)], deck_name="Heat", question_notetype="Nope")
    changes = collection.add_suggestions(
        document_id, [question(28, 68)], deck_name="Heat", question_notetype="Basic (and reversed card)"
    )
    assert len(changes.cards) == 2  # both directions


def test_deleting_a_document_keeps_its_cards_and_their_source_says_it_is_gone(collection):
    document_id, _ = collection.add_document(DOCUMENT)
    added = collection.add_suggestions(document_id, [cloze(0, 26), question(28, 68)], deck_name="Heat")
    backups_before = len(collection.backups.list())
    changes = collection.delete_document(document_id)
    assert changes.cards == added.cards and changes.notes == added.notes
    assert len(collection.backups.list()) == backups_before + 1
    assert collection.documents() == []
    assert sorted(collection.find_cards()) == sorted(added.cards)
    for card_id in added.cards:
        passage = collection.source_passage(card_id)
        assert passage.status is SourceStatus.DOCUMENT_DELETED and passage.status.value == "document deleted"
    with pytest.raises(NotFoundError, match="deleted"):
        collection.stored_document(document_id)
    with pytest.raises(NotFoundError):
        collection.delete_document(document_id)
    with pytest.raises(NotFoundError):
        collection.add_suggestions(document_id, [cloze(0, 26)], deck_name="Heat")


def test_the_seed_articles_give_the_heat_deck_its_passages(heat_collection):
    """The Heat deck names its two articles by hash only; reading the same files fills in their text."""
    known = {d.file_name: d for d in heat_collection.documents()}
    assert not any(d.text_stored for d in known.values())
    card_id = next(c for c in heat_collection.find_cards() if heat_collection.source_passage(c) is not None)
    assert heat_collection.source_passage(card_id).status is SourceStatus.TEXT_NOT_STORED
    for file_name, summary in known.items():
        with pytest.raises(NotFoundError, match="not stored"):
            heat_collection.stored_document(summary.id)
        document = read_document(needs_shared(f"seeds/{file_name}"))
        assert heat_collection.add_document(document) == (summary.id, True)
        assert heat_collection.stored_document(summary.id).note_spans
    assert all(d.text_stored and d.word_count > 300 for d in heat_collection.documents())
    assert heat_collection.source_passage(card_id).status is SourceStatus.FOUND


# --- engines -------------------------------------------------------------------------------------
def test_the_language_model_engine_needs_a_server_and_a_model():
    with pytest.raises(GenerationError, match="--llm-url"):
        engine_named("llm")
    with pytest.raises(GenerationError, match="model name"):
        engine_named("llm", llm_url="http://127.0.0.1:9")
    from heatcards.authoring.llm import LlmEngine
    from heatcards.authoring.model import LanguageModelSettings

    engine = engine_named("llm", llm_url="http://127.0.0.1:9", llm_model="tiny")
    assert isinstance(engine, LlmEngine) and engine.name == "llm"
    saved = LanguageModelSettings("http://localhost:11434", "saved-model")
    assert engine_named("llm", settings=saved).settings == saved
    assert engine_named("llm", llm_model="other", settings=saved).settings.model == "other"


def test_the_rules_engine_is_the_default():
    from heatcards.authoring.rules import RulesEngine

    engine = engine_named(ENGINE_NAMES[0])
    assert isinstance(engine, RulesEngine) and ENGINE_NAMES[0] == engine.name == "rules"


def test_the_spacy_engine_is_chosen_by_name():
    from heatcards.authoring.spacy_engine import SpacyEngine

    engine = engine_named("spacy")
    assert isinstance(engine, SpacyEngine) and engine.name == "spacy"


def test_an_unknown_engine_is_refused():
    with pytest.raises(GenerationError, match="rules, spacy, llm"):
        engine_named("magic")

