"""The owner of a possessed meeting word: "عقب لقائه بكيري" (after *his* meeting with
Kerry), "during their talks with Lee".

The role head reads the party named after such a word and often not the one the
pronoun points back to, leaving a meeting of one. The owner is the subject the
sentence names before the word ("وقال الجبير عقب لقائه ..."), else, when the
sentence names none ("وأضاف معاليه للصحفيين عقب لقائه": his excellency added), the
person the previous sentence opens with.
"""

from __future__ import annotations

import re

from models.mentions import Mention, Trigger
from models.s1_document.normalize import fold
from models.s7_assemble.candidate import PARTY_KINDS, Candidate
from models.s7_assemble.context import SentenceView, marked, markers
from models.s7_assemble.delegation import delegation_word
from models.s7_assemble.subjects import reported_before

# An unknown span that opens with a glued preposition or the article is a phrase, not
# a name: "بقاعة المحاضرات" (in the lecture hall), "للصحفيين" (to reporters), "النائب
# المستقل" (the independent MP, a title). A name may lose one that way ("بشار"); the
# gazetteer knows most of those.
_PHRASE = re.compile(r"^[وف]?(?:[بل]|ال)")
_OWNERS = frozenset(("his", "her", "their"))
_ADVERBS = frozenset(("also", "later", "then", "separately", "subsequently"))
# Arabic possessive suffixes on a noun; a feminine noun's "ة" is not one ("زيارة").
_SUFFIXES = ("ه", "ها", "هم", "هما")


def named(m: Mention) -> bool:
    """A name the gazetteer knows, or an unknown one of two words or more that opens
    no phrase: the entity head's spans include "للصحفيين" (to reporters), "أمس"
    (yesterday) and "بقاعة المحاضرات" (in the lecture hall)."""
    if m.in_title:
        return False
    return m.name is not None or (len(m.text.split()) >= 2 and not _PHRASE.match(fold(m.text)))


def _possessed(view: SentenceView, trigger: Trigger) -> bool:
    if trigger.text.endswith(_SUFFIXES) and len(trigger.text) > 3:
        return True
    before = view.before(trigger.start)[-1:]
    return bool(before) and before[0].norm in _OWNERS


def _pronoun_subject(view: SentenceView, trigger: Trigger) -> bool:
    """ "He also met with Raul Castro": an English sentence that opens with a pronoun
    subject. (An Arabic verb's own subject, "كما التقى", measured as often someone
    else than the previous sentence's first person.)"""
    words = [t.norm for t in view.before(trigger.start)]
    words = [w for w in words if w not in _ADVERBS]
    return words in (["he"], ["she"])


def owner(view: SentenceView, trigger: Trigger, cand: Candidate) -> Mention | None:
    """The party a possessed meeting word of a one-party meeting belongs to, or None."""
    parties = [m for r, m in cand.actors if r == "participant"]
    if cand.type != "MEETING" or len(parties) != 1:
        return None
    keys = {parties[0].key}
    if _pronoun_subject(view, trigger):
        return _previous_subject(view, keys, latin=True)
    if not _possessed(view, trigger):
        return None
    said = reported_before(view, trigger)
    before = [
        m
        for m in view.mentions
        if m.kind in PARTY_KINDS
        and m.end <= trigger.start
        and m.key not in keys
        and named(m)
        and view.marks.get(m.start) is None
        and not any(m.end <= s for s in said)
    ]
    if before:
        return before[-1]
    return _previous_subject(view, keys)


def _previous_subject(view: SentenceView, keys: set[str], latin: bool = False) -> Mention | None:
    """The first person of the sentence before ``view``'s; ``latin``: a one-word
    capitalised name counts too ("Liang arrived here Friday. He also met ...")."""
    doc = view.article.doc
    index = doc.sentence_index(view.sentence)
    if index == 0:
        return None
    prev = doc.sentences[index - 1]
    people = [
        m
        for m in view.article.mentions_in(prev.start, prev.end)
        if m.kind == "PERSON" and (named(m) or (latin and _latin_name(m)))
    ]
    return people[0] if people and people[0].key not in keys else None


