"""/livez, /readyz and /metrics of a real worker process on the embedded broker.

The worker here has its own group, topics and web port (the session worker
runs with the web server off). Its start-up is watched from outside: the web
server starts before the consumer joins the group, and Tansu holds JoinGroup
for session_timeout/2 = 3 s, so /readyz must be seen answering 503 first.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from prometheus_client.parser import text_string_to_metric_families

from stream.broker import EmbeddedBroker, free_port
from stream.cli.worker_process import WorkerProcess
from tests.conftest import RunningWorker, settings_from, worker_env
from tests.stream.helpers import (
    collect,
    expected_event_ids,
    good_articles,
    mixed_batch,
    publish_raw,
)

pytestmark = [pytest.mark.slow, pytest.mark.integration]

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


@dataclass(frozen=True)
class WebWorker:
    """A running worker, its base URL and the /readyz statuses seen while it started."""

    worker: RunningWorker
    url: str
    statuses_while_starting: list[int | None]
    log: list[str]


def get(url: str) -> tuple[int | None, bytes]:
    """Status and body; ``None`` when nothing listens yet."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except (urllib.error.URLError, ConnectionError):
        return None, b""


def watch(url: str, starting: Future[WorkerProcess]) -> list[int | None]:
    """Poll ``url`` until the worker reports ready (or fails to)."""
    seen: list[int | None] = []
    while not starting.done():
        seen.append(get(url)[0])
        time.sleep(0.05)
    return seen


@pytest.fixture(scope="module")
def web_worker(broker: EmbeddedBroker) -> Iterator[WebWorker]:
    port = free_port()
    env = worker_env(uuid.uuid4().hex[:8]) | {
        "EVENTWIRE_WEB_ENABLED": "true",
        "EVENTWIRE_WEB_HOST": "127.0.0.1",
        "EVENTWIRE_WEB_PORT": str(port),
    }
    process = WorkerProcess(broker.bootstrap, env)
    url = f"http://127.0.0.1:{port}"
    with ThreadPoolExecutor(1) as pool:
        starting = pool.submit(process.start, 90)
        statuses = watch(f"{url}/readyz", starting)
        starting.result()  # re-raises if the worker did not become ready
    try:
        running = RunningWorker(
            broker.bootstrap, settings_from(env, broker.bootstrap), env, process.ready_after_s
        )
        yield WebWorker(running, url, statuses, list(process.lines))
    finally:
        process.stop()


def scrape(url: str) -> Samples:
    status, body = get(f"{url}/metrics")
    assert status == 200
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(body.decode())
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_start_up_logs_the_url_and_readyz_waits_for_partitions(web_worker: WebWorker) -> None:
    assert any(f"{web_worker.url}/readyz" in line for line in web_worker.log)
    answered = [s for s in web_worker.statuses_while_starting if s is not None]
    assert 503 in answered, f"never saw 503 before ready: {web_worker.statuses_while_starting}"
    assert 200 not in answered[: answered.index(503)]


def test_livez_and_readyz_once_running(web_worker: WebWorker) -> None:
    status, body = get(f"{web_worker.url}/livez")
    assert status == 200 and json.loads(body)["actors"] == ["running"]
    status, body = get(f"{web_worker.url}/readyz")
    assert status == 200
    ready = json.loads(body)
    assert (
        ready["model_loaded"] and ready["partitions"] == web_worker.worker.settings.topic_partitions
    )


async def test_metrics_move_with_good_and_bad_articles(web_worker: WebWorker) -> None:
    worker, before = web_worker.worker, scrape(web_worker.url)
    inputs = mixed_batch("web")
    published = await publish_raw(worker.bootstrap, worker.settings.input_topic, inputs)
    result = await collect(worker, published)
    assert result.complete
    after = scrape(web_worker.url)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("eventwire_articles_consumed_total") == len(inputs)
    assert moved("eventwire_batch_size_sum") == len(inputs)
    assert moved("eventwire_extraction_seconds_count") >= 1
    for reason, count in Counter(i.reason for i in inputs if i.reason).items():
        assert moved("eventwire_dead_letters_total", reason=reason) == count, reason
    events = [e for e in result.events if str(e["article_id"]).startswith("web-")]
    assert len(events) == sum(len(ids) for ids in expected_event_ids(good_articles("web")).values())
    for (kind, status), count in Counter((e["type"], e["status"]) for e in events).items():
        assert moved("eventwire_events_produced_total", type=kind, status=status) == count
    assert value(after, "eventwire_articles_in_flight") == 0
    assert value(after, "eventwire_worker_ready") == 1
    assert value(after, "eventwire_model_load_seconds") > 0
    build = [labels for name, labels in after if name == "eventwire_build_info"]
    assert build and ("schema_version", "1") in build[0]
