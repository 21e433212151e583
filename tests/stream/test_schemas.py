"""The committed JSON Schemas match the pydantic models."""

from __future__ import annotations

from pathlib import Path

from stream import codec, schemas

COMMITTED = Path(__file__).parents[2] / "schemas"


def test_committed_schemas_are_current() -> None:
    for name, schema in schemas.generate().items():
        path = COMMITTED / name
        assert path.exists(), f"{path} missing: run `eventwire schemas`"
        assert path.read_bytes() == codec.dumps_pretty(schema), (
            f"{name} is stale: run `eventwire schemas`"
        )


def test_write(tmp_path: Path) -> None:
    written = schemas.write(tmp_path / "out")
    assert sorted(p.name for p in written) == ["article.v1.schema.json", "event.v1.schema.json"]
    article = codec.loads(written[0].read_bytes())
    assert article["required"] == ["id", "text"]
