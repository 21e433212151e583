"""Gazetteer look-up: canonical names, kinds, countries, titles and offsets."""

from __future__ import annotations

import itertools

import pytest

from models.mentions import Mention
from models.s2_entities.finder import EntityFinder
from models.s2_entities.gazetteer import load_index


@pytest.fixture(scope="module")
def finder() -> EntityFinder:
    return EntityFinder()


def _only(finder: EntityFinder, text: str, lang: str) -> Mention:
    found = [m for m in finder.find(text, lang) if not m.in_title]
    assert len(found) == 1, found
    return found[0]


ACTORS = [
    ("سيرجي لافروف", "ar", "Sergei Lavrov", "PERSON", "RUS"),
    ("سيرغي لافروف", "ar", "Sergei Lavrov", "PERSON", "RUS"),
    ("لافروف", "ar", "Sergei Lavrov", "PERSON", "RUS"),
    ("Sergey Lavrov", "en", "Sergei Lavrov", "PERSON", "RUS"),
    ("تشوي سون هوي", "ar", "Choe Son Hui", "PERSON", "PRK"),
    ("Choe Son-hui", "en", "Choe Son Hui", "PERSON", "PRK"),
    ("كيم جونغ أون", "ar", "Kim Jong Un", "PERSON", "PRK"),
    ("Kim Jong-un", "en", "Kim Jong Un", "PERSON", "PRK"),
    ("كيم جونغ إيل", "ar", "Kim Jong Il", "PERSON", "PRK"),
    ("فلاديمير بوتين", "ar", "Vladimir Putin", "PERSON", "RUS"),
    ("Xi Jinping", "en", "Xi Jinping", "PERSON", "CHN"),
    ("ولي العهد الأمير محمد بن سلمان", "ar", "Mohammed bin Salman", "PERSON", "SAU"),
    ("حيدر العبادي", "ar", "Haider al-Abadi", "PERSON", "IRQ"),
    ("Ashton Carter", "en", "Ashton Carter", "PERSON", "USA"),
    ("بيونغ يانغ", "ar", "Pyongyang", "GPE", "PRK"),
    ("بيونغيانغ", "ar", "Pyongyang", "GPE", "PRK"),
    ("كوريا الشمالية", "ar", "North Korea", "GPE", "PRK"),
    ("North Korea", "en", "North Korea", "GPE", "PRK"),
    ("Moscow", "en", "Moscow", "GPE", "RUS"),
    ("موسكو", "ar", "Moscow", "GPE", "RUS"),
    ("Kiev", "en", "Kyiv", "GPE", "UKR"),
    ("الولايات المتحدة", "ar", "United States", "GPE", "USA"),
    ("the U.S.", "en", "United States", "GPE", "USA"),
    ("السعودية", "ar", "Saudi Arabia", "GPE", "SAU"),
    ("الكرملين", "ar", "Kremlin", "ORG", "RUS"),
    ("the Kremlin", "en", "Kremlin", "ORG", "RUS"),
    ("حلف شمال الأطلسي", "ar", "NATO", "ORG", None),
    ("الحوثيين", "ar", "Houthis", "ORG", "YEM"),
    ("شرق روسيا", "ar", "Russian Far East", "LOC", "RUS"),
    ("eastern Russia", "en", "Russian Far East", "LOC", "RUS"),
]


@pytest.mark.parametrize(("text", "lang", "name", "kind", "country"), ACTORS)
def test_normalisation_table(
    finder: EntityFinder, text: str, lang: str, name: str, kind: str, country: str | None
) -> None:
    mention = _only(finder, text, lang)
    assert (mention.name, mention.kind, mention.country) == (name, kind, country)
    assert mention.key


@pytest.mark.parametrize(
    ("text", "surface"),
    [("وموسكو", "موسكو"), ("بموسكو", "موسكو"), ("لروسيا", "روسيا"), ("وبيونغ يانغ", "بيونغ يانغ"),
     ("لبوتين", "بوتين"), ("وكوريا الشمالية", "كوريا الشمالية")],
)  # fmt: skip
def test_proclitic_span_excludes_proclitic(finder: EntityFinder, text: str, surface: str) -> None:
    mention = _only(finder, text, "ar")
    assert mention.text == surface
    assert text[mention.start : mention.end] == surface


