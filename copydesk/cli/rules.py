"""copydesk rules and copydesk explain: what each rule is, from the rules themselves."""

from __future__ import annotations

import click

from . import fail, main, unknown


@main.command("rules")
def rules_cmd():
    """List every rule with its severity and description."""
    from .. import registry

    try:
        rules = registry.all_rules()
    except registry.PluginError as exc:
        raise fail(str(exc))
    rules = {**rules, **registry.families()}
    width = max(len(r) for r in rules)
    for rid in sorted(rules):
        r = rules[rid]
        fix = f" [fix: {r.fix}, {r.fixable}]" if r.fix else ""
        opt_in = "" if r.default else " [opt-in]"
        click.echo(f"{rid:{width}s}  {r.severity:7s}  {r.description}{fix}{opt_in}")


@main.command()
@click.argument("rule")
def explain(rule):
    """Print a rule's rationale and examples."""
    from .. import registry

    try:
        rules = registry.all_rules()
    except registry.PluginError as exc:
        raise fail(str(exc))
    if rule.startswith("custom."):
        if _explain_own(rule):
            return
        raise fail(f"no rule '{rule}' among the newsroom's rules that apply here (copydesk.yaml and its house pack)")
    r = rules.get(registry.ALIASES.get(rule, rule)) or registry.family(rule)
    if r is None:
        rules = {**rules, **{fid: f for fid, f in registry.families().items() if registry.matches(rule, fid.split(".")[0])}}
        inside = sorted(rid for rid in rules if registry.matches(rule, rid) or rid.startswith(rule + "."))
        if inside:  # a checker (or a prefix): its rules, one line each
            width = max(len(rid) for rid in inside)
            for rid in inside:
                click.echo(f"{rid:{width}s}  {rules[rid].severity:7s}  {rules[rid].description}")
            click.echo("\n`copydesk explain RULE` tells why a rule exists, with examples.")
            return
        raise fail(unknown(rule))
    click.echo(f"{r.id} ({r.severity})\n\n{r.description}\n\n{r.rationale}")
    if registry.aliases_of(r.id):
        names = " and ".join(registry.aliases_of(r.id))
        click.echo(f"\nAlso known as {names}: that name selects, ignores and suppresses this rule.")
    if r.fix:
        click.echo(f"\nFix: {r.fix} ({r.fixable} available).")
    for title, exs in (("Bad", r.bad), ("Good", r.good)):
        for ex in exs:
            click.echo(f"\n{title} ({ex.format}):")
            for line in ex.text.rstrip("\n").split("\n"):
                click.echo(f"    {line}")


def _explain_own(rule_id: str) -> bool:
    """A rule of the newsroom's own, from the config that applies here and its house pack."""
    import os

    from .. import config as config_mod
    from ..house import load_house
    from ..yamlio import DataError
    from ..yamlrules import newsroom_rules

    try:
        cfg = config_mod.for_path(os.getcwd())
        own = {r.id: r for r in newsroom_rules(cfg, load_house(cfg.house))}
    except DataError as exc:
        raise fail(str(exc))
    r = own.get(rule_id)
    if r is None:
        return False
    article = "an" if r.type[0] in "aeiou" else "a"
    click.echo(f"{r.id} ({r.level}): {article} {r.type} rule of the newsroom's own, from {r.source}\n\n{r.message}")
    for wrong, right, _pattern in r.swaps:
        click.echo(f"    {wrong} → {right}")
    if r.swaps:
        click.echo(f"Fix: {'safe' if r.safe else 'unsafe'}.")
    click.echo(f"\nScope: {', '.join(r.scope)}; quotations: {r.quotations}.")
    if r.link:
        click.echo(f"More: {r.link}")
    for title, exs in (("Bad", r.bad), ("Good", r.good)):
        for ex in exs:
            click.echo(f"\n{title}:\n    " + ex.rstrip("\n").replace("\n", "\n    "))
    return True
