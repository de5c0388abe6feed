"""The spaCy engine, on a small pipeline built here: a blank English pipeline, an entity ruler with
this file's names, and a stand-in parser that gives the sentences below their dependency parse.

The English models are not on PyPI (and tests have no internet), so this exercises our code, not a
model: the pipeline is saved to a folder and loaded by path, as `spacy.load` loads any pipeline.
"""
from __future__ import annotations

import sys

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from heatcards.authoring.entities import MentionKind
from heatcards.authoring.model import DocumentText, SuggestionKind
from heatcards.authoring.spacy_engine import SpacyEngine, _kind_of
from heatcards.errors import CancelledError, GenerationError

# word, part of speech, dependency, index of the head
PARSES = {
    "Marie Curie was awarded the Nobel Prize in Chemistry in 1911.": [
        ("Marie", "PROPN", "compound", 1), ("Curie", "PROPN", "nsubjpass", 3), ("was", "AUX", "auxpass", 3),
        ("awarded", "VERB", "ROOT", 3), ("the", "DET", "det", 6), ("Nobel", "PROPN", "compound", 6),
        ("Prize", "PROPN", "dobj", 3), ("in", "ADP", "prep", 6), ("Chemistry", "PROPN", "pobj", 7),
        ("in", "ADP", "prep", 3), ("1911", "NUM", "pobj", 9), (".", "PUNCT", "punct", 3),
    ],
    "Pierre Curie, a physicist, was awarded a prize in 1903.": [
        ("Pierre", "PROPN", "compound", 1), ("Curie", "PROPN", "nsubjpass", 7), (",", "PUNCT", "punct", 1),
        ("a", "DET", "det", 4), ("physicist", "NOUN", "appos", 1), (",", "PUNCT", "punct", 1),
        ("was", "AUX", "auxpass", 7), ("awarded", "VERB", "ROOT", 7), ("a", "DET", "det", 9),
        ("prize", "NOUN", "dobj", 7), ("in", "ADP", "prep", 7), ("1903", "NUM", "pobj", 10), (".", "PUNCT", "punct", 7),
    ],
    "Pierre Curie who studied magnetism was awarded a prize in 1903.": [
        ("Pierre", "PROPN", "compound", 1), ("Curie", "PROPN", "nsubjpass", 6), ("who", "PRON", "nsubj", 3),
        ("studied", "VERB", "relcl", 1), ("magnetism", "NOUN", "dobj", 3), ("was", "AUX", "auxpass", 6),
        ("awarded", "VERB", "ROOT", 6), ("a", "DET", "det", 8), ("prize", "NOUN", "dobj", 6), ("in", "ADP", "prep", 6),
        ("1903", "NUM", "pobj", 9), (".", "PUNCT", "punct", 6),
    ],
    "Bronisława Dłuska said that Marie Curie was working in Paris.": [
        ("Bronisława", "PROPN", "compound", 1), ("Dłuska", "PROPN", "nsubj", 2), ("said", "VERB", "ROOT", 2),
        ("that", "SCONJ", "mark", 7), ("Marie", "PROPN", "compound", 5), ("Curie", "PROPN", "nsubj", 7),
        ("was", "AUX", "aux", 7), ("working", "VERB", "ccomp", 2), ("in", "ADP", "prep", 7),
        ("Paris", "PROPN", "pobj", 8), (".", "PUNCT", "punct", 2),
    ],
    "The Radium Institute employed four chemists in its first year.": [
        ("The", "DET", "det", 2), ("Radium", "PROPN", "compound", 2), ("Institute", "PROPN", "nsubj", 3),
        ("employed", "VERB", "ROOT", 3), ("four", "NUM", "nummod", 5), ("chemists", "NOUN", "dobj", 3),
        ("in", "ADP", "prep", 3), ("its", "PRON", "poss", 9), ("first", "ADJ", "amod", 9), ("year", "NOUN", "pobj", 6),
        (".", "PUNCT", "punct", 3),
    ],
}
LAUREATES = [
    (first, last)
    for first in ("Anna", "Maria", "Jan", "Piotr", "Ewa", "Adam")
    for last in ("Nowak", "Kowalski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Mazur")
]


def awarded(first: str, last: str, year: int) -> str:
    """A sentence like the first of PARSES about someone else, with its parse."""
    model = "Marie Curie was awarded the Nobel Prize in Chemistry in 1911."
    sentence = model.replace("Marie Curie", f"{first} {last}").replace("1911", str(year))
    words = {"Marie": first, "Curie": last, "1911": str(year)}
    PARSES[sentence] = [(words.get(word, word), *rest) for word, *rest in PARSES[model]]
    return sentence


