"""Lock the vault after a spell without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

__all__ = ["IdleLock"]

# Input that counts as "someone is using the app".
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleLock(QObject):
    """Watches the whole application's input and fires after ``minutes`` of none.

    Signals:
        idle(): the timeout passed without input; the owner locks.
    """

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Coarse timers may round the remaining time by 5 % (15 s of 5 min);
        # one precise timer costs nothing and makes the countdown exact.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Change the timeout; a running countdown restarts with it."""
        self.set_interval_ms(int(minutes) * 60_000)

    def set_interval_ms(self, interval: int) -> None:
        """Change the timeout in milliseconds (tests use short ones)."""
        self._timer.setInterval(interval)
        if self._timer.isActive():
            self._timer.start()

    @property
    def remaining_ms(self) -> int:
        """Milliseconds until the lock, or -1 when not counting."""
        return self._timer.remainingTime()

    @property
    def interval_ms(self) -> int:
        """The timeout in milliseconds."""
        return self._timer.interval()

    @property
    def active(self) -> bool:
        """Whether the countdown runs (only while unlocked)."""
        return self._timer.isActive()

    def start(self) -> None:
        """Begin counting (on unlock)."""
        self._timer.start()

    def stop(self) -> None:
        """Stop counting (on lock)."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        """Restart the countdown on any input; never swallows the event."""
        if self._timer.isActive() and event.type() in _ACTIVITY:
            self._timer.start()
        return False

    def detach(self) -> None:
        """Stop watching the application (when the window goes away)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
