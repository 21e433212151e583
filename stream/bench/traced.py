"""``python -m stream.bench.traced TRACE``: ``eventwire run`` plus a completion trace.

The worker is the production one; the only addition is one JSON line per input
message, written when the broker has confirmed all of that message's records
(its events, possibly none, or its dead letter): the wall-clock time then, the
input record's timestamp, and its key. Articles without events are therefore
timed exactly like the others, which a reader of the events topic cannot do.
"""

from __future__ import annotations

import sys
import time
from typing import IO

from stream import codec
from stream.pipeline import Routed, Tally


def install(trace: IO[bytes]) -> None:
    """Make every :meth:`Tally.confirmed` also append a completion line to ``trace``."""
    confirmed = Tally.confirmed

    def traced(self: Tally, routed: Routed) -> None:
        confirmed(self, routed)
        source = routed.item.source
        key = source.key.decode("utf-8", "replace") if source.key else None
        line = {"done_ms": time.time() * 1000, "input_ms": source.timestamp_ms, "key": key}
        trace.write(codec.dumps_line(line))
        trace.flush()

    Tally.confirmed = traced  # type: ignore[method-assign]


def main(argv: list[str]) -> None:
    """Open the trace file named by ``argv[0]`` and run the worker."""
    from stream.cli import app

    with open(argv[0], "ab", buffering=0) as trace:
        install(trace)
        app(["run"])


if __name__ == "__main__":
    main(sys.argv[1:])
