"""``mentorpair coordinator report``: a folder in, a report out, plain messages on failure."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mentorpair import cli
from mentorpair.feedback.keystore import CreatedScheme, init_scheme
from mentorpair.feedback.submission import Response, random_file_name, seal_response
from tests.unit.feedback.support import COORDINATOR_PASSPHRASE, PERIOD_H1, PERIOD_H2

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def made(tmp_path: Path) -> CreatedScheme:
    keys = tmp_path / "keys"
    keys.mkdir()
    return init_scheme(
        keys, "North London GP Mentoring", COORDINATOR_PASSPHRASE, [PERIOD_H1, PERIOD_H2]
    )


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(COORDINATOR_PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path, made: CreatedScheme) -> Path:
    """Six people, one of whom sent twice, and one damaged file."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    scheme = made.scheme
    for person, revision in [(1, 1), (1, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1)]:
        token = hashlib.sha256(f"person {person}".encode()).hexdigest()
        answers: dict[str, int | str] = {"usefulness": 3, "recommend": 0}
        response = Response(
            scheme.scheme_id, "2026-H1", token, revision, answers, {"role": "mentee"}
        )
        (inbox / random_file_name()).write_bytes(seal_response(response, scheme))
    (inbox / "damaged.mpfb").write_bytes(b"MPFEEDBK\x00\x01" + b"\x00" * 100)
    return inbox


def report(made: CreatedScheme, folder: Path, out: Path, passphrase_file: Path) -> int:
    return cli.main(
        [
            "coordinator", "report", "--scheme", str(made.key_path), "--in", str(folder),
            "--out", str(out), "--passphrase-file", str(passphrase_file),
        ]
    )  # fmt: skip


def test_json_report_and_the_one_line_summary(
    tmp_path: Path, made: CreatedScheme, folder: Path, passphrase_file: Path, capsys
) -> None:
    out = tmp_path / "report.json"

    assert report(made, folder, out, passphrase_file) == 0

    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "Read 8 files: 6 responses, fewer than 5 duplicates dropped, 1 skipped."
    doc = json.loads(out.read_text("utf-8"))
    assert doc["format"] == "mentorpair-report"
    assert doc["files"]["skipped"] == [{"name": "damaged.mpfb", "reason": "truncated"}]
    usefulness = next(d for d in doc["distributions"] if d["question"] == "usefulness")
    assert usefulness["counts"] == [0, 0, 0, 6, 0]
    assert COORDINATOR_PASSPHRASE not in out.read_text("utf-8")


def test_csv_report(
    tmp_path: Path, made: CreatedScheme, folder: Path, passphrase_file: Path
) -> None:
    out = tmp_path / "report.csv"

    assert report(made, folder, out, passphrase_file) == 0

    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    h2 = [r for r in rows if r["section"] == "distribution" and r["period"] == "2026-H2"]
    assert h2 and {r["value"] for r in h2} == {"suppressed"}


def test_pdf_report_has_pages(
    tmp_path: Path, made: CreatedScheme, folder: Path, passphrase_file: Path, qapp
) -> None:
    out = tmp_path / "report.pdf"

    assert report(made, folder, out, passphrase_file) == 0

    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 5
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_wrong_passphrase_is_a_plain_message_and_exit_1(
    tmp_path: Path, made: CreatedScheme, folder: Path, capsys
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n", encoding="utf-8")
    out = tmp_path / "report.json"

    assert report(made, folder, out, wrong) == 1

    err = capsys.readouterr().err
    assert "That passphrase does not open this scheme key." in err
    assert not out.exists()


def test_missing_folder_is_a_plain_message_and_exit_1(
    tmp_path: Path, made: CreatedScheme, passphrase_file: Path, capsys
) -> None:
    assert report(made, tmp_path / "nowhere", tmp_path / "r.json", passphrase_file) == 1

    assert "The feedback folder could not be found" in capsys.readouterr().err


def test_an_unknown_output_kind_is_refused(
    tmp_path: Path, made: CreatedScheme, folder: Path, passphrase_file: Path, capsys
) -> None:
    assert report(made, folder, tmp_path / "report.docx", passphrase_file) == 1

    assert "--out must end in .pdf, .csv or .json" in capsys.readouterr().err


def test_a_key_for_another_scheme_is_refused(
    tmp_path: Path, made: CreatedScheme, folder: Path, passphrase_file: Path, capsys
) -> None:
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other = init_scheme(other_dir, "Another scheme", COORDINATOR_PASSPHRASE, [PERIOD_H1])
    code = cli.main(
        [
            "coordinator", "report", "--scheme", str(other.key_path),
            "--scheme-file", str(made.scheme_path), "--in", str(folder),
            "--out", str(tmp_path / "r.json"), "--passphrase-file", str(passphrase_file),
        ]
    )  # fmt: skip

    assert code == 1
    assert "does not belong to that scheme file" in capsys.readouterr().err


def test_a_passphrase_on_the_command_line_is_not_accepted(
    made: CreatedScheme, folder: Path, tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        cli.main(
            [
                "coordinator", "report", "--scheme", str(made.key_path), "--in", str(folder),
                "--out", str(tmp_path / "r.json"), "--passphrase", COORDINATOR_PASSPHRASE,
            ]
        )  # fmt: skip


@pytest.mark.slow
def test_pdf_from_a_shell_without_a_display(
    tmp_path: Path, made: CreatedScheme, folder: Path, passphrase_file: Path
) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = str(REPO)
    out = tmp_path / "report.pdf"
    result = subprocess.run(
        [
            sys.executable, "-m", "mentorpair", "coordinator", "report",
            "--scheme", str(made.key_path), "--in", str(folder), "--out", str(out),
            "--passphrase-file", str(passphrase_file),
        ],
        capture_output=True, text=True, timeout=120, env=env, check=False, cwd=tmp_path,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Read 8 files: 6 responses")
    assert out.read_bytes().startswith(b"%PDF")
