"""Spans the role head reads as parties that the annotation never counts as one.

- An adjective of the meeting and nothing else ("وعقد اجتماع تشاوري مع المقرن": the
  consultative meeting, not a party "تشاوري"); none of the Arabic training role spans is one.
- A form of address and nothing else ("أصحاب السمو والمعالي", "سموه", "His Excellency"):
  none of the 3,260 role spans of the Arabic training lines is one; the name after it is
  the party, and a pronoun the gazetteer did not resolve names nobody.
- A city glued to the preposition "ب" (in) beside a meeting ("استقبل النادي أبناء دار
  التربية بالرياض", the club received the children of the Riyadh home): the place the
  meeting was held, not a party to it. A country may stand for its government; a city
  with "in" before it is where something happened.
- An Arabic span cut at a preposition or a conjunction ("إدارة التعليم في", "عدد من") or
  opening with one ("من مختلف الدول"): the role head ran a name into the next phrase or
  took a phrase for a name; a party is a noun phrase. (English spans are left alone: the
  same test lost on the held-out English lines.) So is one opening with a complementiser
  ("بأنه يجري التحضير") or a month's name ("ونيسان (إبريل").
- A participant that is one side of relations or cooperation "between" two parties ("بحث
  العلاقات ... بين الإمارات واليمن"): the topic of the talks, not who held them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from models.mentions import Mention
from models.s1_document.normalize import fold
from models.s7_assemble.build import is_city
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.context import marked, markers


def drop_non_parties(text: str, cands: Iterable[Candidate]) -> None:
    """Remove from each candidate the actors that are a form of address or an adjective
    of the meeting alone or a cut span, and the meeting participants that are a city
    after "ب" (in)."""
    for cand in cands:
        cand.actors = [
            (role, m)
            for role, m in cand.actors
            if not honorific(m)
            and not manner(m)
            and not cut(m.text)
            and not month(m.text)
            and not (role == "participant" and topic(text, m))
            and not (cand.type == "MEETING" and role == "participant" and _city_in(text, m))
        ]


def honorific(m: Mention) -> bool:
    """Every word of the span is a word of address and the gazetteer knows no one by it."""
    return _only(m, "honorific")


def manner(m: Mention) -> bool:
    """Every word of the span describes the meeting ("تشاوري", "الموسع", "bilateral")."""
    return _only(m, "manner")


def _only(m: Mention, label: str) -> bool:
    """Every word of a span the gazetteer does not know is one of ``label``'s markers."""
    if m.name is not None:
        return False
    words = [fold(w.strip(".,;:«»\"'()")).lower() for w in m.text.split()]
    return bool(words) and all(marked(label, w) for w in words if w)


# Words a party cannot end with, or open with, as written: folding would make "على" (on)
# the name "علي" (Ali), so neither list has it. "بـ"/"لـ": a proclitic written apart with
# a tatweel ("مستشفى الملك فهد العام القائمة بـ").
_OPEN_ENDS = frozenset(("من", "في", "إلى", "الى", "عن", "مع", "بين", "و", "بـ", "لـ"))
_OPENERS = frozenset(("من", "في", "إلى", "الى", "عن", "أثناء", "خلال", "لدى", "عند", "حول", "ضد",
                      "أن", "بأن", "بأنه", "أنه", "إن", "إنه"))  # fmt: skip


def cut(surface: str) -> bool:
    """The span ends or opens with a preposition or a conjunction."""
    words = [w.strip(".,;:«»\"'()،") for w in surface.split()]
    words = [w for w in words if w]
    return len(words) >= 2 and (words[-1] in _OPEN_ENDS or words[0] in _OPENERS)


# Month names, Gregorian and Levantine ("ونيسان (إبريل" was read as a party of talks).
_MONTHS = frozenset(fold(w) for w in (
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس",
    "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار",
    "حزيران", "تموز", "أيلول", "تشرين"))  # fmt: skip


def month(surface: str) -> bool:
    """The span opens with a month's name (bare or after "و")."""
    words = [w.strip(".,;:«»\"'()،") for w in surface.split()]
    first = fold(words[0]) if words and words[0] else ""
    return first in _MONTHS or (first[:1] == "و" and first[1:] in _MONTHS)


# "بحث العلاقات الأخوية القائمة بين الإمارات واليمن": what was discussed, not who met. Of
# 59 Arabic training lines with relations or cooperation "between" X and Y, 2 make X or Y a
# party (an agreement "signed between" them; "the two ministries").
_TOPIC = re.compile(
    r"(?:العلاقات|علاقات|التعاون|تعاون)\S*(?:\s+\S+){0,3}\s+و?بين\s+(?:[^\s،,.]+\s+){0,4}و?$"
)


def topic(text: str, m: Mention) -> bool:
    """The participant is one of the two sides of relations or cooperation "between"."""
    return bool(_TOPIC.search(text[max(m.start - 80, 0) : m.start]))


def _city_in(text: str, m: Mention) -> bool:
    """A known city written with "ب" (in) glued before it, inside or just before the span."""
    if not is_city(m):
        return False
    glued = markers()["in"]["proclitic"]
    if m.text[:1] in glued and fold(m.text[1:]) in {fold(a) for a in (m.name, *m.aliases) if a}:
        return True
    before = text[max(m.start - 2, 0) : m.start]
    return m.start >= 1 and before[-1:] in glued and (m.start == 1 or not before[:1].isalnum())
