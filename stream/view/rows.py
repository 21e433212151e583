"""One event message → one compact :class:`Row`: what filtering needs, plus the bytes.

The view holds up to ``EVENTWIRE_VIEW_MAX_EVENTS`` events (100,000 by default),
so a row keeps the message's original bytes (answered as they are, never
re-encoded) and only the few fields the filters and tallies read, instead of a
parsed ``Event`` with its nested objects (several times the memory).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass

from pydantic import ValidationError

from models.schema import Event

# The same folding as models.s1_document.normalize.fold (case, Arabic diacritics and
# tatweel, alef/yeh/teh-marbuta variants), without its cache: every event's
# search text is distinct, and a cache would pin up to 65,536 of them.
_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)


def fold(text: str) -> str:
    """Fold text for search, so ``putin`` finds "Putin" and ``امريكا`` "أمريكا".

    >>> fold("أَمْريكا PUTIN")
    'امريكا putin'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _AR_DIACRITICS.sub("", text).translate(_AR_FOLD)


# What the schema's ``time.start``/``end`` promise; anything else reads as undated.
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


def first_day(value: str) -> str:
    """The first day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as ``YYYY-MM-DD``."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def last_day(value: str) -> str:
    """The last day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as ``YYYY-MM-DD``."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


@dataclass(slots=True)
class Row:
    """One held event. Built off the event loop; never changed once stored
    (``seq`` is set once, when the store takes it)."""

    event_id: str
    type: str
    status: str
    language: str
    article_id: str
    confidence: float
    place_country: str | None
    actor_countries: tuple[str, ...]
    countries: tuple[str, ...]  # the place's and the actors', each once
    # ``time.start``/``time.end`` widened to days (for ``from``/``to``), and the
    # start at its own precision (the timeline's bucket); None when undated.
    first: str | None
    last: str | None
    precision: str | None
    start: str | None
    search: str
    raw: bytes
    seq: int = 0


def row_from_bytes(raw: bytes) -> Row | None:
    """The row of one events-topic message; None when it is not a v1 event.

    A message that fails the schema is counted as skipped by the store rather
    than shown half-read: the page can rely on every field it draws.
    """
    try:
        event = Event.model_validate_json(raw)
    except ValidationError:
        return None
    time = event.time
    if time and not (_DATE.fullmatch(time.start) and _DATE.fullmatch(time.end)):
        time = None
    place_country = event.location.country if event.location else None
    actor_countries = {a.country for a in event.actors if a.country}
    countries = actor_countries | ({place_country} if place_country else set())
    texts = [part for actor in event.actors for part in (actor.name or "", actor.text)]
    texts += [evidence.text for evidence in event.evidence]
    return Row(
        event_id=event.event_id,
        type=event.type,
        status=event.status,
        language=event.language,
        article_id=event.article_id,
        confidence=event.confidence,
        place_country=place_country,
        actor_countries=tuple(sorted(actor_countries)),
        countries=tuple(sorted(countries)),
        first=first_day(time.start) if time else None,
        last=last_day(time.end) if time else None,
        precision=time.precision if time else None,
        start=time.start if time else None,
        # One line per field, so a phrase never matches across two of them.
        search=fold("\n".join(t for t in texts if t)),
        raw=raw,
    )


def rows_from_messages(values: list[bytes]) -> list[Row | None]:
    """Rows of a batch of messages, in order (run on a worker thread)."""
    return [row_from_bytes(value) for value in values]
