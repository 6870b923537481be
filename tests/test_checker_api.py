"""The checker API: rule ids a checker reports are rules it declares (checked here for every
built-in checker's source, so a typo fails a test, not a run), a fix from a rule that declares
none is an error and never dropped in silence, and options carry their default and help."""

import ast
import os

import pytest

from conftest import ROOT
from copydesk import Linter, registry
from copydesk.checker import Checker, Option, Rule, RuleError


def _reported_ids(path: str) -> set[str]:
    """The string literals a module passes as the first argument of ctx.finding(...)."""
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read())
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "finding" \
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            out.add(node.args[0].value)
    return out


def test_every_rule_id_a_checker_reports_is_one_it_declares():
    folder = os.path.join(ROOT, "copydesk", "checks")
    declared = {c.id: {r.id for r in c.rules} for c in registry.checkers()}
    seen = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".py") or name == "__init__.py":
            continue
        ids = _reported_ids(os.path.join(folder, name))
        for rid in ids:
            assert rid in declared.get(rid.split(".")[0], set()), f"{name} reports {rid}, which its checker does not declare"
        seen += len(ids)
    assert seen >= 25  # the scan found the calls


class _Bad(Checker):
    id = "bad"
    options = {"limit": Option(int, 3, "How many.")}
    rules = (Rule("bad.nofix", "warning", "No fix.", "Declares no fix."),)

    def check(self, doc, ctx):
        from copydesk.finding import Edit

        assert ctx.option("limit") == 3
        yield ctx.finding("bad.nofix", 0, 4, "A fault.", edits=[Edit(0, 4, "X")])


def test_a_fix_from_a_rule_without_one_is_the_checkers_error_not_dropped():
    found = Linter(checkers=[_Bad()]).check("Head\n\nText.\n").findings
    assert [f.rule for f in found] == ["copydesk.internal-error"]
    assert "rule 'bad.nofix' declares no fix, but a finding of it came with edits" in found[0].message


def test_rules_declare_fixability_and_options_their_defaults():
    with pytest.raises(ValueError, match="fixable needs fix"):
        Rule("x.y", "warning", "d", "r", fixable="always")
    with pytest.raises(ValueError, match="fix must be"):
        Rule("x.y", "warning", "d", "r", fix="maybe")
    assert Rule("x.y", "warning", "d", "r", fix="unsafe").fixable == "sometimes"
    for c in registry.checkers():
        for name, spec in c.options.items():
            assert isinstance(spec, Option) and spec.help and isinstance(spec.default, spec.kind), (c.id, name)
    with pytest.raises(RuleError, match="has no rule 'bad.typo'"):
        _Bad().rule("bad.typo")
