"""The collector's whole journey on the command line, with the coordinator around it.

Collector makes keys; coordinator makes a scheme naming them; six people send
feedback; the collector receives and releases; the coordinator's report reads
the batch and nothing else. No step needs a vault.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentorpair import cli
from mentorpair.feedback.scheme import load_scheme
from mentorpair.feedback.submission import Response, random_file_name, seal_response
from tests.unit.feedback.support import COORDINATOR_PASSPHRASE

COLLECTOR_PASSPHRASE = "harbour violet teapot glacier 9"


def main(*args: str) -> int:
    return cli.main(["coordinator", *args])


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    coordinator_pass = tmp_path / "coordinator.txt"
    coordinator_pass.write_text(COORDINATOR_PASSPHRASE + "\n", encoding="utf-8")
    collector_pass = tmp_path / "collector.txt"
    collector_pass.write_text(COLLECTOR_PASSPHRASE + "\n", encoding="utf-8")
    return {"coordinator": coordinator_pass, "collector": collector_pass}


def test_collector_journey(tmp_path: Path, files: dict[str, Path], capsys) -> None:
    guardian = tmp_path / "guardian"
    code = main("collector", "init", "--name", "Freedom to Speak Up Guardian",
                "--out", str(guardian), "--passphrase-file", str(files["collector"]))  # fmt: skip
    assert code == 0
    card = guardian / "freedom-to-speak-up-guardian.mpcollector"
    key = guardian / "freedom-to-speak-up-guardian.mpcollectorkey"
    assert card.is_file() and key.is_file()
    assert COLLECTOR_PASSPHRASE not in capsys.readouterr().out

    scheme_dir = tmp_path / "scheme"
    assert main("init-scheme", "--name", "North London", "--out", str(scheme_dir),
                "--period", "2026-H2:2026-07-01:2026-12-31", "--collector", str(card),
                "--passphrase-file", str(files["coordinator"])) == 0  # fmt: skip
    assert "Freedom to Speak Up Guardian" in capsys.readouterr().out
    scheme_path = scheme_dir / "north-london.mpscheme"
    scheme = load_scheme(scheme_path)
    assert scheme.collector is not None and scheme.version == 2

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for person in range(6):
        token = f"{person:064x}"
        answer = Response(scheme.scheme_id, "2026-H2", token, 1, {"usefulness": 3}, {}, token[::-1])
        (inbox / random_file_name()).write_bytes(seal_response(answer, scheme))
    (inbox / "notes.txt").write_text("not feedback")
    common = ["--key", str(key), "--scheme", str(scheme_path), "--store", str(tmp_path / "store"),
              "--passphrase-file", str(files["collector"])]  # fmt: skip
    assert main("collector", "receive", *common, "--in", str(inbox)) == 0
    printed = capsys.readouterr().out
    assert "Received 6 new files" in printed and "notes.txt: not a feedback file" in printed

    out = tmp_path / "for-coordinator"
    out.mkdir()
    assert main("collector", "release", *common, "--out", str(out)) == 0
    assert "Released batch-2026-H2-001: answers of 6 people." in capsys.readouterr().out
    assert main("collector", "release", *common, "--out", str(out)) == 0
    assert "Nothing to release yet" in capsys.readouterr().out

    report = tmp_path / "report.json"
    assert main("report", "--scheme", str(scheme_dir / "north-london.mpschemekey"),
                "--in", str(out), "--out", str(report),
                "--passphrase-file", str(files["coordinator"])) == 0  # fmt: skip
    doc = json.loads(report.read_text())
    assert doc["periods"][0]["responses"] == 6 and doc["files"]["batches"] == 1
    assert "never differ by fewer than 5 people" in capsys.readouterr().out

    # The raw inbox (files the collector did not release) gives the coordinator nothing.
    assert main("report", "--scheme", str(scheme_dir / "north-london.mpschemekey"),
                "--in", str(inbox), "--out", str(tmp_path / "raw.json"),
                "--passphrase-file", str(files["coordinator"])) == 0  # fmt: skip
    raw = json.loads((tmp_path / "raw.json").read_text())
    assert raw["periods"][0]["responses"] == 0
    assert {s["reason"] for s in raw["files"]["skipped"]} == {
        "not in a batch released by the scheme's collector"
    }


def test_a_wrong_collector_passphrase_changes_nothing(tmp_path: Path, files, capsys) -> None:
    guardian = tmp_path / "guardian"
    main("collector", "init", "--name", "Guardian", "--out", str(guardian),
         "--passphrase-file", str(files["collector"]))  # fmt: skip
    scheme_dir = tmp_path / "scheme"
    main("init-scheme", "--name", "North London", "--out", str(scheme_dir),
         "--collector", str(guardian / "guardian.mpcollector"),
         "--passphrase-file", str(files["coordinator"]))  # fmt: skip
    capsys.readouterr()
    store = tmp_path / "store"
    code = main("collector", "receive", "--key", str(guardian / "guardian.mpcollectorkey"),
                "--scheme", str(scheme_dir / "north-london.mpscheme"), "--store", str(store),
                "--passphrase-file", str(files["coordinator"]), "--in", str(tmp_path))  # fmt: skip
    assert code == 1
    assert "That passphrase does not open this collector key." in capsys.readouterr().err
    assert not store.exists()
