"""Files copydesk reads and writes besides drafts. Writing is whole or not at all: the bytes go
to a temporary file in the same folder, which then takes the file's place by a rename (--fix,
--output, --write-baseline). Reading a config, pack or baseline takes only a regular file of
bounded size: a config found in a pull request may name /dev/zero."""

from __future__ import annotations

import os
import stat

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Callable


def _block_signals():
    import signal  # a write needs it; a check that writes nothing does without

    if hasattr(signal, "pthread_sigmask"):
        return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    return None


def _restore_signals(previous) -> None:
    if previous is not None:
        import signal

        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def replace(path: str, data: bytes, prepare: Callable[[str], None] | None = None) -> None:
    """Put data at path through a temporary file beside it. prepare(tmp) runs before the rename
    (to set owner and mode, or to check that nothing changed) and may raise to stop it. On any
    failure the temporary file is removed and path is as it was; OSError and prepare's own
    exceptions go to the caller."""
    folder = os.path.dirname(os.path.abspath(path))
    tmp = ""
    try:
        # No signal may land between creating the temporary file and remembering its name,
        # or the clean-up below would not know what to remove.
        blocked = _block_signals()
        try:
            import tempfile  # a run that writes nothing does without it

            fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".copydesk-tmp")
        finally:
            _restore_signals(blocked)
        with os.fdopen(fd, "wb") as fh:
            view = memoryview(data)
            for i in range(0, len(view), 1 << 20):
                fh.write(view[i : i + (1 << 20)])
            fh.flush()
            os.fsync(fh.fileno())
        if prepare is not None:
            prepare(tmp)
        os.replace(tmp, path)
        tmp = ""
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def read_limited(path: str, limit: int) -> bytes:
    """The bytes of a regular file of at most limit bytes. OSError (with a strerror that says
    why) for anything else: a device, a FIFO, a folder, a file too big."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise OSError(0, "not a regular file")
    if st.st_size > limit:
        raise OSError(0, f"over {limit // 1048576} MB")
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise OSError(0, f"over {limit // 1048576} MB")
    return data


def write_output(path: str, data: bytes, mode: int = 0o666) -> None:
    """Write a report or baseline. An existing device, FIFO or other special file (/dev/stdout,
    a pipe) is written into, never replaced; a symbolic link's target is replaced, the link
    kept; anything else is replaced whole through a temporary file."""
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "is a folder", path)
        with open(target, "wb") as fh:
            fh.write(data)
        return
    umask = os.umask(0)
    os.umask(umask)
    keep = stat.S_IMODE(st.st_mode) if st is not None else mode & ~umask
    replace(target, data, lambda tmp: os.chmod(tmp, keep))

