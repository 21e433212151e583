"""The document stage 1 builds: every later stage reads its words and clauses instead
of splitting the text again, so they must be exactly what splitting would give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.mentions import Mention
from models.s1_document import Document
from models.s1_document.clauses import split_clauses
from models.s1_document.normalize import tokenize
from models.schema import Article

SEED = Path(__file__).parents[2].parent / "shared" / "eval" / "dev" / "seed.jsonl"
TEXTS = [
    "Putin met Xi in Beijing on Monday. Talks, which lasted hours, ended.",
    "التقى وزير الخارجية الروسي سيرغي لافروف نظيرته الكورية الشمالية، ثم غادر.",
    "普京会见了金正恩。双方讨论了合作。",
    "a" * 5000 + " tail.",  # a run cut mid-word by the sentence cap
]


def _texts() -> list[str]:
    seed = [json.loads(line)["article"]["text"] for line in SEED.open()] if SEED.exists() else []
    return TEXTS + seed


@pytest.mark.parametrize("text", _texts())
def test_sentence_words_and_clauses_are_what_splitting_gives(text: str) -> None:
    doc = Document.read(Article(id="d", text=text))
    assert doc.tokens == tokenize(text)
    for i, sentence in enumerate(doc.sentences):
        assert doc.sentence_tokens(i, local=True) == tokenize(sentence.text)
        assert [text[t.start : t.end] for t in doc.sentence_tokens(i)] == [
            t.surface for t in tokenize(sentence.text)
        ]
        assert doc.clauses(i) == split_clauses(sentence.text)
        assert doc.clauses(i) is doc.clauses(i)  # cut once, kept
        assert doc.sentence_index(sentence) == i


def test_a_word_cut_by_a_span_end_is_cut_like_the_span() -> None:
    doc = Document.read(Article(id="d", text="Lavrov met Wang Yi.", language="en"))
    assert [t.surface for t in doc.tokens_in(2, 13)] == ["vrov", "met", "Wa"]
    assert doc.tokens_in(2, 13) == [
        type(t)(t.start + 2, t.end + 2, t.surface, t.norm) for t in tokenize("vrov met Wa")
    ]


def test_mentions_inside_a_sentence_come_from_the_sorted_layer() -> None:
    text = "Putin met Xi. Lavrov met Wang Yi."
    doc = Document.read(Article(id="d", text=text, language="en"))
    found = [Mention(text.index(n), text.index(n) + len(n), n, "PERSON", n) for n in
             ("Wang Yi", "Putin", "Lavrov", "Xi")]  # fmt: skip
    doc.set_mentions(found)
    assert [m.text for m in doc.mentions] == ["Putin", "Xi", "Lavrov", "Wang Yi"]
    assert [m.text for m in doc.mentions_inside(doc.sentences[1])] == ["Lavrov", "Wang Yi"]


def test_a_comma_or_colon_inside_a_number_cuts_no_clause() -> None:
    text = "The delivery of 3,000 shells ended at 1:00 p.m., officials said: late."
    pieces = [text[c.start : c.end] for c in split_clauses(text)]
    assert pieces[0] == "The delivery of 3,000 shells ended at 1:00 p.m."
    assert "".join(pieces) == text
    assert " officials said" in pieces and " late." in pieces
