"""The cluster stage's benchmark: the pure clusterer, then the stage through a broker.

Corpus: events (a JSONL of events, as ``eventwire extract`` writes, or a
cluster gold file whose gold events are taken as extracted), repeated
``copies`` times as distinct stories (ids suffixed, every date moved on by
60 days a copy), in publication order. Figures:

* **clusterer alone**: events/s folded in one process, clusters open at the
  end, state size (the JSON of every open cluster: what the table holds),
  bytes per cluster. Message time = publication day, as in a live feed, so
  clusters idle for ``EVENTWIRE_CLUSTER_RETENTION_DAYS`` close;
* **stage through the broker**: a worker (its extraction agent idle) on the
  embedded broker; all events published to its events topic at once; events/s
  from the first publish until the group has committed the end of the route
  topic (route agent + cluster agent + table + cluster topic, one record per
  batch as on the embedded broker).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from models.clusters.engine import Clusterer
from models.clusters.match import Rules
from models.evaluation.clusters import feed_gold
from models.evaluation.run import read_gold
from models.s3_times.anchor import Anchor
from models.schema import Event
from stream import codec
from stream.cli.worker_process import WorkerProcess
from stream.kafka import ensure_topics
from stream.pipeline import HEADERS, PUBLISHED_AT
from stream.settings import Settings

Stream = list[tuple[Event, str]]
SHIFT_DAYS = 60


def load(path: Path) -> Stream:
    """Events with their publication times from an events JSONL or a gold file."""
    first = path.open(encoding="utf-8").readline()
    if '"article"' in first:
        return feed_gold(read_gold(path))
    events = [Event.model_validate(codec.loads(x)) for x in path.read_bytes().splitlines() if x]
    return [(e, "2000-01-01") for e in events]


def _shift(value: str, days: int) -> str:
    parts = value.split("-")
    if len(parts) < 3:  # a year or a month: move by whole months
        months = int(parts[0]) * 12 + (int(parts[1]) - 1 if len(parts) > 1 else 0) + days // 30
        return f"{months // 12:04d}" + (f"-{months % 12 + 1:02d}" if len(parts) > 1 else "")
    return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)).isoformat()


def _copy(event: Event, published: str, k: int) -> tuple[Event, str]:
    if k == 0:
        return event, published
    days = SHIFT_DAYS * k
    time = event.time
    if time is not None:
        time = time.model_copy(
            update={"start": _shift(time.start, days), "end": _shift(time.end, days)}
        )
    update = {
        "event_id": f"{event.event_id}~{k}",
        "article_id": f"{event.article_id}~{k}",
        "time": time,
    }
    day = Anchor.parse(published).first_day + dt.timedelta(days=days)
    return event.model_copy(update=update), day.isoformat()


def corpus(base: Stream, copies: int) -> Stream:
    """``copies`` distinct repetitions of ``base``, in publication order."""
    out = [_copy(e, p, k) for k in range(copies) for e, p in base]
    return sorted(out, key=lambda item: Anchor.parse(item[1]).first_day)


@dataclass(frozen=True)
class Alone:
    events: int
    seconds: float
    clusters: int  # made in all
    peak_open: int  # most open at once
    state_bytes: int  # at the peak

    @property
    def rate(self) -> float:
        return self.events / self.seconds

    @property
    def bytes_per_cluster(self) -> float:
        return self.state_bytes / max(self.peak_open, 1)


def arrival(published: str) -> str:
    """The message time a live feed would give a report: its publication day."""
    return f"{Anchor.parse(published).first_day.isoformat()}T00:00:00"


def alone(events: Stream, rules: Rules, retention: dt.timedelta) -> Alone:
    """Fold every event in one process, closing idle clusters as the stage does
    (after a warm-up on the first 200). State: the most clusters open at once
    times the mean size of a cluster's last record."""
    stamped = [(e, p, arrival(p)) for e, p in events]
    warm = Clusterer(rules, retention)
    for e, p, at in stamped[:200]:
        warm.add(e, p, at)
    clusterer = Clusterer(rules, retention)
    peak, sizes = 0, {}
    started = time.perf_counter()
    for e, p, at in stamped:
        update = clusterer.add(e, p, at)
        clusterer.expire()
        peak = max(peak, len(clusterer))
        sizes[update.cluster.cluster_id] = update.cluster
    seconds = time.perf_counter() - started
    mean = sum(len(codec.dumps(c)) for c in sizes.values()) / max(len(sizes), 1)
    return Alone(len(events), seconds, len(sizes), peak, int(mean * peak))


