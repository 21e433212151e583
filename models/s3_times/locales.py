"""Time rules for languages other than Arabic and English, built from dateparser's locale data.

Our hand rules know Arabic and English only, so a French "mardi" or a Spanish "el viernes"
went undated. dateparser ships, for some two hundred languages, the names of the weekdays and
months and the phrases for "yesterday", "tomorrow", "next week" (its ``relative-type``
table); this module turns them into :class:`~models.s3_times.rules.Rule` objects with the same
handlers' semantics as ours (a weekday is the latest on or before the anchor unless
``prefer`` says otherwise, "next week" is that Monday–Sunday), so precision and the anchor
rules stay the same for every language. Only full names are used: abbreviations such as
Spanish "mar" (Tuesday, and "sea") would fire on ordinary words.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from models.s3_times import calendar as cal
from models.s3_times.calendar import Prefer, Resolved
from models.s3_times.rules import Handler, Rule, shift

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_RELATIVE = re.compile(r"^(?:(?P<in>in) )?(?P<n>\d+) (?P<unit>day|week|month|year)(?: ago)?$")
_UNITS = {"day": "d", "week": "w", "month": "m", "year": "y"}
# Words dateparser lists that are also everyday words in context: "esta mañana" is this
# morning, not tomorrow; "am Morgen" is in the morning.
_NOT_AFTER = {"mañana": ("la ", "esta ", "de "), "morgen": ("am ", "diesen ", "heute ")}
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and Han
_YEAR = r"(?P<y>1[89]\d\d|20\d\d)"


@lru_cache(maxsize=64)
def locale_rules(language: str) -> tuple[Rule, ...]:
    """The time rules for ``language`` from dateparser's data; () when it has none."""
    info = _locale_info(language)
    if info is None:
        return ()
    return (
        *_relative_rules(info),
        *_date_rules(info),
        *_weekday_rules(info),
    )


def _locale_info(language: str) -> dict[str, Any] | None:
    from dateparser.languages import default_loader  # lazy: ~0.3 s, only for other languages

    try:
        return dict(default_loader.get_locale(language).info)
    except (ValueError, KeyError):  # a language dateparser does not know
        return None


def _words(names: list[str], shortest: int = 4) -> list[str]:
    """Full names only (CJK names are short by nature), longest first."""
    keep = {n for n in names if len(n) >= shortest or CJK.search(n)}
    return sorted(keep, key=len, reverse=True)


def _pattern(word: str) -> str:
    """A regex for ``word`` as written in text: Persian and Arabic letter forms both
    match (dateparser writes Arabic yeh and kaf), a zero-width non-joiner and the ezafe
    hamza ("هفتهٔ") are optional,
    and a word that is also an everyday word keeps its guard."""
    out = []
    for ch in word:
        if ch in "يیى":
            out.append("[يیى]")
        elif ch in "كک":
            out.append("[كک]")
        elif ch in "\u200c\u0654":  # zero-width non-joiner, Persian ezafe hamza
            out.append(re.escape(ch) + "?")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    guard = "".join(f"(?<!{re.escape(w)})" for w in _NOT_AFTER.get(word, ()))
    return guard + "".join(out)


def _alternatives(words: list[str]) -> str:
    return "|".join(_pattern(w) for w in words)


def _bounded(body: str, cjk: bool) -> str:
    return body if cjk else rf"(?<!\w)(?:{body})(?!\w)"


def _relative_rules(info: dict[str, Any]) -> list[Rule]:
    rules = []
    for key, phrases in (info.get("relative-type") or {}).items():
        found = _RELATIVE.match(key)
        if not found or not phrases:
            continue
        delta = int(found.group("n")) * (1 if found.group("in") else -1)
        unit = _UNITS[found.group("unit")]
        words = _words(list(phrases), shortest=3)
        if not words:
            continue
        cjk = bool(CJK.search(words[0]))
        body = _bounded(f"(?P<x>{_alternatives(words)})", cjk)
        rules.append(Rule(re.compile(body, re.IGNORECASE), _shifted(unit, delta)))
    return rules


def _shifted(unit: str, delta: int) -> Handler:
    def resolve(_m: re.Match[str], anchor: dt.date | None, _prefer: Prefer) -> Resolved | None:
        return None if anchor is None else shift(anchor, unit, delta)

    return resolve


def _weekday_rules(info: dict[str, Any]) -> list[Rule]:
    rules = []
    for index, key in enumerate(_WEEKDAYS):
        words = _words(list(info.get(key) or []))
        if not words:
            continue
        cjk = bool(CJK.search(words[0]))
        body = _bounded(f"(?P<x>{_alternatives(words)})", cjk)
        rules.append(Rule(re.compile(body, re.IGNORECASE), _weekday(index)))
    return rules


def _weekday(index: int) -> Handler:
    def resolve(_m: re.Match[str], anchor: dt.date | None, prefer: Prefer) -> Resolved | None:
        return None if anchor is None else cal.weekday_near(anchor, index, "past", prefer)

    return resolve


def _date_rules(info: dict[str, Any]) -> list[Rule]:
    """ "7 mai 2024", "7 de mayo", "mayo de 2024": a day or a year next to a month name
    (a bare month name is left alone: "mars" is also the planet)."""
    names: dict[str, int] = {}
    for number, key in enumerate(_MONTHS, start=1):
        for word in _words(list(info.get(key) or []), shortest=3):
            if not CJK.search(word):
                names.setdefault(word, number)
    if not names:
        return []
    month = f"(?P<mon>{_alternatives(sorted(names, key=len, reverse=True))})"
    link = r"\s+(?:de\s+|del\s+)?"
    numbers = [(re.compile(_pattern(w), re.IGNORECASE), n) for w, n in names.items()]

    def number_of(match: re.Match[str]) -> int:
        return next((n for p, n in numbers if p.fullmatch(match.group("mon"))), 0)

    def full(m: re.Match[str], _a: dt.date | None, _p: Prefer) -> Resolved | None:
        return cal.safe_day(int(m.group("y")), number_of(m), int(m.group("d")))

    def day_month(m: re.Match[str], anchor: dt.date | None, prefer: Prefer) -> Resolved | None:
        if anchor is None:
            return None
        return cal.day_month_near(anchor, number_of(m), int(m.group("d")), prefer)

    def month_year(m: re.Match[str], _a: dt.date | None, _p: Prefer) -> Resolved | None:
        return cal.month(int(m.group("y")), number_of(m))

    day = r"(?P<d>\d{1,2})(?:er|º|\.)?"
    flags = re.IGNORECASE
    return [
        Rule(re.compile(rf"(?<!\w)(?P<x>{day}{link}{month}{link}{_YEAR})(?!\w)", flags), full),
        Rule(re.compile(rf"(?<!\w)(?P<x>{day}{link}{month})(?!\w)", flags), day_month),
        Rule(re.compile(rf"(?<!\w)(?P<x>{month}{link}{_YEAR})(?!\w)", flags), month_year),
    ]
