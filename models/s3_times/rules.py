"""The regex rules behind :func:`models.s3_times.dates.find_times`, one handler each.

Every pattern has a group ``x``: the span reported as the time expression
(context words such as "in"/"في" that only license a match stay outside it).
Handlers return ``(start, end, precision)`` or None (no anchor, or impossible).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from models.s3_times import calendar as cal
from models.s3_times.calendar import Prefer, Resolved

Handler = Callable[[re.Match[str], dt.date | None, Prefer], Resolved | None]


@dataclass(frozen=True)
class Rule:
    """A compiled pattern and the function that resolves its matches."""

    pattern: re.Pattern[str]
    resolve: Handler


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_EN_MON = r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"  # noqa: E501
_EN_MON_SAFE = _EN_MON.replace("March|April|May|", "April|")  # verbs/nouns too
_EN_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_AR_MON_WORD = _alt(list(cal.AR_MONTHS))
# "تشرين الأول/أكتوبر", "تموز (يوليو)": the second name only confirms the first.
_AR_MON = rf"(?P<mon>{_AR_MON_WORD})(?:\s*[/(]\s*(?:{_AR_MON_WORD})\s*\)?)?"
_AR_WD = rf"(?P<wd>{_alt(list(cal.AR_WEEKDAYS))})"
_YEAR = r"(?P<y>1[89]\d\d|20\d\d|٢٠[٠-٩][٠-٩]|١٩[٠-٩][٠-٩])"
_DOM = r"(?P<d>\d{1,2})"
_EN_PREP = r"(?:\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Oo]f|[Bb]efore|[Aa]fter|[Ff]rom|[Tt]hrough|[Ee]arly|[Ll]ate|[Mm]id)\s+|\b[Mm]id-)"  # noqa: E501
_AR_PREP = r"(?:(?:في|منذ|خلال|حتى|من|أوائل|أواخر|مطلع|منتصف|بداية|نهاية|شهر)\s+)"


def _mon(match: re.Match[str]) -> int:
    word = match.group("mon").rstrip(".")
    return cal.EN_MONTHS.get(word.lower()) or cal.AR_MONTHS[word]


def _full(
    match: re.Match[str], _anchor: dt.date | None, _prefer: Prefer = "past"
) -> Resolved | None:
    return cal.safe_day(int(match.group("y")), _mon(match), int(match.group("d")))


def _iso(
    match: re.Match[str], _anchor: dt.date | None, _prefer: Prefer = "past"
) -> Resolved | None:
    return cal.safe_day(int(match.group("y")), int(match.group("m")), int(match.group("d")))


def _day_month(
    match: re.Match[str], anchor: dt.date | None, prefer: Prefer = "past"
) -> Resolved | None:
    if anchor is None:
        return None
    return cal.day_month_near(anchor, _mon(match), int(match.group("d")), prefer)


def _month_year(
    match: re.Match[str], _anchor: dt.date | None, _prefer: Prefer = "past"
) -> Resolved | None:
    return cal.month(int(match.group("y")), _mon(match))


def _year(
    match: re.Match[str], _anchor: dt.date | None, _prefer: Prefer = "past"
) -> Resolved | None:
    return cal.year(int(match.group("y")))


_DIRECTION = {
    "last": "last", "past": "last", "previous": "last", "next": "next", "coming": "next",
    "الماضي": "last", "المنصرم": "last", "الفائت": "last", "السابق": "last",
    "المقبل": "next", "القادم": "next", "الماضية": "last", "المنصرمة": "last",
    "الفائتة": "last", "السابقة": "last", "المقبلة": "next", "القادمة": "next",
}  # fmt: skip


def _direction(match: re.Match[str]) -> str:
    word = (match.groupdict().get("rel") or "").lower()
    return _DIRECTION.get(word, "past")


def _rel_month(
    match: re.Match[str], anchor: dt.date | None, prefer: Prefer = "past"
) -> Resolved | None:
    if anchor is None:
        return None
    return cal.month_near(anchor, _mon(match), _direction(match), prefer)


def _season(
    match: re.Match[str], anchor: dt.date | None, prefer: Prefer = "past"
) -> Resolved | None:
    """ "next autumn", "this summer", "الخريف المقبل", "صيف 2014"."""
    word = match.group("season").lower()
    name = cal.EN_SEASONS.get(word) or cal.AR_SEASONS[word]
    if match.groupdict().get("y"):
        return cal.season(int(match.group("y")), cal.SEASONS[name])
    if anchor is None:
        return None
    rel = (match.groupdict().get("rel") or "").lower()
    direction = "this" if rel in _THIS else _DIRECTION.get(rel, "past")
    return cal.season_near(anchor, name, direction, prefer)


_THIS = {"this", "الحالي", "الحالية", "الجاري", "الجارية", "هذا", "هذه"}


def _weekday(
    match: re.Match[str], anchor: dt.date | None, prefer: Prefer = "past"
) -> Resolved | None:
    if anchor is None:
        return None
    word = match.group("wd")
    wd = cal.EN_WEEKDAYS.get(word.lower(), cal.AR_WEEKDAYS.get(word, -1))
    return cal.weekday_near(anchor, wd, _direction(match), prefer)


def _weekend(
    match: re.Match[str], anchor: dt.date | None, prefer: Prefer = "past"
) -> Resolved | None:
    """ "at the weekend", "over the weekend", "next weekend": its Saturday and Sunday
    ("this weekend" is the nearer of the two around the anchor)."""
    if anchor is None:
        return None
    rel = (match.groupdict().get("rel") or "").lower()
    direction = _DIRECTION.get(rel, "past")
    if rel == "this":
        prefer = "nearest"
    saturday = dt.date.fromisoformat(cal.weekday_near(anchor, 5, direction, prefer)[0])
    if anchor.weekday() == 6 and direction == "past" and prefer != "future":
        saturday = anchor - dt.timedelta(days=1)  # published on the Sunday: this weekend
    return cal.days(saturday, saturday + dt.timedelta(days=1))


def _offset_day(delta: int) -> Handler:
    def resolve(_match: re.Match[str], anchor: dt.date | None, _prefer: Prefer) -> Resolved | None:
        return None if anchor is None else cal.day(anchor + dt.timedelta(days=delta))

    return resolve


_UNIT_WORDS = {
    "day": "d", "days": "d", "week": "w", "weeks": "w", "month": "m", "months": "m",
    "year": "y", "years": "y", "يوم": "d", "أيام": "d", "ايام": "d", "يوما": "d",
    "يومًا": "d", "يومين": "d", "أسبوع": "w", "الأسبوع": "w", "أسبوعين": "w",
    "أسابيع": "w", "الاسبوع": "w", "اسبوع": "w", "اسبوعين": "w", "اسابيع": "w",
    "شهر": "m", "الشهر": "m", "شهرين": "m", "أشهر": "m", "شهور": "m",
    "عام": "y", "العام": "y", "سنة": "y", "السنة": "y", "عامين": "y", "سنوات": "y",
    "أعوام": "y", "اعوام": "y",
}  # fmt: skip


def shift(anchor: dt.date, unit: str, delta: int) -> Resolved:
    """The day/week/month/year ``delta`` units from the anchor's."""
    if unit == "d":
        return cal.day(anchor + dt.timedelta(days=delta))
    if unit == "w":
        return cal.week(anchor, delta)
    if unit == "m":
        return cal.month(*cal.shift_month(anchor.year, anchor.month, delta))
    return cal.year(anchor.year + delta)


