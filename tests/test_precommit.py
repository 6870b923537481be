"""The real pre-commit runs the hook from this checkout in a temporary content repository."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, require_program

pytestmark = pytest.mark.integration  # the real pre-commit and git

PRE_COMMIT = shutil.which("pre-commit") or os.path.join(os.path.dirname(sys.executable), "pre-commit")


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    require_program("git")
    if not os.path.exists(os.path.join(ROOT, ".git")):
        pytest.fail("this test needs the project as a git checkout")
    home = tmp_path_factory.mktemp("pre-commit-home")
    return dict(os.environ, PRE_COMMIT_HOME=str(home), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e",
                GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@e")


def content_repo(tmp_path, text):
    repo = tmp_path / "content"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "story.md").write_text(text, encoding="utf-8")
    (repo / "notes.py").write_text("print('not a draft')\n")
    git(repo, "add", ".")
    return repo


def try_repo(repo, env, hook="copydesk"):
    return subprocess.run([PRE_COMMIT, "try-repo", ROOT, hook, "--all-files", "--verbose"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)


def test_hook_fails_on_a_draft_with_faults_and_prints_findings(tmp_path, env):
    repo = content_repo(tmp_path, "# Ferry terminal approved\n\nUK News\n\nMr. Hardy said the terminal would open in 2027.\n")
    p = try_repo(repo, env)
    assert p.returncode == 1, p.stdout + p.stderr
    assert "story.md:3:1: error layout.page-furniture" in p.stdout
    assert "story.md:5:1: error style.honorific" in p.stdout
    assert "notes.py" not in p.stdout


def test_hook_passes_on_a_clean_draft(tmp_path, env):
    repo = content_repo(tmp_path, "# Ferry terminal approved\n\nMr Hardy said the terminal would open in 2027.\n")
    p = try_repo(repo, env)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Passed" in p.stdout


def test_fix_hook_fixes_the_draft_and_fails_the_commit(tmp_path, env):
    repo = content_repo(tmp_path, "# Ferry terminal approved\n\nMr. Hardy said the color scheme was agreed.\n")
    p = try_repo(repo, env, hook="copydesk-fix")
    # pre-commit fails a hook that changes files, so that the fixes are looked at before committing
    assert p.returncode == 1, p.stdout + p.stderr
    assert "files were modified by this hook" in p.stdout
    assert (repo / "story.md").read_text(encoding="utf-8") == "# Ferry terminal approved\n\nMr Hardy said the colour scheme was agreed.\n"
    p = try_repo(repo, env, hook="copydesk-fix")
    assert p.returncode == 0, p.stdout + p.stderr


def test_readme_snippet_as_written_against_a_mirror_tagged_by_the_release_step(tmp_path, env):
    import re

    from copydesk import __version__

    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    snippet = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "repos:" in b)
    release = next(b for b in re.findall(r"```sh\n(.*?)```", readme, re.S) if "git tag" in b)
    tag_step = release.splitlines()[0].split("#")[0].split("&&")[0].split()  # git tag vX.Y.Z
    # The newsroom's mirror: a clone of this project, tagged as README's release step says.
    mirror = tmp_path / "mirror"
    subprocess.run(["git", "clone", "-q", ROOT, str(mirror)], check=True, capture_output=True, env=env)
    subprocess.run(tag_step, cwd=mirror, check=True, capture_output=True, env=env)
    assert tag_step[-1] == f"v{__version__}" and f"rev: v{__version__}" in snippet
    repo = content_repo(tmp_path, "# Ferry terminal approved\n\nMr. Hardy said the terminal would open in 2027.\n")
    (repo / "archive").mkdir()
    (repo / "archive" / "old.md").write_text("# Old\n\nMr. Old said so.\n", encoding="utf-8")
    (repo / "copydesk.yaml").write_text("exclude: [archive]\n", encoding="utf-8")
    # The only change to the snippet: where the mirror is.
    config = snippet.replace("https://example.org/your-mirror/copydesk", str(mirror))
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "add", ".")
    p = subprocess.run([PRE_COMMIT, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert p.returncode == 1, p.stdout + p.stderr
    assert "story.md:3:1: error style.honorific" in p.stdout
    assert "old.md" not in p.stdout  # excluded in the config, though pre-commit names it
