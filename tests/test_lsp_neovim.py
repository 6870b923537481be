"""copydesk's language server in a real editor: Neovim (Debian's package), headless, with the
project's own editors/neovim/lua/copydesk.lua as its config, opens a draft and reads back the
diagnostics its built-in LSP client received. Neovim turns the server's UTF-16 positions into
byte columns itself, so a wrong count before an emoji would show here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, require_program

pytestmark = pytest.mark.integration  # the real Neovim

pytest.importorskip("pygls", reason="copydesk[lsp] is not installed")

EXE = shutil.which("copydesk") or os.path.join(os.path.dirname(sys.executable), "copydesk")

PROBE = """
local buf = vim.api.nvim_get_current_buf()
local ok = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(out, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message,
                      code = d.code or lsp.code, source = d.source, severity = d.severity })
end
local clients = {}
for _, c in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(clients, c.name) end
local f = io.open(os.getenv("COPYDESK_PROBE_OUT"), "w")
f:write(vim.fn.json_encode({ ok = ok, filetype = vim.bo.filetype, clients = clients, diagnostics = out }))
f:close()
vim.cmd("qa!")
"""


def read_back(tmp_path, name: str, text: str) -> dict:
    nvim = require_program("nvim")
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    probe = tmp_path / "probe.lua"
    probe.write_text(PROBE, encoding="utf-8")
    out = tmp_path / "out.json"
    setup = f"lua require('copydesk').setup({{ cmd = {{ {json.dumps(EXE)}, 'lsp' }} }})"
    subprocess.run([nvim, "--headless", "--clean", "-n", "-i", "NONE",
                    "--cmd", f"set rtp^={os.path.join(ROOT, 'editors', 'neovim')}", "-c", setup,
                    "-c", f"edit {draft}", "-c", f"luafile {probe}"],
                   cwd=tmp_path, env={**os.environ, "COPYDESK_PROBE_OUT": str(out)},
                   stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    assert out.exists(), "Neovim wrote nothing back"
    return json.loads(out.read_text(encoding="utf-8"))


def test_neovim_receives_the_diagnostics_at_the_right_bytes(tmp_path):
    line = "Zoë 😀 met Mr. Smith, who said the plan was fine."
    got = read_back(tmp_path, "story.txt", f"Café news\n\n{line}\n")
    assert got["ok"] and got["clients"] == ["copydesk"] and got["filetype"] == "text"
    mr = [d for d in got["diagnostics"] if d["code"] == "style.honorific"]
    assert len(mr) == 1, got
    at = line.index("Mr.")
    assert (mr[0]["lnum"], mr[0]["col"], mr[0]["end_col"]) == (2, len(line[:at].encode()), len(line[:at + 3].encode()))
    assert mr[0]["source"] == "copydesk" and "Mr" in mr[0]["message"] and mr[0]["severity"] == 1  # ERROR


def test_neovim_markdown_with_front_matter(tmp_path):
    got = read_back(tmp_path, "story.md", "---\ntitle: Council vote\n---\n\n# Council vote\n\nDr. Jones said so.\n")
    assert got["filetype"] == "markdown"
    assert [(d["lnum"], d["col"]) for d in got["diagnostics"] if d["code"] == "style.honorific"] == [(6, 0)]
