"""The vault folder's file names, and whether a folder holds a vault.

Cheap on purpose (issue 12): the locked window asks :func:`vault_state` before
anything else, so this module imports neither SQLCipher nor the crypto stack
nor :mod:`mentorpair.storage.vault`; those load when a vault is opened.
"""

from __future__ import annotations

import contextlib
import os
from enum import Enum
from pathlib import Path

from mentorpair.storage.atomic import fsync_folder
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "DB_NAME",
    "KEY_NAME",
    "NEW_DB_NAME",
    "NEXT_KEY_NAME",
    "REKEY_DB_NAME",
    "SIDECARS",
    "VaultState",
    "finish_interrupted_creation",
    "vault_state",
]

#: The SQLCipher database (with ``-wal``/``-shm`` beside it while open).
DB_NAME = "vault.db"
#: The key file (:mod:`mentorpair.storage.header`).
KEY_NAME = "vault.key"
#: A database being created is named so until its key file is in place.
NEW_DB_NAME = "vault.db.new"
#: A passphrase change writes the next key file here first (:mod:`mentorpair.storage.rekey`).
NEXT_KEY_NAME = "vault.key.next"
#: A passphrase change's re-encrypted copy of the database.
REKEY_DB_NAME = "vault.db.rekey"
#: SQLite's files beside a database.
SIDECARS = ("-wal", "-shm", "-journal")


class VaultState(Enum):
    """What a folder holds, so the app knows whether to welcome or to unlock."""

    ABSENT = "absent"
    PRESENT = "present"


def vault_state(folder: Path) -> VaultState:
    """Whether ``folder`` holds a vault (a key file commits its creation)."""
    finish_interrupted_creation(folder)
    if (folder / KEY_NAME).exists() or (folder / DB_NAME).exists():
        return VaultState.PRESENT
    return VaultState.ABSENT


def finish_interrupted_creation(folder: Path) -> None:
    """Complete or discard a creation that a crash cut short.

    The key file is written last but one; if it exists, the database only
    needs its final name. Without the key file, the half-made database holds
    nothing the person ever saw, and is removed.
    """
    new_db = folder / NEW_DB_NAME
    if not new_db.exists():
        return
    with translate_os_errors():
        if (folder / KEY_NAME).exists() and not (folder / DB_NAME).exists():
            os.replace(new_db, folder / DB_NAME)
            fsync_folder(folder)
        elif not (folder / KEY_NAME).exists():
            for name in (NEW_DB_NAME, *(NEW_DB_NAME + s for s in SIDECARS)):
                with contextlib.suppress(FileNotFoundError):
                    (folder / name).unlink()
