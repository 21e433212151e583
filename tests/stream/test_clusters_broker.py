"""The cluster stage through the real (embedded) broker: stories told many times
become one cluster each, with the right sources, read as a consumer would
(latest record per key of the compacted topic)."""

from __future__ import annotations

import pytest

from stream.broker import EmbeddedBroker
from tests.faults.harness import Group, as_inputs, offline_events
from tests.stream.clusters_io import latest_clusters, members, offline_clusters, wait_caught_up
from tests.stream.helpers import publish_raw
from tests.stream.stories import reports, stories

pytestmark = [pytest.mark.slow, pytest.mark.integration]


async def test_copies_and_rewordings_of_a_story_make_one_cluster(broker: EmbeddedBroker) -> None:
    group = Group.new(broker.bootstrap, extractor="lexicon")  # what offline_events runs
    told = stories(12)  # meetings, visits, arms deliveries, and look-alikes of meetings
    articles = {s.key: reports(s, range(4)) for s in told}
    flat = [a for copies in articles.values() for a in copies]
    # The same article again (a re-sent copy, same id): changes nothing.
    flat += articles[told[0].key][:2]
    worker = group.worker().start(timeout_s=90)
    try:
        published = await publish_raw(broker.bootstrap, group.settings.input_topic, as_inputs(flat))
        assert (await group.collect(published, timeout_s=60)).complete, worker.log()[-3000:]
        assert await wait_caught_up(broker.bootstrap, group.settings), worker.log()[-3000:]
    finally:
        worker.stop()
    clusters = await latest_clusters(broker.bootstrap, group.settings)
    where = members(clusters)
    found = offline_events(flat)
    for story in told:
        ids = {
            e.event_id for a in articles[story.key] for e in found[a["id"]] if e.type == story.type
        }
        assert len(ids) == len(articles[story.key]), f"the extractor missed {story}"
        (cid,) = {where[i] for i in ids}  # one cluster per story...
        cluster = clusters[cid]
        assert set(cluster["event_ids"]) == ids  # ...holding nothing else
        assert cluster["sources"] == len(articles[story.key]) == len(cluster["article_ids"])
        assert cluster["type"] == story.type
    assert clusters == await offline_clusters(broker.bootstrap, group.settings)
