"""Process-level supervision: broker reachability, shutdown grace.

Infrastructure failures must end the process loudly, with a distinct exit code
(:class:`stream.errors.ExitCode`), after a bounded, logged wait: never idle
forever, never a tight crash loop that hides the cause.

* :func:`wait_for_broker` — at start, retry creating the topics with
  exponential backoff for up to ``broker_wait_s``, one log line per attempt.
* :class:`BrokerWatch` — while running, a cheap TCP probe of the bootstrap
  servers every second; unreachable for ``broker_wait_s`` → exit. (aiokafka
  itself retries a lost broker forever, logging at most.)
* :class:`GraceTimer` — after SIGTERM, a plain thread that ends the process if
  shutdown outlives ``shutdown_grace_s`` (a stuck event loop cannot stop it).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Awaitable, Callable

from stream.errors import BrokerError, ExitCode
from stream.kafka import bootstrap_list
from stream.settings import Settings

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 5.0
PROBE_INTERVAL_S = 1.0


def backoff_s(attempt: int) -> float:
    """0.5, 1, 2, 4, 5, 5, … seconds: bounded exponential backoff."""
    return float(min(MAX_BACKOFF_S, 0.5 * 2**attempt))


async def wait_for_broker(
    settings: Settings, bootstrap: str, connect: Callable[[], Awaitable[None]]
) -> None:
    """Run ``connect`` until it succeeds or ``broker_wait_s`` has passed.

    Raises :class:`BrokerError` (the last cause included) when time runs out.
    """
    deadline = time.monotonic() + settings.broker_wait_s
    attempt = 0
    while True:
        try:
            await connect()
            return
        except BrokerError as exc:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrokerError(
                    f"broker {bootstrap} unreachable for {settings.broker_wait_s:g} s "
                    f"(broker_wait_s), giving up: {exc}"
                ) from exc
            pause = min(backoff_s(attempt), left)
            log.warning(
                "broker %s unreachable (attempt %d), retrying in %.1f s: %s",
                bootstrap, attempt + 1, pause, exc,
            )  # fmt: skip
            await asyncio.sleep(pause)
            attempt += 1


async def reachable(bootstrap: str, timeout_s: float = 1.0) -> bool:
    """True if any bootstrap server accepts a TCP connection."""
    for server in bootstrap_list(bootstrap):
        host, _, port = server.rpartition(":")
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), timeout_s)
        except (OSError, TimeoutError, ValueError):
            continue
        writer.close()
        return True
    return False


class BrokerWatch:
    """Calls ``on_lost`` once no bootstrap server answered for ``broker_wait_s``."""

    def __init__(
        self, settings: Settings, bootstrap: str, on_lost: Callable[[str, ExitCode], None]
    ) -> None:
        self.bootstrap = bootstrap
        self.wait_s = settings.broker_wait_s
        self.on_lost = on_lost
        self.last_seen = time.monotonic()
        self.down = False

    async def probe(self) -> None:
        """One check; meant to run every :data:`PROBE_INTERVAL_S`."""
        if await reachable(self.bootstrap):
            if self.down:
                log.warning("broker %s reachable again", self.bootstrap)
            self.down, self.last_seen = False, time.monotonic()
            return
        gone = time.monotonic() - self.last_seen
        if not self.down:
            self.down = True
            log.error("broker %s unreachable; giving up after %g s", self.bootstrap, self.wait_s)
        if gone > self.wait_s:
            reason = f"broker {self.bootstrap} unreachable for {gone:.0f} s (broker_wait_s)"
            self.on_lost(reason, ExitCode.BROKER_UNAVAILABLE)


class GraceTimer:
    """Ends the process with ``SHUTDOWN_TIMEOUT`` if shutdown takes too long."""

    def __init__(self, grace_s: float) -> None:
        self.grace_s = grace_s
        self._timer: threading.Timer | None = None

    def start(self) -> None:
        """Start counting (idempotent: a second signal does not extend the grace)."""
        if self._timer is None:
            log.warning("stopping: %g s to finish the in-flight batch", self.grace_s)
            self._timer = threading.Timer(self.grace_s, self._expire)
            self._timer.daemon = True
            self._timer.start()

    def _expire(self) -> None:
        log.critical("shutdown exceeded shutdown_grace_s=%g s; exiting", self.grace_s)
        logging.shutdown()
        os._exit(ExitCode.SHUTDOWN_TIMEOUT)
