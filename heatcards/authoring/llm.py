"""Card suggestions from a local language model behind an OpenAI-compatible chat endpoint
(Ollama, llama.cpp's server, LM Studio), for people who run one.

Nothing here is used unless a person has configured an endpoint and asks for generation (or tests
the connection in Preferences). The document goes to the endpoint in chunks of whole paragraphs,
each with the document's title; the request asks for structured output (a JSON schema) with, for
every card, a quote copied from the chunk. What comes back is not trusted: a card whose quote is not
in the document, whose answer is not one short fact, that is a yes/no question, a cloze without
exactly one deletion found in its quote, or that is malformed or a duplicate, is dropped. Each
accepted card's span is where its quote stands in the document.

Only the standard library talks HTTP here (urllib): no dependency for an optional feature.
"""
from __future__ import annotations

import bisect
import http.client
import json
import math
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..errors import GenerationError, InvalidInputError
from .model import DEFAULT_CARDS_PER_1000_WORDS, DocumentText, LanguageModelSettings, Progress, Suggestion, SuggestionKind
from .rules import card_limit

CHUNK_CHARACTERS = 3000
"""At most this many characters of the document go into one request (whole paragraphs where they fit)."""
MAX_ANSWER_WORDS = 6
MAX_ANSWER_CHARACTERS = 60
CHECK_TIMEOUT = 10.0  # seconds the Test connection button waits
_BACKOFF = 0.5  # seconds before the first retry; doubled before each next one
_RULE = "llm"

CARDS_SCHEMA = {
    "type": "object",
    "properties": {
        "cards": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "kind": {"type": "string", "enum": ["cloze", "question"]},
                    "front": {"type": "string"},
                    "back": {"type": "string"},
                    "quote": {"type": "string"},
                },
                "required": ["kind", "front", "back", "quote"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["cards"],
    "additionalProperties": False,
}
"""The structured output asked for: the cards, each with the sentence of the chunk it comes from."""

_INSTRUCTIONS = """You write flashcards for spaced repetition from a passage of a document.
Rules for every card:
- One fact per card, asked so that it makes sense without the document.
- The answer is short: a name, a date, a number with its unit, a place or a term (at most {words} words), never a list and never several facts joined by "and".
- No yes/no questions.
- kind "question": front is the question, back its short answer.
- kind "cloze": front is a sentence of the passage with exactly one deletion written {{{{c1::answer}}}}, back is "".
- quote: the sentence of the passage the card comes from, copied exactly, character for character.
Write the cards about the most important facts first. Answer with JSON only."""

_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")
_YES_NO_START = re.compile(
    r"(is|are|was|were|am|do|does|did|can|could|will|would|shall|should|has|have|had|may|might|must"
    r"|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|couldn't|won't|wouldn't|shouldn't|hasn't|haven't|hadn't)\b",
    re.IGNORECASE,
)
_JOINED_FACTS = re.compile(r";|\band\b|&|,", re.IGNORECASE)
_ONE_FACT_COMMA = re.compile(r"(?<=\d),(?=\d{3}\b)|(?<=[a-z]{3} \d),(?= \d{4}\b)|(?<=[a-z]{3} \d\d),(?= \d{4}\b)")
"""Commas that do not join facts: a thousands separator (1,200) and the one in a date (June 5, 1944)."""
_UNKNOWN_MODEL = re.compile(r"model.*(not found|does not exist|unknown|no such|not loaded)|(unknown|invalid) model", re.IGNORECASE)


class LlmEngine:
    """Suggestions written by a local language model and checked against the document."""

    name = "llm"

    def __init__(self, url: str, model: str, *, timeout: float = 60.0, retries: int = 2):
        self.settings = LanguageModelSettings(url, model)
        self.timeout = timeout
        self.retries = retries

    def suggest(
        self,
        document: DocumentText,
        *,
        cards_per_1000_words: float = DEFAULT_CARDS_PER_1000_WORDS,
        progress: Progress | None = None,
    ) -> list[Suggestion]:
        limit = card_limit(document, cards_per_1000_words)
        chunks = list(document_chunks(document))
        located = _LocatedText(document.text)
        seen: set[tuple[str, ...]] = set()
        suggestions: list[Suggestion] = []
        answered = 0
        for done, (start, end) in enumerate(chunks):
            if progress is not None:
                progress("Asking the language model", done, len(chunks))
            share = math.ceil(limit * (end - start) / max(1, len(document.text)))
            reply = self._ask(document.title, document.text[start:end], share)
            if reply is None:
                continue
            answered += 1
            accepted = 0
            for card in reply:
                suggestion = checked_card(card, located, start, seen)
                if suggestion is None:
                    continue
                suggestions.append(_ranked(suggestion, accepted))
                accepted += 1
                if accepted == share:
                    break
        if progress is not None:
            progress("Asking the language model", len(chunks), len(chunks))
        if chunks and not answered:
            raise GenerationError(
                f"the model {self.settings.model} at {self.settings.url} did not answer with the JSON asked for; "
                "choose a model that supports structured output, or update the server"
            )
        suggestions.sort(key=lambda s: (-s.score, s.start))
        return suggestions[:limit]

    def _ask(self, title: str, passage: str, cards: int) -> list | None:
        """The cards the model wrote for `passage` (unchecked), or None when its reply is not the JSON asked for."""
        body = {
            "model": self.settings.model,
            "messages": [
                {"role": "system", "content": _INSTRUCTIONS.format(words=MAX_ANSWER_WORDS)},
                {
                    "role": "user",
                    "content": f"Document: {title}\nWrite at most {cards} cards from this passage of it:\n\n{passage}",
                },
            ],
            "temperature": 0.2,
            "stream": False,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "flashcards", "strict": True, "schema": CARDS_SCHEMA},
            },
        }
        reply = _request(self.settings, "chat/completions", body, timeout=self.timeout, retries=self.retries)
        try:
            content = reply["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise GenerationError(
                f"the server at {self.settings.url} did not answer like an OpenAI-compatible chat endpoint "
                f"(no choices[0].message.content in {_excerpt(json.dumps(reply))})"
            ) from None
        try:
            cards = json.loads(_without_code_fence(content))["cards"]
        except (TypeError, ValueError, KeyError):
            return None
        return cards if isinstance(cards, list) else None


