"""Validate models/data/events_*.jsonl (training lines) against models/data/GUIDE.md.

Checks: JSON per line, required fields, allowed types/statuses/role keys, every span is an exact
substring of text, unique ids, no duplicate/near-duplicate texts, no overlap with the dev seed
(../shared/eval/dev/seed.jsonl) or with the articles of tests/gold/dev_*.jsonl, and real sources that
exist. Usage: python models/data/validate.py [FILES...]  (default: models/data/events_*.jsonl)
"""
import json, pathlib, re, sys
ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TYPES = {"MEETING": ["participant"], "VISIT": ["visitor", "host", "inviter"], "ARMS_TRANSFER": ["supplier", "recipient"]}
STATUSES = {"occurred", "planned", "proposed", "alleged", "denied"}
BASE = {"type", "status", "trigger", "location", "time"}

def norm(s):
    s = re.sub(r"[\u064B-\u0652\u0640]", "", s)
    return re.sub(r"\W+", " ", s).strip().lower()

def shingles(s, n=8):
    w = norm(s).split()
    return {" ".join(w[i:i + n]) for i in range(max(0, len(w) - n + 1))}

def forbidden_texts():
    """Texts the training lines must not overlap: the dev seed and every dev gold article."""
    texts = {}
    paths = [SHARED / "eval/dev/seed.jsonl"] + sorted((ROOT / "tests/gold").glob("dev_*.jsonl"))
    for p in paths:
        if not p.exists():
            continue
        for line in p.open(encoding="utf-8"):
            if line.strip():
                a = json.loads(line)["article"]
                texts[a["id"]] = (a.get("title") or "") + "\n" + a["text"]
    return texts

_ARTICLES = {}

def article_text(fname, aid):
    """Title + text of a shared news article (loaded lazily, once per file)."""
    if fname not in _ARTICLES:
        _ARTICLES[fname] = {}
        for line in (SHARED / "data/news" / fname).open(encoding="utf-8"):
            a = json.loads(line)
            _ARTICLES[fname][a["id"]] = re.sub(r"\s+", " ", (a.get("title") or "") + "\n" + a["text"])
    return _ARTICLES[fname].get(aid)

def main(files):
    errors, n_lines = [], 0
    forb = forbidden_texts()
    forb_sh = {}
    for aid, t in forb.items():
        for s in re.split(r"(?<=[.!?؟])\s+|\n+", t):
            for sh in shingles(s):
                forb_sh.setdefault(sh, aid)
    ids, seen_texts = set(), {}
    real_ids = None
    for path in files:
        for ln, line in enumerate(pathlib.Path(path).open(encoding="utf-8"), 1):
            where = f"{path}:{ln}"
            if not line.strip():
                continue
            n_lines += 1
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON {e}"); continue
            for k in ("id", "lang", "source", "text", "events"):
                if k not in row:
                    errors.append(f"{where}: missing {k}")
            if set(row) - {"id", "lang", "source", "text", "events"}:
                errors.append(f"{where}: extra keys {set(row) - {'id','lang','source','text','events'}}")
            text = row.get("text", "")
            if row.get("id") in ids:
                errors.append(f"{where}: duplicate id {row.get('id')}")
            ids.add(row.get("id"))
            if row.get("lang") not in ("ar", "en"):
                errors.append(f"{where}: lang {row.get('lang')}")
            key = norm(text)
            if key in seen_texts:
                errors.append(f"{where}: duplicate text of {seen_texts[key]}")
            seen_texts[key] = row.get("id")
            src = row.get("source", "")
            if src != "written":
                m = re.fullmatch(r"([a-z0-9_]+\.jsonl)#(.+)", src)
                if not m or not (SHARED / "data/news" / m.group(1)).exists():
                    errors.append(f"{where}: bad source {src!r}")
                elif m.group(2) in forb:
                    errors.append(f"{where}: source article {m.group(2)} is a dev/gold article")
                else:
                    # a real line is a contiguous span of its article (whitespace-normalised; a
                    # sentence cut short may end with an added full stop)
                    art = article_text(m.group(1), m.group(2))
                    t = re.sub(r"\s+", " ", text)
                    if art is None:
                        errors.append(f"{where}: article {m.group(2)} not in {m.group(1)}")
                    elif t not in art and t.rstrip('.»" ').rstrip() not in art:
                        errors.append(f"{where}: text is not a span of {m.group(2)}")
            sh_text = shingles(text)
            hits = [forb_sh[sh] for sh in sh_text if sh in forb_sh]
            # a shared formulaic title (e.g. a prince's full style) is not story overlap: flag when
            # a quarter of the line's 8-word shingles come from a dev/gold article
            if hits and len(hits) >= 0.25 * len(sh_text):
                errors.append(f"{where}: text overlaps dev/gold article {hits[0]} ({len(hits)}/{len(sh_text)} shingles)")
            if not isinstance(row.get("events"), list):
                errors.append(f"{where}: events not a list"); continue
            for j, ev in enumerate(row["events"]):
                w = f"{where} event {j}"
                t = ev.get("type")
                if t not in TYPES:
                    errors.append(f"{w}: type {t}"); continue
                if ev.get("status") not in STATUSES:
                    errors.append(f"{w}: status {ev.get('status')}")
                allowed = BASE | set(TYPES[t])
                if set(ev) != allowed:
                    errors.append(f"{w}: keys {sorted(set(ev) ^ allowed)} wrong")
                spans = [ev.get("trigger")]
                if not ev.get("trigger"):
                    errors.append(f"{w}: empty trigger")
                for r in TYPES[t]:
                    v = ev.get(r, [])
                    if not isinstance(v, list):
                        errors.append(f"{w}: {r} not a list"); continue
                    spans += v
                for k in ("location", "time"):
                    if ev.get(k) is not None:
                        spans.append(ev[k])
                for s in spans:
                    if not isinstance(s, str) or not s or s not in text:
                        errors.append(f"{w}: span {s!r} not a substring of text")
                if t == "MEETING" and not ev.get("participant"):
                    errors.append(f"{w}: meeting without participants")
                if t == "VISIT" and not ev.get("visitor"):
                    errors.append(f"{w}: visit without visitor")
    # near-duplicates inside the training files (SaudiNewsNet repeats wire stories across papers)
    items = [(k, shingles(k, 5)) for k in seen_texts]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i][1], items[j][1]
            if a and b and len(a & b) / len(a | b) >= 0.5:
                errors.append(f"near-duplicate texts: {seen_texts[items[i][0]]} ~ {seen_texts[items[j][0]]}")
    for e in errors:
        print("ERROR", e)
    print(f"{n_lines} lines checked in {len(files)} file(s); {len(errors)} error(s)")
    return 1 if errors else 0

if __name__ == "__main__":
    args = sys.argv[1:] or sorted(str(p) for p in (ROOT / "models/data").glob("events_*.jsonl"))
    sys.exit(main(args))
