"""Create, open, lock, re-key and back up a vault.

A vault is a folder with two files:

* ``vault.db`` — the SQLCipher database (with ``-wal``/``-shm`` while open);
* ``vault.key`` — the key file (:mod:`mentorpair.storage.header`).

Key hierarchy: passphrase → Argon2id → key-encryption key, which unwraps a
random 256-bit vault key → HKDF("sqlcipher page key") → SQLCipher's raw key,
given as ``PRAGMA key = "x'…'"`` so SQLCipher's own PBKDF2 is skipped. Changing
the passphrase also rotates the vault key (:mod:`mentorpair.storage.rekey`), so
an old copy of ``vault.key`` stops opening the database.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from mentorpair import __version__
from mentorpair.crypto import kdf
from mentorpair.crypto.identity import Identity
from mentorpair.crypto.keywrap import UnwrapFailed, new_key, unwrap_key, wrap_key
from mentorpair.crypto.random import random_bytes
from mentorpair.crypto.secret import SecretKey
from mentorpair.crypto.subkeys import Purpose, derive_subkey
from mentorpair.domain.profile import clean_display_name
from mentorpair.errors import (
    CorruptFile,
    KnownError,
    NotFound,
    UnsafeEnvironment,
    VaultAlreadyExists,
    VaultMismatch,
    WrongPassphrase,
)
from mentorpair.hardening import harden_process
from mentorpair.storage import migrations, placement, rekey
from mentorpair.storage.atomic import fsync_folder
from mentorpair.storage.database import Database, translate_sqlite_errors
from mentorpair.storage.header import VaultHeader, read_header, write_header
from mentorpair.storage.layout import (
    DB_NAME,
    KEY_NAME,
    NEW_DB_NAME,
    VaultState,
    finish_interrupted_creation,
    vault_state,
)
from mentorpair.storage.oserrors import translate_os_errors

__all__ = ["DB_NAME", "KEY_NAME", "NEW_DB_NAME", "Vault", "VaultState", "vault_state"]

log = logging.getLogger(__name__)

#: Every SQLCipher vault holds at least its first 4096-byte page. SQLite takes
#: a shorter file for a new database and would write a fresh schema into it.
MIN_DB_SIZE = 4096
#: A rotation that a crash cut short leaves the other key file usable.
ROTATION_NOT_FINISHED = (
    "A passphrase change was interrupted before it took effect. Unlock with your "
    "previous passphrase, then change it again."
)
ROTATION_FINISHED = (
    "That passphrase does not open this vault. A passphrase change finished when "
    "mentorpair last stopped: use your new passphrase."
)

#: SQLCipher 4 settings, set explicitly so a future library default cannot
#: silently change how our pages are encrypted.
CIPHER_SETTINGS: tuple[tuple[str, str, object], ...] = (
    ("cipher_page_size = 4096", "cipher_page_size", "4096"),
    ("cipher_hmac_algorithm = HMAC_SHA512", "cipher_hmac_algorithm", "HMAC_SHA512"),
    ("cipher_kdf_algorithm = PBKDF2_HMAC_SHA512", "cipher_kdf_algorithm", "PBKDF2_HMAC_SHA512"),
)
#: Settings applied after the key, each with the value we read back to check it.
CONNECTION_SETTINGS: tuple[tuple[str, str, object], ...] = (
    ("cipher_memory_security = ON", "cipher_memory_security", "1"),
    ("secure_delete = ON", "secure_delete", 1),
    ("temp_store = MEMORY", "temp_store", 2),
    ("journal_mode = WAL", "journal_mode", "wal"),
    ("synchronous = FULL", "synchronous", 2),
    ("foreign_keys = ON", "foreign_keys", 1),
)


class Vault:
    """An open vault. Closing it (locking) drops the connection and key material.

    Attributes:
        folder: the vault's folder.
        vault_id: 16 random bytes naming the vault.
    """

    def __init__(
        self, folder: Path, header: VaultHeader, vault_key: SecretKey, db: Database
    ) -> None:
        self.folder = folder
        self.vault_id = header.vault_id
        self._header = header
        self._vault_key = vault_key
        self._db = db

    # ------------------------------------------------------------- lifecycle
    @classmethod
    def create(
        cls,
        folder: Path,
        passphrase: str,
        display_name: str,
        params: Callable[[], kdf.KdfParams] | None = None,
        *,
        linked: LinkedKeys | None = None,
    ) -> Vault:
        """Make a new vault with a fresh identity and open it.

        Args:
            folder: where to put it; created if missing (owner-only access).
            passphrase: the person's chosen passphrase (strength is checked by
                the caller, which can explain the verdict).
            display_name: how partners will see this person.
            params: chooses the Argon2id parameters (default: calibrated here).
            linked: on a computer being linked to the person's others, their
                identity and this computer's own certified keys (see
                :meth:`create_linked`); else a fresh identity is made.

        Raises:
            VaultAlreadyExists: the folder already holds a vault; nothing changed.
        """
        name = clean_display_name(display_name)
        harden_process()
        with translate_os_errors():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if vault_state(folder) is VaultState.PRESENT:
            raise VaultAlreadyExists()
        kdf_params = (params or kdf.default_params)()
        vault_id = random_bytes(16)
        vault_key = new_key("vault key")
        kek = kdf.derive_kek(passphrase, kdf_params)
        try:
            context = VaultHeader.context_for(vault_id, kdf_params)
            header = VaultHeader(vault_id, kdf_params, wrap_key(vault_key, kek, context))
        finally:
            kek.wipe()

        _create_private_file(folder / NEW_DB_NAME)
        db = _connect(folder / NEW_DB_NAME, vault_key, vault_id)
        try:
            migrations.migrate(db)
            identity = Identity.generate() if linked is None else linked.identity
            signing, agreement, kem_seed = identity.private_bytes()
            now = _now()
            with db.transaction():
                db.execute_many(
                    "INSERT INTO meta (key, value) VALUES (:key, :value)",
                    [
                        {"key": "vault_id", "value": vault_id.hex()},
                        {"key": "created_by", "value": __version__},
                    ],
                )
                db.execute(
                    "INSERT INTO profile (id, display_name, created_at) VALUES (1, :name, :now)",
                    {"name": name, "now": now},
                )
                db.execute(
                    "INSERT INTO identity (id, signing_key, agreement_key, kem_seed, created_at)"
                    " VALUES (1, :signing, :agreement, :kem_seed, :now)",
                    {"signing": signing, "agreement": agreement, "kem_seed": kem_seed, "now": now},
                )
                if linked is not None:
                    own = linked.device.private_bytes()
                    db.execute(
                        "INSERT INTO device (id, signing_key, agreement_key, kem_seed, certificate)"
                        " VALUES (1, :s, :a, :k, :c)",
                        {"s": own[0], "a": own[1], "k": own[2], "c": linked.certificate},
                    )
        finally:
            db.close()
        # Commit point: the key file makes the vault exist; then the database
        # takes its final name (an interrupted rename is finished on next start).
        write_header(folder / KEY_NAME, header)
        with translate_os_errors():
            os.replace(folder / NEW_DB_NAME, folder / DB_NAME)
            fsync_folder(folder)
        log.info("vault created (%r)", kdf_params)
        _mark_machine(folder)
        return cls(folder, header, vault_key, _connect(folder / DB_NAME, vault_key, vault_id))

    @classmethod
    def create_linked(
        cls,
        folder: Path,
        passphrase: str,
        display_name: str,
        *,
        identity: Identity,
        device: Identity,
        certificate: str,
        params: Callable[[], kdf.KdfParams] | None = None,
    ) -> Vault:
        """Make the vault of a computer linked to the person's others.

        It holds the person's identity (so it reads what is sealed to them
        and can certify or remove their computers) and this computer's own
        keys, which sign its changes and open the updates sealed to it.
        ``certificate`` is the person's signed word for those keys
        (``sync/devices.py``), kept as its canonical JSON text.
        """
        return cls.create(
            folder, passphrase, display_name, params,
            linked=LinkedKeys(identity, device, certificate),
        )  # fmt: skip

    @classmethod
    def open(cls, folder: Path, passphrase: str, *, take_over: bool = False) -> Vault:
        """Unlock the vault in ``folder``.

        The database is not written unless the passphrase is right, the
        database is of a version we understand, and no other computer opened
        it lately (:mod:`mentorpair.storage.placement`). (A creation that a
        crash cut short is completed or discarded first; see
        :func:`~mentorpair.storage.layout.finish_interrupted_creation`.)

        Args:
            folder: the vault's folder.
            passphrase: the person's passphrase.
            take_over: the person said the vault moved to this computer for
                good, so another computer's recent use does not stop it.

        Raises:
            WrongPassphrase: the passphrase does not unwrap the vault key.
            NotFound: there is no vault in the folder.
            VaultUsedElsewhere: another computer opened it lately; nothing written.
            CorruptFile, VaultMismatch, MadeByNewerVersion: see their messages.
        """
        if not isinstance(passphrase, str) or not passphrase:
            raise WrongPassphrase()
        harden_process()
        if not take_over:
            placement.check_machine(folder, datetime.now(UTC))
        finish_interrupted_creation(folder)
        key_path, db_path = folder / KEY_NAME, folder / DB_NAME
        if not key_path.exists() and not db_path.exists():
            raise NotFound("There is no vault in this folder.")
        if not key_path.exists():
            raise CorruptFile(
                "The vault's key file (vault.key) is missing, so the vault cannot be opened. "
                "Nothing was changed. If you have a backup of the vault folder, restore "
                "vault.key from it."
            )
        if not db_path.exists():
            raise CorruptFile(
                "The vault's database (vault.db) is missing. Nothing was changed. If you "
                "have a backup of the vault folder, restore vault.db from it."
            )
        _check_database_file(db_path)
        header = read_header(key_path)
        header, vault_key, db, used_pending = _unlock(folder, header, passphrase)
        try:
            if migrations.read_version(db) == migrations.SchemaVersion(0, 0):
                # Keyed and readable but holding no schema: not a vault of ours.
                raise _not_ours()
            migrations.migrate(db)
            _check_identity(db, header.vault_id)
            rekey.settle(folder, used_pending)
        except BaseException:
            db.close()
            vault_key.wipe()
            raise
        log.info("vault opened (schema %s)", migrations.read_version(db))
        _mark_machine(folder)
        return cls(folder, header, vault_key, db)

    @property
    def closed(self) -> bool:
        """True once the vault was locked."""
        return self._db.closed

    def close(self) -> None:
        """Lock: close the database and wipe the key held in memory."""
        try:
            if not self._db.closed:
                # Database.pragma translates SQLite errors into known errors; a
                # failed checkpoint loses nothing (the WAL is replayed on open),
                # so it must not stop the lock.
                with contextlib.suppress(sqlcipher3.Error, KnownError):
                    self._db.pragma("wal_checkpoint(TRUNCATE)")
        finally:
            self._db.close()
            self._vault_key.wipe()
        log.info("vault locked")

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------- contents
    @property
    def db(self) -> Database:
        """The open database (raises once the vault is locked)."""
        if self._db.closed:
            raise RuntimeError("the vault is locked")
        return self._db

    @property
    def kdf_params(self) -> kdf.KdfParams:
        """The Argon2id settings in force (for Preferences and the benchmark)."""
        return self._header.kdf

    def display_name(self) -> str:
        """How partners see this person."""
        row = self.db.query_one("SELECT display_name FROM profile WHERE id = 1")
        if row is None:
            raise CorruptFile()
        return str(row[0])

    def set_display_name(self, raw: str) -> str:
        """Change the display name; return it as stored."""
        name = clean_display_name(raw)
        with self.db.transaction():
            self.db.execute("UPDATE profile SET display_name = :name WHERE id = 1", {"name": name})
        return name

    def identity(self) -> Identity:
        """The person's private keys (kept only inside the vault)."""
        row = self.db.query_one(
            "SELECT signing_key, agreement_key, kem_seed FROM identity WHERE id = 1"
        )
        if row is None:
            raise CorruptFile()
        return Identity.from_private_bytes(bytes(row[0]), bytes(row[1]), bytes(row[2]))

    def device(self) -> Identity:
        """This computer's own keys: the identity on the first computer, else its certified ones.

        They sign this computer's chain entries and updates and open the
        updates sealed to it; the identity signs only certificates and removals.
        """
        row = self.db.query_one("SELECT signing_key, agreement_key, kem_seed FROM device")
        if row is None:
            return self.identity()
        return Identity.from_private_bytes(bytes(row[0]), bytes(row[1]), bytes(row[2]))

    def device_certificate(self) -> str | None:
        """The person's certificate for this computer's keys (None on the first computer)."""
        row = self.db.query_one("SELECT certificate FROM device")
        return None if row is None else str(row[0])

    # ------------------------------------------------------------- key file
    def change_passphrase(
        self,
        current: str,
        new: str,
        params: Callable[[], kdf.KdfParams] | None = None,
        progress: rekey.Progress | None = None,
    ) -> None:
        """Set a new passphrase and rotate the vault key, re-encrypting the database.

        A new passphrase alone would leave every old copy of ``vault.key``
        (backups, a cloud folder's history) opening the current database with
        the old passphrase; a new vault key retires them. The current
        passphrase is asked again so a person passing an unlocked screen
        cannot change it. A crash at any moment leaves a vault that opens with
        the old or the new passphrase (see :mod:`mentorpair.storage.rekey`).

        Args:
            current: the passphrase in force.
            new: the new passphrase (strength is checked by the caller).
            params: chooses the Argon2id parameters (default: calibrated here).
            progress: called with (pages copied, pages in all) while the
                database is re-encrypted, for a progress bar on a large vault.

        Raises:
            WrongPassphrase: ``current`` is not the vault's passphrase.
            VaultBusy, DiskFull, DiskError, PermissionDenied: nothing changed.
        """
        _unwrap(self._header, current).wipe()
        kdf_params = (params or kdf.default_params)()
        vault_key = new_key("vault key")
        kek = kdf.derive_kek(new, kdf_params)
        try:
            context = VaultHeader.context_for(self.vault_id, kdf_params)
            header = VaultHeader(self.vault_id, kdf_params, wrap_key(vault_key, kek, context))
        finally:
            kek.wipe()
        try:
            rekey.rotate(
                self.folder,
                self._db,
                header,
                vault_key,
                connect=lambda path, key: _connect(path, key, self.vault_id),
                reconnect_old=lambda: _connect(
                    self.folder / DB_NAME, self._vault_key, self.vault_id
                ),
                progress=progress,
            )
        except BaseException:
            if not self._db.closed:  # refused before the commit point: nothing changed
                vault_key.wipe()
                raise
            self._vault_key.wipe()
            self._vault_key, self._header = vault_key, header
            raise
        self._vault_key.wipe()
        self._vault_key, self._header = vault_key, header
        log.info("passphrase changed and vault key rotated (%r)", kdf_params)

    def backup_to(self, folder: Path) -> None:
        """Write a consistent copy of the vault into an empty or new ``folder``.

        Uses SQLite's online backup API (never a file copy, which could catch
        the database between its WAL and main file). The copy opens with the
        passphrase the vault has now (changing either one's passphrase later
        does not change the other's).

        Raises:
            VaultAlreadyExists: ``folder`` already holds a vault.
        """
        with translate_os_errors():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if vault_state(folder) is VaultState.PRESENT:
            raise VaultAlreadyExists(
                "That folder already holds a vault. Choose an empty folder for the backup."
            )
        _create_private_file(folder / NEW_DB_NAME)
        target = _connect(folder / NEW_DB_NAME, self._vault_key, self.vault_id)
        try:
            self.db.backup_to(target)
        finally:
            target.close()
        write_header(folder / KEY_NAME, self._header)
        with translate_os_errors():
            os.replace(folder / NEW_DB_NAME, folder / DB_NAME)
            fsync_folder(folder)
        log.info("vault backed up")


