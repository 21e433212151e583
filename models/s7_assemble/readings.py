"""Stage 7, the core's share: its readings → candidate events, in article offsets.

Who did what comes from the role head; rules only do what rules are right for:
a role span takes the canonical identity of the gazetteer mention it overlaps
(kept as written when there is none), time is the nearest normalised time
expression of the trigger's clause, and a meeting with no place takes the
article's dateline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from models.mentions import Mention, Sentence, SentenceSignal, Trigger
from models.s1_document.document import Document
from models.s1_document.normalize import fold, tokenize
from models.s2_entities.titled import AR_STOP, LINEAGE
from models.s2_entities.titles import title_starts
from models.s6_core.reader import Reading, RoleReading, TriggerReading
from models.s7_assemble import coref, kingdom
from models.s7_assemble.build import collective, is_complete
from models.s7_assemble.candidate import PARTY_KINDS, PLACE_KINDS, Candidate
from models.s7_assemble.context import SentenceView, build_view
from models.s7_assemble.destinations import dateline
from models.s7_assemble.guests import meeting_of
from models.s7_assemble.index import ArticleIndex
from models.s7_assemble.invite import invited_by
from models.s7_assemble.maker import made_by
from models.s7_assemble.merge import absorb, time_ok
from models.s7_assemble.officeholder import holder
from models.s7_assemble.peer import peer
from models.s7_assemble.possessor import (
    at_arrival,
    attendance,
    counterpart,
    named,
    own_sitting,
    owner,
    received_guest,
)
from models.s7_assemble.roles import visit
from models.s7_assemble.sites import object_site
from models.s7_assemble.subjects import reporter_after
from models.s7_assemble.timing import event_time, tenseless
from models.schema import EntityKind

_KINDS: dict[str, EntityKind] = {"PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC"}


def _unknown(text: str, start: int, end: int, kind: EntityKind) -> Mention:
    words = " ".join(fold(t.surface) for t in tokenize(text[start:end]))
    return Mention(start, end, text[start:end], kind, key=f"{kind}:~{words}")


# Copular and reporting verbs a name never starts with, though the entity head's span
# sometimes does: "بات جنتيلوني" (Gentiloni became ...), "وقال ظريف" (and Zarif said).
_VERB_WORDS = ("كان", "أصبح", "أضحى", "ظل", "أمسى", "بات", "صار", "ليس",
               "قال", "أكد", "أضاف", "أوضح", "أشار", "ذكر", "اعتبر", "رأى")  # fmt: skip
_VERBS = frozenset(fold(w) for w in _VERB_WORDS)


def _verb_led(text: str, start: int, end: int) -> int:
    """``start`` moved past a leading verb (with a glued "و"/"ف") of a two-word-or-longer
    span, else ``start``."""
    words = tokenize(text[start:end])
    if len(words) < 2:
        return start
    first = fold(words[0].surface)
    if first in _VERBS or (first[:1] in "وف" and first[1:] in _VERBS):
        return start + words[1].start
    return start


def _glued_and(text: str, start: int, end: int, surnames: set[str]) -> int:
    """``start`` past a glued "و"/"ف" (and) when the rest is a surname the article names:
    "وفابيوس هو" is "and Fabius is", the Fabius named before."""
    words = tokenize(text[start:end])
    if not words:
        return start
    first = fold(words[0].surface)
    if first[:1] in "وف" and first[1:] in surnames:
        return start + 1
    return start


def model_mentions(
    text: str,
    sentences: Sequence[Sentence],
    readings: Sequence[Reading | None],
    known: Sequence[Mention],
) -> list[Mention]:
    """The entity head's spans the gazetteer does not cover, as article mentions."""
    # One flag per character under a mention: an overlap test costs the span's
    # length, not a scan of every mention of the article (spans are never empty).
    covered = bytearray(len(text))
    for m in known:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    surnames = {fold(m.text.split()[-1]) for m in known if m.kind == "PERSON" and " " in m.text}
    out: list[Mention] = []
    for sentence, reading in zip(sentences, readings, strict=True):
        for span in reading.entities if reading else []:
            a, b = sentence.start + span.start, sentence.start + span.end
            a = _verb_led(text, a, b)
            a = _glued_and(text, a, b, surnames)
            if span.label in ("GPE", "LOC"):
                a = _past_class_noun(text, a, b)
            if _function_word(text[a:b]):
                continue  # "إن" (that) tagged a place names nothing
            if covered.find(1, a, b) < 0:
                out.append(_unknown(text, a, b, _KINDS.get(span.label, "PERSON")))
                covered[a:b] = b"\x01" * (b - a)
    return out


