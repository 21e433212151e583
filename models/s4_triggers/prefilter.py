"""The pre-filter: which sentences are worth the encoder, decided cheaply and with high recall.

A shallow multilingual pass: the sentence's XLM-R subword ids (the tokenizer the
encoder runs anyway) and their bigrams, hashed into a bag of 32-d embeddings,
mean-pooled, one logistic unit — fastText's design. Trained with the core on the
same annotated lines (lines with events against lines without); the threshold is
set on the held-out lines so that, together with the lexicon's flags, recall on
event sentences stays at or above :data:`TARGET_RECALL`. It never shuts a
language out: the extractor sends every sentence of a language the lexicon does
not cover to the encoder.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import torch
from tokenizers import Tokenizer
from torch import nn

BUCKETS = 1 << 17
DIM = 32
TARGET_RECALL = 0.97
_BIGRAM = 1_000_003  # odd multiplier mixing a bigram's two ids into one bucket


def hashed_features(
    tokenizer: Tokenizer, texts: Sequence[str]
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(ids, offsets)`` for :class:`torch.nn.EmbeddingBag`: unigram and bigram buckets."""
    flat: list[int] = []
    offsets: list[int] = []
    for enc in tokenizer.encode_batch(list(texts), add_special_tokens=False):
        ids = [i for i, m in zip(enc.ids, enc.attention_mask, strict=True) if m]
        offsets.append(len(flat))
        flat += [i % BUCKETS for i in ids]
        flat += [(a * _BIGRAM + b) % BUCKETS for a, b in itertools.pairwise(ids)]
        if not ids:
            flat.append(0)
    return torch.tensor(flat, dtype=torch.int64), torch.tensor(offsets, dtype=torch.int64)


class SentenceFilter(nn.Module):
    """P(the sentence reports an event) from hashed subword uni- and bigrams."""

    def __init__(self) -> None:
        super().__init__()
        self.bag = nn.EmbeddingBag(BUCKETS, DIM, mode="mean")
        self.out = nn.Linear(DIM, 1)
        self.register_buffer("threshold", torch.tensor(0.5))

    def forward(self, ids: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        logits: torch.Tensor = self.out(self.bag(ids, offsets)).squeeze(-1)
        return logits

    @property
    def cutoff(self) -> float:
        """The tuned decision threshold (stored with the weights)."""
        return float(self.get_buffer("threshold"))

    def set_cutoff(self, value: float) -> None:
        self.get_buffer("threshold").fill_(value)

    def probabilities(self, tokenizer: Tokenizer, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        with torch.inference_mode():
            return self(*hashed_features(tokenizer, texts)).sigmoid().tolist()

    def keep(self, tokenizer: Tokenizer, texts: Sequence[str]) -> list[bool]:
        """Whether each text passes (probability at or above the tuned threshold)."""
        t = self.cutoff
        return [p >= t for p in self.probabilities(tokenizer, texts)]


def fit_filter(
    tokenizer: Tokenizer,
    texts: Sequence[str],
    labels: Sequence[bool],
    seed: int,
    log: Callable[[str], None],
    epochs: int = 2,
) -> SentenceFilter:
    """Train on ``texts`` (True = holds an event); positives weighted to balance the classes."""
    torch.manual_seed(seed)
    net = SentenceFilter()
    opt = torch.optim.Adam(net.parameters(), lr=0.02)
    y = torch.tensor([float(v) for v in labels])
    pos_weight = (len(y) - y.sum()) / y.sum().clamp(min=1)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    gen = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        total = 0.0
        for chunk in torch.randperm(len(texts), generator=gen).split(64):
            ids, offsets = hashed_features(tokenizer, [texts[i] for i in chunk.tolist()])
            loss = loss_fn(net(ids, offsets), y[chunk])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(chunk)
        log(f"  pre-filter epoch {epoch + 1}: loss {total / len(texts):.3f}")
    return net.eval()


def tune_threshold(
    net: SentenceFilter,
    tokenizer: Tokenizer,
    texts: Sequence[str],
    labels: Sequence[bool],
    lexicon: Sequence[bool],
) -> float:
    """Set (and return) the highest threshold whose recall on these texts, together with
    the lexicon's flags, meets :data:`TARGET_RECALL`; measure it on other texts with
    :func:`measure_filter`."""
    probs = net.probabilities(tokenizer, texts)
    pos = [i for i, v in enumerate(labels) if v]
    best = 0.0
    for step in range(99, 0, -1):
        t = step / 100
        hit = sum(lexicon[i] or probs[i] >= t for i in pos)
        if hit >= TARGET_RECALL * len(pos):
            best = t
            break
    net.set_cutoff(best)
    return best


def measure_filter(
    net: SentenceFilter,
    tokenizer: Tokenizer,
    texts: Sequence[str],
    labels: Sequence[bool],
    lexicon: Sequence[bool],
) -> dict[str, float]:
    """Recall on event sentences and share of event-free ones passed, at the current threshold."""
    probs = net.probabilities(tokenizer, texts)
    best = net.cutoff
    pos = [i for i, v in enumerate(labels) if v]
    neg = [i for i, v in enumerate(labels) if not v]
    passed = sum(lexicon[i] or probs[i] >= best for i in neg)
    return {
        "threshold": best,
        "recall": round(sum(lexicon[i] or probs[i] >= best for i in pos) / max(1, len(pos)), 3),
        "lexicon_recall": round(sum(lexicon[i] for i in pos) / max(1, len(pos)), 3),
        "negatives_passed": round(passed / max(1, len(neg)), 3),
    }
