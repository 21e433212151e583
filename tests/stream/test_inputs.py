"""Reading articles from files for ``publish`` and ``extract``."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from stream.cli.inputs import BadLine, Record, read_paths
from stream.errors import InputFileError


def test_every_file_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "note-7.txt").write_text("  Leaders met.\n", encoding="utf-8")
    (tmp_path / "many.json").write_text('[{"id": "j1", "text": "a"}, {"id": "j2", "text": "b"}]')
    (tmp_path / "gold.jsonl").write_text(
        '{"article": {"id": "g1", "text": "x"}, "events": []}\n\n{oops\n', encoding="utf-8"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "t"}\n')))
    names = ["note-7.txt", "many.json", "gold.jsonl"]
    items = list(read_paths([str(tmp_path / n) for n in names] + ["-"]))
    records = [i.value for i in items if isinstance(i, Record)]
    assert records == [
        {"id": "note-7", "text": "Leaders met."},
        {"id": "j1", "text": "a"},
        {"id": "j2", "text": "b"},
        {"id": "g1", "text": "x"},
        {"id": "s1", "text": "t"},
    ]
    bad = [i for i in items if isinstance(i, BadLine)]
    assert len(bad) == 1 and bad[0].origin.endswith("gold.jsonl:3")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="cannot read"):
        list(read_paths([str(tmp_path / "nope.jsonl")]))
