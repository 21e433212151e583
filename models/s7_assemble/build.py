"""Candidates to public :class:`Event` objects: validity checks, ids, fields."""

from __future__ import annotations

import re

from models.base import make_event_id
from models.mentions import Mention, TimeMention
from models.s1_document.normalize import fold
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.context import marked, markers
from models.schema import Actor, Event, Evidence, ExtractorInfo, Place, Time


def is_complete(cand: Candidate) -> bool:
    """Drop what cannot be an event: a meeting needs two parties (or one span naming
    several, :func:`collective`), a visit a visitor and a destination, a transfer a
    supplier and a different recipient (not of its country)."""
    if cand.type == "MEETING":
        parties = _parties(cand)
        return len(parties) >= 2 or (
            len(parties) == 1
            and any(collective(m.text) for r, m in cand.actors if r == "participant")
        )
    if cand.type == "VISIT":
        return bool(cand.keys("visitor")) and (cand.location is not None or bool(cand.keys("host")))
    suppliers, recipients = cand.keys("supplier"), cand.keys("recipient")
    return (
        bool(suppliers) and bool(recipients) and not suppliers & recipients and not _domestic(cand)
    )


def travels(cand: Candidate) -> bool:
    """False for a visit whose every visitor is troops or goods ("وصلت كتيبة عسكرية
    إماراتية إلى عدن", "the first aid convoy arrived in Gaza"): a deployment or a
    delivery, which the annotation does not count as a visit; or a city ("وبعد الدوحة
    ينتقل إلى سنغافورة": after Doha he moves on to Singapore): a country may stand for
    its government's envoys, a city travels nowhere."""
    visitors = [m for r, m in cand.actors if r == "visitor"]
    return (
        cand.type != "VISIT"
        or not visitors
        or not all(_cargo(m.text) or is_city(m) or m.text.lower() in _PRONOUNS for m in visitors)
    )


# "My visit to the United States": a pronoun the role head took for the visitor's name
_PRONOUNS = frozenset(("my", "his", "her", "our", "their", "its", "i", "we", "he", "she", "they"))


def is_city(m: Mention) -> bool:
    """A place the gazetteer knows that is not a country."""
    return m.kind == "GPE" and m.name is not None and m.key != f"GPE:{m.country}"


def _cargo(surface: str) -> bool:
    """The span's head (the last word in a cased script, the first in Arabic, without
    a glued "و"/"ف" and the article) is a word for troops or goods."""
    words = [fold(w.strip(".,;:")).lower() for w in surface.split()]
    if not words:
        return False
    cased = any(c.isascii() and c.isalpha() for c in words[-1])
    head = words[-1] if cased else _AR_ARTICLE.sub("", words[0])
    return head in markers()["cargo"]["words"]


_AR_ARTICLE = re.compile(r"^[وف]?(?:ال)?")


_SEVERAL = re.compile(r"^(the )?(two|three|four|five|six|seven|eight|both) ", re.IGNORECASE)


def collective(surface: str) -> bool:
    """A span of two or more words that names several parties at once: "EU foreign
    ministers", "the two sides", "قادة مجموعة دول الساحل" (the leaders of the Sahel
    group). Annotated meetings list such a span as their one participant. One word
    ("officials", "الوزراء") says too little, and a name is no plural ("the United
    Nations": the English plural must be lower case)."""
    words = surface.split()
    if len(words) < 2 or words[-1].lower() in _OPEN_ENDS:  # "executives of": a cut span
        return False
    entry = markers()["collective"]
    last, first = words[-1], fold(words[0])
    if last.islower() and fold(last) in entry["words"]:
        return True
    if _SEVERAL.match(surface):
        return True
    if words[0].isascii():  # the head-first reading is Arabic's ("قادة دول الساحل")
        return False
    return marked("collective", first)


# English words a span of people cannot end with: the role head cut it short.
_OPEN_ENDS = frozenset(("of", "and", "the", "from", "in", "for", "to", "with", "at", "by"))


def _parties(cand: Candidate) -> set[str]:
    """A meeting's distinct parties: places and country adjectives of one country are one
    party ("مدريد" and "الإسباني", Madrid and Spanish, are both Spain)."""
    return {
        f"GPE:{m.country}" if m.kind in ("GPE", "LOC") and m.country else m.key
        for r, m in cand.actors
        if r == "participant"
    }


def _domestic(cand: Candidate) -> bool:
    """Supplier and recipient of one country ("Iran" and "Tehran", "السيسي" and "المصريين"):
    no transfer between parties, a misread of domestic moves or of a topic word."""
    countries = {m.country for r, m in cand.actors if r in ("supplier", "recipient")}
    return len(countries) == 1 and None not in countries


def _id_keys(cand: Candidate) -> list[str]:
    """Actor keys plus the discriminators (place, time) that tell same-actor events apart."""
    keys = [f"{role}:{m.key}" for role, m in cand.actors]
    if cand.location is not None:
        keys.append(f"loc:{cand.location.key}")
    if cand.time is not None:
        keys.append(f"time:{cand.time.value_start}")
    return keys


def event_ids(article_id: str, cands: list[Candidate]) -> list[str]:
    """Deterministic ids, unique within the article (a numbered suffix breaks rare ties)."""
    out: list[str] = []
    # The n-th event with the same keys gets "#n": counted, because searching ``out``
    # for a free id would be quadratic in an article of many look-alike events.
    seen: dict[str, int] = {}
    for cand in cands:
        keys = _id_keys(cand)
        base = make_event_id(article_id, cand.type, keys)
        seen[base] = n = seen.get(base, 0) + 1
        out.append(base if n == 1 else make_event_id(article_id, cand.type, [*keys, f"#{n}"]))
    return out


def _actor(role: str, m: Mention) -> Actor:
    return Actor.model_validate(
        {
            "role": role,
            "text": m.text,
            "name": m.name,
            "kind": m.kind,
            "country": m.country,
            "title": m.title,
        }
    )


def _place(m: Mention | None) -> Place | None:
    return None if m is None else Place(text=m.text, name=m.name, kind=m.kind, country=m.country)


def _time(t: TimeMention | None) -> Time | None:
    if t is None:
        return None
    return Time(text=t.text, start=t.value_start, end=t.value_end, precision=t.precision)


def to_event(
    cand: Candidate, event_id: str, article_id: str, language: str, info: ExtractorInfo
) -> Event:
    """The public event for one merged candidate."""
    return Event(
        event_id=event_id,
        type=cand.type,
        status=cand.status,
        article_id=article_id,
        language=language,
        actors=[_actor(r, m) for r, m in cand.actors],
        location=_place(cand.location),
        time=_time(cand.time),
        items=cand.items,
        evidence=[Evidence(text=s.text, start=s.start, end=s.end) for s in cand.evidence],
        confidence=round(min(max(cand.confidence, 0.0), 1.0), 3),
        extractor=info,
    )
