"""Decoding and classification: every dead-letter reason code."""

from __future__ import annotations

import pytest

from models.s3_times.anchor import ACCEPTED_FORMS
from stream import codec
from stream.errors import MESSAGES, Reason
from stream.validation import InvalidArticle, decode_article

LIMITS = {"max_bytes": 1_000, "max_chars": 100}

CASES: list[tuple[Reason, bytes]] = [
    (Reason.TOO_LARGE, codec.dumps({"id": "a", "text": "x" * 2_000})),  # over max_bytes
    (Reason.TOO_LARGE, codec.dumps({"id": "a", "text": "x" * 101})),  # over max_chars
    (Reason.INVALID_UTF8, b'{"id": "a", "text": "\xff"}'),
    (Reason.NOT_JSON, b'{"id": "a", "text": '),
    (Reason.NOT_JSON, b""),
    (Reason.NOT_OBJECT, b'["a", "b"]'),
    (Reason.NOT_OBJECT, b'"just a string"'),
    (Reason.MISSING_FIELD, b'{"text": "hello"}'),
    (Reason.MISSING_FIELD, b'{"id": "a", "text": null}'),
    (Reason.EMPTY_FIELD, b'{"id": "a", "text": "  \\n "}'),
    (Reason.EMPTY_FIELD, b'{"id": "", "text": "hello"}'),
    (Reason.WRONG_TYPE, b'{"id": 7, "text": "hello"}'),
    (Reason.WRONG_TYPE, b'{"id": "a", "text": "hello", "title": ["x"]}'),
    (Reason.WRONG_TYPE, b'{"id": "a", "text": "hello", "published_at": true}'),
    (Reason.WRONG_TYPE, b'{"id": "a", "text": "hello", "published_at": ["2015"]}'),
    (Reason.BAD_PUBLISHED_AT, b'{"id": "a", "text": "hello", "published_at": "last Tuesday"}'),
    (Reason.BAD_PUBLISHED_AT, b'{"id": "a", "text": "hello", "published_at": 2015}'),
]


@pytest.mark.parametrize(("reason", "raw"), CASES)
def test_bad_input_gets_its_reason(reason: Reason, raw: bytes) -> None:
    with pytest.raises(InvalidArticle) as caught:
        decode_article(raw, **LIMITS)
    assert caught.value.reason is reason
    assert str(caught.value)  # a human message, never empty


def test_every_input_reason_is_covered() -> None:
    covered = {reason for reason, _ in CASES}
    # INVALID is the pydantic fallback (unreachable by design); extraction and
    # output are not decoding (tests/faults covers those reasons), nor is a record on the
    # events topic that the cluster stage cannot read (tests/stream/test_cluster_route.py).
    after_decoding = {
        Reason.EXTRACTION_FAILED,
        Reason.EXTRACTION_TIMEOUT,
        Reason.OUTPUT_REJECTED,
        Reason.INVALID_EVENT,
    }
    assert covered == set(Reason) - {Reason.INVALID, *after_decoding}
    assert set(MESSAGES) == set(Reason)


def test_good_article_with_extras() -> None:
    raw = codec.dumps(
        {"id": "a1", "text": "Hi", "published_at": "2024-01-16T10:00:00Z", "extra": {"x": 1}}
    )
    article = decode_article(raw, **LIMITS)
    assert (article.id, article.text, article.published_at) == ("a1", "Hi", "2024-01-16T10:00:00Z")


def test_text_exactly_at_the_limit_passes() -> None:
    assert decode_article(codec.dumps({"id": "a", "text": "x" * 100}), **LIMITS).text


@pytest.mark.parametrize(
    "published",
    ["2015", "2015-10", "2024-01-16", "2024-01-16 10:00:00", "Tue, 16 Jan 2024 10:00:00 GMT",
     1705399200, "1705399200", 1705399200000, "1705399200000", 1705399200.25],
)  # fmt: skip
def test_every_accepted_published_at_form_decodes(published: str | int | float) -> None:
    raw = codec.dumps({"id": "a1", "text": "Hi", "published_at": published})
    article = decode_article(raw, **LIMITS)
    assert article.published_at == published  # kept as sent
    assert article.published_anchor() is not None


def test_bad_published_at_message_lists_the_accepted_forms() -> None:
    raw = b'{"id": "a", "text": "hello", "published_at": "16/01/2024"}'
    with pytest.raises(InvalidArticle) as caught:
        decode_article(raw, **LIMITS)
    assert "'16/01/2024'" in str(caught.value)
    assert ACCEPTED_FORMS in str(caught.value)
