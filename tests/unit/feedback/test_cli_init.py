"""``mentorpair coordinator init-scheme``: makes the two files, asks no passphrase on the line."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mentorpair import cli
from mentorpair.feedback.keystore import open_key_file
from mentorpair.feedback.scheme import load_scheme
from tests.unit.feedback.support import COORDINATOR_PASSPHRASE


@pytest.fixture
def passphrase_file(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(COORDINATOR_PASSPHRASE + "\nignored second line\n", encoding="utf-8")
    return path


def run(*args: str) -> int:
    return cli.main(["coordinator", "init-scheme", *args])


def test_makes_a_scheme_with_the_given_settings(tmp_path, passphrase_file, capsys):
    out = tmp_path / "out"
    out.mkdir()
    code = run(
        "--name", "North London GP Mentoring", "--out", str(out),
        "--period", "2026-H1:2026-01-01:2026-06-30", "--period", "2026-H2:2026-07-01:2026-12-31",
        "--min-group", "6", "--min-comments", "12", "--passphrase-file", str(passphrase_file),
    )  # fmt: skip
    assert code == 0
    scheme = load_scheme(out / "north-london-gp-mentoring.mpscheme")
    assert scheme.name == "North London GP Mentoring"
    assert [p.period_id for p in scheme.periods] == ["2026-H1", "2026-H2"]
    assert (scheme.min_group, scheme.min_comments) == (6, 12)
    scheme_id, keypair = open_key_file(
        out / "north-london-gp-mentoring.mpschemekey", COORDINATOR_PASSPHRASE
    )
    assert scheme_id == scheme.scheme_id
    assert keypair.public_bytes() == scheme.coordinator_key
    printed = capsys.readouterr().out
    assert scheme.key_code() in printed
    assert COORDINATOR_PASSPHRASE not in printed


def test_default_period_is_the_current_half_year(tmp_path, passphrase_file):
    assert (
        run("--name", "S", "--out", str(tmp_path), "--passphrase-file", str(passphrase_file)) == 0
    )
    [period] = load_scheme(tmp_path / "s.mpscheme").periods
    assert period.is_open(date.today())


def test_questions_file(tmp_path, passphrase_file):
    questions = tmp_path / "q.json"
    questions.write_text(
        json.dumps([{"id": "useful", "type": "likert", "text": "Useful?", "scale": ["No", "Yes"]}])
    )
    args = ("--name", "Q", "--out", str(tmp_path), "--passphrase-file", str(passphrase_file))
    assert run(*args, "--questions", str(questions)) == 0
    assert [q.question_id for q in load_scheme(tmp_path / "q.mpscheme").questions] == ["useful"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--min-group", "1"], "smallest group size"),
        (["--min-group", "8", "--min-comments", "5"], "at least the smallest group size"),
        (["--period", "2026-H2"], "ID:OPENS:CLOSES"),
        (["--period", "a:2026-01-01:2026-06-30", "--period", "b:2026-06-01:2026-12-31"], "overlap"),
    ],
)
def test_bad_settings_give_a_plain_message(tmp_path, passphrase_file, capsys, extra, message):
    code = run(
        "--name", "S", "--out", str(tmp_path), "--passphrase-file", str(passphrase_file), *extra
    )
    assert code == 1
    assert message in capsys.readouterr().err
    assert list(tmp_path.glob("*.mpscheme*")) == []


def test_weak_passphrase_is_refused(tmp_path, capsys):
    weak = tmp_path / "weak.txt"
    weak.write_text("password\n")
    assert run("--name", "S", "--out", str(tmp_path), "--passphrase-file", str(weak)) == 1
    assert "too easy to guess" in capsys.readouterr().err
    assert list(tmp_path.glob("*.mpscheme*")) == []


def test_no_terminal_and_no_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert run("--name", "S", "--out", str(tmp_path)) == 1
    assert "--passphrase-file" in capsys.readouterr().err


def test_typed_passphrases_must_match(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter([COORDINATOR_PASSPHRASE, COORDINATOR_PASSPHRASE + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert run("--name", "S", "--out", str(tmp_path)) == 1
    assert "not the same" in capsys.readouterr().err


def test_typed_passphrase_twice_works(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: COORDINATOR_PASSPHRASE)
    assert run("--name", "S", "--out", str(tmp_path)) == 0


def test_refuses_to_overwrite_and_missing_folder(tmp_path, passphrase_file, capsys):
    args = ("--name", "S", "--out", str(tmp_path), "--passphrase-file", str(passphrase_file))
    assert run(*args) == 0
    before = (tmp_path / "s.mpschemekey").read_bytes()
    assert run(*args) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "s.mpschemekey").read_bytes() == before
    (tmp_path / "a-file").write_text("")
    not_a_folder = (
        "--name",
        "S",
        "--out",
        str(tmp_path / "a-file"),
        "--passphrase-file",
        str(passphrase_file),
    )
    assert run(*not_a_folder) == 1
    assert "must be a folder" in capsys.readouterr().err


def test_a_missing_out_folder_is_made_owner_only(tmp_path, passphrase_file):
    out = tmp_path / "new" / "scheme"
    assert run("--name", "S", "--out", str(out), "--passphrase-file", str(passphrase_file)) == 0
    assert (out.stat().st_mode & 0o777) == 0o700
    assert sorted(p.suffix for p in out.iterdir()) == [".mpscheme", ".mpschemekey"]


def test_there_is_no_passphrase_option():
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(
            ["coordinator", "init-scheme", "--name", "S", "--out", ".", "--passphrase", "x"]
        )


def test_old_flags_still_parse():
    args = cli.build_parser().parse_args(["--demo"])
    assert args.demo and args.command is None
    assert cli.build_parser().parse_args(["--vault", "/tmp/v"]).command is None
