"""PRODUCT.md: "No plaintext note, name or key in any file the app writes."

Known strings (canaries) and the vault's own keys are written through the
normal code paths; then every byte of every file in the vault folder is
searched for them, in the encodings text is commonly stored in.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from mentorpair.crypto.subkeys import Purpose, derive_subkey
from mentorpair.storage.placement import MACHINE_FILE
from mentorpair.storage.vault import DB_NAME, KEY_NAME, Vault
from tests.unit.storage.support import (
    CLOSED_VAULT,
    PASSPHRASE,
    REPO_ROOT,
    make_vault,
    subprocess_env,
)

NAME_CANARY = "CANARY-NAME-7f3a"
NOTE_CANARY = "CANARY-NOTE-19be: my mentee's private worry"
KEY_CANARY = "CANARY-KEY-c04d"
ACCENT_CANARY = "CANARY-ÉCRITURE-ß-Zoë"


def encodings(text: str) -> list[bytes]:
    """How a string could sit in a file: UTF-8 and UTF-16 in both byte orders."""
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def secret_forms(secret: bytes) -> list[bytes]:
    """Raw key bytes, and as hex text in either case."""
    return [secret, secret.hex().encode(), secret.hex().upper().encode()]


def files_in(*folders: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found[str(path.relative_to(folder.parent))] = path.read_bytes()
    return found


def leaks(files: dict[str, bytes], needles: Iterable[bytes]) -> list[str]:
    """Which needle was found in which file (empty if none)."""
    needles = list(needles)
    return [
        f"{name}: {needle[:24]!r}"
        for name, data in files.items()
        for needle in needles
        if needle in data
    ]


def test_scan_finds_what_it_looks_for(tmp_path: Path):
    # The scan itself must be able to fail.
    (tmp_path / "plain.txt").write_bytes(b"xx" + NAME_CANARY.encode("utf-16-le") + b"yy")
    assert leaks(files_in(tmp_path), encodings(NAME_CANARY))


def test_no_name_note_or_key_in_any_vault_file(tmp_path: Path):
    folder = tmp_path / "vault"
    vault = Vault.create(folder, PASSPHRASE, NAME_CANARY)
    try:
        with vault.db.transaction():
            vault.db.execute_many(
                "INSERT INTO meta (key, value) VALUES (:key, :value)",
                [
                    {"key": "note", "value": NOTE_CANARY},
                    {"key": KEY_CANARY, "value": "x"},
                    {"key": "accented", "value": ACCENT_CANARY},
                    {"key": "long", "value": (NOTE_CANARY + " ") * 500},  # spans pages
                ],
            )
        signing, agreement, kem_seed = vault.identity().private_bytes()
        vault_key = vault._vault_key.reveal()
        page_key = derive_subkey(
            vault._vault_key, Purpose.SQLCIPHER_PAGE_KEY, salt=vault.vault_id
        ).reveal()
        needles = [
            *encodings(NAME_CANARY),
            *encodings(NOTE_CANARY),
            *encodings(KEY_CANARY),
            *encodings(ACCENT_CANARY),
            *encodings("CANARY-"),
            *secret_forms(signing),
            *secret_forms(agreement),
            *secret_forms(kem_seed),
            *secret_forms(vault_key),
            *secret_forms(page_key),
        ]
        while_open = files_in(folder)
        assert {DB_NAME + "-wal", DB_NAME + "-shm"} <= {Path(n).name for n in while_open}
        assert leaks(while_open, needles) == []
    finally:
        vault.close()
    after_close = files_in(folder)
    # vault.machine: which computer last had it open (a random id and a time)
    assert sorted(Path(n).name for n in after_close) == [DB_NAME, KEY_NAME, MACHINE_FILE]
    assert leaks(after_close, needles) == []
    # and the data really is in there, readable with the passphrase
    with Vault.open(folder, PASSPHRASE) as vault:
        assert vault.display_name() == NAME_CANARY
        assert vault.db.query_one("SELECT value FROM meta WHERE key = 'note'") == (NOTE_CANARY,)


def test_renamed_person_leaves_no_trace_of_either_name(tmp_path: Path):
    folder = make_vault(tmp_path / "vault", name=NAME_CANARY)
    with Vault.open(folder, PASSPHRASE) as vault:
        vault.set_display_name("CANARY-RENAMED-2b1e")
        snapshot_open = files_in(folder)
    needles = [*encodings(NAME_CANARY), *encodings("CANARY-RENAMED-2b1e")]
    assert leaks(snapshot_open, needles) == []
    assert leaks(files_in(folder), needles) == []


# ---------------------------------------------------------------- killed mid-transaction


COMMITTED_CANARY = "CANARY-COMMITTED-5e21"
UNCOMMITTED_CANARY = "CANARY-UNCOMMITTED-a9d7"

#: Opens the vault, commits one canary, then writes thousands of rows in one
#: transaction (far beyond SQLite's page cache, so uncommitted pages spill into
#: the WAL), says "ready", keeps writing and finally waits, transaction open.
WRITER = """
import sys
from pathlib import Path
from mentorpair.storage.vault import Vault

