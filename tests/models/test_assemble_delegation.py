"""A delegation and the person heading it are one party (models.s7_assemble.delegation)."""

from __future__ import annotations

import pytest

from models.mentions import Mention, Sentence
from models.s1_document.document import Document
from models.s7_assemble.build import is_complete
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.delegation import drop_led_delegations


def _span(text: str, word: str, kind: str) -> Mention:
    at = text.index(word)
    return Mention(at, at + len(word), word, kind, f"{kind}:~{word}")


def _doc(text: str) -> Document:
    from models.schema import Article

    return Document.read(Article(id="t", text=text, language="en" if text.isascii() else "ar"))


def _meeting(text: str, *parties: tuple[str, str]) -> Candidate:
    return Candidate(
        "MEETING",
        "occurred",
        evidence=[Sentence(0, len(text), text)],
        actors=[("participant", _span(text, w, k)) for w, k in parties],
    )


def test_a_delegation_and_its_head_are_no_meeting_of_two() -> None:
    text = "ورأس وفد المملكة إلى هذا الاجتماع معالي الوزير زكريا تومار."
    cand = _meeting(text, ("وفد المملكة", "ORG"), ("زكريا تومار", "PERSON"))
    drop_led_delegations(_doc(text), [cand])
    assert [m.text for _, m in cand.actors] == ["زكريا تومار"]
    assert not is_complete(cand)


@pytest.mark.parametrize(
    "text",
    [
        "استقبل فادي نعمون وفدا برلمانيا برئاسة زكريا تومار.",
        "Fadi Naamoun received a parliamentary delegation led by Zakaria Toumar.",
    ],
)
def test_the_host_meets_the_head_not_the_delegation(text: str) -> None:
    host, head = (
        ("فادي نعمون", "زكريا تومار") if "فادي" in text else ("Fadi Naamoun", "Zakaria Toumar")
    )
    group = "وفدا برلمانيا" if "فادي" in text else "a parliamentary delegation"
    cand = _meeting(text, (host, "PERSON"), (group, "ORG"), (head, "PERSON"))
    drop_led_delegations(_doc(text), [cand])
    assert [m.text for _, m in cand.actors] == [host, head]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # nobody heads anything: the delegation is a party
        (
            "والتقى زكريا تومار وفد المعارضة في جنيف.",
            [("زكريا تومار", "PERSON"), ("وفد المعارضة", "ORG")],
        ),
        # a head named, but no person among the parties
        (
            "والتقى وفد الحكومة برئاسة الوزير وفد المعارضة.",
            [("وفد الحكومة", "ORG"), ("وفد المعارضة", "ORG")],
        ),
    ],
)
def test_other_delegations_stay_parties(text: str, parties: list[tuple[str, str]]) -> None:
    cand = _meeting(text, *parties)
    drop_led_delegations(_doc(text), [cand])
    assert len(cand.actors) == 2


def test_the_rules_make_no_meeting_of_a_delegation_and_its_head() -> None:
    from models.extractors.lexicon import LexiconExtractor
    from models.schema import Article

    text = "ويرأس وفد المملكة إلى الاجتماع وزير الخارجية الأستاذ عادل الجبير."
    events = LexiconExtractor().extract_batch([Article(id="t", text=text, language="ar")])[0]
    assert [e.type for e in events if e.type == "MEETING"] == []


def _visit(who: Mention, place: Mention, status: str = "planned") -> Candidate:
    return Candidate("VISIT", status, actors=[("visitor", who)], location=place)  # type: ignore[arg-type]


_MOSCOW = Mention(0, 6, "موسكو", "GPE", "GPE:Moscow", "Moscow", "RUS")
_CAIRO = Mention(0, 6, "القاهرة", "GPE", "GPE:Cairo", "Cairo", "EGY")


def test_a_delegations_visit_joins_the_one_visit_its_head_makes_there() -> None:
    from models.s7_assemble.delegation import fold_delegations

    head = Mention(0, 11, "زكريا تومار", "PERSON", "PERSON:~زكريا تومار")
    group = Mention(20, 41, "وفد من الائتلاف الوطني", "ORG", "ORG:~وفد من الائتلاف الوطني")
    his, theirs = _visit(head, _MOSCOW), _visit(group, _MOSCOW)
    assert fold_delegations([his, theirs]) == [his]
    # elsewhere, in another tense, or beside two named visits: it stays
    assert len(fold_delegations([his, _visit(group, _CAIRO)])) == 2
    assert len(fold_delegations([his, _visit(group, _MOSCOW, "occurred")])) == 2
    other = Mention(50, 60, "فادي نعمون", "PERSON", "PERSON:~فادي نعمون")
    assert len(fold_delegations([his, _visit(other, _MOSCOW), theirs])) == 3
