"""Figures for one measured phase: throughput, latency percentiles, CPU per article."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by the nearest-rank method; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def latency_summary(latencies_s: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99/max of latencies in seconds, rounded to ms."""
    out = {f"p{q}": percentile(latencies_s, q) for q in (50, 95, 99)}
    out["max"] = max(latencies_s, default=math.nan)
    return {k: round(v, 3) for k, v in out.items()}


@dataclass
class Phase:
    """One measured phase: ``articles`` inputs, their ``sentences``, timing and cost."""

    articles: int
    sentences: int
    wall_s: float
    cpu_s: float
    latencies_s: list[float] = field(default_factory=list, repr=False)
    publish_rate: float | None = None  # articles/s offered; None = as fast as possible

    def figures(self) -> dict[str, Any]:
        """The JSON figures of this phase."""
        wall = max(self.wall_s, 1e-9)
        return {
            "articles": self.articles,
            "sentences": self.sentences,
            "publish_rate": self.publish_rate,
            "wall_s": round(self.wall_s, 3),
            "articles_per_s": round(self.articles / wall, 3),
            "sentences_per_s": round(self.sentences / wall, 2),
            "cpu_s_per_article": round(self.cpu_s / max(self.articles, 1), 4),
            # None when not measured (extraction alone): NaN is not JSON.
            "latency_s": latency_summary(self.latencies_s) if self.latencies_s else None,
        }


@dataclass
class WorkerFigures:
    """One worker process's start-up and memory, with its phases."""

    mode: str
    ready_s: float
    peak_rss_mb: float = 0.0
    phases: dict[str, Phase] = field(default_factory=dict)

    def figures(self) -> dict[str, Any]:
        """The JSON figures of this worker."""
        out: dict[str, Any] = {k: v for k, v in asdict(self).items() if k != "phases"}
        out["ready_s"] = round(self.ready_s, 2)
        out["peak_rss_mb"] = round(self.peak_rss_mb, 1)
        return out | {name: phase.figures() for name, phase in self.phases.items()}
