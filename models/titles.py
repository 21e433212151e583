"""Office titles written next to a person's name, in Arabic and English.

``TITLES`` maps each written form to a canonical English title; lookup is by
normalised token sequence (so "وزيرة خارجية" and "وزير الخارجية" both read
"Foreign Minister"). :func:`title_before` finds the longest title ending at a
token position; :func:`localise` adapts a title to the country's own usage
(a US "Foreign Minister" is the "Secretary of State").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from models.text.normalize import Token, norm_phrase, proclitic_variants

_RAW: dict[str, tuple[str, ...]] = {
    "Foreign Minister": (
        "وزير الخارجية", "وزيرة الخارجية", "وزير خارجية", "وزيرة خارجية", "وزير الشؤون الخارجية",
        "foreign minister", "minister of foreign affairs", "foreign affairs minister",
    ),
    "Deputy Foreign Minister": ("نائب وزير الخارجية", "نائب وزير خارجية", "deputy foreign minister"),
    "Secretary of State": ("secretary of state", "وزير الخارجية الأمريكي", "وزير الخارجية الأميركي"),
    "Foreign Secretary": ("foreign secretary",),
    "Defence Minister": (
        "وزير الدفاع", "وزيرة الدفاع", "وزير دفاع", "وزيرة دفاع", "defence minister",
        "defense minister", "minister of defence", "minister of defense",
    ),
    "Defense Secretary": ("defense secretary", "secretary of defense", "defence secretary",
                          "war secretary", "secretary of war"),
    "Interior Minister": ("وزير الداخلية", "وزيرة الداخلية", "interior minister"),
    "Finance Minister": ("وزير المالية", "وزيرة المالية", "finance minister"),
    "Energy Minister": ("وزير الطاقة", "energy minister"),
    "Prime Minister": (
        "رئيس الوزراء", "رئيسة الوزراء", "رئيس وزراء", "رئيسة وزراء", "رئيس الحكومة",
        "رئيسة الحكومة", "prime minister", "premier",
    ),
    "Deputy Prime Minister": ("نائب رئيس الوزراء", "deputy prime minister"),
    "President": ("الرئيس", "الرئيسة", "رئيس الجمهورية", "رئيس دولة", "president"),
    "Vice President": ("نائب الرئيس", "نائب رئيس الجمهورية", "vice president", "vice-president"),
    "King": ("الملك", "العاهل", "خادم الحرمين الشريفين", "king"),
    "Queen": ("الملكة", "queen"),
    "Crown Prince": ("ولي العهد", "ولي عهد", "crown prince"),
    "Prince": ("الأمير", "prince"),
    "Emir": ("emir", "amir"),
    "Sultan": ("السلطان", "sultan"),
    "Chancellor": ("المستشار", "المستشارة", "chancellor"),
    "Supreme Leader": ("المرشد الأعلى", "المرشد", "supreme leader"),
    "Leader": ("الزعيم", "زعيم", "leader"),
    "Secretary-General": ("الأمين العام", "secretary general", "secretary-general"),
    "Spokesperson": (
        "المتحدث باسم", "المتحدثة باسم", "الناطق باسم", "الناطقة باسم", "المتحدث الرسمي باسم",
        "المتحدث الرسمي", "spokesman", "spokeswoman", "spokesperson",
    ),
    "National Security Adviser": ("مستشار الأمن القومي", "national security adviser",
                                  "national security advisor"),
    "Ambassador": ("السفير", "السفيرة", "سفير", "ambassador"),
    "Envoy": ("المبعوث", "المبعوث الخاص", "مبعوث", "envoy", "special envoy"),
    "Chief of General Staff": ("رئيس الأركان", "رئيس هيئة الأركان", "chief of general staff",
                               "chief of staff", "army chief"),
    "General": ("الجنرال", "general", "gen"),
    "Field Marshal": ("المشير", "field marshal"),
    "Pope": ("البابا", "pope"),
    "Speaker": ("رئيس مجلس النواب", "رئيس البرلمان", "speaker"),
}  # fmt: skip

# Titles each country uses for the same office.
_LOCAL = {
    ("Foreign Minister", "USA"): "Secretary of State",
    ("Defence Minister", "USA"): "Defense Secretary",
    ("Foreign Minister", "GBR"): "Foreign Secretary",
    ("Defence Minister", "GBR"): "Defence Secretary",
    ("Prince", "QAT"): "Emir",
    ("Prince", "KWT"): "Emir",
    ("Chancellor", "DEU"): "Chancellor",
}


@lru_cache(maxsize=1)
def _index() -> tuple[dict[tuple[str, ...], str], int]:
    table = {norm_phrase(form): title for title, forms in _RAW.items() for form in forms}
    return table, max(len(k) for k in table)


def _first_forms(tok: Token) -> list[str]:
    """The first word of a title may carry a proclitic: "ووزير" → "وزير"."""
    return [tok.norm, *(rest for _k, rest in proclitic_variants(tok.surface))]


def title_before(tokens: Sequence[Token], end: int) -> tuple[str, int] | None:
    """Longest title whose tokens end just before index ``end``: (title, start index)."""
    table, longest = _index()
    for length in range(min(longest, end), 0, -1):
        start = end - length
        rest = tuple(t.norm for t in tokens[start + 1 : end])
        for first in _first_forms(tokens[start]):
            title = table.get((first, *rest))
            if title:
                return title, start
    return None


def title_at(tokens: Sequence[Token], start: int) -> tuple[str, int] | None:
    """Longest title starting at index ``start``: (title, end index)."""
    table, longest = _index()
    for length in range(min(longest, len(tokens) - start), 0, -1):
        title = table.get(tuple(t.norm for t in tokens[start : start + length]))
        if title:
            return title, start + length
    return None


def localise(title: str | None, country: str | None) -> str | None:
    """A country's own name for a generic title."""
    if title is None or country is None:
        return title
    return _LOCAL.get((title, country), title)
