import os
from datetime import timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from heatcards.clock import FixedClock  # noqa: E402
from heatcards.collection import Collection  # noqa: E402

# 2026-03-02 12:00 UTC: a fixed noon, far from the 4 a.m. rollover.
NOON = 1772452800
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOON)


@pytest.fixture
def collection(tmp_path, clock):
    """An empty collection (no Heat deck), UTC days, fuzz off."""
    col = Collection(tmp_path / "col.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)
    yield col
    col.close()


@pytest.fixture
def heat_collection(tmp_path, clock):
    col = Collection(tmp_path / "heat.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False)
    yield col
    col.close()


def needs_shared(path: str) -> Path:
    """A file from ../shared, or a skip that says why (a user's clone has no ../shared)."""
    full = SHARED / path
    if not full.exists():
        pytest.skip(f"../shared/{path} is not present (it exists only beside the developers' checkout)")
    return full
