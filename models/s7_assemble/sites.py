"""The site an Arabic visit verb names as its object: "زار ... مقر لجان إجراء المقابلات"
(visited the headquarters of the interview committees), "زار المهرجان" (visited the
festival).

Officials' visits at home go to a building, a project or a fair, which the entity head
tags as no place; the annotation counts them, with the site as the destination. Only
a visit verb's own object is taken ("زار" governs it directly, with no preposition),
and only for a visit the core read with a visitor and neither a place nor a host.
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s1_document.normalize import Token, fold
from models.s2_entities.titled import SKIP
from models.s2_entities.titles import title_starts
from models.s7_assemble.candidate import PLACE_KINDS, Candidate
from models.s7_assemble.context import SentenceView

_VISIT_VERBS = frozenset(fold(w) for w in ("زار", "زارت", "زاروا", "يزور", "تزور", "يزوران"))
_SITE_WORDS = 4  # "مقر لجان إجراء المقابلات"
# Words that end the object: prepositions, conjunctions, time words.
_ENDS = frozenset(fold(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "مع", "حيث", "و", "أمس", "اليوم", "الذي", "التي",
    "برفقة", "يرافقه", "وذلك", "خلال", "بعد", "قبل", "عقب", "ظهر", "صباح", "مساء",
))  # fmt: skip


# A site is a definite noun or a building's or project's construct noun.
_SITE_STARTS = tuple(fold(w) for w in ("ال", "مقر", "مبنى", "مشروع", "مستشفى", "مركز"))


# Offices that open a person's name and that neither the title lexicon's first words nor
# stage 2's honorifics hold ("فضيلة الشيخ", "معالي", "وكيل الوزارة").
_MORE_TITLES = frozenset(fold(w) for w in (
    "د", "فضيلة", "معالي", "سمو", "صاحب", "عقيد", "مدير", "محافظ", "وكيل", "مساعد",
))  # fmt: skip


def _title(word: str) -> bool:
    bare = word.removeprefix("ال")
    starts = title_starts()
    return word in starts or bare in starts or bare in SKIP or bare in _MORE_TITLES


def _verb(trigger: Trigger) -> bool:
    word = fold(trigger.text.strip())
    return word in _VISIT_VERBS or (word[:1] in "وف" and word[1:] in _VISIT_VERBS)


def object_site(view: SentenceView, trigger: Trigger, cand: Candidate) -> Mention | None:
    """The definite noun phrase right after the verb (after the visitor, when the visitor
    is named right after it), up to four words, as an unknown place; or None."""
    if cand.type != "VISIT" or not _verb(trigger) or cand.location or cand.keys("host"):
        return None
    visitors = [m for r, m in cand.actors if r == "visitor"]
    if not visitors:
        return None
    start = trigger.end
    for m in sorted(visitors, key=lambda m: m.start):
        between = [t for t in view.after(trigger.end) if t.end <= m.start]
        if m.start >= trigger.end and all(_title(fold(t.surface)) for t in between):
            start = m.end  # "زار الوزير العثمان مقر ...": the visitor, then the site
            break
    ahead = view.after(start)[:1]
    covering = [m for m in view.mentions if ahead and m.start <= ahead[0].start < m.end]
    if covering:  # a place the entity head tagged and the role head left out
        return covering[0] if covering[0].kind in PLACE_KINDS else None
    words: list[Token] = []
    for token in view.after(start):
        word = fold(token.surface)
        taken = any(m.start <= token.start < m.end for m in view.mentions)
        if not token.surface[:1].isalpha() or word in _ENDS or taken or _title(word):
            break  # "المعرض الدولي الشيخ سعود": a title opens the visitor's name
        if not words and not word.startswith(_SITE_STARTS):
            return None
        words.append(token)
        if len(words) == _SITE_WORDS:
            break
    if not words:
        return None
    a, b = words[0].start, words[-1].end
    return Mention(a, b, view.text[a:b], "LOC", f"LOC:~{fold(view.text[a:b])}")
