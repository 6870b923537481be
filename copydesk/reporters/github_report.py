"""GitHub Actions workflow commands: one ::error/::warning/::notice line per finding."""

from __future__ import annotations

import re

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    # other control characters (ESC, BEL) from a file name never reach the runner's log raw
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"%{ord(m.group()):02X}", s)


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(report) -> str:
    out = []
    for r in report.results:
        for f in r.findings:
            props = ",".join(
                f"{k}={escape_property(str(v))}"
                for k, v in (
                    ("file", f.path),
                    ("line", f.line),
                    ("col", f.column),
                    ("endLine", f.end_line),
                    ("endColumn", f.end_column),
                    ("title", f"copydesk {f.rule}"),
                )
            )
            message = f.message + (f" Suggestion: {f.suggestions[0]}" if f.suggestions else "")
            out.append(f"::{LEVEL[f.severity]} {props}::{escape_data(message)}")
    return "".join(line + "\n" for line in out)
