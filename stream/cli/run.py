"""``eventwire run``: the worker (starts the embedded broker when none is set)."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from typing import Any

import faust

from stream import codec, web
from stream.app import Worker
from stream.cli.common import broker_for, err, fail, friendly, load_settings
from stream.errors import BrokerError, ExitCode
from stream.kafka import ensure_topics
from stream.seam import ExtractionSeam
from stream.settings import Settings
from stream.supervise import GraceTimer, wait_for_broker

READY = "eventwire worker ready"
TALLY = "partition tally:"
ASSIGNED = "partitions assigned:"
log = logging.getLogger(__name__)


@friendly
def run() -> None:
    """Run the worker: consume articles, produce events and dead letters.

    With no EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS, first starts the embedded
    development broker (in memory only) and prints its address. Stops on Ctrl-C.
    """
    started = time.perf_counter()
    settings = load_settings()
    seam = ExtractionSeam.from_settings(settings)  # fail fast, before joining the group
    with broker_for(settings) as bootstrap:
        try:
            serve(settings, bootstrap, seam, started)
        except BrokerError as exc:
            # Its own code: "the broker is gone", not "bad configuration".
            raise fail(str(exc), ExitCode.BROKER_UNAVAILABLE) from None


def serve(settings: Settings, bootstrap: str, seam: ExtractionSeam, started: float) -> None:
    """Create topics, then run Faust until stopped (blocks)."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(
        wait_for_broker(settings, bootstrap, lambda: ensure_topics(settings, bootstrap))
    )
    worker = Worker(settings, bootstrap, seam)
    _announce_ready(worker.app, settings, started)
    err.print(
        f"worker {settings.app_id}: {settings.input_topic} → {settings.output_topic} "
        f"(dead letters: {settings.dlq_topic}) on {bootstrap}, extractor {seam.extractor.name}"
    )
    if settings.web_enabled:
        url = web.base_url(settings)
        err.print(f"health and metrics: {url}/livez {url}/readyz {url}/metrics")
    try:
        GracefulWorker(
            worker.app, loop=loop, loglevel=settings.log_level, quiet=True,
            redirect_stdouts=False, grace_s=settings.shutdown_grace_s,
        ).execute_from_commandline()  # fmt: skip
    finally:
        # One line to reconcile against: consumed = processed + dead-lettered.
        tally = codec.dumps(worker.processor.tally.to_json()).decode()
        err.print(f"{TALLY} {tally}", soft_wrap=True, markup=False, highlight=False)


class GracefulWorker(faust.Worker):
    """Faust's worker, with a hard deadline on the shutdown a signal starts."""

    def __init__(self, *args: Any, grace_s: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.grace = GraceTimer(grace_s)

    def _schedule_shutdown(self, signal: signal.Signals) -> None:
        # mode's SIGTERM/SIGINT handlers both come through here.
        self.grace.start()
        super()._schedule_shutdown(signal)


def _announce_ready(app: faust.App, settings: Settings, started: float) -> None:
    # "Ready" = the consumer group gave us partitions: from here on articles
    # are processed. Printed once, with the time since the process started.
    announced = False

    def on_assigned(sender: Any, *args: Any, signal: Any, **kwargs: Any) -> None:
        nonlocal announced
        # Every rebalance, for operators (and the fault tests) to follow takeovers.
        assigned = sorted(f"{tp.topic}[{tp.partition}]" for tp in (args[0] if args else ()))
        log.info("%s %s", ASSIGNED, ", ".join(assigned) or "none")
        if not announced:
            announced = True
            elapsed = time.perf_counter() - started
            count = len(args[0]) if args else 0
            err.print(f"[green]{READY}[/] ({count} partitions) after {elapsed:.2f} s")

    # mode types receivers as positional-only `sender`; this one is compatible at runtime.
    app.on_partitions_assigned.connect(on_assigned)  # type: ignore[arg-type]