@dataclass(frozen=True, slots=True)
class LinkedKeys:
    """What a linked computer's vault is made with (see :meth:`Vault.create_linked`)."""

    identity: Identity
    device: Identity
    certificate: str


def _mark_machine(folder: Path) -> None:
    """Note that this computer uses the vault now; a failure here never stops an open or lock."""
    try:
        placement.mark_machine(folder, datetime.now(UTC))
    except (KnownError, OSError) as exc:
        log.info("could not note this computer in the vault folder (%s)", type(exc).__name__)


def _check_database_file(db_path: Path) -> None:
    """Refuse a database file too short to be ours, before SQLite can write to it."""
    with translate_os_errors():
        size = db_path.stat().st_size
    if size == 0:
        raise CorruptFile(
            "The vault's database (vault.db) is empty, so the vault cannot be opened. "
            "Nothing was changed. If you have a backup of the vault folder, restore "
            "vault.db from it."
        )
    if size < MIN_DB_SIZE:
        raise _not_ours()


def _not_ours() -> CorruptFile:
    return CorruptFile(
        "The vault's database (vault.db) is damaged or is not a mentorpair vault, so it "
        "cannot be opened. Nothing was changed. If you have a backup of the vault "
        "folder, restore vault.db from it."
    )


def _unlock(
    folder: Path, header: VaultHeader, passphrase: str
) -> tuple[VaultHeader, SecretKey, Database, bool]:
    """Open the database with the key file the passphrase fits.

    Normally that is ``vault.key``. After a key rotation that a crash cut
    short, ``vault.key.next`` may hold the key that opens the database
    instead; the passphrase decides which one is tried. Returns the header
    used, the vault key, the database and whether the pending file was used.
    """
    db_path = folder / DB_NAME
    pending = rekey.pending_header(folder, header.vault_id)
    try:
        vault_key = _unwrap(header, passphrase)
    except WrongPassphrase:
        if pending is None:
            raise
        vault_key = _unwrap(pending, passphrase)
        return (
            pending,
            vault_key,
            _connect_or(db_path, vault_key, pending, ROTATION_NOT_FINISHED),
            True,
        )
    try:
        _probe(db_path, vault_key, header.vault_id)
        return header, vault_key, _connect(db_path, vault_key, header.vault_id), False
    except VaultMismatch:
        vault_key.wipe()
        if pending is None:
            raise
    try:
        vault_key = _unwrap(pending, passphrase)
    except WrongPassphrase:
        raise WrongPassphrase(ROTATION_FINISHED) from None
    try:
        _probe(db_path, vault_key, pending.vault_id)
        return pending, vault_key, _connect(db_path, vault_key, pending.vault_id), True
    except BaseException:
        vault_key.wipe()
        raise


