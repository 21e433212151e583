"""Assembly round 2: meeting nouns need structure, meeting places, hosted guests,
indirect arms suppliers, and merging by weapon kind.

Sentences are written for these tests (none comes from an evaluation article);
entities come from the small table below, so the entity finder cannot mask a rule.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.mentions import Mention, TimeMention
from models.s1_document import Document
from models.s4_triggers import LexiconSignals
from models.s7_assemble import assemble
from models.s7_assemble.candidate import Candidate
from models.schema import Article, EntityKind, Event, ExtractorInfo

INFO = ExtractorInfo(name="test", version="0")

# surface form -> (kind, key, canonical name, country, demonym)
TABLE: dict[str, tuple[EntityKind, str, str, str, bool]] = {
    "Olaf Scholz": ("PERSON", "PERSON:Olaf Scholz", "Olaf Scholz", "DEU", False),
    "Scholz": ("PERSON", "PERSON:Olaf Scholz", "Olaf Scholz", "DEU", False),
    "Emmanuel Macron": ("PERSON", "PERSON:Emmanuel Macron", "Emmanuel Macron", "FRA", False),
    "Macron": ("PERSON", "PERSON:Emmanuel Macron", "Emmanuel Macron", "FRA", False),
    "Hamas": ("ORG", "ORG:Hamas", "Hamas", "PSE", False),
    "Hu Jintao": ("PERSON", "PERSON:Hu Jintao", "Hu Jintao", "CHN", False),
    "Hanoi": ("GPE", "GPE:VNM", "Hanoi", "VNM", False),
    "Vietnam": ("GPE", "GPE:VNM", "Vietnam", "VNM", False),
    "Fatah": ("ORG", "ORG:Fatah", "Fatah", "PSE", False),
    "Berlin": ("GPE", "GPE:DEU", "Berlin", "DEU", False),
    "BERLIN": ("GPE", "GPE:DEU", "Berlin", "DEU", False),
    "Paris": ("GPE", "GPE:FRA", "Paris", "FRA", False),
    "Iraq": ("GPE", "GPE:IRQ", "Iraq", "IRQ", False),
    "Germany": ("GPE", "GPE:DEU", "Germany", "DEU", False),
    "Iran": ("GPE", "GPE:IRN", "Iran", "IRN", False),
    "Russia": ("GPE", "GPE:RUS", "Russia", "RUS", False),
    "German": ("GPE", "GPE:DEU", "Germany", "DEU", True),
    "أولاف شولتس": ("PERSON", "PERSON:Olaf Scholz", "Olaf Scholz", "DEU", False),
    "إيمانويل ماكرون": ("PERSON", "PERSON:Emmanuel Macron", "Emmanuel Macron", "FRA", False),
    "جان إيف لودريان": ("PERSON", "PERSON:Jean-Yves Le Drian", "Jean-Yves Le Drian", "FRA", False),
    "الفرنسي": ("GPE", "GPE:FRA", "France", "FRA", True),
    "الفرنسية": ("GPE", "GPE:FRA", "France", "FRA", True),
    "مصر": ("GPE", "GPE:EGY", "Egypt", "EGY", False),
    "برلين": ("GPE", "GPE:DEU", "Berlin", "DEU", False),
    "سوريا": ("GPE", "GPE:SYR", "Syria", "SYR", False),
    "فيصل مقداد": ("PERSON", "PERSON:Faisal Mekdad", "Faisal Mekdad", "SYR", False),
    "روسيا": ("GPE", "GPE:RUS", "Russia", "RUS", False),
    "إيران": ("GPE", "GPE:IRN", "Iran", "IRN", False),
    "الروسي": ("GPE", "GPE:RUS", "Russia", "RUS", True),
    "ألمانية": ("GPE", "GPE:DEU", "Germany", "DEU", True),
}


def mentions(text: str) -> list[Mention]:
    """Longest-first, non-overlapping look-up of the table above."""
    found: list[Mention] = []
    for surface in sorted(TABLE, key=len, reverse=True):
        kind, key, name, country, demonym = TABLE[surface]
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(m.start < end and start < m.end for m in found):
                found.append(
                    Mention(start, end, surface, kind, key, name, country, demonym=demonym)
                )
            start = text.find(surface, end)
    return sorted(found, key=lambda m: m.start)


def when(text: str, surface: str, value: str) -> TimeMention:
    start = text.index(surface)
    return TimeMention(start, start + len(surface), surface, value, value, "day")


def run(text: str, language: str, times: list[TimeMention] | None = None) -> list[Event]:
    art = Article(id="t-2", text=text, language=language, published_at="2024-05-10")
    doc = Document.read(art)
    doc.set_mentions(mentions(text))  # stage 2 by hand: the rules, not the gazetteer
    doc.times = times or []
    LexiconSignals().add_to(doc)
    return assemble(doc, INFO)


def of_type(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.type == event_type]


def roles(event: Event) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for actor in event.actors:
        out.setdefault(actor.role, set()).add(actor.name or actor.text)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Olaf Scholz said talks on the nuclear issue resumed. Emmanuel Macron agreed.",
        "Olaf Scholz praised the summit agenda that Emmanuel Macron drafted.",
        "Olaf Scholz and Emmanuel Macron discussed the Berlin summit.",
        "Olaf Scholz regretted the collapse of talks with Hamas.",
        "Olaf Scholz told a meeting of the Fatah council that Hamas must disarm.",
    ],
)
def test_meeting_nouns_as_topics_or_names_give_no_meeting(text: str) -> None:
    assert of_type(run(text, "en"), "MEETING") == []


@pytest.mark.parametrize(
    "text",
    [
        "Olaf Scholz held talks with Emmanuel Macron.",
        "Olaf Scholz arrived in Paris for talks with Emmanuel Macron.",
        "Olaf Scholz and Emmanuel Macron held a first round of talks.",
        "Olaf Scholz and Emmanuel Macron held a meeting in Berlin.",
    ],
)
def test_meeting_nouns_with_parties_or_a_light_verb_count(text: str) -> None:
    (meeting,) = of_type(run(text, "en"), "MEETING")
    assert roles(meeting)["participant"] >= {"Olaf Scholz", "Emmanuel Macron"}


def test_arabic_meeting_noun_needs_structure() -> None:
    assert of_type(run("وانتقد أولاف شولتس جدول أعمال القمة في برلين.", "ar"), "MEETING") == []
    text = "وعقد أولاف شولتس لقاء مع إيمانويل ماكرون في برلين."
    (meeting,) = of_type(run(text, "ar"), "MEETING")
    assert meeting.location is not None and meeting.location.name == "Berlin"


def test_meeting_place_ignores_a_topic_place_and_takes_the_clause_place() -> None:
    text = "Olaf Scholz met Emmanuel Macron in Berlin to discuss the situation in Iraq."
    (meeting,) = of_type(run(text, "en"), "MEETING")
    assert meeting.location is not None and meeting.location.name == "Berlin"
    text = "Olaf Scholz met Emmanuel Macron to discuss the situation in Iraq."
    (meeting,) = of_type(run(text, "en"), "MEETING")
    assert meeting.location is None
    text = "التقى أولاف شولتس إيمانويل ماكرون وبحثا الوضع في سوريا."
    (meeting,) = of_type(run(text, "ar"), "MEETING")
    assert meeting.location is None


def test_meeting_place_falls_back_to_the_dateline() -> None:
    text = "BERLIN, May 9 (dpa) -- Olaf Scholz met Emmanuel Macron on Thursday."
    (meeting,) = of_type(run(text, "en"), "MEETING")
    assert meeting.location is not None and meeting.location.name == "Berlin"
    text = "برلين: التقى أولاف شولتس إيمانويل ماكرون اليوم."
    (meeting,) = of_type(run(text, "ar"), "MEETING")
    assert meeting.location is not None and meeting.location.name == "Berlin"


def test_meeting_place_from_a_participants_visit_in_the_article() -> None:
    text = (
        "Emmanuel Macron arrived in Berlin on Wednesday. "
        "On Thursday, Macron met with Olaf Scholz to discuss Iraq."
    )
    times = [when(text, "Wednesday", "2024-05-08"), when(text, "Thursday", "2024-05-09")]
    (meeting,) = of_type(run(text, "en", times), "MEETING")
    assert meeting.location is not None and meeting.location.name == "Berlin"


@pytest.mark.parametrize("verb", ["told", "received"])
def test_visiting_guest_makes_a_meeting_and_a_visit_to_the_hosts_country(verb: str) -> None:
    text = f"Olaf Scholz {verb} visiting President Emmanuel Macron that ties were strong."
    events = run(text, "en")
    (meeting,) = of_type(events, "MEETING")
    assert roles(meeting)["participant"] == {"Olaf Scholz", "Emmanuel Macron"}
    (visit,) = of_type(events, "VISIT")
    assert roles(visit) == {"visitor": {"Emmanuel Macron"}, "host": {"Olaf Scholz"}}
    assert visit.location is not None and visit.location.country == "DEU"


@pytest.mark.parametrize(
    "text",
    [
        "Pilgrims visiting for the mass met Olaf Scholz's aides in Berlin.",
        "The Visiting Forces Agreement Committee of Germany met in Berlin.",
        "Germany beat a visiting Iraq team in Berlin.",
    ],
)
def test_visiting_without_a_named_guest_is_no_visit(text: str) -> None:
    assert of_type(run(text, "en"), "VISIT") == []


def test_his_country_supplies_and_a_second_delivery_stays_apart() -> None:
    text = (
        "وأكد وزير الدفاع الفرنسي جان إيف لودريان أن بلاده سلمت مصر الدفعة الأولى من طائرات"
        " الرافال، ومن المنتظر تسليم إحدى الفرقاطات الفرنسية قريبا."
    )
    arms = of_type(run(text, "ar"), "ARMS_TRANSFER")
    assert sorted(e.status for e in arms) == ["occurred", "planned"]
    for event in arms:
        assert {a.country for a in event.actors if a.role == "supplier"} == {"FRA"}
        assert {a.country for a in event.actors if a.role == "recipient"} == {"EGY"}


def test_english_his_country_supplier() -> None:
    text = "The German minister said his country delivered tanks to Iraq."
    (event,) = of_type(run(text, "en"), "ARMS_TRANSFER")
    assert {a.country for a in event.actors if a.role == "supplier"} == {"DEU"}


def test_accused_of_supplying_names_a_one_word_supplier() -> None:
    text = "Germany accused Iran of supplying drones to Russia."
    (event,) = of_type(run(text, "en"), "ARMS_TRANSFER")
    assert event.status == "alleged"
    assert roles(event) == {"supplier": {"Iran"}, "recipient": {"Russia"}}


def test_repeated_transfer_merges_but_other_weapons_stay_apart() -> None:
    text = (
        "Germany delivered tanks to Iraq on Monday. "
        "The German tanks were delivered to Iraq by rail. "
        "Germany also delivered drones to Iraq."
    )
    arms = of_type(run(text, "en"), "ARMS_TRANSFER")
    assert len(arms) == 2
    assert sorted(len(e.evidence) for e in arms) == [1, 2]


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian forces used Western-supplied rockets against Russia.",
        "Germany sanctioned firms that exported missile technology to Iran.",
    ],
)
def test_hyphened_triggers_and_technology_are_no_transfer(text: str) -> None:
    assert of_type(run(text, "en"), "ARMS_TRANSFER") == []


@pytest.mark.parametrize(
    "text",
    [
        "عرضت روسيا على مصر بيع مقاتلات حديثة.",
        "وقال السفير الروسي إن بلاده قد عرضت على مصر بيع مقاتلات حديثة.",
    ],
)
def test_offered_sale_takes_the_offerer_and_the_party_after_ala(text: str) -> None:
    (event,) = of_type(run(text, "ar"), "ARMS_TRANSFER")
    assert event.status == "proposed"
    assert {a.country for a in event.actors if a.role == "supplier"} == {"RUS"}
    assert {a.country for a in event.actors if a.role == "recipient"} == {"EGY"}


def test_a_country_adjective_of_another_noun_is_no_supplier() -> None:
    text = "ونفت روسيا ما نشرته صحيفة ألمانية عن صفقة لبيع صواريخ إلى إيران."
    (event,) = of_type(run(text, "ar"), "ARMS_TRANSFER")
    assert roles(event) == {"supplier": {"Russia"}, "recipient": {"Iran"}}


def test_reporter_is_no_visitor_unless_the_report_is_about_itself() -> None:
    (visit,) = of_type(run("Olaf Scholz said Emmanuel Macron will visit Iraq.", "en"), "VISIT")
    assert roles(visit)["visitor"] == {"Emmanuel Macron"}
    text = "Olaf Scholz said during a visit to Iraq that ties were strong."
    (visit,) = of_type(run(text, "en"), "VISIT")
    assert roles(visit)["visitor"] == {"Olaf Scholz"}


def test_a_preposition_does_not_reach_past_a_complementiser() -> None:
    text = "قال أولاف شولتس إن من المتوقع أن يزور إيمانويل ماكرون مصر."
    (visit,) = of_type(run(text, "ar"), "VISIT")
    assert roles(visit)["visitor"] == {"Emmanuel Macron"}


def test_arrival_and_departure_of_one_stay_merge_and_a_short_surname_resolves() -> None:
    text = "Hu Jintao ended his visit to Vietnam on Wednesday. Hu arrived in Hanoi on Monday."
    times = [when(text, "Wednesday", "2024-05-08"), when(text, "Monday", "2024-05-06")]
    (visit,) = of_type(run(text, "en", times), "VISIT")
    assert roles(visit) == {"visitor": {"Hu Jintao"}}
    assert len(visit.evidence) == 2


def test_a_trigger_inside_a_name_is_part_of_the_name() -> None:
    # "فيصل" reads as ف + يصل ("and arrives") without the name around it.
    assert run("وكان فيصل مقداد في مصر أمس.", "ar") == []


def test_arabic_anna_refers_back_to_the_reporter() -> None:
    text = "وأكد إيمانويل ماكرون أنه يأمل زيارة مصر قريبا."
    (visit,) = of_type(run(text, "ar"), "VISIT")
    assert roles(visit)["visitor"] == {"Emmanuel Macron"}


def test_planned_arabic_visit_reads_a_bare_month_forward() -> None:
    # Published 2024-05-10; the date stage read "نوفمبر" backwards as November 2023.
    text = "سيزور إيمانويل ماكرون مصر في نوفمبر."
    start = text.index("نوفمبر")
    month = TimeMention(start, start + len("نوفمبر"), "نوفمبر", "2023-11", "2023-11", "month")
    (visit,) = of_type(run(text, "ar", [month]), "VISIT")
    assert visit.status == "planned"
    assert visit.time is not None and visit.time.start == "2024-11"


def test_a_visit_to_a_region_spelled_out_is_a_visit_to_each_place() -> None:
    from models.s2_entities.finder import EntityFinder
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.destinations import tour_stops

    text = (
        "سيقوم وزير الخارجية الإيراني محمد جواد ظريف غدا بزيارة إلى دول المنطقة "
        "تشمل الكويت وقطر وطهران."
    )
    doc = Document.read(Article(id="t", text=text, language="ar"))
    EntityFinder().add_to(doc)
    zarif = next(m for m in doc.mentions if m.kind == "PERSON")
    start = text.index("دول المنطقة")
    region = Mention(start, start + len("دول المنطقة"), "دول المنطقة", "GPE", "GPE:~دول منطقه")
    visit = Candidate("VISIT", "planned", [("visitor", zarif)], region, evidence=doc.sentences)
    stops = tour_stops(doc, [visit])
    # one visit per country named after the region; Tehran is the visitor's own country
    assert [c.location.text for c in stops if c.location] == ["الكويت", "قطر"]
    assert all(c.actors == visit.actors and c.actors is not visit.actors for c in stops)
    known = Candidate("VISIT", "planned", [("visitor", zarif)], stops[0].location,
                      evidence=doc.sentences)  # fmt: skip
    # a destination with a country is one of the list "الكويت وقطر": the same two stops
    assert [c.location.text for c in tour_stops(doc, [known]) if c.location] == ["الكويت", "قطر"]


def test_nobody_visits_their_own_country() -> None:
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.destinations import abroad

    rouhani = Mention(0, 5, "روحاني", "PERSON", "PERSON:Hassan Rouhani", "Hassan Rouhani", "IRN")
    iran = Mention(10, 14, "ايران", "GPE", "GPE:IRN", "Iran", "IRN")
    tehran = Mention(10, 14, "طهران", "GPE", "GPE:Tehran", "Tehran", "IRN")
    paris = Mention(10, 14, "باريس", "GPE", "GPE:Paris", "Paris", "FRA")
    visit = Candidate("VISIT", "planned", [("visitor", rouhani)])
    assert not abroad(replace(visit, location=iran))  # a role misread, not a visit
    assert abroad(replace(visit, location=tehran))  # a domestic trip to a city is one
    assert abroad(replace(visit, location=paris))
    assert abroad(replace(visit, type="MEETING", location=iran))


def test_one_country_after_an_unknown_place_is_no_tour() -> None:
    from models.s2_entities.finder import EntityFinder
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.destinations import tour_stops

    text = "Ellen Johnson Sirleaf visited Shenyang in northeast China on Tuesday."
    doc = Document.read(Article(id="t", text=text, language="en"))
    EntityFinder().add_to(doc)
    start = text.index("Shenyang")
    city = Mention(start, start + len("Shenyang"), "Shenyang", "LOC", "LOC:shenyang")
    visit = Candidate("VISIT", "occurred", [], city, evidence=doc.sentences)
    assert tour_stops(doc, [visit]) == [visit]  # the city the gazetteer lacks stays


def test_a_visit_to_countries_joined_by_and_is_a_visit_to_each() -> None:
    from models.s2_entities.finder import EntityFinder
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.destinations import tour_stops

    def stops(text: str, place: str, home: str | None = None) -> list[str]:
        doc = Document.read(Article(id="t", text=text, language="ar" if "ز" in text else "en"))
        EntityFinder().add_to(doc)
        at = text.index(place)
        where = next(m for m in doc.mentions if m.start <= at < m.end and m.kind == "GPE")
        who = Mention(0, 3, "X", "PERSON", "PERSON:X", None, home)
        visit = Candidate("VISIT", "occurred", [("visitor", who)], where, evidence=doc.sentences)
        return [c.location.text for c in tour_stops(doc, [visit]) if c.location]

    assert stops("وزار كارتر إسرائيل والأردن في جولته.", "إسرائيل") == ["إسرائيل", "الأردن"]
    assert stops("وزار كارتر إسرائيل والأردن في جولته.", "الأردن") == ["إسرائيل", "الأردن"]
    assert stops("Carter visited Egypt, Jordan and Israel.", "Egypt") == [
        "Egypt",
        "Jordan",
        "Israel",
    ]
    # a city and its country are one place; the visitor's own country is no destination
    assert stops("Carter visited Cairo, Egypt on Monday.", "Cairo") == ["Cairo"]
    assert stops("Zarif visited Iran and Iraq.", "Iraq", home="IRN") == ["Iraq"]
    # the destination named again later in another list is no list of destinations
    twice = "زار محمد بن سلمان مصر أمس، فأثمرت الزيارة تعاونا مع مصر والإمارات."
    assert stops(twice, "مصر") == ["مصر"]
    # a country named later in the sentence, not in the list, is no second stop
    assert stops("Carter visited Jordan after talks about Israel.", "Jordan") == ["Jordan"]


def _kingdom(text: str) -> list[Mention]:
    from models.s2_entities.finder import EntityFinder
    from models.s7_assemble import kingdom

    doc = Document.read(Article(id="t", text=text))
    EntityFinder().add_to(doc)
    found = kingdom.resolve(text, sorted(doc.mentions, key=lambda m: m.start), doc.tokens)
    return [m for m in found if "مملك" in m.text or "Kingdom" in m.text]


def test_the_bare_kingdom_is_the_kingdom_the_article_is_about() -> None:
    # a Saudi paper that names only Jordan: Saudi Arabia's head start decides
    (bare,) = _kingdom("يصل كارتر إلى المملكة اليوم. وزار كارتر إسرائيل والأردن.")
    assert (bare.text, bare.country, bare.name) == ("المملكة", "SAU", "Saudi Arabia")
    # a Jordanian one that names Jordan twice: Jordan; the glued "ب" is cut off the span
    (bare,) = _kingdom("قال العاهل الأردني إن الأردن يرحب بالزوار، وإن الأردن آمن بالمملكة.")
    assert (bare.text, bare.country) == ("المملكة", "JOR")
    # "للمملكة" (ل + ال) keeps the whole word
    (bare,) = _kingdom("تأتي زيارة الوزير كارتر للمملكة في إطار الالتزام.")
    assert (bare.text, bare.country) == ("للمملكة", "SAU")


def test_a_named_kingdom_or_an_english_one_of_no_named_kingdom_stays_as_it_is() -> None:
    named = _kingdom("وصل الوزير إلى المملكة المتحدة أمس.")
    assert [m.country for m in named] == ["GBR"]  # the gazetteer's name, not the bare rule
    unnamed = _kingdom("The minister arrived in the Kingdom on Monday.")
    assert [m.country for m in unnamed] == [None]  # no kingdom named, no head start in English
    (riyadh,) = _kingdom("Talks in Riyadh: the minister arrived in the Kingdom on Monday.")
    assert (riyadh.country, riyadh.kind) == ("SAU", "GPE")
    # a company's name is no country
    holding = _kingdom("In Riyadh, the Kingdom Holding Company said profits rose.")
    assert [m.country for m in holding] == [None]


def test_a_placeless_visit_under_way_takes_its_visitors_meeting_place() -> None:
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.venue import to_visits

    annan = Mention(0, 5, "Annan", "PERSON", "PERSON:Kofi Annan", "Kofi Annan", "GHA")
    erdogan = Mention(9, 16, "Erdogan", "PERSON", "PERSON:Erdogan", "Erdogan", "TUR")
    istanbul = Mention(20, 28, "Istanbul", "GPE", "GPE:Istanbul", "Istanbul", "TUR")
    accra = Mention(20, 25, "Accra", "GPE", "GPE:Accra", "Accra", "GHA")
    visit = Candidate("VISIT", "occurred", [("visitor", annan)])
    talks = Candidate("MEETING", "occurred", [("participant", annan), ("participant", erdogan)],
                      istanbul)  # fmt: skip
    to_visits([visit, talks])
    assert visit.location is istanbul
    # a meeting at home is no destination, and another party's meeting is not the visitor's
    for place, parties in ((accra, [annan, erdogan]), (istanbul, [erdogan, accra])):
        placeless = Candidate("VISIT", "occurred", [("visitor", annan)])
        other = Candidate("MEETING", "occurred", [("participant", p) for p in parties], place)
        to_visits([placeless, other])
        assert placeless.location is None


def test_a_placeless_visit_goes_to_its_foreign_hosts_country_as_the_article_names_it() -> None:
    from models.s2_entities.finder import EntityFinder
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.venue import to_host_country

    def place(text: str, host_country: str | None) -> str | None:
        doc = Document.read(Article(id="t", text=text, language="en"))
        EntityFinder().add_to(doc)
        guest = Mention(0, 8, "Sultanov", "PERSON", "PERSON:Sultanov", None, "RUS")
        host = Mention(9, 15, "Khatib", "PERSON", "PERSON:Khatib", None, host_country)
        visit = Candidate("VISIT", "occurred", [("visitor", guest), ("host", host)])
        to_host_country(doc, [visit])
        return visit.location.text if visit.location else None

    said = "Khatib received visiting Sultanov. Jordan supports the talks, Jordanian officials said."
    assert place(said, "JOR") == "Jordan"
    assert place(said, "RUS") is None  # a host of the visitor's own country says nothing
    assert place("Khatib received visiting Sultanov on Saturday.", "JOR") is None  # never named


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("سبق- الرياض: وصل الوزير أمس.", "الرياض"),
        ("عبدالله البرقاوي- سبق- جدة: وصل الوزير أمس.", "جدة"),
        ("Next Previous عين اليوم – الرياض\nأعلن الملك انطلاق القمة.", "الرياض"),
        ("يدشن محافظ الرياض – مساء اليوم – المعرض الذي يستمر حتى الأسبوع المقبل في المدينة.", None),
        ("وصل الوزير - الذي زار الرياض - إلى جدة: قال.", None),
        ("BEIJING, Jan 5 (Xinhua) -- Wang met Lavrov.", "BEIJING"),
        ("US Secretary of State Blinken met Wang Yi in Beijing.", None),  # an acronym
        ("US - Blinken met Wang Yi in Beijing.", "US"),
    ],
)
def test_a_dashed_byline_names_the_dateline(text: str, place: str | None) -> None:
    from models.s2_entities.finder import EntityFinder
    from models.s7_assemble.index import ArticleIndex

    language = "en" if text.isascii() else "ar"
    doc = Document.read(Article(id="t", text=text, language=language))
    EntityFinder().add_to(doc)
    found = ArticleIndex.of(doc, doc.mentions).dateline()
    assert (found.text if found else None) == place


def test_a_placeless_visit_goes_to_the_one_foreign_country_of_those_its_visitor_met() -> None:
    from models.s2_entities.finder import EntityFinder
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.venue import to_host_country

    text = "Liang arrived here Friday for a three-day visit to Cuba and met Raul Castro."
    doc = Document.read(Article(id="t", text=text, language="en"))
    EntityFinder().add_to(doc)
    liang = Mention(0, 5, "Liang", "PERSON", "PERSON:Liang", None, "CHN")
    castro = Mention(64, 75, "Raul Castro", "PERSON", "PERSON:Raul Castro", None, "CUB")
    ortega = Mention(64, 75, "Ortega", "PERSON", "PERSON:Ortega", None, "NIC")

    def place(*others: Mention) -> str | None:
        visit = Candidate("VISIT", "occurred", [("visitor", liang)])
        talks = [Candidate("MEETING", "occurred", [("participant", liang), ("participant", o)])
                 for o in others]  # fmt: skip
        to_host_country(doc, [visit, *talks])
        return visit.location.text if visit.location else None

    assert place(castro) == "Cuba"
    assert place(castro, ortega) is None  # two countries met: no telling where he was
    assert place() is None


def test_an_entity_span_led_by_a_copular_or_reporting_verb_names_who_follows() -> None:
    from models.mentions import Sentence
    from models.s6_core.reader import Reading
    from models.s6_core.spans import Span
    from models.s7_assemble.readings import model_mentions

    text = "بات جنتيلوني ثالث مسؤول يزور ايران، وقال ظريف ذلك. وكان محمد صالح حاضرا."
    sentence = Sentence(0, len(text), text)
    spans = [(0, 12), (36, 45), (51, 65)]
    reading = Reading(entities=[Span(a, b, "PER") for a, b in spans])
    found = [m.text for m in model_mentions(text, [sentence], [reading], [])]
    assert found == ["جنتيلوني", "ظريف", "محمد صالح"]
    # a one-word span is left alone: the verb is all there is
    alone = Reading(entities=[Span(0, 3, "PER")])
    assert [m.text for m in model_mentions(text, [sentence], [alone], [])] == ["بات"]


def test_places_of_one_country_are_one_party_of_a_meeting() -> None:
    from models.s7_assemble.build import is_complete
    from models.s7_assemble.candidate import Candidate

    madrid = Mention(0, 5, "مدريد", "GPE", "GPE:Madrid", "Madrid", "ESP")
    spanish = Mention(6, 14, "الإسباني", "GPE", "GPE:ESP", "Spain", "ESP", demonym=True)
    rabat = Mention(15, 20, "الرباط", "GPE", "GPE:Rabat", "Rabat", "MAR")
    sanchez = Mention(21, 26, "سانشيز", "PERSON", "PERSON:Sanchez", None, "ESP")

    def meeting(*parties: Mention) -> bool:
        return is_complete(Candidate("MEETING", "occurred", [("participant", p) for p in parties]))

    assert not meeting(madrid, spanish)  # Madrid and "Spanish" are both Spain
    assert meeting(madrid, rabat)
    assert meeting(spanish, sanchez)  # a person of a country meets for it, but is a party


@pytest.mark.parametrize(
    ("text", "several"),
    [
        ("EU foreign ministers", True),
        ("Opposition parties", True),
        ("the two sides", True),
        ("قادة مجموعة دول الساحل", True),
        ("لوزراء الخارجية والدفاع العرب", True),  # "for the ministers": a glued "ل"
        ("officials", False),  # one word says too little
        ("الوزراء", False),
        ("the United Nations", False),  # a name, not a plural
        ("executives of", False),  # a span the role head cut short
        ("four leaders of", False),
        ("ministers of the Gulf states", False),  # English heads come last
        ("Foreign Minister Sergey Lavrov", False),
        ("وزير الخارجية الروسي", False),
    ],
)
def test_a_span_naming_several_parties(text: str, several: bool) -> None:
    from models.s7_assemble.build import collective

    assert collective(text) is several


def test_a_meeting_of_one_collective_party_is_an_event() -> None:
    from models.s7_assemble.build import is_complete
    from models.s7_assemble.candidate import Candidate

    leaders = Mention(0, 22, "قادة مجموعة دول الساحل", "PERSON", "PERSON:~قاده مجموعه دول الساحل")
    lavrov = Mention(0, 6, "Lavrov", "PERSON", "PERSON:Sergey Lavrov", "Sergey Lavrov")
    assert is_complete(Candidate("MEETING", "planned", [("participant", leaders)]))
    assert not is_complete(Candidate("MEETING", "planned", [("participant", lavrov)]))
    # a visit or a transfer is not completed by a plural
    assert not is_complete(Candidate("VISIT", "planned", [("visitor", leaders)]))


def _article(text: str, language: str, found: list[Mention]):  # type: ignore[no-untyped-def]
    from models.s7_assemble.index import ArticleIndex

    doc = Document.read(Article(id="t-3", text=text, language=language))
    return ArticleIndex.of(doc, found)


def test_a_short_title_and_country_is_the_office_holder_the_article_names() -> None:
    from models.s7_assemble.officeholder import holder

    text = (
        "وزير الخارجية الإيراني محمد جواد ظريف يزور الكويت، ثم يزور الوزير الإيراني العراق."
        " والتقى الرئيس الإيراني وفدا."
    )
    zarif = text.index("محمد جواد ظريف")
    name = "Mohammad Javad Zarif"
    found = [
        Mention(
            zarif,
            zarif + 14,
            "محمد جواد ظريف",
            "PERSON",
            "PERSON:Zarif",
            name,
            "IRN",
            title="Foreign Minister",
        )
    ]
    article = _article(text, "ar", found)
    short = text.index("الوزير الإيراني")
    named = holder("الوزير الإيراني", short, "IRN", article)
    assert named is not None and named.name == "Mohammad Javad Zarif"
    # another office of the same country, or another country, is someone else
    assert holder("الرئيس الإيراني", text.index("الرئيس"), "IRN", article) is None
    assert holder("الوزير العراقي", short, "IRQ", article) is None
    # a headline before the name points forward to it
    assert holder("the Iranian minister", 0, "IRN", article) is named


@pytest.mark.parametrize(
    ("text", "source", "is_source"),
    [
        ("Scholz will hold talks with Macron, spokesman Hebestreit told reporters.",
         "Hebestreit", True),
        ("Scholz met Macron in Paris, according to Hebestreit.", "Hebestreit", True),
        ("Scholz met Macron and Hebestreit in Paris.", "Hebestreit", False),
        ("Hebestreit said Scholz met Macron.", "Hebestreit", False),  # before: another rule
        ("التقى شولتس ماكرون في باريس، وقال هيبشترايت إن اللقاء كان وديا.", "هيبشترايت", True),
    ],
)  # fmt: skip
def test_a_source_after_the_trigger_is_no_party(text: str, source: str, is_source: bool) -> None:
    from models.mentions import Trigger
    from models.s7_assemble.context import build_view
    from models.s7_assemble.subjects import reporter_after

    start = text.index(source)
    person = Mention(start, start + len(source), source, "PERSON", f"PERSON:{source}")
    article = _article(text, "ar" if source[0] > "z" else "en", [person])
    word = next(w for w in ("talks", "met", "التقى") if w in text)
    at = text.index(word)
    view = build_view(article.doc.sentences[0], article)
    trigger = Trigger(at, at + len(word), word, "MEETING")
    assert reporter_after(view, trigger, person) is is_source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال شولتس أمس. وأضاف معاليه للصحفيين عقب لقائه ماكرون إن الحوار مفيد.", "شولتس"),
        ("وقال شولتس عقب لقائه ماكرون إن الحوار مفيد.", "شولتس"),
        ("Scholz spoke after their meeting with Macron.", "Scholz"),
        ("وقال شولتس عقب اللقاء مع ماكرون إن الحوار مفيد.", None),  # no pronoun: no owner
        ("نفى النائب المستقل لقاءه ماكرون.", None),  # a title is no name
    ],
)
def test_a_possessed_meeting_word_of_one_party_belongs_to_the_subject(
    text: str, expected: str | None
) -> None:
    from models.mentions import Trigger
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.context import build_view
    from models.s7_assemble.possessor import owner

    names = {"شولتس": "Scholz", "ماكرون": "Macron", "Scholz": "Scholz", "Macron": "Macron"}
    found = [
        Mention(text.index(w), text.index(w) + len(w), w, "PERSON", f"PERSON:{n}", n)
        for w, n in names.items()
        if w in text
    ]
    phrase = "النائب المستقل"
    if phrase in text:  # the entity head's span over a title
        at = text.index(phrase)
        found.append(Mention(at, at + len(phrase), phrase, "PERSON", f"PERSON:~{phrase}"))
    article = _article(text, "en" if text.isascii() else "ar", found)
    word = next(w for w in ("لقائه", "اللقاء", "لقاءه", "meeting") if w in text)
    at = text.index(word)
    sentence = next(s for s in article.doc.sentences if s.start <= at < s.end)
    macron = next(m for m in found if m.name == "Macron")
    cand = Candidate("MEETING", "occurred", [("participant", macron)])
    got = owner(build_view(sentence, article), Trigger(at, at + len(word), word, "MEETING"), cand)
    assert (got.text if got else None) == expected


def _core_candidates(  # type: ignore[no-untyped-def]
    text: str, found: list[Mention], trigger: str, kind: str, roles, entities=(), lexicon=False,
    index=0,
):  # fmt: skip
    """Candidates of a hand-made core reading of sentence ``index`` of ``text`` (the
    words are looked up in that sentence); ``lexicon``: with the lexicon's signal for it."""
    from models.s4_triggers import LexiconSignals
    from models.s6_core.reader import Reading, RoleReading, TriggerReading
    from models.s6_core.spans import Span
    from models.s7_assemble.readings import candidates

    language = "en" if text.isascii() else "ar"
    article = _article(text, language, found)
    sentence = article.doc.sentences[index]
    own = sentence.text
    at = own.index(trigger)
    read = [RoleReading(own.index(w), own.index(w) + len(w), r, 0.9) for w, r in roles]
    reading = Reading(
        entities=[Span(own.index(w), own.index(w) + len(w), label) for w, label in entities],
        triggers=[TriggerReading(at, at + len(trigger), kind, 0.99, "occurred", 0.9, tuple(read))],  # type: ignore[arg-type]
    )
    signal = LexiconSignals().detect([sentence], language)[0] if lexicon else None
    return candidates(sentence, reading, article, signal)


