"""Time: injected, timezone-aware, with the learner's local days.

Inside heatcards every instant is a unix timestamp (UTC). A *day* exists only
where a person sees it: day numbers count local calendar days that start at the
preset's "next day starts at" hour (4 a.m. by default), as in Anki.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
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
    # [the days remembered as (zone, day, its first second, the next day's first second), most
    # recently used first, (zone, day) of the last day worked out that was not one of them]: studying
    # asks for today over and over (between asking for the day of each card's last review), and
    # working a day out through datetime costs microseconds each time.
    _days_seen: list = field(default_factory=lambda: [[], None], init=False, repr=False, compare=False)

    def day(self, timestamp: float) -> int:
        """Days since 1970-01-01 in local time, shifted by the rollover hour.

        As in Anki, the rollover instant itself (04:00:00) still belongs to the day before.
        """
        return self._day_around(timestamp)[0]

    def day_start(self, day: int) -> int:
        """The first whole second of local day `day` (one second after the rollover instant)."""
        d = date.fromordinal(day + _EPOCH_ORDINAL)
        naive = datetime(d.year, d.month, d.day, self.rollover_hour)
        if self.tz is not None:
            naive = naive.replace(tzinfo=self.tz)
        return int(naive.timestamp()) + 1

    def next_day_start(self, timestamp: float) -> int:
        return self.day_and_next_start(timestamp)[1]

    def day_and_next_start(self, timestamp: float) -> tuple[int, int]:
        """`day(timestamp)` and `next_day_start(timestamp)`, for the price of one."""
        day, _start, end = self._day_around(timestamp)
        return day, end if end is not None else self.day_start(day + 1)

    def _day_around(self, timestamp: float) -> tuple[int, int | None, int | None]:
        """(day, its first second, the next day's first second) of `timestamp`; the two seconds are
        None unless the day is remembered. A day is remembered (its seconds worked out) when it is
        worked out twice in a row, so that going through many days costs no more than numbering
        them; the two days used last are remembered, so that a day asked for in between (a card's
        last review, the same for several cards in a row) does not make today forgotten. A clock
        change that makes the seconds disagree with the day is not remembered."""
        zone = self._zone()
        remembered, last_other = self._days_seen
        for position, known in enumerate(remembered):
            if known[0] == zone and known[2] <= timestamp < known[3]:
                if position:
                    remembered.insert(0, remembered.pop(position))
                return known[1:]
        local = datetime.fromtimestamp(timestamp, self.tz)
        shifted = local - timedelta(hours=self.rollover_hour, seconds=1)
        day = shifted.date().toordinal() - _EPOCH_ORDINAL
        if last_other == (zone, day):
            start, end = self.day_start(day), self.day_start(day + 1)
            if start <= timestamp < end:
                self._days_seen[:] = [[(zone, day, start, end), *remembered[: _DAYS_REMEMBERED - 1]], None]
                return day, start, end
        self._days_seen[1] = (zone, day)
        return day, None, None

    def _zone(self) -> object:
        """What local days depend on: the time zone given, or the process's (which `time.tzset` changes)."""
        return self.tz if self.tz is not None else (time.tzname, time.timezone, time.altzone)

    def date_of_day(self, day: int) -> date:
        return date.fromordinal(day + _EPOCH_ORDINAL)


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_DAYS_REMEMBERED = 2  # today and one other
