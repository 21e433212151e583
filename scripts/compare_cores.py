"""Compare learned cores the way the README's decisions were made: event F1 pooled over the
tuning, dev and seed articles, per file, with the rule fallback and without, and the
behavioural suite beside it.

    python scripts/compare_cores.py                     # the shipped core
    python scripts/compare_cores.py shipped runs/s8     # and the core `train --out runs/s8` wrote
    python scripts/compare_cores.py --misses            # and why each miss was missed

A directory is what ``EVENTWIRE_CORE_DIR`` takes; "shipped" names the shipped weights.
``--misses`` sorts every missed required event of the pooled files by what the core read
in its article: an event of the type with other parties or place ("wrong parties"), or
else the core's highest probability for a trigger of the type (read again at 0.05):
"under 0.5", "under the cutoff", "over the cutoff" (read, but no complete event came out).
Never run it on the blind test files: they are for reporting only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.evaluation import scorer  # noqa: E402
from models.evaluation.run import predict, read_gold  # noqa: E402
from models.extractors.transformer import TransformerExtractor  # noqa: E402
from models.schema import Article  # noqa: E402
from stream.seam import load_extractor  # noqa: E402
from stream.settings import Settings  # noqa: E402

POOLED = [
    ROOT / "tests" / "gold" / f"{name}.jsonl"
    for name in ("tune_ar", "tune2_ar", "tune3_ar", "tune_en", "dev_ar", "dev_en")
] + [ROOT.parent / "shared" / "eval" / "dev" / "seed.jsonl"]
BEHAVIOUR = ROOT / "tests" / "behaviour" / "items.jsonl"


def _f1(result: dict[str, Any], key: str = "all") -> str:
    row = result["events"].get(key)
    return f"{row['f1']:.3f}" if row else "-"


def _run(extractor: TransformerExtractor, gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    articles = [Article.model_validate(line["article"]) for line in gold]
    return [e.model_dump(mode="json") for e in predict(extractor, articles)]


def _best_triggers(extractor: TransformerExtractor, articles: list[Article]) -> dict[Any, float]:
    """(article id, type) → the core's highest trigger probability in the article."""
    reader = extractor._reader
    kept = reader.cutoffs
    reader.cutoffs = replace(kept, trigger=0.05, trigger_unseen=0.05)
    best: dict[Any, float] = {}
    try:
        for article in articles:
            doc = extractor._prepare(article)
            texts = [s.text for s in doc.sentences]
            wanted, encoded = extractor._select_encode(texts, extractor._flags(doc))
            for reading in extractor._read(doc, wanted, [texts[i] for i in wanted], encoded):
                for t in reading.triggers:
                    key = (article.id, t.type)
                    best[key] = max(best.get(key, 0.0), t.score)
    finally:
        reader.cutoffs = kept
    return best


def _misses(
    extractor: TransformerExtractor,
    gold: list[dict[str, Any]],
    preds: list[dict[str, Any]],
    result: dict[str, Any],
) -> None:
    """Print each miss of ``result`` (scored verbosely) with why it was missed."""
    best = _best_triggers(extractor, [Article.model_validate(g["article"]) for g in gold])
    cutoff = extractor._reader.cutoffs.trigger
    kinds: Counter[str] = Counter()
    for line in result["log"]:
        if not line.startswith("MISS"):
            continue
        _, aid, kind, raw = line.split(" ", 3)
        p = best.get((aid, kind), 0.0)
        if any(e["article_id"] == aid and e["type"] == kind for e in preds):
            why = "wrong parties"
        else:
            why = (
                "under 0.5" if p < 0.5 else "under the cutoff" if p < cutoff else "over the cutoff"
            )
        kinds[why] += 1
        note = json.loads(raw).get("note", "")
        print(f"  {why:16} {aid} {kind} (best trigger {p:.2f}): {note[:100]}")
    print("  " + ", ".join(f"{k}: {n}" for k, n in kinds.most_common()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cores", nargs="*", default=["shipped"], help="core directories")
    parser.add_argument("--misses", action="store_true", help="classify the pooled misses")
    args = parser.parse_args()
    files = {path.stem: read_gold(path) for path in POOLED}
    pooled_gold = [line for lines in files.values() for line in lines]
    behaviour = read_gold(BEHAVIOUR)
    print("core | pooled (ar / en) | core alone | " + " | ".join(files) + " | behavioural")
    for core in args.cores:
        where = None if core == "shipped" else Path(core)
        extractor = load_extractor(Settings(core_dir=where))
        assert isinstance(extractor, TransformerExtractor)
        preds = _run(extractor, pooled_gold)
        # The scorer reads only the predictions of each file's own articles.
        pooled = scorer.score(pooled_gold, preds, verbose=args.misses)
        per_file = [_f1(scorer.score(lines, preds)) for lines in files.values()]
        items = _f1(scorer.score(behaviour, _run(extractor, behaviour)))
        if args.misses:
            print(f"{core}: misses")
            _misses(extractor, pooled_gold, preds, pooled)
        alone = load_extractor(Settings(core_dir=where, rule_fallback=False))
        assert isinstance(alone, TransformerExtractor)
        core_alone = _f1(scorer.score(pooled_gold, _run(alone, pooled_gold)))
        row = [f"{_f1(pooled)} ({_f1(pooled, 'ar')} / {_f1(pooled, 'en')})", core_alone]
        print(f"{core} | " + " | ".join(row + per_file + [items]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
