"""``eventwire schemas``: write the JSON Schemas of Article, Event and Cluster."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from stream import schemas as schema_files
from stream.cli.common import err, friendly


@friendly
def schemas(
    out: Annotated[Path, typer.Option(help="Directory to write into.")] = Path("schemas"),
) -> None:
    """Write JSON Schemas (draft 2020-12) for the Article, Event and Cluster messages."""
    for path in schema_files.write(out):
        err.print(f"wrote {path}")