def test_demonyms(finder: EntityFinder) -> None:
    for text in ("الروسي", "الروسية", "Russian", "الروس"):
        mention = _only(finder, text, "ar")
        assert (mention.demonym, mention.kind, mention.key) == (True, "GPE", "GPE:RUS")
    assert _only(finder, "الصواريخ الكورية الشمالية", "ar").country == "PRK"


TITLES = [
    ("الرئيس الروسي فلاديمير بوتين", "Vladimir Putin", "President", "RUS"),
    ("وزيرة خارجية كوريا الشمالية تشوي سون هوي", "Choe Son Hui", "Foreign Minister", "PRK"),
    ("وزير الخارجية الروسي سيرجي لافروف", "Sergei Lavrov", "Foreign Minister", "RUS"),
    ("ووزير الدفاع الروسي سيرغي شويغو", "Sergei Shoigu", "Defence Minister", "RUS"),
    ("المتحدث باسم الكرملين ديمتري بيسكوف", "Dmitry Peskov", "Spokesperson", "RUS"),
    ("رئيس الوزراء العراقي حيدر العبادي", "Haider al-Abadi", "Prime Minister", "IRQ"),
    ("وزير الخارجية الأمريكي أنتوني بلينكن", "Antony Blinken", "Secretary of State", "USA"),
    ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov", "Foreign Minister", "RUS"),
    ("North Korea's foreign minister Choe Son Hui", "Choe Son Hui", "Foreign Minister", "PRK"),
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Spokesperson", "RUS"),
    ("Lavrov, the Russian foreign minister, said", "Sergei Lavrov", "Foreign Minister", "RUS"),
    ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman", "Crown Prince", "SAU"),
]


@pytest.mark.parametrize(("text", "name", "title", "country"), TITLES)
def test_titles(finder: EntityFinder, text: str, name: str, title: str, country: str) -> None:
    people = [m for m in finder.find(text, "ar") if m.kind == "PERSON"]
    assert [(p.name, p.title, p.country) for p in people] == [(name, title, country)]


def test_title_attribution_marks_parts(finder: EntityFinder) -> None:
    found = finder.find("وزيرة خارجية كوريا الشمالية تشوي سون هوي", "ar")
    assert [(m.name, m.in_title) for m in found] == [("North Korea", True), ("Choe Son Hui", False)]


def test_default_title_can_be_disabled() -> None:
    plain = EntityFinder(default_titles=False)
    assert plain.find("Putin spoke.", "en")[0].title is None
    assert EntityFinder().find("Putin spoke.", "en")[0].title == "President"


def test_case_rules(finder: EntityFinder) -> None:
    assert [m.name for m in finder.find("let us talk turkey; US and UN", "en")] == [
        "United States", "United Nations",
    ]  # fmt: skip


def test_offsets_sorted_and_exact(finder: EntityFinder) -> None:
    text = "موسكو: التقى لافروف بتشوي سون هوي في موسكو، وزار بيونغ يانغ في أكتوبر."
    found = finder.find(text, "ar")
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert [m.name for m in found] == ["Moscow", "Sergei Lavrov", "Choe Son Hui", "Moscow",
                                       "Pyongyang"]  # fmt: skip


def test_gazetteer_size() -> None:
    index = load_index()
    kinds = {r.kind for r in index.records}
    assert {"PERSON", "ORG", "GPE", "LOC", "DEMONYM"} <= kinds
    assert (
        sum(r.kind == "GPE" and r.key.count(":") == 1 and len(r.key) == 7 for r in index.records)
        >= 190
    )


UNKNOWN = [
    ("Chinese Defence Minister Dong Jun met", "Dong Jun", "Defence Minister", "CHN"),
    ("Foreign Minister Teodoro Locsin said", "Teodoro Locsin", "Foreign Minister", None),
    ("وقال وزير الخارجية البحريني خالد بن أحمد آل خليفة إن", None, "Foreign Minister", "BHR"),
    ("واستقبل الرئيس الموريتاني محمد ولد الشيخ الغزواني، أمس", None, "President", "MRT"),
    ("وزير الخارجية الفرنسي الأسبق لوران فابيوس", None, "Foreign Minister", "FRA"),
]


