"""The 181 pages of ../shared/corpora/article-extraction-benchmark split by site.

Whatever copydesk learns from these pages (furniture labels, the furniture model's weights,
credit forms) is built from the *build* sites only; every figure that claims to measure
"sites it never saw" is taken on the *held-out* sites. A site is the host name of the page's
URL without "www."; it falls on one side or the other by a hash of that name, so the split
never changes and never depends on the order of the files.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "article-extraction-benchmark")


def site_of(url: str) -> str:
    host = urlparse(url).netloc.lower().split(":")[0]
    return host[4:] if host.startswith("www.") else host


def held_out(site: str) -> bool:
    """True for the sites kept away from everything that is built or tuned."""
    return int(hashlib.sha256(site.encode("utf-8")).hexdigest(), 16) % 2 == 1


@dataclass
class Page:
    key: str
    site: str
    url: str
    body: str  # the true article body, paragraphs separated by newlines
    path: str  # the gzipped HTML

    @property
    def held_out(self) -> bool:
        return held_out(self.site)

    def html(self) -> str:
        with gzip.open(self.path) as fh:
            return fh.read().decode("utf-8", "replace")


def pages(corpus: str = CORPUS, which: str = "all") -> list[Page]:
    """The pages, sorted by key; which is "all", "build" or "held-out"."""
    with open(os.path.join(corpus, "ground-truth.json"), encoding="utf-8") as fh:
        truth = json.load(fh)
    out = []
    for name in sorted(os.listdir(os.path.join(corpus, "html"))):
        key = name.split(".")[0]
        entry = truth.get(key) or {}
        if not entry.get("articleBody"):
            continue
        page = Page(key, site_of(entry.get("url", "")), entry.get("url", ""), entry["articleBody"],
                    os.path.join(corpus, "html", name))
        if which == "all" or (which == "held-out") == page.held_out:
            out.append(page)
    return out


if __name__ == "__main__":
    for side in ("build", "held-out"):
        ps = pages(which=side)
        print(f"{side}: {len({p.site for p in ps})} sites, {len(ps)} pages")
