"""copydesk stats: readability figures per article."""

from __future__ import annotations

import sys

import click

from ..run import EXIT_CLEAN, EXIT_ERROR
from . import fail, finite, main, write_stdout


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json"]),
              help="A table for reading, or JSON (a list, one object per article).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file only.")
@click.option("--max-size", type=click.FloatRange(min=0.001, max=1_000_000), default=10.0, show_default=True, metavar="MB",
              callback=lambda ctx, param, value: finite(value, param), help="Skip files larger than this many megabytes.")
def stats(paths, fmt, config_path, max_size):
    """Readability figures per article: words, sentences, average sentence length, Flesch reading
    ease, Flesch-Kincaid grade and reading time (textstat, offline)."""
    import json

    from .. import config as config_mod
    from .. import engine
    from ..stats import FIGURES, figures
    from ..yamlio import DataError

    try:
        fixed = config_mod.load_file(config_path) if config_path else None

        def config_for(path: str) -> config_mod.Config:
            return config_mod.for_path(path, fixed)

        files, errors = engine.walk(list(paths or (".",)), config_for)
        rows = []
        for path in files:
            if path == "-":
                errors.append("-: stats reads files, not standard input")
                continue
            try:
                rows.append(figures(path, config_for(path), int(max_size * 1048576)))
            except engine.InputError as exc:
                errors.append(str(exc))
    except DataError as exc:
        raise fail(str(exc))
    for message in errors:
        click.echo(f"copydesk: error: {message}", err=True)
    if fmt == "json":
        write_stdout((json.dumps(rows, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "surrogateescape"))
    elif rows:
        heads = ("article", "words", "sentences", "words/sentence", "Flesch", "FK grade", "read (s)")
        table = [heads] + [(r["path"],) + tuple(str(r[k]) if k in ("words", "sentences") else f"{float(r[k]):.1f}"
                                                for k in FIGURES) for r in rows]
        widths = [max(len(str(row[i])) for row in table) for i in range(len(heads))]
        lines = ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
                 for row in table]
        write_stdout(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
    sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)