_AR_DEFINITE = re.compile(r"^[وفبك]?(ال|لل)")


def generic(surface: str) -> bool:
    """A common noun, not a name: no word capitalised in a cased script ("officials",
    "the two sides", "supporters"), or one Arabic word with the definite article
    ("المشاركون" the participants, "المقر" the headquarters, "والمؤسسة"). A role span
    that names no one makes no party: an event of such parties is no event of record.
    Scripts without case or article (Chinese, Persian names) are never generic here."""
    words = [t.surface for t in tokenize(surface)]
    cased = [w for w in words if any(c.isupper() or c.islower() for c in w)]
    if cased and not any(c.isupper() for c in surface):
        return True
    return len(words) == 1 and bool(_AR_DEFINITE.match(fold(words[0])))


# English words that name no one, which the argument tagger now and then marks on its own.
_FUNCTION_WORDS = frozenset(
    ("of", "the", "a", "an", "in", "on", "at", "to", "for", "from", "by", "with", "and",
     "their", "his", "her", "its", "our", "they", "he", "she", "it", "we")
) | frozenset(
    fold(w) for w in ("في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "أنه", "إنه", "هو", "هي",
                      "ما", "لا", "لم", "لن", "قد", "لقد", "ثم", "أو", "الذي", "التي", "هذا",
                      "هذه", "ذلك", "تلك", "هناك", "هنا")
)  # fmt: skip


def _function_word(span: str) -> bool:
    return fold(span.strip()).lower() in _FUNCTION_WORDS


def _mention(
    text: str, role: RoleReading, shift: int, mentions: Sequence[Mention], article: ArticleIndex
) -> Mention | None:
    """The article mention a role span names, or None when it names no one."""
    a, b = shift + role.start, shift + role.end
    touching = [
        m
        for m in mentions
        if m.start < b and a < m.end and not m.in_title and (m.name or a <= m.start <= m.end <= b)
    ]
    found = None
    pieces = _fragments(text, a, b, mentions, place=role.role == "place")
    if touching and not pieces:  # the canonical entry the span names; an unknown name inside
        # A known identity first: the model's own span may be off by a clitic or a word
        # ("وفابيوس هو") while coreference found the name inside it.
        found = max(
            touching,
            key=lambda m: (m.name is not None, min(b, m.end) - max(a, m.start), m.end - m.start),
        )
    if found is not None and found.demonym and role.role != "place" and _wider(text, a, b, found):
        # "الوزير الإيراني" (the Iranian minister): the party is the person the span
        # names, of the adjective's country, not the country itself; the article's
        # holder of that office when it names one
        named = holder(text[a:b], a, found.country, article) if found.country else None
        return named or replace(_unknown(text, a, b, "PERSON"), country=found.country)
    if found is not None and role.role != "place" and _headed_by(text, a, found):
        return replace(_unknown(text, a, b, "PERSON"), country=found.country)
    if found is not None and role.role != "place" and _members_of(text, a, b, found):
        return replace(_unknown(text, a, b, "PERSON"), country=found.country)
    if found is None:
        if role.role == "place":
            a = _past_class_noun(text, a, b)
        else:
            b = _through_lineage(text, b)
        found = _unknown(text, a, b, "GPE" if role.role == "place" else "PERSON")
        # a span over a known name's attribution ("الألمانية" in a weapon's name) names it;
        # a lone function word never does ("of" in "a meeting of EU foreign ministers")
        if _function_word(found.text):
            return None
        # a common noun names no one, unless it names several ("government officials")
        if (
            generic(found.text)
            and not (role.role == "participant" and collective(found.text))
            and (pieces or not any(m.start < b and a < m.end for m in mentions))
        ):
            return None
    elif found.name is None and ":~" in found.key and generic(found.text):
        # the piece is a common noun; the span may still name someone
        return None if role.role == "place" else _named_whole(text, a, b)
    return found


