"""`check --fix` and `--annotate` on a Word draft: the safe fixes (and unsafe ones when asked)
written as tracked changes, then the findings left as comments; the file written atomically,
as --fix writes any draft. With --diff alone, the text the fixes would give is shown as a diff
and nothing is written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .reading import read
from .writing import Note, annotate, track

SKIPPED_IN_COMMENTS = ("input.tracked-changes",)  # about the whole draft, not a span of it


def comment_text(f) -> str:
    text = f"{f.message} ({f.rule})"
    shown = [s for s in f.suggestions if s.strip()]
    if shown:
        text += " Suggestion: " + " or ".join(f"“{s}”" for s in shown) + "."
    return text


def _edits(chosen) -> list[tuple[int, int, str]]:
    return sorted((e.start, e.end, e.text) for f in chosen if f.fix is not None for e in f.fix.edits)


@dataclass
class Done:
    """A Word draft after fixing and annotating: its bytes, the draft and findings as now read,
    how many findings the fixes removed, and the rules fixed."""

    data: bytes
    doc: Any
    findings: list
    applied: int
    rules: Counter


def fix_package(data: bytes, doc, findings: list, check: Callable[[bytes], tuple[Any, list]], *, fix: bool = True,
                unsafe: bool = False, notes: bool = False) -> Done:
    """The draft (data, read as doc with findings) with its fixes written as tracked changes
    and its findings left written as comments. check: a package's bytes to (document, findings)."""
    from ..fixer import MAX_PASSES, choose

    current_doc, current, applied = doc, findings, 0
    rules: Counter = Counter()
    out = data
    banned: set[tuple[str, str, str]] = set()  # fixes that left their finding standing, or cannot be tracked

    def key(f) -> tuple[str, str, str]:
        return (f.rule, f.message, f.excerpt)

    for _pass in range(MAX_PASSES if fix else 0):  # a fix can bring out another (as --fix on text)
        chosen = choose([f for f in current if key(f) not in banned], unsafe)
        if not chosen:
            break
        new, bad = track(current_doc.source, _edits(chosen))
        if bad:  # a fix with an edit that cannot be a tracked change is left out whole
            unwritable = set(bad)
            banned |= {key(f) for f in chosen if f.fix is not None
                       and any((e.start, e.end, e.text) in unwritable for e in f.fix.edits)}
            chosen = [f for f in chosen if key(f) not in banned]
            new, _bad = track(read(out), _edits(chosen)) if chosen else (None, [])
        if new is None:
            break
        new_doc, new_findings = check(new)
        banned |= {key(f) for f in chosen} & {key(f) for f in new_findings}
        out, current_doc, current = new, new_doc, new_findings
        rules.update(f.rule for f in chosen)
    after = Counter((f.rule, f.excerpt) for f in current)
    applied = sum((Counter((f.rule, f.excerpt) for f in findings) - after).values())
    if notes:
        wanted = [Note(f.start, f.end, comment_text(f)) for f in current if f.rule not in SKIPPED_IN_COMMENTS]
        if wanted:
            out = annotate(current_doc.source, wanted)
            current_doc, current = check(out)
    return Done(out, current_doc, current, applied, rules)


def fix_word(result, path: str, cfg, opts, errors: list[str], shown: list, diffs: list[str]) -> int:
    """`check --fix`, `--annotate` or `--diff` on one checked Word draft; the result then holds
    what is left. Returns how many findings the fixes removed."""
    from ..engine import check_word
    from ..fixer import FixError, write_atomic
    from ..patch import unified

    def check(data: bytes):
        done = check_word(result.path, read(data), cfg)
        return done.document, done.findings

    original = result.document.source.package.data
    diff_only = opts.diff and not opts.fix and not opts.annotate
    done = fix_package(original, result.document, result.findings, check, fix=opts.fix or opts.diff,
                       unsafe=opts.unsafe_fixes, notes=opts.annotate and not diff_only)
    if diff_only:
        if done.data != original:
            diffs += unified(result.path, result.document.text, done.doc.text)
        return done.applied
    if done.data == original:
        return 0
    if path != "-":
        try:
            write_atomic(path, done.data, original)
        except FixError as exc:
            errors.append(f"{path}: {exc}")
            return 0
    else:
        result.fixed = done.data
    result.document, result.findings, result.raw = done.doc, done.findings, done.data
    result.decoded = replace(result.decoded, text=done.doc.text, raw=done.data)
    if done.rules:
        shown.append((result.path, done.rules))
    return done.applied