@pytest.mark.parametrize(("text", "name", "title", "country"), UNKNOWN)
def test_unknown_people_after_titles(
    finder: EntityFinder, text: str, name: str | None, title: str, country: str | None
) -> None:
    people = [m for m in finder.find(text, "ar") if m.kind == "PERSON"]
    assert len(people) == 1
    person = people[0]
    assert (person.name, person.title, person.country) == (name, title, country)
    assert person.key.startswith("PERSON:")


@pytest.mark.parametrize(
    "text",
    ["ترأس رئيس مجلس الوزراء الجلسة", "مستشفى الملك فيصل التخصصي", "the President said on Monday"],
)
def test_titles_without_names_make_no_people(finder: EntityFinder, text: str) -> None:
    assert [m for m in finder.find(text, "ar") if m.kind == "PERSON"] == []


@pytest.mark.parametrize(
    "text", ["الحماس والسيول في الجدة", "قاعدة عسكرية", "كيف حالك", "ترأس الاجتماع", "صور المرسى"]
)
def test_arabic_common_words_are_not_entities(finder: EntityFinder, text: str) -> None:
    assert finder.find(text, "ar") == []


GROUPS = [
    ("قصفت دول التحالف العربي مواقع", "دول التحالف العربي", None),
    ("وقال الجيش الوطني إن", "الجيش الوطني", None),
    ("وتقدمت المقاومة الشعبية نحو", "المقاومة الشعبية", None),
    ("وقالت القوات الموالية للحكومة إن", "القوات الموالية للحكومة", None),
    ("وشاركت قوات البشمركة في", "قوات البشمركة", None),
    ("هاجمت فصائل مسلحة البلدة", "فصائل مسلحة", None),
    ("وقال الجيش العراقي إن", "الجيش العراقي", "IRQ"),
    ("وصل وفد من رجال الأعمال الروس إلى", "وفد من رجال الأعمال الروس", "RUS"),
    ("Kurdish Peshmerga forces entered the town.", "Kurdish Peshmerga forces", None),
    ("Strikes by the Saudi-led coalition hit", "Saudi-led coalition", "SAU"),
    ("The Syrian army said", "Syrian army", "SYR"),
    ("clashes with rebels continued", "rebels", None),
    (
        "A delegation of Mongolian entrepreneurs arrived",
        "delegation of Mongolian entrepreneurs",
        "MNG",
    ),
    ("He met the AU delegation.", "AU delegation", None),
    ("Houthi rebels fired", "Houthi rebels", "YEM"),
    ("Delegations from Sudan's army began talks", "Delegations from Sudan's army", "SDN"),
    ("A delegation from Sudan's capital arrived", "delegation from Sudan's", "SDN"),
]


@pytest.mark.parametrize(("text", "surface", "country"), GROUPS)
def test_groups_and_forces(
    finder: EntityFinder, text: str, surface: str, country: str | None
) -> None:
    groups = [m for m in finder.find(text, "ar") if m.kind == "ORG"]
    assert [(m.text, m.country) for m in groups] == [(surface, country)]
    assert groups[0].key.startswith("ORG:")


def test_a_named_group_keeps_its_identity(finder: EntityFinder) -> None:
    found = finder.find("Houthi rebels and NATO forces", "en")
    assert [(m.text, m.key) for m in found] == [
        ("Houthi rebels", "ORG:Houthis"),
        ("NATO forces", "ORG:NATO"),
    ]


@pytest.mark.parametrize(
    "text", ["حركة المرور كثيفة", "the army chief said", "military officials said", "الجيش قال"]
)
def test_common_words_make_no_groups(finder: EntityFinder, text: str) -> None:
    assert [m for m in finder.find(text, "ar") if m.kind == "ORG"] == []


