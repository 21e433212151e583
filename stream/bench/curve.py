"""The long-article curve (:mod:`stream.bench.long`) as a table and as a PNG plot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table

COLUMNS = (
    ("series", "series"),
    ("N", "size"),
    ("sentences", "sentences"),
    ("sentence ends", "sentence_ends"),
    ("UTF-8 kB", "utf8_kb"),
    ("s per article", "wall_s"),
    ("CPU s", "cpu_s"),
    ("ms per sentence", "ms_per_sentence"),
    ("events", "events"),
)


def curve_table(report: dict[str, Any]) -> Table:
    """One row per article of the curve; a point over the time budget is red."""
    limits, box = report["limits"], report["machine"]
    title = f"long articles, {report['extractor']} extractor"
    title += f" (this machine: {box.get('cpu_model') or 'CPU ?'}, int8 {box.get('cpu_int8', '?')};"
    title += f" load {box['load_avg_1m']}→{box['load_avg_1m_end']})"
    caption = (
        f"limits: {limits['max_sentences']} sentence ends, {limits['max_text_chars']} chars, "
        f"{limits['max_extract_s']:g} s per article"
    )
    table = Table(title=title, caption=caption)
    for name, _ in COLUMNS:
        table.add_column(name, justify="left" if name == "series" else "right")
    for point in report["points"]:
        over = point["wall_s"] > limits["max_extract_s"]
        cells = [f"{point[key]:g}" if isinstance(point[key], float) else str(point[key])
                 for _, key in COLUMNS]  # fmt: skip
        table.add_row(*cells, style="red" if over else None)
    return table


def plot_curve(report: dict[str, Any], path: Path) -> None:
    """Write seconds per article against sentences, log-log, one line per series, with
    the time budget as a horizontal line. Raises ImportError without matplotlib (a
    dev dependency: ``pip install -e '.[dev]'``)."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display here or in CI
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7.5, 4.5), dpi=120)
    for series in dict.fromkeys(p["series"] for p in report["points"]):
        points = [p for p in report["points"] if p["series"] == series]
        axes.plot([p["size"] for p in points], [p["wall_s"] for p in points],
                  marker="o", label=series)  # fmt: skip
    budget = report["limits"]["max_extract_s"]
    axes.axhline(budget, color="grey", linestyle="--", label=f"budget {budget:g} s")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("N: sentences of real text the article holds (lines for one-word lines)")
    axes.set_ylabel("extraction time per article, s")
    box = report["machine"]
    axes.set_title(f"{report['extractor']} extractor, {box['cpus_usable']} CPUs")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
