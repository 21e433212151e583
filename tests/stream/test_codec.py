"""The one JSON codec."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.schema import Article
from stream import codec

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


@given(json_values)
def test_round_trip(value: object) -> None:
    assert codec.loads(codec.dumps(value)) == value


def test_models_serialise_as_json() -> None:
    article = Article(id="a1", text="نص عربي")
    assert codec.loads(codec.dumps(article)) == article.model_dump(mode="json")
    assert "نص".encode() in codec.dumps(article)  # UTF-8, not \\u escapes


def test_dumps_line_ends_with_newline() -> None:
    assert codec.dumps_line({"a": 1}) == b'{"a":1}\n'


def test_dumps_pretty_is_sorted_and_indented() -> None:
    assert codec.dumps_pretty({"b": 1, "a": 2}) == b'{\n  "a": 2,\n  "b": 1\n}\n'


@pytest.mark.parametrize("bad", [b"{", b"\xff\xfe", b"nope", b""])
def test_loads_raises_decode_error(bad: bytes) -> None:
    with pytest.raises(codec.DecodeError):
        codec.loads(bad)
