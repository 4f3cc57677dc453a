"""Rules: the product's promises about who may change what, and what may leave the machine."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from mentorpair.domain.events import Event, EventKind, MalformedEvent
from mentorpair.domain.model import NoteKind, Role
from mentorpair.domain.rules import MENTEE_ONLY, RuleViolation, is_shareable
from mentorpair.domain.state import PairState, fold

from .factory import (
    JUNK,
    MENTEE,
    MENTOR,
    OTHER_PAIR,
    PAIR,
    K,
    Log,
    fingerprint,
    histories,
    make,
    scripted_pair,
)

TERMS: dict[str, Any] = {
    "frequency": "Monthly",
    "modes": ["video"],
    "confidentiality": "Between us.",
    "limits": "Patient safety.",
    "no_fault_ending": True,
}


def base(my_role: Role = MENTEE) -> Log:
    """A pair with one of everything, owned by ``my_role``."""
    log = Log(my_role=my_role)
    log.add(K.AGREEMENT_SET, MENTOR, event_id="terms-1", **TERMS)
    log.meeting("m1")
    log.goal("g1")
    log.add(K.MILESTONE_ADDED, MENTEE, goal_id="g1", milestone_id="ms1", title="Outline")
    log.item("i0")  # so a reorder that puts i1 first changes something
    log.item("i1")
    for suggestion_id in ("s1", "s2"):
        log.add(
            K.SUGGESTION_ADDED, MENTOR, meeting_id="m1", suggestion_id=suggestion_id, title="Idea"
        )
    log.add(
        K.NOTE_CREATED,
        MENTOR,
        event_id="shared-rev",
        note_id="n-shared",
        kind="shared",
        text="Session 1",
    )
    log.note("n-private", "private", my_role, text="only mine")
    log.add(K.ACTION_ADDED, MENTEE, action_id="a1", what="Read", owner="mentee")
    assert log.state().rejected == []
    return log


#: For every kind a change that :func:`base` accepts, with the author allowed to make it.
VALID: dict[EventKind, tuple[Role, dict[str, Any]]] = {
    K.RELATIONSHIP_ENDED: (MENTOR, {"summary": "We met our goals."}),
    K.AGREEMENT_SET: (MENTEE, TERMS),
    K.AGREEMENT_CONFIRMED: (MENTEE, {"revision": "terms-1"}),
    K.MEETING_PLANNED: (MENTEE, {"meeting_id": "m2", "starts_at": "2025-04-01T10:00:00+00:00"}),
    K.MEETING_UPDATED: (MENTOR, {"meeting_id": "m1", "place": "Library"}),
    K.MEETING_CANCELLED: (MENTEE, {"meeting_id": "m1"}),
    K.AGENDA_ITEM_ADDED: (MENTEE, {"meeting_id": "m1", "item_id": "i2", "title": "Rota"}),
    K.AGENDA_ITEM_UPDATED: (MENTEE, {"item_id": "i1", "why": "Deadline"}),
    K.AGENDA_ITEM_REMOVED: (MENTEE, {"item_id": "i1"}),
    K.AGENDA_REORDERED: (MENTEE, {"meeting_id": "m1", "order": ["i1"]}),
    K.AGENDA_READY: (MENTEE, {"meeting_id": "m1", "ready": True}),
    K.SUGGESTION_ADDED: (MENTOR, {"meeting_id": "m1", "suggestion_id": "s3", "title": "Exams"}),
    K.SUGGESTION_ACCEPTED: (MENTEE, {"suggestion_id": "s1", "item_id": "i-s1"}),
    K.SUGGESTION_DISMISSED: (MENTEE, {"suggestion_id": "s2"}),
    K.CATEGORIES_SET: (MENTEE, {"categories": ["Career", "Audit"]}),
    K.GOAL_CREATED: (MENTEE, {"goal_id": "g2", "title": "Teach"}),
    K.GOAL_UPDATED: (MENTEE, {"goal_id": "g1", "progress": 20}),
    K.MILESTONE_ADDED: (MENTEE, {"goal_id": "g1", "milestone_id": "ms2", "title": "Submit"}),
    K.MILESTONE_UPDATED: (MENTEE, {"goal_id": "g1", "milestone_id": "ms1", "done": True}),
    K.NOTE_CREATED: (MENTOR, {"note_id": "n-new", "kind": "shared", "text": "Agreed"}),
    K.NOTE_EDITED: (MENTEE, {"note_id": "n-shared", "base": "shared-rev", "text": "More"}),
    K.NOTE_DELETED: (MENTEE, {"note_id": "n-shared"}),
    K.ACTION_ADDED: (MENTOR, {"action_id": "a2", "what": "Intro", "owner": "mentor"}),
    K.ACTION_UPDATED: (MENTEE, {"action_id": "a1", "done": True}),
}
#: Kinds with their own tests: they only make sense once (creating) or after the end.
SPECIAL = {K.PAIR_CREATED, K.ENDING_REASON}


def refused(log: Log, kind: EventKind, author: Role, /, **body: Any) -> tuple[PairState, str]:
    """Add a change that must be refused; check it changed nothing; return the state and why."""
    before = fingerprint(log.state())
    event = log.add(kind, author, **body)
    state = log.state()
    assert fingerprint(state) == before
    reasons = dict(state.rejected)
    assert event.event_id in reasons, f"{kind} by {author} was accepted"
    return state, reasons[event.event_id]


def test_the_table_covers_every_kind():
    assert set(VALID) | SPECIAL == set(EventKind)


@pytest.mark.parametrize("kind", VALID)
def test_each_valid_change_is_accepted(kind):
    # Otherwise the refusals below could be refusals for some other reason.
    log = base()
    before = fingerprint(log.state())
    author, body = VALID[kind]
    log.add(kind, author, **body)
    state = log.state()
    assert state.rejected == []
    assert fingerprint(state) != before


# ----------------------------------------------------------------- ownership
@pytest.mark.parametrize("kind", sorted(MENTEE_ONLY))
def test_only_the_mentee_changes_the_agenda_and_goals(kind):
    author, body = VALID[kind]
    assert author is MENTEE
    _, why = refused(base(), kind, MENTOR, **body)
    assert why == "Only the mentee can change the agenda and the goals."


@pytest.mark.parametrize("my_role", [MENTEE, MENTOR])
def test_the_mentor_cannot_change_goals_in_the_mentors_vault_either(my_role):
    # "Refused on every device": the rule does not depend on whose vault it is.
    _, why = refused(base(my_role), K.GOAL_UPDATED, MENTOR, goal_id="g1", status="dropped")
    assert why.startswith("Only the mentee")


def test_mentee_only_is_the_agenda_and_the_goals():
    assert {
        K.AGENDA_ITEM_ADDED,
        K.AGENDA_ITEM_UPDATED,
        K.AGENDA_ITEM_REMOVED,
        K.AGENDA_REORDERED,
        K.AGENDA_READY,
        K.SUGGESTION_ACCEPTED,
        K.SUGGESTION_DISMISSED,
        K.CATEGORIES_SET,
        K.GOAL_CREATED,
        K.GOAL_UPDATED,
        K.MILESTONE_ADDED,
        K.MILESTONE_UPDATED,
    } <= MENTEE_ONLY


def test_only_the_mentor_suggests():
    _, why = refused(base(), K.SUGGESTION_ADDED, MENTEE, **VALID[K.SUGGESTION_ADDED][1])
    assert why == "Only the mentor can suggest agenda items."


def test_only_the_mentor_keeps_reflections():
    _, why = refused(base(), K.NOTE_CREATED, MENTEE, note_id="n-r", kind="reflection", text="x")
    assert why == "Only the mentor keeps reflections."


def test_both_keep_private_notes_and_share_notes():
    log = base()
    for author in (MENTEE, MENTOR):
        for kind in ("private", "shared"):
            log.note(f"n-{author}-{kind}", kind, author)
    log.note("n-reflection", "reflection", MENTOR)
    assert log.state().rejected == []


@pytest.mark.parametrize("kind", ["private", "reflection"])
@pytest.mark.parametrize("change", [K.NOTE_EDITED, K.NOTE_DELETED])
def test_a_private_note_is_changed_by_its_author_only(kind, change):
    log = base(MENTOR)
    created = log.note("n1", kind, MENTOR, text="mine")
    _, why = refused(log, change, MENTEE, note_id="n1", base=created.event_id, text="yours")
    assert why == "Only the person who wrote a private note can change it."
    log.add(change, MENTOR, note_id="n1", base=created.event_id, text="still mine")
    assert len(log.state().rejected) == 1  # the author may


def test_a_private_note_of_the_mentee_is_safe_from_the_mentor():
    log = base(MENTEE)
    refused(log, K.NOTE_EDITED, MENTOR, note_id="n-private", base="x", text="overwritten")
    refused(log, K.NOTE_DELETED, MENTOR, note_id="n-private")
    assert log.state().notes["n-private"].text == "only mine"


def test_a_deleted_private_note_stays_its_authors():
    log = base(MENTEE)
    log.add(K.NOTE_DELETED, MENTEE, note_id="n-private")
    _, why = refused(log, K.NOTE_EDITED, MENTOR, note_id="n-private", base="x", text="revived")
    assert why.startswith("Only the person who wrote")


@pytest.mark.parametrize("author", [MENTEE, MENTOR])
def test_a_shared_note_is_changed_by_either(author):
    log = base()
    log.add(K.NOTE_EDITED, author, note_id="n-shared", base="shared-rev", text="edited")
    log.add(K.NOTE_DELETED, author, note_id="n-shared")
    assert log.state().rejected == []


# ----------------------------------------------------------------- the end
@pytest.mark.parametrize("kind", VALID)
def test_after_the_end_every_change_is_refused(kind):
    log = base()
    log.add(K.RELATIONSHIP_ENDED, MENTEE, summary="Done")
    author, body = VALID[kind]
    _, why = refused(log, kind, author, **body)
    assert why == "This mentoring relationship has ended; its record is read-only."


@pytest.mark.parametrize("ended_by", [MENTEE, MENTOR])
def test_after_the_end_the_owner_may_note_the_reason(ended_by):
    log = base()
    log.add(K.RELATIONSHIP_ENDED, ended_by, summary="Done")
    log.add(K.ENDING_REASON, MENTEE, reason="I moved")
    state = log.state()
    assert state.rejected == []
    assert state.ending is not None and state.ending.reason == "I moved"


def test_a_pair_cannot_be_created_again_after_the_end():
    log = base()
    log.add(K.RELATIONSHIP_ENDED, MENTEE, summary="Done")
    refused(log, K.PAIR_CREATED, MENTEE, my_role="mentee", partner_name="Someone")


# ----------------------------------------------------------------- this computer only
@pytest.mark.parametrize("my_role", [MENTEE, MENTOR])
def test_the_ending_reason_is_written_by_this_vaults_person(my_role):
    log = base(my_role)
    log.add(K.RELATIONSHIP_ENDED, my_role.other, summary="Done")
    _, why = refused(log, K.ENDING_REASON, my_role.other, reason="their words")
    assert why == "This change can only be made on this computer."


@pytest.mark.parametrize("my_role", [MENTEE, MENTOR])
def test_the_pair_is_created_by_the_role_it_names(my_role):
    wrong = make(K.PAIR_CREATED, my_role.other, my_role=my_role.value, partner_name="Sam")
    state = fold(PAIR, [wrong])
    assert state.created_at is None
    assert state.rejected == [(wrong.event_id, "This change can only be made on this computer.")]
    right = make(K.PAIR_CREATED, my_role, my_role=my_role.value, partner_name="Sam")
    assert fold(PAIR, [right]).my_role is my_role


@pytest.mark.parametrize("author", [MENTEE, MENTOR])
def test_a_second_pair_created_is_refused(author):
    log = base(MENTOR)
    refused(log, K.PAIR_CREATED, author, my_role=author.value, partner_name="Other")


@pytest.mark.parametrize("kind", sorted(EventKind))
def test_another_pairs_events_are_refused(kind):
    log = base()
    author, body = VALID.get(kind, (MENTEE, {"my_role": "mentee", "partner_name": "x"}))
    before = fingerprint(log.state())
    event = make(kind, author, pair_id=OTHER_PAIR, at=log.now, **body)
    state = fold(PAIR, [*log.events, event])
    assert fingerprint(state) == before
    assert state.rejected == [(event.event_id, "This change belongs to a different pair.")]


def test_apply_raises_the_rule_for_a_person_to_read():
    state = base().state()
    with pytest.raises(RuleViolation, match="Only the mentee"):
        state.apply(make(K.GOAL_CREATED, MENTOR, goal_id="g9", title="Mine now"))


def test_a_note_of_an_unknown_kind_is_malformed_not_a_crash():
    state = base().state()
    before = fingerprint(state, rejected=True)
    with pytest.raises(MalformedEvent):
        state.apply(make(K.NOTE_CREATED, MENTEE, note_id="n9", kind="diary", text="x"))
    assert fingerprint(state, rejected=True) == before


# ----------------------------------------------------------------- shareable
def _shareable(log: Log, kind: EventKind, author: Role, /, **body: Any) -> bool:
    return is_shareable(make(kind, author, **body), log.state())


@pytest.mark.parametrize(
    ("kind", "shareable"),
    [("private", False), ("reflection", False), ("shared", True), ("diary", False), (None, False)],
)
def test_only_shared_notes_are_shareable(kind, shareable):
    log = base(MENTOR)
    assert _shareable(log, K.NOTE_CREATED, MENTOR, note_id="n9", kind=kind) is shareable


@pytest.mark.parametrize(
    ("kind", "shareable"), [("private", False), ("reflection", False), ("shared", True)]
)
@pytest.mark.parametrize("change", [K.NOTE_EDITED, K.NOTE_DELETED])
def test_edits_and_deletes_are_as_shareable_as_their_note(kind, change, shareable):
    log = base(MENTOR)
    created = log.note("n1", kind, MENTOR)
    body = {"note_id": "n1", "base": created.event_id, "text": "changed"}
    assert _shareable(log, change, MENTOR, **body) is shareable
    log.add(K.NOTE_DELETED, MENTOR, note_id="n1")
    # Also after the note is gone (an edit that arrives late, a retry).
    assert _shareable(log, change, MENTOR, **body) is shareable


def test_changes_to_an_unknown_note_are_not_shareable():
    log = base()
    assert not _shareable(log, K.NOTE_EDITED, MENTEE, note_id="nope", base="x", text="?")
    assert not _shareable(log, K.NOTE_DELETED, MENTEE, note_id="nope")


@pytest.mark.parametrize("kind", [K.PAIR_CREATED, K.ENDING_REASON])
def test_facts_about_this_copy_are_never_shareable(kind):
    assert not _shareable(base(), kind, MENTEE, my_role="mentee", partner_name="Sam", reason="x")


@pytest.mark.parametrize(
    "kind", sorted(set(VALID) - {K.NOTE_CREATED, K.NOTE_EDITED, K.NOTE_DELETED})
)
def test_the_pairs_shared_work_is_shareable(kind):
    author, body = VALID[kind]
    assert _shareable(base(), kind, author, **body)


def test_the_scripted_private_words_never_leave_either_vault():
    script = scripted_pair()
    for role in (MENTEE, MENTOR):
        history = script.history(role)
        state = fold(PAIR, history)
        private = {n.text for n in state.notes.values() if n.kind is not NoteKind.SHARED}
        assert private  # the script has some
        sent = [e for e in history if is_shareable(e, state)]
        assert {e.event_id for e in sent} == {e.event_id for e in script.shared}
        words = {v for e in sent for v in e.body.values() if isinstance(v, str)}
        assert not private & words


def _texts(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list | tuple):
        return {t for v in value for t in _texts(v)}
    if isinstance(value, dict):
        return {t for v in value.values() for t in _texts(v)}
    return set()


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_privacy_holds_for_any_history(events: list[Event]):
    """No event carrying a private note's or reflection's words is ever shareable.

    Checked as the vault does it (before the event is applied) and later (against
    the final state, as a sync would), for every text a private note ever held.
    """
    state = PairState(PAIR)
    private: set[str] = set()
    shareable_then: dict[str, bool] = {}
    for event in sorted(events, key=lambda e: e.sort_key):
        shareable_then[event.event_id] = is_shareable(event, state)
        try:
            state.apply(event)
        except (RuleViolation, MalformedEvent):
            continue
        for note in state.notes.values():
            if note.kind in (NoteKind.PRIVATE, NoteKind.REFLECTION):  # not via leaves_machine
                private |= {note.title, note.text}
    private -= {t for t in JUNK if isinstance(t, str)}  # shared by chance, not by leak
    for event in events:
        if _texts(dict(event.body)) & private:
            assert not shareable_then[event.event_id], event
            assert not is_shareable(event, state), event