async def _publish(bootstrap: str, topic: str, events: Stream) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        sent = []
        for event, published in events:
            headers = [*HEADERS, (PUBLISHED_AT, published.encode())]
            key, value = event.event_id.encode(), codec.dumps(event)
            # Message time = publication day, as in a live feed: idle clusters close.
            at = dt.datetime.fromisoformat(arrival(published)).replace(tzinfo=dt.UTC)
            stamp = int(at.timestamp() * 1000)
            sent.append(await producer.send(topic, value, key=key, headers=headers,
                                            timestamp_ms=stamp))  # fmt: skip
        await asyncio.gather(*sent)
    finally:
        await producer.stop()


async def caught_up(bootstrap: str, settings: Settings, at_least: int, timeout_s: float) -> bool:
    """Block until the group has committed ``at_least`` route records and the end
    of the route topic (exact on the embedded broker: one record per batch)."""
    offsets = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=settings.app_id,
                               enable_auto_commit=False)  # fmt: skip
    await offsets.start()
    tp = TopicPartition(settings.cluster_route_topic, 0)
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            end = (await offsets.end_offsets([tp]))[tp]
            if end >= at_least and ((await offsets.committed(tp)) or 0) >= end:
                return True
            await asyncio.sleep(0.05)
    finally:
        await offsets.stop()
    return False


@dataclass(frozen=True)
class Streamed:
    events: int
    seconds: float
    ready_s: float

    @property
    def rate(self) -> float:
        return self.events / self.seconds


def streamed(settings: Settings, bootstrap: str, events: Stream, env: dict[str, Any]) -> Streamed:
    """All events through a worker's cluster stage on topics of its own."""
    group = f"bench-clusters-{uuid.uuid4().hex[:8]}"
    mine = {"EVENTWIRE_APP_ID": group, "EVENTWIRE_INPUT_TOPIC": f"{group}.articles",
            "EVENTWIRE_OUTPUT_TOPIC": f"{group}.events", "EVENTWIRE_DLQ_TOPIC": f"{group}.dlq",
            "EVENTWIRE_CLUSTER_TOPIC": f"{group}.clusters", "EVENTWIRE_WEB_ENABLED": "false",
            "EVENTWIRE_EXTRACTOR": "lexicon", **env}  # fmt: skip
    names = {k.removeprefix("EVENTWIRE_").lower(): v for k, v in mine.items()}
    run = settings.model_copy(
        update={k: v for k, v in names.items() if k.endswith(("id", "topic"))}
    )
    asyncio.run(ensure_topics(run, bootstrap))
    worker = WorkerProcess(bootstrap, mine).start(timeout_s=120)
    try:
        started = time.perf_counter()
        asyncio.run(_publish(bootstrap, run.output_topic, events))
        if not asyncio.run(caught_up(bootstrap, run, len(events), timeout_s=1800)):
            raise TimeoutError("the cluster stage did not catch up within 30 minutes")
        return Streamed(len(events), time.perf_counter() - started, worker.ready_after_s)
    finally:
        worker.stop()


def report(base: Sequence[Any], copies: int, one: Alone, through: Streamed | None) -> list[str]:
    """The figures as lines of text."""
    lines = [
        f"corpus: {len(base)} events x {copies} copies = {one.events} events",
        f"clusterer alone: {one.rate:,.0f} events/s; {one.clusters:,} clusters, at most "
        f"{one.peak_open:,} open at once: state {one.state_bytes / 2**20:.2f} MiB "
        f"({one.bytes_per_cluster:,.0f} bytes per cluster)",
    ]
    if through is not None:
        lines.append(
            f"stage through the broker: {through.rate:,.0f} events/s "
            f"({through.events:,} events in {through.seconds:.1f} s; worker ready after "
            f"{through.ready_s:.1f} s)"
        )
    return lines
