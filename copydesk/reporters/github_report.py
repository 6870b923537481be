"""GitHub Actions workflow commands: one ::error/::warning/::notice line per finding."""

from __future__ import annotations

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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
