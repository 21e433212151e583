"""Sentence signals from lexicons: which event types a sentence mentions, with what status.

The trained heads will produce the same :class:`SentenceSignal` objects; the
assembly stage does not care which produced them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from models.mentions import Sentence, SentenceSignal, Trigger
from models.s1_document.clauses import Clause, clause_index, split_clauses
from models.s1_document.normalize import Token, fold, tokenize
from models.s1_document.phrases import PhraseHit, token_readings
from models.s2_entities.items import item_matcher
from models.s4_triggers.resources import Lexicons, lexicons
from models.s4_triggers.status import trigger_status
from models.schema import EventType, Status

# Words that open a reported clause: cues after one are not a noun trigger's before it.
_COMPLEMENTISERS = frozenset(fold(w) for w in ("أن", "إن", "أنه", "إنه", "بأن", "وأن"))
# English "that" opens one only after a reporting verb ("told Wang during a visit to
# Beijing that Russia would help"); else it may be a relative ("a tour that will take
# him to Kuwait", where "will" is the tour's).
_REPORTING = frozenset(
    fold(w)
    for w in ("said", "says", "told", "tells", "announced", "added", "stressed", "warned",
              "noted", "insisted", "confirmed", "stated", "assured", "argued")
)  # fmt: skip

if TYPE_CHECKING:
    from models.s1_document.document import Document

# A verb names its event more surely than a noun ("talks" is also a topic).
VERB_SCORE, NOUN_SCORE = 0.8, 0.6


@dataclass(slots=True)
class LexiconSignal(SentenceSignal):
    """A sentence signal that also knows each trigger's own status.

    Keyed by the trigger's (start, end); assembly reads it when present, since
    one sentence may hold a planned meeting and an occurred visit.
    """

    trigger_status: dict[tuple[int, int], Status] = field(default_factory=dict)
    # Hard-negative phrases ("اتصال هاتفي", "phone call"): type and first and last
    # word (sentence token indices), for the core's triggers beside them.
    blockers: list[tuple[str, int, int]] = field(default_factory=list)


def _in_clause(hit: PhraseHit, clause: Clause) -> bool:
    return clause.start <= hit.start < clause.end


def _glued(text: str, tokens: list[Token], hit: PhraseHit) -> bool:
    """ "Western-supplied rockets": a trigger hyphened to the word before modifies a noun."""
    before = hit.start - 1
    return hit.first > 0 and text[before : hit.start] == "-" and tokens[hit.first - 1].end == before


def _object_of_verb(hit: PhraseHit, kept: list[PhraseHit], clauses: list[Clause]) -> bool:
    """ "سلمت مصر الدفعة الأولى", "delivered the first shipment": a noun after a verb of
    its type in its clause is the verb's object, the same event (and the verb's status)."""
    if not hit.label.endswith("|noun"):
        return False
    clause = clauses[clause_index(clauses, hit.start)]
    event_type = hit.label.split("|")[0]
    return any(
        other.label.split("|")[0] == event_type
        and not other.label.endswith("|noun")
        and clause.start <= other.start < hit.start
        for other in kept
    )


class LexiconSignals:
    """Finds triggers, applies negation and blockers, and sets each type's status.

    >>> from models.mentions import Sentence
    >>> text = "Lavrov met Choe in Moscow."
    >>> sig = LexiconSignals().detect([Sentence(0, len(text), text)], "en")[0]
    >>> sig.types, sig.status
    ({'MEETING': 0.8}, {'MEETING': 'occurred'})
    """

    def add_to(self, doc: Document) -> None:
        """Stage 4 over a document: its ``signals`` layer, one per sentence, read from
        the document's words and clauses."""
        lex = lexicons(doc.language)
        doc.signals = [
            self._one(s, lex, doc.sentence_tokens(i, local=True), doc.clauses(i))
            for i, s in enumerate(doc.sentences)
        ]

    def detect(self, sentences: Sequence[Sentence], language: str) -> list[LexiconSignal]:
        """One signal per sentence (empty ``types`` when it names no event)."""
        lex = lexicons(language)
        return [self._one(s, lex, tokenize(s.text), split_clauses(s.text)) for s in sentences]

    def _one(
        self, sentence: Sentence, lex: Lexicons, tokens: list[Token], clauses: list[Clause]
    ) -> LexiconSignal:
        reads = token_readings(tokens)  # shared by the five matchers below
        cues = lex.cues.find_tokens(tokens, reads)
        signal = LexiconSignal(sentence=sentence)
        blockers = lex.blockers.find_tokens(tokens, reads)
        signal.blockers = [(b.label, b.first, b.last) for b in blockers]
        kept = self._kept_triggers(sentence.text, tokens, reads, clauses, lex, blockers)
        reported = _complementisers(tokens)
        for hit in kept:
            event_type, form = hit.label.split("|")
            etype: EventType = event_type  # type: ignore[assignment]
            k = clause_index(clauses, hit.start)
            status = trigger_status(
                hit, form.removesuffix("_in"), clauses[k], clauses[k + 1 :], cues, kept, reported
            )
            score = NOUN_SCORE if form == "noun" else VERB_SCORE
            trigger = Trigger(
                sentence.start + hit.start,
                sentence.start + hit.end,
                sentence.text[hit.start : hit.end],
                etype,
            )
            signal.triggers.append(trigger)
            signal.trigger_status[(trigger.start, trigger.end)] = status
            if etype not in signal.types:
                signal.status[etype] = status
            signal.types[etype] = max(signal.types.get(etype, 0.0), score)
        return signal

    def _kept_triggers(
        self,
        text: str,
        tokens: list[Token],
        reads: list[frozenset[str]],
        clauses: list[Clause],
        lex: Lexicons,
        blockers: list[PhraseHit],
    ) -> list[PhraseHit]:
        """Triggers that survive negation, hard-negative blockers and the weapons test."""
        negated = {h.last for h in lex.negation.find_tokens(tokens, reads)}
        weapons = item_matcher().find_tokens(tokens, reads)
        kept = []
        for hit in lex.triggers.find_tokens(tokens, reads):
            event_type = hit.label.split("|")[0]
            clause = clauses[clause_index(clauses, hit.start)]
            if {hit.first - 1, hit.first - 2} & negated or _glued(text, tokens, hit):
                continue
            if any(b.label == event_type and _in_clause(b, clause) for b in blockers):
                continue
            if event_type == "ARMS_TRANSFER" and not any(_in_clause(w, clause) for w in weapons):
                continue
            kept.append(hit)
        return [hit for hit in kept if not _object_of_verb(hit, kept, clauses)]


def _complementisers(tokens: Sequence[Token]) -> list[int]:
    """Where the sentence's complementisers start (sentence offsets)."""
    out, reporting = [], False
    for token in tokens:
        word = fold(token.surface)
        reporting = reporting or word in _REPORTING
        if word in _COMPLEMENTISERS or (word == "that" and reporting):
            out.append(token.start)
    return out
