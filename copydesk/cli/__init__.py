"""The command line: copydesk check | rules | explain | stats | grammar | init | audit | serve |
lsp. Each command is a thin front end in its own module: it turns options into a call of the
library (the run layer for check) and prints what comes back."""

from __future__ import annotations

import click

from .. import __version__
from ..entry import write_stdout  # noqa: F401  (for the commands)
from ..run import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

__all__ = ["main", "EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_ERROR"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.version_option(__version__, "--version", prog_name="copydesk")
@click.pass_context
def main(ctx) -> None:
    """Editorial quality checks for news article drafts."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


def split(values: tuple[str, ...]) -> list[str]:
    """Comma-separated option values, each option given any number of times."""
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def finite(value: float, param) -> float:
    """A number option must be a number: "nan" passes a range check."""
    if value != value:
        raise click.BadParameter("not a number", param=param)
    return value


def fail(message: str) -> click.exceptions.Exit:
    click.echo(f"copydesk: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


def unknown(what: str) -> str:
    """'unknown rule or checker X', with the nearest known ids when there are some."""
    from .. import registry

    return f"unknown rule or checker '{what}'{registry.did_you_mean(what)} (see `copydesk rules`)"


from . import audit, check, grammar, init, lsp, rulecheck, rules, serve, stats  # noqa: E402,F401  (each registers its commands)
