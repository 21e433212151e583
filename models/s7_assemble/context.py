"""Per-sentence view used by role assignment: tokens, clauses, mentions, markers.

All offsets here are *article* offsets, so mentions, times and triggers from
different stages line up without conversions in the role rules.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from models.mentions import Mention, Sentence, TimeMention, Trigger
from models.s1_document.clauses import Clause
from models.s1_document.normalize import Token, fold
from models.s7_assemble.index import ArticleIndex

# How far back (in words) a preposition may sit before the name it governs:
# "في العاصمة القطرية الدوحة" puts two words between في and الدوحة.
_MARKER_REACH = 4
_PARTIES = ("PERSON", "ORG")
_BARRIER = frozenset(fold(w) for w in ("أن", "إن", "أنه", "إنه", "that"))


@lru_cache(maxsize=1)
def markers() -> dict[str, dict[str, frozenset[str]]]:
    """Role-marker words by label: {"to": {"words": ..., "proclitic": ...}, ...}."""
    raw = resources.files("models.s7_assemble").joinpath("data").joinpath("markers.json")
    data = json.loads(raw.read_text("utf-8"))
    return {
        label: {
            "words": frozenset(fold(w) for w in entry["ar"] + entry["en"]),
            "proclitic": frozenset(entry["proclitic"]),
        }
        for label, entry in data.items()
        if not label.startswith("_")
    }


def marked(label: str, word: str) -> bool:
    """Is the folded ``word`` one of ``label``'s marker words, bare or behind one of its
    glued proclitics ("وقادة", "بالمعالي")?"""
    entry = markers()[label]
    return word in entry["words"] or (word[:1] in entry["proclitic"] and word[1:] in entry["words"])


@dataclass(slots=True)
class SentenceView:
    """One sentence with everything the role rules need, in article offsets."""

    sentence: Sentence
    text: str
    tokens: list[Token]
    clauses: list[Clause]
    mentions: list[Mention]
    times: list[TimeMention]
    # The whole article's mentions, for the rules that look beyond the sentence.
    article: ArticleIndex
    marks: dict[int, str | None] = field(default_factory=dict)

    def clause_of(self, offset: int) -> Clause:
        """The clause (article offsets) holding article offset ``offset``."""
        for clause in self.clauses:
            if clause.start <= offset < clause.end:
                return clause
        return self.clauses[-1]

    def in_clause(self, clause: Clause) -> list[Mention]:
        return [m for m in self.mentions if clause.start <= m.start < clause.end]

    def word(self, label: str, token: Token) -> bool:
        return fold(token.surface) in markers()[label]["words"]

    def before(self, offset: int) -> list[Token]:
        """The sentence's words that end by ``offset``, in order (a binary search: the
        role rules ask this of every trigger and mention)."""
        return self.tokens[: bisect_right(self.tokens, offset, key=lambda t: t.end)]

    def after(self, offset: int) -> list[Token]:
        """The sentence's words that start at ``offset`` or later, in order."""
        return self.tokens[bisect_left(self.tokens, offset, key=lambda t: t.start) :]


def build_view(sentence: Sentence, article: ArticleIndex) -> SentenceView:
    """Gather the sentence's tokens, clauses, mentions and times (article offsets).

    Words and clauses are the document's (stage 1), mentions and times come from
    ``article``'s offset index: the cost is the sentence's, not the article's (see
    :mod:`models.s7_assemble.index`).
    """
    shift = sentence.start
    doc = article.doc
    index = doc.sentence_index(sentence)
    tokens = doc.sentence_tokens(index)
    clauses = [Clause(c.start + shift, c.end + shift, c.relative) for c in doc.clauses(index)] or [
        Clause(sentence.start, sentence.end)
    ]
    inside = article.mentions_in(sentence.start, sentence.end)
    times = article.times_in(sentence.start, sentence.end)
    view = SentenceView(sentence, article.text, tokens, clauses, inside, times, article)
    view.marks = {m.start: _marker(view, m, article.text) for m in inside}
    return view


