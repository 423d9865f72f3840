"""``python -m transclean``."""

from transclean.cli import app

app()
