"""The methods of copydesk's dataclasses compiled once per machine rather than once per process.

A dataclass writes its methods (__init__, __repr__, __eq__, __hash__, __setattr__) as source
text and compiles it when its class is defined: for copydesk's thirty-odd dataclasses that is a
sixth of a fresh process's time, which the pre-commit hook pays on every commit. install()
gives the dataclasses module an exec that takes the compiled code of the very same text from
the user's cache (copydesk.kept), keyed by the text and the interpreter's version, and runs it
as exec would; classes of other packages are left to the plain exec. Anything unexpected
falls back to compiling the text: the cache can make copydesk faster, never different.

dataclasses imports inspect (with ast, dis and tokenize) for one thing: a docstring for a class
that has none. Every dataclass of copydesk has one, so dataclasses is given a stand-in that
imports inspect only when it is first used, which a check run never does."""

from __future__ import annotations

import builtins
import marshal
import sys
import types

from .kept import Store

_store = Store(f"classes-{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal")


def path() -> str:
    return _store.path()


def _code(source: str):
    """The code exec would compile source to (in dataclasses, which has no __future__ imports)."""
    blob = _store.get(source)
    if blob is not None:
        try:
            return marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            pass
    code = builtins.compile(source, "<string>", "exec", dont_inherit=True)
    _store.put(source, marshal.dumps(code))
    return code


def _exec(source, globals=None, locals=None, /):
    """exec, with the compiled code of a copydesk dataclass's methods taken from the cache."""
    if isinstance(source, str):
        if isinstance(globals, dict) and str(globals.get("__name__", "")).startswith("copydesk"):
            source = _code(source)
        else:  # compiled as dataclasses' own exec would: without this module's __future__ imports
            source = builtins.compile(source, "<string>", "exec", dont_inherit=True)
    return builtins.exec(source, globals, locals)


def install() -> None:
    if "dataclasses" not in sys.modules and "inspect" not in sys.modules:
        # dataclasses is given a stand-in for inspect that imports the real one when first
        # asked for anything; every other module's `import inspect` gets the real one.
        stand_in = _Forward("inspect")
        sys.modules["inspect"] = stand_in
        try:
            import dataclasses
        finally:
            if sys.modules.get("inspect") is stand_in:
                del sys.modules["inspect"]
    else:
        import dataclasses

    if getattr(dataclasses, "exec", None) is None:
        dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before the builtin


class _Forward(types.ModuleType):
    """A module's stand-in that imports the module itself the first time an attribute is asked for."""

    def __getattr__(self, attr: str):
        import importlib

        return getattr(importlib.import_module(self.__name__), attr)
