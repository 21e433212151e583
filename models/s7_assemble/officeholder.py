"""An office named by title and country is the person the article names in it.

The role head often marks the short form a report uses after its first mention:
"الوزير الإيراني" (the Iranian minister) for "وزير الخارجية الإيراني محمد جواد ظريف",
"the Iraqi president" for "Iraqi President Jalal Talabani". Stage 2 resolves a
full title it knows ("وزير الخارجية المصري") to a named holder; the short forms
name no office of their own ("minister" of what?), so they are read here: the
nearest person of that country whose title the short form fits, the last one
before it when there is one (an earlier mention is what a short form points back
to), else the first after it (a headline before the name).
"""

from __future__ import annotations

from functools import lru_cache

from models.mentions import Mention
from models.s1_document.normalize import fold, tokenize
from models.s2_entities.titles import localise, title_at
from models.s7_assemble.index import ArticleIndex

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
