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
from dataclasses import replace

from models.mentions import Mention
from models.text.normalize import PROCLITICS, fold, tokenize

_FAMILY_FIRST = frozenset({"PRK", "KOR", "CHN", "TWN", "VNM", "HKG"})
_MIN_LETTERS = 3


def _surnames(mention: Mention) -> set[str]:
    words = [fold(t.surface) for t in tokenize(mention.text)]
    if mention.kind != "PERSON" or len(words) < 2:
        return set()
    out = {words[-1]}
    if mention.country in _FAMILY_FIRST:
        out.add(words[0])
    return {w for w in out if len(w) >= _MIN_LETTERS or _short_latin(w)}


def _short_latin(word: str) -> bool:
    """Two-letter Latin family names ("Hu", "Wu", "Li"); an Arabic two-letter word is
    more often a pronoun ("هو" is "he") than a name."""
    return len(word) == 2 and word.isascii() and word.isalpha()


def _antecedent(word: str, start: int, people: list[Mention]) -> Mention | None:
    before = [m for m in people if m.end <= start and word in _surnames(m)]
    return before[-1] if before else None


def resolve(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with bare surnames re-keyed, plus bare surnames the finder missed."""
    people = sorted((m for m in mentions if _surnames(m)), key=lambda m: m.start)
    out: list[Mention] = []
    for m in mentions:
        words = tokenize(m.text)
        full = _antecedent(fold(words[0].surface), m.start, people) if len(words) == 1 else None
        out.append(_as(m, full) if full is not None and m.kind == "PERSON" else m)
    covered = [(m.start, m.end) for m in out]
    for token in tokenize(text):
        if any(a <= token.start < b for a, b in covered):
            continue
        word, lead = fold(token.surface), 0
        if word[:1] in PROCLITICS and not any(word in _surnames(p) for p in people):
            word, lead = word[1:], 1
        full = _antecedent(word, token.start, people)
        capital = len(word) >= _MIN_LETTERS or token.surface[:1].isupper()  # "Hu", not "hu"
        if full is not None and capital and re.fullmatch(r"\w+", token.surface):
            start = token.start + lead
            out.append(_as(Mention(start, token.end, text[start : token.end], "PERSON", ""), full))
    return sorted(out, key=lambda m: m.start)


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
