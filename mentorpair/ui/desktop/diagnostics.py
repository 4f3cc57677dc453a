"""Qt's own warnings go to the app's log, not to a terminal that may not exist.

A windowed build has no stderr (Windows, macOS, a desktop launcher), so a
warning from Qt about a missing plugin or a failed file was lost. Each one is
now logged under ``mentorpair.qt`` with its category, after
:func:`mentorpair.logs.redact` took out quoted text and paths, which can
name a person.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from mentorpair.logs import redact

__all__ = ["install_qt_message_handler", "log_qt_message"]

log = logging.getLogger("mentorpair.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The message handler: one redacted log line per Qt message."""
    category = context.category or "qt"
    log.log(_LEVELS.get(kind, logging.WARNING), "%s: %s", category, redact(message))


def install_qt_message_handler() -> None:
    """Send every later Qt message to the log (call once, when the app starts)."""
    qInstallMessageHandler(log_qt_message)
