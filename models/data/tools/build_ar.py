"""Assemble models/data/events_ar.jsonl from the ar_batch*.py annotation modules (ids assigned in order)."""
import importlib, json, pathlib, sys
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
OUT = HERE.parent / "events_ar.jsonl"
lines = []
for p in sorted(HERE.glob("ar_batch*.py"), key=lambda p: int(p.stem[8:])):
    lines += importlib.import_module(p.stem).LINES
with OUT.open("w", encoding="utf-8") as f:
    for i, l in enumerate(lines, 1):
        row = {"id": f"ar-{i:04d}", "lang": "ar", "source": l["source"], "text": l["text"], "events": l["events"]}
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(f"wrote {len(lines)} lines to {OUT}")
