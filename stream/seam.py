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

Time bound: a thread cannot be killed, so the budget is enforced in three
honest layers. (1) Before extraction, an article with more than
``max_sentences`` sentence ends is refused (``extraction_timeout``): the cost
is linear in length, so the limit is what the time budget allows for real
text (``eventwire bench --long-articles``). (2) After extraction, a batch
that took longer than ``max_extract_s`` is re-run article by article, timed,
and any article over budget is dead-lettered ``extraction_timeout``. (3) A
batch still running at its hard deadline raises :class:`ExtractionStuck`,
which stops the worker (the thread cannot be reclaimed).
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
import os
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from models.base import Extractor
from models.factory import ExtractorNotAvailable, build_extractor
from models.schema import Article, Event
from stream import metrics
from stream.errors import EventwireError, ExtractorUnavailable, Reason
from stream.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    """Extraction raised for this one article."""

    error: str
    detail: str
    reason: Reason = Reason.EXTRACTION_FAILED


class ExtractionStuck(EventwireError):
    """A batch overran its hard deadline; its thread cannot be interrupted."""


# Sentence ends any extractor's splitter would also cut at (Latin, Arabic, CJK,
# newlines): a cheap upper-bound-ish estimate of the work an article is.
_SENTENCE_END = re.compile(r"[.!?\n\u061f\u06d4\u3002]+")


def sentence_count(text: str) -> int:
    """Estimated sentences in ``text`` (runs of terminators count once)."""
    return len(_SENTENCE_END.findall(text)) + 1


Outcome = list[Event] | Failure


def load_extractor(settings: Settings, log: Callable[[str], None] | None = None) -> Extractor:
    """Build the configured extractor; raises :class:`ExtractorUnavailable`.

    ``log`` receives the transformer's loading steps (conversion, ONNX export).
    """
    # Read by OpenMP once, when torch is first imported (inside build_extractor).
    os.environ.setdefault("OMP_WAIT_POLICY", settings.omp_wait_policy)
    try:
        if settings.extractor_factory:
            extractor = _from_import_path(settings.extractor_factory)
        else:
            extractor = build_extractor(
                settings.extractor,
                model_source=settings.model_source,
                cache_dir=settings.cache_dir,
                threads=settings.torch_threads,
                tuning=_tuning(settings) | ({"log": log} if log else {}),
            )
    except ExtractorNotAvailable as exc:
        raise ExtractorUnavailable(str(exc)) from exc
    # The extractor's tables (gazetteer, lexicons, caches' keys) are hundreds of
    # thousands of objects that live as long as the process: move them out of
    # the cyclic GC's sight, so its collections during extraction stop
    # re-scanning them (extraction alone: +9 % and +18 % articles/s in two paired,
    # noisy runs; not visible in the streamed benchmark).
    gc.collect()
    gc.freeze()
    return extractor


def _tuning(settings: Settings) -> dict[str, object]:
    """The transformer's weights and speed options, only where they differ from its defaults."""
    tuning: dict[str, object] = {}
    if settings.extractor != "transformer":
        return tuning
    if settings.core_dir is not None:
        tuning["weights_dir"] = settings.core_dir
    if settings.encoder_scope != "flagged":
        tuning["scope"] = settings.encoder_scope
    if settings.encoder_max_length is not None:
        tuning["max_length"] = settings.encoder_max_length
    if settings.encoder_runtime is not None:
        tuning["runtime"] = settings.encoder_runtime
    if not settings.rule_fallback:
        tuning["fallback"] = False
    if settings.omp_wait_policy == "ACTIVE":
        tuning["spin"] = True
    return tuning


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


