"""The trained heads: span coding, save/load, shapes, deterministic training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from models.encoder import Encoder, load_encoder
from models.heads import Heads, Span, train_all
from models.heads.features import TextFeatures
from models.heads.networks import FitConfig, candidate_loss, new_mlp
from models.heads.spans import decode_bio, encode_bio
from models.heads.training import ENTITY_LABELS, TRIGGER_LABELS, fit_tagger

ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = ROOT / "models" / "heads" / "weights"
CACHE = ROOT / ".cache" / "eventwire"
NER_DIR = ROOT.parent / "shared" / "data" / "ner"
H = 384


def test_bio_round_trip_is_word_level() -> None:
    text = "Putin met Kim Jong Un."
    # Pieces as XLM-R gives them: leading spaces included, "Put|in" split.
    offsets = [(0, 3), (3, 5), (5, 9), (9, 13), (13, 18), (18, 21), (21, 22)]
    spans = [Span(0, 5, "PER"), Span(10, 21, "PER")]
    ids = encode_bio(offsets, spans, ENTITY_LABELS)
    decoded = decode_bio(text, offsets, ids, [1.0] * len(ids), ENTITY_LABELS)
    assert [(text[s.start : s.end], s.label) for s in decoded] == [
        ("Putin", "PER"),
        ("Kim Jong Un", "PER"),
    ]


def test_candidate_loss_accepts_either_place_label() -> None:
    logits = torch.tensor([[0.0, 5.0, 5.0]])
    either = torch.tensor([[False, True, True]])
    only = torch.tensor([[False, True, False]])
    assert float(candidate_loss(logits, either)) < float(candidate_loss(logits, only))


def _fake_features(n: int, seed: int) -> list[TextFeatures]:
    gen = torch.Generator().manual_seed(seed)
    return [
        TextFeatures(
            torch.randn(2 * H, generator=gen),
            torch.randn(4, H, generator=gen),
            [(0, 3), (3, 7), (7, 12), (12, 15)],
        )
        for _ in range(n)
    ]


def _random_heads() -> Heads:
    dims = {
        "entity": [H, 16, len(ENTITY_LABELS)],
        "trigger": [H, 16, len(TRIGGER_LABELS)],
        "types": [2 * H, 16, 3],
        "status": [3 * H, 16, 5],
    }
    config = {
        "entity_labels": ENTITY_LABELS,
        "trigger_labels": TRIGGER_LABELS,
        "event_types": ["MEETING", "VISIT", "ARMS_TRANSFER"],
        "statuses": ["occurred", "planned", "proposed", "alleged", "denied"],
        "recipe": {"layers": [8, 12], "prefix": "query: ", "max_length": 64},
        "dims": dims,
    }
    return Heads(config, {k: new_mlp(v[0], v[1], v[2], 1) for k, v in dims.items()})


def test_heads_save_load_and_shapes(tmp_path: Path) -> None:
    _random_heads().save(tmp_path)
    heads = Heads.load(tmp_path)
    feats = _fake_features(3, seed=0)
    types, status = heads.predict_sentences(feats)
    assert types.shape == (3, 3) and status.shape == (3, 5)
    assert torch.allclose(status.sum(-1), torch.ones(3))
    spans = heads.tag_tokens(feats, ["abc defg hijk lmn"] * 3)
    assert len(spans) == 3 and all(isinstance(s, Span) for row in spans for s in row)
    assert heads.status_probs(feats[0], [Span(0, 3, "VISIT"), None]).shape == (2, 5)


def test_fit_is_deterministic() -> None:
    feats = _fake_features(20, seed=3)
    targets = [
        torch.nn.functional.one_hot(torch.tensor([0, 1, 2, 0]), len(ENTITY_LABELS)).bool()
    ] * 20
    cfg = FitConfig(epochs=2, batch_size=16, seed=7)
    a = fit_tagger(feats, targets, [1.0] * 20, len(ENTITY_LABELS), cfg).state_dict()
    b = fit_tagger(feats, targets, [1.0] * 20, len(ENTITY_LABELS), cfg).state_dict()
    assert all(torch.equal(a[k], b[k]) for k in a)


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return load_encoder(None, CACHE, threads=2)


@pytest.mark.slow
def test_shipped_heads_predict(encoder: Encoder) -> None:
    heads = Heads.load(WEIGHTS)
    texts = [
        "Russian President Vladimir Putin met Kim Jong Un in Vostochny on Wednesday.",
        "استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الروسي سيرغي لافروف في القاهرة.",
    ]
    batch = encoder.encode(
        texts, layers=heads.layers, max_length=heads.max_length, prefix=heads.prefix
    )
    out = heads.analyse(batch, texts)
    assert len(out) == 2 and set(out[0].type_probs) == {"MEETING", "VISIT", "ARMS_TRANSFER"}
    triggers = {(texts[0][t.span.start : t.span.end], t.span.label) for t in out[0].triggers}
    assert ("met", "MEETING") in triggers
    assert all(abs(sum(t.status.values()) - 1.0) < 1e-4 for t in out[0].triggers)
    people = {texts[0][s.start : s.end] for s in out[0].entities if s.label == "PER"}
    assert "Vladimir Putin" in people


@pytest.mark.slow
def test_train_all_is_deterministic(encoder: Encoder, tmp_path: Path) -> None:
    if not NER_DIR.is_dir():
        pytest.skip("shared NER corpora not available")
    data = tmp_path / "data"
    data.mkdir()
    lines = [
        {"id": f"en-{i:04d}", "lang": "en", "source": "written", "text": text, "events": ev}
        for i, (text, ev) in enumerate(
            [
                (
                    "Putin met Kim in Moscow.",
                    [
                        {
                            "type": "MEETING",
                            "status": "occurred",
                            "trigger": "met",
                            "participant": ["Putin", "Kim"],
                            "location": "Moscow",
                            "time": None,
                        }
                    ],
                ),
                (
                    "Kim will visit Russia next week.",
                    [
                        {
                            "type": "VISIT",
                            "status": "planned",
                            "trigger": "visit",
                            "visitor": ["Kim"],
                            "host": [],
                            "inviter": [],
                            "location": "Russia",
                            "time": "next week",
                        }
                    ],
                ),
                ("The ministry imposed sanctions on Iran.", []),
            ]
        )
    ]
    (data / "events_en.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    outs = []
    for run in ("a", "b"):
        train_all(
            data,
            tmp_path / run,
            tmp_path / "cache",
            seed=5,
            log=lambda _: None,
            ner_dir=NER_DIR,
            ner_per_language=15,
            negatives_per_language=5,
            encoder=encoder,
        )
        outs.append((tmp_path / run / "heads.safetensors").read_bytes())
    assert outs[0] == outs[1]