def _probe(db_path: Path, vault_key: SecretKey, vault_id: bytes) -> None:
    """Check key and structure on a read-only connection when a WAL waits to be replayed.

    A read-write connection refused with the wrong key or a damaged page is
    still the last one to close, and SQLite then checkpoints the WAL into the
    database and deletes it: the data survive (frames are copied as they
    are), but a refused unlock would have changed the files. A read-only
    connection can neither checkpoint nor delete; at most it rebuilds the
    WAL's index (-shm). Only after a crash is there a WAL at open, so the
    ``quick_check`` costs nothing on an ordinary unlock.
    """
    if not db_path.with_name(db_path.name + "-wal").exists():
        return
    page_key = derive_subkey(vault_key, Purpose.SQLCIPHER_PAGE_KEY, salt=vault_id)
    try:
        with translate_sqlite_errors():
            conn = sqlcipher3.connect(
                db_path.absolute().as_uri() + "?mode=ro", uri=True, isolation_level=None
            )
            try:
                conn.execute("PRAGMA cipher_log_level = NONE")
                conn.execute(f"PRAGMA key = \"x'{page_key.reveal().hex()}'\"")
                conn.execute("PRAGMA user_version").fetchone()
                # Damage found later would come up on the read-write connection,
                # whose close checkpoints; find it here, where nothing can be written.
                if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                    raise CorruptFile()
            finally:
                conn.close()
    finally:
        page_key.wipe()


