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

from .blocks import Block

from .document import Document

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it

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
        prose = b.prose.slice(st.starts[i]) if i in st.starts else b.prose
        if i not in nxt and prose is b.prose:
            out.append(b)
            continue
        k = i
        images = list(b.images)
        while k in nxt and nxt[k] not in st.skip and nxt[k] not in taken:
            k = nxt[k]
            prose = prose.joined(doc.blocks[k].prose)
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
