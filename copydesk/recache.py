"""Regular expressions compiled once per machine rather than once per process.

Python compiles a pattern in Python code (parse, then code generation), which for copydesk's
two hundred patterns is a quarter of a fresh process's time: the pre-commit hook pays it on
every commit. The compiled program of each pattern (the list of codes the C matcher runs) is
kept in the user's cache, keyed by the pattern, its flags and the interpreter's regular
expression engine (its version tag and code size), and given straight to the C matcher the
next time. A pattern made from the cache is the same object re.compile makes (re.Pattern); the
file is read only when its checksum holds, and the C matcher checks the codes it is given
before it takes them.

Anything unexpected (another Python, a cache that cannot be read or written, an engine that
refuses the codes) falls back to re.compile: the cache can make copydesk faster, never wrong."""

from __future__ import annotations

import re
import sys

from . import kept

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Any

_sre: Any
try:  # the engine's own modules (CPython 3.11 and later)
    import _sre  # type: ignore[import-not-found,no-redef]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another interpreter: no cache
    _sre = None

if getattr(_sre, "CODESIZE", 4) != 4:  # the codes are kept as 4-byte ints
    _sre = None
# The last letter names the file's generation: "c" takes over from (and removes) files that grew
# by an entry a process, when one pattern was built in an order that changed with the hash seed.
_BASE = f"{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}-{getattr(_sre, 'CODESIZE', 0)}"
_TAG = f"{_BASE}-c"

_store = kept.Store(f"re-{_TAG}.marshal", replaces=(f"re-{_BASE}.marshal", f"re-{_BASE}-b.marshal"))


def path() -> str:
    return _store.path()


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), from the cache when it holds the pattern."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, flags)
    args = _store.get(key)
    if args is not None:
        try:
            kept_flags, codes, groups, groupindex, indexgroup = args
            return _sre.compile(pattern, kept_flags, memoryview(codes).cast("I").tolist(), groups, groupindex, indexgroup)
        except Exception:  # codes the engine refuses (or a spoilt entry): compiled again below, and kept anew
            pass
    try:
        args = _program(pattern, flags)
        compiled = _sre.compile(pattern, args[0], memoryview(args[1]).cast("I").tolist(), *args[2:])
    except re.error:
        raise
    except Exception:  # the engine's modules are not as expected: no cache
        return re.compile(pattern, flags)
    _store.put(key, args)
    return compiled


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """What re.compile gives the C matcher for pattern: flags, codes, groups and their names."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # The codes as bytes (native unsigned ints, the engine's code size: in the cache's name), which
    # the cache file holds and gives back whole, each pattern's turned into a list only when used.
    codes = b"".join(int(c).to_bytes(4, sys.byteorder) for c in code)
    return (int(flags | p.state.flags), codes, p.state.groups - 1, groupindex, tuple(indexgroup))


def _save() -> None:
    """Add the patterns compiled in this process to the cache file."""
    _store.save()