@pytest.mark.parametrize(
    ("text", "trigger", "meetings"),
    [
        ("وجاء ذلك بعد اتصال هاتفي بين أوباما وأردوغان.", "اتصال", 0),
        ("Obama held a telephone conversation with Erdogan.", "conversation", 0),
        # a hard negative further off leaves the meeting alone
        ("التقى أوباما أردوغان في أنقرة وسلمه رسالة من الكونغرس.", "التقى", 1),
    ],
)
def test_a_meeting_word_beside_a_phone_call_is_no_meeting(
    text: str, trigger: str, meetings: int
) -> None:
    obama, erdogan = ("أوباما", "أردوغان") if "أوباما" in text else ("Obama", "Erdogan")
    found = [_named(text, obama, "PERSON", "Obama"), _named(text, erdogan, "PERSON", "Erdogan")]
    roles = [(m.text, "participant") for m in found]
    got = _core_candidates(text, found, trigger, "MEETING", roles, lexicon=True)
    assert len([c for c in got if c.type == "MEETING"]) == meetings


def test_a_lone_function_word_is_no_party() -> None:
    text = "Ministers will talk at a meeting of Lavrov and Wang Yi on Tuesday."
    at = text.index("a meeting of")
    found = [  # the entity head took "a meeting of" for a name
        Mention(at, at + 12, "a meeting of", "PERSON", "PERSON:~a meeting of"),
        Mention(text.index("Lavrov"), text.index("Lavrov") + 6, "Lavrov", "PERSON",
                "PERSON:Lavrov", "Sergey Lavrov"),
    ]  # fmt: skip
    roles = [("of", "participant"), ("Lavrov", "participant")]
    (meeting,) = _core_candidates(text, found, "meeting", "MEETING", roles)
    assert [m.text for _, m in meeting.actors] == ["Lavrov"]


