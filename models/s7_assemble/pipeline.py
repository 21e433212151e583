"""The assembly stage: sentence signals + mentions + times → merged events.

Extractor-independent: the lexicon extractor and the trained heads both hand
their :class:`SentenceSignal` objects here.
"""

from __future__ import annotations

from collections.abc import Callable

from models.mentions import Mention, SentenceSignal, Trigger
from models.s1_document.document import Document
from models.s7_assemble import coref
from models.s7_assemble.arms import arms
from models.s7_assemble.build import event_ids, is_complete, to_event, travels
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.context import SentenceView, build_view
from models.s7_assemble.delegation import drop_led_delegations, fold_delegations
from models.s7_assemble.destinations import abroad, dateline, tour_stops
from models.s7_assemble.guests import guest_meeting, is_participle
from models.s7_assemble.index import ArticleIndex
from models.s7_assemble.merge import merge, status_ok
from models.s7_assemble.officeholder import fold_offices
from models.s7_assemble.parties import drop_non_parties
from models.s7_assemble.possessor import at_arrival, own_sitting, received_guest
from models.s7_assemble.roles import meeting, visit
from models.s7_assemble.suppliers import share_parties
from models.s7_assemble.timing import event_time, lead_time, settle, tenseless
from models.s7_assemble.vague import fold_vague
from models.s7_assemble.venue import from_visits, to_host_country, to_visits, venue
from models.schema import Event, EventType, ExtractorInfo, Status

RoleRule = Callable[[SentenceView, Trigger, Candidate], None]
_RULES: dict[EventType, RoleRule] = {"MEETING": meeting, "VISIT": visit, "ARMS_TRANSFER": arms}


def status_of(signal: SentenceSignal, trigger: Trigger) -> Status:
    """Per-trigger status when the signal carries one (lexicon), else the sentence's."""
    per_trigger: dict[tuple[int, int], Status] = getattr(signal, "trigger_status", {})
    return per_trigger.get(
        (trigger.start, trigger.end), signal.status.get(trigger.type, "occurred")
    )


def _triggers(signal: SentenceSignal) -> list[Trigger]:
    """The signal's triggers; a sentence-level type with none gets a sentence-wide one."""
    found = list(signal.triggers)
    s = signal.sentence
    for event_type in signal.types:
        if not any(t.type == event_type for t in found):
            found.append(Trigger(s.start, s.start, "", event_type))
    return found


def _inside_name(view: SentenceView, trigger: Trigger) -> bool:
    """A trigger word inside a name is part of the name: "فيصل" (Faisal) is not ف+يصل
    ("and arrives"), nor "Summit" in "the G20 Summit Secretariat"."""
    # A name exactly the trigger is more likely a capitalised word ("Deliveries of ...").
    return trigger.end > trigger.start and any(
        m.start <= trigger.start and trigger.end <= m.end and m.end - m.start > len(trigger.text)
        for m in view.mentions
    )


def _candidates(view: SentenceView, signal: SentenceSignal) -> list[Candidate]:
    out = []
    for trigger in _triggers(signal):
        if _inside_name(view, trigger):
            continue
        if trigger.type == "MEETING" and at_arrival(view, trigger):
            continue  # "وكان في استقباله لدى وصوله": an airport welcome
        if trigger.type == "MEETING" and own_sitting(view, trigger):
            continue  # "خلال اجتماعها", "رأس الأمير الاجتماع": a body's own sitting
        cand = Candidate(
            trigger.type,
            status_of(signal, trigger),
            evidence=[view.sentence],
            confidence=signal.types.get(trigger.type, 0.5),
            tenseless=tenseless(view, trigger),
        )
        _RULES[trigger.type](view, trigger, cand)
        if cand.type == "VISIT" and received_guest(view, trigger, cand):
            cand.location = None  # "وكان في استقباله لدى وصوله مطار ...": the visit just told
        if cand.type == "MEETING":
            cand.location = venue(view, trigger)
        cand.time = event_time(view, trigger, cand.arguments())
        out.append(cand)
        guest = guest_meeting(cand) if is_participle(trigger) else None
        if guest is not None:  # "Hu received visiting X": the two met
            guest.time = cand.time
            guest.location = venue(view, trigger)
            out.append(guest)
    for cand in out:  # a meeting held on a visit takes the visit's destination
        if cand.type == "MEETING" and cand.location is None:
            cand.location = _visit_place(cand, out) or dateline(view)
    share_parties(out)
    return out


def _visit_place(meeting: Candidate, cands: list[Candidate]) -> Mention | None:
    """Destination of a same-sentence visit by one of the meeting's participants."""
    for other in cands:
        same_party = other.keys("visitor") & meeting.keys("participant")
        if other.type == "VISIT" and same_party and status_ok(other.status, meeting.status):
            return other.location
    return None


def assemble(doc: Document, info: ExtractorInfo) -> list[Event]:
    """Stage 7 for the rule extractor: the document's ``candidates`` by the role rules,
    then its ``events`` (see the package docstring for the rules).

    Deterministic: the same document gives the same events and event ids.
    """
    doc.candidates = rule_candidates(doc)
    return finish(doc, info)


def rule_candidates(doc: Document) -> list[Candidate]:
    """Candidates by the role rules, for every sentence a signal gives a type."""
    article = ArticleIndex.of(doc, coref.resolve(doc.text, list(doc.mentions), doc.tokens))
    cands: list[Candidate] = []
    for signal in doc.signals:
        if signal.types:
            cands += _candidates(build_view(signal.sentence, article), signal)
    return cands


def finish(doc: Document, info: ExtractorInfo) -> list[Event]:
    """The rules every extractor's candidates (the document's ``candidates`` layer) go
    through: merge mentions of one event (an office's visit joining its holder's), drop
    incomplete ones, places from visits, times settled, deterministic ids. Sets and
    returns the ``events`` layer."""
    article, language = doc.article, doc.language
    drop_non_parties(doc.text, doc.candidates)
    drop_led_delegations(doc, doc.candidates)
    merged = fold_delegations(fold_offices(merge(tour_stops(doc, doc.candidates))))
    to_visits(merged)  # before the incomplete are dropped: a visit may take a meeting's place
    to_host_country(doc, merged)
    merged = fold_vague([c for c in merged if is_complete(c) and abroad(c) and travels(c)])
    from_visits(merged)
    published = article.published_anchor()
    settle(merged, lead_time(doc.sentences, doc.times, published), published, language)
    ids = event_ids(article.id, merged)
    doc.events = [
        to_event(c, i, article.id, language, info) for c, i in zip(merged, ids, strict=True)
    ]
    return doc.events
