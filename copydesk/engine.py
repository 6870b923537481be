"""One pipeline from a draft to its findings: run the checkers, then drop suppressed findings,
apply severity overrides, merge the consequences of a layout fault into its finding,
de-duplicate and sort."""

from __future__ import annotations

from contextlib import nullcontext

import os
import stat
import sys
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import budget, registry, suppressions

from .checker import Checker, Context
from .config import Config
from .decoding import Decoded, decode
from .document import Document
from .parsers import format_for
from .finding import RANK, SEVERITIES, Edit, Finding
from .house import House, load_house
from .reading import Analysis
from .yamlrules import newsroom_rules
from .quoting import MARK_RE

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Sequence


class InputError(Exception):
    """A file that cannot be checked; the message is for the user."""


class BinaryInput(InputError):
    """A binary file: skipped."""


# The first bytes of files that are never drafts: images, PDF, zip (and so .docx), gzip.
MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF")


@dataclass
class FileResult:
    """What checking one file gave: its findings, or why it could not be checked."""
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # why the file could not be checked
    document: Document | None = None
    binary: bool = False
    raw: bytes | None = None  # the bytes as read, for --fix
    decoded: Decoded | None = None
    fixed: bytes | None = None  # the bytes --fix made, for standard input
    fmt: str = "text"  # the format the draft was read in

    def __getstate__(self) -> dict:
        """Sent from a worker process without its parsed document (the text is enough to parse
        it again where a report needs it) or its bytes (the worker wrote any fix)."""
        state = dict(self.__dict__)
        state["document"] = None
        state["raw"] = self.raw if self.fmt == "docx" else None  # a Word draft is read again from its bytes
        if self.decoded is not None:  # the text as it now stands (fixed, where a fix was made)
            text = self.document.text if self.document is not None else self.decoded.text
            state["decoded"] = Decoded(text, self.decoded.bom, self.decoded.encoding, self.decoded.bad_byte)
        return state

    def reparse(self) -> None:
        """The parsed document again, after the result came from a worker process."""
        if self.document is None and self.fmt == "docx" and self.raw is not None:
            from .word.reading import read

            self.document = Document(self.decoded.text if self.decoded else "", self.path, "docx", source=read(self.raw))
        elif self.document is None and self.decoded is not None:
            self.document = Document(self.decoded.text, self.path, self.fmt)


def enabled_rules(cfg: Config) -> frozenset[str]:
    return _enabled(None if cfg.select is None else tuple(cfg.select), tuple(cfg.ignore), tuple(cfg.extend_select))


def _selects(select, ignore, extend, rule_id: str, default: bool = True, forced: bool = False) -> bool:
    """Whether a selection reports rule_id. With no selection, the rules on by default; a
    selection (or ALL) names rules, opt-in ones included (and the core rules always);
    extend_select adds to either; ignore takes away."""
    if select is None:
        chosen = default
    else:
        chosen = forced or "ALL" in select or any(registry.matches(s, rule_id) for s in select)
    chosen = chosen or any(registry.matches(s, rule_id) for s in extend)
    return chosen and not any(registry.matches(s, rule_id) for s in ignore)


@lru_cache(maxsize=64)
def _enabled(select: tuple[str, ...] | None, ignore: tuple[str, ...], extend: tuple[str, ...] = ()) -> frozenset[str]:
    forced = {r.id for r in registry.CORE_RULES if r.id != "copydesk.unused-suppression"}
    return frozenset(r for r, rule in registry.all_rules().items()
                     if _selects(select, ignore, extend, r, rule.default, r in forced))


def _family_enabled(cfg: Config, rule_id: str) -> bool:
    """A rule a checker made as it went (grammar.<id>): reported unless the selection leaves it out."""
    return _family_on(None if cfg.select is None else tuple(cfg.select), tuple(cfg.ignore), tuple(cfg.extend_select), rule_id)


@lru_cache(maxsize=4096)
def _family_on(select, ignore, extend, rule_id: str) -> bool:
    return _selects(select, ignore, extend, rule_id)


