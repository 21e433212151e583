"""Role assignment: which mentions around a trigger fill which roles.

General word-order rules, in both languages: the subject is the nearest party
before the trigger in its clause (or, in Arabic verb-first clauses, the first
party after it; in a relative clause, the antecedent); prepositions decide the
rest (مع/with → participant, إلى/لـ/to → destination or recipient, من/from →
supplier, في/in → place).
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s1_document.normalize import fold, is_arabic
from models.s7_assemble.candidate import PARTY_KINDS, PLACE_KINDS, Candidate
from models.s7_assemble.context import SentenceView, markers
from models.s7_assemble.destinations import adjacent, dateline, followed_by_here, home_of
from models.s7_assemble.guests import host, host_home, is_participle, participle_visitor
from models.s7_assemble.invite import invitation
from models.s7_assemble.nominal import has_structure, names_the_event
from models.s7_assemble.subjects import (
    apposition,
    received_someone,
    reported_before,
    sentence_subject,
)

_TITLE_REACH = 1  # a place right after a title word ("وزير خارجية كوريا") is the title's
_NAME_REACH = 2  # a place right before a name ("الرئيس الروسي فلاديمير بوتين") describes it


def is_title_complement(view: SentenceView, mention: Mention) -> bool:
    """True for the country in "Foreign Minister of North Korea" / "وزير خارجية كوريا"."""
    words = markers()["title"]["words"]
    before = view.before(mention.start)[-_TITLE_REACH:]
    if any(fold(t.surface) in words or t.norm in words for t in before):
        return True
    if view.marks.get(mention.start) in ("to", "in"):
        return False  # "زيارة إلى طهران الرئيس روحاني": a destination, then the next party
    after = view.after(mention.end)[:_NAME_REACH]
    people = [m for m in view.mentions if m.kind == "PERSON"]
    return any(m.start == t.start for t in after for m in people)


def subject(view: SentenceView, trigger: Trigger, kinds: tuple[str, ...]) -> Mention | None:
    """The party the trigger's clause is about (see module docstring)."""
    clause = view.clause_of(trigger.start)
    # An Arabic country adjective follows and describes a noun ("صحيفة هندية"), it is no
    # subject; an English one often is all the finder sees of it ("the Greek government").
    arabic = is_arabic(trigger.text)
    inside = [m for m in view.in_clause(clause) if m.kind in kinds and not (arabic and m.demonym)]
    before = [m for m in inside if m.end <= trigger.start and view.marks.get(m.start) is None]
    # "Jiji Press said the minister would visit": a reporter is not the subject.
    said = reported_before(view, trigger)
    before = [m for m in before if not any(m.end <= s for s in said)]
    if before:
        return before[-1]
    if clause.relative:
        earlier = [m for m in view.mentions if m.end <= clause.start and m.kind in kinds]
        if earlier:
            return earlier[-1]
    if trigger.type == "VISIT" and not arabic:
        return None  # English is subject-first: "will visit Tokyo at the invitation of X"
    after = [m for m in inside if m.start >= trigger.end and view.marks.get(m.start) is None]
    return after[0] if after else None


def places_after(
    view: SentenceView, trigger: Trigger, marks: tuple[str | None, ...]
) -> list[Mention]:
    """Places after the trigger in its clause whose marker is one of ``marks``."""
    clause = view.clause_of(trigger.start)
    return [
        m
        for m in view.in_clause(clause)
        if m.kind in PLACE_KINDS
        and m.start >= trigger.end
        and view.marks.get(m.start) in marks
        and not is_title_complement(view, m)
    ]


def meeting(view: SentenceView, trigger: Trigger, cand: Candidate) -> None:
    """Participants: the clause's parties plus the sentence subject; place: "in X"."""
    if not received_someone(view, trigger) or not has_structure(view, trigger):
        return  # "received a doctorate", "talks on the nuclear issue": no meeting
    clause = view.clause_of(trigger.start)
    parties = [  # "a diplomat in the State Department said ...": not a party to the meeting
        m
        for m in view.in_clause(clause)
        if m.kind in PARTY_KINDS
        and view.marks.get(m.start) != "in"
        and not names_the_event(view, trigger, m)
    ]
    subj = subject(view, trigger, PARTY_KINDS)
    if subj is not None and not names_the_event(view, trigger, subj):
        cand.add("participant", subj)
    for mention in parties:
        cand.add("participant", mention)
    # Fallbacks only when the clause alone does not give two parties.
    if len(cand.actors) < 2:
        cand.add("participant", sentence_subject(view, trigger))
    if len(cand.actors) < 2:
        cand.add("participant", apposition(view, trigger))
    if len(cand.actors) < 2:
        for mention in _country_parties(view, trigger):
            cand.add("participant", mention)


