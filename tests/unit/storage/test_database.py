"""The connection wrapper: SQLCipher's behaviour, error translation, transactions."""

from __future__ import annotations

import errno
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from mentorpair.crypto.keywrap import new_key
from mentorpair.crypto.random import random_bytes
from mentorpair.crypto.subkeys import Purpose, derive_subkey
from mentorpair.errors import (
    CorruptFile,
    DiskError,
    DiskFull,
    NotFound,
    PermissionDenied,
    VaultBusy,
    VaultMismatch,
)
from mentorpair.storage.database import Database, translate_sqlite_errors
from mentorpair.storage.vault import DB_NAME, Vault, _connect
from tests.unit.storage.support import PASSPHRASE, snapshot

SQLITE_NOTADB = 26


def raw_connection(path: Path, raw_key: bytes, timeout: float = 5.0) -> sqlcipher3.Connection:
    """A bare sqlcipher3 connection keyed with a raw key, as vault._connect does."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, timeout=timeout)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
    return conn


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh keyed database with the vault's connection settings."""
    database = _connect(tmp_path / "test.db", new_key("vault key"), random_bytes(16))
    database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT")
    yield database
    database.close()


def bodies(db: Database) -> list[str]:
    return [row[0] for row in db.query("SELECT body FROM t ORDER BY id")]


# ---------------------------------------------------------------- the real library


def test_wrong_raw_key_gives_notadb_on_first_read_which_we_call_a_mismatch(vault_folder: Path):
    before = snapshot(vault_folder)
    conn = raw_connection(vault_folder / DB_NAME, bytes(32))
    try:
        conn.execute("PRAGMA cipher_page_size = 4096")  # settings alone read nothing
        with pytest.raises(sqlcipher3.DatabaseError) as caught:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        assert caught.value.sqlite_errorcode == SQLITE_NOTADB
        assert caught.value.sqlite_errorname == "SQLITE_NOTADB"
        with pytest.raises(VaultMismatch), translate_sqlite_errors():
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        conn.close()
    assert snapshot(vault_folder) == before


def test_database_key_is_hkdf_of_the_vault_key_with_the_vault_id(vault_folder: Path):
    # The key hierarchy in vault.py's docstring, checked against the library:
    # vault key -> HKDF(purpose, salt=vault id) -> SQLCipher raw key.
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        page_key = derive_subkey(
            vault._vault_key, Purpose.SQLCIPHER_PAGE_KEY, salt=vault.vault_id
        ).reveal()
        vault_id = vault.vault_id
    conn = raw_connection(vault_folder / DB_NAME, page_key)
    try:
        rows = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchall()
    finally:
        conn.close()
    assert rows == [(vault_id.hex(),)]


def test_file_has_no_plaintext_sqlite_header(vault_folder: Path):
    data = (vault_folder / DB_NAME).read_bytes()
    assert not data.startswith(b"SQLite format 3\0")
    assert b"CREATE TABLE" not in data
    assert len(data) % 4096 == 0


def test_connection_settings_are_in_force(db: Database):
    assert db.pragma("journal_mode") == "wal"
    assert db.pragma("synchronous") == 2
    assert db.pragma("secure_delete") == 1
    assert db.pragma("temp_store") == 2
    assert db.pragma("foreign_keys") == 1
    assert db.pragma("cipher_memory_security") == "1"
    assert db.pragma("cipher_page_size") == "4096"
    assert str(db.pragma("cipher_version")).startswith("4.")


def test_garbage_file_is_a_mismatch_not_a_crash(tmp_path: Path):
    path = tmp_path / "garbage.db"
    path.write_bytes(random_bytes(8192))
    with pytest.raises(VaultMismatch):
        _connect(path, new_key("vault key"), random_bytes(16))
    assert len(path.read_bytes()) == 8192


# ---------------------------------------------------------------- error translation


