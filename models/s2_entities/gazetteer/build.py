"""Build ``gazetteer.json`` from CLDR, the curated files and UniversalPetrarch.

Run ``python -m models.s2_entities.gazetteer.build [DATA_DIR]`` (DATA_DIR defaults to
``../shared/data/gazetteer``); it needs ``babel`` and ``pycountry`` (build time
only). The output is committed; nothing here runs in the service.

Entry layout (one JSON list per entry, to stay compact):
``[kind, key, name, country, title, [aliases...]]`` where kind is PERSON, ORG,
GPE, LOC or DEMONYM (an adjective such as "Russian"/"الروسي" naming a country).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from models.s1_document.normalize import norm_phrase
from models.s2_entities.gazetteer import petrarch
from models.s2_entities.gazetteer.sources import Entry, cldr_countries, demonyms, read_curated

HERE = Path(__file__).parent
OUTPUT = HERE / "gazetteer.json"
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "gazetteer"
PETRARCH_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "actor_dict_ar_v4.txt")  # fmt: skip


def merge(entries: dict[str, Entry], extra: Entry) -> None:
    """Add ``extra`` or fold its aliases into the entry with the same key."""
    known = entries.get(extra.key)
    if known is None:
        entries[extra.key] = extra
        return
    known.aliases.extend(a for a in extra.aliases if a not in known.aliases)
    known.title = known.title or extra.title
    known.country = known.country or extra.country


def _person_index(entries: dict[str, Entry]) -> dict[tuple[str, ...], str]:
    """Multi-word person aliases → key, to attach mined aliases to known people."""
    index: dict[tuple[str, ...], str] = {}
    for entry in entries.values():
        if entry.kind == "PERSON":
            for alias in [entry.name or "", *entry.aliases]:
                toks = norm_phrase(alias)
                if len(toks) >= 2:
                    index.setdefault(toks, entry.key)
    return index


def add_petrarch(entries: dict[str, Entry], data_dir: Path, countries: set[str]) -> int:
    """Mined aliases join a known person; Latin-named unknown people are added."""
    index = _person_index(entries)
    added = 0
    for filename in PETRARCH_FILES:
        path = data_dir / filename
        if not path.exists():
            continue
        for names, country in petrarch.mine(path, countries):
            keys = {index[t] for n in names if (t := norm_phrase(n)) in index}
            if len(keys) == 1:
                merge(entries, Entry("PERSON", keys.pop(), None, None, None, names))
            elif not keys and names[0].isascii():
                key = f"PERSON:{names[0]}"
                merge(entries, Entry("PERSON", key, names[0], country, None, names))
                added += 1
    return added


def build(data_dir: Path) -> dict[str, object]:
    """All entries, curated first so their names and titles win."""
    countries = cldr_countries()
    entries: dict[str, Entry] = {}
    for entry in countries.values():
        merge(entries, entry)
    for entry in read_curated(HERE / "curated.tsv", countries):
        merge(entries, entry)
    for entry in demonyms(HERE / "demonyms.tsv", countries):
        merge(entries, entry)
    mined = add_petrarch(entries, data_dir, set(countries))
    rows = [e.row() for e in entries.values()]
    return {"version": 1, "mined_people": mined, "entries": rows}


def main(argv: list[str]) -> int:
    """Write ``gazetteer.json`` and print its size."""
    data_dir = Path(argv[0]) if argv else DEFAULT_DATA
    payload = build(data_dir)
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    entries = payload["entries"]
    assert isinstance(entries, list)
    print(f"{OUTPUT}: {len(entries)} entries, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
