"""A report over thousands of files does each piece of work once (issue 12).

Timings are not asserted; the work is counted: answers read per question,
responses serialised to compare copies, paths compared to sort a folder.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.feedback import report as report_module
from mentorpair.feedback.envelope import unpadded
from mentorpair.feedback.folder import list_candidates
from mentorpair.feedback.report import SchemeInfo, build_report, scheme_info
from mentorpair.feedback.submission import Response
from tests.unit.feedback.support import make_scheme

H1 = "2026-H1"
PEOPLE = 30


@pytest.fixture
def info(keypair: HybridKeyPair) -> SchemeInfo:
    return scheme_info(make_scheme(keypair))


def response(info: SchemeInfo, person: int, revision: int = 1, choice: int = 3) -> Response:
    token = hashlib.sha256(f"{person}/{H1}".encode()).hexdigest()
    answers: dict[str, int | str] = {
        q.id: choice % len(q.options) for q in info.questions if q.kind != "text"
    }
    facts: dict[str, str | tuple[str, ...]] = {"role": "mentee", "meetings": "3-5"}
    return Response(info.scheme_id, H1, token, revision, answers, facts)


def counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Count the calls of ``report.<name>`` (one list item per call)."""
    calls: list[int] = []
    real = getattr(report_module, name)

    def counted(*args: object) -> object:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(report_module, name, counted)
    return calls


def test_each_answer_is_read_once_per_question_not_once_per_cross_tab(
    info: SchemeInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    responses = [response(info, person) for person in range(PEOPLE)]
    calls = counting(monkeypatch, "_choice")

    report = build_report(info, responses)

    choice_questions = sum(1 for q in info.questions if q.kind != "text")
    # Only the first period has answers; the other's group is empty.
    assert len(calls) == choice_questions * PEOPLE
    crosstab = next(t for t in report.crosstabs if t.fact == "meetings" and t.period_id == H1)
    assert crosstab.total == PEOPLE


def test_copies_are_compared_by_content_only_when_their_revisions_tie(
    info: SchemeInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    responses = [response(info, person) for person in range(PEOPLE)]
    responses.append(response(info, 0, revision=2, choice=1))  # a later answer: no comparison
    responses.append(response(info, 1, revision=1, choice=4))  # a copy of revision 1: compared
    calls = counting(monkeypatch, "_canonical")

    report = build_report(info, responses)

    assert len(calls) == 2  # the two files of person 1, once each
    assert report.responses_read == PEOPLE + 2
    assert report.total_responses == PEOPLE
    first = next(q for q in info.questions if q.kind != "text")
    # Person 0's revision 2 and the larger of person 1's copies are what count.
    counts = next(d.counts for d in report.distributions if d.question_id == first.id)
    assert isinstance(counts, tuple)
    assert counts[1 % len(first.options)] >= 1
    assert counts[4 % len(first.options)] >= 1


def test_a_folder_is_sorted_as_paths_sort_without_comparing_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ["b.mpfb", "B.mpfb", "a10.mpfb", "a9.mpfb", "_x.mpfb", "Z", "é.mpfb", "a.mpfb.x"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    expected = sorted(tmp_path / name for name in names)
    compared: list[int] = []
    real = PurePath.__lt__

    def counted(self: PurePath, other: PurePath) -> bool:
        compared.append(1)
        return real(self, other)

    monkeypatch.setattr(PurePath, "__lt__", counted)

    found = list_candidates(tmp_path)

    assert compared == []
    monkeypatch.undo()
    assert found == expected


@given(
    st.binary(max_size=64).map(lambda b: b + bytes(200))
    | st.lists(st.sampled_from([b"\0", b"a", b"\0\0\0", b"{}"]), max_size=40).map(b"".join)
)
def test_unpadded_is_rstrip_of_zeros(data: bytes) -> None:
    # The fast path (first zero, then only zeros) and the fallback (a zero inside) alike.
    assert unpadded(data) == data.rstrip(b"\0")
