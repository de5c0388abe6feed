"""The SQL the FSRS optimiser and the workload simulator read: the review histories and the number
of cards of a set of decks (a preset's decks)."""
from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from operator import attrgetter

from ..model import ReviewLogEntry
from . import _REVLOG_COLUMNS, Store, _in_clause, _revlog_from_row


def review_histories(store: Store, deck_ids: Sequence[int]) -> list[list[ReviewLogEntry]]:
    """The review log of every card in the decks that has one, each card's oldest first."""
    rows = store.db.conn.execute(
        f"SELECT {_REVLOG_COLUMNS} FROM revlog WHERE card_id IN "
        f"(SELECT id FROM cards WHERE deck_id IN ({_in_clause(deck_ids)})) ORDER BY card_id, time, rowid"
    )
    entries = (_revlog_from_row(row) for row in rows)
    return [list(history) for _, history in groupby(entries, key=attrgetter("card_id"))]


def unsuspended_card_count(store: Store, deck_ids: Sequence[int]) -> int:
    """How many cards of the decks are not suspended (new cards included)."""
    return store.db.conn.execute(
        f"SELECT count(*) FROM cards WHERE deck_id IN ({_in_clause(deck_ids)}) AND suspended = 0"
    ).fetchone()[0]
