"""The text report: one line per finding, the source line with the span underlined, a summary."""

from __future__ import annotations

from collections import Counter


from . import where

WINDOW = 100  # characters of a long source line shown around a finding
COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


# A draft's control characters are never sent to the terminal as they are (an ESC could
# recolour or rewrite it): each is shown as its Unicode picture, one column wide, so that the
# underline stays under the span.
_PICTURES = {c: chr(0x2400 + c) for c in range(0x20)} | {0x7F: "\u2421"} | {c: "\ufffd" for c in range(0x80, 0xA0)}


def _visible(text: str) -> str:
    return text.translate(_PICTURES)


def _snippet(doc, f) -> tuple[str, str, str]:
    k = f.line - 1
    if doc.format == "docx" and doc.source is not None:  # the line is the paragraph
        line = doc.source.paragraph_text(k).replace("\n", " ")
    else:
        line = doc.line_text(k)
    a = f.column - 1
    z = f.end_column - 1 if f.end_line == f.line else len(line)
    z = max(z, a + 1)
    lo = max(0, min(a - 30, len(line) - WINDOW))
    hi = min(len(line), max(lo + WINDOW, z))
    shown = line[lo:hi]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    shown = _visible("".join(" " if c in "\t\u00a0\u200b" else c for c in shown))
    marker = " " * (len(prefix) + a - lo) + "^" * max(1, min(z, hi) - a)
    return (f"¶{f.line}" if doc.format == "docx" else str(f.line)), prefix + shown + suffix, marker


def render(report) -> str:
    out: list[str] = []
    if report.color:
        import click  # only to colour: a report to a pipe or file does without it

        style = click.style
    else:
        style = lambda s, **kw: s  # noqa: E731
    for r in report.results if not report.statistics else ():  # --statistics: the table only, as ruff
        for f in r.findings:
            fixable = " [*]" if f.fix is not None and f.fix.safe else ""
            head = (f"{_visible(where(f))}: {style(f.severity, fg=COLORS[f.severity], bold=True)} "
                    f"{style(f.rule, bold=True)}{style(fixable, bold=True)} {_visible(f.message)}")
            out.append(head)
            if report.quiet or r.document is None:
                continue
            n, shown, marker = _snippet(r.document, f)
            width = len(n)
            out.append(f"  {n} | {shown}")
            out.append(f"  {' ' * width} | {style(marker, fg=COLORS[f.severity])}")
            if f.suggestions:
                out.append(f"  {' ' * width} = suggestion: {' / '.join(repr(s) for s in f.suggestions)}")
    if report.statistics:
        counts = Counter((f.rule, f.severity) for f in report.findings())
        for (rule, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{n:6d}  {rule:36s} {sev}")
    s = report.summary()
    if not report.quiet or s["findings"]:
        files = f"{s['files']} file" + ("" if s["files"] == 1 else "s")
        if s["findings"]:
            out.append(
                f"Found {s['findings']} finding{'s' if s['findings'] != 1 else ''} in {files}: "
                f"{s['error']} error{'s' if s['error'] != 1 else ''}, {s['warning']} warning{'s' if s['warning'] != 1 else ''}, {s['info']} info."
            )
        elif not s["files"] and not report.errors:
            out.append("No files to check (none named, or all excluded by the configuration).")
        elif not report.errors:
            out.append(f"All clear: no findings in {files}.")
        else:
            out.append(f"No findings in {files}.")
        if report.hidden:
            out[-1] += f" {report.hidden} info not shown (--min-severity info shows them)."
        safe = sum(1 for f in report.findings() if f.fix is not None and f.fix.safe)
        unsafe = sum(1 for f in report.findings() if f.fix is not None and not f.fix.safe)
        if safe:
            more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
            out.append(f"[*] {safe} fixable with --fix{more}.")
        elif unsafe:
            out.append(f"{unsafe} fixable with --fix --unsafe-fixes.")
        if report.errors:
            # The errors again, under the summary: above, they scroll away behind the findings.
            n = len(report.errors)
            out.append(f"{n} error{'s' if n != 1 else ''} (exit code 2):")
            out.extend(f"  {_visible(e)}" for e in report.errors)
    return "\n".join(out) + "\n" if out else ""  # quiet and clean: nothing at all
