"""The desktop around the app: notifications, lock on suspend, one instance, Qt's log.

The D-Bus tests start a private ``dbus-daemon`` and play the desktop's side
on it (the portal's notifications, logind, the screen saver), so they run
on any machine with dbus installed and touch no real session.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import ClassInfo, QMessageLogContext, QObject, QtMsgType, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QWidget

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import MeetingMode, Role
from mentorpair.logs import enable_native_crash_log, redact, report_native_crash
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import new_id
from tests.ui.conftest import NAME, PASSPHRASE

from mentorpair.ui.desktop.diagnostics import log_qt_message
from mentorpair.ui.desktop.notify import PORTAL_PATH, PORTAL_SERVICE, DesktopNotifier
from mentorpair.ui.desktop.session_lock import SessionLockWatcher
from mentorpair.ui.desktop.single_instance import SingleInstance, server_name

needs_dbus = pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="no dbus-daemon")


@pytest.fixture
def bus_address() -> Iterator[str]:
    """A private D-Bus daemon for one test."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.wait(5)
    daemon.stdout.close()


_buses = 0


def connect(address: str) -> QDBusConnection:
    global _buses
    _buses += 1
    bus = QDBusConnection.connectToBus(address, f"test-{_buses}")
    assert bus.isConnected()
    return bus


def settle(bus: QDBusConnection) -> None:
    """A round trip to the daemon: the match rules sent before it are in place after it."""
    ping = QDBusMessage.createMethodCall(
        "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId"
    )
    assert bus.call(ping).type() == QDBusMessage.MessageType.ReplyMessage


class FakePortal(QDBusAbstractAdaptor):
    """The desktop portal's notification interface, recording what it was asked to show."""

    shown: list[tuple[str, dict[str, Any]]] = []  # noqa: RUF012 - reset per test

    @Slot(str, "QVariantMap")
    def AddNotification(self, nid: str, notification: dict[str, Any]) -> None:
        FakePortal.shown.append((nid, dict(notification)))


# The stubs know only keyword arguments, and a D-Bus key has a space in it.
_interface = ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Notification"})  # type: ignore[call-arg]
FakePortal = _interface(FakePortal)  # type: ignore[operator,misc]


@pytest.fixture
def portal(bus_address: str, qtbot) -> QDBusConnection:
    FakePortal.shown = []
    service = connect(bus_address)
    host = QObject()
    FakePortal(host)
    assert service.registerObject(PORTAL_PATH, host)
    assert service.registerService(PORTAL_SERVICE)
    portal.host = host  # type: ignore[attr-defined]  # kept alive for the test
    return connect(bus_address)


@needs_dbus
def test_without_a_tray_a_reminder_goes_to_the_desktop_and_the_taskbar(qtbot, portal):
    window = QWidget()
    qtbot.addWidget(window)
    notifier = DesktopNotifier(window, tray=None, bus=portal)
    used = notifier.notify("Mentoring meeting", "Mentoring meeting in 30 minutes (video)")
    assert used == ["desktop", "taskbar"]
    qtbot.waitUntil(lambda: len(FakePortal.shown) == 1)
    _id, shown = FakePortal.shown[0]
    assert shown["title"] == "Mentoring meeting"
    assert shown["body"] == "Mentoring meeting in 30 minutes (video)"


