"""Fallback parties for a trigger whose own clause names too few.

Clauses are cut at commas, so an apposition ("Zhang, China's envoy to UNEP,
met with ...") or a fronted phrase ("During his meeting with Ungureanu, Tang
noted ...") separates a party from its trigger. These helpers look one step
outside the clause; role rules call them only when the clause alone falls short.
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s1_document.normalize import Token, fold
from models.s7_assemble.candidate import PARTY_KINDS
from models.s7_assemble.context import SentenceView, markers

_REPORT = frozenset(
    fold(w) for w in ("said", "says", "that", "told", "announced", "أن", "إن", "أنه", "إنه", "قال")
)


def sentence_subject(view: SentenceView, trigger: Trigger) -> Mention | None:
    """The sentence's first unmarked party before the trigger's clause.

    Reaches across an apposition: "Zhang Shigang, China's deputy representative
    to UNEP, met with ..." cuts the subject off the trigger's clause.
    """
    clause = view.clause_of(trigger.start)
    before = [
        m
        for m in view.mentions
        if m.kind in PARTY_KINDS and m.end <= clause.start and view.marks.get(m.start) is None
    ]
    # "The White House said that Obama will receive ...": a reporter is not a party.
    said = reported_before(view, trigger)
    before = [m for m in before if not any(m.end <= s for s in said)]
    return before[0] if before else None


_SELF = frozenset(("it", "he", "she", "they", "we", "his", "her", "its", "their"))


_SELF_AR = frozenset(fold(w) for w in ("أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم"))
_ADVERBIAL = frozenset(
    ("during", "on", "in", "at", "after", "before", "while", "a", "an", "the", "his", "her")
)


def reported_before(view: SentenceView, trigger: Trigger) -> list[int]:
    """Offsets of reporting words ("said", "قال") before the trigger in its sentence; not
    one whose report refers back to the reporter by a pronoun and names no other party
    ("The Pentagon said it would transfer", "Ghanem said that his visit")."""
    tokens = view.before(trigger.start)
    return [t.start for t in tokens if fold(t.surface) in _REPORT and not _self(view, t, tokens)]


def _self(view: SentenceView, report: Token, tokens: list[Token]) -> bool:
    """True when the report refers to its reporter: a pronoun, no other party, before the
    trigger."""
    after = [t for t in tokens if t.start > report.start]
    if not after:
        return False
    named = any(
        m.kind in PARTY_KINDS and report.end <= m.start < after[-1].end for m in view.mentions
    )
    # "Younger said during a visit to Riyadh": the trigger phrase is said's adverbial.
    adverbial = all(t.norm in _ADVERBIAL for t in after)
    # Arabic "أنه"/"إنه" carries its own "he": "أكد روحاني أنه يأمل زيارة".
    # The pronoun must open the report ("said it would", "said that his visit"), not sit
    # in an aside ("said, on his way to Russia, the president will").
    pronoun = fold(report.surface) in _SELF_AR or any(t.norm in _SELF for t in after[:2])
    return adverbial or (not named and pronoun)


def apposition(view: SentenceView, trigger: Trigger) -> Mention | None:
    """ "met his Russian counterpart, Sergei Lavrov,": the party of the clause right after."""
    clause = view.clause_of(trigger.start)
    # The comma is a clause of its own; the apposition is the next one with words.
    later = [
        c for c in view.clauses if c.start >= clause.end and view.text[c.start : c.end].strip(" ,،")
    ]
    if not later or view.text[clause.end : later[0].start].strip() not in (",", "،"):
        return None
    # Only a clause that opens with the name: "Raul Castro Ruz, vice-president of
    # the Armed Forces" describes, it names no new party.
    words = view.after(later[0].start)[:1]
    parties = [m for m in view.in_clause(later[0]) if m.kind in PARTY_KINDS]
    opens = parties and words and parties[0].start <= words[0].start
    return parties[0] if opens else None


def participle_guest(view: SentenceView, trigger: Trigger) -> Mention | None:
    """ "talks with visiting President X": the party right after the participle visits."""
    if trigger.text.lower() != "visiting":
        return None
    near = view.after(trigger.end)[:5]
    reach = near[-1].start if near else -1
    after = [m for m in view.mentions if m.kind in PARTY_KINDS and trigger.end <= m.start <= reach]
    if not after:
        return None
    # Only titles and country adjectives may come between ("visiting South Korean
    # foreign minister Ban"); "pilgrims visiting for the mass met X" names no guest.
    titles = markers()["title"]["words"] | markers()["counterpart"]["words"]
    between = [t for t in near if t.end <= after[0].start]
    covered = [(m.start, m.end) for m in view.mentions]
    for token in between:
        named = any(a <= token.start < b for a, b in covered)
        if not (named or token.surface[:1].isupper() or fold(token.surface) in titles):
            return None
    return after[0]


# English reception verbs also take things ("received a doctorate"); Arabic
# استقبل is read as a meeting only with a party too, by the same rule.
_RECEPTION = frozenset(("received", "receives", "receive", "hosted", "hosts", "host"))
_GUEST_REACH = 4


def received_someone(view: SentenceView, trigger: Trigger) -> bool:
    """False for a reception verb with no party among the next few words."""
    if trigger.text.lower() not in _RECEPTION:
        return True
    near = view.after(trigger.end)[:_GUEST_REACH]
    if _hosted_thing(view, trigger, near):
        return False
    reach = near[-1].end if near else trigger.end
    return any(m.kind in PARTY_KINDS and trigger.end <= m.start < reach for m in view.mentions)


_PASSIVE = frozenset(("was", "were", "is", "are", "been", "being", "be"))


def _hosted_thing(view: SentenceView, trigger: Trigger, near: list[Token]) -> bool:
    """ "a banquet hosted by X": a passive reception verb after a thing, not a guest
    ("Putin was received by Xi" keeps its auxiliary; "Macron, received by Scholz," its name)."""
    if not near or near[0].norm != "by":
        return False
    previous = view.before(trigger.start)[-1:]
    if not previous or previous[0].norm in _PASSIVE:
        return False
    return not any(m.start <= previous[0].start < m.end for m in view.mentions)


# A report's verb right after its source ("..., White House spokesman McCurry said."),
# or, in Arabic, right before it ("...، وقال المتحدث"); "according to X", "بحسب X".
_SAID_AFTER = frozenset(("said", "says", "told", "added", "stated", "announced", "quoted"))
_SAID_WORDS = ("قال", "وقال", "أضاف", "وأضاف", "أوضح", "وأوضح", "ذكر", "وذكر", "صرح", "وصرح",
               "بحسب", "حسب", "وفق", "وفقا")  # fmt: skip
_SAID_BEFORE = frozenset(fold(w) for w in _SAID_WORDS)


def reporter_after(view: SentenceView, trigger: Trigger, mention: Mention) -> bool:
    """Is ``mention``, after the trigger, the source of the report rather than a party?
    ("will hold talks with Reagan, Chief Cabinet Secretary Gotoda told reporters")."""
    if mention.start < trigger.end:
        return False
    after = view.after(mention.end)[:1]
    if after and after[0].norm in _SAID_AFTER:
        return True
    before = [t for t in view.tokens if trigger.end <= t.start and t.end <= mention.start]
    if not before:
        return False
    if fold(before[-1].surface) in _SAID_BEFORE:
        return True
    return len(before) >= 2 and [t.norm for t in before[-2:]] == ["according", "to"]
