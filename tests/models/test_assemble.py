"""Assembly: roles, merging, coreference, time policy and event ids, in both languages.

Mentions and times are written by hand here, so these tests exercise assembly
alone (not the entity finder or the date parser). Sentences are written for
the tests; the seed article is scored end to end at the bottom.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from models.extractors.lexicon import LexiconExtractor
from models.mentions import Mention, TimeMention
from models.s1_document import Document
from models.s4_triggers import LexiconSignals
from models.s7_assemble import assemble
from models.schema import Article, Event, ExtractorInfo

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
INFO = ExtractorInfo(name="test", version="0")

# surface form -> (kind, key, canonical name, country)
PEOPLE_PLACES: dict[str, tuple[str, str, str, str]] = {
    "فلاديمير بوتين": ("PERSON", "PERSON:Vladimir Putin", "Vladimir Putin", "RUS"),
    "بوتين": ("PERSON", "PERSON:Vladimir Putin", "Vladimir Putin", "RUS"),
    "رجب طيب أردوغان": ("PERSON", "PERSON:Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "TUR"),
    "إيمانويل ماكرون": ("PERSON", "PERSON:Emmanuel Macron", "Emmanuel Macron", "FRA"),
    "Emmanuel Macron": ("PERSON", "PERSON:Emmanuel Macron", "Emmanuel Macron", "FRA"),
    "Olaf Scholz": ("PERSON", "PERSON:Olaf Scholz", "Olaf Scholz", "DEU"),
    "Narendra Modi": ("PERSON", "PERSON:Narendra Modi", "Narendra Modi", "IND"),
    "Fumio Kishida": ("PERSON", "PERSON:Fumio Kishida", "Fumio Kishida", "JPN"),
    "أنقرة": ("GPE", "GPE:TUR", "Ankara", "TUR"),
    "باريس": ("GPE", "GPE:FRA", "Paris", "FRA"),
    "روسيا": ("GPE", "GPE:RUS", "Russia", "RUS"),
    "الإيرانية": ("GPE", "GPE:IRN", "Iran", "IRN"),
    "Paris": ("GPE", "GPE:FRA", "Paris", "FRA"),
    "PARIS": ("GPE", "GPE:FRA", "Paris", "FRA"),
    "Berlin": ("GPE", "GPE:DEU", "Berlin", "DEU"),
    "Tokyo": ("GPE", "GPE:JPN", "Tokyo", "JPN"),
    "India": ("GPE", "GPE:IND", "India", "IND"),
    "United States": ("GPE", "GPE:USA", "United States", "USA"),
    "Egypt": ("GPE", "GPE:EGY", "Egypt", "EGY"),
    "France": ("GPE", "GPE:FRA", "France", "FRA"),
    "Russian": ("GPE", "GPE:RUS", "Russia", "RUS"),
    "Sergei Lavrov": ("PERSON", "PERSON:Sergei Lavrov", "Sergei Lavrov", "RUS"),
    "الحوثيين": ("ORG", "ORG:Houthis", "Houthis", "YEM"),
    "إيران": ("GPE", "GPE:IRN", "Iran", "IRN"),
    "White House": ("ORG", "ORG:White House", "White House", "USA"),
}


def mentions(text: str) -> list[Mention]:
    """Longest-first, non-overlapping substring look-up of the table above."""
    found: list[Mention] = []
    for surface in sorted(PEOPLE_PLACES, key=len, reverse=True):
        kind, key, name, country = PEOPLE_PLACES[surface]
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(m.start < end and start < m.end for m in found):
                found.append(Mention(start, end, surface, kind, key, name, country))  # type: ignore[arg-type]
            start = text.find(surface, end)
    return sorted(found, key=lambda m: m.start)


def when(text: str, surface: str, value: str, precision: str) -> TimeMention:
    start = text.index(surface)
    return TimeMention(start, start + len(surface), surface, value, value, precision)  # type: ignore[arg-type]


def run(
    text: str, language: str, times: list[TimeMention] | None = None, published: str = "2024-05-10"
) -> list[Event]:
    art = Article(id="t-1", text=text, language=language, published_at=published)
    doc = Document.read(art)
    doc.set_mentions(mentions(text))  # stage 2 by hand: the rules, not the gazetteer
    doc.times = times or []
    LexiconSignals().add_to(doc)
    return assemble(doc, INFO)


def roles(event: Event) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for actor in event.actors:
        out.setdefault(actor.role, set()).add(actor.name or actor.text)
    return out


def test_arabic_verb_first_visit() -> None:
    text = "زار بوتين أنقرة في مايو."
    (event,) = run(text, "ar", [when(text, "مايو", "2024-05", "month")])
    assert (event.type, event.status) == ("VISIT", "occurred")
    assert roles(event) == {"visitor": {"Vladimir Putin"}}
    assert event.location is not None and event.location.country == "TUR"
    assert event.time is not None and event.time.start == "2024-05"


def test_english_visit_and_meeting_during_it() -> None:
    text = "Emmanuel Macron visited Berlin on Monday and met Olaf Scholz."
    events = run(text, "en", [when(text, "Monday", "2024-05-06", "day")])
    by_type = {e.type: e for e in events}
    assert roles(by_type["VISIT"]) == {"visitor": {"Emmanuel Macron"}}
    assert roles(by_type["MEETING"]) == {"participant": {"Emmanuel Macron", "Olaf Scholz"}}
    assert by_type["MEETING"].location is not None
    assert by_type["MEETING"].location.name == "Berlin"


def test_invitation_names_inviter_visitor_and_inviters_country() -> None:
    text = "ودعا إيمانويل ماكرون رجب طيب أردوغان لزيارة باريس."
    (event,) = run(text, "ar")
    assert event.status == "proposed"
    assert roles(event) == {"inviter": {"Emmanuel Macron"}, "visitor": {"Recep Tayyip Erdogan"}}
    text = "Narendra Modi invited Fumio Kishida to visit India. Modi said so."
    (event,) = run(text, "en")
    assert roles(event) == {"inviter": {"Narendra Modi"}, "visitor": {"Fumio Kishida"}}
    assert event.location is not None and event.location.country == "IND"


def test_arms_transfer_from_demonym_and_to() -> None:
    text = "وأدانت باريس ما يقولون إنها شحنات من الطائرات المسيرة الإيرانية إلى روسيا."
    (event,) = run(text, "ar")
    assert (event.type, event.status) == ("ARMS_TRANSFER", "alleged")
    assert roles(event) == {"supplier": {"Iran"}, "recipient": {"Russia"}}
    assert [i.category for i in event.items] == ["drones"]


def test_arms_transfer_subject_object_quantity() -> None:
    text = "The United States delivered eight F-16 jets to Egypt."
    (event,) = run(text, "en")
    assert roles(event) == {"supplier": {"United States"}, "recipient": {"Egypt"}}
    assert [(i.category, i.quantity) for i in event.items] == [("aircraft", 8)]


def test_subject_across_an_apposition() -> None:
    text = "Olaf Scholz, the chancellor of the country, met with Emmanuel Macron."
    (event,) = run(text, "en")
    assert roles(event) == {"participant": {"Olaf Scholz", "Emmanuel Macron"}}


def test_counterpart_named_in_apposition() -> None:
    text = "Olaf Scholz met with his Russian counterpart, Sergei Lavrov, on Monday."
    (event,) = run(text, "en")
    assert roles(event) == {"participant": {"Olaf Scholz", "Sergei Lavrov"}}


def test_reporting_subject_is_not_a_participant() -> None:
    text = "The White House said that, next week, Narendra Modi will meet officials."
    assert run(text, "en") == []


def test_demonym_is_not_a_visit_destination() -> None:
    text = "Emmanuel Macron made the first visit by a Russian leader."
    assert [e for e in run(text, "en") if e.type == "VISIT"] == []


def test_receiving_verbs_make_the_subject_recipient() -> None:
    text = "Egypt signed a deal to buy 30 Rafale fighter jets from France."
    (event,) = run(text, "en")
    assert roles(event) == {"supplier": {"France"}, "recipient": {"Egypt"}}


def test_arming_noun_takes_its_object_as_recipient() -> None:
    text = "واتهمت الحكومة إيران بتسليح الحوثيين بالصواريخ."
    (event,) = run(text, "ar")
    assert (event.type, event.status) == ("ARMS_TRANSFER", "alleged")
    assert roles(event) == {"supplier": {"Iran"}, "recipient": {"Houthis"}}


def test_mentions_of_one_visit_merge_with_union_of_evidence() -> None:
    text = "زار بوتين أنقرة في مايو. وخلال زيارة بوتين، بحث الطرفان التجارة."
    (event,) = run(text, "ar", [when(text, "مايو", "2024-05", "month")])
    assert len(event.evidence) == 2
    assert event.time is not None and event.time.start == "2024-05"


def test_past_and_planned_visits_stay_apart() -> None:
    text = "Emmanuel Macron visited Berlin in March. Emmanuel Macron will visit Berlin again."
    events = run(text, "en", [when(text, "March", "2024-03", "month")])
    assert sorted(e.status for e in events) == ["occurred", "planned"]
    assert len({e.event_id for e in events}) == 2


def test_meeting_lists_all_participants_across_sentences() -> None:
    text = (
        "Emmanuel Macron met Olaf Scholz in Berlin on Monday. "
        "Narendra Modi joined the talks with Olaf Scholz in Berlin."
    )
    (event,) = run(text, "en", [when(text, "Monday", "2024-05-06", "day")])
    assert roles(event)["participant"] == {"Emmanuel Macron", "Olaf Scholz", "Narendra Modi"}


def test_bare_surname_takes_the_full_name() -> None:
    text = "Emmanuel Macron arrived in Berlin. Later Macron met Olaf Scholz."
    events = run(text, "en")
    meeting = next(e for e in events if e.type == "MEETING")
    assert {a.name for a in meeting.actors} == {"Emmanuel Macron", "Olaf Scholz"}


def test_lead_date_only_for_undated_occurred_events() -> None:
    text = "Paris, Monday: Emmanuel Macron met Olaf Scholz. Narendra Modi will visit Tokyo."
    events = run(text, "en", [when(text, "Monday", "2024-05-06", "day")])
    by_type = {e.type: e for e in events}
    assert by_type["MEETING"].time is not None and by_type["MEETING"].time.start == "2024-05-06"
    assert by_type["VISIT"].time is None


@pytest.mark.parametrize(
    ("published", "lead", "dated"),
    [
        ("2015-10-14", "2015-10-12", True),
        ("2015-10", "2015-10-12", True),  # some day of October: within a week before it
        ("2015-10", "2015-09-26", True),  # a week before 1 October
        ("2015-10", "2015-09-20", False),
        ("2015-10", "2015-11-02", False),  # after every day of October
        ("2015", "2015-06-01", True),
        ("2014-12-31", "2015-06-01", False),
    ],
)
def test_lead_window_spans_the_anchor_period(published: str, lead: str, dated: bool) -> None:
    text = "PARIS, the lead day: Emmanuel Macron met Olaf Scholz."
    (event,) = run(text, "en", [when(text, "the lead day", lead, "day")], published=published)
    assert (event.time.start if event.time else None) == (lead if dated else None)


@pytest.mark.parametrize(
    ("published", "status"),
    [
        ("2015-10-14", "planned"),  # a day anchor: 20 October is after publication
        ("2015-10", "occurred"),  # a month anchor: it may have been published on the 31st
        ("2015-09", "planned"),  # after every day of September
    ],
)
def test_after_publication_means_after_the_anchor_period(published: str, status: str) -> None:
    text = "Emmanuel Macron met Olaf Scholz in Berlin on 20 October."
    (event,) = run(text, "en", [when(text, "20 October", "2015-10-20", "day")], published)
    assert event.status == status


def test_event_ids_are_deterministic_and_distinct() -> None:
    text = "Emmanuel Macron visited Berlin in March. Emmanuel Macron will visit Berlin again."
    times = [when(text, "March", "2024-03", "month")]
    first = [e.event_id for e in run(text, "en", times)]
    assert first == [e.event_id for e in run(text, "en", times)]
    assert len(set(first)) == len(first)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Emmanuel Macron spoke with Olaf Scholz by phone.", "en"),
        ("وأجرى إيمانويل ماكرون اتصالا هاتفيا مع رجب طيب أردوغان.", "ar"),
        ("The United States imposed sanctions on arms sales to Egypt.", "en"),
        ("Emmanuel Macron met reporters.", "en"),  # one named party is not a meeting
    ],
)
def test_negatives_give_no_event(text: str, language: str) -> None:
    assert run(text, language) == []


def _score(gold: Path, events: list[Event], tmp_path: Path) -> dict[str, Any]:
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(e.model_dump_json() + "\n" for e in events), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SHARED / "score.py"), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


@pytest.mark.skipif(not (SHARED / "dev" / "seed.jsonl").exists(), reason="shared eval absent")
def test_seed_article_score(tmp_path: Path) -> None:
    gold = SHARED / "dev" / "seed.jsonl"
    arts = [
        Article.model_validate(json.loads(line)["article"])
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    extractor = LexiconExtractor()
    began = time.perf_counter()
    events = [e for batch in extractor.extract_batch(arts) for e in batch]
    assert time.perf_counter() - began < 5.0  # generous: ~0.1 s per article measured
    result = _score(gold, events, tmp_path)
    overall = result["events"]["all"]
    assert overall["f1"] >= 0.90  # measured 1.00 (P 1.00, R 1.00); the issue asks 0.80
    assert result["status_accuracy"] is not None and result["status_accuracy"] >= 0.85
    assert result["date_accuracy"] is not None and result["date_accuracy"] >= 0.85
    arms = [e for e in events if e.type == "ARMS_TRANSFER"]
    assert arms and arms[0].status == "alleged"
    lavrov = [
        e for e in events if e.type == "VISIT" and "Sergei Lavrov" in roles(e).get("visitor", set())
    ]
    assert lavrov and lavrov[0].time is not None and lavrov[0].time.start == "2023-10"


def test_arrived_here_takes_the_dateline_place() -> None:
    text = "PARIS, May 9 - Olaf Scholz arrived here on Thursday for talks."
    (event,) = [e for e in run(text, "en") if e.type == "VISIT"]
    assert event.location is not None and event.location.name == "Paris"
    assert [
        e for e in run("Olaf Scholz arrived here on Thursday.", "en") if e.type == "VISIT"
    ] == []


def test_visiting_guest_is_hosted_by_the_subject() -> None:
    text = "Olaf Scholz held talks with visiting President Emmanuel Macron on Monday."
    by_type = {e.type: e for e in run(text, "en")}
    assert roles(by_type["VISIT"]) == {"visitor": {"Emmanuel Macron"}, "host": {"Olaf Scholz"}}
    assert roles(by_type["MEETING"]) == {"participant": {"Olaf Scholz", "Emmanuel Macron"}}


def test_the_place_a_trigger_governs_is_the_destination() -> None:
    text = "Emmanuel Macron arrived in Paris on a visit to Egypt."
    visits = [e for e in run(text, "en") if e.type == "VISIT"]
    assert visits and visits[0].location is not None and visits[0].location.name == "Paris"


def test_planned_events_move_bare_past_dates_forward() -> None:
    # Published Friday 2024-05-10; the date stage read "Sunday" as May 5, "June 2" as 2023.
    text = "Olaf Scholz will visit Paris on Sunday. Emmanuel Macron will visit India on June 2."
    times = [when(text, "Sunday", "2024-05-05", "day"), when(text, "June 2", "2023-06-02", "day")]
    starts = {
        e.location.name: e.time.start for e in run(text, "en", times) if e.location and e.time
    }
    assert starts == {"Paris": "2024-05-12", "India": "2024-06-02"}


def test_reception_verbs_need_a_guest() -> None:
    assert run("Olaf Scholz received a doctorate from a university in Paris.", "en") == []
    (event,) = run("Olaf Scholz received Emmanuel Macron in Berlin.", "en")
    assert roles(event) == {"participant": {"Olaf Scholz", "Emmanuel Macron"}}


def test_time_opening_the_next_clause_belongs_to_the_trigger() -> None:
    text = "سيزور بوتين أنقرة، الثلاثاء المقبل، وقال مسؤول إن ذلك مهم."
    (event,) = run(text, "ar", [when(text, "الثلاثاء المقبل", "2024-05-14", "day")])
    assert event.status == "planned"
    assert event.time is not None and event.time.start == "2024-05-14"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وقال إن بوتين سلم روسيا صواريخ.", "ar"),
        ("Emmanuel Macron delivered missiles to France.", "en"),
    ],
)
def test_no_transfer_inside_one_country(text: str, language: str) -> None:
    assert [e for e in run(text, language) if e.type == "ARMS_TRANSFER"] == []


def test_parties_of_two_countries_still_transfer() -> None:
    (event,) = run("Emmanuel Macron delivered missiles to India.", "en")
    assert event.type == "ARMS_TRANSFER"
    assert roles(event) == {"supplier": {"Emmanuel Macron"}, "recipient": {"India"}}


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("وسلم بوتين خلال زيارة إلى أنقرة الرئيس رجب طيب أردوغان رسالة.", "ar", "Ankara"),
        ("Sergei Lavrov travelled to Berlin as Olaf Scholz announced talks.", "en", "Berlin"),
    ],
)
def test_a_destination_before_a_name_is_still_the_destination(
    text: str, language: str, place: str
) -> None:
    visits = [e for e in run(text, language) if e.type == "VISIT"]
    assert visits and visits[0].location is not None and visits[0].location.name == place


def test_one_trip_in_two_tenses_on_one_date_is_one_visit() -> None:
    text = (
        "Emmanuel Macron arrived in Berlin on Monday. "
        "Emmanuel Macron is to arrive in Berlin on Monday, the agency said."
    )
    monday = [when(text, "Monday", "2024-05-06", "day")]
    monday.append(replace(monday[0], start=text.rindex("Monday"), end=text.rindex("Monday") + 6))
    events = run(text, "en", monday)
    assert [e.type for e in events] == ["VISIT"]