ENTITIES = [
    ("PERSON", "Marie Curie"), ("PERSON", "Pierre Curie"), ("PERSON", "Bronisława Dłuska"),
    ("WORK_OF_ART", "Nobel Prize in Chemistry"), ("GPE", "Paris"), ("GPE", "Warsaw"), ("ORG", "Radium Institute"),
    *[("DATE", str(year)) for year in range(1850, 1912)],
    *[("PERSON", f"{first} {last}") for first, last in LAUREATES], ("DATE", "seven months"), ("CARDINAL", "four"),
    ("CARDINAL", "42"), ("MONEY", "70,000 francs"), ("EVENT", "World War I"), ("QUANTITY", "one gram"),
]


@Language.component("heatcards_test_parser")
def stand_in_parser(doc):
    """The parse of the sentences in PARSES, as a trained parser would give it; other sentences get none."""
    for token, (word, pos, dep, head) in zip(doc, PARSES.get(doc.text, [])):
        assert token.text == word, (token.text, word)
        token.pos_, token.dep_, token.head = pos, dep, doc[head]
    return doc


@pytest.fixture(scope="module")
def pipeline_folder(tmp_path_factory):
    nlp = spacy.blank("en")
    nlp.add_pipe("heatcards_test_parser")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": label, "pattern": text} for label, text in ENTITIES]
    )
    folder = tmp_path_factory.mktemp("pipeline")
    nlp.to_disk(folder)
    return folder


@pytest.fixture
def engine(pipeline_folder):
    return SpacyEngine(str(pipeline_folder))


def document(*sentences: str, title: str = "Notes on radioactivity") -> DocumentText:
    text = " ".join(sentences)
    return DocumentText(title=title, file_name="notes.txt", text=text, paragraphs=((0, len(text)),))


def test_a_name_that_is_the_whole_subject_becomes_a_who_question(engine):
    sentence = "Marie Curie was awarded the Nobel Prize in Chemistry in 1911."
    doc = document("Radium glows faintly in the dark.", sentence)
    suggestions = engine.suggest(doc, cards_per_1000_words=1000)
    question = next(s for s in suggestions if s.kind is SuggestionKind.QUESTION)
    assert (question.front, question.back, question.answer, question.rule) == (
        "Who was awarded the Nobel Prize in Chemistry in 1911?", "Marie Curie", "Marie Curie", "spacy:question:who"
    )
    assert doc.text[question.start : question.end] == sentence
    cloze = [s for s in suggestions if s.kind is SuggestionKind.CLOZE]
    assert cloze and all(s.front.count("{{c1::") == 1 and s.rule.startswith("spacy:cloze:") for s in cloze)
    assert all(doc.text[s.start : s.end] == sentence for s in suggestions)


@pytest.mark.parametrize(
    "sentence",
    ["Pierre Curie, a physicist, was awarded a prize in 1903.", "Pierre Curie who studied magnetism was awarded a prize in 1903."],
)
def test_no_who_question_when_the_subject_is_more_than_the_name(engine, sentence):
    suggestions = engine.suggest(document(sentence), cards_per_1000_words=1000)
    assert suggestions  # the year and the name still make cloze cards
    assert not [s for s in suggestions if s.kind is SuggestionKind.QUESTION]


def test_no_who_question_for_the_subject_of_a_clause_or_a_sentence_that_does_not_open_with_it(engine):
    suggestions = engine.suggest(document("Bronisława Dłuska said that Marie Curie was working in Paris."), cards_per_1000_words=1000)
    assert not [s for s in suggestions if s.kind is SuggestionKind.QUESTION and s.answer == "Marie Curie"]
    assert {s.answer for s in suggestions} <= {"Bronisława Dłuska", "Marie Curie", "Paris"}


def test_a_number_with_its_noun_is_a_count_and_its_cloze_covers_both(engine):
    sentence = "The Radium Institute employed four chemists in its first year."
    suggestions = engine.suggest(document(sentence), cards_per_1000_words=1000)
    count = next(s for s in suggestions if s.rule == "spacy:cloze:count")
    assert count.front == "The Radium Institute employed {{c1::four chemists}} in its first year."


def test_a_term_the_sentence_names_is_a_fact_beside_the_entities(engine):
    sentence = "In 1898 the Curies used a method known as fractional crystallisation in Paris."
    suggestions = engine.suggest(document(sentence), cards_per_1000_words=1000)
    assert ("spacy:cloze:term", "In 1898 the Curies used a method known as {{c1::fractional crystallisation}} in Paris.") in {
        (s.rule, s.front) for s in suggestions
    }


