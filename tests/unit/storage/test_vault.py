"""The vault: create, open, refuse, re-key, back up, lock, recover from crashes."""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mentorpair.crypto import kdf
from mentorpair.crypto.identity import fingerprint
from mentorpair.domain.profile import InvalidDisplayName
from mentorpair.errors import (
    CorruptFile,
    DiskError,
    KnownError,
    MadeByNewerVersion,
    NotFound,
    VaultAlreadyExists,
    VaultMismatch,
    WrongPassphrase,
)
from mentorpair.storage import migrations
from mentorpair.storage.database import Database
from mentorpair.storage.migrations import CURRENT, SchemaVersion
from mentorpair.storage.vault import (
    DB_NAME,
    KEY_NAME,
    NEW_DB_NAME,
    Vault,
    VaultState,
    vault_state,
)
from tests.unit.storage.support import (
    CLOSED_VAULT,
    DISPLAY_NAME,
    OTHER_PASSPHRASE,
    PASSPHRASE,
    copy_vault,
    make_vault,
    run_python,
    snapshot,
)

WRONG_MESSAGE = "That passphrase does not open this vault."


def read_everything(vault: Vault) -> None:
    """Touch every table, so damage anywhere in the file has to show."""
    vault.display_name()
    vault.identity()
    tables = [r[0] for r in vault.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        vault.db.query(f"SELECT * FROM {table}")
    # Damage in an index page shows only here; the app reports it the same way.
    if vault.db.query("PRAGMA integrity_check") != [("ok",)]:
        raise CorruptFile()


# ---------------------------------------------------------------- create and open


def test_create_then_open_gives_back_the_same_vault(tmp_path: Path):
    folder = tmp_path / "new" / "vault"
    vault = Vault.create(folder, PASSPHRASE, "  Ada   Lovelace ")
    vault_id, public = vault.vault_id, vault.identity().public()
    assert vault.display_name() == "Ada Lovelace"
    vault.close()
    with Vault.open(folder, PASSPHRASE) as reopened:
        assert reopened.vault_id == vault_id
        assert reopened.identity().public() == public
        assert reopened.display_name() == "Ada Lovelace"
        assert migrations.read_version(reopened.db) == CURRENT
        assert reopened.kdf_params.memory_kib == kdf.MIN_MEMORY_KIB  # conftest's fast profile
        created_by = reopened.db.query_one("SELECT value FROM meta WHERE key = 'created_by'")
        assert created_by is not None
    assert sorted(p.name for p in folder.iterdir()) == CLOSED_VAULT


def test_vault_files_are_private_to_the_owner(tmp_path: Path):
    folder = make_vault(tmp_path / "vault")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / KEY_NAME).stat().st_mode) == 0o600
    old_umask = os.umask(0o022)  # a typical umask would make new files world-readable
    try:
        with Vault.open(folder, PASSPHRASE) as vault:
            vault.set_display_name("Someone Else")  # a write, so the WAL exists
            for name in ("vault.db", "vault.db-wal", "vault.db-shm"):
                assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
            vault.backup_to(tmp_path / "backup")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "backup" / "vault.db").stat().st_mode) == 0o600


def test_create_uses_the_given_kdf_parameters(tmp_path: Path):
    chosen: list[kdf.KdfParams] = []

    def params() -> kdf.KdfParams:
        chosen.append(kdf.KdfParams(128 * 1024, 2, 2, kdf.minimum_params().salt))
        return chosen[-1]

    with Vault.create(tmp_path / "vault", PASSPHRASE, DISPLAY_NAME, params=params) as vault:
        assert vault.kdf_params == chosen[0]
    Vault.open(tmp_path / "vault", PASSPHRASE).close()


def test_every_vault_gets_its_own_identity_and_id(tmp_path: Path):
    a = Vault.create(tmp_path / "a", PASSPHRASE, DISPLAY_NAME)
    b = Vault.create(tmp_path / "b", PASSPHRASE, DISPLAY_NAME)
    try:
        assert a.vault_id != b.vault_id
        assert fingerprint(a.identity().public()) != fingerprint(b.identity().public())
    finally:
        a.close()
        b.close()


