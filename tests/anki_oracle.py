"""Ask Anki's own scheduler (the ``anki`` PyPI package) what it computes.

Test helper only: Anki is a black-box oracle to compare our FSRS scheduler
against.  Import this module *before* anything else uses the ``anki``
backend, because at import it

* sets ``TZ=UTC`` (+ ``time.tzset()``), so Anki's local days are UTC days;
* sets ``ANKI_TEST_MODE=1``.  Anki's Rust core reads it once, on first use,
  into its ``PYTHON_UNIT_TESTS`` flag, which makes the fuzz seed ``None``:
  intervals are then ``round()`` (half away from zero) of the FSRS interval,
  bounded as Anki bounds them.  ``__enter__`` verifies this empirically
  (``Collection.fuzz_delta`` must be 0) and raises otherwise.  The load
  balancer is switched off too.

Side effect of the test mode: from 02:00 to 04:00 (UTC here) Anki's clock is
two hours behind the real one (a hack for Anki's own tests).  ``now()``
returns Anki's clock (checked at ``__enter__`` against a probe), so build
states relative to ``oracle.now()``.

How Anki counts days (read in rslib, confirmed against fsrs-rs-python):

* A day starts at the rollover hour ("next day starts at", ``rollover_hour``)
  in local time; ``next_day_at`` is the next such instant.
* Days elapsed for a card's FSRS update = ``(next_day_at - last) // 86400``
  where ``last`` is the card's ``last_review_time`` (``lrt`` in
  ``cards.data``; only if that is missing, the last revlog entry's time).
  ``due - ivl`` is not used.  Note the rollover instant itself (e.g. 04:00:00)
  still counts as the *previous* day: day(t) = ceil((t - rollover) / 86400).
* Revlog -> FSRS history (``memory_state``): manual entries (reschedule, set
  due date, reset), ungraded ones, rescheduled ones and cram (filtered kind,
  factor 0) are dropped, and only the last contiguous block of *learning*
  entries plus everything after it is used.  ``delta_t`` is the difference of
  the day numbers above (first review 0), so same-day reviews have
  ``delta_t = 0`` and get FSRS-6's short-term update.
* Anki stores stability rounded to 4 decimals and difficulty to 3 when it
  writes a card, so ``next_outcomes`` works from the rounded values.

Known Anki quirk: with fuzz off, Easy on a (re)learning card whose Good
interval reaches ``maximum_interval_days`` makes the backend panic
(``clamp`` with min > max); ``next_outcomes`` turns that into RuntimeError
and the oracle cannot be used further.
"""

from __future__ import annotations

import os
import time

os.environ["TZ"] = "UTC"
time.tzset()
os.environ["ANKI_TEST_MODE"] = "1"

import shutil  # noqa: E402
import tempfile  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from anki.cards_pb2 import FsrsMemoryState  # noqa: E402
from anki.collection import Collection  # noqa: E402
from anki.consts import (  # noqa: E402
    CARD_TYPE_LRN,
    CARD_TYPE_NEW,
    CARD_TYPE_RELEARNING,
    CARD_TYPE_REV,
    QUEUE_TYPE_DAY_LEARN_RELEARN,
    QUEUE_TYPE_LRN,
    QUEUE_TYPE_NEW,
    QUEUE_TYPE_REV,
)
from anki.dbproxy import DBProxy  # noqa: E402
from anki.deck_config_pb2 import UpdateDeckConfigsMode  # noqa: E402
from anki.decks import DeckId, UpdateDeckConfigs  # noqa: E402
from anki.scheduler_pb2 import SchedulingState  # noqa: E402

if TYPE_CHECKING:  # (importing anki.cards first is a circular import)
    from anki.cards import Card, CardId

DAY_SECS = 86_400
_REVLOG_TYPE = {"learning": 0, "review": 1, "relearning": 2}  # revlog.type


@dataclass(frozen=True)
class OraclePreset:
    parameters: tuple[float, ...]  # 21 FSRS-6 parameters
    desired_retention: float = 0.9
    learning_steps_minutes: tuple[float, ...] = (1.0, 10.0)
    relearning_steps_minutes: tuple[float, ...] = (10.0,)
    maximum_interval_days: int = 36500
    rollover_hour: int = 4


