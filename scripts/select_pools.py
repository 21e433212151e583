"""Pick the blind test articles and the sentence pools for annotation, reproducibly.

Reads ../shared/data/news; excludes every article the training data cites, the dev
gold and seed articles and their near-copies (3+ shared six-word shingles). Writes
``tests/gold/blind_{ar,en}.pool.jsonl`` (articles to annotate as gold, before any model
runs on them) and ``models/data/pool/{ar,en}_{k}.jsonl`` (sentences to annotate as
training lines). Deterministic: order comes from a SHA-1 of the ids.

    python scripts/select_pools.py
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
FILES = {
    "ar": ["ar_saudinewsnet_politics.jsonl", "ar_candidates.jsonl"],
    "en": ["en_newswire_te3silver.jsonl", "en_candidates.jsonl"],
}
KEYWORDS = {
    "ar": r"التق|استقبل|اجتم|زيار|زار|يزور|وصل|محادث|مباحث|لقاء|قمة|جولة|صفق|أسلح|سلاح|صواريخ|شحن|توجه|بحث مع|اتصال|هاتف|برقية|دعا",
    "en": r"\bmet\b|meet|talks|visit|arriv|summit|weapon|\barms\b|missile|tour|receiv|discuss|delegation|phone|call|negotiat|deliver|sold|sell|supplied|invit",
}
BLIND_N = 60
POOL_SIZE = 600
POOLS = 2


def _h(s: str) -> str:
    return hashlib.sha1(s.encode()).hexdigest()


def _shingles(text: str, n: int = 6) -> set[str]:
    w = re.findall(r"\w+", text.lower())
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def _excluded() -> tuple[set[str], list[set[str]]]:
    ids: set[str] = set()
    for lang in ("ar", "en"):
        for line in (ROOT / "models" / "data" / f"events_{lang}.jsonl").open():
            src = json.loads(line)["source"]
            if "#" in src:
                ids.add(src.split("#", 1)[1].rsplit(":", 1)[0])
    golds = []
    for f in [*sorted((ROOT / "tests" / "gold").glob("dev_*.jsonl")), ROOT.parent / "shared/eval/dev/seed.jsonl"]:
        for line in f.open():
            art = json.loads(line)["article"]
            ids.add(art["id"])
            golds.append(_shingles(art["text"]))
    return ids, golds


def _articles(lang: str, ids: set[str], golds: list[set[str]]) -> list[dict]:
    seen: set[str] = set()
    out = []
    for name in FILES[lang]:
        for line in (NEWS / name).open():
            a = json.loads(line)
            tid = a["id"].removeprefix("te3silver-")
            if a["id"] in ids or tid in ids or a["text"][:200] in seen:
                continue
            sh = _shingles(a["text"])
            if any(len(sh & g) >= 3 for g in golds):
                continue
            seen.add(a["text"][:200])
            a["_file"] = name
            out.append(a)
    return sorted(out, key=lambda a: _h(a["id"]))


def _blind(lang: str, arts: list[dict]) -> list[dict]:
    kw = re.compile(KEYWORDS[lang])
    fit = [a for a in arts if 300 <= len(a["text"]) <= 1800]
    hits = [a for a in fit if len(kw.findall(a["text"])) >= 2][:45]
    rest = [a for a in fit if a not in hits][: BLIND_N - len(hits)]
    return sorted(hits + rest, key=lambda a: _h(a["id"]))


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?؟])\s+|\n+", text)
    return [p.strip() for p in parts if 8 <= len(p.split()) <= 60]


def _pools(lang: str, arts: list[dict], blind_shingles: list[set[str]]) -> list[list[dict]]:
    kw = re.compile(KEYWORDS[lang])
    taken: set[str] = set()
    hits, rest = [], []
    for a in arts:
        for k, s in enumerate(_sentences(a["text"])):
            sh = _shingles(s, 5)
            if not sh or sh & taken or any(len(_shingles(s) & b) >= 2 for b in blind_shingles):
                continue
            taken |= sh
            row = {"source": f"{a['_file']}#{a['id']}", "text": s}
            (hits if kw.search(s) else rest).append(row)
            break_after = (3 if lang == "ar" else 12) if kw.search(s) else 1
            if k >= break_after:
                break
    hits.sort(key=lambda r: _h(r["text"]))
    rest.sort(key=lambda r: _h(r["text"]))
    n_hit = POOL_SIZE * 3 // 4
    pools = []
    for p in range(POOLS):
        rows = hits[p * n_hit : (p + 1) * n_hit] + rest[p * (POOL_SIZE - n_hit) : (p + 1) * (POOL_SIZE - n_hit)]
        pools.append(sorted(rows, key=lambda r: _h(r["text"])))
    return pools


def main() -> None:
    ids, golds = _excluded()
    for lang in ("ar", "en"):
        arts = _articles(lang, ids, golds)
        blind = _blind(lang, arts)
        blind_ids = {a["id"] for a in blind}
        out = ROOT / "tests" / "gold" / f"blind_{lang}.pool.jsonl"
        with out.open("w", encoding="utf-8") as f:
            for a in blind:
                art = {k: a.get(k) for k in ("id", "title", "text", "language", "published_at", "source")}
                f.write(json.dumps({"article": art, "events": []}, ensure_ascii=False) + "\n")
        bsh = [_shingles(a["text"]) for a in blind]
        rest = [a for a in arts if a["id"] not in blind_ids]
        (ROOT / "models" / "data" / "pool").mkdir(parents=True, exist_ok=True)
        for k, rows in enumerate(_pools(lang, rest, bsh), 1):
            with (ROOT / "models" / "data" / "pool" / f"{lang}_{k}.jsonl").open("w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(lang, "articles", len(arts), "blind", len(blind))


if __name__ == "__main__":
    main()


# Second blind batch: the first one (keyword hits anywhere in the text) came out sparse
# (17 ar / 25 en required events in 60 + 60 articles), so these are picked by their
# headline, as wire editors flag the story's main event there.
TITLE_KEYWORDS = {
    "ar": r"زيار|يزور|زار|يلتقي|التقى|يستقبل|استقبل|محادث|مباحث|يبحث مع|بحث مع|قمة|صفق|أسلح|صواريخ|يصل|وصل|جولة|لقاء|اجتماع",
    "en": r"visit|talks|meet|\bmet\b|arriv|summit|arms|weapon|missile|tour|deal",
}


def dense_blind() -> None:
    ids, golds = _excluded()
    for lang in ("ar", "en"):
        arts = _articles(lang, ids, golds)
        used = {json.loads(x)["article"]["id"] for x in (ROOT / "tests" / "gold" / f"blind_{lang}.jsonl").open()}
        used |= {
            json.loads(x)["source"].split("#", 1)[1]
            for p in (ROOT / "models" / "data" / "pool").glob(f"{lang}_*.jsonl")
            for x in p.open()
        }
        kw = re.compile(TITLE_KEYWORDS[lang], re.I)
        fit = [
            a for a in arts
            if a["id"] not in used and 300 <= len(a["text"]) <= 2500 and kw.search(a.get("title") or "")
        ][:30]
        out = ROOT / "tests" / "gold" / f"blind2_{lang}.pool.jsonl"
        with out.open("w", encoding="utf-8") as f:
            for a in fit:
                art = {k: a.get(k) for k in ("id", "title", "text", "language", "published_at", "source")}
                f.write(json.dumps({"article": art, "events": []}, ensure_ascii=False) + "\n")
        print(lang, "dense blind", len(fit))


def more_pools(first: int, count: int, lang: str) -> None:
    """Further pools ``{lang}_{first}..`` from sentences no earlier pool or blind set holds."""
    ids, golds = _excluded()
    arts = _articles(lang, ids, golds)
    gold_dir = ROOT / "tests" / "gold"
    blind = [json.loads(x)["article"] for p in gold_dir.glob(f"*_{lang}*.jsonl") for x in p.open()]
    blind_ids = {a["id"] for a in blind}
    bsh = [_shingles(a["text"]) for a in blind]
    taken = {
        json.loads(x)["text"] for p in (ROOT / "models" / "data" / "pool").glob(f"{lang}_*.jsonl") for x in p.open()
    }
    kw = re.compile(KEYWORDS[lang])
    seen: set[str] = set()
    hits, rest = [], []
    for a in arts:
        if a["id"] in blind_ids:
            continue
        for s in _sentences(a["text"]):
            sh = _shingles(s, 5)
            if s in taken or not sh or sh & seen or any(len(_shingles(s) & b) >= 2 for b in bsh):
                continue
            seen |= sh
            (hits if kw.search(s) else rest).append({"source": f"{a['_file']}#{a['id']}", "text": s})
    hits.sort(key=lambda r: _h(r["text"]))
    rest.sort(key=lambda r: _h(r["text"]))
    n_hit = POOL_SIZE * 4 // 5
    for k in range(count):
        rows = hits[k * n_hit : (k + 1) * n_hit] + rest[k * (POOL_SIZE - n_hit) : (k + 1) * (POOL_SIZE - n_hit)]
        with (ROOT / "models" / "data" / "pool" / f"{lang}_{first + k}.jsonl").open("w", encoding="utf-8") as f:
            for r in sorted(rows, key=lambda r: _h(r["text"])):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(lang, "keyword sentences left", len(hits), "others", len(rest))


def timeml_pool(name: str = "en_7") -> None:
    """English news sentences from the TimeML documents in ../shared/data/time (AQUAINT, TE3
    platinum): the newswire file has few event sentences left once pools 1-6 took theirs."""
    taken = {json.loads(x)["text"] for p in (ROOT / "models" / "data" / "pool").glob("en_*.jsonl") for x in p.open()}
    rows = []
    for path in sorted((ROOT.parent / "shared" / "data" / "time").glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
        text = re.sub(r"<[^>]+>", "", body)
        for s in _sentences(text):
            s = " ".join(s.split())
            if s not in taken:
                taken.add(s)
                rows.append({"source": f"time/{path.parent.name}/{path.name}", "text": s})
    with (ROOT / "models" / "data" / "pool" / f"{name}.jsonl").open("w", encoding="utf-8") as f:
        for r in sorted(rows, key=lambda r: _h(r["text"])):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(name, len(rows))


def _taken(lang: str, pattern: str) -> set[str]:
    """Article ids a gold file (``pattern``) or an annotation pool already holds."""
    gold_dir = ROOT / "tests" / "gold"
    used = {json.loads(x)["article"]["id"] for p in gold_dir.glob(pattern) for x in p.open()}
    used |= {
        json.loads(x)["source"].split("#", 1)[-1]
        for p in (ROOT / "models" / "data" / "pool").glob(f"{lang}_*.jsonl")
        for x in p.open()
    }
    return used


def tuning_set(count: int = 40) -> None:
    """``tests/gold/tune_{lang}.pool.jsonl``: articles for tuning the assembly on whole
    articles (the 15-article dev sets are too small to see a change), picked like the
    dense blind batch from articles no training line, pool, blind or dev set touches."""
    ids, golds = _excluded()
    gold_dir = ROOT / "tests" / "gold"
    for lang in ("ar", "en"):
        arts = _articles(lang, ids, golds)
        used = _taken(lang, f"*_{lang}.jsonl")
        bsh = [_shingles(json.loads(x)["article"]["text"]) for p in gold_dir.glob(f"*_{lang}.jsonl") for x in p.open()]
        kw = re.compile(TITLE_KEYWORDS[lang], re.I)
        fit = [
            a for a in arts
            if a["id"] not in used and 300 <= len(a["text"]) <= 2500 and kw.search(a.get("title") or "")
            and not any(len(_shingles(a["text"]) & b) >= 3 for b in bsh)
        ]
        fit = sorted(fit, key=lambda a: _h("tune" + a["id"]))[:count]
        with (gold_dir / f"tune_{lang}.pool.jsonl").open("w", encoding="utf-8") as f:
            for a in fit:
                art = {k: a.get(k) for k in ("id", "title", "text", "language", "published_at", "source")}
                f.write(json.dumps({"article": art, "events": []}, ensure_ascii=False) + "\n")
        print(lang, "tuning articles", len(fit))


def tuning_set_en(count: int = 36) -> None:
    """English: nearly every eventful English article has a sentence among the training
    lines, so the tuning articles are those whose every training line sits in the core's
    held-out split (it never trained on them), most event keywords first."""
    sys.path.insert(0, str(ROOT))
    from models.s6_core.data import DEV_PERCENT

    def held_out(line_id: str) -> bool:
        return int(hashlib.sha256(line_id.encode()).hexdigest(), 16) % 100 < DEV_PERCENT

    gold_dir = ROOT / "tests" / "gold"
    lines: dict[str, list[str]] = {}
    for x in (ROOT / "models" / "data" / "events_en.jsonl").open():
        row = json.loads(x)
        if "#" in row["source"]:
            lines.setdefault(row["source"].split("#", 1)[1], []).append(row["id"])
    used = {json.loads(x)["article"]["id"] for p in gold_dir.glob("*_en.jsonl") for x in p.open()}
    bsh = [_shingles(json.loads(x)["article"]["text"]) for p in gold_dir.glob("*_en.jsonl") for x in p.open()]
    title_kw, kw = re.compile(TITLE_KEYWORDS["en"], re.I), re.compile(KEYWORDS["en"])
    fit, seen = [], set()
    for name in FILES["en"]:
        for x in (NEWS / name).open():
            a = json.loads(x)
            if a["id"] in seen or a["text"][:200] in seen:
                continue
            seen |= {a["id"], a["text"][:200]}
            ok = all(held_out(i) for i in lines.get(a["id"], []))
            if not ok or a["id"] in used or not 300 <= len(a["text"]) <= 3000:
                continue
            if any(len(_shingles(a["text"]) & b) >= 3 for b in bsh):
                continue
            rank = (bool(title_kw.search(a.get("title") or "")), len(kw.findall(a["text"])))
            fit.append((rank, _h("tune" + a["id"]), a))
    fit.sort(key=lambda r: (-r[0][0], -r[0][1], r[1]))
    with (gold_dir / "tune_en.pool.jsonl").open("w", encoding="utf-8") as f:
        for _, _, a in fit[:count]:
            art = {k: a.get(k) for k in ("id", "title", "text", "language", "published_at", "source")}
            f.write(json.dumps({"article": art, "events": []}, ensure_ascii=False) + "\n")
    print("en tuning articles", min(count, len(fit)))


def tuning_more(
    lang: str = "ar", count: int = 60, name: str = "tune2", longest: int = 2500, lead: bool = False
) -> None:
    """More tuning articles, ``tests/gold/{name}_{lang}.pool.jsonl``: like ``tuning_set``,
    and none that a training line overlaps by the validator's rule (a quarter of the
    line's 8-word shingles), since SaudiNewsNet repeats one wire story across papers
    under different ids. ``name`` also salts the order, so a third set (``tune3``) is a
    fresh draw from what the earlier sets left. ``lead``: a strong event word in the
    first 300 characters also qualifies an article (the headline-picked ones run out)."""
    sys.path.insert(0, str(ROOT))
    from models.data.validate import _shingles as v_shingles

    ids, golds = _excluded()
    gold_dir = ROOT / "tests" / "gold"
    train = [json.loads(x)["text"] for x in (ROOT / "models" / "data" / f"events_{lang}.jsonl").open()]
    train_sh = [v_shingles(t, 8) for t in train]
    pools = [json.loads(x)["text"] for p in (ROOT / "models" / "data" / "pool").glob(f"{lang}_*.jsonl") for x in p.open()]
    pool_sh = [v_shingles(t, 8) for t in pools]
    used = _taken(lang, f"*_{lang}*.jsonl")
    bsh = [_shingles(json.loads(x)["article"]["text"]) for p in gold_dir.glob(f"*_{lang}*.jsonl") for x in p.open()]
    kw = re.compile(TITLE_KEYWORDS[lang], re.I)
    strong = re.compile(STRONG.get(lang, TITLE_KEYWORDS[lang]))

    def eventful(a: dict) -> bool:
        return bool(kw.search(a.get("title") or "") or (lead and strong.search(a["text"][:300])))

    fit = [
        a for a in _articles(lang, ids, golds)
        if a["id"] not in used and 300 <= len(a["text"]) <= longest and eventful(a)
        and not any(len(_shingles(a["text"]) & b) >= 3 for b in bsh)
    ]
    fit.sort(key=lambda a: _h(name + a["id"]))
    out = []
    for a in fit:
        sh = v_shingles((a.get("title") or "") + "\n" + a["text"], 8)
        if any(s and len(s & sh) >= 0.25 * len(s) for s in [*train_sh, *pool_sh]):
            continue
        out.append(a)
        if len(out) == count:
            break
    with (gold_dir / f"{name}_{lang}.pool.jsonl").open("w", encoding="utf-8") as f:
        for a in out:
            art = {k: a.get(k) for k in ("id", "title", "text", "language", "published_at", "source")}
            f.write(json.dumps({"article": art, "events": []}, ensure_ascii=False) + "\n")
    print(lang, name, "tuning articles", len(out))


STRONG = {
    "ar": r"التقى|يلتقي|استقبل|يستقبل|اجتمع|زيار|زار|يزور|وصل|محادثات|مباحثات|لقاء|قمة|جولة|صفقة|أسلحة|صواريخ|شحنة|بحث مع|يبحث مع",
}


def strong_pools(first: int, count: int, lang: str = "ar") -> None:
    """Pools ``{lang}_{first}..`` of sentences with a strong event word only (the
    keyword pools came out ~90% negative), from articles no gold set holds."""
    ids, golds = _excluded()
    gold_dir = ROOT / "tests" / "gold"
    blind = [json.loads(x)["article"] for p in gold_dir.glob(f"*_{lang}*.jsonl") for x in p.open()]
    blind_ids = {a["id"] for a in blind}
    bsh = [_shingles(a["text"]) for a in blind]
    taken = {
        json.loads(x)["text"] for p in (ROOT / "models" / "data" / "pool").glob(f"{lang}_*.jsonl") for x in p.open()
    }
    kw = re.compile(STRONG[lang])
    seen: set[str] = set()
    rows = []
    for a in _articles(lang, ids, golds):
        if a["id"] in blind_ids:
            continue
        for s in _sentences(a["text"]):
            sh = _shingles(s, 5)
            if s in taken or not sh or sh & seen or not kw.search(s):
                continue
            if any(len(_shingles(s) & b) >= 2 for b in bsh):
                continue
            seen |= sh
            rows.append({"source": f"{a['_file']}#{a['id']}", "text": s})
    rows.sort(key=lambda r: _h(r["text"]))
    print(lang, "strong sentences", len(rows))
    for k in range(count):
        part = rows[k * POOL_SIZE : (k + 1) * POOL_SIZE]
        with (ROOT / "models" / "data" / "pool" / f"{lang}_{first + k}.jsonl").open("w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
