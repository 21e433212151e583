"""The live view in a real browser: Debian's chromium, headless, driven by Playwright.

(Page-side waits are functions, ``"() => ..."``: Playwright evaluates a bare
expression with ``eval``, which the page's CSP forbids.)

The page is served by a real ``eventwire view`` process reading the output of
the session's worker (the lexicon extractor, as in every broker test), fed the
bundled samples (the Arabic seed article among them) and a hostile article.
``make test`` installs chromium where it runs as root with apt-get; elsewhere
these tests skip and say how to get it.

Set ``VIEW_SCREENSHOT=docs/view.png`` to write the README's picture from the run.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from stream import codec
from stream.cli.demo import sample_records
from stream.collect import Collector
from tests.conftest import RunningWorker
from tests.stream.helpers import Input, expected_event_ids, publish_raw
from tests.view.events import IMG, SCRIPT, hostile
from tests.view.process import ViewProcess

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")

pytestmark = [pytest.mark.slow, pytest.mark.integration]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip(
        "Debian's chromium is not installed (`apt-get install chromium`; `make test` does it "
        "when run as root where apt-get exists)",
        allow_module_level=True,
    )

T = TypeVar("T")
SEED = "seed-ar-0001"
HOSTILE_TEXT = (
    f"President Vladimir Putin met Chinese President Xi Jinping {IMG} in Beijing on Monday "
    f"{SCRIPT}."
)


@dataclass(frozen=True)
class Served:
    url: str
    worker: RunningWorker
    seed_ids: set[str]
    hostile_article: str


def in_thread(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to the end on a thread of its own: sync Playwright keeps an
    event loop running on this one, where ``asyncio.run`` refuses to start."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def publish_articles(worker: RunningWorker, articles: list[dict[str, Any]]) -> None:
    """Through the real worker; returns once it has committed past all of them."""
    inputs = [Input(str(a.get("id")).encode(), codec.dumps(a)) for a in articles]

    async def go() -> None:
        published = await publish_raw(worker.bootstrap, worker.settings.input_topic, inputs)
        # Longer than the broker tests' minute: CI machines can be busy, and a page test
        # that times out here says nothing about the page.
        collector = Collector(worker.settings, worker.bootstrap)
        assert (await collector.run(published, timeout_s=180)).complete, "worker too slow"

    in_thread(go())


@pytest.fixture(scope="module")
def served(worker: RunningWorker) -> Iterator[Served]:
    samples = [r.value for r in sample_records() if isinstance(r.value, dict)]
    article = f"hostile-{uuid.uuid4().hex[:6]}"
    hostile_article = {"id": article, "language": "en", "published_at": "2024-02-01",
                       "text": HOSTILE_TEXT}  # fmt: skip
    publish_articles(worker, [*samples, hostile_article])
    # Markup in the fields an extractor would never fill with it (names, place, article
    # id), straight onto the events topic.
    crafted = hostile(article_id=f"{article}-{SCRIPT}")
    in_thread(publish_raw(worker.bootstrap, worker.settings.output_topic,
                          [Input(b"crafted", codec.dumps(crafted))]))  # fmt: skip
    seed = next(s for s in samples if s["id"] == SEED)
    view = ViewProcess(["view", "--bootstrap", worker.bootstrap, "--port", "0"], worker.env)
    try:
        url = view.wait_for_url(60)
        yield Served(url, worker, expected_event_ids([seed])[SEED], article)
    finally:
        assert view.stop() == 0, "\n".join(view.lines)  # Ctrl-C is a clean stop


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@dataclass
class Page:
    page: Any
    errors: list[str]


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    """A fresh tab that records console errors and uncaught exceptions (CSP
    violations are console errors too)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield Page(tab, errors)
    context.close()


def rows(page: Any) -> list[dict[str, str]]:
    return list(page.eval_on_selector_all(
        "#events tbody tr[data-event-id]",
        "rows => rows.map(r => ({id: r.dataset.eventId, type: r.dataset.type, "
        "language: r.dataset.language, text: r.textContent}))",
    ))  # fmt: skip


def total(page: Any) -> int:
    text = page.text_content("#count") or ""
    return int(text.split(":")[1].split("match")[0].replace(",", ""))


def test_loads_without_errors_and_shows_the_seed_articles_events(
    served: Served, page: Page
) -> None:
    assert served.seed_ids, "the extractor finds no event in the seed article"
    page.page.goto(served.url)
    page.page.wait_for_selector("#events tbody tr[data-event-id]")
    page.page.wait_for_selector("#map path.country.marked")
    page.page.wait_for_selector("#timeline rect.bar")
    page.page.wait_for_selector("#live.on")
    page.page.goto(f"{served.url}?article_id={SEED}")
    page.page.wait_for_function(
        "n => document.getElementById('count').textContent.includes(`: ${n} match`)",
        arg=len(served.seed_ids),
    )
    assert {r["id"] for r in rows(page.page)} == served.seed_ids
    assert page.errors == []


def test_filters_narrow_the_table(served: Served, page: Page) -> None:
    page.page.goto(served.url)
    page.page.wait_for_selector("#events tbody tr[data-event-id]")
    everything = total(page.page)
    page.page.select_option("select[name=type]", "VISIT")
    page.page.wait_for_function("() => [...document.querySelectorAll('#events tr[data-event-id]')]"
                                ".every(r => r.dataset.type === 'VISIT')")  # fmt: skip
    visits = total(page.page)
    assert 0 < visits < everything
    assert "type=VISIT" in page.page.url  # the filter is in the address, to share
    page.page.fill("input[name=q]", "لافروف")
    page.page.wait_for_function(
        "n => document.getElementById('count').textContent !== `Events: ${n} match`", arg=visits
    )
    found = rows(page.page)
    assert found and any("لافروف" in r["text"] for r in found)  # an actor's written form
    assert total(page.page) < visits
    # Exactly what the API answers (the search also reads the evidence sentences).
    api = page.page.evaluate("fetch('/api/events?type=VISIT&q=لافروف').then(r => r.json())")
    assert [r["id"] for r in found] == [e["event_id"] for e in api["events"]]
    assert page.errors == []


def test_a_new_event_appears_without_reload(served: Served, page: Page) -> None:
    article = {"id": f"live-{uuid.uuid4().hex[:6]}", "language": "en",
               "text": "Italian Prime Minister Giorgia Meloni met Indian Prime Minister "
                       "Narendra Modi in Rome on Friday."}  # fmt: skip
    expected = expected_event_ids([article])[article["id"]]
    assert expected, "the extractor finds no event in the live article"
    page.page.goto(served.url)
    page.page.wait_for_selector("#live.on")
    page.page.evaluate("window.__sameDocument = true")
    publish_articles(served.worker, [article])
    for event_id in expected:
        page.page.wait_for_selector(f"#events tr[data-event-id='{event_id}']")
    assert page.page.evaluate("window.__sameDocument") is True  # no reload happened
    assert page.errors == []


def test_the_map_marks_the_events_countries(served: Served, page: Page) -> None:
    page.page.goto(f"{served.url}?article_id={SEED}")
    page.page.wait_for_selector("#map path[data-iso3=RUS].marked")
    marked = set(page.page.eval_on_selector_all(
        "#map path.country.marked", "paths => paths.map(p => p.dataset.iso3)"))  # fmt: skip
    stats = page.page.evaluate(f"fetch('/api/stats?article_id={SEED}').then(r => r.json())")
    assert marked == set(stats["by_country"]) and {"RUS", "PRK"} <= marked
    for iso3, n in stats["by_place_country"].items():
        assert page.page.get_attribute(f"#map path[data-iso3={iso3}]", "data-place") == str(n)
    dots = page.page.eval_on_selector_all("#map .actor-dot", "cs => cs.map(c => c.dataset.iso3)")
    assert set(dots) == set(stats["by_actor_country"])
    assert page.errors == []


def test_arabic_renders_right_to_left_and_shaped(served: Served, page: Page) -> None:
    page.page.goto(f"{served.url}?article_id={SEED}")
    page.page.click("#events tbody tr[data-event-id]")
    quote = "#detail:not([hidden]) blockquote.evidence"
    page.page.wait_for_selector(quote)
    # Each check finds its element and reads it in one call: the live table re-renders as
    # events arrive, and a handle kept across calls may point at a detached node (style "").
    direction = "e => getComputedStyle(e).direction"
    assert page.page.eval_on_selector(quote, direction) == "rtl"
    assert page.page.eval_on_selector("#events bdi.written", direction) == "rtl"
    # Shaped: joined letters are narrower than the same letters kept apart by
    # zero-width non-joiners (a font without Arabic shaping draws them alike).
    widths = page.page.eval_on_selector(quote, """e => {
        const measure = (text) => { const s = document.createElement('span');
          s.textContent = text; e.append(s); const w = s.getBoundingClientRect().width;
          s.remove(); return w; };
        return [measure('بوتين'), measure('ب\\u200cو\\u200cت\\u200cي\\u200cن')]; }""")
    assert widths[0] < 0.8 * widths[1], widths
    assert page.page.query_selector_all("#detail mark")  # role spans are marked
    assert page.errors == []


def test_a_hostile_article_shows_as_text(served: Served, page: Page) -> None:
    page.page.goto(f"{served.url}?q=onerror")
    page.page.wait_for_selector("#events tbody tr[data-event-id]")
    page.page.click(f"#events tr:has-text('{served.hostile_article}')")
    page.page.wait_for_selector("#detail:not([hidden]) blockquote.evidence")
    evidence = page.page.text_content("#detail blockquote.evidence") or ""
    assert IMG in evidence and SCRIPT in evidence  # the markup, as text
    page.page.click("#detail .close")
    page.page.click(f"#events tr:has-text('{served.hostile_article}-')")  # the crafted one
    page.page.wait_for_selector("#detail:not([hidden]) bdi.name")
    assert f"Name {SCRIPT}" in (page.page.text_content("#detail") or "")
    assert page.page.evaluate("typeof window.__pwned") == "undefined"
    assert page.page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.page.evaluate("document.scripts.length") == 4  # only the page's own
    assert page.errors == []


def test_screenshot(served: Served, page: Page, tmp_path: Path) -> None:
    page.page.goto(f"{served.url}?language=ar")
    page.page.wait_for_selector("#map path.country.marked")
    page.page.wait_for_selector("#timeline rect.bar")
    page.page.click(f"#events tr:has-text('{SEED}')")
    page.page.wait_for_selector("#detail:not([hidden]) blockquote.evidence")
    page.page.wait_for_timeout(500)
    target = Path(os.environ.get("VIEW_SCREENSHOT") or tmp_path / "view.png")
    page.page.screenshot(path=str(target), full_page=True)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.errors == []
