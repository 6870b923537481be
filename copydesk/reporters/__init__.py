"""Report formats. Each module has render(report) -> str."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from ..engine import FileResult
from ..finding import Finding
from .. import recache

FORMATS = ("text", "json", "sarif", "github", "junit", "rdjson", "markdown", "html")


def is_word(path: str) -> bool:
    """A Word draft, whose findings' lines are paragraph numbers and columns characters in them."""
    return path.lower().endswith(".docx")


def where(f: Finding) -> str:
    """path:line:column, or path:¶paragraph:character for a Word draft."""
    return f"{f.path}:¶{f.line}:{f.column}" if is_word(f.path) else f"{f.path}:{f.line}:{f.column}"


@dataclass
class Report:
    """What a report format is given: the results, the files not checked and how to show them."""
    results: list[FileResult]
    errors: list[str] = field(default_factory=list)  # files that could not be checked
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    root: str = "."  # for relative paths in formats that want them
    hidden: int = 0  # findings below the display floor (--min-severity), not in the report

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


_SURROGATE_RE = recache.compile("[\ud800-\udfff]")
JSON_FORMATS = ("json", "sarif", "rdjson")
RAW_FORMATS = ("text", "github")  # read by people and by runners: a file name's own bytes


def encoded(fmt: str, text: str) -> bytes:
    """The report as bytes. A file name that is not UTF-8 reaches here with its bytes as lone
    surrogates: text reports give back the name's own bytes, as the terminal shows them; JSON
    reports write them as \\udcXX escapes (valid JSON that decodes to the same name); XML and
    HTML reports, which cannot hold them, show U+FFFD."""
    if fmt in RAW_FORMATS:
        return text.encode("utf-8", "surrogateescape")
    if fmt in JSON_FORMATS:
        text = _SURROGATE_RE.sub(lambda m: "\\u%04x" % ord(m.group()), text)
        return text.encode("utf-8")
    return _SURROGATE_RE.sub("\ufffd", text).encode("utf-8")

