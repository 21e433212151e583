"""Where a visit goes when the destination is implicit or one of several places.

"arrived in Cairo on a visit to Egypt" names two places (the one the trigger
governs is the most specific); "arrived here" points at the dateline city.
"""

from __future__ import annotations

import re
from dataclasses import replace

from models.mentions import Mention, Trigger
from models.s1_document.document import Document
from models.s1_document.normalize import norm_token, proclitic_variants
from models.s2_entities.gazetteer.countries import country_name
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.context import SentenceView


def followed_by_here(view: SentenceView, trigger: Trigger) -> bool:
    """ "arrived here", "وصل هنا"."""
    after = view.after(trigger.end)[:1]
    return bool(after) and after[0].norm in ("here", "هنا")


def dateline(view: SentenceView) -> Mention | None:
    """ "arrived here": the place of the article's dateline, when it has one."""
    return view.article.dateline()


def adjacent(view: SentenceView, trigger: Trigger, mention: Mention) -> bool:
    """No word between: "arrived in Cairo", "visited Shenyang" (the trigger governs it)."""
    return not [t for t in view.tokens if trigger.end <= t.start < mention.start]


def home_of(view: SentenceView, party: Mention) -> Mention | None:
    """A party's country as a place: "X invited Y to visit" with no place named goes to
    X's country, and so does "X received visiting Y"."""
    if party.country is None:
        return None
    same = view.article.of_country(("GPE",), party.country)
    same.sort(key=lambda m: m.demonym)  # "Jordan" before "Jordanian"
    if same:
        return same[0]
    key = f"GPE:{party.country}"
    return Mention(party.start, party.end, party.country, "GPE", key, None, party.country)


def tour_stops(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A visit to a region that the sentence then spells out goes to each place named:
    "left for the Middle East on a tour opening in Egypt, then on to Qatar", "a visit to
    the countries of the region, Kuwait, Qatar and Iraq" are a visit to each country (the
    annotation counts one visit per destination), not one to "the Middle East"."""
    out: list[Candidate] = []
    for cand in cands:
        stops = _stops(doc, cand)
        if not stops:
            out.append(cand)
            continue
        for place in stops:
            out.append(
                replace(cand, location=place, actors=list(cand.actors), items=list(cand.items),
                        evidence=list(cand.evidence))
            )  # fmt: skip
    return out


def _stops(doc: Document, cand: Candidate) -> list[Mention]:
    """The countries and cities named after a visit's destination when that destination
    has no country (a region, "دول المنطقة") and they are two or more, one per country,
    never a visitor's own; or the countries joined to a destination by "and"."""
    place = cand.location
    if cand.type != "VISIT" or place is None or not cand.evidence:
        return []
    if place.country is not None:
        return _conjoined(doc, cand, place)
    homes = {m.country for role, m in cand.actors if role == "visitor"}
    seen: set[str | None] = set()
    stops = []
    for m in doc.mentions_inside(cand.evidence[0]):
        named = m.kind == "GPE" and m.country is not None and not (m.demonym or m.in_title)
        if m.start >= place.end and named and m.country not in homes | seen:
            seen.add(m.country)
            stops.append(m)
    # One country after it is no tour: a city the gazetteer does not know ("visited
    # Shenyang ... China") has no country either, and the country is only where it lies.
    return stops if len(stops) >= 2 else []


def abroad(cand: Candidate) -> bool:
    """False for a visit whose destination is the visitors' own country as a whole (a
    role misread: "Rouhani" as the visitor of "Fabius will go to Iran where he will meet
    Rouhani"); nobody visits their own country. A place inside it (a domestic trip to a
    city) stays a visit, unless every visitor holds an office of that very place
    (:func:`_office_of`)."""
    place = cand.location
    if cand.type != "VISIT" or place is None:
        return True
    visitors = [m for role, m in cand.actors if role == "visitor"]
    if visitors and all(_office_of(m, place) for m in visitors):
        return False
    if place.country is None:
        return True
    homes = {m.country for m in visitors}
    return homes != {place.country} or not _the_country(place)


def _office_of(visitor: Mention, place: Mention) -> bool:
    """The visitor's words name the place as their office's: "أمير منطقة عسير" (the
    governor of the Asir region) in Asir, "رئيس جمهورية الشيشان" in Chechnya: the
    host, whom a reception read as its visitor, at home."""
    words = {r for w in visitor.text.split() for r in _readings(w)}
    # the place's name: its first word that is not "region" ("منطقة عسير صباح": a span
    # the entity head ran on into the next word)
    own = [norm_token(w) for w in place.text.split() if norm_token(w) not in _REGION]
    return bool(own) and len(own[0]) >= 3 and own[0] in words


# Words that call a place a region or a city ("منطقة عسير", "محافظة جدة", "the city of
# Lagos"), and the English article: none is the place's name.
_REGION = frozenset(norm_token(w) for w in (
    "منطقة", "محافظة", "مدينة", "إمارة", "ولاية", "the", "city", "of", "region", "province",
))  # fmt: skip


def _readings(word: str) -> set[str]:
    """A word's normalised readings, with and without its glued proclitics ("بمنطقة" is
    also "منطقة")."""
    return {norm_token(word)} | {rest for _, rest in proclitic_variants(word)}


def _the_country(place: Mention) -> bool:
    """``place`` names its country itself ("Iran", "إيران"), not a city in it: the
    gazetteer keys a country ``GPE:<ISO3>`` and gives it the country's English name."""
    iso3 = place.country or ""
    return place.key == f"GPE:{iso3}" and place.name in (None, country_name(iso3))


# What may stand between two places of one list: "Israel and Jordan", "إسرائيل والأردن",
# "Egypt, Jordan", "مصر، والأردن".
_AND = re.compile(r"\s*[,،]?\s*(?:and\s+|و)?\s*")


def _conjoined(doc: Document, cand: Candidate, place: Mention) -> list[Mention]:
    """ "visited Israel and Jordan", "زار إسرائيل والأردن": the destination and the places
    of other countries listed with it, when the list holds two or more countries (the
    annotation counts one visit per destination). Never a visitor's own country; a city
    and its country ("Cairo, Egypt") are one place."""
    homes = {m.country for role, m in cand.actors if role == "visitor"}
    named = [
        m for m in doc.mentions_inside(cand.evidence[0])
        if m.kind == "GPE" and m.country is not None and not (m.demonym or m.in_title)
    ]  # fmt: skip
    named.sort(key=lambda m: (m.start, -m.end))
    chain: list[Mention] = []
    for m in named:
        if chain and m.start < chain[-1].end:
            continue  # one mention inside another ("والأردن" and "الأردن")
        if chain and not _AND.fullmatch(doc.text, chain[-1].end, m.start):
            if any(_same(x, place) for x in chain):
                break
            chain = []
        chain.append(m)
    if not any(_same(x, place) for x in chain):
        return []
    stops, seen = [], set(homes)
    for m in chain:
        if m.country not in seen:
            seen.add(m.country)
            stops.append(m)
    return stops if len(stops) >= 2 else []


def _same(a: Mention, b: Mention) -> bool:
    """The same words of the text (not merely the same place named twice)."""
    return a.start < b.end and b.start < a.end
