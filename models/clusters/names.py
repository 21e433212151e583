"""Who and where, compared across articles, in the spirit of the shared scorer.

Strings are normalised exactly as ``shared/eval/score.py`` does (its
``norm_tokens``: NFKC, case folding, Arabic letter variants, no ``the``/``of``
nor a long word's ``ال``) and compared by its rule: equal word sequences, or
one containing the other when the shorter has at least four letters, a word
with one glued proclitic (و ف ب ل ك) counting as the word. So ``Lavrov``
matches ``Sergei Lavrov`` and ``ولافروف`` matches ``لافروف``.

Across articles a canonical name, when both reports have one, decides alone:
surface forms are only consulted when a report could not resolve the name
(an unknown person), so two different known people who share a surname stay
apart. Different countries always keep two parties apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from models.evaluation.scorer import norm_tokens
from models.s2_entities.gazetteer.countries import country_name

Tokens = tuple[str, ...]
PROCLITICS = "وفبلك"
MIN_PARTIAL_LETTERS = 4  # the scorer's: a lone short word matches only whole


@lru_cache(maxsize=65_536)
def tokens(text: str) -> Tokens:
    """The scorer's normalised word sequence of ``text`` (cached: names repeat)."""
    return norm_tokens(text)


def _word_eq(a: str, b: str) -> bool:
    if a == b:
        return True
    long_, short = (a, b) if len(a) > len(b) else (b, a)
    return (
        len(long_) == len(short) + 1
        and len(long_) >= 5
        and long_[0] in PROCLITICS
        and long_[1:] == short
    )


def _contains(big: Tokens, small: Tokens) -> bool:
    n = len(small)
    return any(
        all(_word_eq(x, y) for x, y in zip(big[i : i + n], small, strict=True))
        for i in range(len(big) - n + 1)
    )


def same_words(a: Tokens, b: Tokens) -> bool:
    """The scorer's string match on two normalised word sequences."""
    if not a or not b:
        return False
    if len(a) == len(b) and all(_word_eq(x, y) for x, y in zip(a, b, strict=True)):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if sum(len(t) for t in short) < MIN_PARTIAL_LETTERS:
        return False
    return _contains(long_, short)


# Name particles that reports keep or drop at will: "Majid bin Abdullah al-Hogail"
# is "Majid Abdullah al-Hogail"; the scorer's normalisation already drops a long
# word's ال.
PARTICLES = frozenset({"بن", "ابن", "بنت", "ال", "bin", "ibn", "bint", "al", "el"})
COMPOUND = "عبد"  # عبد الله = عبدالله: written apart or joined


def name_words(words: Tokens) -> Tokens:
    """A person's name as comparable words: particles dropped, عبد joined to the
    next word, a dangling عبد (a name cut off) dropped."""
    out: list[str] = []
    for word in words:
        if out and out[-1] == COMPOUND:
            out[-1] = COMPOUND + word
        elif word not in PARTICLES:
            out.append(word)
    return tuple(out[:-1] if out and out[-1] == COMPOUND else out)


def _near_word(a: str, b: str) -> bool:
    # One letter apart in long words: transliterations of one foreign name
    # (موغيريني / موغريني, Shevardnadze / Shevardnadse).
    if _word_eq(a, b):
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    long_, short = (a, b) if len(a) > len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _in_order(long_: Tokens, short: Tokens) -> bool:
    at = 0
    for word in short:
        while at < len(long_) and not _near_word(long_[at], word):
            at += 1
        if at == len(long_):
            return False
        at += 1
    return True


def same_name(a: Tokens, b: Tokens) -> bool:
    """Two spellings of one person's name: the scorer's match, or, once name
    particles are set aside, the words of the shorter found in order in the
    longer (a middle name dropped), one letter of give in long words."""
    if same_words(a, b):
        return True
    x, y = name_words(a), name_words(b)
    if not x or not y:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) == 1:  # a lone word: the surname, spelt alike
        return len(short[0]) >= MIN_PARTIAL_LETTERS and _near_word(long_[-1], short[0])
    return _in_order(long_, short)


