"""Gazetteer-based entity mentions with canonical names, countries and titles.

:class:`EntityFinder` matches normalised token sequences against the gazetteer
(longest match first, Arabic proclitics و ف ب ل ك stripped from the first word),
then attaches titles and country adjectives written next to people
("الرئيس الروسي فلاديمير بوتين" → Putin, "President", RUS).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.gazetteer import CAPITALISED, UPPER, Index, Record, load_index
from models.mentions import Mention
from models.text.normalize import Token, letter_offset, proclitic_variants, tokenize
from models.titles import attach_titles, lexicon, title_at

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
        matches = sorted(matches + _titled_names(text, tokens, matches), key=lambda m: m.first)
        mentions = [self._mention(text, tokens, m) for m in matches]
        spans = [(m.first, m.last) for m in matches]
        return attach_titles(tokens, spans, mentions, self.default_titles)

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


_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "on",
        "in",
        "at",
        "and",
        "of",
        "for",
        "to",
        "with",
        "said",
        "says",
        "told",
        "from",
        "by",
        "his",
        "her",
    ]
)
_MAX_NAME = 4


def _titled_names(text: str, tokens: Sequence[Token], matches: list[_Match]) -> list[_Match]:
    """Unknown people introduced by a title: "Foreign Minister Ri Son Gwon".

    Latin script only: two to four capitalised words right after a title.
    (Arabic names have no capitals to tell where they end.)
    """
    covered = {i for m in matches for i in range(m.first, m.last)}
    table, _longest = lexicon()
    starts = {k[0] for k in table}
    out: list[_Match] = []
    for i, tok in enumerate(tokens):
        if tok.norm not in starts or i in covered or not tok.surface.isascii():
            continue
        found = title_at(tokens, i)
        if found is None:
            continue
        end = found[1]
        n = _capitalised_run(text, tokens, end, covered)
        if n >= 2:
            surface = " ".join(t.surface for t in tokens[end : end + n])
            key = "PERSON:" + " ".join(t.norm for t in tokens[end : end + n])
            out.append(_Match(end, end + n, 0, Record("PERSON", key, surface, None, None, ())))
            covered.update(range(end, end + n))
    return out


def _capitalised_run(text: str, tokens: Sequence[Token], i: int, covered: set[int]) -> int:
    n = 0
    while i + n < len(tokens) and n < _MAX_NAME:
        tok = tokens[i + n]
        if i + n in covered or not tok.surface[:1].isupper() or not tok.surface.isascii():
            break
        if tok.norm in _NOT_NAMES:
            break
        if n and not _NAME_GAP.fullmatch(text[tokens[i + n - 1].end : tok.start]):
            break
        n += 1
    return n
