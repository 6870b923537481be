"""Time against draft length: checking a draft four times as long should take about four
times as long. Prints seconds per size for a few kinds of draft, including one made of
quotation marks only.

    python benchmarks/scaling.py
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


def main() -> None:
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
