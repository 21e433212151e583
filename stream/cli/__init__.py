"""The ``eventwire`` command line. Each command lives in its own module.

To add a command, write ``stream/cli/<name>.py`` with a function and register
it in :data:`COMMANDS` below.
"""

from __future__ import annotations

import typer

from stream.cli import bench, demo, evaluate, extract, prepare, publish, run, schemas, tail, train

app = typer.Typer(
    name="eventwire",
    help="Streaming extraction of MEETING, VISIT and ARMS_TRANSFER events from news on Kafka.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMANDS = (run.run, publish.publish, tail.tail, extract.extract, demo.demo, schemas.schemas)
for command in COMMANDS:
    app.command()(command)
app.command("eval")(evaluate.evaluate)
app.command("train")(train.train)
app.command("prepare-model")(prepare.prepare_model)
app.command("bench")(bench.bench)


def main() -> None:
    """Console-script entry point."""
    app()
