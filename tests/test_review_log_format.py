"""Review-log CSV (heatcards/formats/review_log.py): recognised by its header, every row checked,
reviews sorted by card and time; the real 12,580-review file from py-fsrs."""
from __future__ import annotations

import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heatcards.errors import ImportFileError
from heatcards.formats.review_log import REVIEW_LOG_COLUMNS, ReviewLogRow, is_review_log, read_review_log

from .conftest import needs_shared

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
HEADER = "card_id,review_rating,review_time,review_duration\n"


def write(tmp_path: Path, content: str | bytes, name: str = "log.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


# --- the real file ---------------------------------------------------------------------------------


def test_real_review_log():
    path = needs_shared("data/py-fsrs_review_logs_josh.csv")
    assert is_review_log(path)
    rows = read_review_log(path)
    assert len(rows) == 12_580
    assert len({row.card_id for row in rows}) == 1_205
    assert Counter(row.rating for row in rows) == {1: 3676, 2: 1, 3: 8903}
    assert sum(row.duration_ms for row in rows) == 161_532_699
    assert rows == sorted(rows, key=lambda row: (row.card_id, row.time_ms))
    history = [row for row in rows if row.card_id == 1711688456536]
    assert [row.rating for row in history] == [1, 3, 1, 3, 3, 1, 3, 3, 1, 3, 3, 3, 3, 3]
    assert history[0] == ReviewLogRow(1711688456536, 1, 1711818198000, 13000)  # 2024-03-30T17:03:18+00:00
    assert history[5] == ReviewLogRow(1711688456536, 1, 1714604229383, 11173)  # 2024-05-01T22:57:09.383
    assert rows[-1] == ReviewLogRow(1728102529498, 3, 1728234771227, 11614)  # 2024-10-06T17:12:51.227


# --- recognising a review log --------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        HEADER,
        "review_time,card_id,review_duration,review_rating\n",
        "\ufeffCard_ID , review_rating,review_time,review_duration,comment\r\n1,3,2024-01-01,5,x\r\n",
        "card_id,review_rating,review_time,review_duration\r1,3,2024-01-01,5\r",
    ],
)
def test_is_review_log_by_its_header(tmp_path, content):
    assert is_review_log(write(tmp_path, content))


@pytest.mark.parametrize(
    "content",
    [b"", b"card_id,review_rating,review_time\n", b"#separator:tab\nfront\tback\n", b"\xff\xfe\x00binary", b"x" * 10_000],
)
def test_is_not_review_log(tmp_path, content):
    assert not is_review_log(write(tmp_path, content))


def test_is_review_log_of_a_missing_file_or_a_folder(tmp_path):
    assert not is_review_log(tmp_path / "missing.csv")
    assert not is_review_log(tmp_path)


# --- reading ---------------------------------------------------------------------------------------


def test_times_with_and_without_zones(tmp_path):
    content = HEADER + (
        "7,3,2024-03-29T20:32:32.250000+00:00,10\n"
        "7,2,2024-03-29T22:32:32.250+02:00,11\n"  # same instant, another zone: file order kept
        "7,4,2024-03-29T20:32:31Z,12\n"
        "7,1,2024-03-29 20:32:30,13\n"  # naive: UTC
        "\n"
        "5,1,2024-03-30,0\n"
    )
    at = 1711744352250
    assert read_review_log(write(tmp_path, content)) == [
        ReviewLogRow(5, 1, 1711756800000, 0),
        ReviewLogRow(7, 1, at - 2250, 13),
        ReviewLogRow(7, 4, at - 1250, 12),
        ReviewLogRow(7, 3, at, 10),
        ReviewLogRow(7, 2, at, 11),
    ]


