"""``GET /api/stream``: new events as Server-Sent Events, filtered like ``/api/events``.

Each event is one message, ``id: <seq>``, ``event: event``, ``data: <the event
JSON>``. A client that falls behind (its queue of ``QUEUE_SIZE`` is full) is not
allowed to grow the server's memory: the events it could not take are counted
and it gets one ``event: gap`` message (``{"missed": n}``), its cue to re-read
``/api/events``. A reconnecting ``EventSource`` sends ``Last-Event-ID`` and is
first sent the held events it missed. Comments (``: keep-alive``) every
``KEEPALIVE_S`` seconds keep proxies from closing an idle stream.
"""

from __future__ import annotations

import asyncio
import contextlib

from aiohttp import web

from stream import codec
from stream.view.query import Query
from stream.view.rows import Row
from stream.view.store import EventStore

QUEUE_SIZE = 1000
KEEPALIVE_S = 15.0
BURST = 200  # events written per network write at most


class Subscription:
    """One stream client: the events its query matches, bounded."""

    def __init__(self, query: Query, size: int = QUEUE_SIZE) -> None:
        self.query = query
        self.queue: asyncio.Queue[Row | None] = asyncio.Queue(size)
        self.missed = 0

    def offer(self, rows: list[Row]) -> None:
        """Queue the matching rows (called by the store, on the loop)."""
        for row in rows:
            if self.query.matches(row):
                try:
                    self.queue.put_nowait(row)
                except asyncio.QueueFull:
                    self.missed += 1

    def close(self) -> None:
        """End the stream (server shutdown): a None after whatever is queued."""
        with contextlib.suppress(asyncio.QueueFull):
            self.queue.put_nowait(None)
            return
        self.queue.get_nowait()  # full: give up one event to make room for the end
        self.missed += 1
        self.queue.put_nowait(None)


def frame(row: Row) -> bytes:
    """One SSE message. A newline may only be JSON whitespace (inside a string it
    is escaped), and SSE data cannot hold one: a space is equivalent."""
    data = row.raw.replace(b"\r", b" ").replace(b"\n", b" ")
    return b"id: %d\nevent: event\ndata: %s\n\n" % (row.seq, data)


def gap(missed: int) -> bytes:
    return b"event: gap\ndata: %s\n\n" % codec.dumps({"missed": missed})


async def stream(
    request: web.Request, store: EventStore, query: Query, subscriptions: set[Subscription]
) -> web.StreamResponse:
    """Serve one client until it leaves or the server stops."""
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no",  # nginx-style proxies: do not buffer the stream
        }
    )
    subscription = Subscription(query)
    subscription.offer(store.since(_last_event_id(request)))
    unsubscribe = store.listen(subscription.offer)
    subscriptions.add(subscription)
    try:
        await response.prepare(request)
        hello = codec.dumps({"seq": store.seq})
        await response.write(b"retry: 3000\nevent: ready\ndata: %s\n\n" % hello)
        await _pump(response, subscription)
    except ConnectionResetError:
        pass  # the client left
    finally:
        unsubscribe()
        subscriptions.discard(subscription)
    return response


async def _pump(response: web.StreamResponse, subscription: Subscription) -> None:
    queue = subscription.queue
    while True:
        try:
            first = await asyncio.wait_for(queue.get(), KEEPALIVE_S)
        except TimeoutError:
            await response.write(b": keep-alive\n\n")
            continue
        rows = [first]
        while len(rows) < BURST and not queue.empty():
            rows.append(queue.get_nowait())
        chunk = b"".join(frame(row) for row in rows if row is not None)
        if subscription.missed:
            chunk += gap(subscription.missed)
            subscription.missed = 0
        if chunk:
            await response.write(chunk)
        if None in rows:
            return


def _last_event_id(request: web.Request) -> int:
    # No header (a first connection): nothing to replay. The header is the seq
    # of the last event the client saw; anything unreadable means the same.
    value = request.headers.get("Last-Event-ID", "")
    return int(value) if value.isdigit() else 2**63
