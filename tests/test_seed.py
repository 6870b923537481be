"""The sample draft gives what ../shared/seed/expected.yaml lists, and nothing else at warning or error."""

import os

import pytest
import yaml

from copydesk.config import Config
from copydesk.engine import check_file

from conftest import require_shared


@pytest.fixture
def seed():
    return require_shared("seed")


def test_belarus_draft_matches_expected(seed):
    with open(os.path.join(seed, "expected.yaml"), encoding="utf-8") as fh:
        exp = yaml.safe_load(fh)
    findings = check_file(os.path.join(seed, exp["file"]), Config()).findings
    matched = set()
    for m in exp["must_report"]:
        lines = {m["line"], *m.get("also_ok_lines", [])}
        hits = [i for i, f in enumerate(findings) if f.line in lines and f.checker == m["checker"]]
        assert hits, f"missed line {m['line']} ({m['checker']}): {m['why']}"
        matched.update(hits)
    extra = [f"{f.line}: {f.rule} {f.message}" for i, f in enumerate(findings)
             if i not in matched and f.severity in ("warning", "error")]
    assert extra == []
    for m in exp["must_not_report"]:
        assert not [f for f in findings if f.checker == m["checker"]], m["why"]
