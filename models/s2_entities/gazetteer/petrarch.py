"""Mine person aliases from UniversalPetrarch (TABARI-format) actor dictionaries.

The dictionaries are stale (nothing after ~2016) and noisy, so only one kind of
entry is kept: people with a name of two words or more who held a government
(``GOV``) code that was still valid in 2000 or later. Aliases that carry a
title ("PRESIDENT_PUTIN") are dropped: titles are detected separately.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

_CODE = re.compile(r"\[([~A-Z]+)\s*([^\]]*)\]")
_TITLE_WORDS = frozenset(
    " ".join(
        (
            "president prime minister secretary king queen prince general chief leader",
            "premier chancellor foreign defense defence ambassador spokesman sheikh emir sultan",
            "mr dr رئيس وزير وزيرة ملك أمير امير الأمير ولي",
            "عهد الرئيس الملك شيخ الشيخ سفير ناطق متحدث senator governor gov administration",
            "kanzler bundeskanzler colonel former elect pm vice the un united nations",
        )
    ).split()
)


@dataclass
class Actor:
    """One dictionary entry: its names and its ``[CODE dates]`` lines."""

    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)


def _clean(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def parse(path: Path) -> Iterator[Actor]:
    """Entries of one dictionary file, in order."""
    current: Actor | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        codes = _CODE.findall(body)
        head = _CODE.sub("", body)
        if body[0] not in " \t+" and head.strip():
            if current is not None:
                yield current
            current = Actor(names=[_clean(head)])
        elif body.startswith("+") and current is not None:
            current.names.append(_clean(head.lstrip("+")))
        if current is not None:
            current.codes.extend(codes)
    if current is not None:
        yield current


def _recent(dates: str) -> bool:
    """True when a code's date range reaches 2000 or later (or is open)."""
    years = [int(d[:4]) for d in re.findall(r"\d{8}", dates)]
    return not years or max(years) >= 2000 or dates.strip().startswith(">")


def government_country(actor: Actor, countries: set[str]) -> str | bool | None:
    """ISO3 of a recent GOV code; None for an IGO; False when not a government person."""
    for code, dates in reversed(actor.codes):
        if "GOV" in code[3:] and dates.strip() and _recent(dates):
            return code[:3] if code[:3] in countries else None
    return False


def usable_names(actor: Actor) -> list[str]:
    """Multi-word names without title words, in title case for Latin script."""
    out = []
    for name in actor.names:
        words = name.split()
        parts = re.split(r"[\s\-]+", name.lower())
        if len(words) < 2 or any(w.strip(".") in _TITLE_WORDS for w in parts):
            continue
        if name not in _WRONG_MERGES:
            out.append(_title_case(name) if name.isupper() else name)
    return out


def _title_case(name: str) -> str:
    """ "ABDULLAH_II" → "Abdullah II": regnal numbers stay upper case."""
    return " ".join(w if re.fullmatch(r"[IVX]+", w) else w.title() for w in name.split())


# Entries the dictionaries file under the wrong person.
_WRONG_MERGES = frozenset({"GEORGE HERBERT WALKER BUSH", "GEORGE H. W. BUSH"})


def mine(path: Path, countries: set[str]) -> Iterator[tuple[list[str], str | None]]:
    """``(names, country)`` of the government people in one dictionary."""
    for actor in parse(path):
        country = government_country(actor, countries)
        names = usable_names(actor)
        if country is not False and names:
            yield names, country  # type: ignore[misc]
