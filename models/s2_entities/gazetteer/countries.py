"""Country-level look-ups over the loaded gazetteer: ISO3 → English name and adjective."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from models.s2_entities.gazetteer import load_index

DEMONYMS = Path(__file__).with_name("demonyms.tsv")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {
        r.country: r.name
        for r in load_index().records
        if r.kind == "GPE" and r.country and r.name and r.key == f"GPE:{r.country}"
    }


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in DEMONYMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            iso, english = line.split("\t")[:2]
            out.setdefault(iso, english.split("|")[0])
    return out


def country_name(iso3: str) -> str | None:
    """ "RUS" → "Russia"; None for a code the gazetteer lacks."""
    return _names().get(iso3)


def adjective(iso3: str) -> str | None:
    """ "EGY" → "Egyptian" (the first English adjective in ``demonyms.tsv``)."""
    return _adjectives().get(iso3)
