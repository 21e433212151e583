"""Time expressions, normalised against the publication date.

Arabic and English by our rules; every other language by rules built from dateparser's
locale data (:mod:`models.s3_times.locales`).

Rule-based on purpose (see ``shared/docs/FACTS.md``): dateparser alone reads
"Tuesday" as the week before, returns None for "last September", "العام
الماضي" and Levantine month names, and fills missing days from the base, so
the precision is lost. Each rule here is a regex whose handler resolves the
match against the anchor and says its own precision; ``dateparser`` is only the
fallback of :func:`normalise_time` for expressions no rule knows.

Conventions (``shared/eval/ANNOTATION.md``): a weekday is the most recent such
day on or before publication; a bare month the most recent such month on or
before the publication month; "last September" the previous September.
The anchor is the publication time at the precision ``published_at`` gave
(:class:`models.s3_times.anchor.Anchor`): a year or a month anchor never yields a day
that depends on the unknown publication day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from models.mentions import TimeMention
from models.s3_times.anchor import Anchor
from models.s3_times.calendar import Prefer, Resolved
from models.s3_times.locales import CJK, locale_rules
from models.s3_times.rules import RULES, Rule
from models.schema import Precision

if TYPE_CHECKING:
    from models.s1_document.document import Document

AnchorLike = Anchor | dt.datetime | dt.date


def _candidates(
    text: str, language: str, anchor: Anchor | None, prefer: Prefer = "past"
) -> list[TimeMention]:
    found: list[TimeMention] = []
    for rule in _rules_for(text, language):
        for match in rule.pattern.finditer(text):
            resolved = _resolve(anchor, partial(_apply, rule, match, prefer))
            if resolved is None:
                continue
            start, end = match.span("x")
            found.append(TimeMention(start, end, text[start:end], *resolved))
    return found


def _apply(
    rule: Rule, match: re.Match[str], prefer: Prefer, day: dt.date | None
) -> Resolved | None:
    return rule.resolve(match, day, prefer)


def _resolve(
    anchor: Anchor | None, resolve: Callable[[dt.date | None], Resolved | None]
) -> Resolved | None:
    """``resolve`` against the anchor, only as far as its precision allows.

    A year or month anchor is resolved against its first and its last day. Where
    both agree ("16 October", "last year" in a 2015-10 article) the value holds
    for any publication day in the period and is kept; where they differ
    ("yesterday", "Tuesday") the value depends on the unknown day, so both ends
    are cut to the anchor's precision: a range that covers every possible day.
    """
    if anchor is None:
        return resolve(None)
    first = resolve(anchor.first_day)
    if anchor.first_day == anchor.last_day:
        return first
    last = resolve(anchor.last_day)
    if first is None or last is None:
        return None
    if first == last:
        return first
    return _coarsen(first, last, "year" if anchor.precision == "year" else "month")


# Characters of an ISO value at each precision, coarsest first.
_WIDTH: dict[Precision, int] = {"year": 4, "month": 7, "day": 10}


def _coarsen(first: Resolved, last: Resolved, limit: Precision) -> Resolved:
    """From ``first``'s start to ``last``'s end at the coarsest of the three precisions."""
    precision = min((first[2], last[2], limit), key=lambda p: _WIDTH[p])
    width = _WIDTH[precision]
    return first[0][:width], last[1][:width], precision


def _rules_for(text: str, language: str) -> list[Rule]:
    """The rules the text's scripts can match: Arabic ones where there is Arabic
    script, English word rules where there are Latin letters, digit dates with
    Chinese/Japanese unit signs where there are CJK characters, digit-only rules
    (ISO dates, bare years) always, and for any other language the rules built
    from dateparser's data for it. Skipping the rest halves the cost."""
    rules = list(RULES["digits"])
    if language not in ("ar", "en"):
        rules += locale_rules(language)
    if _LATIN.search(text):
        rules += RULES["en"]
    if _ARABIC.search(text):
        rules += RULES["ar"]
    if CJK.search(text):
        rules += RULES["cjk"]
    return rules


_LATIN = re.compile("[A-Za-z]")
_ARABIC = re.compile("[\u0600-\u06ff]")


def _non_overlapping(found: list[TimeMention]) -> list[TimeMention]:
    """Longest first, then leftmost; keep the mentions that do not overlap."""
    # One flag per character already kept: a test costs the mention's length, not
    # a pass over every kept mention (time mentions are never empty).
    taken = bytearray(max((m.end for m in found), default=0))
    kept: list[TimeMention] = []
    for cand in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if taken.find(1, cand.start, cand.end) < 0:
            kept.append(cand)
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    return sorted(kept, key=lambda m: m.start)


