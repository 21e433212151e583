"""The JSON API under ``/api`` (read-only: every route is GET).

Listing and statistics run on a worker thread over a snapshot of the store, so
a query over 100,000 events never holds the event loop. Events are answered as
the bytes read from the topic (each validated as a v1 event when it was read),
spliced into the envelope without being parsed again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, TypeVar

from aiohttp import web

from stream import codec
from stream.view import live
from stream.view.query import QueryError, parse_page, parse_request
from stream.view.reader import TopicReader
from stream.view.store import ClusterStore, EventStore, search, tally

T = TypeVar("T")


def json_response(body: Any, status: int = 200) -> web.Response:
    return web.Response(body=codec.dumps(body), status=status, content_type="application/json")


def json_bytes(body: bytes) -> web.Response:
    response = web.Response(body=body, content_type="application/json")
    response.enable_compression()
    return response


def error(status: int, message: str) -> web.Response:
    return json_response({"error": message}, status=status)


class Api:
    """The handlers, over one store, one cluster table and their readers."""

    def __init__(
        self,
        store: EventStore,
        clusters: ClusterStore,
        readers: dict[str, TopicReader],
        executor: Executor,
    ) -> None:
        self.store = store
        self.clusters = clusters
        self.readers = readers
        self.executor = executor
        self.subscriptions: set[live.Subscription] = set()

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/api/events", self.events),
            web.get("/api/events/{event_id}", self.event),
            web.get("/api/stats", self.stats),
            web.get("/api/stream", self.stream),
            web.get("/api/status", self.status),
            web.get("/api/clusters", self.cluster_list),
            web.get("/api/clusters/{cluster_id}", self.cluster),
        ]

    async def _off_loop(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    async def events(self, request: web.Request) -> web.Response:
        """``GET /api/events``: the matching events, a page at a time."""
        try:
            parsed = parse_request(request.query.items(), paged=True)
        except QueryError as exc:
            return error(400, str(exc))
        seq = self.store.seq
        total, rows = await self._off_loop(search, self.store.snapshot(), parsed)
        page = parsed.page
        head = codec.dumps({
            "total": total, "offset": page.offset, "limit": page.limit, "sort": page.sort,
            "order": "desc" if page.descending else "asc", "seq": seq,
        })  # fmt: skip
        body = head[:-1] + b',"events":[' + b",".join(row.raw for row in rows) + b"]}"
        return json_bytes(body)

    async def event(self, request: web.Request) -> web.Response:
        """``GET /api/events/{event_id}``: one held event, or 404."""
        row = self.store.get(request.match_info["event_id"])
        if row is None:
            return error(404, "no such event held (never read, or dropped by the cap)")
        return json_bytes(row.raw)

    async def stats(self, request: web.Request) -> web.Response:
        """``GET /api/stats``: counts of the matching events."""
        try:
            query = parse_request(request.query.items(), paged=False).query
        except QueryError as exc:
            return error(400, str(exc))
        if query.empty:
            counts = self.store.tally.as_json()
        else:
            counts = (await self._off_loop(tally, self.store.snapshot(), query)).as_json()
        return json_response({**counts, "store": self.store.status()})

    async def stream(self, request: web.Request) -> web.StreamResponse:
        """``GET /api/stream``: new matching events as Server-Sent Events."""
        try:
            query = parse_request(request.query.items(), paged=False).query
        except QueryError as exc:
            return error(400, str(exc))
        return await live.stream(request, self.store, query, self.subscriptions)

    async def status(self, request: web.Request) -> web.Response:
        """``GET /api/status``: what is held, the cap, and each topic's state."""
        return json_response({
            "events": {**self.store.status(), **self.readers["events"].status()},
            "clusters": {**self.clusters.status(), **self.readers["clusters"].status()},
            "streams": len(self.subscriptions),
        })  # fmt: skip

    async def cluster_list(self, request: web.Request) -> web.Response:
        """``GET /api/clusters``: clusters as read, most recently updated first."""
        try:
            page = parse_page(request.query.items())
        except QueryError as exc:
            return error(400, str(exc))
        items = self.clusters.page(page.offset, page.limit)
        body = b",".join(
            b'{"cluster_id":%s,"value":%s}' % (codec.dumps(key), value) for key, value in items
        )
        head = codec.dumps({"total": len(self.clusters), "offset": page.offset,
                            "limit": page.limit})  # fmt: skip
        return json_bytes(head[:-1] + b',"clusters":[' + body + b"]}")

    async def cluster(self, request: web.Request) -> web.Response:
        """``GET /api/clusters/{cluster_id}``: one cluster's latest value, or 404."""
        key = request.match_info["cluster_id"]
        value = self.clusters.get(key)
        if value is None:
            return error(404, "no such cluster held")
        return json_bytes(b'{"cluster_id":%s,"value":%s}' % (codec.dumps(key), value))

    async def close_streams(self, app: web.Application) -> None:
        """On shutdown: end every open stream, so the server stops at once."""
        for subscription in list(self.subscriptions):
            subscription.close()