@lru_cache(maxsize=64)
def _layout_selected(enabled: frozenset[str]) -> bool:
    return any(r.startswith("layout.") for r in enabled)


def _severity(cfg: Config, rule: str, default: str) -> str:
    best, size = default, -1
    for sel, sev in cfg.severity.items():
        if registry.matches(sel, rule) and len(sel) > size:
            best, size = sev, len(sel)
    return best


def _balanced(text: str, start: int, end: int) -> bool:
    from .parsers.html import balanced  # an HTML draft's only: a run of text drafts does without

    return balanced(text, start, end)


def locate(doc: Document, findings: list[Finding]) -> list[Finding]:
    """The findings with their place in the file as every tool counts it, found in one sweep.
    In a Word draft, a place is a paragraph number (as the line) and a character in it."""
    if doc.format == "docx" and doc.source is not None:
        return _locate_word(doc, findings)
    at = doc.lines.positions([o for f in findings for o in (f.start, f.end)])
    out = []
    for f in findings:
        a, z = at[f.start], at[f.end]
        excerpt = sys.intern(doc.text[f.start : f.end]) if f.end - f.start < 64 else doc.text[f.start : f.end]
        out.append(replace(f, path=doc.path, line=a.line, column=a.column, end_line=z.line, end_column=z.column,
                           excerpt=excerpt, column_utf16=a.column_utf16, end_column_utf16=z.column_utf16,
                           byte_start=a.byte, byte_end=z.byte))
    return out


def _locate_word(doc: Document, findings: list[Finding]) -> list[Finding]:
    word = doc.source
    nbytes = doc.lines.positions([o for f in findings for o in (f.start, f.end)])  # UTF-8 offsets in the text as read
    out = []
    for f in findings:
        (pa, ca), (pz, cz) = word.place(f.start), word.place(f.end)
        a16 = len(word.paragraph_text(pa - 1)[:ca].encode("utf-16-le")) // 2 if word.paragraphs else 0
        z16 = len(word.paragraph_text(pz - 1)[:cz].encode("utf-16-le")) // 2 if word.paragraphs else 0
        out.append(replace(f, path=doc.path, line=pa, column=ca + 1, end_line=pz, end_column=cz + 1,
                           excerpt=doc.text[f.start:f.end], column_utf16=a16 + 1, end_column_utf16=z16 + 1,
                           byte_start=nbytes[f.start].byte, byte_end=nbytes[f.end].byte))
    return out


def _suppress(doc: Document, findings: list[Finding], enabled: frozenset[str]) -> list[Finding]:
    """The findings no suppression comment covers, with an unused-suppression finding for each
    comment that covered nothing (when that rule is on)."""
    if not doc.directives:
        return findings
    kept, unused = suppressions.apply(doc, findings, registry.matches)
    if "copydesk.unused-suppression" in enabled:
        rule = registry.all_rules()["copydesk.unused-suppression"]
        for d in unused:
            what = ", ".join(d.rules) if d.rules else "all rules"
            kept += locate(doc, [Finding(rule.id, rule.severity, f"This copydesk-{d.action} ({what}) suppressed nothing; remove it.",
                                         d.start, d.end)])
    return kept


def _invalid(f, size: int) -> str | None:
    """What is wrong with a finding a checker returned, or None: its rule, severity and message,
    a span inside the draft, and edits inside it that do not overlap."""
    if not isinstance(f, Finding):
        return f"{type(f).__name__} is not a Finding"
    if not isinstance(f.rule, str) or not isinstance(f.message, str):
        return "its rule and message must be strings"
    if f.severity not in SEVERITIES:
        return f"severity {f.severity!r} is not one of {', '.join(SEVERITIES)}"
    if not (type(f.start) is int and type(f.end) is int and 0 <= f.start <= f.end <= size):
        return f"span {f.start!r}..{f.end!r} is not inside the draft (0..{size})"
    if f.fix is not None:
        last = -1
        for e in sorted(f.fix.edits, key=lambda e: (getattr(e, "start", 0), getattr(e, "end", 0))):
            if not (isinstance(e, Edit) and type(e.start) is int and type(e.end) is int and isinstance(e.text, str)
                    and 0 <= e.start <= e.end <= size):
                return f"edit {e!r} is not inside the draft (0..{size})"
            if e.start < last:
                return "its edits overlap"
            last = e.end
    return None