@pytest.fixture
def local_zone_far_from_utc(monkeypatch):
    """The process's local time zone is India's (UTC+5:30) for the test."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_naive_times_are_utc_whatever_the_local_zone(tmp_path, local_zone_far_from_utc):
    rows = read_review_log(write(tmp_path, HEADER + "1,3,2024-03-29T20:32:32.250,10\n"))
    assert rows == [ReviewLogRow(1, 3, 1711744352250, 10)]


def test_columns_in_any_order_with_extra_columns(tmp_path):
    content = "note,review_duration,review_rating,card_id,review_time\nhello,250,4,42,2024-01-02T03:04:05.006+00:00\n"
    expected = int(datetime(2024, 1, 2, 3, 4, 5, 6000, tzinfo=timezone.utc).timestamp() * 1000)
    assert read_review_log(write(tmp_path, content)) == [ReviewLogRow(42, 4, expected, 250)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (HEADER + "1,3,2024-01-01,5\n1,5,2024-01-02,5\n", "line 3: review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not 5"),
        (HEADER + "1,Good,2024-01-01,5\n", "line 2: review_rating must be a whole number, not 'Good'"),
        (HEADER + "1,0,2024-01-01,5\n", "line 2: review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not 0"),
        (HEADER + "card-1,3,2024-01-01,5\n", "line 2: card_id must be a whole number, not 'card-1'"),
        (HEADER + "1,3,yesterday,5\n", "line 2: review_time 'yesterday' is not an ISO 8601 time (like 2024-03-29T20:32:32+00:00)"),
        (HEADER + "1,3,9999-12-31T23:00:00-05:00,5\n", "line 2: review_time '9999-12-31T23:00:00-05:00' is outside the years 1970 to 9999 (in UTC)"),
        (HEADER + "1,3,1969-12-31T23:59:59+00:00,5\n", "line 2: review_time '1969-12-31T23:59:59+00:00' is outside the years 1970 to 9999"),
        (HEADER + "1,3,2024-01-01,-1\n", "line 2: review_duration must not be negative (-1)"),
        (HEADER + "1,3,2024-01-01,2.5\n", "line 2: review_duration must be a whole number, not '2.5'"),
        (HEADER + "\n\n1,3,2024-01-01\n", "line 4: 3 columns, expected 4 as in the header"),
        ("card_id,rating,time,duration\n1,3,2024-01-01,5\n", "line 1: not a review log (the header must name card_id, review_rating, review_time, review_duration)"),
        ("", "line 1: not a review log"),
        (HEADER.encode() + b"1,3,2024-01-01,\xff\n", "line 2: not UTF-8 text (byte 65); save it as UTF-8"),
    ],
)
def test_bad_rows_name_their_line(tmp_path, content, expected):
    path = write(tmp_path, content)
    with pytest.raises(ImportFileError) as caught:
        read_review_log(path)
    assert str(caught.value).startswith(f"{path} line ")
    assert expected in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(ImportFileError, match="cannot read .*missing.csv"):
        read_review_log(tmp_path / "missing.csv")


# --- round trip and hostile input ------------------------------------------------------------------

review_rows = st.lists(
    st.tuples(
        st.integers(-(2**63), 2**63),  # card id
        st.integers(1, 4),  # rating
        st.integers(0, 253_402_128_000_000_000),  # microseconds: 1970 to 9999-12-30, shown in any zone below
        st.integers(0, 2**40),  # duration
    ),
    max_size=30,
)
zones = st.sampled_from([None, timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))])


@st.composite
def written_logs(draw) -> tuple[str, list[ReviewLogRow]]:
    """A review-log file as some other program might write it (times to the microsecond, in
    various zones), and the rows read from it should give (times rounded down to the millisecond)."""
    order = draw(st.permutations(REVIEW_LOG_COLUMNS))
    line_end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = [",".join(order)]
    rows = []
    for card_id, rating, microseconds, duration in draw(review_rows):
        zone = draw(zones)
        moment = EPOCH + timedelta(microseconds=microseconds)
        local = moment.replace(tzinfo=None) if zone is None else moment.astimezone(zone)
        cells = {
            "card_id": str(card_id),
            "review_rating": str(rating),
            "review_time": local.isoformat(sep=draw(st.sampled_from("T ")), timespec="microseconds"),
            "review_duration": str(duration),
        }
        lines.append(",".join(cells[column] for column in order))
        rows.append(ReviewLogRow(card_id, rating, microseconds // 1000, duration))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + line_end.join(lines) + line_end, rows


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written_logs())
def test_rows_round_trip(tmp_path, log):
    content, rows = log
    path = write(tmp_path, content)
    assert is_review_log(path)
    assert read_review_log(path) == sorted(rows, key=lambda row: (row.card_id, row.time_ms))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=200), st.text(st.sampled_from('0123456789-:T+Z.,"\n\r x'), max_size=120).map(lambda body: HEADER + body)))
def test_hostile_input_raises_only_import_file_error(tmp_path, content):
    path = write(tmp_path, content)
    is_review_log(path)
    try:
        rows = read_review_log(path)
    except ImportFileError:
        return
    assert all(1 <= row.rating <= 4 and row.duration_ms >= 0 for row in rows)
