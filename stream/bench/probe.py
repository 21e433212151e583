"""What a process costs: CPU seconds (all threads, user + system) and peak RSS."""

from __future__ import annotations

from pathlib import Path

import psutil


class ProcessProbe:
    """Reads one process's counters (the worker subprocess, or ourselves)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._process = psutil.Process(pid)

    def cpu_s(self) -> float:
        """CPU seconds used so far, user + system, every thread."""
        times = self._process.cpu_times()
        return float(times.user + times.system)

    def peak_rss_mb(self) -> float:
        """Peak resident set size so far (``VmHWM``), MiB; 0 when unreadable."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return 0.0
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
        return 0.0
