"""HTML drafts: the text of block elements (paragraphs, headings, list items, quotations,
captions, table cells) as blocks, each character mapped back to the source. Scripts, styles,
code and comments are left out; entities stand for their character; a comment in the
copydesk-disable style is a suppression."""

from __future__ import annotations

import html
from bisect import bisect_right
from dataclasses import dataclass
from html.parser import HTMLParser

from ..blocks import Block, Image
from ..invisible import INVISIBLE
from ..prose import ProseBuilder
from . import MAX_BLOCKS, add_directive, strip_prose
from .. import recache

BLOCKS = {
    "p": "paragraph", "div": "paragraph", "section": "paragraph", "article": "paragraph", "main": "paragraph",
    "header": "paragraph", "footer": "paragraph", "aside": "paragraph", "nav": "paragraph", "figure": "paragraph",
    "figcaption": "caption", "caption": "caption", "td": "paragraph", "th": "paragraph", "dt": "paragraph",
    "dd": "paragraph", "address": "paragraph", "body": "paragraph", "button": "paragraph",
    "li": "list_item", "blockquote": "blockquote",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
}
STYLE_SIZE_RE = recache.compile(r"(?:^|;)(width|height):(\d+(?:\.\d+)?)px")
SKIP = {"script", "style", "pre", "code", "template", "noscript", "svg", "head", "title"}
# Block context: the page's own chrome, and the containers that hold the article.
CHROME = {"nav", "aside", "form", "button"}
EDGE = {"header", "footer"}  # chrome outside the article; the article's own header inside it
ARTICLE = {"article"}
IMAGE_FURNITURE = {"nav", "aside", "header", "footer"}  # where an image is page furniture, owing no credit
# What a browser keeps in the head; any other start tag, or text, ends a head left open.
HEAD_CONTENT = {"base", "basefont", "bgsound", "link", "meta", "title", "style", "script", "noscript", "template", "head"}
FOREIGN = {"svg", "math"}
# Start tags that end foreign content (SVG or MathML) left open, as in a browser.
BREAKOUT = {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1",
            "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol",
            "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var"}
MARKUP_RE = recache.compile(r"<[^<>]*>")
BLANK_RE = recache.compile(r"[^\r\n]")
ODD_COMMENT_RE = recache.compile(r"<!---?>|--!>")
INLINE_SKIP = {"code"}  # skipped, and ended by the end of the block that holds it
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(frozen=True)
class BlockContext:
    """Where an HTML block stands: its element, whether it is inside the article (article or
    [itemprop=articleBody]) or the page's main content (main), and whether it is in the page's
    chrome (nav, aside, form, button, or a header or footer outside the article)."""

    tag: str
    in_article: bool
    chrome: bool
    in_main: bool = False

    def outside(self, doc) -> bool:
        """Outside the article: in the chrome, or outside the article element (or, on a page
        without one, outside main)."""
        if self.chrome:
            return True
        if doc.has_article:
            return not self.in_article
        return bool(doc.has_main) and not self.in_main


class _Full(Exception):
    """The draft has given as many blocks as copydesk reads (document.MAX_BLOCKS)."""

    def __init__(self, at: int):
        self.at = at


