"""``eventwire view`` (or ``demo --view``) as a child process, run as a user would."""

from __future__ import annotations

import collections
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence

_URL = re.compile(r"view: (http://\S+/)")


class ViewProcess:
    """Starts the command, waits for the line with the page's URL, stops it on SIGINT."""

    def __init__(self, args: Sequence[str], env: Mapping[str, str] | None = None) -> None:
        clean = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "stream", *args],
            env={**clean, "COLUMNS": "300", **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: collections.deque[str] = collections.deque(maxlen=500)
        self.url = ""
        self._found = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip())
            match = _URL.search(line)
            if match and not self.url:
                self.url = match.group(1)
                self._found.set()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip())

    def wait_for_url(self, timeout_s: float) -> str:
        deadline = time.monotonic() + timeout_s
        while not self._found.wait(0.1):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError("no URL printed:\n" + "\n".join(self.lines))
        return self.url

    def stop(self, timeout_s: float = 30.0) -> int:
        """Ctrl-C, as a user stops it; the exit code (killed after ``timeout_s``)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode
