"""Load figures for the live view: N synthetic events, page load time and memory.

    .venv/bin/python scripts/view_load.py                  # 100,000 events
    .venv/bin/python scripts/view_load.py -n 20000 --json view_load.json

Starts the embedded broker, publishes N synthetic v1 events (Arabic and English,
three types, five statuses, 20 countries, dates over two years at day, month
and year precision) to a fresh events topic, starts a real ``eventwire view``
on it, and measures:

- catch-up: from the view's start until it holds all N events;
- the view process's memory (RSS, and its peak VmHWM) once it holds them;
- API latency (median of 5) for the page's requests, unfiltered and filtered;
- page load in headless Chromium (Debian's, via Playwright): from navigation to
  the table, map and timeline drawn, cold (first visit) and warm (median of 3),
  the renderer's JS heap and DOM node count, and a filter change to redrawn.

A benchmark, not a test: it prints figures (README, *The live view*).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import psutil
from aiokafka import AIOKafkaProducer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stream import codec  # noqa: E402
from stream.broker import EmbeddedBroker  # noqa: E402

PEOPLE = [  # canonical name, country, as written in Arabic
    ("Vladimir Putin", "RUS", "فلاديمير بوتين"), ("Xi Jinping", "CHN", "شي جين بينغ"),
    ("Joe Biden", "USA", "جو بايدن"), ("Emmanuel Macron", "FRA", "إيمانويل ماكرون"),
    ("Olaf Scholz", "DEU", "أولاف شولتس"), ("Narendra Modi", "IND", "ناريندرا مودي"),
    ("Fumio Kishida", "JPN", "فوميو كيشيدا"), ("Recep Tayyip Erdogan", "TUR", "رجب طيب أردوغان"),
    ("Mohammed bin Salman", "SAU", "محمد بن سلمان"), ("Kim Jong Un", "PRK", "كيم جونغ أون"),
    ("Sergei Lavrov", "RUS", "سيرغي لافروف"), ("Antony Blinken", "USA", "أنتوني بلينكن"),
    ("Abdel Fattah al-Sisi", "EGY", "عبد الفتاح السيسي"),
    ("Tamim bin Hamad", "QAT", "تميم بن حمد"), ("Mohamed bin Zayed", "ARE", "محمد بن زايد"),
    ("Volodymyr Zelensky", "UKR", "فولوديمير زيلينسكي"),
    ("Andrzej Duda", "POL", "أندريه دودا"), ("Lula da Silva", "BRA", "لولا دا سيلفا"),
    ("Ebrahim Raisi", "IRN", "إبراهيم رئيسي"), ("Abdullah II", "JOR", "عبد الله الثاني"),
]  # fmt: skip
PLACES = [
    ("Moscow", "موسكو", "RUS"), ("Beijing", "بكين", "CHN"), ("Washington", "واشنطن", "USA"),
    ("Paris", "باريس", "FRA"), ("Berlin", "برلين", "DEU"), ("New Delhi", "نيودلهي", "IND"),
    ("Tokyo", "طوكيو", "JPN"), ("Ankara", "أنقرة", "TUR"), ("Riyadh", "الرياض", "SAU"),
    ("Pyongyang", "بيونغ يانغ", "PRK"), ("Cairo", "القاهرة", "EGY"), ("Doha", "الدوحة", "QAT"),
    ("Abu Dhabi", "أبوظبي", "ARE"), ("Kyiv", "كييف", "UKR"), ("Warsaw", "وارسو", "POL"),
    ("Brasilia", "برازيليا", "BRA"), ("Tehran", "طهران", "IRN"), ("Amman", "عمان", "JOR"),
    ("Manama", "المنامة", "BHR"), ("Singapore", "سنغافورة", "SGP"),
]  # fmt: skip
STATUSES = ["occurred"] * 5 + ["planned"] * 3 + ["proposed", "alleged", "denied"]
SENTENCES = {
    ("MEETING", "en"): "{a} met {b} in {place} on {day} for talks on trade and security.",
    ("MEETING", "ar"): "التقى {a} مع {b} في {place} يوم {day} لبحث العلاقات الثنائية.",
    ("VISIT", "en"): "{a} visited {place} on {day}, the ministry said in a statement.",
    ("VISIT", "ar"): "وصل {a} إلى {place} يوم {day} في زيارة رسمية تستمر يومين.",
    ("ARMS_TRANSFER", "en"): "{a}'s government delivered air defence systems to {b} on {day}.",
    ("ARMS_TRANSFER", "ar"): "قالت حكومة {a} إنها سلمت {b} منظومات دفاع جوي يوم {day}.",
}
ROLES = {"MEETING": ("participant", "participant"), "VISIT": ("visitor", None),
         "ARMS_TRANSFER": ("supplier", "recipient")}  # fmt: skip


def synthetic(n: int, seed: int = 13) -> list[dict[str, Any]]:
    """``n`` valid v1 events, the same for the same seed."""
    rnd = random.Random(seed)
    events = []
    for i in range(n):
        kind = rnd.choice(["MEETING"] * 5 + ["VISIT"] * 4 + ["ARMS_TRANSFER"])
        language = rnd.choice(["ar", "en"])
        (a, a_country, a_ar), (b, b_country, b_ar) = rnd.sample(PEOPLE, 2)
        place, place_ar, place_country = rnd.choice(PLACES)
        day = f"202{rnd.randint(3, 4)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        precision = rnd.choice(["day"] * 8 + ["month", "year"])
        start = {"day": day, "month": day[:7], "year": day[:4]}[precision]
        written = (a_ar, b_ar, place_ar) if language == "ar" else (a, b, place)
        text = SENTENCES[kind, language].format(a=written[0], b=written[1], place=written[2],
                                                day=start)  # fmt: skip
        first, second = ROLES[kind]
        actors = [{"role": first, "text": written[0], "name": a, "kind": "PERSON",
                   "country": a_country, "title": None}]  # fmt: skip
        if second:
            actors.append({"role": second, "text": written[1], "name": b, "kind": "PERSON",
                           "country": b_country, "title": None})  # fmt: skip
        events.append({
            "schema_version": "1", "event_id": f"{i:08x}{rnd.getrandbits(96):024x}",
            "type": kind, "status": rnd.choice(STATUSES), "article_id": f"synthetic-{i // 3}",
            "language": language, "actors": actors,
            "location": None if kind == "ARMS_TRANSFER" else
            {"text": written[2], "name": place, "kind": "GPE", "country": place_country},
            "time": {"text": start, "start": start, "end": start, "precision": precision},
            "items": [], "evidence": [{"text": text, "start": 0, "end": len(text)}],
            "confidence": round(rnd.uniform(0.5, 1.0), 3),
            "extractor": {"name": "synthetic", "version": "0", "model": None},
        })  # fmt: skip
    return events


async def publish(bootstrap: str, topic: str, events: list[dict[str, Any]]) -> float:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20,
                                max_batch_size=512 * 1024)  # fmt: skip
    await producer.start()
    started = time.perf_counter()
    try:
        futures = [await producer.send(topic, codec.dumps(e), key=e["event_id"].encode())
                   for e in events]  # fmt: skip
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return time.perf_counter() - started


def get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


def start_view(bootstrap: str, topic: str) -> tuple[subprocess.Popen[str], str]:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")},
           "EVENTWIRE_OUTPUT_TOPIC": topic}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "stream", "view", "--bootstrap", bootstrap, "--port", "0"],
        env=env, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    assert process.stderr is not None
    for line in process.stderr:
        match = re.search(r"view: (http://\S+/)", line)
        if match:
            return process, match.group(1)
    raise SystemExit(f"the view did not start (exit {process.wait()})")


def memory(pid: int) -> dict[str, float]:
    status = Path(f"/proc/{pid}/status").read_text()
    kib = {k: int(v.split()[0]) for k, v in re.findall(r"(VmRSS|VmHWM):\s+(.+)", status)}
    return {"rss_mib": kib["VmRSS"] / 1024, "peak_rss_mib": kib["VmHWM"] / 1024}


def api_latency(url: str) -> dict[str, float]:
    requests = {
        "events": "api/events?limit=50",
        "events type=VISIT": "api/events?limit=50&type=VISIT",
        "events q=لافروف": "api/events?limit=50&q=" + urllib.request.quote("لافروف"),
        "events country+from/to": "api/events?limit=50&country=SAU&from=2024-03&to=2024-06",
        "events sort=date": "api/events?limit=50&sort=date",
        "stats": "api/stats",
        "stats type=VISIT&language=ar": "api/stats?type=VISIT&language=ar",
    }
    figures = {}
    for name, path in requests.items():
        times = []
        for _ in range(5):
            started = time.perf_counter()
            get(url + path)
            times.append(time.perf_counter() - started)
        figures[name] = statistics.median(times) * 1000
    return figures


READY = """() => document.querySelectorAll('#events tr[data-event-id]').length > 0
  && document.querySelector('#map path.country.marked') !== null
  && document.querySelector('#timeline rect.bar') !== null
  && !document.getElementById('status').textContent.startsWith('connecting')"""


def page_figures(url: str, chromium: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    figures: dict[str, Any] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        loads = []
        for _ in range(4):  # the first is cold (nothing cached), then warm
            page = context.new_page()
            page.goto(url)
            page.wait_for_function(READY, timeout=120_000)
            loads.append(page.evaluate("performance.now()"))
            if len(loads) < 4:
                page.close()
        figures["load_cold_ms"] = loads[0]
        figures["load_warm_ms"] = statistics.median(loads[1:])
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        figures["js_heap_mib"] = metrics["JSHeapUsedSize"] / 2**20
        figures["dom_nodes"] = int(metrics["Nodes"])
        figures["table_rows"] = page.evaluate("document.querySelectorAll('#events tr').length - 1")
        started = time.perf_counter()
        page.select_option("select[name=type]", "VISIT")
        page.wait_for_function("""() => [...document.querySelectorAll('#events tr[data-event-id]')]
            .every(r => r.dataset.type === 'VISIT')""")  # fmt: skip
        figures["filter_ms"] = (time.perf_counter() - started) * 1000
        browser.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="synthetic events (100,000)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("needs Debian's chromium: apt-get install chromium")
    figures: dict[str, Any] = {"events": args.n, "load_average_before": os.getloadavg()}
    events = synthetic(args.n)
    figures["mean_event_bytes"] = statistics.mean(len(codec.dumps(e)) for e in events[:2000])
    with EmbeddedBroker() as broker:
        topic = "events-load"
        figures["publish_s"] = asyncio.run(publish(broker.bootstrap, topic, events))
        del events
        started = time.perf_counter()
        view, url = start_view(broker.bootstrap, topic)
        try:
            while get(url + "api/status")["events"]["held"] < args.n:
                time.sleep(0.2)
            figures["catch_up_s"] = time.perf_counter() - started
            figures.update(memory(view.pid))
            figures["api_ms"] = api_latency(url)
            figures["page"] = page_figures(url, chromium)
            figures.update({f"after_page_{k}": v for k, v in memory(view.pid).items()})
            figures["view_cpu_s"] = sum(psutil.Process(view.pid).cpu_times()[:2])
        finally:
            view.terminate()
            view.wait(30)
    figures["load_average_after"] = os.getloadavg()
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
