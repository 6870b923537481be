"""LSP positions: a 0-based line and a character counted in the encoding agreed with the client
(UTF-16 units unless the client asked for UTF-8 bytes or UTF-32 code points)."""

from __future__ import annotations

from collections.abc import Iterable

from ..lines import LineIndex


def positions(text: str, offsets: Iterable[int], encoding: str = "utf-16") -> dict[int, tuple[int, int]]:
    """Each code-point offset into text as (line, character), both 0-based."""
    index = LineIndex(text)
    wanted = set(offsets)
    starts = {index.starts[index.line_of(o)] for o in wanted} if encoding == "utf-8" else set()
    found = index.positions(wanted | starts)
    out = {}
    for o in wanted:
        p = found[o]
        if encoding == "utf-8":
            character = p.byte - found[index.starts[p.line - 1]].byte
        elif encoding == "utf-32":
            character = p.column - 1
        else:
            character = p.column_utf16 - 1
        out[o] = (p.line - 1, character)
    return out
