"""The one converter: annotators' string spans → training lines with character offsets.

Annotators write GUIDE.md §1 lines, where every span is a string that must occur in
``text`` (``"trigger": "met"``, ``"participant": ["Wang Yi"]``). This finds each string's
offsets — the trigger's first unused occurrence, every other span's occurrence nearest
its trigger — validates the line, gives it the next ``ar-NNNN``/``en-NNNN`` id and
appends it to ``models/data/events_<lang>.jsonl`` in the offset format that
:mod:`models.s6_core.data` reads::

    python -m models.s6_core.convert models/data/annotated/en_3.jsonl [...]

Lines already in offset format pass through unchanged (ids kept). A line with the
``id`` of a stored line is a re-annotation: it replaces that line's events (its text,
if given, must be the stored text), so a convention change is applied in place. A line that cannot
be converted is reported as ``file:line: reason`` and not written; the exit code is 1
when any line was rejected.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.s6_core.data import (
    EVENT_FILES,
    ROLE_KEYS,
    AnnotationError,
    Line,
    line_json,
    parse_line,
    read_lines,
)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def _occurrences(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _nearest(text: str, needle: str, anchor: int, where: str) -> dict[str, Any]:
    found = _occurrences(text, needle)
    if not needle or not found:
        raise AnnotationError(f"{where}: {needle!r} is not in the text")
    at = min(found, key=lambda i: (abs(i - anchor), i))
    return {"text": needle, "start": at, "end": at + len(needle)}


def _event(text: str, raw: dict[str, Any], used: set[int], where: str) -> dict[str, Any]:
    trig = raw.get("trigger")
    if not isinstance(trig, str):
        raise AnnotationError(f"{where}: trigger must be a string")
    spots = _occurrences(text, trig) if trig else []
    free = [i for i in spots if i not in used] or spots
    if not free:
        raise AnnotationError(f"{where}: trigger {trig!r} is not in the text")
    used.add(free[0])
    anchor = free[0]
    kind = str(raw.get("type"))
    roles = [
        {"role": key, **_nearest(text, value, anchor, where)}
        for key in ROLE_KEYS.get(kind, ())
        for value in raw.get(key) or []
    ]
    loc, tim = raw.get("location"), raw.get("time")
    return {
        "type": kind,
        "status": raw.get("status"),
        "trigger": {"text": trig, "start": anchor, "end": anchor + len(trig)},
        "roles": roles,
        "location": _nearest(text, loc, anchor, where) if loc else None,
        "time": _nearest(text, tim, anchor, where) if tim else None,
    }


def to_offsets(obj: dict[str, Any], line_id: str, where: str) -> Line:
    """One annotator line (string spans, or already offsets) → a validated :class:`Line`."""
    events = obj.get("events")
    if not isinstance(events, list):
        raise AnnotationError(f"{where}: events must be a list")
    text = str(obj.get("text", ""))
    if all(isinstance(e.get("trigger"), dict) for e in events):
        converted = events
    else:
        used: set[int] = set()
        converted = [_event(text, e, used, where) for e in events]
    return parse_line({**obj, "id": obj.get("id") or line_id, "events": converted}, where)


def _next_ids(lang: str, existing: Sequence[Line]) -> int:
    numbers = [int(x.id.split("-")[1]) for x in existing if x.id.startswith(f"{lang}-")]
    return max(numbers, default=0) + 1


def _reannotated(line: Line, obj: dict[str, Any], where: str) -> Line:
    """``line`` with the events of ``obj``, which names it by id (its text, when given,
    must be the stored one: a re-annotation never edits text)."""
    if obj.get("text", line.text) != line.text:
        raise AnnotationError(f"{where}: {line.id} exists with another text")
    return to_offsets({**line_json(line), "events": obj.get("events")}, line.id, where)


def convert_files(paths: Sequence[Path], data_dir: Path = DATA_DIR) -> tuple[int, list[str]]:
    """Append the lines of ``paths`` to the event files; a line carrying the id of a
    stored line replaces that line's events instead. Returns (lines written, errors)."""
    files = {name.split("_")[1].split(".")[0]: Path(data_dir) / name for name in EVENT_FILES}
    current = {lang: read_lines([path]) for lang, path in files.items()}
    known = {x.text for lines in current.values() for x in lines}
    # where each stored id sits: a line naming one re-annotates it (ids never change)
    stored = {lang: {x.id: i for i, x in enumerate(lines)} for lang, lines in current.items()}
    errors: list[str] = []
    written = 0
    for path in paths:
        for n, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path}:{n}"
            try:
                obj = json.loads(raw)
                lang = str(obj.get("lang"))
                if lang not in files:
                    raise AnnotationError(f"{where}: lang must be one of {sorted(files)}")
                at = stored[lang].get(str(obj.get("id")))
                if at is not None:  # a re-annotation of a stored line
                    current[lang][at] = _reannotated(current[lang][at], obj, where)
                    written += 1
                    continue
                if obj.get("text") in known:
                    continue  # the same text twice: keep the first annotation
                line = to_offsets(obj, f"{lang}-{_next_ids(lang, current[lang]):04d}", where)
            except (ValueError, AnnotationError) as exc:
                errors.append(str(exc))
                continue
            current[lang].append(line)
            known.add(line.text)
            written += 1
    for lang, path in files.items():
        body = "".join(json.dumps(line_json(x), ensure_ascii=False) + "\n" for x in current[lang])
        path.write_text(body, encoding="utf-8")
    return written, errors


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="annotator JSONL files to append")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    written, errors = convert_files(args.files, args.data_dir)
    for err in errors:
        print(err, file=sys.stderr)
    print(f"appended or re-annotated {written} lines; rejected {len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
