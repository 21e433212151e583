"""What the entity rules derive from the annotations for training, kept as data.

Training reads every event line with the gazetteer's mentions (more role candidates, and
what each is known as), and adds two copies of every line whose parties are people, the
names swapped for invented ones. Both come from stage 2's rules, which keep changing:
derived afresh at each run, one rule change would change the training set, and the
shipped weights would silently stop being what ``eventwire train`` makes (the seventh
session's name rules changed 2,184 of the 3,106 renamed copies). So they are derived
once, by ``eventwire train --derive``, into ``models/data/derived/`` and committed;
training reads them, and refuses them when the annotations have changed under them.

``renamed-seed{N}.jsonl``: the renamed copies, in the annotation format, each with ``of``
(a hash of the line it copies). ``mentions-seed{N}.jsonl``: ``{"id", "text", "mentions"}``
per training line and copy, ``text`` a hash of the line's text, ``mentions``
``[start, end, kind]`` triples.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from models.s6_core.data import AnnotationError, Line, line_json, parse_line

FOLDER = "derived"
Found = list[tuple[int, int, str]]


@dataclass(frozen=True)
class Derived:
    renamed: list[Line]
    mentions: dict[str, Found]  # line id → its mentions


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _of(line: Line) -> str:
    return _digest(json.dumps(line_json(line), ensure_ascii=False, sort_keys=True))


def _paths(folder: Path, seed: int) -> tuple[Path, Path]:
    return folder / f"renamed-seed{seed}.jsonl", folder / f"mentions-seed{seed}.jsonl"


def write_derived(
    folder: Path, seed: int, train: Sequence[Line], renamed: Sequence[Line], found: dict[str, Found]
) -> None:
    """Write the renamed copies of ``train`` and every line's mentions for ``seed``."""
    folder.mkdir(parents=True, exist_ok=True)
    by_id = {line.id: line for line in train}
    renamed_path, mentions_path = _paths(folder, seed)
    with renamed_path.open("w", encoding="utf-8") as fh:
        for copy in renamed:
            row = {**line_json(copy), "of": _of(by_id[_base(copy.id)])}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with mentions_path.open("w", encoding="utf-8") as fh:
        for line in [*train, *renamed]:
            row = {"id": line.id, "text": _digest(line.text), "mentions": found[line.id]}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_derived(folder: Path, seed: int, train: Sequence[Line]) -> Derived | None:
    """The stored copies and mentions for ``train`` and ``seed``; None when none are stored.

    Raises AnnotationError, naming a line, when they no longer fit the annotations (a
    line added, edited or removed since they were derived).
    """
    renamed_path, mentions_path = _paths(folder, seed)
    if not renamed_path.is_file() or not mentions_path.is_file():
        return None
    by_id = {line.id: line for line in train}
    renamed = []
    for number, raw in enumerate(renamed_path.read_text("utf-8").splitlines(), 1):
        where = f"{renamed_path}:{number}"
        row = json.loads(raw)
        copy = parse_line(row, where)
        base = by_id.get(_base(copy.id))
        if base is None or _of(base) != row.get("of"):
            _stale(where, f"{_base(copy.id)} was edited or removed")
        renamed.append(copy)
    mentions: dict[str, Found] = {}
    texts: dict[str, str] = {}
    for raw in mentions_path.read_text("utf-8").splitlines():
        row = json.loads(raw)
        mentions[row["id"]] = [(int(a), int(b), str(k)) for a, b, k in row["mentions"]]
        texts[row["id"]] = row["text"]
    for line in [*train, *renamed]:
        if texts.get(line.id) != _digest(line.text):
            _stale(str(mentions_path), f"{line.id} is new or its text changed")
    return Derived(renamed, mentions)


def _base(copy_id: str) -> str:
    return copy_id.split("~")[0]


def _stale(where: str, why: str) -> None:
    raise AnnotationError(
        f"{where}: the derived training inputs no longer fit the annotations ({why}); "
        "derive them again with `eventwire train --derive`"
    )
