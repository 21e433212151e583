"""The page's static files, read once from the package into memory.

Only files that exist under ``static/`` at start are served, by exact name (no
path is ever joined from a request), each with its ETag and, when it is worth
it, a gzip copy made once: the bundled world outline shrinks from 740 KB to
about a third.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
}
COMPRESSIBLE = {".html", ".js", ".css", ".json", ".svg", ".txt", ".md"}


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str
    etag: str
    gzipped: bytes | None


def _suffix(name: str) -> str:
    return name[name.rfind(".") :] if "." in name else ".txt"  # LICENSE: plain text


def _walk(folder: Traversable, prefix: str = "") -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.update(_walk(entry, f"{name}/"))
        elif _suffix(entry.name) in TYPES and not entry.name.startswith("."):
            found[name] = entry.read_bytes()
    return found


def load(package: str = "stream.view", folder: str = "static") -> dict[str, Asset]:
    """Every servable file under ``package/folder``, by its path relative to it."""
    assets: dict[str, Asset] = {}
    for name, body in _walk(resources.files(package) / folder).items():
        suffix = _suffix(name)
        packed = gzip.compress(body, 9, mtime=0) if suffix in COMPRESSIBLE else None
        assets[name] = Asset(
            body=body,
            content_type=TYPES[suffix],
            etag='"' + hashlib.sha256(body).hexdigest()[:20] + '"',
            gzipped=packed if packed is not None and len(packed) < 0.9 * len(body) else None,
        )
    return assets
