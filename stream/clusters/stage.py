"""The cluster stage's Faust side: topics, the table, the route and cluster agents.

Thin around :class:`models.clusters.engine.Clusterer`; see the package doc for
the flow. At-least-once like the extraction agent: a micro-batch is acked
only after every record it produced is confirmed, so a crash re-delivers it,
and the clusterer ignores events it has seen (their cluster is sent again,
unchanged, in case the crash came between the table write and the send).

Order inside one cluster batch: the table is written event by event as the
batch is folded in (see ``_fold``), then the changed clusters are sent and
confirmed, then Faust may commit. A crash anywhere re-delivers the batch: the
events the recovered table already holds are repeats (their clusters are
sent again), the others are folded in exactly as the first time.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, cast

import faust
from faust.types import EventT, StreamT

from models.clusters.engine import Clusterer, Update
from models.clusters.match import Rules
from models.clusters.record import Cluster
from stream import codec, metrics
from stream.clusters.route import CLUSTER_HEADERS, Forward, decode_event, message_time, route
from stream.deadletter import DeadLetter, Source
from stream.errors import ExitCode
from stream.pipeline import PUBLISHED_AT, Outbound
from stream.settings import Settings

log = logging.getLogger(__name__)

Fatal = Callable[[str, ExitCode], None]
Letter = Callable[[DeadLetter], Outbound]
TABLE = "clusters"


def source_of(event: EventT) -> Source:
    msg = event.message
    stamp = int(msg.timestamp * 1000) if msg.timestamp else None
    return Source(msg.topic, msg.partition, msg.offset, stamp, msg.key)


def headers_of(event: EventT) -> list[tuple[str, bytes | None]]:
    """A Faust message's headers as (name, bytes) pairs, whatever form Faust kept."""
    raw: Any = event.message.headers or []
    pairs = raw.items() if isinstance(raw, Mapping) else raw
    return [(str(k), bytes(v) if v is not None else None) for k, v in pairs]


def _header(event: EventT, name: str) -> str | None:
    for key, value in headers_of(event):
        if key == name and value:
            return value.decode("utf-8", "replace")
    return None