def test_invalid_display_name_creates_nothing(tmp_path: Path):
    with pytest.raises(InvalidDisplayName):
        Vault.create(tmp_path / "vault", PASSPHRASE, "Ada\u202eecalevoL")
    assert not (tmp_path / "vault").exists()


def test_vault_state(tmp_path: Path, vault_folder: Path):
    assert vault_state(tmp_path / "nothing here") is VaultState.ABSENT
    assert vault_state(vault_folder) is VaultState.PRESENT


# ---------------------------------------------------------------- wrong passphrase


@pytest.mark.parametrize(
    "attempt",
    [OTHER_PASSPHRASE, PASSPHRASE.upper(), PASSPHRASE + " ", PASSPHRASE[:-1], "", " "],
)
def test_wrong_passphrase_is_refused_and_changes_nothing(vault_folder: Path, capfd, attempt):
    before = snapshot(vault_folder)
    with pytest.raises(WrongPassphrase) as caught:
        Vault.open(vault_folder, attempt)
    assert str(caught.value) == WRONG_MESSAGE
    assert caught.value.__cause__ is None
    assert snapshot(vault_folder) == before  # same files, same bytes
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_passphrase_that_is_not_text_is_wrong(vault_folder: Path):
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_folder, None)  # type: ignore[arg-type]


def test_differently_composed_accents_are_the_same_passphrase(tmp_path: Path):
    passphrase = "crème brûlée für Zoë, señor"
    make_vault(tmp_path / "vault", passphrase=passphrase)
    Vault.open(tmp_path / "vault", unicodedata.normalize("NFD", passphrase)).close()


# ---------------------------------------------------------------- missing and mixed-up files


def test_empty_or_missing_folder_is_not_found(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "empty", tmp_path / "missing"):
        with pytest.raises(NotFound):
            Vault.open(folder, PASSPHRASE)
    assert not (tmp_path / "missing").exists()
    assert list((tmp_path / "empty").iterdir()) == []


@pytest.mark.parametrize(("missing", "mentioned"), [(KEY_NAME, "vault.key"), (DB_NAME, "vault.db")])
def test_missing_file_is_corrupt_and_changes_nothing(vault_folder: Path, missing, mentioned):
    (vault_folder / missing).unlink()
    before = snapshot(vault_folder)
    with pytest.raises(CorruptFile, match=re.escape(mentioned)):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before


def test_empty_database_is_refused_untouched(vault_folder: Path):
    # SQLite would happily treat an empty file as a new database and write to it.
    (vault_folder / DB_NAME).write_bytes(b"")
    before = snapshot(vault_folder)
    with pytest.raises(CorruptFile, match=r"vault\.db"):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before


def test_key_file_from_another_vault_is_a_mismatch_and_changes_nothing(
    vault_folder: Path, tmp_path: Path, capfd
):
    other = make_vault(tmp_path / "other")  # same passphrase, different vault
    shutil.copyfile(other / KEY_NAME, vault_folder / KEY_NAME)
    before = snapshot(vault_folder)
    with pytest.raises(VaultMismatch) as caught:
        Vault.open(vault_folder, PASSPHRASE)
    assert "key file" in str(caught.value)
    assert snapshot(vault_folder) == before
    assert capfd.readouterr() == ("", "")


def test_key_file_from_another_vault_with_another_passphrase_is_a_wrong_passphrase(
    vault_folder: Path, tmp_path: Path
):
    other = make_vault(tmp_path / "other", passphrase=OTHER_PASSPHRASE)
    shutil.copyfile(other / KEY_NAME, vault_folder / KEY_NAME)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_folder, PASSPHRASE)
    # with the other passphrase the key opens, but the database is not its own
    with pytest.raises(VaultMismatch):
        Vault.open(vault_folder, OTHER_PASSPHRASE)


def test_database_naming_another_vault_is_a_mismatch(vault_folder: Path):
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        vault.db.execute("UPDATE meta SET value = :v WHERE key = 'vault_id'", {"v": "00" * 16})
    with pytest.raises(VaultMismatch):
        Vault.open(vault_folder, PASSPHRASE)


# ---------------------------------------------------------------- damaged database


PAGE = 4096


