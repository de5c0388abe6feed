"""The workload simulator in deck options: a point for each desired retention from 0.70 to 0.99,
computed in a child process (the same numbers as in this process), a marker that follows the
retention spin box, a new simulation when a setting it depends on changes, and words saying what
the graph shows and assumes."""
import os
import signal

import pytest
from PySide6.QtCore import Qt

from heatcards.optimizing import DESIRED_RETENTIONS, SIMULATED_DAYS, simulate_preset_workload, start_simulating_preset
from heatcards.ui.workload_chart import SERIES, daily_amount

from .studying import study_randomly
from .test_ui_options import replace_text
from .windows import open_deck_options

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CHILD_WAIT_MS = 120_000  # how long a test waits for the child (a wait, not a timing assertion)
HEAT = "Heat (1995)"


@pytest.fixture
def studied(heat_collection, clock):
    study_randomly(heat_collection, clock, 80, deck=HEAT)
    return heat_collection


def wait_for_simulation(qtbot, chart):
    qtbot.waitUntil(lambda: chart.run is not None or chart.simulation is not None, timeout=CHILD_WAIT_MS)
    qtbot.waitUntil(lambda: chart.run is None and chart.simulation is not None, timeout=CHILD_WAIT_MS)
    return chart.simulation


def test_the_graph_has_a_point_for_each_retention_from_070_to_099(qtbot, studied):
    chart = open_deck_options(qtbot, studied).workload
    simulation = wait_for_simulation(qtbot, chart)
    assert len(DESIRED_RETENTIONS) == 30 and (DESIRED_RETENTIONS[0], DESIRED_RETENTIONS[-1]) == (0.70, 0.99)
    for _title, attribute in SERIES:
        xs, ys = chart.curves[attribute].getData()
        assert list(xs) == pytest.approx(DESIRED_RETENTIONS)
        assert list(ys) == pytest.approx([getattr(p, attribute) for p in simulation.points])
    _xs, reviews = chart.curves["reviews_per_day"].getData()
    assert reviews[-1] > 2 * reviews[0]  # 0.99 costs far more reviews than 0.70
    heat_cards = len(studied.find_cards(f'"deck:{HEAT}"'))
    assert simulation.card_count == heat_cards and simulation.days == SIMULATED_DAYS
    assert chart.graphs.isVisible()
    # what it shows and assumes, in words
    assert f"{heat_cards:,} cards" in chart.status.text() and "learned from new at 20 a day" in chart.status.text()
    assert simulation.answers_measured > 0 and simulation.habits_note in chart.assumptions.text()
    assert "keep answering as you have" in chart.assumptions.text()
    assert chart.summary.text().startswith("At 0.90: about ")


def test_the_marker_follows_the_retention_spin_box(qtbot, studied):
    dialog = open_deck_options(qtbot, studied)
    chart = dialog.workload
    simulation = wait_for_simulation(qtbot, chart)
    assert [marker.value() for marker in chart.markers.values()] == [pytest.approx(0.90)] * 3
    dialog.desired_retention.setFocus()
    qtbot.keyClick(dialog.desired_retention, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.desired_retention, Qt.Key.Key_Up)
    assert [marker.value() for marker in chart.markers.values()] == [pytest.approx(0.92)] * 3
    point = next(p for p in simulation.points if p.retention == 0.92)
    assert chart.summary.text().startswith(f"At 0.92: about {daily_amount(point.reviews_per_day)} reviews and ")
    decimal_point = dialog.desired_retention.locale().decimalPoint()
    replace_text(qtbot, dialog.desired_retention, f"0{decimal_point}75")
    assert [marker.value() for marker in chart.markers.values()] == [pytest.approx(0.75)] * 3
    assert chart.summary.text().startswith("At 0.75:")
    assert chart.simulation is simulation  # retention alone does not simulate again: every retention is simulated


def test_a_setting_the_simulation_depends_on_simulates_again(qtbot, studied):
    dialog = open_deck_options(qtbot, studied)
    chart = dialog.workload
    first = wait_for_simulation(qtbot, chart)
    replace_text(qtbot, dialog.new_per_day, "5")
    qtbot.waitUntil(lambda: chart.simulation is not first and chart.run is None, timeout=CHILD_WAIT_MS)
    assert "learned from new at 5 a day" in chart.status.text()
    assert chart.simulation.points[-1].reviews_per_day < first.points[-1].reviews_per_day  # fewer cards learnt a day


def test_the_child_process_simulates_what_this_process_does(studied):
    preset = studied.preset_of(studied.deck_named(HEAT))
    retentions = (0.75, 0.9)
    there = start_simulating_preset(studied, preset, retentions=retentions, days=60).result()
    here = simulate_preset_workload(studied, preset, retentions=retentions, days=60)
    assert there == here


def test_daily_amounts_read_as_a_person_reads_them():
    assert [daily_amount(v) for v in (0.46, 2.44, 9.96, 10.4, 1204.5)] == ["0.5", "2.4", "10", "10", "1,204"]


def test_closing_the_dialog_kills_a_running_simulation(qtbot, studied):
    dialog = open_deck_options(qtbot, studied)
    chart = dialog.workload
    qtbot.waitUntil(lambda: chart.run is not None, timeout=CHILD_WAIT_MS)
    run = chart.run
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and chart.run is None
    assert run.process.returncode == -signal.SIGKILL  # killed, not finished
    with pytest.raises(ProcessLookupError):
        os.kill(run.pid, 0)  # gone and reaped


def test_a_preset_without_cards_says_so_instead_of_a_graph(qtbot, collection):
    chart = open_deck_options(qtbot, collection, "Default").workload
    qtbot.waitUntil(lambda: "No simulation" in chart.status.text(), timeout=CHILD_WAIT_MS)
    assert "no cards to simulate" in chart.status.text()
    assert not chart.graphs.isVisible() and not chart.summary.isVisible() and not chart.busy.isVisible()