@pytest.mark.parametrize(
    ("text", "cut", "expected"),
    [
        ("التقى صالح بن عبدالله النجار محافظ المدينة.", "صالح بن", "صالح بن عبدالله النجار"),
        ("التقى محمد بن راشد بن سعيد أمس.", "محمد بن", "محمد بن راشد بن سعيد"),
        ("التقى صالح بن عبدالله، وزير المالية.", "صالح بن", "صالح بن عبدالله"),
        ("التقى صالح بن عبدالله الوزير.", "صالح بن", "صالح بن عبدالله"),
        ("التقى صالح بن المدير.", "صالح بن", "صالح بن"),
        ("met Khalid bin Salman in Riyadh.", "Khalid bin", "Khalid bin Salman"),
        # a span that does not end on "son of" is left as it is
        ("التقى صالح النجار بن عبدالله.", "صالح النجار", "صالح النجار"),
    ],
)
def test_a_name_cut_after_son_of_runs_on_to_the_fathers_name(
    text: str, cut: str, expected: str
) -> None:
    from models.s7_assemble.readings import _through_lineage

    start = text.index(cut)
    assert text[start : _through_lineage(text, start + len(cut))] == expected


def test_a_lone_arabic_particle_is_no_place() -> None:
    # "إن" (that) read as the destination: the visit has no place, not a place "إن"
    text = "وقال وفد تعليم صبيا إن الزيارة إلى المنطقة الشرقية كانت مثمرة."
    found: list[Mention] = []
    roles = [("وفد تعليم صبيا", "visitor"), ("إن", "place")]
    (visit,) = _core_candidates(text, found, "الزيارة", "VISIT", roles)
    assert visit.location is None or visit.location.text != "إن"
    # nor is it a mention when the entity head tags it a place (before "زيارة" it would
    # have been the visit's modifier place)
    from models.mentions import Sentence
    from models.s6_core.reader import Reading
    from models.s6_core.spans import Span
    from models.s7_assemble.readings import model_mentions

    text = "وقال العتيبي إن زيارة وفد تعليم صبيا كانت مثمرة في الدمام."
    spans = [(w, text.index(w)) for w in ("إن", "الدمام")]
    reading = Reading(entities=[Span(at, at + len(w), "GPE") for w, at in spans])
    found_by_head = model_mentions(text, [Sentence(0, len(text), text)], [reading], [])
    assert [m.text for m in found_by_head] == ["الدمام"]


