"""Padding examples into batches and the core's losses over one batch."""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn
from torch.nn import functional as F

from models.s6_core.examples import IGNORE, Example
from models.s6_core.features import States
from models.s6_core.network import CoreNet


def pad_states(states: Sequence[States]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """float32 states ``[B, T, H]``, attention mask ``[B, T]``, offsets ``[B, T, 2]`` (-1: none)."""
    t = max(s.hidden.shape[0] for s in states)
    h = states[0].hidden.shape[1]
    hidden = torch.zeros(len(states), t, h)
    mask = torch.zeros(len(states), t, dtype=torch.int64)
    offsets = torch.full((len(states), t, 2), -1, dtype=torch.int64)
    for i, s in enumerate(states):
        n = s.hidden.shape[0]
        hidden[i, :n] = s.hidden.float()
        mask[i, :n] = 1
        offsets[i, :n] = s.offsets
    return hidden, mask, offsets


def pad(examples: Sequence[Example]) -> tuple[torch.Tensor, torch.Tensor]:
    """float32 states ``[B, T, H]`` and the attention mask ``[B, T]``."""
    hidden, mask, _ = pad_states([e.states for e in examples])
    return hidden, mask


def span_mean(top: torch.Tensor, row: int, rng: tuple[int, int]) -> torch.Tensor:
    return top[row, rng[0] : rng[1]].mean(0)


def sentence_vectors(top: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    m = mask.unsqueeze(-1).to(top.dtype)
    return (top * m).sum(1) / m.sum(1).clamp(min=1.0)


def _entity_loss(logits: torch.Tensor, examples: Sequence[Example]) -> torch.Tensor:
    losses = []
    for i, e in enumerate(examples):
        n = e.entity_allowed.shape[0]
        rows = ~e.entity_allowed.all(1)  # rows with any supervision
        if rows.any():
            lg = logits[i, :n][rows]
            allowed = e.entity_allowed[rows]
            full = torch.logsumexp(lg, -1)
            kept = torch.logsumexp(lg.masked_fill(~allowed, float("-inf")), -1)
            losses.append(full - kept)
    return torch.cat(losses).mean() if losses else logits.sum() * 0


# Labels other than O weigh this much more: events are rare (most sentences have none),
# and a missed trigger costs an event while a spurious one still has to find its roles.
SPAN_WEIGHT = 3.0


def _tag_loss(logits: torch.Tensor, targets: Sequence[torch.Tensor]) -> torch.Tensor:
    target = torch.full(logits.shape[:2], IGNORE, dtype=torch.int64)
    for i, t in enumerate(targets):
        target[i, : t.shape[0]] = t
    if (target != IGNORE).sum() == 0:
        return logits.sum() * 0
    weight = torch.full((logits.shape[-1],), SPAN_WEIGHT)
    weight[0] = 1.0
    return F.cross_entropy(
        logits.reshape(-1, logits.shape[-1]),
        target.reshape(-1),
        weight=weight,
        ignore_index=IGNORE,
    )


def losses(net: CoreNet, examples: Sequence[Example]) -> dict[str, torch.Tensor]:
    """The four losses of one batch (zero where the batch has no such target)."""
    states, mask = pad(examples)
    top = net.contextualise(states, mask)
    ent, trig, arg = net.tag(top)
    sent = sentence_vectors(top, mask)
    out = {
        "entity": _entity_loss(ent, examples),
        "trigger": _tag_loss(trig, [e.trigger_target for e in examples]),
        "argument": _tag_loss(arg, [e.argument_target for e in examples]),
    }
    s_vec, s_ctx, s_y = [], [], []
    r_t, r_c, r_b, r_d, r_e, r_k, r_y = [], [], [], [], [], [], []
    for i, e in enumerate(examples):
        for rng, label in e.statuses:
            s_vec.append(span_mean(top, i, rng))
            s_ctx.append(sent[i])
            s_y.append(label)
        for p in e.roles:
            r_t.append(span_mean(top, i, p.trigger))
            r_c.append(span_mean(top, i, p.candidate))
            r_b.append(span_mean(top, i, p.between))
            r_d.append(p.distance)
            r_e.append(p.event_type)
            r_k.append(p.kind)
            r_y.append(p.label)
    zero = top.sum() * 0
    out["status"] = (
        F.cross_entropy(
            net.classify_status(torch.stack(s_vec), torch.stack(s_ctx)), torch.tensor(s_y)
        )
        if s_y
        else zero
    )
    out["role"] = (
        F.cross_entropy(
            net.classify_role(
                torch.stack(r_t),
                torch.stack(r_c),
                torch.stack(r_b),
                torch.tensor(r_d),
                torch.tensor(r_e),
                torch.tensor(r_k),
            ),
            torch.tensor(r_y),
        )
        if r_y
        else zero
    )
    return out


def batches(
    examples: Sequence[Example], size: int, generator: torch.Generator
) -> list[list[Example]]:
    """Length-sorted batches (little padding), in a shuffled order."""
    order = sorted(range(len(examples)), key=lambda i: examples[i].states.hidden.shape[0])
    chunks = [[examples[i] for i in order[k : k + size]] for k in range(0, len(order), size)]
    perm = torch.randperm(len(chunks), generator=generator).tolist()
    return [chunks[i] for i in perm]


def parameter_groups(net: CoreNet, lr_layers: float, lr_heads: float) -> list[dict[str, object]]:
    layers = [p for p in net.layers.parameters() if p.requires_grad]
    heads = [p for n, p in net.named_parameters() if not n.startswith("layers.")]
    return [{"params": layers, "lr": lr_layers}, {"params": heads, "lr": lr_heads}]


def clip(net: nn.Module) -> None:
    torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
