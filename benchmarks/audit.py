"""copydesk audit on a LocalCluster against `copydesk check --jobs 2`, over the BBC corpus
copied ten times (22,250 articles), by hand (never under pytest). The target: the cluster's
overhead at most 25% of the --jobs 2 wall time.

    python benchmarks/audit.py               # ten copies
    python benchmarks/audit.py --copies 2    # a quicker look
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "bbc-news-2005")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    exe = os.path.join(os.path.dirname(sys.executable), "copydesk")
    with tempfile.TemporaryDirectory() as tmp:
        archive = os.path.join(tmp, "archive")
        for k in range(args.copies):
            shutil.copytree(CORPUS, os.path.join(archive, f"copy{k}"), ignore=shutil.ignore_patterns("README*"))
        n = sum(len(fs) for _d, _s, fs in os.walk(archive))
        t0 = time.perf_counter()
        subprocess.run([exe, "check", "--jobs", str(args.workers), "--format", "json", "--fail-on", "never", archive],
                       stdout=subprocess.DEVNULL, check=True)
        jobs = time.perf_counter() - t0
        t0 = time.perf_counter()
        subprocess.run([exe, "audit", archive, "--output", os.path.join(tmp, "out.parquet"), "--workers", str(args.workers)],
                       stdout=subprocess.DEVNULL, check=True)
        cluster = time.perf_counter() - t0
    print(f"{n:,} articles: check --jobs {args.workers} {jobs:.1f} s ({n / jobs:.0f}/s); "
          f"audit on a LocalCluster of {args.workers} {cluster:.1f} s ({n / cluster:.0f}/s); "
          f"overhead {100 * (cluster - jobs) / jobs:+.0f}% (target <= 25%)")


if __name__ == "__main__":
    main()
