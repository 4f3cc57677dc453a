"""Responses: coarse facts, fixed-size sealed files, and the coordinator's opening of them."""

from __future__ import annotations

import os
import re
import stat
import struct
from datetime import UTC, date, datetime, timedelta

import pytest

from mentorpair.crypto.keywrap import new_key
from mentorpair.domain.model import Role
from mentorpair.domain.state import PairState
from mentorpair.feedback import submission
from mentorpair.feedback.scheme import Period
from mentorpair.feedback.scrub import MARKER, Scrubber
from mentorpair.feedback.submission import (
    FEEDBACK_FILE_SIZE,
    CoarseFacts,
    Response,
    SkippedFile,
    answer_lines,
    build_response,
    coarse_facts,
    feedback_token,
    open_feedback_bytes,
    open_feedback_file,
    random_file_name,
    seal_response,
    write_feedback_file,
)
from tests.unit.feedback.support import PERIOD_H2, make_scheme

TOKEN = "ab" * 32


def response(scheme, **kw) -> Response:
    answers = kw.pop("answers", {"usefulness": 4, "recommend": 0, "improve": "More evening slots"})
    facts = kw.pop("facts", {"role": "mentee", "meetings": "3-5", "modes": ("video",)})
    return build_response(
        scheme, "2026-H2", answers, facts, TOKEN, kw.pop("revision", 1), Scrubber()
    )


# ----------------------------------------------------------------- building
def test_build_scrubs_text_and_keeps_choices(scheme):
    r = build_response(
        scheme,
        "2026-H2",
        {"usefulness": 3, "improve": "  Amara rang 07700 900123  ", "frequency": 0},
        {"role": "mentor"},
        TOKEN,
        1,
        Scrubber(["Amara"]),
    )
    assert r.answers == {"usefulness": 3, "frequency": 0, "improve": f"{MARKER} rang {MARKER}"}
    assert r.facts == {"role": "mentor"}


def test_empty_text_is_not_sent(scheme):
    assert "improve" not in response(scheme, answers={"improve": "   "}).answers


@pytest.mark.parametrize(
    "answers",
    [
        {"nope": 1},
        {"usefulness": 5},
        {"usefulness": -1},
        {"usefulness": True},
        {"usefulness": "Agree"},
        {"improve": 3},
        {"improve": "x" * 1001},
    ],
)
def test_build_refuses_what_the_form_prevents(scheme, answers):
    with pytest.raises(ValueError, match=r"question|choice|text"):
        response(scheme, answers=answers)


@pytest.mark.parametrize(
    "facts",
    [
        {"role": "coordinator"},
        {"meetings": "7"},
        {"modes": ("fax",)},
        {"months": "2"},
        {"name": "x"},
    ],
)
def test_build_refuses_unknown_facts(scheme, facts):
    with pytest.raises(ValueError, match=r"fact|modes"):
        response(scheme, facts=facts)


def test_answer_lines_read_like_the_form(scheme):
    lines = answer_lines(response(scheme), scheme)
    assert lines == [
        ("Mentoring has been useful to me.", "Strongly agree"),
        ("Would you recommend the scheme to a colleague?", "Yes"),
        ("What could the scheme do better?", "More evening slots"),
    ]


# ----------------------------------------------------------------- coarse facts
def state_with_meetings(created: datetime, starts: list[tuple[datetime, str, bool]]) -> PairState:
    state = PairState("p")
    state.created_at = created
    state.my_role = Role.MENTOR
    from mentorpair.domain.model import Meeting, MeetingMode

    for i, (at, mode, cancelled) in enumerate(starts):
        state.meetings[f"m{i}"] = Meeting(f"m{i}", at, 60, MeetingMode(mode), "", cancelled)
    return state


NOW = datetime(2026, 9, 15, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("count", "bucket"),
    [(0, "0"), (1, "1-2"), (2, "1-2"), (3, "3-5"), (5, "3-5"), (6, "6+"), (9, "6+")],
)
def test_meetings_bucket(count, bucket):
    meetings = [(NOW - timedelta(days=i + 1), "video", False) for i in range(count)]
    assert coarse_facts(state_with_meetings(NOW, meetings), PERIOD_H2, NOW).meetings == bucket


