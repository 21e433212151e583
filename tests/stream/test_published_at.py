"""Every accepted form of ``published_at``, through the real broker and worker.

One article per form is published in a single batch to the session's worker
(one broker start for all of them); each must yield the events the same
extractor gives offline, with the time resolved to the anchor's precision, and
none may be dead-lettered. An unreadable date must be dead-lettered with a
message that lists the accepted forms.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from models.s3_times.anchor import ACCEPTED_FORMS
from stream import codec
from stream.collect import Collected
from tests.conftest import RunningWorker
from tests.stream.helpers import Input, collect, expected_event_ids, publish_raw

pytestmark = [pytest.mark.slow, pytest.mark.integration]

TEXT = "Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida yesterday."

# form → (published_at as sent, the meeting's expected (start, end, precision)).
# 1705399200 is Tuesday 2024-01-16 10:00 UTC, so "yesterday" is 2024-01-15.
FORMS: dict[str, tuple[str | int, tuple[str, str, str]]] = {
    "year": ("2015", ("2014", "2015", "year")),
    "month": ("2015-10", ("2015-09", "2015-10", "month")),
    "rfc822": ("Tue, 16 Jan 2024 10:00:00 GMT", ("2024-01-15", "2024-01-15", "day")),
    "space": ("2024-01-16 10:00:00", ("2024-01-15", "2024-01-15", "day")),
    "epoch-s": (1705399200, ("2024-01-15", "2024-01-15", "day")),
    "epoch-s-digits": ("1705399200", ("2024-01-15", "2024-01-15", "day")),
    "epoch-ms": (1705399200000, ("2024-01-15", "2024-01-15", "day")),
    "date": ("2024-01-16", ("2024-01-15", "2024-01-15", "day")),
}
UNREADABLE = "16/01/2024"


def _article(form: str) -> dict[str, Any]:
    return {"id": f"pub-{form}", "language": "en", "published_at": FORMS[form][0], "text": TEXT}


@pytest.fixture(scope="module")
def processed(worker: RunningWorker) -> Collected:
    """Publish one article per form plus an unreadable one; collect once."""
    inputs = [Input(f"pub-{form}".encode(), codec.dumps(_article(form))) for form in FORMS]
    bad = {"id": "pub-unreadable", "published_at": UNREADABLE, "text": TEXT}
    inputs.append(Input(b"pub-unreadable", codec.dumps(bad)))

    async def run() -> Collected:
        published = await publish_raw(worker.bootstrap, worker.settings.input_topic, inputs)
        return await collect(worker, published)

    result = asyncio.run(run())
    assert result.complete, "worker did not commit past every input within 60 s"
    return result


@pytest.mark.parametrize("form", FORMS)
def test_each_form_gives_its_events(processed: Collected, form: str) -> None:
    article = _article(form)
    events = [e for e in processed.events if e["article_id"] == article["id"]]
    assert {e["event_id"] for e in events} == expected_event_ids([article])[article["id"]]
    (meeting,) = [e for e in events if e["type"] == "MEETING"]
    time = meeting["time"]
    assert (time["start"], time["end"], time["precision"]) == FORMS[form][1]
    assert not [d for d in processed.dead_letters if d["key"] == article["id"]]


def test_unreadable_date_is_dead_lettered_with_the_accepted_forms(processed: Collected) -> None:
    (letter,) = [d for d in processed.dead_letters if d["key"] == "pub-unreadable"]
    assert letter["reason"] == "bad_published_at"
    assert repr(UNREADABLE) in letter["message"]
    assert ACCEPTED_FORMS in letter["message"]
    assert not [e for e in processed.events if e["article_id"] == "pub-unreadable"]
