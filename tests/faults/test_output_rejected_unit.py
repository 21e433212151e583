"""Output refusals without a broker: bounded retries, then ``output_rejected``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from unittest.mock import AsyncMock, Mock

import pytest
from aiokafka.errors import KafkaTimeoutError, MessageSizeTooLargeError
from faust.exceptions import ProducerSendError

from stream import codec
from stream.app import Worker, refused
from stream.deadletter import Source
from stream.pipeline import Inbound
from stream.seam import ExtractionSeam
from stream.settings import Settings
from tests.stream.extractors import MetExtractor

SETTINGS = Settings(kafka_bootstrap_servers="127.0.0.1:1", web_enabled=False, output_retries=2)
ARTICLE = codec.dumps({"id": "a1", "text": "Modi met Kishida in Tokyo."})


def delivered() -> asyncio.Future[None]:
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    future.set_result(None)
    return future


def too_large() -> ProducerSendError:
    # What Faust raises: its own error, caused by aiokafka's.
    try:
        raise ProducerSendError("Error while sending") from MessageSizeTooLargeError()
    except ProducerSendError as exc:
        return exc


@pytest.fixture
async def worker() -> AsyncIterator[Worker]:
    seam = ExtractionSeam(MetExtractor())
    built = Worker(SETTINGS, "127.0.0.1:1", seam, on_fatal=Mock())
    built.outputs[SETTINGS.dlq_topic].send = AsyncMock(side_effect=lambda **_: delivered())  # type: ignore[method-assign]
    yield built
    seam.close()


def inbound() -> Inbound:
    return Inbound(ARTICLE, Source(SETTINGS.input_topic, 2, 7, None, b"a1"))


async def test_refused_record_is_retried_then_dead_lettered(worker: Worker) -> None:
    events = worker.outputs[SETTINGS.output_topic]
    events.send = AsyncMock(side_effect=too_large())  # type: ignore[method-assign]
    [routed] = await worker.processor.route([inbound()])
    await worker.send_routed(routed)

    assert events.send.await_count == SETTINGS.output_retries + 1  # bounded
    dlq = worker.outputs[SETTINGS.dlq_topic].send
    [call] = dlq.call_args_list  # type: ignore[attr-defined]
    letter = codec.loads(call.kwargs["value"])
    assert (letter["reason"], letter["partition"], letter["offset"]) == ("output_rejected", 2, 7)
    tally = worker.processor.tally
    assert tally.dead_lettered[2] == 1 and tally.reconciles()


async def test_broker_trouble_is_not_a_rejection(worker: Worker) -> None:
    # A retriable error (broker down) must stop the batch, not dead-letter it.
    try:
        raise ProducerSendError("x") from KafkaTimeoutError()
    except ProducerSendError as exc:
        error = exc
    worker.outputs[SETTINGS.output_topic].send = AsyncMock(side_effect=error)  # type: ignore[method-assign]
    [routed] = await worker.processor.route([inbound()])
    with pytest.raises(ProducerSendError):
        await worker.send_routed(routed)
    assert not worker.outputs[SETTINGS.dlq_topic].send.called  # type: ignore[attr-defined]
    assert not refused(error) and refused(too_large())


async def test_oversized_event_is_rejected_before_sending() -> None:
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", max_output_bytes=256)
    seam = ExtractionSeam(MetExtractor())
    from stream.pipeline import BatchProcessor

    [routed] = await BatchProcessor(seam, settings).route([inbound()])
    seam.close()
    assert routed.reason is not None and routed.reason.value == "output_rejected"
    assert [r.topic for r in routed.records] == [settings.dlq_topic]


async def test_huge_bad_input_makes_a_dead_letter_that_fits() -> None:
    # Before: a 3 MB non-JSON input made a 4 MB dead letter the producer refused,
    # which stopped the worker, on every restart (a crash loop).
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1")
    seam = ExtractionSeam(MetExtractor())
    from stream.pipeline import BatchProcessor

    raw = b"{" + b"x" * 3_000_000
    item = Inbound(raw, Source("articles", 0, 1, None, b"k" * 10_000))
    [routed] = await BatchProcessor(seam, settings).route([item])
    seam.close()
    [record] = routed.records
    assert len(record.value) <= settings.max_output_bytes
    assert record.key is not None and len(record.key) <= 4096
    letter = codec.loads(record.value)
    assert letter["reason"] == "not_json" and letter["value_truncated"]
    assert letter["value_size"] == len(raw)
