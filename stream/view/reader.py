"""Read a topic from the beginning, then live, without a consumer group.

Like ``eventwire tail``: no group, so the view moves nobody's offsets and any
number of views can run. A topic is read only once it exists (checked every
``poll_s`` seconds with a metadata request, which never creates a topic, unlike
subscribing to a missing one can): the view never creates a topic, so it cannot
give one the wrong partition count before the worker (or whoever owns the
clusters topic) creates it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from typing import Any

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaError

from stream.errors import BrokerError
from stream.kafka import bootstrap_list, client_options
from stream.settings import Settings
from stream.view.rows import rows_from_messages
from stream.view.store import ClusterStore, EventStore, cluster_item

log = logging.getLogger(__name__)

Handler = Callable[[list[Any]], Awaitable[None]]
# Messages per fetch: enough to catch up fast, few enough that parsing one
# batch on the worker thread stays well under a second.
MAX_RECORDS = 2000


class TopicReader:
    """One topic, every partition, oldest message first, then live."""

    def __init__(
        self, settings: Settings, bootstrap: str, topic: str, handle: Handler, poll_s: float = 5.0
    ) -> None:
        self.settings = settings
        self.bootstrap = bootstrap_list(bootstrap)
        self.topic = topic
        self.handle = handle
        self.poll_s = poll_s
        self.state = "connecting"  # → "waiting for the topic" → "reading"
        self.read = 0  # messages read

    async def connect(self) -> AIOKafkaConsumer:
        """A metadata-only client; raises :class:`BrokerError` when unreachable."""
        probe = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, group_id=None, **client_options(self.settings)
        )
        try:
            await probe.start()
        except (KafkaError, OSError) as exc:
            await probe.stop()
            raise BrokerError(f"cannot connect to {','.join(self.bootstrap)}: {exc!r}") from exc
        return probe

    async def run(self, probe: AIOKafkaConsumer) -> None:
        """Wait for the topic, then read it until cancelled."""
        try:
            await self._wait_for_topic(probe)
        finally:
            await probe.stop()
        consumer = AIOKafkaConsumer(
            self.topic, bootstrap_servers=self.bootstrap, group_id=None,
            auto_offset_reset="earliest", enable_auto_commit=False,
            **client_options(self.settings),
        )  # fmt: skip
        try:
            # inside the try: a view stopped while this start is under way still
            # stops the consumer (its fetcher and coordinator tasks would leak)
            await consumer.start()
            self.state = "reading"
            while True:
                batch = await consumer.getmany(timeout_ms=1000, max_records=MAX_RECORDS)
                records = [message for messages in batch.values() for message in messages]
                if records:
                    self.read += len(records)
                    await self.handle(records)
        finally:
            await consumer.stop()

    async def _wait_for_topic(self, probe: AIOKafkaConsumer) -> None:
        self.state = "waiting for the topic"
        while True:
            try:
                if self.topic in await probe.topics():
                    return
            except KafkaError as exc:  # a blip: the client reconnects by itself
                log.warning("cannot list topics on %s: %r", ",".join(self.bootstrap), exc)
            await asyncio.sleep(self.poll_s)

    def status(self) -> dict[str, Any]:
        return {"topic": self.topic, "state": self.state, "read": self.read}


def event_handler(store: EventStore, executor: Executor) -> Handler:
    """Validate a batch on a worker thread, then add it to ``store`` on the loop."""

    async def handle(records: list[Any]) -> None:
        values = [record.value or b"" for record in records]
        rows = await asyncio.get_running_loop().run_in_executor(
            executor, rows_from_messages, values
        )
        store.add(rows)

    return handle


def cluster_handler(clusters: ClusterStore, executor: Executor) -> Handler:
    """Check a batch of cluster messages on a worker thread, then apply it."""

    def parse(pairs: list[tuple[bytes | None, bytes | None]]) -> list[Any]:
        return [cluster_item(key, value) for key, value in pairs]

    async def handle(records: list[Any]) -> None:
        pairs = [(record.key, record.value) for record in records]
        items = await asyncio.get_running_loop().run_in_executor(executor, parse, pairs)
        clusters.put(items)

    return handle