# Between a month's two names: a space, a slash, a dash or brackets, nothing else.
_TWIN_GAP = re.compile(r"[\s/()\-\u2013]*")


def _twins(text: str, found: list[TimeMention]) -> list[TimeMention]:
    """One mention for a month named twice: Arabic papers write both calendars'
    names ("فبراير شباط", "12 آب (أغسطس)", "نوفمبر تشرين الثاني المقبل"). Read as two,
    the second ends a "since" phrase the first does not ("منذ أصبح وزيرا في فبراير
    شباط" then dates the visit), and a modifier after the second ("المقبل", next)
    leaves the first in the past. The pair keeps the value of the name with more
    words to it (the modifier's), else the first's."""
    out: list[TimeMention] = []
    for cand in found:
        prev = out[-1] if out else None
        if prev is None or not _twin(text, prev, cand):
            out.append(cand)
            continue
        value = cand if len(cand.text.split()) > len(prev.text.split()) else prev
        out[-1] = TimeMention(
            prev.start, cand.end, text[prev.start : cand.end],
            value.value_start, value.value_end, value.precision,
        )  # fmt: skip
    return out


def _twin(text: str, prev: TimeMention, cand: TimeMention) -> bool:
    """``cand`` names again the month of ``prev``, right after it."""
    return (
        cand.precision == "month"
        and prev.precision in ("month", "day")
        and prev.value_start[5:7] == cand.value_start[5:7] != ""
        and _TWIN_GAP.fullmatch(text[prev.end : cand.start]) is not None
    )


def add_times(doc: Document) -> None:
    """Stage 3 over a document: its ``times`` layer, against its publication time."""
    doc.times = find_times(doc.text, doc.language, doc.article.published_anchor())


def find_times(
    text: str, language: str, anchor: AnchorLike | None, prefer: Prefer = "past"
) -> list[TimeMention]:
    """Time expressions in ``text`` with values resolved against ``anchor``.

    Without an anchor, relative expressions ("Tuesday", "last year") are
    dropped and absolute ones ("July 2000") kept. A date or datetime anchor is
    day-precise; an :class:`Anchor` of a year or a month resolves relative
    expressions only as far as it allows (:func:`_resolve`): "yesterday" in a
    2015-10 article is ``2015-09``..``2015-10`` at month precision. Returns non-overlapping
    mentions sorted by offset. ``prefer`` says where yearless dates, bare
    months and bare weekdays fall: ``"past"`` (default: on or before the
    anchor, a day-and-month up to a month ahead excepted), ``"future"`` (on or
    after it, for planned events) or ``"nearest"``; "last"/"next" words and
    explicit years are unaffected.

    >>> [m.value_start for m in find_times("April 29", "en", dt.date(1987, 3, 27), "nearest")]
    ['1987-04-29']

    >>> [(m.text, m.value_start) for m in find_times("في يوليو 2000", "ar", None)]
    [('يوليو 2000', '2000-07')]
    """
    return _twins(text, _non_overlapping(_candidates(text, language, _anchor(anchor), prefer)))


def _anchor(anchor: AnchorLike | None) -> Anchor | None:
    return None if anchor is None else Anchor.of(anchor)


def normalise_time(
    expr: str, language: str, anchor: AnchorLike | None, prefer: Prefer = "past"
) -> Resolved | None:
    """``(start, end, precision)`` of one time expression, or None; ``prefer`` as
    in :func:`find_times`.

    The rules are tried first; when none covers the expression, dateparser is
    asked (day precision when it saw a day number, else month or year).

    >>> normalise_time("last September", "en", dt.date(2024, 1, 16))
    ('2023-09', '2023-09', 'month')
    """
    found = find_times(expr, language, anchor, prefer)
    if found:
        best = max(found, key=lambda m: m.end - m.start)
        return best.value_start, best.value_end, best.precision
    return _resolve(_anchor(anchor), partial(_dateparser_fallback, expr, language, prefer))


def _dateparser_fallback(
    expr: str, language: str, prefer: Prefer, anchor: dt.date | None
) -> Resolved | None:
    import dateparser  # imported lazily: ~0.5 s, and rarely needed

    direction = "current_period" if prefer == "nearest" else prefer
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": direction,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor, dt.time())
    elif not re.search(r"\d{4}", expr):
        return None  # relative to an unknown date
    langs = [language] if language in ("ar", "en") else None
    try:
        parsed = dateparser.parse(expr, languages=langs, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if parsed is None:
        return None
    if re.search(r"\b\d{1,2}\b", expr):
        return parsed.date().isoformat(), parsed.date().isoformat(), "day"
    value = f"{parsed.year:04d}-{parsed.month:02d}"
    return value, value, "month"
