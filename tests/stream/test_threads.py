"""The default torch thread count respects a container's CPU quota."""

from __future__ import annotations

import os
from pathlib import Path

from stream.settings import _default_threads


def test_cgroup_quota_caps_the_affinity(tmp_path: Path) -> None:
    cpu_max = tmp_path / "cpu.max"
    cpu_max.write_text("100000 100000\n")
    assert _default_threads(cpu_max) == 1


def test_no_quota_means_affinity(tmp_path: Path) -> None:
    cpu_max = tmp_path / "cpu.max"
    cpu_max.write_text("max 100000\n")
    assert _default_threads(cpu_max) == len(os.sched_getaffinity(0))
    assert _default_threads(tmp_path / "missing") == len(os.sched_getaffinity(0))


def test_fractional_quota_rounds_down_but_not_to_zero(tmp_path: Path) -> None:
    cpu_max = tmp_path / "cpu.max"
    cpu_max.write_text("50000 100000\n")
    assert _default_threads(cpu_max) == 1