_NAME_GAP = 2  # father's name, then family name ("صالح بن عبدالله القاضي")


def _through_lineage(text: str, end: int) -> int:
    """``end`` moved past the names after a span's last word when that word is "بن"
    (son of): the core's span sometimes stops there ("صالح بن" for "صالح بن عبدالله
    القاضي"). Up to two words follow, stopping at punctuation, a stop word, a title or a
    common noun (but for a family name after the father's: "القاضي"); another "بن" goes
    on ("محمد بن راشد بن سعيد")."""
    before = tokenize(text[:end])
    if not before or fold(before[-1].surface) not in LINEAGE or before[-1].end != end:
        return end
    base, last, taken = end, 0, 0
    for word in tokenize(text[base : base + 80]):
        folded = fold(word.surface)
        if text[base + last : base + word.start].strip() or not word.surface.isalpha():
            break
        if folded in LINEAGE:
            last, taken = word.end, 0
            continue
        if taken == _NAME_GAP or folded in AR_STOP or word.norm in title_starts():
            break
        if generic(word.surface) and not (taken and folded.startswith("ال")):
            break  # a family name is often a common word too ("النجار", the carpenter)
        last, taken = word.end, taken + 1
    return base + last if taken else end


def _named_whole(text: str, a: int, b: int) -> Mention | None:
    """A role span of two or more words whose largest piece is a common noun, and which
    has a capital in a cased script ("Congolese military commanders": the entity head's
    "military commanders" plus "Congolese") or is an English plural of several parties
    ("government negotiators", :func:`collective`). The span is the party; an uncased
    span (Arabic) is left out: there the whole span names no one more often than not
    (pooled `tune_ar` 0.588 → 0.556)."""
    surface = text[a:b]
    several = surface.isascii() and collective(surface)
    if len(surface.split()) < 2 or not (several or any(c.isupper() for c in surface)):
        return None
    return _unknown(text, a, b, "PERSON")


def _members_of(text: str, a: int, b: int, found: Mention) -> bool:
    """ "OPEC ministers", "EU foreign ministers": a known body or country that opens a
    role span followed by a plural of people is those people, a party of several
    (:func:`collective`), not the body itself."""
    return (
        found.kind in ("ORG", "GPE") and found.start == a < found.end < b and collective(text[a:b])
    )


def _fragments(text: str, a: int, b: int, mentions: Sequence[Mention], *, place: bool) -> bool:
    """Whether the mentions a role span touches are only pieces of it: unknown names
    inside it that cover less than half of it ("Tongan" in "The Tongan king", "Ha" in
    "Ha'apai", "Ghanaian" in "the Ghanaian navy"). The role head read the whole span as
    the party; a piece the entity head cut out of it names no one the span does not.
    A party of one word is left to the pieces (a clitic or a title may hang on it)."""
    inside = [m for m in mentions if m.start < b and a < m.end and not m.in_title]
    if not inside or any(m.name is not None or m.start < a or m.end > b for m in inside):
        return False
    if not place and len(text[a:b].split()) < 2:
        return False
    return 2 * sum(m.end - m.start for m in inside) < b - a


# What kind of place a name is, before it: "مدينة فاس" (the city of Fes) is Fes.
_CLASS_NOUNS = frozenset(fold(w) for w in ("مدينة", "بمدينة", "لمدينة", "ولاية", "بولاية",
                                           "محافظة", "بمحافظة", "جزيرة", "بجزيرة", "city", "town",
                                           "province", "island"))  # fmt: skip
_CLASS_OF = frozenset(("of",))
# "مدينة الملك عبدالله الرياضية" (King Abdullah Sports City): the class noun is the name's
_NAMED_FOR = frozenset(fold(w) for w in ("الملك", "الأمير", "الشيخ", "الإمام", "الرئيس", "king",
                                         "prince", "sheikh"))  # fmt: skip


