"""Run slow work off the UI thread and get the result back on it.

Key derivation takes about half a second by design; doing it on the UI thread
would freeze the window. :func:`run_in_background` is the one helper for that
(Anki's ``QueryOp`` in miniature): the function runs on Qt's thread pool and
never touches widgets; its result or exception arrives in a callback on the
UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

__all__ = ["pending_count", "run_in_background"]

# Relays waiting for their task; holding them here keeps them alive until delivery.
_pending: set[_Relay] = set()


class _Relay(QObject):
    """Carries a result from the pool thread to the UI thread.

    The relay lives on the UI thread, so signals emitted on the pool thread
    reach its slots through Qt's queued connection.

    Signals:
        succeeded(object): the function's return value.
        failed(object): the exception it raised.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_success: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_error = on_error
        self.succeeded.connect(self._deliver_success, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver_success(self, value: Any) -> None:
        _pending.discard(self)
        self._on_success(value)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        _pending.discard(self)
        self._on_error(exc)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:  # QRunnable.run
        try:
            result = self._fn()
        except BaseException as exc:
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Call ``fn()`` on a pool thread; then one of the callbacks on the UI thread."""
    relay = _Relay(on_success, on_error)
    _pending.add(relay)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def pending_count() -> int:
    """How many background tasks have not reported back yet (tests wait on it)."""
    return len(_pending)
