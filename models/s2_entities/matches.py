"""Token-span matches shared by the entity stages (gazetteer, titles, patterns).

A :class:`Match` is a reading of tokens [first, last) as one entity; later
stages (group phrases, institutions, title-only parties) may replace earlier
matches they overlap, via :func:`overlay`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.s1_document.normalize import Token, proclitic_variants
from models.s2_entities.gazetteer import Record


@dataclass(frozen=True, slots=True)
class Match:
    """An entity over tokens [first, last) (the first may lose ``stripped`` proclitic letters)."""

    first: int
    last: int
    stripped: int
    record: Record


def overlay(matches: Iterable[Match], new: Iterable[Match]) -> list[Match]:
    """``new`` matches win: earlier matches they overlap are dropped. Sorted by offset."""
    added = list(new)
    # Token indices the new matches cover: each old match is tested over its own
    # tokens instead of against every new match (matches are never empty).
    covered = {i for n in added for i in range(n.first, n.last)}
    kept = [m for m in matches if covered.isdisjoint(range(m.first, m.last))]
    return sorted(kept + added, key=lambda m: m.first)


def made(first: int, last: int, kind: str, tokens: Sequence[Token], country: str | None,
         name: str | None = None, title: str | None = None, key: str | None = None,
         aliases: tuple[str, ...] = (), stripped: int = 0) -> Match:  # fmt: skip
    """A pattern-made match; the key defaults to ``KIND:`` + the normalised words."""
    norms = [t.norm for t in tokens[first:last]]
    if stripped:  # the key reads the first word without its proclitic ("والمقاومة")
        norms[0] = dict(proclitic_variants(tokens[first].surface)).get(stripped, norms[0])
    words = " ".join(n for n in norms if n not in ("the", "a", "an"))
    record = Record(kind, key or f"{kind}:{words}", name, country, title, aliases)
    return Match(first, last, stripped, record)
