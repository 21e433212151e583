"""Invented names for augmentation: so the model cannot lean on knowing a name.

Training lines are copied with their people's names swapped for names built from
syllables of many naming traditions, in Latin and Arabic script, none of them in
any gazetteer. Deterministic for a given ``random.Random``.
"""

from __future__ import annotations

import random

# Syllable inventories loosely after several naming traditions (no real names listed).
_LATIN = {
    "west_african": (
        ["A", "O", "Ba", "Ko", "Fo", "Ade", "Chi", "Nna", "Tun", "Yem", "Ola", "Kwa"],
        ["ma", "ko", "la", "de", "bo", "nwe", "tun", "si", "fe", "mi", "yo", "ji"],
    ),
    "central_asian": (
        ["Nur", "Ai", "Bek", "Zhan", "Ker", "Dau", "Tol", "Ser", "Asy", "Or"],
        ["bek", "gul", "zhan", "dar", "tai", "bol", "syn", "at", "khan", "ym"],
    ),
    "latin_american": (
        ["Ca", "Ma", "Lu", "Ro", "Fe", "Va", "Ga", "Xi", "Ta", "Pa"],
        ["rlo", "tias", "ciana", "drigo", "rnanda", "lentín", "bri", "mena", "quez", "blo"],
    ),
    "pacific": (
        ["Ma", "Te", "Ka", "Lo", "Ri", "Ta", "Pu", "Ha", "Wai", "Moa"],
        ["ui", "hau", "ke", "lani", "moana", "nui", "ata", "ko", "wai", "ri"],
    ),
    "nordic": (
        ["Sig", "Ing", "Tor", "Hal", "Bjø", "Ast", "Rag", "Sol", "Eir", "Thor"],
        ["rid", "vald", "mund", "stein", "rn", "dís", "nhild", "veig", "ik", "leif"],
    ),
    "south_asian": (
        ["Ra", "Pri", "Anu", "Vik", "Sun", "Dee", "Har", "Kav", "Ish", "Man"],
        ["jesh", "ya", "radha", "ram", "deep", "pika", "preet", "ita", "aan", "ohar"],
    ),
    "east_asian": (
        ["Zhao", "Min", "Hyun", "Tak", "Li", "Jun", "Sei", "Wen", "Dae", "Yu"],
        ["lin", "ho", "ji", "shi", "wei", "ko", "jun", "ming", "seok", "na"],
    ),
}
_ARABIC = (
    ["زو", "را", "كا", "نو", "بي", "سا", "تا", "مي", "لو", "فا", "دا", "غو", "يا", "شا"],
    [
        "ربك",
        "مين",
        "لاني",
        "دوف",
        "سيمو",
        "كور",
        "تيان",
        "بالا",
        "نغو",
        "ريكا",
        "زاد",
        "لوف",
        "ماتا",
    ],
)


def _word(rng: random.Random, heads: list[str], tails: list[str]) -> str:
    return rng.choice(heads) + rng.choice(tails)


def invented_name(rng: random.Random, script: str) -> str:
    """A two-word invented personal name in ``script`` ("latin" or "arabic")."""
    if script == "arabic":
        return f"{_word(rng, *_ARABIC)} {_word(rng, *_ARABIC)}"
    heads, tails = _LATIN[rng.choice(sorted(_LATIN))]
    return f"{_word(rng, heads, tails)} {_word(rng, heads, tails)}"
