"""The converted-model cache: atomic build, SHA-256 manifest, verification on load.

Layout: ``<cache_dir>/<name>/`` holds the model files plus ``manifest.json``
listing every other file with its size and SHA-256. A directory is published
only by renaming a finished temporary directory into place, so a crash
mid-conversion never leaves a half-written model where a loader would look.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from models.s5_encoder.exceptions import CacheIntegrityError

Log = Callable[[str], None]
Builder = Callable[[Path, Log], None]

MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks (≈ 1 s per 500 MB here)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(directory: Path, extra: dict[str, str]) -> None:
    """Record size and SHA-256 of every regular file in ``directory`` (not recursive)."""
    files = {
        p.name: {"bytes": p.stat().st_size, "sha256": sha256_file(p)}
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name != MANIFEST
    }
    body = {"format": MANIFEST_FORMAT, **extra, "files": files}
    (directory / MANIFEST).write_text(json.dumps(body, indent=2, sort_keys=True) + "\n")


def verify_manifest(directory: Path) -> None:
    """Check every file listed in the manifest; raise CacheIntegrityError on any mismatch.

    A missing manifest, a missing or resized file, or a changed checksum are all
    integrity failures (E110-E113).
    """
    path = directory / MANIFEST
    try:
        files = json.loads(path.read_text())["files"]
    except (OSError, ValueError, KeyError) as exc:
        raise CacheIntegrityError("E110", f"no readable manifest in {directory}") from exc
    for name, meta in files.items():
        target = directory / name
        if not target.is_file():
            raise CacheIntegrityError("E111", f"{target} listed in manifest is missing")
        if target.stat().st_size != meta["bytes"]:
            raise CacheIntegrityError("E112", f"{target} has the wrong size")
        if sha256_file(target) != meta["sha256"]:
            raise CacheIntegrityError("E113", f"{target} fails its SHA-256 check")


def _publish(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except OSError:
        # Another process published first (rename onto a non-empty directory
        # fails): keep theirs, drop ours.
        shutil.rmtree(tmp, ignore_errors=True)
        if not target.is_dir():
            raise


def build_atomically(target: Path, build: Builder, extra: dict[str, str], log: Log) -> Path:
    """Run ``build(tmp_dir, log)``, write the manifest, then rename into ``target``.

    The temporary directory sits next to ``target`` (same filesystem, so the
    rename is atomic) and is removed if the build fails.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".tmp-{target.name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        build(tmp, log)
        log("computing checksums")
        write_manifest(tmp, extra)
        _publish(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def ensure_built(target: Path, build: Builder, extra: dict[str, str], log: Log) -> Path:
    """Return a verified ``target``, building it first when absent or corrupt.

    A directory that fails verification is moved aside and rebuilt (it is our
    own derived cache, so rebuilding is always safe); the failure is logged.
    """
    if target.is_dir():
        try:
            verify_manifest(target)
            return target
        except CacheIntegrityError as exc:
            log(f"cached model rejected, rebuilding: {exc}")
            stale = target.with_name(f".stale-{target.name}-{uuid.uuid4().hex[:8]}")
            os.replace(target, stale)
            shutil.rmtree(stale, ignore_errors=True)
    return build_atomically(target, build, extra, log)