def test_without_a_tray_or_a_bus_the_taskbar_still_asks_for_attention(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    notifier = DesktopNotifier(window, tray=None, bus=QDBusConnection.connectToBus("", "none"))
    assert notifier.bus is None
    assert notifier.notify("Mentoring meeting", "in 30 minutes") == ["taskbar"]


@needs_dbus
def test_a_locked_vault_still_reminds_through_the_real_window(
    qtbot, make_window, vault_folder, portal, monkeypatch
):
    vault = Vault.create(vault_folder, PASSPHRASE, NAME)
    window = make_window(vault_folder, vault)
    window.notifier.bus = portal
    workspace = window.workspace.workspace
    assert workspace is not None
    pair_id = workspace.create_pair(Role.MENTEE, "Dr Helen Marsh")
    starts = datetime.now(UTC) + timedelta(minutes=30, seconds=20)
    workspace.record(
        pair_id,
        EventKind.MEETING_PLANNED,
        meeting_id=new_id(),
        starts_at=starts.isoformat(),
        duration_min=60,
        mode=MeetingMode.VIDEO.value,
        place="Room 4, St Mary's",
    )
    window.lock()
    assert window.vault is None
    due = window.reminders.check_now(datetime.now(UTC))
    assert due == [("Mentoring meeting", "Mentoring meeting in 30 minutes (video)")]
    qtbot.waitUntil(lambda: len(FakePortal.shown) == 1)
    shown = " ".join(str(v) for v in FakePortal.shown[0][1].values())
    for private in ("Helen", "Marsh", "Room 4", "Mary", NAME):
        assert private not in shown
    assert "Mentoring meeting in 30 minutes" in window.statusBar().currentMessage()


@needs_dbus
@pytest.mark.parametrize(
    ("path", "interface", "name", "args"),
    [
        ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", [True]),
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", [True]),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", [True]),
    ],
    ids=["suspend", "freedesktop screen saver", "gnome screen saver"],
)
def test_suspend_or_a_locked_screen_locks_the_vault(
    qtbot, make_window, vault_folder, bus_address, path, interface, name, args
):
    vault = Vault.create(vault_folder, PASSPHRASE, NAME)
    window = make_window(vault_folder, vault)
    listener, desktop = connect(bus_address), connect(bus_address)
    watcher = SessionLockWatcher(window, system_bus=listener, session_bus=listener)
    watcher.lock_requested.connect(window._on_session_lock)
    assert watcher.listening == 4  # logind, and three screen-saver names
    settle(listener)
    signal = QDBusMessage.createSignal(path, interface, name)
    signal.setArguments(args)
    assert desktop.send(signal)
    qtbot.waitUntil(lambda: window.vault is None)
    assert window.stack.currentWidget() is window.unlock_page


@needs_dbus
def test_a_resume_or_a_screen_that_unlocks_does_not_lock(qtbot, bus_address):
    listener, desktop = connect(bus_address), connect(bus_address)
    watcher = SessionLockWatcher(None, system_bus=listener, session_bus=listener)
    heard: list[str] = []
    watcher.lock_requested.connect(heard.append)
    settle(listener)
    for path, interface, name in (
        ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep"),
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"),
    ):
        signal = QDBusMessage.createSignal(path, interface, name)
        signal.setArguments([False])
        desktop.send(signal)
    on = QDBusMessage.createSignal(
        "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged"
    )
    on.setArguments([True])
    desktop.send(on)
    qtbot.waitUntil(lambda: heard == ["screen locked"])


def test_a_second_launch_hands_over_to_the_first(qtbot, tmp_path):
    first = SingleInstance(str(tmp_path / "vault"))
    second = SingleInstance(str(tmp_path / "vault"))
    other_vault = SingleInstance(str(tmp_path / "other"))
    assert not first.hand_over()  # nobody runs yet
    assert first.listen()
    try:
        assert not other_vault.hand_over()
        with qtbot.waitSignal(first.show_requested, timeout=5000):
            assert second.hand_over()
    finally:
        first.close()
    assert not second.hand_over()


def test_without_qtnetwork_each_launch_runs_on_its_own(qtbot, tmp_path, monkeypatch):
    # The Linux bundle leaves QtNetwork's Kerberos libraries to the system; where
    # they are missing QtNetwork does not load, and the app must start anyway.
    from mentorpair.ui.desktop import single_instance

    monkeypatch.setattr(single_instance, "QLocalServer", None)
    monkeypatch.setattr(single_instance, "QLocalSocket", None)
    instance = SingleInstance(str(tmp_path / "vault"))
    assert not instance.hand_over()
    assert not instance.listen()
    instance.close()


