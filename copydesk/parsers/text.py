"""Plain text drafts: paragraphs separated by blank lines, the first the headline."""

from __future__ import annotations

from ..blocks import Block
from ..invisible import is_blank, is_invisible
from ..prose import ProseBuilder
from . import add_directive, add_text_pieces, next_line, strip_prose

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it

if TYPE_CHECKING:
    from ..document import Document


def parse(doc: "Document") -> None:
    """Plain text: a paragraph per run of lines, the first one the headline."""
    text = doc.text
    k: int | None = 0
    n = doc.line_count
    first = True
    while (k := next_line(doc, k)) is not None:
        line, s = doc.line_text(k), doc.line_starts[k]
        stripped = line.strip()
        if stripped.startswith("copydesk-") and add_directive(doc, k, s, doc.line_ends[k], stripped):
            doc.blocks.append(Block("directive", s, doc.line_ends[k]))
            k += 1
            continue
        j = k
        while j + 1 < n:
            nxt = doc.line_text(j + 1)
            if is_blank(nxt) or is_invisible(nxt) or nxt.strip().startswith("copydesk-"):
                break
            j += 1
        b = ProseBuilder(text)
        for i in range(k, j + 1):
            ls, le = doc.line_starts[i], doc.line_ends[i]
            if i > k:
                b.synth(" ", doc.line_ends[i - 1], ls)
            add_text_pieces(b, text, ls, le)
        kind = "headline" if first else "paragraph"
        first = False
        doc.blocks.append(Block(kind, s, doc.line_ends[j], strip_prose(b.build())))
        k = j + 1
