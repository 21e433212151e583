"""``eventwire bench --long-articles``: extraction time per article against its length.

Long articles (speeches, transcripts, reports, live blogs) are built from real
news: consecutive sentences of the shared news files, Arabic and English,
joined into one text of exactly N sentences. Two degenerate texts of the same
size stand beside them: one word per line (each line is a sentence) and the
English article's words with every punctuation mark removed (no sentence end
at all, so only the splitter's length cap cuts it). Each article is extracted
alone, the way the seam times one article against ``EVENTWIRE_MAX_EXTRACT_S``.

The curve shows whether cost grows linearly with length and which sentence and
character limits the per-article time budget allows; the README quotes a run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from models.base import Extractor
from models.s1_document.sentences import split_sentences
from models.schema import Article
from stream.bench.corpus import SHARED_NEWS, read_jsonl
from stream.bench.report import machine
from stream.seam import load_extractor, sentence_count
from stream.settings import Settings

SIZES = (10, 30, 100, 300, 1000, 3000, 5000)
SOURCES = {"en": "en_newswire_te3silver.jsonl", "ar": "ar_saudinewsnet_politics.jsonl"}
SERIES = ("en", "ar", "one-word lines", "no sentence ends")
_NOT_WORD = re.compile(r"[^\w]+")
_WARMUP_SENTENCES = 200


@dataclass(frozen=True)
class Point:
    """One article of the curve and its extraction."""

    series: str
    size: int  # N: the sentences (lines for one-word lines) the text was built from
    sentences: int  # as the extractor splits the text
    sentence_ends: int  # as the seam counts them against EVENTWIRE_MAX_SENTENCES
    chars: int
    utf8_kb: float
    wall_s: float
    cpu_s: float
    events: int

    @property
    def ms_per_sentence(self) -> float:
        return 1000 * self.wall_s / max(self.sentences, 1)


def real_sentences(news: Path, language: str, limit: int) -> tuple[list[str], str | None]:
    """The first ``limit`` sentences of the language's news file, in order, and the
    first article's publication date. Raises FileNotFoundError without the file."""
    path = news / SOURCES[language]
    found: list[str] = []
    published: str | None = None
    for article in read_jsonl(path):  # opens the file: FileNotFoundError if absent
        published = published or article.get("published_at")
        found += [s.text for s in split_sentences(article["text"], language)]
        if len(found) >= limit:
            break
    return found[:limit], published


def texts(news: Path, sizes: Sequence[int]) -> Iterator[tuple[str, int, str, str | None, str]]:
    """(series, N, language, published_at, text) for every series and size N the news
    files hold, smallest first; the warm-up articles first of all."""
    top = max(sizes) + _WARMUP_SENTENCES
    pools = {lang: real_sentences(news, lang, top) for lang in SOURCES}
    # The warm-up article uses sentences the measured ones do not start with.
    for lang, (pool, published) in pools.items():
        yield "warm-up", _WARMUP_SENTENCES, lang, published, " ".join(pool[-_WARMUP_SENTENCES:])
    en, published = pools["en"]
    words = " ".join(en).split()
    # A size the files cannot fill with real sentences is left out, not padded.
    fill = min(len(pool) for pool, _ in pools.values())
    for n in sorted(k for k in sizes if k <= fill):
        for lang, (pool, when) in pools.items():
            yield lang, n, lang, when, " ".join(pool[:n])
        yield "one-word lines", n, "en", published, "\n".join(words[:n])
        bare = (_NOT_WORD.sub("", w) for w in " ".join(en[:n]).split())
        yield "no sentence ends", n, "en", published, " ".join(w for w in bare if w)


def measure(extractor: Extractor, series: str, size: int, article: Article) -> Point:
    """Extract ``article`` alone and time it (wall and this process's CPU)."""
    cpu, wall = time.process_time(), time.perf_counter()
    [events] = extractor.extract_batch([article])
    wall_s, cpu_s = time.perf_counter() - wall, time.process_time() - cpu
    text = article.text
    language = article.language
    return Point(
        series=series,
        size=size,
        sentences=len(split_sentences(text, language)),
        sentence_ends=sentence_count(text),
        chars=len(text),
        utf8_kb=round(len(text.encode()) / 1000, 1),
        wall_s=round(wall_s, 3),
        cpu_s=round(cpu_s, 3),
        events=len(events),
    )


def run_long(
    settings: Settings,
    news: Path = SHARED_NEWS,
    sizes: Sequence[int] = SIZES,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Every point of the curve, with the machine and the limits in force.

    Raises FileNotFoundError when the shared news files are missing (real text
    is the point of the curve: there is no bundled stand-in).
    """
    at_start = machine()
    started = time.perf_counter()
    extractor = load_extractor(settings)
    load_s = time.perf_counter() - started
    points: list[Point] = []
    for series, size, language, published, text in texts(news, sizes):
        article = Article(id=f"long-{series}-{size}", text=text, language=language,
                          published_at=published)  # fmt: skip
        point = measure(extractor, series, size, article)
        if series != "warm-up":
            points.append(point)
            progress(f"{series}: {point.sentences} sentences, {point.wall_s:.2f} s")
    return {
        "extractor": settings.extractor,
        "extractor_load_s": round(load_s, 2),
        "limits": {
            "max_sentences": settings.max_sentences,
            "max_text_chars": settings.max_text_chars,
            "max_extract_s": settings.max_extract_s,
        },
        "machine": at_start | {"load_avg_1m_end": machine()["load_avg_1m"]},
        "points": [asdict(p) | {"ms_per_sentence": round(p.ms_per_sentence, 2)} for p in points],
    }
