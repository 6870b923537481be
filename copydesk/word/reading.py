"""The text of a Word document as copydesk checks it, each character mapped back to the XML node
it came from (for writing fixes back), each paragraph with its style.

What is read: paragraphs in document order, the body's, those in table cells and those in text
boxes and shapes (after the paragraph that anchors them); text (w:t), tabs, soft line breaks
(w:br, w:cr) as "\\n", no-break and soft hyphens, symbols; a field's result (hyperlink text) but
not its code. Tracked changes are read as if accepted: inserted text is in, deleted text out.
What is left out: footnotes and endnotes (other parts), comments, and field codes."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .package import DOCUMENT, Package, WordError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
SEPARATOR = "\n\n"  # after each paragraph


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


SKIP = {w("pPr"), w("rPr"), w("del"), w("moveFrom"), w("bookmarkStart"), w("bookmarkEnd"), w("proofErr"), w("permStart"), w("permEnd"), w("delText"),
        w("instrText"), w("delInstrText"), w("footnoteReference"), w("endnoteReference"), w("commentReference"),
        w("sectPr"), w("tblPr"), w("tblGrid"), w("trPr"), w("tcPr"), w("sdtPr"), w("sdtEndPr")}
TRACKED = (w("ins"), w("del"), w("moveFrom"), w("moveTo"), w("rPrChange"), w("pPrChange"), w("sectPrChange"))
CHARACTERS = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "\u2011", w("softHyphen"): "\u00ad"}


@dataclass
class Piece:
    """text[start:end] came from node (a w:t, or a one-character element such as w:tab) in run."""

    start: int
    end: int
    run: Any
    node: Any


@dataclass
class Paragraph:
    """A Word paragraph as read: its element, its span in the draft's text and its style."""
    element: Any  # the w:p (the last, where paragraphs whose marks are deleted are read as one)
    start: int  # its text in the draft's text: [start, end)
    end: int
    style: str  # the style's name ("Heading 1"), or ""
    in_table: bool = False
    numbered: bool = False
    pieces: list[Piece] = field(default_factory=list)
    first: Any = None  # the first w:p of the paragraph as read


@dataclass
class WordDraft:
    """A Word draft as read: its package, its text and its paragraphs."""
    package: Package
    root: Any  # word/document.xml
    text: str
    paragraphs: list[Paragraph]
    tracked: int  # how many tracked-change elements the document holds
    styles: dict[str, str] = field(default_factory=dict)  # style id -> name
    comments: dict[str, list[int]] = field(default_factory=dict)  # comment id -> [start, end] of its anchor
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> int:
        """The 0-based index of the paragraph an offset is in (or at the end of, or in the blank
        line after)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def place(self, offset: int) -> tuple[int, int]:
        """(paragraph number, character within it), both as people count: 1-based paragraph,
        0-based character; an offset in the blank line after a paragraph is at its end."""
        k = self.paragraph_at(offset)
        if not self.paragraphs:
            return 1, 0
        p = self.paragraphs[k]
        return k + 1, min(offset, p.end) - p.start

    def paragraph_text(self, k: int) -> str:
        p = self.paragraphs[k]
        return self.text[p.start:p.end]


def style_names(package: Package) -> dict[str, str]:
    """Style id -> style name, from word/styles.xml (empty when the part is missing)."""
    if "word/styles.xml" not in package.names:
        return {}
    root = package.xml("word/styles.xml")
    out = {}
    for st in root.iter(w("style")):
        sid = st.get(w("styleId"))
        name = st.find(w("name"))
        if sid:
            out[sid] = name.get(w("val")) if name is not None and name.get(w("val")) else sid
    return out


def read(data: bytes) -> WordDraft:
    """A .docx's bytes read (WordError when they are not a Word document copydesk can read)."""
    package = Package(data)
    return from_tree(package, package.xml(DOCUMENT), style_names(package))


