"""SIGKILL a writer at random moments: the vault opens, is whole, and keeps every saved change.

Four writers run in a child process (``kill_child.py``): note saves, a sync
import, shared-folder passes and key rotations (passphrase changes). Each is
killed after a random delay, then the vault is opened here and checked with
``integrity_check`` and ``cipher_integrity_check``, and every change the child
reported saved must be there. A handful of kills run by default;
``MENTORPAIR_LONG=1`` runs 15 per writer (60 in all). The figures are printed.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mentorpair.crypto import kdf
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.errors import WrongPassphrase
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync.exchange import Exchange
from mentorpair.sync.folder import SharedFolder
from tests.unit.storage.support import CLOSED_VAULT, REPO_ROOT, subprocess_env

pytestmark = pytest.mark.slow

LONG = os.environ.get("MENTORPAIR_LONG") == "1"
KILLS = 15 if LONG else 1
MENTEE_PASS = "amira kill test passphrase"
MENTOR_PASS = "ben kill test passphrase"
NEW_PASS = "a second passphrase for kill tests"


@dataclass
class Figures:
    """What one writer's kills showed."""

    kills: int = 0
    survived: int = 0
    reported: int = 0
    lost: list[str] = field(default_factory=list)

    def line(self, mode: str) -> str:
        return (
            f"kill -9 {mode}: {self.kills} kills, {self.survived} survived, "
            f"{self.reported} changes reported saved, {len(self.lost)} lost"
        )


@pytest.fixture(scope="module")
def pair_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """Two paired vaults made once per module; each test works on a copy."""
    return _make_pair(tmp_path_factory.mktemp("pair"))


@pytest.fixture
def paired(pair_template: tuple[Path, Path, str], tmp_path: Path) -> tuple[Path, Path, str]:
    """A fresh copy of the paired vaults: (mentee folder, mentor folder, pair id)."""
    amira, ben, pair_id = pair_template
    return (
        shutil.copytree(amira, tmp_path / "amira"),
        shutil.copytree(ben, tmp_path / "ben"),
        pair_id,
    )


def _make_pair(tmp_path: Path) -> tuple[Path, Path, str]:
    """Two vaults paired through real invitation text; returns (mentee, mentor, pair id)."""
    folders = tmp_path / "amira", tmp_path / "ben"
    amira = Vault.create(folders[0], MENTEE_PASS, "Amira", params=kdf.minimum_params)
    ben = Vault.create(folders[1], MENTOR_PASS, "Ben", params=kdf.minimum_params)
    try:
        ax, bx = Exchange(Workspace(amira)), Exchange(Workspace(ben))
        pair_id = ax.workspace.create_pair(Role.MENTEE, "Ben")
        acceptance = bx.pairing.join(bx.pairing.read(ax.pairing.invite(pair_id)), "Amira")
        ax.pairing.accept(ax.pairing.read(acceptance))
        ax.pairing.confirm(pair_id)
        bx.pairing.confirm(pair_id)
    finally:
        amira.close()
        ben.close()
    return folders[0], folders[1], pair_id


