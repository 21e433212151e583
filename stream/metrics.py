"""Prometheus metrics of the worker, served at ``GET /metrics``.

Every metric lives in :data:`REGISTRY`, a registry of our own rather than
``prometheus_client``'s global one: the page shows exactly the ``eventwire_*``
series the Helm chart's NOTES and dashboards name, and nothing that another
library happens to register in the same process.

Counters are process-lifetime (they restart at zero with the pod, as
Prometheus expects). They count what the worker *handed to the producer*: a
send that fails is fatal (the process exits), so counters and topics differ at
most by the batch that killed the process, and a re-delivered batch counts
again, as it is produced again.

>>> from stream import metrics
>>> metrics.ARTICLES_CONSUMED.inc()
>>> b"eventwire_articles_consumed_total" in metrics.exposition()
True
"""

from __future__ import annotations

import platform
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    generate_latest,
)

from models.schema import SCHEMA_VERSION

REGISTRY = CollectorRegistry(auto_describe=True)
CONTENT_TYPE = CONTENT_TYPE_LATEST
PREFIX = "eventwire"

# Seconds per extraction batch: the lexicon extractor takes milliseconds, the
# transformer about a second per article on 2 cores (FACTS.md), and anything
# near Faust's stream_processing_timeout (minutes) is an incident.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
# Messages per batch: capped by batch_max_size (default 8); powers of two.
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)

ARTICLES_CONSUMED = Counter(
    f"{PREFIX}_articles_consumed",
    "Input messages taken from the articles topic (valid or not).",
    registry=REGISTRY,
)
EVENTS_PRODUCED = Counter(
    f"{PREFIX}_events_produced",
    "Events handed to the producer, by event type and status.",
    ["type", "status"],
    registry=REGISTRY,
)
DEAD_LETTERS = Counter(
    f"{PREFIX}_dead_letters",
    "Input messages dead-lettered, by reason code (stream.errors.Reason).",
    ["reason"],
    registry=REGISTRY,
)
EXTRACTION_SECONDS = Histogram(
    f"{PREFIX}_extraction_seconds",
    "Wall time of one extraction batch on the extractor thread, seconds.",
    buckets=LATENCY_BUCKETS,
    registry=REGISTRY,
)
BATCH_SIZE = Histogram(
    f"{PREFIX}_batch_size",
    "Input messages per micro-batch.",
    buckets=BATCH_BUCKETS,
    registry=REGISTRY,
)
IN_FLIGHT = Gauge(
    f"{PREFIX}_articles_in_flight",
    "Input messages taken from Kafka whose records are not yet confirmed.",
    registry=REGISTRY,
)
MODEL_LOAD_SECONDS = Gauge(
    f"{PREFIX}_model_load_seconds",
    "Time it took to build the extractor (load the model) at start, seconds.",
    registry=REGISTRY,
)
WORKER_READY = Gauge(
    f"{PREFIX}_worker_ready",
    "1 when the extractor is loaded and the consumer has partitions, else 0.",
    registry=REGISTRY,
)
CLUSTERS_OPEN = Gauge(
    f"{PREFIX}_clusters_open",
    "Story clusters open (in the cluster table, matchable by new reports).",
    registry=REGISTRY,
)
CLUSTERS_UPDATED = Counter(
    f"{PREFIX}_clusters_updated",
    "Cluster records produced: new (a first report), joined (a report added), "
    "repeat (an event seen before: the unchanged cluster re-sent).",
    ["change"],
    registry=REGISTRY,
)
CLUSTERS_CLOSED = Counter(
    f"{PREFIX}_clusters_closed",
    "Clusters closed after EVENTWIRE_CLUSTER_RETENTION_DAYS without a new report.",
    registry=REGISTRY,
)
CLUSTER_TABLE_BYTES = Gauge(
    f"{PREFIX}_cluster_table_bytes",
    "Size of the cluster table's values (JSON), bytes: the state a restart recovers.",
    registry=REGISTRY,
)
BUILD = Info(
    f"{PREFIX}_build",
    "Versions of the running worker (value is always 1).",
    registry=REGISTRY,
)


def _package_version() -> str:
    try:
        return version("eventwire")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


def set_build_info(extractor: str, extractor_version: str) -> None:
    """Publish ``eventwire_build_info`` for the extractor this worker runs."""
    BUILD.info(
        {
            "version": _package_version(),
            "schema_version": SCHEMA_VERSION,
            "extractor": extractor,
            "extractor_version": extractor_version,
            "python": platform.python_version(),
        }
    )


@contextmanager
def in_flight(count: int) -> Iterator[None]:
    """Count ``count`` messages in flight for the duration of the block."""
    IN_FLIGHT.inc(count)
    try:
        yield
    finally:
        IN_FLIGHT.dec(count)


def exposition() -> bytes:
    """The Prometheus text format of every metric in :data:`REGISTRY`."""
    return generate_latest(REGISTRY)
