"""Interoperability with Debian's ``kcat`` (``apt-get install kcat``) against the
embedded broker, as the README describes it.

Debian 12's kcat 1.7.1 links librdkafka 2.0.2, whose reading of the tagged fields
at the end of Tansu's ApiVersions v3 answer is off by one byte per field
(librdkafka #4278, fixed in 2.2.0): it fails at connect with "Read underflow".
What works, and is tested here: the same kcat binary with a current librdkafka
(the one bundled in the confluent-kafka wheel) for producing and consuming, and
the stock one for consuming from absolute offsets with ``api.version.request=false``.
``make test`` installs kcat when it runs as root with apt-get; elsewhere these
tests skip and say so.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from stream import codec
from tests.conftest import RunningWorker
from tests.stream.helpers import expected_event_ids, good_articles

pytestmark = [pytest.mark.slow, pytest.mark.integration]

KCAT = shutil.which("kcat")
# What librdkafka 2.0.2 can read of Tansu: no ApiVersions request, the 0.9.0 feature set.
LEGACY = ["-X", "api.version.request=false", "-X", "broker.version.fallback=0.9.0"]
FORMAT = "%k\t%h\t%s\n"  # key, headers (k=v,...), value: one event a line


@pytest.fixture(scope="module")
def kcat() -> str:
    if KCAT is None:
        pytest.skip(
            "kcat is not installed: `apt-get install kcat` (make test installs it when "
            "run as root where apt-get exists)"
        )
    return KCAT


def librdkafka_version(kcat: str, env: dict[str, str] | None = None) -> tuple[int, ...]:
    """The librdkafka version ``kcat -V`` reports under ``env``."""
    shown = subprocess.run([kcat, "-V"], capture_output=True, text=True, env=env, timeout=10)
    found = re.search(r"librdkafka (\d+)\.(\d+)\.(\d+)", shown.stdout + shown.stderr)
    assert found, shown.stdout + shown.stderr
    return tuple(int(part) for part in found.groups())


@pytest.fixture(scope="module")
def current(kcat: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment in which kcat loads the confluent-kafka wheel's librdkafka."""
    confluent = pytest.importorskip("confluent_kafka")
    bundled = sorted((Path(confluent.__file__).parents[1] / "confluent_kafka.libs").glob(
        "librdkafka-*.so*"))  # fmt: skip
    if not bundled:
        pytest.skip("this confluent-kafka install bundles no librdkafka")
    folder = tmp_path_factory.mktemp("librdkafka")
    (folder / "librdkafka.so.1").symlink_to(bundled[0])  # the name kcat was linked against
    env = {**os.environ, "LD_LIBRARY_PATH": str(folder)}
    assert librdkafka_version(kcat, env) >= (2, 2, 0)
    return env


def produce(kcat: str, env: dict[str, str] | None, bootstrap: str, topic: str,
            articles: list[dict[str, str]]) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """``kcat -P``, one ``id|json`` line per article, with the content-type header."""
    lines = "".join(f"{a['id']}|{codec.dumps(a).decode()}\n" for a in articles)
    command = [kcat, "-P", "-b", bootstrap, "-t", topic, "-K", "|", "-H",
               "content-type=application/json"]  # fmt: skip
    return subprocess.run(command, input=lines, capture_output=True, text=True, env=env,
                          timeout=30)  # fmt: skip


def consume(kcat: str, env: dict[str, str] | None, args: list[str], want: set[str]) -> list[str]:
    """Lines of ``kcat -C ... -e`` (to the end of every partition), again until every
    wanted key is among them or 60 s have passed: the worker may still be extracting."""
    deadline, lines = time.monotonic() + 60, []
    while time.monotonic() < deadline:
        run = subprocess.run([kcat, "-C", "-e", "-q", "-f", FORMAT, *args], capture_output=True,
                             text=True, env=env, timeout=30)  # fmt: skip
        lines = run.stdout.splitlines()
        if want <= {line.split("\t")[0] for line in lines}:
            break
        time.sleep(1)
    return lines


def events_of(articles: list[dict[str, str]]) -> set[str]:
    want = set().union(*expected_event_ids(articles).values())
    if not want:
        pytest.skip("the configured extractor finds no events in the interop articles")
    return want


def check_events(lines: list[str], want: set[str]) -> None:
    """Every wanted event arrived, keyed by its id, with the documented headers."""
    got = {key: (headers, value) for key, headers, value in (ln.split("\t", 2) for ln in lines)}
    assert want <= set(got), f"missing {want - set(got)}"
    headers, value = got[next(iter(want))]
    assert sorted(headers.split(",")) == ["content-type=application/json", "schema-version=1"]
    assert codec.loads(value)["event_id"] in want


def test_kcat_with_a_current_librdkafka_produces_and_consumes(
    kcat: str, current: dict[str, str], worker: RunningWorker
) -> None:
    articles = good_articles("kcat-current")
    want = events_of(articles)
    settings = worker.settings
    sent = produce(kcat, current, worker.bootstrap, settings.input_topic, articles)
    assert sent.returncode == 0, sent.stderr
    args = ["-b", worker.bootstrap, "-t", settings.output_topic, "-o", "beginning"]
    check_events(consume(kcat, current, args, want), want)


def test_stock_kcat_consumes_from_absolute_offsets_without_api_versions(
    kcat: str, current: dict[str, str], worker: RunningWorker
) -> None:
    articles = good_articles("kcat-stock")
    want = events_of(articles)
    settings = worker.settings
    assert produce(kcat, current, worker.bootstrap, settings.input_topic, articles).returncode == 0
    # -o 0, not "beginning": Tansu's ListOffsets v0 answer lacks the offsets array.
    args = ["-b", worker.bootstrap, "-t", settings.output_topic, "-o", "0", *LEGACY]
    check_events(consume(kcat, None, args, want), want)


@pytest.fixture
def stock_2_0(kcat: str) -> Iterator[str]:
    version = librdkafka_version(kcat)
    if version >= (2, 2, 0):
        pytest.skip(f"this kcat links librdkafka {version}, which reads Tansu's answer")
    yield kcat


def test_stock_kcat_fails_as_the_readme_says(stock_2_0: str, worker: RunningWorker) -> None:
    """The README's account of librdkafka 2.0.2 against Tansu, kept true."""
    article = good_articles("kcat-fails")[:1]
    topic = f"{worker.settings.input_topic}-kcat-fails"  # nothing reaches the worker
    plain = produce(stock_2_0, None, worker.bootstrap, topic, article)
    assert "ApiVersionRequest failed: Local: Read underflow" in plain.stderr
    legacy = subprocess.run(
        [stock_2_0, "-P", "-b", worker.bootstrap, "-t", topic, *LEGACY],
        input="x\n", capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    # Produce v1 carries a legacy MessageSet, which Tansu cannot read: it hangs up.
    assert "Disconnected" in legacy.stderr