def _marker(view: SentenceView, mention: Mention, text: str) -> str | None:
    """The role marker governing ``mention``: a glued proclitic or a preposition before it."""
    word_start = next((t.start for t in view.tokens if t.start <= mention.start < t.end), None)
    if word_start is not None and word_start < mention.start:
        glued = fold(text[word_start : mention.start])
        for label, entry in markers().items():
            if glued[-1:] in entry["proclitic"]:
                return label
    clause = view.clause_of(mention.start)
    before = [t for t in view.tokens if clause.start <= t.start and t.end <= mention.start]
    before = before[-_MARKER_REACH:]
    # Another party in between ends the search; a country adjective does not
    # ("مع الرئيس الإيراني حسن روحاني": مع still governs روحاني).
    taken = [(m.start, m.end) for m in view.mentions if m is not mention and m.kind in _PARTIES]
    for token in reversed(before):
        # A complementiser opens a new clause: in "من المتوقع أن يزور الملك" من is not his.
        if any(a <= token.start < b for a, b in taken) or fold(token.surface) in _BARRIER:
            return None
        for label in ("to", "in", "from", "with", "by"):
            if view.word(label, token):
                return label
        if _has_preposition(token):  # "من المدفعية لحرب أوكرانيا": لـ heads another phrase
            return None
    return None


def _has_preposition(token: Token) -> bool:
    """An Arabic word carrying a glued لـ/بـ (a prepositional phrase of its own)."""
    word = fold(token.surface)
    return len(word) >= 4 and word[0] in "لب" and token.norm != word


_SINCE = frozenset(fold(w) for w in ("since", "منذ", "until", "till", "حتى"))
# Only these open a phrase of their own: "حتى" is also "even", "until" ends the event.
_SINCE_PHRASE = frozenset(fold(w) for w in ("since", "منذ"))
_YEAR = frozenset(fold(w) for w in ("عام", "سنة", "the"))


def _since(view: SentenceView, time: TimeMention) -> bool:
    """A time that bounds a period ("the first visit since 1979", "منذ عام 2003", "until
    January 1") dates something else than the event."""
    before = [t for t in view.tokens if t.end <= time.start][-2:]
    words = [fold(t.surface) for t in before]
    return bool(words) and (
        words[-1] in _SINCE or (len(words) == 2 and words[0] in _SINCE and words[1] in _YEAR)
    )


# A preposition may open the clause before its time (", في يونيو الماضي", ", on Monday").
_LEAD_IN = frozenset(fold(w) for w in ("in", "on", "at", "during", "في", "خلال", "يوم"))


def nearest_time(
    view: SentenceView, trigger: Trigger, arguments: Sequence[Mention] = ()
) -> TimeMention | None:
    """The time expression of the trigger's clause closest to the trigger; failing
    that, one opening the next clause ("سوف يزور موسكو، الثلاثاء المقبل"). A name set
    off by commas leaves the clause open: in "met a Chinese envoy, Lu Weiqiang, in
    Almaty last month" the clause after the name goes on with the trigger's. So do the
    clauses that hold the event's own ``arguments`` ("meetings between North, the then
    head of the CIA William Casey and Thatcher in 1986"); and a participle clause goes
    on with the clause before it ("will resume his activities Sunday, flying to
    Montreal"). A time that closes a "since" phrase after the trigger dates that phrase
    ("the first speaker to visit Taiwan since Washington switched recognition in 1979")."""
    clause = view.clause_of(trigger.start)
    inside = [t for t in _times_in(view, clause) if not _closes_since(view, trigger, t)]
    if inside:
        return min(_own_conjunct(view, trigger, inside), key=lambda t: abs(t.start - trigger.start))
    later = [c for c in view.clauses if c.start >= clause.end and _worded(view, c)]
    if len(later) > 1 and _apposition(view, later[0]) and not later[1].relative:
        going_on = _times_in(view, later[1])
        return min(going_on, key=lambda t: t.start) if going_on else None
    before = [c for c in view.clauses if c.end <= clause.start and _worded(view, c)]
    previous = before[-1] if before else None
    return (
        _opening(view, later)
        or _with_arguments(view, trigger, later, arguments)
        or _before_participle(view, clause, previous)
        or _preamble(view, previous)
    )


def _worded(view: SentenceView, clause: Clause) -> bool:
    """More than punctuation: the clause splitter keeps a lone comma as a clause."""
    return bool(view.text[clause.start : clause.end].strip(" ,،"))


