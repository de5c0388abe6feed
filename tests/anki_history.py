"""Anki packages written by Anki itself (the `anki` package) whose cards bring a review history given
answer by answer, as a person who studied in Anki brings it to heatcards. Anki's review log holds no
memory state: what heatcards needs of one (the statistics' calibration) it replays."""
from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from heatcards.clock import SECONDS_PER_DAY

# Anki's revlog.type of an entry
LEARN, REVIEW, RELEARN, MANUAL = 0, 1, 2, 4
# One entry of a card's Anki log: (unix seconds, ease 1-4, revlog type); a reset to new is
# (unix seconds, 0, MANUAL), as Anki logs "Reset".
AnkiEntry = tuple[int, int, int]
DECK = "Imported"


def anki_package(folder: Path, histories: Sequence[Sequence[AnkiEntry]]) -> Path:
    """A package (with scheduling) of one Basic note in the deck "Imported" per history, whose card
    is in review with the history as its log. The seconds of a card's entries must differ."""
    pytest.importorskip("tests.anki_oracle", reason="the anki package (test extra) is not installed")
    from anki.collection import Collection, ExportAnkiPackageOptions

    col = Collection(str(folder / "source.anki2"))
    try:
        deck_id = col.decks.id(DECK)
        for number, history in enumerate(histories):
            note = col.new_note(col.models.by_name("Basic"))
            note["Front"], note["Back"] = f"question {number}", f"answer {number}"
            col.add_note(note, deck_id)
            card = note.cards()[0]
            rows, last_interval = [], 0
            for index, (seconds, ease, kind) in enumerate(history):
                following = history[index + 1][0] if index + 1 < len(history) else seconds + SECONDS_PER_DAY
                if kind == MANUAL:
                    interval = 0
                elif kind == REVIEW:
                    interval = max(1, round((following - seconds) / SECONDS_PER_DAY))
                else:
                    interval = -600  # a ten-minute step, in seconds
                # revlog ids are milliseconds and unique across cards: each card gets its own millisecond
                rows.append((seconds * 1000 + number, card.id, ease, interval, last_interval, 2500 if kind else 0, kind))
                last_interval = interval
            col.db.executemany(
                "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                "VALUES (?, ?, -1, ?, ?, ?, ?, 5000, ?)",
                rows,
            )
            card.type = card.queue = 2  # review
            card.ivl, card.due, card.reps = 1, col.sched.today + 1, sum(1 for _, ease, _ in history if ease)
            col.update_card(card, skip_undo_entry=True)
        path = folder / "anki-history.apkg"
        options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=False, legacy=False)
        col.export_anki_package(out_path=str(path), options=options, limit=None)
        return path
    finally:
        col.close()


def anki_histories(cards: int, start: int, seed: int) -> list[list[AnkiEntry]]:
    """Plausible Anki logs, each within 131 days of `start`: a learning answer, then up to ten
    reviews days apart (a few on the same day) with lapses relearnt; each card starts an hour after
    the previous one."""
    rng = random.Random(seed)
    histories = []
    for number in range(cards):
        now = start + number * 3600
        history, kind = [(now, 3, LEARN)], LEARN
        for _ in range(rng.randint(4, 10)):
            now += rng.choice([0, 1, 2, 3, 5, 8, 13]) * SECONDS_PER_DAY + 600
            ease = rng.choices([1, 2, 3, 4], [2, 1, 6, 1])[0]
            kind = RELEARN if history[-1][1] == 1 and kind != LEARN else REVIEW
            history.append((now, ease, kind))
        histories.append(history)
    return histories
