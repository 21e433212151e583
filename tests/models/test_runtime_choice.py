"""Which runtime runs the frozen bottom layers: the one the core was trained on, unless
asked otherwise, and float32 batches cut to their real lengths change no state."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
import torch

from models.extractors.transformer import TransformerExtractor, _trained_on
from models.s5_encoder import load_encoder
from models.s5_encoder.encoder import buckets
from models.s6_core.weights import WEIGHTS_DIR

CACHE = Path(__file__).resolve().parents[2] / ".cache" / "eventwire"
TEXTS = [
    "Putin met Kim.",
    "التقى وزير الخارجية الروسي سيرغي لافروف نظيرته الكورية الشمالية تشوي سون هوي في موسكو "
    "يوم الخميس لبحث التعاون بين البلدين في مجالات عدة.",
    "Lavrov held talks with Wang Yi in Beijing on Tuesday.",
    "Shares fell.",
    "La ministre nord-coréenne a rencontré Sergueï Lavrov à Moscou mardi.",
]


def test_weights_without_a_runtime_were_trained_on_int8() -> None:
    assert _trained_on({"recipe": {"seed": 7}}) == "onnx-int8"  # every core before 2026-12-06
    assert _trained_on({"recipe": {"runtime": "onnx"}}) == "onnx"


@pytest.mark.parametrize("seed", range(20))
def test_buckets_hold_every_index_once_within_their_caps(seed: int) -> None:
    rng = random.Random(seed)
    lengths = [rng.randint(3, 160) for _ in range(rng.randint(0, 30))]
    size = rng.choice([None, 1, 4, 8])
    groups = buckets(lengths, 0.1, size)
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))
    for g in groups:
        longest = max(lengths[i] for i in g)
        assert len(g) * longest - sum(lengths[i] for i in g) <= 0.1 * len(g) * longest
        assert size is None or len(g) <= size


def test_buckets_keep_equal_lengths_together() -> None:
    assert buckets([20, 20, 20, 60], 0.1) == [[0, 1, 2], [3]]
    assert buckets([20, 60], 0.3) == [[0], [1]]  # 40 of 120 positions would be padding
    assert buckets([20, 60], 0.4) == [[0, 1]]


@pytest.mark.slow
def test_float32_states_are_the_same_whatever_the_batch() -> None:
    enc = load_encoder(None, CACHE, 2, runtime="onnx", layers=(6,))
    alone = [enc.encode([t], (6,), 160).hidden[6][0] for t in TEXTS]
    groups = list(enc.encode_sorted(TEXTS, (6,), 8, 160, max_padding=0.1))
    assert len(groups) > 1  # the lengths differ: cut into several batches
    for indices, batch in groups:
        for row, i in enumerate(indices):
            n = alone[i].shape[0]
            assert torch.allclose(batch.hidden[6][row, :n], alone[i], atol=1e-5)


@pytest.mark.slow
def test_int8_states_depend_on_the_batch() -> None:
    # Why int8 keeps the batches the core was read with: ONNX Runtime quantises each
    # batch's activations with one scale, so a sentence's states move with its neighbours.
    enc = load_encoder(None, CACHE, 2, runtime="onnx-int8", layers=(6,))
    batch = enc.encode(TEXTS, (6,), 160)
    alone = enc.encode([TEXTS[0]], (6,), 160).hidden[6][0]
    together = batch.hidden[6][0, : alone.shape[0]]
    assert (together - alone).norm() / alone.norm() > 0.01


@pytest.mark.slow
def test_the_extractor_runs_what_the_core_was_trained_on(tmp_path: Path) -> None:
    core = shutil.copytree(WEIGHTS_DIR, tmp_path / "core")
    config = json.loads((core / "core.json").read_text())
    config["recipe"]["runtime"] = "onnx-int8"
    (core / "core.json").write_text(json.dumps(config))
    said: list[str] = []
    int8 = TransformerExtractor(None, CACHE, 2, weights_dir=core, log=said.append)
    assert int8._encoder.name.endswith("+onnx-int8")
    assert not any("figures will differ" in line for line in said)
    asked = TransformerExtractor(None, CACHE, 2, weights_dir=core, runtime="onnx", log=said.append)
    assert asked._encoder.name.endswith("+onnx")
    assert any("trained on onnx-int8 states, not onnx" in line for line in said)