def _named(text: str, word: str, kind: str, name: str) -> Mention:
    at = text.index(word)
    return Mention(at, at + len(word), word, kind, f"{kind}:{name}", name)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", ["participant", "place"])
def test_a_place_in_another_verbs_relative_clause_is_not_the_meetings(role: str) -> None:
    # Lavrov's October visit to Pyongyang is no place of today's reception in Moscow
    text = "سيستقبل بوتين تشوي اليوم إلى جانب لافروف الذي زار بيونغ يانغ في أكتوبر."
    found = [
        _named(text, "بوتين", "PERSON", "Vladimir Putin"),
        _named(text, "تشوي", "PERSON", "Choe Son Hui"),
        _named(text, "لافروف", "PERSON", "Sergei Lavrov"),
        _named(text, "بيونغ يانغ", "GPE", "Pyongyang"),
    ]
    roles = [("بوتين", "participant"), ("تشوي", "participant"), ("بيونغ يانغ", role)]
    (meeting,) = _core_candidates(text, found, "سيستقبل", "MEETING", roles)
    assert meeting.location is None
    assert "بيونغ يانغ" not in {m.text for _, m in meeting.actors}


def test_a_relative_clause_describing_the_trigger_gives_its_place() -> None:
    text = "وافقت الصين على شراء الأرز أثناء الزيارة التي قام بها الوزير إلى بكين."
    found = [_named(text, "بكين", "GPE", "Beijing"), _named(text, "الصين", "GPE", "China")]
    roles = [("الوزير", "visitor"), ("بكين", "place")]
    (visit,) = _core_candidates(text, found, "الزيارة", "VISIT", roles)
    assert visit.location is not None and visit.location.text == "بكين"


def test_only_a_known_place_before_a_visit_noun_is_its_destination() -> None:
    # the entity head tags "تأجيل" (postponement) a place: no destination of the visit
    text = "أعلنت أنقرة تأجيل زيارة ظريف دون ذكر السبب."
    found = [
        _named(text, "ظريف", "PERSON", "Mohammad Javad Zarif"),
        Mention(text.index("تأجيل"), text.index("تأجيل") + 5, "تأجيل", "GPE", "GPE:~تاجيل"),
    ]
    (visit,) = _core_candidates(text, found, "زيارة", "VISIT", [("ظريف", "visitor")])
    assert visit.location is None or visit.location.text != "تأجيل"
    text = "Lavrov began a Gulf tour on Monday."
    found = [_named(text, "Lavrov", "PERSON", "Sergei Lavrov"), _named(text, "Gulf", "LOC", "Gulf")]
    (visit,) = _core_candidates(text, found, "tour", "VISIT", [("Lavrov", "visitor")])
    assert visit.location is not None and visit.location.text == "Gulf"


def test_an_unknown_name_both_heads_read_as_a_place_is_the_place() -> None:
    text = "Mudavadi is visiting Kinshasa to press for a ceasefire."
    found = [  # stage 2 guessed a person for the unknown capitalised name
        Mention(0, 8, "Mudavadi", "PERSON", "PERSON:Mudavadi", "Musalia Mudavadi"),
        Mention(21, 29, "Kinshasa", "PERSON", "PERSON:kinshasa"),
    ]
    roles = [("Mudavadi", "visitor"), ("Kinshasa", "place")]
    (visit,) = _core_candidates(text, found, "visiting", "VISIT", roles, [("Kinshasa", "GPE")])
    assert visit.location is not None and visit.location.text == "Kinshasa"
    # the entity head calling it a person leaves the guess alone
    (visit,) = _core_candidates(text, found, "visiting", "VISIT", roles, [("Kinshasa", "PER")])
    assert visit.location is None


def test_a_host_receiving_a_visitor_meets_them() -> None:
    text = "Saied welcomed Larbaoui at Carthage Palace."
    found = [
        Mention(0, 5, "Saied", "PERSON", "PERSON:Saied", "Kais Saied"),
        Mention(15, 23, "Larbaoui", "PERSON", "PERSON:Larbaoui", "Nadir Larbaoui"),
    ]
    roles = [("Saied", "host"), ("Larbaoui", "visitor")]
    visit, meeting = _core_candidates(text, found, "welcomed", "VISIT", roles)
    assert (visit.type, meeting.type) == ("VISIT", "MEETING")
    assert meeting.keys("participant") == {"PERSON:Saied", "PERSON:Larbaoui"}
    # a visit with no host read is no meeting
    assert len(_core_candidates(text, found, "welcomed", "VISIT", roles[1:])) == 1


@pytest.mark.parametrize(
    ("text", "name", "inviter"),
    [
        ("Mitchell will visit China at the invitation of Chinese Premier Wen.", "Wen", True),
        ("At the invitation of Wen, Mitchell will visit China.", "Wen", True),
        ("يزور مودي الإمارات بدعوة من الشيخ محمد.", "محمد", True),
        ("يزور مودي الإمارات تلبية لدعوة محمد.", "محمد", True),
        ("وجه لافروف الدعوة لقيادة حماس لزيارة موسكو.", "حماس", False),  # Hamas is invited
        ("Wen sent an invitation to Mitchell to visit China.", "Mitchell", False),
    ],
)
def test_the_one_who_invites_is_named_after_invitation_of(
    text: str, name: str, inviter: bool
) -> None:
    from models.s7_assemble.context import build_view
    from models.s7_assemble.invite import invited_by

    at = text.index(name)
    person = Mention(at, at + len(name), name, "PERSON", f"PERSON:{name}")
    article = _article(text, "en" if text.isascii() else "ar", [person])
    assert invited_by(build_view(article.doc.sentences[0], article), person) is inviter


def test_a_visit_the_core_reads_without_visitor_takes_the_rules_named_one() -> None:
    text = "Erdogan will go to Indonesia after his visit to China."
    found = [
        Mention(0, 7, "Erdogan", "PERSON", "PERSON:Erdogan", "Recep Tayyip Erdogan", "TUR"),
        Mention(19, 28, "Indonesia", "GPE", "GPE:IDN", "Indonesia", "IDN"),
        Mention(48, 53, "China", "GPE", "GPE:CHN", "China", "CHN"),
    ]
    at = text.index("visit")
    (visit,) = _core_candidates(text, found, text[at : at + 5], "VISIT", [("China", "place")])
    assert visit.keys("visitor") == {"PERSON:Erdogan"}
    assert visit.location is not None and visit.location.text == "China"


