"""Test-only extractors, loaded by the worker via EVENTWIRE_EXTRACTOR_FACTORY.

``failing()`` wraps the production lexicon extractor when it is installed
(else a tiny keyword extractor, so the streaming tests never depend on the
model work in progress) and raises for any article containing ``EXPLODE``,
to exercise the ``extraction_failed`` dead letter end to end. Tests compare
against what the same factory returns offline, so they hold for any
extractor plugged in.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Sequence
from pathlib import Path

from models.base import Extractor, make_event_id
from models.factory import build_extractor
from models.schema import Article, Event, Evidence, ExtractorInfo

MARKER = "EXPLODE"
_MET = re.compile(r"\bmet\b|التقى|يلتقي|اجتماع", re.IGNORECASE)


class MetExtractor:
    """One MEETING event per article that mentions meeting (keyword test double)."""

    name = "test-met"
    version = "0"

    def extract_batch(self, articles: Sequence[Article]) -> list[list[Event]]:
        return [self._one(article) for article in articles]

    def _one(self, article: Article) -> list[Event]:
        match = _MET.search(article.text)
        if match is None:
            return []
        return [
            Event(
                event_id=make_event_id(article.id, "MEETING", [match.group(0)]),
                type="MEETING",
                status="occurred",
                article_id=article.id,
                language=article.language or "und",
                evidence=[Evidence(text=match.group(0), start=match.start(), end=match.end())],
                confidence=0.5,
                extractor=ExtractorInfo(name=self.name, version=self.version),
            )
        ]


class FailingOn:
    """Delegates to ``inner``; raises for articles whose text contains MARKER."""

    def __init__(self, inner: Extractor) -> None:
        self.inner = inner
        self.name = f"failing({inner.name})"
        self.version = inner.version

    def extract_batch(self, articles: Sequence[Article]) -> list[list[Event]]:
        if any(MARKER in article.text for article in articles):
            raise RuntimeError("boom: test marker found")
        return self.inner.extract_batch(articles)


def production_or_stand_in() -> Extractor:
    """The lexicon extractor if its package exists here, else :class:`MetExtractor`.

    Only a missing package falls back: a broken one must fail the tests.
    ``STREAM_TESTS_STAND_IN=1`` forces the stand-in, to work on ``stream``
    while ``models`` is mid-change.
    """
    forced = os.environ.get("STREAM_TESTS_STAND_IN") == "1"
    if forced or importlib.util.find_spec("models.extractors.lexicon") is None:
        return MetExtractor()
    return build_extractor("lexicon", model_source=None, cache_dir=Path("."), threads=1)


def failing() -> Extractor:
    """Factory named by EVENTWIRE_EXTRACTOR_FACTORY in the tests."""
    return FailingOn(production_or_stand_in())
