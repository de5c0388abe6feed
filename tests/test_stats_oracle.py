"""Statistics against Anki's own (the `anki` package): a synthetic collection with three months of
history (../shared/peer/synth.py) is imported into both apps, then both suspend, bury and answer the
same cards; card counts, true retention, future due and reviews per day must be the numbers of
Anki's `graphs()` (its `GraphsResponse`), for the whole collection, a deck and a search."""
from __future__ import annotations

import tests.anki_oracle  # noqa: F401,I001  (first: TZ=UTC and ANKI_TEST_MODE before anki loads)

import os
import subprocess
import sys
from datetime import timezone

import pytest
from anki.collection import Collection as AnkiCollection
from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

from heatcards.clock import FixedClock
from heatcards.collection import Collection
from heatcards.model import Rating
from heatcards.stats import Period, Scope, collect
from heatcards.transfer import import_file
from tests.anki_oracle import _anki_now
from tests.conftest import needs_shared

NOTES, DAYS = 300, 90
ANKI_DAYS = {Period.MONTH: 30, Period.YEAR: 365, Period.ALL: 0}
SCOPES = [(Scope(), ""), (Scope.deck("Synthetic"), "deck:Synthetic"), (Scope.matching("tag:lvl3"), "tag:lvl3")]
AGAIN_CARDS = 3  # due cards both apps answer Again today


def front_of(note_fields: str) -> str:
    return note_fields.split("\x1f")[0]


@pytest.fixture(scope="module")
def apps(tmp_path_factory):
    synth = needs_shared("peer/synth.py")
    work = tmp_path_factory.mktemp("stats-oracle")
    subprocess.run(
        [sys.executable, str(synth), "--notes", str(NOTES), "--days", str(DAYS), "--out", str(work / "synth")],
        check=True, capture_output=True, env={**os.environ, "TZ": "UTC"},
    )
    package = work / "synth" / "synthetic.apkg"
    anki = AnkiCollection(str(work / "anki.anki2"))
    anki.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True))
    )
    clock = FixedClock(_anki_now())
    heat = Collection(work / "heat.heatcards", clock=clock, calendar_tz=timezone.utc, fuzz=False, install_heat_deck=False)
    import_file(heat, package)

    def by_front(anki_ids: list[int], heat_ids: list[int]) -> tuple[list[int], list[int]]:
        anki_fronts = {front_of(anki.get_card(i).note().joined_fields()): i for i in anki_ids}
        heat_fronts = {heat.note(heat.card(i).note_id).fields[0]: i for i in heat_ids}
        assert set(anki_fronts) == set(heat_fronts)
        fronts = sorted(anki_fronts)
        return [anki_fronts[f] for f in fronts], [heat_fronts[f] for f in fronts]

    anki_ids, heat_ids = by_front(list(anki.find_cards("tag:lvl1")), heat.find_cards("tag:lvl1"))
    anki.sched.suspend_cards(anki_ids[:12])
    heat.suspend(heat_ids[:12])
    anki.sched.bury_cards(anki_ids[12:20], manual=True)
    heat.bury(heat_ids[12:20])
    anki_due, heat_due = by_front(list(anki.find_cards("is:due -tag:lvl1")), heat.find_cards("is:due -tag:lvl1"))
    assert len(anki_due) >= AGAIN_CARDS
    for anki_id, heat_id in zip(anki_due[:AGAIN_CARDS], heat_due[:AGAIN_CARDS]):
        card = anki.get_card(anki_id)
        card.start_timer()
        anki.sched.answerCard(card, 1)
        heat.answer(heat_id, Rating.AGAIN)
    clock.current = _anki_now()
    yield anki, heat
    heat.close()
    anki.close()


def graphs(anki: AnkiCollection, search: str, period: Period):
    return anki._backend.graphs(search=search, days=ANKI_DAYS[period])