def test_a_half_core_reading_gives_way_to_the_rules_complete_one() -> None:
    from models.extractors.transformer import _superseded
    from models.mentions import Sentence
    from models.s7_assemble.candidate import Candidate

    text = "زودت فرنسا اليونان بمقاتلات. وقال المتحدث إن الصفقة تمت."
    first, second = Sentence(0, 28, text[:28]), Sentence(29, len(text), text[29:])
    france = Mention(5, 10, "فرنسا", "GPE", "GPE:FRA", "France", "FRA")
    greece = Mention(11, 18, "اليونان", "GPE", "GPE:GRC", "Greece", "GRC")
    half = Candidate("ARMS_TRANSFER", "occurred", [("supplier", france), ("supplier", greece)],
                     evidence=[first])  # fmt: skip
    other = Candidate("ARMS_TRANSFER", "occurred", [("supplier", france)], evidence=[second])
    rule = Candidate("ARMS_TRANSFER", "occurred", [("supplier", france), ("recipient", greece)],
                     evidence=[first])  # fmt: skip
    assert _superseded([half, other], [rule]) == [other]  # the other sentence's stays
    assert _superseded([half, other], []) == [half, other]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scholz is the first chancellor to visit Iraq since 1979.", None),
        ("زار شولتس العراق منذ عام 2003 مرتين.", None),
        ("Scholz visited Iraq in 1979.", "1979"),
    ],
)
def test_a_time_that_bounds_a_period_dates_no_event(text: str, expected: str | None) -> None:
    from models.mentions import Trigger
    from models.s7_assemble.context import build_view, nearest_time

    year = next(y for y in ("1979", "2003") if y in text)
    at = text.index(year)
    article = _article(text, "en" if text.isascii() else "ar", [])
    article.times.append(TimeMention(at, at + 4, year, year, year, "year"))
    article._time_starts.append(at)
    word = next(w for w in ("visit", "زار") if w in text)
    trigger = Trigger(text.index(word), text.index(word) + len(word), word, "VISIT")
    found = nearest_time(build_view(article.doc.sentences[0], article), trigger)
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(
    ("text", "names", "trigger", "expected"),
    [
        # a name set off by commas leaves the trigger's clause open
        ("Oskenbayev met a Chinese envoy, Lu Weiqiang, in Almaty last month.",
         ["Oskenbayev", "Lu Weiqiang", "Almaty"], "met", "last month"),
        # a clause opening with a preposition and a time
        ("واستقبل بوتين الأمير محمد في سان بطرسبورغ، في يونيو الماضي.",
         ["بوتين", "الأمير محمد", "سان بطرسبورغ"], "استقبل", "يونيو الماضي"),
        # a clause of its own with a verb keeps its time
        ("Oskenbayev met a Chinese envoy, who had flown in last month.",
         ["Oskenbayev"], "met", None),
        ("Oskenbayev met Lu, said officials on Monday.", ["Oskenbayev", "Lu"], "met", None),
    ],
)  # fmt: skip
def test_a_time_after_an_apposition_or_a_preposition_dates_the_event(
    text: str, names: list[str], trigger: str, expected: str | None
) -> None:
    import datetime as dt

    from models.mentions import Trigger
    from models.s3_times.dates import find_times
    from models.s7_assemble.context import build_view, nearest_time

    language = "en" if text.isascii() else "ar"
    found = [
        Mention(text.index(n), text.index(n) + len(n), n, "PERSON", f"PERSON:{n}", n) for n in names
    ]
    article = _article(text, language, found)
    for t in find_times(text, language, dt.date(2024, 5, 9)):
        article.times.append(t)
        article._time_starts.append(t.start)
    at = text.index(trigger)
    word = Trigger(at, at + len(trigger), trigger, "MEETING")
    time = nearest_time(build_view(article.doc.sentences[0], article), word)
    assert (time.text if time else None) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # an imperfect verb, then a bare weekday: the coming one (published on a Thursday)
        ("يلتقي ميرزويان بيراموف في ألماتي يوم الجمعة.", "يلتقي", "2024-05-10"),
        ("ويزور الرئيس القاهرة الأحد.", "ويزور", "2024-05-12"),
        # the perfect reports the past; "الماضي" says so; a weekday before the verb dates
        # another verb ("وصل يوم الأربعاء ... يلتقي خلالها")
        ("التقى ميرزويان بيراموف يوم الجمعة.", "التقى", "2024-05-03"),
        ("يلتقي ميرزويان بيراموف الجمعة الماضي.", "يلتقي", "2024-05-03"),
        ("وصل فابيوس يوم الاثنين إلى طهران في زيارة يلتقي خلالها روحاني.", "يلتقي", "2024-05-06"),
        ("سيلتقي ميرزويان بيراموف يوم الجمعة.", "سيلتقي", "2024-05-03"),  # settle() moves it
    ],
)
def test_a_weekday_after_an_imperfect_verb_is_the_coming_one(
    text: str, trigger: str, expected: str
) -> None:
    from models.mentions import Trigger
    from models.s3_times.dates import add_times
    from models.s7_assemble.context import build_view
    from models.s7_assemble.index import ArticleIndex
    from models.s7_assemble.timing import event_time

    doc = Document.read(Article(id="t", text=text, language="ar", published_at="2024-05-09"))
    add_times(doc)
    article = ArticleIndex.of(doc, [])
    at = text.index(trigger)
    word = Trigger(at, at + len(trigger), trigger, "MEETING")
    time = event_time(build_view(doc.sentences[0], article), word)
    assert time is not None and time.value_start == expected


@pytest.mark.parametrize(
    ("text", "names", "trigger", "expected"),
    [
        # a time closing a "since" phrase dates that phrase, a later one the event
        ("Ortega is the first premier to visit Fiji since Suva cut ties with Managua in 2009.",
         ["Ortega"], "visit", None),
        ("أول رئيس يزور فيجي منذ أن قطعت سوفا علاقاتها مع ماناغوا عام 2009.",
         [], "يزور", None),
        ("Ortega visited Fiji for the first time since 2009 on Monday.",
         ["Ortega"], "visited", "Monday"),
        # the event's own parties, cut by commas, carry its time along
        ("It was discussed at two meetings between Tovar, the then head of the bank Anselm "
         "Roux and Imre in 1986.", ["Tovar", "Anselm Roux", "Imre"], "meetings", "1986"),
        ("It was discussed at two meetings between Tovar, the then head of the bank Anselm "
         "Roux and Imre in 1986.", ["Tovar"], "meetings", None),
        # a participle clause goes on with the clause before it
        ("The premier will resume his duties Sunday, flying to Quito for talks.",
         [], "flying", "Sunday"),
        ("The premier resumed his duties, flying to Quito for talks.", [], "flying", None),
        # a clause that is only a time sets the next one in time
        ('"On December 8, a meeting took place between Tovar and Imre," he said.',
         [], "meeting", "December 8"),
        ("وفي يوم الاثنين، التقى توفار إيمري في كيتو.", [], "التقى", "يوم الاثنين"),
        ("On the eve of the summit, a meeting took place in Quito.", [], "meeting", None),
        # an "and" parts an earlier verb's day from the trigger's own
        ("Ortega toured Suva Thursday and met police chiefs Friday morning.",
         [], "met", "Friday"),
        ("Ortega arrived in Suva on Monday and met police chiefs.", [], "met", "Monday"),
    ],
)  # fmt: skip
def test_since_phrases_argument_clauses_and_participles_in_event_times(
    text: str, names: list[str], trigger: str, expected: str | None
) -> None:
    from models.mentions import Trigger
    from models.s3_times.dates import add_times
    from models.s7_assemble.context import build_view, nearest_time
    from models.s7_assemble.index import ArticleIndex

    language = "en" if text.isascii() else "ar"
    doc = Document.read(Article(id="t", text=text, language=language, published_at="2024-05-09"))
    add_times(doc)
    article = ArticleIndex.of(doc, [])
    found = [
        Mention(text.index(n), text.index(n) + len(n), n, "PERSON", f"PERSON:{n}", n) for n in names
    ]
    at = text.index(trigger)
    word = Trigger(at, at + len(trigger), trigger, "MEETING")
    time = nearest_time(build_view(doc.sentences[0], article), word, found)
    assert (time.text if time else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # published on Thursday 2024-05-09: "will ... Sunday" is the coming Sunday
        ("The premier will resume his duties Sunday, flying to Quito for talks.", "2024-05-12"),
        ("The premier resumed his duties Sunday, flying to Quito for talks.", "2024-05-05"),
        # a "will" in a quote before the time's clause says nothing of it
        ('"We will go on," the premier said, flying to Quito on Sunday.', "2024-05-05"),
    ],
)
def test_a_weekday_after_english_will_is_the_coming_one(text: str, expected: str) -> None:
    from models.mentions import Trigger
    from models.s3_times.dates import add_times
    from models.s7_assemble.context import build_view
    from models.s7_assemble.index import ArticleIndex
    from models.s7_assemble.timing import event_time

    doc = Document.read(Article(id="t", text=text, language="en", published_at="2024-05-09"))
    add_times(doc)
    article = ArticleIndex.of(doc, [])
    at = text.index("flying")
    word = Trigger(at, at + len("flying"), "flying", "VISIT")
    time = event_time(build_view(doc.sentences[0], article), word)
    assert time is not None and time.value_start == expected


def test_an_envoys_post_is_no_place_of_the_event() -> None:
    text = "Scholz received the UN special envoy to Yemen Grundberg in Berlin."
    found = [
        Mention(0, 6, "Scholz", "PERSON", "PERSON:Scholz", "Olaf Scholz", "DEU"),
        Mention(40, 45, "Yemen", "GPE", "GPE:YEM", "Yemen", "YEM"),
        Mention(46, 55, "Grundberg", "PERSON", "PERSON:Grundberg", "Hans Grundberg"),
        Mention(59, 65, "Berlin", "GPE", "GPE:DEU", "Berlin", "DEU"),
    ]
    roles = [("Scholz", "participant"), ("Grundberg", "participant"), ("Yemen", "place")]
    (meeting,) = _core_candidates(text, found, "received", "MEETING", roles)
    assert meeting.location is None or meeting.location.text != "Yemen"
    roles[-1] = ("Berlin", "place")
    (meeting,) = _core_candidates(text, found, "received", "MEETING", roles)
    assert meeting.location is not None and meeting.location.text == "Berlin"


def test_the_meeting_named_again_is_no_new_meeting() -> None:
    from models.mentions import Trigger
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.readings import _back_reference

    known = [Mention(0, 5, "شولتس", "PERSON", "PERSON:Scholz", "Olaf Scholz"),
             Mention(6, 12, "ماكرون", "PERSON", "PERSON:Macron", "Emmanuel Macron")]  # fmt: skip
    earlier = Candidate("MEETING", "occurred", [("participant", m) for m in known])
    guests = [Mention(20, 31, "ومدير السجن", "PERSON", "PERSON:~ومدير السجن"),
              Mention(33, 44, "وكيل المحافظ", "PERSON", "PERSON:~وكيل المحافظ")]  # fmt: skip
    attended = Candidate("MEETING", "occurred", [("participant", m) for m in guests])
    the_meeting = Trigger(13, 19, "اللقاء", "MEETING")
    assert _back_reference(the_meeting, attended, [earlier])
    assert not _back_reference(the_meeting, attended, [])  # nothing read before it
    named = Candidate("MEETING", "occurred", [("participant", m) for m in known])
    assert not _back_reference(the_meeting, named, [earlier])  # two known parties: a meeting
    a_meeting = Trigger(13, 18, "لقاء", "MEETING")
    assert not _back_reference(a_meeting, attended, [earlier])


def test_an_office_with_an_indefinite_article_is_nobody_in_particular() -> None:
    text = "It is the second visit of an Iraqi president to France."
    office = Mention(29, 44, "Iraqi president", "PERSON", "TITLE:President:IRQ", "Iraqi President",
                     "IRQ", title="President")  # fmt: skip
    france = Mention(48, 54, "France", "GPE", "GPE:FRA", "France", "FRA")
    roles = [("Iraqi president", "visitor"), ("France", "place")]
    (visit,) = _core_candidates(text, [office, france], "visit", "VISIT", roles)
    assert not visit.keys("visitor")
    text = "It is the second visit of the Iraqi president to France."
    office = Mention(30, 45, "Iraqi president", "PERSON", "TITLE:President:IRQ", "Iraqi President",
                     "IRQ", title="President")  # fmt: skip
    france = Mention(49, 55, "France", "GPE", "GPE:FRA", "France", "FRA")
    assert text[office.start : office.end] == office.text
    (visit,) = _core_candidates(text, [office, france], "visit", "VISIT", roles)
    assert visit.keys("visitor") == {"TITLE:President:IRQ"}


def test_a_name_in_a_clause_of_its_own_is_no_visitor_of_the_visit_before_it() -> None:
    from models.mentions import Trigger
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.context import build_view
    from models.s7_assemble.roles import visit

    def visitors(text: str) -> set[str]:
        found = mentions(text)
        article = _article(text, "en", found)
        at = text.index("visit")
        cand = Candidate("VISIT", "occurred")
        visit(build_view(article.doc.sentences[0], article), Trigger(at, at + 5, "visit", "VISIT"),
              cand)  # fmt: skip
        return cand.keys("visitor")

    text = "He is the first official to visit Berlin since President Macron announced plans."
    assert visitors(text) == set()
    assert visitors("It was the first visit by Macron to Berlin.") == {"PERSON:Emmanuel Macron"}


def test_a_place_right_before_a_visit_noun_is_its_destination() -> None:
    text = "Steinmeier started a Middle East tour on Thursday."
    found = [
        Mention(0, 10, "Steinmeier", "PERSON", "PERSON:Steinmeier", "Frank-Walter Steinmeier"),
        Mention(21, 32, "Middle East", "LOC", "LOC:Middle East", "Middle East"),
    ]
    (visit,) = _core_candidates(text, found, "tour", "VISIT", [("Steinmeier", "visitor")])
    assert visit.location is not None and visit.location.text == "Middle East"
    text = "Steinmeier started a German tour on Thursday."  # an adjective names no place
    found[1] = Mention(21, 27, "German", "GPE", "GPE:DEU", "Germany", "DEU", demonym=True)
    (visit,) = _core_candidates(text, found, "tour", "VISIT", [("Steinmeier", "visitor")])
    assert visit.location is None


