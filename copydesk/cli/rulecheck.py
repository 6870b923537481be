"""copydesk test-rules: run the examples the newsroom's own rules keep (rules written as data in
copydesk.yaml, a house pack, or a file of rules), as the test suite runs the built-in rules'."""

from __future__ import annotations

import sys

import click

from ..run import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from . import fail, main


def example_draft(rule, text: str) -> str:
    """An example as a draft: as written when it is one (a headline, a blank line, the body);
    a line alone is the headline for a rule of headlines, else a paragraph under one."""
    if "\n\n" in text.strip() or rule.scope == ("headline",):
        return text if text.endswith("\n") else text + "\n"
    return f"Example\n\n{text.strip()}\n"


@main.command("test-rules")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def test_rules(files):
    """Run the good and bad examples of the rules in FILES (copydesk.yaml, a house pack, or a
    file with a `rules:` list): a bad example must give the rule's finding, a good one none."""
    from .. import yamlio
    from ..checks.custom import CustomChecker
    from ..linter import Linter
    from ..yamlrules import parse

    failures = checked = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as fh:
                data = yamlio.load(fh.read(), path)
            if not isinstance(data, dict) or "rules" not in data:
                raise yamlio.DataError(path, None, "rules", "the file has no `rules:` list")
            rules = parse(data["rules"], path)
            linter = Linter({"rules": [dict(r) for r in data["rules"]]}, checkers=[CustomChecker()])
        except OSError as exc:
            raise fail(f"{path}: cannot read: {exc.strerror or exc}")
        except yamlio.DataError as exc:
            raise fail(str(exc))
        for rule in rules:
            if not rule.good and not rule.bad:
                click.echo(f"{path}: {rule.id}: no examples")
                continue
            problems = []
            for want, drafts in (("bad", rule.bad), ("good", rule.good)):
                for n, text in enumerate(drafts, 1):
                    got = [f for f in linter.check(example_draft(rule, text)).findings if f.rule == rule.id]
                    if (want == "bad") != bool(got):
                        problems.append(f"{want} example {n} gave {len(got)} finding{'s' if len(got) != 1 else ''}: {text!r}")
            checked += 1
            failures += bool(problems)
            where = f"{path}:{rule.line}" if rule.line else path
            if problems:
                for p in problems:
                    click.echo(f"{where}: {rule.id}: FAIL: {p}")
            else:
                click.echo(f"{where}: {rule.id}: ok ({len(rule.bad)} bad, {len(rule.good)} good)")
    click.echo(f"{checked} rule{'s' if checked != 1 else ''} with examples, {failures} failing.", err=True)
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN if checked or files else EXIT_ERROR)
