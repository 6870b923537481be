"""Page furniture on sites copydesk was never built from (run by hand).

Uses ../shared/corpora/article-extraction-benchmark split by site (benchmarks/sites.py): the
word lists of the furniture classifier were built from the *build* sites only; the figures
printed here are taken on the *held-out* sites (``--which build`` shows the build side).

A page's visible text is taken a line per block element (paragraphs, list items, headings,
table cells, buttons…), as a reader copies it; links and other inline elements stay inside
their line. A line equal to a paragraph of the true body is a body line; a line found nowhere
in the body is a non-body line; a line that is only part of a body paragraph is neither.

For each English page it measures:

- isolated furniture: each distinct line of the page's visible text that is not in its true
  body is put alone between the two middle paragraphs of that body (a plain-text draft under a
  headline line) and counts as caught when layout reports that line as page furniture or a
  teaser. Lines that are not furniture are counted apart and left out of the target: full
  sentences (other stories' text, reader comments, legal notices), fragments of a sentence cut
  at a link (they start in lower case or with punctuation), headlines of other stories (six
  words or more), photo credits (a credit on a line of its own is the caption block of a picture
  the draft carries, whose form the credits checker checks), and lines in another script. Each
  line is put between two paragraphs of prose (the pair nearest the middle), so that it stands
  alone there, as a line pasted between body paragraphs does; --middle puts it between the two
  middle paragraphs whatever they are (beside a crosshead or in a list, as earlier runs did);
- body lines: the share of true body paragraphs reported as furniture or teasers, in the
  body-only draft and in the whole page pasted as text;
- with --html N: N raw pages read as HTML drafts, and how many of their list items and
  headings are reported, apart for those outside the true body (furniture), those in it, and
  those outside the article element the page marks that repeat a line inside it (menus, related links).

    python benchmarks/furniture_sites.py                  # held-out sites
    python benchmarks/furniture_sites.py --no-labels      # without the label list of layout.yaml
    python benchmarks/furniture_sites.py --which build --show-missed 40
    python benchmarks/furniture_sites.py --html 20                      # 20 raw pages read as HTML
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections import Counter
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from sites import pages  # noqa: E402

from copydesk import furniture  # noqa: E402
from copydesk.checks.credits import is_credit_line  # noqa: E402
from copydesk.config import Config  # noqa: E402
from copydesk.document import Document  # noqa: E402
from copydesk.engine import check_document  # noqa: E402

RULES = Config(select=["layout.page-furniture", "layout.teaser"])
STOP = {"the", "and", "of", "to", "in", "is", "that", "for", "it", "on", "was", "with", "he", "as"}
TERMINAL = ".!?…"


BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table", "button",
              "header", "footer", "nav", "section", "article", "aside", "main", "figure", "figcaption", "blockquote",
              "form", "br", "dt", "dd", "label", "select", "option"}
HIDDEN = {"script", "style", "noscript", "svg", "head", "template"}


class _Visible(HTMLParser):
    """The page's text as a reader copies it: a line per block element; links, spans and other
    inline elements stay inside their line."""

    def __init__(self):
        super().__init__()
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.skip += 1
        if tag in BLOCK_TAGS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.skip = max(0, self.skip - 1)
        if tag in BLOCK_TAGS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def visible_lines(html: str) -> list[str]:
    p = _Visible()
    p.feed(html)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(p.out).split("\n"))
    return [line for line in lines if line]


def english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    letters = [c for c in text if c.isalpha()]
    return (len(words) > 30 and sum(w in STOP for w in words) / len(words) > 0.12
            and sum(c.isascii() for c in letters) > 0.95 * len(letters))


def latin(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return all("LATIN" in unicodedata.name(c, "") for c in letters)


def line_class(line: str) -> str:
    """What a non-body line is: a class of furniture, or (starting with "not:") what is left out."""
    words = line.split()
    bare = line.rstrip("\"'”’)]")
    if not latin(line):
        return "not: other script"
    if line[0].islower() or line[0] in ",.;:)]}'’-–—":
        return "not: fragment of a sentence"
    if len(words) >= 6 and (bare.endswith(tuple(TERMINAL)) or len(words) >= 12):
        return "not: full sentence"
    if len(words) >= 6:
        return "not: headline of another story"
    if is_credit_line(line, standalone=True):
        return "not: photo credit"
    if not any(c.isalpha() for c in line):
        return "number or symbol"
    if furniture.looks_like_time(line):
        return "date or time"
    if len(words) == 1:
        return "single word"
    return "short label"


def _prose(p: str) -> bool:
    n = len(p.split())
    return len(p) > 120 or n >= 8 or (n >= 5 and p.rstrip("\"'”’)]").endswith(tuple(TERMINAL)))


def isolated_gap(paras: list[str], middle: bool = False) -> int | None:
    """Where a line is put alone: before paras[k], where paras[k - 1] is a paragraph of prose that
    ends a sentence and paras[k] one of prose, the k nearest the middle of the body. With middle,
    the two middle paragraphs whatever they are (the placement of earlier runs)."""
    if middle:
        return len(paras) // 2
    gaps = [k for k in range(1, len(paras)) if _prose(paras[k - 1]) and _prose(paras[k])
            and paras[k - 1].rstrip("\"'”’)]").endswith(tuple(TERMINAL))]
    return min(gaps, key=lambda k: abs(k - len(paras) / 2)) if gaps else None


def flagged_lines(text: str, name: str) -> set[int]:
    return {f.line for f in check_document(Document(text, name, "text"), RULES)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--which", default="held-out", choices=["held-out", "build", "all"])
    ap.add_argument("--no-labels", action="store_true", help="leave the label list of layout.yaml out")
    ap.add_argument("--middle", action="store_true",
                    help="put each line between the two middle paragraphs whatever they are (crossheads and list lines too)")
    ap.add_argument("--show-missed", type=int, default=0)
    ap.add_argument("--show-body", type=int, default=0)
    ap.add_argument("--html", type=int, default=0, metavar="N",
                    help="instead, read N raw pages as HTML and count the list items and headings reported")
    args = ap.parse_args()
    if args.html:
        html_pages(args)
        return
    if args.no_labels:
        furniture.USE_LABEL_LIST = False
    per_class: Counter = Counter()
    caught: Counter = Counter()
    missed: list[tuple[str, str, str]] = []
    body_total = body_flagged = paste_body_total = paste_body_flagged = 0
    body_shown = []
    skipped = 0
    used = 0
    no_gap = 0
    for page in pages(which=args.which):
        paras = [p.strip() for p in page.body.split("\n") if p.strip()]
        if not english(page.body) or len(paras) < 2:
            skipped += 1
            continue
        used += 1
        # body alone
        draft = "Headline\n\n" + "\n\n".join(paras) + "\n"
        hits = flagged_lines(draft, page.key + ".txt")
        for n, p in enumerate(paras):
            body_total += 1
            if 3 + 2 * n in hits:
                body_flagged += 1
                body_shown.append((page.site, "body", p))
        # the whole page pasted
        lines = visible_lines(page.html())
        hits = flagged_lines("\n\n".join(lines) + "\n", page.key + ".txt")
        body_paras = {re.sub(r"\s+", " ", p) for p in paras}
        body_text = re.sub(r"\s+", " ", page.body)
        outside = []
        for n, line in enumerate(lines):
            if line in body_paras:  # a paragraph of the article
                paste_body_total += 1
                if 1 + 2 * n in hits:
                    paste_body_flagged += 1
                    body_shown.append((page.site, "paste", line))
            elif line not in body_text:  # a part of a paragraph is neither body line nor furniture
                outside.append(line)
        # each distinct non-body line alone between two paragraphs of prose, the pair nearest
        # the middle of the body (a line beside a crosshead or in a list is not isolated)
        mid = isolated_gap(paras, args.middle)
        if mid is None:
            no_gap += 1
            continue
        head = "Headline\n\n" + "\n\n".join(paras[:mid]) + "\n\n"
        line_no = head.count("\n") + 1
        tail = "\n\n" + "\n\n".join(paras[mid:]) + "\n"
        for line in dict.fromkeys(outside):
            cls = line_class(line)
            per_class[cls] += 1
            if line_no in flagged_lines(head + line + tail, page.key + ".txt"):
                caught[cls] += 1
            elif not cls.startswith("not:"):
                missed.append((page.site, cls, line))
    print(f"{args.which} sites: {used} English pages checked ({skipped} left out: not English or one paragraph)"
          + ("; label list left out" if args.no_labels else "")
          + (f"; {no_gap} with no two paragraphs of prose side by side" if no_gap else ""))
    print("isolated non-body lines, each alone between two body paragraphs:")
    fur = sum(n for c, n in per_class.items() if not c.startswith("not:"))
    fur_caught = sum(n for c, n in caught.items() if not c.startswith("not:"))
    for cls in sorted(per_class, key=lambda c: (c.startswith("not:"), -per_class[c])):
        n = per_class[cls]
        print(f"    {cls:34s} {caught[cls]:5d} of {n:5d} caught ({100 * caught[cls] / n:5.1f}%)")
    print(f"furniture (the classes above not marked 'not:'): {fur_caught} of {fur} caught "
          f"({100 * fur_caught / max(1, fur):.1f}%)")
    print(f"body lines reported: {body_flagged} of {body_total} in the body-only drafts "
          f"({100 * body_flagged / max(1, body_total):.2f}%), {paste_body_flagged} of {paste_body_total} "
          f"in the pasted pages ({100 * paste_body_flagged / max(1, paste_body_total):.2f}%)")
    for site, cls, line in missed[: args.show_missed]:
        print(f"  missed  {site[:24]:24s} {cls:18s} {line[:90]!r}")
    for site, where, line in body_shown[: args.show_body]:
        print(f"  body    {site[:24]:24s} {where:6s} {line[:90]!r}")


def html_pages(args) -> None:
    """The raw pages read as HTML drafts: list items and headings outside the true body that
    are reported as furniture or teasers, and those of the body that are reported. An item whose
    text is in the body but that stands outside the article element the page marks, and that
    repeats a line standing inside it, is counted apart ("repeat"): a menu or related link."""
    rules = Config(select=["layout.page-furniture", "layout.teaser"])
    seen = Counter()
    hit = Counter()
    shown = []
    used = 0
    for page in pages(which=args.which):
        if used == args.html:
            break
        if not english(page.body):
            continue
        used += 1
        doc = Document(page.html(), page.key + ".html", "html")
        starts = {f.start for f in check_document(doc, rules)}
        body = re.sub(r"\s+", " ", page.body)
        paras = {re.sub(r"\s+", " ", p.strip()) for p in page.body.split("\n")}
        in_article = " ".join(re.sub(r"\s+", " ", x.text) for x in doc.blocks
                              if x.text and doc.html_context.get(x.start) and doc.html_context[x.start].in_article)
        for b in doc.blocks:
            if b.kind not in ("list_item", "heading") or not b.text:
                continue
            text = re.sub(r"\s+", " ", b.text)
            where = "body" if text in paras or (len(text.split()) >= 4 and text in body) else "furniture"
            ctx = doc.html_context.get(b.start)
            if where == "body" and doc.has_article and ctx is not None and not ctx.in_article and text in in_article:
                # The item stands outside the article the page marks and repeats a line that also
                # stands inside it: a menu or related link ("Dare to Play 3" in a side menu beside
                # "Dare to Play 3:" in the text), not the body's own line.
                where = "repeat"
            key = f"{b.kind} ({where})"
            seen[key] += 1
            if b.prose.source_span(0, len(b.text))[0] in starts:
                hit[key] += 1
                if where == "body":
                    shown.append((page.site, "body", b.text))
            elif where == "furniture":
                shown.append((page.site, f"missed {b.kind[:4]} {ctx.tag if ctx else ''} "
                              f"{'in' if ctx and ctx.in_article else 'out'}{' chrome' if ctx and ctx.chrome else ''}"
                              f"{'' if doc.has_article else ' no-article'}", b.text))
    print(f"{args.which} sites: {used} raw English pages read as HTML")
    for key in sorted(seen):
        print(f"    {key:28s} {hit[key]:5d} of {seen[key]:5d} reported")
    for site, what, text in [x for x in shown if x[1] == "body"][: args.show_body]:
        print(f"  {what:8s}{site[:24]:24s} {text[:90]!r}")
    for site, what, text in [x for x in shown if x[1] != "body"][: args.show_missed]:
        print(f"  {site[:24]:24s} {what:34s} {text[:80]!r}")


if __name__ == "__main__":
    main()