# The most findings listed for one draft: past it, one copydesk.too-many-findings says how many
# more there are, so that a draft of one fault repeated half a million times gives a report
# of bounded size.
MAX_FINDINGS = Context.LIMIT

# The checkers whose work grows with the number of quotation marks.
MARK_READERS = frozenset(("quotes", "attribution"))
MARK_CHARS = "\"'\u201c\u201d\u2018\u2019"


def _dense_marks(text: str) -> int:
    """The number of quotation marks and apostrophes in a draft too dense with them to be
    prose (over 2,000, and over one character in eight), else 0."""
    n = sum(text.count(c) for c in MARK_CHARS)
    return n if n > 2000 and n * 8 > len(text) else 0


def _enabled_among(cfg: Config, checkers: Sequence[Checker]) -> frozenset[str]:
    """The rules a selection reports among these checkers' rules and the core rules."""
    select = None if cfg.select is None else tuple(cfg.select)
    forced = {r.id for r in registry.CORE_RULES if r.id != "copydesk.unused-suppression"}
    rules = [*registry.CORE_RULES, *(r for c in checkers for r in c.rules)]
    return frozenset(r.id for r in rules
                     if _selects(select, tuple(cfg.ignore), tuple(cfg.extend_select), r.id, r.default, r.id in forced))


