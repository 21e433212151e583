"""A delegation and the person heading it are one party.

"ويرأس وفد المملكة إلى الاجتماع ... عادل بن أحمد الجبير", "استقبل الرئيس وفدا برئاسة
زكريا تومار": the annotation counts a delegation "led by X" as X, so a meeting whose parties
are the delegation and its head is no meeting of two, and one with a third party lists
the head once. A delegation party ("وفد ...", "the ... delegation") is dropped from a
meeting whose sentence says someone heads a delegation ("برئاسة", "يرأس", "led by") and
that names a person among its other parties. After merging, a visit by unnamed
delegations alone joins the one visit by a named person to that place
(:func:`fold_delegations`, as :func:`models.s7_assemble.officeholder.fold_offices` does for
offices).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from models.mentions import Mention, Sentence
from models.s1_document.normalize import fold
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.merge import absorb, place_ok, status_ok, time_ok

if TYPE_CHECKING:
    from models.s1_document.document import Document

_DELEGATION = frozenset(fold(w) for w in ("وفد", "وفدا", "بعثة"))
_HEADS = frozenset(fold(w) for w in ("برئاسة", "بقيادة", "يرأس", "ترأس", "يترأس", "رأس",
                                     "يقود", "قاد"))  # fmt: skip
_LED = re.compile(r"\b(?:led|headed) by\b|\bheads? (?:the|a|an) [\w-]+ delegation", re.I)


def drop_led_delegations(doc: Document, cands: list[Candidate]) -> None:
    """Remove from each meeting the delegations its sentence says a person heads."""
    headed: dict[int, bool] = {}  # by sentence start: several meetings share a sentence
    for cand in cands:
        if cand.type != "MEETING" or not cand.evidence:
            continue
        sentence = cand.evidence[0]
        if sentence.start not in headed:
            headed[sentence.start] = _headed(doc, sentence)
        if not headed[sentence.start]:
            continue
        people = [m for r, m in cand.actors if r == "participant" and m.kind == "PERSON"]
        if not people:
            continue
        cand.actors = [
            (r, m) for r, m in cand.actors if not (r == "participant" and _delegation(m))
        ]


def _headed(doc: Document, sentence: Sentence) -> bool:
    if _LED.search(sentence.text):
        return True
    words = [fold(t.surface) for t in doc.sentence_tokens(doc.sentence_index(sentence))]
    return any(w in _HEADS or (w[:1] in "وف" and w[1:] in _HEADS) for w in words)


def _delegation(m: Mention) -> bool:
    if m.name is not None:
        return False
    words = [fold(w) for w in m.text.split()]
    head = words[1] if len(words) > 1 and words[0].lower() in ("a", "an", "the") else words[0]
    if head.lower() in ("delegation",):
        return True
    return delegation_word(head) or (m.text.isascii() and words[-1].lower() == "delegation")


def delegation_word(word: str) -> bool:
    """A folded word for a delegation ("وفد", "الوفد", "وفدا", "بعثة"), behind a glued
    proclitic or not."""
    bare = word[1:] if word[:1] in "وفبل" and word[1:].removeprefix("ال") in _DELEGATION else word
    return bare.removeprefix("ال") in _DELEGATION


def fold_delegations(cands: list[Candidate]) -> list[Candidate]:
    """A visit whose visitors are all unnamed delegations ("يزور وفد من الائتلاف الوطني
    موسكو") joins the one other visit of the article to that place by a named person whose
    status and time agree ("وسيكون بقيادة خالد خوجة"): the delegation is his. With two or
    more such visits it stays: whose delegation it is the article does not say."""
    out = list(cands)
    for cand in cands:
        visitors = [m for r, m in cand.actors if r == "visitor"]
        if cand.type != "VISIT" or not visitors or not all(_delegation(m) for m in visitors):
            continue
        homes = [c for c in out if _same_visit(cand, c)]
        if len(homes) == 1:
            out.remove(cand)
            absorb(homes[0], cand)
    return out


def _same_visit(delegation: Candidate, other: Candidate) -> bool:
    if other is delegation or other.type != "VISIT":
        return False
    named = [
        m for r, m in other.actors if r == "visitor" and m.kind == "PERSON" and not _delegation(m)
    ]
    if not named or delegation.location is None or other.location is None:
        return False
    return (
        place_ok(delegation.location, other.location)
        and status_ok(delegation.status, other.status)
        and time_ok(delegation.time, other.time)
    )
