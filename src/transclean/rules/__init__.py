"""The rules, one module per rule in a package per category (``rules/pronoun/tc401_pronoun_gender.py``).

Importing this package imports every rule module, which registers its rule: adding a rule is adding a file.
"""

from importlib import import_module
from pkgutil import iter_modules

from transclean.context import Context
from transclean.model import Category
from transclean.rules.base import REGISTRY, Example, Rule, Trigger, register


def _import_rules() -> None:
    """Import ``rules/<category>/tcNNN_*.py`` for every category, in code order."""
    for category in Category:
        package = import_module(f"{__name__}.{category.value}")
        for module in sorted(m.name for m in iter_modules(package.__path__) if m.name.startswith("tc")):
            import_module(f"{package.__name__}.{module}")


_import_rules()

__all__ = ["REGISTRY", "Context", "Example", "Rule", "Trigger", "register"]
