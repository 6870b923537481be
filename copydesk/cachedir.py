"""Where copydesk keeps what it has worked out for the next process: the user's cache folder
($XDG_CACHE_HOME, else ~/.cache), under copydesk/; and how a file there is read."""

from __future__ import annotations

import os


def folder(*parts: str) -> str:
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: ignored, as the XDG spec says
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "copydesk", *parts)


def read_bytes(path: str, limit: int) -> bytes | None:
    """The bytes of the regular file at path, or None when it is missing, is anything else (a
    pipe, a device, a folder) or holds more than limit bytes: a cache file is never waited on
    nor read without end."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        import stat

        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)
