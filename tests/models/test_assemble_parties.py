"""Spans read as parties that name none: a form of address or an adjective of the meeting
alone, a city after "ب" (in), a span cut at a preposition."""

from __future__ import annotations

import pytest

from models.mentions import Mention
from models.s7_assemble.build import is_complete
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.parties import drop_non_parties, honorific, manner, month, topic


def _span(text: str, word: str, kind: str = "PERSON", name: str | None = None, **kw) -> Mention:  # type: ignore[no-untyped-def]
    at = text.index(word)
    key = f"{kind}:{name}" if name else f"{kind}:~{word}"
    return Mention(at, at + len(word), word, kind, key, name, **kw)  # type: ignore[arg-type]


def _meeting(*parties: Mention) -> Candidate:
    return Candidate("MEETING", "occurred", actors=[("participant", m) for m in parties])


@pytest.mark.parametrize(
    "surface",
    ["أصحاب السمو", "والمعالي", "سموه", "صاحب السمو الملكي", "His Excellency", "معاليه"],
)
def test_a_form_of_address_alone_is_no_party(surface: str) -> None:
    assert honorific(Mention(0, len(surface), surface, "PERSON", f"PERSON:~{surface}"))


@pytest.mark.parametrize(
    "surface", ["صاحب السمو الأمير فيصل", "وزراء الخارجية", "سعود", "His Excellency Ban Ki-moon"]
)
def test_a_name_after_the_address_keeps_the_span(surface: str) -> None:
    assert not honorific(Mention(0, len(surface), surface, "PERSON", f"PERSON:~{surface}"))


def test_an_address_the_gazetteer_resolved_is_kept() -> None:
    # coreference may give "سموه" the prince it stands for
    m = Mention(0, 4, "سموه", "PERSON", "PERSON:Faisal bin Khalid", "Faisal bin Khalid")
    assert not honorific(m)


def test_a_meeting_of_two_forms_of_address_is_dropped() -> None:
    # "ينتظر أن يطرح أصحاب السمو والمعالي وزراء الخارجية رؤيتهم": the ministers are the
    # party, the words of address before them are none
    text = "وتكمن أهمية اجتماع الدوحة غدا حيث ينتظر أن يطرح أصحاب السمو والمعالي رؤيتهم."
    cand = _meeting(_span(text, "أصحاب السمو"), _span(text, "والمعالي"))
    drop_non_parties(text, [cand])
    assert cand.actors == []
    assert not is_complete(cand)


def test_a_city_after_in_is_where_the_meeting_was_not_who_met() -> None:
    text = "وكان النادي استقبل أمس أبناء دار التربية الاجتماعية بالرياض في يوم مفتوح."
    riyadh = _span(text, "الرياض", "GPE", "Riyadh", country="SAU")
    children = _span(text, "أبناء")
    cand = _meeting(children, riyadh)
    drop_non_parties(text, [cand])
    assert [m.text for _, m in cand.actors] == ["أبناء"]
    assert not is_complete(cand)


@pytest.mark.parametrize(
    ("text", "party", "word", "key", "country"),
    [
        # a city with no "ب" before it stays a party (a capital standing for its government)
        ("واستقبل الرئيس وفدا من موسكو.", "الرئيس", "موسكو", "GPE:Moscow", "RUS"),
        # a city whose own name begins with "ب" is no preposition
        ("والتقى الوزير بغداد والرياض.", "الوزير", "بغداد", "GPE:Baghdad", "IRQ"),
        # a country after "ب" may stand for its government: only a city is a place
        ("واجتمع الوفد بمصر.", "الوفد", "مصر", "GPE:EGY", "EGY"),
    ],
)
def test_other_places_stay_parties(
    text: str, party: str, word: str, key: str, country: str
) -> None:
    at = text.index(word)
    place = Mention(at, at + len(word), word, "GPE", key, key[4:], country)
    cand = _meeting(_span(text, party), place)
    drop_non_parties(text, [cand])
    assert len(cand.actors) == 2


def test_a_visitor_that_is_a_form_of_address_is_dropped_too() -> None:
    text = "ووصل سموه إلى أبها."
    cand = Candidate("VISIT", "occurred", actors=[("visitor", _span(text, "سموه"))])
    drop_non_parties(text, [cand])
    assert cand.actors == []


