"""Wait for a set of published articles to be fully processed.

An article is accounted for when the worker's consumer group has committed an
offset past it: by then (at-least-once) all its events or its dead letter are
on their topics. This works for articles with no events too, which a
consumer of the events topic alone cannot tell apart from slow ones. Used by
``eventwire demo`` and the integration tests.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from stream import codec
from stream.kafka import bootstrap_list, client_options
from stream.settings import Settings

Handler = Callable[[str, dict[str, Any]], None]


@dataclass
class Collected:
    """Everything read from the events and dead-letter topics."""

    events: list[dict[str, Any]] = field(default_factory=list)
    dead_letters: list[dict[str, Any]] = field(default_factory=list)
    complete: bool = False


class Collector:
    """Reads the output topics from the beginning while watching the group's offsets."""

    def __init__(
        self, settings: Settings, bootstrap: str, on_record: Handler | None = None
    ) -> None:
        self.settings = settings
        self.bootstrap = bootstrap_list(bootstrap)
        self.on_record = on_record
        self.result = Collected()

    async def run(self, published: Mapping[TopicPartition, int], timeout_s: float) -> Collected:
        """Collect until every offset in ``published`` (last offset per partition) is
        committed, then drain; stops at ``timeout_s`` with ``complete`` False."""
        options = client_options(self.settings)
        topics = (self.settings.output_topic, self.settings.dlq_topic)
        reader = AIOKafkaConsumer(
            *topics, bootstrap_servers=self.bootstrap, group_id=None,
            auto_offset_reset="earliest", **options,
        )  # fmt: skip
        # Never subscribes: it only fetches the group's committed offsets and
        # does not join the worker's group. (Tansu drops the connection on the
        # admin client's OffsetFetch version; the consumer's works.)
        offsets = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, group_id=self.settings.app_id,
            enable_auto_commit=False, **options,
        )  # fmt: skip
        await reader.start()
        await offsets.start()
        try:
            await self._until_committed(reader, offsets, published, timeout_s)
        finally:
            await reader.stop()
            await offsets.stop()
        return self.result

    async def _until_committed(
        self,
        reader: AIOKafkaConsumer,
        offsets: AIOKafkaConsumer,
        published: Mapping[TopicPartition, int],
        timeout_s: float,
    ) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            await self._poll(reader, 0.5)
            if await self._committed(offsets, published):
                # Every output was confirmed before the commit: read what is left.
                await self._poll(reader, 1.0)
                self.result.complete = True
                return

    async def _poll(self, consumer: AIOKafkaConsumer, seconds: float) -> None:
        batch = await consumer.getmany(timeout_ms=int(seconds * 1000))
        for tp, messages in batch.items():
            for message in messages:
                record = codec.loads(message.value or b"null")
                is_event = tp.topic == self.settings.output_topic
                (self.result.events if is_event else self.result.dead_letters).append(record)
                if self.on_record:
                    self.on_record("event" if is_event else "dead_letter", record)

    @staticmethod
    async def _committed(
        offsets: AIOKafkaConsumer, published: Mapping[TopicPartition, int]
    ) -> bool:
        for tp, last in published.items():
            committed = await offsets.committed(tp)
            if committed is None or committed <= last:
                return False
        return True


def last_offsets(metadata: list[Any]) -> dict[TopicPartition, int]:
    """Highest offset per partition from aiokafka RecordMetadata objects."""
    last: dict[TopicPartition, int] = {}
    for meta in metadata:
        tp = TopicPartition(meta.topic, meta.partition)
        last[tp] = max(last.get(tp, -1), meta.offset)
    return last


async def settled_clusters(
    settings: Settings, bootstrap: str, timeout_s: float
) -> dict[str, dict[str, Any]] | None:
    """The cluster topic's latest record per ``cluster_id`` once the worker's group
    has committed the end of the events topic and of the cluster route topic (end
    offsets are exact on a real Kafka, and on the embedded broker because the
    worker writes one record per batch there); None if it did not within
    ``timeout_s``. Call it after :meth:`Collector.run` completed."""
    options = client_options(settings)
    servers = bootstrap_list(bootstrap)
    offsets = AIOKafkaConsumer(bootstrap_servers=servers, group_id=settings.app_id,
                               enable_auto_commit=False, **options)  # fmt: skip
    tps = [TopicPartition(settings.output_topic, p) for p in range(settings.topic_partitions)]
    tps.append(TopicPartition(settings.cluster_route_topic, 0))
    await offsets.start()
    try:
        deadline = time.monotonic() + timeout_s
        while not await _caught_up(offsets, tps):
            if time.monotonic() > deadline:
                return None
            await asyncio.sleep(0.2)
    finally:
        await offsets.stop()
    return await _latest(settings, servers)


async def _caught_up(offsets: AIOKafkaConsumer, tps: list[TopicPartition]) -> bool:
    ends = await offsets.end_offsets(tps)
    for tp in tps:
        if ((await offsets.committed(tp)) or 0) < ends[tp]:
            return False
    return True


async def _latest(settings: Settings, servers: list[str]) -> dict[str, dict[str, Any]]:
    reader = AIOKafkaConsumer(settings.cluster_topic, bootstrap_servers=servers, group_id=None,
                              auto_offset_reset="earliest", **client_options(settings))  # fmt: skip
    await reader.start()
    latest: dict[str, dict[str, Any]] = {}
    try:
        while batch := await reader.getmany(timeout_ms=1000):
            for message in (m for records in batch.values() for m in records):
                if message.key is not None and message.value is not None:
                    latest[message.key.decode("utf-8", "replace")] = codec.loads(message.value)
    finally:
        await reader.stop()
    return latest
