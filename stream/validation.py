"""Raw message bytes → :class:`Article`, or the reason they are not one.

Checks run cheapest first and stop at the first failure, so each bad input
gets exactly one reason code::

    size → UTF-8 → JSON → object → id/text present → field types → blank
    → published_at → text length → pydantic (anything left)

>>> from stream.validation import decode_article
>>> decode_article(b'{"id": "a1", "text": "Hello"}', max_bytes=100, max_chars=100).id
'a1'
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from models.s3_times.anchor import ACCEPTED_FORMS, Anchor
from models.schema import Article
from stream import codec
from stream.errors import Reason, message

REQUIRED = ("id", "text")
OPTIONAL = ("title", "language", "published_at", "url", "source")
# Epoch times come as JSON numbers too; every other field is text only.
NUMBER_ALLOWED = ("published_at",)


class InvalidArticle(ValueError):
    """The input is not a valid article; ``reason`` says why."""

    def __init__(self, reason: Reason, text: str) -> None:
        super().__init__(text)
        self.reason = reason


def _fail(reason: Reason, **fields: object) -> InvalidArticle:
    return InvalidArticle(reason, message(reason, **fields))


def _json_kind(value: Any) -> str:
    names = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def decode_article(raw: bytes, *, max_bytes: int, max_chars: int) -> Article:
    """Decode and validate one input message.

    Raises :class:`InvalidArticle` (never anything else) for bad input.
    """
    if len(raw) > max_bytes:
        raise _fail(Reason.TOO_LARGE, what="message", size=len(raw), unit="bytes", limit=max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(Reason.INVALID_UTF8, detail=str(exc)) from None
    try:
        obj = codec.loads(text)
    except codec.DecodeError as exc:
        raise _fail(Reason.NOT_JSON, detail=str(exc)) from None
    return validate_object(obj, max_chars=max_chars)


def validate_object(obj: Any, *, max_chars: int) -> Article:
    """Validate an already-parsed JSON value as an article (see module doc)."""
    if not isinstance(obj, dict):
        raise _fail(Reason.NOT_OBJECT, kind=_json_kind(obj))
    _check_fields(obj)
    if len(obj["text"]) > max_chars:
        size = len(obj["text"])
        raise _fail(Reason.TOO_LARGE, what="text", size=size, unit="characters", limit=max_chars)
    try:
        return Article.model_validate(obj)
    except ValidationError as exc:  # pragma: no cover - the checks above should catch all
        raise _fail(Reason.INVALID, detail=str(exc).splitlines()[0]) from None


def _check_fields(obj: dict[str, Any]) -> None:
    for field in REQUIRED:
        if field not in obj or obj[field] is None:
            raise _fail(Reason.MISSING_FIELD, field=field)
    for field in (*REQUIRED, *OPTIONAL):
        _check_type(field, obj.get(field))
    for field in REQUIRED:
        if not obj[field].strip():
            raise _fail(Reason.EMPTY_FIELD, field=field)
    published = obj.get("published_at")
    if published is not None:
        try:
            Anchor.parse(published)
        except ValueError:
            raise _fail(Reason.BAD_PUBLISHED_AT, value=published, forms=ACCEPTED_FORMS) from None


def _check_type(field: str, value: Any) -> None:
    if value is None or isinstance(value, str):
        return
    # bool is an int to Python but never a time to a producer.
    if field in NUMBER_ALLOWED and isinstance(value, int | float) and not isinstance(value, bool):
        return
    expected = "a string or a number" if field in NUMBER_ALLOWED else "a string"
    raise _fail(Reason.WRONG_TYPE, field=field, expected=expected, got=_json_kind(value))
