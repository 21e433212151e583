"""The Faust agent without a broker (``Agent.test_context``).

Sends to the events and dead-letter topics are patched with AsyncMock: inside
a test context Faust would otherwise use the real producer.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock, Mock

import pytest

from models.schema import Article, Event
from stream import codec
from stream.app import Worker
from stream.seam import ExtractionSeam
from stream.settings import Settings
from tests.stream.extractors import MARKER, FailingOn, MetExtractor

SETTINGS = Settings(
    kafka_bootstrap_servers="127.0.0.1:1", web_enabled=False, batch_max_size=4, batch_within_s=0.05
)


def delivered() -> asyncio.Future[None]:
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    future.set_result(None)
    return future


@pytest.fixture
async def worker() -> AsyncIterator[Worker]:
    seam = ExtractionSeam(FailingOn(MetExtractor()))
    built = Worker(SETTINGS, "127.0.0.1:1", seam, on_fatal=Mock())
    for topic in built.outputs.values():
        topic.send = AsyncMock(side_effect=lambda **_: delivered())  # type: ignore[method-assign]
    yield built
    seam.close()


def sent(worker: Worker, name: str) -> list[dict[str, Any]]:
    mock = worker.outputs[name].send
    return [codec.loads(call.kwargs["value"]) for call in mock.call_args_list]  # type: ignore[attr-defined]


async def wait_for(condition: Any, timeout_s: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_agent_routes_events_and_dead_letters(worker: Worker) -> None:
    async with worker.agent.test_context() as agent:
        await agent.put(codec.dumps({"id": "a1", "text": "They met in Cairo."}), key=b"a1")
        await agent.put(b"\xff\xfe", key=b"bad")
        await agent.put(codec.dumps({"id": "a2", "text": f"met {MARKER}"}), key=b"a2")
        await agent.put(codec.dumps({"id": "a3", "text": "quiet"}), key=b"a3")
        await wait_for(lambda: len(sent(worker, SETTINGS.dlq_topic)) == 2)
    events = sent(worker, SETTINGS.output_topic)
    assert [e["article_id"] for e in events] == ["a1"]
    assert [d["reason"] for d in sent(worker, SETTINGS.dlq_topic)] == [
        "invalid_utf8",
        "extraction_failed",
    ]
    call = worker.outputs[SETTINGS.output_topic].send.call_args  # type: ignore[attr-defined]
    assert call.kwargs["key"] == events[0]["event_id"].encode()
    assert ("schema-version", b"1") in call.kwargs["headers"]


async def test_failed_delivery_is_fatal_not_silent(worker: Worker) -> None:
    worker.outputs[SETTINGS.output_topic].send = AsyncMock(  # type: ignore[method-assign]
        side_effect=ConnectionError("broker gone")
    )
    async with worker.agent.test_context() as agent:
        await agent.put(codec.dumps({"id": "a1", "text": "They met."}), key=b"a1")
        await wait_for(lambda: worker.on_fatal.called)  # type: ignore[attr-defined]
    reason = worker.on_fatal.call_args.args[0]  # type: ignore[attr-defined]
    assert "broker gone" in reason


class SlowMet(MetExtractor):
    def extract_batch(self, articles: Sequence[Article]) -> list[list[Event]]:
        time.sleep(0.3)
        return super().extract_batch(articles)


def fake_event(offset: int, value: bytes) -> Any:
    message = SimpleNamespace(
        topic="articles", partition=0, offset=offset, timestamp=1.0, key=b"k", value=value
    )
    return SimpleNamespace(message=message)


async def test_shutdown_mid_batch_finishes_sending_first(worker: Worker) -> None:
    worker.processor.seam = ExtractionSeam(SlowMet())
    batch = [fake_event(0, codec.dumps({"id": "a1", "text": "They met."}))]
    task = asyncio.ensure_future(worker.handle(batch))
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # The event was sent before the cancellation reached take_events (which acks).
    assert [e["article_id"] for e in sent(worker, SETTINGS.output_topic)] == ["a1"]
    worker.processor.seam.close()
