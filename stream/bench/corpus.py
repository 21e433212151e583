"""The benchmark corpus: a fixed, deterministic set of Arabic and English articles.

Drawn from the bundled samples and, when present, the shared real-news files
(``../shared/data/news/*.jsonl``, never shipped in the package). Articles are
picked by a hash of their id, so the same sources always give the same
corpus, alternating languages, within a word-count window (default 400-800
words: the "~600-word article" of the targets). Without the shared files the
bundled samples are cycled under fresh ids, so a fresh clone still runs.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from stream import codec

SHARED_NEWS = Path(__file__).resolve().parents[3] / "shared" / "data" / "news"
LANGUAGES = ("ar", "en")
FIELDS = ("id", "title", "text", "language", "published_at", "source")


@dataclass(frozen=True)
class Corpus:
    """Articles (plain JSON objects) and where they came from."""

    articles: list[dict[str, Any]]
    origin: str

    @property
    def words(self) -> int:
        """Total whitespace-separated words of the article texts."""
        return sum(len(a["text"].split()) for a in self.articles)

    def describe(self) -> dict[str, Any]:
        """Size, mean words and language mix, for the report."""
        n = len(self.articles)
        langs = {lang: sum(a.get("language") == lang for a in self.articles) for lang in LANGUAGES}
        return {"articles": n, "mean_words": round(self.words / max(n, 1)), "languages": langs,
                "origin": self.origin}  # fmt: skip


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The articles of a JSONL file (only the known fields); raises FileNotFoundError."""
    with path.open("rb") as lines:
        for line in lines:
            if line.strip():
                value = codec.loads(line)
                if isinstance(value, dict) and isinstance(value.get("text"), str):
                    yield {k: value[k] for k in FIELDS if value.get(k) is not None}


def sample_articles() -> list[dict[str, Any]]:
    """The bundled sample articles (``stream/samples/articles.jsonl``)."""
    path = resources.files("stream.samples") / "articles.jsonl"
    with resources.as_file(path) as file:
        return list(read_jsonl(Path(file)))


def _rank(article: dict[str, Any]) -> str:
    return hashlib.sha256(str(article["id"]).encode()).hexdigest()


def _pool(sources: Iterable[dict[str, Any]], words: tuple[int, int]) -> dict[str, list[Any]]:
    low, high = words
    pool: dict[str, list[Any]] = {lang: [] for lang in LANGUAGES}
    seen: set[str] = set()
    for article in sources:
        lang, count = article.get("language"), len(article["text"].split())
        if lang in pool and low <= count <= high and article["id"] not in seen:
            seen.add(article["id"])
            pool[lang].append(article)
    return {lang: sorted(items, key=_rank) for lang, items in pool.items()}


def _interleave(pool: dict[str, list[Any]], n: int) -> list[dict[str, Any]]:
    mixed = itertools.chain.from_iterable(itertools.zip_longest(*pool.values()))
    return [a for a in mixed if a is not None][:n]


def _cycled(articles: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    cycle = itertools.cycle(articles)
    return [
        {**a, "id": f"bench-{i:05d}-{a['id']}"} for i, a in enumerate(itertools.islice(cycle, n))
    ]


def build_corpus(
    n: int, words: tuple[int, int] = (400, 800), shared: Path | None = SHARED_NEWS
) -> Corpus:
    """``n`` articles; fewer real ones than ``n`` are cycled under fresh ids."""
    sources: list[dict[str, Any]] = sample_articles()
    origin = "bundled samples"
    files = sorted(shared.glob("*.jsonl")) if shared is not None and shared.is_dir() else []
    for path in files:
        sources.extend(read_jsonl(path))
    if files:
        origin = f"bundled samples + {len(files)} files in {shared}"
    # The window is for real news; the few bundled samples are all taken.
    picked = _interleave(_pool(sources, words if files else (0, 10**9)), n)
    if len(picked) < n:
        picked = _cycled(picked, n)
        origin += " (cycled)"
    return Corpus(picked, origin)
