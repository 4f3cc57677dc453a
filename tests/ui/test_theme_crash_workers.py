"""Themes, the crash handler and the background-work helper."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QMessageBox

from mentorpair.errors import DiskFull

from mentorpair.ui import crash
from mentorpair.ui.settings import ThemeChoice
from mentorpair.ui.theme import apply_theme
from mentorpair.ui.workers import run_in_background


def test_light_and_dark_palettes_differ(qapp):
    apply_theme(qapp, ThemeChoice.LIGHT)
    light = qapp.palette().color(QPalette.ColorRole.Window).lightness()
    apply_theme(qapp, ThemeChoice.DARK)
    dark = qapp.palette().color(QPalette.ColorRole.Window).lightness()
    apply_theme(qapp, ThemeChoice.LIGHT)
    assert light > 200 > 60 > dark


@pytest.mark.warnings_expected
def test_crash_handler_logs_frames_but_not_the_message(qapp, monkeypatch, caplog):
    shown = []

    def fake_exec(self):
        shown.append(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(crash.CrashDialog, "exec", fake_exec)
    secret = "Dr Secret " + "Canary said something private"
    try:
        raise ValueError(secret)
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="mentorpair"):
            crash.handle_exception(type(exc), exc, exc.__traceback__)
    assert shown, "the crash dialog was not shown"
    assert "Everything you had saved is safe" in shown[0].text_label.text()
    logged = caplog.text
    assert "ValueError" in logged and "test_crash_handler_logs_frames" in logged
    assert "Canary" not in logged
    shown[0].deleteLater()


def test_known_error_reaching_the_top_is_shown_plainly(qapp, monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(text))
    exc = DiskFull()
    crash.handle_exception(type(exc), exc, None)
    assert messages == [DiskFull.default_message]


def test_background_work_reports_on_the_ui_thread(qtbot):
    results: list[tuple[int, int]] = []
    failures: list[BaseException] = []
    main = threading.get_ident()

    def work():
        return threading.get_ident()

    run_in_background(
        work, lambda value: results.append((value, threading.get_ident())), failures.append
    )
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    worker_thread, callback_thread = results[0]
    assert worker_thread != main and callback_thread == main


def test_background_errors_reach_the_error_callback(qtbot):
    errors: list[BaseException] = []
    run_in_background(lambda: 1 / 0, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)