@pytest.mark.parametrize(
    "offset",
    [0, 15, 16, 100, PAGE - 1, PAGE, PAGE + 2000, 2 * PAGE + 5, 3 * PAGE + 4000, -1],
    ids=lambda o: f"byte{o}",
)
def test_flipped_byte_in_database_is_refused_not_a_crash(vault_folder: Path, offset):
    path = vault_folder / DB_NAME
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    before = snapshot(vault_folder)
    with pytest.raises(CorruptFile):  # VaultMismatch is one, for page 1
        with Vault.open(vault_folder, PASSPHRASE) as vault:
            read_everything(vault)
    assert snapshot(vault_folder) == before


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_damage_to_the_database_is_always_a_known_error(
    template_vault: Path, tmp_path_factory, data
):
    original = (template_vault / DB_NAME).read_bytes()
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4), label="flips")):
        offset = data.draw(st.integers(0, len(original) - 1), label="offset")
        damaged[offset] ^= data.draw(st.integers(1, 255), label="mask")
    if data.draw(st.booleans(), label="truncate"):
        damaged = damaged[: data.draw(st.integers(1, len(original) - 1), label="length")]
    assume(bytes(damaged) != original)  # two flips of the same bit cancel out
    folder = copy_vault(template_vault, tmp_path_factory.mktemp("damaged") / "vault")
    (folder / DB_NAME).write_bytes(bytes(damaged))
    with pytest.raises(CorruptFile):
        with Vault.open(folder, PASSPHRASE) as vault:
            read_everything(vault)


@pytest.mark.parametrize("keep", [PAGE, 2 * PAGE + 100, 100])
def test_truncated_database_is_refused(vault_folder: Path, keep):
    path = vault_folder / DB_NAME
    path.write_bytes(path.read_bytes()[:keep])
    before = snapshot(vault_folder)
    with pytest.raises(CorruptFile):
        with Vault.open(vault_folder, PASSPHRASE) as vault:
            read_everything(vault)
    assert snapshot(vault_folder) == before


# ---------------------------------------------------------------- newer versions


def set_user_version(folder: Path, version: SchemaVersion) -> None:
    with Vault.open(folder, PASSPHRASE) as vault:
        vault.db.execute(f"PRAGMA user_version = {version.pack()}")


@pytest.mark.parametrize(
    "newer", [SchemaVersion(CURRENT.major + 1, 0), SchemaVersion(CURRENT.major + 7, 3)]
)
def test_newer_major_schema_is_refused_untouched(vault_folder: Path, newer):
    set_user_version(vault_folder, newer)
    before = snapshot(vault_folder)
    with pytest.raises(MadeByNewerVersion, match="newer version"):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before


def test_newer_minor_schema_opens_and_keeps_its_version(vault_folder: Path):
    newer = SchemaVersion(CURRENT.major, CURRENT.minor + 1)
    set_user_version(vault_folder, newer)
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        assert vault.display_name() == DISPLAY_NAME
        # never marked down: the newer app's additions are still there for it
        assert migrations.read_version(vault.db) == newer


def test_key_file_of_a_newer_version_is_refused_untouched(vault_folder: Path):
    text = (vault_folder / KEY_NAME).read_text()
    (vault_folder / KEY_NAME).write_text(text.replace('"version": 1', '"version": 2'))
    before = snapshot(vault_folder)
    with pytest.raises(MadeByNewerVersion):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before


# ---------------------------------------------------------------- passphrase change


def test_change_passphrase_swaps_old_for_new_and_rotates_the_vault_key(vault_folder: Path):
    old_key_file = (vault_folder / KEY_NAME).read_bytes()
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        db_before = (vault_folder / DB_NAME).read_bytes()
        vault.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE)
        assert (vault_folder / DB_NAME).read_bytes()[:16] != db_before[:16]
        assert vault.display_name() == DISPLAY_NAME  # still usable
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_folder, PASSPHRASE)
    with Vault.open(vault_folder, OTHER_PASSPHRASE) as vault:
        assert vault.display_name() == DISPLAY_NAME
    assert sorted(p.name for p in vault_folder.iterdir()) == CLOSED_VAULT
    # An old copy of the key file, with the old passphrase, no longer opens it.
    (vault_folder / KEY_NAME).write_bytes(old_key_file)
    with pytest.raises(VaultMismatch):
        Vault.open(vault_folder, PASSPHRASE)


