"""A fingerprint of a finding that survives edits elsewhere in the file: the rule, the path,
the offending text and a little of the text around it on its line, never the line number."""

from __future__ import annotations

import hashlib

CONTEXT = 24  # characters of the same line on each side


def fingerprint(f, doc) -> str:
    k = f.line - 1
    line_start = doc.line_starts[k]
    end_line = doc.line_ends[f.end_line - 1]
    before = doc.text[max(line_start, f.start - CONTEXT) : f.start]
    after = doc.text[f.end : min(end_line, f.end + CONTEXT)]
    norm = " ".join(f"{before}\x00{f.excerpt}\x00{after}".split())
    return hashlib.sha256(f"{f.rule}\x01{norm}".encode("utf-8")).hexdigest()[:32]