def _latin_name(m: Mention) -> bool:
    return not m.in_title and m.text[:1].isascii() and m.text[:1].isupper()


_WITH_REACH = 4  # "عقب لقائه بوزير الخارجية المصري", "after his meeting with the Egyptian"


def counterpart(view: SentenceView, trigger: Trigger, cand: Candidate) -> Mention | None:
    """The party a one-party meeting word names right after it with "with" / "ب" / "مع"
    ("عقب لقائه بوزير الخارجية المصري": after his meeting with the Egyptian foreign
    minister), a name or an office of a country, when the role head read no second one."""
    parties = [m for r, m in cand.actors if r == "participant"]
    if cand.type != "MEETING" or len(parties) != 1:
        return None
    # "التقى رئيس الوزراء النيبالي داهال بوزير الخارجية الصيني": after the subject
    start = max(trigger.end, parties[0].end)
    near = view.after(start)[:_WITH_REACH]
    reach = near[-1].end if near else start
    for m in view.mentions:
        if not (start <= m.start < reach) or m.kind not in PARTY_KINDS:
            continue
        glued_bi = m.start > 0 and view.text[m.start - 1] == "ب"  # "بوزير": with the minister
        if m.key == parties[0].key or not (view.marks.get(m.start) == "with" or glued_bi):
            continue
        if m.name is not None or m.key.startswith("TITLE:"):
            return m
    return None


# "his excellency", "his highness", "his eminence": a dignitary as a pronoun
_HONORIFICS = frozenset(("معاليه", "سموه", "فخامته", "سيادته", "دولته", "سماحته"))
_RECEIVING = "استقبال"  # reception (the verb noun)


def _reception_of_pronoun(view: SentenceView) -> tuple[int, int] | None:
    """Where a reception whose guest is only a pronoun stands: "في استقبال معاليه"
    (receiving his excellency) or "في استقباله" (receiving him), as (start of the
    reception word, end of the pronoun)."""
    tokens = view.tokens
    for i, token in enumerate(tokens):
        word = token.norm[1:] if token.norm[:1] in "وف" else token.norm
        if word.startswith(_RECEIVING) and word[len(_RECEIVING) :] in _SUFFIXES:
            return token.start, token.end
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if word == _RECEIVING and following is not None and following.norm in _HONORIFICS:
            return token.start, following.end
    return None


_FAREWELL = "وداع"  # seeing off
# Words after a reception that set it at an arrival or a departure: "لدى وصوله" (on his
# arrival), "لدى مغادرته" (on his departure), "بمطار" (at the airport).
_ARRIVAL = tuple(fold(w) for w in ("وصول", "لوصول", "مغادرت", "مطار", "بمطار", "المطار"))
_ARRIVAL_REACH = 4  # "في استقبال فخامته لدى وصوله"


# English welcomes: "was greeted at the Sungshan Military Airport by Chang".
_GREETED = ("greet", "welcom", "receiv")


def _trigger_word(view: SentenceView, trigger: Trigger) -> int | None:
    """The index of the sentence word the trigger lies in (its first, for a phrase)."""
    for i, token in enumerate(view.tokens):
        if token.start < trigger.end and trigger.start < token.end:
            return i
    return None


def at_arrival(view: SentenceView, trigger: Trigger) -> bool:
    """Is the meeting word a welcome or a send-off at an arrival or a departure ("وكان في
    استقباله لدى وصوله مطار ...", "وكان في وداعه لدى مغادرته", "was greeted at Beijing's
    Capital Airport by ...")? Protocol, no meeting: the annotation leaves an airport
    reception optional or out, and the visit it belongs to keeps the receivers as its
    hosts."""
    tokens = view.tokens
    if trigger.text.lower().startswith(_GREETED):
        return any(t.surface.lower() == "airport" for t in tokens)
    i = _trigger_word(view, trigger)
    if i is None:
        return False
    norm = tokens[i].norm
    words = (norm, norm[1:])  # "واستقباله"; "وداعه" opens with its و
    if not any(w.startswith((_RECEIVING, _FAREWELL)) for w in words):
        return False
    ahead = tokens[i + 1 : i + 1 + _ARRIVAL_REACH]
    return any(fold(t.surface).startswith(_ARRIVAL) for t in ahead)


