"""A report over thousands of files does each piece of work once (issue 12).

Timings are not asserted; the work is counted: answers read per question,
responses serialised to compare copies, paths compared to sort a folder.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path, PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorpair.crypto.hybrid import HybridKeyPair, seal
from mentorpair.feedback import folder as folder_module
from mentorpair.feedback import report as report_module
from mentorpair.feedback import submission
from mentorpair.feedback.envelope import unpadded
from mentorpair.feedback.folder import list_candidates, report_from_folder
from mentorpair.feedback.report import (
    QuestionInfo,
    ResponseLike,
    SchemeInfo,
    build_report,
    scheme_info,
)
from mentorpair.feedback.scheme import Scheme
from mentorpair.feedback.submission import Response, SkippedFile
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
    read: list[int] = []
    real = report_module._choices

    def counted(question: object, group: list[Response]) -> object:
        read.append(len(group))  # one call reads each answer of the group once
        return real(question, group)  # type: ignore[arg-type]

    monkeypatch.setattr(report_module, "_choices", counted)

    report = build_report(info, responses)

    choice_questions = sum(1 for q in info.questions if q.kind != "text")
    # Only the first period has answers; the other's group is empty.
    assert sum(read) == choice_questions * PEOPLE
    assert len(read) == choice_questions * len(info.periods)
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


def test_unpadded_takes_the_plain_rstrip_beyond_its_zeros() -> None:
    for data in (b"{}" + bytes(30_000), bytes(30_000), b"{}\0x" + bytes(20_000), b"{}"):
        assert unpadded(data) == data.rstrip(b"\0")


def _choice(question: QuestionInfo, response: ResponseLike) -> int | None:
    """The reading of one answer before issue 12: one call per response."""
    value = response.answers.get(question.id)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value < len(question.options) else None


def _bucket(fact: str, response: ResponseLike) -> int | None:
    bucket = response.facts.get(fact)
    return report_module._COLUMNS[fact].get(bucket) if isinstance(bucket, str) else None


ODD = st.one_of(
    st.integers(-3, 12),
    st.booleans(),
    st.none(),
    st.text(max_size=3),
    st.sampled_from(["0", "1-2", "3-5", "6+", "mentee", "mentor", "0-3", "25+"]),
)


@given(st.lists(st.tuples(ODD, ODD, ODD), max_size=12))
def test_a_group_is_read_as_one_response_at_a_time_was(values: list[tuple[object, ...]]) -> None:
    info = scheme_info(make_scheme(_KEYPAIR))
    question = next(q for q in info.questions if q.kind != "text")
    group = [
        Response(info.scheme_id, H1, "t", 1, {question.id: a}, {"role": b, "meetings": c})  # type: ignore[dict-item]
        for a, b, c in values
    ]
    assert report_module._choices(question, group) == [_choice(question, r) for r in group]
    for fact in report_module.FACTS:
        assert report_module._buckets(fact, group) == [_bucket(fact, r) for r in group]


_KEYPAIR = HybridKeyPair.generate()


def _old_open_feedback_file(name: str, scheme: Scheme, keypair: HybridKeyPair) -> Response:
    """Opening a file before issue 12: a Path, ``stat`` first, the padding taken off by rstrip."""
    path = Path(name)
    size = path.stat().st_size
    if size == 0:
        raise SkippedFile(submission.EMPTY)
    if size > submission.COLLECTED_FILE_SIZE:
        raise SkippedFile(submission.TOO_LARGE)
    return submission.open_feedback_bytes(path.read_bytes(), scheme, keypair)


def _sealed_plain(scheme: Scheme, plain: bytes) -> bytes:
    header = submission.feedback_header(submission.FILE_VERSION, scheme)
    padded = plain.ljust(submission.PLAINTEXT_LENGTH, b"\0")
    return header + seal(scheme.coordinator_key, padded, submission.INFO + header)


def test_a_generated_folder_gives_the_report_it_gave_before_issue_12(
    tmp_path: Path, keypair: HybridKeyPair, monkeypatch: pytest.MonkeyPatch
) -> None:
    scheme = make_scheme(keypair)
    rng = random.Random(12)
    questions = [q for q in scheme.questions if q.type.value != "text"]
    for person in range(60):
        token = hashlib.sha256(f"{person}".encode()).hexdigest()
        answers: dict[str, int | str] = {
            q.question_id: rng.randrange(len(q.options)) for q in questions if rng.random() < 0.9
        }
        facts: dict[str, str | tuple[str, ...]] = {
            "role": rng.choice(["mentee", "mentor"]),
            "meetings": rng.choice(["0", "6+"]),
        }
        period = rng.choice(["2026-H1", "2026-H2"])
        for revision in range(1, rng.choice([1, 1, 2]) + 1):
            found = Response(scheme.scheme_id, period, token, revision, answers, facts)
            data = submission.seal_response(found, scheme)
            (tmp_path / submission.random_file_name()).write_bytes(data)
    plain = submission.seal_response(found, scheme)  # the last response, as bytes
    good = Response(scheme.scheme_id, period, "f" * 64, 1, answers, facts).to_plaintext()
    files = {
        "zero-inside.mpfb": _sealed_plain(scheme, good + b"\0junk"),
        "zero-in-text.mpfb": _sealed_plain(scheme, good[:-1] + b"\0}"),
        "unpadded.mpfb": _sealed_plain(scheme, good),  # as the app writes it: it counts
        "empty.mpfb": b"",
        "huge.mpfb": plain + bytes(30_000),
        "cut.mpfb": plain[:9000],
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.setattr(report_module, "_shuffled", sorted)  # comments in a fixed order

    now = report_from_folder(tmp_path, scheme, keypair)
    monkeypatch.setattr(submission, "unpadded", lambda padded: padded.rstrip(b"\0"))
    monkeypatch.setattr(report_module, "_choices", lambda q, g: [_choice(q, r) for r in g])
    monkeypatch.setattr(report_module, "_buckets", lambda f, g: [_bucket(f, r) for r in g])
    monkeypatch.setattr(folder_module, "open_feedback_file", _old_open_feedback_file)
    before = report_from_folder(tmp_path, scheme, keypair)

    assert now == before
    assert {s.name for s in now.skipped} == set(files) - {"unpadded.mpfb"}
