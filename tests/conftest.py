import os
import sys
from datetime import timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from heatcards.clock import FixedClock  # noqa: E402
from heatcards.collection import Collection  # noqa: E402

# 2026-03-02 12:00 UTC: a fixed noon, far from the 4 a.m. rollover.
NOON = 1772452800
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, with garbage collected in the UI thread as the app does it
    (`collect_garbage_in_ui_thread`): a test's worker threads never collect Qt objects."""
    from heatcards.ui.tasks import collect_garbage_in_ui_thread

    collect_garbage_in_ui_thread()
    return qapp


@pytest.fixture
def qtbot(qtbot):
    """pytest-qt's bot, holding the widgets given to `addWidget` until it has closed them. It holds
    them weakly, so a shown window that a test no longer names could be collected as garbage while
    still shown (the UI thread collects whenever the event loop runs), half torn down: Qt then calls
    its Python event handlers on an object whose attributes are gone."""
    held = []
    add_widget = qtbot.addWidget

    def add_and_hold(widget, **options):
        held.append(widget)
        add_widget(widget, **options)

    qtbot.addWidget = add_and_hold
    yield qtbot
    held.clear()


@pytest.fixture(autouse=True)
def _collect_garbage_between_tests():
    """Once the UI tests have turned automatic collection off, the tests that run no event loop
    would never collect: after each test, collect what the thresholds call for, in this thread."""
    yield
    tasks = sys.modules.get("heatcards.ui.tasks")
    if tasks is not None and tasks._ui_thread_collector is not None:
        tasks._ui_thread_collector.check()


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
