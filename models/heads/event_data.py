"""Read ``models/data/events_{ar,en}.jsonl`` into training examples.

Line format (models/data/GUIDE.md): ``{"id", "lang", "source", "text",
"events": [{"type", "status", "trigger", <roles>, "location", "time"}]}``;
``"events": []`` is a negative. Malformed lines and events whose trigger is not
a substring of the text are skipped and counted, never fatal: the files are
being written while we train.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from models.heads.spans import Span, find_span
from models.schema import EVENT_TYPES, STATUSES

EVENT_FILES = ("events_ar.jsonl", "events_en.jsonl")
DEV_PERCENT = 20


@dataclass(frozen=True)
class EventTrigger:
    """One annotated event reduced to what the heads learn: trigger span, type, status."""

    span: Span  # label = event type
    status: str


@dataclass(frozen=True)
class EventExample:
    id: str
    lang: str
    text: str
    triggers: tuple[EventTrigger, ...]

    @property
    def types(self) -> frozenset[str]:
        return frozenset(t.span.label for t in self.triggers)


def is_dev(example_id: str) -> bool:
    """Deterministic 80/20 split by id hash (stable as the files grow)."""
    return int(hashlib.sha256(example_id.encode()).hexdigest(), 16) % 100 < DEV_PERCENT


def _parse_events(text: str, events: list[dict[str, object]]) -> tuple[EventTrigger, ...] | None:
    out = []
    for ev in events:
        kind, status, trig = ev.get("type"), ev.get("status"), ev.get("trigger")
        if kind not in EVENT_TYPES or status not in STATUSES or not isinstance(trig, str):
            return None
        span = find_span(text, trig, str(kind))
        if span is None:
            return None
        out.append(EventTrigger(span, str(status)))
    return tuple(out)


def _parse_line(line: str) -> EventExample | None:
    try:
        obj = json.loads(line)
        text, events = obj["text"], obj["events"]
        triggers = _parse_events(text, events)
        if triggers is None or not isinstance(text, str) or not text.strip():
            return None
        return EventExample(str(obj["id"]), str(obj.get("lang", "")), text, triggers)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def load_events(data_dir: Path) -> tuple[list[EventExample], int]:
    """All usable examples of the event files present (sorted by id) and the skip count.

    Missing files are treated as empty; duplicate ids keep the first line.
    """
    seen: dict[str, EventExample] = {}
    skipped = 0
    for name in EVENT_FILES:
        path = Path(data_dir) / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            ex = _parse_line(line)
            if ex is None:
                skipped += 1
            elif ex.id not in seen:
                seen[ex.id] = ex
    return [seen[k] for k in sorted(seen)], skipped
