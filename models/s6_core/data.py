"""Training annotations as data: JSONL lines with character offsets, read in one place.

Line format (``models/data/events_{ar,en}.jsonl``, written by ``models.data.convert``)::

    {"id": "en-0001", "lang": "en", "source": "<file>#<article id>" | "written",
     "text": "...",
     "events": [{"type": "MEETING", "status": "occurred",
                 "trigger": {"text": "met", "start": 13, "end": 16},
                 "roles": [{"role": "participant", "text": "Wang Yi", "start": 0, "end": 7}],
                 "location": {"text": "Hanoi", "start": 20, "end": 25} | null,
                 "time": {"text": "on Monday", "start": 26, "end": 35} | null}]}

``"events": []`` is a negative line. Every span satisfies ``text[start:end] == span text``;
:func:`read_lines` raises :class:`AnnotationError` naming the file and line when one does not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.schema import EVENT_TYPES, STATUSES

EVENT_FILES = ("events_ar.jsonl", "events_en.jsonl")
ROLE_KEYS = {
    "MEETING": ("participant",),
    "VISIT": ("visitor", "host", "inviter"),
    "ARMS_TRANSFER": ("supplier", "recipient"),
}
DEV_PERCENT = 15


class AnnotationError(ValueError):
    """A training line that breaks the format (the message names file and line)."""


@dataclass(frozen=True, slots=True)
class SpanRef:
    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class EventAnnotation:
    type: str
    status: str
    trigger: SpanRef
    roles: tuple[tuple[str, SpanRef], ...] = ()
    location: SpanRef | None = None
    time: SpanRef | None = None


@dataclass(frozen=True, slots=True)
class Line:
    id: str
    lang: str
    source: str
    text: str
    events: tuple[EventAnnotation, ...] = field(default_factory=tuple)

    @property
    def is_dev(self) -> bool:
        """Deterministic held-out split by id hash (stable as the files grow)."""
        return int(hashlib.sha256(self.id.encode()).hexdigest(), 16) % 100 < DEV_PERCENT


def _span(text: str, raw: Any, where: str) -> SpanRef:
    try:
        span = SpanRef(int(raw["start"]), int(raw["end"]), str(raw["text"]))
    except (TypeError, KeyError, ValueError) as exc:
        raise AnnotationError(f"{where}: bad span {raw!r}") from exc
    if text[span.start : span.end] != span.text or not span.text:
        raise AnnotationError(f"{where}: span {span.text!r} is not text[{span.start}:{span.end}]")
    return span


def _event(text: str, raw: dict[str, Any], where: str) -> EventAnnotation:
    kind, status = raw.get("type"), raw.get("status")
    if kind not in EVENT_TYPES or status not in STATUSES:
        raise AnnotationError(f"{where}: bad type/status {kind!r}/{status!r}")
    roles = []
    for r in raw.get("roles", []):
        if r.get("role") not in ROLE_KEYS[str(kind)]:
            raise AnnotationError(f"{where}: role {r.get('role')!r} not allowed for {kind}")
        roles.append((str(r["role"]), _span(text, r, where)))
    loc, tim = raw.get("location"), raw.get("time")
    return EventAnnotation(
        str(kind),
        str(status),
        _span(text, raw.get("trigger"), where),
        tuple(roles),
        _span(text, loc, where) if loc else None,
        _span(text, tim, where) if tim else None,
    )


def parse_line(obj: dict[str, Any], where: str) -> Line:
    """One decoded JSON object → :class:`Line`; AnnotationError when malformed."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise AnnotationError(f"{where}: text missing or blank")
    events = tuple(_event(text, e, where) for e in obj.get("events", []))
    return Line(str(obj["id"]), str(obj.get("lang", "")), str(obj.get("source", "")), text, events)


def line_json(line: Line) -> dict[str, Any]:
    """The JSON object of a line (inverse of :func:`parse_line`)."""

    def ev(e: EventAnnotation) -> dict[str, Any]:
        return {
            "type": e.type,
            "status": e.status,
            "trigger": e.trigger.as_json(),
            "roles": [{"role": r, **s.as_json()} for r, s in e.roles],
            "location": e.location.as_json() if e.location else None,
            "time": e.time.as_json() if e.time else None,
        }

    return {
        "id": line.id,
        "lang": line.lang,
        "source": line.source,
        "text": line.text,
        "events": [ev(e) for e in line.events],
    }


def read_lines(paths: Iterable[Path]) -> list[Line]:
    """Every line of the given files, in order; missing files are skipped."""
    out: list[Line] = []
    for path in paths:
        if not Path(path).is_file():
            continue
        for n, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if raw.strip():
                out.append(parse_line(json.loads(raw), f"{path}:{n}"))
    return out


def load_training(data_dir: Path) -> list[Line]:
    """The event files of ``data_dir`` (``models/data``)."""
    return read_lines(Path(data_dir) / name for name in EVENT_FILES)