def check_connection(settings: LanguageModelSettings) -> str:
    """Ask the server which models it has (GET /v1/models) and say whether the configured one is among
    them; raises GenerationError when nothing answers there."""
    reply = _request(settings, "models", None, timeout=CHECK_TIMEOUT, retries=0)
    try:
        names = [str(entry["id"]) for entry in reply["data"]]
    except (KeyError, TypeError):
        raise GenerationError(
            f"the server at {settings.url} answers, but not like an OpenAI-compatible endpoint "
            f"(no model list in {_excerpt(json.dumps(reply))})"
        ) from None
    if settings.model in names:
        return f"{settings.url} answers and has the model {settings.model}."
    listed = ", ".join(names[:10]) + (" …" if len(names) > 10 else "") if names else "none"
    return f"{settings.url} answers, but has no model named {settings.model}. Its models: {listed}."


def document_chunks(document: DocumentText, size: int = CHUNK_CHARACTERS) -> Iterator[tuple[int, int]]:
    """[start, end) ranges of `document.text` of at most `size` characters: whole paragraphs together
    while they fit, a longer paragraph cut after a sentence (or at a space) near the limit."""
    paragraphs = document.paragraphs or ((0, len(document.text)),)
    start = end = None
    for paragraph_start, paragraph_end in paragraphs:
        if start is not None and paragraph_end - start <= size:
            end = paragraph_end
            continue
        if start is not None:
            yield start, end
        start, end = paragraph_start, paragraph_end
        while end - start > size:
            cut = _cut(document.text, start, start + size)
            yield start, cut
            start = cut
            while start < end and document.text[start].isspace():
                start += 1
    if start is not None and end > start:
        yield start, end


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece of text[start:limit]: after its last sentence, else at its last space, else at the limit."""
    piece = text[start:limit]
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(piece)]
    if sentence_ends and sentence_ends[-1] > len(piece) // 2:
        return start + sentence_ends[-1]
    space = piece.rfind(" ", len(piece) // 2)
    return start + space + 1 if space > 0 else limit


class _LocatedText:
    """The document's text with each run of white space as one space, and where each character came from."""

    def __init__(self, text: str):
        characters: list[str] = []
        self.origins: list[int] = []
        for match in re.finditer(r"\s+|\S+", text):
            if match.group().isspace():
                if characters and characters[-1] != " ":
                    characters.append(" ")
                    self.origins.append(match.start())
            else:
                characters.extend(match.group())
                self.origins.extend(range(match.start(), match.end()))
        self.text = "".join(characters)

    def find(self, quote: str, near: int) -> tuple[int, int] | None:
        """The [start, end) of `quote` (white space normalised) in the original text: the first place at
        or after offset `near`, else the first in the whole text; None when it is not there."""
        wanted = normalised(quote)
        if not wanted:
            return None
        at = self.text.find(wanted, bisect.bisect_left(self.origins, near))
        if at < 0:
            at = self.text.find(wanted)
        if at < 0:
            return None
        return self.origins[at], self.origins[at + len(wanted) - 1] + 1


