"""The crash handler: log what a developer needs, tell the person what to do.

Known errors that escape to here are shown as their plain message. Anything
else is our bug: its traceback goes to the log without the exception's
message (which could quote personal data), and a dialog says that saved work
is safe and offers to keep working or quit (qutebrowser's crash dialog, small).
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mentorpair.errors import KnownError
from mentorpair.logs import describe_exception
from mentorpair.paths import log_folder

__all__ = ["CrashDialog", "handle_exception", "install_crash_handler"]

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    """Says that something unexpected happened and that saved work is safe."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mentorpair ran into a problem"))
        self.text_label = text = QLabel(
            self.tr(
                "<p><b>Mentorpair ran into a problem it did not expect.</b></p>"
                "<p>Everything you had saved is safe. A technical report was added to "
                "the log in {0}; it holds no names, notes or passphrases, so you can "
                "send it to the developers.</p>"
                "<p>You can keep working, or quit and start Mentorpair again.</p>"
            ).format(log_folder()),
            self,
        )
        text.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        keep = buttons.addButton(self.tr("Keep working"), QDialogButtonBox.ButtonRole.AcceptRole)
        keep.setAccessibleName(self.tr("Keep working"))
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAccessibleName(self.tr("Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(460, 220)


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """``sys.excepthook`` for the running app."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    parent = QApplication.activeWindow()
    if isinstance(exc, KnownError):
        log.info("known error reached the top: %s", exc_type.__name__)
        QMessageBox.warning(parent, "Mentorpair", exc.message)
        return
    log.error("unexpected error\n%s", describe_exception(exc_type, exc, tb))
    if CrashDialog(parent).exec() != QDialog.DialogCode.Accepted:
        QApplication.quit()


def install_crash_handler() -> None:
    """Route uncaught exceptions (including those in Qt slots) to :func:`handle_exception`."""
    sys.excepthook = handle_exception
