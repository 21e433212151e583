"""Gazetteer-based entity mentions with canonical names, countries and titles.

:class:`EntityFinder` matches normalised token sequences against the gazetteer
(longest match first, Arabic proclitics و ف ب ل ك stripped from the first word),
then attaches titles and country adjectives written next to people
("الرئيس الروسي فلاديمير بوتين" → Putin, "President", RUS).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from models.gazetteer import CAPITALISED, UPPER, Index, Record, load_index
from models.mentions import Mention
from models.text.normalize import Token, letter_offset, proclitic_variants, tokenize
from models.titles import localise, title_at, title_before

# What may separate two words of one name: spaces, a hyphen, an apostrophe, or
# the dot of an initial ("George W. Bush", "U.S.").
_NAME_GAP = re.compile(r"[ \t\u00a0]*[-'’]?[ \t\u00a0]*|\.[ \t]?")


@dataclass(frozen=True, slots=True)
class _Match:
    """A gazetteer hit over tokens [first, last) (the first may lose a proclitic)."""

    first: int
    last: int
    stripped: int
    record: Record


class EntityFinder:
    """Find gazetteer entities in text. Build once; :meth:`find` is thread-safe.

    >>> [m.name for m in EntityFinder().find("Putin met Lavrov in Moscow.", "en")]
    ['Vladimir Putin', 'Sergei Lavrov', 'Moscow']
    """

    def __init__(self, index: Index | None = None, default_titles: bool = True) -> None:
        self.index = index or load_index()
        self.default_titles = default_titles

    def find(self, text: str, language: str) -> list[Mention]:
        """Non-overlapping mentions sorted by offset, titles attached to people.

        ``language`` is advisory: Arabic clitic handling applies to any word in
        Arabic script, so mixed text works.
        """
        tokens = tokenize(text)
        matches = self._matches(text, tokens)
        mentions = [self._mention(text, tokens, m) for m in matches]
        return _attach_titles(tokens, matches, mentions, self.default_titles)

    def _matches(self, text: str, tokens: Sequence[Token]) -> list[_Match]:
        out: list[_Match] = []
        i = 0
        while i < len(tokens):
            hit = self._longest_at(text, tokens, i)
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit.last
        return out

    def _longest_at(self, text: str, tokens: Sequence[Token], i: int) -> _Match | None:
        best: _Match | None = None
        for stripped, first in _readings(tokens[i]):
            longest = self.index.first.get(first, 0)
            span = _contiguous_run(text, tokens, i, longest)
            for last in range(i + span, i, -1):
                if best is not None and last - i <= best.last - best.first:
                    break
                key = (first, *(t.norm for t in tokens[i + 1 : last]))
                found = self.index.phrases.get(key)
                if found and _case_ok(text, tokens, i, last, found[1]):
                    best = _Match(i, last, stripped, found[0])
                    break
        return best

    def _mention(self, text: str, tokens: Sequence[Token], match: _Match) -> Mention:
        head = tokens[match.first]
        start = head.start + letter_offset(head.surface, match.stripped)
        end = tokens[match.last - 1].end
        rec = match.record
        demonym = rec.kind == "DEMONYM"
        kind = "GPE" if demonym else rec.kind
        key = f"GPE:{rec.country}" if demonym else rec.key
        title = rec.title if self.default_titles else None
        return Mention(start, end, text[start:end], kind, key, rec.name, rec.country,  # type: ignore[arg-type]
                       title, rec.aliases, demonym=demonym)  # fmt: skip


def _readings(tok: Token) -> list[tuple[int, str]]:
    """The word as written, then without glued Arabic proclitics."""
    return [(0, tok.norm), *proclitic_variants(tok.surface)]


def _contiguous_run(text: str, tokens: Sequence[Token], i: int, longest: int) -> int:
    """How many tokens from ``i`` (at most ``longest``) are joined like one name."""
    n = 1 if longest else 0
    while n < longest and i + n < len(tokens):
        gap = text[tokens[i + n - 1].end : tokens[i + n].start]
        if not _NAME_GAP.fullmatch(gap):
            break
        n += 1
    return n


def _case_ok(text: str, tokens: Sequence[Token], i: int, last: int, rule: int) -> bool:
    if rule == UPPER:
        return text[tokens[i].start : tokens[last - 1].end].replace(".", "").isupper()
    if rule == CAPITALISED:
        return tokens[last - 1].surface[:1].isupper()
    return True


def _attach_titles(
    tokens: Sequence[Token], matches: list[_Match], mentions: list[Mention], defaults: bool
) -> list[Mention]:
    """Give people the title and country adjective written around them."""
    by_end = {m.last: k for k, m in enumerate(matches)}
    by_start = {m.first: k for k, m in enumerate(matches)}
    out = list(mentions)
    for k, match in enumerate(matches):
        if mentions[k].kind != "PERSON":
            continue
        title, country, consumed = _title_before(tokens, match.first, by_end, mentions)
        if title is None and not consumed:
            title, country, consumed = _title_after(tokens, match.last, by_start, mentions)
        for j in consumed:
            out[j] = replace(out[j], in_title=True)
        person = out[k]
        own = person.country or country
        written = localise(title, own)
        fallback = person.title if defaults else None
        out[k] = replace(person, title=written or fallback, country=own)
    return out


_ATTRIBUTING = ("GPE", "ORG", "LOC")


def _title_before(
    tokens: Sequence[Token], pos: int, by_end: dict[int, int], mentions: list[Mention]
) -> tuple[str | None, str | None, list[int]]:
    """ "Russian Foreign Minister X", "وزير الخارجية الروسي X", "North Korea's leader X"."""
    consumed: list[int] = []
    country: str | None = None
    j = by_end.get(pos)
    if j is not None and mentions[j].kind in _ATTRIBUTING:  # "وزير الخارجية الروسي" X
        consumed.append(j)
        country = mentions[j].country
        pos = _start_token(tokens, mentions[j])
    found = title_before(tokens, pos)
    if found is None:
        demonyms = [c for c in consumed if mentions[c].demonym]
        return None, country if demonyms else None, demonyms
    title, pos = found
    if pos >= 1 and tokens[pos - 1].norm == "s":  # "North Korea's"
        pos -= 1
    j = by_end.get(pos)
    if country is None and j is not None and mentions[j].kind in _ATTRIBUTING:
        consumed.append(j)
        country = mentions[j].country
    return title, country, consumed


def _title_after(
    tokens: Sequence[Token], pos: int, by_start: dict[int, int], mentions: list[Mention]
) -> tuple[str | None, str | None, list[int]]:
    """ "Lavrov, the Russian foreign minister," (English apposition)."""
    if pos < len(tokens) and tokens[pos].norm == "the":
        pos += 1
    consumed: list[int] = []
    country: str | None = None
    j = by_start.get(pos)
    if j is not None and mentions[j].demonym:
        consumed.append(j)
        country = mentions[j].country
        pos = _end_token(tokens, mentions[j])
    found = title_at(tokens, pos) if pos < len(tokens) else None
    if found is None or (not consumed and tokens[pos].norm in ("president", "king")):
        return None, None, []
    return found[0], country, consumed


def _start_token(tokens: Sequence[Token], mention: Mention) -> int:
    return next(i for i, t in enumerate(tokens) if t.end > mention.start)


def _end_token(tokens: Sequence[Token], mention: Mention) -> int:
    return next((i for i, t in enumerate(tokens) if t.start >= mention.end), len(tokens))