TITLE_ONLY = [
    ("واستقبل الرئيس المصري أمس", "الرئيس المصري", "TITLE:President:EGY", "Egyptian President"),
    (
        "وقال ولي ولي العهد السعودي إن",
        "ولي ولي العهد السعودي",
        "TITLE:Deputy Crown Prince:SAU",
        "Saudi Deputy Crown Prince",
    ),
    (
        "The Egyptian president said",
        "Egyptian president",
        "TITLE:President:EGY",
        "Egyptian President",
    ),
    (
        "وصل سفير خادم الحرمين الشريفين",
        "سفير خادم الحرمين الشريفين",
        "TITLE:Ambassador:SAU",
        "Saudi Ambassador",
    ),
]


@pytest.mark.parametrize(("text", "surface", "key", "name"), TITLE_ONLY)
def test_title_only_parties(
    finder: EntityFinder, text: str, surface: str, key: str, name: str
) -> None:
    people = [m for m in finder.find(text, "ar") if m.kind == "PERSON"]
    assert [(m.text, m.key, m.name) for m in people] == [(surface, key, name)]


def test_title_only_region_and_named_person(finder: EntityFinder) -> None:
    region = finder.find("استقبل أمير منطقة عسير الرئيس المصري", "ar")
    assert [m.text for m in region if m.kind == "PERSON"] == ["أمير منطقة عسير", "الرئيس المصري"]
    emir = [
        m for m in finder.find("والتقى أمير الكويت الشيخ صباح الأحمد", "ar") if m.kind == "PERSON"
    ]
    assert [(m.text, m.title, m.country) for m in emir] == [("صباح الأحمد", "Emir", "KWT")]


@pytest.mark.parametrize(
    "text",
    [
        "وزير خارجية فرنسي",
        "Lavrov, the Russian foreign minister, said",
        "الرئيس المصري عبد الفتاح السيسي",
    ],
)
def test_no_title_only_party_when_named_or_generic(finder: EntityFinder, text: str) -> None:
    assert not [m for m in finder.find(text, "ar") if m.key.startswith("TITLE:")]


@pytest.mark.parametrize("defaults", [True, False])
def test_title_only_party_resolves_to_the_named_person(defaults: bool) -> None:
    text = (
        "أشاد وزير خارجية روسيا بالعلاقات. وقال وزير الخارجية الروسي سيرغي لافروف إن "
        "نائب وزير الخارجية الروسي ميخائيل بوغدانوف"
    )
    found = EntityFinder(default_titles=defaults).find(text, "ar")
    people = [(m.key, m.title) for m in found if m.kind == "PERSON"]
    assert people[0] == ("PERSON:Sergei Lavrov", "Foreign Minister")
    assert people[1] == ("PERSON:Sergei Lavrov", "Foreign Minister")


INSTITUTIONS = [
    ("زار مركز الملك سلمان للإغاثة", "مركز الملك سلمان للإغاثة", "ORG"),
    ("وصل إلى مطار الملك عبدالله بن عبدالعزيز", "مطار الملك عبدالله بن عبدالعزيز", "LOC"),
    ("He landed at King Fahd International Airport", "King Fahd International Airport", "LOC"),
    ("visited the King Salman Center", "King Salman Center", "ORG"),
    ("مستشفى الملك فيصل التخصصي", "مستشفى الملك فيصل التخصصي", "ORG"),
]


@pytest.mark.parametrize(("text", "surface", "kind"), INSTITUTIONS)
def test_names_inside_institutions(
    finder: EntityFinder, text: str, surface: str, kind: str
) -> None:
    found = finder.find(text, "ar")
    assert [(m.text, m.kind) for m in found] == [(surface, kind)]


