"""Time against draft length: checking a draft four times as long should take about four
times as long. Prints seconds per size for a few kinds of draft, including one made of
quotation marks only; and, with --prose, the cost per word and the peak memory of published
prose from 1 KB to 10 MB (BBC articles read from ../shared, joined; each size in a process of
its own, so that its peak is its own, which first checks 8 KB of the same prose twice, so that
what a process builds once is built before the draft timed).

    python benchmarks/scaling.py
    python benchmarks/scaling.py --prose
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from copydesk.config import Config  # noqa: E402
from copydesk.document import Document  # noqa: E402
from copydesk.engine import check_document  # noqa: E402

PARAGRAPH = ("The council said “we will meet again” on Monday, and Mr. Smith’s color scheme was "
             "approved. Photo by Jo Bell, Getty.\n\n")
KINDS = {
    "paragraphs": lambda n: "Headline\n\n" + PARAGRAPH * n,
    "one long paragraph": lambda n: "Headline\n\n" + PARAGRAPH.strip() * n,
    "quotation marks only": lambda n: "Headline\n\n" + "“" * (50 * n) + "\n",
    "mixed marks": lambda n: "Headline\n\n" + "“‘\"'’”" * (10 * n) + "\n",
}


CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpora", "bbc-news-2005")
SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)


def _prose(size: int) -> str:
    """Published articles' bodies joined under one headline, cut at a paragraph near size bytes."""
    parts, total = ["Archive\n\n"], 0
    names = sorted(os.path.join(d, f) for d, _s, fs in os.walk(CORPUS) for f in fs if f.endswith(".txt") and f != "README.TXT")
    if not names:
        sys.exit(f"no articles under {CORPUS}: the BBC corpus is read from ../shared beside the project")
    k = 0
    while total < size:
        with open(names[k % len(names)], encoding="utf-8", errors="replace") as fh:
            # an article's body as one paragraph: a 10 MB draft stays under the most paragraphs
            # a draft is read into (20,000), so that every word counted is a word checked
            body = " ".join(fh.read().split("\n", 1)[-1].split()) + "\n\n"
        parts.append(body)
        total += len(body.encode())
        k += 1
    text = "".join(parts)
    if size >= len(text):
        return text
    cut = text.rfind("\n\n", 0, size)
    if cut <= len(parts[0]):  # the first article alone is longer: cut it after a sentence
        cut = text.rfind(". ", 0, size) + 1
    return text[:cut].rstrip() + "\n"


def _one_size(size: int) -> None:
    import resource

    text = _prose(size)
    cfg = Config()
    warm = _prose(8000)
    for _ in range(2):  # what a process builds once (packs read, patterns compiled, RE2 taking over) is built
        check_document(Document(warm, "warm.txt"), cfg)
    t0 = time.perf_counter()
    check_document(Document(text, "a.txt"), cfg)
    dt = time.perf_counter() - t0
    words = len(text.split())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(text.encode()):>12,d} {words:>10,d} {dt:9.3f} {dt * 1e6 / words:10.1f} {peak:9.0f}")


def prose() -> None:
    import subprocess

    print(f"{'bytes':>12s} {'words':>10s} {'seconds':>9s} {'µs/word':>10s} {'peak MB':>9s}")
    for size in SIZES:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


def main() -> None:
    if "--one" in sys.argv:
        return _one_size(int(sys.argv[sys.argv.index("--one") + 1]))
    if "--prose" in sys.argv:
        return prose()
    cfg = Config()
    check_document(Document("warm up", "a.txt"), cfg)
    print(f"{'draft':24s} {'size':>10s} {'seconds':>9s} {'ratio to previous':>18s}")
    for name, make in KINDS.items():
        prev = None
        for n in (200, 800, 3200):
            text = make(n)
            t0 = time.perf_counter()
            check_document(Document(text, "a.txt"), cfg)
            dt = time.perf_counter() - t0
            ratio = f"{dt / prev:.1f}x" if prev else ""
            print(f"{name:24s} {len(text):10d} {dt:9.3f} {ratio:>18s}")
            prev = dt


if __name__ == "__main__":
    main()
