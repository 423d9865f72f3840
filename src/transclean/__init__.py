"""transclean: repair and check machine-translated, scraped text.

>>> import transclean
>>> transclean.fix("The talks failed . . Both sides left.\\n\\n[ad_1]\\n")
'The talks failed. Both sides left.\\n'
>>> [f.code for f in transclean.check("Crème brÃ»lÃ©e")]
['TC101']
"""

from __future__ import annotations

from typing import Any

from transclean.config import Config
from transclean.model import Applicability, Category, Document, Edit, EditLog, Finding, Fix, Severity
from transclean.pipeline import Pipeline, Result

__version__ = "0.1.0"


def check(text: str, **options: Any) -> list[Finding]:
    """Findings for ``text``; ``options`` are :class:`Config` fields (select, ignore, profile, language...)."""
    return list(Pipeline(**options).check(text).findings)


def fix(text: str, **options: Any) -> str:
    """``text`` with the enabled rules' fixes applied (safe ones only unless ``unsafe_fixes=True``)."""
    return Pipeline(**options).process(text).text


__all__ = [
    "Applicability",
    "Category",
    "Config",
    "Document",
    "Edit",
    "EditLog",
    "Finding",
    "Fix",
    "Pipeline",
    "Result",
    "Severity",
    "check",
    "fix",
]
