"""Noun triggers of meetings: "talks", "summit", "لقاء" need the structure of a real meeting.

A verb ("met", "التقى") asserts a meeting; a noun is often a topic or a name
("talks on the nuclear issue resumed", "the summit agenda", "the Juba talks",
"stockholders meeting"). A meeting noun counts only when the text gives it
parties or makes it an act: a party governed by with/between/مع/بين after it
("talks with Hamas", "لقاء بين"), a light verb right before it ("held a
meeting", "attended the summit", "خلال لقائه", "عقد اجتماعا"), a glued لـ of
purpose ("للقاء الرئيس") or, for "meeting", a name right after it (a participle:
"meeting King Felipe"). A name glued before an English meeting noun names the
event, not a party ("the Juba talks"): see :func:`names_the_event`.
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s1_document.normalize import Token, fold, is_arabic, norm_phrase
from models.s1_document.phrases import readings
from models.s7_assemble.candidate import PARTY_KINDS, PLACE_KINDS
from models.s7_assemble.context import SentenceView

_NOUNS = frozenset(
    w
    for phrase in (
        "talks meeting meetings summit negotiations consultations audience",
        "لقاء لقاءات اجتماع اجتماعات محادثات مباحثات قمة مشاورات مفاوضات استقبال",
    )
    for w in norm_phrase(phrase)
)
# Verbs and prepositions that make the noun an act rather than a topic.
_LIGHT = frozenset(
    w
    for phrase in (
        "held hold holds holding had have has began begin begins started start opened open",
        "conducted conduct attended attend attends attending during after joined join",
        "for their host hosts hosted hosting",
        "عقد عقدت يعقد تعقد سيعقد ستعقد عقدا أجرى أجرت يجري تجري سيجري ستجري أجريا",
        "خلال عقب إثر بعد ختام جرت جرى استهل بدأ بدأت تستضيف يستضيف استضافت استضاف",
        "لدى أثناء اثناء هامش",
    )
    for w in norm_phrase(phrase)
)
_DETERMINERS = frozenset(("a", "an", "the", "his", "her", "their", "its", "this", "first"))
_ROUND = frozenset(("round", "rounds", "جولة"))
# "talks with Japanese leaders": a country adjective stands for its party here.
_ACTOR_KINDS = PARTY_KINDS + PLACE_KINDS
_WITH_REACH = 8  # words from the noun to its with/between party
_LIGHT_REACH = 5  # "held a first round of talks": up to five words back


def is_meeting_noun(trigger: Trigger) -> bool:
    """True when the trigger is a bare meeting noun (not a verb phrase)."""
    words = trigger.text.split()
    if len(words) != 1:
        return False
    token = Token(0, len(words[0]), words[0], fold(words[0]))
    return bool(readings(token) & _NOUNS) or fold(words[0]).lower() in _NOUNS


def _before(view: SentenceView, trigger: Trigger) -> list[Token]:
    clause = view.clause_of(trigger.start)
    return [t for t in view.tokens if clause.start <= t.start and t.end <= trigger.start]


def _light_verb(view: SentenceView, trigger: Trigger) -> bool:
    """ "held talks", "attended the summit", "during the meeting", "خلال لقائه"."""
    for token in reversed(_before(view, trigger)[-_LIGHT_REACH:]):
        word = token.surface.lower()
        if readings(token) & _LIGHT or word in _LIGHT:
            return True
        # "collapse of talks", "final day of the summit": the noun is a complement,
        # except in "a round of talks".
        if word == "of" and not _round_of(view, token):
            return False
        if word not in _DETERMINERS and word not in _ROUND and not _adjective(token):
            return False
    return False


def _round_of(view: SentenceView, of: Token) -> bool:
    previous = view.before(of.start)[-1:]
    return bool(previous) and previous[0].surface.lower() in _ROUND


def _purpose(view: SentenceView, trigger: Trigger) -> bool:
    """Arabic "للقاء الرئيس", "للاجتماع بالعاهل": a glued لـ makes the noun "to meet"."""
    word = fold(trigger.text)
    return word.startswith("لل") or (word.startswith("ل") and not word.startswith("لقاء"))


def _participle(view: SentenceView, trigger: Trigger) -> bool:
    """ "meeting King Felipe VI": English "meeting" right before a party is a verb
    (but not "a meeting of the Central Committee": the next word must be a name's)."""
    if trigger.text.lower() != "meeting":
        return False
    near = view.after(trigger.end)[:3]
    if not near or not near[0].surface[:1].isupper():
        return False
    return any(
        m.kind in PARTY_KINDS and trigger.end <= m.start <= near[-1].start for m in view.mentions
    )


def _adjective(token: Token) -> bool:
    """A lower-case modifier ("historic", "direct", "face-to-face") between verb and noun."""
    return token.surface[:1].islower() and token.surface.isascii()


def _with_party(view: SentenceView, trigger: Trigger) -> bool:
    """ "talks with Hamas", "meeting between X and Y", "لقاء مع", "محادثات بين"."""
    clause = view.clause_of(trigger.start)
    near = view.after(trigger.end)[:_WITH_REACH]
    reach = near[-1].end if near else trigger.end
    return any(
        trigger.end <= m.start < min(reach, clause.end)
        and m.kind in _ACTOR_KINDS
        and view.marks.get(m.start) == "with"
        for m in view.mentions
    )


def has_structure(view: SentenceView, trigger: Trigger) -> bool:
    """False for a meeting noun used as a topic or a name (see module docstring)."""
    if not is_meeting_noun(trigger):
        return True
    return any(test(view, trigger) for test in (_with_party, _light_verb, _purpose, _participle))


def names_the_event(view: SentenceView, trigger: Trigger, mention: Mention) -> bool:
    """A name glued before a meeting noun names the event, not a party:
    "the Juba talks", "the Euro-Mediterranean summit", "FTA talks". (Arabic
    modifiers follow the noun: a name before "لقاء" is its subject.)"""
    if not is_meeting_noun(trigger) or mention.end > trigger.start or is_arabic(trigger.text):
        return False
    return view.text[mention.end : trigger.start].strip(" -") == ""
