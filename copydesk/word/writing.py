"""Fixes written back into a Word document as tracked changes, and findings as comments, for the
sub-editor to accept, reject or answer in Word.

A fix's edit on the draft's text becomes, where it removes text, that text's runs wrapped in
w:del (their w:t become w:delText) and, where it adds text, a run in w:ins with the formatting
of the text it replaces (or of the text before it). A fix that removes the blank line between
two paragraphs (joining them) or a whole paragraph marks the paragraph mark deleted, as Word
does. Runs are split where an edit or a comment begins or ends, each part keeping the run's
formatting. A comment is anchored on its finding's span (w:commentRangeStart/End and a
reference) and its text goes in word/comments.xml, made when the document has none.

The package is written part by part in its order: every part but those changed (the document,
and for comments the comments part, the document's relationships and the content types) is
copied byte for byte."""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone

from .package import DOCUMENT, parse_xml
from .reading import SEPARATOR, WordDraft, from_tree, w

AUTHOR = "copydesk"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS = "word/comments.xml"
RELS = "word/_rels/document.xml.rels"
TYPES = "[Content_Types].xml"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


class Unwritable(Exception):
    """An edit that cannot be written as a tracked change (it splits a paragraph, or cuts into
    the blank line between two)."""


@dataclass(frozen=True)
class Note:
    """A comment to add: on the draft's text [start, end), with its text."""

    start: int
    end: int
    text: str


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class Writer:
    def __init__(self, word: WordDraft, date: str | None = None):
        self.word = word
        self.root = word.root
        self.date = date or now()
        ids = [int(v) for el in self.root.iter() for k, v in el.attrib.items() if k == w("id") and v.lstrip("-").isdigit()]
        self.next_id = max(ids, default=0) + 1

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id - 1)

    def _mark(self, tag: str):
        from lxml import etree

        el = etree.Element(w(tag))
        el.set(w("id"), self._id())
        el.set(w("author"), AUTHOR)
        el.set(w("date"), self.date)
        return el

    # -- where runs begin and end ------------------------------------------------------------
    def _piece_at(self, offset: int):
        k = self.word.paragraph_at(offset)
        for piece in self.word.paragraphs[k].pieces if self.word.paragraphs else ():
            if piece.start <= offset < piece.end:
                return piece
        return None

    def split(self, offsets: set[int]) -> None:
        """Make each offset a run boundary (from the last offset to the first, so that the
        pieces found before are still where they were); then read the tree again."""
        from lxml import etree

        for offset in sorted(offsets, reverse=True):
            piece = self._piece_at(offset)
            if piece is None or piece.run is None:
                continue
            node = piece.node
            if offset > piece.start:  # inside a w:t: cut its text in two
                k = offset - piece.start
                tail = etree.Element(w("t"))
                tail.text = node.text[k:]
                tail.set(XML_SPACE, "preserve")
                node.text = node.text[:k]
                node.set(XML_SPACE, "preserve")
                node.addnext(tail)
                node = tail
            run = piece.run
            content = [c for c in run if c.tag != w("rPr")]
            if node.getparent() is not run or content.index(node) == 0:
                continue
            rest = etree.Element(w("r"), attrib=dict(run.attrib))
            rpr = run.find(w("rPr"))
            if rpr is not None:
                rest.append(copy.deepcopy(rpr))
            for c in content[content.index(node):]:
                rest.append(c)
            run.addnext(rest)
        text = self.word.text
        self.word = from_tree(self.word.package, self.root, self.word.styles)
        assert self.word.text == text, "splitting runs changed the text"

    def _runs(self, start: int, end: int) -> list:
        out: list = []
        paragraphs = self.word.paragraphs
        for k in range(self.word.paragraph_at(start), len(paragraphs)):
            p = paragraphs[k]
            if p.start > end:
                break
            for piece in p.pieces:
                if start <= piece.start and piece.end <= end and piece.run is not None and (not out or out[-1] is not piece.run):
                    out.append(piece.run)
        return out

    def _run_before(self, offset: int):
        k = self.word.paragraph_at(offset)
        best = None
        for piece in self.word.paragraphs[k].pieces:
            if piece.end <= offset and piece.run is not None:
                best = piece.run
        return best

    def _run_from(self, offset: int):
        k = self.word.paragraph_at(offset)
        for piece in self.word.paragraphs[k].pieces:
            if piece.start >= offset and piece.run is not None:
                return piece.run
        return None

    def _place(self, el, offset: int) -> None:
        """Put el (an insertion, a comment mark) at offset: before the run that starts there,
        after the run that ends there, or at the end of the paragraph."""
        after = self._run_from(offset)
        k = self.word.paragraph_at(offset)
        if after is not None and self._top(after) is not None:
            self._top(after).addprevious(el)
            return
        before = self._run_before(offset)
        if before is not None:
            self._top(before).addnext(el)
        else:
            self.word.paragraphs[k].element.append(el)

    def _top(self, run):
        """A run, or the w:del this writer wrapped it in."""
        parent = run.getparent()
        return parent if parent is not None and parent.tag == w("del") and parent.get(w("author")) == AUTHOR else run

    # -- tracked changes ---------------------------------------------------------------------
    def check_edit(self, start: int, end: int, text: str) -> None:
        """Unwritable unless the edit can be a tracked change."""
        if SEPARATOR in text:
            raise Unwritable("it would split a paragraph")
        for p in self.word.paragraphs:
            gap = (p.end, p.end + len(SEPARATOR))
            for at in (start, end):
                if gap[0] < at < gap[1]:
                    raise Unwritable("it cuts into the space between two paragraphs")

    def replace(self, start: int, end: int, text: str) -> None:
        """Write text over [start, end) as a tracked change (runs already split there)."""
        from lxml import etree

        runs = self._runs(start, end)
        first_rpr = runs[0].find(w("rPr")) if runs else None
        deleted = None  # the first w:del made: the insertion follows it
        taken_back = []  # our own insertions (an earlier pass) whose text is taken out, not marked deleted
        for run in list(runs):
            parent = run.getparent()
            if parent is not None and parent.tag == w("ins") and parent.get(w("author")) == AUTHOR:
                runs.remove(run)
                parent.remove(run)
                if parent not in taken_back:
                    taken_back.append(parent)
        groups: list[list] = []
        for run in runs:
            if groups and groups[-1][-1].getnext() is run:
                groups[-1].append(run)
            else:
                groups.append([run])
        for group in groups:
            wrapper = self._mark("del")
            group[0].addprevious(wrapper)
            for run in group:
                wrapper.append(run)
                for t in run.iter(w("t")):
                    t.tag = w("delText")
                    t.set(XML_SPACE, "preserve")
                for t in run.iter(w("instrText")):
                    t.tag = w("delInstrText")
            deleted = deleted if deleted is not None else wrapper
        for p in self.word.paragraphs:  # a paragraph mark inside the edit: deleted
            if start <= p.end and p.end + len(SEPARATOR) <= end:
                ppr = p.element.find(w("pPr"))
                if ppr is None:
                    ppr = etree.Element(w("pPr"))
                    p.element.insert(0, ppr)
                rpr = ppr.find(w("rPr"))
                if rpr is None:
                    rpr = etree.Element(w("rPr"))
                    later = [c for c in ppr if c.tag in (w("sectPr"), w("pPrChange"))]
                    if later:
                        later[0].addprevious(rpr)
                    else:
                        ppr.append(rpr)
                rpr.insert(0, self._mark("del"))
        if not text:
            self._drop_empty(taken_back)
            return
        ins = self._mark("ins")
        run = etree.SubElement(ins, w("r"))
        model = first_rpr if first_rpr is not None else None
        if model is None:
            near = self._run_before(start)
            near = near if near is not None else self._run_from(start)
            model = near.find(w("rPr")) if near is not None else None
        if model is not None:
            run.append(copy.deepcopy(model))
        for k, line in enumerate(text.split("\n")):
            if k:
                etree.SubElement(run, w("br"))
            if line:
                t = etree.SubElement(run, w("t"))
                t.text = line
                t.set(XML_SPACE, "preserve")
        if deleted is not None:
            deleted.addnext(ins)
        elif taken_back:
            taken_back[0].addprevious(ins)
        else:
            self._place(ins, start)
        self._drop_empty(taken_back)

    @staticmethod
    def _drop_empty(elements) -> None:
        for el in elements:
            if not len(el) and el.getparent() is not None:
                el.getparent().remove(el)

    # -- comments ----------------------------------------------------------------------------
    def comment(self, note: Note, comments) -> None:
        from lxml import etree

        cid = self._id()
        start = etree.Element(w("commentRangeStart"))
        start.set(w("id"), cid)
        end = etree.Element(w("commentRangeEnd"))
        end.set(w("id"), cid)
        ref = etree.Element(w("r"))
        etree.SubElement(ref, w("commentReference")).set(w("id"), cid)
        runs = self._runs(note.start, note.end)
        if runs:
            self._top(runs[0]).addprevious(start)
            self._top(runs[-1]).addnext(end)
        else:
            self._place(start, note.start)
            start.addnext(end)
        end.addnext(ref)
        c = etree.SubElement(comments, w("comment"))
        c.set(w("id"), cid)
        c.set(w("author"), AUTHOR)
        c.set(w("date"), self.date)
        c.set(w("initials"), "CD")
        para = etree.SubElement(c, w("p"))
        r = etree.SubElement(para, w("r"))
        t = etree.SubElement(r, w("t"))
        t.text = note.text
        t.set(XML_SPACE, "preserve")


