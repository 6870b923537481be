"""A time budget for one checker on one draft: past it, the checker is stopped by an exception
raised in its own thread, and the engine reports it as copydesk.internal-error while the
other checkers' findings stand.

One watchdog thread serves every thread that checks drafts. A checker is stopped when it next
runs Python code: a loop is stopped at once; a call that blocks inside C (a sleep, a read)
is stopped when it returns.
"""

from __future__ import annotations

import threading
import time


class CheckerTimeout(BaseException):
    """Raised inside a checker that ran past its budget. A BaseException, so that a checker's
    own `except Exception` cannot swallow it."""


def _set_async_exc(tid: int, exc: type[BaseException] | None) -> None:
    """Raise exc in thread tid when it next runs Python code (None: take back one not yet raised).
    ctypes is imported here, the first time a budget runs out."""
    import ctypes

    call = ctypes.pythonapi.PyThreadState_SetAsyncExc
    call.argtypes = (ctypes.c_ulong, ctypes.py_object)
    call(tid, ctypes.py_object() if exc is None else ctypes.py_object(exc))


class _Watchdog:
    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.deadlines: dict[int, tuple[float, int]] = {}  # thread id -> (deadline, token)
        self.fired: set[int] = set()  # tokens whose exception has been sent
        self.thread: threading.Thread | None = None
        self.token = 0
        self.wakes = 0.0  # when the watchdog next looks of itself: a later deadline need not wake it

    def arm(self, seconds: float) -> int:
        with self.cond:
            self.token += 1
            at = time.monotonic() + seconds
            self.deadlines[threading.get_ident()] = (at, self.token)
            if self.thread is None or not self.thread.is_alive():  # the first budget, or a forked worker's
                self.thread = threading.Thread(target=self._run, name="copydesk-budget", daemon=True)
                self.wakes = at
                self.thread.start()
            elif at < self.wakes:
                self.cond.notify()  # sooner than the watchdog would look: it must look again now
            return self.token

    def disarm(self, token: int) -> bool:
        """Stop watching; True when the budget ran out (the exception may still be pending, and
        is cleared here so that it cannot land outside the checker)."""
        tid = threading.get_ident()
        with self.cond:
            if self.deadlines.get(tid, (0, None))[1] == token:
                del self.deadlines[tid]
            if token in self.fired:
                self.fired.discard(token)
                _set_async_exc(tid, None)  # clear it if it has not been raised yet
                return True
            return False

    def _run(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                due = [(tid, tok) for tid, (at, tok) in self.deadlines.items() if at <= now]
                for tid, tok in due:
                    del self.deadlines[tid]
                    self.fired.add(tok)
                    _set_async_exc(tid, CheckerTimeout)
                # Woken by a sooner deadline, or at the soonest it knows of (one a checker that
                # finished in time has taken back is looked at, found gone, and passed over).
                self.wakes = min((at for at, _tok in self.deadlines.values()), default=now + 60)
                self.cond.wait(timeout=max(self.wakes - now, 0.001))


_WATCHDOG = _Watchdog()


class limit:
    """with limit(seconds): ... raises CheckerTimeout in the block once seconds have passed."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.token = 0
        self.expired = False

    def __enter__(self) -> "limit":
        if self.seconds is not None:
            self.token = _WATCHDOG.arm(self.seconds)
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self.seconds is not None:
            self.expired = _WATCHDOG.disarm(self.token)
        if self.expired and exc_type is None:
            raise CheckerTimeout()  # it ran out as the block ended: the result may be cut short
        return False
