"""Sentence-level evaluation: score an extractor on the annotated training lines.

The dev gold files hold only ~30 articles; the span-annotated lines of
``models/data/events_*.jsonl`` (~9,300 sentences, ~35% hard negatives) measure
how rules generalise. Each line is treated as a tiny article and turned into a
gold line under the shared rules: every role substring becomes a one-alias
entity, the location a one-alias place, the status a one-element list. Times
are free text in the training lines (no normalised date), so dates are not
scored here; the share of matched events whose prediction carries a time is
reported instead.

    python -m models.evaluation.sentences [--lang ar|en] [--kind transformer] [--held-out]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.base import Extractor
from models.evaluation.run import format_report, predict, score_events
from models.s6_core.data import EventAnnotation, Line
from models.s6_core.data import read_lines as core_read_lines
from models.schema import Article

DATA = Path(__file__).resolve().parents[1] / "data"
# Training lines carry no publication date; relative times ("on Tuesday") need
# one to resolve at all. A fixed recent day keeps past-tense news in the past.
ANCHOR = "2026-01-01"
ROLES = ("participant", "visitor", "host", "supplier", "recipient")


def read_lines(path: Path) -> list[Line]:
    """The annotated lines of one training file."""
    return core_read_lines([path])


def gold_event(event: EventAnnotation) -> dict[str, Any]:
    """One training event as a gold event (see module docstring)."""
    out: dict[str, Any] = {"type": event.type, "status": [event.status]}
    for role in ROLES:
        names = [[span.text] for r, span in event.roles if r == role]
        if names:
            out[role] = names
    if event.location:
        out["location"] = [event.location.text]
    return out


def to_gold(line: Line) -> dict[str, Any]:
    """A training line as a one-sentence gold article."""
    article = {
        "id": line.id,
        "text": line.text,
        "language": line.lang,
        "published_at": ANCHOR,
    }
    return {"article": article, "events": [gold_event(e) for e in line.events]}


def evaluate(
    extractor: Extractor, lines: Sequence[Line]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score ``extractor`` on ``lines``; returns the scorer's result and the predictions."""
    gold = [to_gold(line) for line in lines]
    articles = [Article.model_validate(g["article"]) for g in gold]
    events = predict(extractor, articles, batch_size=32)
    preds = [event.model_dump(mode="json") for event in events]
    return score_events(gold, events), preds


def time_coverage(lines: Sequence[Line], preds: Sequence[dict[str, Any]]) -> str:
    """How often a predicted event of a type carries a time when gold marks one.

    A rough proxy for the date stage (gold times are free text here): per
    line and type, gold events with a time vs predictions of that type with one.
    """
    wanted = found = 0
    by_line: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for p in preds:
        by_line.setdefault((p["article_id"], p["type"]), []).append(p)
    for line in lines:
        for event in line.events:
            mine = by_line.get((line.id, event.type), [])
            if event.time and mine:
                wanted += 1
                found += any(p.get("time") for p in mine)
    return f"time found for {found}/{wanted} gold-timed events with a same-type prediction"


def main(argv: Sequence[str] | None = None) -> int:
    from models.factory import build_extractor

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=("ar", "en"), action="append")
    ap.add_argument("--verbose", action="store_true", help="list misses and false positives")
    ap.add_argument("--kind", default="lexicon")
    ap.add_argument(
        "--held-out", action="store_true", help="only the lines training holds out (is_dev)"
    )
    ap.add_argument(
        "--no-fallback", action="store_true", help="transformer: the learned core alone"
    )
    args = ap.parse_args(argv)
    cache = Path.home() / ".cache" / "eventwire"  # the service default (stream.settings)
    tuning = {"fallback": False} if args.no_fallback and args.kind == "transformer" else {}
    extractor = build_extractor(
        args.kind, model_source=None, cache_dir=cache, threads=1, tuning=tuning
    )
    for lang in args.lang or ["ar", "en"]:
        lines = read_lines(DATA / f"events_{lang}.jsonl")
        if args.held_out:
            lines = [x for x in lines if x.is_dev]
        result, preds = evaluate(extractor, lines)
        if args.verbose:
            texts = {line.id: line.text for line in lines}
            for entry in result["log"]:
                print(entry, "\n     ", texts.get(entry.split()[1], ""))
        print(f"== {lang}: {len(lines)} lines")
        print("\n".join(format_report(result)))
        print(time_coverage(lines, preds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
