"""Liveness/readiness logic and the views, in-process (no broker, no agent run).

Only Faust's web server is started (on a free port), not the app: that is the
state a pod is in before the consumer group assigns partitions.
"""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import pytest
from faust.types import TP

from stream import metrics
from stream.app import Worker
from stream.broker import free_port
from stream.health import Health
from stream.seam import ExtractionSeam
from stream.settings import Settings
from tests.stream.extractors import MetExtractor

PARTITION = TP("articles", 0)


def make_worker(**overrides: Any) -> Worker:
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", **overrides)
    return Worker(settings, "127.0.0.1:1", ExtractionSeam(MetExtractor()))


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


async def test_ready_only_with_partitions_and_model() -> None:
    worker = make_worker(web_enabled=False)
    health = worker.health
    assert health.readiness().status == 503
    await worker.app.on_partitions_assigned.send({TP("eventwire-__assignor-__leader", 0)})
    assert not health.readiness().ok, "Faust's leader topic is not work"
    await worker.app.on_partitions_assigned.send({PARTITION, TP("other", 0)})
    assert health.readiness().ok and health.readiness().detail["partitions"] == 1
    assert metrics.REGISTRY.get_sample_value("eventwire_worker_ready") == 1.0
    await worker.app.on_partitions_revoked.send({PARTITION})
    assert not health.readiness().ok
    await worker.app.on_partitions_assigned.send({PARTITION})
    health.model_loaded = False
    assert health.readiness().detail == {"model_loaded": False, "partitions": 1, "stopping": False}
    assert health.readiness().status == 503


def fake_agent(*actors: Any) -> Any:
    return SimpleNamespace(started=True, should_stop=False, _actors=list(actors))


def fake_actor(*, crashed: bool = False, done: bool = False) -> Any:
    task = SimpleNamespace(done=lambda: done)
    return SimpleNamespace(crashed=crashed, actor_task=task)


def test_liveness_follows_the_agents_actors() -> None:
    worker = make_worker(web_enabled=False)
    health = worker.health
    assert health.liveness().ok, "an agent that has not started yet is not dead"
    health.agent = fake_agent(fake_actor())
    assert health.liveness().ok
    health.agent = fake_agent(fake_actor(crashed=True))
    assert health.liveness().status == 503
    assert health.liveness().detail["actors"] == ["crashed"]
    health.agent = fake_agent(fake_actor(done=True))
    assert not health.liveness().ok
    # A crashed actor next to its replacement: the supervisor did its job.
    health.agent = fake_agent(fake_actor(crashed=True), fake_actor())
    assert health.liveness().ok


async def test_real_agent_is_live_while_running() -> None:
    worker = make_worker(web_enabled=False)
    async with worker.agent.test_context() as agent:
        health = Health(worker.app, agent, "articles", model_loaded=True)
        await asyncio.sleep(0)
        assert health.liveness().detail["actors"] == ["running"]
        assert health.liveness().ok


def test_web_disabled_builds_no_web_server() -> None:
    worker = make_worker(web_enabled=False)
    # app.web is a cached property: registering views would have built it.
    assert "web" not in vars(worker.app)


@pytest.fixture
async def served() -> AsyncIterator[tuple[Worker, str]]:
    port = free_port()
    worker = make_worker(web_enabled=True, web_port=port)
    await worker.app.web.start()
    try:
        yield worker, f"http://127.0.0.1:{port}"
    finally:
        await worker.app.web.stop()


async def test_endpoints_before_the_consumer_is_assigned(served: tuple[Worker, str]) -> None:
    worker, url = served
    status, body = await asyncio.to_thread(get, f"{url}/readyz")
    assert status == 503
    assert json.loads(body) == {
        "ok": False,
        "model_loaded": True,
        "partitions": 0,
        "stopping": False,
    }
    status, body = await asyncio.to_thread(get, f"{url}/livez")
    assert status == 200 and json.loads(body)["ok"] is True
    await worker.app.on_partitions_assigned.send({PARTITION})
    status, _ = await asyncio.to_thread(get, f"{url}/readyz")
    assert status == 200
    status, body = await asyncio.to_thread(get, f"{url}/metrics")
    assert status == 200 and b"eventwire_worker_ready 1.0" in body
    for hidden in ("/router/", "/table/"):  # Faust's built-ins are off
        assert (await asyncio.to_thread(get, url + hidden))[0] == 404


def test_every_metric_is_prefixed() -> None:
    names = [family.name for family in metrics.REGISTRY.collect()]
    assert names and all(name.startswith("eventwire_") for name in names)
