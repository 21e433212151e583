"""Fallback names for the rule extractor: capitalised runs the gazetteer does not know.

The gazetteer finds known people and places; news is full of others ("Rubin
met with Muoi", "Zhang Shigang ... met with ... Shafqat Kakakhel"). Without a
mention a role stays empty and the event is dropped, so the lexicon extractor
adds Latin-script capitalised runs not already covered as extra mentions.
(Arabic has no capitals to tell where a name ends; the trained NER tagger of
the transformer extractor replaces this for both scripts.)

Title words are trimmed off the front ("Vice Premier Li Lanqing" → "Li
Lanqing"); a run right after in/to/at is taken for a place, one holding an
organisation word for an ORG, anything else for a person.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from models.mentions import Mention
from models.s1_document.normalize import Token, tokenize
from models.s2_entities.items import item_matcher
from models.s2_entities.titles import lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CONNECTORS = frozenset({"bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "di", "la"})
# Capitalised only because they start a sentence or name a date.
_NOT_NAMES = _words(
    """the a an this that these those there he she it they we i his her its their our
    in on at to for from with by of and or but as after before during following since
    while when where if also however meanwhile earlier later today yesterday tomorrow
    officials sources reports speaking according both two three other another such
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec mr mrs ms dr sir gen col
    lt maj capt adm sen rep gov amb lord lady sheikh premier chairman chairwoman
    secretary general vice deputy minister president prime foreign defence defense
    state chief head senior spokesman spokeswoman envoy ambassador king queen prince
    emir crown leader commander official delegation talks meeting visit summit news
    agency xinhua reuters afp ap colonel major captain admiral marshal brigadier
    lieutenant sergeant government parliament congress senate cabinet house speaker
    opposition rebel rebels police"""
)
_ORG_WORDS = _words(
    """ministry committee council party agency army forces union association company
    corp corporation bank university delegation government organization organisation
    commission office department group front movement navy command authority"""
)
# Words after which an unknown name is a place: prepositions and visit verbs
# ("visited Shenyang", "arrived in La Paz").
_PLACE_MARKERS = _words("in to at into visited visit visits toured tour")
_MAX_WORDS = 5
_OPENERS = " \"'“("  # may stand between a sentence end and its first word


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    table, _longest = lexicon()
    return frozenset(w for form in table for w in form if w.isascii())


@lru_cache(maxsize=1)
def _leading_words() -> frozenset[str]:
    """Words trimmed off the front of a run (built once, not per run)."""
    return _NOT_NAMES | _title_words()


def _capitalised(tok: Token) -> bool:
    # any cased script: "Vándor-Keszthelyi", "Vållmarsdotter" are names too (Arabic has no case)
    return tok.surface[:1].isupper()


def _runs(tokens: Sequence[Token], text: str, covered: set[int]) -> list[tuple[int, int]]:
    """Token spans [i, j) of capitalised words joined only by spaces/hyphens."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if i in covered or not _capitalised(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j not in covered and j - i < _MAX_WORDS:
            gap = text[tokens[j - 1].end : tokens[j].start]
            joined = gap in (" ", "-") or (gap == ". " and len(tokens[j - 1].surface) == 1)
            if not joined or not (_capitalised(tokens[j]) or tokens[j].norm in _CONNECTORS):
                break
            j += 1
        while j > i and tokens[j - 1].norm in _CONNECTORS:  # "Ali bin" → "Ali"
            j -= 1
        runs.append((i, j))
        i = max(j, i + 1)
    return runs


def forenames(text: str, tokens: Sequence[Token], i: int, covered: set[int]) -> int:
    """Where the capitalised words (any cased script) glued right before ``tokens[i]`` like one
    name with it begin (by spaces or hyphens, through "al", "bin", "de"...): at "Abdel"
    before "Fattah el-Sisi", at "Rafik" before "Al-Hariri"; ``i`` when there are none.
    Title and function words and words of other mentions (``covered``) end them."""
    first = k = i
    while k > 0 and k - 1 not in covered:
        tok = tokens[k - 1]
        if text[tok.end : tokens[k].start] not in (" ", "-"):
            break
        if tok.norm not in _CONNECTORS:
            if not _capitalised(tok) or tok.norm in _leading_words():
                break
            first = k - 1
        k -= 1
    return first


