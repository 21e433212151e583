"""Interoperability: librdkafka (confluent-kafka), a client nobody here wrote,
publishes articles and reads the events back."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest

from stream import codec
from tests.conftest import RunningWorker
from tests.stream.helpers import expected_event_ids, good_articles

confluent_kafka = pytest.importorskip("confluent_kafka")

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def produce(bootstrap: str, topic: str, articles: list[dict[str, str]]) -> None:
    producer = confluent_kafka.Producer({"bootstrap.servers": bootstrap, "acks": "all"})
    errors: list[Any] = []
    for article in articles:
        producer.produce(
            topic,
            value=codec.dumps(article),
            key=article["id"].encode(),
            headers=[("content-type", b"application/json")],
            on_delivery=lambda err, _msg: errors.append(err) if err else None,
        )
    assert producer.flush(15) == 0 and not errors


def consume(bootstrap: str, topic: str, partitions: int, want: set[str]) -> list[Any]:
    consumer = confluent_kafka.Consumer(
        {"bootstrap.servers": bootstrap, "group.id": f"interop-{uuid.uuid4().hex[:6]}",
         "enable.auto.commit": False}
    )  # fmt: skip
    # assign(), not subscribe(): reads every partition without a group join.
    begin = confluent_kafka.OFFSET_BEGINNING
    consumer.assign([confluent_kafka.TopicPartition(topic, p, begin) for p in range(partitions)])
    found: list[Any] = []
    deadline = time.monotonic() + 45
    try:
        while want - {m.key().decode() for m in found} and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is not None and message.error() is None:
                found.append(message)
    finally:
        consumer.close()
    return found


def test_librdkafka_round_trip(worker: RunningWorker) -> None:
    articles = good_articles("interop")
    expected = expected_event_ids(articles)
    want = set().union(*expected.values())
    if not want:
        pytest.skip("the configured extractor finds no events in the interop articles")
    settings = worker.settings
    produce(worker.bootstrap, settings.input_topic, articles)
    messages = consume(worker.bootstrap, settings.output_topic, settings.topic_partitions, want)
    got = {m.key().decode() for m in messages}
    assert want <= got
    sample = next(m for m in messages if m.key().decode() in want)
    assert dict(sample.headers()) == {"schema-version": b"1", "content-type": b"application/json"}
    assert codec.loads(sample.value())["event_id"] == sample.key().decode()
