"""The view's aiohttp application and the loop that serves it.

Safety, in one place: every route is GET (anything else is 405: there is no
write endpoint), every response carries a strict Content-Security-Policy (only
this origin's own scripts, styles and connections; no inline script or style;
Trusted Types, so the page cannot assign HTML strings to the DOM at all), and a
server bound to loopback answers only requests addressed to a loopback name, so
a web page elsewhere cannot read it through DNS rebinding.

>>> asyncio.run(serve(settings, "127.0.0.1:9092", host="127.0.0.1", port=8066,
...                   announce=print))          # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
import signal
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web

from stream.errors import EventwireError
from stream.settings import Settings
from stream.view import assets as static
from stream.view.api import Api, json_response
from stream.view.reader import TopicReader, cluster_handler, event_handler
from stream.view.store import ClusterStore, EventStore

CSP = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
))  # fmt: skip
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
# How long a stopping view waits for its Kafka clients to close.
STOP_GRACE_S = 10.0

log = logging.getLogger(__name__)


class View:
    """The store, the cluster table, their readers and the worker thread pool."""

    def __init__(self, settings: Settings, bootstrap: str, cap: int, poll_s: float = 5.0) -> None:
        # Two threads: one long query never queues every other behind it.
        self.executor = ThreadPoolExecutor(2, thread_name_prefix="eventwire-view")
        self.store = EventStore(cap)
        self.clusters = ClusterStore(cap)
        self.readers = {
            "events": TopicReader(settings, bootstrap, settings.output_topic,
                                  event_handler(self.store, self.executor), poll_s),
            "clusters": TopicReader(settings, bootstrap, settings.cluster_topic,
                                    cluster_handler(self.clusters, self.executor), poll_s),
        }  # fmt: skip
        self.tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        """Connect (raises :class:`BrokerError` when the broker is unreachable), then
        read both topics in the background."""
        probes = [await reader.connect() for reader in self.readers.values()]
        self.tasks = [
            asyncio.create_task(reader.run(probe), name=f"view-{name}")
            for (name, reader), probe in zip(self.readers.items(), probes, strict=True)
        ]

    async def stop(self, grace_s: float = STOP_GRACE_S) -> None:
        """Cancel the readers and wait at most ``grace_s`` for their clients to close.

        Bounded: a Kafka client that does not answer its own close (a broker gone
        half-way through a request) must not keep the view from exiting.
        """
        for task in self.tasks:
            task.cancel()
        if self.tasks:
            done, pending = await asyncio.wait(self.tasks, timeout=grace_s)
            for task in done:
                if not task.cancelled() and task.exception() is not None:
                    log.warning("view: %s ended with %r", task.get_name(), task.exception())
            for task in pending:
                log.warning("view: %s did not stop within %.0f s; left behind",
                            task.get_name(), grace_s)  # fmt: skip
        self.executor.shutdown(wait=False, cancel_futures=True)


def is_loopback(host: str) -> bool:
    if host.strip("[]") in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def create_app(view: View, bind_host: str = "127.0.0.1") -> web.Application:
    """The application: the page, its assets, the API and health checks."""
    middlewares = [_loopback_only] if is_loopback(bind_host) else []
    app = web.Application(middlewares=middlewares)
    api = Api(view.store, view.clusters, view.readers, view.executor)
    files = static.load()

    async def page(request: web.Request) -> web.StreamResponse:
        name = "index.html" if request.path == "/" else request.match_info["name"]
        asset = files.get(name)
        if asset is None:
            raise web.HTTPNotFound()
        return _asset_response(request, asset)

    async def livez(request: web.Request) -> web.Response:
        return json_response({"ok": True})

    async def readyz(request: web.Request) -> web.Response:
        reading = view.readers["events"].state == "reading"
        return json_response({"ok": reading, **view.store.status()}, 200 if reading else 503)

    app.router.add_routes([
        web.get("/", page), web.get("/static/{name:.+}", page),
        web.get("/livez", livez), web.get("/readyz", readyz), *api.routes(),
    ])  # fmt: skip
    app.on_response_prepare.append(_security_headers)
    app.on_shutdown.append(api.close_streams)
    return app


def _asset_response(request: web.Request, asset: static.Asset) -> web.Response:
    headers = {"ETag": asset.etag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding"}
    if request.headers.get("If-None-Match") == asset.etag:
        return web.Response(status=304, headers=headers)
    if asset.gzipped is not None and "gzip" in request.headers.get("Accept-Encoding", ""):
        headers["Content-Encoding"] = "gzip"
        body = asset.gzipped
    else:
        body = asset.body
    return web.Response(body=body, headers={**headers, "Content-Type": asset.content_type})


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(HEADERS)


@web.middleware
async def _loopback_only(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    # The Host a browser sends is the name in the address bar: a rebound DNS name
    # shows up here even though the connection comes from 127.0.0.1.
    if not is_loopback(request.url.host or ""):
        return json_response({"error": "this server answers only to a loopback address"}, 403)
    return await handler(request)


async def serve(
    settings: Settings,
    bootstrap: str,
    *,
    host: str,
    port: int,
    announce: Callable[[str], None],
    cap: int | None = None,
) -> None:
    """Serve the view until SIGINT/SIGTERM; ``announce`` gets the page's URL.

    Raises :class:`BrokerError` when the broker is unreachable at start and
    :class:`EventwireError` when the address cannot be bound.
    """
    view = View(settings, bootstrap, cap or settings.view_max_events)
    await view.start()
    runner = web.AppRunner(create_app(view, host), access_log=None, shutdown_timeout=3)
    await runner.setup()
    try:
        await _listen(runner, host, port)
        announce(page_url(host, runner.addresses[0][1]))
        await _until_stopped(view)
    finally:
        await runner.cleanup()
        await view.stop()


async def _listen(runner: web.AppRunner, host: str, port: int) -> None:
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        reason = os.strerror(exc.errno).lower() if exc.errno else str(exc)
        raise EventwireError(f"cannot listen on {host}:{port}: {reason}") from None


async def _until_stopped(view: View) -> None:
    """Until a signal, or a reader fails (its error is raised)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    stopping = asyncio.create_task(stop.wait())
    try:
        done, _ = await asyncio.wait([stopping, *view.tasks], return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if task is not stopping:
                task.result()  # a reader ended: re-raise what ended it
    finally:
        stopping.cancel()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


def page_url(host: str, port: int) -> str:
    """``http://host:port/``; an unspecified bind address shows as 127.0.0.1."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}/"
