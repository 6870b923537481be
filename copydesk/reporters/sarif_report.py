"""SARIF 2.1.0 for code scanning: the rules that fired, results with regions, relative
artifact URIs and stable partial fingerprints."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__, registry
from ..fingerprint import fingerprint
from . import is_word

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def information_uri() -> str | None:
    """Where the project lives, from the installed package's metadata (a Project-URL named
    Repository, Source or Homepage), or None: a report never points at a page that may not exist."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("copydesk").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    by_name = {}
    for entry in urls:
        name, _, url = entry.partition(",")
        by_name[name.strip().lower()] = url.strip()
    for name in ("repository", "source", "homepage"):
        if by_name.get(name, "").startswith("https://"):
            return by_name[name]
    return None


def _uri(path: str, root: str) -> str:
    if path.startswith("<"):
        return path.strip("<>")
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if rel.startswith(".."):
        rel = os.path.abspath(path)
    # A URI reference: spaces, "#" and "%" in a file name are percent-encoded (RFC 3986).
    return quote(rel.replace(os.sep, "/").encode("utf-8", "surrogateescape"), safe="/")  # a name's own bytes


def _region(f) -> dict:
    """Lines and columns; in a Word draft, which has no lines, the characters of the text as
    copydesk reads it (paragraphs each followed by a blank line) with the paragraph and the
    characters within it as properties."""
    if is_word(f.path):
        return {"charOffset": f.start, "charLength": f.end - f.start, "snippet": {"text": f.excerpt},
                "properties": {"paragraph": f.line, "character": f.column - 1, "endParagraph": f.end_line,
                               "endCharacter": f.end_column - 1}}
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column,
            "snippet": {"text": f.excerpt}}


def render(report) -> str:
    rules = registry.all_rules()
    fired = sorted({f.rule for f in report.findings()})
    index = {rid: i for i, rid in enumerate(fired)}
    results = []
    for r in report.results:
        for f in r.findings:
            res = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(f.path, report.root), "uriBaseId": "%SRCROOT%"},
                            "region": _region(f),
                        }
                    }
                ],
                "partialFingerprints": {"copydesk/v1": fingerprint(f, r.document)},
            }
            if f.fix is not None:
                res["fixes"] = [
                    {
                        "description": {"text": f"Replace with: {f.suggestions[0]}" if f.suggestions else "Apply the fix"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": _uri(f.path, report.root), "uriBaseId": "%SRCROOT%"},
                                "replacements": [
                                    {
                                        "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                        "insertedContent": {"text": e.text},
                                    }
                                    for e in f.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            results.append(res)
    driver_rules = []
    # A rule a family stands for (grammar.x, custom.x) has the level its findings have: the
    # family's own is only a default.
    seen_level = {f.rule: f.severity for f in reversed(report.findings())}
    for rid in fired:
        own = rules.get(rid)
        rule = own or registry.family(rid)
        driver_rules.append(
            {
                "id": rid,
                "name": rid.split(".", 1)[-1],
                "shortDescription": {"text": rule.description if rule else rid},
                "fullDescription": {"text": rule.rationale if rule else rid},
                "help": {"text": rule.rationale if rule else rid},
                "defaultConfiguration": {"level": LEVEL[own.severity if own else seen_level[rid]]},
            }
        )
    driver = {"name": "copydesk", "version": __version__, "rules": driver_rules}
    uri = information_uri()
    if uri:
        driver["informationUri"] = uri
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _root_uri(report.root)}},
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def _root_uri(root: str) -> str:
    path = os.path.abspath(root).replace(os.sep, "/")
    if not path.endswith("/"):
        path += "/"
    return "file://" + ("" if path.startswith("/") else "/") + quote(path.encode("utf-8", "surrogateescape"), safe="/:")