# An attendance list after a sitting already told: "حضر الاستقبال مدير الشرطة ...", "وقد حضر
# الاجتماع ...", "وحضره من الجانب الأميركي ...". Those listed attend the sitting the article has
# reported; they do not meet one another (in the Arabic training lines 5 of the 6 sentences that
# open so are no meeting; the sixth lists both sides, "من الجانب العماني ... ومن الجانب").
_ATTENDED = {fold(w) for w in ("حضر", "حضره", "حضرها", "حضروا")}
_ATTEND_OPENERS = {fold(w) for w in ("و", "وقد", "قد", "كما")}


def _attend_verb(word: str) -> bool:
    return word in _ATTENDED or (word.startswith("و") and word[1:] in _ATTENDED)


def attendance(view: SentenceView, trigger: Trigger) -> bool:
    """Is the meeting word an opening attendance verb ("وحضره ...") or its object ("حضر
    اللقاء ...")? The sentence then lists who attended a sitting told before."""
    i = _trigger_word(view, trigger)
    if i is None:
        return False
    tokens = view.tokens
    for j in (i, i - 1):
        if j >= 0 and _attend_verb(fold(tokens[j].surface)):
            return all(fold(t.surface) in _ATTEND_OPENERS for t in tokens[:j])
    return False


def _guest(view: SentenceView, before: int, keys: set[str]) -> Mention | None:
    """Whom the pronoun stands for: the first person the sentence names before it
    ("وصل الجبير إلى الدوحة وكان في استقباله"), else the first person of the sentence
    before ("وصل الجبير ... . وكان في استقبال معاليه")."""
    people = [
        m
        for m in view.mentions
        if m.kind == "PERSON" and m.end <= before and named(m) and m.key not in keys
    ]
    return people[0] if people else _previous_subject(view, keys)


def received_guest(view: SentenceView, trigger: Trigger, cand: Candidate) -> bool:
    """ "وكان في استقبال معاليه لدى وصوله ... العطية" (receiving his excellency on his
    arrival was ... Al-Attiyah): Gulf agency copy names only the receivers, and the role
    head reads them as the arrival's visitors and the reception's only parties. The
    receivers named after the pronoun host the arrival ("وصوله": his arrival, whose
    visitor is the pronoun's), and the person the pronoun stands for is the visitor and
    the reception's other party. True when it re-read an arrival: that is the visit the
    article has just reported, and the airport or hall it names is no new destination."""
    phrase = _reception_of_pronoun(view)
    if phrase is None:
        return False
    start, end = phrase
    if cand.type == "MEETING" and trigger.start < end and start < trigger.end:
        keys = cand.keys("participant")
        if keys:
            cand.add("participant", _guest(view, start, keys))
        return False
    if cand.type != "VISIT" or trigger.start < end or not _possessed(view, trigger):
        return False
    receivers = [(r, m) for r, m in cand.actors if r == "visitor" and m.start >= end]
    cand.actors = [a for a in cand.actors if a not in receivers]
    for _, m in receivers:
        cand.add("host", m)
    # with no receiver read, still the guest's arrival: the rules' reading of the
    # receivers as its visitors ("وكيل إمارة") must not fill it
    guest = _guest(view, start, {m.key for _, m in receivers})
    cand.add("visitor", guest)
    return bool(receivers) or guest is not None


