"""The optional live view (``view.enabled``): its Deployment, Service and NetworkPolicy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stream.settings import Settings
from tests.deploy.conftest import Render
from tests.deploy.helpers import (
    CHART,
    RELEASE,
    Manifest,
    by_kind,
    component,
    pod_spec,
    run_helm,
    template_args,
)

pytestmark = pytest.mark.slow

VIEW = CHART / "ci" / "view-values.yaml"
ON = {"view.enabled": "true"}


def view_container(manifests: list[Manifest]) -> dict[str, Any]:
    containers = pod_spec(manifests, "view")["containers"]
    assert [c["name"] for c in containers] == ["view"]
    container: dict[str, Any] = containers[0]
    return container


def test_off_by_default(render: Render) -> None:
    manifests = render()
    names = {m["metadata"]["name"] for m in manifests}
    assert f"{RELEASE}-eventwire-view" not in names
    assert all(m["metadata"]["labels"]["app.kubernetes.io/component"] != "view" for m in manifests)


def test_runs_eventwire_view_with_the_workers_security(render: Render) -> None:
    manifests = render(sets=ON)
    worker, view = pod_spec(manifests), pod_spec(manifests, "view")
    assert view["securityContext"] == worker["securityContext"]
    assert view["automountServiceAccountToken"] is False
    container = view_container(manifests)
    assert container["args"] == ["view"]
    worker_container = worker["containers"][0]
    assert container["securityContext"] == worker_container["securityContext"]
    assert container["image"] == worker_container["image"]
    assert container["envFrom"] == worker_container["envFrom"]  # the same Kafka settings
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["EVENTWIRE_VIEW_HOST"] == "0.0.0.0"
    assert env["EVENTWIRE_VIEW_PORT"] == "8066" and env["EVENTWIRE_VIEW_MAX_EVENTS"] == "100000"
    for name in (n for n in env if n.startswith("EVENTWIRE_")):
        assert name.removeprefix("EVENTWIRE_").lower() in Settings.model_fields, name
    assert container["livenessProbe"]["httpGet"] == {"path": "/livez", "port": "http"}
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    assert container["resources"] == {"requests": {"cpu": "100m", "memory": "256Mi"},
                                      "limits": {"cpu": "1", "memory": "512Mi"}}  # fmt: skip
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert mounts == {"/tmp"}


def test_selectors_keep_worker_and_view_apart(render: Render) -> None:
    manifests = render(sets=ON)
    worker_pods = component(manifests, "Deployment", "worker")["spec"]["template"]["metadata"]
    view_pods = component(manifests, "Deployment", "view")["spec"]["template"]["metadata"]
    services = {s["metadata"]["name"]: s["spec"]["selector"] for s in by_kind(manifests, "Service")}
    view_service = services[f"{RELEASE}-eventwire-view"]
    assert view_service.items() <= view_pods["labels"].items()
    assert not view_service.items() <= worker_pods["labels"].items()
    worker_service = services[f"{RELEASE}-eventwire"]
    assert not worker_service.items() <= view_pods["labels"].items()
    pdb = by_kind(manifests, "PodDisruptionBudget")[0]["spec"]["selector"]["matchLabels"]
    assert not pdb.items() <= view_pods["labels"].items()  # the worker's budget only
    port = component(manifests, "Service", "view")["spec"]["ports"][0]
    assert port == {"name": "http", "port": 8066, "targetPort": "http", "protocol": "TCP"}


def test_credentials_and_tls_reach_the_view_from_the_same_secrets(render: Render) -> None:
    manifests = render([VIEW])
    container = view_container(manifests)
    env = {e["name"]: e for e in container["env"]}
    ref = env["EVENTWIRE_KAFKA_SASL_PASSWORD"]["valueFrom"]["secretKeyRef"]
    assert ref["name"] == "eventwire-kafka-user"
    assert "value" not in env["EVENTWIRE_KAFKA_SASL_PASSWORD"]
    assert env["EVENTWIRE_VIEW_MAX_EVENTS"]["value"] == "50000"
    volumes = {v["name"]: v for v in pod_spec(manifests, "view")["volumes"]}
    assert volumes["kafka-tls"]["secret"]["secretName"] == "my-cluster-ca-cert"
    config = by_kind(manifests, "ConfigMap")[0]["data"]
    assert config["EVENTWIRE_CLUSTER_TOPIC"] == "news.event-clusters"


def test_network_policy_opens_only_the_page_port(render: Render) -> None:
    policy = component(render([VIEW]), "NetworkPolicy", "view")["spec"]
    assert policy["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "view"
    (ingress,) = policy["ingress"]
    assert ingress["ports"] == [{"port": "http", "protocol": "TCP"}]
    assert ingress["from"] == [{"namespaceSelector": {"matchLabels": {
        "kubernetes.io/metadata.name": "ingress-nginx"}}}]  # fmt: skip
    kafka = policy["egress"][1]["ports"]
    assert {p["port"] for p in kafka} == {9092, 9093}


@pytest.mark.parametrize(
    "sets,message",
    [
        ({"clusters.topic": "events"}, "clusters.topic (events) must differ"),
        ({"view.maxEvents": "0"}, "/view/maxEvents"),
        ({"view.port": "80"}, "'port' not allowed"),
    ],
)
def test_bad_view_values_fail_clearly(helm: Path, sets: dict[str, str], message: str) -> None:
    done = run_helm(helm, *template_args(sets=sets))
    assert done.returncode != 0 and message in done.stderr, done.stderr
