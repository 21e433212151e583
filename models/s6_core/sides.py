"""An arms transfer's two sides, when the role head reads every party on one.

The role head classifies each trigger–candidate pair on its own, so nothing stops it
from reading both parties of "تعتزم إيطاليا بيع فرقاطتين للبحرية المصرية" (Italy
plans to sell two frigates to the Egyptian navy) as suppliers, and a transfer with no
recipient is no event. A transfer has a giving and a receiving side, so decoding asks
for both: the party that goes to the other side is the one a preposition marks for it
("from Iran", "للبحرية", "to the Ghanaian navy"), else the one the head finds likeliest
there, if it finds it likely enough.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from models.s1_document.normalize import fold

# Columns of an ARMS_TRANSFER trigger's role probabilities: none, supplier, recipient, place.
SUPPLIER, RECIPIENT = 1, 2

# Least probability of the other side for a party no preposition marks. Lower, more
# one-sided transfers are completed with a wrong side ("the army and the resistance in
# Taiz received weapons"): 0.1 / 0.2 / 0.3 scored 0.718 / 0.718 / 0.720 pooled over the
# tuning, dev and seed articles (0.720 without this decoding), behavioural 0.916 / 0.914 /
# 0.911 (0.891).
OTHER_FLOOR = 0.3
# Least probability of the missing side for the party a separate preposition marks for it.
MARKED_FLOOR = 0.1
_SWAP = {SUPPLIER: RECIPIENT, RECIPIENT: SUPPLIER}

# The word right before a party that says which side it is on.
_SOURCE = frozenset(fold(w) for w in ("from", "من"))
_GOAL = frozenset(fold(w) for w in ("to", "for", "إلى", "الى"))


def _word_before(text: str, start: int) -> str:
    words = text[:start].rsplit(None, 1)
    return fold(words[-1]) if words else ""


def side_marked(
    text: str, span: tuple[int, int], known: Sequence[tuple[int, int, str]], *, glued: bool = True
) -> int:
    """SUPPLIER or RECIPIENT when a preposition marks the side of the party at ``span``
    (sentence offsets; ``known``: the gazetteer's mentions), else 0. Arabic glues "ل"
    (to) on: "للبحرية" (to the navy), "لروسيا" (to Russia, the known name after it);
    a name that starts with the letter ("لبنان") is not marked. ``glued=False`` reads
    only the separate words: a glued "ل" is also "of" / "has" ("ظل لروسيا دور", Russia
    kept a role), too weak to overrule the role head's reading."""
    start, end = span
    before = _word_before(text, start)
    if before in _SOURCE:
        return SUPPLIER
    if before in _GOAL:
        return RECIPIENT
    if not glued:
        return 0
    word = fold(text[start:end])
    if word.startswith("ل") and (
        word.startswith("لل") or any(a == start + 1 and b <= end for a, b, _ in known)
    ):
        return RECIPIENT
    return 0


def both_sides(
    probs: torch.Tensor, best: list[int], marks: Sequence[int], cutoff: float
) -> tuple[int, int] | None:
    """(candidate, column) to move when two or more parties read at ``cutoff`` all take
    one side, else None. ``probs``: per candidate over the allowed role columns; ``best``:
    each candidate's argmax; ``marks``: what :func:`side_marked` says of each."""
    parties = [
        i for i, k in enumerate(best) if k in (SUPPLIER, RECIPIENT) and float(probs[i, k]) >= cutoff
    ]
    sides = {best[i] for i in parties}
    if len(parties) < 2 or len(sides) != 1:
        return None
    side = sides.pop()
    other = RECIPIENT if side == SUPPLIER else SUPPLIER
    marked = [i for i in parties if marks[i] == other]
    # a party marked for this side ("من إيران") leaves the other side to the unmarked ones
    floor = 0.0 if any(marks[i] == side for i in parties) else OTHER_FLOOR
    movable = marked or [i for i in parties if marks[i] != side and float(probs[i, other]) >= floor]
    if not movable:
        return None
    # the move that costs the least: the highest ratio of the other side to this one
    return max(movable, key=lambda i: float(probs[i, other]) / float(probs[i, side])), other


def marked_swap(best: list[int], marks: Sequence[int]) -> bool:
    """Whether the one supplier and the one recipient read should trade sides: a
    preposition marks one of them for the other side ("did not receive any weapons from
    Russia" read with Russia as the recipient) and nothing marks either for its own."""
    suppliers = [i for i, k in enumerate(best) if k == SUPPLIER]
    recipients = [i for i, k in enumerate(best) if k == RECIPIENT]
    if len(suppliers) != 1 or len(recipients) != 1:
        return False
    s, r = suppliers[0], recipients[0]
    if marks[s] == SUPPLIER or marks[r] == RECIPIENT:
        return False
    return marks[s] == RECIPIENT or marks[r] == SUPPLIER


def marked_other_side(
    probs: torch.Tensor, sides: Sequence[int], marks: Sequence[int], floor: float
) -> tuple[int, int] | None:
    """(candidate, column) for the missing side of a one-sided transfer: the party a
    preposition marks for it ("got mortar rounds from Rwanda", Rwanda unread), when the
    role head gives it that side at ``floor`` at least; else None."""
    read = {k for k in sides if k in (SUPPLIER, RECIPIENT)}
    if len(read) != 1:
        return None
    other = RECIPIENT if read == {SUPPLIER} else SUPPLIER
    marked = [
        i
        for i, m in enumerate(marks)
        if m == other and sides[i] == 0 and float(probs[i, other]) >= floor
    ]
    return (max(marked, key=lambda i: float(probs[i, other])), other) if marked else None


def kept(probs: torch.Tensor, best: list[int], cutoff: float) -> list[int]:
    """Each candidate's argmax role column where it reaches ``cutoff``, else 0 (none)."""
    return [k if k > 0 and float(probs[i, k]) >= cutoff else 0 for i, k in enumerate(best)]


def settle_sides(
    text: str,
    spans: Sequence[tuple[int, int]],
    known: Sequence[tuple[int, int, str]],
    probs: torch.Tensor,
    best: list[int],
    cutoff: float,
) -> tuple[list[int], set[int]]:
    """An arms transfer's role columns after decoding for both sides, and the candidates
    moved (kept whatever their probability). ``probs``: per candidate over the allowed
    columns; ``best``: each candidate's argmax; ``cutoff``: the role cutoff. In order: two
    or more parties on one side (:func:`both_sides`); a reading the separate prepositions
    contradict (:func:`marked_swap`); a missing side a separate preposition names
    (:func:`marked_other_side`)."""
    marks = [side_marked(text, span, known) for span in spans]
    flipped = both_sides(probs, best, marks, cutoff)
    if flipped is not None:
        return [flipped[1] if i == flipped[0] else k for i, k in enumerate(best)], {flipped[0]}
    read = kept(probs, best, cutoff)
    words = [side_marked(text, span, known, glued=False) for span in spans]
    if marked_swap(read, words):
        moved = {i for i, k in enumerate(read) if k in _SWAP}
        return [_SWAP[k] if i in moved else k for i, k in enumerate(best)], moved
    added = marked_other_side(probs, read, words, MARKED_FLOOR)
    if added is not None:
        return [added[1] if i == added[0] else k for i, k in enumerate(best)], {added[0]}
    return best, set()