def from_tree(package: Package, root, styles: dict[str, str]) -> WordDraft:
    """The draft a document part's tree holds (read again after runs are split for writing)."""
    body = root.find(w("body"))
    if body is None:
        raise WordError("not a Word document: word/document.xml has no body")
    open_para: list[Paragraph] = []  # a paragraph whose mark is deleted, read on into the next
    comments: dict[str, list[int]] = {}
    pieces_text: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0

    def paragraph(p, in_table: bool) -> None:
        nonlocal pos
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        sid = style_el.get(w("val"), "") if style_el is not None else ""
        numbered = ppr is not None and ppr.find(w("numPr")) is not None
        mark = ppr.find(w("rPr")) if ppr is not None else None
        joined = mark is not None and mark.find(w("del")) is not None  # its mark deleted: it runs on into the next
        if open_para:  # the paragraph before ran on into this one
            para = open_para.pop()
            para.element, para.style, para.numbered = p, styles.get(sid, sid), numbered
        else:
            para = Paragraph(p, pos, pos, styles.get(sid, sid), in_table, numbered, first=p)
        boxes: list[Any] = []
        fields: list[str] = []  # per open field: "code" until its separator, then "result"

        def content(el, run) -> None:
            nonlocal pos
            for child in el:
                tag = child.tag
                if not isinstance(tag, str) or tag in SKIP:
                    continue
                if tag == w("r"):
                    content(child, child)
                elif tag in (w("commentRangeStart"), w("commentRangeEnd")):
                    span = comments.setdefault(child.get(w("id"), ""), [pos, pos])
                    span[0 if tag == w("commentRangeStart") else 1] = pos
                elif tag == w("t"):
                    if fields and fields[-1] == "code":
                        continue
                    t = child.text or ""
                    if t:
                        para.pieces.append(Piece(pos, pos + len(t), run, child))
                        pieces_text.append(t)
                        pos += len(t)
                elif tag == w("fldChar"):
                    kind = child.get(w("fldCharType"))
                    if kind == "begin":
                        fields.append("code")
                    elif kind == "separate" and fields:
                        fields[-1] = "result"
                    elif kind == "end" and fields:
                        fields.pop()
                elif tag in CHARACTERS or tag == w("sym"):
                    if fields and fields[-1] == "code":
                        continue
                    if tag == w("br") and child.get(w("type")) in ("page", "column"):
                        ch = "\n"
                    elif tag == w("sym"):
                        try:
                            ch = chr(int(child.get(w("char"), "0"), 16))
                        except ValueError:
                            continue
                    else:
                        ch = CHARACTERS[tag]
                    para.pieces.append(Piece(pos, pos + 1, run, child))
                    pieces_text.append(ch)
                    pos += 1
                elif tag == w("txbxContent"):
                    boxes.append(child)
                elif tag == f"{{{MC}}}AlternateContent":
                    choice = next((c for c in child if c.tag == f"{{{MC}}}Choice"), None)
                    if choice is not None:
                        content(choice, run)
                elif tag == w("p"):  # a paragraph where one is not expected: read on its own
                    boxes.append(child)
                else:  # hyperlink, ins, moveTo, smartTag, sdt, sdtContent, fldSimple, drawing ...
                    content(child, run)

        content(p, None)
        para.end = pos
        if joined and not boxes:
            open_para.append(para)
            return
        paragraphs.append(para)
        pieces_text.append(SEPARATOR)
        pos += len(SEPARATOR)
        for box in boxes:
            if box.tag == w("p"):
                paragraph(box, in_table)
            else:
                block(box, in_table)

    def block(container, in_table: bool) -> None:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                paragraph(child, in_table)
            elif tag == w("tbl"):
                for row in child.iter(w("tr")):
                    if row.getparent() is not child:
                        continue
                    for cell in row:
                        if cell.tag == w("tc"):
                            block(cell, True)
            elif tag in (w("sdt"), w("sdtContent"), w("customXml"), w("txbxContent"), w("ins"), w("moveTo")):
                block(child, in_table)

    block(body, False)
    if open_para:  # the last paragraph's mark deleted: it ends the text all the same
        paragraphs.append(open_para.pop())
        pieces_text.append(SEPARATOR)
    tracked = sum(1 for el in root.iter(*TRACKED))
    return WordDraft(package, root, "".join(pieces_text), paragraphs, tracked, styles, comments)