@dataclass(frozen=True, slots=True)
class Budget:
    """Limits on one article's extraction (see module doc)."""

    max_sentences: int = Settings.model_fields["max_sentences"].default
    max_extract_s: float = Settings.model_fields["max_extract_s"].default

    def refuse(self, article: Article) -> Failure | None:
        """A timeout failure if the article is too big to extract in budget."""
        count = sentence_count(article.text)
        if count <= self.max_sentences:
            return None
        detail = f"{count} sentences, over max_sentences={self.max_sentences}"
        return Failure("TooManySentences", detail, Reason.EXTRACTION_TIMEOUT)

    def hard_deadline_s(self, articles: int) -> float:
        """When a batch is stuck: every article at twice its budget, plus the re-run."""
        return self.max_extract_s * (2 * articles + 2)


def extract_timed(
    extractor: Extractor, articles: Sequence[Article], budget: Budget
) -> list[Outcome]:
    """:func:`extract_isolated` under ``budget`` (see module doc)."""
    outcomes: list[Outcome | None] = [budget.refuse(article) for article in articles]
    todo = [i for i, outcome in enumerate(outcomes) if outcome is None]
    started = time.perf_counter()
    results = extract_isolated(extractor, [articles[i] for i in todo])
    if time.perf_counter() - started > budget.max_extract_s:
        # Some article may be over budget: time each alone to find out which.
        results = [_one_timed(extractor, articles[i], budget) for i in todo]
    for i, result in zip(todo, results, strict=True):
        outcomes[i] = result
    return [outcome for outcome in outcomes if outcome is not None]


def _one_timed(extractor: Extractor, article: Article, budget: Budget) -> Outcome:
    started = time.perf_counter()
    outcome = extract_isolated(extractor, [article])[0]
    took = time.perf_counter() - started
    if took <= budget.max_extract_s:
        return outcome
    detail = f"took {took:.1f} s, over max_extract_s={budget.max_extract_s:g}"
    return Failure("ExtractionTimeout", detail, Reason.EXTRACTION_TIMEOUT)


class ExtractionSeam:
    """Runs an extractor on one background thread, within a :class:`Budget`.

    >>> seam = ExtractionSeam(extractor)          # doctest: +SKIP
    >>> outcomes = await seam.extract(articles)   # doctest: +SKIP
    """

    def __init__(
        self, extractor: Extractor, budget: Budget | None = None, *, inline: bool = False
    ) -> None:
        self.extractor = extractor
        self.budget = budget or Budget()
        # The naive baseline (processing_mode=naive): extract ON the event loop.
        self.inline = inline
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract")
        self.last_batch_s = 0.0

    @classmethod
    def from_settings(cls, settings: Settings) -> ExtractionSeam:
        """Build the configured extractor; raises :class:`ExtractorUnavailable`."""
        started = time.perf_counter()
        extractor = load_extractor(settings)
        metrics.MODEL_LOAD_SECONDS.set(time.perf_counter() - started)
        budget = Budget(settings.max_sentences, settings.max_extract_s)
        return cls(extractor, budget, inline=settings.processing_mode == "naive")

    async def extract(self, articles: Sequence[Article]) -> list[Outcome]:
        """Outcomes for ``articles``, computed off the event loop.

        Raises :class:`ExtractionStuck` past the budget's hard deadline.
        """
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        if self.inline:  # blocks the loop: only for the benchmark's baseline
            outcomes = extract_timed(self.extractor, list(articles), self.budget)
            self.last_batch_s = time.perf_counter() - started
            return outcomes
        work = loop.run_in_executor(
            self._executor, extract_timed, self.extractor, list(articles), self.budget
        )
        deadline = self.budget.hard_deadline_s(len(articles))
        try:
            outcomes = await asyncio.wait_for(asyncio.shield(work), deadline)
        except TimeoutError:
            stuck = f"{len(articles)} articles still extracting after {deadline:g} s"
            raise ExtractionStuck(stuck) from None
        self.last_batch_s = time.perf_counter() - started
        if articles:  # a batch of only dead letters extracts nothing: not a latency
            metrics.EXTRACTION_SECONDS.observe(self.last_batch_s)
        log.debug("extracted %d articles in %.3f s", len(articles), self.last_batch_s)
        return outcomes

    def close(self) -> None:
        """Stop the worker thread (waits for a running batch)."""
        self._executor.shutdown(wait=True)
