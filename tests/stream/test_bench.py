"""``eventwire bench``: the corpus, the statistics, and one short end-to-end run.

The end-to-end test checks that every figure is there, never how fast it is:
a benchmark is a command that prints figures, not a timed assertion.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stream.bench.corpus import build_corpus
from stream.bench.report import TARGETS, int8_level, machine
from stream.bench.stats import Phase, percentile

PHASE_FIGURES = {"articles", "sentences", "articles_per_s", "sentences_per_s",
                 "cpu_s_per_article", "latency_s", "wall_s"}  # fmt: skip


def test_corpus_is_deterministic_and_mixed(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    lines = [{"id": f"{lang}-{i}", "text": "word " * 500, "language": lang}
             for lang in ("ar", "en") for i in range(10)]  # fmt: skip
    (news / "x.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    first, again = build_corpus(8, shared=news), build_corpus(8, shared=news)
    assert first.articles == again.articles
    assert first.describe()["languages"] == {"ar": 4, "en": 4}


def test_fallback_corpus_cycles_the_samples_under_fresh_ids(tmp_path: Path) -> None:
    corpus = build_corpus(30, shared=tmp_path / "missing")
    ids = [a["id"] for a in corpus.articles]
    assert len(ids) == len(set(ids)) == 30
    assert "cycled" in corpus.origin


@pytest.mark.parametrize(
    ("flags", "level"),
    [
        ({"avx2", "avx512f", "avx512bw", "avx512_vnni", "amx_int8"}, "AMX"),
        ({"avx2", "avx512f", "avx512bw", "avx512_vnni"}, "AVX-512 VNNI"),
        ({"avx2", "avx_vnni"}, "AVX-VNNI"),
        ({"avx2", "avx512f", "avx512bw"}, "AVX-512, no VNNI"),
        ({"sse4_2", "avx2", "fma"}, "AVX2, no VNNI"),
        ({"fp", "asimd"}, "unknown"),
    ],
)
def test_the_machine_says_which_int8_instructions_it_has(flags: set[str], level: str) -> None:
    # Bench figures of two machine kinds differ by these (README: session.x64quantprecision).
    assert int8_level(flags) == level


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert math.isnan(percentile([], 50))


def test_phase_figures() -> None:
    figures = Phase(articles=10, sentences=200, wall_s=2.0, cpu_s=3.0,
                    latencies_s=[0.1] * 10).figures()  # fmt: skip
    assert figures["articles_per_s"] == 5.0
    assert figures["cpu_s_per_article"] == 0.3
    assert figures.keys() >= PHASE_FIGURES


@pytest.mark.slow
@pytest.mark.integration
def test_quick_bench_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    # No shared news: the bundled fallback corpus, as on a fresh clone.
    args = ["--quick", "--json", str(out), "--corpus-dir", str(tmp_path / "none")]
    result = subprocess.run(
        [sys.executable, "-m", "stream", "bench", *args],
        env={**clean, "COLUMNS": "200"},
        capture_output=True, text=True, timeout=540, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(out.read_text())
    for mode in ("batched", "naive"):
        assert report[mode]["ready_s"] > 0
        assert report[mode]["peak_rss_mb"] > 0
        assert report[mode]["max"].keys() >= PHASE_FIGURES
        assert (
            report[mode]["max"]["articles"]
            == report["options"]["naive_n" if mode == "naive" else "n"]
        )
    # The default naive baseline is the extractor without the speed work.
    assert report["options"]["naive"] == "plain"
    assert report["naive_overrides"]["EVENTWIRE_ENCODER_RUNTIME"] == "torch"
    assert report["settings"]["encoder_runtime"] is None  # the core's own
    assert report["batched"]["paced"].keys() >= PHASE_FIGURES
    assert report["batched"]["paced"]["publish_rate"] > 0
    assert {"p50", "p95", "p99"} <= report["batched"]["paced"]["latency_s"].keys()
    assert report["extract_only"].keys() >= PHASE_FIGURES
    assert {"throughput", "cpu_per_article"} <= report["ratios"].keys()
    assert isinstance(report["streaming_overhead_pct"], float)
    assert [t["target"] for t in report["targets"]] == [t[0] for t in TARGETS]
    assert "targets" in result.stdout
    assert report["machine"]["cpu_int8"] == machine()["cpu_int8"]


def test_long_articles_bench_writes_the_curve_and_its_plot(tmp_path: Path) -> None:
    # Small stand-ins for the two shared news files, read by the same names.
    news = tmp_path / "news"
    news.mkdir()
    en = "Lavrov met Wang Yi in Beijing on Monday. Talks went on. Trade was discussed."
    ar = "التقى لافروف وانغ يي في بكين. واستمرت المحادثات. وبحثا التجارة."
    for name, text, lang in (("en_newswire_te3silver", en, "en"),
                             ("ar_saudinewsnet_politics", ar, "ar")):  # fmt: skip
        lines = [{"id": f"{lang}{i}", "text": text, "language": lang} for i in range(40)]
        (news / f"{name}.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    out, png = tmp_path / "long.json", tmp_path / "long.png"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    args = ["--long-articles", "--corpus-dir", str(news), "--json", str(out), "--plot", str(png)]
    result = subprocess.run(
        [sys.executable, "-m", "stream", "bench", *args],
        env={**clean, "EVENTWIRE_EXTRACTOR": "lexicon", "COLUMNS": "200"},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(out.read_text())
    series = {p["series"] for p in report["points"]}
    assert series == {"en", "ar", "one-word lines", "no sentence ends"}
    en_points = [p for p in report["points"] if p["series"] == "en"]
    # 120 sentences a language: the sizes they can fill, none padded
    assert [p["size"] for p in en_points] == [10, 30, 100]
    assert en_points[0]["sentences"] == 10 and en_points[-1]["wall_s"] > 0
    assert report["limits"]["max_sentences"] == 4_000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "long articles" in result.stdout
