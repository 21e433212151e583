"""Pick sentences for annotation where the shipped core is unsure (active learning).

Reads one news file of ../shared/data/news, skips evaluation articles and their near-copies
(``models/data/validate.py``'s rules) and sentences already annotated, scores every other
sentence of 7–60 words with the core's trigger head (the highest non-"O" probability of
any subword), and writes a pool: most from the unsure band, some confident and some
near-zero sentences so the pool still holds positives and plain negatives.
Deterministic (fixed seeds); reads the shipped weights, so it needs ``eventwire prepare-model``.

    python scripts/uncertain_pool.py ar ar_saudinewsnet_politics.jsonl --articles 2600 \\
        --band 1250 --high 300 --low 200 --out models/data/pool/ar_12.jsonl
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "models" / "data"))
import validate  # noqa: E402

from models.extractors.transformer import TransformerExtractor  # noqa: E402
from models.s1_document.sentences import split_sentences  # noqa: E402
from models.s6_core.network import BOTTOM  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news"
BAND = (0.12, 0.9)  # unsure: the shipped trigger cutoff is 0.85
PER_ARTICLE = 4  # spread the pool over many articles


def _annotated() -> set[str]:
    seen: set[str] = set()
    for name in ("events_ar.jsonl", "events_en.jsonl"):
        for raw in (ROOT / "models" / "data" / name).read_text(encoding="utf-8").splitlines():
            seen.add(json.loads(raw)["text"])
    return seen


def candidates(lang: str, news: str, max_articles: int) -> list[dict[str, str]]:
    """Unannotated sentences of non-evaluation articles, in a seeded article order."""
    forbidden = validate._evaluation_articles()
    shingles = {sh for text in forbidden.values() for sh in validate._shingles(text, 8)}
    done = _annotated()
    articles = [json.loads(x) for x in (NEWS / news).read_text(encoding="utf-8").splitlines()]
    random.Random(11).shuffle(articles)
    articles = [a for a in articles if a["id"] not in forbidden][:max_articles]
    out = []
    for art in articles:
        for sent in split_sentences(art["text"], lang):
            text = art["text"][sent.start : sent.end].strip()
            if not 7 <= len(text.split()) <= 60 or text in done:
                continue
            if not shingles.isdisjoint(validate._shingles(text, 8)):
                continue
            out.append({"source": f"{news}#{art['id']}", "text": text})
    return out


def trigger_scores(texts: list[str]) -> list[float]:
    """Each sentence's highest non-"O" trigger probability under the shipped core."""
    ex = TransformerExtractor(None, Path("~/.cache/eventwire").expanduser(), threads=2)
    best = [0.0] * len(texts)
    batches = ex._encoder.encode_sorted(
        texts, layers=(BOTTOM,), max_length=ex._max_length, prefix=ex._prefix
    )
    with torch.inference_mode():
        for k, (idx, batch) in enumerate(batches):
            _, _, trig, _ = ex._reader.top(batch.hidden[BOTTOM], batch.attention_mask)
            for j, i in enumerate(idx):
                probs = trig[j][batch.attention_mask[j].bool()]
                best[i] = round(float((1 - probs[:, 0]).max()), 3) if len(probs) else 0.0
            if k % 200 == 0:
                print(f"scored {k * 8}/{len(texts)}", file=sys.stderr)
    return best


def pick(rows: list[dict], scores: list[float], n_band: int, n_high: int, n_low: int) -> list[dict]:
    rng = random.Random(5)
    lo, hi = BAND
    band = [r for r, p in zip(rows, scores, strict=True) if lo <= p < hi]
    high = [r for r, p in zip(rows, scores, strict=True) if p >= hi]
    low = [r for r, p in zip(rows, scores, strict=True) if 0.03 <= p < lo]
    chosen = (
        rng.sample(band, min(n_band, len(band)))
        + rng.sample(high, min(n_high, len(high)))
        + rng.sample(low, min(n_low, len(low)))
    )
    per: collections.Counter[str] = collections.Counter()
    out = []
    for row in chosen:
        if per[row["source"]] < PER_ARTICLE:
            per[row["source"]] += 1
            out.append(row)
    rng.shuffle(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lang", choices=["ar", "en"])
    ap.add_argument("news", help="file name under ../shared/data/news")
    ap.add_argument("--articles", type=int, default=2600)
    ap.add_argument("--band", type=int, default=1250)
    ap.add_argument("--high", type=int, default=300)
    ap.add_argument("--low", type=int, default=200)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    rows = candidates(args.lang, args.news, args.articles)
    print(f"{len(rows)} candidate sentences", file=sys.stderr)
    chosen = pick(rows, trigger_scores([r["text"] for r in rows]), args.band, args.high, args.low)
    with args.out.open("w", encoding="utf-8") as f:
        for row in chosen:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(chosen)} sentences to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
