"""One running app per vault: a second launch brings the first one's window forward.

Without this, a second start found the vault in use and said so, while the
running window sat behind others or hidden in the tray. Now the second start
connects to a local socket the first one listens on, says "show", and exits.

The socket's name is a hash of the user and the vault folder, so it tells
nobody which folder, and it lives in the user's private runtime folder
(``$XDG_RUNTIME_DIR``) where there is one; only this user may connect.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal

try:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
except ImportError:
    # QtNetwork needs the system's Kerberos libraries to load, which the Linux
    # bundle leaves to the system (packaging/mentorpair.spec). Where they are
    # missing, each launch runs on its own rather than not at all.
    QLocalServer = QLocalSocket = None  # type: ignore[assignment,misc]

__all__ = ["SHOW", "SingleInstance", "server_name"]

log = logging.getLogger(__name__)

# The only message: bring the window to the front.
SHOW = b"show\n"
# How long a second launch waits for the first to answer.
CONNECT_MS = 1000


def server_name(key: str) -> str:
    """The socket name for ``key`` (a vault folder, or "demo"): a hash, in a private folder."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    digest = hashlib.sha256(f"{user}\0{key}".encode()).hexdigest()[:24]
    name = f"mentorpair-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return str(Path(runtime) / name)
    return name


class SingleInstance(QObject):
    """The first launch listens; a later one hands over and stops.

    Signals:
        show_requested(): a second launch asked for the window.
    """

    show_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        """Serve the vault (or demo) named by ``key``."""
        super().__init__(parent)
        self.name = server_name(key)
        self.server: QLocalServer | None = None

    def hand_over(self) -> bool:
        """True if another launch runs and was asked to show itself (then exit)."""
        if QLocalSocket is None:
            return False
        socket = QLocalSocket()  # no parent: gone with this call, nothing deferred
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(SHOW)
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Start answering later launches; False if the socket cannot be made."""
        if QLocalServer is None:
            log.info("single-instance socket not available: QtNetwork did not load")
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A socket left by a crashed run refuses connections; clear it first.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.info("single-instance socket not available: %s", server.serverError().name)
            return False
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def close(self) -> None:
        """Stop listening (on quit), so the socket file goes."""
        if self.server is not None:
            self.server.close()
            self.server = None

    def _on_connection(self) -> None:
        assert self.server is not None
        socket = self.server.nextPendingConnection()
        while socket is not None:
            # Bound methods, not lambdas: a lambda holding self would keep this
            # object alive in a cycle, to be freed by the garbage collector at
            # any moment, even in the middle of one of its sockets' events.
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)
            socket = self.server.nextPendingConnection()

    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        # Anything but the one known message is ignored; at most a line is read.
        if bytes(socket.readLine(len(SHOW) + 1).data()) == SHOW:
            log.info("a second launch asked for the window")
            self.show_requested.emit()
