"""Extraction cost grows linearly with article length.

Each test times one stage on a synthetic article of n and of 4n sentences in the
same run and checks the ratio: about 4 when the stage is linear, 16 when it
compares all pairs of sentences, mentions or events (the old assembly did:
1,000 real sentences cost 6x 250, a sentence of 20,000 words 30x one of 5,000).
No absolute time is asserted; ``eventwire bench --long-articles`` prints those.
CPU time of this process, best of three, so another process on the machine
moves the figures little.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from models.extractors.lexicon import LexiconExtractor
from models.mentions import Mention, Sentence
from models.s1_document import Document
from models.s1_document.sentences import MAX_SENTENCE_CHARS, split_sentences
from models.s2_entities.finder import EntityFinder
from models.s3_times.dates import add_times
from models.s6_core.reader import Reading, RoleReading, TriggerReading
from models.s6_core.spans import Span
from models.s7_assemble.build import is_complete
from models.s7_assemble.merge import merge
from models.s7_assemble.pipeline import finish
from models.s7_assemble.readings import article_candidates
from models.schema import Article, ExtractorInfo

LINEAR = 6.0  # the bound on time(4n) / time(n): linear is 4, quadratic 16
INFO = ExtractorInfo(name="test", version="0", model="none")

# Real shapes of news prose: known and unknown names, titles, bare surnames, dates,
# all three event types. ``{i}`` makes new people as the article goes on, so the
# article holds many distinct events, not one event mentioned n times.
TEMPLATES = (
    "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in "
    "Beijing on Monday.",
    "Envoy Zorbalak{i} met Amari Folasade{i} in Lagos on 12 March 2019 to discuss trade.",
    "Lavrov said the talks with Folasade{i} were constructive.",
    "The Egyptian president received a delegation of Mongolian entrepreneurs in Cairo.",
    "Prime Minister Tenzin Dorje{i} visited Moscow last week and met officials there.",
    "Russia delivered S-400 missiles to India last year, the Kremlin said.",
    "وصل وزير الخارجية الروسي سيرغي لافروف إلى القاهرة يوم الثلاثاء في زيارة رسمية.",
    "Markets were calm and the weather in the capital stayed mild.",
)


def synthetic(n: int) -> str:
    """An article of ``n`` sentences cycling through the templates."""
    return " ".join(TEMPLATES[k % len(TEMPLATES)].format(i=_letters(k)) for k in range(n))


def _letters(k: int) -> str:
    """``k`` as syllables ("kalo"): a name part without digits (digits mark weapons)."""
    out = ""
    while True:
        k, digit = divmod(k, 6)
        out += ("ka", "lo", "mi", "ne", "su", "ta")[digit]
        if not k:
            return out


def cpu_seconds(run: Callable[[], object], repeat: int = 3) -> float:
    """Best CPU time of ``repeat`` runs of ``run``, the garbage collector off while it runs:
    in the whole suite the heap left by earlier tests makes its pauses grow with the
    allocations of the larger run (a ratio of 6.7 once, 4.2 alone), which says nothing of
    the stage's own growth."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    """time(4n) / time(n) of the stage ``make(size)`` returns (warmed up first)."""
    make(n)()  # caches (gazetteer, word folding) filled outside the timing
    return cpu_seconds(make(4 * n)) / cpu_seconds(make(n))


@pytest.fixture(scope="module")
def lexicon() -> LexiconExtractor:
    return LexiconExtractor()


def test_lexicon_extractor_is_linear_in_sentences(lexicon: LexiconExtractor) -> None:
    def make(n: int) -> Callable[[], object]:
        article = Article(id="long", text=synthetic(n), published_at="2019-03-14")
        return lambda: lexicon.extract_batch([article])

    ratio = growth(make, 400)  # the old assembly: 6.7 at 300, more beyond
    print(f"lexicon, synthetic prose: time(1600)/time(400) = {ratio:.2f}")
    assert ratio < LINEAR


def test_a_text_without_sentence_ends_is_linear_too(lexicon: LexiconExtractor) -> None:
    # No punctuation at all: without the splitter's length cap this is one sentence,
    # and the per-sentence rules compare its names and words with each other.
    words = synthetic(400).replace(".", "").replace(",", "").split()

    def make(n: int) -> Callable[[], object]:
        text = " ".join(words[k % len(words)] for k in range(n))
        return lambda: lexicon.extract_batch([Article(id="run-on", text=text)])

    assert max(len(s.text) for s in split_sentences(" ".join(words))) <= MAX_SENTENCE_CHARS
    ratio = growth(make, 3_000)  # several pieces of the cap's length at either size
    print(f"lexicon, no sentence end: time(12000 words)/time(3000 words) = {ratio:.2f}")
    assert ratio < LINEAR


def core_case(n: int) -> Document:
    """A synthetic article through stages 1-3, with readings made up from its mentions
    (see :func:`_reading`) as the core's layer."""
    doc = Document.read(Article(id="core", text=synthetic(n), language="en"))
    EntityFinder(default_titles=False).add_to(doc)
    add_times(doc)
    doc.readings = [_reading(s, doc.mentions) for s in doc.sentences]
    return doc


def core_assembly(n: int) -> Callable[[], object]:
    """The learned core's assembly, readings to events, without the model."""
    doc = core_case(n)

    def run() -> object:
        doc.candidates = article_candidates(doc)
        return finish(doc, INFO)

    return run


def _reading(sentence: Sentence, mentions: list[Mention]) -> Reading | None:
    """A meeting of the sentence's first and last people or organisations, read at the
    word after the first; both named by the entity head too."""
    parties = [
        (m.start - sentence.start, m.end - sentence.start)
        for m in mentions
        if sentence.start <= m.start and m.end <= sentence.end and m.kind in ("PERSON", "ORG")
    ]
    if len(parties) < 2:
        return None
    first, last = parties[0], parties[-1]
    after = sentence.text.find(" ", first[1] + 1)
    trigger = (first[1] + 1, after if after > 0 else first[1] + 1)
    roles = tuple(RoleReading(a, b, "participant", 0.9) for a, b in (first, last))
    return Reading(
        entities=[Span(a, b, "PER") for a, b in (first, last)],
        arguments=[Span(a, b, "ARG") for a, b in (first, last)],
        triggers=[TriggerReading(*trigger, "MEETING", 0.9, "occurred", 0.9, roles)],
    )


def test_core_assembly_from_readings_is_linear() -> None:
    cands = article_candidates(core_case(80))
    assert sum(is_complete(c) for c in merge(cands)) >= 10  # the readings do make events
    ratio = growth(core_assembly, 150)
    print(f"core assembly: time(600)/time(150) = {ratio:.2f}")
    assert ratio < LINEAR
