"""A name written with its father's, cut before the family name the gazetteer knows.

"وزير الخارجية الأستاذ عادل بن أحمد الجبير": the gazetteer knows "الجبير" (Adel al-Jubeir,
alias "عادل الجبير") but not the full lineage, so the title's unknown name ran to "عادل بن
أحمد" and stopped at the known one, giving two people where the text names one (a meeting
"of" him with himself). The unknown lineage name and the known family name right after it
are one person, the known one, when his own first name opens the lineage.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.s1_document.normalize import Token, fold
from models.s2_entities.matches import Match
from models.s2_entities.titled import LINEAGE


def join_lineage(text: str, tokens: Sequence[Token], matches: list[Match]) -> list[Match]:
    """``matches`` with each unknown "X بن Y" person and the known person right after it
    whose alias begins with X made one match of the known person (sorted by offset)."""
    ordered = sorted(matches, key=lambda m: m.first)
    out: list[Match] = []
    k = 0
    while k < len(ordered):
        here = ordered[k]
        nxt = ordered[k + 1] if k + 1 < len(ordered) else None
        if nxt is not None and _same_person(text, tokens, here, nxt):
            out.append(Match(here.first, nxt.last, here.stripped, nxt.record))
            k += 2
            continue
        out.append(here)
        k += 1
    return out


def _same_person(text: str, tokens: Sequence[Token], lineage: Match, known: Match) -> bool:
    if lineage.record.kind != "PERSON" or lineage.record.name is not None:
        return False
    if known.record.kind != "PERSON" or known.record.name is None or known.first != lineage.last:
        return False
    words = [fold(t.surface) for t in tokens[lineage.first : lineage.last]]
    if len(words) < 3 or not any(w in LINEAGE for w in words[1:-1]):
        return False
    if text[tokens[lineage.last - 1].end : tokens[known.first].start].strip():
        return False  # punctuation between: two names
    firsts = {fold(a.split()[0]) for a in known.record.aliases if a.split() and not a.isascii()}
    return words[0] in firsts
