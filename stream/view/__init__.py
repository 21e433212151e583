"""The live analyst view: one page and a read-only JSON API over the events topic.

``eventwire view`` (and ``eventwire demo --view``) reads the events topic, and
the clusters topic when it exists, from the beginning and then live, without a
consumer group, into a bounded in-memory store; an aiohttp server answers the
page and ``/api/*`` from it. Layout, from the topic to the browser:

``rows`` (one validated event → a compact row) → ``query`` (filters, paging,
sorting) → ``store`` (the bounded store and its tallies) → ``reader`` (the
Kafka consumers) → ``live`` (Server-Sent Events) → ``api`` (the JSON
endpoints) → ``assets`` (the page's files, in memory) → ``server`` (the
application, security headers, the serving loop) →
``static/`` (the page: hand-written JS and CSS, vendored d3-geo, topojson and
world-atlas).
"""
