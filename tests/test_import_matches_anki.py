"""heatcards makes of an Anki package what Anki makes of it.

Packages: collections built by ../shared/peer/synth.py (400 notes, 90 days of history, with FSRS
and without) and then studied a little more by Anki itself so that cards sit in every state
(learning, relearning, suspended, buried, forgotten, rescheduled by hand), each exported in the
modern and the legacy layout; and a genanki package with a Basic (and reversed card) note type, a
Cloze note type and media. Each package is imported by heatcards (`transfer.import_file` into a
real collection) and by Anki (its own importer, into a fresh collection), and the two must agree
exactly on: card counts by state (new, learning, review, relearning, suspended, buried), review
cards due on each of the next 30 days, and the review log (in all and per card); and, within
rounding, on each card's FSRS memory state wherever Anki has one.

Both directions: what heatcards exports of what it imported, imported by another fresh Anki,
gives Anki the same counts as the original package did.

Days are counted in UTC from 4:00 on both sides (`tests.anki_oracle` sets TZ=UTC for Anki; the
heatcards collections use the UTC calendar and Anki's default rollover hour).
"""
from __future__ import annotations

import tests.anki_oracle  # noqa: F401,I001  (first: TZ=UTC and ANKI_TEST_MODE before anki loads)

import importlib.util
import sqlite3
import zipfile
from collections import Counter
from dataclasses import dataclass, replace
from datetime import timezone
from pathlib import Path
from types import ModuleType

import genanki
import pytest
from anki.collection import Collection as AnkiCollection
from anki.collection import ExportAnkiPackageOptions, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from heatcards.collection import Collection
from heatcards.clock import DayCalendar
from heatcards.formats.apkg import PackageReviews, anki_review_id, read_package, write_package
from heatcards.model import CardState, ReviewKind, ReviewLogEntry
from heatcards.storage.anki_collection import CollectionReviews
from heatcards.storage.transfer_rows import CollectionCards
from heatcards.transfer import export_file, import_file

from .conftest import needs_shared

DAYS_AHEAD = 30
SYNTH_NOTES = 400
SYNTH_DAYS = 90
ANKI_STATES = {0: CardState.NEW, 1: CardState.LEARNING, 2: CardState.REVIEW, 3: CardState.RELEARNING}
QUEUE_SUSPENDED, QUEUES_BURIED, QUEUE_REVIEW = -1, (-2, -3), 2


# ======================================================================================
# What a collection holds, counted the same way on both sides
# ======================================================================================


@dataclass(frozen=True)
class Counts:
    """What the comparison looks at, keyed by note GUID and card ordinal where per card."""

    cards: int
    by_state: dict[str, int]  # new / learning / review / relearning / suspended / buried
    review_due: tuple[int, ...]  # review cards (neither suspended nor buried) due on day 0 (today, or overdue) .. 29
    reviews: int  # review-log entries of the collection's cards
    reviews_per_card: dict[tuple[str, int], int]
    ordinals: dict[str, tuple[int, ...]]  # each note's card ordinals
    memory: dict[tuple[str, int], tuple[float, float]]  # FSRS (stability, difficulty), where there is one


def _state_counts(states: list[CardState], suspended: int, buried: int) -> dict[str, int]:
    counted = Counter(state.name.lower() for state in states)
    return {
        **{name: counted.get(name, 0) for name in ("new", "learning", "review", "relearning")},
        "suspended": suspended,
        "buried": buried,
    }


