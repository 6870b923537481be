"""What a checker reports: a finding at a source span, with its message, suggestions and fix."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")
RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Edit:
    """Replace source[start:end] with text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    """The edits that fix a finding, and whether they are safe to apply unread."""
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    """One fault at a span of the draft. Frozen, hashable and picklable: a finding is a value.

    A checker gives the rule, message and span (offsets into the decoded text, end exclusive);
    the engine adds the place as every tool counts it: lines and code-point columns (1-based)
    for people, UTF-16 columns for editors and LSP, UTF-8 byte offsets for byte-based tools."""

    rule: str
    severity: str
    message: str
    start: int  # source offsets, end exclusive
    end: int
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    excerpt: str = ""
    column_utf16: int = 0
    end_column_utf16: int = 0
    byte_start: int = 0
    byte_end: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.suggestions, tuple):
            object.__setattr__(self, "suggestions", tuple(self.suggestions))

    @property
    def checker(self) -> str:
        return self.rule.split(".", 1)[0]

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.rule, self.message)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": self.excerpt,
            "suggestions": list(self.suggestions),
            "fix": None
            if self.fix is None
            else {
                "safe": self.fix.safe,
                "edits": [{"start": e.start, "end": e.end, "text": e.text} for e in self.fix.edits],
            },
        }
