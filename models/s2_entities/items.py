"""Weapon items of an arms transfer: category and stated quantity."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from models.s1_document.normalize import Token, fold
from models.s1_document.phrases import PhraseHit, PhraseMatcher
from models.schema import Item, ItemCategory

# Quantities are usually digits; these words cover the small counts news
# spells out ("eight F-16s", "ثماني مقاتلات").
_NUMBER_WORDS = {
    fold(w): n
    for n, words in enumerate(
        [
            "",
            "one واحد واحدة",
            "two two اثنين اثنتين اثنان",
            "three ثلاث ثلاثة",
            "four أربع أربعة",
            "five خمس خمسة",
            "six ست ستة",
            "seven سبع سبعة",
            "eight ثماني ثمانية ثمان",
            "nine تسع تسعة",
            "ten عشر عشرة",
            "eleven",
            "twelve",
        ]
    )
    for w in words.split()
}


@lru_cache(maxsize=1)
def item_matcher() -> PhraseMatcher:
    """Matcher labelling weapon nouns with their category."""
    raw = (
        resources.files("models.s2_entities")
        .joinpath("data")
        .joinpath("items.json")
        .read_text("utf-8")
    )
    data: dict[str, list[str]] = json.loads(raw)
    return PhraseMatcher(
        (phrase, category)
        for category, phrases in data.items()
        if not category.startswith("_")
        for phrase in phrases
    )


def _quantity(tokens: list[Token], hit: PhraseHit) -> int | None:
    """A count right before the item (or right after it, as in "20 صاروخا")."""
    for i in (hit.first - 1, hit.first - 2, hit.last + 1):
        if 0 <= i < len(tokens):
            word = tokens[i].norm
            if word.isdigit() and len(word) <= 6:
                return int(word)
            if word in _NUMBER_WORDS and i < hit.first:
                return _NUMBER_WORDS[word]
    return None


def _joined(hits: list[PhraseHit]) -> list[PhraseHit]:
    """Glue adjacent hits of one category ("F-16" + "jets") into one item."""
    out: list[PhraseHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev and prev.label == hit.label and hit.first == prev.last + 1:
            out[-1] = PhraseHit(prev.start, hit.end, hit.label, prev.first, hit.last)
        else:
            out.append(hit)
    return out


def find_items(tokens: list[Token], text: str) -> list[tuple[PhraseHit, Item]]:
    """Weapon items in a token list of ``text``, with their hits (offsets into ``text``)."""
    out: list[tuple[PhraseHit, Item]] = []
    for hit in _joined(item_matcher().find_tokens(tokens)):
        category: ItemCategory = hit.label  # type: ignore[assignment]
        item = Item(
            text=text[hit.start : hit.end], category=category, quantity=_quantity(tokens, hit)
        )
        out.append((hit, item))
    return out
