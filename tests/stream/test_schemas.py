"""The committed JSON Schemas match the pydantic models."""

from __future__ import annotations

from pathlib import Path

from stream import codec, schemas

COMMITTED = Path(__file__).parents[2] / "schemas"


def test_committed_schemas_are_current() -> None:
    generated = schemas.generate()
    for name, schema in generated.items():
        path = COMMITTED / name
        assert path.exists(), f"{path} missing: run `eventwire schemas`"
        assert path.read_bytes() == codec.dumps_pretty(schema), (
            f"{name} is stale: run `eventwire schemas`"
        )
    # A superseded version left behind would be read as current by consumers.
    assert sorted(p.name for p in COMMITTED.glob("*.schema.json")) == sorted(generated)


def test_write(tmp_path: Path) -> None:
    written = schemas.write(tmp_path / "out")
    names = sorted(p.name for p in written)
    assert names == ["article.v2.schema.json", "cluster.v1.schema.json", "event.v1.schema.json"]
    article = codec.loads(written[0].read_bytes())
    assert article["required"] == ["id", "text"]
    # v2: published_at also takes epoch numbers (the reason for the bump).
    kinds = {branch["type"] for branch in article["properties"]["published_at"]["anyOf"]}
    assert kinds == {"string", "integer", "number", "null"}


def test_cluster_schema_requires_what_a_consumer_needs(tmp_path: Path) -> None:
    (cluster,) = [p for p in schemas.write(tmp_path) if p.name.startswith("cluster")]
    schema = codec.loads(cluster.read_bytes())
    wanted = {"cluster_id", "type", "status", "status_counts", "event_ids", "article_ids",
              "sources", "first_seen", "last_seen", "confidence", "reports"}  # fmt: skip
    assert wanted <= set(schema["required"])
    assert schema["properties"]["schema_version"]["const"] == "1"
