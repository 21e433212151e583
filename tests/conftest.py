"""Shared fixtures: settings, the embedded broker, and a worker process.

The broker and worker are session-scoped (Tansu starts in milliseconds but a
worker needs ~5 s to join its group), and every test gets its own topic
names where it publishes, so tests do not see each other's messages unless
they share the session worker on purpose.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from stream.broker import EmbeddedBroker
from stream.cli.worker_process import WorkerProcess
from stream.settings import Settings

FACTORY = "tests.stream.extractors:failing"
MAX_TEXT_CHARS = 5_000


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # Settings read EVENTWIRE_* from the environment: a developer's shell must
    # not change what the tests see.
    for name in list(os.environ):
        if name.startswith("EVENTWIRE_"):
            monkeypatch.delenv(name)


@dataclass(frozen=True)
class RunningWorker:
    """A worker process and the settings it runs with."""

    bootstrap: str
    settings: Settings
    env: dict[str, str]
    ready_after_s: float


def worker_env(suffix: str) -> dict[str, str]:
    """EVENTWIRE_* variables for a worker with its own group and topics."""
    return {
        "EVENTWIRE_APP_ID": f"eventwire-test-{suffix}",
        "EVENTWIRE_INPUT_TOPIC": f"articles-{suffix}",
        "EVENTWIRE_OUTPUT_TOPIC": f"events-{suffix}",
        "EVENTWIRE_DLQ_TOPIC": f"articles.dlq-{suffix}",
        "EVENTWIRE_CLUSTER_TOPIC": f"event-clusters-{suffix}",
        # The embedded broker: see Settings.kafka_one_record_per_batch.
        "EVENTWIRE_KAFKA_ONE_RECORD_PER_BATCH": "true",
        "EVENTWIRE_EXTRACTOR_FACTORY": FACTORY,
        "EVENTWIRE_MAX_TEXT_CHARS": str(MAX_TEXT_CHARS),
        "EVENTWIRE_WEB_ENABLED": "false",
        "EVENTWIRE_KAFKA_SESSION_TIMEOUT_S": "6",
        "EVENTWIRE_KAFKA_HEARTBEAT_INTERVAL_S": "1",
        "EVENTWIRE_BATCH_WITHIN_S": "0.2",
        "EVENTWIRE_LOG_LEVEL": "WARNING",
    }


def settings_from(env: dict[str, str], bootstrap: str) -> Settings:
    """The Settings a process with ``env`` would build."""
    fields = {k.removeprefix("EVENTWIRE_").lower(): v for k, v in env.items()}
    return Settings(kafka_bootstrap_servers=bootstrap, **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def broker() -> Iterator[EmbeddedBroker]:
    """The embedded Tansu broker on a free 127.0.0.1 port."""
    with EmbeddedBroker() as running:
        yield running


@pytest.fixture(scope="session")
def worker(broker: EmbeddedBroker) -> Iterator[RunningWorker]:
    """One `eventwire run` process (6 s session, 1 s heartbeat) for the session."""
    env = worker_env(uuid.uuid4().hex[:8])
    process = WorkerProcess(broker.bootstrap, env).start(timeout_s=90)
    try:
        yield RunningWorker(
            broker.bootstrap, settings_from(env, broker.bootstrap), env, process.ready_after_s
        )
    finally:
        process.stop()
