"""A fixed corpus of nasty inputs: (key, raw bytes, the dead-letter reason or None).

``None`` means "must not be dead-lettered" (events or none). Built in code so
it is exact down to the byte (invalid UTF-8, lone surrogates).
"""

from __future__ import annotations

import random

from stream import codec

Case = tuple[str, bytes, str | None]


def _article(key: str, text: str, **extra: object) -> bytes:
    return codec.dumps({"id": key, "text": text, **extra})


def _random_unicode(seed: int, size: int) -> str:
    rng = random.Random(seed)
    # Every plane but surrogates, which a str may hold but UTF-8 may not.
    points = [rng.randrange(0x20, 0x10FFFF) for _ in range(size)]
    return "".join(chr(p) for p in points if not 0xD800 <= p <= 0xDFFF)


def corpus() -> list[Case]:
    """Every case once (keys are the case names)."""
    met = "Modi met Kishida in Tokyo."
    return [
        ("random-unicode", _article("random-unicode", _random_unicode(1, 5_000)), None),
        (
            "rtl-mixed",
            _article("rtl-mixed", f"\u200fModi\u202e met \u2066كيشيدا\u2069 in طوكيو. {met}"),
            None,
        ),
        (
            "controls",
            _article("controls", f"Putin\x00 met\x07 Xi\x1b[31m in\x08 Moscow.\r\n{met}"),
            None,
        ),
        ("lone-surrogate", b'{"id": "lone-surrogate", "text": "bad \\ud800 here"}', "not_json"),
        ("invalid-utf8", b'{"id": "invalid-utf8", "text": "caf\xc3\x28 \xff"}', "invalid_utf8"),
        (
            "deep-json",
            b'{"id": "deep-json", "text": "t", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "not_json",
        ),
        ("huge-int", b'{"id": "huge-int", "text": "t", "n": ' + b"9" * 5_000 + b"}", "not_json"),
        ("huge-float", b'{"id": "huge-float", "text": "t", "n": 1e999999}', "not_json"),
        (
            "duplicate-keys",
            b'{"id": "x", "id": "duplicate-keys", "text": "a", "text": "' + met.encode() + b'"}',
            None,
        ),
        ("ten-mb", _article("ten-mb", "Modi met Kishida. " * 580_000), "too_large"),
        ("empty", _article("empty", ""), "empty_field"),
        ("whitespace", _article("whitespace", " \t\n\u00a0\u3000 "), "empty_field"),
        ("html", _article("html", f"<html><script>alert(1)</script><p>{met}</p>" * 50), None),
        (
            "one-word-sentences",
            _article("one-word-sentences", "Go. " * 50_000),
            "extraction_timeout",
        ),
        ("not-an-object", b'"just a string"', "not_object"),
        ("three-mb-garbage", b"{" + b"\x01" * 3_000_000, "not_json"),
        ("null-text", b'{"id": "null-text", "text": null}', "missing_field"),
    ]