def anki_counts(col: AnkiCollection) -> Counts:
    today = col.sched.today
    rows = col.db.all(
        "SELECT n.guid, c.ord, c.type, c.queue, c.due, c.odue, c.odid, c.id FROM cards c JOIN notes n ON n.id = c.nid"
    )
    due = [0] * DAYS_AHEAD
    ordinals: dict[str, list[int]] = {}
    for guid, ordinal, kind, queue, day, odue, odid, _ in rows:
        ordinals.setdefault(guid, []).append(ordinal)
        if kind == 2 and queue == QUEUE_REVIEW:
            offset = max(0, (odue if odid else day) - today)
            if offset < DAYS_AHEAD:
                due[offset] += 1
    reviews_per_card = {
        (guid, ordinal): count
        for guid, ordinal, count in col.db.all(
            "SELECT n.guid, c.ord, count(r.id) FROM revlog r JOIN cards c ON c.id = r.cid JOIN notes n ON n.id = c.nid GROUP BY c.id"
        )
    }
    memory = {}
    for guid, ordinal, *_, card_id in rows:
        state = col.get_card(card_id).memory_state
        if state is not None:
            memory[(guid, ordinal)] = (state.stability, state.difficulty)
    return Counts(
        cards=len(rows),
        by_state=_state_counts(
            [ANKI_STATES[row[2]] for row in rows],
            suspended=sum(1 for row in rows if row[3] == QUEUE_SUSPENDED),
            buried=sum(1 for row in rows if row[3] in QUEUES_BURIED),
        ),
        review_due=tuple(due),
        reviews=sum(reviews_per_card.values()),
        reviews_per_card=reviews_per_card,
        ordinals={guid: tuple(sorted(found)) for guid, found in ordinals.items()},
        memory=memory,
    )


def heatcards_counts(collection: Collection) -> Counts:
    store, calendar = collection.store, collection.calendar
    now = collection.now()
    today = calendar.day(now)
    cards = store.cards(collection.find_cards())
    notes = store.notes({card.note_id for card in cards})
    key = {card.id: (notes[card.note_id].guid, card.ordinal) for card in cards}
    due = [0] * DAYS_AHEAD
    ordinals: dict[str, list[int]] = {}
    for card in cards:
        ordinals.setdefault(key[card.id][0], []).append(card.ordinal)
        if card.state is CardState.REVIEW and not card.suspended and not card.is_buried(now):
            offset = max(0, calendar.day(card.due) - today)
            if offset < DAYS_AHEAD:
                due[offset] += 1
    reviews_per_card = Counter(key[review.card_id] for review in store.reviews_of_cards([card.id for card in cards]))
    return Counts(
        cards=len(cards),
        by_state=_state_counts(
            [card.state for card in cards],
            suspended=sum(1 for card in cards if card.suspended),
            buried=sum(1 for card in cards if card.is_buried(now)),
        ),
        review_due=tuple(due),
        reviews=sum(reviews_per_card.values()),
        reviews_per_card=dict(reviews_per_card),
        ordinals={guid: tuple(sorted(found)) for guid, found in ordinals.items()},
        memory={
            key[card.id]: (card.stability, card.difficulty)
            for card in cards
            if card.stability is not None and card.difficulty is not None
        },
    )


def open_heatcards(path: Path) -> Collection:
    return Collection(path, calendar_tz=timezone.utc, install_heat_deck=False)


def anki_import(package: Path, path: Path) -> AnkiCollection:
    """A fresh Anki collection at `path` holding `package`, imported by Anki with its scheduling."""
    col = AnkiCollection(str(path))
    options = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))
    return col


def counts_after_anki_imports(package: Path, path: Path) -> Counts:
    col = anki_import(package, path)
    try:
        return anki_counts(col)
    finally:
        col.close()


def assert_same_memory(ours: dict, theirs: dict, tolerance: float = 1e-3) -> None:
    """Every card Anki has a memory state for has one here too, the same within `tolerance`
    (relative, or absolute for small numbers): Anki stores stability to 4 decimals and difficulty to 3."""
    assert theirs, "Anki has no memory states to compare with"
    missing = sorted(set(theirs) - set(ours))
    assert not missing, f"{len(missing)} cards have no memory state here, e.g. {missing[:3]}"
    wrong = {
        key: (ours[key], memory)
        for key, memory in theirs.items()
        if ours[key][0] != pytest.approx(memory[0], rel=tolerance, abs=tolerance)
        or ours[key][1] != pytest.approx(memory[1], rel=tolerance, abs=tolerance)
    }
    assert not wrong, f"{len(wrong)} of {len(theirs)} memory states differ (ours, Anki's), e.g. {list(wrong.items())[:3]}"