class ClusterStage:
    """The route and cluster agents of one worker (see module doc)."""

    def __init__(self, app: faust.App, settings: Settings, letter: Letter, fatal: Fatal) -> None:
        self.settings = settings
        self.letter = letter
        self.fatal = fatal
        self.rules = Rules(settings.cluster_window_days, settings.cluster_slack_days)
        self.topics = {
            name: _raw_topic(app, name)
            for name in (settings.cluster_route_topic, settings.cluster_topic, settings.dlq_topic)
        }
        # bytes keys and values: Faust's raw serializer, our own codec. One
        # partition, like its source topic: use_partitioner lets Faust write
        # the changelog without asking for the "current event", which a
        # take_events() batch body does not have; with one partition the
        # partitioner can only pick partition 0, the route topic's.
        self.table = app.Table(
            TABLE,
            partitions=1,
            use_partitioner=True,
            key_type=bytes,
            value_type=bytes,
            help="Open story clusters by cluster_id (the whole record, JSON).",
        )
        events = _raw_topic(app, settings.output_topic)
        self.route_agent = app.agent(events, name="cluster-route")(self._route)
        route_topic = self.topics[settings.cluster_route_topic]
        self.cluster_agent = app.agent(route_topic, name="cluster")(self._cluster)
        self.clusterer = self._new_clusterer()
        self._sizes: dict[str, int] = {}
        self._stale = True  # rebuild the clusterer from the table before the next batch
        # mode types receivers as positional-only `sender`; compatible at runtime.
        app.on_partitions_assigned.connect(self._on_assigned)  # type: ignore[arg-type]

    @property
    def agents(self) -> list[Any]:
        return [self.route_agent, self.cluster_agent]

    def _new_clusterer(self) -> Clusterer:
        retention = dt.timedelta(days=self.settings.cluster_retention_days)
        return Clusterer(self.rules, retention)

    def _on_assigned(self, sender: Any, *args: Any, **kwargs: Any) -> None:
        # A rebalance may bring a recovered table: the indexes are rebuilt
        # from it before the next batch (streams resume only after recovery).
        self._stale = True

    async def _route(self, stream: StreamT) -> None:
        size, within = self.settings.batch_max_size * 8, self.settings.batch_within_s
        async for batch in cast(faust.Stream, stream).take_events(size, within=within):
            await self._shielded(batch, self._route_batch(batch))

    async def _route_batch(self, batch: Sequence[EventT]) -> None:
        await self._confirmed(batch, [self._send_routed(e) for e in batch])

    async def _shielded(self, batch: Sequence[EventT], work: Awaitable[None]) -> None:
        """Run one batch's work to its end even if the agent is cancelled.

        ``take_events`` acks a batch as soon as the loop body returns *or
        raises*: cancelled half-way (a rebalance, a stop), the batch would be
        committed with records unsent. So the work is shielded; on
        cancellation it is given the shutdown grace to finish, and if it
        cannot, the worker exits before anything is acked (as
        ``stream.app.Worker.handle`` does for extraction).
        """
        task = asyncio.ensure_future(work)
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            grace = min(self.settings.produce_timeout_s, self.settings.shutdown_grace_s)
            await asyncio.wait([task], timeout=grace)
            if not task.done():
                first = source_of(batch[0]).describe() if batch else "?"
                self.fatal(f"cluster stage batch at {first} unfinished at shutdown",
                           ExitCode.SHUTDOWN_TIMEOUT)  # fmt: skip
            raise

    def _send_routed(self, event: EventT) -> Awaitable[Any]:
        value = event.message.value
        data = bytes(value) if value is not None else b""
        result = route(data, headers_of(event), source_of(event))
        if isinstance(result, DeadLetter):
            record = self.letter(result)
            return self._send(record.topic, record.key, record.value, record.headers)
        return self._forward(result)

    def _forward(self, record: Forward) -> Awaitable[Any]:
        stamp = record.timestamp_ms / 1000 if record.timestamp_ms else None
        return self._send(self.settings.cluster_route_topic, record.key, record.value,
                          record.headers, stamp)  # fmt: skip

    async def _send(self, topic: str, key: bytes | None, value: bytes, headers: Any,
                    timestamp: float | None = None) -> Any:  # fmt: skip
        sent = await self.topics[topic].send(key=key, value=value, headers=headers,
                                             timestamp=timestamp)  # fmt: skip
        return await sent

    async def _confirmed(self, batch: Sequence[EventT], sends: Sequence[Awaitable[Any]]) -> None:
        try:
            await asyncio.wait_for(asyncio.gather(*sends), self.settings.produce_timeout_s)
        except Exception as exc:  # the broker, not the data: never ack this batch
            first = source_of(batch[0]).describe() if batch else "?"
            self.fatal(f"cluster stage batch at {first} failed: {exc!r}", ExitCode.PRODUCE_FAILED)
            raise

    async def _cluster(self, stream: StreamT) -> None:
        size, within = self.settings.batch_max_size * 8, self.settings.batch_within_s
        async for batch in cast(faust.Stream, stream).take_events(size, within=within):
            await self._shielded(batch, self._cluster_batch(batch))

    async def _cluster_batch(self, batch: Sequence[EventT]) -> None:
        if self._stale:
            self._restore()
        changed = self._fold(batch)
        sends = [self._send(self.settings.cluster_topic, cid.encode(), codec.dumps(c),
                            list(CLUSTER_HEADERS)) for cid, c in changed.items()]  # fmt: skip
        await self._confirmed(batch, sends)
        self._gauges()

    def _fold(self, batch: Sequence[EventT]) -> dict[str, Cluster]:
        """Fold a batch in; the last state of every cluster it touched.

        The table is written event by event, in order: the changelog is then
        always the history of a prefix of the events, so whatever part of it
        a crash leaves, the recovered table is the state after some event, and
        replaying the rest gives exactly what an uninterrupted run would have.
        (Written per batch, a crash could keep a cluster's later state and lose
        an earlier event's cluster: replayed against that future, the event
        could choose differently and end in two clusters on the topic.)
        """
        changed: dict[str, Cluster] = {}
        for item in batch:
            try:
                event = decode_event(bytes(item.message.value or b""))
            except ValueError as exc:  # the route agent checked it: not ours to judge
                log.error(
                    "%s: not an event on the route topic: %s", source_of(item).describe(), exc
                )
                continue
            updated = message_time(source_of(item).timestamp_ms)
            published = _header(item, PUBLISHED_AT) or updated
            update = self.clusterer.add(event, published, updated)
            self._count(update)
            cid = update.cluster.cluster_id
            changed[cid] = update.cluster
            if not update.duplicate:
                value = codec.dumps(update.cluster)
                self.table[cid.encode()] = value
                self._sizes[cid] = len(value)
            self._close(self.clusterer.expire())
        return changed

    def _close(self, closed: list[str]) -> None:
        for cid in closed:
            self._sizes.pop(cid, None)
            if cid.encode() in self.table:
                del self.table[cid.encode()]
        metrics.CLUSTERS_CLOSED.inc(len(closed))

    @staticmethod
    def _count(update: Update) -> None:
        change = "repeat" if update.duplicate else "new" if update.created else "joined"
        metrics.CLUSTERS_UPDATED.labels(change=change).inc()

    def _restore(self) -> None:
        self.clusterer = self._new_clusterer()
        self._sizes = {}
        clusters = []
        for key, value in self.table.items():
            clusters.append(Cluster.model_validate(codec.loads(value)))
            self._sizes[bytes(key).decode()] = len(value)
        self.clusterer.restore(clusters)
        self._stale = False
        self._gauges()
        log.info("cluster table: %d open clusters restored", len(clusters))

    def _gauges(self) -> None:
        metrics.CLUSTERS_OPEN.set(len(self.clusterer))
        metrics.CLUSTER_TABLE_BYTES.set(sum(self._sizes.values()))


def _raw_topic(app: faust.App, name: str) -> faust.TopicT:
    return app.topic(
        name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw"
    )
