"""Card info: the forgetting curve in the core, and the dialog that shows a card's progress."""
import time

import pytest
from PySide6.QtCore import Qt

from heatcards.clock import SECONDS_PER_DAY
from heatcards.model import CardState, Rating, ReviewKind
from heatcards.scheduling import retrievability
from heatcards.ui.card_info import CardInfoDialog, ReviewHistoryTableModel

# Showing a top-level dialog under the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RATINGS = (Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.HARD, Rating.GOOD)


def study(collection, card_id, ratings=RATINGS):
    """Answer the card each time it is due (a few hours into its due day), over simulated weeks."""
    clock = collection.clock
    for rating in ratings:
        card = collection.card(card_id)
        if card.state is not CardState.NEW and card.due > clock.current:
            clock.current = card.due + 5 * 3600
        collection.answer(card_id, rating, duration_ms=4000 + 1000 * int(rating))
        clock.advance(60)
    clock.advance(2 * SECONDS_PER_DAY)


@pytest.fixture
def studied(heat_collection):
    deck = heat_collection.deck_named("Heat (1995)")
    card, _ = heat_collection.next_card(deck)
    study(heat_collection, card.id)
    return heat_collection, card.id


# --- the curve (core) ------------------------------------------------------------------
def test_curve_has_a_point_per_review_and_falls_between_reviews(studied):
    collection, card_id = studied
    history = collection.card_info(card_id).history
    curve = collection.forgetting_curve(card_id, points=120)
    assert [r.time for r in curve.reviews] == [e.time // 1000 for e in history]
    assert [r.rating for r in curve.reviews] == [int(r) for r in RATINGS]
    assert [r.stability_after for r in curve.reviews] == [e.stability for e in history]
    assert len(curve.segments) == len(history)
    for segment, review in zip(curve.segments, curve.reviews):
        assert segment.start == review.time
        assert segment.values[0] == pytest.approx(1.0)
        assert all(a > b for a, b in zip(segment.values, segment.values[1:]))
        assert all(a < b for a, b in zip(segment.times, segment.times[1:]))
    assert curve.segments[-1].end == curve.end > curve.now
    assert curve.end > collection.card(card_id).due
    assert len(curve.reviews[0:1]) == 1 and curve.reviews[0].retrievability_before is None
    assert 100 <= sum(len(s.times) for s in curve.segments) <= 120 + 2 * len(history)


def test_curve_uses_the_presets_decay_and_matches_retrievability_now(studied):
    collection, card_id = studied
    curve = collection.forgetting_curve(card_id)
    info = collection.card_info(card_id)
    assert curve.decay == collection.scheduler_for(info.deck).decay
    assert curve.desired_retention == 0.9
    assert curve.retrievability_at(curve.now) == pytest.approx(info.retrievability)
    # each review's "before" value is the previous review's curve at that moment
    for previous, review in zip(curve.reviews, curve.reviews[1:]):
        elapsed = (review.time - previous.time) / SECONDS_PER_DAY
        assert review.retrievability_before == pytest.approx(retrievability(previous.stability_after, elapsed, curve.decay))
    lapse = curve.reviews[RATINGS.index(Rating.AGAIN)]
    assert lapse.retrievability_before < 0.95


def test_a_reset_leaves_a_gap_and_a_new_card_has_no_curve(studied):
    collection, card_id = studied
    collection.forget([card_id])
    reset_at = collection.now()
    collection.clock.advance(SECONDS_PER_DAY)
    curve = collection.forgetting_curve(card_id)
    assert curve.segments[-1].end == reset_at  # the memory ended at the reset
    assert curve.retrievability_at(curve.now) is None
    collection.answer(card_id, Rating.GOOD)
    restarted = collection.forgetting_curve(card_id)
    assert restarted.reviews[-1].retrievability_before is None
    assert restarted.segments[-2].end < restarted.segments[-1].start
    new_card = collection.find_cards("is:new")[0]
    empty = collection.forgetting_curve(new_card)
    assert empty.segments == () and empty.reviews == ()


# --- the history model ------------------------------------------------------------------
def test_history_model_lists_reviews_newest_first(studied, qtmodeltester):
    collection, card_id = studied
    history = collection.card_info(card_id).history
    model = ReviewHistoryTableModel(history)
    qtmodeltester.check(model)
    assert model.rowCount() == len(history)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    newest, oldest = history[-1], history[0]
    text = lambda row, column: model.data(model.index(row, column))  # noqa: E731
    assert text(0, 0) == time.strftime("%Y-%m-%d %H:%M", time.localtime(newest.time / 1000))
    assert text(0, 2) == Rating(newest.rating).name.title()
    assert text(len(history) - 1, 1) == "Learn" and text(len(history) - 1, 3) == "10m"
    assert text(0, 4) == f"{newest.stability:.1f} d"
    assert text(0, 6) == f"{newest.duration_ms / 1000:.1f} s"
    assert oldest.kind is ReviewKind.LEARN
    lapse_row = len(history) - 1 - RATINGS.index(Rating.AGAIN)
    assert text(lapse_row, 1) == "Review" and text(lapse_row, 2) == "Again"


def test_history_model_with_manual_entries(studied, qtmodeltester):
    collection, card_id = studied
    collection.forget([card_id])
    model = ReviewHistoryTableModel(collection.card_info(card_id).history)
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in (1, 2, 6)] == ["Manual", "–", "–"]


