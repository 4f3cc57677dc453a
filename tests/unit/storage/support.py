"""Helpers shared by the storage tests: making, copying and fingerprinting vaults.

Vaults made here use the floor Argon2id profile explicitly (not through the
``fast_kdf`` fixture) so that session-scoped templates and subprocesses get
the same fast, still-valid parameters.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from mentorpair.crypto import kdf
from mentorpair.crypto.keywrap import new_key, wrap_key
from mentorpair.crypto.random import random_bytes
from mentorpair.storage.database import Database
from mentorpair.storage.header import VaultHeader, write_header
from mentorpair.storage.placement import MACHINE_FILE
from mentorpair.storage.vault import DB_NAME, KEY_NAME, Vault, _connect

#: Good enough for tests; never a real person's passphrase.
PASSPHRASE = "correct horse battery staple"
OTHER_PASSPHRASE = "violet tractor humming seaweed"
DISPLAY_NAME = "Test Person"

REPO_ROOT = Path(__file__).resolve().parents[3]
#: What a closed vault's folder holds, by name: the database, the key file and
#: the note of the computer that last opened it (storage/placement.py).
CLOSED_VAULT = sorted([DB_NAME, KEY_NAME, MACHINE_FILE])


def make_vault(folder: Path, passphrase: str = PASSPHRASE, name: str = DISPLAY_NAME) -> Path:
    """Create a closed vault in ``folder`` with the floor KDF profile."""
    Vault.create(folder, passphrase, name, params=kdf.minimum_params).close()
    return folder


def copy_vault(source: Path, target: Path) -> Path:
    """A byte-for-byte copy of a closed vault folder."""
    shutil.copytree(source, target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` by name, with its bytes: 'nothing changed' is equality."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def keyed_database(folder: Path, passphrase: str = PASSPHRASE) -> tuple[Database, bytes]:
    """A key file and an empty, keyed database at schema 0.0, and the vault id.

    Starts as ``Vault.create`` does.

    Lets a test build the database at any older schema version by hand and
    then open it with the current :meth:`Vault.open`.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    params = kdf.minimum_params()
    vault_id = random_bytes(16)
    vault_key = new_key("vault key")
    kek = kdf.derive_kek(passphrase, params)
    context = VaultHeader.context_for(vault_id, params)
    write_header(
        folder / KEY_NAME, VaultHeader(vault_id, params, wrap_key(vault_key, kek, context))
    )
    kek.wipe()
    db = _connect(folder / DB_NAME, vault_key, vault_id)
    vault_key.wipe()
    return db, vault_id


def subprocess_env() -> dict[str, str]:
    """The environment for a child Python that must import mentorpair from this tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run_python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (same venv) and capture its output."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=subprocess_env(),
        cwd=REPO_ROOT,
        check=False,
    )
