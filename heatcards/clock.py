"""Time: injected, timezone-aware, with the learner's local days.

Inside heatcards every instant is a unix timestamp (UTC). A *day* exists only
where a person sees it: day numbers count local calendar days that start at the
preset's "next day starts at" hour (4 a.m. by default), as in Anki.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

SECONDS_PER_DAY = 86400
LATEST_TIME = 253402300799  # 9999-12-31 23:59:59 UTC, the last second a date can show: later times are damage


class Clock:
    """The real clock."""

    def now(self) -> float:
        return time.time()


@dataclass
class FixedClock(Clock):
    """A clock tests move by hand."""

    current: float

    def now(self) -> float:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += seconds


@dataclass(frozen=True)
class DayCalendar:
    """Numbers local days, each starting at `rollover_hour`.

    `tz` None means the system's local time (daylight saving time included).
    """

    tz: tzinfo | None = None
    rollover_hour: int = 4

    def day(self, timestamp: float) -> int:
        """Days since 1970-01-01 in local time, shifted by the rollover hour.

        As in Anki, the rollover instant itself (04:00:00) still belongs to the day before.
        """
        local = datetime.fromtimestamp(timestamp, self.tz)
        shifted = local - timedelta(hours=self.rollover_hour, seconds=1)
        return shifted.date().toordinal() - _EPOCH_ORDINAL

    def day_start(self, day: int) -> int:
        """The first whole second of local day `day` (one second after the rollover instant)."""
        d = date.fromordinal(day + _EPOCH_ORDINAL)
        naive = datetime(d.year, d.month, d.day, self.rollover_hour)
        if self.tz is not None:
            naive = naive.replace(tzinfo=self.tz)
        return int(naive.timestamp()) + 1

    def next_day_start(self, timestamp: float) -> int:
        return self.day_start(self.day(timestamp) + 1)

    def date_of_day(self, day: int) -> date:
        return date.fromordinal(day + _EPOCH_ORDINAL)


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
