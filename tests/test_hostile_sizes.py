"""Draft shapes that once took time growing with the square of their length (openers that never
close, abbreviations, blanked quotations scanned back from every mark). Each is checked at
400 KB in a child process whose processor time is capped far above what linear work needs:
the cap is a tripwire for a return to quadratic work, not a speed measurement (that is
benchmarks/adversarial.py)."""

import importlib.util
import os
import resource
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # every hostile shape at two sizes

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("adversarial", os.path.join(ROOT, "benchmarks", "adversarial.py"))
adversarial = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(adversarial)

CPU_SECONDS = 20
SIZES = {"suppressions-next-line": 1_000_000, "suppressions-pairs": 1_000_000}  # bytes; 400 KB for the others
SHAPES = ["quotes-straight", "quotes-alternating", "quotes-one-in-nine", "comment-opens", "image-opens",
          "abbreviations", "protected-then-spelling", "no-full-stop", "blockquote-depth", "list-depth",
          "one-line-no-space", "suppressions-next-line", "suppressions-pairs",
          "html-attribute-open", "html-comment-open", "html-pi-open", "html-heads"]


def _cap():
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


@pytest.mark.parametrize("shape", SHAPES)
def test_hostile_shape_is_checked_in_linear_time(shape, tmp_path):
    suffix, make = adversarial.SHAPES[shape]
    path = tmp_path / ("draft" + suffix)
    path.write_text(make(SIZES.get(shape, 400_000)), encoding="utf-8", newline="")
    out = subprocess.run([sys.executable, "-m", "copydesk", "check", "--quiet", str(path)], capture_output=True,
                         text=True, preexec_fn=_cap, cwd=tmp_path)
    assert out.returncode in (0, 1), (out.returncode, out.stderr[-500:])
    assert "Traceback" not in out.stderr
