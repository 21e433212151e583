"""Arms-transfer parties the clause names only indirectly.

"his country" / "بلاده" is the country of the speaker named before it ("the
French defence minister said his country delivered ...", "أن بلاده سلمت
مصر"); and a second transfer of the same sentence ("... ومن المنتظر تسليم
إحدى الفرقاطات الفرنسية") shares the parties of the first when it names one
of them and leaves the other out.
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s1_document.normalize import fold
from models.s7_assemble.candidate import PARTY_KINDS, PLACE_KINDS, Candidate
from models.s7_assemble.context import SentenceView
from models.schema import Role

_HOME = frozenset(fold(w) for w in ("بلاده", "بلادها", "بلادهم", "وبلاده", "لبلاده"))
_HOME_EN = ("his country", "her country", "its country")
_AUXILIARIES = ("", "has", "had", "will", "would", "is", "was")
_AUX_AR = frozenset(fold(w) for w in ("قد", "لم", "لن", "كانت", "كان", "تكون", "يكون"))
_REACH = 1  # the word right before or right after the verb: its subject


def _home_span(view: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    clause = view.clause_of(trigger.start)
    # "أن تكون بلاده قد أرسلت": auxiliaries do not separate a subject from its verb.
    inside = [
        t
        for t in view.tokens
        if clause.start <= t.start < clause.end and fold(t.surface) not in _AUX_AR
    ]
    at = next((i for i, t in enumerate(inside) if t.start >= trigger.start), len(inside))
    for token in inside[max(at - _REACH, 0) : at + _REACH + 1]:
        if fold(token.surface) in _HOME:
            return token.start, token.end
    lowered = view.text[clause.start : trigger.start].lower()
    for phrase in _HOME_EN:
        found = lowered.rfind(phrase)
        end = clause.start + found + len(phrase)
        if found >= 0 and view.text[end : trigger.start].strip() in _AUXILIARIES:
            return clause.start + found, end
    return None


def home_country(view: SentenceView, trigger: Trigger) -> Mention | None:
    """The country "his country" / "بلاده" near the trigger stands for, or None."""
    span = _home_span(view, trigger)
    if span is None:
        return None
    speakers = [
        m
        for m in view.mentions
        if m.end <= span[0] and m.country and (m.kind in PARTY_KINDS or m.demonym)
    ]
    if not speakers:
        return None
    country = speakers[-1].country
    named = view.article.of_country(PLACE_KINDS, country)
    name = next((m.name for m in named if m.name), None)
    text = view.text[span[0] : span[1]]
    return Mention(span[0], span[1], text, "GPE", f"GPE:{country}", name, country)


def share_parties(cands: list[Candidate]) -> None:
    """Complete a same-sentence transfer that names one party from one naming both."""
    full = [c for c in cands if c.type == "ARMS_TRANSFER" and _both(c)]
    for cand in cands:
        if cand.type != "ARMS_TRANSFER" or _both(cand):
            continue
        for other in full:
            _fill(cand, other, "supplier", "recipient")
            _fill(cand, other, "recipient", "supplier")


def _both(cand: Candidate) -> bool:
    return bool(cand.keys("supplier")) and bool(cand.keys("recipient"))


def _fill(cand: Candidate, other: Candidate, known: Role, missing: Role) -> None:
    if cand.keys(known) & other.keys(known) and not cand.keys(missing):
        for role, mention in other.actors:
            if role == missing:
                cand.add(missing, mention)


_OFFER = frozenset(fold(w) for w in ("عرض", "عرضت", "يعرض", "تعرض", "وعرض", "وعرضت"))
_ON = fold("على")


def offer_parties(view: SentenceView, trigger: Trigger) -> tuple[Mention, Mention] | None:
    """ "عرضت فرنسا على الكويت بيع ...": (supplier, recipient) of an offered sale; the
    offerer is the party beside the verb, the recipient the one after على."""
    clause = view.clause_of(trigger.start)
    tokens = [t for t in view.tokens if clause.start <= t.start < trigger.start]
    verbs = [i for i, t in enumerate(tokens) if fold(t.surface) in _OFFER]
    ons = [i for i, t in enumerate(tokens) if fold(t.surface) == _ON and verbs and i > verbs[-1]]
    if not verbs or not ons:
        return None
    verb, on = tokens[verbs[-1]], tokens[ons[0]]
    actors = [m for m in view.in_clause(clause) if m.kind in PARTY_KINDS + PLACE_KINDS]
    recipient = next((m for m in actors if m.start > on.start), None)
    beside = [m for m in actors if m.end <= on.start and m is not recipient and not m.demonym]
    inner = [m for m in beside if m.start > verb.start] or [
        m for m in beside if m.end <= verb.start
    ]
    home = home_country(view, Trigger(verb.start, verb.end, verb.surface, trigger.type))
    if recipient is None or recipient.start > trigger.start or not (inner or home):
        return None
    if home is not None:  # "أن تكون بلاده قد عرضت على الأردن"
        return home, recipient
    return inner[0] if inner[0].start > verb.start else inner[-1], recipient
