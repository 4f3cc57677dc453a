"""Reading a folder of feedback files: broken ones are listed, the report still builds."""

from __future__ import annotations

import hashlib
import os
import struct
from pathlib import Path

import pytest

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.errors import NotFound, PermissionDenied
from mentorpair.feedback.folder import ReadingStopped, read_folder, report_from_folder
from mentorpair.feedback.report import SUPPRESSED
from mentorpair.feedback.scheme import Scheme
from mentorpair.feedback.submission import (
    Response,
    open_feedback_file,
    random_file_name,
    seal_response,
)
from tests.unit.feedback.support import make_scheme


def sealed(scheme: Scheme, person: int, revision: int = 1, usefulness: int = 3) -> bytes:
    token = hashlib.sha256(f"person {person}".encode()).hexdigest()
    answers: dict[str, int | str] = {"usefulness": usefulness}
    response = Response(scheme.scheme_id, "2026-H1", token, revision, answers, {"role": "mentee"})
    return seal_response(response, scheme)


def put(folder: Path, data: bytes, name: str | None = None) -> Path:
    path = folder / (name or random_file_name())
    path.write_bytes(data)
    return path


def test_broken_and_foreign_files_are_listed_and_the_report_still_builds(
    tmp_path: Path, scheme: Scheme, keypair: HybridKeyPair, other_keypair: HybridKeyPair
) -> None:
    for person in range(6):
        put(tmp_path, sealed(scheme, person))
    good = sealed(scheme, 99)
    tampered = bytearray(good)
    tampered[9000] ^= 0x40
    newer = bytearray(good)
    newer[8:10] = struct.pack(">H", 3)
    put(tmp_path, bytes(tampered), "tampered.mpfb")
    put(tmp_path, good[:7000], "truncated.mpfb")
    put(tmp_path, bytes(newer), "newer.mpfb")
    put(tmp_path, sealed(make_scheme(other_keypair, "Another scheme"), 1), "foreign.mpfb")
    put(tmp_path, b"", "empty.mpfb")
    put(tmp_path, b"Dear coordinator, please find attached", "letter.txt")
    put(tmp_path, good + b"x", "oversized.mpfb")

    report = report_from_folder(tmp_path, scheme, keypair)

    assert {(s.name, s.reason) for s in report.skipped} == {
        ("tampered.mpfb", "damaged or changed after it was sealed"),
        ("truncated.mpfb", "truncated"),
        ("newer.mpfb", "made by a newer version of mentorpair"),
        ("foreign.mpfb", "for another scheme"),
        ("empty.mpfb", "empty"),
        ("letter.txt", "not a feedback file"),
        ("oversized.mpfb", "too large"),
    }
    assert report.files_read == 13
    assert report.responses == 6
    counts = next(d.counts for d in report.distributions if d.question_id == "usefulness")
    assert counts == (0, 0, 0, 6, 0)
    assert report.summary() == "Read 13 files: 6 responses, 0 duplicates dropped, 7 skipped."


def test_duplicates_in_the_folder_count_once(
    tmp_path: Path, scheme: Scheme, keypair: HybridKeyPair
) -> None:
    put(tmp_path, sealed(scheme, 1, revision=1, usefulness=0))
    put(tmp_path, sealed(scheme, 1, revision=2, usefulness=4))
    for person in range(2, 6):
        put(tmp_path, sealed(scheme, person))

    report = report_from_folder(tmp_path, scheme, keypair)

    assert (report.responses, report.duplicates_dropped) == (5, SUPPRESSED)
    counts = next(d.counts for d in report.distributions if d.question_id == "usefulness")
    assert counts == (0, 0, 0, 4, 1)


def test_sub_folders_hidden_and_partial_files_are_not_read(
    tmp_path: Path, scheme: Scheme, keypair: HybridKeyPair
) -> None:
    put(tmp_path, sealed(scheme, 1), "real.mpfb")
    (tmp_path / "older").mkdir()
    put(tmp_path / "older", sealed(scheme, 2))
    put(tmp_path, sealed(scheme, 3), ".syncthing.abc.mpfb.tmp")
    put(tmp_path, sealed(scheme, 4), ".hidden.mpfb")
    put(tmp_path, b"half", "download.mpfb.part")
    put(tmp_path, b"half", "download.mpfb.crdownload")
    put(tmp_path, sealed(scheme, 5), "backup.mpfb~")
    os.symlink(tmp_path / "real.mpfb", tmp_path / "link.mpfb")

    read = read_folder(tmp_path, scheme, keypair)

    assert read.files_read == 1
    assert len(read.responses) == 1
    assert read.skipped == ()


def test_progress_counts_every_file(tmp_path: Path, scheme: Scheme, keypair: HybridKeyPair) -> None:
    for person in range(3):
        put(tmp_path, sealed(scheme, person))
    put(tmp_path, b"junk", "junk.bin")
    seen: list[tuple[int, int]] = []

    read_folder(tmp_path, scheme, keypair, progress=lambda done, total: seen.append((done, total)))

    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_stop_ends_the_reading(tmp_path: Path, scheme: Scheme, keypair: HybridKeyPair) -> None:
    for person in range(3):
        put(tmp_path, sealed(scheme, person))
    calls = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(ReadingStopped):
        read_folder(tmp_path, scheme, keypair, stop=stop)


def test_a_missing_folder_is_a_plain_message(tmp_path: Path, scheme: Scheme, keypair) -> None:
    with pytest.raises(NotFound, match="feedback folder could not be found"):
        read_folder(tmp_path / "nowhere", scheme, keypair)


def test_an_empty_folder_gives_an_empty_report(
    tmp_path: Path, scheme: Scheme, keypair: HybridKeyPair
) -> None:
    report = report_from_folder(tmp_path, scheme, keypair)

    assert report.files_read == 0
    assert all(d.counts is SUPPRESSED for d in report.distributions)


def test_a_file_the_system_will_not_let_us_read_is_listed(
    tmp_path: Path, scheme: Scheme, keypair: HybridKeyPair, monkeypatch: pytest.MonkeyPatch
) -> None:
    put(tmp_path, sealed(scheme, 1), "locked.mpfb")
    put(tmp_path, sealed(scheme, 2), "fine.mpfb")
    real = open_feedback_file

    def guarded(path: str, scheme: Scheme, keypair: HybridKeyPair) -> Response:
        if Path(path).name == "locked.mpfb":
            raise PermissionDenied()  # what a file without read permission gives
        return real(path, scheme, keypair)

    monkeypatch.setattr("mentorpair.feedback.folder.open_feedback_file", guarded)

    read = read_folder(tmp_path, scheme, keypair)

    assert [(s.name, s.reason) for s in read.skipped] == [("locked.mpfb", "not allowed to read it")]
    assert len(read.responses) == 1
