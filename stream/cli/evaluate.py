"""``eventwire eval``: extract a gold file's articles and score them like shared/eval/score.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from models.evaluation.run import format_report, predict, read_gold, score_events
from models.schema import Article
from stream import codec
from stream.cli.common import err, friendly, load_settings
from stream.errors import InputFileError
from stream.seam import load_extractor


@friendly
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: {article, events} per line.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Also write the predictions (JSONL).")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the whole result as JSON.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="List misses and false positives.")
    ] = False,
) -> None:
    """Score the configured extractor on a gold file (same figures as shared/eval/score.py).

    Prints precision, recall and F1 overall, per type, per language and per
    type/language; status, date and meeting-place accuracy on matched events;
    and the article-level type score.
    """
    settings = load_settings()
    try:
        lines = read_gold(gold)
    except OSError as exc:
        raise InputFileError(f"cannot read {gold}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise InputFileError(str(exc)) from exc
    articles = [Article.model_validate(line["article"]) for line in lines]
    extractor = load_extractor(settings)
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=len(articles))
        events = predict(
            extractor, articles, settings.batch_max_size, lambda n: progress.advance(task, n)
        )
    if output:
        output.write_bytes(b"".join(codec.dumps_line(e) for e in events))
    result = score_events(lines, events)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if verbose:
        for entry in result["log"]:
            typer.echo(entry)
    for line in format_report(result):
        typer.echo(line)
