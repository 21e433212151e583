"""Lexicon signals: triggers in both languages, status cues, negation and hard negatives.

Sentences are written for these tests (none comes from an evaluation article).
"""

from __future__ import annotations

import pytest

from models.base import Extractor
from models.extractors.lexicon import LexiconExtractor
from models.mentions import Sentence
from models.s4_triggers import LexiconSignal, LexiconSignals
from models.schema import Article


def signal(text: str, language: str) -> LexiconSignal:
    found = LexiconSignals().detect([Sentence(0, len(text), text)], language)[0]
    assert isinstance(found, LexiconSignal)
    return found


def visit_status(text: str, language: str) -> str:
    """The lexicon's status of the one visit trigger of ``text``."""
    found = signal(text, language)
    (visit,) = [t for t in found.triggers if t.type == "VISIT"]
    return found.trigger_status[(visit.start, visit.end)]


@pytest.mark.parametrize(
    ("text", "language", "event_type", "status"),
    [
        ("التقى وزير الخارجية المصري نظيره الأردني في عمان.", "ar", "MEETING", "occurred"),
        ("ومن المقرر أن يزور الرئيس الفرنسي الجزائر الأسبوع المقبل.", "ar", "VISIT", "planned"),
        ("سيزور رئيس الوزراء الهندي طوكيو.", "ar", "VISIT", "planned"),
        ("ودعا الملك الرئيس التركي لزيارة الرباط.", "ar", "VISIT", "proposed"),
        (
            "وأدانت لندن ما يقولون إنها شحنات من الطائرات المسيرة الإيرانية إلى روسيا.",
            "ar",
            "ARMS_TRANSFER",
            "alleged",
        ),
        ("ونفت طهران تزويد موسكو بالصواريخ.", "ar", "ARMS_TRANSFER", "denied"),
        ("وخلال زيارته إلى باريس، وقع الوزير اتفاقا.", "ar", "VISIT", "occurred"),
        (
            "The Indian prime minister met the Japanese premier in Tokyo.",
            "en",
            "MEETING",
            "occurred",
        ),
        ("Macron will visit Algiers next week.", "en", "VISIT", "planned"),
        ("The king invited the Turkish president to visit Rabat.", "en", "VISIT", "proposed"),
        ("Iran allegedly supplied drones to Russia.", "en", "ARMS_TRANSFER", "alleged"),
        ("Tehran denied that it delivered missiles to Moscow.", "en", "ARMS_TRANSFER", "denied"),
    ],
)
def test_trigger_and_status(text: str, language: str, event_type: str, status: str) -> None:
    found = signal(text, language)
    assert event_type in found.types
    assert found.status[event_type] == status


def test_each_trigger_keeps_its_own_status() -> None:
    text = "Putin is to receive the envoy later today, alongside Lavrov, who visited Seoul in May."
    found = signal(text, "en")
    by_type = {t.type: found.trigger_status[(t.start, t.end)] for t in found.triggers}
    assert by_type == {"MEETING": "planned", "VISIT": "occurred"}


def test_clitics_and_suffixes_are_absorbed() -> None:
    found = signal("وبزيارته لموسكو وباستقبالها في القصر", "ar")
    assert [t.text for t in found.triggers] == ["وبزيارته", "وباستقبالها"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وبحث الرئيسان في اتصال هاتفي العلاقات الثنائية.", "ar"),
        ("وتلقى الرئيس رسالة من نظيره تناولت عقد اجتماع.", "ar"),
        ("The two leaders held talks in a phone call on Monday.", "en"),
        ("They met by video call.", "en"),
        ("لم يلتق الوزير نظيره.", "ar"),
        ("The minister did not meet his counterpart.", "en"),
        # who sat in on the meeting just reported: no meeting of their own
        ("وحضر اللقاء وزير الخارجية عادل الجبير ووزير الدولة خالد العيسى.", "ar"),
        # a press briefing or an interview is no meeting
        ("ويستعرض المتحدث خلال اللقاء الصحفي الترتيبات مع ممثلي وسائل الإعلام.", "ar"),
        ("وأكد الرئيس في لقاء تلفزيوني مع قناة محلية أن المفاوضات تسير.", "ar"),
        # an Eid party of a ministry's staff
        ("وأقامت الوزارة حفل معايدة لمنسوبيها والتقى الوزير بالموظفين.", "ar"),
    ],
)
def test_no_meeting(text: str, language: str) -> None:
    assert "MEETING" not in signal(text, language).types


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وفرضت واشنطن عقوبات على صفقات الأسلحة.", "ar"),
        ("وتعهد بتسريع إنتاج الصواريخ وتسليمها للجيش.", "ar"),
        ("The EU discussed sanctions on arms sales.", "en"),
        ("The plant increased production of artillery shells for delivery next year.", "en"),
        ("Russia delivered the satellite on schedule.", "en"),  # a transfer with no weapon
    ],
)
def test_no_arms_transfer(text: str, language: str) -> None:
    assert "ARMS_TRANSFER" not in signal(text, language).types


def test_extractor_protocol_and_unknown_language() -> None:
    extractor = LexiconExtractor()
    assert isinstance(extractor, Extractor)
    assert extractor.name == "lexicon"
    art = Article(id="fr-1", text="Le ministre a rencontré son homologue à Paris.", language="fr")
    assert isinstance(extractor.extract_batch([art])[0], list)


