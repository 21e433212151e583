"""Dev-set metrics of trained heads, per language, from cached features."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.heads.event_data import EventExample
from models.heads.features import TextFeatures
from models.heads.heads import Heads
from models.heads.metrics import accuracy, multilabel_prf, span_f1
from models.heads.ner_data import GPE_OR_LOC, NerExample
from models.heads.spans import Span

TYPE_THRESHOLD = 0.5


def _span_set(spans: Sequence[Span], merge_places: bool) -> set[tuple[int, int, str]]:
    """Exact-match keys; English gold cannot tell GPE from LOC, so both merge there."""
    merged = {"GPE", "LOC", GPE_OR_LOC} if merge_places else set()
    return {(s.start, s.end, GPE_OR_LOC if s.label in merged else s.label) for s in spans}


def ner_metrics(
    heads: Heads, examples: Sequence[NerExample], feats: Sequence[TextFeatures]
) -> dict[str, Any]:
    """Exact-span micro F1 per language (English: GPE and LOC counted as one type)."""
    pred = heads.tag_tokens(feats, [e.text for e in examples])
    out: dict[str, Any] = {}
    for lang in sorted({e.lang for e in examples}):
        rows = [i for i, e in enumerate(examples) if e.lang == lang]
        merge = lang == "en"
        gold = [_span_set(examples[i].spans, merge) for i in rows]
        out[lang] = span_f1(gold, [_span_set(pred[i], merge) for i in rows])
    return out


def _event_lang_metrics(
    heads: Heads, examples: Sequence[EventExample], feats: Sequence[TextFeatures]
) -> dict[str, Any]:
    types, _ = heads.predict_sentences(feats)
    names = heads.event_types
    pred_types = [
        frozenset(n for n, p in zip(names, row.tolist(), strict=True) if p >= TYPE_THRESHOLD)
        for row in types
    ]
    triggers = heads.tag_triggers(feats, [e.text for e in examples])
    gold_status, pred_status = [], []
    for ex, f in zip(examples, feats, strict=True):
        if ex.triggers:
            probs = heads.status_probs(f, [t.span for t in ex.triggers])
            gold_status += [t.status for t in ex.triggers]
            pred_status += [heads.statuses[int(i)] for i in probs.argmax(-1)]
    return {
        "types": multilabel_prf([e.types for e in examples], pred_types, names),
        "triggers": span_f1(
            [{(t.span.start, t.span.end, t.span.label) for t in e.triggers} for e in examples],
            [{(s.start, s.end, s.label) for s in p} for p in triggers],
        ),
        "status_gold_trigger": accuracy(gold_status, pred_status),
    }


def event_metrics(
    heads: Heads, examples: Sequence[EventExample], feats: Sequence[TextFeatures]
) -> dict[str, Any]:
    """Per language: per-type sentence P/R/F1, trigger span F1, status accuracy on gold triggers."""
    out: dict[str, Any] = {}
    for lang in sorted({e.lang for e in examples}):
        rows = [i for i, e in enumerate(examples) if e.lang == lang]
        out[lang] = _event_lang_metrics(
            heads, [examples[i] for i in rows], [feats[i] for i in rows]
        )
    return out


def evaluate(
    heads: Heads,
    ner_dev: tuple[list[NerExample], list[TextFeatures]],
    ev_dev: tuple[list[EventExample], list[TextFeatures]],
) -> dict[str, Any]:
    """All dev metrics as one JSON-able dict."""
    return {"ner": ner_metrics(heads, *ner_dev), "events": event_metrics(heads, *ev_dev)}