def assert_same_counts(ours: Counts, theirs: Counts) -> None:
    assert ours.cards == theirs.cards
    assert ours.by_state == theirs.by_state
    assert ours.review_due == theirs.review_due
    assert ours.reviews == theirs.reviews
    assert ours.reviews_per_card == theirs.reviews_per_card
    assert ours.ordinals == theirs.ordinals


# ======================================================================================
# synth.py packages, studied a little more by Anki
# ======================================================================================


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", needs_shared("peer/synth.py"))
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    return synth


def _study_more(path: Path) -> dict[str, int]:
    """Anki studies the synthetic collection a little more today, so that cards sit in every
    state; returns how many cards each step touched (each must be > 0 for the test to mean much)."""
    col = AnkiCollection(str(path))
    try:
        sched = col.sched

        def answer(card_id: int, *eases: int) -> None:
            for ease in eases:
                card = col.get_card(card_id)
                card.start_timer()
                sched.answerCard(card, ease)

        due = list(col.find_cards("is:due is:review"))
        new = list(col.find_cards("is:new"))
        review = [c for c in col.find_cards("is:review") if c not in due]
        touched = {"lapsed": 4, "passed": 4, "learning": 4, "graduated": 2, "suspended": 5, "buried": 3, "rescheduled": 2, "forgotten": 2, "flagged": 3}
        lapsed, due = due[: touched["lapsed"]], due[touched["lapsed"]:]
        for card_id in lapsed:
            answer(card_id, 1)  # relearning
        for card_id in due[: touched["passed"]]:
            answer(card_id, 3)
        for card_id in new[: touched["learning"]]:
            answer(card_id, 3)  # learning, one step left
        new = new[touched["learning"]:]
        for card_id in new[: touched["graduated"]]:
            answer(card_id, 4)  # straight to review
        new = new[touched["graduated"]:]
        sched.suspend_cards(review[: touched["suspended"]])
        sched.bury_cards(new[: touched["buried"]])
        sched.set_due_date(review[5 : 5 + touched["rescheduled"]], "3")  # manual review-log entries
        sched.schedule_cards_as_new(review[10 : 10 + touched["forgotten"]])  # history, but new again
        col.set_user_flag_for_cards(4, review[20 : 20 + touched["flagged"]])
        assert len(lapsed) == touched["lapsed"] and len(review) >= 23, "the synthetic collection has too few cards for this test"
        return touched
    finally:
        col.close()


@dataclass(frozen=True)
class SynthPackages:
    packages: dict[str, Path]  # "fsrs modern", "fsrs legacy", "sm2 modern", "sm2 legacy"
    deck_ids: dict[str, int]  # "fsrs" / "sm2": the Synthetic deck's id


@pytest.fixture(scope="module")
def synth_packages(tmp_path_factory) -> SynthPackages:
    synth = _synth()
    folder = tmp_path_factory.mktemp("synth")
    packages, deck_ids = {}, {}
    for scheduler, fsrs in (("fsrs", True), ("sm2", False)):
        path = folder / f"{scheduler}.anki2"
        info = synth.build_collection(str(path), SYNTH_NOTES, days=SYNTH_DAYS, seed=11, fsrs=fsrs, log=lambda *_: None)["info"]
        deck_ids[scheduler] = info["did"]
        _study_more(path)
        col = AnkiCollection(str(path))
        try:
            for layout in ("modern", "legacy"):
                options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=layout == "legacy")
                out = folder / f"{scheduler}-{layout}.apkg"
                col.export_anki_package(out_path=str(out), options=options, limit=None)
                packages[f"{scheduler} {layout}"] = out
        finally:
            col.close()
    return SynthPackages(packages, deck_ids)


SYNTH_PACKAGES = ["fsrs modern", "fsrs legacy", "sm2 modern", "sm2 legacy"]


