"""``mentorpair --self-check``: passes on a working install, fails loudly on a broken one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentorpair import selfcheck
from mentorpair.cli import main
from mentorpair.selfcheck import PASSED_MESSAGE, SelfCheckFailed, find_plaintext, run_self_check
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_passes_and_leaves_no_folder_behind(tmp_path: Path):
    parent = tmp_path / "parent"
    parent.mkdir()
    run_self_check(parent=parent)
    assert list(parent.iterdir()) == []


def test_plaintext_scan_finds_utf8_and_utf16(tmp_path: Path):
    (tmp_path / "a.bin").write_bytes(b"x" + "secret words".encode("utf-16-le") + b"y")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("more secret words here", encoding="utf-8")
    (tmp_path / "c.txt").write_text("nothing to see", encoding="utf-8")
    assert find_plaintext(tmp_path, ["secret words"]) == ["a.bin", str(Path("sub", "b.txt"))]


def test_fails_when_a_note_reaches_disk_unencrypted(tmp_path: Path, monkeypatch):
    # Simulate a broken build that writes the note in plaintext beside the vault.
    real_record = Workspace.record

    def leaky_record(self, pair_id, kind, /, **body):
        if "text" in body:
            (self.vault.folder / "leak.log").write_text(body["text"], encoding="utf-8")
        return real_record(self, pair_id, kind, **body)

    monkeypatch.setattr(Workspace, "record", leaky_record)
    parent = tmp_path / "parent"
    parent.mkdir()
    with pytest.raises(SelfCheckFailed, match=r"unencrypted note text found in: leak\.log"):
        run_self_check(parent=parent)
    assert list(parent.iterdir()) == []  # cleaned up after a failure too


def test_fails_when_a_wrong_passphrase_opens_the_vault(tmp_path: Path, monkeypatch):
    real_open = Vault.open
    right = selfcheck._PASSPHRASE
    monkeypatch.setattr(
        Vault, "open", classmethod(lambda cls, folder, _pw: real_open(folder, right))
    )
    with pytest.raises(SelfCheckFailed, match="opened with a wrong passphrase"):
        run_self_check(parent=tmp_path)


def test_names_the_failing_step_in_one_line(tmp_path: Path, monkeypatch):
    def broken_create(*_args, **_kwargs):
        raise OSError("libsqlcipher.so: cannot open shared object file\n(details)")

    monkeypatch.setattr(Vault, "create", broken_create)
    with pytest.raises(SelfCheckFailed) as caught:
        run_self_check(parent=tmp_path)
    message = str(caught.value)
    assert message.startswith("could not create a vault: OSError: libsqlcipher.so")
    assert "\n" not in message


def test_cli_prints_one_line_and_exits_0(capsys):
    assert main(["--self-check"]) == 0
    out, err = capsys.readouterr()
    assert out == PASSED_MESSAGE + "\n"
    assert err == ""


def test_cli_reports_failure_on_stderr_and_exits_1(capsys, monkeypatch):
    def broken_open(*_args, **_kwargs):
        raise OSError("disk went away")

    monkeypatch.setattr(Vault, "open", broken_open)
    assert main(["--self-check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "mentorpair: self-check failed: could not unlock the vault again: OSError: disk went away\n"
    )


@pytest.mark.slow
def test_runs_without_qt(tmp_path: Path):
    # Build machines and servers have no display; the check must not load Qt at all.
    code = (
        "import sys; from mentorpair.cli import main; rc = main(['--self-check']);"
        " assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded';"
        " sys.exit(rc)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "none-such"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == PASSED_MESSAGE


def test_fails_when_the_scrubber_lets_a_phone_number_through(tmp_path: Path, monkeypatch):
    from mentorpair.feedback.scrub import Scrubber

    monkeypatch.setattr(Scrubber, "scrub", lambda self, text: text)
    with pytest.raises(SelfCheckFailed, match="phone number survived"):
        run_self_check(parent=tmp_path)


def test_fails_when_an_update_opens_for_a_stranger(tmp_path: Path, monkeypatch):
    from mentorpair.errors import UpdateNotForMe
    from mentorpair.sync import update

    real_open = update.open_update

    def opens_for_anyone(data, recipient, lookup, progress=None):
        try:
            return real_open(data, recipient, lookup, progress)
        except UpdateNotForMe:
            return None

    monkeypatch.setattr(update, "open_update", opens_for_anyone)
    with pytest.raises(SelfCheckFailed, match="not sealed to"):
        run_self_check(parent=tmp_path)