def test_no_events_in_hard_negative_articles() -> None:
    texts = [
        (
            "en",
            "Putin and Xi spoke by phone on Monday. Moscow imposed sanctions on arms "
            "exports. North Korea tested a new missile and boosted artillery production.",
        ),
        (
            "ar",
            "أجرى الرئيس الروسي اتصالا هاتفيا مع نظيره الصيني. وفرضت واشنطن عقوبات "
            "على صادرات الأسلحة. وأجرت كوريا الشمالية تجربة صاروخية جديدة.",
        ),
    ]
    arts = [
        Article(id=f"neg-{lang}", text=text, language=lang, published_at="2024-03-05")
        for lang, text in texts
    ]
    assert LexiconExtractor().extract_batch(arts) == [[], []]


def test_fallback_names_find_unknown_people_and_skip_titles_and_weapons() -> None:
    from models.s2_entities.fallback import fallback_names

    text = "Following talks, Vice Premier Li Lanqing met Rubin. Poland bought K2 tanks."
    found = {m.text: m.kind for m in fallback_names(text, [])}
    assert found == {"Li Lanqing": "PERSON", "Rubin": "PERSON", "Poland": "PERSON"}


def test_fallback_names_in_any_cased_script() -> None:
    from models.s2_entities.fallback import fallback_names

    text = "Envoy Orsolya Vándor-Keszthelyi met Ingrid Vållmarsdotter. وصل الوزير."
    found = {m.text: m.kind for m in fallback_names(text, [])}
    assert found == {"Orsolya Vándor-Keszthelyi": "PERSON", "Ingrid Vållmarsdotter": "PERSON"}


def test_fallback_names_keep_gazetteer_mentions_and_their_continuations() -> None:
    from models.mentions import Mention
    from models.s2_entities.fallback import fallback_names

    text = "He met Raul Castro Ruz in Havana."
    known = Mention(7, 18, "Raul Castro", "PERSON", "PERSON:Raul Castro")
    found = fallback_names(text, [known])
    assert [(m.text, m.kind) for m in found] == [("Raul Castro", "PERSON"), ("Havana", "LOC")]


def test_fallback_names_skip_inflected_sentence_openers_and_type_acronyms() -> None:
    from models.s2_entities.fallback import fallback_names

    text = "Having landed, Rubin met the FTA panel. Accompanied by aides, Muoi spoke."
    found = {m.text: m.kind for m in fallback_names(text, [])}
    assert found == {"Rubin": "PERSON", "FTA": "ORG", "Muoi": "PERSON"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وقالت وزارة الخارجية إن الوضع مستقر.", "ar"),  # وزارة is not و+زار+ه
        ("Rebels fired Western-supplied rockets at the town.", "en"),
    ],
)
def test_words_that_only_look_like_triggers_are_none(text: str, language: str) -> None:
    assert signal(text, language).triggers == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وسلمت فرنسا مصر الدفعة الأولى من الطائرات.", "ar"),
        ("France delivered the first shipment of jets to Egypt.", "en"),
    ],
)
def test_a_noun_object_of_a_verb_trigger_is_the_same_event(text: str, language: str) -> None:
    found = signal(text, language)
    assert [t.type for t in found.triggers] == ["ARMS_TRANSFER"]
    assert found.status == {"ARMS_TRANSFER": "occurred"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وخلال زيارة إلى طهران سلم الوزير الرئيس دعوة لزيارة باريس.", "ar"),
        ("During a visit to Tehran he handed the president an invitation to visit Paris.", "en"),
    ],
)
def test_a_cue_before_a_later_trigger_is_that_triggers(text: str, language: str) -> None:
    found = signal(text, language)
    statuses = [found.trigger_status[(t.start, t.end)] for t in found.triggers if t.type == "VISIT"]
    assert statuses == ["occurred", "proposed"]


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        # a cue in the reported clause is not the visit's
        ("Lavrov told Wang Yi during a visit to Beijing on Monday that Russia would help.",
         "en", "occurred"),
        ("وأوضح الوزير أثناء زيارة لبكين أن بلاده سوف ترسل مساعدات.", "ar", "occurred"),
        # a relative "that" (no reporting verb before it) still describes the noun
        ("The minister begins a Gulf tour on Sunday that will take him to Kuwait.",
         "en", "planned"),
        # and a cue before any complementiser stays the visit's
        ("He said the visit to Beijing will take place next week.", "en", "planned"),
    ],
)  # fmt: skip
def test_a_noun_trigger_takes_no_cue_from_a_reported_clause(
    text: str, language: str, status: str
) -> None:
    assert visit_status(text, language) == status


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        # "the first X to visit" describes the visit under way, not a plan
        ("Gingrich is the first speaker to visit Taiwan in two decades.", "en", "occurred"),
        ("وهو أول رئيس يزور الصين منذ عشرين عاما.", "ar", "occurred"),
        ("He will be the first US president to visit Vietnam.", "en", "planned"),
    ],
)
def test_the_first_to_visit_is_a_visit_made(text: str, language: str, status: str) -> None:
    assert visit_status(text, language) == status


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        # a hope is no agreement; a postponed visit is still to come
        ('وأكد روحاني أنه يأمل زيارة ايطاليا "في الوقت المناسب".', "ar", "proposed"),
        ("Rouhani said he hopes to visit Italy soon.", "en", "proposed"),
        ("وأعلنت أنقرة أن زيارة ظريف لتركيا أُجلت.", "ar", "planned"),
        ("Zarif's visit to Turkey was postponed without explanation.", "en", "planned"),
    ],
)
def test_a_hoped_for_or_postponed_visit_has_not_happened(
    text: str, language: str, status: str
) -> None:
    assert visit_status(text, language) == status
