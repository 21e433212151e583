"""Office-holders named only by title and country: "الرئيس المصري", "the Egyptian
president", "ولي ولي العهد السعودي", "أمير منطقة عسير".

With no name written, the title and its country identify the party: a PERSON
match keyed ``TITLE:<title>:<ISO3>`` (so every mention of "the Egyptian
president" in an article merges), named "Egyptian President". A region after
the title ("أمير منطقة عسير") keys on the region's words instead.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from models.mentions import Mention
from models.s1_document.normalize import Token, fold, norm_phrase, proclitic_variants
from models.s2_entities.gazetteer import Record, load_index
from models.s2_entities.gazetteer.countries import adjective
from models.s2_entities.matches import Match, made
from models.s2_entities.titled import SKIP
from models.s2_entities.titles import localise, title_at, title_starts

_COUNTRY_KINDS = ("DEMONYM", "GPE")
_AR_REGIONS = frozenset(norm_phrase("منطقة محافظة ولاية إقليم إمارة"))
# People of one (country, title), in order of start, and their starts.
_People = tuple[list[Mention], list[int]]
_Groups = dict[tuple[str | None, str | None], _People]


def title_parties(text: str, tokens: Sequence[Token], matches: Sequence[Match]) -> list[Match]:
    """Title-only parties over tokens no match covers."""
    covered = {i for m in matches if m.record.kind not in _COUNTRY_KINDS
               for i in range(m.first, m.last)}  # fmt: skip
    starts = {m.first: m for m in matches}
    ends = {m.last: m for m in matches}
    out: list[Match] = []
    i = 0
    while i < len(tokens):
        # title_at first: it answers most words at once, the comma test is dearer.
        found = None if i in covered else title_at(tokens, i)
        if found is not None and _apposition(text, tokens, i, ends):
            found = None
        party = None
        if found is not None:
            title, end = found
            if tokens[i].surface.isascii():
                party = _english(tokens, i, end, title, ends, starts)
            else:
                party = _arabic(tokens, i, end, title, starts)
        if party is not None and not covered & set(range(party.first, party.last)):
            out.append(party)
            i = party.last
        else:
            i += 1
    return out


def _apposition(text: str, tokens: Sequence[Token], i: int, ends: dict[int, Match]) -> bool:
    """ "Lavrov, the Russian foreign minister", "إبراهيم محلب، رئيس الوزراء المصري": after
    a comma the title usually describes the name before it (which the gazetteer may
    not know), so it makes no party of its own. ``i``: the title's first token."""
    k = i
    m = ends.get(k)
    if m is not None and m.record.kind in _COUNTRY_KINDS:  # "the Russian" + title
        k = m.first
    if k and tokens[k - 1].norm == "the":
        k -= 1
    gap = text[tokens[k - 1].end : tokens[k].start] if k else ""
    return "," in gap or "،" in gap


def _named_next(tokens: Sequence[Token], k: int, starts: dict[int, Match], title: str) -> bool:
    """A name or a person follows, or the same title again ("أمير منطقة عسير
    الأمير فيصل"): the title belongs to them."""
    while k < len(tokens) and tokens[k].norm in SKIP:
        k += 1
    if k >= len(tokens):
        return False
    m = starts.get(k)
    if m is not None and m.record.kind == "PERSON":
        return True
    again = title_at(tokens, k)
    return again is not None and again[0] == title


def _definite_country(tokens: Sequence[Token], m: Match) -> bool:
    """A country name, or a country adjective with the article: "الرئيس المصري" is
    one man, "وزير خارجية فرنسي" (a French foreign minister) is anyone."""
    if m.record.kind == "GPE":
        return m.record.country is not None
    word = fold(tokens[m.first].surface)[m.stripped :]
    return m.record.kind == "DEMONYM" and m.record.country is not None and word.startswith("ال")


