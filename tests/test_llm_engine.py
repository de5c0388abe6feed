"""The language model engine against a fake OpenAI-compatible server on 127.0.0.1 (nothing beyond loopback)."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from heatcards.authoring.llm import (
    CARDS_SCHEMA,
    CHUNK_CHARACTERS,
    LlmEngine,
    check_connection,
    document_chunks,
)
from heatcards.authoring.model import DocumentText, LanguageModelSettings, SuggestionKind
from heatcards.errors import CancelledError, GenerationError, InvalidInputError

MODEL = "tiny-test-model"
PARAGRAPHS = [
    "The Eiffel Tower was completed in 1889 for the World's Fair in Paris. It is made of wrought iron.",
    "Gustave Eiffel's company\nbuilt the tower.  The tower is 330 metres tall and was the tallest structure in the world until 1930.",
]

Reply = tuple[int, bytes]


def document_of(paragraphs: list[str], title: str = "The Eiffel Tower") -> DocumentText:
    text = "\n\n".join(paragraphs)
    spans, at = [], 0
    for paragraph in paragraphs:
        spans.append((at, at + len(paragraph)))
        at += len(paragraph) + 2
    return DocumentText(title=title, file_name="tower.txt", text=text, paragraphs=tuple(spans))


def chat_reply(cards: list | str) -> Reply:
    """What an OpenAI-compatible server answers: the cards (or any text) as the message content."""
    content = cards if isinstance(cards, str) else json.dumps({"cards": cards})
    return 200, json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}).encode()


def card(kind: str = "question", front: str = "", back: str = "", quote: str = "") -> dict:
    return {"kind": kind, "front": front, "back": back, "quote": quote}


GOOD_QUESTION = card(
    "question",
    "In which year was the Eiffel Tower completed?",
    "1889",
    "The Eiffel Tower was completed in 1889 for the World's Fair in Paris.",
)
GOOD_CLOZE = card(
    "cloze",
    "The tower is {{c1::330 metres}} tall.",
    "",
    "The tower is 330 metres tall and was the tallest structure in the world until 1930.",
)


class FakeModelServer:
    """Answers POST /v1/chat/completions with what `respond` returns for each request's JSON body,
    and GET /v1/models with `models`, each after `delay` seconds; keeps every request it got."""

    def __init__(self) -> None:
        self.requests: list[dict] = []  # the chat requests' bodies, with their path
        self.gets: list[str] = []  # the paths asked for with GET
        self.models = [MODEL, "other-model"]
        self.respond: Callable[[dict], Reply] = lambda _body: chat_reply([])
        self.delay = 0.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, **body})
                time.sleep(server.delay)
                self._send(*server.respond(body))

            def do_GET(self) -> None:
                server.gets.append(self.path)
                time.sleep(server.delay)
                if self.path != "/v1/models":
                    self._send(404, b'{"error": "no such page"}')
                    return
                self._send(200, json.dumps({"object": "list", "data": [{"id": m, "object": "model"} for m in server.models]}).encode())

            def _send(self, status: int, payload: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:  # the client gave up waiting (the timeout test)
                    pass

            def log_message(self, *_args) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        self.thread = threading.Thread(target=lambda: self.http.serve_forever(poll_interval=0.05), daemon=True)

    def passages(self) -> list[str]:
        """The passage of the document each chat request carried."""
        return [r["messages"][-1]["content"].split("\n\n", 1)[1] for r in self.requests]


@pytest.fixture
def server():
    fake = FakeModelServer()
    fake.thread.start()
    yield fake
    fake.http.shutdown()
    fake.http.server_close()


def engine_for(server: FakeModelServer, **options) -> LlmEngine:
    return LlmEngine(server.url, MODEL, **options)


def every_card(engine: LlmEngine, document: DocumentText) -> list:
    """The suggestions with a cap far above what the short test documents reach."""
    return engine.suggest(document, cards_per_1000_words=1000)


def answering(cards: list) -> Callable[[dict], Reply]:
    return lambda _body: chat_reply(cards)


def test_good_cards_are_accepted_with_the_span_of_their_quote(server):
    server.respond = answering([GOOD_QUESTION, GOOD_CLOZE])
    document = document_of(PARAGRAPHS)
    suggestions = every_card(engine_for(server), document)
    assert [(s.kind, s.front, s.back, s.answer, s.rule) for s in suggestions] == [
        (SuggestionKind.QUESTION, GOOD_QUESTION["front"], "1889", "1889", "llm"),
        (SuggestionKind.CLOZE, GOOD_CLOZE["front"], "", "330 metres", "llm"),
    ]
    for suggestion, quote in zip(suggestions, (GOOD_QUESTION["quote"], GOOD_CLOZE["quote"])):
        assert document.text[suggestion.start : suggestion.end] == quote
        assert suggestion.start == document.text.index(quote)


def test_a_quote_matches_across_different_white_space_and_its_span_is_the_original_text(server):
    quote = "Gustave Eiffel's company built the tower."  # the document breaks the line after "company"
    server.respond = answering([card("question", "Whose company built the Eiffel Tower?", "Gustave Eiffel's", quote)])
    document = document_of(PARAGRAPHS)
    [suggestion] = engine_for(server).suggest(document)
    assert document.text[suggestion.start : suggestion.end] == "Gustave Eiffel's company\nbuilt the tower."


REJECTED = {
    "quote not in the document": card("question", "Who designed the tower?", "Stephen Sauvestre", "Stephen Sauvestre designed it."),
    "quote paraphrased": card("question", "When was it finished?", "1889", "The tower was finished in 1889."),
    "answer joined by and": card("question", "What is the tower made of?", "iron and steel", PARAGRAPHS[0].split(". ")[1]),
    "answer listed with commas": card("question", "Which years matter?", "1889, 1930", GOOD_CLOZE["quote"]),
    "answer joined by a semicolon": card("question", "Which years matter?", "1889; 1930", GOOD_CLOZE["quote"]),
    "answer too long": card(
        "question", "Why was it built?", "for the great World's Fair held in the city of Paris", GOOD_QUESTION["quote"]
    ),
    "yes/no question": card("question", "Is the tower made of wrought iron?", "Yes", PARAGRAPHS[0].split(". ")[1]),
    "yes/no question with a one-word answer": card("question", "Was it completed in 1889?", "1889", GOOD_QUESTION["quote"]),
    "answer yes": card("question", "The tower was the tallest structure until 1930?", "yes", GOOD_CLOZE["quote"]),
    "cloze with two deletions": card(
        "cloze", "The tower is {{c1::330 metres}} tall until {{c1::1930}}.", "", GOOD_CLOZE["quote"]
    ),
    "cloze numbered c2": card("cloze", "The tower is {{c2::330 metres}} tall.", "", GOOD_CLOZE["quote"]),
    "cloze without a deletion": card("cloze", "The tower is 330 metres tall.", "", GOOD_CLOZE["quote"]),
    "cloze with broken markup": card("cloze", "The tower is {{c1::330 metres}} tall {{c1:: in 1930.", "", GOOD_CLOZE["quote"]),
    "cloze deletion not in its quote": card("cloze", "The tower is made of {{c1::steel}}.", "", PARAGRAPHS[0].split(". ")[1]),
    "kind unknown": card("essay", "Describe the tower.", "It is tall", GOOD_QUESTION["quote"]),
    "front missing": {"kind": "question", "back": "1889", "quote": GOOD_QUESTION["quote"]},
    "back not text": card("question", "When was it completed?", "", GOOD_QUESTION["quote"]) | {"back": 1889},
    "empty front": card("question", "   ", "1889", GOOD_QUESTION["quote"]),
    "empty quote": card("question", "When was it completed?", "1889", " "),
    "not an object": "When was it completed? 1889",
    "same front again": GOOD_QUESTION | {"back": "in 1889"},
    "same fact from the same quote": card("cloze", "The Eiffel Tower was completed in {{c1::1889}}.", "", GOOD_QUESTION["quote"]),
}


@pytest.mark.parametrize("reason", REJECTED)
def test_a_bad_card_is_rejected_and_the_good_one_kept(server, reason):
    server.respond = answering([GOOD_QUESTION, REJECTED[reason]])
    suggestions = every_card(engine_for(server), document_of(PARAGRAPHS))
    assert [s.front for s in suggestions] == [GOOD_QUESTION["front"]]


def test_answers_with_a_thousands_separator_or_a_dated_comma_are_one_fact(server):
    document = document_of(["The bridge opened on June 5, 1944 and cost 1,200,000 francs."])
    quote = document.text
    server.respond = answering([
        card("question", "On which day did the bridge open?", "June 5, 1944", quote),
        card("question", "How much did the bridge cost?", "1,200,000 francs", quote),
    ])
    assert [s.answer for s in every_card(engine_for(server), document)] == ["June 5, 1944", "1,200,000 francs"]


def test_the_request_asks_for_the_schema_from_the_named_model_with_the_title(server):
    engine_for(server).suggest(document_of(PARAGRAPHS))
    [request] = server.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["model"] == MODEL
    assert request["response_format"]["type"] == "json_schema"
    assert request["response_format"]["json_schema"]["schema"] == CARDS_SCHEMA
    item = CARDS_SCHEMA["properties"]["cards"]["items"]
    assert item["properties"]["kind"]["enum"] == ["cloze", "question"]
    assert set(item["required"]) == {"kind", "front", "back", "quote"}
    prompt = " ".join(message["content"] for message in request["messages"])
    assert "The Eiffel Tower" in prompt and "quote" in prompt and "One fact per card" in prompt
    assert server.passages() == ["\n\n".join(PARAGRAPHS)]


@pytest.mark.parametrize("suffix", ["", "/", "/v1", "/v1/"])
def test_the_base_url_may_end_with_or_without_v1(server, suffix):
    LlmEngine(server.url + suffix, MODEL).suggest(document_of(PARAGRAPHS))
    assert [r["path"] for r in server.requests] == ["/v1/chat/completions"]


def long_document(paragraphs: int = 12) -> DocumentText:
    return document_of([f"Paragraph {n}: " + " ".join(f"word{n}x{i}" for i in range(110)) + "." for n in range(paragraphs)])


def test_a_long_document_goes_in_chunks_of_whole_paragraphs_within_the_chunk_size(server):
    document = long_document()
    assert len(document.text) > 3 * CHUNK_CHARACTERS
    reported = []
    engine_for(server).suggest(document, progress=lambda stage, done, total: reported.append((done, total)))
    passages = server.passages()
    assert len(passages) >= 4
    assert all(len(passage) <= CHUNK_CHARACTERS for passage in passages)
    assert "\n\n".join(passages) == document.text  # every paragraph once, in order, none cut
    assert all(r["messages"][-1]["content"].startswith("Document: The Eiffel Tower\n") for r in server.requests)
    assert reported == [(done, len(passages)) for done in range(len(passages) + 1)]


def test_a_paragraph_longer_than_a_chunk_is_cut_after_a_sentence():
    sentence = "The tower sways by a few centimetres in strong wind. "
    document = document_of([sentence * 200])
    chunks = list(document_chunks(document))
    assert len(chunks) > 1
    assert all(end - start <= CHUNK_CHARACTERS for start, end in chunks)
    assert all(document.text[start:end].endswith("wind.") or document.text[start:end].endswith("wind. ") for start, end in chunks)
    assert "".join(document.text[start:end] for start, end in chunks).replace(" ", "") == document.text.replace(" ", "")


def test_cancelling_from_progress_stops_before_the_next_request(server):
    def progress(_stage, done, _total):
        if done == 1:
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        engine_for(server).suggest(long_document(), progress=progress)
    assert len(server.requests) == 1


def test_the_number_of_cards_is_capped_per_1000_words(server):
    document = long_document()
    def every_paragraph(body: dict) -> Reply:
        passage = body["messages"][-1]["content"].split("\n\n", 1)[1]
        return chat_reply([
            card("cloze", f"{{{{c1::{p.split(':')[0]}}}}}: word", "", p[: p.index(" word") + 5]) for p in passage.split("\n\n")
        ])
    server.respond = every_paragraph
    words = document.word_count
    assert len(engine_for(server).suggest(document, cards_per_1000_words=1000)) == 12
    assert len(engine_for(server).suggest(document, cards_per_1000_words=3)) == round(words * 3 / 1000)


def test_server_errors_are_retried_until_one_succeeds(server):
    replies = iter([(503, b'{"error": "loading model"}'), (502, b"bad gateway"), chat_reply([GOOD_QUESTION])])
    server.respond = lambda _body: next(replies)
    assert [s.answer for s in engine_for(server, retries=2).suggest(document_of(PARAGRAPHS))] == ["1889"]
    assert len(server.requests) == 3


def test_server_errors_beyond_the_retries_are_reported(server):
    server.respond = lambda _body: (500, b'{"error": {"message": "out of memory"}}')
    with pytest.raises(GenerationError, match=r"answered chat/completions with an error \(500: out of memory\)"):
        engine_for(server, retries=1).suggest(document_of(PARAGRAPHS))
    assert len(server.requests) == 2


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_endpoint_that_is_down_gets_a_clear_message():
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(GenerationError) as raised:
        LlmEngine(url, MODEL, retries=1).suggest(document_of(PARAGRAPHS))
    message = str(raised.value)
    assert message.startswith(f"no language model answers at {url}: ")
    assert "refused" in message.lower()
    assert message.endswith("start Ollama / llama.cpp server / LM Studio or check the URL in Preferences")


def test_a_model_that_does_not_answer_in_time_times_out(server):
    server.delay = 2.0
    started = time.monotonic()
    with pytest.raises(GenerationError, match=r"did not answer within 0.3 s"):
        engine_for(server, timeout=0.3).suggest(document_of(PARAGRAPHS))
    assert time.monotonic() - started < 1.8  # not retried: a slow model stays slow
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "reply",
    [
        (404, b'{"error": {"message": "model \\"tiny-test-model\\" not found, try pulling it first"}}'),
        (400, b'{"error": "model tiny-test-model does not exist"}'),
    ],
)
def test_an_unknown_model_is_named(server, reply):
    server.respond = lambda _body: reply
    with pytest.raises(GenerationError, match=f"does not know the model {MODEL} .*ollama pull {MODEL}"):
        engine_for(server).suggest(document_of(PARAGRAPHS))


def test_a_reply_that_is_not_json_is_reported(server):
    server.respond = lambda _body: (200, b"<html><body>Welcome to nginx</body></html>")
    with pytest.raises(GenerationError, match=r"is not JSON: '<html><body>Welcome to nginx"):
        engine_for(server).suggest(document_of(PARAGRAPHS))


def test_a_reply_without_a_message_is_reported(server):
    server.respond = lambda _body: (200, b'{"object": "chat.completion", "choices": []}')
    with pytest.raises(GenerationError, match=r"no choices\[0\]\.message\.content"):
        engine_for(server).suggest(document_of(PARAGRAPHS))


def test_a_model_that_never_writes_the_json_asked_for_is_reported(server):
    server.respond = lambda _body: chat_reply("Sure! Here are some flashcards: 1. When was the tower built? 1889")
    with pytest.raises(GenerationError, match=f"the model {MODEL} at .* did not answer with the JSON asked for"):
        engine_for(server).suggest(document_of(PARAGRAPHS))


def test_json_in_a_code_fence_is_read(server):
    server.respond = lambda _body: chat_reply("```json\n" + json.dumps({"cards": [GOOD_QUESTION]}) + "\n```")
    assert [s.answer for s in engine_for(server).suggest(document_of(PARAGRAPHS))] == ["1889"]


def test_check_connection_says_whether_the_model_is_there(server):
    assert check_connection(LanguageModelSettings(server.url, MODEL)) == f"{server.url} answers and has the model {MODEL}."
    assert check_connection(LanguageModelSettings(server.url + "/v1", "llama3")) == (
        f"{server.url}/v1 answers, but has no model named llama3. Its models: {MODEL}, other-model."
    )
    assert server.requests == [] and server.gets == ["/v1/models", "/v1/models"]  # a check only lists the models


def test_check_connection_to_a_closed_port_fails_at_once():
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(GenerationError, match=f"no language model answers at {url}"):
        check_connection(LanguageModelSettings(url, MODEL))


@pytest.mark.parametrize(
    ("url", "model", "complaint"),
    [
        ("localhost:11434", MODEL, "must start with http:// or https://"),
        ("ftp://localhost", MODEL, "must start with http:// or https://"),
        ("http://", MODEL, "name a host"),
        ("http://localhost:11434/?key=1", MODEL, "without ? or # parts"),
        ("http://localhost:11434", "  ", "name the language model"),
    ],
)
def test_settings_say_what_is_wrong(url, model, complaint):
    with pytest.raises(InvalidInputError, match=complaint.replace("?", r"\?")):
        LanguageModelSettings(url, model)


def test_the_collection_keeps_the_language_model_settings_until_they_are_forgotten(tmp_path, clock):
    from heatcards.collection import Collection

    path = tmp_path / "col.heatcards"
    with Collection(path, clock=clock, install_heat_deck=False) as collection:
        assert collection.language_model_settings() is None  # none by default: nothing is ever sent
        collection.set_language_model_settings(LanguageModelSettings("http://localhost:11434/v1", "llama3.1:8b"))
    with Collection(path, clock=clock, install_heat_deck=False) as collection:
        assert collection.language_model_settings() == LanguageModelSettings("http://localhost:11434/v1", "llama3.1:8b")
        collection.set_language_model_settings(None)
        assert collection.language_model_settings() is None
