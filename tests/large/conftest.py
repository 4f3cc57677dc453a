"""One realistic large vault per test session, built through the public Workspace API.

10,000 events by default, so these tests stay quick; ``MENTORPAIR_LONG=1``
makes it 100,000 (minutes to build), ``MENTORPAIR_LARGE_EVENTS=N`` any size. The contents come from
``benchmarks/corpus.py``, the same generator the benchmarks use: several
pairs, every kind of thing, Zipf-distributed words, one planted note.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks import corpus
from mentorpair.crypto import kdf
from mentorpair.domain.state import PairState
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace

PASSPHRASE = "large vault passphrase, not a secret"
EVENTS = int(
    os.environ.get("MENTORPAIR_LARGE_EVENTS")  # for trying a size out
    or (100_000 if os.environ.get("MENTORPAIR_LONG") == "1" else 10_000)
)


@dataclass(frozen=True)
class LargeVault:
    """The built vault (never written to: tests change copies) and what went into it.

    Attributes:
        folder: the vault's folder.
        made: (pair id, plan, events) for each pair, biggest first.
        built_states: each pair's state as recording built it, change by
            change (the incremental path), to compare with a fold from disk.
        planted: the id of the one note holding ``corpus.PLANTED_WORD``.
    """

    folder: Path
    made: list[tuple[str, corpus.PairPlan, int]]
    built_states: dict[str, PairState]
    planted: str

    @property
    def big_pair(self) -> str:
        return self.made[0][0]


@pytest.fixture(scope="session")
def large_vault(tmp_path_factory: pytest.TempPathFactory) -> LargeVault:
    """Build the vault once per session (floor Argon2id: the size is what is tested)."""
    folder = tmp_path_factory.mktemp("large") / "vault"
    vault = Vault.create(folder, PASSPHRASE, "Large Person", params=kdf.minimum_params)
    try:
        workspace = Workspace(vault, clock=corpus.clock_for(EVENTS))
        # Batches of 1,000 (an import's size): fewer commits, so the suite stays quick.
        made = corpus.fill_vault(workspace, EVENTS, batch=1_000)
        made.sort(key=lambda m: -m[2])
        states = {pair_id: workspace.state(pair_id) for pair_id, _, _ in made}
    finally:
        vault.close()
    planted = [
        note_id
        for note_id, note in states[made[0][0]].notes.items()
        if corpus.PLANTED_WORD in note.text
    ]
    assert len(planted) == 1
    return LargeVault(folder, made, states, planted[0])


@pytest.fixture(scope="session")
def large_workspace(large_vault: LargeVault) -> Iterator[Workspace]:
    """The large vault, open for reading (tests that write use ``large_copy``)."""
    vault = Vault.open(large_vault.folder, PASSPHRASE)
    try:
        yield Workspace(vault)
    finally:
        vault.close()


@pytest.fixture
def large_copy(large_vault: LargeVault, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the large vault, open, for a test that changes it."""
    folder = tmp_path / "copy"
    shutil.copytree(large_vault.folder, folder)
    vault = Vault.open(folder, PASSPHRASE)
    try:
        yield Workspace(vault)
    finally:
        vault.close()
