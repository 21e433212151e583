"""The trained heads at serving time: load once, predict from one encoder pass.

>>> heads = Heads.load(Path("models/heads/weights"))  # doctest: +SKIP
>>> batch = encoder.encode(texts, layers=heads.layers, max_length=heads.max_length,
...                        prefix=heads.prefix)  # doctest: +SKIP
>>> results = heads.analyse(batch, texts)  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file

from models.encoder import EncodedBatch
from models.heads.features import TextFeatures, pool_span, split_batch
from models.heads.networks import MLP
from models.heads.spans import Span, decode_bio

CONFIG = "heads.json"
WEIGHTS = "heads.safetensors"
HEAD_NAMES = ("entity", "trigger", "types", "status")


@dataclass(frozen=True)
class Trigger:
    """A tagged event trigger (``span.label`` is the event type) with status probabilities."""

    span: Span
    status: dict[str, float]


@dataclass(frozen=True)
class SentenceAnalysis:
    """Everything the heads say about one sentence."""

    type_probs: dict[str, float]
    entities: list[Span]
    triggers: list[Trigger]


class Heads:
    """The four small heads and their JSON config (labels, dims, feature recipe)."""

    def __init__(self, config: dict[str, Any], nets: dict[str, MLP]) -> None:
        self.config = config
        self.nets = nets
        recipe = config["recipe"]
        self.layers: tuple[int, ...] = tuple(recipe["layers"])
        self.prefix: str = recipe["prefix"]
        self.max_length: int = recipe["max_length"]
        self.entity_labels: list[str] = config["entity_labels"]
        self.trigger_labels: list[str] = config["trigger_labels"]
        self.event_types: list[str] = config["event_types"]
        self.statuses: list[str] = config["statuses"]

    @classmethod
    def load(cls, weights_dir: Path) -> Heads:
        """Load ``heads.json`` + ``heads.safetensors`` (no pickle); OSError/KeyError if absent."""
        config = json.loads((Path(weights_dir) / CONFIG).read_text())
        state = load_file(str(Path(weights_dir) / WEIGHTS))
        nets = {}
        for name in HEAD_NAMES:
            n_in, n_hidden, n_out = config["dims"][name]
            net = MLP(n_in, n_hidden, n_out)
            prefix = f"{name}."
            net.load_state_dict(
                {k[len(prefix) :]: v.float() for k, v in state.items() if k.startswith(prefix)}
            )
            nets[name] = net.eval()
        return cls(config, nets)

    def save(self, out_dir: Path) -> None:
        """Write the config and fp16 weights into ``out_dir`` (created if needed)."""
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        state = {
            f"{name}.{k}": v.detach().half().contiguous()
            for name, net in self.nets.items()
            for k, v in net.state_dict().items()
        }
        save_file(state, str(Path(out_dir) / WEIGHTS))
        (Path(out_dir) / WEIGHTS).chmod(0o644)  # safetensors writes 0600
        text = json.dumps(self.config, indent=2, ensure_ascii=False, sort_keys=True)
        (Path(out_dir) / CONFIG).write_text(text + "\n")

    def features(self, batch: EncodedBatch) -> list[TextFeatures]:
        """Per-sentence features of an encoded batch (encode with ``self.layers``)."""
        return split_batch(batch)

    def _tag(
        self, net: str, feats: Sequence[TextFeatures], texts: Sequence[str], labels: list[str]
    ) -> list[list[Span]]:
        # The taggers are per-token MLPs: one call over every token of the
        # batch costs a fraction of one call per sentence (small-op overhead).
        rows = [f.tokens for f in feats if f.offsets]
        if not rows:
            return [[] for _ in feats]
        with torch.inference_mode():
            best, ids = self.nets[net](torch.cat(rows)).softmax(-1).max(-1)
        best_all, ids_all = best.tolist(), ids.tolist()
        out: list[list[Span]] = []
        at = 0
        for f, text in zip(feats, texts, strict=True):
            n = len(f.offsets)
            part = slice(at, at + n)
            out.append(
                decode_bio(text, f.offsets, ids_all[part], best_all[part], labels) if n else []
            )
            at += n
        return out

    def tag_tokens(self, feats: Sequence[TextFeatures], texts: Sequence[str]) -> list[list[Span]]:
        """Entity spans (PER/ORG/GPE/LOC) with character offsets into each text."""
        return self._tag("entity", feats, texts, self.entity_labels)

    def tag_triggers(self, feats: Sequence[TextFeatures], texts: Sequence[str]) -> list[list[Span]]:
        """Event trigger spans, labelled with the event type."""
        return self._tag("trigger", feats, texts, self.trigger_labels)

    def status_probs(self, feat: TextFeatures, spans: Sequence[Span | None]) -> torch.Tensor:
        """float32 ``[len(spans), n_statuses]``; a None span means "no trigger found"."""
        rows = [
            torch.cat(
                [
                    feat.sentence,
                    pool_span(feat, s.start, s.end) if s else torch.zeros(feat.tokens.shape[1]),
                ]
            )
            for s in spans
        ]
        with torch.inference_mode():
            return self.nets["status"](torch.stack(rows)).softmax(-1)

    def predict_sentences(self, feats: Sequence[TextFeatures]) -> tuple[torch.Tensor, torch.Tensor]:
        """Event-type probabilities ``[B, n_types]`` (independent sigmoids) and a
        sentence status distribution ``[B, n_statuses]`` (no trigger pooled)."""
        with torch.inference_mode():
            sent = torch.stack([f.sentence for f in feats])
            types = self.nets["types"](sent).sigmoid()
        status = torch.cat([self.status_probs(f, [None]) for f in feats])
        return types, status

    def analyse(self, batch: EncodedBatch, texts: Sequence[str]) -> list[SentenceAnalysis]:
        """Run every head on one encoded batch: types, entities, triggers with status."""
        feats = self.features(batch)
        types, _ = self.predict_sentences(feats)
        entities = self.tag_tokens(feats, texts)
        triggers = self.tag_triggers(feats, texts)
        out = []
        for i, f in enumerate(feats):
            status = self.status_probs(f, triggers[i]) if triggers[i] else torch.zeros(0)
            trig = [
                Trigger(span, dict(zip(self.statuses, status[k].tolist(), strict=True)))
                for k, span in enumerate(triggers[i])
            ]
            probs = dict(zip(self.event_types, types[i].tolist(), strict=True))
            out.append(SentenceAnalysis(probs, entities[i], trig))
        return out
