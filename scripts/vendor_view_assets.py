"""Refresh the live view's vendored front-end libraries from the npm registry.

    python scripts/vendor_view_assets.py           # the pinned versions below

For each package it runs ``npm pack NAME@VERSION`` (the registry only, no CDN),
checks the tarball against the registry's published integrity, copies the
files the page uses and the package's licence into
``stream/view/static/vendor/NAME/``, and records versions, licences and
SHA-256 sums in ``stream/view/static/vendor/manifest.json`` (a test checks the
files against it). It also writes ``stream/view/static/iso-numeric.json``:
world-atlas identifies countries by ISO 3166-1 numeric code, events by alpha-3
(needs ``pycountry``, a dev dependency). To upgrade, change a version here and
run it again; nothing is fetched at run time.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "stream" / "view" / "static"
VENDOR = STATIC / "vendor"
WORLD = "countries-50m.json"  # 50m: Bahrain, Singapore, Malta... are missing from 110m

# name → (version, files the page loads)
PACKAGES: dict[str, tuple[str, list[str]]] = {
    "d3-array": ("3.2.5", ["dist/d3-array.min.js"]),  # needed by d3-geo's UMD build
    "d3-geo": ("3.1.2", ["dist/d3-geo.min.js"]),  # projection, paths, centroids
    "topojson-client": ("3.1.0", ["dist/topojson-client.min.js"]),  # TopoJSON → GeoJSON
    "world-atlas": ("2.0.2", [WORLD]),  # Natural Earth country outlines (public domain)
}


def npm(*args: str, cwd: Path) -> str:
    done = subprocess.run(["npm", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"npm {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def fetch(name: str, version: str, work: Path) -> tuple[Path, dict[str, str]]:
    """The unpacked package and its registry metadata (licence, integrity)."""
    meta = json.loads(npm("view", f"{name}@{version}", "--json", "license", "dist", cwd=work))
    tarball = work / npm("pack", f"{name}@{version}", "--silent", cwd=work).strip().splitlines()[-1]
    algorithm, _, expected = meta["dist"]["integrity"].partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        sys.exit(f"{tarball.name}: integrity mismatch with the registry")
    target = work / name
    with tarfile.open(tarball) as archive:
        archive.extractall(target, filter="data")
    return target / "package", {"license": meta["license"], "integrity": meta["dist"]["integrity"]}


def licence_of(package: Path) -> Path:
    found = sorted(package.glob("LICEN[CS]E*"))
    if not found:
        sys.exit(f"{package}: no licence file")
    return found[0]


def vendor(work: Path) -> dict[str, object]:
    manifest: dict[str, object] = {}
    for name, (version, files) in PACKAGES.items():
        package, meta = fetch(name, version, work)
        target = VENDOR / name
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        sums = {}
        for relative in [*files, licence_of(package).name]:
            copied = target / Path(relative).name
            shutil.copyfile(package / relative, copied)
            sums[copied.name] = hashlib.sha256(copied.read_bytes()).hexdigest()
        manifest[name] = {"version": version, **meta, "files": sums}
    return manifest


def iso_numeric() -> dict[str, str]:
    """world-atlas ids (ISO numeric, zero-padded) → alpha-3, for the ids it has."""
    import pycountry  # dev dependency, only here

    world = json.loads((VENDOR / "world-atlas" / WORLD).read_text())
    ids = {g.get("id") for g in world["objects"]["countries"]["geometries"]} - {None}
    mapping = {}
    for number in sorted(ids):
        country = pycountry.countries.get(numeric=number)
        if country is not None:
            mapping[number] = country.alpha_3
    return mapping


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        manifest = vendor(Path(tmp))
    (VENDOR / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    mapping = iso_numeric()
    (STATIC / "iso-numeric.json").write_text(json.dumps(mapping, sort_keys=True) + "\n")
    print(f"vendored {', '.join(f'{n}@{v[0]}' for n, v in PACKAGES.items())}; "
          f"{len(mapping)} countries mapped")  # fmt: skip


if __name__ == "__main__":
    main()
