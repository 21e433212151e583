"""When: event times and publication times as day intervals.

An event's time (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` start and end) covers
every day of its periods: ``2024-01`` is 1-31 January, so it is compatible
with ``2024-01-16`` (the issue's "at the coarser precision"). A cluster's time
is the finest value every dated report agrees on.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from models.s3_times.anchor import Anchor
from models.schema import Time

Days = tuple[dt.date, dt.date]
LENGTHS = {"year": 4, "month": 7, "day": 10}


def _first(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    month = parts[1] if len(parts) > 1 else 12
    return dt.date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def time_days(time: Time) -> Days | None:
    """Every day ``time`` may mean; None when its values are not ISO dates."""
    try:
        return _first(time.start), _last(time.end or time.start)
    except (ValueError, IndexError):
        return None


def published_days(published: str) -> Days:
    """The days an ISO publication time (any ``published_at`` form) may mean."""
    anchor = Anchor.parse(published)
    return anchor.first_day, anchor.last_day


def near(a: Days, b: Days, slack_days: int) -> bool:
    """Do the intervals overlap once ``b`` is widened by ``slack_days`` each side?"""
    slack = dt.timedelta(days=slack_days)
    return a[0] <= b[1] + slack and b[0] - slack <= a[1]


def span(intervals: Sequence[Days]) -> Days | None:
    """The smallest interval holding all of them."""
    if not intervals:
        return None
    return min(i[0] for i in intervals), max(i[1] for i in intervals)


def _agrees(time: Time, value: str) -> bool:
    # Compared at the coarser of the two precisions.
    k = min(len(value), len(time.start))
    return time.start[:k] <= value[:k] <= (time.end or time.start)[:k]


def agreed(times: Sequence[Time]) -> Time | None:
    """The finest time every one of ``times`` agrees with, or None.

    >>> day = Time(text="16 Jan", start="2024-01-16", end="2024-01-16", precision="day")
    >>> month = Time(text="January", start="2024-01", end="2024-01", precision="month")
    >>> agreed([month, day]).start
    '2024-01-16'
    >>> other = Time(text="17 Jan", start="2024-01-17", end="2024-01-17", precision="day")
    >>> agreed([day, other]).start
    '2024-01'
    """
    for precision in ("day", "month", "year"):
        length = LENGTHS[precision]
        for time in times:
            if len(time.start) < length:
                continue
            value = time.start[:length]
            if all(_agrees(other, value) for other in times):
                text = time.text if len(time.start) == length else value
                return Time(text=text, start=value, end=value, precision=precision)
    return None
