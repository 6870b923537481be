"""copydesk: editorial quality checks for news article drafts.

The public API is :class:`copydesk.Linter` (check and fix a draft in-process), with the values
it gives: :class:`Result`, :class:`Fixed`, :class:`FixedWord` (a Word draft), :class:`Finding`, :class:`Fix` and :class:`Edit`, and
:class:`Rule` for what each rule is. See copydesk.linter."""

from __future__ import annotations

from . import classcache

classcache.install()  # before any of copydesk's dataclasses is defined

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it

__version__ = "0.1.0"
__all__ = ["Linter", "Result", "Fixed", "FixedWord", "Finding", "Fix", "Edit", "Rule", "Config", "__version__"]

if TYPE_CHECKING:
    from typing import Any

    from .checker import Rule
    from .config import Config
    from .finding import Edit, Finding, Fix
    from .linter import Fixed, FixedWord, Linter, Result

_WHERE = {"Linter": "linter", "Result": "linter", "Fixed": "linter", "FixedWord": "linter", "Finding": "finding", "Fix": "finding",
          "Edit": "finding", "Rule": "checker", "Config": "config"}


def __getattr__(name: str) -> Any:
    # Loaded when first asked for, so that `copydesk --version` and the hook start fast.
    if name in _WHERE:
        from importlib import import_module

        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'copydesk' has no attribute {name!r}")
