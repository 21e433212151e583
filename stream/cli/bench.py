"""``eventwire bench``: throughput and latency, batched worker vs the naive baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

from stream.bench.corpus import SHARED_NEWS
from stream.cli.common import broker_for, err, friendly, load_settings, out, progress_bar


@friendly
def bench(
    articles: Annotated[
        int, typer.Option("-n", "--articles", min=1, help="Measured articles.")
    ] = 300,
    naive_articles: Annotated[
        int | None,
        typer.Option(
            "--naive-n",
            min=1,
            help="Articles for the naive run (default: the same as -n); fewer "
            "are an evenly spaced sample of the corpus.",
        ),
    ] = None,
    naive: Annotated[
        str,
        typer.Option(
            help="The naive baseline: plain (no speed work: every sentence, PyTorch eager, "
            "fp32) or same-extractor (the batched worker's extractor settings)."
        ),
    ] = "plain",
    warmup: Annotated[int, typer.Option(min=1, help="Warm-up articles, not measured.")] = 16,
    rate: Annotated[
        float | None,
        typer.Option(min=0.01, help="Paced phase, articles/s (default: half the max)."),
    ] = None,
    no_kafka: Annotated[
        bool, typer.Option("--no-kafka", help="Extraction alone, in process: no broker.")
    ] = False,
    quick: Annotated[
        bool,
        typer.Option(
            help="A short run for CI: 12 articles at most, 4 to warm up.", show_default=False
        ),
    ] = False,
    corpus_dir: Annotated[
        Path, typer.Option(help="Extra news JSONL files (ar/en), used when present.")
    ] = SHARED_NEWS,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write every figure to this file.")
    ] = None,
    long_articles: Annotated[
        bool,
        typer.Option(
            "--long-articles",
            help="Instead: extraction time per article against its length (10 to 5,000 "
            "sentences of real ar/en news from --corpus-dir, one-word lines, a text with no "
            "sentence end), each article alone, in this process; no broker.",
            show_default=False,
        ),
    ] = False,
    plot: Annotated[
        Path | None,
        typer.Option(help="With --long-articles: also draw the curve into this PNG file."),
    ] = None,
) -> None:
    """Benchmark end to end through a broker (embedded unless
    EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS is set): the batched worker at full speed
    and at half of it, the naive baseline (one article at a time on the event
    loop), and extraction alone; prints figures, ratios and the targets.
    With --long-articles: the time per article against its length instead.
    """
    if long_articles:
        _long(corpus_dir, json_path, plot)
        return
    if plot is not None:
        raise typer.BadParameter("--plot draws the --long-articles curve only")
    # Imported here: stream.bench uses stream.cli's WorkerProcess (no import cycle).
    from stream.bench.render import figures_table, targets_table
    from stream.bench.runner import NAIVE_ENV, BenchOptions

    if naive not in NAIVE_ENV:
        raise typer.BadParameter(f"--naive must be one of {', '.join(NAIVE_ENV)}")
    settings = load_settings(client=True)
    n = min(articles, 12) if quick else articles
    naive_n = naive_articles or n
    options = BenchOptions(
        n=n, naive_n=min(naive_n, n), naive=naive,
        warmup=4 if quick else warmup, rate=rate,
        kafka=not no_kafka, shared=corpus_dir,
    )  # fmt: skip
    report = _run(settings, options)
    out.print(figures_table(report))
    out.print(targets_table(report))
    if json_path is not None:
        json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        err.print(f"figures written to {json_path}")


def _long(corpus_dir: Path, json_path: Path | None, plot: Path | None) -> None:
    """The long-article curve: table on stdout, figures and plot where asked."""
    from stream.bench.curve import curve_table, plot_curve
    from stream.bench.long import run_long

    settings = load_settings(client=True)
    with progress_bar(TextColumn("{task.description}")) as progress:
        task = progress.add_task("long articles: loading the extractor")
        try:
            report = run_long(settings, corpus_dir, progress=lambda text: progress.update(
                task, description=f"long articles: {text}"))  # fmt: skip
        except FileNotFoundError as exc:
            raise typer.BadParameter(f"needs the shared news files: {exc}") from None
    out.print(curve_table(report))
    if json_path is not None:
        json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        err.print(f"figures written to {json_path}")
    if plot is not None:
        plot_curve(report, plot)
        err.print(f"plot written to {plot}")


def _run(settings: Any, options: Any) -> dict[str, Any]:
    from stream.bench.runner import run_bench
    from stream.bench.traffic import Progress as Advance

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    with progress_bar(*columns) as progress:

        def bar(description: str, total: int) -> Advance:
            task = progress.add_task(description, total=total)
            return lambda done: progress.advance(task, done)

        def note(text: str) -> None:
            progress.console.print(f"[dim]{text}[/]")

        if not options.kafka:
            return run_bench(settings, None, options, bar, note)
        with broker_for(settings) as bootstrap:
            return run_bench(settings, bootstrap, options, bar, note)
