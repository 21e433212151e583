"""``eventwire eval``: extract gold files' articles and score them like shared/eval/score.py,
with an ablation (the lexicon baseline beside the configured extractor) for each file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from models.base import Extractor
from models.evaluation.behaviour import capability_rates, format_rates
from models.evaluation.run import format_report, predict, read_gold, score_events
from models.schema import Article
from stream import codec
from stream.cli.common import friendly, load_settings, progress_bar
from stream.errors import InputFileError
from stream.seam import load_extractor
from stream.settings import Settings


def _read(gold: Path) -> list[dict[str, Any]]:
    try:
        return read_gold(gold)
    except OSError as exc:
        raise InputFileError(f"cannot read {gold}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise InputFileError(str(exc)) from exc


def _run(extractor: Extractor, lines: list[dict[str, Any]], batch: int, label: str) -> list[Any]:
    articles = [Article.model_validate(line["article"]) for line in lines]
    with progress_bar() as progress:
        task = progress.add_task(label, total=len(articles))
        return predict(extractor, articles, batch, lambda n: progress.advance(task, n))


def _row(name: str, result: dict[str, Any]) -> str:
    ev = result["events"].get("all", {"p": 0.0, "r": 0.0, "f1": 0.0})
    return (
        f"{name:<13}{ev['p']:>7.3f}{ev['r']:>7.3f}{ev['f1']:>7.3f}"
        f"{result['status_accuracy'] or 0:>9.3f}{result['date_accuracy'] or 0:>7.3f}"
    )


@friendly
def evaluate(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold JSONL files: {article, events} per line.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Also write the predictions (JSONL; one file only)."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the whole result as JSON (one object per file).")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="List misses and false positives.")
    ] = False,
    ablation: Annotated[
        bool, typer.Option(help="Also score the lexicon baseline and print both (the ablation).")
    ] = True,
) -> None:
    """Score the configured extractor on gold files (same figures as shared/eval/score.py).

    For each file: precision, recall and F1 overall, per type, per language and
    per type/language; status, date and meeting-place accuracy on matched
    events; the article-level type score; for behavioural suites (lines with a
    "capability" tag) the pass rate per capability; then the ablation — the
    lexicon baseline (no encoder, no learned core) against the configured extractor.
    """
    settings = load_settings()
    if output and len(gold) > 1:
        raise typer.BadParameter("--output takes one gold file")
    golds = [(path, _read(path)) for path in gold]
    main = load_extractor(settings)
    baseline = _baseline(settings) if ablation and settings.extractor != "lexicon" else None
    for path, lines in golds:
        _one(path, lines, main, baseline, settings, output, as_json, verbose)


def _baseline(settings: Settings) -> Extractor:
    return load_extractor(settings.model_copy(update={"extractor": "lexicon"}))


def _one(
    path: Path,
    lines: list[dict[str, Any]],
    main: Extractor,
    baseline: Extractor | None,
    settings: Settings,
    output: Path | None,
    as_json: bool,
    verbose: bool,
) -> None:
    events = _run(main, lines, settings.batch_max_size, f"extracting {path.name}")
    if output:
        output.write_bytes(b"".join(codec.dumps_line(e) for e in events))
    result = score_events(lines, events)
    if any("capability" in line for line in lines):  # a behavioural suite: pass rate per capability
        result["capabilities"] = capability_rates(
            lines, [e.model_dump(mode="json") for e in events]
        )
    base = score_events(lines, _run(baseline, lines, 8, "lexicon baseline")) if baseline else None
    if as_json:
        payload = {"gold": str(path), **result}
        if base is not None:
            payload["ablation"] = {"lexicon": {k: base[k] for k in base if k != "log"}}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(f"== {path}")
    if verbose:
        for entry in result["log"]:
            typer.echo(entry)
    for line in format_report(result):
        typer.echo(line)
    if "capabilities" in result:
        for line in format_rates(result["capabilities"]):
            typer.echo(line)
    if base is not None:
        typer.echo(_ablation(settings.extractor, result, base))


def _ablation(name: str, result: dict[str, Any], base: dict[str, Any]) -> str:
    rows: Sequence[str] = (
        f"ablation      {'P':>7}{'R':>7}{'F1':>7}{'status':>9}{'date':>7}",
        _row("lexicon", base),
        _row(name, result),
    )
    return "\n".join(rows)
