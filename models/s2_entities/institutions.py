"""People's names inside institution names, and names longer than their alias.

"مركز الملك سلمان للإغاثة", "مطار الملك عبدالله بن عبدالعزيز", "King Fahd
International Airport": a person's alias after (Arabic) or before (English) an
institution noun names the institution, not the person. "سفير خادم الحرمين
الشريفين" is the king's ambassador. :func:`institution_matches` rewrites such
PERSON matches; :func:`extend_names` stops a surname alias ("Kim") from
swallowing another person ("Kim Kye-Gwan") and lets a known name run on to the
capitalised words written with it ("Raul Castro Ruz"); :func:`whole_names` looks
the other way, at the forenames written before a one-word alias ("Rafik Al-Hariri").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from models.s1_document.normalize import Token, fold, norm_phrase, proclitic_variants, tokenize
from models.s2_entities.fallback import forenames
from models.s2_entities.gazetteer import Record
from models.s2_entities.gazetteer.countries import adjective
from models.s2_entities.matches import Match, made
from models.s2_entities.titled import skip_back
from models.s2_entities.titles import localise, title_before

_AR_LOC = frozenset(norm_phrase("مطار مدينة شارع ميناء قاعدة جسر طريق ميدان حي مرفأ"))
_AR_ORG = frozenset(norm_phrase(
    "مركز جامعة مستشفى مؤسسة جائزة مجمع معهد مكتبة صندوق برنامج كلية مدرسة مسجد جامع "
    "مستشفيات أكاديمية ملعب قصر"
))  # fmt: skip
# "سفير خادم الحرمين": an envoy noun in construct with a person is that person's envoy.
_AR_ENVOY = {
    fold(w): t
    for w, t in (
        ("سفير", "Ambassador"),
        ("مبعوث", "Envoy"),
        ("ممثل", "Representative"),
        ("مندوب", "Representative"),
    )
}
_EN_LOC = frozenset(norm_phrase(
    "airport street road bridge base port city square park causeway avenue"
))  # fmt: skip
_EN_ORG = frozenset(norm_phrase(
    "center centre university hospital foundation prize award mosque institute "
    "library fund stadium palace complex college school academy museum"
))  # fmt: skip
# Capitalised words that follow a name without being part of it.
_NOT_NAMES = frozenset(norm_phrase(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december administration "
    "government cabinet the and of in on at to for with by from said says"
)) | _EN_LOC | _EN_ORG  # fmt: skip
_MAX_EXTRA = 2


def institution_matches(
    text: str, tokens: Sequence[Token], matches: Sequence[Match]
) -> list[Match]:
    """Replacements for PERSON matches that name an institution or an envoy."""
    out: list[Match] = []
    for m in matches:
        if m.record.kind != "PERSON":
            continue
        if tokens[m.first].surface.isascii():
            found = _english(tokens, m)
        else:
            found = _envoy(tokens, m) or _arabic(tokens, m)
        if found is not None:
            out.append(found)
    return out


def _head(tok: Token) -> tuple[str, int] | None:
    """(kind, proclitic letters) when ``tok`` is an institution noun ("بمطار")."""
    for stripped, norm in ((0, tok.norm), *proclitic_variants(tok.surface)):
        if norm in _AR_LOC:
            return "LOC", stripped
        if norm in _AR_ORG:
            return "ORG", stripped
    return None


def _arabic(tokens: Sequence[Token], m: Match) -> Match | None:
    first = skip_back(tokens, m.first)
    titled = title_before(tokens, first)
    if titled is not None:
        first = titled[1]
    head = _head(tokens[first - 1]) if first else None
    if head is None:
        return None
    last = m.last
    while last < len(tokens) and last - m.last < _MAX_EXTRA + 1:
        word = fold(tokens[last].surface)  # "الدولي", "للإغاثة": the rest of the name
        if not (word.startswith("لل") or (word.startswith("ال") and word.endswith(("ي", "يه")))):
            break
        last += 1
    kind, stripped = head
    return made(first - 1, last, kind, tokens, m.record.country, stripped=stripped)


def _envoy(tokens: Sequence[Token], m: Match) -> Match | None:
    if m.first == 0:
        return None
    title = _AR_ENVOY.get(fold(tokens[m.first - 1].surface))
    if title is None:
        return None
    iso = m.record.country
    local = localise(title, iso)
    name = f"{adjective(iso)} {local}" if iso and adjective(iso) else None
    key = f"TITLE:{title}:{iso}" if iso else None
    return made(m.first - 1, m.last, "PERSON", tokens, iso, name, title, key=key)


def _english(tokens: Sequence[Token], m: Match) -> Match | None:
    first = skip_back(tokens, m.first)
    titled = title_before(tokens, first)
    first = titled[1] if titled is not None else first
    for k in range(m.first, min(m.last + _MAX_EXTRA + 1, len(tokens))):
        if k >= m.last and not tokens[k].surface[:1].isupper():
            break
        norm = tokens[k].norm
        if norm in _EN_LOC or norm in _EN_ORG:
            kind = "LOC" if norm in _EN_LOC else "ORG"
            name = " ".join(t.surface for t in tokens[first : k + 1])
            return made(first, k + 1, kind, tokens, m.record.country, name)
    return None


def extend_names(text: str, tokens: Sequence[Token], matches: Sequence[Match]) -> list[Match]:
    """English PERSON matches followed by capitalised name words: a one-word alias
    becomes an unknown person ("Kim Kye-Gwan"); a longer one takes the words on."""
    starts = {m.first for m in matches}
    out: list[Match] = []
    for m in matches:
        last = m.last
        if m.record.kind == "PERSON" and tokens[m.first].surface.isascii():
            while last < len(tokens) and last - m.last < _MAX_EXTRA and last not in starts:
                tok, gap = tokens[last], text[tokens[last - 1].end : tokens[last].start]
                if gap.strip(" -") or not gap or not tok.surface[:1].isupper():
                    break
                if tok.norm in _NOT_NAMES or not tok.surface.isalpha():
                    break
                last += 1
        if last == m.last:
            out.append(m)
        elif m.last - m.first == 1:
            surface = text[tokens[m.first].start : tokens[last - 1].end]
            out.append(Match(m.first, last, 0, Record("PERSON", "PERSON:" + " ".join(
                t.norm for t in tokens[m.first : last]), surface, None, None, ())))  # fmt: skip
        else:
            out.append(Match(m.first, last, m.stripped, m.record))
    return out


def whole_names(text: str, tokens: Sequence[Token], matches: Sequence[Match]) -> list[Match]:
    """A known person's one-word alias with capitalised forenames glued before it: the
    person's own ("Abdel Fattah el-Sisi") widen the match; another's ("Rafik Al-Hariri"
    is not Saad Hariri) drop it, there and in the rest of the text ("Al-Hariri said"),
    and stage 2's fallback names the whole as an unknown person."""
    covered = {k for m in matches for k in range(m.first, m.last)}
    out = []
    others: set[str] = set()  # people a surname named someone else for, earlier in the text
    for m in matches:
        rec = m.record
        if rec.kind != "PERSON" or m.last - m.first != 1 or m.stripped or not rec.name:
            out.append(m)
            continue
        first = forenames(text, tokens, m.first, covered)
        if first == m.first:  # the bare surname: whoever the article named with it first
            if rec.key not in others:
                out.append(m)
            continue
        names = {t.norm for alias in (rec.name, *rec.aliases) for t in tokenize(alias)}
        if all(t.norm in names for t in tokens[first : m.first]):
            out.append(replace(m, first=first))
        else:
            others.add(rec.key)
    return out
