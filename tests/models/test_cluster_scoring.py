"""Cluster scoring: the metrics, gold events as events, extracted events matched
to gold with the shared scorer's rules."""

from __future__ import annotations

from typing import Any

from models.clusters.match import Rules
from models.evaluation import clusters as scoring
from models.schema import Actor, Article, Event, ExtractorInfo


def test_pairwise_and_bcubed_on_a_worked_example() -> None:
    gold = {"1": "a", "2": "a", "3": "a", "4": "b"}
    pred = {"1": "x", "2": "x", "3": "y", "4": "y"}
    # pairs: gold {12,13,23}, pred {12,34}: one true pair.
    assert scoring.pairwise(gold, pred) == scoring.PRF.of(1 / 2, 1 / 3)
    # B-cubed precision: 1, 1, 1/2, 1/2; recall: 2/3, 2/3, 1/3, 1.
    assert scoring.bcubed(gold, pred) == scoring.PRF.of(3 / 4, (2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert scoring.pairwise(gold, gold).f1 == scoring.bcubed(gold, gold).f1 == 1.0


def line(aid: str, published: str, *events: dict[str, Any]) -> dict[str, Any]:
    text = "Sergei Lavrov met Adel al-Jubeir in Doha."
    return {"article": {"id": aid, "text": text, "published_at": published}, "events": list(events)}


MEET = {"type": "MEETING", "status": ["occurred"],
        "participant": [["Sergei Lavrov", "لافروف"], ["Adel al-Jubeir", "Jubeir"]],
        "location": ["Doha", "الدوحة", "@QAT"]}  # fmt: skip
LINES = [
    line("a1", "2015-08-03", {**MEET, "cluster": "doha", "date": "2015-08-03"}),
    line("a2", "2015-08-04", {**MEET, "cluster": "doha"}),
    line(
        "a3",
        "2015-08-11",
        {**MEET, "cluster": "moscow", "location": ["Moscow", "@RUS"], "date": "2015-08-11"},
    ),
]


def test_gold_events_become_the_events_a_perfect_extractor_would_publish() -> None:
    article = Article.model_validate(LINES[2]["article"])
    event = scoring.gold_event(article, 0, LINES[2]["events"][0])
    lavrov = event.actors[0]
    assert (lavrov.name, lavrov.text, lavrov.role) == (
        "Sergei Lavrov",
        "Sergei Lavrov",
        "participant",
    )
    assert event.location is not None and event.location.country == "RUS"
    assert event.time is not None and event.time.precision == "day"


def test_gold_events_fed_in_directly_are_clustered_in_publication_order() -> None:
    result = scoring.score_gold(LINES, scoring.online(Rules()))
    assert (result.items, result.gold_clusters, result.pred_clusters) == (3, 2, 2)
    assert result.pairwise.f1 == 1.0
    merged = scoring.score_gold(LINES, scoring.one_actor)
    assert merged.pairwise.p == round(1 / 3, 4)


def test_extracted_events_are_scored_over_the_gold_events_they_find() -> None:
    def found(aid: str, place: str) -> Event:
        actors = [Actor(role="participant", text=n, name=n, kind="PERSON")
                  for n in ("Sergei Lavrov", "Adel al-Jubeir")]  # fmt: skip
        return Event(event_id=f"p-{aid}", type="MEETING", status="occurred", article_id=aid,
                     language="en", actors=actors, confidence=0.9,
                     extractor=ExtractorInfo(name="x", version="1"))  # fmt: skip

    predicted = [found("a1", "Doha"), found("a2", "Doha")]  # a3's event was missed
    assert scoring.found(LINES, predicted) == {"a1#0": "p-a1", "a2#0": "p-a2"}
    result = scoring.score_extracted(LINES, predicted, scoring.online(Rules()))
    assert result.items == 2 and result.pairwise.f1 == 1.0
