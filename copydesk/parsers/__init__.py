"""One parser per format behind one protocol: a parser reads a Document's text into its blocks
(and directives, and the stretches it could not read). The format comes from the file name's
extension; a new format is one new module here and one line in PARSERS."""

from __future__ import annotations

from importlib import import_module

from ..blocks import Block, BlockKind
from ..invisible import is_blank, is_invisible
from ..prose import Prose, ProseBuilder
from ..suppressions import read_directive
from .. import recache

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Protocol

    from ..document import Document
else:
    Protocol = object


class Parser(Protocol):
    def __call__(self, doc: "Document") -> None:
        """Fill doc.blocks (in order of position), doc.directives and doc.unread."""


# format -> (module of copydesk.parsers, its file name suffixes)
PARSERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "markdown": ("markdown", (".md", ".markdown", ".mdown", ".mkd")),
    "html": ("html", (".html", ".htm", ".xhtml")),
    "docx": ("docx", (".docx",)),
    "text": ("text", ()),
}


def format_for(path: str) -> str:
    """The format a file name implies: markdown, html or (for anything else) text."""
    lower = path.lower()
    for fmt, (_module, suffixes) in PARSERS.items():
        if suffixes and lower.endswith(suffixes):
            return fmt
    return "text"


def parse(doc: "Document") -> None:
    """Read doc with its format's parser."""
    module, _suffixes = PARSERS.get(doc.format, PARSERS["text"])
    import_module(f"{__name__}.{module}").parse(doc)


# -- what the parsers share ------------------------------------------------------------

URL_RE = recache.compile(r"(?:https?://|www\.)[^\s<>()\"\u201c\u201d]+[^\s<>()\"\u201c\u201d.,;:!?'\u2019]")


def add_text_pieces(b: ProseBuilder, source: str, start: int, end: int) -> None:
    """Copy source[start:end] into the prose, leaving out URLs."""
    pos = start
    for m in URL_RE.finditer(source, start, end):
        b.copy(pos, m.start())
        pos = m.end()
    b.copy(pos, end)



def next_line(doc: "Document", k: int) -> int | None:
    """The first line from k on that holds something to read, or None at the end of the draft
    (or past the most blocks a draft is read into). Blank lines are passed over; a line of
    invisible characters becomes a blank block, which layout reports."""
    while k < doc.line_count and not full(doc, doc.line_starts[k]):
        line = doc.line_text(k)
        if not is_blank(line):
            if not is_invisible(line):
                return k
            doc.blocks.append(Block(BlockKind.BLANK, doc.line_starts[k], doc.line_ends[k]))
        k += 1
    return None


def add_directive(doc: "Document", line_no: int, start: int, end: int, raw: str) -> bool:
    """Record the directive raw holds, if it holds one."""
    d = read_directive(raw, start, end, line_no)
    if d is None:
        return False
    doc.directives.append(d)
    return True


# The most blocks a draft is read into. An article has tens of paragraphs, a long report a few
# thousand; a file of a hundred thousand one-line paragraphs is not copy, and each block costs
# time and memory in every checker. Past the limit the rest is reported as not checked.
MAX_BLOCKS = 20_000


def full(doc: "Document", at: int) -> bool:
    if len(doc.blocks) < MAX_BLOCKS:
        return False
    rest = doc.text[at:]
    if rest.strip():
        doc.unread.append((at, at + len(rest) - len(rest.lstrip()) + 1, f"This draft holds more than {MAX_BLOCKS:,} "
                           "paragraphs, more than any article: from here on it was not checked."))
    return True


def strip_prose(p: Prose) -> Prose:
    """Trim leading and trailing whitespace from a prose view, keeping the map exact."""
    t = p.text
    lead = len(t) - len(t.lstrip())
    trail = len(t.rstrip())
    if lead == 0 and trail == len(t):
        return p
    return p.slice(lead, trail)