def test_only_held_meetings_in_the_period_count():
    meetings = [
        (datetime(2026, 6, 30, 12, tzinfo=UTC), "in_person", False),  # before the period
        (datetime(2026, 7, 2, 12, tzinfo=UTC), "phone", True),  # cancelled
        (datetime(2026, 8, 2, 12, tzinfo=UTC), "video", False),
        (datetime(2026, 9, 1, 12, tzinfo=UTC), "email", False),
        (datetime(2026, 10, 1, 12, tzinfo=UTC), "in_person", False),  # not yet held
    ]
    facts = coarse_facts(state_with_meetings(NOW, meetings), PERIOD_H2, NOW)
    assert facts == CoarseFacts(
        role="mentor", meetings="1-2", modes=("video", "email"), months="0-3"
    )


@pytest.mark.parametrize(
    ("created", "bucket"),
    [
        (datetime(2026, 9, 1, tzinfo=UTC), "0-3"),
        (datetime(2026, 6, 15, tzinfo=UTC), "0-3"),
        (datetime(2026, 6, 16, tzinfo=UTC), "0-3"),
        (datetime(2026, 6, 14, tzinfo=UTC), "0-3"),
        (datetime(2026, 5, 14, tzinfo=UTC), "4-6"),
        (datetime(2026, 3, 1, tzinfo=UTC), "4-6"),
        (datetime(2025, 10, 1, tzinfo=UTC), "7-12"),
        (datetime(2024, 10, 1, tzinfo=UTC), "13-24"),
        (datetime(2023, 1, 1, tzinfo=UTC), "25+"),
    ],
)
def test_months_bucket(created, bucket):
    assert coarse_facts(state_with_meetings(created, []), PERIOD_H2, NOW).months == bucket


def test_selected_facts_only():
    facts = CoarseFacts("mentee", "1-2", ("video",), "4-6")
    assert facts.selected([]) == {}
    assert facts.selected(["modes", "role"]) == {"role": "mentee", "modes": ("video",)}


# ----------------------------------------------------------------- sealing and opening
def test_round_trip_and_fixed_size(scheme, keypair):
    r = response(scheme)
    data = seal_response(r, scheme)
    assert len(data) == FEEDBACK_FILE_SIZE
    assert open_feedback_bytes(data, scheme, keypair) == r


def test_every_file_is_the_same_size_whatever_it_says(scheme):
    small = seal_response(response(scheme, answers={}, facts={}), scheme)
    large = seal_response(response(scheme, answers={"improve": "€" * 1000}), scheme)
    assert len(small) == len(large) == FEEDBACK_FILE_SIZE


def test_the_longest_answers_fit(keypair):
    from mentorpair.feedback.scheme import Question, QuestionType

    questions = [Question(f"t{i}", QuestionType.TEXT, "Say?", max_length=1000) for i in range(3)]
    questions += [
        Question(f"q{i:038d}", QuestionType.LIKERT, "Agree?", tuple("abcdefghijk"))
        for i in range(27)
    ]
    scheme = make_scheme(keypair, questions=questions)
    answers: dict[str, int | str] = {q.question_id: 10 for q in questions[3:]}
    # Worst case: 4-byte characters, and 2-character names that grow into markers.
    answers |= {"t0": "𝔄" * 1000, "t1": "Al " * 333, "t2": '"\\\n' * 333}
    r = build_response(
        scheme,
        "2026-H2",
        answers,
        CoarseFacts("mentee", "6+", ("in_person", "video", "phone", "email"), "13-24").selected(
            submission.FACT_KEYS
        ),
        TOKEN,
        submission.MAX_REVISION,
        Scrubber(["Al"]),
    )
    assert open_feedback_bytes(seal_response(r, scheme), scheme, keypair) == r


def test_even_the_sender_cannot_open_it_again_without_the_key(scheme, other_keypair):
    with pytest.raises(SkippedFile, match="damaged"):
        open_feedback_bytes(seal_response(response(scheme), scheme), scheme, other_keypair)


def test_files_differ_every_time(scheme):
    a, b = seal_response(response(scheme), scheme), seal_response(response(scheme), scheme)
    assert a[:26] == b[:26]
    assert a[26:] != b[26:]
    # No shared 8-byte run after the header: nothing links two files outside the sealed part.
    chunks = {a[i : i + 8] for i in range(26, len(a) - 8)}
    assert not any(b[i : i + 8] in chunks for i in range(26, len(b) - 8, 4))