@pytest.mark.parametrize("name", SYNTH_PACKAGES)
def test_synthetic_package_counts_match_anki(synth_packages, tmp_path, name):
    package = synth_packages.packages[name]
    theirs = counts_after_anki_imports(package, tmp_path / "anki.anki2")
    with open_heatcards(tmp_path / "hc.heatcards") as collection:
        report, _ = import_file(collection, package)
        ours = heatcards_counts(collection)
    # the package has what the comparison needs: cards in every state, days with reviews due
    assert theirs.cards == SYNTH_NOTES and all(theirs.by_state.values()), theirs.by_state
    assert sum(1 for day in theirs.review_due if day) > 20, theirs.review_due
    assert (report.added, report.cards_added, report.reviews_added) == (SYNTH_NOTES, SYNTH_NOTES, theirs.reviews)
    assert_same_counts(ours, theirs)


@pytest.mark.parametrize("name", ["fsrs modern", "fsrs legacy"])
def test_synthetic_memory_states_match_anki(synth_packages, tmp_path, name):
    """An FSRS package carries each card's memory state: heatcards takes Anki's."""
    package = synth_packages.packages[name]
    theirs = counts_after_anki_imports(package, tmp_path / "anki.anki2")
    with open_heatcards(tmp_path / "hc.heatcards") as collection:
        import_file(collection, package)
        ours = heatcards_counts(collection)
    studied = sum(count for state, count in theirs.by_state.items() if state in ("learning", "review", "relearning"))
    assert len(theirs.memory) == studied, (len(theirs.memory), theirs.by_state)  # every studied card has one
    assert_same_memory(ours.memory, theirs.memory)


@pytest.mark.parametrize("name", ["sm2 modern", "sm2 legacy"])
def test_memory_states_computed_on_import_match_anki_s(synth_packages, tmp_path, name):
    """An SM-2 package carries no memory states: heatcards computes them from the history, and they
    are the ones Anki computes from the same history when FSRS is switched on for the deck."""
    package = synth_packages.packages[name]
    col = anki_import(package, tmp_path / "anki.anki2")
    try:
        assert anki_counts(col).memory == {}
        deck_id = col.decks.id_for_name("Synthetic")
        _synth().set_fsrs(col, deck_id, True)
        theirs = anki_counts(col)
    finally:
        col.close()
    with open_heatcards(tmp_path / "hc.heatcards") as collection:
        import_file(collection, package)
        ours = heatcards_counts(collection)
    assert len(theirs.memory) > 300
    assert_same_memory(ours.memory, theirs.memory)


@pytest.mark.parametrize("name", SYNTH_PACKAGES)
def test_what_heatcards_exports_of_a_synthetic_package_gives_anki_the_same_counts(synth_packages, tmp_path, name):
    """Anki → heatcards → Anki: a fresh Anki importing heatcards' export of the imported package
    counts what a fresh Anki importing the original counts."""
    package = synth_packages.packages[name]
    theirs = counts_after_anki_imports(package, tmp_path / "direct.anki2")
    legacy = name.endswith("legacy")
    with open_heatcards(tmp_path / "hc.heatcards") as collection:
        import_file(collection, package)
        export_file(collection, tmp_path / "from-heatcards.apkg", legacy=legacy)
    through = counts_after_anki_imports(tmp_path / "from-heatcards.apkg", tmp_path / "through.anki2")
    assert_same_counts(through, theirs)
    if name.startswith("fsrs"):
        assert_same_memory(through.memory, theirs.memory)


# ======================================================================================
# A genanki package: Basic (and reversed card), Cloze, media
# ======================================================================================

PICTURE = b"\xff\xd8\xff\xe0 Heat, 1995"
THEME = b"ID3 Moby - God Moving Over the Face of the Waters"


@pytest.fixture(scope="module")
def genanki_package(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("genanki")
    (folder / "heat.jpg").write_bytes(PICTURE)
    (folder / "theme.mp3").write_bytes(THEME)
    deck = genanki.Deck(2059400111, "Films::Heat")
    reversed_model = genanki.BASIC_AND_REVERSED_CARD_MODEL
    for front, back, guid in (
        ("Neil McCauley", 'Robert De Niro <img src="heat.jpg">', "mccauley"),
        ("Vincent Hanna", "Al Pacino [sound:theme.mp3]", "hanna"),
        ("Chris Shiherlis", "", "shiherlis"),  # no back: no reverse card
    ):
        deck.add_note(genanki.Note(model=reversed_model, fields=[front, back], guid=guid, tags=["heat", "cast"]))
    for text, guid in (
        ("{{c1::Michael Mann}} directed {{c2::Heat}} in {{c3::1995}}", "mann"),
        ("The diner scene was shot in {{c1::Beverly Hills}}, at {{c1::Kate Mantilini}}", "diner"),
        ("{{c2::Val Kilmer}} played Chris", "kilmer"),  # only c2: one card, ordinal 1
    ):
        deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL, fields=[text, ""], guid=guid, tags=["heat"]))
    package = genanki.Package(deck)
    package.media_files = [str(folder / "heat.jpg"), str(folder / "theme.mp3")]
    package.write_to_file(str(folder / "heat.apkg"))
    return folder / "heat.apkg"


