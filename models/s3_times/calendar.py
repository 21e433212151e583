"""Calendar words in Arabic and English, and the date arithmetic the rules share.

Values are ISO strings at a precision: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from models.schema import Precision

Resolved = tuple[str, str, Precision]
# Which way a yearless date or bare weekday resolves: "past" (on or before the
# anchor; news mostly reports the past), "future" (on or after it; plans),
# "nearest" (whichever is closer to the anchor).
Prefer = Literal["past", "future", "nearest"]

EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Egyptian/Gulf (Latin-derived) and Levantine/Iraqi (Syriac) month names, both in
# use; Levantine papers often write both: "تشرين الأول/أكتوبر".
AR_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8,
    "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
}  # fmt: skip
EN_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
AR_WEEKDAYS = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2,
    "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6,
}  # fmt: skip


# Meteorological seasons (northern hemisphere, where nearly all our news is written):
# first month and length. Winter runs December to February.
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
EN_SEASONS = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
              "winter": "winter"}  # fmt: skip
AR_SEASONS = {
    "الربيع": "spring", "ربيع": "spring", "الصيف": "summer", "صيف": "summer",
    "الخريف": "autumn", "خريف": "autumn", "الشتاء": "winter", "شتاء": "winter",
}  # fmt: skip


def day(d: dt.date) -> Resolved:
    """A single day."""
    return d.isoformat(), d.isoformat(), "day"


def days(a: dt.date, b: dt.date) -> Resolved:
    """A range of days, e.g. a week."""
    return a.isoformat(), b.isoformat(), "day"


def month(year: int, mon: int) -> Resolved:
    """A calendar month."""
    value = f"{year:04d}-{mon:02d}"
    return value, value, "month"


def year(value: int) -> Resolved:
    """A calendar year."""
    return f"{value:04d}", f"{value:04d}", "year"


def shift_month(year_: int, mon: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months."""
    index = year_ * 12 + (mon - 1) + delta
    return index // 12, index % 12 + 1


def month_near(anchor: dt.date, mon: int, direction: str, prefer: Prefer = "past") -> Resolved:
    """A named month relative to the anchor.

    ``direction``: ``"past"`` = as ``prefer`` says (by default the most recent on or
    before the anchor month), ``"last"`` = strictly before, ``"next"`` = strictly after.
    """
    y = anchor.year
    if direction == "next":
        y += mon <= anchor.month
    elif direction == "last":
        y -= mon >= anchor.month
    elif prefer == "future":
        y += mon < anchor.month
    elif prefer == "nearest":
        ahead = (mon - anchor.month) % 12
        y += (mon < anchor.month) if ahead < 12 - ahead else -(mon > anchor.month)
    else:
        y -= mon > anchor.month
    return month(y, mon)


def season(year_: int, first_month: int) -> Resolved:
    """The three months of a season starting in ``first_month`` of ``year_``."""
    end_year, end_month = shift_month(year_, first_month, 2)
    return f"{year_:04d}-{first_month:02d}", f"{end_year:04d}-{end_month:02d}", "month"


def season_near(anchor: dt.date, name: str, direction: str, prefer: Prefer = "past") -> Resolved:
    """A season relative to the anchor: ``"next"`` starts after the anchor's month,
    ``"last"`` ended before it, ``"this"`` is the one the anchor's year names
    (the winter a January article is in), ``"past"`` defers to ``prefer`` (the
    latest season started on or before the anchor, or the next for plans)."""
    first = SEASONS[name]
    # The season of this name that starts in the anchor's year or, for a January or
    # February anchor, the winter begun the December before.
    y = anchor.year - (first == 12 and anchor.month <= 2)
    started = (anchor.year, anchor.month) >= (y, first)
    ended = shift_month(y, first, 2) < (anchor.year, anchor.month)
    if direction == "next":
        y += started
    elif direction == "last":
        y -= not ended
    elif direction == "past" and prefer == "future":
        y += ended
    elif direction == "past":
        y -= not started
    return season(y, first)


def weekday_near(
    anchor: dt.date, weekday: int, direction: str, prefer: Prefer = "past"
) -> Resolved:
    """A weekday: ``"past"`` = as ``prefer`` says (by default on or before the anchor),
    ``"last"`` strictly before, ``"next"`` strictly after. The anchor's own weekday
    is the anchor day under every ``prefer``."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "last" and back == 0:
        back = 7
    if direction == "next":
        return day(anchor + dt.timedelta(days=ahead or 7))
    if direction != "last" and (prefer == "future" or (prefer == "nearest" and ahead < back)):
        return day(anchor + dt.timedelta(days=ahead))
    return day(anchor - dt.timedelta(days=back))


def week(anchor: dt.date, delta: int) -> Resolved:
    """Monday–Sunday of the week ``delta`` weeks from the anchor's."""
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=delta)
    return days(monday, monday + dt.timedelta(days=6))


def day_month_near(anchor: dt.date, mon: int, dom: int, prefer: Prefer = "past") -> Resolved | None:
    """ "16 January" without a year. ``past``: the latest such date on or before the
    anchor, unless the next one is at most a month ahead (news announce near plans);
    ``future``: the first on or after the anchor; ``nearest``: the closer of the two
    ("April 29" in a 27 March article is this April)."""
    before = after = None
    for y in (anchor.year - 4, anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = dt.date(y, mon, dom)
        except ValueError:  # 29 February
            continue
        if cand <= anchor:
            before = cand
        elif after is None:
            after = cand
    if prefer == "future" and before == anchor:
        return day(anchor)
    if after is not None and (
        prefer == "future"
        or before is None
        or (prefer == "past" and (after - anchor).days <= _NEAR_FUTURE_DAYS)
        or (prefer == "nearest" and after - anchor < anchor - before)
    ):
        return day(after)
    return day(before) if before else None


_NEAR_FUTURE_DAYS = 31


def safe_day(y: int, mon: int, dom: int) -> Resolved | None:
    """A full date, or None when it does not exist (31 February)."""
    try:
        return day(dt.date(y, mon, dom))
    except ValueError:
        return None
