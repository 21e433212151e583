"""Faust's way back from a rebalance, made safe for at-least-once.

A worker that restarts with a table to restore (the cluster stage's) goes
through Faust's table recovery, and two defects of faust-streaming 0.15.3 on
that path lose stream records or leave them unacked; both are timing-dependent
(the kill test failed in most runs on a busy machine):

1. **Records of paused partitions fetched and dropped.** Faust passes its live
   set of active partitions to the consumer thread, and aiokafka's
   ``fetched_records(partitions)`` treats an *empty* set as "every partition".
   When recovery pauses the changelog ("Done reading from changelog topics")
   while a fetch waits, the set becomes empty, aiokafka hands over the records
   it prefetched for the paused stream partitions and advances their
   positions, and Faust's ``Consumer.getmany`` drops them (not active). A
   partition with no committed offset then resumes at its end: the records of
   the killed worker's uncommitted backlog are never processed (an article
   without events, route records never clustered). :class:`SnapshotConsumer`
   hands the thread a copy, and never an empty one.
2. **Resume before seek** (faust-streaming #596, open): ``Recovery.
   on_recovery_completed`` resumes the stream partitions, then seeks them to
   their committed offsets, then resumes flow control, which clears every
   agent queue (``clear_on_resume``). Records fetched before the seek advance
   Faust's read offsets, so the seek's re-fetch of the same offsets is
   dropped (``Consumer._drain_messages``); the originals still queued are then
   cleared. Those offsets are never acked: with two or more at the head the
   partition never commits again (the route topic stuck at the restart
   offset); with one, ``Consumer._new_offset`` commits over it
   (faust-streaming #606) and it is lost. :class:`SeekFirstRecovery` seeks
   and clears first and resumes the stream partitions last.
"""

from __future__ import annotations

import asyncio
from collections.abc import Set
from typing import Any, cast

import faust
from faust.tables import TableManager
from faust.tables.recovery import Recovery
from faust.transport.drivers import aiokafka as aiokafka_driver
from faust.types import TP
from faust.types.transports import TransportT


class SnapshotConsumer(aiokafka_driver.Consumer):
    """Fetches only the partitions active when the fetch starts (defect 1)."""

    async def _getmany(self, active_partitions: Set[TP] | None, timeout: float) -> Any:
        if active_partitions is None:  # client-only consumer: every partition, as meant
            return await super()._getmany(None, timeout)
        # A copy: Faust pauses and resumes partitions in its own set while the
        # consumer thread waits for records.
        wanted = set(active_partitions)
        if not wanted:
            return {}
        return await super()._getmany(wanted, timeout)


class SnapshotTransport(aiokafka_driver.Transport):
    """The aiokafka transport with :class:`SnapshotConsumer`."""

    Consumer = SnapshotConsumer


class SeekFirstRecovery(Recovery):
    """``Recovery`` whose completion seeks before any stream record is fetched
    (defect 2)."""

    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        """Faust's own method (0.15.3), the seek moved before the resume."""
        consumer = self.app.consumer
        self.log.info("Restore complete!")
        await self.app.on_rebalance_complete.send()
        self._set_recovery_ended()
        await self._tables_completed()
        assignment = consumer.assignment()
        if self.app.consumer_generation_id != generation_id:
            self.log.warning(
                f"Recovery rebalancing again app id "
                f"{self.app.consumer_generation_id} param {generation_id}"
            )
            return
        if assignment:
            # The stream partitions are still paused: nothing of theirs is
            # delivered before the seek sets their read and committed offsets.
            self.log.info("Seek stream partitions to committed offsets.")
            await self._wait(consumer.perform_seek(), timeout=self.app.conf.broker_request_timeout)
        self.completed.set()
        # Clears the agents' queues: none holds a stream record yet.
        self.app.flow_control.resume()
        consumer.resume_flow()
        consumer.resume_partitions({tp for tp in assignment if not self._is_changelog_tp(tp)})
        await cast(Any, self.app)._fetcher.maybe_start()
        self.tables.on_actives_ready()
        if not self.app.assignor.assigned_standbys():
            self.tables.on_standbys_ready()
        self.app.on_rebalance_end()
        self.log.info("Worker ready")

    async def _tables_completed(self) -> None:
        actives, standbys = self.actives_for_table, self.standbys_for_table
        done = [
            asyncio.ensure_future(table.on_recovery_completed(actives[table], standbys[table]))
            for table in self.tables.values()
        ]
        if done:
            await asyncio.wait(done)


class SeekFirstTableManager(TableManager):
    """Faust's ``TableManager`` with :class:`SeekFirstRecovery`."""

    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = SeekFirstRecovery(self.app, self, beacon=self.beacon, loop=self.loop)
        return self._recovery


class SafeRebalanceApp(faust.App):
    """``faust.App`` with both fixes: :class:`SeekFirstTableManager` (Faust's
    ``TableManager`` setting) and, for the consumer, :class:`SnapshotTransport`
    (the broker is always Kafka: ``kafka://`` URLs)."""

    def __init__(self, id: str, **options: Any) -> None:
        options.setdefault("TableManager", SeekFirstTableManager)
        super().__init__(id, **options)

    def _new_transport(self) -> TransportT:
        return SnapshotTransport(self.conf.broker_consumer, self)