def test_the_socket_name_hides_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    name = server_name("/home/jane.doe/Mentoring/vault")
    assert Path(name).parent == tmp_path
    assert "jane" not in name and "Mentoring" not in name


def test_the_window_comes_forward_when_asked(qtbot, make_window, vault_folder):
    window = make_window(vault_folder)
    window.showMinimized()
    window.bring_to_front()
    assert not window.isMinimized()
    assert window.isVisible()


@pytest.mark.warnings_expected
def test_qt_warnings_reach_the_log_without_paths_or_quotes(caplog):
    context = QMessageLogContext()
    with caplog.at_level(logging.INFO, logger="mentorpair.qt"):
        log_qt_message(
            QtMsgType.QtWarningMsg,
            context,
            "QFile::open: Cannot open '/home/jane/Mentoring/Helen.txt' for reading",
        )
    assert caplog.records[0].levelno == logging.WARNING
    line = caplog.records[0].getMessage()
    assert "Cannot open" in line
    assert "jane" not in line and "Helen" not in line
    assert redact('setLayout on "Dr Helen Marsh" C:\\Users\\jane') == "setLayout on <…> <path>"


@pytest.mark.slow
@pytest.mark.warnings_expected
def test_a_native_crash_reaches_the_next_start_s_log(tmp_path, caplog):
    logs = tmp_path / "logs"
    script = tmp_path / "home" / "jane.doe" / "Helen-notes" / "crash_here.py"
    script.parent.mkdir(parents=True)
    script.write_text(
        textwrap.dedent(
            f"""
            import faulthandler
            from pathlib import Path
            from mentorpair.logs import enable_native_crash_log
            enable_native_crash_log(Path({str(logs)!r}))
            def meet_helen():
                faulthandler._sigsegv()
            meet_helen()
            """
        )
    )
    crashed = subprocess.run([sys.executable, str(script)], capture_output=True, check=False)
    assert crashed.returncode != 0
    with caplog.at_level(logging.ERROR, logger="mentorpair"):
        assert report_native_crash(logs)
    text = caplog.records[-1].getMessage()
    assert "Segmentation fault" in text
    assert 'File "crash_here.py"' in text and "in meet_helen" in text
    assert "jane" not in text and "Helen-notes" not in text
    assert (logs / "native-crash.txt").read_text() == ""
    assert not report_native_crash(logs)
    enable_native_crash_log(logs)  # the file is reopened, empty, for this process


# The offscreen platform has no tray window; Qt says so when the icon shows.
@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_closing_to_the_tray_locks_hides_and_keeps_reminding(qtbot, make_window, vault_folder):
    from PySide6.QtWidgets import QSystemTrayIcon

    from mentorpair.ui.main_window import app_icon

    vault = Vault.create(vault_folder, PASSPHRASE, NAME)
    window = make_window(vault_folder, vault)
    tray = QSystemTrayIcon(app_icon(), window)
    tray.show()
    if not tray.isVisible():
        pytest.skip("this platform plugin shows no tray icon")
    window.tray = window.notifier.tray = tray
    workspace = window.workspace.workspace
    assert workspace is not None
    pair_id = workspace.create_pair(Role.MENTEE, "Dr Helen Marsh")
    starts = datetime.now(UTC) + timedelta(minutes=30, seconds=20)
    workspace.record(
        pair_id, EventKind.MEETING_PLANNED, meeting_id=new_id(), starts_at=starts.isoformat(),
        duration_min=60, mode=MeetingMode.PHONE.value, place="",
    )  # fmt: skip
    assert window.hides_to_tray(spontaneous=True)
    assert not window.hides_to_tray(spontaneous=False)  # File ▸ Quit really quits
    window.hide_to_tray()
    assert window.vault is None and not window.isVisible()
    assert window.notifier.notify("Mentoring meeting", "in 30 minutes")[0] == "tray"
    due = window.reminders.check_now(datetime.now(UTC))
    assert due == [("Mentoring meeting", "Mentoring meeting in 30 minutes (phone)")]
    window.bring_to_front()
    assert window.isVisible()
