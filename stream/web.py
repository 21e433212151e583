"""HTTP endpoints on Faust's own web server: ``/livez``, ``/readyz``, ``/metrics``.

Faust already runs an aiohttp server bound to ``web_bind:web_port``
(``EVENTWIRE_WEB_HOST``/``EVENTWIRE_WEB_PORT``); adding views to it keeps one
port and one event loop, so the liveness probe also tests that loop.
Nothing is registered when ``EVENTWIRE_WEB_ENABLED=false``: touching
``app.web`` would build a server that never starts.

>>> register(worker.app, worker.health)          # doctest: +SKIP
>>> # curl http://127.0.0.1:6066/readyz  -> 200 {"ok": true, ...} or 503
"""

from __future__ import annotations

import faust
from faust import web

from stream import metrics
from stream.health import Check, Health
from stream.settings import Settings

PATHS = ("/livez", "/readyz", "/metrics")


def base_url(settings: Settings) -> str:
    """Where the endpoints are served, for the start-up log line."""
    host = settings.web_host
    return f"http://{f'[{host}]' if ':' in host else host}:{settings.web_port}"


def register(app: faust.App, health: Health) -> None:
    """Add the three views to ``app``'s web server."""

    @app.page("/livez", name="eventwire_livez")
    async def livez(view: web.View, request: web.Request) -> web.Response:
        return _answer(view, health.liveness())

    @app.page("/readyz", name="eventwire_readyz")
    async def readyz(view: web.View, request: web.Request) -> web.Response:
        return _answer(view, health.readiness())

    @app.page("/metrics", name="eventwire_metrics")
    async def prometheus(view: web.View, request: web.Request) -> web.Response:
        # aiohttp rejects a charset inside content_type=, so pass the header.
        headers = {"Content-Type": metrics.CONTENT_TYPE}
        return view.bytes(metrics.exposition(), headers=headers)


def _answer(view: web.View, check: Check) -> web.Response:
    return view.json({"ok": check.ok, **check.detail}, status=check.status)
