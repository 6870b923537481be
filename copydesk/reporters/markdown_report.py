"""A Markdown summary: a table of findings per file and rule, for $GITHUB_STEP_SUMMARY or a
pull-request comment."""

from __future__ import annotations

from collections import Counter
from .. import recache


MARKDOWN_SPECIAL = recache.compile(r"([\\`*_{}\[\]()<>#+!|~&])")
CONTROL = recache.compile(r"[\x00-\x1f\x7f]")


def _cell(s: str) -> str:
    """Text from a draft or a file name as table text: every character Markdown or HTML would
    read as markup escaped (a file named a[x](evil)<img src=x>.txt stays text), control
    characters and line breaks as spaces."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", CONTROL.sub(" ", s))


def render(report) -> str:
    s = report.summary()
    out = ["## copydesk", ""]
    if not s["findings"]:
        out.append(f"No findings in {s['files']} file{'s' if s['files'] != 1 else ''}.")
    else:
        plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
        out.append(
            f"**{s['findings']}** finding{'s' if s['findings'] != 1 else ''} in {plural(s['files'], 'file')}: "
            f"{plural(s['error'], 'error')}, {plural(s['warning'], 'warning')}, {s['info']} info."
        )
        out += ["", "| file | rule | severity | findings | first at |", "| --- | --- | --- | ---: | --- |"]
        for r in report.results:
            counts = Counter((f.rule, f.severity) for f in r.findings)
            first = {}
            for f in r.findings:
                first.setdefault(f.rule, f)
            for (rule, sev), n in sorted(counts.items()):
                f = first[rule]
                out.append(f"| {_cell(r.path)} | `{rule}` | {sev} | {n} | line {f.line}: {_cell(f.excerpt[:40])} |")
    for e in report.errors:
        out.append(f"\n> could not check: {_cell(e)}")
    return "\n".join(out) + "\n"
