"""Review histories as CSV: one row per answer, as py-fsrs and the FSRS tools write them.

The header names the columns, in any order: ``card_id`` (an integer), ``review_rating`` (1 Again …
4 Easy), ``review_time`` (ISO 8601; without a time zone it is UTC) and ``review_duration``
(milliseconds spent answering). Other columns are ignored. This module only parses; the collection
replays the histories into card states.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..clock import LATEST_TIME
from ..errors import ImportFileError
from .text import read_utf8_text

__all__ = ["REVIEW_LOG_COLUMNS", "ReviewLogRow", "is_review_log", "read_review_log"]

REVIEW_LOG_COLUMNS = ("card_id", "review_rating", "review_time", "review_duration")

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MILLISECOND = timedelta(milliseconds=1)
_HEADER_PEEK_BYTES = 4096


@dataclass(frozen=True, slots=True)
class ReviewLogRow:
    card_id: int
    rating: int  # 1..4
    time_ms: int  # unix milliseconds
    duration_ms: int


def _column_positions(header: Sequence[str]) -> dict[str, int] | None:
    """Where each review-log column is in a header row (names trimmed, case ignored); None when
    one is missing."""
    names = [name.strip().casefold() for name in header]
    if not all(column in names for column in REVIEW_LOG_COLUMNS):
        return None
    return {column: names.index(column) for column in REVIEW_LOG_COLUMNS}


def is_review_log(path: Path | str) -> bool:
    """Whether a file starts with a review-log header row; False for files that cannot be read."""
    try:
        with open(path, "rb") as file:
            start = file.readline(_HEADER_PEEK_BYTES).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    first_line = next(iter(start.splitlines()), "")  # (a file with \r line ends gives more than one)
    return _column_positions(next(csv.reader([first_line]), [])) is not None


def _integer(value: str, column: str, place: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ImportFileError(f"{place}: {column} must be a whole number, not {value!r}") from None


def _unix_ms(value: str, place: str) -> int:
    """An ISO 8601 time as unix milliseconds (rounded down); a time without a zone is UTC."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ImportFileError(f"{place}: review_time {value!r} is not an ISO 8601 time (like 2024-03-29T20:32:32+00:00)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    milliseconds = (moment - _EPOCH) // _MILLISECOND
    if not 0 <= milliseconds < (LATEST_TIME + 1) * 1000:
        raise ImportFileError(f"{place}: review_time {value!r} is outside the years 1970 to 9999 (in UTC)")
    return milliseconds


def _row(cells: Sequence[str], positions: Mapping[str, int], place: str) -> ReviewLogRow:
    card_id, rating, time, duration = (cells[positions[column]].strip() for column in REVIEW_LOG_COLUMNS)
    rating_value = _integer(rating, "review_rating", place)
    if not 1 <= rating_value <= 4:
        raise ImportFileError(f"{place}: review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not {rating_value}")
    duration_value = _integer(duration, "review_duration", place)
    if duration_value < 0:
        raise ImportFileError(f"{place}: review_duration must not be negative ({duration_value})")
    return ReviewLogRow(_integer(card_id, "card_id", place), rating_value, _unix_ms(time, place), duration_value)


def read_review_log(path: Path | str) -> list[ReviewLogRow]:
    """Every review in the file, checked, sorted by card and time (file order among equal times)."""
    path = Path(path)
    reader = csv.reader(io.StringIO(read_utf8_text(path), newline=""))
    rows: list[ReviewLogRow] = []
    try:
        header = next(reader, [])
        positions = _column_positions(header)
        if positions is None:
            raise ImportFileError(f"{path} line 1: not a review log (the header must name {', '.join(REVIEW_LOG_COLUMNS)})")
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            place = f"{path} line {reader.line_num}"
            if len(cells) != len(header):
                raise ImportFileError(f"{place}: {len(cells)} columns, expected {len(header)} as in the header")
            rows.append(_row(cells, positions, place))
    except csv.Error as error:
        raise ImportFileError(f"{path} line {reader.line_num}: {error}") from error
    rows.sort(key=lambda row: (row.card_id, row.time_ms))
    return rows
