"""Shared test setup: headless Qt, isolated user folders, fast key derivation.

Every test runs with its own empty home: data, config, state and cache folders
point into ``tmp_path``, so no test can read or write the developer's real
vault, settings or logs.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt (Picard's conftest does the same).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from mentorpair.crypto import kdf
from mentorpair.crypto.secret import SecretKey

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


#: One salt for every key file the suite makes, so the same test passphrase
#: derives the same key-encryption key and Argon2id runs once for it.
_TEST_SALT = bytes(range(100, 100 + kdf.SALT_LENGTH))
#: (NFC passphrase, memory, passes, lanes, salt) -> the real Argon2id output.
_KEKS: dict[tuple[str, int, int, int, bytes], bytes] = {}


@pytest.fixture(autouse=True)
def remembered_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run Argon2id once per passphrase and parameters in the whole run.

    Argon2id at the floor was over half of the suite's time (hundreds of
    vaults from about a dozen passphrases). Every key is still real Argon2id
    output, so a vault made here opens in a child process or the frozen app;
    only repeats are remembered. The crypto tests, and a test marked
    ``fresh_salt``, get the real thing untouched.
    """
    if request.node.get_closest_marker("fresh_salt") or "crypto" in request.node.path.parts:
        return
    real = kdf.derive_kek
    monkeypatch.setattr(kdf, "random_bytes", lambda n: _TEST_SALT[:n])

    def remembered(passphrase: str, params: kdf.KdfParams) -> SecretKey:
        if not isinstance(passphrase, str) or not passphrase:
            return real(passphrase, params)  # the real refusal
        memo = (
            unicodedata.normalize("NFC", passphrase),
            params.memory_kib,
            params.iterations,
            params.lanes,
            params.salt,
        )
        if memo not in _KEKS:
            key = real(passphrase, params)
            _KEKS[memo] = key.reveal()
            return key
        return SecretKey(_KEKS[memo], "key-encryption key")

    monkeypatch.setattr(kdf, "derive_kek", remembered)


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
