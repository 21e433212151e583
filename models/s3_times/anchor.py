"""An article's publication time as precisely as its ``published_at`` says it.

Feeds write ``published_at`` in several ways; each keeps its own precision,
because relative dates ("Tuesday", "yesterday") can only be resolved as far as
the anchor allows (see :func:`models.s3_times.dates.find_times`):

=========================================  =========================  =========
form                                       example                    precision
=========================================  =========================  =========
ISO 8601 year                              ``2015``                   year
ISO 8601 year and month                    ``2015-10``                month
ISO 8601 date (also basic, week dates)     ``2024-01-16``             day
ISO 8601 date-time (``T`` or a space)      ``2024-01-16 10:00:00``    time
RFC 822 / RFC 1123 (RSS ``pubDate``)       ``Tue, 16 Jan 2024 ...``   time
Unix epoch seconds (number or digits)      ``1705399200``             time
Unix epoch milliseconds (number or digits) ``1705399200000``          time
=========================================  =========================  =========

Seconds and milliseconds are told apart by magnitude: values from 10^8 up to
10^10 are seconds (1973-03-03 to 2286-11-20), values from 10^11 up to 10^13
milliseconds (the same span). Anything between or outside is refused rather
than guessed: a number like ``2015`` or ``0`` is no publication time.

Zones: a date-time that names its offset keeps its own wall-clock time (the
day the article's own "yesterday" counts from); epoch values are read in UTC.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import math
from dataclasses import dataclass
from typing import Literal

AnchorPrecision = Literal["year", "month", "day", "time"]

# Listed in every refusal (and in the dead letter's message), so a producer
# whose dates are refused learns what to send instead.
ACCEPTED_FORMS = (
    "ISO 8601 YYYY, YYYY-MM, YYYY-MM-DD or a date-time (2024-01-16T10:00:00+03:00, "
    "'2024-01-16 10:00:00'), RFC 822/1123 (Tue, 16 Jan 2024 10:00:00 GMT), "
    "Unix epoch seconds (10^8 to 10^10) or milliseconds (10^11 to 10^13) "
    "as a JSON number or a digit string"
)

_EPOCH = dt.datetime(1970, 1, 1)  # naive UTC, like every anchor's ``at``
_SECONDS = (1e8, 1e10)
_MILLISECONDS = (1e11, 1e13)


@dataclass(frozen=True, slots=True)
class Anchor:
    """When an article was published: ``at`` (naive; for a year or a month, its
    first instant) known to ``precision``.

    >>> Anchor.parse("2015-10").last_day
    datetime.date(2015, 10, 31)
    """

    at: dt.datetime
    precision: AnchorPrecision

    @classmethod
    def parse(cls, value: str | int | float) -> Anchor:
        """Read one ``published_at`` value; ValueError naming the accepted forms
        when it is none of them (see the module doc)."""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(_refusal(value))
        parsed = _from_number(value) if not isinstance(value, str) else _from_text(value)
        if parsed is None:
            raise ValueError(_refusal(value))
        return parsed

    @classmethod
    def of(cls, value: Anchor | dt.datetime | dt.date) -> Anchor:
        """An anchor as is; a datetime as a time-precise one, a date as a day."""
        if isinstance(value, Anchor):
            return value
        if isinstance(value, dt.datetime):
            return cls(value.replace(tzinfo=None), "time")
        return cls(dt.datetime.combine(value, dt.time()), "day")

    def iso(self) -> str:
        """ISO 8601 at the anchor's own precision (parses back to the same anchor).

        >>> Anchor.parse("2015-10").iso(), Anchor.parse(1705399200).iso()
        ('2015-10', '2024-01-16T10:00:00')
        """
        length = {"year": 4, "month": 7, "day": 10}.get(self.precision)
        text = self.at.isoformat(timespec="seconds")
        return text[:length] if length else text

    @property
    def first_day(self) -> dt.date:
        """The earliest day the article can have been published on."""
        return self.at.date()

    @property
    def last_day(self) -> dt.date:
        """The latest day the article can have been published on."""
        if self.precision == "year":
            return dt.date(self.at.year, 12, 31)
        if self.precision == "month":
            following = dt.date(self.at.year + self.at.month // 12, self.at.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return self.at.date()


def _refusal(value: object) -> str:
    return f"published_at {value!r} is not a date this service reads; accepted: {ACCEPTED_FORMS}"


def _from_text(value: str) -> Anchor | None:
    text = value.strip()
    if text.isascii() and text.isdigit():
        if len(text) == 4:  # ISO 8601 YYYY
            return Anchor(dt.datetime(int(text), 1, 1), "year") if int(text) >= 1 else None
        if len(text) != 8:  # 8 digits is an ISO 8601 basic date (20240116); the rest epoch
            return _from_number(int(text))
    return _iso(text) or _rfc822(text)


def _iso(text: str) -> Anchor | None:
    """ISO 8601 by the standard library: a date (day), a year-month (month, which
    ``fromisoformat`` only reads with a day added), else a date-time (time)."""
    try:
        return Anchor(dt.datetime.combine(dt.date.fromisoformat(text), dt.time()), "day")
    except ValueError:
        pass
    if len(text) == 7 and text[4] == "-":
        try:
            return Anchor(dt.datetime.fromisoformat(f"{text}-01"), "month")
        except ValueError:
            return None
    try:
        return Anchor(dt.datetime.fromisoformat(text).replace(tzinfo=None), "time")
    except ValueError:
        return None


def _rfc822(text: str) -> Anchor | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError):
        return None
    return Anchor(parsed.replace(tzinfo=None), "time")


def _from_number(value: int | float) -> Anchor | None:
    """Epoch seconds or milliseconds by magnitude (see the module doc), in UTC."""
    if not math.isfinite(value):
        return None
    if _SECONDS[0] <= value < _SECONDS[1]:
        since = dt.timedelta(seconds=value)
    elif _MILLISECONDS[0] <= value < _MILLISECONDS[1]:
        since = dt.timedelta(milliseconds=value)  # exact, unlike value / 1000
    else:
        return None
    return Anchor(_EPOCH + since, "time")
