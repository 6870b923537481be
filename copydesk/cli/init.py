"""copydesk init: a commented starter configuration, and the pre-commit block."""

from __future__ import annotations

import os

import click

from .. import __version__
from . import fail, main

STARTER = """\
# copydesk configuration (copydesk init). Every key is optional; see README, "Configuration".
house: british                  # or american, or a path to your own pack (house.yaml)

# The rules to run: every rule that is on by default, unless you list some here.
# select: [layout, quotes, attribution, style, credits, readability]
# extend_select: [readability.hard-to-read]   # opt-in rules
ignore: []

# Words and names never flagged (a paper's own names, a columnist's coinages).
accept: []

# Settings for part of the archive, by glob.
overrides:
  - files: ["archive/**"]
    ignore: [style]

# Files never checked, even when named one by one (as pre-commit and CI name them).
exclude: []
force_exclude: true

# The text report shows warnings and errors; "info" shows everything.
# min_severity: warning

# Grammar with LanguageTool: `copydesk grammar install`, then turn it on here.
# grammar: {enabled: true}
"""


def precommit_block(version: str) -> str:
    return f"""\
repos:
  - repo: https://example.org/your-mirror/copydesk   # where your newsroom keeps copydesk
    rev: v{version}                                       # the release tag made in the mirror (or a commit SHA)
    hooks:
      - id: copydesk
"""


@main.command()
@click.option("--pre-commit", "with_hook", is_flag=True, help="Also write the .pre-commit-config.yaml block.")
@click.argument("folder", default=".", type=click.Path(file_okay=False))
def init(with_hook, folder):
    """Write a commented starter copydesk.yaml in FOLDER (never over an existing one)."""
    from .. import atomic

    target = os.path.join(folder, "copydesk.yaml")
    if os.path.lexists(target):
        raise fail(f"{target} exists; copydesk init never overwrites a configuration")
    try:
        atomic.write_output(target, STARTER.encode("utf-8"))
    except OSError as exc:
        raise fail(f"{target}: cannot write: {exc.strerror or exc}")
    click.echo(f"wrote {target}", err=True)
    if with_hook:
        hook = os.path.join(folder, ".pre-commit-config.yaml")
        block = precommit_block(__version__)
        if os.path.lexists(hook):
            click.echo(f"{hook} exists: add this under its `repos:`\n", err=True)
            click.echo(block.split("\n", 1)[1], nl=False)
        else:
            try:
                atomic.write_output(hook, block.encode("utf-8"))
            except OSError as exc:
                raise fail(f"{hook}: cannot write: {exc.strerror or exc}")
            click.echo(f"wrote {hook} (set repo: to your mirror of copydesk)", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
