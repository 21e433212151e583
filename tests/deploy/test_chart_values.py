"""Bad values fail at render time with a message that names the value to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.deploy.helpers import run_helm, template_args

pytestmark = pytest.mark.slow

# (--set pairs, text the error must contain)
BAD_VALUES = {
    "negative-replicas": ({"replicaCount": "-1"}, "/replicaCount"),
    "unknown-top-level-key": ({"replicas": "2"}, "additional properties 'replicas' not allowed"),
    "unknown-nested-key": ({"kafka.saslEnabled": "true"}, "'saslEnabled' not allowed"),
    "plaintext-password": ({"kafka.sasl.password": "hunter2"}, "'password' not allowed"),
    "hpa-and-keda": (
        {"keda.enabled": "true", "autoscaling.hpa.enabled": "true"},
        "keda.enabled and autoscaling.hpa.enabled are both true",
    ),
    "keda-above-partitions": (
        {"keda.enabled": "true", "keda.maxReplicaCount": "10"},
        "keda.maxReplicaCount (10) exceeds topics.partitions (4)",
    ),
    "hpa-above-partitions": (
        {"autoscaling.hpa.enabled": "true", "autoscaling.hpa.maxReplicas": "5"},
        "autoscaling.hpa.maxReplicas (5) exceeds topics.partitions (4)",
    ),
    "replicas-above-partitions": (
        {"replicaCount": "5"},
        "replicaCount (5) exceeds topics.partitions (4)",
    ),
    "sasl-without-secret": ({"kafka.sasl.enabled": "true"}, "kafka.sasl.existingSecret"),
    "half-mutual-tls": (
        {
            "kafka.tls.enabled": "true",
            "kafka.tls.existingSecret": "ca",
            "kafka.tls.certKey": "tls.crt",
        },
        "certKey and kafka.tls.keyKey go together",
    ),
    "bad-mechanism": ({"kafka.sasl.mechanism": "GSSAPI"}, "/kafka/sasl/mechanism"),
    "bad-bootstrap": ({"kafka.bootstrapServers": "kafka"}, "/kafka/bootstrapServers"),
    "zero-partitions": ({"topics.partitions": "0"}, "/topics/partitions"),
    "pdb-both-bounds": ({"pdb.minAvailable": "1"}, "pdb.minAvailable and pdb.maxUnavailable"),
}


@pytest.mark.parametrize("sets,message", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_bad_values_fail_clearly(helm: Path, sets: dict[str, str], message: str) -> None:
    done = run_helm(helm, *template_args(sets=sets))
    assert done.returncode != 0, f"rendered despite {sets}"
    assert message in done.stderr, done.stderr


def test_install_fails_too(helm: Path) -> None:
    # `helm install` runs the same schema: the failure happens before anything reaches the cluster.
    done = run_helm(
        helm, "install", "ew", *template_args(sets={"replicaCount": "-1"})[2:], "--dry-run=client"
    )
    assert done.returncode != 0
    assert "minimum" in done.stderr
