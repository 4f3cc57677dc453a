"""Where ``mentorpair coordinator COMMAND ...`` starts: the parser and the dispatch.

Runs without Qt and without any vault: a scheme coordinator (or collector)
may not be a mentor at all. Each command lives in its own module of this
package and adds its parser with an ``add_*`` function whose handler returns
the exit code; known errors print their plain message and exit 1. This
module holds ``init-scheme``; ``report`` is in :mod:`.report`, the
collector's commands in :mod:`.collector`, and the passphrase prompt they
share in :mod:`.passphrase`.

Command parsers take ``allow_abbrev=False`` so that ``--passphrase SECRET``
is an error, not an abbreviation of ``--passphrase-file``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from mentorpair.coordinator.collector import add_collector_commands
from mentorpair.coordinator.passphrase import read_passphrase
from mentorpair.coordinator.report import add_report_command
from mentorpair.domain.passphrase import assess
from mentorpair.errors import KnownError, PassphraseRejected
from mentorpair.feedback.collector import load_card
from mentorpair.feedback.keystore import init_scheme
from mentorpair.feedback.scheme import (
    DEFAULT_MIN_COMMENTS,
    DEFAULT_MIN_GROUP,
    InvalidScheme,
    Period,
    parse_period_spec,
    parse_questions,
)
from mentorpair.storage.oserrors import translate_os_errors

__all__ = ["add_coordinator_commands", "run"]

#: A questions file is small; refuse anything larger unread.
MAX_QUESTIONS_FILE = 256 * 1024


def add_coordinator_commands(subparsers: Any, help_text: str) -> None:
    """Add ``coordinator`` and its commands to the top-level parser's subparsers.

    ``help_text`` is its line in the top-level ``--help``, which
    :mod:`mentorpair.cli` also shows when it does not build these commands.
    """
    coordinator = subparsers.add_parser(
        "coordinator",
        help=help_text,
        description="Tools for a mentoring scheme's coordinator. No vault is needed.",
    )
    commands = coordinator.add_subparsers(
        dest="coordinator_command", metavar="COMMAND", required=True
    )
    _add_init_scheme(commands)
    add_report_command(commands)  # report.py
    add_collector_commands(commands)  # collector.py


def run(args: argparse.Namespace) -> int:
    """Run the chosen coordinator command; known errors become a message and exit 1."""
    try:
        return int(args.handler(args))
    except KnownError as exc:
        print(f"mentorpair: {exc.message}", file=sys.stderr)
        return 1


# ----------------------------------------------------------------- init-scheme
def _add_init_scheme(commands: Any) -> None:
    parser = commands.add_parser(
        "init-scheme",
        # No abbreviations: "--passphrase SECRET" must not pass as --passphrase-file.
        allow_abbrev=False,
        help="make a scheme: its key (kept under your passphrase) and the file to hand out",
        description=(
            "Make a new feedback scheme. Writes NAME.mpscheme (hand it to every pair) and "
            "NAME.mpschemekey (keep it: with your passphrase it opens the feedback)."
        ),
    )
    parser.add_argument("--name", required=True, help="the scheme's name, as people will see it")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write to")
    parser.add_argument(
        "--period",
        action="append",
        default=[],
        metavar="ID:OPENS:CLOSES",
        help="a reporting period, e.g. 2026-H2:2026-07-01:2026-12-31 (repeatable; "
        "default: the current half-year)",
    )
    parser.add_argument(
        "--min-group",
        type=int,
        default=DEFAULT_MIN_GROUP,
        metavar="K",
        help=f"smallest group whose scores are shown (default {DEFAULT_MIN_GROUP})",
    )
    parser.add_argument(
        "--min-comments",
        type=int,
        default=DEFAULT_MIN_COMMENTS,
        metavar="N",
        help=f"smallest number of comments shown as a list (default {DEFAULT_MIN_COMMENTS})",
    )
    parser.add_argument(
        "--questions",
        type=Path,
        metavar="FILE.json",
        help="the questions as a JSON list (default: the standard questionnaire)",
    )
    parser.add_argument(
        "--collector",
        type=Path,
        metavar="CARD.mpcollector",
        help="the collector's card: files then go to them, and you receive only batches",
    )
    parser.add_argument(
        "--drop-folder",
        default="",
        metavar="TEXT",
        help="a shared folder people may put their files in, as they should see it",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help="read the passphrase from the first line of F instead of asking",
    )
    parser.set_defaults(handler=_init_scheme)


def _init_scheme(args: argparse.Namespace) -> int:
    periods = [parse_period_spec(spec) for spec in args.period] or [_current_half_year()]
    questions = _read_questions(args.questions) if args.questions else None
    collector = load_card(args.collector).collector() if args.collector else None
    if args.out.exists() and not args.out.is_dir():
        print("mentorpair: --out must be a folder. Nothing was made.", file=sys.stderr)
        return 1
    passphrase = read_passphrase(args.passphrase_file, confirm=True)
    strength = assess(passphrase, [args.name])
    if not strength.acceptable:
        raise PassphraseRejected(f"That passphrase is too easy to guess. {strength.advice}")
    with translate_os_errors():
        args.out.mkdir(mode=0o700, parents=True, exist_ok=True)
    created = init_scheme(
        args.out,
        args.name,
        passphrase,
        periods,
        questions,
        min_group=args.min_group,
        min_comments=args.min_comments,
        collector=collector,
        drop_folder=args.drop_folder,
    )
    scheme = created.scheme
    print(f"Made the scheme {scheme.name!r} (key code {scheme.key_code()}).")
    print(f"Hand out: {created.scheme_path}")
    if collector is not None:
        print(
            f"Feedback goes to {collector.name}, who passes it on in batches of at least "
            f"{scheme.min_group} people."
        )
    print(f"Keep safe (with your passphrase it opens the feedback): {created.key_path}")
    return 0


def _read_questions(path: Path) -> Any:
    with translate_os_errors():
        if path.stat().st_size > MAX_QUESTIONS_FILE:
            raise InvalidScheme("The questions file is too large.")
        text = path.read_text(encoding="utf-8")
    try:
        items = json.loads(text)
    except ValueError:
        raise InvalidScheme("The questions file is not valid JSON.") from None
    return parse_questions(items)


def _current_half_year() -> Period:
    today = date.today()
    half = 1 if today.month <= 6 else 2
    opens = date(today.year, 1 if half == 1 else 7, 1)
    closes = date(today.year, 6, 30) if half == 1 else date(today.year, 12, 31)
    spec = f"{today.year}-H{half}:{opens.isoformat()}:{closes.isoformat()}"
    return parse_period_spec(spec)
