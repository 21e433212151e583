"""Events written by hand for the view's tests: valid v1 events, hostile ones."""

from __future__ import annotations

import itertools
from typing import Any

from models.schema import Event

_ids = itertools.count()

# Markup an article could carry; on the page it must stay text.
SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"


def event(**fields: Any) -> dict[str, Any]:
    """A valid v1 event (checked against the model), with ``fields`` overriding."""
    number = next(_ids)
    base: dict[str, Any] = {
        "schema_version": "1",
        "event_id": f"test-{number:06d}",
        "type": "MEETING",
        "status": "occurred",
        "article_id": f"article-{number}",
        "language": "en",
        "actors": [
            {"role": "participant", "text": "Putin", "name": "Vladimir Putin",
             "kind": "PERSON", "country": "RUS", "title": "President"},
            {"role": "participant", "text": "Xi", "name": "Xi Jinping",
             "kind": "PERSON", "country": "CHN", "title": None},
        ],
        "location": {"text": "Beijing", "name": "Beijing", "kind": "GPE", "country": "CHN"},
        "time": {"text": "Monday", "start": "2024-01-15", "end": "2024-01-15", "precision": "day"},
        "items": [],
        "evidence": [{"text": "Putin met Xi in Beijing on Monday.", "start": 0, "end": 34}],
        "confidence": 0.9,
        "extractor": {"name": "test", "version": "0", "model": None},
    }  # fmt: skip
    base.update(fields)
    Event.model_validate(base)
    return base


def arabic_visit(**fields: Any) -> dict[str, Any]:
    """Lavrov's visit to Pyongyang as the seed article tells it (Arabic)."""
    text = "إلى جانب لافروف الذي زار بيونغ يانغ في تشرين الأول/أكتوبر."
    return event(
        type="VISIT", language="ar",
        actors=[{"role": "visitor", "text": "لافروف", "name": "Sergei Lavrov",
                 "kind": "PERSON", "country": "RUS", "title": None}],
        location={"text": "بيونغ يانغ", "name": "Pyongyang", "kind": "GPE", "country": "PRK"},
        time={"text": "تشرين الأول/أكتوبر", "start": "2023-10", "end": "2023-10",
              "precision": "month"},
        evidence=[{"text": text, "start": 0, "end": len(text)}],
        **fields,
    )  # fmt: skip


def hostile(**fields: Any) -> dict[str, Any]:
    """Markup in every free-text field the page shows."""
    return event(**{
        "article_id": f"hostile-{SCRIPT}",
        "actors": [{"role": "visitor", "text": IMG, "name": f"Name {SCRIPT}",
                    "kind": "PERSON", "country": "RUS", "title": IMG}],
        "type": "VISIT",
        "location": {"text": SCRIPT, "name": IMG, "kind": "GPE", "country": "PRK"},
        "evidence": [{"text": f"{IMG} visited {SCRIPT} on Monday.", "start": 0, "end": 10}],
        **fields,
    })  # fmt: skip
