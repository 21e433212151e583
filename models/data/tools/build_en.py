"""Assemble models/data/events_en.jsonl from the en_batch*.py annotation modules (ids assigned in order)."""
import importlib, json, pathlib, sys
from collections import Counter
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import en_common
OUT = HERE.parent / "events_en.jsonl"
for p in sorted(HERE.glob("en_batch*.py"), key=lambda p: int(p.stem[8:])):
    importlib.import_module(p.stem)
rows = [{"id": f"en-{i:04d}", **r} for i, r in enumerate(en_common.OUT, 1)]
with OUT.open("w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
c = Counter((e["type"], e["status"]) for r in rows for e in r["events"])
print(f"wrote {len(rows)} lines to {OUT}; negatives {sum(not r['events'] for r in rows)}; written {sum(r['source'] == 'written' for r in rows)}")
for k in sorted(c):
    print(*k, c[k])