def _arabic(
    tokens: Sequence[Token], i: int, end: int, title: str, starts: dict[int, Match]
) -> Match | None:
    m = starts.get(end)
    if m is not None and m.record.country and _definite_country(tokens, m):
        if _named_next(tokens, m.last, starts, title):
            return None
        return _party(tokens, i, m.last, title, m.record.country, _proclitic(tokens[i]))
    if end + 1 < len(tokens) and tokens[end].norm in _AR_REGIONS:
        if _named_next(tokens, end + 2, starts, title):
            return None
        words = " ".join(t.norm for t in tokens[end : end + 2])
        key = f"TITLE:{title}:{words}"
        return made(i, end + 2, "PERSON", tokens, None, None, title, key, (), _proclitic(tokens[i]))
    return None


def _english(
    tokens: Sequence[Token],
    i: int,
    end: int,
    title: str,
    ends: dict[int, Match],
    starts: dict[int, Match],
) -> Match | None:
    first = i - 1 if i and tokens[i - 1].norm == "s" else i  # "Egypt's president"
    m = ends.get(first)
    if m is None or m.record.kind not in _COUNTRY_KINDS or not m.record.country:
        return None
    if end < len(tokens) and (tokens[end].surface[:1].isupper() or end in starts):
        return None  # "Egyptian President Abdel Fattah el-Sisi"
    return _party(tokens, m.first, end, title, m.record.country)


def _proclitic(tok: Token) -> int:
    """Letters of a proclitic glued to a title ("وولي العهد" → 1)."""
    starts = title_starts()
    if tok.norm in starts:
        return 0
    return next((k for k, rest in proclitic_variants(tok.surface) if rest in starts), 0)


def _party(
    tokens: Sequence[Token], first: int, last: int, title: str, iso: str, stripped: int = 0
) -> Match:
    local = localise(title, iso) or title
    adj = adjective(iso)
    name = f"{adj} {local}" if adj else None
    key = f"TITLE:{title}:{iso}"
    return made(first, last, "PERSON", tokens, iso, name, local, key, stripped=stripped)


def resolve(mentions: list[Mention]) -> list[Mention]:
    """A title-only party that the article also names ("وزير خارجية كوريا الشمالية"
    … "وزيرة خارجية كوريا الشمالية تشوي سون هوي") is that person: take the
    identity of the nearest named person with the same title and country.

    ``mentions`` come sorted by start (as :class:`~models.s2_entities.finder.EntityFinder`
    gives them), so the nearest person is a binary search among those of the
    title and country, not a scan of every person of the article.
    """
    # The title the text gives wins over the gazetteer's (which may be a later office).
    by_title: _Groups = {}
    by_usual: _Groups = {}
    for p in mentions:
        if p.kind == "PERSON" and not p.key.startswith("TITLE:"):
            _file(by_title, (p.country, p.title), p)
            if p.title is None:
                _file(by_usual, (p.country, _usual(p)), p)
    out = list(mentions)
    for k, m in enumerate(mentions):
        if not m.key.startswith("TITLE:"):
            continue
        same = by_title.get((m.country, m.title)) or by_usual.get((m.country, m.title))
        if same:
            p = _nearest(same, m.start)
            aliases = tuple(dict.fromkeys((*p.aliases, *([p.text] if p.name is None else []))))
            out[k] = replace(m, key=p.key, name=p.name, aliases=aliases)
    return out


def _file(groups: _Groups, key: tuple[str | None, str | None], p: Mention) -> None:
    people, starts = groups.setdefault(key, ([], []))
    people.append(p)
    starts.append(p.start)


def _nearest(group: _People, start: int) -> Mention:
    """The person of ``group`` starting nearest ``start``; the earlier on a tie."""
    people, starts = group
    i = bisect_left(starts, start)
    if i == len(people):
        return people[bisect_left(starts, starts[-1])]
    if i == 0 or start - starts[i - 1] > starts[i] - start:
        return people[i]
    return people[bisect_left(starts, starts[i - 1])]


def _usual(person: Mention) -> str | None:
    """The gazetteer's title for a known person (the text may not repeat it)."""
    record = _by_key().get(person.key)
    return localise(record.title, record.country) if record else None


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Record]:
    return {r.key: r for r in load_index().records if r.kind == "PERSON"}
