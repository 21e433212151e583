"""``eventwire view``: the live analyst view of the events topic, in a browser."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from stream.cli.common import BOOTSTRAP_HELP, err, friendly, load_settings, require_bootstrap
from stream.settings import Settings
from stream.view.server import serve

_DEFAULTS = {name: field.default for name, field in Settings.model_fields.items()}

READY = "view: "  # the line that carries the page's URL (tests and scripts wait for it)


@friendly
def view(
    bootstrap: Annotated[str | None, typer.Option(help=BOOTSTRAP_HELP)] = None,
    host: Annotated[
        str | None,
        typer.Option(
            help=f"Bind address. Default: EVENTWIRE_VIEW_HOST ({_DEFAULTS['view_host']})."
        ),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(
            help="Port; 0 = any free port. Default: "
            f"EVENTWIRE_VIEW_PORT ({_DEFAULTS['view_port']}).",
        ),
    ] = None,
    max_events: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Events held; the oldest are dropped past it. Default: "
            f"EVENTWIRE_VIEW_MAX_EVENTS ({_DEFAULTS['view_max_events']}).",
        ),
    ] = None,
) -> None:
    """Serve a live page of the events: table, map, timeline, detail, and a JSON API.

    Reads the events topic (and the clusters topic once it exists) from the
    beginning, then live, without a consumer group: it moves nobody's offsets.
    Read-only; binds 127.0.0.1 unless told otherwise. Prints the page's URL;
    Ctrl-C stops it.
    """
    settings = load_settings(client=True)
    address = require_bootstrap(settings, bootstrap)
    run_view(settings, address, host, port, max_events)


def run_view(
    settings: Settings,
    bootstrap: str,
    host: str | None = None,
    port: int | None = None,
    max_events: int | None = None,
) -> None:
    """Serve until Ctrl-C/SIGTERM (blocks); shared with ``demo --view``."""
    bind = host or settings.view_host
    chosen = settings.view_port if port is None else port
    cap = max_events or settings.view_max_events

    def announce(url: str) -> None:
        err.print(f"{READY}[bold]{url}[/]  (events: {settings.output_topic}, holding at most "
                  f"{cap:,}; clusters: {settings.cluster_topic} once it exists; Ctrl-C stops)",
                  soft_wrap=True)  # fmt: skip

    asyncio.run(serve(settings, bootstrap, host=bind, port=chosen, announce=announce, cap=cap))
