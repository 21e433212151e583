"""``eventwire run``: the worker (starts the embedded broker when none is set)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import faust

from stream import web
from stream.app import Worker
from stream.cli.common import broker_for, err, friendly, load_settings
from stream.kafka import ensure_topics
from stream.seam import ExtractionSeam
from stream.settings import Settings

READY = "eventwire worker ready"


@friendly
def run() -> None:
    """Run the worker: consume articles, produce events and dead letters.

    With no EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS, first starts the embedded
    in-memory development broker and prints its address. Stops on Ctrl-C.
    """
    started = time.perf_counter()
    settings = load_settings()
    seam = ExtractionSeam.from_settings(settings)  # fail fast, before joining the group
    with broker_for(settings) as bootstrap:
        serve(settings, bootstrap, seam, started)


def serve(settings: Settings, bootstrap: str, seam: ExtractionSeam, started: float) -> None:
    """Create topics, then run Faust until stopped (blocks)."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(ensure_topics(settings, bootstrap))
    worker = Worker(settings, bootstrap, seam)
    _announce_ready(worker.app, settings, started)
    err.print(
        f"worker {settings.app_id}: {settings.input_topic} → {settings.output_topic} "
        f"(dead letters: {settings.dlq_topic}) on {bootstrap}, extractor {seam.extractor.name}"
    )
    if settings.web_enabled:
        url = web.base_url(settings)
        err.print(f"health and metrics: {url}/livez {url}/readyz {url}/metrics")
    faust.Worker(
        worker.app, loop=loop, loglevel=settings.log_level, quiet=True, redirect_stdouts=False
    ).execute_from_commandline()


def _announce_ready(app: faust.App, settings: Settings, started: float) -> None:
    # "Ready" = the consumer group gave us partitions: from here on articles
    # are processed. Printed once, with the time since the process started.
    announced = False

    def on_assigned(sender: Any, *args: Any, signal: Any, **kwargs: Any) -> None:
        nonlocal announced
        if not announced:
            announced = True
            elapsed = time.perf_counter() - started
            count = len(args[0]) if args else 0
            err.print(f"[green]{READY}[/] ({count} partitions) after {elapsed:.2f} s")

    # mode types receivers as positional-only `sender`; this one is compatible at runtime.
    app.on_partitions_assigned.connect(on_assigned)  # type: ignore[arg-type]
