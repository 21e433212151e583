"""The learned core: fine-tuned top encoder layers and four heads read from one pass.

Stages: :mod:`models.core.data` (annotations as data, with offsets) →
:mod:`models.core.features` (the frozen bottom layers' states, cached for training)
→ :mod:`models.core.network` (top layers + entity, trigger, status and role heads)
→ :mod:`models.core.train` (``eventwire train``) → :mod:`models.core.reader`
(serving: states in, triggers, entities, statuses and roles out) →
:mod:`models.core.assemble` (readings → candidate events for the shared assembly).
"""
