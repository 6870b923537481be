"""copydesk's language server, on pygls: a draft is checked when it is opened, changed and saved,
and its findings are published as diagnostics; each fix is a code action (a safe one preferred,
an unsafe one titled so), with one action to apply every safe fix; hovering a finding shows its
rule's explanation.

The config is found from the file's folder up, as `copydesk check` finds it. The client may set
house, select and ignore, in initializationOptions or in the settings it sends
(workspace/didChangeConfiguration), either flat or under "copydesk"."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..finding import Finding
from ..linter import Linter
from ..patch import edits_between
from .positions import positions

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
KINDS = {"markdown": "markdown", "plaintext": "text", "text": "text", "html": "html"}
FIX_ALL = "source.fixAll.copydesk"


@dataclass
class Checked:
    """The last check of an open draft: its text and each finding with its diagnostic."""

    text: str
    found: list[tuple[Finding, types.Diagnostic]]


def _settings(value: Any) -> dict[str, Any]:
    if isinstance(value, dict) and isinstance(value.get("copydesk"), dict):
        value = value["copydesk"]
    if not isinstance(value, dict):
        return {}
    out: dict[str, Any] = {}
    if isinstance(value.get("house"), str) and value["house"]:
        out["house"] = value["house"]
    for key in ("select", "ignore"):
        ids = value.get(key)
        if isinstance(ids, str):
            ids = [i.strip() for i in ids.split(",") if i.strip()]
        if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
            out[key] = tuple(ids)
    return out


def file_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else None


class CopydeskServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("copydesk", __version__)
        self.settings: dict[str, Any] = {}
        self.checked: dict[str, Checked] = {}
        self.linters: dict[tuple, Linter] = {}
        self.lock = threading.Lock()
        self.shown = ""  # the last problem shown as a message: not shown again at every keystroke

    def linter_for(self, path: str | None) -> Linter:
        """The Linter for a file: its folder's config with the overrides that match it, and the
        client's settings over them (ValueError or DataError when they are wrong)."""
        from .. import config as config_mod

        source = config_mod.discover(os.path.dirname(path)) if path else None
        base = config_mod.load_cached(source)
        matched = base.overrides_for(path) if path else ()
        key = (source, matched, tuple(sorted(self.settings.items())))
        with self.lock:
            linter = self.linters.get(key)
        if linter is None:
            cfg = base.for_file(path) if path else base
            linter = Linter(cfg, house=self.settings.get("house"), select=self.settings.get("select"),
                            ignore=self.settings.get("ignore"))
            with self.lock:
                self.linters[key] = linter
        return linter

    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return str(getattr(enc, "value", enc) or "utf-16")

    def check(self, uri: str, version: int | None = None) -> None:
        doc = self.workspace.get_text_document(uri)
        text, path = doc.source, file_path(uri)
        kind = KINDS.get(doc.language_id or "")
        try:
            linter = self.linter_for(path)
            findings = linter.check(text, path=path or uri, kind=kind).findings
        except Exception as exc:  # a wrong config or setting: said where the writer looks
            message = f"copydesk cannot check this file: {exc}"
            if message != self.shown:
                self.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))
                self.shown = message
            diag = types.Diagnostic(types.Range(types.Position(0, 0), types.Position(0, 0)), message,
                                    severity=types.DiagnosticSeverity.Error, source="copydesk", code="copydesk.config")
            self.checked[uri] = Checked(text, [])
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, [diag], version))
            return
        self.shown = ""
        at = positions(text, [o for f in findings for o in (f.start, f.end)], self.encoding)
        found = []
        for f in findings:
            rng = types.Range(types.Position(*at[f.start]), types.Position(*at[f.end]))
            found.append((f, types.Diagnostic(rng, f.message, severity=SEVERITY[f.severity], code=f.rule, source="copydesk")))
        self.checked[uri] = Checked(text, found)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, [d for _f, d in found], version))

    def edits(self, text: str, changes: list[tuple[int, int, str]]) -> list[types.TextEdit]:
        at = positions(text, [o for s, e, _t in changes for o in (s, e)], self.encoding)
        return [types.TextEdit(types.Range(types.Position(*at[s]), types.Position(*at[e])), t) for s, e, t in changes]


server = CopydeskServer()


@server.feature(types.INITIALIZE)
def initialize(ls: CopydeskServer, params: types.InitializeParams) -> None:
    ls.settings = _settings(params.initialization_options)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def changed_configuration(ls: CopydeskServer, params: types.DidChangeConfigurationParams) -> None:
    ls.settings = _settings(params.settings)
    for uri in list(ls.checked):
        ls.check(uri)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: CopydeskServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.check(params.text_document.uri, params.text_document.version)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: CopydeskServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.check(params.text_document.uri, params.text_document.version)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: CopydeskServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: CopydeskServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.checked.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(params.text_document.uri, []))


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
def code_action(ls: CopydeskServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    checked = ls.checked.get(uri)
    doc = ls.workspace.get_text_document(uri)
    if checked is None or checked.text != doc.source:
        return []  # the draft has changed since: the next check brings fresh actions
    only = params.context.only
    actions = []
    if not only or any(k.startswith(types.CodeActionKind.QuickFix) for k in only):
        for f, diag in checked.found:
            if f.fix is None or not _overlaps(diag.range, params.range):
                continue
            edits = ls.edits(checked.text, [(e.start, e.end, e.text) for e in f.fix.edits])
            what = f"“{f.suggestions[0]}”" if f.suggestions else "the fix"
            title = f"copydesk: {'apply' if f.fix.safe else 'apply (unsafe: read it after)'} {what} ({f.rule})"
            actions.append(types.CodeAction(title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                                            is_preferred=f.fix.safe, edit=types.WorkspaceEdit(changes={uri: edits})))
    if (not only or any(FIX_ALL.startswith(k) for k in only)) and any(f.fix and f.fix.safe for f, _d in checked.found):
        path = file_path(uri)
        fixed = ls.linter_for(path).fix(checked.text, path=path or uri, kind=KINDS.get(doc.language_id or "")).text
        edits = ls.edits(checked.text, edits_between(checked.text, fixed))
        actions.append(types.CodeAction("copydesk: apply every safe fix", kind=FIX_ALL,
                                        edit=types.WorkspaceEdit(changes={uri: edits})))
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: CopydeskServer, params: types.HoverParams) -> types.Hover | None:
    checked = ls.checked.get(params.text_document.uri)
    if checked is None:
        return None
    here = types.Range(params.position, params.position)
    hits = [(f, d) for f, d in checked.found if _overlaps(d.range, here)]
    if not hits:
        return None
    path = file_path(params.text_document.uri)
    rules = {r.id: r for r in ls.linter_for(path).rules()}
    parts = []
    for f, _d in hits:
        r = rules.get(f.rule)
        text = f"**{f.rule}** ({f.severity}): {f.message}"
        if f.suggestions:
            text += "\n\nSuggestion: " + " or ".join(f"“{s}”" for s in f.suggestions)
        if r is not None:
            text += f"\n\n{r.description}\n\n{r.rationale}"
        if f.fix is not None:
            text += "\n\nA " + ("safe" if f.fix.safe else "unsafe") + " fix is offered as a code action."
        parts.append(text)
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)), range=hits[0][1].range)


def main() -> None:
    server.start_io()
