"""The core's readings → candidate events, in article offsets, for the shared assembly rules.

Who did what comes from the role head; rules only do what rules are right for:
a role span takes the canonical identity of the gazetteer mention it overlaps
(kept as written when there is none), time is the nearest normalised time
expression of the trigger's clause, and a meeting with no place takes the
article's dateline.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.assemble import coref
from models.assemble.candidate import PARTY_KINDS, PLACE_KINDS, Candidate
from models.assemble.context import build_view, nearest_time
from models.assemble.destinations import dateline
from models.core.reader import Reading, RoleReading
from models.mentions import Mention, Sentence, TimeMention, Trigger
from models.schema import EntityKind
from models.text.normalize import fold, tokenize

_KINDS: dict[str, EntityKind] = {"PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC"}


def _unknown(text: str, start: int, end: int, kind: EntityKind) -> Mention:
    words = " ".join(fold(t.surface) for t in tokenize(text[start:end]))
    return Mention(start, end, text[start:end], kind, key=f"{kind}:~{words}")


def model_mentions(
    text: str,
    sentences: Sequence[Sentence],
    readings: Sequence[Reading | None],
    known: Sequence[Mention],
) -> list[Mention]:
    """The entity head's spans the gazetteer does not cover, as article mentions."""
    out: list[Mention] = []
    for sentence, reading in zip(sentences, readings, strict=True):
        for span in reading.entities if reading else []:
            a, b = sentence.start + span.start, sentence.start + span.end
            if not any(m.start < b and a < m.end for m in [*known, *out]):
                out.append(_unknown(text, a, b, _KINDS.get(span.label, "PERSON")))
    return out


def _mention(text: str, role: RoleReading, shift: int, mentions: Sequence[Mention]) -> Mention:
    a, b = shift + role.start, shift + role.end
    touching = [
        m
        for m in mentions
        if m.start < b and a < m.end and not m.in_title and (m.name or a <= m.start <= m.end <= b)
    ]
    if touching:  # the canonical entry the span names; an unknown name only inside the span
        return max(touching, key=lambda m: (min(b, m.end) - max(a, m.start), m.end - m.start))
    return _unknown(text, a, b, "GPE" if role.role == "place" else "PERSON")


def candidates(
    text: str,
    sentence: Sentence,
    reading: Reading,
    mentions: list[Mention],
    times: list[TimeMention],
) -> list[Candidate]:
    """One candidate per trigger the core read in ``sentence``."""
    view = build_view(sentence, text, mentions, times)
    out = []
    for trig in reading.triggers:
        start, end = sentence.start + trig.start, sentence.start + trig.end
        trigger = Trigger(start, end, text[start:end], trig.type)
        cand = Candidate(trig.type, trig.status, evidence=[sentence], confidence=trig.score)  # type: ignore[arg-type]
        places = []
        for role in sorted(trig.roles, key=lambda r: -r.score):
            mention = _mention(text, role, sentence.start, view.mentions)
            if role.role != "place":
                cand.add(role.role, mention)  # type: ignore[arg-type]
            elif mention.kind in PLACE_KINDS:  # a person or organisation is no place
                places.append(mention)
        if places:
            cand.location = places[0]
        elif trig.type == "MEETING":
            cand.location = dateline(view)
        cand.time = nearest_time(view, trigger)
        out.append(_consistent(cand))
    return out


def _consistent(cand: Candidate) -> Candidate:
    """Role types the model got wrong and the gazetteer settles: a known place among a
    meeting's or visit's parties next to people or organisations is where it happened
    (the destination of a visit), not a party ("لافروف الذي زار بيونغ يانغ")."""
    if cand.type == "ARMS_TRANSFER":
        return cand
    party = "participant" if cand.type == "MEETING" else "visitor"
    people = [m for r, m in cand.actors if r == party and m.kind in PARTY_KINDS]
    places = [m for r, m in cand.actors if r == party and m.kind in PLACE_KINDS and m.name]
    needed = 2 if cand.type == "MEETING" else 1
    if len(people) < needed or not places:
        return cand
    cand.actors = [(r, m) for r, m in cand.actors if not (r == party and m in places)]
    if cand.location is None:
        cand.location = next((m for m in places if not m.demonym), None)
    return cand


def article_candidates(
    text: str,
    sentences: Sequence[Sentence],
    readings: Sequence[Reading | None],
    mentions: Sequence[Mention],
    times: Sequence[TimeMention],
) -> list[Candidate]:
    """Candidates of every read sentence; names resolved across the article first."""
    found = list(mentions) + model_mentions(text, sentences, readings, mentions)
    resolved = coref.resolve(text, sorted(found, key=lambda m: (m.start, m.end)))
    out: list[Candidate] = []
    for sentence, reading in zip(sentences, readings, strict=True):
        if reading is not None and reading.triggers:
            out += candidates(text, sentence, reading, resolved, list(times))
    return out
