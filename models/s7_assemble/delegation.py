"""A delegation and the person heading it are one party.

"ويرأس وفد المملكة إلى الاجتماع ... عادل بن أحمد الجبير", "استقبل الرئيس وفدا برئاسة
زكريا تومار": the annotation counts a delegation "led by X" as X, so a meeting whose parties
are the delegation and its head is no meeting of two, and one with a third party lists
the head once. A delegation party ("وفد ...", "the ... delegation") is dropped from a
meeting whose sentence says someone heads a delegation ("برئاسة", "يرأس", "led by") and
that names a person among its other parties.
"""

from __future__ import annotations

import re

from models.mentions import Mention
from models.s1_document.normalize import fold, tokenize
from models.s7_assemble.candidate import Candidate

_DELEGATION = frozenset(fold(w) for w in ("وفد", "الوفد", "وفدا", "بعثة", "البعثة"))
_HEADS = frozenset(fold(w) for w in ("برئاسة", "بقيادة", "يرأس", "ترأس", "يترأس", "رأس",
                                     "يقود", "قاد"))  # fmt: skip
_LED = re.compile(r"\b(?:led|headed) by\b|\bheads? (?:the|a|an) [\w-]+ delegation", re.I)


def drop_led_delegations(text: str, cands: list[Candidate]) -> None:
    """Remove from each meeting the delegations its sentence says a person heads."""
    for cand in cands:
        if cand.type != "MEETING" or not cand.evidence:
            continue
        sentence = cand.evidence[0]
        if not _headed(text[sentence.start : sentence.end]):
            continue
        people = [m for r, m in cand.actors if r == "participant" and m.kind == "PERSON"]
        if not people:
            continue
        cand.actors = [
            (r, m) for r, m in cand.actors if not (r == "participant" and _delegation(m))
        ]


def _headed(sentence: str) -> bool:
    if _LED.search(sentence):
        return True
    words = [fold(t.surface) for t in tokenize(sentence)]
    return any(w in _HEADS or (w[:1] in "وف" and w[1:] in _HEADS) for w in words)


def _delegation(m: Mention) -> bool:
    if m.name is not None:
        return False
    words = [fold(w) for w in m.text.split()]
    head = words[1] if len(words) > 1 and words[0].lower() in ("a", "an", "the") else words[0]
    if head.lower() in ("delegation",):
        return True
    bare = head[1:] if head[:1] in "وفبل" and head[1:] in _DELEGATION else head
    return bare in _DELEGATION or (m.text.isascii() and words[-1].lower() == "delegation")
