"""``eventwire extract``: the worker's extractor on files, with no Kafka."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from models.schema import Article
from stream import codec
from stream.cli.common import err, friendly, load_settings, progress_bar
from stream.cli.inputs import BadLine, read_paths
from stream.errors import InputFileError
from stream.seam import Failure, extract_isolated, load_extractor
from stream.validation import InvalidArticle, validate_object


@friendly
def extract(
    input_: Annotated[
        str, typer.Option("--input", "-i", help="JSONL of articles or gold lines; - = stdin.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file of events.")],
) -> None:
    """Extract events from a file of articles: one event per output line.

    Uses the same extractor and validation as the worker. Output is what
    shared/eval/score.py reads as predictions. Bad lines and articles whose
    extraction fails are reported on stderr and skipped.
    """
    settings = load_settings()
    articles = list(_articles(input_, settings.max_text_chars))
    extractor = load_extractor(settings)
    size = settings.batch_max_size
    events = failed = 0
    try:
        sink = output.open("wb")
    except OSError as exc:
        raise InputFileError(f"cannot write {output}: {exc.strerror or exc}") from exc
    with sink, progress_bar() as progress:
        task = progress.add_task("extracting", total=len(articles))
        for start in range(0, len(articles), size):
            chunk = articles[start : start + size]
            for article, outcome in zip(chunk, extract_isolated(extractor, chunk), strict=True):
                if isinstance(outcome, Failure):
                    failed += 1
                    err.print(
                        f"[red]extraction failed[/] {article.id}: {outcome.error}: {outcome.detail}"
                    )
                    continue
                events += len(outcome)
                sink.writelines(codec.dumps_line(event) for event in outcome)
            progress.advance(task, len(chunk))
    err.print(f"[green]{len(articles)} articles → {events} events[/] in {output} ({failed} failed)")
    if failed:
        raise typer.Exit(1)


def _articles(path: str, max_chars: int) -> Iterator[Article]:
    for item in read_paths([path]):
        if isinstance(item, BadLine):
            err.print(f"[yellow]skipped[/] {item.origin}: {item.reason}")
            continue
        try:
            yield validate_object(item.value, max_chars=max_chars)
        except InvalidArticle as exc:
            err.print(f"[yellow]skipped[/] {item.origin}: {exc.reason}: {exc}")
