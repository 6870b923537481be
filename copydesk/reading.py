"""The draft as the checkers of its text read it: one fault, one finding.

The layout checker decides what is not part of the article (page furniture, teasers, the second
copy of a paragraph pasted twice), which paragraph was broken in two and where run-in furniture
ends. Those faults are reported once, by layout. The checkers that read the article's text
(quotes, attribution) read it through ``Context.read(doc)``: with those blocks left out, the
broken paragraph read as one and the run-in furniture cut off, as the article will be once the
layout faults are fixed. The engine also runs them on the draft as it stands; what only that
reading finds is a consequence of a layout fault, and goes into the message of that fault's
finding instead of being reported on its own (``engine.merge_consequences``).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .document import Block, Document
from .prose import Prose

if TYPE_CHECKING:
    from .checker import Context
    from .checks.layout import LayoutAnalysis, Structure


class Reading:
    """The blocks of a draft in the order they are read; joined and trimmed paragraphs are new
    blocks whose prose maps back to the file like any other."""

    def __init__(self, blocks: list[Block], structure: "Structure | None" = None):
        self.blocks = blocks
        self.structure = structure

    @property
    def changed(self) -> bool:
        return bool(self.structure)


def plain(doc: Document) -> Reading:
    """The draft as it stands, block by block."""
    return Reading(doc.blocks)


def read(doc: Document, st: "Structure") -> Reading:
    """The draft with the layout faults of st set right."""
    if not st:
        return Reading(doc.blocks, st)
    nxt = dict(st.joins)
    taken: set[int] = set()
    out: list[Block] = []
    for i, b in enumerate(doc.blocks):
        if i in taken or i in st.skip:
            continue
        prose = _tail(b.prose, st.starts[i]) if i in st.starts else b.prose
        if i not in nxt and prose is b.prose:
            out.append(b)
            continue
        k = i
        images = list(b.images)
        while k in nxt and nxt[k] not in st.skip and nxt[k] not in taken:
            k = nxt[k]
            prose = _concat(prose, doc.blocks[k].prose)
            images += doc.blocks[k].images
            taken.add(k)
        out.append(Block(b.kind, b.start, doc.blocks[k].end, prose, b.level, images, b.key))
    return Reading(out, st)


class Analysis:
    """What is worked out once per draft for every checker: the layout analysis (with the
    layout options of the config, whether or not layout rules are selected) and the reading."""

    def __init__(self, doc: Document, layout_ctx: "Context"):
        self.doc = doc
        self.layout_ctx = layout_ctx
        layout_ctx.analysis = self

    @classmethod
    def default(cls, doc: Document, house, accept: frozenset[str] = frozenset(), options: dict | None = None) -> "Analysis":
        from .checker import Context
        from .checks.layout import CHECKER

        return cls(doc, Context(CHECKER, house, options or {}, accept))

    @cached_property
    def layout(self) -> "LayoutAnalysis":
        return self.layout_ctx.checker.analyse(self.doc, self.layout_ctx)  # type: ignore[attr-defined]

    @cached_property
    def reading(self) -> Reading:
        return read(self.doc, self.layout.structure)


def _concat(a: Prose, b: Prose) -> Prose:
    """a and b read as one paragraph: one space stands for the source between them."""
    out = Prose()
    out._p, out._s, out._plen, out._slen = list(a._p), list(a._s), list(a._plen), list(a._slen)
    n = len(a.text)
    gap_start, gap_end = a.source_end(n), b.source_offset(0)
    out._p.append(n)
    out._s.append(gap_start)
    out._plen.append(1)
    out._slen.append(max(gap_end - gap_start, 0))
    for k in range(len(b._p)):
        out._p.append(b._p[k] + n + 1)
        out._s.append(b._s[k])
        out._plen.append(b._plen[k])
        out._slen.append(b._slen[k])
    out.text = a.text + " " + b.text
    return out


def _tail(p: Prose, start: int) -> Prose:
    """The prose from index start on, mapped as before."""
    out = Prose()
    for k in range(len(p._p)):
        ps, plen = p._p[k], p._plen[k]
        if ps + plen <= start:
            continue
        a = max(ps, start)
        out._p.append(a - start)
        if plen == p._slen[k]:
            out._s.append(p._s[k] + (a - ps))
            out._plen.append(ps + plen - a)
            out._slen.append(ps + plen - a)
        else:
            out._s.append(p._s[k])
            out._plen.append(1)
            out._slen.append(p._slen[k])
    out.text = p.text[start:]
    return out
