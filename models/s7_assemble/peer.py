"""A counterpart named by country alone is the article's holder of that office there:
"وزير الخارجية المصري سامح شكري ونظيره الأمريكي أطلقا ..." (the Egyptian foreign
minister and his American counterpart launched ...) is a meeting with Kerry, whom the
article named two sentences before; "Lavrov and his Saudi counterpart" likewise.

The role head reads the words "نظيره الأمريكي" as no party (they name nobody), so the
meeting keeps one participant and is dropped. The counterpart holds the participant's
office in the country the demonym names: the person of that country whose title is the
same office (a foreign minister's counterpart may be a secretary of state).
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s1_document.normalize import fold
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.context import SentenceView

_COUNTERPART = frozenset(fold(w) for w in ("نظيره", "نظيرها", "نظيريه", "نظيرتها", "نظيرته"))
_OWNERS = frozenset(("his", "her", "its"))
# Offices that are one office in another country's name.
_SAME_OFFICE = (
    frozenset(("Foreign Minister", "Secretary of State", "Foreign Secretary")),
    frozenset(("Defense Minister", "Defence Minister", "Defense Secretary", "Defence Secretary")),
)


def _counterpart_word(word: str) -> bool:
    folded = fold(word)
    return folded in _COUNTERPART or (folded[:1] in "وبلف" and folded[1:] in _COUNTERPART)


def _countries(view: SentenceView) -> list[tuple[int, str]]:
    """(offset, country) of each "his X counterpart" / "نظيره X" in the sentence."""
    demonyms = {m.start: m for m in view.mentions if m.demonym and m.country}
    by_end = {m.end: m for m in demonyms.values()}
    out = []
    tokens = view.tokens
    for i, token in enumerate(tokens):
        if _counterpart_word(token.surface) and i + 1 < len(tokens):
            m = demonyms.get(tokens[i + 1].start)  # "نظيره الأمريكي"
        elif token.surface.lower() == "counterpart" and i >= 2:
            m = by_end.get(tokens[i - 1].end)  # "his Saudi counterpart"
            m = m if m and tokens[i - 2].surface.lower() in _OWNERS else None
        else:
            continue
        if m is not None and m.country is not None:
            out.append((token.start, m.country))
    return out


def _same_office(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _SAME_OFFICE)


def peer(view: SentenceView, trigger: Trigger, cand: Candidate) -> Mention | None:
    """The holder a meeting's "his American counterpart" names, or None: the article's
    nearest person (the last one before, else the first after) of that country who
    holds the office of the titled participant named before the word."""
    if cand.type != "MEETING":
        return None
    titled = [m for r, m in cand.actors if r == "participant" and m.title and m.country]
    for at, country in _countries(view):
        owners = [m for m in titled if m.end <= at and m.country != country]
        if not owners:
            continue
        office = owners[-1].title or ""
        people = [
            p
            for p in view.article.of_country(("PERSON",), country)
            if p.name is not None and p.title and _same_office(p.title, office)
        ]
        before = [p for p in people if p.end <= at]
        if before or people:
            return before[-1] if before else people[0]
    return None
