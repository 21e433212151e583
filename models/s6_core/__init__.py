"""The learned core: fine-tuned top encoder layers and four heads read from one pass.

Stages: :mod:`models.s6_core.data` (annotations as data, with offsets) →
:mod:`models.s6_core.features` (the frozen bottom layers' states, cached for training)
→ :mod:`models.s6_core.network` (top layers + entity, trigger, status and role heads)
→ :mod:`models.s6_core.train` (``eventwire train``) → :mod:`models.s6_core.reader`
(serving: states in, triggers, entities, statuses and roles out) →
:mod:`models.s7_assemble.readings` (readings → candidate events for the shared assembly).
"""
