"""The line index of a draft: where each line starts and ends, and every offset's position as
the tools around copydesk count it (lines and code-point columns for people, UTF-16 columns for
editors and the Language Server Protocol, UTF-8 byte offsets for reviewdog and byte-based tools).

Offsets are indices into the decoded text (code points). Converting many offsets at once costs
one pass over the text between the first and the last, whatever their number."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from . import recache

NEWLINE_RE = recache.compile(r"\r\n|\r|\n")
ASTRAL_RE = recache.compile("[\U00010000-\U0010ffff]")  # two UTF-16 units each


@dataclass(frozen=True, slots=True)
class Position:
    """An offset as each counting sees it: 1-based line, 1-based column in code points and in
    UTF-16 units, and the 0-based UTF-8 byte offset from the start of the text."""

    line: int
    column: int
    column_utf16: int
    byte: int


class LineIndex:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        self.ends: list[int] = []
        for m in NEWLINE_RE.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))
        self._ascii = text.isascii()
        self._bmp = self._ascii or ASTRAL_RE.search(text) is None

    def line_of(self, offset: int) -> int:
        """0-based line index of an offset."""
        return bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset, columns in code points. An offset inside a CRLF
        pair is at the end of its line."""
        k = self.line_of(offset)
        if offset > self.ends[k]:
            offset = self.ends[k]
        return k + 1, offset - self.starts[k] + 1

    def line_text(self, k: int) -> str:
        return self.text[self.starts[k] : self.ends[k]]

    @property
    def count(self) -> int:
        return len(self.starts)

    def positions(self, offsets) -> dict[int, Position]:
        """Every offset's Position, found in one sweep over the text in offset order."""
        wanted = sorted(set(offsets))
        if not wanted:
            return {}
        # The counts needed are at each offset and at the start of each offset's line.
        lines = {o: self.line_of(o) for o in wanted}
        points = sorted(set(wanted) | {self.starts[k] for k in lines.values()})
        astral: dict[int, int] = {}  # offset -> astral characters before it
        nbytes: dict[int, int] = {}  # offset -> UTF-8 bytes before it
        a = b = prev = 0
        text = self.text
        for p in points:
            if p > prev:
                piece = text[prev:p]
                if not self._bmp:
                    a += len(ASTRAL_RE.findall(piece))
                b += p - prev if self._ascii else len(piece.encode("utf-8", "surrogatepass"))
                prev = p
            astral[p], nbytes[p] = a, b
        out = {}
        for o in wanted:
            k = lines[o]
            end = min(o, self.ends[k])  # inside a CRLF pair: the end of the line, as position() says
            column = end - self.starts[k] + 1
            extra = 0 if self._bmp else astral[o] - astral[self.starts[k]]
            if end != o and not self._bmp:
                extra = len(ASTRAL_RE.findall(text[self.starts[k]:end]))
            out[o] = Position(k + 1, column, column + extra, nbytes[o])
        return out


def utf16_offsets(text: str, offsets) -> dict[int, int]:
    """Each code-point offset into text as the offset a browser's JavaScript string counts
    (UTF-16 units, two for a character outside the Basic Multilingual Plane), in one sweep."""
    wanted = sorted(set(offsets))
    if text.isascii() or ASTRAL_RE.search(text) is None:
        return {o: o for o in wanted}
    out, astral, prev = {}, 0, 0
    for o in wanted:
        astral += len(ASTRAL_RE.findall(text, prev, o))
        prev = o
        out[o] = o + astral
    return out
