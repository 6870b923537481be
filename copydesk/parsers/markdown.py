"""Markdown drafts: front matter, headings (the first the headline), paragraphs, block quotes,
lists, code, tables, raw HTML blocks read by the HTML parser, and inline markup left out of the
prose with every position kept."""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from ..blocks import Block, BlockKind, Image
from ..invisible import is_blank, is_invisible
from ..prose import ProseBuilder
from . import add_directive, next_line, strip_prose
from .. import recache

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it

if TYPE_CHECKING:
    from ..document import Document


ATX_RE = recache.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
SETEXT_RE = recache.compile(r"^ {0,3}(=+|-+)[ \t]*$")
FENCE_RE = recache.compile(r"^ {0,3}(`{3,}|~{3,})")
HR_RE = recache.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
LIST_RE = recache.compile(r"^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)")
QUOTE_RE = recache.compile(r"^ {0,3}> ?")
HTML_BLOCK_RE = recache.compile(r"^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z])")
COMMENT_START_RE = recache.compile(r"^ {0,3}<!--")
TABLE_RE = recache.compile(r"^ {0,3}\|")
LINK_DEF_RE = recache.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S")
FRONT_FIELD_RE = recache.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")

# Openers of inline Markdown. The constructs that need a closing mark far ahead (code spans,
# comments, images and links) match only their opening here; their closing is found by _Ahead,
# which remembers what it found, so that a draft of openers that never close is read in time
# linear in its length instead of scanning to the end of the line from every opener.
INLINE_RE = recache.compile(
    r"(?P<ticks>`+)"
    r"|(?P<comment><!--)"
    r"|(?P<image>!\[)"
    r"|(?P<link>\[)"
    r"|(?P<autolink><(?:https?|mailto):[^<>\s]*>)"
    r"|(?P<url>(?:https?://|www\.)[^\s<>()\"\u201c\u201d]+[^\s<>()\"\u201c\u201d.,;:!?'\u2019])"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<emph>\*+|~~|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9]))"
)
# The same openers without image and link ones: used once no "]" is left to close them.
INLINE_NO_LINK_RE = recache.compile(INLINE_RE.pattern.replace(r"|(?P<image>!\[)|(?P<link>\[)", ""))
TICKS_RE = recache.compile(r"`+")
SRC_END_RE = recache.compile(r"[)\s]")
TITLE_RE = recache.compile(r"\s+\"[^\"\n]*\"\)")
PAREN_END_RE = recache.compile(r"[)\n]")


class _Ahead:
    """The first match of a pattern at or after a position, up to an end, remembering the
    last answer: asked again from a position it already covers, it answers at once."""

    def __init__(self, text: str, pattern: re.Pattern, end: int):
        self.text, self.pattern, self.end = text, pattern, end
        self.lo, self.hit = 1, 0  # an empty cover
        self.none_from = end + 1  # no match from here on

    def at(self, p: int) -> int:
        if p >= self.none_from:
            return -1
        if self.lo <= p <= self.hit:
            return self.hit
        m = self.pattern.search(self.text, p, self.end)
        if m is None:
            self.none_from = p
            return -1
        self.lo, self.hit = p, m.start()
        return self.hit


CLOSE_BRACKET_RE = recache.compile(r"[\]\n]")
COMMENT_END_RE = recache.compile(r"-->|\n")