def test_a_glued_and_before_a_surname_the_article_names_is_no_part_of_the_name() -> None:
    from models.mentions import Sentence
    from models.s6_core.reader import Reading
    from models.s6_core.spans import Span
    from models.s7_assemble.readings import model_mentions

    text = "وصل لوران فابيوس إلى طهران. وفابيوس هو أول وزير يزورها. ووليد حاضر."
    fabius = Mention(4, 16, "لوران فابيوس", "PERSON", "PERSON:لوران فابيوس")
    sentence = Sentence(0, len(text), text)
    spans = [
        (text.index("وفابيوس"), text.index("وفابيوس") + 7),
        (text.index("ووليد"), text.index("ووليد") + 5),
    ]
    reading = Reading(entities=[Span(a, b, "PER") for a, b in spans])
    found = [m.text for m in model_mentions(text, [sentence], [reading], [fabius])]
    assert found == ["فابيوس", "ووليد"]  # "ووليد": no surname named, left alone


def test_a_game_is_no_meeting() -> None:
    text = "دخل المدرب شولتس اللقاء بتشكيلة ضمت ماكرون."
    found = mentions(text)
    roles = [("شولتس", "participant"), ("ماكرون", "participant")]
    assert _core_candidates(text, found, "اللقاء", "MEETING", roles) == []
    text = "وعقد شولتس اللقاء مع ماكرون في برلين."
    found = mentions(text)
    (meeting,) = _core_candidates(text, found, "اللقاء", "MEETING", roles)
    assert meeting.type == "MEETING"


def test_he_also_met_is_another_meeting_of_the_previous_sentences_subject() -> None:
    from models.mentions import Trigger
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.context import build_view
    from models.s7_assemble.possessor import owner
    from models.s7_assemble.readings import _also

    text = "Liang arrived here Friday. He also met with Castro."
    liang = Mention(0, 5, "Liang", "PERSON", "PERSON:liang")  # a capitalised unknown name
    castro = Mention(44, 50, "Castro", "PERSON", "PERSON:Castro", "Raul Castro")
    article = _article(text, "en", [liang, castro])
    view = build_view(article.doc.sentences[1], article)
    met = Trigger(text.index("met"), text.index("met") + 3, "met", "MEETING")
    cand = Candidate("MEETING", "occurred", [("participant", castro)])
    found = owner(view, met, cand)
    assert found is not None and found.text == "Liang"
    assert _also(view, met)
    text = "Liang arrived here Friday. Officials also met with Castro."
    article = _article(text, "en", [liang, Mention(51, 57, "Castro", "PERSON", "PERSON:Castro")])
    view = build_view(article.doc.sentences[1], article)
    met = Trigger(text.index("met"), text.index("met") + 3, "met", "MEETING")
    assert owner(view, met, cand) is None  # a named subject of its own: no pronoun


def test_a_meeting_marked_as_another_keeps_apart_from_one_of_other_parties() -> None:
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.merge import compatible

    def person(name: str) -> Mention:
        return Mention(0, 1, name, "PERSON", f"PERSON:{name}", name)

    liang, fidel, raul = person("Liang"), person("Fidel"), person("Raul")
    first = Candidate("MEETING", "occurred", [("participant", liang), ("participant", fidel)])
    also = Candidate("MEETING", "occurred", [("participant", liang), ("participant", raul)])
    also.another = True
    assert not compatible(first, also)
    again = Candidate("MEETING", "occurred", [("participant", person("Liang"))], another=True)
    assert compatible(first, again)  # nobody of its own: the same meeting
    also.another = False
    assert compatible(first, also)  # unmarked, one shared party still merges
    # "received Abdullah, then met the Bahraini minister": the role head gave the second
    # meeting the first one's guest too; marked, it keeps the party of its own apart
    then = Candidate("MEETING", "occurred", [("participant", liang), ("participant", fidel),
                                              ("participant", raul)], another=True)  # fmt: skip
    assert not compatible(first, then) and not compatible(then, first)


def test_a_one_party_meeting_word_takes_the_office_named_with_it() -> None:
    from models.mentions import Trigger
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.context import build_view
    from models.s7_assemble.possessor import counterpart

    text = "وقال الجبير عقب لقائه بوزير الخارجية المصري إن المباحثات مثمرة."
    jubeir = Mention(5, 11, "الجبير", "PERSON", "PERSON:Jubeir", "Adel al-Jubeir")
    at = text.index("وزير")
    office = Mention(at, at + 20, "وزير الخارجية المصري", "PERSON", "TITLE:Foreign Minister:EGY",
                     "Egyptian Foreign Minister", "EGY")  # fmt: skip
    article = _article(text, "ar", [jubeir, office])
    view = build_view(article.doc.sentences[0], article)
    meeting = Trigger(text.index("لقائه"), text.index("لقائه") + 5, "لقائه", "MEETING")
    cand = Candidate("MEETING", "occurred", [("participant", jubeir)])
    assert counterpart(view, meeting, cand) is office
    cand.add("participant", office)
    assert counterpart(view, meeting, cand) is None  # two parties read: nothing to add


def test_the_office_named_with_a_meeting_verb_after_its_subject_is_a_party() -> None:
    # the subject's long title stands between the verb and "بوزير" (with the minister)
    text = "التقى رئيس الوزراء النيبالي بوشبا كمال داهال بوزير الخارجية الصيني في كاتماندو."
    found = [
        _named(text, "بوشبا كمال داهال", "PERSON", "Pushpa Kamal Dahal"),
        Mention(text.index("وزير الخارجية الصيني"), text.index("وزير الخارجية الصيني") + 20,
                "وزير الخارجية الصيني", "PERSON", "TITLE:Foreign Minister:CHN",
                "Chinese Foreign Minister", "CHN"),
    ]  # fmt: skip
    roles = [("بوشبا كمال داهال", "participant")]
    (meeting,) = _core_candidates(text, found, "التقى", "MEETING", roles)
    assert {m.text for _, m in meeting.actors} == {"بوشبا كمال داهال", "وزير الخارجية الصيني"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("مدينة فاس", "فاس"),
        ("بمدينة صور", "صور"),
        ("the city of Fes", "Fes"),
        ("Fes", "Fes"),
        ("مدينة", "مدينة"),  # a class noun alone names nothing better
        ("مدينة الملك عبدالله الرياضية", "مدينة الملك عبدالله الرياضية"),  # named for a king
    ],
)
def test_an_unknown_place_is_named_without_its_class_noun(text: str, name: str) -> None:
    from models.s7_assemble.readings import _past_class_noun

    assert text[_past_class_noun(text, 0, len(text)) :] == name


@pytest.mark.parametrize(
    ("text", "body", "person"),
    [
        ("The head of the UN nuclear watchdog", "UN", True),
        ("the director-general of the IAEA", "IAEA", True),
        ("مدير الوكالة الدولية للطاقة الذرية", "الوكالة الدولية للطاقة الذرية", True),
        ("the UN", "UN", False),  # the body itself
        ("a UN team", "UN", False),
        ("troops of the UN", "UN", False),
    ],
)
def test_the_head_of_a_body_is_a_person(text: str, body: str, person: bool) -> None:
    from models.s7_assemble.readings import _headed_by

    at = text.index(body)
    found = Mention(at, at + len(body), body, "ORG", f"ORG:{body}", body)
    assert _headed_by(text, 0, found) is person


def test_a_piece_the_entity_head_cut_out_of_a_role_span_is_not_the_party() -> None:
    text = "The Tongan king will visit the islands of Ha'apai next week."
    pieces = [  # the entity head's unknown names inside the role head's spans
        Mention(4, 10, "Tongan", "PERSON", "PERSON:tongan"),
        Mention(text.index("Ha"), text.index("Ha") + 2, "Ha", "PERSON", "PERSON:ha"),
    ]
    roles = [("The Tongan king", "visitor"), ("Ha'apai", "place")]
    (visit,) = _core_candidates(text, pieces, "visit", "VISIT", roles)
    assert [m.text for _, m in visit.actors] == ["The Tongan king"]
    assert visit.location is not None and visit.location.text == "Ha'apai"


@pytest.mark.parametrize(
    ("span", "pieces", "place", "expected"),
    [
        ("the Ghanaian navy", ["Ghanaian"], False, True),
        ("Gilan bin Masoud", ["Gilan"], False, True),
        ("Zorbulak Tenzin", ["Zorbulak Tenzin"], False, False),  # the whole name
        ("Zorbulak Tenzin", ["Zorbulak", "Tenzin"], False, False),  # all of it, in pieces
        ("Zelvenko", ["Zel"], False, False),  # one word: a clitic or title may hang on it
        ("Ha'apai", ["Ha"], True, True),  # a place of one word still is one
    ],
)
def test_pieces_of_a_role_span(span: str, pieces: list[str], place: bool, expected: bool) -> None:
    from models.s7_assemble.readings import _fragments

    found = [
        Mention(span.index(p), span.index(p) + len(p), p, "PERSON", f"PERSON:{p}") for p in pieces
    ]
    assert _fragments(span, 0, len(span), found, place=place) is expected


def test_a_known_name_inside_a_role_span_is_no_piece() -> None:
    from models.s7_assemble.readings import _fragments

    span = "the Russian navy of Vladimir Putin"
    putin = Mention(20, 34, "Vladimir Putin", "PERSON", "PERSON:Vladimir Putin", "Vladimir Putin")
    assert not _fragments(span, 0, len(span), [putin], place=False)


def test_two_halves_of_a_transfer_in_one_sentence_are_one_event() -> None:
    from models.s7_assemble.candidate import Candidate
    from models.s7_assemble.readings import _halves

    chile = Mention(
        5, 28, "وزارة الدفاع التشيلية", "ORG", "ORG:~وزاره الدفاع التشيليه", None, "CHL"
    )
    france = Mention(34, 40, "فرنسيا", "GPE", "GPE:FRA", "France", "FRA", demonym=True)
    offer = Candidate("ARMS_TRANSFER", "occurred", [("recipient", chile)])
    sell = Candidate("ARMS_TRANSFER", "proposed", [("supplier", france)])
    (one,) = _halves([offer, sell])
    assert {(r, m.text) for r, m in one.actors} == {
        ("recipient", chile.text),
        ("supplier", "فرنسيا"),
    }
    assert one.status == "proposed"  # the hedged word says what became of the offer
    # two readings of one side stay apart, and so do two meetings of one party each
    assert (
        len(_halves([offer, Candidate("ARMS_TRANSFER", "proposed", [("recipient", chile)])])) == 2
    )
    lavrov = Mention(0, 6, "Lavrov", "PERSON", "PERSON:Sergey Lavrov", "Sergey Lavrov")
    wang = Mention(10, 17, "Wang Yi", "PERSON", "PERSON:Wang Yi", "Wang Yi")
    meetings = [Candidate("MEETING", "occurred", [("participant", p)]) for p in (lavrov, wang)]
    assert len(_halves(meetings)) == 2


def test_a_body_and_its_people_are_a_party_of_several() -> None:
    text = "OPEC ministers were meeting in Abuja to discuss their production policy."
    opec = Mention(0, 4, "OPEC", "ORG", "ORG:OPEC", "OPEC")
    abuja = Mention(31, 36, "Abuja", "GPE", "GPE:Abuja", "Abuja", "NGA")
    roles = [("OPEC ministers", "participant"), ("Abuja", "place")]
    (meeting,) = _core_candidates(text, [opec, abuja], "meeting", "MEETING", roles)
    assert [m.text for _, m in meeting.actors] == ["OPEC ministers"]


def test_a_named_span_is_a_party_though_its_largest_piece_is_a_common_noun() -> None:
    text = "Kainerugaba conferred with Congolese military commanders in Bunia on Friday."
    at = text.index("Congolese")
    found = [
        Mention(0, 11, "Kainerugaba", "PERSON", "PERSON:kainerugaba"),
        Mention(at, at + 9, "Congolese", "PERSON", "PERSON:congolese"),
        Mention(at + 10, at + 29, "military commanders", "PERSON", "PERSON:~military commanders"),
    ]
    roles = [("Kainerugaba", "participant"), ("Congolese military commanders", "participant")]
    (meeting,) = _core_candidates(text, found, "conferred", "MEETING", roles)
    assert [m.text for _, m in meeting.actors] == ["Kainerugaba", "Congolese military commanders"]
    # lower case throughout and no plural of several, the span names no one
    text = "Kainerugaba conferred with the military command in Bunia on Friday."
    at = text.index("military")
    found[1:] = [Mention(at, at + 16, "military command", "PERSON", "PERSON:~military command")]
    roles[1] = ("the military command", "participant")
    (meeting,) = _core_candidates(text, found, "conferred", "MEETING", roles)
    assert [m.text for _, m in meeting.actors] == ["Kainerugaba"]


