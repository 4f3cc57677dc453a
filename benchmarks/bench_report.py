"""How long a coordinator waits for a report from 10,000 feedback files.

Run from the repository root::

    python benchmarks/bench_report.py [FILES]

(``benchmarks/run.py`` uses :func:`report_vs_raw` for its report row.)

Makes a scheme and FILES (default 10,000) sealed feedback files in a temporary
folder with the app's own sealing code: realistic answers, some people sending
twice (a later revision), a few files damaged on the way. Then times each step
a report takes: reading and opening every file, the aggregation with its
suppression, and each output (JSON, CSV, PDF). Then the same number of files
through a scheme with a collector: sealing in two layers, the collector's
receive and release, and the coordinator reading the released batches. The
folder is removed afterwards.
"""

from __future__ import annotations

import hashlib
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypeVar

if __package__ in (None, ""):  # run as a script: import mentorpair from this tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import contextlib

from mentorpair.crypto.hybrid import HybridKeyPair, OpenFailed, open_sealed
from mentorpair.crypto.signing import SigningKey
from mentorpair.feedback.batches import receive, release
from mentorpair.feedback.collector import CollectorCard, CollectorKeys
from mentorpair.feedback.folder import list_candidates, read_folder, report_from_folder
from mentorpair.feedback.report import build_report, scheme_info
from mentorpair.feedback.report_export import write_csv, write_json
from mentorpair.feedback.scheme import Period, Scheme, new_scheme
from mentorpair.feedback.submission import (
    HEADER_LENGTH,
    INFO,
    Response,
    random_file_name,
    seal_response,
)

FILES = 10_000
#: One in this many people sends a second, revised answer.
RESUBMIT_EVERY = 40
#: One in this many files is damaged on the way (a flipped byte or cut short).
DAMAGE_EVERY = 500
COMMENTS = (
    "More evening sessions would help.",
    "Matching took too long.",
    "The launch workshop was excellent.",
    "Please share a short guide for the first meeting.",
    "More choice of mentor outside my specialty.",
    "Hard to find time during rotas.",
    "Video meetings worked well for us.",
)
T = TypeVar("T")


def timed(action: Callable[[], T]) -> tuple[T, float]:
    """``action()``'s result and its wall-clock seconds."""
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


PERIODS = [
    Period("2026-H1", "January to June 2026", date(2026, 1, 1), date(2026, 6, 30)),
    Period("2026-H2", "July to December 2026", date(2026, 7, 1), date(2026, 12, 31)),
]


def make_scheme() -> tuple[Scheme, HybridKeyPair]:
    """A two-period scheme with the default questionnaire."""
    keypair = HybridKeyPair.generate()
    return new_scheme("Benchmark Mentoring Scheme", keypair.public_bytes(), PERIODS), keypair


def make_collected_scheme() -> tuple[Scheme, HybridKeyPair, CollectorKeys]:
    """The same scheme, signed and naming a collector."""
    keypair = HybridKeyPair.generate()
    keys = CollectorKeys(HybridKeyPair.generate(), SigningKey.generate())
    card = CollectorCard(
        "Benchmark Guardian", keys.keypair.public_bytes(), keys.signer.public_bytes()
    )
    scheme = new_scheme(
        "Benchmark Mentoring Scheme",
        keypair.public_bytes(),
        PERIODS,
        signer=SigningKey.generate(),
        collector=card.collector(),
    )
    return scheme, keypair, keys


def response(scheme: Scheme, rng: random.Random, person: int, revision: int) -> Response:
    """A plausible answer: mostly positive scales, some comments, facts for most."""
    period = "2026-H1" if person % 2 else "2026-H2"
    token = hashlib.sha256(f"bench person {person}/{period}".encode()).hexdigest()
    answers: dict[str, int | str] = {}
    for question in scheme.questions:
        if question.type.value == "text":
            if rng.random() < 0.3:
                answers[question.question_id] = rng.choice(COMMENTS)
        elif rng.random() < 0.95:
            weights = [1, 2, 3, 6, 5][: len(question.options)]
            weights += [2] * (len(question.options) - len(weights))
            answers[question.question_id] = rng.choices(range(len(question.options)), weights)[0]
    facts: dict[str, str | tuple[str, ...]] = {}
    if rng.random() < 0.85:
        facts["role"] = "mentee" if rng.random() < 0.75 else "mentor"
    if rng.random() < 0.7:
        facts["meetings"] = rng.choice(["0", "1-2", "3-5", "3-5", "6+"])
        facts["months"] = rng.choice(["0-3", "4-6", "7-12", "7-12", "13-24", "25+"])
        facts["modes"] = tuple(sorted(rng.sample(["in_person", "video", "phone", "email"], 2)))
    return Response(scheme.scheme_id, period, token, revision, answers, facts)


def make_files(folder: Path, scheme: Scheme, count: int) -> int:
    """Write ``count`` files; return how many were damaged on purpose."""
    rng = random.Random(5)
    damaged = 0
    person = 0
    written = 0
    while written < count:
        person += 1
        revisions = 2 if person % RESUBMIT_EVERY == 0 else 1
        for revision in range(1, revisions + 1):
            if written == count:
                break
            data = seal_response(response(scheme, rng, person, revision), scheme)
            written += 1
            if written % DAMAGE_EVERY == 0:
                damaged += 1
                data = data[:9000] if damaged % 2 else data[:5000] + b"\x01" + data[5001:]
            (folder / random_file_name()).write_bytes(data)
    return damaged


