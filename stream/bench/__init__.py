"""``eventwire bench``: end-to-end throughput and latency, batched vs naive.

The logic lives here (corpus, process probes, runs, report); the command in
:mod:`stream.cli.bench` only parses options and prints. The README's
"Performance" section defines every figure and quotes a full run.
"""