def _connect_or(db_path: Path, vault_key: SecretKey, header: VaultHeader, message: str) -> Database:
    """Connect, turning a key that does not fit into WrongPassphrase(``message``)."""
    try:
        _probe(db_path, vault_key, header.vault_id)
        return _connect(db_path, vault_key, header.vault_id)
    except VaultMismatch:
        vault_key.wipe()
        raise WrongPassphrase(message) from None


def _unwrap(header: VaultHeader, passphrase: str) -> SecretKey:
    kek = kdf.derive_kek(passphrase, header.kdf)
    try:
        return unwrap_key(header.wrapped, kek, header.context(), "vault key")
    except UnwrapFailed:
        raise WrongPassphrase() from None
    finally:
        kek.wipe()


def _create_private_file(path: Path) -> None:
    """Create an empty owner-only file for a new database.

    SQLite gives the ``-wal`` and ``-shm`` files the mode of the database file,
    so this keeps all three readable by the owner alone, whatever the umask.
    """
    with translate_os_errors():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)


def _connect(path: Path, vault_key: SecretKey, vault_id: bytes) -> Database:
    """Open and key the database, then apply and check every safety setting."""
    page_key = derive_subkey(vault_key, Purpose.SQLCIPHER_PAGE_KEY, salt=vault_id)
    with translate_sqlite_errors():
        conn = sqlcipher3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=5.0
        )
    db = Database(conn)
    try:
        with translate_sqlite_errors():
            # SQLCipher logs to stderr by default; its messages are not for people.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{page_key.reveal().hex()}'\"")
        page_key.wipe()
        for setting, _name, _expected in CIPHER_SETTINGS:
            db.execute(f"PRAGMA {setting}")
        version = str(db.pragma("cipher_version") or "")
        if not version.startswith("4."):
            raise UnsafeEnvironment()
        # The first read is where SQLCipher notices a wrong key (NOTADB); a
        # newer major version is refused here, before any setting writes.
        migrations.check_supported(migrations.read_version(db))
        for setting, _name, _expected in CONNECTION_SETTINGS:
            db.execute(f"PRAGMA {setting}")
        for _setting, name, expected in CIPHER_SETTINGS + CONNECTION_SETTINGS:
            if db.pragma(name) != expected:
                log.error("SQLCipher setting %s did not take effect", name)
                raise UnsafeEnvironment()
    except BaseException:
        page_key.wipe()
        db.close()
        raise
    return db


def _check_identity(db: Database, vault_id: bytes) -> None:
    """The database must name the same vault as the key file."""
    row = db.query_one("SELECT value FROM meta WHERE key = 'vault_id'")
    if row is None or row[0] != vault_id.hex():
        raise VaultMismatch()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
