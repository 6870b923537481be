"""copydesk audit: an archive checked on a Dask cluster (a LocalCluster of two worker
processes here), its findings written as Parquet row for row the same as `copydesk check
--jobs 1` reports them, with the files it could not read said, not lost."""

import json
import os
import shutil

import pytest

from conftest import require_shared

pytest.importorskip("dask", reason="copydesk audit needs `pip install '.[dask]'`")
pq = pytest.importorskip("pyarrow.parquet", reason="copydesk audit needs `pip install '.[dask]'`")

KEY = ("path", "rule", "severity", "line", "column", "end_line", "end_column", "excerpt", "message")


def _rows_from_check(run_cli, folder) -> list[tuple]:
    out = run_cli("check", "--jobs", "1", "--format", "json", "--fail-on", "never", folder)
    rows = []
    for f in json.loads(out.stdout)["files"]:
        rows += [(f["path"], *(x[k] for k in KEY[1:])) for x in f["findings"]]
    return sorted(rows)


def _rows_from_parquet(folder) -> list[tuple]:
    table = pq.read_table(folder)
    data = table.to_pydict()
    return sorted(zip(*(data[k] for k in KEY)))


@pytest.mark.slow
def test_the_bbc_corpus_on_two_workers_gives_the_rows_check_gives(run_cli, tmp_path):
    from copydesk.audit import audit

    corpus = require_shared("corpora", "bbc-news-2005")
    done = audit([corpus], str(tmp_path / "out.parquet"), workers=2, partition_files=150)
    got = _rows_from_parquet(str(tmp_path / "out.parquet"))
    assert done.files == 2225 and done.findings == len(got) and not done.errors
    assert got == _rows_from_check(run_cli, corpus) and len(got) > 1000
    assert len(os.listdir(tmp_path / "out.parquet")) == 15  # one Parquet file a partition
    assert pq.read_schema(tmp_path / "out.parquet" / "part-000000.parquet").names == list(KEY)


@pytest.mark.slow
def test_unreadable_files_are_reported_and_the_rest_written(run_cli, tmp_path):
    drafts = tmp_path / "drafts"
    shutil.copytree(os.path.join(os.path.dirname(__file__), "..", "fixtures"), drafts,
                    ignore=shutil.ignore_patterns("*.yaml"))
    (drafts / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    out = tmp_path / "out.parquet"
    p = run_cli("audit", str(drafts), "--output", str(out), "--workers", "2", "--partition", "5")
    assert p.returncode == 2 and b"picture.txt: binary file" in p.stderr and b"Traceback" not in p.stderr
    assert b"findings, written to" in p.stdout and b"folder: findings" in p.stdout
    (drafts / "picture.txt").unlink()
    assert _rows_from_parquet(str(out)) == _rows_from_check(run_cli, str(drafts))
