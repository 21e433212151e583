"""The ``eventwire`` command line, run as a subprocess like a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.schema import Event
from stream import codec
from tests.conftest import FACTORY, RunningWorker
from tests.stream.helpers import expected_event_ids, good_articles

SAMPLES = Path(__file__).parents[2] / "stream" / "samples" / "articles.jsonl"


def eventwire(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    return subprocess.run(
        [sys.executable, "-m", "stream", *args],
        env={**clean, "COLUMNS": "200", **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def assert_one_red_line(result: subprocess.CompletedProcess[str], text: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and text in lines[0], lines


def test_help_lists_every_command() -> None:
    result = eventwire("--help")
    assert result.returncode == 0
    for command in ("run", "publish", "tail", "extract", "demo", "schemas"):
        assert command in result.stdout


def test_publish_without_a_broker_address() -> None:
    assert_one_red_line(eventwire("publish", str(SAMPLES)), "--bootstrap")


def test_unreachable_broker() -> None:
    result = eventwire("publish", str(SAMPLES), "--bootstrap", "127.0.0.1:9")
    assert_one_red_line(result, "cannot connect to 127.0.0.1:9")


def test_missing_extractor_is_one_line() -> None:
    result = eventwire("run", env={"EVENTWIRE_EXTRACTOR_FACTORY": "no.such.module:make"})
    assert_one_red_line(result, "cannot build extractor")


def test_invalid_setting_is_one_line() -> None:
    assert_one_red_line(eventwire("run", env={"EVENTWIRE_BATCH_MAX_SIZE": "0"}), "batch_max_size")


def test_extract_matches_the_offline_extractor(tmp_path: Path) -> None:
    articles = good_articles("extract")
    source = tmp_path / "in.jsonl"
    lines = [codec.dumps({"article": a, "events": []}) for a in articles]  # gold format
    source.write_bytes(b"\n".join([*lines, b"not json"]) + b"\n")
    out = tmp_path / "events.jsonl"
    result = eventwire(
        "extract", "--input", str(source), "--output", str(out),
        env={"EVENTWIRE_EXTRACTOR_FACTORY": FACTORY},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "skipped" in result.stderr
    events = [Event.model_validate(codec.loads(line)) for line in out.read_bytes().splitlines()]
    expected = expected_event_ids(articles)
    assert {e.event_id for e in events} == set().union(*expected.values())


@pytest.mark.slow
def test_publish_then_tail(worker: RunningWorker, tmp_path: Path) -> None:
    articles = good_articles("cli")
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_bytes(b"\n".join(codec.dumps(a) for a in articles[1:]) + b"\n{broken\n")
    txt = tmp_path / "cli-txt-0.txt"
    txt.write_text(articles[0]["text"], encoding="utf-8")

    published = eventwire("publish", str(jsonl), str(txt), env=worker.env | _at(worker))
    assert published.returncode == 0, published.stderr
    assert f"sent {len(articles)}, failed 0, skipped 1" in published.stderr

    tailed = eventwire(
        "tail", "--from-beginning", "--max", "2", "--timeout", "30", env=worker.env | _at(worker)
    )
    assert tailed.returncode == 0, tailed.stderr
    events = [Event.model_validate(codec.loads(x)) for x in tailed.stdout.splitlines()]
    assert len(events) == 2

    kind = events[0].type
    typed = eventwire(
        "tail", "--from-beginning", "--max", "3", "--timeout", "5", "--type", kind, "--pretty",
        env=worker.env | _at(worker),
    )  # fmt: skip
    assert typed.returncode == 0 and kind in typed.stdout

    clusters = eventwire(
        "tail", "--clusters", "--from-beginning", "--timeout", "10", "--pretty",
        env=worker.env | _at(worker),
    )  # fmt: skip
    assert clusters.returncode == 0, clusters.stderr
    assert "source]" in clusters.stdout and kind in clusters.stdout


def test_publish_sends_an_article_over_a_mebibyte(worker: RunningWorker, tmp_path: Path) -> None:
    # A long article (a transcript: 1.5 MB) is more than aiokafka's default request size;
    # publish allows what the worker reads (EVENTWIRE_MAX_MESSAGE_BYTES). This worker's
    # own text limit is small, so it dead-letters it too_large: it arrived.
    txt = tmp_path / "cli-long-transcript.txt"
    txt.write_text("Lavrov met Wang Yi in Beijing on Monday. " * 37_000, encoding="utf-8")
    assert txt.stat().st_size > 1_500_000
    published = eventwire("publish", str(txt), env=worker.env | _at(worker))
    assert published.returncode == 0, published.stderr
    assert "sent 1, failed 0" in published.stderr


def _at(worker: RunningWorker) -> dict[str, str]:
    return {"EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS": worker.bootstrap}


@pytest.mark.slow
def test_demo_prints_events_for_the_seed_article() -> None:
    result = eventwire("demo", "--timeout", "90", env={"EVENTWIRE_EXTRACTOR_FACTORY": FACTORY})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "in-memory development broker" in result.stderr
    assert "seed-ar-0001" in result.stdout
    assert "sample-bad-0001 dead letter empty_field" in result.stdout
    assert "story clusters" in result.stdout and "source]" in result.stdout


@pytest.mark.slow
def test_eval_prints_the_ablation_and_capability_rates(tmp_path: Path) -> None:
    # The real default extractor on three behavioural items, the lexicon beside it.
    items = (Path(__file__).parents[2] / "tests" / "behaviour" / "items.jsonl").read_text()
    gold = tmp_path / "items.jsonl"
    gold.write_text("".join(items.splitlines(keepends=True)[:3]))
    cache = str(Path(__file__).parents[2] / ".cache" / "eventwire")
    result = eventwire("eval", str(gold), env={"EVENTWIRE_CACHE_DIR": cache}, timeout=600)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "ablation" in out and "\nlexicon " in out and "\ntransformer " in out
    assert "capability" in out and "\nall " in out


def test_eval_of_a_missing_file() -> None:
    assert_one_red_line(eventwire("eval", "/no/such/gold.jsonl"), "cannot read /no/such/gold.jsonl")


def test_missing_core_dir_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(SAMPLES.read_text().splitlines()[0] + "\n")
    out = tmp_path / "events.jsonl"
    result = eventwire(
        "extract", "--input", str(source), "--output", str(out),
        env={"EVENTWIRE_CORE_DIR": str(tmp_path / "no-core")},
    )  # fmt: skip
    assert_one_red_line(result, f"cannot read the core's weights in {tmp_path / 'no-core'}")


def test_train_writes_by_default_where_the_extractor_reads() -> None:
    import inspect

    from models.s6_core.weights import WEIGHTS_DIR
    from stream.cli.train import train

    assert inspect.signature(train).parameters["out"].default.resolve() == WEIGHTS_DIR.resolve()
