"""The good and bad examples attached to every rule run as tests."""

import pytest

from copydesk import registry
from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document

CASES = [
    (rule.id, kind, n, ex)
    for checker in registry.checkers()
    for rule in checker.rules
    for kind, exs in (("bad", rule.bad), ("good", rule.good))
    for n, ex in enumerate(exs)
]


# Rules whose finding no draft can show: a LanguageTool server that fails. Their cases are in
# test_grammar.py (a failing server for each failure); the grammar family's own examples run
# there against the real server.
NO_DRAFT_SHOWS = {"grammar.unavailable"}
# A family whose rules each keep their own examples: the newsroom's rules written as data, whose
# examples `copydesk test-rules` runs (test_yaml_rules.py runs it on examples/newsroom-rules.yaml).
OWN_EXAMPLES = {"custom.*"}


def test_every_checker_rule_has_a_bad_and_a_good_example():
    for checker in registry.checkers():
        for rule in checker.rules:
            if rule.id not in NO_DRAFT_SHOWS:
                assert rule.bad and rule.good, rule.id
        if checker.family is not None and checker.family.id not in OWN_EXAMPLES:
            assert checker.family.bad and checker.family.good, checker.family.id


@pytest.mark.parametrize("rule_id,kind,n,example", CASES, ids=[f"{c[0]}-{c[1]}{c[2]}" for c in CASES])
def test_rule_example(rule_id, kind, n, example):
    name = "example.md" if example.format == "markdown" else "example.txt"
    findings = check_document(Document(example.text, name, example.format), Config(extend_select=[rule_id]))
    fired = [f for f in findings if f.rule == rule_id]
    if kind == "bad":
        assert fired, f"{rule_id} did not fire on its bad example"
    else:
        assert not fired, f"{rule_id} fired on its good example: {fired[0].message}"
