"""The benchmark's figures as JSON, the naive-vs-batched ratios, and the targets."""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

from stream.bench.stats import Phase, WorkerFigures
from stream.settings import Settings

# Issue 5's targets (2 cores): (name, figure path, comparison, bound).
TARGETS = (
    ("throughput vs naive", ("ratios", "throughput"), ">=", 10.0),
    ("articles/s, batched", ("batched", "max", "articles_per_s"), ">=", 5.0),
    ("p99 latency at half max rate, s", ("batched", "paced", "latency_s", "p99"), "<=", 2.0),
    ("worker peak RSS, MiB", ("batched", "peak_rss_mb"), "<=", 1536.0),
    ("ready after start, s", ("batched", "ready_s"), "<=", 15.0),
    ("streaming overhead, % CPU", ("streaming_overhead_pct",), "<=", 10.0),
)


# The int8 encoder's speed (and, before session.x64quantprecision, its numbers) depends on
# which int8 dot-product instructions the CPU has: the best one present names the machine.
_INT8_FLAGS = (
    ("amx_int8", "AMX"),
    ("avx512_vnni", "AVX-512 VNNI"),
    ("avx_vnni", "AVX-VNNI"),
    ("avx512bw", "AVX-512, no VNNI"),
    ("avx2", "AVX2, no VNNI"),
)


def int8_level(flags: set[str]) -> str:
    """The best int8 instruction set among a CPU's flags (``/proc/cpuinfo``)."""
    return next((name for flag, name in _INT8_FLAGS if flag in flags), "unknown")


def _cpuinfo() -> tuple[str, set[str]]:
    """The CPU's model name and flags; empty where /proc/cpuinfo cannot be read."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return "", set()
    fields: dict[str, str] = {}
    for line in lines:
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
    return fields.get("model name", ""), set(fields.get("flags", "").split())


def machine() -> dict[str, Any]:
    """The machine the figures belong to, with its load right now."""
    model, flags = _cpuinfo()
    return {
        "cpus_usable": len(os.sched_getaffinity(0)),
        "cpu_model": model,
        "cpu_int8": int8_level(flags) if flags else "unknown",
        "python": platform.python_version(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }


def _ratio(top: float, bottom: float) -> float | None:
    return round(top / bottom, 2) if bottom > 0 else None


def _lookup(report: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = report
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with its measured value and whether it is met (None: not measured)."""
    out = []
    for name, path, op, bound in TARGETS:
        value = _lookup(report, path)
        met = None if value is None else (value >= bound if op == ">=" else value <= bound)
        out.append({"target": name, "bound": f"{op} {bound:g}", "value": value, "met": met})
    return out


def build_report(
    settings: Settings,
    options: dict[str, Any],
    corpus: dict[str, Any],
    workers: dict[str, WorkerFigures],
    alone: Phase,
    load_s: float,
    machine_at_start: dict[str, Any],
) -> dict[str, Any]:
    """All figures: per worker and phase, extraction alone, ratios, overhead, targets."""
    report: dict[str, Any] = {
        "machine": machine_at_start | {"load_avg_1m_end": machine()["load_avg_1m"]},
        "settings": settings.model_dump(
            include={
                "batch_max_size",
                "batch_within_s",
                "torch_threads",
                "omp_wait_policy",
                "extractor",
                "encoder_scope",
                "encoder_runtime",
                "max_sentences",
            }
        ),
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in options.items()},
        "corpus": corpus,
        "extract_only": alone.figures() | {"load_s": round(load_s, 2)},
    }
    report |= {mode: figures.figures() for mode, figures in workers.items()}
    if "batched" in workers and "naive" in workers:
        batched, naive = report["batched"]["max"], report["naive"]["max"]
        report["ratios"] = {
            "throughput": _ratio(batched["articles_per_s"], naive["articles_per_s"]),
            "cpu_per_article": _ratio(naive["cpu_s_per_article"], batched["cpu_s_per_article"]),
        }
        streamed = batched["cpu_s_per_article"]
        overhead = (streamed - report["extract_only"]["cpu_s_per_article"]) / streamed * 100
        report["streaming_overhead_pct"] = round(overhead, 1)
    report["targets"] = targets(report)
    return report
