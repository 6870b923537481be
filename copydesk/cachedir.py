"""Where copydesk keeps what it has worked out for the next process: the user's cache folder
($XDG_CACHE_HOME, else ~/.cache), under copydesk/."""

from __future__ import annotations

import os


def folder(*parts: str) -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "copydesk", *parts)
