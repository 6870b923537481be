"""The public API type-checks: mypy is clean on the modules pyproject.toml lists under
[tool.mypy] (the Linter, findings, rules, config, the run layer and what they are built from)."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_mypy_is_clean_on_the_public_modules():
    pytest.importorskip("mypy", reason="mypy is a test dependency: pip install '.[test]'")
    out = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental"], cwd=ROOT, capture_output=True, text=True,
                         timeout=600, env=dict(os.environ, MYPY_FORCE_COLOR="0"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success: no issues found" in out.stdout
