"""Process lifecycle: SIGTERM drains and commits; crashes and lost brokers exit loudly."""

from __future__ import annotations

import asyncio
import signal
import time

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from stream.broker import EmbeddedBroker, free_port
from stream.errors import ExitCode
from tests.faults.harness import STAND_IN, Group, as_inputs, many_articles, report
from tests.stream.helpers import publish_raw

pytestmark = [pytest.mark.slow, pytest.mark.integration]
PLUGINS = "tests.faults.plugins"


async def committed_total(group: Group, partitions: int) -> int:
    """Sum of the group's committed offsets over the input partitions."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=group.bootstrap, group_id=group.settings.app_id, enable_auto_commit=False
    )
    await consumer.start()
    try:
        topic = group.settings.input_topic
        offsets = [await consumer.committed(TopicPartition(topic, p)) for p in range(partitions)]
    finally:
        await consumer.stop()
    return sum(o or 0 for o in offsets)


async def test_sigterm_finishes_in_flight_batch_commits_and_exits_0(
    broker: EmbeddedBroker,
) -> None:
    group = Group.new(broker.bootstrap, extractor_factory=f"{PLUGINS}:slow")
    # 10 batches of 8 at ≥ 1 s each; every article has one event.
    articles = [{"id": f"term-{i}", "text": "Modi met Kishida in Tokyo."} for i in range(80)]
    worker = group.worker(shutdown_grace_s="10").start(timeout_s=90)
    await publish_raw(broker.bootstrap, group.settings.input_topic, as_inputs(articles))
    await asyncio.sleep(2.5)  # a batch is extracting now
    stopped = time.monotonic()
    worker.send(signal.SIGTERM)
    code = worker.wait(15)
    took = time.monotonic() - stopped
    tally = worker.tally()
    consumed = sum(tally["consumed"].values())
    committed = await committed_total(group, group.settings.topic_partitions)
    result = await group.collect({}, timeout_s=2)  # whatever reached the topics
    produced = {e["article_id"] for e in result.events}
    report("sigterm", messages=len(articles), consumed=consumed, committed=committed,
           with_events=len(produced), exit_code=code, shutdown_s=round(took, 1))  # fmt: skip
    assert code == 0 and took < 10, worker.log()[-3000:]
    assert tally["reconciles"]
    assert 0 < consumed < len(articles)  # it stopped taking new messages
    assert committed == consumed  # the in-flight batch was finished, produced and committed
    assert len(produced) == consumed  # (every article here has events)


async def test_shutdown_longer_than_grace_exits_with_its_own_code(broker: EmbeddedBroker) -> None:
    group = Group.new(broker.bootstrap, extractor_factory=f"{PLUGINS}:very_slow")
    worker = group.worker(shutdown_grace_s="2").start(timeout_s=90)
    await publish_raw(
        broker.bootstrap, group.settings.input_topic, as_inputs(many_articles("g", 4))
    )
    await asyncio.sleep(1.5)
    stopped = time.monotonic()
    worker.send(signal.SIGTERM)
    code = worker.wait(15)
    took = time.monotonic() - stopped
    assert code == ExitCode.SHUTDOWN_TIMEOUT and took < 5, worker.log()[-3000:]
    assert await committed_total(group, group.settings.topic_partitions) == 0  # nothing acked


async def test_agent_crash_exits_non_zero(broker: EmbeddedBroker) -> None:
    group = Group.new(broker.bootstrap, extractor_factory=f"{PLUGINS}:crash_agent")
    worker = group.worker().start(timeout_s=90)
    await publish_raw(
        broker.bootstrap, group.settings.input_topic, as_inputs(many_articles("c", 1))
    )
    code = worker.wait(30)
    assert code == ExitCode.AGENT_CRASHED, worker.log()[-3000:]
    assert "crashed" in worker.log()


def test_broker_unavailable_at_start_bounded_retries_then_exit() -> None:
    group = Group.new(f"127.0.0.1:{free_port()}", extractor_factory=STAND_IN)
    started = time.monotonic()
    worker = group.worker(broker_wait_s="4", log_level="INFO").launch()
    code = worker.wait(40)
    took = time.monotonic() - started
    log = worker.log()
    attempts = log.count("unreachable (attempt")
    report("broker absent at start", exit_code=code, attempts=attempts, seconds=round(took, 1))
    assert code == ExitCode.BROKER_UNAVAILABLE, log[-3000:]
    assert "giving up" in log and 2 <= attempts <= 6  # backoff, not a tight loop


def test_broker_lost_mid_run_exits_after_broker_wait() -> None:
    with EmbeddedBroker() as own:
        group = Group.new(own.bootstrap, extractor_factory=STAND_IN)
        worker = group.worker(broker_wait_s="3").start(timeout_s=90)
        own.stop()
        lost = time.monotonic()
        code = worker.wait(40)
    took = time.monotonic() - lost
    report("broker lost mid-run", exit_code=code, seconds_to_exit=round(took, 1))
    assert code == ExitCode.BROKER_UNAVAILABLE, worker.log()[-3000:]
    # Counted from the last good probe (≤ 1 s before the broker stopped).
    assert "unreachable" in worker.log() and took < 20
