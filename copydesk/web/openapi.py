"""The API's OpenAPI 3.1 document, served at /openapi.json: what a CMS developer reads, and what
a client generator or a contract test takes."""

from __future__ import annotations

from typing import Any

from ..linter import FORMATS


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def openapi(version: str, houses: list[str], max_body: int) -> dict[str, Any]:
    errors = {
        "400": _json(_ref("Error"), "Malformed JSON, or a field with a wrong value (the message says which)."),
        "401": _json(_ref("Error"), "The server was started with --token and the request did not carry it."),
        "413": _json(_ref("Error"), f"The request body is over the server's limit ({max_body:,} bytes by this server)."),
        "415": _json(_ref("Error"), "The body is not sent as application/json."),
        "500": _json(_ref("Error"), "A checker failed on this draft: the error, shaped as a finding, and the other "
                                    "checkers' findings; the server goes on serving."),
    }
    offsets = {
        "start": {"type": "integer", "description": "Offset of the first character, in code points."},
        "end": {"type": "integer", "description": "Offset after the last character, in code points."},
        "start_utf16": {"type": "integer", "description": "start in UTF-16 units, as JavaScript counts."},
        "end_utf16": {"type": "integer", "description": "end in UTF-16 units, as JavaScript counts."},
    }
    edit = {"type": "object", "required": ["start", "end", "text"],
            "properties": {**offsets, "text": {"type": "string", "description": "The text that replaces start to end."}}}
    finding = {
        "type": "object",
        "required": ["rule", "severity", "message", "line", "column", "end_line", "end_column", "excerpt",
                     "suggestions", "fix", "start", "end", "start_utf16", "end_utf16"],
        "properties": {
            "rule": {"type": "string", "examples": ["style.honorific-period"]},
            "severity": {"enum": ["error", "warning", "info"]},
            "message": {"type": "string", "description": "Why, in one sentence."},
            "line": {"type": "integer", "description": "1-based line of the start."},
            "column": {"type": "integer", "description": "1-based column of the start, in code points."},
            "end_line": {"type": "integer"},
            "end_column": {"type": "integer", "description": "Column after the last character."},
            "excerpt": {"type": "string", "description": "The text found."},
            "suggestions": {"type": "array", "items": {"type": "string"}},
            "fix": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["safe", "edits"], "properties": {
                "safe": {"type": "boolean", "description": "Safe fixes are applied by default; unsafe ones on request."},
                "edits": {"type": "array", "items": _ref("Edit")}}}]},
            **offsets,
        },
    }
    report = {
        "type": "object", "required": ["tool", "files", "summary", "errors"],
        "properties": {
            "tool": {"type": "object", "properties": {"name": {"const": "copydesk"}, "version": {"type": "string"}}},
            "files": {"type": "array", "items": {"type": "object", "required": ["path", "findings"], "properties": {
                "path": {"type": "string"}, "findings": {"type": "array", "items": _ref("Finding")}}}},
            "summary": {"type": "object", "properties": {k: {"type": "integer"} for k in (
                "files", "findings", "error", "warning", "info", "fixable", "fixable_unsafe")}},
            "errors": {"type": "array", "items": {"type": "string"}},
        },
    }
    fields: dict[str, Any] = {
            "text": {"type": "string", "description": "The draft (or give docx)."},
            "docx": {"type": "string", "contentEncoding": "base64",
                     "description": "A Word draft instead of text: the .docx file's bytes in base64. The answer's text is "
                                    "the draft as read (paragraphs, each followed by a blank line); line and column are "
                                    "paragraph and character."},
            "kind": {"enum": list(FORMATS), "description": "How to read it; by default from path's extension, else text."},
            "house": {"enum": houses, "description": "The house style; by default the server's."},
            "select": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                       "description": "Only these rules or checkers."},
            "ignore": {"type": "array", "items": {"type": "string"}, "description": "Not these rules or checkers."},
            "path": {"type": "string", "maxLength": 255, "description": "A name for the draft (story.md); no file is read."},
    }
    request = {"type": "object", "oneOf": [{"required": ["text"]}, {"required": ["docx"]}], "additionalProperties": False,
               "properties": fields}
    fix_request = {**request, "properties": {**fields, "unsafe": {
        "type": "boolean", "default": False, "description": "Apply unsafe fixes too."}, "annotate": {
        "type": "boolean", "default": False, "description": "With docx: add each finding left as a Word comment."}}}
    fixed = {"allOf": [_ref("Report"), {"type": "object", "required": ["text", "applied", "rules"], "properties": {
        "text": {"type": "string", "description": "The draft with the fixes applied."},
        "applied": {"type": "integer", "description": "How many findings the fixes removed."},
        "rules": {"type": "array", "items": {"type": "string"}},
        "edits": {"type": "array", "items": _ref("Edit"), "description": "The changes, on the text sent, in order."},
        "docx": {"type": "string", "contentEncoding": "base64",
                 "description": "For a Word draft: the .docx with the fixes as tracked changes (and the comments)."}}}]}
    body = {"required": True, "content": {"application/json": {"schema": _ref("Request")}}}
    fix_body = {"required": True, "content": {"application/json": {"schema": _ref("FixRequest")}}}
    secured: list[dict[str, list[str]]] = [{"bearer": []}]
    return {
        "openapi": "3.1.0",
        "info": {"title": "copydesk", "version": version,
                 "description": "Editorial checks for news drafts. Every finding points at its characters and says why; "
                                "fixable findings carry their edits."},
        "paths": {
            "/v1/check": {"post": {"summary": "Check a draft", "operationId": "check", "security": secured, "requestBody": body,
                                   "responses": {"200": _json(_ref("Report"), "The findings, as the JSON report."), **errors}}},
            "/v1/fix": {"post": {"summary": "Fix a draft", "operationId": "fix", "security": secured, "requestBody": fix_body,
                                 "responses": {"200": _json(_ref("Fixed"), "The fixed draft, its edits and the findings left."),
                                               **errors}}},
            "/v1/rules": {"get": {"summary": "Every rule", "operationId": "rules", "security": secured,
                                  "parameters": [{"name": "house", "in": "query", "required": False,
                                                  "schema": {"enum": houses}}],
                                  "responses": {"200": _json({"type": "object", "properties": {
                                      "houses": {"type": "array", "items": {"type": "string"}},
                                      "house": {"type": "string", "description": "The server's own house."},
                                      "max_body": {"type": "integer", "description": "The largest request body, bytes."},
                                      "rules": {"type": "array", "items": {"type": "object"}}}},
                                      "The houses, the server's limits and every rule, documented."),
                                                "400": errors["400"], "401": errors["401"]}}},
            "/healthz": {"get": {"summary": "Whether the server is up", "operationId": "health", "security": [],
                                 "responses": {"200": _json({"type": "object", "properties": {
                                     "status": {"const": "ok"}, "version": {"type": "string"}}}, "Up.")}}},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "Needed only when the server was started with --token."}},
            "schemas": {"Request": request, "FixRequest": fix_request, "Report": report, "Fixed": fixed, "Finding": finding, "Edit": edit,
                        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                            "type": "object", "required": ["rule", "severity", "message"], "properties": {
                                "rule": {"type": "string"}, "severity": {"const": "error"},
                                "message": {"type": "string"}}}}}},
        },
    }