def test_file_names_are_random():
    names = {random_file_name() for _ in range(50)}
    assert len(names) == 50
    assert all(re.fullmatch(r"[a-z2-7]{26}\.mpfb", n) for n in names)


def test_written_owner_only(tmp_path, scheme, keypair):
    path = tmp_path / random_file_name()
    write_feedback_file(path, seal_response(response(scheme), scheme))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert open_feedback_file(path, scheme, keypair).token == TOKEN


def skip_reason(tmp_path, data: bytes, scheme, keypair) -> str:
    path = tmp_path / "f.mpfb"
    path.write_bytes(data)
    with pytest.raises(SkippedFile) as caught:
        open_feedback_file(path, scheme, keypair)
    assert caught.value.reason in caught.value.message
    return caught.value.reason


def test_skip_reasons(tmp_path, scheme, keypair):
    good = seal_response(response(scheme), scheme)
    newer = good[:8] + struct.pack(">H", 3) + good[10:]
    other = make_scheme(keypair)
    tampered = bytearray(good)
    tampered[5000] ^= 1
    header_changed = bytearray(good)
    header_changed[9] = 0  # version 0
    cases = {
        b"": "empty",
        b"PK\x03\x04 a zip file" * 10: "not a feedback file",
        b"MPFEED": "truncated",
        newer: "made by a newer version of mentorpair",
        good[:-1]: "truncated",
        good[:100]: "truncated",
        good + b"\0": "too large",
        bytes(tampered): "damaged or changed after it was sealed",
        bytes(header_changed): "not a feedback file",
        seal_response(response(other, answers={}), other): "for another scheme",
    }
    for data, reason in cases.items():
        assert skip_reason(tmp_path, data, scheme, keypair) == reason, reason


def test_large_files_are_refused_by_size_before_reading(tmp_path, scheme, keypair, monkeypatch):
    path = tmp_path / "big.mpfb"
    path.write_bytes(b"MPFEEDBK" + bytes(100_000))
    monkeypatch.setattr(type(path), "open", lambda *a, **k: pytest.fail("read a large file"))
    with pytest.raises(SkippedFile, match="too large"):
        open_feedback_file(path, scheme, keypair)


def test_a_sealed_but_malformed_response_is_skipped(scheme, keypair, monkeypatch):
    bad = Response(scheme.scheme_id, "2026-H2", TOKEN, 1, {"usefulness": 99}, {})
    data = seal_response(bad, scheme)  # sealing does not check; opening must
    with pytest.raises(SkippedFile, match="damaged"):
        open_feedback_bytes(data, scheme, keypair)
    unknown_period = Response(scheme.scheme_id, "1999", TOKEN, 1, {}, {})
    with pytest.raises(SkippedFile, match="damaged"):
        open_feedback_bytes(seal_response(unknown_period, scheme), scheme, keypair)


def test_tokens_are_per_person_per_pair_and_per_period(scheme):
    me, you = new_key("me"), new_key("you")
    sid = scheme.scheme_id
    assert feedback_token(me, sid, "2026-H2", "pair-a") == feedback_token(
        me, sid, "2026-H2", "pair-a"
    )
    assert feedback_token(me, sid, "2026-H2", "pair-a") != feedback_token(
        you, sid, "2026-H2", "pair-a"
    )
    assert feedback_token(me, sid, "2026-H1", "pair-a") != feedback_token(
        me, sid, "2026-H2", "pair-a"
    )
    # A mentor with two mentees: one token per pair, so both pairs' answers count.
    assert feedback_token(me, sid, "2026-H2", "pair-a") != feedback_token(
        me, sid, "2026-H2", "pair-b"
    )


def test_period_dates_use_local_days():
    # A meeting late on 30 June in London (UTC+1) is 30 June, before the period.
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    now = datetime(2026, 9, 1, tzinfo=london)
    at = datetime(2026, 6, 30, 23, 30, tzinfo=london)
    state = state_with_meetings(now, [(at, "video", False)])
    assert coarse_facts(state, PERIOD_H2, now).meetings == "0"
    one_day = Period("x", "x", date(2026, 6, 30), date(2026, 6, 30))
    assert coarse_facts(state, one_day, now).meetings == "1-2"