def sqlite_error(code: int, cls: Any = sqlcipher3.OperationalError) -> sqlcipher3.Error:
    """An SQLite error as sqlcipher3 raises it, with a path that must not leak."""
    exc = cls("disk I/O error at /home/Ada Lovelace/vault.db")
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(
    ("code", "known"),
    [
        (26, VaultMismatch),  # SQLITE_NOTADB
        (11, CorruptFile),  # SQLITE_CORRUPT
        (13, DiskFull),  # SQLITE_FULL
        (8, PermissionDenied),  # SQLITE_READONLY
        (3, PermissionDenied),  # SQLITE_PERM
        (14, PermissionDenied),  # SQLITE_CANTOPEN
        (5, VaultBusy),  # SQLITE_BUSY
        (6, VaultBusy),  # SQLITE_LOCKED
        (10, DiskError),  # SQLITE_IOERR
        (10 | (3 << 8), DiskError),  # SQLITE_IOERR_WRITE: extended codes count too
        (5 | (1 << 8), VaultBusy),  # SQLITE_BUSY_RECOVERY
        (11 | (1 << 8), CorruptFile),  # SQLITE_CORRUPT_VTAB
    ],
)
def test_environment_errors_become_known_errors(code, known):
    with pytest.raises(known) as caught, translate_sqlite_errors():
        raise sqlite_error(code)
    assert type(caught.value) is known
    assert "Ada" not in str(caught.value)
    assert caught.value.__suppress_context__


@pytest.mark.parametrize(
    "bug",
    [
        sqlite_error(1),  # SQLITE_ERROR: our SQL is wrong
        sqlite_error(19, sqlcipher3.IntegrityError),  # SQLITE_CONSTRAINT
        sqlcipher3.ProgrammingError("Cannot operate on a closed database."),
        ValueError("not an SQLite problem"),
    ],
)
def test_bugs_pass_through_unchanged(bug):
    with pytest.raises(type(bug)) as caught, translate_sqlite_errors():
        raise bug
    assert caught.value is bug


@pytest.mark.parametrize(
    ("code", "known"),
    [(errno.ENOSPC, DiskFull), (errno.EACCES, PermissionDenied), (errno.ENOENT, NotFound)],
)
def test_os_errors_inside_become_known_errors(code, known):
    with pytest.raises(known), translate_sqlite_errors():
        raise OSError(code, "x")


def test_real_syntax_error_is_a_bug(db: Database):
    with pytest.raises(sqlcipher3.OperationalError):
        db.query("SELEC nonsense")


def test_real_constraint_violation_is_a_bug(db: Database):
    with pytest.raises(sqlcipher3.IntegrityError):
        db.execute("INSERT INTO t (id, body) VALUES (1, NULL)")


def test_real_busy_database_is_vault_busy(tmp_path: Path):
    vault_key, vault_id = new_key("vault key"), random_bytes(16)
    path = tmp_path / "shared.db"
    first = _connect(path, vault_key, vault_id)
    page_key = derive_subkey(vault_key, Purpose.SQLCIPHER_PAGE_KEY, salt=vault_id).reveal()
    second = Database(raw_connection(path, page_key, timeout=0))
    try:
        first.execute("CREATE TABLE t (x INTEGER) STRICT")
        with first.transaction():
            first.execute("INSERT INTO t (x) VALUES (1)")
            with pytest.raises(VaultBusy):
                second.execute("INSERT INTO t (x) VALUES (2)")
        second.execute("INSERT INTO t (x) VALUES (3)")
        assert first.query("SELECT x FROM t ORDER BY x") == [(1,), (3,)]
    finally:
        first.close()
        second.close()


# ---------------------------------------------------------------- transactions


def test_transaction_commits_together(db: Database):
    with db.transaction():
        db.execute("INSERT INTO t (body) VALUES (:body)", {"body": "a"})
        db.execute("INSERT INTO t (body) VALUES (:body)", {"body": "b"})
    assert bodies(db) == ["a", "b"]