folder, passphrase, committed, uncommitted = sys.argv[1:5]
vault = Vault.open(Path(folder), passphrase)
db = vault.db
with db.transaction():
    db.execute("INSERT INTO meta (key, value) VALUES ('committed', :v)", {"v": committed})
with db.transaction():
    for i in range(8000):
        db.execute(
            "INSERT INTO meta (key, value) VALUES (:k, :v)",
            {"k": f"uncommitted-{i}", "v": uncommitted + " " + "x" * 2000},
        )
        if i == 3000:
            print("ready", flush=True)
    sys.stdin.read()  # hold the transaction open until killed
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and select() on pipes are POSIX")
def test_killed_writer_leaves_no_plaintext_and_a_consistent_vault(tmp_path: Path):
    folder = make_vault(tmp_path / "vault", name=NAME_CANARY)  # fast KDF, made here
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = subprocess_env() | {"TMPDIR": str(scratch), "SQLITE_TMPDIR": str(scratch)}
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            WRITER,
            str(folder),
            PASSPHRASE,
            COMMITTED_CANARY,
            UNCOMMITTED_CANARY,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=REPO_ROOT,
    ) as writer:
        assert writer.stdout is not None
        try:
            ready, _, _ = select.select([writer.stdout], [], [], 60)
            line = writer.stdout.readline() if ready else b""
        finally:
            writer.send_signal(signal.SIGKILL)  # mid-transaction, or a hung writer
            _, stderr = writer.communicate(timeout=30)
    assert line == b"ready\n", stderr.decode(errors="replace")
    assert writer.returncode == -signal.SIGKILL
    assert stderr == b""

    left = files_in(folder, scratch)
    names = {Path(n).name for n in left}
    assert {DB_NAME, KEY_NAME, DB_NAME + "-wal", DB_NAME + "-shm"} <= names
    # uncommitted rows did reach the disk, so the scan below means something
    assert len(left[f"vault/{DB_NAME}-wal"]) > 2_000_000
    needles = [
        *encodings(NAME_CANARY),
        *encodings(COMMITTED_CANARY),
        *encodings(UNCOMMITTED_CANARY),
        *encodings("CANARY-"),
    ]
    assert leaks(left, needles) == []

    with Vault.open(folder, PASSPHRASE) as vault:
        assert vault.display_name() == NAME_CANARY
        assert vault.db.query_one("SELECT value FROM meta WHERE key = 'committed'") == (
            COMMITTED_CANARY,
        )
        assert vault.db.query("SELECT key FROM meta WHERE key LIKE 'uncommitted-%'") == []
        assert vault.db.query("PRAGMA integrity_check") == [("ok",)]
    assert sorted(p.name for p in folder.iterdir()) == CLOSED_VAULT