def _relative_unit(
    match: re.Match[str], anchor: dt.date | None, _prefer: Prefer = "past"
) -> Resolved | None:
    """ "last year", "this month", "العام الماضي", "الأسبوع المقبل"."""
    if anchor is None:
        return None
    rel = (match.group("rel") or "").lower()
    delta = {"last": -1, "next": 1}.get(_DIRECTION.get(rel, ""), 0)
    return shift(anchor, _UNIT_WORDS[match.group("unit").lower()], delta)


def _ago(match: re.Match[str], anchor: dt.date | None, _prefer: Prefer = "past") -> Resolved | None:
    """ "three days ago", "قبل يومين"."""
    if anchor is None:
        return None
    unit_word = match.group("unit").lower()
    count = _count(match.group("n"), unit_word)
    return None if count is None else shift(anchor, _UNIT_WORDS[unit_word], -count)


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 0, "few": 0}  # fmt: skip


def _count(word: str | None, unit_word: str) -> int | None:
    if unit_word.endswith("ين"):  # Arabic dual: يومين، شهرين
        return 2
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word.lower()) or None


def _r(pattern: str, handler: Handler) -> Rule:
    return Rule(re.compile(pattern), handler)


_EN_REL = r"(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Pp]revious)"
_EN_SEASON = r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
_AR_SEASON = r"(?P<season>الربيع|الصيف|الخريف|الشتاء)"
_AR_SEASON_OF = r"(?P<season>ربيع|صيف|خريف|شتاء)"
_AR_REL = r"(?P<rel>الماضي|الماضية|المنصرم|المنصرمة|الفائت|المقبل|المقبلة|القادم|القادمة|الحالي|الحالية|الجاري|الجارية)"  # noqa: E501

