"""Phrase matching over normalised tokens, robust to Arabic clitics.

Lexicons (triggers, cues, weapon nouns, role markers) are lists of phrases.
A phrase matches a run of tokens when every word equals one *reading* of the
token: its normalised form, the form with glued proclitics removed
(``وبموسكو`` → ``موسكو``) or with a pronoun suffix removed (``زيارته`` →
``زياره``). Listing stems once and letting the readings absorb the clitics
keeps the data files short and the matching predictable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from models.s1_document.normalize import Token, norm_phrase, proclitic_variants, tokenize

# Longest first, so ``هما`` is tried before ``ه``.
_SUFFIXES = ("هما", "هم", "ها", "ه")


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """One phrase found in a text: offsets are into that text; tokens index its token list."""

    start: int
    end: int
    label: str
    first: int
    last: int


def readings(token: Token) -> frozenset[str]:
    """All normalised forms a lexicon word may take to match ``token``."""
    return _readings(token.surface, token.norm)


def token_readings(tokens: Sequence[Token]) -> list[frozenset[str]]:
    """:func:`readings` of each token, computed once for several matchers of one text."""
    return [_readings(tok.surface, tok.norm) for tok in tokens]


@lru_cache(maxsize=1 << 16)
def _readings(surface: str, norm: str) -> frozenset[str]:
    """:func:`readings` of a word, cached: every lexicon matcher reads every word of
    every sentence, and news repeats its words."""
    base = {norm} | {rest for _, rest in proclitic_variants(surface)}
    out = set(base)
    # A final teh marbuta is no pronoun: "وزارة" (ministry) is not و+زار+ه ("visited him").
    suffixes = _SUFFIXES if not surface.endswith("ة") else _SUFFIXES[:-1]
    for form in base:
        for suffix in suffixes:
            stem = form[: -len(suffix)]
            if form.endswith(suffix) and len(stem) >= 3:
                out.add(stem)
                if stem.endswith("ت"):  # زيارت+ه: the teh marbuta opens before a suffix
                    out.add(stem[:-1] + "ه")
                break
    return frozenset(out)


class PhraseMatcher:
    """Finds labelled phrases in text; the longest phrase wins at each position.

    >>> m = PhraseMatcher([("زيارة", "VISIT"), ("وصل إلى", "VISIT")])
    >>> [h.label for h in m.find("وخلال زيارته وصل إلى موسكو")]
    ['VISIT', 'VISIT']
    """

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, label in phrases:
            words = norm_phrase(phrase)
            if words:
                self._index.setdefault(words[0], []).append((words, label))
        for entries in self._index.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        # Words that begin some phrase: most tokens begin none and are skipped at once.
        self._firsts = frozenset(self._index)

    def find(self, text: str) -> list[PhraseHit]:
        """Non-overlapping hits in ``text``, left to right."""
        return self.find_tokens(tokenize(text))

    def find_tokens(
        self, tokens: Sequence[Token], reads: list[frozenset[str]] | None = None
    ) -> list[PhraseHit]:
        """Like :meth:`find`, on an already tokenised text; ``reads``: its
        :func:`token_readings`, when the caller runs several matchers over it."""
        if reads is None:
            reads = token_readings(tokens)
        hits: list[PhraseHit] = []
        i = 0
        while i < len(tokens):
            starts = not self._firsts.isdisjoint(reads[i])
            hit = self._match_at(tokens, reads, i) if starts else None
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.last + 1
        return hits

    def _match_at(
        self, tokens: Sequence[Token], reads: list[frozenset[str]], i: int
    ) -> PhraseHit | None:
        for first in reads[i]:
            for words, label in self._index.get(first, ()):
                j = i + len(words)
                if j <= len(tokens) and all(w in reads[i + k] for k, w in enumerate(words)):
                    return PhraseHit(tokens[i].start, tokens[j - 1].end, label, i, j - 1)
        return None