@pytest.mark.parametrize(
    ("surface", "is_cut"),
    [
        ("إدارة التعليم في", True),  # ran into "in the province of ..."
        ("عدد من", True),  # "a number of" without its noun
        ("من مختلف الدول", True),  # "from various countries": a phrase, no name
        ("مستشفى الملك فهد العام القائمة بـ", True),
        ("أثناء تقديم", True),  # "during the presentation": a time, no party
        ("بأنه يجري التحضير", True),  # "that preparations are under way": a clause
        ("خلال الاجتماع", True),
        ("علي عواض عسيري", False),  # "علي" (Ali) folds like "على" (on): read as written
        ("محمد علي", False),
        ("وزير الخارجية", False),
        ("executives of", False),  # English spans are left as read
    ],
)
def test_a_span_cut_at_a_preposition_is_no_party(surface: str, is_cut: bool) -> None:
    text = f"والتقى زكريا تومار {surface} أمس."
    party = _span(text, surface)
    cand = _meeting(_span(text, "زكريا تومار"), party)
    drop_non_parties(text, [cand])
    assert (party not in [m for _, m in cand.actors]) is is_cut


@pytest.mark.parametrize("surface", ["تشاوري", "الموسع", "ثنائية", "مغلق", "bilateral"])
def test_an_adjective_of_the_meeting_alone_is_no_party(surface: str) -> None:
    # "وعقد اجتماع تشاوري مع الدكتور خالد المقرن": the consultative meeting, no party
    text = f"وعقد اجتماع {surface} مع زكريا تومار أمس."
    cand = _meeting(_span(text, surface), _span(text, "زكريا تومار"))
    drop_non_parties(text, [cand])
    assert [m.text for _, m in cand.actors] == ["زكريا تومار"]
    assert not is_complete(cand)


@pytest.mark.parametrize("surface", ["مجلس التعاون الخليجي", "الوزاري الأول زكريا", "مشترك"])
def test_a_name_beside_such_an_adjective_or_a_known_one_is_kept(surface: str) -> None:
    known = surface == "مشترك"  # the gazetteer knows it: kept whatever it says
    m = Mention(0, len(surface), surface, "ORG", f"ORG:~{surface}", "Mushtarak" if known else None)
    assert not manner(m)


@pytest.mark.parametrize(
    ("surface", "is_month"),
    [("ونيسان (إبريل", True), ("يناير", True), ("أيار الماضي", True), ("نيسان أحمد", True),
     ("مارسيل خليفة", False), ("تموز الحلبي", True), ("وزير الخارجية", False)],
)  # fmt: skip
def test_a_span_opening_with_a_month_is_no_party(surface: str, is_month: bool) -> None:
    # "المحادثات التي جرت في موسكو في كانون الثاني (يناير) ونيسان (إبريل)"
    assert month(surface) is is_month


@pytest.mark.parametrize(
    ("text", "party", "is_topic"),
    [
        ("وجرى خلال اللقاء بحث العلاقات الأخوية القائمة بين الإمارات واليمن.", "الإمارات", True),
        ("وجرى خلال اللقاء بحث العلاقات الأخوية القائمة بين الإمارات واليمن.", "اليمن", True),
        ("وناقش الجانبان سبل التعاون بين المملكة العربية السعودية وفرنسا.", "فرنسا", True),
        # parties of a meeting "between" them, no relations in between
        ("وعقد لقاء بين زكريا تومار وفادي نعمون.", "فادي نعمون", False),
        ("وبحث زكريا تومار مع فادي نعمون العلاقات الثنائية.", "فادي نعمون", False),
    ],
)
def test_the_sides_of_relations_between_are_what_was_discussed(
    text: str, party: str, is_topic: bool
) -> None:
    assert topic(text, _span(text, party, "GPE")) is is_topic


def test_a_meeting_of_the_sides_of_relations_only_is_dropped() -> None:
    text = "وجرى خلال اللقاء بحث العلاقات الأخوية القائمة بين الإمارات واليمن."
    cand = _meeting(_span(text, "الإمارات", "GPE"), _span(text, "اليمن", "GPE"))
    drop_non_parties(text, [cand])
    assert not is_complete(cand)