def _past_class_noun(text: str, a: int, b: int) -> int:
    """``a`` past a leading place-class noun of an unknown place ("مدينة فاس", "the city of
    Fes"): the name is what the reader knows the place by; not in a place named for
    someone ("مدينة الملك عبدالله الرياضية")."""
    words = tokenize(text[a:b])
    k = 1 if words and words[0].surface.lower() == "the" else 0
    if len(words) < k + 2 or fold(words[k].surface) not in _CLASS_NOUNS:
        return a
    k += 1
    if words[k].surface.lower() in _CLASS_OF:
        k += 1
    if k >= len(words) or fold(words[k].surface) in _NAMED_FOR:
        return a
    return a + words[k].start


# Who heads a body: "the head of the UN nuclear watchdog", "مدير الوكالة" (the agency's director)
_HEADS = frozenset(fold(w) for w in ("head", "chief", "director", "leader", "chairman", "chair",
                                     "commander", "secretary", "رئيس", "مدير", "قائد", "زعيم",
                                     "أمين", "الأمين", "رئيسة", "مديرة"))  # fmt: skip
_OF = frozenset(("of", "the"))


def _headed_by(text: str, a: int, body: Mention) -> bool:
    """Does the role span from ``a`` name the head of ``body`` (an organisation or country
    inside it), a person, rather than the body: "The head of the UN nuclear watchdog",
    "the director-general of the IAEA", "مدير الوكالة الدولية"?"""
    if body.kind not in ("ORG", "GPE") or body.demonym or body.start <= a:
        return False
    words = [fold(t.surface) for t in tokenize(text[a : body.start])]
    while words and words[-1] in _OF:
        words.pop()
    if not words or len(words) > 3:
        return False
    # the last two words: "director-general of", "أمين عام" (secretary-general)
    return any(w in _HEADS or (w[:1] in "وف" and w[1:] in _HEADS) for w in words[-2:])


def _wider(text: str, a: int, b: int, inner: Mention) -> bool:
    """Does span ``[a, b)`` hold a word beside ``inner``?"""
    return bool(text[a : inner.start].strip() or text[inner.end : b].strip())


def _status(trig: TriggerReading, start: int, end: int, signal: SentenceSignal | None) -> str:
    """The core's status, except where the lexicon reads the very trigger word the other
    way between past and future: a *planned* event it reads as past ("لافروف الذي زار",
    who visited, stays past in a sentence that opens with "من المقرر", it is scheduled, a
    sentence-wide cue the status head over-weights), and an *occurred* one it reads only
    as planned ("قبل اجتماع نادر مع بوتين": before a rare meeting with Putin)."""
    if signal is None or trig.type not in signal.types:
        return trig.status
    own: dict[tuple[int, int], str] = getattr(signal, "trigger_status", {})
    read = {s for (a, b), s in own.items() if a < end and start < b}
    if trig.status == "planned" and "occurred" in read:
        return "occurred"
    if trig.status == "occurred" and read == {"planned"}:
        return "planned"
    return trig.status