class _Reader(HTMLParser):
    def __init__(self, doc):
        super().__init__(convert_charrefs=False)
        self.doc = doc
        text = doc.text
        # HTMLParser counts lines by "\n" alone; this table turns its (line, column) into an offset.
        self.lf_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.skipping: list[tuple[str, int]] = []  # open skipped elements: (tag, offset of the start tag)
        self.builder: ProseBuilder | None = None
        self.kind = "paragraph"
        self.level = 0
        self.start = 0
        self.quote_depth = 0
        self.nav_depth = 0  # inside <nav>: navigation, page furniture by definition
        self.images: list = []
        self.link_href: str | None = None  # the href of the open link, for an image inside it
        self.breaks = False  # the open element holds a <br>
        self.tag = ""  # the element whose start tag was read last
        self.headline_done = False
        self.open_counts: dict[str, int] = {}  # open elements by name, for matching end tags
        self.article_marks: list[tuple[str, int]] = []  # (tag, depth) of each open article container
        self.chrome_marks: list[tuple[str, int]] = []
        self.main_marks: list[tuple[str, int]] = []
        self.context = BlockContext("", False, False)
        doc.html_context = {}  # block start -> BlockContext
        doc.has_article = False
        doc.has_main = False

    def _at(self) -> int:
        line, col = self.getpos()
        return self.lf_starts[line - 1] + col

    def _open(self, kind: str, level: int, at: int) -> None:
        self._close(at)
        self.builder = ProseBuilder(self.doc.text)
        self.kind, self.level, self.start = kind, level, at
        self.context = BlockContext(self.tag, bool(self.article_marks), bool(self.chrome_marks), bool(self.main_marks))

    def _close(self, at: int) -> None:
        b = self.builder
        if b is None:
            return
        prose = strip_prose(b.build())
        kind = self.kind
        if self.quote_depth and kind == "paragraph":
            kind = "blockquote"
        if prose.text or self.images:
            if kind == "heading" and self.level == 1 and not self.headline_done:
                kind = "headline"
                self.headline_done = True
            block = Block(kind, self.start, max(at, self.start), prose, self.level, list(self.images),
                          key="nav" if self.nav_depth else "")
            self.doc.blocks.append(block)
            if len(self.doc.blocks) >= MAX_BLOCKS:
                raise _Full(max(at, self.start))
            self.doc.html_context[block.start] = self.context
        elif self.breaks or any(c in INVISIBLE for c in b.prose.text):
            # an element that holds only no-break spaces, zero-width characters or <br>
            self.doc.blocks.append(Block("blank", self.start, max(at, self.start)))
        self.builder = None
        self.images = []
        self.breaks = False

    @property
    def skip(self) -> bool:
        return bool(self.skipping)

    def _end_skipped(self, tags) -> None:
        """End the skipped elements named in tags that are open at the top of the stack."""
        while self.skipping and self.skipping[-1][0] in tags:
            self.skipping.pop()

    def _implied(self, tag: str) -> None:
        """What a browser ends before this start tag: a head left open, foreign content."""
        # A head is pushed only on an empty stack (see handle_starttag), so it is at the bottom.
        if self.skipping and self.skipping[0][0] == "head" and tag not in HEAD_CONTENT:
            while self.skipping and self.skipping[-1][0] != "head":
                if self.skipping[-1][0] in ("title", "style", "script"):
                    return  # raw text: the tag is part of it
                self.skipping.pop()
            self.skipping.pop()
        if tag in BREAKOUT and self.skipping and self.skipping[-1][0] in FOREIGN:
            while self.skipping and self.skipping[-1][0] in FOREIGN:
                self.skipping.pop()

    def handle_starttag(self, tag, attrs, empty: bool = False):
        at = self._at()
        self._implied(tag)
        if tag in SKIP:
            if tag == "head" and self.skipping:
                return  # a second head, or a head inside skipped content: a browser ignores it
            if not empty and tag not in VOID:  # <svg/> and <code/> hold nothing
                self.skipping.append((tag, at))
            return
        if self.skip:
            return
        if tag == "blockquote":
            self.quote_depth += 1
        if tag == "nav":
            self.nav_depth += 1
        self._enter(tag, attrs)
        self.tag = tag
        if tag in BLOCKS:
            level = int(tag[1]) if tag[0] == "h" and tag[1:].isdigit() else 0
            self._open(BLOCKS[tag], level, at)
        elif tag == "br" and self.builder is not None:
            end = at + len(self.get_starttag_text() or "")
            self.builder.synth(" ", at, end)
            self.breaks = True
        elif tag == "img":
            end = at + len(self.get_starttag_text() or "")
            if self.builder is None:
                self._open("paragraph", 0, at)
            self.images.append(self._image(at, end, dict(attrs)))
        if tag == "a":
            self.link_href = dict(attrs).get("href") or ""

    def _image(self, at: int, end: int, a: dict):
        style = (a.get("style") or "").replace(" ", "").lower()
        hidden = (a.get("aria-hidden") or "").lower() == "true" or (a.get("role") or "").lower() in ("presentation", "none") \
            or "hidden" in a or "display:none" in style or "visibility:hidden" in style
        names = " ".join(a.get(k) or "" for k in ("class", "id"))
        # the picture's own address: a lazy-loading page puts it in data-src or srcset and a
        # placeholder in src
        srcs = [a.get(k) or "" for k in ("src", "data-src", "data-lazy-src", "data-original", "data-normal")]
        srcs.append((a.get("srcset") or a.get("data-srcset") or "").split(" ")[0])
        src = next((u for u in srcs if u and not u.startswith("data:")), srcs[0])
        width, height = a.get("width") or "", a.get("height") or ""
        for key, value in STYLE_SIZE_RE.findall(style):  # style="width: 16px" sizes it too
            if key == "width" and not width:
                width = value
            elif key == "height" and not height:
                height = value
        # the innermost open nav, aside, or header or footer outside the article
        furniture = next((t for t, _depth in reversed(self.chrome_marks) if t in IMAGE_FURNITURE), "")
        return Image(at, end, src, alt=a.get("alt") or "", names=names, width=width, height=height, link=self.link_href,
                     furniture=furniture, hidden=hidden)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, empty=True)

    def handle_endtag(self, tag):
        at = self._at()
        if tag in SKIP:
            if any(t == tag for t, _at in self.skipping):
                while self.skipping and self.skipping.pop()[0] != tag:
                    pass
            return
        if self.skipping and self.skipping[-1][0] in INLINE_SKIP and (tag in BLOCKS or tag in ("body", "html")):
            self._end_skipped(INLINE_SKIP)  # code left open ends with its block
        if self.skip:
            return
        if tag in BLOCKS:
            close = self.doc.text.find(">", at)
            self._close(close + 1 if close >= 0 else at)
        if tag == "blockquote":
            self.quote_depth = max(0, self.quote_depth - 1)
        if tag == "nav":
            self.nav_depth = max(0, self.nav_depth - 1)
        if tag == "a":
            self.link_href = None
        self._leave(tag)
        self.tag = ""

    def _enter(self, tag: str, attrs) -> None:
        if tag in VOID:
            return
        depth = self.open_counts.get(tag, 0) + 1
        self.open_counts[tag] = depth
        if tag in ARTICLE or any(k == "itemprop" and (v or "").lower() == "articlebody" for k, v in attrs):
            self.article_marks.append((tag, depth))
            self.doc.has_article = True
        if tag == "main":
            self.main_marks.append((tag, depth))
            self.doc.has_main = True
        if tag in CHROME or (tag in EDGE and not self.article_marks and not self.main_marks):
            self.chrome_marks.append((tag, depth))

    def _leave(self, tag: str) -> None:
        depth = self.open_counts.get(tag, 0)
        if depth == 0:
            return
        self.open_counts[tag] = depth - 1
        for marks in (self.article_marks, self.chrome_marks, self.main_marks):
            while marks and marks[-1][0] == tag and marks[-1][1] >= depth:
                marks.pop()

    def _text(self, start: int, data: str) -> None:
        if self.skip:
            return
        if self.builder is None:
            if not data.strip():
                return
            self._open("paragraph", 0, start)
        b = self.builder
        i = 0
        n = len(data)
        while i < n:
            if data[i] in " \t\r\n\f":
                j = i
                while j < n and data[j] in " \t\r\n\f":
                    j += 1
                if j - i == 1 and data[i] == " ":
                    b.copy(start + i, start + j)
                else:
                    b.synth(" ", start + i, start + j)  # white space collapses to one space
                i = j
            else:
                j = i
                while j < n and data[j] not in " \t\r\n\f":
                    j += 1
                b.copy(start + i, start + j)
                i = j

    def handle_data(self, data):
        if self.skipping and self.skipping[-1][0] == "head" and data.strip():
            self.skipping.pop()  # text in a head left open: the body has begun
        self._text(self._at(), data)

    def _ref(self, raw: str) -> None:
        if self.skip:
            return
        at = self._at()
        char = html.unescape(raw)
        if self.builder is None:
            self._open("paragraph", 0, at)
        if len(char) == 1 and char != raw:
            self.builder.synth(char, at, at + len(raw))
        else:
            self.builder.copy(at, at + len(raw))

    def _raw_ref(self, lead: str, name: str) -> str:
        """The reference as written: with its ";" when it has one (a browser reads &#46 and
        &amp without one too)."""
        at = self._at()
        end = at + len(lead) + len(name)
        return self.doc.text[at : end + 1] if self.doc.text[end : end + 1] == ";" else self.doc.text[at:end]

    def handle_entityref(self, name):
        self._ref(self._raw_ref("&", name))

    def handle_charref(self, name):
        self._ref(self._raw_ref("&#", name))

    def handle_comment(self, data):
        at = self._at()
        end = at + len(data) + 7
        line = bisect_right(self.doc.line_starts, at) - 1
        add_directive(self.doc, line, at, end, self.doc.text[at:end])


