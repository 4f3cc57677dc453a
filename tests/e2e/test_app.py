"""The real app as a person starts it: a subprocess, offscreen, no standard input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentorpair import __version__

pytestmark = pytest.mark.slow


def app_env(home: Path, tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(tmp),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "mentorpair", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


def test_version_and_help_need_no_display(isolated_home):
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "mentorpair", "--version"], env=env, capture_output=True, check=True
    )
    assert done.stdout.decode().strip() == f"mentorpair {__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "mentorpair", "--help"], env=env, capture_output=True, check=True
    )
    assert "--demo" in done.stdout.decode() and "--vault" in done.stdout.decode()


def test_demo_opens_unlocked_and_is_deleted_on_exit(tmp_path, isolated_home):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = start(["--demo"], app_env(isolated_home, tmp))
    try:
        wait_for(lambda: any(tmp.glob("mentorpair-demo-*/mentee/vault.key")))
        log = isolated_home / "state" / "mentorpair" / "log" / "mentorpair.log"
        wait_for(lambda: log.exists() and "main window shown" in log.read_text())
        time.sleep(1.0)  # let the window come up
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode()
    assert list(tmp.glob("mentorpair-demo-*")) == []
    assert "demo vault deleted" in log.read_text()
    assert err.decode().strip() == ""


def test_first_run_with_vault_option_creates_nothing_until_asked(tmp_path, isolated_home):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    vault = tmp_path / "my vault"
    proc = start(["--vault", str(vault)], app_env(isolated_home, tmp))
    log = isolated_home / "state" / "mentorpair" / "log" / "mentorpair.log"
    try:
        wait_for(lambda: log.exists() and "main window shown" in log.read_text())
        time.sleep(1.0)
        assert proc.poll() is None
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode()
    assert not (vault / "vault.key").exists()


def test_demo_and_vault_together_are_refused(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "mentorpair", "--demo", "--vault", str(tmp_path)],
        capture_output=True,
    )
    assert done.returncode == 2
    assert b"cannot be used together" in done.stderr
