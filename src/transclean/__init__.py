"""transclean: repair and check machine-translated, scraped text.

>>> import transclean
>>> transclean.fix("The talks failed . . Both sides left.\\n\\n[ad_1]\\n")
'The talks failed. Both sides left.\\n'
>>> [f.code for f in transclean.check("Crème brÃ»lÃ©e")]
['TC101']
"""

from __future__ import annotations

import gc
from typing import Any

# The import makes about 200 modules, their classes and tables, which live as long as the process: the cyclic
# GC finds next to nothing to free in them, yet ran about 45 collections over them. It is paused for the
# import, then left as it was; the CLI then freezes what the import made (transclean.__main__), so no
# collection walks it. Paused without that freeze the first collection after the import walks it all at once
# (no gain: 8 M instructions more); with it, a cold check runs 41 M (3%) fewer.
_collecting = gc.isenabled()
gc.disable()
try:
    from transclean.cache import kept_re_patterns, kept_regex_patterns

    with kept_regex_patterns(), kept_re_patterns():  # the modules below (the rules) compile patterns at import
        from transclean.config import Config
        from transclean.model import Applicability, Category, Document, Edit, EditLog, Finding, Fix, Severity
        from transclean.pipeline import Pipeline, Result, pipeline_for
finally:
    if _collecting:
        gc.enable()

__version__ = "0.1.0"


def check(text: str, **options: Any) -> list[Finding]:
    """Findings for ``text``; ``options`` are :class:`Config` fields (select, ignore, profile, language...).
    The Pipeline for a configuration is built once per process."""
    return list(_pipeline(options).check(text).findings)


def fix(text: str, **options: Any) -> str:
    """``text`` with the enabled rules' fixes applied (safe ones only unless ``unsafe_fixes=True``): the
    same bytes as ``transclean clean``. Only rules whose fixes can apply run, on a Pipeline built once per
    process and configuration."""
    return _pipeline(options).process(text, findings=False).text


_DEFAULTS = Config()


def _pipeline(options: dict[str, Any]) -> Pipeline:
    """The cached Pipeline for these options (the defaults without building a Config per call)."""
    return pipeline_for(Config().merged(**options) if options else _DEFAULTS)


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
