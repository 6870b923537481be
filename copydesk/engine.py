"""One pipeline from a draft to its findings: run the checkers, then drop suppressed findings,
apply severity overrides, de-duplicate and sort."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from functools import lru_cache

from . import registry
from .checker import Context
from .config import Config
from .document import Decoded, Document, decode, format_for
from .finding import Finding
from .house import load_house

class InputError(Exception):
    """A file that cannot be checked; the message is for the user."""


class BinaryInput(InputError):
    """A binary file: skipped."""


# The first bytes of files that are never drafts: images, PDF, zip (and so .docx), gzip.
MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF")


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # why the file could not be checked
    document: Document | None = None
    binary: bool = False
    raw: bytes | None = None  # the bytes as read, for --fix
    decoded: Decoded | None = None


def enabled_rules(cfg: Config) -> frozenset[str]:
    return _enabled(None if cfg.select is None else tuple(cfg.select), tuple(cfg.ignore))


@lru_cache(maxsize=64)
def _enabled(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> frozenset[str]:
    rules = registry.all_rules()
    if select is None or "ALL" in select:
        chosen = set(rules)
    else:
        chosen = {r for r in rules if any(registry.matches(s, r) for s in select)}
        chosen |= {r.id for r in registry.CORE_RULES if r.id != "copydesk.unused-suppression"}
    return frozenset(r for r in chosen if not any(registry.matches(s, r) for s in ignore))


def _severity(cfg: Config, rule: str, default: str) -> str:
    best, size = default, -1
    for sel, sev in cfg.severity.items():
        if registry.matches(sel, rule) and len(sel) > size:
            best, size = sev, len(sel)
    return best


def locate(doc: Document, f: Finding) -> None:
    f.path = doc.path
    f.line, f.column = doc.position(f.start)
    f.end_line, f.end_column = doc.position(f.end)
    f.excerpt = doc.text[f.start : f.end]


def _suppress(doc: Document, findings: list[Finding], enabled: set[str]) -> list[Finding]:
    if not doc.directives:
        return findings
    # Lines (0-based) each directive covers.
    ranges = []  # (directive, first line, last line)
    for d in doc.directives:
        if d.action == "disable-next-line":
            k = doc.line_of(d.end) + 1
            while k < doc.line_count and not doc.line_text(k).strip():
                k += 1
            ranges.append((d, k, k))
        elif d.action == "disable":
            start = doc.line_of(d.start)
            end = doc.line_count
            for e in doc.directives:
                if e.action == "enable" and e.start > d.start and (
                    not e.rules or not d.rules or set(d.rules) & set(e.rules)
                ):
                    end = doc.line_of(e.start)
                    break
            ranges.append((d, start, end))
    used = set()
    kept = []
    for f in findings:
        line = f.line - 1
        hit = False
        for idx, (d, a, z) in enumerate(ranges):
            if a <= line <= z and (not d.rules or any(registry.matches(r, f.rule) for r in d.rules)):
                used.add(idx)
                hit = True
        if not hit:
            kept.append(f)
    if "copydesk.unused-suppression" in enabled:
        rule = registry.all_rules()["copydesk.unused-suppression"]
        for idx, (d, _a, _z) in enumerate(ranges):
            if idx not in used:
                what = ", ".join(d.rules) if d.rules else "all rules"
                f = Finding(rule.id, rule.severity, f"This copydesk-{d.action} ({what}) suppressed nothing; remove it.", d.start, d.end)
                locate(doc, f)
                kept.append(f)
    return kept


def check_document(doc: Document, cfg: Config, decoded: Decoded | None = None) -> list[Finding]:
    enabled = enabled_rules(cfg)
    house = load_house(cfg.house)
    accept = frozenset(cfg.accept) | frozenset(a.lower() for a in cfg.accept)
    findings: list[Finding] = []
    core = registry.all_rules()
    for checker in registry.checkers():
        if not any(r.id in enabled for r in checker.rules):
            continue
        ctx = Context(checker, house, cfg.checks.get(checker.id, {}), accept)
        try:
            findings.extend(f for f in checker.check(doc, ctx) if f.rule in enabled)
        except Exception as exc:  # one checker's bug must not hide the others' findings
            rule = core["copydesk.internal-error"]
            findings.append(
                Finding(rule.id, rule.severity, f"checker '{checker.id}' failed on {doc.path}: {type(exc).__name__}: {exc}", 0, 0)
            )
    if decoded is not None and decoded.bad_byte is not None and "input.encoding" in enabled:
        rule = core["input.encoding"]
        at = decoded.bad_byte
        findings.append(
            Finding(rule.id, rule.severity,
                    "This byte is not UTF-8: the file was read with such bytes as cp1252 characters; save it as UTF-8.",
                    at, min(at + 1, len(doc.text)))
        )
    for f in findings:
        locate(doc, f)
    findings = _suppress(doc, findings, enabled)
    seen = set()
    out = []
    for f in findings:
        f.severity = _severity(cfg, f.rule, f.severity)
        key = (f.rule, f.start, f.end, f.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    out.sort(key=Finding.sort_key)
    return out


def read_draft(path: str, data: bytes | None = None, limit: int | None = None) -> Decoded:
    if data is None:
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):
                raise InputError(f"{path}: not a regular file; skipped")
            if limit is not None and st.st_size > limit:
                raise InputError(f"{path}: {st.st_size / 1048576:.1f} MB is over the {limit / 1048576:g} MB limit (--max-size); skipped")
            with open(path, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a folder") from None
        except PermissionError:
            raise InputError(f"{path}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        except UnicodeError:
            raise InputError(f"{path}: cannot read this file name") from None
    if limit is not None and len(data) > limit:
        raise InputError(f"{path}: over the {limit / 1048576:g} MB limit (--max-size); skipped")
    if data.startswith(MAGIC):
        raise BinaryInput(f"{path}: binary file (an image, archive or document, not text); skipped")
    if b"\x00" in data:
        raise BinaryInput(f"{path}: binary file (it holds NUL bytes); skipped")
    return decode(data)


def check_file(path: str, cfg: Config, data: bytes | None = None, display: str | None = None, fmt: str | None = None,
               limit: int | None = None) -> FileResult:
    name = display or path
    try:
        decoded = read_draft(path, data, limit)
    except BinaryInput as exc:
        return FileResult(name, error=str(exc), binary=True)
    except InputError as exc:
        return FileResult(name, error=str(exc))
    try:
        doc = Document(decoded.text, name, fmt or format_for(path if display is None else display))
    except Exception as exc:  # a parser bug must not take the run down
        return FileResult(name, error=f"{name}: copydesk could not parse this draft ({type(exc).__name__}: {exc}); please report it")
    return FileResult(name, check_document(doc, cfg, decoded), document=doc, raw=decoded.raw, decoded=decoded)


def walk(paths: list[str], cfg_for_dir) -> tuple[list[str], list[str]]:
    """Expand folders into draft files; return (files, errors)."""
    files: list[str] = []
    errors: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            seen_dirs = set()
            for dirpath, dirnames, filenames in os.walk(p, followlinks=True, onerror=lambda e: errors.append(f"{e.filename}: {e.strerror}")):
                real = os.path.realpath(dirpath)
                if real in seen_dirs:
                    dirnames[:] = []
                    continue
                seen_dirs.add(real)
                cfg = cfg_for_dir(dirpath)
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not cfg.excluded_dir(os.path.join(dirpath, d)))
                for name in sorted(filenames):
                    fp = os.path.join(dirpath, name)
                    if cfg.included(fp):
                        files.append(fp)
        elif os.path.exists(p) or p == "-":
            files.append(p)
        else:
            errors.append(f"{p}: no such file or folder")
    return files, errors
