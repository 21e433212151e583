"""Assertions on rendered objects: security, probes, config rollout, secrets, labels."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from stream.settings import Settings
from tests.deploy.conftest import Render
from tests.deploy.helpers import (
    CHART,
    CI_VALUES,
    NAMESPACE,
    RELEASE,
    Manifest,
    by_kind,
    config_data,
    one,
    pod_spec,
    worker_container,
)

pytestmark = pytest.mark.slow

SASL_TLS = CHART / "ci" / "sasl-tls-values.yaml"
RECOMMENDED = (
    "app.kubernetes.io/name",
    "app.kubernetes.io/instance",
    "app.kubernetes.io/version",
    "app.kubernetes.io/component",
    "app.kubernetes.io/part-of",
    "app.kubernetes.io/managed-by",
    "helm.sh/chart",
)


def test_pod_runs_non_root_with_read_only_root(render: Render) -> None:
    manifests = render()
    pod = pod_spec(manifests)
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == 10001
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert pod["automountServiceAccountToken"] is False
    ctx = worker_container(manifests)["securityContext"]
    assert ctx["readOnlyRootFilesystem"] is True
    assert ctx["allowPrivilegeEscalation"] is False
    assert ctx["capabilities"] == {"drop": ["ALL"]}
    assert ctx["runAsUser"] == 10001


def test_writable_paths_are_empty_dirs(render: Render) -> None:
    manifests = render()
    volumes = {v["name"]: v for v in pod_spec(manifests)["volumes"]}
    mounts = {m["mountPath"]: m["name"] for m in worker_container(manifests)["volumeMounts"]}
    for path in ("/tmp", "/home/eventwire/.cache"):
        assert "emptyDir" in volumes[mounts[path]], path
    # The baked model must stay on the (read-only) image, never shadowed by a volume.
    assert config_data(manifests)["EVENTWIRE_CACHE_DIR"] not in mounts


def test_resources_have_explicit_requests_and_limits(render: Render) -> None:
    resources = worker_container(render())["resources"]
    assert resources["requests"] == {"cpu": "1", "memory": "1Gi"}
    assert resources["limits"] == {"cpu": "2", "memory": "2Gi"}


def test_probes_hit_health_endpoints_on_the_web_port(render: Render) -> None:
    manifests = render()
    container = worker_container(manifests)
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports["http"] == 6066 == int(config_data(manifests)["EVENTWIRE_WEB_PORT"])
    assert config_data(manifests)["EVENTWIRE_WEB_HOST"] == "0.0.0.0"
    paths = {
        name: container[name]["httpGet"]
        for name in ("startupProbe", "livenessProbe", "readinessProbe")
    }
    assert paths["livenessProbe"] == {"path": "/livez", "port": "http"}
    assert paths["readinessProbe"] == {"path": "/readyz", "port": "http"}
    assert paths["startupProbe"]["port"] == "http"
    startup = container["startupProbe"]
    # Model load must fit in the startup budget with room to spare.
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 180


def test_service_exposes_metrics_port_to_worker_pods_only(render: Render) -> None:
    manifests = render()
    service = one(manifests, "Service")
    assert service["spec"]["ports"] == [
        {"name": "http-metrics", "port": 6066, "targetPort": "http", "protocol": "TCP"}
    ]
    pod_labels = one(manifests, "Deployment")["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    test_pod = one(manifests, "Pod")
    assert not service["spec"]["selector"].items() <= test_pod["metadata"]["labels"].items()


def test_config_map_carries_settings(render: Render) -> None:
    data = config_data(render([SASL_TLS]))
    assert data["EVENTWIRE_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert data["EVENTWIRE_KAFKA_SASL_MECHANISM"] == "SCRAM-SHA-512"
    assert data["EVENTWIRE_APP_ID"] == "eventwire-prod"
    assert data["EVENTWIRE_INPUT_TOPIC"] == "news.articles"
    assert data["EVENTWIRE_TOPIC_PARTITIONS"] == "12"
    assert data["EVENTWIRE_KAFKA_SSL_CAFILE"] == "/etc/eventwire/kafka-tls/ca.crt"
    assert data["EVENTWIRE_KAFKA_SSL_CERTFILE"] == "/etc/eventwire/kafka-tls/tls.crt"
    assert all(key.startswith("EVENTWIRE_") for key in data)


@pytest.mark.parametrize("values", [None, *CI_VALUES], ids=lambda p: p.name if p else "defaults")
def test_every_eventwire_variable_is_a_real_setting(render: Render, values: Path | None) -> None:
    # Settings ignore unknown EVENTWIRE_* names, so a typo here would be silently dropped.
    manifests = render([values] if values else None)
    names = set(config_data(manifests)) | {e["name"] for e in worker_container(manifests)["env"]}
    for name in (n for n in names if n.startswith("EVENTWIRE_")):
        assert name.removeprefix("EVENTWIRE_").lower() in Settings.model_fields, name


def checksum(manifests: list[Manifest]) -> str:
    annotations = one(manifests, "Deployment")["spec"]["template"]["metadata"]["annotations"]
    return str(annotations["checksum/config"])


def test_checksum_changes_with_config_only(render: Render) -> None:
    base = checksum(render())
    assert re.fullmatch(r"[0-9a-f]{64}", base)
    assert checksum(render(sets={"config.batchMaxSize": "16"})) != base
    assert checksum(render(sets={"topics.output": "events.v2"})) != base
    # Not config: must not restart the pods.
    assert checksum(render(sets={"replicaCount": "2"})) == base


def test_credentials_come_only_from_existing_secrets(render: Render) -> None:
    manifests = render([SASL_TLS])
    assert not by_kind(manifests, "Secret")
    env = {e["name"]: e for e in worker_container(manifests)["env"]}
    for name in ("EVENTWIRE_KAFKA_SASL_USERNAME", "EVENTWIRE_KAFKA_SASL_PASSWORD"):
        ref = env[name]["valueFrom"]["secretKeyRef"]
        assert ref["name"] == "eventwire-kafka-user"
        assert "value" not in env[name]
    assert not any(re.search("PASSWORD|USERNAME|SECRET|TOKEN", k) for k in config_data(manifests))
    tls = next(v for v in pod_spec(manifests)["volumes"] if v["name"] == "kafka-tls")
    assert tls["secret"]["secretName"] == "my-cluster-ca-cert"


@pytest.mark.parametrize("values", CI_VALUES, ids=lambda p: p.name)
def test_no_sensitive_env_var_has_a_literal_value(render: Render, values: Path) -> None:
    for manifest in render([values]):
        for container in _containers(manifest):
            for env in container.get("env", []):
                if re.search("PASSWORD|SECRET|TOKEN|_KEY$", env["name"]):
                    assert "valueFrom" in env, f"{env['name']} has a literal value"


def _containers(manifest: Manifest) -> list[dict[str, Any]]:
    spec = manifest.get("spec", {})
    spec = spec.get("template", {}).get("spec", spec)
    return spec.get("containers", []) if isinstance(spec, dict) else []


@pytest.mark.parametrize("values", [None, *CI_VALUES], ids=lambda p: p.name if p else "defaults")
def test_every_object_has_recommended_labels(render: Render, values: Path | None) -> None:
    for manifest in render([values] if values else None):
        labels = manifest["metadata"]["labels"]
        kind = manifest["kind"]
        for key in RECOMMENDED:
            assert labels.get(key), f"{kind} lacks {key}"
        assert labels["app.kubernetes.io/instance"] == RELEASE
        assert labels["app.kubernetes.io/managed-by"] == "Helm"
        assert labels["app.kubernetes.io/part-of"] == "eventwire"
        if kind not in ("ServiceMonitor",):
            assert manifest["metadata"]["namespace"] == NAMESPACE


def test_pod_template_labels_and_stable_selector(render: Render) -> None:
    deployment = one(render(sets={"image.tag": "9.9.9"}), "Deployment")
    selector = deployment["spec"]["selector"]["matchLabels"]
    # The selector is immutable: a version label in it would break every upgrade.
    assert "app.kubernetes.io/version" not in selector
    template_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert template_labels["app.kubernetes.io/version"] == "9.9.9"
    assert selector.items() <= template_labels.items()


def test_image_reference(render: Render) -> None:
    assert worker_container(render())["image"] == "ghcr.io/eventwire/eventwire:0.1.0"
    digest = "sha256:" + "a" * 64
    pinned = worker_container(render(sets={"image.digest": digest}))["image"]
    assert pinned == f"ghcr.io/eventwire/eventwire@{digest}"


def test_scheduling_values_reach_the_pod(render: Render) -> None:
    pod = pod_spec(render([SASL_TLS]))
    assert pod["nodeSelector"] == {"kubernetes.io/arch": "amd64"}
    assert pod["tolerations"][0]["key"] == "workload"
    assert pod["topologySpreadConstraints"][0]["topologyKey"] == "topology.kubernetes.io/zone"
    assert pod["terminationGracePeriodSeconds"] == 60
    assert pod["imagePullSecrets"] == [{"name": "regcred"}]


def test_helm_test_hook_probes_readyz(render: Render) -> None:
    test_pod = one(render(), "Pod")
    assert test_pod["metadata"]["annotations"]["helm.sh/hook"] == "test"
    script = test_pod["spec"]["containers"][0]["args"][0]
    assert f"http://{RELEASE}-eventwire:6066" in script
    assert "/readyz" in script and "/metrics" in script
    assert test_pod["spec"]["containers"][0]["securityContext"]["readOnlyRootFilesystem"] is True
