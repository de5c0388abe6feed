"""`heatcards generate` and `heatcards documents`: with a stand-in engine (what the command does
with suggestions), and with the real engines wired in (the rules engine, and the language model
engine against a fake OpenAI-compatible server on loopback)."""
import json
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from heatcards import cli, cli_generate
from heatcards.authoring.model import DocumentText, LanguageModelSettings, Suggestion, SuggestionKind
from heatcards.collection import Collection

ARTICLE = (
    "Heat is a 1995 crime film directed by Michael Mann.\n\n"
    "The film was shot in Los Angeles over 107 days.\n\n"
    "It earned $187 million worldwide."
)


class FirstYearEngine:
    """A stand-in engine: a cloze on the first number of each paragraph, the rule saying so."""

    name = "rules"

    def __init__(self):
        self.cap = None

    def suggest(self, document: DocumentText, *, cards_per_1000_words: float = 12.0, progress=None) -> list[Suggestion]:
        self.cap = cards_per_1000_words
        suggestions = []
        for start, end in document.paragraphs:
            paragraph = document.text[start:end]
            number = re.search(r"\d+", paragraph)
            if number:
                front = f"{paragraph[:number.start()]}{{{{c1::{number.group()}}}}}{paragraph[number.end():]}"
                suggestions.append(Suggestion(SuggestionKind.CLOZE, front, "", number.group(), start, end, "cloze:number"))
        return suggestions


@pytest.fixture
def engine(monkeypatch):
    stand_in = FirstYearEngine()
    asked = []

    def engine_named(name, **options):
        asked.append((name, options))
        return stand_in

    monkeypatch.setattr(cli_generate, "engine_named", engine_named)
    stand_in.asked = asked
    return stand_in


