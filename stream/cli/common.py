"""Shared CLI plumbing: settings, the one-red-line error rule, bootstrap choice."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, ParamSpec, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import Progress, ProgressColumn

from stream.broker import NOTICE, EmbeddedBroker
from stream.errors import EventwireError
from stream.settings import Settings

# Written to a file or a pipe there is no screen to fit: rich would still wrap
# at 80 columns, folding table cells mid-word. There, lines are never wrapped
# (soft wrap) and tables get a page wide enough for their natural width, so an
# event or a table row stays one line and no name is broken. (Nothing printed to
# these consoles stretches to the page width: no rules, no expanding panels.)
PAGE_WIDTH = 1000


def console(*, stderr: bool = False, file: IO[str] | None = None) -> Console:
    """A console for stdout, stderr or ``file``: fitted to the screen on a
    terminal, unwrapped at the natural width otherwise (see above)."""
    terminal = Console(stderr=stderr, file=file, highlight=False)
    if terminal.is_terminal:
        return terminal
    return Console(stderr=stderr, file=file, highlight=False, soft_wrap=True, width=PAGE_WIDTH)


# Data and results (events, figures) go to stdout; everything else to stderr.
out = console()
err = console(stderr=True)


def progress_bar(*columns: str | ProgressColumn) -> Progress:
    """A transient progress bar on stderr; none off a terminal, where it could not
    be redrawn and would leave a blank line in the log."""
    return Progress(*columns, console=err, transient=True, disable=not err.is_terminal)


P = ParamSpec("P")
R = TypeVar("R")

BOOTSTRAP_HELP = (
    "Kafka bootstrap servers host:port[,host:port]. Default: EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS; "
    "for the embedded broker use the address `eventwire run` printed."
)


def fail(text: str, code: int = 1) -> typer.Exit:
    """Print one red line and return the exit to raise."""
    err.print(f"[bold red]error:[/] {text}", soft_wrap=True)
    return typer.Exit(code)


def friendly(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn expected failures into one red line and exit code 1 (no traceback)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except EventwireError as exc:
            raise fail(str(exc)) from None
        except ValidationError as exc:
            raise fail(f"invalid EVENTWIRE_* setting: {_first_error(exc)}") from None
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            # A bug, not a user error: still one line; the traceback goes to the
            # log at DEBUG so it is there when asked for.
            logging.getLogger(__name__).debug("unexpected error", exc_info=True)
            hint = "set EVENTWIRE_LOG_LEVEL=DEBUG for the traceback"
            raise fail(f"unexpected {type(exc).__name__}: {exc} ({hint})") from None

    return wrapper


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "settings"
    return f"{where}: {first.get('msg', exc)}"


def load_settings(*, client: bool = False) -> Settings:
    """Settings from the environment (raises ValidationError, see :func:`friendly`).

    ``client``: a short-lived CLI client (publish, tail, demo) that reports
    connection failures itself, so aiokafka's own error logs are silenced.
    """
    settings = Settings()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    debug = settings.log_level == "DEBUG"
    # aiokafka narrates every rebalance at INFO: noise for a CLI user.
    quiet = logging.CRITICAL if client and not debug else logging.WARNING
    if not debug:
        logging.getLogger("aiokafka").setLevel(quiet)
    return settings


def require_bootstrap(settings: Settings, bootstrap: str | None) -> str:
    """The address for publish/tail; they never start a broker of their own."""
    address = bootstrap or settings.kafka_bootstrap_servers
    if not address:
        raise fail(
            "no broker address: pass --bootstrap HOST:PORT (the address `eventwire run` "
            "printed) or set EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS"
        )
    return address


@contextmanager
def broker_for(settings: Settings) -> Iterator[str]:
    """The configured cluster's address, or a started embedded broker's."""
    if not settings.embedded:
        yield str(settings.kafka_bootstrap_servers)
        return
    with EmbeddedBroker(settings.embedded_broker_port) as broker:
        err.print(f"[yellow]{NOTICE.format(bootstrap=broker.bootstrap)}[/]")
        err.print(f"bootstrap: [bold]{broker.bootstrap}[/]  (use --bootstrap {broker.bootstrap})")
        yield broker.bootstrap
