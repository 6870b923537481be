"""Suppression comments in markdownlint's style: `copydesk-disable RULES`, `copydesk-enable
RULES` and `copydesk-disable-next-line RULES` (no rules: all of them), in an HTML comment or on
a line of their own; and taking the findings they cover out of a report, with an
unused-suppression finding for one that covers nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from . import recache

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    from .document import Document
    from .finding import Finding

DIRECTIVE_RE = recache.compile(
    r"copydesk-(disable-next-line|disable|enable)\b([^\n\r]*?)(?:-->|$)"
)


@dataclass
class Directive:
    """A suppression comment: what it does, to which rules, and where it stands."""
    action: str  # disable, enable, disable-next-line
    rules: tuple[str, ...]
    start: int
    end: int
    line: int  # 1-based line of the directive


def read_directive(raw: str, start: int, end: int, line: int) -> Directive | None:
    """The directive in raw (a comment or a line at start..end of the file, on 0-based line
    line), or None."""
    m = DIRECTIVE_RE.search(raw)
    if not m:
        return None
    rules = tuple(r for r in re.split(r"[\s,]+", m.group(2).strip()) if r)
    return Directive(m.group(1), rules, start, end, line + 1)


def apply(doc: "Document", findings: list["Finding"], matches: Callable[[str, str], bool]) -> tuple[list["Finding"], list[Directive]]:
    """(the findings no directive covers, the directives that covered nothing). matches(selector,
    rule) says whether a directive's rule or prefix names a finding's rule."""
    # Lines (0-based) each directive covers, found in one pass: a disable stays open until the
    # first enable after it that names one of its rules (or either names none).
    ranges: list[list[Any]] = []  # [directive, first line, last line]
    pending: list[list[Any]] = []  # disable ranges not yet closed
    for d in doc.directives:
        if d.action == "disable-next-line":
            k = doc.line_of(d.end) + 1
            while k < doc.line_count and not doc.line_text(k).strip():
                k += 1
            ranges.append([d, k, k])
        elif d.action == "disable":
            r: list[Any] = [d, doc.line_of(d.start), doc.line_count]
            ranges.append(r)
            pending.append(r)
        elif d.action == "enable" and pending:
            still = []
            for r in pending:
                if not d.rules or not r[0].rules or set(r[0].rules) & set(d.rules):
                    r[2] = doc.line_of(d.start)
                else:
                    still.append(r)
            pending = still
    # Findings and ranges swept together by line, so that each finding meets only the
    # suppressions open on its line.
    used = set()
    kept = []
    order = sorted(range(len(ranges)), key=lambda i: ranges[i][1])
    nxt = 0
    active: list[int] = []
    for f in sorted(findings, key=lambda f: f.line):
        line = f.line - 1
        while nxt < len(order) and ranges[order[nxt]][1] <= line:
            active.append(order[nxt])
            nxt += 1
        active = [i for i in active if ranges[i][2] >= line]
        hit = False
        for idx in active:
            d = ranges[idx][0]
            if not d.rules or any(matches(r, f.rule) for r in d.rules):
                used.add(idx)
                hit = True
        if not hit:
            kept.append(f)
    return kept, [ranges[i][0] for i in range(len(ranges)) if i not in used]
