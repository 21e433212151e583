"""The bare "kingdom" as a place: "المملكة", "للمملكة", "the Kingdom" with no name after it.

Saudi papers call their country "المملكة" (the kingdom) far more often than by name
("وصل كارتر إلى المملكة اليوم": Carter arrives in the kingdom today), and Jordanian or
Moroccan ones theirs. The gazetteer cannot list the bare word: which kingdom it is
depends on the article. Here it is the kingdom the article names most (its people
and places included), with a head start for Saudi Arabia in Arabic (see ``_home``);
an English "the Kingdom" in an article that names no kingdom stays unresolved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from models.mentions import Mention
from models.s1_document.normalize import (
    Token,
    fold,
    letter_offset,
    proclitic_variants,
    strip_article,
)
from models.s2_entities.gazetteer.countries import country_name

# Countries whose own press calls them "the kingdom" (ISO 3166-1 alpha-3).
KINGDOMS = frozenset({"SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR",
                      "DNK", "THA", "KHM", "BTN", "LSO", "SWZ", "TON"})  # fmt: skip
_WORD = "مملكه"  # folded, article stripped
_SAUDI_PRIOR = 1.5


def _is_kingdom(token: Token, before: Token | None, after: Token | None) -> int | None:
    """Letters of proclitic before a bare "kingdom" word, or None. Bare: no definite
    adjective after it ("المملكة المتحدة", "المملكة العربية السعودية" are names the
    gazetteer knows); in English "the Kingdom" with no "of" or name after it ("the
    Kingdom of Spain", "Kingdom Holding")."""
    word = fold(token.surface)
    if word.isascii():
        the = before is not None and before.surface.lower() == "the"
        named = after is not None and (after.surface == "of" or after.surface[:1].isupper())
        return 0 if token.surface == "Kingdom" and the and not named else None
    lead = 0 if strip_article(word) == _WORD and word.startswith("ال") else None
    if lead is None:
        lead = next((k for k, rest in proclitic_variants(token.surface) if rest == _WORD), None)
    if lead is None or after is None:
        return lead
    nxt = fold(after.surface)  # "العربيه", "الاردنيه", "المتحده": the name goes on
    return None if nxt.startswith("ال") and nxt.endswith(("يه", "ده")) else lead


def _home(mentions: Sequence[Mention], arabic: bool) -> str | None:
    """The kingdom the article names most; ties go to the one named first. In Arabic,
    Saudi Arabia starts with a head start of one and a half mentions: the Saudi press is
    by far the largest user of the bare word and often never names its own country in
    an article ("يصل كارتر إلى المملكة اليوم ... وزار كارتر إسرائيل والأردن": the
    kingdom is Saudi Arabia, though only Jordan is named)."""
    counts: dict[str, float] = dict(
        Counter(m.country for m in mentions if m.country is not None and m.country in KINGDOMS)
    )
    if arabic:
        counts["SAU"] = counts.get("SAU", 0) + _SAUDI_PRIOR
    if not counts:
        return None
    first: dict[str, int] = {}
    for m in mentions:
        if m.country is not None:
            first.setdefault(m.country, m.start)
    return max(counts, key=lambda c: (counts[c], -first.get(c, 0)))


def resolve(text: str, mentions: list[Mention], tokens: Sequence[Token]) -> list[Mention]:
    """``mentions`` plus a GPE mention of the article's kingdom for every bare "kingdom"
    word, replacing any unknown-name mention over it (the entity head's "للمملكة")."""
    # the tokens' stored folded forms: no folding of every word of every article here
    words = [(i, t) for i, t in enumerate(tokens) if "مملك" in t.norm or t.surface == "Kingdom"]
    if not words:
        return mentions
    home = _home(mentions, arabic=any(not t.surface.isascii() for _, t in words))
    if home is None:
        return mentions
    named = {i for m in mentions if m.name for i in range(m.start, m.end)}
    found = []
    for i, token in words:
        if token.start in named:
            continue
        before = tokens[i - 1] if i > 0 else None
        lead = _is_kingdom(token, before, tokens[i + 1] if i + 1 < len(tokens) else None)
        if lead is None:
            continue
        # "بالمملكة" names "المملكة"; in "للمملكة" the article's alef is gone: keep it whole
        glued = fold(token.surface)[lead : lead + 2] == "ال"
        start = token.start + (letter_offset(token.surface, lead) if glued else 0)
        found.append(
            Mention(start, token.end, text[start : token.end], "GPE", f"GPE:{home}",
                    country_name(home), home)
        )  # fmt: skip
    if not found:
        return mentions
    spans = [(m.start, m.end) for m in found]
    kept = [m for m in mentions if m.name or not any(m.start < b and a < m.end for a, b in spans)]
    return sorted([*kept, *found], key=lambda m: m.start)
