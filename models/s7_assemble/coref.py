"""Coreference of bare names: "لافروف" after "سيرجي لافروف", "Lavrov" after "Sergei Lavrov".

The entity finder may already key both the same; this makes assembly robust
when it does not (or does not find the bare name at all): a later one-word
mention, or a bare occurrence of a known person's surname, takes the key and
canonical name of the nearest earlier full mention. Family-name-first
cultures (Korean, Chinese, Vietnamese) contribute their first word too, so
"كيم" and "تشوي" resolve.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from models.mentions import Mention
from models.s1_document.normalize import PROCLITICS, Token, fold, tokenize

_FAMILY_FIRST = frozenset({"PRK", "KOR", "CHN", "TWN", "VNM", "HKG"})
_MIN_LETTERS = 3
# Surname word → the people bearing it, in order of their start, and their starts.
_SurnameIndex = dict[str, tuple[list[Mention], list[int]]]
_NONE: tuple[list[Mention], list[int]] = ([], [])


@lru_cache(maxsize=1 << 14)
def _folded_words(text: str) -> tuple[str, ...]:
    """Folded words of a mention's text (cached: the same names recur in every article)."""
    return tuple(fold(t.surface) for t in tokenize(text))


def _surnames(mention: Mention) -> frozenset[str]:
    return _surnames_of(mention.text, mention.kind, mention.country)


@lru_cache(maxsize=1 << 14)
def _surnames_of(text: str, kind: str, country: str | None) -> frozenset[str]:
    words = _folded_words(text)
    if kind != "PERSON" or len(words) < 2:
        return frozenset()
    out = {words[-1]}
    if country in _FAMILY_FIRST:
        out.add(words[0])
    return frozenset(w for w in out if len(w) >= _MIN_LETTERS or _short_latin(w))


def _short_latin(word: str) -> bool:
    """Two-letter Latin family names ("Hu", "Wu", "Li"); an Arabic two-letter word is
    more often a pronoun ("هو" is "he") than a name."""
    return len(word) == 2 and word.isascii() and word.isalpha()


def _surname_index(people: Sequence[Mention]) -> _SurnameIndex:
    """Each surname's bearers (in order of start) and their starts, so a look-up is a
    binary search among them, not a scan of every person of the article."""
    index: _SurnameIndex = {}
    for person in people:
        for word in _surnames(person):
            bearers, starts = index.setdefault(word, ([], []))
            bearers.append(person)
            starts.append(person.start)
    return index


def _antecedent(word: str, start: int, index: _SurnameIndex) -> Mention | None:
    """The last-starting bearer of ``word`` that ends by ``start``."""
    bearers, starts = index.get(word, _NONE)
    # Only bearers starting before ``start`` can end by it; of those, the latest
    # usually does at once (only a mention overlapping ``start`` is stepped over).
    for k in range(bisect_left(starts, start) - 1, -1, -1):
        if bearers[k].end <= start:
            return bearers[k]
    return None


def resolve(
    text: str, mentions: list[Mention], tokens: Sequence[Token] | None = None
) -> list[Mention]:
    """Mentions with bare surnames re-keyed, plus bare surnames the finder missed.
    ``tokens``: the text's words when the caller has them (a document's)."""
    people = sorted((m for m in mentions if _surnames(m)), key=lambda m: m.start)
    index = _surname_index(people)
    out: list[Mention] = []
    for m in mentions:
        out.append(_bare(m, index))
    # Character offsets inside a mention: one set look-up per token instead of a scan.
    covered = {i for m in [*mentions, *out] for i in range(m.start, m.end)}
    for token in tokenize(text) if tokens is None else tokens:
        if token.start in covered:
            continue
        word, lead = fold(token.surface), 0
        if word[:1] in PROCLITICS and word not in index:
            word, lead = word[1:], 1
        full = _antecedent(word, token.start, index)
        capital = len(word) >= _MIN_LETTERS or token.surface[:1].isupper()  # "Hu", not "hu"
        if full is not None and capital and re.fullmatch(r"\w+", token.surface):
            start = token.start + lead
            out.append(_as(Mention(start, token.end, text[start : token.end], "PERSON", ""), full))
    return sorted(out, key=lambda m: m.start)


def _bare(m: Mention, index: _SurnameIndex) -> Mention:
    """A one-word person mention as the earlier full mention it names, if any; a
    proclitic glued to it ("وفابيوس": "and Fabius") is cut off the span first, as in
    the token pass below (a model span keeps the clitic the tokenizer left on)."""
    words = _folded_words(m.text)
    if len(words) != 1 or m.kind != "PERSON":
        return m
    full = _antecedent(words[0], m.start, index)
    if full is None and words[0][:1] in PROCLITICS and words[0] not in index:
        full = _antecedent(words[0][1:], m.start, index)
        if full is not None:
            m = replace(m, start=m.start + 1, text=m.text[1:])
    return m if full is None else _as(m, full)


def _as(mention: Mention, full: Mention) -> Mention:
    """``mention`` carrying ``full``'s identity (key, name, country, title)."""
    return replace(
        mention,
        key=full.key,
        name=full.name or full.text,
        country=full.country,
        title=mention.title or full.title,
        kind="PERSON",
    )
