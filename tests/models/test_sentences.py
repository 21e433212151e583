"""The sentence-level harness: training lines as tiny gold articles."""

from __future__ import annotations

from models.evaluation.sentences import (
    DATA,
    evaluate,
    gold_event,
    read_lines,
    time_coverage,
    to_gold,
)
from models.extractors.lexicon import LexiconExtractor
from models.s6_core.convert import to_offsets

RAW = {
    "id": "en-9999",
    "lang": "en",
    "source": "written",
    "text": "Emmanuel Macron visited Berlin on Monday and met Olaf Scholz.",
    "events": [
        {"type": "VISIT", "status": "occurred", "trigger": "visited",
         "visitor": ["Emmanuel Macron"], "host": [], "inviter": [],
         "location": "Berlin", "time": "on Monday"},
        {"type": "MEETING", "status": "occurred", "trigger": "met",
         "participant": ["Emmanuel Macron", "Olaf Scholz"], "location": None, "time": None},
    ],
}  # fmt: skip
LINE = to_offsets(RAW, "en-9999", "test")


def test_to_gold_makes_single_alias_entities() -> None:
    gold = to_gold(LINE)
    assert gold["article"]["id"] == "en-9999" and gold["article"]["language"] == "en"
    visit = gold["events"][0]
    assert visit == {
        "type": "VISIT",
        "status": ["occurred"],
        "visitor": [["Emmanuel Macron"]],
        "location": ["Berlin"],
    }
    assert "host" not in visit  # empty roles are left out, as in the gold files


def test_gold_event_keeps_only_named_roles() -> None:
    raw = {"type": "ARMS_TRANSFER", "status": "alleged", "trigger": "sent", "supplier": ["Iran"],
           "recipient": [], "location": None, "time": None}  # fmt: skip
    line = to_offsets({"text": "Iran sent drones.", "events": [raw]}, "en-1", "test")
    assert gold_event(line.events[0]) == {
        "type": "ARMS_TRANSFER",
        "status": ["alleged"],
        "supplier": [["Iran"]],
    }


def test_evaluate_scores_a_line_and_reports_time_coverage() -> None:
    result, preds = evaluate(LexiconExtractor(), [LINE])
    assert result["events"]["all"]["tp"] == 2 and result["events"]["all"]["fp"] == 0
    assert "1/1" in time_coverage([LINE], preds)


def test_training_files_are_readable() -> None:
    for lang in ("ar", "en"):
        lines = read_lines(DATA / f"events_{lang}.jsonl")
        assert lines and all(to_gold(line)["article"]["language"] == lang for line in lines[:20])
