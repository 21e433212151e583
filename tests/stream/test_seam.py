"""The extraction seam: isolation of failing articles, executor, factory."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from models.base import Extractor
from models.factory import ExtractorNotAvailable, build_extractor
from models.schema import Article, Event
from stream.errors import ExtractorUnavailable
from stream.seam import ExtractionSeam, Failure, extract_isolated, load_extractor
from stream.settings import Settings
from tests.stream.extractors import MARKER, FailingOn, MetExtractor


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", text=text) for i, text in enumerate(texts)]


def test_good_batch_passes_through() -> None:
    batch = articles("They met today.", "Nothing here.")
    outcomes = extract_isolated(MetExtractor(), batch)
    assert [len(o) for o in outcomes if not isinstance(o, Failure)] == [1, 0]


def test_one_failing_article_does_not_sink_the_batch() -> None:
    batch = articles("They met today.", f"{MARKER} here", "We met again.")
    outcomes = extract_isolated(FailingOn(MetExtractor()), batch)
    assert isinstance(outcomes[1], Failure) and outcomes[1].error == "RuntimeError"
    assert [len(o) for o in (outcomes[0], outcomes[2]) if not isinstance(o, Failure)] == [1, 1]


class WrongLength:
    name, version = "wrong", "0"

    def extract_batch(self, batch: Sequence[Article]) -> list[list[Event]]:
        return [[] for _ in range(len(batch) + 1)]


def test_wrong_result_length_is_a_failure() -> None:
    outcomes = extract_isolated(WrongLength(), articles("x", "y"))
    assert all(isinstance(o, Failure) for o in outcomes)


def test_empty_batch() -> None:
    assert extract_isolated(MetExtractor(), []) == []


class ThreadRecorder(MetExtractor):
    def __init__(self) -> None:
        self.threads: set[str] = set()

    def extract_batch(self, batch: Sequence[Article]) -> list[list[Event]]:
        self.threads.add(threading.current_thread().name)
        return super().extract_batch(batch)


async def test_runs_on_one_thread_off_the_loop() -> None:
    recorder = ThreadRecorder()
    seam = ExtractionSeam(recorder)
    for _ in range(3):
        await seam.extract(articles("met"))
    seam.close()
    assert len(recorder.threads) == 1
    assert threading.current_thread().name not in recorder.threads
    assert seam.last_batch_s >= 0


def test_import_path_factory() -> None:
    settings = Settings(extractor_factory="tests.stream.extractors:MetExtractor")
    assert isinstance(load_extractor(settings), Extractor)


@pytest.mark.parametrize("path", ["no.such.module:x", "tests.stream.extractors:nope"])
def test_bad_import_path_is_a_clear_error(path: str) -> None:
    with pytest.raises(ExtractorUnavailable, match="cannot build extractor"):
        load_extractor(Settings(extractor_factory=path))


def test_factory_rejects_unknown_kind() -> None:
    with pytest.raises(ExtractorNotAvailable, match="unknown extractor"):
        build_extractor("nope", model_source=None, cache_dir=Path("."), threads=1)


@pytest.mark.parametrize("kind", ["lexicon", "transformer"])
def test_factory_builds_or_explains(kind: str, tmp_path: Path) -> None:
    # Whichever implementations exist in this checkout: a built Extractor, or
    # a clear ExtractorNotAvailable, never an ImportError.
    try:
        extractor = build_extractor(kind, model_source=None, cache_dir=tmp_path, threads=1)
    except ExtractorNotAvailable as exc:
        assert kind in str(exc)
    else:
        assert isinstance(extractor, Extractor)


def test_a_missing_core_dir_is_a_clear_error(tmp_path: Path) -> None:
    # EVENTWIRE_CORE_DIR reaches the transformer: it reads the core from there, and
    # says which directory lacks it (before loading the encoder).
    missing = tmp_path / "no-core"
    settings = Settings(core_dir=missing, cache_dir=tmp_path / "cache")
    with pytest.raises(ExtractorUnavailable, match=f"E201 .*{missing}"):
        load_extractor(settings)


@pytest.mark.slow
def test_core_dir_serves_trained_weights_from_elsewhere(tmp_path: Path) -> None:
    # What `eventwire train --out DIR` writes, served without replacing the shipped
    # weights: a copy of them gives the shipped extractor's events.
    import json
    import shutil

    from models.s6_core.weights import WEIGHTS_DIR

    root = Path(__file__).resolve().parents[2]
    cache = root / ".cache" / "eventwire"
    core = shutil.copytree(WEIGHTS_DIR, tmp_path / "core")
    seed = root.parent / "shared" / "eval" / "dev" / "seed.jsonl"
    article = Article.model_validate(json.loads(seed.read_text().splitlines()[0])["article"])
    shipped = load_extractor(Settings(cache_dir=cache, torch_threads=2))
    copied = load_extractor(Settings(cache_dir=cache, torch_threads=2, core_dir=core))
    expected = [e.event_id for e in shipped.extract_batch([article])[0]]
    assert expected and [e.event_id for e in copied.extract_batch([article])[0]] == expected
