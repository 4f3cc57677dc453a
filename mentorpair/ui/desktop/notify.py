"""Reminders that reach a person who is not looking at the window.

Three places, used together: the tray's message where there is a tray; the
desktop's notification service where there is none (stock GNOME has no
tray), through the freedesktop desktop portal over D-Bus; and the taskbar
entry, which asks for attention (:meth:`QApplication.alert`). A reminder may
show on a locked or shared screen, so its words never name a person, a place
or a topic: the scheduler in :mod:`mentorpair.ui.reminders` writes them so.

Why the portal and not ``org.freedesktop.Notifications.Notify``: that method
takes an unsigned 32-bit id, and PySide6's QtDBus can only send signed
integers, which the notification servers refuse. The portal's
``AddNotification(s, a{sv})`` needs neither, and GNOME's and KDE's portals
hand it to the same notification service.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

__all__ = ["PORTAL_INTERFACE", "PORTAL_PATH", "PORTAL_SERVICE", "DesktopNotifier"]

log = logging.getLogger(__name__)

PORTAL_SERVICE = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
PORTAL_INTERFACE = "org.freedesktop.portal.Notification"
# How long a tray message stays (the desktop service decides for itself).
TRAY_MESSAGE_MS = 15_000


class DesktopNotifier(QObject):
    """Sends a reminder to every place a person away from the window may see.

    Attributes:
        window: the main window, whose taskbar entry asks for attention.
        tray: the tray icon, or None where the desktop has no tray.
        bus: the D-Bus session bus (Linux), or None where there is none.
    """

    def __init__(
        self,
        window: QWidget,
        tray: QSystemTrayIcon | None,
        bus: QDBusConnection | None = None,
    ) -> None:
        """Notify through ``tray`` if given, else through ``bus`` (default: the session bus)."""
        super().__init__(window)
        self.window = window
        self.tray = tray
        if bus is None and sys.platform.startswith("linux"):
            bus = QDBusConnection.sessionBus()
        self.bus = bus if bus is not None and bus.isConnected() else None
        self._sent = 0
        self._pending: set[QDBusPendingCallWatcher] = set()

    def notify(self, title: str, message: str) -> list[str]:
        """Show ``title`` and ``message``; return the places used ("tray", "desktop", "taskbar")."""
        used: list[str] = []
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(
                title, message, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS
            )
            used.append("tray")
        elif self.bus is not None:
            self._portal_notification(title, message)
            used.append("desktop")
        if not self.window.isActiveWindow():
            # The taskbar entry blinks or is marked until the window is used.
            QApplication.alert(self.window)
            used.append("taskbar")
        return used

    def _portal_notification(self, title: str, message: str) -> None:
        assert self.bus is not None
        self._sent += 1
        # A bare message, not a QDBusInterface: that would ask the portal to
        # describe itself first, blocking the window until it answers.
        call = QDBusMessage.createMethodCall(
            PORTAL_SERVICE, PORTAL_PATH, PORTAL_INTERFACE, "AddNotification"
        )
        call.setArguments(
            [f"reminder-{self._sent}", {"title": title, "body": message, "priority": "high"}]
        )
        watcher = QDBusPendingCallWatcher(self.bus.asyncCall(call), self)
        self._pending.add(watcher)
        watcher.finished.connect(self._finished)  # it passes itself

    def _finished(self, watcher: QDBusPendingCallWatcher) -> None:
        self._pending.discard(watcher)
        if watcher.isError():
            # Only the error's name: its message could quote the arguments.
            log.info("desktop notification not shown: %s", watcher.error().name())
        watcher.deleteLater()
