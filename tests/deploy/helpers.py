"""Paths, a helm runner and lookups over rendered manifests, for the chart tests."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "deploy" / "helm" / "eventwire"
CI_VALUES = sorted((CHART / "ci").glob("*-values.yaml"))
HELM = ROOT / ".tools" / "helm"
RELEASE = "ew"
NAMESPACE = "news"

Manifest = dict[str, Any]


def run_helm(helm: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run helm; never raises on a non-zero exit (callers assert on it)."""
    return subprocess.run([str(helm), *args], capture_output=True, text=True, timeout=120)


def template_args(
    values: list[Path] | None = None, sets: dict[str, str] | None = None
) -> list[str]:
    """``helm template`` arguments for the chart with these values files and --set pairs."""
    args = ["template", RELEASE, str(CHART), "--namespace", NAMESPACE]
    for path in values or []:
        args += ["-f", str(path)]
    for key, value in (sets or {}).items():
        args += ["--set", f"{key}={value}"]
    return args


def by_kind(manifests: list[Manifest], kind: str) -> list[Manifest]:
    return [m for m in manifests if m["kind"] == kind]


def one(manifests: list[Manifest], kind: str) -> Manifest:
    """The single manifest of ``kind``; fails when there are zero or several."""
    found = by_kind(manifests, kind)
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def component(manifests: list[Manifest], kind: str, name: str) -> Manifest:
    """The single ``kind`` of this ``app.kubernetes.io/component`` (worker, view)."""
    found = [
        m for m in by_kind(manifests, kind)
        if m["metadata"]["labels"].get("app.kubernetes.io/component") == name
    ]  # fmt: skip
    assert len(found) == 1, f"expected one {name} {kind}, found {len(found)}"
    return found[0]


def pod_spec(manifests: list[Manifest], name: str = "worker") -> dict[str, Any]:
    spec: dict[str, Any] = component(manifests, "Deployment", name)["spec"]["template"]["spec"]
    return spec


def worker_container(manifests: list[Manifest]) -> dict[str, Any]:
    return next(c for c in pod_spec(manifests)["containers"] if c["name"] == "worker")


def config_data(manifests: list[Manifest]) -> dict[str, str]:
    data: dict[str, str] = one(manifests, "ConfigMap")["data"]
    return data
