"""Extractor factories that worker processes load via EVENTWIRE_EXTRACTOR_FACTORY.

Each wraps the instant stand-in extractor (these tests are about the process,
not the model, whose load would only slow every start) and adds one fault. The factory
runs inside the worker process before the Faust app is built, which is what
lets :func:`crash_agent` break the agent itself.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from models.base import Extractor
from models.schema import Article, Event
from tests.stream.extractors import MetExtractor


class Slow:
    """The lexicon extractor, sleeping ``pause_s`` per batch (a batch stays in flight)."""

    def __init__(self, inner: Extractor, pause_s: float) -> None:
        self.inner, self.pause_s = inner, pause_s
        self.name, self.version = f"slow({inner.name})", inner.version

    def extract_batch(self, articles: Sequence[Article]) -> list[list[Event]]:
        time.sleep(self.pause_s)
        return self.inner.extract_batch(articles)


def slow() -> Extractor:
    """One second per batch: SIGTERM lands while a batch is extracting.

    Wraps the instant stand-in: the lexicon's model load would only slow the start.
    """
    return Slow(MetExtractor(), 1.0)


def very_slow() -> Extractor:
    """Eight seconds per batch: longer than the shutdown grace the test sets."""
    return Slow(MetExtractor(), 8.0)


def crash_agent() -> Extractor:
    """Makes the agent raise outside per-article handling on its first batch."""
    import stream.app

    async def broken(self: Any, batch: Any) -> None:
        raise RuntimeError("agent bug outside per-article handling")

    stream.app.Worker.handle = broken  # type: ignore[method-assign]
    return MetExtractor()