def block_words(words: Tokens) -> Iterator[str]:
    """Index keys of a word sequence: every word long enough to carry a partial
    match, also without a glued proclitic, so anything :func:`same_words` could
    match shares at least one key with it."""
    if sum(len(w) for w in words) < MIN_PARTIAL_LETTERS:
        yield " ".join(words)  # only a whole-sequence match is possible
        return
    for word in words:
        yield word
        if len(word) >= 5 and word[0] in PROCLITICS:
            yield word[1:]


VOWELS = frozenset("aeiouyاويى")


def skeleton(word: str) -> str:
    """A long word without its vowel letters: a blocking key that two spellings
    one vowel apart (موغيريني / موغريني) share."""
    return "~" + "".join(c for c in word if c not in VOWELS)


def name_keys(words: Tokens) -> Iterator[str]:
    """Blocking keys for :func:`same_name`, on top of :func:`block_words`."""
    for word in name_words(words):
        yield word
        if len(word) >= 5:
            yield skeleton(word)


@dataclass(frozen=True, slots=True)
class Party:
    """One actor as the matcher sees it."""

    name: Tokens  # canonical name, () when unknown
    forms: tuple[Tokens, ...]  # surface forms (and the name)
    country: str | None
    kind: str
    title: str | None

    @classmethod
    def of(
        cls,
        name: str | None,
        forms: Iterable[str],
        country: str | None,
        kind: str,
        title: str | None,
    ) -> Party:
        texts = [*forms, *([name] if name else [])]
        words = tuple(dict.fromkeys(t for t in map(tokens, texts) if t))
        return cls(
            tokens(name) if name else (), words, country, kind, (title or "").casefold() or None
        )

    def keys(self) -> Iterator[str]:
        """Blocking keys: anything :func:`same_party` can match shares one."""
        for words in self.forms:
            yield from block_words(words)
            if self.kind == "PERSON":
                yield from name_keys(words)
        if self.title and self.country:
            yield f"{self.title}@{self.country}"


def same_party(a: Party, b: Party) -> bool:
    """Do two actors of two reports denote the same party?"""
    if a.country and b.country and a.country != b.country:
        return False
    if a.kind == b.kind == "GPE" and a.country and a.country == b.country:
        return True  # "DPRK", "North Korea", "Pyongyang" (its government)
    people = a.kind == b.kind == "PERSON"
    match = same_name if people else same_words
    if a.name and b.name:
        return match(a.name, b.name)
    if any(match(x, y) for x in a.forms for y in b.forms):
        return True
    # "the Omani foreign minister" in one report, his name in another: the same
    # office of the same country, when neither report could name him otherwise.
    return people and a.title is not None and a.title == b.title and a.country is not None


@dataclass(frozen=True, slots=True)
class Spot:
    """A place (or a host country) as the matcher sees it."""

    words: tuple[Tokens, ...]
    country: str | None
    national: bool  # the place is the country itself

    @classmethod
    def of(cls, name: str | None, text: str, country: str | None) -> Spot:
        words = tuple(dict.fromkeys(t for t in map(tokens, [text, name or ""]) if t))
        whole = country_name(country) if country else None
        national = whole is not None and tokens(whole) in words
        return cls(words, country, national)

    def keys(self) -> Iterator[str]:
        for words in self.words:
            yield from block_words(words)


SAME, WITHIN, UNKNOWN, APART = 3, 2, 1, 0


def place_relation(a: Spot, b: Spot) -> int:
    """SAME place, one WITHIN the other's country, APART, or UNKNOWN."""
    if a.country and b.country and a.country != b.country:
        return APART
    if any(same_words(x, y) for x in a.words for y in b.words):
        return SAME
    if a.country and a.country == b.country:
        if a.national and b.national:
            return SAME
        if a.national or b.national:
            return WITHIN
        return APART  # two places of one country: Jeddah and Medina, Baghdad and Erbil
    # No country to go by (a venue, an unknown town): neither for nor against.
    return UNKNOWN
