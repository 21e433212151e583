"""An office named by title and country is the person the article names in it.

The role head often marks the short form a report uses after its first mention:
"الوزير الإيراني" (the Iranian minister) for "وزير الخارجية الإيراني محمد جواد ظريف",
"the Iraqi president" for "Iraqi President Jalal Talabani". Stage 2 resolves a
full title it knows ("وزير الخارجية المصري") to a named holder; the short forms
name no office of their own ("minister" of what?), so they are read here: the
nearest person of that country whose title the short form fits, the last one
before it when there is one (an earlier mention is what a short form points back
to), else the first after it (a headline before the name).

After merging, a visit made by offices alone ("وصل الرئيس الشيشاني") joins the one
visit its holder made to that place (:func:`fold_offices`).
"""

from __future__ import annotations

from functools import lru_cache

from models.mentions import Mention
from models.s1_document.normalize import fold, tokenize
from models.s2_entities.titles import localise, title_at
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.index import ArticleIndex
from models.s7_assemble.merge import absorb, status_ok, time_ok

# Head words of a short form → what a fitting canonical title contains.
_HEADS: dict[str, tuple[str, ...]] = {
    "Minister": ("وزير", "الوزير", "الوزيره", "وزيره", "minister"),
    "President": ("الرئيس", "رئيس", "president"),
    "King": ("الملك", "العاهل", "ملك", "king"),
    "Prince": ("الامير", "امير", "prince", "emir"),
    "Secretary": ("secretary",),
}
_SECRETARIES = ("Secretary of State", "Foreign Secretary", "Defense Secretary",
                "Defence Secretary")  # fmt: skip


@lru_cache(maxsize=1)
def _head_of() -> dict[str, str]:
    return {fold(w): head for head, words in _HEADS.items() for w in words}


def _wanted(surface: str) -> tuple[str | None, str | None]:
    """(full canonical title, short head) the span names; either may be None."""
    tokens = tokenize(surface)
    for i in range(len(tokens)):
        found = title_at(tokens, i)
        if found is not None:
            return found[0], None
    heads = [_head_of().get(fold(t.surface).lower()) for t in tokens]
    return None, next((h for h in heads if h is not None), None)


def _fits(title: str | None, full: str | None, head: str | None, country: str) -> bool:
    if title is None:
        return False
    if full is not None:
        return title in (full, localise(full, country))
    if head == "Minister":  # a US or British secretary holds a minister's office
        return "Minister" in title or title in _SECRETARIES
    if head == "Secretary":
        return "Secretary" in title
    return head is not None and head in title


def holder(surface: str, start: int, country: str, article: ArticleIndex) -> Mention | None:
    """The named person a title-and-country span at ``start`` stands for, or None."""
    full, head = _wanted(surface)
    if full is None and head is None:
        return None
    people = [
        p
        for p in article.of_country(("PERSON",), country)
        if not p.key.startswith("TITLE:") and _fits(p.title, full, head, country)
    ]
    before = [p for p in people if p.end <= start]
    if before:
        return before[-1]
    after = [p for p in people if p.start > start]
    return after[0] if after else None


def _office(m: Mention) -> tuple[str | None, str | None] | None:
    """(full title, short head) of a mention that is an office and no name ("الرئيس
    الشيشاني", "نائب الرئيس"), or None."""
    if m.name is not None or m.kind != "PERSON":
        return None
    tokens = tokenize(m.text)
    if not tokens or (
        _head_of().get(fold(tokens[0].surface).lower()) is None and title_at(tokens, 0) is None
    ):
        return None  # an office opens the span: "رئيس ..." (and not "بيتر ماور")
    full, head = _wanted(m.text)
    return (full, head) if full or head else None


def _named_visitors(cand: Candidate) -> list[Mention]:
    return [m for r, m in cand.actors if r == "visitor" and _office(m) is None]


def _same_place(a: Mention | None, b: Mention | None) -> bool:
    """One place, or a country and a place in it ("اليمن" and "صنعاء"); two cities of one
    country are two places (Jeddah and Medina)."""
    if a is None or b is None:
        return False
    return a.key == b.key or (f"GPE:{a.country}" in (a.key, b.key) and a.country == b.country)


def _same_visit(
    office: Candidate, other: Candidate, wanted: list[tuple[str | None, str | None]]
) -> bool:
    """Could ``other``, a visit by named people, be the one its office is said to make?"""
    if other.type != "VISIT" or other is office or not _named_visitors(other):
        return False
    if not (status_ok(office.status, other.status) and time_ok(office.time, other.time)):
        return False
    if not _same_place(office.location, other.location):
        return False
    # a holder whose title is known must hold the office; one with none may
    titled = [m for m in _named_visitors(other) if m.title]
    return not titled or any(
        _fits(m.title, full, head, m.country or "") for m in titled for full, head in wanted
    )


def fold_offices(cands: list[Candidate]) -> list[Candidate]:
    """A visit whose visitors are all offices ("وصل الرئيس الشيشاني إلى المدينة المنورة")
    joins the one other visit of the article to that place, by named people, whose
    status and time agree ("زار ... رمضان أحمد قاديروف ... المسجد النبوي بالمدينة
    المنورة"). Merging joins only visits sharing a visitor's key, and an office shares
    none with its holder's name. Two or more such visits leave it alone: whose office
    it is the article does not say."""
    out = list(cands)
    for cand in cands:
        visitors = [m for r, m in cand.actors if r == "visitor"]
        offices = [_office(m) for m in visitors]
        if cand.type != "VISIT" or not visitors or None in offices:
            continue
        wanted = [o for o in offices if o is not None]
        homes = [c for c in out if _same_visit(cand, c, wanted)]
        if len(homes) == 1:
            out.remove(cand)
            absorb(homes[0], cand)  # the office stays a visitor: the holder's name may be cut
    return out
