"""What end-to-end encrypted sync costs: a 10,000-event update out and in.

Run from the repository root::

    python benchmarks/bench_sync.py

Two vaults in a temporary folder are paired through real invitations; one
records 10,000 shared changes (notes, goals, actions), exports them as one
update, and the other imports it. The same run measures raw ChaCha20-Poly1305
over the same number of bytes in 64 KiB chunks, so the figures compare our
whole path (signing, chain, HPKE, STREAM, padding, rules, SQLCipher) with the
cipher alone on this machine.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import mentorpair from this tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from mentorpair.crypto import kdf
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync.exchange import Exchange
from mentorpair.sync.update import open_update

EVENTS = 10_000
CHUNK = 64 * 1024


def make(folder: Path, name: str) -> tuple[Vault, Exchange]:
    vault = Vault.create(folder, f"{name} benchmark passphrase", name, params=kdf.minimum_params)
    return vault, Exchange(Workspace(vault))


def changes(count: int) -> list[tuple[EventKind, dict[str, object]]]:
    """A mentee's realistic mix: mostly notes, some goals and actions."""
    out: list[tuple[EventKind, dict[str, object]]] = []
    for i in range(count):
        if i % 10 == 0:
            out.append((EventKind.GOAL_CREATED, {"goal_id": new_id(), "title": f"Goal {i}"}))
        elif i % 10 == 1:
            out.append(
                (
                    EventKind.ACTION_ADDED,
                    {"action_id": new_id(), "what": f"Do {i}", "owner": "mentee"},
                )
            )
        else:
            text = f"Session note {i}: what we discussed, what I will try next. " * 4
            out.append(
                (
                    EventKind.NOTE_CREATED,
                    {"note_id": new_id(), "kind": "shared", "title": f"Note {i}", "text": text},
                )
            )
    return out


def raw_aead_seconds(size: int) -> float:
    """Seal and open ``size`` bytes with ChaCha20-Poly1305 in 64 KiB chunks."""
    aead = ChaCha20Poly1305(os.urandom(32))
    data = os.urandom(size)
    start = time.perf_counter()
    for offset in range(0, size, CHUNK):
        nonce = offset.to_bytes(12, "big")
        aead.decrypt(nonce, aead.encrypt(nonce, data[offset : offset + CHUNK], b"h"), b"h")
    return time.perf_counter() - start


def main() -> int:
    print(f"mentorpair sync benchmark on {platform.machine()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        mentee_vault, mentee = make(Path(tmp) / "mentee", "Mentee")
        mentor_vault, mentor = make(Path(tmp) / "mentor", "Mentor")
        try:
            pair_id = mentee.workspace.create_pair(Role.MENTEE, "Mentor")
            acceptance = mentor.pairing.join(
                mentor.pairing.read(mentee.pairing.invite(pair_id)), "Mentee"
            )
            mentee.pairing.accept(mentee.pairing.read(acceptance))
            start = time.perf_counter()
            mentee.workspace.record_many(pair_id, changes(EVENTS))
            record = time.perf_counter() - start

            start = time.perf_counter()
            data = mentee.export(pair_id)
            export = time.perf_counter() - start

            start = time.perf_counter()
            open_update(data, mentor_vault.identity(), mentor.pairing.partner)
            open_only = time.perf_counter() - start

            start = time.perf_counter()
            summary = mentor.import_update(data)
            imported = time.perf_counter() - start
            assert summary.new_events == EVENTS, summary
        finally:
            mentee_vault.close()
            mentor_vault.close()
    aead = raw_aead_seconds(len(data))
    mib = len(data) / 2**20
    print(f"update file: {len(data):,} bytes ({mib:.1f} MiB) for {EVENTS:,} events")
    rows = [
        ("record 10,000 changes (for reference)", record),
        ("export: sign, chain, seal, pad", export),
        ("import: open and check the file only", open_only),
        ("import: all checks, rules and storage", imported),
        ("raw ChaCha20-Poly1305 seal+open, same bytes", aead),
    ]
    print(f"{'measure':<46} {'seconds':>8} {'events/s':>10} {'MiB/s':>8} {'vs AEAD':>8}")
    for label, secs in rows:
        print(
            f"{label:<46} {secs:8.3f} {EVENTS / secs:10,.0f} {mib / secs:8.1f} {secs / aead:7.0f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