def check_document(doc: Document, cfg: Config, decoded: Decoded | None = None, *, house: House | None = None,
                   checkers: Sequence[Checker] | None = None) -> list[Finding]:
    """Every finding on a parsed draft, placed, suppressed, merged and sorted. The house and
    the checkers are the config's and the registry's unless given (as a Linter gives its own)."""
    enabled = enabled_rules(cfg) if checkers is None else _enabled_among(cfg, checkers)
    house = load_house(cfg.house) if house is None else house
    accept = cfg.accept_set
    findings: list[Finding] = []
    core = registry.all_rules() if checkers is None else {r.id: r for r in registry.CORE_RULES}
    # Worked out once per draft, with the config's layout options whether or not layout rules
    # are selected: the layout analysis and the draft as the checkers of its text read it.
    analysis = Analysis.default(doc, house, accept, cfg.checks.get("layout", {}))
    readers: list[Context] = []
    seconds = cfg.timeout * max(1.0, len(doc.text) / 1048576)
    marks = _dense_marks(doc.text)
    unread = list(doc.unread)
    if marks:
        first = MARK_RE.search(doc.text)
        assert first is not None  # there are marks: the count found them
        unread.append((first.start(), first.end(), f"This draft holds {marks:,} quotation marks and apostrophes, one in every "
                       f"{max(1, len(doc.text) // marks)} characters: too many for prose, so its quotations and their "
                       "speakers were not checked."))
    if "input.unread" in enabled:
        rule = core["input.unread"]
        findings += [Finding(rule.id, rule.severity, why, s, e) for s, e, why in unread]
    for rule_id, s, e, why in doc.notes:
        if rule_id in enabled:
            findings.append(Finding(rule_id, core[rule_id].severity, why, s, e))
    custom = newsroom_rules(cfg, house)
    for checker in registry.checkers() if checkers is None else checkers:
        if not any(r.id in enabled for r in checker.rules) and not (checker.family is not None and (
                _family_enabled(cfg, checker.family.id)
                or any(s.startswith(checker.id + ".") for s in [*(cfg.select or ()), *cfg.extend_select]))):
            continue
        if marks and checker.id in MARK_READERS:
            continue
        ctx = Context(checker, house, cfg.checks.get(checker.id, {}), accept, analysis, enabled=enabled,
                      grammar=dict(cfg.grammar) if cfg.grammar_enabled else {}, dense_marks=bool(marks), custom=custom)
        try:
            with budget.limit(seconds) if checker.budgeted else nullcontext():
                got = list(checker.check(doc, ctx))
        except budget.CheckerTimeout:
            rule = core["copydesk.internal-error"]
            findings.append(Finding(rule.id, rule.severity,
                                    f"checker '{checker.id}' was stopped on {doc.path} after {seconds:g} s (its time budget, "
                                    "the config's timeout per MB of draft); its findings for this draft are missing", 0, 0))
            continue
        except (Exception, SystemExit) as exc:  # one checker's bug must not hide the others' findings
            rule = core["copydesk.internal-error"]
            findings.append(
                Finding(rule.id, rule.severity, f"checker '{checker.id}' failed on {doc.path}: {type(exc).__name__}: {exc}", 0, 0)
            )
            continue
        for f in got:
            problem = _invalid(f, len(doc.text))
            if problem:  # checked at the boundary: a plugin's bad finding never reaches a report or a fix
                rule = core["copydesk.internal-error"]
                findings.append(Finding(rule.id, rule.severity,
                                        f"checker '{checker.id}' gave a bad finding on {doc.path}: {problem}", 0, 0))
            elif f.rule in enabled or (checker.family is not None and _family_enabled(cfg, f.rule)):
                if f.fix is not None and doc.format == "html" and not all(
                        _balanced(doc.text, e.start, e.end) for e in f.fix.edits):
                    f = replace(f, fix=None)  # it would leave a stray tag: reported, not fixed
                findings.append(f)
        if ctx.reads:
            readers.append(ctx)
    consequences: dict[int, list[Finding]] = {}  # index of a layout cause -> what it causes
    if readers and analysis.reading.changed:
        consequences = _consequences(doc, analysis, readers, findings, enabled, seconds)
    if decoded is not None and decoded.bad_byte is not None and "input.encoding" in enabled:
        rule = core["input.encoding"]
        bad = decoded.bad_byte
        findings.append(
            Finding(rule.id, rule.severity,
                    "This byte is not UTF-8: the file was read with such bytes as cp1252 characters; save it as UTF-8.",
                    bad, min(bad + 1, len(doc.text)))
        )
    # Consequences are matched to their findings by identity: placed as they are, in one sweep.
    extra = [f for fs in consequences.values() for f in fs]
    placed = locate(doc, findings + extra)
    moved = {id(f): g for f, g in zip(findings + extra, placed)}
    consequences = {k: [moved[id(f)] for f in fs] for k, fs in consequences.items()}
    findings = _suppress(doc, placed, enabled)
    if cfg.severity:
        sev = {id(f): _severity(cfg, f.rule, f.severity) for f in findings}
        if any(sev[id(f)] != f.severity for f in findings):
            moved = {id(f): replace(f, severity=sev[id(f)]) for f in findings}
            findings = [moved[id(f)] for f in findings]
            consequences = {k: [moved.get(id(f), f) for f in fs] for k, fs in consequences.items()}
    if consequences:
        findings = merge_consequences(doc, analysis, findings, consequences)
    if _layout_selected(enabled) and any(c.deletes for c in analysis.layout.structure.causes):
        findings = _drop_inside_deleted(analysis, findings)
    seen = set()
    out = []
    for f in findings:
        key = (f.rule, f.start, f.end, f.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    out.sort(key=Finding.sort_key)
    if len(out) > MAX_FINDINGS:
        rule = core["copydesk.too-many-findings"]
        last = out[MAX_FINDINGS - 1]
        out = out[:MAX_FINDINGS]
        cut = Finding(rule.id, rule.severity, f"More findings after this point are not listed (a draft lists at most "
                      f"{MAX_FINDINGS:,}); fix the ones above and check again.", last.end, last.end)
        out += locate(doc, [cut])
    return out


def _consequences(doc: Document, analysis: Analysis, readers: list[Context], findings: list[Finding],
                  enabled: frozenset[str], seconds: float) -> dict[int, list[Finding]]:
    """Run the checkers that read the article's text on the draft as it stands; what they find
    only there is caused by a layout fault. Each such finding goes to the nearest fault: an
    unclosed quotation to the one after it, anything else to the one before it on a tie."""
    causes = analysis.layout.structure.causes
    if not causes:
        return {}
    have = {(f.rule, f.start, f.end) for f in findings}
    starts = [b.start for b in doc.blocks]
    # Causes by their first block, with the one reaching furthest among each prefix, so that
    # the nearest cause before and after a block are found by bisection.
    order = sorted(range(len(causes)), key=lambda k: min(causes[k].blocks))
    los = [min(causes[k].blocks) for k in order]
    reach: list[tuple[int, int]] = []  # (furthest last block, cause) over order[: i + 1]
    for k in order:
        hi = max(causes[k].blocks)
        reach.append(max(reach[-1], (hi, k)) if reach else (hi, k))
    out: dict[int, list[Finding]] = {}
    for ctx in readers:
        try:
            with budget.limit(seconds):
                found = [f for f in ctx.checker.check(doc, replace(ctx, as_it_stands=True))
                         if not _invalid(f, len(doc.text)) and f.rule in enabled]
        except (Exception, SystemExit, budget.CheckerTimeout):  # failed or ran out on this reading: nothing to merge
            continue
        for f in found:
            if (f.rule, f.start, f.end) in have:
                continue
            have.add((f.rule, f.start, f.end))
            at = bisect_right(starts, f.start) - 1
            prefer_after = f.rule == "quotes.unclosed"
            options = []  # (distance, on the side not preferred, cause)
            i = bisect_right(los, at) - 1
            if i >= 0:
                hi, k = reach[i]
                options.append((max(at - hi, 0), prefer_after and hi < at, k))
            if i + 1 < len(order):
                options.append((los[i + 1] - at, not prefer_after, order[i + 1]))
            out.setdefault(min(options)[2], []).append(f)
    return out


# How a consequence is told in its cause's message ("it also leaves …"): one of them, several.
TOLD = {
    "quotes.unclosed": ("the quotation opened on line {} unclosed", "the quotations opened on lines {} unclosed"),
    "quotes.unopened": ("the closing quotation mark on line {} without its opening mark",
                        "the closing quotation marks on lines {} without their opening marks"),
    "attribution.unattributed-quote": ("the quotation on line {} without its speaker",
                                       "the quotations on lines {} without their speaker"),
}


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def merge_consequences(doc: Document, analysis: Analysis, findings: list[Finding],
                       consequences: dict[int, list[Finding]]) -> list[Finding]:
    """Report a layout fault once: the findings it causes (still there after suppression) go
    into its message and it takes the highest severity among them. Findings caused inside the
    text the fault's fix deletes are dropped with them. When the fault's own finding is not
    reported (its rule is not selected, or it is suppressed), its consequences are reported as
    they are."""
    st = analysis.layout.structure
    kept = {id(f) for f in findings}
    roots = {(f.rule, f.start, f.end): f for f in findings}
    starts = [b.start for b in doc.blocks]
    drop: set[int] = set()
    merged: dict[int, Finding] = {}  # id of a cause's finding -> it, with its consequences told
    for k, found in consequences.items():
        cause = st.causes[k]
        root = roots.get((cause.rule, cause.start, cause.end))
        live = [f for f in found if id(f) in kept]
        if root is None or not live:
            continue
        drop.update(id(f) for f in live)
        told = [f for f in live if bisect_right(starts, f.start) - 1 not in st.skip]
        if not told:
            continue
        leaves, causes = [], []
        for rule in dict.fromkeys(f.rule for f in told):
            lines = _and([str(n) for n in sorted({f.line for f in told if f.rule == rule})])
            several = " and " in lines
            if rule in TOLD:
                leaves.append(TOLD[rule][several].format(lines))
            else:
                causes.append(f"{rule} findings on lines {lines}" if several else f"a {rule} finding on line {lines}")
        told_as = ([f"leaves {_and(leaves)}"] if leaves else []) + ([f"causes {_and(causes)}"] if causes else [])
        base = merged.get(id(root), root)
        merged[id(root)] = replace(base, message=f"{base.message.rstrip().rstrip('.')} (as it stands, it also {' and '.join(told_as)}).",
                                   severity=max([base.severity, *(f.severity for f in told)], key=RANK.__getitem__))
    return [merged.get(id(f), f) for f in findings if id(f) not in drop]


def _drop_inside_deleted(analysis: Analysis, findings: list[Finding]) -> list[Finding]:
    """A finding of another checker inside text that a reported layout finding says to delete
    (page furniture, a teaser, run-in furniture) goes with that text: one fault, one finding."""
    core = {r.id for r in registry.CORE_RULES}
    causes = {(c.rule, c.start, c.end) for c in analysis.layout.structure.causes if c.deletes}
    spans = sorted((f.start, f.end) for f in findings if (f.rule, f.start, f.end) in causes)
    if not spans:
        return findings
    starts = [a for a, _z in spans]
    out = []
    for f in findings:
        if f.checker != "layout" and f.rule not in core:
            i = bisect_right(starts, f.start) - 1
            if i >= 0 and f.end <= spans[i][1]:
                continue
        out.append(f)
    return out


def read_draft(path: str, data: bytes | None = None, limit: int | None = None) -> Decoded:
    data = read_bytes(path, data, limit)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # an OLE file: old Word, Excel or PowerPoint
        raise InputError(f"{path}: an old binary Office file (a Word .doc, say), which copydesk does not read; "
                         "open it in Word or LibreOffice and save it as .docx")
    if data.startswith(MAGIC):
        raise BinaryInput(f"{path}: binary file (an image, archive or document, not text); skipped")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # the byte-order mark of UTF-16 (or UTF-32)
        raise InputError(f"{path}: UTF-16 and UTF-32 text are not supported; save the draft as UTF-8")
    if b"\x00" in data:
        raise BinaryInput(f"{path}: binary file (it holds NUL bytes); skipped")
    return decode(data)


def read_bytes(path: str, data: bytes | None = None, limit: int | None = None) -> bytes:
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
    return data


def read_word(path: str, data: bytes | None = None, limit: int | None = None):
    """A .docx read as a Word draft (InputError when it cannot be)."""
    data = read_bytes(path, data, limit)
    try:
        from .word.reading import read
    except ImportError as exc:
        raise InputError(f"{path}: reading Word drafts needs lxml ({exc.name} is missing): pip install lxml") from None
    from .word.package import WordError

    try:
        return read(data)
    except WordError as exc:
        raise InputError(f"{path}: {exc}") from None


def check_word(name: str, word, cfg: Config) -> FileResult:
    doc = Document(word.text, name, "docx", source=word)
    decoded = Decoded(word.text, False, "docx", raw=word.package.data)
    return FileResult(name, check_document(doc, cfg, decoded), document=doc, raw=word.package.data, decoded=decoded,
                      fmt="docx")


def check_file(path: str, cfg: Config, data: bytes | None = None, display: str | None = None, fmt: str | None = None,
               limit: int | None = None) -> FileResult:
    name = display or path
    if (fmt or format_for(path if display is None else display)) == "docx":
        try:
            word = read_word(path, data, limit)
        except InputError as exc:
            return FileResult(name, error=str(exc))
        return check_word(name, word, cfg)
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
    return FileResult(name, check_document(doc, cfg, decoded), document=doc, raw=decoded.raw, decoded=decoded, fmt=doc.format)


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
        elif p == "-":
            files.append(p)
        else:
            try:
                os.stat(p)
            except FileNotFoundError:
                errors.append(f"{p}: no such file or folder")
            except PermissionError:
                errors.append(f"{p}: permission denied (a folder on its path cannot be opened or searched)")
            except (OSError, ValueError) as exc:  # a name the system cannot take (a NUL in it)
                errors.append(f"{p}: cannot read: {getattr(exc, 'strerror', None) or exc}")
            else:
                cfg = cfg_for_dir(p)  # a wrong config stops the run: it is not this file's fault
                if not (cfg.force_exclude and cfg.excluded_file(p)):  # named, but excluded by the config
                    files.append(p)
    return files, errors
