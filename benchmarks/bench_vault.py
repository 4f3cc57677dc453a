"""How much the vault's safety costs: key derivation, unlock, and SQL through SQLCipher.

Run from the repository root::

    python benchmarks/bench_vault.py

Everything happens in a temporary folder that is removed afterwards. Figures
are from one run on this machine; the ratio column compares our encrypted
vault (through :class:`mentorpair.storage.database.Database`) with the standard
library's plain ``sqlite3`` in WAL mode with ``synchronous=FULL``, so it shows
the price of encryption plus our wrapper, not of durability.
"""

from __future__ import annotations

import dataclasses
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: import mentorpair from this tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mentorpair.crypto import kdf
from mentorpair.crypto.secret import SecretKey
from mentorpair.storage.database import Database
from mentorpair.storage.vault import Vault

PASSPHRASE = "benchmark passphrase, not a secret"
ROWS = 10_000
#: Each commit waits for fsync (synchronous=FULL), so fewer of these.
COMMITS = 1_000
BODY = "x" * 200  # about the size of a short agenda item
CREATE = "CREATE TABLE bench (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT"
INSERT = "INSERT INTO bench (id, body) VALUES (:id, :body)"
SELECT = "SELECT body FROM bench WHERE id = :id"
#: The same workload on a second table of the vault, bypassing our wrapper.
CREATE_DIRECT = CREATE.replace("bench", "bench_direct")
INSERT_DIRECT = INSERT.replace("bench", "bench_direct")
SELECT_DIRECT = SELECT.replace("bench", "bench_direct")


def seconds(action: Callable[[], object], repeat: int = 1) -> float:
    """Median wall-clock time of ``action`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fresh_salt(params: kdf.KdfParams) -> kdf.KdfParams:
    """Same cost, new salt: a benchmark vault must not share a salt with anything."""
    return dataclasses.replace(params, salt=kdf.minimum_params().salt)


# ---------------------------------------------------------------- SQL workloads


def ours_insert_one_transaction(db: Database) -> None:
    """ROWS inserts inside one transaction, through our wrapper."""
    with db.transaction():
        for i in range(ROWS):
            db.execute(INSERT, {"id": i, "body": BODY})


def ours_reads(db: Database, ids: list[int]) -> None:
    """One primary-key read per id, through our wrapper."""
    for i in ids:
        db.query_one(SELECT, {"id": i})


def ours_insert_own_transactions(db: Database) -> None:
    """COMMITS inserts, each committed (and fsynced) on its own."""
    for i in range(ROWS, ROWS + COMMITS):
        with db.transaction():
            db.execute(INSERT, {"id": i, "body": BODY})


def direct_insert_one_transaction(conn: Any) -> None:
    """ROWS inserts inside one transaction on the vault's own sqlcipher3 connection."""
    conn.execute("BEGIN IMMEDIATE")
    for i in range(ROWS):
        conn.execute(INSERT_DIRECT, {"id": i, "body": BODY})
    conn.execute("COMMIT")


def direct_reads(conn: Any, ids: list[int]) -> None:
    """One primary-key read per id on the vault's own sqlcipher3 connection."""
    for i in ids:
        conn.execute(SELECT_DIRECT, {"id": i}).fetchone()


def direct_insert_own_transactions(conn: Any) -> None:
    """COMMITS inserts, each its own transaction, on the vault's own connection."""
    for i in range(ROWS, ROWS + COMMITS):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(INSERT_DIRECT, {"id": i, "body": BODY})
        conn.execute("COMMIT")


