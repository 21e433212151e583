"""The head networks and their deterministic training loop (CPU, small, frozen features)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn


class MLP(nn.Module):
    """``Linear -> GELU -> Dropout -> Linear``: FACTS.md's best frozen-feature head."""

    def __init__(self, n_in: int, n_hidden: int, n_out: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, n_hidden), nn.GELU(), nn.Dropout(dropout), nn.Linear(n_hidden, n_out)
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.net(x)
        return out


@dataclass(frozen=True)
class FitConfig:
    """Optimiser settings; the defaults suit a few thousand to a few 100k rows."""

    epochs: int = 10
    batch_size: int = 256
    lr: float = 1e-3
    weight_decay: float = 1e-4
    seed: int = 13


def candidate_loss(logits: torch.Tensor, allowed: torch.Tensor) -> torch.Tensor:
    """Mean -log P(label in allowed set); ``allowed`` is bool ``[N, C]``.

    With one allowed label per row this is plain cross-entropy; a row allowing
    {B-GPE, B-LOC} learns "one of those" (English corpora do not say which).
    """
    full = torch.logsumexp(logits, dim=-1)
    kept = torch.logsumexp(logits.masked_fill(~allowed, float("-inf")), dim=-1)
    return (full - kept).mean()


def fit_weighted(
    model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    loss_fn: Callable[[torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor],
    cfg: FitConfig,
) -> float:
    """Train ``model`` in place with AdamW on shuffled minibatches; return the last epoch's loss.

    ``loss_fn(logits, y_rows, row_indices)`` gets the batch's row indices so it
    can apply per-row weights. Deterministic for a given seed and thread count:
    the shuffle uses its own generator, and :func:`new_mlp` seeds the init.
    """
    gen = torch.Generator().manual_seed(cfg.seed)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    model.train()
    last = 0.0
    for _ in range(cfg.epochs):
        order = torch.randperm(len(x), generator=gen)
        total = 0.0
        for start in range(0, len(x), cfg.batch_size):
            idx = order[start : start + cfg.batch_size]
            loss = loss_fn(model(x[idx]), y[idx], idx)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        last = total / max(len(x), 1)
    model.eval()
    return last


def new_mlp(n_in: int, n_hidden: int, n_out: int, seed: int) -> MLP:
    """An MLP initialised under ``seed`` (same seed, same initial weights)."""
    torch.manual_seed(seed)
    return MLP(n_in, n_hidden, n_out)
