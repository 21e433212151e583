"""SIGKILL of a worker while its cluster stage is mid-stream, then a restart.

The restarted worker recovers the cluster table from its changelog and goes
on: the clusters on the compacted topic must be exactly what the pure
clusterer makes of the route topic (same clusters, same ids), every story one
cluster, no article counted twice, nothing lost. A second wave of reports,
published after the restart, must join the clusters made before the kill:
that only works if the recovered table is complete. On the embedded broker it
is complete because the worker writes one record per batch there (see
``Settings.kafka_one_record_per_batch``); with batching, recovery stops short.
"""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaConsumer

from stream.broker import EmbeddedBroker
from tests.faults.harness import Group, as_inputs, offline_events, report
from tests.stream.clusters_io import latest_clusters, members, offline_clusters, wait_caught_up
from tests.stream.helpers import publish_raw
from tests.stream.stories import reports, stories

pytestmark = [pytest.mark.slow, pytest.mark.integration]
RESTORED = "open clusters restored"


async def wait_for_records(bootstrap: str, topic: str, at_least: int, timeout_s: float = 60) -> int:
    """Block until ``topic`` holds ``at_least`` records; returns the count seen."""
    reader = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                              auto_offset_reset="earliest")  # fmt: skip
    await reader.start()
    seen = 0
    try:
        async with asyncio.timeout(timeout_s):
            while seen < at_least:
                batch = await reader.getmany(timeout_ms=50)
                seen += sum(len(records) for records in batch.values())
    finally:
        await reader.stop()
    return seen


async def test_sigkill_mid_clustering_then_restart(broker: EmbeddedBroker) -> None:
    group = Group.new(broker.bootstrap, extractor="lexicon", log_level="INFO")
    settings = group.settings
    told = stories(40)
    before = [a for s in told for a in reports(s, range(4))]
    after = [a for s in told for a in reports(s, range(4, 6))]
    first = group.worker().start(timeout_s=90)
    published = await publish_raw(broker.bootstrap, settings.input_topic, as_inputs(before))
    await wait_for_records(broker.bootstrap, settings.cluster_topic, 25)
    first.kill()  # clusters half made; table changes and offsets partly committed
    second = group.worker().start(timeout_s=90)
    try:
        published |= await publish_raw(broker.bootstrap, settings.input_topic, as_inputs(after))
        assert (await group.collect(published, timeout_s=120)).complete, second.log()[-3000:]
        assert await wait_caught_up(broker.bootstrap, settings), second.log()[-3000:]
    finally:
        code = second.stop()
    restored = next(int(x.split(RESTORED)[0].split()[-1]) for x in second.lines if RESTORED in x)
    clusters = await latest_clusters(broker.bootstrap, settings)
    where = members(clusters)  # and no event in two clusters
    assert clusters == await offline_clusters(broker.bootstrap, settings)
    found = offline_events(before + after)
    for story in told:
        ids = {e.event_id for a in reports(story, range(6)) for e in found[a["id"]]
               if e.type == story.type}  # fmt: skip
        (cid,) = {where[i] for i in ids}
        assert set(clusters[cid]["event_ids"]) == ids
        assert clusters[cid]["sources"] == len(clusters[cid]["article_ids"]) == 6
    report("cluster stage sigkill+restart", stories=len(told), articles=len(before + after),
           restored_open_clusters=restored, clusters=len(clusters))  # fmt: skip
    assert 0 < restored <= len(told) and code == 0
