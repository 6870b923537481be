"""Quotation marks in a paragraph of prose: which marks open, which close, which are apostrophes.

One pass over the text with a stack, so that 10,000 marks take linear time. The result is used
by the document (quoted-speech spans), the quotes checker (balance) and the attribution checker.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from . import recache

DOUBLE = "double"
SINGLE = "single"

MARK_RE = recache.compile("''|[\"'\u201c\u201d\u2018\u2019]")
CURLY = frozenset("\u201c\u201d\u2018\u2019")

# Words that begin with an elided letter: 'em, 'til, 'tis, 'twas, 'n' (rock 'n' roll).
ELISIONS = frozenset(
    "em til tis twas twere cause cos n bout round nother ello appen avin ow".split()
)
_OPENERS_BEFORE = frozenset("([{\u2014\u2013-/\u201c\u2018\"'")
_CLOSERS_AFTER = frozenset(".,;:!?)]}\u2014\u2013-\u2026/")


@dataclass(slots=True)
class Mark:
    """A quotation mark in a paragraph: where, which character, its kind and its role."""
    index: int
    char: str
    kind: str  # DOUBLE or SINGLE
    role: str  # "open" or "close"


@dataclass(slots=True)
class Quote:
    """A quotation: its opening and closing marks (either may be missing) and its depth."""
    open: Mark | None  # None: a closing mark that was never opened
    close: Mark | None  # None: an opening mark never closed in this paragraph
    depth: int  # 0 for an outermost quotation

    @property
    def start(self) -> int:
        return self.open.index if self.open else self.close.index  # type: ignore[union-attr]

    @property
    def end(self) -> int:
        return self.close.index + 1 if self.close else -1


@dataclass
class QuoteScan:
    """The quotations and apostrophes of one paragraph."""
    quotes: list[Quote]  # in order of their opening (or stray closing) mark
    apostrophes: list[int]
    _stretches: tuple[list[int], list[int]] | None = field(default=None, repr=False, compare=False)

    def covers(self, i: int, length: int) -> bool:
        """Whether index i stands inside a quotation of the paragraph (of length characters): a
        quotation left open runs to its end, and nested ones count as their outermost."""
        if self._stretches is None:
            starts: list[int] = []
            ends: list[int] = []
            for a, z in sorted((q.open.index, q.close.index + 1 if q.close is not None else length)
                               for q in self.quotes if q.open is not None):
                if ends and a <= ends[-1]:
                    ends[-1] = max(ends[-1], z)
                else:
                    starts.append(a)
                    ends.append(z)
            self._stretches = (starts, ends)
        starts, ends = self._stretches
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < ends[k]

    @property
    def unclosed(self) -> list[Quote]:
        return [q for q in self.quotes if q.close is None]

    @property
    def unopened(self) -> list[Quote]:
        return [q for q in self.quotes if q.open is None]


def _apostrophe_script(c: str) -> bool:
    """Letters of the scripts that write apostrophes inside words (Latin, Greek, Cyrillic)."""
    return ord(c) < 0x0590


def _word_after(text: str, i: int) -> str:
    j = i + 1
    n = len(text)
    while j < n and text[j].isalpha():
        j += 1
    return text[i + 1 : j].lower()


def scan(text: str) -> QuoteScan:
    quotes: list[Quote] = []
    apostrophes: list[int] = []
    stack: list[Quote] = []
    n = len(text)

    open_count = {DOUBLE: 0, SINGLE: 0}

    def has_open(kind: str) -> bool:
        return open_count[kind] > 0

    def do_open(i: int, c: str, kind: str) -> None:
        q = Quote(Mark(i, c, kind, "open"), None, len(stack))
        quotes.append(q)
        stack.append(q)
        open_count[kind] += 1

    def do_close(i: int, c: str, kind: str) -> None:
        mark = Mark(i, c, kind, "close")
        if open_count[kind]:
            while stack:
                q = stack.pop()
                open_count[q.open.kind] -= 1  # type: ignore[union-attr]
                if q.open.kind == kind:  # type: ignore[union-attr]
                    q.close = mark
                    return
                # an inner quote of the other kind left open: it stays unclosed
        quotes.append(Quote(None, mark, len(stack)))

    for m in MARK_RE.finditer(text):
        i = m.start()
        c = m.group(0)
        if c == "''":
            c = '"'  # two straight single marks typed for a double one
        prev = text[i - 1] if i > 0 else " "
        nxt = text[m.end()] if m.end() < n else " "
        prev_space = prev.isspace() or prev in _OPENERS_BEFORE
        next_space = nxt.isspace() or nxt in _CLOSERS_AFTER or nxt in "\u201d\u2019\"'"
        if c == "\u201c":
            do_open(i, c, DOUBLE)
        elif c == "\u201d":
            do_close(i, c, DOUBLE)
        elif c == '"':
            if prev.isdigit() and not nxt.isalpha() and not has_open(DOUBLE):
                continue  # inches: 12" screen
            if prev_space and (not next_space or nxt in "'\u2018"):
                do_open(i, c, DOUBLE)
            elif next_space and not prev_space:
                do_close(i, c, DOUBLE)
            elif has_open(DOUBLE):
                do_close(i, c, DOUBLE)
            else:
                do_open(i, c, DOUBLE)
        else:  # ' ‘ ’
            if prev.isdigit() and c == "'" and (nxt.isspace() or nxt.isdigit()) and not has_open(SINGLE):
                continue  # feet: 5' 10"
            if prev.isalnum() and nxt.isalpha():
                if has_open(SINGLE) and not (_apostrophe_script(prev) and _apostrophe_script(nxt)):
                    do_close(i, c, SINGLE)  # ‘리벤지’의: a closing mark before a particle
                else:
                    apostrophes.append(i)  # let's, o'clock, Belarus's
                continue
            if nxt.isdigit() and not prev.isalnum():
                apostrophes.append(i)  # '90s
                continue
            if (prev_space or i == 0) and nxt.isalpha() and c != "\u2018":
                word = _word_after(text, i)
                if word in ELISIONS and not (word == "n" and i + 2 < n and text[i + 2] not in "'\u2019"):
                    apostrophes.append(i)  # 'em, 'til, rock 'n' roll
                    continue
                if c == "\u2019":
                    apostrophes.append(i)  # a leading curly apostrophe: ’em
                    continue
                do_open(i, c, SINGLE)
                continue
            if c == "\u2018":
                if nxt.isdigit():
                    apostrophes.append(i)
                else:
                    do_open(i, c, SINGLE)
                continue
            if prev == "n" and i >= 2 and text[i - 2] in "'\u2019" and (i < 3 or not text[i - 3].isalpha()):
                apostrophes.append(i)  # the closing mark of 'n'
                continue
            if prev.isalnum() or prev in ".,;:!?\u2026)":
                if has_open(SINGLE):
                    do_close(i, c, SINGLE)
                elif prev.isalpha():
                    apostrophes.append(i)  # the Jones' house, goin'
                elif next_space:
                    do_close(i, c, SINGLE)
                else:
                    apostrophes.append(i)
                continue
            if has_open(SINGLE) and not prev_space:
                do_close(i, c, SINGLE)
            elif prev_space and not next_space:
                do_open(i, c, SINGLE)
            else:
                apostrophes.append(i)
    return QuoteScan(quotes, apostrophes)


def is_curly(char: str) -> bool:
    return char in CURLY
