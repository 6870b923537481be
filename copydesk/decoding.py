"""Reading a draft's bytes as text: UTF-8, with or without a byte-order mark. Bytes that are
not UTF-8 are read as cp1252, one character each (U+FFFD where cp1252 has none), so that every
position in the text stays one byte of the file; the first such byte is recorded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from . import recache


@dataclass
class Decoded:
    """A draft's text as decoded from its bytes, with how it was encoded."""
    text: str
    bom: bool
    encoding: str
    bad_byte: int | None = None  # offset in text of the first undecodable byte
    raw: bytes = b""  # the bytes decoded


def decode(data: bytes) -> Decoded:
    """The text of a draft's bytes (see the module's docstring)."""
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return Decoded(body.decode("utf-8"), bom, "utf-8", raw=data)
    except UnicodeDecodeError as exc:
        first = len(body[: exc.start].decode("utf-8"))
    # Each byte that is not UTF-8 comes back from surrogateescape as one lone surrogate
    # (U+DC80 + the byte), and becomes its cp1252 character: one byte, one character.
    text = LONE_RE.sub(_cp1252, body.decode("utf-8", errors="surrogateescape"))
    return Decoded(text, bom, "utf-8+cp1252", first, raw=data)


LONE_RE = recache.compile("[\udc80-\udcff]")


def _cp1252(m: re.Match[str]) -> str:
    return bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace")