def candidates(
    sentence: Sentence,
    reading: Reading,
    article: ArticleIndex,
    signal: SentenceSignal | None = None,
    before: Sequence[Candidate] = (),
) -> list[Candidate]:
    """One candidate per trigger the core read in ``sentence``; ``before``: the article's
    candidates so far."""
    view = build_view(sentence, article)
    text = article.text
    out = []
    for trig in reading.triggers:
        start, end = sentence.start + trig.start, sentence.start + trig.end
        trigger = Trigger(start, end, text[start:end], trig.type)
        status = _status(trig, start, end, signal)
        if trig.type == "MEETING" and _match(view, trigger):
            continue  # "دخل المدرب اللقاء بتشكيلة ضمت": a game, not a meeting
        if trig.type == "MEETING" and _beside_blocker(view, trigger, signal):
            continue  # "اتصال هاتفي بين أوباما وأردوغان": a phone call, not a meeting
        if trig.type == "MEETING" and at_arrival(view, trigger):
            continue  # "وكان في استقباله لدى وصوله": an airport welcome
        if trig.type == "MEETING" and own_sitting(view, trigger):
            continue  # "خلال اجتماعها", "رأس الأمير الاجتماع الشهري": a body's own sitting
        if trig.type == "MEETING" and attendance(view, trigger):
            continue  # "حضر الاستقبال مدير الشرطة ...": who attended a sitting told before
        cand = Candidate(trig.type, status, evidence=[sentence], confidence=trig.score)  # type: ignore[arg-type]
        cand.another = _also(view, trigger)
        cand.tenseless = tenseless(view, trigger)
        places = []
        for role in sorted(trig.roles, key=lambda r: -r.score):
            mention = _mention(text, role, sentence.start, view.mentions, article)
            if mention is None:
                continue
            if role.role != "place" and _indefinite(view, mention):
                continue  # "the second visit of an Iraqi president": nobody in particular
            if role.role == "visitor" and invited_by(view, mention):
                cand.add("host", mention)  # "at the invitation of Wen": Wen receives
            elif role.role != "place":
                if not reporter_after(view, trigger, mention):
                    cand.add(role.role, mention)  # type: ignore[arg-type]
            elif _posted_to(view, mention):  # "المبعوث الأممي إلى اليمن": a title
                continue
            elif _in_other_relative(view, trigger, mention):
                continue  # "إلى جانب لافروف الذي زار بيونغ يانغ": Lavrov's visit's place
            elif trig.type == "VISIT" and _origin(view, mention):
                continue  # "arrived from Helsinki", "قادماً من الرياض": where he came from
            elif mention.kind in PLACE_KINDS:  # a person or organisation is no place
                places.append(mention)
            elif _guessed(mention, reading, sentence.start):  # ... unless its kind was a guess
                places.append(replace(mention, kind="GPE"))
        received_at_arrival = received_guest(view, trigger, cand)
        if received_at_arrival:  # "وكان في استقبال معاليه لدى وصوله"
            places = []  # "... الى مطار حمد": the arrival of the visit just reported
        cand.add("participant", owner(view, trigger, cand))  # "عقب لقائه بكيري"
        cand.add("participant", counterpart(view, trigger, cand))  # "لقائه بوزير الخارجية المصري"
        cand.add("participant", peer(view, trigger, cand))  # "شكري ونظيره الأمريكي"
        if not places and trig.type == "VISIT":
            places = _modifier_place(view, trigger)  # "a Middle East tour"
        if places:
            cand.location = places[0]
        elif trig.type == "MEETING" or (trig.type == "VISIT" and trig.status == "occurred"):
            # a visit under way with no place named ("visiting UN chief Annan said") is
            # where the reporter files from, unless that is the visitor's own country
            cand.location = _away(cand, dateline(view))
        cand.time = event_time(view, trigger, cand.arguments())
        cand = _consistent(cand, view, trigger)
        _fill(view, trigger, cand)
        made_by(view, trigger, cand)  # "زيارة يقوم بها وزير الخارجية الفرنسي"
        cand.location = cand.location or object_site(view, trigger, cand)  # "زار المهرجان"
        if _back_reference(trigger, cand, before):
            continue
        out.append(cand)
        received = _reception(out[-1]) if not received_at_arrival else None
        if received is not None:
            out.append(received)
    return _halves(out)


# Types whose two halves, read from two trigger words, make one event: a transfer's two
# sides, a visit's visitor and destination. Meetings gained nothing (held-out sentences).
_HALVED = frozenset(("ARMS_TRANSFER", "VISIT"))


def _halves(cands: list[Candidate]) -> list[Candidate]:
    """One sentence's candidates, with each incomplete one joined to an earlier incomplete
    one of its type when they fill different roles and together make an event: "عرضا
    فرنسيا لبيع غواصتين" (a French offer to sell two submarines) reads the buyer with
    "عرضا" (offer) and France with "لبيع" (to sell). Of an *occurred* and another status
    the other wins: the hedged word ("to sell") says what became of the offer."""
    out: list[Candidate] = []
    for cand in cands:
        half = cand.type in _HALVED and not is_complete(cand)
        match = next((i for i, c in enumerate(out) if half and _fit(c, cand)), None)
        if match is None:
            out.append(cand)
        else:
            out[match] = _joined(out[match], cand)
    return out


def _filled(cand: Candidate) -> set[str]:
    return {r for r, _ in cand.actors} | ({"place"} if cand.location is not None else set())


def _fit(first: Candidate, second: Candidate) -> bool:
    """Two halves of one event: same type, both incomplete, no role in common, times
    that agree, and complete together."""
    if first.type != second.type or is_complete(first) or _filled(first) & _filled(second):
        return False
    return time_ok(first.time, second.time) and is_complete(_joined(first, second))