def _unterminated(text: str) -> int:
    """Where the first markup that never ends begins (a comment with no "-->" after it, a tag
    or declaration with no ">" after it), or -1. A browser takes everything from there to the
    end of the file into it; Python's HTML parser would look for its end again from every
    later "<", which takes time in the square of the length."""
    last_gt = text.rfind(">")
    last_comment = text.rfind("-->")
    last_cdata = text.rfind("]]>")
    for m in MARKUP_START_RE.finditer(text):
        p = m.start()
        if p > last_gt:
            return p  # nothing after it can end it: no ">" at all
        if text.startswith("<!--", p):
            if last_comment < p + 2:
                return p
        elif text.startswith("<![CDATA[", p):
            if last_cdata < p:
                return p
    return -1


MARKUP_START_RE = recache.compile(r"<[!?/A-Za-z]")


def parse(doc) -> None:
    reader = _Reader(doc)
    text = doc.text
    # Comments as a browser ends them: "<!-->" and "<!--->" are empty comments, and "--!>"
    # closes one. Rewritten in the copy fed to the parser, at the same length.
    text = ODD_COMMENT_RE.sub(lambda m: " " * len(m.group()) if m.group().startswith("<") else " -->", text)
    cut = _unterminated(text)
    if cut >= 0:
        # Fed with the rest blanked (line breaks kept, so that positions stay exact), and
        # reported when the rest holds words.
        text = text[:cut] + BLANK_RE.sub(" ", text[cut:])
        words = len(MARKUP_RE.sub(" ", doc.text[cut:]).split()) - 1
        if words >= 3:
            kind = "comment" if doc.text.startswith("<!--", cut) else "tag"
            doc.unread.append((cut, min(cut + 4, len(doc.text)), f"This {kind} is never closed, so a browser reads the "
                               f"rest of the file ({words:,} words) as part of it; it was not checked; close it."))
    try:
        reader.feed(text)
        reader.close()
        reader._close(len(doc.text))
    except _Full as full:
        reader.builder = None
        if doc.text[full.at:].strip():
            doc.unread.append((full.at, full.at + 1, f"This page holds more than {MAX_BLOCKS:,} blocks of text, more "
                               "than any article: from here on it was not checked."))
        reader.skipping = []
    for tag, at in reader.skipping:
        if tag in ("head", "script", "style") or not doc.text[at:].strip():
            continue  # the page's own machinery (a title left open inside it still counts), or nothing after it
        rest = MARKUP_RE.sub(" ", doc.text[at:])
        words = len(rest.split())
        if words >= 3:
            close = doc.text.find(">", at)
            doc.unread.append((at, close + 1 if close >= 0 else at + 1, f"This <{tag}> is never closed, so the rest of "
                               f"the file ({words:,} words) is read as its content and was not checked; close it."))
            break  # the outermost one left open: what it holds holds the others
    doc.blocks.sort(key=lambda b: b.start)
    _settle_article(doc)


