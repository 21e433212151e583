"""The vendored scorer must agree with the shared one, rule for rule."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from models.evaluation import scorer
from models.evaluation.run import format_report, read_gold, score_events
from models.schema import Event, ExtractorInfo

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
SEED = SHARED / "dev" / "seed.jsonl"


def _shared_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _event(**kw: object) -> Event:
    base: dict[str, object] = {
        "event_id": "x",
        "type": "VISIT",
        "status": "occurred",
        "article_id": "seed-ar-0001",
        "language": "ar",
        "confidence": 0.5,
        "extractor": ExtractorInfo(name="t", version="0"),
    }
    base.update(kw)
    return Event.model_validate(base)


@pytest.fixture(scope="module")
def shared():  # type: ignore[no-untyped-def]
    if not (SHARED / "score.py").exists():
        pytest.fail(f"shared scorer missing at {SHARED}: CI must have ../shared beside the repo")
    return _shared_scorer()


def test_vendored_rules_are_the_shared_rules(shared) -> None:  # type: ignore[no-untyped-def]
    body = (SHARED / "score.py").read_text(encoding="utf-8")
    assert body in Path(scorer.__file__).read_text(encoding="utf-8")


def test_scores_agree_on_seed(shared) -> None:  # type: ignore[no-untyped-def]
    gold = read_gold(SEED)
    events = [
        _event(
            actors=[{"role": "visitor", "text": "لافروف", "kind": "PERSON"}],
            location={"text": "بيونغ يانغ", "kind": "GPE", "country": "PRK"},
            time={"text": "أكتوبر", "start": "2023-10", "end": "2023-10", "precision": "month"},
        ),
        _event(type="MEETING", actors=[{"role": "participant", "text": "x", "kind": "PERSON"}]),
    ]
    mine = score_events(gold, events)
    theirs = shared.score(gold, [json.loads(e.model_dump_json()) for e in events], verbose=True)
    assert mine == theirs
    assert mine["events"]["VISIT"]["tp"] == 1
    assert mine["events"]["MEETING"]["fp"] == 1
    assert format_report(mine)[-1].startswith("event F1 = ")
