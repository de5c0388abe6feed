"""The command line, run as a user runs it: a separate process on a fresh collection."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from heatcards.collection import Collection


def heatcards(collection, *args, stdin="", env_collection=False):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "heatcards"]
    if env_collection:
        env["HEATCARDS_COLLECTION"] = str(collection)
    else:
        command += ["--collection", str(collection)]
    return subprocess.run(command + list(args), input=stdin, capture_output=True, text=True, env=env, timeout=120)


def test_help_lists_the_commands(tmp_path):
    result = heatcards(tmp_path / "c.heatcards", "--help")
    assert result.returncode == 0
    assert "gui" in result.stdout
    assert "decks" in result.stdout and "study" in result.stdout


def test_fresh_collection_has_the_heat_deck(tmp_path):
    result = heatcards(tmp_path / "new" / "c.heatcards", "decks", "--json")
    assert result.returncode == 0, result.stderr
    decks = {d["name"]: d for d in json.loads(result.stdout)}
    assert decks["Heat (1995)"]["new"] == 20  # the daily new-card limit


def test_environment_variable_selects_collection(tmp_path):
    path = tmp_path / "env.heatcards"
    result = heatcards(path, "decks", env_collection=True)
    assert result.returncode == 0 and "Heat (1995)" in result.stdout
    assert path.exists()


def far_from_the_rollover(path):
    """The collection's next day starts half a day from now, so a step of minutes stays in minutes
    (one that reaches the rollover is due the next day, as in Anki, and says "1d")."""
    with Collection(path) as collection:
        collection.set_rollover_hour((time.localtime().tm_hour + 12) % 24)


def test_scripted_study_session_is_recorded(tmp_path):
    path = tmp_path / "c.heatcards"
    far_from_the_rollover(path)
    result = heatcards(path, "study", stdin="\n3\n\n1\nq\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("-> Good") == 1 and result.stdout.count("-> Again") == 1
    assert "1 Again (1m)   2 Hard (6m)   3 Good (10m)" in result.stdout
    cards = json.loads(heatcards(path, "cards", "--search", "is:learn", "--json").stdout)
    assert len(cards) == 2
    by_reps = {c["id"]: c for c in cards}
    infos = [json.loads(heatcards(path, "info", str(card_id), "--json").stdout) for card_id in by_reps]
    ratings = sorted(h["rating"] for info in infos for h in info["history"])
    assert ratings == [1, 3]
    for info in infos:
        assert info["state"] == "learning"
        assert info["stability"] > 0 and 1 <= info["difficulty"] <= 10
        assert info["history"][0]["kind"] == "learn"


def test_undo_and_end_of_input(tmp_path):
    path = tmp_path / "c.heatcards"
    result = heatcards(path, "study", stdin="\n3\nu\n")  # no q: end of input quits cleanly
    assert result.returncode == 0, result.stderr
    assert "(undid answer)" in result.stdout
    assert json.loads(heatcards(path, "cards", "--search", "rated:1", "--json").stdout) == []


def test_user_mistakes_give_one_line_errors(tmp_path):
    path = tmp_path / "c.heatcards"
    for args, message in [
        (("study", "--deck", "Nope"), "no deck named 'Nope'"),
        (("info", "12345"), "no card with id 12345"),
        (("cards", "--search", "prop:foo>3"), "unknown property"),
        (("cards", "--search", "(tag:cast"), "never closed"),
    ]:
        result = heatcards(path, *args)
        assert result.returncode == 1
        assert message in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


# --- import and export ------------------------------------------------------------------
WORDS = "#separator:comma\n#columns:Front,Back\nhola,hello\nadiós,goodbye\n"
REVIEW_LOG = "card_id,review_rating,review_time,review_duration\n42,3,2026-02-01T10:00:00+00:00,5000\n42,3,2026-02-03T10:00:00+00:00,4000\n"


def cards_in(path, query):
    return json.loads(heatcards(path, "cards", "--search", query, "--json").stdout)


def test_import_reports_each_file_and_a_failing_one_does_not_stop_the_others(tmp_path):
    path = tmp_path / "c.heatcards"
    (tmp_path / "words.csv").write_text(WORDS, encoding="utf-8")
    (tmp_path / "broken.apkg").write_bytes(b"not a zip")
    (tmp_path / "log.csv").write_text(REVIEW_LOG, encoding="utf-8")
    result = heatcards(path, "import", str(tmp_path / "words.csv"), str(tmp_path / "broken.apkg"), str(tmp_path / "log.csv"))
    assert result.returncode == 1
    assert f"{tmp_path / 'words.csv'}: 2 notes added, 0 updated, 0 unchanged, 0 skipped; 2 cards, 0 reviews" in result.stdout
    assert f"{tmp_path / 'log.csv'}: 1 notes added" in result.stdout and "2 reviews" in result.stdout
    assert "added as Basic notes in the deck 'log'" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and "broken.apkg" in errors[0] and "Traceback" not in result.stderr
    assert {c["fields"]["Front"] for c in cards_in(path, "deck:Default")} == {"hola", "adiós"}
    (logged,) = cards_in(path, "deck:log")
    assert logged["id"] == 42 and logged["reps"] == 2 and logged["state"] == "review"


def test_import_policies_and_json(tmp_path):
    path = tmp_path / "c.heatcards"
    words = tmp_path / "words.csv"
    words.write_text(WORDS, encoding="utf-8")

    def imported(*flags):
        result = heatcards(path, "import", str(words), "--json", *flags)
        assert result.returncode == 0, result.stderr
        (record,) = json.loads(result.stdout)
        return record

    assert imported()["added"] == 2
    skipped = imported("--skip")
    assert (skipped["skipped"], skipped["notes"]) == (2, ["2 notes skipped: already in the collection"])
    assert imported("--duplicate")["added"] == 2
    words.write_text(WORDS.replace("goodbye", "bye"), encoding="utf-8")
    assert (imported()["updated"], imported("--update")["unchanged"]) == (1, 2)
    assert len(cards_in(path, "deck:Default")) == 4
    failed = heatcards(path, "import", str(tmp_path / "absent.csv"), "--json")
    assert failed.returncode == 1
    assert json.loads(failed.stdout) == [{"file": str(tmp_path / "absent.csv"), "ok": False, "error": f"{tmp_path / 'absent.csv'}: no such file"}]


def test_import_with_a_column_map_a_note_type_and_a_deck(tmp_path):
    path = tmp_path / "c.heatcards"
    (tmp_path / "plain.txt").write_text("gato\tcat\tanimals\nperro\tdog\tanimals pets\n", encoding="utf-8")
    result = heatcards(
        path, "import", str(tmp_path / "plain.txt"), "--map", "Front,Back,tags", "--notetype", "Basic (and reversed card)", "--deck", "Spanish"
    )
    assert result.returncode == 0, result.stderr
    cards = cards_in(path, "deck:Spanish")
    assert len(cards) == 4 and {c["notetype"] for c in cards} == {"Basic (and reversed card)"}
    assert {c["fields"]["Front"]: c["tags"] for c in cards} == {"gato": ["animals"], "perro": ["animals", "pets"]}
    wrong = heatcards(path, "import", str(tmp_path / "plain.txt"), "--map", "Front,Nope,tags")
    assert wrong.returncode == 1 and "Nope" in wrong.stderr


@pytest.mark.parametrize("name", ["heat.apkg", "heat.heatdeck.toml"])
def test_a_studied_deck_exported_and_imported_elsewhere_keeps_its_progress(tmp_path, name):
    source, target, out = tmp_path / "a.heatcards", tmp_path / "b.heatcards", tmp_path / name
    heatcards(source, "study", stdin="\n3\n\n4\n\n1\nq\n")
    result = heatcards(source, "export", str(out), "--deck", "Heat (1995)")
    assert result.returncode == 0, result.stderr
    assert "Exported 77 notes, 83 cards, 3 reviews" in result.stdout
    heatcards(target, "decks")  # a fresh collection, with the (unstudied) Heat deck
    assert heatcards(target, "import", str(out)).returncode == 0
    def progress(path):
        """The studied cards; ids differ (the target made its own Heat deck), recall falls by the second."""
        return [{k: v for k, v in card.items() if k not in ("id", "note_id", "retrievability")} for card in cards_in(path, "rated:1")]

    assert len(progress(source)) == 3
    assert progress(target) == progress(source)


def test_export_formats_and_what_cannot_be_combined(tmp_path):
    path = tmp_path / "c.heatcards"
    notes = tmp_path / "heat.csv"
    result = heatcards(path, "export", str(notes), "--search", "tag:cast")
    assert result.returncode == 0, result.stderr
    lines = notes.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#separator:comma" and len(lines) > 7
    cards = tmp_path / "cards.tsv"
    assert heatcards(path, "export", str(cards), "--format", "tsv-cards", "--deck", "Heat (1995)").returncode == 0
    assert cards.read_text(encoding="utf-8").splitlines()[0].split("\t")[:2] == ["Question", "Answer"]
    for args, message in [
        (("export", str(tmp_path / "x.colpkg"), "--deck", "Heat (1995)"), "a .colpkg holds the whole collection"),
        (("export", str(tmp_path / "x.csv"), "--legacy"), "legacy layout is for Anki packages"),
        (("export", str(tmp_path / "x.zip")), "name the file for the format it is to have (.apkg, .colpkg, .csv"),
        (("export", str(tmp_path / "x.csv"), "--format", "apkg"), "the format apkg needs a file name ending in .apkg"),
        (("export", str(tmp_path / "missing" / "x.apkg")), "does not exist"),
    ]:
        result = heatcards(path, *args)
        assert result.returncode == 1, args
        assert message in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("x.", ".heatcards-export"))) == []


def test_importing_a_file_of_an_unknown_kind_names_what_can_be_imported(tmp_path):
    document = tmp_path / "notes.docx"
    document.write_bytes(b"PK")
    result = heatcards(tmp_path / "c.heatcards", "import", str(document))
    assert result.returncode == 1
    assert "cannot import this kind of file (it imports .apkg, .colpkg, .csv, .tsv, .txt, .heatdeck.toml, .toml)" in result.stderr


def test_collection_in_use_is_reported(tmp_path):
    path = tmp_path / "c.heatcards"
    holder = subprocess.Popen(
        [sys.executable, "-m", "heatcards", "--collection", str(path), "study"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert "Studying" in holder.stdout.readline()
        result = heatcards(path, "decks")
        assert result.returncode == 1
        assert f"in use by process {holder.pid}" in result.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)


def test_missing_collection_folder_unwritable_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = heatcards(blocker / "c.heatcards", "decks")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_sigkill_during_study_loses_no_answered_review(tmp_path):
    """Kill `heatcards study` at random moments; every review it reported is on disk."""
    path = tmp_path / "c.heatcards"
    assert heatcards(path, "decks").returncode == 0
    rng = random.Random(7)
    reported = 0
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-m", "heatcards", "--collection", str(path), "study"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        answers = rng.randint(1, 6)
        for _ in range(answers):
            child.stdin.write("\n" + rng.choice("1234") + "\n")
        child.stdin.flush()
        deadline = time.monotonic() + 60
        seen = 0
        while seen < answers and time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.startswith("-> "):
                seen += 1
        time.sleep(rng.random() * 0.05)  # and kill it at a random moment after that
        child.send_signal(signal.SIGKILL)
        child.wait()
        reported += seen
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        logged = db.execute("SELECT count(*) FROM revlog").fetchone()[0]
        # every answer that was printed as done is in the log (the child may have committed one more)
        assert logged >= reported
        reported = logged
        # card state and log agree: each card's reps equals its reviews
        mismatched = db.execute(
            "SELECT count(*) FROM cards c WHERE reps != (SELECT count(*) FROM revlog r WHERE r.card_id = c.id AND r.kind != 'manual')"
        ).fetchone()[0]
        assert mismatched == 0
        db.close()
    assert reported > 12


def test_optimize_and_simulate_are_commands_of_heatcards(tmp_path):
    collection = tmp_path / "c.heatcards"
    optimize = heatcards(collection, "optimize")
    assert optimize.returncode == 1
    assert "384" in optimize.stderr  # a fresh collection has no history: it says how many reviews are needed
    simulate = heatcards(collection, "simulate", "--days", "30", "--json")
    assert simulate.returncode == 0, simulate.stderr
    assert json.loads(simulate.stdout)