def _trim(tokens: Sequence[Token], i: int, j: int) -> tuple[int, int]:
    """The run without leading title/function words; empty when it ends in a title
    ("Liberian President" before a known name is a title phrase, not a name)."""
    skip = _leading_words()
    while i < j and tokens[i].norm in skip:
        i += 1
    if i < j and tokens[j - 1].norm in _title_words():
        return i, i
    # A date word ends a name: "Raghadan Palace Wednesday".
    end = next((k for k in range(i + 1, j) if tokens[k].norm in _NOT_NAMES), j)
    return i, end


def _continues_person(tokens: Sequence[Token], text: str, i: int, people: set[int]) -> bool:
    """A run glued to a known person's name is more of that name ("Raul Castro Ruz")."""
    return i > 0 and i - 1 in people and text[tokens[i - 1].end : tokens[i].start] == " "


def _kind(tokens: Sequence[Token], i: int, j: int) -> str:
    words = {t.norm for t in tokens[i:j]}
    # An unknown acronym ("FTA", "PLDT", "VFACOM") names a body, not a person.
    if words & _ORG_WORDS or (j - i == 1 and tokens[i].surface.isupper()):
        return "ORG"
    if i > 0 and tokens[i - 1].norm in _PLACE_MARKERS:
        return "LOC"
    return "PERSON"


def _weapon_name(tokens: Sequence[Token], i: int, j: int, weapons: set[int]) -> bool:
    """ "K2 tanks", "S-400", "Storm Shadow cruise missiles": a model name, not an actor."""
    digits = any(ch.isdigit() for t in tokens[i:j] for ch in t.surface)
    return digits or any(k in weapons for k in range(j, j + 2)) or len(tokens[i].surface) == 1


def _sentence_word(
    tokens: Sequence[Token], text: str, i: int, j: int, words: frozenset[str]
) -> bool:
    """ "Having ...", "Accompanied by ...", "Coordinators of ...": a lone capitalised word
    opening a sentence is a common word when it is inflected (-ing, -ed, -ers, -ors) or
    when the article also writes it in lower case (``words``: the article's pieces
    between single spaces, built once: searching the text per word was quadratic)."""
    if j - i != 1 or tokens[i].surface.isupper():
        return False
    before = tokens[i].start
    while before and text[before - 1] in _OPENERS:  # back over spaces, quotes, "("
        before -= 1
    if before and text[before - 1] not in ".!?\n":
        return False
    word = tokens[i].surface
    if word.lower().endswith(("ing", "ed", "ers", "ors")):
        return True
    return word.lower() in words


def _overlapping(tokens: Sequence[Token], mentions: Sequence[Mention]) -> set[int]:
    """Indices of the tokens that overlap some mention."""
    # Tokens are in order and disjoint, so their starts and ends are both sorted:
    # bisect each mention's token range instead of testing every pair.
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    out: set[int] = set()
    for m in mentions:
        out.update(range(bisect_right(ends, m.start), bisect_left(starts, m.end)))
    return out


def fallback_names(
    text: str, mentions: Sequence[Mention], tokens: Sequence[Token] | None = None
) -> list[Mention]:
    """``mentions`` plus a mention for each unknown capitalised name (sorted by offset).

    >>> [m.text for m in fallback_names("Rubin met with Muoi in Hanoi.", [])]
    ['Rubin', 'Muoi', 'Hanoi']
    """
    tokens = tokenize(text) if tokens is None else tokens
    covered = _overlapping(tokens, mentions)
    people = _overlapping(tokens, [m for m in mentions if m.kind == "PERSON"])
    weapons = {h.first for h in item_matcher().find_tokens(tokens)}
    words = frozenset(text.split(" "))
    extra: list[Mention] = []
    for first, j in _runs(tokens, text, covered):
        i, j = _trim(tokens, first, j)
        if i >= j or _continues_person(tokens, text, first, people):
            continue
        if _sentence_word(tokens, text, i, j, words):
            continue
        if all(t.norm in _ORG_WORDS for t in tokens[i:j]) or _weapon_name(tokens, i, j, weapons):
            continue
        start, end = tokens[i].start, tokens[j - 1].end
        kind = _kind(tokens, i, j)
        key = f"{kind}:" + " ".join(t.norm for t in tokens[i:j])
        extra.append(Mention(start, end, text[start:end], kind, key))  # type: ignore[arg-type]
    return sorted([*mentions, *extra], key=lambda m: m.start)
