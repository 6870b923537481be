"""A .docx package opened safely: a zip of XML parts, read within limits (a zip bomb is refused
by its entry count, its parts' sizes and their compression ratio), its XML parsed with no DTD,
no entity and no network. What is not a .docx is told apart: an old binary Word file, a
password-protected document (an encrypted package inside an OLE file), or no zip at all."""

from __future__ import annotations

import io
import zipfile

MAX_ENTRIES = 2000
MAX_PART = 64 * 1024 * 1024  # bytes: the largest XML part read
MAX_TOTAL = 256 * 1024 * 1024  # bytes: all parts together, uncompressed
MAX_RATIO = 200  # a part that expands more than this from its compressed size is a bomb
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCUMENT = "word/document.xml"


class WordError(Exception):
    """A .docx that cannot be read; the message says why and what to do, for the writer."""


class Package:
    """The parts of a .docx: their names in order, and their bytes on request."""

    def __init__(self, data: bytes):
        self.data = data
        if data.startswith(OLE):
            if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
                raise WordError("this Word document is protected by a password; save a copy without the password "
                                "and check that")
            raise WordError("this is an old binary Word file (.doc), which copydesk does not read; open it in Word or "
                            "LibreOffice and save it as .docx")
        if not data.startswith(b"PK"):
            raise WordError("not a Word .docx document: a .docx is a zip package, and this file is not one")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.infos = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError) as exc:
            raise WordError(f"not a readable .docx: the zip package is damaged ({exc})") from None
        if len(self.infos) > MAX_ENTRIES:
            raise WordError(f"the package holds {len(self.infos):,} parts, more than a Word document has "
                            f"({MAX_ENTRIES:,} at most): refused as a zip bomb")
        total = 0
        for info in self.infos:
            total += info.file_size
            if info.file_size > MAX_PART:
                raise WordError(f"the part {info.filename} is {info.file_size:,} bytes uncompressed, over the "
                                f"{MAX_PART:,} allowed: refused as a zip bomb")
            if info.compress_size and info.file_size > MAX_RATIO * info.compress_size and info.file_size > 1_000_000:
                raise WordError(f"the part {info.filename} expands {info.file_size // info.compress_size}-fold: "
                                "refused as a zip bomb")
        if total > MAX_TOTAL:
            raise WordError(f"the package expands to {total:,} bytes, over the {MAX_TOTAL:,} allowed: refused as a zip bomb")
        self.names = [i.filename for i in self.infos]
        if DOCUMENT not in self.names:
            raise WordError("not a Word document: the package has no word/document.xml (is it another Office file?)")

    def read(self, name: str) -> bytes:
        """A part's bytes, read no further than its declared size."""
        info = self.zip.getinfo(name)
        try:
            with self.zip.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
            # RuntimeError: an encrypted zip entry; NotImplementedError: a compression zipfile lacks
            raise WordError(f"the part {name} cannot be read ({exc})") from None
        if len(data) > info.file_size:
            raise WordError(f"the part {name} is longer than the package says: refused")
        return data

    def xml(self, name: str):
        return parse_xml(self.read(name), name)


def parse_xml(data: bytes, name: str):
    """The root element of an XML part. A DOCTYPE (where entities, external ones among them,
    are declared) is refused: Word never writes one."""
    from lxml import etree

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise WordError(f"the part {name} declares a DOCTYPE or entities, which a Word document never does: refused "
                        "(external entities could read files)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_blank_text=False, remove_comments=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = getattr(exc, "position", (None, None))
        raise WordError(f"the part {name} is not well-formed XML ({exc.msg.split(', line ')[0]}, line {line}, "
                        f"column {column})") from None
    return root
