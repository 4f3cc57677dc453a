"""Export my record: complete for its reader, labelled, atomic, never overwriting."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mentorpair.demo import fill_demo
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.errors import DiskFull
from mentorpair.storage import atomic, export
from mentorpair.storage.export import RECORD_FORMAT, export_record
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace

NOW = datetime(2025, 11, 27, 9, 30, tzinfo=UTC)
PASSPHRASE = "tangerine orbit velvet lantern 42"


def fixed_now() -> datetime:
    return NOW


@pytest.fixture
def workspace(tmp_path: Path):
    vault = Vault.create(tmp_path / "vault", PASSPHRASE, "Dr Helen Marsh")
    yield Workspace(vault)
    vault.close()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_record_holds_everything_the_mentor_can_see(workspace, out):
    pair_id = fill_demo(workspace, Role.MENTOR, NOW)
    workspace.record(pair_id, EventKind.RELATIONSHIP_ENDED, summary="A good year together.")
    workspace.record(pair_id, EventKind.ENDING_REASON, reason="Retiring in spring.")
    state = workspace.state(pair_id)
    md_path, json_path = export_record(state, "Dr Helen Marsh", out, now=fixed_now)

    assert md_path.name == "mentoring-with-dr-amara-okafor-record.md"
    assert json_path.name == "mentoring-with-dr-amara-okafor-record.json"
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["format"] == RECORD_FORMAT
    assert data["version"] == 1
    assert data["me"] == {"name": "Dr Helen Marsh", "role": "mentor"}
    assert data["partner"] == {"name": "Dr Amara Okafor", "role": "mentee"}
    assert data["agreement"]["frequency"].startswith("Every 4–6 weeks")
    assert len(data["meetings"]) == 6
    assert sum(len(m["agenda"]) for m in data["meetings"]) >= 3
    exam = next(g for g in data["goals"] if g["title"] == "Pass the FRCEM Final OSCE")
    assert len(exam["milestones"]) == 5
    assert exam["history"][0] == {
        "at": exam["history"][0]["at"],
        "by": "Dr Amara Okafor",
        "change": "goal created",
    }
    kinds = sorted(n["kind"] for n in data["notes"])
    assert kinds == ["private", "reflection", "reflection"] + ["shared"] * 5
    assert len(data["actions"]) == len(state.actions)
    assert data["ending"]["summary"] == "A good year together."
    assert data["ending"]["reason"] == "Retiring in spring."

    text = md_path.read_text(encoding="utf-8")
    assert "NOT encrypted" in text
    for note in state.notes.values():
        assert note.title in text
        assert note.text.splitlines()[0] in text
    # Every note says who can read it.
    assert text.count("**Reflection (the mentor's, private; never shared)**") == 2
    assert text.count("**Shared session note (both of you)**") == 5
    assert text.count("**Private note (only its author; never shared)**") == 1
    assert "## Ending" in text
    assert "Retiring in spring." in text


def test_mentee_record_has_no_mentor_reflections(workspace, out):
    pair_id = fill_demo(workspace, Role.MENTEE, NOW)
    _md, json_path = export_record(workspace.state(pair_id), "Dr Amara Okafor", out, fixed_now)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert "reflection" not in {n["kind"] for n in data["notes"]}
    assert data["ending"] is None


def test_an_empty_pair_exports_with_plain_empty_sections(workspace, out):
    pair_id = workspace.create_pair(Role.MENTEE, "Dr Helen Marsh")
    md_path, _json = export_record(workspace.state(pair_id), "Dr Amara Okafor", out, fixed_now)
    text = md_path.read_text(encoding="utf-8")
    assert "No agreement was written down." in text
    assert "No meetings." in text
    assert "No notes." in text


def test_free_text_cannot_break_the_markdown(workspace, out):
    pair_id = workspace.create_pair(Role.MENTEE, "Dr Helen Marsh")
    workspace.record(
        pair_id,
        EventKind.NOTE_CREATED,
        note_id="n1",
        kind="private",
        title="Two\nlines",
        text="# Not a heading\nsecond line",
    )
    md_path, _ = export_record(workspace.state(pair_id), "Dr Amara Okafor", out, fixed_now)
    text = md_path.read_text(encoding="utf-8")
    assert "### Two lines" in text
    assert "> # Not a heading" in text
    assert "\n# Not a heading" not in text


def test_never_overwrites_an_earlier_export(workspace, out):
    pair_id = workspace.create_pair(Role.MENTEE, "Dr Helen Marsh")
    state = workspace.state(pair_id)
    first = export_record(state, "Dr Amara Okafor", out, fixed_now)
    first[0].write_text("my edited copy", encoding="utf-8")
    second = export_record(state, "Dr Amara Okafor", out, fixed_now)
    assert [p.name for p in second] == [
        "mentoring-with-dr-helen-marsh-record-2.md",
        "mentoring-with-dr-helen-marsh-record-2.json",
    ]
    assert first[0].read_text(encoding="utf-8") == "my edited copy"
    # A lone leftover of either kind also moves the next export on.
    (out / "mentoring-with-dr-helen-marsh-record-3.json").write_text("x", encoding="utf-8")
    third = export_record(state, "Dr Amara Okafor", out, fixed_now)
    assert third[0].name == "mentoring-with-dr-helen-marsh-record-4.md"


def test_names_are_safe_file_names(workspace, out):
    pair_id = workspace.create_pair(Role.MENTEE, "Dr Zoë O'Brien / ../etc")
    md_path, _ = export_record(workspace.state(pair_id), "Me", out, fixed_now)
    assert md_path.parent == out
    assert md_path.name == "mentoring-with-dr-zoe-o-brien-etc-record.md"
    pair_id = workspace.create_pair(Role.MENTEE, "李雷")
    md_path, _ = export_record(workspace.state(pair_id), "Me", out, fixed_now)
    assert md_path.name == "mentoring-record.md"


def test_failure_part_way_leaves_no_file(workspace, out, monkeypatch):
    pair_id = fill_demo(workspace, Role.MENTEE, NOW)
    real_write = atomic.atomic_write
    calls = []

    def fail_on_second(path: Path, data: bytes, mode: int = 0o600) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise DiskFull()
        real_write(path, data, mode)

    monkeypatch.setattr(export, "atomic_write", fail_on_second)
    with pytest.raises(DiskFull):
        export_record(workspace.state(pair_id), "Dr Amara Okafor", out, fixed_now)
    assert len(calls) == 2
    assert list(out.iterdir()) == []


def test_failure_inside_a_write_leaves_no_temporary_file(workspace, out, monkeypatch):
    pair_id = workspace.create_pair(Role.MENTEE, "Dr Helen Marsh")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(DiskFull):
        export_record(workspace.state(pair_id), "Dr Amara Okafor", out, fixed_now)
    assert list(out.iterdir()) == []


def test_files_are_readable_only_by_their_owner(workspace, out):
    pair_id = workspace.create_pair(Role.MENTEE, "Dr Helen Marsh")
    for path in export_record(workspace.state(pair_id), "Dr Amara Okafor", out, fixed_now):
        assert path.stat().st_mode & 0o077 == 0
