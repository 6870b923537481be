"""Writing a file whole or not at all: the bytes go to a temporary file in the same folder,
which then takes the file's place by a rename. Used by --fix for drafts and by --output for
reports."""

from __future__ import annotations

import os
import signal
import tempfile
from typing import Callable


def _block_signals():
    if hasattr(signal, "pthread_sigmask"):
        return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    return None


def _restore_signals(previous) -> None:
    if previous is not None:
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