def checked_card(card: object, located: _LocatedText, near: int, seen: set[tuple[str, ...]]) -> Suggestion | None:
    """The suggestion for one card as the model wrote it, or None when it is rejected. `seen` holds
    the duplicate keys of the cards accepted so far and gains this card's."""
    if not isinstance(card, dict):
        return None
    kind, front, back, quote = (card.get(key) for key in ("kind", "front", "back", "quote"))
    if not all(isinstance(value, str) for value in (kind, front, back, quote)) or kind not in ("cloze", "question"):
        return None
    front, back = normalised(front), normalised(back)
    span = located.find(quote, near)
    if not front or span is None:
        return None
    if kind == "cloze":
        deletions = _CLOZE.findall(front)
        if len(deletions) != 1 or deletions[0][0] != "1" or "{{" in _CLOZE.sub("", front):
            return None
        answer = normalised(deletions[0][1])
        if answer.casefold() not in normalised(quote).casefold():
            return None
        suggestion_kind, back = SuggestionKind.CLOZE, ""
    else:
        if _YES_NO_START.match(front) or back.rstrip(".!").casefold() in ("yes", "no"):
            return None
        answer = back
        suggestion_kind = SuggestionKind.QUESTION
    if not is_atomic(answer):
        return None
    keys = {("front", front.casefold()), ("fact", answer.casefold(), str(span[0]))}
    if keys & seen:
        return None
    seen.update(keys)
    return Suggestion(suggestion_kind, front, back, answer, span[0], span[1], _RULE)


def is_atomic(answer: str) -> bool:
    """Whether an answer is one short fact: a few words, not a list joined by commas, semicolons or "and"."""
    return (
        bool(answer)
        and len(answer) <= MAX_ANSWER_CHARACTERS
        and len(answer.split()) <= MAX_ANSWER_WORDS
        and not _JOINED_FACTS.search(_ONE_FACT_COMMA.sub("", answer))
    )


def normalised(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _ranked(suggestion: Suggestion, rank: int) -> Suggestion:
    """The model lists a passage's most important facts first: the first card of every chunk ranks
    above the second of any, and so on."""
    return replace(suggestion, score=1.0 / (1 + rank))


def _without_code_fence(content: str) -> str:
    """Some models wrap JSON in a Markdown code fence even when asked for JSON only."""
    stripped = content.strip()
    if stripped.startswith("```"):
        stripped = stripped.split("\n", 1)[-1] if "\n" in stripped else ""
        stripped = stripped.removesuffix("```").strip()
    return stripped


def _excerpt(text: str, length: int = 120) -> str:
    text = normalised(text)
    return repr(text if len(text) <= length else text[:length] + "…")


def _request(settings: LanguageModelSettings, path: str, body: dict | None, *, timeout: float, retries: int) -> dict:
    """The JSON the server answers to a POST of `body` (or a GET when it is None) to `path`; retries
    connection failures and server errors (5xx) `retries` times, waiting a little longer each time."""
    url = settings.endpoint(path)
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", "Accept": "application/json"})
    attempt = 0
    while True:
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                raw = response.read()
            break
        except urllib.error.HTTPError as error:
            message = _error_message(error)
            if error.code >= 500 and attempt < retries:
                failure = f"{error.code}: {message}"
            elif _UNKNOWN_MODEL.search(message) or (error.code == 404 and body is not None):
                raise GenerationError(
                    f"the language model server at {settings.url} does not know the model {settings.model} "
                    f"({error.code}: {message}); download it there (e.g. `ollama pull {settings.model}`) "
                    "or check the model name in Preferences"
                ) from None
            else:
                raise GenerationError(
                    f"the language model server at {settings.url} answered {path} with an error ({error.code}: {message})"
                ) from None
        except OSError as error:  # refused, reset, unknown host, timed out: urllib.error.URLError and its kin
            reason = getattr(error, "reason", None) or error
            if isinstance(reason, TimeoutError):
                raise GenerationError(
                    f"the language model at {settings.url} did not answer within {timeout:g} s; "
                    "try a smaller model or a faster machine"
                ) from None
            failure = reason.strerror if isinstance(reason, OSError) and reason.strerror else reason
        except http.client.HTTPException as error:  # not an HTTP reply at all
            raise GenerationError(
                f"the server at {settings.url} did not answer like an OpenAI-compatible endpoint ({error!r})"
            ) from None
        if attempt >= retries:
            raise GenerationError(
                f"no language model answers at {settings.url}: {failure}; start Ollama / llama.cpp server / "
                "LM Studio or check the URL in Preferences"
            )
        time.sleep(_BACKOFF * 2**attempt)
        attempt += 1
    try:
        reply = json.loads(raw)
    except ValueError:
        raise GenerationError(
            f"the server at {settings.url} did not answer like an OpenAI-compatible endpoint "
            f"(its reply to {path} is not JSON: {_excerpt(raw.decode('utf-8', 'replace'))})"
        ) from None
    if not isinstance(reply, dict):
        raise GenerationError(f"the server at {settings.url} answered {path} with {_excerpt(json.dumps(reply))}, not a JSON object")
    return reply


def _error_message(error: urllib.error.HTTPError) -> str:
    """What an error reply says: OpenAI-style {"error": {"message": …}} or {"error": "…"}, else its text."""
    try:
        raw = error.read().decode("utf-8", "replace")
    except OSError:
        raw = ""
    try:
        detail = json.loads(raw)["error"]
        return normalised(str(detail["message"] if isinstance(detail, dict) else detail))
    except (ValueError, KeyError, TypeError):
        return normalised(raw)[:200] or str(error.reason)
