"""Clause segmentation inside a sentence, the scope of cues and roles.

A news sentence often packs two events: "Putin is to receive Choe today,
alongside Lavrov, who visited Pyongyang in October". Status cues, times and
role fillers belong to the clause of their trigger, so the sentence is cut at
commas, semicolons, colons, dashes and brackets, and before relative pronouns.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.s1_document.normalize import Token, fold, tokenize

# A comma or colon between digits groups a number or tells the hour ("3,000 shells",
# "at 1:00 p.m.") and cuts nothing.
_BREAK = re.compile(r"[،;؛–—()\[\]]|(?<!\d)[,:]|[,:](?!\d)")
_RELATIVES = frozenset(
    fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "who", "which", "whom")
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A span of a sentence; offsets are relative to the sentence text."""

    start: int
    end: int
    relative: bool = False


def split_clauses(text: str, tokens: Sequence[Token] | None = None) -> list[Clause]:
    """Cut ``text`` into clauses covering it left to right.

    >>> [text[c.start:c.end] for text in ["a, who b"] for c in split_clauses(text)]
    ['a', ',', ' ', 'who b']
    """
    cuts = {0, len(text)}
    for match in _BREAK.finditer(text):
        cuts.update((match.start(), match.end()))
    words = tokenize(text) if tokens is None else tokens  # ``tokens``: the text's words
    relative_starts = {t.start for t in words if fold(t.surface) in _RELATIVES}
    cuts.update(relative_starts)
    bounds = sorted(cuts)
    return [Clause(a, b, a in relative_starts) for a, b in itertools.pairwise(bounds) if a < b]


def clause_at(clauses: list[Clause], offset: int) -> Clause:
    """The clause containing sentence-relative ``offset`` (the last one if past the end)."""
    for clause in clauses:
        if clause.start <= offset < clause.end:
            return clause
    return clauses[-1] if clauses else Clause(0, offset + 1)


def clause_index(clauses: list[Clause], offset: int) -> int:
    """Index of the clause containing ``offset``."""
    for i, clause in enumerate(clauses):
        if clause.start <= offset < clause.end:
            return i
    return max(len(clauses) - 1, 0)