def test_a_common_noun_naming_several_is_a_party() -> None:
    text = "The opposition invited government negotiators to resume talks in Lima."
    opp = Mention(0, 14, "The opposition", "PERSON", "PERSON:~the opposition")
    roles = [("The opposition", "participant"), ("government negotiators", "participant")]
    (meeting,) = _core_candidates(text, [opp], "talks", "MEETING", roles)
    assert [m.text for _, m in meeting.actors] == ["The opposition", "government negotiators"]
    # one common noun still names no one
    text = "The opposition invited negotiators to resume talks in Lima."
    roles[1] = ("negotiators", "participant")
    (meeting,) = _core_candidates(text, [opp], "talks", "MEETING", roles)
    assert [m.text for _, m in meeting.actors] == ["The opposition"]


def test_the_receivers_of_a_pronoun_host_its_arrival() -> None:
    # agency copy names only the receivers: "his excellency" is the minister who arrived
    text = "وصل الجبير إلى الدوحة اليوم، وكان في استقبال معاليه لدى وصوله الى المطار العطية."
    found = [
        _named(text, "الجبير", "PERSON", "Adel al-Jubeir"),
        _named(text, "الدوحة", "GPE", "Doha"),
        _named(text, "العطية", "PERSON", "Khalid Al Attiyah"),
    ]
    roles = [("العطية", "visitor"), ("المطار", "place")]
    # the airport welcome is protocol: the visit only, with its hosts, and no meeting
    (visit,) = _core_candidates(text, found, "وصوله", "VISIT", roles, [("المطار", "LOC")])
    assert [(r, m.text) for r, m in visit.actors] == [("host", "العطية"), ("visitor", "الجبير")]
    assert visit.location is None or visit.location.text != "المطار"
    meeting_roles = [("العطية", "participant")]
    assert _core_candidates(text, found, "استقبال", "MEETING", meeting_roles) == []
    # with no receiver read, the arrival is still the guest's, not the receivers' (whom
    # the rules read as its visitors)
    text = "وصل الجبير إلى الدوحة اليوم. وكان في استقباله لدى وصوله مطار حمد الدولي العطية."
    found = [replace(m, start=text.index(m.text), end=text.index(m.text) + len(m.text))
             for m in found]  # fmt: skip
    (visit,) = _core_candidates(text, found, "وصوله", "VISIT", [], index=1)
    assert [(r, m.text) for r, m in visit.actors] == [("visitor", "الجبير")]
    # a reception in an office is a meeting, with the guest the pronoun stands for
    text = "وصل الجبير إلى الدوحة اليوم، وكان في استقبال معاليه في الديوان العطية."
    found = [replace(m, start=text.index(m.text), end=text.index(m.text) + len(m.text))
             for m in found]  # fmt: skip
    (meeting,) = _core_candidates(text, found, "استقبال", "MEETING", meeting_roles)
    assert {m.text for _, m in meeting.actors} == {"العطية", "الجبير"}


def test_the_rules_give_an_arrival_after_a_reception_of_a_pronoun_to_the_guest() -> None:
    # the core reads "وصوله" with no visitor it can keep, so the rules read the sentence:
    # they too must give the arrival to the guest and make the receivers its hosts
    from models.extractors.lexicon import LexiconExtractor

    text = (
        "وصل رئيس جمهورية الشيشان رمضان قاديروف إلى جدة، صباح أمس، لأداء مناسك العمرة.\n"
        "وكان في استقباله لدى وصوله مطار الملك عبدالعزيز الدولي وكيل إمارة منطقة مكة"
        " المكرمة الأمير سعود بن عبدالله بن جلوي، ووزير الثقافة والإعلام عادل الطريفي."
    )
    article = Article(id="t-r", text=text, language="ar", published_at="2015-07-21")
    (visit,) = LexiconExtractor().extract_batch([article])[0]
    assert [a.text for a in visit.actors if a.role == "visitor"] == ["رمضان قاديروف"]
    assert "سعود بن عبدالله بن جلوي" in [a.text for a in visit.actors if a.role == "host"]
    assert visit.location is not None and visit.location.name == "Jeddah"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("وكان في استقباله لدى وصوله مطار الملك عبدالعزيز الأمير سعود.", "استقباله"),
        ("وكان في وداعه لدى مغادرته الأمير سعود.", "وداعه"),
        ("وكان في استقبال فخامته بمطار الأمير محمد الأمير سعود.", "استقبال"),
        ("Bush landed at Capital Airport, where he was greeted by Li Zhaoxing.", "greeted"),
    ],
)
def test_a_welcome_at_an_arrival_is_no_meeting(text: str, trigger: str) -> None:
    who = "Li Zhaoxing" if text.isascii() else "الأمير سعود"
    found = [_named(text, who, "PERSON", "Prince Saud")]
    roles = [(who, "participant")]
    assert _core_candidates(text, found, trigger, "MEETING", roles) == []


def test_a_named_guest_of_a_reception_stays_as_read() -> None:
    text = "وكان في استقبال الجبير لدى وصوله الى الدوحة وزير الخارجية العطية."
    found = [_named(text, "الجبير", "PERSON", "Adel al-Jubeir"),
             _named(text, "العطية", "PERSON", "Khalid Al Attiyah"),
             _named(text, "الدوحة", "GPE", "Doha")]  # fmt: skip
    roles = [("الجبير", "visitor"), ("الدوحة", "place")]
    (visit,) = _core_candidates(text, found, "وصوله", "VISIT", roles)
    assert [(r, m.text) for r, m in visit.actors] == [("visitor", "الجبير")]


@pytest.mark.parametrize(
    ("visitor", "kept"),
    [
        ("كتيبة عسكرية إماراتية", False),  # a battalion deployed
        ("والقوات البحرية المصرية", False),
        ("the first US troops", False),
        ("an aid convoy", False),
        ("وزير الخارجية الإماراتي", True),
        ("وفد عسكري سنغالي", True),  # a military delegation does visit
        ("Forces commander Ali", True),  # the English head is the last word
    ],
)
def test_troops_and_goods_arriving_make_no_visit(visitor: str, kept: bool) -> None:
    from models.s7_assemble.build import travels

    m = Mention(0, len(visitor), visitor, "ORG", f"ORG:~{visitor}")
    visit = Candidate("VISIT", "occurred", actors=[("visitor", m)])
    assert travels(visit) is kept


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # the site right after the verb, the visitor after it
        ("كما زار المعرض الدولي الشيخ سعود العثمان أمس.", "المعرض الدولي"),
        # the visitor right after the verb, the site after him
        ("زار الوزير سعود العثمان مقر لجان المقابلات في الرياض.", "مقر لجان المقابلات"),
        # a preposition governs no object of "زار": no site
        ("زار سعود العثمان في الرياض أمس.", None),
    ],
)
def test_a_visit_verbs_object_is_its_site(text: str, site: str | None) -> None:
    found = [_named(text, "سعود العثمان", "PERSON", "Saud al-Othman")]
    trigger = "زار"
    (visit,) = _core_candidates(text, found, trigger, "VISIT", [("سعود العثمان", "visitor")])
    assert (visit.location.text if visit.location else None) == site


@pytest.mark.parametrize(
    ("text", "visitors"),
    [
        # the subject of "يقوم بها" travels, not the people of the call before it
        (
            "وجاء ذلك خلال اتصال أجراه روحاني مع هولاند عشية زيارة يقوم بها فابيوس إلى طهران.",
            ["فابيوس"],
        ),
        # an adjective and "التي" may stand between the noun and the verb
        ("وتحدث روحاني عن الزيارة السرية التي قام بها فابيوس إلى طهران.", ["فابيوس"]),
        # a pronoun subject ("قام بها إلى طهران"): the core's visitor stays
        ("وتحدث روحاني عن الزيارة التي قام بها إلى طهران.", ["روحاني"]),
    ],
)
def test_the_subject_of_made_it_is_the_visitor(text: str, visitors: list[str]) -> None:
    people = {"روحاني": "Hassan Rouhani", "فابيوس": "Laurent Fabius", "هولاند": "Hollande"}
    found = [_named(text, w, "PERSON", name) for w, name in people.items() if w in text]
    trigger = "زيارة" if "زيارة" in text else "الزيارة"
    roles = [("روحاني", "visitor"), ("طهران", "place")]
    (visit,) = _core_candidates(text, found, trigger, "VISIT", roles)
    assert [m.text for r, m in visit.actors if r == "visitor"] == visitors


def _visit(visitor: Mention, place: str = "Medina", status: str = "occurred") -> Candidate:
    where = Mention(0, 1, place, "GPE", f"GPE:{place}", place, country="SAU")
    return Candidate("VISIT", status, actors=[("visitor", visitor)], location=where)  # type: ignore[arg-type]


_KADYROV = Mention(0, 18, "رمضان أحمد قاديروف", "PERSON", "PERSON:Kadyrov", title="President")
_OFFICE = Mention(40, 55, "الرئيس الشيشاني", "PERSON", "PERSON:~الرييس الشيشاني")


@pytest.mark.parametrize("office", [_OFFICE, replace(_OFFICE, text="نائب الرئيس")])
def test_an_office_visiting_where_its_holder_went_is_his_visit(office: Mention) -> None:
    # "نائب الرئيس" (vice president): a title of two words, neither a head of its own
    from models.s7_assemble.officeholder import fold_offices

    holder = replace(_KADYROV, title=None)
    (one,) = fold_offices([_visit(holder), _visit(office)])
    assert [m.text for r, m in one.actors if r == "visitor"] == [holder.text, office.text]


@pytest.mark.parametrize(
    "others",
    [
        # two named visitors went there: whose office it is the article does not say
        [_visit(_KADYROV), _visit(replace(_KADYROV, text="Other", key="PERSON:Other"))],
        # the holder's known title is another office
        [_visit(replace(_KADYROV, title="Foreign Minister"))],
        # another place, another tense
        [_visit(_KADYROV, place="Jeddah")],
        [_visit(_KADYROV, status="planned")],
    ],
)
def test_an_office_stays_apart_from_visits_it_may_not_be(others: list[Candidate]) -> None:
    from models.s7_assemble.officeholder import fold_offices

    assert len(fold_offices([*others, _visit(_OFFICE)])) == len(others) + 1


def _holder(text: str, word: str, name: str, country: str, title: str) -> Mention:
    at = text.index(word)
    return Mention(at, at + len(word), word, "PERSON", f"PERSON:{name}", name, country, title)


@pytest.mark.parametrize(
    ("text", "kerry_title", "parties"),
    [
        # the counterpart is the American of the same office the article named before
        (
            "وصل كيري إلى القاهرة. وكان وزير الخارجية المصري شكري ونظيره الأمريكي أطلقا الحوار.",
            "Secretary of State",
            ["شكري", "كيري"],
        ),
        (
            "Kerry arrived in Cairo. Shoukry and his American counterpart opened the talks.",
            "Secretary of State",
            ["Shoukry", "Kerry"],
        ),
        # an American of another office is nobody's counterpart
        (
            "Kerry arrived in Cairo. Shoukry and his American counterpart opened the talks.",
            "Senator",
            ["Shoukry"],
        ),
    ],
)
def test_a_counterpart_named_by_country_is_that_countrys_holder(
    text: str, kerry_title: str, parties: list[str]
) -> None:
    kerry, shoukry = ("كيري", "شكري") if "كيري" in text else ("Kerry", "Shoukry")
    found = [
        _holder(text, kerry, "John Kerry", "USA", kerry_title),
        _holder(text, shoukry, "Sameh Shoukry", "EGY", "Foreign Minister"),
        _named(text, "الأمريكي" if "كيري" in text else "American", "GPE", "United States"),
    ]
    found[-1] = replace(found[-1], key="GPE:USA", country="USA", demonym=True)
    trigger = "أطلقا" if "كيري" in text else "opened the talks"
    roles = [(shoukry, "participant")]
    (meeting,) = _core_candidates(text, found, trigger, "MEETING", roles, index=1)
    assert [m.text for r, m in meeting.actors if r == "participant"] == parties


