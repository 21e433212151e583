"""Arabic/English folding for matching, compatible with ``shared/eval/score.py``.

Matching (gazetteer look-up, alias comparison) works on *normalised tokens*:
NFKC, case folding, no Arabic diacritics or tatweel, alef/yeh/teh-marbuta
variants folded, and a leading ``ال`` dropped. Tokens keep exact character
offsets into the original text so spans can be cut back out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Same character classes as score.py so our matches agree with the scorer's.
_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
# A token is a run of word characters; Arabic diacritics and tatweel are not
# ``\w`` in Python, so they are listed explicitly to keep words whole.
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
_ARABIC = re.compile("[\u0600-\u06ff]")

PROCLITICS = "وفبلك"
ARTICLE = "ال"


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the original text: ``text[start:end]`` and its folded form."""

    start: int
    end: int
    surface: str
    norm: str


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold case, diacritics, tatweel and Arabic letter variants (cached: the
    stages fold the same words over and over).

    >>> fold("أَمْريكا")
    'امريكا'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _AR_DIACRITICS.sub("", text).translate(_AR_FOLD)


def strip_article(tok: str) -> str:
    """Drop a leading ``ال`` when at least two letters remain (``الروسي`` → ``روسي``)."""
    if tok.startswith(ARTICLE) and len(tok) >= 4:
        return tok[2:]
    return tok


@lru_cache(maxsize=1 << 16)
def norm_token(tok: str) -> str:
    """Normalised form of one word: folded, article dropped (cached: words repeat)."""
    return strip_article(fold(tok))


def is_arabic(text: str) -> bool:
    """True when ``text`` contains an Arabic letter."""
    return _ARABIC.search(text) is not None


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with exact offsets and normalised forms.

    >>> [t.norm for t in tokenize("وزير الخارجية, U.S.")]
    ['وزير', 'خارجيه', 'u', 's']
    """
    if len(text) > _CACHED_CHARS:  # an article or a sentence: its Document holds them
        return _split(text)
    # A fresh list each call, so a caller may change its own without touching the cache.
    return list(_tokens(text))


# Names and short phrases are tokenised again and again (coreference, the core's spans);
# articles and sentences are not (stage 1 tokenises an article once, into its Document).
_CACHED_CHARS = 80


@lru_cache(maxsize=1 << 14)
def _tokens(text: str) -> tuple[Token, ...]:
    """The tokens of a short ``text``, cached (tokens are frozen: sharing is safe)."""
    return tuple(_split(text))


def _split(text: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), norm_token(m.group())) for m in _TOKEN.finditer(text)
    ]


def norm_phrase(text: str) -> tuple[str, ...]:
    """Normalised token sequence of a phrase (used to index gazetteer aliases)."""
    return tuple(norm_token(word) for word in _TOKEN.findall(text))


@lru_cache(maxsize=1 << 16)
@lru_cache(maxsize=1 << 16)
def proclitic_variants(surface: str) -> tuple[tuple[int, str], ...]:
    """Readings of an Arabic word with glued proclitics removed.

    Returns ``(letters_stripped, normalised_rest)`` pairs, most stripped last:
    ``وبموسكو`` → ``((1, 'بموسكو'), (2, 'موسكو'))``; ``للرئيس`` → ``((1, 'رئيس'),)``
    (``لل`` is ``ل`` + ``ال``). The remainder must keep three letters so short
    words are not shredded. Cached: every stage asks it of nearly every word.
    """
    word = fold(surface)
    if not word or word[0] not in PROCLITICS:
        return ()
    out: list[tuple[int, str]] = []
    for k in (1, 2):
        if len(word) - k < 3 or word[k - 1] not in PROCLITICS:
            break
        rest = word[k:]
        if word[k - 1] == "ل" and rest.startswith("ل") and len(rest) >= 4:
            out.append((k, strip_article("ا" + rest)))
        out.append((k, strip_article(rest)))
    return tuple(out)


def letter_offset(surface: str, letters: int) -> int:
    """Character index in ``surface`` after ``letters`` base letters (skips diacritics)."""
    seen = 0
    for i, ch in enumerate(surface):
        if seen == letters:
            return i
        if not _AR_DIACRITICS.match(ch):
            seen += 1
    return len(surface)
