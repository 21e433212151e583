"""News stories told several times: copies and re-wordings of the same events
across outlets and days, plus look-alikes (the same leaders meeting again,
months later, elsewhere). For the cluster stage's broker tests.

Written for the lexicon extractor (instant, deterministic), which resolves
these leaders, cities and countries to canonical names.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

LEADERS = [
    ("Indian Prime Minister", "Narendra Modi", "Modi"),
    ("Japanese Prime Minister", "Fumio Kishida", "Kishida"),
    ("French President", "Emmanuel Macron", "Macron"),
    ("German Chancellor", "Olaf Scholz", "Scholz"),
    ("Turkish President", "Recep Tayyip Erdogan", "Erdogan"),
    ("Chinese President", "Xi Jinping", "Xi Jinping"),
    ("Brazilian President", "Lula da Silva", "Lula"),
    ("Russian President", "Vladimir Putin", "Putin"),
]
CITIES = ["Tokyo", "Berlin", "Paris", "Moscow", "Beijing", "Ankara", "Cairo", "Riyadh", "Doha",
          "Madrid", "Rome", "London", "Brasilia", "Jakarta", "Nairobi", "Ottawa"]  # fmt: skip
ARMS = [("Norway", "Ukraine"), ("Germany", "Poland"), ("France", "Egypt"), ("Turkey", "Qatar")]
OUTLETS = ["wire", "daily", "herald", "times", "post", "gazette", "tribune"]

MEETING = [
    "{ta} {a} met {tb} {b} in {city} on {date}.",
    "{a} held talks with {b} in {city} on {date}, officials said.",
    "{sb} and {sa} met in {city} on {date} to discuss trade and security.",
    "Officials said {a} and {b} met on {date} in {city}.",
]
VISIT = [
    "{ta} {a} arrived in {city} on {date} for an official visit.",
    "{a} visited {city} on {date}.",
    "{sa} began a visit to {city} on {date}, state media said.",
]
ARMS_TRANSFER = [
    "{s} delivered air defence systems to {r} on {date}, the defence ministry said.",
    "{s} has delivered air defence systems to {r}, officials said on {date}.",
]


@dataclass(frozen=True)
class Story:
    """One real-world event and the words to tell it."""

    key: str
    type: str
    fields: dict[str, str]
    day: dt.date

    def article(self, copy: int, published: dt.date) -> dict[str, str]:
        """The ``copy``-th report (a re-wording, another outlet), published that day."""
        templates = {"MEETING": MEETING, "VISIT": VISIT, "ARMS_TRANSFER": ARMS_TRANSFER}[self.type]
        date = f"{self.day.day} {self.day:%B %Y}"
        text = templates[copy % len(templates)].format(date=date, **self.fields)
        outlet = OUTLETS[copy % len(OUTLETS)]
        return {"id": f"{self.key}-{outlet}-{copy}", "text": text, "source": outlet,
                "published_at": published.isoformat()}  # fmt: skip


def stories(count: int, start: dt.date = dt.date(2024, 1, 8)) -> list[Story]:
    """``count`` distinct stories; every fourth meeting is a look-alike of an
    earlier one (the same two leaders, three months later, in another city)."""
    pairs = list(itertools.combinations(LEADERS, 2))
    out: list[Story] = []
    for i in range(count):
        day = start + dt.timedelta(days=2 * (i % 10))
        city = CITIES[i % len(CITIES)]
        kind = ("MEETING", "MEETING", "VISIT", "ARMS_TRANSFER")[i % 4]
        if kind == "MEETING":
            (ta, a, sa), (tb, b, sb) = pairs[(i // 4) % len(pairs)]
            if i % 8 == 1:  # a look-alike: the pair of story i - 1, months later
                (ta, a, sa), (tb, b, sb) = pairs[((i - 1) // 4) % len(pairs)]
                day += dt.timedelta(days=90)
                city = CITIES[(i + 5) % len(CITIES)]
            fields = {"ta": ta, "a": a, "sa": sa, "tb": tb, "b": b, "sb": sb, "city": city}
        elif kind == "VISIT":
            ta, a, sa = LEADERS[i % len(LEADERS)]
            fields = {"ta": ta, "a": a, "sa": sa, "city": city}
        else:
            s, r = ARMS[(i // 4) % len(ARMS)]
            fields = {"s": s, "r": r}
            day += dt.timedelta(days=40 * (i // 16))  # the same deal months apart is another
        out.append(Story(f"story{i}", kind, fields, day))
    return out


def reports(story: Story, copies: range) -> list[dict[str, str]]:
    """Copies ``copies`` of a story, published on its day and the days after."""
    return [story.article(c, story.day + dt.timedelta(days=c % 3)) for c in copies]
