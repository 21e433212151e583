"""Sentence splitting, folding and language identification."""

from __future__ import annotations

import pytest

from models.s1_document import detect_language, fold, norm_token, split_sentences, tokenize
from models.s1_document.normalize import proclitic_variants


def _texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    return [s.text for s in sentences]


def test_english_abbreviations_and_quotes() -> None:
    text = 'Mr. Smith met the U.S. envoy in Washington. "It went well." Talks resume Jan. 5!'
    assert _texts(text) == [
        "Mr. Smith met the U.S. envoy in Washington.",
        '"It went well."',
        "Talks resume Jan. 5!",
    ]


def test_initials_and_arabic_abbreviations() -> None:
    assert _texts("George W. Bush met Kim. Then he left.") == [
        "George W. Bush met Kim.",
        "Then he left.",
    ]
    assert _texts("قال د. محمد إن المحادثات انتهت. ثم غادر.") == [
        "قال د. محمد إن المحادثات انتهت.",
        "ثم غادر.",
    ]


def test_arabic_punctuation_and_paragraphs() -> None:
    text = (
        "موسكو: أشاد الوزير بالعلاقات، وقال إنها جيدة؛ ثم غادر.\n\nزيارة بوتين؟\nوقال لافروف “نعم”."
    )
    assert _texts(text) == [
        "موسكو: أشاد الوزير بالعلاقات، وقال إنها جيدة؛ ثم غادر.",
        "زيارة بوتين؟",
        "وقال لافروف “نعم”.",
    ]


def test_newline_is_a_boundary_but_wrapped_lines_join() -> None:
    assert _texts("Headline\nBody text.") == ["Headline", "Body text."]
    wrapped = "The two foreign ministers held talks for several hours on Tuesday in\nMoscow. Then"
    assert len(_texts(wrapped)) == 2


def test_offsets_with_leading_whitespace() -> None:
    sentences = split_sentences("  One.  Two.  ")
    assert [(s.start, s.end) for s in sentences] == [(2, 6), (8, 12)]


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("أَمْرِيكا", "امريكا"),
        ("الروسيّة", "روسيه"),
        ("مخزونًا", "مخزونا"),
        ("إيران", "ايران"),
        ("مستشفى", "مستشفي"),
        ("Kremlin", "kremlin"),
        ("ال", "ال"),
    ],
)
def test_norm_token(word: str, expected: str) -> None:
    assert norm_token(word) == expected


def test_fold_removes_tatweel() -> None:
    assert fold("روســـيا") == "روسيا"


def test_tokenize_keeps_offsets() -> None:
    text = "وزير الخارجية، U.S. مخزونًا"
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.surface for t in tokens)
    assert [t.norm for t in tokens] == ["وزير", "خارجيه", "u", "s", "مخزونا"]


@pytest.mark.parametrize(
    ("word", "rest"),
    [("وموسكو", "موسكو"), ("بموسكو", "موسكو"), ("لروسيا", "روسيا"), ("وبالعلاقات", "علاقات"),
     ("للرئيس", "رييس"), ("فالكرملين", "كرملين")],
)  # fmt: skip
def test_proclitic_variants(word: str, rest: str) -> None:
    assert rest in [r for _k, r in proclitic_variants(word)]


def test_proclitics_do_not_shred_short_words() -> None:
    assert proclitic_variants("بلد") == ()
    assert proclitic_variants("Moscow") == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russian President Vladimir Putin met North Korea's foreign minister on Tuesday.", "en"),
        ("أشاد وزير خارجية كوريا الشمالية الثلاثاء بالعلاقات الودية مع روسيا", "ar"),
        ("Le président russe a reçu la ministre nord-coréenne des Affaires étrangères.", "fr"),
        ("Der russische Präsident empfing am Dienstag die Außenministerin Nordkoreas.", "de"),
        ("", "und"),
        ("12345 !!!", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
