"""Command line: ``mentorpair [--vault PATH] [--demo] [--self-check]``, ``mentorpair coordinator``.

``--help``, ``--version``, ``--self-check`` and the coordinator's commands work
without a display: the UI is imported only when the app actually starts. So
that ``--help`` and ``--version`` answer at once, the coordinator's commands
(which import the feedback and crypto code) are built only when the command
line names ``coordinator``, and logging is set up only when the app starts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from mentorpair import APP_TITLE, __version__
from mentorpair.paths import default_vault_folder

__all__ = ["build_parser", "main"]

COORDINATOR = "coordinator"
#: The coordinator command's line in ``--help`` (the same whether its commands are built or not).
COORDINATOR_HELP = "a scheme coordinator's and collector's tools: schemes, reports, batches"


def build_parser(coordinator: bool = True) -> argparse.ArgumentParser:
    """The argument parser (also used for ``--help``).

    With ``coordinator=False`` the ``coordinator`` command is only named (as
    ``--help`` shows it), not built: building it imports the feedback code.
    """
    parser = argparse.ArgumentParser(
        prog="mentorpair",
        description=(
            f"{APP_TITLE}: private, encrypted notes, agenda and goals for a mentor and mentee."
        ),
    )
    parser.add_argument("--version", action="version", version=f"mentorpair {__version__}")
    parser.add_argument(
        "--vault",
        type=Path,
        metavar="PATH",
        help=f"folder of the vault to open or create (default: {default_vault_folder()})",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throwaway demo vault with invented people; it is deleted on exit",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check that vaults, encryption and notes work on this computer, then exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    if coordinator:
        # Lazy: it imports the feedback, crypto and scrubbing code (hundreds of ms).
        from mentorpair.coordinator.cli import add_coordinator_commands

        add_coordinator_commands(subparsers, COORDINATOR_HELP)
    else:
        subparsers.add_parser(COORDINATOR, help=COORDINATOR_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and start the app; return the process exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    # Subcommand names are never abbreviated, so without the word the command cannot run.
    args = build_parser(coordinator=COORDINATOR in words).parse_args(words)
    if args.command == COORDINATOR:
        from mentorpair.coordinator.cli import run as run_coordinator  # lazy: see build_parser

        return run_coordinator(args)
    if args.demo and args.vault is not None:
        print("mentorpair: --demo and --vault cannot be used together", file=sys.stderr)
        return 2
    if args.self_check:
        return _self_check()
    # Lazy: logging.handlers and traceback are not needed for --help or --version.
    from mentorpair.logs import enable_native_crash_log, report_native_crash, setup_logging

    setup_logging()
    # A segfault in Qt or a C library leaves its Python frames for the next start's log.
    report_native_crash()
    enable_native_crash_log()
    from mentorpair.ui.app import run  # the UI (and Qt) loads only from here on

    return run(vault_folder=args.vault or default_vault_folder(), demo=args.demo)


def _self_check() -> int:
    """Run :mod:`mentorpair.selfcheck`: one line on stdout if it passed, on stderr if not."""
    from mentorpair.selfcheck import PASSED_MESSAGE, SelfCheckFailed, run_self_check

    try:
        run_self_check()
    except SelfCheckFailed as exc:
        print(f"mentorpair: self-check failed: {exc}", file=sys.stderr)
        return 1
    print(PASSED_MESSAGE)
    return 0
