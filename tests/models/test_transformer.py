"""The default transformer extractor with the real converted encoder and shipped heads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.evaluation.run import read_gold, score_events
from models.extractors.transformer import TransformerExtractor
from models.schema import Article, Event

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "eventwire"
SEED = ROOT.parent / "shared" / "eval" / "dev" / "seed.jsonl"


@pytest.fixture(scope="module")
def extractor() -> TransformerExtractor:
    return TransformerExtractor(None, CACHE, threads=2)


@pytest.fixture(scope="module")
def seed_events(extractor: TransformerExtractor) -> list[Event]:
    article = Article.model_validate(json.loads(SEED.read_text().splitlines()[0])["article"])
    return extractor.extract_batch([article])[0]


def _names(event: Event, role: str) -> set[str]:
    return {a.name or a.text for a in event.actors if a.role == role}


def test_seed_article_meets_its_target(seed_events: list[Event]) -> None:
    result = score_events(read_gold(SEED), seed_events)
    assert result["events"]["all"]["f1"] >= 0.80


def test_seed_missile_shipments_are_alleged(seed_events: list[Event]) -> None:
    arms = [e for e in seed_events if e.type == "ARMS_TRANSFER"]
    assert any(
        e.status in ("alleged", "denied")
        and any(a.country == "PRK" for a in e.actors if a.role == "supplier")
        and any(a.country == "RUS" for a in e.actors if a.role == "recipient")
        for e in arms
    )


def test_seed_invitation_to_pyongyang_is_planned_or_proposed(seed_events: list[Event]) -> None:
    visits = [
        e for e in seed_events if e.type == "VISIT" and "Vladimir Putin" in _names(e, "visitor")
    ]
    assert any(e.status in ("planned", "proposed") for e in visits)


def test_seed_lavrov_visit_is_dated_october_2023(seed_events: list[Event]) -> None:
    lavrov = [
        e for e in seed_events if e.type == "VISIT" and "Sergei Lavrov" in _names(e, "visitor")
    ]
    assert lavrov and lavrov[0].time is not None
    assert lavrov[0].time.start == "2023-10" and lavrov[0].time.precision == "month"


def test_english_meeting_with_place_and_date(extractor: TransformerExtractor) -> None:
    art = Article(
        id="en-t1", language="en", published_at="2024-03-14",
        text="Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida "
        "in Tokyo on Monday to discuss defence cooperation.",
    )  # fmt: skip
    (event,) = [e for e in extractor.extract_batch([art])[0] if e.type == "MEETING"]
    assert {"Narendra Modi", "Fumio Kishida"} <= _names(event, "participant")
    assert event.location is not None and event.location.country == "JPN"
    assert event.time is not None and event.time.start == "2024-03-11"
    assert event.status == "occurred"
    assert event.evidence and art.text[event.evidence[0].start : event.evidence[0].end]


@pytest.mark.parametrize(
    "text",
    [
        "Putin spoke by phone with Erdogan on Tuesday about the grain corridor.",
        "The European Union imposed new sanctions on Iran over its drone programme.",
        "North Korea said it would speed up production of nuclear weapons.",
        "بحث الرئيس الروسي في اتصال هاتفي مع نظيره التركي الأوضاع في سوريا.",
        "أعلنت وزارة الدفاع عن تصنيع صواريخ جديدة محليا.",
    ],
)
def test_hard_negatives_yield_nothing(extractor: TransformerExtractor, text: str) -> None:
    art = Article(id="neg", text=text, published_at="2024-01-16")
    assert extractor.extract_batch([art])[0] == []


def test_event_ids_are_deterministic(
    extractor: TransformerExtractor, seed_events: list[Event]
) -> None:
    article = Article.model_validate(json.loads(SEED.read_text().splitlines()[0])["article"])
    again = extractor.extract_batch([article])[0]
    assert [e.event_id for e in again] == [e.event_id for e in seed_events]
    assert len({e.event_id for e in again}) == len(again)


def test_batch_equals_one_by_one(extractor: TransformerExtractor) -> None:
    arts = [
        Article(
            id="b1", text="Lavrov met Wang Yi in Beijing on Monday.", published_at="2024-04-10"
        ),
        Article(id="b2", text="Nothing happened here today.", published_at="2024-04-10"),
    ]
    together = extractor.extract_batch(arts)
    alone = [extractor.extract_batch([a])[0] for a in arts]
    assert [[e.event_id for e in evs] for evs in together] == [
        [e.event_id for e in evs] for evs in alone
    ]


def test_other_languages_go_through(extractor: TransformerExtractor) -> None:
    art = Article(
        id="fr-1", published_at="2024-01-16",
        text="Le président russe Vladimir Poutine a reçu le ministre nord-coréen à Moscou mardi.",
    )  # fmt: skip
    events = extractor.extract_batch([art])[0]
    assert isinstance(events, list)
    assert all(e.language == "fr" for e in events)


def test_a_failing_article_stops_the_batch_and_leaves_no_work_behind(
    extractor: TransformerExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The encoder thread overlaps the cheap stages: when one article fails,
    # the batch fails as a whole (stream/ then retries article by article) and
    # the encoder work already handed over is finished or cancelled, not left
    # running into the next batch.
    arts = [Article(id=f"p{i}", text="Lavrov met Wang Yi in Beijing on Monday.") for i in range(4)]
    prepare = extractor._prepare

    def fail_third(article: Article) -> object:
        if article.id == "p2":
            raise RuntimeError("boom")
        return prepare(article)

    monkeypatch.setattr(extractor, "_prepare", fail_third)
    with pytest.raises(RuntimeError, match="boom"):
        extractor.extract_batch(arts)
    assert extractor._pool._work_queue.empty()
    monkeypatch.undo()
    assert [len(found) for found in extractor.extract_batch(arts)] == [1, 1, 1, 1]


def _en(text: str) -> Article:
    return Article(id="probe", language="en", published_at="2024-05-09", text=text)


def _one_meeting(extractor: TransformerExtractor, text: str) -> Event:
    art = Article(id="probe", language="en", published_at="2024-05-09", text=text)
    (event,) = [e for e in extractor.extract_batch([art])[0] if e.type == "MEETING"]
    return event


def test_a_meeting_of_names_no_list_knows(extractor: TransformerExtractor) -> None:
    # The first probe: the old heads vetoed it because no gazetteer knew the parties.
    event = _one_meeting(extractor, "Zorbulak Tenzin met Amari Folasade in Lagos on Monday.")
    assert {"Zorbulak Tenzin", "Amari Folasade"} <= {a.text for a in event.actors}
    assert event.time is not None and event.time.start == "2024-05-06"


def test_a_paraphrased_trigger(extractor: TransformerExtractor) -> None:
    event = _one_meeting(
        extractor,
        "Norwegian Trade Minister Jan Christian Vestre today held discussions with Kenyan "
        "Treasury Secretary Njuguna Ndung'u in Nairobi.",
    )
    texts = " ".join(a.text for a in event.actors)
    assert "Vestre" in texts and "Ndung'u" in texts


@pytest.mark.parametrize(
    ("language", "text", "supplier", "recipient"),
    [
        ("ar", "تعتزم إيطاليا بيع فرقاطتين للبحرية المصرية.", "إيطاليا", "للبحرية المصرية"),
        (
            "en",
            "Israeli officials allege that Hezbollah receives weapons from Iran.",
            "Iran",
            "Hezbollah",
        ),
    ],
)
def test_a_transfer_the_role_head_reads_one_sided(
    extractor: TransformerExtractor, language: str, text: str, supplier: str, recipient: str
) -> None:
    # The role head may read both parties as suppliers; decoding asks for a recipient too.
    # The recipient may be the whole phrase or the country adjective in it ("المصرية").
    art = Article(id="probe", language=language, published_at="2024-05-09", text=text)
    (event,) = [e for e in extractor.extract_batch([art])[0] if e.type == "ARMS_TRANSFER"]
    sides = {(a.role, a.text) for a in event.actors}
    assert ("supplier", supplier) in sides
    assert any(role == "recipient" and said in recipient for role, said in sides)
    assert not any(role == "recipient" and supplier in said for role, said in sides)


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        # read the wrong way round: "from" marks the supplier
        (
            "Eritrea did not receive any weapons from Russia during the war in Tigray, "
            "the information minister said on Sunday.",
            "Russia",
            "Eritrea",
        ),
        # one side read: the party "from" marks is the other
        (
            "The rebels got mortar rounds from Rwanda last year, a UN report says.",
            "Rwanda",
            "rebels",
        ),
    ],
)
def test_a_preposition_settles_the_sides(
    extractor: TransformerExtractor, text: str, supplier: str, recipient: str
) -> None:
    (event,) = [e for e in extractor.extract_batch([_en(text)])[0] if e.type == "ARMS_TRANSFER"]
    sides = {(a.role, a.text) for a in event.actors}
    assert ("supplier", supplier) in sides and ("recipient", recipient) in sides


def test_a_title_party_is_not_cut_to_its_adjective(extractor: TransformerExtractor) -> None:
    # The entity head reads "Slovak" and "Tongan" as names; the role head's spans are the parties.
    meeting = _one_meeting(
        extractor,
        "The Slovak deputy foreign minister met the Kenyan delegation in Nairobi on Monday.",
    )
    assert "The Slovak deputy foreign minister" in {a.text for a in meeting.actors}
    text = "The Tongan king will visit the islands of Ha'apai next week."
    (visit,) = [e for e in extractor.extract_batch([_en(text)])[0] if e.type == "VISIT"]
    assert [a.text for a in visit.actors] == ["The Tongan king"]
    assert visit.location is not None and visit.location.text == "Ha'apai"


def test_a_counterpart_is_a_party_of_its_own(extractor: TransformerExtractor) -> None:
    # The argument head reads chief and counterpart as one span with two country adjectives.
    text = (
        "وعقب تدريبات مشتركة قرب سواحل طرطوس، استقبل قائد القوات البحرية السورية نظيره "
        "الروسي في مقر القيادة."
    )
    art = Article(id="probe", language="ar", published_at="2024-05-09", text=text)
    (meeting,) = [e for e in extractor.extract_batch([art])[0] if e.type == "MEETING"]
    assert {a.text for a in meeting.actors} == {"قائد القوات البحرية السورية", "نظيره الروسي"}


@pytest.mark.parametrize(
    ("language", "text", "party"),
    [
        (
            "en",
            "Opposition leaders will meet in Nairobi on Friday to pick a joint candidate.",
            "Opposition leaders",
        ),
        ("ar", "سيلتقي وزراء خارجية دول الساحل في نيامي يوم الجمعة.", "وزراء خارجية دول الساحل"),
        # a known body and its people: the ministers, not OPEC
        (
            "en",
            "OPEC ministers will meet in Vienna next week to discuss output cuts.",
            "OPEC ministers",
        ),
    ],
)
def test_a_meeting_of_a_collective_party(
    extractor: TransformerExtractor, language: str, text: str, party: str
) -> None:
    art = Article(id="probe", language=language, published_at="2024-05-09", text=text)
    (meeting,) = [e for e in extractor.extract_batch([art])[0] if e.type == "MEETING"]
    assert [a.text for a in meeting.actors] == [party]
    assert meeting.status == "planned"


@pytest.mark.parametrize(
    ("text", "several"),
    [
        (
            "Bolivia's opposition invited government negotiators to resume talks in Lima, "
            "but no date has been set.",
            "government negotiators",
        ),
        (
            "Singh held talks with government officials in Tokyo on Thursday.",
            "government officials",
        ),
    ],
)
def test_a_plural_common_noun_is_a_party(
    extractor: TransformerExtractor, text: str, several: str
) -> None:
    meeting = _one_meeting(extractor, text)
    assert several in {a.text for a in meeting.actors}


def test_a_surname_the_gazetteer_gives_someone_else(extractor: TransformerExtractor) -> None:
    text = "Lebanese Prime Minister Rafik Al-Hariri met Canadian Prime Minister Jean Chretien."
    (event,) = [e for e in extractor.extract_batch([_en(text)])[0] if e.type == "MEETING"]
    hariri = [a for a in event.actors if "Hariri" in a.text]
    assert [a.text for a in hariri] == ["Rafik Al-Hariri"] and hariri[0].name != "Saad Hariri"


def test_then_met_is_another_meeting(extractor: TransformerExtractor) -> None:
    text = (
        "Egyptian President Abdel Fattah el-Sisi received Jordan's King Abdullah II in Cairo "
        "on Tuesday, then met the Bahraini foreign minister."
    )
    meetings = [e for e in extractor.extract_batch([_en(text)])[0] if e.type == "MEETING"]
    guests = [{a.text for a in m.actors} - {"Abdel Fattah el-Sisi"} for m in meetings]
    assert len(meetings) == 2 and {"King Abdullah II"} in guests
