"""Shared test setup: headless Qt, isolated user folders, fast key derivation.

Every test runs with its own empty home: data, config, state and cache folders
point into ``tmp_path``, so no test can read or write the developer's real
vault, settings or logs.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt (Picard's conftest does the same).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import pytest

from mentorpair.crypto import kdf
from mentorpair.crypto.secret import SecretKey
from mentorpair.paths import settings_folder
from mentorpair.storage.placement import MACHINE_ID_FILE

#: The whole suite runs on one computer: every test's settings folder holds
#: this id (storage/placement.py), so vaults made by session-wide templates,
#: other tests or subprocesses open as vaults of this computer. Tests of a
#: second computer write another id.
MACHINE_ID = "5eed" * 8
#: Session-wide fixtures (templates made once) run before any test's own home
#: exists: they get this one, never the developer's real folders.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="mentorpair-tests-"))
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)
for _var, _sub in (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CACHE_HOME", "cache"),
):
    (_SESSION_HOME / _sub).mkdir()
    os.environ[_var] = str(_SESSION_HOME / _sub)


def same_computer() -> None:
    """Give the settings folder the XDG variables point at the suite's machine id."""
    folder = settings_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MACHINE_ID_FILE).write_text(MACHINE_ID + "\n")


same_computer()

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
    same_computer()
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
