"""The benchmark's figures as rich tables."""

from __future__ import annotations

from typing import Any

from rich.table import Table

ROWS = (
    ("articles/s", "articles_per_s"),
    ("sentences/s", "sentences_per_s"),
    ("CPU s/article", "cpu_s_per_article"),
    ("latency p50 s", ("latency_s", "p50")),
    ("latency p95 s", ("latency_s", "p95")),
    ("latency p99 s", ("latency_s", "p99")),
    ("articles", "articles"),
)


def _cell(phase: dict[str, Any] | None, key: str | tuple[str, str]) -> str:
    if not phase:
        return "-"
    value = (phase.get(key[0]) or {}).get(key[1]) if isinstance(key, tuple) else phase.get(key)
    return "-" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def figures_table(report: dict[str, Any]) -> Table:
    """Rows: figures; columns: each run (absolute figures are this machine's)."""
    runs: dict[str, dict[str, Any] | None] = {
        "batched, max": report.get("batched", {}).get("max"),
        "batched, paced": report.get("batched", {}).get("paced"),
        "naive": report.get("naive", {}).get("max"),
        "extraction only": report.get("extract_only"),
    }
    runs = {name: phase for name, phase in runs.items() if phase}
    corpus, box = report["corpus"], report["machine"]
    title = f"eventwire bench: {corpus['articles']} articles, mean {corpus['mean_words']} words"
    title += f" (this machine: {box.get('cpu_model') or 'CPU ?'}, int8 {box.get('cpu_int8', '?')};"
    title += f" load {box['load_avg_1m']}→{box['load_avg_1m_end']})"
    table = Table(title=title)
    table.add_column("figure")
    for name in runs:
        table.add_column(name, justify="right")
    for label, key in ROWS:
        table.add_row(label, *(_cell(phase, key) for phase in runs.values()))
    for label, key in (("ready s", "ready_s"), ("peak RSS MiB", "peak_rss_mb")):
        table.add_row(label, *(_cell(_worker(report, name), key) for name in runs))
    return table


def _worker(report: dict[str, Any], run: str) -> dict[str, Any] | None:
    mode = run.split(",")[0]
    return report.get(mode) if mode in ("batched", "naive") else None


def targets_table(report: dict[str, Any]) -> Table:
    """Ratios, streaming overhead and the issue's targets, met or not."""
    ratios = report.get("ratios", {})
    caption = f"batched/naive: throughput ×{ratios.get('throughput', '-')}, "
    caption += f"CPU per article ×{ratios.get('cpu_per_article', '-')}; "
    caption += f"streaming overhead {report.get('streaming_overhead_pct', '-')} % CPU"
    table = Table(title="targets", caption=caption)
    for column in ("target", "bound", "measured", "met"):
        table.add_column(column)
    marks = {True: "[green]yes[/]", False: "[red]no[/]", None: "-"}
    for row in report["targets"]:
        value = "-" if row["value"] is None else f"{row['value']:g}"
        table.add_row(row["target"], row["bound"], value, marks[row["met"]])
    return table