@pytest.mark.parametrize("scope, search", SCOPES, ids=["whole", "deck", "tag"])
def test_card_counts_are_anki_s(apps, scope, search):
    anki, heat = apps
    theirs = graphs(anki, search, Period.MONTH).card_counts.excluding_inactive
    ours = collect(heat, scope).card_counts
    expected = (theirs.newCards, theirs.learn, theirs.relearn, theirs.young, theirs.mature, theirs.suspended, theirs.buried)
    assert (ours.new, ours.learning, ours.relearning, ours.young, ours.mature, ours.suspended, ours.buried) == expected
    if not search:
        assert ours.suspended == 12 and ours.buried == 8 and ours.relearning == AGAIN_CARDS


@pytest.mark.parametrize("scope, search", SCOPES, ids=["whole", "deck", "tag"])
@pytest.mark.parametrize("period", list(Period))
def test_future_due_is_anki_s(apps, scope, search, period):
    anki, heat = apps
    theirs = graphs(anki, search, period).future_due
    ours = collect(heat, scope, period).future_due
    assert dict(ours.cards_by_day) == dict(theirs.future_due)
    assert (ours.backlog > 0) == theirs.have_backlog
    assert round(ours.daily_load) == theirs.daily_load  # Anki rounds the sum to a whole number


RETENTION_NAMES = {"Today": "today", "Yesterday": "yesterday", "Last week": "week", "Last month": "month",
                   "Last year": "year", "All time": "all_time"}


@pytest.mark.parametrize("scope, search", SCOPES, ids=["whole", "deck", "tag"])
@pytest.mark.parametrize("period", list(Period))
def test_true_retention_is_anki_s(apps, scope, search, period):
    anki, heat = apps
    theirs = graphs(anki, search, period).true_retention
    rows = collect(heat, scope, period).true_retention.rows
    assert len(rows) == {Period.MONTH: 4, Period.YEAR: 5, Period.ALL: 6}[period]
    for row in rows:
        expected = getattr(theirs, RETENTION_NAMES[row.label])
        assert (row.young_passed, row.young_failed, row.mature_passed, row.mature_failed) == (
            expected.young_passed, expected.young_failed, expected.mature_passed, expected.mature_failed
        ), row.label
    assert rows[0].failed > 0 or search


@pytest.mark.parametrize("scope, search", SCOPES, ids=["whole", "deck", "tag"])
@pytest.mark.parametrize("period", list(Period))
def test_reviews_per_day_are_anki_s(apps, scope, search, period):
    anki, heat = apps
    theirs = graphs(anki, search, period).reviews
    ours = collect(heat, scope, period).reviews
    first = ours.first_day
    their_counts = {day: (r.learn, r.relearn, r.young, r.mature, r.filtered) for day, r in theirs.count.items() if day >= first}
    their_times = {day: (r.learn, r.relearn, r.young, r.mature, r.filtered) for day, r in theirs.time.items() if day >= first}
    assert {day: c.values() for day, c in ours.counts.items()} == their_counts
    # today's answers took as long as each app's timer said; every earlier day is the package's
    assert {day: t.values() for day, t in ours.durations_ms.items() if day < 0} == {d: t for d, t in their_times.items() if d < 0}
    assert ours.answers > 0


DAY_SEARCHES = [
    "prop:rated=0", "prop:rated=-1", "prop:rated=-7", "prop:rated>-3", "prop:rated>=-10", "prop:rated<-60",
    "prop:rated<=-80", "prop:rated!=0", "prop:rated=-2 tag:lvl3", "prop:due=0", "prop:due=3", "prop:due<=-1",
]


@pytest.mark.parametrize("search", DAY_SEARCHES)
def test_day_searches_find_anki_s_cards(apps, search):
    """The searches behind the statistics' bars (a day's answers, a day's due cards) find the cards Anki finds."""
    anki, heat = apps
    theirs = sorted(front_of(anki.get_card(i).note().joined_fields()) for i in anki.find_cards(search))
    ours = sorted(heat.note(heat.card(i).note_id).fields[0] for i in heat.find_cards(search))
    assert ours == theirs
    if search in ("prop:rated=0", "prop:rated=-1", "prop:rated<-60"):
        assert ours, f"{search} should find cards in a collection with {DAYS} days of history"
