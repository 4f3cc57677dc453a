"""A vault inside a sync engine's folder is noticed; one opened on two computers is refused.

"Another computer" is another settings folder with another random id: what a
second machine has. The vault's files travel between them as a sync engine
would carry them.
"""

from __future__ import annotations

import getpass
import json
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mentorpair.errors import DiskFull, VaultUsedElsewhere
from mentorpair.paths import settings_folder
from mentorpair.storage import placement
from mentorpair.storage.placement import (
    MACHINE_FILE,
    MACHINE_ID_FILE,
    RECENT_USE,
    REWRITE_AFTER,
    check_machine,
    synced_by,
    this_machine,
)
from mentorpair.storage.vault import Vault
from tests.unit.storage.support import PASSPHRASE, snapshot

OTHER_COMPUTER = "0ff1ce" + "0" * 26


def other_computer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, machine_id: str) -> None:
    """From here on the test runs on another computer (its own settings folder)."""
    config = tmp_path / f"config-{machine_id[:6]}"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    settings_folder().mkdir(parents=True)
    (settings_folder() / MACHINE_ID_FILE).write_text(machine_id + "\n")


# ---------------------------------------------------------------- sync engines
@pytest.mark.parametrize(
    ("layout", "engine"),
    [
        ({"Sync/.stfolder/": None}, "Syncthing"),
        ({"Sync/.stfolder": b""}, "Syncthing"),  # older Syncthing: a file
        ({"Sync/.dropbox": b"{}"}, "Dropbox"),
        ({"Sync/.dropbox.cache/": None}, "Dropbox"),
        ({"Sync/.sync_4f2a9c.db": b""}, "Nextcloud"),
        ({"Sync/._sync_4f2a9c.db": b""}, "Nextcloud"),
        ({"Sync/.owncloudsync.log": b""}, "Nextcloud"),
        ({"Sync/.tmp.drivedownload/": None}, "Google Drive"),
    ],
)
def test_an_engines_marker_anywhere_above_the_vault_is_found(
    tmp_path: Path, layout: dict[str, bytes | None], engine: str
) -> None:
    for name, content in layout.items():
        path = tmp_path / name
        if content is None:
            path.mkdir(parents=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    vault = tmp_path / "Sync" / "work" / "mentoring" / "vault"
    vault.mkdir(parents=True)
    found = synced_by(vault)
    assert found is not None
    assert (found.engine, found.root) == (engine, (tmp_path / "Sync").resolve())


@pytest.mark.parametrize(
    ("where", "engine"),
    [
        ("OneDrive/Documents", "OneDrive"),
        ("OneDrive - Royal Infirmary NHS Trust/mentoring", "OneDrive"),
        ("Dropbox/mentoring", "Dropbox"),
        ("Dropbox (Personal)/mentoring", "Dropbox"),
        ("Library/Mobile Documents/com~apple~CloudDocs/mentoring", "iCloud Drive"),
        ("iCloudDrive/mentoring", "iCloud Drive"),
        ("Library/CloudStorage/GoogleDrive-amara@example.org/My Drive", "Google Drive"),
        ("Library/CloudStorage/OneDrive-Personal/mentoring", "OneDrive"),
        ("Library/CloudStorage/Box-Box/mentoring", "Box"),
    ],
)
def test_an_engines_usual_folder_is_found_by_name(tmp_path: Path, where: str, engine: str) -> None:
    vault = tmp_path / where / "vault"
    vault.mkdir(parents=True)
    found = synced_by(vault)
    assert found is not None
    assert found.engine == engine


def test_a_plain_folder_and_dropboxs_own_settings_folder_are_not_synced(tmp_path: Path) -> None:
    # On Linux Dropbox keeps its settings in a *folder* ~/.dropbox: the home
    # folder is not synced because of it (the synced folder holds a *file*).
    (tmp_path / ".dropbox").mkdir()
    (tmp_path / "Documents" / "Mentoring").mkdir(parents=True)
    (tmp_path / "Documents" / "Mentoring" / "notes.sync_old.txt").write_text("")
    assert synced_by(tmp_path / "Documents" / "Mentoring") is None
    assert synced_by(tmp_path / "not made yet" / "vault") is None


# ---------------------------------------------------------------- computers
def test_this_computers_id_is_made_once_and_a_damaged_one_is_replaced(tmp_path: Path) -> None:
    first = this_machine(tmp_path)
    assert len(first) == 32
    assert this_machine(tmp_path) == first
    (tmp_path / MACHINE_ID_FILE).write_text("not an id")
    placement._known.clear()  # the next start of the app
    replaced = this_machine(tmp_path)
    assert replaced != first
    assert this_machine(tmp_path) == replaced


def test_a_vault_another_computer_opened_lately_is_refused_and_nothing_is_written(
    vault_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.open(vault_folder, PASSPHRASE).close()  # the first computer
    before = snapshot(vault_folder)
    other_computer(monkeypatch, tmp_path, OTHER_COMPUTER)
    with pytest.raises(VaultUsedElsewhere) as refused:
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before  # no WAL, no new note, nothing
    message = refused.value.message
    assert "less than an hour ago" in message
    assert "Nothing was changed" in message
    assert "use it on this computer" in message


def test_taking_the_vault_over_moves_it_and_then_the_first_computer_is_refused(
    vault_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = this_machine()
    Vault.open(vault_folder, PASSPHRASE).close()
    other_computer(monkeypatch, tmp_path, OTHER_COMPUTER)
    with Vault.open(vault_folder, PASSPHRASE, take_over=True) as vault:
        assert vault.display_name()
    assert json.loads((vault_folder / MACHINE_FILE).read_bytes())["machine"] == OTHER_COMPUTER
    other_computer(monkeypatch, tmp_path, first)
    with pytest.raises(VaultUsedElsewhere):
        Vault.open(vault_folder, PASSPHRASE)


def write_mark(vault_folder: Path, machine: str, seen: datetime) -> None:
    mark = {"format": 1, "machine": machine, "seen": seen.isoformat()}
    (vault_folder / MACHINE_FILE).write_text(json.dumps(mark))


def test_a_vault_moved_here_long_ago_opens(vault_folder: Path) -> None:
    write_mark(vault_folder, OTHER_COMPUTER, datetime.now(UTC) - RECENT_USE - timedelta(hours=1))
    with Vault.open(vault_folder, PASSPHRASE):
        pass
    assert json.loads((vault_folder / MACHINE_FILE).read_bytes())["machine"] == this_machine()


def test_another_computer_whose_clock_is_ahead_still_counts_as_recent(vault_folder: Path) -> None:
    write_mark(vault_folder, OTHER_COMPUTER, datetime.now(UTC) + timedelta(days=3))
    with pytest.raises(VaultUsedElsewhere) as refused:
        Vault.open(vault_folder, PASSPHRASE)
    assert "less than an hour ago" in refused.value.message


@pytest.mark.parametrize(
    "damaged",
    [b"", b"\xff\xfe", b"[]", b'{"format": 1}', b'{"format": 1, "machine": 7, "seen": "x"}',
     b'{"format": 2, "machine": "x", "seen": "2026-12-05T10:00:00+00:00"}',
     b'{"format": 1, "machine": "x", "seen": "2026-12-05T10:00:00"}'],
)  # fmt: skip
def test_a_damaged_note_never_locks_the_person_out(vault_folder: Path, damaged: bytes) -> None:
    (vault_folder / MACHINE_FILE).write_bytes(damaged)
    with Vault.open(vault_folder, PASSPHRASE):
        pass
    assert json.loads((vault_folder / MACHINE_FILE).read_bytes())["machine"] == this_machine()


@pytest.mark.parametrize(
    ("ago", "words"),
    [
        (timedelta(hours=1, minutes=5), "1 hour ago"),
        (timedelta(hours=30), "30 hours ago"),
        (timedelta(days=12), "12 days ago"),
    ],
)
def test_hours_and_days_are_said_plainly(vault_folder: Path, ago: timedelta, words: str) -> None:
    now = datetime.now(UTC)
    write_mark(vault_folder, OTHER_COMPUTER, now - ago)
    with pytest.raises(VaultUsedElsewhere) as refused:
        check_machine(vault_folder, now)
    assert f"another computer {words}." in refused.value.message


def test_the_note_names_no_host_or_user_and_holds_minutes_only(vault_folder: Path) -> None:
    Vault.open(vault_folder, PASSPHRASE).close()
    raw = (vault_folder / MACHINE_FILE).read_bytes()
    assert socket.gethostname().encode() not in raw
    assert getpass.getuser().encode() not in raw
    seen = datetime.fromisoformat(json.loads(raw)["seen"])
    assert (seen.second, seen.microsecond) == (0, 0)
    assert sorted(json.loads(raw)) == ["format", "machine", "seen"]


def test_a_note_that_cannot_be_written_never_stops_an_open_or_a_lock(
    vault_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object, **__: object) -> None:
        raise DiskFull()

    # This computer's note is old enough to be renewed, so the open tries to write it.
    write_mark(vault_folder, this_machine(), datetime.now(UTC) - timedelta(hours=2))
    monkeypatch.setattr(placement, "atomic_write", full)
    vault = Vault.open(vault_folder, PASSPHRASE)
    assert vault.display_name()
    vault.close()
    assert vault.closed


def test_this_computers_recent_note_is_left_alone_and_an_old_one_renewed(
    vault_folder: Path,
) -> None:
    # A vault made a moment ago: opening it again changes no file in its folder
    # (a read that fails after the open must find the folder as it was).
    note = (vault_folder / MACHINE_FILE).read_bytes()
    Vault.open(vault_folder, PASSPHRASE).close()
    assert (vault_folder / MACHINE_FILE).read_bytes() == note
    old = datetime.now(UTC) - REWRITE_AFTER - timedelta(minutes=5)
    write_mark(vault_folder, this_machine(), old)
    Vault.open(vault_folder, PASSPHRASE).close()
    seen = datetime.fromisoformat(json.loads((vault_folder / MACHINE_FILE).read_bytes())["seen"])
    assert datetime.now(UTC) - seen < timedelta(minutes=2)
