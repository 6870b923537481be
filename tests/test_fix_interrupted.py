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
