"""The chart lints strictly and renders valid Kubernetes 1.33 objects for every values set."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from tests.deploy.conftest import Render
from tests.deploy.helpers import CHART, CI_VALUES, run_helm, template_args

pytestmark = pytest.mark.slow

KUBE_VERSION = "1.33.0"
# Custom resources: kubernetes-validate ships no schema for them, so "no schema" is expected.
CUSTOM_KINDS = {"ScaledObject", "TriggerAuthentication", "ServiceMonitor"}
VALUE_SETS = [None, *CI_VALUES]
IDS = ["defaults", *(p.name.removesuffix("-values.yaml") for p in CI_VALUES)]


def test_every_ci_values_file_is_exercised() -> None:
    # A values file added to ci/ is linted and validated below without edits here.
    assert {"sasl-tls", "keda", "hpa", "servicemonitor", "networkpolicy"} <= set(IDS)


@pytest.mark.parametrize("values", VALUE_SETS, ids=IDS)
def test_lint_strict(helm: Path, values: Path | None) -> None:
    args = ["lint", "--strict", str(CHART)] + (["-f", str(values)] if values else [])
    done = run_helm(helm, *args)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("values", VALUE_SETS, ids=IDS)
def test_manifests_validate_against_kubernetes_schema(render: Render, values: Path | None) -> None:
    manifests = render([values] if values else None)
    assert manifests
    for manifest in manifests:
        name = f"{manifest['kind']}/{manifest['metadata']['name']}"
        try:
            kubernetes_validate.validate(manifest, KUBE_VERSION, strict=True)
        except kubernetes_validate.SchemaNotFoundError:
            assert manifest["kind"] in CUSTOM_KINDS, f"no schema for {name}"
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{name}: {exc.message} at {list(exc.path)}")


def test_kubernetes_validate_cli_on_full_render(helm: Path, tmp_path: Path) -> None:
    # The exact command CI logs show, on the richest render (SASL + mutual TLS).
    rendered = run_helm(helm, *template_args([CHART / "ci" / "sasl-tls-values.yaml"]))
    assert rendered.returncode == 0, rendered.stderr
    path = tmp_path / "rendered.yaml"
    path.write_text(rendered.stdout)
    cli = Path(sys.executable).parent / "kubernetes-validate"
    done = subprocess.run(
        [str(cli), "--strict", "-k", KUBE_VERSION, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    docs = [d for d in yaml.safe_load_all(rendered.stdout) if d and d["kind"] not in CUSTOM_KINDS]
    assert output.count(" passed ") == len(docs), output
