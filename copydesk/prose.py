"""A plain-text view of a stretch of source, with a map from every prose index back to the source.

The view is built from pieces: runs copied verbatim from the source, and single synthetic
characters (a space for a line break, the character an HTML entity stands for) that stand for
a span of source text. Each prose index maps to exactly one source span, so a finding found in
the prose can be reported at the exact characters of the original file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Prose:
    """A block's text as read, mapped piece by piece to where it stands in the source."""
    text: str = ""
    # Parallel lists, one entry per piece: where it starts in the prose, where in the source,
    # how long it is in the prose and in the source. Copied pieces have equal lengths;
    # a synthetic piece is one prose character standing for src_len source characters.
    _p: list[int] = field(default_factory=list)
    _s: list[int] = field(default_factory=list)
    _plen: list[int] = field(default_factory=list)
    _slen: list[int] = field(default_factory=list)

    def _piece(self, i: int) -> int:
        k = bisect_right(self._p, i) - 1
        if k < 0:
            raise IndexError(i)
        return k

    def source_offset(self, i: int) -> int:
        """Source offset of the prose character at index i."""
        if not self._p:
            raise IndexError(i)
        if i >= len(self.text):
            return self.source_end(len(self.text))
        k = self._piece(i)
        if self._plen[k] == self._slen[k]:
            return self._s[k] + (i - self._p[k])
        return self._s[k]

    def source_end(self, end: int) -> int:
        """Source offset just after the prose character at end - 1 (an exclusive end)."""
        if end <= 0:
            return self._s[0] if self._s else 0
        k = self._piece(end - 1)
        if self._plen[k] == self._slen[k]:
            return self._s[k] + (end - self._p[k])
        return self._s[k] + self._slen[k]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span (start, exclusive end) of the prose span [start, end)."""
        if end <= start:
            s = self.source_offset(start)
            return s, s
        return self.source_offset(start), self.source_end(end)


    def verbatim(self, start: int, end: int) -> bool:
        """The prose span [start, end) is the source span it maps to, character for character:
        no markup, entity or line break inside it, so an edit there rewrites only those words."""
        if end <= start or not self._p:
            return False
        k = self._piece(start)
        return self._plen[k] == self._slen[k] and end <= self._p[k] + self._plen[k]

    def slice(self, start: int, end: int | None = None) -> "Prose":
        """The prose text[start:end], each character still mapped to its source span."""
        end = len(self.text) if end is None else end
        out = Prose()
        if end <= start:
            return out
        for k in range(len(self._p)):
            ps, plen = self._p[k], self._plen[k]
            a, z = max(ps, start), min(ps + plen, end)
            if a >= z:
                continue
            out._p.append(a - start)
            if plen == self._slen[k]:
                out._s.append(self._s[k] + (a - ps))
                out._plen.append(z - a)
                out._slen.append(z - a)
            else:  # a synthetic character is kept whole
                out._s.append(self._s[k])
                out._plen.append(1)
                out._slen.append(self._slen[k])
        out.text = self.text[start:end]
        return out

    def joined(self, other: "Prose") -> "Prose":
        """This prose and other read as one paragraph: one space stands for the source between them."""
        out = Prose()
        out._p, out._s, out._plen, out._slen = list(self._p), list(self._s), list(self._plen), list(self._slen)
        n = len(self.text)
        gap_start, gap_end = self.source_end(n), other.source_offset(0)
        out._p.append(n)
        out._s.append(gap_start)
        out._plen.append(1)
        out._slen.append(max(gap_end - gap_start, 0))
        out._p += [q + n + 1 for q in other._p]
        out._s += other._s
        out._plen += other._plen
        out._slen += other._slen
        out.text = self.text + " " + other.text
        return out


class ProseBuilder:
    """Collects pieces in source order and builds a Prose."""

    def __init__(self, source: str):
        self.source = source
        self.parts: list[str] = []
        self.prose = Prose()
        self.length = 0

    def copy(self, start: int, end: int) -> None:
        if end <= start:
            return
        p = self.prose
        # Merge with the previous piece when it is a contiguous copy.
        if p._p and p._plen[-1] == p._slen[-1] and p._s[-1] + p._slen[-1] == start:
            p._plen[-1] += end - start
            p._slen[-1] += end - start
        else:
            p._p.append(self.length)
            p._s.append(start)
            p._plen.append(end - start)
            p._slen.append(end - start)
        self.parts.append(self.source[start:end])
        self.length += end - start

    def synth(self, char: str, start: int, end: int) -> None:
        """Add one prose character standing for source[start:end]."""
        assert len(char) == 1
        p = self.prose
        p._p.append(self.length)
        p._s.append(start)
        p._plen.append(1)
        p._slen.append(max(end - start, 0))
        self.parts.append(char)
        self.length += 1

    def build(self) -> Prose:
        self.prose.text = "".join(self.parts)
        return self.prose
