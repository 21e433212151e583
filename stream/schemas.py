"""JSON Schemas of the public contracts, generated from the pydantic models.

The committed files under ``schemas/`` are what consumers in other languages
validate against; ``eventwire schemas`` regenerates them and a test fails when
they drift from the models.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.clusters.record import CLUSTER_SCHEMA_VERSION, Cluster
from models.schema import ARTICLE_SCHEMA_VERSION, SCHEMA_VERSION, Article, Event
from stream import codec

BASE_URL = "https://eventwire.invalid/schemas"


def generate() -> dict[str, dict[str, Any]]:
    """File name → JSON Schema, for Article (input), Event and Cluster (outputs),
    each named by its own version."""
    out: dict[str, dict[str, Any]] = {}
    contracts = (
        ("article", Article, ARTICLE_SCHEMA_VERSION),
        ("event", Event, SCHEMA_VERSION),
        ("cluster", Cluster, CLUSTER_SCHEMA_VERSION),
    )
    for name, model, version in contracts:
        schema = model.model_json_schema()
        file = f"{name}.v{version}.schema.json"
        header = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{BASE_URL}/{file}",
        }
        out[file] = {**header, **schema}
    return out


def write(directory: Path) -> list[Path]:
    """Write every schema into ``directory`` (created); returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for file, schema in generate().items():
        path = directory / file
        path.write_bytes(codec.dumps_pretty(schema))
        paths.append(path)
    return paths