@dataclass(frozen=True)
class OracleCardState:
    kind: str  # "new" | "learning" | "review" | "relearning"
    remaining_steps: int  # (re)learning: steps left (Anki's left % 1000)
    stability: float | None  # None for new cards
    difficulty: float | None
    last_review: int | None  # unix seconds of the previous review
    interval_days: int  # review/relearning: current interval in days
    due: int | None  # unix seconds ((re)learning) / any second of due day
    lapses: int = 0
    reps: int = 0


@dataclass(frozen=True)
class OracleOutcome:
    kind: str  # "learning" | "review" | "relearning"
    remaining_steps: int  # (re)learning results, else 0
    scheduled_seconds: int  # (re)learning results: delay in seconds, else 0
    interval_days: int  # review results (and relearning's review part)
    stability: float
    difficulty: float


def _anki_now() -> int:
    """Anki's clock in ANKI_TEST_MODE: real time, minus 2h from 02:00-04:00."""
    now = int(time.time())
    if 2 <= time.gmtime(now).tm_hour < 4:
        now -= 2 * 3600
    return now


def _outcome(state: SchedulingState) -> OracleOutcome:
    """Convert a SchedulingState protobuf (normal card) to an OracleOutcome."""
    kind = state.normal.WhichOneof("kind")
    if kind is None:
        raise AssertionError("empty scheduling state")
    inner = getattr(state.normal, kind)
    if kind == "learning":
        learn, review_days = inner, 0
    elif kind == "relearning":
        learn, review_days = inner.learning, inner.review.scheduled_days
    elif kind == "review":
        learn, review_days = None, inner.scheduled_days
    else:
        raise AssertionError(f"unexpected outcome state {kind!r}")
    memory = (learn if learn is not None else inner).memory_state
    return OracleOutcome(
        kind=kind,
        remaining_steps=learn.remaining_steps if learn is not None else 0,
        scheduled_seconds=learn.scheduled_secs if learn is not None else 0,
        interval_days=review_days,
        stability=memory.stability,
        difficulty=memory.difficulty,
    )


