"""Build training tensors from cached features and fit each head.

Every function is deterministic for a given seed (and torch thread count).
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from models.heads.event_data import EventExample
from models.heads.features import TextFeatures, pool_span
from models.heads.ner_data import ENTITY_TYPES, GPE_OR_LOC, NerExample
from models.heads.networks import MLP, FitConfig, candidate_loss, fit_weighted, new_mlp
from models.heads.spans import Span, bio_labels, encode_bio
from models.schema import EVENT_TYPES, STATUSES

ENTITY_LABELS = bio_labels(ENTITY_TYPES)
TRIGGER_LABELS = bio_labels(EVENT_TYPES)
HIDDEN = 256
SOFT_NEGATIVE_WEIGHT = 0.3  # NER sentences used as negatives may still mention an event


def _allowed(ids: list[int], ambiguous: list[bool], n_labels: int) -> torch.Tensor:
    """One-hot rows; an ambiguous GPE piece also allows the matching LOC label."""
    mask = torch.zeros(len(ids), n_labels, dtype=torch.bool)
    mask[torch.arange(len(ids)), torch.tensor(ids, dtype=torch.long)] = True
    gpe_b = ENTITY_LABELS.index("B-GPE")
    for row, (lid, amb) in enumerate(zip(ids, ambiguous, strict=True)):
        if amb:
            mask[row, lid + (ENTITY_LABELS.index("B-LOC") - gpe_b)] = True
    return mask


def entity_targets(ex: NerExample, feats: TextFeatures) -> torch.Tensor:
    """bool ``[n_pieces, n_labels]`` allowed-label mask for one NER sentence."""
    spans = [Span(s.start, s.end, "GPE" if s.label == GPE_OR_LOC else s.label) for s in ex.spans]
    ids = encode_bio(feats.offsets, spans, ENTITY_LABELS)
    amb_spans = [s for s in ex.spans if s.label == GPE_OR_LOC]
    amb_ids = encode_bio(
        feats.offsets, [Span(s.start, s.end, "GPE") for s in amb_spans], ENTITY_LABELS
    )
    return _allowed(ids, [a > 0 for a in amb_ids], len(ENTITY_LABELS))


def _trigger_spans(ex: EventExample | None) -> list[Span]:
    return [t.span for t in ex.triggers] if ex else []


def fit_tagger(
    feats: Sequence[TextFeatures],
    targets: Sequence[torch.Tensor],
    weights: Sequence[float],
    n_labels: int,
    cfg: FitConfig,
) -> MLP:
    """Token-level MLP over pieces of all sentences, candidate-set loss, row weights."""
    x = torch.cat([f.tokens for f in feats])
    y = torch.cat(list(targets))
    w = torch.cat([torch.full((len(f.offsets),), wt) for f, wt in zip(feats, weights, strict=True)])
    net = new_mlp(x.shape[1], HIDDEN, n_labels, cfg.seed)

    def loss(logits: torch.Tensor, allowed: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
        full = torch.logsumexp(logits, -1)
        kept = torch.logsumexp(logits.masked_fill(~allowed, float("-inf")), -1)
        return ((full - kept) * w[idx]).sum() / w[idx].sum()

    fit_weighted(net, x, y, loss, cfg)
    return net


def trigger_targets(ex: EventExample | None, feats: TextFeatures) -> torch.Tensor:
    """bool one-hot BIO trigger labels per piece (all "O" for a negative)."""
    ids = encode_bio(feats.offsets, _trigger_spans(ex), TRIGGER_LABELS)
    return torch.nn.functional.one_hot(
        torch.tensor(ids, dtype=torch.long), len(TRIGGER_LABELS)
    ).bool()


def fit_types(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, cfg: FitConfig) -> MLP:
    """Sentence multi-label event-type head (BCE, soft negatives down-weighted)."""
    net = new_mlp(x.shape[1], HIDDEN, y.shape[1], cfg.seed)

    def loss(logits: torch.Tensor, target: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
        raw = torch.nn.functional.binary_cross_entropy_with_logits(logits, target, reduction="none")
        return (raw.mean(-1) * w[idx]).sum() / w[idx].sum()

    fit_weighted(net, x, y, loss, cfg)
    return net


def type_targets(examples: Sequence[EventExample | None]) -> torch.Tensor:
    """Multi-hot ``[N, n_types]``; None (a soft negative) is all zeros."""
    y = torch.zeros(len(examples), len(EVENT_TYPES))
    for i, ex in enumerate(examples):
        for kind in ex.types if ex else ():
            y[i, EVENT_TYPES.index(kind)] = 1.0
    return y


def status_rows(
    examples: Sequence[EventExample], feats: Sequence[TextFeatures]
) -> tuple[torch.Tensor, torch.Tensor]:
    """Status inputs ``[sentence ; trigger pool]`` per event, plus a copy with the
    trigger zeroed so the head also works when no trigger was tagged."""
    xs, ys = [], []
    for ex, f in zip(examples, feats, strict=True):
        for trig in ex.triggers:
            pooled = pool_span(f, trig.span.start, trig.span.end)
            label = STATUSES.index(trig.status)
            xs += [
                torch.cat([f.sentence, pooled]),
                torch.cat([f.sentence, torch.zeros_like(pooled)]),
            ]
            ys += [label, label]
    if not xs:
        return torch.zeros(0, 0), torch.zeros(0, dtype=torch.long)
    return torch.stack(xs), torch.tensor(ys)


def fit_status(x: torch.Tensor, y: torch.Tensor, n_in: int, cfg: FitConfig) -> MLP:
    """Softmax status head; with no training events it stays at its (seeded) init."""
    net = new_mlp(n_in, HIDDEN, len(STATUSES), cfg.seed)
    if len(x):
        allowed = torch.nn.functional.one_hot(y, len(STATUSES)).bool()
        fit_weighted(net, x, allowed, lambda lg, t, _i: candidate_loss(lg, t), cfg)
    return net.eval()
