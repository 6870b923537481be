"""Auditing an archive over a Dask cluster (`copydesk[dask]`): the files are cut into
partitions that dask.bag maps over the workers; each partition checks its files as `copydesk
check` does and writes its findings as one Parquet file of the output folder, so no process
ever holds the archive or all its findings. What comes back to the caller is a count per rule
and folder, and the files that could not be read.

The Parquet schema, one row per finding: path (string), rule (string), severity (string),
line, column, end_line, end_column (int32, 1-based, code points), excerpt (string),
message (string). A partition that fails (a worker lost) is run again, twice at most."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

COLUMNS = ("path", "rule", "severity", "line", "column", "end_line", "end_column", "excerpt", "message")


def schema():
    import pyarrow as pa

    return pa.schema([("path", pa.string()), ("rule", pa.string()), ("severity", pa.string()), ("line", pa.int32()),
                      ("column", pa.int32()), ("end_line", pa.int32()), ("end_column", pa.int32()),
                      ("excerpt", pa.string()), ("message", pa.string())])


@dataclass
class Summary:
    """What an audit found: files and findings, by rule and by folder."""
    files: int = 0
    findings: int = 0
    by_rule: Counter = field(default_factory=Counter)
    by_folder: Counter = field(default_factory=Counter)  # (folder, rule) -> findings
    errors: list[str] = field(default_factory=list)  # files that could not be checked

    def add(self, other: "Summary") -> None:
        self.files += other.files
        self.findings += other.findings
        self.by_rule.update(other.by_rule)
        self.by_folder.update(other.by_folder)
        self.errors += other.errors


def check_partition(item: tuple[int, list[str]], output: str, config_path: str | None, max_bytes: int) -> Summary:
    """Check one partition's files and write their findings to output/part-<index>.parquet
    (through a temporary name and a rename, so that a retried partition never leaves half a file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from . import config as config_mod
    from .engine import check_file

    index, paths = item
    fixed = config_mod.load_file(config_path) if config_path else None
    rows: dict[str, list] = {c: [] for c in COLUMNS}
    done = Summary()
    for path in paths:
        result = check_file(path, config_mod.for_path(path, fixed), limit=max_bytes)
        done.files += 1
        if result.error:
            done.errors.append(result.error)
            continue
        folder = os.path.dirname(path) or "."
        for f in result.findings:
            for c in COLUMNS:
                rows[c].append(getattr(f, c))
            done.by_rule[f.rule] += 1
            done.by_folder[(folder, f.rule)] += 1
        done.findings += len(result.findings)
    target = os.path.join(output, f"part-{index:06d}.parquet")
    tmp = target + f".{os.getpid()}.tmp"
    pq.write_table(pa.Table.from_pydict(rows, schema=schema()), tmp)
    os.replace(tmp, target)
    return done


def audit(paths: list[str], output: str, scheduler: str | None = None, workers: int | None = None,
          config_path: str | None = None, partition_files: int = 200, max_bytes: int = 10 * 1048576) -> Summary:
    """Audit the drafts under paths into the Parquet folder output, on the Dask scheduler at
    scheduler, or on a local cluster of workers processes (one per core) when there is none."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    from . import config as config_mod
    from .engine import walk

    fixed = config_mod.load_file(config_path) if config_path else None
    files, errors = walk(paths, lambda p: config_mod.for_path(p, fixed))
    files = [f for f in files if f != "-"]
    os.makedirs(output, exist_ok=True)
    for name in os.listdir(output):  # a rerun replaces the last run's parts, never mixes with them
        if name.startswith("part-") and name.endswith(".parquet"):
            os.remove(os.path.join(output, name))
    parts = [(i, files[k:k + partition_files]) for i, k in enumerate(range(0, len(files), partition_files))]
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        import logging

        # The local cluster's own log (a worker that loses its scheduler as the cluster shuts
        # down logs a traceback) is not the user's business: what went wrong is in the summary.
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.CRITICAL)  # no dashboard port to fight over
        client = Client(cluster)
    try:
        bag = db.from_sequence(parts, npartitions=max(1, len(parts)))
        done = bag.map(check_partition, output, config_path and os.path.abspath(config_path), max_bytes)
        total = Summary(errors=list(errors))
        for one in done.compute(retries=2):
            total.add(one)
        return total
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