def raw_open(folder: Path, keypair: HybridKeyPair) -> int:
    """The floor of any report: read each file and open its HPKE seal; how many opened."""
    opened = 0
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        try:
            open_sealed(keypair, data[HEADER_LENGTH:], INFO + data[:HEADER_LENGTH])
        except OpenFailed:
            continue
        opened += 1
    return opened


def report_vs_raw(count: int, reps: int) -> tuple[list[float], list[float], int]:
    """The coordinator's report (``report_from_folder``) and the raw floor, taking turns.

    Returns both lists of seconds and the peak resident memory (bytes, Linux)
    while the report ran.
    """
    scheme, keypair = make_scheme()
    mine: list[float] = []
    floor: list[float] = []
    peak = 0
    with tempfile.TemporaryDirectory(prefix="mentorpair-bench-report-") as tmp:
        folder = Path(tmp)
        make_files(folder, scheme, count)
        for _ in range(reps):
            _reset_peak()
            report, took = timed(lambda: report_from_folder(folder, scheme, keypair))
            mine.append(took)
            peak = max(peak, _peak())
            opened, took = timed(lambda: raw_open(folder, keypair))
            floor.append(took)
            assert report.files_read == count, "the report missed files"
            assert opened > count * 0.99, "the reference did not open the files"
    return mine, floor, peak


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def main() -> int:
    """Make the files, time each step, print the figures."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else FILES
    scheme, keypair = make_scheme()
    with tempfile.TemporaryDirectory(prefix="mentorpair-bench-") as tmp:
        folder = Path(tmp) / "inbox"
        folder.mkdir()
        print(f"Sealing {count:,} feedback files…", flush=True)
        damaged, seal_time = timed(lambda: make_files(folder, scheme, count))
        read, read_time = timed(lambda: read_folder(folder, scheme, keypair))
        info = scheme_info(scheme)
        report, build_time = timed(
            lambda: build_report(info, read.responses, read.skipped, read.files_read)
        )
        _, json_time = timed(lambda: write_json(Path(tmp) / "report.json", report))
        _, csv_time = timed(lambda: write_csv(Path(tmp) / "report.csv", report))
        pdf_time = None
        try:
            from mentorpair.ui.coordinator.pdf import ensure_gui_application, write_pdf
        except ImportError:  # Qt not installed: the core figures still stand
            pass
        else:
            ensure_gui_application()
            _, pdf_time = timed(lambda: write_pdf(Path(tmp) / "report.pdf", report))
        pdf_size = (Path(tmp) / "report.pdf").stat().st_size if pdf_time else 0

    print()
    machine = f"{platform.system()} {platform.machine()}"
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {machine}")
    print(report.summary(), f"({damaged} damaged on purpose)")
    rows = [
        (f"seal {count:,} files (the senders' side, for scale)", seal_time, count),
        (f"read + open {count:,} files", read_time, count),
        ("aggregate + suppress", build_time, None),
        ("write JSON", json_time, None),
        ("write CSV", csv_time, None),
    ]
    if pdf_time is not None:
        rows.append((f"write PDF ({pdf_size // 1024} KiB)", pdf_time, None))
    total = read_time + build_time + (pdf_time or 0.0)
    rows.append(("folder to PDF report (read + aggregate + PDF)", total, count))
    rows += collector_rows(count)
    width = max(len(r[0]) for r in rows)
    print(f"{'step':<{width}}  {'seconds':>9}  {'files/s':>9}")
    print("-" * (width + 22))
    for name, seconds, files in rows:
        rate = f"{files / seconds:,.0f}" if files else ""
        print(f"{name:<{width}}  {seconds:>9.3f}  {rate:>9}")
    return 0


def collector_rows(count: int) -> list[tuple[str, float, int | None]]:
    """The collector's path for ``count`` files: seal, receive, release, read the batches."""
    scheme, keypair, keys = make_collected_scheme()
    with tempfile.TemporaryDirectory(prefix="mentorpair-bench-collector-") as tmp:
        inbox, store, out = Path(tmp) / "inbox", Path(tmp) / "store", Path(tmp) / "out"
        for folder in (inbox, out):
            folder.mkdir()
        print(f"Sealing {count:,} feedback files for a collector…", flush=True)
        rng = random.Random(7)

        def seal_all() -> None:
            for person in range(count):
                answer = response(scheme, rng, person, 1)
                comments = hashlib.sha256(f"comments {answer.token}".encode()).hexdigest()
                data = seal_response(replace(answer, comment_token=comments), scheme)
                (inbox / random_file_name()).write_bytes(data)

        _, seal_time = timed(seal_all)
        _, receive_time = timed(lambda: receive(store, scheme, keys, list_candidates(inbox)))
        _, release_time = timed(lambda: release(store, scheme, keys, out))
        read, read_time = timed(lambda: read_folder(out, scheme, keypair))
    print(f"Collector path: {len(read.responses):,} responses in {read.batches} batches")
    return [
        (f"seal {count:,} files in two layers", seal_time, count),
        (f"collector: receive {count:,} files", receive_time, count),
        ("collector: release the batches", release_time, count),
        (f"coordinator: read {count:,} released files", read_time, count),
    ]


if __name__ == "__main__":
    sys.exit(main())
