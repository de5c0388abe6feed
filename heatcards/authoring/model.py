"""What the authoring package passes around: a document's text and the cards suggested from it.

Shared by every suggestion engine (rules, spaCy, a local language model), the collection facade,
the command line and the review dialog. No Qt, no SQL.
"""
from __future__ import annotations

import enum
import hashlib
import re
import urllib.parse
from dataclasses import dataclass
from typing import Callable, Protocol

from ..errors import InvalidInputError

DEFAULT_CARDS_PER_1000_WORDS = 70.0
"""How many suggestions a document gets at most per 1,000 words unless the person asks for another
number; an engine stops earlier when it runs out of good cards. At 20 the cap itself stopped the
rules engine at 12 cards for a 600-word article and 31 % of its key facts. At 50 the cap still cut
off cards that make key facts of their own (the second fact of a sentence: "In {{1992}} the board
appointed Jorma Ollila" ranks above "… appointed {{Jorma Ollila}}"): on the eight articles of
tests/authoring_dev and the two seeds it covered 63 % of the key facts, at 70 it covers 71 %, and
the cards ranked between the two were judged about as keepable as those above them. Fewer good
cards than that stop the engine earlier (a 900-word explainer got 25)."""

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def count_words(text: str) -> int:
    """Words as the cap on suggestions counts them (runs of letters and digits, "don't" being one)."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class DocumentText:
    """A document read into plain text: what cards are made from and what their spans point into."""

    title: str
    file_name: str  # the original file's name, without folders
    text: str
    paragraphs: tuple[tuple[int, int], ...]  # [start, end) offsets of each paragraph in `text`, in order

    @property
    def sha256(self) -> str:
        """The content hash by which re-adding the same document is recognised."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def word_count(self) -> int:
        return count_words(self.text)

    def paragraph_of(self, offset: int) -> int:
        """The number (from 1) of the paragraph holding `offset`; 0 when it falls between paragraphs."""
        for number, (start, end) in enumerate(self.paragraphs, 1):
            if start <= offset < end:
                return number
        return 0


@dataclass(frozen=True)
class StoredDocument:
    """A document as the collection keeps it, with the passages its notes cite (to highlight them)."""

    id: int
    document: DocumentText
    note_spans: tuple[tuple[int, int], ...]  # [start, end) of each note citing it, in text order


class SuggestionKind(enum.Enum):
    CLOZE = "cloze"  # `front` is the sentence with exactly one {{c1::…}} deletion; `back` is ""
    QUESTION = "question"  # `front` is a question, `back` its short answer


@dataclass(frozen=True)
class Suggestion:
    """One card an engine proposes, with the passage it comes from and the rule that made it."""

    kind: SuggestionKind
    front: str  # plain text (no HTML)
    back: str
    answer: str  # the fact asked for: the cloze deletion's text or the answer (used to rank and de-duplicate)
    start: int  # [start, end) of the source passage (usually one sentence) in DocumentText.text
    end: int
    rule: str  # the rule that produced it, e.g. "cloze:year" or "question:who"; "llm" for a language model
    score: float = 0.0  # higher is better; engines return suggestions best first


Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): the engine reports as it goes; raising errors.CancelledError from it stops the work."""


class SuggestionEngine(Protocol):
    """What makes suggestions from a document: the default rules, spaCy, or a local language model."""

    name: str  # "rules", "spacy" or "llm"

    def suggest(
        self,
        document: DocumentText,
        *,
        cards_per_1000_words: float = DEFAULT_CARDS_PER_1000_WORDS,
        progress: Progress | None = None,
    ) -> list[Suggestion]:
        """The suggestions for `document`, best first, at most about `cards_per_1000_words` per 1,000 words.
        Raises errors.GenerationError when it cannot work, errors.CancelledError when progress cancels."""
        ...


@dataclass(frozen=True)
class LanguageModelSettings:
    """Where the local language model answers and which of its models writes the cards."""

    url: str  # the server's base URL, e.g. http://localhost:11434 (with or without /v1)
    model: str  # the name the server knows the model by, e.g. llama3.1:8b

    def __post_init__(self) -> None:
        parts = urllib.parse.urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InvalidInputError(
                f"the language model's URL must start with http:// or https:// and name a host "
                f"(e.g. http://localhost:11434), not {self.url!r}"
            )
        if parts.query or parts.fragment:
            raise InvalidInputError(f"the language model's URL is the server's address, without ? or # parts: {self.url!r}")
        if not self.model.strip():
            raise InvalidInputError("name the language model to use (e.g. llama3.1:8b for Ollama)")

    def endpoint(self, path: str) -> str:
        """The full URL of an OpenAI-compatible `path` such as "chat/completions" on this server."""
        base = self.url.rstrip("/")
        if base.endswith("/v1"):
            base = base[: -len("/v1")]
        return f"{base}/v1/{path}"