def _joined(first: Candidate, second: Candidate) -> Candidate:
    both = replace(first, actors=list(first.actors), items=list(first.items))
    both.evidence = list(first.evidence)
    absorb(both, second)
    if both.status == "occurred":
        both.status = second.status
    return both


def _fill(view: SentenceView, trigger: Trigger, cand: Candidate) -> None:
    """A visit the core read with no visitor takes the one the role rules read for the
    same trigger ("زيارته إلى الصين": his visit to China, the visitor named before),
    when that is a name. Other slots stay the core's: filled from the rules, meetings
    and transfers in articles gained more false events than true ones."""
    if cand.type != "VISIT" or cand.keys("visitor"):
        return
    rule = Candidate(cand.type, cand.status)
    visit(view, trigger, rule)
    for role, mention in rule.actors:
        if role == "visitor" and named(mention):
            cand.add("visitor", mention)


def _reception(visit: Candidate) -> Candidate | None:
    """A host receiving a visitor meets them ("Saied welcomed Larbaoui at Carthage
    Palace", "استقبل ... الضيف"): the meeting of a visit the core reads with both."""
    if visit.type != "VISIT":
        return None
    # people and organisations only: "the Grenada leaders" read as "Grenada" is no guest
    guests = [m for r, m in visit.actors if r == "visitor" and m.kind in PARTY_KINDS]
    hosts = [m for r, m in visit.actors if r == "host" and m.kind in PARTY_KINDS]
    if not guests or not hosts:
        return None
    meeting = meeting_of(visit, guests + hosts)
    meeting.location, meeting.time = visit.location, visit.time
    return meeting


def _guessed(mention: Mention, reading: Reading, shift: int) -> bool:
    """An unknown capitalised name whose kind stage 2 guessed ("Kinshasa" as a person)
    and the entity head reads as a place: with the role head reading it as where the
    event happened, two learned readings outweigh a guess ("Western", "Presidential"
    stay no places: the entity head does not call them places)."""
    if mention.name is not None or mention.key.startswith(("TITLE:", "PERSON:~")):
        return False
    return any(
        span.label in ("GPE", "LOC")
        and shift + span.start < mention.end
        and mention.start < shift + span.end
        for span in reading.entities
    )


# An envoy's post names no destination: "the UN envoy to Yemen", "المبعوث الأممي إلى
# اليمن". Not "in"/"لدى": an ambassador mostly meets people where he is posted.
_ENVOYS = frozenset(fold(w) for w in ("envoy", "ambassador", "representative", "coordinator",
                                      "مبعوث", "المبعوث", "سفير", "السفير", "مندوب", "المندوب",
                                      "ممثل", "الممثل", "المنسق", "منسق"))  # fmt: skip
_POSTS = frozenset(fold(w) for w in ("to", "إلى", "الى"))
_ENVOY_REACH = 2  # "the UN special envoy to", "المبعوث الأممي إلى"


def _posted_to(view: SentenceView, place: Mention) -> bool:
    """Is ``place`` the post in an envoy's title rather than where the event happened?"""
    before = [fold(t.surface) for t in view.before(place.start)][-_ENVOY_REACH - 1 :]
    if not before or before[-1] not in _POSTS:
        return False
    return any(w in _ENVOYS for w in before[:-1])


# "arrived from Helsinki", "وصل ... قادماً من الرياض" (coming from Riyadh)
_FROM = frozenset(fold(w) for w in ("from", "قادما", "قادماً", "قادمة", "قادمين"))


def _origin(view: SentenceView, place: Mention) -> bool:
    """Is ``place`` where the traveller came from: right after "from", or after "من"
    that follows "قادماً" (coming)? A visit's place is its destination."""
    before = [fold(t.surface).lower() for t in view.before(place.start)][-2:]
    if before[-1:] == ["from"]:
        return True
    return len(before) == 2 and before[1] == fold("من") and before[0] in _FROM


_INDEFINITE = frozenset(("a", "an", "another", "any"))


