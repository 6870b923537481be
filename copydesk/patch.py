"""What a fix changed: as a unified diff, which patch and git apply read, or as edits on the
text before it, which an editor or a CMS applies."""

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


def edits_between(before: str, after: str) -> list[tuple[int, int, str]]:
    """The changes that turn before into after, as (start, end, new text) on before's code-point
    offsets, in order and not overlapping: the lines that differ, each change cut down to the
    characters that differ."""
    a, b = _lines(before), _lines(after)
    starts = [0]
    for line in a:
        starts.append(starts[-1] + len(line))
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        start, end, new = starts[i1], starts[i2], "".join(b[j1:j2])
        old = before[start:end]
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        out.append((start + head, end - tail, new[head: len(new) - tail]))
    return out