@pytest.mark.parametrize(
    ("opening", "another"),
    [("من جهة أخرى، ", True), ("من جهة ثانية ", True), ("في سياق آخر ", True), ("", False)],
)
def test_on_the_other_hand_marks_another_meeting(opening: str, another: bool) -> None:
    # "من جهة ثانية اجتمع الأمير مع جعجع" after his audience with Kadyrov: a second meeting
    text = f"{opening}اجتمع الأمير محمد بن سلمان في جدة مع سمير جعجع."
    found = [
        _named(text, "محمد بن سلمان", "PERSON", "Mohammed bin Salman"),
        _named(text, "سمير جعجع", "PERSON", "Samir Geagea"),
    ]
    roles = [("محمد بن سلمان", "participant"), ("سمير جعجع", "participant")]
    (meeting,) = _core_candidates(text, found, "اجتمع", "MEETING", roles)
    assert meeting.another is another


@pytest.mark.parametrize(
    ("key", "kept"),
    [("GPE:Doha", False), ("GPE:QAT", True)],  # a city travels nowhere; a country may
)
def test_a_city_is_no_visitor(key: str, kept: bool) -> None:
    from models.s7_assemble.build import travels

    doha = Mention(0, 6, "الدوحة", "GPE", key, "Doha", "QAT")
    visit = Candidate("VISIT", "occurred", actors=[("visitor", doha)])
    assert travels(visit) is kept


def test_a_pronoun_is_no_visitor() -> None:
    # '"My visit to the United States ...," Nakasone said': "My" named nobody
    from models.s7_assemble.build import travels

    my = Mention(1, 3, "My", "PERSON", "PERSON:~my")
    assert not travels(Candidate("VISIT", "planned", actors=[("visitor", my)]))


@pytest.mark.parametrize(
    ("visitor", "place", "kept"),
    [
        ("أمير منطقة عسير", "منطقة عسير صباح", False),  # the governor at home
        ("رئيس جمهورية الشيشان", "الشيشان", False),
        ("وزير الخارجية السعودي", "منطقة عسير", True),
        ("the Cuban group", "the United States", True),  # "the" names no place
    ],
)
def test_an_office_of_the_place_is_no_visitor_of_it(visitor: str, place: str, kept: bool) -> None:
    from models.s7_assemble.destinations import abroad

    who = Mention(0, len(visitor), visitor, "PERSON", f"PERSON:~{visitor}")
    where = Mention(30, 30 + len(place), place, "GPE", f"GPE:~{place}")
    visit = Candidate("VISIT", "occurred", actors=[("visitor", who)], location=where)
    assert abroad(visit) is kept


@pytest.mark.parametrize(
    ("text", "trigger", "visitor", "place", "origin"),
    [
        ("Shultz arrived in Moscow from Helsinki on Monday.", "arrived", "Shultz", "Moscow",
         "Helsinki"),
        ("وصل بحاح إلى عدن قادماً من الرياض أمس.", "وصل", "بحاح", "عدن", "الرياض"),
    ],
)  # fmt: skip
def test_where_a_traveller_came_from_is_no_destination(
    text: str, trigger: str, visitor: str, place: str, origin: str
) -> None:
    found = [
        _named(text, visitor, "PERSON", visitor),
        _named(text, place, "GPE", place),
        _named(text, origin, "GPE", origin),
    ]
    roles = [(visitor, "visitor"), (origin, "place")]
    (visit,) = _core_candidates(text, found, trigger, "VISIT", roles)
    assert visit.location is None or visit.location.text != origin


def _two_party_meeting(text: str, trigger: str) -> list[Candidate]:
    """The candidates of a core meeting at ``trigger`` between two invented people."""
    found = [_named(text, "زكريا تومار", "PERSON", "Zakaria Toumar"),
             _named(text, "فادي نعمون", "PERSON", "Fadi Naamoun")]  # fmt: skip
    roles = [("زكريا تومار", "participant"), ("فادي نعمون", "participant")]
    return _core_candidates(text, found, trigger, "MEETING", roles)


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        # a body's own sitting: the possessed meeting noun has no party after it
        (
            "ووزعت إدارة نادي الفجر خلال اجتماعها المهام بين زكريا تومار وفادي نعمون.",
            "اجتماعها",
            False,
        ),
        ("ووافق مجلس الشورى خلال جلسته أمس على اقتراح زكريا تومار وفادي نعمون.", "جلسته", False),
        # with a party after it, a meeting ("خلال اجتماعه مع الكتل السياسية")
        ("وقال زكريا تومار خلال اجتماعه مع فادي نعمون إن الحوار مستمر.", "اجتماعه", True),
        ("وقال زكريا تومار بعد اجتماعه بفادي نعمون إن الحوار مستمر.", "اجتماعه", True),
        # "بين" right after it names the parties ("اجتماعهما بين ..." is rarer, but kept)
        ("وعقد اجتماعه بين زكريا تومار وفادي نعمون في الرياض.", "اجتماعه", True),
    ],
)
def test_a_possessed_meeting_word_with_no_party_after_it_is_a_bodys_own_sitting(
    text: str, trigger: str, kept: bool
) -> None:
    assert bool(_two_party_meeting(text, trigger)) is kept


def test_the_rules_read_a_bodys_own_sitting_as_no_meeting_too() -> None:
    from models.extractors.lexicon import LexiconExtractor

    texts = [
        "ووزع الأمير سعود الفيصل خلال اجتماعه المهام بين جون كيري ووليد المعلم.",
        "وأكد الأمير سعود الفيصل خلال اجتماعه مع جون كيري في الرياض أن الحوار مستمر.",
    ]
    arts = [Article(id=f"t-{i}", text=t, language="ar") for i, t in enumerate(texts)]
    own, met = LexiconExtractor().extract_batch(arts)
    assert own == []
    assert [e.type for e in met] == ["MEETING"]


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        # a sitting its subject chaired, however long the chair's titles
        (
            "رأس الأمير زكريا تومار مستشار الملك أمير المنطقة في مكتبه بجدة الاجتماع"
            " الشهري لفادي نعمون وقادة الأمن.",
            "الاجتماع",
            False,
        ),
        ("وترأس زكريا تومار اجتماع اللجنة بحضور فادي نعمون.", "اجتماع", False),
        # at the head of a delegation is no chairing ("على رأس وفد")
        ("وصل زكريا تومار على رأس وفد إلى اجتماع مع فادي نعمون.", "اجتماع", True),
        # a comma ends the clause the chair verb governs
        ("وترأس زكريا تومار الوفد، ثم عقد اجتماعا مع فادي نعمون.", "اجتماعا", True),
        # ... but one right before the sitting only sets the chair's name off
        ("ترأس مدير عام الشؤون الصحية زكريا تومار، اجتماعاً بحضور فادي نعمون.", "اجتماعاً", False),
        # the meeting just told, its chair after it: it may be one of ministers of many states
        ("وترأس الاجتماع معالي زكريا تومار بحضور فادي نعمون.", "الاجتماع", True),
        # talks are not a sitting: "ترأس الجانب السعودي في المباحثات" is one side of two
        ("وترأس زكريا تومار الجانب السعودي في المباحثات مع فادي نعمون.", "المباحثات", True),
    ],
)
def test_a_sitting_its_subject_chaired_is_no_meeting(text: str, trigger: str, kept: bool) -> None:
    assert bool(_two_party_meeting(text, trigger)) is kept


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        # a sitting named by its body, no party after it
        ("ووافق زكريا تومار وفادي نعمون خلال جلسة مجلس الوزراء على القرار.", "جلسة", False),
        (
            "وأعلن زكريا تومار أن الاجتماع الاستثنائي للجمعية العمومية سيعقد لخلافة فادي نعمون.",
            "الاجتماع",
            False,
        ),
        # the body's meeting names its parties after it
        ("وعقد اجتماع لجنة المتابعة بمشاركة زكريا تومار وفادي نعمون.", "اجتماع", True),
        (
            "وعقد الاجتماع الثالث للجنة المكلفة بالاتفاقية الموقعة بين زكريا تومار وفادي نعمون.",
            "الاجتماع",
            True,
        ),
        # no body after the meeting word
        ("وعقد زكريا تومار اجتماعا مطولا مع فادي نعمون.", "اجتماعا", True),
        # a sitting chaired by someone named after it: its members are no second party
        (
            "وعقد زكريا تومار والوزراء لقاء تنسيقيا في الدوحة، برئاسة الوزير فادي نعمون.",
            "لقاء",
            False,
        ),
        ("وعقدت اللجنة الاجتماع الرابع برئاسة زكريا تومار وحضور فادي نعمون.", "الاجتماع", False),
        # what is led is a delegation, or a party is marked before the chair
        ("وعقد لقاء بين زكريا تومار ووفد من الحركة برئاسة فادي نعمون.", "لقاء", True),
        ("جاء ذلك خلال لقاء زكريا تومار بفريق العمل برئاسة فادي نعمون.", "لقاء", True),
        ("وعقد زكريا تومار اجتماعا مع فادي نعمون برئاسة الوزير.", "اجتماعا", True),
    ],
)
def test_a_sitting_named_by_its_body_or_chaired_by_someone_after_it_is_no_meeting(
    text: str, trigger: str, kept: bool
) -> None:
    assert bool(_two_party_meeting(text, trigger)) is kept


def test_a_visit_that_comes_as_part_of_something_takes_the_status_of_its_other_mention() -> None:
    # "وتأتي زيارة الجبير إلى موسكو في إطار ..." (occurred by default, a time borrowed
    # from another clause) and "يزور الجبير موسكو الثلاثاء" (planned): one planned visit
    from models.mentions import Trigger
    from models.s7_assemble.context import build_view
    from models.s7_assemble.merge import merge
    from models.s7_assemble.timing import tenseless

    text = "وتأتي زيارة زكريا تومار إلى موسكو في إطار التحضيرات."
    article = _article(text, "ar", [])
    view = build_view(article.doc.sentences[0], article)
    at = text.index("زيارة")
    assert tenseless(view, Trigger(at, at + 5, "زيارة", "VISIT"))
    assert not tenseless(view, Trigger(0, 5, "وتأتي", "VISIT"))
    who = Mention(0, 11, "زكريا تومار", "PERSON", "PERSON:Zakaria Toumar", "Zakaria Toumar")
    september = TimeMention(0, 1, "الخريف", "2015-09", "2015-09", "month")
    tuesday = TimeMention(0, 1, "الثلاثاء", "2015-08-11", "2015-08-11", "day")
    told = _visit(who, "Moscow", "occurred")
    told.tenseless, told.time = True, september
    planned = _visit(who, "Moscow", "planned")
    planned.time = tuesday
    for order in ([told, planned], [planned, told]):
        (one,) = merge([replace(c) for c in order])
        assert (one.status, one.time) == ("planned", tuesday)
    # without the default, an occurred and a planned visit stay two
    told.tenseless = False
    assert len(merge([replace(told), replace(planned)])) == 2


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        # an opening attendance verb and the sitting told before: who attended it
        ("حضر الاستقبال زكريا تومار وفادي نعمون.", "الاستقبال", False),
        ("وقد حضر الاجتماع زكريا تومار وفادي نعمون.", "الاجتماع", False),
        ("كما حضر اللقاء زكريا تومار وفادي نعمون.", "اللقاء", False),
        ("وحضره من الجانب الأميركي زكريا تومار وفادي نعمون.", "وحضره", False),
        # attending is no opening here: the sitting is told, with its parties
        ("وأوضح زكريا تومار أنه حضر اللقاء مع فادي نعمون.", "اللقاء", True),
        ("وعقد زكريا تومار اجتماعا حضره فادي نعمون.", "اجتماعا", True),
        # "حضرة" (His Excellency) is no attendance verb
        ("والتقى حضرة زكريا تومار فادي نعمون.", "والتقى", True),
    ],
)
def test_an_opening_attendance_list_is_no_meeting(text: str, trigger: str, kept: bool) -> None:
    assert bool(_two_party_meeting(text, trigger)) is kept
