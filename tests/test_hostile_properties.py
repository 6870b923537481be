"""Properties over hostile drafts: markup inside words, references without ";", mixed line
endings, no final newline. --fix changes nothing outside the lines of the findings it fixes
(a word's fix stays inside the word and never removes markup), HTML fixes leave no stray tag,
and the --diff a run prints applies with patch and git apply to give what --fix writes.

A fixed seed keeps CI repeatable; COPYDESK_PROPERTY_EXAMPLES=2000 runs a nightly-size search
with the same seed."""

import os
import re
import subprocess

import pytest

from click.testing import CliRunner
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from copydesk.cli import main
from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
from copydesk.fixer import apply, choose
from copydesk.parsers.html import balanced

from conftest import require_program
from strategies import hostile_drafts

EXAMPLES = int(os.environ.get("COPYDESK_PROPERTY_EXAMPLES", "150"))
SEED = int(os.environ.get("COPYDESK_PROPERTY_SEED", "20261128"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CFG = Config()
NAMES = {"text": "a.txt", "markdown": "a.md", "html": "a.html"}
MARKUP = re.compile(r"[<>*`_\[\]\\]")


def _lines_around(doc, start, end):
    """The whole lines, or the whole block, holding text[start:end], with the white space
    around them (a joined paragraph's fix rewrites the break after its line; a furniture fix
    deletes its block)."""
    text = doc.text
    a = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    for b in doc.blocks:
        if b.start <= start < max(b.end, b.start + 1):
            a, end = min(a, b.start), max(end, b.end)
    while a > 0 and text[a - 1].isspace():
        a -= 1
    m = re.compile(r"\r\n|\r|\n").search(text, end)
    z = m.end() if m else len(text)
    while z < len(text) and text[z].isspace():
        z += 1
    return a, z


@seed(SEED)
@SETTINGS
@given(body=hostile_drafts, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_fixes_stay_inside_their_findings(body, fmt):
    doc = Document(body, NAMES[fmt], fmt)
    findings = check_document(doc, CFG)
    for f in choose(findings, unsafe=True):
        lo, hi = _lines_around(doc, f.start, f.end)
        for e in f.fix.edits:
            assert lo <= e.start <= e.end <= hi, (f.rule, f.excerpt, e)
            if f.rule.startswith("style."):
                assert f.start <= e.start <= e.end <= f.end, (f.rule, f.excerpt, e)
                assert not MARKUP.search(body[e.start : e.end]), (f.rule, body[e.start : e.end])
            if fmt == "html":
                assert balanced(body, e.start, e.end), (f.rule, body[e.start : e.end])
    fixed = apply(body, choose(findings, unsafe=True))
    if fmt == "html":  # no fix adds or removes a tag it does not also close or open
        opened = lambda t: len(re.findall(r"<(?:div|span|b|section)\b", t))  # noqa: E731
        closed = lambda t: len(re.findall(r"</(?:div|span|b|section)>", t))  # noqa: E731
        assert opened(body) - closed(body) == opened(fixed) - closed(fixed)


@seed(SEED)
@settings(max_examples=max(10, EXAMPLES // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                     HealthCheck.function_scoped_fixture])
@given(body=hostile_drafts, fmt=st.sampled_from(["text", "markdown", "html"]), unsafe=st.booleans())
@pytest.mark.integration
def test_the_diff_applies_with_patch_and_git_to_what_fix_writes(tmp_path_factory, body, fmt, unsafe):
    patch, git = require_program("patch"), require_program("git")
    folder = tmp_path_factory.mktemp("diff")
    name = NAMES[fmt]
    raw = body.encode("utf-8")
    (folder / name).write_bytes(raw)
    extra = ["--unsafe-fixes"] if unsafe else []
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        diff = CliRunner().invoke(main, ["check", "--diff", *extra, name]).stdout_bytes
        CliRunner().invoke(main, ["check", "--fix", *extra, name])
        fixed = (folder / name).read_bytes()
    finally:
        os.chdir(cwd)
    if not diff:
        assert fixed == raw
        return
    for tool in ("patch", "git"):
        (folder / name).write_bytes(raw)
        (folder / "fix.patch").write_bytes(diff)
        cmd = [patch, "-p1", "-s", "-i", "fix.patch"] if tool == "patch" else [git, "apply", "-p1", "fix.patch"]
        out = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
        assert out.returncode == 0, (tool, out.stderr, diff)
        assert (folder / name).read_bytes() == fixed, tool
