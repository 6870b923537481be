"""Applying fixes: choose the fixes that do not overlap, apply them, check again until nothing
more can be fixed, and write the file atomically, keeping its encoding, byte-order mark, line
endings and permissions."""

from __future__ import annotations

import os
import re
import stat
import tempfile
from dataclasses import dataclass

from .config import Config
from .document import Decoded, Document
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
    taken: list[Edit] = []
    for f in sorted(findings, key=Finding.sort_key):
        if f.fix is None or not f.fix.edits or (not f.fix.safe and not unsafe):
            continue
        if any(_conflict(e, t) for e in f.fix.edits for t in taken):
            continue
        edits = list(f.fix.edits)
        if any(_conflict(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]):
            continue
        chosen.append(f)
        taken.extend(edits)
    return chosen


def apply(text: str, findings: list[Finding]) -> str:
    newline = dominant_newline(text)
    edits = sorted((e for f in findings for e in f.fix.edits), key=lambda e: (e.start, e.end))
    out = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.start])
        out.append(re.sub(r"\r\n|\r|\n", newline, e.text) if newline != "\n" else e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


@dataclass
class Fixed:
    text: str
    applied: int
    document: Document
    findings: list[Finding]


def fix_text(text: str, path: str, fmt: str, cfg: Config, unsafe: bool = False, decoded: Decoded | None = None) -> Fixed:
    """Fix until nothing more can be fixed; return the new text and the findings left."""
    applied = 0
    doc = Document(text, path, fmt)
    findings = check_document(doc, cfg, decoded)
    for _ in range(MAX_PASSES):
        chosen = choose(findings, unsafe)
        if not chosen:
            break
        text = apply(text, chosen)
        applied += len(chosen)
        doc = Document(text, path, fmt)
        findings = check_document(doc, cfg, None if decoded is None else decoded)
    return Fixed(text, applied, doc, findings)


def encode(text: str, decoded: Decoded) -> bytes:
    if decoded.bad_byte is not None:
        raise FixError("not valid UTF-8, so it is not fixed (save it as UTF-8 first)")
    return (b"\xef\xbb\xbf" if decoded.bom else b"") + text.encode("utf-8")


def write_atomic(path: str, data: bytes, original: bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename, only if the
    file on disk is still the one that was read. The original is intact if anything fails."""
    try:
        st = os.stat(path)
        with open(path, "rb") as fh:
            if fh.read() != original:
                raise FixError("changed on disk since it was read; not written")
    except FileNotFoundError:
        raise FixError("vanished since it was read; not written") from None
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".copydesk-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            view = memoryview(data)
            for i in range(0, len(view), 1 << 20):
                fh.write(view[i : i + (1 << 20)])
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:
            pass
        with open(path, "rb") as fh:
            if fh.read() != original:
                raise FixError("changed on disk while it was being fixed; not written")
        os.replace(tmp, path)
        tmp = ""
    except OSError as exc:
        raise FixError(f"could not be written: {exc.strerror or exc}") from None
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
