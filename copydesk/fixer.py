"""Applying fixes: choose the fixes that do not overlap, apply them, check again until nothing
more can be fixed, and write the file atomically, keeping its encoding, byte-order mark, line
endings and permissions."""

from __future__ import annotations

import os
from collections import Counter
import re
from bisect import bisect_right
import stat
from dataclasses import dataclass, field

from . import atomic
from .config import Config
from .decoding import Decoded
from .document import Document
from .engine import check_document
from .finding import Edit, Finding

MAX_PASSES = 10


class FixError(Exception):
    """The file was not written; the message says why."""


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"


def _conflict(a: Edit, b: Edit) -> bool:
    if a.start < b.end and b.start < a.end:
        return True
    # insertions touching another edit: their order would be a guess
    return (a.start == a.end or b.start == b.end) and a.start <= b.end and b.start <= a.end


def choose(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """The fixable findings whose edits overlap no edit already chosen, in position order."""
    chosen: list[Finding] = []
    starts: list[int] = []  # the chosen edits, kept sorted by start
    taken: list[Edit] = []
    for f in sorted(findings, key=Finding.sort_key):
        if f.fix is None or not f.fix.edits or (not f.fix.safe and not unsafe):
            continue
        edits = sorted(f.fix.edits, key=lambda e: (e.start, e.end))
        if any(_conflict(a, b) for a, b in zip(edits, edits[1:])):
            continue
        if any(_conflict(e, t) for e in edits for t in _neighbours(e, starts, taken)):
            continue
        chosen.append(f)
        for e in edits:
            k = bisect_right(starts, e.start)
            starts.insert(k, e.start)
            taken.insert(k, e)
    return chosen


def _neighbours(e: Edit, starts: list[int], taken: list[Edit]) -> list[Edit]:
    """Chosen edits that could touch e: chosen edits never overlap each other, so only the
    ones starting at or before e's end, back to the first that ends before e's start."""
    k = bisect_right(starts, e.end)
    out = []
    while k > 0:
        k -= 1
        out.append(taken[k])
        if taken[k].end < e.start:
            break
    return out


def inserted(edit: Edit, newline: str) -> str:
    """The text an edit inserts, with line breaks in the file's own style."""
    return re.sub(r"\r\n|\r|\n", newline, edit.text) if newline != "\n" else edit.text


def apply(text: str, findings: list[Finding]) -> str:
    newline = dominant_newline(text)
    edits = sorted((e for f in findings if f.fix is not None for e in f.fix.edits), key=lambda e: (e.start, e.end))
    out = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.start])
        out.append(inserted(e, newline))
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


@dataclass
class Fixed:
    """A draft after fixing: its text, how many fixes were applied, and the findings left."""
    text: str
    applied: int
    document: Document
    findings: list[Finding]
    rules: Counter = field(default_factory=Counter)  # the fixes applied, by rule (for --show-fixes)


def fix_text(text: str, path: str, fmt: str, cfg: Config, unsafe: bool = False, **engine) -> Fixed:
    """Fix until nothing more can be fixed; return the new text and the findings left. engine:
    the house and checkers to use instead of the config's and the registry's."""
    doc = Document(text, path, fmt)
    findings = check_document(doc, cfg, **engine)
    before = Counter((f.rule, f.excerpt) for f in findings)
    banned: set[tuple[str, str, str]] = set()  # fixes that left their finding standing

    def key(f: Finding) -> tuple[str, str, str]:
        return (f.rule, f.message, f.excerpt)

    passes = 0
    rules: Counter = Counter()
    while passes < MAX_PASSES:
        chosen = choose([f for f in findings if key(f) not in banned], unsafe)
        if not chosen:
            break
        new_text = apply(text, chosen)
        new_doc = Document(new_text, path, fmt)
        new_findings = check_document(new_doc, cfg, **engine)
        cut = any(f.rule == "copydesk.too-many-findings" for f in new_findings)  # a list cut short proves nothing
        failed = set() if cut else _still_there(chosen, new_findings, key)
        if failed:
            # A fix whose finding comes back as often as before fixes nothing (or undoes
            # itself): the pass is taken back and made again without it, so that no run
            # applies it, however many times copydesk is run.
            banned |= failed
            continue
        text, doc, findings = new_text, new_doc, new_findings
        rules.update(f.rule for f in chosen)
        passes += 1
    # Fixed is what a re-check no longer finds: a fix that left its finding standing does not
    # count, and a finding that went with another's fix (a cascade) does.
    applied = sum((before - Counter((f.rule, f.excerpt) for f in findings)).values())
    return Fixed(text, applied, doc, findings, rules)


