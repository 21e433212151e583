"""Pure extraction: article text in, typed events out.

Nothing in this package imports Kafka or Faust; ``stream`` calls it through
:class:`models.base.Extractor` only.
"""
