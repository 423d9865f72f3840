"""Rule families, one module each; importing this package registers every rule."""

from transclean.rules import boilerplate, encoding, lost, punctuation, terminology, translation
from transclean.rules.base import REGISTRY, Context, Example, Rule, register

FAMILIES = {
    "TC1": "encoding",
    "TC2": "boilerplate",
    "TC3": "punctuation",
    "TC4": "pronoun",
    "TC5": "acronym",
    "TC6": "title",
    "TC7": "grammar",
    "TC8": "untranslated",
    "TC9": "terminology",
}

__all__ = [
    "FAMILIES",
    "REGISTRY",
    "Context",
    "Example",
    "Rule",
    "boilerplate",
    "encoding",
    "lost",
    "punctuation",
    "register",
    "terminology",
    "translation",
]
