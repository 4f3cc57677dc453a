"""Shared test setup: headless Qt, isolated user folders, fast key derivation.

Every test runs with its own empty home: data, config, state and cache folders
point into ``tmp_path``, so no test can read or write the developer's real
vault, settings or logs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt (Picard's conftest does the same).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from mentorpair.crypto import kdf

GUI_FIXTURES = {"qtbot", "qapp", "main_window"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication as ``gui`` (qutebrowser's trick)."""
    for item in items:
        if GUI_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user folder at a fresh temporary home."""
    home = tmp_path / "home"
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """New vaults use the floor Argon2id profile (64 MiB, t=3), not calibration.

    The floor still passes the strict bounds check, so tests exercise the real
    code path; it only skips the half-second calibration per vault.
    """
    monkeypatch.setattr(kdf, "default_params", kdf.minimum_params)


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_warning_logs(request: pytest.FixtureRequest) -> Iterator[None]:
    """A WARNING from our own code fails the test unless it expects one."""
    collector = _WarningCollector()
    logger = logging.getLogger("mentorpair")
    logger.addHandler(collector)
    try:
        yield
    finally:
        logger.removeHandler(collector)
    if request.node.get_closest_marker("warnings_expected") is None and collector.records:
        messages = "; ".join(r.getMessage() for r in collector.records)
        pytest.fail(f"unexpected warning logged: {messages}")