def _inline(doc: "Document", b: ProseBuilder, start: int, end: int, block: Block) -> None:
    """Read inline Markdown between start and end into the prose view. Code spans, comments,
    images and links close on the line they open on, as in copydesk's reading before; an
    opener that does not close is text."""
    text = doc.text
    bracket = _Ahead(text, CLOSE_BRACKET_RE, end)  # the next "]" or line end
    comment_end = _Ahead(text, COMMENT_END_RE, end)
    src_end = _Ahead(text, SRC_END_RE, end)
    paren_end = _Ahead(text, PAREN_END_RE, end)
    runs: dict[int, list[int]] | None = None  # backtick runs by length, found on first need
    pos = start
    at = start
    openers = INLINE_RE
    while True:
        m = openers.search(text, at, end)
        if m is None:
            break
        a, z = m.start(), m.end()
        kind = m.lastgroup
        if kind == "ticks":
            if runs is None:
                runs = {}
                for r in TICKS_RE.finditer(text, start, end):
                    runs.setdefault(r.end() - r.start(), []).append(r.start())
            k = z - a
            same = runs.get(k, [])
            i = bisect_right(same, a)
            close = same[i] if i < len(same) else -1
            nl = text.find("\n", z, close) if close != -1 else -1
            if close == -1 or nl != -1 or close == z:
                at = z  # an unmatched run of backticks is text
                continue
            b.copy(pos, a)
            pos = at = close + k
            continue
        if kind == "comment":
            c = comment_end.at(z)
            if c == -1 or text[c] == "\n":
                at = a + 1
                continue
            b.copy(pos, a)
            pos = at = c + 3
            continue
        if kind in ("image", "link"):
            c = bracket.at(z)
            if c == -1:
                openers = INLINE_NO_LINK_RE  # no "]" to the end: no image or link can close
                at = a + 1
                continue
            if text[c] == "\n" or c + 1 >= end:
                at = a + 1
                continue
            nxt = text[c + 1]
            close = -1
            src = None
            if nxt == "(" and kind == "image":
                q = src_end.at(c + 2)
                if q != -1 and text[q] == ")":
                    close, src = q + 1, text[c + 2 : q]
                elif q != -1:
                    t = TITLE_RE.match(text, q, end)
                    if t:
                        close, src = t.end(), text[c + 2 : q]
            elif nxt == "(":
                q = paren_end.at(c + 2)
                if q != -1 and text[q] == ")":
                    close = q + 1
            elif nxt == "[" and kind == "link":
                q = bracket.at(c + 2)
                if q != -1 and text[q] == "]":
                    close = q + 1
            if close == -1:
                at = a + 1
                continue
            b.copy(pos, a)
            pos = at = close
            if kind == "image":
                block.images.append(Image(a, close, src, alt=text[z:c]))
            else:
                _inline(doc, b, z, c, block)
            continue
        b.copy(pos, a)
        pos = at = z
        if kind == "entity":
            ch = html.unescape(m.group("entity"))
            if len(ch) == 1:
                b.synth(ch, a, z)
            else:
                b.copy(a, z)
        elif kind == "escape":
            b.synth(text[a + 1], a, z)  # the character stands for its backslash too: a fix removes both
        # autolinks, URLs, tags and emphasis markers are left out
    b.copy(pos, end)


def _front_matter(doc: "Document") -> int:
    """Parse YAML front matter; return the first line after it."""
    if doc.line_count < 2 or doc.line_text(0).rstrip() != "---":
        return 0
    for k in range(1, doc.line_count):
        if doc.line_text(k).rstrip() in ("---", "..."):
            for i in range(1, k):
                line = doc.line_text(i)
                m = FRONT_FIELD_RE.match(line)
                if not m:
                    continue
                ls = doc.line_starts[i]
                vs, ve = ls + m.start(2), ls + m.end(2)
                value = m.group(2).rstrip()
                ve = vs + len(value)
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    vs, ve = vs + 1, ve - 1
                b = ProseBuilder(doc.text)
                b.copy(vs, ve)
                doc.blocks.append(Block("front_matter", ls, doc.line_ends[i], b.build(), key=m.group(1)))
            return k + 1
    return 0


def _read_html_blocks(doc: "Document") -> None:
    """The text of a Markdown draft's raw HTML blocks (<div>…</div>, a one-line <p>…</p>), read
    by the HTML reader with exact positions: the draft is fed to it with everything outside
    those blocks blanked (line breaks kept), once for all of them."""
    from .html import BLANK_RE, read_html_into

    spans = [(b.start, b.end) for b in doc.blocks if b.kind == "html"]
    if not spans:
        return
    pieces, pos = [], 0
    for a, z in spans:
        pieces.append(BLANK_RE.sub(" ", doc.text[pos:a]))
        pieces.append(doc.text[a:z])
        pos = z
    pieces.append(BLANK_RE.sub(" ", doc.text[pos:]))
    found = read_html_into(doc, "".join(pieces))
    if found:
        doc.blocks = sorted([b for b in doc.blocks if b.kind != "html"] + found, key=lambda b: b.start)



def _read_lines(doc: "Document", blk: Block, spans: list[tuple[int, int]]) -> None:
    """A block's prose from its lines' spans of the source, joined by a space, and add it."""
    b = ProseBuilder(doc.text)
    for idx, (a, z) in enumerate(spans):
        if idx:
            b.synth(" ", spans[idx - 1][1], a)
        _inline(doc, b, a, z, blk)
    blk.prose = strip_prose(b.build())
    doc.blocks.append(blk)


def _heading(doc: "Document", blk: Block, spans: list[tuple[int, int]], headline_done: bool) -> bool:
    """Read a heading's lines into blk and add it: the first heading of level 1 is the
    headline. Whether the headline is now taken."""
    _read_lines(doc, blk, spans)
    if not headline_done and blk.level == 1:
        blk.kind = BlockKind.HEADLINE
        headline_done = True
    return headline_done


