"""The one JSON codec: every topic, file and CLI read or write goes through here.

orjson is strict about UTF-8 and fast; wrapping it keeps options in one place.
"""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel

CONTENT_TYPE = "application/json"
_OPTIONS = orjson.OPT_NON_STR_KEYS


class DecodeError(ValueError):
    """The bytes are not valid UTF-8 JSON."""


def _default(obj: Any) -> Any:
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json")
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def dumps(obj: Any) -> bytes:
    """Serialise a pydantic model or plain JSON value to UTF-8 bytes."""
    if isinstance(obj, BaseModel):
        obj = obj.model_dump(mode="json")
    return orjson.dumps(obj, default=_default, option=_OPTIONS)


def dumps_line(obj: Any) -> bytes:
    """Serialise as one JSONL line (with the trailing newline)."""
    return dumps(obj) + b"\n"


def loads(data: bytes | bytearray | memoryview | str) -> Any:
    """Parse JSON; raises :class:`DecodeError` for invalid UTF-8 or JSON."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise DecodeError(str(exc)) from exc


def dumps_pretty(obj: Any) -> bytes:
    """Serialise with two-space indentation, sorted keys and a final newline (files)."""
    if isinstance(obj, BaseModel):
        obj = obj.model_dump(mode="json")
    options = _OPTIONS | orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
    return orjson.dumps(obj, default=_default, option=options) + b"\n"