def test_the_documents_own_topic_is_not_an_answer(engine):
    sentences = (
        "Marie Curie was awarded the Nobel Prize in Chemistry in 1911.",
        "Pierre Curie, a physicist, was awarded a prize in 1903.",
        "Bronisława Dłuska said that Marie Curie was working in Paris.",
    )
    answers = {s.answer for s in engine.suggest(document(*sentences), cards_per_1000_words=1000)}
    assert "Marie Curie" in answers
    answers = {s.answer for s in engine.suggest(document(*sentences, title="Marie Curie"), cards_per_1000_words=1000)}
    assert "Marie Curie" not in answers and "1911" in answers


def test_a_leading_pronoun_takes_the_one_name_before_it_or_the_sentence_is_skipped(engine):
    resolved = engine.suggest(
        document("Marie Curie was awarded the Nobel Prize in Chemistry in 1911.", "She was born in Warsaw in 1867."),
        cards_per_1000_words=1000,
    )
    assert "Marie Curie was born in Warsaw in {{c1::1867}}." in {s.front for s in resolved}
    ambiguous = engine.suggest(
        document("Bronisława Dłuska met Marie Curie in Paris in the spring of 1894.", "She was born in Warsaw in 1867."),
        cards_per_1000_words=1000,
    )
    assert not [s for s in ambiguous if "1867" in s.answer or "Warsaw" in s.answer]


@pytest.mark.parametrize(
    ("words", "label", "kind", "text"),
    [
        ("The prize brought 70,000 francs .", "MONEY", MentionKind.MONEY, "70,000 francs"),
        ("They moved to Paris .", "GPE", MentionKind.PLACE, "Paris"),
        ("It ended with World War I .", "EVENT", MentionKind.NAME, "World War I"),
        ("She isolated one gram .", "QUANTITY", MentionKind.QUANTITY, "one gram"),
        ("It took seven months .", "DATE", MentionKind.DURATION, "seven months"),
        ("It happened in 1898 .", "DATE", MentionKind.YEAR, "1898"),
        ("It happened on 4 July .", "DATE", MentionKind.DATE, "4 July"),
    ],
)
def test_entity_labels_become_the_kinds_of_fact_the_rules_know(words, label, kind, text):
    nlp = spacy.blank("en")
    doc = nlp(words)
    start = words.split().index(text.split()[0])
    entity = Span(doc, start, start + len(text.split()), label=label)
    found, end = _kind_of(entity)
    assert (found, doc.text[entity.start_char : end]) == (kind, text)


def test_a_bare_number_is_not_a_fact():
    nlp = spacy.blank("en")
    doc = nlp("Room 42 stayed open .")
    for token, pos in zip(doc, ("NOUN", "NUM", "VERB", "ADJ", "PUNCT")):
        token.pos_ = pos
    assert _kind_of(Span(doc, 1, 2, label="CARDINAL"))[0] is None
    assert _kind_of(Span(doc, 0, 1, label="NORP"))[0] is None


def test_the_number_of_cards_is_capped_and_progress_is_reported(engine):
    sentences = [awarded(first, last, year) for (first, last), year in zip(LAUREATES, range(1850, 1912))]
    reported = []
    doc = document(*sentences)
    suggestions = engine.suggest(doc, cards_per_1000_words=5, progress=lambda stage, done, total: reported.append((stage, done, total)))
    assert len(suggestions) == round(5 * doc.word_count / 1000)
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)
    assert reported[-1] == ("Writing cards", len(sentences), len(sentences))
    assert ("Finding facts", 0, len(sentences)) in reported


def test_cancelling_from_progress_stops(engine):
    def cancel(_stage, _done, _total):
        raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        engine.suggest(document("Marie Curie was awarded the Nobel Prize in Chemistry in 1911."), progress=cancel)


def test_without_spacy_the_message_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # as if it were not installed
    with pytest.raises(GenerationError, match=r"pip install 'heatcards\[nlp\]' and then python -m spacy download en_core_web_sm"):
        SpacyEngine().suggest(document("Marie Curie was awarded the Nobel Prize in Chemistry in 1911."))


def test_a_missing_pipeline_says_how_to_download_it():
    with pytest.raises(GenerationError, match=r"spaCy has no pipeline called xx_heatcards_absent .*python -m spacy download xx_heatcards_absent"):
        SpacyEngine("xx_heatcards_absent").suggest(document("Marie Curie was awarded the Nobel Prize in Chemistry in 1911."))
