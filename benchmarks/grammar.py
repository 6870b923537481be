"""Grammar (LanguageTool) and readability on published copy, by hand (never from pytest).

For a folder of the BBC corpus (politics unless told): the first grammar check with an empty
result cache, the second one from the cache, grammar findings per 2,000 words, the time of the
readability checker alone, the findings per LanguageTool rule, and a sample to read.

    python benchmarks/grammar.py                          # starts the installed server for the run
    python benchmarks/grammar.py --lt-server http://127.0.0.1:8081 --folder sport --show 30
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from copydesk import languagetool  # noqa: E402
from copydesk.config import Config  # noqa: E402
from copydesk.engine import check_file  # noqa: E402
from copydesk.sentences import words  # noqa: E402

CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "bbc-news-2005")


def run(files, cfg):
    out = []
    for f in files:
        r = check_file(f, cfg)
        if r.error:
            raise SystemExit(r.error)
        out.append(r)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folder", default="politics")
    ap.add_argument("--lt-server", default=None, help="a running server; else the installed one is started")
    ap.add_argument("--show", type=int, default=0, help="print this many grammar findings, at random, to read")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip", type=int, default=0, help="leave out the folder's first N articles (those tuned on)")
    args = ap.parse_args()
    folder = os.path.join(CORPUS, args.folder)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))[args.skip:]
    total_words = 0
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            total_words += words(fh.read())
    grammar_cfg = Config(select=["grammar"], grammar={"enabled": True})
    with tempfile.TemporaryDirectory() as tmp:
        with languagetool.session(server=args.lt_server, cache_path=os.path.join(tmp, "cache.sqlite3")) as s:
            start = time.perf_counter()
            s.client(languagetool.Settings())  # the server started (or found) and warmed up, outside the timing
            if s.failure:
                raise SystemExit(s.failure)
            warm = time.perf_counter() - start
            t0 = time.perf_counter()
            first = run(files, grammar_cfg)
            t1 = time.perf_counter()
            sent = s.sent
            second = run(files, grammar_cfg)
            t2 = time.perf_counter()
            resent = s.sent - sent
    t0r = time.perf_counter()
    run(files, Config(select=["readability"]))
    t1r = time.perf_counter()
    run(files, Config(select=["readability"], extend_select=["readability.hard-to-read"]))
    t2r = time.perf_counter()
    found = [f for r in first for f in r.findings if f.rule.startswith("grammar.")]
    again = [f for r in second for f in r.findings if f.rule.startswith("grammar.")]
    assert [(f.rule, f.start) for f in found] == [(f.rule, f.start) for f in again], "the cache changed the findings"
    print(f"folder {args.folder}: {len(files)} articles (from number {args.skip + 1}), {total_words:,} words")
    print(f"server ready (start and warm-up, or first contact): {warm:.1f} s")
    print(f"first grammar check:  {t1 - t0:7.2f} s  ({sent:,} paragraphs sent)")
    print(f"second (cached):      {t2 - t1:7.2f} s  ({resent:,} sent)  {(t1 - t0) / max(t2 - t1, 1e-9):.0f}x faster")
    print(f"grammar findings: {len(found)}  = {2000 * len(found) / total_words:.2f} per 2,000 words "
          f"({sum(f.severity != 'info' for f in found)} warnings or errors)")
    print(f"readability checker: {t1r - t0r:.2f} s without the Flesch floor, {t2r - t1r:.2f} s with it")
    for rule, n in Counter(f.rule for f in found).most_common():
        print(f"  {n:4d}  {rule}")
    if args.show:
        random.seed(args.seed)
        pool = [(r, f) for r in first for f in r.findings if f.rule.startswith("grammar.")]
        for r, f in random.sample(pool, min(args.show, len(pool))):
            text = r.document.text
            around = " ".join(text[max(0, f.start - 60):f.start].split()) + " [" + text[f.start:f.end] + "] " + " ".join(
                text[f.end:f.end + 60].split())
            print(f"\n{os.path.relpath(r.path, CORPUS)}:{f.line}:{f.column} {f.rule}\n    {around}\n    {f.message[:160]}")


if __name__ == "__main__":
    main()
