"""Fixtures for the feedback tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.feedback.scheme import Scheme
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace
from tests.unit.feedback.support import make_scheme
from tests.unit.storage.support import PASSPHRASE, copy_vault, make_vault

#: "Now" for the pair-side tests: inside the scheme's second period.
NOW = datetime(2026, 9, 15, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def keypair() -> HybridKeyPair:
    return HybridKeyPair.generate()


@pytest.fixture(scope="session")
def other_keypair() -> HybridKeyPair:
    return HybridKeyPair.generate()


@pytest.fixture
def scheme(keypair: HybridKeyPair) -> Scheme:
    return make_scheme(keypair)


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_vault(tmp_path_factory.mktemp("template") / "vault", name="Dr Priya Raman")


def open_workspace(folder: Path, now: datetime = NOW) -> tuple[Vault, Workspace]:
    vault = Vault.open(folder, PASSPHRASE)
    return vault, Workspace(vault, clock=lambda: now)


@pytest.fixture
def ws(template_vault: Path, tmp_path: Path) -> Iterator[Workspace]:
    vault, workspace = open_workspace(copy_vault(template_vault, tmp_path / "vault"))
    yield workspace
    vault.close()
