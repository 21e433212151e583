"""Print the per-article source table used in models/data/SOURCES.md."""
import collections, json, pathlib
HERE = pathlib.Path(__file__).resolve().parents[1]
rows = [json.loads(l) for l in (HERE / "events_ar.jsonl").open(encoding="utf-8")]
by = collections.defaultdict(list)
for r in rows:
    by[r["source"]].append(r["id"])
for src in sorted(by):
    if src != "written":
        print(f"| `{src}` | {', '.join(by[src])} |")
print(f"| written (no source) | {len(by['written'])} lines: {by['written'][0]} … {by['written'][-1]} (see ids with source \"written\") |")
