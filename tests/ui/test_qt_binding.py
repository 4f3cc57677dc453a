"""Guards against known-bad Qt bindings (see the PySide6 pin in pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_leak_references_to_none(qtbot):
    # PySide6 6.12.0 lost one reference to None per void call; the app then
    # aborted with "deallocating None" after a few thousand repaints.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 50
