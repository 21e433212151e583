"""Run ``eventwire run`` as a child process and wait until it is ready.

Used by ``demo`` (and the integration tests): a separate process keeps the
worker's Faust event loop and signal handling exactly as in production.
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence

from stream.cli.run import READY
from stream.errors import EventwireError


class WorkerProcess:
    """A worker child process connected to ``bootstrap``."""

    def __init__(
        self,
        bootstrap: str,
        env: Mapping[str, str] | None = None,
        argv: Sequence[str] = ("-m", "stream", "run"),
    ) -> None:
        self.argv = list(argv)  # after the interpreter; default: `eventwire run`
        self.env = {
            **os.environ,
            **(env or {}),
            "EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        }
        self.lines: collections.deque[str] = collections.deque(maxlen=200)
        self._ready = threading.Event()
        self._process: subprocess.Popen[str] | None = None
        self.ready_after_s = 0.0

    def start(self, timeout_s: float = 60.0) -> WorkerProcess:
        """Start and block until the worker reports ready; raises EventwireError."""
        started = time.perf_counter()
        self._process = subprocess.Popen(
            [sys.executable, *self.argv],
            env={**self.env, "COLUMNS": "200"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        while not self._ready.wait(0.05):
            if self._process.poll() is not None or time.perf_counter() - started > timeout_s:
                last = next((x for x in reversed(self.lines) if "error" in x.lower()), "")
                self.stop()
                raise EventwireError(f"worker did not become ready: {last or 'timed out'}")
        self.ready_after_s = time.perf_counter() - started
        return self

    @property
    def pid(self) -> int:
        """The child's process id (raises if not started)."""
        assert self._process is not None, "not started"
        return self._process.pid

    @property
    def running(self) -> bool:
        """True while the child has not exited."""
        return self._process is not None and self._process.poll() is None

    def _read(self) -> None:
        assert self._process is not None and self._process.stderr is not None
        for line in self._process.stderr:
            self.lines.append(line.rstrip())
            if READY in line:
                self._ready.set()

    def stop(self, timeout_s: float = 15.0) -> int | None:
        """SIGTERM, then SIGKILL after ``timeout_s``; returns the exit code."""
        if self._process is None:
            return None
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        return self._process.returncode
