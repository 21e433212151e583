"""Behavioural (CheckList-style) scoring: pass rates per capability.

Items are gold lines with a ``capability`` tag (``tests/behaviour/items.jsonl``,
``tests/multilingual/items.jsonl``). An item passes when the extractor finds every
required event and nothing else (the shared scorer's matching: optional gold
events excuse a prediction), and every matched event has an acceptable status
and, where gold gives one, the right date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from models.evaluation import scorer


def item_passes(line: dict[str, Any], preds: Sequence[dict[str, Any]]) -> bool:
    """One gold line against the predictions for its article."""
    result = scorer.score([line], list(preds))
    tally = result["events"].get("all", {"fp": 0, "fn": 0})
    exact = tally["fp"] == 0 and tally["fn"] == 0
    return (
        exact
        and result["status_accuracy"] in (None, 1.0)
        and result["date_accuracy"]
        in (
            None,
            1.0,
        )
    )


def capability_rates(
    lines: Sequence[dict[str, Any]], preds: Sequence[dict[str, Any]]
) -> dict[str, dict[str, float]]:
    """``{capability: {"items": n, "passed": k, "rate": k/n}}`` plus an ``"all"`` row."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in preds:
        by_article[str(p.get("article_id"))].append(p)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for line in lines:
        cap = str(line.get("capability", "untagged"))
        ok = item_passes(line, by_article.get(str(line["article"]["id"]), []))
        for key in (cap, "all"):
            counts[key][0] += 1
            counts[key][1] += ok
    return {
        k: {"items": n, "passed": p, "rate": round(p / n, 3)}
        for k, (n, p) in sorted(counts.items(), key=lambda kv: (kv[0] == "all", kv[0]))
    }


def format_rates(rates: dict[str, dict[str, float]]) -> list[str]:
    """The pass-rate table, one line per capability."""
    out = [f"{'capability':<22}{'items':>7}{'passed':>8}{'rate':>7}"]
    for cap, r in rates.items():
        out.append(f"{cap:<22}{r['items']:>7}{r['passed']:>8}{r['rate']:>7.3f}")
    return out
