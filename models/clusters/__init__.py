"""Story clusters: one record per real-world event, across articles.

Pure logic, no Kafka and no Faust (the stage that runs it is
``stream.clusters``): the cluster record (the public contract), how two
reports of an event are compared, and the online clusterer that folds events
into clusters one at a time. The same code clusters gold events fed in
directly (``models.evaluation.clusters``), so the figures measure exactly what
the stream runs.
"""
