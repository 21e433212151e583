"""One worker subprocess under load: warm-up, then measured phases through the broker."""

from __future__ import annotations

import asyncio
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stream.bench.probe import ProcessProbe
from stream.bench.stats import Phase, WorkerFigures
from stream.bench.traffic import Progress, Trace, publish
from stream.cli.worker_process import WorkerProcess
from stream.settings import Settings

# (description, total) -> a callback advanced by the number of newly finished articles.
ProgressFactory = Callable[[str, int], Progress]


@dataclass(frozen=True)
class PhasePlan:
    """A phase: its name, articles, and publish rate (None = as fast as possible).

    ``rate`` may be a callable of the figures measured so far (e.g. half the max).
    """

    name: str
    articles: Sequence[dict[str, Any]]
    rate: float | Callable[[WorkerFigures], float] | None = None


def relabel(articles: Sequence[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    """Copies with ids unique to one phase (the trace is keyed by id)."""
    return [{**a, "id": f"{prefix}-{i:04d}-{a['id']}"} for i, a in enumerate(articles)]


class StreamedRun:
    """Runs a worker in ``mode`` against ``bootstrap`` on topics of its own."""

    def __init__(
        self,
        settings: Settings,
        bootstrap: str,
        mode: str,
        sentences: Callable[[str], int],
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.settings, self.bootstrap, self.mode = settings, bootstrap, mode
        self.sentences = sentences
        group = f"bench-{mode}-{uuid.uuid4().hex[:8]}"
        self.topic = f"{group}.articles"
        self.env = {
            "EVENTWIRE_PROCESSING_MODE": mode,
            "EVENTWIRE_APP_ID": group,
            "EVENTWIRE_INPUT_TOPIC": self.topic,
            "EVENTWIRE_OUTPUT_TOPIC": f"{group}.events",
            "EVENTWIRE_DLQ_TOPIC": f"{group}.dlq",
            "EVENTWIRE_WEB_ENABLED": "false",
            **(extra_env or {}),
        }

    def run(
        self, warmup: Sequence[dict[str, Any]], plans: Sequence[PhasePlan], bar: ProgressFactory
    ) -> WorkerFigures:
        """Start the worker, warm it up, run each phase, stop it; figures of all."""
        with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
            trace_path = Path(tmp) / "trace.jsonl"
            argv = ("-m", "stream.bench.traced", str(trace_path))
            worker = WorkerProcess(self.bootstrap, self.env, argv)
            worker.start(timeout_s=120)
            try:
                figures = WorkerFigures(self.mode, worker.ready_after_s)
                probe, trace = ProcessProbe(worker.pid), Trace(trace_path)
                phase = PhasePlan("warmup", relabel(warmup, f"{self.mode}-warmup"))
                self._phase(worker, probe, trace, phase, None, bar)
                for plan in plans:
                    rate = plan.rate(figures) if callable(plan.rate) else plan.rate
                    labelled = PhasePlan(
                        plan.name, relabel(plan.articles, f"{self.mode}-{plan.name}")
                    )
                    figures.phases[plan.name] = self._phase(
                        worker, probe, trace, labelled, rate, bar
                    )
                figures.peak_rss_mb = probe.peak_rss_mb()
            finally:
                worker.stop()
        return figures

    def _phase(
        self,
        worker: WorkerProcess,
        probe: ProcessProbe,
        trace: Trace,
        plan: PhasePlan,
        rate: float | None,
        bar: ProgressFactory,
    ) -> Phase:
        keys = {str(a["id"]) for a in plan.articles}
        pace = f" at {rate:.2f}/s" if rate else ""
        advance = bar(f"{self.mode}: {plan.name}{pace}", len(keys))
        cpu_before = probe.cpu_s()
        # Generous: the naive baseline may take seconds per article.
        timeout = 120 + 10 * len(keys) + (len(keys) / rate if rate else 0)
        started, done = asyncio.run(
            self._publish_and_wait(plan, rate, keys, trace, worker, timeout, advance)
        )
        wall = max(c.done_ms for c in done) / 1000 - started
        texts = (str(a.get("text", "")) for a in plan.articles)
        return Phase(
            articles=len(keys),
            sentences=sum(self.sentences(t) for t in texts),
            wall_s=wall,
            cpu_s=probe.cpu_s() - cpu_before,
            latencies_s=[c.latency_s for c in done],
            publish_rate=rate,
        )

    async def _publish_and_wait(
        self,
        plan: PhasePlan,
        rate: float | None,
        keys: set[str],
        trace: Trace,
        worker: WorkerProcess,
        timeout: float,
        advance: Progress,
    ) -> tuple[float, list[Any]]:
        waiting = asyncio.ensure_future(trace.wait(keys, timeout, lambda: worker.running, advance))
        try:
            started = await publish(self.settings, self.bootstrap, self.topic, plan.articles, rate)
            return started, await waiting
        finally:
            waiting.cancel()
