"""The page's files: vendored ones intact and licensed, nothing from elsewhere."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from stream.view import assets

STATIC = Path(__file__).resolve().parents[2] / "stream" / "view" / "static"
MANIFEST = json.loads((STATIC / "vendor" / "manifest.json").read_text())
OURS = [*sorted((STATIC / "js").glob("*.js")), STATIC / "app.css", STATIC / "index.html"]


def test_vendored_files_match_the_manifest_and_carry_a_licence() -> None:
    assert set(MANIFEST) == {"d3-array", "d3-geo", "topojson-client", "world-atlas"}
    for name, entry in MANIFEST.items():
        files = {p.name for p in (STATIC / "vendor" / name).iterdir()}
        assert files == set(entry["files"]), name
        assert "LICENSE" in files and entry["license"] == "ISC"
        for file, digest in entry["files"].items():
            data = (STATIC / "vendor" / name / file).read_bytes()
            assert hashlib.sha256(data).hexdigest() == digest, f"{name}/{file} changed"


def test_nothing_is_loaded_from_another_origin() -> None:
    for path in OURS:
        text = path.read_text()
        # The only absolute URL allowed is the SVG namespace, which is a name, not a fetch.
        urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.\w+[^\s'\"]*", text))
        assert urls <= {"http://www.w3.org/2000/svg"}, (path.name, urls)


def test_every_file_the_page_names_is_served() -> None:
    served = assets.load()
    page = (STATIC / "index.html").read_text()
    named = re.findall(r'(?:src|href)="/static/([^"]+)"', page)
    modules = [f"js/{m}" for p in OURS for m in re.findall(r"from '\./([\w.]+)'", p.read_text())]
    fetched = re.findall(r"'/static/([^']+)'", (STATIC / "js" / "map.js").read_text())
    for name in [*named, *modules, *fetched]:
        assert name in served, name
    assert served["js/main.js"].content_type.startswith("text/javascript")


def test_our_scripts_never_write_markup() -> None:
    # Text goes in as Text nodes; the CSP's Trusted Types would throw on these anyway.
    sinks = re.compile(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function"
    )
    for path in sorted((STATIC / "js").glob("*.js")):
        code = re.sub(r"^\s*//.*$", "", path.read_text(), flags=re.MULTILINE)  # not comments
        assert not sinks.search(code), path.name
    assert "style=" not in (STATIC / "index.html").read_text()  # CSP: no inline style
    assert "<script>" not in (STATIC / "index.html").read_text()  # nor inline script


def test_the_map_knows_the_alpha3_of_its_countries() -> None:
    numeric = json.loads((STATIC / "iso-numeric.json").read_text())
    alpha3 = set(numeric.values())
    assert {"RUS", "PRK", "SAU", "BHR", "SGP", "USA", "FRA", "PSE"} <= alpha3
    assert len(alpha3) == len(numeric) > 230