def _settle_article(doc) -> None:
    """The article element is the one that holds the article's prose. When the page's article
    elements hold less than a quarter of its paragraphs of prose (by their length), they are
    cards of other stories beside a story that stands in main or in a plain div: the page is
    read as if it marked no article, so that the story's lists and headings stay its own."""
    if not doc.has_article:
        return
    inside = total = 0
    for b in doc.blocks:
        if b.kind != "paragraph" or b.text.count(" ") < 7:
            continue
        ctx = doc.html_context.get(b.start)
        if ctx is None or ctx.chrome:
            continue
        total += len(b.text)
        if ctx.in_article:
            inside += len(b.text)
    if total and 4 * inside < total:
        doc.has_article = False


TAG_RE = recache.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>")


def _tags(chunk: str):
    """The tags of chunk in order, comments left out; a comment that never ends ends the scan
    (found with one search, not one per later "<")."""
    pos = 0
    while True:
        c = chunk.find("<!--", pos)
        stop = len(chunk) if c < 0 else c
        yield from TAG_RE.finditer(chunk, pos, stop)
        if c < 0:
            return
        e = chunk.find("-->", c + 4)
        if e < 0:
            return
        pos = e + 3
# Elements whose end tag a page may leave out: deleting one without its end tag orphans nothing.
OPTIONAL_END = {"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rt", "rp",
                "colgroup", "caption", "html", "head", "body"}


def balanced(text: str, start: int, end: int) -> bool:
    """Deleting or rewriting text[start:end] keeps the page's elements whole: every end tag in
    it closes an element started in it, and every element started in it either ends in it or
    is one whose end tag may be left out. A fix that fails this would leave a stray opening or
    closing tag behind."""
    chunk = text[start:end]
    if "<" not in chunk:
        return True
    stack: list[str] = []
    for m in _tags(chunk):
        closing, name, empty = m.group(1), (m.group(2) or "").lower(), m.group(3)
        if not name or empty or name in VOID:
            continue
        if not closing:
            stack.append(name)
            continue
        if name not in stack:
            return False  # its start tag is outside the span
        while stack and stack[-1] != name:
            if stack.pop() not in OPTIONAL_END:
                return False
        stack.pop()
    return all(t in OPTIONAL_END for t in stack)


class _Part:
    """The draft as the HTML reader needs it, for the HTML blocks of a Markdown draft."""

    def __init__(self, doc, text: str):
        self.text = text
        self.line_starts = doc.line_starts
        self.blocks: list = []
        self.directives: list = []  # comments in HTML blocks are the Markdown reader's
        self.unread = doc.unread


def read_html_into(doc, text: str) -> list:
    """Blocks of text read from text (the draft with everything but its HTML blanked), their
    prose mapped to the draft's own characters."""
    part = _Part(doc, text)
    reader = _Reader(part)
    reader.headline_done = True  # the Markdown owns the headline
    try:
        reader.feed(text)
        reader.close()
        reader._close(len(text))
    except _Full:
        pass  # the Markdown's own blocks count too: the rest is past the limit
    # The prose was copied from the fed text, which is the draft's own text inside HTML blocks.
    return part.blocks

