"""The cluster stage: events → story clusters, a stateful Faust stage.

Two agents in the worker's app (``stage``), around the pure clusterer of
``models.clusters``:

1. **route** reads the events topic (any number of partitions), checks each
   record is an event and forwards it to ``<app_id>-cluster-route``, a topic
   of ONE partition keyed by event type, with its publication time as a
   header. Every candidate of a cluster must meet in one partition, and
   actors cannot be an exact routing key: reports name them differently (two
   participants of three, a surname, an untranslated name). One partition is
   enough at news rates: see the README's measurement.
2. **cluster** reads the route topic in micro-batches, folds each event into
   the clusterer and writes its cluster to a Faust table (changelog-backed),
   event by event; then sends every changed cluster (the whole record) to the
   compacted cluster topic, waits for the broker's confirmations and lets
   Faust commit. After a restart the table is recovered from its changelog and the
   clusterer's indexes are rebuilt from it.
"""
