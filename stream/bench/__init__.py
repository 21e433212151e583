"""``eventwire bench``: end-to-end throughput and latency, batched vs naive.

The logic lives here (corpus, process probes, runs, report); the command in
:mod:`stream.cli.bench` only parses options and prints. See
``stream/bench/README-draft.md`` for the figures and how they are defined.
"""
