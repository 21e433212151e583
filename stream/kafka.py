"""Connection settings for every Kafka client we build (Faust, aiokafka).

One place turns :class:`Settings` into bootstrap addresses, TLS contexts and
SASL credentials, so the worker, the CLI and the tests connect the same way.
Secrets are read from ``SecretStr`` only here and are never logged.
"""

from __future__ import annotations

import ssl
from typing import Any

import faust
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError
from aiokafka.helpers import create_ssl_context

from stream.errors import BrokerError
from stream.settings import Settings


def bootstrap_list(servers: str) -> list[str]:
    """``"a:9092, b:9092"`` → ``["a:9092", "b:9092"]``."""
    return [part.strip() for part in servers.split(",") if part.strip()]


def _ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if not settings.kafka_security_protocol.endswith("SSL"):
        return None
    return create_ssl_context(
        cafile=settings.kafka_ssl_cafile,
        certfile=settings.kafka_ssl_certfile,
        keyfile=settings.kafka_ssl_keyfile,
    )


def client_options(settings: Settings) -> dict[str, Any]:
    """Security keyword arguments for aiokafka producers, consumers and admin."""
    options: dict[str, Any] = {"security_protocol": settings.kafka_security_protocol}
    context = _ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.kafka_security_protocol.startswith("SASL"):
        password = settings.kafka_sasl_password
        options["sasl_mechanism"] = settings.kafka_sasl_mechanism
        options["sasl_plain_username"] = settings.kafka_sasl_username
        options["sasl_plain_password"] = password.get_secret_value() if password else None
    return options


def faust_credentials(settings: Settings) -> faust.types.auth.CredentialsT | None:
    """The same security settings, in Faust's form (None for PLAINTEXT)."""
    protocol = settings.kafka_security_protocol
    context = _ssl_context(settings)
    if protocol.startswith("SASL"):
        password = settings.kafka_sasl_password
        return faust.SASLCredentials(
            username=settings.kafka_sasl_username,
            password=password.get_secret_value() if password else None,
            ssl_context=context,
            mechanism=settings.kafka_sasl_mechanism,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


async def ensure_topics(settings: Settings, bootstrap: str) -> None:
    """Create the topics the worker reads and writes if they do not exist.

    The cluster route topic has ONE partition (every candidate of a cluster
    must meet there) and must exist before anything writes to it: a broker
    that auto-creates topics would give it the default count. The cluster
    topic is compacted: the latest record per cluster is the whole cluster.
    Raises :class:`BrokerError` when the broker cannot be reached.
    """
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap_list(bootstrap), **client_options(settings)
    )
    wanted = [NewTopic(name, settings.topic_partitions, 1) for name in
              (settings.input_topic, settings.output_topic, settings.dlq_topic)]  # fmt: skip
    if settings.clusters_enabled:
        wanted += [
            NewTopic(settings.cluster_route_topic, 1, 1),
            NewTopic(
                settings.cluster_topic,
                settings.topic_partitions,
                1,
                topic_configs={"cleanup.policy": "compact"},
            ),
        ]
    try:
        await admin.start()
        existing = set(await admin.list_topics())
        missing = [topic for topic in wanted if topic.name not in existing]
        if missing:
            await admin.create_topics(missing)
    except TopicAlreadyExistsError:
        pass  # another worker won the race: fine
    except (KafkaError, OSError) as exc:
        raise BrokerError(f"cannot create topics on {bootstrap}: {exc!r}") from exc
    finally:
        await admin.close()
