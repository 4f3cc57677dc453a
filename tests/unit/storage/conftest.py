"""Fixtures for the storage tests: one vault made per session, copied per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.storage.support import copy_vault, make_vault


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed vault made once; tests work on copies and never change it."""
    return make_vault(tmp_path_factory.mktemp("template") / "vault")


@pytest.fixture
def vault_folder(template_vault: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template vault that the test may change at will."""
    return copy_vault(template_vault, tmp_path / "vault")
