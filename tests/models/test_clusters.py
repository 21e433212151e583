"""The pure clusterer: matching rules, merging, ids, dedupe, expiry."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from models.clusters.engine import Clusterer
from models.clusters.match import Rules
from models.clusters.merge import cluster_id
from models.clusters.names import SAME, WITHIN, Spot, place_relation, same_words, tokens
from models.clusters.when import agreed
from models.schema import Actor, Event, Evidence, ExtractorInfo, Place, Time

EXTRACTOR = ExtractorInfo(name="test", version="1")


def person(role: str, text: str, name: str | None = None, country: str | None = None,
           title: str | None = None) -> Actor:  # fmt: skip
    return Actor(role=role, text=text, name=name, kind="PERSON", country=country, title=title)  # type: ignore[arg-type]


def place(text: str, name: str | None = None, country: str | None = None) -> Place:
    return Place(text=text, name=name, kind="GPE", country=country)


def day(value: str) -> Time:
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return Time(text=value, start=value, end=value, precision=precision)  # type: ignore[arg-type]


def event(eid: str, article: str, kind: str, actors: list[Actor], **extra: Any) -> Event:
    fields: dict[str, Any] = {"status": "occurred", "confidence": 0.8, "language": "en"}
    fields |= extra
    return Event(event_id=eid, type=kind, article_id=article, actors=actors,  # type: ignore[arg-type]
                 extractor=EXTRACTOR, **fields)  # fmt: skip


LAVROV = person("participant", "Lavrov", "Sergei Lavrov", "RUS")
JUBEIR = person("participant", "Jubeir", "Adel al-Jubeir", "SAU")
KERRY = person("participant", "Kerry", "John Kerry", "USA")
DOHA = place("Doha", "Doha", "QAT")


def feed(events: list[tuple[Event, str]], rules: Rules | None = None) -> Clusterer:
    clusterer = Clusterer(rules)
    for e, published in events:
        clusterer.add(e, published, f"{published}T00:00:00")
    return clusterer


def test_rewordings_of_one_meeting_in_three_outlets_make_one_cluster() -> None:
    lavrov_ar = person("participant", "سيرغي لافروف", "Sergei Lavrov", "RUS")
    evidence = [Evidence(text="Lavrov met Jubeir in Doha.", start=0, end=26)]
    clusterer = feed([
        (event("e1", "a1", "MEETING", [LAVROV, JUBEIR], location=DOHA, time=day("2015-08-03"),
               evidence=evidence), "2015-08-03"),
        (event("e2", "a2", "MEETING", [JUBEIR, lavrov_ar], time=day("2015-08"),
               status="planned"), "2015-08-04"),
        (event("e3", "a3", "MEETING", [person("participant", "ولافروف"), JUBEIR],
               location=place("الدوحة", "Doha", "QAT")), "2015-08-05"),
    ])  # fmt: skip
    assert len(clusterer) == 1
    (cluster,) = clusterer.clusters.values()
    assert cluster.cluster_id == cluster_id("e1")
    assert cluster.event_ids == ["e1", "e2", "e3"] and cluster.sources == 3
    assert cluster.time is not None and cluster.time.start == "2015-08-03"
    assert cluster.status == "occurred" and cluster.status_counts == {"occurred": 2, "planned": 1}
    assert (cluster.first_seen, cluster.last_seen) == ("2015-08-03", "2015-08-05")
    lavrov = next(a for a in cluster.actors if a.name == "Sergei Lavrov")
    assert lavrov.forms == ["Lavrov", "سيرغي لافروف", "ولافروف"] and lavrov.reports == 3
    assert [s.article_id for s in cluster.evidence] == ["a1"]
    assert cluster.confidence == pytest.approx(1 - 0.2**3)


def test_the_same_two_leaders_in_march_and_in_june_are_two_events() -> None:
    clusterer = feed([
        (event("m", "a1", "MEETING", [LAVROV, JUBEIR], time=day("2015-03-10")), "2015-03-10"),
        (event("j", "a2", "MEETING", [LAVROV, JUBEIR], time=day("2015-06-02")), "2015-06-02"),
        (event("j2", "a3", "MEETING", [JUBEIR, LAVROV]), "2015-06-03"),  # undated: by publication
    ])  # fmt: skip
    assert sorted(len(c.event_ids) for c in clusterer.clusters.values()) == [1, 2]
    assert clusterer.cluster_of("j2") == clusterer.cluster_of("j")


def test_undated_reports_join_only_within_the_publication_window() -> None:
    rules = Rules(window_days=3)
    clusterer = feed([
        (event("a", "a1", "MEETING", [LAVROV, JUBEIR]), "2015-08-01"),
        (event("b", "a2", "MEETING", [LAVROV, JUBEIR]), "2015-08-04"),
        (event("c", "a3", "MEETING", [LAVROV, JUBEIR]), "2015-08-20"),
    ], rules)  # fmt: skip
    assert clusterer.cluster_of("a") == clusterer.cluster_of("b") != clusterer.cluster_of("c")


def test_a_meeting_needs_two_shared_participants_or_all_when_fewer() -> None:
    clusterer = feed([
        (event("a", "a1", "MEETING", [LAVROV, JUBEIR, KERRY]), "2015-08-03"),
        (event("b", "a2", "MEETING", [LAVROV, person("participant", "Meshaal", "Khaled Meshaal")]),
         "2015-08-03"),
        (event("c", "a3", "MEETING", [KERRY]), "2015-08-03"),
    ])  # fmt: skip
    assert clusterer.cluster_of("b") != clusterer.cluster_of("a")
    assert clusterer.cluster_of("c") == clusterer.cluster_of("a")


def test_a_visit_needs_the_same_visitor_and_a_compatible_destination() -> None:
    def visit(eid: str, where: Place, who: str = "Fabius") -> Event:
        return event(eid, eid, "VISIT", [person("visitor", who)], location=where)

    tehran, iran = place("Tehran", "Tehran", "IRN"), place("Iran", "Iran", "IRN")
    clusterer = feed([
        (visit("t", tehran), "2015-07-29"), (visit("i", iran), "2015-07-29"),
        (visit("m", place("Moscow", "Moscow", "RUS")), "2015-07-29"),
        (visit("k", tehran, "Kerry"), "2015-07-29"),
    ])  # fmt: skip
    assert clusterer.cluster_of("t") == clusterer.cluster_of("i")
    assert len(clusterer) == 3


def test_arms_transfers_need_the_same_supplier_and_recipient() -> None:
    def deal(eid: str, supplier: str, recipient: str) -> Event:
        actors = [Actor(role="supplier", text=supplier, kind="GPE"),
                  Actor(role="recipient", text=recipient, kind="GPE")]  # fmt: skip
        return event(eid, eid, "ARMS_TRANSFER", actors)

    clusterer = feed([
        (deal("a", "Norway", "Ukraine"), "2024-01-02"),
        (deal("b", "Norway", "Ukraine"), "2024-01-03"),
        (deal("c", "Norway", "Poland"), "2024-01-03"),
    ])  # fmt: skip
    assert clusterer.cluster_of("a") == clusterer.cluster_of("b") != clusterer.cluster_of("c")


def test_known_people_with_the_same_surname_stay_apart() -> None:
    salman = person("participant", "King Salman", "Salman bin Abdulaziz", "SAU")
    mbs = person("participant", "Mohammed bin Salman", "Mohammed bin Salman", "SAU")
    clusterer = feed([
        (event("a", "a1", "MEETING", [salman, LAVROV]), "2015-08-03"),
        (event("b", "a2", "MEETING", [mbs, LAVROV]), "2015-08-03"),
    ])  # fmt: skip
    assert len(clusterer) == 2


def test_an_unnamed_office_holder_matches_the_named_one_of_the_same_country() -> None:
    named = person("participant", "Yusuf bin Alawi", "Yusuf bin Alawi", "OMN", "Foreign Minister")
    office = person("participant", "وزير الخارجية العماني", None, "OMN", "Foreign Minister")
    muallem = person("participant", "Walid al-Muallem", "Walid al-Muallem", "SYR")
    clusterer = feed([
        (event("a", "a1", "MEETING", [muallem, named]), "2015-08-06"),
        (event("b", "a2", "MEETING", [office, muallem]), "2015-08-06"),
    ])  # fmt: skip
    assert len(clusterer) == 1


def test_an_event_seen_again_changes_nothing() -> None:
    clusterer = Clusterer()
    first = clusterer.add(
        event("a", "a1", "MEETING", [LAVROV, JUBEIR]), "2015-08-03", "2015-08-03T00:00:00"
    )
    again = clusterer.add(
        event("a", "a1", "MEETING", [LAVROV, JUBEIR]), "2015-08-03", "2015-08-04T00:00:00"
    )
    assert first.created and not first.duplicate
    assert again.duplicate and again.cluster == first.cluster


def test_a_restored_clusterer_continues_exactly_like_the_original() -> None:
    events = [
        (event(f"e{i}", f"a{i}", "MEETING", [LAVROV, JUBEIR]), f"2015-08-0{i}") for i in range(1, 6)
    ]
    whole = feed(events)
    half = feed(events[:2])
    resumed = Clusterer()
    resumed.restore(half.clusters.values())
    for e, published in events[1:]:  # one replayed: a duplicate
        resumed.add(e, published, f"{published}T00:00:00")
    assert resumed.clusters == whole.clusters


def test_idle_clusters_close_after_the_retention() -> None:
    clusterer = Clusterer(retention=dt.timedelta(days=7))
    clusterer.add(
        event("a", "a1", "MEETING", [LAVROV, JUBEIR]), "2015-08-01", "2015-08-01T00:00:00"
    )
    clusterer.add(event("b", "a2", "MEETING", [KERRY, JUBEIR]), "2015-08-09", "2015-08-09T00:00:00")
    assert clusterer.expire() == [cluster_id("a")]
    assert clusterer.cluster_of("a") is None and len(clusterer) == 1


def test_places_and_words() -> None:
    assert same_words(tokens("Lavrov"), tokens("Sergei Lavrov"))
    assert not same_words(tokens("Hu"), tokens("Hu Jintao"))  # a lone short word
    assert same_words(tokens("وموسكو"), tokens("موسكو"))
    moscow, russia = Spot.of("Moscow", "موسكو", "RUS"), Spot.of("Russia", "روسيا", "RUS")
    assert place_relation(moscow, russia) == WITHIN
    assert place_relation(moscow, Spot.of(None, "Moscow", None)) == SAME


def test_agreed_time_is_the_finest_every_report_allows() -> None:
    assert agreed([day("2024-01"), day("2024-01-16")]) == day("2024-01-16")
    assert agreed([day("2024-01-16"), day("2024-01-17")]) == day("2024-01")
    assert agreed([day("2023-12-31"), day("2024-01-01")]) is None
