"""A draft parsed once into blocks, each with its exact span in the source.

Offsets are indices into ``Document.text``, the decoded file without its byte-order mark.
Lines and columns reported to users are 1-based; columns count Unicode code points. The
parts live in their own modules: decoding (bytes to text), lines (the line index), blocks (the
block model), suppressions (the directives), and parsers (one per format).
"""

from __future__ import annotations

from .blocks import Block
from .lines import LineIndex
from .parsers import format_for, parse
from .suppressions import Directive

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Any


class Document:
    def __init__(self, text: str, path: str = "<stdin>", fmt: str | None = None, source: Any = None):
        self.text = text
        # What the text was read from when it is not the file's own text (a .docx: the Word
        # draft, with its paragraphs and the runs each character came from).
        self.source = source
        self.path = path
        self.format = fmt or format_for(path)
        self.lines = LineIndex(text)
        self.line_starts, self.line_ends = self.lines.starts, self.lines.ends
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        # Stretches of the file that hold text but were not read as prose, each with why:
        # (start, end, reason). The engine reports each as input.unread.
        self.unread: list[tuple[int, int, str]] = []
        # What a parser says about the draft as a whole, reported by the engine as that core
        # rule: (rule id, start, end, message).
        self.notes: list[tuple[str, int, int, str]] = []
        self.front_matter_end = 0  # where a Markdown draft's YAML front matter ends (0: none)
        self.html_context: dict[int, Any] = {}  # an HTML block's start -> where it stood in the page
        parse(self)

    # -- positions (the line index's) ----------------------------------------------------
    def line_of(self, offset: int) -> int:
        """0-based line index of a source offset."""
        return self.lines.line_of(offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset, columns in code points."""
        return self.lines.position(offset)

    def where(self, offset: int) -> str:
        """Where an offset is, as a message says it: "line 12", or in a Word draft "paragraph 12"."""
        if self.format == "docx" and self.source is not None:
            return f"paragraph {self.source.place(offset)[0]}"
        return f"line {self.position(offset)[0]}"

    def line_text(self, k: int) -> str:
        return self.lines.line_text(k)

    @property
    def line_count(self) -> int:
        return self.lines.count
