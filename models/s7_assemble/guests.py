"""The participle "visiting": "X received visiting Y", "X told visiting Y".

"visiting" names a guest: the party right after it ("visiting President
Macron") or right before it ("Lavrov, visiting Beijing,"); with neither it
modifies a common noun ("pilgrims visiting for the mass", "servicemen
visiting the Philippines", "a visiting Angola team") and names no visit. A
capitalised "Visiting" inside a sentence belongs to a name ("Visiting Forces
Agreement"). The party before it in the clause hosts the guest, which is a
meeting of the two, and a visit to the host's country when no place is named.
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s7_assemble.candidate import PARTY_KINDS, Candidate
from models.s7_assemble.context import SentenceView
from models.s7_assemble.destinations import home_of
from models.s7_assemble.subjects import participle_guest

_BRIDGE = frozenset(("currently", "now", "also", "who", "is", "was", "are", "were", "still"))


def is_participle(trigger: Trigger) -> bool:
    return trigger.text.lower() == "visiting"


def participle_visitor(view: SentenceView, trigger: Trigger) -> Mention | None:
    """The guest "visiting" names, or None (see module docstring)."""
    if trigger.text == "Visiting" and view.text[view.sentence.start : trigger.start].strip():
        return None
    after = participle_guest(view, trigger)
    if after is not None:
        return after
    before = [m for m in view.mentions if m.kind in PARTY_KINDS and m.end <= trigger.start]
    gap = view.text[before[-1].end : trigger.start] if before else "-"
    # "Taro Aso, currently visiting Washington,", "Lavrov, who is visiting Beijing,"
    if before and all(w in _BRIDGE for w in gap.replace(",", " ").lower().split()):
        return before[-1]
    return None


def host(view: SentenceView, trigger: Trigger, visitors: set[str]) -> Mention | None:
    """ "Hu received visiting X": the last other party before the participle in its clause."""
    clause = view.clause_of(trigger.start)
    before = [m for m in view.in_clause(clause) if m.end <= trigger.start]
    hosts = [m for m in before if m.kind in PARTY_KINDS and m.key not in visitors]
    return hosts[-1] if hosts else None


def host_home(view: SentenceView, visit: Candidate) -> Mention | None:
    """The host's country, the destination of a visit that names no place."""
    hosts = [m for r, m in visit.actors if r == "host"]
    return home_of(view, hosts[0]) if hosts else None


def guest_meeting(visit: Candidate) -> Candidate | None:
    """The meeting of host and guest a hosted "visiting" visit implies."""
    hosts = [m for r, m in visit.actors if r == "host"]
    guests = [m for r, m in visit.actors if r == "visitor"]
    if not hosts or not guests:
        return None
    return meeting_of(visit, [hosts[0], guests[0]])


def meeting_of(visit: Candidate, parties: list[Mention]) -> Candidate:
    """The meeting of ``parties`` a visit implies: its status, evidence and confidence."""
    meeting = Candidate("MEETING", visit.status, evidence=list(visit.evidence))
    meeting.confidence = visit.confidence
    for mention in parties:
        meeting.add("participant", mention)
    return meeting