# A body's own sitting: a meeting noun with a singular possessive ("اجتماعها", "جلسته",
# "اجتماعاته"); "لقاؤه" is left out, it takes its party as a direct object ("لقائه الرئيس").
_OWN_SESSION = re.compile(r"^[وفبل]?(?:اجتماع|اجتماعات|جلست|جلسات)(?:ه|ها)$")
_WITH = fold("مع")
_WITH_REACH = 4  # "خلال اجتماعه الأسبوعي أمس مع ..."


def own_session(view: SentenceView, trigger: Trigger) -> bool:
    """Is the meeting word a body's own sitting ("وزعت الإدارة خلال اجتماعها المهام",
    "وافق مجلس الوزراء خلال جلسته")? The annotation counts no internal session: in the
    training lines a possessed meeting noun is a meeting only with a party after it
    ("خلال اجتماعه مع الكتل السياسية", "بعد اجتماعه بمديري المصارف")."""
    i = _trigger_word(view, trigger)
    if i is None or not _OWN_SESSION.match(view.tokens[i].norm):
        return False
    ahead = view.tokens[i + 1 : i + 1 + _WITH_REACH]
    if ahead and ahead[0].norm.startswith("ب"):
        return False  # "اجتماعه بمديري المصارف", "اجتماعه بين ...": the parties follow
    # "بين" further on divides something among its members ("المهام بين أعضاء")
    return not any(t.norm == _WITH for t in ahead)


# "رأس/ترأس الاجتماع" (chaired the meeting): a sitting and its chair, not two parties.
_CHAIRED = frozenset(fold(w) for w in ("رأس", "ترأس", "يرأس", "يترأس", "سيرأس", "سيترأس"))
_SITTING = re.compile(r"^[وفبل]?(?:اجتماع|اجتماعا|اجتماعات|جلسه|جلسات)$")
# "رأس صاحب السمو الملكي الأمير خالد الفيصل ... أمير منطقة مكة المكرمة في مكتبه بجدة
# الاجتماع الشهري": titles run long; a comma between ends the clause
_CHAIR_REACH = 20
_AT = fold("على")  # "على رأس وفد": at the head of a delegation, no chairing


def own_sitting(view: SentenceView, trigger: Trigger) -> bool:
    """A body's own sitting, no meeting: possessed (:func:`own_session`), chaired by its
    subject (:func:`chaired`) or by someone named after it (:func:`chaired_by`), or a
    body's by name (:func:`body_session`)."""
    return (
        own_session(view, trigger)
        or chaired(view, trigger)
        or body_session(view, trigger)
        or chaired_by(view, trigger)
    )


# "عقد وزراء الخارجية الخليجيون لقاء تنسيقيا في الدوحة، برئاسة وزير الخارجية القطري": a
# sitting "chaired by" someone, its members the only other party. In the training lines
# a meeting word with "برئاسة" after it is a meeting when a delegation is what is led
# ("وفد من جماعة الحوثي برئاسة ...") or a party is governed by "مع", "بين" or "ب".
_CHAIRED_BY = fold("برئاسة")
_CHAIRED_BY_REACH = 10
_CHAIRED_SITTING = re.compile(r"^[وفبل]?(?:اجتماع|اجتماعا|اجتماعات|جلسه|جلسات|لقاء|لقاءا)$")


def chaired_by(view: SentenceView, trigger: Trigger) -> bool:
    """Is the meeting word a sitting chaired by someone named after it, with no delegation
    and no party marked by "مع", "بين" or "ب" in between?"""
    i = _trigger_word(view, trigger)
    if i is None or not _CHAIRED_SITTING.match(view.tokens[i].norm.removeprefix("ال")):
        return False
    for token in view.tokens[i + 1 : i + 1 + _CHAIRED_BY_REACH]:
        word = fold(token.surface)
        if word == _CHAIRED_BY:
            return True
        if word in _PARTIES_AFTER or word[:1] == "ب" or delegation_word(word):
            return False
    return False