def run(capsys, collection_path, *args) -> tuple[int, str, str]:
    status = cli.main(["--collection", str(collection_path), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_dry_run_json_prints_the_suggestions_and_changes_nothing(tmp_path, capsys, engine):
    article = tmp_path / "heat.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "c.heatcards"
    status, out, err = run(capsys, path, "generate", str(article), "--dry-run", "--json", "--max-per-1000-words", "30")
    assert status == 0, err
    records = json.loads(out)
    assert [r["front"] for r in records] == [
        "Heat is a {{c1::1995}} crime film directed by Michael Mann.",
        "The film was shot in Los Angeles over {{c1::107}} days.",
        "It earned ${{c1::187}} million worldwide.",
    ]
    first = records[0]
    assert first["kind"] == "cloze" and first["back"] == "" and first["rule"] == "cloze:number"
    assert first["document"] == str(article) and first["span"] == [0, ARTICLE.index("\n")]
    assert engine.cap == 30.0 and engine.asked[0][0] == "rules"
    with Collection(path) as collection:
        assert not any(d.text_stored for d in collection.documents())  # only the Heat deck's, known by hash
        assert records[0]["title"] not in {d.name for d in collection.decks()}


def test_generate_adds_the_document_and_its_cards_then_skips_it_the_second_time(tmp_path, capsys, engine):
    article = tmp_path / "heat.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "c.heatcards"
    status, out, err = run(capsys, path, "generate", str(article), "--tags", "film", "heat")
    assert status == 0, err
    assert "3 cards added to deck 'Heat is a 1995 crime film directed by Michael Mann.'" in out
    with Collection(path) as collection:
        [document] = [d for d in collection.documents() if d.file_name == "heat.txt"]
        assert document.note_count == 3 and document.word_count == 25
        card_ids = collection.card_ids_in_deck(collection.deck_named(document.title).id)
        assert len(card_ids) == 3
        note = collection.note(collection.card(card_ids[0]).note_id)
        assert set(note.tags) == {"film", "heat"} and note.source.document_id == document.id
    status, out, err = run(capsys, path, "generate", str(article), "--json")
    assert status == 0, err
    assert json.loads(out) == [{
        "document": str(article), "title": "Heat is a 1995 crime film directed by Michael Mann.",
        "document_id": document.id, "deck": "Heat is a 1995 crime film directed by Michael Mann.",
        "skipped": True, "cards_added": 0,
    }]


def test_a_document_that_fails_is_reported_and_the_others_still_get_their_cards(tmp_path, capsys, engine):
    empty, article, unknown = tmp_path / "empty.txt", tmp_path / "heat.md", tmp_path / "slides.pptx"
    empty.write_bytes(b"")
    article.write_text("# Heat\n\n" + ARTICLE, encoding="utf-8")
    unknown.write_bytes(b"PK")
    path = tmp_path / "c.heatcards"
    status, out, err = run(capsys, path, "generate", str(empty), str(article), str(unknown), "--deck", "Films::Heat")
    assert status == 1
    assert f"heatcards: error: cannot read {empty}: the file is empty" in err
    assert f"cannot read {unknown}: files ending in '.pptx' are not supported" in err
    assert "3 cards added to deck 'Films::Heat'" in out
    with Collection(path) as collection:
        assert [d.file_name for d in collection.documents() if d.text_stored] == ["heat.md"]


def test_documents_are_listed_and_deleted_and_their_cards_stay(tmp_path, capsys, engine):
    article = tmp_path / "heat.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "c.heatcards"
    assert run(capsys, path, "generate", str(article), "--deck", "Heat test")[0] == 0
    status, out, _ = run(capsys, path, "documents", "--json")
    listed = {d["file_name"]: d for d in json.loads(out)}
    mine = listed["heat.txt"]
    assert (mine["words"], mine["notes"], mine["text_stored"]) == (25, 3, True)
    assert not listed["000_a390ae67ee3d9b6f.txt"]["text_stored"]  # the Heat deck's article, known by hash
    status, out, _ = run(capsys, path, "documents")
    assert re.search(rf"^\s+{mine['id']}\s+\S+\s+25\s+3\s+Heat is a 1995 .* \(heat\.txt\)$", out, re.MULTILINE)
    status, out, err = run(capsys, path, "documents", "delete", str(mine["id"]))
    assert status == 0, err
    assert "its 3 notes and their cards stay" in out
    status, out, _ = run(capsys, path, "cards", "--search", '"deck:Heat test"', "--json")
    cards = json.loads(out)
    assert len(cards) == 3 and {c["source"]["document"] for c in cards} == {"(document deleted)"}
    status, _, err = run(capsys, path, "documents", "delete", str(mine["id"]))
    assert status == 1 and "no document with id" in err


# --- the real engines ------------------------------------------------------------------------------
def test_the_language_model_backend_needs_its_server(tmp_path, capsys):
    article = tmp_path / "heat.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    status, _, err = run(capsys, tmp_path / "c.heatcards", "generate", str(article), "--backend", "llm")
    assert status == 1 and "--llm-url" in err


class _ChatServer(BaseHTTPRequestHandler):
    """An OpenAI-compatible chat endpoint that writes one question card quoting the first sentence."""

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        cards = [{"kind": "question", "front": "Who directed Heat (1995)?", "back": "Michael Mann",
                  "quote": "Heat is a 1995 crime film directed by Michael Mann."}]
        reply = json.dumps({"choices": [{"message": {"content": json.dumps({"cards": cards})}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


@pytest.fixture
def chat_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ChatServer)
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_language_model_backend_through_a_local_server(tmp_path, capsys, chat_server):
    article = tmp_path / "heat.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    status, out, err = run(
        capsys, tmp_path / "c.heatcards", "generate", str(article), "--backend", "llm", "--dry-run", "--json",
        "--llm-url", f"http://127.0.0.1:{chat_server.server_port}", "--llm-model", "fake-model",
    )
    assert status == 0, err
    assert chat_server.requests and chat_server.requests[0]["model"] == "fake-model"
    [record] = json.loads(out)
    assert (record["front"], record["back"], record["kind"], record["rule"]) == ("Who directed Heat (1995)?", "Michael Mann", "question", "llm")
    assert record["span"] == [0, ARTICLE.index("\n")]


def test_the_language_model_backend_uses_the_saved_settings(tmp_path, capsys, chat_server):
    path = tmp_path / "c.heatcards"
    with Collection(path) as collection:
        collection.set_language_model_settings(LanguageModelSettings(f"http://127.0.0.1:{chat_server.server_port}/v1", "saved"))
    article = tmp_path / "heat.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    status, out, err = run(capsys, path, "generate", str(article), "--backend", "llm", "--deck", "Heat")
    assert status == 0, err
    assert "1 card added to deck 'Heat'" in out and chat_server.requests[0]["model"] == "saved"
    status, out, err = run(capsys, path, "generate", str(article), "--backend", "llm", "--llm-model", "other", "--dry-run")
    assert status == 0, err
    assert chat_server.requests[-1]["model"] == "other"  # the saved URL with the model given


BRIDGE = """The Golden Gate Bridge

The Golden Gate Bridge opened to traffic on May 27, 1937. Joseph Strauss was the chief engineer of the project.

The bridge cost $35 million to build. Its main span is 1,280 metres long, and it took four years to complete.

Irving Morrow, an architect from Oakland, chose the bridge's orange colour. In 1994 the American Society of Civil
Engineers named it one of the wonders of the modern world.
"""


def test_generate_as_a_user_runs_it(tmp_path):
    """A separate process with the default (rules) engine: what the dry run suggests is what is added,
    each card citing its passage of the document."""
    article = tmp_path / "bridge.md"
    article.write_text(BRIDGE, encoding="utf-8")
    path = tmp_path / "c.heatcards"
    command = [sys.executable, "-m", "heatcards", "--collection", str(path)]
    options = ["--max-per-1000-words", "100", "--json"]
    dry = subprocess.run(command + ["generate", str(article), "--dry-run", *options], capture_output=True, text=True, timeout=120)
    assert dry.returncode == 0, dry.stderr
    suggested = json.loads(dry.stdout)
    assert suggested and {r["document"] for r in suggested} == {str(article)}
    added = subprocess.run(command + ["generate", str(article), *options], capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr
    [report] = json.loads(added.stdout)
    assert report["deck"] == "The Golden Gate Bridge" and report["cards_added"] == len(suggested)
    cards = subprocess.run(command + ["cards", "--search", '"deck:The Golden Gate Bridge"', "--json"], capture_output=True, text=True, timeout=120)
    listed = json.loads(cards.stdout)
    assert len(listed) == len(suggested)
    assert {c["source"]["document"] for c in listed} == {"The Golden Gate Bridge"}
    assert sorted(c["source"]["span"] for c in listed) == sorted(r["span"] for r in suggested)
