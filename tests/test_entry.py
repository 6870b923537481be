"""The console script's short way: `copydesk check` on named files with only the options a
hook passes runs without click, and says and does exactly what the click CLI does."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES

CLICK = "import sys; from copydesk.cli import main; sys.argv[0] = 'copydesk'; main()"


def _both(run_cli, tmp_path, args, draft="04-quote-faults.txt"):
    """The same command line through the console script and through the click CLI, each on
    its own copy of the drafts: (exit code, stdout, stderr, the drafts' bytes after) for each."""
    out = []
    for way in ("script", "click"):
        here = tmp_path / way
        here.mkdir()
        shutil.copy(os.path.join(FIXTURES, draft), here / "story.txt")
        shutil.copy(os.path.join(FIXTURES, "02-clean-report.txt"), here / "clean.txt")
        if way == "script":
            p = run_cli("check", *args, cwd=str(here))
        else:
            p = subprocess.run([sys.executable, "-c", CLICK, "check", *args], capture_output=True, cwd=str(here),
                               timeout=120)
        out.append((p.returncode, p.stdout, p.stderr, (here / "story.txt").read_bytes()))
    return out


@pytest.mark.parametrize("args", [
    ["story.txt"], ["clean.txt"], ["story.txt", "clean.txt", "--quiet"], ["--force-exclude", "story.txt"],
    ["--format", "json", "story.txt"], ["--format=github", "story.txt"], ["--fix", "--force-exclude", "story.txt"],
    ["--no-color", "-q", "story.txt"], ["missing.txt"], ["."], ["story.txt", "--format", "yaml"],
    ["--fail-on", "warning", "story.txt"], ["--fail-on=never", "story.txt"], ["--fail-on", "loud", "story.txt"],
])
def test_the_short_way_says_and_does_what_the_click_cli_does(run_cli, tmp_path, args):
    script, click = _both(run_cli, tmp_path, args)
    assert script == click
    assert script[0] in (0, 1, 2)



def test_the_fix_of_the_short_way_is_the_click_cli_fix(run_cli, tmp_path):
    (code, out, _err, after), (code2, out2, _err2, after2) = _both(run_cli, tmp_path, ["--fix", "story.txt"],
                                                                   draft="01-web-paste.txt")
    before = open(os.path.join(FIXTURES, "01-web-paste.txt"), "rb").read()
    assert after != before and after == after2 and (code, out) == (code2, out2)


MODULES = """
import atexit, sys
atexit.register(lambda: open({out!r}, "w").write("\\n".join(sorted(sys.modules))))
if {args!r}:
    sys.argv = ["copydesk", *{args!r}]
    from copydesk.entry import main
    main()
"""


def _modules(tmp_path, *args) -> tuple[int, set[str]]:
    """The exit code of the console script's main on args, and the modules it imported (beyond
    those the interpreter starts with here)."""
    out = tmp_path / "modules.txt"
    p = subprocess.run([sys.executable, "-c", MODULES.format(out=str(out), args=list(args))], capture_output=True,
                       timeout=120)
    if not args:
        return p.returncode, set(out.read_text().split())
    return p.returncode, set(out.read_text().split()) - _modules(tmp_path)[1]


def test_a_hook_run_imports_neither_click_nor_other_report_formats(tmp_path):
    draft = tmp_path / "story.txt"
    draft.write_text("Vote\n\nMr. Smith said so.\n")
    _modules(tmp_path, "check", "--force-exclude", str(draft))  # the plugin list kept, as after any first run
    code, imported = _modules(tmp_path, "check", "--force-exclude", str(draft))
    assert code == 1 and {"copydesk.reporters.text_report", "copydesk.checks.style"} <= imported
    assert not {m for m in imported if m == "click" or m.startswith("click.")}
    assert not {m for m in imported if m.startswith("copydesk.reporters.") and m != "copydesk.reporters.text_report"}
    assert not imported & {"importlib.resources", "importlib.metadata", "calendar", "urllib.parse", "subprocess", "re2",
                            "typing", "inspect", "datetime", "copydesk.languagetool"}
    code, imported = _modules(tmp_path, "check", "--select", "style", str(draft))
    assert code == 1 and "click" in imported  # any other option: the click CLI


@pytest.mark.parametrize("way", ["script", "click"])
@pytest.mark.parametrize("shell, code, says", [
    ("| true", 1, b""),  # the reader went away: nothing more to say, as click does
    (">/dev/full", 2, b"No space left on device"),
    (">&-", 2, b"standard output is closed"),
])
def test_a_report_that_cannot_be_written_is_one_line_never_a_traceback(run_cli, tmp_path, way, shell, code, says):
    exe = shutil.which("copydesk") or os.path.join(os.path.dirname(sys.executable), "copydesk")
    draft = os.path.join(FIXTURES, "01-web-paste.txt")
    cmd = f"'{exe}' check '{draft}'" if way == "script" else f"'{sys.executable}' -c \"{CLICK}\" check --select ALL '{draft}'"
    p = subprocess.run(["bash", "-c", f"{cmd} {shell}; exit ${{PIPESTATUS[0]}}"], capture_output=True, timeout=120)
    assert p.returncode == code and b"Traceback" not in p.stderr and says in p.stderr
