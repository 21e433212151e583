"""The two extractors behind :class:`models.base.Extractor`, each a run of the stages
``s1_document`` … ``s7_assemble`` over one :class:`~models.s1_document.Document` per article.

``lexicon``: rules only (triggers from lists, roles from word order).
``transformer`` (default): e5-small, top layers fine-tuned, and the learned core.

Nothing is imported here: :mod:`models.factory` imports the one asked for, so the
lexicon extractor never pays for importing torch.
"""
