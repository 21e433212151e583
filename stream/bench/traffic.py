"""Publishing the corpus to the broker, and reading the worker's completion trace."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer

from stream import codec
from stream.errors import EventwireError
from stream.kafka import bootstrap_list, client_options
from stream.pipeline import HEADERS
from stream.settings import Settings

Progress = Callable[[int], None]


async def publish(
    settings: Settings,
    bootstrap: str,
    topic: str,
    articles: Sequence[dict[str, Any]],
    rate: float | None = None,
) -> float:
    """Send ``articles`` (key = id), ``rate`` per second or all at once; wait for acks.

    Returns the wall-clock time (``time.time()``) the first one was sent.
    """
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap_list(bootstrap), acks="all", linger_ms=0,
        **client_options(settings),
    )  # fmt: skip
    await producer.start()
    try:
        started, loop_start = time.time(), time.perf_counter()
        pending = []
        for i, article in enumerate(articles):
            if rate is not None:  # a fixed schedule, so slow sends do not lower the rate
                await asyncio.sleep(max(0.0, loop_start + i / rate - time.perf_counter()))
            value, key = codec.dumps(article), str(article["id"]).encode()
            pending.append(await producer.send(topic, value, key=key, headers=HEADERS))
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return started


@dataclass(frozen=True, slots=True)
class Completion:
    """One input's records confirmed: when (ms since the epoch), and its input timestamp."""

    key: str
    done_ms: float
    input_ms: float

    @property
    def latency_s(self) -> float:
        """Input timestamp (set at publish) to the worker's confirmed output, seconds."""
        return (self.done_ms - self.input_ms) / 1000


class Trace:
    """Tails the JSONL completion trace written by :mod:`stream.bench.traced`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._offset = 0
        self.first: dict[str, Completion] = {}  # a re-delivered input keeps its first time

    def poll(self) -> None:
        """Read the lines appended since the last poll."""
        if not self.path.exists():
            return
        with self.path.open("rb") as file:
            file.seek(self._offset)
            data = file.read()
        complete = data[: data.rfind(b"\n") + 1]
        self._offset += len(complete)
        for line in complete.splitlines():
            raw = codec.loads(line)
            done = Completion(str(raw["key"]), raw["done_ms"], raw["input_ms"] or raw["done_ms"])
            self.first.setdefault(done.key, done)

    async def wait(
        self, keys: set[str], timeout_s: float, alive: Callable[[], bool], progress: Progress
    ) -> list[Completion]:
        """The completions of ``keys`` once all are in; raises on timeout or a dead worker."""
        deadline = time.monotonic() + timeout_s
        seen = 0
        while True:
            self.poll()
            done = keys & self.first.keys()
            progress(len(done) - seen)
            seen = len(done)
            if seen == len(keys):
                return [self.first[k] for k in keys]
            if not alive():
                raise EventwireError(f"the worker exited with {len(keys) - seen} articles to go")
            if time.monotonic() > deadline:
                missing = len(keys) - seen
                raise EventwireError(f"{missing} articles not processed within {timeout_s:.0f} s")
            await asyncio.sleep(0.05)