class AnkiOracle:
    """Context manager: a throwaway Anki collection in a temp dir with FSRS
    enabled and one preset."""

    def __init__(self, preset: OraclePreset) -> None:
        self.preset = preset
        self._dir: str | None = None
        self._col: Collection | None = None
        self._card_id: CardId  # card used by next_outcomes
        self._history_card_id: CardId  # used by memory_state / clock probe

    # -- lifecycle ---------------------------------------------------------
    def __enter__(self) -> AnkiOracle:
        self._dir = tempfile.mkdtemp(prefix="anki-oracle-")
        try:
            self._setup(os.path.join(self._dir, "oracle.anki2"))
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        col, self._col = self._col, None
        if col is not None:
            try:
                col.close()
            except BaseException:  # backend poisoned by an Anki panic
                pass
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def _setup(self, path: str) -> None:
        col = self._col = Collection(path)
        prefs = col.get_preferences()
        prefs.scheduling.rollover = self.preset.rollover_hour
        col.set_preferences(prefs)  # (plain set_config would not reset timing)
        col.load_balancer_enabled = False
        deck_id = col.decks.get_current_id()
        notetype = col.models.by_name("Basic")
        assert notetype is not None
        ids: list[CardId] = []
        for front in ("outcomes", "history"):
            note = col.new_note(notetype)
            note["Front"] = front
            col.add_note(note, deck_id)
            ids.append(note.card_ids()[0])
        self._card_id, self._history_card_id = ids
        self._configure(deck_id)
        self._self_check()

    def _configure(self, deck_id: DeckId) -> None:
        p = self.preset
        col = self.col
        cfu = col.decks.get_deck_configs_for_update(deck_id)
        conf = next(
            c.config
            for c in cfu.all_config
            if c.config.id == cfu.current_deck.config_id
        )
        inner = conf.config
        inner.desired_retention = p.desired_retention
        inner.maximum_review_interval = p.maximum_interval_days
        del inner.fsrs_params_6[:]
        inner.fsrs_params_6.extend(p.parameters)
        del inner.learn_steps[:]
        inner.learn_steps.extend(p.learning_steps_minutes)
        del inner.relearn_steps[:]
        inner.relearn_steps.extend(p.relearning_steps_minutes)
        col.decks.update_deck_configs(
            UpdateDeckConfigs(
                target_deck_id=deck_id,
                configs=[conf],
                removed_config_ids=[],
                mode=UpdateDeckConfigsMode.UPDATE_DECK_CONFIGS_MODE_NORMAL,
                card_state_customizer=cfu.card_state_customizer,
                limits=cfu.current_deck.limits,
                new_cards_ignore_review_limit=cfu.new_cards_ignore_review_limit,
                apply_all_parent_limits=cfu.apply_all_parent_limits,
                fsrs=True,
                fsrs_reschedule=False,
                fsrs_health_check=False,
            )
        )

    def _self_check(self) -> None:
        """Fail loudly if fuzz is on or our idea of Anki's clock is wrong."""
        intervals = [
            i for i in (5, 30, 300, 3000) if i <= self.preset.maximum_interval_days
        ]
        if any(self.col.fuzz_delta(self._card_id, i) for i in intervals):
            raise RuntimeError(
                "Anki fuzz is active: import anki_oracle before anything else "
                "uses the anki backend (ANKI_TEST_MODE must be set first)"
            )
        probe, mine = self._probe_clock(), self.now()
        if abs(probe - mine) > 1:
            raise RuntimeError(f"Anki clock {probe} != oracle.now() {mine}")

    def _probe_clock(self) -> int:
        """Read Anki's current time from a learning card's elapsed_secs."""
        due = int(time.time()) - 3 * 3600
        steps = self.preset.learning_steps_minutes
        step_secs = int(steps[0] * 60) if steps else 0
        card = self.col.get_card(self._history_card_id)
        card.type, card.queue = CARD_TYPE_LRN, QUEUE_TYPE_LRN
        card.due, card.left, card.ivl = due, len(steps), 0
        self.col.update_card(card, skip_undo_entry=True)
        states = self.col._backend.get_scheduling_states(self._history_card_id)
        return states.current.normal.learning.elapsed_secs + due - step_secs

    @property
    def col(self) -> Collection:
        if self._col is None:
            raise RuntimeError("AnkiOracle is not open (outside `with`, or broken)")
        return self._col

    @property
    def _db(self) -> DBProxy:
        db = self.col.db
        assert db is not None
        return db

    # -- public API --------------------------------------------------------
    def now(self) -> int:
        """The current unix time as Anki's backend sees it."""
        return _anki_now()

    def next_outcomes(self, state: OracleCardState) -> dict[int, OracleOutcome]:
        """Write `state` into a card and return Anki's offers for ratings 1-4
        (evaluated at the real current time)."""
        card = self.col.get_card(self._card_id)
        self._write_state(card, state)
        self.col.update_card(card, skip_undo_entry=True)
        try:
            states = self.col._backend.get_scheduling_states(self._card_id)
        except BaseException as err:
            if type(err).__name__ != "PanicException":
                raise
            self._col = None  # the backend is unusable after a Rust panic
            raise RuntimeError(
                f"Anki panicked on {state} ({err}); known case: Easy on a "
                "(re)learning card whose Good interval reaches the maximum "
                "interval (fuzz-off code path clamps with min > max)"
            ) from err
        return {
            1: _outcome(states.again),
            2: _outcome(states.hard),
            3: _outcome(states.good),
            4: _outcome(states.easy),
        }

    def memory_state(
        self, reviews: list[tuple[int, int]]
    ) -> tuple[float, float] | None:
        """(stability, difficulty) Anki derives from this review history.

        The reviews are written as the revlog of a card (kinds and intervals
        follow the preset's learning/relearning steps) and Anki's
        compute_memory_state is asked for the result."""
        if not reviews:
            return None
        cid = self._history_card_id
        rows, final_kind = self._revlog_rows(cid, reviews)
        self._db.execute("delete from revlog where cid = ?", cid)
        self._db.executemany(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
            " values (?, ?, -1, ?, ?, ?, ?, 5000, ?)",
            rows,
        )
        card = self.col.get_card(cid)
        card.type, card.queue = {
            "learning": (CARD_TYPE_LRN, QUEUE_TYPE_LRN),
            "review": (CARD_TYPE_REV, QUEUE_TYPE_REV),
            "relearning": (CARD_TYPE_RELEARNING, QUEUE_TYPE_LRN),
        }[final_kind]
        card.ivl = max(1, rows[-1][3]) if final_kind != "learning" else 0
        card.reps = len(reviews)
        card.memory_state = None
        card.last_review_time = reviews[-1][0]
        self.col.update_card(card, skip_undo_entry=True)
        resp = self.col._backend.compute_memory_state(cid)
        if not resp.HasField("state"):
            return None
        return resp.state.stability, resp.state.difficulty

    # -- helpers -----------------------------------------------------------
    def _day_number(self, unix_secs: int) -> int:
        """Anki's day number (days since collection creation) of a moment."""
        timing = self.col._backend.sched_timing_today()
        today_start = timing.next_day_at - DAY_SECS
        return timing.days_elapsed + (unix_secs - today_start) // DAY_SECS

    def _write_state(self, card: Card, s: OracleCardState) -> None:
        card.reps, card.lapses, card.factor = s.reps, s.lapses, 2500
        card.odue, card.odid = 0, DeckId(0)
        card.last_review_time = s.last_review
        if s.stability is None or s.difficulty is None:
            card.memory_state = None
        else:
            card.memory_state = FsrsMemoryState(
                stability=s.stability, difficulty=s.difficulty
            )
        if s.kind == "new":
            card.type, card.queue, card.due = CARD_TYPE_NEW, QUEUE_TYPE_NEW, 1
            card.ivl, card.left, card.factor = 0, 0, 0
            return
        due = s.due if s.due is not None else self.now()
        if s.kind == "review":
            card.type, card.queue = CARD_TYPE_REV, QUEUE_TYPE_REV
            card.due, card.ivl, card.left = self._day_number(due), s.interval_days, 0
            return
        card.type = {"learning": CARD_TYPE_LRN, "relearning": CARD_TYPE_RELEARNING}[
            s.kind
        ]
        card.ivl = s.interval_days if s.kind == "relearning" else 0
        card.left = s.remaining_steps
        next_day_at = self.col._backend.sched_timing_today().next_day_at
        if due < next_day_at:  # intraday (re)learning queue, due in seconds
            card.queue, card.due = QUEUE_TYPE_LRN, due
        else:  # learning step that crosses the rollover: due is a day number
            card.queue, card.due = QUEUE_TYPE_DAY_LEARN_RELEARN, self._day_number(due)

    def _revlog_rows(
        self, cid: int, reviews: list[tuple[int, int]]
    ) -> tuple[list[tuple[int, ...]], str]:
        """Plausible revlog rows (id, cid, ease, ivl, lastIvl, factor, type):
        the card walks through the preset's learning steps, lapses into its
        relearning steps on Again; returns the rows and the final card kind."""
        learn = self.preset.learning_steps_minutes
        relearn = self.preset.relearning_steps_minutes
        kind, left = "learning", len(learn)
        rows: list[tuple[int, ...]] = []
        last_ivl, prev_ms = 0, 0
        for i, (secs, rating) in enumerate(reviews):
            if not 1 <= rating <= 4:
                raise ValueError(f"rating must be 1..4, got {rating}")
            rev_type = _REVLOG_TYPE[kind]
            if kind == "review":
                if rating == 1 and relearn:
                    kind, left = "relearning", len(relearn)
            elif rating == 1:
                left = len(learn if kind == "learning" else relearn)
            elif rating >= 3:
                left = left - 1 if rating == 3 else 0
            if kind != "review" and left <= 0:  # (no steps: any rating)
                kind = "review"
            if kind == "review":  # days until the next review, at least 1
                nxt = reviews[i + 1][0] if i + 1 < len(reviews) else secs + DAY_SECS
                ivl = max(1, round((nxt - secs) / DAY_SECS))
            else:  # minus the seconds of the step the card is now on
                steps = learn if kind == "learning" else relearn
                ivl = -int(steps[len(steps) - left] * 60)
            factor = 0 if rev_type == _REVLOG_TYPE["learning"] else 2500
            ms = max(secs * 1000, prev_ms + 1)  # revlog ids must be unique
            rows.append((ms, cid, rating, ivl, last_ivl, factor, rev_type))
            last_ivl, prev_ms = ivl, ms
        return rows, kind
