"""Property-based hostile input (hypothesis): decoder and extractor never misbehave.

* the decoder turns ANY bytes into an Article or an InvalidArticle with a
  reason, never another exception;
* the lexicon extractor, behind the seam's budget, turns ANY text into a list
  of events or a Failure with a reason, within the time budget.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.base import Extractor
from models.factory import build_extractor
from models.schema import Article, Event
from stream import codec
from stream.errors import Reason
from stream.seam import Budget, Failure, extract_timed
from stream.validation import InvalidArticle, decode_article

LIMITS = {"max_bytes": 100_000, "max_chars": 50_000}
BUDGET = Budget()  # the production defaults
LONGEST: dict[str, float] = {"seconds": 0.0}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
articleish = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values | st.text(min_size=1),
        "text": json_values | st.text(),
        "published_at": json_values | st.text(),
        "language": json_values,
    },
)
# Text built to hurt: scripts, bidi marks, controls, punctuation runs, markup.
hostile_chars = st.characters(codec="utf-8") | st.sampled_from(".!?؟\n\u200f\u202e\u2066\x00<>&")
hostile_words = st.sampled_from(["met ", "visited ", "التقى ", "<p>", "Putin ", "Xi ", "Kyiv. "])
hostile_text = st.lists(st.text(hostile_chars, max_size=20) | hostile_words, max_size=100).map(
    "".join
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return build_extractor("lexicon", model_source=None, cache_dir=Path("."), threads=1)


def _decodes_or_explains(raw: bytes) -> None:
    try:
        article = decode_article(raw, **LIMITS)
    except InvalidArticle as exc:
        assert isinstance(exc.reason, Reason) and str(exc)
        return
    assert isinstance(article, Article) and article.text.strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2_000))
def test_any_bytes(raw: bytes) -> None:
    _decodes_or_explains(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articleish)
def test_any_json_object(obj: dict[str, object]) -> None:
    try:
        raw = codec.dumps(obj)
    except TypeError:  # orjson refuses e.g. 64-bit overflow and surrogates: not input
        return
    _decodes_or_explains(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_extractor_on_any_text(extractor: Extractor, text: str) -> None:
    if not text.strip():
        return  # blank texts never reach the extractor (empty_field)
    article = Article(id="h", text=text)
    started = time.perf_counter()
    [outcome] = extract_timed(extractor, [article], BUDGET)
    took = time.perf_counter() - started
    LONGEST["seconds"] = max(LONGEST["seconds"], took)
    assert took < BUDGET.max_extract_s * 2  # at worst: the run, then the timed re-run
    if isinstance(outcome, Failure):
        assert outcome.reason in (Reason.EXTRACTION_FAILED, Reason.EXTRACTION_TIMEOUT)
    else:
        assert all(isinstance(e, Event) and e.article_id == "h" for e in outcome)


def test_sentence_budget_refuses_before_extracting(extractor: Extractor) -> None:
    # 50,000 one-word sentences: minutes of lexicon time if it were let in.
    article = Article(id="s", text="Go. " * 50_000)
    started = time.perf_counter()
    [outcome] = extract_timed(extractor, [article], BUDGET)
    assert time.perf_counter() - started < 1.0
    assert isinstance(outcome, Failure) and outcome.reason is Reason.EXTRACTION_TIMEOUT


def test_article_at_the_sentence_cap_fits_the_time_budget(extractor: Extractor) -> None:
    text = " ".join(["Putin met Xi in Moscow and Biden visited Kyiv."] * BUDGET.max_sentences)
    article = Article(id="cap", text=text[:-1])  # exactly max_sentences sentence ends
    started = time.perf_counter()
    [outcome] = extract_timed(extractor, [article], BUDGET)
    took = time.perf_counter() - started
    LONGEST["seconds"] = max(LONGEST["seconds"], took)
    print(f"FAULT-FIGURES extraction at the sentence cap: {took:.2f} s")
    assert not isinstance(outcome, Failure), outcome


def test_over_budget_article_is_timed_out_not_hung() -> None:
    class Sleepy:
        name, version = "sleepy", "0"

        def extract_batch(self, articles: list[Article]) -> list[list[Event]]:
            time.sleep(0.3 if any("slow" in a.text for a in articles) else 0.0)
            return [[] for _ in articles]

    arts = [Article(id="a", text="fast"), Article(id="b", text="slow")]
    outcomes = extract_timed(Sleepy(), arts, Budget(max_extract_s=0.2))
    assert outcomes[0] == [] and isinstance(outcomes[1], Failure)
    assert outcomes[1].reason is Reason.EXTRACTION_TIMEOUT


def test_report_longest() -> None:
    print(f"FAULT-FIGURES longest hostile extraction (properties): {LONGEST['seconds']:.3f} s")