@pytest.mark.fresh_salt
def test_change_passphrase_gets_fresh_salt_and_nonce(vault_folder: Path):
    old_key = (vault_folder / KEY_NAME).read_bytes()
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        old_params = vault.kdf_params
        vault.change_passphrase(PASSPHRASE, PASSPHRASE)  # even to the same words
        assert vault.kdf_params.salt != old_params.salt
    assert (vault_folder / KEY_NAME).read_bytes() != old_key
    Vault.open(vault_folder, PASSPHRASE).close()


def test_change_passphrase_twice_in_one_session(vault_folder: Path):
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        vault.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE)
        with pytest.raises(WrongPassphrase):
            vault.change_passphrase(PASSPHRASE, "a third passphrase")
        vault.change_passphrase(OTHER_PASSPHRASE, "a third passphrase")
    Vault.open(vault_folder, "a third passphrase").close()


def test_change_passphrase_with_wrong_current_changes_nothing(vault_folder: Path):
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        key_before = (vault_folder / KEY_NAME).read_bytes()
        with pytest.raises(WrongPassphrase, match=re.escape(WRONG_MESSAGE)):
            vault.change_passphrase(OTHER_PASSPHRASE, "a third passphrase")
        assert (vault_folder / KEY_NAME).read_bytes() == key_before
    Vault.open(vault_folder, PASSPHRASE).close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_folder, "a third passphrase")


def test_failed_key_file_write_keeps_the_old_passphrase(vault_folder: Path, monkeypatch):
    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    with Vault.open(vault_folder, PASSPHRASE) as vault:
        monkeypatch.setattr(os, "replace", disk_full)
        with pytest.raises(KnownError):
            vault.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE)
        monkeypatch.undo()
    Vault.open(vault_folder, PASSPHRASE).close()
    assert sorted(p.name for p in vault_folder.iterdir()) == CLOSED_VAULT


# ---------------------------------------------------------------- backup


def test_backup_opens_with_the_same_passphrase_and_data(vault_folder: Path, tmp_path: Path):
    backup = tmp_path / "backup"
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        vault.set_display_name("Ada Lovelace")
        with vault.db.transaction():
            vault.db.execute("INSERT INTO meta (key, value) VALUES ('note', 'uncheckpointed')")
        original = (
            vault.vault_id,
            vault.identity().private_bytes(),
            vault.db.query("SELECT * FROM meta ORDER BY key"),
        )
        vault.backup_to(backup)
    # No note of this computer: a backup restored elsewhere opens there.
    assert sorted(p.name for p in backup.iterdir()) == [DB_NAME, KEY_NAME]
    with Vault.open(backup, PASSPHRASE) as copy:
        assert copy.display_name() == "Ada Lovelace"
        copied = (
            copy.vault_id,
            copy.identity().private_bytes(),
            copy.db.query("SELECT * FROM meta ORDER BY key"),
        )
        assert copied == original


def test_backup_keeps_its_passphrase_when_the_original_changes(vault_folder: Path, tmp_path: Path):
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        vault.backup_to(tmp_path / "backup")
        vault.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE)
    Vault.open(tmp_path / "backup", PASSPHRASE).close()
    Vault.open(vault_folder, OTHER_PASSPHRASE).close()


def test_backup_refuses_to_overwrite_a_vault(vault_folder: Path, tmp_path: Path):
    other = make_vault(tmp_path / "other")
    before = snapshot(other)
    with Vault.open(vault_folder, PASSPHRASE) as vault, pytest.raises(VaultAlreadyExists):
        vault.backup_to(other)
    assert snapshot(other) == before


# ---------------------------------------------------------------- crashes during creation


def test_leftover_new_database_without_key_file_is_discarded(vault_folder: Path, tmp_path: Path):
    folder = tmp_path / "crashed"
    folder.mkdir()
    # a creation that died before its key file was written
    shutil.copyfile(vault_folder / DB_NAME, folder / NEW_DB_NAME)
    (folder / (NEW_DB_NAME + "-wal")).write_bytes(b"half a transaction")
    with Vault.create(folder, OTHER_PASSPHRASE, "Ada Lovelace") as vault:
        assert vault.display_name() == "Ada Lovelace"
    assert sorted(p.name for p in folder.iterdir()) == CLOSED_VAULT
    Vault.open(folder, OTHER_PASSPHRASE).close()


