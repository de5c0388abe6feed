"""The optimiser in deck options, driven by mouse and keyboard: before/after figures on the user's
own history, Apply only when better, applied parameters saved with Save, the refusal when there
are too few reviews, and Cancel killing the child process without changing anything."""
import os
import random
import signal
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from heatcards.optimizing import MINIMUM_SCORED_REVIEWS
from heatcards.presets import format_parameters
from heatcards.transfer import import_file

from .conftest import needs_shared
from .studying import study_randomly
from .windows import open_deck_options

# Showing a top-level dialog under the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CHILD_WAIT_MS = 120_000  # how long a test waits for the child (a wait, not a timing assertion)


def write_review_log(path, cards=160, seed=3):
    """A review-log CSV: each card learnt (Again, then Good ten minutes later), then reviewed four
    times at tripling intervals, forgotten more often the longer the wait: 640 scored reviews."""
    dice = random.Random(seed)
    start = datetime(2025, 9, 1, 18, tzinfo=timezone.utc)
    rows = ["card_id,review_rating,review_time,review_duration"]
    for card in range(1, cards + 1):
        when = start + timedelta(minutes=card)
        rows.append(f"{card},1,{when.isoformat()},{dice.randint(3000, 9000)}")
        rows.append(f"{card},3,{(when + timedelta(minutes=10)).isoformat()},{dice.randint(3000, 9000)}")
        interval = 1
        for _ in range(4):
            when += timedelta(days=interval)
            forgot = dice.random() < 0.1 + 0.05 * interval**0.5
            rows.append(f"{card},{1 if forgot else 3},{when.isoformat()},{dice.randint(3000, 9000)}")
            interval = 1 if forgot else interval * 3
    path.write_text("\n".join(rows) + "\n")
    return path


@pytest.fixture
def reviewed(collection, tmp_path):
    """A collection holding the synthetic review log (no ../shared needed)."""
    import_file(collection, write_review_log(tmp_path / "reviews.csv"))
    return collection


@pytest.fixture
def josh(collection):
    """The real review log, imported as a user imports it, days starting at 10:00 UTC (see tests/test_optimizing.py)."""
    collection.set_rollover_hour(10)
    import_file(collection, needs_shared("data/py-fsrs_review_logs_josh.csv"))
    return collection


def optimize_and_wait(qtbot, dialog):
    panel = dialog.optimizer
    qtbot.mouseClick(panel.optimize_button, Qt.MouseButton.LeftButton)
    assert panel.run is not None and not panel.optimize_button.isEnabled() and panel.cancel_button.isVisible()
    qtbot.waitUntil(lambda: panel.run is None, timeout=CHILD_WAIT_MS)
    assert panel.result is not None, panel.status.text()
    return panel


def figure(panel, when, metric):
    return float(panel.figure_labels[when, metric].text())


def test_optimising_the_real_log_shows_before_and_after_and_applying_saves_them(qtbot, josh):
    dialog = open_deck_options(qtbot, josh)
    panel = optimize_and_wait(qtbot, dialog)
    result = panel.result
    assert panel.figures.isVisible() and panel.row_titles["before"].text() == "Current (defaults)"
    # the guide's figures for the defaults and fsrs-rs's for the optimiser (5-fold time-series split)
    assert (figure(panel, "before", "log_loss"), figure(panel, "before", "rmse_bins")) == pytest.approx((0.4417, 0.0625), abs=1e-4)
    assert figure(panel, "after", "log_loss") <= 0.4389 and figure(panel, "after", "rmse_bins") <= 0.0410
    assert "6,372 of your 12,493 reviews" in panel.status.text()
    assert "predict your reviews better" in panel.verdict.text()
    assert format_parameters(result.parameters) in panel.new_parameters.text()
    assert panel.apply_button.isEnabled() and panel.apply_button.hasFocus()

    qtbot.keyClick(panel.apply_button, Qt.Key.Key_Space)
    assert dialog.parameters.text() == format_parameters(result.parameters)
    assert not panel.apply_button.isEnabled() and "Save keeps them" in panel.status.text()
    assert josh.default_preset().parameters == ()  # not saved yet
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert josh.default_preset().parameters == result.parameters  # unrounded, as fitted

    # the same history again: the saved parameters already know it, so nothing better is offered
    again = optimize_and_wait(qtbot, open_deck_options(qtbot, josh))
    assert again.row_titles["before"].text() == "Current"
    assert not again.apply_button.isEnabled()
    assert "current parameters are kept" in again.verdict.text()
    assert josh.default_preset().parameters == result.parameters


