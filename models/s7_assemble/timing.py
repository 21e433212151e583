"""Time policy after merging: the lead's date for undated main events, future → planned.

A news lead sets the story's day ("Choe began talks in Moscow" on the
Tuesday of the dateline). An *occurred* event with no time of its own takes
the first day-precise time of the article's first sentences, when that time
lies within a week before publication; any other event stays undated rather
than guessed. With a year or a month anchor "publication" is every day of that
period: the window runs from a week before its first day to its last day, an
event is after publication only when it starts after the last day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from models.mentions import Mention, Sentence, TimeMention, Trigger
from models.s1_document.normalize import fold
from models.s3_times.anchor import Anchor
from models.s3_times.calendar import AR_WEEKDAYS, EN_WEEKDAYS
from models.s3_times.dates import normalise_time
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.context import SentenceView, nearest_time

_LEAD_SENTENCES = 3
_LEAD_WINDOW = dt.timedelta(days=7)
_WEEK = dt.timedelta(days=7)


def lead_time(
    sentences: Sequence[Sentence], times: Sequence[TimeMention], published: Anchor | None
) -> TimeMention | None:
    """The dateline time of the article, or None."""
    if published is None or not sentences:
        return None
    lead_end = sentences[min(_LEAD_SENTENCES, len(sentences)) - 1].end
    for t in sorted(times, key=lambda t: t.start):
        if t.start >= lead_end or t.precision != "day":
            continue
        day = dt.date.fromisoformat(t.value_start)
        if published.first_day - _LEAD_WINDOW <= day <= published.last_day:
            return t
    return None


def settle(
    cands: list[Candidate], lead: TimeMention | None, published: Anchor | None, language: str
) -> None:
    """Apply the lead-date default and mark future-dated 'occurred' events as planned."""
    for cand in cands:
        if cand.time is None and cand.status == "occurred":
            cand.time = lead
        if cand.status == "occurred" and _after(cand.time, published):
            cand.status = "planned"
        if cand.status in ("planned", "proposed"):
            cand.time = _forward(cand.time, published, language)


def _forward(
    time: TimeMention | None, published: Anchor | None, language: str
) -> TimeMention | None:
    """A *future* event's yearless date read as past is the next one: "a visit in
    November" in an August article is this November, "on Sunday" the coming Sunday
    (the date stage resolves bare dates backwards by default, as news mostly reports
    the past; asked with ``prefer="future"`` it reads them forwards)."""
    if time is None or published is None:
        return time
    if time.value_start >= published.first_day.isoformat():
        return time
    if re.search(r"\d{4}", time.text):  # an explicit year is kept as written
        return time
    resolved = normalise_time(time.text, language, published, prefer="future")
    if resolved is None:
        return time
    start, end, precision = resolved
    return replace(time, value_start=start, value_end=end, precision=precision)


def _after(time: TimeMention | None, published: Anchor | None) -> bool:
    """True when ``time`` starts after the publication date (at its own precision)."""
    if time is None or published is None:
        return False
    return time.value_start > published.last_day.isoformat()[: len(time.value_start)]


_WEEKDAY_WORDS = frozenset(fold(w) for w in (*AR_WEEKDAYS, *EN_WEEKDAYS))


def event_time(
    view: SentenceView, trigger: Trigger, arguments: Sequence[Mention] = ()
) -> TimeMention | None:
    """The trigger's time (:func:`nearest_time`); a bare weekday in a future-tense
    sentence is the coming one (the annotation reads it forwards): after an Arabic verb
    in the imperfect, "يلتقي ميرزويان بيراموف يوم الجمعة" (meets on Friday) in a
    Thursday's article is tomorrow, not last week (the perfect "التقى" reports the past);
    in English after "will" ("will resume his activities Sunday, flying to Montreal").
    "الجمعة الماضي" and "last Friday" stay past: reading forwards moves no "last"/"next"
    word. The event then starts after publication, so it is planned (:func:`settle`)."""
    time = nearest_time(view, trigger, arguments)
    if time is None or not _weekday(time):
        return time
    if _future_before(view, time):
        return _forward(time, view.article.doc.article.published_anchor(), "en")
    # the weekday after the verb: in "وصل يوم الأربعاء ... يلتقي خلالها" it dates the
    # perfect "وصل" before it, and "يلتقي" runs inside that past visit
    if time.start < trigger.end or not _imperfect(trigger.text):
        return time
    return _forward(time, view.article.doc.article.published_anchor(), "ar")


def _weekday(time: TimeMention) -> bool:
    words = {fold(w) for w in time.text.replace("(", " ").replace(")", " ").split()}
    return bool(words & _WEEKDAY_WORDS)


# English words that put the rest of their sentence in the future.
_FUTURE = frozenset(("will", "shall", "'ll"))


def _future_before(view: SentenceView, time: TimeMention) -> bool:
    """ "will" before ``time`` in its own clause: a quote before it (""We will go on,"
    he said after talks on Monday") is another clause and says nothing of its time."""
    clause = view.clause_of(time.start)
    return any(
        t.surface.lower() in _FUTURE for t in view.before(time.start) if t.start >= clause.start
    )


def _imperfect(word: str) -> bool:
    """An Arabic third-person imperfect verb ("يلتقي", "ويزور"); not "سيلتقي", whose
    status already says planned, nor a noun."""
    folded = fold(word)
    if folded[:1] in ("و", "ف") and len(folded) > 4:
        folded = folded[1:]
    return len(folded) >= 4 and folded.startswith("ي")


# "تأتي زيارة الجبير إلى موسكو في إطار ...": the visit "comes" as part of something; the
# verb gives the visit no tense of its own.
_COMES = frozenset(fold(w) for w in ("تأتي", "يأتي", "وتأتي", "ويأتي", "فتأتي"))


def tenseless(view: SentenceView, trigger: Trigger) -> bool:
    """Is the event noun the subject of "تأتي" (comes), right before it? Its status is
    then a default, and its mention joins the article's other mention of that event
    whatever that one's status (see :func:`models.s7_assemble.merge.compatible`)."""
    before = view.before(trigger.start)
    return bool(before) and fold(before[-1].surface) in _COMES
