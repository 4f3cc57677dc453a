"""Key rotation on a passphrase change, and files that are not ours are never rewritten."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from mentorpair.errors import CorruptFile, KnownError, VaultMismatch, WrongPassphrase
from mentorpair.storage import rekey
from mentorpair.storage.atomic import fsync_folder
from mentorpair.storage.vault import (
    DB_NAME,
    KEY_NAME,
    ROTATION_FINISHED,
    ROTATION_NOT_FINISHED,
    Vault,
)
from tests.unit.storage.support import CLOSED_VAULT, OTHER_PASSPHRASE, PASSPHRASE, snapshot


@pytest.mark.parametrize("size", [1, 2, 16, 100, 4095])
def test_a_truncated_database_is_refused_and_left_as_it_is(vault_folder: Path, size: int):
    db = vault_folder / DB_NAME
    db.write_bytes(db.read_bytes()[:size])
    before = snapshot(vault_folder)
    with pytest.raises(CorruptFile, match="Nothing was changed"):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before


def test_a_plain_sqlite_database_is_refused_and_left_as_it_is(vault_folder: Path):
    db = vault_folder / DB_NAME
    db.unlink()
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = snapshot(vault_folder)
    with pytest.raises(CorruptFile):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before


@pytest.mark.parametrize("fill", [b"\0", b"\xff"])
def test_a_page_of_filler_is_refused_and_left_as_it_is(vault_folder: Path, fill: bytes):
    (vault_folder / DB_NAME).write_bytes(fill * 8192)
    before = snapshot(vault_folder)
    with pytest.raises(CorruptFile):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before


def test_rotation_reports_progress_page_by_page(vault_folder: Path, monkeypatch):
    monkeypatch.setattr(rekey, "STEP_PAGES", 2)
    seen: list[tuple[int, int]] = []
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        with vault.db.transaction():
            vault.db.execute_many(
                "INSERT INTO meta (key, value) VALUES (:key, :value)",
                [{"key": f"k{i}", "value": "x" * 2000} for i in range(20)],
            )
        vault.change_passphrase(
            PASSPHRASE, OTHER_PASSPHRASE, progress=lambda d, t: seen.append((d, t))
        )
        assert vault.db.query_one("SELECT count(*) FROM meta WHERE key LIKE 'k%'") == (20,)
    total = seen[-1][1]
    assert seen[-1] == (total, total)
    assert len(seen) >= total // 2
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_failed_commit_keeps_the_old_key_and_leaves_no_temporary_file(
    vault_folder: Path, monkeypatch
):
    real_replace = os.replace

    def refuse_the_database(src: object, dst: object) -> None:
        if Path(str(dst)).name == DB_NAME:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)  # type: ignore[arg-type]

    with Vault.open(vault_folder, PASSPHRASE) as vault:
        monkeypatch.setattr(os, "replace", refuse_the_database)
        with pytest.raises(KnownError):
            vault.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE)
        monkeypatch.undo()
        assert vault.display_name()  # still open, with the old key
        with vault.db.transaction():
            vault.db.execute("INSERT INTO meta (key, value) VALUES ('after', 'failure')")
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        assert vault.db.query_one("SELECT value FROM meta WHERE key = 'after'") == ("failure",)
    assert sorted(p.name for p in vault_folder.iterdir()) == CLOSED_VAULT


def _half_rotated(folder: Path, committed: bool) -> None:
    """Put ``folder`` in the state a kill leaves between two steps of a rotation."""
    old_db, old_key = (folder / DB_NAME).read_bytes(), (folder / KEY_NAME).read_bytes()
    with Vault.open(folder, PASSPHRASE) as vault:
        vault.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE)
    os.replace(folder / KEY_NAME, folder / rekey.NEXT_KEY_NAME)
    (folder / KEY_NAME).write_bytes(old_key)
    if not committed:
        new_db = (folder / DB_NAME).read_bytes()
        (folder / DB_NAME).write_bytes(old_db)
        (folder / rekey.REKEY_DB_NAME).write_bytes(new_db[: len(new_db) // 2])


def test_killed_before_the_commit_the_old_passphrase_opens_and_cleans_up(vault_folder: Path):
    _half_rotated(vault_folder, committed=False)
    before = snapshot(vault_folder)
    with pytest.raises(WrongPassphrase, match=re.escape(ROTATION_NOT_FINISHED)):
        Vault.open(vault_folder, OTHER_PASSPHRASE)
    assert snapshot(vault_folder) == before  # a refused unlock writes nothing
    Vault.open(vault_folder, PASSPHRASE).close()
    assert sorted(p.name for p in vault_folder.iterdir()) == CLOSED_VAULT
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_folder, OTHER_PASSPHRASE)


def test_killed_after_the_commit_the_new_passphrase_opens_and_finishes(vault_folder: Path):
    _half_rotated(vault_folder, committed=True)
    old_key_file = (vault_folder / KEY_NAME).read_bytes()
    before = snapshot(vault_folder)
    with pytest.raises(WrongPassphrase, match=re.escape(ROTATION_FINISHED)):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before
    Vault.open(vault_folder, OTHER_PASSPHRASE).close()
    assert sorted(p.name for p in vault_folder.iterdir()) == CLOSED_VAULT
    Vault.open(vault_folder, OTHER_PASSPHRASE).close()
    (vault_folder / KEY_NAME).write_bytes(old_key_file)
    with pytest.raises(VaultMismatch):
        Vault.open(vault_folder, PASSPHRASE)


def test_a_damaged_pending_key_file_is_ignored(vault_folder: Path):
    (vault_folder / rekey.NEXT_KEY_NAME).write_bytes(b"{not json")
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_folder, OTHER_PASSPHRASE)
    Vault.open(vault_folder, PASSPHRASE).close()
    assert sorted(p.name for p in vault_folder.iterdir()) == CLOSED_VAULT


def test_other_threads_wait_for_a_rotation_and_never_find_the_vault_locked(
    vault_folder: Path, monkeypatch
):
    """The sync timer reads the vault on the UI thread while the worker rotates the key.

    Between the rename and the new connection the database has no connection;
    a reader arriving then must wait for the new one, not be told "locked".
    """
    import threading
    import time

    errors: list[BaseException] = []
    reads = 0
    swapped, done = threading.Event(), threading.Event()
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        real_fsync_folder = fsync_folder

        def slow_fsync_folder(folder: Path) -> None:
            real_fsync_folder(folder)
            if vault.db.swapping:  # widen the moment without a connection
                swapped.set()
                time.sleep(0.3)

        monkeypatch.setattr(rekey, "fsync_folder", slow_fsync_folder)

        def reader() -> None:
            nonlocal reads
            swapped.wait(30)  # a timer that fires while the file is being swapped
            while not done.is_set():
                try:
                    vault.db.query("SELECT count(*) FROM meta")
                    reads += 1
                except BaseException as exc:  # any escape is what this test looks for
                    errors.append(exc)
                    return

        thread = threading.Thread(target=reader)
        thread.start()
        try:
            vault.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE)
        finally:
            done.set()
            thread.join(30)
    assert swapped.is_set()
    assert errors == []
    assert reads > 0


def test_a_foreign_key_file_beside_a_crashed_vault_changes_neither_database_nor_wal(
    vault_folder: Path, tmp_path: Path
):
    """A wrong key used to leave SQLite free to checkpoint the WAL on close."""
    import shutil

    from tests.unit.storage.support import make_vault

    crashed = tmp_path / "crashed"
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        with vault.db.transaction():
            vault.db.execute("INSERT INTO meta (key, value) VALUES ('in', 'the wal')")
        shutil.copytree(vault_folder, crashed)  # as a kill leaves it: WAL not replayed
    assert (crashed / (DB_NAME + "-wal")).stat().st_size > 0
    good_key = (crashed / KEY_NAME).read_bytes()
    other = make_vault(tmp_path / "other")  # the same passphrase, another vault
    (crashed / KEY_NAME).write_bytes((other / KEY_NAME).read_bytes())
    before = snapshot(crashed)
    with pytest.raises(VaultMismatch):
        Vault.open(crashed, PASSPHRASE)
    after = snapshot(crashed)
    assert {n: after.get(n) for n in before if not n.endswith("-shm")} == {
        n: b for n, b in before.items() if not n.endswith("-shm")
    }  # the WAL's index (-shm) may be rebuilt; it holds no data
    (crashed / KEY_NAME).write_bytes(good_key)
    with Vault.open(crashed, PASSPHRASE) as vault:
        assert vault.db.query_one("SELECT value FROM meta WHERE key = 'in'") == ("the wal",)
