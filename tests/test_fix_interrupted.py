"""A --fix process killed while it writes leaves the original file intact: it writes a
temporary file beside the draft and renames it over the draft only when it is complete."""

import os
import signal
import subprocess
import time

import pytest

pytestmark = pytest.mark.slow  # processes killed mid-fix, many times

from conftest import ROOT

PARAGRAPH = "Mr. Smith said the plan was sound and the vote would go ahead on Monday as planned.\n\n"


def exe():
    import shutil
    import sys

    return shutil.which("copydesk") or os.path.join(os.path.dirname(sys.executable), "copydesk")


def kill_while_writing(tmp_path, sig, size):
    draft = tmp_path / "big.txt"
    original = ("Big story\n\n" + PARAGRAPH * (size // len(PARAGRAPH))).encode()
    draft.write_bytes(original)
    proc = subprocess.Popen([exe(), "check", "--fix", "--quiet", "--max-size", "100", str(draft)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    caught = False
    deadline = time.time() + 300
    while proc.poll() is None and time.time() < deadline:
        if any(n.endswith(".copydesk-tmp") for n in os.listdir(tmp_path)):
            proc.send_signal(sig)
            caught = True
            break
        time.sleep(0.0005)
    proc.wait(timeout=60)
    data = draft.read_bytes()
    fixed = original.replace(b"Mr. Smith", b"Mr Smith")
    # never a half-written draft: the original, or (if the signal came after the rename) all of it fixed
    assert data in (original, fixed)
    leftovers = [n for n in os.listdir(tmp_path) if n != "big.txt"]
    return caught and data == original, leftovers


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_fix_leaves_the_original_intact(tmp_path, sig):
    for attempt, size in enumerate((2_000_000, 6_000_000, 18_000_000)):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        caught, leftovers = kill_while_writing(folder, sig, size)
        if caught:
            if sig == signal.SIGTERM:
                assert leftovers == []  # a terminated --fix removes its temporary file
            return
    pytest.fail("the signal never arrived while the file was being written")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_stops_a_fix_of_many_files_at_once(tmp_path, jobs):
    """SIGTERM in the middle of fixing a folder stops the run there with exit code 143 (not one
    checker's failure that the run goes on past), and every file is whole: as it was, or fixed."""
    import shutil

    folder = tmp_path / "drafts"
    folder.mkdir()
    fixtures = [f for f in sorted(os.listdir(os.path.join(ROOT, "fixtures"))) if f.endswith(".txt")]
    for k in range(30):
        for f in fixtures:
            shutil.copy(os.path.join(ROOT, "fixtures", f), folder / f"{k}-{f}")
    originals = {p.name: p.read_bytes() for p in folder.iterdir()}
    proc = subprocess.Popen([exe(), "check", "--fix", "--jobs", jobs, str(folder)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=ROOT)
    time.sleep(1.5)
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert time.monotonic() - start < 3 and b"Traceback" not in err
    assert sorted(p.name for p in folder.iterdir()) == sorted(originals)  # no temporary file left
    fixed = [n for n, data in originals.items() if (folder / n).read_bytes() != data]
    assert len(fixed) < len(originals)  # it stopped before the end
