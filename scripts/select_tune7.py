"""Pick ``tests/gold/tune7_ar.jsonl``'s articles: unseen Arabic news chosen as the blind set's
event articles were, for blind annotation before any model runs on them.

An article qualifies when its headline has an event word (``select_pools.TITLE_KEYWORDS``, the
blind set's second batch's rule) or its text two or more strong event words; when no training
line, gold set or seed cites it; when it is no near-copy of a gold article (3+ shared
six-word shingles) or of another pick; and when no Arabic training line has a quarter or more of
its 8-word shingles in it (``models.data.validate``'s test). Order: a SHA-1 of "tune7" + id.
Writes ``tune7_ar.pool.jsonl`` beside the gold (empty events), to split among annotators; run
with ``tune7_ar.jsonl`` in place it picks none of its articles again (they are gold now).

    python scripts/select_tune7.py
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_pools as sp

ROOT = sp.ROOT
STRONG = re.compile(
    r"\b(?:و|ف)?(?:التقى|يلتقي|التقيا|استقبل|يستقبل|زيارة|بزيارة|لزيارة|الزيارة|زار|يزور"
    r"|محادثات|مباحثات|لقاء|اللقاء|اجتماع|الاجتماع|اجتمع|قمة|القمة|صفقة|وصل|يصل)\b"
)


def _sh8(text: str) -> list[str]:
    w = re.sub(r"\W+", " ", re.sub(r"[\u064B-\u0652\u0640]", "", text)).lower().split()
    return [" ".join(w[i : i + 8]) for i in range(len(w) - 7)]


def main() -> None:
    ids, golds = sp._excluded()
    for p in (ROOT / "tests" / "gold").glob("*.jsonl"):
        for x in p.open():
            a = json.loads(x)["article"]
            ids.add(a["id"])
            golds.append(sp._shingles(a["text"]))
    lines = [_sh8(json.loads(x)["text"]) for x in (ROOT / "models/data/events_ar.jsonl").open()]
    title = re.compile(sp.TITLE_KEYWORDS["ar"])
    picks = []
    for a in sp._articles("ar", ids, golds):
        if not 300 <= len(a["text"]) <= 2500:
            continue
        if not (title.search(a.get("title") or "") or len(STRONG.findall(a["text"])) >= 2):
            continue
        words = set(_sh8((a.get("title") or "") + "\n" + a["text"]))
        if any(line and sum(s in words for s in line) >= 0.25 * len(line) for line in lines):
            continue
        picks.append(a)
    picks.sort(key=lambda a: hashlib.sha1(("tune7" + a["id"]).encode()).hexdigest())
    out, seen = [], []
    for a in picks:
        sh = sp._shingles(a["text"])
        if not any(len(sh & t) >= 3 for t in seen):
            out.append(a)
            seen.append(sh)
    with (ROOT / "tests" / "gold" / "tune7_ar.pool.jsonl").open("w", encoding="utf-8") as f:
        for a in out:
            art = {
                k: a.get(k) for k in ("id", "title", "text", "language", "published_at", "source")
            }
            f.write(json.dumps({"article": art, "events": []}, ensure_ascii=False) + "\n")
    print("picked", len(out))


if __name__ == "__main__":
    main()
