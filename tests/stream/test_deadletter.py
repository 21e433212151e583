"""Dead-letter records."""

from __future__ import annotations

import base64

from stream import codec
from stream.deadletter import DeadLetter, Source
from stream.errors import Reason, message


def test_record_fields_and_original_bytes() -> None:
    source = Source("articles", 2, 41, 1_700_000_000_000, b"a1")
    letter = DeadLetter(Reason.NOT_JSON, "message is not JSON", source, b"\x00{bad")
    record = codec.loads(codec.dumps(letter.to_json()))
    assert record == {
        "reason": "not_json",
        "message": "message is not JSON",
        "topic": "articles",
        "partition": 2,
        "offset": 41,
        "timestamp": 1_700_000_000_000,
        "key": "a1",
        "key_b64": None,
        "value_b64": base64.b64encode(b"\x00{bad").decode(),
        "schema_version": "1",
    }


def test_binary_key_is_kept_as_base64() -> None:
    letter = DeadLetter(Reason.INVALID_UTF8, "x", Source("t", 0, 0, None, b"\xff\x00"), b"")
    record = letter.to_json()
    assert record["key"] is None
    assert base64.b64decode(record["key_b64"]) == b"\xff\x00"


def test_messages_are_formatted() -> None:
    assert message(Reason.MISSING_FIELD, field="id") == "required field 'id' is missing"
    assert Source("t", 1, 5, None, None).describe() == "t[1]@5"
