"""The embedded broker and the Kafka connection settings."""

from __future__ import annotations

import os
import re
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stream.broker import EmbeddedBroker, free_port, tansu_binary
from stream.kafka import bootstrap_list, client_options, faust_credentials
from stream.settings import Settings


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def test_tansu_is_shipped() -> None:
    assert tansu_binary().is_file()


@pytest.mark.slow
def test_starts_on_loopback_and_stops_on_exit() -> None:
    with EmbeddedBroker() as broker:
        assert broker.bootstrap == f"127.0.0.1:{broker.port}"
        assert listening(broker.port)
    assert not listening(broker.port)


def test_bootstrap_list() -> None:
    assert bootstrap_list(" a:1, b:2 ,") == ["a:1", "b:2"]


def test_plaintext_has_no_credentials() -> None:
    settings = Settings(kafka_bootstrap_servers="k:9092")
    assert client_options(settings) == {"security_protocol": "PLAINTEXT"}
    assert faust_credentials(settings) is None


def test_sasl_ssl_options(tmp_path: Path) -> None:
    settings = Settings(
        kafka_bootstrap_servers="k:9093",
        kafka_security_protocol="SASL_SSL",
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username="svc",
        kafka_sasl_password="s3cret",
    )
    options = client_options(settings)
    assert options["sasl_plain_password"] == "s3cret"
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    assert faust_credentials(settings) is not None
    assert "s3cret" not in repr(settings)  # never logged by accident


def test_sasl_needs_a_user() -> None:
    with pytest.raises(ValueError, match="SASL"):
        Settings(kafka_security_protocol="SASL_PLAINTEXT")


def test_heartbeat_shorter_than_session() -> None:
    with pytest.raises(ValueError, match="heartbeat"):
        Settings(kafka_session_timeout_s=6, kafka_heartbeat_interval_s=6)


@pytest.mark.slow
def test_run_starts_the_embedded_broker_and_binds_web_to_loopback() -> None:
    web_port = free_port()
    env = {"EVENTWIRE_WEB_PORT": str(web_port), "EVENTWIRE_APP_ID": "run-test", "COLUMNS": "200",
           "EVENTWIRE_EXTRACTOR_FACTORY": "tests.stream.extractors:MetExtractor"}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "stream", "run"], env=env | _path_env(),
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert process.stderr is not None
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 60
        # Not just "ready": the start-up line naming /readyz comes earlier.
        while time.monotonic() < deadline and not any("worker ready" in line for line in seen):
            seen.append(process.stderr.readline())
        assert any("in-memory development broker" in line for line in seen), seen
        assert any("eventwire worker ready" in line for line in seen), seen
        assert listening(web_port)  # Faust's web server, on 127.0.0.1 only
        address = next(re.search(r"127\.0\.0\.1:(\d+)", x) for x in seen if "bootstrap:" in x)
        assert address is not None
        broker_port = int(address.group(1))
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert not listening(broker_port)


def _path_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}


def test_every_setting_is_documented() -> None:
    undocumented = [n for n, f in Settings.model_fields.items() if not f.description]
    assert not undocumented
