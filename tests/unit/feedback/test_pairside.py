"""The pair's side end to end: import, invitation, answering, sealing, what the file reveals."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.errors import NotFound
from mentorpair.feedback.pairside import TOKEN_KEY_META, NameRejected, PairFeedback
from mentorpair.feedback.report import SUPPRESSED, build_report, scheme_info
from mentorpair.feedback.scheme import InvalidScheme
from mentorpair.feedback.submission import (
    FACT_KEYS,
    FEEDBACK_FILE_SIZE,
    open_feedback_file,
    random_file_name,
)
from tests.unit.feedback.conftest import NOW, open_workspace
from tests.unit.feedback.corpus import CORPUS, NAMES
from tests.unit.feedback.support import assert_not_in_sealed, words_sent, write_scheme
from tests.unit.storage.support import copy_vault

PARTNER = "Dr Amara Okafor"


def new_pair(ws, role: Role = Role.MENTEE):
    pair = ws.create_pair(role, PARTNER)
    for i, days in enumerate((40, 20, 5)):
        ws.record(
            pair,
            EventKind.MEETING_PLANNED,
            meeting_id=f"meeting-{i}",
            starts_at=(NOW - timedelta(days=days)).isoformat(),
            mode="video" if i else "in_person",
            place="Room 4, Whittington Hospital",
        )
    return pair


@pytest.fixture
def feedback(ws, scheme, tmp_path) -> PairFeedback:
    fb = PairFeedback(ws, new_pair(ws), clock=lambda: NOW)
    fb.import_scheme(write_scheme(tmp_path, scheme))
    return fb


def send(fb: PairFeedback, scheme, folder: Path, answers=None, facts=FACT_KEYS) -> Path:
    period = scheme.open_period(NOW.date())
    response = fb.prepare(scheme, period, answers or {"usefulness": 3}, facts)
    path = folder / random_file_name()
    fb.send(response, scheme, path)
    return path


# ----------------------------------------------------------------- schemes and invitations
def test_import_and_list(feedback, scheme, tmp_path):
    assert feedback.schemes() == [scheme]
    feedback.import_scheme(write_scheme(tmp_path, scheme, "again.mpscheme"))  # no duplicate
    assert feedback.schemes() == [scheme]
    feedback.remove_scheme(scheme.scheme_id)
    assert feedback.schemes() == []


def test_import_refuses_bad_files(feedback, tmp_path):
    bad = tmp_path / "bad.mpscheme"
    bad.write_text("{}")
    with pytest.raises(InvalidScheme):
        feedback.import_scheme(bad)
    with pytest.raises(NotFound):
        feedback.import_scheme(tmp_path / "missing.mpscheme")


def test_schemes_belong_to_one_pair(ws, feedback):
    other = PairFeedback(ws, ws.create_pair(Role.MENTOR, "Someone Else"), clock=lambda: NOW)
    assert other.schemes() == []


def test_invitation_while_open_until_answered(feedback, scheme, tmp_path):
    [invite] = feedback.invitations()
    assert (invite.scheme, invite.period.period_id) == (scheme, "2026-H2")
    send(feedback, scheme, tmp_path)
    assert feedback.invitations() == []


def test_dismissing_stops_the_invitation_only(feedback, scheme):
    feedback.dismiss(scheme.scheme_id, "2026-H2")
    assert feedback.invitations() == []
    assert feedback.sent(scheme.scheme_id, "2026-H2") is None


def test_no_invitation_outside_periods(ws, scheme, tmp_path):
    late = datetime(2027, 2, 1, tzinfo=UTC)
    fb = PairFeedback(ws, new_pair(ws), clock=lambda: late)
    fb.import_scheme(write_scheme(tmp_path, scheme))
    assert fb.invitations() == []


# ----------------------------------------------------------------- never-send list
def test_never_send_list(feedback):
    assert feedback.add_never_send("  Dr   Helen  Marsh ") == "Dr Helen Marsh"
    feedback.add_never_send("Dr Helen Marsh")
    feedback.add_never_send("ben")
    assert feedback.never_send() == ["ben", "Dr Helen Marsh"]
    feedback.remove_never_send("ben")
    assert feedback.never_send() == ["Dr Helen Marsh"]
    for bad in ("", "   ", "x" * 81):
        with pytest.raises(NameRejected):
            feedback.add_never_send(bad)


def test_known_names_are_own_partner_and_list(feedback):
    feedback.add_never_send("Tom Hughes")
    assert feedback.known_names() == ["Dr Priya Raman", PARTNER, "Tom Hughes"]


# ----------------------------------------------------------------- must show
def test_no_seeded_identifier_reaches_any_feedback_file(feedback, scheme, keypair, tmp_path):
    for name in NAMES[2:]:
        feedback.add_never_send(name)
    for i, (text, identifiers) in enumerate(CORPUS):
        path = send(feedback, scheme, tmp_path, {"improve": text, "usefulness": i % 5})
        raw = path.read_bytes()
        opened = open_feedback_file(path, scheme, keypair)
        plain = words_sent(opened)
        for identifier in identifiers:
            assert identifier.casefold() not in plain.casefold(), (identifier, plain)
            assert_not_in_sealed(identifier, raw)


def test_same_person_same_period_same_token_next_revision(feedback, scheme, keypair, tmp_path):
    first = open_feedback_file(send(feedback, scheme, tmp_path), scheme, keypair)
    second = open_feedback_file(send(feedback, scheme, tmp_path), scheme, keypair)
    assert first.token == second.token
    assert (first.revision, second.revision) == (1, 2)
    assert feedback.sent(scheme.scheme_id, "2026-H2").revision == 2
    assert feedback.sent(scheme.scheme_id, "2026-H2").sent_on == NOW.astimezone().date()


def test_a_mentor_with_two_mentees_counts_once_for_each_pair(
    ws, feedback, scheme, keypair, tmp_path
):
    other = PairFeedback(ws, new_pair(ws, Role.MENTOR), clock=lambda: NOW)
    other.import_scheme(write_scheme(tmp_path, scheme))
    assert [i.scheme.scheme_id for i in other.invitations()] == [scheme.scheme_id]
    a = open_feedback_file(send(feedback, scheme, tmp_path), scheme, keypair)
    # Answering for one pair does not close the invitation of the other.
    assert [i.scheme.scheme_id for i in other.invitations()] == [scheme.scheme_id]
    b = open_feedback_file(send(other, scheme, tmp_path), scheme, keypair)
    assert a.token != b.token  # one per pair: both pairs' answers are kept
    # Revisions count per pair too: b's 1 does not hint at another mentee.
    assert (a.revision, b.revision) == (1, 1)
    again = open_feedback_file(send(feedback, scheme, tmp_path), scheme, keypair)
    assert again.token == a.token and again.revision == 2
    report = build_report(scheme_info(scheme), [a, b, again])
    assert report.duplicates_dropped is SUPPRESSED  # the first answer of pair one, replaced
    assert not other.invitations()


def test_two_people_have_different_tokens(template_vault, tmp_path, scheme, keypair):
    tokens = []
    for who in ("one", "two"):
        vault, ws = open_workspace(copy_vault(template_vault, tmp_path / who))
        try:
            fb = PairFeedback(ws, new_pair(ws), clock=lambda: NOW)
            tokens.append(open_feedback_file(send(fb, scheme, tmp_path), scheme, keypair).token)
        finally:
            vault.close()
    assert tokens[0] != tokens[1]


def test_a_file_reveals_nothing_about_the_pair(ws, feedback, scheme, keypair, tmp_path):
    feedback.add_never_send("Tom Hughes")
    ws.record(
        feedback.pair_id,
        EventKind.NOTE_CREATED,
        note_id="n1",
        kind="private",
        title="Rota",
        text="Private worry about the rota",
    )
    path = send(feedback, scheme, tmp_path, {"improve": "Amara and Tom were great"})
    raw = path.read_bytes()
    plain = open_feedback_file(path, scheme, keypair).to_plaintext().decode()
    state = ws.state(feedback.pair_id)
    secrets = [
        feedback.pair_id,
        *(e.event_id for e in ws.events(feedback.pair_id)),
        "Priya",
        "Raman",
        "Amara",
        "Okafor",
        "Tom",
        "Whittington",
        "Private worry",
        *(m.starts_at.date().isoformat() for m in state.meetings.values()),
        NOW.date().isoformat(),
        f"{NOW:%m-%d}",
        f"{NOW:%H:%M}",
        "0.1",  # no app version
        "mentorpair 0",
    ]
    for secret in secrets:
        assert secret not in plain, secret
        assert secret.encode() not in raw, secret
    # What is inside is exactly the documented fields.
    assert sorted(json.loads(plain)) == [
        "answers",
        "facts",
        "period",
        "revision",
        "scheme",
        "token",
    ]
    assert len(raw) == FEEDBACK_FILE_SIZE
    assert path.name != feedback.pair_id and len(path.stem) == 26


def test_facts_are_added_only_when_agreed(feedback, scheme, keypair, tmp_path):
    none = open_feedback_file(send(feedback, scheme, tmp_path, facts=()), scheme, keypair)
    assert none.facts == {}
    some = open_feedback_file(
        send(feedback, scheme, tmp_path, facts=("meetings",)), scheme, keypair
    )
    assert some.facts == {"meetings": "3-5"}
    everything = open_feedback_file(send(feedback, scheme, tmp_path), scheme, keypair)
    assert everything.facts == {
        "role": "mentee",
        "meetings": "3-5",
        "modes": ("in_person", "video"),
        "months": "0-3",
    }


def test_a_failed_write_is_not_counted(feedback, scheme, tmp_path):
    period = scheme.open_period(NOW.date())
    response = feedback.prepare(scheme, period, {"usefulness": 1}, ())
    with pytest.raises(NotFound):
        feedback.send(response, scheme, tmp_path / "missing-folder" / "x.mpfb")
    assert feedback.sent(scheme.scheme_id, "2026-H2") is None
    assert feedback.prepare(scheme, period, {"usefulness": 1}, ()).revision == 1


def test_token_key_is_made_once_and_kept_in_the_vault(ws, feedback, scheme):
    assert ws.vault.db.query_one("SELECT 1 FROM meta WHERE key = :k", {"k": TOKEN_KEY_META}) is None
    token = feedback.token(scheme.scheme_id, "2026-H2")
    stored = ws.vault.db.query_one("SELECT value FROM meta WHERE key = :k", {"k": TOKEN_KEY_META})
    assert stored is not None and len(bytes.fromhex(stored[0])) == 32
    later = PairFeedback(ws, feedback.pair_id, clock=lambda: NOW + timedelta(days=30))
    assert later.token(scheme.scheme_id, "2026-H2") == token  # not tied to the day
