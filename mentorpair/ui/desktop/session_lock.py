"""Lock the vault when the computer suspends or its screen locks.

An open vault on a laptop that is closed and carried away must come back
locked, not unlocked until the idle minutes run out. On Linux the desktop
says so over D-Bus: logind's ``PrepareForSleep(true)`` before a suspend or
hibernation, its session's ``Lock`` when the session is locked, and the
screen saver's ``ActiveChanged(true)`` (freedesktop, GNOME and KDE names)
when the screen locks. Windows and macOS get no signal from here; there the
idle lock and Ctrl+L remain (``docs/desktop.md`` says so).

Any sender of these signals is believed: the worst a forged one can do is
lock the vault, which is always safe.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

__all__ = ["LOGIND", "SCREEN_SAVERS", "SessionLockWatcher"]

log = logging.getLogger(__name__)

LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1")
# (path, interface) of the screen savers that announce a locked screen.
SCREEN_SAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class SessionLockWatcher(QObject):
    """Turns the desktop's suspend and lock signals into one ``lock_requested``.

    Signals:
        lock_requested(str): the vault should lock now; the argument says why
            ("suspend", "session locked", "screen locked"), for the log.

    Attributes:
        listening: how many desktop signals this watcher receives (0 where
            there is no D-Bus, as on Windows and macOS).
    """

    lock_requested = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        system_bus: QDBusConnection | None = None,
        session_bus: QDBusConnection | None = None,
    ) -> None:
        """Listen on the given buses (default: the real ones, on Linux only)."""
        super().__init__(parent)
        self.listening = 0
        if sys.platform.startswith("linux"):
            system_bus = system_bus or QDBusConnection.systemBus()
            session_bus = session_bus or QDBusConnection.sessionBus()
        self._system = system_bus if system_bus is not None and system_bus.isConnected() else None
        self._session = (
            session_bus if session_bus is not None and session_bus.isConnected() else None
        )
        self._lookup: QDBusPendingCallWatcher | None = None
        if self._system is not None:
            self._listen(
                self._system,
                LOGIND[1],
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                "on_prepare_for_sleep(bool)",
            )
            self._find_login_session(self._system)
        if self._session is not None:
            for path, interface in SCREEN_SAVERS:
                self._listen(
                    self._session, path, interface, "ActiveChanged", "on_screen_saver(bool)"
                )

    def _listen(
        self, bus: QDBusConnection, path: str, interface: str, name: str, slot: str
    ) -> None:
        # An empty service: the signal counts whoever sends it (see the module's note).
        # The stubs want bytes for the slot, but PySide6 accepts only str at run time.
        if bus.connect("", path, interface, name, self, SLOT(slot)):  # type: ignore[call-overload]
            self.listening += 1

    def _find_login_session(self, bus: QDBusConnection) -> None:
        """Ask logind for our session: ``loginctl lock-session`` sends ``Lock`` to it."""
        # A bare message: a QDBusInterface would block until logind described itself.
        call = QDBusMessage.createMethodCall(
            LOGIND[0], LOGIND[1], "org.freedesktop.login1.Manager", "GetSession"
        )
        call.setArguments(["auto"])
        watcher = QDBusPendingCallWatcher(bus.asyncCall(call), self)
        watcher.finished.connect(self._on_login_session)
        self._lookup = watcher

    def _on_login_session(self, watcher: QDBusPendingCallWatcher) -> None:
        self._lookup = None
        reply = watcher.reply()
        watcher.deleteLater()
        arguments = reply.arguments() if not watcher.isError() else []
        path = getattr(arguments[0], "path", lambda: "")() if arguments else ""
        if path and self._system is not None:
            self._listen(
                self._system, path, "org.freedesktop.login1.Session", "Lock", "on_session_lock()"
            )
        else:
            log.info("no login session to watch for locks")

    @Slot(bool)
    def on_prepare_for_sleep(self, going: bool) -> None:
        """logind: ``going`` is true before a suspend, false after the resume."""
        if going:
            self.lock_requested.emit("suspend")

    @Slot()
    def on_session_lock(self) -> None:
        """logind: the session was locked (``loginctl lock-session``, some desktops)."""
        self.lock_requested.emit("session locked")

    @Slot(bool)
    def on_screen_saver(self, active: bool) -> None:
        """The screen saver: ``active`` is true when the screen locks or blanks."""
        if active:
            self.lock_requested.emit("screen locked")
