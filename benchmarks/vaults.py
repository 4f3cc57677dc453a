"""Benchmark vaults: built once per size, cached under /tmp, with a plain-SQLite twin.

Building 100,000 events takes minutes, so each size is built once and kept
(``/tmp/mentorpair-bench-vaults/<events>``) until the code that shapes it
changes: the app's version, the schema and its migrations, the corpus. The
vault uses the floor Argon2id profile so building and opening it is cheap;
the real key derivation is measured on its own.

Beside each vault lies ``plain.db``: the same rows (events, search index and
its bookkeeping) in plain, unencrypted SQLite with the same schema, so every
query can be timed against the same query without our wrapper and without
encryption.

Run ``python -m benchmarks.vaults 1000 10000 100000`` to build ahead of time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: import mentorpair from this tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import mentorpair
from benchmarks import corpus
from mentorpair.crypto import kdf
from mentorpair.storage import migrations
from mentorpair.storage.migrations import CURRENT
from mentorpair.storage.placement import MACHINE_FILE
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace

__all__ = ["PASSPHRASE", "BenchVault", "cached_vault", "copy_plain"]

CACHE = Path(tempfile.gettempdir()) / "mentorpair-bench-vaults"
PASSPHRASE = "benchmark passphrase, not a secret"
#: The FTS5 table's own storage: made by CREATE VIRTUAL TABLE, never copied.
FTS_SHADOW = {"search_data", "search_idx", "search_content", "search_docsize", "search_config"}
_COPIED = ("events", "search_rows")


def cache_key() -> str:
    """What a cached vault depends on: a change to any of it builds the vault again."""
    digest = hashlib.sha256()
    for path in (Path(migrations.__file__), Path(corpus.__file__)):
        digest.update(path.read_bytes())
    return f"{mentorpair.__version__}/schema-{CURRENT.pack()}/{digest.hexdigest()[:16]}"


@dataclass(frozen=True)
class BenchVault:
    """A cached vault: where it is, its pairs, and what building it cost."""

    folder: Path  # the vault's folder
    plain: Path  # the plain-SQLite twin
    events: int
    pairs: list[dict[str, Any]]  # pair_id, partner, role, events; biggest first
    build_seconds: float

    @property
    def big_pair(self) -> str:
        """The pair with the most events (the one the benchmark opens)."""
        return str(self.pairs[0]["pair_id"])


#: Copies of a cached vault leave out the note of the computer that built it:
#: each benchmark run is a fresh "computer" (its own settings folder).
NOT_COPIED = shutil.ignore_patterns(MACHINE_FILE)


def cached_vault(
    events: int, rebuild: bool = False, log: Any = print, stale_ok: bool = False
) -> tuple[BenchVault, bool]:
    """The cached vault of ``events`` events (built if missing or stale); was it built?"""
    where = CACHE / str(events)
    meta = where / "meta.json"
    if not rebuild and meta.exists():
        info = json.loads(meta.read_text())
        if info.get("key") == cache_key() or stale_ok:
            return _from_meta(where, info), False
    shutil.rmtree(where, ignore_errors=True)
    building = CACHE / f"{events}.building"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    vault = Vault.create(building / "vault", PASSPHRASE, "Bench Person", params=kdf.minimum_params)
    try:
        workspace = Workspace(vault, clock=corpus.clock_for(events))
        step = max(events // 10, 1)
        shown = [0]

        def progress(done: int, total: int) -> None:
            if done - shown[0] >= step or done == total:
                shown[0] = done
                log(f"  built {done:,} of {total:,} events", file=sys.stderr, flush=True)

        start = time.perf_counter()
        made = corpus.fill_vault(workspace, events, progress=progress)
        seconds = time.perf_counter() - start
        copy_plain(vault, building / "plain.db")
    finally:
        vault.close()
    pairs = [
        {"pair_id": pid, "partner": plan.partner, "role": plan.my_role.value, "events": n}
        for pid, plan, n in sorted(made, key=lambda m: -m[2])
    ]
    info = {"key": cache_key(), "events": events, "pairs": pairs, "build_seconds": seconds}
    (building / "meta.json").write_text(json.dumps(info, indent=1))
    building.rename(where)
    log(f"  {events:,} events built in {seconds:.1f} s", file=sys.stderr, flush=True)
    return _from_meta(where, info), True


def _from_meta(where: Path, info: dict[str, Any]) -> BenchVault:
    return BenchVault(
        where / "vault",
        where / "plain.db",
        int(info["events"]),
        list(info["pairs"]),
        float(info["build_seconds"]),
    )


def copy_plain(vault: Vault, target: Path) -> None:
    """Copy the vault's events and search index into plain SQLite with the same schema."""
    target.unlink(missing_ok=True)
    plain = sqlite3.connect(target, isolation_level=None)
    try:
        plain.execute("PRAGMA journal_mode = WAL")
        schema = vault.db.query(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            " ORDER BY type = 'index', rowid"
        )
        plain.execute("BEGIN")
        for _type, name, sql in schema:
            if name not in FTS_SHADOW:
                plain.execute(str(sql))
        for table in _COPIED:
            columns = [str(r[1]) for r in vault.db.query(f"PRAGMA table_info({table})")]
            names = ", ".join(columns)
            marks = ", ".join("?" for _ in columns)
            rows = vault.db.query(f"SELECT {names} FROM {table}")
            plain.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        # The index keeps its own row ids: search_rows points at them.
        rows = vault.db.query(
            "SELECT rowid, pair_id, entity, kind, private, title, body FROM search"
        )
        plain.executemany(
            "INSERT INTO search (rowid, pair_id, entity, kind, private, title, body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        plain.execute("COMMIT")
        plain.execute("PRAGMA optimize")
    finally:
        plain.close()


def main(argv: list[str] | None = None) -> int:
    """Build (or find) the vaults of the sizes given."""
    parser = argparse.ArgumentParser(description="Build the benchmark vaults ahead of time.")
    parser.add_argument("sizes", nargs="*", default=["1000", "10000", "100000"])
    parser.add_argument("--rebuild", action="store_true", help="build them again")
    args = parser.parse_args(argv)
    for size in args.sizes:
        bench, built = cached_vault(int(size.replace("_", "")), rebuild=args.rebuild)
        word = "built" if built else "cached"
        print(f"{bench.events:,}: {word}, {bench.folder} ({bench.build_seconds:.1f} s to build)")
        print("   pairs:", ", ".join(f"{p['role']} {p['events']:,}" for p in bench.pairs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