def serialise(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def repackage(word: WordDraft, parts: dict[str, bytes]) -> bytes:
    """The package with parts replaced (or added, after the others); every other part copied
    byte for byte, with its entry's name, date, attributes and compression."""
    out = io.BytesIO()
    package = word.package
    with zipfile.ZipFile(out, "w") as z:
        for info in package.infos:
            data = parts.pop(info.filename) if info.filename in parts else package.read(info.filename)
            z.writestr(info, data, compress_type=info.compress_type)
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=package.infos[0].date_time), data,
                       compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def track(word: WordDraft, edits: list[tuple[int, int, str]], date: str | None = None
          ) -> tuple[bytes | None, list[tuple[int, int, str]]]:
    """The package with edits (on the draft's text, not overlapping) as tracked changes, and
    the edits that could not be written. None when none could."""
    writer = Writer(word, date)
    good: list[tuple[int, int, str]] = []
    bad: list[tuple[int, int, str]] = []
    for edit in edits:
        try:
            writer.check_edit(*edit)
            good.append(edit)
        except Unwritable:
            bad.append(edit)
    if not good:
        return None, bad
    writer.split({o for s, e, _t in good for o in (s, e)})
    for s, e, t in sorted(good, key=lambda x: (x[0], x[1]), reverse=True):
        writer.replace(s, e, t)
    return repackage(word, {DOCUMENT: serialise(writer.root)}), bad


