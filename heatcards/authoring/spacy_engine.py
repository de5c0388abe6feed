"""Card suggestions from spaCy's named entities and dependency parse, for those who install it
(`pip install 'heatcards[nlp]'` and an English pipeline such as en_core_web_sm).

The cards are made as the default rules engine makes them (rules.suggest_from_mentions: the same
sentences, the same rules of good cards, ranking and cap); spaCy only replaces what finds the facts,
and adds questions the parse makes safe: when a person (or work, event, organisation) is the whole
subject of a sentence and opens it, "Marie Curie discovered polonium." becomes "Who discovered polonium?".
spaCy is imported only when suggestions are asked for, so the core runs without it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..errors import GenerationError
from . import lexicon
from .entities import Mention, MentionKind, NameBook, find_terms
from .model import DEFAULT_CARDS_PER_1000_WORDS, DocumentText, Progress, Suggestion
from .rules import Claim, check_cards_per_1000_words, suggest_from_mentions
from .sentences import paragraph_openings, split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm"
_PROGRESS_EVERY = 25  # sentences
_KINDS = {
    "PERSON": MentionKind.PERSON,
    "ORG": MentionKind.ORGANISATION,
    "GPE": MentionKind.PLACE,
    "LOC": MentionKind.PLACE,
    "WORK_OF_ART": MentionKind.WORK,
    "EVENT": MentionKind.NAME,
    "MONEY": MentionKind.MONEY,
    "QUANTITY": MentionKind.QUANTITY,
}
_TIME_UNIT = re.compile(rf"\b(?:{lexicon.TIME_UNITS})\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:in )?(\d{4})")
_QUESTION_WORDS = {
    MentionKind.PERSON: "Who",
    MentionKind.WORK: "What",
    MentionKind.NAME: "What",
    MentionKind.ORGANISATION: "Which organisation",
}
_SUBJECTS = ("nsubj", "nsubjpass")


class SpacyEngine:
    """Suggestions from a spaCy pipeline's entities and parse (loaded on first use)."""

    name = "spacy"

    def __init__(self, model: str = DEFAULT_MODEL):
        self.model = model  # a pipeline's package name, or the folder a pipeline was saved to
        self._nlp: Any = None

    def suggest(
        self,
        document: DocumentText,
        *,
        cards_per_1000_words: float = DEFAULT_CARDS_PER_1000_WORDS,
        progress: Progress | None = None,
    ) -> list[Suggestion]:
        check_cards_per_1000_words(cards_per_1000_words)
        nlp = self._pipeline()
        sentences = split_sentences(document.text)
        book = NameBook.from_texts([sentence.text for sentence in sentences], paragraph_openings(document.text, sentences))
        parsed: list[Doc] = []
        for doc in nlp.pipe(sentence.text for sentence in sentences):
            if progress and len(parsed) % _PROGRESS_EVERY == 0:
                progress("Finding facts", len(parsed), len(sentences))
            parsed.append(doc)
        found = [_mentions(doc, book) for doc in parsed]

        def ask(index: int, claim: Claim, mention: Mention) -> tuple[str, str] | None:
            return _parse_question(parsed[index], claim, mention)

        suggestions = suggest_from_mentions(
            document, sentences, found, book, cards_per_1000_words=cards_per_1000_words, progress=progress, ask=ask
        )
        return [replace(suggestion, rule=f"spacy:{suggestion.rule}") for suggestion in suggestions]

    def _pipeline(self) -> Any:
        if self._nlp is None:
            try:
                import spacy
            except ImportError as error:
                raise GenerationError(
                    f"the spaCy engine needs spaCy, which is not installed ({error}); install it with "
                    f"pip install 'heatcards[nlp]' and then python -m spacy download {DEFAULT_MODEL}"
                ) from None
            try:
                self._nlp = spacy.load(self.model)
            except OSError as error:
                raise GenerationError(
                    f"spaCy has no pipeline called {self.model} ({error}); install it with "
                    f"python -m spacy download {self.model}, or use the default rules engine"
                ) from None
        return self._nlp


def _mentions(doc: Doc, book: NameBook) -> list[Mention]:
    """What spaCy found in one sentence, as the rules engine's mentions, in order, with the technical
    terms the rules engine finds ("a technique called trilateration"), which spaCy does not label."""
    mentions = []
    for entity in doc.ents:
        kind, end = _kind_of(entity)
        if kind is None:
            continue
        start = entity.start_char
        text = doc.text[start:end]
        quoted = start > 0 and doc.text[start - 1] in "\"“'‘" and doc.text[end : end + 1] in ("\"", "”", "'", "’")
        possessive = doc.text[end : end + 2] in ("'s", "’s")
        name = book.full_name(text) if kind is MentionKind.PERSON else text
        mentions.append(Mention(kind, start, end, text, name, quoted, possessive))
    terms = [t for t in find_terms(doc.text) if all(t.end <= m.start or t.start >= m.end for m in mentions)]
    return sorted(mentions + terms, key=lambda mention: mention.start)


def _kind_of(entity: Span) -> tuple[MentionKind | None, int]:
    """The kind of fact an entity is and where it ends (a bare number takes the noun after it:
    "three Oscars"); None for what is not worth a card (a bare number, a percentage, a nationality)."""
    label, end = entity.label_, entity.end_char
    if label in _KINDS:
        return _KINDS[label], end
    if label in ("DATE", "TIME"):
        if _TIME_UNIT.search(entity.text) and any(token.like_num for token in entity):
            return MentionKind.DURATION, end
        if label == "DATE" and (year := _YEAR.fullmatch(entity.text)):
            return MentionKind.YEAR, entity.start_char + year.start(1) + 4
        return MentionKind.DATE, end
    if label == "CARDINAL" and entity.end < len(entity.doc):
        unit = entity.doc[entity.end]
        if unit.pos_ == "NOUN":
            return MentionKind.COUNT, unit.idx + len(unit.text)
    return None, end


def _parse_question(doc: Doc, claim: Claim, mention: Mention) -> tuple[str, str] | None:
    """(rule, question): "Who/What … ?" for a name the parse shows to be the whole subject of the
    sentence as written, opening it; None otherwise."""
    word = _QUESTION_WORDS.get(mention.kind)
    if word is None or claim.text != doc.text or mention.start != 0 or mention.possessive or not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(mention.start, mention.end)
    if span is None or not _is_whole_subject(span):
        return None
    rest = claim.text[mention.end :].rstrip().rstrip(".!").rstrip()
    if not rest.startswith(" ") or rest.startswith((" ,", " (")) or re.search(r"\b(he|him|she|her|it|they|them)\b", rest):
        return None
    return f"question:{word.split()[0].lower()}", f"{word}{rest}?"


def _is_whole_subject(span: Span) -> bool:
    """Whether `span` is the subject of the sentence's main verb with nothing else in the subject
    (no apposition, no relative clause), and the verb is a verb."""
    head = span.root
    if head.dep_ not in _SUBJECTS or head.head.dep_ != "ROOT" or head.head.pos_ not in ("VERB", "AUX"):
        return False
    subtree = list(head.subtree)
    return subtree[0].i == span.start and subtree[-1].i == span.end - 1
