"""Speed over the BBC corpus, by hand (never under pytest): articles and words a second, peak
memory, the time each checker takes and what each rule costs on its own (the ten dearest), and
proselint's rate in the same run with the ratio.

    python benchmarks/speed.py                     # the table
    python benchmarks/speed.py --json speed.json   # the table, and the figures as JSON
    python benchmarks/speed.py --sample 400        # rule costs over 400 articles (default 300)
    python benchmarks/speed.py --jobs 0            # no run of the command line over the corpus

The table's figures come from this one process, on one core. Then `copydesk check --jobs N`
(default: one worker per core) is timed over the corpus as a user runs it, a fresh process
from start to exit, and its rate set against proselint's. proselint is measured when it is installed
(`pip install proselint`); the run says so when it is not. The rule costs are each rule's run
alone over the sample less a run with no rule selected: what turning that rule off would save.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from copydesk import registry  # noqa: E402
from copydesk.config import Config  # noqa: E402
from copydesk.decoding import decode  # noqa: E402
from copydesk.document import Document  # noqa: E402
from copydesk.engine import check_document  # noqa: E402

CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "bbc-news-2005")


def _articles(corpus: str) -> list[tuple[str, str]]:
    files = sorted(os.path.join(dp, f) for dp, _dn, fs in os.walk(corpus) for f in fs if f.endswith(".txt") and f != "README.TXT")
    out = []
    for path in files:
        with open(path, "rb") as fh:
            out.append((os.path.relpath(path, corpus), decode(fh.read()).text))
    return out


def _timed_checkers(spent: dict[str, float]) -> None:
    """Wrap each checker's check so that its time is added up by checker id."""
    for checker in registry.checkers():
        inner = type(checker).check

        def timed(self, doc, ctx, _inner=inner):
            t0 = time.perf_counter()
            try:
                return list(_inner(self, doc, ctx))
            finally:
                spent[self.id] += time.perf_counter() - t0

        checker.check = timed.__get__(checker)  # type: ignore[method-assign]


def _proselint(articles: list[tuple[str, str]]) -> float | None:
    """proselint's seconds over the articles, in this process, or None when it is not installed."""
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    t0 = time.perf_counter()
    for name, text in articles:
        LintFile(name, text).lint(DEFAULT)
    return time.perf_counter() - t0


def _cli(corpus: str, jobs: int) -> float:
    """Seconds of wall time for `copydesk check --jobs N --quiet` over the corpus, start to exit."""
    import subprocess

    exe = os.path.join(os.path.dirname(sys.executable), "copydesk")
    cmd = [exe] if os.path.exists(exe) else [sys.executable, "-m", "copydesk"]
    subprocess.run([*cmd, "check", "--quiet", os.path.join(corpus, "politics", "001.txt")], capture_output=True)  # warm
    t0 = time.perf_counter()
    subprocess.run([*cmd, "check", "--jobs", str(jobs), "--quiet", corpus], stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--sample", type=int, default=300, help="articles for the rule costs")
    ap.add_argument("--json", help="write the figures to this file as JSON")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="workers for the timed `copydesk check --jobs N` over the corpus (0: not run)")
    args = ap.parse_args()
    articles = _articles(args.corpus)
    if not articles:
        sys.exit(f"no articles under {args.corpus}: the BBC corpus is read from ../shared beside the project (--corpus PATH)")
    words = sum(len(t.split()) for _n, t in articles)
    cfg = Config()
    check_document(Document(articles[0][1], articles[0][0], "text"), cfg)  # warm: packs read, patterns compiled
    spent: dict[str, float] = defaultdict(float)
    _timed_checkers(spent)
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    for name, text in articles:
        check_document(Document(text, name, "text"), cfg)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The rule costs: each rule alone over the sample, less the run with nothing selected.
    sample = articles[: args.sample]

    def run(select: list[str]) -> float:
        c = Config(select=select)
        t = time.perf_counter()
        for name, text in sample:
            check_document(Document(text, name, "text"), c)
        return time.perf_counter() - t

    base = min(run(["copydesk.internal-error"]) for _ in range(2))
    rules = sorted(r.id for c in registry.checkers() for r in c.rules if r.default and not r.id.startswith("grammar."))
    costs = {r: max(0.0, run([r]) - base) for r in rules}
    prose = _proselint(articles)
    cli = _cli(args.corpus, args.jobs) if args.jobs else None
    figures = {
        "articles": len(articles), "words": words, "seconds": round(wall, 3), "cpu_seconds": round(cpu, 3),
        "articles_per_second": round(len(articles) / wall, 1), "words_per_second": round(words / wall),
        "peak_rss_mb": round(peak_mb, 1),
        "checkers": {k: round(v, 3) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])},
        "rules_top10_ms_per_article": {r: round(costs[r] * 1000 / len(sample), 3)
                                       for r in sorted(costs, key=lambda r: -costs[r])[:10]},
        "proselint_seconds": None if prose is None else round(prose, 3),
        "proselint_articles_per_second": None if prose is None else round(len(articles) / prose, 1),
        "ratio": None if prose is None else round(prose / wall, 2),
        "cli_jobs": args.jobs or None,
        "cli_seconds": None if cli is None else round(cli, 3),
        "cli_articles_per_second": None if cli is None else round(len(articles) / cli, 1),
        "cli_ratio": None if cli is None or prose is None else round(prose / cli, 2),
    }
    print(f"{figures['articles']} articles, {words:,} words: {wall:.2f} s wall, {cpu:.2f} s CPU, one process")
    print(f"  {figures['articles_per_second']} articles/s, {figures['words_per_second']:,} words/s, peak RSS {peak_mb:.0f} MB")
    print("\nchecker            seconds   share")
    total = sum(spent.values()) or 1
    for k, v in figures["checkers"].items():
        print(f"  {k:16s} {v:7.2f}  {100 * v / total:5.1f}%")
    print(f"\nrule (alone, over {len(sample)} articles, less {base:.2f} s with none)   ms/article")
    for r, ms in figures["rules_top10_ms_per_article"].items():
        print(f"  {r:40s} {ms:8.3f}")
    if prose is None:
        print("\nproselint: not installed (pip install proselint), so no ratio")
    else:
        print(f"\nproselint: {prose:.2f} s, {figures['proselint_articles_per_second']} articles/s; "
              f"copydesk is {figures['ratio']}× its rate")
    if cli is not None:
        print(f"copydesk check --jobs {args.jobs} over the corpus, a fresh process: {cli:.2f} s wall, "
              f"{figures['cli_articles_per_second']} articles/s"
              + (f"; {figures['cli_ratio']}× proselint's rate" if prose is not None else ""))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(figures, fh, indent=2)


if __name__ == "__main__":
    main()
