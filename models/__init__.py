"""Pure extraction: article text in, typed events out.

The folders are the pipeline's stages in order (``s1_document`` … ``s7_assemble``):
stage 1 reads an article once into a :class:`~models.s1_document.Document`, each later
stage adds a layer to it (see :mod:`models.s1_document.document`); ``extractors`` holds
the two runs of the stages. Nothing in this package imports Kafka or Faust; ``stream``
calls it through :class:`models.base.Extractor` only.
"""
