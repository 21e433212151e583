"""Assembly: sentence signals, entity mentions and times in; merged :class:`Event` objects out.

Shared by every extractor. Stages: coreference of bare names (``coref``; the bare
"kingdom", ``kingdom``), per-trigger candidates with roles (``roles``, ``subjects``,
``destinations``, ``invite``, ``guests``, ``arms``, ``suppliers``; ``nominal`` keeps
meeting nouns that have a meeting's structure; ``venue`` places meetings), the
learned core's readings turned into candidates (``readings``, with ``officeholder``
for "the Iranian minister", ``possessor`` for "after his meeting with" and "receiving
his excellency", ``sites`` for "visited the festival", ``maker`` for "a visit the
minister makes", ``peer`` for "his American counterpart"; ``possessor`` also drops a
body's own sitting), spans that name no party dropped (``parties``: a form of address or
an adjective of the meeting alone, a span cut at a preposition, a city after "in";
``delegation``: a delegation beside the person heading it), merging within the article (``merge``;
``officeholder`` also joins an office's visit to its holder's, ``delegation`` a
delegation's visit to its head's, ``vague`` a meeting with
unnamed groups to the named one), the time policy (``timing``), and public events with
deterministic ids and no troops or cargo for visitors (``build``).
"""

from models.s7_assemble.pipeline import assemble

__all__ = ["assemble"]
