"""Read articles from files for ``publish`` and ``extract``.

Accepted inputs, by file name:

- ``*.txt``: the whole file is one article; its id is the file stem.
- ``*.json``: one article object, or an array of them.
- anything else (``*.jsonl``, ``-`` for stdin): one JSON object per line.

Evaluation gold lines (``{"article": {...}, "events": [...]}``) are unwrapped
to their article, so a gold file can be published or extracted directly.
A line that cannot be read is yielded as a :class:`BadLine`, never raised.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stream import codec
from stream.errors import InputFileError


@dataclass(frozen=True, slots=True)
class Record:
    """One JSON value read from ``origin`` (``path:line``)."""

    origin: str
    value: Any


@dataclass(frozen=True, slots=True)
class BadLine:
    """A line that is not JSON, with the reason."""

    origin: str
    reason: str


def unwrap(value: Any) -> Any:
    """The article inside a gold line; anything else unchanged."""
    if isinstance(value, dict) and isinstance(value.get("article"), dict) and "text" not in value:
        return value["article"]
    return value


def read_paths(paths: list[str]) -> Iterator[Record | BadLine]:
    """Every record of every path, in order; raises InputFileError for a missing file."""
    for name in paths:
        if name == "-":
            yield from _lines("<stdin>", sys.stdin.buffer.read())
            continue
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputFileError(f"cannot read {name}: {exc.strerror or exc}") from exc
        yield from _read_file(path, data)


def _read_file(path: Path, data: bytes) -> Iterator[Record | BadLine]:
    if path.suffix == ".txt":
        text = data.decode("utf-8", errors="replace").strip()
        yield Record(str(path), {"id": path.stem, "text": text})
    elif path.suffix == ".json":
        yield from _json_document(str(path), data)
    else:
        yield from _lines(str(path), data)


def _json_document(origin: str, data: bytes) -> Iterator[Record | BadLine]:
    try:
        value = codec.loads(data)
    except codec.DecodeError as exc:
        yield BadLine(origin, f"not JSON: {exc}")
        return
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        yield Record(f"{origin}[{index}]", unwrap(item))


def _lines(origin: str, data: bytes) -> Iterator[Record | BadLine]:
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield Record(f"{origin}:{number}", unwrap(codec.loads(line)))
        except codec.DecodeError as exc:
            yield BadLine(f"{origin}:{number}", f"not JSON: {exc}")
