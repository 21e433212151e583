"""Status of one trigger from the cues around it.

Why per trigger and per clause: "Putin is to receive Choe today, alongside
Lavrov, who visited Pyongyang in October" holds a planned meeting and an
occurred visit. A verb's own form and the cues *before* it in its clause
decide its status; a noun ("the visit", "shipments") also takes cues after it
in its clause, then in the clauses that follow ("the visit ... is on the
agenda").
"""

from __future__ import annotations

from collections.abc import Sequence

from models.s1_document.clauses import Clause
from models.s1_document.phrases import PhraseHit
from models.s4_triggers.resources import ADJACENT
from models.schema import Status

# When cues disagree, the most hedged reading wins: a denial or a claim
# outranks an invitation, which outranks a schedule.
PRIORITY: tuple[Status, ...] = ("denied", "alleged", "proposed", "planned", "occurred")


def _strongest(labels: list[str]) -> Status | None:
    for status in PRIORITY:
        if status in labels:
            return status
    return None


def _applies(cue: PhraseHit, trigger: PhraseHit, noun: bool) -> bool:
    """Does ``cue`` (in the trigger's clause) bear on ``trigger``?"""
    if cue.label.endswith(ADJACENT):
        return 1 <= trigger.first - cue.last <= 2
    return noun or cue.end <= trigger.start


def _claimed(cue: PhraseHit, trigger: PhraseHit, others: Sequence[PhraseHit]) -> bool:
    """An invitation or offer after ``trigger`` and before another trigger of its type
    introduces that one: "during a visit to Tehran he handed Rouhani an invitation to
    visit Paris" (a schedule word may describe both: "will take him to X, the first visit")."""
    kind = trigger.label.split("|")[0]
    proposal = cue.label.rstrip(ADJACENT) == "proposed"
    return (
        proposal
        and cue.start >= trigger.end
        and any(
            o.label.split("|")[0] == kind and o.start > trigger.start and cue.end <= o.start
            for o in others
        )
    )


def _reported(cue: PhraseHit, trigger: PhraseHit, complementisers: Sequence[int]) -> bool:
    """A cue after a complementiser that follows the trigger is the reported clause's own:
    in "he told Wang during a visit to Beijing that Russia would help" (خلال زيارته ...
    إن بلاده ستعمل) "would" is not the visit's."""
    return any(trigger.end <= at < cue.start for at in complementisers)


def trigger_status(
    trigger: PhraseHit,
    form: str,
    clause: Clause,
    later: list[Clause],
    cues: list[PhraseHit],
    others: Sequence[PhraseHit] = (),
    complementisers: Sequence[int] = (),
) -> Status:
    """Status of ``trigger`` given every cue of its sentence (sentence offsets), the
    sentence's other triggers (``others``) and where its complementisers ("that", "أن")
    start."""
    noun = form == "noun"
    cues = [
        c
        for c in cues
        if not _claimed(c, trigger, others) and not _reported(c, trigger, complementisers)
    ]
    inside = [c for c in cues if clause.start <= c.start < clause.end]
    own = _strongest([c.label.rstrip(ADJACENT) for c in inside if _applies(c, trigger, noun)])
    if own is not None:
        return own
    if form == "future":
        return "planned"
    if noun:
        after = [c.label for c in cues if any(k.start <= c.start < k.end for k in later)]
        found = _strongest([label for label in after if not label.endswith(ADJACENT)])
        if found is not None:
            return found
    return "occurred"
