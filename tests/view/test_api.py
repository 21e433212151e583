"""The view's JSON API over the real embedded broker: listing, detail, stats,
the live stream, the clusters topic, the cap, and the safety rules."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from stream import codec
from stream.errors import BrokerError
from stream.settings import Settings
from stream.view.server import CSP, View
from tests.view.conftest import LiveView, ViewFactory
from tests.view.events import arabic_visit, event, hostile

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def by_id(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(events, key=lambda e: str(e["event_id"]))


async def get(live: LiveView, path: str, status: int = 200, **headers: str) -> Any:
    response = await live.client.get(path, headers=headers)
    assert response.status == status, await response.text()
    assert response.content_type == "application/json"
    return await response.json()


async def test_events_newest_first_as_published(make_view: ViewFactory) -> None:
    async with make_view() as live:
        published = [event(), arabic_visit(), hostile()]
        await live.publish(*published)
        await live.read(3)
        body = await get(live, "/api/events")
        assert body["total"] == 3 and body["seq"] == 3
        # Every field as it was on the topic. (The order is the order read, which
        # across the topic's partitions need not be the order published.)
        assert by_id(body["events"]) == by_id(published)
        one = await get(live, f"/api/events/{published[1]['event_id']}")
        assert one == published[1]
        missing = await get(live, "/api/events/nope", status=404)
        assert "no such event" in missing["error"]


async def test_filters_paging_and_bad_parameters(make_view: ViewFactory) -> None:
    async with make_view() as live:
        await live.publish(*(event(type="VISIT" if i % 2 else "MEETING") for i in range(10)))
        await live.publish(arabic_visit())
        await live.read(11)
        body = await get(live, "/api/events?type=VISIT&limit=2&offset=1")
        assert body["total"] == 6 and len(body["events"]) == 2
        assert {e["type"] for e in body["events"]} == {"VISIT"}
        arabic = await get(live, "/api/events?language=ar&country=PRK&q=لافروف&from=2023-10")
        assert [e["language"] for e in arabic["events"]] == ["ar"]
        dated = await get(live, "/api/events?from=2024-01-15&to=2024-01-15&sort=date")
        assert dated["total"] == 10
        bad = await get(live, "/api/events?typ=VISIT", status=400)
        assert "unknown parameter 'typ'" in bad["error"]
        assert "type must be one of" in (await get(live, "/api/stats?type=x", status=400))["error"]


async def test_stats_count_what_matches(make_view: ViewFactory) -> None:
    async with make_view() as live:
        await live.publish(event(), event(type="VISIT"), arabic_visit())
        await live.read(3)
        everything = await get(live, "/api/stats")
        assert everything["total"] == 3
        assert everything["by_type"] == {"MEETING": 1, "VISIT": 2}
        assert everything["by_place_country"] == {"CHN": 2, "PRK": 1}
        assert everything["by_day"] == {"2024-01-15": {"MEETING": 1, "VISIT": 1}}
        assert everything["by_month"] == {"2023-10": {"VISIT": 1}}
        assert everything["store"]["held"] == 3 and everything["store"]["cap"] == 1000
        visits = await get(live, "/api/stats?type=VISIT&language=ar")
        assert visits["total"] == 1 and visits["by_country"] == {"RUS": 1, "PRK": 1}


async def test_until_seq_pins_a_listing_while_events_arrive(make_view: ViewFactory) -> None:
    async with make_view() as live:
        await live.publish(*(event() for _ in range(4)))
        await live.read(4)
        first = await get(live, "/api/events?limit=2")
        await live.publish(event(), event())
        await live.read(6)
        pinned = await get(live, f"/api/events?limit=2&offset=2&until_seq={first['seq']}")
        assert pinned["total"] == 4
        assert [e["event_id"] for e in pinned["events"]] == [
            e["event_id"] for e in (await get(live, "/api/events?limit=2&offset=4"))["events"]
        ]


async def next_message(stream: Any) -> tuple[str, bytes, bytes]:
    """(event name, data, id) of the next SSE message, skipping comments."""
    fields: dict[bytes, bytes] = {}
    while True:
        line = (await asyncio.wait_for(stream.content.readline(), 20)).rstrip(b"\n")
        if not line:
            if fields:
                return (
                    fields.get(b"event", b"message").decode(),
                    fields[b"data"],
                    fields.get(b"id", b""),
                )
            continue
        if line.startswith(b":"):
            continue
        name, _, value = line.partition(b": ")
        fields[name] = value


async def test_stream_sends_new_matching_events(make_view: ViewFactory) -> None:
    async with make_view() as live:
        await live.publish(event(type="VISIT"))
        await live.read(1)
        stream = await live.client.get("/api/stream?type=VISIT")
        assert stream.headers["Content-Type"] == "text/event-stream"
        assert stream.headers["Content-Security-Policy"] == CSP
        name, data, _ = await next_message(stream)
        assert name == "ready" and codec.loads(data) == {"seq": 1}
        meeting, visit = event(type="MEETING"), event(type="VISIT")
        await live.publish(meeting, visit)
        name, data, seq = await next_message(stream)
        assert name == "event" and codec.loads(data) == visit and seq in (b"2", b"3")
        stream.close()


async def test_stream_replays_after_the_last_event_id(make_view: ViewFactory) -> None:
    async with make_view() as live:
        published = [event() for _ in range(3)]
        await live.publish(*published)
        await live.read(3)
        stream = await live.client.get("/api/stream", headers={"Last-Event-ID": "1"})
        assert (await next_message(stream))[0] == "ready"
        replayed = [codec.loads((await next_message(stream))[1]) for _ in range(2)]
        held = (await get(live, "/api/events"))["events"][::-1]  # oldest first
        assert replayed == held[1:]
        stream.close()


async def test_the_cap_bounds_what_is_held(make_view: ViewFactory) -> None:
    async with make_view(cap=5) as live:
        published = [event() for _ in range(8)]
        await live.publish(*published)
        await live.read(8)
        status = await get(live, "/api/status")
        assert status["events"]["held"] == 5 and status["events"]["dropped"] == 3
        assert status["events"]["cap"] == 5
        assert (await get(live, "/api/stats"))["total"] == 5
        answers = [await live.client.get(f"/api/events/{e['event_id']}") for e in published]
        assert sorted(a.status for a in answers) == [200] * 5 + [404] * 3


async def test_messages_that_are_not_events_are_skipped_and_counted(
    make_view: ViewFactory,
) -> None:
    async with make_view() as live:
        await live.publish(b"{not json", codec.dumps({"hello": 1}), event(schema_version="1"))
        await live.read(3)
        status = await get(live, "/api/status")
        assert status["events"]["held"] == 1 and status["events"]["skipped"] == 2


async def topics(settings: Settings) -> set[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=str(settings.kafka_bootstrap_servers))
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


async def test_clusters_are_read_once_their_topic_exists(make_view: ViewFactory) -> None:
    # a worker with the cluster stage off creates no clusters topic; the view waits for one
    async with make_view(clusters_enabled=False) as live:
        name = live.settings.cluster_topic
        await asyncio.sleep(0.5)  # several existence checks
        status = await get(live, "/api/status")
        assert status["clusters"]["state"] == "waiting for the topic"
        assert name not in await topics(live.settings), "the view created the clusters topic"
        assert (await get(live, "/api/clusters"))["clusters"] == []

        send = live.producer.send_and_wait
        await send(name, b'{"events": ["a", "b"], "label": "talks"}', key=b"c-1")
        await send(name, b'{"label": "old"}', key=b"c-2")
        await send(name, None, key=b"c-2")  # a tombstone deletes c-2
        reader = live.view.readers["clusters"]
        await live.until(lambda: reader.read >= 3)
        listed = await get(live, "/api/clusters")
        assert listed["clusters"] == [
            {"cluster_id": "c-1", "value": {"events": ["a", "b"], "label": "talks"}}
        ]
        assert (await get(live, "/api/clusters/c-1"))["value"]["label"] == "talks"
        await get(live, "/api/clusters/c-2", status=404)
        assert (await get(live, "/api/status"))["clusters"]["state"] == "reading"


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
async def test_there_is_no_write_endpoint(make_view: ViewFactory, method: str) -> None:
    async with make_view() as live:
        for path in ("/", "/api/events", "/api/events/x", "/api/stats", "/api/stream",
                     "/api/clusters", "/static/app.css"):  # fmt: skip
            response = await live.client.request(method, path)
            assert response.status == 405, (method, path)


async def test_every_response_carries_the_security_headers(make_view: ViewFactory) -> None:
    async with make_view() as live:
        for path in ("/", "/static/js/main.js", "/api/events", "/api/events/none", "/nope"):
            response = await live.client.get(path)
            headers = response.headers
            assert headers["Content-Security-Policy"] == CSP, path
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert headers["X-Frame-Options"] == "DENY"
            assert headers["Referrer-Policy"] == "no-referrer"
        for directive in ("default-src 'none'", "script-src 'self'", "style-src 'self'",
                          "connect-src 'self'", "require-trusted-types-for 'script'"):  # fmt: skip
            assert directive in CSP
        assert "unsafe" not in CSP and "http" not in CSP


async def test_only_loopback_names_reach_a_loopback_server(make_view: ViewFactory) -> None:
    # DNS rebinding: a page on evil.example whose name now points at 127.0.0.1.
    async with make_view() as live:
        refused = await live.client.get("/api/events", headers={"Host": "evil.example:8066"})
        assert refused.status == 403
        for host in ("localhost:8066", "127.0.0.1", "[::1]:8066"):
            assert (await live.client.get("/api/events", headers={"Host": host})).status == 200


async def test_static_files_by_exact_name_gzipped_and_cached(make_view: ViewFactory) -> None:
    async with make_view() as live:
        page = await live.client.get("/", headers={"Accept-Encoding": "identity"})
        assert page.content_type == "text/html" and "eventwire" in await page.text()
        world = await live.client.get(
            "/static/vendor/world-atlas/countries-50m.json",
            headers={"Accept-Encoding": "gzip"}, auto_decompress=False,
        )  # fmt: skip
        assert world.headers["Content-Encoding"] == "gzip"
        assert len(await world.read()) < 400_000
        script = await live.client.get("/static/js/main.js")
        assert script.content_type == "text/javascript"
        again = await live.client.get(
            "/static/js/main.js", headers={"If-None-Match": script.headers["ETag"]}
        )
        assert again.status == 304
        for path in ("/static/nope.js", "/static/../server.py", "/static/%2e%2e/server.py"):
            assert (await live.client.get(path)).status == 404, path


async def test_an_unreachable_broker_fails_at_start() -> None:
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:9")
    view = View(settings, "127.0.0.1:9", cap=10)
    with pytest.raises(BrokerError, match=r"cannot connect to 127\.0\.0\.1:9"):
        await view.start()
    await view.stop()
