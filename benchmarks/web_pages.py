"""Page furniture in real web pages, and false alarms on their true article bodies.

Uses ../shared/corpora/article-extraction-benchmark (181 news pages with the true article
body of each). For every page it makes two plain-text drafts:

- the body alone (the article as published, under a headline line): every warning or error
  there is a false alarm, with the American house pack, as most of these sites are American;
- the page as a reader would copy it (the visible text of the page, block by block): what the
  layout checker reports among the lines that are not in the body is page furniture caught.

    python benchmarks/web_pages.py
    python benchmarks/web_pages.py --show 30     # also print false alarms on the bodies
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from copydesk.config import Config  # noqa: E402
from copydesk.document import Document  # noqa: E402
from copydesk.engine import check_document  # noqa: E402
from furniture_sites import visible_lines  # noqa: E402  (the page as a reader would copy it)

CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "article-extraction-benchmark")
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    with open(os.path.join(args.corpus, "ground-truth.json"), encoding="utf-8") as fh:
        truth = json.load(fh)
    american = Config(house="american")
    body_findings: Counter = Counter()
    body_words = 0
    shown = []
    furniture_lines = caught = body_lines_flagged = body_lines = 0
    for name in sorted(os.listdir(os.path.join(args.corpus, "html"))):
        key = name.split(".")[0]
        body = truth.get(key, {}).get("articleBody", "")
        if not body:
            continue
        draft = "Headline\n\n" + "\n\n".join(p.strip() for p in body.split("\n") if p.strip()) + "\n"
        body_words += len(draft.split())
        doc = Document(draft, key + ".txt", "text")
        for f in check_document(doc, american):
            if f.severity in ("warning", "error"):
                body_findings[f.rule] += 1
                shown.append((key, f))
        with gzip.open(os.path.join(args.corpus, "html", name)) as fh:
            html = fh.read().decode("utf-8", "replace")
        lines = visible_lines(html)
        paste = "\n\n".join(lines) + "\n"
        pdoc = Document(paste, key + ".txt", "text")
        flagged = {f.line for f in check_document(pdoc, Config(select=["layout.page-furniture", "layout.teaser"]))}
        in_body = set(re.sub(r"\s+", " ", body).split(" "))
        for n, line in enumerate(lines):
            line_no = 1 + 2 * n
            is_body = line in body or (len(line.split()) > 6 and all(w in in_body for w in line.split()[:6]))
            if is_body:
                body_lines += 1
                body_lines_flagged += line_no in flagged
            else:
                furniture_lines += 1
                caught += line_no in flagged
    total = sum(body_findings.values())
    print(f"article bodies: {len(truth)} articles, {body_words} words, {total} warning/error findings, "
          f"{total * 10000 / body_words:.2f} per 10,000 words (american house)")
    for rule, n in body_findings.most_common():
        print(f"    {rule:36s} {n:5d}")
    print(f"pasted pages: {furniture_lines} lines outside the article bodies, {caught} reported as furniture or "
          f"teasers ({100 * caught / max(1, furniture_lines):.1f}%); {body_lines_flagged} of {body_lines} body lines reported")
    for key, f in shown[: args.show]:
        print(f"\n{key[:12]}:{f.line}:{f.column} {f.rule} {f.message}\n    {f.excerpt[:100]!r}")


if __name__ == "__main__":
    main()
