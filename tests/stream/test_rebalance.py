"""The two rebalance fixes of ``stream.rebalance``, without a broker.

The kill test (``tests/faults/test_clusters_kill.py``) shows their effect on a
real broker; these pin down the mechanism: what the consumer thread is asked
to fetch, and the order in which recovery seeks, clears and resumes.
"""

from __future__ import annotations

import asyncio
from typing import Any
from unittest.mock import AsyncMock, MagicMock

from faust.types import TP

from stream.app import build_faust_app
from stream.rebalance import (
    SafeRebalanceApp,
    SeekFirstRecovery,
    SeekFirstTableManager,
    SnapshotConsumer,
    SnapshotTransport,
)
from stream.settings import Settings

STREAM = TP("articles", 0)
CHANGELOG = TP("app-clusters-changelog", 0)


class _Thread:
    """Records what the consumer thread was asked for, and Faust pausing the
    last active partition while the fetch waits."""

    def __init__(self, live: set[TP]) -> None:
        self.live = live
        self.asked: list[set[TP] | None] = []

    async def getmany(self, partitions: set[TP] | None, timeout: float) -> dict[TP, list[Any]]:
        self.live.clear()  # "Done reading from changelog topics": all paused
        self.asked.append(None if partitions is None else set(partitions))
        return {}


def _consumer(live: set[TP]) -> tuple[SnapshotConsumer, _Thread]:
    consumer = SnapshotConsumer.__new__(SnapshotConsumer)  # no transport: _getmany only
    thread = _Thread(live)
    consumer._thread = thread  # type: ignore[assignment]
    return consumer, thread


async def test_the_thread_fetches_a_copy_of_the_active_partitions() -> None:
    # aiokafka reads an empty set as "every partition": had the thread kept
    # Faust's own set, emptied during the fetch, it would hand over (and move
    # past) the records of the paused stream partitions.
    live = {CHANGELOG}
    consumer, thread = _consumer(live)
    await consumer._getmany(live, 1.0)
    assert thread.asked == [{CHANGELOG}] and not live


async def test_no_active_partition_fetches_nothing_rather_than_everything() -> None:
    consumer, thread = _consumer(set())
    assert await consumer._getmany(set(), 1.0) == {}
    assert thread.asked == []
    await consumer._getmany(None, 1.0)  # a client-only consumer: every partition, as meant
    assert thread.asked == [None]


def test_the_worker_app_uses_both_fixes() -> None:
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:9", extractor="lexicon")
    app = build_faust_app(settings, "127.0.0.1:9")
    assert isinstance(app, SafeRebalanceApp)
    assert isinstance(app.transport, SnapshotTransport)
    assert isinstance(app.tables, SeekFirstTableManager)
    assert isinstance(app.tables.recovery, SeekFirstRecovery)


async def test_recovery_seeks_and_clears_before_resuming_stream_partitions() -> None:
    app = SafeRebalanceApp("t", broker="kafka://127.0.0.1:9", store="memory://")
    recovery = app.tables.recovery
    calls: list[str] = []
    consumer = MagicMock()
    consumer.assignment.return_value = {STREAM, CHANGELOG}
    consumer.perform_seek = AsyncMock(side_effect=lambda: calls.append("seek"))
    consumer.resume_flow.side_effect = lambda: calls.append("resume flow")
    consumer.resume_partitions.side_effect = lambda tps: calls.append(f"resume {sorted(tps)}")
    app._consumer = consumer  # type: ignore[assignment]
    app._fetcher = MagicMock(maybe_start=AsyncMock())  # type: ignore[assignment]
    queue = app.FlowControlQueue(maxsize=10, clear_on_resume=True)
    queue.put_nowait("fetched before the seek")
    real_resume = app.flow_control.resume

    def resume() -> None:
        calls.append("clear queues")
        real_resume()

    app.flow_control.resume = resume  # type: ignore[method-assign]
    recovery._is_changelog_tp = lambda tp: tp == CHANGELOG  # type: ignore[method-assign]
    await asyncio.wait_for(recovery.on_recovery_completed(generation_id=0), 5)
    assert calls == ["seek", "clear queues", "resume flow", f"resume {[STREAM]}"]
    assert queue.empty()
