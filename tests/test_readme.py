"""The README stays true to the code: every setting and command is documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

from models.s3_times.anchor import Anchor
from models.s3_times.dates import normalise_time
from stream.cli import app
from stream.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_configuration_table() -> None:
    missing = [
        f"EVENTWIRE_{name.upper()}"
        for name in Settings.model_fields
        if f"`EVENTWIRE_{name.upper()}`" not in README
    ]
    assert not missing, f"README lacks {missing}"


def test_every_cli_command_is_documented() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    missing = [n for n in names if f"`{n}" not in README]
    assert not missing, f"README lacks {missing}"


def _table(header_start: str) -> list[list[str]]:
    """The body rows of the README table whose header row starts with ``header_start``."""
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_published_at_forms_table_matches_the_parser() -> None:
    rows = _table("| form | example | precision |")
    assert len(rows) == 7
    for _form, examples, precision in rows:
        for example in re.findall(r"`([^`]+)`", examples):
            value = json.loads(example)  # written as JSON: "2015" a string, 1705399200 a number
            assert Anchor.parse(value).precision == precision, example


def test_relative_dates_table_matches_the_resolver() -> None:
    rows = _table('| in an article of `published_at` | "yesterday"')
    exprs = ["yesterday", "Tuesday", "today", "in October", "last year"]
    assert len(rows) == 3
    for published_cell, *cells in rows:
        anchor = Anchor.parse(json.loads(re.findall(r"`([^`]+)`", published_cell)[0]))
        for expr, cell in zip(exprs, cells, strict=True):
            values = re.findall(r"`([^`]+)`", cell)
            precision = re.search(r"\((\w+)\)", cell)
            assert precision is not None, cell
            expected = (values[0], values[-1], precision.group(1))
            assert normalise_time(expr, "en", anchor) == expected, (published_cell, expr)
