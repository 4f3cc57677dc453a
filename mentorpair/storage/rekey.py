"""Rotate the vault key: copy the database under a new key, then swap files.

Why a copy and not ``PRAGMA rekey``: SQLite's online backup API copies page
by page, so a large vault can show progress, and the old database stays
whole until one rename replaces it. The order makes a kill at any moment
leave a vault that opens with the old or the new passphrase:

1. the new key file is written atomically as ``vault.key.next``;
2. the database is copied under the new key into ``vault.db.rekey``;
3. the open connection is checkpointed and closed (no ``-wal`` may remain,
   since a stale WAL under the old key would be replayed into the new file);
4. **commit point**: ``vault.db.rekey`` is renamed over ``vault.db``;
5. ``vault.key.next`` is renamed over ``vault.key``.

Until step 4 the old key file opens the old database; from step 4 the new
key is in ``vault.key.next`` (or, after step 5, in ``vault.key``).
:func:`pending_header` and :func:`settle` let :meth:`Vault.open` try the
other key file and finish or discard an interrupted rotation, but only once
the passphrase has opened the database: a refused unlock writes nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from mentorpair.crypto.secret import SecretKey
from mentorpair.errors import CorruptFile, DiskError, KnownError, MadeByNewerVersion, VaultBusy
from mentorpair.storage.atomic import fsync_folder
from mentorpair.storage.database import Database
from mentorpair.storage.header import VaultHeader, read_header, write_header
from mentorpair.storage.layout import DB_NAME, KEY_NAME, NEXT_KEY_NAME, REKEY_DB_NAME, SIDECARS
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "NEXT_KEY_NAME",
    "REKEY_DB_NAME",
    "Progress",
    "pending_header",
    "rotate",
    "settle",
]

log = logging.getLogger(__name__)

#: Pages copied between two progress reports (4 MiB with 4 KiB pages).
STEP_PAGES = 1024

#: Called with (pages copied, pages in all) while the database is copied.
Progress = Callable[[int, int], None]
#: Opens a database file with a vault key; :func:`mentorpair.storage.vault._connect`.
Connect = Callable[[Path, SecretKey], Database]


def pending_header(folder: Path, vault_id: bytes) -> VaultHeader | None:
    """The key file of a rotation that a crash interrupted, if it is usable.

    A damaged or foreign ``vault.key.next`` is ignored rather than refused: it
    is only ever our own half-step, and the main key file decides.
    """
    path = folder / NEXT_KEY_NAME
    if not path.exists():
        return None
    try:
        header = read_header(path)
    except (CorruptFile, MadeByNewerVersion):
        return None
    return header if header.vault_id == vault_id else None


def settle(folder: Path, used_pending: bool) -> None:
    """Finish (``used_pending``) or discard an interrupted rotation.

    Called only after the database opened with the key in question, so a
    wrong passphrase never changes a byte. Also removes the temporary files
    an interrupted atomic write of either key file leaves behind.
    """
    names = [REKEY_DB_NAME, *(REKEY_DB_NAME + s for s in SIDECARS)]
    leftovers = [folder / n for n in names if (folder / n).exists()]
    leftovers += folder.glob(".vault.key.*.tmp")
    if not used_pending:
        leftovers += [p for p in [folder / NEXT_KEY_NAME] if p.exists()]
    if not leftovers and not used_pending:
        return  # the usual open: nothing to tidy, so nothing is written
    with translate_os_errors():
        for path in leftovers:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        if used_pending:
            os.replace(folder / NEXT_KEY_NAME, folder / KEY_NAME)
            log.info("interrupted key rotation finished")
        fsync_folder(folder)


def rotate(
    folder: Path,
    db: Database,
    new_header: VaultHeader,
    new_key: SecretKey,
    connect: Connect,
    reconnect_old: Callable[[], Database],
    progress: Progress | None = None,
) -> None:
    """Move the open database ``db`` to ``new_key`` and ``new_header``.

    ``db`` is held for the whole rotation, so other threads wait rather than
    find it closed. On return it is connected to the re-keyed file. If
    anything fails before the commit point, the temporary files are removed,
    ``db`` is connected again with the old key (``reconnect_old``) and the
    error is raised: the old passphrase still opens everything. If the
    re-keyed file cannot be opened after the commit point, ``db`` stays
    closed (the vault is locked) and the new passphrase opens it next time.

    Raises:
        VaultBusy: another program has the database open, so it cannot be
            replaced safely now.
        DiskFull, DiskError, PermissionDenied: from the file system.
    """
    db_path, copy_path = folder / DB_NAME, folder / REKEY_DB_NAME
    with db.held():
        settle(folder, used_pending=False)  # a stale half-step from an old crash
        committed = False
        try:
            write_header(folder / NEXT_KEY_NAME, new_header)
            _copy(db, copy_path, new_key, connect, progress)
            db.detach().close()
            if any((folder / (DB_NAME + s)).exists() for s in ("-wal", "-journal")):
                # Another connection keeps a journal alive; replacing the file
                # under it would let that journal be replayed into the new one.
                raise VaultBusy()
            with translate_os_errors():
                os.replace(copy_path, db_path)
                committed = True
                fsync_folder(folder)
        except BaseException:
            if not committed:
                _reattach(db, reconnect_old)
                settle(folder, used_pending=False)
                raise
        _reattach(db, lambda: connect(db_path, new_key))
        try:
            settle(folder, used_pending=True)
        except KnownError as exc:
            # The new key already opens the database; Vault.open finishes the
            # rename from vault.key.next next time, so this loses nothing.
            log.warning("key file rename after rotation failed (%s)", type(exc).__name__)


def _reattach(db: Database, connect: Callable[[], Database]) -> None:
    """Give ``db`` a connection again, or close it for good if that fails."""
    if not db.swapping:
        return
    try:
        db.attach(connect().detach())
    except BaseException:
        db.close()
        raise


def _copy(
    db: Database, target: Path, key: SecretKey, connect: Connect, progress: Progress | None
) -> None:
    """Copy every page of ``db`` into a new file encrypted under ``key``."""
    with translate_os_errors():
        fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
    copy = connect(target, key)
    try:
        db.backup_to(copy, pages=STEP_PAGES, progress=progress)
    finally:
        copy.close()
    if (target.parent / (target.name + "-wal")).exists():
        # Closing checkpoints and deletes the WAL; one left means the copy is
        # not whole in its main file, and that file is about to become the vault.
        raise DiskError()
    with translate_os_errors():
        fd = os.open(target, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
