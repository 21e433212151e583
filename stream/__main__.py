"""``python -m stream`` = the ``eventwire`` command."""

from stream.cli import main

main()
