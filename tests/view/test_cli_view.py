"""``eventwire view`` and ``eventwire demo --view`` as a user runs them."""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest

from stream.broker import EmbeddedBroker
from tests.conftest import FACTORY
from tests.stream.test_cli import assert_one_red_line, eventwire
from tests.view.process import ViewProcess


def fetch(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def fetch_when(url: str, ready: Callable[[Any], bool], timeout_s: float = 30) -> Any:
    """``url``'s answer once ``ready`` holds for it (the view reads in the background)."""
    deadline = time.monotonic() + timeout_s
    while not ready(body := fetch(url)):
        assert time.monotonic() < deadline, body
        time.sleep(0.2)
    return body


def test_view_needs_a_broker_address() -> None:
    assert_one_red_line(eventwire("view"), "--bootstrap")


def test_view_with_an_unreachable_broker() -> None:
    assert_one_red_line(eventwire("view", "--bootstrap", "127.0.0.1:9"), "cannot connect to")


@pytest.mark.slow
def test_view_on_a_busy_port(broker: EmbeddedBroker) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = eventwire("view", "--bootstrap", broker.bootstrap, "--port", str(port))
    assert_one_red_line(result, f"cannot listen on 127.0.0.1:{port}: address already in use")


@pytest.mark.slow
def test_demo_view_serves_the_samples_until_ctrl_c() -> None:
    demo = ViewProcess(["demo", "--view", "--view-port", "0", "--timeout", "120"],
                       {"EVENTWIRE_EXTRACTOR_FACTORY": FACTORY})  # fmt: skip
    try:
        url = demo.wait_for_url(180)
        assert url.startswith("http://127.0.0.1:")
        events = fetch_when(f"{url}api/events?article_id=seed-ar-0001", lambda b: b["total"])
        assert {e["article_id"] for e in events["events"]} == {"seed-ar-0001"}
        stats = fetch(f"{url}api/stats")
        assert stats["total"] >= events["total"] and stats["by_country"]
        assert any("eventwire publish --bootstrap 127.0.0.1:" in line for line in demo.lines)
    finally:
        code = demo.stop()
    assert code == 0, "\n".join(demo.lines)
