"""Accuracy and speed of the default profile on published, professionally edited copy.

Runs every checker over ../shared/corpora/bbc-news-2005 (2,225 BBC News articles) and prints
findings per 10,000 words for each rule, the rate at warning or error severity (the target is
at most 2), and articles checked per second.

    python benchmarks/bbc_corpus.py                 # the table
    python benchmarks/bbc_corpus.py --show 50       # also print 50 warning/error findings to review
    python benchmarks/bbc_corpus.py --rule quotes   # only findings of rules starting with this
    python benchmarks/bbc_corpus.py --rule style.numbers --severity info --show 80
                                                    # findings of an info rule (--show lists
                                                    # warning and error findings unless told)
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from copydesk.config import Config  # noqa: E402
from copydesk.document import Document  # noqa: E402
from copydesk.decoding import decode  # noqa: E402
from copydesk.engine import check_document  # noqa: E402

CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "bbc-news-2005")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--house", help="a house pack (name or path) in place of the default")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--show", type=int, default=0, help="print this many findings (of --severity), at random")
    ap.add_argument("--rule", default="", help="only show findings whose rule starts with this")
    ap.add_argument("--severity", default="warning,error",
                    help="comma-separated severities --show lists (default warning,error; 'info' for an info rule)")
    ap.add_argument("--grep", default="", help="only show findings whose message holds this text")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    files = sorted(
        os.path.join(dp, f) for dp, _dn, fs in os.walk(args.corpus) for f in fs if f.endswith(".txt") and f != "README.TXT"
    )
    cfg = Config(house=args.house) if args.house else Config()
    per_rule: Counter = Counter()
    severities: Counter = Counter()
    words = 0
    shown = []
    showable = {x.strip() for x in args.severity.split(",") if x.strip()}
    t0 = time.perf_counter()
    for path in files:
        with open(path, "rb") as fh:
            decoded = decode(fh.read())
        doc = Document(decoded.text, os.path.relpath(path, args.corpus), "text")
        words += len(decoded.text.split())
        for f in check_document(doc, cfg, decoded):
            per_rule[(f.rule, f.severity)] += 1
            severities[f.severity] += 1
            if f.severity in showable and f.rule.startswith(args.rule) and args.grep in f.message:
                shown.append((doc, f))
    elapsed = time.perf_counter() - t0
    print(f"{len(files)} articles, {words} words, {elapsed:.2f} s: {len(files) / elapsed:.0f} articles/s")
    print(f"{'rule':36s} {'severity':8s} {'count':>6s} {'per 10k words':>14s}")
    for (rule, sev), n in sorted(per_rule.items(), key=lambda kv: -kv[1]):
        print(f"{rule:36s} {sev:8s} {n:6d} {n * 10000 / words:14.3f}")
    we = severities["warning"] + severities["error"]
    print(f"warning+error: {we} findings, {we * 10000 / words:.3f} per 10,000 words (target <= 1.5)")
    if args.show:
        random.Random(args.seed).shuffle(shown)
        for doc, f in shown[: args.show]:
            line = doc.line_text(f.line - 1)
            lo = max(0, f.column - 80)
            print(f"\n{f.path}:{f.line}:{f.column} {f.rule} {f.message}\n    …{line[lo:f.end_column + 60]}…")


if __name__ == "__main__":
    main()