def _own_conjunct(
    view: SentenceView, trigger: Trigger, times: list[TimeMention]
) -> list[TimeMention]:
    """Without the times before the trigger that an "and" parts from it, when one comes
    after it: in "toured Dar es Salaam Thursday and met police chiefs Friday" or "arrived
    on Monday and is due to meet Museveni on Tuesday" each verb has its own day. Alone,
    the earlier day stays ("arrived Monday and met Museveni" is likely the same day)."""
    if not any(t.start >= trigger.end for t in times):
        return times
    own = [
        t
        for t in times
        if t.start >= trigger.end
        or not any(
            t.end <= w.start < trigger.start and w.surface.lower() == "and" for w in view.tokens
        )
    ]
    return own or times


def _preamble(view: SentenceView, previous: Clause | None) -> TimeMention | None:
    """The time the clause before the trigger's consists of: "On December 8, a meeting
    took place", "وفي يوم الاثنين، التقى" (a sentence set in time before its verb)."""
    if previous is None:
        return None
    words = [t for t in view.after(previous.start) if t.end <= previous.end]
    times = [t for t in view.times if previous.start <= t.start < previous.end]
    if len(times) != 1 or not words:
        return None
    loose = [
        w
        for w in words
        if not (times[0].start <= w.start < times[0].end) and _bare(w.surface) not in _LEAD_IN
    ]
    return None if loose else times[0]


def _bare(word: str) -> str:
    """``word`` folded, without a glued Arabic "و"/"ف" ("وفي" → "في")."""
    folded = fold(word)
    return folded[1:] if folded[:1] in ("و", "ف") and len(folded) > 2 else folded


def _opening(view: SentenceView, later: list[Clause]) -> TimeMention | None:
    """The time that opens the clause after the trigger's (", on Monday")."""
    if not later:
        return None
    words = view.after(later[0].start)[:2]
    if len(words) == 2 and fold(words[0].surface) in _LEAD_IN:
        words = words[1:]
    opening = [t for t in view.times if words and t.start <= words[0].start < t.end]
    return opening[0] if opening else None


def _with_arguments(
    view: SentenceView, trigger: Trigger, later: list[Clause], arguments: Sequence[Mention]
) -> TimeMention | None:
    """The first time in the clauses after the trigger's, up to the last one that holds
    one of the event's arguments: a list of parties cut by commas is still the event's."""
    held = [i for i, c in enumerate(later) if any(c.start <= m.start < c.end for m in arguments)]
    if not held:
        return None
    times = [
        t
        for c in later[: held[-1] + 1]
        if not c.relative
        for t in _times_in(view, c)
        if not _closes_since(view, trigger, t)
    ]
    return min(times, key=lambda t: t.start) if times else None


def _before_participle(
    view: SentenceView, clause: Clause, previous: Clause | None
) -> TimeMention | None:
    """A clause opened by an English participle ("flying to Montreal") has no subject or
    time of its own: the clause before it, which it goes on with, dates it."""
    words = view.after(clause.start)
    if previous is None or not words or not _participle(words[0].surface):
        return None
    times = _times_in(view, previous)
    return max(times, key=lambda t: t.start) if times else None


def _participle(word: str) -> bool:
    return word.isascii() and word.islower() and len(word) > 5 and word.endswith("ing")


def _closes_since(view: SentenceView, trigger: Trigger, time: TimeMention) -> bool:
    """True when a "since"/"منذ" stands between the trigger and ``time`` and no other time
    comes between them: ``time`` ends the since-phrase ("since Washington switched
    recognition in 1979"), while a later one ("since 2019, on Monday") is the event's."""
    for token in view.after(trigger.end):
        if token.start >= time.start:
            break
        if fold(token.surface) in _SINCE_PHRASE and not any(
            token.end <= t.start < time.start for t in view.times
        ):
            return True
    return False


def _times_in(view: SentenceView, clause: Clause) -> list[TimeMention]:
    return [t for t in view.times if clause.start <= t.start < clause.end and not _since(view, t)]


def _apposition(view: SentenceView, clause: Clause) -> bool:
    """True when every word of ``clause`` lies in a name (", Lu Weiqiang,")."""
    words = [t for t in view.after(clause.start) if t.end <= clause.end]
    return bool(words) and all(
        any(m.start <= t.start and t.end <= m.end for m in view.mentions) for t in words
    )
