"""Armed groups, forces, coalitions and delegations written as common-noun phrases.

The gazetteer knows named organisations, but news often names a party by a head
noun and its modifiers: "القوات الموالية للحكومة", "قوات البشمركة", "فصائل مسلحة",
"وفد من رجال الأعمال الروس", "Kurdish Peshmerga forces", "the Saudi-led coalition",
"a delegation of Mongolian entrepreneurs". :func:`group_matches` reads them as ORG
matches, taking the country from a demonym or country name among the modifiers
(which the phrase absorbs). Arabic modifiers follow the head; English ones
mostly precede it.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.s1_document.normalize import Token, fold, norm_phrase, proclitic_variants
from models.s2_entities.gazetteer.countries import country_name
from models.s2_entities.matches import Match, made
from models.s2_entities.titled import AR_STOP, NAME_GAP
from models.s2_entities.titles import title_at

# Heads that make a party with at least one modifier (the definite "coalition" alone too).
_AR_HEADS = frozenset(norm_phrase(
    "قوات جيش جيوش فصائل فصيل ميليشيات ميليشيا مليشيات مليشيا تحالف مقاومة كتائب ألوية "
    "وحدات قوى وفد وفدا وفود حرس"
))  # fmt: skip
# Heads too common to stand alone: they need a country, or another head after them.
_AR_WEAK = frozenset(norm_phrase("جماعة جماعات حركة دول"))
_AR_ANY_HEAD = _AR_HEADS | _AR_WEAK  # built once: tested for every Arabic word
_AR_BARE = frozenset(norm_phrase("تحالف"))
_AR_DELEGATION = frozenset(norm_phrase("وفد وفدا وفود"))
# "القوات الموالية للحكومة": an affiliation adjective takes a لل- complement.
_AR_AFFILIATION = frozenset(norm_phrase("الموالية الموالي الموالين التابعة التابع المؤيدة"))
_AR_ADJ_ENDINGS = ("ه", "ي", "يا", "ين", "ون")
_MAX_MODIFIERS = 4
_COUNTRY_KINDS = ("DEMONYM", "GPE")


def _folded(words: str) -> frozenset[str]:
    """Space-separated words, folded (the article kept)."""
    return frozenset(fold(w) for w in words.split())


_EN_HEADS = frozenset(norm_phrase(
    "forces force army armies troops military militia militias coalition fighters "
    "delegation delegations guard"
))  # fmt: skip
_EN_BARE = frozenset(
    norm_phrase("rebels insurgents militants guerrillas militiamen paramilitaries jihadists")
)
_EN_ANY_HEAD = _EN_HEADS | _EN_BARE  # built once: tested for every word
_EN_MODIFIERS = frozenset(norm_phrase(
    "government pro rebel opposition armed allied security special regular national "
    "popular foreign ground air naval tribal led backed aligned allied loyalist"
))  # fmt: skip
_EN_GROUPS = frozenset(norm_phrase("business military parliamentary trade businessmen"))
_EN_STOP = frozenset(norm_phrase("the a an and or of in on at to for with by from said says"))


def group_matches(text: str, tokens: Sequence[Token], matches: Sequence[Match]) -> list[Match]:
    """Group/force/delegation phrases; they may absorb demonym and country matches."""
    starts = {m.first: m for m in matches}
    ends = {m.last: m for m in starts.values()}  # built once: asked at every English head
    owned = {i for m in matches if m.record.kind not in _COUNTRY_KINDS
             for i in range(m.first, m.last)}  # fmt: skip
    out: list[Match] = []
    taken: set[int] = set()
    for i, tok in enumerate(tokens):
        if i in owned or i in taken:
            continue
        found = _arabic_at(text, tokens, i, starts) if not tok.surface.isascii() else None
        if found is None and tok.norm in _EN_ANY_HEAD:
            found = _english_at(text, tokens, i, (starts, ends), owned)
        if found is not None and not taken & set(range(found.first, found.last)):
            out.append(found)
            taken.update(range(found.first, found.last))
    return out


def _joined(text: str, tokens: Sequence[Token], j: int) -> bool:
    """Tokens j-1 and j are separated by spaces or a hyphen only (no punctuation)."""
    gap = text[tokens[j - 1].end : tokens[j].start]
    return NAME_GAP.fullmatch(gap) is not None and "." not in gap


def _head_reading(tok: Token) -> tuple[int, str, bool] | None:
    """(proclitic letters, head norm, written with the article) when ``tok`` is a head."""
    for stripped, norm in ((0, tok.norm), *proclitic_variants(tok.surface)):
        if norm in _AR_ANY_HEAD:
            return stripped, norm, fold(tok.surface)[stripped:].startswith("ال")
    return None


def _arabic_at(
    text: str, tokens: Sequence[Token], i: int, starts: dict[int, Match]
) -> Match | None:
    head = _head_reading(tokens[i])
    if head is None:
        return None
    stripped, norm, definite = head
    j, country, mods, bare_ok = i + 1, None, 0, False
    while j < len(tokens) and mods < _MAX_MODIFIERS and _joined(text, tokens, j):
        m = starts.get(j)
        word = fold(tokens[j].surface)
        if m is not None:
            construct = not definite and mods == 0 and m.record.kind == "GPE"
            if m.record.kind != "DEMONYM" and not construct:
                break
            country, j, mods = country or m.record.country, m.last, mods + 1
        elif norm in _AR_DELEGATION and word == "من" and mods == 0:
            j += 1  # "وفد من رجال الأعمال": the words after من describe the delegation
            bare_ok = True
        elif tokens[j].norm in AR_STOP or word in _NOT_MODIFIERS:
            break
        elif (
            (word.startswith("ال") and len(word) > 3)
            or (word.startswith("لل") and tokens[j - 1].norm in _AR_AFFILIATION)
            or (bare_ok and mods == 0 and len(word) > 2 and not word.startswith("و"))
        ):
            j, mods = j + 1, mods + 1
        elif not definite and mods == 0 and word.endswith(_AR_ADJ_ENDINGS) and len(word) > 3:
            j, mods = j + 1, mods + 1
            break  # "فصائل مسلحة البلدة": an indefinite phrase takes no definite word
        else:
            break
    if norm in _AR_WEAK and country is None and not _strong_next(tokens, i):
        return None
    if mods == 0 and not (definite and norm in _AR_BARE):
        return None
    if tokens[j - 1].norm == "من":
        j -= 1
    return _party(text, tokens, i, j, country, stripped=stripped)


_NOT_MODIFIERS = _folded("الأمس الآن الماضي الماضية المقبل المقبلة")


def _strong_next(tokens: Sequence[Token], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].norm in _AR_HEADS


def _english_at(
    text: str,
    tokens: Sequence[Token],
    i: int,
    bounds: tuple[dict[int, Match], dict[int, Match]],
    owned: set[int],
) -> Match | None:
    """An English group phrase headed at ``i``; ``bounds``: the matches by first and
    by last token."""
    starts, ends = bounds
    head = tokens[i]
    titled = title_at(tokens, i)
    if titled is not None and titled[1] > i + 1:
        return None  # "army chief": a title, not the army
    if head.norm == "military" and i + 1 < len(tokens) and tokens[i + 1].surface.islower():
        return None  # "military officials"
    first, country, org = i, None, None
    while first > 0 and _joined(text, tokens, first):
        prev = tokens[first - 1]
        m = ends.get(first)
        if m is not None and m.record.kind not in (*_COUNTRY_KINDS, "ORG"):
            break
        if m is not None:
            org = m if m.record.kind == "ORG" else org
            country, first = country or m.record.country, m.first
        elif first - 1 in owned or prev.norm in _EN_STOP:
            break
        elif prev.surface[:1].isupper() or prev.norm in _EN_MODIFIERS:
            first -= 1
        else:
            break
    last = i + 1
    if head.norm.startswith("delegation"):
        last, country = _delegation_tail(text, tokens, last, starts, country)
    bare = head.norm in _EN_BARE or (head.norm == "coalition" and i and tokens[i - 1].norm == "the")
    if first == i and last == i + 1 and not bare:
        return None
    if org is not None and last == i + 1:  # "Hezbollah fighters", "NATO forces": the group
        return Match(first, last, 0, org.record)
    return _party(text, tokens, first, last, country)


def _delegation_tail(
    text: str, tokens: Sequence[Token], j: int, starts: dict[int, Match], country: str | None
) -> tuple[int, str | None]:
    """ "a delegation of Mongolian entrepreneurs", "a delegation from the AU"."""
    if j >= len(tokens) or tokens[j].norm not in ("of", "from"):
        return j, country
    k, taken = j + 1, 0
    if k < len(tokens) and tokens[k].norm == "the":
        k += 1
    while k < len(tokens) and taken < _MAX_MODIFIERS and _joined(text, tokens, k):
        m = starts.get(k)
        if m is not None and m.record.kind in (*_COUNTRY_KINDS, "ORG"):
            country, k = country or m.record.country, m.last
        elif tokens[k].surface[:1].isupper() or tokens[k].norm in _EN_MODIFIERS | _EN_GROUPS:
            k += 1
        elif tokens[k].surface.isalpha() and tokens[k].norm.endswith("s"):
            k, taken = k + 1, taken + 1  # "entrepreneurs", "officials": the noun ends it
            break
        else:
            break
        taken += 1
    if not taken:
        return j, country
    return k + _possessed(text, tokens, k), country


# What a country's delegation comes from: "a delegation from Sudan's army"
_EN_OWNED = _EN_HEADS | frozenset(norm_phrase("government ministry parliament military navy"))


def _possessed(text: str, tokens: Sequence[Token], k: int) -> int:
    """1 when ``tokens[k]`` is the body a possessive before it owns ("Sudan's army",
    "Iran's government"), else 0."""
    if not 1 < k < len(tokens) or tokens[k].norm not in _EN_OWNED or tokens[k - 1].norm != "s":
        return 0
    return 1 if text[tokens[k - 2].end : tokens[k - 1].start] in ("'", "’") else 0


def _party(
    text: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    country: str | None,
    stripped: int = 0,
) -> Match:
    surface = text[tokens[first].start : tokens[last - 1].end]
    name = surface if surface.isascii() else None
    # A state's forces or delegation speak for it: let the country's name match too.
    known = country_name(country) if country else None
    aliases = (known,) if known else ()
    return made(first, last, "ORG", tokens, country, name, aliases=aliases, stripped=stripped)
