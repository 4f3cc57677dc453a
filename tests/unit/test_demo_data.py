"""The demo pair: realistic, valid for both sides, and private where it must be."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from mentorpair.demo import fill_demo
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import GoalStatus, NoteKind, Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace

NOW = datetime(2025, 11, 27, 9, 30, tzinfo=UTC)
PASSPHRASE = "tangerine orbit velvet lantern 42"


@pytest.fixture(params=[Role.MENTEE, Role.MENTOR], ids=["mentee", "mentor"])
def demo(request, tmp_path: Path):
    vault = Vault.create(tmp_path / "vault", PASSPHRASE, "Dr Amara Okafor")
    workspace = Workspace(vault)
    pair_id = fill_demo(workspace, request.param, NOW)
    yield request.param, workspace, pair_id
    vault.close()


def test_folds_with_no_rejected_event(demo):
    role, workspace, pair_id = demo
    state = workspace.state(pair_id)
    assert state.rejected == []
    assert state.my_role is role
    assert state.partner_name == ("Dr Helen Marsh" if role is Role.MENTEE else "Dr Amara Okafor")
    # Everything lies in the past: the next change made in the app comes after it.
    assert all(e.at < NOW for e in workspace.events(pair_id))


def test_mentee_owned_events_are_authored_by_the_mentee(demo):
    _role, workspace, pair_id = demo
    owned = {"goal.created", "goal.updated", "agenda.item_added", "agenda.ready"}
    authors = {e.author for e in workspace.events(pair_id) if e.kind.value in owned}
    assert authors == {Role.MENTEE}


def test_history_has_the_promised_shape(demo):
    _role, workspace, pair_id = demo
    state = workspace.state(pair_id)
    past = [m for m in state.meetings.values() if m.starts_at < NOW]
    assert len(past) == 5
    assert len({m.mode for m in past}) >= 3
    shared = [n for n in state.notes.values() if n.kind is NoteKind.SHARED]
    assert {n.meeting_id for n in shared} == {m.meeting_id for m in past}
    statuses = {g.status for g in state.goals.values()}
    assert {
        GoalStatus.ACHIEVED,
        GoalStatus.ACTIVE,
        GoalStatus.PAUSED,
        GoalStatus.PROPOSED,
    } <= statuses
    exam = next(g for g in state.goals.values() if g.milestones and g.progress == 40)
    assert sum(m.done for m in exam.milestones) / len(exam.milestones) == pytest.approx(0.4)
    assert state.agreement is not None
    assert state.agreement.confirmed_by == frozenset({Role.MENTEE})
    assert any(a.done for a in state.actions.values())


def test_next_meeting_has_a_draft_agenda_of_three_items_linked_to_goals(demo):
    _role, workspace, pair_id = demo
    state = workspace.state(pair_id)
    meeting = state.next_meeting(NOW)
    assert meeting is not None
    assert 5 <= (meeting.starts_at - NOW).days <= 6
    assert not meeting.agenda_ready
    items = state.agenda_for(meeting.meeting_id)
    assert len(items) == 3
    assert all(item.goal_id in state.goals for item in items)


def test_exactly_one_overdue_action(demo):
    _role, workspace, pair_id = demo
    overdue = workspace.state(pair_id).overdue_actions(NOW.date())
    assert len(overdue) == 1
    assert overdue[0].owner is Role.MENTEE


def test_private_content_belongs_to_its_side_only(demo):
    role, workspace, pair_id = demo
    notes = workspace.state(pair_id).notes.values()
    private = [n for n in notes if n.kind is NoteKind.PRIVATE]
    reflections = [n for n in notes if n.kind is NoteKind.REFLECTION]
    if role is Role.MENTEE:
        assert reflections == []
        assert len(private) == 2
        assert {n.author for n in private} == {Role.MENTEE}
    else:
        assert len(reflections) == 2
        assert all(n.goal_id is not None for n in reflections)
        assert [n.author for n in private] == [Role.MENTOR]
    # None of it may ever leave the machine.
    shared_ids = {e.body.get("note_id") for e in workspace.shareable_events(pair_id)}
    assert not shared_ids & {n.note_id for n in private + reflections}


def test_demo_is_searchable_and_private_search_respects_presenter_mode(demo):
    role, workspace, pair_id = demo
    assert workspace.search("huddle", pair_id=pair_id)
    private_word = "withdrawing" if role is Role.MENTEE else "talking"
    assert workspace.search(private_word, pair_id=pair_id)
    assert not workspace.search(private_word, pair_id=pair_id, include_private=False)


def test_a_change_after_the_demo_is_accepted(demo):
    _role, workspace, pair_id = demo
    workspace.record(
        pair_id, EventKind.NOTE_CREATED, note_id="n-after", kind="private", title="Later", text="x"
    )
    state = workspace.state(pair_id)
    assert "n-after" in state.notes
    assert state.rejected == []


def test_needs_an_aware_time(tmp_path: Path):
    with Vault.create(tmp_path / "vault", PASSPHRASE, "Dr Amara Okafor") as vault:
        with pytest.raises(ValueError, match="time zone"):
            fill_demo(Workspace(vault), Role.MENTEE, datetime(2025, 1, 1))
