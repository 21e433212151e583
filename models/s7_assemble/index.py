"""The article's mentions and times indexed by offset, built once per article.

Assembly looks at one sentence at a time, but its rules also ask about the whole
article ("the dateline city", "a place of this country named anywhere"). Scanning
every mention of the article for each sentence or candidate made a long article
quadratic (5,000 sentences: 25 million comparisons); here each such question is a
binary search or a dictionary look-up, so assembly stays linear in article length.

>>> from models.mentions import Mention
>>> from models.s1_document import Document
>>> from models.schema import Article
>>> doc = Document.read(Article(id="a", text="Putin met Xi.", language="en"))
>>> idx = ArticleIndex.of(doc, [Mention(10, 12, "Xi", "PERSON", "P:Xi"),
...                             Mention(0, 5, "Putin", "PERSON", "P:Putin")])
>>> [m.text for m in idx.mentions_in(0, 9)]
['Putin']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from models.mentions import Mention, TimeMention
from models.s1_document.document import Document
from models.s7_assemble.candidate import PLACE_KINDS

_DATELINE_REACH = 40  # "WASHINGTON, March 3 -" / "BEIJING, Nov. 3 (Xinhua) --"
# After the city: "BEIJING, Jan 5", "Moscow (Reuters) -", "موسكو:", "القاهرة - ".
_DATELINE_TAIL = re.compile(r"\s*(?::|[-–—]|\(|,\s*\w+\.?\s+\d)")
_BYLINE_REACH = 60  # "عبدالله البرقاوي- سبق- الرياض:"
_DASH = re.compile(r"[-–—]")


@dataclass(slots=True)
class ArticleIndex:
    """Mentions and times sorted by start (stable: equal starts keep their order),
    over the :class:`Document` whose words and clauses the role rules read."""

    doc: Document
    mentions: list[Mention]
    times: list[TimeMention]
    _starts: list[int] = field(default_factory=list)
    _time_starts: list[int] = field(default_factory=list)
    _by_country: dict[tuple[str, str | None], list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document, mentions: Sequence[Mention]) -> ArticleIndex:
        """Index ``mentions`` (stage 2's, coreference resolved) and the document's times
        (O(n log n), once per article)."""
        ms = sorted(mentions, key=lambda m: m.start)
        ts = sorted(doc.times, key=lambda t: t.start)
        index = cls(doc, ms, ts, [m.start for m in ms], [t.start for t in ts])
        for k, m in enumerate(ms):  # what the home-country and supplier rules ask for
            index._by_country.setdefault((m.kind, m.country), []).append(k)
        return index

    @property
    def text(self) -> str:
        return self.doc.text

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in [start, end), by start."""
        return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def times_in(self, start: int, end: int) -> list[TimeMention]:
        """Time expressions starting in [start, end), by start."""
        lo, hi = bisect_left(self._time_starts, start), bisect_left(self._time_starts, end)
        return self.times[lo:hi]

    def of_country(self, kinds: Sequence[str], country: str | None) -> list[Mention]:
        """Mentions of one of ``kinds`` and of ``country``, in article order."""
        found = [k for kind in kinds for k in self._by_country.get((kind, country), [])]
        return [self.mentions[k] for k in (found if len(kinds) == 1 else sorted(found))]

    def dateline(self) -> Mention | None:
        """The place of the article's dateline ("BEIJING, Jan 5 --", "موسكو:"), or None.

        Only a place starting in the first three characters can be one, so only
        the mentions starting there are looked at.
        """
        head = self.mentions_in(0, 3)
        first = next((m for m in head if m.kind in PLACE_KINDS), None)
        if first is None or first.end > _DATELINE_REACH:
            return self._byline_place()
        # "BEIJING" is in capitals for the dateline; "US" or "UAE" always is ("US Secretary
        # of State Blinken met ..." opens with no dateline)
        written = self.text[first.start : first.end]
        upper = written.isupper() and sum(c.isalpha() for c in written) > 3
        return first if upper or _DATELINE_TAIL.match(self.text, first.end) else None

    def _byline_place(self) -> Mention | None:
        """The place of a dashed byline: "سبق- الرياض:", "واس- جدة:", "حسن العيسي- سبق-
        القنفذة:", "عين اليوم – الرياض" (a first line of agency, reporter and city). Only
        the first line, up to its colon or whole when short, and only a place that fills
        one dash-separated piece of it."""
        line = self.text[: _BYLINE_REACH + 1].split("\n", 1)[0]
        colon = line.find(":")
        head = line[:colon] if colon >= 0 else line if len(line) <= _BYLINE_REACH else ""
        if not _DASH.search(head):
            return None
        for m in self.mentions_in(0, len(head)):
            if m.kind not in PLACE_KINDS or m.end > len(head):
                continue
            before, after = head[: m.start].rstrip(), head[m.end :].lstrip()
            if (not before or _DASH.fullmatch(before[-1])) and (not after or _DASH.match(after)):
                return m
        return None
