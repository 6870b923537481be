"""One self-contained HTML page. The first screen answers the question: how many articles,
how many need work, and a list of them with their error and warning counts, each a link to the
article. Each article that needs work follows with its findings listed (message visible,
fixable ones marked) above its text, where each finding is highlighted in place (message and
suggestion on hover or focus too). Front matter is a small table; Markdown's heading marks
are not shown. Clean articles are listed, collapsed. A severity filter; a table by rule,
collapsed. No network, no external assets; keyboard-usable; readable on a phone."""

from __future__ import annotations

import json
from collections import Counter
from html import escape

from ..parsers.markdown import ATX_RE

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
#overview { margin: .5rem 0 1rem; }
#overview td.n { text-align: right; width: 4.5rem; font-variant-numeric: tabular-nums; }
#overview .clean td { color: #555; }
.need { font-size: 1.1rem; }
details > summary { cursor: pointer; }
details.file > summary { font-weight: 600; overflow-wrap: anywhere; }
.fixable { font-size: .75rem; border: 1px solid #2e7d32; color: #2e7d32; border-radius: 3px; padding: 0 .25rem; white-space: nowrap; }
.fixable.unsafe { border-color: #777; color: #555; }
table.front-matter { width: auto; margin: .5rem 0; font-size: .85rem; }
table.front-matter th { color: #555; font-weight: 600; padding-right: 1rem; }
.syntax { display: none; }
a:focus, summary:focus, mark:focus { outline: 2px solid #1565c0; outline-offset: 1px; }
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


def _syntax(doc, findings: list) -> list[tuple[int, int]]:
    """Spans of Markdown syntax a reader need not see: the front matter (shown as a table
    instead) and heading marks ("# "), unless a finding touches them. They stay in the page,
    hidden, so that the article's text is the file's text, character for character."""
    if doc is None or doc.format != "markdown":
        return []
    spans = [(0, doc.front_matter_end)] if doc.front_matter_end else []
    for b in doc.blocks:
        if b.kind in ("headline", "heading"):
            k = doc.line_of(b.start)
            m = ATX_RE.match(doc.line_text(k))
            if m and m.end() > m.end(1):  # the marks and the space after them
                spans.append((doc.line_starts[k], doc.line_starts[k] + m.end()))
    return [(a, z) for a, z in spans if not any(f.start < z and f.end > a or a <= f.start < z for f in findings)]


def _front_matter(doc) -> str:
    if doc is None:
        return ""
    rows = [(b.key, b.text) for b in doc.blocks if b.key]  # the title field is read as the headline
    if not rows:
        return ""
    body = "".join(f"<tr><th scope=\"row\">{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="front-matter" aria-label="Front matter">{body}</table>'


def _article(text: str, findings: list, ids: list[str], hidden: list[tuple[int, int]] = ()) -> str:
    """The article text with every finding's span wrapped in marks, overlaps split into segments."""
    points = {0, len(text)}
    for a, z in hidden:
        points.add(a)
        points.add(z)
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
            if any(h <= a and b <= z for h, z in hidden):
                chunk = f'<span class="syntax">{chunk}</span>'
            out.append(chunk)
            continue
        top = max((findings[i].severity for i in cover), key=RANK.get)
        tip = escape("\n".join(_tip(findings[i]) for i in cover))
        out.append(f'<mark class="top-{top}" data-ids="{" ".join(ids[i] for i in cover)}" tabindex="0" data-tip="{tip}">{chunk}</mark>')
    return "".join(out)


def _fixable(f) -> str:
    if f.fix is None:
        return ""
    if f.fix.safe:
        return ' <span class="fixable" title="copydesk check --fix repairs this">fixable</span>'
    return ' <span class="fixable unsafe" title="copydesk check --fix --unsafe-fixes repairs this">fixable (unsafe)</span>'


def render(report) -> str:
    s = report.summary()
    severities: dict[str, str] = {}
    counts = Counter((f.rule, f.severity) for f in report.findings())
    need = [(n, r) for n, r in enumerate(report.results) if r.findings]
    clean = [(n, r) for n, r in enumerate(report.results) if not r.findings]
    fixable = sum(1 for f in report.findings() if f.fix is not None and f.fix.safe)
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>copydesk report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<header><h1>copydesk report</h1>",
        f'<p id="summary" class="need"><strong>{_count(s["files"], "article")}</strong>, '
        f'<strong>{len(need)} need{"s" if len(need) == 1 else ""} work</strong>: {_count(s["error"], "error")}, '
        f'{_count(s["warning"], "warning")}, {s["info"]} info; {fixable} fixable with <code>copydesk check --fix</code>.</p>',
    ]
    for e in report.errors:
        parts.append(f'<p class="error" role="alert">Could not check: {escape(e)}</p>')
    parts.append('<table id="overview"><thead><tr><th scope="col">article</th><th scope="col" class="n">errors</th>'
                 '<th scope="col" class="n">warnings</th><th scope="col" class="n">info</th></tr></thead><tbody>')
    for n, r in need + clean:
        by = Counter(f.severity for f in r.findings)
        cls = "" if r.findings else ' class="clean"'
        parts.append(f'<tr{cls}><td><a href="#file-{n}">{escape(r.path)}</a></td><td class="n">{by["error"]}</td>'
                     f'<td class="n">{by["warning"]}</td><td class="n">{by["info"]}</td></tr>')
    parts.append("</tbody></table>")
    parts.append('<div class="filters" role="group" aria-label="Show severities">')
    for sev in ("error", "warning", "info"):
        parts.append(f'<label><input type="checkbox" value="{sev}" checked> {sev} ({s[sev]})</label>')
    parts.append("</div>")
    if counts:
        parts.append('<details id="rules"><summary>Findings by rule</summary>')
        parts.append('<table id="by-rule"><thead><tr><th>rule</th><th>severity</th><th>findings</th></tr></thead><tbody>')
        for (rule, sev), k in sorted(counts.items(), key=lambda kv: (-RANK[kv[0][1]], -kv[1], kv[0][0])):
            parts.append(f"<tr><td>{escape(rule)}</td><td>{sev}</td><td>{k}</td></tr>")
        parts.append("</tbody></table></details>")
    parts.append("</header><main>")
    for n, r in need:
        ids = [f"f{n}-{i}" for i in range(len(r.findings))]
        for fid, f in zip(ids, r.findings):
            severities[fid] = f.severity
        by = Counter(f.severity for f in r.findings)
        parts.append(f'<section class="file" id="file-{n}" aria-labelledby="title-{n}"><h2 id="title-{n}">{escape(r.path)}</h2>')
        parts.append(f'<p class="counts">{_count(by["error"], "error")}, {_count(by["warning"], "warning")}, {by["info"]} info</p>')
        parts.append('<ol class="findings">')
        for fid, f in zip(ids, r.findings):
            sugg = f" Suggestion: <q>{escape(f.suggestions[0])}</q>" if f.suggestions else ""
            parts.append(
                f'<li class="sev-{f.severity}" data-id="{fid}" data-start="{f.start}" data-end="{f.end}">'
                f'<span class="sev">{f.severity}</span> {f.line}:{f.column} <code>{escape(f.rule)}</code>{_fixable(f)} '
                f'{escape(f.message)}{sugg}</li>'
            )
        parts.append("</ol>")
        parts.append(_front_matter(r.document))
        text = r.document.text if r.document is not None else ""
        hidden = _syntax(r.document, r.findings)
        parts.append(f'<div class="article" data-path="{escape(r.path)}">{_article(text, r.findings, ids, hidden)}</div></section>')
    if clean:
        parts.append(f'<h2 id="clean">Clean: {_count(len(clean), "article")}</h2>')
    for n, r in clean:
        text = r.document.text if r.document is not None else ""
        parts.append(f'<details class="file clean" id="file-{n}"><summary>{escape(r.path)}: no findings</summary>')
        parts.append(_front_matter(r.document))
        parts.append(f'<div class="article" data-path="{escape(r.path)}">{_article(text, [], [], _syntax(r.document, []))}</div></details>')
    parts.append("</main>")
    parts.append(f'<script type="application/json" id="severities">{json.dumps(severities)}</script>')
    parts.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"