def run_and_kill(mode: str, args: list[str], passphrase: str, delay: float) -> list[str]:
    """Start the child, wait for ``ready``, SIGKILL it ``delay`` seconds later."""
    env = subprocess_env() | {"MENTORPAIR_TEST_PASSPHRASE": passphrase}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.unit.storage.kill_child", mode, *args],
        stdout=subprocess.PIPE,
        env=env,
        cwd=REPO_ROOT,
        text=True,
    )
    assert child.stdout is not None
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for raw in child.stdout:
            lines.append(raw.strip())
            if raw.strip() == "ready":
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert ready.wait(60), f"the {mode} child never opened its vault"
        time.sleep(delay)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        reader.join(30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL, f"the {mode} child ended on its own: {lines}"
    return lines


def check_whole(folder: Path, passphrases: list[str]) -> Vault:
    """Open with the first passphrase that fits; both integrity checks must pass."""
    return open_whole(folder, passphrases)[0]


def open_whole(folder: Path, passphrases: list[str]) -> tuple[Vault, str]:
    """Like :func:`check_whole`, also saying which passphrase opened it."""
    for passphrase in passphrases:
        try:
            vault = Vault.open(folder, passphrase)
        except WrongPassphrase:
            continue
        assert vault.db.query("PRAGMA integrity_check") == [("ok",)]
        assert vault.db.query("PRAGMA cipher_integrity_check") == []
        return vault, passphrase
    raise AssertionError("the vault opens with neither passphrase")


def saved_notes(lines: list[str]) -> list[str]:
    return [line.split()[1] for line in lines if line.startswith("saved ")]


def note_ids(vault: Vault, pair_id: str) -> set[str]:
    return set(Workspace(vault).state(pair_id).notes)


def report(mode: str, figures: Figures) -> None:
    print(figures.line(mode))
    assert figures.lost == [], figures.line(mode)
    assert figures.survived == figures.kills


def test_kill_during_note_saves(paired: tuple[Path, Path, str], tmp_path: Path):
    amira, _, pair_id = paired
    figures, rng = Figures(), random.Random()
    for _ in range(KILLS):
        lines = run_and_kill("saves", [str(amira), pair_id], MENTEE_PASS, rng.uniform(0, 1.0))
        figures.kills += 1
        with check_whole(amira, [MENTEE_PASS]) as vault:
            figures.survived += 1
            saved = saved_notes(lines)
            figures.reported += len(saved)
            figures.lost += sorted(set(saved) - note_ids(vault, pair_id))
    report("note saves", figures)


def test_kill_during_a_sync_import(paired: tuple[Path, Path, str], tmp_path: Path):
    amira, ben, pair_id = paired
    updates = tmp_path / "updates"
    updates.mkdir()
    sent: list[set[str]] = []
    with Vault.open(amira, MENTEE_PASS) as vault:
        ws = Workspace(vault)
        exchange = Exchange(ws)
        for n in range(6):
            for _ in range(20):
                ws.record(
                    pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                    title=f"update {n}", text="imported text " * 40,
                )  # fmt: skip
            (updates / f"{n:02d}.mpu").write_bytes(exchange.export(pair_id))
            sent.append(set(ws.state(pair_id).notes))
    # Imported in order, update n leaves the partner holding notes 1 .. 20(n+1).
    figures, rng = Figures(), random.Random()
    for _ in range(KILLS):
        with Vault.open(ben, MENTOR_PASS) as vault:
            before = note_ids(vault, pair_id)
        lines = run_and_kill(
            "import", [str(ben), pair_id, str(updates)], MENTOR_PASS, rng.uniform(0, 1.5)
        )
        figures.kills += 1
        with check_whole(ben, [MENTOR_PASS]) as vault:
            figures.survived += 1
            held = note_ids(vault, pair_id)
            imported = [line.split()[1] for line in lines if line.startswith("imported ")]
            figures.reported += len(imported)
            if imported:
                last = int(imported[-1].split(".")[0])
                figures.lost += sorted(sent[last] - held)
            # Never half an update: what is held is exactly one update's notes (or none).
            assert held in [set(), *sent], "an update was half applied"
            assert held >= before
    report("sync import", figures)


def test_kill_during_shared_folder_passes(paired: tuple[Path, Path, str], tmp_path: Path):
    amira, ben, pair_id = paired
    shared = tmp_path / "shared"
    shared.mkdir()
    for folder, passphrase in ((amira, MENTEE_PASS), (ben, MENTOR_PASS)):
        with Vault.open(folder, passphrase) as vault:
            SharedFolder(Exchange(Workspace(vault))).choose(pair_id, shared)
    figures, rng = Figures(), random.Random()
    all_saved: list[str] = []
    for _ in range(KILLS):
        lines = run_and_kill("folder", [str(amira), pair_id], MENTEE_PASS, rng.uniform(0, 1.5))
        figures.kills += 1
        with check_whole(amira, [MENTEE_PASS]) as vault:
            figures.survived += 1
            saved = saved_notes(lines)
            figures.reported += len(saved)
            all_saved += saved
            figures.lost += sorted(set(saved) - note_ids(vault, pair_id))
    # Sync is not stuck: one more pass on each side brings every shared note across.
    with Vault.open(amira, MENTEE_PASS) as vault:
        SharedFolder(Exchange(Workspace(vault))).sync(pair_id)
        mine = Workspace(vault).state(pair_id).notes
        shared_ids = {i for i in all_saved if mine[i].kind == "shared"}
    with Vault.open(ben, MENTOR_PASS) as vault:
        SharedFolder(Exchange(Workspace(vault))).sync(pair_id)
        figures.lost += sorted(shared_ids - note_ids(vault, pair_id))
    report("shared-folder pass", figures)


def test_kill_during_key_rotation(paired: tuple[Path, Path, str], tmp_path: Path):
    amira, _, pair_id = paired
    with Vault.open(amira, MENTEE_PASS) as vault:  # a few MiB, so a copy takes a while
        ws = Workspace(vault)
        for n in range(120):
            ws.record(
                pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                title=f"bulk {n}", text=os.urandom(3000).hex(),
            )  # fmt: skip
        expected = note_ids(vault, pair_id)
    phrases = [MENTEE_PASS, NEW_PASS]
    figures, rng = Figures(), random.Random()
    current = 0
    for _ in range(KILLS):
        lines = run_and_kill(
            "rekey", [str(amira), pair_id, phrases[1 - current]], phrases[current],
            rng.uniform(0, 4.0),
        )  # fmt: skip
        figures.kills += 1
        done = [int(line.split()[1]) for line in lines if line.startswith("now ")]
        figures.reported += len(done)
        reported = (done[-1] + current) % 2 if done else current
        # The passphrase last reported in force opens it, or the change under way
        # had committed and the other one does.
        order = [phrases[reported], phrases[1 - reported]]
        vault, opened_with = open_whole(amira, order)
        with vault:
            figures.survived += 1
            figures.lost += sorted(expected - note_ids(vault, pair_id))
        current = phrases.index(opened_with)
        assert sorted(p.name for p in amira.iterdir()) == CLOSED_VAULT
    report("key rotation", figures)