# "اجتماع اللجنة التنفيذية", "جلسة مجلس الوزراء", "الاجتماع الاستثنائي للجمعية العمومية":
# a sitting named by its body. Of 51 such sittings in the Arabic training lines 44 are no
# meeting; the 7 that are name parties after it ("بمشاركة", "بين", "مع", "بدول ...").
_BODIES = frozenset(fold(w) for w in ("لجنة", "مجلس", "جمعية", "هيئة", "اللجنة", "المجلس",
                                      "الجمعية", "الهيئة"))  # fmt: skip
_PARTIES_AFTER = frozenset(fold(w) for w in ("مع", "بين", "وبين", "بمشاركة", "بحضور"))
_BODY_REACH = 3  # adjectives between: "الاجتماع الرابع والثلاثين للجنة"


def body_session(view: SentenceView, trigger: Trigger) -> bool:
    """Is the meeting word the sitting of a body named right after it, with no party named
    after the body in the sentence ("خلال اجتماع اللجنة أول من أمس")?"""
    i = _trigger_word(view, trigger)
    if i is None or not _SITTING.match(view.tokens[i].norm.removeprefix("ال")):
        return False
    for k in range(i + 1, min(i + 1 + _BODY_REACH, len(view.tokens))):
        token = view.tokens[k]
        word = fold(token.surface)  # as written: the token's norm drops "ال"
        if _body_word(word):
            rest = view.tokens[k + 1 :]
            return not any(t.norm in _PARTIES_AFTER or t.norm.startswith("بدول") for t in rest)
        if not _adjective(word):
            return False
    return False


def _body_word(word: str) -> bool:
    """A body's word, bare or behind "ل" ("لجنة", "للجنة", "للمجلس")."""
    if word in _BODIES:
        return True
    return word[:1] == "ل" and (word[1:] in _BODIES or "ال" + word[2:] in _BODIES)


def _adjective(word: str) -> bool:
    """A definite adjective or a word of manner between a sitting and its body."""
    return word.startswith(("ال", "وال")) or marked("manner", word)


def _chair_after(view: SentenceView, i: int) -> bool:
    """The word after the sitting opens a person ("الاجتماع معالي وزير الخارجية ...")."""
    if i + 1 >= len(view.tokens):
        return False
    nxt = view.tokens[i + 1]
    person = any(m.start == nxt.start and m.kind == "PERSON" for m in view.mentions)
    return person or nxt.norm in markers()["honorific"]["words"] or view.word("title", nxt)


def chaired(view: SentenceView, trigger: Trigger) -> bool:
    """Is the meeting word a sitting its subject chaired ("رأس الأمير خالد الفيصل في مكتبه
    بجدة الاجتماع الشهري للقيادات الأمنية", "وترأس الرئيس اجتماع مجلس الأمن القومي")?
    A body's session under its head: in the training lines no such sitting is a meeting
    of two parties. A bare "الاجتماع" with its chair after it ("وترأس الاجتماع وزير الخارجية
    القطري") is the meeting the article has just told, which may be one of ministers of
    many states: left to the other rules."""
    i = _trigger_word(view, trigger)
    if i is None or not _SITTING.match(view.tokens[i].norm) or _chair_after(view, i):
        return False
    before = view.tokens[max(i - _CHAIR_REACH, 0) : i]
    start = view.tokens[i].start
    return any(
        t.norm.removeprefix("و") in _CHAIRED
        and (k == 0 or before[k - 1].norm != _AT)
        and not _clause_break(view.text[t.end : start])
        for k, t in enumerate(before)
    )


def _clause_break(between: str) -> bool:
    """Punctuation between the chair's verb and the sitting, other than one comma right
    before the sitting: "ترأس مدير عام الشؤون الصحية ... مطلق الخمعلي، اجتماعاً" sets the
    chair's long name off; a comma earlier ends the clause."""
    between = between.rstrip()
    if between[-1:] in "،,":
        between = between[:-1]
    return any(c in between for c in "،,.;:")
