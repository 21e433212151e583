"""Reading the cluster stage's topics back, for the broker tests."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from models.clusters.engine import Clusterer
from models.clusters.match import Rules
from models.clusters.record import Cluster
from stream import codec
from stream.clusters.route import decode_event, message_time
from stream.pipeline import PUBLISHED_AT
from stream.settings import Settings


async def read_all(bootstrap: str, topic: str, idle_s: float = 1.5) -> list[Any]:
    """Every record of ``topic`` from the beginning, until ``idle_s`` without one."""
    reader = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                              auto_offset_reset="earliest")  # fmt: skip
    await reader.start()
    records: list[Any] = []
    try:
        while batch := await reader.getmany(timeout_ms=int(idle_s * 1000)):
            for messages in batch.values():
                records.extend(messages)
    finally:
        await reader.stop()
    return sorted(records, key=lambda m: (m.partition, m.offset))


async def latest_clusters(bootstrap: str, settings: Settings) -> dict[str, dict[str, Any]]:
    """The cluster topic as a consumer sees it: the latest record per key."""
    latest: dict[str, dict[str, Any]] = {}
    for record in await read_all(bootstrap, settings.cluster_topic):
        latest[record.key.decode()] = codec.loads(record.value)
    return latest


async def offline_clusters(bootstrap: str, settings: Settings) -> dict[str, dict[str, Any]]:
    """The pure clusterer run over the route topic, in its order: what the stage
    must have computed, whatever crashed in between."""
    clusterer = Clusterer(Rules(settings.cluster_window_days, settings.cluster_slack_days))
    for record in await read_all(bootstrap, settings.cluster_route_topic):
        headers = dict(record.headers)
        updated = message_time(record.timestamp)
        published = headers[PUBLISHED_AT].decode() if PUBLISHED_AT in headers else updated
        clusterer.add(decode_event(record.value), published, updated)
    return {cid: c.model_dump(mode="json") for cid, c in clusterer.clusters.items()}


async def wait_caught_up(bootstrap: str, settings: Settings, timeout_s: float = 90) -> bool:
    """Block until the group has committed the end of the events topic and of the
    route topic (ends are exact: the worker writes one record per batch on the
    embedded broker), and the ends stopped moving. Wait for the articles first
    (``Group.collect``): their ends, written in batches, are not exact."""
    offsets = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=settings.app_id,
                               enable_auto_commit=False)  # fmt: skip
    await offsets.start()
    tps = [TopicPartition(settings.output_topic, p) for p in range(settings.topic_partitions)]
    tps.append(TopicPartition(settings.cluster_route_topic, 0))
    deadline, last = time.monotonic() + timeout_s, None
    try:
        while time.monotonic() < deadline:
            ends = await offsets.end_offsets(tps)
            committed = {tp: (await offsets.committed(tp)) or 0 for tp in tps}
            done = all(committed[tp] >= ends[tp] for tp in tps)
            if done and ends == last:
                return True
            last = ends if done else None
            await asyncio.sleep(1.0)
    finally:
        await offsets.stop()
    return False


def members(clusters: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Event id → the cluster holding it; asserts no event is in two clusters."""
    out: dict[str, str] = {}
    for cid, cluster in clusters.items():
        for event_id in cluster["event_ids"]:
            assert event_id not in out, f"{event_id} in {out.get(event_id)} and {cid}"
            out[event_id] = cid
    return out


def as_model(record: dict[str, Any]) -> Cluster:
    return Cluster.model_validate(record)
