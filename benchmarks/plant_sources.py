"""Page furniture lines and photo-credit shapes drawn from the held-out sites of the
extraction benchmark (see sites.py), for benchmarks/planted.py.

Nothing here is a hand list of furniture or of credit forms: both are read from the pages of
sites that nothing in copydesk was built or tuned on, so that planting them measures how the
checkers do on sites they never saw.

Furniture lines. A page is read as a reader would copy it: the visible text, split at block
elements (p, div, li, h1-h6, a, span, td, button, header, footer, nav, section, figcaption,
br, time, label). A line is taken as furniture when all of these hold:

- it is not part of the article: not inside the page's true body (case-insensitively, white
  space folded), and not part of the page's own headline (<title>, <h1>, og:title);
- it is not a caption or a credit (not inside figcaption, nor an element whose class names a
  caption, credit or copyright notice: those feed the credit shapes instead);
- it is short and not a sentence: one to five words and at most 40 characters, no sentence
  punctuation at its end (. ! ? ; ,), no quotation marks, at least one letter, not more
  digits than letters, no code (braces, =, ;, <, >, "window.", "function", a URL, a
  lower-case hyphenated token such as a CSS class), and not a sentence cut short (a line of
  two words or more that ends in a function word: the, of, to, are…, the opening of a
  teaser);
- it is not the headline of another article: a line of four or five words that is the text of
  a link whose path ends in a slug of four or more hyphenated words is dropped (longer lines
  are already out by the word limit);
- it is not a duplicate (case-insensitively, over all sites), and no site gives more than 25
  lines, so that no one site's menu dominates.

Run-in furniture. Among those lines, the timestamps (a date made only of month or weekday
names, numbers and separators; a clock time; `N hours ago` and the like) and the bylines
(`By ` and a capitalised name), with the bylines of elements whose class names a byline or an
author, are the ones planted glued to the first paragraph; planted.py replaces a byline's
name with a made-up one.

Credit shapes. The text of held-out elements whose class names a credit (`credit`,
`copyright`) when it is short and carries no footer notice (rights reserved, LLC, Inc, a
year, script), does not open with © as a site's own notice does, and has no name mixing in
lower-case words as prose does; and the credit at the end of a figcaption (a closing
parenthesis that names a photo, an image or an agency, or `Photo by …`). Each is turned into
a shape by keeping its cue words (photo, photograph, image, picture, credit, copyright,
courtesy, source, by, of, via) and its punctuation and replacing each name with a slot: a
wire agency known by name (the AGENCIES below, kept only to tell an agency slot from a person
slot) becomes {agency}, anything else {name}, each remembering whether it was written in
capitals, in lower case or as an @handle. planted.py fills the slots with made-up names and
real agency names, and leaves out shapes that are no credit out of context (a bare name).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from sites import pages

BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "td", "button", "header",
              "footer", "nav", "section", "figcaption", "br", "time", "label"}
SKIP_TAGS = {"script", "style", "noscript", "svg", "head", "template"}
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"}
CAPTION_CLASS = re.compile(r"caption|credit|copyright", re.I)
CREDIT_CLASS = re.compile(r"credit|copyright", re.I)
BYLINE_CLASS = re.compile(r"byline|author", re.I)
ARTICLE_SLUG = re.compile(r"/[a-z0-9]+(?:-[a-z0-9]+){3,}(?:\.html?)?/?(?:[?#].*)?$", re.I)

MAX_WORDS = 5
MAX_CHARS = 40
PER_SITE = 25

# Wire agencies and picture libraries, only to tell an agency slot from a person slot in a
# credit shape drawn from a page; the shapes themselves come from the pages.
AGENCIES = {"ap", "associated press", "afp", "reuters", "epa", "getty", "getty images", "pa", "pa media",
            "shutterstock", "alamy", "rex", "rex features", "stf", "xinhua", "anadolu", "ansa", "dpa", "efe",
            "zuma", "ap photo", "nasa", "wireimage", "afp via getty images", "sipa", "bloomberg", "istock"}

CUE_WORDS = {"photo", "photos", "photograph", "photographs", "photography", "image", "images", "picture",
             "pictures", "pic", "credit", "credits", "copyright", "courtesy", "source", "by", "of", "via"}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
TRUNCATED = {"the", "a", "an", "of", "to", "and", "or", "for", "in", "on", "at", "with", "is", "are", "was",
             "were", "be", "that", "this", "from", "by", "as", "but", "its", "their", "his", "her"}
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class _Page(HTMLParser):
    """Visible lines of a page, each with whether it is in a caption/credit element and the
    href of the link it is in; the page's own headline texts; credit and figcaption texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool, str | None, bool]] = []  # tag, caption, credit, href, byline
        self.skip = 0
        self.lines: list[tuple[str, bool, str | None]] = []
        self.cur: list[str] = []
        self.cur_caption = False
        self.cur_href: str | None = None
        self.headlines: list[str] = []
        self.in_title = self.in_h1 = 0
        self.title_buf: list[str] = []
        self.credits: list[str] = []
        self.credit_buf: list[list[str]] = []
        self.fig_buf: list[list[str]] = []
        self.byline_buf: list[list[str]] = []
        self.bylines: list[str] = []
        self.figcaptions: list[str] = []

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self.cur)).strip()
        if text:
            self.lines.append((text, self.cur_caption, self.cur_href))
        self.cur = []

    def _state(self):
        caption = any(s[1] for s in self.stack)
        href = next((s[3] for s in reversed(self.stack) if s[0] == "a"), None)
        return caption, href

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") == "og:title" or a.get("name") == "twitter:title"):
            self.headlines.append(a.get("content") or "")
        if tag == "title":
            self.in_title += 1
        if tag in SKIP_TAGS:
            self.skip += 1
        if tag in VOID_TAGS:
            if tag == "br":
                self._flush()
            return
        cls = a.get("class") or ""
        caption = tag == "figcaption" or bool(CAPTION_CLASS.search(cls))
        credit = bool(CREDIT_CLASS.search(cls))
        if tag in BLOCK_TAGS:
            self._flush()
        byline = bool(BYLINE_CLASS.search(cls))
        self.stack.append((tag, caption, credit, a.get("href") if tag == "a" else None, byline))
        if byline:
            self.byline_buf.append([])
        if credit:
            self.credit_buf.append([])
        if tag == "figcaption":
            self.fig_buf.append([])
        if tag == "h1":
            self.in_h1 += 1
        self.cur_caption, self.cur_href = self._state()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = max(0, self.in_title - 1)
            self.headlines.append("".join(self.title_buf))
            self.title_buf = []
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        if tag in VOID_TAGS:
            return
        # close up to the matching open tag (HTML in the wild leaves tags open)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                if tag in BLOCK_TAGS:
                    self._flush()
                for t, _cap, cred, _h, byl in self.stack[i:]:
                    if byl and self.byline_buf:
                        self.bylines.append(re.sub(r"\s+", " ", "".join(self.byline_buf.pop())).strip())
                    if cred and self.credit_buf:
                        self.credits.append(re.sub(r"\s+", " ", "".join(self.credit_buf.pop())).strip())
                    if t == "figcaption" and self.fig_buf:
                        self.figcaptions.append(re.sub(r"\s+", " ", "".join(self.fig_buf.pop())).strip())
                    if t == "h1":
                        self.in_h1 = max(0, self.in_h1 - 1)
                del self.stack[i:]
                break
        self.cur_caption, self.cur_href = self._state()

    def handle_data(self, data):
        if self.in_title:
            self.title_buf.append(data)
        if self.skip:
            return
        if self.in_h1:
            self.headlines.append(data)
        self.cur.append(data)
        for buf in self.credit_buf:
            buf.append(data)
        for buf in self.fig_buf:
            buf.append(data)
        for buf in self.byline_buf:
            buf.append(data)

    def close(self):
        super().close()
        self._flush()


