"""`check --fix` and `--annotate` on a Word draft: the safe fixes (and unsafe ones when asked)
written as tracked changes, then the findings left as comments; the file written atomically,
as --fix writes any draft. With --diff alone, the text the fixes would give is shown as a diff
and nothing is written."""

from __future__ import annotations

from collections import Counter

from .reading import read
from .writing import Note, annotate, track

SKIPPED_IN_COMMENTS = ("input.tracked-changes",)  # about the whole draft, not a span of it


def comment_text(f) -> str:
    text = f"{f.message} ({f.rule})"
    if f.suggestions:
        text += " Suggestion: " + " or ".join(f"“{s}”" for s in f.suggestions) + "."
    return text


def fix_word(result, path: str, cfg, opts, errors: list[str], shown: list, diffs: list[str]) -> int:
    """Fix and annotate one checked Word draft; the result then holds what is left. Returns how
    many findings the fixes removed."""
    from ..engine import check_word
    from ..fixer import FixError, choose, write_atomic
    from ..patch import unified

    doc = result.document
    word = doc.source
    original = word.package.data
    data, current, applied = original, result, 0
    rules: Counter = Counter()
    if opts.fix or opts.diff:
        chosen = choose(result.findings, opts.unsafe_fixes)
        edits = sorted((e.start, e.end, e.text) for f in chosen for e in f.fix.edits)
        new, bad = track(word, edits)
        if new is not None:
            data = new
            current = check_word(result.path, read(new), cfg)
            before = Counter((f.rule, f.excerpt) for f in result.findings)
            after = Counter((f.rule, f.excerpt) for f in current.findings)
            applied = sum((before - after).values())
            unwritten = set(bad)
            rules.update(f.rule for f in chosen if not any((e.start, e.end, e.text) in unwritten for e in f.fix.edits))
    if opts.diff and not opts.fix and not opts.annotate:
        if data != original:
            diffs += unified(result.path, doc.text, current.document.text)
        return applied
    if opts.annotate:
        notes = [Note(f.start, f.end, comment_text(f)) for f in current.findings if f.rule not in SKIPPED_IN_COMMENTS]
        if notes:
            data = annotate(current.document.source, notes)
            current = check_word(result.path, read(data), cfg)
    if data == original:
        return 0
    if path != "-":
        try:
            write_atomic(path, data, original)
        except FixError as exc:
            errors.append(f"{path}: {exc}")
            return 0
    else:
        result.fixed = data
    result.document, result.findings, result.raw, result.decoded = (current.document, current.findings, data,
                                                                   current.decoded)
    if rules:
        shown.append((result.path, rules))
    return applied
