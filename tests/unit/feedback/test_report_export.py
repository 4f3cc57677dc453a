"""JSON and CSV reports: documented fields, and a hidden number is a word, never a number."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import stat
from pathlib import Path

import pytest

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.errors import NotFound
from mentorpair.feedback.report import Report, Skipped, build_report, scheme_info
from mentorpair.feedback.report_export import (
    CSV_COLUMNS,
    report_csv,
    report_json,
    write_csv,
    write_json,
)
from mentorpair.feedback.submission import Response
from tests.unit.feedback.support import make_scheme


@pytest.fixture
def report(keypair: HybridKeyPair) -> Report:
    """20 people in the first half-year: 3 mentors agree, so some cells must hide."""
    info = scheme_info(make_scheme(keypair))
    roles = ["mentee"] * 9 + ["mentor"] * 3 + ["mentee"] * 6 + ["mentor"] * 2
    people = []
    for person, role in enumerate(roles):
        answers: dict[str, int | str] = {"usefulness": 3 if person < 12 else 4, "recommend": 0}
        if person < 11:
            answers["improve"] = f"=More evening sessions, please ({person})"
        token = hashlib.sha256(str(person).encode()).hexdigest()
        people.append(Response(info.scheme_id, "2026-H1", token, 1, answers, {"role": role}))
    return build_report(info, people, [Skipped("odd.mpfb", "truncated")], files_read=21)


def test_json_is_versioned_and_hides_by_word(report: Report) -> None:
    doc = json.loads(json.dumps(report_json(report)))

    assert (doc["format"], doc["version"]) == ("mentorpair-report", 2)
    assert doc["scheme"]["min_group"] == 5
    assert doc["files"] == {
        "read": 21,
        "responses_read": 20,
        "duplicates_dropped": 0,
        "outside_periods": 0,
        "skipped": [{"name": "odd.mpfb", "reason": "truncated"}],
        "batches": None,
    }
    assert doc["periods"][0] == {"id": "2026-H1", "label": "January to June 2026", "responses": 20}
    role = next(
        t
        for t in doc["crosstabs"]
        if (t["question"], t["fact"], t["period"]) == ("usefulness", "role", "2026-H1")
    )
    assert role["columns"] == ["mentee", "mentor"]
    assert role["cells"][3] == ["suppressed", "suppressed"]
    assert role["row_totals"][3] == 12
    h2 = next(d for d in doc["distributions"] if d["period"] == "2026-H2")
    assert h2["counts"] == "suppressed"
    improve = next(c for c in doc["comments"] if c["period"] == "2026-H1")
    assert improve["count"] == 11 and len(improve["texts"]) == 11


def test_csv_has_one_row_per_number_and_the_word_suppressed(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))

    assert tuple(rows[0]) == CSV_COLUMNS
    cells = {
        (r["row"], r["column"]): r["value"]
        for r in rows
        if r["section"] == "crosstab"
        and (r["period"], r["question"], r["fact"]) == ("2026-H1", "usefulness", "role")
    }
    assert cells[("Agree", "Mentor")] == "suppressed"
    assert cells[("Agree", "Mentee")] == "suppressed"
    assert cells[("Agree", "All")] == "12"
    assert cells[("All", "All")] == "20"
    assert {"section": "responses", "period": "2026-H1", "value": "20"}.items() <= rows[0].items()
    skipped = [r for r in rows if r["section"] == "skipped_file"]
    assert [(r["row"], r["value"]) for r in skipped] == [("odd.mpfb", "truncated")]


def test_no_hidden_number_reaches_the_csv(report: Report) -> None:
    hidden = [
        r
        for r in csv.DictReader(io.StringIO(report_csv(report)))
        if r["section"] == "crosstab" and r["value"] not in ("suppressed", "0")
    ]
    # The mentors' 3 and 2 and the mentees' 9 and 6 for those rows are gone.
    assert {r["value"] for r in hidden if r["row"] in ("Agree", "Strongly agree")} <= {
        "12",
        "8",
        "suppressed",
    }


def test_csv_text_cannot_run_as_a_spreadsheet_formula(report: Report) -> None:
    comments = [
        r["value"]
        for r in csv.DictReader(io.StringIO(report_csv(report)))
        if (r["section"], r["period"]) == ("comment", "2026-H1")
    ]

    assert len(comments) == 11
    assert all(c.startswith("'=More evening sessions") for c in comments)


def test_files_are_written_owner_only(tmp_path: Path, report: Report) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    write_json(tmp_path / "r.json", report)
    write_csv(tmp_path / "r.csv", report)

    for name in ("r.json", "r.csv"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["format"] == "mentorpair-report"
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbfsection,period")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv", "r.json"]  # no temp files left


def test_writing_into_a_missing_folder_is_a_known_error(tmp_path: Path, report: Report) -> None:
    with pytest.raises(NotFound):
        write_json(tmp_path / "missing" / "r.json", report)
