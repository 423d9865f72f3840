"""Rule families, one module each; importing this package registers every rule."""

from transclean.rules import (
    boilerplate,
    encoding,
    lost,
    punctuation,
    tc204_template_line,
    terminology,
    translation,
)
from transclean.rules.base import REGISTRY, Context, Example, Rule, register

__all__ = [
    "REGISTRY",
    "Context",
    "Example",
    "Rule",
    "boilerplate",
    "encoding",
    "lost",
    "punctuation",
    "register",
    "tc204_template_line",
    "terminology",
    "translation",
]