def _fold(s: str) -> str:
    return " ".join(s.lower().split())


def is_furniture_line(line: str, body: str, headlines: str, href: str | None) -> bool:
    """The documented filter: short, not a sentence, not in the article, not a teaser."""
    words = line.split()
    if not 1 <= len(words) <= MAX_WORDS or len(line) > MAX_CHARS:
        return False
    if line[-1] in ".!?;," or any(q in line for q in "\"“”‘’«»"):
        return False
    letters = sum(c.isalpha() for c in line)
    if not letters or sum(c.isdigit() for c in line) > letters:
        return False
    if re.search(r"[{}=;<>]|window\.|function|https?:|www\.", line):
        return False
    if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+){2,}", line):  # a CSS class or slug leaking as text
        return False
    if words[-1].lower() in TRUNCATED and len(words) > 1:  # a sentence cut short: a teaser's opening
        return False
    folded = _fold(line)
    if folded in body or folded in headlines:
        return False
    if len(words) >= 4 and href and ARTICLE_SLUG.search(href):
        return False
    return True


def is_byline(line: str) -> bool:
    return bool(re.match(r"[Bb]y\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$", line))


DATE_WORD = re.compile(r"\b(?:%s)\b" % "|".join(
    list(MONTHS) + [m[:3] for m in MONTHS] + ["sept"] + list(DAYS) + [d[:3] for d in DAYS]), re.I)


