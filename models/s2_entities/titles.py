"""Office titles written next to a person's name, in Arabic and English.

The lexicon (``gazetteer/titles.tsv``) maps written forms to a canonical English
title, looked up by normalised token sequence, so "وزيرة خارجية" and "وزير
الخارجية" both read "Foreign Minister". :func:`attach_titles` gives each person
mention the title and country adjective written around it:
"وزير الخارجية الروسي X", "وزيرة خارجية كوريا الشمالية X", "Russian Foreign
Minister X", "North Korea's foreign minister X", "X, the Russian foreign minister".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from models.mentions import Mention
from models.s1_document.normalize import Token, norm_phrase, proclitic_variants
from models.s2_entities.titled import skip_back

LEXICON = Path(__file__).parent / "gazetteer" / "titles.tsv"
Span = tuple[int, int]  # a mention's token span [first, last)

# Titles each country uses for the same office.
_LOCAL = {
    ("Foreign Minister", "USA"): "Secretary of State",
    ("Defence Minister", "USA"): "Defense Secretary",
    ("Foreign Minister", "GBR"): "Foreign Secretary",
    ("Defence Minister", "GBR"): "Defence Secretary",
    ("Prince", "QAT"): "Emir",
    ("Prince", "KWT"): "Emir",
}
_ATTRIBUTING = ("GPE", "ORG", "LOC")


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[tuple[str, ...], str], int]:
    """Normalised written form → title, and the longest form in tokens."""
    table: dict[tuple[str, ...], str] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            title, forms = line.split("\t")
            table.update({norm_phrase(form): title for form in forms.split("|")})
    return table, max(len(k) for k in table)


@lru_cache(maxsize=1)
def title_starts() -> frozenset[str]:
    """Normalised words that begin some title form."""
    return frozenset(form[0] for form in lexicon()[0] if form)


def _first_forms(tok: Token) -> tuple[str, ...]:
    """Readings of ``tok`` that begin some title: the first word of a title may carry
    a proclitic ("ووزير" → "وزير"). Most words begin none, so callers stop at once."""
    return _starting_forms(tok.surface, tok.norm)


@lru_cache(maxsize=1 << 16)
def _starting_forms(surface: str, norm: str) -> tuple[str, ...]:
    """:func:`_first_forms` of a word (cached: asked of nearly every word)."""
    forms = (norm, *(rest for _k, rest in proclitic_variants(surface)))
    starts = title_starts()
    return tuple(form for form in forms if form in starts)


def title_before(tokens: Sequence[Token], end: int) -> tuple[str, int] | None:
    """Longest title whose tokens end just before index ``end``: (title, start index)."""
    table, longest = lexicon()
    for length in range(min(longest, end), 0, -1):
        start = end - length
        firsts = _first_forms(tokens[start])
        if not firsts:
            continue
        rest = tuple(t.norm for t in tokens[start + 1 : end])
        for first in firsts:
            title = table.get((first, *rest))
            if title:
                return title, start
    return None


def title_at(
    tokens: Sequence[Token], start: int, stop: int | None = None
) -> tuple[str, int] | None:
    """Longest title starting at index ``start`` (ending by ``stop``): (title, end index).
    The first word may carry a proclitic ("ووزير الخارجية")."""
    limit = len(tokens) if stop is None else stop
    if start >= limit:
        return None
    # Asked of nearly every word, and most begin no title: answer those first.
    firsts = _first_forms(tokens[start])
    if not firsts:
        return None
    table, longest = lexicon()
    for length in range(min(longest, limit - start), 0, -1):
        rest = tuple(t.norm for t in tokens[start + 1 : start + length])
        for first in firsts:
            title = table.get((first, *rest))
            if title:
                return title, start + length
    return None


def localise(title: str | None, country: str | None) -> str | None:
    """A country's own name for a generic title (a US "Foreign Minister" is the
    "Secretary of State")."""
    if title is None or country is None:
        return title
    return _LOCAL.get((title, country), title)


def attach_titles(
    tokens: Sequence[Token], spans: list[Span], mentions: list[Mention], defaults: bool
) -> list[Mention]:
    """Give people the title and country written around them; mark the mentions
    used as attribution ``in_title``. ``defaults``: fall back to the gazetteer's title."""
    by_end = {last: k for k, (_first, last) in enumerate(spans)}
    by_start = {first: k for k, (first, _last) in enumerate(spans)}
    out = list(mentions)
    for k, (first, last) in enumerate(spans):
        if mentions[k].kind != "PERSON" or mentions[k].key.startswith("TITLE:"):
            continue  # a title-only party carries its own title and country
        title, country, used = _before(tokens, spans, first, by_end, mentions)
        if title is None and not used:
            title, country, used = _after(tokens, spans, last, by_start, mentions)
        title = title or _inside(tokens, first, last)
        for j in used:
            out[j] = replace(out[j], in_title=True)
        own = mentions[k].country or country
        fallback = mentions[k].title if defaults else None
        out[k] = replace(mentions[k], title=localise(title, own) or fallback, country=own)
    return out


def _inside(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """A title that is part of the alias ("King Salman", "Crown Prince Mohammed ...")."""
    inside = title_at(tokens, first, last)
    if inside is None:
        return None
    longer = title_before(tokens, inside[1])  # "Crown" + alias "Prince Mohammed bin Salman"
    return longer[0] if longer else inside[0]


def _before(
    tokens: Sequence[Token], spans: list[Span], pos: int, by_end: dict[int, int], ms: list[Mention]
) -> tuple[str | None, str | None, list[int]]:
    used: list[int] = []
    country: str | None = None
    pos = skip_back(tokens, pos)  # "وزير الخارجية الأسبق الدكتور X"
    j = by_end.get(pos)
    if j is not None and ms[j].kind in _ATTRIBUTING:  # "وزير الخارجية الروسي" X
        used, country, pos = [j], ms[j].country, spans[j][0]
    found = title_before(tokens, skip_back(tokens, pos))
    if found is None:  # "نظيرها الروسي X": keep only an adjective
        demonyms = [c for c in used if ms[c].demonym]
        return None, country if demonyms else None, demonyms
    title, pos = found
    if pos >= 1 and tokens[pos - 1].norm == "s":  # "North Korea's"
        pos -= 1
    j = by_end.get(pos)
    if country is None and j is not None and ms[j].kind in _ATTRIBUTING:
        used.append(j)
        country = ms[j].country
    return title, country, used


def _after(
    tokens: Sequence[Token],
    spans: list[Span],
    pos: int,
    by_start: dict[int, int],
    ms: list[Mention],
) -> tuple[str | None, str | None, list[int]]:
    """ "Lavrov, the Russian foreign minister" (English apposition)."""
    if pos < len(tokens) and tokens[pos].norm == "the":
        pos += 1
    j = by_start.get(pos)
    if j is None or not ms[j].demonym:
        return None, None, []
    found = title_at(tokens, spans[j][1])
    return (found[0], ms[j].country, [j]) if found else (None, None, [])
