# Vendored verbatim from the project's shared evaluation contract (shared/eval/score.py) so
# that `eventwire eval` scores by exactly the same rules on a machine without ../shared.
# Do not edit: tests/models/test_evaluation.py checks it still agrees with the shared copy.
#!/usr/bin/env python3
"""Score extracted events against a gold file.

Usage:
    python score.py GOLD.jsonl PRED.jsonl [--json] [--verbose]

GOLD.jsonl: one line per article, {"article": {...}, "events": [gold event, ...]}
PRED.jsonl: one event per line, as the service emits them (see FORMAT.md).

Standard library only. The matching rules are in FORMAT.md beside this file.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict

TYPES = ("MEETING", "VISIT", "ARMS_TRANSFER")

_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def norm_tokens(s: str) -> tuple[str, ...]:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    s = _AR_DIACRITICS.sub("", s).translate(_AR_FOLD)
    s = _PUNCT.sub(" ", s)
    out = []
    for tok in s.split():
        if tok.startswith("ال") and len(tok) > 4:
            tok = tok[2:]
        if tok in {"the", "of"}:
            continue
        out.append(tok)
    return tuple(out)


_PROCLITICS = "وفبلك"


def _tok_eq(a: str, b: str) -> bool:
    """Equal words, or equal but for one Arabic proclitic (و ف ب ل ك) glued to the front."""
    if a == b:
        return True
    if len(a) == len(b) + 1 and len(a) >= 5 and a[0] in _PROCLITICS and a[1:] == b:
        return True
    return len(b) == len(a) + 1 and len(b) >= 5 and b[0] in _PROCLITICS and b[1:] == a


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(all(_tok_eq(x, y) for x, y in zip(big[i : i + n], small)) for i in range(len(big) - n + 1))


def strings_match(a: str, b: str) -> bool:
    ta, tb = norm_tokens(a), norm_tokens(b)
    if not ta or not tb:
        return False
    if len(ta) == len(tb) and all(_tok_eq(x, y) for x, y in zip(ta, tb)):
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    # a surname or a partial name matches, but not a lone short word
    if sum(len(t) for t in short) < 4:
        return False
    return _contains(long_, short)


def entity_strings(ent: dict) -> list[str]:
    out = [ent.get("text"), ent.get("name")]
    out += ent.get("aliases") or []
    return [s for s in out if isinstance(s, str) and s.strip()]


def entity_matches(ent: dict, aliases: list[str]) -> bool:
    """Does a predicted entity match one gold entity (a list of aliases)?"""
    country = ent.get("country")
    kind = ent.get("kind")
    for alias in aliases:
        if alias.startswith("@"):
            if country and kind in ("GPE", "LOC") and country.upper() == alias[1:].upper():
                return True
            continue
        if any(strings_match(s, alias) for s in entity_strings(ent)):
            return True
    return False


def actors(pred: dict, *roles: str) -> list[dict]:
    return [a for a in pred.get("actors") or [] if a.get("role") in roles]


def any_match(ents: list[dict], gold_entity: list[str]) -> bool:
    return any(entity_matches(e, gold_entity) for e in ents)


def core_match(pred: dict, gold: dict) -> bool:
    """Do pred and gold (same type) describe the same event?"""
    t = gold["type"]
    if t == "MEETING":
        gp = gold.get("participant") or []
        pp = actors(pred, "participant") or list(pred.get("actors") or [])
        hits = sum(1 for g in gp if any_match(pp, g))
        return hits >= min(2, len(gp))
    if t == "VISIT":
        ok = True
        if gold.get("visitor"):
            ok &= any(any_match(actors(pred, "visitor"), g) for g in gold["visitor"])
        if gold.get("location"):
            loc = pred.get("location")
            places = ([loc] if isinstance(loc, dict) else []) + actors(pred, "host")
            ok &= any_match(places, gold["location"])
        return ok
    if t == "ARMS_TRANSFER":
        ok = True
        if gold.get("supplier"):
            ok &= any(any_match(actors(pred, "supplier"), g) for g in gold["supplier"])
        if gold.get("recipient"):
            ok &= any(any_match(actors(pred, "recipient"), g) for g in gold["recipient"])
        return ok
    return False


def assign(n: int, m: int, weight) -> dict[int, int]:
    """Maximum-weight assignment of n rows to m columns (Hungarian method, O(n^2 m)).

    weight(i, j) > 0 for allowed pairs, 0 for forbidden ones; returns {row: column} for allowed pairs.
    """
    if n == 0 or m == 0:
        return {}
    cols = max(n, m)
    inf = float("inf")
    cost = [[-weight(i, j) if j < m else 0.0 for j in range(cols)] for i in range(n)]
    u, v = [0.0] * (n + 1), [0.0] * (cols + 1)
    p, way = [0] * (cols + 1), [0] * (cols + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (cols + 1), [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    out = {}
    for j in range(1, cols + 1):
        i = p[j] - 1
        if i >= 0 and j - 1 < m and weight(i, j - 1) > 0:
            out[i] = j - 1
    return out


def agreement(pred: dict, gold: dict) -> int:
    """How many secondary attributes agree (status, date, place): breaks ties between matchings."""
    score = 0
    if gold.get("status") and pred.get("status") in gold["status"]:
        score += 1
    if gold.get("date") and date_ok(pred, gold["date"]):
        score += 1
    loc = pred.get("location")
    if gold.get("location") and isinstance(loc, dict) and entity_matches(loc, gold["location"]):
        score += 1
    return score


def date_ok(pred: dict, gold_date: str) -> bool:
    t = pred.get("time") or {}
    start = t.get("start") or ""
    return isinstance(start, str) and start[: len(gold_date)] == gold_date


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score(gold_lines: list[dict], preds: list[dict], verbose: bool = False) -> dict:
    by_article: dict[str, list[dict]] = defaultdict(list)
    for ev in preds:
        by_article[str(ev.get("article_id"))].append(ev)

    tallies: dict[str, Tally] = defaultdict(Tally)
    doc_tallies: dict[str, Tally] = defaultdict(Tally)
    status = [0, 0]
    dates = [0, 0]
    places = [0, 0]
    log = []

    for line in gold_lines:
        art = line["article"]
        aid, lang = str(art["id"]), art.get("language") or "?"
        golds = line.get("events") or []
        mine = [p for p in by_article.get(aid, []) if p.get("type") in TYPES]
        for t in TYPES:
            g_t = [g for g in golds if g["type"] == t]
            p_t = [p for p in mine if p["type"] == t]
            ok = {(gi, pi) for gi, g in enumerate(g_t) for pi, p in enumerate(p_t) if core_match(p, g)}
            # required gold events claim predictions first; among matchings of equal size, prefer
            # the one whose pairs agree on status, date and place
            req = [gi for gi, g in enumerate(g_t) if not g.get("optional")]
            opt = [gi for gi, g in enumerate(g_t) if g.get("optional")]
            got = assign(len(req), len(p_t), lambda i, j: 100 + agreement(p_t[j], g_t[req[i]]) if (req[i], j) in ok else 0)
            matched = {req[i]: j for i, j in got.items()}
            taken = set(matched.values())
            got = assign(len(opt), len(p_t), lambda i, j: 1 if (opt[i], j) in ok and j not in taken else 0)
            excused = taken | set(got.values())
            tp = len(matched)
            fn = len(req) - tp
            fp = len(p_t) - len(excused)
            for key in ("all", t, lang, f"{t}/{lang}"):
                tallies[key].tp += tp
                tallies[key].fn += fn
                tallies[key].fp += fp
            for gi, pi in matched.items():
                g, p = g_t[gi], p_t[pi]
                if g.get("status"):
                    status[0] += p.get("status") in g["status"]
                    status[1] += 1
                if g.get("date"):
                    dates[0] += date_ok(p, g["date"])
                    dates[1] += 1
                if t == "MEETING" and g.get("location"):
                    loc = p.get("location")
                    places[0] += isinstance(loc, dict) and entity_matches(loc, g["location"])
                    places[1] += 1
            # article-level: does the article contain an event of type t?
            has_g = any(not g.get("optional") for g in g_t)
            has_p = bool(p_t)
            dt = doc_tallies[lang]
            dt.tp += has_g and has_p
            dt.fp += has_p and not has_g and not g_t
            dt.fn += has_g and not has_p
            if verbose:
                for gi, g in enumerate(g_t):
                    if not g.get("optional") and gi not in matched:
                        log.append(f"MISS {aid} {t} {json.dumps(g, ensure_ascii=False)}")
                for pi, p in enumerate(p_t):
                    if pi not in excused:
                        brief = {k: p.get(k) for k in ("status", "actors", "location", "time")}
                        log.append(f"FP   {aid} {t} {json.dumps(brief, ensure_ascii=False)[:400]}")

    def ratio(x: list[int]) -> float | None:
        return round(x[0] / x[1], 3) if x[1] else None

    return {
        "events": {k: dict(zip(("p", "r", "f1"), (round(v, 3) for v in t.prf())), tp=t.tp, fp=t.fp, fn=t.fn)
                   for k, t in sorted(tallies.items())},
        "article_types": {k: dict(zip(("p", "r", "f1"), (round(v, 3) for v in t.prf())))
                          for k, t in sorted(doc_tallies.items())},
        "status_accuracy": ratio(status),
        "date_accuracy": ratio(dates),
        "meeting_place_accuracy": ratio(places),
        "log": log,
    }


def read_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--json", action="store_true", help="print the whole result as JSON")
    ap.add_argument("--verbose", action="store_true", help="list misses and false positives")
    a = ap.parse_args()
    res = score(read_jsonl(a.gold), read_jsonl(a.pred), a.verbose)
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0
    for line in res["log"]:
        print(line)
    print(f"{'slice':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for k, v in res["events"].items():
        print(f"{k:<22}{v['p']:>7.3f}{v['r']:>7.3f}{v['f1']:>7.3f}{v['tp']:>6}{v['fp']:>6}{v['fn']:>6}")
    for k, v in res["article_types"].items():
        print(f"article types [{k}]: P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}")
    print(f"status accuracy {res['status_accuracy']}  date accuracy {res['date_accuracy']}  "
          f"meeting place accuracy {res['meeting_place_accuracy']}")
    print(f"event F1 = {res['events'].get('all', {}).get('f1', 0.0):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
