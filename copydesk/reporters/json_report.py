"""The JSON report; its shape is documented in README and kept stable."""

from __future__ import annotations

import json

from .. import __version__
from . import is_word


def finding_dict(f) -> dict:
    """A finding as a dict; in a Word draft, line and column are the paragraph and the character
    in it (1-based), also given as paragraph and characters [start, end) counted from 0."""
    d = f.to_dict()
    if is_word(f.path):
        d["paragraph"] = f.line
        d["characters"] = [f.column - 1, f.end_column - 1 if f.end_line == f.line else None]
    return d


def render(report) -> str:
    data = {
        "tool": {"name": "copydesk", "version": __version__},
        "files": [{"path": r.path, "findings": [finding_dict(f) for f in r.findings]} for r in report.results],
        "summary": report.summary(),
        "errors": list(report.errors),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
