"""The one seam between the streaming layer and extraction."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from models.schema import Article, Event


@runtime_checkable
class Extractor(Protocol):
    """Turns articles into events. Implementations are CPU-bound and synchronous.

    ``extract_batch`` is the real API (batching across articles is where the
    speed comes from); it returns one list of events per input article, in
    order. An exception raised for the whole batch is the caller's to isolate:
    ``stream`` retries article by article and dead-letters the ones that fail.
    """

    name: str
    version: str

    def extract_batch(self, articles: Sequence[Article]) -> list[list[Event]]: ...


def extract_one(extractor: Extractor, article: Article) -> list[Event]:
    """Convenience wrapper: the events of a single article."""
    return extractor.extract_batch([article])[0]


def make_event_id(article_id: str, event_type: str, keys: Iterable[str]) -> str:
    """Deterministic event id from article id, type and canonical actor keys.

    The keys are sorted, so the order actors were found in does not matter.

    >>> a = make_event_id("a1", "VISIT", ["RUS", "Putin"])
    >>> a == make_event_id("a1", "VISIT", ["Putin", "RUS"])
    True
    """
    material = "\x1f".join([article_id, event_type, *sorted(set(keys))])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]
