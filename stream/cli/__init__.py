"""The ``eventwire`` command line. Each command lives in its own module.

To add a command, write ``stream/cli/<name>.py`` with a function and register
it in :data:`COMMANDS` below.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from typing import Any

import typer

from stream.cli import (
    bench,
    bench_clusters,
    demo,
    eval_clusters,
    evaluate,
    extract,
    prepare,
    publish,
    run,
    schemas,
    tail,
    train,
    view,
)

app = typer.Typer(
    name="eventwire",
    help="Streaming extraction of MEETING, VISIT and ARMS_TRANSFER events from news on Kafka.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def short_help(command: Callable[..., Any]) -> str:
    """The first paragraph of ``command``'s docstring, on one line: the command
    list of typer's rich help would otherwise keep the docstring's line breaks,
    mid-sentence."""
    first = inspect.cleandoc(command.__doc__ or "").split("\n\n")[0]
    return " ".join(first.split())


COMMANDS: dict[str, Callable[..., Any]] = {
    "run": run.run,
    "publish": publish.publish,
    "tail": tail.tail,
    "view": view.view,
    "extract": extract.extract,
    "demo": demo.demo,
    "schemas": schemas.schemas,
    "eval": evaluate.evaluate,
    "eval-clusters": eval_clusters.eval_clusters,
    "train": train.train,
    "prepare-model": prepare.prepare_model,
    "bench": bench.bench,
    "bench-clusters": bench_clusters.bench_clusters,
}
for name, command in COMMANDS.items():
    app.command(name, short_help=short_help(command))(command)


def plain_help(plain: bool) -> None:
    """Plain help (click's) instead of rich panels. Piped or redirected there is
    no screen to fit: rich would still draw 80-column panels, break phrases
    across them and cut long names with "…"; click's help wraps between words."""
    app.rich_markup_mode = None if plain else "rich"


def main() -> None:
    """Console-script entry point."""
    plain_help(not sys.stdout.isatty())
    app()