def test_leftover_new_database_makes_no_vault(tmp_path: Path, vault_folder: Path):
    folder = tmp_path / "crashed"
    folder.mkdir()
    shutil.copyfile(vault_folder / DB_NAME, folder / NEW_DB_NAME)
    assert vault_state(folder) is VaultState.ABSENT
    with pytest.raises(NotFound):
        Vault.open(folder, PASSPHRASE)
    assert list(folder.iterdir()) == []


def cut_short_after_key_file(folder: Path) -> bytes:
    """Put ``folder`` in the state a crash between key file and rename leaves."""
    with Vault.open(folder, PASSPHRASE) as vault:
        vault_id = vault.vault_id
    os.replace(folder / DB_NAME, folder / NEW_DB_NAME)
    return vault_id


def test_creation_cut_short_after_the_key_file_is_finished_on_open(vault_folder: Path):
    vault_id = cut_short_after_key_file(vault_folder)
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        assert vault.vault_id == vault_id
        assert vault.display_name() == DISPLAY_NAME
    assert sorted(p.name for p in vault_folder.iterdir()) == CLOSED_VAULT


def test_creation_cut_short_after_the_key_file_counts_as_a_vault(vault_folder: Path):
    cut_short_after_key_file(vault_folder)
    assert vault_state(vault_folder) is VaultState.PRESENT
    assert sorted(p.name for p in vault_folder.iterdir()) == CLOSED_VAULT


def test_create_where_a_vault_exists_changes_nothing(vault_folder: Path):
    before = snapshot(vault_folder)
    with pytest.raises(VaultAlreadyExists):
        Vault.create(vault_folder, OTHER_PASSPHRASE, "Someone Else")
    assert snapshot(vault_folder) == before
    Vault.open(vault_folder, PASSPHRASE).close()


@pytest.mark.parametrize("only", [DB_NAME, KEY_NAME])
def test_create_where_half_a_vault_exists_changes_nothing(vault_folder: Path, only):
    for name in (DB_NAME, KEY_NAME):
        if name != only:
            (vault_folder / name).unlink()
    before = snapshot(vault_folder)
    with pytest.raises(VaultAlreadyExists):
        Vault.create(vault_folder, OTHER_PASSPHRASE, "Someone Else")
    assert snapshot(vault_folder) == before


# ---------------------------------------------------------------- lock


def test_lock_closes_the_database_and_wipes_the_key(vault_folder: Path):
    vault = Vault.open(vault_folder, PASSPHRASE)
    key = vault._vault_key
    vault.close()
    assert vault.closed
    assert key.wiped
    with pytest.raises(RuntimeError, match="locked"):
        vault.display_name()
    vault.close()  # locking twice is harmless
    assert sorted(p.name for p in vault_folder.iterdir()) == CLOSED_VAULT


def test_lock_wipes_the_key_even_if_the_checkpoint_fails(vault_folder: Path, monkeypatch):
    vault = Vault.open(vault_folder, PASSPHRASE)
    key = vault._vault_key

    def failing_pragma(self: Database, statement: str) -> object:
        raise DiskError()

    monkeypatch.setattr(Database, "pragma", failing_pragma)
    vault.close()
    assert vault.closed
    assert key.wiped


def test_set_display_name_is_cleaned_and_kept(vault_folder: Path):
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        assert vault.set_display_name("  Grace   Hopper ") == "Grace Hopper"
        with pytest.raises(InvalidDisplayName):
            vault.set_display_name("Grace\u202eHopper")
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        assert vault.display_name() == "Grace Hopper"


# ---------------------------------------------------------------- process hardening


HARDENING_PROBE = """
import resource, sys
from pathlib import Path
from mentorpair import hardening
from mentorpair.storage.vault import Vault
before = hardening.is_dumpable()
vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
print(before, hardening.is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE) == (0, 0))
vault.close()
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_open_vault_cannot_be_dumped_or_traced(vault_folder: Path):
    result = run_python(HARDENING_PROBE, str(vault_folder), PASSPHRASE)
    assert result.returncode == 0, result.stderr
    before, after, no_core_dumps = result.stdout.split()
    assert before in ("True", "False")  # known: prctl works here
    assert (after, no_core_dumps) == ("False", "True")
    assert result.stderr == ""