def annotate(word: WordDraft, notes: list[Note], date: str | None = None) -> bytes:
    """The package with a comment for each note, anchored on its span."""
    from lxml import etree

    writer = Writer(word, date)
    package = word.package
    if COMMENTS in package.names:
        comments = parse_xml(package.read(COMMENTS), COMMENTS)
        ids = [int(v) for el in comments.iter(w("comment")) for v in [el.get(w("id"), "")] if v.lstrip("-").isdigit()]
        writer.next_id = max([writer.next_id, *(i + 1 for i in ids)])
        # A finding already commented on, on the same text with the same words, is not again.
        ours = {(tuple(word.comments[c.get(w("id"), "")]), "".join(t.text or "" for t in c.iter(w("t"))))
                for c in comments.iter(w("comment")) if c.get(w("author")) == AUTHOR and c.get(w("id"), "") in word.comments}
        notes = [n for n in notes if ((n.start, n.end), n.text) not in ours]
        if not notes:
            return package.data
    else:
        comments = etree.Element(w("comments"), nsmap={"w": w("")[1:-1]})
    writer.split({o for n in notes for o in (n.start, n.end)})
    for note in sorted(notes, key=lambda n: (n.start, n.end), reverse=True):
        writer.comment(note, comments)
    parts = {DOCUMENT: serialise(writer.root), COMMENTS: serialise(comments)}
    if COMMENTS not in package.names:
        parts.update(_link_comments(package))
    return repackage(word, parts)


def _link_comments(package) -> dict[str, bytes]:
    """The relationship from the document to a new comments part, and its content type."""
    from lxml import etree

    out = {}
    if RELS in package.names:
        rels = parse_xml(package.read(RELS), RELS)
    else:
        rels = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    if not any(r.get("Type") == COMMENTS_REL for r in rels):
        used = {r.get("Id") for r in rels}
        k = 1
        while f"rId{k}" in used:
            k += 1
        rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
        rel.set("Id", f"rId{k}")
        rel.set("Type", COMMENTS_REL)
        rel.set("Target", "comments.xml")
        out[RELS] = serialise(rels)
    types = parse_xml(package.read(TYPES), TYPES)
    if not any(o.get("PartName") == "/" + COMMENTS for o in types):
        o = etree.SubElement(types, f"{{{CT_NS}}}Override")
        o.set("PartName", "/" + COMMENTS)
        o.set("ContentType", COMMENTS_TYPE)
        out[TYPES] = serialise(types)
    return out
