"""The one seam between streaming and extraction.

Everything in ``stream`` that needs events calls :class:`ExtractionSeam`; it
is the only place that builds an extractor or calls ``extract_batch``. Model
work is CPU-bound and synchronous, so it runs in ONE worker thread off the
event loop: Faust keeps heart-beating while a batch is extracted, and one
thread means the model never runs two batches at once (torch already uses
``torch_threads`` cores inside a batch).

Failure isolation: if ``extract_batch`` raises (or returns the wrong number of
lists) for a batch, each article is retried alone, so only the article that
really fails becomes a :class:`Failure` (dead-lettered as
``extraction_failed``); the others still produce their events.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from models.base import Extractor
from models.factory import ExtractorNotAvailable, build_extractor
from models.schema import Article, Event
from stream import metrics
from stream.errors import ExtractorUnavailable
from stream.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    """Extraction raised for this one article."""

    error: str
    detail: str


Outcome = list[Event] | Failure


def load_extractor(settings: Settings) -> Extractor:
    """Build the configured extractor; raises :class:`ExtractorUnavailable`."""
    try:
        if settings.extractor_factory:
            return _from_import_path(settings.extractor_factory)
        return build_extractor(
            settings.extractor,
            model_source=settings.model_source,
            cache_dir=settings.cache_dir,
            threads=settings.torch_threads,
        )
    except ExtractorNotAvailable as exc:
        raise ExtractorUnavailable(str(exc)) from exc


def _from_import_path(path: str) -> Extractor:
    module, _, attr = path.partition(":")
    try:
        extractor = getattr(importlib.import_module(module), attr)()
    except (ImportError, AttributeError, ValueError) as exc:
        raise ExtractorUnavailable(f"cannot build extractor {path!r}: {exc}") from exc
    if not isinstance(extractor, Extractor):
        raise ExtractorUnavailable(f"{path!r} did not return an Extractor")
    return extractor


def extract_isolated(extractor: Extractor, articles: Sequence[Article]) -> list[Outcome]:
    """One outcome per article, in order; never raises for a bad article."""
    if not articles:
        return []
    try:
        batch = extractor.extract_batch(articles)
        if len(batch) != len(articles):
            raise ValueError(f"returned {len(batch)} results for {len(articles)} articles")
        return list(batch)
    except Exception as exc:
        if len(articles) == 1:
            return [Failure(type(exc).__name__, str(exc))]
        log.warning("batch of %d failed (%r); retrying one by one", len(articles), exc)
    return [extract_isolated(extractor, [article])[0] for article in articles]


class ExtractionSeam:
    """Runs an extractor on one background thread.

    >>> seam = ExtractionSeam(extractor)          # doctest: +SKIP
    >>> outcomes = await seam.extract(articles)   # doctest: +SKIP
    """

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract")
        self.last_batch_s = 0.0

    @classmethod
    def from_settings(cls, settings: Settings) -> ExtractionSeam:
        """Build the configured extractor; raises :class:`ExtractorUnavailable`."""
        started = time.perf_counter()
        extractor = load_extractor(settings)
        metrics.MODEL_LOAD_SECONDS.set(time.perf_counter() - started)
        return cls(extractor)

    async def extract(self, articles: Sequence[Article]) -> list[Outcome]:
        """Outcomes for ``articles``, computed off the event loop."""
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        outcomes = await loop.run_in_executor(
            self._executor, extract_isolated, self.extractor, list(articles)
        )
        self.last_batch_s = time.perf_counter() - started
        if articles:  # a batch of only dead letters extracts nothing: not a latency
            metrics.EXTRACTION_SECONDS.observe(self.last_batch_s)
        log.debug("extracted %d articles in %.3f s", len(articles), self.last_batch_s)
        return outcomes

    def close(self) -> None:
        """Stop the worker thread (waits for a running batch)."""
        self._executor.shutdown(wait=True)