EN_RULES = [
    _r(rf"(?P<x>\b{_DOM}(?:st|nd|rd|th)?\s+{_EN_MON},?\s+{_YEAR})\b", _full),
    _r(rf"(?P<x>\b{_EN_MON}\s+{_DOM}(?:st|nd|rd|th)?,?\s+{_YEAR})\b", _full),
    _r(rf"(?P<x>\b{_DOM}(?:st|nd|rd|th)?\s+{_EN_MON})(?!\w)", _day_month),
    _r(rf"(?P<x>\b{_EN_MON}\s+{_DOM}(?:st|nd|rd|th)?)\b(?!,?\s*\d)", _day_month),
    _r(rf"(?P<x>\b{_EN_MON},?\s+{_YEAR})\b", _month_year),
    _r(rf"(?P<x>\b{_EN_REL}\s+{_EN_MON})(?!\w)", _rel_month),
    _r(rf"{_EN_PREP}(?P<x>{_EN_MON})(?!\w)", _rel_month),
    _r(rf"(?P<x>\b{_EN_MON_SAFE})(?!\w)", _rel_month),
    _r(rf"(?P<x>\b(?:{_EN_REL}\s+)?{_EN_WD})\b", _weekday),
    _r(rf"(?P<x>\b{_EN_REL}\s+{_EN_SEASON})\b", _season),
    _r(rf"(?P<x>\b(?:(?:at|over|during)\s+the|{_EN_REL})\s+weekend)\b", _weekend),
    _r(rf"(?P<x>\b{_EN_SEASON}\s+(?:of\s+)?{_YEAR})\b", _season),
    _r(r"(?P<x>\b[Tt]oday|\b[Tt]onight)\b", _offset_day(0)),
    _r(r"(?P<x>\b[Yy]esterday)\b", _offset_day(-1)),
    _r(r"(?P<x>\b[Tt]omorrow)\b", _offset_day(1)),
    _r(r"(?P<x>\b(?:the\s+)?day\s+before\s+yesterday)\b", _offset_day(-2)),
    _r(
        rf"(?P<x>(?:\b[Ee]arlier\s+|\b[Ll]ater\s+)?\b{_EN_REL}\s+(?:fiscal\s+)?(?P<unit>week|month|year))\b",
        _relative_unit,
    ),
    _r(
        r"(?P<x>\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
        r"(?P<unit>days?|weeks?|months?|years?)\s+ago)\b",
        _ago,
    ),
    _r(rf"{_EN_PREP}(?:the\s+year\s+)?(?P<x>{_YEAR})\b(?![\d,.]\d)", _year),
]

