"""Language identification (ISO 639-1) with py3langid, loaded once."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_ARABIC_SHARE = 0.3  # share of letters in Arabic script above which we say "ar" without a model


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid model; loading takes ~0.2 s, so it is shared."""
    from py3langid.langid import _get_identifier

    return _get_identifier()


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= ch <= "\u06ff" for ch in letters) / len(letters)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` (``"ar"``, ``"en"``, ...); ``"und"`` when empty.

    Arabic script is decided by a letter count first: py3langid sometimes calls
    short Arabic news snippets Persian or Urdu, and our Arabic path is the one
    that knows those clitics.

    >>> detect_language("Putin met Kim in Moscow on Tuesday.")
    'en'
    """
    sample = text[:4000]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    if _arabic_share(sample) >= _ARABIC_SHARE and not _looks_persian(sample):
        return "ar"
    lang, _prob = _identifier().classify(sample)
    return str(lang)


def _looks_persian(text: str) -> bool:
    """Persian/Urdu letters (پ چ ژ گ ی ک) that Arabic news does not use."""
    hits = sum(text.count(ch) for ch in "پچژگیک")
    return hits > max(3, len(text) // 200)
