"""Atomic file replacement: after any failure the old file is whole, no debris left."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from mentorpair.errors import DiskError, DiskFull, NotFound, PermissionDenied
from mentorpair.storage.atomic import atomic_write, fsync_folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder of our own (tmp_path also holds the isolated home)."""
    path = tmp_path / "work"
    path.mkdir()
    return path


def test_writes_new_file_readable_only_by_owner(folder: Path):
    target = folder / "vault.key"
    atomic_write(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["vault.key"]


def test_replaces_existing_file_and_its_permissions(folder: Path):
    target = folder / "vault.key"
    target.write_bytes(b"old content that is longer")
    target.chmod(0o644)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_custom_mode(folder: Path):
    atomic_write(folder / "f", b"x", mode=0o640)
    assert stat.S_IMODE((folder / "f").stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("code", "known"),
    [
        (errno.ENOSPC, DiskFull),
        (errno.EDQUOT, DiskFull),
        (errno.EACCES, PermissionDenied),
        (errno.EROFS, PermissionDenied),
        (errno.EIO, DiskError),
    ],
)
def test_failed_rename_keeps_old_file_and_removes_temporary(
    folder: Path, monkeypatch: pytest.MonkeyPatch, code: int, known: type[Exception]
):
    target = folder / "vault.key"
    target.write_bytes(b"old")

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code), "/home/Ada Lovelace/secret path")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(known) as caught:
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["vault.key"]
    # The OS message can carry a path, and a path can carry a name.
    assert "Ada" not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_failed_write_keeps_old_file_and_removes_temporary(
    folder: Path, monkeypatch: pytest.MonkeyPatch
):
    target = folder / "vault.key"
    target.write_bytes(b"old")

    def failing_fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(DiskFull):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["vault.key"]


def test_interrupt_during_write_removes_temporary(folder: Path, monkeypatch: pytest.MonkeyPatch):
    target = folder / "vault.key"
    target.write_bytes(b"old")

    def interrupted(path: object, mode: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "chmod", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["vault.key"]


def test_missing_folder_is_not_found(folder: Path):
    with pytest.raises(NotFound):
        atomic_write(folder / "missing" / "vault.key", b"x")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_is_permission_denied(folder: Path):
    (folder / "vault.key").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(PermissionDenied):
            atomic_write(folder / "vault.key", b"new")
        assert (folder / "vault.key").read_bytes() == b"old"
    finally:
        folder.chmod(0o700)


def test_fsync_folder_flushes_the_folder(folder: Path, monkeypatch: pytest.MonkeyPatch):
    synced: list[int] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    atomic_write(folder / "f", b"x")
    # once for the file's data, once for the folder entry (on POSIX)
    assert len(synced) == (2 if os.name == "posix" else 1)
    fsync_folder(folder)