def test_genanki_package_cards_match_anki(genanki_package, tmp_path):
    col = anki_import(genanki_package, tmp_path / "anki.anki2")
    try:
        theirs = anki_counts(col)
        their_media = {p.name: p.read_bytes() for p in Path(col.media.dir()).iterdir()}
        their_notes = {note.guid: tuple(note.fields) for note in map(col.get_note, col.find_notes(""))}
    finally:
        col.close()
    with open_heatcards(tmp_path / "hc.heatcards") as collection:
        report, _ = import_file(collection, genanki_package)
        ours = heatcards_counts(collection)
        our_media = {p.name: p.read_bytes() for p in collection.media_folder.iterdir()}
        our_notes = {note.guid: note.fields for note in collection.store.notes(collection.find_notes("")).values()}
        kinds = {n.name: n.kind.name for n in collection.notetypes()}
    assert theirs.ordinals == {
        "mccauley": (0, 1), "hanna": (0, 1), "shiherlis": (0,), "mann": (0, 1, 2), "diner": (0,), "kilmer": (1,),
    }
    assert (report.added, report.cards_added, report.media_added) == (6, 10, 2)
    assert_same_counts(ours, theirs)
    assert ours.by_state["new"] == 10
    assert our_notes == their_notes
    assert our_media == their_media == {"heat.jpg": PICTURE, "theme.mp3": THEME}
    assert kinds["Cloze"] == "CLOZE"


@pytest.mark.parametrize("legacy", [False, True], ids=["modern", "legacy"])
def test_what_heatcards_exports_of_a_genanki_package_gives_anki_the_same_cards(genanki_package, tmp_path, legacy):
    theirs = counts_after_anki_imports(genanki_package, tmp_path / "direct.anki2")
    with open_heatcards(tmp_path / "hc.heatcards") as collection:
        import_file(collection, genanki_package)
        export_file(collection, tmp_path / "from-heatcards.apkg", legacy=legacy)
    col = anki_import(tmp_path / "from-heatcards.apkg", tmp_path / "through.anki2")
    try:
        through = anki_counts(col)
        media = {p.name: p.read_bytes() for p in Path(col.media.dir()).iterdir()}
    finally:
        col.close()
    assert_same_counts(through, theirs)
    assert media == {"heat.jpg": PICTURE, "theme.mp3": THEME}


