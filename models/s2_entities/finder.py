"""Gazetteer-based entity mentions with canonical names, countries and titles.

:class:`EntityFinder` matches normalised token sequences against the gazetteer
(longest match first, Arabic proclitics و ف ب ل ك stripped from the first word),
then attaches titles and country adjectives written next to people
("الرئيس الروسي فلاديمير بوتين" → Putin, "President", RUS). Later stages
rewrite the gazetteer's reading: names run on or stop ("Kim Kye-Gwan",
:mod:`models.s2_entities.institutions`), unknown people follow titles (and a lineage name
cut before a known family name is that person, :mod:`models.s2_entities.lineage`), a
person inside an institution's name is the institution, group and delegation phrases become
ORG (:mod:`models.s2_entities.groups`), and a title with its country and no name is a
party of its own (:mod:`models.s2_entities.title_parties`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from models.mentions import Mention
from models.s1_document.normalize import Token, fold, letter_offset, proclitic_variants, tokenize
from models.s2_entities.fallback import fallback_names
from models.s2_entities.gazetteer import (
    ARTICLE,
    BARE,
    CAPITALISED,
    UPPER,
    Index,
    Record,
    load_index,
)
from models.s2_entities.groups import group_matches
from models.s2_entities.institutions import extend_names, institution_matches, whole_names
from models.s2_entities.lineage import join_lineage
from models.s2_entities.matches import Match, overlay
from models.s2_entities.title_parties import resolve, title_parties
from models.s2_entities.titled import NAME_GAP, name_span, plain_title_name
from models.s2_entities.titles import attach_titles, title_at

if TYPE_CHECKING:
    from models.s1_document.document import Document


class EntityFinder:
    """Find gazetteer entities in text. Build once; :meth:`find` is thread-safe.

    >>> [m.name for m in EntityFinder().find("Putin met Lavrov in Moscow.", "en")]
    ['Vladimir Putin', 'Sergei Lavrov', 'Moscow']
    """

    def __init__(self, index: Index | None = None, default_titles: bool = True) -> None:
        self.index = index or load_index()
        self.default_titles = default_titles

    def add_to(self, doc: Document) -> None:
        """Stage 2 over a document: its ``mentions`` layer, gazetteer entities plus
        unknown capitalised names, read from the document's words."""
        found = self.find(doc.text, doc.language, doc.tokens)
        doc.set_mentions(fallback_names(doc.text, found, doc.tokens))

    def find(
        self, text: str, language: str, tokens: Sequence[Token] | None = None
    ) -> list[Mention]:
        """Non-overlapping mentions sorted by offset, titles attached to people.

        ``language`` is advisory: Arabic clitic handling applies to any word in
        Arabic script, so mixed text works. ``tokens``: the text's words when the
        caller has them (a :class:`Document`'s), else they are made here.
        """
        tokens = tokenize(text) if tokens is None else tokens
        matches = self._matches(text, tokens)
        matches = extend_names(text, tokens, whole_names(text, tokens, matches))
        matches = sorted(matches + _titled_names(text, tokens, matches), key=lambda m: m.first)
        matches = join_lineage(text, tokens, matches)  # "عادل بن أحمد" + "الجبير"
        matches = overlay(matches, institution_matches(text, tokens, matches))
        matches = overlay(matches, group_matches(text, tokens, matches))
        matches = overlay(matches, title_parties(text, tokens, matches))
        mentions = [self._mention(text, tokens, m) for m in matches]
        spans = [(m.first, m.last) for m in matches]
        return resolve(attach_titles(tokens, spans, mentions, self.default_titles))

    def _matches(self, text: str, tokens: Sequence[Token]) -> list[Match]:
        out: list[Match] = []
        i = 0
        while i < len(tokens):
            hit = self._longest_at(text, tokens, i)
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit.last
        return out

    def _longest_at(self, text: str, tokens: Sequence[Token], i: int) -> Match | None:
        best: Match | None = None
        for stripped, first in _readings(tokens[i]):
            longest = self.index.first.get(first, 0)
            if not longest:  # most words start no alias: skip the work below
                continue
            span = _contiguous_run(text, tokens, i, longest)
            norms = [first, *(t.norm for t in tokens[i + 1 : i + span])]
            for last in range(i + span, i, -1):
                if best is not None and last - i <= best.last - best.first:
                    break
                key = tuple(norms[: last - i])
                record = self._reading(text, tokens, i, last, stripped, key)
                if record is not None:
                    best = Match(i, last, stripped, record)
                    break
        return best

    def _reading(
        self,
        text: str,
        tokens: Sequence[Token],
        i: int,
        last: int,
        stripped: int,
        key: tuple[str, ...],
    ) -> Record | None:
        """The first indexed reading of ``key`` whose case/article rule the text meets."""
        for record, rule in self.index.phrases.get(key, ()):
            if _case_ok(text, tokens, i, last, rule, (stripped, key[0])):
                return record
        return None

    def _mention(self, text: str, tokens: Sequence[Token], match: Match) -> Mention:
        head = tokens[match.first]
        start = head.start + letter_offset(head.surface, match.stripped)
        end = tokens[match.last - 1].end
        rec = match.record
        demonym = rec.kind == "DEMONYM"
        kind = "GPE" if demonym else rec.kind
        key = f"GPE:{rec.country}" if demonym else rec.key
        # a title-only party's title is the text's own, not a gazetteer default
        title = rec.title if self.default_titles or rec.key.startswith("TITLE:") else None
        return Mention(start, end, text[start:end], kind, key, rec.name, rec.country,  # type: ignore[arg-type]
                       title, rec.aliases, demonym=demonym)  # fmt: skip


