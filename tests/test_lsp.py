"""The language server over stdio, driven by a real LSP client (pygls's): the installed
`copydesk lsp` is started as an editor starts it, drafts are opened and changed, and the
diagnostics, code actions and hover it answers are checked, positions in UTF-16."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys

import pytest

pytest.importorskip("pygls", reason="copydesk[lsp] is not installed")
from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

EXE = shutil.which("copydesk") or os.path.join(os.path.dirname(sys.executable), "copydesk")
# An emoji (two UTF-16 units) and accented letters before the faults on the same line.
DRAFT = "Café news\n\nZoë 😀 met Mr. Smith, who said the plan was fine.\n"


class Session:
    def __init__(self, encodings=None, options=None):
        self.client = LanguageClient("copydesk-test", "1")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.arrived = asyncio.Event()
        self.messages: list[str] = []
        self.encodings, self.options = encodings, options

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams):
            self.diagnostics[params.uri] = params.diagnostics
            self.arrived.set()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams):
            self.messages.append(params.message)

    async def start(self, root):
        await self.client.start_io(EXE, "lsp")
        general = types.GeneralClientCapabilities(position_encodings=self.encodings) if self.encodings else None
        result = await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(general=general), root_uri=root.as_uri(),
            initialization_options=self.options))
        self.client.initialized(types.InitializedParams())
        return result

    async def open(self, path, text, language="plaintext"):
        self.arrived.clear()
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(path.as_uri(), language, 1, text)))
        return await self.wait(path)

    async def wait(self, path):
        await asyncio.wait_for(self.arrived.wait(), 60)
        return self.diagnostics[path.as_uri()]

    async def stop(self):
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def run(coro):
    return asyncio.run(coro)


def utf16_col(line: str, cp: int) -> int:
    return len(line[:cp].encode("utf-16-le")) // 2


def test_diagnostics_with_utf16_positions_code_actions_and_hover(tmp_path):
    async def go():
        s = Session()
        init = await s.start(tmp_path)
        assert init.capabilities.position_encoding in (None, "utf-16")
        draft = tmp_path / "story.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        diags = await s.open(draft, DRAFT)
        mr = [d for d in diags if d.code == "style.honorific"]
        assert len(mr) == 1 and mr[0].source == "copydesk" and mr[0].severity == types.DiagnosticSeverity.Error
        line = DRAFT.split("\n")[2]
        at = line.index("Mr.")
        assert (mr[0].range.start.line, mr[0].range.start.character) == (2, utf16_col(line, at)) == (2, at + 1)
        assert mr[0].range.end.character == utf16_col(line, at + 3)
        # The fix as a code action, preferred because it is safe.
        actions = await s.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(draft.as_uri()), mr[0].range, types.CodeActionContext(diagnostics=mr)))
        quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
        assert len(quick) == 1 and quick[0].is_preferred and "style.honorific" in quick[0].title
        (edit,) = quick[0].edit.changes[draft.as_uri()]
        assert edit.new_text == "" and edit.range.start.character == utf16_col(line, at + 2)
        assert any(a.kind == "source.fixAll.copydesk" for a in actions)
        # Hover on the finding: the rule's explanation.
        hover = await s.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(draft.as_uri()), types.Position(2, utf16_col(line, at) + 1)))
        assert hover is not None and "style.honorific" in hover.contents.value and "Mr" in hover.contents.value
        # A change: the finding goes when the text is fixed.
        s.arrived.clear()
        fixed = DRAFT.replace("Mr.", "Mr")
        s.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=draft.as_uri(), version=2),
            [types.TextDocumentContentChangeWholeDocument(fixed)]))
        diags = await s.wait(draft)
        assert not [d for d in diags if d.code == "style.honorific"]
        await s.stop()

    run(go())


def test_markdown_html_and_the_folders_config(tmp_path):
    async def go():
        (tmp_path / "copydesk.yaml").write_text("house: american\n", encoding="utf-8")
        s = Session()
        await s.start(tmp_path)
        md = tmp_path / "story.md"
        text = "---\ntitle: A story\n---\n\n# Council vote\n\nMr Smith said the colour was wrong.\n"
        diags = await s.open(md, text, "markdown")
        rules = {(d.code, d.range.start.line) for d in diags}
        assert ("style.honorific", 6) in rules  # american: "Mr." wanted, from the folder's config
        html = tmp_path / "page.html"
        diags = await s.open(html, "<p>Mr Smith &amp; <b>Dr Jones</b> met.</p>\n", "html")
        assert {d.code for d in diags} >= {"style.honorific"}
        await s.stop()

    run(go())


def test_settings_from_the_client_and_a_wrong_one(tmp_path):
    async def go():
        s = Session(options={"copydesk": {"ignore": ["style"]}})
        await s.start(tmp_path)
        draft = tmp_path / "a.txt"
        diags = await s.open(draft, DRAFT)
        assert not [d for d in diags if d.code.startswith("style.")]
        s.arrived.clear()
        s.client.workspace_did_change_configuration(types.DidChangeConfigurationParams({"copydesk": {"select": ["style.nope"]}}))
        diags = await s.wait(draft)
        assert len(diags) == 1 and "unknown rule or checker 'style.nope'" in diags[0].message
        assert any("style.nope" in m for m in s.messages)
        await s.stop()

    run(go())


def test_utf8_and_utf32_when_the_client_asks(tmp_path):
    line = DRAFT.split("\n")[2]
    at = line.index("Mr.")
    for encoding, expect in (("utf-8", len(line[:at].encode("utf-8"))), ("utf-32", at)):
        async def go(encoding=encoding, expect=expect):
            s = Session(encodings=[encoding])
            init = await s.start(tmp_path)
            assert init.capabilities.position_encoding == encoding
            diags = await s.open(tmp_path / "b.txt", DRAFT)
            (mr,) = [d for d in diags if d.code == "style.honorific"]
            assert mr.range.start.character == expect
            await s.stop()

        run(go())