# --- the dialog -----------------------------------------------------------------------
def test_dialog_shows_the_cards_numbers(studied, qtbot):
    collection, card_id = studied
    dialog = CardInfoDialog(collection, card_id)
    qtbot.addWidget(dialog)
    info = collection.card_info(card_id)
    card = info.card
    shown = {key: label.text() for key, label in dialog.values.items()}
    studied_times = [e.time / 1000 for e in info.history]
    assert shown["deck"] == "Heat (1995)"
    assert shown["reviews"] == str(card.reps) == str(len(RATINGS))
    assert shown["lapses"] == str(card.lapses) == "1"
    assert shown["first_review"] == time.strftime("%Y-%m-%d", time.localtime(studied_times[0]))
    assert shown["latest_review"] == time.strftime("%Y-%m-%d", time.localtime(studied_times[-1]))
    assert shown["due"] == info.due_day
    assert shown["interval"] == f"{card.interval} days"
    assert shown["retrievability"] == f"{info.retrievability:.0%}"
    assert shown["difficulty"] == f"{(card.difficulty - 1) / 9:.0%}"
    total = sum(e.duration_ms for e in info.history) / 1000
    assert shown["total_time"] == f"{total:.3g} seconds"
    assert shown["average_time"] == f"{total / len(RATINGS):.3g} seconds"
    assert "Which" in dialog.question_view.toPlainText()
    assert dialog.history_model.rowCount() == len(info.history)
    assert dialog.curve_view.curve.reviews == collection.forgetting_curve(card_id).reviews


def test_dialog_plots_each_review_and_the_retention_line(studied, qtbot):
    collection, card_id = studied
    dialog = CardInfoDialog(collection, card_id)
    qtbot.addWidget(dialog)
    dialog.show()
    item = dialog.curve_view.plot.getPlotItem()
    marks = [d for d in item.listDataItems() if d.opts.get("symbol")]
    assert sum(len(d.getData()[0]) for d in marks) == len(RATINGS)
    lines = sorted((line.angle, line.value()) for line in item.items if hasattr(line, "angle"))
    assert lines == [(0, pytest.approx(90.0)), (90, collection.now())]
    assert dialog.curve_view.stack.currentWidget() is dialog.curve_view.plot


def test_dialog_for_a_new_card_and_switching_cards(studied, qtbot):
    collection, card_id = studied
    new_card = collection.find_cards("is:new")[0]
    dialog = CardInfoDialog(collection, new_card)
    qtbot.addWidget(dialog)
    assert dialog.values["reviews"].text() == "0"
    assert dialog.values["first_review"].text() == "–"
    assert dialog.values["due"].text().startswith("new card #")
    assert dialog.curve_view.stack.currentWidget() is dialog.curve_view.empty_label
    assert dialog.history_model.rowCount() == 0
    dialog.show_card(card_id)
    assert dialog.values["reviews"].text() == str(len(RATINGS))
    assert dialog.curve_view.stack.currentWidget() is dialog.curve_view.plot


def test_escape_closes_and_a_palette_change_redraws(studied, qtbot):
    from PySide6.QtGui import QPalette

    collection, card_id = studied
    dialog = CardInfoDialog(collection, card_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.close_button
    palette = QPalette(dialog.palette())
    palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
    dialog.setPalette(palette)
    assert dialog.curve_view.plot.backgroundBrush().color() == Qt.GlobalColor.black
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_curve_axis_names_the_month_for_daily_ticks(qapp):
    import time

    from heatcards.ui.card_info import DayAxisItem

    axis = DayAxisItem(orientation="bottom")
    noon = 1772452800  # 2026-03-02 12:00 UTC
    assert axis.tickStrings([noon], 1.0, 5 * 86400) == [time.strftime("%b %d", time.localtime(noon))]
