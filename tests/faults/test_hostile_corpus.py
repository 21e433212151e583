"""The nasty corpus through the broker, and output the events topic refuses.

Each input ends as events (possibly none) or exactly one dead letter with its
reason; the worker neither crashes nor hangs, and its per-partition tally
reconciles: consumed = processed + dead-lettered.
"""

from __future__ import annotations

import signal
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer, TopicPartition

from models.factory import build_extractor
from stream.broker import EmbeddedBroker
from stream.collect import last_offsets
from stream.seam import Budget, extract_timed
from stream.validation import InvalidArticle, decode_article
from tests.faults.corpus import corpus
from tests.faults.harness import STAND_IN, FaultWorker, Group, as_inputs, many_articles, report
from tests.stream.helpers import Input

pytestmark = [pytest.mark.slow, pytest.mark.integration]


async def publish_big(
    bootstrap: str, topic: str, inputs: Sequence[Input]
) -> dict[TopicPartition, int]:
    """Like publish_raw, but allows the 10 MB case (aiokafka's default cap is 1 MB)."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", max_request_size=16_000_000
    )
    await producer.start()
    try:
        futures = [await producer.send(topic, i.value, key=i.key) for i in inputs]
        return last_offsets([await f for f in futures])
    finally:
        await producer.stop()


def stop_cleanly(worker: FaultWorker) -> dict[str, object]:
    assert worker.running(), worker.log()[-3000:]  # it neither crashed nor exited
    worker.send(signal.SIGTERM)
    assert worker.wait(30) == 0, worker.log()[-3000:]
    return worker.tally()


async def test_nasty_corpus_through_the_broker(broker: EmbeddedBroker) -> None:
    cases = corpus()
    group = Group.new(broker.bootstrap)
    worker = group.worker().start(timeout_s=90)
    inputs = [Input(key.encode(), raw, reason) for key, raw, reason in cases]
    published = await publish_big(broker.bootstrap, group.settings.input_topic, inputs)
    result = await group.collect(published, timeout_s=90)
    tally = stop_cleanly(worker)
    assert result.complete, worker.log()[-3000:]

    letters = Counter(str(d["key"]) for d in result.dead_letters)
    reasons = {str(d["key"]): d["reason"] for d in result.dead_letters}
    with_events = {str(e["article_id"]) for e in result.events}
    for key, _, reason in cases:
        assert letters[key] == (1 if reason else 0), key
        assert reasons.get(key) == reason, key
        assert not (reason and key in with_events), key  # never both
    assert tally["reconciles"], tally
    consumed = sum(tally["consumed"].values())  # type: ignore[attr-defined]
    assert consumed == len(cases)
    by_reason = dict(Counter(reasons.values()))
    biggest = max(len(str(d)) for d in result.dead_letters)
    report("hostile corpus", messages=len(cases), lost=0, dead_lettered=by_reason,
           with_events=len(with_events), longest_dead_letter_chars=biggest)  # fmt: skip


def test_longest_extraction_of_a_hostile_input() -> None:
    extractor = build_extractor("lexicon", model_source=None, cache_dir=Path("."), threads=1)
    longest, which = 0.0, ""
    for key, raw, _ in corpus():
        try:
            article = decode_article(raw, max_bytes=4_000_000, max_chars=200_000)
        except InvalidArticle:
            continue
        started = time.perf_counter()
        extract_timed(extractor, [article], Budget())
        took = time.perf_counter() - started
        longest, which = max((longest, which), (took, key))
    report("hostile extraction", longest_s=round(longest, 3), case=which)
    assert longest < Budget().max_extract_s


async def test_output_the_topic_refuses_is_dead_lettered(broker: EmbeddedBroker) -> None:
    # 300 bytes: smaller than one stand-in event (~316 bytes).
    group = Group.new(broker.bootstrap, max_output_bytes="300", extractor_factory=STAND_IN)
    articles = many_articles("big", 6)  # two with "met"/التقى events, four without
    worker = group.worker().start(timeout_s=90)
    published = await publish_big(broker.bootstrap, group.settings.input_topic, as_inputs(articles))
    result = await group.collect(published, timeout_s=60)
    tally = stop_cleanly(worker)
    assert result.complete  # committed past them only once the dead letters were confirmed
    reasons = Counter(str(d["reason"]) for d in result.dead_letters)
    report(
        "output rejected",
        messages=len(articles),
        dead_lettered=dict(reasons),
        events=len(result.events),
    )
    assert reasons == Counter({"output_rejected": 2}) and not result.events
    assert tally["reconciles"]
