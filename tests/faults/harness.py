"""Fault-test plumbing: killable worker processes, corpora, offline expectations.

Workers are real ``eventwire run`` processes on the embedded broker, each test
with its own group and topics (``tests.conftest.worker_env``), running the
default lexicon extractor unless a test plugs in another.
"""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from models.factory import build_extractor
from models.schema import Article, Event
from stream import codec
from stream.cli.run import TALLY
from stream.cli.worker_process import WorkerProcess
from stream.collect import Collected, Collector
from tests.conftest import settings_from, worker_env
from tests.stream.helpers import Input, good_articles

STAND_IN = "tests.stream.extractors:MetExtractor"  # instant start, for infra-only tests


class FaultWorker(WorkerProcess):
    """A worker process a test may kill, signal and read the exit of."""

    def kill(self) -> None:
        """SIGKILL: no shutdown, no commit."""
        self.send(signal.SIGKILL)
        self.wait(10)

    def send(self, signum: signal.Signals) -> None:
        """Deliver ``signum`` to the worker."""
        assert self._process is not None
        self._process.send_signal(signum)

    def wait(self, timeout_s: float) -> int:
        """The exit code; raises ``subprocess.TimeoutExpired`` if still running."""
        assert self._process is not None
        return self._process.wait(timeout=timeout_s)

    def running(self) -> bool:
        """True while the process lives."""
        return self._process is not None and self._process.poll() is None

    def launch(self) -> FaultWorker:
        """Start without waiting for ready (for workers expected to fail)."""
        self._process = subprocess.Popen(
            [sys.executable, "-m", "stream", "run"],
            env={**self.env, "COLUMNS": "200"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def tally(self) -> dict[str, Any]:
        """The reconciliation line a stopped worker printed."""
        line = next(x for x in reversed(self.lines) if x.startswith(TALLY))
        result: dict[str, Any] = json.loads(line.removeprefix(TALLY))
        return result

    def log(self) -> str:
        """Everything the worker wrote to stderr (last 200 lines)."""
        return "\n".join(self.lines)


@dataclass
class Group:
    """One test's consumer group, topics and environment."""

    bootstrap: str
    env: dict[str, str]

    @classmethod
    def new(cls, bootstrap: str, **overrides: str) -> Group:
        env = worker_env("fault-" + uuid.uuid4().hex[:8])
        # Production defaults: the lexicon extractor and the real text limit.
        env.pop("EVENTWIRE_EXTRACTOR_FACTORY")
        env.pop("EVENTWIRE_MAX_TEXT_CHARS")
        env |= {f"EVENTWIRE_{k.upper()}": v for k, v in overrides.items()}
        return cls(bootstrap, env)

    @property
    def settings(self) -> Any:
        return settings_from(self.env, self.bootstrap)

    def worker(self, **extra: str) -> FaultWorker:
        env = self.env | {f"EVENTWIRE_{k.upper()}": v for k, v in extra.items()}
        return FaultWorker(self.bootstrap, env)

    async def collect(self, published: dict[TopicPartition, int], timeout_s: float) -> Collected:
        return await Collector(self.settings, self.bootstrap).run(published, timeout_s)


async def wait_for_events(group: Group, at_least: int, timeout_s: float = 60) -> int:
    """Block until the events topic holds ``at_least`` records; returns the count."""
    reader = AIOKafkaConsumer(
        group.settings.output_topic, bootstrap_servers=group.bootstrap,
        group_id=None, auto_offset_reset="earliest",
    )  # fmt: skip
    await reader.start()
    seen, deadline = 0, time.monotonic() + timeout_s
    try:
        while seen < at_least and time.monotonic() < deadline:
            batch = await reader.getmany(timeout_ms=100)
            seen += sum(len(records) for records in batch.values())
    finally:
        await reader.stop()
    return seen


async def wait_for_commit(
    group: Group, published: dict[TopicPartition, int], timeout_s: float = 60
) -> int:
    """Block until the group has committed past some (not necessarily all) input;
    returns how many input offsets are committed, 0 on timeout."""
    offsets = AIOKafkaConsumer(
        bootstrap_servers=group.bootstrap, group_id=group.settings.app_id,
        enable_auto_commit=False,
    )  # fmt: skip
    await offsets.start()
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            done = 0
            for tp in published:
                done += await offsets.committed(tp) or 0
            if done:
                return done
            await asyncio.sleep(0.2)
    finally:
        await offsets.stop()
    return 0


def many_articles(prefix: str, count: int) -> list[dict[str, str]]:
    """``count`` distinct good articles (the helper texts, cycled, unique ids)."""
    base = good_articles(prefix)
    return [{"id": f"{prefix}-{i}", "text": base[i % len(base)]["text"]} for i in range(count)]


def as_inputs(articles: Sequence[dict[str, str]]) -> list[Input]:
    return [Input(a["id"].encode(), codec.dumps(a)) for a in articles]


def offline_events(articles: Sequence[dict[str, str]]) -> dict[str, list[Event]]:
    """Article id → its events, from a clean offline run of the production lexicon
    extractor."""
    extractor = build_extractor("lexicon", model_source=None, cache_dir=Path("."), threads=1)
    parsed = [Article.model_validate(a) for a in articles]
    return {a.id: events for a, events in zip(parsed, extractor.extract_batch(parsed), strict=True)}


def offline_event_ids(articles: Sequence[dict[str, str]]) -> set[str]:
    """Event ids of a clean offline run of the production lexicon extractor."""
    return {e.event_id for events in offline_events(articles).values() for e in events}


def duplicates(result: Collected, prefix: str) -> tuple[set[str], int]:
    """Distinct event ids with ``prefix`` and how many extra copies arrived."""
    ids = Counter(e["event_id"] for e in result.events if str(e["article_id"]).startswith(prefix))
    return set(ids), sum(ids.values()) - len(ids)


def wait_until(predicate: Any, timeout_s: float, step_s: float = 0.1) -> bool:
    """Poll ``predicate`` until true or ``timeout_s``; returns its last value."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step_s)
    return bool(predicate())


def report(scenario: str, **figures: object) -> None:
    """One greppable line per scenario (pytest -s or -rP shows it)."""
    print(f"FAULT-FIGURES {scenario}: " + ", ".join(f"{k}={v}" for k, v in figures.items()))
