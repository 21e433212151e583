"""Dev metrics: span P/R/F1 (exact match), per-label multi-label P/R/F1, accuracy."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined), plus support."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": n_gold}


def span_f1(
    gold: Iterable[set[tuple[int, int, str]]], pred: Iterable[set[tuple[int, int, str]]]
) -> dict[str, float]:
    """Micro exact-span F1 over sentences; each set holds ``(start, end, label)``."""
    tp = n_pred = n_gold = 0
    for g, p in zip(gold, pred, strict=True):
        tp += len(g & p)
        n_pred += len(p)
        n_gold += len(g)
    return prf(tp, n_pred, n_gold)


def multilabel_prf(
    gold: Sequence[frozenset[str]], pred: Sequence[frozenset[str]], labels: Sequence[str]
) -> dict[str, dict[str, float]]:
    """Per-label P/R/F1 of sentence-level label sets."""
    out = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if label in g and label in p)
        n_pred = sum(1 for p in pred if label in p)
        n_gold = sum(1 for g in gold if label in g)
        out[label] = prf(tp, n_pred, n_gold)
    return out


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Fraction equal, with the count."""
    right = sum(1 for g, p in zip(gold, pred, strict=True) if g == p)
    return {"acc": round(right / len(gold), 4) if gold else 0.0, "n": len(gold)}
