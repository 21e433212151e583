"""The learned core's network: the encoder's top layers, fine-tuned, and four heads.

Input is the frozen bottom encoder's hidden state (layer :data:`BOTTOM` of
multilingual-e5-small, from the same ONNX int8 export the service runs), so
training and serving read identical features. The top layers are copies of the
encoder's own layers 7-12; the shipped weights are their delta over the converted
encoder (fp16) plus the heads.
"""

from __future__ import annotations

import torch
from torch import nn

from models.s6_core.labels import (
    ARGUMENT_LABELS,
    DISTANCE_BUCKETS,
    ENTITY_LABELS,
    GAZETTEER_KINDS,
    ROLE_LABELS,
    STATUS_LABELS,
    TRIGGER_LABELS,
)
from models.schema import EVENT_TYPES

BOTTOM = 6  # hidden state fed to the top layers (0 = embeddings)
TOP = 6  # fine-tuned layers on top of it
PREFIX = "query: "
MAX_LENGTH = 160  # subwords per sentence, prefix and specials included
_RELATION = 384  # width of the status and role MLPs' hidden layer


def _mlp(n_in: int, n_out: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Linear(n_in, _RELATION), nn.GELU(), nn.Dropout(0.1), nn.Linear(_RELATION, n_out)
    )


class CoreNet(nn.Module):
    """Top layers + entity, trigger and argument taggers, status and role classifiers.

    The entity tagger types names (PER/ORG/GPE/LOC, from the NER corpora); the
    argument tagger marks the spans that play a part in an event of the sentence
    (titles-only parties and groups too); the role classifier says which part.

    ``layers`` are ``transformers`` BertLayer modules; ``hidden`` their width.
    """

    def __init__(self, layers: nn.ModuleList, hidden: int) -> None:
        super().__init__()
        self.layers = layers
        self.dropout = nn.Dropout(0.1)
        self.entity = nn.Linear(hidden, len(ENTITY_LABELS))
        self.trigger = nn.Linear(hidden, len(TRIGGER_LABELS))
        self.argument = nn.Linear(hidden, len(ARGUMENT_LABELS))
        self.status = _mlp(2 * hidden, len(STATUS_LABELS))
        self.distance = nn.Embedding(len(DISTANCE_BUCKETS) + 1, 32)
        self.event_type = nn.Embedding(len(EVENT_TYPES), 32)
        self.kind = nn.Embedding(len(GAZETTEER_KINDS), 16)
        self.role = _mlp(4 * hidden + 80, len(ROLE_LABELS))

    def contextualise(self, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """``[B, T, H]`` bottom states + ``[B, T]`` mask → top-layer states."""
        bias = (1.0 - mask[:, None, None, :].to(states.dtype)) * torch.finfo(states.dtype).min
        for layer in self.layers:
            out = layer(states, attention_mask=bias)
            states = out[0] if isinstance(out, tuple) else out
        return self.dropout(states)

    def tag(self, top: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Entity, trigger and argument logits ``[B, T, L]``."""
        return self.entity(top), self.trigger(top), self.argument(top)

    def classify_status(self, trigger: torch.Tensor, sentence: torch.Tensor) -> torch.Tensor:
        """``[N, H]`` trigger vectors and their sentences' vectors → status logits."""
        return self.status(torch.cat([trigger, sentence], -1))

    def classify_role(
        self,
        trigger: torch.Tensor,
        candidate: torch.Tensor,
        between: torch.Tensor,
        distance: torch.Tensor,
        event_type: torch.Tensor,
        kind: torch.Tensor,
    ) -> torch.Tensor:
        """Role logits for ``[N]`` (trigger, candidate) pairs.

        ``between`` is the mean state of the words between the two (the
        trigger's vector when adjacent): the words that say who did what;
        ``kind`` what the gazetteer knows the candidate as (a place is no visitor).
        """
        feats = [
            trigger,
            candidate,
            trigger * candidate,
            between,
            self.distance(distance),
            self.event_type(event_type),
            self.kind(kind),
        ]
        return self.role(torch.cat(feats, -1))
