"""Splitting a document's text into sentences that keep their character offsets.

Lines are first gathered into blocks (a blank line, a heading, a list item or a bullet starts a new
block; a line wrapped in the middle of a sentence joins the one before). Inside a block, a full stop,
question mark, exclamation mark or ellipsis ends a sentence when what follows could start one: not
after an abbreviation ("Mr.", "e.g.", "vs."), an initial ("J. R. R. Tolkien") or a dotted short form
("L.A.", "U.S.") unless the next word is one that usually opens a sentence, not before a lower-case
word, not inside parentheses that close later; an exclamation or question mark not inside a quotation
that closes soon after and goes on with the sentence ("Tora! Tora! Tora!," a film …) nor one inside a quotation
that goes on to its closing mark with no full stop but its last ("shouting, "Fire! Fire in the mill!""). Closing quotes
and brackets stay with their sentence; list numbers ("1. ", "3.Keanu") and bullets are left out of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from heatcards.authoring.lexicon import MONTH_NAMES, SENTENCE_STARTERS, TIME_ZONE_WORDS, WEEKDAYS


@dataclass(frozen=True)
class Sentence:
    start: int  # [start, end) in the document's text
    end: int
    text: str  # the document's text[start:end]

    @property
    def is_complete(self) -> bool:
        """Ends as a sentence does; a heading or a label without final punctuation does not."""
        return ends_like_a_sentence(self.text)


_LINE = re.compile(r"[^\n]+")
_FINAL_PUNCTUATION = re.compile(r"[.!?…][\"'”’)\]]*$")


def ends_like_a_sentence(text: str) -> bool:
    """Whether the text ends as a sentence does, with a full stop, a question or exclamation mark or an ellipsis before
    any closing quotes or brackets; a heading or a label ("The games", "Category 3") does not."""
    return bool(_FINAL_PUNCTUATION.search(text))
# A list number or bullet at the start of a block or sentence: "1. ", "3.Keanu", "(2) ", "- ", "# ".
_MARKER = re.compile(r"(?:\d{1,3}[.)](?!\d)|\(\d{1,3}\)|[-*•–—]|#{1,6}|>)[ \t]*")
# What may stand on its line before a sentence that opens a paragraph or a list item: nothing but a bullet or a number.
_BEFORE_A_PARAGRAPHS_FIRST_SENTENCE = re.compile(rf"[ \t]*(?:{_MARKER.pattern})?")
# Where a sentence may end: its final punctuation and any closing quotes or brackets after it.
_CANDIDATE = re.compile(r"(?:\.{3}|…|[.!?]+)[\"'”’)\]]*(?=\s|$)|(?<=[a-z]{2})[.!?][\"”’)]*(?=[A-Z][a-z])")
_TOKEN_BEFORE = re.compile(r"[\w.'’-]*$")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([\w’'-]+)")
_UNIT_LETTER = re.compile(r"°[A-Z]$")  # "°C", "°F": never an initial (a number before "J." may be a year: "In 1939 J. R. R. Tolkien")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LOWER_START = re.compile(r"[\"'“‘(\[]*[a-z]")
_INITIAL = re.compile(r"[A-Z]\. [A-Z]")
_CLOSING_QUOTE = re.compile(r"[^\"“”\n]{0,60}?(?P<comma>,)?[\"”]")  # the end of a quotation still open, soon
_GOES_ON = re.compile(r",|\s+[a-z]")
# The rest of a quotation up to its closing mark in the same block, with no full stop but one just before that mark:
# "Gold! Gold from the River!"", "what can I do? I am spent."".
_REST_OF_QUOTATION = re.compile(r"[^\"“”.\n]*\.?[\"”]")

# Abbreviations after which a full stop never ends a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms messrs dr prof st mt ft gen col lt capt sgt cpl maj adm cmdr cdr comdr pvt lieut rev hon gov sen rep pres supt insp "
    "vs v e.g i.e cf approx ca c fig figs vol vols pp p no nos art ch sec ed eds est dept univ assn bros"
    .split()
)
# Round 119, part B: the short forms of hours and minutes, which end no sentence before the number of the next unit:
# "his first book, 14 Hrs. 56 Min., published …" (a title), "a flight of 9 hrs. 5 min." (not "… took 20 hrs. The crew …").
_TIME_UNIT_ABBREVIATIONS = frozenset("hr hrs min mins".split())
# Abbreviations that end no sentence when capitalised, being a word of their own in lower case: "Brig. Gen.
# Harold Moss" (not "… aboard the brig. The crew …").
_CAPITALISED_ABBREVIATIONS = frozenset({"Brig"})
# Abbreviations that may also end a sentence: they do when the next word usually opens one.
_AMBIGUOUS_ABBREVIATIONS = frozenset("inc ltd co corp jr sr etc al plc llc".split())
# The marks of a time of day, which end a sentence before any capitalised word but one that goes on telling the time:
# "… began at 5:30 a.m. Hundreds of buyers …" (two sentences), "… at 9 a.m. Monday", "… at 6 p.m. Eastern time" (one).
_CLOCK_ABBREVIATIONS = frozenset({"a.m", "p.m"})
_GOES_ON_TELLING_THE_TIME = WEEKDAYS | MONTH_NAMES | TIME_ZONE_WORDS
# A sentence that has only opened with its time of day so far, so goes on past the "a.m." or "p.m.": "At about 6:30 p.m.
# La Haye Sainte fell." (one sentence).
_OPENING_TIME_OF_DAY = re.compile(
    r"\s*(?:(?:Shortly|Just|Soon) )?(?i:at|by|around|until|before|after|from)(?: (?:about|around|roughly|exactly|precisely|approximately|just))?"
    r" \d{1,2}(?:[:.]\d{2})? [ap]\.m"
)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text` in order, each with its [start, end) offsets; headings and list items
    without final punctuation come out as sentences of their own."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for match in _CANDIDATE.finditer(text, block_start, block_end):
            if _ends_sentence(text, start, match.start(), match.end(), block_end):
                _add(sentences, text, start, match.end())
                start = match.end()
        _add(sentences, text, start, block_end)
    return sentences


def paragraph_openings(text: str, sentences: list[Sentence]) -> frozenset[int]:
    """The indices of the `sentences` of `text` that open their paragraph or list item: only a list's bullet or number,
    if any, stands before them on their line."""
    return frozenset(
        index for index, sentence in enumerate(sentences)
        if _BEFORE_A_PARAGRAPHS_FIRST_SENTENCE.fullmatch(text, text.rfind("\n", 0, sentence.start) + 1, sentence.start)
    )


def _blocks(text: str) -> list[tuple[int, int]]:
    blocks: list[list[int]] = []
    previous: re.Match[str] | None = None
    for line in _LINE.finditer(text):
        if not line.group().strip():
            previous = None
            continue
        if previous is not None and blocks and _continues(previous.group(), line.group(), text[previous.end() : line.start()]):
            blocks[-1][1] = line.end()
        else:
            blocks.append([line.start(), line.end()])
        previous = line
    return [(start, end) for start, end in blocks]


def _continues(previous: str, line: str, gap: str) -> bool:
    """Whether `line` goes on with the sentence or paragraph of the line before it."""
    if gap.count("\n") > 1 or _MARKER.match(line.lstrip()):
        return False
    previous = previous.rstrip()
    if ends_like_a_sentence(previous) or previous.endswith((":", ";", ",")):
        return True
    # No final punctuation: a heading when short and followed by a capitalised line.
    return bool(_LOWER_START.match(line.lstrip())) or len(previous.split()) > 10


def _ends_sentence(text: str, start: int, punctuation: int, after: int, block_end: int) -> bool:
    following = text[after:block_end].lstrip()
    if not following:
        return True
    if _LOWER_START.match(following):
        return False
    so_far = text[start:punctuation]
    if so_far.count("(") > so_far.count(")") and ")" in following:
        return False
    if text[punctuation] in "!?" and _quotation_goes_on(text[start:after], following):
        return False
    if text[punctuation] in "!?" and text[after - 1] in "\"”" and following.startswith("("):
        return False  # a cry and its translation in brackets: 'The cry "La Garde recule!" ("The Guard is retreating!") spread …'
    if text[punctuation] != "." or text.startswith("...", punctuation):
        return True
    if re.fullmatch(r"\s*\d{1,3}", so_far):  # a list number: "1. The inspiration …"
        return False
    if _UNIT_LETTER.search(so_far):
        return True  # "at about 56 °C. Most …": a degree's letter is no initial, and its "C" no "c." (circa)
    token = _TOKEN_BEFORE.search(so_far).group().lstrip(".'’-")
    lowered = token.lower()
    if lowered in _ABBREVIATIONS:
        return lowered == "no" and not following[:1].isdigit()
    if token in _CAPITALISED_ABBREVIATIONS or (lowered in _TIME_UNIT_ABBREVIATIONS and following[:1].isdigit()):
        return False
    next_word = _NEXT_WORD.match(following)
    opens_sentence = next_word is not None and next_word.group(1) in SENTENCE_STARTERS
    if len(token) == 1 and token.isupper():  # an initial: "J. R. R. Tolkien"
        return opens_sentence and not _INITIAL.match(following)  # "A. A. Milne": the article "A" is a second initial
    if lowered in _CLOCK_ABBREVIATIONS:
        if _OPENING_TIME_OF_DAY.fullmatch(so_far):
            return False
        return next_word is not None and next_word.group(1) not in _GOES_ON_TELLING_THE_TIME
    if lowered in _AMBIGUOUS_ABBREVIATIONS or _DOTTED.fullmatch(token):
        return opens_sentence
    return True


def _quotation_goes_on(so_far: str, following: str) -> bool:
    """Whether an exclamation or question mark lies inside a quotation that closes soon after and goes
    on with the sentence: a title ("… half of "Tora! Tora! Tora!," a film about …") or a line of speech
    (""Stop! Go back," he said.")."""
    if so_far.count('"') % 2 == 0 and so_far.count("“") <= so_far.count("”"):
        return False
    closing = _CLOSING_QUOTE.match(following)
    if closing is not None and (closing.group("comma") is not None or bool(_GOES_ON.match(following, closing.end()))):
        return True
    # More words of the same quotation follow, up to its closing mark: a cry or question is one line of the quotation.
    return bool(_REST_OF_QUOTATION.match(following))


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while True:
        while start < end and text[start].isspace():
            start += 1
        marker = _MARKER.match(text, start, end)
        if not marker or marker.end() == start or (marker.end() < end and text[marker.end()].isdigit()):
            break
        start = marker.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and any(character.isalnum() for character in text[start:end]):
        sentences.append(Sentence(start, end, text[start:end]))
