"""The shared folder: two vaults converge through it, and it tolerates sync engines."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mentorpair.errors import FolderRefused
from mentorpair.sync.folder import SharedFolder, content_name, is_update_name
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person
from tests.unit.sync.test_exchange import add_goal, add_note


@pytest.fixture
def shared(tmp_path: Path, paired) -> tuple[Person, Person, str, SharedFolder, SharedFolder, Path]:
    amira, ben, pair_id = paired
    folder = tmp_path / "Syncthing" / "mentoring"
    folder.mkdir(parents=True)
    fa, fb = SharedFolder(amira.x), SharedFolder(ben.x)
    fa.choose(pair_id, folder)
    fb.choose(pair_id, folder)
    return amira, ben, pair_id, fa, fb, folder


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_two_vaults_converge_through_the_folder_and_tidy_up(shared):
    amira, ben, pair_id, fa, fb, folder = shared
    add_goal(amira, pair_id, "Consultant interview")
    add_note(ben, pair_id, "Session notes")
    for _ in range(3):
        fa.sync(pair_id)
        fb.sync(pair_id)
    assert shared_view(amira.ws.state(pair_id)) == shared_view(ben.ws.state(pair_id))
    assert len(amira.ws.state(pair_id).goals) == len(ben.ws.state(pair_id).notes) == 1
    assert amira.x.unsent(pair_id) == ben.x.unsent(pair_id) == 0
    # Quiet now: no more files are written, and at most one small file each remains.
    before = names(folder)
    assert fa.sync(pair_id).written is None and fb.sync(pair_id).written is None
    assert names(folder) == before and len(before) <= 2
    assert all(is_update_name(n) for n in before)


def test_files_are_content_named_padded_and_private(shared):
    amira, _, pair_id, fa, _, folder = shared
    add_note(amira, pair_id, "CANARY-NOTE-TITLE rota")
    report = fa.sync(pair_id)
    assert report.written is not None
    data = (folder / report.written).read_bytes()
    assert content_name(data) == report.written
    assert len(data) == 16 * 1024
    assert b"CANARY" not in data and pair_id.encode() not in data
    assert bytes.fromhex(pair_id) not in data


def test_conflict_copies_partial_downloads_and_strangers_are_ignored(shared):
    amira, _ben, pair_id, fa, fb, folder = shared
    add_goal(amira, pair_id, "One")
    written = fa.sync(pair_id).written
    assert written is not None
    data = (folder / written).read_bytes()
    stem = written.removesuffix(".mpu")
    (folder / f"{stem}.sync-conflict-20261122-101010-ABCDEFG.mpu").write_bytes(data)
    (folder / f".syncthing.{written}.tmp").write_bytes(data[:5000])
    (folder / "notes.txt").write_text("not ours")
    # A half-copied file under a real name: its content does not match its name yet.
    partial_name = content_name(b"something else")
    (folder / partial_name).write_bytes(data[: 16 * 1024 - 1] + b"\x00")
    report = fb.sync(pair_id)
    assert [s.counts for s in report.imported] == [{"goals": 1}]
    assert report.refused == []
    assert (folder / partial_name).exists()  # left alone for its writer to finish


def test_a_damaged_file_is_reported_once(shared):
    amira, _ben, pair_id, fa, fb, folder = shared
    add_goal(amira, pair_id, "One")
    written = fa.sync(pair_id).written
    assert written is not None
    data = bytearray((folder / written).read_bytes())
    data[-100] ^= 1
    name = content_name(bytes(data))
    (folder / name).write_bytes(bytes(data))
    report = fb.sync(pair_id)
    assert [n for n, _ in report.refused] == [name]
    assert fb.sync(pair_id).refused == []  # not repeated on every pass


def test_the_vault_is_never_the_shared_folder(paired, tmp_path):
    amira, _, pair_id = paired
    folder = SharedFolder(amira.x)
    vault = amira.vault.folder
    for bad in (vault, vault.parent, vault / "inside"):
        bad.mkdir(exist_ok=True)
        with pytest.raises(FolderRefused, match="vault"):
            folder.choose(pair_id, bad)
    with pytest.raises(FolderRefused, match="cannot be found"):
        folder.choose(pair_id, tmp_path / "missing")
    assert folder.folder(pair_id) is None


def test_a_folder_that_became_unsafe_stops_the_sync(shared, tmp_path):
    _amira, _, pair_id, fa, _, folder = shared
    os.rename(folder, tmp_path / "moved")
    with pytest.raises(FolderRefused):
        fa.sync(pair_id)


def test_an_update_waiting_for_an_earlier_one_is_tried_again(shared):
    amira, ben, pair_id, _fa, fb, folder = shared
    add_goal(amira, pair_id, "One")
    first = amira.x.export(pair_id)
    amira.vault.db.execute(
        "UPDATE peers SET has = :h WHERE pair_id = :p",
        {"p": pair_id, "h": json.dumps({amira.ws.origin: 1})},
    )
    add_goal(amira, pair_id, "Two")
    second = amira.x.export(pair_id)
    (folder / content_name(second)).write_bytes(second)
    assert fb.sync(pair_id).waiting == 1
    (folder / content_name(first)).write_bytes(first)
    fb.sync(pair_id)  # imports the first, then the second is still waiting its turn
    fb.sync(pair_id)
    assert len(ben.ws.state(pair_id).goals) == 2


# ---------------------------------------------------------------- persist, then send
def test_a_write_that_fails_counts_as_nothing_sent_and_goes_again(shared, monkeypatch):
    from mentorpair.errors import DiskFull
    from mentorpair.sync import folder as folder_module

    amira, ben, pair_id, fa, fb, folder = shared
    add_goal(amira, pair_id, "Written on a full disk")
    real = folder_module.atomic_write  # type: ignore[attr-defined]

    def full_disk(path: Path, data: bytes, mode: int = 0o600) -> None:
        # Half a file under the temporary name, then the disk is full.
        (path.parent / f".{path.name}.abc123.tmp").write_bytes(data[: len(data) // 2])
        raise DiskFull()

    monkeypatch.setattr(folder_module, "atomic_write", full_disk)
    with pytest.raises(DiskFull):
        fa.sync(pair_id)
    assert amira.x.unsent(pair_id) == 1 and amira.x.has_news(pair_id)
    monkeypatch.setattr(folder_module, "atomic_write", real)
    report = fa.sync(pair_id)  # the next pass cleans up and writes it again
    assert report.written is not None
    assert [n for n in names(folder) if n.endswith(".tmp")] == []
    assert amira.vault.db.query(
        "SELECT COUNT(*) FROM sync_files WHERE outcome LIKE 'pending:%'"
    ) == [(0,)]
    fb.sync(pair_id)
    assert [g.title for g in ben.ws.state(pair_id).goals.values()] == ["Written on a full disk"]


def test_a_process_killed_after_the_write_leaves_nothing_behind(shared, monkeypatch):
    amira, ben, pair_id, fa, fb, folder = shared
    add_goal(amira, pair_id, "Killed before it counted")
    real = SharedFolder._remember

    def dies_before_counting(self: SharedFolder, pair: str, name: str, outcome: str) -> None:
        if outcome.startswith("sent:"):
            raise KeyboardInterrupt  # stands in for SIGKILL between the write and the commit
        real(self, pair, name, outcome)

    monkeypatch.setattr(SharedFolder, "_remember", dies_before_counting)
    with pytest.raises(KeyboardInterrupt):
        fa.sync(pair_id)
    orphan = [n for n in names(folder) if is_update_name(n)]
    assert len(orphan) == 1  # the file got there, but never counted as sent
    monkeypatch.undo()
    fa.sync(pair_id)
    assert orphan[0] not in names(folder)  # removed: its content went again in a new file
    fb.sync(pair_id)
    fa.sync(pair_id)
    assert [g.title for g in ben.ws.state(pair_id).goals.values()] == ["Killed before it counted"]
    assert amira.x.unsent(pair_id) == 0


def test_a_partner_away_for_many_passes_finds_one_file_not_hundreds(shared):
    amira, ben, pair_id, fa, fb, folder = shared
    for n in range(60):  # Ben is away: Amira works and her app syncs each time
        add_goal(amira, pair_id, f"Goal {n}")
        fa.sync(pair_id)
    mine = [n for n in names(folder) if is_update_name(n)]
    assert len(mine) == 1  # each new file carried everything and replaced the older
    rows = amira.vault.db.query("SELECT COUNT(*) FROM sync_files")
    assert rows[0][0] <= 2  # the bookkeeping is as small as the folder
    report = fb.sync(pair_id)  # Ben returns and opens one file
    assert len(report.imported) == 1 and report.imported[0].new_events == 60
    assert len(ben.ws.state(pair_id).goals) == 60


def test_a_junk_file_with_one_of_our_names_is_read_once_until_it_changes(shared, monkeypatch):
    from mentorpair.sync import folder as folder_module

    _amira, _ben, pair_id, fa, _fb, folder = shared
    junk = folder / ("a" * 26 + ".mpu")
    junk.write_bytes(os.urandom(64 * 1024))
    reads: list[Path] = []
    real = folder_module.read_file  # type: ignore[attr-defined]

    def counted(path: Path) -> bytes:
        reads.append(path)
        return bytes(real(path))

    monkeypatch.setattr(folder_module, "read_file", counted)
    for _ in range(5):
        fa.sync(pair_id)
    assert reads.count(junk) == 1
    junk.write_bytes(os.urandom(16 * 1024))  # it changed (a copy finished?): read again
    os.utime(junk, ns=(1, 1))
    fa.sync(pair_id)
    assert reads.count(junk) == 2
