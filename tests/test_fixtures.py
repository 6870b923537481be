"""Every fixture draft gives exactly the findings listed beside it, at positions that cut the
listed excerpt out of the original file."""

import glob
import os

import pytest
import yaml

from copydesk.config import Config
from copydesk.engine import check_file

from conftest import FIXTURES, cut

DRAFTS = sorted(p for p in glob.glob(os.path.join(FIXTURES, "*")) if not p.endswith(".expected.yaml"))


def test_there_are_at_least_twelve_fixtures_in_both_formats():
    assert len(DRAFTS) >= 12
    assert any(p.endswith(".md") for p in DRAFTS) and any(p.endswith(".txt") for p in DRAFTS)


@pytest.mark.parametrize("path", DRAFTS, ids=os.path.basename)
def test_fixture_findings(path):
    with open(os.path.splitext(path)[0] + ".expected.yaml", encoding="utf-8") as fh:
        expected = yaml.safe_load(fh)
    result = check_file(path, Config(house=expected.get("house", "british")))
    got = [
        {k: getattr(f, k) for k in ("rule", "line", "column", "end_line", "end_column", "excerpt")}
        for f in result.findings
    ]
    assert got == expected["findings"]
    with open(path, "rb") as fh:
        raw = fh.read().decode("utf-8")
    for f in expected["findings"]:
        assert cut(raw, f["line"], f["column"], f["end_line"], f["end_column"]) == f["excerpt"]


def test_every_rule_of_the_five_checkers_appears_in_some_fixture():
    from copydesk import registry

    seen = set()
    for p in DRAFTS:
        with open(os.path.splitext(p)[0] + ".expected.yaml", encoding="utf-8") as fh:
            seen |= {f["rule"] for f in yaml.safe_load(fh)["findings"]}
    wanted = {r.id for c in registry.checkers() for r in c.rules if c.id in ("layout", "quotes", "attribution", "style", "credits")}
    assert wanted - seen == set()
