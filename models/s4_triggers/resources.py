"""The lexicon data files, loaded once into phrase matchers.

Labels encode what a phrase means, ``TYPE|form`` for triggers (form: past,
past_in, present, future, noun), ``status`` for status cues (a trailing ``+``
in the data marks a cue that only counts right before a trigger), ``TYPE`` for
blockers. Languages other than Arabic and English use both lists: the
Arabic-script and Latin-script entries simply never meet the wrong script.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from models.s1_document.phrases import PhraseMatcher

ADJACENT = "+"


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Compiled matchers for one language."""

    triggers: PhraseMatcher
    cues: PhraseMatcher
    negation: PhraseMatcher
    blockers: PhraseMatcher


def _load(name: str) -> dict[str, Any]:
    data = resources.files("models.s4_triggers").joinpath("data").joinpath(name).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def _langs(language: str) -> tuple[str, ...]:
    return (language,) if language in ("ar", "en") else ("ar", "en")


def _trigger_phrases(langs: tuple[str, ...]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for event_type, by_lang in _load("triggers.json").items():
        if event_type.startswith("_"):
            continue
        for lang in langs:
            for form, phrases in by_lang[lang].items():
                out += [(p, f"{event_type}|{form}") for p in phrases]
    return out


def _cue_phrases(section: dict[str, Any], langs: tuple[str, ...]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for label, by_lang in section.items():
        for lang in langs:
            for phrase in by_lang.get(lang, []):
                adjacent = phrase.endswith(ADJACENT)
                out.append((phrase.rstrip(ADJACENT + " "), label + (ADJACENT if adjacent else "")))
    return out


@lru_cache(maxsize=4)
def lexicons(language: str) -> Lexicons:
    """The matchers for ``language`` (cached: building them takes a few ms)."""
    langs = _langs(language)
    cues = _load("cues.json")
    negation = [(p, "neg") for lang in langs for p in cues["negation"][lang]]
    return Lexicons(
        triggers=PhraseMatcher(_trigger_phrases(langs)),
        cues=PhraseMatcher(_cue_phrases(cues["status"], langs)),
        negation=PhraseMatcher(negation),
        blockers=PhraseMatcher(_cue_phrases(cues["blockers"], langs)),
    )
