"""--diff-base, baselines and the example GitHub workflow, in real temporary git repositories."""

import json
import os
import re
import shlex
import subprocess

import pytest

import yaml
from click.testing import CliRunner

from copydesk.cli import main

from conftest import ROOT


def git(repo, *args):
    from conftest import require_program

    require_program("git")
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e", GIT_COMMITTER_NAME="t",
                            GIT_COMMITTER_EMAIL="t@e"))


def check(*args, cwd=None):
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        r = CliRunner().invoke(main, ["check", "--format", "json", "--fail-on", "never", *args])
    finally:
        os.chdir(old)
    return r


def findings(r):
    return [(f["rule"], f["line"]) for fl in json.loads(r.stdout)["files"] for f in fl["findings"]]


@pytest.mark.integration
def test_diff_base_reports_only_changed_lines(tmp_path):
    repo = tmp_path / "news"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    draft = repo / "story.txt"
    draft.write_text("Head\n\nMr. Smith met the color team.\n\nThe talks ended.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "old copy")
    draft.write_text("Head\n\nMr. Smith met the color team.\n\nThe talks ended at the center.\n\nDr. Jones left.\n")
    (repo / "new.txt").write_text("Head\n\nThe color.\n")
    r = check("--diff-base", "HEAD", str(draft), str(repo / "new.txt"))
    assert findings(r) == [("style.spelling", 5), ("style.honorific", 7), ("style.spelling", 3)]
    assert sorted(findings(check(str(draft)))) == sorted(
        [("style.honorific", 3), ("style.spelling", 3), ("style.spelling", 5), ("style.honorific", 7)])


@pytest.mark.integration
def test_diff_base_bad_ref_is_exit_2(tmp_path):
    repo = tmp_path / "news"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "a.txt").write_text("Head\n\nText.\n")
    r = check("--diff-base", "no-such-ref", str(repo / "a.txt"))
    assert r.exit_code == 2 and "no-such-ref" in r.stderr


def test_baseline_hides_known_findings_across_an_edit_that_moves_lines(tmp_path):
    draft = tmp_path / "story.txt"
    base = tmp_path / "copydesk-baseline.json"
    draft.write_text("Head\n\nMr. Smith met the color team.\n")
    r = check("--write-baseline", str(base), str(draft))
    assert r.exit_code == 0 and findings(r) == []
    data = json.loads(base.read_text())
    assert {(f["path"], f["rule"]) for f in data["findings"]} == {("story.txt", "style.honorific"), ("story.txt", "style.spelling")}
    assert all("line" not in f for f in data["findings"])
    # three paragraphs added above, and a new fault below
    draft.write_text("Head\n\nOne.\n\nTwo.\n\nThree.\n\nMr. Smith met the color team.\n\nDr. Who arrived.\n")
    r = check("--baseline", str(base), str(draft))
    assert findings(r) == [("style.honorific", 11)]
    r = CliRunner().invoke(main, ["check", "--baseline", str(base), str(draft)])
    assert r.exit_code == 1


def test_broken_baseline_is_exit_2(tmp_path):
    base = tmp_path / "b.json"
    base.write_text("{not json")
    draft = tmp_path / "a.txt"
    draft.write_text("Head\n\nText.\n")
    r = check("--baseline", str(base), str(draft))
    assert r.exit_code == 2 and "not a copydesk baseline" in r.stderr


def test_example_workflow_command_lines_are_valid():
    with open(os.path.join(ROOT, "examples", "github-workflow.yml"), encoding="utf-8") as fh:
        wf = yaml.safe_load(fh)
    runs = [step["run"] for job in wf["jobs"].values() for step in job["steps"] if "run" in step]
    commands = [line.split(">>")[0].strip() for run in runs for line in run.splitlines() if line.strip().startswith("copydesk ")]
    assert len(commands) >= 3
    formats = set()
    for command in commands:
        command = re.sub(r"\$\{\{[^}]*\}\}", "main", command)
        args = shlex.split(command)[1:]
        ctx = main.make_context("copydesk", list(args))
        sub = main.get_command(ctx, args[0])
        sub_ctx = sub.make_context(args[0], args[1:])
        formats.add(sub_ctx.params["fmt"])
        assert sub_ctx.params["diff_base"] == "origin/main"
    assert {"github", "sarif", "markdown"} <= formats


@pytest.mark.integration
def test_diff_base_on_a_cr_only_file_counts_lines_as_git_does(tmp_path):
    # git sees a CR-only file as one line: any change to it changes that line, so every
    # finding in it is on a changed line.
    repo = tmp_path / "news"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    draft = repo / "story.txt"
    draft.write_bytes(b"Head\r\rMr. Smith met the color team.\r\rThe talks ended.\r")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "old copy")
    draft.write_bytes(b"Head\r\rMr. Smith met the color team.\r\rThe talks ended at the center.\r")
    got = findings(check("--diff-base", "HEAD", str(draft)))
    assert sorted(got) == [("style.honorific", 3), ("style.spelling", 3), ("style.spelling", 5)]


def test_example_workflow_installs_from_the_mirror_and_keeps_its_pins_current():
    with open(os.path.join(ROOT, "examples", "github-workflow.yml"), encoding="utf-8") as fh:
        wf = yaml.safe_load(fh)
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    paths = on["pull_request"]["paths"]
    assert {"**/*.md", "**/*.markdown", "**/*.txt", "**/*.html", "**/*.htm"} <= set(paths)
    assert wf["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}
    steps = wf["jobs"]["copydesk"]["steps"]
    uses = {s["uses"].split("@")[0]: s["uses"].split("@")[1] for s in steps if "uses" in s}
    assert uses["actions/checkout"] == "v5" and uses["actions/setup-python"] == "v6"
    assert uses["github/codeql-action/upload-sarif"] == "v4"  # v3 is deprecated in December 2026
    install = next(s["run"] for s in steps if s.get("name") == "Install copydesk")
    assert install == 'pip install "$COPYDESK_PIN"'
    pin = wf["env"]["COPYDESK_PIN"]
    assert pin.startswith("copydesk @ git+https://") and "@v" in pin.split("git+")[1]  # a pinned release tag
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert "github.event.pull_request.head.repo.full_name == github.repository" in upload["if"]
