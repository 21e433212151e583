"""Where a meeting took place.

In order: the place "in X" / "في X" of the trigger's clause (else of its
sentence: "During his stay in Hanoi, Hu held talks ..."); the destination of
a visit in the same sentence by a participant; the dateline city ("BEIJING,
Jan 5 (Xinhua) --", "موسكو:"); then, after merging, the destination of a
visit the same article reports for a participant at a compatible time
(``from_visits``). The pipeline applies that order.
A place after a topic word is what was discussed, not the venue ("discuss the
situation in Iraq", "بحثا الأوضاع في سوريا").
"""

from __future__ import annotations

import datetime as dt

from models.mentions import Mention, Trigger
from models.s1_document.document import Document
from models.s1_document.normalize import fold
from models.s7_assemble.candidate import PLACE_KINDS, Candidate
from models.s7_assemble.context import SentenceView
from models.s7_assemble.merge import status_ok, time_ok
from models.s7_assemble.roles import is_title_complement

_TOPIC = frozenset(
    fold(w)
    for w in (
        *("situation", "situations", "crisis", "conflict", "war", "developments", "peace"),
        *("security", "stability", "events", "issue", "issues", "about", "on", "over"),
        *("regarding", "concerning", "discuss", "discussed", "discussing", "fighting"),
        *("حول", "بشأن", "الأوضاع", "الوضع", "أوضاع", "وضع", "الأزمة", "أزمة", "تطورات"),
        *("التطورات", "الحرب", "حرب", "السلام", "الأمن", "الاستقرار", "الصراع", "ملف"),
    )
)
_TOPIC_REACH = 3  # words before the place searched for a topic word
_VISIT_LENGTH = dt.timedelta(days=7)  # the longest gap from arrival to a meeting it hosts


def _topic(view: SentenceView, place: Mention) -> bool:
    before = view.before(place.start)[-_TOPIC_REACH:]
    return any(fold(t.surface) in _TOPIC or t.norm in _TOPIC for t in before)


def _venues(view: SentenceView) -> list[Mention]:
    return [
        m
        for m in view.mentions
        if m.kind in PLACE_KINDS
        and not m.demonym
        and view.marks.get(m.start) == "in"
        and not is_title_complement(view, m)
        and not _topic(view, m)
    ]


def venue(view: SentenceView, trigger: Trigger) -> Mention | None:
    """The meeting's place as the sentence gives it (see module docstring)."""
    clause = view.clause_of(trigger.start)
    places = _venues(view)
    inside = [m for m in places if clause.start <= m.start < clause.end]
    found = inside or places
    return found[0] if found else None


def from_visits(cands: list[Candidate]) -> None:
    """Give a placeless meeting the destination of a participant's visit of the same
    article and time ("Hill came to the Chinese capital and met with Wu Dawei")."""
    visits = [c for c in cands if c.type == "VISIT" and c.location is not None]
    # Visits by visitor key: a meeting is compared only with its participants' visits.
    by_visitor: dict[str, list[int]] = {}
    for k, visit in enumerate(visits):
        for key in visit.keys("visitor"):
            by_visitor.setdefault(key, []).append(k)
    for meeting in cands:
        if meeting.type != "MEETING" or meeting.location is not None:
            continue
        near = sorted({k for key in meeting.keys("participant") for k in by_visitor.get(key, ())})
        found = next((visits[k] for k in near if _during(visits[k], meeting)), None)
        if found is not None:
            meeting.location = found.location


def _during(visit: Candidate, meeting: Candidate) -> bool:
    """Can the meeting have been held on the visit? An arrival may precede the talks by
    days ("arrived in Paris Wednesday ... met Thursday"), and a visit that has begun
    hosts talks still to come ("arrived in Cairo ... would hold talks")."""
    begun = visit.status == "occurred" and meeting.status in ("planned", "occurred")
    if not (status_ok(visit.status, meeting.status) or begun):
        return False
    if time_ok(visit.time, meeting.time):
        return True
    assert visit.time is not None and meeting.time is not None
    if visit.time.precision != "day" or meeting.time.precision != "day":
        return False
    gap = dt.date.fromisoformat(meeting.time.value_start) - dt.date.fromisoformat(
        visit.time.value_start
    )
    return dt.timedelta(0) <= gap <= _VISIT_LENGTH


def to_visits(cands: list[Candidate]) -> None:
    """Give a placeless visit under way the place of a meeting its visitor held in the
    article at that time, unless that is the visitor's own country ("Visiting UN chief
    Annan said Monday ... at a joint news conference with Erdogan after the meeting held
    in Istanbul"): the reverse of :func:`from_visits`."""
    meetings = [c for c in cands if c.type == "MEETING" and c.location is not None]
    for visit in cands:
        if visit.type != "VISIT" or visit.location is not None or visit.keys("host"):
            continue
        visitors = visit.keys("visitor")
        homes = {m.country for r, m in visit.actors if r == "visitor"}
        for meeting in meetings:
            place = meeting.location
            assert place is not None
            abroad = place.country is None or place.country not in homes
            if abroad and visitors & meeting.keys("participant") and _during(visit, meeting):
                visit.location = place
                break


def to_host_country(doc: Document, cands: list[Candidate]) -> None:
    """Give a placeless visit with hosts of one foreign country that country, as the
    article names it ("Jordanian FM Abdul Ilah al-Khatib received visiting Russian deputy
    FM Sultanov ... Jordan"): whoever receives a visitor does so at home, as the role
    rules already read "X received Y". A visit with no host goes to the one foreign
    country of the people its visitor met then (:func:`_counterparts_country`). An
    article that never names a place in that country leaves the visit placeless (a place
    is the text's, never made up)."""
    for visit in cands:
        if visit.type != "VISIT" or visit.location is not None:
            continue
        homes = {m.country for r, m in visit.actors if r == "visitor"}
        hosts = {m.country for r, m in visit.actors if r == "host" and m.country is not None}
        if len(hosts) == 1 and not hosts & homes:
            visit.location = _named(doc, hosts.pop())
        elif not hosts:  # "arrived here Friday ... also met Raul Castro": his counterparts'
            visit.location = _counterparts_country(doc, visit, cands, homes)


def _counterparts_country(
    doc: Document, visit: Candidate, cands: list[Candidate], homes: set[str | None]
) -> Mention | None:
    """The one foreign country of the people the visitor met at that time, as named."""
    visitors = visit.keys("visitor")
    met = {
        m.country
        for c in cands
        if c.type == "MEETING" and visitors & c.keys("participant") and _during(visit, c)
        for r, m in c.actors
        if r == "participant" and m.key not in visitors and m.country is not None
    }
    met -= homes
    return _named(doc, met.pop()) if len(met) == 1 else None


def _named(doc: Document, iso3: str) -> Mention | None:
    """The article's first place in a country: the country or one of its cities, not
    its adjective ("Jordanian")."""
    named = [m for m in doc.mentions if m.kind == "GPE" and m.country == iso3 and not m.demonym]
    return min(named, key=lambda m: m.start) if named else None