def test_apply_is_offered_only_when_better_and_keyboard_applies_it(qtbot, reviewed):
    dialog = open_deck_options(qtbot, reviewed)
    panel = optimize_and_wait(qtbot, dialog)
    better = panel.result
    assert better.better and panel.apply_button.isEnabled()
    assert figure(panel, "after", "log_loss") < figure(panel, "before", "log_loss")
    assert "640 of your 960 reviews" in panel.status.text()
    qtbot.keyClick(panel.apply_button, Qt.Key.Key_Space)
    assert dialog.parameters.text() == format_parameters(better.parameters)
    # optimising again in the same dialog scores the applied (unsaved) parameters
    panel = optimize_and_wait(qtbot, dialog)
    assert panel.result.current_parameters == better.parameters
    assert not panel.result.better and not panel.apply_button.isEnabled()
    assert "current parameters are kept" in panel.verdict.text()
    with qtbot.waitSignal(dialog.changed):
        qtbot.keyClick(dialog.parameters, Qt.Key.Key_Return)  # Save is the default button
    assert reviewed.default_preset().parameters == better.parameters


def test_parameters_edited_after_optimising_began_are_not_overwritten(qtbot, reviewed):
    dialog = open_deck_options(qtbot, reviewed)
    panel = optimize_and_wait(qtbot, dialog)
    assert panel.apply_button.isEnabled()
    typed = format_parameters(tuple(round(p * 1.02, 4) for p in panel.result.parameters))
    dialog.parameters.setFocus()
    qtbot.keyClicks(dialog.parameters, typed)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.parameters.text() == typed
    assert "edited after optimising began" in panel.status.text()


def test_too_few_reviews_says_how_many_are_needed(qtbot, heat_collection, clock):
    study_randomly(heat_collection, clock, 60, deck="Heat (1995)")
    dialog = open_deck_options(qtbot, heat_collection, "Heat (1995)")
    panel = dialog.optimizer
    qtbot.mouseClick(panel.optimize_button, Qt.MouseButton.LeftButton)
    assert panel.run is None and panel.result is None
    assert f"needs at least {MINIMUM_SCORED_REVIEWS} reviews" in panel.status.text()
    assert "this history has" in panel.status.text() and panel.status.isVisible()
    assert not panel.figures.isVisible() and not panel.apply_button.isVisible()
    assert panel.optimize_button.isEnabled()


def child_is_gone(run):
    assert run.process.returncode == -signal.SIGKILL  # killed, not finished
    with pytest.raises(ProcessLookupError):
        os.kill(run.pid, 0)  # gone and reaped
    return True


def test_cancel_kills_the_child_and_changes_nothing(qtbot, reviewed):
    preset = reviewed.default_preset()
    dialog = open_deck_options(qtbot, reviewed)
    panel = dialog.optimizer
    qtbot.mouseClick(panel.optimize_button, Qt.MouseButton.LeftButton)
    run = panel.run
    assert run is not None and run.process.poll() is None and panel.busy.isVisible()
    assert panel.cancel_button.hasFocus()
    qtbot.keyClick(panel.cancel_button, Qt.Key.Key_Space)
    assert child_is_gone(run)
    assert panel.run is None and panel.result is None
    assert not panel.busy.isVisible() and not panel.cancel_button.isVisible() and not panel.apply_button.isVisible()
    assert "Cancelled: nothing was changed" in panel.status.text()
    assert panel.optimize_button.isEnabled() and dialog.parameters.text() == ""
    assert reviewed.default_preset() == preset


def test_closing_the_dialog_kills_a_running_optimisation(qtbot, reviewed):
    preset = reviewed.default_preset()
    dialog = open_deck_options(qtbot, reviewed)
    qtbot.mouseClick(dialog.optimizer.optimize_button, Qt.MouseButton.LeftButton)
    run = dialog.optimizer.run
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert child_is_gone(run)
    assert reviewed.default_preset() == preset


def test_switching_preset_drops_the_other_presets_result(qtbot, reviewed, monkeypatch):
    dialog = open_deck_options(qtbot, reviewed)
    panel = optimize_and_wait(qtbot, dialog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("Other", True))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.preset_combo.currentText().startswith("Other")
    assert panel.result is None and not panel.figures.isVisible() and not panel.apply_button.isVisible()
