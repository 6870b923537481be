"""One self-contained HTML page: each article with its findings highlighted in place (message
and suggestion on hover or focus), a summary by rule and severity, and a severity filter.
No network, no external assets; readable on a phone."""

from __future__ import annotations

import json
from collections import Counter
from html import escape

from .. import __version__

STYLE = """
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
header, main { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
td:first-child { overflow-wrap: anywhere; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: 1rem 0; }
.filters label { white-space: nowrap; }
section.file { background: #fff; border: 1px solid #ddd; border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem 1rem; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif; font-size: 1rem; border-top: 1px solid #eee; padding-top: .75rem; }
ol.findings { padding-left: 1.25rem; font-size: .9rem; }
ol.findings li { margin: .25rem 0; overflow-wrap: anywhere; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .75rem; }
.sev-error .sev { color: var(--error); } .sev-warning .sev { color: var(--warning); } .sev-info .sev { color: var(--info); }
mark { position: relative; background: #fff3b0; border-bottom: 2px solid var(--warning); padding: 0; cursor: help; color: inherit; }
mark.top-error { background: #ffd9d6; border-bottom-color: var(--error); }
mark.top-info { background: #dbe9ff; border-bottom-color: var(--info); }
mark.point { display: inline-block; width: .4rem; min-height: 1em; }
mark.off { background: none; border-bottom-color: transparent; cursor: auto; }
mark:not(.off):hover::after, mark:not(.off):focus::after {
  content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 2; width: max-content; max-width: min(22rem, 80vw);
  white-space: pre-wrap; font: .85rem/1.35 system-ui, sans-serif; background: #222; color: #fff; padding: .4rem .55rem; border-radius: 4px;
}
li.off { display: none; }
"""

SCRIPT = """
(function () {
  var boxes = document.querySelectorAll('.filters input');
  var sev = JSON.parse(document.getElementById('severities').textContent);
  function apply() {
    var show = {};
    boxes.forEach(function (b) { show[b.value] = b.checked; });
    document.querySelectorAll('mark[data-ids]').forEach(function (m) {
      var on = m.dataset.ids.split(' ').some(function (id) { return show[sev[id]]; });
      m.classList.toggle('off', !on);
      if (on) { m.setAttribute('tabindex', '0'); } else { m.removeAttribute('tabindex'); }
    });
    document.querySelectorAll('li[data-id]').forEach(function (li) { li.classList.toggle('off', !show[sev[li.dataset.id]]); });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
"""

RANK = {"info": 1, "warning": 2, "error": 3}


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _tip(f) -> str:
    tip = f"{f.severity} {f.rule}: {f.message}"
    if f.suggestions:
        tip += f"\nSuggestion: {f.suggestions[0]}"
    return tip


def _text(s: str) -> str:
    # A carriage return is written as a character reference, which the HTML parser keeps,
    # so that the page holds the file's text exactly.
    return escape(s).replace("\r", "&#13;")


def _article(text: str, findings: list, ids: list[str]) -> str:
    """The article text with every finding's span wrapped in marks, overlaps split into segments."""
    points = {0, len(text)}
    for f in findings:
        points.add(f.start)
        points.add(f.end)
    bounds = sorted(points)
    empty: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        if f.start == f.end:
            empty.setdefault(f.start, []).append(i)
    out = []
    for a, b in zip(bounds, bounds[1:] + [None]):
        for i in empty.get(a, []):
            out.append(f'<mark class="point top-{findings[i].severity}" data-ids="{ids[i]}" tabindex="0" data-tip="{escape(_tip(findings[i]))}"></mark>')
        if b is None:
            break
        cover = [i for i, f in enumerate(findings) if f.start <= a and f.end >= b and f.start < f.end]
        chunk = _text(text[a:b])
        if not cover:
            out.append(chunk)
            continue
        top = max((findings[i].severity for i in cover), key=RANK.get)
        tip = escape("\n".join(_tip(findings[i]) for i in cover))
        out.append(f'<mark class="top-{top}" data-ids="{" ".join(ids[i] for i in cover)}" tabindex="0" data-tip="{tip}">{chunk}</mark>')
    return "".join(out)


def render(report) -> str:
    s = report.summary()
    severities: dict[str, str] = {}
    counts = Counter((f.rule, f.severity) for f in report.findings())
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>copydesk report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<header><h1>copydesk report</h1>",
        f'<p id="summary">{_count(s["findings"], "finding")} in {_count(s["files"], "file")}: {_count(s["error"], "error")}, '
        f'{_count(s["warning"], "warning")}, {s["info"]} info. copydesk {escape(__version__)}.</p>',
        '<div class="filters" role="group" aria-label="Show severities">',
    ]
    for sev in ("error", "warning", "info"):
        parts.append(f'<label><input type="checkbox" value="{sev}" checked> {sev} ({s[sev]})</label>')
    parts.append("</div>")
    if counts:
        parts.append('<table id="by-rule"><thead><tr><th>rule</th><th>severity</th><th>findings</th></tr></thead><tbody>')
        for (rule, sev), n in sorted(counts.items(), key=lambda kv: (-RANK[kv[0][1]], -kv[1], kv[0][0])):
            parts.append(f"<tr><td>{escape(rule)}</td><td>{sev}</td><td>{n}</td></tr>")
        parts.append("</tbody></table>")
    for e in report.errors:
        parts.append(f'<p class="error">Could not check: {escape(e)}</p>')
    parts.append("</header><main>")
    for n, r in enumerate(report.results):
        ids = [f"f{n}-{i}" for i in range(len(r.findings))]
        for fid, f in zip(ids, r.findings):
            severities[fid] = f.severity
        parts.append(f'<section class="file" id="file-{n}"><h2>{escape(r.path)}</h2>')
        if r.findings:
            parts.append('<ol class="findings">')
            for fid, f in zip(ids, r.findings):
                sugg = f" Suggestion: <q>{escape(f.suggestions[0])}</q>" if f.suggestions else ""
                parts.append(
                    f'<li class="sev-{f.severity}" data-id="{fid}" data-start="{f.start}" data-end="{f.end}">'
                    f'<span class="sev">{f.severity}</span> {f.line}:{f.column} <code>{escape(f.rule)}</code> {escape(f.message)}{sugg}</li>'
                )
            parts.append("</ol>")
        else:
            parts.append("<p>No findings.</p>")
        text = r.document.text if r.document is not None else ""
        parts.append(f'<div class="article" data-path="{escape(r.path)}">{_article(text, r.findings, ids)}</div></section>')
    parts.append("</main>")
    parts.append(f'<script type="application/json" id="severities">{json.dumps(severities)}</script>')
    parts.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"
