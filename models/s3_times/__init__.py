"""Stage 3, times: time expressions normalised against the article's publication date
(:mod:`models.s3_times.dates`; the regex rules in :mod:`models.s3_times.rules`)."""