@pytest.mark.parametrize("name", SYNTH_PACKAGES)
def test_the_review_log_moved_in_sql_is_the_one_its_records_give(synth_packages, tmp_path, name):
    """A package's review log goes into the collection, and the collection's into a package, table
    to table in SQL (`PackageReviews`, `CollectionReviews`): the rows are exactly those its records
    give when the same exchanges hold them as `ReviewLogEntry` records instead (and on export, the
    notes and cards written from the collection's rows are those their records give); on a first import,
    on a second one (which adds nothing), in the memory states computed from the history (SM-2
    packages have none), and on export."""
    found = {}
    for way in ("sql", "records"):
        with open_heatcards(tmp_path / f"{way}.heatcards") as collection:
            added = []
            for _ in range(2):
                exchange = read_package(synth_packages.packages[name], collection.calendar)
                assert isinstance(exchange.reviews, PackageReviews)
                if way == "records":
                    exchange = replace(exchange, reviews=tuple(exchange.reviews))
                added.append(collection.import_exchange(exchange)[0].reviews_added)
            conn = collection.store.db.conn
            revlog = conn.execute("SELECT rowid, * FROM revlog ORDER BY rowid").fetchall()
            memory = conn.execute("SELECT id, stability, difficulty, last_review FROM cards ORDER BY id").fetchall()
            exported = collection.export_exchange()
            assert isinstance(exported.reviews, CollectionReviews) and isinstance(exported.cards, CollectionCards)
            if way == "records":
                exported = replace(exported, notes=tuple(exported.notes), cards=tuple(exported.cards), reviews=tuple(exported.reviews))
            write_package(exported, tmp_path / f"{way}.apkg", collection.calendar, legacy=True)
        with zipfile.ZipFile(tmp_path / f"{way}.apkg") as archive:
            (tmp_path / f"{way}.anki21").write_bytes(archive.read("collection.anki21"))
        package = sqlite3.connect(tmp_path / f"{way}.anki21")
        try:
            written = package.execute("SELECT * FROM revlog ORDER BY id").fetchall()
            written_notes_and_cards = [package.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in ("notes", "cards")]
        finally:
            package.close()
        found[way] = ([tuple(r) for r in revlog], [tuple(m) for m in memory], written, written_notes_and_cards)
        assert added[0] == len(revlog) > 1000 and added[1] == 0 and len(written) == len(revlog)
    assert found["sql"][0] == found["records"][0]
    assert found["sql"][1] == found["records"][1]
    assert found["sql"][2] == found["records"][2]
    assert found["sql"][3] == found["records"][3] and len(found["sql"][3][1]) == len(memory)


@pytest.mark.parametrize("name", ["fsrs legacy", "sm2 legacy"])
def test_reviews_are_converted_by_the_rules_anki_s_log_implies(synth_packages, tmp_path, name):
    """Each review as read, against the rules worked out here row by row from the package's own
    revlog: the state before (a learning answer found the card new unless its previous entry was a
    learning answer; review and relearning answers found it in those states; other entries in
    review when it had an interval), intervals, the due date, the FSRS difficulty in `factor`."""
    package = synth_packages.packages[name]
    with zipfile.ZipFile(package) as archive:
        (tmp_path / "col.anki21").write_bytes(archive.read("collection.anki21"))
    raw = sqlite3.connect(tmp_path / "col.anki21")
    try:
        rows = raw.execute(
            "SELECT r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type, n.guid, c.ord "
            "FROM revlog r JOIN cards c ON c.id = r.cid JOIN notes n ON n.id = c.nid ORDER BY r.id"
        ).fetchall()
    finally:
        raw.close()
    calendar = DayCalendar(timezone.utc)
    kinds = {0: ReviewKind.LEARN, 1: ReviewKind.REVIEW, 2: ReviewKind.RELEARN, 3: ReviewKind.FILTERED, 4: ReviewKind.MANUAL, 5: ReviewKind.RESCHEDULED}
    previous: dict[int, int] = {}
    expected = []
    for time_ms, card_id, ease, ivl, last_ivl, factor, duration, anki_type, guid, ordinal in rows:
        kind = kinds[anki_type]
        if kind is ReviewKind.LEARN:
            before = CardState.LEARNING if previous.get(card_id) == 0 else CardState.NEW
        else:
            before = {ReviewKind.REVIEW: CardState.REVIEW, ReviewKind.RELEARN: CardState.RELEARNING}.get(kind, CardState.REVIEW if last_ivl > 0 else CardState.NEW)
        previous[card_id] = anki_type
        seconds = time_ms // 1000
        due = calendar.day_start(calendar.day(seconds) + ivl) if ivl > 0 else seconds - ivl
        difficulty = 1 + 9 * (factor - 100) / 1000 if 100 <= factor <= 1100 else None
        expected.append(
            ReviewLogEntry(anki_review_id(guid, ordinal, time_ms), card_id, time_ms, ease, before, max(last_ivl, 0), max(ivl, 0), due, None, difficulty, max(duration, 0), kind)
        )
    assert {e.state_before for e in expected} == set(CardState) and len({e.kind for e in expected}) >= 4
    assert list(read_package(package, calendar).reviews) == expected
