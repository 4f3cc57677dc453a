"""Run slow work off the UI thread and get the result back on it.

Key derivation takes about half a second by design; doing it on the UI thread
would freeze the window. :func:`run_in_background` is the one helper for that
(Anki's ``QueryOp`` in miniature): the function runs on Qt's thread pool and
never touches widgets; its result or exception arrives in a callback on the
UI thread.

A result may come back after the window that asked for it is gone (the vault
was locked, a dialog closed). Such a result is dropped, never delivered to a
deleted widget: when the callbacks are methods of a QObject (or an ``owner``
is given), delivery checks that object still exists. A caller that no longer
wants a result (a newer search replaced it) cancels its :class:`Job`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

__all__ = ["Job", "pending_count", "run_in_background"]

log = logging.getLogger(__name__)

# Relays waiting for their task; holding them here keeps them alive until their
# delivery on the UI thread (never deleted on the pool thread), cancelled or not.
_pending: set[_Relay] = set()


class _Relay(QObject):
    """Carries a result from the pool thread to the UI thread.

    The relay lives on the UI thread, so signals emitted on the pool thread
    reach its slots through Qt's queued connection. It has no parent: a
    parent's deletion would delete it while the pool thread may still emit
    on it ("Signal source has been deleted").

    Signals:
        succeeded(object): the function's return value.
        failed(object): the exception it raised.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None,
    ) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_error = on_error
        self._owner = owner
        self.cancelled = False
        self.succeeded.connect(self._deliver_success, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)

    def _wanted(self) -> bool:
        """Whether the result still has somewhere to go (also ends the wait for it)."""
        _pending.discard(self)
        if self.cancelled:
            return False
        if self._owner is not None and not shiboken6.isValid(self._owner):
            log.debug("a background result arrived after its window was gone")
            return False
        return True

    @Slot(object)
    def _deliver_success(self, value: Any) -> None:
        if self._wanted():
            self._on_success(value)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        if self._wanted():
            self._on_error(exc)


class Job:
    """A handle on one background call: wait for its function, or drop its result."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._finished = threading.Event()

    def cancel(self) -> None:
        """Drop the result (UI thread): no callback runs; the job no longer counts as pending.

        The function itself runs on until it returns; stop it by its own
        means (a database interrupt) and :meth:`wait` for it if it uses
        something about to close.
        """
        self._relay.cancelled = True

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the function to return; True if it has."""
        return self._finished.wait(timeout)

    @property
    def finished(self) -> bool:
        """True once the function returned or raised (its callback may still be queued)."""
        return self._finished.is_set()


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, job: Job) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._job = job

    def run(self) -> None:  # QRunnable.run
        try:
            result = self._fn()
        except BaseException as exc:
            self._job._finished.set()
            self._emit(self._relay.failed, exc)
        else:
            self._job._finished.set()
            self._emit(self._relay.succeeded, result)

    def _emit(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The relay was deleted under us (the application is quitting):
            # nobody is left to tell. Never let that escape on a pool thread.
            log.debug("a background result had nowhere to go")


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    owner: QObject | None = None,
) -> Job:
    """Call ``fn()`` on a pool thread; then one of the callbacks on the UI thread.

    Args:
        fn: the work; it must not touch widgets.
        on_success: called with ``fn``'s return value.
        on_error: called with the exception ``fn`` raised.
        owner: the object the callbacks belong to; if it is deleted first, the
            result is dropped. Defaults to ``on_success``'s object when that
            is a method of a QObject.
    """
    if owner is None:
        bound_to = getattr(on_success, "__self__", None)
        owner = bound_to if isinstance(bound_to, QObject) else None
    relay = _Relay(on_success, on_error, owner)
    job = Job(relay)
    _pending.add(relay)
    QThreadPool.globalInstance().start(_Task(fn, relay, job))
    return job


def pending_count() -> int:
    """How many background tasks have not reported back yet, cancelled ones aside.

    Tests wait on it; locking waits for it (a re-key or backup uses the vault key).
    """
    return sum(1 for relay in _pending if not relay.cancelled)
