"""``mentorpair coordinator report``: a folder of feedback files into one report.

:mod:`mentorpair.coordinator.cli` adds it to the ``coordinator`` command;
each command's code reads on its own. JSON and CSV
need nothing but the core; a PDF needs Qt's painter, so only that path imports
the UI, lazily, and starts a headless QGuiApplication when there is no display.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mentorpair.coordinator.passphrase import read_passphrase
from mentorpair.feedback.folder import list_candidates, open_scheme_key, report_from_folder
from mentorpair.feedback.report import Report
from mentorpair.feedback.report_export import write_csv, write_json

__all__ = ["OUTPUTS", "add_report_command"]

#: The endings ``--out`` may have.
OUTPUTS = (".pdf", ".csv", ".json")


def add_report_command(commands: Any) -> None:
    """Add ``report`` to the coordinator's subcommands."""
    parser = commands.add_parser(
        "report",
        # No abbreviations: "--passphrase SECRET" must not pass as --passphrase-file.
        allow_abbrev=False,
        help="read a folder of feedback files into a report (PDF, CSV or JSON)",
        description=(
            "Read every feedback file in a folder and write a report. Files that cannot "
            "be read are listed with the reason; duplicates from the same person count "
            "once; no group smaller than the scheme's minimum is shown."
        ),
    )
    parser.add_argument(
        "--scheme",
        required=True,
        type=Path,
        metavar="KEYFILE",
        help="the scheme's key file (.mpschemekey); its .mpscheme file must be beside it",
    )
    parser.add_argument(
        "--scheme-file",
        type=Path,
        metavar="FILE",
        help="the public scheme file (.mpscheme), when it is not beside the key file",
    )
    parser.add_argument(
        "--in", dest="folder", required=True, type=Path, metavar="FOLDER", help="feedback folder"
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="REPORT",
        help="the report to write: a name ending in .pdf, .csv or .json",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help="read the passphrase from the first line of F instead of asking",
    )
    parser.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    kind = args.out.suffix.lower()
    if kind not in OUTPUTS:
        print(
            "mentorpair: --out must end in .pdf, .csv or .json. Nothing was read.", file=sys.stderr
        )
        return 1
    list_candidates(args.folder)  # a missing folder says so before the passphrase is asked
    passphrase = read_passphrase(args.passphrase_file, confirm=False)
    scheme, keypair = open_scheme_key(args.scheme, passphrase, args.scheme_file)
    progress = _Progress() if sys.stderr.isatty() else None
    report = report_from_folder(args.folder, scheme, keypair, progress)
    if progress is not None:
        progress.done()
    _write(args.out, kind, report)
    print(report.summary())
    print(f"Wrote {args.out}")
    return 0


def _write(path: Path, kind: str, report: Report) -> None:
    if kind == ".json":
        write_json(path, report)
    elif kind == ".csv":
        write_csv(path, report)
    else:
        from mentorpair.ui.coordinator.pdf import ensure_gui_application, write_pdf

        ensure_gui_application()
        write_pdf(path, report)


class _Progress:
    """Shows "Reading 1,234 of 10,000 files" on a terminal, at most a hundred times."""

    def __init__(self) -> None:
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        step = done * 100 // total if total else 100
        if step != self._shown:
            self._shown = step
            print(f"\rReading {done:,} of {total:,} files…", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        print(file=sys.stderr)
