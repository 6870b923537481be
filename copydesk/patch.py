"""Unified diffs of a fix, as patch and git apply read them."""

from __future__ import annotations

import difflib
import os
import re


def patch_name(name: str) -> str:
    """A file name in a diff header, quoted C-style as git writes it when it holds a space, a
    quotation mark, a backslash or a control character, so that patch and git apply read it whole."""
    if not re.search(r'[\s"\\\x00-\x1f\x7f]', name):
        return name
    escapes = {"\t": "\\t", "\n": "\\n", '"': '\\"', "\\": "\\\\"}
    out = []
    for b in name.encode("utf-8", "surrogateescape"):
        c = chr(b)
        if c in escapes:
            out.append(escapes[c])
        elif b < 0x20 or b >= 0x7f:
            out.append(f"\\{b:03o}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _lines(text: str) -> list[str]:
    """Lines as patch and git apply count them: ended by "\\n" only (a lone "\\r" stays inside
    its line)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def unified(path: str, before: str, after: str, bom: bool = False) -> list[str]:
    """The diff from before to after, a line with no end marked as such wherever it stands."""
    name = os.path.normpath(path).replace(os.sep, "/").lstrip("/")  # never a/./story.md
    mark = "\ufeff" if bom else ""  # the byte-order mark is part of the first line, as patch reads it
    return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            for line in difflib.unified_diff(_lines(mark + before), _lines(mark + after),
                                             patch_name("a/" + name), patch_name("b/" + name))]