def is_timestamp(line: str) -> bool:
    """A date, a clock time or a relative time: it must carry a number."""
    if not re.search(r"\d", line) or line.endswith(":"):
        return False
    low = line.lower()
    if re.search(r"\b\d{1,2}:\d{2}\b", low) or re.search(r"\b\d+\s*(?:[smhdw]|mins?|minutes?|hours?|hrs?|days?|weeks?)\s+ago\b", low):
        return True
    if not DATE_WORD.search(line):
        return False
    # nothing but the date: date words, numbers, separators, a time zone
    rest = re.sub(r"[\d\s,.•|:–-]|\b(?:[AaPp]M|ET|GMT|BST|UTC|on)\b", "", DATE_WORD.sub(" ", line))
    return len(rest) <= 2


@dataclass
class CreditShape:
    parts: tuple  # literal strings and slots ("{agency}"/"{name}", style)
    example_sites: set = field(default_factory=set)

    def key(self) -> tuple:
        return self.parts

    def describe(self) -> str:
        out = []
        for p in self.parts:
            if isinstance(p, tuple):
                kind, style = p
                out.append("{%s%s}" % (kind, {"upper": ":CAPS", "lower": ":lower", "handle": ":@handle"}.get(style, "")))
            else:
                out.append(p)
        return "".join(out)


SEP_RE = re.compile(r"(\s*[/|,()]\s*|\s*:\s*|\s+[-–—]\s+|\s*©\s*)")


def credit_shape(text: str) -> CreditShape | None:
    """The shape of one credit text, or None when it has no name to replace."""
    text = text.strip()
    pieces = SEP_RE.split(text)
    parts: list = []
    slots = 0
    for i, piece in enumerate(pieces):
        if i % 2 == 1:  # a separator
            parts.append(piece)
            continue
        if not piece:
            continue
        words = piece.split()
        # cue words at the start of the piece stay as they are
        n = 0
        while n < len(words) and words[n].lower() in CUE_WORDS:
            n += 1
        if n:
            parts.append(" ".join(words[:n]) + (" " if n < len(words) else ""))
        rest = " ".join(words[n:])
        if not rest:
            continue
        if re.search(r"\d", rest):
            return None
        if not rest.islower() and re.search(r"(?:^|\s)[a-z]", rest):  # prose, not a name
            return None
        kind = "agency" if rest.lower() in AGENCIES else "name"
        if rest.startswith("@"):
            style = "handle"
        elif rest.isupper() and len(rest) > 1:
            style = "upper"
        elif rest.islower():
            style = "lower"
        else:
            style = "title"
        parts.append((kind, style))
        slots += 1
    if not slots:
        return None
    # merge adjacent literals
    merged: list = []
    for p in parts:
        if merged and isinstance(p, str) and isinstance(merged[-1], str):
            merged[-1] += p
        else:
            merged.append(p)
    return CreditShape(tuple(merged))


