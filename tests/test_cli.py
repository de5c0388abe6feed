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


def test_scripted_study_session_is_recorded(tmp_path):
    path = tmp_path / "c.heatcards"
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
