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
    assert sorted(p.name for p in written) == ["article.v2.schema.json", "event.v1.schema.json"]
    article = codec.loads(written[0].read_bytes())
    assert article["required"] == ["id", "text"]
    # v2: published_at also takes epoch numbers (the reason for the bump).
    kinds = {branch["type"] for branch in article["properties"]["published_at"]["anyOf"]}
    assert kinds == {"string", "integer", "number", "null"}
