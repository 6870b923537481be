"""reviewdog's diagnostic format (rdjson). Columns are UTF-8 byte offsets, 1-based, as the
format specifies; suggestions carry the fix edits as replacement ranges."""

from __future__ import annotations

import json

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _byte_position(doc, offset: int) -> dict:
    if doc.format == "docx" and doc.source is not None:  # a Word draft: the paragraph is the line
        paragraph, character = doc.source.place(offset)
        prefix = doc.source.paragraph_text(paragraph - 1)[:character]
        return {"line": paragraph, "column": len(prefix.encode("utf-8")) + 1}
    line, column = doc.position(offset)
    k = line - 1
    prefix = doc.text[doc.line_starts[k] : doc.line_starts[k] + column - 1]
    return {"line": line, "column": len(prefix.encode("utf-8")) + 1}


def render(report) -> str:
    diagnostics = []
    for r in report.results:
        doc = r.document
        for f in r.findings:
            d = {
                "message": f.message,
                "location": {
                    "path": f.path,
                    "range": {"start": _byte_position(doc, f.start), "end": _byte_position(doc, f.end)},
                },
                "severity": SEVERITY[f.severity],
                "code": {"value": f.rule},
            }
            if f.fix is not None:
                d["suggestions"] = [
                    {"range": {"start": _byte_position(doc, e.start), "end": _byte_position(doc, e.end)}, "text": e.text}
                    for e in f.fix.edits
                ]
            diagnostics.append(d)
    return json.dumps({"source": {"name": "copydesk"}, "diagnostics": diagnostics}, ensure_ascii=False, indent=2) + "\n"
