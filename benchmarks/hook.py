"""The hook's time, by hand (never under pytest): `copydesk check` on one short draft as a fresh
process, as pre-commit runs it, with bytecode compiled and the caches warm (a first run fills
them), repeated; the same on a published article of median length (from the BBC corpus in
../shared); then where one such process spends its time.

    python benchmarks/hook.py              # 25 runs
    python benchmarks/hook.py --runs 50

PYTHONDONTWRITEBYTECODE (set in some shells) is removed for the runs, as an installed user's
processes read compiled bytecode. The target: 100 ms."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

DRAFT = "Council vote\n\nMr Smith said the plan was “bold” and would go ahead in May.\n"

PHASES = """
import time
t0 = time.perf_counter()
import copydesk.entry, copydesk.run, copydesk.engine
t1 = time.perf_counter()
from copydesk import registry
registry.checkers()
t2 = time.perf_counter()
from copydesk.config import Config
from copydesk.engine import check_file
check_file({path!r}, Config())
t3 = time.perf_counter()
print(f"{{1000 * (t1 - t0):.0f}} {{1000 * (t2 - t1):.0f}} {{1000 * (t3 - t2):.0f}}")
"""


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _median_article() -> str | None:
    """The published BBC article of median length, when the corpus is beside the project."""
    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpora", "bbc-news-2005")
    paths = sorted(os.path.join(dp, f) for dp, _d, fs in os.walk(corpus) for f in fs if f.endswith(".txt") and f != "README.TXT")
    if not paths:
        return None
    texts = sorted((os.path.getsize(p), p) for p in paths)
    with open(texts[len(texts) // 2][1], encoding="latin-1") as fh:
        return fh.read()


def _time(exe: str, path: str, env: dict, runs: int) -> tuple[list[float], list[float]]:
    subprocess.run([exe, "check", path], env=env, stdout=subprocess.DEVNULL, check=False)  # warm the caches
    times, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), _children_cpu()
        subprocess.run([exe, "check", path], env=env, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
        cpu.append(_children_cpu() - c)
    return sorted(times), cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=25)
    args = ap.parse_args()
    exe = os.path.join(os.path.dirname(sys.executable), "copydesk")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    article = _median_article()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "story.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(DRAFT)
        times, cpu = _time(exe, path, env, args.runs)
        if article is not None:
            full = os.path.join(tmp, "article.txt")
            with open(full, "w", encoding="utf-8") as fh:
                fh.write(article)
            a_times, a_cpu = _time(exe, full, env, args.runs)
        bare = []
        for _ in range(10):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
            bare.append(time.perf_counter() - t)
        phases = [list(map(float, subprocess.run([sys.executable, "-c", PHASES.format(path=path)], env=env, check=True,
                                                  capture_output=True, text=True).stdout.split())) for _ in range(5)]
    print(f"copydesk check on one short draft, a fresh process, {args.runs} runs: "
          f"min {1000 * times[0]:.0f} ms, median {1000 * statistics.median(times):.0f} ms (target 100 ms); "
          f"CPU median {1000 * statistics.median(cpu):.0f} ms")
    if article is not None:
        print(f"on a published article of median length ({len(article.split())} words): "
              f"min {1000 * a_times[0]:.0f} ms, median {1000 * statistics.median(a_times):.0f} ms; "
              f"CPU median {1000 * statistics.median(a_cpu):.0f} ms")
    else:
        print("no published article to time: the BBC corpus is read from ../shared beside the project")
    print(f"  the interpreter alone (python -c pass): median {1000 * statistics.median(bare):.0f} ms")
    med = [statistics.median(p[k] for p in phases) for k in range(3)]
    print(f"  in the process (median of 5): importing the entry point and the run {med[0]:.0f} ms, the checkers {med[1]:.0f} ms, "
          f"the first check {med[2]:.0f} ms")


if __name__ == "__main__":
    main()