AR_RULES = [
    _r(
        rf"(?P<x>\b{_DOM}\s+(?:من\s+)?{_AR_MON}\s*(?:من\s+)?(?:(?:عام|العام|سنة)\s+)?{_YEAR})",
        _full,
    ),
    _r(rf"(?P<x>\b{_DOM}\s+(?:من\s+)?{_AR_MON})(?!\w)", _day_month),
    _r(rf"(?P<x>(?<!\w){_AR_MON}\s*(?:من\s+)?(?:(?:عام|العام|سنة)\s+)?{_YEAR})", _month_year),
    _r(rf"(?P<x>(?<!\w){_AR_MON}\s+{_AR_REL})(?!\w)", _rel_month),
    _r(rf"{_AR_PREP}(?P<x>{_AR_MON})(?!\w)", _rel_month),
    _r(rf"(?P<x>(?<![\wآ])(?!مارس|نيسان|آب|اب)(?:{_AR_MON}))(?!\w)", _rel_month),
    # "اليوم (الأربعاء)" / "أمس (الثلاثاء)": the named weekday wins, because
    # news sites' publication stamps often run a day or more after the text.
    _r(
        rf"(?P<x>(?<!\w)(?:(?:يوم|اليوم|ليوم|أمس|امس)\s*\(?\s*)?{_AR_WD}(?:\s+{_AR_REL})?\)?)(?!\w)",
        _weekday,
    ),
    _r(rf"(?P<x>(?<!\w){_AR_SEASON}\s+{_AR_REL})(?!\w)", _season),
    _r(rf"(?P<x>(?<!\w)(?P<rel>هذا|هذه)\s+{_AR_SEASON})(?!\w)", _season),
    _r(rf"(?<!\w)[وفل]?(?P<x>{_AR_SEASON_OF}\s+(?:(?:عام|العام|سنة)\s+)?{_YEAR})(?!\d)", _season),
    _r(r"(?P<x>(?<!\w)(?:أول\s+أمس|أمس\s+الأول|أول\s+من\s+أمس))(?!\w)", _offset_day(-2)),
    _r(r"(?P<x>(?<!\w)[وب]?(?:أمس|امس|الأمس|الامس|البارحة))(?!\w)", _offset_day(-1)),
    _r(r"(?P<x>(?<!\w)(?:غدا|غداً|غدًا))(?!\w)", _offset_day(1)),
    _r(
        # "في نفس اليوم" / "ذات اليوم": the same day as another event, not today
        r"(?<!نفس )(?<!ذات )(?P<x>(?<!\w)(?:اليوم|اليومَ))"
        r"(?!\s+(?:الأخير|الأول|التالي|نفسه|ذاته|الذي|الثاني|الثالث|الوطني|العالمي))(?!\w)",
        _offset_day(0),
    ),
    _r(
        rf"(?P<x>(?<!\w)(?P<unit>العام|السنة|الشهر|الأسبوع|الاسبوع)\s+{_AR_REL})(?!\w)",
        _relative_unit,
    ),
    _r(
        r"(?P<x>(?<!\w)(?:هذا|هذه)\s+(?P<unit>العام|السنة|الشهر|الأسبوع|الاسبوع)(?P<rel>))(?!\w)",
        _relative_unit,
    ),
    _r(
        r"(?P<x>(?<!\w)قبل\s+(?:(?P<n>\d+)\s+)?(?P<unit>يومين|أيام|ايام|يوما|يومًا|أسبوع|أسبوعين|اسبوع|اسبوعين|"
        r"أسابيع|اسابيع|شهر|شهرين|أشهر|شهور|عام|عامين|سنة|سنوات|أعوام))(?!\w)",
        _ago,
    ),
    _r(rf"(?<!\w)(?:[وبل]?(?:عام|العام|سنة|السنة|لعام)|في)\s+(?P<x>{_YEAR})(?!\d)", _year),
]

# Rules that need no letters: ISO dates and bare years ("in 2022" is in EN_RULES).
DIGIT_RULES = [
    _r(r"(?P<x>\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d))\b", _iso),
    _r(rf"(?<![\d$€£.,])(?P<x>\b{_YEAR})\b(?![.,]?\d)(?!\s+[a-z\u0600-\u06ff])(?!\s*%)", _year),
]


def _numeric_day_month(
    match: re.Match[str], anchor: dt.date | None, prefer: Prefer = "past"
) -> Resolved | None:
    if anchor is None:
        return None
    return cal.day_month_near(anchor, int(match.group("m")), int(match.group("d")), prefer)


# Chinese and Japanese write dates with digits and unit signs: "2024年5月7日", "5月7日".
CJK_RULES = [
    _r(rf"(?P<x>{_YEAR}年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})[日号])", _iso),
    _r(r"(?<!\d)(?<!年)(?P<x>(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号])", _numeric_day_month),
]

RULES: dict[str, list[Rule]] = {
    "en": EN_RULES,
    "ar": AR_RULES,
    "digits": DIGIT_RULES,
    "cjk": CJK_RULES,
}
