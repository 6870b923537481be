"""Photo credits on real web pages, split by site (see benchmarks/sites.py).

Two figures, each for the build and the held-out sites:

- missing-credit warnings: every page is checked as the HTML file it is, and the
  `credits.missing` findings are counted against all findings (images that owe no credit,
  icons, avatars, pixels, social buttons, should not be among them);
- credit lines: the page's own markup says which short elements are credits (a class, id or
  itemprop naming a credit, copyright, photographer or image source) and which are captions
  (figcaption, or a class naming a caption). Each credit element's text is given to the
  credits grammar on its own (is it recognised as a credit?), and each caption whose text,
  once its credit elements are taken out, is a description of some length is given to it too
  (is any of it taken for a credit?). Site-wide notices (copyright lines, "All rights
  reserved", legal links) are not photo credits and are left out of the first count. A
  caption's markup does not always mark the credit inside it, so every credit found in a
  caption is printed with --show, to be read: a pure description taken for a credit is an
  error, a credit the site left unmarked is not.

    python benchmarks/credit_pages.py                  # both sides
    python benchmarks/credit_pages.py --side held-out --show 20
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from sites import pages  # noqa: E402

from copydesk.checks.credits import find_credits  # noqa: E402
from copydesk.config import Config  # noqa: E402
from copydesk.engine import check_file  # noqa: E402

CREDIT_CLASS = re.compile(r"credit|copyright|photographer|img-?source|image-?source|media-?source|caption-?source", re.I)
CAPTION_CLASS = re.compile(r"caption", re.I)
# Elements a site marks as "credit" or "copyright" that are not photo credits: the site's own
# notice, its legal links, data providers.
SITE_NOTICE = re.compile(r"rights? reserved|all right|©\s*\d{4}|©\s*copyright|copyright\s*(?:©\s*)?\d{4}|\d{4}\s*©|trademark|"
                         r"^\d{4}$|terms of|privacy|advertis|adchoices|provided by|^credit & ", re.I)
VOID = {"img", "br", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col", "embed", "param", "track"}
SKIP = {"script", "style", "noscript", "svg", "head", "template"}


class _Marked(HTMLParser):
    """Text of elements whose markup calls them credits or captions."""

    def __init__(self):
        super().__init__()
        self.stack: list[list] = []
        self.out: list[tuple[str, str, str]] = []  # kind, full text, text without credit children
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        if tag in VOID:
            return
        a = dict(attrs)
        names = " ".join(a.get(k) or "" for k in ("class", "id", "itemprop"))
        kind = "credit" if CREDIT_CLASS.search(names) else "caption" if tag == "figcaption" or CAPTION_CLASS.search(names) else ""
        self.stack.append([tag, kind, [], []])  # all text, text outside credit children

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                while len(self.stack) > i:
                    _t, kind, whole, own = self.stack.pop()
                    text = " ".join("".join(whole).split())
                    if kind and text:
                        self.out.append((kind, text, " ".join("".join(own).split())))
                    if self.stack:
                        self.stack[-1][2].append("".join(whole))
                        if kind != "credit":
                            self.stack[-1][3].append("".join(own))
                return

    def handle_data(self, data):
        if not self.skip and self.stack:
            self.stack[-1][2].append(data)
            self.stack[-1][3].append(data)


def marked(html: str) -> list[tuple[str, str, str]]:
    p = _Marked()
    p.feed(html)
    return p.out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--side", choices=["build", "held-out", "both"], default="both")
    ap.add_argument("--show", type=int, default=0, help="print this many examples of each kind of miss")
    ap.add_argument("--house", default="american")
    args = ap.parse_args()
    cfg = Config(house=args.house)
    for side in (["build", "held-out"] if args.side == "both" else [args.side]):
        ps = pages(which=side)
        rules: Counter = Counter()
        credits_seen = credits_found = 0
        captions_seen = captions_taken = 0
        missed, taken, missing = [], [], []
        for p in ps:
            data = p.html().encode("utf-8")
            res = check_file(p.key + ".html", cfg, data=data)
            for f in res.findings:
                rules[f.rule] += 1
                if f.rule == "credits.missing":
                    missing.append((p.site, f.excerpt[:160]))
            seen = set()
            for kind, text, own in marked(p.html()):
                if (kind, text) in seen or len(text) > 400:
                    continue
                seen.add((kind, text))
                if kind == "credit" and not SITE_NOTICE.search(text) and len(text.split()) <= 12:
                    credits_seen += 1
                    if find_credits(text):
                        credits_found += 1
                    else:
                        missed.append((p.site, text))
                elif kind == "caption" and own == text and len(own.split()) >= 6:
                    # a caption with no credit element inside: is any of it taken for a credit?
                    captions_seen += 1
                    hits = find_credits(own)
                    if hits:
                        captions_taken += 1
                        taken.append((p.site, own[hits[0].start : hits[0].end], own[:160]))
        total = sum(rules.values())
        print(f"== {side}: {len({p.site for p in ps})} sites, {len(ps)} pages")
        print(f"findings: {total}; credits.missing: {rules['credits.missing']}; other credits.*: "
              f"{sum(n for r, n in rules.items() if r.startswith('credits.') and r != 'credits.missing')}")
        print(f"credit elements recognised as credits: {credits_found}/{credits_seen}")
        print(f"captions with no credit element in which a credit was found (read them with --show): {captions_taken}/{captions_seen}")
        if args.show:
            for site, text in missed[: args.show]:
                print("  missed credit:", site, "|", text)
            for site, what, text in taken[: args.show]:
                print("  taken caption:", site, "|", what, "|", text)
            for site, ex in missing[: args.show]:
                print("  missing:", site, "|", ex)


if __name__ == "__main__":
    main()
