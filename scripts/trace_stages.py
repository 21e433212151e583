"""Trace one article through an extractor: which of ``models/``'s stage folders the
call path enters, in order, and how often the text is tokenised.

    python scripts/trace_stages.py [--extractor lexicon|transformer] [FILE.jsonl [N]]

FILE: a gold or article JSONL (default: the bundled samples); N: which line (0).
Prints the stage path (stage folders entered in order, consecutive calls within
one folder collapsed, stage 1's document helpers left out: every stage reads them),
the steps back to an earlier stage, the calls per folder, and every call of ``tokenize`` with the length of what it split: after
stage 1 builds the document, no stage should split the article or a sentence again.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.factory import build_extractor  # noqa: E402
from models.schema import Article  # noqa: E402

SAMPLES = ROOT / "stream" / "samples" / "articles.jsonl"


def _folder(frame: FrameType) -> str | None:
    """``models/<folder>`` of the frame's code, None outside ``models/``."""
    path = Path(frame.f_code.co_filename)
    try:
        rel = path.relative_to(ROOT / "models")
    except ValueError:
        return None
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem


class Tracer:
    def __init__(self) -> None:
        self.path: list[str] = []
        self.calls: Counter[str] = Counter()
        self.splits: list[int] = []
        self._lock = threading.Lock()
        self.active = False

    def __call__(self, frame: FrameType, event: str, arg: Any) -> None:
        if event != "call" or not self.active:
            return
        folder = _folder(frame)
        if folder is None:
            return
        with self._lock:
            self.calls[folder] += 1
            if not self.path or self.path[-1] != folder:
                self.path.append(folder)
            if frame.f_code.co_name == "tokenize" and folder == "s1_document":
                self.splits.append(len(frame.f_locals.get("text", "")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=SAMPLES)
    parser.add_argument("line", nargs="?", type=int, default=0)
    parser.add_argument("--extractor", default="transformer", choices=["lexicon", "transformer"])
    args = parser.parse_args()
    row = json.loads(args.file.read_text("utf-8").splitlines()[args.line])
    article = Article.model_validate(row.get("article", row))
    cache = Path("~/.cache/eventwire").expanduser()
    extractor = build_extractor(args.extractor, model_source=None, cache_dir=cache, threads=2)
    tracer = Tracer()
    threading.setprofile(tracer)  # before the warm-up starts the encoder's thread
    extractor.extract_batch([article])  # warm: lazy loads are not the article's path
    sys.setprofile(tracer)
    tracer.active = True
    try:
        events = extractor.extract_batch([article])[0]
    finally:
        sys.setprofile(None)
        threading.setprofile(None)  # type: ignore[arg-type]
    print(f"article {article.id}: {len(article.text)} characters, {len(events)} events")
    # Stage 1's document and its helpers are read by every stage: not a step of the path.
    steps = [f for f in tracer.path if f.startswith("s") and f[1].isdigit() and f != "s1_document"]
    path = [f for k, f in enumerate(steps) if k == 0 or steps[k - 1] != f]
    back = sum(1 for a, b in zip(path, path[1:], strict=False) if b < a)
    print(f"stage path ({len(path)} stops, {back} back to an earlier stage): " + " > ".join(path))
    print("calls per folder: " + ", ".join(f"{k} {v}" for k, v in sorted(tracer.calls.items())))
    long = [n for n in tracer.splits if n >= 40]
    print(f"tokenize calls: {len(tracer.splits)}; on 40+ characters: {len(long)} {long}")


if __name__ == "__main__":
    main()
