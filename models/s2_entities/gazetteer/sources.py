"""Readers for the gazetteer's sources: CLDR names, curated.tsv, demonyms.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# Territory codes CLDR lists that are not countries (or duplicate one).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ", "AQ", "BV", "HM",
                            "UM", "TF", "IO", "CP", "DG", "EA", "IC", "TA", "AC"})  # fmt: skip


@dataclass
class Entry:
    """One gazetteer entry (see ``build.py`` for the stored layout)."""

    kind: str
    key: str
    name: str | None
    country: str | None
    title: str | None
    aliases: list[str] = field(default_factory=list)

    def row(self) -> list[object]:
        """Compact JSON row; aliases de-duplicated, name first."""
        # A demonym's name is its country's; "North Korea" is not an alias of "North Korean".
        names = self.aliases if self.kind == "DEMONYM" else [self.name or "", *self.aliases]
        seen = dict.fromkeys(a for a in names if a)
        return [self.kind, self.key, self.name, self.country, self.title, list(seen)]


# CLDR's display names where news English says it differently.
_ENGLISH = {
    "HK": "Hong Kong", "MO": "Macau", "MM": "Myanmar", "CG": "Republic of the Congo",
    "CD": "Democratic Republic of the Congo", "PS": "Palestine", "CI": "Ivory Coast",
    "CZ": "Czech Republic", "TR": "Turkey", "VA": "Vatican City",
}  # fmt: skip


def cldr_countries() -> dict[str, Entry]:
    """ISO3 → country entry with CLDR English and Arabic names (and variants)."""
    import pycountry
    from babel import Locale

    en, ar = Locale("en"), Locale("ar")
    out: dict[str, Entry] = {}
    for country in pycountry.countries:
        a2, a3 = country.alpha_2, country.alpha_3
        if a2 in _NOT_COUNTRIES or a2 not in en.territories:
            continue
        name = _ENGLISH.get(a2) or re.sub(r"\s*\(.*\)$", "", en.territories[a2])
        aliases = [name, en.territories[a2], country.name, ar.territories.get(a2, "")]
        aliases += [getattr(country, "common_name", ""), _variant(en, a2), _variant(ar, a2)]
        out[a3] = Entry("GPE", f"GPE:{a3}", name, a3, None, [a for a in aliases if a])
    return out


def _variant(locale: object, a2: str) -> str:
    """CLDR's short/variant form of a territory name, when it has one."""
    for suffix in ("-alt-short", "-alt-variant"):
        value = getattr(locale, "territories", {}).get(a2 + suffix)
        if value:
            return str(value)
    return ""


def _rows(path: Path, width: int) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            rows.append(cells + [""] * (width - len(cells)))
    return rows


def read_curated(path: Path, countries: dict[str, Entry]) -> list[Entry]:
    """Entries of curated.tsv; a GPE named like its country merges with that country."""
    out = []
    for kind, name, country, title, aliases in _rows(path, 5):
        is_country = kind == "GPE" and country in countries
        if is_country and name in (countries[country].name, *countries[country].aliases):
            key = f"GPE:{country}"
        else:
            key = f"{kind}:{name}"
        alias_list = [a.strip() for a in aliases.split("|") if a.strip()]
        out.append(Entry(kind, key, name, country or None, title or None, alias_list))
    return out


def _arabic_forms(masculine: str) -> list[str]:
    """الروسي/الروسية/الروس... : feminine per word; plurals for one-word adjectives."""
    if masculine.endswith("!"):  # a broken plural or other fixed form: "روس!" (الروس)
        return [masculine[:-1]]
    words = masculine.split()
    forms = [masculine, " ".join(w + "ة" for w in words)]
    if len(words) == 1:
        forms += [masculine + "ون", masculine + "ين", masculine + "تين", masculine + "ان"]
    return forms


def demonyms(path: Path, countries: dict[str, Entry]) -> list[Entry]:
    """DEMONYM entries: adjectives that name a country ("Russian", "الروسية")."""
    out = []
    for iso3, english, arabic in _rows(path, 3):
        aliases = [a for a in english.split("|") if a]
        for form in (a for a in arabic.split("|") if a):
            aliases += _arabic_forms(form)
        name = countries[iso3].name if iso3 in countries else None
        out.append(Entry("DEMONYM", f"DEMONYM:{iso3}", name, iso3, None, aliases))
    return out