def _readings(tok: Token) -> tuple[tuple[int, str], ...]:
    """The word as written, then without glued Arabic proclitics."""
    return ((0, tok.norm), *proclitic_variants(tok.surface))


def _contiguous_run(text: str, tokens: Sequence[Token], i: int, longest: int) -> int:
    """How many tokens from ``i`` (at most ``longest``) are joined like one name."""
    n = 1 if longest else 0
    while n < longest and i + n < len(tokens):
        gap = text[tokens[i + n - 1].end : tokens[i + n].start]
        if not NAME_GAP.fullmatch(gap):
            break
        n += 1
    return n


def _case_ok(
    text: str, tokens: Sequence[Token], i: int, last: int, rule: int, head: tuple[int, str]
) -> bool:
    """Does the text meet the alias's rule? ``head``: (proclitic letters stripped,
    normalised first word); the word had an article iff normalising changed it."""
    if rule in (ARTICLE, BARE):
        stripped, norm = head
        had_article = fold(tokens[i].surface)[stripped:] != norm
        return had_article == (rule == ARTICLE)
    if rule == UPPER:
        return text[tokens[i].start : tokens[last - 1].end].replace(".", "").isupper()
    if rule == CAPITALISED:  # "Kim Jong-un": a hyphenated part may be lower case
        k = last - 1
        while k > i and "-" in text[tokens[k - 1].end : tokens[k].start]:
            k -= 1
        return tokens[k].surface[:1].isupper()
    return True


def _titled_names(text: str, tokens: Sequence[Token], matches: list[Match]) -> list[Match]:
    """Unknown people right after a title: "Foreign Minister Ri Son Gwon",
    "وزير الخارجية البحريني خالد بن أحمد آل خليفة" (Arabic needs the country)."""
    covered = {i for m in matches for i in range(m.first, m.last)}
    attributing = {m.first: m.last for m in matches if m.record.kind in _ATTRIBUTING}
    out: list[Match] = []
    for i, tok in enumerate(tokens):
        if i in covered:
            continue
        found = title_at(tokens, i)  # None at once when the word begins no title
        if found is None:
            continue
        end = attributing.get(found[1], found[1])  # skip "البحريني"
        # Arabic titles also head organisations ("رئيس مجلس الوزراء"): without its
        # country ("الرئيس الموريتاني"), a title needs a name-like pair of words after it.
        plain = end == found[1] and not tok.surface.isascii()
        if plain and not fold(tokens[end - 1].surface).lstrip("وفبلك").startswith("ال"):
            continue  # "رئيس مجلس الوزراء": an indefinite title governs a noun, not a name
        if plain and not plain_title_name(tokens, end, covered):
            continue
        span = name_span(text, tokens, end, covered)
        if span:
            first, last = span
            surface = text[tokens[first].start : tokens[last - 1].end]
            key = "PERSON:" + " ".join(t.norm for t in tokens[first:last])
            name = surface if surface.isascii() else None
            out.append(Match(first, last, 0, Record("PERSON", key, name, None, None, ())))
            covered.update(range(first, last))
    return out


_ATTRIBUTING = ("GPE", "ORG", "LOC", "DEMONYM")
