"""Inter-annotator agreement: a second, independent annotation of a sample vs the training lines.

    python scripts/agreement.py models/data/agreement/ar_second.jsonl models/data/agreement/en_second.jsonl

For each file: Cohen's kappa on "the line reports an event", event F1 (same type and
overlapping trigger), status agreement on matched events, and role F1 (role + exact span).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.s6_core.convert import to_offsets  # noqa: E402
from models.s6_core.data import load_training  # noqa: E402


def _kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    agree = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def _f1(tp: int, n_a: int, n_b: int) -> float:
    return 2 * tp / (n_a + n_b) if n_a + n_b else 1.0


def compare(path: Path) -> dict[str, float]:
    first = {x.text: x for x in load_training(ROOT / "models" / "data")}
    has_a, has_b = [], []
    ev = {"tp": 0, "a": 0, "b": 0, "status": 0}
    roles = {"tp": 0, "a": 0, "b": 0}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        second = to_offsets(json.loads(raw), f"x-{n}", f"{path}:{n}")
        one = first.get(second.text)
        if one is None:
            continue
        has_a.append(bool(one.events))
        has_b.append(bool(second.events))
        ev["a"] += len(one.events)
        ev["b"] += len(second.events)
        free = list(second.events)
        for e in one.events:
            match = next(
                (f for f in free if f.type == e.type
                 and f.trigger.start < e.trigger.end and e.trigger.start < f.trigger.end),
                None,
            )
            if match is None:
                continue
            free.remove(match)
            ev["tp"] += 1
            ev["status"] += match.status == e.status
            ra = {(r, s.text) for r, s in e.roles}
            rb = {(r, s.text) for r, s in match.roles}
            roles["tp"] += len(ra & rb)
            roles["a"] += len(ra)
            roles["b"] += len(rb)
    return {
        "lines": len(has_a),
        "kappa_has_event": round(_kappa(has_a, has_b), 3),
        "events_first": ev["a"],
        "events_second": ev["b"],
        "event_f1": round(_f1(ev["tp"], ev["a"], ev["b"]), 3),
        "status_agreement": round(ev["status"] / ev["tp"], 3) if ev["tp"] else 0.0,
        "role_f1_on_matched": round(_f1(roles["tp"], roles["a"], roles["b"]), 3),
    }


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(arg, json.dumps(compare(Path(arg))))
