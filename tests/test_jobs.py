"""--jobs: files spread over worker processes give the same report, byte for byte, and the same
fixed files as one process; a handful of files, standard input and grammar stay in one."""

import os
import shutil

import pytest

from conftest import ROOT

FIXTURES = os.path.join(ROOT, "fixtures")


def _drafts(folder, copies=2):
    """Every fixture draft, copied twice: more files than a run keeps in one process."""
    os.makedirs(folder)
    names = sorted(f for f in os.listdir(FIXTURES) if not f.endswith(".yaml"))
    for k in range(copies):
        for n in names:
            shutil.copy(os.path.join(FIXTURES, n), os.path.join(folder, f"{k}-{n}"))
    return len(names) * copies


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html", "junit"])
def test_reports_are_the_same_with_one_or_two_workers(run_cli, tmp_path, fmt):
    n = _drafts(str(tmp_path / "drafts"))
    from copydesk.run import MIN_PARALLEL

    assert n >= MIN_PARALLEL
    one = run_cli("check", "--jobs", "1", "--format", fmt, "drafts", cwd=str(tmp_path))
    two = run_cli("check", "--jobs", "2", "--format", fmt, "drafts", cwd=str(tmp_path))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stderr == two.stderr and len(one.stdout) > 1000


@pytest.mark.slow
def test_fixing_with_two_workers_writes_what_one_writes(run_cli, tmp_path):
    _drafts(str(tmp_path / "a"))
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    one = run_cli("check", "--jobs", "1", "--fix", "--unsafe-fixes", "--show-fixes", "a", cwd=str(tmp_path))
    two = run_cli("check", "--jobs", "2", "--fix", "--unsafe-fixes", "--show-fixes", "b", cwd=str(tmp_path))
    assert one.returncode == two.returncode
    assert one.stderr.replace(b"a/", b"b/") == two.stderr and b"fixed" in one.stderr
    assert one.stdout.replace(b"a/", b"b/") == two.stdout
    for name in os.listdir(tmp_path / "a"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    diff = run_cli("check", "--jobs", "2", "--diff", "b", cwd=str(tmp_path))
    assert diff.returncode == 0 and diff.stdout == b""  # nothing left that a safe fix would change


def test_a_bad_jobs_value_is_a_usage_error(run_cli, tmp_path):
    p = run_cli("check", "--jobs", "-1", str(tmp_path))
    assert p.returncode == 2 and b"--jobs" in p.stderr
