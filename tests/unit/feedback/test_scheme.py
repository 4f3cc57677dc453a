"""Scheme files: strict parsing, sensible defaults, one open period at a time."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorpair.errors import MadeByNewerVersion
from mentorpair.feedback import scheme as scheme_module
from mentorpair.feedback.scheme import (
    MAX_FILE_SIZE,
    InvalidScheme,
    Period,
    Question,
    QuestionType,
    default_questions,
    load_scheme,
    parse_period_spec,
    parse_questions,
    parse_scheme,
)
from tests.unit.feedback.support import PERIOD_H1, PERIOD_H2, make_scheme, write_scheme


def doc_of(scheme) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(scheme.to_json())
    return doc


def test_round_trip(scheme):
    again = parse_scheme(scheme.to_json())
    assert again == scheme
    assert again.coordinator_key == scheme.coordinator_key
    assert parse_scheme(scheme.to_json().encode()) == scheme


def test_default_questionnaire_covers_what_uk_schemes_ask():
    questions = {q.question_id: q for q in default_questions()}
    assert {"usefulness", "confidence", "progress", "frequency", "recommend", "improve"} == set(
        questions
    )
    assert questions["usefulness"].type is QuestionType.LIKERT
    assert len(questions["usefulness"].options) == 5
    assert questions["frequency"].type is QuestionType.CHOICE
    assert questions["improve"].type is QuestionType.TEXT
    assert questions["improve"].max_length == 1000


def test_defaults_for_thresholds(scheme):
    assert (scheme.min_group, scheme.min_comments) == (5, 10)


def test_scheme_ids_are_random(keypair):
    assert make_scheme(keypair).scheme_id != make_scheme(keypair).scheme_id


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 12, 31), None),
        (date(2026, 1, 1), "2026-H1"),
        (date(2026, 6, 30), "2026-H1"),
        (date(2026, 7, 1), "2026-H2"),
        (date(2026, 12, 31), "2026-H2"),
        (date(2027, 1, 1), None),
    ],
)
def test_open_period_includes_both_ends(scheme, day, expected):
    period = scheme.open_period(day)
    assert (period.period_id if period else None) == expected


def test_overlapping_periods_are_refused(keypair):
    late = Period("late", "Late", date(2026, 6, 30), date(2026, 8, 1))
    with pytest.raises(InvalidScheme, match="overlap"):
        make_scheme(keypair, periods=[PERIOD_H1, late])


def test_key_code_carries_80_bits_and_depends_on_the_key(keypair, other_keypair):
    a, b = make_scheme(keypair), make_scheme(other_keypair)
    assert len(a.key_code()) == 24 and a.key_code().count("-") == 4
    assert len(a.key_code().replace("-", "")) * 4 == 80
    assert a.key_code() != b.key_code()


def test_period_spec():
    period = parse_period_spec("2026-H2:2026-07-01:2026-12-31")
    assert period == Period(
        "2026-H2", "1 July 2026 to 31 December 2026", PERIOD_H2.opens, PERIOD_H2.closes
    )
    for bad in ("2026-H2:2026-07-01", "x y:2026-01-01:2026-02-01", "p:2026-13-01:2026-12-31"):
        with pytest.raises(InvalidScheme):
            parse_period_spec(bad)


def test_newer_version_says_so(scheme):
    doc = doc_of(scheme)
    doc["version"] = 3
    with pytest.raises(MadeByNewerVersion, match="newer version of mentorpair"):
        parse_scheme(json.dumps(doc))


def mutate(doc: dict[str, Any], change: str) -> None:
    match change:
        case "unknown field":
            doc["extra"] = 1
        case "missing field":
            del doc["min_group"]
        case "bad id":
            doc["scheme_id"] = "ABC"
        case "short key":
            doc["coordinator_key"] = "AAAA"
        case "key not base64":
            doc["coordinator_key"] = "***"
        case "k too small":
            doc["min_group"] = 1
        case "k a bool":
            doc["min_group"] = True
        case "comments below k":
            doc["min_comments"] = 4
        case "no periods":
            doc["periods"] = []
        case "period extra field":
            doc["periods"][0]["x"] = 1
        case "period bad date":
            doc["periods"][0]["opens"] = "2026-1-1"
        case "period reversed":
            doc["periods"][0]["opens"], doc["periods"][0]["closes"] = "2026-06-30", "2026-01-01"
        case "duplicate period":
            doc["periods"][1]["id"] = doc["periods"][0]["id"]
        case "no questions":
            doc["questions"] = []
        case "duplicate question":
            doc["questions"][1]["id"] = doc["questions"][0]["id"]
        case "question type":
            doc["questions"][0]["type"] = "slider"
        case "likert one label":
            doc["questions"][0]["scale"] = ["Only"]
        case "text too long":
            doc["questions"][-1]["max_length"] = 5000
        case "text total too long":
            doc["questions"] += [
                {"id": f"t{i}", "type": "text", "text": "More?", "max_length": 2000}
                for i in range(2)
            ]
        case "name empty":
            doc["name"] = ""
        case "name newline":
            doc["name"] = "A\nB"
        case "version string":
            doc["version"] = "1"
        case "format":
            doc["format"] = "mentorpair-vault-key"


CHANGES = [
    "unknown field", "missing field", "bad id", "short key", "key not base64", "k too small",
    "k a bool", "comments below k", "no periods", "period extra field", "period bad date",
    "period reversed", "duplicate period", "no questions", "duplicate question",
    "question type", "likert one label", "text too long", "text total too long", "name empty",
    "name newline", "version string", "format",
]  # fmt: skip


@pytest.mark.parametrize("change", CHANGES)
def test_strict_parser_refuses(scheme, change):
    doc = doc_of(scheme)
    mutate(doc, change)
    with pytest.raises(InvalidScheme) as caught:
        parse_scheme(json.dumps(doc))
    assert "scheme" in caught.value.message.casefold() or caught.value.message


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"[]", b"{", b"[" * 100_000, b"null"])
def test_garbage_is_refused_plainly(data):
    with pytest.raises(InvalidScheme, match="not imported"):
        parse_scheme(data)


@given(st.binary(max_size=300))
def test_random_bytes_never_crash(data):
    with pytest.raises((InvalidScheme, MadeByNewerVersion)):
        parse_scheme(data)


def test_load_checks_the_size_before_reading(tmp_path, scheme, monkeypatch):
    path = write_scheme(tmp_path, scheme)
    assert load_scheme(path) == scheme
    big = tmp_path / "big.mpscheme"
    big.write_bytes(b" " * (MAX_FILE_SIZE + 1))
    monkeypatch.setattr(type(big), "open", lambda *a, **k: pytest.fail("read a large file"))
    with pytest.raises(InvalidScheme):
        load_scheme(big)


def test_questions_file_form():
    items = [
        {"id": "useful", "type": "likert", "text": "Useful?", "scale": ["No", "Yes"]},
        {"id": "when", "type": "choice", "text": "When?", "options": ["Early", "Late"]},
        {"id": "say", "type": "text", "text": "Anything else?", "max_length": 300},
    ]
    questions = parse_questions(items)
    assert questions == (
        Question("useful", QuestionType.LIKERT, "Useful?", ("No", "Yes")),
        Question("when", QuestionType.CHOICE, "When?", ("Early", "Late")),
        Question("say", QuestionType.TEXT, "Anything else?", max_length=300),
    )
    with pytest.raises(InvalidScheme, match="expected form"):
        parse_questions([{"id": "x", "type": "text", "text": "Hi"}])
    with pytest.raises(InvalidScheme, match="1 to 30"):
        parse_questions({})


def test_worst_case_text_still_fits_the_file():
    # The cap on all free text, at 4 bytes a character, leaves room in the sealed file.
    from mentorpair.feedback.submission import PLAINTEXT_LENGTH

    assert scheme_module.MAX_TEXT_TOTAL * 4 + 3000 < PLAINTEXT_LENGTH
