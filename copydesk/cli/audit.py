"""copydesk audit: an archive checked over a Dask cluster, its findings written as Parquet."""

from __future__ import annotations

import sys

import click

from ..run import EXIT_CLEAN, EXIT_ERROR
from . import fail, main


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False), metavar="FOLDER.parquet",
              help="The Parquet dataset to write: a folder with one file per partition.")
@click.option("--scheduler", metavar="ADDRESS", help="A Dask scheduler (tcp://host:8786); a local cluster when none.")
@click.option("--workers", type=click.IntRange(1, 512), help="Worker processes of the local cluster (default: one per core).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file only.")
@click.option("--partition", "partition_files", type=click.IntRange(1, 100_000), default=200, show_default=True,
              help="Files in a partition (one Parquet file each).")
def audit(paths, output, scheduler, workers, config_path, partition_files):
    """Check an archive on a Dask cluster and write every finding to Parquet, with a summary
    per rule and per folder (`pip install 'copydesk[dask]'`)."""
    try:
        from ..audit import audit as run_audit
    except ImportError:
        raise fail("copydesk audit needs Dask and pyarrow: pip install 'copydesk[dask]'")
    from ..yamlio import DataError

    try:
        done = run_audit(list(paths), output, scheduler, workers, config_path, partition_files)
    except DataError as exc:
        raise fail(str(exc))
    except OSError as exc:
        raise fail(f"{output}: {exc.strerror or exc}")
    click.echo(f"{done.files:,} files, {done.findings:,} findings, written to {output}")
    if done.by_rule:
        width = max(len(r) for r in done.by_rule)
        click.echo(f"\n  {'rule':{width}s}  {'findings':>8s}")
        for rule, n in sorted(done.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            click.echo(f"  {rule:{width}s}  {n:8,}")
        folders = sorted({f for f, _r in done.by_folder})
        click.echo("\nfolder: findings (the three commonest rules)")
        for folder in folders:
            mine = sorted(((n, r) for (f, r), n in done.by_folder.items() if f == folder), reverse=True)
            top = ", ".join(f"{r} {n:,}" for n, r in mine[:3])
            click.echo(f"  {folder}: {sum(n for n, _r in mine):,} ({top})")
    for message in done.errors:
        click.echo(f"copydesk: error: {message}", err=True)
    sys.exit(EXIT_ERROR if done.errors else EXIT_CLEAN)
