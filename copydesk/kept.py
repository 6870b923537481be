"""A dict kept between processes: one marshal file in the user's cache, behind a checksum,
read whole and written whole (a temporary file renamed over it). A file that is missing,
damaged or of another shape reads as empty; one that cannot be written is left as it was.
COPYDESK_NO_CACHE turns both off. Used for compiled regular expressions (recache), the
methods of copydesk's dataclasses (classcache) and tables built from word lists (built)."""

from __future__ import annotations

import marshal
import os
import sys
import zlib

MAX_BYTES = 2 * 1024 * 1024  # a file grown past this (entries no longer used) starts again


def read(path: str) -> dict:
    if os.environ.get("COPYDESK_NO_CACHE"):
        return {}
    from .cachedir import read_bytes

    raw = read_bytes(path, MAX_BYTES + 4)
    try:
        if raw is not None and len(raw) > 4 and zlib.crc32(raw[4:]).to_bytes(4, "big") == raw[:4]:  # whole, as written
            data = marshal.loads(raw[4:])
            if isinstance(data, dict):
                return data
    except (EOFError, ValueError, TypeError, RecursionError, MemoryError):
        pass
    return {}


def write(path: str, kept: dict, new: dict) -> bool:
    """kept with new added, as the file at path (only new when the whole would be too big);
    whether it was written."""
    if not new or os.environ.get("COPYDESK_NO_CACHE"):
        return False
    data = dict(kept)
    data.update(new)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        blob = marshal.dumps(data)
        if len(blob) > MAX_BYTES:
            blob = marshal.dumps(dict(new))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(zlib.crc32(blob).to_bytes(4, "big") + blob)
        os.replace(tmp, path)
        return True
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


class Store:
    """One such dict in the user's cache folder, under name: read when first asked of, and what
    this process adds written at its exit (read and write above), when the files of the names it
    replaces (earlier generations of it) are removed."""

    def __init__(self, name: str, replaces: tuple[str, ...] = ()):
        self.name = name
        self.replaces = replaces  # names of files this one took over from: removed when it is written
        self.kept: dict | None = None  # the file's entries, once read
        self.new: dict = {}  # what this process has added

    def path(self) -> str:
        from .cachedir import folder

        return folder(self.name)

    def get(self, key):
        if self.kept is None:
            self.kept = read(self.path())
        return self.kept.get(key)

    def put(self, key, value) -> None:
        if not self.new:
            import atexit

            atexit.register(self.save)
        self.new[key] = value

    def save(self) -> None:
        if self.new and write(self.path(), read(self.path()) if self.kept is None else self.kept, self.new):
            from .cachedir import folder

            for name in self.replaces:
                try:
                    os.unlink(folder(name))
                except OSError:  # already gone, or not ours to remove
                    pass
        self.new.clear()


# Values built from a text (a word list's table, a pack's lexicon), kept between processes.
BUILT = Store(f"built-{sys.implementation.cache_tag}.marshal")


def built(name: str, text: str, build, holds=lambda value: True):
    """build(), a value marshal can hold made from text alone, taken from the user's cache when
    the same name was built from the very same text before (its length and two checksums) and
    holds(value) says it has the shape build gives (else it is built again)."""
    data = text.encode("utf-8", "surrogatepass")
    key = (name, len(data), zlib.crc32(data), zlib.adler32(data))
    value = BUILT.get(key)
    if value is not None:
        try:
            if holds(value):
                return value
        except Exception:  # a value of another shape: built again below
            pass
    value = build()
    BUILT.put(key, value)
    return value
