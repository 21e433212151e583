"""A view over the real embedded broker, in this process, behind aiohttp's test client.

Each test gets its own topics, so what one publishes no other sees.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from aiokafka import AIOKafkaProducer

from stream import codec
from stream.broker import EmbeddedBroker
from stream.kafka import ensure_topics
from stream.settings import Settings
from stream.view.server import View, create_app


@dataclass
class LiveView:
    """A started view, its HTTP client and a producer for its topics."""

    view: View
    client: TestClient[Any, Any]
    settings: Settings
    producer: AIOKafkaProducer

    async def publish(self, *events: dict[str, Any] | bytes) -> None:
        """Send events (or raw bytes) to the events topic, keyed like the worker does."""
        for item in events:
            value = item if isinstance(item, bytes) else codec.dumps(item)
            key = item["event_id"].encode() if isinstance(item, dict) else None
            await self.producer.send_and_wait(self.settings.output_topic, value, key=key)

    async def until(self, condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
        """Wait until ``condition()`` holds (the reader runs on this loop)."""
        deadline = time.monotonic() + timeout_s
        while not condition():
            assert time.monotonic() < deadline, "the view did not catch up in time"
            await asyncio.sleep(0.05)

    async def read(self, count: int) -> None:
        """Wait until the events reader has read ``count`` messages in all."""
        reader = self.view.readers["events"]
        await self.until(lambda: reader.read >= count)


ViewFactory = Callable[..., AbstractAsyncContextManager[LiveView]]


@pytest.fixture
def make_view(broker: EmbeddedBroker, request: pytest.FixtureRequest) -> ViewFactory:
    """``async with make_view(cap=...) as live:`` a view on fresh topics."""

    @asynccontextmanager
    async def _make(cap: int = 1000, **settings: Any) -> AsyncIterator[LiveView]:
        suffix = uuid.uuid4().hex[:8]
        names = {
            "input_topic": f"articles-{suffix}",
            "output_topic": f"events-{suffix}",
            "dlq_topic": f"dlq-{suffix}",
            "cluster_topic": f"clusters-{suffix}",
        }
        config = Settings(kafka_bootstrap_servers=broker.bootstrap, **{**names, **settings})
        await ensure_topics(config, broker.bootstrap)  # what the worker does at start
        view = View(config, broker.bootstrap, cap, poll_s=0.2)
        producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap, acks="all")
        await producer.start()
        await view.start()
        watch = asyncio.create_task(_hang_report(request.node.nodeid))
        try:
            async with TestClient(TestServer(create_app(view))) as client:
                yield LiveView(view, client, config, producer)
        finally:
            await view.stop()
            await producer.stop()
            watch.cancel()

    return _make


# A view test takes seconds; one that hangs fails after HANG_S, not after the
# suite's 600 s, and says where every task of its loop was waiting.
HANG_S = 120


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "make_view" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.timeout(HANG_S + 30))


async def _hang_report(nodeid: str) -> None:
    """After HANG_S, print where every task of this loop waits (a hung view test)."""
    await asyncio.sleep(HANG_S)
    print(f"\n{nodeid} still running after {HANG_S} s; its tasks:")
    for task in asyncio.all_tasks():
        print(f"-- {task.get_name()}")
        task.print_stack(limit=12)
