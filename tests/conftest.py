import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "fixtures")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def cut(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The source text between two 1-based (line, column) positions, found independently of copydesk."""
    import re

    if text.startswith("\ufeff"):
        text = text[1:]
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return text[starts[line - 1] + column - 1 : starts[end_line - 1] + end_column - 1]


@pytest.fixture
def run_cli():
    """Run the installed console script as a real subprocess."""
    exe = shutil.which("copydesk") or os.path.join(os.path.dirname(sys.executable), "copydesk")

    def run(*args, input=None, cwd=None, env=None):
        return subprocess.run([exe, *args], input=input, capture_output=True, cwd=cwd, env=env, timeout=120)

    return run


def missing(why: str):
    """An outside program or material a test needs is not here: outside CI the test is skipped
    with the reason; in CI (CI=true), where every test must run, it fails."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{why}, and CI must run every test")
    pytest.skip(why)


def require_program(name: str) -> str:
    """The path of an outside program a test needs (see missing())."""
    path = shutil.which(name)
    if path:
        return path
    missing(f"{name} is not installed (tools/install-test-tools.sh installs it)")


def require_shared(*parts: str) -> str:
    """The path of material in ../shared (corpora, the seed draft, the SARIF schema). A fresh
    clone has no ../shared: outside CI a test that needs it is skipped with the reason; in CI
    (CI=true) its absence fails the test."""
    path = os.path.join(SHARED, *parts)
    if os.path.exists(path):
        return path
    missing(f"{os.path.relpath(path, ROOT)} is not beside the project (it holds material the project may not ship)")


@pytest.fixture(scope="session")
def lt_server():
    """The URL of a real LanguageTool server: COPYDESK_LT_SERVER (as `copydesk grammar run` sets
    it), else the installed one (`copydesk grammar install`) started for the test session. Outside
    CI a test without either is skipped with the reason; in CI (CI=true) it fails."""
    from copydesk import languagetool

    url = os.environ.get("COPYDESK_LT_SERVER")
    if url:
        yield url.rstrip("/")
        return
    cp = languagetool.installed_classpath()
    problem = languagetool.java_problem() if cp else "LanguageTool is not installed (copydesk grammar install)"
    if problem:
        missing(problem)
    server = languagetool.ManagedServer(cp)
    try:
        server.wait_ready()
        yield server.url
    finally:
        server.stop()


def pytest_collection_modifyitems(config, items):
    """A test that uses the real LanguageTool server belongs to the integration stage."""
    for item in items:
        if "lt_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.integration)