def plain_connect(path: Path) -> sqlite3.Connection:
    """Standard-library SQLite in WAL mode, synchronous=FULL, autocommit."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(CREATE)
    return conn


def plain_insert_one_transaction(conn: sqlite3.Connection) -> None:
    """ROWS inserts inside one transaction, plain sqlite3."""
    conn.execute("BEGIN IMMEDIATE")
    for i in range(ROWS):
        conn.execute(INSERT, {"id": i, "body": BODY})
    conn.execute("COMMIT")


def plain_reads(conn: sqlite3.Connection, ids: list[int]) -> None:
    """One primary-key read per id, plain sqlite3."""
    for i in ids:
        conn.execute(SELECT, {"id": i}).fetchone()


def plain_insert_own_transactions(conn: sqlite3.Connection) -> None:
    """COMMITS inserts, each committed (and fsynced) on its own, plain sqlite3."""
    for i in range(ROWS, ROWS + COMMITS):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(INSERT, {"id": i, "body": BODY})
        conn.execute("COMMIT")


# ---------------------------------------------------------------- report


def fmt_time(value: float | None) -> str:
    """Seconds as ms (or µs when small); blank for no value."""
    if value is None:
        return ""
    return f"{value * 1e3:.1f} ms" if value >= 1e-3 else f"{value * 1e6:.1f} µs"


def describe(params: kdf.KdfParams) -> str:
    """Argon2id settings in short form."""
    return f"{params.memory_kib // 1024} MiB, t={params.iterations}, p={params.lanes}"


def open_without_kdf(folder: Path, params: kdf.KdfParams) -> float:
    """Time Vault.open + close with the Argon2id step replaced by its cached result.

    ``params`` must be the vault's own (its salt too), or the cached key is wrong.
    """
    cached = kdf.derive_kek(PASSPHRASE, params).reveal()
    real = kdf.derive_kek

    def from_cache(passphrase: str, params: kdf.KdfParams) -> SecretKey:
        return SecretKey(cached, "key-encryption key")

    kdf.derive_kek = from_cache  # vault.py looks it up on the module at each call
    try:
        return seconds(lambda: Vault.open(folder, PASSPHRASE).close(), repeat=9)
    finally:
        kdf.derive_kek = real


Row = tuple[str, float, float | None, float | None]


def main() -> int:
    """Measure, print the table, clean up."""
    random.seed(1)
    ids = random.sample(range(ROWS), ROWS)
    rows: list[Row] = []

    print("Calibrating Argon2id for this machine (as a new vault does)…", flush=True)
    calibrated = kdf.calibrate()
    floor = kdf.minimum_params()
    derive_calibrated = seconds(lambda: kdf.derive_kek(PASSPHRASE, calibrated).wipe(), repeat=5)
    derive_floor = seconds(lambda: kdf.derive_kek(PASSPHRASE, floor).wipe(), repeat=5)
    rows.append(
        (f"Argon2id derive, calibrated ({describe(calibrated)})", derive_calibrated, None, None)
    )
    rows.append((f"Argon2id derive, floor ({describe(floor)})", derive_floor, None, None))

    with tempfile.TemporaryDirectory(prefix="mentorpair-bench-") as tmp:
        folder = Path(tmp) / "vault"
        vault_params = fresh_salt(calibrated)
        Vault.create(folder, PASSPHRASE, "Bench Person", params=lambda: vault_params).close()
        open_total = seconds(lambda: Vault.open(folder, PASSPHRASE).close(), repeat=5)
        rows.append(("Vault.open + close, calibrated KDF", open_total, None, None))
        rows.append(
            (
                "Vault.open + close, KDF result cached",
                open_without_kdf(folder, vault_params),
                None,
                None,
            )
        )

        vault = Vault.open(folder, PASSPHRASE)
        plain = plain_connect(Path(tmp) / "plain.db")
        try:
            vault.db.execute(CREATE)
            vault.db.execute(CREATE_DIRECT)
            direct = vault.db._connection()  # the same keyed connection, no wrapper
            rows.append(
                (
                    f"{ROWS:,} inserts, one transaction",
                    seconds(lambda: ours_insert_one_transaction(vault.db)),
                    seconds(lambda: direct_insert_one_transaction(direct)),
                    seconds(lambda: plain_insert_one_transaction(plain)),
                )
            )
            rows.append(
                (
                    f"{ROWS:,} reads by primary key",
                    seconds(lambda: ours_reads(vault.db, ids)),
                    seconds(lambda: direct_reads(direct, ids)),
                    seconds(lambda: plain_reads(plain, ids)),
                )
            )
            rows.append(
                (
                    f"{COMMITS:,} inserts, each its own transaction",
                    seconds(lambda: ours_insert_own_transactions(vault.db)),
                    seconds(lambda: direct_insert_own_transactions(direct)),
                    seconds(lambda: plain_insert_own_transactions(plain)),
                )
            )
        finally:
            plain.close()
            vault.close()

    print()
    print(
        f"Python {platform.python_version()}, plain SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}"
    )
    columns = ("ours", "sqlcipher3 direct", "plain sqlite3", "ours/plain")
    width = max(len(row[0]) for row in rows)
    header = f"{'measure':<{width}}  " + "  ".join(f"{c:>17}" for c in columns)
    print(header)
    print("-" * len(header))
    for name, ours, direct_time, plain_time in rows:
        ratio = f"{ours / plain_time:.2f}x" if plain_time else ""
        cells = (fmt_time(ours), fmt_time(direct_time), fmt_time(plain_time), ratio)
        print(f"{name:<{width}}  " + "  ".join(f"{c:>17}" for c in cells))
    print()
    print(
        f"Reads and the first inserts are totals for {ROWS:,} rows; the last row is "
        f"{COMMITS:,} commits, not {ROWS:,}: each waits for fsync (synchronous=FULL).\n"
        "'sqlcipher3 direct' is the vault's own encrypted connection without our "
        "Database wrapper, so ours minus direct is the wrapper, direct minus plain "
        "is the encryption (and the newer SQLite inside SQLCipher)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
