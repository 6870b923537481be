"""Word drafts: the blocks of a .docx read by copydesk.word (the Document's source), each Word
paragraph a block whose kind comes from its style: Title the headline (or, with no Title, the
first Heading 1, or else the first paragraph, as in plain text), Heading N a crosshead, Caption
a caption, a list style or numbering a list item, Quote a blockquote, a table cell's paragraph
a table. A paragraph that holds only invisible characters is a blank block, which layout
reports; soft line breaks inside a paragraph are read as spaces between its lines."""

from __future__ import annotations

from ..blocks import Block, BlockKind
from ..invisible import is_blank, is_invisible
from ..prose import ProseBuilder
from . import add_text_pieces, full, strip_prose

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it

if TYPE_CHECKING:
    from ..document import Document


def _kind(style: str, numbered: bool, in_table: bool) -> tuple[BlockKind, int]:
    name = style.lower().replace("-", " ").strip()
    if in_table:
        return BlockKind.TABLE, 0
    if name == "title":
        return BlockKind.HEADLINE, 1
    if name.startswith("heading"):
        level = name[7:].strip()
        return BlockKind.HEADING, int(level) if level.isdigit() else 2
    if name.startswith("caption"):
        return BlockKind.CAPTION, 0
    if name.startswith("list") or numbered:
        return BlockKind.LIST_ITEM, 0
    if name in ("quote", "intense quote", "block text"):
        return BlockKind.BLOCKQUOTE, 1
    return BlockKind.PARAGRAPH, 0


def parse(doc: "Document") -> None:
    word = doc.source
    if word is None:  # a .docx's text with no package behind it (a Linter given str): as plain text
        from . import text

        text.parse(doc)
        return
    src = doc.text
    kinds = [_kind(p.style, p.numbered, p.in_table) for p in word.paragraphs]
    headline = next((k for k, (kind, _lv) in enumerate(kinds) if kind == BlockKind.HEADLINE), None)
    if headline is None:
        headline = next((k for k, (kind, lv) in enumerate(kinds) if kind == BlockKind.HEADING and lv == 1), None)
    if headline is None:
        headline = next((k for k, p in enumerate(word.paragraphs) if src[p.start:p.end].strip()), None)
    for k, p in enumerate(word.paragraphs):
        if full(doc, p.start):
            break
        body = src[p.start:p.end]
        if is_blank(body):
            continue
        if is_invisible(body):
            doc.blocks.append(Block(BlockKind.BLANK, p.start, p.end))
            continue
        kind, level = kinds[k]
        if k == headline:
            kind, level = BlockKind.HEADLINE, 1
        elif kind == BlockKind.HEADLINE:  # a second Title: a crosshead
            kind, level = BlockKind.HEADING, 2
        b = ProseBuilder(src)
        pos = p.start
        while True:
            nl = src.find("\n", pos, p.end)
            add_text_pieces(b, src, pos, p.end if nl < 0 else nl)
            if nl < 0:
                break
            b.synth(" ", nl, nl + 1)
            pos = nl + 1
        doc.blocks.append(Block(kind, p.start, p.end, strip_prose(b.build()), level=level))
    if word.tracked:
        doc.notes.append(("input.tracked-changes", 0, 0,
                          f"This Word draft holds {word.tracked:,} tracked change{'s' if word.tracked != 1 else ''} not yet "
                          "accepted or rejected; it was checked as if they were all accepted."))
