"""--diff-base REF: keep only findings on lines added or changed since a git ref."""

from __future__ import annotations

import bisect
import os
import re
import subprocess
from . import recache

HUNK_RE = recache.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


class DiffError(Exception):
    pass


def _git(cwd: str, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise DiffError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise DiffError("git did not answer in 60 seconds") from None


def changed_lines(path: str, ref: str) -> set[int] | None:
    """1-based line numbers of path added or changed since ref; None when every line is new."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise DiffError(f"{path} is not in a git repository")
    root = top.stdout.strip()
    if _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise DiffError(f"'{ref}' is not a commit git knows")
    rel = os.path.relpath(os.path.realpath(path), os.path.realpath(root)).replace(os.sep, "/")
    if _git(root, "cat-file", "-e", f"{ref}:{rel}").returncode != 0:
        return None  # the file is new since ref
    diff = _git(root, "diff", "-U0", "--no-color", "--no-ext-diff", ref, "--", rel)
    if diff.returncode != 0:
        raise DiffError(f"git diff failed: {diff.stderr.strip()}")
    lines: set[int] = set()
    for m in HUNK_RE.finditer(diff.stdout):
        start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
        lines.update(range(start, start + count))
    return lines


def keep_changed(findings, lines: set[int] | None, text: str | None = None):
    """The findings on lines git counts as changed. git ends a line at "\n" only, so with the
    draft's text the findings' lines are counted as git counts them (a CR-only file is one line
    to git)."""
    if lines is None:
        return list(findings)
    if text is None or "\r" not in text:  # without a CR, the draft's lines are git's
        return [f for f in findings if any(n in lines for n in range(f.line, f.end_line + 1))]
    breaks = [m.start() for m in re.finditer("\n", text)]

    def git_line(pos: int) -> int:
        return bisect.bisect_left(breaks, pos) + 1

    return [f for f in findings if any(n in lines for n in range(git_line(f.start), git_line(max(f.start, f.end - 1)) + 1))]