def test_longer_names_are_not_swallowed(finder: EntityFinder) -> None:
    found = finder.find("Kim Kye-Gwan met Raul Castro Ruz in Havana.", "en")
    people = [(m.text, m.key) for m in found if m.kind == "PERSON"]
    assert people == [
        ("Kim Kye-Gwan", "PERSON:kim kye gwan"),
        ("Raul Castro Ruz", "PERSON:Raul Castro"),
    ]
    assert finder.find("Putin met Kim Monday", "en")[1].name == "Kim Jong Un"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("وقال وزير الخارجية الفرنسي لوران فابيوس بدوره إن", "لوران فابيوس"),
        ("وقال وزير الخارجية سامر حدادين إن", "سامر حدادين"),  # a plain title, a name-like pair
    ],
)
def test_arabic_titled_name_spans(finder: EntityFinder, text: str, surface: str) -> None:
    assert [m.text for m in finder.find(text, "ar") if m.kind == "PERSON"] == [surface]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # a preposition on an event noun opens no name ("بجولة أفريقية شملت" is no king)
        ("وقام الملك المغربي بجولة أفريقية شملت السنغال والغابون.", "بجولة"),
        ("وتوجه الرئيس الكيني لزيارة أوغندا.", "لزيارة"),
    ],
)
def test_a_preposition_on_a_common_noun_after_a_title_opens_no_name(
    finder: EntityFinder, text: str, noun: str
) -> None:
    people = [m for m in finder.find(text, "ar") if m.kind == "PERSON"]
    assert [m.key.split(":")[0] for m in people] == ["TITLE"]  # the title-only party
    assert not any(noun in m.text for m in people)


@pytest.mark.parametrize(
    "text", ["وأجرى وزير الخارجية محادثات مع", "وقال الرئيس يوم الأحد", "ويبحث الرئيس تطورات الوضع"]
)
def test_plain_titles_need_a_name_like_pair(finder: EntityFinder, text: str) -> None:
    assert [m for m in finder.find(text, "ar") if m.kind == "PERSON"] == []


def test_someone_elses_surname_is_not_the_known_person(finder: EntityFinder) -> None:
    # "Hariri" alone is Saad Hariri in the gazetteer; "Rafik Al-Hariri" is his father,
    # and the bare "Al-Hariri" after him in the same text is the father again.
    text = "Rafik Al-Hariri arrived in Ottawa. Al-Hariri met Chretien."
    named = {m.text: m.name for m in finder.find(text, "en")}
    assert "Saad Hariri" not in named.values()
    assert "Rafik Al-Hariri" not in named  # not a gazetteer mention: stage 2's fallback names it


def test_a_known_persons_own_forenames_widen_the_mention(finder: EntityFinder) -> None:
    text = "President Abdel Fattah el-Sisi met Saad Hariri."
    named = {m.text: m.name for m in finder.find(text, "en")}
    assert named["Abdel Fattah el-Sisi"] == "Abdel Fattah el-Sisi"
    assert named["Saad Hariri"] == "Saad Hariri"


def test_a_title_or_sentence_word_before_a_surname_is_no_forename(finder: EntityFinder) -> None:
    named = {m.text: m.name for m in finder.find("On Monday Putin met Sisi.", "en")}
    assert named["Putin"] == "Vladimir Putin" and named["Sisi"] == "Abdel Fattah el-Sisi"


@pytest.mark.parametrize(
    ("text", "whole", "joined"),
    [
        # the lineage name the title ran to and the known family name after it: one person
        ("وزير الخارجية الأستاذ عادل بن أحمد الجبير", "عادل بن أحمد الجبير", True),
        # another first name: the known man's name does not open the lineage
        ("وزير الخارجية الأستاذ زكريا بن أحمد الجبير", "زكريا بن أحمد الجبير", False),
        # punctuation between: two names
        ("وزير الخارجية الأستاذ عادل بن أحمد، الجبير", "عادل بن أحمد، الجبير", False),
    ],
)
def test_a_lineage_name_cut_before_a_known_family_name_is_that_person(
    finder: EntityFinder, text: str, whole: str, joined: bool
) -> None:
    people = [m for m in finder.find(text, "ar") if m.kind == "PERSON"]
    assert [m.text for m in people if m.name == "Adel al-Jubeir"] == [whole if joined else "الجبير"]
    if joined:
        assert [m.title for m in people] == ["Foreign Minister"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # after "بن" the father's name "علي" (Ali) is no preposition "على"
        ("وصل إلى تركيا وزير الخارجية أحمد بن علي أمس", "أحمد بن علي"),
        # written "على", it is the preposition ("on the head of"): the name does not run into it
        ("وصل وزير الخارجية أحمد بن على رأس وفد", "أحمد بن"),
    ],
)
def test_ali_after_son_of_is_a_name(finder: EntityFinder, text: str, name: str) -> None:
    people = [m.text for m in finder.find(text, "ar") if m.kind == "PERSON"]
    assert people == [name]