def encode(text: str, decoded: Decoded) -> bytes:
    if decoded.bad_byte is not None:
        raise FixError("not valid UTF-8, so it is not fixed (save it as UTF-8 first)")
    return (b"\xef\xbb\xbf" if decoded.bom else b"") + text.encode("utf-8")


def _copy_xattrs(src: str, dst: str) -> None:
    """The file's extended attributes (tags, ACLs) go with it, or it is not written."""
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(src)
    except OSError:
        return  # a file system without them
    for name in names:
        try:
            os.setxattr(dst, name, os.getxattr(src, name))
        except OSError:
            raise FixError(f"could not keep its extended attribute {name}; not written") from None


def _still_there(chosen: list[Finding], after: list[Finding], key) -> set:
    """The keys of chosen findings that a re-check finds again at the same place (their span
    carried through the edits made): fixes that fixed nothing. A finding of the same kind
    elsewhere, which a fix may reveal (a credit split from its paragraph now has its own),
    does not count."""
    edits = sorted((e for f in chosen if f.fix is not None for e in f.fix.edits), key=lambda e: (e.start, e.end))
    starts = [e.start for e in edits]
    shift, total = [], 0
    for e in edits:
        total += len(e.text) - (e.end - e.start)
        shift.append(total)

    def carried(p: int) -> int:  # a position before or at an insertion stays where it was
        k = bisect_right(starts, p - 1) if p else 0
        while k > 0 and edits[k - 1].end > p:
            k -= 1
        return p + (shift[k - 1] if k else 0)

    found = {(key(g), g.start, g.end) for g in after}
    return {key(f) for f in chosen if (key(f), carried(f.start), carried(f.end)) in found}


def write_atomic(path: str, data: bytes, original: bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename, only if the
    file on disk is still the one that was read. The original is intact if anything fails."""
    # A symbolic link stays a link: the file it points to is the one fixed.
    path = os.path.realpath(path)
    try:
        st = os.stat(path)
        with open(path, "rb") as fh:
            if fh.read() != original:
                raise FixError("changed on disk since it was read; not written")
    except FileNotFoundError:
        raise FixError("vanished since it was read; not written") from None
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise FixError("is read-only; not written (make it writable to fix it)")
    if st.st_nlink > 1:
        # Writing a new file in its place would split the links: the others would keep the old text.
        raise FixError(f"has {st.st_nlink} hard links, and fixing it would part them; not written "
                       "(see the changes with --diff)")

    def prepare(tmp: str) -> None:
        # Owner and group first: changing them clears the set-user-ID and set-group-ID bits,
        # which the mode then puts back.
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:
            pass
        now = os.stat(tmp)
        if (now.st_uid, now.st_gid) != (st.st_uid, st.st_gid):
            raise FixError("could not keep its owner and group; not written")
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        _copy_xattrs(path, tmp)
        with open(path, "rb") as fh:
            if fh.read() != original:
                raise FixError("changed on disk while it was being fixed; not written")

    try:
        atomic.replace(path, data, prepare)
    except OSError as exc:
        raise FixError(f"could not be written: {exc.strerror or exc}") from None
