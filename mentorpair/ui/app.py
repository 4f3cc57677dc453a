"""Start the desktop app: QApplication, settings, theme, crash handler, window.

A second launch for the same vault hands over to the running one (which
brings its window forward) and exits; Qt's own messages go to the log.

The locked window imports only what it shows (issue 12). Once it is on
screen, the vault, sync and feedback code that an unlock needs is imported on
a pool thread, so the unlock does not wait for it; the Qt screens of a pair
are left to the UI thread (Qt's types are set up where they are used).
"""

from __future__ import annotations

import importlib
import logging
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from mentorpair import APP_ID, APP_NAME, APP_TITLE, ORGANISATION, __version__
from mentorpair.errors import KnownError
from mentorpair.paths import default_vault_folder

from mentorpair.ui.crash import install_crash_handler
from mentorpair.ui.desktop.diagnostics import install_qt_message_handler
from mentorpair.ui.desktop.single_instance import SingleInstance
from mentorpair.ui.i18n import apply_language, resolve
from mentorpair.ui.main_window import MainWindow, app_icon
from mentorpair.ui.settings import Settings
from mentorpair.ui.theme import apply_theme
from mentorpair.ui.wording import month_span
from mentorpair.ui.workers import run_in_background

if TYPE_CHECKING:
    from mentorpair.demo import DemoSession

__all__ = ["make_application", "run"]

log = logging.getLogger(__name__)

#: After the window is shown, how long until the vault code loads in the background
#: (the locked window's first paint comes well before).
PRELOAD_DELAY_MS = 400
#: Plain-Python modules an unlock and the first pair need (they import the rest:
#: SQLCipher, the crypto stack, the calendar and feedback code).
PRELOAD = (
    "mentorpair.storage.vault",
    "mentorpair.storage.workspace",
    "mentorpair.storage.calendar",
    "mentorpair.storage.export",
    "mentorpair.sync.exchange",
    "mentorpair.sync.folder",
    "mentorpair.sync.pairing",
    "mentorpair.feedback.pairside",
)


def make_application() -> QApplication:
    """The QApplication with our names set (QSettings and platform folders use them)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def run(vault_folder: Path, demo: bool = False) -> int:
    """Run the app until the window closes; return the exit code."""
    install_qt_message_handler()  # first: a failing platform plugin warns while it loads
    app = make_application()
    # Early, so a SIGTERM during start-up still closes the vault and deletes a demo.
    _quit_on_signals(app)
    # The demo's key is per user folder (each test has its own), a vault's is its folder.
    key = f"demo\0{default_vault_folder()}" if demo else str(vault_folder.resolve())
    instance = SingleInstance(key, app)
    if instance.hand_over():
        log.info("handed over to the running app")
        print("mentorpair: already running; its window was brought to the front.")
        return 0
    instance.listen()
    settings = Settings()
    # Before any window: widgets read their words once, when they are built.
    apply_language(app, resolve(settings.language))
    apply_theme(app, settings.theme)
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: apply_theme(app, settings.theme)
    )
    session: DemoSession | None = None
    try:
        # After apply_language: the demo's feedback period is worded in the window's language.
        session = _demo_session() if demo else None
    except KnownError as exc:
        print(f"mentorpair: {exc.message}", file=sys.stderr)
        return 1
    try:
        if session is not None:
            vault_folder = session.vault_folder(session.side)
        window = MainWindow(
            vault_folder,
            settings,
            vault=session.vault if session else None,
            demo=demo,
            demo_session=session,
        )
        window.settings_changed.connect(lambda: apply_theme(app, settings.theme))
        instance.show_requested.connect(window.bring_to_front)
        install_crash_handler()
        window.show()
        log.info("main window shown")  # start-up time is measured to this line
        if window.vault is None:
            QTimer.singleShot(PRELOAD_DELAY_MS, preload_vault_code)
        return app.exec()
    finally:
        instance.close()
        if session is not None:
            session.cleanup()


def preload_vault_code() -> None:
    """Import :data:`PRELOAD` on a pool thread; the unlock then finds it loaded."""

    def load() -> None:
        for name in PRELOAD:
            importlib.import_module(name)

    def failed(exc: BaseException) -> None:
        # Only a head start: the same import at the unlock will report a real problem.
        log.warning("preloading the vault code failed: %s", type(exc).__name__)

    run_in_background(load, lambda _none: log.debug("vault code preloaded"), failed)


def _demo_session() -> DemoSession:
    """The demo's two vaults, worded in the window's language."""
    # Lazy: the demo's data and history are needed only with --demo.
    from mentorpair.demo import DemoSession

    return DemoSession(period_words=month_span)


def _quit_on_signals(app: QApplication) -> None:
    """Ctrl+C and SIGTERM close the window normally, so the vault is locked and demos deleted.

    Python handles signals only when it runs; a idle timer gives it the chance
    while Qt's event loop waits.
    """

    def request_quit(_signum: int, _frame: object) -> None:
        log.info("quitting on a signal")
        app.closeAllWindows()
        # quit() is ignored before the event loop runs; a zero timer waits for it.
        QTimer.singleShot(0, app.quit)

    signal.signal(signal.SIGINT, request_quit)
    signal.signal(signal.SIGTERM, request_quit)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
