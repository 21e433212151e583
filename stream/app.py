"""The Faust application: one agent, three topics, at-least-once.

The agent takes micro-batches with ``take_events(batch_max_size,
within=batch_within_s)``: Faust acks a batch's events only after the loop
body for that batch returns, and the body returns only after the broker has
confirmed every event and dead letter (``acks=all``). A crash before that
leaves the offsets uncommitted, so the batch is re-delivered and, event ids
being deterministic, re-produces the same ids.

Topics use the raw serializer: the agent gets the exact bytes and decides
itself (``stream.validation``) what is a bad input, so nothing is dropped by
a serializer error inside Faust.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Sequence
from typing import Any, cast

import faust
from aiokafka.errors import (
    CorruptRecordException,
    InvalidMessageError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
)
from faust.types import EventT, StreamT

from stream import metrics, web
from stream.clusters.stage import ClusterStage
from stream.deadletter import Source
from stream.errors import ExitCode
from stream.health import Health
from stream.kafka import bootstrap_list, faust_credentials
from stream.pipeline import BatchProcessor, Inbound, Outbound, Routed
from stream.rebalance import SafeRebalanceApp
from stream.seam import ExtractionSeam, ExtractionStuck
from stream.settings import Settings
from stream.supervise import PROBE_INTERVAL_S, BrokerWatch

log = logging.getLogger(__name__)

FatalHandler = Callable[[str, ExitCode], None]
EXIT_PRODUCE_FAILED = ExitCode.PRODUCE_FAILED


def exit_now(reason: str, code: ExitCode = ExitCode.PRODUCE_FAILED) -> None:
    """Default fatal handler: log and leave at once, without committing.

    ``os._exit`` skips Faust's shutdown, which would commit the offsets of the
    batch whose events were not confirmed; the orchestrator restarts us and
    the batch is re-delivered.
    """
    log.critical("%s; exiting (exit code %d) without committing", reason, code)
    logging.shutdown()
    os._exit(code)


def build_faust_app(settings: Settings, bootstrap: str) -> faust.App:
    """A Faust app configured from settings (no agents yet).

    A :class:`SafeRebalanceApp`: Faust's own loses or strands records on the
    way back from a rebalance with a table to recover (``stream.rebalance``).
    """
    return SafeRebalanceApp(
        settings.app_id,
        broker=[f"kafka://{server}" for server in bootstrap_list(bootstrap)],
        broker_credentials=faust_credentials(settings),
        broker_session_timeout=settings.kafka_session_timeout_s,
        broker_heartbeat_interval=settings.kafka_heartbeat_interval_s,
        # A new consumer group must see articles published before it joined.
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # Records are checked against max_output_bytes before sending; the
        # headroom covers keys, headers and batch framing.
        producer_max_request_size=settings.max_output_bytes + 65_536,
        # Tansu (and many managed clusters) cannot do idempotence/transactions.
        processing_guarantee="at_least_once",
        # Tansu reports a partition's end as its last batch's first offset + 1:
        # table recovery reads the changelog only that far (see Settings).
        producer_max_batch_size=1 if settings.one_record_per_batch else None,
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topic_partitions,
        web_enabled=settings.web_enabled,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        # The built-in /router and /table pages would serve cluster topology
        # and whole table contents on the port the chart opens for probes.
        web_router_enabled=False,
        web_tables_enabled=False,
        autodiscover=False,
        store="memory://",
    )


def source_of(event: EventT) -> Source:
    """Kafka coordinates of a Faust event (timestamp in ms)."""
    msg = event.message
    stamp = int(msg.timestamp * 1000) if msg.timestamp else None
    return Source(msg.topic, msg.partition, msg.offset, stamp, msg.key)


def inbound_of(event: EventT) -> Inbound:
    """The raw bytes of a Faust event; a null value (tombstone) counts as empty."""
    value = event.message.value
    return Inbound(bytes(value) if value is not None else b"", source_of(event))


class Worker:
    """Owns the app, its topics and the batch processor."""

    def __init__(
        self,
        settings: Settings,
        bootstrap: str,
        seam: ExtractionSeam,
        *,
        on_fatal: FatalHandler = exit_now,
    ) -> None:
        self.settings = settings
        self.app = build_faust_app(settings, bootstrap)
        self.processor = BatchProcessor(seam, settings)
        self.on_fatal = on_fatal
        self.input = self._topic(settings.input_topic)
        self.outputs = {
            name: self._topic(name) for name in (settings.output_topic, settings.dlq_topic)
        }
        self.agent = self.app.agent(self.input, name="extract")(self._consume)
        self._supervise_agent(self.agent)
        self.clusters: ClusterStage | None = None
        if settings.clusters_enabled:
            letter = self.processor.dead_letter
            self.clusters = ClusterStage(self.app, settings, letter, self._fatal)
            for agent in self.clusters.agents:
                self._supervise_agent(agent)
        self.watch = BrokerWatch(settings, bootstrap, self._fatal)
        self.app.timer(PROBE_INTERVAL_S)(self.watch.probe)
        # The seam is built (model loaded) before the Worker exists: fail fast.
        self.health = Health(self.app, self.agent, settings.input_topic, model_loaded=True)
        metrics.set_build_info(seam.extractor.name, seam.extractor.version)
        if settings.web_enabled:
            web.register(self.app, self.health)

    def _topic(self, name: str) -> faust.TopicT:
        return self.app.topic(
            name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw"
        )

    def _fatal(self, reason: str, code: ExitCode) -> None:
        self.on_fatal(reason, code)

    def _supervise_agent(self, agent: Any) -> None:
        # Faust logs an agent's crash and restarts the actor, which may then
        # idle forever without consuming (faust #175, #523). Exit instead, so
        # the orchestrator restarts a whole, working process. Faust passes its
        # own error hook to every agent; keep it and run ours after it.
        faust_hook = agent._on_error

        async def on_error(agent: Any, exc: BaseException) -> None:
            if faust_hook is not None:
                await faust_hook(agent, exc)
            self.on_fatal(f"agent {agent.name} crashed: {exc!r}", ExitCode.AGENT_CRASHED)

        agent._on_error = on_error

    async def _consume(self, stream: StreamT) -> None:
        if self.settings.processing_mode == "naive":
            # The benchmark's baseline: one article at a time; the seam is inline.
            async for event in stream.events():
                await self.handle([event])
            return
        size, within = self.settings.batch_max_size, self.settings.batch_within_s
        # take_events is on the concrete Stream only (StreamT lacks it).
        async for batch in cast(faust.Stream, stream).take_events(size, within=within):
            await self.handle(batch)

    async def handle(self, batch: Sequence[EventT]) -> None:
        """Process one batch and wait until all its records are confirmed.

        Shielded from cancellation: ``take_events`` acks the batch as soon as
        this returns or raises, so on shutdown we first finish sending (the
        extractor thread cannot be interrupted anyway), then let it cancel.
        """
        work = asyncio.ensure_future(self._process(batch))
        # In flight until the work ends, even if this await is cancelled first.
        metrics.IN_FLIGHT.inc(len(batch))
        work.add_done_callback(lambda _: metrics.IN_FLIGHT.dec(len(batch)))
        try:
            await asyncio.shield(work)
        except asyncio.CancelledError:
            log.info("shutting down: finishing the current batch first")
            grace = min(self.settings.produce_timeout_s, self.settings.shutdown_grace_s)
            await asyncio.wait([work], timeout=grace)
            if not work.done():
                # take_events would ack this batch when we re-raise: leave first.
                self.on_fatal("in-flight batch unfinished at shutdown", ExitCode.SHUTDOWN_TIMEOUT)
            raise

    async def _process(self, batch: Sequence[EventT]) -> None:
        try:
            routed = await self.processor.route([inbound_of(e) for e in batch])
            sending = asyncio.gather(*(self.send_routed(r) for r in routed))
            await asyncio.wait_for(sending, self.settings.produce_timeout_s)
        except Exception as exc:  # infrastructure, not data: data errors are dead letters
            first = source_of(batch[0]).describe() if batch else "?"
            code = ExitCode.EXTRACTION_STUCK if isinstance(exc, ExtractionStuck) else None
            self.on_fatal(f"batch starting at {first} failed: {exc!r}", code or EXIT_PRODUCE_FAILED)

    async def send_routed(self, routed: Routed) -> None:
        """Send one input's records; if the broker refuses them, its dead letter instead.

        A refusal (a non-retriable Kafka error, e.g. message too large) is
        retried ``output_retries`` times with backoff, then the input is
        dead-lettered ``output_rejected``. Anything else, or a refused dead
        letter, raises: the batch is not committed.
        """
        for attempt in range(self.settings.output_retries + 1):
            try:
                await self.send_all(routed.records)
                break
            except Exception as exc:
                if not refused(exc) or routed.reason is not None:
                    raise
                log.warning("%s: output refused (%r), attempt %d",
                            routed.item.source.describe(), exc, attempt + 1)  # fmt: skip
                detail = repr(exc)
                await asyncio.sleep(0.1 * 2**attempt)
        else:
            routed = self.processor.output_rejected(routed.item, detail)
            await self.send_all(routed.records)
        self.processor.tally.confirmed(routed)

    async def send_all(self, records: Sequence[Outbound]) -> None:
        """Send every record, then wait for every delivery confirmation."""
        pending: list[Any] = []
        for record in records:
            topic = self.outputs[record.topic]
            pending.append(
                await topic.send(key=record.key, value=record.value, headers=record.headers)
            )
        await asyncio.gather(*pending)


# Errors about the record itself: resending it cannot help, dead-lettering can.
# Anything else (timeouts, lost leaders, a broker gone) is infrastructure.
REFUSALS = (
    MessageSizeTooLargeError,
    RecordTooLargeError,
    RecordListTooLargeError,
    CorruptRecordException,
    InvalidMessageError,
)


def refused(exc: BaseException) -> bool:
    """True when the producer or broker refused the record itself."""
    cause: BaseException | None = exc
    while cause is not None:  # Faust wraps aiokafka's error in ProducerSendError
        if isinstance(cause, REFUSALS):
            return True
        cause = cause.__cause__
    return False
