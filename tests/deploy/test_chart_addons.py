"""Optional objects: KEDA, HPA, PDB, ServiceMonitor, NetworkPolicy; replicas ≤ partitions."""

from __future__ import annotations

import pytest

from tests.deploy.conftest import Render
from tests.deploy.helpers import CHART, by_kind, config_data, one

pytestmark = pytest.mark.slow

KEDA = CHART / "ci" / "keda-values.yaml"
HPA = CHART / "ci" / "hpa-values.yaml"
SASL_TLS = CHART / "ci" / "sasl-tls-values.yaml"


def test_defaults_render_no_autoscaler(render: Render) -> None:
    manifests = render()
    assert not by_kind(manifests, "ScaledObject")
    assert not by_kind(manifests, "HorizontalPodAutoscaler")
    assert one(manifests, "Deployment")["spec"]["replicas"] == 1


def test_rollout_never_surges_past_the_partitions(render: Render) -> None:
    strategy = one(render(), "Deployment")["spec"]["strategy"]
    assert strategy["rollingUpdate"]["maxSurge"] == 0


def test_keda_scales_on_the_worker_group_lag(render: Render) -> None:
    manifests = render([KEDA])
    scaled = one(manifests, "ScaledObject")
    data = config_data(manifests)
    trigger = scaled["spec"]["triggers"][0]
    meta = trigger["metadata"]
    assert trigger["type"] == "kafka"
    assert meta["consumerGroup"] == data["EVENTWIRE_APP_ID"]
    assert meta["topic"] == data["EVENTWIRE_INPUT_TOPIC"]
    assert meta["bootstrapServers"] == data["EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS"]
    assert meta["allowIdleConsumers"] == "false"
    assert meta["lagThreshold"] == "100"
    assert meta["sasl"] == "plaintext" and meta["tls"] == "enable"
    assert all(isinstance(v, str) for v in meta.values()), "KEDA metadata values are strings"
    assert scaled["spec"]["maxReplicaCount"] <= int(data["EVENTWIRE_TOPIC_PARTITIONS"])
    assert (
        scaled["spec"]["scaleTargetRef"]["name"] == one(manifests, "Deployment")["metadata"]["name"]
    )
    # KEDA owns the count: a fixed replicas would reset it on every upgrade.
    assert "replicas" not in one(manifests, "Deployment")["spec"]


def test_keda_authenticates_from_the_existing_secrets(render: Render) -> None:
    manifests = render([SASL_TLS], sets={"keda.enabled": "true", "replicaCount": "1"})
    auth = one(manifests, "TriggerAuthentication")
    refs = {r["parameter"]: (r["name"], r["key"]) for r in auth["spec"]["secretTargetRef"]}
    assert refs == {
        "username": ("eventwire-kafka-user", "user"),
        "password": ("eventwire-kafka-user", "password"),
        "ca": ("my-cluster-ca-cert", "ca.crt"),
        "cert": ("my-cluster-ca-cert", "tls.crt"),
        "key": ("my-cluster-ca-cert", "tls.key"),
    }
    trigger = one(manifests, "ScaledObject")["spec"]["triggers"][0]
    assert trigger["authenticationRef"]["name"] == auth["metadata"]["name"]
    assert trigger["metadata"]["sasl"] == "scram_sha512"


def test_keda_without_credentials_needs_no_trigger_authentication(render: Render) -> None:
    manifests = render(sets={"keda.enabled": "true"})
    assert not by_kind(manifests, "TriggerAuthentication")
    assert "authenticationRef" not in one(manifests, "ScaledObject")["spec"]["triggers"][0]


def test_hpa(render: Render) -> None:
    manifests = render([HPA])
    hpa = one(manifests, "HorizontalPodAutoscaler")
    assert (
        hpa["spec"]["maxReplicas"] == 8 <= int(config_data(manifests)["EVENTWIRE_TOPIC_PARTITIONS"])
    )
    metrics = {
        m["resource"]["name"]: m["resource"]["target"]["averageUtilization"]
        for m in hpa["spec"]["metrics"]
    }
    assert metrics == {"cpu": 75, "memory": 85}
    assert "replicas" not in one(manifests, "Deployment")["spec"]
    assert one(manifests, "PodDisruptionBudget")["spec"]["minAvailable"] == 1


def test_pdb(render: Render) -> None:
    pdb = one(render(), "PodDisruptionBudget")
    assert pdb["spec"]["maxUnavailable"] == 1
    assert "minAvailable" not in pdb["spec"]
    assert not by_kind(render(sets={"pdb.create": "false"}), "PodDisruptionBudget")


def test_service_monitor_targets_the_metrics_port(render: Render) -> None:
    manifests = render([CHART / "ci" / "servicemonitor-values.yaml"])
    monitor = one(manifests, "ServiceMonitor")
    service = one(manifests, "Service")
    assert monitor["metadata"]["namespace"] == "monitoring"
    assert monitor["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    assert monitor["spec"]["namespaceSelector"]["matchNames"] == [service["metadata"]["namespace"]]
    assert (
        monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    )
    assert monitor["spec"]["endpoints"][0]["port"] == service["spec"]["ports"][0]["name"]
    assert monitor["spec"]["endpoints"][0]["path"] == "/metrics"


def test_network_policy_allows_dns_kafka_and_metrics(render: Render) -> None:
    manifests = render([CHART / "ci" / "networkpolicy-values.yaml"])
    policy = one(manifests, "NetworkPolicy")["spec"]
    assert policy["policyTypes"] == ["Ingress", "Egress"]
    egress_ports = [p["port"] for rule in policy["egress"] for p in rule["ports"]]
    assert 53 in egress_ports and 9092 in egress_ports
    assert policy["ingress"][0]["ports"] == [{"port": "http", "protocol": "TCP"}]
    selector = one(manifests, "Deployment")["spec"]["selector"]["matchLabels"]
    assert policy["podSelector"]["matchLabels"] == selector


def test_network_policy_lets_the_helm_test_pod_in(render: Render) -> None:
    manifests = render([CHART / "ci" / "networkpolicy-values.yaml"])
    peers = one(manifests, "NetworkPolicy")["spec"]["ingress"][0]["from"]
    test_labels = one(manifests, "Pod")["metadata"]["labels"]
    assert any(
        "podSelector" in peer and peer["podSelector"]["matchLabels"].items() <= test_labels.items()
        for peer in peers
    )
