"""Time policy after merging: the lead's date for undated main events, future → planned.

A news lead sets the story's day ("Choe began talks in Moscow" on the
Tuesday of the dateline). An *occurred* event with no time of its own takes
the first day-precise time of the article's first sentences, when that time
lies within a week before publication; any other event stays undated rather
than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from models.assemble.candidate import Candidate
from models.mentions import Sentence, TimeMention

_LEAD_SENTENCES = 3
_LEAD_WINDOW = dt.timedelta(days=7)
_WEEK = dt.timedelta(days=7)


def lead_time(
    sentences: list[Sentence], times: list[TimeMention], published: dt.date | None
) -> TimeMention | None:
    """The dateline time of the article, or None."""
    if published is None or not sentences:
        return None
    lead_end = sentences[min(_LEAD_SENTENCES, len(sentences)) - 1].end
    for t in sorted(times, key=lambda t: t.start):
        if t.start >= lead_end or t.precision != "day":
            continue
        day = dt.date.fromisoformat(t.value_start)
        if published - _LEAD_WINDOW <= day <= published:
            return t
    return None


def settle(cands: list[Candidate], lead: TimeMention | None, published: dt.date | None) -> None:
    """Apply the lead-date default and mark future-dated 'occurred' events as planned."""
    for cand in cands:
        if cand.time is None and cand.status == "occurred":
            cand.time = lead
        if cand.status == "occurred" and _after(cand.time, published):
            cand.status = "planned"
        if cand.status in ("planned", "proposed"):
            cand.time = _forward(cand.time, published)


def _forward(time: TimeMention | None, published: dt.date | None) -> TimeMention | None:
    """A *future* event's yearless date read as past is the next one: "a visit in
    November" in an August article is this November, "on Sunday" the coming Sunday,
    "from April 29" in a March article this April (the date stage resolves
    bare dates backwards, as news mostly reports the past)."""
    if time is None or published is None or time.value_start >= published.isoformat():
        return time
    if re.search(r"\d{4}", time.text):  # an explicit year is kept as written
        return time
    if time.precision == "month" and not any(ch.isdigit() for ch in time.text):
        return _shift(time, lambda d: d.replace(year=d.year + 1))
    if time.precision == "day":
        day = dt.date.fromisoformat(time.value_start)
        if any(ch.isdigit() for ch in time.text):  # month and day, no year
            return _shift(time, lambda d: d.replace(year=d.year + 1))
        if published - day < _WEEK:  # a bare weekday: the coming one
            return _shift(time, lambda d: d + _WEEK)
    return time


def _shift(time: TimeMention, move: Callable[[dt.date], dt.date]) -> TimeMention:
    def one(value: str) -> str:
        parts = value.split("-")
        full = dt.date.fromisoformat("-".join(parts + ["01"] * (3 - len(parts))))
        return move(full).isoformat()[: len(value)]

    return replace(time, value_start=one(time.value_start), value_end=one(time.value_end))


def _after(time: TimeMention | None, published: dt.date | None) -> bool:
    """True when ``time`` starts after the publication date (at its own precision)."""
    if time is None or published is None:
        return False
    return time.value_start > published.isoformat()[: len(time.value_start)]
