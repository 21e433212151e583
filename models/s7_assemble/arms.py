"""Arms-transfer roles: supplier, recipient and the items that moved.

"من X إلى Y" / "from X to Y"; a demonym right after the weapon noun
("الصواريخ الكورية الشمالية إلى روسيا", "North Korean missiles") names the
supplier; the subject supplies for give-verbs and receives for take-verbs
(``past_in`` triggers), and a give-verb's unmarked object receives.
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s1_document.normalize import is_arabic
from models.s2_entities.items import find_items
from models.s7_assemble.candidate import PARTY_KINDS, PLACE_KINDS, Candidate
from models.s7_assemble.context import SentenceView
from models.s7_assemble.roles import is_title_complement, subject
from models.s7_assemble.suppliers import home_country, offer_parties
from models.schema import Role

_ACTOR_KINDS = PARTY_KINDS + PLACE_KINDS
_RECEIVE_WORDS = frozenset(
    (
        *("received", "bought", "purchased", "acquired", "obtained", "receiving"),
        *("buy", "buying", "purchase", "purchases", "took", "take", "taking"),
        *("شراء", "استيراد", "يشتري", "تشتري", "سيشتري", "ستشتري", "استورد", "استوردت"),
        *("تسلم", "تسلمت", "استلم", "استلمت", "تلقى", "تلقت", "اشترى", "اشترت", "حصل", "حصلت"),
    )
)


# Verbal nouns whose genitive is the recipient: "تسليح المتمردين", "arming the rebels".
_OBJECT_FIRST = frozenset(("تسليح", "تزويد", "arming"))


def _object_first(view: SentenceView, trigger: Trigger, actors: list[Mention]) -> Mention | None:
    if trigger.text.split()[-1].lower().lstrip("وفب") not in _OBJECT_FIRST:
        return None
    after = [m for m in actors if m.start >= trigger.end and view.marks.get(m.start) is None]
    near = view.after(trigger.end)[:3]
    return after[0] if after and near and after[0].start <= near[-1].start else None


def _receiving(trigger: Trigger) -> bool:
    # Any word counts: "has received", "took delivery".
    return any(w.lower().lstrip("وف") in _RECEIVE_WORDS for w in trigger.text.split())


def _actors(view: SentenceView, trigger: Trigger) -> list[Mention]:
    clause = view.clause_of(trigger.start)
    return [
        m
        for m in view.in_clause(clause)
        if m.kind in _ACTOR_KINDS and not is_title_complement(view, m)
    ]


def _demonym_supplier(view: SentenceView, trigger: Trigger) -> Mention | None:
    """A country adjective glued to a weapon noun: "الصواريخ الكورية", "North Korean missiles"."""
    clause = view.clause_of(trigger.start)
    for hit, _item in find_items(view.tokens, _text(view)):
        # Arabic adjectives follow the noun ("الصواريخ الكورية"), English ones precede it.
        arabic = is_arabic(view.text[hit.start : hit.end])
        for m in view.in_clause(clause):
            follows = 0 <= m.start - hit.end <= 1
            precedes = 0 <= hit.start - m.end <= 1
            if m.kind in PLACE_KINDS and (follows if arabic else precedes):
                return m
    return None


def _text(view: SentenceView) -> str:
    return view.text


def arms(view: SentenceView, trigger: Trigger, cand: Candidate) -> None:
    """Fill supplier, recipient, items and delivery place of an arms transfer."""
    actors = _actors(view, trigger)
    marked = {m.start: view.marks.get(m.start) for m in actors}
    offered = offer_parties(view, trigger)
    if offered is not None:  # "عرضت فرنسا على الكويت بيع"
        cand.add("supplier", offered[0])
        cand.add("recipient", offered[1])
    cand.add("recipient", _object_first(view, trigger, actors))
    cand.add("supplier", next((m for m in actors if marked[m.start] == "from"), None))
    if not cand.keys("supplier") and not _receiving(trigger):
        cand.add("supplier", home_country(view, trigger))  # "أن بلاده سلمت مصر"
    if not cand.keys("supplier"):
        cand.add("supplier", _demonym_supplier(view, trigger))
    if not cand.keys("recipient"):
        to = [m for m in actors if marked[m.start] == "to" and m.start >= trigger.start]
        cand.add("recipient", to[0] if to else None)
    subj = subject(view, trigger, _ACTOR_KINDS)
    role: Role = "recipient" if _receiving(trigger) else "supplier"
    taken = cand.keys("supplier") | cand.keys("recipient")
    if subj is not None and not cand.keys(role) and subj.key not in taken:
        cand.add(role, subj)
    if not cand.keys("recipient") and not _receiving(trigger):
        objects = [
            m
            for m in actors
            if m.start >= trigger.end
            and marked[m.start] is None
            and m.key not in cand.keys("supplier")
        ]
        cand.add("recipient", objects[0] if objects else None)
    clause = view.clause_of(trigger.start)
    cand.items = [
        item
        for hit, item in find_items(view.tokens, _text(view))
        if clause.start <= hit.start < clause.end
    ]
