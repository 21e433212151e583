"""The whole benchmark: batched worker, naive worker, extraction alone, in one run."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from models.s1_document.sentences import split_sentences
from stream.bench.corpus import SHARED_NEWS, Corpus, build_corpus
from stream.bench.extract_only import extract_only
from stream.bench.report import build_report, machine
from stream.bench.stats import WorkerFigures
from stream.bench.streamed import PhasePlan, ProgressFactory, StreamedRun
from stream.settings import Settings

T = TypeVar("T")

# The naive baselines' settings, on top of the batched worker's.
NAIVE_ENV: dict[str, dict[str, str]] = {
    "plain": {
        "EVENTWIRE_ENCODER_SCOPE": "all",
        "EVENTWIRE_ENCODER_RUNTIME": "torch",
    },
    "same-extractor": {},
}


@dataclass(frozen=True)
class BenchOptions:
    """What to run. ``naive_n``: articles for the (slow) naive baseline, an
    evenly spaced sample of the corpus when fewer than ``n`` (the same mix of
    languages and lengths);
    ``naive``: "plain" runs the extractor without any of the speed work (every
    sentence encoded, PyTorch eager, fp32); "same-extractor" runs the batched
    worker's extractor settings, so only batching and the executor differ."""

    n: int = 300
    naive_n: int = 300
    naive: str = "plain"
    warmup: int = 16
    rate: float | None = None  # the paced phase's rate; None = half the measured max
    kafka: bool = True
    words: tuple[int, int] = (400, 800)
    shared: Path | None = SHARED_NEWS


def sentences(text: str) -> int:
    """Sentences as the extractor splits them."""
    return len(split_sentences(text))


def run_bench(
    settings: Settings,
    bootstrap: str | None,
    options: BenchOptions,
    bar: ProgressFactory,
    note: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Every figure of the benchmark, as plain JSON (see :func:`build_report`)."""
    at_start = machine()
    pool = build_corpus(options.n + options.warmup, options.words, options.shared)
    corpus, warm = pool.articles[: options.n], pool.articles[options.n :]
    workers: dict[str, WorkerFigures] = {}
    if options.kafka:
        assert bootstrap is not None, "a broker address is needed unless kafka=False"
        note("batched worker: max rate, then paced")
        paced = corpus[: max(1, options.n // 2)]
        plans = [PhasePlan("max", corpus), PhasePlan("paced", paced, _paced_rate(options))]
        batched = StreamedRun(settings, bootstrap, "batched", sentences)
        workers["batched"] = batched.run(warm, plans, bar)
        note(f"naive worker ({options.naive}): one article at a time on the event loop")
        naive = StreamedRun(settings, bootstrap, "naive", sentences, NAIVE_ENV[options.naive])
        naive_plans = [PhasePlan("max", spaced(corpus, options.naive_n))]
        workers["naive"] = naive.run(warm[:2], naive_plans, bar)
    note("extraction alone, in this process (--no-kafka)")
    advance = bar("extraction only", len(corpus))
    alone, load_s = extract_only(settings, warm, corpus, sentences, advance)
    described = Corpus(corpus, pool.origin).describe() | {"warmup": len(warm)}
    report = build_report(settings, asdict(options), described, workers, alone, load_s, at_start)
    if "naive" in workers:
        report["naive_overrides"] = NAIVE_ENV[options.naive]  # on top of "settings"
    return report


def spaced(items: Sequence[T], k: int) -> list[T]:
    """``k`` items evenly spaced over ``items`` (all of them when k >= len).

    >>> spaced(list(range(10)), 3)
    [0, 3, 6]
    """
    if k >= len(items):
        return list(items)
    step = len(items) / k
    return [items[int(i * step)] for i in range(k)]


def _paced_rate(options: BenchOptions) -> Callable[[WorkerFigures], float]:
    def rate(figures: WorkerFigures) -> float:
        return options.rate or figures.phases["max"].articles / figures.phases["max"].wall_s / 2

    return rate
