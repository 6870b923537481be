"""What a reader cannot see: the whitespace a paste from a web page leaves behind, and lines
that hold something but show nothing (no-break spaces, zero-width characters, &nbsp;, <br>)."""

from __future__ import annotations

import re
from . import recache

# Whitespace a paste from a web page leaves behind, beyond the ASCII kind.
INVISIBLE = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\u180e"

EMPTY_LINE_RE = recache.compile(
    r"(?:[ \t" + INVISIBLE + r"]|&nbsp;|&#160;|&#x[aA]0;|&zwnj;|&zwj;|&ensp;|&emsp;|&thinsp;|<br\s*/?>|<p>\s*</p>|<div>\s*</div>)+",
    re.IGNORECASE,  # tags as old CMSs write them: <BR>, <P></P>
)


def is_blank(line: str) -> bool:
    return not line.strip(" \t")


def is_invisible(line: str) -> bool:
    """A line that holds something, but nothing a reader can see (spaces alone do not count)."""
    return bool(line.strip(" \t")) and EMPTY_LINE_RE.fullmatch(line) is not None