def test_transaction_rolls_back_on_error(db: Database):
    with pytest.raises(RuntimeError, match="boom"), db.transaction():
        db.execute("INSERT INTO t (body) VALUES (:body)", {"body": "lost"})
        raise RuntimeError("boom")
    assert bodies(db) == []
    # and the connection is usable afterwards
    with db.transaction():
        db.execute("INSERT INTO t (body) VALUES ('kept')")
    assert bodies(db) == ["kept"]


def test_transaction_rolls_back_on_interrupt(db: Database):
    with pytest.raises(KeyboardInterrupt), db.transaction():
        db.execute("INSERT INTO t (body) VALUES ('lost')")
        raise KeyboardInterrupt
    assert bodies(db) == []


def test_nested_transaction_joins_the_outer_one(db: Database):
    with pytest.raises(RuntimeError), db.transaction():
        db.execute("INSERT INTO t (body) VALUES ('outer')")
        with db.transaction():
            db.execute("INSERT INTO t (body) VALUES ('inner')")
        assert bodies(db) == ["outer", "inner"]
        raise RuntimeError("outer fails after inner finished")
    assert bodies(db) == []


def test_error_in_nested_transaction_rolls_back_everything(db: Database):
    with pytest.raises(RuntimeError), db.transaction():
        db.execute("INSERT INTO t (body) VALUES ('outer')")
        with db.transaction():
            db.execute("INSERT INTO t (body) VALUES ('inner')")
            raise RuntimeError("inner fails")
    assert bodies(db) == []


def test_transaction_holds_the_write_lock_from_the_start(tmp_path: Path):
    vault_key, vault_id = new_key("vault key"), random_bytes(16)
    path = tmp_path / "shared.db"
    first = _connect(path, vault_key, vault_id)
    page_key = derive_subkey(vault_key, Purpose.SQLCIPHER_PAGE_KEY, salt=vault_id).reveal()
    second = Database(raw_connection(path, page_key, timeout=0))
    try:
        first.execute("CREATE TABLE t (x INTEGER) STRICT")
        with first.transaction():  # nothing written yet, but the lock is ours
            with pytest.raises(VaultBusy), second.transaction():
                pass
    finally:
        first.close()
        second.close()


def test_named_parameters_and_query_helpers(db: Database):
    db.execute_many("INSERT INTO t (body) VALUES (:body)", [{"body": "x"}, {"body": "y"}])
    assert db.query("SELECT body FROM t WHERE body = :b", {"b": "y"}) == [("y",)]
    assert db.query_one("SELECT body FROM t ORDER BY id") == ("x",)
    assert db.query_one("SELECT body FROM t WHERE body = 'none'") is None
    assert db.pragma("user_version") == 0


def test_quotes_in_values_are_data_not_sql(db: Database):
    evil = "'); DROP TABLE t; --"
    db.execute("INSERT INTO t (body) VALUES (:body)", {"body": evil})
    assert bodies(db) == [evil]


def test_closed_database_refuses_use(db: Database):
    db.close()
    db.close()  # twice is fine
    assert db.closed
    with pytest.raises(RuntimeError, match="locked"):
        db.query("SELECT 1")
    with pytest.raises(RuntimeError, match="locked"), db.transaction():
        pass


def test_usable_from_another_thread(db: Database):
    # Opened on a worker thread, used on the UI thread (or the reverse).
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with db.transaction():
                db.execute("INSERT INTO t (body) VALUES ('from thread')")
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []
    assert bodies(db) == ["from thread"]


def test_backup_copies_everything(tmp_path: Path, db: Database):
    db.execute("INSERT INTO t (body) VALUES ('precious')")
    target = _connect(tmp_path / "copy.db", new_key("other"), random_bytes(16))
    try:
        db.backup_to(target)
        assert target.query("SELECT body FROM t") == [("precious",)]
    finally:
        target.close()