def _indefinite(view: SentenceView, mention: Mention) -> bool:
    """Is ``mention`` a country's one office named with an indefinite article ("the
    second visit of an Iraqi president")? Someone who ever held it, not a party. A group
    stays one ("a Turkish intelligence team met ...")."""
    if not mention.key.startswith("TITLE:"):
        return False
    before = view.before(mention.start)[-1:]
    return bool(before) and before[0].surface.lower() in _INDEFINITE


def _in_other_relative(view: SentenceView, trigger: Trigger, mention: Mention) -> bool:
    """``mention`` lies in a relative clause ("who visited Pyongyang", "الذي زار بيونغ
    يانغ") that does not hold the trigger: it is a place of that clause's verb. Not when
    the trigger itself is what the clause describes ("الزيارة التي قام بها إلى بكين",
    the visit he made to Beijing): the clause opens right after it."""
    clause = view.clause_of(mention.start)
    if not clause.relative or clause.start <= trigger.start < clause.end:
        return False
    return bool(view.text[trigger.end : clause.start].strip())


def _modifier_place(view: SentenceView, trigger: Trigger) -> list[Mention]:
    """A place named right before a visit noun, as its modifier: "a Middle East tour",
    "his Gulf trip" (not a country adjective: "the Russian visit" may be by Russians). A
    known place only: the word the entity head tags a place before "زيارة" is as often
    the verb noun that governs it ("تأجيل زيارة", the postponement of a visit)."""
    return [
        m
        for m in view.mentions
        if m.kind in PLACE_KINDS
        and m.name is not None
        and not m.demonym
        and m.end <= trigger.start
        and not view.text[m.end : trigger.start].strip()
    ]


# "اللقاء" and "match" are also a game: in a sentence about sport the word is no meeting.
_GAME_WORDS = ("لقاء", "اللقاء", "مباراة", "المباراة", "match", "game")
_SPORT_WORDS = ("مباراة", "المباراة", "تشكيلة", "الشوط", "شوط", "المدرب", "مدرب", "الدوري",
                "دوري", "هدف", "هدفا", "أهداف", "الأهداف", "الملعب", "ملعب", "كأس", "بطولة",
                "البطولة", "منتخب", "المنتخب", "اللاعب", "لاعب", "اللاعبين", "لاعبي", "الحكم",
                "match", "league", "coach", "goal", "goals", "lineup", "stadium", "tournament",
                "cup", "squad", "striker", "midfielder", "kickoff", "fixture",
                "referee")  # fmt: skip
_GAME = frozenset(fold(w) for w in _GAME_WORDS)
_SPORT = frozenset(fold(w) for w in _SPORT_WORDS)


def _beside_blocker(view: SentenceView, trigger: Trigger, signal: SentenceSignal | None) -> bool:
    """The trigger word is part of, or next to, one of the lexicon's hard negatives for
    its type ("اتصال هاتفي", "بحث هاتفيا مع", "a telephone conversation"): the core
    reads "اتصال" (contact, call) as a meeting; what the lexicon blocks in a whole
    clause, here only the words touching the trigger."""
    found: list[tuple[str, int, int]] = getattr(signal, "blockers", [])
    tokens = view.tokens
    words = [i for i, t in enumerate(tokens) if t.start < trigger.end and trigger.start < t.end]
    if not found or not words:
        return False
    first, last = words[0], words[-1]
    return any(label == trigger.type and a - 2 <= last and first <= b + 2 for label, a, b in found)


def _match(view: SentenceView, trigger: Trigger) -> bool:
    """Is ``trigger`` a game's name ("اللقاء", "match") in a sentence about sport?"""
    if fold(trigger.text) not in _GAME:
        return False
    return any(
        (t.norm in _SPORT or fold(t.surface) in _SPORT)
        and not (trigger.start <= t.start < trigger.end)
        for t in view.tokens
    )


_ALSO = frozenset(fold(w) for w in ("also", "كما", "أيضا", "ايضا", "أيضاً"))
# "then met", "ثم استقبل": the next event of a sequence, marked right before its trigger
_THEN = frozenset(fold(w) for w in ("then", "afterwards", "ثم", "وبعدها", "بعدها", "لاحقا"))
_ALSO_REACH = 3  # "He also met", "كما التقى", "التقى أيضا"


