"""Invitations: "دعا X Y لزيارة Z", "X invited Y to visit Z", "الذي دعاه X لزيارة".

The inviter is the subject of the invitation word, the visitor its object;
an object pronoun glued to the verb (دعاه, "invited him") points back to the
party before the clause.
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s1_document.normalize import Token, fold
from models.s1_document.phrases import readings
from models.s7_assemble.candidate import PARTY_KINDS
from models.s7_assemble.context import SentenceView, markers

_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")
_EN_PRONOUNS = frozenset({"him", "her", "them"})


def _invite_token(view: SentenceView, trigger: Trigger) -> Token | None:
    clause = view.clause_of(trigger.start)
    words = markers()["invite"]["words"]
    found = [
        t
        for t in view.tokens
        if clause.start <= t.start < trigger.start and (readings(t) | {fold(t.surface)}) & words
    ]
    return found[-1] if found else None


def _object_pronoun(view: SentenceView, token: Token) -> bool:
    word = fold(token.surface)
    if word.endswith(_PRONOUN_SUFFIXES) and not word.endswith("دعوه"):
        return True
    following = view.after(token.end)[:1]
    return bool(following) and following[0].norm in _EN_PRONOUNS


def invitation(
    view: SentenceView, trigger: Trigger
) -> tuple[Mention | None, Mention | None] | None:
    """(inviter, visitor) when the visit trigger is the object of an invitation, else None."""
    token = _invite_token(view, trigger)
    if token is None:
        return None
    clause = view.clause_of(trigger.start)
    parties = [m for m in view.mentions if m.kind in PARTY_KINDS]
    between = [m for m in parties if token.end <= m.start and m.end <= trigger.start]
    before = [m for m in parties if m.end <= token.start and m.start >= clause.start]
    earlier = [m for m in parties if m.end <= clause.start]
    source = [m for m in between if view.marks.get(m.start) in ("from", "by")]
    if source:  # "handed Y an invitation from X to visit"
        others = [m for m in before if m is not source[0]]
        return source[0], (others[-1] if others else None)
    if _object_pronoun(view, token):
        inviter = before[-1] if before else (between[0] if between else None)
        return inviter, (earlier[-1] if earlier else None)
    if len(between) >= 2:
        return between[0], between[-1]
    if before and between:
        return before[-1], between[0]
    # "accepted an invitation to visit": the subject is the visitor, no inviter named
    return None, (before[-1] if before else (earlier[-1] if clause.relative and earlier else None))


# "at the invitation of X", "بدعوة من X", "تلبية لدعوة X": X invites, someone else travels.
# Not "الدعوة لـ X" nor "invitation to X": there X is the one invited.
_AT_INVITATION = frozenset(fold(w) for w in ("بدعوة", "لدعوة"))
_OF = frozenset(("of", "from", "by"))
_TITLE_WORDS = 3  # "Chinese Premier", "الشيخ", "خادم الحرمين الشريفين الملك"


def invited_by(view: SentenceView, mention: Mention) -> bool:
    """Is ``mention`` named as the one who invites ("at the invitation of Chinese
    Premier Wen", "بدعوة من الشيخ محمد")? A title of a few words may stand between."""
    before = [fold(t.surface) for t in view.before(mention.start)][-_TITLE_WORDS - 2 :]
    for k, word in enumerate(before):
        rest = before[k + 1 :]
        if word == "invitation" and rest and rest[0] in _OF:
            return len(rest) - 1 <= _TITLE_WORDS
        if word in _AT_INVITATION:
            titles = rest[1:] if rest and rest[0] == "من" else rest
            return len(titles) <= _TITLE_WORDS and not any(w.startswith("ل") for w in titles)
    return False
