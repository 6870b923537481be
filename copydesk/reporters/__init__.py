"""Report formats. Each module has render(report) -> str."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from ..engine import FileResult
from ..finding import Finding

FORMATS = ("text", "json", "sarif", "github", "junit", "rdjson", "markdown", "html")


@dataclass
class Report:
    results: list[FileResult]
    errors: list[str] = field(default_factory=list)  # files that could not be checked
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    root: str = "."  # for relative paths in formats that want them

    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    def summary(self) -> dict:
        fs = self.findings()
        return {
            "files": len(self.results),
            "findings": len(fs),
            "error": sum(f.severity == "error" for f in fs),
            "warning": sum(f.severity == "warning" for f in fs),
            "info": sum(f.severity == "info" for f in fs),
        }


def render(fmt: str, report: Report) -> str:
    if fmt not in FORMATS:
        raise ValueError(fmt)
    return import_module(f"copydesk.reporters.{fmt}_report").render(report)