# "on the other hand", "in another context": the report turns to another event
_OTHER = frozenset(fold(w) for w in (
    "من جهة ثانية", "من جهة أخرى", "من جهة اخرى", "من ناحية أخرى", "من ناحية ثانية",
    "في سياق آخر", "في سياق منفصل", "في شأن آخر",
))  # fmt: skip


def _also(view: SentenceView, trigger: Trigger) -> bool:
    """Is the trigger marked as another event ("He also met", "كما التقى", "التقى أيضا",
    "then met", "ثم استقبل", "من جهة ثانية اجتمع")?"""
    prior = view.before(trigger.start)
    before = prior[-_ALSO_REACH:]
    after = view.after(trigger.end)[:1]
    if before and fold(before[-1].surface) in _THEN:
        return True
    words = [fold(t.surface) for t in prior if t.surface[:1].isalpha()]
    if " ".join(words[-_ALSO_REACH:]) in _OTHER:
        return True
    return any(fold(t.surface) in _ALSO for t in before + after)


def _away(cand: Candidate, place: Mention | None) -> Mention | None:
    """``place`` unless it is the home country of every visitor (a meeting: any place)."""
    if cand.type != "VISIT" or place is None:
        return place
    homes = {m.country for r, m in cand.actors if r == "visitor"}
    return None if homes == {place.country} else place


def _consistent(cand: Candidate, view: SentenceView, trigger: Trigger) -> Candidate:
    """Role types the model got wrong and the gazetteer settles: a known place among a
    meeting's or visit's parties next to people or organisations is where it happened
    (the destination of a visit), not a party ("لافروف الذي زار بيونغ يانغ" for "زار");
    unless a relative clause without the trigger holds it: then it is no part of this
    event ("سيستقبلها ... إلى جانب لافروف الذي زار بيونغ يانغ" for the reception)."""
    if cand.type == "ARMS_TRANSFER":
        return cand
    party = "participant" if cand.type == "MEETING" else "visitor"
    people = [m for r, m in cand.actors if r == party and m.kind in PARTY_KINDS]
    places = [m for r, m in cand.actors if r == party and m.kind in PLACE_KINDS and m.name]
    needed = 2 if cand.type == "MEETING" else 1
    if len(people) < needed or not places:
        return cand
    cand.actors = [(r, m) for r, m in cand.actors if not (r == party and m in places)]
    here = [m for m in places if not m.demonym and not _in_other_relative(view, trigger, m)]
    if cand.location is None:
        cand.location = next(iter(here), None)
    return cand


def article_candidates(doc: Document) -> list[Candidate]:
    """Candidates of every sentence the core read (the document's ``readings`` layer);
    names resolved across the article first."""
    text, sentences, readings = doc.text, doc.sentences, doc.readings
    found = list(doc.mentions) + model_mentions(text, sentences, readings, doc.mentions)
    # "المملكة" first: an entity-head span over it ("كارتر للمملكة") then gives way, and
    # coreference finds the name beside it
    found = kingdom.resolve(text, sorted(found, key=lambda m: (m.start, m.end)), doc.tokens)
    resolved = coref.resolve(text, found, doc.tokens)
    article = ArticleIndex.of(doc, resolved)
    out: list[Candidate] = []
    per_sentence: list[SentenceSignal | None] = list(doc.signals) or [None] * len(sentences)
    for sentence, reading, signal in zip(sentences, readings, per_sentence, strict=True):
        if reading is not None and reading.triggers:
            out += candidates(sentence, reading, article, signal, out)
    return out


# Arabic only: English "the visit", "the talks" measured as often bringing a new event
# (tuning articles: one true event lost, none false saved).
_BACK = frozenset(fold(w) for w in ("اللقاء", "الاجتماع", "المباحثات", "المحادثات"))


def _back_reference(trigger: Trigger, cand: Candidate, before: Sequence[Candidate]) -> bool:
    """ "حضر اللقاء كل من ..." (attending the meeting were ...): a definite meeting noun
    names a meeting already read; what it adds is no event of its own unless it names
    two known parties."""
    if fold(trigger.text) not in _BACK:
        return False
    if len({m.key for r, m in cand.actors if m.name is not None}) >= 2:
        return False
    return any(b.type == cand.type and is_complete(b) for b in before)