def parse(doc: "Document") -> None:
    """Markdown: CommonMark's blocks as news drafts use them, front matter, inline markup."""
    _parse_markdown_blocks(doc)
    _read_html_blocks(doc)


def _parse_markdown_blocks(doc: "Document") -> None:
    k = _front_matter(doc)
    if k:
        doc.front_matter_end = doc.line_starts[k] if k < doc.line_count else len(doc.text)
    n = doc.line_count
    headline_done = False
    for b in doc.blocks:
        if b.key == "title" and b.prose.text:
            b.kind = BlockKind.HEADLINE
            headline_done = True
            break
    while (at := next_line(doc, k)) is not None:
        k = at
        line, ls = doc.line_text(k), doc.line_starts[k]
        m = FENCE_RE.match(line)
        if m:
            fence = m.group(1)
            j = k + 1
            while j < n and not doc.line_text(j).lstrip().startswith(fence):
                j += 1
            j = min(j, n - 1)
            doc.blocks.append(Block("code", ls, doc.line_ends[j]))
            k = j + 1
            continue
        if COMMENT_START_RE.match(line):
            j = k
            while j < n and "-->" not in doc.line_text(j):
                j += 1
            j = min(j, n - 1)
            end = doc.line_ends[j]
            add_directive(doc, k, ls, end, doc.text[ls:end])
            doc.blocks.append(Block("comment", ls, end))
            k = j + 1
            continue
        m = ATX_RE.match(line)
        if m:
            level = len(m.group(1))
            cs = ls + m.end()
            ce = doc.line_ends[k]
            content = doc.text[cs:ce]
            closing = re.search(r"[ \t]+#+[ \t]*$|^#+[ \t]*$", content)
            if closing:
                ce = cs + closing.start()
            blk = Block("heading", ls, doc.line_ends[k], level=level)
            headline_done = _heading(doc, blk, [(cs, ce)], headline_done)
            k += 1
            continue
        if HR_RE.match(line):
            k += 1
            continue
        if HTML_BLOCK_RE.match(line):
            j = k
            while j + 1 < n and not is_blank(doc.line_text(j + 1)):
                j += 1
            doc.blocks.append(Block("html", ls, doc.line_ends[j]))
            k = j + 1
            continue
        if LINK_DEF_RE.match(line):
            doc.blocks.append(Block("link_definition", ls, doc.line_ends[k]))  # [ref]: url "title": not prose
            k += 1
            continue
        if TABLE_RE.match(line):
            j = k
            while j + 1 < n and TABLE_RE.match(doc.line_text(j + 1)):
                j += 1
            doc.blocks.append(Block("table", ls, doc.line_ends[j]))
            k = j + 1
            continue
        if line.startswith("    ") or line.startswith("\t"):
            j = k
            while j + 1 < n and (doc.line_text(j + 1).startswith(("    ", "\t")) or is_blank(doc.line_text(j + 1))):
                j += 1
            while j > k and is_blank(doc.line_text(j)):
                j -= 1
            doc.blocks.append(Block("code", ls, doc.line_ends[j]))
            k = j + 1
            continue
        if QUOTE_RE.match(line):
            kind = "blockquote"
        elif LIST_RE.match(line):
            kind = "list_item"
        else:
            kind = "paragraph"
        # Collect the lines of this block and where each one's content starts.
        spans: list[tuple[int, int]] = []
        j = k
        indent = 0
        while j < n:
            t = doc.line_text(j)
            s = doc.line_starts[j]
            if j > k:
                if is_blank(t) or is_invisible(t):
                    break
                if ATX_RE.match(t) or FENCE_RE.match(t) or HR_RE.match(t) or COMMENT_START_RE.match(t):
                    break
                if kind != "blockquote" and QUOTE_RE.match(t):
                    break
                if LIST_RE.match(t) and kind != "blockquote":
                    break
                if kind == "paragraph" and SETEXT_RE.match(t) and len(spans) >= 1:
                    level = 1 if t.strip().startswith("=") else 2
                    blk = Block("heading", doc.line_starts[k], doc.line_ends[j], level=level)
                    headline_done = _heading(doc, blk, spans, headline_done)
                    spans = []
                    j += 1
                    break
            cs = 0
            if kind == "blockquote":
                qq = QUOTE_RE.match(t)
                if qq:
                    cs = qq.end()
            elif kind == "list_item":
                if j == k:
                    mm = LIST_RE.match(t)
                    cs = mm.end() if mm else 0
                    indent = cs
                else:
                    cs = min(len(t) - len(t.lstrip(" ")), indent)
            spans.append((s + cs, doc.line_ends[j]))
            j += 1
        if spans:
            _read_lines(doc, Block(kind, doc.line_starts[k], doc.line_ends[j - 1]), spans)
        k = max(j, k + 1)
