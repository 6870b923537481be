"""The JSON report; its shape is documented in README and kept stable."""

from __future__ import annotations

import json

from .. import __version__


def render(report) -> str:
    data = {
        "tool": {"name": "copydesk", "version": __version__},
        "files": [{"path": r.path, "findings": [f.to_dict() for f in r.findings]} for r in report.results],
        "summary": report.summary(),
        "errors": list(report.errors),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
