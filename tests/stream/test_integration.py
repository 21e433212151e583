"""End to end on the real embedded broker with a real worker process."""

from __future__ import annotations

from collections import Counter

import pytest

from stream import codec
from tests.conftest import RunningWorker
from tests.stream.helpers import (
    Input,
    collect,
    expected_event_ids,
    good_articles,
    mixed_batch,
    publish_raw,
)

pytestmark = [pytest.mark.slow, pytest.mark.integration]


async def test_mixed_batch_nothing_lost(worker: RunningWorker) -> None:
    inputs = mixed_batch("mix")
    published = await publish_raw(worker.bootstrap, worker.settings.input_topic, inputs)
    result = await collect(worker, published)
    assert result.complete, "worker did not commit past every input within 60 s"

    expected = expected_event_ids(good_articles("mix"))
    produced = [e for e in result.events if str(e["article_id"]).startswith("mix-")]
    ids = Counter(e["event_id"] for e in produced)
    assert set(ids) == set().union(*expected.values())
    assert max(ids.values(), default=1) == 1  # no duplicates in a clean run
    for event in produced:
        assert event["event_id"] in expected[event["article_id"]]

    letters = [d for d in result.dead_letters if str(d["key"]).startswith("mix-")]
    want = {i.key.decode(): i.reason for i in inputs if i.reason}
    assert Counter(d["key"] for d in letters) == Counter(want.keys())  # exactly one each
    assert {d["key"]: d["reason"] for d in letters} == want
    for letter in letters:
        assert letter["topic"] == worker.settings.input_topic and letter["value_b64"]


def test_worker_became_ready_quickly(worker: RunningWorker) -> None:
    # Tansu holds JoinGroup for session_timeout/2 = 3 s; the rest is start-up.
    assert worker.ready_after_s < 30


async def test_redelivered_article_gives_the_same_event_ids(worker: RunningWorker) -> None:
    article = good_articles("again")[0]
    twice = [Input(article["id"].encode(), codec.dumps(article))] * 2
    published = await publish_raw(worker.bootstrap, worker.settings.input_topic, twice)
    result = await collect(worker, published)
    assert result.complete
    ids = [e["event_id"] for e in result.events if e["article_id"] == article["id"]]
    expected = expected_event_ids([article])[article["id"]]
    assert Counter(ids) == Counter({event_id: 2 for event_id in expected})
