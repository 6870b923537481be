"""The block model: a draft is a list of blocks (a headline, a paragraph, a list item, a
code block, a front-matter field …), each with its exact span in the source and its prose,
the text a reader reads mapped back to the source character by character."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from .prose import Prose
from .quoting import QuoteScan, scan


class BlockKind(str, Enum):
    """What a block is. A str, so that a kind compares equal to its name ("paragraph")."""

    HEADLINE = "headline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BLOCKQUOTE = "blockquote"
    LIST_ITEM = "list_item"
    CAPTION = "caption"
    TABLE = "table"
    CODE = "code"
    FRONT_MATTER = "front_matter"
    HTML = "html"
    COMMENT = "comment"
    DIRECTIVE = "directive"
    LINK_DEFINITION = "link_definition"
    BLANK = "blank"

    def __str__(self) -> str:
        return self.value

    def __hash__(self) -> int:  # as its name's: a kind finds its name's entry in a set or a dict
        return str.__hash__(self)


BODY_KINDS = frozenset((BlockKind.PARAGRAPH, BlockKind.BLOCKQUOTE, BlockKind.LIST_ITEM))


class Image(tuple):
    """An image in a draft: (start, end, src) like a plain tuple, with what the markup says about
    it: alt text, class and id words, width and height attributes, the host of a link around it,
    and whether it stands in page furniture (nav, header, footer, aside) or is hidden."""

    alt: str
    names: str
    width: str
    height: str
    link: str | None
    furniture: str
    hidden: bool

    def __new__(cls, start: int, end: int, src: str, alt: str = "", names: str = "", width: str = "",
                height: str = "", link: str | None = None, furniture: str = "", hidden: bool = False) -> "Image":
        self = super().__new__(cls, (start, end, src))
        self.alt, self.names, self.width, self.height = alt, names, width, height
        self.link, self.furniture, self.hidden = link, furniture, hidden  # link: None, or the href
        return self


@dataclass
class Block:
    """A block of the draft (a paragraph, heading, list item...): its kind, its span in the source and its prose."""
    kind: BlockKind
    start: int
    end: int
    prose: Prose = field(default_factory=Prose)
    level: int = 0  # heading level, or quote depth
    images: list[Image] = field(default_factory=list)  # source span and URL, with the markup's details
    key: str = ""  # the field name, for a front-matter field

    def __post_init__(self) -> None:
        self.kind = BlockKind(self.kind)  # a kind that does not exist fails here, where it is made

    @property
    def text(self) -> str:
        return self.prose.text

    @cached_property
    def quotes(self) -> QuoteScan:
        return scan(self.prose.text)

    @property
    def is_body(self) -> bool:
        return self.kind in BODY_KINDS