FIG_TAIL = re.compile(
    r"(\((?:[^()]{0,80}?\b(?:Photo|Image|Picture|Credit|Getty|AP|Reuters|AFP|EPA)\b[^()]{0,80})\)"
    r"|\b(?:Photo(?:graph)?|Image|Picture)s?\s+(?:by|courtesy of)\s+[^.()]{2,60}"
    r"|\b(?:Photo(?:graph)?|Image|Picture|Credit)s?\s*:\s*[^.()]{2,60})\s*\.?\s*$")
FOOTER = re.compile(r"rights reserved|\bLLC\b|\bInc\b|\d{4}|window\.|document\.|[{};=]", re.I)


@dataclass
class Sources:
    furniture: list[tuple[str, str]]  # (line, site)
    run_in: list[tuple[str, str]]
    shapes: list[CreditShape]
    sites_read: int
    furniture_sites: int
    credit_texts: int


def load(which: str = "held-out") -> Sources:
    furniture: list[tuple[str, str]] = []
    seen: set[str] = set()
    shapes: dict = {}
    credit_texts = 0
    bylines: list[tuple[str, str]] = []
    ps = pages(which=which)
    for pg in ps:
        parser = _Page()
        parser.feed(pg.html())
        parser.close()
        body = _fold(pg.body)
        headlines = _fold(" | ".join(parser.headlines))
        per_site = Counter(site for _l, site in furniture)
        for line, caption, href in parser.lines:
            if caption or per_site[pg.site] >= PER_SITE:
                continue
            key = _fold(line)
            if key in seen or not is_furniture_line(line, body, headlines, href):
                continue
            seen.add(key)
            furniture.append((line, pg.site))
            per_site[pg.site] += 1
        for b in parser.bylines:
            if is_byline(b) and _fold(b) not in seen and _fold(b) not in body:
                seen.add(_fold(b))
                bylines.append((b, pg.site))
        texts = [c for c in parser.credits if 2 <= len(c) <= 80 and not FOOTER.search(c)]
        for cap in parser.figcaptions:
            m = FIG_TAIL.search(cap)
            if m and not FOOTER.search(m.group(1)):
                texts.append(m.group(1))
        for t in texts:
            t = t.strip(" .")
            if _fold(t) in body or t.startswith("©"):  # the site's own copyright notice
                continue
            shape = credit_shape(t)
            if shape is None:
                continue
            credit_texts += 1
            shapes.setdefault(shape.key(), shape).example_sites.add(pg.site)
    run_in = [(l, s) for l, s in furniture if is_byline(l) or is_timestamp(l)] + bylines
    return Sources(furniture, run_in, sorted(shapes.values(), key=lambda s: s.describe()), len({p.site for p in ps}),
                   len({s for _l, s in furniture}), credit_texts)


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Print the furniture lines and credit shapes drawn from one side of sites.py.")
    ap.add_argument("--sites", choices=("build", "held-out"), default="held-out")
    which = ap.parse_args().sites
    src = load(which)
    print(f"{len(src.furniture)} furniture lines from {src.furniture_sites} of {src.sites_read} {which} sites; "
          f"{len(src.run_in)} of them bylines or timestamps")
    for line, site in src.furniture:
        print(f"  {site:28s} {line}")
    print("run-in:")
    for line, site in src.run_in:
        print(f"  {site:28s} {line}")
    print(f"{len(src.shapes)} credit shapes from {src.credit_texts} credit texts:")
    for s in src.shapes:
        print(f"  {s.describe():50s} {', '.join(sorted(s.example_sites))}")
