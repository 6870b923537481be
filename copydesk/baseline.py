"""Baselines: record today's findings so that CI reports only new ones.

A finding is recorded by its path (relative to the baseline file), rule and a fingerprint of
its text, never its line number, so that edits above it do not make it new."""

from __future__ import annotations

import json
import os
from collections import Counter

from . import atomic
from .fingerprint import fingerprint

FORMAT = 1
MAX_BYTES = 256 * 1048576  # a baseline larger than this is not one copydesk wrote for drafts


class BaselineError(Exception):
    pass


def _key(result, f, folder: str) -> tuple[str, str, str]:
    rel = os.path.relpath(os.path.abspath(result.path), folder).replace(os.sep, "/")
    return rel, f.rule, fingerprint(f, result.document)


def write(path: str, results) -> int:
    folder = os.path.dirname(os.path.abspath(path))
    counts = Counter(_key(r, f, folder) for r in results for f in r.findings)
    data = {
        "tool": "copydesk",
        "format": FORMAT,
        "findings": [
            {"path": p, "rule": rule, "fingerprint": fp, "count": n} for (p, rule, fp), n in sorted(counts.items())
        ],
    }
    atomic.write_output(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
    return sum(counts.values())


def load(path: str) -> Counter:
    try:
        data = json.loads(atomic.read_limited(path, MAX_BYTES).decode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not a copydesk baseline: {exc}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a copydesk baseline: nested too deeply to read") from None
    if not isinstance(data, dict) or data.get("tool") != "copydesk" or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a copydesk baseline")
    counts: Counter = Counter()
    for item in data["findings"]:
        try:
            counts[(item["path"], item["rule"], item["fingerprint"])] += int(item.get("count", 1))
        except (KeyError, TypeError, ValueError, OverflowError):
            raise BaselineError(f"{path}: a baseline entry lacks path, rule or fingerprint, or has a count "
                                "that is not a whole number") from None
    return counts


def hide_known(results, counts: Counter, path: str) -> int:
    """Drop findings recorded in the baseline; return how many were hidden."""
    folder = os.path.dirname(os.path.abspath(path))
    hidden = 0
    for r in results:
        kept = []
        for f in r.findings:
            k = _key(r, f, folder)
            if counts[k] > 0:
                counts[k] -= 1
                hidden += 1
            else:
                kept.append(f)
        r.findings = kept
    return hidden
