"""Stage 2, entities: people, organisations, countries and places in the article, with
canonical names and ISO countries from the gazetteer where it knows them
(:mod:`models.s2_entities.finder`), office-holders named by title, groups and
delegations, and unknown capitalised names (:mod:`models.s2_entities.fallback`)."""