def _country_parties(view: SentenceView, trigger: Trigger) -> list[Mention]:
    """ "talks with Russia": countries after the trigger governed by مع/with."""
    clause = view.clause_of(trigger.start)
    return [
        m
        for m in view.in_clause(clause)
        if m.kind in PLACE_KINDS
        and m.start >= trigger.end
        and view.marks.get(m.start) == "with"
        and not is_title_complement(view, m)
    ]


def visit(view: SentenceView, trigger: Trigger, cand: Candidate) -> None:
    """Visitor, destination, and for invitations the inviter."""
    invited = invitation(view, trigger)
    if invited is not None:
        cand.add("inviter", invited[0])
        cand.add("visitor", invited[1])
    elif is_participle(trigger):
        cand.add("visitor", participle_visitor(view, trigger))
    else:
        found = _genitive(view, trigger) or subject(view, trigger, PARTY_KINDS)
        cand.add("visitor", found or sentence_subject(view, trigger))
    visitors = cand.keys("visitor")
    # A country adjective is not a destination ("first visit by a Russian president").
    dest = [
        m
        for m in places_after(view, trigger, ("to", None, "in"))
        if m.key not in visitors and not m.demonym
    ]
    # "arrived in Cairo on a visit to Egypt": the place the trigger governs comes
    # first (the most specific), then one marked "to", then the nearest.
    ranked = sorted(
        dest,
        key=lambda m: (not adjacent(view, trigger, m), view.marks.get(m.start) != "to", m.start),
    )
    cand.location = ranked[0] if ranked else _destination_before(view, trigger)
    if cand.location is None and followed_by_here(view, trigger):
        cand.location = dateline(view)
    if cand.location is None and invited is not None and invited[0] is not None:
        cand.location = home_of(view, invited[0])
    if is_participle(trigger) and visitors:  # "X held talks with visiting Y": X hosts
        cand.add("host", host(view, trigger, visitors))
        cand.location = cand.location or host_home(view, cand)


def _destination_before(view: SentenceView, trigger: Trigger) -> Mention | None:
    """ "وصل إلى طهران في زيارة" / "arrived in Tehran on a visit": the place named before."""
    clause = view.clause_of(trigger.start)
    before = [
        m
        for m in view.in_clause(clause)
        if m.kind in PLACE_KINDS and m.end <= trigger.start and view.marks.get(m.start) == "to"
    ]
    return before[-1] if before else None


# Words that open a clause of its own: a name after one is that clause's, not the
# trigger's ("to visit Japan since President Reagan announced ...").
_SUBORDINATOR_WORDS = ("since", "after", "before", "when", "while", "because",
                       "منذ", "بعد", "قبل", "عندما", "حين")  # fmt: skip
_SUBORDINATORS = frozenset(fold(w) for w in _SUBORDINATOR_WORDS)


def _subordinate(view: SentenceView, trigger: Trigger, mention: Mention) -> bool:
    """Does a clause-opening word stand between ``trigger`` and ``mention``?"""
    return any(
        trigger.end <= t.start and t.end <= mention.start and fold(t.surface) in _SUBORDINATORS
        for t in view.tokens
    )


def _genitive(view: SentenceView, trigger: Trigger) -> Mention | None:
    """ "زيارة كيم" / "Kim's visit" / "visit by Kim": the visitor named with a noun trigger."""
    clause = view.clause_of(trigger.start)
    near = view.after(trigger.end)[:4]
    reach = near[-1].start if near else -1
    for mention in view.in_clause(clause):
        if mention.kind not in PARTY_KINDS:
            continue
        unmarked = view.marks.get(mention.start) in (None, "by")
        # "the second visit of an Iraqi president": someone generic, not a named visitor
        if view.text[max(mention.start - 3, 0) : mention.start].lower() in (" a ", "an "):
            continue
        if (
            trigger.end <= mention.start <= reach
            and unmarked
            and not _subordinate(view, trigger, mention)
        ):
            return mention
        gap = view.text[mention.end : trigger.start]
        if mention.end <= trigger.start and gap.strip() in ("'s", "’s"):
            return mention
    return None
